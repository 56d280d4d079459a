"""One entity with its facts and their sources."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Path

from api.deps import Repo
from graph.views import EventDetail, OrganizationDetail, PersonDetail, ProjectDetail

router = APIRouter(tags=["entities"])

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="An id from /search")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such id"}}
T = TypeVar("T")


def _found(value: T | None, what: str, id: str) -> T:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {id!r}")
    return value


@router.get("/people/{id}", response_model=PersonDetail, responses=NOT_FOUND)
def person(id: EntityId, repo: Repo) -> PersonDetail:
    return _found(repo.person(id), "person", id)


@router.get("/events/{id}", response_model=EventDetail, responses=NOT_FOUND)
def event(id: EntityId, repo: Repo) -> EventDetail:
    return _found(repo.event(id), "event", id)


@router.get("/organizations/{id}", response_model=OrganizationDetail, responses=NOT_FOUND)
def organization(id: EntityId, repo: Repo) -> OrganizationDetail:
    return _found(repo.organization(id), "organization", id)


@router.get("/projects/{id}", response_model=ProjectDetail, responses=NOT_FOUND)
def project(id: EntityId, repo: Repo) -> ProjectDetail:
    return _found(repo.project(id), "project", id)
