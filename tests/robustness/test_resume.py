"""A loader killed mid-batch (SIGKILL: no clean-up, no finally) and run again leaves exactly the
graph a single clean run leaves: each article is one transaction and every write is a MERGE."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import neo4j
import pytest

from guanxi.settings import Settings

from .conftest import (
    GUANXI_BIN,
    article_facts,
    cli_env,
    count_graph,
    fingerprint,
    graph_difference,
    many_articles,
)

pytestmark = pytest.mark.integration


def load(folder: Path, settings: Settings) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(GUANXI_BIN), "load", str(folder)], env=cli_env(settings), capture_output=True,
                          text=True, timeout=300, check=False)


def test_killed_load_resumes_to_the_same_graph_as_one_clean_run(
    tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings
) -> None:
    database = neo4j_settings.neo4j_database
    folder = tmp_path / "articles"
    many_articles(folder, copies=1)

    clean = load(folder, neo4j_settings)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    reference = fingerprint(empty_db, database)
    reference_counts = count_graph(empty_db, database)
    reference_articles = article_facts(empty_db, database)
    total_articles = len(reference_articles)

    empty_db.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    loader = subprocess.Popen([str(GUANXI_BIN), "load", str(folder)], env=cli_env(neo4j_settings),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stored = 0
        while loader.poll() is None and stored < total_articles // 3:
            time.sleep(0.05)
            records, _, _ = empty_db.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database)
            stored = records[0]["n"]
        assert loader.poll() is None, "the loader finished before it could be killed"
        loader.send_signal(signal.SIGKILL)
    finally:
        loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL

    # No half article: every article in the graph has exactly the facts a full load gives it.
    partial = article_facts(empty_db, database)
    assert 0 < len(partial) < total_articles
    for art_id, facts in partial.items():
        assert facts == reference_articles[art_id], f"article {art_id} is half written"

    resumed = load(folder, neo4j_settings)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert not graph_difference(fingerprint(empty_db, database), reference)
    nodes, rels = count_graph(empty_db, database)
    assert (nodes, rels) == reference_counts
    print(f"\nkill-and-resume: killed after {len(partial)} of {total_articles} articles; "
          f"after resuming {nodes} nodes and {rels} relationships, equal to one clean run")
