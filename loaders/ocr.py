"""A scanned e-paper page → its text, by Tesseract and its Simplified Chinese model.

The page is rendered by PDFium to a grey image and handed to the `tesseract` binary (Debian's
tesseract-ocr and tesseract-ocr-chi-sim, installed by scripts/ensure-ocr.sh), which returns its
lines of words with a box for each character and a confidence for each word (hOCR). Those lines go through the same reading
order as a text layer's (loaders/layout.py): Tesseract's own block order reads a spanning headline
or a masthead beside the columns in the wrong place. Calling the binary needs neither pytesseract
nor Pillow; the image goes over as PGM, which Tesseract reads natively.

Where Tesseract or its model is missing, reading a scan raises OcrError saying what to install:
the file is refused with that reason and the rest of the batch goes on.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from loaders.layout import Glyph, Line, PageText, page_text, split_wide_line

LANGUAGE = os.environ.get("GUANXI_OCR_LANG", "chi_sim")
# 300 dpi is what Tesseract is trained for; body type of 9-10 pt is then 35-40 pixels high.
DPI = 300
# A page of news takes Tesseract 5-20 s on one core; a minute means something is wrong with it.
TIMEOUT_S = 180
INSTALL = "install Debian's tesseract-ocr and tesseract-ocr-chi-sim (scripts/ensure-ocr.sh does it)"


class OcrError(RuntimeError):
    """A scanned page could not be read; the message says why in one line."""


@functools.lru_cache(maxsize=4)
def problem(language: str = LANGUAGE) -> str | None:
    """Why OCR cannot run here, or None when it can."""
    binary = shutil.which("tesseract")
    if binary is None:
        return f"scanned page (no text layer): reading it needs Tesseract, which is not installed; {INSTALL}"
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"scanned page (no text layer): Tesseract does not run ({exc}); {INSTALL}"
    languages = {ln.strip() for ln in (listed.stdout + listed.stderr).splitlines()}
    if language not in languages:
        return (f"scanned page (no text layer): Tesseract has no '{language}' model; {INSTALL}")
    return None


class Bitmap:
    """A rendered page's grey pixels (one byte each, rows ``stride`` bytes apart)."""

    def __init__(self, pixels: bytes, width: int, height: int, stride: int | None = None) -> None:
        self.pixels, self.width, self.height = pixels, width, height
        self.stride = stride or width

    @classmethod
    def of(cls, page: Any, dpi: int) -> Bitmap:
        rendered = page.render(scale=dpi / 72, grayscale=True)
        try:
            return cls(bytes(rendered.buffer), rendered.width, rendered.height, rendered.stride)
        finally:
            rendered.close()

    def pgm(self) -> bytes:
        w, h, s = self.width, self.height, self.stride
        rows = self.pixels if s == w else b"".join(self.pixels[y * s : y * s + w] for y in range(h))
        return f"P5\n{w} {h}\n255\n".encode() + rows

    def blank_runs(self, x0: int, x1: int, y0: int, y1: int) -> list[tuple[int, int]]:
        """Runs of pixel columns between x0 and x1 with no ink from row y0 to y1."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x1 <= x0 or y1 <= y0:
            return []
        # Each row's dark pixels as the bytes of one big integer, OR-ed down the rows: C speed.
        ink = 0
        for y in range(y0, y1):
            row = self.pixels[y * self.stride + x0 : y * self.stride + x1]
            ink |= int.from_bytes(row.translate(_DARK), "big")
        columns = ink.to_bytes(x1 - x0, "big")
        runs: list[tuple[int, int]] = []
        x = 0
        n = len(columns)
        while x < n:
            if columns[x]:
                x += 1
                continue
            end = x
            while end < n and not columns[end]:
                end += 1
            runs.append((x0 + x, x0 + end))
            x = end
        return runs


# Grey below this is ink (Tesseract binarises its own copy; this only finds the spaces).
_DARK = bytes(1 if v < 160 else 0 for v in range(256))


def tesseract(image: bytes, language: str = LANGUAGE, dpi: int = DPI) -> str:
    """Tesseract's hOCR for an image (PGM or PNG bytes), with a box for every character."""
    reason = problem(language)
    if reason:
        raise OcrError(reason)
    with tempfile.TemporaryDirectory(prefix="guanxi-ocr-") as tmp:
        path = Path(tmp) / "page.pgm"
        path.write_bytes(image)
        # One thread per Tesseract: `guanxi load --writers N` already runs N pages at once.
        env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
        try:
            done = subprocess.run(
                ["tesseract", str(path), "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3",
                 "-c", "hocr_char_boxes=1", "hocr"],
                capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
            )
        except subprocess.TimeoutExpired:
            raise OcrError(f"Tesseract took more than {TIMEOUT_S} s over one page") from None
        except OSError as exc:
            raise OcrError(f"Tesseract could not be run ({exc})") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1][:200]
        raise OcrError(f"Tesseract failed on a scanned page ({last})")
    return done.stdout


