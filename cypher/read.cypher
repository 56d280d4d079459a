// Reads for graph/repository.py. Ids arrive as parameters; nodes are found through the Entity id
// index or a label's own.

// name: ping
RETURN 1 AS ok

// Returns once the eventually consistent full-text indexes hold every committed transaction.
// name: await_search_indexes
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()

// name: counts
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Article) RETURN count(n) AS articles }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Organization) RETURN count(n) AS organizations }
CALL () { MATCH (n:Project) RETURN count(n) AS projects }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Signing) RETURN count(n) AS signings }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN documents, articles, people, organizations, projects, events, signings, relationships

// Full-text (CJK bigrams, two or more characters) and substring matches on the normalised names,
// merged; an exact name or alias ranks first, then a prefix, then the full-text score. Substrings the
// phrase cannot match ("产3" in 年产35万吨, "gw" in 5GWh, "州)"): the names the index gives for the
// needle's longest run ($candidates, graph/repository.py lucene_candidates), checked for the whole
// needle. Only a needle with no letter, digit or Chinese character ($scan) reads every person,
// organisation and project: the text indexes that served such scans cost each load's commits more
// than these rare queries gain (schema.cypher).
// A title, or a place and a title (区长, 台儿庄 区长), also finds the people who hold it: $office, the
// simplified title found through the held_title index, and the place it must start (or be the start of).
// name: search
CALL () {
  WITH $lucene AS lq
  WITH lq WHERE lq <> ''
  CALL db.index.fulltext.queryNodes('name_search', lq, {limit: $window}) YIELD node, score
  RETURN node, score
  UNION
  WITH $candidates AS lq
  WITH lq WHERE lq <> ''
  CALL db.index.fulltext.queryNodes('name_search', lq, {limit: 100000}) YIELD node
  WITH node WHERE node.search_key CONTAINS $needle
  RETURN node, 0.5 AS score
  UNION
  WITH $scan AS wanted WHERE wanted
  MATCH (node:Person) WHERE node.search_key CONTAINS $needle RETURN node, 0.5 AS score
  UNION
  WITH $scan AS wanted WHERE wanted
  MATCH (node:Organization) WHERE node.search_key CONTAINS $needle RETURN node, 0.5 AS score
  UNION
  WITH $scan AS wanted WHERE wanted
  MATCH (node:Project) WHERE node.search_key CONTAINS $needle RETURN node, 0.5 AS score
  UNION
  WITH $office AS office WHERE office IS NOT NULL
  MATCH (node:Person)-[h:HOLDS_POSITION {title: office.title}]->(x)
  WHERE office.place IS NULL
     OR any(at IN [h.place, node.jurisdiction, CASE WHEN x:Organization THEN x.name END]
            WHERE at <> '' AND (at STARTS WITH office.place OR office.place STARTS WITH at))
  WITH DISTINCT node LIMIT $window
  RETURN node, 1.0 AS score
}
WITH node, max(score) AS score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score
  + CASE WHEN $needle IN node.search_names THEN 10.0 ELSE 0.0 END
  + CASE WHEN node.search_key CONTAINS ('|' + $needle) THEN 2.0 ELSE 0.0 END AS rank
ORDER BY rank DESC, size(node.name), node.name, node.id
SKIP $offset LIMIT $limit
// The four newest titles: a top-4 on the date alone, then the organisations of those four only (a
// county head found by a search holds thousands of title edges).
CALL (node) {
  OPTIONAL MATCH (node)-[h:HOLDS_POSITION]->()
  WITH h ORDER BY h.as_of DESC LIMIT 4
  WITH h, endNode(h) AS x
  RETURN collect(CASE WHEN h IS NULL THEN null ELSE {title: h.title, org: CASE WHEN x:Organization THEN x.name END,
                                                    place: h.place, as_of: h.as_of} END) AS titles
}
CALL (node) {
  OPTIONAL MATCH (o:Organization)-[:RUNS]->(node)
  RETURN collect(DISTINCT o.name)[..3] AS companies
}
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases,
       node.kind AS node_kind, node.type AS type, node.date AS date, node.place AS place,
       node.jurisdiction AS jurisdiction, titles, companies, rank

