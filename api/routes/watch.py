"""Watchlists: an editor follows people, organisations, projects and places, and asks what the loads
since they last looked say about them (graph/watchlists.py).

A watchlist is its key owner's own, so every request here carries the key (api/security.py),
checked before anything else: the watchlist of whoever holds the shared ``GUANXI_API_KEY`` is the
newsroom's, an editor's own key gives them theirs.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import AfterValidator, BaseModel, Field

from api.deps import Repo
from api.problems import BODY_REFUSED, ErrorBody, ValidationBody, described
from api.routes.corrections import KEY_ERRORS, Editor, EntityId
from api.security import KeyFirstRoute
from graph.places import DivisionAmbiguous, DivisionNotFound
from graph.watchlists import NotFollowable, WatchChanges, Watchlist

router = APIRouter(tags=["watchlists"], route_class=KeyFirstRoute)


def _moment(value: str | None) -> str | None:
    """A date (2024-05-01, midnight UTC) or a date and time (UTC unless it says: 2024-05-01T08:00+08:00)."""
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not an ISO date or date and time (2024-05-01, 2024-05-01T08:00:00Z)") from None
    return value


Moment = Annotated[str | None, AfterValidator(_moment)]
PlaceText = Annotated[str, Path(min_length=1, max_length=40, description=(
    "A division's national code, 6 or 12 digits (370405), or its name where only one division has it (台儿庄区)"))]
FOLLOW_ERRORS = {
    **KEY_ERRORS,
    **described(404, "No person, organization or project with that id, or no division with that code or name",
                ErrorBody),
    **described(409, "That is not something to follow (an event, an article…)", ErrorBody),
    **described(422, "A place name several divisions have (市中区: give its code), or digits of no code's length; "
                     "`msg` gives the reason", ValidationBody),
}


class SeenRequest(BaseModel):
    until: Moment = Field(default=None, description="The `until` of the changes read (GET /watch/changes): what "
                                                    "was loaded up to it is read. Default: now")


def _division_errors(exc: LookupError | ValueError) -> HTTPException:
    if isinstance(exc, DivisionNotFound):
        return HTTPException(status_code=404, detail=str(exc))
    return HTTPException(status_code=422, detail=str(exc))


@router.get("/watch", response_model=Watchlist, responses=KEY_ERRORS, summary="What the key's owner follows")
def watchlist(repo: Repo, editor: Editor) -> Watchlist:
    return repo.watchlist(editor)  # type: ignore[no-any-return]


@router.put("/watch/entities/{id}", response_model=Watchlist, responses=FOLLOW_ERRORS,
            summary="Follow a person, organization or project")
def follow_entity(id: EntityId, repo: Repo, editor: Editor) -> Watchlist:
    try:
        followed = repo.follow_entity(editor, id)
    except NotFollowable as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    if followed is None:
        raise HTTPException(status_code=404, detail=f"no person, organization or project with id {id!r}")
    return followed  # type: ignore[no-any-return]


@router.delete("/watch/entities/{id}", response_model=Watchlist, responses=FOLLOW_ERRORS,
               summary="Stop following a person, organization or project")
def unfollow_entity(id: EntityId, repo: Repo, editor: Editor) -> Watchlist:
    return repo.unfollow_entity(editor, id)  # type: ignore[no-any-return]


@router.put("/watch/places/{place}", response_model=Watchlist, responses=FOLLOW_ERRORS,
            summary="Follow a division and every division under it")
def follow_place(place: PlaceText, repo: Repo, editor: Editor) -> Watchlist:
    try:
        return repo.follow_place(editor, place)  # type: ignore[no-any-return]
    except (DivisionNotFound, DivisionAmbiguous, ValueError) as exc:
        raise _division_errors(exc) from exc


@router.delete("/watch/places/{place}", response_model=Watchlist, responses=FOLLOW_ERRORS,
               summary="Stop following a division")
def unfollow_place(place: PlaceText, repo: Repo, editor: Editor) -> Watchlist:
    try:
        return repo.unfollow_place(editor, place)  # type: ignore[no-any-return]
    except (DivisionNotFound, DivisionAmbiguous, ValueError) as exc:
        raise _division_errors(exc) from exc


@router.get("/watch/changes", response_model=WatchChanges,
            responses={**KEY_ERRORS, **described(422, "`since` is no date or time, or `limit` or `offset` out of "
                                                        "range; `msg` gives the reason", ValidationBody)},
            summary="What articles loaded since a time say about what the key's owner follows, newest first")
def changes(
    repo: Repo,
    editor: Editor,
    since: Annotated[Moment, Query(max_length=40, description=(
        "Loaded after this date or time (UTC unless it says). Default: when the owner last marked "
        "the news read (PUT /watch/seen), else when they began following"))] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> WatchChanges:
    return repo.watch_changes(editor, since, limit=limit, offset=offset)  # type: ignore[no-any-return]


@router.put("/watch/seen", response_model=Watchlist, responses={**KEY_ERRORS, **BODY_REFUSED},
            summary="Mark what is new as read: later loads are new again")
def seen(repo: Repo, editor: Editor, body: SeenRequest | None = None) -> Watchlist:
    return repo.mark_seen(editor, body.until if body else None)  # type: ignore[no-any-return]
