"""What search asks the full-text index for when the phrase query cannot match a needle."""

from __future__ import annotations

import pytest

from graph.repository import lucene_candidates


@pytest.mark.parametrize(("needle", "query"), [
    ("产1", "*产 AND 1*"),  # 年产15万吨: a pair ending with 产, a token starting with 1
    ("3万", "*3 AND 万*"),
    ("产3万", "*产 AND 3 AND 万*"),
    ("5gwh", "*5gwh*"),
    ("1.5", "*1* AND *5*"),  # Latin punctuation may sit inside a token
    ("华辰(苏州)", '"华辰" AND "苏州"'),
    ("州)", "*州"),
    ("远", "(远* OR *远)"),
])
def test_every_run_of_the_needle_must_be_in_a_token(needle: str, query: str) -> None:
    assert lucene_candidates(needle) == query


def test_nothing_but_letters_digits_and_chinese_reaches_the_query() -> None:
    assert lucene_candidates('(")~*:') == ""
    assert set(lucene_candidates('a"b OR c')) <= set('ab c*ANDOR')
