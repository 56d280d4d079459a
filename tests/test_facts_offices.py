"""Which division an official's post belongs to: what a journalist needs to tell two 区长 apart."""

from __future__ import annotations

from facts_helpers import extract

from guanxi.facts import Article


def places(article: Article) -> dict[tuple[str, str], str | None]:
    return {(p.name, pos.title): pos.place for p in article.people for pos in p.positions}


def test_level_only_titles_take_the_story_s_district_and_the_city_above_it() -> None:
    art = extract(
        "台儿庄区举行项目签约仪式",
        "7月26日,台儿庄区举行项目签约仪式。枣庄市委常委、统战部部长罗文涛,区委书记钟立群,副区长阮静怡出席。",
    )
    found = places(art)
    assert found[("钟立群", "区委书记")] == "台儿庄区"
    assert found[("阮静怡", "副区长")] == "台儿庄区"
    assert found[("罗文涛", "市委常委")] == "枣庄市"  # the title keeps the place apart
    assert found[("罗文涛", "统战部部长")] == "枣庄市"  # the person's other post names the city


def test_a_county_level_city_holds_its_own_市委书记() -> None:
    art = extract(
        "启东市召开项目推进会",
        "5月8日,启东市召开项目推进会。市委书记罗文涛主持会议,市长钟立群讲话。启东市各镇负责人参加。",
    )
    found = places(art)
    assert found[("罗文涛", "市委书记")] == "启东市"
    assert found[("钟立群", "市长")] == "启东市"


def test_a_company_s_registered_city_is_not_the_story_s_and_executives_get_no_place() -> None:
    art = extract(
        "青山镇签约食品项目",
        "5月8日,东莞市某某食品科技有限公司与竹山县签约。县长罗文涛出席,东莞市某某食品科技有限公司总经理钟立群签约。"
        "竹山县各部门负责人参加。",
    )
    found = places(art)
    assert found[("罗文涛", "县长")] == "竹山县"
    assert found[("钟立群", "总经理")] is None


def test_an_acting_county_head_is_not_a_post_in_代县() -> None:
    art = extract("竹山县召开会议", "5月8日,竹山县召开会议。县委副书记、代县长罗文涛主持。竹山县各部门负责人参加。")
    assert places(art)[("罗文涛", "代县长")] == "竹山县"


def test_an_autonomous_county_named_without_its_people_is_the_home() -> None:
    art = extract(
        "我县集中开工项目",
        "3月2日,江华高新区举行项目集中开工仪式,江华智能家电产业园等项目开工。县委书记罗文涛宣布开工,副县长钟立群主持。",
    )
    found = places(art)
    assert found[("罗文涛", "县委书记")] == "江华瑶族自治县"
    assert found[("钟立群", "副县长")] == "江华瑶族自治县"


def test_the_site_named_before_the_lead_gives_the_home() -> None:
    from loaders.pipeline import extract_text

    page = "市政府召开全体会议\n\n亳州新闻网讯 12月24日下午,市政府召开全体会议。市长罗文涛主持,副市长钟立群出席。\n"
    art = extract_text(page, "a.txt").articles[0]
    found = places(art)
    assert found[("罗文涛", "市长")] == "亳州市"
    assert found[("钟立群", "副市长")] == "亳州市"
    assert art.date is None or art.date.endswith("12-24")


def test_a_town_that_holds_the_event_and_a_province_named_short() -> None:
    town = extract(
        "郑宅镇举行项目开工仪式",
        "11月12日上午,郑宅镇举行重大项目集中开工仪式。镇党委书记罗文涛宣布开工,副镇长钟立群主持。郑宅镇上下将全力推进项目。",
    )
    found = places(town)
    assert found[("罗文涛", "镇党委书记")] == "郑宅镇"
    assert found[("钟立群", "副镇长")] == "郑宅镇"
    province = extract(
        "省长会见企业客人",
        "省委副书记、省长罗文涛会见企业客人。罗文涛说,青海资源丰富,欢迎企业立足青海、深耕青海。",
    )
    assert places(province)[("罗文涛", "省长")] == "青海省"


def test_the_place_a_delegation_goes_to_is_not_its_home() -> None:
    art = extract(
        "历城区考察团赴钢城区考察",
        "10月11日上午,区委书记罗文涛,区委副书记、区长钟立群带领考察团赴钢城区考察对接,并与钢城区签订合作协议。"
        "钟立群介绍了历城区经济社会发展情况。",
    )
    found = places(art)
    assert found[("罗文涛", "区委书记")] == "历城区"
    assert found[("钟立群", "区长")] == "历城区"


