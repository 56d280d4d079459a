"""E-paper PDFs: a two-column page typeset from a fixture (bench/pdf_pages.py) must give what its
text gives; a scan of it, read by Tesseract, most of it.

The PDFs are built here from tests/fixtures (stories of invented places), never copied from a
paper. Typesetting needs reportlab and Debian's fonts-wqy-microhei (scripts/ensure-chromium.sh);
the scan tests need Tesseract with chi_sim (scripts/ensure-ocr.sh) and skip, saying so, without it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.pdf_pages import Page, available, read_fixture, scan, typeset
from guanxi.facts import Document, to_eval_json
from loaders import ocr
from loaders.batch import Extracted, Refusal, extract_all, extract_one, gather
from loaders.layout import Glyph, lines_from_glyphs, page_text
from loaders.pdf_text import printed_label

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "articles" / "001_hequan_weekly_signing.txt"
SECOND = ROOT / "tests" / "fixtures" / "articles" / "014_hequan_weekly_entrepreneurs.txt"

needs_typesetting = pytest.mark.skipif(available() is not None, reason=f"cannot typeset PDFs: {available()}")
needs_tesseract = pytest.mark.skipif(ocr.problem() is not None, reason=f"no OCR here: {ocr.problem()}")


def extracted(path: Path) -> Document:
    result = extract_one(path)
    assert isinstance(result, Extracted), getattr(result, "reason", result)
    return result.document


def people(doc: Document) -> set[tuple[str, str]]:
    return {(art.title, p.name) for art in doc.articles for p in art.people}


def signings(doc: Document) -> list[tuple[str | None, tuple[str, ...], tuple[str, ...]]]:
    return [(s.project, tuple(s.parties), tuple(s.signers)) for art in doc.articles for s in art.signings]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if available() is not None:
        pytest.skip(f"cannot typeset PDFs: {available()}")
    return typeset(read_fixture(FIXTURE), tmp_path_factory.mktemp("pdf") / "001.pdf")


@pytest.fixture(scope="module")
def scanned(pdf: Path) -> Path:
    return scan(pdf, pdf.with_suffix(".scan.pdf"))


@needs_typesetting
def test_pdf_gives_the_text_versions_people_and_signings(pdf: Path) -> None:
    text, doc = extracted(FIXTURE), extracted(pdf)
    assert doc.read_as == "pdf"
    assert doc.publication == text.publication  # 报名, 日期, 期号 from the masthead beside the name
    assert [a.title for a in doc.articles] == [a.title for a in text.articles]  # headlines whole
    assert people(doc) == people(text)
    assert signings(doc) == signings(text)
    assert to_eval_json(doc)["articles"] == to_eval_json(text)["articles"]
    assert {a.source.pdf_page for a in doc.articles} == {1}
    assert all(a.source.ocr_confidence is None for a in doc.articles)


@needs_typesetting
def test_articles_keep_the_page_they_start_on(tmp_path: Path) -> None:
    first, second = read_fixture(FIXTURE), read_fixture(SECOND)
    # Two fixtures' stories under one masthead run onto a second page with a running header.
    two = typeset(Page(first.name, first.masthead, first.items + second.items), tmp_path / "two.pdf")
    doc = extracted(two)
    pages = [(a.source.pdf_page, a.source.page_label) for a in doc.articles]
    assert pages[0] == (1, None) and pages[-1] == (2, "第2版")
    assert [p for p, _ in pages] == sorted(p or 0 for p, _ in pages)
    # A story that runs over the page break stays one story, on the page it starts on.
    titles = [a.title for a in doc.articles]
    assert len(titles) == len(set(titles)) == len(extracted(FIXTURE).articles) + len(extracted(SECOND).articles)


@needs_typesetting
def test_a_pdfs_own_page_labels_stand_where_the_page_prints_none(tmp_path: Path) -> None:
    first, second = read_fixture(FIXTURE), read_fixture(SECOND)
    two = typeset(Page(first.name, first.masthead, first.items + second.items), tmp_path / "two.pdf",
                  label_prefix="A")
    labels = {(a.source.pdf_page, a.source.page_label) for a in extracted(two).articles}
    assert labels == {(1, "A1"), (2, "第2版")}  # page 2 prints its 版次 in the running header


@needs_typesetting
@needs_tesseract
def test_a_scan_gives_most_of_the_people(scanned: Path) -> None:
    text, doc = extracted(FIXTURE), extracted(scanned)
    assert doc.read_as == "ocr"
    names = {p.name for a in text.articles for p in a.people}
    found = {p.name for a in doc.articles for p in a.people}
    assert len(names & found) >= 0.8 * len(names), sorted(names - found)
    assert doc.publication.date == text.publication.date
    for art in doc.articles:
        assert art.source.pdf_page == 1
        assert art.source.ocr_confidence is not None and 50 < art.source.ocr_confidence <= 100


@needs_typesetting
def test_without_tesseract_a_scan_is_refused_and_the_batch_goes_on(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "problem", lambda language=ocr.LANGUAGE: "scanned page (no text layer): reading "
                        "it needs Tesseract, which is not installed; install tesseract-ocr")
    first, second = extract_all([scanned, FIXTURE])
    assert isinstance(first, Refusal) and "Tesseract" in first.reason
    assert isinstance(second, Extracted)


def test_a_file_named_pdf_that_is_none_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "page.pdf"
    fake.write_text("鹤泉周刊\n", encoding="utf-8")
    result = extract_one(fake)
    assert isinstance(result, Refusal) and "not a PDF" in result.reason
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    result = extract_one(broken)
    assert isinstance(result, Refusal) and "PDF" in result.reason


def test_folders_give_their_pdfs(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8")
    found = gather([tmp_path])
    assert [p.name for p in found.files] == ["a.pdf", "b.txt"]
    assert [p.name for p in found.skipped] == ["c.jpg"]


def test_text_files_do_not_load_pdfium() -> None:
    code = (f"import sys; from pathlib import Path; from loaders.batch import extract_one; "
            f"extract_one(Path({str(FIXTURE)!r})); print('pypdfium2' in sys.modules, 'loaders.ocr' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_printed_page_label() -> None:
    assert printed_label("鹤泉周刊 2023年3月10日 第2版\n\n正文") == "第2版"
    assert printed_label("A3版 要闻\n") == "A3版"
    assert printed_label("第11826号 今日8版\n第2版 要闻\n") == "第2版"
    assert printed_label("…项目集中开工（详见第3版）\n") is None


def _line(text: str, x: float, y: float, size: float = 10.0) -> list[Glyph]:
    return [Glyph(ch, x + i * size, y, x + (i + 1) * size, y + size * 1.2, size) for i, ch in enumerate(text)]


def test_reading_order_across_columns_under_a_spanning_headline() -> None:
    glyphs = _line("某县召开项目建设推进会议", 40, 10, 20)  # a headline across both columns
    left = ["本报讯 某日，某县召开项", "目建设推进会议。县长某某", "出席会议并讲话，要求各部"]
    right = ["门加快推进项目建设。会议", "强调，要狠抓落实，确保项目", "早日建成投产。", "（记者 某某）"]
    for n, row in enumerate(left):
        glyphs += _line(row.replace(" ", ""), 20, 50 + 15 * n)
    for n, row in enumerate(right):
        glyphs += _line(row.replace(" ", ""), 160, 50 + 15 * n)
    text = page_text(lines_from_glyphs(glyphs)).text
    # The body runs from the left column's foot into the right column's head as one paragraph.
    assert text.split("\n") == [
        "某县召开项目建设推进会议", "",
        "本报讯某日，某县召开项目建设推进会议。县长某某出席会议并讲话，要求各部门加快推进项目建设。会议"
        "强调，要狠抓落实，确保项目早日建成投产。",
        "（记者某某）", "",
    ]
