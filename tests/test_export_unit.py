"""Exports without Neo4j: a hand-made graph view becomes GraphML, CSV and followthemoney entities."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from graph.export import edges_csv, ftm_entities, ftm_lines, nodes_csv, to_graphml
from graph.views import ArticleRef, GraphEdge, GraphNode, GraphView

ARTICLE = ArticleRef(id="art-1", title="签约仪式举行", date="2023-02-27", publication_name="云岭周刊")


def _view() -> GraphView:
    nodes = [
        GraphNode(id="per-1", kind="person", name="王海", properties={"sector": "official", "aliases": []}),
        GraphNode(id="per-2", kind="person", name="李晓", properties={"sector": "executive"}),
        GraphNode(id="org-1", kind="organization", name="云岭区人民政府", properties={"kind": "government"}),
        GraphNode(id="org-2", kind="organization", name="晨光(杭州)智能科技有限公司",
                  properties={"kind": "company", "aliases": ["晨光公司", "晨光"]}),
        GraphNode(id="evt-1", kind="event", name="签约仪式", properties={"date": "2023-02-27", "place": "区行政中心"}),
        GraphNode(id="prj-1", kind="project", name="年产8万台智能割草机项目", properties={"place": "云岭区"}),
        GraphNode(id="art-1", kind="article", name="签约仪式举行", properties={}),
    ]
    sentence = "副区长王海与晨光公司董事长李晓签约。"
    edges = [
        GraphEdge(source="per-1", target="org-1", type="HOLDS_POSITION",
                  properties={"title": "副区长", "as_of": "2023-02-27", "article_id": "art-1"}, sentence=sentence,
                  article=ARTICLE),
        GraphEdge(source="per-2", target="org-2", type="HOLDS_POSITION",
                  properties={"title": "董事长", "as_of": "2023-02-27", "article_id": "art-1"}, sentence=sentence,
                  article=ARTICLE),
        GraphEdge(source="per-1", target="evt-1", type="ATTENDED",
                  properties={"roles": ["signed"], "date": "2023-02-27", "article_id": "art-1"}, sentence=sentence,
                  article=ARTICLE),
        GraphEdge(source="per-2", target="evt-1", type="ATTENDED", properties={"roles": ["signed"]}),
        GraphEdge(source="org-2", target="prj-1", type="RUNS", properties={"article_id": "art-1"}),
        GraphEdge(source="org-2", target="prj-1", type="SIGNED", properties={"date": "2023-02-27"}),
        GraphEdge(source="per-1", target="art-1", type="MENTIONED_IN", properties={}),
    ]
    return GraphView(center="per-1", nodes=nodes, edges=edges)


def test_graphml_holds_every_node_and_edge_with_its_source() -> None:
    root = ET.fromstring(to_graphml(_view()))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert [n.get("id") for n in root.iterfind(".//g:node", ns)][:2] == ["per-1", "per-2"]
    edges = list(root.iterfind(".//g:edge", ns))
    assert len(edges) == 7
    data = {d.get("key"): d.text for d in edges[0].iterfind("g:data", ns)}
    assert data["e_type"] == "HOLDS_POSITION" and data["e_title"] == "副区长"
    assert data["e_sentence"] == "副区长王海与晨光公司董事长李晓签约。" and data["e_publication"] == "云岭周刊"
    keys = {k.get("attr.name") for k in root.iterfind("g:key", ns)}
    assert {"kind", "name", "sentence", "article_title"} <= keys


def test_gephi_reads_a_label_on_every_node_and_edge() -> None:
    root = ET.fromstring(to_graphml(_view()))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    label_keys = {k.get("id") for k in root.iterfind("g:key", ns) if k.get("attr.name") == "label"}
    for element in [*root.iterfind(".//g:node", ns), *root.iterfind(".//g:edge", ns)]:
        labels = [d.text for d in element.iterfind("g:data", ns) if d.get("key") in label_keys]
        assert labels and labels[0], element.get("id")
    first = next(root.iterfind(".//g:node", ns))
    assert {d.get("key"): d.text for d in first.iterfind("g:data", ns)}["n_label"] == _view().nodes[0].name


def test_csv_tables_have_headers_and_one_row_each() -> None:
    nodes = list(csv.DictReader(io.StringIO(nodes_csv(_view()))))
    assert len(nodes) == 7
    company = next(r for r in nodes if r["id"] == "org-2")
    assert company["aliases"] == "晨光公司; 晨光"
    edges = list(csv.DictReader(io.StringIO(edges_csv(_view()))))
    assert edges[2]["roles"] == "signed" and edges[2]["article_title"] == "签约仪式举行"


def test_followthemoney_entities_use_the_right_schemata_and_string_lists() -> None:
    entities = list(ftm_entities(_view()))
    by_schema: dict[str, list[dict]] = {}
    for entity in entities:
        by_schema.setdefault(entity["schema"], []).append(entity)
        assert set(entity) == {"id", "schema", "properties"}
        assert all(isinstance(v, list) and v and all(isinstance(x, str) for x in v)
                   for v in entity["properties"].values())
    assert set(by_schema) == {"Person", "PublicBody", "Company", "Event", "Project", "Membership",
                              "Directorship", "ProjectParticipant"}  # no article: FtM has its own documents
    (membership,) = by_schema["Membership"]
    assert membership["properties"]["member"] == ["per-1"] and membership["properties"]["organization"] == ["org-1"]
    assert membership["properties"]["role"] == ["副区长"] and membership["properties"]["date"] == ["2023-02-27"]
    (directorship,) = by_schema["Directorship"]
    assert directorship["properties"]["director"] == ["per-2"]
    (event,) = by_schema["Event"]
    assert event["properties"]["involved"] == ["per-1", "per-2"]
    assert sorted(p["properties"]["role"][0] for p in by_schema["ProjectParticipant"]) == ["runs", "signed"]
    (company,) = by_schema["Company"]
    assert company["properties"]["alias"] == ["晨光公司", "晨光"]
    person = next(p for p in by_schema["Person"] if p["id"] == "per-1")
    assert person["properties"]["position"] == ["副区长"]


def test_followthemoney_lines_are_one_json_object_each_with_stable_ids() -> None:
    lines = ftm_lines(_view()).splitlines()
    assert len(lines) == len(list(ftm_entities(_view())))
    assert [json.loads(line)["id"] for line in lines] == [json.loads(line)["id"] for line in ftm_lines(_view()).splitlines()]
