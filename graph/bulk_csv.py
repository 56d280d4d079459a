"""Documents → CSV files for ``neo4j-admin database import full``: the bulk path into an empty database.

The rows are the transactional writer's own (graph/collect.py ``article_rows``, graph/rows.py), and
each list is folded here the way its MERGE/SET in cypher/write.cypher folds it: same labels (with the
extra ``Entity``), same properties, same relationship types and merge keys. Entity resolution is the
writer's too: each article's rows go through graph/resolution.py ``resolve_rows`` before they are
folded, asking the graph folded so far (graph/offline.py ``ArchiveLookup``) what a transactional load
asks Neo4j. Documents are folded in ``archive_order`` (date, id, file name), whatever order they were
added in, so a bulk import holds the graph a transactional load of the same documents in that order
holds.

Every node file shares one id space, ``id:ID(Entity)`` (ids carry a per-kind prefix, so they never
collide), and every relationship file refers to it. Import with ``--multiline-fields=true``: article
texts hold newlines. The admin tool creates no index or constraint and stores no empty list: after
the first start, ``finish_import`` creates the schema and the writer's empty ``aliases`` lists.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j

from graph.collect import article_rows, placement
from graph.model import NODES, RELATIONSHIPS, Label, Rel, bulk_columns
from graph.offline import ArchiveLookup, archive_key, archive_order, document_key
from graph.resolution import resolve_rows
from graph.rows import (
    ArticleRows,
    AttendanceRow,
    BylineRow,
    EntityResolution,
    EventRow,
    ForProjectRow,
    MentionRow,
    OrganizationRow,
    PersonResolution,
    PersonRow,
    ProjectRow,
    RunsRow,
    SignedRow,
    SigningFact,
    SigningRow,
    TitleAloneRow,
    TitleRow,
)
from graph.schema import ensure_schema
from graph.server import _JVM_FLAGS, LocalNeo4j, _find_java
from guanxi.facts import Document
from guanxi.fingerprint import copy_key
from guanxi.ids import article_id
from guanxi.settings import Settings

Row = dict[str, Any]

# The transactional writer stamps each load with a fresh uuid (prune_article tells old from new by
# it); an import is one load, so one fixed mark says where these facts came from.
BULK_LOAD_ID = "bulk-import"
ARRAY_DELIMITER = ";"

# (property, import type) per label and per relationship type, in column order; a node's `id` and
# labels come first. Nodes share the Entity id space; lookup keys have their own (write_csv).
NODE_COLUMNS: dict[Label, list[tuple[str, str]]] = {
    label: bulk_columns(spec.properties) for label, spec in NODES.items() if spec.entity}
REL_COLUMNS: dict[Rel, list[tuple[str, str]]] = {
    rtype: bulk_columns(spec.properties) for rtype, spec in RELATIONSHIPS.items() if spec.bulk}
# What the full-text index reads (graph/search_index.py): a copy of the name and aliases, taken
# from those columns when the file is written.
_COPIED = {"indexed_name": "name", "indexed_aliases": "aliases"}


def _union(old: list[str] | None, new: Iterable[str]) -> list[str]:
    # `coalesce(x, []) + [y IN new WHERE NOT y IN coalesce(x, [])]`
    base = list(old or [])
    return base + [y for y in new if y not in base]


def _search_key(names: Iterable[str]) -> str:
    return "".join("|" + x for x in names)


def _kept_name(stored: Row, row: PersonRow | OrganizationRow | ProjectRow) -> str:
    # `CASE WHEN row.keep_name THEN coalesce(n.name, row.name) ELSE row.name END`
    if row.get("keep_name") and stored.get("name") is not None:
        return str(stored["name"])
    return row["name"]


def _one_per_attendance(rows: list[AttendanceRow]) -> list[AttendanceRow]:
    """merge_attendance's grouping: two rows of one article for one (person, event), as when two
    names resolve to one person, are one attendance with the first row's facts and every role."""
    merged: dict[tuple[str, str], AttendanceRow] = {}
    for row in rows:
        key = (row["person_id"], row["event_id"])
        first = merged.get(key)
        if first is None:
            merged[key] = row
        else:
            merged[key] = {**first, "roles": first["roles"] + [r for r in row["roles"] if r not in first["roles"]]}
    return list(merged.values())


