"""Which division an official's post belongs to: '区长' in a 台儿庄区 story is 台儿庄区's.

A title names its division outright ('枣庄市委常委', '马兰屯镇党委书记') or by level only
('区长', '市委常委', '县政协主席'). For the second kind the article's home division at that
level stands in: the county, city or province the story names most (a county's city and
province are the ones above it, so a district paper's '市委常委' is its city's). Division
names inside company names ('东莞市某某有限公司') say where a company is registered, not where
the story happens, and are not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.facts.divisions import NAME_ENDS, Division, Gazetteer, gazetteer, is_common_word
from loaders.facts.lexicon import lexicon
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence, split_sentences
from loaders.facts.titles import trim_left

# Two-character names that are everyday words too: '城区', '郊区', '矿区' (real districts' names).
_FUNCTION_FIRST = set("和与及在对向为从于以")
_CLAUSE_START = set(" ,;:。!?、\"“”()（）")
_TOO_SHORT_END = "区"
_TOWN = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)(?=党委|人民政府|政府|人大|纪委|镇长|乡长|副镇长|副乡长|党工委|办事处|"
    r"举行|召开|举办|开展|组织|上下)"  # '郑宅镇举行…仪式': the town the story happens in
)
_TOWN_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?=党|人民|政府|人大|纪|长|副|办事处|主任|书记|民代表|镇长|乡长)")
_NOT_TOWN_START = set("各全该本每个乡城村集小重强名特一两三四五六七八九十几多在由与和及是")
# '三义乡长', '五指山镇': a numeral opens a town's own name where no count word follows it ('三个乡').
_NUMERAL_NAMES_TOWN = re.compile(r"[一二三四五六七八九十][^个余多乡镇街各级][\u4e00-\u9fff]*(?:镇|乡)$")
_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")
_DEPUTY = re.compile(r"^(?:常务副|代理|副|代(?=[省市区县旗镇乡]长))")
# '代县长' is an acting county head, not a post in 代县.
_ACTING = re.compile(r"^代(?=[省市区县旗镇乡]长)")
# '东莞市某某有限公司': a division that opens a company's name says where it is registered.
_COMPANY_AFTER = re.compile(r"[\u4e00-\u9fff()（）]{1,20}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|银行|研究院)")
# The level a title names by its first word.
_LEVEL_WORDS = (
    ("自治区", "province"), ("自治州", "city"), ("自治县", "county"), ("自治旗", "county"),
    ("省", "province"), ("市", "city"), ("州", "city"), ("盟", "city"),
    ("区", "county"), ("县", "county"), ("旗", "county"),
    ("镇", "town"), ("乡", "town"), ("街道", "town"),
)


@dataclass
class Homes:
    """The article's own division at each level, as the text writes it."""

    written: dict[str, str] = field(default_factory=dict)
    # The headline names the city, not the county-level city the body also names ('苏州市…座谈会'
    # with companies of 常熟市 in the body): the 市委书记 is the city's.
    city_in_headline: bool = False
    # Levels whose home the text names only by its short form ('玉环', '金門'), as written: a post's
    # place is that short name with the level its title says ('县委书记' -> 玉环县, '縣長' -> 金門縣),
    # which keeps the name the story had when it was written (玉环县 before it became 玉环市).
    short: dict[str, str] = field(default_factory=dict)

    def lowest(self) -> str | None:
        """The story's own division: its county, else its city, else its province."""
        return next((self.written[lvl] for lvl in ("county", "city", "province") if lvl in self.written), None)


@dataclass(frozen=True)
class _Found:
    start: int
    name: str  # matching form
    written: str
    divisions: tuple[Division, ...]


def _inside_word(pair: str) -> bool:
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(pair, 0) >= _EVERYDAY_FREQ


_SLOGAN = re.compile(r"[\u4e00-\u9fff]{2}[富兴强立稳]县(?:战略|之路|工程|行动|[,、;。])")


# How often the character before a two-character county and the county's first must be written
# together in jieba's corpus to read as one word ('示范' 981) rather than a place after a word.
_EVERYDAY_FREQ = 500


