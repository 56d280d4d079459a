"""Exports without Neo4j: a hand-made graph view becomes GraphML, CSV and followthemoney entities,
the latter read back with the followthemoney library itself, as Aleph would."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from graph.export import edges_csv, ftm_entities, ftm_lines, nodes_csv, to_graphml
from graph.offices import post_key
from graph.views import ArticleRef, GraphEdge, GraphNode, GraphView
from tests.ftm_helpers import of, one, read_back

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


# --- followthemoney ------------------------------------------------------------------------------

TAIERZHUANG = "370405000000"  # 山东省 枣庄市 台儿庄区
LATER = ArticleRef(id="art-2", title="区政府常务会议召开", date="2023-06-05", publication_name="台儿庄日报",
                   url="https://news.example.cn/tez/2023/0605.html")


def _ftm_view() -> GraphView:
    """The view above, and what a district's export holds besides: a post two people held, one of
    them in two articles (one in traditional script); a town's head, named with no organisation; a
    title with no place or organisation; a signing with its parties, signers and project; the paper
    each article came in, and a byline."""
    view = _view()
    view.edges[0].properties.update({"place": "台儿庄区", "place_code": TAIERZHUANG})
    view.nodes[4].properties["article_id"] = "art-1"  # an event is read from one article
    deputy = "台儿庄区副区长周敏出席。"
    nodes = [
        GraphNode(id="per-3", kind="person", name="周敏", properties={"sector": "official"}),
        GraphNode(id="per-4", kind="person", name="赵云", properties={"sector": "official"}),
        GraphNode(id="per-5", kind="person", name="陈静", properties={}),
        GraphNode(id="pos-1", kind="position", name="镇长", properties={"title": "镇长"}),
        GraphNode(id="pos-2", kind="position", name="顾问", properties={"title": "顾问"}),
        GraphNode(id="sig-1", kind="signing", name="年产8万台智能割草机项目",
                  properties={"date": "2023-02-27", "project_name": "年产8万台智能割草机项目", "article_id": "art-1"}),
        GraphNode(id="doc-1", kind="document", name="云岭周刊",
                  properties={"publication_name": "云岭周刊", "publication_date": "2023-03-01",
                              "url": "https://news.example.cn/yl/8.html"}),
    ]
    view.nodes[6].properties.update({"title": "签约仪式举行", "date": "2023-02-27", "document_id": "doc-1"})
    sign = "副区长王海与晨光公司董事长李晓签约。"
    edges = [
        GraphEdge(source="per-1", target="org-1", type="HOLDS_POSITION", article=LATER,
                  properties={"title": "副区长", "place": "臺兒莊區", "place_code": TAIERZHUANG, "as_of": "2023-06-05",
                              "article_id": "art-2"}, sentence="臺兒莊區副區長王海主持。"),
        GraphEdge(source="per-3", target="org-1", type="HOLDS_POSITION", article=LATER,
                  properties={"title": "副区长", "place": "台儿庄区", "place_code": TAIERZHUANG, "as_of": "2023-06-05",
                              "article_id": "art-2"}, sentence=deputy),
        GraphEdge(source="per-4", target="pos-1", type="HOLDS_POSITION", article=LATER,
                  properties={"title": "镇长", "place": "马兰屯镇", "place_code": TAIERZHUANG, "as_of": "2023-06-05",
                              "article_id": "art-2"}, sentence="马兰屯镇镇长赵云汇报。"),
        GraphEdge(source="per-3", target="pos-2", type="HOLDS_POSITION", article=LATER,
                  properties={"title": "顾问", "as_of": "2023-06-05", "article_id": "art-2"}, sentence=deputy),
        GraphEdge(source="org-1", target="sig-1", type="PARTY_TO", article=ARTICLE,
                  properties={"date": "2023-02-27", "article_id": "art-1"}, sentence=sign),
        GraphEdge(source="org-2", target="sig-1", type="PARTY_TO", article=ARTICLE,
                  properties={"date": "2023-02-27", "article_id": "art-1"}, sentence=sign),
        GraphEdge(source="per-1", target="sig-1", type="SIGNATORY_OF", article=ARTICLE,
                  properties={"date": "2023-02-27", "article_id": "art-1"}, sentence=sign),
        GraphEdge(source="sig-1", target="prj-1", type="FOR_PROJECT", properties={"article_id": "art-1"}),
        GraphEdge(source="art-1", target="doc-1", type="PART_OF", properties={"index": 0}),
        GraphEdge(source="per-5", target="art-1", type="WROTE", properties={"role": "记者", "article_id": "art-1"}),
        GraphEdge(source="evt-1", target="art-1", type="REPORTED_IN", properties={"article_id": "art-1"},
                  sentence=sign),
    ]
    # The view's own SIGNED edge (org-2 → prj-1) is the one its signing's party edge says again.
    view.edges[5].properties.update({"article_id": "art-1", "signing_id": "sig-1"})
    return GraphView(center=view.center, nodes=[*view.nodes, *nodes], edges=[*view.edges, *edges])


def test_every_followthemoney_line_is_valid_for_the_followthemoney_library() -> None:
    entities = read_back(ftm_lines(_ftm_view()))
    assert {e["schema"] for e in entities.values()} == {
        "Person", "PublicBody", "Company", "Event", "Project", "Article", "Position", "Occupancy", "Membership",
        "Directorship", "ProjectParticipant", "Documentation"}
    assert read_back(ftm_lines(_view()))  # the smaller view too, its article known only as a node
    assert all(isinstance(v, list) and v and all(isinstance(x, str) for x in v)
               for e in entities.values() for v in e["properties"].values())


def test_every_post_is_an_occupancy_of_its_holder() -> None:
    view = _ftm_view()
    entities = read_back(ftm_lines(view))
    occupancies = of(entities, "Occupancy")
    titles = [e for e in view.edges if e.type == "HOLDS_POSITION"]
    posts = {(e.source, post_key(e.properties["title"], e.properties.get("place"), e.properties.get("place_code"),
                                 e.target)) for e in titles}
    assert len(occupancies) == len(posts) == 5
    for edge in titles:
        (held,) = [o for o in occupancies if o["properties"]["holder"] == [edge.source]
                   and entities[o["properties"]["post"][0]]["properties"]["name"][0].endswith(edge.properties["title"])]
        assert entities[edge.source]["schema"] == "Person"
        assert edge.properties["article_id"] in held["properties"]["proof"]


def test_a_post_is_its_title_in_its_place_with_every_holder_and_their_tenure() -> None:
    entities = read_back(ftm_lines(_ftm_view()))
    deputy = one(entities, "Position", name="台儿庄区 副区长")
    # The article in traditional script gave the same post; the place is the one written most.
    assert deputy["properties"]["subnationalArea"] == ["山东省 枣庄市 台儿庄区"]
    assert deputy["properties"]["organization"] == ["org-1"] and deputy["properties"]["country"] == ["cn"]
    held = {o["properties"]["holder"][0]: o for o in of(entities, "Occupancy")
            if o["properties"]["post"] == [deputy["id"]]}
    assert set(held) == {"per-1", "per-3"}
    wang = held["per-1"]["properties"]
    assert (wang["startDate"], wang["endDate"]) == (["2023-02-27"], ["2023-06-05"])
    assert wang["proof"] == ["art-1", "art-2"] and wang["sourceUrl"] == ["https://news.example.cn/yl/8.html",
                                                                         LATER.url]
    assert "not of the term" in wang["description"][0]
    town = one(entities, "Position", name="马兰屯镇 镇长")
    assert town["properties"]["subnationalArea"] == ["山东省 枣庄市 台儿庄区 马兰屯镇"] and "organization" not in town["properties"]
    chairman = one(entities, "Position", name="晨光(杭州)智能科技有限公司 董事长")
    assert chairman["properties"]["organization"] == ["org-2"]
    # A title given with no place or organisation is a post of its holder alone, named by it.
    adviser = one(entities, "Position", name="顾问")
    assert one(entities, "Occupancy", post=adviser["id"])["properties"]["holder"] == ["per-3"]
    assert len(of(entities, "Position")) == 4
    assert entities["per-3"]["properties"]["position"] == ["台儿庄区 副区长", "顾问"]


def test_facts_point_at_their_article_with_its_paper_date_and_page() -> None:
    entities = read_back(ftm_lines(_ftm_view()))
    article = entities["art-1"]["properties"]
    assert article == {"title": ["签约仪式举行"], "publishedAt": ["2023-02-27"], "publisher": ["云岭周刊"],
                       "sourceUrl": ["https://news.example.cn/yl/8.html"], "author": ["陈静"], "language": ["zho"]}
    cited_only = entities["art-2"]["properties"]  # no node in the view: a fact's article all the same
    assert cited_only["title"] == ["区政府常务会议召开"] and cited_only["sourceUrl"] == [LATER.url]
    membership = one(entities, "Membership", member="per-1", date="2023-02-27")["properties"]
    assert membership["proof"] == ["art-1"] and membership["summary"] == ["副区长王海与晨光公司董事长李晓签约。"]
    assert membership["sourceUrl"] == ["https://news.example.cn/yl/8.html"]
    assert len(of(entities, "Membership")) == 3  # each article's word kept beside the Occupancy
    assert entities["evt-1"]["properties"]["proof"] == ["art-1"]
    named = {(d["properties"]["entity"][0], d["properties"]["role"][0]) for d in of(entities, "Documentation")}
    assert named == {("per-1", "mentioned"), ("per-5", "记者"), ("evt-1", "reported")}
    assert all(d["properties"]["document"] == ["art-1"] for d in of(entities, "Documentation"))


def test_a_signing_keeps_every_party_and_signer_with_its_project() -> None:
    entities = read_back(ftm_lines(_ftm_view()))
    signed = {p["properties"]["participant"][0] for p in of(entities, "ProjectParticipant")
              if p["properties"]["role"] == ["signed"]}
    assert signed == {"org-1", "org-2", "per-1"}
    # The SIGNED edge and the signing's own party edge are one signature, read once.
    company = one(entities, "ProjectParticipant", participant="org-2", role="signed")["properties"]
    assert company["project"] == ["prj-1"] and company["proof"] == ["art-1"] and company["date"] == ["2023-02-27"]
    signing = entities["sig-1"]
    assert signing["schema"] == "Event" and signing["properties"]["name"] == ["年产8万台智能割草机项目签约"]
    assert signing["properties"]["involved"] == ["org-1", "org-2", "per-1"]


def test_followthemoney_entities_keep_names_aliases_and_attendance() -> None:
    entities = read_back(ftm_lines(_view()))
    (membership,) = of(entities, "Membership")
    assert membership["properties"]["member"] == ["per-1"] and membership["properties"]["organization"] == ["org-1"]
    assert membership["properties"]["role"] == ["副区长"] and membership["properties"]["date"] == ["2023-02-27"]
    (directorship,) = of(entities, "Directorship")
    assert directorship["properties"]["director"] == ["per-2"]
    assert entities["evt-1"]["properties"]["involved"] == ["per-1", "per-2"]
    assert sorted(p["properties"]["role"][0] for p in of(entities, "ProjectParticipant")) == ["runs", "signed"]
    assert entities["org-2"]["properties"]["alias"] == ["晨光公司", "晨光"]
    assert entities["org-1"]["schema"] == "PublicBody" and entities["org-2"]["schema"] == "Company"


def test_a_date_followthemoney_cannot_read_is_left_out() -> None:
    view = _view()
    view.edges[0].properties["as_of"] = "2023-02-30"
    view.nodes[4].properties["date"] = "二〇二三年"
    entities = read_back(ftm_lines(view))
    assert "date" not in entities["evt-1"]["properties"]
    occupancy = one(entities, "Occupancy", holder="per-1")["properties"]
    assert "startDate" not in occupancy and "none of them dated" in occupancy["description"][0]


def test_followthemoney_lines_are_one_json_object_each_with_stable_ids() -> None:
    lines = ftm_lines(_ftm_view()).splitlines()
    assert len(lines) == len(list(ftm_entities(_ftm_view())))
    assert [json.loads(line)["id"] for line in lines] == [json.loads(line)["id"] for line in ftm_lines(_ftm_view()).splitlines()]


def test_the_export_names_only_what_graph_model_declares() -> None:
    from graph.export import DOCUMENTED, EDGE_KEYS, NODE_KEYS
    from graph.model import NODES, RELATIONSHIPS, Label

    # An article names an entity through every type that ends at it, and each is a Documentation.
    assert set(DOCUMENTED) == {t for t, spec in RELATIONSHIPS.items() if spec.end == (Label.ARTICLE,)}
    node_props = {p for spec in NODES.values() for p in spec.prop_names()}
    rel_props = {p for spec in RELATIONSHIPS.values() for p in spec.prop_names()}
    # label, kind, name: the node's own; type and label: the edge's; article_title, publication: its article's.
    assert set(NODE_KEYS[3:]) <= node_props, set(NODE_KEYS[3:]) - node_props
    assert set(EDGE_KEYS[2:8]) <= rel_props, set(EDGE_KEYS[2:8]) - rel_props
