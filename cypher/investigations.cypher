// Investigations (graph/investigations.py): a reader's named set of entities with notes and the
// graph view they were drawn in. Each is its owner's: every query names the owner.

// name: investigation_list
MATCH (i:Investigation {owner: $owner})
RETURN i {.id, .name, .created_at, .updated_at, entities: size(i.entity_ids)} AS investigation
ORDER BY i.updated_at DESC, i.id

// name: investigation_get
MATCH (i:Investigation {id: $id})
WHERE i.owner = $owner
RETURN i {.*} AS investigation

// Another of the owner's investigations with this name, if any: names are how a reader finds one.
// name: investigation_named
MATCH (i:Investigation {owner: $owner, name: $name})
WHERE i.id <> $id
RETURN i.id AS id
LIMIT 1

// name: investigation_create
CREATE (i:Investigation {id: $id})
SET i.owner = $owner, i.created_at = timestamp(), i.updated_at = timestamp(), i += $fields
RETURN i {.*} AS investigation

// name: investigation_update
MATCH (i:Investigation {id: $id})
WHERE i.owner = $owner
SET i += $fields, i.updated_at = timestamp()
RETURN i {.*} AS investigation

// name: investigation_delete
MATCH (i:Investigation {id: $id})
WHERE i.owner = $owner
DELETE i
RETURN $id AS id
