"""Splitting pages into articles: headlines, bodies, credits, mastheads, web chrome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.article_text import ArticleText, DocumentText
from loaders.decoding import decode_bytes
from loaders.pages import split_document

SHARED = Path(__file__).parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
PAGES = Path(__file__).parent / "fixtures" / "pages"


def _split_file(path: Path) -> DocumentText:
    text, encoding = decode_bytes(path.read_bytes())
    return split_document(text, source=path.name, encoding=encoding)


def _credits(article: ArticleText) -> list[tuple[str, str]]:
    return [(b.name, b.role) for b in article.bylines]


def _seed_cases() -> list[tuple[Path, Path]]:
    cases = []
    for gold in sorted(GOLD.glob("*.json")):
        source = json.loads(gold.read_text(encoding="utf-8"))["source"]
        if (SEEDS / source).exists():
            cases.append((SEEDS / source, gold))
    return cases


@pytest.mark.skipif(not _seed_cases(), reason="seed pages not present")
@pytest.mark.parametrize(("page", "gold_file"), _seed_cases(), ids=lambda p: p.stem)
def test_seed_page_splits_like_the_gold(page: Path, gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = _split_file(page)
    assert doc.publication.model_dump() == gold["publication"]
    assert [a.title for a in doc.articles] == [a["title"] for a in gold["articles"]]
    for got, want in zip(doc.articles, gold["articles"], strict=True):
        assert got.date == want["date"], got.title
        required = [(b["name"], b["role"]) for b in want["bylines"] if not b.get("optional")]
        allowed = required + [(b["name"], b["role"]) for b in want["bylines"] if b.get("optional")]
        assert set(required) <= set(_credits(got)) <= set(allowed), got.title
        assert [a.index for a in doc.articles] == list(range(len(doc.articles)))


@pytest.mark.skipif(not _seed_cases(), reason="seed pages not present")
def test_seed_bodies_are_clean_and_mended() -> None:
    doc = _split_file(SEEDS / "000_54bc743f36fb26b7.txt")
    for art in doc.articles:
        for para in art.paragraphs:
            assert not para.startswith("本报讯")
            assert "记者" not in para[:4]
        body = "".join(art.paragraphs)
        assert "News 要闻" not in body
        assert "摄" not in body[-4:]
    meeting = doc.articles[3]
    # "…重大意" / "义,各级…" was split by a column break.
    assert any("具有里程碑式的重大意义,各级各部门" in p for p in meeting.paragraphs)
    assert meeting.paragraphs[0].startswith("7月27日下午")

    feature = _split_file(SEEDS / "001_3ea20b11dfbda774.txt").articles[0]
    assert feature.subtitle == "台儿庄区打造新能源及锂电产业链综述"
    assert any("创普斯电极材料生产项目、启力元" in p for p in feature.paragraphs)


def test_web_page_with_html_remnants() -> None:
    doc = _split_file(PAGES / "web_page_html.txt")
    assert doc.publication.name == "青山县融媒体中心"
    assert doc.publication.date == "2023-08-21"
    assert doc.publication.issue is None
    assert len(doc.articles) == 1
    art = doc.articles[0]
    assert art.title == "青山县召开2023年秋季农业生产工作推进会"
    assert art.date == "2023-08-20"
    assert _credits(art) == [("周明远", "reporter"), ("柳絮", "reporter")]
    body = "\n".join(art.paragraphs)
    for chrome in ("<", "&nbsp;", "nbsp", "分享", "责任编辑", "打印", "相关新闻", "防汛", "版权", "来源"):
        assert chrome not in body
    assert art.paragraphs[0].startswith("8月20日上午，青山县召开")
    assert len(art.paragraphs) == 3


def test_traditional_page_splits_like_a_simplified_one() -> None:
    doc = _split_file(PAGES / "traditional_page.txt")
    assert doc.publication.model_dump() == {"name": "東河日報", "date": "2023-03-10", "issue": "第8期"}
    assert [a.title for a in doc.articles] == [
        "東河縣召開鄉村振興工作會議",
        "東河縣與宏遠公司簽約共建物流園區",
        "春耕時節農機忙",
    ]
    assert [a.date for a in doc.articles] == ["2023-03-08", "2023-03-09", None]
    assert _credits(doc.articles[0]) == [("林靜", "reporter"), ("陳曉東", "reporter")]
    assert _credits(doc.articles[2]) == [("黃志強", "photographer")]
    assert doc.articles[0].paragraphs[0].startswith("3月8日，東河縣")  # 本報訊 removed, text kept traditional


def test_gb18030_page() -> None:
    doc = _split_file(PAGES / "gb18030_page.txt")
    assert doc.encoding == "gb18030"
    assert doc.publication.model_dump() == {"name": "南岗日报", "date": "2022-05-06", "issue": "第15期"}
    [art] = doc.articles
    assert art.title == "南岗区召开安全生产工作会议"
    assert art.date == "2022-05-05"
    assert _credits(art) == [("赵一帆", "reporter")]


def test_headlines_broken_over_two_lines_are_rejoined() -> None:
    doc = _split_file(PAGES / "broken_headline_page.txt")
    assert [(a.title, a.subtitle) for a in doc.articles] == [
        ("西岭区第三届人民代表大会第四次会议暨区政府全体会议召开", None),
        ("西岭区慰问困难群众、退役军人和老党员", None),
        # No connector at the break: the first line alone is not a headline.
        ("西岭区与北方农林学院签署产学研合作框架协议", None),
        # A complete headline, then a deck.
        ("西岭区冬季招聘会举行", "现场达成就业意向八百余人"),
    ]
    # A January issue: December news belongs to the year before.
    assert [a.date for a in doc.articles] == ["2024-01-10", "2023-12-29", "2024-01-11", "2024-01-06"]
    assert doc.articles[0].paragraphs[-1].endswith("为全年工作开好局、起好步。")
    assert _credits(doc.articles[1]) == [("唐宁", "reporter"), ("何小川", "reporter")]
    assert _credits(doc.articles[3]) == [("柯一鸣", "photographer")]


def test_subtitles_kickers_and_leading_credits() -> None:
    doc = _split_file(PAGES / "subtitle_page.txt")
    first, second = doc.articles
    assert first.title == "做强特色产业 激活乡村发展"
    assert first.subtitle == "南湖镇推进茶叶全产业链发展纪实"
    assert _credits(first) == [("钱江月", "photographer"), ("苏晴", "reporter")]
    assert first.paragraphs == [
        "近日，走进南湖镇茶叶产业园，采茶工人正在茶园里忙碌。近年来，南湖镇依托资源优势，"
        "把茶叶产业作为富民强镇的主导产业来抓，全镇茶园面积达到一万余亩。"
    ]
    assert first.date is None
    assert second.title == "北山区重点项目集中开工"
    assert second.subtitle == "凝心聚力抓项目"
    assert _credits(second) == [("欧阳雪", "reporter")]
    assert second.paragraphs[0].startswith("一批重点项目")


def test_no_masthead_means_empty_publication() -> None:
    doc = split_document("区里召开一次工作会议\n\n会议要求各部门抓好落实工作。\n", source="x.txt")
    assert doc.publication.model_dump() == {"name": None, "date": None, "issue": None}
    assert [a.title for a in doc.articles] == ["区里召开一次工作会议"]


def test_closing_credit_glued_to_the_last_paragraph_and_fullwidth_brackets() -> None:
    text = (
        "2022年7月29日\n第23期\n\n山前周刊\n\n山前区召开防汛工作会议\n\n"
        "本报讯（记者 甲乙丙）7月28日，山前区召开防汛工作会议。会议要求，全面落实防汛责任。（通讯员 丁戊）\n\n"
        "山前区开展夏季消防安全检查\n\n本报讯 7月27日，山前区开展消防安全检查。\n\n文/己庚 图/辛壬\n"
    )
    doc = split_document(text, source="x.txt")
    first, second = doc.articles
    assert sorted(_credits(first)) == sorted([("丁戊", "reporter"), ("甲乙丙", "reporter")])
    assert first.paragraphs == ["7月28日，山前区召开防汛工作会议。会议要求，全面落实防汛责任。"]
    assert first.date == "2022-07-28"
    assert _credits(second) == [("己庚", "reporter"), ("辛壬", "photographer")]


def test_page_labels_and_continuation_notes_are_dropped() -> None:
    text = (
        "2023年5月5日\n第9期\n\n河口周刊\n\n综合新闻\n\n第2版\n\n河口区召开项目推进会议\n\n"
        "本报讯 5月4日，河口区召开项目推进会议。\n\n（下转第3版）\n\n责任编辑：某某某\n"
    )
    [art] = split_document(text, source="x.txt").articles
    assert art.title == "河口区召开项目推进会议"
    assert art.paragraphs == ["5月4日，河口区召开项目推进会议。"]


def test_splitting_is_deterministic_and_keeps_the_text() -> None:
    text = "区里召开一次工作会议\r\n\r\n会议要求各部门抓好落实工作。\r\n"
    one = split_document(text, source="x.txt")
    two = split_document(text, source="x.txt")
    assert one == two
    assert one.text == "区里召开一次工作会议\n\n会议要求各部门抓好落实工作。\n"


def test_a_file_of_two_pages_repeats_the_masthead_without_a_spurious_story() -> None:
    page = (
        "2023年5月5日\n第9期\n\n河口周刊\n\n要闻\n\n河口区召开项目推进会议\n\n"
        "本报讯 5月4日，河口区召开项目推进会议。\n\n（记者 某甲）\n"
    )
    doc = split_document(page + "\n" + page.replace("项目推进", "安全生产"), source="x.txt")
    assert [a.title for a in doc.articles] == ["河口区召开项目推进会议", "河口区召开安全生产会议"]
    assert doc.publication.name == "河口周刊"


def test_web_page_with_the_source_at_the_bottom_and_a_site_suffix() -> None:
    text = (
        "首页 新闻中心 政务公开 办事服务\n滨江区召开优化营商环境工作会议_滨江区人民政府网\n"
        "滨江区召开优化营商环境工作会议\n8月3日，滨江区召开优化营商环境工作会议。区长出席会议并讲话。\n"
        "会议要求，各部门要持续深化改革。\n来源：滨江区发改局  发布时间：2023-08-04 09:12  浏览次数：312\n"
        "【打印本页】 【关闭窗口】\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.model_dump() == {"name": "滨江区发改局", "date": "2023-08-04", "issue": None}
    [art] = doc.articles
    assert art.title == "滨江区召开优化营商环境工作会议"
    assert art.date == "2023-08-03"
    assert len(art.paragraphs) == 2


def test_traditional_web_page() -> None:
    text = (
        "當前位置：首頁 > 新聞中心\n澄海縣舉行重點項目集中開工儀式\n"
        "發布時間：2023年9月15日 來源：澄海縣融媒體中心 作者：李明華\n"
        "本報訊 9月14日上午，澄海縣舉行重點項目集中開工儀式。\n（記者 李明華 通訊員 張曉）\n相關閱讀\n澄海縣召開常委會議\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.model_dump() == {"name": "澄海縣融媒體中心", "date": "2023-09-15", "issue": None}
    [art] = doc.articles
    assert art.title == "澄海縣舉行重點項目集中開工儀式"
    assert art.date == "2023-09-14"
    assert _credits(art) == [("李明華", "reporter"), ("張曉", "reporter")]
    assert art.paragraphs == ["9月14日上午，澄海縣舉行重點項目集中開工儀式。"]


def test_photo_caption_without_full_stop_is_body_not_headline() -> None:
    text = (
        "2022年7月29日\n第23期\n\n山前周刊\n\n加强文化市场巡查确保平稳有序进行\n\n"
        "区文化市场执法大队工作人员在网吧检查，督促落实防控措施\n\n李白云 摄\n\n"
        "山前区召开防汛工作会议\n\n本报讯 7月28日，山前区召开防汛工作会议。\n\n（张三/文 李四/图）\n"
    )
    first, second = split_document(text, source="x.txt").articles
    assert first.title == "加强文化市场巡查确保平稳有序进行"
    assert first.paragraphs == ["区文化市场执法大队工作人员在网吧检查，督促落实防控措施"]
    assert _credits(first) == [("李白云", "photographer")]
    assert first.date is None
    assert second.title == "山前区召开防汛工作会议"
    assert _credits(second) == [("张三", "reporter"), ("李四", "photographer")]


def test_masthead_with_the_date_line_above_the_name_and_a_two_word_page_label() -> None:
    text = (
        "2024年3月8日 星期五　农历甲辰年正月廿八\n\n东陵市报\nDONGLING SHIBAO\n\n第2版　经济·民生\n"
        "本版编辑：某甲　组版：某乙\n\n――――――――\n\n东陵市召开春耕生产推进会\n\n"
        "本报记者　周一鸣\n\n3月7日，东陵市召开春耕生产推进会。\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.model_dump() == {"name": "东陵市报", "date": "2024-03-08", "issue": None}
    [art] = doc.articles
    assert art.title == "东陵市召开春耕生产推进会"
    assert art.date == "2024-03-07"


def test_party_paper_masthead_with_sexagenary_date_and_publisher_lines() -> None:
    text = (
        "中共石泉县委机关报\n\n石 泉 报\n\n第988期\n2023年9月8日\n星期五\n癸卯年七月廿四\n\n今日4版\n\n"
        "县融媒体中心主办\n\n一版·要闻\n\n\n石泉县召开秋季防火工作会议\n\n"
        "本报讯 9月7日，石泉县召开秋季防火工作会议。\n\n（记者 吴一帆）\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.model_dump() == {"name": "石泉报", "date": "2023-09-08", "issue": "第988期"}
    assert [a.title for a in doc.articles] == ["石泉县召开秋季防火工作会议"]


def test_january_issue_under_a_publisher_line_dates_december_news_to_the_year_before() -> None:
    text = (
        "青溪报\n\n中共青溪县委主办　　青溪县融媒体中心出版\n\n2025年1月3日　星期五\n\n"
        "第1期（总第900期）　今日四版\n\n青溪县召开年终工作会议\n\n"
        "本报讯 12月30日，青溪县召开年终工作会议。\n\n（县委宣传部　林一凡）\n\n"
        "青溪县检查节日市场\n\n本报讯 1月2日，青溪县检查节日市场。\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.date == "2025-01-03"
    first, second = doc.articles
    assert (first.date, second.date) == ("2024-12-30", "2025-01-02")
    # An office in front of the name stands where a role word would.
    assert _credits(first) == [("林一凡", "reporter")]
    assert second.subtitle is None


def test_town_bulletin_with_column_labels_and_a_checker_line() -> None:
    text = (
        "柳 溪 镇 政 务 信 息\n\n2024年第7期（总第80期）\n\n柳溪镇党政综合办公室编印　　2024年7月15日\n\n"
        "━━━━━━━━\n\n【招商引资】\n\n柳溪镇签约一个农产品加工项目\n\n"
        "7月10日，柳溪镇与一家企业签订投资协议。\n\n撰稿：钟小雨　　审核：方一平\n\n"
        "【领导调研】\n\n县领导到我镇调研园区建设\n\n7月12日，县领导到我镇调研园区建设。\n\n（通讯员　向晴）\n\n"
        "━━━━━━━━\n报：县委办、县政府办\n发：各村（社区）　　（共印30份）\n"
    )
    doc = split_document(text, source="x.txt")
    assert doc.publication.model_dump() == {"name": "柳溪镇政务信息", "date": "2024-07-15", "issue": "2024年第7期"}
    first, second = doc.articles
    assert (first.title, first.date, _credits(first)) == (
        "柳溪镇签约一个农产品加工项目", "2024-07-10", [("钟小雨", "reporter")]
    )
    assert (second.title, second.date, _credits(second)) == (
        "县领导到我镇调研园区建设", "2024-07-12", [("向晴", "reporter")]
    )
    assert second.paragraphs == ["7月12日，县领导到我镇调研园区建设。"]


def test_headline_verb_and_its_object_on_two_lines_and_amount_decks() -> None:
    text = (
        "2024年11月22日\n第9期\n\n北川周刊\n\n北川经济开发区签约\n\n年产5万吨新型建材项目\n\n"
        "本报讯 11月19日，北川经济开发区举行项目签约仪式。\n\n（记者 方一）\n\n"
        "我区集中签约8个项目\n\n总投资21.3亿元\n\n本报讯 11月20日，我区举行项目集中签约仪式。\n"
    )
    first, second = split_document(text, source="x.txt").articles
    assert (first.title, first.subtitle) == ("北川经济开发区签约年产5万吨新型建材项目", None)
    assert (second.title, second.subtitle) == ("我区集中签约8个项目", "总投资21.3亿元")


def test_web_headline_with_an_amount_deck_is_one_article() -> None:
    text = (
        "某某網 > 地方動態\n\n北川縣舉行重大項目集中開工活動\n\n8個項目總投資36.8億元\n\n"
        "發佈時間：2023-10-20 10:35　來源：北川縣人民政府網\n\n"
        "10月19日上午，北川縣重大項目集中開工活動舉行。\n"
    )
    [art] = split_document(text, source="x.txt").articles
    assert art.title == "北川縣舉行重大項目集中開工活動"
    assert art.subtitle == "8個項目總投資36.8億元"
    assert art.date == "2023-10-19"


def test_headline_less_page_is_named_by_its_lead_not_a_dateline_or_flourish() -> None:
    wire = split_document("某某网河东新闻11月7日电 11月6日,市委书记韩立新在东坝镇调研企业。\n", "a.txt")
    assert wire.articles[0].title == "市委书记韩立新在东坝镇调研企业。"
    flourish = split_document("春风送暖,万物复苏。3月22日上午,河东区集中开工仪式在产业园举行。\n", "b.txt")
    assert flourish.articles[0].title == "河东区集中开工仪式在产业园举行。"


def test_pinyin_glosses_of_converted_pages_are_dropped() -> None:
    doc = split_document("河东区召开会议\n\n区长韩立新在经济(jì)开发(fā)区主持会议。\n", "c.txt")
    assert "经济开发区" in doc.articles[0].paragraphs[0]


def test_a_portal_tag_after_the_headline_and_an_original_title_line_are_dropped() -> None:
    page = ("河东区签约重大项目26个 全年签约总额93.6亿元-某某热议\n\n"
            "7月4日,河东区举行重大项目集中签约仪式,区委书记韩立新出席。\n\n(原标题:河东区集中签约一批项目)\n")
    doc = split_document(page, "a.txt")
    assert [a.title for a in doc.articles] == ["河东区签约重大项目26个 全年签约总额93.6亿元"]



def test_a_reprint_stamp_is_not_the_lead_and_today_needs_the_page_s_own_date() -> None:
    page = ("河东产业园集中签约一批项目\n\n2012年10月22日15:42  某某在线 微博\n\n"
            "拂晓报讯 10月17日下午,河东产业园集中签约一批项目。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.date == "2012-10-17" and art.paragraphs[0].startswith("10月17日")
    undated = split_document("72个重大项目集中开竣工\n\n今天上午,河东市2021年第二季度重大项目集中开工。\n", "b.txt")
    assert undated.articles[0].date is None  # the year is known, the day is not


def test_a_published_line_with_a_site_s_suffix_is_no_headline() -> None:
    page = ("频道头条\n河东区集中开工一批重大项目 韩立新宣布开工\n发布时间:2020年07月01日 14:16:00  来源: 某某网-河东日报\n\n"
            "昨日上午,河东区举行重大项目集中开工仪式,区委书记韩立新宣布开工。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "河东区集中开工一批重大项目 韩立新宣布开工" and art.date == "2020-06-30"


def test_a_government_disclosure_block_is_the_page_s_meta_not_its_headline() -> None:
    page = ("某某省人民政府     河东市委市政府\n政府常务会议\n河东县第十届人民政府 第8次常务会议召开\n"
            "2018-01-31 09:30\n 索 引 号 20180001  公开方式 主动公开  公开日期 2018-01-31\n\n"
            "1月23日,河东县委副书记、县长韩立新主持召开县政府常务会议。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "河东县第十届人民政府 第8次常务会议召开" and art.date == "2018-01-23"


def test_a_weather_line_above_the_headline_is_not_the_lead() -> None:
    page = ("天气预报:\n\n河东区气象台2024年3月29日07时发布:今天白天晴间多云,北风4-5级。\n\n"
            "河东区委常委会会议召开\n\n发布日期:2021-07-26 来源:河东信息港\n\n"
            "7月23日,河东区委常委会会议召开。区委书记韩立新出席会议并讲话。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "河东区委常委会会议召开" and art.date == "2021-07-23"


def test_an_app_s_stamp_on_the_headline_line_is_cut_off_and_dates_the_page() -> None:
    page = ("河东区部署复工复产 全面恢复生产生活秩序 某某新闻     2022-05-31 21:10    \n\n"
            "6月1日起,全区商场和公交将陆续恢复运营。5月31日下午,河东区召开工作会议,区委书记韩立新出席。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "河东区部署复工复产 全面恢复生产生活秩序"
    assert art.date == "2022-05-31"  # '6月1日开始' bounds a plan; the meeting was on 5月31日


def test_a_couplet_opening_a_headline_less_page_is_not_its_title() -> None:
    page = ("金秋硕果满枝头,项目建设正当时。3月18日,河东县举行重点项目集中开工仪式,共有12个项目同时开工,"
            "总投资36亿元,涉及新材料、食品加工和城市更新等领域。\n")
    assert split_document(page, "a.txt").articles[0].title == "河东县举行重点项目集中开工仪式"


def test_credits_after_a_dateline_in_a_meta_line_and_with_their_own_roles() -> None:
    def credits(page: str) -> list[tuple[str, str]]:
        return _credits(split_document(page, "a.txt").articles[0])

    assert credits("河东召开会议\n\n本报讯(罗翔 王璇 张也) 2月20日上午,市长韩立新主持会议。\n") == [
        ("罗翔", "reporter"), ("王璇", "reporter"), ("张也", "reporter")]
    assert credits("河东召开会议\n\n(记者 罗超/文 龙在全/图) 10月8日,市长韩立新主持会议。\n") == [
        ("罗超", "reporter"), ("龙在全", "photographer")]
    assert credits("河东区集中开工一批项目\n2022-03-01 09:36:18 来源: 河东新闻网-河东日报 记者 方利军 倪晗\n\n"
                   "3月1日,河东区举行集中开工仪式,区委书记韩立新出席。\n") == [("方利军", "reporter"), ("倪晗", "reporter")]


def test_taiwan_reporters_in_a_corner_bracket_after_a_source_tag_or_on_their_own_line() -> None:
    tagged = split_document("園區協議簽約\n\n(某某雲林新聞)【記者簡勇鵬/雲林報導】園區土地協議,今(29)日由縣長張麗善簽署。\n", "a.txt")
    assert _credits(tagged.articles[0]) == [("簡勇鵬", "reporter")]
    assert tagged.articles[0].paragraphs[0].startswith("園區土地協議")
    alone = split_document("南投團拜\n\n記者劉晴文∕南投報導\n\n縣長許淑華今(3)日出席團拜。\n", "b.txt")
    assert _credits(alone.articles[0]) == [("劉晴文", "reporter")]


def test_credits_or_a_date_on_the_headline_s_line_are_cut_off() -> None:
    credited = split_document("河东县第三季度重点项目集中开工 来源:河东网-河东报 作者:韩立新 时间:2022-07-06\n"
                              "7月5日,河东县举行重点项目集中开工仪式,县委书记裴晓东出席。\n", "a.txt").articles[0]
    assert credited.title == "河东县第三季度重点项目集中开工" and credited.date == "2022-07-05"
    dated = split_document(" date 2026-01-09 縣長韓立新會勘道路改善工程\n縣長韓立新八日下午前往河東鄉會勘道路。\n",
                           "b.txt").articles[0]
    assert dated.title == "縣長韓立新會勘道路改善工程"


def test_a_photo_credit_or_an_e_paper_s_issue_line_is_no_headline() -> None:
    credit = split_document("(图片来自某某截屏)\n8月7日,市委书记韩立新在河东县会见台湾客商。市长裴晓东出席。\n", "a.txt")
    assert credit.articles[0].title.startswith("市委书记韩立新在河东县会见台湾客商")
    issue = split_document("當前報章為 第8021號\n2022年06月03日\n星期五\n河東市長韓立新拜會工商界\n2022-06-03\n"
                           "【本報訊】河東市長韓立新昨(2)日上午拜會本地工商團體。\n", "b.txt")
    assert issue.articles[0].title == "河東市長韓立新拜會工商界"


def test_of_a_headline_and_its_deck_the_one_that_says_what_happened_is_the_headline() -> None:
    page = ("当前位置:首页 >> 新闻 >> 本地\n\n我市举办重点产业招商推介会暨项目签约仪式\n韩立新出席推介会\n\n"
            "来源:         时间:2017-12-28        【 字体:  \n\n"
            "  12月27日,我市重点产业招商推介会在会展中心举办。市委书记韩立新到会致辞。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "我市举办重点产业招商推介会暨项目签约仪式" and art.subtitle == "韩立新出席推介会"


def test_a_reprint_without_a_headline_takes_its_original_title() -> None:
    page = ("(原标题:河东区与某某集团推进合作事宜)\n近日,某某集团副总裁韩立新一行来区推进合作事宜。"
            "区委书记裴晓东会见了韩立新一行。\n")
    assert split_document(page, "a.txt").articles[0].title == "河东区与某某集团推进合作事宜"


def test_breadcrumbs_credits_and_captions_around_a_web_story() -> None:
    crumb = split_document("河东网 > 河东新闻\n您的位置: 河东新闻\n韩立新:把项目服务做在前头\n\n"
                           "(全媒体记者 严某)2月26日上午,区委书记韩立新会见某某集团董事长裴晓东。\n", "a.txt")
    assert crumb.articles[0].title == "韩立新:把项目服务做在前头"
    source = split_document("新闻来源:河东网\n更新时间:2019-03-28 17:14:34\n责任编辑:某某\n"
                            "河东网讯(记者 方某)昨(27)日,河东区重大项目集中开工仪式举行,副市长韩立新出席。\n", "b.txt")
    assert source.articles[0].title.endswith("开工仪式举行") and "昨" not in source.articles[0].title
    glued = split_document("河东县举行招商引资项目集中签约仪式\n发布时间:2023-12-27 14:27:11 | 来源:某某网 | "
                           "责任编辑:赵某12月22日,河东县招商引资项目集中签约仪式举行。县委书记韩立新出席。\n", "c.txt")
    assert glued.articles[0].date == "2023-12-22"
    credited = split_document("河东区重大项目集中开工 (记者 苏某东 摄)\n本报讯(记者 冯某)昨(10月31)日,"
                              "河东区重大项目集中开工仪式举行。区长韩立新出席。\n", "d.txt")
    assert credited.articles[0].title == "河东区重大项目集中开工"
    assert ("苏某东", "photographer") in _credits(credited.articles[0])


def test_captions_before_the_story_do_not_hide_its_date() -> None:
    page = ("河东市政府与某某集团签协议\n\n2017-09-12 09:46:00 来源: 某某网\n\n韩立新裴晓东出席签约仪式\n\n"
            "韩立新代表市委、市政府表示欢迎。记者 周某学 报道\n\n韩立新会见裴晓东一行。记者 周某学 报道\n\n"
            "9月11日,市政府与某某集团签署战略合作框架协议。市委书记韩立新出席签约仪式。\n")
    assert split_document(page, "a.txt").articles[0].date == "2017-09-11"


def test_e_paper_and_portal_chrome_around_a_story_is_never_its_headline() -> None:
    label = split_document("2024年05月14日\n第03版:要闻 PDF版\n\n河东日报社社长韩立新一行来县调研\n\n"
                           "本报讯(记者 方某)5月12日至13日,河东日报社社长韩立新一行来县调研。\n", "a.txt")
    assert label.articles[0].title == "河东日报社社长韩立新一行来县调研"
    lettered = split_document("B07:专题报道\n \n前一天  后一天\n\n数字版首页 > 第B07:专题报道\n上一篇  下一篇\n\n"
                              "县长裴晓东:园区要把服务做在前头\n\n2015年3月2日 星期一 河东晚报\n\n"
                              "  裴晓东介绍,园区今年新引进企业十二家。\n", "b.txt")
    assert lettered.articles[0].title == "县长裴晓东:园区要把服务做在前头"
    tools = split_document("2020年06月03日 来源:河东新闻网 作者:方某\n0 收藏 打印 增大字体 减小字体\n\n"
                           "  6月2日上午,河东市二季度工业项目开工仪式在临港园区举行。市长韩立新出席。\n", "c.txt")
    assert tools.articles[0].title.startswith("河东市二季度工业项目开工仪式")
    labelled = split_document("我的位置: 首页 > 视频报道 >正文\n视频|河东县集中签约开工18个项目 总投资21.5亿元\n"
                              "来源:河东网 2024-03-09 10:11:12 作者:方某\n\n"
                              "3月8日,河东县项目集中签约开工仪式举行。县长韩立新出席。\n", "d.txt")
    assert labelled.articles[0].title.endswith("河东县集中签约开工18个项目 总投资21.5亿元")
    for chrome in ("本篇文章612字,读完约2分钟\n", "村网通 河东村 110101.example.com 欢迎您!\n",
                   "下一版»本期共8版, 当前第1版 PDF\n", "地方 地方新闻\n", "以下为正文\n", "1902 期 / 第3版:3\n",
                   "2024/05/20\nMonday\n06:41\n"):
        page = split_document(chrome + "河东县举行项目集中签约仪式\n"
                              "4月2日,河东县项目集中签约仪式举行。县长韩立新出席。\n", "e.txt")
        assert page.articles[0].title == "河东县举行项目集中签约仪式", chrome


def test_a_story_glued_to_the_page_s_footer_on_one_line_keeps_its_sentences() -> None:
    page = ("发布日期: 2021-05-11 字体:【大 中 小】 |\n5月10日上午,河东县重大项目集中开工活动举行。"
            "县领导韩立新、裴晓东等参加开工仪式。本次集中开工项目共12个,总投资30亿元。 责任编辑:方某 审核:冯某\n"
            "【关闭本页】\n")
    art = split_document(page, "a.txt").articles[0]
    body = "".join(art.paragraphs)
    assert art.date == "2021-05-10" and "总投资30亿元" in body and "责任编辑" not in body


def test_a_column_s_name_before_the_published_stamp_is_no_part_of_the_headline() -> None:
    page = ("河東市四季度重大項目集中開工活動\n公司新聞發布時間:2023/10/26 16:07:34\n"
            "10月26日上午,河東市四季度重大項目集中開工活動舉行,市委書記韓立新宣布項目開工。\n")
    assert split_document(page, "a.txt").articles[0].title == "河東市四季度重大項目集中開工活動"


def test_a_headline_less_page_is_named_without_the_season_or_who_chaired() -> None:
    season = split_document("3月2日,在春耕即将开始之际,河东县召开返乡企业家座谈会。县长韩立新出席并讲话。\n", "a.txt")
    assert season.articles[0].title == "河东县召开返乡企业家座谈会。"
    chaired = split_document("9月3日,河东县十七届人大常委会召开第九次会议,主任裴晓东主持会议。\n"
                             "副主任韩立新出席。\n", "b.txt")
    assert chaired.articles[0].title == "河东县十七届人大常委会召开第九次会议"


def test_a_visit_s_headline_above_its_deck_a_padded_page_label_and_a_government_s_release_block() -> None:
    visit = split_document("首页 > 政务 > 正文\n\n河东县党政代表团来榆考察\n\n韩立新裴晓东参加相关活动\n\n"
                           "时 间: 2024-11-15 09:30\n来 源: 榆安日报\n\n"
                           "11月13日,河东县县长方明远率党政代表团来榆考察。市委书记韩立新会见代表团一行。\n", "a.txt")
    assert visit.articles[0].title == "河东县党政代表团来榆考察"
    assert visit.articles[0].subtitle == "韩立新裴晓东参加相关活动"
    label = split_document("榆安日报 数字报纸\n\n00002版:要闻\n\n河东区签约12个项目\n\n"
                           "本报榆安10月2日电 10月2日上午,河东区举行项目签约仪式。\n", "b.txt")
    assert label.articles[0].title == "河东区签约12个项目"
    release = split_document("跳到主要內容區塊\n\n河東工業區廠商協進會理事長交接典禮\n\n  • 分類:建設類\n"
                             "  • 發布單位:公共關係科\n\n河東縣廠商協進會理事長交接典禮今日舉行,縣長韓立新出席。\n", "c.txt")
    assert release.articles[0].title == "河東工業區廠商協進會理事長交接典禮"


def test_a_mirror_s_footer_names_the_headline_the_page_lost() -> None:
    page = ("本篇文章615字,读完约2分钟\n\n11月17日,河东区招商交流会在榆安举行。区长韩立新出席会议。\n\n"
            "来源:河东新闻网\n\n标题:河东区政府与榆安远航集团举行战略合作签约仪式\n\n地址:http://example.com/1.html\n")
    assert split_document(page, "a.txt").articles[0].title == "河东区政府与榆安远航集团举行战略合作签约仪式"


def test_an_outlet_s_stamp_a_deck_under_an_agreement_and_a_technology_credit_stay_apart() -> None:
    stamp = split_document("河东区举行重点项目签约:32个项目投资总额约210亿元\n2020-03-10 11:31 河东晚报•河东派 原创\n"
                           "3月9日,河东区举行重点项目签约仪式。区委书记韩立新出席。\n", "a.txt")
    assert stamp.articles[0].title == "河东区举行重点项目签约:32个项目投资总额约210亿元"
    deck = split_document("市政府与河东建设投资集团签署战略合作框架协议\n韩立新和裴晓东出席并致辞\n"
                          "12月23日,市政府与河东建设投资集团签署战略合作框架协议。\n", "b.txt")
    assert deck.articles[0].title == "市政府与河东建设投资集团签署战略合作框架协议"
    assert deck.articles[0].subtitle == "韩立新和裴晓东出席并致辞"
    credit = split_document("河东区18个重大项目集中开工\n2月24日,河东区18个重大项目集中开工。区长韩立新出席。\n\n"
                            "河东软件有限公司 仅提供技术服务支持, 文字、图片、视频版权归属发布媒体\n", "c.txt")
    assert [a.title for a in credit.articles] == ["河东区18个重大项目集中开工"]


def test_a_headline_with_its_stamp_and_source_on_one_line_under_an_advert() -> None:
    page = ("首页 > 地方新闻 > 详情\n河东认证咨询\n河东认证咨询\n\n"
            "项目攻坚再发力!河东县重大项目集中开竣工 2025-05-08 00:30:00 网络\n\n"
            "5月6日上午,河东县重大项目集中开竣工活动举行。县委书记韩立新出席。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "项目攻坚再发力!河东县重大项目集中开竣工" and art.date == "2025-05-06"


def test_a_site_s_table_copied_as_text_keeps_no_cell_borders() -> None:
    page = ("本地新闻 |\n |\n|\n 要闻 |\n|\n 图片新闻 |\n|\n"
            "深化协作促发展 |\n河东县代表团赴榆安县考察产业合作 |\n|\n张晓 2021-06-03 |\n|\n\n"
            "本报讯 6月1日,河东县代表团赴榆安县考察。县委书记韩立新参加。\n")
    art = split_document(page, "a.txt").articles[0]
    assert "河东县代表团赴榆安县考察产业合作" in art.title and not art.title.startswith("本地新闻")
    assert "|" not in art.title and art.date == "2021-06-01"


def test_markdown_photo_marks_follow_buttons_and_a_dateline_run_into_the_headline() -> None:
    page = ("关注官方微信\n关注官方公众号\n"
            "![](https://example.org/a.jpg) 河东县与榆安县签署协作协议 【河东日报消息】6月1日,河东县与榆安县签署"
            "协作协议。县委书记韩立新出席。[更多](https://example.org/more)\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "河东县与榆安县签署协作协议"
    assert "](" not in " ".join(art.paragraphs) and "更多" in art.paragraphs[-1]


def test_a_reprint_s_photo_caption_above_the_headline_and_another_paper_s_dateline() -> None:
    page = ("韩立新与考察团成员合影。\n"
            "河东考察团抵榆安 双方商定共建产业园\n"
            "【榆安日报消息】河东县考察团昨日下午抵达榆安,县委书记韩立新出席座谈会。\n"
            "双方商定共建产业园。\n")
    doc = split_document(page, "a.txt")
    assert [a.title for a in doc.articles] == ["河东考察团抵榆安 双方商定共建产业园"]


def test_a_taiwan_news_page_with_browser_notices_captions_a_slashed_stamp_and_a_bracketed_credit() -> None:
    page = ("本站以 Chrome 或 Edge 瀏覽器瀏覽效果最好。\n\nEdge官網下載 Chrome官網下載\n"
            "限制級\n本則內容需滿18歲 始可閱讀。\n\n"
            "東港活動中心開工 鄉長縣長同台\n\n"
            "河東縣長林志明與東港鄉長王建民同場出席。(記者陳文華攝)\n\n"
            "2019/05/06 10:20\n\n"
            "〔記者陳文華/河東報導〕河東縣長林志明、東港鄉長王建民,今日一同為東港村活動中心動土。\n")
    art = split_document(page, "a.txt").articles[0]
    assert art.title == "東港活動中心開工 鄉長縣長同台" and art.date == "2019-05-06"


def test_reporters_credited_in_the_lead_with_spaces_or_glued_and_closed_by_a_colon() -> None:
    spaced = split_document("河东县新闻网讯 记者 刘明 通讯员 袁立 报道:4月28日,河东县举行项目签约仪式。\n", "a.txt")
    glued = split_document("本网特约记者马晓雅、陈立志报道:5月8日上午,河东县一批重点项目开工仪式举行。\n", "b.txt")
    assert [b.name for b in spaced.articles[0].bylines] == ["刘明", "袁立"]
    assert spaced.articles[0].paragraphs[0].startswith("4月28日")
    assert [b.name for b in glued.articles[0].bylines] == ["马晓雅", "陈立志"]
    assert glued.articles[0].paragraphs[0].startswith("5月8日")


def test_a_place_alone_opens_a_headline_the_next_line_ends() -> None:
    page = "第07版:风采\n\n河东县东港镇\n\n项目建设再上新台阶\n\n连日来,河东县东港镇强力抓好招商引资工作。\n"
    assert split_document(page, "a.txt").articles[0].title == "河东县东港镇项目建设再上新台阶"


def test_hot_search_labels_bracketed_headlines_and_an_outlet_s_stamp_line() -> None:
    hot = split_document("热搜词:\n\n河东州春季一批项目同日开工\n\n3月30日,河东州春季一批项目同日开工。\n", "a")
    assert hot.articles[0].title == "河东州春季一批项目同日开工"
    bracketed = split_document("【第十次区委常委会议】2020年12月14日,区委书记何立龙主持召开区委常委会议。\n", "b")
    assert bracketed.articles[0].title == "第十次区委常委会议" and bracketed.articles[0].date == "2020-12-14"
    credited = split_document("【河东新闻联播讯 戴立和报道】8月13日上午,河东县举行座谈会。\n", "c")
    assert not credited.articles[0].title.startswith("河东新闻联播")
    stamped = split_document("河东与榆安集团结成战略伙伴\n\n  河东日报·新河东客户端   2023-10-18 16:49:52\n\n"
                             "10月16日,榆安集团董事长李立新一行来河东考察。\n", "d")
    assert stamped.articles[0].title == "河东与榆安集团结成战略伙伴"


def test_an_e_paper_s_home_link_and_page_buttons_above_the_headline_are_chrome() -> None:
    page = ("第03版:综合 上一版3  4下一版\n\n| 河东网首页 |\n\n3 上一篇  下一篇 4 放大 缩小 默认\n"
            "韩立新率队赴榆安开展招商对接\n\n本报讯 7月30日至31日,市委书记韩立新率队赴榆安开展招商对接。\n")
    assert split_document(page, "a.txt").articles[0].title == "韩立新率队赴榆安开展招商对接"


def test_a_paper_s_name_and_issue_date_on_one_line_are_its_masthead_not_a_headline() -> None:
    doc = split_document("河东日报 2018年03月02日\n本网讯(杨立 叶明)2月28日,榆安县投资推介会在河东举行。县长韩立新出席。\n", "a")
    assert doc.publication.name == "河东日报" and doc.publication.date == "2018-03-02"
    assert not doc.articles[0].title.startswith("河东日报") and doc.articles[0].date == "2018-02-28"


def test_a_headline_less_page_is_named_far_enough_into_a_long_first_sentence() -> None:
    # The clause up to what happened is less than three fifths of the sentence: the name runs on to
    # the next clause, so it still reads as the whole sentence and still contains the clause.
    doc = split_document(
        "河东县项目建设再次拉开大幕,据了解,9月1日,6个重点项目在河东县成功签约,其中两个为新材料项目,"
        "韩立新、裴晓东等县领导参加了签约仪式。\n县长韩立新致辞。\n", "a.txt")
    title = doc.articles[0].title
    assert title.startswith("河东县项目建设再次拉开大幕,据了解,9月1日,6个重点项目在河东县成功签约,")
    assert not title.endswith("。")


def test_font_size_buttons_and_a_skip_link_are_never_the_headline() -> None:
    doc = split_document(
        "跳至主要內容\n預設字體 較大的字體\n\n"
        "特首晤河東省長\n\n2017年08月16日\n\n行政長官韓立新今日與河東省省長裴曉東會面。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["特首晤河東省長"]


def test_a_bare_stamp_a_you_are_here_line_and_a_doubled_caption_are_not_headlines() -> None:
    doc = split_document(
        "05/06/2024 - 09:12:40\n你現在的位置: 首頁 本局動態 區域合作\n\n區域合作\n\n河東代表處正式啟動\n\n"
        "8月12日,河東代表處啟動儀式在本澳舉行,副省長韓立新出席。\n\n"
        "河東代表處啟動儀式\n\n河東代表處啟動儀式\n\n\n榆安省省長裴曉東率團參觀展示中心\n\n"
        "6月21日,榆安省省長裴曉東率團參觀展示中心,並聽取介紹。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河東代表處正式啟動", "榆安省省長裴曉東率團參觀展示中心"]


def test_a_bracketed_stamp_before_the_source_is_the_page_s_meta_line() -> None:
    doc = split_document(
        "河东在线\n 您所在的位置:首页>>本地新闻>>正文\n"
        "河东区签约项目迎来丰收 引资15亿元(图)\n(2021/7/9 16:36:51)  来源:河东区新闻中心  打印\n\n"
        "  7月9日上午,河东区招商引资项目签约仪式举行。区委书记韩立新出席签约仪式并致辞。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河东区签约项目迎来丰收 引资15亿元(图)"]
    assert doc.publication.date == "2021-07-09"


def test_an_advert_and_its_link_run_into_the_first_line_are_cut_off() -> None:
    doc = split_document(
        "某某口腔诊所 http://example.org/ads/河东县举行重点项目集中开工仪式\n"
        "3月15日,河东县重点项目集中开工仪式在产业园举行。县长韩立新宣布开工。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东县举行重点项目集中开工仪式")


def test_a_listed_meta_block_and_the_lead_s_purpose_are_no_part_of_the_story_s_name() -> None:
    doc = split_document(
        "- 來源:\n- 訪問量:\n- 發布時間:\n2023-09-30\n\n"
        "為加快項目落地,營造比學趕超的氛圍,9月28日上午,河東縣舉行重點項目集中開工儀式。縣委書記韓立新出席。\n",
        "a.txt")
    assert doc.articles[0].title == "河東縣舉行重點項目集中開工儀式。"


def test_a_welcome_banner_and_contact_lines_are_never_the_headline() -> None:
    doc = split_document(
        "欢迎光临,河东招商网!\n了解更多详细信息,请致电\n022-12345678\n  • 或给我们留言\n"
        "    您的位置:首页 > 招商动态\n\n    河东区签约项目22个\n\n    2020-03-01\n\n"
        "2月21日,河东区重点项目网络签约仪式举行,共签约项目22个。区长韩立新出席。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河东区签约项目22个"]


def test_a_bracketed_site_dateline_and_a_credit_open_no_story_s_name() -> None:
    doc = split_document(
        "【河東網2012年03月29日訊】(河東網記者韓立新台灣河東報導)河東縣議會搬新家了,新大樓落成啟用,29日舉行啟用儀式,"
        "賓客雲集,熱鬧非凡。\n議長裴曉東致詞。\n", "a.txt")
    art = doc.articles[0]
    assert art.title.startswith("河東縣議會搬新家了")
    assert art.date == "2012-03-29"


def test_a_platform_account_line_under_a_doubled_headline_is_not_the_headline() -> None:
    doc = split_document(
        "河东区人民政府与远航集团战略合作框架协议签约仪式\n河东区人民政府与远航集团战略合作框架协议签约仪式\n"
        "******河东区委宣传部官方澎湃号\n2022-06-20 17:24\n"
        "6月20日上午,河东区人民政府与远航集团战略合作框架协议签约仪式举行。区委书记韩立新出席。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河东区人民政府与远航集团战略合作框架协议签约仪式"]


def test_a_long_headline_printed_twice_is_one_web_story_s_headline() -> None:
    head = ("暖心走訪:副縣長參訪關心河東縣在地企業「遠航生物科技有限公司」 讚許縣府推動有力 第一名的是綠能產業"
            " 還有發展得很好的生技產業")
    doc = split_document(f"{head}\n\n{head}\n\n【記者韓立新/河東報導】副縣長裴曉東於17日下午參訪遠航生物科技有限公司。\n",
                         "b.txt")
    assert [a.title for a in doc.articles] == [head]


def test_a_papers_own_dateline_and_its_bracketed_credit_open_no_story_s_name() -> None:
    doc = split_document(
        "河东日报讯【河东新闻·河东日报记者韩立新】6月3日至4日,省农业集团董事长裴晓东一行来我市考察,市长何一鸣陪同。\n"
        "裴晓东表示,将加大投资力度。\n", "a.txt")
    assert doc.articles[0].title == "省农业集团董事长裴晓东一行来我市考察"


def test_a_photo_credit_run_into_a_caption_is_no_part_of_its_title() -> None:
    doc = split_document("签约现场(图/河东宣)\n\n6月3日,河东街道举行政企合作签约仪式,街道党工委书记韩立新出席。\n", "a.txt")
    assert doc.articles[0].title == "签约现场"


def test_an_original_title_written_with_a_space_names_a_reprint_without_a_headline() -> None:
    doc = split_document(
        "原標題 河東鎮:主動作為 招商引資見成效\n"
        "5月9日下午,本報記者走進河東鎮工業園區看到,工人們正忙著安裝設備,一派繁忙景象。鎮黨委書記韓立新介紹了項目進展。\n", "a.txt")
    assert doc.articles[0].title == "河東鎮:主動作為 招商引資見成效"


def test_a_short_opening_about_the_day_gives_way_to_the_sentence_that_says_what_happened() -> None:
    doc = split_document(
        "2月4日,时值立春。上午,河东镇党委、政府在镇文化广场举办政企恳谈会,听取企业家意见建议,共谋发展。\n"
        "镇党委书记韩立新在致辞中介绍了全镇经济发展情况。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东镇党委、政府在镇文化广场举办政企恳谈会")


def test_a_photo_mark_before_a_caption_headline_is_no_part_of_it() -> None:
    doc = split_document(
        "图|河东智能装备产业园开工仪式现场\n"
        "6月3日上午,河东智能装备产业园项目开工仪式隆重举行。区委书记韩立新出席,恒远集团总裁裴晓东致辞。\n", "a.txt")
    art = doc.articles[0]
    assert art.title == "河东智能装备产业园开工仪式现场"


def test_an_e_paper_s_layout_switches_are_no_part_of_its_headline() -> None:
    doc = split_document(
        "通版阅读请点击:\n展开通版\n收缩通版\n当前版:01版\n本期发布:\n河东市二月份重点项目集中开工\n"
        "  本报讯 2月11日,河东市二月份重点项目开工活动在临港园区举行,韩立新下达开工令。\n", "a.txt")
    assert doc.articles[0].title == "河东市二月份重点项目集中开工"


def test_a_wire_dateline_with_its_place_and_a_long_purpose_open_no_story_s_name() -> None:
    doc = split_document(
        "河东经济频道5月9日榆安电(记者 韩立新 通讯员 何一鸣)为深入落实全市项目建设大会部署,进一步营造大抓项目的浓厚氛围,"
        "河东县于5月9日上午举行了河东县重点产业项目开工仪式。\n县长裴晓东主持。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东县重点产业项目开工仪式")


def test_a_headline_less_story_is_named_by_its_event_clause_without_its_day() -> None:
    doc = split_document(
        "3月6日, 2021年河东市乡村振兴表彰大会在榆安召开,表彰先进集体和个人。\n市委书记韩立新讲话。\n", "a.txt")
    assert doc.articles[0].title == "2021年河东市乡村振兴表彰大会在榆安召开"


def test_who_organised_it_and_when_it_was_held_are_no_part_of_a_headline_less_story_s_name() -> None:
    doc = split_document(
        "6月5日,由河东市委、市人民政府、省驻京办事处共同主办的河东市2022年“以商招商”项目推介暨视频签约会举行。\n"
        "市委书记韩立新致辞。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东市2022年“以商招商”项目推介暨视频签约会举行")
    doc = split_document("榆安县于2021年5月9日上午10点举行了榆安县2021年重大产业项目开工奠基仪式。\n县长裴晓东主持。\n", "b.txt")
    assert doc.articles[0].title.startswith("榆安县2021年重大产业项目开工奠基仪式")


def test_a_site_map_line_and_a_no_reprint_notice_are_no_stories() -> None:
    doc = split_document(
        "河东网|河东新闻中心|网站地图\n\n6月3日,河东县举行重点项目集中开工仪式,县委书记韩立新宣布开工。\n"
        "(本稿件版权归河东县融媒体中心,未经同意不得转载)\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河东县举行重点项目集中开工仪式"]


def test_a_mirrors_date_label_is_the_page_stamp_and_dates_a_day_opening_the_second_clause() -> None:
    doc = split_document(
        " date 2025-03-09 韩县长为新任理事长颁发证书。(记者何一鸣摄)\n\n"
        "河东县榆安工业区厂商协进会第5、6届理事长交接典礼,8日在河东县文化会馆隆重举行。县长韩立新出席。\n", "a.txt")
    art = doc.articles[0]
    assert art.date == "2025-03-08"


def test_a_visit_clause_that_is_most_of_the_sentence_names_a_headline_less_story() -> None:
    doc = split_document(
        "河西省榆安商会会长、恒远集团董事长裴晓东一行到河东县考察投资环境,副县长何一鸣陪同考察。\n"
        "裴晓东表示,将积极推动项目落地。\n", "a.txt")
    assert doc.articles[0].title == "河西省榆安商会会长、恒远集团董事长裴晓东一行到河东县考察投资环境"
    doc = split_document(
        "4月8日至4月10日,市委书记韩立新率党政代表团先后到河西市、榆安县等地学习考察,学习先进经验。\n"
        "代表团一行参观了多家企业。\n", "b.txt")
    assert doc.articles[0].title.startswith("市委书记韩立新率党政代表团")


def test_reporters_after_a_dated_dateline_an_outlets_bracket_or_a_spaced_credit() -> None:
    cases = [
        ("河东网榆安5月21日消息(记者 韩立新)5月16日上午,河东县举行项目签约仪式,县长裴晓东出席并致辞。\n", "韩立新"),
        ("河东日报3月2日讯(记者 何一鸣):今天上午,河东县举行项目签约仪式,县长裴晓东出席并致辞。\n", "何一鸣"),
        ("河东日报讯【河东新闻·河东日报记者陆明】10月12日,河东县举行项目签约仪式,县长裴晓东出席并致辞。\n", "陆明"),
        ("本报讯  记者汪建国报道  9月25日,河东县举行项目签约仪式,县长裴晓东出席并致辞。\n", "汪建国"),
    ]
    for text, reporter in cases:
        art = split_document(text, "a.txt").articles[0]
        assert _credits(art) == [(reporter, "reporter")], text
        assert not art.title.startswith((":", "：")) and "记者" not in art.title


def test_a_photo_source_line_and_a_traditional_day_open_no_story_s_name() -> None:
    doc = split_document(
        "会场 图片来源:河东市新闻中心\n"
        "12月6日,市委书记韩立新主持召开常委会议,副书记裴晓东,常委何一鸣、陆明出席。\n", "a.txt")
    assert doc.articles[0].title.startswith("市委书记韩立新主持召开常委会议")
    doc = split_document("11月17號,河東區委書記韓立新主持召開第12次區委常委會,研究部署有關事項。\n", "b.txt")
    assert doc.articles[0].title.startswith("河東區委書記韓立新主持召開第12次區委常委會")


def test_a_long_setting_and_a_visit_clause_name_a_headline_less_story() -> None:
    doc = split_document(
        "第三届河东民俗文化旅游节暨第二届河东商会大会期间,榆安县趁势举办多场招商推介活动,签下5个重点项目。\n"
        "县长韩立新出席签约仪式。\n", "a.txt")
    assert doc.articles[0].title.startswith("榆安县趁势举办多场招商推介活动")
    doc = split_document(
        "河东街道党工委书记韩立新和办事处主任裴晓东一同带队到园区企业开展节后走访服务活动,询问企业复工情况,帮助解决困难。\n"
        "韩立新表示,街道将做好服务。\n", "b.txt")
    assert doc.articles[0].title == "河东街道党工委书记韩立新和办事处主任裴晓东一同带队到园区企业开展节后走访服务活动"


def test_what_a_meeting_did_is_no_part_of_a_headline_less_story_s_name() -> None:
    doc = split_document(
        "11月17日,河东区委书记韩立新主持召开第12次区委常委会,审议有关文件,研究部署近期全区重点工作任务。\n"
        "区委副书记裴晓东出席。\n", "a.txt")
    assert doc.articles[0].title == "河东区委书记韩立新主持召开第12次区委常委会"


def test_a_short_meeting_named_before_its_agenda_names_a_headline_less_story() -> None:
    doc = split_document(
        "3月4日,县委常委会扩大会议召开,听取全市经济工作会议精神汇报,研究部署我县一季度重点工作。\n"
        "县委书记韩立新主持会议并讲话。\n", "a.txt")
    assert doc.articles[0].title == "县委常委会扩大会议召开"


def test_a_style_rules_sizes_and_an_apps_button_are_no_part_of_the_story() -> None:
    doc = split_document(
        "1200_150px;\n\n设为首页 加入收藏\n\n880_96px;\n\n河东区政协常委会会议召开\n\n发表时间:2023-6-2\n\n"
        "6月2日,河东区政协常委会会议召开,区政协主席韩立新主持会议。\n\n打开某某新闻 查看更多图片\n\n"
        "会议听取了有关工作情况的汇报。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河东区政协常委会会议召开"]
    assert not any("查看更多" in p for p in doc.articles[0].paragraphs)


def test_a_section_label_after_the_lead_of_a_saved_page_is_no_new_story() -> None:
    doc = split_document(
        "为推动河东区与沿海城市的项目合作,副区长韩立新带队赴榆安市开展经贸交流活动。\n\n重点项目对接\n\n"
        "5月6日,韩立新一行与榆安恒达建设工程有限公司负责人座谈,并就物流园项目进行签约。\n\n"
        "5月7日,考察团前往河西县,参观了两家企业的生产线。\n", "a.txt")
    assert len(doc.articles) == 1
    assert "韩立新带队赴榆安市开展经贸交流活动" in doc.articles[0].title


def test_photo_captions_above_the_lead_do_not_run_into_its_first_sentence() -> None:
    doc = split_document(
        "图:县委书记韩立新在榆安电子有限公司走访调研\n图:韩立新在河东食品有限公司走访调研\n"
        "河东融媒3月2日讯(记者 陆明)3月2日,县委书记韩立新开展企业服务日活动,到开发区走访企业。\n"
        "韩立新强调,要为企业发展做好服务。\n", "a.txt")
    art = doc.articles[0]
    assert art.title.startswith("县委书记韩立新开展企业服务日活动")
    assert ("陆明", "reporter") in _credits(art)


def test_a_meta_line_in_a_bracket_is_no_part_of_the_headline_and_dates_the_page() -> None:
    doc = split_document(
        "首页 > 今日河东 > 政务要闻\n\n区长何明主持召开区长办公会\n\n"
        "【信息时间:2023-03-02 09:15   访问次数:【字号 打印此页 关闭\n\n"
        "3月1日,区长何明主持召开区长办公会。副区长裴晓东、陆明出席。\n", "a.txt")
    art = doc.articles[0]
    assert art.title == "区长何明主持召开区长办公会"
    assert art.date == "2023-03-01"


def test_a_lead_that_signs_or_visits_is_named_by_that_clause() -> None:
    signed = split_document(
        "5月6日,河东开发区管委会和榆安建设集团公司在河东市签订园区共建协议,推动园区建设,实现共赢。"
        "区委书记韩立新出席。\n", "a.txt")
    assert signed.articles[0].title == "河东开发区管委会和榆安建设集团公司在河东市签订园区共建协议"
    visited = split_document(
        "5月6日,河东区委书记韩立新率队走访榆安银行和河西电力有限公司,上门了解需求、提供服务,"
        "与两家企业负责人座谈交流,共商合作事宜。\n", "a.txt")
    assert visited.articles[0].title.startswith("河东区委书记韩立新率队走访榆安银行和河西电力有限公司")
    assert "共商" not in visited.articles[0].title


def test_the_publisher_and_stamp_under_a_headline_are_not_the_headline() -> None:
    doc = split_document(
        "河東特區與榆安加強經貿合作\n\n河東特區政府\n2003-04-12 18:05\n未能播放視頻\n\n"
        "行政長官韓立新與榆安外長陳立德,於今(十二)日簽署合作協定,推動雙方經貿往來。\n\n"
        "韓立新表示,歡迎陳立德來訪。\n", "a.txt")
    assert [a.title for a in doc.articles] == ["河東特區與榆安加強經貿合作"]


def test_stories_without_headlines_each_open_with_the_papers_dateline() -> None:
    doc = split_document(
        "本报讯昨日上午,河东县项目调度会在县行政中心召开。县委书记韩立新出席。县长裴晓东主持。\n"
        "会议通报了一季度项目进展情况。\n"
        "本报讯昨日下午,县委书记韩立新在县宾馆主持召开专题会议,研究园区建设。县长裴晓东参加。\n", "a.txt")
    titles = [a.title for a in doc.articles]
    assert len(titles) == 2
    assert titles[0].startswith("河东县项目调度会在县行政中心召开")
    assert titles[1] == "县委书记韩立新在县宾馆主持召开专题会议"


def test_a_story_printed_twice_on_a_page_is_one_story() -> None:
    story = "【本報訊】河東鄉與河西鄉今天上午在河西鄉公所舉行締結儀式,兩鄉鄉長簽署協議。\n兩鄉將加強交流。\n"
    doc = split_document(story + story, "a.txt")
    assert len(doc.articles) == 1


def test_a_summary_sentence_the_story_repeats_and_an_outlets_dateline_open_no_name() -> None:
    doc = split_document(
        "双方就深化合作进行了深入交流。\n"
        "某某网讯:5月6日,榆安集团董事长裴晓东拜会河东区委书记韩立新,区长陆明。\n"
        "双方就深化合作进行了深入交流。河东区副区长汪建国参加活动。\n", "a.txt")
    assert doc.articles[0].title.startswith("榆安集团董事长裴晓东拜会河东区委书记韩立新")


def test_a_day_then_a_purpose_then_what_happened_is_named_by_what_happened() -> None:
    doc = split_document(
        "4月3日,为推动街道文化工作提质增效,进一步凝聚各方力量,河东街道召开了2024年文化工作会议。\n"
        "街道办事处主任韩立新出席并讲话。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东街道召开了2024年文化工作会议")


def test_a_day_written_yesterday_and_who_came_are_no_part_of_the_name() -> None:
    doc = split_document(
        "河东网讯(记者 陆明)昨(12)日,河东市春季招商项目开工仪式(西城分会场)举行,副市长韩立新出席并宣布开工,"
        "西城区委副书记、区长裴晓东出席并致辞。\n裴晓东在致辞中表示祝贺。\n", "a.txt")
    assert doc.articles[0].title == "河东市春季招商项目开工仪式(西城分会场)举行"


def test_a_headline_opening_with_its_date_is_a_headline() -> None:
    doc = split_document(
        "2009.05.16 河东水泥举行二期项目开工仪式\n"
        "2009年5月16日上午,河东水泥公司厂区彩旗招展。副市长韩立新出席仪式并讲话。\n", "a.txt")
    assert doc.articles[0].title == "2009.05.16 河东水泥举行二期项目开工仪式"


def test_the_officials_who_came_to_guide_a_meeting_are_no_part_of_its_name() -> None:
    doc = split_document(
        "5月8日晚上,河东镇召开村级组织建设推进会,副县长韩立新、县民政局局长裴晓东,县农委主任陆明到会指导。"
        "镇班子成员参会。\n会议由镇长汪建国主持。\n", "a.txt")
    assert doc.articles[0].title == "河东镇召开村级组织建设推进会"


def test_a_screen_word_inside_a_sentence_is_no_footer() -> None:
    doc = split_document(
        "河东区领导会见榆安市代表团\n\n"
        "5月8日,榆安市党政代表团考察了河东显示科技有限公司、第10代超高分辨率显示面板项目等。两市领导韩立新、裴晓东等参加活动。\n", "a.txt")
    assert "韩立新" in doc.articles[0].paragraphs[0]


def test_one_credit_for_words_and_pictures_and_a_role_in_a_bracket_before_names() -> None:
    doc = split_document(
        "河东县举行项目签约仪式\n\n5月8日,河东县举行项目签约仪式。县长韩立新出席。\n\n(文/图:陆明)\n", "a.txt")
    assert set(_credits(doc.articles[0])) == {("陆明", "reporter"), ("陆明", "photographer")}
    labelled = split_document(
        "河东县举行项目签约仪式\n\n5月8日,河东县举行项目签约仪式。县长韩立新出席。\n\n"
        "【全媒体记者】何一鸣 汪建国\n【通讯员】裴晓东\n", "b.txt")
    assert set(_credits(labelled.articles[0])) == {
        ("何一鸣", "reporter"), ("汪建国", "reporter"), ("裴晓东", "reporter")}


def test_a_repost_line_is_no_headline_and_the_hosts_who_accompany_a_visit_are_no_part_of_its_name() -> None:
    doc = split_document(
        "转自:河东政务\n\n河东市政府与榆安集团签订合作框架协议,市长韩立新出席。\n", "a.txt")
    assert doc.articles[0].title.startswith("河东市政府与榆安集团签订合作框架协议")
    visit = split_document(
        "河東商會、河西商會等5家商會受邀到榆安縣考察,榆安縣委書記韓立新,縣委常委、副縣長裴曉東陪同。"
        "考察團參觀了3家企業。\n", "b.txt")
    assert visit.articles[0].title == "河東商會、河西商會等5家商會受邀到榆安縣考察"


def test_a_visit_named_by_its_clause_where_the_next_tells_what_the_visitors_did() -> None:
    doc = split_document(
        "河东市委书记韩立新国庆期间到榆安重工有限公司检查指导在建工程,看望慰问假日坚守岗位的工人,"
        "送去节日问候。公司董事长裴晓东陪同。\n", "a.txt")
    assert doc.articles[0].title == "河东市委书记韩立新国庆期间到榆安重工有限公司检查指导在建工程"
