from guanxi.facts import Publication
from loaders.article_text import ArticleText
from loaders.facts import extract_article
from tests.facts_helpers import extract


def companies(article):
    return {o.name: o.aliases for o in article.organizations if o.kind == "company"}


def test_full_company_name_with_short_forms_as_aliases():
    art = extract(
        "签约",
        "区政府与创普斯(深圳)新能源科技有限公司举行签约仪式。",
        "今天的签约,是创普斯公司优化战略布局的结果。",
    )
    assert companies(art) == {"创普斯(深圳)新能源科技有限公司": ["创普斯公司"]}


def test_short_company_names_in_lists_and_awards():
    art = extract(
        "综述",
        "扎实开展以商招商,通过区内盛维、启力元等企业搜集项目线索,同欣旺达等企业保持技术交流。",
        "2023年,丰元锂电认定国家级专精特新小巨人企业。",
    )
    assert set(companies(art)) == {"盛维", "启力元", "欣旺达", "丰元锂电"}


def test_run_together_projects_and_generic_mentions():
    art = extract(
        "综述",
        "丰元电池级碳酸锂项目马兰屯镇400MW/800MWh独立储能电站项目等7个重点项目,1-6月累计投资10亿元。",
        "要促成该项目早开工,推动重点项目建设。",
    )
    names = [p.name for p in art.projects]
    assert names == ["丰元电池级碳酸锂项目", "马兰屯镇400MW/800MWh独立储能电站项目"]


def test_project_linked_to_the_company_in_front():
    art = extract(
        "开工",
        "江苏博远生物医药股份有限公司年产3万吨原料药项目开工仪式举行。",
        "据悉,博远年产3万吨原料药项目总投资20亿元。",
    )
    assert len(art.projects) == 1
    project = art.projects[0]
    assert project.companies == ["江苏博远生物医药股份有限公司"]
    assert "年产3万吨原料药项目" in [project.name, *project.aliases]


def test_company_brand_plus_project_is_an_alias():
    art = extract(
        "某某(深圳)新能源项目签约仪式举行",
        "区人民政府与某某(深圳)新能源科技有限公司举行年产18万吨正极材料和12万吨负极材料项目签约仪式。",
        "区委、区政府将把某某项目建设作为头等大事来抓。",
    )
    assert len(art.projects) == 1
    project = art.projects[0]
    assert project.name == "年产18万吨正极材料和12万吨负极材料项目"
    assert set(project.aliases) >= {"某某(深圳)新能源项目", "某某项目"}
    assert project.companies == ["某某(深圳)新能源科技有限公司"]


def test_company_names_holding_he_and_kinds_of_company():
    art = extract(
        "开工",
        "山东泰和新材料有限公司年产5000吨芳纶项目开工仪式举行。泰和公司是一家专注于芳纶研发的企业。",
        "要向保险公司理赔,打造千亿级产业集团。",
    )
    assert companies(art) == {"山东泰和新材料有限公司": ["泰和公司"]}
    assert art.projects[0].companies == ["山东泰和新材料有限公司"]


def test_roads_and_places_in_front_of_a_project_are_no_company():
    art = extract("项目建设", "老旧小区改造提升项目、金桥路拓宽工程项目、王庄镇农村供水项目进展顺利。")
    assert companies(art) == {}
    assert all(p.companies == [] for p in art.projects)


def _links(art):
    return {p.name: p.companies for p in art.projects}


def test_project_built_by_a_company_named_after_you():
    art = extract(
        "集中签约",
        "其中,总投资28亿元的年产10GWh储能电池项目由宁远(云山)储能科技有限公司投资建设,落户高新区;"
        "年产30万套汽车轻量化部件项目由浙江恒远汽车部件股份有限公司投资,落户青石县。",
    )
    assert _links(art) == {
        "年产10GWh储能电池项目": ["宁远(云山)储能科技有限公司"],
        "年产30万套汽车轻量化部件项目": ["浙江恒远汽车部件股份有限公司"],
    }


def test_this_project_and_a_short_form_refer_back():
    art = extract(
        "开工",
        "9月7日,总投资12亿元的石泉县高端装备制造产业园项目开工仪式举行。",
        "据了解,该项目由瑞远(江苏)智能装备有限公司投资建设。",
        "视察组来到年产3万吨食用菌精深加工项目现场。食用菌项目由石泉县禾丰农业发展有限公司投资建设。",
    )
    assert _links(art) == {
        "石泉县高端装备制造产业园项目": ["瑞远(江苏)智能装备有限公司"],
        "年产3万吨食用菌精深加工项目": ["石泉县禾丰农业发展有限公司"],
    }


def test_a_project_manager_is_no_project():
    art = extract("调研", "听取云山储能科技有限公司项目负责人邝一辉关于工程进度的汇报。")
    assert art.projects == []


