"""The real server the integration fixtures provide: it answers, and starting it again is harmless."""

from __future__ import annotations

import stat

import neo4j
import pytest

from graph.server import LocalNeo4j, connection_settings, uses_external_server
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


def _local_only(settings: Settings) -> None:
    if uses_external_server(settings):
        pytest.skip("GUANXI_NEO4J_URI points at an external server; the local runtime is not in use")


def test_server_answers_a_query(driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = driver.execute_query("RETURN 1 AS one", database_=neo4j_settings.neo4j_database)
    assert records[0]["one"] == 1


def test_starting_a_running_server_again_changes_nothing(neo4j_settings: Settings) -> None:
    _local_only(neo4j_settings)
    server = LocalNeo4j(neo4j_settings)
    before = server.status()

    outcome = server.start()

    assert outcome.already_running
    assert outcome.status.pid == before.pid


def test_status_reports_the_running_server(neo4j_settings: Settings) -> None:
    _local_only(neo4j_settings)
    status = LocalNeo4j(neo4j_settings).status()

    assert status.running
    assert status.pid is not None
    assert status.bolt_uri == f"bolt://127.0.0.1:{neo4j_settings.bolt_port}"
    assert status.data_dir.is_dir()


def test_generated_password_logs_in_and_is_private(neo4j_settings: Settings) -> None:
    _local_only(neo4j_settings)
    uri, user, password, database = connection_settings(neo4j_settings)
    server = LocalNeo4j(neo4j_settings)

    assert password != "neo4j"
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as fresh:
        records, _, _ = fresh.execute_query("RETURN 2 AS two", database_=database)
    assert records[0]["two"] == 2


def test_a_test_may_leave_data_behind(driver: neo4j.Driver, neo4j_settings: Settings) -> None:
    # Runs before the next test, which must not see this.
    driver.execute_query("CREATE (:Probe)-[:LINKS]->(:Probe)", database_=neo4j_settings.neo4j_database)


def test_empty_db_gives_a_database_without_nodes(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = empty_db.execute_query(
        "MATCH (n) RETURN count(n) AS nodes", database_=neo4j_settings.neo4j_database
    )

    assert records[0]["nodes"] == 0
