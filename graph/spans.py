"""Where a fact's sentence sits in its article, and the part of an article a search hit shows.

Offsets count Unicode code points (Python's string indices), not UTF-16 units: a page slicing in
JavaScript must split the text with Array.from, or a character outside the BMP (𠮷) shifts every
span after it by one.
"""

from __future__ import annotations

from guanxi.simplified import to_simplified

Span = tuple[str, int, int]  # (field: "title" | "subtitle" | "text", start, end)

SNIPPET_CONTEXT = 40  # characters either side of the match


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and for each of its characters the index it had."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def find(haystack: str, needle: str) -> tuple[int, int] | None:
    """The first place ``needle`` occurs, exactly or else ignoring whitespace on both sides (a
    sentence read across a mended column break, or a query typed with a space)."""
    if not needle or not haystack:
        return None
    at = haystack.find(needle)
    if at >= 0:
        return at, at + len(needle)
    compact_needle, _ = _compact(needle)
    if not compact_needle:
        return None
    compact, where = _compact(haystack)
    at = compact.find(compact_needle)
    if at < 0:
        return None
    return where[at], where[at + len(compact_needle) - 1] + 1


def locate(sentence: str | None, title: str | None, subtitle: str | None, text: str | None) -> Span | None:
    """Where the sentence of a fact is: in the body first, else in the headline (an event read from
    the headline cites it); None when the article does not hold it (a hand-written correction)."""
    if not sentence:
        return None
    for field, value in (("text", text), ("title", title), ("subtitle", subtitle)):
        found = find(value or "", sentence)
        if found:
            return field, found[0], found[1]
    return None


def snippet(text: str, query: str, context: int = SNIPPET_CONTEXT) -> str:
    """The words around the first place the article says ``query`` (or its simplified form), on one
    line, with … where it was cut. The start of the text when the query is not found as written."""
    flat = " ".join(text.split())
    found = find(flat, query) or find(flat, to_simplified(query))
    start, end = found if found else (0, 0)
    lo = max(0, start - context)
    hi = min(len(flat), end + context if found else 2 * context)
    return ("…" if lo > 0 else "") + flat[lo:hi] + ("…" if hi < len(flat) else "")
