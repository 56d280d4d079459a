"""Secrets: the local Neo4j listens on loopback only, with a generated password (never the factory
neo4j/neo4j), and no password or API key shows up in output, logs or answers."""

from __future__ import annotations

import logging
import re
import socket
import stat
import subprocess
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import AuthError

from api.main import create_app
from graph.server import FACTORY_PASSWORD, LocalNeo4j, uses_external_server
from guanxi.settings import Settings

from .conftest import FIXTURE_ARTICLES, GUANXI_BIN, cli_env

pytestmark = pytest.mark.integration


@pytest.fixture
def local(neo4j_settings: Settings) -> LocalNeo4j:
    if uses_external_server(neo4j_settings):
        pytest.skip("an external Neo4j's configuration is not ours to check")
    return LocalNeo4j(neo4j_settings)


def test_the_local_server_listens_on_loopback_only_with_auth(local: LocalNeo4j) -> None:
    conf = local.conf_file.read_text(encoding="utf-8")
    addresses = re.findall(r"^server\.[\w.]*listen_address=(.*)$", conf, re.MULTILINE)
    assert addresses and all(a.split(":")[0] == "127.0.0.1" for a in addresses), addresses
    assert "dbms.security.auth_enabled=true" in conf.splitlines()
    assert "server.http.enabled=false" in conf.splitlines()
    # Nothing answers on the machine's other addresses.
    try:
        other = {str(a[4][0]) for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    except OSError:
        other = set()
    for address in other:
        if address.startswith("127."):
            continue
        with socket.socket() as sock:
            sock.settimeout(1.0)
            assert sock.connect_ex((address, local.configured_bolt_port())) != 0, address


def test_the_password_is_generated_private_and_the_factory_one_is_refused(local: LocalNeo4j) -> None:
    password = local.read_password()
    assert password and password != FACTORY_PASSWORD and len(password) >= 24
    mode = stat.S_IMODE(local.password_file.stat().st_mode)
    assert mode == 0o600, oct(mode)
    with neo4j.GraphDatabase.driver(local.bolt_uri, auth=("neo4j", FACTORY_PASSWORD)) as factory, \
            pytest.raises(AuthError):
        factory.verify_connectivity()


def test_no_secret_in_cli_output_server_logs_or_api_answers(
    tmp_path: Path, local: LocalNeo4j, neo4j_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    password = local.read_password()
    assert password
    api_key = "robustness-api-key-0123456789"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((FIXTURE_ARTICLES / "013_web_township_signing.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    outputs = []
    for args in (["load", str(folder)], ["neo4j", "status"]):
        done = subprocess.run([str(GUANXI_BIN), *args], env=cli_env(neo4j_settings, GUANXI_API_KEY=api_key),
                              capture_output=True, text=True, timeout=300, check=False)
        outputs.append(done.stdout + done.stderr)
    # A wrong password: the refusal names the problem, not the password tried.
    wrong = "wrong-password-abcdefghijkl"
    done = subprocess.run([str(GUANXI_BIN), "load", str(folder)],
                          env=cli_env(neo4j_settings, GUANXI_NEO4J_URI=local.bolt_uri, GUANXI_NEO4J_PASSWORD=wrong),
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 2 and "cannot reach Neo4j" in done.stdout
    outputs.append(done.stdout + done.stderr)

    caplog.set_level(logging.DEBUG)
    settings = neo4j_settings.model_copy(update={"api_key": api_key})
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        answers = [client.get("/health"), client.get("/search", params={"q": "区"}),
                   client.post("/entities/per-1/merge", json={"other_id": "per-2", "reason": "x"},
                               headers={"X-API-Key": "wrong"})]
    down = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9", "neo4j_password": password,
                                       "connection_timeout_s": 0.5, "query_timeout_s": 0.5})
    with TestClient(create_app(down), raise_server_exceptions=False) as client:
        answers += [client.get("/health"), client.get("/stats")]
    assert answers[-1].status_code == 503
    outputs += [a.text for a in answers] + [caplog.text]
    outputs += [p.read_text(errors="replace") for p in local.logs_dir.glob("*.log")]

    for text in outputs:
        assert password not in text
        assert api_key not in text
        assert wrong not in text
