from tests.facts_helpers import extract, roles, titles


def test_a_post_after_a_bank_or_an_alliance_is_the_post_alone():
    art = extract(
        "河东新区举行合作恳谈会",
        "5月8日,河东新区举行合作恳谈会。榆安实业银行副主席兼行政总裁周海平,河西青年创业联盟主席陆一鸣,"
        "河东五金商行总经理方建军出席。",
    )
    t = titles(art)
    assert "副主席" in t["周海平"] and "行政总裁" in t["周海平"]
    assert t["陆一鸣"] == ["主席"]
    assert t["方建军"] == ["总经理"]


def test_a_follow_up_committee_and_a_township_representatives_council_are_read_whole():
    art = extract(
        "河东县举行签约仪式",
        "5月8日,河东议会民生议题跟进委员会主席杨子明、榆安鄉民代表會主席陳立文出席签约仪式。",
    )
    t = titles(art)
    assert t["杨子明"][0].endswith("跟进委员会主席")
    assert t["陳立文"][0].endswith("鄉民代表會主席")


def test_a_head_written_after_the_name_of_the_county_is_that_persons_post():
    art = extract(
        "兩鄉締結姐妹鄉",
        "兩鄉今天上午舉行締結儀式,河東縣陳立德縣長、河西縣議員林明、議長張永和共同見證。",
    )
    t = titles(art)
    assert t["陳立德"] == ["縣長"]
    assert t["林明"][0].endswith("議員") and len(t["林明"]) == 1


def test_a_company_brought_in_by_a_town_is_named_without_the_verb():
    art = extract(
        "河东镇招商工作取得进展",
        "今年以来,河东镇已陆续引进榆安恒达建设工程有限公司等企业,并与河西丰源食品有限公司达成合作共识榆安港务有限公司也将落户。",
    )
    names = {o.name for o in art.organizations}
    assert "榆安恒达建设工程有限公司" in names
    assert "榆安港务有限公司" in names


def test_the_county_written_before_the_name_is_the_heads_place():
    art = extract(
        "兩鄉締結姐妹鄉",
        "河西縣今天上午舉行締結儀式,榆安縣陳立德縣長、河西縣議員林明共同見證。",
    )
    person = next(p for p in art.people if p.name == "陳立德")
    assert [(pos.title, pos.place) for pos in person.positions] == [("縣長", "榆安縣")]


def test_a_township_whose_name_opens_with_a_numeral_is_the_place_of_its_head():
    art = extract(
        "兩鄉締結姐妹鄉",
        "河西縣今天上午舉行締結儀式,由河東鄉長林德文、三和鄉長呂明義共同簽署。",
    )
    person = next(p for p in art.people if p.name == "呂明義")
    assert person.positions[0].place == "三和鄉"


def test_related_products_inside_a_projects_name_are_part_of_it():
    art = extract(
        "河东市举行项目集中签约仪式",
        "6月2日,河东市与恒远新材料股份有限公司签订恒远环保涂料及相关制品智能化生产基地项目。",
    )
    assert [p.name for p in art.projects] == ["恒远环保涂料及相关制品智能化生产基地项目"]


def test_every_item_of_a_list_of_projects_is_a_project_whatever_its_words():
    art = extract(
        "河东县举行项目集中签约仪式",
        "6月2日,河东县举行项目集中签约仪式,共签约项目4个,分别是:恒远建筑保温材料项目、青峰滑雪场项目、"
        "云溪避暑山庄项目、河东粮油物流园项目。",
    )
    names = {p.name for p in art.projects}
    assert {"青峰滑雪场项目", "云溪避暑山庄项目"} <= names


def test_the_items_of_a_list_signed_before_it_and_closed_by_等项目_are_projects():
    art = extract(
        "河东区举行项目集中签约仪式",
        "本次集中签约的河东数字文化产业园、榆安新型建材研发基地、恒远智能装备等项目,总投资12.5亿元。",
    )
    names = {p.name for p in art.projects}
    assert {"河东数字文化产业园", "榆安新型建材研发基地", "恒远智能装备"} <= names


def test_a_photo_mark_with_a_bar_is_no_part_of_the_company_named_after_it():
    art = extract(
        "河东智能装备产业园开工",
        "图|区管委会副主任韩立新主持图|恒远高新产业集团总裁裴晓东致辞裴晓东在致辞中表示,将全力推进项目建设。",
    )
    assert "恒远高新产业集团" in {o.name for o in art.organizations}
    assert not any("|" in o.name for o in art.organizations)


def test_a_post_after_a_newspaper_an_industry_council_or_a_federation_is_the_post_alone():
    art = extract(
        "河东县举行新春联谊会",
        "2月8日,河东县举行新春联谊会。河东日报社社长韩立新,榆安县工业会理事长裴晓东,"
        "河西传媒董事长陆明出席。",
    )
    t = titles(art)
    assert t["韩立新"] == ["社长"]
    assert t["裴晓东"] == ["理事长"]
    assert t["陆明"] == ["董事长"]


