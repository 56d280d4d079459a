// Entity resolution (graph/resolution.py): what the graph already holds under a name, and the
// record of each decision. Person, Organization and Project nodes carry `aliases`.

// Candidates are the nodes listed by the LookupKeys of the article's normalised names ('per|张立新',
// 'org|…', 'prj|…') and of a company's two-character windows ('pre|创普'), then checked name by name
// in Python. Rows carry their search names and windows, so graph/lookup.py can tell which question
// each row answers. A window in $prefixes may sit anywhere a short form could start (0, 2 or 3); one
// in $starts must open a stored name or alias (the stored short form of a full name the article
// gives), which the server checks, as the key lists every company holding the window anywhere.

// Everything an article asks before its first decision, in one round trip: what an earlier load
// of it resolved its mentions to (empty on a first load), the manual corrections that are not
// undone (merges everywhere, splits that name this article, oldest first, with their targets'
// names), the people of its names and the organisations of all its name clusters. A split made
// before article ids were story fingerprints names the id the article had then ($former_ids).
// name: resolve_lookup_article
CALL () {
  MATCH (n:Entity)-[:MENTIONED_IN]->(:Article {id: $article_id})
  RETURN collect(n.id) AS previous
}
CALL () {
  MATCH (c:Correction {kind: 'merge'})
  WHERE c.undone_at IS NULL
  WITH c ORDER BY c.at
  OPTIONAL MATCH (t:Entity {id: c.into_id})
  RETURN collect([c.from_id, c.into_id, t.name]) AS merges
}
CALL () {
  MATCH (c:Correction {kind: 'split'})
  WHERE any(x IN [$article_id] + $former_ids WHERE x IN c.article_ids) AND c.undone_at IS NULL
  WITH c ORDER BY c.at
  OPTIONAL MATCH (t:Entity {id: c.new_id})
  RETURN collect([c.from_id, c.new_id, t.name]) AS splits
}
CALL () {
  UNWIND $people_keys AS k
  MATCH (x:LookupKey {key: 'per|' + k})
  UNWIND x.ids AS id
  MATCH (p:Person {id: id})
  WITH DISTINCT p
  RETURN collect({id: p.id, name: p.name, aliases: coalesce(p.aliases, []), sector: p.sector,
                  scope: p.scope, jurisdiction: p.jurisdiction, split_from: p.split_from,
                  search_names: coalesce(p.search_names, [])}) AS people
}
CALL () {
  CALL () {
    UNWIND [k IN $org_keys | 'org|' + k] + [k IN $prefixes | 'pre|' + k] AS key
    MATCH (x:LookupKey {key: key})
    UNWIND x.ids AS id
    MATCH (o:Organization {id: id})
    RETURN o
    UNION
    UNWIND $exact AS k
    MATCH (o:Organization {name: k})
    RETURN o
    UNION
    UNWIND $starts AS k
    MATCH (x:LookupKey {key: 'pre|' + k})
    UNWIND x.ids AS id
    MATCH (o:Organization {id: id})
    WHERE any(s IN coalesce(o.search_names, []) WHERE s STARTS WITH toLower(k))
    RETURN o
  }
  WITH DISTINCT o
  RETURN collect({id: o.id, name: o.name, aliases: coalesce(o.aliases, []), kind: o.kind,
                  split_from: o.split_from, search_names: coalesce(o.search_names, []),
                  prefix_names: coalesce(o.prefix_names, [])}) AS organizations
}
RETURN previous, merges, splits, people, organizations

// The same questions one at a time, for a question the article's first read did not foresee.
// name: resolve_lookup_people
UNWIND $keys AS k
MATCH (x:LookupKey {key: 'per|' + k})
UNWIND x.ids AS id
MATCH (p:Person {id: id})
WITH DISTINCT p
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.sector AS sector,
       p.scope AS scope, p.jurisdiction AS jurisdiction, p.split_from AS split_from,
       coalesce(p.search_names, []) AS search_names

// name: resolve_lookup_organizations
CALL () {
  UNWIND [k IN $keys | 'org|' + k] + [k IN $prefixes | 'pre|' + k] AS key
  MATCH (x:LookupKey {key: key})
  UNWIND x.ids AS id
  MATCH (o:Organization {id: id})
  RETURN o
  UNION
  UNWIND $exact AS k
  MATCH (o:Organization {name: k})
  RETURN o
  UNION
  UNWIND $starts AS k
  MATCH (x:LookupKey {key: 'pre|' + k})
  UNWIND x.ids AS id
  MATCH (o:Organization {id: id})
  WHERE any(s IN coalesce(o.search_names, []) WHERE s STARTS WITH toLower(k))
  RETURN o
}
WITH DISTINCT o
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, o.kind AS kind, o.split_from AS split_from,
       coalesce(o.search_names, []) AS search_names, coalesce(o.prefix_names, []) AS prefix_names

