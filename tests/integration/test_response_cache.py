"""The response cache on the real Neo4j: the graph's token moves with every write and only then, and a
write (a load, a correction) shows in the answers at most api_cache_check_ms after it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.documents import SECRETARY, SECRETARY_ID, weekly_document

from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter
from guanxi.facts import Article, Attendee, Document, Event, Person, Position, Publication
from guanxi.ids import article_id, document_id, person_id
from guanxi.settings import Settings
from integration.test_resolution import load, people_named

pytestmark = pytest.mark.integration

BOUND_MS = 300
NEWCOMER = "王明远"  # found by a search for 明远 beside 周明远
KEY = "test-key-4f1c-0123456789"


def _second_document() -> Document:
    """A later article: 周明远 at a new meeting with someone the graph has not met yet."""
    doc_id = document_id("fixture weekly, issue 10")
    sentence = f"区委书记{SECRETARY}、副区长{NEWCOMER}出席座谈会。"
    article = Article(
        index=0, title="区领导出席企业座谈会", date="2023-05-18",
        people=[Person(name=SECRETARY, kind="official", positions=[Position(title="区委书记", org="示例区委")]),
                Person(name=NEWCOMER, kind="official", positions=[Position(title="副区长")])],
        events=[Event(name="企业座谈会", type="meeting", date="2023-05-18", sentence=sentence,
                      attendees=[Attendee(name=SECRETARY, sentence=sentence), Attendee(name=NEWCOMER, sentence=sentence)])],
        text=sentence,
    )
    article.id = article_id(doc_id, 0, article.title)
    return Document(id=doc_id, source="fixture_weekly_10.txt",
                    publication=Publication(name="示例周刊", date="2023-05-19", issue="第10期"), articles=[article])


@pytest.fixture
def writer(empty_db: neo4j.Driver, neo4j_settings: Settings) -> GraphWriter:
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.ensure_schema()
    writer.write_document(weekly_document())
    return writer


def _app(settings: Settings, **update: object) -> TestClient:
    return TestClient(create_app(settings.model_copy(update={"api_cache_check_ms": BOUND_MS, **update})))


def test_the_token_moves_with_a_write_and_only_then(writer: GraphWriter, empty_db: neo4j.Driver,
                                                    neo4j_settings: Settings) -> None:
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    first = repo.generation()
    assert first
    repo.search("明远")
    repo.person(SECRETARY_ID)
    assert repo.generation(first) == first  # reads move nothing
    writer.write_document(_second_document())
    moved = repo.generation(first)
    assert moved and moved != first
    # The full-text index holds what the token's transactions wrote once the token is returned.
    assert NEWCOMER in [hit.name for hit in repo.search("明远")]


def test_a_load_shows_in_the_answers_after_the_bound(writer: GraphWriter, neo4j_settings: Settings) -> None:
    with _app(neo4j_settings) as client, _app(neo4j_settings, api_cache=False) as plain:
        search = client.get("/search", params={"q": "明远"})
        page = client.get(f"/people/{SECRETARY_ID}")
        assert (search.headers["x-cache"], page.headers["x-cache"]) == ("miss", "miss")
        again = client.get("/search", params={"q": "明远"})
        assert again.headers["x-cache"] == "hit"
        assert again.content == search.content == plain.get("/search", params={"q": "明远"}).content
        assert client.get(f"/people/{SECRETARY_ID}").content == page.content == plain.get(f"/people/{SECRETARY_ID}").content
        assert NEWCOMER not in search.text

        writer.write_document(_second_document())  # another process's load, as far as the API knows
        time.sleep(BOUND_MS / 1000 + 0.1)

        search = client.get("/search", params={"q": "明远"})
        assert search.headers["x-cache"] == "miss"
        assert person_id(NEWCOMER) in [hit["id"] for hit in search.json()]
        events = {e["event"]["name"] for e in client.get(f"/people/{SECRETARY_ID}").json()["events"]}
        assert "企业座谈会" in events
        assert client.get("/search", params={"q": "明远"}).content == search.content \
            == plain.get("/search", params={"q": "明远"}).content


def test_a_correction_through_the_api_shows_in_the_next_answer(empty_db: neo4j.Driver,
                                                               neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    (zhou,) = people_named(empty_db, neo4j_settings, "周敏")
    (typo,) = people_named(empty_db, neo4j_settings, "周民")
    # An hour's bound: only the worker's own write can make the next answer new.
    with _app(neo4j_settings, api_cache_check_ms=3_600_000, api_key=KEY) as client:
        assert client.get(f"/people/{typo['id']}", follow_redirects=False).status_code == 200
        assert client.get(f"/people/{zhou['id']}").headers["x-cache"] == "miss"
        assert client.get(f"/people/{zhou['id']}").headers["x-cache"] == "hit"
        merged = client.post(f"/entities/{zhou['id']}/merge", headers={"X-API-Key": KEY},
                             json={"other_id": typo["id"], "reason": "misprint"})
        assert merged.status_code == 200, merged.text
        assert client.get(f"/people/{typo['id']}", follow_redirects=False).status_code == 301
        page = client.get(f"/people/{zhou['id']}")
        assert page.headers["x-cache"] == "miss"
        assert "周民" in page.json()["aliases"]


def test_a_correction_by_another_process_shows_after_the_bound(empty_db: neo4j.Driver,
                                                               neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    (zhou,) = people_named(empty_db, neo4j_settings, "周敏")
    (typo,) = people_named(empty_db, neo4j_settings, "周民")
    with _app(neo4j_settings) as client:
        before = client.get(f"/people/{zhou['id']}").json()
        assert "周民" not in before["aliases"]
        GraphRepository(empty_db, neo4j_settings.neo4j_database).merge_entities(
            zhou["id"], typo["id"], by="test", reason="misprint")
        time.sleep(BOUND_MS / 1000 + 0.1)
        assert "周民" in client.get(f"/people/{zhou['id']}").json()["aliases"]


@pytest.fixture
def stopped_cache_settings(neo4j_settings: Settings) -> Iterator[Settings]:
    yield neo4j_settings.model_copy(update={"api_cache": False})


def test_with_the_cache_off_every_read_asks_the_graph(writer: GraphWriter, stopped_cache_settings: Settings) -> None:
    with TestClient(create_app(stopped_cache_settings)) as client:
        first = client.get("/search", params={"q": "明远"})
        assert "x-cache" not in first.headers and "etag" not in first.headers
        writer.write_document(_second_document())
        assert NEWCOMER in client.get("/search", params={"q": "明远"}).text
