"""Corrections lose no fact and can be undone exactly, on the real Neo4j and the fixture articles:

- a merge moves every relationship with its roles, sentence, dates and source, and records what it
  moved; an undo (API or CLI) leaves nodes and relationships exactly as before the merge;
- a merged-away id answers with a pointer to the node that holds its facts now;
- corrections outlive the graph: exported as JSON lines, imported into an empty graph, and applied
  by a fresh load of the same sources.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from robustness.conftest import FIXTURE_ARTICLES, GUANXI_BIN, cli_env

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter
from guanxi.settings import Settings
from integration.test_resolution import query

pytestmark = pytest.mark.integration

KEY = "undo-test-key-0123456789"
AUTH = {"X-API-Key": KEY}
# Two issues of one weekly: 高峰 and 许嘉 are both named in two of their articles.
WEEKLY = ("001_hequan_weekly_signing.txt", "014_hequan_weekly_entrepreneurs.txt")


def load_fixtures(driver: neo4j.Driver, settings: Settings, names: tuple[str, ...] = WEEKLY) -> None:
    from loaders.batch import Extracted, extract_one

    writer = GraphWriter(driver, settings.neo4j_database)
    writer.ensure_schema()
    for name in names:
        outcome = extract_one(FIXTURE_ARTICLES / name)
        assert isinstance(outcome, Extracted)
        writer.write_document(outcome.document)


def graph_state(driver: neo4j.Driver, settings: Settings) -> tuple[Counter[str], Counter[str]]:
    """Every node and relationship with all its properties (the audit trail's own nodes aside)."""
    nodes = query(driver, settings, "MATCH (n) WHERE NOT n:Correction "
                  "RETURN labels(n) AS labels, coalesce(n.id, n.key) AS id, properties(n) AS props")
    rels = query(driver, settings, "MATCH (a)-[r]->(b) WHERE NOT a:Correction "
                 "RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props")

    def key(*parts: Any) -> str:
        return json.dumps(parts, ensure_ascii=False, sort_keys=True)

    return (Counter(key(sorted(n["labels"]), n["id"], n["props"]) for n in nodes),
            Counter(key(r["type"], r["a"], r["b"], r["props"]) for r in rels))


def facts_of(driver: neo4j.Driver, settings: Settings, id: str) -> Counter[str]:
    """What a node's relationships state: type, direction, the other end and every property but the
    load's bookkeeping. A title without an organisation is told by its title: its node's id is made
    from the person's."""
    rows = query(driver, settings, "MATCH (n:Entity {id: $id})-[r]-(x) WHERE NOT x:Correction "
                 "RETURN type(r) AS type, startNode(r) = n AS out, "
                 "CASE WHEN x:Position THEN 'title ' + x.title ELSE x.id END AS other, properties(r) AS props", id=id)
    return Counter(json.dumps([r["type"], r["out"], r["other"], {k: v for k, v in r["props"].items()
                                                                 if k != "load_id"}],
                              ensure_ascii=False, sort_keys=True) for r in rows)


def person(driver: neo4j.Driver, settings: Settings, name: str) -> str:
    (found,) = query(driver, settings, "MATCH (p:Person {name: $n}) RETURN p.id AS id", n=name)
    return str(found["id"])


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    load_fixtures(empty_db, neo4j_settings)
    app = create_app(neo4j_settings.model_copy(update={"api_key": KEY}))
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def test_a_merge_keeps_every_fact_and_its_undo_restores_the_graph_exactly(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    gao, xu = person(empty_db, neo4j_settings, "高峰"), person(empty_db, neo4j_settings, "许嘉")
    shared = query(empty_db, neo4j_settings, "MATCH (:Person {id: $a})-[:MENTIONED_IN]->(x:Article)"
                   "<-[:MENTIONED_IN]-(:Person {id: $b}) RETURN x.id AS id", a=gao, b=xu)
    assert shared, "the fixture articles must name both in one article"
    before = graph_state(empty_db, neo4j_settings)
    gao_facts = facts_of(empty_db, neo4j_settings, gao)
    both = facts_of(empty_db, neo4j_settings, xu) + gao_facts
    roles = {tuple(r["roles"]) for r in query(empty_db, neo4j_settings,
                                              "MATCH (:Person {id: $id})-[r:ATTENDED]->() RETURN r.roles AS roles",
                                              id=gao)}

    answer = client.post(f"/entities/{xu}/merge", headers=AUTH, json={"other_id": gao, "reason": "one person?"})
    assert answer.status_code == 200, answer.text
    done = answer.json()

    # Every fact of both, with its roles and sentence, is now 许嘉's; the record says what moved.
    assert facts_of(empty_db, neo4j_settings, xu) == both
    assert roles <= {tuple(r["roles"]) for r in query(
        empty_db, neo4j_settings, "MATCH (:Person {id: $id})-[r:ATTENDED]->() RETURN r.roles AS roles", id=xu)}
    assert done["moved_relationships"] == sum(gao_facts.values())
    assert {x["id"] for x in shared} <= set(done["article_ids"])
    record = client.get(f"/corrections/{done['id']}").json()
    assert len(record["moved"]) == done["moved_relationships"]
    assert {m["properties"].get("sentence") for m in record["moved"]} == {
        json.loads(f)[3].get("sentence") for f in gao_facts}

    # The merged-away id points to the node that holds its facts.
    moved = client.get(f"/people/{gao}", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/people/{xu}"
    assert moved.json()["merged_into"] == xu
    assert client.get(f"/people/{gao}/timeline?limit=5", follow_redirects=False).headers["location"] == \
        f"/people/{xu}/timeline?limit=5"
    assert client.get(f"/people/{gao}").json()["id"] == xu

    undone = client.post(f"/corrections/{done['id']}/undo", headers=AUTH, json={"reason": "two people after all"})
    assert undone.status_code == 200, undone.text
    assert undone.json()["undone_at"] and undone.json()["undone_by"] == "GUANXI_API_KEY"

    after = graph_state(empty_db, neo4j_settings)
    assert after == before, (f"nodes: +{after[0] - before[0]} -{before[0] - after[0]}\n"
                             f"relationships: +{after[1] - before[1]} -{before[1] - after[1]}")
    assert client.get(f"/people/{gao}", follow_redirects=False).status_code == 200
    assert client.post(f"/corrections/{done['id']}/undo", headers=AUTH).status_code == 409  # once only

    # A reload after the undo keeps them apart: the undone merge is no longer applied.
    load_fixtures(empty_db, neo4j_settings)
    assert client.get(f"/people/{gao}", follow_redirects=False).status_code == 200


def test_a_split_is_undone_exactly_and_a_later_correction_must_be_undone_first(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    gao, xu = person(empty_db, neo4j_settings, "高峰"), person(empty_db, neo4j_settings, "许嘉")
    before = graph_state(empty_db, neo4j_settings)
    merge = client.post(f"/entities/{xu}/merge", headers=AUTH, json={"other_id": gao, "reason": "x"}).json()
    article = merge["article_ids"][0]
    split = client.post(f"/entities/{xu}/split", headers=AUTH, json={"article_ids": [article], "reason": "y"})
    assert split.status_code == 200, split.text

    refused = client.post(f"/corrections/{merge['id']}/undo", headers=AUTH)
    assert refused.status_code == 409 and split.json()["id"] in refused.json()["detail"]

    assert client.post(f"/corrections/{split.json()['id']}/undo", headers=AUTH).status_code == 200
    assert client.get(f"/people/{split.json()['new_id']}", follow_redirects=False).status_code == 404
    assert client.post(f"/corrections/{merge['id']}/undo", headers=AUTH).status_code == 200
    assert graph_state(empty_db, neo4j_settings) == before
    assert client.post("/corrections/cor-0/undo", headers=AUTH).status_code == 404


def test_the_cli_undoes_and_corrections_survive_a_rebuild_from_sources(
        tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load_fixtures(empty_db, neo4j_settings)
    gao, xu = person(empty_db, neo4j_settings, "高峰"), person(empty_db, neo4j_settings, "许嘉")
    env = cli_env(neo4j_settings)

    def guanxi(*args: str) -> str:
        done = subprocess.run([str(GUANXI_BIN), *args], env=env, capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    before = graph_state(empty_db, neo4j_settings)
    guanxi("entities", "merge", xu, gao, "-r", "the same man", "--by", "desk")
    (merge,) = query(empty_db, neo4j_settings, "MATCH (c:Correction) RETURN c.id AS id")
    assert merge["id"] in guanxi("entities", "corrections")
    guanxi("entities", "undo", merge["id"], "-r", "not the same")
    assert graph_state(empty_db, neo4j_settings) == before

    # Corrections made again, exported, and applied to a graph rebuilt from the same sources.
    guanxi("entities", "merge", xu, gao, "-r", "the same man after all", "--by", "desk")
    merged = facts_of(empty_db, neo4j_settings, xu)
    exported = tmp_path / "corrections.jsonl"
    guanxi("entities", "corrections", "export", "-o", str(exported))
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [(c["kind"], c.get("undone_at") is not None) for c in lines] == [("merge", True), ("merge", False)]

    empty_db.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    assert "imported 2 of 2" in guanxi("entities", "corrections", "import", str(exported))
    assert "imported 0 of 2" in guanxi("entities", "corrections", "import", str(exported))
    load_fixtures(empty_db, neo4j_settings)

    assert not query(empty_db, neo4j_settings, "MATCH (p:Person {id: $id}) RETURN p", id=gao)
    rebuilt = facts_of(empty_db, neo4j_settings, xu)

    # The same facts on the survivor, each role kept. A load writes one fact per relationship and
    # article, so two mentions of one article (高峰 and 许嘉 at one meeting) become one, with one
    # of their sentences; the merge itself kept both.
    def per_article(facts: Counter[str]) -> dict[tuple[str, bool, str, str], set[str]]:
        out: dict[tuple[str, bool, str, str], set[str]] = {}
        for fact in facts:
            type_, outgoing, other, props = json.loads(fact)
            key = (type_, outgoing, other, props.get("article_id") or "")
            out.setdefault(key, set()).update(props.get("roles") or [])
        return out

    assert per_article(rebuilt) == per_article(merged)
