"""Exports of a neighbourhood (``id`` and ``depth``) or of the whole graph (no ``id``; paged by
``limit``/``offset`` over nodes ordered by id, edges among the page's nodes). The header
``X-Guanxi-Truncated: true`` says there is more. ``POST /export/view`` turns the view a reader has
on screen (nodes hidden, relations filtered) into the same files."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import Repo
from api.problems import BODY_REFUSED
from api.routes.common import NOT_FOUND, found_or_404
from graph.export import SPREADSHEET_BOM, edges_csv, ftm_lines, nodes_csv, to_graphml
from graph.views import GraphView

router = APIRouter(tags=["export"])

Id = Annotated[str | None, Query(min_length=1, max_length=100, description="Centre of a neighbourhood; none: all")]
Depth = Annotated[int, Query(ge=1, le=3)]
# Bounded like every list of the API; `guanxi entities export` writes graphs of any size.
Limit = Annotated[int, Query(ge=1, le=500, description="Most nodes in the export")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Whole graph only: skip this many nodes (by id)")]


def _view(repo: Repo, id: str | None, depth: int, limit: int, offset: int) -> GraphView:
    if id is None:
        return repo.whole_graph(limit=limit, offset=offset)
    return found_or_404(repo.neighbourhood(id, depth=depth, limit=limit), "node", id, repo)


def _file(body: str, media_type: str, name: str, view: GraphView) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"',
               "X-Guanxi-Truncated": "true" if view.truncated else "false"}
    return Response(content=body, media_type=media_type, headers=headers)


@router.get("/export/graphml", response_class=Response, summary="GraphML (Gephi, yEd, Cytoscape)",
            responses={200: {"content": {"application/graphml+xml": {}}}, **NOT_FOUND})
def graphml(repo: Repo, id: Id = None, depth: Depth = 1, limit: Limit = 500, offset: Offset = 0) -> Response:
    view = _view(repo, id, depth, limit, offset)
    return _file(to_graphml(view), "application/graphml+xml; charset=utf-8", "guanxi.graphml", view)


@router.get("/export/csv", response_class=Response, summary="CSV: the nodes table or the edges table",
            responses={200: {"content": {"text/csv": {}}}, **NOT_FOUND})
def csv(repo: Repo, id: Id = None, depth: Depth = 1, limit: Limit = 500, offset: Offset = 0,
        part: Annotated[Literal["nodes", "edges"], Query(description="Which table")] = "edges") -> Response:
    view = _view(repo, id, depth, limit, offset)
    body = SPREADSHEET_BOM + (nodes_csv(view) if part == "nodes" else edges_csv(view))
    return _file(body, "text/csv; charset=utf-8", f"guanxi-{part}.csv", view)


@router.get("/export/ftm", response_class=Response,
            summary="followthemoney entities, one JSON object a line (OCCRP Aleph, ftm tools)",
            responses={200: {"content": {"application/x-ndjson": {}}}, **NOT_FOUND})
def ftm(repo: Repo, id: Id = None, depth: Depth = 1, limit: Limit = 500, offset: Offset = 0) -> Response:
    view = _view(repo, id, depth, limit, offset)
    return _file(ftm_lines(view), "application/x-ndjson; charset=utf-8", "guanxi.ftm.json", view)


@router.post("/export/view", response_class=Response,
             summary="The graph a reader has on screen, as GraphML or followthemoney entities",
             responses={200: {"content": {"application/graphml+xml": {}, "application/x-ndjson": {}}},
                        **BODY_REFUSED},
             # A POST only because a view does not fit in a URL: it converts what it is sent and
             # writes nothing, so it needs no key (the tests read this mark).
             openapi_extra={"x-writes": False})
def view_export(view: GraphView,
                format: Annotated[Literal["graphml", "ftm"], Query(description="Which file")] = "graphml") -> Response:
    # The page sends what it drew; a line whose end it did not send is not on screen either.
    ids = {n.id for n in view.nodes}
    view = view.model_copy(update={"edges": [e for e in view.edges if e.source in ids and e.target in ids]})
    if format == "ftm":
        return _file(ftm_lines(view), "application/x-ndjson; charset=utf-8", "guanxi-view.ftm.json", view)
    return _file(to_graphml(view), "application/graphml+xml; charset=utf-8", "guanxi-view.graphml", view)
