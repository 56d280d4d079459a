"""What every route module shares: the id path parameter and the answer for an unknown id."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import HTTPException, Path, Query

from graph.repository import MAX_DETAIL_LIMIT

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="An id from /search")]
DetailLimit = Annotated[int, Query(ge=1, le=MAX_DETAIL_LIMIT,
                                   description="How many of each list (newest first); `totals` gives them all")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such id"}}
T = TypeVar("T")


def found_or_404(value: T | None, what: str, id: str) -> T:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {id!r}")
    return value
