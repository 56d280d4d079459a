"""The rules behind entity resolution, without Neo4j: places, company short forms, project words."""

from __future__ import annotations

from graph.resolution import (
    PersonMention,
    company_core,
    masthead_place,
    place_of,
    project_words,
    qualify_organ,
    resolve_person,
    same_plant,
    share_words,
    short_form_joins,
)
from guanxi.ids import person_id


def test_place_comes_from_titles_and_organ_names() -> None:
    assert place_of("云岭区委") == "云岭"
    assert place_of("中共云岭区委") == "云岭"
    assert place_of("松河县人民政府") == "松河"
    assert place_of("云岭区柳溪镇人民政府") == "云岭"  # the county, not the town
    assert place_of("云岭经济开发区管委会") == "云岭"
    assert place_of("北陵市委") == "北陵"
    for placeless in ("区委", "县委组织部", "经开区管委会", "常务副区长", "副县长", "区人大常委会", "柳溪镇人民政府",
                      "晨光(杭州)智能科技有限公司", None, ""):
        assert place_of(placeless) is None, placeless


def test_place_comes_from_the_masthead() -> None:
    assert masthead_place("云岭周刊") == "云岭"
    assert masthead_place("松河日报") == "松河"
    assert masthead_place("云岭区人民政府网") == "云岭"
    assert masthead_place("云岭区融媒体中心") == "云岭"
    assert masthead_place(None) is None
    assert masthead_place("人民日报") is None


def test_company_short_forms_join_their_full_name_only() -> None:
    full = "晨光(杭州)智能科技有限公司"
    assert company_core(full) == "晨光智能科技"
    assert short_form_joins("晨光公司", full)
    assert short_form_joins("晨光", full)
    assert short_form_joins("晨光智能", full)
    assert short_form_joins("东岳新能源", "浙江东岳新能源科技有限公司")  # after the home province
    assert not short_form_joins("晨", full)  # one character says nothing
    assert not short_form_joins("朝阳公司", full)
    assert not short_form_joins("晨光(苏州)电子有限公司", full)  # two legal names, two companies
    assert not short_form_joins("晨光公司", "晨光小学")


def test_project_words_drop_capacity_company_and_generic_words() -> None:
    companies = ["晨光(杭州)智能科技有限公司"]
    assert project_words("年产8万台智能割草机项目", companies) == "智能割草机"
    assert project_words("晨光智能割草机项目", companies + ["晨光公司", "晨光"]) == "智能割草机"
    assert project_words("晨光项目", ["晨光"]) == ""
    assert share_words("智能割草机", "割草机")
    assert not share_words("智能割草机", "无人机总装")


def test_one_companys_projects_are_one_plant_only_by_their_own_words_and_capacity() -> None:
    maker = ["晨光(杭州)新材料科技有限公司"]
    # Another company's legal name inside a stored alias says nothing about what the plant makes.
    assert project_words("浙江东岳新材料科技股份有限公司年产9万吨改性塑料项目", maker) == "改性塑料"
    assert not same_plant("年产12万吨锂电池隔膜项目", "浙江东岳新材料科技股份有限公司年产9万吨改性塑料项目", maker)
    assert not same_plant("年产8万吨改性塑料项目", "年产15万吨改性塑料项目", maker)  # two lines
    assert same_plant("晨光新材料年产8万吨改性塑料项目", "年产8万吨改性塑料项目", maker)
    assert same_plant("晨光改性塑料项目", "年产8万吨改性塑料项目", maker + ["晨光"])


def test_a_person_joins_a_node_only_when_nothing_keeps_them_apart() -> None:
    found = [{"id": "per-a", "name": "张立新", "sector": "official", "scope": "云岭", "jurisdiction": "云岭"},
             {"id": "per-b", "name": "张立新", "sector": "official", "scope": "松河", "jurisdiction": "松河"}]
    same = resolve_person(PersonMention("x", "张立新", "official", "云岭", "云岭"), found)
    assert same.id == "per-a"
    attendee = resolve_person(PersonMention("x", "张立新", None, "松河", "松河"), found)
    assert attendee.id == "per-b"
    executive = resolve_person(PersonMention("x", "张立新", "executive", "org-1", None), found)
    assert executive.id not in {"per-a", "per-b"} and executive.reason.startswith("new")
    first = resolve_person(PersonMention("x", "李晓", "executive", "org-1", None), [])
    assert first.id == person_id("李晓")


def test_a_body_without_its_place_takes_the_articles_or_the_mastheads() -> None:
    assert qualify_organ("区委组织部", {"区": ["云岭"]}, None) == "云岭区委组织部"
    assert qualify_organ("县政府", {}, "松河") == "松河县政府"
    assert qualify_organ("县政府", {"县": ["松河", "桐林"]}, "云岭") is None  # two counties, not the paper's
    assert qualify_organ("市委", {}, "云岭") is None  # the paper does not say which city
    assert qualify_organ("云岭区委", {"区": ["云岭"]}, None) is None  # already has its place
    assert qualify_organ("区长", {"区": ["云岭"]}, None) is None  # a title, not a body
    assert qualify_organ("区供电公司", {"区": ["云岭"]}, None) is None  # companies keep their name
