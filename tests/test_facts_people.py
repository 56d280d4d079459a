from tests.facts_helpers import extract, roles, titles


def test_title_chain_gives_each_title():
    art = extract("会议召开", "7月26日上午,区委副书记、区长刘晓璐主持会议,区委常委、办公室主任张天峰出席。")
    assert titles(art) == {"刘晓璐": ["区委副书记", "区长"], "张天峰": ["区委常委", "办公室主任"]}


def test_one_title_shared_by_a_list():
    art = extract("会议召开", "副区长李涛、李秋菊、李冬光在我区分会场收看会议实况。")
    assert titles(art) == {"李涛": ["副区长"], "李秋菊": ["副区长"], "李冬光": ["副区长"]}


def test_titles_keep_their_organ_as_written():
    art = extract(
        "会议召开",
        "区委常委、政法委书记张瑞刚,副区长、区公安局局长李涛,区人民法院院长何艳真,"
        "区检察院检察长王光永,区政协副主席张健民,区公安分局政委颜伟,开发区管委会主任孙殿镇出席会议。",
    )
    assert titles(art) == {
        "张瑞刚": ["区委常委", "政法委书记"],
        "李涛": ["副区长", "区公安局局长"],
        "何艳真": ["区人民法院院长"],
        "王光永": ["区检察院检察长"],
        "张健民": ["区政协副主席"],
        "颜伟": ["区公安分局政委"],
        "孙殿镇": ["开发区管委会主任"],
    }


def test_executive_after_company_name():
    art = extract("签约", "创普斯(深圳)新能源科技有限公司投资总经理朱海防出席签约仪式并讲话。")
    person = art.people[0]
    assert person.name == "朱海防"
    assert person.kind == "executive"
    assert person.positions[0].title == "投资总经理"
    assert person.positions[0].org == "创普斯(深圳)新能源科技有限公司"


def test_compound_surnames_and_names_that_are_words():
    art = extract(
        "学习",
        "区委副书记、区长高峰,区委常委、政法委书记司马立新,副区长欧阳琳、上官婷,区委常委、常务副区长王文明同志出席。",
    )
    assert set(titles(art)) == {"高峰", "司马立新", "欧阳琳", "上官婷", "王文明"}


def test_nobody_without_a_name():
    art = extract("会议召开", "区直有关部门负责同志参加会议。县委书记对此高度重视。书记信箱和县长热线要及时回复。")
    assert art.people == []


def test_titles_of_a_nameless_clause_carry_to_the_next():
    art = extract("活动", "区委常委、副主任,区总工会主席张克全参加活动。")
    assert "区总工会主席" in titles(art)["张克全"]


def test_traditional_text_is_read_and_reported_as_written():
    art = extract("開工", "區委副書記、區長高峰宣布項目開工,副區長上官婷主持儀式。")
    assert titles(art) == {"高峰": ["區委副書記", "區長"], "上官婷": ["副區長"]}


def test_every_fact_says_where_it_came_from():
    art = extract("会议召开", "副区长李涛出席会议。")
    person = art.people[0]
    assert person.sentence == "副区长李涛出席会议。"
    assert person.rule and person.positions[0].rule
    assert art.events[0].attendees[0].sentence == "副区长李涛出席会议。"


def test_place_names_and_organs_holding_stop_characters():
    art = extract(
        "会议召开",
        "和平街道党工委书记刘强,区住房和城乡建设局局长赵六,副区长李涛和区长王五出席。",
    )
    assert titles(art) == {
        "刘强": ["和平街道党工委书记"],
        "赵六": ["区住房和城乡建设局局长"],
        "李涛": ["副区长"],
        "王五": ["区长"],
    }


def test_words_after_a_title_are_not_names():
    art = extract("学习", "会议指出,习近平总书记强调,要坚持高质量发展。")
    assert art.people == []


