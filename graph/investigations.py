"""Investigations: a reader's named set of entities, with notes (on the whole and on each entity) and
the graph view they were drawn in, kept on the server for the owner of the key that saved it.

An investigation leaves the server as one file and comes back from it: GraphML of its entities and
the relationships among them (what Gephi or yEd opens), whose graph carries the investigation's
name, notes and view and whose nodes carry their notes (:func:`investigation_graphml`,
:func:`read_investigation_graphml`). Ids are stable across graphs built from the same sources, so a
colleague's server opens it too; an id the graph does not hold is reported, not kept. A
followthemoney export (Aleph) carries the notes as ``Note`` entities.
"""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any

import neo4j
from pydantic import BaseModel, Field

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.export import GRAPHML_NS, ftm_entities, to_graphml
from graph.refs import entity_refs
from graph.views import EntityRef, GraphView
from graph.watchlists import from_millis

# What the file says it is, so that any other GraphML is refused with the reason.
FORMAT = "guanxi-investigation/1"
# The kinds with a page of their own: what an investigation keeps.
KEPT_KINDS = frozenset({"person", "organization", "project", "event"})
MAX_ENTITIES = 500
# The page's address of a graph view: its centre and what it shows (app.js, graph.js).
VIEW_PATTERN = r"^graph/[^\s?#/]{1,100}(\?[^\s#]{0,4000})?$"


class InvestigationError(ValueError):
    """Cannot be done as asked (the API answers 409, or 422 for a file)."""


class InvestigationNotFound(InvestigationError):
    def __init__(self, id: str) -> None:
        super().__init__(f"no investigation of yours with id {id!r}")


class NameTaken(InvestigationError):
    pass


class UnknownEntities(InvestigationError):
    def __init__(self, ids: list[str]) -> None:
        super().__init__(f"nothing in the graph has the id{'s' if len(ids) > 1 else ''} {', '.join(ids)}")
        self.ids = ids


class NotAnInvestigation(InvestigationError):
    pass


class KeptEntity(BaseModel):
    id: str = Field(min_length=1, max_length=100, description="A person, organization, project or event")
    note: str = Field(default="", max_length=2000, description="What the reader noted about it")


class InvestigationDraft(BaseModel):
    """What a reader saves: everything an investigation holds but its id and times."""

    name: str = Field(min_length=1, max_length=200)
    notes: str = Field(default="", max_length=20_000)
    entities: list[KeptEntity] = Field(default_factory=list, max_length=MAX_ENTITIES)
    view: str | None = Field(default=None, pattern=VIEW_PATTERN, description=(
        "The graph view it was drawn in, as the page's address holds it: graph/{id}?expand=…&hide=…"))


class InvestigationEntity(BaseModel):
    entity: EntityRef = Field(description="The node as the graph holds it now (one merged since: where it went)")
    note: str = ""


class Investigation(BaseModel):
    id: str
    name: str
    owner: str
    notes: str = ""
    entities: list[InvestigationEntity] = Field(default_factory=list)
    view: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class InvestigationSummary(BaseModel):
    id: str
    name: str
    entities: int
    updated_at: str | None = None


class MissingEntity(BaseModel):
    id: str
    name: str | None = None
    kind: str | None = None


class Opened(BaseModel):
    """An investigation made from a file, and what in the file this graph does not hold."""

    investigation: Investigation
    missing: list[MissingEntity] = Field(default_factory=list)


def new_id() -> str:
    return f"inv-{uuid.uuid4().hex[:16]}"


