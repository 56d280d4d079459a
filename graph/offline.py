"""Offline entity resolution: the bulk path (graph/bulk_csv.py) resolves an archive as a
transactional load of it would, without a database.

graph/resolution.py makes every decision from what a ``Lookup`` says the graph holds. The
transactional writer answers from Neo4j (graph/lookup.py ``Neo4jLookup``); here ``ArchiveLookup``
answers the same five queries of cypher/resolution.cypher from the graph the bulk fold has built
so far, and everything else, its batching, caching, row order and the names it remembers, is
Neo4jLookup's own code. So there is one set of rules, and the bulk graph of an archive is the graph
a transactional load of the same documents in ``archive_order`` builds, id for id.

Resolution depends on what came before (the first node of a name keeps the plain id, a short form
joins the one company that fits so far), so the order is fixed by the documents themselves, never by
the order files are listed in: issue or web date, then the document's id (a hash of its text), then
its file name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from graph.lookup import Neo4jLookup
from graph.model import Label
from graph.resolution import Row, starts_with_window
from guanxi.facts import Document
from guanxi.ids import document_id

if TYPE_CHECKING:
    from graph.bulk_csv import BulkGraph

UNDATED = "9999-12-31"  # as guanxi/fingerprint.py copy_key ranks a copy without a date: last


def document_key(doc: Document) -> str:
    """The document's id as both writers name it."""
    return doc.id or document_id(doc.source + "\x1f" + "\x1f".join(a.title for a in doc.articles))


def archive_key(doc: Document) -> tuple[str, str, str]:
    """Where a document stands in an archive: date, id, file name. Two files with the same text
    have one id, and the file name still orders them, so no two documents tie unless identical."""
    return (doc.publication.date or UNDATED, document_key(doc), doc.source)


def archive_order(docs: Iterable[Document]) -> list[Document]:
    """The documents in the order the bulk path resolves them; a transactional load in this order
    builds the same graph."""
    return sorted(docs, key=archive_key)


class ArchiveLookup(Neo4jLookup):
    """cypher/resolution.cypher's lookups, answered from a BulkGraph instead of a transaction.

    Each method returns what its query returns for the same parameters, row for row (order aside:
    Neo4jLookup orders every answer itself). Manual corrections live in the database the bulk path
    replaces, so there are none to apply.
    """

    def __init__(self, graph: BulkGraph) -> None:
        super().__init__(tx=None)
        self._graph = graph

    def _run(self, name: str, **params: Any) -> list[Row]:
        answers: dict[str, Callable[..., list[Row]]] = {
            "resolve_lookup_article": self._answer_article,
            "resolve_lookup_people": self._answer_people,
            "resolve_lookup_organizations": self._answer_organizations,
            "resolve_lookup_projects": self._answer_projects,
            "resolve_lookup_company_projects": self._answer_company_projects,
        }
        return answers[name](**params)

    def _answer_article(self, article_id: str, former_ids: list[str], people_keys: list[str],
                        org_keys: list[str], prefixes: list[str], exact: list[str], starts: list[str]) -> list[Row]:
        return [{"previous": self._graph.mentioned_in(article_id), "merges": [], "splits": [],
                 "people": self._answer_people(people_keys),
                 "organizations": self._answer_organizations(org_keys, prefixes, exact, starts)}]

    def _ids(self, kind: str, keys: Iterable[str]) -> list[str]:
        # LookupKey {key: kind + k}: the ids it lists, each once.
        index = self._graph.keys
        return list(dict.fromkeys(i for k in keys for i in index.get(kind + k, ())))

    def _answer_people(self, keys: list[str]) -> list[Row]:
        people = self._graph.nodes[Label.PERSON]
        return [{"id": p["id"], "name": p["name"], "aliases": list(p.get("aliases") or []), "sector": p.get("sector"),
                 "scope": p.get("scope"), "jurisdiction": p.get("jurisdiction"), "split_from": None,
                 "search_names": list(p.get("search_names") or [])}
                for p in (people[i] for i in self._ids("per|", keys))]

    def _answer_organizations(self, keys: list[str], prefixes: list[str], exact: list[str],
                              starts: list[str]) -> list[Row]:
        orgs = self._graph.nodes[Label.ORGANIZATION]
        found = self._ids("org|", keys) + self._ids("pre|", prefixes)
        found += [i for name in exact for i in sorted(self._graph.organizations_named(name))]
        # The key lists every company holding the window anywhere; only those a name opens with count.
        for start in starts:
            found += [i for i in self._ids("pre|", [start])
                      if starts_with_window(orgs[i].get("search_names") or [], {start.lower()})]
        return [{"id": o["id"], "name": o["name"], "aliases": list(o.get("aliases") or []), "kind": o.get("kind"),
                 "split_from": None, "search_names": list(o.get("search_names") or []),
                 "prefix_names": list(o.get("prefix_names") or [])}
                for o in (orgs[i] for i in dict.fromkeys(found))]

    def _project_row(self, node: Row, companies: list[str]) -> Row:
        return {"id": node["id"], "name": node["name"], "aliases": list(node.get("aliases") or []),
                "split_from": None, "companies": companies,
                "has_companies": bool(self._graph.companies_of(node["id"])),
                "search_names": list(node.get("search_names") or [])}

    def _answer_projects(self, keys: list[str], org_ids: list[str]) -> list[Row]:
        projects = self._graph.nodes[Label.PROJECT]
        rows = []
        for pid in self._ids("prj|", keys):
            running = self._graph.companies_of(pid)
            rows.append(self._project_row(projects[pid], [o for o in org_ids if o in running]))
        return rows

    def _answer_company_projects(self, org_ids: list[str]) -> list[Row]:
        projects = self._graph.nodes[Label.PROJECT]
        found: dict[str, list[str]] = {}
        for oid in org_ids:
            for pid in sorted(self._graph.projects_of(oid)):
                found.setdefault(pid, []).append(oid)
        return [self._project_row(projects[pid], companies) for pid, companies in found.items()]
