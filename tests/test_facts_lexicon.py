from pathlib import Path

import pytest

from loaders.facts import load_user_lexicon
from loaders.facts.lexicon import LEXICON
from tests.facts_helpers import extract, titles


def test_user_lexicon_adds_titles_and_roles(tmp_path: Path):
    before = {k: set(v) for k, v in LEXICON.words.items()}, dict(LEXICON.roles)
    lex = tmp_path / "newsroom.lex"
    lex.write_text("# ours\n[titles]\n网格长\n[roles]\n巡河 attended\n[companies]\n盛达\n", encoding="utf-8")
    try:
        load_user_lexicon(lex)
        art = extract("巡河", "城关街道网格长张明华巡河。")
        assert titles(art) == {"张明华": ["城关街道网格长"]}
        assert art.events[0].attendees[0].name == "张明华"
        art = extract("扩产", "今年盛达扩大生产规模。")
        assert [o.name for o in art.organizations] == ["盛达"]
    finally:
        LEXICON.words.clear()
        LEXICON.words.update(before[0])
        LEXICON.roles.clear()
        LEXICON.roles.update(before[1])
        LEXICON._reset()


def test_user_lexicon_rejects_unknown_sections(tmp_path: Path):
    lex = tmp_path / "bad.lex"
    lex.write_text("[weather]\n晴\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        load_user_lexicon(lex)
