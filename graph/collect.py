"""An article's facts → the rows of its write statements (graph/rows.py), ids derived from names
alone (guanxi/ids.py) and duplicates folded; entity resolution rewrites the ids afterwards."""

from __future__ import annotations

from collections.abc import Iterable

from graph.resolution import fold, prefix_windows, search_names
from graph.rows import (
    ArticleRows,
    AttendanceRow,
    BylineRow,
    EventRow,
    ForProjectRow,
    MentionRow,
    OrganizationRow,
    PartyRow,
    PersonRow,
    ProjectRow,
    RunsRow,
    SignedRow,
    SignerRow,
    SigningFact,
    SigningRow,
    TitleAloneRow,
    TitleInOrgRow,
    TitleRow,
)
from guanxi.facts import Article
from guanxi.ids import event_id, organization_id, person_id, position_id, project_id, signing_id
from guanxi.simplified import to_simplified


def _add_aliases(row: OrganizationRow | ProjectRow, aliases: Iterable[str]) -> None:
    """New aliases onto an organisation's or project's row, and its search names after them."""
    for alias in aliases:
        alias = alias.strip()
        if alias and alias != row["name"] and alias not in row["aliases"]:
            row["aliases"].append(alias)
    row["search_names"] = search_names(row["name"], *row["aliases"])


def _clean(name: str | None) -> str | None:
    text = (name or "").strip()
    return text or None


def _merge_roles(a: list[str], b: Iterable[str]) -> list[str]:
    return a + [r for r in b if r not in a]


class _Collector:
    """Gathers an article's people, organisations, projects and mentions, each once."""

    def __init__(self) -> None:
        self.people: dict[str, PersonRow] = {}
        self.orgs: dict[str, OrganizationRow] = {}
        self.projects: dict[str, ProjectRow] = {}
        self.mentions: dict[str, MentionRow] = {}

    def person(self, name: str | None, kind: str | None = None, sentence: str | None = None,
               mention: bool = True) -> str | None:
        name = _clean(name)
        if name is None:
            return None
        pid = person_id(name)
        # The simplified spelling too: a person first named in traditional script ('錢立青') is
        # found again, by resolution and by search, under the simplified one ('钱立青').
        row = self.people.setdefault(pid, {"id": pid, "name": name, "kind": None,
                                           "search_names": search_names(name, fold(name))})
        if kind is not None:
            row["kind"] = kind
        if mention:
            self._mention(pid, sentence)
        return pid

    def org(self, name: str | None, kind: str | None = None, aliases: Iterable[str] = (),
            sentence: str | None = None) -> str | None:
        name = _clean(name)
        if name is None:
            return None
        oid = organization_id(name)
        row = self.orgs.setdefault(oid, {"id": oid, "name": name, "kind": None, "aliases": [], "search_names": [],
                                         "prefix_names": []})
        if kind is not None:
            row["kind"] = kind
        _add_aliases(row, aliases)
        row["prefix_names"] = prefix_windows(name, *row["aliases"])
        self._mention(oid, sentence)
        return oid

    def project(self, name: str | None, aliases: Iterable[str] = (), place: str | None = None,
                sentence: str | None = None) -> str | None:
        name = _clean(name)
        if name is None:
            return None
        pid = project_id(name)
        row = self.projects.setdefault(pid, {"id": pid, "name": name, "place": None, "aliases": [], "search_names": []})
        if place:
            row["place"] = place
        _add_aliases(row, aliases)
        self._mention(pid, sentence)
        return pid

    def _mention(self, node_id: str, sentence: str | None) -> None:
        row = self.mentions.setdefault(node_id, {"id": node_id, "sentence": sentence})
        if row["sentence"] is None:
            row["sentence"] = sentence


# Where a story sits in a PDF (all None for a text file): on its PART_OF, from the article's source.
PLACEMENT_KEYS = ("pdf_page", "page_label", "ocr_confidence")


def placement(art: Article) -> dict[str, object]:
    """What the PART_OF says of the story's place in a PDF (all None for a text file)."""
    return art.source.model_dump()


