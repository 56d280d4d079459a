"""Traditional-script text matches the same rules as simplified text, span for span."""

from __future__ import annotations

from pathlib import Path

import pytest
from opencc import OpenCC

from loaders.decoding import decode_bytes
from loaders.facts.script import to_matching, to_simplified

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.iterdir()):
        text, _ = decode_bytes(path.read_bytes())
        lines.extend(line for line in text.splitlines() if line.strip())
    return lines


def test_the_fast_conversion_gives_what_opencc_gives_on_every_fixture_line() -> None:
    opencc = OpenCC("t2s")
    lines = _lines()
    assert any(opencc.convert(line) != line for line in lines)  # the traditional reprint is there
    assert [to_simplified(line) for line in lines] == [opencc.convert(line) for line in lines]


@pytest.mark.parametrize("text", ["乾隆年間的縣誌", "一目瞭然", "區委書記劉曉璐出席", "反覆思量後簽約", "乾坤"])
def test_phrases_that_convert_differently_from_their_characters(text: str) -> None:
    assert to_simplified(text) == OpenCC("t2s").convert(text)


def test_matching_text_keeps_one_character_per_character() -> None:
    text = "區委副書記、區長劉曉璐（左）與ＡＢＣ公司簽約"
    matching = to_matching(text)
    assert len(matching) == len(text)
    assert matching == "区委副书记、区长刘晓璐(左)与ABC公司签约"