_BBOX = re.compile(r"\bbbox (\d+) (\d+) (\d+) (\d+)")
_X_BBOXES = re.compile(r"\bx_bboxes (\d+) (\d+) (\d+) (\d+)")
_WCONF = re.compile(r"\bx_wconf (-?[\d.]+)")
_NS = "{http://www.w3.org/1999/xhtml}"
# A line's box is about this share of its type size high (Han glyphs fill ~0.92 of the em). hOCR's
# x_size would say the size too, but Tesseract gives one per paragraph: a headline and the body
# it stands over share it.
_LINE_PER_EM = 0.92
# Characters a space may stand between: Han, Latin, digits. Tesseract's boxes leave room after
# punctuation ('、', '，') that is no space.
# Tesseract's character boxes are rough (a box may run a character wide of its glyph): only a gap
# this many ems wide is a gutter that Tesseract ran one line across.
_GUTTER_EMS = 1.8
_WORD_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def _classes(element: ET.Element) -> str:
    return element.get("class", "")


def lines_from_hocr(hocr: str, bitmap: Bitmap | None, scale: float) -> list[Line]:
    """Tesseract's lines, a glyph a character, in points (``scale``: pixels per point). Spaces are
    put where the image has a blank wider than the line's usual gap between characters: Tesseract
    runs Chinese together or spaces it at random, and a credit's names need their spaces."""
    root = ET.fromstring(hocr)
    out: list[Line] = []
    for line in root.iter(f"{_NS}span"):
        if not _classes(line).startswith("ocr_") or _classes(line) == "ocr_page":
            continue
        title = line.get("title", "")
        box = _BBOX.search(title)
        if not box:
            continue
        lx0, ly0, lx1, ly1 = (int(v) for v in box.groups())
        size_px = (ly1 - ly0) / _LINE_PER_EM
        chars: list[tuple[str, int, int, float | None]] = []  # text, left, right, word confidence
        for word in line.iter(f"{_NS}span"):
            if _classes(word) != "ocrx_word":
                continue
            conf_m = _WCONF.search(word.get("title", ""))
            conf: float | None = float(conf_m.group(1)) if conf_m else None
            cinfo = [c for c in word.iter(f"{_NS}span") if _classes(c) == "ocrx_cinfo"]
            if not cinfo:  # no character boxes: the word's text over its box
                wbox = _BBOX.search(word.get("title", ""))
                text = "".join(word.itertext()).strip()
                if text and wbox:
                    chars.append((text, int(wbox.group(1)), int(wbox.group(3)), conf))
                continue
            for i, c in enumerate(cinfo):
                cbox = _X_BBOXES.search(c.get("title", ""))
                text = (c.text or "").strip()
                if text and cbox:
                    chars.append((text, int(cbox.group(1)), int(cbox.group(3)), conf if i == 0 else None))
        if not chars:
            continue
        spaces = _spaces(chars, bitmap, (lx0, ly0, lx1, ly1), size_px) if bitmap else set()
        glyphs = [
            Glyph(text, left / scale, ly0 / scale, right / scale, ly1 / scale, size_px / scale,
                  space_before=i in spaces, conf=conf)
            for i, (text, left, right, conf) in enumerate(chars)
        ]
        out.extend(split_wide_line(Line(glyphs), _GUTTER_EMS))
    return out


def _spaces(chars: list[tuple[str, int, int, float | None]], bitmap: Bitmap,
            box: tuple[int, int, int, int], size_px: float) -> set[int]:
    """Indexes of the characters a space stands before.

    Tesseract's character boxes are too rough to say which two characters a blank falls between
    (one box may cover two glyphs, the next a sliver). Chinese type is set on a grid instead: a
    Han character or a full-width mark takes one em, a Latin letter or a digit about half. So a
    blank is put between the characters whose place on that grid, stretched to the line's width,
    is nearest to it.
    """
    x0, y0, x1, y1 = box
    blanks = [(a, b) for a, b in bitmap.blank_runs(x0, x1, y0, y1) if a > x0 and b < x1]
    if not blanks:
        return set()
    widths = sorted(b - a for a, b in blanks)
    usual = widths[len(widths) // 2]
    wide = [(a, b) for a, b in blanks if b - a >= max(0.3 * size_px, 1.8 * usual)]
    if not wide:
        return set()
    text = [c[0] for c in chars]
    ems = [0.0]
    for t in text:
        ems.append(ems[-1] + sum(0.55 if ch.isascii() else 1.0 for ch in t))
    extra = sum(b - a - usual for a, b in wide)  # what the spaces add to the line's width
    per_em = max(1.0, (x1 - x0 - extra) / ems[-1])
    found: set[int] = set()
    shift = 0.0
    for a, b in wide:
        middle = (a + b) / 2
        i = min(range(1, len(text)), key=lambda k: abs(x0 + ems[k] * per_em + shift - middle), default=0)
        shift += b - a - usual
        # A full-width mark ('，', '。', '、', '“') inks one side of its em and leaves the rest blank:
        # a blank beside one is the mark's own, and the grid may be a character off.
        if not i or any(not _WORD_CHAR.match(t[0]) for t in text[max(0, i - 2) : i + 2]):
            continue
        before, after = text[i - 1][-1], text[i][0]
        # Digits keep no space: a '1' is narrow and leaves a blank that is no gap ('15亿元').
        if _WORD_CHAR.match(before) and _WORD_CHAR.match(after) and not (before.isdigit() and after.isdigit()):
            found.add(i)
    return found


def ocr_page(page: Any, dpi: int = DPI, language: str = LANGUAGE) -> PageText:
    """A PDFium page read by Tesseract, as text in reading order with each line's confidences."""
    reason = problem(language)
    if reason:
        raise OcrError(reason)
    bitmap = Bitmap.of(page, dpi)
    return page_text(lines_from_hocr(tesseract(bitmap.pgm(), language, dpi), bitmap, dpi / 72))
