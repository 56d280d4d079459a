"""People named after a title: '区委副书记、区长刘晓璐', '副区长李涛、李秋菊'.

A person is only read where a title head (书记, 区长, 总经理 ...) is followed by
a surname and one or two more characters, and the name is followed by the end
of a list item or by a word that may follow a name (出席, 主持, 代表, 等 ...).
The title lexicon therefore decides where the name starts, and the follower
list where it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.facts.lexicon import lexicon
from loaders.facts.sentences import Sentence
from loaders.facts.titles import (
    NAME_HAN,
    is_corporate,
    plausible_title,
    split_company,
    split_corporate_body,
    split_org_post,
    trim_left,
)

CLAUSE = re.compile(r"[^,;:。!?]+")
ITEM = re.compile(r"[^、]+")
# Characters that never sit inside a given name (向 does: 向东, 向荣).
# Time words after a one-character surname that is also a preposition: '书记于近日到…'.
TIME_WORDS = {
    "近日", "日前", "近期", "今年", "去年", "明年", "今日", "昨日", "当天", "当日", "上午", "下午",
    "晚上", "本月", "月底", "年底", "年初", "此前", "随后", "同日", "次日",
}
BAD_NAME_CHARS = set("的了在与及等是为对从到将把被由就并也都又还所其该这那之于、,。;:()“”")
SOFT_MIDDLE = set("其之于为从在")
# After a word that is usually no name ('关心', '杨柳'), an attendance or speech
# verb shows it is one: '总监杨柳参加', '总经理杨柳表示'.
ATTENDING = re.compile(r"出席|参加|列席|陪同|主持|参会|收看|同志|讲话|致辞|发言|表示")


@dataclass
class TitleMention:
    title: str  # as written
    org: str | None = None  # company (as written) when the title follows one
    executive: bool = False


@dataclass
class PersonMention:
    name: str  # as written
    key: str  # matching form (simplified)
    start: int  # span in the sentence
    end: int
    titles: list[TitleMention] = field(default_factory=list)
    rule: str = "title-name"


def name_length(text: str, pos: int, listed: bool = False) -> int:
    """Length of the personal name starting at ``pos`` (0 when there is none).

    A word that is also an ordinary one ('关心', '杨柳') is a name only where an
    attendance verb follows it, or it closes an item of a list of people
    (``listed``: '副主任关心、常青', '副主任关心,副主席某某出席').
    """
    lex = lexicon()
    surnames = lex.get("surnames")
    candidates: set[int] = set()
    if text[pos : pos + 2] in lex.compound_surnames:
        candidates.update((3, 4))
    if text[pos : pos + 1] in surnames:
        candidates.update((2, 3))
        if text[pos + 1 : pos + 2] in surnames:
            candidates.add(4)  # '劉陳昭玲': a married name, the husband's surname before her own
    best_score, best_len = 0, 0
    for length in sorted(candidates):
        name = text[pos : pos + length]
        if len(name) < length or not all(NAME_HAN.match(ch) for ch in name):
            continue
        rest = text[pos + length :]
        closes = not rest.strip()
        # '阿不都': a three-character name may end on a character that elsewhere
        # is a function word, where it closes the list item.
        inner = name[1:-1] if closes and length == 3 else name[1:]
        if length == 3 and name[1] in SOFT_MIDDLE and (closes or ATTENDING.match(rest) or lex.follower_re.match(rest)):
            inner = name[2:]  # '王其龙参加', '张为民出席': a function word in the middle of a given name
        if any(ch in BAD_NAME_CHARS for ch in inner):
            continue
        if _never_a_name(name) or (
            name in lex.get("not_names") and not ((listed and closes) or ATTENDING.match(rest))
        ):
            continue
        if length == 4 and name[:2] in lex.get("not_names"):
            continue  # '相关部门', '高度赞扬': a word, not a married name of two surnames
        if name[1:] in TIME_WORDS or name[2:] in TIME_WORDS or name[1:] in lex.get("not_given_names"):
            continue
        if not rest.strip():
            score = 100
        else:
            m = lex.follower_re.match(rest) or DAY_AFTER.match(rest)
            score = len(m.group()) if m else 0
        if length == 4 and text[pos : pos + 2] not in lex.compound_surnames and (
            best_score or not (closes or ATTENDING.match(rest) or rest[:1] in ("和", "与", "及", "、"))
        ):
            # a married name only where no shorter name ends and the name plainly does
            # ('局长杨何蓓茵和主任某某签署': joined to the next person)
            continue
        if length == 3 and name[-1] in ONE_CHAR_FOLLOWERS and score and score < 100:
            score = min(score, 1)  # '韦平率考察组': 率 leads the group, it does not end the name
        if length == 3 and name[-1] == "说" and closes:
            score = 0  # '区委书记某某说,…': the clause ends on what the person does, not on a name
        # On a tie the longer name wins: most names have three characters, and a third that
        # could also follow a name ('俞东来在…': 来) is more often the name's own.
        if score > best_score or (score and score == best_score and length == 3 and name[-1] not in ONE_CHAR_FOLLOWERS):
            best_score, best_len = score, length
    if best_len <= 2 or text[pos + best_len : pos + best_len + 1] in ("·", "•"):
        # '阿不都热合曼出席': a longer transliterated name beats a surname and one character;
        # '阿依肯·阿斯拉汗': a name that goes on after a middle dot is one name
        return max(_transliterated(text, pos), _dotted(text, pos), best_len)
    return best_len


# '阿努帕•杜纳荣', '谢克•安塞尔•阿齐兹': a foreign name whose parts a middle dot joins, of any characters.
DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•‧・][\u4e00-\u9fff]{1,8}){1,3}")


def _dotted(text: str, pos: int) -> int:
    """The longest dotted name at ``pos`` that a word following names (or the clause's end) closes."""
    m = DOTTED_NAME.match(text, pos)
    if m is None:
        return 0
    lex = lexicon()
    last_dot = max(text.rfind(d, pos, m.end()) for d in "·•‧・")
    # The shortest last part that something closes: '某某•某某出席' ends before 出席.
    for end in range(last_dot + 2, m.end() + 1):
        if lex.head_re.search(text, pos, end):
            return 0
        rest = text[end:]
        if not rest or rest[0] in ",;:。!?、()" or lex.follower_re.match(rest):
            return end - pos
    return 0


def _transliterated(text: str, pos: int) -> int:
    """'副市长额登毕力格,': a Mongolian, Tibetan or Uyghur name of four to seven characters, all of
    the transliteration set, that a word following names (or the item's end) closes."""
    from loaders.facts.divisions import gazetteer  # the division table loads on first need

    lex = lexicon()
    chars = lex.get("transliteration")
    run = 0
    while pos + run < len(text) and run < 12 and (
        text[pos + run] in chars or (text[pos + run] in "·•" and run > 0 and text[pos + run + 1 : pos + run + 2] in chars)
    ):
        run += 1  # '艾则孜·木沙': the parts of a name joined by a middle dot
    for length in range(run, 3, -1):
        name, rest = text[pos : pos + length], text[pos + length :]
        if lex.head_re.search(name) or name in lex.get("not_names") or ("·" not in name and length > 7):
            continue
        if lex.company_suffix_re.match(rest) or lex.company_word_re.match(rest):
            return 0  # '阿里巴巴集团': a company's name
        if name[1:] in gazetteer().by_short:
            return 0  # '负责人来格尔木考察': a verb before a place, not a name
        if not rest.strip() or ATTENDING.match(rest) or lex.follower_re.match(rest):
            return length
    return 0


ONE_CHAR_FOLLOWERS = set("率等赴")
# '行政长官某某7日在…': the day of the month after a name closes it.
DAY_AFTER = re.compile(r"[0-9]{1,2}日")


def _never_a_name(name: str) -> bool:
    return lexicon().never_name_re.match(name) is not None


def tagged_name(text: str, pos: int) -> int:
    """Length of a name right after a title that no word of ours closes ('市长郭某某访…',
    '主席费某某简要回顾'): jieba's tagger reads it as a person's name (nr). 0 where it does not."""
    lex = lexicon()
    if text[pos : pos + 1] not in lex.get("surnames") and text[pos : pos + 2] not in lex.compound_surnames:
        return 0
    import jieba.posseg  # loaded on first need: most names end on a word of ours

    first = next(iter(jieba.posseg.cut(text[pos : pos + 10])), None)
    if first is None or first.flag != "nr" or not 2 <= len(first.word) <= 4:
        return 0
    name = first.word
    if any(ch in BAD_NAME_CHARS for ch in name) or name in lex.get("not_names") or lex.head_re.search(name) \
            or _never_a_name(name):
        return 0
    if ATTENDING.search(name) or name[1:] in lex.get("not_given_names"):
        return 0  # '应邀出席': the tagger's name runs over a verb
    return len(name)


# First characters of list items that are no names ('各位', '全体', '该公司').
NOT_NAME_FIRST = set("各全本该这那其我你他她它每诸有相主等")
ORGAN_END = re.compile(r"[省市区县镇乡村局委办厅处科室部院所站队会司团校园]$")


def _listed_name(text: str) -> int:
    """'副区长陈默、卓玛、阿不都': a name without a listed surname (many minority
    names) in a list that shares one title; only a whole item of 2-4
    characters (or one before a word that may follow a name: '热合曼出席')
    that is neither a title, an organ nor an ordinary word."""
    lex = lexicon()
    for length in (4, 3, 2):
        rest = text[length:]
        follows = bool(rest) and bool(NAME_HAN.match(rest[0])) and bool(lex.follower_re.match(rest))
        if any(m.start() < length < m.end() for m in lex.head_re.finditer(text, 0, length + 3)):
            continue  # '市农委主任分别…': a title runs on past the item's end
        if len(text) >= length and (rest in ("", "同志") or follows):
            return _plain_name(text[:length])
    return 0


def _plain_name(name: str) -> int:
    lex = lexicon()
    if not all(NAME_HAN.match(ch) for ch in name):
        return 0
    if name[0] in NOT_NAME_FIRST or any(ch in BAD_NAME_CHARS for ch in name) or name in lex.get("not_names") \
            or _never_a_name(name):
        return 0
    if lex.head_re.search(name) or ORGAN_END.search(name) or lex.company_suffix_re.search(name):
        return 0
    if name[1:] in TIME_WORDS or name in TIME_WORDS:
        return 0
    return len(name)


def _surnamed(name: str) -> bool:
    lex = lexicon()
    return name[:1] in lex.get("surnames") or name[:2] in lex.compound_surnames


def _titled_name_after(text: str, start: int) -> bool:
    lex = lexicon()
    return any(name_length(text, m.end()) for m in lex.head_re.finditer(text, start))


def _closes_item(text: str, end: int) -> bool:
    """The name ends its list item, perhaps followed by 同志."""
    rest = text[end:].strip()
    return rest in ("", "同志")


# '该公司总经理': a pronoun-like reference to a company, not its name.
STANDING_THEN_POST = re.compile(r"^(\S*?委常委)(\S{2,})$")
GENERIC_BODY = re.compile(r"^(?:公司|集团|企业|该公司|该集团|该企业|该会|该协会|该商会|会(?=副?(?:会长|理事长)$))(?=.)")


def _titles(sent: Sentence, a: int, b: int) -> list[TitleMention]:
    """Titles written in sentence[a:b]: '董事长兼总裁' holds two, '副县长兼公安局局长' too,
    and '某商会会长某集团总裁' one for each body."""
    lex = lexicon()
    for inner in reversed(list(lex.head_re.finditer(sent.match, a, b - 2))):
        org, post = split_company(sent.match[inner.end() : b])
        if org and post and lex.head_re.fullmatch(post) and not lex.head_re.search(org):
            second = _title(sent, inner.end(), b)
            if second is not None:
                return [*_titles(sent, a, inner.end()), second]
    title = _title(sent, a, b)
    if title is None:
        return []
    key = sent.match[b - len(title.title) : b]
    standing = STANDING_THEN_POST.match(key)
    if standing and title.org is None and lexicon().head_re.search(standing.group(2)):
        # '县委常委常务副县长': a standing committee's seat and a post written without a break
        cut = b - len(key) + standing.end(1)
        return [TitleMention(title=sent.text[b - len(key) : cut]), TitleMention(title=sent.text[cut:b])]
    if "兼" not in key:
        return [title]
    parts = key.split("兼")
    if len(parts) < 2 or not all(p and lexicon().head_re.search(p) for p in parts):
        return [title]
    out: list[TitleMention] = []
    offset = b - len(title.title)
    for part in parts:
        written = sent.text[offset : offset + len(part)]
        out.append(TitleMention(title=written, org=title.org, executive=bool(title.org) or is_corporate(part)))
        offset += len(part) + 1
    return out


LOWER_BODY = re.compile(r"\S{2,6}?[市州县区旗盟](?:委|人民政府|政府|人大|政协|议会)")


@lru_cache(maxsize=4096)
def _province_in_front(title_m: str) -> int:
    """Length of a province's name written before a city's or county's body in a title, else 0."""
    from loaders.facts.divisions import gazetteer  # the division table loads on first need

    gaz = gazetteer()
    for n in (5, 4, 3, 2):
        if not LOWER_BODY.match(title_m, n):
            continue  # the cheap test first: most titles name no lower body after a front
        front = title_m[:n]
        if any(d.level == "province" for d in (*gaz.by_name.get(front, ()), *gaz.by_short.get(front, ()))):
            return n
    return 0


# '中共某区委副书记': a local committee's post ('中共中央…' keeps its name).
PARTY_COMMITTEE = re.compile(r"(?!中央)\S{1,10}?[省市区县镇乡旗地]委")
GOVERNMENT_BEFORE_HEAD = re.compile(r"^(?:人民)?政府(?=(?:常务)?副?[区县市镇乡旗]长$)")
# '永春县政府县长': the government is the post's body; the title is the head after it.
PLACE_GOVERNMENT_HEAD = re.compile(r"^(\S{2,}?[区县市镇乡旗](?:人民)?政府)((?:常务)?副?[区县市镇乡旗]长)$")


CAPTION_LEAD = re.compile(r"^[(（](?:左|右|前|后|中)[起一二三四五六七八九十0-9]{0,3}[)）]")
QUOTED_BODY = re.compile(r"“[^“”,;:。、]{1,8}”")


def _title(sent: Sentence, a: int, b: int) -> TitleMention | None:
    """The title written in sentence[a:b] (b is the end of a title head)."""
    start = a + trim_left(sent.match[a:b])
    quoted = QUOTED_BODY.search(sent.match, a, start)
    if quoted and quoted.end() == start and start < b:
        start = quoted.start()  # '“大工委”书记': a body named in quotation marks is the post's
    generic = GENERIC_BODY.match(sent.match[start:b])
    if generic and (is_corporate(sent.match[start + generic.end() : b]) or generic.group().endswith("会")):
        return TitleMention(title=sent.text[start + generic.end() : b], executive=True)
    org_m, title_m = split_company(sent.match[start:b])
    if org_m is None:
        org_m, title_m = split_corporate_body(title_m)
    if org_m is None:
        org_m, title_m = split_org_post(title_m)
    # '兼某开发区工委副书记', '(0999)董事局主席': a second post's 兼 and a stock code's bracket open no title
    while title_m[:1] in ("兼", ")", "）") and len(title_m) > 3:
        title_m = title_m[1:]
    if (caption := CAPTION_LEAD.match(title_m)) and len(title_m) - caption.end() >= 2:
        title_m = title_m[caption.end():]  # '(左起)某会长': a photo's order, no part of the title
    if not plausible_title(title_m):
        return None
    if title_m.startswith("中共") and PARTY_COMMITTEE.match(title_m, 2):
        title_m = title_m[2:]  # '中共某区委副书记': the party's name is no part of the post's title
    province = _province_in_front(title_m)
    if province:
        title_m = title_m[province:]  # '青海省海东市委副书记': the city's committee names the post
    gov = GOVERNMENT_BEFORE_HEAD.match(title_m)
    if gov:
        title_m = title_m[gov.end() :]  # '郊区委副书记、政府区长某某': 政府 belongs to the post, not its name
    government = PLACE_GOVERNMENT_HEAD.match(title_m) if org_m is None else None
    if government:
        head = government.group(2)
        return TitleMention(title=sent.text[b - len(head) : b], org=sent.text[b - len(title_m) : b - len(head)])
    title = sent.text[b - len(title_m) : b]
    org = sent.text[start : start + len(org_m)] if org_m else None
    return TitleMention(title=title, org=org, executive=bool(org) or is_corporate(title_m))


# '县领导张三、李四等出席', '出席活动的还有张三、李四': names listed under a collective word, no title.
LEADER_HEAD = re.compile(r"(?:(?<=[省市区县镇乡州旗盟委府会导子大协级司关])领导(?:同志)?|出席\S{0,6}的还有|参加\S{0,6}的还有)[:：]?(?=[\u4e00-\u9fff])")
LIST_SEP = re.compile(r"[、,]")


def leader_list(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    """People named in a list after 领导 or 还有, each item a whole name."""
    out: list[PersonMention] = []
    spans = [(m.start, m.end) for m in taken]
    for head in LEADER_HEAD.finditer(sent.match):
        pos = head.end()
        while pos < len(sent.match):
            nxt = LIST_SEP.search(sent.match, pos)
            end = nxt.start() if nxt else len(sent.match)
            item = sent.match[pos:end]
            squeezed = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", item)  # '李 杰': padded
            length = name_length(squeezed, 0, listed=True) or _whole_item_name(squeezed, nxt is not None)
            if not length and pos > head.end() and 2 <= len(squeezed) <= 3 and nxt is not None:
                length = _plain_name(squeezed)  # '虎强', '续明': the list has shown it holds names
            if not length:
                break
            written_len = length + (len(item) - len(squeezed) if " " in item[: length + 1] else 0)
            a, b = pos, pos + written_len
            if not any(x < b and a < y for x, y in spans):
                key = sent.match[a:b].replace(" ", "")
                out.append(PersonMention(name=sent.text[a:b], key=key, start=a, end=b, rule="leader-list"))
                spans.append((a, b))
            if b < end or nxt is None or nxt.group() != "、":
                break  # the name ended its item ('李四等出席') or the list ended
            pos = nxt.end()
            while pos < len(sent.match) and sent.match[pos].isspace():
                pos += 1  # '李四、 王五': a space after the mark
    return out


def _whole_item_name(item: str, more: bool) -> int:
    """'洪于权' between two 、 of a leaders' list: a surname and one or two characters make a name
    there even where the inner character is a function word elsewhere (于, 和)."""
    lex = lexicon()
    if not more or not 2 <= len(item) <= 3 or not all(NAME_HAN.match(ch) for ch in item):
        return 0
    if item[0] not in lex.get("surnames") or item in lex.get("not_names") or lex.head_re.search(item):
        return 0
    return len(item)


# 'A、B、C等县四套班子领导出席', 'A、B、C等出席': names listed before 等 and a collective word or
# an attendance verb.
LIST_BEFORE_LEADERS = re.compile(
    # ('甲、乙等县人民政府常务会议组成人员出席': the members of a body are its people too)
    r"([^,;:。!?]+?)等(?:[^,;:。!?]{0,10}?(?:领导|负责同志|负责人|嘉宾|企业家代表)|[^,;:。!?]{0,14}?(?:组成人员|班子成员)"
    r"|(?:同志)?(?:出席|参加|列席|陪同|参会))"
)


ATTEND_AFTER_LIST = re.compile(r"、[\u4e00-\u9fff]{2,4}(?:同志)?(?:出席|参加|列席|参会)")
# 'A、B、C、D出席会议': three names or more, untitled and without 等, right before the verb.
LIST_BEFORE_VERB = re.compile(r"([^,;:。!?]+?、[^,;:。!?]+?、[^,;:。!?]+?)(?:同志)?(?:出席|参加|列席|参会)")


def listed_before_leaders(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    out: list[PersonMention] = []
    if "等" not in sent.match and sent.match.count("、") < 2:
        return out  # most sentences list no one: spare the lazy scan from every position
    spans = [(m.start, m.end) for m in taken]
    matches = list(LIST_BEFORE_LEADERS.finditer(sent.match)) if "等" in sent.match else []
    if ATTEND_AFTER_LIST.search(sent.match):
        matches += LIST_BEFORE_VERB.finditer(sent.match)
    for m in matches:
        segment = m.group(1)
        items = segment.split("、")
        if len(items) < 2:
            continue
        # The first item may carry what came before it in the clause ('仪式。袁某'): take its tail.
        lengths = [_whole_item_name(it, True) or name_length(it, 0, listed=True) for it in items[1:]]
        first = items[0]
        head_len = next((n for n in (3, 2) if len(first) >= n and _whole_item_name(first[-n:], True)), 0)
        odd = [it for n, it in zip(lengths, items[1:], strict=True) if n != len(it)]
        if not head_len or not (not odd or (len(items) >= 4 and len(odd) == 1 and _unknown_name(odd[0]))):
            continue  # (in a long list of names, one without a known surname is a name too: '泽巴足')
        pos = m.start(1)
        for i, it in enumerate(items):
            a = pos + (len(it) - head_len if i == 0 else 0)
            b = pos + len(it)
            if not any(x < b and a < y for x, y in spans):
                out.append(PersonMention(name=sent.text[a:b], key=sent.match[a:b], start=a, end=b, rule="leader-list"))
                spans.append((a, b))
            pos = b + 1
    return out


def _unknown_name(item: str) -> bool:
    """Two to four characters that are no word: a name whose surname the lexicon does not know."""
    return 2 <= len(item) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in item) and not is_dictionary_word(item) \
        and not _never_a_name(item) and item not in lexicon().get("not_names")


def find_people(sent: Sentence) -> list[PersonMention]:
    found = _titled_people(sent)
    found += leader_list(sent, found)
    found += listed_before_leaders(sent, found)
    found += named_before_title(sent, found)
    found += title_inside_name(sent, found)
    found += elected(sent, found)
    return found + joined_after(sent, found)


# '会议选举某某为某镇人民政府镇长', '某某当选某镇镇长', '由某某担任团长': the name, then the post it was given.
ELECTED = re.compile(
    r"(?:选举|补选|选出|任命|推选)(?P<name>[\u4e00-\u9fff]{2,3}?)(?:同志)?为(?P<post>[^,;:。!?、]{2,24})"
    r"|(?P<name2>[\u4e00-\u9fff]{2,3}?)(?:同志)?(?:当选|當選|担任|擔任)(?:为|為)?(?P<post2>[^,;:。!?、]{2,24})"
)


def elected(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    lex = lexicon()
    out: list[PersonMention] = []
    text = sent.match
    spans = [(m.start, m.end) for m in taken]
    named = {(m.start, m.end) for m in taken}
    for m in ELECTED.finditer(text):
        group = "name" if m.group("name") else "name2"
        a, b = m.span(group)
        post_a, post_b = m.span("post" if group == "name" else "post2")
        heads = [h for h in lex.head_re.finditer(text, post_a, post_b) if h.end() == post_b]
        # ('理事长某某担任团长': a name already read with its title takes the post it was given too)
        if not heads or any(x < b and a < y and (x, y) != (a, b) for x, y in spans) or not _surnamed(text[a:b]) \
                or is_dictionary_word(text[a:b]):
            continue
        titles = _titles(sent, post_a, post_b)
        if not titles:
            continue
        out.append(PersonMention(name=sent.text[a:b], key=text[a:b], start=a, end=b, titles=titles, rule="elected"))
        if (a, b) not in named:
            spans.append((a, b))
    return out


# '嘉义市林副市长瑞彦、彰化县周副县长杰': a Taiwan release puts the title between the surname and the
# given name; the person is the surname and the given name together.
TITLE_INSIDE_NAME = re.compile(
    r"(?:(?<=[、,;:。])|^|(?<=[市县区乡镇]))(?P<surname>[\u4e00-\u9fff])"
    r"(?P<title>副?(?:市长|县长|区长|乡长|镇长|议长)|秘书长|局长|处长)(?P<given>[\u4e00-\u9fff]{1,2}?)"
    r"(?=[、,;:。]|$|等|出席|参加|致辞|表示|主持)"
)


def _word_count(text: str) -> int:
    """How often jieba's dictionary counts ``text`` as a word (0: not a word)."""
    import jieba  # loaded on first need

    jieba.dt.check_initialized()
    return int(jieba.dt.FREQ.get(text, 0))


def _common_word(text: str) -> bool:
    """A word jieba's dictionary counts often ('支持', '相信'): no surname and given name start so."""
    return _word_count(text) >= 500


def is_dictionary_word(text: str) -> bool:
    """A word of jieba's dictionary ('表示', '举行'), which a given name seldom is."""
    return _word_count(text) > 0


def title_inside_name(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    out: list[PersonMention] = []
    text = sent.match
    spans = [(m.start, m.end) for m in taken]
    surnames = lexicon().get("surnames")
    for m in TITLE_INSIDE_NAME.finditer(text):
        a, b = m.span()
        key = m.group("surname") + m.group("given")
        if m.group("surname") not in surnames or any(x < b and a < y for x, y in spans) or not _plain_name(key):
            continue
        given = m.group("given")
        if lexicon().follower_re.match(given) or (len(given) == 2 and is_dictionary_word(given)):
            continue  # '卢市长表示,': what the official did, not a given name
        written = sent.text[a : a + 1] + sent.text[m.start("given") : b]
        out.append(PersonMention(
            name=written, key=key, start=a, end=b,
            titles=[TitleMention(title=sent.text[m.start("title") : m.end("title")])], rule="title-inside-name",
        ))
        spans.append((a, b))
    return out


# '区政府董某某区长主持': the body, the name, then its head's title.
NAME_BEFORE_TITLE = re.compile(
    r"(?P<body>(?:[区县市镇乡]人民政府|[区县市镇乡]政府|[区县市]委))(?P<name>[\u4e00-\u9fff]{2,3}?)"
    r"(?P<title>(?:常务)?副?(?:[区县市镇乡]长|书记))(?=主持|出席|参加|讲话|致辞|表示|指出|强调|,|、|。)"
)


# '修文成会长首先对…', '赵革书记的讲话…', '由开发区王彦龙主任主持': a full name, then the title a speaker
# addresses them by, at a clause's start or after a body; what follows is an act or a possessive.
NAME_THEN_TITLE = re.compile(
    r"(?:(?<=[,;:。、和])|^|(?<=区|会|委|府|局|由|厅|处))(?P<name>[\u4e00-\u9fff]{2,3}?)"
    r"(?P<title>(?:代理|代|总)?(?:常务)?副?(?:书记|[省市县区旗]长|主任|会长|顾问|董事长|总经理|秘书长|厅长|局长|处长))"
    r"(?=首先|主持|出席|参加|讲话|致辞|表示|指出|强调|介绍|代表|分别|重要|的|在|对|也|和|与|,|。|、)"
)


def named_before_title(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    out: list[PersonMention] = []
    text = sent.match
    spans = [(m.start, m.end) for m in taken]
    shapes = [NAME_THEN_TITLE] if "政府" not in text and "委" not in text else [NAME_BEFORE_TITLE, NAME_THEN_TITLE]
    for m in (m for shape in shapes for m in shape.finditer(text)):
        a, b = m.span("name")
        if any(x < b and a < y for x, y in spans) or not _plain_name(m.group("name")):
            continue
        if text[a] not in lexicon().get("surnames") or text[b - 1] in "总代理副" or m.group("title") == "总书记":
            continue  # ('某总会长', '某代理市长': the title's own first character; 总书记's words are quoted)
        if b - a == 3 and _common_word(text[a : a + 2]):
            continue  # '会支持魏县长': a verb and a surname, not a name
        out.append(PersonMention(
            name=sent.text[a:b], key=text[a:b], start=a, end=b,
            titles=[TitleMention(title=sent.text[m.start("title") : m.end("title")])], rule="name-before-title",
        ))
        spans.append((a, b))
    return out


def joined_after(sent: Sentence, taken: list[PersonMention]) -> list[PersonMention]:
    """'市领导甲、乙和丙出席', '副区长甲和乙出席': the name after 和/及 closes the list; it shares
    the titles of the name before it."""
    out: list[PersonMention] = []
    text = sent.match
    spans = [(m.start, m.end) for m in taken]
    for men in taken:
        if text[men.end : men.end + 1] not in ("和", "及"):
            continue
        start = men.end + 1
        length = name_length(text, start, listed=True)
        end = start + length
        if not length or any(a < end and start < b for a, b in spans):
            continue
        if lexicon().head_re.match(text, start) or _titled_name_after(text[start:], length):
            continue
        out.append(PersonMention(
            name=sent.text[start:end], key=text[start:end], start=start, end=end,
            titles=[TitleMention(t.title, t.org, t.executive) for t in men.titles], rule="joined-after-list",
        ))
        spans.append((start, end))
    return out


TITLE_NOTE = re.compile(r"\((?:兼|兼任|代|挂职|正处级|副处级)\)")


# '苗栗县某某某县长': a Taiwan release writes the county, the name, then the county's head; the title
# is the head alone and names the person before it, not the one in the next item.
NAME_INSIDE_OFFICE = re.compile(r"\S{1,6}?(?P<level>[县市乡镇])(?P<name>[\u4e00-\u9fff]{2,3}?)副?(?P=level)长$")


def _name_inside_office(item: str, pos: int) -> tuple[int, int] | None:
    start = pos + trim_left(item[pos:])
    m = NAME_INSIDE_OFFICE.fullmatch(item, start, len(item.rstrip()))
    if m is None or not _plain_name(m.group("name")) or item[m.start("name")] not in lexicon().get("surnames"):
        return None
    return m.span("name")


def _titled_people(sent: Sentence) -> list[PersonMention]:
    lex = lexicon()
    found: list[PersonMention] = []
    carried: list[TitleMention] = []  # titles of a clause that named nobody
    for clause in CLAUSE.finditer(sent.match):
        pending = carried
        carried = []
        prev: PersonMention | None = None  # person whose name closed the last item
        named_in_clause = False
        # A list of people: its items are joined by '、', or an attendance verb
        # ends the sentence's run of titled names.
        people_list = "、" in clause.group() or bool(ATTENDING.search(sent.match, clause.end()))
        for item in ITEM.finditer(clause.group()):
            base = clause.start() + item.start()
            text = item.group()
            pos = 0
            if prev is not None:
                length = name_length(text, 0, people_list) or _listed_name(text)
                # '副主席甲、乙及秘书长丙': the list's last name, then another titled person joined on
                joined = bool(length) and text[length : length + 1] in ("及", "和", "与") \
                    and _titled_name_after(text, length + 1) and _surnamed(text[:length]) \
                    and not is_dictionary_word(text[:length])  # ('食物及卫生局局长': a bureau's words)
                if length and not joined and not _closes_item(text, length) and _titled_name_after(text, length):
                    length = 0  # '东引乡民代表会主席某某': an organ, a title and a name, not a shared title
                if length:
                    person = PersonMention(
                        name=sent.text[base : base + length], key=text[:length], start=base,
                        end=base + length, titles=[TitleMention(t.title, t.org, t.executive) for t in prev.titles],
                        rule="shared-title-list",
                    )
                    found.append(person)
                    pos = length
                    prev = person if _closes_item(text, length) else None
                    named_in_clause = True
                    if not joined:
                        continue
                    pos = length + 1
            prev = None
            named_here = False
            for m in lex.head_re.finditer(text, pos):
                if m.start() < pos:
                    continue
                end = m.end()
                note = TITLE_NOTE.match(text, end)
                at = note.end() if note else end  # '董事长(兼)某某': the note belongs to the title
                length = name_length(text, at, people_list) or tagged_name(text, at)
                if length and ORGAN_END.search(text, at, at + length) and lex.head_re.match(text, at + length):
                    length = 0  # '市委常委宣传部部长某某': an organ and its head's title, not a name
                if length:
                    titles = _titles(sent, base + pos, base + end)
                    if not titles:
                        continue
                    person = PersonMention(
                        name=sent.text[base + at : base + at + length], key=text[at : at + length],
                        start=base + at, end=base + at + length, titles=[*pending, *titles],
                    )
                    found.append(person)
                    pending = []
                    pos = at + length
                    named_here = named_in_clause = True
                    prev = person if _closes_item(text, pos) else None
                elif end == len(text.rstrip()) and (inside := _name_inside_office(text, pos)):
                    a, b = inside
                    title = sent.text[base + b : base + end]
                    person = PersonMention(
                        name=sent.text[base + a : base + b], key=text[a:b], start=base + a, end=base + b,
                        titles=[TitleMention(title=title, org=sent.text[base + pos + trim_left(text[pos:]) : base + a])],
                        rule="name-inside-office",
                    )
                    found.append(person)
                    pending, pos = [], end
                    named_here = named_in_clause = True
                elif end == len(text.rstrip()):
                    titles = _titles(sent, base + pos, base + end)
                    if titles:
                        pending.extend(titles)
                        named_here = True
            if not named_here:
                pending = []
        # '会见了某集团党组成员、副总经理,某公司董事长某某': titles that close a clause belong to the
        # person the next clause names, though this clause named someone before them ('…及企业相关
        # 负责人,' names a group, no one's post).
        if pending and (not named_in_clause or not any(t.title.endswith(("负责人", "负责同志")) for t in pending)):
            carried = pending
    return found
