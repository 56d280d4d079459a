"""Named projects: '年产18万吨…项目', 'X公司年产…项目', run-together lists of them.

A '…项目' mention is a project when it carries a figure (年产18万吨, 400MW,
二期), a company in front of it, or a construction noun (电站, 产业园,
生产线 ...); '该项目', '重点项目', '7个重点项目' name nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import jieba

from loaders.facts.lexicon import ensure_jieba, lexicon
from loaders.facts.organizations import Company, company_for, without_brackets
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence
from loaders.facts.signings import SIGN_WORD

STOP_CHARS = set(",;:。!?、“”\"'《》<>〈〉 \t\n")
# '项目负责人', '项目经理': a person's post, not a project's name.
POST_AFTER = re.compile(r"负责人|经理|总监|总工|部长|专班|办公室")
COUNT = re.compile(r"^[0-9一二三四五六七八九十百千几多]+[个项批家类大]")
COUNT_INSIDE = re.compile(r"[0-9一二三四五六七八九十]+(?:个|亿级|亿元级)")
COUNT_END = re.compile(r"(?:[0-9一二三四五六七八九十百千几多]+[个项批家类]|(?<![\u4e00-\u9fff])[0-9]+)$")  # '…17项目': a count, no name
FIGURE_START = re.compile(r"(?:年产|日产|年加工|年处理|[0-9])")
# Batches and phases: '首批', '第一批', '三季度', '已落实', '2023年' at the start of what follows 及.
BATCH = re.compile(r"首批|第[0-9一二三四五六七八九十]+[批次]|[一二三四]季度|已落实|已签约")
BATCH_START = re.compile(r"[0-9]{4}年|首批|第[0-9一二三四五六七八九十]+批|重点|其他|相关(?!制品|产品|设备|材料|配件|器材)")
MONTH_START = re.compile(r"[0-9一二三四五六七八九十]{1,2}月")
YEAR_AND_LITTLE = re.compile(r"[0-9]{4}年.{0,3}")  # '2023年苏陕项目': a year's programme
PHASE_ONLY = re.compile(r"[一二三四五六七八九十0-9]期")
CAPTION_MARK = re.compile(r"\((?:左|右|前|后|中|上|下)[一二三四五六七八九十0-9]{0,2}[^)]{0,3}\)")
ROUTE_AFTER = re.compile(r"[^,;:。]{1,12}?(?:公路|铁路|高速|快速路|大道|一级路|二级路|连接线|干线)")
OUTPUT_START = re.compile(r"年产|日产|年加工|年处理")
YEAR_START = re.compile(r"[0-9]{4}年")
FIRST_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
FIGURE = re.compile(r"[0-9]|[一二三四五六七八九十]期|万亩|亿元")
# '签订的10亿元某某加工项目': the sum invested is said of the project, not part of its name.
SUM_IN_FRONT = re.compile(r"(?:总投资|投资|总额|约)?[0-9.]+(?:多|余)?(?:万|亿)(?:元|美元|港元)(?:的)?")
# '某企业投资35亿元建设某某项目': who invests and how much come before what is built.
COMPANY_BUILDS = re.compile(r"(?:投资建设|建设|新建|兴建|投建)")
INVESTS_IN = re.compile(r"(?:总投资|投资)[0-9.]+(?:多|余)?(?:万|亿)(?:元|美元|港元)(?:的|建设|新建|兴建|打造)")
LEAD_SHORT = re.compile(r"^(.{2,12}?)(?=年产|日产|年加工|年处理|年生产|新建|扩建)")
PLACE_END = re.compile(r"(?:省|市|区|县|镇|乡|街道|村|开发区|经开区|高新区|园区)$")
PLACE_NEXT = re.compile(r"省|市|区|县|镇|乡|街道")
# '…项目由X公司投资建设': X invests in the project named just before.
INVESTED_BY = re.compile(r"由([^,;。!?由]{2,80}?)(?:负责)?(?:投资建设|投资兴建|投资|出资|建设|承建|兴建)")
INVESTING_IN = re.compile(r"由([^,;。!?由]{2,80}?)(?:负责)?(?:投资建设|投资兴建|投资|出资|建设|承建|兴建)的")
# Stops that are also characters of names and words ('和美', '兼并', '成就'): they
# stop a project's name only after two characters of it.
NAME_CHARS_TOO = ("和", "并", "就")
DEMONSTRATIVES = "该此这各"
GOVERNMENT_IN_FRONT = re.compile(r"^.{2,12}?(?:人民政府|管委会)")
THIS_PROJECT = re.compile(r"(?:该|此|这个|这一)项目$")
CLAUSE_START = re.compile(r"[,;:。!?]")
# '签订X项目', '签订…的X项目意向协议': what is signed by name is a project, whatever its words.
SIGNED_BEFORE = re.compile(r"(?:签订|签署|签约|签下)(?:了)?$")
# The agreement a project is written with: 'X项目意向协议', 'X项目用地协议', 'X项目合同'.
AGREEMENT_AFTER = re.compile(r"(?:意向|合作|投资|建设|用地|框架)?(?:协议书|协议|合同)")


# 'A与B就X项目签署了战略合作协议': what the parties sign about is a project by name.
SIGNED_ABOUT = re.compile(r"(?:进行)?(?:签署|签订|签约)")


def _signed_by_name(text: str, start: int, end: int) -> bool:
    if SIGNED_BEFORE.search(text, 0, start):
        return True
    if text[start - 1 : start] == "就" and SIGNED_ABOUT.match(text, end):
        return True
    return bool(AGREEMENT_AFTER.match(text, end)) and bool(SIGN_WORD.search(text, 0, start))


@dataclass
class ProjectMention:
    name: str  # as written
    key: str
    full: str  # as written, with any company in front
    bare: str | None  # as written, without the company in front
    company_key: str | None  # matching form of the company named in front
    alias_only: bool  # 'X项目' where X only names a company
    sentence: str
    place: str | None = None
    in_headline: bool = False
    government: str | None = None  # '某县人民政府' run into the name in front of the company
    shared: str | None = None  # 'A中心' of 'A中心和B小镇项目' with the 项目 it shares: 'A中心项目'


@dataclass
class ProjectFact:
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    companies: list[str] = field(default_factory=list)  # company keys
    place: str | None = None
    sentence: str = ""
    rule: str = ""


def _placed_brand(core: str) -> str | None:
    """'江苏某某科技电子产品生产': a company written short in front of its project, as a place, a
    brand of two to four characters and the company's trade words, with the project's own words after."""
    lex = lexicon()
    at = 0
    for _ in range(2):  # a province, then perhaps its city ('江苏南通')
        place = lex.place_start_re.match(core, at)
        if place is None:
            break
        at = place.end()
    if at == 0:
        return None
    word = lex.company_word_start_re
    for brand in (2, 3, 4):
        if not all("\u4e00" <= ch <= "\u9fff" for ch in core[at : at + brand]):
            break
        ends: list[int] = []
        while m := word.match(core, ends[-1] if ends else at + brand):
            ends.append(m.end())
        if len(ends) >= 2 and core.startswith("产品", ends[-1]):
            ends.pop()  # '某某科技电子产品': 电子 is what the project makes, not the company's trade
        if ends and len(core) - ends[-1] >= 4:
            return core[: ends[-1]]
    return None


def _brand_prefix(core: str) -> str | None:
    """Unknown leading word of a project (创普斯电极材料生产) taken for a company brand."""
    ensure_jieba()
    tokens = jieba.lcut(core, HMM=False)
    run = ""
    for i, tok in enumerate(tokens):
        if len(tok) == 1 and "\u4e00" <= tok <= "\u9fff":
            run += tok
            continue
        if 2 <= len(run) <= 4 and i < len(tokens) and len(tok) >= 2:
            rest = "".join(tokens[i:])
            if len(rest) >= 4 and not PLACE_END.search(run) and lexicon().product_re.search(rest):
                return run
        return None
    return None


def _company_prefix(core: str, companies: list[Company]) -> tuple[str | None, Company | None]:
    """The part of ``core`` in front that names a company, and that company."""
    best: tuple[str | None, Company | None] = (None, None)
    for comp in companies:
        for k in sorted(comp.keys, key=len, reverse=True):
            if core.startswith(k) and len(k) > len(best[0] or ""):
                best = (k, comp)
    if best[0]:
        return best
    # A shorter form: the longest front part found inside a company's name
    # ('绿源农业…' for 桐溪绿源农业发展有限公司), if it is more than a place or
    # an industry word.
    lex = lexicon()
    for comp in companies:
        full = without_brackets(comp.key)
        n = _front_in(core, full)
        if n < 2 or (best[0] is not None and n <= len(best[0])):
            continue
        n = _extend_over_company_words(core, n)
        front = core[:n]
        stem = front
        while (m := lex.company_word_re.search(stem)) and m.start() >= 2:
            stem = stem[: m.start()]
        if len(stem) < 2 or lex.company_word_re.fullmatch(stem) or PLACE_END.search(front):
            continue
        if PLACE_NEXT.match(core, n):
            continue  # '南屏县…项目': the shared front is a place, not the company's brand
        if any(front.startswith(p) and len(front) - len(p) < 2 for p in lex.get("places")):
            continue
        best = (front, comp)
    return best


def find_projects(sent: Sentence, companies: list[Company]) -> list[ProjectMention]:
    lex = lexicon()
    text = sent.match
    out: list[ProjectMention] = []
    prev_end = 0
    for m in re.finditer("项目", text):
        coordinated: list[tuple[int, int]] = []
        a = m.start()
        while a > prev_end and text[a - 1] not in STOP_CHARS and m.start() - a < 40:
            a -= 1
        region = text[a : m.start()]
        start = 0
        # '有' of 有限公司 stops nothing, even where the company went unread.
        suffixes = [x.span() for x in lex.company_suffix_re.finditer(region)]
        for s in lex.project_stop_re.finditer(region):
            if _inside_company(region, s.start(), companies) or any(x <= s.start() < y for x, y in suffixes):
                continue
            before = region[start : s.start()]
            if s.group() == "及" and _joins_one_name(before, companies) and not BATCH_START.match(region, s.end()):
                continue
            if s.group() == "和" and FIGURE_START.match(before) and not YEAR_START.match(before):
                continue  # '年产18万吨正极材料和12万吨负极材料项目': one plant's two products
            if (
                s.group() == "和" and region[:start].endswith("的") and 2 <= len(before) <= 6
                and _project_before_conjunction(before) is None and _company_prefix(before, companies)[0] is None
            ):
                continue  # '投资3亿元的玉米淀粉和工业乙醇生产项目': two products of one plant
            if s.group() in ("至", "到") and ROUTE_AFTER.match(region, s.end()):
                continue  # '某县至某县公路', 'G207道县至江华公路': a road runs from one place to another
            if s.group() in NAME_CHARS_TOO and len(before) < 2 and not text.endswith("项目", 0, a + s.start()):
                continue  # '和美乡村…', '兼并重组…': the character starts or belongs to a word
            if s.group() in ("和", "及") and (left := _project_before_conjunction(before)):
                coordinated.append((a + start, a + start + len(left)))
            start = max(start, s.end())
        a += start
        prev_end = m.end()
        core = text[a : m.start()]
        close = core.find(")")
        caption = CAPTION_MARK.match(core)
        if caption or (close >= 0 and "(" not in core[:close]):
            a += caption.end() if caption else close + 1  # '(左六)某某项目': a photo caption's mark
            core = text[a : m.start()]
        invested = False  # a sum invested in it makes what follows a project, whatever its words
        investor = None
        if (money := SUM_IN_FRONT.match(core)) and len(core) - money.end() >= 4:
            a += money.end()
            core, invested = text[a : m.start()], True
        elif (invests := INVESTS_IN.search(core)) and len(core) - invests.end() >= 3:
            investor = company_for(core[: invests.start()], companies) if invests.start() >= 2 else None
            a += invests.end()
            core, invested = text[a : m.start()], True
        elif (builds := COMPANY_BUILDS.search(core)) and builds.start() >= 2 and len(core) - builds.end() >= 4 \
                and (builder := company_for(core[: builds.start()], companies)) is not None:
            investor = builder  # '某某公司建设某某项目': the company builds it; the verb is no part of its name
            a += builds.end()
            core, invested = text[a : m.start()], True
        if POST_AFTER.match(text, m.end()):
            continue
        for x, y in coordinated:
            # 'A中心和B小镇项目': A中心 is a project whatever becomes of B's name.
            left = sent.text[x:y]
            out.append(ProjectMention(
                name=left, key=text[x:y], full=left, bare=None, company_key=None, alias_only=False,
                sentence=sent.text, in_headline=sent.paragraph < 0, shared=left + sent.text[m.start() : m.end()],
            ))
        if len(core) < 2 or COUNT.match(core) or COUNT_END.search(core) or lex.project_phrase_end_re.search(core):
            continue
        if COUNT_INSIDE.search(core) or core[0] in "和及与":
            continue  # '100亿级项目', '全国14个城市42个…项目', '和1个基础设施项目': counts, not names
        if MONTH_START.match(core):
            continue  # '10月份烟厂技改扩建项目': when something is due, then a description
        if "年" in core and BATCH_ONLY.fullmatch(YEAR_OR_PLACE.sub("", core)) and text[a - 1 : a] != "《":
            continue  # '2019年秋季重大项目', '某区2023年重点项目': a year's batch, no one project
        if BATCH.search(without_brackets(core)) or PHASE_ONLY.fullmatch(core) or YEAR_AND_LITTLE.fullmatch(core):
            continue  # '2022年某市首批项目', '三季度签约亿元项目', '一期项目': a batch or a phase, no name
        # '签约《某某纺织项目》': a project named in title marks is a project, not a company's alias.
        titled = text[a - 1 : a] == "《" and text[m.end() : m.end() + 1] == "》" and len(core) >= 4
        prefix, comp = _company_prefix(core, companies)
        rest = core[len(prefix) :] if prefix else core
        short = placed = None
        if investor is not None and prefix is None:
            comp = investor  # '某公司投资5亿元建设X项目': X is the company's, its name not written into X's
        elif prefix is None:
            lead = LEAD_SHORT.match(core)
            # ('建设年产…': a verb alone before the figure names no company)
            if lead and lex.company_word_re.search(lead.group(1)) and not lex.company_word_re.fullmatch(lead.group(1)):
                short = lead.group(1)
            else:
                short = placed = _placed_brand(core)
                short = short or _brand_prefix(core)
            if short and not PLACE_END.search(short):
                prefix, rest = short, core[len(short) :]
            else:
                short = None
        alias_only = bool(prefix) and _only_company_words(rest) and not titled
        if not prefix and _generic(core):
            continue
        meaningful = titled or invested or bool(FIGURE.search(core)) or (
            len(core) >= 5 and any(w in core for w in lex.get("project_words"))
        ) or _short_named(core, bool(coordinated)) or (len(core) >= 4 and _signed_by_name(text, a, m.end())) \
            or (len(core) >= 3 and _in_project_list(text, a, m.end()))
        if not (prefix or meaningful):
            continue
        if prefix and not alias_only and short and not meaningful and len(rest) < 4:
            continue
        bare = government = None
        if prefix and not alias_only and len(rest) >= 4 and (FIGURE.search(rest) or comp is not None or placed):
            if not rest.startswith("("):  # '某集团(某区)养殖项目' keeps its company
                bare = sent.text[a + len(prefix) : m.end()]
        elif not prefix and (gov := GOVERNMENT_IN_FRONT.match(core)) and len(core) - gov.end() >= 4:
            # '某县人民政府某公司某项目签约仪式': the parties run into the project's name.
            government = sent.text[a : a + gov.end()]
            a += gov.end()
            core = core[gov.end() :]
            prefix, comp = _company_prefix(core, companies)
            rest = core[len(prefix) :] if prefix else core
            if prefix and len(rest) >= 4 and not _only_company_words(rest):
                bare = sent.text[a + len(prefix) : m.end()]
            elif prefix:
                prefix, comp = None, None
        full = sent.text[a : m.end()]
        name, key = full, text[a : m.end()]
        place = None
        pm = re.match(r"^(.{2,6}?(?:镇|乡|街道))", core)
        if pm and not prefix:
            place = sent.text[a : a + len(pm.group(1))]
        out.append(ProjectMention(
            name=name, key=key, full=full, bare=bare,
            company_key=(comp.key if comp else prefix),
            alias_only=alias_only, sentence=sent.text, place=place, in_headline=sent.paragraph < 0,
            government=government,
        ))
    return out + listed_projects(sent) + quoted_parks(sent)


# '“某某产业加值园区”土地合作开发协议签约', '「某某工业园」开工': a named park in quotation marks,
# signed for or broken ground on, is a project though it does not say 项目.
QUOTED_PARK = re.compile(r"[“「\"]([^”」\"]{2,20}?(?:园区|产业园|工业园|科技园|物流园|基地|小镇))[”」\"]")
PARK_DEED = re.compile(r"签约|签署|签订|开工|奠基|投产|落户")
# '《某区绿色建材产业园(某片区)合作协议》签约仪式': the park an agreement's title names.
AGREEMENT_TITLE_PARK = re.compile(
    r"《([^》]{2,30}?(?:园区|产业园|工业园|科技园|物流园|基地|小镇)(?:\([^()]{1,10}\))?)(?:项目)?"
    r"(?:投资|合作|框架|战略合作|入园|建设)*(?:协议|合同)书?》"
)


# '某某电子工业园投资签约仪式在县里举行': a park whose ceremony is held is the project signed or begun.
PARK_CEREMONY = re.compile(
    r"([\u4e00-\u9fff]{2,16}?(?:工业园区|产业园区|工业园|产业园|科技园|物流园))(?:投资)?(?:签约|开工|奠基)(?:仪式|活动)"
)


def quoted_parks(sent: Sentence) -> list[ProjectMention]:
    if "园" not in sent.match and "基地" not in sent.match and "小镇" not in sent.match:
        return []
    if not PARK_DEED.search(sent.match):
        return []
    spans = [m.span(1) for m in QUOTED_PARK.finditer(sent.match)]
    spans += [m.span(1) for m in AGREEMENT_TITLE_PARK.finditer(sent.match)]
    for m in PARK_CEREMONY.finditer(sent.match):
        a, b = m.span(1)
        stops = [x.end() for x in lexicon().project_stop_re.finditer(sent.match, a, b)]
        a = max(stops, default=a)
        if b - a >= 5 and not any(x <= a < y for x, y in spans):
            spans.append((a, b))
    out = []
    for a, b in spans:
        name = sent.text[a:b]
        out.append(ProjectMention(name=name, key=sent.match[a:b], full=name, bare=None, company_key=None,
                                  alias_only=False, sentence=sent.text, in_headline=sent.paragraph < 0))
    return out


# '签约某某药谷、某某医用设备生产、某某医院等13个项目': a 集中签约 list's items are
# projects though none says 项目.
LIST_TRIGGER = re.compile(r"签约|开工|竣工|投产|包括|涵盖")
_COUNT = r"[0-9一二三四五六七八九十百]+个"
_DEED = r"签约|开工|竣工|投产|落地|落户"
LISTED_SHAPES = (
    # '签约A、B等13个项目', '签约A、B等工业产业项目11个'
    re.compile(rf"(?:签约|开工|竣工|投产|包括|涵盖|有|为)([^,;:。!?]{{4,200}}?)等(?:{_COUNT}[^,;:。!?]{{0,8}}?项目|[^,;:。!?]{{0,8}}?项目{_COUNT})"),
    # 'A、B等8个代表项目在分会场集中签约', 'A、B、C等项目即将落地某市': the list opens its clause.
    # ('…的新能源、新材料等关联产业项目落地', '…同A、B等企业项目签约': industries and companies, no names;
    # '甲、乙等县领导参加了项目签约仪式': people who attended)
    re.compile(
        rf"(?:^|(?<=[,;:]))([^,;:。!?的]{{4,200}}?)等(?:{_COUNT})?(?:(?!产业|企业|行业|领导|参加|出席|见证|陪同)[^,;:。!?]){{0,6}}?项目"
        rf"[^,;:。!?]{{0,16}}?(?:{_DEED})"
    ),
    # '此次集中签约的A、B、C等项目,总投资…': the deed before the list, and no count after it.
    re.compile(r"(?:签约|开工|竣工|投产)的([^,;:。!?]{4,200}?)等项目"),
)
ITEM_NOT_NAME = re.compile(r"^(?:[0-9一二三四五六七八九十百]+个|其中|以及|总投资)|亿元|万元|分别|领导|书记|负责人|负责同志")
# '2019年秋季某市工业项目', '某区2023年重大项目': a year's batch, named by no built thing.
YEAR_OR_PLACE = re.compile(r"(?:19|20)\d\d年|[\u4e00-\u9fff]{2,6}?(?:省|市|区|县)(?=.)")
BATCH_ONLY = re.compile(
    r"(?:[春夏秋冬]季|第?[一二三四]季度|首轮|首批|第[一二三四五六七八九十]批|重点|重大|建设|产业|工业|线上|新基建|招商|签约|开工|集中"
    r"|全市|全区|全县|全省|全旗)+"
)


def listed_projects(sent: Sentence) -> list[ProjectMention]:
    out: list[ProjectMention] = []
    # A list both shapes match is read once.
    found = list({m.start(1): m for shape in reversed(LISTED_SHAPES) for m in shape.finditer(sent.match)}.values())
    for m in found:
        items = m.group(1).split("、")
        if len(items) < 2:
            continue
        pos = m.start(1)
        # '签约仪式共签约甲、乙等…': the list starts after the last 签约 in front of its first item.
        inner = list(LIST_TRIGGER.finditer(items[0]))
        if inner:
            pos += inner[-1].end()
            items[0] = items[0][inner[-1].end() :]
        if items[0].startswith("的"):  # '集中开工的甲、乙等20个项目'
            items[0] = items[0][1:]
            pos += 1
        spans = []
        for it in items:
            spans.append((pos, pos + len(it)))
            pos += len(it) + 1
        if any(not 2 <= len(it) <= 30 or ITEM_NOT_NAME.search(it) for it in items):
            continue
        for a, b in spans:
            if lexicon().legal_ending_re.search(sent.match, a, b):
                continue  # '…等企业的项目': a company listed is no project's name
            name = sent.text[a:b]
            out.append(ProjectMention(name=name, key=sent.match[a:b], full=name, bare=None, company_key=None,
                                      alias_only=False, sentence=sent.text, in_headline=sent.paragraph < 0))
    return out


_NEXT_PROJECT_ITEM = re.compile(r"、[^,;:。!?、]{3,40}?项目(?:[、,;。]|$)")


def _in_project_list(text: str, start: int, end: int) -> bool:
    """'分别是:A防水材料项目、B滑雪场项目、C山庄项目': an item of a list whose items each end with
    项目 names a project whatever its words, as its neighbours do."""
    after_item = text[start - 1 : start] == "、" and text.endswith("项目", 0, start - 1)
    return after_item or _NEXT_PROJECT_ITEM.match(text, end) is not None


def _joins_one_name(before: str, companies: list[Company]) -> bool:
    """'年产2000吨原料药及制剂项目', '某河岸线及腹地开发项目', '景区基础设施及索道建设项目':
    及 inside one project's name; only 'X公司及Y项目' names two things."""
    if len(before) < 2:
        return False
    prefix = _company_prefix(before, companies)[0]
    return prefix is None or len(before) - len(prefix) >= 2


