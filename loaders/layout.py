"""Positioned text of one printed page → its lines in reading order, as plain text.

Both ways of reading an e-paper page end here: the PDF's text layer (loaders/pdf_text.py) gives
characters with their boxes and font sizes, Tesseract (loaders/ocr.py) characters with rough boxes
in the lines it found. What the page splitter (loaders/pages.py) needs from either is what a person copying
the page would type: the masthead first, then each story's headline whole on one line, its body as
paragraphs, column after column.

Reading order is found by cutting the page (an XY-cut): where a clear vertical gutter runs the
whole height, the columns are read left to right; where only a few lines cross the gutter (a
headline or a rule across both columns), those lines cut the page into horizontal zones, each read
column by column. Coordinates here run top-down, in points.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

# A gap wider than this many ems splits a row into two lines (the gutter between columns) unless
# the row's own letter spacing is that wide (a justified line of few characters).
SPLIT_GAP = 1.0
# Lines within this share of the smaller size of each other's centre share a row.
ROW_TOLERANCE = 0.35
# A gutter crossed by at most this share of the lines beside it is still a gutter: the crossing
# lines span the columns (a lead headline, a rule).
SPANNING_SHARE = 0.34
# A gutter that some lines cross is at most this many times the narrowest gutter (~0.9 em) wide.
MAX_SPANNED_GUTTER = 4.5
# A headline is set this much larger than the page's body text.
HEADLINE_RATIO = 1.15
_SENTENCE_END = re.compile(r"[。！？!?…”」』)）]$")


@dataclass
class Glyph:
    """A character and its box, from the text layer or from Tesseract."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size, or (OCR) the line's type size
    space_before: bool = False  # the text layer put a space in front of it
    conf: float | None = None  # Tesseract's confidence (0-100) in the word this character begins

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    glyphs: list[Glyph]
    rule: bool = False  # a drawn horizontal rule: it cuts the page but says nothing
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = _join(self.glyphs)

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def size(self) -> float:
        return statistics.median(g.size for g in self.glyphs)

    @property
    def confidences(self) -> list[float]:
        return [g.conf for g in self.glyphs if g.conf is not None]


def rule(x0: float, top: float, x1: float, bottom: float) -> Line:
    return Line([Glyph("", x0, top, x1, bottom, size=0.0)], rule=True)


def _join(glyphs: Sequence[Glyph]) -> str:
    return "".join((" " if g.space_before and k else "") + g.text for k, g in enumerate(glyphs))


def _split_row(row: list[Glyph], split_gap: float = SPLIT_GAP) -> list[list[Glyph]]:
    row.sort(key=lambda g: g.x0)
    gaps = [b.x0 - a.x1 for a, b in zip(row, row[1:], strict=False)]
    usual = statistics.median(gaps) if gaps else 0.0
    pieces = [[row[0]]]
    for gap, glyph in zip(gaps, row[1:], strict=True):
        size = min(glyph.size, pieces[-1][-1].size)
        if gap > max(split_gap * size, 3 * usual + 0.2 * size):
            pieces.append([glyph])
        else:
            pieces[-1].append(glyph)
    return pieces


def lines_from_glyphs(glyphs: Iterable[Glyph]) -> list[Line]:
    """Characters → lines, left to right: a character goes on the line that ends just before it at
    its height and size. A gap wider than the line's own letter spacing (a gutter) ends a line, so
    two columns' lines at one height stay apart."""
    done: list[list[Glyph]] = []
    open_: list[list[Glyph]] = []
    gaps: list[list[float]] = []
    for glyph in sorted((g for g in glyphs if g.text.strip()), key=lambda g: g.x0):
        best = -1
        best_dy = 0.0
        keep_lines: list[int] = []
        for k, line in enumerate(open_):
            last = line[-1]
            gap = glyph.x0 - last.x1
            usual = statistics.median(gaps[k]) if gaps[k] else 0.0
            limit = max(SPLIT_GAP * last.size, 3 * usual + 0.2 * last.size)
            if gap > limit:
                continue  # this line has ended: nothing further right joins it
            keep_lines.append(k)
            dy = abs(glyph.yc - last.yc)
            if gap >= -0.3 * last.size and dy <= ROW_TOLERANCE * min(glyph.size, last.size) \
                    and 0.85 <= glyph.size / last.size <= 1.18 and (best < 0 or dy < best_dy):
                best, best_dy = k, dy
        if best >= 0:
            gaps[best].append(glyph.x0 - open_[best][-1].x1)
            open_[best].append(glyph)
        done.extend(line for k, line in enumerate(open_) if k not in keep_lines and k != best)
        kept = [k for k in range(len(open_)) if k in keep_lines or k == best]
        open_ = [open_[k] for k in kept]
        gaps = [gaps[k] for k in kept]
        if best < 0:
            open_.append([glyph])
            gaps.append([])
    done.extend(open_)
    return [Line(line) for line in done]


def split_wide_line(line: Line, split_gap: float = SPLIT_GAP) -> list[Line]:
    """An OCR line that runs across a gutter (a gap of ``split_gap`` ems), as the lines it holds."""
    return [Line(piece) for piece in _split_row(list(line.glyphs), split_gap)]


