// Writes. Every statement MERGEs on ids (nodes) or on (type, endpoints, article_id) (relationships),
// so writing the same article twice creates nothing. Relationships that come from an article carry
// article_id and the sentence they were read from.

// The document rides with its first article's write; the others send no row (graph/writer.py).
// name: merge_document
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d:Entity,
    d.source = row.source,
    d.encoding = row.encoding,
    d.publication_name = row.publication_name,
    d.publication_date = row.publication_date,
    d.issue = row.issue,
    d.url = coalesce(row.url, d.url),
    d.name = coalesce(row.publication_name, row.source)

// One story is one article however many documents hold it (guanxi/fingerprint.py): each holds it
// through its own PART_OF, with the story's place and headline in that document (and, for a PDF,
// its page, the page's 版次 and, for a scan, Tesseract's confidence in the story's words). The article's
// text, headline and facts are those of one copy, the one with the lowest copy_key (simplified
// script, then the earliest issue, then the document id), and document_id names that copy's
// document. A copy that does not win is linked alone (link_article). loaded_at: when the story
// first reached the graph (the server's clock, epoch ms), which is what a watchlist calls new.
// name: merge_article
MERGE (d:Document {id: $document_id})
SET d:Entity
MERGE (a:Article {id: $article_id})
ON CREATE SET a.load_id = $load_id, a.loaded_at = timestamp()
SET a:Entity,
    a.title = $title,
    a.name = $title,
    a.subtitle = $subtitle,
    a.date = $date,
    a.index = $index,
    a.text = $text,
    a.document_id = $document_id,
    a.copy_key = $copy_key
// Its text reaches the full-text index with the names, many articles at a time (index_for_search):
// the IndexedArticle label the index reads is given there, not in this transaction.
SET a.unindexed = CASE WHEN a:IndexedArticle THEN a.unindexed ELSE true END
MERGE (a)-[p:PART_OF]->(d)
SET p.index = $index, p.title = $title, p.pdf_page = $pdf_page, p.page_label = $page_label,
    p.ocr_confidence = $ocr_confidence

// Another copy of a story the article holds from a better copy: only this document's link.
// name: link_article
MERGE (d:Document {id: $document_id})
SET d:Entity
WITH d
MATCH (a:Article {id: $article_id})
MERGE (a)-[p:PART_OF]->(d)
SET p.index = $index, p.title = $title, p.pdf_page = $pdf_page, p.page_label = $page_label,
    p.ocr_confidence = $ocr_confidence

// keep_name (set by entity resolution, graph/resolution.py): the node was not read before this
// write, so a name it already has stays.
// Each statement also writes the LookupKeys of the names a node did not hold before (see
// merge_lookup_keys): a person named again with nothing new costs no key work at all.
// name: merge_people
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
WITH p, row, [x IN row.search_names WHERE NOT x IN coalesce(p.search_names, [])] AS added,
     CASE WHEN row.keep_name THEN coalesce(p.name, row.name) ELSE row.name END AS name,
     coalesce(row.kind, p.kind, 'other') AS kind
CALL (p, added, name, kind) {
  WITH * WHERE p.name IS NULL OR p.name <> name OR p.kind IS NULL OR p.kind <> kind OR size(added) > 0
               OR p.aliases IS NULL OR p.search_key IS NULL OR p.indexed_name IS NULL
  SET p:Entity, p.name = name, p.kind = kind, p.aliases = coalesce(p.aliases, []),
      p.search_names = coalesce(p.search_names, []) + added
  SET p.search_key = reduce(s = '', x IN p.search_names | s + '|' + x)
  SET p.unindexed = CASE WHEN p.indexed_name IS NULL OR p.indexed_name <> p.name OR coalesce(p.indexed_aliases, []) <> coalesce(p.aliases, [])
                       THEN true ELSE p.unindexed END
}
WITH p, [x IN added | 'per|' + x] AS keys
CALL (p, keys) {
  UNWIND keys AS key
  MERGE (k:LookupKey {key: key})
  ON CREATE SET k.ids = [p.id]
  WITH k, p WHERE NOT p.id IN k.ids
  SET k.ids = k.ids + p.id
}