@dataclass
class BulkGraph:
    """The graph the transactional writer would build, held as node and relationship rows.

    Nodes are keyed by id and relationships by (type, start, end, merge key), so the same person in
    many files, or the same file twice, gives one node and one relationship each, as MERGE would.
    One story in two files is one article (its id is the body's fingerprint) with a PART_OF per file;
    as the writer does, the facts are the best copy's (guanxi/fingerprint.py copy_key).

    ``add_document`` only collects; the first read (``fold``, ``write_csv``, the counts) folds every
    document in archive order, resolving each article against what is folded before it. ``resolve``
    False gives ids from names alone, as ``GraphWriter.resolve = False`` writes them.
    """

    nodes: dict[Label, dict[str, Row]] = field(default_factory=lambda: {label: {} for label in NODE_COLUMNS})
    rels: dict[Rel, dict[tuple[Any, ...], Row]] = field(
        default_factory=lambda: {rtype: {} for rtype in REL_COLUMNS})
    resolve: bool = True
    documents: int = 0
    articles: int = 0  # distinct articles: a story two files hold counts once
    # What the LookupKey nodes hold, key → ids, in the order merge_people/organizations/projects
    # would have added them: what resolution finds names by, and nodes_lookupkey.csv.
    keys: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _pending: list[Document] = field(default_factory=list, repr=False)
    _folded: bool = field(default=False, repr=False)
    # What each article gave: (relationship type, key) of its facts, and its events' and signings'
    # (label, id), so that another copy of the story can take their place.
    _facts: dict[str, list[tuple[Rel, tuple[Any, ...]]]] = field(default_factory=dict, repr=False)
    _fact_nodes: dict[str, list[tuple[Label, str]]] = field(default_factory=dict, repr=False)
    # What resolution asks besides keys: organisations by exact name, and which companies run or
    # signed which project (RUNS|SIGNED from an Organization), with how many edges say so.
    _org_names: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _company_edges: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _projects_of: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _companies_of: dict[str, set[str]] = field(default_factory=dict, repr=False)

    # --- building ---------------------------------------------------------------------------

    def add_documents(self, docs: Iterable[Document]) -> None:
        for doc in docs:
            self.add_document(doc)

    def add_document(self, doc: Document) -> None:
        if self._folded:
            # Folded after the rest, it would be resolved last whatever its date: the graph would
            # depend on the order documents came in.
            raise RuntimeError("the archive is already folded: add every document before reading the graph")
        self._pending.append(doc)

    def fold(self) -> None:
        """Every document added, in archive order (graph/offline.py); once."""
        if self._folded:
            return
        self._folded = True
        # Last first, so that each document is let go of once folded: the extracted facts of an
        # archive take more memory than the graph they make (bench/README.md).
        stack = archive_order(self._pending)[::-1]
        self._pending = []
        last: tuple[str, str, str] | None = None
        while stack:
            doc = stack.pop()
            # The same file given twice (its id is a hash of its text): once. Folded again it would
            # be a reload, which finds its own earlier mentions and records other reasons for them.
            if archive_key(doc) != last:
                self._fold_document(doc)
            last = archive_key(doc)

    def _fold_document(self, doc: Document) -> None:
        doc_id = document_key(doc)
        pub = doc.publication
        self.documents += 1
        self._node(Label.DOCUMENT, doc_id, {
            "source": doc.source, "encoding": doc.encoding, "publication_name": pub.name,
            "publication_date": pub.date, "issue": pub.issue, "name": pub.name or doc.source, "url": doc.url,
        })
        for position, art in enumerate(doc.articles):
            index = art.index if art.id else position
            art_id = art.id or article_id(doc_id, index, art.title, art.text)
            key = copy_key(art.text, pub.date, doc_id)
            self._rel(Rel.PART_OF, art_id, doc_id, {"index": index, "title": art.title, **placement(art)})
            held = self.nodes[Label.ARTICLE].get(art_id)
            if held is None:
                self.articles += 1
            elif held["document_id"] != doc_id and held["copy_key"] < key:
                continue  # a better copy of the story gives its facts: this one its link only
            rows = article_rows(art, art_id, art.date or pub.date)
            if self.resolve:
                # As the writer's transaction: resolution reads the graph with the earlier copy's facts
                # still in it, then they are replaced.
                rows = resolve_rows(rows, art, art_id, pub.name, ArchiveLookup(self))
            self._forget_facts(art_id)
            self._node(Label.ARTICLE, art_id, {
                "title": art.title, "name": art.title, "subtitle": art.subtitle, "date": art.date,
                "index": index, "text": art.text or None, "document_id": doc_id, "copy_key": key,
            })
            self._fold(rows, art_id)

    def _node(self, label: Label, node_id: str, props: Row) -> Row:
        node = self.nodes[label].setdefault(node_id, {"id": node_id})
        node.update(props)
        return node

    def _rel(self, rtype: Rel, start: str, end: str, props: Row) -> Row:
        # Parallel edges are one per value of the type's key (graph/model.py), as the write MERGEs them.
        full = (start, end, *(props[name] for name in RELATIONSHIPS[rtype].key))
        rels = self.rels[rtype]
        rel = rels.get(full)
        if rel is None:
            rel = rels[full] = {":START_ID": start, ":END_ID": end}
            self._count_company_edge(rtype, start, end, 1)
        rel.update(props)
        if props.get("article_id"):
            self._facts.setdefault(props["article_id"], []).append((rtype, full))
        return rel

    def _count_company_edge(self, rtype: Rel, start: str, end: str, step: int) -> None:
        if rtype not in (Rel.RUNS, Rel.SIGNED) or start not in self.nodes[Label.ORGANIZATION]:
            return
        count = self._company_edges.get((start, end), 0) + step
        if count:
            self._company_edges[(start, end)] = count
            self._projects_of.setdefault(start, set()).add(end)
            self._companies_of.setdefault(end, set()).add(start)
        else:
            del self._company_edges[(start, end)]
            self._projects_of[start].discard(end)
            self._companies_of[end].discard(start)

    def _forget_facts(self, art_id: str) -> None:
        """An earlier copy's facts of the story, as prune_article removes them on a reload: the
        article's relationships, events and signings go; people, companies and projects stay."""
        for rtype, key in self._facts.pop(art_id, []):
            if self.rels[rtype].pop(key, None) is not None:
                self._count_company_edge(rtype, key[0], key[1], -1)
        for label, node_id in self._fact_nodes.pop(art_id, []):
            self.nodes[label].pop(node_id, None)

    def _add_keys(self, node_id: str, keys: Iterable[str]) -> None:
        # merge_lookup_keys' `SET k.ids = k.ids + p.id` for the names a write added.
        for key in keys:
            held = self.keys.setdefault(key, [])
            if node_id not in held:
                held.append(node_id)

    # --- what resolution reads (graph/offline.py) ---------------------------------------------

    def mentioned_in(self, art_id: str) -> list[str]:
        """Ids of the nodes MENTIONED_IN the article (what an earlier copy of it resolved to)."""
        mentions = self.rels[Rel.MENTIONED_IN]
        return list(dict.fromkeys(key[0] for rtype, key in self._facts.get(art_id, [])
                                  if rtype == Rel.MENTIONED_IN and key in mentions))

    def organizations_named(self, name: str) -> set[str]:
        return self._org_names.get(name, set())

    def projects_of(self, org_id: str) -> set[str]:
        return self._projects_of.get(org_id, set())

    def companies_of(self, project_id: str) -> set[str]:
        return self._companies_of.get(project_id, set())

    def _fold(self, rows: ArticleRows, art_id: str) -> None:
        """The article's rows as its statements store them, in the same order."""
        for person in rows.people:
            self._merge_people(person, art_id)
        for org in rows.organizations:
            self._merge_organizations(org, art_id)
        for project in rows.projects:
            self._merge_projects(project, art_id)
        for event in rows.events:
            self._merge_events(event, art_id)
        for signing in rows.signings:
            self._merge_signings(signing, art_id)
        for in_org in rows.titles_in_org:
            self._holds(in_org, art_id, in_org["org_id"], in_org["org"])
        for alone in rows.titles_alone:
            self._merge_positions_alone(alone, art_id)
        for attended in _one_per_attendance(rows.attendance):
            self._merge_attendance(attended, art_id)
        for runs in rows.runs:
            self._merge_runs(runs, art_id)
        for party in rows.parties:
            self._signing_edge(Rel.PARTY_TO, party["org_id"], party, art_id)
        for signer in rows.signers:
            self._signing_edge(Rel.SIGNATORY_OF, signer["person_id"], signer, art_id)
        for for_project in rows.signing_projects:
            self._merge_signing_projects(for_project, art_id)
        for signed in rows.signed:
            self._merge_signed(signed, art_id)
        for byline in rows.bylines:
            self._merge_bylines(byline, art_id)
        for mention in rows.mentions:
            self._merge_mentions(mention, art_id)
        for learnt in rows.resolved_people or []:
            self._resolve_people(learnt, art_id)
        self._resolve_entities(rows.resolved_entities or [], art_id)

    # One method per statement of cypher/write.cypher and of the writes of cypher/resolution.cypher,
    # named after it.

    def _merge_people(self, row: PersonRow, art_id: str) -> None:
        p = self.nodes[Label.PERSON].get(row["id"], {})
        names = _union(p.get("search_names"), row["search_names"])
        self._add_keys(row["id"], ["per|" + x for x in names[len(p.get("search_names") or []):]])
        self._node(Label.PERSON, row["id"], {
            "name": _kept_name(p, row), "kind": row["kind"] or p.get("kind") or "other",
            "aliases": p.get("aliases") or [], "search_names": names, "search_key": _search_key(names),
        })

    def _merge_organizations(self, row: OrganizationRow, art_id: str) -> None:
        o = self.nodes[Label.ORGANIZATION].get(row["id"], {})
        old_kind = o.get("kind")
        if row["kind"] is None or (row["kind"] == "other" and old_kind is not None):
            kind = old_kind or "other"
        else:
            kind = row["kind"]
        names = _union(o.get("search_names"), row["search_names"])
        windows = _union(o.get("prefix_names"), row.get("prefix_names") or [])
        self._add_keys(row["id"], ["org|" + x for x in names[len(o.get("search_names") or []):]]
                       + ["pre|" + x for x in windows[len(o.get("prefix_names") or []):]])
        name = _kept_name(o, row)
        if o.get("name") != name:
            if o.get("name") is not None:
                self._org_names[o["name"]].discard(row["id"])
            self._org_names.setdefault(name, set()).add(row["id"])
        self._node(Label.ORGANIZATION, row["id"], {
            "name": name, "kind": kind, "aliases": _union(o.get("aliases"), row["aliases"]),
            "search_names": names, "search_key": _search_key(names),
            "prefix_names": windows, "prefix_key": "|" + "".join(x + "|" for x in windows),
        })

    def _merge_projects(self, row: ProjectRow, art_id: str) -> None:
        p = self.nodes[Label.PROJECT].get(row["id"], {})
        names = _union(p.get("search_names"), row["search_names"])
        self._add_keys(row["id"], ["prj|" + x for x in names[len(p.get("search_names") or []):]])
        self._node(Label.PROJECT, row["id"], {
            "name": _kept_name(p, row), "place": row["place"] or p.get("place"),
            "aliases": _union(p.get("aliases"), row["aliases"]),
            "search_names": names, "search_key": _search_key(names),
        })

    def _resolve_people(self, row: PersonResolution, art_id: str) -> None:
        p = self.nodes[Label.PERSON].get(row["id"])
        if p is None:
            return
        sector, scope = p.get("sector"), p.get("scope")
        if sector is None or sector == "other":
            sector = row["sector"] if row["sector"] is not None else sector
        # A company (org-…) is a better scope for an executive than the place known before.
        if scope is None or (row["scope"] is not None and row["scope"].startswith("org-")
                             and not scope.startswith("org-")):
            scope = row["scope"] if row["scope"] is not None else scope
        date, first, last = row["date"], p.get("first_seen"), p.get("last_seen")
        p.update({
            "sector": sector, "scope": scope,
            "jurisdiction": p["jurisdiction"] if p.get("jurisdiction") is not None else row["jurisdiction"],
            "first_seen": date if date is not None and (first is None or date < first) else first,
            "last_seen": date if date is not None and (last is None or date > last) else last,
        })
        mention = self.rels[Rel.MENTIONED_IN].get((row["id"], art_id))
        if mention is not None:
            mention["resolution"] = row["reason"]

    def _resolve_entities(self, rows: list[EntityResolution], art_id: str) -> None:
        touched: dict[str, Row] = {}
        for row in rows:
            mention = self.rels[Rel.MENTIONED_IN].get((row["id"], art_id))
            node = self._entity(row["id"])
            if mention is None or node is None:
                continue
            mention["resolution"] = row["reason"]
            touched[row["id"]] = node
        for node in touched.values():
            # A node's name is not one of its aliases (a short form may have become the name).
            if node.get("aliases") is None or node.get("name") in node["aliases"]:
                node["aliases"] = [x for x in node.get("aliases") or [] if x != node.get("name")]

    def _entity(self, node_id: str) -> Row | None:
        for label in (Label.ORGANIZATION, Label.PROJECT, Label.PERSON):
            node = self.nodes[label].get(node_id)
            if node is not None:
                return node
        return None

    def _merge_events(self, row: EventRow, art_id: str) -> None:
        self._fact_nodes.setdefault(art_id, []).append((Label.EVENT, row["id"]))
        self._node(Label.EVENT, row["id"], {
            "load_id": BULK_LOAD_ID, "name": row["name"], "type": row["type"], "date": row["date"],
            "place": row["place"], "article_id": art_id, "sentence": row["sentence"], "aliases": [],
            "search_names": row["search_names"], "search_key": _search_key(row["search_names"]),
        })
        self._reported_in(row["id"], art_id, row["sentence"])

    def _merge_signings(self, row: SigningRow, art_id: str) -> None:
        self._fact_nodes.setdefault(art_id, []).append((Label.SIGNING, row["id"]))
        self._node(Label.SIGNING, row["id"], {
            "load_id": BULK_LOAD_ID, "name": row["name"], "date": row["date"],
            "project_name": row["project_name"], "article_id": art_id, "sentence": row["sentence"],
        })
        self._reported_in(row["id"], art_id, row["sentence"])

    def _reported_in(self, node_id: str, art_id: str, sentence: str | None) -> None:
        self._rel(Rel.REPORTED_IN, node_id, art_id,
                  {"load_id": BULK_LOAD_ID, "article_id": art_id, "sentence": sentence})

    def _holds(self, row: TitleRow, art_id: str, end: str, org: str | None) -> None:
        self._rel(Rel.HOLDS_POSITION, row["person_id"], end, {
            "title": row["title"], "article_id": art_id, "load_id": BULK_LOAD_ID, "as_of": row["as_of"],
            "org": org, "place": row["place"], "place_code": row["place_code"], "sentence": row["sentence"],
            "rule": row["rule"],
        })

    def _merge_positions_alone(self, row: TitleAloneRow, art_id: str) -> None:
        self._node(Label.POSITION, row["position_id"], {"title": row["title"], "name": row["title"]})
        self._holds(row, art_id, row["position_id"], None)

    def _merge_attendance(self, row: AttendanceRow, art_id: str) -> None:
        self._rel(Rel.ATTENDED, row["person_id"], row["event_id"], {
            "article_id": art_id, "load_id": BULK_LOAD_ID, "roles": list(row["roles"]), "date": row["date"],
            "sentence": row["sentence"], "rule": row["rule"],
        })

    def _merge_runs(self, row: RunsRow, art_id: str) -> None:
        self._rel(Rel.RUNS, row["org_id"], row["project_id"],
                  {"article_id": art_id, "load_id": BULK_LOAD_ID, "sentence": row["sentence"]})

    def _signing_edge(self, rtype: Rel, start: str, row: SigningFact, art_id: str) -> None:
        self._rel(rtype, start, row["signing_id"], {
            "article_id": art_id, "load_id": BULK_LOAD_ID, "date": row["date"], "sentence": row["sentence"],
        })

    def _merge_signing_projects(self, row: ForProjectRow, art_id: str) -> None:
        self._rel(Rel.FOR_PROJECT, row["signing_id"], row["project_id"],
                  {"article_id": art_id, "load_id": BULK_LOAD_ID, "sentence": row["sentence"]})

    def _merge_signed(self, row: SignedRow, art_id: str) -> None:
        self._rel(Rel.SIGNED, row.get("org_id") or row["person_id"], row["project_id"], {
            "signing_id": row["signing_id"], "load_id": BULK_LOAD_ID, "article_id": art_id,
            "date": row["date"], "sentence": row["sentence"],
        })

    def _merge_bylines(self, row: BylineRow, art_id: str) -> None:
        self._rel(Rel.WROTE, row["person_id"], art_id, {
            "role": row["role"], "load_id": BULK_LOAD_ID, "article_id": art_id, "sentence": row["sentence"],
        })

    def _merge_mentions(self, row: MentionRow, art_id: str) -> None:
        self._rel(Rel.MENTIONED_IN, row["id"], art_id,
                  {"load_id": BULK_LOAD_ID, "article_id": art_id, "sentence": row["sentence"]})

    # --- reading ----------------------------------------------------------------------------

    def lookup_keys(self) -> dict[str, list[str]]:
        """What the LookupKey nodes hold: key → ids of the nodes holding it."""
        self.fold()
        return self.keys

    def node_counts(self) -> dict[Label, int]:
        self.fold()
        return {label: len(rows) for label, rows in self.nodes.items()}

    def relationship_counts(self) -> dict[Rel, int]:
        self.fold()
        return {rtype: len(rows) for rtype, rows in self.rels.items()}