# -- reading order ---------------------------------------------------------------------------------


def _coverage_gaps(lines: Sequence[Line], min_width: float, spanning: bool) -> list[tuple[float, float]]:
    """Vertical gutters: x-ranges no line covers or, with ``spanning``, that few lines cover next to
    the columns on either side (the lines across them are a spanning headline's, a rule's)."""
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    if right - left < 3 * min_width:
        return []
    step = max(min_width / 4, 0.5)
    n = int((right - left) / step) + 1
    cover = [0] * n
    for ln in lines:
        for i in range(int((ln.x0 - left) / step), min(n, int((ln.x1 - left) / step) + 1)):
            cover[i] += 1
    # The fullest column to each side: a short column beside a long one still has its gutter.
    peak_left = list(accumulate(cover, max))
    peak_right = list(accumulate(reversed(cover), max))[::-1]

    def low(i: int) -> bool:
        if spanning:
            return cover[i] <= SPANNING_SHARE * min(peak_left[i], peak_right[i])
        return cover[i] == 0

    gutters: list[tuple[float, float]] = []
    i = 1
    while i < n - 1:
        if not low(i):
            i += 1
            continue
        j = i
        while j < n - 1 and low(j):
            j += 1
        # A gutter that lines cross is a column's width apart at most a few ems: a wide sparse run
        # is a short column's empty foot (or a masthead's gap), which a line across is no headline of.
        if j < n - 1 and min_width <= (j - i) * step <= (MAX_SPANNED_GUTTER * min_width if spanning else right):
            gutters.append((left + i * step, left + j * step))
        i = j
    return gutters


def _body_size(lines: Sequence[Line]) -> float:
    sized = [(ln.size, len(ln.text)) for ln in lines if not ln.rule and ln.text]
    if not sized:
        return 10.0
    weights: dict[float, int] = {}
    for size, n in sized:
        weights[round(size, 1)] = weights.get(round(size, 1), 0) + n
    return max(weights, key=lambda s: weights[s])


def _by_column(lines: Sequence[Line], gutters: Sequence[tuple[float, float]]) -> list[list[Line]]:
    columns: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
    for ln in lines:
        centre = (ln.x0 + ln.x1) / 2
        columns[sum(1 for a, _ in gutters if centre > a)].append(ln)
    return [c for c in columns if c]


def _crosses(line: Line, gutters: Sequence[tuple[float, float]]) -> bool:
    return any(line.x0 < a and line.x1 > b for a, b in gutters)


def _rows(lines: Sequence[Line]) -> list[Line]:
    """Lines of one column in order: by row, then left to right within a row."""
    ordered: list[Line] = []
    for ln in sorted(lines, key=lambda ln: ln.yc):
        if ordered and not ordered[-1].rule and not ln.rule \
                and abs(ln.yc - ordered[-1].yc) <= ROW_TOLERANCE * min(ln.size, ordered[-1].size):
            # Two pieces of one row (a credit's names set far apart): placed left to right.
            k = len(ordered) - 1
            while k > 0 and abs(ordered[k - 1].yc - ln.yc) <= ROW_TOLERANCE * ln.size and ordered[k - 1].x0 > ln.x0:
                k -= 1
            if ordered[k].x0 > ln.x0:
                ordered.insert(k, ln)
                continue
        ordered.append(ln)
    return ordered


def reading_order(lines: Sequence[Line], body: float | None = None) -> list[list[Line]]:
    """The page's lines as blocks (a column's run, or lines across the columns), in reading order."""
    lines = list(lines)
    if len(lines) <= 1:
        return [lines] if lines else []
    body = body or _body_size(lines)
    gutter = 0.9 * body
    clean = _coverage_gaps(lines, gutter, spanning=False)
    if clean:
        return [block for column in _by_column(lines, clean) for block in reading_order(column, body)]
    loose = _coverage_gaps(lines, gutter, spanning=True)
    # A gutter that lines only reach into (a mark hanging past a column's edge) but none crosses
    # parts columns as a clean one does.
    free = [g for g in loose if not any(_crosses(ln, [g]) for ln in lines)]
    if free:
        return [block for column in _by_column(lines, free) for block in reading_order(column, body)]
    if loose:
        spanning = [ln for ln in lines if _crosses(ln, loose)]
        if len(spanning) < len(lines):
            return _zones(lines, spanning, body)
    return [_rows(lines)]


def _zones(lines: Sequence[Line], spanning: Sequence[Line], body: float) -> list[list[Line]]:
    """Lines across the columns cut the page into zones; each zone is read column by column."""
    blocks: list[list[Line]] = []
    across = sorted(spanning, key=lambda ln: ln.yc)
    rest = sorted((ln for ln in lines if not any(ln is s for s in spanning)), key=lambda ln: ln.yc)
    k = 0
    for i, line in enumerate(across):
        zone = []
        while k < len(rest) and rest[k].yc < line.yc:
            zone.append(rest[k])
            k += 1
        blocks.extend(reading_order(zone, body) if zone else [])
        if blocks and i > 0 and not zone and blocks[-1] and blocks[-1][-1] is across[i - 1]:
            blocks[-1].append(line)  # a headline's second line across the columns: one block
        else:
            blocks.append([line])
    if k < len(rest):
        blocks.extend(reading_order(rest[k:], body))
    return blocks


