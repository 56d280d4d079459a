"""Decoded text → articles: masthead, headlines, bodies and credits.

Two kinds of document come in. A newspaper page (often copied from a PDF)
holds a masthead and several stories, each a headline, a body that column
breaks have chopped up, and usually a closing credit "(记者 X)". A web
article holds one story framed by site chrome (来源, 发布时间, share buttons,
related links).

Stories on a page are told apart by layout, not meaning: a short line with no
sentence-final punctuation starts a story when it follows a closing credit,
or when the story before it ended a sentence and the line is followed by what
opens a story (本报讯, a date, a credit, a wider gap than between paragraphs).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from guanxi.facts import Byline, BylineRole, Publication
from loaders import masthead as mh
from loaders.article_text import ArticleText, DocumentText
from loaders.bylines import (
    credit_line,
    merge,
    parse_credit,
    split_leading_credit,
    split_trailing_credit,
)
from loaders.cleanup import clean_line, ends_sentence, mend_paragraphs, strip_markup
from loaders.dates import (
    FULL_DATE,
    MONTH_DAY,
    article_date,
    lead_year,
    parse_full_date,
    placing_reference,
    published_date,
)
from loaders.decoding import normalise_newlines
from loaders.facts.lexicon import lexicon as _lexicon
from loaders.facts.script import to_matching
from loaders.residue import (
    cut_glued_footer,
    is_bare_stamp,
    is_publisher_only,
    is_residue,
    menu_runs,
    page_title_lines,
    strip_file_names,
    strip_nav_prefix,
)

TITLE_MAX = 60
FALLBACK_TITLE_MAX = 160
CAPTION_MAX = 50
SUBHEAD_MAX = 8
_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:省|市|区|县|镇|乡|街道|村)")
_SITE_LINES = 12  # a site's header and breadcrumb come before its story
_HAN = re.compile(r"[\u4e00-\u9fff]")
# What opens a story's body: a news prefix, a credit, a dateline, "recently".
_STORY_OPENING = re.compile(
    r"^(?:[■●◆▲★]\s*)?(?:本报|本報|本刊|本台|本网|本網|新华社|新華社|中新社|中新网|中新網|"
    r"记者|記者|通讯员|通訊員|[(（](?:本报|本報)?(?:记者|記者|通讯员|通訊員)|"
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号號]|近日|日前|近期)"
)
_CAPTION_START = re.compile(r"^(?:图为|圖為|图片|圖片|上图|上圖|下图|下圖|左图|左圖|右图|右圖|图[:：]|圖[:：])")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[0-9]{1,3}[、.．](?!\d)|[(（][一二三四五六七八九十0-9]+[)）])")
# A headline line ending like this continues on the next line.
_BROKEN_END = re.compile(r"[暨和与與及、的在为為对對把向从從将將同跟并並或“《(（—\-:：]$")
_SUBTITLE_DASH = re.compile(r"^[—\-－~～]{1,3}\s*")
_SUBTITLE_END = re.compile(r"(?:综述|綜述|纪实|紀實|侧记|側記|速写|速寫|掠影|特写|特寫|巡礼|巡禮|记事|記事|素描|小记|小記)$")
# Verbs that close a main headline ("…会议召开"); a line without one above a
# line with one is a kicker (引题).
_EVENT_END = re.compile(
    r"(?:召开|召開|举行|舉行|举办|舉辦|开幕|開幕|闭幕|閉幕|启动|啟動|开工|開工|签约|簽約|揭牌|成立|开展|開展|"
    r"落幕|出台|发布|發布|仪式|儀式|会议|會議|印发|印發|投产|投產|竣工|通过|通過|调研|調研|督导|督導|检查|檢查|会见|會見|座谈|座談|考察|視察|视察|协议|協議|合同)$"
)
# Verbs that want an object or a quotation: a headline line ending in one goes on.
_OPEN_VERB_END = re.compile(r"(?:签署|簽署|签订|簽訂|强调|強調|指出|要求|表示|提出|部署|推进|推進|开展|開展|举办|舉辦|打造|助力|推动|推動|聚焦|实施|實施|加快|深化|全力|扎实|紮實)$")
# "标题_某某县人民政府网", "标题 - 某某新闻网": the page title's site name.
# A deck giving the sums: "总投资21.3亿元", "8个项目总投资36.8亿元" (not "投资85.6亿元",
# which ends a headline broken over two lines).
_AMOUNT_DECK = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十百]+\s*[个個家批][^\s]{0,8}?\s*)?"
    r"(?:总投资|總投資|总额|總額|签约金额|簽約金額|计划总投资|計劃總投資)(?:达|達|超|逾|约|約)?\s*"
    r"[0-9０-９][0-9０-９.．]*\s*(?:亿|億|万|萬)元$"
)
# "…开发区签约" / "年产5万吨锂电池隔膜项目": a headline verb whose object is the next line.
_OBJECT_VERB_END = re.compile(r"(?:签约|簽約|签下|簽下|开工|開工|启动|啟動|落户|落戶|引进|引進)$")
_OBJECT_LINE = re.compile(
    r"^(?![0-9０-９一二三四五六七八九十百]+[个個批])(?!.*(?:总投资|總投資))[^\s，,]{4,40}"
    r"(?:项目|項目|协议|協議|合同|基地|产业园|產業園)$"
)
_SITE_SUFFIX = re.compile(
    r"\s*(?:[_｜|]|\s[-—]\s)\s*[^_｜|]{2,20}(?:网|網|政府|门户|門戶|频道|頻道|新闻|新聞|官网|官網)$"
    r"|(?<=[\u4e00-\u9fff0-9])-[\u4e00-\u9fff]{2,6}$"  # '…总额293.6亿元-某某热议': a portal's tag
)
_PAIRS = (("“", "”"), ("《", "》"), ("(", ")"), ("（", "）"), ("‘", "’"))


@dataclass
class _Line:
    text: str
    gap: int = 0  # blank lines that follow


@dataclass
class _Draft:
    header: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    closed: bool = False


def _content_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    raw_lines = text.split("\n")
    filled = [i for i, ln in enumerate(raw_lines) if ln.strip()]
    filled_lines = [raw_lines[i] for i in filled]
    menu = {filled[i] for i in menu_runs(filled_lines) | page_title_lines(filled_lines)}
    for n, raw in enumerate(raw_lines):
        if n in menu:
            raw = ""
        line = cut_glued_footer(strip_nav_prefix(strip_file_names(clean_line(raw))))
        if line and is_bare_stamp(line) and out and is_publisher_only(out[-1].text):
            # 'headline / 某某特区政府 / 2003-04-12 18:05': who put the page out, and when; no headline
            out.pop()
        if line and is_residue(line) and credit_line(line) is None:
            line = ""
        stamped = mh.headline_and_stamp(line)
        glued = mh.credits_and_story(line) or mh.dateline_after_headline(line)
        if glued:
            out += [_Line(glued[0]), _Line(glued[1])]
        elif stamped and is_title_like(stamped[0]):
            head, stamp = stamped
            out += [_Line(stamp), _Line(head)] if line.endswith(head) else [_Line(head), _Line(stamp)]
        elif line:
            out.append(_Line(line))
        elif out:
            out[-1].gap += 1
    return out


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def is_title_like(line: str) -> bool:
    """Could be (part of) a headline: short, no full stop, not a story opening or a credit."""
    if not 4 <= len(line) <= TITLE_MAX or _han_count(line) < 4:
        return False
    if "。" in line or line[-1] in "，,；;":
        return False
    date = FULL_DATE.match(line)
    if date and _han_count(line[date.end():]) < 4:
        return False  # '2014年1月17日 星期': an issue's date line
    if _STORY_OPENING.match(line) or _ORDINAL.match(line) or _CAPTION_START.match(line) \
            or mh.has_news_prefix(line):
        return False
    return credit_line(line) is None


def _unbalanced(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _is_kicker_pair(first: str, second: str) -> bool:
    """A slogan line (引题) above a complete headline of its own."""
    return (
        not _EVENT_END.search(first)
        and not _OPEN_VERB_END.search(first)
        and bool(_EVENT_END.search(second))
        and len(second) >= 10
    )


def _compose_title(header: list[str]) -> tuple[str, str | None]:
    """Headline lines → (title, subtitle).

    Narrow columns break headlines anywhere ("…签署" / "校地合作框架协议"), so
    lines are joined unless the second is plainly a subtitle (a dash, 综述,
    纪实 …) or the first is a kicker above a complete headline.
    """
    title = header[0]
    subtitles: list[str] = []
    kicker: str | None = None
    for line in header[1:]:
        if _SUBTITLE_DASH.match(line):
            subtitles.append(_SUBTITLE_DASH.sub("", line))
        elif not subtitles and not kicker and _OBJECT_VERB_END.search(title) and _OBJECT_LINE.match(line):
            title += line
        elif subtitles or (_AMOUNT_DECK.search(line) and not _BROKEN_END.search(title)
                           and not _OPEN_VERB_END.search(title) and not _unbalanced(title)) or _SUBTITLE_END.search(line) or (_EVENT_END.search(title) and not kicker):
            # After a complete headline ("…会议召开") a further line is a deck.
            subtitles.append(line)
        elif kicker is None and _is_kicker_pair(title, line) \
                and not (_BROKEN_END.search(title) or _unbalanced(title)):
            kicker, title = title, line
        else:
            title += line
    if kicker:
        subtitles.insert(0, kicker)
    return title, (" ".join(subtitles) if subtitles else None)


# '标题 | 栏目 | 2018-12-16': a page title with its column and date after bars.
_BAR = re.compile(r"\s*[|｜丨]\s*")


def _headline_lines(header: list[str]) -> list[str]:
    """Header lines without a page title's bar-separated tail or a repeat of the line above."""
    out: list[str] = []
    for line in header:
        parts = [p for p in _BAR.split(line) if p]
        if len(parts) > 1 and parts[0] in ("图", "圖"):
            parts = parts[1:]  # '图|某某开工仪式现场': a photo's mark before its caption
            line = "|".join(parts)
        # Only a page title's tail (a column, a date, a site) is cut: '直击复工丨总投资…签约' is one headline.
        if len(parts) > 1 and is_title_like(parts[0]) and all(len(p) <= 12 for p in parts[1:]):
            line = parts[0]
        if line and line not in out:
            out.append(line)
    return out or header


