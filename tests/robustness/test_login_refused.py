"""A wrong password hammered by another client makes Neo4j lock the user for a few seconds
(``AuthenticationRateLimit``), even for the right password. The API then answers 503 with a plain
message and the loader exits with its documented 2, no traceback. On the disposable instance, so
that no other test meets the lock."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError

from api.main import create_app
from graph.server import LocalNeo4j
from guanxi.settings import Settings

from .conftest import FIXTURE_ARTICLES, GUANXI_BIN, cli_env

pytestmark = pytest.mark.integration

WAIT_S = 30.0  # a bound on waiting for the lock to start or end, never an assertion on speed


def _login_error(uri: str, password: str) -> Exception | None:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", password), connection_timeout=2.0) as driver:
        try:
            driver.verify_connectivity()
        except Exception as exc:
            return exc
    return None


def _locked(uri: str, password: str) -> bool:
    error = _login_error(uri, password)
    return isinstance(error, ClientError) and "AuthenticationRateLimit" in (error.code or "")


def test_a_locked_login_is_503_for_the_api_and_exit_2_for_the_loader(tmp_path: Path,
                                                                     flaky_settings: Settings) -> None:
    server = LocalNeo4j(flaky_settings)
    uri, password = server.bolt_uri, server.read_password() or ""
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            _login_error(uri, "a-wrong-password-from-elsewhere")

    thread = threading.Thread(target=hammer, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + WAIT_S
        while not _locked(uri, password):
            assert time.monotonic() < deadline, "Neo4j never locked the user"
            time.sleep(0.2)
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "a.txt").write_bytes((FIXTURE_ARTICLES / "013_web_township_signing.txt").read_bytes())
        done = subprocess.run([str(GUANXI_BIN), "load", str(folder)], env=cli_env(flaky_settings),
                              capture_output=True, text=True, timeout=120, check=False)
        with TestClient(create_app(flaky_settings), raise_server_exceptions=False) as client:
            answers = {path: client.get(path) for path in ("/stats", "/search?q=区", "/health")}
    finally:
        stop.set()
        thread.join(timeout=10)

    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Neo4j refused the login" in output and "Traceback" not in output
    for path in ("/stats", "/search?q=区"):
        assert answers[path].status_code == 503, answers[path].text
        assert answers[path].json() == {"detail": "The graph database is not reachable; try again shortly."}
    assert answers["/health"].status_code == 503

    # The lock passes by itself once the wrong passwords stop; leave the instance usable.
    deadline = time.monotonic() + WAIT_S
    while _login_error(uri, password) is not None:
        assert time.monotonic() < deadline, "the lock did not pass"
        time.sleep(0.5)
