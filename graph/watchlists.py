"""Watchlists: an editor follows people, companies (any organisation), projects and places, and asks
after each load what is new about them.

One watchlist per editor (the owner of an API key, api/security.py), a ``Watchlist`` node holding
the ids and division codes followed and when its owner last read what is new. "New" is what
articles first loaded since then say (``Article.loaded_at``, cypher/write.cypher): an event a
followed person attended, a post given (to them, in a followed organisation, or in a followed
place), a signing with a followed party, signer or project, a project a followed company runs, an
event or project placed in a followed division, and, where an article says nothing more of a
followed entity, that it names them. Each with its sentence and article.

Times are the Neo4j server's clock in epoch milliseconds, the one clock that stamps both a load and
a reading, so no load falls between two machines' clocks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, Literal

import neo4j
from pydantic import BaseModel, Field

from graph.cypher import query
from graph.errors import translate_driver_errors
from graph.places import code_prefix, find_division
from graph.refs import entity_refs
from graph.views import LABEL_KINDS, ArticleRef, DivisionRef, EntityRef, SourceRef

ChangeKind = Literal["event", "post", "signing", "project", "mention"]
FOLLOWED_KINDS = frozenset({"person", "organization", "project"})
# Past this many new articles a reading stops and says so: a `since` from years ago asks for an
# archive, not for news.
MAX_ARTICLES = 2000
# Level words a division's name ends with; without them the name still names it in a place as
# written (台儿庄区 → 台儿庄 in 台儿庄经济开发区).
_LEVEL_ENDS = ("自治县", "自治州", "区", "县", "市", "省", "盟", "旗")


class WatchlistError(ValueError):
    """The follow cannot be made as asked (the API answers 409)."""


class NotFollowable(WatchlistError):
    pass


class Watchlist(BaseModel):
    owner: str = Field(description="Whose it is: the owner of the key it was asked for with")
    entities: list[EntityRef] = Field(default_factory=list, description="People, organisations and projects "
                                      "followed; one merged into another is followed in the node that holds it")
    places: list[DivisionRef] = Field(default_factory=list, description="Divisions followed, with all under them")
    seen_at: str | None = Field(default=None, description="When its owner last marked what is new as read")


class WatchChange(BaseModel):
    """One fact that an article loaded since says about something followed."""

    kind: ChangeKind
    watched: list[str] = Field(description="The followed ids and division codes it is news about")
    subject: EntityRef | None = Field(default=None, description="Who or what it is about: the person who "
                                      "attended or was given a post, the event held, the company that runs")
    target: EntityRef | None = Field(default=None, description="The event attended, the body of a post, the "
                                     "project signed or run")
    title: str | None = Field(default=None, description="A post's title; a signing's project as written")
    roles: list[str] = Field(default_factory=list)
    parties: list[EntityRef] = Field(default_factory=list, description="A signing's parties")
    signers: list[EntityRef] = Field(default_factory=list, description="A signing's signers")
    place: str | None = None
    date: str | None = Field(default=None, description="The fact's date, else its article's")
    loaded_at: str = Field(description="When its article was first loaded (UTC)")
    source: SourceRef


class WatchChanges(BaseModel):
    since: str = Field(description="Changes loaded after this time (UTC)")
    until: str = Field(description="…and up to this one: send it to POST /watch/seen to mark exactly these read")
    total: int
    truncated: bool = Field(description=f"More than {MAX_ARTICLES} articles were loaded in the time asked: "
                                        "the newest were read")
    changes: list[WatchChange]


def watchlist_id(owner: str) -> str:
    return "wl-" + hashlib.sha1(owner.encode()).hexdigest()[:16]


def to_millis(value: str) -> int:
    """An ISO date (midnight UTC) or date and time (UTC unless it says) as epoch milliseconds."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = datetime.combine(date.fromisoformat(value), datetime.min.time())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def from_millis(millis: int | None) -> str | None:
    if millis is None:
        return None
    return datetime.fromtimestamp(millis / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _short_name(name: str) -> str:
    for end in _LEVEL_ENDS:
        if name.endswith(end) and len(name) - len(end) >= 2:
            return name[: -len(end)]
    return name


class Watchlists:
    """Reads and writes of watchlists, through the driver the repository holds."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    def _run(self, name: str, write: bool = False, **params: Any) -> list[dict[str, Any]]:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [dict(r.items()) for r in tx.run(query(name), params)]  # type: ignore[arg-type]

        # No notifications: a graph's first watchlist asks about properties no node has yet.
        with translate_driver_errors(), self.driver.session(
                database=self.database, default_access_mode=mode, notifications_min_severity="OFF") as session:
            return session.execute_write(work) if write else session.execute_read(work)

    # --- the list ---------------------------------------------------------------------------

    def _stored(self, owner: str) -> dict[str, Any]:
        rows = self._run("watchlist_get", id=watchlist_id(owner))
        return rows[0]["watchlist"] if rows else {}

    def _entities(self, ids: list[str]) -> list[EntityRef]:
        """The nodes followed, each merged-away id as the node that holds its facts now."""
        refs: dict[str, EntityRef] = {}
        for ref in entity_refs(self.driver, self.database, ids).values():
            if ref.kind in FOLLOWED_KINDS:
                refs.setdefault(ref.id, ref)
        return list(refs.values())

    @staticmethod
    def _places(codes: Iterable[str]) -> list[DivisionRef]:
        places = []
        for code in codes:
            try:
                division = find_division(code[:6])
            except (LookupError, ValueError):
                continue  # a code the table no longer has
            places.append(DivisionRef(code=division.code, name=division.name, level=division.level))
        return places

    def _view(self, owner: str, stored: dict[str, Any]) -> Watchlist:
        return Watchlist(owner=owner, entities=self._entities(stored.get("entity_ids") or []),
                         places=self._places(stored.get("place_codes") or []),
                         seen_at=from_millis(stored.get("seen_at")))

    def get(self, owner: str) -> Watchlist:
        return self._view(owner, self._stored(owner))

    def follow_entity(self, owner: str, entity_id: str) -> Watchlist | None:
        """None when no node has that id; NotFollowable for an event, an article and the like."""
        ref = entity_refs(self.driver, self.database, [entity_id]).get(entity_id)
        if ref is None:
            return None
        if ref.kind not in FOLLOWED_KINDS:
            raise NotFollowable(f"a {ref.kind} is not followed: follow people, organizations, projects or places")
        done = self._run("watchlist_add_entity", write=True, id=watchlist_id(owner), owner=owner, entity_id=ref.id)
        return self._view(owner, done[0]["watchlist"])

    def unfollow_entity(self, owner: str, entity_id: str) -> Watchlist:
        # The id as followed, and the node it was merged into if that is how it is listed now.
        ids = [entity_id, *[e.id for e in self._entities([entity_id])]]
        done = self._run("watchlist_remove_entities", write=True, id=watchlist_id(owner), ids=ids)
        return self._view(owner, done[0]["watchlist"] if done else {})

    def follow_place(self, owner: str, place: str) -> Watchlist:
        """``place``: a code or a name (graph/places.py find_division, whose errors it raises)."""
        division = find_division(place)
        done = self._run("watchlist_add_place", write=True, id=watchlist_id(owner), owner=owner, code=division.code)
        return self._view(owner, done[0]["watchlist"])

    def unfollow_place(self, owner: str, place: str) -> Watchlist:
        division = find_division(place)
        done = self._run("watchlist_remove_place", write=True, id=watchlist_id(owner), code=division.code)
        return self._view(owner, done[0]["watchlist"] if done else {})

    def mark_seen(self, owner: str, until: str | None = None) -> Watchlist:
        """What was loaded up to ``until`` (default: now) is read; later loads stay new."""
        done = self._run("watchlist_seen", write=True, id=watchlist_id(owner), owner=owner,
                         until=to_millis(until) if until else None)
        return self._view(owner, done[0]["watchlist"])

    # --- what is new --------------------------------------------------------------------------

    def changes(self, owner: str, since: str | None = None, limit: int = 100, offset: int = 0) -> WatchChanges:
        """What articles loaded after ``since`` (default: when the owner last marked news read, or
        began following) say about what is followed, newest load first."""
        stored = self._stored(owner)
        entities = self._entities(stored.get("entity_ids") or [])
        places = self._places(stored.get("place_codes") or [])
        start = to_millis(since) if since else int(stored.get("seen_at") or 0)
        ids = [e.id for e in entities]
        prefixes = {p.code: code_prefix(p) for p in places}
        names = {p.code: _short_name(p.name) for p in places}

        Rows = list[dict[str, Any]]

        def work(tx: neo4j.ManagedTransaction) -> tuple[Rows, Rows, Rows]:
            def run(name: str, **params: Any) -> Rows:
                return [dict(r.items()) for r in tx.run(query(name), params)]  # type: ignore[arg-type]

            if not ids and not places:
                return [], [], []
            fresh = run("watch_new_articles", since=start, limit=MAX_ARTICLES + 1)
            found = run("watch_facts", articles=[a["id"] for a in fresh[:MAX_ARTICLES]], ids=ids,
                        prefixes=sorted(set(prefixes.values())), names=sorted(set(names.values())))
            facts = [{**r["fact"], "article_id": r["article_id"], "loaded_at": r["loaded_at"]} for r in found]
            cited = sorted({f["article_id"] for f in facts})
            return fresh, facts, run("articles_by_ids", ids=cited) if cited else []

        with translate_driver_errors(), self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF") as session:
            fresh, facts, cited = session.execute_read(work)
        articles = {a["id"]: ArticleRef(**a) for a in cited}
        changes = _changes(facts, set(ids), prefixes, names, articles)
        # Read up to the newest article seen, not up to "now": with one writer, an article whose load
        # was under way while this was read is stamped later than every article read, so marking these
        # read never skips it.
        until = max((a["loaded_at"] for a in fresh[:MAX_ARTICLES]), default=start)
        return WatchChanges(since=from_millis(start) or "", until=from_millis(until) or "", total=len(changes),
                            truncated=len(fresh) > MAX_ARTICLES, changes=changes[offset:offset + limit])

def _ref(node: dict[str, Any] | None) -> EntityRef | None:
    if not node or not node.get("id"):
        return None
    kind = next((LABEL_KINDS[label] for label in node["labels"] if label in LABEL_KINDS), None)
    return EntityRef(id=node["id"], kind=kind, name=node["name"] or node["id"]) if kind else None


def _changes(facts: list[dict[str, Any]], ids: set[str], prefixes: dict[str, str], names: dict[str, str],
             articles: dict[str, ArticleRef]) -> list[WatchChange]:
    """Each fact with what it is news about; a mere mention only where its article says nothing more
    of that entity."""
    told: set[tuple[str, str]] = set()  # (followed id, article) that a fact already reports
    out: list[tuple[int, WatchChange]] = []
    mentions = []
    for fact in facts:
        if fact["kind"] == "mention":
            mentions.append(fact)
            continue
        refs = [_ref(fact.get(key)) for key in ("subject", "target")]
        parties = [r for r in map(_ref, fact.get("parties") or []) if r]
        signers = [r for r in map(_ref, fact.get("signers") or []) if r]
        named = {r.id for r in (*refs, *parties, *signers) if r}
        watched = sorted(named & ids)
        code = fact.get("place_code") or ""
        place = fact.get("place") or ""
        if fact["kind"] == "post":  # a post's place is its code; events and projects say theirs in words
            watched += [c for c, prefix in prefixes.items() if code and code.startswith(prefix)]
        else:
            watched += [c for c, name in names.items() if place and name in place]
        if not watched:
            continue
        told.update((w, fact["article_id"]) for w in watched)
        out.append((fact["loaded_at"], _change(fact, watched, refs[0], refs[1], parties, signers, articles)))
    for fact in mentions:
        subject = _ref(fact["subject"])
        if subject and (subject.id, fact["article_id"]) not in told:
            out.append((fact["loaded_at"], _change(fact, [subject.id], subject, None, [], [], articles)))
    out.sort(key=lambda pair: (-pair[0], pair[1].date or "", pair[1].kind))
    return [change for _, change in out]


def _change(fact: dict[str, Any], watched: list[str], subject: EntityRef | None, target: EntityRef | None,
            parties: list[EntityRef], signers: list[EntityRef], articles: dict[str, ArticleRef]) -> WatchChange:
    article = articles.get(fact["article_id"])
    return WatchChange(kind=fact["kind"], watched=watched, subject=subject, target=target, title=fact.get("title"),
                       roles=fact.get("roles") or [], parties=parties, signers=signers, place=fact.get("place"),
                       date=fact.get("date") or (article.date if article else None),
                       loaded_at=from_millis(fact["loaded_at"]) or "",
                       source=SourceRef(sentence=fact.get("sentence"), article=article))
