"""Manual corrections by a journalist: merge two nodes that are one entity, or split off what some
articles say about a node that is really someone else; and undo either.

Each correction is applied to the graph at once and kept as a ``Correction`` node (who, when, why,
what). A correction loses no fact: every relationship moves with all its properties (roles,
sentence, dates, source article), and the node keeps a record of exactly what it moved, what the
node looked like before and which lookup keys it touched, so that :func:`undo_correction` puts the
graph back as it was. The writer reads the corrections that stand back at every load
(graph/resolution.py), so re-loading the articles lands on the corrected nodes instead of undoing
the correction.

A preview (:func:`preview_merge`, :func:`preview_split`) reads what a correction would move by the
same planning the correction does, and writes nothing; its ``plan`` fingerprint, sent back with the
correction, makes it refuse to move anything the reader was not shown.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

import neo4j
from pydantic import BaseModel, Field

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.model import NODES, RESOLVED
from graph.search_index import settle_search
from graph.views import LABEL_KINDS, ArticleRef, EntityRef, SourceRef
from guanxi.ids import make_id

CorrectionKind = Literal["merge", "split"]
_KINDS = {label.value: NODES[label].kind for label in RESOLVED}
# Bookkeeping of the load that wrote a relationship, not part of the fact it states.
_BOOKKEEPING = frozenset({"load_id"})
# A chain of merges (A into B, B into C) is followed this far; a longer one is a loop.
_MAX_CHAIN = 20
T = TypeVar("T")


class CorrectionError(ValueError):
    """The correction cannot be made as asked (the API answers 409 or 422)."""


class EntityNotFound(CorrectionError):
    def __init__(self, id: str) -> None:
        super().__init__(f"no person, organization or project with id {id!r}")
        self.id = id


class CorrectionNotFound(CorrectionError):
    def __init__(self, id: str) -> None:
        super().__init__(f"no correction with id {id!r}")
        self.id = id


class Correction(BaseModel):
    id: str
    kind: CorrectionKind
    entity_kind: str
    into_id: str | None = None  # merge: the node that stays
    from_id: str  # merge: the node merged away; split: the node split
    new_id: str | None = None  # split: the node made for the split-off articles
    article_ids: list[str] = Field(default_factory=list, description="The articles whose facts moved")
    from_name: str | None = None
    into_name: str | None = None
    by: str
    reason: str
    at: str
    moved_relationships: int = 0
    undone_at: str | None = None
    undone_by: str | None = None
    undo_reason: str | None = None


class MovedFact(BaseModel):
    """One relationship a correction moved, as it was before."""

    type: str
    outgoing: bool = Field(description="Whether it pointed away from the corrected node")
    other_id: str | None = Field(description="The node at its other end")
    properties: dict[str, Any]


class CorrectionDetail(Correction):
    moved: list[MovedFact] = Field(default_factory=list)


class PlannedFact(BaseModel):
    """One relationship a correction would move, as a reader checks it before confirming."""

    type: str
    outgoing: bool = Field(description="Whether it points away from the corrected node")
    other: EntityRef | None = Field(description="The node at its other end (none: an audit record)")
    properties: dict[str, Any] = Field(description="What it says besides its sentence: roles, title, date…")
    source: SourceRef
    moves: bool = Field(description="False when the node it would move to already states it, or it joins the "
                                    "two nodes: then it is dropped, kept only in the correction's record")


class CorrectionPreview(BaseModel):
    """What a merge or split would move, before it moves: nothing is written to make it."""

    kind: CorrectionKind
    entity_kind: str
    source: EntityRef = Field(description="The node whose facts move: merged away, or split")
    target: EntityRef = Field(description="Where they go: the node that stays, or the new node a split makes")
    facts: list[PlannedFact]
    articles: list[ArticleRef] = Field(description="The articles the moving facts were read in")
    aliases: list[str] = Field(default_factory=list, description="Merge: the names the staying node takes on")
    plan: str = Field(description="Send it back with the correction: it is refused (409) if what would move has "
                                  "changed since")


def _now() -> str:
    # Milliseconds: corrections of one node a moment apart must still be told apart in order.
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _run(tx: neo4j.ManagedTransaction, query_name: str, **params: Any) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query(query_name), params)]  # type: ignore[arg-type]


def _entity(tx: neo4j.ManagedTransaction, id: str) -> dict[str, Any]:
    rows = _run(tx, "correction_node", id=id)
    if not rows:
        raise EntityNotFound(id)
    row = rows[0]
    row["kind"] = next(_KINDS[label] for label in row["labels"] if label in _KINDS)
    return row


def _fact(rel: dict[str, Any]) -> tuple[Any, ...]:
    props = sorted((k, json.dumps(v, ensure_ascii=False)) for k, v in rel["props"].items() if k not in _BOOKKEEPING)
    return (rel["type"], rel["outgoing"], rel["other_id"], rel["other_correction"], tuple(props))


def _plan(tx: neo4j.ManagedTransaction, from_id: str, to_id: str,
          article_ids: list[str] | None) -> list[dict[str, Any]]:
    """What moving the relationships of ``from_id`` (only those of ``article_ids`` if given) onto
    ``to_id`` would do, each row saying whether it is copied: the preview a reader confirms and the
    move itself are this one reading, so what is shown is what moves.

    Only a relationship that states exactly what ``to_id`` already has (all but the load's
    bookkeeping equal) is not copied, as it adds nothing.
    """
    moving = _run(tx, "correction_relationships", id=from_id, article_ids=article_ids)
    have = {_fact(r) for r in _run(tx, "correction_relationships", id=to_id, article_ids=None)}
    rows = []
    for rel in moving:
        # No relationship type joins two entities of one kind; one between the two nodes would
        # become a loop, so it is kept only in the record.
        copy = rel["other_id"] != to_id and _fact(rel) not in have
        have.add(_fact(rel))
        rows.append({**rel, "copy": copy})
    return rows


def plan_fingerprint(rows: list[dict[str, Any]]) -> str:
    """A short digest of what a correction would move: the preview gives it, the correction checks it,
    so a load that changed the nodes in between is noticed instead of moving unseen facts."""
    facts = sorted(json.dumps([list(_fact(r)), r["copy"]], ensure_ascii=False) for r in rows)
    return hashlib.sha256("\n".join(facts).encode()).hexdigest()[:16]


def _check_plan(rows: list[dict[str, Any]], expected: str | None) -> None:
    if expected is not None and plan_fingerprint(rows) != expected:
        raise CorrectionError("what this correction would move has changed since its preview (a load or "
                              "another correction touched these nodes): preview it again")


def _move(tx: neo4j.ManagedTransaction, to_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies the planned relationships onto ``to_id`` with all their properties and deletes the
    originals. Returns the rows, for the record."""
    _run(tx, "correction_copy_relationships", id=to_id, rows=[r for r in rows if r["copy"]])
    _run(tx, "correction_delete_relationships", rids=[r["rid"] for r in rows])
    return rows


