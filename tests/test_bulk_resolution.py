"""The bulk path resolves people, companies and projects over the whole archive as a transactional
load does (graph/offline.py), whatever order the files come in, and the same as a Dask job.

tests/integration/test_bulk_import.py checks the graph against a transactional load in Neo4j; these
need no database.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from bench.resolution_quality import corpus_with_truth
from graph.bulk_csv import BulkGraph, export_documents
from graph.model import Label, Rel
from graph.offline import archive_order
from guanxi.bulk_export import export_archive, export_archive_dask
from guanxi.facts import Document
from guanxi.ids import organization_id, person_id
from loaders.batch import Extracted, extract_one
from loaders.parallel import dask_available
from tests.integration.test_resolution import (
    COMPANY,
    COMPANY_SHORT,
    PROJECT,
    PROJECT_BY_COMPANY,
    all_documents,
    songhe_daily,
    yunling_weekly,
)


def folded(docs: list[Document]) -> BulkGraph:
    graph = BulkGraph()
    graph.add_documents(docs)
    graph.fold()
    return graph


def people(graph: BulkGraph, name: str) -> list[dict[str, object]]:
    return sorted((p for p in graph.nodes[Label.PERSON].values() if p["name"] == name), key=lambda p: str(p.get("scope")))


def events_of(graph: BulkGraph, person: str) -> list[str]:
    events = graph.nodes[Label.EVENT]
    return sorted(str(events[end]["name"]) for start, end, *_ in graph.rels[Rel.ATTENDED] if start == person)


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


# --- the resolution cases ----------------------------------------------------------------------


def test_one_person_across_articles_of_one_county_and_line_of_work() -> None:
    graph = folded(all_documents())
    zhang = next(p for p in people(graph, "张立新") if p["scope"] == "云岭")
    assert zhang["id"] == person_id("张立新")  # the first keeps the id of the name alone
    assert (zhang["sector"], zhang["first_seen"], zhang["last_seen"]) == ("official", "2023-02-27", "2023-06-20")
    # Named by title in his weekly, by his title in the neighbour's daily, as a bare attendee later.
    assert events_of(graph, str(zhang["id"])) == sorted(["智能割草机项目签约仪式", "安全生产调研", "云岭区党政代表团考察",
                                                        "企业家座谈会", "防汛工作检查"])
    reasons = [r["resolution"] for (start, _), r in graph.rels[Rel.MENTIONED_IN].items() if start == zhang["id"]]
    assert reasons[:2] == ["new", "same name, same place and line of work"]


def test_the_same_name_in_two_counties_is_two_people() -> None:
    graph = folded(all_documents())
    assert [(p["sector"], p["scope"]) for p in people(graph, "张立新")] == [("official", "云岭"), ("official", "松河")]
    songhe = people(graph, "张立新")[1]
    assert songhe["id"] != person_id("张立新")
    assert events_of(graph, str(songhe["id"])) == ["松河县招商推介会"]
    # An official and an executive with one name in one county are two people as well.
    assert sorted(str(p["sector"]) for p in people(graph, "王海")) == ["executive", "official"]


def test_a_company_short_form_joins_its_legal_name() -> None:
    graph = folded(all_documents())
    companies = [o for o in graph.nodes[Label.ORGANIZATION].values()
                 if "晨光" in o["name"] or any("晨光" in a for a in o["aliases"])]
    assert [(c["id"], c["name"]) for c in companies] == [(organization_id(COMPANY), COMPANY)]
    assert {COMPANY_SHORT, "晨光"} <= set(companies[0]["aliases"])
    # Its chairman is one person, scoped by the company, from both counties' papers.
    (li,) = people(graph, "李晓")
    assert li["scope"] == organization_id(COMPANY)
    # And the project named by capacity in one paper and after the company in the other is one.
    assert [(p["name"], p["aliases"]) for p in graph.nodes[Label.PROJECT].values()] == [
        (PROJECT, [PROJECT_BY_COMPANY])]


def test_without_resolution_ids_come_from_names_alone() -> None:
    graph = BulkGraph(resolve=False)
    graph.add_documents(all_documents())
    graph.fold()
    assert len(people(graph, "张立新")) == 1 and graph.node_counts()[Label.ORGANIZATION] == 6
    assert all("resolution" not in r for r in graph.rels[Rel.MENTIONED_IN].values())


def test_documents_are_folded_in_date_order_whatever_order_they_come_in() -> None:
    # The neighbour's daily is dated later: its 张立新 is the homonym, even when it is added first.
    first, second = folded([songhe_daily(), yunling_weekly()]), folded([yunling_weekly(), songhe_daily()])
    assert first.nodes == second.nodes and first.rels == second.rels
    assert people(first, "张立新")[0]["id"] == person_id("张立新")
    assert archive_order([songhe_daily(), yunling_weekly()])[0].source == yunling_weekly().source


def test_a_document_added_after_the_fold_is_refused() -> None:
    graph = folded([yunling_weekly()])
    with pytest.raises(RuntimeError, match="already folded"):
        graph.add_document(songhe_daily())


# --- order and Dask on a generated archive ----------------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Generated news with planted homonyms, traditional-script names and promotions
    (bench/resolution_quality.py), as files."""
    folder = tmp_path_factory.mktemp("archive")
    docs, _, _ = corpus_with_truth(30, 11)
    paths = []
    for doc in docs:
        path = folder / doc.name
        path.write_bytes(doc.text.encode(doc.encoding))
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def extracted(archive: list[Path]) -> list[Document]:
    results = [extract_one(p) for p in archive]
    return [r.document for r in results if isinstance(r, Extracted)]


@pytest.fixture(scope="module")
def reference(extracted: list[Document], tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference")
    graph, _ = export_documents(extracted, out)
    # The corpus exercises what order could change: homonyms kept apart, short forms joined.
    names = [p["name"] for p in graph.nodes[Label.PERSON].values()]
    assert len(names) > len(set(names))
    reasons = {r.get("resolution") for r in graph.rels[Rel.MENTIONED_IN].values()}
    assert {"new: kept apart from a homonym", "short form of the company's full name"} <= reasons
    return file_bytes(out)


def test_shuffled_documents_give_the_same_files(extracted: list[Document], reference: dict[str, bytes],
                                                tmp_path: Path) -> None:
    for seed in range(3):
        docs = list(extracted)
        random.Random(seed).shuffle(docs)
        export_documents(docs, tmp_path / str(seed))
        assert file_bytes(tmp_path / str(seed)) == reference


def test_shuffled_files_in_worker_processes_give_the_same_files(archive: list[Path], reference: dict[str, bytes],
                                                                tmp_path: Path) -> None:
    paths = list(reversed(archive))
    done = export_archive(paths, tmp_path / "csv", workers=2)
    assert file_bytes(tmp_path / "csv") == reference
    assert done.documents == len(archive) and not done.refused


@pytest.mark.skipif(not dask_available(), reason="dask is not installed (pip install 'guanxi[distributed]')")
def test_a_dask_job_gives_the_files_of_one_process(archive: list[Path], reference: dict[str, bytes],
                                                   tmp_path: Path) -> None:
    paths = list(archive)
    random.Random(5).shuffle(paths)
    # Worker processes have other hash seeds than this one: set order must decide nothing.
    done = export_archive_dask(paths, tmp_path / "csv", npartitions=3, scheduler="processes")
    assert file_bytes(tmp_path / "csv") == reference
    assert done.documents == len(archive)
    with (tmp_path / "csv" / "nodes_person.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == done.nodes["Person"]
