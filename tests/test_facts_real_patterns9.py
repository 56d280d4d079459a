from tests.facts_helpers import extract, roles


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
