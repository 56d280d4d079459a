"""Backups: `guanxi neo4j dump PATH` and `guanxi neo4j restore PATH` (Neo4j's own neo4j-admin from
the project's jars, the server stopped and started around it). Dump, delete everything, restore:
the same graph, every node and relationship with every property. On the disposable instance."""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from graph.server import LocalNeo4j, open_driver
from guanxi.settings import Settings

from .conftest import FIXTURE_ARTICLES, GUANXI_BIN, cli_env

pytestmark = pytest.mark.integration

# Small memory, as the test instances run with.
SMALL = {"GUANXI_HEAP_SIZE": "512m", "GUANXI_PAGECACHE_SIZE": "256m"}


def everything(settings: Settings) -> tuple[Counter[str], Counter[str]]:
    with open_driver(settings) as driver:
        nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
        rels, _, _ = driver.execute_query("MATCH (a)-[r]->(b) RETURN type(r) AS t, elementId(a) AS a, "
                                          "elementId(b) AS b, properties(r) AS p")
        search, _, _ = driver.execute_query("CALL db.index.fulltext.queryNodes('name_search', '鹤泉') "
                                            "YIELD node RETURN count(node) AS n")

    def key(*parts: object) -> str:
        return json.dumps(parts, ensure_ascii=False, sort_keys=True)

    return (Counter(key(sorted(r["l"]), r["p"]) for r in nodes) + Counter({f"found {search[0]['n']}": 1}),
            Counter(key(r["t"], r["a"], r["b"], r["p"]) for r in rels))


def guanxi(settings: Settings, *args: str) -> str:
    done = subprocess.run([str(GUANXI_BIN), *args], env=cli_env(settings, **SMALL), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_dump_delete_restore_gives_the_same_graph(tmp_path: Path, flaky_settings: Settings) -> None:
    with open_driver(flaky_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    guanxi(flaky_settings, "load", str(FIXTURE_ARTICLES / "001_hequan_weekly_signing.txt"),
           str(FIXTURE_ARTICLES / "014_hequan_weekly_entrepreneurs.txt"))
    before = everything(flaky_settings)
    assert sum(before[1].values()) > 100

    backup = tmp_path / "backups" / "graph.dump"
    started = time.monotonic()
    told = guanxi(flaky_settings, "neo4j", "dump", str(backup))
    dumped_s = time.monotonic() - started
    assert backup.is_file() and "dumped database neo4j" in told
    assert LocalNeo4j(flaky_settings).status().running  # started again after the dump

    with open_driver(flaky_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    assert everything(flaky_settings)[1] == Counter()

    started = time.monotonic()
    guanxi(flaky_settings, "neo4j", "restore", "--yes", str(backup))
    restored_s = time.monotonic() - started
    assert LocalNeo4j(flaky_settings).status().running
    # Element ids come back with the store, so relationships compare end to end.
    assert everything(flaky_settings) == before
    print(f"\nbackup of {sum(before[0].values())} nodes, {sum(before[1].values())} relationships: "
          f"{backup.stat().st_size / 1e3:.0f} kB; dump {dumped_s:.1f} s, restore {restored_s:.1f} s "
          "(each with a stop and a start)")


def test_restore_refuses_a_missing_dump_and_leaves_the_graph(tmp_path: Path, flaky_settings: Settings) -> None:
    done = subprocess.run([str(GUANXI_BIN), "neo4j", "restore", "--yes", str(tmp_path / "none.dump")],
                          env=cli_env(flaky_settings, **SMALL), capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 1 and "no dump at" in done.stdout + done.stderr
    assert LocalNeo4j(flaky_settings).status().running
