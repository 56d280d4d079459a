"""Offices over time, from the title edges cypher/offices.cypher groups: a person's career, the
holders of one post, and who held the posts of a place at a date.

A post is a title (simplified: 區長 is 区长) in one place: the division's code, and for a town's
post (which carries its county's code) the town's name too. A title given with no place is a post
of the organisation it was given with. ``副区长`` of two districts are two posts.

Who held a post at a date (``holding_at``) is read from sightings, the dates of the articles that
gave someone the title, as nothing says when a term begins or ends:

1. a holder's last sighting on or before the date must be no more than ``within_days`` before it;
2. a post one person holds at a time (a head: 区长, 区委书记, 镇长, 主任; not a deputy, a member of a
   standing committee or any title with 副, 委员, 成员, 助理) goes to whoever was seen in it last on
   or before the date: a later holder contradicts an earlier one;
3. a deputy post is dropped when the same person was later seen heading it (副区长, then 区长 of the
   same district), on or before the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from graph.views import (
    ArticleRef,
    Career,
    CareerPost,
    Division,
    EntityRef,
    Gap,
    Meeting,
    PlaceOfficial,
    PostHistory,
    PostInPlace,
    Sighting,
    SourceRef,
    Succession,
    Tenure,
)
from guanxi.simplified import to_simplified

Record = dict[str, Any]
Raw = list[Any]  # [date, sentence, article id], as cypher/offices.cypher collects a sighting
PostKey = tuple[str, str, str, str]  # (title, place code, town, organisation id)

# Held by several people at once: deputies, members, assistants ('人大常委会主任' heads a committee;
# '区委常委' is one of its members).
_SHARED = re.compile(r"副|委员|成员|助理|调研员|巡视员|常委(?!会)|代表|干部|秘书(?!长)|工作人员")
_DEPUTY = re.compile(r"^(?:常务副|副)")
_TOWN_ENDS = ("镇", "乡", "街道")


def shared_post(title: str) -> bool:
    """Whether several people hold the title at once (副区长, 区委常委), not one after another (区长)."""
    return bool(_SHARED.search(to_simplified(title)))


def town_of(place: str | None) -> str:
    """The town a post's place names ('马兰屯镇'), or '' for a division's own post."""
    simple = to_simplified(place or "")
    return simple if simple.endswith(_TOWN_ENDS) else ""


def post_key(title: str, place: str | None, place_code: str | None, org_id: str | None = None) -> PostKey:
    """One post: the title in a division (and town); with no place, the title in an organisation."""
    simple = to_simplified(title)
    if place_code:
        return simple, place_code, town_of(place), ""
    if place:
        return simple, "", to_simplified(place), ""
    return simple, "", "", org_id or ""


def within(at: str, days: int) -> str:
    """The earliest sighting that still counts for ``at``."""
    try:
        return (date.fromisoformat(at) - timedelta(days=days)).isoformat()
    except OverflowError:
        return date.min.isoformat()


def _days(start: str, end: str) -> int | None:
    try:
        return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    except ValueError:
        return None


def _order(raw: Raw) -> tuple[bool, str, str]:
    return raw[0] is None, raw[0] or "", raw[2] or ""


def head_and_tail(raws: Iterable[Raw], half: int) -> list[Raw]:
    """Sightings in date order, each article once; past 2 * half, the earliest and the latest half."""
    seen: dict[tuple[Any, ...], Raw] = {}
    for raw in sorted(raws, key=_order):
        seen.setdefault((raw[0], raw[2]), raw)
    ordered = list(seen.values())
    return ordered if len(ordered) <= 2 * half else ordered[:half] + ordered[-half:]


def article_ids(raws: Iterable[Raw]) -> set[str]:
    return {raw[2] for raw in raws if raw and raw[2]}


def sighting(raw: Raw | None, articles: dict[str, ArticleRef]) -> Sighting:
    if not raw:
        return Sighting()
    return Sighting(date=raw[0], sentence=raw[1], article=articles.get(raw[2] or ""))


def _span(first: str | None, last: str | None, other_first: str | None,
          other_last: str | None) -> tuple[str | None, str | None]:
    firsts = [d for d in (first, other_first) if d]
    lasts = [d for d in (last, other_last) if d]
    return (min(firsts) if firsts else None), (max(lasts) if lasts else None)


def _by_time(first: str | None, last: str | None, name: str) -> tuple[bool, str, str, str]:
    return first is None, first or "", last or "", name


# --- a person's career ----------------------------------------------------------------------------


def career(row: Record, half: int) -> tuple[list[Record], set[str]]:
    """The career's posts as merged groups, and the articles their sources cite."""
    merged: dict[PostKey, Record] = {}
    for group in row["groups"]:
        org = group["org"]
        key = post_key(group["title"], group["place"], group["place_code"], org["id"] if org else None)
        post = merged.get(key)
        if post is None:
            merged[key] = post = {"title": key[0], "place": group["place"], "place_code": group["place_code"],
                                  "orgs": {}, "first_seen": None, "last_seen": None, "count": 0, "sources": [],
                                  "most": 0}
        if group["count"] > post["most"] and group["place"]:
            post["place"], post["most"] = group["place"], group["count"]
        if org:
            post["orgs"][org["id"]] = org["name"]
        post["first_seen"], post["last_seen"] = _span(post["first_seen"], post["last_seen"],
                                                      group["first_seen"], group["last_seen"])
        post["count"] += group["count"]
        post["sources"] = head_and_tail(post["sources"] + group["sources"], half)
    posts = sorted(merged.values(), key=lambda p: _by_time(p["first_seen"], p["last_seen"], p["title"]))
    return posts, article_ids(s for p in posts for s in p["sources"])


