"""What the repository returns and the API serves: plain pydantic models, no driver types."""

from __future__ import annotations

from typing import Any, Literal, cast

from pydantic import BaseModel, Field

from graph.model import NODES

Kind = Literal["person", "organization", "project", "event", "article", "document", "signing", "position"]
SearchKind = Literal["person", "organization", "project", "event", "article"]

LABEL_KINDS: dict[str, Kind] = {label.value: cast(Kind, spec.kind) for label, spec in NODES.items() if spec.kind}
KIND_LABELS: dict[str, str] = {kind: label for label, kind in LABEL_KINDS.items()}


def kind_of(labels: list[str]) -> Kind:
    for label in labels:
        if label in LABEL_KINDS:
            return LABEL_KINDS[label]
    raise ValueError(f"no known label among {labels}")


class EntityRef(BaseModel):
    id: str
    kind: Kind
    name: str


class ArticleRef(BaseModel):
    id: str
    title: str
    date: str | None = None
    publication_name: str | None = None
    publication_date: str | None = None
    issue: str | None = None
    source: str | None = None
    url: str | None = Field(default=None, description=(
        "The original page, where the file or `guanxi load --url` gave it (as an article's `source.url`)"))
    pdf_page: int | None = Field(default=None, description="For a PDF: the page the story starts on, from 1")
    page_label: str | None = Field(default=None, description=(
        "For a PDF: the 版次 that page prints ('第2版'), else the PDF's own page label"))


class SourceRef(BaseModel):
    """Where a fact was read: the sentence and its article."""

    sentence: str | None = None
    article: ArticleRef | None = None


class Counts(BaseModel):
    documents: int = 0
    articles: int = 0
    people: int = 0
    organizations: int = 0
    projects: int = 0
    events: int = 0
    signings: int = 0
    relationships: int = 0


class SearchHit(BaseModel):
    id: str
    kind: SearchKind
    name: str
    description: str = ""
    place: str | None = Field(default=None, description=(
        "Where: a person's county or city (two people of one name are told apart by it), a project's or "
        "an event's place."))
    aliases: list[str] = Field(default_factory=list)
    score: float = 0.0
    snippet: str | None = Field(default=None, description=(
        "For an article found by its text: the words around the first place it says the query."))


class PositionHeld(BaseModel):
    title: str
    organization: EntityRef | None = None
    place: str | None = Field(default=None, description="The division whose office it is (台儿庄区), where the article says")
    as_of: str | None = None
    source: SourceRef


class Attendance(BaseModel):
    event: EntityRef
    type: str | None = None
    date: str | None = None
    place: str | None = None
    roles: list[str] = Field(default_factory=list)
    source: SourceRef


class SigningView(BaseModel):
    id: str
    date: str | None = None
    project: EntityRef | None = None
    project_name: str | None = None
    parties: list[EntityRef] = Field(default_factory=list)
    signers: list[EntityRef] = Field(default_factory=list)
    source: SourceRef


class Byline(BaseModel):
    role: str
    article: ArticleRef


class PersonDetail(BaseModel):
    id: str
    kind: Literal["person"] = "person"
    name: str
    person_kind: str | None = None
    # From entity resolution (graph/resolution.py): other names, line of work, place, when seen.
    aliases: list[str] = Field(default_factory=list)
    sector: str | None = None
    jurisdiction: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    positions: list[PositionHeld] = Field(default_factory=list)
    events: list[Attendance] = Field(default_factory=list)
    signings: list[SigningView] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)
    bylines: list[Byline] = Field(default_factory=list)
    totals: dict[str, int] = Field(
        default_factory=dict,
        description="How many of each list exist in all; each list holds the newest `limit` of them.",
    )


class AttendeeView(BaseModel):
    person: EntityRef
    roles: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    source: SourceRef


class EventDetail(BaseModel):
    id: str
    kind: Literal["event"] = "event"
    name: str
    type: str | None = None
    date: str | None = None
    place: str | None = None
    article: ArticleRef | None = None
    attendees: list[AttendeeView] = Field(default_factory=list)
    signings: list[SigningView] = Field(
        default_factory=list, description="At a signing ceremony: the project signed, its parties and signers.")
    totals: dict[str, int] = Field(
        default_factory=dict,
        description="How many of each list exist in all; each list holds the newest `limit` of them.",
    )


