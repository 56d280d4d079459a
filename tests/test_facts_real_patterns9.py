from tests.facts_helpers import extract, roles, titles


def test_what_hosts_and_guests_say_at_a_call_is_no_speech():
    art = extract(
        "韩立新会见榆安集团董事长裴晓东一行",
        "5月8日,市委书记韩立新会见了榆安集团董事长裴晓东一行。韩立新表示,欢迎企业来河东投资兴业。"
        "裴晓东表示,将加快推进项目落地。",
    )
    r = roles(art)
    assert r["韩立新"] == ["attended"]
    assert r["裴晓东"] == ["attended"]


def test_what_a_leader_says_at_a_ceremony_is_a_speech():
    art = extract(
        "河东区举行项目集中签约仪式",
        "5月8日,河东区举行项目集中签约仪式。区委书记韩立新出席。韩立新表示,要做好项目服务保障。",
    )
    assert "spoke" in roles(art)["韩立新"]


def test_what_a_visiting_delegation_says_on_its_tour_is_a_speech():
    # '来…考察' tours end at a forum where the guests speak; only calls and inspections are talk
    art = extract(
        "榆安集团总经理裴晓东一行来河东考察",
        "5月8日,榆安集团总经理裴晓东一行来河东考察。区长何一鸣陪同。裴晓东表示,看好河东发展前景。",
    )
    assert "spoke" in roles(art)["裴晓东"]


def test_an_official_who_organises_or_convenes_is_named():
    art = extract(
        "河东县开展企业服务日活动",
        "3月2日,县委书记韩立新组织开展企业服务日活动。副县长裴晓东召开座谈会,听取企业意见。",
    )
    t = titles(art)
    assert t["韩立新"] == ["县委书记"]
    assert t["裴晓东"] == ["副县长"]


def test_a_bureau_named_by_two_things_keeps_both_in_its_heads_title():
    art = extract(
        "特區官員出席展覽開幕",
        "6月3日,展覽開幕。特區政府運輸及房屋局局長陳立德、教育及青年局局長林明出席。",
    )
    t = titles(art)
    assert t["陳立德"][0].endswith("運輸及房屋局局長")
    assert t["林明"] == ["教育及青年局局長"]


def test_a_regions_bureau_heads_on_a_trip_are_that_regions_and_named_as_its_pages_do():
    art = extract(
        "香港特區官員赴京出席展覽",
        "6月3日,香港特區行政長官陳立德率環境局局長林明赴北京出席展覽開幕。香港特區政府表示,展覽展示香港發展成就。",
    )
    places = {p.name: [pos.place for pos in p.positions] for p in art.people}
    assert places["陳立德"] == ["香港"]
    assert places["林明"] == ["香港"]


def test_the_last_name_of_a_shared_title_list_before_another_titled_person_is_kept():
    art = extract(
        "河东区政协常委会会议召开",
        "5月8日,区政协常委会会议召开。区政协副主席韩立新、何一鸣、陆强及秘书长汪建国出席会议。",
    )
    t = titles(art)
    assert t["陆强"] == ["区政协副主席"]
    assert t["汪建国"] == ["秘书长"]


def test_a_bureau_named_by_two_things_is_no_person():
    art = extract(
        "特區官員出席展覽開幕",
        "6月3日,展覽開幕。特區政府運輸及房屋局局長陳立德出席。",
    )
    assert {p.name for p in art.people} == {"陳立德"}


def test_presenting_to_investors_at_a_ceremony_is_a_speech():
    art = extract(
        "河东区举行招商项目集中签约仪式",
        "5月8日,河东区举行招商项目集中签约仪式。区长韩立新登台推介河东投资环境,"
        "园区管委会主任裴晓东接续推介。",
    )
    r = roles(art)
    assert "spoke" in r["韩立新"] and "spoke" in r["裴晓东"]


def test_a_mongolian_name_and_leaders_named_after_the_word_for_those_concerned():
    art = extract(
        "河东旗举行乡友恳谈会",
        "5月8日,河东旗举行乡友恳谈会。旗委常委、统战部部长巴特楞出席。有关领导陆明参加活动。",
    )
    assert titles(art)["巴特楞"] == ["旗委常委", "统战部部长"]
    assert "陆明" in roles(art)


def test_guests_who_speak_at_a_call_were_there():
    art = extract(
        "韩立新会见榆安集团一行",
        "5月8日,市委书记韩立新会见了榆安集团一行。",
        "韩立新介绍了河东经济社会发展情况。",
        "榆安集团总裁裴晓东表示,将加大在河东的投资。",
    )
    assert roles(art)["裴晓东"] == ["attended"]


