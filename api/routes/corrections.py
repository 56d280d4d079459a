"""Manual corrections: merge two nodes into one, split another's articles off; with an audit trail.

Writes need the API key (api/security.py); the list of corrections is open to read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query
from pydantic import BaseModel, Field

from api.deps import Repo
from api.security import require_api_key
from graph.corrections import Correction, CorrectionError, EntityNotFound

router = APIRouter(tags=["corrections"])

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="A person, organization or project id")]
Editor = Annotated[str | None, Header(alias="X-Guanxi-User", max_length=100, description="Who makes the change")]
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong X-API-Key"},
    403: {"description": "Writes are disabled (no GUANXI_API_KEY on the server)"},
    404: {"description": "No such id"},
    409: {"description": "The correction cannot be made (different kinds, nothing to split, …)"},
}


class MergeRequest(BaseModel):
    other_id: str = Field(min_length=1, max_length=100, description="The node merged into the one in the path")
    reason: str = Field(min_length=1, max_length=1000, description="Why: kept in the audit trail")
    by: str | None = Field(default=None, max_length=100, description="Who; else the X-Guanxi-User header")


class SplitRequest(BaseModel):
    article_ids: list[str] = Field(min_length=1, max_length=500,
                                   description="The articles whose mentions belong to someone else")
    reason: str = Field(min_length=1, max_length=1000)
    name: str | None = Field(default=None, max_length=200, description="A name for the new node (default: the same)")
    by: str | None = Field(default=None, max_length=100)


def _apply(action: Callable[[], Correction]) -> Correction:
    try:
        return action()
    except EntityNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except CorrectionError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc


@router.post("/entities/{id}/merge", response_model=Correction, responses=WRITE_ERRORS,
             dependencies=[Depends(require_api_key)],
             summary="Merge another node into this one: its facts move here, its names become aliases")
def merge(id: EntityId, body: MergeRequest, repo: Repo, editor: Editor = None) -> Correction:
    by = body.by or editor or "api"
    return _apply(lambda: repo.merge_entities(id, body.other_id, by=by, reason=body.reason))


@router.post("/entities/{id}/split", response_model=Correction, responses=WRITE_ERRORS,
             dependencies=[Depends(require_api_key)],
             summary="Split what some articles say about this node off to a new node of the same kind")
def split(id: EntityId, body: SplitRequest, repo: Repo, editor: Editor = None) -> Correction:
    by = body.by or editor or "api"
    return _apply(lambda: repo.split_entity(id, body.article_ids, by=by, reason=body.reason, name=body.name))


@router.get("/corrections", response_model=list[Correction], summary="The audit trail, newest first")
def corrections(
    repo: Repo,
    entity: Annotated[str | None, Query(max_length=100, description="Only corrections touching this id")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[Correction]:
    return list(repo.corrections(entity, limit=limit, offset=offset))


@router.get("/entities/{id}/corrections", response_model=list[Correction],
            summary="The corrections made to one node")
def entity_corrections(
    id: EntityId,
    repo: Repo,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[Correction]:
    return list(repo.corrections(id, limit=limit, offset=offset))