# What a lead reports happening: a long first sentence is cited up to the clause that says it.
_LEAD_EVENT = re.compile(
    r"(?:举行|舉行|召开|召開|举办|舉辦|开工|開工|签约|簽約|签署|簽署|签订|簽訂|会见|會見|座谈|座談|调研|調研|开幕|開幕|莅临|蒞臨|走访|走訪)"
    r"(?![组組团團])"  # '调研组来某县': the party that came, not what happened
)
# Of a headline and its deck, the one reporting an event or a visit ('…代表团来某地考察') is the
# headline. (A lead is not cut at 考察: '…考察团赴某市参观考察,受到…会见' is cited whole.)
_HEADLINE_EVENT = re.compile(_LEAD_EVENT.pattern + r"|(?:考察|視察|视察)(?![组組团團])")


# '中新网山西新闻11月7日电 ', '本报讯 ': the wire's dateline opens the lead, not the story.
_DATELINE_OPENING = re.compile(
    r"^(?:本报讯|本網訊|本网讯|[^\s,，。【(（]{2,10}?(?:日报|日報|晚报|晚報|网|網|台|社)(?:讯|訊)(?:[:：]|(?=[【(（]))"
    # ('某频道5月9日河东榆安电': the wire's place between its day and 电)
    r"|[^\s,，。]{2,12}?[0-9]{1,2}月[0-9]{1,2}日(?:[^\s,，。(（]{0,8}?(?:电|電)|讯|訊|消息))\s*"
)


