"""Investigations on the page (issue 16): a graph kept in a new investigation from its toolbar,
notes written and saved, the investigation exported as one GraphML file with its notes, and opened
again from that file with the same entities, notes and graph."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixtures.documents import MANAGER_ID, PROJECT, SECRETARY, SECRETARY_ID

from browser.conftest import EDITOR_KEY
from graph.export import GRAPHML_NS

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
from playwright.sync_api import Page, expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.integration]

expect.set_options(timeout=15_000)
NAME = "华辰储能项目调查"
NOTES = "谁促成了签约？先查区委书记五月的行程。"
NS = {"g": GRAPHML_NS}


def drawn(page: Page) -> list[str]:
    page.wait_for_selector('#graph-svg[data-settled="true"]')
    ids = page.locator("#graph-svg g.node").evaluate_all("nodes => nodes.map(n => n.dataset.id)")
    return sorted(str(i) for i in ids)


def test_a_graph_kept_in_an_investigation_with_notes_is_exported_and_opened_again(
        page: Page, live_server: str, tmp_path: Path) -> None:
    page.goto(f"{live_server}/#/graph/{SECRETARY_ID}?without=position")
    graph = page.locator("#graph-svg")
    graph.locator(f'g.node[data-name="{PROJECT}签约仪式"] circle').click()
    expect(graph.locator(f'g.node[data-id="{MANAGER_ID}"]')).to_have_count(1)
    shown = drawn(page)

    page.click("#keep-investigation")
    page.fill("#editor-key", EDITOR_KEY)
    page.click("#editor-sign-in")
    page.fill("#keep-name", NAME)
    page.click("#keep-confirm")
    expect(page.locator("#kept")).to_contain_text(NAME)
    page.click("#kept-link")

    entities = page.locator("table.investigation-entities tbody tr")
    expect(entities.filter(has_text=SECRETARY)).to_have_count(1)
    expect(page.locator(f'table.investigation-entities tr[data-id="{MANAGER_ID}"]')).to_have_count(1)
    page.fill("#investigation-notes", NOTES)
    page.locator(f'tr[data-id="{SECRETARY_ID}"] input.entity-note').fill("出席并致辞")
    page.click("#investigation-save")
    expect(page.locator("#investigation-status")).to_contain_text("Saved")
    page.reload()
    expect(page.locator("#investigation-notes")).to_have_value(NOTES)
    expect(page.locator(f'tr[data-id="{SECRETARY_ID}"] input.entity-note')).to_have_value("出席并致辞")
    kept = sorted(page.locator("table.investigation-entities tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.id)"))

    with page.expect_download() as got:
        page.click("#export-investigation-graphml")
    file = tmp_path / "investigation.graphml"
    got.value.save_as(file)
    root = ET.parse(file).getroot().find("g:graph", NS)
    assert root is not None
    assert {d.get("key"): d.text for d in root.findall("g:data", NS)}["g_notes"] == NOTES
    assert sorted(n.get("id") or "" for n in root.findall("g:node", NS)) == kept

    # A colleague (here: the same editor, on the list of investigations) opens the file.
    page.click("#nav-investigations")
    page.set_input_files("#open-investigation-file", str(file))
    expect(page.locator("section.investigation h2 input")).to_have_value(f"{NAME} (2)")
    expect(page.locator("#investigation-notes")).to_have_value(NOTES)
    expect(page.locator(f'tr[data-id="{SECRETARY_ID}"] input.entity-note')).to_have_value("出席并致辞")
    page.click("#open-investigation-graph")
    expect(graph.locator(f'g.node[data-id="{MANAGER_ID}"]')).to_have_count(1)
    assert drawn(page) == shown  # the same drawing as when it was kept

    for name in (f"{NAME} (2)", NAME):  # leave the server's investigations as they were
        page.click("#nav-investigations")
        page.locator("ul.investigation-list a", has_text=name).first.click()
        expect(page.locator("section.investigation h2 input")).to_have_value(name)
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#investigation-delete")
        expect(page.locator("section.investigations")).to_be_visible()
    expect(page.locator("ul.investigation-list a", has_text=NAME)).to_have_count(0)