# -- text --------------------------------------------------------------------------------------------


@dataclass
class PageText:
    """A page as text, and which Tesseract words stand where in it (for the confidence)."""

    text: str
    # (start, end, confidences) of every OCR line, as character offsets into ``text``.
    spans: list[tuple[int, int, list[float]]] = field(default_factory=list)


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.1 * max(a, b)


def page_text(lines: Sequence[Line]) -> PageText:
    """The page's text in reading order: one headline or paragraph a line, blank lines where the
    page leaves space (between blocks, around headlines)."""
    lines = [ln for ln in lines if ln.rule or ln.text.strip()]
    if not lines:
        return PageText("")
    body = _body_size(lines)
    blocks = [[ln for ln in block if not ln.rule] for block in reading_order(lines, body)]
    page_lines = [ln for ln in lines if not ln.rule]
    blocks = [b for b in blocks if b]
    out: list[str] = []  # one entry per output line; "" is a blank line
    done = 0  # characters in the output lines before the last, with their newlines
    spans: list[tuple[int, int, list[float]]] = []

    def add(line: Line, join: str | None) -> None:
        """Append ``line`` to the current output line (``join`` between them) or start a new one."""
        nonlocal done
        if join is None or not out or out[-1] == "":
            if out:
                done += len(out[-1]) + 1
            out.append("")
            join = ""
        start = done + len(out[-1]) + len(join)
        out[-1] += join + line.text
        if line.confidences:
            spans.append((start, start + len(line.text), line.confidences))

    def blank() -> None:
        nonlocal done
        if out and out[-1] != "":
            done += len(out[-1]) + 1
            out.append("")

    prev: Line | None = None
    prev_right = 0.0  # where the previous block's column ends
    for block in blocks:
        left, right = _column_edges(block, page_lines, body)
        flows = _flows(block, left)
        for n, line in enumerate(block):
            size = line.size
            headline = size >= HEADLINE_RATIO * body
            if prev is None:
                add(line, None)
            elif n == 0:
                # A column break: the paragraph goes on at the top of the next column when the last
                # one ran to its edge without ending a sentence and this one is not indented.
                if not headline and _same_size(size, prev.size) and prev.x1 >= prev_right - 1.2 * size \
                        and not _SENTENCE_END.search(prev.text) and line.x0 <= left + 0.6 * size:
                    add(line, _wrap_join(prev.text, line.text))
                else:
                    blank()
                    add(line, None)
            else:
                gap = line.top - prev.bottom
                same_row = abs(line.yc - prev.yc) <= ROW_TOLERANCE * min(size, prev.size)
                if same_row:
                    add(line, " ")
                elif headline and _same_size(size, prev.size) and gap <= 0.8 * size \
                        and prev.x1 - prev.x0 >= right - left - 2.5 * size:
                    add(line, "")  # a headline the column wrapped (its first line full): kept whole
                elif flows and not headline and _same_size(size, prev.size) and gap <= 0.8 * size \
                        and prev.x0 <= left + 2.5 * size and prev.x1 >= right - 1.2 * size \
                        and line.x0 <= left + 0.6 * size:
                    # A line that ran to the column's edge goes on in the next unless that one is indented.
                    add(line, _wrap_join(prev.text, line.text))
                else:
                    if gap > 0.8 * max(size, prev.size) or headline != (prev.size >= HEADLINE_RATIO * body):
                        blank()
                    add(line, None)
            prev = line
        prev_right = right
    text = "\n".join(out) + "\n"
    return PageText(text, spans)


def _column_edges(block: Sequence[Line], lines: Sequence[Line], body: float) -> tuple[float, float]:
    """Where the block's column starts and ends: where most body lines beside the block's start and
    end, over the whole page. A mark hanging past the edge, a short last line, a centred headline or
    a block of two lines does not move them."""
    x0, x1 = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    same = [ln for ln in lines if _same_size(ln.size, body) and ln.x0 < x1 and ln.x1 > x0] or list(block)
    starts = sorted(ln.x0 for ln in same)
    ends = sorted(ln.x1 for ln in same)
    return starts[len(starts) // 4], ends[(3 * len(ends)) // 4]


def _flows(block: Sequence[Line], left: float) -> bool:
    """Is the block set flush left (text that wraps), not a stack of lines set right or centred
    (a masthead's items, a caption)? Only wrapped text joins into paragraphs."""
    body = [ln for ln in block if ln.text]
    flush = sum(1 for ln in body if ln.x0 - left <= 0.6 * ln.size or abs(ln.x0 - left - 2 * ln.size) <= 0.6 * ln.size)
    return flush >= 0.6 * len(body)


def _wrap_join(before: str, after: str) -> str:
    # Latin words broken at a line's end keep their space; Chinese has none to keep.
    return " " if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha() else ""