_ORGANISED_BY = re.compile(r"^由[^。]{2,80}?(?:共同|联合)?(?:主办|承办|举办|指导)的")
_HELD_ON = re.compile(r"^[^,，。]{2,12}?于[^,，。]{2,24}?(?:举行|召开|举办|舉行|召開|舉辦)了?")
# '…带队到企业开展走访服务活动,询问…': a visit or an activity carried out, for the clause that names a story.
_OTHER_DEED = re.compile(r"走访|慰问|活动")
_PURPOSE_OPENING = re.compile(r"^(?:为了?|為了?)")
_DAY_OPENING = re.compile(
    r"^\s*(?:\d{1,2}月\d{1,2}[日号號](?:[至到—\-~](?:\d{1,2}月)?\d{1,2}[日号號])?"
    r"|(?:昨|今|前)[(（][0-9一二三四五六七八九十]{1,3}[)）]日|昨日|昨天|今日|今天|前日|日前|近日)"  # '昨(27)日'
    r"(?:上午|下午|晚上|晚间|早上|中午|晚)?[,，]\s*"
)
# '…召开第29次常委会,听取讨论相关议题,安排部署…': what the meeting did is no part of its name.
_AGENDA_AFTER = re.compile(r"(?:听取|聽取|研究|审议|審議|讨论|討論|传达|傳達|学习|學習|安排|部署)")
_TIME_OF_DAY_OPENING = re.compile(r"^(?:上午|下午|晚上|当天|當天|当日|當日|随后|隨後)[,，]")
# A visit whose next clauses tell what the visitors did there: '…视察重点项目,看望慰问…', '…走访…现场,深入一线…'.
_VISIT_DONE = re.compile(r"视察|視察|走访|走訪|调研|調研|考察|检查指导|檢查指導")
_WHAT_THEY_DID = re.compile(r"(?:并|並)?(?:看望|慰问|慰問|深入|详细|詳細|实地|實地|听取|聽取|察看|查看|了解|详细了解)")
_CONVENED = re.compile(r"举行|舉行|召开|召開|举办|舉辦")
_WHO_ATTENDS = re.compile(r"出席|主持|参加|參加|陪同|致辞|致辭|讲话|講話|到会|到會|莅临|蒞臨")
_WHO_CLAUSE = re.compile(r"[^,，。]{2,30}?(?:主持|出席|参加|参会|讲话|致辞)[^,，]{0,4}[。]?$")
_CREDIT_OPENING = re.compile(
    r"^[(（【][^()（）【】]{0,30}?(?:记者|記者|通讯员|通訊員|报道|報道|报导|報導)[^()（）【】]{0,20}[)）】]\s*"
)
_PURPOSE_THEN_DAY = re.compile(r"^(?:为了?|為了?)[^。]*?[,，](?=\d{1,2}月\d{1,2}[日号])")
_DAY_CLAUSE = re.compile(r"\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上|晚间|早上|中午|晚)?[,，]")
_SETTING_CLAUSE = re.compile(r"(?:在[^,，。]{2,30}?(?:之际|期间|前夕)|[^,，。]{2,30}?(?:之际|前夕|期间))[,，]")


# '金秋硕果满枝头,项目建设正当时。': a flourish of two clauses of one length.
_COUPLET = re.compile(r"^([\u4e00-\u9fff]{5,8})[,，]([\u4e00-\u9fff]{5,8})[。！!]$")


_ORIGINAL_TITLE = re.compile(
    r"^\s*[(（]?\s*(?:原(?:标|標)?|(?:标|標))(?:题|題)(?:\s*[:：]\s*|\s+)([^()（）\n]{4,60}?)\s*[)）]?\s*$", re.MULTILINE
)


