"""Page residue: site chrome that a saved web page or e-paper carries around the news.

Breadcrumbs, accessibility switches, comment boxes, share buttons, copyright and ICP lines,
calendar widgets and e-paper page navigation are never an article, a headline, a person or a
company. The vocabulary is in ``loaders/lexicons/page_residue.txt``; the shapes that need a
pattern (a bare timestamp, a calendar row, a page label) are below.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders import masthead as mh
from loaders.facts.lexicon import LEXICON_DIR
from loaders.facts.script import to_matching

# '2022-03-12 15:52:57 分享:', '2020年08月11日10:25 来源:X' is a meta line handled elsewhere.
_STAMP = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}\s+)?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:分享[:：]?|来源[:：]?\S{0,12})?$"
    # '2020-03-10 11:31 某某晚报•某某派 原创': a stamp with the outlet's name and a tag after the time.
    r"|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S{1,12}){1,3}$"
    # '2012年10月22日15:42  某某在线 微博': a reprint's stamp with the site's name and share links.
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S{1,10}){0,3}$"
)
# '今 日 上 虞': a banner spelt out letter by letter.
_SPACED_LETTERS = re.compile(r"^(?:[\u4e00-\u9fff]\s+){2,}[\u4e00-\u9fff]$")
# '0571-64718371', '电话：0571-…': a phone number alone on its line.
_PHONE = re.compile(r"^(?:\S{0,6}[:：]\s*)?[\d\-－()（） ]{7,}$")
# A hit counter or poster line: '文化 用户:某某 6996℃', '阅读 1234次'.
_HITS = re.compile(r"(?:用户|作者|浏览|阅读|点击|热度)[:：]?\s*\S{0,8}\s*\d+\s*(?:℃|次)?$|\d+\s*℃$")
# A site's name alone on its line above the headline: '某某文化网', '某某新闻网'.
_SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:网|网站|频道|客户端)$")
# A calendar widget: '日 | 一 | 二 | 三 | 四 | 五 | 六'.
_CALENDAR = re.compile(r"日\s*[|｜]\s*一\s*[|｜]\s*二\s*[|｜]\s*三")
# e-paper page labels: '第A04版:南通新闻', 'A1版', '03版:要闻'.
_PAGE_LABEL = re.compile(
    r"^第?\s*[A-Za-z]?\d{1,5}\s*版\s*(?:[:：]\s*\S{0,12}(?:\s+(?:PDF|pdf)版)?)?$"  # '00002版:要闻' too
    # 'A11:特别报道': a lettered page and its column, the 版 left out.
    r"|^[A-Za-z]\d{1,3}\s*[:：]\s*[\u4e00-\u9fff]{2,8}$"
)
# '地方 地方焦点': a column and its sub-column, the path without its arrows.
_COLUMN_PATH = re.compile(r"^([\u4e00-\u9fff]{2,4})\s+\1[\u4e00-\u9fff]{1,4}$")
# '06:41': a clock left on its own line by the page's date widget.
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# An e-paper's day switch: '前一天  后一天'.
_DAY_SWITCH = re.compile(r"^前一天\s*后一天$")
# '视频|某县集中签约25个项目': a column's label before the headline, not the column's menu entry.
_LABELLED_HEADLINE = re.compile(r"^(?:视频|图集|组图)\s*[|｜:：]\s*\S{6}")
# Navigation glued in front of a headline: '下一版»本期共4版(1-2-3-4)'.
_NAV_PREFIX = re.compile(
    r"^(?:[上下]一版\s*[»>›]\s*)*(?:本期共\s*\d+\s*版\s*(?:[(（][\d\-－,，\s]+[)）])?)?"
    r"(?:[,，]?\s*当前第\s*\d+\s*版\s*(?:PDF|pdf)?)?"  # '…本期共4版, 当前第1版 PDF'
    # '某某网首页3上一篇下一篇4放大缩小默认' run into the headline: the site's buttons, flattened
    r"(?:[^\s。,，>＞»]{0,12}?首页\d*\s*(?=$|\d*\s*上一篇))?(?:\d*\s*上一篇\s*下一篇\s*\d*\s*)?"
    r"(?:放大\s*缩小\s*(?:默认\s*|$))?"
)

# '960_120px;': a style rule's size left as text where the page's layout box was.
_STYLE_SIZE = re.compile(r"^[^\u4e00-\u9fff]*\d+(?:px|em|rem|pt)\b[^\u4e00-\u9fff]*$")
# '打开某某新闻 查看更多图片': an aggregator's button asking to open its app.
_APP_PROMPT = re.compile(r"^打开\S{1,10}?(?:新闻|客户端|APP|App|app)(?:\s*(?:查看|阅读|看)更多\S{0,4})?$")

# '(图片来自某网截屏)', '【资料图】': a photo's credit alone on its line.
_PHOTO_CREDIT = re.compile(r"^[(（【\[][^()（）【】]{0,20}(?:图片|图|照片|摄|截屏|截图)[^()（）【】]{0,20}[)）】\]]$")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], re.Pattern[str]]:
    starts: list[str] = []
    contains: list[str] = []
    bucket = starts
    for raw in (LEXICON_DIR / "page_residue.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[starts]":
            bucket = starts
        elif line == "[contains]":
            bucket = contains
        else:
            bucket.extend(to_matching(w) for w in line.split())
    return tuple(starts), re.compile("|".join(re.escape(w) for w in contains))


# Three Chinese characters anywhere: fewer make a widget ('-- 天气', '>>'), not news.
_THREE_HAN = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){2}")
_DIGIT = re.compile(r"\d")
_BARE_STAMP = re.compile(r"\s*\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}\s*(?:[-–—]\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_bare_stamp(line: str) -> bool:
    return bool(_BARE_STAMP.fullmatch(to_matching(line.strip())))


# '澳門特區政府', '某某县人民政府办公室', '某某新闻网': who put the page out, alone on its line.
_PUBLISHER_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:政府|政府办公室|政府辦公室|新闻局|新聞局|新闻办|新聞辦|网|網|融媒体中心|融媒體中心)$")


def is_publisher_only(line: str) -> bool:
    return bool(_PUBLISHER_ONLY.match(line.strip()))


def is_residue(line: str) -> bool:
    text = to_matching(line.strip())
    if not text:
        return False
    if mh.is_meta_line(text):
        return False  # '责任编辑:X 2023-10-31 来源:Y' dates the page; the web splitter reads it
    if mh.is_breadcrumb(text) or (not _THREE_HAN.search(text) and not _DIGIT.search(text)):
        return True  # '首页 > 新闻 > 正文'; '-- 天气', '>>': widgets, not news
    if _BARE_STAMP.fullmatch(text):
        return True  # '04/05/2024 - 10:55:34': when the page was made, alone above the news
    starts, contains = _vocabulary()
    if _LABELLED_HEADLINE.match(text):
        return False
    if text.startswith(starts) or contains.search(text):
        return True
    if _SPACED_LETTERS.match(text) and not _masthead_part(re.sub(r"\s+", "", text)):
        return True  # '今 日 上 虞' is a banner; '石 泉 报' is the paper's own name
    if _STYLE_SIZE.match(text) or _APP_PROMPT.match(text):
        return True
    if _HITS.search(text) or _SITE_NAME.match(text) or _PHOTO_CREDIT.match(text):
        return True
    return bool(_STAMP.match(text) or _CALENDAR.search(text) or _CLOCK.match(text) or _DAY_SWITCH.match(text) or _COLUMN_PATH.match(text) or _PAGE_LABEL.match(text) or _PHONE.match(text))


# A story glued to the page's footer on one line keeps its sentences: only this much text before
# a footer phrase ('…奋斗为荣的理念。 责任编辑:某某') makes the line a story rather than chrome.
_GLUED_STORY_MIN = 40


def cut_glued_footer(line: str) -> str:
    """'…一个长句。 … 责任编辑:某某 审核:某某' -> the sentences before the footer phrase."""
    if len(line) < _GLUED_STORY_MIN:
        return line
    _, contains = _vocabulary()
    m = contains.search(to_matching(line))
    if m is None:
        return line
    head = line[:m.start()].rstrip()
    return head if len(head) >= _GLUED_STORY_MIN and ("。" in head or "." in head) else line


MENU_ITEM_MAX = 6
MENU_RUN = 4


def _masthead_part(text: str) -> bool:
    return bool(mh.publication_name(text) or mh.is_masthead_item_line(text) or mh.is_masthead_keyword_line(text)
                or mh.is_publisher_line(text) or mh.bulletin_name(text))


def menu_runs(lines: list[str]) -> set[int]:
    """Indexes of lines in a site's menu: four or more short labels in a row ('今日上虞',
    '国际国内', '社会广角', …). No headline or sentence is that short that many times running."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        text = line.strip()
        if text and len(text) <= MENU_ITEM_MAX and _HAN.search(text) and not re.search(r"[\d，。,.:：;；!?！？]", text) \
                and not _masthead_part(text):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            out.update(run)
        run = []
    return out


