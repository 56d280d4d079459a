"""Stable identifiers: the same text always gives the same id, so loads are idempotent."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from guanxi.fingerprint import story_fingerprint

PREFIXES = {
    "document": "doc",
    "article": "art",
    "person": "per",
    "organization": "org",
    "event": "evt",
    "project": "prj",
    "signing": "sig",
    "position": "pos",
}


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Fold full/half width and drop spaces, so 创普斯（深圳） and 创普斯(深圳) agree."""
    # Cached: entity resolution compares the same few hundred names hundreds of times per
    # article (bench/README.md). str.split() drops exactly what str.isspace() calls space.
    return "".join(unicodedata.normalize("NFKC", name).split())


def make_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{PREFIXES[kind]}-{digest}"


def document_id(text: str) -> str:
    return make_id("document", text)


def article_id(doc_id: str, index: int, title: str, body: str = "") -> str:
    """One id per story: the fingerprint of its body (guanxi/fingerprint.py), so the .txt and the
    .html of a page, a traditional-script reprint and a 转载 in another paper are one article. A body
    too short to tell stories apart (or none) keeps the id of its place: document, position, headline."""
    story = story_fingerprint(body) if body else None
    if story is not None:
        return make_id("article", "story", story)
    return make_id("article", doc_id, str(index), normalise_name(title))


def person_id(name: str) -> str:
    return make_id("person", normalise_name(name))


def organization_id(name: str) -> str:
    return make_id("organization", normalise_name(name))


def project_id(name: str, company_id: str | None = None) -> str:
    # With a company: another company's project under the same description (年产5万吨饲料项目).
    if company_id:
        return make_id("project", normalise_name(name), company_id)
    return make_id("project", normalise_name(name))


def position_id(person: str, title: str) -> str:
    """A title held with no organisation named: one Position node per (person, title)."""
    return make_id("position", person, normalise_name(title))


def event_id(article: str, index: int) -> str:
    return make_id("event", article, str(index))


def signing_id(article: str, index: int) -> str:
    return make_id("signing", article, str(index))
