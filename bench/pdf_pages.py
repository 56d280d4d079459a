"""Typeset a paper page of our own fixtures as an e-paper PDF, and make a scan of it.

The PDF path has to be measured on the same stories as the text path, and no real e-paper may be
copied into the repository, so the tests and `bench.pdf_quality` build their PDFs here from
tests/fixtures: the masthead across the top (the paper's name large, its date, issue and page
label beside it), the first headline across both columns as a lead story's would be, then every
story flowed through two justified columns, onto further pages with a running header when it
overflows. Headlines are set larger than the body and wrap where the column ends them; a story may
break from one column into the next mid-sentence. That is what an e-paper's text layer gives the
reader to undo.

Needs reportlab (a dev dependency) and Debian's fonts-wqy-microhei, which scripts/ensure-chromium.sh
installs; the scan needs pypdfium2, which the loader uses anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from loaders import masthead as mh
from loaders.bylines import credit_line
from loaders.cleanup import clean_line, ends_sentence
from loaders.decoding import decode_bytes, normalise_newlines
from loaders.pages import is_title_like

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT = "WenQuanYiMicroHei"
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN = 42.0
GUTTER = 20.0
BODY, CREDIT, HEADLINE, DECK, NAME, SMALL = 9.5, 9.0, 15.0, 11.0, 30.0, 8.5
LEADING = 1.5

# A headline line that ends like this goes on in the next line of the source text.
_BROKEN = re.compile(r"[暨和与與及、的在为為对對把向从從将將同跟并並或“《(（—\-:：]$")
_NO_LINE_START = set("，。、；：！？）》”’」』,.;:!?)%")
_NO_LINE_END = set("（《“‘「『(")


@dataclass
class Item:
    kind: str  # headline, deck, credit, body
    text: str


@dataclass
class Page:
    """A fixture read into what a typesetter needs."""

    name: str | None
    masthead: list[str]
    items: list[Item]


def available() -> str | None:
    """Why a PDF cannot be typeset here, or None."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return "reportlab is not installed (pip install -e '.[dev]')"
    if not FONT_FILE.is_file():
        return f"{FONT_FILE} is missing (scripts/ensure-chromium.sh installs fonts-wqy-microhei)"
    return None


def _is_masthead(line: str) -> bool:
    """A line of the masthead or of the page's furniture, as the splitter reads them."""
    if credit_line(line) is not None:
        return False
    return bool(
        mh.name_and_date(line) or mh.is_masthead_item_line(line) or mh.is_masthead_keyword_line(line)
        or mh.is_publisher_line(line) or mh.is_page_furniture(line)
        or (not is_title_like(line) and (mh.publication_name(line) or mh.is_newspaper_name(line)))
        or mh.is_newspaper_name(line) or mh.publication_name(line) == line
    )


def _headline(line: str) -> bool:
    # A clause mark puts a short line in a sentence: a paragraph the copy cut at a column's end.
    return is_title_like(line) and not re.search(r"[，,。；;]", line)


def read_page(text: str) -> Page:
    """A paper page's text (masthead, then stories) as masthead lines and typeset items."""
    lines = [clean_line(ln) for ln in normalise_newlines(text).split("\n")]
    lines = [ln for ln in lines if ln]
    start = 0
    while start < len(lines) and (_is_masthead(lines[start]) or start == 0 and mh.bulletin_name(lines[start])):
        start += 1
    head = lines[:start]
    name = next((ln for ln in head if mh.publication_name(ln) or mh.is_newspaper_name(ln) or mh.bulletin_name(ln)),
                None)
    items: list[Item] = []
    for line in lines[start:]:
        last = items[-1] if items else None
        if credit_line(line) is not None:
            items.append(Item("credit", line))
        elif _headline(line) and not (last and last.kind == "body" and not ends_sentence(last.text)):
            if last and last.kind == "headline" and _BROKEN.search(last.text):
                last.text += line  # one headline the text broke: the column will break it again
            elif last and last.kind in ("headline", "deck"):
                items.append(Item("deck", line))
            else:
                items.append(Item("headline", line))
        elif last and last.kind == "body" and not ends_sentence(last.text):
            last.text += line  # a column break in the copied text: one paragraph in print
        else:
            items.append(Item("body", line))
    return Page(name=name, masthead=[ln for ln in head if ln != name], items=items)


def read_fixture(path: Path) -> Page:
    text, _ = decode_bytes(path.read_bytes())
    return read_page(text)