def career_view(person: EntityRef, posts: list[Record], articles: dict[str, ArticleRef]) -> Career:
    views = [
        CareerPost(title=p["title"], place=p["place"], place_code=p["place_code"],
                   organizations=[EntityRef(id=i, kind="organization", name=n) for i, n in p["orgs"].items()],
                   first_seen=p["first_seen"], last_seen=p["last_seen"], seen=p["count"],
                   sources=[sighting(s, articles) for s in p["sources"]])
        for p in posts
    ]
    firsts = [p.first_seen for p in views if p.first_seen]
    lasts = [p.last_seen for p in views if p.last_seen]
    return Career(person=person, first_seen=min(firsts) if firsts else None,
                  last_seen=max(lasts) if lasts else None, posts=views)


# --- the holders of one post ---------------------------------------------------------------------


def holders(rows: list[Record], half: int) -> dict[str, list[Record]]:
    """Town ('' for the division's own post) → holders, one per person, ordered by first seen."""
    posts: dict[str, dict[str, Record]] = {}
    for row in rows:
        people = posts.setdefault(town_of(row["place"]), {})
        held = people.get(row["id"])
        if held is None:
            people[row["id"]] = {**row, "sources": head_and_tail(row["sources"], half)}
            continue
        held["first_seen"], held["last_seen"] = _span(held["first_seen"], held["last_seen"],
                                                      row["first_seen"], row["last_seen"])
        held["count"] += row["count"]
        held["sources"] = head_and_tail(held["sources"] + row["sources"], half)
    return {town: sorted(people.values(), key=lambda h: _by_time(h["first_seen"], h["last_seen"], h["name"]))
            for town, people in sorted(posts.items())}


def gaps(tenures: list[Tenure]) -> list[Gap]:
    """Stretches between two dates when no holder was seen: the next holder's first sighting after
    the latest last sighting of every holder before."""
    found: list[Gap] = []
    end: str | None = None
    last: EntityRef | None = None
    for tenure in tenures:
        if tenure.first_seen is None or tenure.last_seen is None:
            continue
        if end is not None and last is not None and tenure.first_seen > end:
            found.append(Gap(from_date=end, to_date=tenure.first_seen, days=_days(end, tenure.first_seen) or 0,
                             last_holder=last, next_holder=tenure.person))
        if end is None or tenure.last_seen > end:
            end, last = tenure.last_seen, tenure.person
    return found


