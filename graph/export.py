"""Exports of a graph view (a neighbourhood or the whole graph) for other tools.

- GraphML, for Gephi, yEd, Cytoscape: every node and edge with its kind, name and source sentence;
- CSV, one table of nodes and one of edges, for spreadsheets (as files they start with a UTF-8 byte
  order mark, ``SPREADSHEET_BOM``: Excel on Chinese Windows reads a file without one as GBK);
- followthemoney (FtM) entities as JSON lines, which OCCRP Aleph and ``ftm`` tools ingest: Person,
  Company / PublicBody / Organization, Event (``involved`` = who attended), Project, and the links
  as Membership (a post in a government or party body), Directorship (a post in a company) and
  ProjectParticipant (a company or person that runs or signed a project). Every property is a list
  of strings, as FtM wants.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from graph.views import GraphEdge, GraphNode, GraphView

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
SPREADSHEET_BOM = "\ufeff"
# Gephi takes a node's (and an edge's) label from the attribute named 'label'.
NODE_KEYS = ("label", "kind", "name", "aliases", "type", "date", "place", "sector", "scope", "first_seen", "last_seen")
EDGE_KEYS = ("label", "type", "title", "roles", "date", "as_of", "sentence", "article_id", "article_title", "publication")
NODE_COLUMNS = ("id", *NODE_KEYS[1:])
EDGE_COLUMNS = ("source", "target", *EDGE_KEYS[1:])


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def node_record(node: GraphNode) -> dict[str, str]:
    props = node.properties
    record = {"id": node.id, "kind": node.kind, "name": node.name}
    for key in NODE_KEYS[3:]:
        record[key] = _text(props.get(key))
    return record


def edge_record(edge: GraphEdge) -> dict[str, str]:
    props = edge.properties
    article = edge.article
    record = {"source": edge.source, "target": edge.target, "type": edge.type, "sentence": edge.sentence or "",
              "article_id": _text(props.get("article_id")), "article_title": article.title if article else "",
              "publication": (article.publication_name or "") if article else ""}
    for key in ("title", "roles", "date", "as_of"):
        record[key] = _text(props.get(key))
    return record


def to_graphml(view: GraphView) -> str:
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for key in keys:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{domain[0]}_{key}", "for": domain,
                                                         "attr.name": key, "attr.type": "string"})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": view.center or "guanxi", "edgedefault": "directed"})
    for node in view.nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node.id})
        for key, value in {"label": node.name, **node_record(node)}.items():
            if key != "id" and value:
                ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"n_{key}"}).text = value
    for index, edge in enumerate(view.edges):
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge",
                                {"id": f"e{index}", "source": edge.source, "target": edge.target})
        for key, value in {"label": edge.type, **edge_record(edge)}.items():
            if key not in ("source", "target") and value:
                ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"e_{key}"}).text = value
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _csv(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def nodes_csv(view: GraphView) -> str:
    return _csv([node_record(n) for n in view.nodes], NODE_COLUMNS)


def edges_csv(view: GraphView) -> str:
    return _csv([edge_record(e) for e in view.edges], EDGE_COLUMNS)


# --- followthemoney --------------------------------------------------------------------------

_ORG_SCHEMA = {"company": "Company", "government": "PublicBody", "party": "PublicBody"}


def _props(**values: Any) -> dict[str, list[str]]:
    """FtM properties: lists of non-empty strings, without repeats."""
    out: dict[str, list[str]] = {}
    for key, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        strings = list(dict.fromkeys(str(v) for v in items if v not in (None, "")))
        if strings:
            out[key] = strings
    return out


def _link_id(*parts: object) -> str:
    return "lnk-" + hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _is_company(node: GraphNode) -> bool:
    return node.properties.get("kind") == "company" or node.name.endswith(("公司", "集团"))


def ftm_entities(view: GraphView) -> Iterator[dict[str, Any]]:
    nodes = {n.id: n for n in view.nodes}
    titles: dict[str, list[str]] = {}
    involved: dict[str, list[str]] = {}
    links: list[dict[str, Any]] = []
    for edge in view.edges:
        src, dst = nodes.get(edge.source), nodes.get(edge.target)
        if src is None or dst is None:
            continue
        props = edge.properties
        publisher = edge.article.publication_name if edge.article else None
        common = {"summary": edge.sentence, "publisher": publisher}
        if edge.type == "HOLDS_POSITION" and src.kind == "person":
            title = props.get("title")
            titles.setdefault(src.id, []).append(str(title or ""))
            if dst.kind != "organization":
                continue
            if _is_company(dst):
                schema, ends = "Directorship", {"director": src.id, "organization": dst.id}
            else:
                schema, ends = "Membership", {"member": src.id, "organization": dst.id}
            links.append({"id": _link_id(schema, src.id, dst.id, title, props.get("article_id")), "schema": schema,
                          "properties": _props(**ends, role=title, date=props.get("as_of"), **common)})
        elif edge.type == "ATTENDED" and src.kind == "person" and dst.kind == "event":
            involved.setdefault(dst.id, []).append(src.id)
        elif edge.type in ("RUNS", "SIGNED") and dst.kind == "project" and src.kind in ("organization", "person"):
            role = "signed" if edge.type == "SIGNED" else "runs"
            links.append({"id": _link_id("ProjectParticipant", src.id, dst.id, role, props.get("article_id")),
                          "schema": "ProjectParticipant",
                          "properties": _props(participant=src.id, project=dst.id, role=role,
                                               date=props.get("date"), **common)})
    for node in view.nodes:
        p = node.properties
        aliases = p.get("aliases") or []
        if node.kind == "person":
            yield {"id": node.id, "schema": "Person",
                   "properties": _props(name=node.name, alias=aliases, position=titles.get(node.id, []),
                                        country="cn", notes=p.get("jurisdiction"))}
        elif node.kind == "organization":
            schema = _ORG_SCHEMA.get(str(p.get("kind")), "Company" if _is_company(node) else "Organization")
            yield {"id": node.id, "schema": schema,
                   "properties": _props(name=node.name, alias=aliases, country="cn")}
        elif node.kind == "event":
            yield {"id": node.id, "schema": "Event",
                   "properties": _props(name=node.name, date=p.get("date"), location=p.get("place"),
                                        involved=involved.get(node.id, []), summary=p.get("type"), country="cn")}
        elif node.kind == "project":
            yield {"id": node.id, "schema": "Project",
                   "properties": _props(name=node.name, alias=aliases, address=p.get("place"), country="cn")}
    yield from links


def ftm_lines(view: GraphView) -> str:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ftm_entities(view))
