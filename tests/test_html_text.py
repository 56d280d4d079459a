"""Saved web pages read through trafilatura (loaders/html_text.py).

The pages in tests/fixtures/html are built like county sites (menus, breadcrumb, 来源/发布时间 block,
related-news list, footer with the operator and 备案 number; GBK pages with a <meta charset>) around
stories of tests/fixtures/articles, in our own words. Each page must give the facts its .txt gives.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from guanxi.facts import Document
from guanxi.ids import document_id
from loaders.decoding import decode_bytes, normalise_newlines
from loaders.html_text import is_saved_page, read_page
from loaders.pipeline import extract_file, extract_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = FIXTURES / "html"


def _text_twin(page: Path) -> Path:
    twin = FIXTURES / "articles" / f"{page.stem}.txt"
    return twin if twin.exists() else page.with_suffix(".txt")


STORY_PAGES = sorted(p for p in PAGES.glob("*.html") if _text_twin(p).exists())


def _page_text(name: str) -> str:
    return decode_bytes((PAGES / name).read_bytes())[0]


def _facts(doc: Document) -> dict[str, set[object]]:
    people = {p.name for a in doc.articles for p in a.people}
    attendance = {(e.name, at.name, frozenset(at.roles)) for a in doc.articles for e in a.events for at in e.attendees}
    signings = {(s.project, frozenset(s.parties), frozenset(s.signers)) for a in doc.articles for s in a.signings}
    bylines = {(b.name, b.role) for a in doc.articles for b in a.bylines}
    dates = {(a.title, a.date) for a in doc.articles}
    return {"people": people, "attendance": attendance, "signings": signings, "bylines": bylines, "dates": dates}


def test_every_story_page_has_its_text() -> None:
    assert len(STORY_PAGES) >= 10


@pytest.mark.parametrize("page", STORY_PAGES, ids=lambda p: p.stem)
def test_the_page_gives_the_facts_of_its_text(page: Path) -> None:
    assert read_page(decode_bytes(page.read_bytes())[0]) is not None, "read by today's cleanup, not trafilatura"
    from_page, from_text = _facts(extract_file(page)), _facts(extract_file(_text_twin(page)))
    assert from_page["people"] == from_text["people"]
    assert from_page["attendance"] == from_text["attendance"]
    assert from_page["signings"] == from_text["signings"]
    assert from_page["bylines"] == from_text["bylines"]
    assert from_page["dates"] == from_text["dates"]


def test_the_page_keeps_its_address_and_its_own_date() -> None:
    canonical = extract_file(PAGES / "019_chengyang_gov_web.html")
    assert canonical.url == "https://www.chengyang.gov.example/xwzx/zwyw/202403/t20240312_88431.html"
    assert canonical.publication.date == "2024-03-12"
    og = extract_file(PAGES / "006_web_bom_framework.html")
    assert og.url == "https://news.hequan.example/content/2023-06/02/content_21873.html"
    assert og.publication.date == "2023-06-02"  # article:published_time
    assert og.publication.name == "鹤泉区人民政府网"  # the 来源 line, not the site's og:site_name
    ld = extract_file(PAGES / "028_yunxiu_gov_web.html")
    assert ld.url is None and ld.publication.date == "2024-03-21"  # JSON-LD


def test_the_related_news_dates_are_not_the_page_date() -> None:
    # Without a date in its head or a 发布时间 line, a page has no date of its own; htmldate's search
    # of the whole page would take the oldest of the related-news list (2023-07-28).
    page = _page_text("003_web_inspection_hengrui.html")
    page = page.replace('<meta name="PubDate" content="2023-08-21 10:30">\n', "")
    page = page.replace("<span>发布时间：2023-08-21 10:30</span>", "")
    found = read_page(page)
    assert found is not None and found.date is None
    doc = extract_text(page, source="page.html")
    assert doc.publication.date is None
    assert doc.articles[0].date is None or doc.articles[0].date.endswith("-08-18")


def test_a_gbk_page_with_its_meta_charset() -> None:
    raw = (PAGES / "029_qingming_gov_gb18030.html").read_bytes()
    assert b'<meta charset="gbk">' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = extract_file(PAGES / "029_qingming_gov_gb18030.html")
    assert doc.encoding == "gb18030"
    assert doc.articles[0].title == "县委常委会召开2023年第12次会议"
    assert {"公孙立", "贺兰山", "施展", "莫小青"} <= {p.name for p in doc.articles[0].people}


def test_lines_trafilatura_leaves_out_are_put_back() -> None:
    # A caption in <figcaption>, and a credit in a block of its own under the story.
    captions = read_page(_page_text("tongxi_groundbreaking_captions.html"))
    assert captions is not None and "魏长风作为企业代表发言。（黄子衿 摄）" in captions.text.split("\n")
    credit = extract_file(PAGES / "028_yunxiu_gov_web.html")
    assert {(b.name, b.role) for b in credit.articles[0].bylines} == {("卢晓晨", "reporter"), ("晏秋", "reporter")}


def test_the_site_name_is_taken_off_a_headline_from_the_title_tag() -> None:
    page = read_page(_page_text("019_chengyang_gov_web.html"))
    assert page is not None and page.title == "澄阳县与深圳拓维新能源集团签约年产20GWh储能电池项目"


def test_an_e_paper_page_and_a_picture_page_are_read_as_before() -> None:
    epaper = _page_text("epaper_two_stories.htm")
    assert is_saved_page(epaper) and read_page(epaper) is None
    assert [a.date for a in extract_text(epaper, source="A01.htm").articles] == ["2023-08-23", "2023-08-22"]
    picture = _page_text("picture_only.html")
    assert read_page(picture) is None
    doc = extract_text(picture, source="picture.html")
    assert [(b.name, b.role) for b in doc.articles[0].bylines] == [("林子墨", "photographer")]


def test_the_document_id_is_the_whole_page_as_before() -> None:
    text = _page_text("034_shiwan_web.html")
    assert extract_text(text, source="a.html").id == document_id(normalise_newlines(text))


def test_copied_text_with_tags_is_no_saved_page() -> None:
    copied = (FIXTURES / "articles" / "003_web_inspection_hengrui.txt").read_text(encoding="utf-8")
    assert "<p>" in copied and not is_saved_page(copied)


def test_text_files_do_not_import_trafilatura() -> None:
    code = ("import sys; from pathlib import Path; from loaders.pipeline import extract_file; "
            f"extract_file(Path({str(FIXTURES / 'articles' / '003_web_inspection_hengrui.txt')!r})); "
            "print('trafilatura' in sys.modules, 'htmldate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split() == ["False", "False"]


def test_nothing_is_fetched_while_reading_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used while reading a saved page")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for page in STORY_PAGES:
        assert extract_file(page).articles
