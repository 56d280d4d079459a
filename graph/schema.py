"""Constraints and indexes from cypher/schema.cypher, applied idempotently."""

from __future__ import annotations

import neo4j

from graph.cypher import schema_statements
from graph.errors import translate_driver_errors


def ensure_schema(driver: neo4j.Driver, database: str) -> int:
    """Create missing constraints and indexes and wait until they are online. Returns statements run."""
    statements = schema_statements()
    with translate_driver_errors(), driver.session(database=database) as session:
        for statement in statements:
            session.run(statement).consume()  # type: ignore[arg-type]
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(statements)
