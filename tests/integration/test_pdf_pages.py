"""A story read from a PDF keeps its page in the graph: /articles/{id} and every fact's article
reference say which page of the file, which 版次 and, for a scan, how sure Tesseract was."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient
from fixtures.documents import SECRETARY_ID, weekly_document

from api.deps import get_repository
from api.main import create_app
from graph.repository import GraphRepository
from graph.writer import GraphWriter, load_documents
from guanxi.facts import Placement
from guanxi.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def client(empty_db: neo4j.Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    weekly = weekly_document()
    weekly.source, weekly.read_as = "weekly.scan.pdf", "ocr"
    for art in weekly.articles:
        art.source = Placement(pdf_page=2, page_label="第2版", ocr_confidence=88.4)
    load_documents(GraphWriter(empty_db, neo4j_settings.neo4j_database), [weekly])
    app = create_app(neo4j_settings)
    repo = GraphRepository(empty_db, neo4j_settings.neo4j_database)
    app.dependency_overrides[get_repository] = lambda: repo
    with TestClient(app) as test_client:
        yield test_client


def test_the_article_says_its_page_and_confidence(client: TestClient) -> None:
    person = client.get(f"/people/{SECRETARY_ID}").json()
    ref = person["events"][0]["source"]["article"]
    assert (ref["pdf_page"], ref["page_label"]) == (2, "第2版")
    article = client.get(f"/articles/{ref['id']}").json()
    assert (article["pdf_page"], article["page_label"], article["ocr_confidence"]) == (2, "第2版", 88.4)
    (copy,) = article["sources"]
    assert (copy["file"], copy["pdf_page"], copy["page_label"], copy["ocr_confidence"]) == \
        ("weekly.scan.pdf", 2, "第2版", 88.4)
