"""A busy person's page and contacts on the real Neo4j: the page sorts its long lists on the date
first and reads the rest of only the newest rows (cypher/read.cypher person_page), and contacts find the
companies met through the article's own title edges (cypher/explore.cypher person_contacts). Ties on the date and
undated rows must come out exactly as a full sort on the whole key puts them, for every limit."""

from __future__ import annotations

import neo4j
import pytest

from graph.repository import GraphRepository
from guanxi.settings import Settings

pytestmark = pytest.mark.integration

PERSON = "per-busy"
COLLEAGUE = "per-colleague"
CHAIRMAN = "per-chairman"
COMPANY = "org-company"
GOVERNMENT = "org-government"

# Few distinct dates, so the newest `limit` rows usually end inside a run of equal dates; None is
# an undated fact, which sorts first when newest come first.
DATES = ["2023-01-05", None, "2023-03-01", "2023-03-01", "2023-02-10", "2023-03-01", None, "2023-02-10"]

GRAPH = """
CREATE (p:Entity:Person {id: $person, name: '段海'})
CREATE (c:Entity:Person {id: $colleague, name: '曾宇倩'})
CREATE (m:Entity:Person {id: $chairman, name: '王海'})
CREATE (g:Entity:Organization {id: $government, name: '云岭区人民政府'})
CREATE (o:Entity:Organization {id: $company, name: '云岭丰禾食品有限公司', kind: 'company'})
WITH p, c, m, g, o
UNWIND range(0, 23) AS i
WITH p, c, m, g, o, i, $dates[i % size($dates)] AS date, 'art-' + right('0' + toString(23 - i), 2) AS aid
CREATE (a:Entity:Article {id: aid, title: 'title ' + aid, date: date})
CREATE (e:Entity:Event {id: 'evt-' + toString(i), name: 'meeting ' + toString(i), date: date, article_id: aid})
CREATE (e)-[:REPORTED_IN {article_id: aid}]->(a)
CREATE (p)-[:MENTIONED_IN {article_id: aid}]->(a)
CREATE (p)-[:ATTENDED {article_id: aid, roles: ['attended'], date: date}]->(e)
CREATE (p)-[:HOLDS_POSITION {title: CASE i % 3 WHEN 0 THEN '区长' ELSE '副区长' END, article_id: aid, as_of: date}]->(g)
CREATE (p)-[:HOLDS_POSITION {title: '党组书记', article_id: aid, as_of: date}]->(g)
FOREACH (_ IN CASE WHEN i % 2 = 0 THEN [1] ELSE [] END |
  CREATE (c)-[:ATTENDED {article_id: aid, roles: ['attended'], date: date}]->(e)
  CREATE (c)-[:HOLDS_POSITION {title: '副区长', article_id: aid, as_of: date}]->(g))
FOREACH (_ IN CASE WHEN i % 4 = 1 THEN [1] ELSE [] END |
  CREATE (m)-[:ATTENDED {article_id: aid, roles: ['attended'], date: date}]->(e))
FOREACH (_ IN CASE WHEN i % 8 = 1 THEN [1] ELSE [] END |
  CREATE (m)-[:HOLDS_POSITION {title: '董事长', article_id: aid, as_of: date}]->(o))
"""


@pytest.fixture
def repo(empty_db: neo4j.Driver, neo4j_settings: Settings) -> GraphRepository:
    empty_db.execute_query(GRAPH, person=PERSON, colleague=COLLEAGUE, chairman=CHAIRMAN, company=COMPANY,
                           government=GOVERNMENT, dates=DATES, database_=neo4j_settings.neo4j_database)
    return GraphRepository(empty_db, neo4j_settings.neo4j_database)


def _newest_first(date: str | None) -> tuple[bool, str]:
    """A sort key that, reversed, orders as Neo4j's ORDER BY date DESC: nulls first, then the latest."""
    return (date is None, date or "")


def test_every_limit_gives_the_head_of_the_full_sort(repo: GraphRepository) -> None:
    full = repo.person(PERSON, limit=500)
    assert full is not None
    assert len(full.positions) == full.totals["positions"] == 48
    assert len(full.events) == full.totals["events"] == 24
    assert len(full.articles) == full.totals["articles"] == 24

    positions = [(p.as_of, p.source.article.id if p.source.article else None, p.title) for p in full.positions]
    # Newest first, then article id and title ascending: sort ascending on the tie-breakers, then
    # stably on the date, newest first.
    expected = sorted(positions, key=lambda k: (k[1], k[2]))
    expected.sort(key=lambda k: _newest_first(k[0]), reverse=True)
    assert positions == expected
    events = [(e.date, e.event.id) for e in full.events]
    expected_events = sorted(events, key=lambda k: k[1])
    expected_events.sort(key=lambda k: _newest_first(k[0]), reverse=True)
    assert events == expected_events

    for limit in range(1, 50):
        page = repo.person(PERSON, limit=limit)
        assert page is not None
        assert page.positions == full.positions[:limit], limit
        assert page.events == full.events[:limit], limit
        assert page.articles == full.articles[:limit], limit
        assert page.totals == full.totals


def test_contacts_count_every_shared_event_once(repo: GraphRepository) -> None:
    found = repo.contacts(PERSON)
    assert found is not None
    by_name = {(c.entity.kind, c.entity.name): c for c in found.contacts}
    assert found.total == 3
    assert by_name[("person", "曾宇倩")].count == 12
    assert by_name[("person", "曾宇倩")].titles == ["副区长"]
    assert by_name[("person", "王海")].count == 6
    # The chairman's company, only at the events reported in the articles that gave him the title.
    company = by_name[("organization", "云岭丰禾食品有限公司")]
    assert [e.id for e in company.events] == ["evt-1", "evt-17", "evt-9"]  # undated: by id
    assert [c.entity.name for c in found.contacts] == ["曾宇倩", "王海", "云岭丰禾食品有限公司"]
    # The person's own organisation is no contact, and a person without contacts still has a page.
    companies = repo.contacts(PERSON, kinds=["organization"])
    assert companies is not None and companies.total == 1
    nothing = repo.contacts(PERSON, from_date="2030-01-01")
    assert nothing is not None and (nothing.total, nothing.contacts) == (0, [])
    assert repo.contacts("per-unknown") is None


def test_contact_titles_are_those_of_the_newest_meetings(repo: GraphRepository, empty_db: neo4j.Driver,
                                                         neo4j_settings: Settings) -> None:
    # A title from an article where they did not meet stays off the list while the meetings gave
    # one; a contact the meetings gave no title shows the titles found elsewhere.
    empty_db.execute_query(
        """
        MATCH (c:Person {id: $colleague}), (g:Organization {id: $government}), (e:Event {id: 'evt-0'})
        CREATE (c)-[:HOLDS_POSITION {title: '镇长', article_id: 'art-elsewhere', as_of: '2024-01-01'}]->(g)
        CREATE (v:Entity:Person {id: 'per-visitor', name: '韩冬'})
        CREATE (v)-[:ATTENDED {article_id: e.article_id, roles: ['attended'], date: e.date}]->(e)
        CREATE (v)-[:HOLDS_POSITION {title: '市长', article_id: 'art-elsewhere', as_of: '2024-01-01'}]->(g)
        """,
        colleague=COLLEAGUE, government=GOVERNMENT, database_=neo4j_settings.neo4j_database)
    found = repo.contacts(PERSON)
    assert found is not None
    titles = {c.entity.name: c.titles for c in found.contacts if c.entity.kind == "person"}
    assert titles == {"曾宇倩": ["副区长"], "王海": ["董事长"], "韩冬": ["市长"]}
