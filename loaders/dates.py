"""Dates in news text: full dates, reference dates and the date an article reports.

News copy usually gives only month and day ("7月26日上午"); the year comes from
the issue (or the web page's publication time). A January issue reporting
"12月30日" means the previous year, hence the roll-back below.
"""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9０-９〇零○一二三四五六七八九十]"

FULL_DATE = re.compile(
    rf"({_NUM}{{4}})\s*年\s*({_NUM}{{1,3}})\s*月\s*({_NUM}{{1,3}})\s*[日号號]"
)
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
MONTH_DAY = re.compile(
    # ('5月25-26日', '5月27—28日': a range of days is dated by its first)
    rf"(?<![0-9０-９年\-.])({_NUM}{{1,3}})\s*月\s*({_NUM}{{1,3}})(?:\s*[-—–－~～]\s*{_NUM}{{1,3}})?\s*[日号號]"
)
# Words that say "recently" without a date: the article date is unknown.
VAGUE = re.compile(r"近日|日前|近期|近段时间|近段時間|前不久|前些天|最近|连日来|連日來")
RELATIVE = re.compile(r"(今天|今日|昨天|昨日|前天)")
# '昨(十五)日': yesterday, with the day of the month in brackets.
_BRACKET_DAY = re.compile(rf"[昨今]\s*[(（]\s*({_NUM}{{1,3}})\s*[)）]\s*日")
# '5日', '18日晚' at the head of a lead: the day only, in the month of the issue.
_DAY_ONLY = re.compile(rf"(?<![0-9０-９〇零○一二三四五六七八九十月年\-./])({_NUM}{{1,3}})\s*[日号號](?=[上下中]午|晚|早|一大早|凌晨|夜|[,，、]|在|召开|举行)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_RELATIVE_OFFSET = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
_SENTENCE_END = re.compile(r"[。！？!?]")


def _to_int(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):  # 二〇二二
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:  # 十, 十二, 二十, 二十六
        head, _, tail = text.partition("十")
        tens = _CN_DIGITS.get(head, -100) if head else 1
        ones = _CN_DIGITS.get(tail, -100) if tail else 0
        value = tens * 10 + ones
        return value if value > 0 else None
    return None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_full_date(text: str) -> str | None:
    """The first complete date in text ("2022年7月29日", "2023-08-21 10:30"), as ISO."""
    candidates = []
    for pattern in (FULL_DATE, NUMERIC_DATE):
        m = pattern.search(text)
        if m:
            candidates.append((m.start(), m))
    for _, m in sorted(candidates, key=lambda c: c[0]):
        iso = _iso(_to_int(m.group(1)), _to_int(m.group(2)), _to_int(m.group(3)))
        if iso:
            return iso
    return None


def first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.start() + 1] if m else text


def resolve_date(text: str, reference: str | None, relative: bool = True) -> str | None:
    """The date a passage (normally a body's first sentence) reports, as ISO.

    A full date is taken as written; month and day need a reference date for
    the year. "近日" and the like before any date mean no date. A written date
    beats 今天/昨天 ('今日竹山网消息 11月5日': 今日 is the site's name).
    """
    hit = _date_hit(text)
    if hit is None:
        return None
    kind, m = hit
    ref = _parse_iso(reference)
    if kind == "full":
        return _iso(_to_int(m.group(1)), _to_int(m.group(2)), _to_int(m.group(3)))
    if kind == "vague" or ref is None:
        return None
    if kind in ("rel", "day") and not relative:
        return None  # '今天' against a year the lead names: the day is unknown
    if kind == "rel":
        return (ref + dt.timedelta(days=_RELATIVE_OFFSET[m.group(1)])).isoformat()
    if kind == "day":
        day = _to_int(m.group(1))
        if day is None or not 1 <= day <= 31:
            return None
        month, year = ref.month, ref.year
        if day > ref.day + 1:  # '28日' in an issue of the 3rd: last month
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        return _iso(year, month, day)
    md_month, md_day = _to_int(m.group(1)), _to_int(m.group(2))
    if md_month is None or md_day is None or not 1 <= md_month <= 12:
        return None
    month, day = md_month, md_day
    year = ref.year - 1 if month > ref.month else ref.year
    return _iso(year, month, day)


def _date_hit(text: str) -> tuple[str, re.Match[str]] | None:
    hits: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in (("full", FULL_DATE), ("md", MONTH_DAY), ("vague", VAGUE), ("day", _BRACKET_DAY),
                          ("day", _DAY_ONLY), ("rel", RELATIVE)):
        m = pattern.search(text)
        # ('某协进会理事长交接典礼，23日在某地举行': a day that opens the lead's second clause dates it too)
        if m and not (kind == "day" and pattern is _DAY_ONLY and m.start() > 20
                      and not (text[m.start() - 1 : m.start()] in ",，" and m.start() <= 60)):
            hits.append((m.start(), kind, m))
    if not hits:
        return None
    written = [h for h in hits if h[1] != "rel"]
    hits = written or hits
    hits.sort(key=lambda h: (h[0], h[1] != "full"))
    return hits[0][1], hits[0][2]


