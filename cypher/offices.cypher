// Offices over time (graph/offices.py, api/routes/offices.py). A post is a title in a place: every
// article that gives a person a title is one HOLDS_POSITION edge carrying the title (simplified),
// the place as written, its division code (place_code), the article's date (as_of) and the sentence.
// These queries group the edges into posts and sightings; which sightings count for a date, and the
// gaps between holders, are decided in graph/offices.py.
// A sighting is [date, sentence, article id]; a group keeps all of them only up to 2 * $half, else
// the $half earliest and the $half latest (a county head's thousands of edges stay on the server).

// One row while the person exists, with one group per (title, place, code, organisation).
// name: person_career
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[h:HOLDS_POSITION]->(x)
  WITH h, x ORDER BY h.as_of, h.article_id
  WITH h.title AS title, h.place AS place, h.place_code AS place_code,
       CASE WHEN x:Organization THEN x {.id, .name} END AS org,
       collect([h.as_of, h.sentence, h.article_id]) AS seen
  WHERE title IS NOT NULL
  WITH title, place, place_code, org, seen, [s IN seen WHERE s[0] IS NOT NULL | s[0]] AS dates
  RETURN collect({title: title, place: place, place_code: place_code, org: org, count: size(seen),
                  first_seen: dates[0], last_seen: dates[-1],
                  sources: CASE WHEN size(seen) <= 2 * $half THEN seen ELSE seen[..$half] + seen[-$half..] END}) AS groups
}
RETURN p.name AS name, p.first_seen AS first_seen, p.last_seen AS last_seen, groups

// Everyone given one title in one division (and its towns, which share the county's code), one
// group per (person, place as written). The title index finds the edges.
// name: post_holders
MATCH (p:Person)-[h:HOLDS_POSITION]->()
WHERE h.title = $title AND h.place_code = $code
WITH p, h ORDER BY h.as_of, h.article_id
WITH p, h.place AS place, collect([h.as_of, h.sentence, h.article_id]) AS seen
WITH p, place, seen, [s IN seen WHERE s[0] IS NOT NULL | s[0]] AS dates
RETURN p.id AS id, p.name AS name, place, size(seen) AS count, dates[0] AS first_seen, dates[-1] AS last_seen,
       CASE WHEN size(seen) <= 2 * $half THEN seen ELSE seen[..$half] + seen[-$half..] END AS sources
ORDER BY first_seen, name, id

// The posts held in a division and every division under it (their codes start with $prefix), one
// group per (person, title, code, place). With $at: only groups seen on or before it and not before
// $since, each with its last sighting up to $at and its first one after; without: every group, with
// its first sighting. $ids (or null for all) keeps the people asked about.
// name: place_posts
MATCH (p:Person)-[h:HOLDS_POSITION]->()
WHERE h.place_code STARTS WITH $prefix AND ($ids IS NULL OR p.id IN $ids)
WITH p, h ORDER BY h.as_of, h.article_id
WITH p, h.title AS title, h.place_code AS place_code, h.place AS place,
     collect([h.as_of, h.sentence, h.article_id]) AS seen
WITH p, title, place_code, place, seen, [s IN seen WHERE s[0] IS NOT NULL] AS dated
WITH p, title, place_code, place, seen, dated,
     [s IN dated WHERE $at IS NULL OR s[0] <= $at] AS before,
     [s IN dated WHERE $at IS NOT NULL AND s[0] > $at] AS after
WHERE $at IS NULL OR (size(before) > 0 AND before[-1][0] >= $since)
RETURN p.id AS id, p.name AS name, title, place_code, place,
       CASE WHEN size(dated) > 0 THEN dated[0][0] END AS first_seen,
       CASE WHEN size(dated) > 0 THEN dated[-1][0] END AS last_seen,
       CASE WHEN $at IS NULL THEN coalesce(dated[0], seen[0]) ELSE before[-1] END AS sighting,
       CASE WHEN size(after) > 0 THEN after[0][0] END AS next_seen

// Officials of the division (or one under it) who met a company: signed a signing it was party to,
// attended an event with its people, or an event reported with a signing it was party to (as
// organization_officials, cypher/explore.cypher). A meeting counts for the division where they held
// office at the time: the divisions of the titles the meeting's own article gave them (found through
// the title edges' article index), or where it gave none with a place, that of the latest title seen
// on or before the meeting. An official who moved away and met the company later is not the old
// county's.
// name: place_officials_met
MATCH (o:Organization {id: $org})
CALL (o) {
  MATCH (o)-[:PARTY_TO]->(s:Signing)<-[r:SIGNATORY_OF]-(q:Person)
  RETURN q, 'signed' AS relation, coalesce(s.date, r.date) AS date, null AS event, r.sentence AS sentence,
         r.article_id AS article_id
  UNION
  MATCH (o)<-[:HOLDS_POSITION]-(m:Person)-[:ATTENDED]->(e:Event)<-[r:ATTENDED]-(q:Person)
  WHERE q <> m
  RETURN q, 'attended' AS relation, e.date AS date, {id: e.id, kind: 'event', name: e.name} AS event,
         r.sentence AS sentence, r.article_id AS article_id
  UNION
  MATCH (o)-[:PARTY_TO]->(s:Signing)
  MATCH (e:Event {article_id: s.article_id})<-[r:ATTENDED]-(q:Person)
  RETURN q, 'attended' AS relation, e.date AS date, {id: e.id, kind: 'event', name: e.name} AS event,
         r.sentence AS sentence, r.article_id AS article_id
}
WITH o, q, relation, date, event, sentence, article_id
WHERE NOT (q)-[:HOLDS_POSITION]->(o)
  AND ($from_date IS NULL OR date >= $from_date)
  AND ($to_date IS NULL OR date <= $to_date)
CALL (q, article_id) {
  OPTIONAL MATCH (x:Person)-[h:HOLDS_POSITION]->()
  WHERE h.article_id = article_id AND x = q
  RETURN collect(DISTINCT h.title) AS titles, collect(DISTINCT h.place_code) AS codes
}
CALL (q, date, codes) {
  OPTIONAL MATCH (q)-[h:HOLDS_POSITION]->()
  WHERE size(codes) = 0 AND h.place_code IS NOT NULL AND h.as_of <= date
  WITH h ORDER BY h.as_of DESC LIMIT 1
  RETURN collect(h.place_code) AS before
}
WITH q, relation, date, event, sentence, article_id, titles, CASE WHEN size(codes) > 0 THEN codes ELSE before END AS held
WHERE any(code IN held WHERE code STARTS WITH $prefix)
WITH q, relation, date, event, sentence, article_id, titles ORDER BY date, relation
RETURN q.id AS id, q.name AS name,
       collect(DISTINCT {relation: relation, date: date, event: event, sentence: sentence, article_id: article_id,
                         titles: titles}) AS meetings
