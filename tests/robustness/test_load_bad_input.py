"""`guanxi load` over bad input: every file ends loaded or refused with a one-line reason, the exit
code says whether anything was refused, and one bad file never affects the rest of the batch."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from guanxi import cli
from guanxi.settings import Settings
from loaders.batch import MAX_LINE_CHARS, Extracted, Refusal, extract_one, gather

from .conftest import FIXTURE_ARTICLES, count_graph

SIGNING = (FIXTURE_ARTICLES / "013_web_township_signing.txt").read_text(encoding="utf-8")
TRADITIONAL = (FIXTURE_ARTICLES / "005_traditional_reprint.txt").read_text(encoding="utf-8")


def encoded_variants(folder: Path) -> dict[str, Path]:
    """The same article in every encoding a newsroom sends, plus broken and hostile files."""
    cases: dict[str, bytes] = {
        "utf8.txt": SIGNING.encode("utf-8"),
        "utf8_bom.txt": codecs.BOM_UTF8 + SIGNING.encode("utf-8"),
        "gb18030.txt": SIGNING.encode("gb18030"),
        "gbk.txt": SIGNING.encode("gbk"),
        "big5.txt": TRADITIONAL.encode("big5", errors="strict"),
        "utf16le_bom.txt": codecs.BOM_UTF16_LE + SIGNING.encode("utf-16-le"),
        "utf16be_bom.txt": codecs.BOM_UTF16_BE + SIGNING.encode("utf-16-be"),
        "utf16le_no_bom.txt": SIGNING.encode("utf-16-le"),
        "utf16be_no_bom.txt": SIGNING.encode("utf-16-be"),
        "page.html": (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title>"
            "<script>var a = '<p>not text</p>';</script><style>p{color:red}</style></head><body>"
            + "".join(f"<p>{line}</p>" for line in SIGNING.splitlines())
            + "</body></html>"
        ).encode("utf-8"),
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "binary.txt": bytes(range(256)) * 64,
        "png_named_txt.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(4096),
        "ascii_only.txt": b"Quarterly report, nothing in Chinese here.\n" * 20,
        "long_line.txt": ("长" * (MAX_LINE_CHARS + 10)).encode("utf-8"),
        "bad_bom.txt": codecs.BOM_UTF8 + b"\xff\xfe\xfa broken",
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, data in cases.items():
        (folder / name).write_bytes(data)
        paths[name] = folder / name
    return paths


LOADABLE = {"utf8.txt", "utf8_bom.txt", "gb18030.txt", "gbk.txt", "big5.txt", "utf16le_bom.txt",
            "utf16be_bom.txt", "utf16le_no_bom.txt", "utf16be_no_bom.txt", "page.html"}


def test_every_encoding_is_read_and_every_broken_file_refused_with_a_reason(tmp_path: Path) -> None:
    paths = encoded_variants(tmp_path)
    outcomes = {name: extract_one(path) for name, path in paths.items()}
    for name, outcome in outcomes.items():
        if name in LOADABLE:
            assert isinstance(outcome, Extracted), f"{name}: {getattr(outcome, 'reason', '')}"
            assert outcome.document.articles
        else:
            assert isinstance(outcome, Refusal), name
            assert outcome.reason and "\n" not in outcome.reason
    # The same article, whatever its encoding, reads as the same people.
    people = {name: {p.name for a in o.document.articles for p in a.people}
              for name, o in outcomes.items() if isinstance(o, Extracted) and name != "big5.txt"}
    assert len({frozenset(v) for v in people.values()}) == 1, people
    html_text = " ".join(a.text or "" for a in outcomes["page.html"].document.articles)  # type: ignore[union-attr]
    assert "<p>" not in html_text and "color:red" not in html_text and "not text" not in html_text


def test_too_large_and_very_long_lines_are_refused_before_reading_the_facts(tmp_path: Path) -> None:
    # The 50 MB file is refused by its size alone: extraction runs at about 3 s per MB.
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    refusal = extract_one(big)
    assert isinstance(refusal, Refusal) and refusal.reason.startswith("too large (52.4 MB")
    # A file under the limit with a long (but not absurd) line is still an article.
    one_line = tmp_path / "one_line.txt"
    one_line.write_text("标题：区委书记出席签约仪式\n" + SIGNING.replace("\n", "") * 20, encoding="utf-8")
    assert isinstance(extract_one(one_line), Extracted)


def test_symlinks_to_files_folders_loops_and_nowhere(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(SIGNING, encoding="utf-8")
    (real / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (real / ".hidden.txt").write_text(SIGNING, encoding="utf-8")
    top = tmp_path / "top"
    top.mkdir()
    (top / "link_to_file.txt").symlink_to(real / "a.txt")
    (top / "link_to_folder").symlink_to(real, target_is_directory=True)
    (top / "loop").symlink_to(top, target_is_directory=True)
    (top / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (top / "self_loop.txt").symlink_to(top / "self_loop.txt")
    found = gather([top, real / "a.txt"])
    # One real file, reached three ways, is loaded once.
    assert found.files == [top / "link_to_file.txt"]
    reasons = {p.name: r for p, r in ((x.path, x.reason) for x in found.refused)}
    assert reasons == {
        "broken.txt": "broken symbolic link",
        "loop": f"folder already visited (symbolic link loop to {top.resolve()})",
        "self_loop.txt": "symbolic link loop",
    }
    assert found.skipped == [top / "link_to_folder" / "photo.jpg"]


def test_unreadable_files_and_folders_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SIGNING, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(SIGNING, encoding="utf-8")
    locked_dir = tmp_path / "locked_dir"
    locked_dir.mkdir()
    if os.geteuid() == 0:
        # root reads through chmod 000, so the kernel's refusal is simulated at the read.
        real_read = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_read(self)

        real_scandir = os.scandir

        def scandir(path: object) -> object:
            if str(path).endswith("locked_dir"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        monkeypatch.setattr("loaders.batch.os.scandir", scandir)
    else:
        locked.chmod(0)
        locked_dir.chmod(0)
    try:
        found = gather([tmp_path])
        assert Refusal(locked_dir, "unreadable folder: Permission denied") in found.refused
        outcomes = {p.name: extract_one(p) for p in found.files}
    finally:
        locked.chmod(0o644)
        locked_dir.chmod(0o755)
    assert outcomes["locked.txt"] == Refusal(locked, "unreadable: Permission denied")
    assert isinstance(outcomes["good.txt"], Extracted)


# --- through the console command, into Neo4j ---------------------------------------------------------

ONE_LINE = re.compile(r"^refused (?P<path>\S+): (?P<reason>.+)$", re.MULTILINE)


def run_load(settings: Settings, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(cli.app, ["load", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.integration
def test_a_mixed_folder_loads_the_good_files_and_lists_each_refusal_on_one_line(
    tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mixed"
    encoded_variants(folder)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "broken_link.txt").symlink_to(tmp_path / "gone.txt")
    big = folder / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    code, output = run_load(neo4j_settings, monkeypatch, str(folder))

    assert code == 1
    refused = {Path(m["path"]).name: m["reason"] for m in ONE_LINE.finditer(output)}
    assert set(refused) == {"empty.txt", "whitespace.txt", "binary.txt", "png_named_txt.txt", "ascii_only.txt",
                            "long_line.txt", "bad_bom.txt", "broken_link.txt", "huge.txt"}
    assert refused["huge.txt"].startswith("too large")
    assert refused["broken_link.txt"] == "broken symbolic link"
    assert "skipped" in output and "notes.docx" in output
    assert "Traceback" not in output
    # Every loadable file was written; one text in nine encodings is one document, not nine.
    assert re.search(r"documents\s*│\s*10\s*│", output), output
    docs, _, _ = empty_db.execute_query("MATCH (d:Document) RETURN d.id AS id")
    assert len(docs) == 3  # the article (9 encodings), its HTML page, the traditional-script reprint
    articles, _, _ = empty_db.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert articles[0]["n"] > 0


@pytest.mark.integration
def test_two_thousand_files_are_walked_and_refused_quickly_without_losing_the_good_ones(
    tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    for group in range(20):
        sub = folder / f"group{group:02d}"
        sub.mkdir(parents=True)
        for index in range(100):
            (sub / f"{index:03d}.txt").write_bytes(b"" if index % 2 else b"untitled draft\n")
    (folder / "group07" / "050_real.txt").write_text(SIGNING, encoding="utf-8")

    code, output = run_load(neo4j_settings, monkeypatch, str(folder))

    assert code == 1
    assert len(ONE_LINE.findall(output)) == 2000
    docs, _, _ = empty_db.execute_query("MATCH (d:Document) RETURN d.source AS source")
    assert [r["source"] for r in docs] == ["050_real.txt"]


def fixture_folder(folder: Path, names: list[str]) -> Path:
    """A folder holding copies of the named fixture articles."""
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((FIXTURE_ARTICLES / name).read_bytes())
    return folder


@pytest.mark.integration
def test_a_clean_folder_exits_zero_and_nothing_else_changes_on_a_second_run(
    tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fixture_folder(tmp_path / "clean", ["001_hequan_weekly_signing.txt", "004_tongxi_daily_gb18030.txt",
                                                 "006_web_bom_framework.txt"])
    assert run_load(neo4j_settings, monkeypatch, str(folder))[0] == 0
    first = count_graph(empty_db, neo4j_settings.neo4j_database)
    assert run_load(neo4j_settings, monkeypatch, str(folder))[0] == 0
    assert count_graph(empty_db, neo4j_settings.neo4j_database) == first


def _stored(driver: neo4j.Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article)-[:PART_OF]->(d:Document) RETURN count(DISTINCT d) AS docs, count(a) AS arts",
        database_=database)
    return records[0]["docs"], records[0]["arts"]


@pytest.mark.integration
def test_several_writers_store_every_article_once_and_a_second_run_adds_nothing(
    tmp_path: Path, empty_db: neo4j.Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fixture_folder(tmp_path / "archive", sorted(p.name for p in FIXTURE_ARTICLES.iterdir())[:12])
    database = neo4j_settings.neo4j_database

    code, output = run_load(neo4j_settings, monkeypatch, "--writers", "3", str(folder))
    assert code == 0, output
    concurrent, stored = count_graph(empty_db, database), _stored(empty_db, database)
    assert run_load(neo4j_settings, monkeypatch, "--writers", "3", str(folder))[0] == 0
    assert count_graph(empty_db, database) == concurrent

    # The same documents and articles as one writer in file order. (Entity resolution may decide
    # differently when two articles about a new person are written at the same moment, so node
    # counts are not compared: README, "guanxi load --writers".)
    empty_db.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    assert run_load(neo4j_settings, monkeypatch, str(folder))[0] == 0
    assert _stored(empty_db, database) == stored
    assert stored[0] == 12