def test_names_with_在_in_the_middle_a_rare_surname_and_a_mongolian_name_with_满():
    art = extract(
        "河东旗召开全会",
        "旗人大常委会主任额尔满都呼,市人大常委会主任汪在明参加座谈。县领导李学文、呙立新及有关单位负责同志陪同。",
    )
    names = {p.name for p in art.people}
    assert {"额尔满都呼", "汪在明", "呙立新"} <= names


def test_a_name_written_before_the_title_of_a_secretariat_or_a_department_head():
    art = extract(
        "河东论坛秘书处与河西省商务厅签署合作协议",
        "河东论坛常设秘书处韩立新秘书长和河西省商务厅裴晓东厅长分别代表各方在协议上签字。",
    )
    t = titles(art)
    assert t["韩立新"] == ["秘书长"] and t["裴晓东"] == ["厅长"]


def test_slogans_and_categories_listed_before_项目_are_no_projects():
    art = extract(
        "河东县重点项目集中开工",
        "为形成高起点谋划项目、高标准推进项目、高效率落实项目的良好态势,河东县举行集中开工仪式。"
        "开工项目涉及产业发展类项目、综合交通类项目、社会民生类项目。",
    )
    assert art.projects == []


def test_a_company_written_short_in_front_of_its_project_runs_it():
    art = extract(
        "河东县项目集中签约",
        "河东县举行招商签约活动,现场签下:投资3.2亿元的江苏恒远市政工程污水处理设施项目,"
        "投资2.6亿元的湖南榆安环保科技固废再生利用项目,投资4亿元的江苏河西科技电子产品组装项目。",
    )
    runs = {p.name: p.companies for p in art.projects}
    assert runs["江苏恒远市政工程污水处理设施项目"] == ["江苏恒远市政工程"]
    assert runs["湖南榆安环保科技固废再生利用项目"] == ["湖南榆安环保科技"]
    assert runs["江苏河西科技电子产品组装项目"] == ["江苏河西科技"]


def test_guests_officiating_at_a_reception_attend_it_with_their_commands_and_envoys():
    art = extract(
        "河东集团庆祝成立三十周年",
        "酒会主礼嘉宾包括河东省政协副主席韩立新,外交部驻河东副特派员裴晓东,驻河东部队副司令员何一鸣少将,"
        "恒远集团有限公司董事长特派代表陆明。",
    )
    t = titles(art)
    assert t["裴晓东"][0].endswith("副特派员") and t["何一鸣"][0].endswith("副司令员")
    assert t["陆明"][0].endswith("特派代表")
    attended = {a.name for e in art.events for a in e.attendees}
    assert {"韩立新", "裴晓东", "何一鸣", "陆明"} <= attended


def test_each_company_written_short_in_a_list_after_the_projects_signed_signs_its_own_project():
    art = extract(
        "河东县招商项目集中签约",
        "10月9日,河东县举行招商项目集中签约仪式。据了解,今天现场签约的项目有3个,合计投资9亿元。"
        "分别是投资3.2亿元的江苏恒远市政工程污水处理设施项目,投资2.6亿元的湖南榆安环保科技固废再生利用项目。",
    )
    signed = {s.project: s.parties for s in art.signings}
    assert "江苏恒远市政工程" in signed["江苏恒远市政工程污水处理设施项目"]
    assert "湖南榆安环保科技" in signed["湖南榆安环保科技固废再生利用项目"]


def test_a_standing_committee_seat_run_into_a_post_is_two_titles_and_an_organ_is_no_name():
    art = extract(
        "河东县召开会议",
        "县委常委常务副县长王静主持。市委常委宣传部部长韩立新,省委常委、兼任榆安市委书记何一鸣出席。",
    )
    t = titles(art)
    assert t["王静"] == ["县委常委", "常务副县长"]
    assert t["韩立新"] == ["市委常委", "宣传部部长"]
    assert t["何一鸣"][0] == "省委常委" and t["何一鸣"][1].endswith("市委书记") and "兼任" not in t["何一鸣"][1]
    assert "宣传部" not in t


def test_a_regional_headquarters_titles_and_tibetan_names():
    art = extract(
        "河东市会见客人",
        "恒远建设华南区域总部执行总经理裴晓东、副总经理陆明,市委常委、河东区委书记扎西顿珠,市委副书记达娃卓玛出席。",
    )
    t = titles(art)
    assert t["裴晓东"] == ["执行总经理"] and t["陆明"] == ["副总经理"]
    assert "扎西顿珠" in t and "达娃卓玛" in t


