"""The local-server runtime without Java: its config, password file, and where connections go."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.server import (
    LIVENESS_CHECK_AFTER_S,
    LocalNeo4j,
    Neo4jServerError,
    connection_settings,
    ensure_jars,
    jars_present,
    neo4j_version,
    open_driver,
)
from guanxi.cli_neo4j import neo4j_app
from guanxi.settings import Settings

POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <properties><neo4j.version>9.8.7</neo4j.version></properties>
</project>
"""


def local_settings(home: Path, **extra: object) -> Settings:
    # neo4j_uri=None: the environment of whoever runs the tests must not leak in.
    values: dict[str, object] = {"home": home, "instance": "unit", "bolt_port": 17999, "neo4j_uri": None}
    values.update(extra)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def pom(tmp_path: Path) -> Path:
    path = tmp_path / "pom.xml"
    path.write_text(POM, encoding="utf-8")
    return path


def conf_values(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    return {key: value for key, value in pairs}


def test_conf_listens_only_locally_with_auth_and_the_chosen_sizes(tmp_path: Path) -> None:
    server = LocalNeo4j(local_settings(tmp_path, heap_size="768m", pagecache_size="300m"))

    conf = conf_values(server.render_conf())

    assert conf["server.bolt.listen_address"] == "127.0.0.1:17999"
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.http.enabled"] == "false"
    assert conf["server.https.enabled"] == "false"
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["dbms.usage_report.enabled"] == "false"
    assert conf["server.memory.heap.max_size"] == "768m"
    assert conf["server.memory.pagecache.size"] == "300m"


def test_conf_keeps_every_folder_inside_the_instance(tmp_path: Path) -> None:
    server = LocalNeo4j(local_settings(tmp_path))
    root = (tmp_path / "instances" / "unit").resolve()

    conf = conf_values(server.render_conf())

    for key in ("server.directories.data", "server.directories.logs", "server.directories.run"):
        assert Path(conf[key]).is_relative_to(root), key


def test_bolt_uri_follows_the_port_of_the_last_start(tmp_path: Path) -> None:
    LocalNeo4j(local_settings(tmp_path, bolt_port=17123)).write_conf()

    later = LocalNeo4j(local_settings(tmp_path, bolt_port=17999))

    assert later.bolt_uri == "bolt://127.0.0.1:17123"


def test_password_is_generated_once_and_only_the_owner_can_read_it(tmp_path: Path) -> None:
    server = LocalNeo4j(local_settings(tmp_path))

    first = server.ensure_password_file()
    second = LocalNeo4j(local_settings(tmp_path)).ensure_password_file()

    assert first == second
    assert len(first) >= 16 and first != "neo4j"
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600


def test_each_instance_gets_its_own_password(tmp_path: Path) -> None:
    one = LocalNeo4j(local_settings(tmp_path, instance="one")).ensure_password_file()
    two = LocalNeo4j(local_settings(tmp_path, instance="two")).ensure_password_file()

    assert one != two


def test_instance_names_cannot_escape_the_home_folder(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError):
        LocalNeo4j(local_settings(tmp_path, instance="../elsewhere"))


def test_local_connection_uses_the_instance_password(tmp_path: Path) -> None:
    settings = local_settings(tmp_path, neo4j_database="neo4j")
    password = LocalNeo4j(settings).ensure_password_file()

    assert connection_settings(settings) == ("bolt://127.0.0.1:17999", "neo4j", password, "neo4j")


def test_local_connection_before_first_start_says_how_to_start(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError, match="neo4j start"):
        connection_settings(local_settings(tmp_path))


def test_external_server_wins_over_the_local_instance(tmp_path: Path) -> None:
    settings = local_settings(
        tmp_path,
        neo4j_uri="bolt://db.example:7687",
        neo4j_user="reader",
        neo4j_password="s3cret-pass",
        neo4j_database="graph",
    )
    LocalNeo4j(settings).ensure_password_file()

    assert connection_settings(settings) == ("bolt://db.example:7687", "reader", "s3cret-pass", "graph")


def test_external_server_without_password_is_a_clear_error(tmp_path: Path) -> None:
    settings = local_settings(tmp_path, neo4j_uri="bolt://db.example:7687", neo4j_password=None)

    with pytest.raises(Neo4jServerError, match="GUANXI_NEO4J_PASSWORD"):
        connection_settings(settings)


def test_never_started_instance_is_reported_stopped(tmp_path: Path) -> None:
    status = LocalNeo4j(local_settings(tmp_path)).status()

    assert not status.running
    assert status.pid is None


def test_pid_file_of_some_other_process_does_not_count_as_running(tmp_path: Path) -> None:
    server = LocalNeo4j(local_settings(tmp_path))
    server.run_dir.mkdir(parents=True)
    server.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not Neo4j

    assert not server.status().running
    assert not server.stop()


def test_pom_version_names_the_server_jar(tmp_path: Path, pom: Path) -> None:
    settings = local_settings(tmp_path)

    assert neo4j_version(pom) == "9.8.7"
    assert not jars_present(settings, pom)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "neo4j-server-9.8.7.jar").write_bytes(b"")
    assert jars_present(settings, pom)