def _project_before_conjunction(before: str) -> str | None:
    """'某会展中心和某小镇项目': the words before 和 name a project of their own
    where they end with a construction noun."""
    if len(before) < 4 or FIGURE_START.match(before):
        return None
    words = lexicon().get("project_words")
    return before if any(before.endswith(w) and len(before) > len(w) for w in words) else None


def drop_place_prefixes(
    mentions: list[ProjectMention], texts: list[str], companies: list[Company], masthead: str | None = None,
) -> None:
    """'梁港智能装备产业园项目' where the article also writes '梁港区', or the
    paper is named after it ('梁港周刊'): the unknown word in front is the
    place, not a company's brand."""
    for men in mentions:
        key = men.company_key
        if not key or company_for(key, companies) is not None:
            continue
        place = re.compile(re.escape(key) + "(?:" + PLACE_NEXT.pattern + ")")
        if any(place.search(t) for t in texts) or (masthead and to_matching(masthead).startswith(key)):
            men.company_key, men.bare, men.alias_only = None, None, False


def _inside_company(region: str, pos: int, companies: list[Company]) -> bool:
    for comp in companies:
        for k in comp.keys:
            i = region.find(k)
            while i >= 0:
                if i <= pos < i + len(k):
                    return True
                i = region.find(k, i + 1)
    return False


