"""One article's facts as the rows its write statements UNWIND (cypher/write.cypher), one list per
statement. graph/collect.py builds them from the facts, graph/resolution.py rewrites their ids to the
graph's nodes, graph/writer.py sends them and graph/bulk_csv.py folds them into CSV rows: each reads
the list it needs by name, and the statement that writes a list is named once, here.

The rows are plain dicts (TypedDicts): the driver sends them as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any, NotRequired, TypedDict


class PersonRow(TypedDict):
    id: str
    name: str
    kind: str | None
    search_names: list[str]
    # Set by resolution: the node was not read before the write, so a name it already has stays.
    keep_name: NotRequired[bool]


class OrganizationRow(TypedDict):
    id: str
    name: str
    kind: str | None
    aliases: list[str]
    search_names: list[str]
    prefix_names: list[str]
    keep_name: NotRequired[bool]


class ProjectRow(TypedDict):
    id: str
    name: str
    place: str | None
    aliases: list[str]
    search_names: list[str]
    keep_name: NotRequired[bool]


class EventRow(TypedDict):
    id: str
    name: str
    type: str | None
    date: str | None
    place: str | None
    sentence: str | None
    search_names: list[str]


class SigningRow(TypedDict):
    id: str
    name: str
    date: str | None
    project_name: str | None
    sentence: str | None


class TitleRow(TypedDict):
    """A title an article gave a person: in an organisation, or alone (on a Position node)."""

    person_id: str
    title: str
    as_of: str | None
    org: str | None
    place: str | None
    place_code: str | None
    sentence: str | None
    rule: str | None


class TitleInOrgRow(TitleRow):
    org_id: str


class TitleAloneRow(TitleRow):
    position_id: str


class AttendanceRow(TypedDict):
    person_id: str
    event_id: str
    roles: list[str]
    date: str | None
    sentence: str | None
    rule: str | None


class RunsRow(TypedDict):
    org_id: str
    project_id: str
    sentence: str | None


class SigningFact(TypedDict):
    signing_id: str
    date: str | None
    sentence: str | None


class ForProjectRow(SigningFact):
    project_id: str


class PartyRow(SigningFact):
    org_id: str
    project_id: str | None  # what resolution compares projects by: the companies that signed them


class SignerRow(SigningFact):
    person_id: str
    project_id: str | None


class SignedRow(ForProjectRow):
    # One of the two: the party is a company, or a person who signed.
    org_id: NotRequired[str]
    person_id: NotRequired[str]


class BylineRow(TypedDict):
    person_id: str
    role: str
    sentence: str | None


class MentionRow(TypedDict):
    id: str
    sentence: str | None


class PersonResolution(TypedDict):
    """What resolution learnt of a person from the article, and why the mention went to its node."""

    id: str
    sector: str | None
    scope: str | None
    jurisdiction: str | None
    reason: str
    date: str | None


class EntityResolution(TypedDict):
    id: str
    reason: str


def _writes(statement: str) -> Any:
    return field(default_factory=list, metadata={"statement": statement})


@dataclass
class ArticleRows:
    """The rows of one article's statements, in the order they run."""

    people: list[PersonRow] = _writes("merge_people")
    organizations: list[OrganizationRow] = _writes("merge_organizations")
    projects: list[ProjectRow] = _writes("merge_projects")
    events: list[EventRow] = _writes("merge_events")
    signings: list[SigningRow] = _writes("merge_signings")
    titles_in_org: list[TitleInOrgRow] = _writes("merge_positions_in_org")
    titles_alone: list[TitleAloneRow] = _writes("merge_positions_alone")
    attendance: list[AttendanceRow] = _writes("merge_attendance")
    runs: list[RunsRow] = _writes("merge_runs")
    parties: list[PartyRow] = _writes("merge_signing_parties")
    signers: list[SignerRow] = _writes("merge_signing_signers")
    signing_projects: list[ForProjectRow] = _writes("merge_signing_projects")
    signed: list[SignedRow] = _writes("merge_signed")
    bylines: list[BylineRow] = _writes("merge_bylines")
    mentions: list[MentionRow] = _writes("merge_mentions")
    # Entity resolution's record of its decisions; None when nothing was resolved (GraphWriter.resolve
    # False, the bulk import), which sends no statement for them.
    resolved_people: list[PersonResolution] | None = field(default=None, metadata={"statement": "resolve_people"})
    resolved_entities: list[EntityResolution] | None = field(default=None,
                                                             metadata={"statement": "resolve_entities"})

    def batches(self) -> Iterator[tuple[str, list[Any]]]:
        """(statement name, rows) in order. Empty lists stay: every article then sends the same
        combined query text (graph/cypher.py), which Neo4j plans once; a new combination of
        statements cost 100-600 ms of planning."""
        for spec in fields(self):
            rows = getattr(self, spec.name)
            if rows is not None:
                yield spec.metadata["statement"], rows
