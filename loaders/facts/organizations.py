"""Companies and organs: full legal names, short forms in lists, and their aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guanxi.facts import OrgKind
from loaders.facts.divisions import gazetteer
from loaders.facts.lexicon import lexicon
from loaders.facts.sentences import Sentence
from loaders.facts.titles import HAN, described_start, trim_left

SEPARATORS = set(",;:。!?、“”\"'《》 \t\n")
BRACKETS = re.compile(r"\([^()]*\)|（[^（）]*）")
BAD_FIRST = set("该本这各其子分母总此贵我你他她它")
LIST_RE = re.compile(
    r"((?:[^,;:。!?、\s]{2,20}、)*[^,;:。!?、\s]{2,20}?)等(?:[0-9]+[家个])?(?:[^\s,;:。!?、为向对给帮与和的在把将个家]{0,6}?)(?:企业(?!家|制度|机制|政策|环境|服务)|公司)"
    # 'A、B、C9家企业代表': a list of two or more that its count closes, without 等
    r"|((?:[^,;:。!?、\s]{2,20}、)+[^,;:。!?、\s0-9]{2,20}?)[0-9]+家(?:企业|公司)(?:代表|负责人)"
)
# ('A、B等服务企业制度': the services of a policy; 企业 qualifies the noun after it.)
# List items that are places, organs or sectors, not companies ('开发区、高新区等园区企业').
NOT_COMPANY_END = re.compile(
    r"(?:区|县|市|镇|乡|村|街道|社区|局|委|办|部|院|所|站|中心|园|基地|协会|商会|学校|医院|单位|部门|行业|领域|产业|企业)$"
)
SECTOR_LIST = re.compile(r"行业|领域|类|型|规上|规模以上")
GOVERNMENT_RUN_IN = re.compile(r"人民政府|管委会")
PROJECT_JOIN = re.compile(r"项目(?:和|与|及|以及)")
# 'A有限公司组建B有限公司': one company sets up another; B's name starts after the verb.
FOUNDS = re.compile(r"(?<=公司)(?:组建|设立|成立|出资|收购|合资|牵头|联合|控股)(?=[\u4e00-\u9fff]{2})")
AWARD_RE = re.compile(r"(?:被认定为|被评为|成功入选|认定|入选|获评|荣获|获批|入围|获得)")

GOVERNMENT_END = re.compile(
    r"(?:人民政府|政府|管委会|管理委员会|办事处|人大常委会|政协|法院|检察院|公安局|公安分局|局|"
    r"委员会|办公室|大队|支队|中队|派出所|所|站|区|县|市|镇|乡|街道|村|社区居委会|总工会|妇联|团委)$"
)
PARTY_END = re.compile(r"(?:党委|党工委|党组|区委|县委|市委|省委|纪委|监委|组织部|宣传部|统战部|政法委|党支部)$")
OTHER_END = re.compile(
    r"(?:医院|卫生院|大学|学院|学校|中学|小学|幼儿园|协会|学会|商会|基金会|研究院|研究所|中心|红十字会|社区|合作社)$"
)
ORG_AFTER = re.compile(
    r"([^,;:。!?、\s]{2,30}?(?:有限公司|有限责任公司|公司|集团|人民政府|政府|管委会|办事处|医院|卫生院|大学|"
    r"学院|学校|中心|协会|商会|研究院|研究所|银行|委员会|局))(?=签|举行|举办|就|正式|成功|达成|共同|双方|在|合作|战略|框架|协议|校地|校企|政企|银企|年产|日产|[0-9]|,|、|$)"
)


@dataclass
class OrgMention:
    name: str  # as written
    key: str  # matching form
    sentence: str
    rule: str


@dataclass
class Company:
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)  # as written
    keys: set[str] = field(default_factory=set)  # matching forms of name and aliases
    sentence: str = ""
    rule: str = ""


def without_brackets(key: str) -> str:
    return BRACKETS.sub("", key)


def brand(key: str) -> str:
    """The distinctive part of a company name: 山东启力元新能源科技有限公司 -> 启力元."""
    lex = lexicon()
    core = without_brackets(key)
    changed = True
    while changed:
        changed = False
        m = lex.company_suffix_re.search(core)
        if m and m.end() == len(core) and m.start() >= 2:
            core, changed = core[: m.start()], True
    for place in sorted(lex.get("places"), key=len, reverse=True):
        if core.startswith(place) and len(core) - len(place) >= 2:
            core = core[len(place) :]
            if core[:1] in "省市" and len(core) > 3:
                core = core[1:]
            break
    while True:
        m = lex.company_word_re.search(core)
        if not m or m.start() < 2:
            return core
        core = core[: m.start()]


def _valid_name(key: str, min_len: int = 2) -> bool:
    if len(key) < min_len or key[0] in BAD_FIRST:
        return False
    return all(HAN.match(ch) or ch.isalnum() or ch in "()" for ch in key)


# Stop characters that also occur inside company names (华为, 中和, 大有).
NAME_STOP_CHARS = "为有和同以于"


def _only_trade(stem: str) -> bool:
    """'技术', '投资' (or nothing): what is left of a name without its legal ending names no one."""
    lex = lexicon()
    while stem and (m := lex.company_word_re.search(stem)) and m.end() == len(stem):
        stem = stem[: m.start()]
    return len(stem) < 2 or lex.company_word_re.fullmatch(stem) is not None


def _person_before_join(piece: str) -> bool:
    """'丛日敏' before '和某集团': two or three characters opening with a surname and naming no
    place ('沈阳和世泰' is a company's name)."""
    lex = lexicon()
    surnames = lex.get("surnames")
    if not 2 <= len(piece) <= 3 or not (piece[0] in surnames or piece[:2] in lex.compound_surnames):
        return False
    gaz = gazetteer()
    return piece not in gaz.by_short and not any(piece + end in gaz.by_name for end in "省市区县")


def find_companies(sent: Sentence) -> list[OrgMention]:
    lex = lexicon()
    text = sent.match
    spans: list[tuple[int, int, str]] = []
    for m in lex.company_suffix_re.finditer(text):
        a = m.start()
        while a > 0 and text[a - 1] not in SEPARATORS and m.start() - a < 30:
            a -= 1
        start = a + trim_left(text[a : m.start()])
        while start > a and text[start - 1] in NAME_STOP_CHARS and _only_trade(text[start : m.start()]):
            # '华为技术有限公司' cut at 为: a trade word alone names no company; the name
            # runs on over the stop character.
            earlier = a + trim_left(text[a : start - 1])
            if start - 1 == a:
                start = a  # '、同达药业有限公司': the stop character opens the name
                break
            if earlier >= start - 1 or start - 1 - earlier > 2:
                break  # one or two characters before the stop ('华' of 华为), never a clause
            start = earlier
        run_in = [g.end() for g in GOVERNMENT_RUN_IN.finditer(text, start, m.start())]
        if run_in and m.start() - run_in[-1] >= 2:
            start = run_in[-1]  # '某县人民政府某集团…签约仪式': the parties written without 与
        after_project = [p.end() for p in PROJECT_JOIN.finditer(text, start, m.start())]
        after_project += [v.end() for v in FOUNDS.finditer(text, start, m.start())]
        if after_project:
            start = max(after_project)  # 'A公司X项目和B集团Y项目': B's name starts after the first project
        titled = [h.end() for h in lex.head_re.finditer(text, start, m.start())]
        if titled:
            # '总经理某某和某某公司': a title and a person's name end before the company's starts.
            joins = [j.end() for j in re.finditer(r"[和与及]", text[titled[-1] : m.start()])]
            if joins:
                start = titled[-1] + joins[-1]
            elif m.start() - titled[-1] >= 2:
                start = titled[-1]  # '某商会会长某集团总裁': the company is the one after the title
        # '市领导甲、乙和山东某集团有关负责同志': a name joined on before a company that starts with its
        # province (or 中国) is no part of it; '上海均和集团' has no place after its 和.
        joined = [j.end() for j in re.finditer(r"[和与及]", text[start + 2 : m.start()])]
        placed = [start + 2 + e for e in joined if lex.place_start_re.match(text, start + 2 + e)]
        if placed:
            start = placed[-1]
        elif joined and _person_before_join(text[start : start + 2 + joined[0] - 1]) and m.start() - (start + 2 + joined[0]) >= 2:
            start += 2 + joined[0]  # '签约仪式上,某某某和某集团负责人签订…': a person, then the company
        start = described_start(text, start, m.start())
        if m.start() - start < 2 or not _valid_name(text[start : m.start()]):
            continue
        if _generic_kind(text[start : m.start()]):
            continue
        end = m.end()
        if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1  # '重庆钢铁(集团)': the bracket closes the name
        spans.append((start, end, "company-suffix"))
    if lex.known_company_re is not None:
        for m in lex.known_company_re.finditer(text):
            spans.append((m.start(), m.end(), "user-lexicon"))
    for m in LIST_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if SECTOR_LIST.search(text, m.end(g), m.end()):
            continue  # '煤矿、危险化学品、烟花爆竹等行业企业': sectors, not companies
        offset = m.start(g)
        for item in re.finditer(r"[^、]+", m.group(g)):
            a, b = offset + item.start(), offset + item.end()
            if item.start() == 0:
                a += trim_left(text[a:b])
            key = text[a:b]
            if (
                2 <= len(key) <= 12 and _valid_name(key) and not any(ch.isdigit() for ch in key)
                and not NOT_COMPANY_END.search(key)
                and not lex.head_re.search(key)  # '某州委副书记、…等企业负责人': a title, no company
            ):
                spans.append((a, b, "company-list"))
    for clause in re.finditer(r"[^,;:。!?]+", text):
        award = AWARD_RE.search(clause.group())
        if not award:
            continue
        head = clause.group()[: award.start()]
        a = clause.start() + trim_left(head)
        key = text[a : clause.start() + award.start()]
        if 2 <= len(key) <= 14 and _valid_name(key) and (
            lex.company_word_re.search(key) or lex.company_suffix_re.search(key)
        ):
            spans.append((a, clause.start() + award.start(), "company-award"))
    # Keep the longest of overlapping spans (集团 inside 集团新能发电有限公司).
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[OrgMention] = []
    last_end = -1
    for a, b, rule in spans:
        if a < last_end:
            continue
        if any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _ in spans):
            continue
        out.append(OrgMention(sent.text[a:b], text[a:b], sent.text, rule))
        last_end = b
    return out