def merge_projects(mentions: list[ProjectMention]) -> tuple[list[ProjectFact], list[ProjectMention]]:
    """Named projects merged; mentions that only name a company are returned apart."""
    facts: list[ProjectFact] = []
    aliases: list[ProjectMention] = []
    # Name a project after the body's wording; headlines shorten names.
    for men in sorted(mentions, key=lambda m: m.in_headline):
        if men.alias_only:
            aliases.append(men)
            continue
        fact = next((f for f in facts if _same(men, f)), None)
        if fact is None:
            name, key = men.name, men.key
            written_prefix = to_matching(men.full[: len(men.full) - len(men.bare)]) if men.bare else None
            if men.bare and (OUTPUT_START.match(to_matching(men.bare)) or _legal_name(written_prefix)):
                # 'X公司年产5万吨…项目', 'X有限公司Y大厦项目': the project 年产5万吨…项目 / Y大厦项目 of X公司.
                name, key = men.bare, to_matching(men.bare)
            fact = ProjectFact(name, key, [], {key}, [], men.place, men.sentence, "project-name")
            facts.append(fact)
        elif len(men.key) < len(fact.key) and fact.key.endswith(men.key):
            fact.aliases.append(fact.name)
            fact.name, fact.key = men.name, men.key
        extras = [(men.name, men.key)] if men.key not in fact.keys else []
        for other in (men.bare, men.shared):
            if other:
                extras.append((other, to_matching(other)))
        for extra_name, extra_key in extras:
            if extra_key not in fact.keys:
                fact.keys.add(extra_key)
                if extra_name != fact.name and extra_name not in fact.aliases:
                    fact.aliases.append(extra_name)
        if men.company_key and men.company_key not in fact.companies:
            fact.companies.append(men.company_key)
        fact.place = fact.place or men.place
    return facts, aliases


