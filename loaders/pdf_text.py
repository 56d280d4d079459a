"""E-paper PDFs → Documents: the text layer where the page has one, OCR where it is a scan.

Each page is read into lines in reading order (loaders/layout.py) and the pages' texts, one after
another, go through the same splitter and fact rules as a text file: a masthead, headlines and
credits are found the same way whichever way the page came. What only a PDF knows is then put
back on each article: the page it starts on, the page's printed label (第2版, A3) and, for a
scanned page, how sure Tesseract was of its words.

pypdfium2 (PDFium, Apache-2.0/BSD) reads the text layer and renders scans for OCR: one wheel with
no Python dependencies. It is imported only when a PDF is read, so `guanxi extract` on text files
does not pay for it (bench/README.md has the figures).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from guanxi.facts import Document, Placement
from loaders.layout import Glyph, Line, PageText, lines_from_glyphs, page_text, rule

if TYPE_CHECKING:
    from loaders.facts.lexicon import Lexicon

PDF_MAGIC = b"%PDF-"
# A page whose text layer holds fewer characters than this is a scan (or a photo page): a page
# of news has hundreds; a scan may still carry a page number or a stamp as text.
MIN_TEXT_CHARS = 40
# Of a text layer's characters, at least this share must be readable (Han, Latin, digits,
# punctuation): a font without a Unicode map gives private-use or replacement characters, and the
# page is better read from its picture.
MIN_READABLE_SHARE = 0.8
_READABLE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f\x21-\x7e]")
# The printed page: '第2版', 'A3版', '03版'; not '今日8版' (how many pages the issue has) nor a
# digest's '详见第3版'.
_PAGE_LABEL = re.compile(
    r"(?<!今日)(?<!共)(?<!见)(?<!見)(第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|(?<![0-9A-Za-z第])[A-Z]?[0-9]{1,2}\s*版)"
)
_HEADER_LINES = 15  # the printed label stands in a page's header, above its stories
_PATH_OBJECT = 2  # FPDF_PAGEOBJ_PATH


class PdfError(ValueError):
    """The PDF cannot be read; the message says why in one line."""


@dataclass
class PdfPage:
    number: int  # from 1
    text: PageText
    label: str | None = None  # the printed 版次, else the PDF's own page label
    ocr: bool = False


@dataclass
class PdfPages:
    pages: list[PdfPage] = field(default_factory=list)

    @property
    def ocr(self) -> bool:
        return any(p.ocr for p in self.pages)


def is_pdf(data: bytes) -> bool:
    # The header may follow some junk (a mail gateway's prefix); readers accept it within 1 KB.
    return PDF_MAGIC in data[:1024]


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError as exc:  # declared in pyproject.toml; only a broken install lacks it
        raise PdfError(f"PDFs need pypdfium2, which is not installed ({exc})") from None
    return pypdfium2


def _page_label(pdf: Any, index: int) -> str | None:
    """The PDF's own label of a page ('A3'), where its maker set one other than the number."""
    try:
        label = (pdf.get_page_label(index) or "").strip()
    except Exception:  # a broken /PageLabels tree costs the label, not the page
        return None
    return label if label and label != str(index + 1) else None


def printed_label(text: str) -> str | None:
    """The 版次 the page prints in its header, as printed ('第2版')."""
    for line in text.split("\n")[:_HEADER_LINES]:
        found = _PAGE_LABEL.search(line)
        if found:
            return re.sub(r"\s+", "", found.group(1))
    return None


def _glyphs(page: Any, textpage: Any) -> list[Glyph]:
    import pypdfium2.raw as raw

    height = page.get_height()
    glyphs: list[Glyph] = []
    space = False
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage, i)
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if ch.isspace() or code == 0:
            space = True
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = raw.FPDFText_GetFontSize(textpage, i) or (top - bottom)
        glyphs.append(Glyph(ch, left, height - top, right, height - bottom, size, space_before=space))
        space = False
    return glyphs