_HEADLINE_CREDIT = re.compile(r"\s+[(（]\s*([^()（）]{2,30}?)\s*[)）]$")
# '现场(图/某某)': a caption's photo credit run into it, which names nothing that happened.
_PHOTO_CREDIT = re.compile(r"\s*[(（]\s*(?:图|圖)\s*[/／:：][^()（）]{1,12}[)）]$")


def _fallback_title(paragraphs: list[str]) -> str:
    """A page without a headline is named by its first sentence, as a reader would cite it; a very
    long one up to the clause that says what happened ('…举行招商引资项目签约仪式')."""
    first = _DATELINE_OPENING.sub("", paragraphs[0]) if paragraphs else ""
    first = _CREDIT_OPENING.sub("", first)  # '(某某网记者某某台湾某地报导)…': who wrote it, not what happened
    sentences = [x for x in re.split(r"(?<=[。！？!?])", first) if x.strip()] or [""]
    # '春风送暖，万物复苏。…3月22日上午，某仪式举行。': an opening flourish says nothing happened.
    sentence = sentences[0]
    couplet = _COUPLET.match(sentence)
    even = couplet is not None and len(couplet.group(1)) == len(couplet.group(2))
    if (len(sentence) <= 12 or even) and not (_LEAD_EVENT.search(sentence) or MONTH_DAY.search(sentence)):
        sentence = next((x for x in sentences if _LEAD_EVENT.search(x) or MONTH_DAY.search(x)), sentence)
    elif len(sentence) <= 16 and not _LEAD_EVENT.search(sentence):
        # '2月4日,适逢立春。上午,某镇举办…恳谈会。': a day and its season open the lead; the story
        # is named by the sentence that says what happened (from after its time of day).
        later = next((x for x in sentences[1:] if _LEAD_EVENT.search(x)), None)
        if later:
            sentence = _TIME_OF_DAY_OPENING.sub("", later)
    # '为推进项目建设,…,9月28日上午,我县举行…仪式。': the purpose the lead opens with is no part of
    # the story's name; the clause from its day on is.
    day_first = _DAY_OPENING.match(sentence)
    if day_first and _PURPOSE_OPENING.match(sentence[day_first.end():]):
        sentence = sentence[day_first.end():]  # '4月10日,为贯彻…,某街道召开了…': the purpose comes next
    purpose = _PURPOSE_THEN_DAY.match(sentence)
    if purpose and len(sentence) - purpose.end() >= 10:
        sentence = sentence[purpose.end():]
    elif _PURPOSE_OPENING.match(sentence) and (event := _LEAD_EVENT.search(sentence)):
        # '为深入贯彻…,进一步营造…氛围,某县于4月18日举行…': the purpose runs several clauses before
        # the one that says what happened; that clause opens the name.
        opens = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, event.start())]
        if opens and len(sentence) - opens[-1] >= 10:
            sentence = sentence[opens[-1]:]
    # '3月2日,在春耕即将开始之际,某县召开…座谈会。': the season before what happened is no part
    # of the story's name; its day is.
    day = _DAY_CLAUSE.match(sentence)
    at = day.end() if day else 0
    setting = _SETTING_CLAUSE.match(sentence, at)
    if setting and len(sentence) - setting.end() >= 10:
        sentence = sentence[:at] + sentence[setting.end():]
    event = _LEAD_EVENT.search(sentence)
    cut = re.compile(r"[，,；;]").search(sentence, event.end()) if event else None
    # '…召开第九次会议,某某主持会议。': who chaired it is no part of the name.
    opened = _DAY_OPENING.match(sentence)
    named_from = opened.end() if opened else 0
    # ('3月4日,某委常委会扩大会议召开,听取…': a meeting's name is short; the day is no part of it.)
    if cut and cut.start() - named_from >= 10 and _AGENDA_AFTER.match(sentence, cut.end()):
        sentence = sentence[: cut.start()]
    elif (visit := _VISIT_DONE.search(sentence)) and (done := _CLAUSE_END.search(sentence, visit.end())) \
            and done.start() >= 25 and _WHAT_THEY_DID.match(sentence, done.end()):
        sentence = sentence[: done.start()]  # '某某到某公司视察重点项目,看望慰问…': the visit names it
    elif cut and cut.start() >= 20 and (len(sentence) > 60 or _WHO_CLAUSE.match(sentence, cut.end())):
        sentence = _named_up_to(sentence, cut.start())
    else:
        # '某大会在某地召开,表彰…', '某某一行到某县考察,副县长某某陪同': the clause that says what
        # happened (or who came to see) is most of the sentence, so it names the story as well as the
        # sentence would, and better where a reader cites the clause.
        seen = event or _HEADLINE_EVENT.search(sentence) or _OTHER_DEED.search(sentence)
        cut = _CLAUSE_END.search(sentence, seen.end()) if seen else None
        if cut and cut.start() >= 12 and (cut.start() >= 0.6 * len(sentence.rstrip("。"))
                                          or _comes_to_it(sentence, cut.start())):
            sentence = sentence[: cut.start()]
    # '10月17日,某活动在某地举行': the day is when, not what. Without it the name is still most of a
    # name cited with its day, and all of one cited without.
    opening_day = _DAY_OPENING.match(sentence)
    if opening_day and len(sentence) - opening_day.end() >= max(10, 1.5 * opening_day.end()):
        sentence = sentence[opening_day.end():]
    # '由某市委、某办事处共同主办的某恳谈会举行': who organised it is no part of what happened.
    organised = _ORGANISED_BY.match(sentence)
    if organised and len(sentence) - organised.end() >= 10:
        sentence = sentence[organised.end():]
    # '某县于4月18日上午举行了某某开工仪式': the ceremony held names the story.
    held = _HELD_ON.match(sentence)
    if held and len(sentence.rstrip("。")) - held.end() >= 8:
        sentence = sentence[held.end():]
    return sentence[:FALLBACK_TITLE_MAX]