def test_present_jars_are_not_downloaded_again(
    tmp_path: Path, pom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "neo4j-server-9.8.7.jar").write_bytes(b"")

    def no_subprocess(*args: object, **kwargs: object) -> None:
        raise AssertionError("Maven must not run")

    monkeypatch.setattr(subprocess, "run", no_subprocess)

    assert ensure_jars(local_settings(tmp_path), pom) is False


def test_missing_maven_is_a_clear_error(tmp_path: Path, pom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))

    with pytest.raises(Neo4jServerError, match="Maven"):
        ensure_jars(local_settings(tmp_path), pom)


def test_failed_maven_leaves_no_half_filled_lib(
    tmp_path: Path, pom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_mvn = bin_dir / "mvn"
    fake_mvn.write_text("#!/bin/sh\necho 'could not resolve org.neo4j:neo4j' >&2\nexit 1\n")
    fake_mvn.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))

    with pytest.raises(Neo4jServerError, match="could not resolve"):
        ensure_jars(local_settings(tmp_path), pom)
    assert not (tmp_path / "lib").exists()


def test_cli_status_of_a_stopped_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path))
    monkeypatch.delenv("GUANXI_NEO4J_URI", raising=False)

    result = CliRunner().invoke(neo4j_app, ["status", "--instance", "cli-unit"])

    assert result.exit_code == 3
    assert "stopped" in result.output


def test_cli_start_with_an_external_server_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path))
    monkeypatch.setenv("GUANXI_NEO4J_URI", "bolt://db.example:7687")

    result = CliRunner().invoke(neo4j_app, ["start"])

    assert result.exit_code == 0
    assert "GUANXI_NEO4J_URI" in result.output
    assert not (tmp_path / "instances").exists()


def test_cli_failure_is_one_line_and_non_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path))
    monkeypatch.delenv("GUANXI_NEO4J_URI", raising=False)

    result = CliRunner().invoke(neo4j_app, ["status", "--instance", "../x"])

    assert result.exit_code == 1
    assert "instance name" in result.output


def test_pooled_connections_are_checked_before_use_without_a_server() -> None:
    # After a restart the pool holds connections to the old process: each idle one is checked (one
    # RESET) before use and dropped if dead, so a request neither fails on it nor waits out a retry.
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x", query_timeout_s=15.0)
    with open_driver(settings) as driver:
        assert driver._pool.pool_config.liveness_check_timeout == LIVENESS_CHECK_AFTER_S <= 1.0
        # A transaction on a dead connection is retried for at most 5 s, never the driver's 30 s.
        assert driver._default_workspace_config.max_transaction_retry_time <= 5.0
