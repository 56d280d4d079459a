"""The read repository on the real Neo4j: search behaves like a journalist expects."""

from __future__ import annotations

import neo4j
import pytest
from fixtures.documents import COMPANY_ID, GOVERNMENT_ID, PROJECT_ID, SECRETARY_ID, weekly_document

from graph.repository import GraphRepository
from graph.writer import GraphWriter
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def repo(empty_db: neo4j.Driver, neo4j_settings: Settings) -> GraphRepository:
    writer = GraphWriter(empty_db, neo4j_settings.neo4j_database)
    writer.ensure_schema()
    writer.write_document(weekly_document())
    return GraphRepository(empty_db, neo4j_settings.neo4j_database, query_timeout_s=10)


def test_counts_reflect_the_loaded_document(repo: GraphRepository) -> None:
    counts = repo.counts()
    assert (counts.documents, counts.articles, counts.events, counts.projects, counts.signings) == (1, 2, 2, 1, 1)
    assert counts.people == 6  # five named in the articles and the reporter


@pytest.mark.parametrize("q", ['"', "\\", "a AND b", "华辰*", "(区", "~", "  "])
def test_search_takes_any_text_without_error(repo: GraphRepository, q: str) -> None:
    repo.search(q)


def test_search_folds_width_and_case(repo: GraphRepository) -> None:
    # Full-width brackets in the query find the half-width name.
    assert repo.search("华辰（苏州）")[0].id == COMPANY_ID
    assert repo.search("5gwh")[0].id == PROJECT_ID


@pytest.mark.parametrize("q", ["产5", "5G", "gw", "Wh储", "年产5GWh"])
def test_search_finds_letters_and_digits_inside_a_name(repo: GraphRepository, q: str) -> None:
    # The index has no token for 产5 (年产 and 5gwh are two): found through the token holding 5.
    assert PROJECT_ID in {h.id for h in repo.search(q)}


def test_search_in_traditional_characters_or_one_character_finds_simplified_names(repo: GraphRepository) -> None:
    assert repo.search("周明遠")[0].id == SECRETARY_ID  # 遠 is 远 written traditionally
    assert SECRETARY_ID in {h.id for h in repo.search("远", limit=50)}  # one character, mid-name


def test_exact_alias_ranks_first_and_paging_walks_the_list(repo: GraphRepository) -> None:
    assert repo.search("区政府")[0].id == GOVERNMENT_ID
    everything = repo.search("储", limit=100)
    assert {h.kind for h in everything} == {"organization", "project", "event"}
    pages = [repo.search("储", limit=1, offset=i) for i in range(len(everything))]
    assert [page[0].id for page in pages] == [h.id for h in everything]


def test_paths_to_itself_or_beyond_reach_are_empty(repo: GraphRepository) -> None:
    assert repo.paths(SECRETARY_ID, SECRETARY_ID) == []
    assert repo.paths(SECRETARY_ID, COMPANY_ID, max_hops=2) == []


def test_neighbourhood_of_an_article_reaches_its_document(repo: GraphRepository) -> None:
    art_id = weekly_document().articles[1].id
    view = repo.neighbourhood(art_id, depth=1)
    assert view is not None
    assert {n.kind for n in view.nodes} >= {"article", "document", "person", "event"}
