from tests.facts_helpers import extract, roles


def test_roles_follow_the_verb_of_each_group():
    art = extract(
        "台儿庄区人民政府与某某新能源项目签约仪式举行",
        "7月26日上午,区委书记彭照辉,某某新能源科技有限公司投资总经理朱海防出席签约仪式并讲话,"
        "区委副书记、区长刘晓璐主持签约仪式,区委常委、办公室主任张天峰,副区长杨庸参加。",
        "彭照辉代表区委、区政府对朱海防一行到来表示欢迎。他说,今天的签约是重要成果。",
        "仪式上,某某新能源科技有限公司投资总经理朱海防与副区长杨庸代表双方签署了协议。",
    )
    assert roles(art) == {
        "彭照辉": ["attended", "spoke"],
        "朱海防": ["attended", "spoke", "signed"],
        "刘晓璐": ["presided"],
        "张天峰": ["attended"],
        "杨庸": ["attended", "signed"],
    }
    event = art.events[0]
    assert event.type == "signing"
    assert event.date == "2023-05-10"


def test_meeting_in_a_branch_venue():
    art = extract("全市疫情防控工作调度视频会议召开", "7月26日,全市疫情防控工作调度视频会议召开,副区长李秋菊在我区分会场参加会议。")
    event = art.events[0]
    assert event.type == "meeting"
    assert event.place == "我区分会场"
    assert roles(art) == {"李秋菊": ["attended"]}


def test_witnesses_and_object_verbs():
    art = extract(
        "签约",
        "副区长刘晓燕出席并见证签约,镇长谭红梅主持签约仪式。",
        "仪式上,在韩立军、上官文等县领导的见证下,县长罗金山代表县政府与华辰智能装备有限公司总经理何晓东签约。",
    )
    r = roles(art)
    assert r["刘晓燕"] == ["attended", "witnessed"]
    assert r["谭红梅"] == ["presided"]
    assert r["罗金山"] == ["signed"] and r["何晓东"] == ["signed"]


def test_inspection_with_escorts():
    art = extract(
        "副区长陈金山到项目现场调研",
        "8月18日下午,副区长陈金山到项目现场调研,区发展改革局局长吴涛、经开区管委会副主任周海涛陪同调研。",
    )
    assert art.events[0].type == "inspection"
    assert set(roles(art)) == {"陈金山", "吴涛", "周海涛"}


def test_reported_speech_adds_nobody():
    art = extract(
        "会议召开",
        "会议传达学习了省委书记王五在全省会议上的讲话精神。副区长金山出席会议并讲话。",
    )
    assert roles(art) == {"金山": ["attended", "spoke"]}


def test_no_event_without_attendees():
    art = extract("加强文化市场巡查", "区文化市场执法大队抓好文化市场巡查工作。")
    assert art.events == []


def test_reported_clause_inside_an_attendance_sentence():
    art = extract(
        "会议召开",
        "会议传达学习了市委书记王五在全市会议上的讲话精神,区委书记张三主持会议并讲话。",
    )
    assert roles(art) == {"张三": ["presided", "spoke"]}


def test_announcing_a_start_is_presence_not_a_speech():
    art = extract(
        "项目开工仪式举行",
        "县委书记贺一林宣布项目开工,县委副书记、县长苗向东致辞,县委常委、常务副县长甄一平主持仪式。",
    )
    got = roles(art)
    assert got["贺一林"] == ["attended"]
    assert "spoke" in got["苗向东"]
    assert got["甄一平"] == ["presided"]


def test_escorts_and_non_voting_attendees_attended():
    art = extract(
        "会议召开",
        "县人大常委会主任邵一才主持会议。副县长邢一娜,县法院院长蓝一海列席会议。",
        "桃源镇党委书记万一里、镇长阎春光陪同。",
    )
    assert roles(art)["邢一娜"] == ["attended"]
    assert roles(art)["蓝一海"] == ["attended"]
    assert roles(art)["阎春光"] == ["attended"]


def test_exchange_speeches_on_a_study_theme_are_speaking():
    art = extract(
        "中心组学习",
        "县委书记张三主持。县委常委、组织部部长刘一,县委常委、宣传部部长陈二出席。",
        "会上,刘一、陈二围绕学习主题作交流发言。",
    )
    got = roles(art)
    assert "spoke" in got["刘一"] and "spoke" in got["陈二"]


