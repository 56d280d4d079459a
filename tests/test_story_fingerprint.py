"""One story, one article: the copies of a story agree on its id, whatever their format, script or
paper, and stories that merely look alike do not.

The copies in tests/fixtures/stories are one invented story: a county paper's page as text, the
county's web page saved in Big5 and traditional script with its site chrome, and a reprint in the
city's paper under its own masthead with a credit and an editor's line.
"""

from __future__ import annotations

from pathlib import Path

from guanxi.fingerprint import MIN_STORY_CHARS, copy_key, story_fingerprint, story_text
from guanxi.ids import article_id
from loaders.pipeline import extract_file

STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"

BODY = ("3月18日上午，柏川县与青岚新能源科技有限公司年产2万吨储能材料项目签约仪式在县行政中心举行。"
        "县委书记袁立峰出席仪式并致辞，县长葛文涛主持仪式。\n"
        "青岚新能源科技有限公司总经理谭明与副县长聂红代表双方签约。\n"
        "据了解，该项目总投资12亿元，建成后可实现年产值约30亿元，带动就业600余人。")


def test_the_text_the_html_in_big5_and_a_reprint_are_one_article() -> None:
    copies = {path.name: extract_file(path) for path in sorted(STORIES.iterdir())}
    assert [doc.encoding for doc in copies.values()] == ["utf-8", "big5", "utf-8"]
    ids = {name: [a.id for a in doc.articles] for name, doc in copies.items()}
    assert len({tuple(i) for i in ids.values()}) == 1, ids
    # Three documents, three headlines, one story.
    assert len({doc.id for doc in copies.values()}) == 3
    assert len({doc.articles[0].title for doc in copies.values()}) == 3


def test_credits_datelines_script_width_and_spacing_leave_the_story_alone() -> None:
    dressed = ("本报讯（记者 苏晓 通讯员 韦青）３月１８日上午，柏川縣與青嵐新能源科技有限公司年產２萬噸儲能材料項目簽約儀式"
               "在縣行政中心舉行。縣委書記袁立峰出席儀式並致辭， 縣長葛文濤主持儀式。\n\n"
               "青嵐新能源科技有限公司總經理譚明與副縣長聶紅代表雙方簽約。\n"
               "據了解，該項目總投資12億元，建成後可實現年產值約30億元，帶動就業600餘人。（來源：柏川報）\n"
               "責任編輯：龐麗\n"
               "轉載請注明出處")
    assert story_text(dressed) == story_text(BODY)
    assert story_fingerprint(dressed) == story_fingerprint(BODY) is not None
    # A site's dateline, credits written into the lead, a paragraph broken elsewhere.
    other = "柏川讯 记者 苏晓 " + BODY.replace("。\n青岚", "。青岚").replace("据了解，", "据了解，\n")
    assert story_fingerprint(other) == story_fingerprint(BODY)


def test_a_changed_sentence_is_another_story() -> None:
    corrected = BODY.replace("12亿元", "15亿元")
    assert story_fingerprint(corrected) != story_fingerprint(BODY)
    assert article_id("doc-a", 0, "标题", corrected) != article_id("doc-a", 0, "标题", BODY)


def test_the_same_story_keeps_one_id_in_any_document_at_any_place() -> None:
    assert article_id("doc-a", 0, "签约仪式举行", BODY) == article_id("doc-b", 3, "柏川县签约储能项目", BODY)


def test_short_briefs_keep_the_id_of_their_place() -> None:
    # The same two lines in two issues are two days' briefs, not one story told twice: a body this
    # short keeps an id of its document, position and headline.
    brief = "近日，县政府召开常务会议，研究部署近期重点工作。"
    assert story_fingerprint(brief) is None
    assert article_id("doc-a", 2, "县政府召开常务会议", brief) != article_id("doc-b", 2, "县政府召开常务会议", brief)
    assert article_id("doc-a", 2, "县政府召开常务会议", brief) == article_id("doc-a", 2, "县政府召开常务会议")
    other = "日前，县政府召开常务会议，研究部署春耕生产工作。"
    assert article_id("doc-a", 2, "县政府召开常务会议", brief) != article_id("doc-a", 3, "县政府召开常务会议", other)
    # A story only just long enough has a fingerprint; one letter less has none.
    words = "甲" * MIN_STORY_CHARS
    assert story_fingerprint(words + "。") is not None and story_fingerprint(words[1:] + "。") is None


def test_no_body_keeps_the_id_of_its_place() -> None:
    assert article_id("doc-a", 0, "图片新闻", "") == article_id("doc-a", 0, "图片新闻")


def test_words_that_only_look_like_credits_stay() -> None:
    lead = "记者从县发展和改革局获悉，今年一季度全县新签约项目23个，总投资86亿元，同比增长12%。"
    assert story_text(lead).startswith("记者从县发展和改革局获悉")
    assert story_text("电商直播带动特色农产品销售，全县网络零售额持续增长。").startswith("电商直播")
    # An aside in brackets that is no credit is part of the story.
    assert "以下简称青岚公司" in story_text("青岚新能源科技有限公司（以下简称“青岚公司”）落户柏川。")


def test_the_copy_shown_is_the_simplified_then_the_earliest_whatever_the_order() -> None:
    copies = {path.name: extract_file(path) for path in sorted(STORIES.iterdir())}
    keys = {name: copy_key(doc.articles[0].text, doc.publication.date, doc.id) for name, doc in copies.items()}
    # The Big5 page came out first (2024-03-19) but in traditional script; the county paper's text
    # (03-20) comes before the city paper's reprint (03-21).
    assert sorted(keys, key=keys.__getitem__) == [
        "baichuan_signing.txt", "baichuan_signing_reprint.txt", "baichuan_signing_big5.html"]
    assert copy_key(BODY, None, "doc-a") > copy_key(BODY, "2024-03-20", "doc-b")  # an undated copy last