def merge_companies(mentions: list[OrgMention]) -> list[Company]:
    """Group mentions of one company; the full legal name becomes the name."""
    companies: list[Company] = []
    by_key: dict[str, Company] = {}
    ordered = sorted(mentions, key=lambda m: (not lexicon().legal_ending_re.search(m.key), -len(m.key)))
    for men in ordered:
        if men.key in by_key:
            continue
        target = _match(men.key, companies)
        if target is None:
            comp = Company(men.name, men.key, [], {men.key}, men.sentence, men.rule)
            companies.append(comp)
            by_key[men.key] = comp
        else:
            target.aliases.append(men.name)
            target.keys.add(men.key)
            by_key[men.key] = target
    # Restore the order of first mention.
    first = {m.key: i for i, m in reversed(list(enumerate(mentions)))}
    companies.sort(key=lambda c: min(first.get(k, 1 << 30) for k in c.keys))
    return companies


def _match(key: str, companies: list[Company]) -> Company | None:
    plain = without_brackets(key)
    for comp in companies:
        if plain in {without_brackets(k) for k in comp.keys}:
            return comp
    b = brand(key)
    if len(b) < 2:
        return None
    # A short form names the brand alone (创普斯, 创普斯公司) or is a piece of
    # the full name (瑞丰食品); 丰元锂电 is not a short form of 丰元化学股份.
    brand_only = _only_suffix(without_brackets(key)[len(b):]) if plain.startswith(b) else False
    hits = [c for c in companies if (brand_only and b in without_brackets(c.key)) or plain in without_brackets(c.key)]
    if len(hits) == 1:
        return hits[0]
    exact = [c for c in hits if brand(c.key) == b]
    return exact[0] if len(exact) == 1 else None


