"""The typed rows one article's write sends (graph/rows.py): each list names a write query that
exists, every field a query reads from its rows is one the row type declares, and resolution
stands alone, without the writer it feeds."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import pytest

from graph.collect import article_rows
from graph.cypher import query
from graph.rows import ArticleRows
from guanxi.facts import Article, Attendee, Event, Person, Position, Signing

ROOT = Path(__file__).resolve().parents[1]


def _row_type(spec_name: str) -> Any:
    hint = get_type_hints(ArticleRows)[spec_name]
    listed = next(a for a in get_args(hint) if get_origin(a) is list) if get_origin(hint) is not list else hint
    return get_args(listed)[0]


@pytest.mark.parametrize("spec", fields(ArticleRows), ids=lambda spec: spec.name)
def test_each_list_s_query_reads_only_what_its_row_type_declares(spec: Any) -> None:
    row_type = _row_type(spec.name)
    declared = row_type.__required_keys__ | row_type.__optional_keys__
    read = set(re.findall(r"\brow\.(\w+)", query(spec.metadata["statement"])))
    assert read and read <= declared, (spec.name, read - declared)


def test_the_lists_run_in_the_order_their_statements_were_written() -> None:
    names = [name for name, _ in ArticleRows(resolved_people=[], resolved_entities=[]).batches()]
    assert names[:3] == ["merge_people", "merge_organizations", "merge_projects"]
    assert names[-2:] == ["resolve_people", "resolve_entities"]
    # Unresolved (the bulk import, GraphWriter.resolve False): no statement for resolution's record.
    assert [name for name, _ in ArticleRows().batches()] == names[:-2]


def test_rows_from_an_article_hold_every_fact_once() -> None:
    art = Article(
        title="签约", date="2024-03-01",
        people=[Person(name="王明", kind="official", positions=[Position(title="縣長", org="某县人民政府"),
                                                                Position(title="主任")])],
        events=[Event(name="签约仪式", attendees=[Attendee(name="王明", roles=["attended"]),
                                                  Attendee(name="王明", roles=["spoke"])])],
        signings=[Signing(project="某项目", parties=["某某公司", "某某公司"], signers=["李强"])],
    )
    rows = article_rows(art, "art-1", "2024-03-01")
    assert [p["name"] for p in rows.people] == ["王明", "李强"]
    assert [(t["title"], t["org_id"]) for t in rows.titles_in_org] == [("县长", rows.organizations[0]["id"])]
    assert [t["title"] for t in rows.titles_alone] == ["主任"]
    assert [a["roles"] for a in rows.attendance] == [["attended", "spoke"]]
    assert len(rows.parties) == 1 and len(rows.signers) == 1 and len(rows.signed) == 2
    assert {"org_id", "person_id"} == {key for row in rows.signed for key in row if key.endswith("_id")} - {
        "signing_id", "project_id"}
    assert rows.resolved_people is None  # resolution has not run


def test_resolution_imports_neither_the_writer_nor_the_bulk_import() -> None:
    code = "import sys, graph.resolution; print(sorted(m for m in sys.modules if m.startswith('graph.')))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "graph.writer" not in loaded.stdout and "graph.bulk_csv" not in loaded.stdout, loaded.stdout
