"""Exports of a graph view (a neighbourhood or the whole graph) for other tools.

- GraphML, for Gephi, yEd, Cytoscape: every node and edge with its kind, name and source sentence;
- CSV, one table of nodes and one of edges, for spreadsheets (as files they start with a UTF-8 byte
  order mark, ``SPREADSHEET_BOM``: Excel on Chinese Windows reads a file without one as GBK);
- followthemoney (FtM) entities as JSON lines, which OCCRP Aleph and ``ftm`` tools ingest: Person,
  Company / PublicBody / Organization, Event (``involved`` = who attended; a signing is an Event
  too, its parties and signers involved), Project, and Article for every article the view holds or
  a fact cites. The links: Position (a post: a title in its place, or in its company) and Occupancy
  (its holder, from the first to the last article that gave it), Membership and Directorship (the
  title as one article gave it), ProjectParticipant (a company or person that runs or signed a
  project) and Documentation (an article that names an entity). Every fact points at its article
  (``proof``, and ``sourceUrl`` where the graph knows the original page). Documents (the files
  loaded) are no entities: their paper and page are their articles'. Every property is a list of
  strings, as FtM wants; tests/test_export_unit.py checks each with the followthemoney library.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from graph.model import Rel
from graph.offices import PostKey, post_key
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


def to_graphml(view: GraphView, graph_data: dict[str, str] | None = None,
               node_notes: dict[str, str] | None = None) -> str:
    """The view as GraphML. ``graph_data``: values the whole graph carries (an investigation's name,
    notes and view), each under its own key ``g_<name>``; ``node_notes``: a note per node id (``n_note``)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    extra_node_keys = ("note",) if node_notes else ()
    for domain, keys in (("graph", tuple(graph_data or ())), ("node", (*NODE_KEYS, *extra_node_keys)),
                         ("edge", EDGE_KEYS)):
        for key in keys:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{domain[0]}_{key}", "for": domain,
                                                         "attr.name": key, "attr.type": "string"})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": view.center or "guanxi", "edgedefault": "directed"})
    for key, value in (graph_data or {}).items():
        ET.SubElement(graph, f"{{{GRAPHML_NS}}}data", {"key": f"g_{key}"}).text = value
    for node in view.nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node.id})
        note = (node_notes or {}).get(node.id)
        for key, value in {"label": node.name, **node_record(node), **({"note": note} if note else {})}.items():
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
# Edges that say an article names an entity. Each becomes a Documentation, which Aleph lists on the
# article ("Related entities") and on the entity ("Documents"); a byline's role is the link's.
DOCUMENTED: dict[str, str] = {Rel.MENTIONED_IN: "mentioned", Rel.REPORTED_IN: "reported", Rel.WROTE: "author"}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

FtmEntity = dict[str, Any]
Articles = dict[str, dict[str, Any]]  # article id → title, date, publisher, url


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


def _date(value: Any) -> str | None:
    """A day, a month or a year as FtM reads them (the day of a timestamp). Anything else is left
    out here: Aleph would drop it without a word, and the entity with it in a strict import."""
    found = _DATE.fullmatch(str(value or "")[:10])
    if found is None:
        return None
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return found.group(0)


def _url(value: Any) -> str | None:
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else None


class _Entities:
    """The export's entities by id, in the order first made. One fact reached twice (a SIGNED edge
    and the Signing node it was written with) is one entity with the values of both."""

    def __init__(self) -> None:
        self.by_id: dict[str, FtmEntity] = {}

    def add(self, id: str, schema: str, properties: dict[str, list[str]]) -> None:
        entity = self.by_id.setdefault(id, {"id": id, "schema": schema, "properties": {}})
        for key, values in properties.items():
            entity["properties"][key] = list(dict.fromkeys([*entity["properties"].get(key, []), *values]))


def _links(view: GraphView, nodes: dict[str, GraphNode]) -> Iterator[tuple[GraphEdge, GraphNode, GraphNode]]:
    for edge in view.edges:
        src, dst = nodes.get(edge.source), nodes.get(edge.target)
        if src is not None and dst is not None:
            yield edge, src, dst


# --- articles: where each fact was read --------------------------------------------------------


