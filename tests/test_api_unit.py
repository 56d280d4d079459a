"""The API's contract with a fake repository: status codes, validation, 503 when Neo4j is down."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from graph.errors import GraphUnavailable
from graph.views import (
    Counts,
    EventDetail,
    GraphNode,
    GraphPath,
    GraphView,
    OrganizationDetail,
    PersonDetail,
    ProjectDetail,
    SearchHit,
)
from guanxi.settings import Settings

PERSON = PersonDetail(id="per-1", name="周明远", person_kind="official")
EVENT = EventDetail(id="evt-1", name="签约仪式", type="signing", date="2023-05-10")
ORG = OrganizationDetail(id="org-1", name="华辰公司", org_kind="company")
PROJECT = ProjectDetail(id="prj-1", name="储能项目")
NODES = {
    "per-1": GraphNode(id="per-1", kind="person", name="周明远"),
    "org-1": GraphNode(id="org-1", kind="organization", name="华辰公司"),
}


class FakeRepository:
    """Answers from constants; records the search arguments it was given."""

    def __init__(self) -> None:
        self.search_calls: list[dict[str, Any]] = []

    def ping(self) -> bool:
        return True

    def counts(self) -> Counts:
        return Counts(people=1)

    def search(self, q: str, kinds: Any = None, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        self.search_calls.append({"q": q, "kinds": kinds, "limit": limit, "offset": offset})
        return [SearchHit(id="per-1", kind="person", name="周明远", description="区委书记")]

    def person(self, id: str, limit: int = 100) -> PersonDetail | None:
        return PERSON if id == PERSON.id else None

    def event(self, id: str, limit: int = 100) -> EventDetail | None:
        return EVENT if id == EVENT.id else None

    def organization(self, id: str, limit: int = 100) -> OrganizationDetail | None:
        return ORG if id == ORG.id else None

    def project(self, id: str, limit: int = 100) -> ProjectDetail | None:
        return PROJECT if id == PROJECT.id else None

    def node(self, id: str) -> GraphNode | None:
        return NODES.get(id)

    def merged_into(self, id: str) -> str | None:
        return "per-1" if id == "per-old" else None

    def paths(self, from_id: str, to_id: str, max_hops: int = 4, limit: int = 3) -> list[GraphPath]:
        return [GraphPath(length=0, nodes=[NODES[from_id]], steps=[])]

    def neighbourhood(self, id: str, depth: int = 1, limit: int = 100) -> GraphView | None:
        if id not in NODES:
            return None
        return GraphView(center=id, nodes=[NODES[id]], edges=[])


class DownRepository:
    """Every call fails the way the real repository does when Neo4j is unreachable."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: object, **kwargs: object) -> Any:
            raise GraphUnavailable("connection refused")

        return fail


def _client(repo: object) -> Iterator[TestClient]:
    # A settings object that points nowhere: the lifespan must not need a server.
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x"))
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as client:
        yield client


@pytest.fixture
def fake() -> FakeRepository:
    return FakeRepository()


@pytest.fixture
def client(fake: FakeRepository) -> Iterator[TestClient]:
    yield from _client(fake)


@pytest.fixture
def down_client() -> Iterator[TestClient]:
    yield from _client(DownRepository())


def test_health_ok(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "neo4j": True}


def test_health_degraded_when_neo4j_is_down(down_client: TestClient) -> None:
    response = down_client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "neo4j": False}


@pytest.mark.parametrize(
    "path",
    ["/search?q=周明", "/people/per-1", "/events/evt-1", "/organizations/org-1", "/projects/prj-1",
     "/paths?from=per-1&to=org-1", "/graph/neighbourhood/per-1", "/stats"],
)
def test_every_read_answers_503_with_a_message_when_neo4j_is_down(down_client: TestClient, path: str) -> None:
    response = down_client.get(path)
    assert response.status_code == 503
    assert "not reachable" in response.json()["detail"]


def test_search_passes_filters_to_the_repository(client: TestClient, fake: FakeRepository) -> None:
    response = client.get("/search", params={"q": "明远", "kind": ["person", "organization"], "limit": 5, "offset": 10})
    assert response.status_code == 200
    assert response.json()[0]["name"] == "周明远"
    assert fake.search_calls == [{"q": "明远", "kinds": ["person", "organization"], "limit": 5, "offset": 10}]


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "x" * 101}, {"q": "周", "limit": 0}, {"q": "周", "limit": 101},
     {"q": "周", "offset": -1}, {"q": "周", "kind": "planet"}],
)
def test_bad_search_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    assert client.get("/search", params=params).status_code == 422


