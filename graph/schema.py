"""Constraints and indexes from cypher/schema.cypher, applied idempotently."""

from __future__ import annotations

import neo4j
from neo4j.exceptions import ClientError

from graph.cypher import schema_statements
from graph.errors import translate_driver_errors

# `IF NOT EXISTS` is checked before the rule is created, not atomically with it: when two loaders
# create the same index at once, the slower one is told an equivalent rule already exists. That is
# the outcome it wanted, so it counts as done.
_ALREADY_THERE = (
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
)


def ensure_schema(driver: neo4j.Driver, database: str) -> int:
    """Create missing constraints and indexes and wait until they are online. Returns statements run."""
    statements = schema_statements()
    with translate_driver_errors(), driver.session(database=database) as session:
        for statement in statements:
            try:
                session.run(statement).consume()  # type: ignore[arg-type]
            except ClientError as exc:
                if exc.code not in _ALREADY_THERE:
                    raise
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(statements)


def await_search(driver: neo4j.Driver, database: str) -> None:
    """Return once the full-text index holds what was committed: it is eventually consistent, and a
    load or a correction must be searchable when it returns."""
    with driver.session(database=database) as session:
        session.execute_read(lambda tx: tx.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume())
