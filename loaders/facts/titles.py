"""Where a title starts, and which part of it names a company."""

from __future__ import annotations

import re

from loaders.facts.lexicon import lexicon

HAN = re.compile(r"[\u4e00-\u9fff]")
# Names may use rare characters outside the basic block (Extension A, B and later: 䶮, 𬌗).
NAME_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in lexicon().protect_re.finditer(text)]


def trim_left(region: str) -> int:
    """Index where a title or organization name in ``region`` starts.

    It starts right after the last stop word (由, 在, 与, a date, a space ...)
    that is not inside a protected organ or company word.
    """
    spans = protected_spans(region)
    start = 0
    for m in lexicon().stop_re.finditer(region):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in spans):
            continue
        if m.group() == "和" and _inside_name(region, start, m.start()):
            continue
        if m.group() == "及" and _inside_organ(region, start, m.start(), m.end()):
            continue
        if len(m.group()) == 1 and PLACE_AFTER.match(region, m.end()):
            continue  # 和平街道, 向阳镇: the stop character begins a place name
        if len(m.group()) == 1 and _division_at(region, m.start()):
            continue  # '中共和田地委书记', '同安区委': the stop character begins a division's name
        if len(m.group()) == 1 and m.start() > 0 and _short_division(region[m.start() - 1 : m.end()]):
            continue  # '某某重工大同轴承有限公司': the stop character ends a city's short name
        if len(m.group()) >= 2 and m.start() > 0 and lexicon().company_suffix_re.match(region, m.end()):
            continue  # '东方希望集团': a verb with a company's ending right after it is the company's name
        start = max(start, m.end())
    return start


# ('与县乡村振兴局': a level word, not a place's first character, follows the stop.)
PLACE_AFTER = re.compile(r"(?![省市区县镇乡])[\u4e00-\u9fff](?:街道|镇|乡|村|社区)(?![市县区州盟旗])")
ORG_TAIL = re.compile(r"[府司局区县市镇乡委会行院团所心厂部办]$")


def _division_at(region: str, pos: int) -> bool:
    """A division's name starts at ``pos`` and goes on to its own body ('和田地委', '和县政府'),
    or is long enough not to be a conjunction and a word ('和田市', '同安区')."""
    from loaders.facts.divisions import gazetteer  # the division table loads on first need

    gaz = gazetteer()
    for n in range(min(gaz.longest, len(region) - pos), 1, -1):
        name = region[pos : pos + n]
        if name not in gaz.by_name:
            continue
        after = region[pos + n : pos + n + 1]
        return after != "长" and (n >= 3 or after in ("委", "政", "人"))
    # '和田地委': a prefecture's committee written with its short name
    return bool(re.match(r"\S{2}地委", region[pos:])) and region[pos : pos + 2] + "地区" in gaz.by_name


def _short_division(pair: str) -> bool:
    from loaders.facts.divisions import COMMON_SHORTS, gazetteer

    gaz = gazetteer()
    return pair not in COMMON_SHORTS and any(d.level in ("city", "province") for d in gaz.by_short.get(pair, []))


# '政制及内地事务局局长', '食物及卫生局局长': a bureau named by two things it looks after.
ORGAN_AFTER_AND = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:局|署|处|處|司|部|委员会|委員會|办公室|辦公室)")


def _inside_organ(region: str, start: int, pos: int, end: int) -> bool:
    """及 inside an organ's name: a bureau follows it, and what precedes it is neither a body nor
    a title ('市长及副市长', '区委及区政府' join two)."""
    from loaders.facts.people import is_dictionary_word  # jieba's dictionary loads on first need

    before = region[max(start, pos - 4) : pos]
    surnames = lexicon().get("surnames")
    # ('某某及某局局长': a person's name before 及 joins two people)
    named = any(len(before) >= k and before[-k] in surnames and not is_dictionary_word(before[-k:]) for k in (2, 3))
    return (bool(before) and not named and not ORG_TAIL.search(before) and not lexicon().head_re.search(before)
            and ORGAN_AFTER_AND.match(region, end) is not None)


