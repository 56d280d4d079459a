"""A saved web page → the text the page splitter reads, with the page's own date and address.

Our markup cleanup (cleanup.strip_markup) keeps every line of a page and leaves the splitter to
throw the site away line by line: menus, breadcrumbs, related-news lists, footers. A maintained
extractor (trafilatura) finds the story's block instead, and htmldate the date the page gives in its
head. Their text is handed to the same splitter and fact rules as a .txt, written the way a copied
page reads: the site's breadcrumb, the headline, a 发布时间 line, the page's own 来源/作者 lines and
credits, then the story. The splitter thus still reads the credits, the date and the site's home.

Both libraries are imported on the first saved page only: a batch of .txt never pays for them.
Nothing here fetches anything; the page is read as it was saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from loaders import masthead as mh
from loaders.bylines import credit_line
from loaders.cleanup import clean_line, strip_markup
from loaders.decoding import normalise_newlines

# A whole saved page, not text with a few tags in it (copied pages keep '<p>' and '&nbsp;', and
# today's cleanup reads those well).
_SAVED_PAGE = re.compile(r"<\s*(?:html|body)\b|<!doctype\s+html", re.IGNORECASE)
_HEAD_END = re.compile(r"</\s*head\s*>", re.IGNORECASE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"\s+")
# A story shorter than a two-sentence brief is not what the page is about (an e-paper's page index,
# a picture page, a page of links): today's cleanup reads such pages as they are.
MIN_STORY_HAN = 60
# The story trafilatura chose must hold most of the page's sentences. An e-paper page of several
# stories, or a page it misreads, leaves prose behind; today's cleanup keeps it all.
MIN_PROSE_SHARE = 0.6
# Lines of the page above the story that may be its breadcrumb, 来源/发布时间 lines or credits.
_HEADER_LINES = 40
_TRAILER_LINES = 8


# Compared on tests/fixtures/html (python -m bench.html_text --options). Layout tables, still common on
# county sites, come out with all their paragraphs run into one cell when tables are included, so
# they are not; the rows of a table inside the story are put back from the page instead (_restore).
# favor_recall keeps more of the short lines around the story (来源 lines, credits, captions).
OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_recall": True,
    "deduplicate": False,
}


@dataclass(frozen=True)
class WebPage:
    text: str  # what the splitter reads
    title: str | None
    date: str | None  # ISO date from the page's head (meta tags, JSON-LD, the address's date)
    author: str | None
    url: str | None  # canonical link or og:url


def is_saved_page(text: str) -> bool:
    return bool(_SAVED_PAGE.search(text))


def _han(text: str) -> int:
    return len(_HAN.findall(text))


def _lines(text: str) -> list[str]:
    return [line for raw in text.split("\n") if (line := clean_line(raw))]


def _head_date(html: str, url: str | None) -> str | None:
    """The date the page's head gives (PubDate, article:published_time, JSON-LD, a dated address).

    htmldate's search of the whole page is not used: on a county page it finds the dates of the
    related-news list when the story's own date is not in the head, and then prefers the oldest."""
    from htmldate import find_date

    end = _HEAD_END.search(html)
    if end is None:
        return None
    head = html[: end.end()] + "<body></body></html>"
    try:
        return find_date(head, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # a date is a bonus; a page whose head trips the parser still has its story
        return None


def _find(page_lines: list[str], line: str, start: int = 0) -> int | None:
    key = line[:20]
    return next((i for i in range(start, len(page_lines)) if key and key in page_lines[i]), None)


def _page_header(page_lines: list[str], end: int, title: str | None) -> tuple[str | None, list[str]]:
    """The page's breadcrumb and the 来源/发布时间/作者 and credit lines above its story."""
    crumb = None
    kept: list[str] = []
    for line in page_lines[max(0, end - _HEADER_LINES) : end]:
        if crumb is None and mh.is_breadcrumb(line) and line != title:
            crumb = line
        elif (mh.is_meta_line(line) or credit_line(line) is not None) and line not in kept:
            kept.append(line)
    return crumb, kept


def _same(a: str, b: str) -> bool:
    a, b = _SPACE.sub("", a), _SPACE.sub("", b)
    short, long = sorted((a, b), key=len)
    # trafilatura and our cleanup break a paragraph at a <br> differently; a headline the lead
    # repeats ('…会议召开' / '…会议召开。会议要求…') is still a line of its own.
    return a == b or (len(short) >= 20 and long.startswith(short))


def _restore(body_lines: list[str], span: list[str]) -> list[str]:
    """The story with the lines the page has between its first and last sentence that trafilatura
    left out (a caption in <figcaption>, a table's rows, a credit in a block of its own), each put
    back after the line it follows on the page. The splitter reads them as it reads a copied page."""
    out = list(body_lines)
    at = -1
    for line in span:
        match = next((i for i in range(max(at, 0), len(out)) if _same(line, out[i])), None)
        if match is None:
            match = next((i for i in range(len(out)) if _same(line, out[i])), None)
        if match is not None:
            at = max(at, match)
            continue
        at += 1
        out.insert(at, line)
    return out


def _trailing_credits(page_lines: list[str], last: int | None) -> list[str]:
    """Credits the page sets apart below the story ('(记者 某某 通讯员 某某)', '作者：某某' in a block
    of its own), which trafilatura leaves out with the editor's line and the share buttons."""
    if last is None:
        return []
    return [line for line in page_lines[last + 1 : last + 1 + _TRAILER_LINES]
            if credit_line(line) is not None or (mh.is_meta_line(line) and any(mh.author_value(line)))]


_SITE_TAIL = re.compile(r"^\s*(?:[-_|｜—–·]+|\s)")


def _headline(title: str | None, page_lines: list[str]) -> str | None:
    """trafilatura's title, less the site's name where it came from <title> ('headline-某某县人民政府'):
    the page's own headline line is the longest line that the title starts with."""
    if not title:
        return None
    heads = [line for line in page_lines
             if len(line) >= 6 and line != title and title.startswith(line) and _SITE_TAIL.match(title[len(line):])]
    return max(heads, key=len) if heads else title


def read_page(html: str) -> WebPage | None:
    """The page as the splitter should read it, or None where trafilatura finds no story worth it
    (the caller then reads the page with today's cleanup)."""
    import trafilatura

    html = normalise_newlines(html)
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, **OPTIONS)
    except Exception:  # a page lxml cannot take is still read as text, as before
        return None
    text, title, url, author = (getattr(found, name, None) or None for name in ("text", "title", "url", "author"))
    body_lines = _lines(text or "")
    page_lines = _lines(strip_markup(html))
    prose = sum(_han(line) for line in page_lines if "。" in line)
    kept = sum(_han(line) for line in body_lines if "。" in line)
    if kept < MIN_STORY_HAN or kept < MIN_PROSE_SHARE * prose:
        return None
    if sum(1 for line in body_lines if mh.has_news_prefix(line)) >= 2:
        return None  # several stories opening '本报讯…': an e-paper's page, which the splitter reads whole

    title = _headline(clean_line(title or "") or None, page_lines)
    if title in body_lines[:_HEADER_LINES]:
        # favor_recall may take the page's header (breadcrumb, headline, 来源 line) into the story.
        body_lines = body_lines[body_lines.index(title) + 1 :]
    date = _head_date(html, url)
    first = next((line for line in body_lines if "。" in line), body_lines[0] if body_lines else "")
    last = next((line for line in reversed(body_lines) if "。" in line), first)
    start = _find(page_lines, first)
    end = _find(page_lines, last, start or 0)
    if start is not None and end is not None:
        body_lines = _restore(body_lines, page_lines[start : end + 1])
    crumb, header = _page_header(page_lines, start if start is not None else _HEADER_LINES, title)
    header = [line for line in header if line not in body_lines]
    credits = [line for line in _trailing_credits(page_lines, end) if line not in body_lines]
    if credits:
        # Right under the story: the splitter stops at the editor's line and the share buttons.
        cut = body_lines.index(last) + 1 if last in body_lines else len(body_lines)
        body_lines[cut:cut] = credits

    lines = [crumb] if crumb else []
    if title:
        lines.append(title)
    if date:
        lines.append(f"发布时间：{date}")
    lines += header
    author = clean_line(author or "") or None
    if author and not any(author in line for line in page_lines):
        # Only the head names the writer. A name the page shows elsewhere is already read from its
        # line there, or is no writer's: heads of county pages often give the editor (责任编辑) or
        # the office that sent the story as their author.
        lines.append(f"作者：{author}")
    lines += body_lines
    return WebPage(text="\n".join(lines) + "\n", title=title, date=date, author=author, url=url)