_CLAUSE_END = re.compile(r"[，,；;]")


def _comes_to_it(sentence: str, cut: int) -> bool:
    """What follows ``cut`` says who came ('副县长某某,主任某某到会指导', '…出席并讲话'), not what happened:
    its next clause, or the rest of the sentence where its first clause only names people."""
    after = _CLAUSE_END.search(sentence, cut + 1)
    clause = sentence[cut + 1 : after.start() if after else len(sentence)]
    if not _WHO_ATTENDS.search(clause) and after is not None and not _LEAD_EVENT.search(clause) \
            and ("、" in clause or _lexicon().head_re.search(to_matching(clause))):
        clause = sentence[cut + 1 :]  # ('副县长某某、局长某某,主任某某到会指导。': people, then their verb)
    return bool(_WHO_ATTENDS.search(clause)) and not _CONVENED.search(clause)


def _named_up_to(sentence: str, cut: int) -> str:
    """The first sentence up to what happened, or on to a later clause where that is little of it:
    readers cite a story without a headline either by that clause or by its whole first sentence, so
    its name runs to at least three fifths of the sentence while the clause stays three fifths of it."""
    if cut >= 0.6 * len(sentence):
        return sentence[:cut]
    if _comes_to_it(sentence, cut):
        return sentence[:cut]  # '…仪式举行,副市长某某出席并宣布开工': who came is no part of the name
    longest = cut / 0.6
    later = [m.start() for m in _CLAUSE_END.finditer(sentence, cut + 1) if 0.6 * len(sentence) <= m.start() <= longest]
    return sentence[: later[0]] if later else sentence[:cut]


