"""Every label and relationship type the queries use is declared in graph/model.py, and every one
declared is used, with the endpoints, keys and path types the model gives. No Neo4j: the queries are
read as text."""

from __future__ import annotations

import re
from functools import cache

import pytest

from graph.cypher import CYPHER_DIR, parse_named_queries
from graph.model import NODES, PATH_TYPES, RELATIONSHIPS, SECOND_LABELS, Label, Rel

_NAMES = r"[A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*"
# `x:Name`, `(:Name`, `[r:NAME`, `[:A|B`: a name right after the colon (a map's `key: value` has a space).
_COLON = re.compile(rf"(?P<before>[(\[]|\w+)\s*:(?P<names>{_NAMES})")
# A node pattern (its variable, and its label where written in it), a relationship with its type,
# and the next node.


def _node(group: str) -> str:
    return rf"\(\s*(?P<{group}_var>\w*)\s*(?::(?P<{group}>{_NAMES}))?\s*(?:\{{[^{{}}]*\}})?\s*\)"


_STEP = re.compile(_node("a") + rf"\s*(?P<left><)?-\[\s*\w*\s*:(?P<types>{_NAMES})[^\]]*\]-(?P<right>>)?\s*"
                   + "(?=" + _node("b") + ")")


def _code(text: str) -> str:
    """The query without comments and string literals, where a name may be anything."""
    lines = [re.sub(r"//.*$", "", line) for line in text.splitlines()]
    return re.sub(r"'[^']*'", "''", "\n".join(lines))


@cache
def _files() -> dict[str, str]:
    return {entry.name: _code(entry.read_text(encoding="utf-8"))
            for entry in CYPHER_DIR.iterdir() if entry.name.endswith(".cypher")}


def _names(text: str) -> list[tuple[str, str]]:
    """("label" or "type", name) of every label and relationship type the query text names."""
    out = []
    for match in _COLON.finditer(text):
        before = text[max(0, match.start() - 20):match.start()]
        if re.search(r"USING\s+INDEX\s+$", before):
            # An index hint names the label or type of a variable bound in the pattern before it.
            what = "label" if match.group("names") in set(Label) else "type"
        elif match.group("before") == "[" or before.rstrip().endswith("["):
            what = "type"
        else:
            what = "label"
        out += [(what, name) for name in match.group("names").split("|")]
    return out


@cache
def _used() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Names used as labels and as relationship types, each with the files that use it."""
    used: dict[str, dict[str, set[str]]] = {"label": {}, "type": {}}
    for file, text in _files().items():
        for what, name in _names(text):
            used[what].setdefault(name, set()).add(file)
    return used["label"], used["type"]


def test_the_parser_finds_labels_and_types_in_every_form() -> None:
    text = _code("MATCH (a:Article {id: $id})<-[:MENTIONED_IN|REPORTED_IN]-(x:Event|Signing)\n"
                 "WHERE n:Person // not (c:Commented)\n"
                 "OPTIONAL MATCH (p)-[h :HOLDS_POSITION]->(:Position) USING INDEX h:HOLDS_POSITION(article_id)\n"
                 "SET p:Entity RETURN {id: a.id, kind: 'x:Quoted', n: [(p)-[:RUNS]->(q) | q.id]}")
    assert _names(text) == [
        ("label", "Article"), ("type", "MENTIONED_IN"), ("type", "REPORTED_IN"), ("label", "Event"),
        ("label", "Signing"), ("label", "Person"), ("type", "HOLDS_POSITION"), ("label", "Position"),
        ("type", "HOLDS_POSITION"), ("label", "Entity"), ("type", "RUNS")]


def test_every_label_the_queries_use_is_declared() -> None:
    labels, _ = _used()
    declared = set(NODES) | set(SECOND_LABELS)
    undeclared = {name: sorted(files) for name, files in labels.items() if name not in declared}
    assert not undeclared, f"labels used in cypher/ but not declared in graph/model.py: {undeclared}"


def test_every_relationship_type_the_queries_use_is_declared() -> None:
    _, types = _used()
    undeclared = {name: sorted(files) for name, files in types.items() if name not in RELATIONSHIPS}
    assert not undeclared, f"relationship types used in cypher/ but not declared in graph/model.py: {undeclared}"


def test_every_declared_label_and_type_is_used_by_a_query_or_written_by_the_bulk_import_only() -> None:
    labels, types = _used()
    for label in [*NODES, *SECOND_LABELS]:
        bulk_only = label in NODES and NODES[label].bulk_only
        assert (label in labels) != bulk_only, (label, "bulk only" if bulk_only else "in no query")
    for rel, spec in RELATIONSHIPS.items():
        assert (rel in types) != spec.bulk_only, (rel, "bulk only" if spec.bulk_only else "in no query")
        assert spec.bulk or not spec.bulk_only, rel


def test_every_label_is_declared_once_as_a_node_or_a_second_label() -> None:
    assert set(NODES) | set(SECOND_LABELS) == set(Label)
    assert not set(NODES) & set(SECOND_LABELS)
    assert set(RELATIONSHIPS) == set(Rel)


def _bindings(text: str) -> dict[str, str]:
    """Variables a query gives one label (a second label aside): `o` that is a Document in one
    subquery and an Organization in the next is left out."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(rf"\b(\w+):({_NAMES})", text):
        found.setdefault(match.group(1), set()).add(match.group(2))
    out = {}
    for var, labels in found.items():
        primary = labels - set(SECOND_LABELS) or labels
        if len(primary) == 1:
            out[var] = primary.pop()
    return out