// Articles whose title or text says the phrase ($lucene, as for names: CJK bigrams in order), best
// first; the text comes back for the snippet (graph/spans.py).
// A story several documents hold is one article (guanxi/fingerprint.py); lists show it once, with
// the document its text was written from (document_id). Its page lists them all (article_page).
// name: search_articles
CALL db.index.fulltext.queryNodes('article_text', $lucene, {limit: $offset + $limit}) YIELD node, score
WITH node AS a, score
ORDER BY score DESC, a.date DESC, a.id
SKIP $offset LIMIT $limit
OPTIONAL MATCH (d:Document {id: a.document_id})
RETURN a.id AS id, a.title AS title, a.date AS date, a.text AS text, d.publication_name AS publication_name,
       d.publication_date AS publication_date, score

// How many rows each list of an entity's page holds in all; the page shows the newest $limit.
// name: organization_totals
MATCH (n:Organization {id: $id})
RETURN COUNT { (n)-[:SIGNED|RUNS]->(:Project) } AS projects, COUNT { (:Person)-[:HOLDS_POSITION]->(n) } AS people,
       COUNT { (n)-[:PARTY_TO]->() } AS signings, COUNT { (n)-[:MENTIONED_IN]->() } AS articles

// name: project_totals
MATCH (n:Project {id: $id})
RETURN COUNT { (:Organization)-[:RUNS]->(n) } AS companies, COUNT { (:Signing)-[:FOR_PROJECT]->(n) } AS signings,
       COUNT { MATCH (n)-[:MENTIONED_IN]->(:Article)<-[:REPORTED_IN]-(e:Event) RETURN DISTINCT e } AS events,
       COUNT { (n)-[:MENTIONED_IN]->() } AS articles

// name: node_by_id
MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null} AS props

// Each id with its node's name and labels; null labels where no node has the id (merged away):
// graph/refs.py, for the ids a watchlist or an investigation keeps.
// name: entity_refs
UNWIND $ids AS eid
OPTIONAL MATCH (e:Entity {id: eid})
RETURN eid AS id, e.name AS name, labels(e) AS labels

// name: articles_by_ids
UNWIND $ids AS aid
MATCH (a:Article {id: aid})
OPTIONAL MATCH (d:Document {id: a.document_id})
OPTIONAL MATCH (a)-[p:PART_OF]->(d)
RETURN a.id AS id, a.title AS title, a.date AS date, d.publication_name AS publication_name,
       d.publication_date AS publication_date, d.issue AS issue, d.source AS source, d.url AS url,
       p.pdf_page AS pdf_page, p.page_label AS page_label

