"""A name written again in other brackets, width or script is no other name to show."""

from __future__ import annotations

from graph.repository import shown_aliases


def test_the_name_in_other_brackets_or_script_is_not_an_alias() -> None:
    name = "宁川（云溪）储能科技有限公司"
    aliases = ["宁川(云溪)储能科技有限公司", "宁川公司", "寧川公司", "宁川 公司"]
    assert shown_aliases(name, aliases) == ["宁川公司"]
    assert shown_aliases("臺灣宏昇精密工業股份有限公司", ["台湾宏升精密工业股份有限公司"]) == []
    assert shown_aliases("华辰公司", None) == []