def succession_view(title: str, division: Division, posts: dict[str, list[Record]],
                    articles: dict[str, ArticleRef]) -> Succession:
    histories = []
    for town, held in posts.items():
        tenures = [Tenure(person=EntityRef(id=h["id"], kind="person", name=h["name"]), first_seen=h["first_seen"],
                          last_seen=h["last_seen"], seen=h["count"],
                          sources=[sighting(s, articles) for s in h["sources"]])
                   for h in held]
        histories.append(PostHistory(title=title, place=town or division.name, place_code=division.code,
                                     holders=tenures, gaps=gaps(tenures)))
    return Succession(title=title, division=division, posts=histories)


# --- a place's officials ---------------------------------------------------------------------------


def _post_order(row: Record) -> tuple[str, str, bool, str]:
    return row["place_code"], town_of(row["place"]), shared_post(row["title"]), to_simplified(row["title"])


def _when(row: Record) -> str:
    return (row["sighting"] or [None])[0] or ""


def holding_at(rows: list[Record]) -> list[Record]:
    """The rows of place_posts (all seen on or before the date, recently enough) that still held
    their post at the date, by the module's rules 2 and 3."""
    posts: dict[PostKey, dict[str, Record]] = {}
    for row in rows:
        people = posts.setdefault(post_key(row["title"], row["place"], row["place_code"]), {})
        # One person's post written two ways (臺兒莊區, 台儿庄区): the later sighting speaks.
        if row["id"] not in people or _when(row) > _when(people[row["id"]]):
            people[row["id"]] = row
    kept: list[Record] = []
    for key, people in posts.items():
        held = list(people.values())
        if not shared_post(key[0]):
            latest = max(_when(r) for r in held)
            held = [r for r in held if _when(r) == latest]
        kept.extend(held)
    heads = {(r["id"], post_key(r["title"], r["place"], r["place_code"])): r for r in kept}

    def promoted(row: Record) -> bool:
        title, code, town, org = post_key(row["title"], row["place"], row["place_code"])
        head = heads.get((row["id"], (_DEPUTY.sub("", title), code, town, org)))
        return head is not None and head is not row and (head["first_seen"] or "") > _when(row)

    return [r for r in kept if not promoted(r)]


def by_person(rows: list[Record], meetings: dict[str, list[Record]] | None) -> list[list[Record]]:
    """The rows of each person, their posts in the place's order (heads before deputies); people in
    the order of their first post, or with meetings, most meetings first."""
    people: dict[str, list[Record]] = {}
    for row in sorted(rows, key=_post_order):
        people.setdefault(row["id"], []).append(row)
    if meetings is not None:
        return sorted(people.values(), key=lambda held: (-len(meetings.get(held[0]["id"], [])), held[0]["name"],
                                                         held[0]["id"]))
    return sorted(people.values(), key=lambda held: (_post_order(held[0]), held[0]["name"], held[0]["id"]))


def cited(held: list[Record], meetings: list[Record]) -> set[str]:
    return article_ids(r["sighting"] for r in held) | {m["article_id"] for m in meetings if m["article_id"]}


def official(held: list[Record], meetings: list[Record], articles: dict[str, ArticleRef],
             at: str | None) -> PlaceOfficial:
    posts = [PostInPlace(title=to_simplified(r["title"]), place=r["place"], place_code=r["place_code"],
                         first_seen=r["first_seen"], last_seen=r["last_seen"],
                         seen_on=(_when(r) or None) if at else None, next_seen=r["next_seen"] if at else None,
                         source=sighting(r["sighting"], articles))
             for r in held]
    met = [Meeting(relation=m["relation"], date=m["date"], event=EntityRef(**m["event"]) if m["event"] else None,
                   titles=m["titles"], source=SourceRef(sentence=m["sentence"],
                                                        article=articles.get(m["article_id"] or "")))
           for m in meetings]
    return PlaceOfficial(person=EntityRef(id=held[0]["id"], kind="person", name=held[0]["name"]), posts=posts,
                         meetings=met)
