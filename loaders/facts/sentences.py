"""Sentences of an article, each in its written and its matching form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.facts.script import to_matching

_END = re.compile(r"[。!?]+[”’\"]?")


@dataclass(frozen=True)
class Sentence:
    text: str  # as written
    match: str  # simplified, half-width; same length as text
    index: int  # position in the article (headline lines come first)
    paragraph: int  # -1 for headline and subtitle


def split_sentences(headlines: list[str], paragraphs: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for line in headlines:
        if line.strip():
            out.append(Sentence(line, to_matching(line), len(out), -1))
    for p_index, para in enumerate(paragraphs):
        match = to_matching(para)
        start = 0
        for m in _END.finditer(match):
            if m.end() - start > 1:
                out.append(Sentence(para[start : m.end()], match[start : m.end()], len(out), p_index))
            start = m.end()
        if para[start:].strip():
            out.append(Sentence(para[start:], match[start:], len(out), p_index))
    return out
