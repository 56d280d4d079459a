// Reads for exploring connections (graph/repository.py, api/routes/explore.py). Lists come back as
// {total, items} so the API can page them: filters first, then SKIP/LIMIT over the whole list.
// Dates are ISO strings; a null bound means no bound. `place` matches any part of the place, the
// organisation or event name, or the publication.

// name: person_timeline
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[h:HOLDS_POSITION]->(x)
  RETURN 'position' AS kind, 0 AS rank, h.as_of AS date, h.title AS label,
         CASE WHEN x:Organization THEN {id: x.id, kind: 'organization', name: x.name} END AS entity,
         [] AS roles, null AS place, h.sentence AS sentence, h.article_id AS article_id
  UNION ALL
  MATCH (p)-[r:ATTENDED]->(e:Event)
  RETURN 'event' AS kind, 1 AS rank, coalesce(e.date, r.date) AS date, e.name AS label,
         {id: e.id, kind: 'event', name: e.name} AS entity, coalesce(r.roles, []) AS roles, e.place AS place,
         r.sentence AS sentence, r.article_id AS article_id
  UNION ALL
  MATCH (p)-[r:SIGNATORY_OF]->(s:Signing)
  OPTIONAL MATCH (s)-[:FOR_PROJECT]->(pr:Project)
  RETURN 'signing' AS kind, 2 AS rank, coalesce(s.date, r.date) AS date, s.name AS label,
         CASE WHEN pr IS NULL THEN null ELSE {id: pr.id, kind: 'project', name: pr.name} END AS entity,
         ['signed'] AS roles, pr.place AS place, r.sentence AS sentence, r.article_id AS article_id
}
WITH p, kind, rank, date, label, entity, roles, place, sentence, article_id
WHERE ($from_date IS NULL OR date >= $from_date)
  AND ($to_date IS NULL OR date <= $to_date)
  AND ($kinds IS NULL OR kind IN $kinds)
  // A story several papers carried is one article: any of its papers may name the place, and the
  // fact is still one row.
  AND ($place IS NULL OR coalesce(place, '') + '|' + coalesce(entity.name, '') CONTAINS $place
       OR EXISTS { MATCH (:Article {id: article_id})-[:PART_OF]->(d:Document) WHERE d.publication_name CONTAINS $place })
WITH p, kind, rank, date, label, entity, roles, place, sentence, article_id
ORDER BY date IS NULL, date, rank, label
WITH p, collect({kind: kind, date: date, label: label, entity: entity, roles: roles, place: place,
                 sentence: sentence, article_id: article_id}) AS items
RETURN p.name AS name, p.first_seen AS first_seen, p.last_seen AS last_seen, size(items) AS total,
       items[$offset..$offset + $limit] AS items