def _find(text: str, written: str, gaz: Gazetteer) -> list[_Found]:
    out: list[_Found] = []
    for i, ch in enumerate(text):
        if ch not in NAME_ENDS:
            continue
        for k in range(min(gaz.longest, i + 1), 1, -1):
            name = text[i + 1 - k : i + 1]
            divs = gaz.by_name.get(name)
            if not divs or (k == 2 and name.endswith(_TOO_SHORT_END)):
                continue
            if k == 2 and name[0] in _FUNCTION_FIRST and i >= 2 and text[i - 2] not in _CLAUSE_START:
                break  # '市委和县委', '》和县妇联': 和 joins two words; 和县 opens a clause
            if _COMPANY_AFTER.match(text, i + 1):
                break
            if k == 2 and _ACTING.match(name + text[i + 1 : i + 2]):
                break  # '代县长某某': an acting county head, not 代县
            if k == 2 and i >= 2 and _inside_word(text[i - 2 : i]):
                break  # '美丽乡村示范县': 范县's first character ends an everyday word ('示范')
            if k == 2 and _SLOGAN.match(text, max(0, i - 3)):
                break  # '工业富县战略', '科技兴县': what makes a county rich, not 富县 or 兴县
            longer = _longer_short_form(text, i, k, gaz)
            if longer is not None:
                # '威宁县' of 威宁彝族回族苗族自治县: the character before 宁县 belongs to the county's name.
                out.append(_Found(i - k, longer.name, written[i - k : i + 1], (longer,)))
                break
            out.append(_Found(i + 1 - k, name, written[i + 1 - k : i + 1], tuple(divs)))
            break
    return out


def _longer_short_form(text: str, i: int, k: int, gaz: Gazetteer) -> Division | None:
    """The division whose short form runs one character further left than the name found at
    ``text[i + 1 - k : i + 1]``, at its level ('威' + '宁县': 威宁…自治县). A county renamed a
    district is still written with its old level ('广丰县' of 广丰区, not 丰县)."""
    if i - k < 0 or not ("\u4e00" <= text[i - k] <= "\u9fff"):
        return None
    county_end = text[i] in "县区旗"
    for div in gaz.by_short.get(text[i - k : i], []):
        if div.name in gaz.by_name.get(text[i + 1 - k : i + 1], []):
            continue
        if div.name.endswith(text[i]) or (county_end and div.level == "county"):
            return div
    return None


def _towns(text: str, written: str, known: list[_Found]) -> list[tuple[str, str]]:
    out = []
    for m in _TOWN.finditer(text):
        start = m.start()
        # '泗水县中册镇': the county in front is not part of the town's name.
        for f in known:
            if f.start <= start < f.start + len(f.name):
                start = f.start + len(f.name)
        start += trim_left(text[start : m.end()])
        name = text[start : m.end()]
        if len(name) - (2 if name.endswith("街道") else 1) < 2 or name[0] in _NOT_TOWN_START:
            continue
        if lexicon().head_re.search(name[:-1]):
            continue  # '主任孙殿镇': a title and a name, not a town
        out.append((name, written[start : m.end()]))
    return out


