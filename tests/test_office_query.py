"""What a search for an office asks for: the title, simplified, and the place before it."""

from __future__ import annotations

import pytest

from graph.repository import office_query


@pytest.mark.parametrize(("q", "wanted"), [
    ("台儿庄 区长", {"title": "区长", "place": "台儿庄"}),
    ("區長", {"title": "区长", "place": None}),  # a reprint's title finds the simplified one stored
    ("  峄城区   镇长 ", {"title": "镇长", "place": "峄城区"}),
])
def test_the_last_word_is_the_title_and_the_rest_its_place(q: str, wanted: dict[str, str | None]) -> None:
    assert office_query(q) == wanted


@pytest.mark.parametrize("q", ["", "  ", "台儿庄 长"])
def test_no_office_in_a_query_without_a_title(q: str) -> None:
    assert office_query(q) is None
