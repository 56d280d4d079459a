"""The shapes of the API's error answers, declared in OpenAPI so generated clients keep `detail`,
and the exception a route raises for an id that was merged into another."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong, in words a reader can act on")


class MovedBody(ErrorBody):
    merged_into: str = Field(description="The id of the node that holds the merged-away id's facts now")


class UnavailableBody(ErrorBody):
    pass


class ValidationIssue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationBody(BaseModel):
    detail: list[ValidationIssue]


class MergedAway(Exception):
    """The asked id was merged into ``into``: answered 301 with a pointer (api/errors.py)."""

    def __init__(self, id: str, into: str) -> None:
        super().__init__(f"{id} was merged into {into}")
        self.id = id
        self.into = into


def described(status: int, description: str, model: type[BaseModel] = ErrorBody) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": model, "description": description}}


UNAVAILABLE = described(503, "The graph database is not reachable; try again shortly (see Retry-After)",
                        UnavailableBody)
# A route's 422 says which refusals it makes, so a generated client's reader knows them without a try.
DATES_REFUSED = described(422, "A parameter is malformed, a date does not exist (2023-99-99, 2023-02-30), or "
                               "from_date is after to_date; each issue's `msg` gives the reason", ValidationBody)
BODY_REFUSED = described(422, "The body is malformed: not JSON, a field missing, or a field of the wrong kind or "
                              "size; each issue's `msg` gives the reason", ValidationBody)