def article_rows(art: Article, art_id: str, as_of: str | None) -> ArticleRows:
    """The rows that store one article, ids from names alone."""
    c = _Collector()
    titles_in_org: dict[tuple[str, str, str], TitleInOrgRow] = {}
    titles_alone: dict[tuple[str, str], TitleAloneRow] = {}
    for person in art.people:
        pid = c.person(person.name, person.kind, person.sentence)
        if pid is None:
            continue
        for pos in person.positions:
            # 區長 in a reprint is the 区长 of the simplified pages: one title, one post node. The
            # sentence keeps the script it was written in.
            title = to_simplified(pos.title.strip())
            if not title:
                continue
            sentence = pos.sentence or person.sentence
            oid = c.org(pos.org, sentence=sentence) if pos.org else None
            common = TitleRow(person_id=pid, title=title, as_of=as_of, org=_clean(pos.org), place=_clean(pos.place),
                              place_code=_clean(pos.place_code), sentence=sentence, rule=pos.rule)
            if oid is not None:
                titles_in_org.setdefault((pid, title, oid), TitleInOrgRow(**common, org_id=oid))
            else:
                titles_alone.setdefault((pid, title), TitleAloneRow(**common, position_id=position_id(pid, title)))

    for org in art.organizations:
        c.org(org.name, org.kind, org.aliases, org.sentence)

    runs: dict[tuple[str, str], RunsRow] = {}
    for proj in art.projects:
        prj = c.project(proj.name, proj.aliases, proj.place, proj.sentence)
        if prj is None:
            continue
        for company in proj.companies:
            oid = c.org(company, sentence=proj.sentence)
            if oid is not None:
                runs.setdefault((oid, prj), {"org_id": oid, "project_id": prj, "sentence": proj.sentence})

    events: list[EventRow] = []
    attendance: dict[tuple[str, str], AttendanceRow] = {}
    for index, event in enumerate(art.events):
        name = _clean(event.name)
        if name is None:
            continue
        eid = event_id(art_id, index)
        date = event.date or art.date
        events.append({"id": eid, "name": name, "type": event.type, "date": date, "place": event.place,
                       "sentence": event.sentence, "search_names": search_names(name)})
        for att in event.attendees:
            pid = c.person(att.name, sentence=att.sentence or event.sentence)
            if pid is None:
                continue
            key = (pid, eid)
            if key in attendance:
                attendance[key]["roles"] = _merge_roles(attendance[key]["roles"], att.roles)
            else:
                attendance[key] = {"person_id": pid, "event_id": eid, "roles": list(att.roles), "date": date,
                                   "sentence": att.sentence or event.sentence, "rule": att.rule}

    rows = ArticleRows(people=[], organizations=[], projects=[], events=events,
                       titles_in_org=list(titles_in_org.values()), titles_alone=list(titles_alone.values()),
                       attendance=list(attendance.values()), runs=list(runs.values()))
    _signings(art, art_id, c, rows)
    bylines: dict[tuple[str, str], BylineRow] = {}
    for byline in art.bylines:
        # A byline writes the article; it is not a mention of the person in it.
        pid = c.person(byline.name, sentence=byline.sentence, mention=False)
        if pid is not None:
            bylines.setdefault((pid, byline.role), {"person_id": pid, "role": byline.role,
                                                    "sentence": byline.sentence})
    rows.bylines = list(bylines.values())
    # Last: every list above adds the people, organisations and projects it names.
    rows.people, rows.organizations = list(c.people.values()), list(c.orgs.values())
    rows.projects, rows.mentions = list(c.projects.values()), list(c.mentions.values())
    return rows


def _signings(art: Article, art_id: str, c: _Collector, rows: ArticleRows) -> None:
    """A Signing node per signing, its parties, signers and project, and a SIGNED edge from each
    party or signer straight to the project."""
    for index, signing in enumerate(art.signings):
        sid = signing_id(art_id, index)
        date = signing.date or art.date
        prj = c.project(signing.project, sentence=signing.sentence) if signing.project else None
        party_names = [p for p in (_clean(x) for x in signing.parties) if p]
        label = _clean(signing.project) or "、".join(party_names) or "签约"
        rows.signings.append(SigningRow(id=sid, name=label, date=date, project_name=_clean(signing.project),
                                        sentence=signing.sentence))
        fact = SigningFact(signing_id=sid, date=date, sentence=signing.sentence)
        if prj is not None:
            rows.signing_projects.append(ForProjectRow(**fact, project_id=prj))
        for party in dict.fromkeys(party_names):
            oid = c.org(party, sentence=signing.sentence)
            assert oid is not None  # a cleaned name
            rows.parties.append(PartyRow(**fact, project_id=prj, org_id=oid))
            if prj is not None:
                rows.signed.append(SignedRow(**fact, project_id=prj, org_id=oid))
        for signer in dict.fromkeys(s for s in (_clean(x) for x in signing.signers) if s):
            pid = c.person(signer, sentence=signing.sentence)
            assert pid is not None
            rows.signers.append(SignerRow(**fact, project_id=prj, person_id=pid))
            if prj is not None:
                rows.signed.append(SignedRow(**fact, project_id=prj, person_id=pid))
