"""Constraints and indexes from cypher/schema.cypher, applied idempotently."""

from __future__ import annotations

import neo4j
from neo4j.exceptions import ClientError

from graph.cypher import schema_statements
from graph.errors import translate_driver_errors
from graph.search_index import copy_pending, index_older_articles, index_older_graph

# `IF NOT EXISTS` is checked before the rule is created, not atomically with it: when two loaders
# create the same index at once, the slower one is told an equivalent rule already exists. That is
# the outcome it wanted, so it counts as done.
_ALREADY_THERE = (
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
)


def ensure_schema(driver: neo4j.Driver, database: str) -> int:
    """Create missing constraints and indexes and wait until they are online. Returns statements run.

    A graph stored before the full-text index read the indexed copy of names gets the copies first
    (and its articles the label the text index reads), while that index does not exist yet, so a loader stopped halfway does the rest next time. Nodes
    a loader marked and died before copying are copied last (graph/search_index.py).
    """
    statements = schema_statements()
    with translate_driver_errors(), driver.session(database=database) as session:
        if not session.run("SHOW INDEXES YIELD name WHERE name = 'name_search' RETURN name").single():
            index_older_graph(session)
        if not session.run("SHOW INDEXES YIELD name WHERE name = 'article_text' RETURN name").single():
            index_older_articles(session)
        for statement in statements:
            try:
                session.run(statement).consume()  # type: ignore[arg-type]
            except ClientError as exc:
                if exc.code not in _ALREADY_THERE:
                    raise
        session.run("CALL db.awaitIndexes(300)").consume()
        copy_pending(session)
    return len(statements)