OWN_INVESTMENT = r"[,，]?(?:计划|预计|拟|共|总)?(?:总)?投资(?:额)?(?:约|达|为)?[0-9一二三四五六七八九十]"


def attach_aliases(facts: list[ProjectFact], aliases: list[ProjectMention], companies: list[Company],
                   invested_only: bool = False) -> None:
    """'创普斯项目' is another name of the one project of 创普斯 in the article.

    ``invested_only``: before signings link companies to projects, only the names given their own
    investment are read (they are projects whoever signs); the rest wait for those links."""
    for men in aliases:
        invested = bool(re.search(re.escape(men.name) + OWN_INVESTMENT, men.sentence))
        if invested_only and not invested:
            continue
        comp = company_for(men.company_key, companies) if men.company_key else None
        owned = [f for f in facts if comp and any(company_for(c, companies) is comp for c in f.companies)]
        if len(owned) == 1:
            fact = owned[0]
            if men.key not in fact.keys:
                fact.keys.add(men.key)
                fact.aliases.append(men.name)
            continue
        existing = next((f for f in facts if men.key in f.keys), None)
        # A company's name plus 项目 stands for a project of its own only where
        # the article is about it (headline) or keeps returning to it.
        # So does one given its own investment: '某某新材料项目预计投资2亿元'.
        topical = sum(1 for m in aliases if m.key == men.key) >= 2 or men.in_headline or invested
        if existing is None and topical:
            facts.append(ProjectFact(men.name, men.key, [], {men.key},
                                     [men.company_key] if men.company_key else [], None,
                                     men.sentence, "project-company-name"))


