"""Who attended, presided, spoke, signed or witnessed, read from role verbs.

A role verb (出席, 主持, 讲话, 签署, 见证 ...) applies to the people named
since the previous verb; '…出席并讲话' adds the second verb to the same
people. People named in a sentence that has a role verb but after the last
verb ('出席会议的还有…') attended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guanxi.facts import EventType, Role
from loaders.facts.lexicon import lexicon
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence

# A role word used as a noun: 签约仪式, 讲话精神, 主持人, 调研组 ...
# A signing someone witnessed, attended or brought about, named a few words after that verb.
SIGNING_WATCHED = re.compile(r"(?:见证|出席|参加|观看|推动|推进|促成|助签|对)[^,;:。、]{0,6}$")
# '见证了甲镇政府与投资1.5亿元的A公司X项目、…正式签约': however long the list of what was signed,
# the signing is still what they witnessed ('在…的见证下,A与B签约' is the parties' act).
WITNESSED_CLAUSE = re.compile(r"见证(?!下)[^,;:。!?]*$")
NOUN_AFTER = {
    "签约": re.compile(r"仪式|活动|大会|现场|项目|企业|单位|环节|金额|额|总额|资金|推进会|会议|座谈|方|工作|双方|客商|的|、"),
    "签署": re.compile(r"仪式|活动|环节"),
    "签订": re.compile(r"仪式|活动|环节"),
    "讲话": re.compile(r"精神|要求|内容|稿|人"),
    "发言": re.compile(r"精神|内容|稿|人"),
    "致辞": re.compile(r"稿|内容"),
    "主持": re.compile(r"人"),
    "调研": re.compile(r"组|团|报告|成果|课题"),
    "视察": re.compile(r"组|团"),
    "考察": re.compile(r"组|团"),
    "检查": re.compile(r"组|团"),
    "督导": re.compile(r"组|团"),
    "督查": re.compile(r"组|团"),
    "介绍": re.compile(r"会|材料|信"),
    "推介": re.compile(r"会|活动|材料|平台"),
    "汇报": re.compile(r"会|材料"),
    "见证": re.compile(r"人"),
    "宣讲": re.compile(r"团|员|活动"),
    "巡查": re.compile(r"组|员"),
}
CLAUSE_BREAK = re.compile(r"[,;:。!?]")
# Clauses that report someone else's words: their people and verbs are no role.
# '学习主题', '学习体会': 学习 as a noun reports nothing ('围绕学习主题作交流发言').
# Passages that name people who were not there: a source, what was passed on or studied, the
# leader on whose behalf someone acted ('受县委书记某某委托').
REPORTED = re.compile(r"据[^,;。]{0,20}介绍|(?<=传达)了?[^,;。]*|(?:贯彻落实|学习(?!主题|体会|心得|内容|中心组|型))[^,;。]*|受[^,;。]{2,24}委托"
                      r"|(?<=转达)了?[^,;。]*")  # '转达了董事长某某的问候': whose regards, not who came
PLACE_RE = re.compile(
    r"在([\u4e00-\u9fff]{1,16}?(?:分会场|主会场|会议室|会议中心|报告厅|礼堂|大厅|广场|现场|中心|基地|园区|开发区))"
)
EVENT_TAIL = re.compile(r"(?:顺利|隆重|正式|在[\u4e00-\u9fff]{1,10})?(?:举行|召开|举办|开幕|启动|开工|落幕|闭幕)$")


@dataclass
class Mention:
    key: str  # person key (matching form)
    start: int
    end: int


@dataclass
class RoleHit:
    key: str
    roles: list[str] = field(default_factory=list)


# '作政府工作报告', '作了专题辅导报告': giving a report is speaking; so is '作工作安排' at a meeting.
REPORT = re.compile(r"(?<!工)作了?[\u4e00-\u9fff]{0,8}?(?:报告|汇报|(?<=工作)(?:安排|部署))")


# Verbs of saying are a speech only where the words follow: '某某表示,…', not '表示诚挚慰问'
# or '强调要…' inside a report of instructions.
QUOTING = {"表示", "说", "指出", "强调", "要求"}
# ... or where a greeting follows: '某某对…表示欢迎和感谢'.
# Words of welcome said at the event ('表示欢迎', '表示热烈祝贺'); '表示诚挚慰问' greets those visited,
# which the shared answers do not count as a speech.
GREETING = re.compile(r"欢迎|感谢|祝贺|慰问|赞扬|赞赏|肯定|敬意|谢意|(?:热烈|衷心|真诚|由衷|充分|高度)的?(?:欢迎|祝贺|赞扬|赞赏|肯定)")


# '某某表示在…的支持下,…', '某某表示将…': what follows 表示 is what was said.
SAYS_AFTER = re.compile(r"将|要|会|愿|希望|相信|感谢|在|对|此次|这次|公司|企业|我们|自己")
NOT_A_SPEECH_BEFORE = re.compile(r"采访[^,;。]{0,4}$|主持[^,;。]{0,20}时$")


def role_verbs(text: str, quotes_speak: bool = True) -> list[tuple[int, int, Role]]:
    lex = lexicon()
    out: list[tuple[int, int, Role]] = [(m.start(), m.end(), "spoke") for m in REPORT.finditer(text)]
    for m in lex.role_re.finditer(text):
        verb = m.group()
        after = text[m.end() :]
        noun = NOUN_AFTER.get(verb)
        if noun is not None and noun.match(after):
            continue
        if verb == "介绍" and text[max(0, m.start() - 1) : m.start()] == "据":
            continue
        if lex.roles[verb] == "signed" and (SIGNING_WATCHED.search(text, max(0, m.start() - 10), m.start())
                                            or WITNESSED_CLAUSE.search(text, 0, m.start())):
            continue  # '见证项目签约', '出席集中签约': the signing is what they watched
        if lex.roles[verb] == "signed" and text[max(0, m.start() - 1) : m.start()] == "的":
            continue  # '对项目的签约表示祝贺': the signing spoken of, a noun
        role = lex.roles[verb]
        if verb in QUOTING:
            said = after[:1] in (",", ":", "") or (verb == "表示" and bool(GREETING.match(after) or SAYS_AFTER.match(after)))
            if not said or NOT_A_SPEECH_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue  # '接受采访时表示', '在主持仪式时说': an interview, or the chair's own words
            if not quotes_speak:
                role = "attended"  # at a call: there, and talking, not speaking
        if any(a <= m.start() < b for a, b, _ in out):
            continue
        out.append((m.start(), m.end(), role))
    return sorted(out)


# Verbs that show presence only where the article reports an event by other
# verbs too: '介绍' in a feature story is a quote, not attendance.
WEAK = {"介绍", "汇报", "听取", "通报"}


def has_strong_verb(text: str) -> bool:
    return any(text[a:b] not in WEAK for a, b, _ in role_verbs(text))


# '…介绍情况,并代表县政府签署协议': a clause where the same people act for their body goes on with
# them ('…考察,并与某区签订' may be the delegation's act, not theirs).
# '…到场祝贺,并见证了…' goes on with them too: the verb follows the conjunction at once.
# '…到场祝贺,并见证了…' goes on with them too where the verb follows the conjunction at once; '…陪同
#考察,并召开座谈会' convenes for the whole party, which is no one's own role. '…参加会议,并与某公司就
# 某项目进行签约': the one who attended signs with the company.
_GOES_ON = re.compile(r",(?:并且|并|还|随后|同时|又|共同|一同)+(?:代表[^,;:。!?]*|(?:与|同|和)[^,;:。!?]*?就[^,;:。!?]*)?$")
_CONVENES = re.compile(r"召开|举行|举办")


def _same_subject(between: str, verb: str) -> bool:
    """Whether the people of the last verb are the subject of the next one, ``between`` them."""
    if not CLAUSE_BREAK.search(between):
        return True
    goes_on = _GOES_ON.search(between)
    if goes_on is None or re.search(r"[;:。!?]", between):
        return False
    return "代表" in goes_on.group() or not _CONVENES.match(verb)


def assign_roles(sent: Sentence, mentions: list[Mention], quotes_speak: bool = True) -> dict[str, list[Role]]:
    """Roles of the people mentioned in one sentence (empty when it has no role verb).
    ``quotes_speak``: whether words said ('某某表示,…') are a speech at this article's event."""
    text = sent.match
    reported = [m.span() for m in REPORTED.finditer(text)]

    def outside(pos: int) -> bool:
        return not any(a <= pos < b for a, b in reported)

    verbs = [v for v in role_verbs(text, quotes_speak) if outside(v[0])]
    mentions = [m for m in mentions if outside(m.start)]
    if not verbs:
        return {}
    # People and verbs in the order written; a verb (order 0) before a name at the same place.
    events: list[tuple[int, int, str | None]] = [(m.start, 1, m.key) for m in mentions]
    events += [(a, 0, None) for a, _, _ in verbs]
    events.sort(key=lambda e: (e[0], e[1]))
    role_at = {a: role for a, _, role in verbs}
    verb_end = {a: b for a, b, _ in verbs}
    roles: dict[str, list[Role]] = {}
    pending: list[str] = []
    last_group: list[str] = []
    last_verb_end = -1
    for pos, _, key in events:
        if key is not None:
            pending.append(key)
            continue
        if pos == last_verb_end:
            # '见证签约', '出席签约': the second verb is the object of the first.
            last_verb_end = verb_end[pos]
            continue
        if pending:
            group = pending
            pending = []
        elif last_group and last_verb_end >= 0 and _same_subject(text[last_verb_end:pos], text[pos:verb_end[pos]]):
            group = last_group
        else:
            group = []
        for person in group:
            bucket = roles.setdefault(person, [])
            if role_at[pos] not in bucket:
                bucket.append(role_at[pos])
        if group:
            last_group = group
        last_verb_end = verb_end[pos]
    for person in pending:
        roles.setdefault(person, [])
        if "attended" not in roles[person]:
            roles[person].append("attended")
    return roles


def event_type(headline: str, first: str) -> EventType:
    for text in (headline, first):
        if re.search(r"签约|签署|签订", text):
            return "signing"
        if re.search(r"调研|视察|考察|检查|督导|督查|察看|巡查", text):
            return "inspection"
        if re.search(r"会议|会$|会召开|座谈|会见|会谈|论坛|学习|培训|研讨|推进会|调度会|常务会", text):
            return "meeting"
        if re.search(r"活动|仪式|典礼|揭牌|开工|启动|开幕|庆祝|慰问", text):
            return "activity"
    return "other"


def event_name(headline: str) -> str:
    """The headline without '举行/召开…' (cut on the simplified form, kept as written)."""
    written = headline.strip()
    m = EVENT_TAIL.search(to_matching(written))
    name = written[: m.start()] if m else written
    return name or written


def event_place(texts: list[str]) -> str | None:
    for text in texts:
        m = PLACE_RE.search(text)
        if m:
            return m.group(1)
    return None
