"""Reading a followthemoney export back with the followthemoney library, as Aleph would: for the unit
tests of graph/export.py and the integration test of /export/ftm."""

from __future__ import annotations

import json
from typing import Any

from followthemoney import EntityProxy, model, registry


def read_back(lines: str) -> dict[str, dict[str, Any]]:
    """Every line as the followthemoney library reads it, strictly: a schema that exists and can
    be made, its required properties, no property the schema lacks, every value valid for its type
    and kept as written (a date FtM would drop, or rewrite, fails here), every entity a property
    names present in the export and of the schema the property wants, and each id once."""
    entities = [json.loads(line) for line in lines.splitlines()]
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "an id twice"
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity
        assert all(entity["properties"].get(name) for name in schema.required), entity
        schema.validate(entity)
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{schema.name} has no property {name}"
            for value in values:
                assert prop.type.validate(value), (entity["id"], name, value)
                if prop.type in (registry.date, registry.url, registry.country, registry.language):
                    assert prop.type.clean(value) == value, (entity["id"], name, value)
                if prop.type == registry.entity:
                    assert value in by_id, (entity["id"], name, value)
                    assert prop.range is not None and model.get(by_id[value]["schema"]).is_a(prop.range), \
                        (entity["id"], name, value)
        proxy = EntityProxy.from_dict(entity, cleaned=False)
        assert {k: sorted(v) for k, v in proxy.to_dict()["properties"].items()} == \
            {k: sorted(v) for k, v in entity["properties"].items()}, entity
    return by_id


def of(entities: dict[str, dict[str, Any]], schema: str) -> list[dict[str, Any]]:
    return [e for e in entities.values() if e["schema"] == schema]


def one(entities: dict[str, dict[str, Any]], schema: str, **wanted: str) -> dict[str, Any]:
    (found,) = [e for e in of(entities, schema)
                if all(value in e["properties"].get(key, []) for key, value in wanted.items())]
    return found
