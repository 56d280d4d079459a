"""Liveness and the size of the graph."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel

from api.deps import Repo
from graph.errors import GraphError
from graph.views import Counts

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    neo4j: bool


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "Neo4j cannot be reached"}},
)
def health(response: Response, repo: Repo) -> Health:
    try:
        up = repo.ping()
    except GraphError:
        up = False
    if not up:
        response.status_code = 503
        return Health(status="degraded", neo4j=False)
    return Health(status="ok", neo4j=True)


@router.get("/stats", response_model=Counts, summary="How many nodes of each kind the graph holds")
def stats(repo: Repo) -> Counts:
    return repo.counts()
