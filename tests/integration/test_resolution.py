"""Entity resolution on the real Neo4j: one node per person, company and project across documents,
homonyms kept apart. Every name and place here is invented (云岭区, 松河县).

The documents are also used by test_explore.py and test_corrections.py.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from graph.writer import GraphWriter
from guanxi.facts import (
    Article,
    Attendee,
    Document,
    Event,
    Organization,
    Person,
    Position,
    Project,
    Publication,
    Signing,
)
from guanxi.ids import article_id, document_id, organization_id, person_id
from guanxi.settings import Settings

pytestmark = pytest.mark.integration

COMPANY = "晨光(杭州)智能科技有限公司"
COMPANY_SHORT = "晨光公司"
PROJECT = "年产8万台智能割草机项目"
PROJECT_BY_COMPANY = "晨光智能割草机项目"
SIGNING_SENTENCE = "区委书记张立新出席签约仪式并致辞。"


def _official(name: str, title: str, org: str, sentence: str | None = None) -> Person:
    return Person(name=name, kind="official", sentence=sentence,
                  positions=[Position(title=title, org=org, sentence=sentence)])


def _executive(name: str, title: str, org: str, sentence: str | None = None) -> Person:
    return Person(name=name, kind="executive", sentence=sentence,
                  positions=[Position(title=title, org=org, sentence=sentence)])


def _document(source: str, publication: str, date: str, articles: list[Article]) -> Document:
    doc_id = document_id(f"resolution fixture {source}")
    for index, art in enumerate(articles):
        art.index = index
        art.id = article_id(doc_id, index, art.title)
    return Document(id=doc_id, source=source, publication=Publication(name=publication, date=date),
                    articles=articles)


def yunling_weekly() -> Document:
    """The county's weekly: a signing with a company and an inspection."""
    signing = Article(
        title="晨光智能割草机项目签约仪式举行", date="2023-02-27",
        people=[
            _official("张立新", "区委书记", "云岭区委", SIGNING_SENTENCE),
            _official("王海", "副区长", "云岭区人民政府", "副区长王海与晨光公司董事长李晓签约。"),
            _executive("李晓", "董事长", COMPANY, "副区长王海与晨光公司董事长李晓签约。"),
        ],
        organizations=[Organization(name="云岭区人民政府", kind="government", aliases=["区政府"]),
                       Organization(name=COMPANY, kind="company")],
        events=[Event(name="智能割草机项目签约仪式", type="signing", date="2023-02-27", sentence=SIGNING_SENTENCE,
                      attendees=[Attendee(name="张立新", roles=["attended", "spoke"], sentence=SIGNING_SENTENCE),
                                 Attendee(name="王海", roles=["signed"], sentence="副区长王海与晨光公司董事长李晓签约。"),
                                 Attendee(name="李晓", roles=["signed"], sentence="副区长王海与晨光公司董事长李晓签约。")])],
        projects=[Project(name=PROJECT, companies=[COMPANY], place="云岭区", sentence=f"{PROJECT}总投资5亿元。")],
        signings=[Signing(project=PROJECT, parties=["云岭区人民政府", COMPANY], signers=["王海", "李晓"],
                          date="2023-02-27", sentence="副区长王海与晨光公司董事长李晓签约。")],
    )
    inspection = Article(
        title="区领导调研安全生产", date="2023-04-10",
        people=[_official("张立新", "区委书记", "云岭区委"), _official("周敏", "区长", "云岭区人民政府")],
        events=[Event(name="安全生产调研", type="inspection", date="2023-04-10",
                      attendees=[Attendee(name="张立新", sentence="张立新、周敏一同调研。"),
                                 Attendee(name="周敏", sentence="张立新、周敏一同调研。")])],
    )
    return _document("yunling_weekly_8.txt", "云岭周刊", "2023-03-01", [signing, inspection])


def songhe_daily() -> Document:
    """The neighbouring county's daily: its own 张立新, the same company under its short name, and a
    visit by the other county's 张立新."""
    fair = Article(
        title="松河县招商推介会举行", date="2023-05-01",
        people=[
            _official("张立新", "副县长", "松河县人民政府"),
            _official("赵云", "县长", "松河县人民政府"),
            _executive("李晓", "董事长", COMPANY_SHORT),
        ],
        organizations=[Organization(name="松河县人民政府", kind="government", aliases=["县政府"]),
                       Organization(name=COMPANY_SHORT, kind="company", aliases=["晨光"])],
        events=[Event(name="松河县招商推介会", type="meeting", date="2023-05-01",
                      attendees=[Attendee(name="张立新", sentence="副县长张立新介绍县情。"),
                                 Attendee(name="赵云", roles=["presided"], sentence="县长赵云主持。"),
                                 Attendee(name="李晓", sentence="晨光公司董事长李晓发言。")])],
        projects=[Project(name=PROJECT_BY_COMPANY, companies=[COMPANY_SHORT], place="松河县",
                          sentence=f"{PROJECT_BY_COMPANY}落户松河。")],
    )
    visit = Article(
        title="云岭区党政代表团来我县考察", date="2023-05-03",
        people=[_official("张立新", "区委书记", "云岭区委"), _official("赵云", "县长", "松河县人民政府")],
        events=[Event(name="云岭区党政代表团考察", type="inspection", date="2023-05-03",
                      attendees=[Attendee(name="张立新", sentence="云岭区委书记张立新率团考察。"),
                                 Attendee(name="赵云", sentence="县长赵云陪同。")])],
    )
    return _document("songhe_daily_120.txt", "松河日报", "2023-05-04", [fair, visit])