def _same(men: ProjectMention, fact: ProjectFact) -> bool:
    # One company's '年产5万吨…项目' and '年产5万吨高性能…项目' are one project.
    figure = FIRST_FIGURE.search(men.key)
    if (
        figure and men.company_key and men.company_key in fact.companies
        and any((f := FIRST_FIGURE.search(k)) and f.group() == figure.group() for k in fact.keys)
    ):
        return True
    for k in fact.keys:
        if k == men.key:
            return True
        short, long_ = sorted((k, men.key), key=len)
        if len(short) >= 8 and long_.endswith(short):
            return True
    return False


def _short_named(core: str, coordinated: bool) -> bool:
    """'禾香板材项目', '某会展中心和丝网小镇项目': four characters name a project where a
    construction noun follows a word of no dictionary (a brand) or another project."""
    if len(core) != 4:
        return False
    noun = next((w for w in lexicon().get("project_words") if core.endswith(w) and len(w) == 2), None)
    if noun is None:
        return False
    ensure_jieba()
    return coordinated or core[:2] not in jieba.dt.FREQ


def _generic(core: str) -> bool:
    """'重点…', '该…', '新…' (a short core only: '新民…项目' names a place's project)."""
    lex = lexicon()
    for g in lex.get("generic_projects"):
        if core.startswith(g) and (len(g) >= 2 or len(core) <= 3 or g in DEMONSTRATIVES):
            # '建设果品加工园(冷链物流)项目': a verb before a name of its own still names the project
            rest = core[len(g) :]
            # ('建设年产百万吨级…项目' describes what a project will do: no name)
            return not (g in VERB_STARTS and len(rest) >= 4 and not FIGURE_START.match(rest)
                        and any(w in rest for w in lex.get("project_words")))
    return False