class ProjectLink(BaseModel):
    project: EntityRef
    relation: Literal["signed", "runs"]
    date: str | None = None
    source: SourceRef


class MemberView(BaseModel):
    person: EntityRef
    title: str
    as_of: str | None = None
    source: SourceRef


class OrganizationDetail(BaseModel):
    id: str
    kind: Literal["organization"] = "organization"
    name: str
    org_kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    projects: list[ProjectLink] = Field(default_factory=list)
    people: list[MemberView] = Field(default_factory=list)
    signings: list[SigningView] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)
    totals: dict[str, int] = Field(
        default_factory=dict,
        description="How many of each list exist in all; each list holds the newest `limit` of them.",
    )


class CompanyLink(BaseModel):
    organization: EntityRef
    source: SourceRef


class ProjectDetail(BaseModel):
    id: str
    kind: Literal["project"] = "project"
    name: str
    aliases: list[str] = Field(default_factory=list)
    place: str | None = None
    companies: list[CompanyLink] = Field(default_factory=list)
    signings: list[SigningView] = Field(default_factory=list)
    events: list[EntityRef] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)
    totals: dict[str, int] = Field(
        default_factory=dict,
        description="How many of each list exist in all; each list holds the newest `limit` of them.",
    )


class GraphNode(BaseModel):
    id: str
    kind: Kind
    name: str
    properties: dict[str, Any] = Field(default_factory=dict)


class GraphEdge(BaseModel):
    source: str  # id of the start node: relationships have a direction
    target: str
    type: str
    properties: dict[str, Any] = Field(default_factory=dict)
    sentence: str | None = None
    article: ArticleRef | None = None


class GraphPath(BaseModel):
    """One connection: nodes in order from the start, and the edge between each consecutive pair."""

    length: int
    nodes: list[GraphNode]
    steps: list[GraphEdge]


class GraphView(BaseModel):
    center: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = False


# --- exploring connections (api/routes/explore.py) -----------------------------------------------


class TimelineItem(BaseModel):
    """One dated fact about a person: a title held, an event attended, a signing made."""

    date: str | None = None
    kind: Literal["position", "event", "signing"]
    label: str  # the title, the event's name, the signing's name
    entity: EntityRef | None = None  # the organization, the event, the project
    roles: list[str] = Field(default_factory=list)
    place: str | None = None
    source: SourceRef


class Timeline(BaseModel):
    person: EntityRef
    first_seen: str | None = None
    last_seen: str | None = None
    total: int  # items matching the filters, before limit/offset
    items: list[TimelineItem]


class EventBrief(BaseModel):
    id: str
    name: str
    date: str | None = None
    type: str | None = None


class Contact(BaseModel):
    """Someone (or a company) met at the same events, with how often and where."""

    entity: EntityRef
    titles: list[str] = Field(default_factory=list, description=(
        "Up to four titles, newest first, that the articles of the latest meetings gave this person; "
        "titles from elsewhere only when those articles gave none. Empty for a company."))
    count: int
    events: list[EventBrief]


class Contacts(BaseModel):
    person: EntityRef
    total: int
    contacts: list[Contact]


class OfficialLink(BaseModel):
    relation: Literal["attended", "signed"]
    date: str | None = None
    event: EntityRef | None = None
    source: SourceRef


class OfficialView(BaseModel):
    person: EntityRef
    titles: list[str] = Field(default_factory=list)
    count: int
    first_date: str | None = None
    last_date: str | None = None
    links: list[OfficialLink]


class Officials(BaseModel):
    organization: EntityRef
    total: int
    officials: list[OfficialView]


# --- one article with every fact read from it (GET /articles/{id}) ---------------------------------