def test_a_place_in_front_of_a_project_is_no_company():
    art = extract(
        "经济运行分析会",
        "本报讯 岱屿区召开一季度经济运行分析会。",
        "区长李四指出,要抓好总投资9亿元的岱屿智能制造产业园项目建设。",
    )
    assert [(p.name, p.companies) for p in art.projects] == [("岱屿智能制造产业园项目", [])]
    assert not [o for o in art.organizations if o.kind == "company"]


def test_a_place_the_paper_is_named_after_is_no_company():
    text = ArticleText(index=0, title="分析会", paragraphs=["区长李四指出,要抓好岱屿智能制造产业园项目建设。"])
    art = extract_article(text, Publication(name="岱屿周刊", date="2023-05-12"))
    assert [(p.name, p.companies) for p in art.projects] == [("岱屿智能制造产业园项目", [])]
    assert not [o for o in art.organizations if o.kind == "company"]


def test_ji_inside_one_project_name_and_a_bracketed_legal_name():
    art = extract(
        "开工",
        "本报讯 磐山(宁波)新型材料有限公司年产3万吨涂料及助剂项目在云台镇开工。",
    )
    assert [(p.name, p.companies) for p in art.projects] == [
        ("年产3万吨涂料及助剂项目", ["磐山(宁波)新型材料有限公司"])
    ]


def test_product_words_with_xing_in_a_company_name():
    art = extract("开工", "本报讯 江苏新型建材有限公司年产30万吨绿色建材项目开工。要培育科技型公司。")
    assert [(p.name, p.companies) for p in art.projects] == [("年产30万吨绿色建材项目", ["江苏新型建材有限公司"])]
    assert [o.name for o in art.organizations] == ["江苏新型建材有限公司"]


def test_a_phrase_ending_in_a_conjunction_before_xiangmu_is_no_project() -> None:
    art = extract(
        "副区长到企业调研",
        "5月6日,副区长姚文到辖区企业调研,详细了解企业生产经营和项目建设情况。",
    )
    assert art.projects == []


def test_batches_phases_and_programmes_are_no_project_names():
    art = extract(
        "项目签约",
        "会上通报了全市2025年已落实项目、2022年河东市首批项目和一期项目进展。",
        "集中开工的河东国际家居产业园、河东冷链物流园等20个重点项目总投资28亿元。",
        "推进河东数字产业园及2023年协作项目,实施河东县2022年高标准农田(第二批)建设项目。",
    )
    names = {p.name for p in art.projects}
    assert "河东国际家居产业园" in names and "河东冷链物流园" in names
    assert "河东县2022年高标准农田(第二批)建设项目" in names
    assert "河东数字产业园" in names
    assert not any(n.startswith(("的", "2022年", "全市", "一期", "2023年")) for n in names), names


def test_company_names_stop_at_people_and_counts_but_not_at_家_in_a_name():
    art = extract(
        "座谈会",
        "投资公司总经理韩立新、执行总经理裴晓东和东岭建设总承包公司相关人员参加。",
        "来自深圳的旺家福农产品集团、河西电气制造有限公司党委副书记、副总经理岑可风等企业家依次发言。",
    )
    names = {o.name for o in art.organizations if o.kind == "company"}
    assert "东岭建设总承包公司" in names and "旺家福农产品集团" in names
    assert not any("总经理" in n or "书记" in n for n in names), names


def test_project_names_of_roads_captions_and_lists_after_a_ceremony():
    art = extract(
        "项目签约",
        "考察团对接河东颐高数字化产业园项目。",
        "(左六)河东联源机械自动化生产线项目现场。",
        "启动G207河东至河西公路(河西段)建设项目。",
        "签约仪式共签约河东智慧大厦、河西冷链物流中心等12个项目。",
    )
    names = {p.name for p in art.projects}
    assert {"河东颐高数字化产业园项目", "河东联源机械自动化生产线项目",
            "G207河东至河西公路(河西段)建设项目", "河东智慧大厦", "河西冷链物流中心"} <= names, names


def test_the_company_that_invests_in_the_project_named_after_it():
    art = extract(
        "集中开工",
        "今天开工的有由河东市禾丰食品有限公司投资的山药粉加工项目,以及由河东市锦程化工科技有限责任公司投资的"
        "年产3万吨碳酸锂项目。河东印务有限公司组建河西包装有限公司,新公司总投资2亿元。",
    )
    assert {p.name: p.companies for p in art.projects} == {
        "山药粉加工项目": ["河东市禾丰食品有限公司"],
        "年产3万吨碳酸锂项目": ["河东市锦程化工科技有限责任公司"],
    }
    assert {"河东印务有限公司", "河西包装有限公司"} <= {o.name for o in art.organizations}


def test_company_names_around_a_city_s_short_name_brackets_and_kinds():
    art = extract(
        "调研",
        "区委书记韩立新会见河东钢铁(集团)党委书记邝一辉一行。随后韩立新走访了北方重工大同轴承有限公司、同兴药业有限公司等企业。"
        "区属国有独资公司、相关公司和重点做强平台公司负责人参加。",
    )
    assert [o.name for o in art.organizations if o.kind == "company"] == [
        "河东钢铁(集团)", "北方重工大同轴承有限公司", "同兴药业有限公司"]