_PUBLISHED_AT = re.compile(r"(?:发布|發布|發佈|发表|發表)(?:时间|時間|日期|于|於)?\s*[:：]?\s*")


def published_date(text: str) -> str | None:
    """The date after a 发布 label ('更新於 12月27日 • 發布於 12月25日' gives the 25th): what places
    month-and-day dates on a page before its issue date or its first full date."""
    for m in _PUBLISHED_AT.finditer(text):
        found = parse_full_date(text[m.end() : m.end() + 30])
        if found:
            return found
    return None


def placing_reference(reference: str | None, lead: str | None) -> str | None:
    """The year a lead names ('1月28日上午,某区2023年第七期…') beats a page stamp of the next year
    (the page was saved or updated later); a lead naming next year's plan does not move it."""
    if lead is None:
        return reference
    if reference is None:
        return lead
    if int(lead[:4]) == int(reference[:4]) - 1:
        return lead
    return reference


# '2024某市人才交流大会', '召开2025“百企进县”恳谈会': a year in an event's name, without 年
# (not an amount: '2000万元', '2025亩').
_NAMED_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?=[“\"「]?(?![万亿余多元个吨亩平米千家人台套辆户名项次公])[\u4e00-\u9fff])"
)


def lead_year(text: str) -> str | None:
    """'2月25日下午,2021年第一季度…签约仪式': the year a lead names, as the last day of that year
    (the reference for its month and day). Only the lead's own words count: a page's other
    stories may name other years."""
    years = [int(y) for y in _YEAR.findall(text)] or [int(y) for y in _NAMED_YEAR.findall(text)]
    if not years:
        return None
    year = max(set(years), key=lambda y: (years.count(y), -years.index(y)))
    return f"{year}-12-31"


# '海报新闻德州2月16日讯(记者 X)2月15日,…': the dateline says when it was filed, not what happened.
_DATELINE = re.compile(rf"^\S{{0,24}}?{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,3}}\s*[日号]\s*(?:讯|訊|电|電|消息)(?:\s*[(（][^)）]{{0,30}}[)）])?")


# '〔記者某某/某地報導〕', '本报讯(记者 某某)': a reporter's credit opens the story.
_CREDIT_OPENING = re.compile(r"^(?:本报讯|本報訊)?\s*[〔【\[(（](?:记者|記者|通讯员|通訊員)[^〕】\])）]{1,30}[〕】\])）]")


# '更新於 2022年12月27日07:40': when the page was last edited, not when anything happened.
_UPDATED = re.compile(rf"(?:更新|修改)(?:于|於|时间|時間)?\s*[:：]?\s*{FULL_DATE.pattern}(?:\s*\d{{1,2}}:\d{{2}})?")


def article_date(paragraphs: list[str], reference: str | None, relative: bool = True) -> str | None:
    """Date of the news an article reports, read from the start of its body: the first of its
    opening sentences that says anything about when ('春风浩荡满目新。2月27日, …')."""
    for para in paragraphs[:2]:
        para = _UPDATED.sub("", para)
        dateline = _DATELINE.match(para)
        after = _date_hit(para[dateline.end() :]) if dateline else None
        if dateline and after is not None:
            if after[0] == "rel" and (day := resolve_date(dateline.group(), reference, relative=True)):
                # '某报1月31日讯…今天晚上': 今天 is the dateline's day, not the page's
                reference, relative = day, True
            para = para[dateline.end() :]
        for sentence in re.split(r"(?<=[。！？!?])", para)[:3]:
            hit = _date_hit(sentence)
            if hit is not None and not _BOUND_AFTER.match(sentence, hit[1].end()):
                return resolve_date(sentence, reference, relative)
    # Captions and a deck may stand before the story ('某某出席签约仪式 / 某某会见某某。记者 某某摄 /
    # 9月11日,…'): a later paragraph that opens with its date dates the story.
    for para in paragraphs[2:6]:
        hit = _date_hit(para)
        if hit is not None and hit[0] in ("full", "md") and hit[1].start() == 0:
            return resolve_date(para, reference, relative)
        dateline = _DATELINE.match(para) or _CREDIT_OPENING.match(para)
        if dateline:  # '〔记者某某/某地报导〕…今日…': the story's own opening, under its captions
            first = re.split(r"(?<=[。！？!?])", para[dateline.end() :])[0]
            hit = _date_hit(first)
            if hit is not None and not _BOUND_AFTER.match(first, hit[1].end()):
                return resolve_date(first, reference, relative)
    return None


# '6月1日起…将恢复', '6月30日前完成': a date that bounds a plan, not the day of the news.
_BOUND_AFTER = re.compile(r"\s*(?:开始|起|前|之前|以前|以后|之后|后)")


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
