"""One story, one article: a county paper's page as text and the county's web page in Big5 and
traditional script (tests/fixtures/stories, an invented story) load as one article with two
sources, one event and one signing; a reload of either copy keeps it, and a copy that no longer
holds the story takes away only its own link."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from rich.console import Console

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter
from guanxi.facts import Document
from guanxi.loading import EXIT_OK, run_load
from guanxi.settings import Settings
from loaders.pipeline import extract_file

pytestmark = pytest.mark.integration

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
TXT = STORIES / "baichuan_signing.txt"
HTML = STORIES / "baichuan_signing_big5.html"
REPRINT = STORIES / "baichuan_signing_reprint.txt"


@pytest.fixture
def writer(empty_db: neo4j.Driver, neo4j_settings: Settings) -> GraphWriter:
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.prepare()
    return writer


@pytest.fixture
def api(writer: GraphWriter, neo4j_settings: Settings) -> Iterator[TestClient]:
    app = create_app(neo4j_settings)
    repo = GraphRepository(writer.driver, writer.database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as client:
        yield client


def _query(writer: GraphWriter, text: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = writer.driver.execute_query(text, params, database_=writer.database)
    return [r.data() for r in records]


def _shape(writer: GraphWriter) -> dict[str, Any]:
    """What a journalist would count: articles, their sources, events, signings and who took part."""
    (row,) = _query(writer, """
        RETURN COUNT { (:Article) } AS articles, COUNT { (:Article)-[:PART_OF]->(:Document) } AS sources,
               COUNT { (:Event) } AS events, COUNT { (:Signing) } AS signings,
               COUNT { (:Person)-[:ATTENDED]->(:Event) } AS attendance,
               COUNT { (:Person)-[:SIGNATORY_OF]->(:Signing) } AS signers,
               COUNT { (:Organization)-[:PARTY_TO]->(:Signing) } AS parties""")
    return row


def _load(writer: GraphWriter, *paths: Path) -> list[Document]:
    docs = [extract_file(path) for path in paths]
    for doc in docs:
        writer.write_document(doc)
    return docs


def _story_id() -> str:
    return extract_file(TXT).articles[0].id


def test_the_text_and_its_big5_html_are_one_article_with_two_sources(writer: GraphWriter, api: TestClient) -> None:
    txt, html = _load(writer, TXT, HTML)
    assert txt.articles[0].id == html.articles[0].id
    shape = _shape(writer)
    assert {k: shape[k] for k in ("articles", "sources", "events", "signings", "attendance", "signers")} == {
        "articles": 1, "sources": 2, "events": 1, "signings": 1, "attendance": 4, "signers": 2}

    page = api.get(f"/articles/{_story_id()}").json()
    assert [(s["file"], s["publication"]["name"], s["publication"]["date"], s["page"]) for s in page["sources"]] == [
        ("baichuan_signing_big5.html", "柏川縣融媒體中心", "2024-03-19", 1),
        ("baichuan_signing.txt", "柏川报", "2024-03-20", 1),
    ]
    assert {s["document_id"] for s in page["sources"]} == {txt.id, html.id}
    assert page["sources"][0]["title"] == html.articles[0].title  # each copy's own headline
    # The page shows the simplified copy, though the traditional one was loaded last, and the facts
    # read from that text point into it.
    assert page["source"]["file"] == "baichuan_signing.txt" and page["publication"]["name"] == "柏川报"
    assert page["title"] == txt.articles[0].title and page["text"] == txt.articles[0].text
    (event,) = page["events"]
    assert len(event["attendees"]) == 4 and event["source"]["span"] is not None
    (signing,) = page["signings"]
    assert len(signing["signers"]) == 2 and signing["source"]["span"] is not None

    # Search and lists name the story once.
    hits = api.get("/search", params={"q": "正极材料", "kind": "article"}).json()
    assert [h["id"] for h in hits] == [_story_id()]
    person = api.get(f"/people/{event['attendees'][0]['person']['id']}").json()
    assert [a["id"] for a in person["articles"]] == [_story_id()]


def _story(page: dict[str, Any]) -> dict[str, Any]:
    """The article as the page tells it: its copy, sources and facts (entities by role, not by name:
    a person or project first stored from the traditional copy keeps that spelling as its name)."""
    return {"id": page["id"], "title": page["title"], "text": page["text"], "source": page["source"],
            "sources": page["sources"],
            "events": [(e["event"]["id"], e["event"]["name"], e["type"], e["date"], e["source"],
                        sorted(tuple(a["roles"]) for a in e["attendees"])) for e in page["events"]],
            "signings": [(s["id"], s["source"], len(s["parties"]), len(s["signers"])) for s in page["signings"]]}


def test_the_order_of_loading_changes_nothing(writer: GraphWriter, api: TestClient) -> None:
    _load(writer, TXT, HTML)
    first = _story(api.get(f"/articles/{_story_id()}").json())
    writer.driver.execute_query("MATCH (n) DETACH DELETE n", database_=writer.database)
    _load(writer, HTML, TXT)
    assert _story(api.get(f"/articles/{_story_id()}").json()) == first
    assert _counts(writer) == (1, 2, 1, 1)


def test_guanxi_load_of_three_copies_gives_one_article(writer: GraphWriter, api: TestClient,
                                                      neo4j_settings: Settings) -> None:
    # The text, the html and a reprint in the city's paper under its own masthead.
    assert run_load([STORIES], neo4j_settings, Console()) == EXIT_OK
    shape = _shape(writer)
    assert (shape["articles"], shape["sources"], shape["events"], shape["signings"]) == (1, 3, 1, 1)
    page = api.get(f"/articles/{_story_id()}").json()
    assert [s["publication"]["name"] for s in page["sources"]] == ["柏川縣融媒體中心", "柏川报", "榆安日报"]


def test_reloading_either_copy_keeps_the_article_and_its_facts(writer: GraphWriter) -> None:
    _load(writer, TXT, HTML)
    before = _shape(writer)
    for path in (TXT, HTML, TXT, HTML):
        summary = writer.write_document(extract_file(path))
        assert summary.articles_removed == summary.articles_released == 0
        assert summary.nodes_created == summary.relationships_created == 0
        assert _shape(writer) == before
    sources = _query(writer, "MATCH (a:Article {id: $id})-[:PART_OF]->(d) RETURN d.source AS s ORDER BY s",
                     id=_story_id())
    assert [r["s"] for r in sources] == ["baichuan_signing.txt", "baichuan_signing_big5.html"]
    (event,) = _query(writer, "MATCH (e:Event) RETURN e.name AS name")
    assert event["name"] == extract_file(TXT).articles[0].events[0].name


def _read_differently(doc: Document) -> Document:
    """The same file as a later extractor might read it: the story's body comes out otherwise (here a
    figure), so it is another story under the same document id."""
    changed = doc.model_copy(deep=True)
    art = changed.articles[0]
    art.text = art.text.replace("12億元", "15億元").replace("12亿元", "15亿元")
    art.id = ""
    return changed


def _counts(writer: GraphWriter) -> tuple[int, int, int, int]:
    shape = _shape(writer)
    return shape["articles"], shape["sources"], shape["events"], shape["signings"]


def test_a_copy_read_as_another_story_lets_go_of_only_its_own_link(writer: GraphWriter, api: TestClient) -> None:
    txt, html = _load(writer, TXT, HTML)
    story = _story_id()

    summary = writer.write_document(_read_differently(html))
    assert (summary.articles_released, summary.articles_removed) == (1, 0)
    # The text still holds the story, with its one event and signing.
    page = api.get(f"/articles/{story}").json()
    assert [s["file"] for s in page["sources"]] == ["baichuan_signing.txt"]
    assert page["source"]["file"] == "baichuan_signing.txt"
    assert len(page["events"]) == 1 and len(page["signings"]) == 1
    assert len(page["events"][0]["attendees"]) == 4
    # The html holds the story it now tells, with facts of its own.
    (other,) = _query(writer, "MATCH (a:Article)-[:PART_OF]->(:Document {id: $d}) RETURN a.id AS id", d=html.id)
    assert other["id"] != story
    assert _counts(writer) == (2, 2, 2, 2)

    # Once the text lets go too, nothing holds the story: it goes with its facts.
    summary = writer.write_document(_read_differently(txt))
    assert (summary.articles_released, summary.articles_removed) == (0, 1)
    assert api.get(f"/articles/{story}").status_code == 404
    assert _query(writer, "MATCH (x:Event|Signing {article_id: $a}) RETURN x", a=story) == []
    assert _query(writer, "MATCH ()-[r]->() WHERE r.article_id = $a RETURN r", a=story) == []
    assert _counts(writer) == (1, 2, 1, 1)  # the changed story, in both files


def test_when_the_copy_shown_lets_go_the_other_copy_takes_over(writer: GraphWriter, api: TestClient) -> None:
    txt, html = _load(writer, TXT, HTML)
    story = _story_id()
    summary = writer.write_document(_read_differently(txt))
    assert (summary.articles_released, summary.articles_removed) == (1, 0)
    page = api.get(f"/articles/{story}").json()
    assert [s["file"] for s in page["sources"]] == [page["source"]["file"]] == ["baichuan_signing_big5.html"]
    assert len(page["events"]) == 1 and len(page["signings"]) == 1
    # The html's next load writes its own copy's text and facts in place of the text's, once each.
    writer.write_document(extract_file(HTML))
    page = api.get(f"/articles/{story}").json()
    assert page["text"] == html.articles[0].text
    assert len(page["events"]) == 1 and len(page["events"][0]["attendees"]) == 4
    assert _counts(writer) == (2, 2, 2, 2)


def test_a_copy_that_holds_nothing_any_more_keeps_the_other_copys_story(writer: GraphWriter) -> None:
    txt, html = _load(writer, TXT, HTML)
    emptied = html.model_copy(update={"articles": []})
    summary = writer.write_document(emptied)
    assert (summary.articles_released, summary.articles_removed) == (1, 0)
    assert _counts(writer) == (1, 1, 1, 1)
    (held,) = _query(writer, "MATCH (a:Article) RETURN a.document_id AS d")
    assert held["d"] == txt.id
