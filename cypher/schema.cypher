// Constraints and indexes. Every statement is idempotent (IF NOT EXISTS), so ensure_schema can run
// at every load. `Entity` is a second label on every node: it lets a query find any node by id
// through one index when the label is not known (paths, neighbourhoods).

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT signing_id IF NOT EXISTS FOR (n:Signing) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;

CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX event_article IF NOT EXISTS FOR (n:Event) ON (n.article_id);
// Corrections keep their ids across an export and an import (graph/corrections.py); a merged-away id
// finds where it went through from_id.
CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (n:Correction) REQUIRE n.id IS UNIQUE;
CREATE INDEX correction_from IF NOT EXISTS FOR (n:Correction) ON (n.from_id);
CREATE INDEX signing_article IF NOT EXISTS FOR (n:Signing) ON (n.article_id);
CREATE INDEX article_title IF NOT EXISTS FOR (n:Article) ON (n.title);
// What a watchlist asks after every load: the articles loaded since a time (cypher/watch.cypher).
CREATE INDEX article_loaded IF NOT EXISTS FOR (n:Article) ON (n.loaded_at);
CREATE CONSTRAINT watchlist_id IF NOT EXISTS FOR (n:Watchlist) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (n:Investigation) REQUIRE n.id IS UNIQUE;
CREATE INDEX investigation_owner IF NOT EXISTS FOR (n:Investigation) ON (n.owner);
// The title edges an article gave: an event page's attendees and the companies met at a person's
// events are found through it, not by reading every title edge of each attendee (a county head
// holds thousands).
CREATE INDEX held_article IF NOT EXISTS FOR ()-[h:HOLDS_POSITION]-() ON (h.article_id);
// Search by office (区长, 台儿庄 区长): people holding a title, found without reading every title edge.
CREATE INDEX held_title IF NOT EXISTS FOR ()-[h:HOLDS_POSITION]-() ON (h.title);
// A division and those under it share the start of their code (37 山东省, 3704 枣庄市, 370405
// 台儿庄区): the officials of a place are found by the prefix of their title edges' place_code.
CREATE INDEX held_place IF NOT EXISTS FOR ()-[h:HOLDS_POSITION]-() ON (h.place_code);
// The write finds an article's edge between a busy official and their government, a company and
// its project, or a party and what it signed, through these, not by reading every parallel edge;
// a re-load finds the article's old edges through them too (cypher/write.cypher).
CREATE INDEX runs_article IF NOT EXISTS FOR ()-[r:RUNS]-() ON (r.article_id);
CREATE INDEX signed_article IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.article_id);

// Entity resolution finds candidates by exact normalised name, alias or two-character window
// through LookupKey nodes (graph/lookup.py): a range index, which a commit updates for a few
// microseconds, where the text indexes on search_key and prefix_key this replaces cost every commit
// that touched one 4-5 ms of Lucene work (bench/README.md). A LookupKey has no relationship, so it
// never shows in paths or neighbourhoods.
CREATE CONSTRAINT lookup_key IF NOT EXISTS FOR (k:LookupKey) REQUIRE k.key IS UNIQUE;
DROP INDEX person_search_key IF EXISTS;
DROP INDEX organization_search_key IF EXISTS;
DROP INDEX project_search_key IF EXISTS;
DROP INDEX organization_prefix_key IF EXISTS;

// Replaced by name_search below: the synchronous full-text index, and a text index on events that
// every article paid for at commit (events are found by search through the full-text index).
DROP INDEX entity_names IF EXISTS;
DROP INDEX event_search_key IF EXISTS;

// CJK analyzer: overlapping bigrams, so a phrase query of two or more characters matches any
// part of a name ("晓璐" finds 刘晓璐). It indexes a copy of each name and its aliases
// (indexed_name, indexed_aliases) that GraphWriter sets for many articles at once (graph/search_index.py),
// not the names an article's own transaction writes: Neo4j applies a transaction's full-text updates
// as one Lucene refresh costing about 5 ms of CPU whether it holds one name or a hundred, and nearly
// every article adds an event (bench/README.md). An article marks the nodes whose names the copy
// lacks (unindexed, found through entity_unindexed); a load ends by copying them and waiting for the
// refresh, so what a load wrote is searchable when it returns. Eventually consistent: a synchronous
// update made every commit 20-45 ms slower.
DROP INDEX entity_search IF EXISTS;
CREATE INDEX entity_unindexed IF NOT EXISTS FOR (n:Entity) ON (n.unindexed);
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Person|Organization|Project|Event) ON EACH [n.indexed_name, n.indexed_aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};

// Article text (title and body), CJK-analysed like the names, for /search to find the articles that
// say a phrase. Articles join it many at a time, as names do: a load's write marks an article
// (unindexed) and the copy for search gives it the IndexedArticle label the index reads
// (cypher/write.cypher index_for_search), so no article's own transaction pays a Lucene refresh.
CREATE FULLTEXT INDEX article_text IF NOT EXISTS
FOR (n:IndexedArticle) ON EACH [n.title, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};