class _PaperSplitter:
    def __init__(self, lines: list[_Line], mastheaded: bool = True) -> None:
        self.lines = lines
        self.mastheaded = mastheaded
        body_gaps = [ln.gap for ln in lines if len(ln.text) > TITLE_MAX]
        self.typical_gap = int(statistics.median(body_gaps)) if body_gaps else 1

    def opens_story(self, i: int, depth: int = 0) -> bool:
        """Does what follows line i look like the start of a story's body?"""
        if i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1].text
        if credit_line(nxt) is not None or _STORY_OPENING.match(nxt) or mh.has_news_prefix(nxt):
            return True
        if self.lines[i].gap > self.typical_gap:
            return True
        return depth == 0 and is_title_like(nxt) and self.opens_story(i + 1, 1)

    def is_subhead(self, line: str) -> bool:
        """'重点在谈招商' between a lead and the rest of a story: a section's label, not the next
        story's headline. Only on a page without a masthead: a paper's page holds several stories,
        a saved page one, and a label that short names no event."""
        return not self.mastheaded and _han_count(line) <= SUBHEAD_MAX and not _HEADLINE_EVENT.search(line)

    def continues_header(self, i: int, header: list[str]) -> bool:
        line = self.lines[i].text
        prev = header[-1]
        if _BROKEN_END.search(prev) or _unbalanced(prev) or _SUBTITLE_DASH.match(line) or _PLACE_ONLY.fullmatch(prev):
            return True  # ('某县某镇 / 项目建设再上新台阶': a place alone opens the headline the next line ends)
        if "，" in line or "," in line:
            return False  # a caption or first sentence without its full stop, not a headline
        return bool(_SUBTITLE_END.search(line) or self.opens_story(i))

    def split(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        cur: _Draft | None = None
        for i, ln in enumerate(self.lines):
            text = ln.text
            if (cur is None or not cur.paragraphs) and mh.is_web_stop(text):
                continue  # '上一篇  下一篇' above an e-paper's headline is navigation, not its first line
            credits = credit_line(text)
            if credits is not None:
                if cur is None:
                    cur = _Draft()
                    drafts.append(cur)
                cur.bylines = merge(cur.bylines, credits)
                if cur.paragraphs:
                    cur.closed = True
                continue
            if is_title_like(text):
                if cur is None or cur.closed or (not cur.header and not cur.paragraphs):
                    if cur is None or cur.closed:
                        cur = _Draft()
                        drafts.append(cur)
                    cur.header.append(text)
                    continue
                if not cur.paragraphs:
                    if len(cur.header) == 2 and cur.header[0] == cur.header[1]:
                        # 'caption / caption / headline': a photo's caption printed twice (its alt
                        # text and its label), or a menu item, stands above the next story's headline.
                        cur.header = [text]
                        continue
                    if len(cur.header) < 3 and self.continues_header(i, cur.header):
                        cur.header.append(text)
                        continue
                elif ends_sentence(cur.paragraphs[-1]) and self.opens_story(i) and not self.is_subhead(text):
                    cur = _Draft(header=[text])
                    drafts.append(cur)
                    continue
            if cur is not None and cur.paragraphs and ends_sentence(cur.paragraphs[-1]) and mh.has_news_prefix(text):
                # '本报讯…' after a finished story: the next story of a column without headlines
                cur = _Draft()
                drafts.append(cur)
            if cur is None:
                cur = _Draft()
                drafts.append(cur)
            # Text after a closing credit without a headline of its own
            # (a late caption, a continuation) stays with that story.
            para, found = split_trailing_credit(text)
            cur.paragraphs.append(para)
            cur.bylines = merge(cur.bylines, found)
            cur.closed = bool(found)
        return drafts


def _read_masthead(lines: list[_Line]) -> tuple[Publication, int]:
    """Publication fields from the lines at the top, and where the news starts."""
    name = date = issue = None
    evidence = False
    i = 0
    for i, ln in enumerate(lines):  # noqa: B007 - i is used after the loop
        text = ln.text
        if (named := mh.name_and_date(text)) is not None:
            name = name or named[0]
            date = date or parse_full_date(named[1])
            evidence = True
        elif mh.is_masthead_item_line(text):
            d, n = mh.masthead_fields(text)
            date = date or d
            issue = issue or n
            evidence = True
        elif mh.is_masthead_keyword_line(text) or mh.is_publisher_line(text):
            # "某镇党政办编印 2024年7月15日": a publisher's line may carry the date.
            d, n = mh.masthead_fields(text)
            date = date or d
            issue = issue or n
            evidence = True
        elif name is None and (mh.publication_name(text) or (i == 0 and mh.bulletin_name(text))):
            name = mh.publication_name(text) or mh.bulletin_name(text)
        elif mh.is_page_furniture(text) and credit_line(text) is None:
            continue
        else:
            break
    else:
        i = len(lines)
    if not evidence:
        return Publication(), 0
    return Publication(name=name, date=date, issue=issue), i


def _drop_noise(lines: list[_Line], publication: Publication) -> list[_Line]:
    kept: list[_Line] = []
    for ln in lines:
        text = ln.text
        # A later page of the same file repeats the masthead.
        repeated_name = text == publication.name or mh.is_newspaper_name(text)
        if repeated_name or credit_line(text) is None and (
            mh.is_page_furniture(text) or (len(text) < 80 and mh.is_meta_line(text))
        ):
            if kept:
                kept[-1].gap = max(kept[-1].gap, ln.gap)
            continue
        kept.append(ln)
    return kept


def _is_web_page(lines: list[_Line], publication: Publication) -> bool:
    if any(mh.is_published_line(ln.text) for ln in lines):
        return True
    top = [ln.text for ln in lines[:4]]
    if any(a == b and _is_web_title(a) and not is_title_like(a) for a, b in zip(top, top[1:], strict=False)):
        return True  # a long headline printed twice (page title, then heading): one web story
    if publication.name or publication.issue:
        return False
    # A 来源 line alone is weak evidence: a page of several credited stories
    # may quote a source inside one of them.
    stories = sum(1 for ln in lines if mh.has_news_prefix(ln.text) or credit_line(ln.text) is not None)
    return stories < 2 and any(mh.is_meta_line(ln.text) and mh.is_source_line(ln.text) for ln in lines)


def _is_web_title(line: str) -> bool:
    # Web headlines have no column to fit, so they may run longer than paper ones.
    return is_title_like(line) or (
        TITLE_MAX < len(line) <= 2 * TITLE_MAX and "。" not in line and not _STORY_OPENING.match(line)
    )


def _split_web(lines: list[_Line]) -> tuple[Publication, list[_Draft]]:
    """One story: the headline is the last headline-like line above the body."""

    def usable(text: str) -> bool:
        if _SITE_SUFFIX.search(text) and _is_web_title(_SITE_SUFFIX.sub("", text)) and not mh.is_meta_line(text):
            return True
        return not (mh.is_page_furniture(text) or mh.is_breadcrumb(text) or mh.is_web_drop(text)
                    or mh.is_web_stop(text) or mh.is_meta_line(text))

    def is_body(text: str) -> bool:
        # '今后出行更方便!灵山这27个项目开竣工!': a headline may end with '!', a body sentence with '。'.
        exclaims = ends_sentence(text) and "。" not in text and is_title_like(text)
        return "。" in text or (ends_sentence(text) and not exclaims) or len(text) > 2 * TITLE_MAX

    first_body = next((i for i, ln in enumerate(lines) if usable(ln.text) and is_body(ln.text)), len(lines))
    # 'weather forecast sentence / headline / 发布日期:… / body': a sentence above a headline and its
    # published line is the site's furniture, not the story's first.
    late_meta = next((i for i in range(first_body + 2, min(len(lines), first_body + 4))
                      if mh.is_published_line(lines[i].text)), None)
    if late_meta is not None and usable(lines[late_meta - 1].text) and _is_web_title(lines[late_meta - 1].text):
        first_body = next((i for i in range(late_meta + 1, len(lines))
                           if usable(lines[i].text) and is_body(lines[i].text)), first_body)
    title_idx = next(
        (i for i in range(first_body - 1, -1, -1) if usable(lines[i].text) and _is_web_title(lines[i].text)),
        None,
    )
    if title_idx is not None and title_idx > 0:
        above = lines[title_idx - 1].text
        if usable(above) and (_BROKEN_END.search(above) or _unbalanced(above)):
            title_idx -= 1
        elif usable(above) and _AMOUNT_DECK.search(lines[title_idx].text) and _is_web_title(above) \
                and not _AMOUNT_DECK.search(above):
            title_idx -= 1  # the line found is the deck under the headline

    header_end = first_body
    meta_idx = next((i for i in range(first_body) if mh.is_meta_line(lines[i].text)), None)
    if title_idx is not None and (meta_idx is None or title_idx < meta_idx):
        # 'headline / deck' set close together: the line that says what happened is the headline.
        group = [title_idx]
        while group[0] > 0 and lines[group[0] - 1].gap == 0 and usable(lines[group[0] - 1].text) \
                and _is_web_title(lines[group[0] - 1].text):
            group.insert(0, group[0] - 1)
        if len(group) == 1 and title_idx > 0 and lines[title_idx - 1].gap <= 1 \
                and usable(lines[title_idx - 1].text) and _is_web_title(lines[title_idx - 1].text):
            group.insert(0, title_idx - 1)  # 'headline / blank / deck': a blank line apart at most
        if len(group) == 2 and not _HEADLINE_EVENT.search(lines[title_idx].text) \
                and _HEADLINE_EVENT.search(lines[group[0]].text):
            title_idx = group[0]
    if title_idx is not None and meta_idx is not None and title_idx > meta_idx:
        # 'headline / deck / 来源:… 发布时间:… / photo captions / body': the headline stands above
        # the page's meta line; short lines between it and the body are captions.
        above_meta = [i for i in range(meta_idx) if usable(lines[i].text) and _is_web_title(lines[i].text)]
        if above_meta:
            run = [above_meta[-1]]
            for i in reversed(above_meta[:-1]):
                if i != run[0] - 1:
                    break
                run.insert(0, i)
            # Of a headline, its deck and a site's column name, the headline says what happened.
            best = max(run, key=lambda i: (bool(_HEADLINE_EVENT.search(lines[i].text)), i == run[-1]))
            title_idx, header_end = best, best + 1

    draft = _Draft()
    date = name = None
    for ln in lines:
        if mh.is_meta_line(ln.text):
            if date is None and mh.is_published_line(ln.text):
                date = parse_full_date(ln.text)
            if name is None:
                name = mh.source_name(ln.text)
            reporters = mh.META_REPORTERS.search(ln.text)
            found_here = parse_credit(reporters.group(), require_role=True) if reporters else None
            if found_here:
                draft.bylines = merge(draft.bylines, found_here)
            writer, photographer = mh.author_value(ln.text)
            roles: tuple[tuple[str | None, BylineRole], ...] = ((writer, "reporter"), (photographer, "photographer"))
            for credit, role in roles:
                found = parse_credit(credit, require_role=False) if credit else None
                if found:
                    draft.bylines = merge(draft.bylines, [Byline(name=b.name, role=role) for b in found])

    if title_idx is not None:
        for ln in lines[title_idx:header_end]:
            credits = credit_line(ln.text)
            if credits is not None:
                draft.bylines = merge(draft.bylines, credits)
            elif usable(ln.text) and len(draft.header) < 3:
                draft.header.append(_SITE_SUFFIX.sub("", ln.text))
    start = first_body
    for ln in lines[start:]:
        text = ln.text
        if mh.is_web_stop(text):
            if draft.paragraphs:
                break
            continue
        credits = credit_line(text)
        if credits is not None:
            draft.bylines = merge(draft.bylines, credits)
            continue
        if not usable(text):
            continue
        draft.paragraphs.append(text)
    return Publication(name=name, date=date), [draft]


def _finish(draft: _Draft, index: int, reference: str | None, year_only: bool = False) -> ArticleText | None:
    bylines = list(draft.bylines)
    paragraphs: list[str] = []
    for para in draft.paragraphs:
        para, found = split_trailing_credit(para)
        bylines = merge(bylines, found)
        if para:
            paragraphs.append(para)
    while len(paragraphs) > 1 and _CAPTION_START.match(paragraphs[0]) and not ends_sentence(paragraphs[0]):
        # '图:某某在某公司调研' above the lead: the photos' captions, which mending would run into
        # the story's first sentence (and its dateline and name with it).
        paragraphs.pop(0)
    paragraphs = mend_paragraphs(paragraphs)
    if not draft.header and len(paragraphs) > 2 and len(paragraphs[0]) >= 10 \
            and any(paragraphs[0] in later for later in paragraphs[1:]):
        paragraphs.pop(0)  # a summary sentence above the lead that the story repeats: no part of its start
    date = dateline = None
    if paragraphs:
        first = paragraphs[0]
        rest = mh.strip_news_prefix(first)
        prefix = first[: len(first) - len(rest)]
        dateline = prefix.strip()
        rest, found = split_leading_credit(rest, after_dateline=bool(prefix.strip()))
        bylines = merge(bylines, found)
        lead = [prefix + rest, *paragraphs[1:6]]
        placed = placing_reference(reference, lead_year(lead[0]))
        # A year the lead names places '3月5日', not '今天' or '5日': those need the page's own date.
        date = article_date(lead, placed, relative=placed == reference and not year_only)
        if rest:
            paragraphs[0] = rest
        else:
            paragraphs.pop(0)
    if draft.header:
        title, subtitle = _compose_title(_headline_lines(draft.header))
        if _SITE_SUFFIX.search(title) and is_title_like(_SITE_SUFFIX.sub("", title)):
            title = _SITE_SUFFIX.sub("", title)
        if (photo := _PHOTO_CREDIT.search(title)) and photo.start() >= 2:
            title = title[: photo.start()]
        credit = _HEADLINE_CREDIT.search(title)
        found_credit = parse_credit(credit.group(1), require_role=True) if credit else None
        if credit and found_credit:
            title = title[: credit.start()]  # 'headline (记者 某某 摄)': a photo's credit under its caption
            bylines = merge(bylines, found_credit)
    elif paragraphs:
        title, subtitle = _fallback_title(paragraphs), None
    else:
        return None
    if not paragraphs and not bylines:
        return None  # a lone headline-like line (a table of contents, a banner)
    return ArticleText(index=index, title=title, subtitle=subtitle, paragraphs=paragraphs,
                       bylines=bylines, date=date, dateline=dateline or None)


def _is_lone_caption(draft: _Draft) -> bool:
    if draft.header or draft.bylines or len(draft.paragraphs) != 1:
        return False
    text = draft.paragraphs[0]
    return len(text) <= CAPTION_MAX and text.count("。") == 1 and text.endswith("。")


def _repeated_headline(lines: list[_Line]) -> int:
    """Where a one-story page without a masthead starts: a headline line the page prints twice
    above its first sentence ('headline / column and date / headline / body'); ads and site
    labels above it are not the story. 0 where no line repeats."""
    first_body = next((i for i, ln in enumerate(lines) if "。" in ln.text), len(lines))
    seen: dict[str, int] = {}
    for i, ln in enumerate(lines[:first_body]):
        if ln.text in seen and is_title_like(ln.text) and _han_count(ln.text) >= 6:
            return seen[ln.text]
        seen.setdefault(ln.text, i)
    return 0


_LINE_STAMP = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{2})(?=\D|$|\d{1,2}月)", re.MULTILINE)


