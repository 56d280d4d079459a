"""The original address of a page, read from the file (canonical link, og:url, 原文链接 or 来源 line)."""

from __future__ import annotations

import pytest

from guanxi.facts import to_eval_json
from loaders.pipeline import extract_text
from loaders.source_url import original_url


@pytest.mark.parametrize(("text", "url"), [
    ('<head><link rel="canonical" href="https://www.qinghe.example.cn/news/2024/0803/1.html"></head>',
     "https://www.qinghe.example.cn/news/2024/0803/1.html"),
    ("<link href='https://a.example.cn/x?id=2&amp;p=3' rel='canonical'/>", "https://a.example.cn/x?id=2&p=3"),
    ('<meta property="og:url" content="http://m.example.cn/n/9">', "http://m.example.cn/n/9"),
    ("正文。\n原文链接：https://www.example.gov.cn/art/1.html&nbsp;&nbsp;责任编辑：某某", "https://www.example.gov.cn/art/1.html"),
    ("來源: http://t.example.com.tw/news/5。", "http://t.example.com.tw/news/5"),
    ("本文链接 https://e.example.cn/a/7，转载请注明", "https://e.example.cn/a/7"),
])
def test_the_address_a_page_gives_for_itself(text: str, url: str) -> None:
    assert original_url(text) == url


def test_a_source_line_naming_a_newsroom_is_no_address() -> None:
    assert original_url("来源：青禾县融媒体中心&nbsp;&nbsp;发布时间：2024-08-03 10:30") is None
    assert original_url("县长吴远川主持会议。") is None


def test_the_canonical_link_wins_over_a_line_in_the_text() -> None:
    text = '<link rel="canonical" href="https://own.example.cn/1">\n原文链接：https://other.example.cn/2'
    assert original_url(text) == "https://own.example.cn/1"


def test_an_extracted_web_page_carries_its_address_but_the_eval_json_does_not() -> None:
    page = ('<html><head><link rel="canonical" href="https://www.qinghe.example.cn/n/1.html"></head><body>\n'
            "<h1>青禾县召开项目推进会</h1>\n来源：青禾县融媒体中心 发布时间：2024-08-03 10:30\n"
            "<p>8月3日，青禾县召开项目推进会。县长吴远川主持会议。</p>\n</body></html>")
    doc = extract_text(page, source="qinghe.html")
    assert doc.url == "https://www.qinghe.example.cn/n/1.html"
    assert "url" not in to_eval_json(doc)