def test_what_follows_a_remark_at_a_ceremony_is_a_speech_but_not_an_interview_or_the_chairs_words():
    art = extract(
        "河东镇重点项目开工仪式举行",
        "5月8日,河东镇重点项目开工仪式举行。镇党委书记韩立新主持仪式,榆安包装总经理裴晓东、副区长陆明出席。",
        "韩立新在主持仪式时说,项目是发展的关键。",
        "裴晓东表示在镇党委、政府的支持下,企业一定能落地生根。",
        "陆明接受采访时表示:今年全区将加快项目建设。",
    )
    r = roles(art)
    assert "spoke" not in r["韩立新"]
    assert "spoke" in r["裴晓东"]
    assert "spoke" not in r["陆明"]


def test_setting_out_the_work_and_reporting_progress_at_a_meeting_are_speeches():
    art = extract(
        "全市防汛调度会召开",
        "6月2日,全市防汛调度会召开。市委书记韩立新主持会议,市长裴晓东作工作安排。副市长陆明通报了全市项目建设进展。",
        "会后,县长汪建国对下步工作提出要求。",
    )
    r = roles(art)
    assert "spoke" in r["裴晓东"]
    assert "spoke" in r["陆明"]
    assert "spoke" in r["汪建国"]


def test_who_attended_and_then_signed_with_a_company_signed():
    art = extract(
        "河东区副区长赴外地招商",
        "1月6日,副区长韩立新带队参加企业家座谈会,并与榆安恒达能源有限公司就河东生物质发电项目进行签约。",
    )
    assert "signed" in roles(art)["韩立新"]


def test_a_description_in_front_of_a_company_is_no_part_of_its_name():
    art = extract(
        "河东区副区长赴外地招商",
        "1月7日,韩立新与河东区重点引进企业广州榆安新能源有限公司总裁裴晓东就项目进展进行交流。",
    )
    names = {o.name for o in art.organizations}
    assert "广州榆安新能源有限公司" in names


def test_what_two_parties_sign_an_agreement_about_is_the_project_signed():
    art = extract(
        "河东县与榆安控股签署战略合作协议",
        "4月21日,河东县人民政府与香港榆安控股有限公司就桑果产业融合发展项目签署合作框架协议。",
    )
    assert [(s.project, s.parties) for s in art.signings] == [
        ("桑果产业融合发展项目", ["河东县人民政府", "香港榆安控股有限公司"])]


def test_posts_after_a_short_company_name_a_second_posts_jian_and_a_hometown_association():
    art = extract(
        "河东区举行项目集中签约仪式",
        "5月8日,河东区举行项目集中签约仪式。旅台江西同乡总会副会长何一鸣、河东数码港总经理陆明、榆安科金董事长汪建国,"
        "区委常委、副区长,兼河东经济开发区工委委员裴晓东出席。",
    )
    t = titles(art)
    assert t["何一鸣"][0].endswith("同乡总会副会长")
    assert t["陆明"] == ["总经理"]
    assert t["汪建国"] == ["董事长"]
    assert t["裴晓东"][-1] == "河东经济开发区工委委员"


def test_a_stock_code_in_brackets_opens_no_title():
    art = extract(
        "省领导会见港商",
        "3月18日,省委书记韩立新会见了香港榆安化工集团(0999)董事局主席裴晓东一行。",
    )
    assert titles(art)["裴晓东"] == ["董事局主席"]


def test_a_call_on_a_councils_speaker_is_still_a_call():
    art = extract(
        "河東副市長韓立新會見榆安縣議會議長陳立德一行",
        "5月8日,河東市副市長韓立新會見了榆安縣議會議長陳立德一行。",
        "韓立新首先介紹了河東的發展情況。",
        "陳立德表示,希望雙方加強交流。",
    )
    assert "spoke" not in roles(art)["陳立德"]


def test_titles_closing_a_clause_go_to_the_person_the_next_clause_names():
    art = extract(
        "韩立新会见榆安集团客人",
        "3月10日,市委书记韩立新会见了河西控股集团公司党委委员、副总裁,榆安集团党委书记、董事长裴晓东一行。",
    )
    assert set(titles(art)["裴晓东"]) == {"党委委员", "副总裁", "党委书记", "董事长"}


def test_an_opening_phrase_and_a_provinces_name_are_no_part_of_a_title():
    art = extract(
        "河东项目开工",
        "随着市委书记韩立新宣布项目开工,台湾新竹市议会议长陈立德出席。",
    )
    t = titles(art)
    assert t["韩立新"] == ["市委书记"]
    assert t["陈立德"] == ["新竹市议会议长"]


def test_a_person_elected_to_a_post_holds_it():
    art = extract(
        "韩立新当选河东镇镇长",
        "昨日,河东镇人大会议召开。会议选举韩立新为河东镇人民政府镇长。",
    )
    person = next(p for p in art.people if p.name == "韩立新")
    assert [(pos.title, pos.place) for pos in person.positions] == [("镇长", "河东镇")]