def yunling_weekly_later() -> Document:
    """A later issue: an executive who shares the deputy head's name, and 张立新 named only as an
    attendee; and a misprint of 周敏 (周民) for the correction tests."""
    forum = Article(
        title="企业家座谈会召开", date="2023-06-05",
        people=[_executive("王海", "总经理", "云岭丰禾食品有限公司"), _official("周敏", "区长", "云岭区人民政府")],
        organizations=[Organization(name="云岭丰禾食品有限公司", kind="company")],
        events=[Event(name="企业家座谈会", type="meeting", date="2023-06-05",
                      attendees=[Attendee(name="王海", sentence="丰禾食品总经理王海发言。"),
                                 Attendee(name="张立新", sentence="张立新出席。"),
                                 Attendee(name="周敏", sentence="周敏主持。")])],
    )
    flood = Article(
        title="区领导检查防汛工作", date="2023-06-20",
        people=[_official("周民", "区长", "云岭区人民政府")],
        events=[Event(name="防汛工作检查", type="inspection", date="2023-06-20",
                      attendees=[Attendee(name="张立新", sentence="张立新、周民检查防汛工作。"),
                                 Attendee(name="周民", sentence="张立新、周民检查防汛工作。")])],
    )
    return _document("yunling_weekly_20.txt", "云岭周刊", "2023-06-21", [forum, flood])


def all_documents() -> list[Document]:
    return [yunling_weekly(), songhe_daily(), yunling_weekly_later()]


def load(driver: neo4j.Driver, settings: Settings, docs: list[Document] | None = None) -> GraphWriter:
    writer = GraphWriter(driver, settings.neo4j_database)
    writer.ensure_schema()
    for doc in docs if docs is not None else all_documents():
        writer.write_document(doc)
    return writer


def query(driver: neo4j.Driver, settings: Settings, text: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, params, database_=settings.neo4j_database)
    return [r.data() for r in records]


def people_named(driver: neo4j.Driver, settings: Settings, name: str) -> list[dict[str, Any]]:
    return query(driver, settings, "MATCH (p:Person {name: $n}) RETURN p.id AS id, p.sector AS sector, "
                 "p.scope AS scope, p.first_seen AS first_seen, p.last_seen AS last_seen ORDER BY p.scope", n=name)


def yunling_zhang(driver: neo4j.Driver, settings: Settings) -> str:
    return next(p["id"] for p in people_named(driver, settings, "张立新") if p["scope"] == "云岭")


def songhe_zhang(driver: neo4j.Driver, settings: Settings) -> str:
    return next(p["id"] for p in people_named(driver, settings, "张立新") if p["scope"] == "松河")


# --- the tests ---------------------------------------------------------------------------------


def test_same_name_in_two_counties_stays_two_people(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    people = people_named(empty_db, neo4j_settings, "张立新")
    assert sorted((p["sector"], p["scope"]) for p in people) == sorted([("official", "松河"), ("official", "云岭")])
    # The first one keeps the id of its name alone, so ids handed out before resolution stay valid.
    assert yunling_zhang(empty_db, neo4j_settings) == person_id("张立新")
    titles = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[h:HOLDS_POSITION]->() RETURN h.title AS t",
                   p=songhe_zhang(empty_db, neo4j_settings))
    assert [t["t"] for t in titles] == ["副县长"]


def test_one_person_across_articles_and_publications(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    zhang = yunling_zhang(empty_db, neo4j_settings)
    events = query(empty_db, neo4j_settings,
                   "MATCH (:Person {id: $p})-[:ATTENDED]->(e:Event) RETURN e.name AS n ORDER BY e.date", p=zhang)
    # The neighbouring daily's report of the visit names him by his own county's title; the later
    # weekly names him only as an attendee: both land on him.
    assert [e["n"] for e in events] == ["智能割草机项目签约仪式", "安全生产调研", "云岭区党政代表团考察",
                                        "企业家座谈会", "防汛工作检查"]
    (node,) = [p for p in people_named(empty_db, neo4j_settings, "张立新") if p["id"] == zhang]
    assert (node["first_seen"], node["last_seen"]) == ("2023-02-27", "2023-06-20")
    as_of = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[h:HOLDS_POSITION]->() "
                  "RETURN h.as_of AS d ORDER BY d", p=zhang)
    assert [r["d"] for r in as_of] == ["2023-02-27", "2023-04-10", "2023-05-03"]


