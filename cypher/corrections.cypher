// Manual corrections (graph/corrections.py). A Correction node records who changed what, when
// and why, and everything the change moved, so that it can be undone exactly; the writer reads
// merges and splits that are not undone back at every load (resolution.cypher).

// name: correction_node
MATCH (n:Entity {id: $id})
WHERE n:Person OR n:Organization OR n:Project
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases,
       properties(n) AS props

// Every relationship of a node, to be moved onto another. The other end is named by its id (and
// whether it is a Correction, which has no Entity label): element ids are reused after a delete, so
// a record of them would point at other relationships once the graph has changed. Its name and
// labels are for the preview a reader confirms (graph/corrections.py preview_merge).
// name: correction_relationships
MATCH (n:Entity {id: $id})-[r]-(x)
WHERE $article_ids IS NULL OR r.article_id IN $article_ids
RETURN elementId(r) AS rid, type(r) AS type, startNode(r) = n AS outgoing, x.id AS other_id,
       x:Correction AS other_correction, properties(r) AS props,
       coalesce(x.name, x.title, x.id) AS other_name, labels(x) AS other_labels

// Copies relationships onto the node `id`, each with all its properties.
// name: correction_copy_relationships
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Entity {id: row.other_id}) WHERE NOT row.other_correction
  RETURN x
  UNION
  MATCH (x:Correction {id: row.other_id}) WHERE row.other_correction
  RETURN x
}
CALL (n, x, row) {
  WITH n, x, row WHERE row.outgoing
  CREATE (n)-[r:$(row.type)]->(x)
  SET r = row.props
  RETURN r
  UNION
  WITH n, x, row WHERE NOT row.outgoing
  CREATE (x)-[r:$(row.type)]->(n)
  SET r = row.props
  RETURN r
}
RETURN count(r) AS copied

// name: correction_delete_relationships
UNWIND $rids AS rid
MATCH ()-[r]->() WHERE elementId(r) = rid
DELETE r

// The copies a correction made, found by what they state (type, direction, other end, properties
// but the load's bookkeeping, which a later load of the article renews), one for each row.
// name: correction_delete_copies
MATCH (n:Entity {id: $id})
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Entity {id: row.other_id}) WHERE NOT row.other_correction
  RETURN x
  UNION
  MATCH (x:Correction {id: row.other_id}) WHERE row.other_correction
  RETURN x
}
CALL (n, x, row) {
  MATCH (n)-[r]-(x)
  WHERE type(r) = row.type AND (startNode(r) = n) = row.outgoing
    AND all(k IN keys(row.props) WHERE k = 'load_id' OR r[k] = row.props[k])
    AND all(k IN keys(r) WHERE k = 'load_id' OR k IN keys(row.props))
  RETURN r
  LIMIT 1
}
DELETE r

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

// The LookupKeys of a node's names (as merge_lookup_keys in write.cypher), saying which keys did
// not list the node before, so that an undo takes the node off exactly those.
// name: correction_add_lookup_keys
MATCH (n:Entity {id: $id})
WITH n, CASE WHEN n:Person THEN 'per|' WHEN n:Organization THEN 'org|' WHEN n:Project THEN 'prj|' END AS kind
WHERE kind IS NOT NULL
UNWIND [x IN coalesce(n.search_names, []) | kind + x]
       + [x IN CASE WHEN n:Organization THEN coalesce(n.prefix_names, []) ELSE [] END | 'pre|' + x] AS key
WITH DISTINCT n, key
OPTIONAL MATCH (old:LookupKey {key: key})
WITH n, key, old
WHERE old IS NULL OR NOT n.id IN old.ids
MERGE (k:LookupKey {key: key})
ON CREATE SET k.ids = [n.id]
ON MATCH SET k.ids = CASE WHEN n.id IN k.ids THEN k.ids ELSE k.ids + n.id END
RETURN key

// name: correction_remove_lookup_keys
UNWIND $keys AS key
MATCH (k:LookupKey {key: key})
SET k.ids = [x IN k.ids WHERE x <> $id]
WITH k WHERE size(k.ids) = 0
DELETE k

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

// An undo puts a merged-away node back as it was: its labels and every property.
// name: correction_restore_node
MERGE (n:Entity {id: $props.id})
SET n = $props
SET n:$($labels)
RETURN n.id AS id

// name: correction_restore_properties
MATCH (n:Entity {id: $id})
SET n = $props

// name: correction_delete_node
MATCH (n:Entity {id: $id})
DETACH DELETE n

// name: correction_record
CREATE (c:Correction {id: $id})
SET c += $props
WITH c
OPTIONAL MATCH (n:Entity {id: $target})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CORRECTS]->(n))
RETURN c {.*, record: null} AS correction

// The record of one correction, with what it moved (`record`, JSON).
// name: correction_get
MATCH (c:Correction {id: $id})
RETURN c {.*} AS correction

// Corrections made after `at` that touch any of `ids` and are not undone: they stand on this
// one, so they are undone first.
// name: correction_later
MATCH (c:Correction)
WHERE c.at > $at AND c.undone_at IS NULL AND c.id <> $id
  AND (c.into_id IN $ids OR c.from_id IN $ids OR c.new_id IN $ids)
RETURN c.id AS id
ORDER BY c.at DESC

// name: correction_mark_undone
MATCH (c:Correction {id: $id})
SET c.undone_at = $at, c.undone_by = $by, c.undo_reason = $reason
RETURN c {.*, record: null} AS correction

// Where a merged-away id went: the newest merge of it that stands.
// name: correction_merged_into
MATCH (c:Correction {kind: 'merge', from_id: $id})
WHERE c.undone_at IS NULL
RETURN c.into_id AS into_id
ORDER BY c.at DESC
LIMIT 1

// name: corrections_list
MATCH (c:Correction)
WHERE $id IS NULL OR c.into_id = $id OR c.from_id = $id OR c.new_id = $id
RETURN c {.*, record: null} AS correction
ORDER BY c.at DESC, c.id
SKIP $offset LIMIT $limit

// Every correction, oldest first: for `guanxi entities corrections export`. Without its record,
// which names relationships by this database's element ids and means nothing in another.
// name: corrections_all
MATCH (c:Correction)
RETURN c {.*, record: null} AS correction
ORDER BY c.at, c.id

// A correction from an export, unless the graph holds it already; no row when it does.
// name: correction_import_new
OPTIONAL MATCH (old:Correction {id: $id})
WITH old WHERE old IS NULL
CREATE (c:Correction {id: $id})
SET c += $props
RETURN c.id AS id