def test_hosts_who_receive_a_party_and_guests_at_a_ceremony_attended():
    art = extract(
        "考察团来访",
        "市领导韩立新、裴晓东接待考察团一行。",
        "就职典礼在县礼堂举行,立委卢振邦、前署长柯明哲到场观礼。",
    )
    found = roles(art)
    assert found["韩立新"] == ["attended"] and found["裴晓东"] == ["attended"]
    assert found["卢振邦"] == ["attended"] and found["柯明哲"] == ["attended"]


def test_a_dated_lead_names_who_was_there_without_a_role_verb():
    art = extract(
        "县领导参加义务植树活动",
        "3月12日上午,县委书记韩立新,县委副书记、县长裴晓东等县领导到城郊林场参加义务植树。",
    )
    assert roles(art) == {"韩立新": ["attended"], "裴晓东": ["attended"]}


def test_a_speech_and_words_of_praise_are_spoken():
    art = extract(
        "双城论坛举行",
        "论坛上午举行,副市长韩立新和对方副市长裴晓东进行演讲。",
        "韩立新对两市的合作表示赞扬。",
    )
    found = roles(art)
    assert "spoke" in found["韩立新"] and "spoke" in found["裴晓东"]


def test_the_leader_on_whose_behalf_someone_acts_was_not_there():
    art = extract("常委会会议召开", "1月12日,受县委书记韩立新委托,县委副书记、县长裴晓东主持召开县委常委会会议。")
    assert roles(art) == {"裴晓东": ["presided"]}


def test_warm_words_of_welcome_are_spoken():
    art = extract("签约仪式举行", "5日,河东区举行项目签约仪式。区委书记韩立新出席。韩立新首先对项目签约表示热烈祝贺。")
    assert roles(art)["韩立新"] == ["attended", "spoke"]


def test_known_people_written_with_their_title_after_the_name_take_the_role():
    art = extract(
        "河东县与远航集团签署战略合作协议",
        "3月5日,河东县与河东远航集团签署战略合作协议。县长韩立新,河东远航集团董事长裴晓东出席。",
        "韩立新县长和裴晓东董事长在仪式上相继致辞。",
    )
    assert roles(art) == {"韩立新": ["attended", "spoke"], "裴晓东": ["attended", "spoke"]}


def test_those_who_attend_and_together_witness_witness():
    art = extract(
        "集中签约仪式举行",
        "4月2日,河东县春季重点项目签约活动在县城举行。",
        "市人大常委会副主任韩立新,县领导裴晓东、黄一鸣等参加,共同见证。",
    )
    assert roles(art) == {name: ["attended", "witnessed"] for name in ("韩立新", "裴晓东", "黄一鸣")}


def test_a_signing_listed_among_the_topics_of_talks_signs_nothing():
    art = extract(
        "赴外招商",
        "7月16日,市委书记韩立新,县委书记裴晓东赴远航集团就项目签约、推动项目落地深入对接交流。",
    )
    assert not any("signed" in r for r in roles(art).values())
    assert not art.signings


def test_entrepreneurs_who_speak_their_minds_at_a_forum_spoke():
    art = extract(
        "叙谈会举行",
        "5月20日,河东县举行企业家叙谈会。县委书记韩立新主持。",
        "会上,远航物流有限公司董事长裴晓东、青禾织造有限公司总经理黄一鸣等企业家代表畅所欲言。",
    )
    found = roles(art)
    assert "spoke" in found["裴晓东"] and "spoke" in found["黄一鸣"]


def test_who_passes_on_regards_spoke_and_whose_regards_they_were_was_not_there():
    art = extract(
        "战略合作协议签署",
        "5月8日,河东县人民政府与远航集团签署战略合作协议。远航集团副总经理裴晓东出席签约仪式。",
        "裴晓东转达了集团董事长黄一鸣对双方合作的关心和支持。",
    )
    found = roles(art)
    assert "spoke" in found["裴晓东"]
    assert "黄一鸣" not in found


def test_officials_who_go_along_on_a_visit_attended():
    art = extract(
        "河东县长到访远航集团",
        "5月6日,河东县县长韩立新到访远航集团。副县长裴晓东,县政府办主任黄一鸣等随行到访。",
    )
    assert {"裴晓东", "黄一鸣"} <= set(roles(art))


def test_those_who_hold_talks_and_then_together_witness_witness():
    art = extract(
        "河东县与远航银行签订合作备忘录",
        "5月27日,县委书记韩立新与远航银行行长裴晓东举行工作会谈,并共同见证签约。",
    )
    found = roles(art)
    assert "witnessed" in found["韩立新"] and "witnessed" in found["裴晓东"]