def test_a_title_names_its_county_short_or_two_divisions_deep() -> None:
    art = extract(
        "集中开工仪式举行",
        "1月5日,江华县委书记罗文涛,商丘市梁园区委副书记钟立群出席道县项目集中开工仪式。道县县长韩立新主持。",
    )
    found = places(art)
    assert found[("罗文涛", "县委书记")] == "江华县"
    assert found[("钟立群", "区委副书记")] == "梁园区"


def test_the_city_a_headline_names_holds_the_市委书记_over_a_county_level_city_in_the_body() -> None:
    art = extract(
        "苏州市民营企业家座谈会召开",
        "11月25日,民营企业家座谈会召开。常熟开关制造公司董事长钟立群发言。常熟市的企业代表参加。市委书记罗文涛讲话。",
    )
    assert places(art)[("罗文涛", "市委书记")] == "苏州市"


def test_a_head_written_after_its_county_government_is_that_county_s() -> None:
    art = extract(
        "项目签约活动举行",
        "1月5日,项目签约活动在泉州举行。永春县政府县长衡志远与客商代表签约。",
    )
    person = next(p for p in art.people if p.name == "衡志远")
    assert [(pos.title, pos.org, pos.place) for pos in person.positions] == [("县长", "永春县政府", "永春县")]
    assert person.kind == "official"


def test_a_county_named_by_its_short_form_keeps_the_level_its_titles_say() -> None:
    # 玉环 has been a 县级市 since 2017; a story of 2015 has a 县委书记 of 玉环县.
    art = extract(
        "玉环举行招商大会",
        "9月6日,招商大会在玉环隆重举行。县委书记韩立新致辞,县委副书记、代县长裴晓东主持。玉环全力加快发展。",
    )
    found = places(art)
    assert found[("韩立新", "县委书记")] == "玉环县"
    assert found[("裴晓东", "代县长")] == "玉环县"  # not 代县, a county of 忻州
    kinmen = extract("金門縣府召開主管會報", "縣長韓立新昨主持主管會報,副縣長裴曉東出席。金門各界關心。")
    assert places(kinmen)[("韓立新", "縣長")] == "金門縣"


def test_a_prefecture_s_posts_in_a_story_of_its_county_level_city() -> None:
    art = extract(
        "楚雄市召开项目推进会",
        "5月8日,楚雄市召开项目推进会。州委书记韩立新出席,副州长裴晓东讲话,市委书记岑可风主持。",
    )
    found = places(art)
    assert found[("韩立新", "州委书记")] == "楚雄彝族自治州"
    assert found[("岑可风", "市委书记")] == "楚雄市"


def test_a_province_written_before_its_county_is_not_a_district_of_the_same_short_name() -> None:
    art = extract(
        "河北青龙开展调研",
        "2月7日,县委书记韩立新,县委副书记、县长裴晓东深入乡村开展调研。河北青龙各乡镇全力推进。河北青龙加快发展。",
    )
    found = places(art)
    assert found[("韩立新", "县委书记")] == "青龙满族自治县"  # not 河北县 (天津 has a 河北区)


def test_a_county_inside_an_everyday_word_or_a_slogan_is_no_home() -> None:
    art = extract(
        "制鞋产业园开工仪式举行",
        "3月1日,制鞋产业园开工仪式举行。县委书记韩立新出席并致辞,县长裴晓东主持。",
        "韩立新指出,近年来婺源坚持实施工业富县战略,创建全国生态示范县。婺源县委、县政府将全力服务企业。",
    )
    found = places(art)
    assert found[("韩立新", "县委书记")] == "婺源县"  # not 范县 or 富县
    assert found[("裴晓东", "县长")] == "婺源县"


def test_a_title_that_writes_its_division_out_keeps_it_apart() -> None:
    art = extract(
        "项目签约仪式举行",
        "5月8日,项目签约仪式举行。沙坪坝区委书记韩立新,潢川县县长裴晓东,苏州市政协副主席岑可风出席。",
    )
    found = places(art)
    assert found[("韩立新", "区委书记")] == "沙坪坝区"
    assert found[("裴晓东", "县长")] == "潢川县"
    assert found[("岑可风", "市政协副主席")] == "苏州市"


def test_a_short_name_shared_by_two_divisions_is_read_alike_whatever_the_hash_seed(tmp_path) -> None:
    import os
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text("韩立新主持召开招商引资项目评审会\n\n来源:石门县融媒体中心 作者:方某 2020-11-12 17:18:17\n\n"
                    "11月12日,县委书记韩立新主持召开招商引资项目评审会。会议评审了石门茶叶加工项目。\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from loaders.pipeline import extract_file; "
            "d = extract_file(Path(sys.argv[1])); print(d.articles[0].people[0].positions[0].place)")
    places = set()
    for seed in ("0", "2", "5"):  # seeds that read 石门区 (Taiwan) before the fix
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, env=env, check=True)
        places.add(out.stdout.strip())
    assert places == {"石门县"}