// People at the same events, and the companies present there: the companies of attendees who
// hold a post in one (as the article said), and the parties to a signing reported with the event.
// One row while the person exists, none for an unknown id.
//
// The busiest officials attend thousands of events with colleagues who hold thousands of title
// edges each. Reading every co-attendee's title edges once per shared event, to find the companies,
// took 33 s and 294 million db hits for the busiest person; reading each once, 96 k; the article's
// own title edges through their index (held_article), 8 k.
// name: person_contacts
MATCH (p:Person {id: $id})
CALL (p) {
  // The person's own organisations, by distinct target first: no label read per title edge.
  CALL (p) {
    OPTIONAL MATCH (p)-[:HOLDS_POSITION]->(x)
    WITH DISTINCT x WHERE x:Organization
    RETURN collect(x) AS own
  }
  CALL (p) {
    MATCH (p)-[:ATTENDED]->(e:Event)
    WHERE ($from_date IS NULL OR e.date >= $from_date)
      AND ($to_date IS NULL OR e.date <= $to_date)
      // The publication is looked up only when a place is asked for (the EXISTS runs only then).
      AND ($place IS NULL OR EXISTS {
        OPTIONAL MATCH (:Article {id: e.article_id})-[:PART_OF]->(d:Document)
        WITH d WHERE coalesce(e.place, '') + '|' + e.name + '|' + coalesce(d.publication_name, '') CONTAINS $place
        RETURN 1 AS hit
      })
    RETURN collect(DISTINCT e) AS events
  }
  CALL (p, own, events) {
    UNWIND events AS e
    MATCH (q:Person)-[:ATTENDED]->(e)
    WHERE q <> p
    RETURN q AS other, 'person' AS kind, collect(DISTINCT e) AS at
    UNION ALL
    // A company is met at an event when one of its people attended and the event's article gave
    // them their post there: the article's few title edges, found through their index, instead of
    // every title edge of every co-attendee (a county head's co-attendees hold thousands each).
    UNWIND events AS e
    MATCH (q:Person)-[h:HOLDS_POSITION]->(o:Organization)
    WHERE h.article_id = e.article_id AND q <> p AND (o.kind = 'company' OR o.name ENDS WITH '公司')
      AND NOT o IN own AND (q)-[:ATTENDED]->(e)
    RETURN o AS other, 'organization' AS kind, collect(DISTINCT e) AS at
    UNION ALL
    UNWIND events AS e
    MATCH (o:Organization)-[:PARTY_TO]->(:Signing {article_id: e.article_id})
    WHERE (o.kind = 'company' OR o.name ENDS WITH '公司') AND NOT o IN own
    RETURN o AS other, 'organization' AS kind, collect(DISTINCT e) AS at
  }
  WITH other, kind, at
  WHERE $kinds IS NULL OR kind IN $kinds
  UNWIND at AS e
  WITH other, kind, collect(DISTINCT e) AS met
  ORDER BY size(met) DESC, kind DESC, other.name, other.id
  RETURN collect({other: other, kind: kind, met: met}) AS found
}
WITH p, size(found) AS total, found[$offset..$offset + $limit] AS page
// Event details only for the page shown. A person's titles are those the articles of the newest
// meetings gave them (up to four, newest first), found through the title edges' article index; any
// four of their titles only when those articles gave none: a busy official holds thousands of edges.
CALL (page) {
  UNWIND page AS f
  WITH f, f.other AS other
  CALL (f) {
    UNWIND f.met AS e
    WITH e, e.date AS date, e.id AS id ORDER BY date, id
    RETURN collect({id: id, name: e.name, date: date, type: e.type, article_id: e.article_id}) AS events
  }
  CALL (other, f, events) {
    WITH other WHERE f.kind = 'person'
    UNWIND reverse(events)[..8] AS e
    MATCH (q:Person)-[h:HOLDS_POSITION]->()
    WHERE h.article_id = e.article_id AND q = other
    WITH DISTINCT h.title AS title LIMIT 4
    RETURN collect(title) AS seen
  }
  CALL (other, f, seen) {
    WITH other WHERE f.kind = 'person' AND size(seen) = 0
    MATCH (other)-[h:HOLDS_POSITION]->()
    WITH DISTINCT h.title AS title LIMIT 4
    RETURN collect(title) AS anywhere
  }
  RETURN collect({id: other.id, kind: f.kind, name: other.name, count: size(events),
                  events: [e IN events | e {.id, .name, .date, .type}], titles: seen + anywhere}) AS contacts
}
RETURN p.name AS name, total, contacts

