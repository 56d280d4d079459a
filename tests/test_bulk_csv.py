"""The neo4j-admin CSV files: the writer's graph model, one row per node and relationship."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.bulk_csv import BulkGraph, export_documents, import_arguments, write_csv
from guanxi.cli_bulk import app
from guanxi.facts import (
    Article,
    Attendee,
    Document,
    Event,
    Organization,
    Person,
    Position,
    Project,
    Publication,
    Signing,
)
from guanxi.ids import organization_id, person_id, project_id
from loaders.batch import Extracted, collect_files, extract_one

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def doc(source: str, text: str, article: Article) -> Document:
    return Document(id=f"doc-{source}", source=source, publication=Publication(name="某县报", date="2024-03-01"),
                    articles=[article.model_copy(update={"id": f"art-{source}", "text": text})])


def signing_article() -> Article:
    return Article(
        title="项目签约",
        people=[Person(name="王明", positions=[Position(title="县长", org="某县人民政府"),
                                               Position(title="主任")])],
        organizations=[Organization(name="某某科技有限公司", kind="company", aliases=["某某科技"])],
        projects=[Project(name="年产十万吨项目", companies=["某某科技有限公司"], place="某县")],
        events=[Event(name="签约仪式", type="signing", attendees=[
            Attendee(name="王明", roles=["attended", "spoke"]), Attendee(name="李强")])],
        signings=[Signing(project="年产十万吨项目", parties=["某县人民政府", "某某科技有限公司"],
                          signers=["王明", "李强"], sentence="双方签约。")],
    )


def test_headers_follow_the_admin_import_format(tmp_path: Path) -> None:
    _, files = export_documents([doc("a", "第一段\n第二段, \"引号\"", signing_article())], tmp_path)
    names = {p.name for p in files.nodes + files.relationships}
    assert {"nodes_person.csv", "nodes_organization.csv", "rels_attended.csv", "rels_signed.csv"} <= names
    person_header = (tmp_path / "nodes_person.csv").read_text(encoding="utf-8").splitlines()[0]
    assert person_header.startswith('"id:ID(Entity)",":LABEL"')
    assert '"aliases:string[]"' in person_header
    attended = read(tmp_path / "rels_attended.csv")
    assert set(attended[0]) >= {":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "roles:string[]"}
    assert {r[":TYPE"] for r in attended} == {"ATTENDED"}
    # Article text with newlines, commas and quotes survives the round trip.
    [article] = read(tmp_path / "nodes_article.csv")
    assert article["text:string"] == "第一段\n第二段, \"引号\""
    assert article[":LABEL"] == "Article;Entity;IndexedArticle"  # read by the text index
    assert article["index:long"] == "0"


def test_nodes_carry_the_writer_ids_labels_and_properties(tmp_path: Path) -> None:
    graph, _ = export_documents([doc("a", "", signing_article())], tmp_path)
    people = {r["id:ID(Entity)"]: r for r in read(tmp_path / "nodes_person.csv")}
    assert set(people) == {person_id("王明"), person_id("李强")}
    assert people[person_id("王明")][":LABEL"] == "Person;Entity"
    assert people[person_id("王明")]["search_key:string"] == "|王明"
    orgs = {r["id:ID(Entity)"]: r for r in read(tmp_path / "nodes_organization.csv")}
    company = orgs[organization_id("某某科技有限公司")]
    assert company["kind:string"] == "company"
    assert company["aliases:string[]"] == "某某科技"
    assert company["search_names:string[]"] == "某某科技有限公司;某某科技"
    [position] = read(tmp_path / "nodes_position.csv")
    assert position[":LABEL"] == "Position;Entity" and position["title:string"] == "主任"
    holds = read(tmp_path / "rels_holds_position.csv")
    assert {(h[":END_ID(Entity)"], h["org:string"]) for h in holds} == {
        (organization_id("某县人民政府"), "某县人民政府"), (position["id:ID(Entity)"], "")}
    [attended] = [r for r in read(tmp_path / "rels_attended.csv") if r[":START_ID(Entity)"] == person_id("王明")]
    assert attended["roles:string[]"] == "attended;spoke"
    signed = read(tmp_path / "rels_signed.csv")
    assert {r[":END_ID(Entity)"] for r in signed} == {project_id("年产十万吨项目")}
    assert len(signed) == 4  # two parties and two signers, each straight to the project
    assert graph.relationship_counts()["PARTY_TO"] == 2


def test_nodes_and_relationships_are_deduplicated_across_files(tmp_path: Path) -> None:
    first = doc("a", "", signing_article())
    second = doc("b", "", signing_article().model_copy(
        update={"organizations": [Organization(name="某某科技有限公司", kind="other", aliases=["某科技"])]}))
    graph, _ = export_documents([first, second, first], tmp_path)
    counts = graph.node_counts()
    assert counts["Document"] == 2 and counts["Article"] == 2
    assert counts["Person"] == 2  # 王明 and 李强, whatever the number of files
    assert counts["Project"] == 1
    assert counts["Event"] == 2  # events belong to their article
    mentions = [r for r in read(tmp_path / "rels_mentioned_in.csv")
                if r[":START_ID(Entity)"] == person_id("王明")]
    assert len(mentions) == 2  # one per article, not per file read
    company = {r["id:ID(Entity)"]: r for r in read(tmp_path / "nodes_organization.csv")}[
        organization_id("某某科技有限公司")]
    assert company["kind:string"] == "company"  # a later 'other' does not undo a known kind
    assert company["aliases:string[]"] == "某某科技;某科技"


def test_one_story_in_two_files_is_one_article_row_with_two_sources(tmp_path: Path) -> None:
    stories = Path(__file__).resolve().parent / "fixtures" / "stories"
    txt, html = (extract_one(stories / name) for name in ("baichuan_signing.txt", "baichuan_signing_big5.html"))
    assert isinstance(txt, Extracted) and isinstance(html, Extracted)
    for order in ([txt.document, html.document], [html.document, txt.document]):
        out = tmp_path / order[0].source
        graph, _ = export_documents(order, out)
        (article,) = read(out / "nodes_article.csv")
        sources = read(out / "rels_part_of.csv")
        assert {r[":END_ID(Entity)"] for r in sources} == {txt.document.id, html.document.id}
        assert {r[":START_ID(Entity)"] for r in sources} == {article["id:ID(Entity)"]}
        assert graph.articles == 1 and graph.documents == 2
        # One copy's facts, the simplified text's whichever file came first: one event with its four
        # attendees, one signing with its two signers.
        assert article["document_id:string"] == txt.document.id
        (event,) = read(out / "nodes_event.csv")
        (signing,) = read(out / "nodes_signing.csv")
        assert event["name:string"] == txt.document.articles[0].events[0].name
        assert len(read(out / "rels_attended.csv")) == 4
        assert len(read(out / "rels_signatory_of.csv")) == 2
        assert len(read(out / "rels_reported_in.csv")) == 2  # the event and the signing
    first, second = (tmp_path / name for name in ("baichuan_signing.txt", "baichuan_signing_big5.html"))
    for name in ("nodes_article.csv", "nodes_event.csv", "rels_attended.csv", "rels_part_of.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_same_documents_give_identical_files(tmp_path: Path) -> None:
    files, _ = collect_files([FIXTURES])
    docs = [r.document for r in map(extract_one, files[:5]) if isinstance(r, Extracted)]
    _, once = export_documents(docs, tmp_path / "once")
    _, twice = export_documents(docs + docs, tmp_path / "twice")
    for a, b in zip(once.nodes + once.relationships, twice.nodes + twice.relationships, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_array_delimiter_inside_a_name_is_refused(tmp_path: Path) -> None:
    graph = BulkGraph()
    graph.add_document(doc("a", "", Article(title="t", organizations=[
        Organization(name="甲公司", aliases=["甲;乙"])])))
    with pytest.raises(ValueError, match="delimiter"):
        write_csv(graph, tmp_path)
    other = write_csv(graph, tmp_path / "other", array_delimiter="|")
    assert "--array-delimiter=|" in import_arguments(other)
    [org] = read(tmp_path / "other" / "nodes_organization.csv")
    assert org["aliases:string[]"] == "甲;乙"


def test_import_arguments_name_every_file(tmp_path: Path) -> None:
    _, files = export_documents([doc("a", "", signing_article())], tmp_path)
    args = import_arguments(files, "neo4j")
    assert args[:4] == ["database", "import", "full", "neo4j"]
    assert sum(a.startswith("--nodes=") for a in args) == len(files.nodes)
    assert sum(a.startswith("--relationships=") for a in args) == len(files.relationships)


def test_export_csv_command(tmp_path: Path) -> None:
    files = sorted(FIXTURES.glob("*.txt"))[:3]
    result = CliRunner().invoke(app, [*map(str, files), "--out", str(tmp_path / "csv"), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    assert "database import full" in result.output
    assert (tmp_path / "csv" / "nodes_document.csv").is_file()
    assert len(read(tmp_path / "csv" / "nodes_document.csv")) == 3