def test_a_project_named_in_title_marks_is_a_project_even_with_its_company_s_words():
    art = extract(
        "集中签约",
        "签约仪式上,榆安锦华纺织有限公司、河东长青药业有限公司分别与县政府签约《湖滨锦华纺织项目》"
        "和《长青中药材加工项目》。",
    )
    assert {p.name: p.companies for p in art.projects} == {
        "湖滨锦华纺织项目": ["榆安锦华纺织有限公司"], "长青中药材加工项目": ["河东长青药业有限公司"],
    }


def test_who_announced_a_start_is_no_part_of_the_company_or_the_project():
    art = extract("集中开工仪式", "县委书记韩立新宣布河东远航集团风电装备项目开工,并讲话。")
    assert [(p.name, p.companies) for p in art.projects] == [("风电装备项目", ["河东远航集团"])]


def test_the_sum_invested_is_no_part_of_a_project_s_name():
    art = extract(
        "集中签约",
        "签约项目中,有县政府与青禾集团签订的8亿元菌菇精深加工项目、园区与丰源公司签订的2.5亿元冷链物流园项目。",
    )
    names = {p.name for p in art.projects}
    assert {"菌菇精深加工项目", "冷链物流园项目"} <= names
    assert not any("亿元" in n for n in names)


def test_group_signing_lists_name_projects_whatever_the_order_of_count_and_word():
    art = extract(
        "集中签约",
        "此次签约河东碳纤维织物、榆安锂电隔膜等制造类项目9个,合计投资41亿元。",
        "高压开关柜组装、尾矿砂再利用、云栖·北岸民宿等3个重点项目当天在东区会场签约。",
        "经过多轮洽谈,河东铝业制造园、榆安煤炭交易中心等项目将落地河东。",
    )
    names = {p.name for p in art.projects}
    assert {"河东碳纤维织物", "榆安锂电隔膜", "高压开关柜组装", "尾矿砂再利用", "云栖·北岸民宿",
            "河东铝业制造园", "榆安煤炭交易中心"} <= names


def test_industries_and_companies_listed_before_projects_are_not_project_names():
    art = extract(
        "座谈",
        "他盼望集团带动更多的储能、新材料、康养旅居等关联产业项目落地河东。",
        "会上,河东县人民政府分别同青禾研究院、丰源地源热泵公司等企业项目完成了集中签约。",
    )
    names = {p.name for p in art.projects}
    assert not names & {"新材料", "医疗康养", "丰源地源热泵公司"} and not any("分别" in n for n in names)


def test_a_policy_s_services_are_no_companies_and_a_plan_for_a_project_is_no_project():
    art = extract(
        "签约",
        "河东将推行审批帮办、企业联络员、入企检查备案等服务企业制度。",
        "请签约企业抓紧制定项目工作方案,争取年内动工。",
    )
    assert not companies(art) and not art.projects


def test_a_visit_s_verb_and_a_wholly_owned_subsidiary_name_no_company():
    art = extract(
        "到访",
        "市长徐立一行到访河东港口集团,随后赴青禾实业集团有限公司考察,并与其全资子公司负责人座谈。",
    )
    assert set(companies(art)) == {"河东港口集团", "青禾实业集团有限公司"}


def test_a_second_round_and_what_is_presented_name_no_project():
    art = extract(
        "座谈",
        "河东县2021年第二次项目集中开工。",
        "种业创新中心负责人分别简要介绍项目进展。",
    )
    assert not art.projects


def test_leaders_listed_before_a_signing_they_attended_are_no_projects():
    art = extract(
        "项目集中签约",
        "9月1日,6个重点项目在河东县成功签约,其中两个为新材料项目,韩立新、裴晓东、黄一鸣等县领导参加了项目签约仪式。",
    )
    assert not {p.name for p in art.projects} & {"韩立新", "裴晓东", "黄一鸣"}


def test_the_work_a_company_undertakes_is_no_project_of_its_own():
    art = extract(
        "战略合作协议签署",
        "远航建设集团有限公司1970年成立,承担着全国大部分港口工程项目的勘测与施工。",
    )
    assert not art.projects


def test_a_company_that_builds_a_project_is_its_investor_and_the_verb_no_part_of_its_name():
    art = extract(
        "云签约",
        "其中投资较大的项目有:河东远航物流股份有限公司建设河东县输煤廊道项目、青禾织造有限公司新建无纺布生产线项目。",
    )
    assert {p.name: p.companies for p in art.projects} == {
        "河东县输煤廊道项目": ["河东远航物流股份有限公司"], "无纺布生产线项目": ["青禾织造有限公司"],
    }


def test_a_bare_count_before_项目_names_no_project():
    art = extract("河东县“云签约”17项目总投资18亿元", "5月6日,河东县举行云签约活动,17个项目集中签约。")
    assert not any(p.name.endswith("17项目") for p in art.projects)