class TextSpan(BaseModel):
    """Where a sentence is in the article, to highlight it in place."""

    field: Literal["title", "subtitle", "text"] = Field(description="The part of the article that holds it")
    start: int = Field(description="Offset of its first character, in Unicode code points (in JavaScript, "
                                   "index Array.from(text), not the string)")
    end: int = Field(description="Offset after its last character")


class SpannedSource(BaseModel):
    """The sentence a fact was read from and where it sits; ``span`` is null when the article does
    not hold it as written."""

    sentence: str | None = None
    span: TextSpan | None = None


class ArticleOrigin(BaseModel):
    file: str | None = Field(default=None, description="The file it was loaded from")
    url: str | None = Field(default=None, description=(
        "The original page: its canonical link or og:url, a 原文链接/来源 line, or `guanxi load --url`"))
    encoding: str | None = None
    document_id: str | None = None


class ArticlePublication(BaseModel):
    name: str | None = None
    date: str | None = None
    issue: str | None = None


class ArticleSource(BaseModel):
    """One document that holds the story: a file loaded, in its paper or site, at its place there."""

    file: str | None = Field(default=None, description="The file it was loaded from")
    url: str | None = Field(default=None, description="The original page, as for `source`")
    encoding: str | None = None
    document_id: str | None = None
    publication: ArticlePublication
    page: int | None = Field(default=None, description="Its place among the stories of that file, from 1")
    title: str | None = Field(default=None, description="The headline as that document prints it")
    pdf_page: int | None = Field(default=None, description="For a PDF: the page the story starts on, from 1")
    page_label: str | None = Field(default=None, description=(
        "For a PDF: the 版次 that page prints ('第2版'), else the PDF's own page label ('A3')"))
    ocr_confidence: float | None = Field(default=None, description=(
        "For a scanned page: Tesseract's mean confidence in the story's words, 0-100"))


class TitleInArticle(BaseModel):
    title: str
    organization: EntityRef | None = None
    place: str | None = None
    source: SpannedSource


class PersonInArticle(BaseModel):
    person: EntityRef
    person_kind: str | None = None
    titles: list[TitleInArticle] = Field(default_factory=list)
    source: SpannedSource


class OrganizationInArticle(BaseModel):
    organization: EntityRef
    org_kind: str | None = None
    source: SpannedSource


class AttendeeInArticle(BaseModel):
    person: EntityRef
    roles: list[str] = Field(default_factory=list)
    source: SpannedSource


class EventInArticle(BaseModel):
    event: EntityRef
    type: str | None = None
    date: str | None = None
    place: str | None = None
    attendees: list[AttendeeInArticle] = Field(default_factory=list)
    source: SpannedSource


class SigningInArticle(BaseModel):
    id: str
    date: str | None = None
    project: EntityRef | None = None
    project_name: str | None = None
    parties: list[EntityRef] = Field(default_factory=list)
    signers: list[EntityRef] = Field(default_factory=list)
    source: SpannedSource


class ProjectInArticle(BaseModel):
    project: EntityRef
    companies: list[EntityRef] = Field(default_factory=list, description="Companies this article says run it")
    source: SpannedSource


class BylineInArticle(BaseModel):
    person: EntityRef
    role: str


class ArticleDetail(BaseModel):
    id: str
    kind: Literal["article"] = "article"
    title: str
    subtitle: str | None = None
    date: str | None = None
    publication: ArticlePublication
    page: int | None = Field(default=None, description=(
        "Its place among the stories of the file or issue it came in, from 1 (not the printed 版 number)"))
    pdf_page: int | None = Field(default=None, description=(
        "For a PDF: the page of the file the story starts on, from 1 (as in `sources`)"))
    page_label: str | None = Field(default=None, description="For a PDF: the 版次 that page prints ('第2版')")
    ocr_confidence: float | None = Field(default=None, description=(
        "For a scanned page: Tesseract's mean confidence in the story's words, 0-100; below ~80 read "
        "names and titles against the page"))
    source: ArticleOrigin
    sources: list[ArticleSource] = Field(default_factory=list, description=(
        "Every document that holds the story, oldest issue first: the same story in a .txt and its .html, "
        "a traditional-script reprint or a reprint in another paper is one article (its body's fingerprint), "
        "with one set of facts. `source`, `publication` and `page` are the one whose text is shown"))
    text: str = Field(default="", description="The cleaned body, paragraphs joined by newlines")
    people: list[PersonInArticle] = Field(default_factory=list)
    organizations: list[OrganizationInArticle] = Field(default_factory=list)
    events: list[EventInArticle] = Field(default_factory=list)
    signings: list[SigningInArticle] = Field(default_factory=list)
    projects: list[ProjectInArticle] = Field(default_factory=list)
    bylines: list[BylineInArticle] = Field(default_factory=list)


