"""The article behind a fact, in headless Chromium: a person's source sentence opens its article
with that sentence highlighted in place, and a phrase from an article's text finds the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.documents import (
    MANAGER_SENTENCE,
    PROJECT,
    SECRETARY,
    SECRETARY_ID,
    SIGNING_SENTENCE,
    WEEKLY_URL,
    weekly_document,
)

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

expect.set_options(timeout=15_000)
SIGNING_ARTICLE = weekly_document().articles[0]


def test_a_source_sentence_opens_its_article_with_the_sentence_highlighted(page: Page, live_server: str,
                                                                          screenshots: Path) -> None:
    page.goto(f"{live_server}/#/person/{SECRETARY_ID}")
    signing = page.locator("#timeline .timeline-item", has_text=f"{PROJECT}签约仪式")
    signing.locator("a.sentence-link").click()

    expect(page.locator("#article-title")).to_contain_text(SIGNING_ARTICLE.title)
    assert "#/article/" in page.url and SIGNING_ARTICLE.id in page.url
    current = page.locator("#article-body mark.fact-span.current")
    expect(current).to_have_count(1)
    expect(current).to_have_text(SIGNING_SENTENCE)
    expect(current).to_be_in_viewport()
    # The other sentences facts came from are marked too, but not highlighted.
    expect(page.locator("#article-body mark.fact-span:not(.current)")).to_have_text([MANAGER_SENTENCE])
    expect(page.locator("#article-where")).to_contain_text("示例周刊")
    expect(page.locator("#article-where")).to_contain_text("2023-05-10")
    expect(page.locator("#article-url")).to_have_attribute("href", WEEKLY_URL)
    expect(page.locator("#article-file")).to_have_text("fixture_weekly.txt")
    page.screenshot(path=str(screenshots / "article.png"), full_page=True)

    # A fact listed under the text moves the highlight to its own sentence.
    page.locator("#article-signings a.sentence-link").first.click()
    expect(page.locator("#article-body mark.fact-span.current")).to_have_text(MANAGER_SENTENCE)


def test_a_phrase_from_the_text_finds_the_article_with_a_snippet(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially("周明远出席签约仪式", delay=30)
    hit = page.locator(f'#results li.hit[data-kind="article"][data-id="{SIGNING_ARTICLE.id}"]')
    expect(hit).to_contain_text(SIGNING_ARTICLE.title)
    expect(hit.locator(".hit-snippet mark")).to_have_text("周明远出席签约仪式")
    hit.click()
    expect(page.locator("#article-title")).to_contain_text(SIGNING_ARTICLE.title)
    expect(page.locator("#article-body")).to_contain_text(SIGNING_SENTENCE)


def test_a_name_lists_people_and_offers_the_articles_that_say_it(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially(SECRETARY, delay=30)
    expect(page.locator(f'#results li.hit[data-id="{SECRETARY_ID}"]')).to_be_visible()
    expect(page.locator('#results li.hit[data-kind="article"]')).to_have_count(0)
    page.click("#search-articles")
    expect(page.locator("#kind")).to_have_value("article")
    hit = page.locator(f'#results li.hit[data-kind="article"][data-id="{SIGNING_ARTICLE.id}"]')
    expect(hit.locator(".hit-snippet mark").first).to_have_text(SECRETARY)


def test_article_titles_in_lists_open_the_article(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{SECRETARY_ID}")
    page.locator("#articles a.article-link", has_text=SIGNING_ARTICLE.title).click()
    expect(page.locator("#article-title")).to_contain_text(SIGNING_ARTICLE.title)
    expect(page.locator("#article-body mark.fact-span.current")).to_have_count(0)


def test_a_story_in_several_files_names_each_of_them(page: Page, live_server: str) -> None:
    from browser.conftest import FIXTURE_STORIES
    from loaders.pipeline import extract_file

    story = extract_file(FIXTURE_STORIES / "baichuan_signing.txt").articles[0]
    page.goto(f"{live_server}/#/article/{story.id}")
    expect(page.locator("#article-title")).to_contain_text(story.title)
    expect(page.locator("#article-file")).to_have_text("baichuan_signing.txt")  # the copy shown
    others = page.locator("#article-sources li.article-source")
    expect(others).to_have_count(2)
    expect(others.nth(0)).to_contain_text("柏川縣融媒體中心")
    expect(others.nth(0)).to_contain_text("baichuan_signing_big5.html")
    expect(others.nth(1)).to_contain_text("榆安日报")
    expect(others.nth(1)).to_contain_text("柏川县签约年产2万吨储能材料项目")  # the reprint's own headline
    # One event and one signing, however many copies.
    expect(page.locator("#article-events tbody tr")).to_have_count(1)
    expect(page.locator("#article-signings tbody tr")).to_have_count(1)