class Investigations:
    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    def _session(self, write: bool = False) -> Any:
        return self.driver.session(database=self.database, notifications_min_severity="OFF",
                                   default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS)

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        with translate_driver_errors(), self._session() as session:
            return session.execute_read(lambda tx: [dict(r.items()) for r in tx.run(query(name), params)])

    def _view(self, stored: dict[str, Any]) -> Investigation:
        notes: dict[str, str] = json.loads(stored.get("entity_notes") or "{}")
        ids = list(stored.get("entity_ids") or [])
        refs = entity_refs(self.driver, self.database, ids)
        kept: dict[str, InvestigationEntity] = {}
        for id in ids:
            ref = refs.get(id)
            if ref is None:
                continue
            entry = kept.setdefault(ref.id, InvestigationEntity(entity=ref))
            # Two kept ids merged into one node keep both notes.
            entry.note = "\n".join(n for n in (entry.note, notes.get(id, "")) if n)
        return Investigation(id=stored["id"], name=stored["name"], owner=stored["owner"], notes=stored.get("notes") or "",
                             entities=list(kept.values()), view=stored.get("view"),
                             created_at=from_millis(stored.get("created_at")),
                             updated_at=from_millis(stored.get("updated_at")))

    def mine(self, owner: str) -> list[InvestigationSummary]:
        rows = self._read("investigation_list", owner=owner)
        return [InvestigationSummary(id=r["investigation"]["id"], name=r["investigation"]["name"],
                                     entities=r["investigation"]["entities"],
                                     updated_at=from_millis(r["investigation"]["updated_at"])) for r in rows]

    def get(self, owner: str, id: str) -> Investigation | None:
        rows = self._read("investigation_get", owner=owner, id=id)
        return self._view(rows[0]["investigation"]) if rows else None

    def _fields(self, draft: InvestigationDraft) -> dict[str, Any]:
        wanted = list(dict.fromkeys(e.id for e in draft.entities))
        refs = entity_refs(self.driver, self.database, wanted)
        unknown = [i for i in wanted if i not in refs]
        if unknown:
            raise UnknownEntities(unknown)
        wrong = sorted({refs[i].kind for i in wanted} - KEPT_KINDS)
        if wrong:
            raise InvestigationError(f"an investigation keeps people, organizations, projects and events, not "
                                     f"{', '.join(wrong)}")
        notes = {e.id: e.note for e in draft.entities if e.note}
        return {"name": draft.name, "notes": draft.notes, "entity_ids": wanted,
                "entity_notes": json.dumps(notes, ensure_ascii=False), "view": draft.view}

    def _save(self, owner: str, id: str, fields: dict[str, Any], create: bool) -> Investigation:
        def work(tx: neo4j.ManagedTransaction) -> dict[str, Any] | None:
            taken = list(tx.run(query("investigation_named"), owner=owner, name=fields["name"], id=id))
            if taken:
                raise NameTaken(f"you already have an investigation named {fields['name']!r}")
            rows = list(tx.run(query("investigation_create" if create else "investigation_update"),
                               owner=owner, id=id, fields=fields))
            return dict(rows[0]["investigation"]) if rows else None

        with translate_driver_errors(), self._session(write=True) as session:
            stored = session.execute_write(work)
        if stored is None:
            raise InvestigationNotFound(id)
        return self._view(stored)

    def create(self, owner: str, draft: InvestigationDraft) -> Investigation:
        return self._save(owner, new_id(), self._fields(draft), create=True)

    def update(self, owner: str, id: str, draft: InvestigationDraft) -> Investigation:
        return self._save(owner, id, self._fields(draft), create=False)

    def delete(self, owner: str, id: str) -> bool:
        with translate_driver_errors(), self._session(write=True) as session:
            rows = session.execute_write(
                lambda tx: list(tx.run(query("investigation_delete"), owner=owner, id=id)))
        return bool(rows)

    def open_file(self, owner: str, text: str) -> Opened:
        """A new investigation from an exported file; ids this graph does not hold are reported."""
        draft, names = read_investigation_graphml(text)
        refs = entity_refs(self.driver, self.database, [e.id for e in draft.entities])
        missing = [MissingEntity(id=e.id, name=names.get(e.id, (None, None))[0], kind=names.get(e.id, (None, None))[1])
                   for e in draft.entities if e.id not in refs]
        draft.entities = [e for e in draft.entities if e.id in refs and refs[e.id].kind in KEPT_KINDS]
        taken = {s.name for s in self.mine(owner)}
        base, number = draft.name, 1
        while draft.name in taken:  # opened twice: the second copy says so in its name
            number += 1
            suffix = f" ({number})"
            draft.name = base[: 200 - len(suffix)] + suffix
        return Opened(investigation=self.create(owner, draft), missing=missing)


def investigation_graphml(investigation: Investigation, view: GraphView) -> str:
    data = {"guanxi": FORMAT, "name": investigation.name, "notes": investigation.notes,
            "view": investigation.view or "", "exported_from": investigation.id}
    notes = {e.entity.id: e.note for e in investigation.entities if e.note}
    return to_graphml(view.model_copy(update={"center": investigation.id}), {k: v for k, v in data.items() if v}, notes)


def investigation_ftm_lines(investigation: Investigation, view: GraphView) -> str:
    """The entities for Aleph, each note a ``Note`` on its entity, the investigation's notes one more."""
    entities = list(ftm_entities(view))
    for kept in investigation.entities:
        if kept.note:
            entities.append({"id": f"note-{investigation.id}-{kept.entity.id}", "schema": "Note",
                             "properties": {"entity": [kept.entity.id], "description": [kept.note]}})
    entities.append({"id": f"note-{investigation.id}", "schema": "Note",
                     "properties": {"name": [investigation.name],
                                    **({"description": [investigation.notes]} if investigation.notes else {})}})
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities)


_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def read_investigation_graphml(text: str) -> tuple[InvestigationDraft, dict[str, tuple[str | None, str | None]]]:
    """The draft a file holds, and each node's name and kind as the file gives them (to name what
    this graph lacks). Raises NotAnInvestigation, with the reason, for anything else."""
    if _DECLARATION.search(text):  # GraphML needs no DTD; one is refused before any parsing
        raise NotAnInvestigation("the file declares a DTD or entities: not an investigation's GraphML")
    try:
        root = ET.fromstring(text.encode())
    except ET.ParseError as exc:
        raise NotAnInvestigation(f"the file is not XML: {exc}") from None
    ns = {"g": GRAPHML_NS}
    graph = root.find("g:graph", ns)
    if root.tag != f"{{{GRAPHML_NS}}}graphml" or graph is None:
        raise NotAnInvestigation("the file is not GraphML")
    data = {d.get("key", "")[2:]: d.text or "" for d in graph.findall("g:data", ns) if d.get("key", "").startswith("g_")}
    if data.get("guanxi") != FORMAT:
        raise NotAnInvestigation("this GraphML is not an investigation exported by guanxi (no guanxi key on its graph)")
    entities, names = [], {}
    for node in graph.findall("g:node", ns)[:MAX_ENTITIES]:
        id = node.get("id") or ""
        values = {d.get("key", "")[2:]: d.text or "" for d in node.findall("g:data", ns)}
        if not id:
            continue
        entities.append({"id": id, "note": values.get("note", "")})
        names[id] = (values.get("name") or values.get("label"), values.get("kind"))
    try:
        draft = InvestigationDraft.model_validate({"name": data.get("name") or "investigation",
                                                   "notes": data.get("notes", ""), "entities": entities,
                                                   "view": data.get("view") or None})
    except ValueError as exc:
        raise NotAnInvestigation(f"the file's investigation is malformed: {exc}") from None
    return draft, names
