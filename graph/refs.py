"""Ids a reader keeps (a watchlist's, an investigation's) as the nodes they name today: an id merged
into another is the node that holds its facts now, an id no longer in the graph is left out."""

from __future__ import annotations

from typing import Any

import neo4j

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.views import LABEL_KINDS, EntityRef


def _rows(driver: neo4j.Driver, database: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    with translate_driver_errors(), driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        rows = session.execute_read(lambda tx: [dict(r.items()) for r in tx.run(query("entity_refs"), ids=ids)])
    return {r["id"]: r for r in rows if r["labels"]}


def _ref(row: dict[str, Any]) -> EntityRef | None:
    kind = next((LABEL_KINDS[label] for label in row["labels"] if label in LABEL_KINDS), None)
    return EntityRef(id=row["id"], kind=kind, name=row["name"] or row["id"]) if kind else None


def entity_refs(driver: neo4j.Driver, database: str, ids: list[str]) -> dict[str, EntityRef]:
    """Each id that still names something, with the node it names (itself, or where it was merged)."""
    from graph.corrections import merged_into

    found = _rows(driver, database, ids)
    refs: dict[str, EntityRef] = {}
    for id in ids:
        row = found.get(id)
        if row is None:
            into = merged_into(driver, database, id)
            row = _rows(driver, database, [into]).get(into) if into else None
        ref = _ref(row) if row else None
        if ref is not None:
            refs[id] = ref
    return refs
