"""Every endpoint over a loaded graph: the real repository on the real Neo4j, through HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.documents import (
    COMPANY,
    COMPANY_ID,
    GOVERNMENT,
    GOVERNMENT_ID,
    INSPECTOR_ID,
    MANAGER,
    MANAGER_ID,
    MANAGER_SENTENCE,
    MAYOR,
    PROJECT,
    PROJECT_ID,
    SECRETARY,
    SECRETARY_ID,
    SIGNING_SENTENCE,
    VICE_MAYOR,
    weekly_document,
)

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.ensure_schema()
    writer.write_document(weekly_document())
    app = create_app(neo4j_settings)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def test_health_through_the_apps_own_driver(neo4j_settings: Settings, driver: neo4j.Driver) -> None:
    with TestClient(create_app(neo4j_settings)) as app_client:
        response = app_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "neo4j": True}


def test_search_finds_a_person_by_two_characters_of_the_name(client: TestClient) -> None:
    hits = client.get("/search", params={"q": SECRETARY[1:]}).json()
    assert hits[0]["id"] == SECRETARY_ID
    assert hits[0]["kind"] == "person"
    assert "区委书记" in hits[0]["description"]


def test_search_by_one_character_and_by_alias(client: TestClient) -> None:
    one = client.get("/search", params={"q": MANAGER[0]}).json()
    assert MANAGER_ID in [h["id"] for h in one]
    alias = client.get("/search", params={"q": "华辰公司"}).json()
    assert alias[0]["id"] == COMPANY_ID
    only_projects = client.get("/search", params={"q": "华辰", "kind": "project"}).json()
    assert [h["id"] for h in only_projects] == [PROJECT_ID]
    assert client.get("/search", params={"q": "不存在的名字"}).json() == []


def test_person_lists_titles_over_time_and_events_with_roles(client: TestClient) -> None:
    person = client.get(f"/people/{SECRETARY_ID}").json()
    assert person["name"] == SECRETARY
    assert [p["as_of"] for p in person["positions"]] == ["2023-05-11", "2023-05-10"]
    assert {p["title"] for p in person["positions"]} == {"区委书记"}
    signing_event = next(e for e in person["events"] if e["type"] == "signing")
    assert signing_event["roles"] == ["attended", "spoke"]
    assert signing_event["date"] == "2023-05-10"
    assert signing_event["source"]["sentence"] == SIGNING_SENTENCE
    assert signing_event["source"]["article"]["publication_name"] == "示例周刊"
    assert len(person["events"]) == 2
    assert len(person["articles"]) == 2


def test_event_lists_attendees_with_roles_and_titles(client: TestClient) -> None:
    person = client.get(f"/people/{SECRETARY_ID}").json()
    event_id = next(e["event"]["id"] for e in person["events"] if e["type"] == "signing")
    event = client.get(f"/events/{event_id}").json()
    by_name = {a["person"]["name"]: a for a in event["attendees"]}
    assert set(by_name) == {SECRETARY, MAYOR, MANAGER, VICE_MAYOR}
    assert event["attendees"][0]["person"]["name"] == MAYOR  # who presided comes first
    assert by_name[MAYOR]["roles"] == ["presided"]
    assert set(by_name[MAYOR]["titles"]) == {"区委副书记", "区长"}
    assert by_name[MANAGER]["roles"] == ["attended", "signed"]
    assert event["article"]["date"] == "2023-05-10"
    assert event["totals"] == {"attendees": 4}
    assert by_name[MAYOR]["source"]["article"]["id"] == event["article"]["id"]
    (signing,) = event["signings"]  # what the ceremony signed, by which parties, who signed
    assert signing["project"]["name"] == PROJECT
    assert {p["name"] for p in signing["parties"]} == {GOVERNMENT, COMPANY}
    assert {p["name"] for p in signing["signers"]} == {MANAGER, VICE_MAYOR}

    inspection_id = next(e["event"]["id"] for e in person["events"] if e["type"] == "inspection")
    assert client.get(f"/events/{inspection_id}").json()["signings"] == []


def test_organization_shows_projects_people_and_signings(client: TestClient) -> None:
    org = client.get(f"/organizations/{COMPANY_ID}").json()
    assert org["name"] == COMPANY and org["org_kind"] == "company" and org["aliases"] == ["华辰公司"]
    assert {(p["project"]["id"], p["relation"]) for p in org["projects"]} == {(PROJECT_ID, "runs"), (PROJECT_ID, "signed")}
    assert [(m["person"]["id"], m["title"]) for m in org["people"]] == [(MANAGER_ID, "副总经理")]
    assert org["people"][0]["source"]["sentence"] == MANAGER_SENTENCE
    (signing,) = org["signings"]
    assert {p["id"] for p in signing["parties"]} == {COMPANY_ID, GOVERNMENT_ID}


def test_project_shows_companies_signings_and_events(client: TestClient) -> None:
    project = client.get(f"/projects/{PROJECT_ID}").json()
    assert project["name"] == PROJECT and project["place"] == "示例区"
    assert [c["organization"]["id"] for c in project["companies"]] == [COMPANY_ID]
    (signing,) = project["signings"]
    assert {s["name"] for s in signing["signers"]} == {MANAGER, VICE_MAYOR}
    assert signing["date"] == "2023-05-10"
    assert [e["name"] for e in project["events"]] == [f"{PROJECT}签约仪式"]


def test_path_from_a_person_to_a_company_through_a_shared_event(client: TestClient) -> None:
    body = client.get("/paths", params={"from": SECRETARY_ID, "to": COMPANY_ID}).json()
    assert body["paths"], "no path found"
    shortest = body["paths"][0]
    assert shortest["length"] == 3
    assert [n["kind"] for n in shortest["nodes"]] == ["person", "event", "person", "organization"]
    assert [s["type"] for s in shortest["steps"]] == ["ATTENDED", "ATTENDED", "HOLDS_POSITION"]
    assert shortest["steps"][0]["sentence"] == SIGNING_SENTENCE
    assert shortest["steps"][0]["article"]["title"].endswith("签约仪式举行")


def test_paths_respect_max_hops(client: TestClient) -> None:
    # The inspector met the secretary at another event: five steps to the company.
    near = client.get("/paths", params={"from": INSPECTOR_ID, "to": COMPANY_ID, "max_hops": 4}).json()
    assert near["paths"] == []
    far = client.get("/paths", params={"from": INSPECTOR_ID, "to": COMPANY_ID, "max_hops": 5}).json()
    assert far["paths"][0]["length"] == 5


def test_neighbourhood_draws_nodes_and_edges(client: TestClient) -> None:
    view = client.get(f"/graph/neighbourhood/{SECRETARY_ID}", params={"depth": 1}).json()
    ids = {n["id"] for n in view["nodes"]}
    assert SECRETARY_ID in ids
    assert {n["kind"] for n in view["nodes"]} >= {"event", "organization", "article"}
    assert all(e["source"] in ids and e["target"] in ids for e in view["edges"])
    small = client.get(f"/graph/neighbourhood/{SECRETARY_ID}", params={"depth": 3, "limit": 4}).json()
    assert len(small["nodes"]) == 4 and small["truncated"] is True


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/people/per-0000000000000000").status_code == 404
    assert client.get(f"/events/{SECRETARY_ID}").status_code == 404  # a person's id is not an event
    assert client.get("/paths", params={"from": SECRETARY_ID, "to": "org-0"}).status_code == 404


def test_an_entity_page_shows_the_newest_of_each_list_and_counts_them_all(client: TestClient) -> None:
    full = client.get(f"/people/{SECRETARY_ID}").json()
    assert full["totals"]["events"] == len(full["events"]) >= 1
    assert full["totals"]["articles"] == len(full["articles"])
    short = client.get(f"/people/{SECRETARY_ID}", params={"limit": 1}).json()
    assert len(short["events"]) == 1 and short["events"][0] == full["events"][0]
    assert short["totals"] == full["totals"]
    assert client.get(f"/people/{SECRETARY_ID}", params={"limit": 0}).status_code == 422
    assert client.get(f"/people/{SECRETARY_ID}", params={"limit": 501}).status_code == 422