def test_concurrent_titles_joined_by_jian_are_two_positions():
    art = extract(
        "签约",
        "某某新能源集团有限公司董事长兼总裁伍一平致辞,副县长兼县公安局局长石二河参加。",
    )
    assert titles(art) == {"伍一平": ["董事长", "总裁"], "石二河": ["副县长", "县公安局局长"]}
    assert {p.name: p.kind for p in art.people}["伍一平"] == "executive"


def test_title_after_a_reference_to_the_company_drops_the_reference():
    art = extract("视察", "视察组听取了该公司总经理庞一飞关于生产经营情况的介绍。")
    assert titles(art) == {"庞一飞": ["总经理"]}


def test_less_common_surnames_and_given_names_with_xiang():
    art = extract(
        "会议召开",
        "县委副书记、县长苗向东致辞,镇长阎春光,县总工会主席荀子明,总经理习一文,县委副书记倪向荣出席。",
    )
    assert set(titles(art)) == {"苗向东", "阎春光", "荀子明", "习一文", "倪向荣"}


def test_names_with_rare_characters_outside_the_basic_block():
    art = extract("调研", "副县长韩䶮,县发改局局长邬东升陪同调研。")
    assert titles(art) == {"韩䶮": ["副县长"], "邬东升": ["县发改局局长"]}


def test_a_preposition_surname_before_a_time_word_is_no_name():
    art = extract("调研", "县委书记于近日到我县调研。副县长于晓东陪同。")
    assert titles(art) == {"于晓东": ["副县长"]}


def test_names_that_are_also_words_where_they_close_a_list_item():
    art = extract("会议", "县政协副主席关心,副县长杨柳、白雪出席会议。这离不开县委书记关心支持。")
    assert titles(art) == {"关心": ["县政协副主席"], "杨柳": ["副县长"], "白雪": ["副县长"]}


def test_three_character_name_ending_on_a_function_character():
    art = extract("会议", "副区长陈默、阿不都,区长王五出席。")
    assert titles(art)["阿不都"] == ["副区长"]


def test_names_without_a_common_surname_in_a_shared_title_list():
    art = extract("会议", "副县长陈默、买买提、热合曼出席,有关部门负责人、各乡镇主要负责同志参加。")
    assert titles(art) == {"陈默": ["副县长"], "买买提": ["副县长"], "热合曼": ["副县长"]}


def test_regional_executive_title_and_data_organ():
    art = extract(
        "揭牌",
        "远帆(宁波)物流科技有限公司副总经理孙少、华北区域总监杨柳参加仪式。",
        "副市长叶青与市大数据中心主任吕程、区国有资产服务中心主任王五、县乡村振兴局局长赵六共同揭牌。",
    )
    got = titles(art)
    assert got["杨柳"] == ["华北区域总监"]
    assert got["吕程"] == ["市大数据中心主任"]
    assert got["王五"] == ["区国有资产服务中心主任"]
    assert got["赵六"] == ["县乡村振兴局局长"]


def test_a_name_that_is_a_word_before_a_speech_verb():
    art = extract("签约", "公司总经理杨柳表示,将加快建设。会议指出,习近平总书记强调,要坚持高质量发展。")
    assert titles(art) == {"杨柳": ["总经理"]}



def test_a_post_written_with_and_without_its_place_is_one_position() -> None:
    art = extract(
        "清河市委书记程远帆到柳溪县调研",
        "5月8日,市委书记程远帆到柳溪县调研,副县长姚文、县长助理郭平陪同。",
    )
    assert titles(art)["程远帆"] in (["清河市委书记"], ["市委书记"])
    assert titles(art)["姚文"] == ["副县长"]


