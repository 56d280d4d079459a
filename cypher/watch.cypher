// Watchlists (graph/watchlists.py): what an editor follows, and what articles loaded since they
// last looked say about it. Times are epoch milliseconds of the server's clock (timestamp()), the
// clock cypher/write.cypher stamps an article's loaded_at with.

// name: watchlist_get
MATCH (w:Watchlist {id: $id})
RETURN w {.*} AS watchlist

// A new watchlist has read everything loaded before it: only later loads are news to it.
// name: watchlist_add_entity
MERGE (w:Watchlist {id: $id})
ON CREATE SET w.owner = $owner, w.created_at = timestamp(), w.seen_at = timestamp(), w.entity_ids = [],
              w.place_codes = []
SET w.entity_ids = [x IN w.entity_ids WHERE x <> $entity_id] + $entity_id
RETURN w {.*} AS watchlist

// name: watchlist_remove_entities
MATCH (w:Watchlist {id: $id})
SET w.entity_ids = [x IN w.entity_ids WHERE NOT x IN $ids]
RETURN w {.*} AS watchlist

// name: watchlist_add_place
MERGE (w:Watchlist {id: $id})
ON CREATE SET w.owner = $owner, w.created_at = timestamp(), w.seen_at = timestamp(), w.entity_ids = [],
              w.place_codes = []
SET w.place_codes = [x IN w.place_codes WHERE x <> $code] + $code
RETURN w {.*} AS watchlist

// name: watchlist_remove_place
MATCH (w:Watchlist {id: $id})
SET w.place_codes = [x IN w.place_codes WHERE x <> $code]
RETURN w {.*} AS watchlist

// name: watchlist_seen
MERGE (w:Watchlist {id: $id})
ON CREATE SET w.owner = $owner, w.created_at = timestamp(), w.entity_ids = [], w.place_codes = []
SET w.seen_at = coalesce($until, timestamp())
RETURN w {.*} AS watchlist

// The articles first loaded after $since, newest first, through the article_loaded index; one more
// than asked says there were more.
// name: watch_new_articles
MATCH (a:Article)
WHERE a.loaded_at > $since
RETURN a.id AS id, a.loaded_at AS loaded_at
ORDER BY a.loaded_at DESC
LIMIT $limit

// What each new article says about what is followed: $ids (people, organisations, projects),
// $prefixes (the codes of followed divisions, for posts) and $names (their names, for the places
// events and projects are written with). Every fact is found from the article (its events and
// signings by their article_id index, posts and projects run by their relationships' index), never by
// walking a followed county head's thousands of edges. graph/watchlists.py says which followed
// thing each fact is news about.
// name: watch_facts
UNWIND $articles AS aid
MATCH (a:Article {id: aid})
CALL (a) {
  MATCH (e:Entity)-[m:MENTIONED_IN]->(a)
  WHERE e.id IN $ids
  RETURN {kind: 'mention', subject: {id: e.id, labels: labels(e), name: e.name}, sentence: m.sentence} AS fact
  UNION ALL
  MATCH (ev:Event {article_id: a.id})
  OPTIONAL MATCH (p:Person)-[r:ATTENDED]->(ev)
  WHERE p.id IN $ids
  WITH ev, p, r
  WHERE p IS NOT NULL OR any(n IN $names WHERE ev.place CONTAINS n)
  WITH ev, r, {id: ev.id, labels: labels(ev), name: ev.name} AS event,
       CASE WHEN p IS NULL THEN null ELSE {id: p.id, labels: labels(p), name: p.name} END AS person
  RETURN {kind: 'event', subject: coalesce(person, event), target: CASE WHEN person IS NULL THEN null ELSE event END,
          roles: coalesce(r.roles, []), date: coalesce(r.date, ev.date), place: ev.place,
          sentence: coalesce(r.sentence, ev.sentence)} AS fact
  UNION ALL
  MATCH (p:Person)-[h:HOLDS_POSITION]->(x) USING INDEX h:HOLDS_POSITION(article_id)
  WHERE h.article_id = a.id
    AND (p.id IN $ids OR x.id IN $ids OR any(pre IN $prefixes WHERE h.place_code STARTS WITH pre))
  RETURN {kind: 'post', subject: {id: p.id, labels: labels(p), name: p.name},
          target: CASE WHEN x:Organization THEN {id: x.id, labels: labels(x), name: x.name} END,
          title: h.title, date: h.as_of, place: h.place, place_code: h.place_code, sentence: h.sentence} AS fact
  UNION ALL
  MATCH (s:Signing {article_id: a.id})
  OPTIONAL MATCH (s)-[:FOR_PROJECT]->(pr:Project)
  CALL (s) {
    OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(s)
    RETURN collect({id: o.id, labels: labels(o), name: o.name}) AS parties
  }
  CALL (s) {
    OPTIONAL MATCH (p:Person)-[:SIGNATORY_OF]->(s)
    RETURN collect({id: p.id, labels: labels(p), name: p.name}) AS signers
  }
  WITH s, pr, parties, signers
  WHERE pr.id IN $ids OR any(x IN parties WHERE x.id IN $ids) OR any(x IN signers WHERE x.id IN $ids)
     OR any(n IN $names WHERE pr.place CONTAINS n)
  RETURN {kind: 'signing', target: CASE WHEN pr IS NULL THEN null ELSE {id: pr.id, labels: labels(pr), name: pr.name} END,
          title: s.project_name, parties: parties, signers: signers, date: s.date, place: pr.place,
          sentence: s.sentence} AS fact
  UNION ALL
  MATCH (o:Organization)-[r:RUNS]->(pr:Project) USING INDEX r:RUNS(article_id)
  WHERE r.article_id = a.id AND (o.id IN $ids OR pr.id IN $ids OR any(n IN $names WHERE pr.place CONTAINS n))
  RETURN {kind: 'project', subject: {id: o.id, labels: labels(o), name: o.name},
          target: {id: pr.id, labels: labels(pr), name: pr.name}, place: pr.place, sentence: r.sentence} AS fact
}
RETURN fact, a.id AS article_id, a.loaded_at AS loaded_at
