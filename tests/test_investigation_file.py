"""An investigation's file without Neo4j: what it carries comes back as written, anything else is
refused with the reason, and the server takes a file larger than its other bodies."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.security import LARGER_BODIES, MAX_BODY_BYTES
from graph.export import to_graphml
from graph.investigations import (
    Investigation,
    InvestigationEntity,
    NotAnInvestigation,
    investigation_graphml,
    read_investigation_graphml,
)
from graph.views import EntityRef, GraphNode, GraphView
from guanxi.settings import Settings

PERSON = EntityRef(id="per-1", kind="person", name="韩立新")
COMPANY = EntityRef(id="org-1", kind="organization", name="榆安远航装备有限公司")
INVESTIGATION = Investigation(
    id="inv-1", name="榆安 & <风电>", owner="陈编辑", notes="第一行\n第二行：\"引号\"",
    entities=[InvestigationEntity(entity=PERSON, note="县长"), InvestigationEntity(entity=COMPANY)],
    view="graph/per-1?expand=org-1&off=HOLDS_POSITION")
VIEW = GraphView(center="", nodes=[GraphNode(id=e.id, kind=e.kind, name=e.name) for e in (PERSON, COMPANY)], edges=[])


def test_what_an_investigation_file_carries_comes_back_as_written() -> None:
    draft, names = read_investigation_graphml(investigation_graphml(INVESTIGATION, VIEW))
    assert (draft.name, draft.notes, draft.view) == (INVESTIGATION.name, INVESTIGATION.notes, INVESTIGATION.view)
    assert [(e.id, e.note) for e in draft.entities] == [("per-1", "县长"), ("org-1", "")]
    assert names["org-1"] == (COMPANY.name, "organization")


@pytest.mark.parametrize(("text", "reason"), [
    (to_graphml(VIEW), "not an investigation"),
    ("<graphml>", "not XML"),
    ('<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml/>', "DTD"),
    ("<root/>", "not GraphML"),
    (investigation_graphml(INVESTIGATION, VIEW).replace("graph/per-1?", "javascript:alert(1)?"), "malformed"),
])
def test_anything_else_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(NotAnInvestigation, match=reason):
        read_investigation_graphml(text)


def test_an_investigations_file_may_be_larger_than_other_bodies() -> None:
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x", api_key="k" * 24))
    big = b"x" * (MAX_BODY_BYTES + 1)
    with TestClient(app) as client:
        headers = {"X-API-Key": "k" * 24, "Content-Type": "application/graphml+xml"}
        opened = client.post("/investigations/open", content=big, headers=headers)
        assert opened.status_code == 422  # read, and refused for what it is, not for its size
        assert client.post("/investigations", content=big, headers=headers).status_code == 413
        too_big = b"x" * (LARGER_BODIES["/investigations/open"] + 1)
        assert client.post("/investigations/open", content=too_big, headers=headers).status_code == 413
