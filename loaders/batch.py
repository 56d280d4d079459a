"""Many files → Documents, each refused with a one-line reason instead of stopping the batch."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from guanxi.facts import Document
from loaders.decoding import DecodingError
from loaders.pipeline import extract_bytes

# Article text of the genre is a few KB; a file far larger than a year of pages is
# almost certainly not news and would hold one transaction for too long.
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html"}


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str


@dataclass(frozen=True)
class Extracted:
    path: Path
    document: Document


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Refusal]]:
    """Expand folders (recursively, in name order) into the article files they hold."""
    files: list[Path] = []
    refused: list[Refusal] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        real = path.resolve()
        if real in seen:
            return
        seen.add(real)
        files.append(path)

    for path in paths:
        if path.is_symlink() and not path.exists():
            refused.append(Refusal(path, "broken symbolic link"))
        elif path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    child = Path(root) / name
                    if name.startswith(".") or child.suffix.lower() not in TEXT_SUFFIXES:
                        continue
                    if child.is_symlink() and not child.exists():
                        refused.append(Refusal(child, "broken symbolic link"))
                        continue
                    add(child)
        elif path.is_file():
            add(path)
        else:
            refused.append(Refusal(path, "no such file or folder"))
    return files, refused


def extract_one(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Extracted | Refusal:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Refusal(path, f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        return Refusal(path, f"unreadable: {exc.strerror or exc}")
    try:
        doc = extract_bytes(data, source=path.name)
    except DecodingError as exc:
        return Refusal(path, str(exc))
    if not doc.articles:
        return Refusal(path, "no article found in the text")
    return Extracted(path, doc)


def extract_all(files: Iterable[Path], max_bytes: int = MAX_FILE_BYTES) -> Iterator[Extracted | Refusal]:
    for path in files:
        yield extract_one(path, max_bytes)
