"""Article dates: month and day resolved against the issue's date."""

from __future__ import annotations

import pytest

from loaders.dates import article_date, parse_full_date, resolve_date


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("7月26日上午，台儿庄区举行签约仪式。", "2022-07-29", "2022-07-26"),
        ("本报讯 7月25日，全区政法系统半年工作总结会议召开。", "2022-07-29", "2022-07-25"),
        # A January issue reporting December news: the previous year.
        ("12月29日，西岭区开展新春走访慰问活动。", "2024-01-12", "2023-12-29"),
        ("1月10日，西岭区召开会议。", "2024-01-12", "2024-01-10"),
        # A full date is taken as written, reference or not.
        ("2023年8月20日，青山县召开推进会。", "2024-01-01", "2023-08-20"),
        ("2023年8月20日，青山县召开推进会。", None, "2023-08-20"),
        # No reference date: month and day alone cannot be placed.
        ("8月13日，在启力元公司，职工正在赶订单。", None, None),
        # "Recently" and no date at all.
        ("近日，区总工会开展夏送清凉活动。", "2022-07-29", None),
        ("日前，我县召开会议。", "2022-07-29", None),
        ("近期，各镇街开展安全检查。", "2022-07-29", None),
        ("为有效解决老年人健康养老需求，薛城区打造幸福家园。", "2023-08-21", None),
        # Only the first date counts, and "近日" before it wins.
        ("近日，在7月6日启动的活动中，全区送去清凉。", "2022-07-29", None),
        ("7月25日至26日，全区开展培训。", "2022-07-29", "2022-07-25"),
        ("本报枣庄7月26日讯 全市召开会议。", "2022-07-29", "2022-07-26"),
        ("七月二十六日上午，全市召开会议。", "2022-07-29", "2022-07-26"),
        ("昨天，县委召开常委会议。", "2023-07-19", "2023-07-18"),
        ("2月30日，不存在的日子。", "2023-03-01", None),
    ],
)
def test_resolve_date(text: str, reference: str | None, expected: str | None) -> None:
    assert resolve_date(text, reference) == expected


def test_article_date_stops_at_the_first_sentence_that_says_when() -> None:
    paragraphs = ["近日，区总工会开展活动。7月6日活动启动以来，全区送去清凉。", "7月8日，又一批物资送达。"]
    assert article_date(paragraphs, "2022-07-29") is None
    assert article_date([], "2022-07-29") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年7月29日", "2022-07-29"),
        ("发布时间：2023-08-21 10:30", "2023-08-21"),
        ("發布時間：2023/9/15", "2023-09-15"),
        ("二〇二二年七月二十九日", "2022-07-29"),
        ("第23期", None),
    ],
)
def test_parse_full_date(text: str, expected: str | None) -> None:
    assert parse_full_date(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "reference", "expected"),
    [
        # A site's dateline says when the story was filed; the lead says when it happened.
        (["某某网4月16日讯(记者 甲乙)4月15日,青山县举行签约仪式。"], "2024-04-16", "2024-04-15"),
        # A page's update stamp is no news date.
        (["更新於 2024年5月3日10:20 5月1日上午,青山县召开会议。"], "2024-05-01", "2024-05-01"),
        # A written date beats 今日 in a site's name; a day alone takes the month.
        (["今日青山网消息 5月5日,青山县召开会议。"], "2024-05-06", "2024-05-05"),
        (["12日上午,青山县召开会议。"], "2024-09-14", "2024-09-12"),
        (["昨(十五)日,青山县召开会议。"], "2024-09-16", "2024-09-15"),
        # The first sentence says nothing of when: the second one does.
        (["春风浩荡满目新。2月27日,青山县举行签约仪式。"], "2024-02-28", "2024-02-27"),
    ],
)
def test_article_date_reads_the_lead_as_real_pages_write_it(
    paragraphs: list[str], reference: str, expected: str
) -> None:
    assert article_date(paragraphs, reference) == expected


def test_the_date_may_come_after_two_opening_sentences() -> None:
    lead = ["春风送暖,万物复苏。2019年的号角已经吹响。2019年3月22日上午,河东区集中开工仪式在产业园举行。"]
    assert article_date(lead, None) == "2019-03-22"


def test_a_year_in_the_event_s_name_dates_a_lead_that_gives_only_month_and_day() -> None:
    from loaders.pages import split_document

    fair = split_document("7月22日下午,河东市在会展中心举行2021河东人才交流大会暨项目签约仪式。\n", "a.txt")
    assert fair.articles[0].date == "2021-07-22"
    quoted = split_document("1月27日,河东区召开2023“百企进县”恳谈会。区委书记韩立新出席。\n", "b.txt")
    assert quoted.articles[0].date == "2023-01-27"
    amount = split_document("7月22日,河东市签约项目12个,投资2000万元以上的有5个。\n", "c.txt")
    assert amount.articles[0].date is None  # an amount is no year


def test_a_day_early_in_the_morning_is_the_news_day() -> None:
    assert resolve_date("1日一大早,民眾陸續抵達縣府廣場。", "2014-01-01") == "2014-01-01"


def test_a_range_of_days_is_dated_by_its_first_day() -> None:
    from loaders.dates import article_date, parse_full_date

    for lead in ("5月25-26日,县长韩立新带队赴外地考察。", "5月25—26日,县长韩立新带队赴外地考察。"):
        assert article_date([lead], parse_full_date("2023年5月29日"), relative=True) == "2023-05-25"


def test_a_page_stamp_run_into_the_lead_s_day_gives_its_year() -> None:
    from loaders.pages import split_document

    doc = split_document("河东县与远航集团签约\n2022-08-308月25日,河东县与远航集团签署战略合作协议。县长韩立新出席。\n", "a.txt")
    assert doc.articles[0].date == "2022-08-25"


def test_a_page_stamp_with_its_time_run_into_the_lead_s_day_gives_its_year() -> None:
    from loaders.pages import split_document

    doc = split_document("市委书记率队外出招商\n2024-08-16 20:188月14日至15日,市委书记韩立新率队赴外地招商。\n", "a.txt")
    assert doc.articles[0].date == "2024-08-14"


def test_today_in_a_story_under_a_dated_dateline_is_the_datelines_day():
    from loaders.dates import article_date

    lead = ["河东日报3月30日讯(记者 韩立新):今天晚上,省委书记裴晓东在河东会见了企业家代表团一行。"]
    assert article_date(lead, "2021-03-31") == "2021-03-30"
