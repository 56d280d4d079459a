"""Loading a whole archive twice writes nothing the second time.

Entity resolution looks at what the graph already holds, and other articles arrive between an
article's first load and its re-load; the second load must still decide as the first did.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import generate, write_corpus
from graph.writer import GraphWriter
from loaders.batch import Extracted, collect_files, extract_one

pytestmark = pytest.mark.integration


def load_folder(writer: GraphWriter, folder: Path) -> tuple[int, int]:
    files, refused = collect_files([folder])
    assert not refused
    nodes = rels = 0
    for path in files:
        result = extract_one(path)
        assert isinstance(result, Extracted), result
        summary = writer.write_document(result.document)
        nodes += summary.nodes_created
        rels += summary.relationships_created
    return nodes, rels


def test_second_load_of_an_archive_creates_nothing(empty_db, neo4j_settings, tmp_path: Path) -> None:
    # 120 generated documents share officials, companies and projects, so later articles change
    # what the graph knows about the entities of earlier ones.
    write_corpus(generate(120, seed=3), tmp_path / "corpus")
    (tmp_path / "corpus" / "manifest.json").unlink(missing_ok=True)
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.ensure_schema()

    first = load_folder(writer, tmp_path / "corpus")
    assert first[0] > 500 and first[1] > 1000

    assert load_folder(writer, tmp_path / "corpus") == (0, 0)
