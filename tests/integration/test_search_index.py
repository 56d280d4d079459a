"""Search finds what was loaded, though names reach the full-text index many articles at a time
(graph/search_index.py): at the end of a load, during a long one, after a loader died, and on a
graph an older version stored."""

from __future__ import annotations

import neo4j
import pytest
from fixtures.documents import COMPANY, COMPANY_ID, SECRETARY, SECRETARY_ID, weekly_document

import graph.writer
from graph.repository import GraphRepository
from graph.search_index import await_search
from graph.writer import GraphWriter, load_documents
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


def _found(driver: neo4j.Driver, settings: Settings, q: str) -> set[str]:
    return {hit.id for hit in GraphRepository(driver, settings.neo4j_database).search(q)}


def test_a_load_is_searchable_when_it_returns(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load_documents(GraphWriter(empty_db, neo4j_settings.neo4j_database), [weekly_document()])
    assert SECRETARY_ID in _found(empty_db, neo4j_settings, SECRETARY)
    assert COMPANY_ID in _found(empty_db, neo4j_settings, "华辰")


def test_a_long_load_becomes_searchable_as_it_goes(empty_db: neo4j.Driver, neo4j_settings: Settings,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph.writer, "ARTICLES_PER_COPY", 2)  # the weekly document has two articles
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.prepare()
    writer.write_document(weekly_document(), settle=False)  # the load goes on: no settle yet
    await_search(empty_db, neo4j_settings.neo4j_database)
    assert SECRETARY_ID in _found(empty_db, neo4j_settings, SECRETARY)


def test_what_a_loader_left_unindexed_when_it_died_is_found_after_the_next_load(
        empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    database = neo4j_settings.neo4j_database
    dying = GraphWriter(empty_db, database)
    dying.prepare()
    dying.write_document(weekly_document(), settle=False)  # stopped before its names were copied
    assert SECRETARY_ID not in _found(empty_db, neo4j_settings, SECRETARY)

    load_documents(GraphWriter(empty_db, database), [])  # the next load, with nothing of its own
    assert SECRETARY_ID in _found(empty_db, neo4j_settings, SECRETARY)


def test_a_graph_an_older_version_stored_becomes_searchable(empty_db: neo4j.Driver,
                                                             neo4j_settings: Settings) -> None:
    database = neo4j_settings.neo4j_database
    load_documents(GraphWriter(empty_db, database), [weekly_document()])
    # What the version before the indexed copy left: its full-text index on the names themselves.
    with empty_db.session(database=database) as session:
        session.run("DROP INDEX name_search").consume()
        session.run("MATCH (n) REMOVE n.indexed_name, n.indexed_aliases, n.unindexed").consume()
        session.run("CREATE FULLTEXT INDEX entity_search FOR (n:Person|Organization|Project|Event) "
                    "ON EACH [n.name, n.aliases]").consume()
    try:
        load_documents(GraphWriter(empty_db, database), [])
        assert SECRETARY_ID in _found(empty_db, neo4j_settings, SECRETARY)
        assert COMPANY_ID in _found(empty_db, neo4j_settings, COMPANY)
        names = {r["name"] for r in empty_db.execute_query(
            "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name", database_=database).records}
        assert names == {"name_search", "article_text"}
    finally:
        GraphWriter(empty_db, database).ensure_schema()  # the next test's schema, whatever happened here


def _articles_found(driver: neo4j.Driver, settings: Settings, q: str) -> set[str]:
    return {hit.id for hit in GraphRepository(driver, settings.neo4j_database).search(q, kinds=["article"])}


def test_article_text_is_searchable_when_a_load_returns_and_not_before(empty_db: neo4j.Driver,
                                                                        neo4j_settings: Settings) -> None:
    database = neo4j_settings.neo4j_database
    signing = weekly_document().articles[0]
    writer = GraphWriter(empty_db, database)
    writer.prepare()
    writer.write_document(weekly_document(), settle=False)  # the article's own transaction: no text index work
    await_search(empty_db, database)
    assert _articles_found(empty_db, neo4j_settings, "致辞") == set()
    writer.settle()
    assert _articles_found(empty_db, neo4j_settings, "致辞") == {signing.id}


def test_the_articles_of_a_graph_stored_before_the_text_index_become_searchable(
        empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    database = neo4j_settings.neo4j_database
    load_documents(GraphWriter(empty_db, database), [weekly_document()])
    with empty_db.session(database=database) as session:  # what an older version left
        session.run("DROP INDEX article_text").consume()
        session.run("MATCH (a:Article) REMOVE a:IndexedArticle, a.unindexed").consume()
    try:
        load_documents(GraphWriter(empty_db, database), [])
        assert _articles_found(empty_db, neo4j_settings, "致辞") == {weekly_document().articles[0].id}
    finally:
        GraphWriter(empty_db, database).ensure_schema()
