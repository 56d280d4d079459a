"""The graph: a local Neo4j runtime, schema, idempotent writer and the read repository."""