// Officials linked to an organisation: who signed a signing it was party to, who attended an event
// with its people, or an event reported with a signing it was party to.
// name: organization_officials
MATCH (o:Organization {id: $id})
CALL (o) {
  MATCH (o)-[:PARTY_TO]->(s:Signing)<-[r:SIGNATORY_OF]-(q:Person)
  RETURN q, 'signed' AS relation, coalesce(s.date, r.date) AS date, null AS event, r.sentence AS sentence,
         r.article_id AS article_id, null AS place
  UNION
  MATCH (o)<-[:HOLDS_POSITION]-(m:Person)-[:ATTENDED]->(e:Event)<-[r:ATTENDED]-(q:Person)
  WHERE q <> m
  RETURN q, 'attended' AS relation, e.date AS date, {id: e.id, kind: 'event', name: e.name} AS event,
         r.sentence AS sentence, r.article_id AS article_id, e.place AS place
  UNION
  MATCH (o)-[:PARTY_TO]->(s:Signing)
  MATCH (e:Event {article_id: s.article_id})<-[r:ATTENDED]-(q:Person)
  RETURN q, 'attended' AS relation, e.date AS date, {id: e.id, kind: 'event', name: e.name} AS event,
         r.sentence AS sentence, r.article_id AS article_id, e.place AS place
}
WITH o, q, relation, date, event, sentence, article_id, place
WHERE coalesce(q.sector, q.kind) = 'official'
  AND NOT (q)-[:HOLDS_POSITION]->(o)
  AND ($from_date IS NULL OR date >= $from_date)
  AND ($to_date IS NULL OR date <= $to_date)
  AND ($place IS NULL OR coalesce(place, '') + '|' + coalesce(event.name, '') CONTAINS $place
       OR EXISTS { MATCH (:Article {id: article_id})-[:PART_OF]->(d:Document) WHERE d.publication_name CONTAINS $place })
WITH o, q, relation, date, event, sentence, article_id ORDER BY date, relation
WITH o, q, collect(DISTINCT {relation: relation, date: date, event: event, sentence: sentence, article_id: article_id}) AS links
WITH o, q, links, [(q)-[h:HOLDS_POSITION]->() | h.title] AS titles
ORDER BY size(links) DESC, q.name, q.id
WITH o, collect({id: q.id, name: q.name, count: size(links), links: links,
                 titles: reduce(acc = [], t IN titles | CASE WHEN t IN acc THEN acc ELSE acc + t END)[..4]}) AS found
RETURN o.name AS name, size(found) AS total, found[$offset..$offset + $limit] AS officials

// Up to 50 shortest connections of any length up to 6, over the facts only, through the given
// relationship types and, for dated facts, within the date range (undated ones such as RUNS pass).
// The caller keeps k distinct routes.
// name: k_shortest_paths
MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
MATCH p = SHORTEST 50 (a)(()-[r:ATTENDED|HOLDS_POSITION|SIGNED|RUNS|PARTY_TO|SIGNATORY_OF|FOR_PROJECT]-()
    WHERE ($types IS NULL OR type(r) IN $types)
      AND ($from_date IS NULL OR coalesce(r.date, r.as_of) IS NULL OR coalesce(r.date, r.as_of) >= $from_date)
      AND ($to_date IS NULL OR coalesce(r.date, r.as_of) IS NULL OR coalesce(r.date, r.as_of) <= $to_date)
  ){1,6}(b)
WITH p WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: n {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null}}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS rels

// Neighbours with the edges filtered by date (undated edges pass) and by type.
// name: neighbours_filtered
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($from_date IS NULL OR coalesce(r.date, r.as_of) IS NULL OR coalesce(r.date, r.as_of) >= $from_date)
  AND ($to_date IS NULL OR coalesce(r.date, r.as_of) IS NULL OR coalesce(r.date, r.as_of) <= $to_date)
RETURN n.id AS from_id, {id: m.id, labels: labels(m), props: m {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null}} AS node,
       {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)} AS rel
LIMIT $limit

// The whole graph for an export, a page at a time: entities, then the relationships among them.
// name: export_nodes
MATCH (n:Entity)
WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null} AS props
ORDER BY n.id
SKIP $offset LIMIT $limit

// The nodes an investigation keeps, for its file (graph/investigations.py).
// name: nodes_by_ids
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
RETURN n.id AS id, labels(n) AS labels, n {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null} AS props

// name: export_edges
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})-[r]->(m:Entity)
WHERE m.id IN $ids
RETURN {type: type(r), source: n.id, target: m.id, props: properties(r)} AS rel