def test_official_and_executive_with_one_name_stay_apart(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    wang = people_named(empty_db, neo4j_settings, "王海")
    assert sorted(p["sector"] for p in wang) == ["executive", "official"]
    executive = next(p["id"] for p in wang if p["sector"] == "executive")
    orgs = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[:HOLDS_POSITION]->(o:Organization) "
                 "RETURN o.name AS n", p=executive)
    assert orgs == [{"n": "云岭丰禾食品有限公司"}]


def test_company_short_form_joins_full_name_across_documents(empty_db: neo4j.Driver,
                                                              neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    companies = query(empty_db, neo4j_settings, "MATCH (o:Organization) WHERE o.name CONTAINS '晨光' OR "
                      "any(a IN o.aliases WHERE a CONTAINS '晨光') RETURN o.id AS id, o.name AS name, o.aliases AS aliases")
    assert len(companies) == 1
    (company,) = companies
    assert company["id"] == organization_id(COMPANY)
    assert company["name"] == COMPANY
    assert {COMPANY_SHORT, "晨光"} <= set(company["aliases"])
    # The chairman is one person, linked to the one company from both counties' papers.
    (li,) = people_named(empty_db, neo4j_settings, "李晓")
    posts = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[h:HOLDS_POSITION]->(o) "
                  "RETURN DISTINCT o.id AS o", p=li["id"])
    assert posts == [{"o": company["id"]}]
    reasons = query(empty_db, neo4j_settings, "MATCH (:Organization {id: $o})-[m:MENTIONED_IN]->() "
                    "RETURN collect(m.resolution) AS r", o=company["id"])
    assert "short form of the company's full name" in reasons[0]["r"]


