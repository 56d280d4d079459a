"""Text clean-up before splitting: HTML remnants, odd spaces, broken paragraphs.

Pages are copied out of web sites and PDF newspapers, so tag fragments
(`<br>`, `&nbsp;`), full-width spaces and words split across column breaks
are normal. Everything here is layout repair; nothing reads meaning.
"""

from __future__ import annotations

import html
import re

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|tr|h[1-6]|table|section|article)\b[^>]*>", re.I)
_DROP_BLOCK = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});?")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_HAN_SPACE_HAN = re.compile(r"(?<=[\u4e00-\u9fff，。、；：！？,;:])[ ](?=[，。、；：！？,;:])")

# Decoration in front of credits and paragraphs: "□ 本报记者 X", "■本报讯".
_BULLET = re.compile(r"^(?:[□■●◆◇▲△★☆○•※▶►]+\s*|[-*]\s+(?=\S))")  # ("- 来源:": a markdown list's dash)
# Web pages pad two-character labels to align them: "来  源：", "作 者："
_SPACED_LABEL = re.compile(r"(来|來|作|时|時|日|编|編|责|責)\s+(源|者|间|間|期|辑|輯|编|編)(?=\s*[:：])")

# A paragraph that ends like this ends a sentence; anything else was cut by
# a column or page break and continues in the next paragraph.
_FINAL = re.compile(r"(?:[。！？!?…]|[。！？!?…][”’」』)）]+|\.{3,}|……|(?<=[\u4e00-\u9fff”’）)])\.)$")


# Pages saved through a Markdown converter: '![](…)' stands where a photo was, '[text](…)' for a link.
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)")


def strip_markup(text: str) -> str:
    """Remove HTML tags and entities, turning block tags into line breaks."""
    if "](" in text:
        text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("\n", text))
    if "<" not in text and "&" not in text:
        return text
    text = _DROP_BLOCK.sub("\n", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    # Entities are decoded one by one so a stray "&" in prose is left alone.
    return _ENTITY.sub(_unescape, text)


def _unescape(m: re.Match[str]) -> str:
    entity = m.group(0)
    decoded = html.unescape(entity if entity.endswith(";") else entity + ";")
    return entity if decoded.endswith(";") else decoded


# '经济(jì)开发(fā)区': some converted pages gloss characters with toned pinyin; the gloss
# is no part of a name or title.
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)")


# A web page's table copied as text keeps each cell's border: '某某新闻 |', a lone '|'.
_CELL_EDGE = re.compile(r"^[|｜]+\s*|\s*[|｜]+$")


def without_pinyin(text: str) -> str:
    return _PINYIN_GLOSS.sub("", text)


def clean_line(line: str) -> str:
    """One line with spaces folded: runs of any kind of blank become one space."""
    line = _PINYIN_GLOSS.sub("", line)
    line = _BULLET.sub("", _CELL_EDGE.sub("", _SPACES.sub(" ", line).strip()))
    line = _SPACED_LABEL.sub(r"\1\2", line)
    line = _STAMP_THEN_DAY.sub(r"\1 ", line)
    return _HAN_SPACE_HAN.sub("", line)


# '2022-08-308月25日,…', '2024-08-16 20:188月14日…': a page's stamp run into the lead's day; the two
# dates are apart.
_STAMP_THEN_DAY = re.compile(r"(\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?=\d{1,2}月\d{1,2}[日号])")


def ends_sentence(text: str) -> bool:
    return bool(_FINAL.search(text.rstrip()))


# '…有关情况。记者 某某 报道': a photo's caption ends with its credit, not mid-sentence.
_CREDIT_END = re.compile(r"(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*[\u4e00-\u9fff]{2,4}(?:\s*(?:报道|報道|摄|攝))?$")


def mend_paragraphs(paragraphs: list[str]) -> list[str]:
    """Rejoin paragraphs that a column or page break cut mid-sentence (or mid-word).

    Chinese has no spaces between words, so the pieces are glued directly.
    """
    mended: list[str] = []
    for para in paragraphs:
        if mended and not ends_sentence(mended[-1]) and not _CREDIT_END.search(mended[-1]):
            mended[-1] += para
        else:
            mended.append(para)
    return mended
