"""Exploring connections: a person's timeline and contacts, the officials around an organisation,
and paths and neighbourhoods with filters. Every list pages with ``limit``/``offset`` and filters
by ``from_date``/``to_date`` (ISO dates, inclusive) and, where it has one, ``place``."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from fastapi import APIRouter, HTTPException, Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from api.deps import Repo
from api.problems import DATES_REFUSED
from api.routes.common import NOT_FOUND, EntityId, found_or_404
from graph.model import PATH_TYPES, RELATIONSHIPS
from graph.views import Contacts, GraphNode, GraphPath, GraphView, Officials, Timeline

router = APIRouter(tags=["explore"])


def _real_date(value: str | None) -> str | None:
    """A year, a month or a day that exists: 2023-02-30 and 2023-99-99 are refused with the reason."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise ValueError(f"{value} is not a date: the month must be 01 to 12")
    if len(parts) > 2:
        last = calendar.monthrange(parts[0], parts[1])[1] if parts[0] >= 1 else 31
        if not 1 <= parts[2] <= last:
            raise ValueError(f"{value} is not a date: that month has days 01 to {last:02d}")
    return value


IsoDate = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                      description="ISO date (a year, a month or a day), e.g. 2023-05-01; one "
                                                  "that does not exist (2023-02-30), or a from_date after "
                                                  "to_date, is refused with 422 and the reason"),
                    AfterValidator(_real_date)]
Place = Annotated[str | None, Query(min_length=1, max_length=50, description="Any part of a place, e.g. 鹤泉")]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=100_000)]
if TYPE_CHECKING:
    PathType: TypeAlias = str
    RelType: TypeAlias = str
else:
    # Literals of the model's types (graph/model.py): OpenAPI lists them and anything else is a 422.
    PathType = Literal[tuple(t.value for t in PATH_TYPES)]
    RelType = Literal[tuple(t.value for t in RELATIONSHIPS)]


DATED_ERRORS = {**NOT_FOUND, **DATES_REFUSED}


def _dates(from_date: str | None, to_date: str | None) -> None:
    if from_date and to_date and from_date > to_date:
        raise HTTPException(status_code=422, detail=f"from_date {from_date} is after to_date {to_date}")


@router.get("/people/{id}/timeline", response_model=Timeline, responses=DATED_ERRORS,
            summary="A person's titles, events and signings in date order, each with its source")
def timeline(
    id: EntityId,
    repo: Repo,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    place: Place = None,
    kind: Annotated[list[Literal["position", "event", "signing"]] | None, Query(description="Only these; repeat")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Timeline:
    _dates(from_date, to_date)
    found = repo.timeline(id, from_date=from_date, to_date=to_date, place=place, kinds=list(kind or []) or None,
                          limit=limit, offset=offset)
    return found_or_404(found, "person", id, repo)


@router.get("/people/{id}/contacts", response_model=Contacts, responses=DATED_ERRORS,
            summary="People and companies met at the same events, most often met first, with the events")
def contacts(
    id: EntityId,
    repo: Repo,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    place: Place = None,
    kind: Annotated[list[Literal["person", "organization"]] | None, Query(description="Only these; repeat")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Contacts:
    _dates(from_date, to_date)
    found = repo.contacts(id, from_date=from_date, to_date=to_date, place=place, kinds=list(kind or []) or None,
                          limit=limit, offset=offset)
    return found_or_404(found, "person", id, repo)


@router.get("/organizations/{id}/officials", response_model=Officials, responses=DATED_ERRORS,
            summary="Officials who attended the organisation's events or signed with it, with dates")
def officials(
    id: EntityId,
    repo: Repo,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    place: Place = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Officials:
    _dates(from_date, to_date)
    found = repo.officials(id, from_date=from_date, to_date=to_date, place=place, limit=limit, offset=offset)
    return found_or_404(found, "organization", id, repo)


class PathsResult(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: GraphNode = Field(alias="from")
    to: GraphNode
    max_hops: int
    k: int | None = None
    total: int = 0
    paths: list[GraphPath]


@router.get(
    "/paths",
    response_model=PathsResult,
    response_model_by_alias=True,
    responses=DATED_ERRORS,
    summary="Shortest connections between two entities, each step with its source sentence",
    description="Without k, types or dates: every connection of the least length (up to `limit`). "
                "With any of them: up to k shortest connections of any length up to max_hops, through "
                "the given relationship types, over facts dated within the range (undated facts pass).",
)
def paths(
    repo: Repo,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=100)],
    to: Annotated[str, Query(min_length=1, max_length=100)],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    limit: Annotated[int, Query(ge=1, le=10)] = 3,
    k: Annotated[int | None, Query(ge=1, le=5, description="Up to k shortest connections")] = None,
    type: Annotated[list[PathType] | None, Query(description="Only these relationship types; repeat")] = None,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    offset: Offset = 0,
) -> PathsResult:
    _dates(from_date, to_date)
    start = found_or_404(repo.node(from_), "node", from_, repo)
    end = found_or_404(repo.node(to), "node", to, repo)
    if k is None and not type and from_date is None and to_date is None:
        found = repo.paths(from_, to, max_hops=max_hops, limit=limit + offset)
    else:
        found = repo.k_paths(from_, to, k=(k or limit) + offset, max_hops=max_hops, types=list(type or []) or None,
                             from_date=from_date, to_date=to_date)
    return PathsResult.model_validate({"from": start, "to": end, "max_hops": max_hops, "k": k, "total": len(found),
                                       "paths": found[offset:]})


@router.get(
    "/graph/neighbourhood/{id}",
    response_model=GraphView,
    responses=DATED_ERRORS,
    summary="Nodes and edges around one node, for drawing; optionally only edges of some types and dates",
)
def neighbourhood(
    repo: Repo,
    id: EntityId,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=300)] = 100,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    type: Annotated[list[RelType] | None, Query(max_length=20, description="Only these relationship types")] = None,
) -> GraphView:
    _dates(from_date, to_date)
    if from_date is None and to_date is None and not type:
        view = repo.neighbourhood(id, depth=depth, limit=limit)
    else:
        view = repo.neighbourhood(id, depth=depth, limit=limit, from_date=from_date, to_date=to_date,
                                  types=list(type or []) or None)
    return found_or_404(view, "node", id, repo)
