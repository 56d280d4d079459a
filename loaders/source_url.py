"""The address a page was published at, when the file itself says so.

A reader of a fact wants the original, not only our copy: a saved web page names its own address in
its head (canonical link, og:url), and a copied or reprinted story often ends with a line such as
原文链接：https://… . Only http(s) addresses count; a 来源 line naming a newsroom is not one.
"""

from __future__ import annotations

import html
import re

_URL = r"https?://[^\s\"'<>，。；、）)】]+"
# Attributes in either order, quoted either way: saved pages and CMS templates differ.
_HEAD_TAGS = (
    re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*>", re.IGNORECASE),
    re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']?og:url[\"']?[^>]*>", re.IGNORECASE),
)
_TAG_URL = re.compile(rf"\b(?:href|content)\s*=\s*[\"']?\s*({_URL})", re.IGNORECASE)
# 原文链接 / 原文地址 / 本文链接 / 来源, simplified or traditional, then the address on the same line.
_LINE = re.compile(
    r"(?:原文(?:链接|鏈接|地址|網址|网址)|本文(?:链接|鏈接|地址)|文章(?:链接|鏈接)|来源|來源|出处|出處)"
    rf"\s*[:：]?\s*(?:&nbsp;|\s)*({_URL})"
)
_TRAILING = ".,;:!?·"


def _clean(url: str) -> str:
    # '&nbsp;' glued to the address by a template is not part of it.
    url = re.split(r"&nbsp;?|\u00a0", html.unescape(url))[0]
    return url.strip().rstrip(_TRAILING)


def original_url(text: str) -> str | None:
    """The page's own address: its canonical link, then og:url, then a 原文链接 or 来源 line."""
    for tag in _HEAD_TAGS:
        for found in tag.finditer(text):
            url = _TAG_URL.search(found.group(0))
            if url:
                return _clean(url.group(1))
    line = _LINE.search(text)
    return _clean(line.group(1)) if line else None