// name: merge_organizations
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
WITH o, row, [x IN row.search_names WHERE NOT x IN coalesce(o.search_names, [])] AS added,
     [x IN coalesce(row.prefix_names, []) WHERE NOT x IN coalesce(o.prefix_names, [])] AS prefixes,
     [x IN row.aliases WHERE NOT x IN coalesce(o.aliases, [])] AS aliases,
     CASE WHEN row.keep_name THEN coalesce(o.name, row.name) ELSE row.name END AS name,
     CASE WHEN row.kind IS NULL OR (row.kind = 'other' AND o.kind IS NOT NULL) THEN coalesce(o.kind, 'other') ELSE row.kind END AS kind
CALL (o, added, prefixes, aliases, name, kind) {
  WITH * WHERE o.name IS NULL OR o.name <> name OR o.kind IS NULL OR o.kind <> kind
               OR size(added) + size(prefixes) + size(aliases) > 0
               OR o.aliases IS NULL OR o.search_key IS NULL OR o.prefix_key IS NULL OR o.indexed_name IS NULL
  SET o:Entity, o.name = name, o.kind = kind,
      o.aliases = coalesce(o.aliases, []) + aliases,
      o.search_names = coalesce(o.search_names, []) + added,
      o.prefix_names = coalesce(o.prefix_names, []) + prefixes
  SET o.search_key = reduce(s = '', x IN o.search_names | s + '|' + x),
      o.prefix_key = reduce(s = '|', x IN o.prefix_names | s + x + '|')
  SET o.unindexed = CASE WHEN o.indexed_name IS NULL OR o.indexed_name <> o.name OR coalesce(o.indexed_aliases, []) <> coalesce(o.aliases, [])
                       THEN true ELSE o.unindexed END
}
WITH o, [x IN added | 'org|' + x] + [x IN prefixes | 'pre|' + x] AS keys
CALL (o, keys) {
  UNWIND keys AS key
  MERGE (k:LookupKey {key: key})
  ON CREATE SET k.ids = [o.id]
  WITH k, o WHERE NOT o.id IN k.ids
  SET k.ids = k.ids + o.id
}

// name: merge_projects
UNWIND $rows AS row
MERGE (p:Project {id: row.id})
WITH p, row, [x IN row.search_names WHERE NOT x IN coalesce(p.search_names, [])] AS added,
     [x IN row.aliases WHERE NOT x IN coalesce(p.aliases, [])] AS aliases,
     CASE WHEN row.keep_name THEN coalesce(p.name, row.name) ELSE row.name END AS name,
     coalesce(row.place, p.place) AS place
CALL (p, added, aliases, name, place) {
  WITH * WHERE p.name IS NULL OR p.name <> name OR coalesce(p.place <> place, place IS NOT NULL)
               OR size(added) + size(aliases) > 0
               OR p.aliases IS NULL OR p.search_key IS NULL OR p.indexed_name IS NULL
  SET p:Entity, p.name = name, p.place = place,
      p.aliases = coalesce(p.aliases, []) + aliases,
      p.search_names = coalesce(p.search_names, []) + added
  SET p.search_key = reduce(s = '', x IN p.search_names | s + '|' + x)
  SET p.unindexed = CASE WHEN p.indexed_name IS NULL OR p.indexed_name <> p.name OR coalesce(p.indexed_aliases, []) <> coalesce(p.aliases, [])
                       THEN true ELSE p.unindexed END
}
WITH p, [x IN added | 'prj|' + x] AS keys
CALL (p, keys) {
  UNWIND keys AS key
  MERGE (k:LookupKey {key: key})
  ON CREATE SET k.ids = [p.id]
  WITH k, p WHERE NOT p.id IN k.ids
  SET k.ids = k.ids + p.id
}

// The LookupKeys of people, organisations and projects: each of their normalised names and aliases
// (and an organisation's two-character windows) names a key node that lists the ids holding it.
// This one reads every name the stored node holds: for corrections and the backfill of older
// graphs. Nothing is written for a key that already lists the node.
// name: merge_lookup_keys
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, CASE WHEN n:Person THEN 'per|' WHEN n:Organization THEN 'org|' WHEN n:Project THEN 'prj|' END AS kind
WHERE kind IS NOT NULL
UNWIND [x IN coalesce(n.search_names, []) | kind + x]
       + [x IN CASE WHEN n:Organization THEN coalesce(n.prefix_names, []) ELSE [] END | 'pre|' + x] AS key
MERGE (k:LookupKey {key: key})
ON CREATE SET k.ids = [n.id]
WITH k, n
WHERE NOT n.id IN k.ids
SET k.ids = k.ids + n.id

