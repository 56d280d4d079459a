"""What a journalist working on the page notices (issue 16): the person typed is the person opened,
a title is one title in either script, nothing is said twice, a title says whose office it is, and
the page fits a phone."""

from __future__ import annotations

import pytest

from browser.journalist_document import (
    BRACKETED,
    BRACKETED_ID,
    BRACKETED_TWIN,
    DEPUTY,
    EXTRA_SENTENCE,
    EXTRA_TITLE,
    HEAD,
    HEAD_PLACE,
    HEAD_SENTENCES,
    NAMESAKE_PLACE,
)
from guanxi.ids import person_id

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

expect.set_options(timeout=15_000)

HEAD_ID = person_id(HEAD)  # written first, the district head keeps the name's own id


def test_enter_right_after_typing_opens_the_person_typed(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    search = page.locator("#q")
    search.press_sequentially(HEAD[0], delay=50)
    results = page.locator("#results")
    expect(results).to_have_attribute("data-state", "results")
    first = results.locator("li.hit").first
    expect(first).to_contain_text(DEPUTY[0])
    assert HEAD not in first.inner_text()  # Enter on these results would open someone else

    # The rest of the name and Enter at once, before the results for the whole name have come.
    search.press_sequentially(HEAD[1:], delay=0)
    search.press("Enter")
    expect(page.locator("#entity-name")).to_contain_text(HEAD)
    assert page.url.split("#/")[1].startswith("person/")


def test_a_title_in_traditional_script_is_the_same_title(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{HEAD_ID}")
    titles = page.locator("#titles tbody strong")
    expect(titles.filter(has_text="区长")).to_have_count(1)
    expect(titles.filter(has_text="區")).to_have_count(0)

    page.click("#open-graph")
    graph = page.locator("#graph-svg")
    expect(graph.locator('g.node[data-name="区长"]')).to_have_count(1)
    expect(graph.locator('g.node[data-name="區長"]')).to_have_count(0)


def test_titles_held_together_are_one_row_and_each_sentence_is_shown_once(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{HEAD_ID}")
    rows = page.locator("#titles tbody tr")
    expect(rows).to_have_count(2)  # 区委副书记、区长 in every article; the group leader's title in one
    expect(rows.nth(0).locator("strong")).to_have_text(["区委副书记", "区长"])
    expect(rows.nth(1).locator("strong")).to_have_text([EXTRA_TITLE])
    expect(rows.nth(1)).to_contain_text("同上")
    sentences = page.locator("#titles .sentence").all_text_contents()
    assert sorted(sentences) == sorted([*HEAD_SENTENCES, EXTRA_SENTENCE])


def test_a_company_lists_its_project_once_and_its_name_once(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially("瑞禾", delay=50)
    hit = page.locator(f'#results li.hit[data-id="{BRACKETED_ID}"]')
    expect(hit).to_contain_text("瑞禾公司")
    expect(hit).not_to_contain_text(BRACKETED_TWIN)  # the name again, in half-width brackets

    hit.click()
    expect(page.locator("#entity-name")).to_contain_text(BRACKETED)
    expect(page.locator(".entity .aliases")).to_have_text("又称 瑞禾公司")
    expect(page.locator("#projects tbody tr")).to_have_count(1)  # three articles report the one project
    expect(page.locator("#projects .sentence")).to_have_count(3)


def test_a_title_says_whose_office_it_is(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially(HEAD, delay=50)
    hits = page.locator("#results li.hit", has_text=HEAD)
    expect(hits).to_have_count(2)  # two people of one name, told apart by their offices' places
    head = page.locator(f'#results li.hit[data-id="{HEAD_ID}"]')
    expect(head).to_contain_text(f"{HEAD_PLACE} 区长")
    expect(hits.filter(has_text=f"{NAMESAKE_PLACE} 镇长（古邵镇人民政府）")).to_have_count(1)

    head.click()
    expect(page.locator("#entity-name")).to_contain_text("台儿庄")
    expect(page.locator("#titles tbody tr").first.locator("td").nth(2)).to_have_text(HEAD_PLACE)
