"""Resolution asks the graph everything an article needs in one or two round trips
(graph/lookup.py). Its answers must be the ones the questions asked one at a time would get:
otherwise batching would change which node a mention joins.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.corpus import generate
from graph.collect import article_rows
from graph.lookup import Neo4jLookup
from graph.resolution import OrgRequest, ProjectRequest, resolve_rows
from graph.rows import ArticleRows
from graph.writer import GraphWriter
from loaders.pipeline import extract_text

pytestmark = pytest.mark.integration


class OneByOne(Neo4jLookup):
    """Announces nothing ahead, so every question goes to its own query."""

    def prefetch(self, article_id: str, people: list[str], organizations: list[OrgRequest]) -> None:
        super().prefetch(article_id, [], [])  # the article's own facts only: earlier load, corrections

    def prefetch_projects(self, projects: list[ProjectRequest]) -> None:
        pass

    def known_names(self, ids: list[str]) -> dict[str, str]:
        # The one-at-a-time path reads every name it needs, as resolution did before batching.
        missing = [i for i in ids if i not in self._names]
        rows = self.tx.run("UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN n.id AS id, n.name AS name",
                           ids=missing)
        self._names.update((r["id"], r["name"]) for r in rows)
        return super().known_names(ids)


def _decisions(rows: ArticleRows) -> list[tuple[Any, ...]]:
    """Every row's node ids, and the reason recorded for each resolved mention."""
    keys = ("id", "person_id", "org_id", "project_id", "reason")
    return [(name, *(row.get(k) for k in keys)) for name, batch in rows.batches() for row in batch]


def test_batched_answers_decide_as_single_questions(empty_db, neo4j_settings) -> None:
    database = neo4j_settings.neo4j_database
    writer = GraphWriter(empty_db, database)
    writer.ensure_schema()
    docs = [extract_text(d.text, source=d.name) for d in generate(70, seed=11)]
    writer.write_documents(docs[:50])  # shared officials, companies and projects to resolve against

    compared = joined = 0
    with empty_db.session(database=database) as session:
        for doc in docs[50:]:
            for index, art in enumerate(doc.articles):
                art_id = f"art-check-{doc.source}-{index}"
                rows = article_rows(art, art_id, art.date)
                tx = session.begin_transaction()
                try:
                    batched = resolve_rows(rows, art, art_id, doc.publication.name, Neo4jLookup(tx))
                    single = resolve_rows(rows, art, art_id, doc.publication.name, OneByOne(tx))
                finally:
                    tx.rollback()
                assert _decisions(batched) == _decisions(single)
                compared += 1
                joined += sum(1 for d in _decisions(batched) if d[0] == "resolve_people" and d[-1] != "new")
    assert compared > 50
    assert joined > 20  # most mentions met a node an earlier document stored