// name: merge_events
UNWIND $rows AS row
MATCH (a:Article {id: $article_id})
MERGE (e:Event {id: row.id})
SET e:Entity,
    e.load_id = $load_id,
    e.name = row.name,
    e.type = row.type,
    e.date = row.date,
    e.place = row.place,
    e.article_id = $article_id,
    e.sentence = row.sentence,
    e.aliases = [],
    e.search_names = row.search_names,
    e.search_key = reduce(s = '', x IN row.search_names | s + '|' + x)
SET e.unindexed = CASE WHEN e.indexed_name IS NULL OR e.indexed_name <> e.name OR coalesce(e.indexed_aliases, []) <> coalesce(e.aliases, [])
                     THEN true ELSE e.unindexed END
MERGE (e)-[r:REPORTED_IN]->(a)
SET r.load_id = $load_id, r.article_id = $article_id, r.sentence = row.sentence

// name: merge_signings
UNWIND $rows AS row
MATCH (a:Article {id: $article_id})
MERGE (s:Signing {id: row.id})
SET s:Entity,
    s.load_id = $load_id,
    s.name = row.name,
    s.date = row.date,
    s.project_name = row.project_name,
    s.article_id = $article_id,
    s.sentence = row.sentence
MERGE (s)-[r:REPORTED_IN]->(a)
SET r.load_id = $load_id, r.article_id = $article_id, r.sentence = row.sentence

// A busy official and their government share one title edge per article, thousands: MERGE would
// read them all to find this article's (Expand(Into)), so each article cost more as the archive grew.
// The edge is looked up once through the article index (held_article) and created when missing; rows
// are made distinct first (the last row's facts win, as with MERGE and SET). The article's own node,
// locked by the article's write, keeps two loads of one article from creating it twice.
// name: merge_positions_in_org
UNWIND $rows AS row
WITH row.person_id AS pid, row.org_id AS oid, row.title AS title, collect(row) AS same
WITH pid, oid, title, same[-1] AS row
MATCH (p:Person {id: pid})
MATCH (o:Organization {id: oid})
OPTIONAL MATCH (p)-[old:HOLDS_POSITION]->(o) USING INDEX old:HOLDS_POSITION(article_id)
WHERE old.article_id = $article_id AND old.title = title
WITH p, o, row, title, head(collect(old)) AS old
CALL (p, o, title, old) {
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
  UNION
  WITH old WHERE old IS NULL
  CREATE (p)-[r:HOLDS_POSITION {title: title, article_id: $article_id}]->(o)
  RETURN r
}
SET r.load_id = $load_id, r.as_of = row.as_of, r.org = row.org, r.place = row.place,
    r.place_code = row.place_code, r.sentence = row.sentence, r.rule = row.rule

// A title the text gives without an organisation is stored on a Position node of its own,
// one per (person, title), so it never links two people who merely share a title.
// name: merge_positions_alone
UNWIND $rows AS row
WITH row.person_id AS pid, row.position_id AS tid, row.title AS title, collect(row) AS same
WITH pid, tid, title, same[-1] AS row
MATCH (p:Person {id: pid})
MERGE (t:Position {id: tid})
WITH p, t, row, title
CALL (t, title) {
  WITH * WHERE t.title IS NULL OR t.title <> title OR t.name <> title
  SET t:Entity, t.title = title, t.name = title
}
OPTIONAL MATCH (p)-[old:HOLDS_POSITION]->(t) USING INDEX old:HOLDS_POSITION(article_id)
WHERE old.article_id = $article_id AND old.title = title
WITH p, t, row, title, head(collect(old)) AS old
CALL (p, t, title, old) {
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
  UNION
  WITH old WHERE old IS NULL
  CREATE (p)-[r:HOLDS_POSITION {title: title, article_id: $article_id}]->(t)
  RETURN r
}
SET r.load_id = $load_id, r.as_of = row.as_of, r.org = null, r.place = row.place,
    r.place_code = row.place_code, r.sentence = row.sentence, r.rule = row.rule

// Two mentions of one article that resolve to one person (a manual merge of two names) are one
// attendance: every role of either is kept, not only the last row's.
// name: merge_attendance
UNWIND $rows AS row
WITH row.person_id AS pid, row.event_id AS eid, collect(row) AS same
WITH pid, eid, same[0] AS row, reduce(acc = [], r IN same | acc + [x IN r.roles WHERE NOT x IN acc]) AS roles
MATCH (p:Person {id: pid})
MATCH (e:Event {id: eid})
MERGE (p)-[r:ATTENDED {article_id: $article_id}]->(e)
SET r.load_id = $load_id, r.roles = roles, r.date = row.date, r.sentence = row.sentence, r.rule = row.rule

