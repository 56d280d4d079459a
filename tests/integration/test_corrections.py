"""Manual corrections through the API on the real Neo4j: merge and split with an audit trail, guarded
by the API key, and respected when the same articles are loaded again."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from guanxi.settings import Settings
from integration.test_resolution import load, people_named, query, songhe_daily, yunling_zhang

pytestmark = pytest.mark.integration

KEY = "test-key-4f1c-0123456789"
AUTH = {"X-API-Key": KEY}


def _client(driver: neo4j.Driver, settings: Settings, api_key: str | None) -> TestClient:
    app = create_app(settings.model_copy(update={"api_key": api_key}))
    repo = GraphRepository(driver, settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    return TestClient(app)


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    load(empty_db, neo4j_settings)
    with _client(empty_db, neo4j_settings, KEY) as test_client:
        yield test_client


def _id(driver: neo4j.Driver, settings: Settings, name: str) -> str:
    (person,) = people_named(driver, settings, name)
    return str(person["id"])


def test_writes_need_the_key_and_reads_stay_open(client: TestClient, empty_db: neo4j.Driver,
                                                 neo4j_settings: Settings) -> None:
    zhou, typo = _id(empty_db, neo4j_settings, "周敏"), _id(empty_db, neo4j_settings, "周民")
    body = {"other_id": typo, "reason": "misprint"}
    assert client.post(f"/entities/{zhou}/merge", json=body).status_code == 401
    assert client.post(f"/entities/{zhou}/merge", json=body, headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.get("/corrections").status_code == 200
    with _client(empty_db, neo4j_settings, None) as closed:
        refused = closed.post(f"/entities/{zhou}/merge", json=body, headers=AUTH)
    assert refused.status_code == 403
    assert "GUANXI_API_KEY" in refused.json()["detail"]
    assert client.get(f"/people/{typo}", follow_redirects=False).status_code == 200  # nothing was merged


def test_merge_moves_the_facts_and_keeps_an_audit_trail(client: TestClient, empty_db: neo4j.Driver,
                                                        neo4j_settings: Settings) -> None:
    zhou, typo = _id(empty_db, neo4j_settings, "周敏"), _id(empty_db, neo4j_settings, "周民")
    answer = client.post(f"/entities/{zhou}/merge", headers=AUTH,
                         json={"other_id": typo, "reason": "周民 is a misprint of 周敏"})
    assert answer.status_code == 200, answer.text
    done = answer.json()
    assert (done["kind"], done["into_id"], done["from_id"], done["by"]) == ("merge", zhou, typo, "GUANXI_API_KEY")
    assert done["from_name"] == "周民" and done["at"]

    assert client.get(f"/people/{typo}", follow_redirects=False).status_code == 301
    person = client.get(f"/people/{zhou}").json()
    assert {e["event"]["name"] for e in person["events"]} == {"安全生产调研", "企业家座谈会", "防汛工作检查"}
    assert client.get("/search", params={"q": "周民"}).json()[0]["id"] == zhou  # the old name is an alias

    trail = client.get(f"/entities/{zhou}/corrections").json()
    assert [(c["kind"], c["reason"]) for c in trail] == [("merge", "周民 is a misprint of 周敏")]


def test_a_manual_merge_survives_a_reload(client: TestClient, empty_db: neo4j.Driver,
                                          neo4j_settings: Settings) -> None:
    zhou, typo = _id(empty_db, neo4j_settings, "周敏"), _id(empty_db, neo4j_settings, "周民")
    client.post(f"/entities/{zhou}/merge", headers=AUTH, json={"other_id": typo, "reason": "misprint"})
    nodes = query(empty_db, neo4j_settings, "MATCH (n) RETURN count(n) AS n")

    load(empty_db, neo4j_settings)  # the same articles again: they still say 周民

    assert client.get(f"/people/{typo}", follow_redirects=False).status_code == 301
    assert len(client.get(f"/people/{zhou}").json()["events"]) == 3
    assert query(empty_db, neo4j_settings, "MATCH (n) RETURN count(n) AS n") == nodes


def test_split_sends_the_named_articles_to_a_new_node_even_after_a_reload(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    zhang = yunling_zhang(empty_db, neo4j_settings)
    visit = songhe_daily().articles[1].id
    answer = client.post(f"/entities/{zhang}/split", headers=AUTH,
                         json={"article_ids": [visit], "reason": "the visitor was another 张立新"})
    assert answer.status_code == 200, answer.text
    new_id = answer.json()["new_id"]
    assert new_id != zhang and answer.json()["moved_relationships"] > 0

    def events(pid: str) -> set[str]:
        return {e["event"]["name"] for e in client.get(f"/people/{pid}").json()["events"]}

    assert events(new_id) == {"云岭区党政代表团考察"}
    assert "云岭区党政代表团考察" not in events(zhang)

    load(empty_db, neo4j_settings)
    assert events(new_id) == {"云岭区党政代表团考察"}
    assert "云岭区党政代表团考察" not in events(zhang)
    assert "智能割草机项目签约仪式" in events(zhang)


def test_a_split_made_before_articles_had_story_ids_still_applies(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    zhang = yunling_zhang(empty_db, neo4j_settings)
    daily = songhe_daily()
    visit = daily.articles[1]
    old_id = visit.id
    answer = client.post(f"/entities/{zhang}/split", headers=AUTH,
                         json={"article_ids": [old_id], "reason": "the visitor was another 张立新"})
    new_id = answer.json()["new_id"]

    # The next load reads the visit's body, so the article's id is its story's fingerprint now
    # (guanxi/fingerprint.py): the correction names the id it had before.
    visit.text = ("5月3日，云岭区党政代表团来我县考察。云岭区委书记张立新率团考察，县长赵云陪同。\n"
                  "代表团一行先后来到县经济开发区和白石镇，实地察看产业项目建设和乡村振兴工作情况。")
    visit.id = ""
    load(empty_db, neo4j_settings, [daily])
    assert query(empty_db, neo4j_settings, "MATCH (a:Article {id: $a}) RETURN a", a=old_id) == []

    def events(pid: str) -> set[str]:
        return {e["event"]["name"] for e in client.get(f"/people/{pid}").json()["events"]}

    assert events(new_id) == {"云岭区党政代表团考察"}
    assert "云岭区党政代表团考察" not in events(zhang)


def test_corrections_that_make_no_sense_are_refused(client: TestClient, empty_db: neo4j.Driver,
                                                    neo4j_settings: Settings) -> None:
    zhou = _id(empty_db, neo4j_settings, "周敏")
    company = query(empty_db, neo4j_settings, "MATCH (o:Organization) WHERE o.name ENDS WITH '有限公司' "
                    "RETURN o.id AS id LIMIT 1")[0]["id"]
    different = client.post(f"/entities/{zhou}/merge", headers=AUTH, json={"other_id": company, "reason": "x"})
    assert different.status_code == 409
    unknown = client.post(f"/entities/{zhou}/merge", headers=AUTH, json={"other_id": "per-0", "reason": "x"})
    assert unknown.status_code == 404
    itself = client.post(f"/entities/{zhou}/merge", headers=AUTH, json={"other_id": zhou, "reason": "x"})
    assert itself.status_code == 409
    nothing = client.post(f"/entities/{zhou}/split", headers=AUTH, json={"article_ids": ["art-0"], "reason": "x"})
    assert nothing.status_code == 409
    assert client.post(f"/entities/{zhou}/split", headers=AUTH, json={"article_ids": [], "reason": "x"}).status_code == 422
    assert client.get("/corrections").json() == []



def test_a_merge_preview_shows_what_the_merge_then_moves_and_moves_nothing_itself(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    zhou, typo = _id(empty_db, neo4j_settings, "周敏"), _id(empty_db, neo4j_settings, "周民")
    assert client.post(f"/entities/{zhou}/merge/preview", json={"other_id": typo}).status_code == 401
    before = query(empty_db, neo4j_settings, "MATCH ()-[r]->() RETURN count(r) AS n")

    preview = client.post(f"/entities/{zhou}/merge/preview", headers=AUTH, json={"other_id": typo})
    assert preview.status_code == 200, preview.text
    shown = preview.json()
    assert (shown["kind"], shown["source"]["id"], shown["target"]["id"]) == ("merge", typo, zhou)
    assert shown["aliases"] == ["周民"]
    assert query(empty_db, neo4j_settings, "MATCH ()-[r]->() RETURN count(r) AS n") == before
    assert client.get(f"/people/{typo}", follow_redirects=False).status_code == 200  # still there
    # Every fact comes with the sentence and article it was read in, and where it leads.
    attended = [f for f in shown["facts"] if f["type"] == "ATTENDED"]
    assert attended and all(f["source"]["sentence"] and f["source"]["article"]["title"] for f in attended)
    assert {f["other"]["kind"] for f in attended} == {"event"}
    assert {a["id"] for a in shown["articles"]} == {f["source"]["article"]["id"] for f in shown["facts"]
                                                   if f["source"]["article"]}

    done = client.post(f"/entities/{zhou}/merge", headers=AUTH,
                       json={"other_id": typo, "reason": "misprint", "plan": shown["plan"]})
    assert done.status_code == 200, done.text
    assert done.json()["moved_relationships"] == len(shown["facts"])
    recorded = client.get(f"/corrections/{done.json()['id']}").json()["moved"]
    assert sorted((m["type"], m["other_id"]) for m in recorded) == \
        sorted((f["type"], f["other"]["id"] if f["other"] else None) for f in shown["facts"])


def test_a_correction_refuses_to_move_what_its_preview_did_not_show(
        client: TestClient, empty_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    zhang = yunling_zhang(empty_db, neo4j_settings)
    visit = songhe_daily().articles[1].id
    preview = client.post(f"/entities/{zhang}/split/preview", headers=AUTH,
                          json={"article_ids": [visit], "name": "张立新（松河）"})
    assert preview.status_code == 200, preview.text
    shown = preview.json()
    assert shown["target"]["name"] == "张立新（松河）" and shown["target"]["id"] != zhang
    assert {f["source"]["article"]["id"] for f in shown["facts"]} == {visit}

    # A load in between gives the visit's article one more fact about him: the preview no longer says
    # everything that would move.
    query(empty_db, neo4j_settings, "MATCH (p:Person {id: $p}), (a:Article {id: $a}) "
          "CREATE (p)-[:WROTE {role: '摄影', article_id: $a, sentence: '张立新 摄'}]->(a)", p=zhang, a=visit)
    stale = client.post(f"/entities/{zhang}/split", headers=AUTH,
                        json={"article_ids": [visit], "reason": "another 张立新", "plan": shown["plan"]})
    assert stale.status_code == 409 and "preview it again" in stale.json()["detail"]
    assert client.get("/corrections").json() == []

    again = client.post(f"/entities/{zhang}/split/preview", headers=AUTH, json={"article_ids": [visit]}).json()
    assert len(again["facts"]) == len(shown["facts"]) + 1
    done = client.post(f"/entities/{zhang}/split", headers=AUTH,
                       json={"article_ids": [visit], "reason": "another 张立新", "plan": again["plan"]})
    assert done.status_code == 200, done.text


def test_previews_refuse_what_the_correction_would_refuse(client: TestClient, empty_db: neo4j.Driver,
                                                          neo4j_settings: Settings) -> None:
    zhou = _id(empty_db, neo4j_settings, "周敏")
    assert client.post(f"/entities/{zhou}/merge/preview", headers=AUTH, json={"other_id": zhou}).status_code == 409
    assert client.post(f"/entities/{zhou}/merge/preview", headers=AUTH,
                       json={"other_id": "per-0"}).status_code == 404
    assert client.post(f"/entities/{zhou}/split/preview", headers=AUTH,
                       json={"article_ids": ["art-0"]}).status_code == 409
    assert client.get("/editor", headers=AUTH).json() == {"editor": "GUANXI_API_KEY"}
    assert client.get("/editor").status_code == 401
