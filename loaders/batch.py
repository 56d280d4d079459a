"""Many files → Documents, each refused with a one-line reason instead of stopping the batch.

Folders are walked in name order. Symbolic links are followed (to files and to folders) but every
real file and folder is visited once, so a link loop or two links to one file cost nothing. Files
in a folder whose suffix is not an article one (.txt, .htm, .pdf, …) are skipped and counted, not
refused: a folder of pages often also holds photos and notes. A file named on the command line is
always tried. A PDF (by its first bytes, whatever its name) is read by loaders/pdf_text.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guanxi.facts import Document, ReadAs
from loaders.cleanup import strip_markup
from loaders.decoding import DecodingError, declared_charset, decode_bytes
from loaders.facts.lexicon import Lexicon
from loaders.pipeline import extract_text

# Article text of the genre is a few KB and an issue page some tens of KB; extraction runs at
# roughly 3 s per MB, so a file far larger than a year of pages is refused rather than holding
# the loader (and, later, one transaction) for minutes. `guanxi load --max-size-mb` raises it.
MAX_FILE_BYTES = 20 * 1024 * 1024
# A scraped web article on one line is a few thousand characters; a line of hundreds of
# thousands is a dump (minified page, log, table) and reads as one giant meaningless article.
MAX_LINE_CHARS = 100_000
TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html"}
HTML_SUFFIXES = {".htm", ".html"}
PDF_SUFFIXES = {".pdf"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES
# A text file with these tags is a saved web page, whatever its name says.
_HTML_TAG = re.compile(r"<\s*(?:html|head|body|div|p|br|meta|title)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str


@dataclass(frozen=True)
class Extracted:
    path: Path
    document: Document


@dataclass
class Collected:
    """What a set of command-line paths expands to."""

    files: list[Path] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # Files in folders that are not articles by their suffix (images, notes).
    skipped: list[Path] = field(default_factory=list)


def gather(paths: Iterable[Path]) -> Collected:
    """Expand files and folders (recursively, name order, symlinks followed once) into article files."""
    out = Collected()
    seen_files: dict[Path, Path] = {}
    seen_dirs: set[Path] = set()

    def add_file(path: Path, real: Path) -> None:
        if real not in seen_files:  # a second link to a file already in the batch adds nothing
            seen_files[real] = path
            out.files.append(path)

    def walk(folder: Path) -> None:
        real = folder.resolve()
        if real in seen_dirs:
            out.refused.append(Refusal(folder, f"folder already visited (symbolic link loop to {real})"))
            return
        seen_dirs.add(real)
        try:
            with os.scandir(folder) as entries:
                children = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            out.refused.append(Refusal(folder, f"unreadable folder: {exc.strerror or exc}"))
            return
        for entry in children:
            if entry.name.startswith("."):
                continue
            visit(Path(entry.path), explicit=False)

    def visit(path: Path, explicit: bool) -> None:
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            reason = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            out.refused.append(Refusal(path, reason))
            return
        except RuntimeError:  # Python < 3.13 reports a link loop this way
            out.refused.append(Refusal(path, "symbolic link loop"))
            return
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == 40 else f"unreadable: {exc.strerror or exc}"
            out.refused.append(Refusal(path, reason))
            return
        if real.is_dir():
            walk(path)
        elif real.is_file():
            if explicit or path.suffix.lower() in ARTICLE_SUFFIXES:
                add_file(path, real)
            else:
                out.skipped.append(path)
        else:
            out.refused.append(Refusal(path, "not a regular file (device, pipe or socket)"))

    for path in paths:
        visit(path, explicit=True)
    return out


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Refusal]]:
    """The article files under ``paths`` and what was refused while looking (skipped files dropped)."""
    found = gather(paths)
    return found.files, found.refused


def longest_line(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


def extract_one(path: Path, max_bytes: int = MAX_FILE_BYTES,
                max_line_chars: int = MAX_LINE_CHARS, lexicon: Lexicon | None = None) -> Extracted | Refusal:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Refusal(path, f"too large ({size / 1e6:.1f} MB > limit {max_bytes / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        return Refusal(path, f"unreadable: {exc.strerror or exc}")
    if path.suffix.lower() in PDF_SUFFIXES or data[:5] == b"%PDF-":
        return _extract_pdf(path, data, lexicon)
    try:
        text, encoding = decode_bytes(data, declared=declared_charset(data))
    except DecodingError as exc:
        return Refusal(path, str(exc))
    # Measured after markup removal: a page's HTML is often one long line of short paragraphs.
    longest = longest_line(strip_markup(text))
    if longest > max_line_chars:
        return Refusal(path, f"a line of {longest} characters (limit {max_line_chars}): not article text")
    try:
        doc = extract_text(text, source=path.name, encoding=encoding, lexicon=lexicon)
    except Exception as exc:  # a rule tripping over one odd text must not stop the batch
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        return Refusal(path, f"could not read the facts ({type(exc).__name__}: {first})")
    if not doc.articles:
        return Refusal(path, "no article found in the text")
    doc.read_as = read_as(path, text)
    return Extracted(path, doc)


def read_as(path: Path, text: str) -> ReadAs:
    return "html" if path.suffix.lower() in HTML_SUFFIXES or _HTML_TAG.search(text) else "text"


def _extract_pdf(path: Path, data: bytes, lexicon: Lexicon | None) -> Extracted | Refusal:
    # Imported here: a batch of text files never loads PDFium or the OCR code.
    from loaders.ocr import OcrError
    from loaders.pdf_text import PdfError, extract_pdf, is_pdf

    if not is_pdf(data):
        return Refusal(path, "named .pdf but not a PDF (no %PDF- header)")
    try:
        doc = extract_pdf(data, source=path.name, lexicon=lexicon)
    except (PdfError, OcrError) as exc:
        return Refusal(path, str(exc))
    except Exception as exc:  # as for text: one odd page must not stop the batch
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        return Refusal(path, f"could not read the PDF ({type(exc).__name__}: {first})")
    if not doc.articles:
        how = "its scanned pages" if doc.read_as == "ocr" else "its text layer"
        return Refusal(path, f"no article found in {how}")
    return Extracted(path, doc)


def extract_all(files: Iterable[Path], max_bytes: int = MAX_FILE_BYTES,
                lexicon: Lexicon | None = None) -> Iterator[Extracted | Refusal]:
    for path in files:
        yield extract_one(path, max_bytes, lexicon=lexicon)
