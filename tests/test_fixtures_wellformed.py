"""The fixture answers are usable: they parse, point at a document that decodes as
tests/fixtures/README.md says, and name only what the document actually contains.

A gold answer with a typo would silently cost the extractor a point forever, so
every name in it must be found in the text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from opencc import OpenCC

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLD = FIXTURES / "gold"
README = FIXTURES / "README.md"

GOLD_FILES = sorted(GOLD.glob("*.json"))
ROLES = {"attended", "presided", "spoke", "signed", "witnessed"}
PERSON_KINDS = {"official", "executive", "other"}
ORG_KINDS = {"government", "party", "company", "other"}
EVENT_TYPES = {"signing", "meeting", "inspection", "activity", "other"}
BYLINE_ROLES = {"reporter", "photographer"}

_TO_SIMPLIFIED = OpenCC("t2s")


def readme_encodings() -> dict[str, str]:
    """File name → encoding, from the table rows of the fixtures README."""
    rows = re.findall(r"^\| `([^`]+\.txt)` \| ([\w-]+) \|", README.read_text(encoding="utf-8"), re.M)
    return dict(rows)


def load_gold(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def searchable_text(source: str) -> str:
    """The document as the README says to decode it, in both scripts, lines joined
    so that headlines and words broken across lines are found whole."""
    encoding = readme_encodings()[source]
    text = (ARTICLES / source).read_bytes().decode(encoding)
    joined = "".join(text.split())
    return joined + "\n" + _TO_SIMPLIFIED.convert(joined)


def occurs(text: str, *names: str) -> bool:
    return any("".join(n.split()) in text for n in names if n)


def test_there_are_enough_fixtures() -> None:
    assert len(GOLD_FILES) >= 14
    assert len(list(ARTICLES.glob("*.txt"))) == len(GOLD_FILES)


def test_every_document_is_listed_in_the_readme() -> None:
    listed = readme_encodings()
    on_disk = {p.name for p in ARTICLES.glob("*.txt")}
    assert on_disk == set(listed)


@pytest.mark.parametrize("source", sorted(readme_encodings()))
def test_document_decodes_as_the_readme_says(source: str) -> None:
    raw = (ARTICLES / source).read_bytes()
    encoding = readme_encodings()[source]
    text = raw.decode(encoding)
    assert re.search(r"[\u4e00-\u9fff]", text)
    if encoding == "utf-8":
        assert not raw.startswith(b"\xef\xbb\xbf"), "plain utf-8 files carry no BOM"
    elif encoding == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf")
    else:
        # A legacy-encoded fixture must really exercise the fallback path.
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_has_the_contract_shape(gold_file: Path) -> None:
    gold = load_gold(gold_file)
    assert gold["source"] == gold_file.stem + ".txt"
    assert (ARTICLES / gold["source"]).is_file()
    assert set(gold["publication"]) == {"name", "date", "issue"}
    assert gold["articles"], "every fixture holds at least one article"
    for art in gold["articles"]:
        assert art["title"]
        for b in art["bylines"]:
            assert b["role"] in BYLINE_ROLES
        for p in art["people"]:
            assert p["kind"] in PERSON_KINDS
            assert all(pos["title"] for pos in p["positions"])
        for o in art["organizations"]:
            assert o["kind"] in ORG_KINDS
        for ev in art["events"]:
            assert ev["type"] in EVENT_TYPES
            for a in ev["attendees"]:
                assert a["roles"] and set(a["roles"]) <= ROLES
        for key in ("projects", "signings"):
            assert isinstance(art[key], list)


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_dates_are_iso_and_not_after_publication(gold_file: Path) -> None:
    gold = load_gold(gold_file)
    published = gold["publication"]["date"]
    for art in gold["articles"]:
        dates = [art["date"]] + [ev["date"] for ev in art["events"]]
        dates += [s["date"] for s in art["signings"]]
        for d in filter(None, dates):
            day = date.fromisoformat(d)
            if published:
                assert day <= date.fromisoformat(published), f"{art['title']}: {d} after {published}"
                assert (date.fromisoformat(published) - day).days < 366


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_every_name_in_the_gold_occurs_in_the_document(gold_file: Path) -> None:
    gold = load_gold(gold_file)
    text = searchable_text(gold["source"])
    missing: list[str] = []
    for art in gold["articles"]:
        if not occurs(text, art["title"], *art.get("alt_titles", [])):
            missing.append(f"title {art['title']}")
        for b in art["bylines"]:
            if not occurs(text, b["name"]):
                missing.append(f"byline {b['name']}")
        for p in art["people"]:
            if not occurs(text, p["name"]):
                missing.append(f"person {p['name']}")
            for pos in p["positions"]:
                if not occurs(text, *pos["title"].split("|")):
                    missing.append(f"title {pos['title']} of {p['name']}")
        for item in art["organizations"] + art["projects"]:
            if not occurs(text, item["name"], *item.get("aliases", [])):
                missing.append(f"name {item['name']}")
    assert not missing


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_is_internally_consistent(gold_file: Path) -> None:
    """Attendees are listed people, signers signed, linked names are declared."""
    gold = load_gold(gold_file)
    problems: list[str] = []
    for art in gold["articles"]:
        people = {p["name"] for p in art["people"]}
        orgs = {n for o in art["organizations"] for n in [o["name"], *o.get("aliases", [])]}
        projects = {p["name"] for p in art["projects"]}
        signed = {a["name"] for ev in art["events"] for a in ev["attendees"] if "signed" in a["roles"]}
        signers = {n for s in art["signings"] for n in s["signers"]}
        for ev in art["events"]:
            problems += [f"attendee {a['name']}" for a in ev["attendees"] if a["name"] not in people]
        for proj in art["projects"]:
            problems += [f"company {c}" for c in proj["companies"] if c not in orgs]
        for s in art["signings"]:
            if s["project"] is not None and s["project"] not in projects:
                problems.append(f"signed project {s['project']}")
            problems += [f"party {p}" for p in s["parties"] if p not in orgs]
        if signed != signers:
            problems.append(f"signed roles {sorted(signed)} vs signers {sorted(signers)}")
    assert not problems
