"""The writer against the real Neo4j: facts land with their sources, loads are idempotent,
and an article that fails leaves nothing of itself behind."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from fixtures.documents import (
    COMPANY_ID,
    GOVERNMENT_ID,
    MANAGER_ID,
    MANAGER_SENTENCE,
    PROJECT_ID,
    SECRETARY_ID,
    SIGNING_SENTENCE,
    VICE_MAYOR_ID,
    weekly_document,
)

from graph.errors import ArticleWriteError
from graph.writer import ArticleWrite, GraphWriter
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def writer(empty_db: neo4j.Driver, neo4j_settings: Settings) -> GraphWriter:
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.ensure_schema()
    return writer


def _query(writer: GraphWriter, text: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = writer.driver.execute_query(text, params, database_=writer.database)
    return [r.data() for r in records]


def _totals(writer: GraphWriter) -> tuple[int, int]:
    rows = _query(writer, "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } "
                          "RETURN n, r")
    return rows[0]["n"], rows[0]["r"]


def test_schema_is_idempotent(writer: GraphWriter) -> None:
    before = _query(writer, "SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"]
    writer.ensure_schema()
    after = _query(writer, "SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"]
    assert before == after
    names = {r["name"] for r in _query(writer, "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name")}
    assert "name_search" in names


def test_facts_are_stored_with_their_source_sentence(writer: GraphWriter) -> None:
    doc = weekly_document()
    summary = writer.write_document(doc)
    assert summary.documents == 1 and summary.articles == 2 and summary.failed == 0
    assert summary.nodes_created > 0 and summary.relationships_created > 0

    attended = _query(writer, "MATCH (:Person {id: $p})-[r:ATTENDED]->(e:Event {type: 'signing'}) RETURN properties(r) AS r",
                      p=SECRETARY_ID)
    assert attended[0]["r"]["roles"] == ["attended", "spoke"]
    assert attended[0]["r"]["sentence"] == SIGNING_SENTENCE
    assert attended[0]["r"]["article_id"] == doc.articles[0].id

    holds = _query(writer, "MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(o:Organization {id: $o}) RETURN properties(r) AS r",
                   p=MANAGER_ID, o=COMPANY_ID)
    assert holds[0]["r"]["title"] == "副总经理"
    assert holds[0]["r"]["sentence"] == MANAGER_SENTENCE
    assert holds[0]["r"]["as_of"] == "2023-05-10"

    # A title with no organisation named is still kept, on the person's own Position node.
    alone = _query(writer, "MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(t:Position) RETURN t.title AS title",
                   p=VICE_MAYOR_ID)
    assert alone == [{"title": "副区长"}]

    signed = _query(writer, "MATCH (o:Organization)-[r:SIGNED]->(:Project {id: $p}) RETURN o.id AS org, r.date AS date",
                    p=PROJECT_ID)
    assert {r["org"] for r in signed} == {COMPANY_ID, GOVERNMENT_ID}
    assert {r["date"] for r in signed} == {"2023-05-10"}
    signing = _query(writer, "MATCH (s:Signing)-[:FOR_PROJECT]->(:Project {id: $p}) "
                             "MATCH (x)-[:PARTY_TO|SIGNATORY_OF]->(s) RETURN count(x) AS n", p=PROJECT_ID)
    assert signing == [{"n": 4}]  # one signing node: two parties, two signers

    runs = _query(writer, "MATCH (:Organization {id: $o})-[r:RUNS]->(:Project {id: $p}) RETURN r.article_id AS a",
                  o=COMPANY_ID, p=PROJECT_ID)
    assert runs == [{"a": doc.articles[0].id}]
    structure = _query(
        writer,
        "MATCH (e:Event)-[:REPORTED_IN]->(a:Article)-[:PART_OF]->(d:Document) "
        "RETURN d.publication_name AS pub, d.issue AS issue, count(DISTINCT a) AS articles",
    )
    assert structure == [{"pub": "示例周刊", "issue": "第9期", "articles": 2}]
    wrote = _query(writer, "MATCH (p:Person)-[w:WROTE]->(a:Article) RETURN p.name AS name, w.role AS role")
    assert wrote == [{"name": "钱文静", "role": "reporter"}]


def test_loading_the_same_document_twice_creates_nothing(writer: GraphWriter) -> None:
    writer.write_document(weekly_document())
    totals = _totals(writer)
    again = writer.write_document(weekly_document())
    assert again.nodes_created == 0
    assert again.relationships_created == 0
    assert all(a.nodes_created == 0 and a.relationships_created == 0 for a in again.per_article)
    assert _totals(writer) == totals


class FailingAfterFacts(GraphWriter):
    """Runs an article's real statements, then fails inside the same transaction."""

    def __init__(self, *args: Any, fail_title: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fail_title = fail_title

    def _run_statements(self, tx: neo4j.ManagedTransaction,  # type: ignore[override]
                        statements: list[tuple[str, dict[str, Any]]], result: ArticleWrite) -> None:
        GraphWriter._run_statements(tx, statements, result)
        if any(name == "merge_article" and params["title"] == self.fail_title for name, params in statements):
            tx.run("RETURN 1 / 0 AS boom").consume()  # a real server-side error, after the facts were sent


def test_a_failing_article_leaves_nothing_of_itself(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    doc = weekly_document()
    failing_title = doc.articles[0].title
    writer = FailingAfterFacts(empty_db, neo4j_settings.neo4j_database, fail_title=failing_title)
    writer.ensure_schema()
    with pytest.raises(ArticleWriteError) as raised:
        writer.write_document(doc)
    assert raised.value.article_id == doc.articles[0].id
    assert _query(writer, "MATCH (a:Article {id: $a}) RETURN a", a=doc.articles[0].id) == []
    assert _query(writer, "MATCH (n) WHERE n:Project OR n:Signing OR n:Organization RETURN n") == []
    assert _query(writer, "MATCH ()-[r]->() WHERE r.article_id = $a RETURN r", a=doc.articles[0].id) == []

    # Going on past a failed article stores the others whole and reports the failure.
    writer.continue_on_error = True
    summary = writer.write_document(doc)
    assert summary.failed == 1 and summary.articles == 1
    assert summary.per_article[0].error is not None
    assert _query(writer, "MATCH (a:Article) RETURN a.title AS t") == [{"t": doc.articles[1].title}]
    attendees = _query(writer, "MATCH (p:Person)-[:ATTENDED]->(:Event) RETURN count(p) AS n")
    assert attendees == [{"n": 2}]


def test_reloading_a_changed_article_replaces_its_facts(writer: GraphWriter) -> None:
    writer.write_document(weekly_document())
    changed = weekly_document()
    signing_article, inspection = changed.articles
    # The extractor improved: one attendee was spurious, a title was wrong, the signing was a misread.
    inspection.events[0].attendees = inspection.events[0].attendees[:1]
    signing_article.people[1].positions[1].title = "代区长"
    signing_article.signings = []

    summary = writer.write_document(changed)
    assert summary.relationships_deleted > 0 and summary.nodes_deleted == 1  # the signing node

    attendees = _query(writer, "MATCH (p:Person)-[:ATTENDED]->(:Event {type: 'inspection'}) RETURN p.id AS id")
    assert attendees == [{"id": SECRETARY_ID}]
    titles = _query(writer, "MATCH (p:Person {name: $n})-[h:HOLDS_POSITION]->() RETURN h.title AS t ORDER BY t",
                    n=signing_article.people[1].name)
    assert [r["t"] for r in titles] == ["代区长", "区委副书记"]
    assert _query(writer, "MATCH (s:Signing) RETURN s") == []
    assert _query(writer, "MATCH ()-[r:SIGNED|PARTY_TO|SIGNATORY_OF]->() RETURN r") == []
    # What the article still says is kept.
    runs = _query(writer, "MATCH (:Organization {id: $o})-[r:RUNS]->() RETURN count(r) AS n", o=COMPANY_ID)
    assert runs == [{"n": 1}]

    again = writer.write_document(changed)
    assert (again.nodes_created, again.relationships_created, again.relationships_deleted) == (0, 0, 0)


def test_reloading_drops_only_that_articles_company_and_signing_edges(writer: GraphWriter) -> None:
    # The same company runs and signs the project in another document; a re-read of the first that
    # no longer finds the project must take that article's edges away and keep the other's.
    writer.write_document(weekly_document())
    other = weekly_document()
    other.id = "doc-weekly-reprint"
    for art in other.articles:
        art.id = ""
    writer.write_document(other)
    counts = "MATCH (:Organization {id: $o})-[r:RUNS|SIGNED]->() RETURN type(r) AS t, count(r) AS n ORDER BY t"
    before = _query(writer, counts, o=COMPANY_ID)

    changed = weekly_document()
    changed.articles[0].projects = []
    changed.articles[0].signings = []
    writer.write_document(changed)

    after = _query(writer, counts, o=COMPANY_ID)
    assert [(r["t"], r["n"] * 2) for r in after] == [(r["t"], r["n"]) for r in before]
    left = _query(writer, "MATCH ()-[r:RUNS|SIGNED]->() MATCH (:Article {id: r.article_id})-[:PART_OF]->(d) "
                          "RETURN DISTINCT d.id AS d")
    assert left == [{"d": other.id}]


def test_reloading_a_document_whose_article_changed_title_drops_the_old_article(writer: GraphWriter) -> None:
    writer.write_document(weekly_document())
    changed = weekly_document()
    old_id = changed.articles[1].id
    changed.articles[1].title = "区领导调研安全生产和防汛工作"  # the extractor now reads the whole headline
    changed.articles[1].id = ""  # a new headline is a new article id

    summary = writer.write_document(changed)
    assert summary.articles_removed == 1
    assert _query(writer, "MATCH (a:Article {id: $a}) RETURN a", a=old_id) == []
    assert _query(writer, "MATCH ()-[r]->() WHERE r.article_id = $a RETURN r", a=old_id) == []
    titles = _query(writer, "MATCH (a:Article) RETURN a.title AS t ORDER BY t")
    assert [r["t"] for r in titles] == sorted([changed.articles[0].title, changed.articles[1].title])
    inspections = _query(writer, "MATCH (e:Event {type: 'inspection'})<-[:ATTENDED]-(p) RETURN count(p) AS n")
    assert inspections == [{"n": 2}]


def test_organisations_stored_without_prefix_keys_get_them(writer: GraphWriter) -> None:
    # As a graph written by an older version or an older bulk import would hold them.
    writer.write_document(weekly_document())
    _query(writer, "MATCH (o:Organization) REMOVE o.prefix_key, o.prefix_names")
    assert writer.add_prefix_keys() > 0
    assert _query(writer, "MATCH (o:Organization) WHERE o.prefix_key IS NULL RETURN o") == []
    assert writer.add_prefix_keys() == 0


def test_a_graph_stored_without_lookup_keys_gets_them(writer: GraphWriter) -> None:
    # An archive written before LookupKeys existed: resolution would find none of its entities.
    writer.write_document(weekly_document())
    stored = _query(writer, "MATCH (k:LookupKey) RETURN k.key AS key, k.ids AS ids ORDER BY key")
    assert stored and any(r["key"].startswith("per|") for r in stored)
    _query(writer, "MATCH (k:LookupKey) DELETE k")
    assert writer.add_lookup_keys() > 0
    assert _query(writer, "MATCH (k:LookupKey) RETURN k.key AS key, k.ids AS ids ORDER BY key") == stored
    assert writer.add_lookup_keys() == 0
    # A re-load then joins the same nodes as before: nothing new.
    assert writer.write_document(weekly_document()).nodes_created == 0
