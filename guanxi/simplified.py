"""Traditional → simplified characters, exactly as OpenCC's ``t2s`` converts them, but fast.

Shared by the loaders (matching text) and the graph (comparing names when resolving entities).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC

T2S = OpenCC("t2s")
_DICTIONARIES = Path(opencc.__file__).parent / "dictionary"


def _keys(name: str) -> list[str]:
    with open(_DICTIONARIES / name, encoding="utf-8") as handle:
        return [line.split("\t", 1)[0] for line in handle if "\t" in line]


@lru_cache(maxsize=1)
def _fast_t2s() -> tuple[dict[int, str], re.Pattern[str] | None]:
    """A per-character table with OpenCC's own answers, and the phrases where it would be wrong.

    OpenCC's pure-Python converter was a third of all extraction time. Outside the few phrases
    whose conversion differs from converting their characters one by one, its output is exactly
    the per-character table's, which ``str.translate`` applies in C.
    """
    table: dict[int, str] = {}
    for key in _keys("TSCharacters.txt"):
        if len(key) == 1:
            simple = T2S.convert(key)
            if simple != key:
                table[ord(key)] = simple
    special = [key for key in _keys("TSPhrases.txt") if T2S.convert(key) != key.translate(table)]
    special.sort(key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, special))) if special else None


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` of ``text``, the same output, mostly without running the slow converter."""
    table, special = _fast_t2s()
    if special is not None and special.search(text):
        return T2S.convert(text)
    return text.translate(table)


@lru_cache(maxsize=1)
def _traditional_only() -> dict[int, None]:
    table, _ = _fast_t2s()
    return dict.fromkeys(table)


def traditional_share(text: str) -> float:
    """The share of ``text``'s characters that simplifying would change (0 for simplified text)."""
    if not text:
        return 0.0
    # Deleting them with str.translate counts them in C; the article writer asks for every article.
    return (len(text) - len(text.translate(_traditional_only()))) / len(text)


@lru_cache(maxsize=1024)
def to_traditional(text: str) -> str:
    """Simplified → traditional (OpenCC's ``s2t``), for the few names a story written in
    traditional script is told in simplified by a table (a division's standard name)."""
    return _s2t().convert(text)


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")
