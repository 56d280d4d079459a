"""Investigations: a reader's named set of entities with notes and the graph view they were drawn
in, saved on the server, exported as one file and opened again from it (graph/investigations.py).

Each is its key owner's own: every request carries the key (api/security.py), checked first, and
an investigation of someone else's answers 404 as one that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import Repo
from api.problems import BODY_REFUSED, ErrorBody, ValidationBody, described
from api.routes.corrections import KEY_ERRORS, Editor
from api.security import KeyFirstRoute
from graph.investigations import (
    Investigation,
    InvestigationDraft,
    InvestigationNotFound,
    InvestigationSummary,
    NameTaken,
    NotAnInvestigation,
    Opened,
    UnknownEntities,
    investigation_ftm_lines,
    investigation_graphml,
)

router = APIRouter(tags=["investigations"], route_class=KeyFirstRoute)

InvestigationId = Annotated[str, Path(min_length=1, max_length=100, description="An investigation's id")]
NOT_YOURS = described(404, "No investigation of yours with that id", ErrorBody)
SAVE_ERRORS = {
    **KEY_ERRORS,
    **described(404, "No investigation of yours with that id, or nothing in the graph has one of the entity ids",
                ErrorBody),
    **described(409, "You already have an investigation of that name, or an entity is of a kind it does not keep",
                ErrorBody),
    **BODY_REFUSED,
}
FILE_TYPES = ("application/graphml+xml", "application/xml", "text/xml")


def _saved(action: object) -> Investigation:
    try:
        return action()  # type: ignore[operator, no-any-return]
    except (InvestigationNotFound, UnknownEntities) as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except (NameTaken, ValueError) as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc


@router.get("/investigations", response_model=list[InvestigationSummary], responses=KEY_ERRORS,
            summary="The key owner's investigations, the last changed first")
def investigations(repo: Repo, editor: Editor) -> list[InvestigationSummary]:
    return repo.investigations(editor)  # type: ignore[no-any-return]


@router.post("/investigations", response_model=Investigation, status_code=201, responses=SAVE_ERRORS,
             summary="Start an investigation: a name, notes, entities (each with a note) and a graph view")
def create(body: InvestigationDraft, repo: Repo, editor: Editor) -> Investigation:
    return _saved(lambda: repo.create_investigation(editor, body))


@router.get("/investigations/{id}", response_model=Investigation, responses={**KEY_ERRORS, **NOT_YOURS},
            summary="One investigation, its entities as the graph holds them now")
def investigation(id: InvestigationId, repo: Repo, editor: Editor) -> Investigation:
    found = repo.investigation(editor, id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no investigation of yours with id {id!r}")
    return found  # type: ignore[no-any-return]


@router.put("/investigations/{id}", response_model=Investigation, responses=SAVE_ERRORS,
            summary="Save an investigation as sent: its name, notes, entities and view")
def update(id: InvestigationId, body: InvestigationDraft, repo: Repo, editor: Editor) -> Investigation:
    return _saved(lambda: repo.update_investigation(editor, id, body))


@router.delete("/investigations/{id}", status_code=204, response_class=Response,
               responses={**KEY_ERRORS, **NOT_YOURS}, summary="Delete an investigation (the graph is untouched)")
def delete(id: InvestigationId, repo: Repo, editor: Editor) -> Response:
    if not repo.delete_investigation(editor, id):
        raise HTTPException(status_code=404, detail=f"no investigation of yours with id {id!r}")
    return Response(status_code=204)


@router.get("/investigations/{id}/export", response_class=Response,
            responses={200: {"content": {"application/graphml+xml": {}, "application/x-ndjson": {}}},
                       **KEY_ERRORS, **NOT_YOURS},
            summary="The investigation as one file: GraphML (its graph, name, notes and view; opens again with "
                    "POST /investigations/open) or followthemoney lines with its notes (Aleph)")
def export(id: InvestigationId, repo: Repo, editor: Editor,
           format: Annotated[Literal["graphml", "ftm"], Query(description="Which file")] = "graphml") -> Response:
    found = repo.investigation(editor, id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no investigation of yours with id {id!r}")
    view = repo.nodes_view([e.entity.id for e in found.entities])
    if format == "ftm":
        body, media, ending = investigation_ftm_lines(found, view), "application/x-ndjson", "ftm.json"
    else:
        body, media, ending = investigation_graphml(found, view), "application/graphml+xml", "graphml"
    # The name may be Chinese: an ASCII file name for old clients, the name itself for the rest (RFC 6266).
    disposition = f"attachment; filename=\"{found.id}.{ending}\"; filename*=UTF-8''{quote(found.name)}.{ending}"
    return Response(content=body, media_type=f"{media}; charset=utf-8", headers={"Content-Disposition": disposition})


@router.post("/investigations/open", response_model=Opened, status_code=201,
             responses={**KEY_ERRORS, **described(422, "The body is not an investigation's GraphML (not UTF-8, not "
                                                        "XML, no guanxi key, a DTD…); `msg` gives the reason",
                                                   ValidationBody)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 t: {"schema": {"type": "string"}} for t in FILE_TYPES}}},
             summary="Open an exported investigation's GraphML as a new investigation of yours; what this graph "
                     "does not hold is listed in `missing`")
async def open_file(request: Request, repo: Repo, editor: Editor) -> Opened:
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _refused("the file is not UTF-8 text") from None
    try:
        return await run_in_threadpool(repo.open_investigation, editor, text)  # type: ignore[no-any-return]
    except NotAnInvestigation as exc:
        raise _refused(str(exc)) from exc


def _refused(reason: str) -> RequestValidationError:
    # The shape of every 422, saying it is the body that is refused.
    return RequestValidationError([{"loc": ("body",), "msg": reason, "type": "value_error"}])
