"""Exploring connections through the API on the real Neo4j: timelines, contacts, the officials around
a company, k shortest paths with filters, and exports. Documents from test_resolution.py."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from guanxi.ids import organization_id
from guanxi.settings import Settings
from integration.test_resolution import (
    COMPANY,
    PROJECT,
    load,
    people_named,
    query,
    songhe_zhang,
    yunling_zhang,
)
from tests.ftm_helpers import of, one, read_back

pytestmark = pytest.mark.integration


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    load(empty_db, neo4j_settings)
    app = create_app(neo4j_settings)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def zhang(empty_db: neo4j.Driver, neo4j_settings: Settings, client: TestClient) -> str:
    return yunling_zhang(empty_db, neo4j_settings)


def test_timeline_lists_titles_and_events_in_date_order_with_sources(client: TestClient, zhang: str) -> None:
    body = client.get(f"/people/{zhang}/timeline").json()
    dates = [i["date"] for i in body["items"]]
    assert dates == sorted(dates)
    assert body["total"] == len(body["items"]) == 8  # three titles, five events, no signing
    assert (body["first_seen"], body["last_seen"]) == ("2023-02-27", "2023-06-20")
    first_event = next(i for i in body["items"] if i["kind"] == "event")
    assert first_event["label"] == "智能割草机项目签约仪式" and first_event["roles"] == ["attended", "spoke"]
    assert first_event["source"]["sentence"] == "区委书记张立新出席签约仪式并致辞。"
    assert first_event["source"]["article"]["publication_name"] == "云岭周刊"
    position = body["items"][0]
    assert (position["kind"], position["label"], position["entity"]["name"]) == ("position", "区委书记", "云岭区委")


def test_timeline_filters_and_pages(client: TestClient, zhang: str) -> None:
    later = client.get(f"/people/{zhang}/timeline", params={"from_date": "2023-05-01", "kind": "event"}).json()
    assert [i["label"] for i in later["items"]] == ["云岭区党政代表团考察", "企业家座谈会", "防汛工作检查"]
    abroad = client.get(f"/people/{zhang}/timeline", params={"place": "松河"}).json()
    assert {i["date"] for i in abroad["items"]} == {"2023-05-03"}
    pages = [client.get(f"/people/{zhang}/timeline", params={"limit": 3, "offset": o}).json() for o in (0, 3, 6)]
    assert [len(p["items"]) for p in pages] == [3, 3, 2] and all(p["total"] == 8 for p in pages)
    assert client.get(f"/people/{zhang}/timeline", params={"from_date": "2023-07", "to_date": "2023-01"}).status_code == 422
    assert client.get(f"/people/{zhang}/timeline", params={"from_date": "May"}).status_code == 422
    assert client.get("/people/per-0000/timeline").status_code == 404


def test_contacts_are_ranked_by_how_often_they_met(client: TestClient, zhang: str) -> None:
    body = client.get(f"/people/{zhang}/contacts").json()
    top = body["contacts"][0]
    assert (top["entity"]["name"], top["count"]) == ("周敏", 2)
    assert [e["name"] for e in top["events"]] == ["安全生产调研", "企业家座谈会"]
    assert "区长" in top["titles"]
    companies = [c for c in body["contacts"] if c["entity"]["kind"] == "organization"]
    assert {c["entity"]["name"] for c in companies} == {COMPANY, "云岭丰禾食品有限公司"}
    names = [c["entity"]["name"] for c in body["contacts"] if c["entity"]["kind"] == "person"]
    assert names.count("王海") == 2  # the deputy head at the signing, the executive at the forum
    only_people = client.get(f"/people/{zhang}/contacts", params={"kind": "person", "to_date": "2023-03-01"}).json()
    assert {c["entity"]["name"] for c in only_people["contacts"]} == {"王海", "李晓"}
    paged = client.get(f"/people/{zhang}/contacts", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == body["total"] and paged["contacts"][0] == body["contacts"][1]


def test_officials_around_a_company(client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    company = organization_id(COMPANY)
    body = client.get(f"/organizations/{company}/officials").json()
    by_name: dict[str, list[dict]] = {}
    for official in body["officials"]:
        by_name.setdefault(official["person"]["name"], []).append(official)
    assert set(by_name) == {"王海", "张立新", "赵云"}  # not the chairman: he works there
    assert len(by_name["张立新"]) == 2  # one from each county
    (wang,) = by_name["王海"]
    assert {link["relation"] for link in wang["links"]} == {"signed", "attended"}
    assert wang["first_date"] == "2023-02-27" and wang["titles"] == ["副区长"]
    later = client.get(f"/organizations/{company}/officials", params={"from_date": "2023-04-01"}).json()
    assert {o["person"]["id"] for o in later["officials"]} == {
        songhe_zhang(empty_db, neo4j_settings), people_named(empty_db, neo4j_settings, "赵云")[0]["id"]}
    assert client.get(f"/organizations/{company}/officials", params={"place": "松河"}).json()["total"] == 2
    assert client.get(f"/organizations/{yunling_zhang(empty_db, neo4j_settings)}/officials").status_code == 404


def test_k_shortest_paths_with_type_and_date_filters(client: TestClient, empty_db: neo4j.Driver,
                                                     neo4j_settings: Settings, zhang: str) -> None:
    other = songhe_zhang(empty_db, neo4j_settings)
    body = client.get("/paths", params={"from": other, "to": zhang, "k": 2}).json()
    assert body["k"] == 2 and len(body["paths"]) == 2
    assert all(p["length"] == 4 for p in body["paths"])
    routes = [tuple(n["id"] for n in p["nodes"]) for p in body["paths"]]
    assert len(set(routes)) == 2
    assert all(step["article"]["title"] for p in body["paths"] for step in p["steps"])

    before_visit = client.get("/paths", params={"from": other, "to": zhang, "k": 5, "to_date": "2023-05-02",
                                                "type": "ATTENDED"}).json()
    assert before_visit["paths"], "the chairman links them before the visit"
    for path in before_visit["paths"]:
        assert {s["type"] for s in path["steps"]} == {"ATTENDED"}
        assert all(s["properties"]["date"] <= "2023-05-02" for s in path["steps"])
    assert "李晓" in [n["name"] for n in before_visit["paths"][0]["nodes"]]

    # Without the new parameters /paths answers as before: every connection of the least length.
    plain = client.get("/paths", params={"from": other, "to": zhang, "max_hops": 3}).json()
    assert plain["paths"] == [] and plain["max_hops"] == 3
    assert client.get("/paths", params={"from": other, "to": zhang, "k": 6}).status_code == 422


def test_neighbourhood_filters_edges_by_date(client: TestClient, zhang: str) -> None:
    everything = client.get(f"/graph/neighbourhood/{zhang}").json()
    later = client.get(f"/graph/neighbourhood/{zhang}", params={"from_date": "2023-06-01"}).json()
    names = {n["name"] for n in later["nodes"]}
    assert {"企业家座谈会", "防汛工作检查"} <= names
    assert "智能割草机项目签约仪式" not in names
    assert len(later["nodes"]) < len(everything["nodes"])


def test_exports_of_a_neighbourhood_and_of_the_whole_graph(client: TestClient, zhang: str) -> None:
    graphml = client.get("/export/graphml", params={"id": zhang, "depth": 1})
    assert graphml.status_code == 200 and "graphml" in graphml.headers["content-type"]
    root = ET.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_ids = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert zhang in node_ids
    assert all(e.get("source") in node_ids and e.get("target") in node_ids for e in root.iterfind(".//g:edge", ns))

    nodes = client.get("/export/csv", params={"id": zhang, "part": "nodes"}).text.splitlines()
    assert nodes[0].startswith("\ufeffid,kind,name") and any(line.startswith(zhang) for line in nodes)
    edges = client.get("/export/csv", params={"id": zhang}).text.splitlines()
    assert edges[0].startswith("\ufeffsource,target,type") and len(edges) > 1

    lines = client.get("/export/ftm").text.splitlines()
    entities = [json.loads(line) for line in lines]
    schemata = {e["schema"] for e in entities}
    assert {"Person", "Company", "PublicBody", "Event", "Project", "Membership", "Directorship",
            "ProjectParticipant", "Position", "Occupancy", "Article", "Documentation"} <= schemata
    for entity in entities:
        assert entity["id"] and all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                    for v in entity["properties"].values())
    directorships = [e for e in entities if e["schema"] == "Directorship"]
    assert {d["properties"]["organization"][0] for d in directorships} >= {organization_id(COMPANY)}
    assert client.get("/export/ftm", params={"id": "per-0000"}).status_code == 404


def test_the_ftm_export_holds_each_post_its_holders_and_the_article_of_each_fact(
        empty_db: neo4j.Driver, neo4j_settings: Settings, client: TestClient, zhang: str) -> None:
    page = "https://news.example.cn/yunling/8.html"
    query(empty_db, neo4j_settings, "MATCH (d:Document {source: 'yunling_weekly_8.txt'}) SET d.url = $url", url=page)
    entities = read_back(client.get("/export/ftm").text)
    # Every post anyone was given is an Occupancy (the fixture's titles name no place: a post is a
    # title in its body).
    (posts,) = query(empty_db, neo4j_settings, "MATCH (p:Person)-[h:HOLDS_POSITION]->(x) "
                                               "RETURN count(DISTINCT [p.id, h.title, x.id]) AS n")
    assert len(of(entities, "Occupancy")) == posts["n"] > 0
    secretary = one(entities, "Position", name="云岭区委 区委书记")
    assert [entities[o]["properties"]["name"] for o in secretary["properties"]["organization"]] == [["云岭区委"]]
    tenure = one(entities, "Occupancy", holder=zhang, post=secretary["id"])["properties"]
    assert (tenure["startDate"], tenure["endDate"]) == (["2023-02-27"], ["2023-05-03"])
    assert len(tenure["proof"]) == 3 and tenure["sourceUrl"] == [page]
    first = entities[tenure["proof"][0]]
    assert first["schema"] == "Article" and first["properties"]["title"] == ["晨光智能割草机项目签约仪式举行"]
    assert (first["properties"]["publishedAt"], first["properties"]["publisher"], first["properties"]["sourceUrl"]) \
        == (["2023-02-27"], ["云岭周刊"], [page])
    # The other county's 张立新 holds the other county's post.
    other = one(entities, "Occupancy", holder=songhe_zhang(empty_db, neo4j_settings))["properties"]
    assert entities[other["post"][0]]["properties"]["name"] == ["松河县人民政府 副县长"]
    # Each party and signer of the signing takes part in its project.
    (project,) = [e for e in of(entities, "Project") if e["properties"]["name"] == [PROJECT]]
    signed = {entities[p["properties"]["participant"][0]]["properties"]["name"][0]
              for p in of(entities, "ProjectParticipant")
              if p["properties"]["role"] == ["signed"] and p["properties"]["project"] == [project["id"]]}
    assert signed == {"云岭区人民政府", COMPANY, "王海", "李晓"}
    # A neighbourhood's export holds only what the neighbourhood does, and reads back as well.
    around = read_back(client.get("/export/ftm", params={"id": zhang, "depth": 1}).text)
    assert one(around, "Occupancy", holder=zhang)["properties"]["endDate"] == ["2023-05-03"]
