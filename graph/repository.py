"""Reads over the graph, returning graph/views.py models. The API talks to this, never to the driver."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import neo4j
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph import offices
from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.places import code_prefix, find_division
from graph.spans import locate, snippet
from graph.views import (
    KIND_LABELS,
    ArticleDetail,
    ArticleRef,
    Career,
    CompanyLink,
    Contact,
    Contacts,
    Counts,
    Division,
    EntityRef,
    EventBrief,
    EventDetail,
    GraphEdge,
    GraphNode,
    GraphPath,
    GraphView,
    MemberView,
    OfficialLink,
    Officials,
    OfficialView,
    OrganizationDetail,
    PersonDetail,
    PlaceOfficials,
    ProjectDetail,
    ProjectLink,
    SearchHit,
    SearchKind,
    SigningView,
    SourceRef,
    Succession,
    Timeline,
    TimelineItem,
    kind_of,
)
from guanxi.ids import normalise_name
from guanxi.simplified import to_simplified

MAX_PATH_HOPS = 6  # the bound written into the shortest_paths query
# An entity page lists the newest this many of each kind (events, articles...) and the totals: a
# county head in a ten-year archive attends thousands of events, and the page must stay fast.
# The full lists are paginated: /people/{id}/timeline, /search, /people/{id}/contacts.
DETAIL_LIMIT = 100
MAX_DETAIL_LIMIT = 500
# Reads ask for no notifications: a graph loaded without PDFs has no pdf_page property, and Neo4j's
# warning about it, which the driver logs (4 kB each, two per person page), cost every page read.
_READ: dict[str, Any] = {"default_access_mode": neo4j.READ_ACCESS, "notifications_min_severity": "OFF"}
_LUCENE_PHRASE_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"'})
# Shown in node properties but not worth sending: provenance lives in the edges.
_HIDDEN_PROPS = {"text", "search_key", "search_names", "prefix_key", "prefix_names", "indexed_name", "indexed_aliases",
                 "unindexed", "sentence", "rule", "load_id"}


def lucene_phrase(text: str) -> str:
    """A phrase query: with the CJK bigram analyzer it matches the text as a substring of a name.

    One Chinese character is not a phrase the index holds (it stores pairs of characters), so it
    becomes "any pair that starts or ends with it": a name containing the character, found through
    the index rather than by reading every node.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return ""
    if len(cleaned) == 1 and not cleaned.isascii() and cleaned.isalnum():
        return f"{cleaned}* OR *{cleaned}"
    phrase = '"' + cleaned.translate(_LUCENE_PHRASE_ESCAPES) + '"'
    simplified = to_simplified(cleaned)
    if simplified != cleaned:  # a query typed in traditional characters finds the simplified name too
        phrase += ' OR "' + simplified.translate(_LUCENE_PHRASE_ESCAPES) + '"'
    return phrase


_RUN = re.compile(r"[0-9a-z]+|[\u3400-\u9fff]+")


def lucene_candidates(needle: str) -> str:
    """Names that may contain a needle the phrase query cannot match (产3, 5gw, 州)), from the index.

    The CJK analyzer stores pairs of Chinese characters and each run of Latin letters and digits as
    one token (年产35万吨 → 年产, 35, 万吨). Each run of the needle must then be in a token: a phrase
    for two Chinese characters or more; for one character or a Latin run, the start, end or inside
    of a token, as the needle's other characters bound it (年产35 → ``*产 AND 35*``). The search
    checks the whole needle on these candidates. Only Chinese characters and [0-9a-z] go into the
    query text; a needle with neither gives "" (the search then reads every name).
    """
    clauses = []
    for m in _RUN.finditer(needle):
        run = m.group()
        if len(run) > 1 and not run.isascii():
            clauses.append(f'"{run}"')
            continue
        # A run's token starts where the needle has a Chinese character before it (for a Chinese
        # character: anything before it), and ends likewise; Latin punctuation may sit inside a token (1.5).
        starts = m.start() > 0 and (not run.isascii() or not needle[m.start() - 1].isascii())
        ends = m.end() < len(needle) and (not run.isascii() or not needle[m.end()].isascii())
        if not run.isascii() and not starts and not ends:
            clauses.append(f"({run}* OR *{run})")
        else:
            clauses.append(("" if starts else "*") + run + ("" if ends else "*"))
    return " AND ".join(clauses)


Record = dict[str, Any]


def office_query(q: str) -> dict[str, str | None] | None:
    """The title (and place) a query may name: 台儿庄 区长 → 区长 in a place starting 台儿庄.

    Titles are stored simplified (graph/writer.py), so 區長 finds them too. The last word is the
    title, as a reader writes 台儿庄区 区长; anything before it is the place.
    """
    words = [to_simplified(normalise_name(w)) for w in q.split()]
    words = [w for w in words if w]
    if not words or len(words[-1]) < 2:
        return None
    return {"title": words[-1], "place": "".join(words[:-1]) or None}


def shown_aliases(name: str, aliases: Iterable[str] | None) -> list[str]:
    """The aliases a reader would call other names: not the name again in other brackets or script.

    Nodes keep 宁川(云溪)… beside 宁川（云溪）…, and the simplified twin of a traditional name, for
    resolution and search to match; shown, they read as the same name twice.
    """
    seen = {to_simplified(normalise_name(name))}
    shown = []
    for alias in aliases or []:
        folded = to_simplified(normalise_name(alias))
        if folded not in seen:
            seen.add(folded)
            shown.append(alias)
    return shown


