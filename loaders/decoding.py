"""Bytes → text for Chinese news files of unknown encoding.

Files arrive as UTF-8 (with or without a BOM), GB18030/GBK, Big5 or UTF-16
with a BOM. GB18030 decodes almost any byte string without error, so a
successful decode proves little; each strict candidate is therefore scored by
how much of its Han text consists of everyday characters of news prose (in
simplified and traditional forms). Wrong decodings produce a spread of rare
characters and lose.
"""

from __future__ import annotations

import codecs
import re


class DecodingError(ValueError):
    """The bytes are not a readable Chinese text file; the message says why in one line."""


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Plausibility below this means the decode produced mostly rare characters.
_MIN_COMMON_SHARE = 0.15


# Everyday characters of news prose, simplified and traditional forms: real
# text uses them constantly, a wrong decoding almost never does.
_FREQUENT = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支"
    "般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属"
    "圆包火住调满县局照参红细引听该铁价严龙飞项签仪举召镇村企街副乡推"
    "並來個們備傳價兒內兩別則劃動務勞區卻參員問單嚴國圓圖團報場壓學實寫將專對導層屬帶幹幾廠廣張強後從應戰採據數斷於時書會東條"
    "業極構標樣機權歷氣決沒況準溫滿濟無熱爭爲狀現產當發確礦種稱積節約紅級細組結給統經維線縣總織羣義習聯聲聽與華萬處號衆術裏裝"
    "覆見規親觀計記設許話該認說調論證識議變資質車軍較轉辦農這連進運過達適選還邊鐵長門開間關隊階際離難電響須領頭題類風飛養馬驗"
    "體鬥麼點黨龍為項簽儀舉鎮鄉"
)


def plausibility(text: str) -> tuple[float, int]:
    """(share of Han characters that are everyday ones, number of Han characters)."""
    han = _HAN.findall(text)
    if not han:
        return 0.0, 0
    return sum(1 for ch in han if ch in _FREQUENT) / len(han), len(han)


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n")
    return text.replace("\ufeff", "")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _check_text(text: str, encoding: str, judge: bool = False) -> tuple[str, str]:
    text = normalise_newlines(text)
    if not text.strip():
        raise DecodingError("the file holds only whitespace")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DecodingError(f"looks binary: control characters in the {encoding} text")
    share, count = plausibility(text)
    if count == 0:
        raise DecodingError("no Chinese text found in the file")
    # Short snippets carry too little evidence to reject; Unicode decodes are trusted.
    if judge and count >= 20 and share < _MIN_COMMON_SHARE:
        raise DecodingError(f"decodes as {encoding} but the characters are implausible (wrong encoding?)")
    return text, encoding


# The charset a page or a server declares: a hint only, since sites often declare gb2312 and serve
# UTF-8 or GBK extensions, and a saved page keeps the declaration of the site it came from.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_DECLARED = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "big5": "cp950", "cp950": "cp950", "x-x-big5": "cp950", "big5-hkscs": "big5hkscs", "big5hkscs": "big5hkscs",
}
# A declared encoding loses only to one whose text is clearly more everyday prose than its own.
_DECLARED_MARGIN = 0.1


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset a Content-Type value (``header``) or the page's own <meta charset> names."""
    if header:
        found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
        if found:
            return found.group(1).lower()
    meta = _META_CHARSET.search(data[:4096])
    return meta.group(1).decode("ascii").lower() if meta else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a news file; returns (text with \\n newlines, codec name).

    ``declared``: the charset the page or its server names (declared_charset), which settles a
    GB18030/Big5 choice the text alone leaves close."""
    if not data or not data.strip():
        raise DecodingError("empty file")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom):]
            text = _strict(body, encoding)
            if text is None:
                raise DecodingError(f"starts with a {encoding} byte-order mark but does not decode as {encoding}")
            name = "utf-8-sig" if encoding == "utf-8" else encoding.rsplit("-", 1)[0]
            return _check_text(text, name)
    if b"\x00" in data:
        # UTF-16 saved without its BOM is full of NULs too; accept it only
        # when it reads as plausible Chinese, otherwise the file is binary.
        for encoding in ("utf-16-le", "utf-16-be"):
            text = _strict(data, encoding) if len(data) % 2 == 0 else None
            if text is not None and not _CONTROL.search(text):
                share, count = plausibility(text)
                if count >= 10 and share >= 2 * _MIN_COMMON_SHARE:
                    return _check_text(text, "utf-16")
        raise DecodingError("binary file (contains NUL bytes)")

    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        # Valid multi-byte UTF-8 is very unlikely to be anything else.
        return _check_text(utf8, "utf-8")

    best: tuple[float, int, str, str] | None = None
    preferred = _DECLARED.get(declared or "")
    for encoding in ("gb18030", "cp950", "big5hkscs"):
        text = _strict(data, encoding)
        if text is None:
            continue
        share, count = plausibility(text)
        if encoding == preferred:
            share += _DECLARED_MARGIN
        if count and (best is None or share > best[0]):
            best = (share, count, text, "big5" if encoding == "cp950" else encoding)
    if best is None:
        raise DecodingError("undecodable: not UTF-8, GB18030, Big5 or UTF-16 with a byte-order mark")
    return _check_text(best[2], best[3], judge=True)
