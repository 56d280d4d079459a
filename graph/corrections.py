"""Manual corrections by a journalist: merge two nodes that are one entity, or split off what some
articles say about a node that is really someone else.

Each correction is applied to the graph at once and kept as a ``Correction`` node (who, when, why,
what). The writer reads them back at every load (graph/resolution.py), so re-loading the articles
lands on the corrected nodes instead of undoing the correction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

import neo4j
from pydantic import BaseModel, Field

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.search_index import settle_search
from guanxi.ids import make_id

CorrectionKind = Literal["merge", "split"]
_KINDS = {"Person": "person", "Organization": "organization", "Project": "project"}
# The properties the writer MERGEs relationships on: a moved copy with the same values is the same fact.
_FACT_KEYS = ("article_id", "title", "signing_id", "role")


class CorrectionError(ValueError):
    """The correction cannot be made as asked (the API answers 409 or 422)."""


class EntityNotFound(CorrectionError):
    def __init__(self, id: str) -> None:
        super().__init__(f"no person, organization or project with id {id!r}")
        self.id = id


class Correction(BaseModel):
    id: str
    kind: CorrectionKind
    entity_kind: str
    into_id: str | None = None  # merge: the node that stays
    from_id: str  # merge: the node merged away; split: the node split
    new_id: str | None = None  # split: the node made for the split-off articles
    article_ids: list[str] = Field(default_factory=list)
    from_name: str | None = None
    into_name: str | None = None
    by: str
    reason: str
    at: str
    moved_relationships: int = 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _run(tx: neo4j.ManagedTransaction, query_name: str, **params: Any) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query(query_name), params)]  # type: ignore[arg-type]


def _entity(tx: neo4j.ManagedTransaction, id: str) -> dict[str, Any]:
    rows = _run(tx, "correction_node", id=id)
    if not rows:
        raise EntityNotFound(id)
    row = rows[0]
    row["kind"] = next(_KINDS[label] for label in row["labels"] if label in _KINDS)
    return row


def _signature(rel: dict[str, Any]) -> tuple[Any, ...]:
    props = rel["props"]
    return (rel["type"], rel["outgoing"], rel["other"], *(props.get(k) for k in _FACT_KEYS))


def _move(tx: neo4j.ManagedTransaction, from_id: str, to_id: str, article_ids: list[str] | None) -> int:
    """Moves the relationships of ``from_id`` (only those of ``article_ids`` if given) onto ``to_id``."""
    moving = _run(tx, "correction_relationships", id=from_id, article_ids=article_ids)
    have = {_signature(r) for r in _run(tx, "correction_relationships", id=to_id, article_ids=None)}
    rows = [
        {"rid": r["rid"], "type": r["type"], "outgoing": r["outgoing"], "other": r["other"], "props": r["props"],
         "create": r["other_id"] != to_id and _signature(r) not in have}
        for r in moving
    ]
    if rows:
        _run(tx, "correction_move_relationships", id=to_id, rows=rows)
    return len(rows)


def _record(tx: neo4j.ManagedTransaction, correction: Correction, target: str) -> Correction:
    props = correction.model_dump(exclude={"id"})
    _run(tx, "correction_record", id=correction.id, props=props, target=target)
    return correction


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
        _run(tx, "merge_lookup_keys", rows=[{"id": into_id}])
        correction = Correction(
            id=f"cor-{uuid.uuid4().hex[:16]}", kind="merge", entity_kind=keep["kind"], into_id=into_id,
            from_id=from_id, from_name=gone["name"], into_name=keep["name"], by=by, reason=reason, at=_now(),
            moved_relationships=moved,
        )
        return _record(tx, correction, into_id)

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
        _run(tx, "merge_lookup_keys", rows=[{"id": new_id}])
        moved = _move(tx, id, new_id, wanted)
        correction = Correction(
            id=f"cor-{uuid.uuid4().hex[:16]}", kind="split", entity_kind=old["kind"], from_id=id, new_id=new_id,
            article_ids=wanted, from_name=old["name"], into_name=name or old["name"], by=by, reason=reason,
            at=_now(), moved_relationships=moved,
        )
        return _record(tx, correction, new_id)

    return _committed(driver, database, work)


def _committed(driver: neo4j.Driver, database: str,
               work: Callable[[neo4j.ManagedTransaction], Correction]) -> Correction:
    # Search answers from the eventually consistent full-text index: a merged node must be found by
    # the names it took over as soon as the correction returns.
    with translate_driver_errors():
        with driver.session(database=database) as session:
            done = session.execute_write(work)
        settle_search(driver, database)
    return done


def list_corrections(driver: neo4j.Driver, database: str, id: str | None = None, limit: int = 50,
                     offset: int = 0) -> list[Correction]:
    with translate_driver_errors(), driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        rows = session.execute_read(
            lambda tx: _run(tx, "corrections_list", id=id, limit=limit, offset=offset)
        )
    return [Correction(**row["correction"]) for row in rows]