def test_a_town_heads_place_is_the_town_not_the_town_and_its_level_again():
    art = extract("河东镇召开会议", "5月8日,河东镇镇长韩立新、河西乡乡长陆明出席会议。")
    places = {p.name: [pos.place for pos in p.positions] for p in art.people}
    assert places == {"韩立新": ["河东镇"], "陆明": ["河西乡"]}


def test_a_chairman_calling_on_officials_and_a_chief_executive_are_named():
    art = extract(
        "河西集团董事长韩立新拜会河东区委书记杲明",
        "9月19日,河西集团董事长韩立新拜会河东区委书记杲明,区委副书记、区长陆明。河西海外发展行政总裁裴晓东参加活动。",
    )
    t = titles(art)
    assert t["韩立新"] == ["董事长"]
    assert t["杲明"] == ["区委书记"]
    assert t["裴晓东"] == ["行政总裁"]


def test_who_passes_on_a_higher_meetings_decisions_speaks():
    art = extract(
        "河东区召开干部大会",
        "3月2日,河东区召开干部大会。区委书记韩立新主持。区委副书记裴晓东传达了市委全会精神。",
    )
    assert "spoke" in roles(art)["裴晓东"]


def test_a_body_named_in_quotation_marks_keeps_its_post_beside_the_next():
    art = extract(
        "河东街道召开“大党委”成立大会",
        "5月8日,河东街道召开“大党委”成立大会。“大党委”书记、街道办事处主任韩立新出席并讲话。",
    )
    assert titles(art)["韩立新"] == ["“大党委”书记", "街道办事处主任"]


def test_a_county_head_taking_the_oath_is_named():
    art = extract("河東縣長宣誓就職", "第9屆河東縣長陳立溱宣誓就職,隨後發表談話。")
    assert titles(art) == {"陳立溱": ["河東縣長"]}


def test_a_name_before_and_and_verbs_before_a_title_are_no_part_of_it():
    art = extract(
        "河東特區舉行合作備忘錄交換儀式",
        "5月8日,行政長官韓立新及河西氣象局局長陳立德見證。考察團由該會理事長裴曉東擔任團長。因此委派省府秘書長陸明出席。",
    )
    t = titles(art)
    assert t["陳立德"] == ["河西氣象局局長"]
    assert t["裴曉東"] == ["理事長", "團長"]
    assert t["陸明"] == ["省府秘書長"]


def test_a_local_sites_column_named_today_in_its_place_places_its_officials(tmp_path):
    from loaders.batch import extract_one

    page = tmp_path / "a.txt"
    page.write_text("首页 > 今日河东 > 政务要闻\n\n区长韩立新主持召开区长办公会\n\n"
                    "3月1日,区长韩立新主持召开区长办公会。副区长裴晓东出席。\n", encoding="utf-8")
    art = extract_one(page, lexicon=None).document.articles[0]
    places = {p.name: [pos.place for pos in p.positions] for p in art.people}
    assert places["韩立新"] == ["河东区"]


def test_the_visit_verb_is_no_part_of_the_company_visited_and_a_visiting_partys_head_keeps_its_title():
    art = extract(
        "河东市领导赴外地招商",
        "5月24日,市委书记韩立新率队考察上海榆安集团滨江购物公园项目。考察团团长裴晓东介绍情况。",
    )
    assert "上海榆安集团" in {o.name for o in art.organizations}
    assert titles(art)["裴晓东"] == ["考察团团长"]


def test_foreign_names_joined_by_a_dot_and_a_photos_order_and_a_numbered_bureau_before_titles():
    art = extract(
        "河東市舉辦國際市長論壇",
        "5月8日,論壇開幕。榆安市副市長阿南達•杜拉松、河西市市長謝里夫•安瓦爾•哈米德出席。",
        "(左起)總會長陳立德出席。中建九局党委副书记郭立军致辞。",
    )
    t = titles(art)
    assert t["阿南達•杜拉松"] == ["榆安市副市長"]
    assert t["謝里夫•安瓦爾•哈米德"] == ["河西市市長"]
    assert t["陳立德"] == ["總會長"]
    assert t["郭立军"] == ["党委副书记"]


def test_a_delegations_heads_who_lead_it_in_were_there_and_the_surname_sai():
    art = extract(
        "行政長官會見訪問團",
        "5月8日,行政長官韓立新會見了訪問團。",
        "訪問團由榆安省省長陳立德、河西市市長林明等率團抵達。",
        "副市长陆明与榆安高速集团副总经理赛志强代表双方签署了合作协议。",
    )
    r = roles(art)
    assert "陳立德" in r and "林明" in r
    assert titles(art)["赛志强"] == ["副总经理"]