def _rules(page: Any) -> list[Line]:
    """Drawn horizontal rules: they part the masthead and the stories, so they part the columns too."""
    height, width = page.get_height(), page.get_width()
    found: list[Line] = []
    for obj in page.get_objects(max_depth=1):
        if obj.type != _PATH_OBJECT:
            continue
        left, bottom, right, top = obj.get_bounds()
        if right - left >= width / 4 and top - bottom <= 3:
            found.append(rule(left, height - top, right, height - bottom))
    return found


def _readable(glyphs: list[Glyph]) -> bool:
    if len(glyphs) < MIN_TEXT_CHARS:
        return False
    good = sum(1 for g in glyphs if _READABLE.match(g.text))
    return good >= MIN_READABLE_SHARE * len(glyphs)


def read_pages(data: bytes, ocr: Callable[[Any], PageText] | None = None) -> PdfPages:
    """Every page of the PDF as text. Pages without a usable text layer go to ``ocr`` (a page →
    its text); with none given, loaders.ocr reads them. Raises PdfError, or loaders.ocr.OcrError
    when a page needs OCR that cannot be done here."""
    pdfium = _pdfium()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise PdfError("the PDF is encrypted with a password") from None
        raise PdfError(f"not a readable PDF ({message})") from None
    out = PdfPages()
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                glyphs = _glyphs(page, textpage)
            finally:
                textpage.close()
            if _readable(glyphs):
                text = page_text(lines_from_glyphs(glyphs) + _rules(page))
                scanned = False
            else:
                if ocr is None:
                    from loaders.ocr import ocr_page

                    ocr = ocr_page
                text = ocr(page)
                scanned = True
            label = printed_label(text.text) or _page_label(pdf, index)
            out.pages.append(PdfPage(index + 1, text, label, scanned))
            page.close()
    finally:
        pdf.close()
    return out


# -- articles back to their pages ------------------------------------------------------------------

_PAGE_BREAK = "\n\n\n"


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and where each of its characters stood in the original."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _starts(doc: Document, text: str) -> list[int]:
    """Where each article starts in ``text``: its headline found there, or its first words."""
    flat, where = _squeeze(text)
    starts: list[int] = []
    at = 0
    for art in doc.articles:
        found = -1
        for probe in (art.title, art.text):
            key = "".join(probe.split())[:12]
            if key:
                found = flat.find(key, at)
                if found >= 0:
                    break
        if found >= 0:
            at = found
        starts.append(where[at] if where else 0)
    return starts


def place_articles(doc: Document, pages: PdfPages, text: str) -> None:
    """Record on each article the page it starts on, that page's label and, for a scan, the mean
    confidence of the words Tesseract read for it."""
    offsets = []  # where each page starts in ``text``
    at = 0
    for page in pages.pages:
        offsets.append(at)
        at += len(page.text.text) + len(_PAGE_BREAK)
    starts = _starts(doc, text)
    ends = starts[1:] + [len(text)]
    for art, start, end in zip(doc.articles, starts, ends, strict=True):
        k = max(i for i, off in enumerate(offsets) if off <= start) if offsets else 0
        page = pages.pages[k]
        source = Placement(pdf_page=page.number, page_label=page.label)
        confidences = [
            conf
            for p, off in zip(pages.pages, offsets, strict=True)
            for s, _, confs in p.text.spans
            if start <= off + s < end
            for conf in confs
        ]
        if confidences:
            source.ocr_confidence = round(statistics.fmean(confidences), 1)
        art.source = source


def extract_pdf(data: bytes, source: str, lexicon: Lexicon | None = None,
                ocr: Callable[[Any], PageText] | None = None) -> Document:
    """A PDF's articles and their facts; raises PdfError or loaders.ocr.OcrError with the reason."""
    from loaders.pipeline import extract_text

    pages = read_pages(data, ocr)
    text = _PAGE_BREAK.join(p.text.text for p in pages.pages)
    doc = extract_text(text, source=source, encoding="pdf", lexicon=lexicon)
    doc.read_as = "ocr" if pages.ocr else "pdf"
    place_articles(doc, pages, text)
    return doc