// A company and its project: one edge per article too (see merge_positions_in_org).
// name: merge_runs
UNWIND $rows AS row
WITH row.org_id AS oid, row.project_id AS pid, collect(row) AS same
WITH oid, pid, same[-1] AS row
MATCH (o:Organization {id: oid})
MATCH (p:Project {id: pid})
OPTIONAL MATCH (o)-[old:RUNS]->(p) USING INDEX old:RUNS(article_id)
WHERE old.article_id = $article_id
WITH o, p, row, head(collect(old)) AS old
CALL (o, p, old) {
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
  UNION
  WITH old WHERE old IS NULL
  CREATE (o)-[r:RUNS {article_id: $article_id}]->(p)
  RETURN r
}
SET r.load_id = $load_id, r.sentence = row.sentence

// name: merge_signing_parties
UNWIND $rows AS row
MATCH (o:Organization {id: row.org_id})
MATCH (s:Signing {id: row.signing_id})
MERGE (o)-[r:PARTY_TO {article_id: $article_id}]->(s)
SET r.load_id = $load_id, r.date = row.date, r.sentence = row.sentence

// name: merge_signing_signers
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (s:Signing {id: row.signing_id})
MERGE (p)-[r:SIGNATORY_OF {article_id: $article_id}]->(s)
SET r.load_id = $load_id, r.date = row.date, r.sentence = row.sentence

// name: merge_signing_projects
UNWIND $rows AS row
MATCH (s:Signing {id: row.signing_id})
MATCH (p:Project {id: row.project_id})
MERGE (s)-[r:FOR_PROJECT {article_id: $article_id}]->(p)
SET r.load_id = $load_id, r.sentence = row.sentence

// Direct SIGNED edges party (company) or signer (person) → project, one per signing, besides the
// Signing node; a row names its party by org_id or person_id, as resolution rewrites those. Found
// through the article's index, as merge_runs finds its edge: a company that signs one project
// again and again holds hundreds of parallel SIGNED edges, and MERGE read them all.
// name: merge_signed
UNWIND $rows AS row
WITH coalesce(row.org_id, row.person_id) AS xid, row.project_id AS pid, row.signing_id AS sid, collect(row) AS same
WITH xid, pid, sid, same[-1] AS row
MATCH (x:Entity {id: xid})
MATCH (p:Project {id: pid})
OPTIONAL MATCH (x)-[old:SIGNED]->(p) USING INDEX old:SIGNED(article_id)
WHERE old.article_id = $article_id AND old.signing_id = sid
WITH x, p, sid, row, head(collect(old)) AS old
CALL (x, p, sid, old) {
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
  UNION
  WITH old WHERE old IS NULL
  CREATE (x)-[r:SIGNED {signing_id: sid}]->(p)
  RETURN r
}
SET r.load_id = $load_id, r.article_id = $article_id, r.date = row.date, r.sentence = row.sentence

// name: merge_bylines
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (a:Article {id: $article_id})
MERGE (p)-[r:WROTE {role: row.role}]->(a)
SET r.load_id = $load_id, r.article_id = $article_id, r.sentence = row.sentence

// name: merge_mentions
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (a:Article {id: $article_id})
MERGE (n)-[r:MENTIONED_IN]->(a)
SET r.load_id = $load_id, r.article_id = $article_id, r.sentence = row.sentence

// After an article's facts are merged: what an earlier load read from the same article but this
// load did not (the extractor changed, or the text did) is removed, so a reload replaces the
// article's facts instead of piling new ones on old. Every such fact touches the article or one of
// its events or signings, or is a title, RUNS or SIGNED edge, which are indexed by article: a
// re-load no longer walks every edge of each node the article names (a county head's thousands).
// An article this load created has no earlier facts and skips it all.
// $stale (a document let go of the article, release_article): the facts stay while another
// document still holds the story; they are its facts too.
// name: prune_article
MATCH (a:Article {id: $article_id})
WHERE coalesce(a.load_id, '') <> $load_id
  AND NOT ($stale AND EXISTS { (a)-[:PART_OF]->(:Document) })