// A person's page in one query: the node, the newest $limit of each list, the articles and signings
// they cite, and the totals from the degree store. One round trip: sent as separate queries, the
// round trips cost more than a small person's whole page.
//
// The busiest officials hold thousands of title edges and events. Sorting them all by every key
// read three properties per edge; here the lists are sorted on the date alone (one read per edge),
// and only the edges dated on or after the $limit-th date (ties included) are read further and
// sorted on the full key, which gives the same rows in the same order. Nulls sort first in DESC;
// each date is collected inside a list because collect() drops nulls and the lists must stay aligned.
// name: person_page
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[h:HOLDS_POSITION]->()
  WITH h, h.as_of AS as_of ORDER BY as_of DESC
  WITH collect(h) AS held, collect([as_of]) AS dates
  WITH held, dates, dates[$limit - 1][0] AS cutoff
  UNWIND CASE WHEN size(dates) <= $limit THEN held
              ELSE held[..size([d IN dates WHERE d[0] IS NULL OR d[0] >= cutoff])] END AS h
  WITH h ORDER BY h.as_of DESC, h.article_id, h.title LIMIT $limit
  WITH h, endNode(h) AS x
  RETURN collect({title: h.title, place: h.place, as_of: h.as_of, sentence: h.sentence, article_id: h.article_id,
                  org_id: CASE WHEN x:Organization THEN x.id END,
                  org_name: CASE WHEN x:Organization THEN x.name END}) AS positions
}
CALL (p) {
  MATCH (p)-[r:ATTENDED]->(e:Event)
  WITH r, e.date AS date ORDER BY date DESC
  WITH collect(r) AS attended, collect([date]) AS dates
  WITH attended, dates, dates[$limit - 1][0] AS cutoff
  UNWIND CASE WHEN size(dates) <= $limit THEN attended
              ELSE attended[..size([d IN dates WHERE d[0] IS NULL OR d[0] >= cutoff])] END AS r
  WITH r, endNode(r) AS e
  WITH r, e ORDER BY e.date DESC, e.id LIMIT $limit
  RETURN collect({id: e.id, name: e.name, type: e.type, date: e.date, place: e.place, roles: r.roles,
                  sentence: r.sentence, article_id: r.article_id}) AS events
}
CALL (p) {
  MATCH (p)-[w:WROTE]->(a:Article)
  WITH w, a ORDER BY a.date DESC, a.id LIMIT $limit
  RETURN collect({role: w.role, article_id: a.id}) AS bylines
}
CALL (p) {
  MATCH (p)-[:MENTIONED_IN]->(a:Article)
  WITH a, a.date AS date ORDER BY date DESC
  WITH collect(a) AS mentioned, collect([date]) AS dates
  WITH mentioned, dates, dates[$limit - 1][0] AS cutoff
  UNWIND CASE WHEN size(dates) <= $limit THEN mentioned
              ELSE mentioned[..size([d IN dates WHERE d[0] IS NULL OR d[0] >= cutoff])] END AS a
  WITH a ORDER BY a.date DESC, a.id LIMIT $limit
  RETURN collect(a.id) AS mentions
}
CALL (p) {
  MATCH (p)-[:SIGNATORY_OF]->(s:Signing)
  WITH DISTINCT s ORDER BY s.date DESC, s.id LIMIT $limit
  CALL (s) { OPTIONAL MATCH (s)-[:FOR_PROJECT]->(pr:Project) RETURN collect({id: pr.id, name: pr.name})[..1] AS project }
  CALL (s) { OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(s) RETURN collect({id: o.id, name: o.name}) AS parties }
  CALL (s) { OPTIONAL MATCH (q:Person)-[:SIGNATORY_OF]->(s) RETURN collect({id: q.id, name: q.name}) AS signers }
  RETURN collect({id: s.id, date: s.date, project_name: s.project_name, sentence: s.sentence,
                  article_id: s.article_id, project: project, parties: parties, signers: signers}) AS signings
}
CALL (positions, events, bylines, mentions, signings) {
  UNWIND [r IN positions + events + bylines + signings | r.article_id] + mentions AS aid
  WITH DISTINCT aid WHERE aid IS NOT NULL
  MATCH (a:Article {id: aid})
  OPTIONAL MATCH (d:Document {id: a.document_id})
  OPTIONAL MATCH (a)-[part:PART_OF]->(d)
  RETURN collect({id: a.id, title: a.title, date: a.date, publication_name: d.publication_name,
                  publication_date: d.publication_date, issue: d.issue, source: d.source,
                  pdf_page: part.pdf_page, page_label: part.page_label}) AS articles
}
RETURN p {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null} AS props,
       positions, events, bylines, mentions, signings, articles,
       {positions: COUNT { (p)-[:HOLDS_POSITION]->() }, events: COUNT { (p)-[:ATTENDED]->() },
        signings: COUNT { (p)-[:SIGNATORY_OF]->() }, articles: COUNT { (p)-[:MENTIONED_IN]->() },
        bylines: COUNT { (p)-[:WROTE]->() }} AS totals

// name: mentioned_in
MATCH (n:Entity {id: $id})-[:MENTIONED_IN]->(a:Article)
RETURN a.id AS article_id
ORDER BY a.date DESC, a.id
LIMIT $limit

// name: signings_by_ids
UNWIND $ids AS sid
MATCH (s:Signing {id: sid})
CALL (s) { OPTIONAL MATCH (s)-[:FOR_PROJECT]->(pr:Project) RETURN collect({id: pr.id, name: pr.name})[..1] AS project }
CALL (s) { OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(s) RETURN collect({id: o.id, name: o.name}) AS parties }
CALL (s) { OPTIONAL MATCH (p:Person)-[:SIGNATORY_OF]->(s) RETURN collect({id: p.id, name: p.name}) AS signers }
RETURN s.id AS id, s.date AS date, s.project_name AS project_name, s.sentence AS sentence,
       s.article_id AS article_id, project, parties, signers
ORDER BY s.date DESC, s.id

