"""Manual corrections: merge two nodes into one, split another's articles off, undo either; with an
audit trail that names the owner of the key each was made with. Before either, a preview says what
would move (which facts, from which articles), and its plan sent back with the correction makes
sure nothing else moves.

Writes and previews need an API key (api/security.py), checked before the body is read; the trail
is open to read. ``GET /editor`` tells a page whose key it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

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
    CorrectionPreview,
    EntityNotFound,
)

T = TypeVar("T")
router = APIRouter(tags=["corrections"])
writes = APIRouter(tags=["corrections"], route_class=KeyFirstRoute)

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="A person, organization or project id")]
CorrectionId = Annotated[str, Path(min_length=1, max_length=100, description="A correction's id")]
Editor = Annotated[str, Depends(require_api_key)]
KEY_ERRORS: dict[int | str, dict[str, Any]] = {
    **described(401, "Missing or wrong X-API-Key"),
    **described(403, "Writes are disabled (no key configured on the server, or GUANXI_API_KEY too short)"),
    **described(429, "Too many wrong keys from this address; wait Retry-After seconds"),
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **KEY_ERRORS,
    **described(404, "No such id"),
    **described(409, "The correction cannot be made (different kinds, nothing to split, a later correction "
                     "stands on it, what would move changed since its preview, …)"),
    **BODY_REFUSED,
}


Plan = Annotated[str | None, Field(
    min_length=1, max_length=64,
    description="The `plan` of the preview the reader confirmed: refused (409) if what would move has changed "
                "since. Without it, whatever the nodes hold when the correction runs moves.")]


class MergePreviewRequest(BaseModel):
    other_id: str = Field(min_length=1, max_length=100, description="The node merged into the one in the path")


class MergeRequest(MergePreviewRequest):
    reason: str = Field(min_length=1, max_length=1000, description="Why: kept in the audit trail")
    plan: Plan = None


class SplitPreviewRequest(BaseModel):
    article_ids: list[str] = Field(min_length=1, max_length=500,
                                   description="The articles whose mentions belong to someone else")
    name: str | None = Field(default=None, max_length=200, description="A name for the new node (default: the same)")


class SplitRequest(SplitPreviewRequest):
    reason: str = Field(min_length=1, max_length=1000)
    plan: Plan = None


class EditorView(BaseModel):
    editor: str = Field(description="Whose key this is: the name the audit trail gives what it does")


class UndoRequest(BaseModel):
    reason: str | None = Field(default=None, max_length=1000, description="Why: kept in the audit trail")


def _apply(action: Callable[[], T]) -> T:
    try:
        return action()
    except (EntityNotFound, CorrectionNotFound) as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except CorrectionError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc


@writes.post("/entities/{id}/merge", response_model=Correction, responses=WRITE_ERRORS,
             summary="Merge another node into this one: its facts move here, its names become aliases")
def merge(id: EntityId, body: MergeRequest, repo: Repo, editor: Editor) -> Correction:
    return _apply(lambda: repo.merge_entities(id, body.other_id, by=editor, reason=body.reason, plan=body.plan))


@writes.post("/entities/{id}/merge/preview", response_model=CorrectionPreview, responses=WRITE_ERRORS,
             summary="What merging another node into this one would move, written nowhere")
def merge_preview(id: EntityId, body: MergePreviewRequest, repo: Repo, editor: Editor) -> CorrectionPreview:
    return _apply(lambda: repo.preview_merge(id, body.other_id))


@writes.post("/entities/{id}/split", response_model=Correction, responses=WRITE_ERRORS,
             summary="Split what some articles say about this node off to a new node of the same kind")
def split(id: EntityId, body: SplitRequest, repo: Repo, editor: Editor) -> Correction:
    return _apply(lambda: repo.split_entity(id, body.article_ids, by=editor, reason=body.reason, name=body.name,
                                            plan=body.plan))


@writes.post("/entities/{id}/split/preview", response_model=CorrectionPreview, responses=WRITE_ERRORS,
             summary="What splitting some articles off this node would move to the new node, written nowhere")
def split_preview(id: EntityId, body: SplitPreviewRequest, repo: Repo, editor: Editor) -> CorrectionPreview:
    return _apply(lambda: repo.preview_split(id, body.article_ids, name=body.name))


@writes.get("/editor", response_model=EditorView, responses=KEY_ERRORS,
            summary="Whose key the X-API-Key header holds: a page asks before it offers corrections")
def editor(editor: Editor) -> EditorView:
    return EditorView(editor=editor)


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
