"""Who was at the article's event and in what role: the role verbs of each sentence, the officials
a lead names, the leaders who witness a signing together, and the clauses where people sign."""

from __future__ import annotations

import re

from guanxi.facts import Role
from loaders.cleanup import without_pinyin
from loaders.dates import MONTH_DAY
from loaders.facts.events import REPORTED, Mention, assign_roles, has_strong_verb
from loaders.facts.lexicon import lexicon
from loaders.facts.people import PersonMention
from loaders.facts.reading import ArticleReading, SigningClause
from loaders.facts.sentences import Sentence
from loaders.facts.signings import SIGN_WORD


def read_roles(reading: ArticleReading) -> None:
    """Roles from the verbs of each sentence. A sentence with only weak verbs (听取, 调研) counts
    when some sentence of the article has a strong one (出席, 主持): then the article reports an
    event, not a plan."""
    people = reading.people
    known = set(people.people)
    strong_article = False
    weak_only: dict[str, list[Role]] = {}
    weak_sentence: dict[str, str] = {}
    quotes_speak = not talks_only(reading)
    for sent in reading.sentences:
        titled = people.by_sentence.get(sent.index, [])
        mentions = [Mention(m.key, m.start, m.end) for m in titled]
        mentions += _bare_mentions(sent, known, titled)
        mentions.sort(key=lambda m: m.start)
        if not mentions:
            continue
        sent_roles = assign_roles(sent, mentions, quotes_speak)
        if sent_roles and has_strong_verb(sent.match):
            strong_article = True
        elif sent_roles:
            weak_only.update(sent_roles)
            for key in sent_roles:
                weak_sentence.setdefault(key, sent.text)
            continue
        for key, rs in sent_roles.items():
            _add_roles(reading, key, rs, sent.text)
        if SIGN_WORD.search(sent.match):
            for seg in _segments(sent.match):
                signers = [
                    m.key for m in mentions
                    if seg[0] <= m.start < seg[1] and "signed" in sent_roles.get(m.key, [])
                ]
                if signers and SIGN_WORD.search(sent.match[seg[0] : seg[1]]):
                    reading.signing_clauses.append(SigningClause(sent, seg, signers))
    if strong_article:
        for key, rs in weak_only.items():
            _add_roles(reading, key, rs, weak_sentence[key])


# A call or a visit: what the hosts and guests say there ('双方表示,…', '某某强调,…') is their talk,
# not a speech at an event; at a ceremony or a meeting it is one ('某某在仪式上表示,…').
_VISIT = re.compile(r"会见|會見|会谈|會談|接见|接見|调研|調研|视察|視察|走访|走訪|拜访|拜訪|看望|慰问|慰問")
_GATHERING = re.compile(r"仪式|儀式|签约|簽約|签署|簽署|开工|開工|大会|大會|(?<![议議])(?:会议|會議)|座谈|座談|推介|论坛|論壇|典礼|典禮|活动|活動")


def talks_only(reading: ArticleReading) -> bool:
    """Whether the article's event is a call or a visit, named by its headline."""
    title = without_pinyin(reading.article.title or "")  # a headline kept as written, glosses and all
    return bool(_VISIT.search(title)) and not _GATHERING.search(title)


def _add_roles(reading: ArticleReading, key: str, roles: list[Role], sentence: str) -> None:
    bucket = reading.roles.setdefault(key, [])
    reading.role_sentence.setdefault(key, sentence)
    for r in roles:
        if r not in bucket:
            bucket.append(r)


# A lead that reports something happening: '县委书记甲,县长乙等四大班子领导与干部群众一起植树'.
LEAD_EVENT = re.compile(r"举行|召开|举办|开展|会见|会谈|座谈|调研|考察|视察|走访|参加|出席|植树|签约|签署|开工|慰问|看望|观摩|收看|督导|检查")


def named_in_lead(reading: ArticleReading) -> None:
    """Officials named with their titles in the lead of an event report were there, whatever verb
    the lead uses: the lead is the event."""
    lead = [s for s in reading.sentences if s.paragraph == 0][:2]
    if not any(LEAD_EVENT.search(s.match) for s in lead):
        return
    if not reading.roles and not any(MONTH_DAY.search(s.match) for s in lead):
        return  # no role verb anywhere and no day named: a feature, not an event report
    for sent in lead:
        if REPORTED.search(sent.match):
            continue
        for men in reading.people.by_sentence.get(sent.index, []):
            if men.key not in reading.roles and (men.titles or men.rule == "leader-list"):
                reading.roles[men.key] = ["attended"]
                reading.role_sentence.setdefault(men.key, sent.text)
                reading.role_rule[men.key] = "named-in-lead"




# '与会县领导共同见证签约', '我县领导一行见证了签约': the officials present witnessed it. Not
# '在与会领导的共同见证下' (the shared answers give that phrase to nobody).
COLLECTIVE_WITNESS = re.compile(r"(?<!在)(?:与会|领导|一行)[^,;。的]{0,8}?见证(?![^,;。]{0,12}下)")


def collective_witness(reading: ArticleReading) -> None:
    people = reading.people
    for sent in reading.sentences:
        m = COLLECTIVE_WITNESS.search(sent.match)
        if m is None or any(m.start() <= men.start < m.end() for men in people.by_sentence.get(sent.index, [])):
            continue
        for key, rs in reading.roles.items():
            person = people.people.get(key)
            if person is None or person.kind != "official" or "signed" in rs or "witnessed" in rs:
                continue
            rs.append("witnessed")
            reading.role_sentence.setdefault(key, sent.text)


def _bare_mentions(sent: Sentence, known: set[str], taken: list[PersonMention]) -> list[Mention]:
    """Known names written without a title in this sentence ('彭照辉代表区委…')."""
    lex = lexicon()
    out: list[Mention] = []
    spans = [(m.start, m.end) for m in taken]
    for key in known:
        for m in re.finditer(re.escape(key), sent.match):
            a, b = m.span()
            if any(a < y and x < b for x, y in spans):
                continue
            rest = sent.match[b:]
            # '韩立新市长与…先后致辞', '某某书记感谢…': a known name with its title after it
            if rest[:1] and not re.match(r"[,;:。!?、]", rest[:1]) and not lex.follower_re.match(rest) \
                    and not lex.head_re.match(rest):
                continue
            prev = sent.match[a - 1 : a]
            if prev and "\u4e00" <= prev <= "\u9fff" and prev not in "在由与和及同、请对向为给陪上":
                continue
            out.append(Mention(key, a, b))
            spans.append((a, b))
    return out


def _segments(text: str) -> list[tuple[int, int]]:
    """Parts of a sentence that each hold one signing: cut at ';' and at the
    first clause break after every signing verb ('A与B签约,C与D签约')."""
    cuts = {m.end() for m in re.finditer(r";", text)}
    for m in SIGN_WORD.finditer(text):
        brk = re.compile(r"[,;。]").search(text, m.end())
        if brk:
            cuts.add(brk.end())
    out, start = [], 0
    for cut in sorted(cuts):
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out
