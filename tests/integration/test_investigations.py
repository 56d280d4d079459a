"""Investigations on the real Neo4j: a reader keeps entities with notes and a graph view, exports it
as one GraphML file and a colleague opens it again from that file, with the same entities, notes
and view; the followthemoney export carries the notes for Aleph. Every name is invented."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.documents import (
    COMPANY,
    COMPANY_ID,
    MANAGER_ID,
    PROJECT,
    SECRETARY,
    SECRETARY_ID,
    weekly_document,
)
from ftm_helpers import read_back

from api.deps import get_repository
from api.main import create_app
from graph.export import GRAPHML_NS
from graph.repository import GraphRepository
from guanxi.editor_keys import add_editor
from guanxi.settings import Settings
from integration.test_resolution import load

pytestmark = pytest.mark.integration

NS = {"g": GRAPHML_NS}
GRAPHML = {"Content-Type": "application/graphml+xml"}


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, dict[str, str]]:
    path = tmp_path / "editor-keys"
    return {"path": {"path": str(path)}, "陈编辑": {"X-API-Key": add_editor(path, "陈编辑")},
            "林编辑": {"X-API-Key": add_editor(path, "林编辑")}}


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings, keys: dict[str, dict[str, str]]) -> Iterator[TestClient]:
    load(empty_db, neo4j_settings, [weekly_document()])
    settings = neo4j_settings.model_copy(update={"api_key": None, "editor_keys_file": Path(keys["path"]["path"])})
    app = create_app(settings)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def _ceremony(client: TestClient) -> str:
    return str(client.get("/search", params={"q": f"{PROJECT}签约仪式", "kind": "event"}).json()[0]["id"])


def _draft(client: TestClient, **changes: Any) -> dict[str, Any]:
    ceremony = _ceremony(client)
    return {"name": "华辰储能项目", "notes": "谁促成了签约？先查区委书记的行程。",
            "entities": [{"id": SECRETARY_ID, "note": "出席并致辞"}, {"id": ceremony}, {"id": COMPANY_ID, "note": "签约方"}],
            "view": f"graph/{SECRETARY_ID}?expand={ceremony}&off=HOLDS_POSITION", **changes}


def _graph(text: str) -> ET.Element:
    graph = ET.fromstring(text.encode()).find("g:graph", NS)
    assert graph is not None
    return graph


def test_an_investigation_is_kept_exported_and_opened_again_from_its_file(
        client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    chen, lin = keys["陈编辑"], keys["林编辑"]
    assert client.post("/investigations", json=_draft(client)).status_code == 401
    made = client.post("/investigations", headers=chen, json=_draft(client))
    assert made.status_code == 201, made.text
    saved = made.json()
    assert [(e["entity"]["name"], e["note"]) for e in saved["entities"]] == \
        [(SECRETARY, "出席并致辞"), (f"{PROJECT}签约仪式", ""), (COMPANY, "签约方")]
    assert client.get("/investigations", headers=chen).json()[0]["entities"] == 3
    assert client.get(f"/investigations/{saved['id']}", headers=lin).status_code == 404  # not his
    assert client.get("/investigations", headers=lin).json() == []

    exported = client.get(f"/investigations/{saved['id']}/export", headers=chen)
    assert exported.status_code == 200
    assert "filename*=UTF-8''" in exported.headers["content-disposition"]
    graph = _graph(exported.text)
    data = {d.get("key"): d.text for d in graph.findall("g:data", NS)}
    assert data["g_name"] == "华辰储能项目" and data["g_notes"] == saved["notes"] and data["g_view"] == saved["view"]
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", NS)} for n in graph.findall("g:node", NS)}
    assert set(nodes) == {e["entity"]["id"] for e in saved["entities"]}
    assert nodes[SECRETARY_ID]["n_note"] == "出席并致辞"
    # The relationships among them, with their sentences: the secretary attended the ceremony.
    assert any(e.get("source") == SECRETARY_ID for e in graph.findall("g:edge", NS))

    opened = client.post("/investigations/open", headers={**lin, **GRAPHML}, content=exported.content)
    assert opened.status_code == 201, opened.text
    again = opened.json()["investigation"]
    assert opened.json()["missing"] == []
    assert again["id"] != saved["id"] and again["owner"] == "林编辑"
    for key in ("name", "notes", "view", "entities"):
        assert again[key] == saved[key], key
    # Opened twice, the second copy says so in its name.
    twice = client.post("/investigations/open", headers={**lin, **GRAPHML}, content=exported.content).json()
    assert twice["investigation"]["name"] == "华辰储能项目 (2)"


def test_a_file_naming_what_this_graph_lacks_opens_with_the_rest_and_says_what_is_missing(
        client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    chen = keys["陈编辑"]
    saved = client.post("/investigations", headers=chen, json=_draft(client)).json()
    text = client.get(f"/investigations/{saved['id']}/export", headers=chen).text
    elsewhere = text.replace("</graph>", '<node id="per-0000000000000000"><data key="n_name">尹某某</data>'
                                         '<data key="n_kind">person</data></node></graph>')
    opened = client.post("/investigations/open", headers={**chen, **GRAPHML}, content=elsewhere.encode())
    assert opened.status_code == 201, opened.text
    assert opened.json()["missing"] == [{"id": "per-0000000000000000", "name": "尹某某", "kind": "person"}]
    assert len(opened.json()["investigation"]["entities"]) == 3


def test_what_is_not_an_investigation_is_refused_with_the_reason(client: TestClient,
                                                                  keys: dict[str, dict[str, str]]) -> None:
    chen = keys["陈编辑"]
    plain = client.get("/export/graphml", params={"id": SECRETARY_ID}).content
    refused = client.post("/investigations/open", headers={**chen, **GRAPHML}, content=plain)
    assert refused.status_code == 422 and "not an investigation" in refused.json()["detail"][0]["msg"]
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><graphml>&lol;</graphml>'
    assert client.post("/investigations/open", headers={**chen, **GRAPHML}, content=bomb).status_code == 422
    assert client.post("/investigations/open", headers={**chen, **GRAPHML}, content=b"\xff\xfe").status_code == 422

    assert client.post("/investigations", headers=chen,
                       json=_draft(client, entities=[{"id": "per-0"}])).status_code == 404
    article = weekly_document().articles[0].id
    assert client.post("/investigations", headers=chen, json=_draft(client, entities=[{"id": article}])).status_code == 409
    assert client.post("/investigations", headers=chen, json=_draft(client, view="javascript:alert(1)")).status_code == 422
    client.post("/investigations", headers=chen, json=_draft(client))
    assert client.post("/investigations", headers=chen, json=_draft(client)).status_code == 409  # the name is taken


def test_an_investigation_is_saved_as_sent_and_deleted(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    chen = keys["陈编辑"]
    saved = client.post("/investigations", headers=chen, json=_draft(client)).json()
    changed = _draft(client, name="华辰储能项目：人物", notes="", entities=[{"id": MANAGER_ID, "note": "副总经理"}],
                     view=None)
    answer = client.put(f"/investigations/{saved['id']}", headers=chen, json=changed)
    assert answer.status_code == 200, answer.text
    assert [e["entity"]["id"] for e in answer.json()["entities"]] == [MANAGER_ID]
    assert answer.json()["view"] is None and answer.json()["name"] == "华辰储能项目：人物"
    assert client.put(f"/investigations/{saved['id']}", headers=keys["林编辑"], json=changed).status_code == 404
    assert client.delete(f"/investigations/{saved['id']}", headers=chen).status_code == 204
    assert client.get(f"/investigations/{saved['id']}", headers=chen).status_code == 404


def test_the_followthemoney_file_carries_the_notes_as_notes_on_their_entities(
        client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    chen = keys["陈编辑"]
    saved = client.post("/investigations", headers=chen, json=_draft(client)).json()
    lines = client.get(f"/investigations/{saved['id']}/export", headers=chen, params={"format": "ftm"}).text
    entities = read_back(lines)  # as Aleph reads it: every entity valid, every reference present
    notes = [e for e in entities.values() if e["schema"] == "Note"]
    assert {(tuple(n["properties"].get("entity", [])), n["properties"]["description"][0]) for n in notes} == {
        ((SECRETARY_ID,), "出席并致辞"), ((COMPANY_ID,), "签约方"), ((), saved["notes"])}
