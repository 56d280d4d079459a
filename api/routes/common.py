"""What every route module shares: the id path parameter, the answer for an unknown id and for an id
merged into another, and the error answers each route declares in OpenAPI."""

from __future__ import annotations

from typing import Annotated, Any, Protocol, TypeVar

from fastapi import HTTPException, Path, Query

from api.problems import ErrorBody, MergedAway, MovedBody
from graph.repository import MAX_DETAIL_LIMIT

EntityId = Annotated[str, Path(min_length=1, max_length=100, description="An id from /search")]
DetailLimit = Annotated[int, Query(ge=1, le=MAX_DETAIL_LIMIT,
                                   description="How many of each list (newest first); `totals` gives them all")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    301: {"model": MovedBody, "description": "The id was merged into another: `Location` and `merged_into` "
                                             "name the node that holds its facts now"},
    404: {"model": ErrorBody, "description": "No such id"},
}
T = TypeVar("T")


class KnowsMerges(Protocol):
    def merged_into(self, id: str) -> str | None: ...


def found_or_404(value: T | None, what: str, id: str, repo: KnowsMerges | None = None) -> T:
    if value is None:
        into = repo.merged_into(id) if repo is not None else None
        if into:
            raise MergedAway(id, into)
        raise HTTPException(status_code=404, detail=f"no {what} with id {id!r}")
    return value