def _articles(view: GraphView) -> Articles:
    """Every article the view holds or one of its facts cites, with what the graph knows of it (an
    article node's paper and page are its document's, when the view holds that too)."""
    documents = {n.id: n.properties for n in view.nodes if n.kind == "document"}
    found: Articles = {}

    def note(aid: str, **facts: Any) -> None:
        record = found.setdefault(aid, {})
        for key, value in facts.items():
            if value and not record.get(key):
                record[key] = value

    for node in view.nodes:
        if node.kind == "article":
            doc = documents.get(str(node.properties.get("document_id")), {})
            note(node.id, title=node.properties.get("title") or node.name,
                 date=node.properties.get("date") or doc.get("publication_date"),
                 publisher=doc.get("publication_name"), url=doc.get("url"))
    for edge in view.edges:
        ref = edge.article
        if ref is not None:
            note(ref.id, title=ref.title, date=ref.date or ref.publication_date, publisher=ref.publication_name,
                 url=ref.url)
    return found


def _evidence(edge: GraphEdge, articles: Articles) -> dict[str, Any]:
    """A fact's sentence and article: ``proof`` is what Aleph lists on the article as a derived
    relationship, ``sourceUrl`` the original page a reader can open."""
    aid = str(edge.properties.get("article_id") or (edge.article.id if edge.article else ""))
    if aid not in articles:
        return {"summary": edge.sentence}
    article = articles[aid]
    return {"summary": edge.sentence, "proof": aid, "publisher": article.get("publisher"),
            "sourceUrl": _url(article.get("url"))}


def _article_entities(out: _Entities, view: GraphView, nodes: dict[str, GraphNode], articles: Articles) -> None:
    authors: dict[str, list[str]] = {}
    for edge, src, _ in _links(view, nodes):
        if edge.type == Rel.WROTE:
            authors.setdefault(edge.target, []).append(src.name)
    for aid, article in articles.items():
        out.add(aid, "Article", _props(title=article.get("title"), publishedAt=_date(article.get("date")),
                                       publisher=article.get("publisher"), sourceUrl=_url(article.get("url")),
                                       author=authors.get(aid, []), language="zho"))


def _documentation(out: _Entities, view: GraphView, nodes: dict[str, GraphNode], articles: Articles) -> None:
    for edge, src, _ in _links(view, nodes):
        role = DOCUMENTED.get(edge.type)
        if role is None or edge.target not in articles or src.id not in out.by_id:
            continue
        role = str(edge.properties.get("role") or role)
        out.add(_link_id("Documentation", src.id, edge.target, role), "Documentation",
                _props(document=edge.target, entity=src.id, role=role, summary=edge.sentence,
                       date=_date(articles[edge.target].get("date"))))


# --- posts: a title in its place, and who was seen holding it ----------------------------------