# 'QQ截图20210301111331.jpg': an image's file name left where the picture was.
_FILE_NAME = re.compile(r"[\w\-\u4e00-\u9fff]*\.(?:png|jpe?g|gif|bmp|webp)\b", re.I)


def strip_file_names(line: str) -> str:
    return _FILE_NAME.sub("", line).strip() if "." in line else line


def strip_nav_prefix(line: str) -> str:
    """'下一版»本期共4版(1-2-3-4)县领导参加植树活动' -> the headline alone; an advert's words and
    its link run into the headline ('某某医院 http://…/县里举行…') are cut off too."""
    linked = _LINK_PREFIX.match(line)
    if linked and len(line) - linked.end() >= 8:
        line = line[linked.end():]
    m = _NAV_PREFIX.match(to_matching(line))
    return line[m.end():].lstrip() if m and m.end() else line


_LINK_PREFIX = re.compile(r"^[^\s。,，]{0,20}\s*https?://[\x21-\x7e]+(?=[\u4e00-\u9fff])")


_TITLE_PARTS = re.compile(r"\s+[-—|｜_]\s+|\s*[|｜_]\s*")


def page_title_lines(lines: list[str]) -> set[int]:
    """Indexes of a browser page title ('Site - Column - Headline') whose headline part the page
    prints again on a line of its own: the later line is the headline, this one is chrome."""
    stripped = [ln.strip() for ln in lines]
    alone = set(stripped)
    out = set()
    for i, text in enumerate(stripped):
        parts = [p for p in _TITLE_PARTS.split(text) if p]
        if len(parts) >= 2 and any(len(p) >= 6 and p in alone and p != text for p in parts):
            out.add(i)
    return out
