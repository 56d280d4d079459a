"""Manual corrections by a journalist: merge two nodes that are one entity, or split off what some
articles say about a node that is really someone else; and undo either.

Each correction is applied to the graph at once and kept as a ``Correction`` node (who, when, why,
what). A correction loses no fact: every relationship moves with all its properties (roles,
sentence, dates, source article), and the node keeps a record of exactly what it moved, what the
node looked like before and which lookup keys it touched, so that :func:`undo_correction` puts the
graph back as it was. The writer reads the corrections that stand back at every load
(graph/resolution.py), so re-loading the articles lands on the corrected nodes instead of undoing
the correction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

import neo4j
from pydantic import BaseModel, Field

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.model import NODES, RESOLVED
from graph.search_index import settle_search
from guanxi.ids import make_id

CorrectionKind = Literal["merge", "split"]
_KINDS = {label.value: NODES[label].kind for label in RESOLVED}
# Bookkeeping of the load that wrote a relationship, not part of the fact it states.
_BOOKKEEPING = frozenset({"load_id"})
# A chain of merges (A into B, B into C) is followed this far; a longer one is a loop.
_MAX_CHAIN = 20


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


def _move(tx: neo4j.ManagedTransaction, from_id: str, to_id: str,
          article_ids: list[str] | None) -> list[dict[str, Any]]:
    """Moves the relationships of ``from_id`` (only those of ``article_ids`` if given) onto ``to_id``.

    Every relationship is copied with all its properties. Only one that states exactly what ``to_id``
    already has (all but the load's bookkeeping equal) is not copied, as it adds nothing. Returns what
    moved, each saying whether it was copied, for the record.
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


def merge_entities(driver: neo4j.Driver, database: str, into_id: str, from_id: str, by: str,
                   reason: str) -> Correction:
    """``from_id`` becomes part of ``into_id``: its facts move over, its names become aliases."""
    if into_id == from_id:
        raise CorrectionError("an entity cannot be merged into itself")

    def work(tx: neo4j.ManagedTransaction) -> Correction:
        keep, gone = _entity(tx, into_id), _entity(tx, from_id)
        if keep["kind"] != gone["kind"]:
            raise CorrectionError(f"cannot merge a {gone['kind']} into a {keep['kind']}")
        moved = _move(tx, from_id, into_id, None)
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


def split_entity(driver: neo4j.Driver, database: str, id: str, article_ids: list[str], by: str, reason: str,
                 name: str | None = None) -> Correction:
    """What ``article_ids`` say about ``id`` goes to a new node of the same kind."""
    wanted = sorted({a for a in article_ids if a})
    if not wanted:
        raise CorrectionError("name the articles whose mentions belong to someone else (article_ids)")

    def work(tx: neo4j.ManagedTransaction) -> Correction:
        old = _entity(tx, id)
        new_id = make_id(old["kind"], id, "split", *wanted)
        if new_id == id:
            raise CorrectionError("this split was already made")
        if not _run(tx, "correction_relationships", id=id, article_ids=wanted):
            raise CorrectionError(f"{id} has no facts from the articles {', '.join(wanted)}")
        _run(tx, "correction_split_node", from_id=id, new_id=new_id, name=name)
        keys = [r["key"] for r in _run(tx, "correction_add_lookup_keys", id=new_id)]
        moved = _move(tx, id, new_id, wanted)
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


def _read(driver: neo4j.Driver, database: str, query_name: str, **params: Any) -> list[dict[str, Any]]:
    with translate_driver_errors(), driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        return session.execute_read(lambda tx: _run(tx, query_name, **params))


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
