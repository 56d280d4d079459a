"""The graph's shape, declared once: node labels with their key and properties, relationship types
with their endpoints and properties.

The Cypher in ``cypher/*.cypher`` spells these names by hand: a query is text Neo4j plans, not
something built here. tests/test_graph_model.py reads every query and fails on a label or type not
declared below, on a declared one no query uses (unless only the bulk import writes it), and on a
relationship between labels the model does not give it. What lists labels or types in Python
derives from here: the bulk import's CSV columns and merge keys (graph/bulk_csv.py), the API's path
and relationship types (api/routes/explore.py), the kinds it serves (graph/views.py), the exports
(graph/export.py), and ``GET /graph/model``, from which the page names relationships.

Property types are the bulk importer's names for them (``neo4j-admin database import``), which are
also what Cypher stores: text, integers, lists of text, booleans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

PropType = Literal["string", "long", "double", "string[]", "boolean"]


class Label(StrEnum):
    DOCUMENT = "Document"
    ARTICLE = "Article"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PROJECT = "Project"
    EVENT = "Event"
    SIGNING = "Signing"
    POSITION = "Position"
    CORRECTION = "Correction"
    LOOKUP_KEY = "LookupKey"
    WATCHLIST = "Watchlist"
    INVESTIGATION = "Investigation"
    # Second labels: on nodes of the labels above, never alone.
    ENTITY = "Entity"
    INDEXED_ARTICLE = "IndexedArticle"


class Rel(StrEnum):
    PART_OF = "PART_OF"
    REPORTED_IN = "REPORTED_IN"
    HOLDS_POSITION = "HOLDS_POSITION"
    ATTENDED = "ATTENDED"
    RUNS = "RUNS"
    PARTY_TO = "PARTY_TO"
    SIGNATORY_OF = "SIGNATORY_OF"
    FOR_PROJECT = "FOR_PROJECT"
    SIGNED = "SIGNED"
    WROTE = "WROTE"
    MENTIONED_IN = "MENTIONED_IN"
    CORRECTS = "CORRECTS"


@dataclass(frozen=True)
class Prop:
    name: str
    type: PropType = "string"
    # Written by the bulk import too (graph/bulk_csv.py). Not: what only a transactional load's
    # bookkeeping or a correction writes, which an imported graph does not hold yet.
    bulk: bool = True
    # Never among a node's properties as the API serves them (the queries project `n {.*, x: null}`):
    # what search and resolution read, and an article's text, which only its own page serves.
    hidden: bool = False


@dataclass(frozen=True)
class NodeSpec:
    label: Label
    properties: tuple[Prop, ...]
    key: str = "id"  # unique (cypher/schema.cypher), what MERGE finds the node by
    kind: str | None = None  # what the API calls it (graph/views.py Kind); None: never served
    # Carries the Entity label, which finds any node by id when its label is not known.
    entity: bool = True
    # Written through its own CSV file by the bulk import, not by any query (none such today).
    bulk_only: bool = False

    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.properties)


@dataclass(frozen=True)
class RelSpec:
    type: Rel
    start: tuple[Label, ...]
    end: tuple[Label, ...]
    properties: tuple[Prop, ...]
    reads_as: str  # as a reader of the page would say it (api/static)
    # What one relationship is told apart by besides its endpoints: parallel edges between two
    # nodes are one per article (or signing, or byline role), as the write MERGEs them.
    key: tuple[str, ...] = ()
    # A fact connections are found through (/paths). Co-mention in an article, a shared page or a
    # correction would link nearly everyone in two hops and say nothing.
    path: bool = False
    bulk: bool = True  # the bulk import writes it
    bulk_only: bool = False  # as NodeSpec.bulk_only

    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.properties)


def _props(*names: str, bulk: bool = True) -> tuple[Prop, ...]:
    return tuple(Prop(n, bulk=bulk) for n in names)


# Every name a search finds: the normalised names (search_names, joined in search_key), and the copy
# the full-text index reads (indexed_*, graph/search_index.py).
_NAMED = (Prop("aliases", "string[]"), Prop("search_names", "string[]", hidden=True),
          Prop("search_key", hidden=True))
_INDEXED = (Prop("indexed_name", hidden=True), Prop("indexed_aliases", "string[]", hidden=True))
# Marks a node whose indexed copy is behind; the bulk import writes the copy itself.
_UNINDEXED = Prop("unindexed", "boolean", bulk=False, hidden=True)
# From entity resolution (graph/resolution.py) and corrections (graph/corrections.py).
_SPLIT_FROM = Prop("split_from", bulk=False)
# A fact read from an article: which load wrote it (a reload prunes what it did not write again),
# the article and the sentence.
_SOURCED = _props("load_id", "article_id", "sentence")

NODES: Mapping[Label, NodeSpec] = {spec.label: spec for spec in (
    NodeSpec(Label.DOCUMENT, _props("source", "encoding", "publication_name", "publication_date", "issue",
                                    "name", "url"), kind="document"),
    # loaded_at: when a load first wrote the story (epoch ms), what a watchlist calls new; an
    # imported graph's articles have none, as nothing in them is news to anyone yet.
    NodeSpec(Label.ARTICLE, (*_props("title", "name", "subtitle", "date"), Prop("index", "long"),
                             Prop("text", hidden=True), *_props("document_id", "copy_key"),
                             Prop("load_id", bulk=False), Prop("loaded_at", "long", bulk=False), _UNINDEXED),
             kind="article"),
    NodeSpec(Label.PERSON, (*_props("name", "kind"), *_NAMED, *_INDEXED, _UNINDEXED,
                            *_props("sector", "scope", "jurisdiction", "first_seen", "last_seen"),
                            _SPLIT_FROM), kind="person"),
    # prefix_*: the two-character windows a short form of the name may start with (graph/resolution.py).
    NodeSpec(Label.ORGANIZATION, (*_props("name", "kind"), *_NAMED, Prop("prefix_names", "string[]", hidden=True),
                                  Prop("prefix_key", hidden=True), *_INDEXED, _UNINDEXED, _SPLIT_FROM),
             kind="organization"),
    NodeSpec(Label.PROJECT, (*_props("name", "place"), *_NAMED, *_INDEXED, _UNINDEXED, _SPLIT_FROM),
             kind="project"),
    NodeSpec(Label.EVENT, (*_props("load_id", "name", "type", "date", "place", "article_id", "sentence"), *_NAMED,
                           *_INDEXED, _UNINDEXED), kind="event"),
    NodeSpec(Label.SIGNING, _props("load_id", "name", "date", "project_name", "article_id", "sentence"),
             kind="signing"),
    # A title given with no organisation, one node per (person, title).
    NodeSpec(Label.POSITION, _props("title", "name"), kind="position"),
    # graph/corrections.py Correction, and its record of what it moved (JSON).
    NodeSpec(Label.CORRECTION, (*_props("kind", "entity_kind", "into_id", "from_id", "new_id", bulk=False),
                                Prop("article_ids", "string[]", bulk=False),
                                *_props("from_name", "into_name", "by", "reason", "at", bulk=False),
                                Prop("moved_relationships", "long", bulk=False),
                                *_props("undone_at", "undone_by", "undo_reason", "record", bulk=False)),
             entity=False),
    # Resolution's index of names (graph/lookup.py): a key lists the ids of the nodes holding it.
    NodeSpec(Label.LOOKUP_KEY, (Prop("ids", "string[]"),), key="key", entity=False),
    # One editor's watchlist (graph/watchlists.py): the ids and division codes they follow, and when
    # they last read what is new (epoch ms). Lists, not relationships: a follow is no fact of the
    # graph, and a relationship would be moved by corrections, shown in their open record, and walked
    # by every query that reads a node's relationships.
    NodeSpec(Label.WATCHLIST, (*_props("owner", bulk=False), Prop("entity_ids", "string[]", bulk=False),
                               Prop("place_codes", "string[]", bulk=False), Prop("created_at", "long", bulk=False),
                               Prop("seen_at", "long", bulk=False)), entity=False),
    # A reader's investigation (graph/investigations.py): a name, notes, the ids it keeps with a note
    # each (entity_notes, JSON) and the graph view it was drawn in (the page's address for it). Lists
    # and not relationships, as for a watchlist.
    NodeSpec(Label.INVESTIGATION, (*_props("owner", "name", "notes", bulk=False),
                                   Prop("entity_ids", "string[]", bulk=False),
                                   *_props("entity_notes", "view", bulk=False),
                                   Prop("created_at", "long", bulk=False), Prop("updated_at", "long", bulk=False)),
             entity=False),
)}

# The second labels, and what gives them.
SECOND_LABELS: Mapping[Label, str] = {
    Label.ENTITY: "every node but corrections, lookup keys, watchlists and investigations",
    Label.INDEXED_ARTICLE: "an article whose text the full-text index article_text reads",
}

# One node per real-world person, company or project across articles: what resolution matches, and
# what a correction merges or splits.
RESOLVED = (Label.PERSON, Label.ORGANIZATION, Label.PROJECT)

RELATIONSHIPS: Mapping[Rel, RelSpec] = {spec.type: spec for spec in (
    # Every document that holds the story, with its place and headline there.
    RelSpec(Rel.PART_OF, (Label.ARTICLE,), (Label.DOCUMENT,),
            (Prop("index", "long"), Prop("title"), Prop("pdf_page", "long"), Prop("page_label"),
             Prop("ocr_confidence", "double")), "属于"),
    RelSpec(Rel.REPORTED_IN, (Label.EVENT, Label.SIGNING), (Label.ARTICLE,), _SOURCED, "报道于"),
    RelSpec(Rel.HOLDS_POSITION, (Label.PERSON,), (Label.ORGANIZATION, Label.POSITION),
            _props("title", "article_id", "load_id", "as_of", "org", "place", "place_code", "sentence", "rule"),
            "任职", key=("title", "article_id"), path=True),
    RelSpec(Rel.ATTENDED, (Label.PERSON,), (Label.EVENT,),
            (*_props("article_id", "load_id"), Prop("roles", "string[]"), *_props("date", "sentence", "rule")),
            "出席", key=("article_id",), path=True),
    RelSpec(Rel.RUNS, (Label.ORGANIZATION,), (Label.PROJECT,), _props("article_id", "load_id", "sentence"),
            "承建", key=("article_id",), path=True),
    RelSpec(Rel.PARTY_TO, (Label.ORGANIZATION,), (Label.SIGNING,),
            _props("article_id", "load_id", "date", "sentence"), "签约方", key=("article_id",), path=True),
    RelSpec(Rel.SIGNATORY_OF, (Label.PERSON,), (Label.SIGNING,),
            _props("article_id", "load_id", "date", "sentence"), "签字", key=("article_id",), path=True),
    RelSpec(Rel.FOR_PROJECT, (Label.SIGNING,), (Label.PROJECT,), _props("article_id", "load_id", "sentence"),
            "项目", key=("article_id",), path=True),
    # A party or signer straight to the project, one per signing, besides the Signing node.
    RelSpec(Rel.SIGNED, (Label.ORGANIZATION, Label.PERSON), (Label.PROJECT,),
            _props("signing_id", "load_id", "article_id", "date", "sentence"), "签署", key=("signing_id",),
            path=True),
    RelSpec(Rel.WROTE, (Label.PERSON,), (Label.ARTICLE,), _props("role", "load_id", "article_id", "sentence"),
            "撰稿", key=("role",)),
    RelSpec(Rel.MENTIONED_IN, RESOLVED, (Label.ARTICLE,),
            (*_SOURCED, Prop("resolution")), "见于"),  # why the mention went to this node
    RelSpec(Rel.CORRECTS, (Label.CORRECTION,), RESOLVED, (), "更正", bulk=False),
)}

PATH_TYPES: tuple[Rel, ...] = tuple(t for t, spec in RELATIONSHIPS.items() if spec.path)


def bulk_columns(props: Iterable[Prop]) -> list[tuple[str, str]]:
    """(property, import type) of what the bulk import writes, in declaration order."""
    return [(p.name, p.type) for p in props if p.bulk]