def _steps() -> list[tuple[str, str, str, str]]:
    """(start label, type, end label, query) of every directed relationship in a pattern whose two
    nodes' labels are known, written in the pattern or where the variable was bound."""
    out = []
    for name, query in _queries().items():
        text = _code(query)
        bound = _bindings(text)
        for match in _STEP.finditer(text):
            a = match.group("a") or bound.get(match.group("a_var"))
            b = match.group("b") or bound.get(match.group("b_var"))
            if not a or not b or match.group("left") == match.group("right"):
                continue
            start, end = (b, a) if match.group("left") else (a, b)
            out += [(s, t, e, name) for t in match.group("types").split("|")
                    for s in start.split("|") for e in end.split("|")]
    return out


def test_relationships_in_the_queries_join_the_labels_the_model_gives() -> None:
    steps = _steps()
    # The parser reads the queries' patterns: every type is seen between labels it can check.
    assert {t for _, t, _, _ in steps} == set(RELATIONSHIPS)
    entity = Label.ENTITY
    wrong = [(s, t, e, f) for s, t, e, f in steps if t in RELATIONSHIPS
             and not ((s == entity or s in RELATIONSHIPS[Rel(t)].start)
                      and (e == entity or e in RELATIONSHIPS[Rel(t)].end))]
    assert not wrong, wrong


def _alternation(query: str) -> set[str]:
    text = _code(_queries()[query])
    found = re.findall(rf"\[\s*\w*\s*:({_NAMES})", text)
    return {t for names in found if "|" in names for t in names.split("|")}


@cache
def _queries() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in CYPHER_DIR.iterdir():
        if entry.name.endswith(".cypher") and entry.name != "schema.cypher":
            out.update(parse_named_queries(entry.read_text(encoding="utf-8")))
    return out


@pytest.mark.parametrize("query", ["shortest_paths", "k_shortest_paths"])
def test_paths_go_through_the_model_s_path_types(query: str) -> None:
    assert _alternation(query) == set(PATH_TYPES)


def test_every_node_s_key_is_unique_in_the_schema() -> None:
    schema = _files()["schema.cypher"]
    for label, spec in NODES.items():
        pattern = rf"FOR \((\w+):{label}\) REQUIRE \1\.{spec.key} IS UNIQUE"
        assert re.search(pattern, schema), (label, spec.key)


def test_a_correction_node_holds_the_correction_s_fields_and_its_record() -> None:
    from graph.corrections import Correction

    assert set(NODES[Label.CORRECTION].prop_names()) == set(Correction.model_fields) - {"id"} | {"record"}


def test_relationship_keys_and_kinds_name_what_the_model_declares() -> None:
    for rel, spec in RELATIONSHIPS.items():
        assert set(spec.key) <= set(spec.prop_names()), rel
        assert spec.start and spec.end and spec.reads_as, rel
        assert all(label in NODES for label in (*spec.start, *spec.end)), rel
    kinds = [spec.kind for spec in NODES.values() if spec.kind]
    assert len(kinds) == len(set(kinds))


def test_the_queries_hide_exactly_the_properties_the_model_hides() -> None:
    hidden = {p.name for spec in NODES.values() if spec.entity for p in spec.properties if p.hidden}
    projections = [set(re.findall(r"(\w+): null", found))
                   for text in _files().values() for found in re.findall(r"\{\.\*, ([^}]*)\}", text)]
    nodes = [nulled for nulled in projections if nulled != {"record"}]  # a correction's record aside
    assert len(nodes) >= 8 and all(nulled == hidden for nulled in nodes), (hidden, nodes)


def test_the_api_s_kinds_are_the_model_s() -> None:
    from typing import get_args

    from graph.views import LABEL_KINDS, Kind

    assert set(get_args(Kind)) == {spec.kind for spec in NODES.values() if spec.kind} == set(LABEL_KINDS.values())