def _inside_name(region: str, start: int, pos: int) -> bool:
    """'泰和新材料': 和 inside a name, not joining two names ('区政府和某公司')."""
    before = region[start:pos]
    return len(before) >= 1 and not ORG_TAIL.search(before)


def split_company(title: str) -> tuple[str | None, str]:
    """'X有限公司投资总经理' -> ('X有限公司', '投资总经理'); other titles unchanged."""
    last = None
    for m in lexicon().company_suffix_re.finditer(title):
        last = m
    if last is None or last.start() < 2:
        return None, title
    end = last.end() + (title[last.end() : last.end() + 1] in (")", "）"))  # '某某(集团)党委书记'
    start = described_start(title, 0, last.start())
    return title[start:end], title[end:]


# '河东区重点引进企业广州某某公司': a description ending in 企业, then the company by its place.
DESCRIBED_AS = re.compile(r"企业|客商|单位")


def described_start(text: str, start: int, suffix_at: int) -> int:
    """Where a company's name starts once a description in front of it ('…招商企业') is left out."""
    described = [d.end() for d in DESCRIBED_AS.finditer(text, start, suffix_at)
                 if lexicon().place_start_re.match(text, d.end()) and suffix_at - d.end() >= 4]
    return described[-1] if described else start


def is_corporate(title: str) -> bool:
    return any(title.endswith(h) for h in lexicon().get("corporate_titles"))


def plausible_title(title: str) -> bool:
    if not title or len(title) > 24:
        return False
    return all(HAN.match(ch) or ch in "()“”" for ch in title)


BODY_END = re.compile(r"(?:局|银行|商行|学院|大学|医院|集团|中心|厂|社|所|新闻|传媒|总部)$")


def split_corporate_body(title: str) -> tuple[str | None, str]:
    """'中建八局副总经理' -> ('中建八局', '副总经理'): a company title after a body's name."""
    heads = [h for h in lexicon().get("corporate_titles") if title.endswith(h) and len(title) > len(h)]
    if not heads:
        return None, title
    head = max(heads, key=len)
    body = title[: -len(head)]
    if len(body) >= 3 and (BODY_END.search(body) or lexicon().company_word_re.search(body)):
        return body, head
    if 3 <= len(body) <= 8 and COMPANY_ONLY_HEAD.fullmatch(head) and not PUBLIC_BODY_END.search(body):
        return body, head  # '某某数码港总经理', '某某线缆董事长': only a company has these posts
    return None, title


# Posts only a company has: the body written before them is a company, however short its name.
COMPANY_ONLY_HEAD = re.compile(r"(?:常务|执行)?副?(?:总经理|董事长|总裁)|(?:执行)?董事|创始人|首席\S{2,3}官")
PUBLIC_BODY_END = re.compile(r"(?:委|局|办|府|厅|处|部|院|所|站|会|中心|[省市区县镇乡村州旗盟])$")


# Where a post inside a body starts: '中电建华东院' + '党委副书记', '君和资本' + '创始合伙人'.
POST_START = re.compile(r"党委|党组|董事|(?:执行|常务)?副?总经理|(?:行政)?总裁|副总裁|首席|创始|监事|执行董事|总监|(?:轮值|名誉|常务|执行)?副?总?会长|副?主席|副?理事长|秘书长|副?社长")
# The end of a body's name: an institute, a group, a company's trade word.
ORG_END = re.compile(r"(?:[一二三四五六七八九十]局|院|集团|公司|城投|建科|资本|银行|厂|中心|学院|大学|协会|商会|联谊会|联合会|促进会|研究会|基金会|控股|股份|联盟|学会|商行|工业会|报社|日报社|出版社|通讯社|总部|项目)$")


def split_org_post(title: str) -> tuple[str | None, str]:
    """'中交城投副总经理' -> ('中交城投', '副总经理'): a body named right before a post in it."""
    for m in POST_START.finditer(title):
        body = title[: m.start()]
        if len(body) >= 3 and (ORG_END.search(body) or lexicon().company_word_re.search(body)):
            return body, title[m.start() :]
        if m.start() > 0:
            break
    return None, title
