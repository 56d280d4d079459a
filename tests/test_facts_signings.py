from tests.facts_helpers import extract, titles


def test_ceremony_parties_and_clause_signers_merge():
    art = extract(
        "签约仪式举行",
        "7月26日上午,台儿庄区人民政府与某某新能源科技有限公司举行年产18万吨正极材料项目签约仪式。区委书记彭照辉出席。",
        "仪式上,某某新能源科技有限公司投资总经理朱海防与副区长杨庸代表双方签署了协议。",
    )
    assert len(art.signings) == 1
    s = art.signings[0]
    assert s.project == "年产18万吨正极材料项目"
    assert s.parties == ["台儿庄区人民政府", "某某新能源科技有限公司"]
    assert s.signers == ["朱海防", "杨庸"]
    assert s.date == "2023-05-10"


def test_framework_agreement_without_project():
    art = extract("康养", "薛城区同北京中医药大学枣庄医院签订合作协议,配备基础医疗设施。")
    assert [(s.project, s.parties) for s in art.signings] == [(None, ["薛城区", "北京中医药大学枣庄医院"])]
    kinds = {o.name: o.kind for o in art.organizations}
    assert kinds["北京中医药大学枣庄医院"] == "other"


def test_each_signing_clause_of_a_group_signing():
    art = extract(
        "集中签约仪式",
        "此次集中签约的年产2000台套智能仓储装备项目、中药饮片精深加工项目总投资达11亿元。",
        "仪式上,县委常委、常务副县长罗金山代表县政府与榆安华辰智能装备有限公司总经理何晓东签约;"
        "石桥镇镇长廖明代表镇政府与江苏博远生物医药股份有限公司副总裁唐敏签约。",
        "华辰公司年产2000台套智能仓储装备项目主要生产智能立体仓库;博远医药中药饮片精深加工项目选址石桥镇。",
    )
    got = {s.project: (s.parties, s.signers) for s in art.signings}
    assert got["年产2000台套智能仓储装备项目"] == (["县政府", "榆安华辰智能装备有限公司"], ["罗金山", "何晓东"])
    assert got["中药饮片精深加工项目"] == (["石桥镇政府", "江苏博远生物医药股份有限公司"], ["廖明", "唐敏"])


def test_comma_separated_signings_stay_apart():
    art = extract(
        "签约",
        "此次签约的年产10万吨饲料项目、精密铸件生产项目总投资5亿元。",
        "副县长彭博代表县政府与山东绿丰饲料有限公司总经理何东签约,白鹭镇镇长苏川代表镇政府与山东铸成机械有限公司董事长邹胜签约。",
        "山东绿丰饲料有限公司年产10万吨饲料项目落户开发区,山东铸成机械有限公司精密铸件生产项目选址白鹭镇。",
    )
    got = {s.project: (s.parties, s.signers) for s in art.signings}
    assert got["年产10万吨饲料项目"] == (["县政府", "山东绿丰饲料有限公司"], ["彭博", "何东"])
    assert got["精密铸件生产项目"] == (["白鹭镇政府", "山东铸成机械有限公司"], ["苏川", "邹胜"])


def test_group_signing_files_each_pair_under_the_project_its_company_builds():
    art = extract(
        "集中签约活动举行",
        "年产10GWh储能电池项目由宁远(云山)储能科技有限公司投资建设;"
        "年产2万吨食品级纤维素项目由山东禾远生物科技有限公司投资。",
        "活动现场,高新区管委会主任钱一俊与宁远(云山)储能科技有限公司董事长边一强代表双方签署投资协议;"
        "临河区副区长包一蕾与山东禾远生物科技有限公司副总经理官一峰签约。"
        "副市长闵一刚与中联智造集团有限公司总裁华一康签署战略合作框架协议。",
    )
    by_project = {s.project: set(s.signers) for s in art.signings}
    assert by_project == {
        "年产10GWh储能电池项目": {"钱一俊", "边一强"},
        "年产2万吨食品级纤维素项目": {"包一蕾", "官一峰"},
        None: {"闵一刚", "华一康"},
    }


def test_our_city_is_the_city_government_the_article_names():
    art = extract(
        "我市与华东建工集团签署战略合作框架协议",
        "11月20日,我市与华东建工集团有限公司签署战略合作框架协议。副市长容一海与华东建工集团有限公司副总经理乔一安代表双方签约。",
        "根据协议,安宁市人民政府与华东建工集团将建立高层会商机制。",
    )
    [signing] = art.signings
    assert signing.project is None
    assert signing.parties == ["安宁市人民政府", "华东建工集团有限公司"]
    assert signing.signers == ["容一海", "乔一安"]


