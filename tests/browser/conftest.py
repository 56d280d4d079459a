"""The journalist page in a real browser: Neo4j with fixture documents, the API under uvicorn, and
headless Debian Chromium driven by Playwright.

Chromium is never downloaded by Playwright: the tests use /usr/bin/chromium (see
scripts/ensure-chromium.sh) and skip when it is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
import uvicorn
from fixtures.documents import WEEKLY_URL, weekly_document

from api.main import create_app
from browser.corrections_document import corrections_document
from browser.journalist_document import journalist_documents
from browser.markup_document import markup_document
from graph.writer import GraphWriter
from guanxi.settings import Settings

CHROMIUM = Path(os.environ.get("GUANXI_CHROMIUM", "/usr/bin/chromium"))
# The machine has no network: without these Chromium keeps trying to reach its update and sync
# services; it runs as root in CI, hence no sandbox.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIXTURE_ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
# One story in three files (a text page, its Big5 web page, a reprint): one article, three sources.
FIXTURE_STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# The key the page's editor tests sign in with: the live server takes it as its GUANXI_API_KEY.
EDITOR_KEY = "browser-editor-key-0123456789"

try:
    from playwright.sync_api import BrowserContext, Page, sync_playwright
except ImportError:  # the dev extras are not installed
    sync_playwright = None  # type: ignore[assignment]


def _skip_reason() -> str | None:
    if sync_playwright is None:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing; run scripts/ensure-chromium.sh (as root) to install Debian's chromium"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _skip_reason()
    if reason is None:
        return
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=reason))


def _extracted_documents() -> list[Any]:
    """The fixture articles through the real extractor, to give the page a fuller graph to show.

    Best effort: the assertions only rely on the hand-built document, so an extractor in the middle
    of being changed must not break the browser tests.
    """
    if os.environ.get("GUANXI_BROWSER_HAND_BUILT_ONLY"):  # a quick loop on the page: two minutes less
        return []
    try:
        from loaders.pipeline import extract_file

        return [extract_file(path) for path in sorted(FIXTURE_ARTICLES.glob("*.txt"))]
    except Exception as exc:  # any extractor failure: fall back to the hand-built document alone
        warnings.warn(f"browser tests: extractor failed, loading hand-built documents only: {exc}", stacklevel=1)
        return []


@pytest.fixture(scope="session")
def loaded_graph(driver: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The test instance emptied, then filled with the fixture documents."""
    database = neo4j_settings.neo4j_database
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    writer = GraphWriter(driver, database)
    writer.ensure_schema()
    weekly = weekly_document()
    weekly.url = WEEKLY_URL  # the article view links to it
    writer.write_document(weekly)
    writer.write_document(markup_document())
    for document in journalist_documents():
        writer.write_document(document)
    writer.write_document(corrections_document())
    from loaders.pipeline import extract_file

    for path in sorted(FIXTURE_STORIES.iterdir()):
        writer.write_document(extract_file(path))
    for document in _extracted_documents():
        writer.write_document(document)
    return driver


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(loaded_graph: neo4j.Driver, neo4j_settings: Settings) -> Iterator[str]:
    """The real app under uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    port = _free_port()
    app = create_app(neo4j_settings.model_copy(update={"api_key": EDITOR_KEY}))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-browser-tests", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_context() -> Iterator[BrowserContext]:
    """Debian's Chromium with a fresh profile, closed (and the profile removed) after the session."""
    assert sync_playwright is not None
    profile = tempfile.mkdtemp(prefix="guanxi-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 860},
                locale="zh-CN",
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context: BrowserContext, live_server: str) -> Iterator[Page]:
    """A new tab; fails the test on any uncaught script error in the page."""
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        tab.close()
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
