"""Manual corrections: merge two nodes into one, split another's articles off, undo either; with an
audit trail that names the owner of the key each was made with.

Writes need an API key (api/security.py), checked before the body is read; the trail is open to read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field

from api.deps import Repo
from api.problems import BODY_REFUSED, ErrorBody, described
from api.security import KeyFirstRoute, require_api_key
from graph.corrections import (
    Correction,
    CorrectionDetail,
    CorrectionError,
    CorrectionNotFound,
    EntityNotFound,
)

router = APIRouter(tags=["corrections"])
writes = APIRouter(tags=["corrections"], route_class=KeyFirstRoute)

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="A person, organization or project id")]
CorrectionId = Annotated[str, Path(min_length=1, max_length=100, description="A correction's id")]
Editor = Annotated[str, Depends(require_api_key)]
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **described(401, "Missing or wrong X-API-Key"),
    **described(403, "Writes are disabled (no key configured on the server, or GUANXI_API_KEY too short)"),
    **described(404, "No such id"),
    **described(409, "The correction cannot be made (different kinds, nothing to split, a later correction "
                     "stands on it, …)"),
    **described(429, "Too many wrong keys from this address; wait Retry-After seconds"),
    **BODY_REFUSED,
}


class MergeRequest(BaseModel):
    other_id: str = Field(min_length=1, max_length=100, description="The node merged into the one in the path")
    reason: str = Field(min_length=1, max_length=1000, description="Why: kept in the audit trail")


class SplitRequest(BaseModel):
    article_ids: list[str] = Field(min_length=1, max_length=500,
                                   description="The articles whose mentions belong to someone else")
    reason: str = Field(min_length=1, max_length=1000)
    name: str | None = Field(default=None, max_length=200, description="A name for the new node (default: the same)")


class UndoRequest(BaseModel):
    reason: str | None = Field(default=None, max_length=1000, description="Why: kept in the audit trail")


def _apply(action: Callable[[], Correction]) -> Correction:
    try:
        return action()
    except (EntityNotFound, CorrectionNotFound) as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except CorrectionError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc


@writes.post("/entities/{id}/merge", response_model=Correction, responses=WRITE_ERRORS,
             summary="Merge another node into this one: its facts move here, its names become aliases")
def merge(id: EntityId, body: MergeRequest, repo: Repo, editor: Editor) -> Correction:
    return _apply(lambda: repo.merge_entities(id, body.other_id, by=editor, reason=body.reason))


@writes.post("/entities/{id}/split", response_model=Correction, responses=WRITE_ERRORS,
             summary="Split what some articles say about this node off to a new node of the same kind")
def split(id: EntityId, body: SplitRequest, repo: Repo, editor: Editor) -> Correction:
    return _apply(lambda: repo.split_entity(id, body.article_ids, by=editor, reason=body.reason, name=body.name))


@writes.post("/corrections/{id}/undo", response_model=Correction, responses=WRITE_ERRORS,
             summary="Undo a merge or split: the graph is put back exactly as it was before it")
def undo(id: CorrectionId, repo: Repo, editor: Editor, body: UndoRequest | None = None) -> Correction:
    return _apply(lambda: repo.undo_correction(id, by=editor, reason=(body.reason if body else None)))


@router.get("/corrections", response_model=list[Correction], summary="The audit trail, newest first")
def corrections(
    repo: Repo,
    entity: Annotated[str | None, Query(max_length=100, description="Only corrections touching this id")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[Correction]:
    return list(repo.corrections(entity, limit=limit, offset=offset))


@router.get("/corrections/{id}", response_model=CorrectionDetail, responses={404: {"model": ErrorBody}},
            summary="One correction with every fact it moved, as the fact was before")
def correction(id: CorrectionId, repo: Repo) -> CorrectionDetail:
    found = repo.correction(id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no correction with id {id!r}")
    return found  # type: ignore[no-any-return]


@router.get("/entities/{id}/corrections", response_model=list[Correction],
            summary="The corrections made to one node")
def entity_corrections(
    id: EntityId,
    repo: Repo,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[Correction]:
    return list(repo.corrections(id, limit=limit, offset=offset))
