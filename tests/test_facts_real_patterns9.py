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