@dataclass(frozen=True)
class CsvFiles:
    nodes: list[Path]
    relationships: list[Path]
    array_delimiter: str = ARRAY_DELIMITER


def _cell(value: Any, kind: str, delimiter: str) -> str | None:
    if value is None:
        return None
    if kind == "string[]":
        for item in value:
            if delimiter in item:
                raise ValueError(f"{item!r} holds the array delimiter {delimiter!r}; choose another one")
        return delimiter.join(value)
    return str(value)


def _line(cells: Sequence[str | None]) -> str:
    """A CSV line in which a missing value is an empty field (the importer then sets no property, as
    `SET x = null` stores none) and every value, even an empty one, is quoted: a quoted empty field
    is an empty string, or an empty list in an array column (`aliases = []`)."""
    return ",".join("" if c is None else '"' + c.replace('"', '""') + '"' for c in cells) + "\n"


def write_csv(graph: BulkGraph, out: Path, array_delimiter: str = ARRAY_DELIMITER) -> CsvFiles:
    """One file per label and per relationship type (with a header line each); empty ones are left out."""
    graph.fold()
    out.mkdir(parents=True, exist_ok=True)
    node_files: list[Path] = []
    for label, columns in NODE_COLUMNS.items():
        rows = graph.nodes[label]
        if not rows:
            continue
        path = out / f"nodes_{label.lower()}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(_line(["id:ID(Entity)", ":LABEL"] + [f"{name}:{kind}" for name, kind in columns]))
            labels = f"{label}{array_delimiter}{Label.ENTITY}"
            if label == Label.ARTICLE:  # what the text index reads (cypher/schema.cypher article_text)
                labels += f"{array_delimiter}{Label.INDEXED_ARTICLE}"
            for node_id in sorted(rows):
                row = rows[node_id]
                handle.write(_line([node_id, labels]
                                   + [_cell(row.get(_COPIED.get(n, n)), k, array_delimiter) for n, k in columns]))
        node_files.append(path)
    keys = graph.lookup_keys()
    if keys:
        # Their own id space: a key is not an entity, and nothing refers to it.
        path = out / "nodes_lookupkey.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(_line(["key:ID(LookupKey)", ":LABEL", "ids:string[]"]))
            for name in sorted(keys):
                handle.write(_line([name, Label.LOOKUP_KEY, _cell(keys[name], "string[]", array_delimiter)]))
        node_files.append(path)
    rel_files: list[Path] = []
    for rtype, columns in REL_COLUMNS.items():
        rels = graph.rels[rtype]
        if not rels:
            continue
        path = out / f"rels_{rtype.lower()}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(_line([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
                               + [f"{name}:{kind}" for name, kind in columns]))
            for key in sorted(rels, key=lambda k: tuple(str(x) for x in k)):
                rel = rels[key]
                handle.write(_line([rel[":START_ID"], rel[":END_ID"], rtype]
                                   + [_cell(rel.get(n), k, array_delimiter) for n, k in columns]))
        rel_files.append(path)
    return CsvFiles(node_files, rel_files, array_delimiter)


