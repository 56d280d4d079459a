"""One article being read: what the extractor's passes have found so far.

``extract_article`` runs its passes in order over one ``ArticleReading``; each pass reads what
the earlier ones left here and adds its own part (companies, projects, people, roles, events,
signings, organizations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from guanxi.facts import Event, Organization, Person, Position, Publication, Role
from loaders.article_text import ArticleText
from loaders.facts.offices import Homes, PageHomes
from loaders.facts.organizations import Company, OrgMention, company_for
from loaders.facts.people import PersonMention
from loaders.facts.projects import ProjectFact, ProjectMention
from loaders.facts.script import to_matching
from loaders.facts.sentences import Sentence
from loaders.facts.signings import SigningFact


class SigningClause(NamedTuple):
    """A part of a sentence where named people sign ('X代表县政府与Y签约')."""

    sentence: Sentence
    span: tuple[int, int]
    signers: list[str]  # person keys


class PlacedProject(NamedTuple):
    """A project named in a sentence."""

    sentence: Sentence
    mention: ProjectMention


class PeopleFound:
    """People of one article, merged by name."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.title_keys: dict[str, set[str]] = {}
        self.by_sentence: dict[int, list[PersonMention]] = {}

    def add(self, sent: Sentence, men: PersonMention, companies: list[Company]) -> None:
        self.by_sentence.setdefault(sent.index, []).append(men)
        person = self.people.get(men.key)
        if person is None:
            person = Person(name=men.name, kind="official", sentence=sent.text, rule=men.rule)
            self.people[men.key] = person
            self.title_keys[men.key] = set()
        for t in men.titles:
            tkey = to_matching(t.title)
            if any(same_post(tkey, seen) for seen in self.title_keys[men.key]):
                continue
            self.title_keys[men.key].add(tkey)
            org = None
            if t.org:
                comp = company_for(to_matching(t.org), companies)
                org = comp.name if comp else t.org
            person.positions.append(Position(title=t.title, org=org, sentence=sent.text, rule=men.rule))
            if t.executive:
                person.kind = "executive"


def same_post(a: str, b: str) -> bool:
    """One post written with and without its place ('宁川市委书记' in a headline, '市委书记' in the
    body). A deputy is another post: '副区长' is not '区长'."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    prefix = long[: len(long) - len(short)]
    return long.endswith(short) and not prefix.endswith(("副", "常务", "常务副"))


@dataclass
class ArticleReading:
    article: ArticleText
    publication: Publication
    page_homes: Homes | PageHomes | None
    sentences: list[Sentence]
    company_mentions: list[OrgMention] = field(default_factory=list)
    # Companies read only from the front of a project's name ('X公司年产…项目').
    project_companies: list[OrgMention] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    project_mentions: list[PlacedProject] = field(default_factory=list)
    projects: list[ProjectFact] = field(default_factory=list)
    alias_mentions: list[ProjectMention] = field(default_factory=list)
    people: PeopleFound = field(default_factory=PeopleFound)
    roles: dict[str, list[Role]] = field(default_factory=dict)
    role_sentence: dict[str, str] = field(default_factory=dict)
    role_rule: dict[str, str] = field(default_factory=dict)
    signing_clauses: list[SigningClause] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    signings: list[SigningFact] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)

    def company_keys(self) -> set[str]:
        return {k for c in self.companies for k in c.keys}
