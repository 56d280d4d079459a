"""The journalist page in headless Chromium over the real API and Neo4j: search as you type, an
entity's titles and timeline with their sentences, the graph that grows on click, and the
connection between a person and a company. Each view is saved to docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fixtures.documents import (
    COMPANY,
    COMPANY_ID,
    MANAGER,
    MANAGER_ID,
    MANAGER_SENTENCE,
    PROJECT,
    PROJECT_ID,
    SECRETARY,
    SECRETARY_ID,
    SIGNING_SENTENCE,
)

from browser.markup_document import MARKUP_EVENT, MARKUP_SENTENCE, MARKUP_TITLE

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

SIGNING_EVENT = f"{PROJECT}签约仪式"
ARTICLE_TITLE = "示例区人民政府与华辰储能项目签约仪式举行"

expect.set_options(timeout=15_000)


def offers(live_server: str, path: str) -> bool:
    """Whether this server has an optional endpoint the page uses when present."""
    return path in httpx.get(f"{live_server}/openapi.json").json()["paths"]


def settle_graph(page: Page) -> None:
    """Waits until the force layout has stopped moving, so screenshots show the final drawing."""
    page.wait_for_selector('#graph-svg[data-settled="true"]')


def test_search_entity_and_graph(page: Page, live_server: str, screenshots: Path) -> None:
    page.goto(f"{live_server}/")

    # Instant search across kinds: results come as the user types, no button pressed.
    search = page.locator("#q")
    search.press_sequentially("华辰", delay=50)
    expect(page.locator(f'#results li.hit[data-kind="organization"][data-id="{COMPANY_ID}"]')).to_contain_text(COMPANY)
    expect(page.locator(f'#results li.hit[data-kind="project"][data-id="{PROJECT_ID}"]')).to_contain_text(PROJECT)
    page.screenshot(path=str(screenshots / "search.png"))

    search.fill("")
    search.press_sequentially(SECRETARY[1:], delay=50)  # two characters of the name
    hit = page.locator(f'#results li.hit[data-id="{SECRETARY_ID}"]')
    expect(hit).to_contain_text(SECRETARY)
    expect(hit).to_contain_text("区委书记")

    # The entity: titles over time and a timeline of events, each with its sentence and article.
    hit.click()
    expect(page.locator("#entity-name")).to_contain_text(SECRETARY)
    titles = page.locator("#titles")
    expect(titles).to_contain_text("区委书记")
    expect(titles).to_contain_text("2023-05-10 → 2023-05-11")
    signing = page.locator("#timeline .timeline-item", has_text=SIGNING_EVENT)
    expect(signing).to_contain_text("2023-05-10")
    expect(signing).to_contain_text("出席")
    expect(signing).to_contain_text("讲话")
    expect(signing.locator(".sentence")).to_have_text(SIGNING_SENTENCE)
    expect(signing.locator(".source")).to_contain_text(ARTICLE_TITLE)
    expect(page.locator("#timeline .timeline-item")).to_have_count(2)
    if offers(live_server, "/people/{id}/contacts"):
        expect(page.locator("#contacts tr", has_text=MANAGER)).to_contain_text(SIGNING_EVENT)
    page.screenshot(path=str(screenshots / "entity.png"), full_page=True)

    # The graph: the person's neighbourhood; clicking the signing adds the people who were there.
    page.click("#open-graph")
    graph = page.locator("#graph-svg")
    expect(graph.locator(f'g.node[data-id="{SECRETARY_ID}"]')).to_have_count(1)
    event_node = graph.locator(f'g.node[data-name="{SIGNING_EVENT}"]')
    expect(event_node).to_have_count(1)
    expect(graph.locator(".edge-label", has_text="出席·讲话 2023-05-10")).to_have_count(1)
    expect(graph.locator(f'g.node[data-id="{MANAGER_ID}"]')).to_have_count(0)
    settle_graph(page)
    before = graph.locator("g.node").count()

    event_node.locator("circle").click()
    expect(graph.locator(f'g.node[data-id="{MANAGER_ID}"]')).to_have_count(1)
    assert graph.locator("g.node").count() > before
    expect(event_node).to_have_class("node event expanded selected")
    panel = page.locator("#graph-panel")
    expect(panel).to_contain_text(MANAGER)
    expect(panel.locator(".sentence", has_text=MANAGER_SENTENCE).first).to_be_visible()
    settle_graph(page)
    page.screenshot(path=str(screenshots / "graph.png"))


def test_connection_between_a_person_and_a_company(page: Page, live_server: str, screenshots: Path) -> None:
    page.goto(f"{live_server}/")
    page.click("#nav-connect")

    page.locator("#from-input").press_sequentially(SECRETARY[1:], delay=50)
    page.click(f'#from-results li.hit[data-id="{SECRETARY_ID}"]')
    expect(page.locator("#from-picked")).to_contain_text(SECRETARY)

    page.locator("#to-input").press_sequentially("华辰公司", delay=50)  # the company's alias
    page.click(f'#to-results li.hit[data-id="{COMPANY_ID}"]')
    expect(page.locator("#to-picked")).to_contain_text(COMPANY)

    first = page.locator("#paths .path").first
    expect(first).to_have_attribute("data-length", "3")
    hops = first.locator(".hop")
    expect(hops).to_have_count(3)
    expect(hops.nth(0)).to_contain_text(SECRETARY)
    expect(hops.nth(0)).to_contain_text(SIGNING_EVENT)
    expect(hops.nth(0).locator(".sentence")).to_have_text(SIGNING_SENTENCE)
    expect(hops.nth(0).locator(".source")).to_contain_text(ARTICLE_TITLE)
    expect(hops.nth(1)).to_contain_text(MANAGER)
    expect(hops.nth(2)).to_contain_text("副总经理")
    expect(hops.nth(2)).to_contain_text(COMPANY)
    expect(hops.nth(2).locator(".sentence")).to_have_text(MANAGER_SENTENCE)
    page.screenshot(path=str(screenshots / "connection.png"), full_page=True)


def test_names_and_sentences_that_look_like_markup_stay_text(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially("座谈会", delay=50)
    hit = page.locator("#results li.hit", has_text=MARKUP_EVENT)
    expect(hit).to_have_count(1)
    hit.click()
    expect(page.locator("#entity-name")).to_contain_text(MARKUP_EVENT)
    expect(page.locator("#attendees .sentence")).to_have_text(MARKUP_SENTENCE)
    expect(page.locator("#detail")).to_contain_text(MARKUP_TITLE)
    assert page.locator("#detail img, #detail b, #detail script").count() == 0
    assert page.evaluate("window.__injected") is None