@dataclass
class _Post:
    """A post as graph/offices.py keys it (a title in a division or town, or in one organisation)
    and the title edges, one per article, that gave it to each holder."""

    key: PostKey
    places: Counter[str] = field(default_factory=Counter)
    orgs: dict[str, str] = field(default_factory=dict)
    held: dict[str, list[GraphEdge]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return "post-" + hashlib.sha1("\x1f".join(self.key).encode()).hexdigest()[:16]

    @property
    def place(self) -> str:
        """The place as the articles wrote it most often (臺兒莊區 or 台儿庄区)."""
        return self.places.most_common(1)[0][0] if self.places else ""

    @property
    def name(self) -> str:
        # '台儿庄区 区长', '晨光公司 董事长': a title alone names no post, and the place or the body
        # is what a reader searches for.
        where = self.place or next(iter(self.orgs.values()), "")
        return f"{where} {self.key[0]}" if where and where not in self.key[0] else self.key[0]


def _posts(view: GraphView, nodes: dict[str, GraphNode]) -> dict[PostKey, _Post]:
    posts: dict[PostKey, _Post] = {}
    for edge, src, dst in _links(view, nodes):
        title = edge.properties.get("title")
        if edge.type != Rel.HOLDS_POSITION or src.kind != "person" or not title:
            continue
        place = edge.properties.get("place")
        # A title given with no organisation sits on a Position node of its holder's own, so its
        # id keeps the post one person's, as in the graph.
        key = post_key(str(title), place, edge.properties.get("place_code"), dst.id)
        post = posts.setdefault(key, _Post(key))
        if place:
            post.places[str(place)] += 1
        if dst.kind == "organization":
            post.orgs[dst.id] = dst.name
        post.held.setdefault(src.id, []).append(edge)
    return posts


@lru_cache(maxsize=1024)
def _division_path(code: str) -> str | None:
    """'山东省 枣庄市 台儿庄区': with its city and province, two towns or districts of one name are
    told apart, and Aleph's search finds a province's posts."""
    from graph.places import find_division  # the gazetteer loads on the first post with a code

    try:
        division = find_division(code)
    except (LookupError, ValueError):
        return None
    return " ".join([d.name for d in reversed(division.above)] + [division.name])


def _area(post: _Post) -> str | None:
    _, code, town, _ = post.key
    path = _division_path(code) if code else None
    if path is None:
        return post.place or None
    return f"{path} {post.place or town}" if town else path


def _seen(edges: list[GraphEdge]) -> list[str]:
    return sorted(d for d in (_date(e.properties.get("as_of")) for e in edges) if d)


def _tenure_note(count: int, dates: list[str]) -> str:
    # Aleph shows start and end as a term: say that they only bound what the articles saw.
    seen = f"Given this title in {count} article{'' if count == 1 else 's'}"
    if not dates:
        return f"{seen}, none of them dated."
    if dates[0] == dates[-1]:
        return f"{seen}, on {dates[0]}: the date of what was reported, not of the term."
    return f"{seen}, first on {dates[0]} and last on {dates[-1]}: the dates of what was reported, not of the term."


def _post_entities(out: _Entities, posts: dict[PostKey, _Post]) -> None:
    for post in posts.values():
        out.add(post.id, "Position", _props(name=post.name, organization=list(post.orgs),
                                            subnationalArea=_area(post), country="cn"))


def _occupancies(out: _Entities, posts: dict[PostKey, _Post], articles: Articles) -> None:
    """One Occupancy per holder and post, as OpenSanctions publishes politically exposed persons:
    from the first to the last article that gave them the post, each article its proof."""
    for post in posts.values():
        for holder, edges in post.held.items():
            dates = _seen(edges)
            sources = [_evidence(e, articles) for e in sorted(edges, key=lambda e: str(e.properties.get("as_of")))]
            out.add(_link_id("Occupancy", holder, *post.key), "Occupancy",
                    _props(holder=holder, post=post.id, startDate=dates[:1], endDate=dates[-1:],
                           proof=[s.get("proof") for s in sources], publisher=[s.get("publisher") for s in sources],
                           sourceUrl=[s.get("sourceUrl") for s in sources],
                           description=_tenure_note(len(edges), dates)))


def _held_posts(posts: dict[PostKey, _Post]) -> dict[str, list[str]]:
    """Each person's posts by name, the first seen first (Person.position, a column in Aleph)."""
    held: dict[str, list[tuple[str, str]]] = {}
    for post in posts.values():
        for person, edges in post.held.items():
            # '~' sorts after every date: a post never dated comes last.
            held.setdefault(person, []).append(((_seen(edges) or ["~"])[0], post.name))
    return {person: [name for _, name in sorted(names)] for person, names in held.items()}


# --- the graph's nodes ------------------------------------------------------------------------


def _signings(view: GraphView, nodes: dict[str, GraphNode]) -> dict[str, dict[str, list[GraphEdge]]]:
    """Each Signing node's edges from its parties and signers, and to its project."""
    found: dict[str, dict[str, list[GraphEdge]]] = {n.id: {"parties": [], "projects": []}
                                                    for n in view.nodes if n.kind == "signing"}
    for edge, src, dst in _links(view, nodes):
        if edge.type in (Rel.PARTY_TO, Rel.SIGNATORY_OF) and dst.id in found:
            found[dst.id]["parties"].append(edge)
        elif edge.type == Rel.FOR_PROJECT and src.id in found and dst.kind == "project":
            found[src.id]["projects"].append(edge)
    return found


def _node_entity(node: GraphNode, positions: dict[str, list[str]], involved: dict[str, list[str]],
                 articles: Articles) -> tuple[str, dict[str, list[str]]] | None:
    p = node.properties
    aliases = p.get("aliases") or []
    proof = p.get("article_id") if p.get("article_id") in articles else None
    if node.kind == "person":
        return "Person", _props(name=node.name, alias=aliases, position=positions.get(node.id, []), country="cn",
                                notes=p.get("jurisdiction"))
    if node.kind == "organization":
        schema = _ORG_SCHEMA.get(str(p.get("kind")), "Company" if _is_company(node) else "Organization")
        return schema, _props(name=node.name, alias=aliases, country="cn")
    if node.kind == "event":
        return "Event", _props(name=node.name, date=_date(p.get("date")), location=p.get("place"),
                               involved=involved.get(node.id, []), summary=p.get("type"), country="cn", proof=proof)
    if node.kind == "signing":
        # A signing as the event it was: its parties and signers are involved in it, even where
        # the view holds no project for them to take part in.
        name = node.name if node.name.endswith("签约") else f"{node.name}签约"
        return "Event", _props(name=name, date=_date(p.get("date")), involved=involved.get(node.id, []),
                               summary="signing", description=p.get("project_name"), country="cn", proof=proof)
    if node.kind == "project":
        return "Project", _props(name=node.name, alias=aliases, address=p.get("place"), country="cn")
    return None  # articles are written from what the facts cite; documents and Position nodes are not entities


def _involved(view: GraphView, nodes: dict[str, GraphNode]) -> dict[str, list[str]]:
    involved: dict[str, list[str]] = {}
    for edge, src, dst in _links(view, nodes):
        if (edge.type == Rel.ATTENDED and src.kind == "person" and dst.kind == "event") or \
                edge.type in (Rel.PARTY_TO, Rel.SIGNATORY_OF) and dst.kind == "signing":
            involved.setdefault(dst.id, []).append(src.id)
    return involved


# --- the links between them -------------------------------------------------------------------


def _memberships(out: _Entities, view: GraphView, nodes: dict[str, GraphNode], articles: Articles) -> None:
    """Membership (a government or party body) or Directorship (a company): one per article that
    gave the title. Not redundant beside the Occupancy: each carries its own sentence, and links the
    person to the body itself, which Aleph's network view draws as one line."""
    for edge, src, dst in _links(view, nodes):
        if edge.type != Rel.HOLDS_POSITION or src.kind != "person" or dst.kind != "organization":
            continue
        title = edge.properties.get("title")
        if _is_company(dst):
            schema, ends = "Directorship", {"director": src.id, "organization": dst.id}
        else:
            schema, ends = "Membership", {"member": src.id, "organization": dst.id}
        out.add(_link_id(schema, src.id, dst.id, title, edge.properties.get("article_id")), schema,
                _props(**ends, role=title, date=_date(edge.properties.get("as_of")), **_evidence(edge, articles)))


def _participant(out: _Entities, party: str, project: str, role: str, edge: GraphEdge, when: Any,
                 articles: Articles) -> None:
    # The id of an article's SIGNED edge and of its Signing node's party edge are one: the same
    # party's signature on the same project, read once.
    out.add(_link_id("ProjectParticipant", party, project, role, edge.properties.get("article_id")),
            "ProjectParticipant", _props(participant=party, project=project, role=role, date=_date(when),
                                         **_evidence(edge, articles)))


def _participants(out: _Entities, view: GraphView, nodes: dict[str, GraphNode], articles: Articles) -> None:
    """A company that runs a project, and each party or signer of its signing."""
    for edge, src, dst in _links(view, nodes):
        if edge.type in (Rel.RUNS, Rel.SIGNED) and dst.kind == "project" and src.kind in ("organization", "person"):
            role = "signed" if edge.type == Rel.SIGNED else "runs"
            _participant(out, src.id, dst.id, role, edge, edge.properties.get("date"), articles)
    for signing_id, edges in _signings(view, nodes).items():
        signed_on = nodes[signing_id].properties.get("date")
        for party in edges["parties"]:
            for project in edges["projects"]:
                _participant(out, party.source, project.target, "signed", party,
                             party.properties.get("date") or signed_on, articles)


def ftm_entities(view: GraphView) -> Iterator[FtmEntity]:
    nodes = {n.id: n for n in view.nodes}
    articles = _articles(view)
    posts = _posts(view, nodes)
    positions, involved = _held_posts(posts), _involved(view, nodes)
    out = _Entities()
    for node in view.nodes:
        made = _node_entity(node, positions, involved, articles)
        if made is not None:
            out.add(node.id, *made)
    _article_entities(out, view, nodes, articles)
    _post_entities(out, posts)
    _memberships(out, view, nodes, articles)
    _participants(out, view, nodes, articles)
    _occupancies(out, posts, articles)
    _documentation(out, view, nodes, articles)
    yield from out.by_id.values()


def ftm_lines(view: GraphView) -> str:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ftm_entities(view))