VERB_STARTS = {"建设", "投资"}


def _legal_name(company_key: str | None) -> bool:
    """A company written out in full ('…有限公司', '…集团'), not a brand."""
    key = company_key or ""
    return any(m.end() == len(key) for m in lexicon().company_suffix_re.finditer(key))


def _only_company_words(rest: str) -> bool:
    """'' or '(深圳)新能源': what follows a company's brand adds no project words."""
    rest = without_brackets(rest)
    lex = lexicon()
    while rest:
        m = lex.company_word_re.search(rest)
        if not m:
            return False
        rest = rest[: m.start()]
    return True


def _front_in(core: str, full: str) -> int:
    """Length of the longest front of ``core`` found in ``full``, skipping
    bracketed parts ('恒锐(上海)新材料' is found in '恒锐新材料科技有限公司')."""
    plain = ""
    ends: list[int] = []
    i = 0
    while i < len(core):
        if core[i] == "(" and ")" in core[i:]:
            i = core.index(")", i) + 1
            if ends:
                ends[-1] = i
            continue
        plain += core[i]
        ends.append(i + 1)
        i += 1
    n = 0
    while n < len(plain) and plain[: n + 1] in full:
        n += 1
    return ends[n - 1] if n else 0


def _extend_over_company_words(core: str, n: int) -> int:
    """'博远' + '医药中药饮片…': the industry word still belongs to the company."""
    words = lexicon().get("company_words")
    step = max((len(w) for w in words if core.startswith(w, n)), default=0)
    return n + step if step and n + step < len(core) - 2 else n