def test_group_signing_with_each_company_files_each_project():
    art = extract(
        "集中签约",
        "本报讯 5月9日,全县第二批重点项目集中签约仪式举行。",
        "签约项目有年产5万吨特种纸及纸制品项目、冷链物流园项目。",
        "县长马骏代表县政府,分别与青禾(杭州)纸业有限公司董事长宋河,"
        "浙江远帆供应链集团有限公司总经理郝明签订投资协议。",
    )
    got = {s.project: (s.parties, s.signers) for s in art.signings}
    assert got == {
        "年产5万吨特种纸及纸制品项目": (["县政府", "青禾(杭州)纸业有限公司"], ["马骏", "宋河"]),
        "冷链物流园项目": (["县政府", "浙江远帆供应链集团有限公司"], ["马骏", "郝明"]),
    }
    links = {p.name: p.companies for p in art.projects}
    assert links["冷链物流园项目"] == ["浙江远帆供应链集团有限公司"]


def test_ceremony_project_named_in_a_later_clause():
    art = extract(
        "签约",
        "本报讯 昨日,城西街道办事处与远帆(宁波)环保科技有限公司签约仪式举行,总投资2亿元的年处理5万吨固废综合利用项目正式落户。",
        "城西街道办事处主任钱多代表城西街道办事处,远帆公司总经理孙少代表公司签署合作协议。",
    )
    assert [s.project for s in art.signings] == ["年处理5万吨固废综合利用项目"]
    assert art.signings[0].parties == ["城西街道办事处", "远帆(宁波)环保科技有限公司"]


def test_each_company_signs_for_the_project_of_its_own_clause():
    art = extract(
        "签约喜讯",
        "9月7日,从洽谈会上传来喜讯,河东县在市重点项目签约仪式上与南屿光能控股有限公司签订总投资12亿元的"
        "南屿光伏200MW发电项目、与北岭食品有限公司签订总投资8亿元的北岭食品产业园项目等6个项目,总投资40亿元。",
    )
    signed = {s.project: s.parties for s in art.signings}
    assert signed == {
        "南屿光伏200MW发电项目": ["河东县", "南屿光能控股有限公司"],
        "北岭食品产业园项目": ["河东县", "北岭食品有限公司"],
    }
    companies = {p.name: p.companies for p in art.projects}
    assert companies["北岭食品产业园项目"] == ["北岭食品有限公司"]


def test_names_that_hold_a_stop_character_and_同时_is_no_pair():
    art = extract(
        "签约",
        "经过洽谈,共有东为技术有限公司河东数字大厦项目等5个项目成功签约。",
        "河西区同时与北辰建投集团签署了产业园投资合作协议。",
    )
    assert "东为技术有限公司" in {o.name for o in art.organizations}
    assert ["河西区", "北辰建投集团"] in [s.parties for s in art.signings]
    assert {"河东数字大厦项目": ["东为技术有限公司"]}.items() <= {s.project: s.parties for s in art.signings}.items()


def test_who_witnessed_or_attended_a_signing_did_not_sign():
    art = extract(
        "产业园开园",
        "河东产业园正式开园,首批入园项目同时签约。区委书记韩立新出席活动并见证项目签约。",
        "副市长裴晓东主持召开重点项目集中签约推进会议,各签约方负责人参加。",
    )
    assert all(not s.signers for s in art.signings)
    found = {a.name: a.roles for e in art.events for a in e.attendees}
    assert "signed" not in found.get("韩立新", []) and "signed" not in found.get("裴晓东", [])


def test_a_county_signs_for_each_project_it_lists():
    art = extract(
        "河东县签约7个项目",
        "此次洽谈会上,河东县签约的3个项目分别是:河东森林康养小镇建设项目,总投资3亿元;"
        "河东县大峡谷景区开发建设项目,总投资2亿元;河东县中药材种植基地建设项目。",
    )
    signed = {s.project: s.parties for s in art.signings}
    assert signed == {
        "河东森林康养小镇建设项目": ["河东县"],
        "河东县大峡谷景区开发建设项目": ["河东县"],
        "河东县中药材种植基地建设项目": ["河东县"],
    }


