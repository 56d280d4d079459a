"""Settings, the one Neo4j driver of the app, and the repository dependency the routes use.

The driver is opened once when the app starts (lifespan) and closed when it stops. If it cannot be
opened (no server configured yet), the app still starts: the repository then answers every call
with GraphUnavailable, which the API turns into 503, and the next request tries to open it again.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from graph.errors import GraphUnavailable
from graph.repository import GraphRepository
from guanxi.settings import Settings, get_settings


def open_graph_driver(settings: Settings) -> Any:
    """The one place the API opens a driver: the project's runtime decides local server vs external."""
    from graph.server import open_driver

    return open_driver(settings)


class UnavailableRepository:
    """Stands in for the repository while no driver could be opened."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def ping(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:
        def unavailable(*args: object, **kwargs: object) -> Any:
            raise GraphUnavailable(self.reason)

        return unavailable


class GraphState:
    """The driver and repository of one app, opened lazily again after a failed start."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._driver: Any = None
        self._repository: GraphRepository | None = None
        self._error = "not connected"
        self._lock = threading.Lock()

    def connect(self) -> None:
        with self._lock:
            if self._repository is not None:
                return
            try:
                self._driver = open_graph_driver(self.settings)
            except Exception as exc:  # any failure to open: the app stays up and answers 503
                self._error = f"cannot open the Neo4j driver: {exc}"
                return
            self._repository = GraphRepository(
                self._driver, self.settings.neo4j_database, query_timeout_s=self.settings.query_timeout_s
            )

    def repository(self) -> GraphRepository | UnavailableRepository:
        if self._repository is None:
            self.connect()
        return self._repository or UnavailableRepository(self._error)

    def close(self) -> None:
        with self._lock:
            if self._driver is not None:
                self._driver.close()
            self._driver = None
            self._repository = None


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    state: GraphState = app.state.graph
    state.connect()
    try:
        yield
    finally:
        state.close()


def settings_dependency() -> Settings:
    return get_settings()


async def get_repository(request: Request) -> GraphRepository:
    """The routes' only way to the graph; tests override it with a fake.

    Async although it does no I/O: FastAPI runs a sync dependency in its thread pool, one more
    hand-over between threads (and for the interpreter lock) on every request.
    """
    state: GraphState = request.app.state.graph
    return state.repository()  # type: ignore[return-value]


# What a route declares to get the repository: ``repo: Repo``.
Repo = Annotated[GraphRepository, Depends(get_repository)]
