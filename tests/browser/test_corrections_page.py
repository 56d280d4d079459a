"""Corrections on the page (issue 16, item 13), in headless Chromium: an editor with a key merges a
misprinted entry into the right one and splits a namesake's article off, each after reading what
will move, and undoes each from the page. Every test leaves the graph as it found it."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.conftest import EDITOR_KEY
from browser.corrections_document import (
    DEPUTY,
    FESTIVAL,
    FESTIVAL_SENTENCE,
    HEAD,
    MEETING,
    MISPRINT,
    MISPRINT_SENTENCE,
    SURVEY,
)
from guanxi.ids import person_id

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

expect.set_options(timeout=15_000)

HEAD_ID, MISPRINT_ID, DEPUTY_ID = person_id(HEAD), person_id(MISPRINT), person_id(DEPUTY)


def status(page: Page, live_server: str, path: str) -> int:
    return page.request.get(f"{live_server}{path}", max_redirects=0).status


def sign_in(page: Page) -> None:
    page.click("#open-corrections")
    page.fill("#editor-key", EDITOR_KEY)
    page.click("#editor-sign-in")
    expect(page.locator("#signed-in")).to_contain_text("GUANXI_API_KEY")  # the name the trail will give


def test_a_merge_is_previewed_confirmed_and_undone_from_the_page(page: Page, live_server: str,
                                                                  screenshots: Path) -> None:
    page.goto(f"{live_server}/#/person/{HEAD_ID}")
    expect(page.locator("#corrections")).to_be_hidden()
    page.click("#open-corrections")
    page.fill("#editor-key", "not-the-key-0123456789")
    page.click("#editor-sign-in")
    expect(page.locator("#editor-key-error")).to_contain_text("not known")
    expect(page.locator("#merge-form")).to_have_count(0)  # no key, no corrections
    page.fill("#editor-key", EDITOR_KEY)
    page.click("#editor-sign-in")
    expect(page.locator("#signed-in")).to_contain_text("GUANXI_API_KEY")

    page.locator("#merge-search").press_sequentially(MISPRINT, delay=30)
    page.locator(f'#merge-results li.hit[data-id="{MISPRINT_ID}"]').click()
    expect(page.locator("#merge-other")).to_contain_text(MISPRINT)
    page.fill("#merge-reason", f"{MISPRINT} is a misprint of {HEAD}: same county, same post")
    page.click("#merge-preview")

    # What will move, fact by fact with its sentence, before anything moves.
    preview = page.locator("#correction-preview")
    expect(preview.locator("tbody tr", has_text=SURVEY)).to_have_count(1)
    expect(preview.locator(".sentence", has_text=MISPRINT_SENTENCE).first).to_be_visible()
    expect(preview).to_contain_text("县领导调研乡村振兴工作")  # the article it was read in
    expect(page.locator("#correction-summary")).to_contain_text(f"will also be known as {MISPRINT}")
    assert status(page, live_server, f"/people/{MISPRINT_ID}") == 200
    preview.screenshot(path=str(screenshots / "correction.png"))

    page.click("#correction-confirm")
    expect(page.locator("#correction-done")).to_contain_text(f"Merged {MISPRINT}")
    expect(page.locator("#entity-name")).to_contain_text(HEAD)
    expect(page.locator(".entity .aliases")).to_contain_text(MISPRINT)
    expect(page.locator("#timeline")).to_contain_text(SURVEY)  # the misprinted entry's event is his now
    expect(page.locator("#timeline")).to_contain_text(MEETING)
    expect(page.locator("#correction-history")).to_contain_text("same county, same post")
    assert status(page, live_server, f"/people/{MISPRINT_ID}") == 301

    page.click("#correction-undo")
    expect(page.locator("#correction-done")).to_contain_text("Undone")
    expect(page.locator("#timeline")).not_to_contain_text(SURVEY)
    expect(page.locator(".entity .aliases")).to_have_count(0)
    expect(page.locator("#correction-history li.undone")).to_have_count(1)
    assert status(page, live_server, f"/people/{MISPRINT_ID}") == 200


def test_a_namesakes_article_is_split_off_to_an_entry_of_its_own_and_back(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{DEPUTY_ID}")
    sign_in(page)
    page.locator("#split-form label", has_text=f"{FESTIVAL}开幕").locator("input").check()
    page.fill("#split-name", f"{DEPUTY}（白杨镇）")
    page.fill("#split-reason", "the festival's speaker is the township's party secretary")
    page.click("#split-preview")
    preview = page.locator("#correction-preview")
    expect(preview.locator(".sentence", has_text=FESTIVAL_SENTENCE).first).to_be_visible()
    expect(preview).not_to_contain_text(MEETING)  # the deputy county head's own meeting stays
    expect(page.locator("#correction-summary")).to_contain_text(f"{DEPUTY}（白杨镇）")

    page.click("#correction-confirm")
    expect(page.locator("#entity-name")).to_contain_text(f"{DEPUTY}（白杨镇）")
    assert DEPUTY_ID not in page.url
    expect(page.locator("#timeline")).to_contain_text(FESTIVAL)
    expect(page.locator("#timeline")).not_to_contain_text(MEETING)
    expect(page.locator("#correction-done")).to_contain_text(f"Split from {DEPUTY}")

    page.click("#correction-undo")
    expect(page.locator("#correction-done")).to_contain_text("Undone")
    assert DEPUTY_ID in page.url
    expect(page.locator("#timeline")).to_contain_text(FESTIVAL)
    expect(page.locator("#timeline")).to_contain_text(MEETING)
