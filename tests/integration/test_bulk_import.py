"""The bulk path (CSV + neo4j-admin import) builds the same graph as the transactional writer: with
entity resolution, the graph of a transactional load of the same documents in archive order
(graph/offline.py); without, the graph of ``GraphWriter.resolve = False``.

Runs on its own local instance "bulk-test" (Bolt 7697; GUANXI_BULK_TEST_INSTANCE and
GUANXI_BULK_TEST_BOLT_PORT override): the import replaces a whole database, so it never touches the
instances other tests and the app use. Stopped at the end.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from bench.resolution_quality import corpus_with_truth
from graph.bulk_csv import export_documents, finish_import, import_into_local
from graph.offline import archive_order
from graph.schema import ensure_schema
from graph.server import LocalNeo4j, open_driver, uses_external_server
from graph.writer import GraphWriter
from guanxi.facts import Document, Placement
from guanxi.settings import Settings
from loaders.batch import Extracted, collect_files, extract_one
from loaders.pipeline import extract_text
from tests.integration.test_resolution import all_documents

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"


@pytest.fixture(scope="module")
def bulk_settings() -> Iterator[Settings]:
    settings = Settings()
    if uses_external_server(settings):
        pytest.skip("the bulk import needs the project's local Neo4j (GUANXI_NEO4J_URI is set)")
    settings = settings.model_copy(update={
        "instance": os.environ.get("GUANXI_BULK_TEST_INSTANCE", "bulk-test"),
        "bolt_port": int(os.environ.get("GUANXI_BULK_TEST_BOLT_PORT", "7697")),
        "heap_size": "512m", "pagecache_size": "256m"})
    yield settings
    LocalNeo4j(settings).stop()


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    files, _ = collect_files([FIXTURES])
    docs = [r.document for r in map(extract_one, files[:12]) if isinstance(r, Extracted)]
    assert len(docs) >= 10
    # A story read from a scanned PDF: its page, 版次 and OCR confidence ride on its PART_OF.
    docs[0].articles[0].source = Placement(pdf_page=3, page_label="第3版", ocr_confidence=87.5)
    # One story in two files, the traditional-script copy first; resolution's own cases (homonyms in
    # two counties, a short form, a project named two ways); generated news with planted homonyms.
    stories = [extract_one(STORIES / name) for name in ("baichuan_signing_big5.html", "baichuan_signing.txt")]
    docs += [r.document for r in stories if isinstance(r, Extracted)]
    docs += all_documents()
    generated, _, _ = corpus_with_truth(24, 3)
    docs += [extract_text(g.text, source=g.name) for g in generated]
    return docs


def snapshot(driver: neo4j.Driver, database: str) -> tuple[dict[str, Any], list[Any]]:
    """Every node by id with its labels and properties, every relationship; load marks left out."""
    nodes = {}
    for rec in driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
                                    database_=database).records:
        props = dict(rec["props"])
        props.pop("load_id", None)
        props.pop("loaded_at", None)  # when a load first wrote an article: a bulk import writes none
        if "LookupKey" in rec["labels"]:  # key nodes list ids in the order they were stored
            props["ids"] = sorted(props["ids"])
        nodes[props.get("id") or props["key"]] = (sorted(rec["labels"]), props)
    rels = []
    for rec in driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props",
            database_=database).records:
        props = dict(rec["props"])
        props.pop("load_id", None)
        rels.append((rec["type"], rec["a"], rec["b"], sorted(props.items(), key=lambda kv: kv[0])))
    return nodes, sorted(rels, key=repr)


@pytest.mark.parametrize("resolve", [True, False], ids=["resolved", "names-alone"])
def test_bulk_import_equals_transactional_load(bulk_settings: Settings, documents: list[Document],
                                               tmp_path: Path, resolve: bool) -> None:
    server = LocalNeo4j(bulk_settings)
    database = bulk_settings.neo4j_database
    server.start()
    with open_driver(bulk_settings) as driver:
        with driver.session(database=database) as session:  # batched: a left-over graph may be large
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        ensure_schema(driver, database)
        writer = GraphWriter(driver, database)
        writer.resolve = resolve
        writer.write_documents(archive_order(documents))
        loaded_nodes, loaded_rels = snapshot(driver, database)

    # Shuffled, and some written twice on purpose: the order must not matter, duplicates must fold.
    shuffled = documents + documents[:3]
    random.Random(1).shuffle(shuffled)
    graph, files = export_documents(shuffled, tmp_path / "csv", resolve=resolve)
    import_into_local(bulk_settings, files)
    server.start()
    with open_driver(bulk_settings) as driver:
        finish_import(driver, database)
        imported_nodes, imported_rels = snapshot(driver, database)
        count = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS c", database_=database).records[0]["c"]

    keys = len(graph.lookup_keys())
    assert keys > 0
    assert len(imported_nodes) == len(loaded_nodes) == sum(graph.node_counts().values()) + keys
    assert len(imported_rels) == len(loaded_rels) == sum(graph.relationship_counts().values())
    assert count == len(loaded_nodes) - keys  # every node but the lookup keys carries the Entity label
    assert imported_nodes == loaded_nodes
    assert imported_rels == loaded_rels
    homonyms = [n for labels, n in loaded_nodes.values() if "Person" in labels and n["name"] == "张立新"]
    assert len(homonyms) == (2 if resolve else 1)