def test_names_that_run_into_a_verb_or_the_next_company():
    art = extract(
        "考察团来访",
        "市领导韩立新、裴晓东、岑可为、闵德昭接待考察团一行。"
        "市委常委、常务副市长祝云山采取暗访方式检查节前安全。"
        "市委副书记、市长宇向明集团公司党委书记、董事长衡志远出席仪式。",
    )
    found = titles(art)
    assert {"韩立新", "裴晓东", "岑可为", "闵德昭", "祝云山", "宇向明", "衡志远"} <= set(found)
    assert found["祝云山"] == ["市委常委", "常务副市长"]
    assert found["宇向明"] == ["市委副书记", "市长"]


def test_ranks_and_taiwan_offices_are_titles():
    art = extract(
        "典礼举行",
        "区政府二级调研员濮文涛出席。由侨务委员会委员长柯明哲担任监交,防卫部指挥官卢振邦到场。",
    )
    assert titles(art) == {
        "濮文涛": ["区政府二级调研员"],
        "柯明哲": ["侨务委员会委员长"],
        "卢振邦": ["防卫部指挥官"],
    }


def test_a_third_character_that_could_follow_a_name_is_the_name_s_own_on_a_tie():
    art = extract("会见", "市委书记俞东来在会见时指出,要加快项目建设。")
    assert set(titles(art)) == {"俞东来"}


def test_names_before_先生_or_委托_and_a_rank_before_a_name():
    art = extract(
        "开工仪式",
        "河东建设集团董事长韩立新先生出席。受县委书记裴晓东委托,县长岑可为讲话。市发改委副县级干部闵德昭参加。",
    )
    found = titles(art)
    assert found["韩立新"] == ["董事长"] and found["裴晓东"] == ["县委书记"]
    assert found["闵德昭"] == ["市发改委副县级干部"]


def test_the_name_after_和_closes_the_list_and_shares_its_title():
    art = extract(
        "签约仪式",
        "市领导韩立新、裴晓东和岑可风出席。副区长闵德昭和祝云山参加。区委书记衡志远和区长宇向明主持。",
    )
    assert titles(art) == {
        "韩立新": [], "裴晓东": [], "岑可风": [],
        "闵德昭": ["副区长"], "祝云山": ["副区长"],
        "衡志远": ["区委书记"], "宇向明": ["区长"],
    }


def test_chief_officers_are_executives():
    art = extract("座谈会", "河东集团首席运营官夏欣跃、河西科技执行董事马和平等企业家先后发言。")
    assert {(p.name, p.kind) for p in art.people} == {("夏欣跃", "executive"), ("马和平", "executive")}


def test_a_verb_of_visiting_or_carrying_out_is_not_part_of_the_title():
    art = extract(
        "拜访",
        "区长韩立新专程拜访市国资委主任裴晓东。会议要求贯彻落实省委书记岑可风讲话精神。",
    )
    found = titles(art)
    assert found["裴晓东"] == ["市国资委主任"] and found["岑可风"] == ["省委书记"]


def test_rarer_surnames_after_a_title():
    art = extract(
        "会议召开",
        "县委副书记代瑜、州政府副州长字德海、省农业农村厅副厅长步涛、县委书记蹇泽西、协会理事长粘清泉出席。",
    )
    assert set(titles(art)) == {"代瑜", "字德海", "步涛", "蹇泽西", "粘清泉"}


def test_a_date_a_with_and_the_party_s_name_stay_out_of_titles():
    art = extract(
        "会议召开",
        "按照5月6日市委代理书记、市长韩立新在会上的要求。縣長岑可風偕副縣長王瑞德出席。"
        "中共河东区委副书记衡志远,中共中央政治局委员祝云山参加。",
    )
    assert titles(art) == {
        "韩立新": ["市委代理书记", "市长"],
        "岑可風": ["縣長"], "王瑞德": ["副縣長"],
        "衡志远": ["区委副书记"], "祝云山": ["中共中央政治局委员"],  # 河东区 kept as the place
    }


