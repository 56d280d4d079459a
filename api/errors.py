"""Errors → HTTP answers, always JSON with a ``detail``: unreachable Neo4j is 503, a query past its
time limit 504, an id merged into another 301 with a pointer, and anything unexpected a plain 500
that names no internals (the log has the rest).

A 503 says what a reader needs and nothing more: never the driver's message, a host or a path
(the reason goes to the log)."""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.problems import MergedAway
from graph.errors import (
    DRIVER_CLIENT_ERROR,
    DRIVER_UNAVAILABLE_ERRORS,
    GraphQueryTimeout,
    GraphUnavailable,
    is_login_refusal,
)

UNAVAILABLE_MESSAGE = "The graph database is not reachable; try again shortly."
INTERNAL_MESSAGE = "Internal error; it has been logged."
# Clients may retry a 503 after this many seconds; Neo4j restarts take about that long.
RETRY_AFTER_S = "5"

log = logging.getLogger("guanxi.api")


def _unavailable() -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": UNAVAILABLE_MESSAGE},
                        headers={"Retry-After": RETRY_AFTER_S})


async def graph_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("graph unavailable on %s %s: %s", request.method, request.url.path, exc)
    return _unavailable()


async def driver_unavailable(request: Request, exc: Exception) -> JSONResponse:
    # A driver error that escaped translation: the same answer, without the driver's wording.
    log.warning("driver error on %s %s: %s", request.method, request.url.path, exc)
    return _unavailable()


async def driver_client_error(request: Request, exc: Exception) -> JSONResponse:
    # A refused login (locked after too many wrong passwords) is the database being unusable for
    # now, not a fault of this request.
    if is_login_refusal(exc):
        return await driver_unavailable(request, exc)
    return await unexpected(request, exc)


async def graph_timeout(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=504, content={"detail": "The query took too long; narrow it down."})


async def unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, content={"detail": INTERNAL_MESSAGE})


def moved_url(request: Request, old: str, new: str) -> str:
    """The same request with the merged-away id replaced by the surviving one, in the path or query."""
    path = "/".join(quote(new, safe="") if part == old else part for part in request.url.path.split("/"))
    pairs = [(k, new if v == old else v) for k, v in parse_qsl(request.url.query, keep_blank_values=True)]
    return path + (f"?{urlencode(pairs)}" if pairs else "")


async def merged_away(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MergedAway)
    # Not cached: an undo of the merge brings the old id back.
    return JSONResponse(status_code=301, content={"detail": str(exc), "merged_into": exc.into},
                        headers={"Location": moved_url(request, exc.id, exc.into), "Cache-Control": "no-store"})


async def http_error(request: Request, exc: Exception) -> Response:
    """HTTPExceptions as FastAPI answers them, except that a route's own 422 ("from_date is after
    to_date") takes the documented validation shape, so clients parse every 422 the same way."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 422 and isinstance(exc.detail, str):
        error = {"loc": ["query"], "msg": exc.detail, "type": "value_error"}
        return JSONResponse(status_code=422, content={"detail": [error]}, headers=exc.headers)
    return await http_exception_handler(request, exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(MergedAway, merged_away)
    app.add_exception_handler(GraphUnavailable, graph_unavailable)
    app.add_exception_handler(GraphQueryTimeout, graph_timeout)
    for driver_error in DRIVER_UNAVAILABLE_ERRORS:
        app.add_exception_handler(driver_error, driver_unavailable)
    app.add_exception_handler(DRIVER_CLIENT_ERROR, driver_client_error)
    app.add_exception_handler(Exception, unexpected)