def company_for(key: str, companies: list[Company]) -> Company | None:
    """The company a name (full, short, or brand) refers to."""
    for comp in companies:
        if key in comp.keys:
            return comp
    return _match(key, companies)


def org_kind(key: str) -> OrgKind:
    lex = lexicon()
    if lexicon().legal_ending_re.search(key) or key.endswith("公司") or lex.company_word_re.search(key):
        return "company"
    if PARTY_END.search(key):
        return "party"
    if OTHER_END.search(key):
        return "other"
    if GOVERNMENT_END.search(key):
        return "government"
    return "other"


def _only_suffix(rest: str) -> bool:
    lex = lexicon()
    while rest:
        m = lex.company_suffix_re.search(rest)
        if not m or m.end() != len(rest):
            return False
        rest = rest[: m.start()]
    return True


def _generic_kind(before_suffix: str) -> bool:
    """'保险', '区供电', '千亿级产业': a kind of company rather than a name."""
    words = lexicon().get("generic_companies")
    core = before_suffix.lstrip("省市区县镇乡")
    if core in words:
        return True
    # '科技型', '千亿级': a kind where the word ends the name (or only a kind
    # word follows); '新型建材' is a product, and a registered place in
    # brackets marks a legal name.
    kind = re.search(r"[级型类]([\u4e00-\u9fff]*)$", before_suffix)
    if "(" not in before_suffix and kind and (not kind.group(1) or kind.group(1) in words):
        return True
    return any(before_suffix.endswith(w) and len(w) >= 2 for w in ("产业", "企业", "龙头", "骨干", "平台"))
