"""Entity resolution: one node per real-world person, company and project, across articles.

graph/collect.py builds an article's rows (graph/rows.py) with ids derived from names alone. Before
they are written, ``resolve_rows`` looks at what the graph already holds and rewrites the
ids so that:

- a person is one node per (name, line of work, place): officials are scoped by the county-level
  place read from their titles and organisations, else from the publication's masthead;
  executives by the company they work for. Homonyms in different places, or an official and an
  executive with the same name, get different nodes unless evidence joins them;
- a company's short form (``X公司``, ``X``) joins its full legal name when it is the full name's
  distinctive prefix, within an article and across documents;
- a project joins an existing one when a name or alias is shared, or when they share a company
  and distinctive words (or one is named only after the company, which runs one project).

Manual corrections (graph/corrections.py) are applied last: a split sends an article's mentions
to the split-off node, a merge redirects an id into the one it was merged into.

Every decision is kept: ``resolution`` on the MENTIONED_IN edge of the article, and ``sector``,
``scope``, ``jurisdiction``, ``first_seen``/``last_seen`` on the person.

The first node of a name keeps the plain id of guanxi/ids.py, so ids already handed out stay
valid; a homonym kept apart gets an id that includes its scope.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any, Protocol, TypeVar, cast

from graph.rows import ArticleRows, OrganizationRow, ProjectRow
from guanxi.facts import Article
from guanxi.ids import make_id, normalise_name, organization_id, person_id, position_id, project_id
from guanxi.simplified import to_simplified

Row = dict[str, Any]
R = TypeVar("R", bound=Mapping[str, Any])

@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    return to_simplified(normalise_name(name))


def fold(name: str | None) -> str:
    """The form names are compared in: NFKC, no spaces, simplified characters (博遠 → 博远)."""
    return _fold(name or "")


def with_folded(names: list[str]) -> list[str]:
    """The names and their simplified forms, without repeats."""
    return list(dict.fromkeys([*names, *(fold(n) for n in names)]))


# --- places ---------------------------------------------------------------------------------

# Development zones and similar areas end in 区 but are not counties; their name's head (often
# the county's) is kept and the zone word dropped.
_ZONE_WORDS = re.compile(
    "经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|新区|示范区|"
    "产业园区|工业园区|园区|社区|小区|城区|辖区|片区|景区|校区|矿区|林区|保税区|自贸区"
)
_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")
# Characters that occur in titles and organ names but not in the place names before 区/县/市.
_NOT_PLACE = set("副务委书记长党政府人大协主任部局厅会院员常")
_COUNTY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(自治县|区|县|旗)(?!长)")
_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(市)(?!长)")
_ZONE_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,4})\|")
_MEDIA_SUFFIX = re.compile(
    "(?:人民政府网|政府网|融媒体中心|融媒|新闻网|新闻中心|电视台|广播电视台|周刊|日报|晚报|早报|时报|报|网|发布|新闻)$"
)
_GOV_SUFFIX = re.compile("(?:人民政府|政府|委员会)$")


def _place_at_start(text: str, pattern: re.Pattern[str]) -> str | None:
    match = pattern.match(text)
    if match and not (set(match.group(1)) & _NOT_PLACE):
        return match.group(1)
    return None


def place_of(text: str | None) -> str | None:
    """The county-level place a title or an organ name starts with: 鹤泉区委 → 鹤泉.

    A county (区/县/旗) wins over a city (市), since officials and news here are county-level.
    Zone names give their head (X经济开发区管委会 → X). Companies give no place.
    """
    if not text:
        return None
    name = _PARTY_PREFIX.sub("", fold(text))
    if is_company(name):
        return None
    zoned = _ZONE_WORDS.sub("|", name)
    county = _place_at_start(zoned, _COUNTY)
    if county:
        return county
    head = _ZONE_HEAD.match(zoned)
    if head and not (set(head.group(1)) & _NOT_PLACE):
        return head.group(1)
    return _place_at_start(zoned, _CITY)


def place_with_level(text: str | None) -> tuple[str, str] | None:
    """(place, level) a title or organ name starts with: 云岭区委 → (云岭, 区)."""
    if not text:
        return None
    name = _ZONE_WORDS.sub("|", _PARTY_PREFIX.sub("", fold(text)))
    if is_company(name):
        return None
    for pattern in (_COUNTY, _CITY):
        match = pattern.match(name)
        if match and not (set(match.group(1)) & _NOT_PLACE):
            return match.group(1), match.group(2)
    return None


_BARE_ORGAN = re.compile(r"^(区|县|市)(?!长)[\u4e00-\u9fff]")


def qualify_organ(name: str, places: dict[str, list[str]], masthead: str | None) -> str | None:
    """A government or party body named without its place (区委组织部, 县政府) gets the place the
    article gives for that level (云岭区委 in the same article → 云岭区委组织部), else the masthead's.

    Without this, every county's 区委组织部 would be one node linking officials who never met.
    """
    text = normalise_name(name)
    if is_company(text) or place_of(text) or not _BARE_ORGAN.match(text):
        return None
    candidates = places.get(text[0], [])
    if len(candidates) == 1:
        return candidates[0] + text
    # A county's paper speaks of its own county; which city it lies in, it does not say.
    if masthead and text[0] != "市" and (not candidates or masthead in candidates):
        return masthead + text
    return None


def article_places(art: Article) -> dict[str, list[str]]:
    """The places an article names, by level (区/县/市), from its organ names and titles."""
    found: dict[str, list[str]] = {}
    texts = [o.name for o in art.organizations]
    texts += [x for person in art.people for pos in person.positions for x in (pos.org, pos.title) if x]
    for text in texts:
        hit = place_with_level(text)
        if hit:
            place, level = hit
            level = "县" if level == "自治县" else level
            if place not in found.setdefault(level, []):
                found[level].append(place)
    return found


def masthead_place(publication: str | None) -> str | None:
    """The place a publication is named after: 鹤泉周刊 → 鹤泉, X区人民政府网 → X."""
    if not publication:
        return None
    name = normalise_name(publication)
    found = place_of(name)
    if found:
        return found
    bare = _GOV_SUFFIX.sub("", _MEDIA_SUFFIX.sub("", name))
    if 2 <= len(bare) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", bare) and not (set(bare) & _NOT_PLACE):
        return bare
    return None


# --- companies ------------------------------------------------------------------------------

_LEGAL_SUFFIX = re.compile("(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|集团|公司|银行)$")
_COMPANY_WORDS = ("公司", "集团", "银行", "厂", "企业")
_PAREN = re.compile(r"\([^)]*\)")


def is_company(name: str | None) -> bool:
    return bool(name) and normalise_name(name or "").endswith(_COMPANY_WORDS)


def is_legal_name(name: str) -> bool:
    return bool(re.search("有限公司$|有限责任公司$|股份有限公司$", normalise_name(name)))


def company_core(name: str) -> str:
    """The name without the place in brackets and the legal form: 创普斯(深圳)新能源科技有限公司 → 创普斯新能源科技."""
    text = _PAREN.sub("", normalise_name(name))
    return _LEGAL_SUFFIX.sub("", text)


def prefix_windows(*names: str | None) -> list[str]:
    """The two-character windows short_form_joins compares: the start of each name and its core, and
    at 2 and 3 the windows that could open a short form after a home place (浙江东岳… for 东岳).

    A company's node keeps them as LookupKeys (``pre|东岳``). Left out at 2 and 3: a window with a
    bracket (``(成`` of …(成都)…), a province, big city or industry word (农业), and one that starts
    inside an industry word (``业发`` of 农业发展). No short form starts there, and on a 100k-article
    archive such keys listed hundreds to a thousand companies each, which every article naming one
    such company read and checked (bench/README.md).
    """
    out: set[str] = set()
    for name in names:
        out |= _name_windows(fold(name))
    return sorted(out)


@lru_cache(maxsize=1 << 14)
def _name_windows(full: str) -> frozenset[str]:
    # Cached: every article naming a company asks again, and each window is checked against every
    # industry word.
    out: set[str] = set()
    for text in (company_core(full), full):
        if len(text) >= 2:
            out.add(text[:2])
        out.update(text[i:i + 2] for i in (2, 3) if len(text) >= i + 2 and _opens_short_form(text, i))
    return frozenset(out)


def _opens_short_form(text: str, i: int) -> bool:
    window = text[i:i + 2]
    if any(ch in "()" for ch in window) or _common_window(window) or window in _COMPANY_WORDS:
        return False
    return not any(text.startswith(w, i - 1) for w in _industry_words())


@lru_cache(maxsize=1)
def _industry_words() -> tuple[str, ...]:
    from loaders.facts.lexicon import lexicon

    return tuple(w for w in lexicon().get("company_words") if len(w) >= 2)


@lru_cache(maxsize=1 << 14)
def _common_window(window: str) -> bool:
    """A province or big city (河南, 成都), or the start of an industry word (农业, 智能, 科技)."""
    from loaders.facts.lexicon import lexicon

    words = lexicon()
    return window in words.get("places") or any(w.startswith(window) for w in _industry_words())


def prefix_needles(*names: str | None) -> list[str]:
    """The windows a lookup asks for among every stored window, for a full name that holds one of
    these names as its short form: the start of each name's core, which that full name must hold
    at 0, 2 or 3. A full legal name asks only when its start is not a common word (浙江): hundreds
    of companies share those.
    """
    keep: set[str] = set()
    for name in names:
        full = fold(name)
        core = company_core(full)
        if len(core) >= 2 and (not is_legal_name(full) or not _common_window(core[:2])):
            keep.add(core[:2])
    return sorted(keep)


def start_needles(*names: str | None) -> list[str]:
    """The windows a lookup asks for at the start of stored names only, for a short form of one of
    these names (创泽 in 浙江创泽新材料…): the name's windows without the common ones. Asked among
    every stored window, a window inside a name (泽新) returned every company of a family of names
    (江苏创泽新材料…, 山东创泽新材料…), thousands of candidates per article on a 100k-article
    archive (bench/README.md)."""
    return sorted(w for w in prefix_windows(*names) if not _common_window(w))


def starts_with_window(search_names: list[str], windows: set[str]) -> bool:
    """A stored name or alias opens with one of the windows (search names are lower case)."""
    return any(s[:2] in windows for s in search_names)


def short_form_joins(short: str, full: str) -> bool:
    """A short form names a company when it is the distinctive start of its full name.

    创普斯公司 and 创普斯 join 创普斯(深圳)新能源科技有限公司: the short form, without 公司, is a
    prefix (two characters or more) of the full name with its bracketed place removed.
    """
    core = company_core(fold(short))
    full_text = fold(full)
    if len(core) < 2 or fold(short) == full_text or not is_company(full_text):
        return False
    if is_legal_name(short) and is_legal_name(full_text):
        return False  # two full legal names are two companies
    # The full name may open with the company's home place (浙江东岳… for 东岳): two or three characters.
    full_core = company_core(full_text)
    return any(text.startswith(core, start) for text in (full_core, full_text) for start in (0, 2, 3))


def legal_preference(name: str) -> tuple[int, int, int]:
    """Which name a company node shows: a full legal name, else a company word, else the longest."""
    text = normalise_name(name)
    return (int(is_legal_name(text)), int(is_company(text)), len(text))


# --- projects -------------------------------------------------------------------------------

_HOST_KINDS = ("government", "party")
# A plant's size: number and unit only (a wider match ate the product too: 年产28万立方米装配式构件
# ends in 件). With 年产 it is a capacity, and what follows is what the plant makes.
_SIZE = re.compile(r"[\d.,]+[万亿千百十]*(?:立方米|平方米|吨|台套|台|套|件|辆|只|个|片|颗|支|条|块|米|亩|兆瓦|千瓦|GWh|MWh|kWh|GW|MW|KW|kW)")
_CAPACITY = re.compile("年产" + _SIZE.pattern)
_AFTER_LEGAL_NAME = re.compile("^.*(?:公司|集团)")
# Digits are not words: 1261亩 and 2612亩 share 261.
_DIGITS = re.compile(r"[\d.,]+")
_PROJECT_GENERIC = re.compile("项目|工程|一期|二期|三期|建设|产业园|生产|基地")


def project_words(name: str, company_names: list[str]) -> str:
    """What is left of a project's name without capacity, company and generic words."""
    return _project_words(name, tuple(company_names))


@lru_cache(maxsize=1 << 14)
def _project_words(name: str, company_names: tuple[str, ...]) -> str:
    # Cached: an article naming a busy company compares its project with every project the company
    # runs, and the next article naming it does so again.
    text = normalise_name(name)
    # What follows the capacity is what the plant makes (…公司年产5万吨饲料项目 → 饲料); without one, a
    # company's legal name ends where the project's own words begin.
    capacity = _CAPACITY.search(text)
    text = text[capacity.end():] if capacity else _AFTER_LEGAL_NAME.sub("", text)
    for company in sorted(company_names, key=len, reverse=True):
        for form in (normalise_name(company), company_core(company), _PAREN.sub("", normalise_name(company))):
            if len(form) >= 2:
                text = text.replace(form, "")
    text = _DIGITS.sub("", _SIZE.sub("", _PAREN.sub("", text)))
    return _PROJECT_GENERIC.sub("", text)


def same_plant(a: str, b: str, company_names: list[str]) -> bool:
    """Two names of one company's projects describe the same plant: their own words meet, and they
    do not state two different sizes (年产5万吨 and 年产8万吨 of one product are two lines)."""
    size_a, size_b = _plant_size(a), _plant_size(b)
    if size_a and size_b and size_a != size_b:
        return False
    return share_words(project_words(a, company_names), project_words(b, company_names))


@lru_cache(maxsize=1 << 14)
def _plant_size(name: str) -> str | None:
    # Cached as _project_words is: the same candidates' names are compared article after article.
    found = _SIZE.search(normalise_name(name))
    return found.group(0) if found else None


def share_words(a: str, b: str, size: int = 3) -> bool:
    """Two project descriptions share a run of ``size`` characters (or one contains the other)."""
    if not a or not b:
        return False
    if (len(a) >= 2 and a in b) or (len(b) >= 2 and b in a):
        return True
    grams = {a[i : i + size] for i in range(len(a) - size + 1)}
    return any(b[i : i + size] in grams for i in range(len(b) - size + 1))


# --- what the graph is asked ----------------------------------------------------------------


# What organizations() is asked for one cluster of an article's names: names and aliases,
# two-character windows among all stored ones (prefix_needles), names matched only exactly, and
# windows that stored names open with (start_needles).
OrgRequest = tuple[list[str], list[str], list[str], list[str]]
# What projects() is asked for one project: its names, and the ids of its companies.
ProjectRequest = tuple[list[str], list[str]]


class Lookup(Protocol):
    """What resolution needs to know about the graph (graph/lookup.py answers it from Neo4j).

    Rows come ordered by id, nodes split off by a correction (``split_from``) last: a mention that
    fits both goes to the original, and only the split articles go to the other (see corrections).
    The ``prefetch`` calls announce every question of an article at once, so a lookup can answer
    them in one round trip; the others then answer from what it read.
    """

    def prefetch(self, article_id: str, people: list[str], organizations: list[OrgRequest]) -> None: ...
    def prefetch_projects(self, projects: list[ProjectRequest]) -> None: ...
    def people(self, names: list[str]) -> list[Row]: ...  # id, name, sector, scope
    # ``names`` are looked for among names and aliases, ``exact`` only as a node's own name.
    def organizations(self, names: list[str], prefixes: list[str], exact: list[str] | None = None,
                      starts: list[str] | None = None) -> list[Row]: ...  # id, name, aliases, kind
    # Projects holding one of ``names``; ``companies`` on each row: those of ``org_ids`` it belongs to.
    def projects(self, names: list[str], org_ids: list[str]) -> list[Row]: ...  # id, name, aliases, companies
    def company_projects(self, org_ids: list[str]) -> list[Row]: ...  # every project of these companies
    def corrections(self, article_id: str) -> tuple[dict[str, str], dict[str, str]]: ...  # merges, splits
    # Names of nodes this lookup has read; a node it has not read keeps its stored name (keep_name).
    def known_names(self, ids: list[str]) -> dict[str, str]: ...
    def previous(self, article_id: str) -> set[str]: ...  # ids the article's earlier load mentioned


def _earlier_first(found: list[Row], previous: set[str]) -> list[Row]:
    """Candidates this article already resolved to on an earlier load come first.

    Rules such as "the company runs one project" depend on what else the graph holds, so without
    this a re-load of the same article, after other articles arrived, could decide differently and
    write new facts: loading an article twice must change nothing."""
    return sorted(found, key=lambda r: r["id"] not in previous)


def _only_earlier(rows: list[Row], previous: set[str]) -> list[Row]:
    earlier = [r for r in rows if r["id"] in previous]
    return earlier if len(earlier) == 1 else rows


@dataclass
class Decision:
    id: str
    reason: str
    name: str | None = None
    aliases: list[str] = field(default_factory=list)


def scoped_person_id(name: str, sector: str | None, scope: str | None) -> str:
    return make_id("person", normalise_name(name), sector or "", scope or "")


def _union_find(items: list[str], joined: Any) -> list[list[str]]:
    parent = {x: x for x in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if joined(a, b):
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for x in items:
        groups.setdefault(root(x), []).append(x)
    return list(groups.values())


# --- organizations --------------------------------------------------------------------------


def organ_variants(names: list[str]) -> list[str]:
    """Names with the usual long and short form of a government: X县人民政府 and X县政府."""
    out = list(names)
    for name in names:
        if is_company(name):
            continue
        if name.endswith("人民政府"):
            out.append(name[: -len("人民政府")] + "政府")
        elif name.endswith("政府") and len(name) > 3:
            out.append(name[: -len("政府")] + "人民政府")
    return list(dict.fromkeys(out))


@dataclass
class OrgCluster:
    """Names of one article that name the same organisation, and what the graph is asked for it."""

    members: list[str]  # the rows' ids
    names: list[str]
    company: bool
    own: str  # the name the article gives it, the most legal of the cluster
    usable: list[str]
    prefixes: list[str]
    bare: list[str]
    starts: list[str]

    @property
    def request(self) -> OrgRequest:
        return (self.usable, self.prefixes, self.bare, self.starts)


def org_clusters(rows: Sequence[OrganizationRow]) -> list[OrgCluster]:
    """The article's organisation rows grouped by name, short form and organ variant."""
    by_id = {r["id"]: r for r in rows}
    names_of = {oid: organ_variants(with_folded([r["name"], *r.get("aliases", [])])) for oid, r in by_id.items()}

    def joined(a: str, b: str) -> bool:
        na, nb = names_of[a], names_of[b]
        if set(na) & set(nb):
            return True
        return any(short_form_joins(x, y) or short_form_joins(y, x) for x in na for y in nb)

    clusters = []
    for members in _union_find(list(by_id), joined):
        names = list(dict.fromkeys(n for oid in members for n in names_of[oid]))
        company = any(is_company(by_id[oid]["name"]) or by_id[oid].get("kind") == "company" for oid in members)
        own = max((by_id[oid]["name"] for oid in members), key=legal_preference)
        # A bare organ name (区政府) joins only a node of that very name (see _pick_organization):
        # searched among aliases it returned every district government in the archive.
        usable = [n for n in names if company or place_of(n)]
        bare = [n for n in names if n not in usable]
        clusters.append(OrgCluster(members, names, company, own, usable, prefix_needles(*names) if company else [],
                                   bare, start_needles(*names) if company else []))
    return clusters


def resolve_organizations(rows: Sequence[OrganizationRow], lookup: Lookup, previous: set[str] | None = None,
                          clusters: list[OrgCluster] | None = None) -> dict[str, Decision]:
    """Row id → decision. Clusters the article's names first, then matches the graph."""
    decisions: dict[str, Decision] = {}
    for cluster in org_clusters(rows) if clusters is None else clusters:
        names, own = cluster.names, cluster.own
        found = _earlier_first(lookup.organizations(*cluster.request), previous or set())
        chosen, reason = _pick_organization(found, own, names, cluster.company, previous or set())
        if chosen is None:
            target = organization_id(own)
            reason = "new" if len(cluster.members) == 1 else "short form of a name in the same article"
            display = own
            known: list[str] = []
        else:
            target = chosen["id"]
            display = max([chosen["name"], own], key=legal_preference)
            known = [chosen["name"], *(chosen.get("aliases") or [])]
        aliases = [n for n in dict.fromkeys(names + known) if n != display]
        for oid in cluster.members:
            decisions[oid] = Decision(id=target, reason=reason, name=display, aliases=aliases)
    return decisions


def _pick_organization(found: list[Row], own: str, names: list[str], company: bool,
                       previous: set[str] | None = None) -> tuple[Row | None, str]:
    previous = previous or set()
    exact = [r for r in found if r["name"] == own]
    if exact:
        return exact[0], "same name"
    by_name = [r for r in found if r["name"] in names or fold(r["name"]) in names]
    if by_name:
        return by_name[0], "same name as an alias"
    # A bare organ name (区政府) is an alias of many governments: only names with a place or a
    # company's name join through aliases.
    usable = [n for n in names if company or place_of(n)]
    by_alias = _only_earlier([r for r in found if set(usable) & set(r.get("aliases") or [])], previous)
    if len(by_alias) == 1:
        return by_alias[0], "shares an alias"
    if company:
        prefixed = _only_earlier([r for r in found if is_company(r["name"]) and any(
            short_form_joins(n, r["name"]) or short_form_joins(r["name"], n) for n in names)], previous)
        if len(prefixed) == 1:
            return prefixed[0], "short form of the company's full name"
    return None, "new"


# --- people ---------------------------------------------------------------------------------


@dataclass
class PersonMention:
    legacy_id: str
    name: str
    sector: str | None  # official | executive | other | None (not known from this article)
    scope: str | None  # officials: a place; executives: their company's id
    jurisdiction: str | None


def person_mentions(art: Article, publication: str | None, org_ids: dict[str, str],
                    names: list[str]) -> dict[str, PersonMention]:
    """What an article says about each person named in it: line of work and place."""
    masthead = masthead_place(publication)
    mentions: dict[str, PersonMention] = {}
    facts = {p.name.strip(): p for p in art.people}
    for name in names:
        pid = person_id(name)
        fact = facts.get(name)
        sector: str | None = None
        places: list[str] = []
        company: str | None = None
        if fact is not None:
            orgs = [pos.org for pos in fact.positions if pos.org]
            sector = fact.kind
            if any(is_company(o) for o in orgs) and not any(place_of(o) for o in orgs):
                sector = "executive" if fact.kind != "other" else fact.kind
            for pos in fact.positions:
                for text in (pos.org, pos.title):
                    found = place_of(text)
                    if found and found not in places:
                        places.append(found)
                if pos.org and is_company(pos.org) and company is None:
                    company = org_ids.get(organization_id(pos.org.strip()))
        jurisdiction = places[0] if places else masthead
        scope = company if sector == "executive" and company else jurisdiction
        mentions[pid] = PersonMention(pid, name, sector, scope, jurisdiction)
    return mentions


def resolve_person(m: PersonMention, found: list[Row], previous: set[str] | None = None) -> Decision:
    previous = previous or set()
    found = _earlier_first(found, previous)
    key = fold(m.name)
    same_name = [r for r in found if key in {fold(x) for x in [r["name"], *(r.get("aliases") or [])]}]
    exact = [r for r in same_name if r.get("sector") == m.sector and r.get("scope") == m.scope]
    if exact:
        return Decision(exact[0]["id"], "same name, same place and line of work", exact[0]["name"])

    def compatible(r: Row) -> bool:
        sector_ok = m.sector is None or r.get("sector") in (None, "other") or r.get("sector") == m.sector
        scope_ok = m.scope is None or r.get("scope") is None or r.get("scope") == m.scope
        # An executive's scope is a company when one is named, else a place: a place says nothing
        # against a company.
        if not scope_ok and m.sector == "executive":
            scope_ok = str(m.scope).startswith("org-") != str(r.get("scope")).startswith("org-")
        return sector_ok and scope_ok

    fits = [r for r in same_name if compatible(r)]
    if m.sector is None and len(fits) > 1 and m.jurisdiction:
        local = [r for r in fits if r.get("jurisdiction") == m.jurisdiction]
        fits = local or fits
    fits = _only_earlier(fits, previous)
    if len(fits) == 1:
        reason = ("only person of this name in this place" if m.sector is None
                  else "same name, nothing keeps them apart")
        return Decision(fits[0]["id"], reason, fits[0]["name"])
    taken = {r["id"] for r in found}
    plain = person_id(m.name)
    if plain not in taken:
        return Decision(plain, "new" if not same_name else "new: kept apart from a homonym", m.name)
    return Decision(scoped_person_id(m.name, m.sector, m.scope), "new: kept apart from a homonym", m.name)


# --- projects -------------------------------------------------------------------------------


def resolve_projects(rows: Sequence[ProjectRow], companies: dict[str, list[str]], company_names: dict[str, str],
                     lookup: Lookup, previous: set[str] | None = None) -> dict[str, Decision]:
    """Legacy project id → decision; ``companies`` maps a legacy project id to resolved org ids."""
    decisions: dict[str, Decision] = {}
    requests = [(with_folded([r["name"], *r.get("aliases", [])]), companies.get(r["id"], [])) for r in rows]
    lookup.prefetch_projects(requests)
    for row, (names, org_ids) in zip(rows, requests, strict=True):
        found = _earlier_first(lookup.projects(names, org_ids), previous or set())
        # A name such as 年产5万吨饲料项目 describes a plant, and two companies may plan the same one:
        # a project of other companies only is another project, whatever its name.
        ours = [r for r in found if not org_ids or not r.get("has_companies") or set(org_ids) & set(r["companies"])]
        chosen: Row | None = None
        reason = "new"
        exact = [r for r in ours if r["name"] == row["name"]]
        shared = [r for r in ours if set(names) & set(with_folded([r["name"], *(r.get("aliases") or [])]))]
        if exact:
            chosen, reason = exact[0], "same name"
        elif shared:
            chosen, reason = shared[0], "shares a name or alias"
        elif org_ids:
            # Only now every project of the companies: most projects are met again by name.
            same_company = _earlier_first(lookup.company_projects(org_ids), previous or set())
            seen = {r["id"] for r in found}
            found += [r for r in same_company if r["id"] not in seen]
            known = [company_names[o] for o in org_ids if o in company_names]
            mine = project_words(row["name"], known)
            same_company = _only_earlier(same_company, previous or set())
            own = [row["name"], *row.get("aliases", [])]
            wordy = [r for r in same_company
                     if any(same_plant(a, x, known) for x in [r["name"], *(r.get("aliases") or [])] for a in own)]
            wordy = _only_earlier(wordy, previous or set())
            if len(wordy) == 1:
                chosen, reason = wordy[0], "same company and distinctive words"
            elif not mine and len(same_company) == 1:
                chosen, reason = same_company[0], "named after its company, which runs one project"
        if chosen is None:
            # The simplified forms too, as a re-load that joins this node will add them (and as an
            # organisation keeps them): loading an article twice must change nothing.
            pid = project_id(row["name"])
            if org_ids and any(r["id"] == pid for r in found):  # the name's own id is another company's
                pid, reason = project_id(row["name"], min(org_ids)), "new: another company's project has the name"
            decisions[row["id"]] = Decision(pid, reason, row["name"], [n for n in names if n != row["name"]])
        else:
            aliases = [n for n in dict.fromkeys([*names, *(chosen.get("aliases") or [])]) if n != chosen["name"]]
            decisions[row["id"]] = Decision(chosen["id"], reason, chosen["name"], aliases)
    return decisions


# --- rewriting the article's rows -----------------------------------------------------------

_ID_KEYS = ("id", "person_id", "org_id", "project_id")


def search_names(*names: str | None) -> list[str]:
    """Normalised forms of a name and its aliases, for substring search (see schema.cypher)."""
    out: list[str] = []
    for name in names:
        key = normalise_name(name or "").lower()
        if key and key not in out:
            out.append(key)
    return out


def resolve_rows(rows: ArticleRows, art: Article, article_id: str, publication: str | None,
                 lookup: Lookup) -> ArticleRows:
    """The article's rows with resolved ids, and the resolution's own record of its decisions.
    ``rows`` is left as it was: a retried transaction resolves again from the same rows."""
    org_rows = list(rows.organizations)
    places, masthead = article_places(art), masthead_place(publication)
    for i, row in enumerate(org_rows):
        qualified = qualify_organ(row["name"], places, masthead)
        if qualified:
            org_rows[i] = {**row, "name": qualified, "aliases": [row["name"], *row["aliases"]]}
    clusters = org_clusters(org_rows) if org_rows else []
    people_names = with_folded(sorted({r["name"] for r in rows.people}))
    lookup.prefetch(article_id, people_names, [c.request for c in clusters])
    previous = lookup.previous(article_id)
    org_decisions = resolve_organizations(org_rows, lookup, previous, clusters) if org_rows else {}
    org_ids = {k: d.id for k, d in org_decisions.items()}

    mentions = person_mentions(art, publication, org_ids, [r["name"] for r in rows.people])
    # The mentions are the people rows, so their names are the ones prefetched.
    found_people = lookup.people(people_names) if mentions else []
    person_decisions = {pid: resolve_person(m, found_people, previous) for pid, m in mentions.items()}

    companies: dict[str, list[str]] = {}
    # A county government signs dozens of companies' projects: it hosts a project, it does not make
    # two projects one (on the 100k corpus one node had gathered 37 companies' plants through it).
    hosts = {r["id"] for r in org_rows if r.get("kind") in _HOST_KINDS}
    runs = [(r["org_id"], r["project_id"]) for r in rows.runs]
    runs += [(r["org_id"], r["project_id"]) for r in rows.signed if "org_id" in r]
    for legacy_org, legacy_project in runs:
        if legacy_org in hosts:
            continue
        target = org_ids.get(legacy_org) or legacy_org
        companies.setdefault(legacy_project, [])
        if target not in companies[legacy_project]:
            companies[legacy_project].append(target)
    company_names = {d.id: d.name or "" for d in org_decisions.values()}
    project_decisions = (resolve_projects(rows.projects, companies, company_names, lookup, previous)
                         if rows.projects else {})

    mapping: dict[str, str] = {}
    for decisions in (org_decisions, person_decisions, project_decisions):
        mapping.update({k: d.id for k, d in decisions.items()})
    merges, splits = lookup.corrections(article_id)
    for legacy, target in list(mapping.items()):
        mapping[legacy] = follow_corrections(target, merges, splits)
    # A node the lookups did not read either does not exist yet or was not a candidate; the write
    # keeps its stored name (keep_name), which is what this code would have chosen for a person or
    # a project. Asking for those names cost every article one more round trip.
    existing = lookup.known_names(sorted(set(mapping.values())))

    out = replace(rows, **{spec.name: [_rewrite(row, mapping) for row in getattr(rows, spec.name)]
                           for spec in fields(rows) if getattr(rows, spec.name) is not None})
    for person in out.people:
        person["keep_name"] = True  # a person's stored name always stays
    for held in out.titles_alone:  # one Position node per (person, title): the person's resolved id
        held["position_id"] = position_id(held["person_id"], held["title"])
    for org, org_before in zip(out.organizations, rows.organizations, strict=True):
        _named(org, org_decisions[org_before["id"]], existing, keep_stored=False)
        org["prefix_names"] = prefix_windows(org["name"], *org["aliases"])
    for project, project_before in zip(out.projects, rows.projects, strict=True):
        _named(project, project_decisions[project_before["id"]], existing, keep_stored=True)

    out.resolved_people = [
        {"id": mapping[pid], "sector": m.sector, "scope": m.scope, "jurisdiction": m.jurisdiction,
         "reason": person_decisions[pid].reason, "date": art.date}
        for pid, m in mentions.items()
    ]
    out.resolved_entities = [{"id": mapping[k], "reason": d.reason} for k, d in {**org_decisions,
                                                                                  **project_decisions}.items()]
    return _one_row_per_node(out)


def _one_row_per_node(rows: ArticleRows) -> ArticleRows:
    """Two names of one article resolved to one node (许梅立 and 許梅立, a company's legal name and
    its short form, a manual merge) are one row of each node statement.

    A statement reads every row's node before it sets any (Cypher runs clause by clause), so each of
    two rows of one node added the names the node lacked before the statement: aliases, search names
    and windows were stored twice. One row per node, with the lists united and the rest from the last
    row (what the last row's SET left), stores what the two rows did, once. The bulk path
    (graph/bulk_csv.py) folds the same rows, so it needs no model of how the server runs a statement.
    """
    def merged(row_list: list[R], *lists: str) -> list[R]:
        by_id: dict[str, R] = {}
        for row in row_list:
            first = by_id.get(row["id"])
            if first is not None and lists:
                united = {k: list(dict.fromkeys([*first[k], *row[k]])) for k in lists}
                row = cast(R, {**row, **united})
            by_id[row["id"]] = row
        return list(by_id.values())

    return replace(rows, people=merged(rows.people, "search_names"),
                   organizations=merged(rows.organizations, "aliases", "search_names", "prefix_names"),
                   projects=merged(rows.projects, "aliases", "search_names"),
                   resolved_people=merged(rows.resolved_people or []),
                   resolved_entities=merged(rows.resolved_entities or []))


def _named(row: OrganizationRow | ProjectRow, decision: Decision, existing: dict[str, str], keep_stored: bool) -> None:
    """The name and aliases an organisation's or project's node is written with. ``keep_stored``: a
    stored name wins whatever it is (a project); else only when it is as legal a name (a company)."""
    keep = existing.get(row["id"])
    name = decision.name or row["name"]
    if keep and (keep_stored or legal_preference(keep) >= legal_preference(name)):
        name = keep
    names = [row["name"], *decision.aliases, *row["aliases"]]
    # Not read, maybe stored under another name: every name is an alias then (resolve_entities
    # drops the one that turns out to be the node's name).
    aliases = [a for a in dict.fromkeys(names) if a != name or row["id"] not in existing]
    row["name"], row["aliases"], row["search_names"] = name, aliases, search_names(name, *aliases)
    row["keep_name"] = row["id"] not in existing


def follow_corrections(target: str, merges: dict[str, str], splits: dict[str, str]) -> str:
    """A split of this article sends the mention to the split-off node; merges redirect, in chains."""
    target = splits.get(target, target)
    seen = {target}
    while target in merges and merges[target] not in seen:
        target = merges[target]
        seen.add(target)
    return target


def _rewrite(row: R, mapping: dict[str, str]) -> R:
    """A copy of the row with its node ids resolved."""
    out: dict[str, Any] = dict(row)
    for key in _ID_KEYS:
        if key in out and isinstance(out[key], str) and out[key] in mapping:
            out[key] = mapping[out[key]]
    return cast(R, out)
