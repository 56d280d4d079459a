"""Shared fixtures. Integration tests (marked ``integration``) get a real Neo4j:

- with GUANXI_NEO4J_URI set, that external server (its data is wiped by ``empty_db``!);
- otherwise the project's local instance ``test`` on port 7688 (GUANXI_TEST_INSTANCE /
  GUANXI_TEST_BOLT_PORT override), started on first use and left running so re-runs are fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.server import LocalNeo4j, open_driver, uses_external_server
from guanxi.settings import Settings
from tests.wheel_helpers import build_wheel

TEST_INSTANCE = os.environ.get("GUANXI_TEST_INSTANCE", "test")
TEST_BOLT_PORT = int(os.environ.get("GUANXI_TEST_BOLT_PORT", "7688"))


@pytest.fixture(scope="session")
def neo4j_settings() -> Settings:
    # Tests write between two reads and read at once: the response cache asks at every request
    # whether the graph changed (api/cache.py), where a server asks at most every 500 ms.
    settings = Settings().model_copy(update={"api_cache_check_ms": 0})
    if uses_external_server(settings):
        return settings
    overrides: dict[str, object] = {"instance": TEST_INSTANCE, "bolt_port": TEST_BOLT_PORT}
    # Test data is tiny; leave memory for the main instance unless the user sized it.
    if "GUANXI_HEAP_SIZE" not in os.environ:
        overrides["heap_size"] = "512m"
    if "GUANXI_PAGECACHE_SIZE" not in os.environ:
        overrides["pagecache_size"] = "256m"
    settings = settings.model_copy(update=overrides)
    LocalNeo4j(settings).start()
    return settings


@pytest.fixture(scope="session")
def driver(neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    with open_driver(neo4j_settings) as opened:
        yield opened


@pytest.fixture
def empty_db(driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The driver, after deleting every node and relationship (indexes and constraints stay)."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    return driver


@pytest.fixture(scope="session")
def guanxi_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip wheel .` builds from a clean clone of this tree; built once per run."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))