class _Setter:
    def __init__(self, out: Path, page: Page, label_prefix: str | None = None) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
        self.width = pdfmetrics.stringWidth
        self.canvas = canvas.Canvas(str(out), pagesize=(PAGE_W, PAGE_H), invariant=True)
        if label_prefix is not None:  # the PDF's own page labels, as an e-paper's 'A1', 'A2'
            from reportlab.pdfbase.pdfdoc import PDFPageLabel

            self.canvas.addPageLabel(0, style=PDFPageLabel.ARABIC, prefix=label_prefix, start=1)
        self.page = page
        self.col_w = (PAGE_W - 2 * MARGIN - GUTTER) / 2
        self.number = 1
        self.col = 0
        self.top = self.y = 0.0

    def char_w(self, ch: str, size: float) -> float:
        return float(self.width(ch, FONT, size))

    def wrap(self, text: str, size: float, width: float, indent: float = 0.0) -> list[tuple[str, bool]]:
        """Lines of a paragraph, each with whether it runs the full width (and so is justified)."""
        lines: list[tuple[str, bool]] = []
        cur, used, room = "", 0.0, width - indent
        for i, ch in enumerate(text):
            w = self.char_w(ch, size)
            if cur and used + w > room and ch not in _NO_LINE_START:
                carry = ""
                while cur and cur[-1] in _NO_LINE_END:
                    carry, cur = cur[-1] + carry, cur[:-1]
                lines.append((cur, True))
                cur, used, room = carry, sum(self.char_w(c, size) for c in carry), width
            cur += ch
            used += w
            if i == len(text) - 1:
                lines.append((cur, False))
        return lines

    def draw(self, x: float, y: float, text: str, size: float, width: float | None = None) -> None:
        """A line at baseline y; stretched to ``width`` by letter spacing when given."""
        t = self.canvas.beginText(x, y)
        t.setFont(FONT, size)
        if width is not None and len(text) > 1:
            natural = sum(self.char_w(c, size) for c in text)
            t.setCharSpace(max(0.0, (width - natural) / (len(text) - 1)))
        t.textOut(text)
        self.canvas.drawText(t)

    def masthead(self) -> float:
        """The page's masthead; returns where the stories start (y of the top of the body)."""
        c = self.canvas
        top = PAGE_H - MARGIN
        if self.page.name:
            self.draw(MARGIN, top - NAME, self.page.name, NAME)
        y = top - SMALL
        for line in self.page.masthead:
            x = PAGE_W - MARGIN - sum(self.char_w(ch, SMALL) for ch in line)
            self.draw(max(x, PAGE_W / 2 + 40), y, line, SMALL)
            y -= SMALL * 1.45
        bottom = min(y + SMALL, top - NAME - 10) - 6
        c.setLineWidth(1.2)
        c.line(MARGIN, bottom, PAGE_W - MARGIN, bottom)
        return bottom - 8

    def running_header(self) -> float:
        date = next((ln for ln in self.page.masthead if re.search(r"\d{4}年\d{1,2}月\d{1,2}日", ln)), "")
        date = re.search(r"\d{4}年\d{1,2}月\d{1,2}日", date).group(0) if date else ""  # type: ignore[union-attr]
        line = "  ".join(x for x in (self.page.name or "", date, f"第{self.number}版") if x)
        top = PAGE_H - MARGIN
        self.draw(MARGIN, top - SMALL, line, SMALL)
        self.canvas.setLineWidth(0.8)
        self.canvas.line(MARGIN, top - SMALL - 5, PAGE_W - MARGIN, top - SMALL - 5)
        return top - SMALL - 14

    def new_page(self) -> None:
        self.canvas.showPage()
        self.number += 1
        self.top = self.y = self.running_header()
        self.col = 0

    def room(self, height: float) -> None:
        if self.y - height >= MARGIN:
            return
        if self.col == 0:
            self.col, self.y = 1, self.top
        else:
            self.new_page()

    def x(self) -> float:
        return MARGIN + self.col * (self.col_w + GUTTER)

    def block(self, item: Item, spanning: bool = False) -> None:
        size = {"headline": HEADLINE, "deck": DECK, "credit": CREDIT, "body": BODY}[item.kind]
        width = PAGE_W - 2 * MARGIN if spanning else self.col_w
        indent = 2 * size if item.kind == "body" else 0.0
        step = size * LEADING
        if item.kind == "headline":
            self.y -= 8
        lines = self.wrap(item.text, size, width, indent)
        for n, (text, full) in enumerate(lines):
            if not spanning:
                self.room(step)
            self.y -= step
            left = (MARGIN if spanning else self.x())
            if item.kind in ("headline", "deck"):
                line_w = sum(self.char_w(ch, size) for ch in text)
                self.draw(left + (width - line_w) / 2, self.y, text, size)
            else:
                first = indent if n == 0 else 0.0
                self.draw(left + first, self.y, text, size, width - first if full else None)
        if item.kind in ("headline", "deck"):
            self.y -= 3

    def run(self) -> None:
        self.top = self.y = self.masthead()
        items = list(self.page.items)
        # The lead story's headline and decks run across both columns.
        while items and items[0].kind in ("headline", "deck") and (
                items[0].kind == "deck" or not any(i.kind == "deck" for i in items[:0])):
            self.block(items.pop(0), spanning=True)
            if not items or items[0].kind == "headline":
                break
        self.top = self.y = self.y - 6
        for item in items:
            self.block(item)
        self.canvas.showPage()
        self.canvas.save()


def typeset(page: Page, out: Path, label_prefix: str | None = None) -> Path:
    """Write ``page`` as a PDF with a text layer at ``out``; with ``label_prefix`` its pages are
    labelled in the PDF itself ('A1', 'A2')."""
    _Setter(out, page, label_prefix).run()
    return out


def typeset_fixture(fixture: Path, out: Path) -> Path:
    return typeset(read_fixture(fixture), out)


def scan(pdf: Path, out: Path, dpi: int = 300) -> Path:
    """The same pages as a scanner would give them: each page one grey image, no text layer."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(pdf))
    target = pdfium.PdfDocument.new()
    try:
        for i in range(len(source)):
            page = source[i]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = pdfium.PdfImage.new(target)
            image.set_bitmap(bitmap)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            new = target.new_page(width, height)
            new.insert_obj(image)
            new.gen_content()
        target.save(str(out))
    finally:
        source.close()
        target.close()
    return out