def _stamp_at_top(text: str) -> str | None:
    """'2022-08-30' opening one of a page's first lines: the day the page was made, which dates
    the story's '8月25日' when nothing else gives a year."""
    head = "\n".join(text.split("\n")[:_SITE_LINES])
    m = _LINE_STAMP.search(head)
    return parse_full_date(f"{m.group(1)}年{m.group(2)}月{m.group(3)}日") if m else None


# ' date 2024-05-06 某某为…颁证书。': a mirror's English date label run into the photo caption under it;
# the date is the page's own stamp, on a line of its own.
_DATE_LABEL = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*", re.MULTILINE | re.IGNORECASE)


def split_document(text: str, source: str, encoding: str = "utf-8") -> DocumentText:
    """Split a decoded page into its articles (see the module docstring)."""
    normalised = _DATE_LABEL.sub(r"\1\n", normalise_newlines(text))
    lines = _content_lines(strip_markup(normalised))
    publication, start = _read_masthead(lines)
    if _is_web_page(lines, publication):
        web_pub, drafts = _split_web(lines)
        publication = Publication(
            name=web_pub.name or publication.name,
            date=web_pub.date or publication.date,
            issue=publication.issue,
        )
    else:
        body = _drop_noise(lines[start:], publication)
        if not (publication.name or publication.issue):
            body = body[_repeated_headline(body) :]
        drafts = _PaperSplitter(body, mastheaded=bool(publication.name or publication.issue)).split()
        if len(drafts) > 1 and _is_lone_caption(drafts[0]):
            drafts = drafts[1:]  # 'A与B合影。' above the first headline: a photo's caption, no story
        # A page that prints its story twice (a mirror's copy under the original) holds one story.
        seen_starts: set[tuple[str, ...]] = set()
        unique: list[_Draft] = []
        for draft in drafts:
            opening = (*draft.header, *draft.paragraphs[:1])
            if opening and opening in seen_starts:
                continue
            seen_starts.add(opening)
            unique.append(draft)
        drafts = unique
    articles: list[ArticleText] = []
    reference = published_date(normalised) or publication.date or parse_full_date(normalised) \
        or _stamp_at_top(normalised)
    year_only = False
    if reference is None and len(drafts) == 1:
        # One story on the page: the year the page names most is the story's.
        reference = lead_year(normalised)
        year_only = reference is not None
    for draft in drafts:
        art = _finish(draft, len(articles), reference, year_only)
        if art is not None:
            articles.append(art)
    original = _ORIGINAL_TITLE.search(normalised)
    if original and len(drafts) == 1 and not drafts[0].header and len(articles) == 1:
        # A reprint that lost its headline keeps it in '(原标题:…)'; that names the story better
        # than its first sentence.
        articles[0].title = original.group(1)
    site = [name for raw in normalised.split("\n")[:_SITE_LINES] for name in mh.site_names(clean_line(raw))]
    return DocumentText(source=source, encoding=encoding, text=normalised,
                        publication=publication, articles=articles, site=site)