CALL (a) {
  MATCH (a)-[r]-()
  RETURN r
  UNION
  MATCH (:Event {article_id: $article_id})-[r]-()
  RETURN r
  UNION
  MATCH (:Signing {article_id: $article_id})-[r]-()
  RETURN r
  UNION
  MATCH ()-[r:HOLDS_POSITION {article_id: $article_id}]->()
  RETURN r
  UNION
  MATCH ()-[r:RUNS {article_id: $article_id}]->()
  RETURN r
  UNION
  MATCH ()-[r:SIGNED {article_id: $article_id}]->()
  RETURN r
}
WITH r
WHERE r.article_id = $article_id AND coalesce(r.load_id, '') <> $load_id
DELETE r

// name: prune_article_nodes
MATCH (x:Event|Signing {article_id: $article_id})
WHERE coalesce(x.load_id, '') <> $load_id
  AND NOT ($stale AND EXISTS { (:Article {id: $article_id})-[:PART_OF]->(:Document) })
DETACH DELETE x

// What the graph holds of a document's articles, read once per document with its first article:
// `stale`, the articles an earlier load of this document stored and this load did not (their title,
// split or text changed), which the document lets go of (release_article; one no document holds any
// more loses its facts under a load id nothing carries, then its node); `held`, for each story the
// graph already holds, which copy it shows (document_id, copy_key). graph/writer.py writes a copy in
// full only if its copy_key is lower, or it is that copy's own document (a reload), or none is known.
// name: document_articles
CALL () {
  MATCH (a:Article)-[:PART_OF]->(:Document {id: $document_id})
  WHERE NOT a.id IN $article_ids
  RETURN collect(a.id) AS stale
}
CALL () {
  UNWIND $article_ids AS aid
  MATCH (a:Article {id: aid})
  RETURN collect({id: a.id, document_id: a.document_id, copy_key: a.copy_key}) AS held
}
RETURN stale, held

// Only this document's link goes. Deleting it locks the article, so a writer adding another
// document's link at the same moment is either seen here or waits, and the statements after this
// one decide on what is really held. If the copy shown was this document's and another document
// still holds the story, the article names that one; its text and facts stay (the story is the
// same) until a copy is written again, which then replaces them whatever its copy_key.
// name: release_article
MATCH (a:Article {id: $article_id})-[p:PART_OF]->(:Document {id: $document_id})
DELETE p
WITH DISTINCT a
WHERE a.document_id = $document_id
CALL (a) {
  MATCH (a)-[q:PART_OF]->(o:Document)
  WITH a, q, o ORDER BY o.publication_date IS NULL, o.publication_date, o.id
  LIMIT 1
  SET a.document_id = o.id, a.index = q.index, a.copy_key = null
}

// name: delete_article
MATCH (a:Article {id: $article_id})
WHERE NOT EXISTS { (a)-[:PART_OF]->(:Document) }
DETACH DELETE a

// What search finds (graph/search_index.py): the full-text index name_search holds a copy of each
// name and its aliases, brought up to date here for many articles at once, as one Lucene refresh
// costs the same for one name as for a hundred (schema.cypher). The writes above mark a node whose
// copy differs (unindexed).
// An article's text is not copied: the label the index article_text reads is what is added.
// name: index_for_search
MATCH (n:Entity) WHERE n.unindexed = true
WITH n LIMIT $batch
CALL (n) {
  WITH n WHERE n:Article
  SET n:IndexedArticle
}
CALL (n) {
  WITH n WHERE NOT n:Article
  SET n.indexed_name = n.name, n.indexed_aliases = coalesce(n.aliases, [])
}
REMOVE n.unindexed
RETURN count(n) AS indexed

// A graph stored before name_search existed gets the copy of every name at once, before the index
// is created (graph/schema.py). Auto-commit: it runs in transactions of its own.
// name: index_older_graph
MATCH (n:Person|Organization|Project|Event)
WHERE n.indexed_name IS NULL
CALL (n) {
  SET n.indexed_name = n.name, n.indexed_aliases = coalesce(n.aliases, [])
} IN TRANSACTIONS OF 5000 ROWS

// A graph stored before article_text existed: every article gets the label at once, before the
// index is created (graph/schema.py), so the index's own population reads them.
// name: index_older_articles
MATCH (a:Article)
WHERE NOT a:IndexedArticle
CALL (a) {
  SET a:IndexedArticle
  REMOVE a.unindexed
} IN TRANSACTIONS OF 5000 ROWS