def test_project_named_by_capacity_and_by_company_is_one(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    projects = query(empty_db, neo4j_settings, "MATCH (p:Project) RETURN p.name AS name, p.aliases AS aliases")
    assert projects == [{"name": PROJECT, "aliases": [PROJECT_BY_COMPANY]}]


def test_projects_of_one_company_with_different_words_stay_apart(empty_db: neo4j.Driver,
                                                                 neo4j_settings: Settings) -> None:
    other = songhe_daily()
    other.articles[0].projects[0].name = "晨光无人机总装基地项目"
    load(empty_db, neo4j_settings, [yunling_weekly(), other])
    names = query(empty_db, neo4j_settings, "MATCH (p:Project) RETURN p.name AS n ORDER BY n")
    assert [n["n"] for n in names] == sorted([PROJECT, "晨光无人机总装基地项目"])


def test_another_companys_project_with_the_same_description_is_another_project(
        empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    other_company = "松河绿野农机有限公司"
    plant = Article(
        title="绿野农机项目开工", date="2023-07-01",
        organizations=[Organization(name=other_company, kind="company")],
        projects=[Project(name=PROJECT, companies=[other_company], place="松河县", sentence=f"{PROJECT}开工。")],
    )
    later = Article(
        title="晨光项目投产", date="2023-08-01",
        organizations=[Organization(name=COMPANY, kind="company")],
        projects=[Project(name=PROJECT, companies=[COMPANY], place="云岭区", sentence=f"{PROJECT}投产。")],
    )
    docs = [yunling_weekly(), _document("songhe_daily_200.txt", "松河日报", "2023-07-02", [plant]),
            _document("yunling_weekly_30.txt", "云岭周刊", "2023-08-02", [later])]
    writer = load(empty_db, neo4j_settings, docs)
    runs = query(empty_db, neo4j_settings, "MATCH (o:Organization)-[:RUNS]->(p:Project) "
                 "WITH p, collect(DISTINCT o.name) AS companies RETURN p.name AS project, companies "
                 "ORDER BY companies")
    # Two plants, each with its own company; the first company's later article joins its own.
    assert runs == [{"project": PROJECT, "companies": [COMPANY]}, {"project": PROJECT, "companies": [other_company]}]
    assert all(writer.write_document(doc).nodes_created == 0 for doc in docs)


def test_a_government_that_signs_two_companies_plants_does_not_make_them_one(
        empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    county = "松河县人民政府"

    def signing(company: str, date: str) -> Article:
        sentence = f"{county}与{company}{PROJECT}签约。"
        return Article(
            title=f"{company}项目签约", date=date,
            organizations=[Organization(name=county, kind="government"), Organization(name=company, kind="company")],
            projects=[Project(name=PROJECT, companies=[company], sentence=sentence)],
            signings=[Signing(project=PROJECT, parties=[county, company], sentence=sentence)],
        )

    docs = [_document("songhe_daily_301.txt", "松河日报", "2023-09-01", [signing(COMPANY, "2023-09-01")]),
            _document("songhe_daily_302.txt", "松河日报", "2023-09-02", [signing("松河绿野农机有限公司", "2023-09-02")])]
    load(empty_db, neo4j_settings, docs)
    plants = query(empty_db, neo4j_settings, "MATCH (o:Organization {kind: 'company'})-[:RUNS]->(p:Project) "
                   "RETURN p.id AS p, collect(o.name) AS companies ORDER BY companies")
    assert [r["companies"] for r in plants] == [[COMPANY], ["松河绿野农机有限公司"]]
    assert plants[0]["p"] != plants[1]["p"]


def test_reloading_resolves_to_the_same_nodes(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    writer = load(empty_db, neo4j_settings)
    before = query(empty_db, neo4j_settings, "MATCH (n) RETURN count(n) AS n")
    for doc in all_documents():
        again = writer.write_document(doc)
        assert again.nodes_created == 0
    assert query(empty_db, neo4j_settings, "MATCH (n) RETURN count(n) AS n") == before


def test_each_mention_records_why_it_went_to_its_node(empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    load(empty_db, neo4j_settings)
    reasons = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[m:MENTIONED_IN]->(a:Article) "
                    "RETURN a.date AS d, m.resolution AS r ORDER BY d", p=songhe_zhang(empty_db, neo4j_settings))
    assert reasons == [{"d": "2023-05-01", "r": "new: kept apart from a homonym"}]
    reasons = query(empty_db, neo4j_settings, "MATCH (:Person {id: $p})-[m:MENTIONED_IN]->(a:Article) "
                    "RETURN a.date AS d, m.resolution AS r ORDER BY d", p=yunling_zhang(empty_db, neo4j_settings))
    assert reasons[0]["r"] == "new"
    assert reasons[1]["r"] == "same name, same place and line of work"


def test_a_body_named_without_its_place_belongs_to_the_papers_county(empty_db: neo4j.Driver,
                                                                      neo4j_settings: Settings) -> None:
    def paper(publication: str, name: str) -> Document:
        art = Article(title=f"{name}调研组织工作", date="2023-03-03",
                      people=[_official(name, "组织部部长", "区委组织部")],
                      events=[Event(name="组织工作调研", type="inspection", date="2023-03-03",
                                    attendees=[Attendee(name=name)])])
        return _document(f"{publication}.txt", publication, "2023-03-04", [art])

    load(empty_db, neo4j_settings, [paper("云岭周刊", "孙平"), paper("青山周刊", "钱进")])
    bodies = query(empty_db, neo4j_settings, "MATCH (p:Person)-[:HOLDS_POSITION]->(o:Organization) "
                   "RETURN p.name AS p, o.name AS o, o.aliases AS aliases ORDER BY p")
    assert bodies == [{"p": "孙平", "o": "云岭区委组织部", "aliases": ["区委组织部"]},
                      {"p": "钱进", "o": "青山区委组织部", "aliases": ["区委组织部"]}]


def test_a_person_first_named_in_traditional_script_is_found_under_the_simplified_name(
        empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    first = Article(
        title="雲嶺區召開安全生產會議", date="2023-03-01",
        people=[_official("錢立青", "副區長", "雲嶺區人民政府")],
        events=[Event(name="安全生產會議", type="meeting", date="2023-03-01",
                      attendees=[Attendee(name="錢立青", sentence="副區長錢立青出席。")])],
    )
    later = Article(
        title="云岭区检查防汛工作", date="2023-06-01",
        people=[_official("钱立青", "副区长", "云岭区人民政府")],
        events=[Event(name="防汛工作检查", type="inspection", date="2023-06-01",
                      attendees=[Attendee(name="钱立青", sentence="副区长钱立青检查防汛工作。")])],
    )
    load(empty_db, neo4j_settings, [_document("yunling_big5.txt", "云岭周刊", "2023-03-02", [first]),
                                    _document("yunling_later.txt", "云岭周刊", "2023-06-02", [later])])
    people = query(empty_db, neo4j_settings, "MATCH (p:Person)-[:ATTENDED]->(e:Event) "
                   "RETURN p.id AS id, collect(e.name) AS events")
    assert len(people) == 1 and sorted(people[0]["events"]) == ["安全生產會議", "防汛工作检查"]
