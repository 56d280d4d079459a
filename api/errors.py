"""Errors → HTTP answers, always JSON with a ``detail``: unreachable Neo4j is 503, a query past its
time limit 504, and anything unexpected a plain 500 that names no internals (the log has the rest)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from neo4j.exceptions import DatabaseUnavailable, ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import GraphQueryTimeout, GraphUnavailable

UNAVAILABLE_MESSAGE = "The graph database is unavailable; try again shortly."
INTERNAL_MESSAGE = "Internal error; it has been logged."
# Clients may retry a 503 after this many seconds; Neo4j restarts take about that long.
RETRY_AFTER_S = "5"

log = logging.getLogger("guanxi.api")


async def graph_unavailable(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": UNAVAILABLE_MESSAGE, "reason": str(exc)},
                        headers={"Retry-After": RETRY_AFTER_S})


async def driver_unavailable(request: Request, exc: Exception) -> JSONResponse:
    # A driver error that escaped translation: the same answer, without the driver's wording.
    return JSONResponse(status_code=503, content={"detail": UNAVAILABLE_MESSAGE},
                        headers={"Retry-After": RETRY_AFTER_S})


async def graph_timeout(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=504, content={"detail": "The query took too long; narrow it down."})


async def unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(status_code=500, content={"detail": INTERNAL_MESSAGE})


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
    app.add_exception_handler(GraphUnavailable, graph_unavailable)
    app.add_exception_handler(GraphQueryTimeout, graph_timeout)
    for driver_error in (ServiceUnavailable, SessionExpired, DatabaseUnavailable):
        app.add_exception_handler(driver_error, driver_unavailable)
    app.add_exception_handler(Exception, unexpected)
