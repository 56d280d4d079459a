"""Named Cypher queries, kept as text in ``cypher/*.cypher`` so they can be read and tested alone.

A file holds one or more queries, each introduced by a ``// name: <query_name>`` line.
``schema.cypher`` is different: it is a list of statements ended by ``;``, run in order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

# The package, not a path beside this file: a clone (editable or not) and an installed wheel hold
# the queries in different places, and the import system knows which one is in use.
CYPHER_DIR: Traversable = files("cypher")
_NAME_LINE = re.compile(r"^//\s*name:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$", re.MULTILINE)


class QueryNotFound(KeyError):
    pass


def parse_named_queries(text: str) -> dict[str, str]:
    """``// name: x`` headers split a file into queries; text before the first header is ignored."""
    queries: dict[str, str] = {}
    matches = list(_NAME_LINE.finditer(text))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        lines = text[match.end() : end].strip().splitlines()
        # A comment just above the next header describes that query, not this one.
        while lines and lines[-1].strip().startswith("//"):
            lines.pop()
        body = "\n".join(lines).strip()
        name = match.group(1)
        if name in queries:
            raise ValueError(f"query {name!r} is defined twice")
        queries[name] = body
    return queries


def split_statements(text: str) -> list[str]:
    """Statements ended by ``;``; whole-line ``//`` comments are dropped first."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    return [stmt.strip() for stmt in "\n".join(lines).split(";") if stmt.strip()]


@lru_cache(maxsize=1)
def _all_queries(directory: Traversable = CYPHER_DIR) -> dict[str, str]:
    queries: dict[str, str] = {}
    sources = sorted((entry for entry in directory.iterdir() if entry.name.endswith(".cypher")),
                     key=lambda entry: entry.name)
    for path in sources:
        if path.name == "schema.cypher":
            continue
        for name, body in parse_named_queries(path.read_text(encoding="utf-8")).items():
            if name in queries:
                raise ValueError(f"query {name!r} is defined in more than one file ({path.name})")
            queries[name] = body
    return queries


def query(name: str) -> str:
    """The text of the named query from ``cypher/``."""
    try:
        return _all_queries()[name]
    except KeyError:
        raise QueryNotFound(f"no Cypher query named {name!r} in {CYPHER_DIR}") from None


def schema_statements(directory: Traversable = CYPHER_DIR) -> list[str]:
    return split_statements(directory.joinpath("schema.cypher").read_text(encoding="utf-8"))


_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def combined(statements: list[tuple[str, dict[str, object]]]) -> tuple[str, dict[str, object]]:
    """Named write queries run in order as one query, each in a unit subquery.

    An article's write is about twenty statements; sent one by one, each cost a network round trip
    worth more than its own server time (bench/README.md). Statement n reads its parameters from
    one map parameter ``$sn`` (``$rows`` becomes ``$s3.rows``): Neo4j keys its plan cache on the
    parameters' types too, and an empty list or a null among twenty loose parameters made it plan
    the whole query again (700 ms) every few articles; a map is a map. Only fixed query text from
    ``cypher/`` is put together here, never a value.
    """
    params: dict[str, object] = {f"s{number}": values for number, (_, values) in enumerate(statements)}
    return _combined_text(tuple(name for name, _ in statements)), params


@lru_cache(maxsize=256)
def _combined_text(names: tuple[str, ...]) -> str:
    # Every article sends the same statements (graph/writer.py), so the text is built once.
    parts = []
    for number, name in enumerate(names):
        body = _PARAMETER.sub(rf"$s{number}.\1", query(name))
        parts.append("CALL () {\n" + body + "\n}")
    return "\n".join(parts)