class GraphRepository:
    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", query_timeout_s: float | None = None) -> None:
        self.driver = driver
        self.database = database
        self.query_timeout_s = query_timeout_s

    # --- plumbing ---------------------------------------------------------------------------

    def _read(self, *named: tuple[str, dict[str, Any]]) -> list[list[Record]]:
        """Run named queries in one read transaction; one list of records per query."""
        if len(named) == 1:
            return [self._read_one(*named[0])]

        def work(tx: neo4j.ManagedTransaction) -> list[list[Record]]:
            # The read queries return maps, lists and scalars, never nodes: no Record.data() walk.
            return [[dict(r.items()) for r in tx.run(query(name), params)] for name, params in named]  # type: ignore[arg-type]

        with translate_driver_errors(), self.driver.session(database=self.database, **_READ) as session:
            return session.execute_read(neo4j.unit_of_work(timeout=self.query_timeout_s)(work))

    def _read_one(self, name: str, params: dict[str, Any]) -> list[Record]:
        """One query as an auto-commit transaction: one round trip (RUN and PULL sent together)
        where a managed transaction makes three (BEGIN, RUN and PULL, COMMIT), each costing the
        driver's Python and Neo4j a message. A read is safe to send again: a connection that broke
        (a restarted server) is retried once on a new one."""
        text = neo4j.Query(query(name), timeout=self.query_timeout_s)  # type: ignore[arg-type]
        with translate_driver_errors():
            for attempt in (1, 2):
                try:
                    with self.driver.session(database=self.database, **_READ) as session:
                        return [dict(r.items()) for r in session.run(text, params)]
                except (ServiceUnavailable, SessionExpired):
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def _articles(self, ids: Iterable[str | None]) -> dict[str, ArticleRef]:
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        (rows,) = self._read(("articles_by_ids", {"ids": wanted}))
        return {row["id"]: ArticleRef(**row) for row in rows}

    @staticmethod
    def _source(row: Record, articles: dict[str, ArticleRef]) -> SourceRef:
        return SourceRef(sentence=row.get("sentence"), article=articles.get(row.get("article_id") or ""))

    def _signings(self, ids: list[str]) -> list[SigningView]:
        if not ids:
            return []
        (rows,) = self._read(("signings_by_ids", {"ids": sorted(set(ids))}))
        articles = self._articles(r["article_id"] for r in rows)
        return [self._signing_view(row, articles) for row in rows]

    @classmethod
    def _signing_view(cls, row: Record, articles: dict[str, ArticleRef]) -> SigningView:
        return SigningView.model_validate(_signing_data(row, articles))

    def _node(self, id: str) -> tuple[list[str], Record] | None:
        (rows,) = self._read(("node_by_id", {"id": id}))
        if not rows:
            return None
        return rows[0]["labels"], rows[0]["props"]

    def _detail(self, id: str, label: str, limit: int, *names: str) -> tuple[Record, list[list[Record]]] | None:
        """The node's properties and the named queries' rows, in one transaction; None if no such node."""
        p = {"id": id, "limit": limit}
        node, *lists = self._read(("node_by_id", p), *[(name, p) for name in names])
        if not node or label not in node[0]["labels"]:
            return None
        return node[0]["props"], lists

    def _node_of(self, id: str, label: str) -> Record | None:
        found = self._node(id)
        if found is None or label not in found[0]:
            return None
        return found[1]

    # --- health and overview ------------------------------------------------------------------

    def ping(self) -> bool:
        """One try, no retries: a health check must answer quickly when Neo4j is down."""
        with translate_driver_errors(), self.driver.session(database=self.database, **_READ) as session:
            record = session.run(query("ping")).single()  # type: ignore[arg-type]
        return bool(record and record["ok"] == 1)

    def generation(self, known: str | None = None) -> str | None:
        """A token that moves whenever the graph may have changed: the bookmark of a read, which names
        the database and its last committed transaction, so any write moves it, whoever made it.
        None when the server gives no bookmark. Neo4j's own transaction counter (SHOW DATABASES
        lastCommittedTxn) is empty in the Community edition, and the marker a writer would set
        misses the writes made without this code (a restore, a statement typed by hand).

        When the token is not ``known``, returns only once the full-text indexes hold what was
        committed up to it: they are eventually consistent, and a search answered under the new
        token must find what that token's transactions wrote (api/cache.py keeps it till the next).
        """
        with translate_driver_errors(), self.driver.session(database=self.database, **_READ) as session:
            session.run(neo4j.Query(query("ping"), timeout=self.query_timeout_s)).consume()  # type: ignore[arg-type]
            found = ",".join(sorted(session.last_bookmarks().raw_values)) or None
            if found is not None and found != known:
                session.run(neo4j.Query(query("await_search_indexes"),  # type: ignore[arg-type]
                                        timeout=self.query_timeout_s)).consume()
        return found

    def counts(self) -> Counts:
        (rows,) = self._read(("counts", {}))
        return Counts(**rows[0])

    def node(self, id: str) -> GraphNode | None:
        found = self._node(id)
        return None if found is None else _graph_node({"id": id, "labels": found[0], "props": found[1]})

    # --- search --------------------------------------------------------------------------------

    def search(self, q: str, kinds: Iterable[SearchKind] | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Entities by name, and articles by what their text says.

        With no kind asked for, a query that names something lists exactly what it listed before
        articles were searched; articles answer a query that names nothing (a phrase from a body).
        Asked for together with other kinds, articles come after all the names.
        """
        needle = normalise_name(q).lower()
        if not needle:
            return []
        wanted = list(kinds) if kinds else None
        # One character is in nearly every article: names only.
        with_articles = (wanted is None or "article" in wanted) and len(needle) >= 2
        entity_kinds: list[SearchKind] | None = [k for k in wanted if k != "article"] if wanted else None
        if wanted and not entity_kinds:
            return self._search_articles(q, limit, offset) if with_articles else []
        hits = self._search_names(q, needle, entity_kinds, limit, offset)
        if not with_articles or len(hits) == limit:
            return hits
        # How many names precede the articles: this page's, unless the page lies past them all.
        names = offset + len(hits) if hits or offset == 0 else len(self._search_names(q, needle, entity_kinds, offset, 0))
        if wanted is None and names:
            return hits
        return hits + self._search_articles(q, limit - len(hits), max(0, offset - names))

    def _search_articles(self, q: str, limit: int, offset: int) -> list[SearchHit]:
        (rows,) = self._read(("search_articles", {"lucene": lucene_phrase(q), "limit": limit, "offset": offset}))
        return [SearchHit(id=r["id"], kind="article", name=r["title"] or r["id"],
                          description=" · ".join(x for x in (r["date"] or r["publication_date"], r["publication_name"]) if x),
                          snippet=snippet(r["text"] or "", q), score=r["score"])
                for r in rows]

    def _search_names(self, q: str, needle: str, kinds: list[SearchKind] | None, limit: int,
                      offset: int) -> list[SearchHit]:
        labels = [KIND_LABELS[k] for k in kinds] if kinds else None
        substring = len(needle) < 2 or any(ch.isascii() for ch in needle)
        candidates = lucene_candidates(needle) if substring else ""
        params = {"lucene": lucene_phrase(q), "needle": needle, "candidates": candidates,
                  "scan": substring and not candidates, "office": office_query(q),
                  "labels": labels, "limit": limit, "offset": offset, "window": max(100, (offset + limit) * 3)}
        (rows,) = self._read(("search", params))
        hits = []
        for row in rows:
            kind = kind_of(row["labels"])
            row["aliases"] = shown_aliases(row["name"], row["aliases"])
            place = row["jurisdiction"] if kind == "person" else row["place"]
            hits.append(SearchHit(id=row["id"], kind=kind, name=row["name"],  # type: ignore[arg-type]
                                  aliases=row["aliases"], description=_describe(kind, row), place=place,
                                  score=row["rank"]))
        return hits

    # --- details -------------------------------------------------------------------------------

    def person(self, id: str, limit: int = DETAIL_LIMIT) -> PersonDetail | None:
        # One query (cypher/read.cypher person_page): the node, its lists, the articles and signings
        # they cite and the totals come back in a single round trip.
        (rows,) = self._read(("person_page", {"id": id, "limit": limit}))
        if not rows:
            return None
        row = rows[0]
        props = row["props"]
        articles = {a["id"]: a for a in row["articles"]}
        # The page as plain data, checked by one model_validate: pydantic walks the nested lists in
        # its compiled core, where a model built per event and per source cost a Python call each
        # (a page of 100 events: several hundred).
        return PersonDetail.model_validate({
            "id": id,
            "name": props["name"],
            "person_kind": props.get("kind"),
            "aliases": shown_aliases(props["name"], props.get("aliases")),
            "sector": props.get("sector"),
            "jurisdiction": props.get("jurisdiction"),
            "first_seen": props.get("first_seen"),
            "last_seen": props.get("last_seen"),
            "positions": [
                {"title": r["title"],
                 "organization": {"id": r["org_id"], "kind": "organization", "name": r["org_name"]} if r["org_id"] else None,
                 "place": r["place"], "as_of": r["as_of"], "source": _source_data(r, articles)}
                for r in row["positions"]
            ],
            "events": [
                {"event": {"id": r["id"], "kind": "event", "name": r["name"]}, "type": r["type"], "date": r["date"],
                 "place": r["place"], "roles": r["roles"] or [], "source": _source_data(r, articles)}
                for r in row["events"]
            ],
            "signings": [_signing_data(r, articles) for r in row["signings"]],
            "articles": [articles[a] for a in row["mentions"] if a in articles],
            "bylines": [{"role": r["role"], "article": articles[r["article_id"]]}
                        for r in row["bylines"] if r["article_id"] in articles],
            "totals": row["totals"],
        })

    def article(self, id: str) -> ArticleDetail | None:
        """The article, where it came from, and every fact read from it with its sentence's span.

        One query (cypher/read.cypher article_page); the spans are found here, in the text that query
        returns, so no entity page has to carry article texts.
        """
        (rows,) = self._read(("article_page", {"id": id}))
        if not rows:
            return None
        row = rows[0]
        art, sources = row["article"], row["sources"]
        # The document the text came from; an older graph may not name it, then the oldest source.
        doc = row["document"] or (sources[0] if sources else {})
        # The PART_OF of the copy whose text is shown: its page in that file.
        shown_copy: dict[str, Any] = next((d for d in sources if d.get("id") == doc.get("id")), {})
        title, subtitle, text = art["title"] or "", art.get("subtitle"), art.get("text") or ""

        def source(sentence: str | None) -> dict[str, Any]:
            span = locate(sentence, title, subtitle, text)
            return {"sentence": sentence,
                    "span": {"field": span[0], "start": span[1], "end": span[2]} if span else None}

        titled = {t["id"]: t for t in row["titled"]}
        titles = {t["id"]: t["titles"] for t in row["titled"]}
        runs: dict[str, list[Record]] = {}
        for r in row["runs"]:
            runs.setdefault(r["project_id"], []).append(r)
        people, organizations, projects = [], [], []
        for m in sorted(row["mentioned"], key=lambda m: (_first_place(m["sentence"], text), m["name"] or "")):
            kind = kind_of(m["labels"])
            ref = {"id": m["id"], "kind": kind, "name": m["name"] or m["id"]}
            if kind == "person":
                people.append({"person": ref, "person_kind": m["kind"], "source": source(m["sentence"]), "titles": [
                    {"title": t["title"], "organization": t["org"], "place": t["place"], "source": source(t["sentence"])}
                    for t in titles.pop(m["id"], [])]})
            elif kind == "organization":
                organizations.append({"organization": ref, "org_kind": m["kind"], "source": source(m["sentence"])})
            elif kind == "project":
                projects.append({"project": ref, "source": source(m["sentence"]),
                                 "companies": [{"id": r["id"], "kind": "organization", "name": r["name"]}
                                               for r in runs.get(m["id"], [])]})
        # Titles of someone the article no longer mentions (a correction moved the mention): still its facts.
        for pid, held in titles.items():
            who = titled[pid]
            people.append({"person": {"id": pid, "kind": "person", "name": who["name"] or pid},
                           "person_kind": who["kind"], "source": source(None), "titles": [
                               {"title": t["title"], "organization": t["org"], "place": t["place"],
                                "source": source(t["sentence"])} for t in held]})
        return ArticleDetail.model_validate({
            "id": art["id"],
            "title": title,
            "subtitle": subtitle,
            "date": art.get("date"),
            "publication": {"name": doc.get("publication_name"), "date": doc.get("publication_date"),
                            "issue": doc.get("issue")},
            "page": art["index"] + 1 if art.get("index") is not None else None,
            **{k: shown_copy.get(k) for k in ("pdf_page", "page_label", "ocr_confidence")},
            "source": {"file": doc.get("source"), "url": doc.get("url"), "encoding": doc.get("encoding"),
                       "document_id": doc.get("id")},
            "sources": [
                {"file": d.get("source"), "url": d.get("url"), "encoding": d.get("encoding"), "document_id": d["id"],
                 "publication": {"name": d.get("publication_name"), "date": d.get("publication_date"),
                                 "issue": d.get("issue")},
                 "page": d["index"] + 1 if d.get("index") is not None else None, "title": d.get("title"),
                 "pdf_page": d.get("pdf_page"), "page_label": d.get("page_label"),
                 "ocr_confidence": d.get("ocr_confidence")}
                for d in sources
            ],
            "text": text,
            "people": people,
            "organizations": organizations,
            "projects": projects,
            "events": [
                {"event": {"id": e["id"], "kind": "event", "name": e["name"]}, "type": e["type"], "date": e["date"],
                 "place": e["place"], "source": source(e["sentence"]),
                 "attendees": [{"person": {"id": p["id"], "kind": "person", "name": p["name"]},
                                "roles": p["roles"] or [], "source": source(p["sentence"])} for p in e["attendees"]]}
                for e in row["events"]
            ],
            "signings": [
                {**_signing_data(s, {}), "source": source(s["sentence"])} for s in row["signings"]
            ],
            "bylines": [{"person": {"id": b["id"], "kind": "person", "name": b["name"]}, "role": b["role"]}
                        for b in row["bylines"]],
        })

    def event(self, id: str, limit: int = DETAIL_LIMIT) -> EventDetail | None:
        # One query (cypher/read.cypher event_page), checked by one model_validate, as person().
        params = {"id": id, "limit": limit}
        rows, signing_ids = self._read(("event_page", params), ("event_signing_ids", params))
        if not rows:
            return None
        row = rows[0]
        props = row["props"]
        articles = {a["id"]: a for a in row["articles"]}
        return EventDetail.model_validate({
            "id": id,
            "name": props["name"],
            "type": props.get("type"),
            "date": props.get("date"),
            "place": props.get("place"),
            "article": articles.get(props.get("article_id") or ""),
            "attendees": [
                {"person": {"id": r["id"], "kind": "person", "name": r["name"]}, "roles": r["roles"] or [],
                 "titles": r["titles"], "source": _source_data(r, articles)}
                for r in row["attendees"]
            ],
            "signings": self._signings([r["id"] for r in signing_ids]),
            "totals": row["totals"],
        })

    def organization(self, id: str, limit: int = DETAIL_LIMIT) -> OrganizationDetail | None:
        found = self._detail(id, "Organization", limit, "org_projects", "org_people", "org_signing_ids",
                             "mentioned_in", "organization_totals")
        if found is None:
            return None
        props, (projects, people, signing_ids, mentions, totals) = found
        articles = self._articles([r["article_id"] for r in projects + people + mentions])
        return OrganizationDetail(
            id=id,
            name=props["name"],
            org_kind=props.get("kind"),
            aliases=shown_aliases(props["name"], props.get("aliases")),
            projects=[
                ProjectLink(project=EntityRef(id=r["id"], kind="project", name=r["name"]), relation=r["relation"],
                            date=r["date"], source=self._source(r, articles))
                for r in projects
            ],
            people=[
                MemberView(person=EntityRef(id=r["id"], kind="person", name=r["name"]), title=r["title"],
                           as_of=r["as_of"], source=self._source(r, articles))
                for r in people
            ],
            signings=self._signings([r["id"] for r in signing_ids]),
            articles=[articles[r["article_id"]] for r in mentions if r["article_id"] in articles],
            totals=totals[0] if totals else {},
        )

    def project(self, id: str, limit: int = DETAIL_LIMIT) -> ProjectDetail | None:
        found = self._detail(id, "Project", limit, "project_companies", "project_signing_ids", "project_events",
                             "mentioned_in", "project_totals")
        if found is None:
            return None
        props, (companies, signing_ids, events, mentions, totals) = found
        articles = self._articles([r["article_id"] for r in companies + mentions])
        return ProjectDetail(
            id=id,
            name=props["name"],
            aliases=shown_aliases(props["name"], props.get("aliases")),
            place=props.get("place"),
            companies=[
                CompanyLink(organization=EntityRef(id=r["id"], kind="organization", name=r["name"]),
                            source=self._source(r, articles))
                for r in companies
            ],
            signings=self._signings([r["id"] for r in signing_ids]),
            events=[EntityRef(id=r["id"], kind="event", name=r["name"]) for r in events],
            articles=[articles[r["article_id"]] for r in mentions if r["article_id"] in articles],
            totals=totals[0] if totals else {},
        )

    # --- connections ---------------------------------------------------------------------------

    def paths(self, from_id: str, to_id: str, max_hops: int = 4, limit: int = 3) -> list[GraphPath]:
        """Shortest connections over the facts; [] when none within max_hops (or from == to)."""
        if from_id == to_id:
            return []
        hops = max(1, min(max_hops, MAX_PATH_HOPS))
        # Parallel edges (one fact read in two articles) give the same route twice: fetch more, keep
        # one path per sequence of nodes.
        (found,) = self._read(("shortest_paths", {"from_id": from_id, "to_id": to_id, "max_hops": hops,
                                                   "limit": limit * 10}))
        rows, seen = [], set()
        for row in found:
            route = tuple(n["id"] for n in row["nodes"])
            if len(row["rels"]) > hops:
                continue
            if route not in seen:
                seen.add(route)
                rows.append(row)
        rows = rows[:limit]
        articles = self._articles(r["props"].get("article_id") for row in rows for r in row["rels"])
        return [
            GraphPath(
                length=len(row["rels"]),
                nodes=[_graph_node(n) for n in row["nodes"]],
                steps=[_graph_edge(r, articles) for r in row["rels"]],
            )
            for row in rows
        ]

    def neighbourhood(self, id: str, depth: int = 1, limit: int = 100, from_date: str | None = None,
                      to_date: str | None = None, types: list[str] | None = None) -> GraphView | None:
        """Nodes within ``depth`` steps, breadth first, at most ``limit`` nodes; None if id is unknown.

        With dates or types, only edges of those types and dated within the range (undated pass).
        """
        filtered = from_date is not None or to_date is not None or types is not None
        center = self.node(id)
        if center is None:
            return None
        nodes: dict[str, GraphNode] = {id: center}
        edges: dict[tuple[str, str, str, str], Record] = {}
        frontier = [id]
        truncated = False
        for _ in range(depth):
            if not frontier:
                break
            if filtered:
                (rows,) = self._read(("neighbours_filtered", {"ids": frontier, "limit": limit * 4 + 1,
                                                              "from_date": from_date, "to_date": to_date,
                                                              "types": types}))
            else:
                (rows,) = self._read(("neighbours", {"ids": frontier, "limit": limit * 4 + 1}))
            if len(rows) > limit * 4:
                truncated = True
            next_frontier = []
            for row in rows:
                node_id = row["node"]["id"]
                if node_id not in nodes:
                    if len(nodes) >= limit:
                        truncated = True
                        continue
                    nodes[node_id] = _graph_node(row["node"])
                    next_frontier.append(node_id)
                rel = row["rel"]
                key = (rel["source"], rel["target"], rel["type"], str(rel["props"].get("article_id")))
                edges.setdefault(key, rel)
            frontier = next_frontier
        articles = self._articles(r["props"].get("article_id") for r in edges.values())
        return GraphView(
            center=id,
            nodes=list(nodes.values()),
            edges=[_graph_edge(r, articles) for r in edges.values()
                   if r["source"] in nodes and r["target"] in nodes],
            truncated=truncated,
        )

    # --- exploring connections -----------------------------------------------------------------

    def timeline(self, id: str, from_date: str | None = None, to_date: str | None = None,
                 place: str | None = None, kinds: list[str] | None = None, limit: int = 50,
                 offset: int = 0) -> Timeline | None:
        """Positions, events and signings of a person in date order, each with its source."""
        props = self._node_of(id, "Person")
        if props is None:
            return None
        params = {"id": id, "from_date": from_date, "to_date": to_date, "place": place or None,
                  "kinds": kinds or None, "limit": limit, "offset": offset}
        (rows,) = self._read(("person_timeline", params))
        # Nothing passed the filters: the query has no row to aggregate into.
        row: Record = rows[0] if rows else {"name": props["name"], "first_seen": props.get("first_seen"),
                                             "last_seen": props.get("last_seen"), "total": 0, "items": []}
        articles = self._articles(i["article_id"] for i in row["items"])
        return Timeline(
            person=EntityRef(id=id, kind="person", name=row["name"]),
            first_seen=row["first_seen"], last_seen=row["last_seen"], total=row["total"],
            items=[TimelineItem(date=i["date"], kind=i["kind"], label=i["label"] or "",
                                entity=EntityRef(**i["entity"]) if i["entity"] else None, roles=i["roles"] or [],
                                place=i["place"], source=self._source(i, articles))
                   for i in row["items"]],
        )

    def contacts(self, id: str, from_date: str | None = None, to_date: str | None = None,
                 place: str | None = None, kinds: list[str] | None = None, limit: int = 20,
                 offset: int = 0) -> Contacts | None:
        """People and companies met at the same events, most often met first."""
        params = {"id": id, "from_date": from_date, "to_date": to_date, "place": place or None,
                  "kinds": kinds or None, "limit": limit, "offset": offset}
        # One row while the person exists, even with no contacts; none for an unknown id.
        (rows,) = self._read(("person_contacts", params))
        if not rows:
            return None
        row = rows[0]
        return Contacts(
            person=EntityRef(id=id, kind="person", name=row["name"]),
            total=row["total"],
            contacts=[Contact(entity=EntityRef(id=c["id"], kind=c["kind"], name=c["name"]), titles=c["titles"],
                              count=c["count"], events=[EventBrief(**e) for e in c["events"]])
                      for c in row["contacts"]],
        )

    def officials(self, id: str, from_date: str | None = None, to_date: str | None = None,
                  place: str | None = None, limit: int = 20, offset: int = 0) -> Officials | None:
        """Officials who attended an organisation's events or signed with it, with dates."""
        props = self._node_of(id, "Organization")
        if props is None:
            return None
        params = {"id": id, "from_date": from_date, "to_date": to_date, "place": place or None,
                  "limit": limit, "offset": offset}
        (rows,) = self._read(("organization_officials", params))
        row: Record = rows[0] if rows else {"total": 0, "officials": []}
        articles = self._articles(link["article_id"] for o in row["officials"] for link in o["links"])
        views = []
        for o in row["officials"]:
            dates = sorted(d for d in (link["date"] for link in o["links"]) if d)
            views.append(OfficialView(
                person=EntityRef(id=o["id"], kind="person", name=o["name"]), titles=o["titles"], count=o["count"],
                first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                links=[OfficialLink(relation=link["relation"], date=link["date"],
                                    event=EntityRef(**link["event"]) if link["event"] else None,
                                    source=self._source(link, articles))
                       for link in o["links"]],
            ))
        return Officials(organization=EntityRef(id=id, kind="organization", name=props["name"]),
                         total=row["total"], officials=views)

    # --- offices (graph/offices.py) ------------------------------------------------------------

    def division(self, code: str) -> Division:
        """The division a code (6 or 12 digits) or a name stands for. Raises DivisionNotFound,
        DivisionAmbiguous (graph/places.py) or ValueError (digits of no code's length)."""
        return find_division(code)

    def career(self, id: str, sources: int = 10) -> Career | None:
        """A person's posts, each a title in a place, with first and last seen and its sources."""
        (rows,) = self._read(("person_career", {"id": id, "half": max(1, sources // 2)}))
        if not rows:
            return None
        posts, cited = offices.career(rows[0], max(1, sources // 2))
        return offices.career_view(EntityRef(id=id, kind="person", name=rows[0]["name"]), posts,
                                   self._articles(cited))

    def succession(self, title: str, division: Division, sources: int = 10) -> Succession:
        """Who was given one title in one division (and in each of its towns) over time, with gaps."""
        simple = to_simplified(normalise_name(title))
        half = max(1, sources // 2)
        (rows,) = self._read(("post_holders", {"title": simple, "code": division.code, "half": half}))
        posts = offices.holders(rows, half)
        cited = offices.article_ids(s for held in posts.values() for h in held for s in h["sources"])
        return offices.succession_view(simple, division, posts, self._articles(cited))

    def place_officials(self, division: Division, at: str | None = None, within_days: int = 365,
                        met: str | None = None, from_date: str | None = None, to_date: str | None = None,
                        limit: int = 50, offset: int = 0) -> PlaceOfficials | None:
        """Officials of a division and the divisions under it: everyone ever given a post there, or
        with ``at`` those holding one at that date (graph/offices.py says how), or with ``met`` those
        who met that organisation. None when ``met`` names no organisation."""
        prefix = code_prefix(division)
        meetings: dict[str, list[Record]] | None = None
        met_ref = None
        if met is not None:
            props = self._node_of(met, "Organization")
            if props is None:
                return None
            met_ref = EntityRef(id=met, kind="organization", name=props["name"])
            (found,) = self._read(("place_officials_met", {"org": met, "prefix": prefix, "from_date": from_date,
                                                           "to_date": to_date}))
            meetings = {r["id"]: r["meetings"] for r in found}
        rows: list[Record] = []
        if meetings is None or meetings:
            # At a date every holder of a post counts (a later one contradicts an earlier), not only
            # the people who met the company.
            ids = sorted(meetings) if meetings is not None and at is None else None
            params = {"prefix": prefix, "at": at, "since": offices.within(at, within_days) if at else None,
                      "ids": ids}
            (rows,) = self._read(("place_posts", params))
        if at is not None:
            rows = offices.holding_at(rows)
        if meetings is not None:
            rows = [r for r in rows if r["id"] in meetings]
        people = offices.by_person(rows, meetings)
        page = people[offset:offset + limit]
        mine = meetings or {}
        articles = self._articles(a for held in page for a in offices.cited(held, mine.get(held[0]["id"], [])))
        return PlaceOfficials(
            division=division, at=at, within_days=within_days if at else None, met=met_ref, total=len(people),
            officials=[offices.official(held, mine.get(held[0]["id"], []), articles, at) for held in page])

    def k_paths(self, from_id: str, to_id: str, k: int = 3, max_hops: int = 4, types: list[str] | None = None,
                from_date: str | None = None, to_date: str | None = None) -> list[GraphPath]:
        """Up to ``k`` shortest connections, shortest first, not only those of the least length.

        Routes through the same nodes count once (one fact read in two articles gives two edges),
        and a route never visits a node twice.
        """
        if from_id == to_id:
            return []
        params = {"from_id": from_id, "to_id": to_id, "max_hops": max(1, min(max_hops, MAX_PATH_HOPS)),
                  "types": types or None, "from_date": from_date, "to_date": to_date}
        (found,) = self._read(("k_shortest_paths", params))
        rows, seen = [], set()
        for row in sorted(found, key=lambda r: len(r["rels"])):
            route = tuple(n["id"] for n in row["nodes"])
            if route in seen or len(set(route)) < len(route):
                continue
            seen.add(route)
            rows.append(row)
            if len(rows) == k:
                break
        articles = self._articles(r["props"].get("article_id") for row in rows for r in row["rels"])
        return [
            GraphPath(length=len(row["rels"]), nodes=[_graph_node(n) for n in row["nodes"]],
                      steps=[_graph_edge(r, articles) for r in row["rels"]])
            for row in rows
        ]

    def whole_graph(self, labels: list[str] | None = None, limit: int = 5000, offset: int = 0) -> GraphView:
        """Entities (a page of them, by id) and the relationships among them, for exports."""
        (rows,) = self._read(("export_nodes", {"labels": labels, "limit": limit, "offset": offset}))
        nodes = [_graph_node(r) for r in rows]
        ids = [n.id for n in nodes]
        (rels,) = self._read(("export_edges", {"ids": ids})) if ids else ([],)
        articles = self._articles(r["rel"]["props"].get("article_id") for r in rels)
        return GraphView(center="", nodes=nodes, edges=[_graph_edge(r["rel"], articles) for r in rels],
                         truncated=len(nodes) == limit)

    # --- corrections (writes, through graph/corrections.py) ------------------------------------

    def merge_entities(self, into_id: str, from_id: str, by: str, reason: str, plan: str | None = None) -> Any:
        from graph.corrections import merge_entities

        return merge_entities(self.driver, self.database, into_id, from_id, by, reason, plan)

    def split_entity(self, id: str, article_ids: list[str], by: str, reason: str, name: str | None = None,
                     plan: str | None = None) -> Any:
        from graph.corrections import split_entity

        return split_entity(self.driver, self.database, id, article_ids, by, reason, name, plan)

    def preview_merge(self, into_id: str, from_id: str) -> Any:
        from graph.corrections import preview_merge

        return preview_merge(self.driver, self.database, into_id, from_id)

    def preview_split(self, id: str, article_ids: list[str], name: str | None = None) -> Any:
        from graph.corrections import preview_split

        return preview_split(self.driver, self.database, id, article_ids, name)

    def corrections(self, id: str | None = None, limit: int = 50, offset: int = 0) -> Any:
        from graph.corrections import list_corrections

        return list_corrections(self.driver, self.database, id, limit, offset)

    def correction(self, id: str) -> Any:
        from graph.corrections import get_correction

        return get_correction(self.driver, self.database, id)

    def undo_correction(self, id: str, by: str, reason: str | None = None) -> Any:
        from graph.corrections import undo_correction

        return undo_correction(self.driver, self.database, id, by, reason)

    def merged_into(self, id: str) -> str | None:
        """Where a merged-away id went, so that an old link finds the node that holds its facts."""
        from graph.corrections import merged_into

        return merged_into(self.driver, self.database, id)

    def nodes_view(self, ids: list[str]) -> GraphView:
        """Exactly these nodes and the relationships among them: an investigation's graph."""
        (rows,) = self._read(("nodes_by_ids", {"ids": ids})) if ids else ([],)
        nodes = [_graph_node(r) for r in rows]
        (rels,) = self._read(("export_edges", {"ids": [n.id for n in nodes]})) if nodes else ([],)
        articles = self._articles(r["rel"]["props"].get("article_id") for r in rels)
        return GraphView(center="", nodes=nodes, edges=[_graph_edge(r["rel"], articles) for r in rels])

    # --- investigations (graph/investigations.py) --------------------------------------------

    def _investigations(self) -> Any:
        from graph.investigations import Investigations

        return Investigations(self.driver, self.database)

    def investigations(self, owner: str) -> Any:
        return self._investigations().mine(owner)

    def investigation(self, owner: str, id: str) -> Any:
        return self._investigations().get(owner, id)

    def create_investigation(self, owner: str, draft: Any) -> Any:
        return self._investigations().create(owner, draft)

    def update_investigation(self, owner: str, id: str, draft: Any) -> Any:
        return self._investigations().update(owner, id, draft)

    def delete_investigation(self, owner: str, id: str) -> bool:
        return bool(self._investigations().delete(owner, id))

    def open_investigation(self, owner: str, text: str) -> Any:
        return self._investigations().open_file(owner, text)

    # --- watchlists (graph/watchlists.py) -----------------------------------------------------

    def _watchlists(self) -> Any:
        from graph.watchlists import Watchlists

        return Watchlists(self.driver, self.database)

    def watchlist(self, owner: str) -> Any:
        return self._watchlists().get(owner)

    def follow_entity(self, owner: str, id: str) -> Any:
        return self._watchlists().follow_entity(owner, id)

    def unfollow_entity(self, owner: str, id: str) -> Any:
        return self._watchlists().unfollow_entity(owner, id)

    def follow_place(self, owner: str, place: str) -> Any:
        return self._watchlists().follow_place(owner, place)

    def unfollow_place(self, owner: str, place: str) -> Any:
        return self._watchlists().unfollow_place(owner, place)

    def watch_changes(self, owner: str, since: str | None = None, limit: int = 100, offset: int = 0) -> Any:
        return self._watchlists().changes(owner, since, limit, offset)

    def mark_seen(self, owner: str, until: str | None = None) -> Any:
        return self._watchlists().mark_seen(owner, until)

    def export_corrections(self) -> list[dict[str, Any]]:
        from graph.corrections import export_corrections

        return export_corrections(self.driver, self.database)

    def import_corrections(self, records: list[dict[str, Any]]) -> int:
        from graph.corrections import import_corrections

        return import_corrections(self.driver, self.database, records)


def _first_place(sentence: str | None, text: str) -> int:
    """Where a fact's sentence first appears, to list an article's people in the order it names them."""
    found = text.find(sentence) if sentence else -1
    return found if found >= 0 else len(text)


def _source_data(row: Record, articles: dict[str, Any]) -> dict[str, Any]:
    """A SourceRef as data; ``articles`` holds ArticleRefs or their rows."""
    return {"sentence": row.get("sentence"), "article": articles.get(row.get("article_id") or "")}


def _signing_data(row: Record, articles: dict[str, Any]) -> dict[str, Any]:
    """A SigningView as data, from a row of signings_by_ids or person_page."""
    project = [p for p in row["project"] if p.get("id")]
    return {
        "id": row["id"],
        "date": row["date"],
        "project": {"kind": "project", **project[0]} if project else None,
        "project_name": row["project_name"],
        "parties": [{"kind": "organization", **p} for p in row["parties"] if p.get("id")],
        "signers": [{"kind": "person", **p} for p in row["signers"] if p.get("id")],
        "source": _source_data(row, articles),
    }


def _describe(kind: str, row: Record) -> str:
    if kind == "person":
        # Titles grouped by the place whose office they are: 台儿庄区 区委副书记、区长.
        places: dict[str, list[str]] = {}
        for t in row["titles"]:
            org = t.get("org")
            label = t["title"] if not org or org in t["title"] else f"{t['title']}（{org}）"
            labels = places.setdefault(t.get("place") or "", [])
            if label not in labels and sum(map(len, places.values())) < 3:
                labels.append(label)
        shown = "；".join(
            "、".join(labels) if not place or all(place in x for x in labels) else f"{place} {'、'.join(labels)}"
            for place, labels in places.items() if labels)
        # Two people of one name differ by place: say it even where no title does.
        where = row.get("jurisdiction")
        if where and where not in shown:
            return f"{where} · {shown}" if shown else where
        return shown
    if kind == "organization":
        parts = [row["node_kind"] or ""]
        if row["aliases"]:
            parts.append("又称 " + "、".join(row["aliases"][:3]))
        return " · ".join(p for p in parts if p)
    if kind == "project":
        return " · ".join(p for p in [row["place"] or "", "、".join(row["companies"])] if p)
    if kind == "event":
        return " · ".join(p for p in [row["date"] or "", row["type"] or "", row["place"] or ""] if p)
    return ""


def _graph_node(row: Record) -> GraphNode:
    props = {k: v for k, v in row["props"].items() if v is not None and k not in _HIDDEN_PROPS}
    name = props.get("name") or props.get("title") or row["id"]
    return GraphNode(id=row["id"], kind=kind_of(row["labels"]), name=str(name), properties=props)


def _graph_edge(rel: Record, articles: dict[str, ArticleRef]) -> GraphEdge:
    props = {k: v for k, v in rel["props"].items() if v is not None}
    return GraphEdge(
        source=rel["source"],
        target=rel["target"],
        type=rel["type"],
        properties={k: v for k, v in props.items() if k not in _HIDDEN_PROPS},
        sentence=props.get("sentence"),
        article=articles.get(props.get("article_id") or ""),
    )