def link_investors(sentences: list[Sentence], facts: list[ProjectFact], companies: list[Company]) -> None:
    """'…项目由X公司投资建设', '该项目由X投资': X runs or invests in that project.

    The project is the one named right before 由; '该项目' is the last project
    the article named; a short form ('食用菌项目') is the one project whose
    name contains its words.
    """
    last: ProjectFact | None = None
    for sent in sentences:
        text = sent.match
        events: list[tuple[int, ProjectFact | None, re.Match[str] | None]] = []
        for fact in facts:
            for k in fact.keys:
                i = text.find(k)
                while i >= 0:
                    events.append((i + len(k), fact, None))
                    i = text.find(k, i + 1)
        events += [(m.start(), None, m) for m in INVESTED_BY.finditer(text)]
        for inv in INVESTING_IN.finditer(text):
            # '由X公司投资的Y项目': the project named right after 的.
            after = _named_after(text, inv.end(), facts)
            if after is None:
                continue
            for company in _companies_in(inv.group(1), companies):
                if not any(company_for(c, companies) is company for c in after.companies):
                    after.companies.append(company.key)
        for _, named, m in sorted(events, key=lambda e: (e[0], e[2] is not None)):
            if named is not None:
                last = named
                continue
            assert m is not None
            head = text[: m.start()]
            clause = head[max((c.end() for c in CLAUSE_START.finditer(head)), default=0):]
            if not clause.endswith("项目"):
                continue
            target = _named_before(clause, facts)
            if target is None and THIS_PROJECT.search(clause):
                target = last
            if target is None:
                continue
            for company in _companies_in(m.group(1), companies):
                if not any(company_for(c, companies) is company for c in target.companies):
                    target.companies.append(company.key)


