"""The watchlist on the page (issue 16): an editor follows a person from his page and a place from
the watchlist; after the next load the header counts what is new and the watchlist shows it, each
fact with its sentence, until it is marked read."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from browser.conftest import EDITOR_KEY
from browser.corrections_document import HEAD, MEETING
from browser.watch_document import (
    APPOINTEE,
    APPOINTMENT_SENTENCE,
    DISTRICT,
    DISTRICT_CODE,
    FAIR,
    FAIR_SENTENCE,
    next_issue,
)
from graph.writer import GraphWriter
from guanxi.ids import person_id
from guanxi.settings import Settings

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

expect.set_options(timeout=15_000)

HEAD_ID = person_id(HEAD)


def test_after_a_load_the_watchlist_shows_what_is_new_about_what_is_followed(
        page: Page, live_server: str, loaded_graph: neo4j.Driver, neo4j_settings: Settings,
        screenshots: Path) -> None:
    page.goto(f"{live_server}/#/person/{HEAD_ID}")
    follow = page.locator("#follow")
    expect(follow).to_have_attribute("aria-pressed", "false")
    follow.click()
    page.fill("#editor-key", EDITOR_KEY)  # the first follow asks for the key
    page.click("#editor-sign-in")
    expect(follow).to_have_attribute("aria-pressed", "true")
    expect(follow).to_contain_text("Following")

    page.click("#nav-watch")
    expect(page.locator(f'#watch-followed li[data-id="{HEAD_ID}"]')).to_contain_text(HEAD)
    page.fill("#follow-place", DISTRICT)
    page.click("#follow-place-button")
    expect(page.locator(f'#watch-followed li[data-id="{DISTRICT_CODE}"]')).to_contain_text(DISTRICT)
    expect(page.locator("#watch-news")).to_contain_text("Nothing new")  # what was loaded before is no news
    expect(page.locator("#watch-count")).to_have_text("")

    GraphWriter(loaded_graph, neo4j_settings.neo4j_database).write_document(next_issue())  # the next load

    page.reload()
    expect(page.locator("#watch-count")).to_contain_text("2 new")
    head = page.locator(f'#watch-news section[data-watched="{HEAD_ID}"]')
    expect(head.locator("li.change")).to_have_count(1)
    expect(head.locator("li.change")).to_contain_text(FAIR)
    expect(head.locator(".sentence")).to_have_text(FAIR_SENTENCE)
    district = page.locator(f'#watch-news section[data-watched="{DISTRICT_CODE}"]')
    expect(district.locator("li.change")).to_contain_text(f"{APPOINTEE} 副区长")
    expect(district.locator(".sentence")).to_have_text(APPOINTMENT_SENTENCE)
    page.screenshot(path=str(screenshots / "watchlist.png"), full_page=True)

    # The sentence opens its article with it highlighted.
    head.locator("a.sentence-link").click()
    expect(page.locator("#article-body mark.fact-span.current")).to_have_text(FAIR_SENTENCE)

    page.click("#nav-watch")
    page.click("#watch-seen")
    expect(page.locator("#watch-news")).to_contain_text("Nothing new")
    expect(page.locator("#watch-count")).to_have_text("")
    page.reload()
    expect(page.locator("#watch-news")).to_contain_text("Nothing new")  # read stays read

    # Looking back shows them again, and what earlier loads said; unfollowing empties the list.
    page.fill("#watch-since", "2000-01-01")
    page.locator("#watch-since").dispatch_event("change")
    earlier = page.locator(f'#watch-news section[data-watched="{HEAD_ID}"]')
    expect(earlier).to_contain_text(FAIR)
    expect(earlier).to_contain_text(MEETING)
    for id in (HEAD_ID, DISTRICT_CODE):
        page.locator(f'#watch-followed li[data-id="{id}"] button.unfollow').click()
        expect(page.locator(f'#watch-followed li[data-id="{id}"]')).to_have_count(0)