// An event's page in one query, as person_page: the node, its first $limit attendees (presiding
// first) with their titles from the event's own article, the articles these cite, and the total.
// It took two transactions (node, attendees and total; then the articles): seven messages to Neo4j
// where this is one, and under load each message costs the API's driver and Neo4j CPU.
// name: event_page
MATCH (e:Event {id: $id})
CALL (e) {
  MATCH (p:Person)-[r:ATTENDED]->(e)
  CALL (p, e) {
    OPTIONAL MATCH (p)-[h:HOLDS_POSITION {article_id: e.article_id}]->()
    RETURN collect(DISTINCT h.title) AS titles
  }
  WITH p, r, titles ORDER BY CASE WHEN 'presided' IN r.roles THEN 0 ELSE 1 END, p.name LIMIT $limit
  RETURN collect({id: p.id, name: p.name, roles: r.roles, sentence: r.sentence, article_id: r.article_id,
                  titles: titles}) AS attendees
}
CALL (e, attendees) {
  UNWIND [e.article_id] + [r IN attendees | r.article_id] AS aid
  WITH DISTINCT aid WHERE aid IS NOT NULL
  MATCH (a:Article {id: aid})
  OPTIONAL MATCH (d:Document {id: a.document_id})
  OPTIONAL MATCH (a)-[part:PART_OF]->(d)
  RETURN collect({id: a.id, title: a.title, date: a.date, publication_name: d.publication_name,
                  publication_date: d.publication_date, issue: d.issue, source: d.source,
                  pdf_page: part.pdf_page, page_label: part.page_label}) AS articles
}
RETURN e {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null} AS props,
       attendees, articles, {attendees: COUNT { (:Person)-[:ATTENDED]->(e) }} AS totals

// The signings a ceremony's article reports: what was signed, by which parties, who put their
// names to it. Only a signing event has them; a meeting in the same article did not sign.
// name: event_signing_ids
MATCH (e:Event {id: $id})
WHERE e.type = 'signing' OR e.name CONTAINS '签约'
MATCH (s:Signing {article_id: e.article_id})
RETURN s.id AS id
ORDER BY s.date DESC, s.id
LIMIT $limit

// name: org_projects
MATCH (o:Organization {id: $id})-[r:SIGNED|RUNS]->(p:Project)
RETURN p.id AS id, p.name AS name, toLower(type(r)) AS relation, r.date AS date, r.sentence AS sentence,
       r.article_id AS article_id
ORDER BY p.name, relation
LIMIT $limit

// name: org_people
MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Organization {id: $id})
RETURN p.id AS id, p.name AS name, h.title AS title, h.as_of AS as_of, h.sentence AS sentence,
       h.article_id AS article_id
ORDER BY h.as_of DESC, p.name
LIMIT $limit

// name: org_signing_ids
MATCH (o:Organization {id: $id})-[:PARTY_TO]->(s:Signing)
RETURN s.id AS id
ORDER BY s.date DESC, s.id
LIMIT $limit

// name: project_companies
MATCH (o:Organization)-[r:RUNS]->(p:Project {id: $id})
RETURN o.id AS id, o.name AS name, r.sentence AS sentence, r.article_id AS article_id
ORDER BY o.name
LIMIT $limit

// name: project_signing_ids
MATCH (s:Signing)-[:FOR_PROJECT]->(p:Project {id: $id})
RETURN s.id AS id
ORDER BY s.date DESC, s.id
LIMIT $limit

// Events reported in the articles that mention the project.
// name: project_events
MATCH (p:Project {id: $id})-[:MENTIONED_IN]->(a:Article)<-[:REPORTED_IN]-(e:Event)
RETURN DISTINCT e.id AS id, e.name AS name, e.date AS date
ORDER BY e.date DESC, e.id
LIMIT $limit

// Shortest connections over the facts only: co-mention in an article or a shared page would link
// nearly everyone in two hops and say nothing. The bound is the API's highest max_hops; the
// caller's smaller bound is the WHERE.
// name: shortest_paths
MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
// No WHERE on the path: a path predicate makes Neo4j fall back from the breadth-first search to an
// exhaustive one, which times out on far-apart pairs. The caller drops paths longer than max_hops.
MATCH p = allShortestPaths((a)-[:ATTENDED|HOLDS_POSITION|SIGNED|RUNS|PARTY_TO|SIGNATORY_OF|FOR_PROJECT*..6]-(b))
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: n {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null}}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS rels
LIMIT $limit

// name: neighbours
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})-[r]-(m:Entity)
RETURN n.id AS from_id, {id: m.id, labels: labels(m), props: m {.*, text: null, search_key: null, search_names: null, prefix_names: null, prefix_key: null, indexed_name: null, indexed_aliases: null, unindexed: null}} AS node,
       {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)} AS rel
LIMIT $limit

