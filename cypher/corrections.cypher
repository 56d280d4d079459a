// Manual corrections (graph/corrections.py). A Correction node records who changed what, when
// and why; the writer reads merges and splits back at every load (resolution.cypher).

// name: correction_node
MATCH (n:Entity {id: $id})
WHERE n:Person OR n:Organization OR n:Project
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases

// Every relationship of a node, to be moved onto another.
// name: correction_relationships
MATCH (n:Entity {id: $id})-[r]-(x)
WHERE $article_ids IS NULL OR r.article_id IN $article_ids
RETURN elementId(r) AS rid, type(r) AS type, startNode(r) = n AS outgoing, elementId(x) AS other,
       x.id AS other_id, properties(r) AS props

// Moves relationships onto the node `id`: a copy with the same properties (so a later load's MERGE
// finds it), unless the node already has that fact (row.create false); then the old one goes.
// name: correction_move_relationships
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
MATCH (x) WHERE elementId(x) = row.other
CALL (n, x, row) {
  WITH n, x, row WHERE row.create AND row.outgoing
  CREATE (n)-[r:$(row.type)]->(x)
  SET r = row.props
}
CALL (n, x, row) {
  WITH n, x, row WHERE row.create AND NOT row.outgoing
  CREATE (x)-[r:$(row.type)]->(n)
  SET r = row.props
}
WITH DISTINCT row
MATCH ()-[old]-() WHERE elementId(old) = row.rid
DELETE old

// name: correction_absorb
MATCH (keep:Entity {id: $into_id})
MATCH (gone:Entity {id: $from_id})
SET keep.aliases = [x IN coalesce(keep.aliases, []) + [gone.name] + coalesce(gone.aliases, []) WHERE x <> keep.name | x],
    keep.search_names = coalesce(keep.search_names, []) + [x IN coalesce(gone.search_names, []) WHERE NOT x IN coalesce(keep.search_names, [])],
    keep.prefix_names = CASE WHEN keep:Organization THEN coalesce(keep.prefix_names, []) + [x IN coalesce(gone.prefix_names, []) WHERE NOT x IN coalesce(keep.prefix_names, [])] END
SET keep.prefix_key = CASE WHEN keep:Organization THEN reduce(s = '|', x IN keep.prefix_names | s + x + '|') END,
    keep.aliases = reduce(acc = [], x IN keep.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    keep.search_key = reduce(s = '', x IN keep.search_names | s + '|' + x),
    keep.first_seen = CASE WHEN gone.first_seen < coalesce(keep.first_seen, gone.first_seen) THEN gone.first_seen ELSE keep.first_seen END,
    keep.last_seen = CASE WHEN gone.last_seen > coalesce(keep.last_seen, gone.last_seen) THEN gone.last_seen ELSE keep.last_seen END,
    keep.unindexed = true
DETACH DELETE gone

// A new node of the same kind for what a split takes away.
// name: correction_split_node
MATCH (old:Entity {id: $from_id})
MERGE (n:Entity {id: $new_id})
SET n:$(labels(old)),
    n.name = coalesce($name, old.name),
    n.kind = old.kind,
    n.sector = old.sector,
    n.scope = old.scope,
    n.jurisdiction = old.jurisdiction,
    n.aliases = [],
    n.search_names = old.search_names,
    n.search_key = old.search_key,
    n.prefix_names = old.prefix_names,
    n.prefix_key = old.prefix_key,
    n.split_from = $from_id,
    n.unindexed = true
RETURN n.id AS id

// name: correction_record
CREATE (c:Correction {id: $id})
SET c += $props
WITH c
OPTIONAL MATCH (n:Entity {id: $target})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CORRECTS]->(n))
RETURN c {.*} AS correction

// name: corrections_list
MATCH (c:Correction)
WHERE $id IS NULL OR c.into_id = $id OR c.from_id = $id OR c.new_id = $id
RETURN c {.*} AS correction
ORDER BY c.at DESC, c.id
SKIP $offset LIMIT $limit