def test_the_parties_representatives_and_words_about_a_signing_sign_nothing():
    art = extract(
        "项目签约活动举行",
        "1月5日,河东市项目签约活动举行。市委书记韩立新,市长裴晓东及项目签约双方代表参加活动。",
        "韩立新首先对项目签约表示热烈祝贺,向现场签约的项目表示祝贺。",
    )
    found = {a.name: a.roles for e in art.events for a in e.attendees}
    assert "signed" not in found["韩立新"] and "signed" not in found["裴晓东"]
    assert "spoke" in found["韩立新"]


def test_two_places_sign_for_their_governments():
    art = extract("投资说明会举行", "去年,河东县与天津市西青区签署战略合作框架协议。")
    assert [(s.project, s.parties) for s in art.signings] == [(None, ["河东县", "天津市西青区"])]


def test_companies_listed_before_与_sign_with_the_zone_the_article_names_in_full():
    art = extract(
        "集中签约仪式举行",
        "12月27日,河东经济开发区举行集中签约仪式。远阳玻璃、万融物流、顺利邦物流等13家企业与开发区签订合作。",
    )
    assert [(s.project, s.parties) for s in art.signings] == [
        (None, ["河东经济开发区", "远阳玻璃", "万融物流", "顺利邦物流"])
    ]


def test_a_head_who_goes_on_to_sign_for_the_government_is_a_signer():
    art = extract(
        "招商引资项目签约仪式举行",
        "2月12日,河东县举行招商引资项目签约仪式。县委副书记、县长韩立新介绍项目情况,并代表县政府与企业负责人签署合作协议。",
    )
    assert [(s.parties, s.signers) for s in art.signings] == [(["县政府"], ["韩立新"])]
    assert "signed" in next(a.roles for e in art.events for a in e.attendees if a.name == "韩立新")


def test_places_that_each_sign_a_listed_project():
    art = extract(
        "签约仪式",
        "随后,东山县、西山县和南山县分别与签约企业签订河东通信集团东山数据中心项目、"
        "河西电气设备有限公司风机制造项目和北方材料科技集团有限公司生态砂产业园项目。",
    )
    signed = {s.project: s.parties for s in art.signings}
    assert signed["东山数据中心项目"] == ["东山县", "河东通信集团"]
    assert signed["风机制造项目"] == ["西山县", "河西电气设备有限公司"]
    assert signed["生态砂产业园项目"] == ["南山县", "北方材料科技集团有限公司"]
    assert "河西电气设备有限公司" in {o.name for o in art.organizations}


def test_what_is_signed_by_name_is_a_project():
    art = extract("签约仪式", "仪式上,白文山代表市政府与东岳科学研究院签订东岳科学研究院海洋监测系统项目。")
    assert [p.name for p in art.projects] == ["东岳科学研究院海洋监测系统项目"]


def test_signers_who_put_their_names_to_an_agreement_and_both_their_bodies():
    art = extract(
        "东平县政府与南湖企业商会签署战略合作协议",
        "座谈结束时,东平县县长韩立新与南湖企业商会会长、中北投资集团总裁裴晓东在合作协议上签字。",
    )
    assert art.signings[0].signers == ["韩立新", "裴晓东"]
    assert {"东平县政府", "南湖企业商会"} <= set(art.signings[0].parties)
    assert titles(art)["裴晓东"] == ["会长", "总裁"]
    assert "南湖企业商会会长中北投资集团" not in {o.name for o in art.organizations}


def test_one_agreement_for_each_project_named_with_its_own():
    art = extract(
        "会后签约",
        "当天,东岳区政府与河西商贸有限公司签订总投资1.2亿元的冷链仓储项目意向协议、"
        "投资6000万元的果蔬分拣项目意向协议及投资2亿元的茶叶和花卉精深加工项目意向协议。",
    )
    signed = {s.project: s.parties for s in art.signings}
    assert set(signed) == {"冷链仓储项目", "果蔬分拣项目", "茶叶和花卉精深加工项目"}
    assert all(parties == ["东岳区政府", "河西商贸有限公司"] for parties in signed.values())