def export_documents(docs: Iterable[Document], out: Path, resolve: bool = True) -> tuple[BulkGraph, CsvFiles]:
    graph = BulkGraph(resolve=resolve)
    graph.add_documents(docs)
    return graph, write_csv(graph, out)


# --- running the admin tool ---------------------------------------------------------------------

# The command-line tool behind neo4j-admin (neo4j-command-line jar), run in the JVM we start;
# org.neo4j.server.startup.Neo4jAdminCommand works too but forks a second JVM for the command.
ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"


def import_arguments(files: CsvFiles, database: str = "neo4j") -> list[str]:
    """``database import full`` and its options, for any neo4j-admin (the script or the class)."""
    # The database name goes first: --nodes and --relationships take several files each and would
    # read a trailing name as one more file.
    args = ["database", "import", "full", database, "--overwrite-destination=true",
            "--multiline-fields=true", f"--array-delimiter={files.array_delimiter}"]
    if files.nodes:  # the tool's report of bad entries, beside the files rather than in the cwd
        args.append(f"--report-file={files.nodes[0].parent / 'import.report'}")
    args += [f"--nodes={path}" for path in files.nodes]
    return args + [f"--relationships={path}" for path in files.relationships]


def run_admin_import(lib: Path, instance_root: Path, files: CsvFiles, database: str = "neo4j",
                     java: str = "java", extra_jvm: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """Run the import against a STOPPED instance (its conf/neo4j.conf says where the data lives).

    ``lib`` holds the server jars (.neo4j/lib); nothing else is needed: no neo4j-admin script.
    """
    env = dict(os.environ, NEO4J_HOME=str(instance_root), NEO4J_CONF=str(instance_root / "conf"))
    cmd = [java, *extra_jvm, "-cp", f"{lib}/*", ADMIN_ENTRY_POINT, *import_arguments(files, database)]
    return subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)