def _record(tx: neo4j.ManagedTransaction, correction: Correction, target: str, record: dict[str, Any]) -> Correction:
    props = {**correction.model_dump(exclude={"id"}, exclude_none=True),
             "record": json.dumps(record, ensure_ascii=False)}
    _run(tx, "correction_record", id=correction.id, props=props, target=target)
    return correction


def _moved_record(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keep = ("type", "outgoing", "other_id", "other_correction", "props", "copy")
    return [{k: r[k] for k in keep} for r in rows]


def _articles(rows: list[dict[str, Any]]) -> list[str]:
    return sorted({r["props"]["article_id"] for r in rows if r["props"].get("article_id")})


def _merge_pair(tx: neo4j.ManagedTransaction, into_id: str, from_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if into_id == from_id:
        raise CorrectionError("an entity cannot be merged into itself")
    keep, gone = _entity(tx, into_id), _entity(tx, from_id)
    if keep["kind"] != gone["kind"]:
        raise CorrectionError(f"cannot merge a {gone['kind']} into a {keep['kind']}")
    return keep, gone


def merge_entities(driver: neo4j.Driver, database: str, into_id: str, from_id: str, by: str,
                   reason: str, plan: str | None = None) -> Correction:
    """``from_id`` becomes part of ``into_id``: its facts move over, its names become aliases.
    ``plan``: the fingerprint its preview gave; the merge is refused if what would move differs."""

    def work(tx: neo4j.ManagedTransaction) -> Correction:
        keep, gone = _merge_pair(tx, into_id, from_id)
        rows = _plan(tx, from_id, into_id, None)
        _check_plan(rows, plan)
        moved = _move(tx, into_id, rows)
        _run(tx, "correction_absorb", into_id=into_id, from_id=from_id)
        # The kept node now answers to the merged node's names too, when the next article asks.
        keys = [r["key"] for r in _run(tx, "correction_add_lookup_keys", id=into_id)]
        correction = Correction(
            id=f"cor-{uuid.uuid4().hex[:16]}", kind="merge", entity_kind=keep["kind"], into_id=into_id,
            from_id=from_id, from_name=gone["name"], into_name=keep["name"], by=by, reason=reason, at=_now(),
            moved_relationships=len(moved), article_ids=_articles(moved),
        )
        record = {"removed": {"labels": gone["labels"], "props": gone["props"]},
                  "changed": {"id": into_id, "props": keep["props"]},
                  "keys": {"id": into_id, "added": keys}, "moved": _moved_record(moved)}
        return _record(tx, correction, into_id, record)

    return _committed(driver, database, work)


def _split_articles(article_ids: list[str]) -> list[str]:
    wanted = sorted({a for a in article_ids if a})
    if not wanted:
        raise CorrectionError("name the articles whose mentions belong to someone else (article_ids)")
    return wanted


def _split_plan(tx: neo4j.ManagedTransaction, id: str, wanted: list[str]) -> tuple[dict[str, Any], str,
                                                                                   list[dict[str, Any]]]:
    """The node split, the new node's id, and what would move onto it (the new node states nothing yet)."""
    old = _entity(tx, id)
    new_id = make_id(old["kind"], id, "split", *wanted)
    if new_id == id:
        raise CorrectionError("this split was already made")
    rows = _plan(tx, id, new_id, wanted)
    if not rows:
        raise CorrectionError(f"{id} has no facts from the articles {', '.join(wanted)}")
    return old, new_id, rows


def split_entity(driver: neo4j.Driver, database: str, id: str, article_ids: list[str], by: str, reason: str,
                 name: str | None = None, plan: str | None = None) -> Correction:
    """What ``article_ids`` say about ``id`` goes to a new node of the same kind. ``plan``: as for a merge."""
    wanted = _split_articles(article_ids)

    def work(tx: neo4j.ManagedTransaction) -> Correction:
        old, new_id, rows = _split_plan(tx, id, wanted)
        _check_plan(rows, plan)
        _run(tx, "correction_split_node", from_id=id, new_id=new_id, name=name)
        keys = [r["key"] for r in _run(tx, "correction_add_lookup_keys", id=new_id)]
        moved = _move(tx, new_id, rows)
        correction = Correction(
            id=f"cor-{uuid.uuid4().hex[:16]}", kind="split", entity_kind=old["kind"], from_id=id, new_id=new_id,
            article_ids=wanted, from_name=old["name"], into_name=name or old["name"], by=by, reason=reason,
            at=_now(), moved_relationships=len(moved),
        )
        record = {"created": new_id, "changed": {"id": id, "props": old["props"]},
                  "keys": {"id": new_id, "added": keys}, "moved": _moved_record(moved)}
        return _record(tx, correction, new_id, record)

    return _committed(driver, database, work)


def undo_correction(driver: neo4j.Driver, database: str, correction_id: str, by: str,
                    reason: str | None = None) -> Correction:
    """Puts the graph back as it was before the correction: nodes, properties, relationships, keys.

    A later correction that touches the same nodes stands on this one and must be undone first.
    Facts a load wrote onto the corrected nodes since are not kept: the next load of their articles
    writes them again where the graph, without this correction, sends them.
    """

    def work(tx: neo4j.ManagedTransaction) -> Correction:
        rows = _run(tx, "correction_get", id=correction_id)
        if not rows:
            raise CorrectionNotFound(correction_id)
        stored = rows[0]["correction"]
        if stored.get("undone_at"):
            raise CorrectionError(f"correction {correction_id} was already undone at {stored['undone_at']}")
        record = json.loads(stored.get("record") or "null")
        if not record:
            raise CorrectionError(f"correction {correction_id} holds no record of what it moved (it was made "
                                  "before corrections kept one, or imported from another graph); it cannot be undone")
        ids = [i for i in (stored.get("into_id"), stored.get("from_id"), stored.get("new_id")) if i]
        later = [r["id"] for r in _run(tx, "correction_later", id=correction_id, at=stored["at"], ids=ids)]
        if later:
            raise CorrectionError(f"undo the later correction{'s' if len(later) > 1 else ''} "
                                  f"{', '.join(later)} of the same nodes first")
        if "removed" in record:
            _run(tx, "correction_restore_node", props=record["removed"]["props"], labels=record["removed"]["labels"])
        source = record["removed"]["props"]["id"] if "removed" in record else record["changed"]["id"]
        moved = record["moved"]
        target = record["changed"]["id"] if "removed" in record else record["created"]
        _run(tx, "correction_delete_copies", id=target, rows=[m for m in moved if m["copy"]])
        _run(tx, "correction_copy_relationships", id=source, rows=moved)
        _run(tx, "correction_remove_lookup_keys", id=record["keys"]["id"], keys=record["keys"]["added"])
        if "created" in record:
            _run(tx, "correction_delete_node", id=record["created"])
        _run(tx, "correction_restore_properties", id=record["changed"]["id"], props=record["changed"]["props"])
        done = _run(tx, "correction_mark_undone", id=correction_id, at=_now(), by=by, reason=reason)
        return Correction(**done[0]["correction"])

    return _committed(driver, database, work)


def _committed(driver: neo4j.Driver, database: str,
               work: Callable[[neo4j.ManagedTransaction], Correction]) -> Correction:
    # Search answers from the eventually consistent full-text index: a merged node must be found by
    # the names it took over as soon as the correction returns.
    with translate_driver_errors():
        # No notifications: a graph's first correction asks about properties no node has yet.
        with driver.session(database=database, notifications_min_severity="OFF") as session:
            done = session.execute_write(work)
        settle_search(driver, database)
    return done


def _read_work(driver: neo4j.Driver, database: str, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
    with translate_driver_errors(), driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        return session.execute_read(work)


def _read(driver: neo4j.Driver, database: str, query_name: str, **params: Any) -> list[dict[str, Any]]:
    return _read_work(driver, database, lambda tx: _run(tx, query_name, **params))


# --- previews: what a correction would move, read without writing ------------------------------

# Said by the fact's sentence and article, shown apart; the rest is bookkeeping.
_NOT_SHOWN = frozenset({"sentence", "article_id", "load_id", "rule", "resolution"})


def _other(row: dict[str, Any]) -> EntityRef | None:
    kind = next((LABEL_KINDS[label] for label in row["other_labels"] if label in LABEL_KINDS), None)
    if kind is None or row["other_id"] is None:
        return None  # a Correction: the audit trail's own link
    return EntityRef(id=row["other_id"], kind=kind, name=str(row["other_name"]))


def _preview(tx: neo4j.ManagedTransaction, kind: CorrectionKind, source: dict[str, Any], target: EntityRef,
             rows: list[dict[str, Any]], aliases: list[str]) -> CorrectionPreview:
    ids = _articles(rows)
    articles = {r["id"]: ArticleRef(**r) for r in _run(tx, "articles_by_ids", ids=ids)}
    facts = [PlannedFact(type=r["type"], outgoing=r["outgoing"], other=_other(r),
                         properties={k: v for k, v in r["props"].items() if k not in _NOT_SHOWN and v is not None},
                         source=SourceRef(sentence=r["props"].get("sentence"),
                                          article=articles.get(r["props"].get("article_id") or "")),
                         moves=r["copy"])
             for r in rows]
    return CorrectionPreview(
        kind=kind, entity_kind=source["kind"],
        source=EntityRef(id=source["id"], kind=source["kind"], name=source["name"]), target=target, facts=facts,
        articles=[articles[i] for i in ids if i in articles], aliases=aliases, plan=plan_fingerprint(rows))


def preview_merge(driver: neo4j.Driver, database: str, into_id: str, from_id: str) -> CorrectionPreview:
    """What merging ``from_id`` into ``into_id`` would move, and the names the kept node would take on."""

    def work(tx: neo4j.ManagedTransaction) -> CorrectionPreview:
        keep, gone = _merge_pair(tx, into_id, from_id)
        rows = _plan(tx, from_id, into_id, None)
        names = [gone["name"], *gone["aliases"]]
        aliases = [n for i, n in enumerate(names) if n != keep["name"] and n not in keep["aliases"] and n not in names[:i]]
        target = EntityRef(id=into_id, kind=keep["kind"], name=keep["name"])
        return _preview(tx, "merge", gone, target, rows, aliases)

    return _read_work(driver, database, work)


def preview_split(driver: neo4j.Driver, database: str, id: str, article_ids: list[str],
                  name: str | None = None) -> CorrectionPreview:
    """What splitting ``article_ids`` off ``id`` would move onto the new node, and that node's id."""
    wanted = _split_articles(article_ids)

    def work(tx: neo4j.ManagedTransaction) -> CorrectionPreview:
        old, new_id, rows = _split_plan(tx, id, wanted)
        target = EntityRef(id=new_id, kind=old["kind"], name=name or old["name"])
        return _preview(tx, "split", old, target, rows, [])

    return _read_work(driver, database, work)


def list_corrections(driver: neo4j.Driver, database: str, id: str | None = None, limit: int = 50,
                     offset: int = 0) -> list[Correction]:
    rows = _read(driver, database, "corrections_list", id=id, limit=limit, offset=offset)
    return [Correction(**row["correction"]) for row in rows]


def get_correction(driver: neo4j.Driver, database: str, id: str) -> CorrectionDetail | None:
    rows = _read(driver, database, "correction_get", id=id)
    if not rows:
        return None
    stored = dict(rows[0]["correction"])
    record = json.loads(stored.pop("record", None) or "null") or {}
    moved = [MovedFact(type=m["type"], outgoing=m["outgoing"], other_id=m["other_id"], properties=m["props"])
             for m in record.get("moved", [])]
    return CorrectionDetail(**stored, moved=moved)


def merged_into(driver: neo4j.Driver, database: str, id: str) -> str | None:
    """The node a merged-away id now lives in (through a chain of merges), or None."""
    seen = {id}
    current = id
    for _ in range(_MAX_CHAIN):
        rows = _read(driver, database, "correction_merged_into", id=current)
        if not rows:
            break
        current = rows[0]["into_id"]
        if current in seen:
            return None
        seen.add(current)
    return None if current == id else current


# --- export and import: corrections outlive the graph -----------------------------------------


def export_corrections(driver: neo4j.Driver, database: str) -> list[dict[str, Any]]:
    """Every correction, oldest first, as plain JSON objects (one a line in a file)."""
    rows = _read(driver, database, "corrections_all")
    return [{k: v for k, v in row["correction"].items() if v is not None} for row in rows]


def import_corrections(driver: neo4j.Driver, database: str, records: list[dict[str, Any]]) -> int:
    """Stores corrections that are not there yet; returns how many. A load then applies them.

    The graph is not changed here: on a graph rebuilt from its sources, the next load of the same
    articles sends each mention where the corrections say (graph/resolution.py).
    """
    checked = []
    for number, record in enumerate(records, 1):
        try:
            correction = Correction(**record)
        except ValueError as exc:
            raise CorrectionError(f"line {number} is not a correction: {exc}") from exc
        checked.append((correction.id, correction.model_dump(exclude={"id"}, exclude_none=True)))

    def work(tx: neo4j.ManagedTransaction) -> int:
        return sum(1 for id, props in checked if _run(tx, "correction_import_new", id=id, props=props))

    with translate_driver_errors(), driver.session(database=database) as session:
        return session.execute_write(work)
