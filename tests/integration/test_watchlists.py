"""Watchlists on the real Neo4j: an editor follows a person, a company and a place; after the next
load `GET /watch/changes` lists what its articles say about them (events, posts, signings, each with
its sentence and article), nothing else, and nothing twice once it is marked read. Every name is
invented; the place is a real division only because a followed place must be one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from guanxi.editor_keys import add_editor
from guanxi.facts import (
    Article,
    Attendee,
    Document,
    Event,
    Organization,
    Person,
    Position,
    Publication,
    Signing,
)
from guanxi.ids import article_id, document_id, organization_id, person_id
from guanxi.settings import Settings
from integration.test_resolution import load

pytestmark = pytest.mark.integration

HEAD = "宋景川"  # followed: the county head of 榆安县
COMPANY = "榆安远航装备有限公司"  # followed
NEWCOMER = "庞书航"  # given a post in the followed district
BYSTANDER = "温立群"  # named in the new issue, followed by nobody
DISTRICT, DISTRICT_CODE = "台儿庄区", "370405000000"  # the followed place
MEETING_SENTENCE = f"县长{HEAD}主持召开县政府常务会议。"
EXPO_SENTENCE = f"县长{HEAD}出席招商推介会并致辞。"
SIGNING_SENTENCE = f"{COMPANY}与县政府签约风电装备项目，县长{HEAD}见证签约。"
POST_SENTENCE = f"{NEWCOMER}任{DISTRICT}副区长。"
FESTIVAL_SENTENCE = "台儿庄运河古城灯会开幕。"


def _doc(name: str, date: str, articles: list[Article]) -> Document:
    doc_id = document_id(f"watchlist fixture {name}")
    for index, art in enumerate(articles):
        art.index = index
        art.id = article_id(doc_id, index, art.title)
    return Document(id=doc_id, source=f"{name}.txt", publication=Publication(name="榆安日报", date=date),
                    articles=articles)


def _head(sentence: str) -> Person:
    return Person(name=HEAD, kind="official", sentence=sentence,
                  positions=[Position(title="县长", place="榆安县", sentence=sentence)])


def first_issue() -> Document:
    return _doc("first", "2024-03-01", [
        Article(title="县政府常务会议召开", date="2024-03-01", people=[_head(MEETING_SENTENCE)],
                organizations=[Organization(name=COMPANY, kind="company", sentence=f"{COMPANY}汇报生产情况。")],
                events=[Event(name="县政府常务会议", type="meeting", date="2024-03-01", sentence=MEETING_SENTENCE,
                              attendees=[Attendee(name=HEAD, roles=["presided"], sentence=MEETING_SENTENCE)])],
                text=MEETING_SENTENCE + f"{COMPANY}汇报生产情况。"),
    ])


def next_issue() -> Document:
    return _doc("next", "2024-03-08", [
        Article(title="招商推介会举行", date="2024-03-08", people=[_head(EXPO_SENTENCE)],
                events=[Event(name="榆安县招商推介会", type="activity", date="2024-03-08", sentence=EXPO_SENTENCE,
                              attendees=[Attendee(name=HEAD, roles=["spoke"], sentence=EXPO_SENTENCE)])],
                text=EXPO_SENTENCE),
        Article(title="风电装备项目签约", date="2024-03-08",
                organizations=[Organization(name=COMPANY, kind="company", sentence=SIGNING_SENTENCE)],
                signings=[Signing(project="风电装备项目", parties=[COMPANY, "榆安县人民政府"], signers=[],
                                  date="2024-03-08", sentence=SIGNING_SENTENCE)],
                text=SIGNING_SENTENCE),
        Article(title="任免通知", date="2024-03-08",
                people=[Person(name=NEWCOMER, kind="official", sentence=POST_SENTENCE,
                               positions=[Position(title="副区长", place=DISTRICT, place_code=DISTRICT_CODE,
                                                   sentence=POST_SENTENCE)])],
                text=POST_SENTENCE),
        Article(title="灯会开幕", date="2024-03-08",
                events=[Event(name="运河古城灯会", type="activity", date="2024-03-08", place="台儿庄运河古城",
                              sentence=FESTIVAL_SENTENCE)],
                text=FESTIVAL_SENTENCE),
        Article(title="农业生产调研", date="2024-03-08",
                people=[Person(name=BYSTANDER, kind="official", sentence=f"副县长{BYSTANDER}调研农业生产。")],
                text=f"副县长{BYSTANDER}调研农业生产。"),
    ])


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "editor-keys"
    return {"path": str(path), "陈编辑": add_editor(path, "陈编辑"), "林编辑": add_editor(path, "林编辑")}


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, str]) -> Iterator[TestClient]:
    load(empty_db, neo4j_settings, [first_issue()])
    app = create_app(neo4j_settings.model_copy(update={"api_key": None, "editor_keys_file": Path(keys["path"])}))
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def _changes(client: TestClient, key: str, **params: Any) -> dict[str, Any]:
    answer = client.get("/watch/changes", headers={"X-API-Key": key}, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_after_a_load_the_changes_list_what_it_says_about_what_is_followed(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, str]) -> None:
    chen = {"X-API-Key": keys["陈编辑"]}
    head, company = person_id(HEAD), organization_id(COMPANY)
    assert client.get("/watch/changes").status_code == 401
    for path in (f"/watch/entities/{head}", f"/watch/entities/{company}", f"/watch/places/{DISTRICT}"):
        assert client.put(path, headers=chen).status_code == 200, path
    followed = client.get("/watch", headers=chen).json()
    assert followed["owner"] == "陈编辑"
    assert {e["name"] for e in followed["entities"]} == {HEAD, COMPANY}
    assert [p["code"] for p in followed["places"]] == [DISTRICT_CODE]
    assert _changes(client, keys["陈编辑"])["changes"] == []  # what was loaded before is not news

    load(empty_db, neo4j_settings, [next_issue()])
    news = _changes(client, keys["陈编辑"])
    by_kind = {(c["kind"], c["source"]["sentence"]): c for c in news["changes"]}
    assert set(by_kind) == {("event", EXPO_SENTENCE), ("post", EXPO_SENTENCE), ("signing", SIGNING_SENTENCE),
                            ("post", POST_SENTENCE), ("event", FESTIVAL_SENTENCE)}
    expo = by_kind[("event", EXPO_SENTENCE)]
    assert expo["watched"] == [head] and expo["target"]["name"] == "榆安县招商推介会" and expo["roles"] == ["spoke"]
    assert expo["source"]["article"]["title"] == "招商推介会举行"
    signing = by_kind[("signing", SIGNING_SENTENCE)]
    assert signing["watched"] == [company] and COMPANY in {p["name"] for p in signing["parties"]}
    post = by_kind[("post", POST_SENTENCE)]
    assert post["watched"] == [DISTRICT_CODE] and post["subject"]["name"] == NEWCOMER and post["title"] == "副区长"
    assert by_kind[("event", FESTIVAL_SENTENCE)]["watched"] == [DISTRICT_CODE]
    assert BYSTANDER not in str(news)

    # Marked read up to what was shown: nothing is new, and loading the same issue again is no news.
    seen = client.put("/watch/seen", headers=chen, json={"until": news["until"]})
    assert seen.status_code == 200 and seen.json()["seen_at"] == news["until"]
    assert _changes(client, keys["陈编辑"])["changes"] == []
    load(empty_db, neo4j_settings, [next_issue()])
    assert _changes(client, keys["陈编辑"])["changes"] == []
    # An earlier time asks again: the same changes.
    assert len(_changes(client, keys["陈编辑"], since=news["since"])["changes"]) == len(news["changes"])


def test_each_editor_has_their_own_watchlist_and_unfollowing_ends_the_news(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, str]) -> None:
    chen, lin = {"X-API-Key": keys["陈编辑"]}, {"X-API-Key": keys["林编辑"]}
    head = person_id(HEAD)
    client.put(f"/watch/entities/{head}", headers=chen)
    client.put(f"/watch/places/{DISTRICT_CODE[:6]}", headers=lin)
    assert client.get("/watch", headers=lin).json()["entities"] == []
    client.delete(f"/watch/places/{DISTRICT}", headers=lin)
    assert client.get("/watch", headers=lin).json()["places"] == []

    load(empty_db, neo4j_settings, [next_issue()])
    assert {c["kind"] for c in _changes(client, keys["陈编辑"])["changes"]} == {"event", "post"}
    assert _changes(client, keys["林编辑"])["changes"] == []
    client.delete(f"/watch/entities/{head}", headers=chen)
    assert _changes(client, keys["陈编辑"])["changes"] == []


def test_a_follow_is_of_people_companies_projects_and_places_only(client: TestClient, keys: dict[str, str]) -> None:
    chen = {"X-API-Key": keys["陈编辑"]}
    assert client.put("/watch/entities/per-0", headers=chen).status_code == 404
    event = client.get("/search", params={"q": "县政府常务会议", "kind": "event"}).json()[0]["id"]
    assert client.put(f"/watch/entities/{event}", headers=chen).status_code == 409
    assert client.put("/watch/places/没有这个县", headers=chen).status_code == 404
    assert client.put("/watch/places/市中区", headers=chen).status_code == 422  # several divisions have it
    assert client.get("/watch/changes", headers=chen, params={"since": "2024-13-01"}).status_code == 422


def test_a_followed_entry_merged_into_another_is_followed_in_the_one_that_holds_it(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, str]) -> None:
    chen = {"X-API-Key": keys["陈编辑"]}
    head = person_id(HEAD)
    load(empty_db, neo4j_settings, [_doc("misprint", "2024-03-02", [
        Article(title="县长调研", date="2024-03-02", people=[Person(name="宋景州", kind="official", sentence="县长宋景州调研。")],
                text="县长宋景州调研。")])])
    misprint = person_id("宋景州")
    client.put(f"/watch/entities/{misprint}", headers=chen)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    repo.merge_entities(head, misprint, by="test", reason="misprint")
    assert [e["id"] for e in client.get("/watch", headers=chen).json()["entities"]] == [head]
    load(empty_db, neo4j_settings, [next_issue()])
    assert ("event", EXPO_SENTENCE) in {(c["kind"], c["source"]["sentence"])
                                       for c in _changes(client, keys["陈编辑"])["changes"]}
