"""After Neo4j restarts, the API answers again as soon as Neo4j does: pooled connections to the old
process are checked and dropped before use, so no request waits on a dead one or on a retry. On
the disposable instance; the bounds are generous: a freshly started server plans its first queries
slowly (seconds each on two cores), which no client setting shortens. The figure is printed."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.server import LIVENESS_CHECK_AFTER_S, LocalNeo4j, open_driver
from guanxi.settings import Settings

pytestmark = pytest.mark.integration

ENDPOINTS = ("/stats", "/search?q=%E5%8C%BA", "/health", "/people/per-0000000000000000")
BOUND_S = 30.0  # a bound on waiting, never a speed assertion: the measured time is printed


def test_pooled_connections_are_checked_before_use(flaky_settings: Settings) -> None:
    with open_driver(flaky_settings) as driver:
        assert driver._pool.pool_config.liveness_check_timeout == LIVENESS_CHECK_AFTER_S


def test_the_api_answers_again_as_soon_as_neo4j_is_back(flaky_settings: Settings) -> None:
    server = LocalNeo4j(flaky_settings)
    with open_driver(flaky_settings) as driver:
        # The test starts from its own instance, whatever ran before: the graph's indexes exist.
        from graph.writer import GraphWriter

        GraphWriter(driver, flaky_settings.neo4j_database).ensure_schema()
    with TestClient(create_app(flaky_settings), raise_server_exceptions=False) as client:
        # Several pooled connections, as a busy API holds; a fresh server plans its first queries
        # slowly, so the API is first brought to answering everything.
        warm = time.monotonic()
        while not all(client.get(url).status_code in (200, 404) for url in ENDPOINTS * 3):
            assert time.monotonic() - warm < BOUND_S, "the API never answered before the restart"
            time.sleep(0.5)
        server.stop()
        assert client.get("/stats").status_code == 503
        server.start()
        # The clock starts when Neo4j answers a query again, on a connection of its own.
        started_at = time.monotonic()
        with open_driver(flaky_settings) as fresh:
            fresh.execute_query("RETURN 1", database_=flaky_settings.neo4j_database)
        database_back = time.monotonic() - started_at
        back = time.monotonic()
        slowest = 0.0
        answered: list[tuple[str, int]] = []
        rounds: list[object] = []
        while time.monotonic() - back < BOUND_S:
            answered = []
            for url in ENDPOINTS:
                started = time.monotonic()
                answered.append((url, client.get(url).status_code))
                slowest = max(slowest, time.monotonic() - started)
            rounds.append((round(time.monotonic() - back, 1), answered))
            if all(code in (200, 404) for _, code in answered):
                break
            time.sleep(0.2)
        recovered = time.monotonic() - back
        # Afterwards every request is quick again: nothing waits on a dead connection.
        again = time.monotonic()
        assert all(client.get(url).status_code in (200, 404) for url in ENDPOINTS * 3)
        steady = time.monotonic() - again
    print(f"\nNeo4j answered {database_back:.1f} s after its start returned; the API recovered {recovered:.1f} s "
          f"after that (slowest request {slowest:.1f} s, then {len(ENDPOINTS) * 3} requests in {steady:.2f} s)")
    assert dict(answered) == {"/stats": 200, "/search?q=%E5%8C%BA": 200, "/health": 200,
                              "/people/per-0000000000000000": 404}, rounds
    assert recovered < BOUND_S and slowest < 15.0, rounds
