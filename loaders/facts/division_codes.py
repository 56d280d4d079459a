"""The national code (12-digit adcode) of the division a post belongs to: 台儿庄区 → 370405000000.

A post's ``place`` is a name as the story writes it; its code lets the graph answer "everyone in this
city and the districts under it" by the code's prefix, and keeps apart the three districts called
市中区. A town (镇, 乡, 街道) has no code in the national table: its post takes the code of the
story's county, the division it sits in, and keeps the town's name in ``place``.
"""

from __future__ import annotations

from loaders.facts.divisions import Division, gazetteer
from loaders.facts.offices import Homes
from loaders.facts.script import to_matching

_TOWN_ENDS = ("镇", "乡", "街道")
# The level a name's last character gives, to read an older name by its short form: '玉环县' is
# 玉环市 since the county became a city, and keeps its code's place.
_LEVELS_OF_END = {"省": ("province",), "市": ("city", "county"), "州": ("city",), "盟": ("city",),
                  "区": ("county",), "县": ("county",), "旗": ("county",)}


def prefix(code: str, level: str) -> str:
    """The start of a code that every division under it shares: 37 for 山东省, 3704 for 枣庄市."""
    return code[: {"province": 2, "city": 4}.get(level, 6)]


def divisions_named(name: str) -> list[Division]:
    """The divisions a name may be: its standard form, else its short form with the level it ends
    in. Of a province-level city and the city entries under it (北京市 110000 and 110100), the one
    above stands for both."""
    gaz = gazetteer()
    key = to_matching(name.strip())
    found = list(gaz.by_name.get(key, []))
    if not found and len(key) >= 3:
        levels = _LEVELS_OF_END.get(key[-1], ())
        found = [d for d in gaz.by_short.get(key[:-1], []) if d.level in levels]
    return [d for d in found if not any(o is not d and d.code.startswith(prefix(o.code, o.level)) for o in found)]


def place_code(place: str | None, homes: Homes) -> str | None:
    """The code of a post's place, read with the story's homes; None where the name is not a
    division, or names several and nothing in the story says which."""
    if not place:
        return None
    key = to_matching(place)
    if key.endswith(_TOWN_ENDS) and not divisions_named(key):
        county = homes.written.get("county")
        return place_code(county, homes) if county and not to_matching(county).endswith(_TOWN_ENDS) else None
    found = divisions_named(key)
    if len(found) == 1:
        return found[0].code
    named = {to_matching(w) for w in homes.written.values()}
    gaz = gazetteer()
    placed = [d for d in found if any(c in gaz.by_code and gaz.by_code[c].name in named for c in d.parents)]
    return placed[0].code if len(placed) == 1 else None