def _named_after(text: str, at: int, facts: list[ProjectFact]) -> ProjectFact | None:
    best: tuple[int, ProjectFact | None] = (0, None)
    for fact in facts:
        for k in fact.keys:
            if text.startswith(k, at) and len(k) > best[0]:
                best = (len(k), fact)
    return best[1]


def _named_before(clause: str, facts: list[ProjectFact]) -> ProjectFact | None:
    best: tuple[int, ProjectFact | None] = (0, None)
    for fact in facts:
        for k in fact.keys:
            if clause.endswith(k) and len(k) > best[0]:
                best = (len(k), fact)
    if best[1] is not None:
        return best[1]
    core = re.split(r"[的和与及在、]", clause[:-2])[-1]
    if len(core) < 2 or THIS_PROJECT.search(clause):
        return None
    holders = [f for f in facts if any(core in k for k in f.keys)]
    return holders[0] if len(holders) == 1 else None


def _companies_in(text: str, companies: list[Company]) -> list[Company]:
    """Companies named in text, in order ('A在当地设立的B' -> A, B; 'A和B共同' -> A, B)."""
    found: list[tuple[int, Company]] = []
    for comp in companies:
        hits = [i for i in (text.find(k) for k in comp.keys) if i >= 0]
        if hits:
            found.append((min(hits), comp))
    return [comp for _, comp in sorted(found, key=lambda f: f[0])]