def test_a_name_no_word_of_ours_closes_is_read_by_the_tagger():
    art = extract(
        "会见",
        "市长郭建民访河东集团。协会主席骆钧平简要回顾一年来的工作。州委书记虢文山作批示。",
    )
    found = titles(art)
    assert found["郭建民"] == ["市长"] and found["骆钧平"] == ["协会主席"]
    assert found["虢文山"] == ["州委书记"]


def test_leaders_listed_under_a_rank_or_a_company():
    art = extract("开工仪式", "在家县级领导韩立新、裴晓东、岑可风出席。")
    assert set(titles(art)) == {"韩立新", "裴晓东", "岑可风"}


def test_a_prefecture_named_with_和_and_a_province_before_a_city_s_committee():
    art = extract(
        "签约仪式",
        "中共和田地委书记韩立新、中共和田地委副书记、和田市委书记裴晓东出席。"
        "董事长岑可风与青海省海东市委副书记、市长祝云山座谈。江西省委宣传部副部长衡志远出席。",
    )
    assert titles(art) == {
        "韩立新": ["和田地委书记"], "裴晓东": ["和田地委副书记", "市委书记"],
        "岑可风": ["董事长"], "祝云山": ["市委副书记", "市长"], "衡志远": ["省委宣传部副部长"],
    }


def test_an_association_s_officers():
    art = extract(
        "到访商会",
        "河東市訪問團由市長韓立新帶領拜會本地商會,該會會長邱文德,副會長庞志鸿,常務理事任德宽、苗振邦,理事葉佩珊等接待。"
        "南洋華人商會聯合總會總會長林美君致詞。韓立新另以視訊方式會晤全國政協常委周啟明。",
    )
    assert titles(art) == {
        "韓立新": ["市長"], "邱文德": ["會長"], "庞志鸿": ["副會長"], "任德宽": ["常務理事"],
        "苗振邦": ["常務理事"], "葉佩珊": ["理事"], "林美君": ["南洋華人商會聯合總會總會長"],
        "周啟明": ["全國政協常委"],
    }


def test_candidates_rostrum_and_a_function_word_inside_a_given_name():
    art = extract(
        "会议",
        "会议由县长韩立新主持,县领导裴晓东、岑可风、 祝云山、衡志远到会。区政协主席宇向明讲话,副主席候选人闵德昭、"
        "夏欣跃,秘书长马其龙列席。副县长张为民出席。书记王为大家讲话。河东钢铁(集团)党委书记、董事长邝一辉出席。"
        "縣長黃志明主持,主任秘書蘇文昌、參議葉志平出席。离退休干部代表应邀出席。",
    )
    assert titles(art) == {
        "韩立新": ["县长"], "裴晓东": [], "岑可风": [], "祝云山": [], "衡志远": [], "宇向明": ["区政协主席"],
        "闵德昭": ["副主席候选人"], "夏欣跃": ["副主席候选人"], "马其龙": ["秘书长"], "张为民": ["副县长"],
        "邝一辉": ["党委书记", "董事长"], "黃志明": ["縣長"], "蘇文昌": ["主任秘書"], "葉志平": ["參議"],
    }


def test_those_seated_on_the_rostrum_attended():
    art = extract("会议开幕", "开幕会上,执行主席韩立新、裴晓东、岑可风在台上就座。")
    assert roles(art) == {"韩立新": ["attended"], "裴晓东": ["attended"], "岑可风": ["attended"]}


def test_a_title_without_its_name_in_a_list_is_no_one():
    art = extract("考察", "市商务局局长韩立新、市水利局局长分别向来宾介绍了情况。")
    assert titles(art) == {"韩立新": ["市商务局局长"]}


def test_a_meeting_or_an_oath_after_a_title_is_no_one():
    art = extract("会议", "县政府召开县长周例会。新任議員宣誓就職。縣府昨日召開會報,由縣長陳炳煌主持。縣長陳炳煌指示,颱風季要備妥物資。")
    assert titles(art) == {"陳炳煌": ["縣長"]}


