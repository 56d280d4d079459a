"""A company's short form finds its full name through the prefix key, in either order of arrival."""

from __future__ import annotations

import pytest

from graph.resolution import (
    prefix_needles,
    prefix_windows,
    search_names,
    short_form_joins,
    start_needles,
    starts_with_window,
    with_folded,
)

PAIRS = [
    ("创普斯", "创普斯(深圳)新能源科技有限公司"),
    ("创普斯公司", "创普斯(深圳)新能源科技有限公司"),
    ("华辰储能", "华辰(苏州)储能科技有限公司"),
    ("东岳", "浙江东岳化工有限公司"),
    ("东岳集团", "山东东岳集团有限公司"),
    ("宁德時代", "宁德时代新能源科技股份有限公司"),
]


@pytest.mark.parametrize(("short", "full"), PAIRS)
def test_every_short_form_that_joins_shares_a_window_with_its_full_name(short: str, full: str) -> None:
    assert short_form_joins(short, full)
    # The lookup asks for the article's windows among the stored node's: whichever came first.
    assert set(prefix_windows(short)) & set(prefix_windows(full))


def test_windows_are_two_characters_of_the_simplified_name() -> None:
    assert prefix_windows("宁德時代") == prefix_windows("宁德时代")
    assert all(len(w) == 2 for w in prefix_windows("创普斯(深圳)新能源科技有限公司"))


@pytest.mark.parametrize(("short", "full"), PAIRS)
def test_the_lookup_asks_for_a_window_the_other_name_stores(short: str, full: str) -> None:
    # The short form second: its start among every window the full name stored.
    assert set(prefix_needles(short)) & set(prefix_windows(full))
    # The full name second: its windows among the starts of the names the short form stored.
    stored = search_names(*with_folded([short]))
    assert starts_with_window(stored, {w.lower() for w in start_needles(full)})


def test_common_windows_are_not_asked_for() -> None:
    assert "华元" in start_needles("河南华元电子科技股份有限公司")
    assert "河南" not in start_needles("河南华元电子科技股份有限公司")
    assert "河南" not in prefix_needles("河南华元电子科技股份有限公司")
    assert "成都" in prefix_needles("成都银行")  # a short form's own start is always asked for
    assert "农业" not in start_needles("明岳(成都)农业发展有限公司")


def test_a_full_name_asks_for_names_opening_with_its_windows_not_holding_them() -> None:
    # 泽新 sits inside every 某地创泽新材料… of a family of companies; only a name that opens with a
    # window can be a short form of this one.
    full = "浙江创泽新材料科技股份有限公司"
    assert prefix_needles(full) == []  # its start is a province
    assert {"创泽", "泽新"} <= set(start_needles(full))
    assert not starts_with_window(search_names("江苏创泽新材料有限公司"), {w.lower() for w in start_needles(full)})


def test_no_window_that_no_short_form_could_open_with_is_kept() -> None:
    # A bracketed place, a window inside an industry word, or the company word itself: thousands of
    # companies would share each key, and no short form starts with one.
    assert prefix_windows("中弘(成都)农业发展有限公司") == ["中弘"]
    assert prefix_windows("知通智能装备") == ["知通"]
    assert "集团" not in prefix_windows("东岳集团")
    assert "东岳" in prefix_windows("浙江东岳化工有限公司")  # after a home place, a short form may start