def test_a_quoted_park_signed_for_is_the_project_and_companies_listed_after_with_are_parties():
    park = extract(
        "河東科技園區簽約動土",
        "「河東智慧科技園區」合作開發協議今(12)日上午簽約,縣長韓立新與河西開發公司董事長裴晓东共同簽署協議。",
    )
    assert [(s.project, s.signers) for s in park.signings] == [("河東智慧科技園區", ["韓立新", "裴晓东"])]
    rounds = extract(
        "签约仪式",
        "县政府先与河东集团有限公司、河西微电子股份有限公司签署项目合作协议;"
        "再与东方净化设备有限公司、北方岩土工程有限公司签署项目合作协议。",
    )
    assert rounds.signings[0].parties == [
        "河东集团有限公司", "河西微电子股份有限公司", "东方净化设备有限公司", "北方岩土工程有限公司"]


def test_a_park_whose_signing_ceremony_is_held_is_the_project():
    art = extract(
        "东湖电子工业园落户河东",
        "昨天,东湖电子工业园投资签约仪式在县政府举行,副县长韩立新与河西公司董事长裴晓东签订投资协议。",
    )
    assert [(s.project, s.parties, s.signers) for s in art.signings] == [
        ("东湖电子工业园", ["河西公司"], ["韩立新", "裴晓东"])]


def test_the_sentence_after_a_signing_names_what_was_signed():
    art = extract(
        "签约仪式",
        "争取8月份厂区扩建项目动工。河东药业副总经理韩立新与县长裴晓东代表双方在合同上签字。"
        "此次签约,意味着总投资5亿元的河东生物医药产业园项目进入实施阶段。",
    )
    assert [(s.project, s.signers) for s in art.signings] == [("河东生物医药产业园项目", ["韩立新", "裴晓东"])]
    assert [p.name for p in art.projects] == ["河东生物医药产业园项目"]


def test_each_government_signs_the_company_projects_listed_after_it_and_witnesses_do_not_sign():
    from tests.facts_helpers import roles

    art = extract(
        "河东县三个项目集中签约",
        "5月3日,河东县甲镇、乙镇分别举行项目集中签约仪式。",
        "县招商工作领导小组组长、县人大常委会主任韩立新,县政协副主席裴晓东到场,并见证了甲镇政府与投资1.5亿元的"
        "河东县丰禾食品有限公司果蔬加工项目、投资6000万元的河东县安达包装有限公司纸箱生产项目和乙镇政府与"
        "总投资9000万元的河东县明远机械有限公司、河东县晨光玩具有限公司的项目签约。",
    )
    got = {s.project: (s.parties, s.signers) for s in art.signings}
    assert got["果蔬加工项目"] == (["甲镇政府", "河东县丰禾食品有限公司"], [])
    assert got["纸箱生产项目"] == (["甲镇政府", "河东县安达包装有限公司"], [])
    assert got[None] == (["乙镇政府", "河东县明远机械有限公司", "河东县晨光玩具有限公司"], [])
    assert roles(art) == {"韩立新": ["attended", "witnessed"], "裴晓东": ["attended", "witnessed"]}
    assert titles(art)["韩立新"] == ["县招商工作领导小组组长", "县人大常委会主任"]


def test_a_mayor_signs_for_the_city_each_company_its_own_project_listed_after_the_verb():
    art = extract(
        "河东市参加全州招商引资项目集中签约仪式",
        "签约仪式上,河东市委副书记、市长阿不力克·吐尔洪代表河东市委、市人民政府分别与榆安远航投资有限公司、"
        "榆安丰泽食品(集团)有限公司签订了河东葡萄酒庄园项目和建设果品加工园(冷链物流)项目。",
    )
    assert titles(art) == {"阿不力克·吐尔洪": ["河东市委副书记", "市长"]}
    got = {s.project: (s.parties, s.signers) for s in art.signings}
    assert got == {
        "河东葡萄酒庄园项目": (["河东市人民政府", "榆安远航投资有限公司"], ["阿不力克·吐尔洪"]),
        "建设果品加工园(冷链物流)项目": (["河东市人民政府", "榆安丰泽食品(集团)有限公司"], ["阿不力克·吐尔洪"]),
    }


