"""Where a fact's sentence sits in its article (the article page highlights it there) and the words
a search hit shows around the phrase it matched."""

from __future__ import annotations

from graph.spans import find, locate, snippet

TEXT = "8月3日，青禾县召开项目推进会。\n县长吴远川主持会议并讲话。\n会议要求，抓紧完成设备安装调试。"


def test_a_sentence_of_the_body_is_found_where_it_is() -> None:
    field, start, end = locate("县长吴远川主持会议并讲话。", "青禾县召开项目推进会", None, TEXT)  # type: ignore[misc]
    assert field == "text"
    assert TEXT[start:end] == "县长吴远川主持会议并讲话。"


def test_a_sentence_broken_by_a_line_or_spaces_is_found_all_the_same() -> None:
    text = "会议要求，抓紧完成设备\n安装调试。"
    span = locate("会议要求，抓紧完成设备安装调试。", "题", None, text)
    assert span == ("text", 0, len(text))
    assert find("县长 吴远川 主持", "吴远川主持") == (3, 9)


def test_a_fact_read_from_the_headline_points_at_the_headline() -> None:
    assert locate("吴远川调研项目", "吴远川调研项目", "副题", TEXT) == ("title", 0, 7)
    assert locate("副题", "吴远川调研项目", "副题", TEXT) == ("subtitle", 0, 2)
    # The body repeats a headline: the place in the body, where the reader reads on.
    assert locate("青禾县召开项目推进会", "青禾县召开项目推进会", None, TEXT) == ("text", 5, 15)


def test_a_sentence_the_article_does_not_hold_has_no_span() -> None:
    assert locate("副县长罗青出席。", "题", None, TEXT) is None
    assert locate(None, "题", None, TEXT) is None
    assert locate("", "题", None, TEXT) is None


def test_offsets_count_characters_not_utf16_units() -> None:
    text = "𠮷田乡调研。乡长周立出席。"  # 𠮷 is outside the BMP: two units in JavaScript, one here
    assert locate("乡长周立出席。", "题", None, text) == ("text", 6, 13)


def test_a_snippet_shows_the_words_around_the_phrase_on_one_line() -> None:
    shown = snippet(TEXT, "设备安装", context=6)
    assert shown == "…求，抓紧完成设备安装调试。"
    assert "\n" not in snippet(TEXT, "讲话", context=20)


def test_a_snippet_finds_a_traditional_query_in_simplified_text() -> None:
    assert "设备安装" in snippet(TEXT, "設備安裝", context=4)


def test_a_snippet_without_the_phrase_shows_the_start() -> None:
    shown = snippet(TEXT, "不存在", context=5)
    assert shown.startswith("8月3日") and shown.endswith("…")
    assert snippet("短文。", "不存在") == "短文。"
