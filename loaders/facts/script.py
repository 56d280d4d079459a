"""One matching form for traditional/simplified and full/half-width text.

Rules match on a copy of the text that is simplified and NFKC-folded, but
facts are reported as the text writes them. The copy therefore keeps exactly
one character per character, so a span found in it is the same span in the
original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from guanxi.simplified import T2S, to_simplified

__all__ = ["to_matching", "to_simplified"]

# Variant spellings pages use for a word the rules know ('签定' for 签订), folded like script.
_VARIANTS = (("签定", "签订"),)


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    simple = T2S.convert(ch)
    if len(simple) != 1:
        simple = ch
    folded = unicodedata.normalize("NFKC", simple)
    return folded if len(folded) == 1 else simple


@lru_cache(maxsize=32768)
def to_matching(text: str) -> str:
    """Simplified, half-width text of the same length as ``text``. Cached: the rules ask for the
    same titles, names and sentences many times over."""
    if text.isascii():
        return text
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(_char(ch) for ch in text)
    folded = unicodedata.normalize("NFKC", converted)
    if len(folded) != len(text):
        folded = "".join(_char(ch) for ch in converted)
    for variant, word in _VARIANTS:
        if variant in folded:
            folded = folded.replace(variant, word)
    return folded
