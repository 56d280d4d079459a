from pathlib import Path

import pytest

from loaders.facts import load_user_lexicon
from loaders.facts.lexicon import BUILTIN, using_lexicon
from tests.facts_helpers import extract, titles


def test_user_lexicon_adds_titles_and_roles(tmp_path: Path):
    before = {k: set(v) for k, v in BUILTIN.words.items()}, dict(BUILTIN.roles)
    lex = tmp_path / "newsroom.lex"
    lex.write_text("# ours\n[titles]\n网格长\n[roles]\n巡河 attended\n[companies]\n盛达\n", encoding="utf-8")
    newsroom = load_user_lexicon(lex)
    with using_lexicon(newsroom):
        art = extract("巡河", "城关街道网格长张明华巡河。")
        assert titles(art) == {"张明华": ["城关街道网格长"]}
        assert art.events[0].attendees[0].name == "张明华"
        art = extract("扩产", "今年盛达扩大生产规模。")
        assert [o.name for o in art.organizations] == ["盛达"]
    # The built-in lexicon is untouched: another newsroom's extraction does not see these words.
    assert ({k: set(v) for k, v in BUILTIN.words.items()}, dict(BUILTIN.roles)) == before
    assert titles(extract("巡河", "城关街道网格长张明华巡河。")) == {}


def test_user_lexicon_rejects_unknown_sections(tmp_path: Path):
    lex = tmp_path / "bad.lex"
    lex.write_text("[weather]\n晴\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        load_user_lexicon(lex)