def test_a_government_signs_with_each_company_listed_for_the_project_each_is_given():
    art = extract(
        "甲镇举行招商引资项目集中签约仪式",
        "在与会领导的共同见证下,甲镇政府与河东瑞石新材料有限公司、河东清源环保科技有限公司分别签订投资协议。"
        "瑞石新材料项目预计投资2亿元,建设年产50万吨墙体材料项目;清源环保项目预计投资约4000万元,"
        "建设年产20万吨再生骨料项目。",
    )
    assert {p.name: p.companies for p in art.projects} == {
        "瑞石新材料项目": ["河东瑞石新材料有限公司"], "清源环保项目": ["河东清源环保科技有限公司"],
    }
    assert {s.project: s.parties for s in art.signings} == {
        "瑞石新材料项目": ["甲镇政府", "河东瑞石新材料有限公司"],
        "清源环保项目": ["甲镇政府", "河东清源环保科技有限公司"],
    }
    assert "建设" not in [o.name for o in art.organizations]


def test_my_city_signs_each_company_s_clause_for_every_project_it_names():
    art = extract(
        "河东市招商项目签约专场活动举行",
        "昨天,河东市招商项目签约专场活动举行。榆安市委常委、河东市委书记韩立新出席签约仪式。",
        "仪式现场,我市分别与瑞丰集团签订河东中央公园项目和河东市青石镇海岛旅游度假项目;"
        "与榆安远航建材股份有限公司签订河东雕塑公园项目。",
    )
    got = {s.project: s.parties for s in art.signings}
    assert got == {
        "河东中央公园项目": ["河东市", "瑞丰集团"],
        "河东市青石镇海岛旅游度假项目": ["河东市", "瑞丰集团"],
        "河东雕塑公园项目": ["河东市", "榆安远航建材股份有限公司"],
    }


def test_the_park_an_agreement_s_title_names_is_the_project_and_a_title_s_note_is_no_part_of_the_name():
    art = extract(
        "河东区与华建河东新材料有限公司签约",
        "7月1日,河东区与华建河东新材料有限公司举行《河东区绿色建材产业园(北片区)合作协议》签约仪式。",
        "区长裴晓东,华建河东新材料有限公司总经理、董事长(兼)韩立新出席签约仪式。副区长方明远,"
        "华建河东新材料有限公司副总经理冯建国代表双方签约。",
    )
    assert titles(art)["韩立新"] == ["总经理", "董事长"]
    assert [(s.project, s.parties, s.signers) for s in art.signings] == [
        ("河东区绿色建材产业园(北片区)", ["河东区", "华建河东新材料有限公司"], ["方明远", "冯建国"]),
    ]


def test_two_lists_signed_pair_by_pair_and_projects_named_in_book_title_marks():
    art = extract(
        "河东县六个项目集中签约",
        "签约仪式上,榆安锦华纺织有限公司、河东长青药业有限公司分别与县政府签约《河东纺织产业园项目》和《长青中药材加工项目》。"
        "河东明远五金有限公司、河东晨光酒店管理有限公司、榆安清泉环境科技有限公司分别与甲镇、乙镇、河东经济开发区签约。",
    )
    got = sorted((s.project or "", s.parties) for s in art.signings)
    assert got == sorted([
        ("河东纺织产业园项目", ["榆安锦华纺织有限公司", "县政府"]),
        ("长青中药材加工项目", ["河东长青药业有限公司", "县政府"]),
        ("", ["河东明远五金有限公司", "甲镇"]),
        ("", ["河东晨光酒店管理有限公司", "乙镇"]),
        ("", ["榆安清泉环境科技有限公司", "河东经济开发区"]),
    ])


def test_a_county_head_signs_for_the_county_with_each_company_listed_for_each_project():
    art = extract(
        "集中签约",
        "活动中,河东县县长韩立新现场与榆安丰源实业有限公司、河东远达新材料有限公司分别签订了丰源鞋材生产项目、"
        "远达电池膜生产项目。",
    )
    got = {s.project: (sorted(s.parties), s.signers) for s in art.signings}
    assert got == {
        "丰源鞋材生产项目": (sorted(["河东县人民政府", "榆安丰源实业有限公司"]), ["韩立新"]),
        "远达电池膜生产项目": (sorted(["河东县人民政府", "河东远达新材料有限公司"]), ["韩立新"]),
    }


def test_every_company_listed_after_the_government_at_a_ceremony_is_a_party():
    art = extract(
        "签约",
        "河东区政府同榆安远航贸易有限公司、河东天环能源有限公司、榆安建工集团有限公司等3家企业现场举行签约仪式。",
    )
    assert [s.parties for s in art.signings] == [
        ["河东区政府", "榆安远航贸易有限公司", "河东天环能源有限公司", "榆安建工集团有限公司"],
    ]