def test_a_place_from_the_division_table_is_written_in_the_story_s_traditional_script():
    art = extract(
        "河東海外集團喜慶30華誕",
        "河東海外集團日前在澳門舉行成立30周年酒會。酒會主禮嘉賓包括行政長官韓立新,行政法務司司長裴曉東。澳門各界人士出席。",
    )
    person = next(p for p in art.people if p.name == "裴曉東")
    assert person.positions[0].place == "澳門特別行政區"


def test_a_special_administrative_region_s_heads_serve_it_even_on_a_trip_to_a_mainland_city():
    art = extract(
        "行政長官率團訪問上海",
        "行政長官韓立新今日啟程赴上海訪問,經濟財政司司長裴曉東、行政法務司司長陸明隨行。上海市市長何一鳴到機場迎接。"
        "訪問期間,澳門代表團將與上海市簽署合作協議。",
    )
    places = {p.name: p.positions[0].place for p in art.people}
    assert places["韓立新"] == places["裴曉東"] == places["陸明"] == "澳門特別行政區"
    assert places["何一鳴"] == "上海市"


def test_a_long_list_of_leaders_keeps_a_name_without_a_known_surname():
    art = extract(
        "河东省召开大会",
        "省委副书记、省长韩立新主持会议。裴晓东、何一鸣、陆明、扎巴足、汪建国等在榆副省级以上领导干部出席会议。",
    )
    names = {p.name for p in art.people}
    assert {"裴晓东", "何一鸣", "陆明", "扎巴足", "汪建国"} <= names


def test_candidates_for_a_post_and_leaders_named_before_their_titles_after_和():
    art = extract(
        "河东县党政代表团赴外地考察",
        "河东县委书记韩立新,副县长候选人裴晓东、何一鸣一行考察了多家企业。"
        "大家要认真落实省委陆明书记和汪建国省长在全省大会上的讲话精神。",
    )
    t = titles(art)
    assert t["裴晓东"] == ["副县长候选人"] and t["何一鸣"] == ["副县长候选人"]
    assert t["汪建国"] == ["省长"]


def test_a_years_batch_a_category_and_a_list_of_leaders_and_companies_are_no_projects():
    art = extract(
        "河东市春季重点项目集中开工",
        "3月1日,河东市2021年秋季重大项目开工活动今天举行,开工的先进制造业项目有12个。"
        "市委常委韩立新,县直部门负责同志、各镇党委书记和河东恒远建材有限公司、榆安丰源农牧有限公司等企业的项目负责人参加开工活动。",
    )
    assert art.projects == []


def test_a_briefing_given_is_a_speech_and_憨_is_a_surname():
    art = extract(
        "河东县召开项目推进会",
        "6月2日,河东县召开项目推进会,县长憨立新主持。会上,县发改局局长裴晓东就全县项目进展作情况汇报,憨立新致欢迎辞。",
    )
    r = roles(art)
    assert "spoke" in r["裴晓东"]
    assert "憨立新" in r and "spoke" in r["憨立新"]


def test_a_verb_of_need_or_thanks_is_no_part_of_the_company_after_it():
    art = extract(
        "旺达集团考察团到河东考察",
        "9月3日,旺达集团副董事长裴晓东带领考察团到河东,并与河东县签署合作框架协议。",
        "县委书记韩立新说,在新的形势下,河东提出了建设示范区的目标,急需旺达集团这样的龙头企业带动发展。",
    )
    assert [o.name for o in art.organizations] == ["旺达集团"]
    assert all(not p.startswith(("急需", "给予")) for s in art.signings for p in s.parties)


def test_leaders_whose_speech_is_to_be_carried_out_did_not_attend():
    art = extract(
        "河东区委召开常委会会议",
        "3月2日,区委书记韩立新主持召开区委常委会会议。会议要求,要认真贯彻落实好省委裴晓东书记和何一鸣省长在全省大会上的讲话精神。",
    )
    attended = {a.name for e in art.events for a in e.attendees}
    assert "韩立新" in attended and not {"裴晓东", "何一鸣"} & attended


def test_league_heads_a_vice_president_mongolian_names_and_a_verb_before_a_surname():
    art = extract(
        "河东旗调研种业发展",
        "3月8日上午,盟委副书记、盟长奇木图深入河东旗调研,盟行署副盟长韩立新陪同。自治区党委书记苏和朝鲁,自治区主席裴晓东出席。",
        "副總統陸明於17日下午視察企業。中央政府一定會支持何縣長,讓何縣長做得更好。",
    )
    t = titles(art)
    assert t["奇木图"] == ["盟委副书记", "盟长"] and t["韩立新"][0].endswith("副盟长")
    assert "苏和朝鲁" in t and t["陸明"] == ["副總統"]
    assert not any(name.startswith("支持") for name in t)