// An article's page in one query: the article and its document, and every fact read from it, each
// with its sentence. Facts are found from the article (MENTIONED_IN, REPORTED_IN, WROTE) and through
// the article indexes on title and RUNS edges, never by walking the entities' own edges (a county
// head's thousands). Parties and signers are the signing's own (one article's signing).
// name: article_page
MATCH (a:Article {id: $id})
OPTIONAL MATCH (d:Document {id: a.document_id})
CALL (a) {
  // Every document that holds the story (guanxi/fingerprint.py), the oldest issue first.
  OPTIONAL MATCH (a)-[p:PART_OF]->(o:Document)
  WITH p, o ORDER BY o.publication_date IS NULL, o.publication_date, o.source, o.id
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE
                   o {.id, .source, .url, .encoding, .publication_name, .publication_date, .issue,
                      index: p.index, title: p.title, pdf_page: p.pdf_page, page_label: p.page_label,
                      ocr_confidence: p.ocr_confidence} END) AS sources
}
CALL (a) {
  OPTIONAL MATCH (p:Person)-[h:HOLDS_POSITION]->(x) USING INDEX h:HOLDS_POSITION(article_id)
  WHERE h.article_id = $id
  WITH p, collect(CASE WHEN h IS NULL THEN null ELSE
                    {title: h.title, place: h.place, sentence: h.sentence,
                     org: CASE WHEN x:Organization THEN {id: x.id, kind: 'organization', name: x.name} END} END) AS titles
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, name: p.name, kind: p.kind, titles: titles} END) AS titled
}
CALL (a) {
  OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(a)
  RETURN collect(CASE WHEN n IS NULL THEN null ELSE
                   {id: n.id, labels: labels(n), name: n.name, kind: n.kind, sentence: m.sentence} END) AS mentioned
}
CALL (a) {
  OPTIONAL MATCH (e:Event)-[r:REPORTED_IN]->(a)
  CALL (e) {
    OPTIONAL MATCH (p:Person)-[at:ATTENDED]->(e)
    WITH p, at ORDER BY CASE WHEN 'presided' IN at.roles THEN 0 ELSE 1 END, p.name
    RETURN collect(CASE WHEN p IS NULL THEN null ELSE
                     {id: p.id, name: p.name, roles: at.roles, sentence: at.sentence} END) AS attendees
  }
  WITH e, r, attendees ORDER BY e.date, e.id
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE
                   {id: e.id, name: e.name, type: e.type, date: e.date, place: e.place, sentence: r.sentence,
                    attendees: attendees} END) AS events
}
CALL (a) {
  OPTIONAL MATCH (s:Signing)-[:REPORTED_IN]->(a)
  CALL (s) { OPTIONAL MATCH (s)-[:FOR_PROJECT]->(pr:Project) RETURN collect({id: pr.id, name: pr.name})[..1] AS project }
  CALL (s) { OPTIONAL MATCH (o:Organization)-[:PARTY_TO]->(s) RETURN collect({id: o.id, name: o.name}) AS parties }
  CALL (s) { OPTIONAL MATCH (q:Person)-[:SIGNATORY_OF]->(s) RETURN collect({id: q.id, name: q.name}) AS signers }
  WITH s, project, parties, signers ORDER BY s.id
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
                   {id: s.id, date: s.date, project_name: s.project_name, sentence: s.sentence,
                    project: project, parties: parties, signers: signers} END) AS signings
}
CALL (a) {
  OPTIONAL MATCH (o:Organization)-[r:RUNS]->(pr:Project) USING INDEX r:RUNS(article_id)
  WHERE r.article_id = $id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE
                   {project_id: pr.id, id: o.id, name: o.name, sentence: r.sentence} END) AS runs
}
CALL (a) {
  OPTIONAL MATCH (p:Person)-[w:WROTE]->(a)
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, name: p.name, role: w.role} END) AS bylines
}
RETURN a {.id, .title, .subtitle, .date, .index, .text} AS article,
       d {.id, .source, .url, .encoding, .publication_name, .publication_date, .issue} AS document,
       sources, titled, mentioned, events, signings, runs, bylines

// Every person and organisation the articles of one document mention, with the names the node
// holds: bench/resolution_quality.py reads which node each name of the document was resolved to.
// name: document_mentions
MATCH (:Document {id: $document_id})<-[:PART_OF]-(:Article)<-[:MENTIONED_IN]-(n:Entity)
WHERE n:Person OR n:Organization
RETURN DISTINCT n.id AS id, CASE WHEN n:Person THEN 'person' ELSE 'organization' END AS kind,
       n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY id

// Every node and every relationship with their properties: bench/bulk_import.py compares the graph
// of a transactional load with the bulk import of the same archive.
// name: graph_nodes
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props

// name: graph_relationships
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
