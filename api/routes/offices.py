"""Offices over time: a person's career, who held a post, and a place's officials at a date or who
met a company. A place is asked for by its national code (6 or 12 digits) or by its name where only
one division has it; graph/offices.py says how a date is read."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import AfterValidator

from api.deps import Repo
from api.problems import ErrorBody, described
from api.routes.common import NOT_FOUND, EntityId, found_or_404
from api.routes.explore import DATED_ERRORS, IsoDate, Limit, Offset, _dates
from graph.places import DivisionAmbiguous, DivisionNotFound
from graph.views import Career, Division, PlaceOfficials, Succession

router = APIRouter(tags=["offices"])


def _day(value: str | None) -> str | None:
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a day of the calendar") from None
    return value


PlaceText = Annotated[str, Path(min_length=1, max_length=40, description=(
    "A division's national code, 6 or 12 digits (370405 or 370405000000), or its name where only one "
    "division has it (台儿庄区, 台儿庄)"))]
Sources = Annotated[int, Query(ge=2, le=200, description=(
    "Sources per post (or holder), in date order; past it, the earliest and the latest half"))]
PLACE_ERRORS = {
    **described(404, "No division has that code or name, or no entity that id", ErrorBody),
    **DATED_ERRORS,
}


def _division(repo: Repo, text: str) -> Division:
    try:
        return repo.division(text)
    except DivisionNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except (DivisionAmbiguous, ValueError) as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/places/{code}", response_model=Division, responses=PLACE_ERRORS,
            summary="The division a code or name stands for, with the city and province it lies in")
def place(code: PlaceText, repo: Repo) -> Division:
    return _division(repo, code)


@router.get("/people/{id}/career", response_model=Career, responses=NOT_FOUND,
            summary="A person's posts (a title in a place), each with first and last seen and its sources")
def career(id: EntityId, repo: Repo, sources: Sources = 10) -> Career:
    return found_or_404(repo.career(id, sources=sources), "person", id, repo)


@router.get(
    "/posts",
    response_model=Succession,
    responses=PLACE_ERRORS,
    summary="Who held a post over time: each holder with first and last seen, and the gaps between them",
    description="The post is a title (traditional or simplified) in a division. Holders are ordered by "
                "the first article that gave them the title; a gap is a stretch when no article gave it to "
                "anyone. A town's post comes under its county, one history per town.",
)
def succession(
    repo: Repo,
    title: Annotated[str, Query(min_length=1, max_length=30, description="The title: 区长, 县委书记, 副区长")],
    place: Annotated[str, Query(min_length=1, max_length=40, description=(
        "The division: its code (370405) or its name where only one division has it (台儿庄区)"))],
    sources: Sources = 10,
) -> Succession:
    division = _division(repo, place)
    return repo.succession(title, division, sources=sources)


@router.get(
    "/places/{code}/officials",
    response_model=PlaceOfficials,
    responses={**NOT_FOUND, **PLACE_ERRORS},
    summary="Officials of a division and the divisions under it: at a date, or who met a company",
    description="Without `at`: everyone an article gave a post there, with first and last seen. With `at`: "
                "those holding a post at that date: their last sighting on or before it is at most "
                "`within_days` old, and for a post one person holds at a time (区长, not 副区长) nobody else "
                "was seen in it later, up to the date; a deputy later seen heading the same post counts as "
                "the head only. With `met` (an organisation's id): only those who attended an event with "
                "its people, or with a signing it was party to, or signed with it (within `from_date` and "
                "`to_date`) while they held office in the division: the meeting's article gave them a post "
                "there, or gave none with a place and their latest post seen before it was there. Each "
                "meeting comes with its event, sentence and the titles its article gave them.",
)
def place_officials(
    code: PlaceText,
    repo: Repo,
    at: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day: 2022-07-27"),
                  AfterValidator(_day)] = None,
    within_days: Annotated[int, Query(ge=1, le=3650, description=(
        "With `at`: how old a sighting may be and still count"))] = 365,
    met: Annotated[str | None, Query(min_length=1, max_length=100, description="An organisation's id")] = None,
    from_date: IsoDate = None,
    to_date: IsoDate = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> PlaceOfficials:
    _dates(from_date, to_date)
    division = _division(repo, code)
    found = repo.place_officials(division, at=at, within_days=within_days, met=met, from_date=from_date,
                                 to_date=to_date, limit=limit, offset=offset)
    return found_or_404(found, "organization", met or "", repo)