def test_a_married_name_with_two_surnames_where_it_plainly_ends():
    art = extract("宣誓就職", "典禮由議長林黃秀英主持,縣長吳志成出席。书记王李明出席。区长张王出席。")
    assert titles(art) == {"林黃秀英": ["議長"], "吳志成": ["縣長"], "王李明": ["书记"], "张王": ["区长"]}


def test_mongolian_tibetan_and_uyghur_names_after_a_title():
    art = extract(
        "开工",
        "市人民政府副市长巴图孟克讲话,河东县人大常委会主任韩立新出席。市委常委、统战部部长乌兰图雅主持。"
        "县委书记艾力·买买提出席。县长阿不都热依木出席。副县长王力出席。市长阿里巴巴集团考察。",
    )
    assert set(titles(art)) == {"巴图孟克", "韩立新", "乌兰图雅", "艾力·买买提", "阿不都热依木", "王力"}


def test_words_said_at_the_meeting_after_会上_or_at_a_paragraph_s_end():
    art = extract(
        "签约仪式",
        "2月25日,我县举行招商引资项目集中签约仪式,市政府副市长韩立新,县领导裴晓东出席。",
        "市政府副市长韩立新在签约仪式上指出",
        "要抓好项目落地。",
        "会上裴晓东强调,要优化服务。",
    )
    assert roles(art) == {"韩立新": ["attended", "spoke"], "裴晓东": ["attended", "spoke"]}


def test_a_name_between_a_body_and_its_head_s_title():
    art = extract(
        "常务会议",
        "9月20日下午,区政府韩立新区长主持召开区政府常务会议。县委裴晓东书记出席。市委代理书记、市长岑可风出席。",
    )
    assert titles(art) == {"韩立新": ["区长"], "裴晓东": ["书记"], "岑可风": ["市委代理书记", "市长"]}


def test_names_listed_before_等出席_and_leaders_named_in_the_lead():
    art = extract(
        "开工仪式",
        "10月9日,市里邀请返乡企业家座谈,韩立新、裴晓东等市领导与大家共叙乡情。",
        "市长岑可风讲话,祝云山、衡志远、王平、宇向明等出席。发改委、财政局等参加。",
    )
    assert set(roles(art)) == {"韩立新", "裴晓东", "岑可风", "祝云山", "衡志远", "王平", "宇向明"}


def test_a_verb_before_the_attendance_verb_is_no_name():
    art = extract("会议开幕", "政协老干部、各镇联络组组长应邀出席。部分人大代表、政协委员代表参加会议。")
    assert titles(art) == {}


def test_a_visitor_s_kind_is_no_name_and_a_party_s_kind_no_part_of_its_company():
    art = extract(
        "河东县招商引资集中签约",
        "仪式上,县委副书记、县长韩立新、客商代表裴晓东、投资企业河东瑞丰能源集团董事长汲明远先后发言。",
    )
    assert titles(art) == {"韩立新": ["县委副书记", "县长"], "汲明远": ["董事长"]}
    chairman = next(p for p in art.people if p.name == "汲明远")
    assert chairman.positions[0].org == "河东瑞丰能源集团"
    assert [o.name for o in art.organizations] == ["河东瑞丰能源集团"]


def test_three_untitled_names_or_more_listed_right_before_the_verb_attended():
    art = extract(
        "县长韩立新主持召开县政府第五次常务会议",
        "3月8日,县长韩立新主持召开县政府第五次常务会议。裴晓东、方明远、冯建国、李会生出席会议。",
        "会议听取了招商、建设两个方面的汇报。",
    )
    assert roles(art) == {"韩立新": ["presided"], "裴晓东": ["attended"], "方明远": ["attended"],
                          "冯建国": ["attended"], "李会生": ["attended"]}
    two = extract("会议", "3月8日,县长韩立新主持召开会议。招商、建设出席会议。")
    assert [p.name for p in two.people] == ["韩立新"]


