"""Offices over time on the real Neo4j, from pages the loaders read (tests/fixtures/offices.py): a
person's career across two districts, who held a district's 区长 and when nobody was seen in it, the
officials of a district or a whole city at a date, and those of a district who met a company."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.offices import COMPANY, VISIT_SENTENCE, office_documents

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter, load_documents
from guanxi.settings import Settings

pytestmark = pytest.mark.integration

TAIERZHUANG, YICHENG, ZAOZHUANG = "370405", "370404", "370400"


@pytest.fixture(scope="module")
def graph(driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    load_documents(GraphWriter(driver, neo4j_settings.neo4j_database), office_documents())
    return driver


@pytest.fixture(scope="module")
def client(graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    app = create_app(neo4j_settings)
    repo = GraphRepository(graph, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def person(graph: neo4j.Driver, settings: Settings, name: str) -> str:
    records, _, _ = graph.execute_query("MATCH (p:Person {name: $name}) RETURN p.id AS id", name=name,
                                        database_=settings.neo4j_database)
    assert len(records) == 1, f"{name}: {len(records)} nodes"
    return str(records[0]["id"])


def organization(graph: neo4j.Driver, settings: Settings, name: str) -> str:
    records, _, _ = graph.execute_query("MATCH (o:Organization {name: $name}) RETURN o.id AS id", name=name,
                                        database_=settings.neo4j_database)
    return str(records[0]["id"])


def tenures(post: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(h["person"]["name"], h["first_seen"], h["last_seen"]) for h in post["holders"]]


def test_title_edges_carry_the_code_of_their_division(graph: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = graph.execute_query(
        "MATCH (p:Person)-[h:HOLDS_POSITION]->() WHERE h.place IS NOT NULL "
        "RETURN DISTINCT h.place AS place, h.place_code AS code ORDER BY place",
        database_=neo4j_settings.neo4j_database)
    assert {(r["place"], r["code"]) for r in records} == {
        ("台儿庄区", "370405000000"), ("臺兒莊區", "370405000000"), ("峄城区", "370404000000"),
        ("马兰屯镇", "370405000000"),  # a town carries its county's code
    }


def test_a_career_shows_the_move_from_one_district_to_another(client: TestClient, graph: neo4j.Driver,
                                                              neo4j_settings: Settings) -> None:
    sun = person(graph, neo4j_settings, "孙明远")
    body = client.get(f"/people/{sun}/career").json()
    posts = [(p["title"], p["place"], p["place_code"], p["first_seen"], p["last_seen"], p["seen"]) for p in body["posts"]]
    assert posts == [
        ("副区长", "台儿庄区", "370405000000", "2021-03-09", "2021-09-14", 2),
        ("副区长", "峄城区", "370404000000", "2022-01-19", "2022-01-19", 1),  # the same title, another post
        ("区长", "峄城区", "370404000000", "2022-06-17", "2023-01-09", 2),
    ]
    assert (body["first_seen"], body["last_seen"]) == ("2021-03-09", "2023-01-09")
    first = body["posts"][0]["sources"]
    assert [s["date"] for s in first] == ["2021-03-09", "2021-09-14"]
    assert first[1]["sentence"] == "9月14日，台儿庄区区长孔令泽带队督导秋季安全生产工作，台儿庄区副区长孙明远参加。"
    assert first[1]["article"]["title"] == "台儿庄区督导秋季安全生产"
    assert first[1]["article"]["publication_name"] == "枣庄日报"


def test_a_career_pages_its_sources_and_refuses_an_unknown_person(client: TestClient, graph: neo4j.Driver,
                                                                  neo4j_settings: Settings) -> None:
    sun = person(graph, neo4j_settings, "孙明远")
    body = client.get(f"/people/{sun}/career", params={"sources": 2}).json()
    assert all(len(p["sources"]) <= 2 for p in body["posts"])
    assert client.get("/people/per-0000/career").status_code == 404


def test_succession_lists_holders_in_order_with_the_gap_between_them(client: TestClient) -> None:
    body = client.get("/posts", params={"title": "区长", "place": TAIERZHUANG}).json()
    assert body["division"]["name"] == "台儿庄区"
    assert [a["name"] for a in body["division"]["above"]] == ["枣庄市", "山东省"]
    (post,) = body["posts"]
    # 區長 on a page in traditional script is the same post, and 田守仁 its same holder.
    assert tenures(post) == [("孔令泽", "2021-03-09", "2021-09-14"), ("田守仁", "2022-05-19", "2022-11-07")]
    assert post["holders"][1]["seen"] == 2
    (gap,) = post["gaps"]
    assert (gap["from_date"], gap["to_date"], gap["days"]) == ("2021-09-14", "2022-05-19", 247)
    assert (gap["last_holder"]["name"], gap["next_holder"]["name"]) == ("孔令泽", "田守仁")
    sentence = post["holders"][1]["sources"][0]["sentence"]
    assert sentence == "區長田守仁出席並講話，要求各鎮街提前清理河道。"  # as the page wrote it


def test_succession_reads_a_title_and_place_in_either_script_and_by_name(client: TestClient) -> None:
    simplified = client.get("/posts", params={"title": "区长", "place": TAIERZHUANG}).json()
    for title, place in (("區長", "臺兒莊區"), ("区长", "台儿庄区"), ("区长", "370405000000"), ("区长", "台儿庄")):
        assert client.get("/posts", params={"title": title, "place": place}).json() == simplified


def test_the_deputies_of_two_districts_are_two_posts(client: TestClient) -> None:
    taierzhuang = client.get("/posts", params={"title": "副区长", "place": TAIERZHUANG}).json()
    assert [tenures(p) for p in taierzhuang["posts"]] == [[("孙明远", "2021-03-09", "2021-09-14")]]
    yicheng = client.get("/posts", params={"title": "副区长", "place": YICHENG}).json()
    assert [tenures(p) for p in yicheng["posts"]] == [[("吴秋实", "2021-11-30", "2023-01-09"),
                                                       ("孙明远", "2022-01-19", "2022-01-19")]]
    assert yicheng["posts"][0]["gaps"] == []  # the two deputies overlap
    head = client.get("/posts", params={"title": "区长", "place": YICHENG}).json()
    assert tenures(head["posts"][0]) == [("韩立森", "2021-04-11", "2022-01-19"), ("孙明远", "2022-06-17", "2023-01-09")]


def test_a_towns_post_is_found_under_its_county(client: TestClient) -> None:
    body = client.get("/posts", params={"title": "镇党委书记", "place": TAIERZHUANG}).json()
    assert [(p["place"], tenures(p)) for p in body["posts"]] == [
        ("马兰屯镇", [("蒋文博", "2022-11-07", "2022-11-07")])]
    assert client.get("/posts", params={"title": "县长", "place": TAIERZHUANG}).json()["posts"] == []


def officials(body: dict[str, Any]) -> dict[str, list[tuple[str, str | None]]]:
    return {o["person"]["name"]: [(p["title"], p["place"]) for p in o["posts"]] for o in body["officials"]}


def test_the_officials_of_a_district_at_a_date(client: TestClient) -> None:
    body = client.get(f"/places/{YICHENG}/officials", params={"at": "2022-07-27"}).json()
    # 韩立森 was last seen as 区长 before 孙明远 was: his successor contradicts him. 孙明远, seen as
    # 副区长 and then as 区长, is the 区长 only.
    assert officials(body) == {"邵景川": [("区委书记", "峄城区")], "孙明远": [("区长", "峄城区")],
                               "吴秋实": [("副区长", "峄城区")]}
    assert (body["at"], body["within_days"], body["total"]) == ("2022-07-27", 365, 3)
    sun = next(o for o in body["officials"] if o["person"]["name"] == "孙明远")
    (post,) = sun["posts"]
    assert (post["seen_on"], post["next_seen"], post["first_seen"]) == ("2022-06-17", "2023-01-09", "2022-06-17")
    assert post["source"]["sentence"].endswith("董事长梅志坚代表双方签约。")
    assert post["source"]["article"]["title"] == "峄城区与鲁南锦程新材料有限公司签约"
    # Before 孙明远 came, 韩立森 was the 区长; a sighting older than within_days does not count.
    earlier = client.get(f"/places/{YICHENG}/officials", params={"at": "2022-03-01"}).json()
    assert officials(earlier) == {"韩立森": [("区长", "峄城区")], "吴秋实": [("副区长", "峄城区")],
                                  "孙明远": [("副区长", "峄城区")]}
    narrow = client.get(f"/places/{YICHENG}/officials", params={"at": "2022-03-01", "within_days": 60}).json()
    assert officials(narrow) == {"韩立森": [("区长", "峄城区")], "孙明远": [("副区长", "峄城区")]}


def test_a_city_answers_for_its_districts_and_their_towns(client: TestClient) -> None:
    for place in (ZAOZHUANG, "枣庄市"):
        body = client.get(f"/places/{place}/officials", params={"at": "2022-11-20"}).json()
        assert body["division"]["code"] == "370400000000"
        assert officials(body) == {
            "孙明远": [("区长", "峄城区")],
            "吴秋实": [("副区长", "峄城区")],
            "邵景川": [("区委书记", "峄城区")],
            "田守仁": [("区长", "台儿庄区")],
            "蒋文博": [("镇党委书记", "马兰屯镇")],
        }
    everyone = client.get(f"/places/{TAIERZHUANG}/officials").json()
    assert set(officials(everyone)) == {"杜怀瑾", "孔令泽", "孙明远", "田守仁", "蒋文博"}
    assert everyone["at"] is None and everyone["within_days"] is None
    paged = client.get(f"/places/{TAIERZHUANG}/officials", params={"limit": 2, "offset": 1}).json()
    assert paged["total"] == 5 and paged["officials"] == everyone["officials"][1:3]


def test_the_officials_of_a_district_who_met_a_company(client: TestClient, graph: neo4j.Driver,
                                                       neo4j_settings: Settings) -> None:
    company = organization(graph, neo4j_settings, COMPANY)
    body = client.get(f"/places/{YICHENG}/officials", params={"met": company}).json()
    assert body["met"]["name"] == COMPANY
    met = {o["person"]["name"]: o for o in body["officials"]}
    assert set(met) == {"孙明远", "邵景川"}
    signed = [(m["relation"], m["date"], m["titles"]) for m in met["孙明远"]["meetings"]]
    assert ("signed", "2022-06-17", ["区长"]) in signed
    attended = met["邵景川"]["meetings"][0]
    assert (attended["relation"], attended["event"]["name"]) == ("attended", "峄城区与鲁南锦程新材料有限公司签约")
    assert attended["source"]["sentence"].startswith("峄城区委书记邵景川出席并致辞")
    assert [p["title"] for p in met["孙明远"]["posts"]] == ["区长", "副区长"]
    # The visit's article gives him no title: he was 峄城区's 区长 when last seen before it.
    visit = met["孙明远"]["meetings"][-1]
    assert (visit["date"], visit["event"]["name"], visit["titles"]) == ("2022-09-05", "锦程新材料客商考察", [])
    assert visit["source"]["sentence"] == VISIT_SENTENCE
    city = client.get(f"/places/{ZAOZHUANG}/officials", params={"met": company}).json()
    assert [o["person"]["name"] for o in city["officials"]] == ["孙明远", "邵景川"]  # most meetings first
    # 孙明远 had left 台儿庄区 when he met the company: nobody of 台儿庄区 met it. At a date before they
    # held their posts, nobody of 峄城区 either.
    assert client.get(f"/places/{TAIERZHUANG}/officials", params={"met": company}).json()["officials"] == []
    assert client.get(f"/places/{YICHENG}/officials", params={"met": company, "at": "2021-05-01"}).json()["total"] == 0
    later = client.get(f"/places/{YICHENG}/officials", params={"met": company, "from_date": "2022-07-01"}).json()
    assert [(o["person"]["name"], len(o["meetings"])) for o in later["officials"]] == [("孙明远", 1)]


def test_unknown_and_ambiguous_places_are_refused_with_the_reason(client: TestClient) -> None:
    missing = client.get("/places/999999/officials")
    assert missing.status_code == 404 and "999999" in missing.json()["detail"]
    assert client.get("/places/鹤泉区/officials").status_code == 404
    assert client.get("/posts", params={"title": "区长", "place": "999999000000"}).status_code == 404
    ambiguous = client.get("/places/市中区/officials")
    assert ambiguous.status_code == 422
    assert "370402" in ambiguous.json()["detail"][0]["msg"]  # the candidates, to ask again by code
    assert client.get("/places/12345/officials").status_code == 422
    assert client.get(f"/places/{YICHENG}/officials", params={"at": "2022-02-30"}).status_code == 422
    assert client.get(f"/places/{YICHENG}/officials", params={"met": "org-0000"}).status_code == 404
    assert client.get("/places/370405").json()["name"] == "台儿庄区"