def test_a_traditional_script_title_leaves_its_district_to_the_place_like_a_simplified_one() -> None:
    art = extract(
        "臺兒莊區舉行項目簽約儀式",
        "7月26日,臺兒莊區舉行項目簽約儀式。臺兒莊區區長鍾立群、馬蘭屯鎮黨委書記阮靜怡出席。",
    )
    found = places(art)
    assert found[("鍾立群", "區長")] in ("台儿庄区", "臺兒莊區")
    assert ("阮靜怡", "鎮黨委書記") in found


def test_an_autonomous_county_written_short_with_its_level_is_not_the_county_its_tail_names() -> None:
    art = extract(
        "威宁县召开项目推进会",
        "2月1日,威宁县召开项目推进会。县委书记罗文涛主持会议,县长钟立群讲话。",
    )
    found = places(art)
    assert found[("罗文涛", "县委书记")] in ("威宁县", "威宁彝族回族苗族自治县")
    assert found[("钟立群", "县长")] in ("威宁县", "威宁彝族回族苗族自治县")


def test_a_county_renamed_a_district_is_still_itself_when_written_with_its_old_level() -> None:
    art = extract(
        "广丰县召开项目推进会",
        "4月22日,广丰县召开项目推进会。县委书记罗文涛主持会议,县长钟立群讲话。",
    )
    assert places(art)[("罗文涛", "县委书记")] in ("广丰县", "广丰区")


def test_a_city_site_s_header_places_a_story_that_only_says_our_city() -> None:
    from loaders.pipeline import extract_text

    page = ("国务院 | 山西省人民政府 | 长治市人民政府\n首页 > 本地新闻 > 长治要闻\n\n"
            "我市举行重点项目集中开工活动\n发布时间:2024-11-27 信息来源:本站\n\n"
            "11月26日,我市第四批重点项目开工。市委书记罗文涛出席,副市长钟立群宣布开工。\n")
    found = places(extract_text(page, "a.txt").articles[0])
    assert found[("罗文涛", "市委书记")] == "长治市" and found[("钟立群", "副市长")] == "长治市"


def test_a_place_inside_an_official_s_name_is_not_the_story_s_district() -> None:
    art = extract(
        "上海市召开安全生产工作会议",
        "3月7日,上海市某区召开安全生产工作会议。区委书记钟立群出席会议并讲话,副区长陈金山主持会议。",
        "会上,陈金山通报了一季度安全生产情况。",
    )
    found = places(art)
    assert found[("钟立群", "区委书记")] != "金山区"
    assert found[("陈金山", "副区长")] != "金山区"


def test_a_visitor_s_name_names_no_county() -> None:
    art = extract(
        "副司长罗永兴到访",
        "5月6日,特区政府副司长罗永兴率团到访,与各界人士座谈。罗永兴表示,将加强交流合作。",
    )
    assert places(art)[("罗永兴", "副司长")] != "永兴县"


def test_a_two_character_county_named_only_by_the_site_is_the_home(tmp_path) -> None:
    from loaders.pipeline import extract_file

    page = tmp_path / "page.txt"
    page.write_text("当前位置:\n首页\n> 新闻 > 沛县要闻\n\n县长韩立新带队赴外地考察\n\n"
                    "来源:沛县融媒体中心 发布时间:2023-05-29 17:21\n\n"
                    "5月25日,县长韩立新带队到北京考察。韩立新一行先后走访了三家企业。\n",
                    encoding="utf-8")
    doc = extract_file(page)
    assert places(doc.articles[0])[("韩立新", "县长")] == "沛县"


def test_an_autonomous_prefecture_called_by_its_short_name_is_given_its_own() -> None:
    art = extract(
        "大理州召开招商座谈会",
        "5月6日,大理州委书记韩立新出席大理州招商座谈会。韩立新表示,大理将加快转型。",
    )
    assert places(art)[("韩立新", "州委书记")] == "大理白族自治州"


def test_a_county_since_made_a_city_is_still_the_story_s_home_as_written() -> None:
    art = extract(
        "黔西县召开项目推进会",
        "3月5日,黔西县政府召开项目推进会。县长韩立新主持会议,黔西县政府各部门负责人参加。",
    )
    assert places(art)[("韩立新", "县长")] == "黔西县"