# --- offices: a career, a post's holders, a place's officials (api/routes/offices.py) -------------


class DivisionRef(BaseModel):
    code: str = Field(description="The national division code (adcode), 12 digits: 370405000000")
    name: str = Field(description="Its standard name: 台儿庄区")
    level: Literal["province", "city", "county"]


class Division(DivisionRef):
    above: list[DivisionRef] = Field(default_factory=list, description="The city and province it lies in")


class Sighting(BaseModel):
    """One article that gave the title: when, in which sentence."""

    date: str | None = Field(default=None, description="The article's date (its issue's where it gives none)")
    sentence: str | None = None
    article: ArticleRef | None = None


class CareerPost(BaseModel):
    """One office: a title in one place (or, for a post with no place, one organisation)."""

    title: str = Field(description="In simplified script: 區長 and 区长 are one post")
    place: str | None = Field(default=None, description="The division (or town) whose office it is, as written")
    place_code: str | None = Field(default=None, description="That division's code; a town's post has its county's")
    organizations: list[EntityRef] = Field(default_factory=list, description="Bodies the articles named with it")
    first_seen: str | None = None
    last_seen: str | None = None
    seen: int = Field(description="How many articles gave the title")
    sources: list[Sighting] = Field(description="In date order; past `sources`, the earliest and the latest")


class Career(BaseModel):
    person: EntityRef
    first_seen: str | None = None
    last_seen: str | None = None
    posts: list[CareerPost] = Field(description="Ordered by first seen: a move from one county to another "
                                                "shows as the next place")


class Tenure(BaseModel):
    """One holder of a post, from the first to the last article that gave them it."""

    person: EntityRef
    first_seen: str | None = None
    last_seen: str | None = None
    seen: int
    sources: list[Sighting]


class Gap(BaseModel):
    """Dates between which no article gave anyone the post."""

    from_date: str = Field(description="The last date a holder was seen before the gap")
    to_date: str = Field(description="The first date a holder was seen after it")
    days: int
    last_holder: EntityRef
    next_holder: EntityRef


class PostHistory(BaseModel):
    title: str
    place: str = Field(description="The division, or a town in it")
    place_code: str
    holders: list[Tenure] = Field(description="Ordered by first seen")
    gaps: list[Gap] = Field(default_factory=list)


class Succession(BaseModel):
    title: str
    division: Division
    posts: list[PostHistory] = Field(description="The division's own post first, then the same title in "
                                                 "each of its towns")


class PostInPlace(BaseModel):
    title: str
    place: str | None = None
    place_code: str
    first_seen: str | None = None
    last_seen: str | None = None
    seen_on: str | None = Field(default=None, description=(
        "With `at`: the last date on or before it that an article gave the post (what the answer rests on)"))
    next_seen: str | None = Field(default=None, description="With `at`: the first date after it that one did")
    source: Sighting


class Meeting(BaseModel):
    relation: Literal["attended", "signed"]
    date: str | None = None
    event: EntityRef | None = None
    titles: list[str] = Field(default_factory=list, description="The titles that meeting's article gave them")
    source: SourceRef


class PlaceOfficial(BaseModel):
    person: EntityRef
    posts: list[PostInPlace]
    meetings: list[Meeting] = Field(default_factory=list, description="With `met`: events with the company and "
                                                                      "signings with it")


class PlaceOfficials(BaseModel):
    division: Division
    at: str | None = None
    within_days: int | None = None
    met: EntityRef | None = None
    total: int
    officials: list[PlaceOfficial]
