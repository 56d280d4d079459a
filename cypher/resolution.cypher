// Entity resolution (graph/resolution.py): what the graph already holds under a name, and the
// record of each decision. Person, Organization and Project nodes carry `aliases`.

// Candidates are found through the text index on search_key ('|'-joined normalised names and
// aliases), then checked name by name in Python: CONTAINS '|张立新' also finds 张立新华.
// name: resolve_lookup_people
UNWIND $keys AS k
MATCH (p:Person)
WHERE p.search_key CONTAINS ('|' + k)
WITH DISTINCT p
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.sector AS sector,
       p.scope AS scope, p.jurisdiction AS jurisdiction, p.split_from AS split_from
ORDER BY p.split_from IS NOT NULL, p.id

// Organisations with one of the names or aliases, and those sharing a two-character window with
// them (graph/resolution.py prefix_windows; checked in Python).
// name: resolve_lookup_organizations
CALL () {
  UNWIND $keys AS k
  MATCH (o:Organization)
  WHERE o.search_key CONTAINS ('|' + k)
  RETURN o
  UNION
  UNWIND $prefixes AS k
  MATCH (o:Organization)
  WHERE o.prefix_key CONTAINS ('|' + k + '|')
  RETURN o
  UNION
  UNWIND $exact AS k
  MATCH (o:Organization {name: k})
  RETURN o
}
WITH DISTINCT o
RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, o.kind AS kind, o.split_from AS split_from
ORDER BY o.split_from IS NOT NULL, o.id

// Projects sharing a name or alias, and the projects of the same companies.
// name: resolve_lookup_projects
CALL () {
  UNWIND $keys AS k
  MATCH (p:Project)
  WHERE p.search_key CONTAINS ('|' + k)
  RETURN p
  UNION
  MATCH (o:Organization)-[:RUNS|SIGNED]->(p:Project)
  WHERE o.id IN $org_ids
  RETURN p
}
WITH DISTINCT p
CALL (p) {
  OPTIONAL MATCH (o:Organization)-[:RUNS|SIGNED]->(p)
  RETURN collect(DISTINCT o.id) AS companies
}
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, companies, p.split_from AS split_from
ORDER BY p.split_from IS NOT NULL, p.id

// What the article needs before anything else, in one round trip: what an earlier load of it
// resolved its mentions to (empty on a first load), and the manual corrections (merges everywhere,
// splits that name this article), oldest first.
// name: resolve_lookup_article
CALL () {
  MATCH (n:Entity)-[:MENTIONED_IN]->(:Article {id: $article_id})
  RETURN collect(n.id) AS previous
}
CALL () {
  MATCH (c:Correction {kind: 'merge'})
  WITH c ORDER BY c.at
  RETURN collect([c.from_id, c.into_id]) AS merges
}
CALL () {
  MATCH (c:Correction {kind: 'split'})
  WHERE $article_id IN c.article_ids
  WITH c ORDER BY c.at
  RETURN collect([c.from_id, c.new_id]) AS splits
}
RETURN previous, merges, splits

// name: resolve_lookup_names
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
RETURN n.id AS id, n.name AS name

// What the article tells about each person: line of work, place, when seen; and why its
// mention went to this node (on the MENTIONED_IN edge of the article).
// name: resolve_people
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.sector = CASE WHEN p.sector IS NULL OR p.sector = 'other' THEN coalesce(row.sector, p.sector) ELSE p.sector END,
    p.scope = CASE WHEN p.scope IS NULL OR (row.scope STARTS WITH 'org-' AND NOT p.scope STARTS WITH 'org-') THEN coalesce(row.scope, p.scope) ELSE p.scope END,
    p.jurisdiction = coalesce(p.jurisdiction, row.jurisdiction),
    p.first_seen = CASE WHEN row.date IS NOT NULL AND (p.first_seen IS NULL OR row.date < p.first_seen) THEN row.date ELSE p.first_seen END,
    p.last_seen = CASE WHEN row.date IS NOT NULL AND (p.last_seen IS NULL OR row.date > p.last_seen) THEN row.date ELSE p.last_seen END
WITH p, row
OPTIONAL MATCH (p)-[m:MENTIONED_IN]->(:Article {id: $article_id})
SET m.resolution = row.reason

// A node's name is not one of its aliases (a short form may have become the name).
// name: resolve_entities
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})-[m:MENTIONED_IN]->(:Article {id: $article_id})
SET m.resolution = row.reason,
    n.aliases = [x IN coalesce(n.aliases, []) WHERE x <> n.name]

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
