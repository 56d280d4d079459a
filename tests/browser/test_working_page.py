"""What a journalist working on the page notices (issue 16): the person typed is the person opened,
a title is one title in either script, nothing is said twice, a title says whose office it is, and
the page fits a phone."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixtures.documents import (
    COMPANY,
    COMPANY_ID,
    GOVERNMENT,
    MANAGER,
    MANAGER_ID,
    PROJECT,
    SECRETARY_ID,
    VICE_MAYOR,
)

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


def test_a_title_says_whose_office_it_is(page: Page, live_server: str, screenshots: Path) -> None:
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially(HEAD, delay=50)
    hits = page.locator("#results li.hit", has_text=HEAD)
    expect(hits).to_have_count(2)  # two people of one name, told apart by their offices' places
    head = page.locator(f'#results li.hit[data-id="{HEAD_ID}"]')
    expect(head).to_contain_text(f"{HEAD_PLACE} 区")  # 台儿庄区 区委副书记、区长…
    expect(head).to_contain_text("区长")
    expect(hits.filter(has_text=f"{NAMESAKE_PLACE} 镇长（古邵镇人民政府）")).to_have_count(1)

    head.click()
    expect(page.locator("#entity-name")).to_contain_text("台儿庄")
    expect(page.locator("#titles tbody tr").first.locator("td").nth(2)).to_have_text(HEAD_PLACE)
    page.screenshot(path=str(screenshots / "offices.png"))


PHONE = {"width": 390, "height": 844}


def no_wider_than_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url}: {width} px wide on a {PHONE['width']} px screen"


def pinch_open(page: Page, x: float, y: float) -> None:
    """Two fingers moving apart on the screen, as Chromium receives them from a touch screen."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 2})
    for kind, spread in [("touchStart", 20), *[("touchMove", d) for d in range(30, 130, 10)], ("touchEnd", 0)]:
        points = [] if kind == "touchEnd" else [{"x": x - spread, "y": y, "id": 1}, {"x": x + spread, "y": y, "id": 2}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
    cdp.detach()


def test_on_a_phone_the_page_fits_the_screen(page: Page, live_server: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/")
    page.locator("#q").press_sequentially(HEAD[0], delay=50)
    page.locator(f'#results li.hit[data-id="{HEAD_ID}"]').click()
    heading = page.locator("#entity-name")
    expect(heading).to_contain_text(HEAD)
    # The results are put away: the person tapped starts right under the search box.
    expect(page.locator("#results")).to_be_hidden()
    assert heading.bounding_box()["y"] < page.locator("header").bounding_box()["height"] + 40  # type: ignore[index]
    expect(page.locator("#titles tbody tr").first).to_be_in_viewport()
    no_wider_than_the_screen(page)
    page.goto(f"{live_server}/#/organization/{BRACKETED_ID}")
    expect(page.locator("#projects .sentence").first).to_be_visible()
    no_wider_than_the_screen(page)
    page.goto(f"{live_server}/#/connect")
    expect(page.locator("#to-input")).to_be_visible()
    no_wider_than_the_screen(page)


def test_on_a_phone_the_graph_shows_its_sentences_on_screen_and_pinches(page: Page, live_server: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/#/person/{HEAD_ID}")
    page.click("#open-graph")
    graph = page.locator("#graph-svg")
    page.wait_for_selector('#graph-svg[data-settled="true"]')
    expect(graph).to_be_in_viewport()
    graph.locator('g.node[data-name="区长"] circle').click()
    panel = page.locator("#graph-panel")
    expect(panel.locator("h3")).to_contain_text("区长")
    expect(panel).to_be_in_viewport(ratio=1)
    no_wider_than_the_screen(page)

    box = graph.bounding_box()
    assert box is not None
    width_before = float((graph.get_attribute("viewBox") or "").split()[2])
    pinch_open(page, box["x"] + box["width"] / 2, box["y"] + 20)
    width_after = float((graph.get_attribute("viewBox") or "").split()[2])
    assert width_after < width_before / 2  # fingers four times further apart: closer in


def test_connect_draws_the_path_and_says_what_to_try_when_nothing_connects(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/connect?from={SECRETARY_ID}&to={COMPANY_ID}")
    drawing = page.locator("#path-drawing")
    for id in (SECRETARY_ID, MANAGER_ID, COMPANY_ID):  # the secretary met the manager, who works there
        expect(drawing.locator(f'g.node[data-id="{id}"]')).to_have_count(1)
    assert drawing.locator(".path-edge").count() >= 3

    page.goto(f"{live_server}/#/connect?from={HEAD_ID}&to={COMPANY_ID}")
    expect(page.locator("#no-path")).to_contain_text("4 steps")
    tips = page.locator("#no-path-tips")
    expect(tips.locator(f'a[href="#/graph/{HEAD_ID}"]')).to_have_count(1)
    expect(tips).to_contain_text("namesake")
    page.click("#look-further")
    expect(page.locator("#no-path")).to_contain_text("6 steps")
    assert "max_hops=6" in page.url  # kept in the URL: a reload or a colleague sees the same search
    page.reload()
    expect(page.locator("#no-path")).to_contain_text("6 steps")
    expect(page.locator("#look-further")).to_have_count(0)


def test_search_finds_an_office_in_either_script_and_marks_the_match(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/")
    search = page.locator("#q")
    search.press_sequentially("台儿庄 区长", delay=30)
    head = page.locator(f'#results li.hit[data-id="{HEAD_ID}"]')
    expect(head).to_be_visible()
    expect(head.locator("mark")).to_have_text(["台儿庄", "区长"])
    expect(page.locator("#results li.hit", has_text=f"{NAMESAKE_PLACE} 镇长")).to_have_count(0)

    search.fill("")
    search.press_sequentially("區長", delay=30)
    expect(page.locator(f'#results li.hit[data-id="{HEAD_ID}"]')).to_be_visible()
    search.fill("")
    search.press_sequentially("峄城 镇长", delay=30)
    expect(page.locator("#results li.hit", has_text=f"{NAMESAKE_PLACE} 镇长")).to_have_count(1)
    expect(page.locator(f'#results li.hit[data-id="{HEAD_ID}"]')).to_have_count(0)


def test_a_signing_ceremony_shows_what_was_signed_and_by_whom(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{SECRETARY_ID}")
    page.locator("#timeline a", has_text=f"{PROJECT}签约仪式").click()
    expect(page.locator("#entity-name")).to_contain_text(f"{PROJECT}签约仪式")
    signed = page.locator("#signed tbody tr")
    expect(signed).to_have_count(1)
    for name in (PROJECT, GOVERNMENT, COMPANY, MANAGER, VICE_MAYOR):
        expect(signed.locator("a", has_text=name).first).to_be_visible()
    # The signed section comes before the attendees: it is what the ceremony was for.
    assert page.locator("section.facts").first.get_attribute("id") == "signed"

    signed.locator("a", has_text=PROJECT).click()
    expect(page.locator("#entity-name")).to_contain_text(PROJECT)

    page.goto(f"{live_server}/#/person/{SECRETARY_ID}")
    page.locator("#timeline a", has_text="安全生产工作调研").click()
    expect(page.locator("#entity-name")).to_contain_text("安全生产工作调研")
    expect(page.locator("#attendees")).to_be_visible()
    expect(page.locator("#signed")).to_have_count(0)  # an inspection signed nothing


def test_a_graph_keeps_its_expansions_through_a_reload_and_a_shared_link(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/person/{SECRETARY_ID}")
    page.click("#open-graph")
    graph = page.locator("#graph-svg")

    def ids(selector: str) -> list[str]:
        return sorted(graph.locator(selector).evaluate_all("nodes => nodes.map(n => n.dataset.id)"))

    graph.locator(f'g.node[data-name="{PROJECT}签约仪式"] circle').click()
    manager = graph.locator(f'g.node[data-id="{MANAGER_ID}"]')
    expect(manager).to_have_count(1)
    manager.locator("circle").click()
    expect(manager).to_have_class("node person expanded selected")
    page.check("#show-articles")
    page.wait_for_selector('#graph-svg[data-settled="true"]')
    shown = ids("g.node")
    opened = ids("g.node.expanded")
    assert len(opened) == 3 and "expand=" in page.url and "articles=1" in page.url

    shared = page.url
    for again in (page.reload, lambda: (page.goto(f"{live_server}/"), page.goto(shared))):
        again()
        expect(graph.locator("g.node.expanded")).to_have_count(3)
        expect(graph.locator("g.node")).to_have_count(len(shown))
        assert ids("g.node") == shown and ids("g.node.expanded") == opened
        expect(page.locator("#show-articles")).to_be_checked()


def test_a_graph_has_arrows_filters_by_relation_and_hides_a_node_with_undo(page: Page, live_server: str,
                                                                           screenshots: Path) -> None:
    page.goto(f"{live_server}/#/graph/{SECRETARY_ID}")
    graph = page.locator("#graph-svg")
    event = graph.locator(f'g.node[data-name="{PROJECT}签约仪式"]')
    event.locator("circle").click()
    manager = graph.locator(f'g.node[data-id="{MANAGER_ID}"]')
    expect(manager).to_have_count(1)
    lines = graph.locator("line.edge")
    assert lines.count() == graph.locator('line.edge[marker-end="url(#graph-arrow)"]').count() > 0
    expect(graph.locator("marker#graph-arrow")).to_have_count(1)

    # Titles off: their lines go, and the party committee, tied only by a title, goes with them.
    committee = graph.locator('g.node[data-name="示例区委"]')
    expect(committee).to_have_count(1)
    # Each switch names its relation as graph/model.py does, served by /graph/model.
    expect(page.locator("#edge-types label", has=page.locator('input[data-type="HOLDS_POSITION"]'))) \
        .to_contain_text("任职")
    page.locator('#edge-types input[data-type="HOLDS_POSITION"]').uncheck()
    expect(graph.locator("line.edge.HOLDS_POSITION")).to_have_count(0)
    expect(committee).to_have_count(0)
    page.wait_for_selector('#graph-svg[data-settled="true"]')
    page.screenshot(path=str(screenshots / "graph-filtered.png"))
    expect(event).to_have_count(1)
    assert "off=HOLDS_POSITION" in page.url
    page.locator('#edge-types input[data-type="HOLDS_POSITION"]').check()
    expect(committee).to_have_count(1)

    # Hide the ceremony: those tied to the drawing only through it go too; Undo brings them back.
    event.locator("circle").click()
    page.click("#hide-node")
    expect(event).to_have_count(0)
    expect(manager).to_have_count(0)
    expect(page.locator("#hidden-nodes")).to_contain_text(f"{PROJECT}签约仪式")
    page.click("#undo-hide")
    expect(event).to_have_count(1)
    expect(manager).to_have_count(1)
    expect(page.locator("#undo-hide")).to_have_count(0)

    # A hidden node stays hidden through a reload: the URL holds it.
    manager.locator("circle").click()
    page.click("#hide-node")
    expect(manager).to_have_count(0)
    page.reload()
    expect(event).to_have_count(1)
    expect(graph.locator("g.node.expanded")).to_have_count(2)
    expect(manager).to_have_count(0)
    page.locator(f'#hidden-nodes button.hidden-node[data-id="{MANAGER_ID}"]').click()
    expect(manager).to_have_count(1)


def test_the_graph_on_screen_exports_as_svg_png_graphml_and_ftm(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/graph/{SECRETARY_ID}")
    graph = page.locator("#graph-svg")
    graph.locator(f'g.node[data-name="{PROJECT}签约仪式"] circle').click()
    manager = graph.locator(f'g.node[data-id="{MANAGER_ID}"]')
    manager.locator("circle").click()
    page.click("#hide-node")
    expect(manager).to_have_count(0)
    page.wait_for_selector('#graph-svg[data-settled="true"]')
    shown = set(graph.locator("g.node").evaluate_all("nodes => nodes.map(n => n.dataset.id)"))

    def download(format: str) -> bytes:
        with page.expect_download() as got:
            page.click(f"#export-{format}")
        return Path(got.value.path()).read_bytes()

    drawing = download("svg").decode()
    assert drawing.count('class="node ') == len(shown) and "graph-arrow" in drawing
    assert MANAGER not in drawing and VICE_MAYOR in drawing
    picture = download("png")
    assert picture.startswith(b"\x89PNG") and len(picture) > 10_000
    graphml = ET.fromstring(download("graphml"))
    exported = {n.get("id") for n in graphml.iter("{http://graphml.graphdrawing.org/xmlns}node")}
    assert exported == shown  # exactly what is on screen: the hidden manager is not in the file
    people = [json.loads(line) for line in download("ftm").decode().splitlines()]
    names = {name for entity in people for name in entity["properties"].get("name", [])}
    assert VICE_MAYOR in names and MANAGER not in names


def test_the_graph_works_from_the_keyboard(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/graph/{SECRETARY_ID}")
    graph = page.locator("#graph-svg")
    event = graph.locator(f'g.node[data-name="{PROJECT}签约仪式"]')
    event.focus()
    page.keyboard.press("Enter")
    expect(graph.locator(f'g.node[data-id="{MANAGER_ID}"]')).to_have_count(1)
    expect(event).to_be_focused()  # the new neighbours came and the keyboard stayed on the node
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#graph-svg') !== null")
    assert focused, "Tab went out of the drawing"

    def view_box() -> list[float]:
        return [float(v) for v in (graph.get_attribute("viewBox") or "").split()]

    before = view_box()
    page.keyboard.press("ArrowRight")
    assert view_box()[0] > before[0] and view_box()[2] == before[2]
    page.keyboard.press("+")
    assert view_box()[2] < before[2]
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert view_box()[2] > before[2]

    # Lines are reached by Tab too, and Enter reads out their sentences.
    line = graph.locator(".edge-label", has_text="主持")
    line.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#graph-panel h3")).to_contain_text("→")
    expect(page.locator("#graph-panel")).to_contain_text("主持")
    expect(line).to_be_focused()


def test_a_graph_shows_only_the_facts_of_the_dates_asked(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/graph/{SECRETARY_ID}")
    graph = page.locator("#graph-svg")
    signing = graph.locator(f'g.node[data-name="{PROJECT}签约仪式"]')
    inspection = graph.locator('g.node[data-name="安全生产工作调研"]')
    committee = graph.locator('g.node[data-name="示例区委"]')
    expect(signing).to_have_count(1)
    expect(inspection).to_have_count(1)

    page.fill("#graph-since", "2023-05-11")  # the day after the signing
    expect(signing).to_have_count(0)
    expect(inspection).to_have_count(1)
    expect(committee).to_have_count(1)  # secretary on both days: still in range
    assert "since=2023-05-11" in page.url
    page.reload()
    expect(inspection).to_have_count(1)
    expect(signing).to_have_count(0)
    expect(page.locator("#graph-since")).to_have_value("2023-05-11")

    page.fill("#graph-since", "")
    page.fill("#graph-until", "2023-05-10")
    expect(signing).to_have_count(1)
    expect(inspection).to_have_count(0)


def test_the_graph_legend_switches_title_bubbles_off_and_on(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/#/graph/{HEAD_ID}")
    graph = page.locator("#graph-svg")
    titles = graph.locator('g.node[data-kind="position"]')
    expect(titles.first).to_be_visible()
    switch = page.locator('#graph-legend button[data-kind="position"]')
    switch.click()
    expect(titles).to_have_count(0)
    expect(switch).to_have_attribute("aria-pressed", "false")
    expect(graph.locator(f'g.node[data-id="{HEAD_ID}"]')).to_have_count(1)
    assert "without=position" in page.url
    page.reload()
    expect(graph.locator(f'g.node[data-id="{HEAD_ID}"]')).to_have_count(1)
    expect(titles).to_have_count(0)
    switch.click()
    expect(titles.first).to_be_visible()