def _mask(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2:
            text = text.replace(name, " " * len(name))
    return text


LEVEL_ORDER = "省市州盟县区旗"


def _short_form(name: str, gaz: Gazetteer) -> Division | None:
    """'台儿庄周刊', '淮安日报': a masthead opens with a division's name less its level word;
    a city's before a county's of the same short name."""
    found: list[Division] = []
    for k in range(min(len(name), gaz.longest), 1, -1):
        if name[k - 1] in NAME_ENDS and name[:k] in gaz.by_name:
            # '陇县广播电视台': a two-character county is its full name already
            return sorted(gaz.by_name[name[:k]], key=lambda d: ("province", "city", "county").index(d.level))[0]
    for k in range(min(len(name), gaz.longest - 1), 1, -1):
        # The level the name writes out first ('石门县融媒体中心' is 石门县, not 石门区), then a fixed
        # order: iterating the set itself would make the answer hang on Python's hash seed.
        written = name[k : k + 1]
        for end in sorted(NAME_ENDS, key=lambda e: (e != written, LEVEL_ORDER.index(e))):
            found.extend(gaz.by_name.get(name[:k] + end, []))
        if found:
            break
    found.sort(key=lambda d: ("province", "city", "county").index(d.level))
    return found[0] if found else None


LEVEL_CHARS = "省市县区镇乡"


def _count_short_forms(texts: list[tuple[str, str, bool]], company_names: list[str], gaz: Gazetteer,
                       counts: Counter[str], first: dict[str, int], written: dict[str, str],
                       short_written: dict[str, str]) -> None:
    """'滁州经开区', '我县…江华': a story that never writes its city or county in full may name it
    without its level word; one named twice (or in the headline) is its home."""
    seen: Counter[str] = Counter()
    leveled: set[str] = set()
    where: dict[str, int] = {}
    as_written: dict[str, str] = {}
    pos = 0
    for match, original, headline in texts:
        masked = _mask(match, company_names)
        for i in range(len(masked) - 1):
            if masked[i : i + 2] not in gaz.short_starts:
                continue
            if masked[i] == "长" and i > 0 and masked[i - 1] in "省市县区旗州镇乡":
                continue  # '县长宁某某': the 长 ends a title, it starts no place
            if _in_a_name(masked, i):
                continue
            for k in (4, 3, 2):
                short = masked[i : i + k]
                if short in gaz.by_short:
                    level = masked[i + k : i + k + 1]
                    # '黔西县' of a county since made a city (黔西市): still that place
                    became_city = level == "县" and any(d.level == "county" for d in gaz.by_name.get(short + "市", []))
                    if level and level in LEVEL_CHARS and short + level not in gaz.by_name and not became_city:
                        break  # '某溪市' where only a '某溪区' exists elsewhere: another place
                    if became_city or short + level in gaz.by_name or (
                        level == "州" and any(d.name.endswith("自治州") for d in gaz.by_short[short])
                    ):
                        leveled.add(short)  # written with its level: a place, whatever else the word means
                    after = masked[i + k : i + k + 4]
                    if any(d.level == "province" for d in gaz.by_short[short]) and any(
                        after[:n] in gaz.by_short for n in (2, 3, 4)
                    ):
                        break  # '河北青龙': the province before its county, not Tianjin's 河北区
                    seen[short] += 2 if headline else 1
                    where.setdefault(short, pos + i)
                    as_written.setdefault(short, original[i : i + k])
                    break
        pos += len(match)
    for short, n in seen.items():
        if n < 2 or (is_common_word(short) and short not in leveled):
            continue
        divs = gaz.by_short[short]
        div = min(divs, key=lambda d: ("city", "county").index(d.level) if d.level in ("city", "county") else 2)
        counts[div.name] += n
        first.setdefault(div.name, where[short])
        written.setdefault(div.name, div.name)
        if len(div.name) == len(short) + 1:  # not '江华' of 江华瑶族自治县: that keeps its full name
            short_written.setdefault(div.name, as_written[short])


@lru_cache(maxsize=1)
def _titled_end(_lexicon: int) -> tuple[frozenset[str], re.Pattern[str]]:
    lex = lexicon()
    return frozenset(x for x in lex.get("surnames") if len(x) == 1), re.compile(f"(?:{lex.head_re.pattern})$")


def _in_a_name(text: str, i: int) -> bool:
    """'副区长陈金山': after a title a surname opens a name, and what follows it is no place."""
    surnames, titled = _titled_end(id(lexicon()))
    return i >= 3 and text[i - 1] in surnames and titled.search(text, 0, i - 1) is not None


def _child_short_form(city: Division, text: str, gaz: Gazetteer) -> Division | None:
    """'开阳示范段' in a 贵阳市 story: a county of the story's city named without its level word."""
    best: tuple[int, Division] | None = None
    for div in gaz.children(city):
        if len(div.name) < 3:
            continue
        short = div.name[:-1]
        n = sum(1 for m in re.finditer(re.escape(short), text) if not _in_a_name(text, m.start()))
        if n and (best is None or n > best[0]):
            best = (n, div)
    return best[1] if best else None


def merged(own: Homes, document: Homes, names: list[str] | tuple[str, ...] = ()) -> Homes:
    """An article's homes, with the levels it does not name taken from its document; not a level
    the page only read inside one of the article's people's ``names`` ('卓永兴' is no 永兴县)."""

    def in_a_name(level: str) -> bool:
        seen = to_matching(document.short.get(level) or document.written[level])
        return any(seen in n for n in names)

    taken = {lvl: w for lvl, w in document.written.items() if not in_a_name(lvl)}
    short = {lvl: w for lvl, w in {**document.short, **own.short}.items()
             if (lvl not in own.written or lvl in own.short) and (lvl in own.short or lvl in taken)}
    return Homes({**taken, **own.written}, own.city_in_headline, short)


# '带队赴某区考察', '拜访了某区政府': the place a delegation goes to is not where its officials
# hold office; '来某县考察' names the paper's own county, which the visitors came to.
_GOING_TO = re.compile(r"(?:赴|前往|拜访了?|赶赴|出访|(?:带队|率队|率团|一行)到)$")
_COMING_TO = re.compile(r"(?:来|来到|莅临)$")


def _weight(text: str, start: int, headline: bool) -> int:
    before = text[max(0, start - 3) : start]
    if _GOING_TO.search(before):
        return 0
    weight = 2 if headline else 1
    return weight + 1 if _COMING_TO.search(before) else weight


# A page's sentences are read for places twice, once for each article and once for the page
# (PageHomes); the reading depends on the sentence alone.
@lru_cache(maxsize=8192)
def _found_in(masked: str, text: str) -> tuple[_Found, ...]:
    return tuple(_find(masked, text, gazetteer()))


def _towns_in(masked: str, text: str) -> tuple[tuple[str, str], ...]:
    return _towns_read(masked, text, id(lexicon()))


@lru_cache(maxsize=8192)
def _towns_read(masked: str, text: str, _lexicon: int) -> tuple[tuple[str, str], ...]:
    # The lexicon's titles decide what is a town ('主任孙殿镇' is not): one cache per lexicon.
    return tuple(_towns(masked, text, list(_found_in(masked, text))))


def find_homes(sentences: list[Sentence], company_names: list[str], extra: list[str] | None = None) -> Homes:
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    written: dict[str, str] = {}
    towns: Counter[str] = Counter()
    town_written: dict[str, str] = {}
    in_headline: set[str] = set()
    pos = 0
    texts = [(s.match, s.text, s.paragraph < 0) for s in sentences]
    for name in extra or []:
        short = _short_form(to_matching(name), gaz)
        if short:
            counts[short.name] += 1
            first.setdefault(short.name, -1)
            written.setdefault(short.name, short.name)
    for match, text, headline in texts:
        masked = _mask(match, company_names)
        found = _found_in(masked, text)
        for f in found:
            counts[f.name] += _weight(masked, f.start, headline)
            if headline:
                in_headline.add(f.name)
            first.setdefault(f.name, pos + f.start)
            written.setdefault(f.name, f.written)
        for name, w in _towns_in(masked, text):
            towns[name] += 1
            town_written.setdefault(name, w)
        pos += len(match)
    short_written: dict[str, str] = {}
    if not any(gaz.by_name[n][0].level in ("county", "city") for n in counts):
        _count_short_forms(texts, company_names, gaz, counts, first, written, short_written)
    names = set(counts)
    texts_all = "".join(_mask(m, company_names) for m, _, _ in texts)

    def pick(div_list: list[Division] | tuple[Division, ...]) -> Division:
        # Of several divisions with one name (三个 '市中区'), the one whose city or province the text names.
        for div in div_list:
            if any(gaz.by_code.get(c) and gaz.by_code[c].name in names for c in div.parents):
                return div
        return div_list[0]

    by_level: dict[str, Counter[str]] = {lvl: Counter() for lvl in ("province", "city", "county")}
    chosen: dict[str, Division] = {}
    for name, n in counts.items():
        div = pick(gaz.by_name[name])
        chosen[name] = div
        by_level[div.level][name] += n

    def best(level: str) -> str | None:
        cands = by_level[level]
        if not cands:
            return None
        return max(cands, key=lambda nm: (cands[nm], -first[nm]))

    homes = Homes()
    county = best("county")
    if county:
        homes.written["county"] = written[county]
        if county in short_written:
            homes.short["county"] = short_written[county]
        above = gaz.parent(chosen[county], "city")
        if above is not None:
            by_level["city"][above.name] += by_level["county"][county]
            first.setdefault(above.name, 10**9)
            written.setdefault(above.name, above.name)
            chosen.setdefault(above.name, above)
    city = best("city")
    if city:
        homes.written["city"] = written[city]
        if city in short_written:
            homes.short["city"] = short_written[city]
        county_name = homes.written.get("county")
        homes.city_in_headline = city in in_headline and not (county_name and to_matching(county_name) in in_headline)
        above = gaz.parent(chosen[city], "province")
        if above is not None and above.name != city:
            by_level["province"][above.name] += by_level["city"][city]
            first.setdefault(above.name, 10**9)
            written.setdefault(above.name, above.name)
    if not county and city:
        short = _child_short_form(chosen[city], texts_all, gaz)
        if short is not None:
            homes.written["county"] = short.name
    province = best("province")
    if province:
        homes.written["province"] = written[province]
    # A town is the story's only where the story names it again ('增锹发言镇' is a misread).
    towns = Counter({t: n for t, n in towns.items() if texts_all.count(t) >= 2})
    if towns:
        homes.written["town"] = town_written[max(towns, key=lambda t: towns[t])]
    return homes


def _post(title_match: str) -> str:
    """The title without '中共' in front or the 代 of an acting head."""
    return _ACTING.sub("", _PARTY_PREFIX.sub("", title_match))


_LEVEL_OF_CHAR = {"省": ("province",), "市": ("city", "county"), "州": ("city",), "盟": ("city",),
                  "区": ("county",), "县": ("county",), "旗": ("county",)}


def _named_division(t: str, min_len: int = 2) -> tuple[int, int, Division] | None:
    """(start, end, division) of the division a title opens with: '杭州市委…', '江华县委…' (the
    short name of 江华瑶族自治县 with its level), the lower of two ('商丘市梁园区委…')."""
    gaz = gazetteer()
    found: tuple[int, int, Division] | None = None
    start = 0
    while start < len(t):
        hit = None
        for k in range(min(gaz.longest, len(t) - start), min_len - 1, -1):
            name = t[start : start + k]
            if name in gaz.by_name and not (k == 2 and name.endswith(_TOO_SHORT_END)):
                hit = (start, start + k, gaz.by_name[name][0])
                break
            levels = _LEVEL_OF_CHAR.get(name[-1:], ())
            divs = [d for d in gaz.by_short.get(name[:-1], []) if d.level in levels] if k >= 3 else []
            if divs:
                hit = (start, start + k, divs[0])
                break
        if hit is None:
            break
        found, start = hit, hit[1]
    return found


def explicit_level(title_match: str) -> str | None:
    """The level of a division the title names outright ('杭州市委副书记' -> city), else None."""
    named = _named_division(_post(title_match), min_len=3)
    return named[2].level if named else None


def title_level(title_match: str) -> str | None:
    t = _DEPUTY.sub("", _post(title_match))
    return next((level for word, level in _LEVEL_WORDS if t.startswith(word)), None)


def office_place(title_match: str, title_written: str, homes: Homes) -> str | None:
    """The division a post belongs to, as the text writes it; None where nothing says."""
    t = _post(title_match)
    skip = len(title_match) - len(t)
    named = _named_division(t)
    if named:
        written = t[named[0] : named[1]]
        if written.endswith("州") and named[2].name.endswith("自治州") and written not in gazetteer().by_name:
            return named[2].name  # '海西州委副书记': an autonomous prefecture's short name is no name of its own
        return title_written[skip + named[0] : skip + named[1]]
    town = _TOWN_TITLE.match(t)
    if town and (town.group(1)[0] not in _NOT_TOWN_START or _NUMERAL_NAMES_TOWN.match(town.group(1))):
        return title_written[skip : skip + town.end()]
    deputy = _DEPUTY.match(t)
    level_at = skip + (deputy.end() if deputy else 0)
    t = _DEPUTY.sub("", t)
    for word, level in _LEVEL_WORDS:
        if t.startswith(word):
            if level in homes.short and len(word) == 1 and word in "市县区旗":
                return homes.short[level] + title_written[level_at]
            if level in homes.short and len(word) == 1 and word == "州" and level in homes.written:
                return homes.written[level]  # '州长' in a '临夏州' story: the prefecture's own name
            county = homes.written.get("county")
            if word == "市" and county and to_matching(county).endswith("市") and not homes.city_in_headline:
                return county  # '市委书记' in a 县级市's story (启东市, 松滋市) is that city's
            return homes.written.get(level)
    return None


def document_homes(headlines_and_paragraphs: list[tuple[list[str], list[str]]], masthead: str | None,
                   site: list[str] | None = None) -> Homes:
    """The homes of a whole page: what a district paper's articles that name no place fall back on,
    with the site its header names ('某市人民政府')."""
    sentences = [s for heads, paras in headlines_and_paragraphs for s in split_sentences(heads, paras)]
    return find_homes(sentences, [], [masthead or "", *(site or [])])


class PageHomes:
    """A page's homes, read the first time an article asks (most pages never need them)."""

    def __init__(self, headlines_and_paragraphs: list[tuple[list[str], list[str]]], masthead: str | None,
                 site: list[str] | None = None) -> None:
        self._parts = headlines_and_paragraphs
        self._masthead = masthead
        self._site = site or []
        self._homes: Homes | None = None

    def get(self) -> Homes:
        if self._homes is None:
            self._homes = document_homes(self._parts, self._masthead, self._site)
        return self._homes
