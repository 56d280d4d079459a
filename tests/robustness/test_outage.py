"""Neo4j stopping and restarting under a running API and a running loader, on a disposable
instance of its own: the API answers 503 with JSON while Neo4j is down and recovers by itself; a
load rides through a restart; a load whose Neo4j stays down stops with a clear message; and no
article is ever half written."""

from __future__ import annotations

import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.server import LocalNeo4j, open_driver
from guanxi.settings import Settings

from .conftest import GUANXI_BIN, article_facts, cli_env, fingerprint, many_articles

pytestmark = pytest.mark.integration

WAIT_S = 120.0  # a bound on waiting for a server or a loader, never an assertion on speed


@pytest.fixture(scope="module")
def flaky_driver(flaky_settings: Settings) -> Iterator[neo4j.Driver]:
    with open_driver(flaky_settings) as driver:
        yield driver


def wipe(driver: neo4j.Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def articles_stored(driver: neo4j.Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    return int(records[0]["n"])


def start_loader(folder: Path, settings: Settings, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(GUANXI_BIN), "load", str(folder)], env=cli_env(settings, **env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for_articles(driver: neo4j.Driver, loader: subprocess.Popen[str], at_least: int) -> None:
    deadline = time.monotonic() + WAIT_S
    while loader.poll() is None and time.monotonic() < deadline:
        if articles_stored(driver) >= at_least:
            return
        time.sleep(0.1)
    raise AssertionError("the loader ended (or stalled) before Neo4j could be stopped under it")


def test_api_answers_503_while_down_recovers_by_itself_and_a_load_rides_through_the_restart(
    tmp_path: Path, flaky_settings: Settings, flaky_driver: neo4j.Driver
) -> None:
    wipe(flaky_driver)
    folder = tmp_path / "articles"
    many_articles(folder, copies=1)
    server = LocalNeo4j(flaky_settings)
    answered: Counter[str] = Counter()
    bad: list[str] = []
    polling = threading.Event()

    with TestClient(create_app(flaky_settings), raise_server_exceptions=False) as client:
        assert client.get("/health").json() == {"status": "ok", "neo4j": True}

        def poll() -> None:
            # What a browser sees during the restart: only 200 or 503, always JSON.
            while not polling.is_set():
                for url in ("/health", "/stats", "/search?q=%E5%8C%BA"):
                    response = client.get(url)
                    answered[f"{url.split('?')[0]} {response.status_code}"] += 1
                    if response.status_code not in (200, 503) or "json" not in response.headers["content-type"]:
                        bad.append(f"{url} {response.status_code} {response.text[:200]}")
                time.sleep(0.2)

        loader = start_loader(folder, flaky_settings)
        watcher = threading.Thread(target=poll)
        try:
            wait_for_articles(flaky_driver, loader, 3)
            watcher.start()
            server.stop()
            down = {url: client.get(url) for url in ("/health", "/stats", "/search?q=%E5%8C%BA",
                                                     "/people/per-0000000000000000")}
            server.start()
            deadline = time.monotonic() + WAIT_S
            while client.get("/health").status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            recovered = {url: client.get(url).status_code for url in ("/health", "/stats", "/search?q=%E5%8C%BA")}
            output, _ = loader.communicate(timeout=300)
        finally:
            polling.set()
            if watcher.is_alive():
                watcher.join(timeout=60)
            if loader.poll() is None:
                loader.kill()

    assert down["/health"].status_code == 503
    assert down["/health"].json() == {"status": "degraded", "neo4j": False}
    for url in ("/stats", "/search?q=%E5%8C%BA", "/people/per-0000000000000000"):
        assert down[url].status_code == 503, url
        assert down[url].json()["detail"] == "The graph database is unavailable; try again shortly."
    assert recovered == {"/health": 200, "/stats": 200, "/search?q=%E5%8C%BA": 200}
    assert not bad, bad
    print(f"\nrequests answered during the restart: {dict(sorted(answered.items()))}")

    # The load rode through: it said it was waiting, then finished everything.
    assert loader.returncode == 0, output
    assert "Neo4j is not answering" in output
    loaded = fingerprint(flaky_driver, flaky_settings.neo4j_database)
    again = subprocess.run([str(GUANXI_BIN), "load", str(folder)], env=cli_env(flaky_settings),
                           capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stdout
    assert fingerprint(flaky_driver, flaky_settings.neo4j_database) == loaded  # nothing was missing


def test_a_load_whose_neo4j_stays_down_stops_with_a_clear_message_and_no_half_article(
    tmp_path: Path, flaky_settings: Settings, flaky_driver: neo4j.Driver
) -> None:
    wipe(flaky_driver)
    folder = tmp_path / "articles"
    many_articles(folder, copies=1)
    server = LocalNeo4j(flaky_settings)
    # Few, short attempts: the point is the message at the end, not the patience.
    loader = start_loader(folder, flaky_settings, GUANXI_LOAD_RETRIES="3", GUANXI_QUERY_TIMEOUT_S="2",
                          GUANXI_CONNECTION_TIMEOUT_S="1")
    try:
        wait_for_articles(flaky_driver, loader, 3)
        server.stop()
        output, _ = loader.communicate(timeout=WAIT_S)
    finally:
        if loader.poll() is None:
            loader.kill()
        server.start()
    assert loader.returncode == 2, output
    assert "Neo4j became unavailable while loading" in output
    assert "gave up after 3 attempts" in output
    assert "Nothing of the unfinished article was written" in output
    assert "Run the same command again" in output
    assert "Traceback" not in output

    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        try:
            before = article_facts(flaky_driver, flaky_settings.neo4j_database)
            break
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
            time.sleep(0.5)
    resumed = subprocess.run([str(GUANXI_BIN), "load", str(folder)], env=cli_env(flaky_settings),
                             capture_output=True, text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stdout
    after = article_facts(flaky_driver, flaky_settings.neo4j_database)
    assert 0 < len(before) < len(after)
    for art_id, facts in before.items():
        assert facts == after[art_id], f"article {art_id} was half written when Neo4j stopped"
