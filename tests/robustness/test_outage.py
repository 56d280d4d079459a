"""Neo4j stopping and restarting under a running API and two running loaders, on a disposable
instance of its own (one restart, since each costs half a minute):

- the API answers 503 with JSON while Neo4j is down and recovers by itself when it is back;
- a load with the default retries rides through the restart and finishes;
- a load with few, short retries stops with a clear message while Neo4j stays down;
- no article is half written, and running the loads again changes nothing.
"""

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

from .conftest import GUANXI_BIN, article_facts, cli_env, fingerprint, graph_difference, many_articles

pytestmark = pytest.mark.integration

WAIT_S = 120.0  # a bound on waiting for a server or a loader, never an assertion on speed
# Short articles (1 to 3 each): a batch long enough to stop Neo4j under, short enough to re-run.
FEW = ("003_web_inspection_hengrui.txt", "005_traditional_reprint.txt", "006_web_bom_framework.txt",
       "009_web_executive_meeting.txt", "012_tongxi_daily_new_year.txt", "013_web_township_signing.txt")
ENDPOINTS = ("/health", "/stats", "/search?q=%E5%8C%BA")
DOWN_MESSAGE = "The graph database is not reachable; try again shortly."


@pytest.fixture(scope="module")
def flaky_driver(flaky_settings: Settings) -> Iterator[neo4j.Driver]:
    with open_driver(flaky_settings) as driver:
        yield driver


def articles_stored(driver: neo4j.Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    return int(records[0]["n"])


def start_loader(folder: Path, settings: Settings, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(GUANXI_BIN), "load", str(folder)], env=cli_env(settings, **env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def load(*folders: Path, settings: Settings) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(GUANXI_BIN), "load", *map(str, folders)], env=cli_env(settings),
                          capture_output=True, text=True, timeout=300, check=False)


def when_up(driver: neo4j.Driver, read: object) -> object:
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            return read()  # type: ignore[operator]
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                neo4j.exceptions.TransientError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_a_neo4j_restart_under_the_api_and_two_loads(
    tmp_path: Path, flaky_settings: Settings, flaky_driver: neo4j.Driver
) -> None:
    flaky_driver.execute_query("MATCH (n) DETACH DELETE n")
    patient, impatient = tmp_path / "patient", tmp_path / "impatient"
    many_articles(patient, copies=2, names=FEW)
    many_articles(impatient, copies=2, names=FEW, first_copy=10)
    server = LocalNeo4j(flaky_settings)
    answered: Counter[str] = Counter()
    bad: list[str] = []
    stop_polling = threading.Event()

    with TestClient(create_app(flaky_settings), raise_server_exceptions=False) as client:
        assert client.get("/health").json() == {"status": "ok", "neo4j": True}

        def poll() -> None:
            # What a browser sees during the restart: 200, 503 (down) or 504 (a cold server past
            # the time limit), always JSON; never a 500 or a hang.
            while not stop_polling.is_set():
                for url in ENDPOINTS:
                    response = client.get(url)
                    answered[f"{url.split('?')[0]} {response.status_code}"] += 1
                    if response.status_code not in (200, 503, 504) or "json" not in response.headers["content-type"]:
                        bad.append(f"{url} {response.status_code} {response.text[:200]}")
                stop_polling.wait(1.0)

        # Enough patience for a restart (about 30 s here): 8 attempts, each retried by the driver
        # for 5 s, with back-off between them (0.5 s doubling to 8 s).
        rides = start_loader(patient, flaky_settings, GUANXI_LOAD_RETRIES="8", GUANXI_QUERY_TIMEOUT_S="5")
        # Few, short attempts: this one must give up while Neo4j is still down.
        gives_up = start_loader(impatient, flaky_settings, GUANXI_LOAD_RETRIES="3",
                                GUANXI_QUERY_TIMEOUT_S="2", GUANXI_CONNECTION_TIMEOUT_S="1")
        watcher = threading.Thread(target=poll)
        try:
            deadline = time.monotonic() + WAIT_S
            while articles_stored(flaky_driver) < 3 and time.monotonic() < deadline:
                for loader in (rides, gives_up):
                    if loader.poll() is not None:
                        output, _ = loader.communicate()
                        raise AssertionError(f"a loader ended before the outage:\n{output}")
                time.sleep(0.1)
            watcher.start()
            server.stop()
            down = {url: client.get(url) for url in (*ENDPOINTS, "/people/per-0000000000000000")}
            gave_up_output, _ = gives_up.communicate(timeout=WAIT_S)
            server.start()
            deadline = time.monotonic() + WAIT_S
            recovered: dict[str, int] = {}
            while time.monotonic() < deadline:
                recovered = {url: client.get(url).status_code for url in ENDPOINTS}
                if set(recovered.values()) == {200}:
                    break
                time.sleep(0.5)
            rode_output, _ = rides.communicate(timeout=300)
        finally:
            stop_polling.set()
            if watcher.is_alive():
                watcher.join(timeout=60)
            for loader in (rides, gives_up):
                if loader.poll() is None:
                    loader.kill()

    # The API while down, and after.
    assert down["/health"].status_code == 503
    assert down["/health"].json() == {"status": "degraded", "neo4j": False}
    for url in ("/stats", "/search?q=%E5%8C%BA", "/people/per-0000000000000000"):
        assert (down[url].status_code, down[url].json()["detail"]) == (503, DOWN_MESSAGE), url
    assert recovered == dict.fromkeys(ENDPOINTS, 200)
    assert not bad, bad
    print(f"\nrequests answered during the restart: {dict(sorted(answered.items()))}")

    # The impatient load stopped with the reason and what to do.
    assert gives_up.returncode == 2, gave_up_output
    for phrase in ("Neo4j became unavailable while loading", "gave up after 3 attempts",
                   "Nothing of the unfinished article was written", "Run the same command again"):
        assert phrase in gave_up_output, gave_up_output
    assert "Traceback" not in gave_up_output

    # The patient load said it was waiting, then finished.
    assert rides.returncode == 0, rode_output
    assert "Neo4j is not answering" in rode_output

    # No half article: what the impatient load left is exactly what a full load writes.
    before_resume = when_up(flaky_driver, lambda: article_facts(flaky_driver, flaky_settings.neo4j_database))
    assert isinstance(before_resume, dict)
    assert load(impatient, settings=flaky_settings).returncode == 0
    after_resume = article_facts(flaky_driver, flaky_settings.neo4j_database)
    for art_id, facts in before_resume.items():
        assert facts == after_resume[art_id], f"article {art_id} was half written when Neo4j stopped"

    # Nothing missing, nothing doubled: loading both folders again changes nothing.
    settled = fingerprint(flaky_driver, flaky_settings.neo4j_database)
    assert load(patient, impatient, settings=flaky_settings).returncode == 0
    assert not graph_difference(fingerprint(flaky_driver, flaky_settings.neo4j_database), settled)