@pytest.mark.parametrize(
    ("path", "name"),
    [("/people/per-1", "周明远"), ("/events/evt-1", "签约仪式"), ("/organizations/org-1", "华辰公司"),
     ("/projects/prj-1", "储能项目")],
)
def test_known_ids_answer_their_entity(client: TestClient, path: str, name: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["name"] == name


@pytest.mark.parametrize(
    "path",
    ["/people/per-x", "/events/evt-x", "/organizations/org-x", "/projects/prj-x",
     "/graph/neighbourhood/nope", "/paths?from=nope&to=org-1", "/paths?from=per-1&to=nope"],
)
def test_unknown_ids_are_404_with_detail(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"] or "-x" in response.json()["detail"]


def test_paths_answer_both_ends(client: TestClient) -> None:
    response = client.get("/paths", params={"from": "per-1", "to": "org-1", "max_hops": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["from"]["id"] == "per-1" and body["to"]["id"] == "org-1" and body["max_hops"] == 3


@pytest.mark.parametrize(
    "path",
    ["/paths?from=per-1&to=org-1&max_hops=0", "/paths?from=per-1&to=org-1&max_hops=7", "/paths?from=per-1",
     "/graph/neighbourhood/per-1?depth=0", "/graph/neighbourhood/per-1?depth=4"],
)
def test_bad_connection_parameters_are_422(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 422


def test_page_and_docs_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "search-form" in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/docs").status_code == 200
    assert "/people/{id}" in client.get("/openapi.json").json()["paths"]



def test_the_graph_model_names_every_relationship_a_view_may_hold(client: TestClient) -> None:
    # The page names lines and steps from it (api/static/app.js): nothing is spelled there.
    body = client.get("/graph/model").json()
    kinds = {n["label"]: n["kind"] for n in body["labels"]}
    assert kinds["Person"] == "person" and "Correction" not in kinds and "LookupKey" not in kinds
    rels = {r["type"]: r for r in body["relationships"]}
    assert rels["ATTENDED"]["reads_as"] == "出席" and rels["HOLDS_POSITION"]["end"] == ["Organization", "Position"]
    assert "CORRECTS" not in rels  # a correction is never in a view
    assert {t for t, r in rels.items() if r["path"]} == {
        "ATTENDED", "HOLDS_POSITION", "SIGNED", "RUNS", "PARTY_TO", "SIGNATORY_OF", "FOR_PROJECT"}
    # What search and resolution read is never among a node's properties.
    person = {p["name"] for n in body["labels"] if n["label"] == "Person" for p in n["properties"]}
    assert {"name", "aliases", "sector"} <= person and not {"search_key", "indexed_name", "unindexed"} & person
    paths = client.get("/openapi.json").json()["paths"]["/paths"]["get"]["parameters"]
    [types] = [p for p in paths if p["name"] == "type"]
    assert set(types["schema"]["anyOf"][0]["items"]["enum"]) == {t for t, r in rels.items() if r["path"]}


def test_relationship_type_filters_refuse_a_type_the_graph_does_not_hold(client: TestClient) -> None:
    assert client.get("/paths?from=per-1&to=org-1&type=KNOWS").status_code == 422
    assert client.get("/paths?from=per-1&to=org-1&type=MENTIONED_IN").status_code == 422  # not a connection
    assert client.get("/graph/neighbourhood/per-1?type=KNOWS").status_code == 422

def test_app_starts_and_answers_503_when_no_driver_can_be_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(settings: Settings) -> object:
        raise RuntimeError("the local Neo4j instance has never been started")

    monkeypatch.setattr("api.deps.open_graph_driver", refuse)
    app = create_app(Settings())
    with TestClient(app) as client:
        assert client.get("/health").status_code == 503
        response = client.get("/people/per-1")
        assert response.status_code == 503
        # The reason is for the log, not for the reader.
        assert response.json() == {"detail": "The graph database is not reachable; try again shortly."}



def test_the_real_repository_answers_503_when_nothing_listens() -> None:
    # Port 9 (discard) is closed here: the driver's connection is refused.
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x", query_timeout_s=1.0,
                        connection_timeout_s=1.0)
    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        assert health.status_code == 503
        assert health.json() == {"status": "degraded", "neo4j": False}
        response = client.get("/search", params={"q": "周明"})
        assert response.status_code == 503
        assert "not reachable" in response.json()["detail"]


def test_the_view_on_screen_exports_as_graphml_and_ftm(client: TestClient) -> None:
    view = {"center": "per-1", "nodes": [
        {"id": "per-1", "kind": "person", "name": "王海"},
        {"id": "evt-1", "kind": "event", "name": "签约仪式"},
    ], "edges": [
        {"source": "per-1", "target": "evt-1", "type": "ATTENDED", "properties": {"roles": ["signed"]},
         "sentence": "王海出席签约仪式。"},
        {"source": "per-1", "target": "org-9", "type": "HOLDS_POSITION"},  # its end was hidden
    ]}
    graphml = client.post("/export/view", json=view)
    assert graphml.status_code == 200
    assert "attachment" in graphml.headers["content-disposition"]
    assert "王海出席签约仪式。" in graphml.text and "签约仪式" in graphml.text
    assert "org-9" not in graphml.text
    ftm = client.post("/export/view", params={"format": "ftm"}, json=view)
    assert ftm.status_code == 200 and "王海" in ftm.text
    assert client.post("/export/view", params={"format": "pdf"}, json=view).status_code == 422