def test_whom_someone_welcomes_and_a_dotted_name_with_a_common_character():
    art = extract(
        "两地签署多项合作协议",
        "河东特区行政长官韩立新7日在政府总部欢迎榆安市市长裴晓东率领的代表团一行。",
        "新和县委副书记阿布都·卡地尔汇报项目基本情况。",
    )
    assert titles(art) == {"韩立新": ["河东特区行政长官"], "裴晓东": ["榆安市市长"], "阿布都·卡地尔": ["县委副书记"]}


def test_a_stop_before_a_city_named_with_a_town_character_still_ends_the_title():
    art = extract("会议", "仪式由萍乡市委常委、宣传部部长韩立新主持。会议由和平街道党工委书记裴晓东主持。")
    assert titles(art) == {"韩立新": ["市委常委", "宣传部部长"], "裴晓东": ["和平街道党工委书记"]}


def test_a_federation_s_posts_belong_to_the_federation():
    art = extract("座谈会", "河东市榆安企业联合会会长韩立新,河东市榆安企业联合会轮值会长裴晓东出席座谈会。")
    posts = {p.name: [(x.title, x.org) for x in p.positions] for p in art.people}
    assert posts == {"韩立新": [("会长", "河东市榆安企业联合会")], "裴晓东": [("轮值会长", "河东市榆安企业联合会")]}


def test_names_listed_before_the_association_leaders_and_business_people_they_are():
    art = extract(
        "河东县召开中秋恳谈会",
        "9月20日,河东县召开中秋恳谈会。县委书记方明远出席并讲话。",
        "韩立新、綦晓东、冯建国、李会生等商会负责人及企业家代表先后发言。",
    )
    assert roles(art) == {"方明远": ["attended", "spoke"], "韩立新": ["spoke"], "綦晓东": ["spoke"],
                          "冯建国": ["spoke"], "李会生": ["spoke"]}


def test_audit_customs_and_editorial_titles_rare_surnames_and_words_after_a_name():
    art = extract(
        "会见",
        "审计长欧阳明、海关关长何立平、管委会主任公晓峰、县政协主席禄建军出席。",
        "由日报编委翁新宇率领的记者团到河东采访,镇长李玉成随行。",
        "青禾果蔬有限公司总经理刘新华认为,河东的气候适合种植。",
    )
    assert {"欧阳明", "何立平", "公晓峰", "禄建军", "翁新宇", "李玉成", "刘新华"} <= set(titles(art))
    assert titles(art)["何立平"] == ["海关关长"] and titles(art)["翁新宇"][0].endswith("编委")


def test_village_heads_executive_chairmen_a_clause_joined_by_er_and_a_kazakh_name():
    art = extract(
        "开工",
        "东港村村长洪立新、青禾集团执行董事长汪明出席。",
        "副区长张立平主持,而区委副书记王益新讲话。",
        "地委委员,市委副书记、市长别克·巴合提汗宣布开工。",
    )
    found = titles(art)
    assert found["洪立新"][0].endswith("村长") and found["汪明"] == ["执行董事长"]
    assert found["王益新"] == ["区委副书记"] and "市长" in found["别克·巴合提汗"]


def test_a_full_name_before_the_title_it_is_addressed_by_and_a_banner_s_leaders():
    art = extract(
        "座谈",
        "座谈会上,修立成会长首先介绍了商会的情况。",
        "大会由经济开发区王彦新主任主持。",
        "旗领导白立柱、程鹏刚、吴青山在主席台前排就座。",
        "会议传达了习近平总书记的讲话精神,赖总会长和邱立远代理市长出席。",
    )
    found = titles(art)
    assert found["修立成"] == ["会长"] and found["王彦新"] == ["主任"]
    assert {"白立柱", "程鹏刚", "吴青山"} <= set(found)
    assert not {"习近平", "赖总", "邱立远代理"} & set(found)


