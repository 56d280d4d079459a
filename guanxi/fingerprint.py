"""One story, one article: the fingerprint of an article's body, the same in every copy of it.

A story reaches an archive more than once: a newspaper's .txt and the same page saved as .html, a
reprint in traditional script (Big5), a 转载 in another paper under its own masthead. The loaders
clean each copy's body, but what they leave differs in ways a reader does not notice: script,
full- or half-width forms, spacing and punctuation, where the paragraphs break, and the credits a
copy adds or drops ('柏川讯', '（记者 某某）', '（来源：某某报）', '编辑：某某', '转载请注明出处').
The fingerprint is taken over what is left once those are gone: the words of the story.

Built from the body only, never the file name or the headline: a reprint often shortens the
headline ('原标题：…'), and a file name says nothing about the story in it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from guanxi.simplified import to_simplified, traditional_share

# Fewer letters and digits than this and there is no fingerprint (the article keeps an id of its
# document, position and headline). A brief of a sentence or two ('今天白天多云，气温12到20摄氏度。',
# '近日，县政府召开常务会议，研究部署有关工作。') recurs word for word in unrelated issues, and a
# fingerprint that short would fold different days' stories into one article with one set of facts.
# Sixty characters is about three sentences: two unrelated stories no longer agree that far, while
# almost every story worth a fact (an event, a signing, a list of officials) is longer.
MIN_STORY_CHARS = 60

# Credit and source labels that open a line or a bracket of their own: who wrote or edited it and
# where it was taken from, never the story. Simplified: the text is simplified before matching.
_CREDIT_WORDS = (
    "本报记者|本报通讯员|特约记者|见习记者|实习记者|融媒体记者|全媒体记者|首席记者|记者|通讯员|实习生|"
    "责任编辑|责编|编辑|编审|审核|审校|审签|校对|终审|签发|监制|核稿|"
    "稿件来源|文章来源|信息来源|新闻来源|来源|出处|供稿|供图|来稿|作者|撰稿|撰文|执笔|"
    "摄影|图片|图文|原标题|原题|转自|转载|本文转自|编者按|整理"
)
# A line of credits: a label, then its separator ('责任编辑：某某', '编辑：某某 校对：某某', '原标题：《…》',
# '（记者 某某 通讯员 某某）'). The separator keeps a lead that opens with the word ('记者从县发改局获悉，…').
_CREDIT_LINE = re.compile(rf"^[(（【\[]?\s*(?:{_CREDIT_WORDS})\s*[:：/／\s]|^图[为:：]")
# A bracket of credits anywhere: '（记者 某某 通讯员 某某）', '（来源：某某报）', '【编辑：某某】',
# '(某某 摄)'. Only brackets short enough to be a credit, so a long aside that names a 记者 stays.
_CREDIT_BRACKET = re.compile(
    rf"[(（【\[][^()（）【】\[\]]{{0,30}}?(?:{_CREDIT_WORDS}|摄)[^()（）【】\[\]]{{0,30}}[)）】\]]"
)
# The dateline that opens a lead: '本报讯', '柏川讯 ', '某某网讯', '新华社北京3月5日电'. Only before a
# space, a bracket or a date, so '电商直播……' keeps its first word.
_DATELINE = re.compile(
    r"^(?:本报|本刊|本台|本网)?[\u4e00-\u9fff\d]{0,16}?(?:讯|电)"
    r"(?=\s|[(（【\[]|\d|[一二三四五六七八九十]{1,3}月|近日|日前|近期|昨日|今日|昨天|今天)"
)
# Credits written into the lead without brackets: '记者 某某 通讯员 某某 3月18日，…'.
_LEAD_CREDIT = re.compile(r"^\s*(?:(?:本报)?(?:记者|通讯员)\s*[:：]?\s+(?:[\u4e00-\u9fff·]{2,6}\s+)+)+")
# Where a sentence ends: what follows the last of these in the body is a trailing fragment (a
# credit glued to the last line, a site's footer), not the story.
_SENTENCE_END = re.compile(r"[。!?]")  # after NFKC: ！？ are !?
_GOES_ON = re.compile(r"[,、;:]$")  # after NFKC: ，；： are ,;:
# What is neither a letter nor a digit (in any script): spaces, punctuation, symbols.
_NOT_A_WORD = re.compile(r"[\W_]+")


def _is_credit_line(line: str) -> bool:
    if _CREDIT_LINE.match(line):
        return True
    # A short line that ends no sentence is a label, a credit or a footer ('转载请注明出处',
    # '某某县融媒体中心'): the story itself is written in sentences, in every copy alike. One that
    # stops at a comma is a sentence a copy broke in two ('据了解，' + the rest), and stays.
    return len(line) <= 30 and not _SENTENCE_END.search(line) and not _GOES_ON.search(line)


def story_text(body: str) -> str:
    """The words of a story: simplified, NFKC-folded and lower-cased, credits, datelines and
    trailing fragments dropped, then only letters and digits (no space or punctuation) kept."""
    text = unicodedata.normalize("NFKC", to_simplified(body))
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not _is_credit_line(line)]
    joined = "".join(kept)
    joined = _CREDIT_BRACKET.sub("", joined)
    joined = _LEAD_CREDIT.sub("", _DATELINE.sub("", joined.lstrip()))
    ends = list(_SENTENCE_END.finditer(joined))
    if ends:
        joined = joined[:ends[-1].end()]
    return _NOT_A_WORD.sub("", joined.casefold())


def story_fingerprint(body: str) -> str | None:
    """A hex digest of ``story_text(body)``; None when the story is too short to tell apart
    (see MIN_STORY_CHARS)."""
    words = story_text(body)
    if len(words) < MIN_STORY_CHARS:
        return None
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


# More than this share of a body's characters changed by simplifying it: written in traditional
# script. A simplified story changes none or a stray few.
_TRADITIONAL_SHARE = 0.05


def copy_key(body: str, published: str | None, document_id: str) -> str:
    """Which copy of a story the article shows and reads its facts from: the lowest key wins.

    Simplified script first (search, names and the page are simplified; a traditional reprint's
    text would hide the story from a search typed in simplified), then the earliest issue or web
    date (the original before a reprint), then the document id, so the choice never depends on the
    order the copies were loaded in.
    """
    script = "1" if traditional_share(body) > _TRADITIONAL_SHARE else "0"
    return f"{script}|{published or '9999-12-31'}|{document_id}"
