"""Fixtures of the robustness suite: the CLI pointed at the test Neo4j, graph fingerprints, and a
second, disposable Neo4j instance that the outage tests stop and start.

Run with ``GUANXI_TEST_INSTANCE=robust GUANXI_TEST_BOLT_PORT=7691`` to keep off other suites' data.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.server import LocalNeo4j, uses_external_server
from guanxi.settings import REPO_ROOT, Settings

FIXTURE_ARTICLES = REPO_ROOT / "tests" / "fixtures" / "articles"
GUANXI_BIN = Path(sys.executable).with_name("guanxi")
# The disposable instance: its own name and port, so stopping it never touches another suite.
FLAKY_INSTANCE = os.environ.get("GUANXI_TEST_INSTANCE", "test") + "-flaky"
FLAKY_BOLT_PORT = int(os.environ.get("GUANXI_TEST_BOLT_PORT", "7688")) + 100

# Properties that describe the load rather than the fact, so a second load of the same text may
# change them: which load wrote it, and how resolution matched the name ("new" the first time an
# entity is seen, "same name" when the graph already holds it).
_VOLATILE = {"load_id", "loaded_at", "updated_at", "created_at", "resolution"}
# Known issue (entity resolution): a project's alias list depends on the order its articles were
# loaded in, so a resumed load may hold one alias more or less. Facts (relationships) are not
# affected; compare these once resolution merges aliases order-independently.
_ORDER_DEPENDENT_NODE_PROPS = {"aliases", "search_key", "search_names"}

NodeKey = tuple[str, str, str]
RelKey = tuple[str, str, str, str]


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    """Environment for a `guanxi` subprocess that talks to the given Neo4j."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUANXI_")}
    if uses_external_server(settings):
        env.update({"GUANXI_NEO4J_URI": settings.neo4j_uri or "", "GUANXI_NEO4J_USER": settings.neo4j_user,
                    "GUANXI_NEO4J_PASSWORD": settings.neo4j_password or ""})
    env.update({"GUANXI_INSTANCE": settings.instance, "GUANXI_BOLT_PORT": str(settings.bolt_port),
                "GUANXI_HOME": str(settings.home), "GUANXI_NEO4J_DATABASE": settings.neo4j_database,
                "COLUMNS": "200", "TERM": "dumb"})
    env.update(extra)
    return env


def _frozen(value: object) -> object:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def fingerprint(driver: neo4j.Driver, database: str) -> tuple[Counter[NodeKey], Counter[RelKey]]:
    """Every node (labels, id, properties) and relationship (type, ends, properties), counted.

    Two graphs with equal fingerprints hold the same facts, each as often: no duplicate, nothing missing.
    """
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS props", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props",
        database_=database,
    )

    def props(p: dict[str, object], skip: frozenset[str] = frozenset()) -> str:
        return repr(sorted((k, _frozen(v)) for k, v in p.items() if k not in _VOLATILE and k not in skip))

    skip = frozenset(_ORDER_DEPENDENT_NODE_PROPS)
    node_keys: Counter[NodeKey] = Counter(
        (",".join(sorted(r["labels"])), str(r["id"]), props(r["props"], skip)) for r in nodes
    )
    rel_keys: Counter[RelKey] = Counter((r["type"], str(r["a"]), str(r["b"]), props(r["props"])) for r in rels)
    return node_keys, rel_keys


def article_facts(driver: neo4j.Driver, database: str) -> dict[str, Counter[RelKey]]:
    """For each Article node: the relationships that carry its id (the facts read from it)."""
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE r.article_id IS NOT NULL "
        "RETURN r.article_id AS art, type(r) AS type, a.id AS a, b.id AS b",
        database_=database,
    )
    arts, _, _ = driver.execute_query("MATCH (n:Article) RETURN n.id AS id", database_=database)
    out: dict[str, Counter[RelKey]] = {r["id"]: Counter() for r in arts}
    for r in rels:
        out.setdefault(r["art"], Counter())[(r["type"], r["a"], r["b"], r["art"])] += 1
    return out


def count_graph(driver: neo4j.Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels",
        database_=database,
    )
    return records[0]["nodes"], records[0]["rels"]


def many_articles(folder: Path, copies: int, names: tuple[str, ...] | None = None,
                  first_copy: int = 0) -> list[Path]:
    """``copies`` variants of each fixture article: distinct documents that share people and companies."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    sources = [FIXTURE_ARTICLES / n for n in names] if names else sorted(FIXTURE_ARTICLES.glob("*.txt"))
    for copy in range(first_copy, first_copy + copies):
        for source in sources:
            data = source.read_bytes()
            target = folder / f"{copy:03d}_{source.name}"
            # A trailing line of the file's own encoding makes the text, and so the document id, new.
            target.write_bytes(data + f"\n（编号{copy}）\n".encode("gb18030" if "gb18030" in source.name else "utf-8"))
            written.append(target)
    return written


@pytest.fixture(scope="session")
def flaky_settings(neo4j_settings: Settings) -> Iterator[Settings]:
    """A second local Neo4j that tests may stop and start; stopped at the end of the session."""
    if uses_external_server(neo4j_settings):
        pytest.skip("outage tests need a local instance they may stop (GUANXI_NEO4J_URI is set)")
    settings = neo4j_settings.model_copy(update={
        "instance": FLAKY_INSTANCE, "bolt_port": FLAKY_BOLT_PORT,
        # Short limits: an outage answers in seconds, not in the production 15 s.
        "query_timeout_s": 3.0, "connection_timeout_s": 1.0,
    })
    server = LocalNeo4j(settings)
    server.start()
    yield settings
    server.stop()


LOADED_FIXTURES = ("001_hequan_weekly_signing.txt", "003_web_inspection_hengrui.txt",
                   "004_tongxi_daily_gb18030.txt", "013_web_township_signing.txt")


@pytest.fixture(scope="module")
def loaded_graph(driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The test graph wiped and loaded with a few fixture articles, once per test module."""
    from graph.writer import GraphWriter
    from loaders.batch import Extracted, extract_one

    driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    writer = GraphWriter(driver, neo4j_settings.neo4j_database)
    writer.ensure_schema()
    for name in LOADED_FIXTURES:
        outcome = extract_one(FIXTURE_ARTICLES / name)
        assert isinstance(outcome, Extracted)
        writer.write_document(outcome.document)
    return driver


def sample_ids(driver: neo4j.Driver, database: str) -> dict[str, str]:
    """One real id of each kind, so requests reach the code behind a found entity."""
    records, _, _ = driver.execute_query(
        "UNWIND ['Person', 'Organization', 'Project', 'Event', 'Signing', 'Article'] AS label "
        "CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN n.id AS id ORDER BY n.id LIMIT 1 } "
        "RETURN label, id",
        database_=database,
    )
    return {r["label"]: r["id"] for r in records}


def graph_difference(got: tuple[Counter[NodeKey], Counter[RelKey]],
                     want: tuple[Counter[NodeKey], Counter[RelKey]]) -> str:
    """What one fingerprint has that the other lacks, for an assertion message ("" when equal)."""
    lines: list[str] = []

    def compare(which: str, g: Counter[Any], w: Counter[Any]) -> None:
        extra, missing = g - w, w - g
        if extra or missing:
            lines.append(f"{which}: {sum(extra.values())} extra, {sum(missing.values())} missing")
            lines.extend([f"  + {k}" for k in list(extra)[:5]] + [f"  - {k}" for k in list(missing)[:5]])

    compare("nodes", got[0], want[0])
    compare("relationships", got[1], want[1])
    return "\n".join(lines)