def test_two_surnames_opening_a_word_are_no_married_name():
    art = extract("出席", "县领导王飞、孙克勇及相关部门负责人参加。潘友华董事长简要介绍了集团的发展。")
    assert "相关部门" not in titles(art) and "简要" not in titles(art)


def test_a_married_name_joined_to_the_next_signer_is_whole():
    art = extract(
        "兩地簽署合作協議",
        "在副司長見證下,事務局局長陳黃秀蘭和辦公室主任李國強簽署協議書。",
    )
    assert {"陳黃秀蘭", "李國強"} <= {p.name for p in art.people}


def test_a_clause_that_ends_on_said_ends_on_the_verb_not_a_third_character():
    art = extract("政企交流会", "座谈会上,区委书记韩立说,河东的发展需要大企业,也需要小企业。")
    assert [p.name for p in art.people] == ["韩立"]
    assert "spoke" in roles(art).get("韩立", [])


def test_a_verb_run_into_a_title_is_no_part_of_it():
    art = extract("招商考察", "5月6日,县长韩立新率县委常委、副县长裴晓东赴沿海考察。")
    assert "县委常委" in titles(art)["裴晓东"]
    interview = extract("专访", "记者专访河东县委书记黄一鸣。黄一鸣表示,将加快项目建设。")
    assert titles(interview)["黄一鸣"] == ["河东县委书记"]


def test_words_that_are_never_names_stay_so_in_lists_and_before_参加():
    art = extract(
        "集中签约",
        "市委书记韩立新,市委常委、常务副市长,园区领导班子、机关干部职工参加。",
        "副区长裴晓东、招商部门负责人全程参加。",
    )
    assert {p.name for p in art.people} == {"韩立新", "裴晓东"}


def test_a_mongolian_name_with_琴_after_a_title_is_whole():
    art = extract("项目开工", "旗委副书记、旗长斯琴巴图宣布项目开工。")
    assert [p.name for p in art.people] == ["斯琴巴图"]


def test_given_names_with_从_or_之_in_the_middle_are_names():
    art = extract(
        "招商考察",
        "6月3日,河东县政府县长韩从军,副县长裴晓东一行到访远航集团。",
        "州长黄之江对远道而来的客商表示欢迎。",
        "市委书记次仁旺堆一行到项目现场调研。",
    )
    assert {"韩从军", "黄之江", "次仁旺堆"} <= {p.name for p in art.people}


def test_a_married_name_the_article_writes_whole_again_is_her_name():
    art = extract(
        "行政長官陳黃率團訪問河東",
        "行政長官陳黃秀蘭今日(5月6日)在河東拜會省長韓立新。",
        "陳黃秀蘭表示,兩地經貿關係密切。",
    )
    names = {p.name for p in art.people}
    assert "陳黃秀蘭" in names and "陳黃" not in names


def test_a_title_written_between_surname_and_given_name_names_the_whole_person():
    art = extract(
        "副首長會議",
        "會議於河東市登場,河東市林副市長瑞彥、榆安縣周副縣長傑、河西縣陳副縣長見賢出席。",
        "盧市長表示,各縣市將加強合作。",
    )
    found = titles(art)
    assert found["林瑞彥"] == ["副市長"] and found["周傑"] == ["副縣長"] and found["陳見賢"] == ["副縣長"]
    assert not any(name.endswith("表示") for name in found)


def test_a_verb_before_a_place_is_no_transliterated_name():
    art = extract("招商洽谈会", "州委副书记韩立新希望各企业负责人来格尔木实地考察,加强合作。")
    assert {p.name for p in art.people} == {"韩立新"}


def test_members_of_a_body_listed_by_name_before_等_are_people():
    art = extract(
        "县政府常务会议召开",
        "5月1日,县长韩立新主持召开县人民政府第八次常务会议,裴晓东、黄一鸣、何晓东等县人民政府常务会议组成人员出席。",
    )
    assert {"裴晓东", "黄一鸣", "何晓东"} <= {p.name for p in art.people}