def test_a_company_whose_name_holds_a_verb_signs_under_its_whole_name():
    art = extract("签约", "3月2日,北方希望集团与榆安县就肉牛养殖深加工一体化项目举行签约仪式。")
    assert [(s.project, s.parties) for s in art.signings] == [("肉牛养殖深加工一体化项目", ["北方希望集团", "榆安县"])]


def test_signed_spelt_as_a_variant_is_a_signing():
    art = extract("签约", "会上,香港青禾食品与榆安县政府签定金额2亿元的农畜产品深加工项目。")
    assert [(s.project, s.parties) for s in art.signings] == [("农畜产品深加工项目", ["香港青禾食品", "榆安县政府"])]


def test_a_district_that_holds_a_group_signing_signs_with_each_company_it_lists():
    art = extract(
        "签约",
        "日前,山西河东市榆安区举行招商签约活动,分别与河东青禾物流有限公司、河东丰源科技有限公司、"
        "晋北机械装备有限公司进行签约。",
    )
    assert [s.parties for s in art.signings] == [
        ["榆安区", "河东青禾物流有限公司", "河东丰源科技有限公司", "晋北机械装备有限公司"]
    ]


def test_a_government_named_from_a_traditional_title_stays_in_traditional_script():
    art = extract(
        "簽約",
        "3月2日,北方希望集團與榆安縣就肉牛養殖項目舉行簽約儀式。",
        "會上,榆安縣委常委、常務副縣長杜立新代表縣政府與集團總經理楊成簽約。",
    )
    parties = {p for s in art.signings for p in s.parties}
    assert "榆安縣政府" in parties and not any("县" in p for p in parties)


def test_the_heads_of_listed_bodies_sign_for_them_and_a_signing_spoken_of_signs_nothing():
    art = extract(
        "集中签约",
        "2月28日,河东县春季招商签约会在县会展中心召开。",
        "县长米德新致辞,对项目的签约致以祝贺。",
        "随后,河东县工业园区、河东硅工业园区、县商务局主要负责人分别与来宾企业签约。",
    )
    assert [(s.parties, s.signers) for s in art.signings] == [(["河东县工业园区", "河东硅工业园区", "县商务局"], [])]


def test_a_signer_for_the_county_signs_each_project_the_next_sentence_lists_with_its_investor():
    art = extract(
        "签约",
        "4月28日,我县春季招商项目签约会举行。",
        "会上,副县长操明代表县人民政府与到会客商签约。",
        "本次签约项目为:青禾织造有限公司投资5亿元建设无纺布项目;丰源食品有限公司投资3000万元建设菌菇预制菜项目。",
    )
    assert [(s.project, s.parties, s.signers) for s in art.signings] == [
        ("无纺布项目", ["县人民政府", "青禾织造有限公司"], ["操明"]),
        ("菌菇预制菜项目", ["县人民政府", "丰源食品有限公司"], ["操明"]),
    ]
    assert {p.name: p.companies for p in art.projects} == {
        "无纺布项目": ["青禾织造有限公司"], "菌菇预制菜项目": ["丰源食品有限公司"],
    }


def test_a_name_joined_before_a_company_that_starts_with_its_province_is_not_part_of_it():
    art = extract(
        "合作协议签约",
        "5月8日,榆安市人民政府与江西远航物流集团在市会议中心签署合作协议。",
        "副市长何立和江西远航物流集团有关负责人参加活动。",
        "双方将发挥榆安区位优势和江西远航物流集团的网络优势。",
    )
    names = {o.name for o in art.organizations if o.kind == "company"}
    assert names == {"江西远航物流集团"}
    assert [s.parties for s in art.signings] == [["榆安市人民政府", "江西远航物流集团"]]


def test_a_company_with_and_in_its_own_name_keeps_it():
    art = extract("签约", "6月3日,河东县与上海均和国际贸易有限公司签订合作协议。")
    assert "上海均和国际贸易有限公司" in {o.name for o in art.organizations}


def test_the_body_that_holds_a_group_signing_signs_with_each_company():
    art = extract(
        "集中签约",
        "3月6日,榆安高新区举行春季招商项目集中签约仪式。",
        "仪式上,管委会副主任黄一鸣与青禾织造有限公司、丰源食品有限公司负责人签约。",
    )
    assert [s.parties[0] for s in art.signings] == ["榆安高新区"]
    assert {"青禾织造有限公司", "丰源食品有限公司"} <= {p for s in art.signings for p in s.parties}


