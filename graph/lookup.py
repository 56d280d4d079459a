"""Resolution's questions to Neo4j, asked inside the article's write transaction.

An article asks about its people, its organisation clusters, its projects and the corrections
that concern it. Asked one by one that was five or six round trips per article, each costing the
client and the server more than the index seek behind it (bench/README.md); ``prefetch`` asks
everything known before the first decision in one query, ``prefetch_projects`` the projects once
the companies are resolved. Each row carries the keys it was found by, so the answer to any one
question is picked out of the batch exactly as its own query would have returned it.
"""

from __future__ import annotations

from typing import Any

from graph.cypher import query
from graph.resolution import OrgRequest, ProjectRequest, Row, search_names, starts_with_window


def _holds(names: list[str], wanted: set[str]) -> bool:
    return not wanted.isdisjoint(names)


def _ordered(rows: list[Row]) -> list[Row]:
    # One order for batched and single answers, whatever order the server returned: nodes split off
    # by a correction last, then by id. Resolution takes the first of equal candidates.
    return sorted(rows, key=lambda r: (r.get("split_from") is not None, r["id"]))


class Neo4jLookup:
    """Answers graph/resolution.py's Lookup protocol from one transaction."""

    def __init__(self, tx: Any, former_ids: list[str] | None = None) -> None:
        self.tx = tx
        # Ids the article had before (guanxi/ids.py article_id): a split made then names those.
        self._former_ids = list(former_ids or [])
        self._article_id: str | None = None
        self._about: dict[str, Any] = {"previous": [], "merges": [], "splits": []}
        self._people: tuple[set[str], list[Row]] | None = None
        self._orgs: tuple[set[str], set[str], set[str], set[str], list[Row]] | None = None
        self._projects: tuple[set[str], set[str], list[Row]] | None = None
        self._company_projects: tuple[set[str], list[Row]] | None = None
        self._names: dict[str, str] = {}

    def _run(self, name: str, **params: Any) -> list[Row]:
        # The rows hold maps, lists and strings only: Record.data() would walk every nested value to
        # convert graph types, a third of the loader's own CPU on a large archive (bench/README.md).
        return [dict(r.items()) for r in self.tx.run(query(name), params)]

    def _remember(self, rows: list[Row]) -> list[Row]:
        self._names.update((r["id"], r["name"]) for r in rows)
        return rows

    def prefetch(self, article_id: str, people: list[str], organizations: list[OrgRequest]) -> None:
        people_keys = search_names(*people)
        org_keys = sorted({k for names, _, _, _ in organizations for k in search_names(*names)})
        prefixes = sorted({p for _, wanted, _, _ in organizations for p in wanted})
        exact = sorted({e for _, _, wanted, _ in organizations for e in wanted})
        starts = sorted({s for _, _, _, wanted in organizations for s in wanted})
        row = self._run("resolve_lookup_article", article_id=article_id, former_ids=self._former_ids,
                        people_keys=people_keys,
                        org_keys=org_keys, prefixes=prefixes, exact=exact, starts=starts)[0]
        self._article_id = article_id
        self._about = row
        for _, target, name in [*row["merges"], *row["splits"]]:
            if name is not None:
                self._names[target] = name
        self._people = (set(people_keys), self._remember(row["people"]))
        self._orgs = (set(org_keys), set(prefixes), set(exact), set(starts), self._remember(row["organizations"]))

    def prefetch_projects(self, projects: list[ProjectRequest]) -> None:
        keys = sorted({k for names, _ in projects for k in search_names(*names)})
        org_ids = sorted({o for _, ids in projects for o in ids})
        rows = self._run("resolve_lookup_projects", keys=keys, org_ids=org_ids)
        self._projects = (set(keys), set(org_ids), self._remember(rows))

    def people(self, names: list[str]) -> list[Row]:
        keys = search_names(*names)
        if self._people is None or not set(keys) <= self._people[0]:
            return _ordered(self._remember(self._run("resolve_lookup_people", keys=keys)))
        wanted = set(keys)
        return _ordered([r for r in self._people[1] if _holds(r["search_names"], wanted)])

    def organizations(self, names: list[str], prefixes: list[str], exact: list[str] | None = None,
                      starts: list[str] | None = None) -> list[Row]:
        keys, exact, starts = search_names(*names), exact or [], starts or []
        cached = self._orgs
        if cached is None or not (set(keys) <= cached[0] and set(prefixes) <= cached[1] and set(exact) <= cached[2]
                                  and set(starts) <= cached[3]):
            return _ordered(self._remember(self._run("resolve_lookup_organizations", keys=keys, prefixes=prefixes,
                                                     exact=exact, starts=starts)))
        by_key, by_prefix, by_start = set(keys), set(prefixes), {s.lower() for s in starts}
        return _ordered([r for r in cached[4] if _holds(r["search_names"], by_key)
                         or _holds(r["prefix_names"], by_prefix) or r["name"] in exact
                         or starts_with_window(r["search_names"], by_start)])

    def projects(self, names: list[str], org_ids: list[str]) -> list[Row]:
        keys = search_names(*names)
        cached = self._projects
        if cached is None or not (set(keys) <= cached[0] and set(org_ids) <= cached[1]):
            return _ordered(self._remember(self._run("resolve_lookup_projects", keys=keys, org_ids=org_ids)))
        wanted = set(keys)
        return _ordered([r for r in cached[2] if _holds(r["search_names"], wanted)])

    def company_projects(self, org_ids: list[str]) -> list[Row]:
        cached = self._company_projects
        if cached is None or not set(org_ids) <= cached[0]:
            # Every company of the article's projects at once: a second project that needs them
            # reads nothing more.
            asked = set(org_ids) | (self._projects[1] if self._projects else set())
            rows = self._run("resolve_lookup_company_projects", org_ids=sorted(asked))
            cached = self._company_projects = (asked, self._remember(rows))
        companies = set(org_ids)
        return _ordered([r for r in cached[1] if companies & set(r["companies"])])

    def _article(self, article_id: str) -> dict[str, Any]:
        if self._article_id != article_id:
            self.prefetch(article_id, [], [])
        return self._about

    def corrections(self, article_id: str) -> tuple[dict[str, str], dict[str, str]]:
        about = self._article(article_id)
        return ({source: target for source, target, _ in about["merges"]},
                {source: target for source, target, _ in about["splits"]})

    def previous(self, article_id: str) -> set[str]:
        return set(self._article(article_id)["previous"])

    def known_names(self, ids: list[str]) -> dict[str, str]:
        return {i: self._names[i] for i in ids if i in self._names}