class BulkImportError(RuntimeError):
    """The admin tool refused the files; the message holds the end of its output."""


def import_into_local(settings: Settings, files: CsvFiles) -> LocalNeo4j:
    """Stop the local instance ``settings.instance``, replace its database with ``files``; not restarted.

    The caller starts it (``.start()``) and then calls :func:`finish_import`.
    """
    server = LocalNeo4j(settings)
    server.stop()
    server.write_conf()
    done = run_admin_import(Path(settings.home) / "lib", server.root, files, settings.neo4j_database,
                            java=_find_java(), extra_jvm=_JVM_FLAGS)
    if done.returncode != 0 or "IMPORT DONE" not in done.stdout:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
        raise BulkImportError(f"neo4j-admin import failed (exit {done.returncode}):\n{tail}")
    return server


# The importer stores no empty list (an empty array field reads as "no property"), while the
# writer sets `aliases = []` on every person, organisation, project and event, and its indexed copy.
EMPTY_ALIASES = """
MATCH (n:Person|Organization|Project|Event) WHERE n.aliases IS NULL
CALL (n) { SET n.aliases = [], n.indexed_aliases = coalesce(n.indexed_aliases, []) } IN TRANSACTIONS OF 10000 ROWS
"""


def finish_import(driver: neo4j.Driver, database: str = "neo4j") -> int:
    """After the first start of an imported database: the schema, then the empty alias lists."""
    created = ensure_schema(driver, database)
    with driver.session(database=database) as session:
        session.run(EMPTY_ALIASES).consume()  # type: ignore[arg-type]
    return created