def test_companies_listed_and_counted_without_等_sign_with_the_officials():
    art = extract(
        "招商引资项目集中签约",
        "榆安市春季招商项目签约会举行,青禾织造、丰源食品、远航物流3家企业代表分别与副市长黄一鸣签订投资协议。",
    )
    assert {"青禾织造", "丰源食品", "远航物流"} <= {o.name for o in art.organizations if o.kind == "company"}
    assert {"青禾织造", "丰源食品", "远航物流"} <= {p for s in art.signings for p in s.parties}


def test_companies_listed_before_a_county_government_sign_with_it():
    art = extract(
        "项目签约",
        "随后,青禾织造有限公司、丰源食品有限公司等5家企业代表现场与河东县政府进行项目签约。",
    )
    parties = [p for s in art.signings for p in s.parties]
    assert parties[0] == "河东县政府"
    assert {"青禾织造有限公司", "丰源食品有限公司"} <= set(parties)


def test_signing_on_behalf_of_both_sides_names_the_parties_after_the_verb():
    art = extract(
        "战略合作协议签约",
        "当天,副区长黄一鸣与远航物流集团总经理何晓东分别代表双方签署河东区人民政府与远航物流集团有限公司合作框架协议。",
    )
    parties = {p for s in art.signings for p in s.parties}
    assert not any(p.startswith("双方") for p in parties)
    assert {"河东区人民政府", "远航物流集团有限公司"} <= parties


def test_a_person_joined_before_a_company_and_an_adverb_in_front_of_it_are_not_its_name():
    art = extract(
        "框架协议签约",
        "当天,裴晓东和远航集团有关负责人签下框架协议。",
        "下一步远航集团将加快项目落地。",
    )
    assert {o.name for o in art.organizations if o.kind == "company"} == {"远航集团"}


def test_a_city_joined_to_a_company_name_keeps_it():
    art = extract("签约", "6月3日,河东县与沈阳和盛重工有限公司签订合作协议。")
    assert "沈阳和盛重工有限公司" in {o.name for o in art.organizations}


def test_the_projects_listed_after_a_sentence_about_the_projects_signed_are_signed_by_their_companies():
    art = extract(
        "云签约",
        "5月6日,河东县举行云签约活动。此次签约项目涉及能源、物流等领域。",
        "其中投资较大的项目有2个,分别是:远航物流股份有限公司建设河东县输煤廊道项目、青禾织造有限公司新建无纺布生产线项目。",
    )
    got = {s.project: s.parties for s in art.signings}
    assert "远航物流股份有限公司" in got["河东县输煤廊道项目"]
    assert "青禾织造有限公司" in got["无纺布生产线项目"]


def test_pairs_signing_one_named_project_each_sign_for_it():
    art = extract(
        "招商引资签约",
        "会上,河东县人民政府、河西县人民政府分别与青禾制药有限公司、远航产业投资有限公司签订了中药材种植项目合作协议。",
    )
    assert [(s.project, sorted(s.parties)) for s in art.signings] == [
        ("中药材种植项目", sorted(["河东县人民政府", "河西县人民政府", "青禾制药有限公司", "远航产业投资有限公司"])),
    ]


def test_a_member_company_s_classifier_is_no_part_of_its_name():
    art = extract("商会考察", "商会会员企业远航物流集团公司、会员企业青禾织造有限公司负责人参加座谈。")
    names = {o.name for o in art.organizations if o.kind == "company"}
    assert {"远航物流集团公司", "青禾织造有限公司"} <= names


def test_what_a_speaker_hopes_for_is_no_part_of_the_party_s_name():
    art = extract(
        "合作备忘录签订",
        "河东县人民政府与远航银行河东分行签订合作备忘录。韩立新表示,热切期盼远航银行河东分行加大支持力度。",
    )
    assert not any(p.startswith("热切") for s in art.signings for p in s.parties)


def test_a_title_opening_a_list_of_companies_is_no_company():
    art = extract(
        "项目签约洽谈会召开",
        "州委副书记、市委书记韩立新与远航资产管理有限公司、青禾新能源有限公司等企业负责人就项目合作进行洽谈。",
    )
    assert {o.name for o in art.organizations if o.kind == "company"} == {"远航资产管理有限公司", "青禾新能源有限公司"}