// Projects sharing a name or alias with an article's projects, all at once. `companies` holds the
// asked-for companies that run or signed each (an edge found between two known nodes), and
// `has_companies` whether any company does: all that resolution compares.
// name: resolve_lookup_projects
UNWIND $keys AS k
MATCH (x:LookupKey {key: 'prj|' + k})
UNWIND x.ids AS id
WITH DISTINCT id
MATCH (p:Project {id: id})
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.split_from AS split_from,
       [oid IN $org_ids WHERE EXISTS { (:Organization {id: oid})-[:RUNS|SIGNED]->(p) }] AS companies,
       EXISTS { (:Organization)-[:RUNS|SIGNED]->(p) } AS has_companies,
       coalesce(p.search_names, []) AS search_names

// Every project of the given companies. Asked only when a project matches no name: a busy
// company runs hundreds, each with an edge per article that named it, and reading them all for
// every article was the largest read of a load on a 100k-article archive (bench/README.md).
// name: resolve_lookup_company_projects
UNWIND $org_ids AS oid
MATCH (:Organization {id: oid})-[:RUNS|SIGNED]->(p:Project)
WITH DISTINCT p, oid
WITH p, collect(oid) AS companies
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.split_from AS split_from,
       companies, true AS has_companies, coalesce(p.search_names, []) AS search_names

// What the article tells about each person: line of work, place, when seen; and why its
// mention went to this node (on the MENTIONED_IN edge of the article).
// name: resolve_people
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
WITH p, row,
     CASE WHEN p.sector IS NULL OR p.sector = 'other' THEN coalesce(row.sector, p.sector) ELSE p.sector END AS sector,
     CASE WHEN p.scope IS NULL OR (row.scope STARTS WITH 'org-' AND NOT p.scope STARTS WITH 'org-') THEN coalesce(row.scope, p.scope) ELSE p.scope END AS scope,
     coalesce(p.jurisdiction, row.jurisdiction) AS jurisdiction,
     CASE WHEN row.date IS NOT NULL AND (p.first_seen IS NULL OR row.date < p.first_seen) THEN row.date ELSE p.first_seen END AS first_seen,
     CASE WHEN row.date IS NOT NULL AND (p.last_seen IS NULL OR row.date > p.last_seen) THEN row.date ELSE p.last_seen END AS last_seen
CALL (p, sector, scope, jurisdiction, first_seen, last_seen) {
  // 0 stands for a missing value: these are all text, so it equals nothing else.
  WITH * WHERE coalesce(p.sector, 0) <> coalesce(sector, 0) OR coalesce(p.scope, 0) <> coalesce(scope, 0)
               OR coalesce(p.jurisdiction, 0) <> coalesce(jurisdiction, 0)
               OR coalesce(p.first_seen, 0) <> coalesce(first_seen, 0) OR coalesce(p.last_seen, 0) <> coalesce(last_seen, 0)
  SET p.sector = sector, p.scope = scope, p.jurisdiction = jurisdiction, p.first_seen = first_seen, p.last_seen = last_seen
}
WITH p, row
OPTIONAL MATCH (p)-[m:MENTIONED_IN]->(:Article {id: $article_id})
SET m.resolution = row.reason

// A node's name is not one of its aliases (a short form may have become the name). The article is
// found first, so the mention is found between two known nodes, not among every mention of a busy
// organisation (thousands).
// name: resolve_entities
MATCH (a:Article {id: $article_id})
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (n)-[m:MENTIONED_IN]->(a)
SET m.resolution = row.reason
WITH DISTINCT n
WHERE n.aliases IS NULL OR n.name IN n.aliases
SET n.aliases = [x IN coalesce(n.aliases, []) WHERE x <> n.name]

// An archive stored before LookupKeys existed (or imported by an older bulk export): entities, but
// no key at all. Counts come from the count store, so asking costs nothing.
// name: lookup_keys_missing
CALL () { MATCH (k:LookupKey) RETURN count(k) AS keys }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Organization) RETURN count(n) AS orgs }
CALL () { MATCH (n:Project) RETURN count(n) AS projects }
RETURN keys = 0 AND people + orgs + projects > 0 AS missing

// name: keyed_entity_ids
MATCH (n:Person|Organization|Project)
RETURN n.id AS id

// Organisations stored before prefix keys existed (or by an older bulk import): their windows are
// computed in Python and set here, so short forms still find them.
// name: orgs_without_prefix_key
MATCH (o:Organization)
WHERE o.prefix_key IS NULL
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases
LIMIT 5000

// name: set_prefix_keys
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
SET o.prefix_names = row.prefix_names,
    o.prefix_key = reduce(s = '|', x IN row.prefix_names | s + x + '|')
