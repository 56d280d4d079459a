"""Offices without Neo4j: a post's division code, which titles one person holds at a time, the rule
for who held a post at a date, the gaps between holders, and the place routes' refusals."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from graph import offices
from graph.places import DivisionAmbiguous, DivisionNotFound, code_prefix, find_division
from graph.views import EntityRef, Tenure
from guanxi.settings import Settings
from loaders.facts.division_codes import place_code
from loaders.facts.offices import Homes


@pytest.mark.parametrize(("place", "homes", "code"), [
    ("台儿庄区", {}, "370405000000"),
    ("臺兒莊區", {}, "370405000000"),
    ("枣庄市", {}, "370400000000"),
    ("北京市", {}, "110000000000"),  # the province-level city, not its city entry 110100
    ("玉环县", {}, "331083000000"),  # written before the county became 玉环市
    ("市中区", {}, None),  # four districts have the name and the story names none of their cities
    ("市中区", {"county": "市中区", "city": "枣庄市"}, "370402000000"),
    ("马兰屯镇", {"county": "台儿庄区"}, "370405000000"),  # a town has its county's code
    ("马兰屯镇", {}, None),
    ("鹤泉区", {}, None),
    (None, {"county": "台儿庄区"}, None),
])
def test_a_posts_place_gets_its_divisions_code(place: str | None, homes: dict[str, str], code: str | None) -> None:
    assert place_code(place, Homes(written=homes)) == code


def test_a_division_is_found_by_code_or_by_a_name_only_one_has() -> None:
    for text in ("370405", "370405000000", "台儿庄区", "臺兒莊區", "台儿庄", " 370405 "):
        found = find_division(text)
        assert (found.code, found.name, found.level) == ("370405000000", "台儿庄区", "county")
        assert [d.name for d in found.above] == ["枣庄市", "山东省"]
    assert [code_prefix(find_division(c)) for c in ("370000", "370400", "370405")] == ["37", "3704", "370405"]
    with pytest.raises(DivisionAmbiguous, match="370402 市中区 \\(山东省、枣庄市\\)"):
        find_division("市中区")
    with pytest.raises(DivisionNotFound):
        find_division("999999")
    with pytest.raises(DivisionNotFound):
        find_division("鹤泉区")
    with pytest.raises(ValueError, match="6 or 12 digits"):
        find_division("12345")


@pytest.mark.parametrize(("title", "shared"), [
    ("区长", False), ("區長", False), ("区委书记", False), ("镇党委书记", False), ("区人大常委会主任", False),
    ("副区长", True), ("常务副区长", True), ("区委常委", True), ("区人大常委会副主任", True), ("党组成员", True),
])
def test_deputies_and_members_share_their_post(title: str, shared: bool) -> None:
    assert offices.shared_post(title) is shared


def test_one_post_per_title_and_place_whatever_the_script() -> None:
    assert offices.post_key("區長", "臺兒莊區", "370405000000") == offices.post_key("区长", "台儿庄区", "370405000000")
    assert offices.post_key("副区长", "台儿庄区", "370405000000") != offices.post_key("副区长", "峄城区", "370404000000")
    # Two towns of one county share its code, not their posts.
    assert offices.post_key("镇长", "马兰屯镇", "370405000000") != offices.post_key("镇长", "涧头集镇", "370405000000")
    assert offices.post_key("董事长", None, None, "org-a") != offices.post_key("董事长", None, None, "org-b")


def _row(pid: str, title: str, seen: str, first: str | None = None, place: str = "峄城区") -> dict[str, Any]:
    return {"id": pid, "name": pid, "title": title, "place": place, "place_code": "370404000000",
            "first_seen": first or seen, "last_seen": seen, "sighting": [seen, "…", "art"], "next_seen": None}


def test_at_a_date_a_later_holder_contradicts_an_earlier_one_of_a_head_post() -> None:
    rows = [_row("han", "区长", "2022-01-19"), _row("sun", "区长", "2022-06-17"),
            _row("wu", "副区长", "2021-11-30"), _row("zhou", "副区长", "2022-05-01")]
    kept = offices.holding_at(rows)
    assert sorted((r["id"], r["title"]) for r in kept) == [("sun", "区长"), ("wu", "副区长"), ("zhou", "副区长")]


def test_a_deputy_seen_later_as_the_head_is_the_head_only() -> None:
    rows = [_row("sun", "副区长", "2022-01-19"), _row("sun", "区长", "2022-06-17", first="2022-06-17"),
            _row("sun", "区委常委", "2022-01-19")]
    assert sorted(r["title"] for r in offices.holding_at(rows)) == ["区委常委", "区长"]
    # Seen as the deputy after being seen as the head: both stand.
    rows = [_row("li", "区长", "2022-06-17", first="2022-03-01"), _row("li", "副区长", "2022-04-01")]
    assert sorted(r["title"] for r in offices.holding_at(rows)) == ["副区长", "区长"]


def test_gaps_are_stretches_when_no_holder_was_seen() -> None:
    def tenure(name: str, first: str, last: str) -> Tenure:
        return Tenure(person=EntityRef(id=name, kind="person", name=name), first_seen=first, last_seen=last,
                      seen=1, sources=[])

    found = offices.gaps([tenure("a", "2020-01-01", "2021-06-30"), tenure("b", "2021-03-01", "2021-12-31"),
                          tenure("c", "2022-03-01", "2022-09-30")])
    assert [(g.from_date, g.to_date, g.days, g.last_holder.id, g.next_holder.id) for g in found] == [
        ("2021-12-31", "2022-03-01", 60, "b", "c")]


def test_sources_keep_the_earliest_and_the_latest() -> None:
    raws = [[f"2022-0{m}-01", f"s{m}", f"a{m}"] for m in range(9, 0, -1)] + [["2022-01-01", "s1", "a1"]]
    assert [r[2] for r in offices.head_and_tail(raws, 2)] == ["a1", "a2", "a8", "a9"]
    assert offices.within("2022-07-27", 365) == "2021-07-27"
    assert offices.within("0001-01-05", 365) == "0001-01-01"


class FakeRepository:
    def division(self, code: str) -> Any:
        return find_division(code)

    def place_officials(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("not reached")

    def merged_into(self, id: str) -> str | None:
        return None


@pytest.fixture
def client() -> TestClient:
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:1", neo4j_password="unused"))
    app.dependency_overrides[get_repository] = FakeRepository
    return TestClient(app)


def test_a_place_is_answered_or_refused_with_the_reason(client: TestClient) -> None:
    assert client.get("/places/370405").json()["code"] == "370405000000"
    missing = client.get("/places/999999/officials")
    assert (missing.status_code, missing.json()) == (404, {"detail": "no division with code 999999"})
    ambiguous = client.get("/places/市中区/officials")
    assert ambiguous.status_code == 422 and "511102" in ambiguous.json()["detail"][0]["msg"]
    assert client.get("/places/1234567/officials").status_code == 422
    assert client.get("/places/370405/officials", params={"at": "2022-13-01"}).status_code == 422
    assert client.get("/places/370405/officials", params={"at": "0000-01-01"}).status_code == 422
    assert client.get("/posts", params={"title": "区长", "place": "市中区"}).status_code == 422
    assert client.get("/posts", params={"title": "区长"}).status_code == 422


def test_the_office_routes_are_documented() -> None:
    paths = create_app().openapi()["paths"]
    for path in ("/people/{id}/career", "/posts", "/places/{code}/officials", "/places/{code}"):
        assert paths[path]["get"]["summary"]
