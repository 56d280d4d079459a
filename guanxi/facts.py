"""Domain facts shared by the loaders, the graph and the API.

The shape follows the extraction contract in ``../shared/eval/README.md``: a
Document holds Articles, and each Article holds the people, organizations,
events, projects and signings read out of it. Every fact that the graph stores
as a relationship carries the sentence it came from (``sentence``) and the rule
that produced it (``rule``), so a journalist can see why it is there; both are
left out of the plain ``extract --json`` output and shown with ``--explain``.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

PersonKind = Literal["official", "executive", "other"]
OrgKind = Literal["government", "party", "company", "other"]
EventType = Literal["signing", "meeting", "inspection", "activity", "other"]
Role = Literal["attended", "presided", "spoke", "signed", "witnessed"]
BylineRole = Literal["reporter", "photographer"]
# How a file's text was had: as plain text, from a web page's markup, from a PDF's text layer, or
# by OCR of a scanned page (loaders/pdf_text.py, loaders/ocr.py).
ReadAs = Literal["text", "html", "pdf", "ocr"]
READ_AS: tuple[ReadAs, ...] = get_args(ReadAs)

# The one list of roles, in the order they are shown; the loaders and the graph read it from here.
ROLES: tuple[Role, ...] = get_args(Role)

# Fields that exist for provenance and explanation, not for the eval contract.
EXPLAIN_FIELDS = {"sentence", "rule"}


class Sourced(BaseModel):
    """Where a fact was read: the sentence, and the rule that matched it."""

    sentence: str | None = None
    rule: str | None = None


class Publication(BaseModel):
    name: str | None = None
    date: str | None = None  # ISO date of the issue or of the web page
    issue: str | None = None


class Byline(Sourced):
    name: str
    role: BylineRole = "reporter"


class Position(Sourced):
    title: str
    org: str | None = None
    # For an official's post: the administrative division whose body it is (台儿庄区, 枣庄市).
    place: str | None = None
    # That division's national code (12-digit adcode, 370405000000); a town's post has its county's.
    place_code: str | None = None


class Person(Sourced):
    name: str
    kind: PersonKind = "official"
    positions: list[Position] = Field(default_factory=list)


class Organization(Sourced):
    name: str
    kind: OrgKind = "other"
    aliases: list[str] = Field(default_factory=list)


class Attendee(Sourced):
    name: str
    roles: list[Role] = Field(default_factory=lambda: list[Role](["attended"]))


class Event(Sourced):
    name: str
    type: EventType = "other"
    date: str | None = None
    place: str | None = None
    attendees: list[Attendee] = Field(default_factory=list)


class Project(Sourced):
    name: str
    aliases: list[str] = Field(default_factory=list)
    companies: list[str] = Field(default_factory=list)
    place: str | None = None


class Signing(Sourced):
    project: str | None = None
    parties: list[str] = Field(default_factory=list)
    signers: list[str] = Field(default_factory=list)
    date: str | None = None


class Placement(BaseModel):
    """Where in its file an article stands, for a PDF: a journalist checks a fact against the printed
    page, and a story read from a scan is only as good as Tesseract's reading of it."""

    pdf_page: int | None = None  # the PDF's page the story starts on, from 1
    page_label: str | None = None  # the 版次 that page prints ('第2版'), else the PDF's own label ('A3')
    # Tesseract's mean confidence (0-100) in the article's words, for a scanned page.
    ocr_confidence: float | None = None


class Article(BaseModel):
    id: str = ""  # stable: derived from the document id and the headline
    index: int = 0  # position in the document, from 0
    title: str
    subtitle: str | None = None
    date: str | None = None
    bylines: list[Byline] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    signings: list[Signing] = Field(default_factory=list)
    text: str = ""  # the cleaned body, paragraphs joined by newlines
    source: Placement = Field(default_factory=Placement)


class Document(BaseModel):
    id: str = ""  # stable: a hash of the decoded text
    source: str  # file name as given
    # Where the page was published, when it says (canonical link, og:url, 原文链接) or the loader was told.
    url: str | None = None
    encoding: str = "utf-8"
    read_as: ReadAs = "text"
    publication: Publication = Field(default_factory=Publication)
    articles: list[Article] = Field(default_factory=list)


def _strip(value: object, explain: bool) -> object:
    if isinstance(value, dict):
        return {
            k: _strip(v, explain)
            for k, v in value.items()
            if explain or k not in EXPLAIN_FIELDS
        }
    if isinstance(value, list):
        return [_strip(v, explain) for v in value]
    return value


def to_eval_json(doc: Document, explain: bool = False) -> dict[str, object]:
    """The JSON object `guanxi extract --json` prints (see shared/eval/README.md)."""
    hidden = {"id", "encoding", "url"} | (set() if explain else {"read_as"})
    data = doc.model_dump(exclude=hidden)
    for art in data["articles"]:
        art.pop("text", None)
        art.pop("index", None)
        if not explain:
            art.pop("id", None)
            art.pop("subtitle", None)
            art.pop("source", None)
        elif not any(art["source"].values()):
            art.pop("source")  # a text file's article stands in no page
    result = _strip(data, explain)
    assert isinstance(result, dict)
    return result
