"""The article behind every fact: /articles/{id} serves the text, where it came from and every fact
read from it with the span of its sentence, and /search finds articles by what their text says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.documents import (
    COMPANY,
    MANAGER,
    MANAGER_SENTENCE,
    MAYOR,
    PROJECT,
    SECRETARY,
    SECRETARY_ID,
    SIGNING_SENTENCE,
    VICE_MAYOR,
    WEEKLY_URL,
    weekly_document,
)
from rich.console import Console

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter, load_documents
from guanxi.loading import EXIT_OK, run_load
from guanxi.settings import Settings
from loaders.pipeline import extract_text

pytestmark = pytest.mark.integration

# An invented web page: its own address in the head, and a phrase no name holds.
WEB_PAGE = """<html><head><title>青禾县重点项目建设现场推进会召开_青禾县人民政府</title>
<link rel="canonical" href="https://www.qinghe.example.cn/news/2024/0803/17.html"></head><body>
<h1>青禾县重点项目建设现场推进会召开</h1>
<div>来源：青禾县融媒体中心 发布时间：2024-08-03 10:30</div>
<p>8月2日，青禾县召开重点项目建设现场推进会。县委书记梁书衡出席会议并讲话，县长吴远川主持会议。</p>
<p>与会人员先后来到青禾经济开发区的三个项目现场，察看厂房建设和设备安装进度。</p>
<p>梁书衡指出，要倒排工期，确保项目早日投产。</p>
</body></html>"""


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    weekly = weekly_document()
    weekly.url = WEEKLY_URL
    web = extract_text(WEB_PAGE, source="qinghe_17.html")
    load_documents(GraphWriter(empty_db, neo4j_settings.neo4j_database), [weekly, web])
    app = create_app(neo4j_settings)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def _signing_article_id() -> str:
    return weekly_document().articles[0].id


def _spanned(article: dict, source: dict) -> str:
    span = source["span"]
    return article[span["field"]][span["start"]:span["end"]]


def test_an_article_with_its_origin_and_text(client: TestClient) -> None:
    article = client.get(f"/articles/{_signing_article_id()}").json()
    assert article["kind"] == "article"
    assert article["title"].endswith("签约仪式举行")
    assert article["date"] == "2023-05-10"
    assert article["publication"] == {"name": "示例周刊", "date": "2023-05-12", "issue": "第9期"}
    assert article["page"] == 1
    assert article["source"]["file"] == "fixture_weekly.txt"
    assert article["source"]["url"] == WEEKLY_URL
    assert article["text"] == f"{SIGNING_SENTENCE}\n{MANAGER_SENTENCE}"


def test_every_fact_of_the_article_with_the_span_of_its_sentence(client: TestClient) -> None:
    article = client.get(f"/articles/{_signing_article_id()}").json()
    people = {p["person"]["name"]: p for p in article["people"]}
    assert set(people) == {SECRETARY, MAYOR, MANAGER, VICE_MAYOR}
    secretary = people[SECRETARY]
    assert secretary["person"]["id"] == SECRETARY_ID
    (title,) = secretary["titles"]
    assert title["title"] == "区委书记" and title["organization"]["name"] == "示例区委"
    assert _spanned(article, title["source"]) == SIGNING_SENTENCE
    assert _spanned(article, people[MANAGER]["titles"][0]["source"]) == MANAGER_SENTENCE
    # The mayor's sentence is not in this article's text: the fact stays, without a span.
    assert people[MAYOR]["titles"][0]["source"] == {"sentence": f"区委副书记、区长{MAYOR}主持。", "span": None}

    (event,) = article["events"]
    assert event["type"] == "signing"
    roles = {a["person"]["name"]: a["roles"] for a in event["attendees"]}
    assert roles[SECRETARY] == ["attended", "spoke"] and roles[MAYOR] == ["presided"]
    assert event["attendees"][0]["person"]["name"] == MAYOR  # who presided first, as on the event page
    assert _spanned(article, event["source"]) == SIGNING_SENTENCE

    (signing,) = article["signings"]
    assert signing["project"]["name"] == PROJECT
    assert {p["name"] for p in signing["parties"]} == {COMPANY, "示例区人民政府"}
    assert {p["name"] for p in signing["signers"]} == {MANAGER, VICE_MAYOR}
    assert signing["source"]["span"] == {"field": "text", "start": len(SIGNING_SENTENCE) + 1,
                                         "end": len(SIGNING_SENTENCE) + 1 + len(MANAGER_SENTENCE)}
    (project,) = article["projects"]
    assert project["project"]["name"] == PROJECT and [c["name"] for c in project["companies"]] == [COMPANY]
    assert [(b["person"]["name"], b["role"]) for b in article["bylines"]] == [("钱文静", "reporter")]
    assert {o["organization"]["name"] for o in article["organizations"]} >= {COMPANY}


def test_an_unknown_article_is_404_with_a_detail(client: TestClient) -> None:
    response = client.get("/articles/art-0000000000000000")
    assert response.status_code == 404
    assert set(response.json()) == {"detail"} and "art-0000000000000000" in response.json()["detail"]


def test_a_page_names_its_own_address(client: TestClient) -> None:
    (hit,) = client.get("/search", params={"q": "设备安装"}).json()
    article = client.get(f"/articles/{hit['id']}").json()
    assert article["source"] == {"file": "qinghe_17.html", "url": "https://www.qinghe.example.cn/news/2024/0803/17.html",
                                 "encoding": "utf-8", "document_id": article["source"]["document_id"]}
    # Facts the real extractor read, each pointing at its place in the text.
    for person in article["people"]:
        for title in person["titles"]:
            assert title["source"]["sentence"] in article["text"] or title["source"]["span"] is None
            if title["source"]["span"]:
                assert _spanned(article, title["source"]) == title["source"]["sentence"]


def test_search_finds_the_articles_that_say_a_phrase_with_a_snippet(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "设备安装"}).json()
    assert [h["kind"] for h in hits] == ["article"]
    assert hits[0]["name"] == "青禾县重点项目建设现场推进会召开"
    assert "设备安装" in hits[0]["snippet"] and "\n" not in hits[0]["snippet"]
    assert "2024-08" in hits[0]["description"]
    assert client.get("/search", params={"q": "倒排工期", "kind": "article"}).json()[0]["id"] == hits[0]["id"]
    assert client.get("/search", params={"q": "设备安装", "kind": "person"}).json() == []


def test_a_name_search_lists_what_it_did_and_articles_come_when_asked_for(client: TestClient) -> None:
    hits = client.get("/search", params={"q": SECRETARY}).json()
    assert [h["id"] for h in hits] == [SECRETARY_ID]  # a name: the names only, as before
    both = client.get("/search", params=[("q", SECRETARY), ("kind", "person"), ("kind", "article")]).json()
    assert both[0]["id"] == SECRETARY_ID
    assert [h["kind"] for h in both[1:]] == ["article", "article"]  # after every name
    assert {h["name"] for h in both[1:]} == {a.title for a in weekly_document().articles}
    # Paging runs on from the names into the articles, without repeating or skipping one.
    second = client.get("/search", params=[("q", SECRETARY), ("kind", "person"), ("kind", "article"),
                                           ("limit", "1"), ("offset", "1")]).json()
    assert second == both[1:2]
    third = client.get("/search", params=[("q", SECRETARY), ("kind", "person"), ("kind", "article"),
                                          ("limit", "5"), ("offset", "2")]).json()
    assert third == both[2:]
    # One character names many things: no article search for it.
    assert client.get("/search", params={"q": SECRETARY[0], "kind": "article"}).json() == []


def test_load_url_gives_one_files_address(empty_db: neo4j.Driver, neo4j_settings: Settings, tmp_path: Path) -> None:
    page = tmp_path / "copied.txt"
    page.write_text("青禾县召开秋粮收购工作会议\n8月5日，青禾县召开秋粮收购工作会议。副县长罗青出席会议。\n", encoding="utf-8")
    assert run_load([page], neo4j_settings, Console(), url="https://copied.example.cn/a/5") == EXIT_OK
    (hit,) = GraphRepository(empty_db, neo4j_settings.neo4j_database).search("秋粮收购", kinds=["article"])
    article = GraphRepository(empty_db, neo4j_settings.neo4j_database).article(hit.id)
    assert article is not None and article.source.url == "https://copied.example.cn/a/5"


def test_load_urls_give_each_fetched_page_its_address(empty_db: neo4j.Driver, neo4j_settings: Settings,
                                                      tmp_path: Path) -> None:
    """`guanxi fetch` loads its pages with run_load(urls=...): each file keeps the address it came from,
    over the page's own canonical link."""
    grain = tmp_path / "a1.html"
    grain.write_text("青禾县召开秋粮收购工作会议\n8月5日，青禾县召开秋粮收购工作会议。副县长罗青出席会议。\n", encoding="utf-8")
    web = tmp_path / "b2.html"
    web.write_text(WEB_PAGE, encoding="utf-8")
    urls = {grain: "http://127.0.0.1:8/grain.html", web: "http://127.0.0.1:8/project.html"}
    assert run_load([grain, web], neo4j_settings, Console(), urls=urls) == EXIT_OK
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    for phrase, url in (("秋粮收购", urls[grain]), ("倒排工期", urls[web])):
        (hit,) = repo.search(phrase, kinds=["article"])
        article = repo.article(hit.id)
        assert article is not None and article.source.url == url


def test_load_summary_says_how_each_file_was_read(empty_db: neo4j.Driver, neo4j_settings: Settings,
                                                   tmp_path: Path) -> None:
    text = tmp_path / "grain.txt"
    text.write_text("青禾县召开秋粮收购工作会议\n8月5日，青禾县召开秋粮收购工作会议。副县长罗青出席会议。\n", encoding="utf-8")
    web = tmp_path / "project.html"
    web.write_text(WEB_PAGE, encoding="utf-8")
    console = Console(record=True, width=200)
    assert run_load([text, web], neo4j_settings, console) == EXIT_OK
    shown = console.export_text()
    assert "read as text" in shown and "read as html" in shown
    assert f"html {web}" in shown
