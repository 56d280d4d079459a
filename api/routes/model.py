"""The graph's shape as graph/model.py declares it: what a client may meet in a view, and what the
page calls each relationship, so that a new type needs no change in the page."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from graph.model import NODES, RELATIONSHIPS, Prop

router = APIRouter(tags=["model"])


class PropertyType(BaseModel):
    name: str
    type: str = Field(description="string, long, string[] or boolean")


class NodeLabel(BaseModel):
    label: str
    kind: str = Field(description="What the API calls such a node (a graph node's `kind`)")
    properties: list[PropertyType] = Field(description="What its `properties` may hold besides `id`")


class RelationshipType(BaseModel):
    type: str
    start: list[str] = Field(description="The labels of the nodes it starts from (a graph edge's `source`)")
    end: list[str] = Field(description="The labels of the nodes it points to (`target`)")
    properties: list[PropertyType]
    path: bool = Field(description="Connections (`/paths`) go through it; its `type` filter takes it")
    reads_as: str = Field(description="As the page names it: 出席, 任职 …")


class GraphModel(BaseModel):
    labels: list[NodeLabel]
    relationships: list[RelationshipType]


def _served(props: tuple[Prop, ...]) -> list[PropertyType]:
    return [PropertyType(name=p.name, type=p.type) for p in props if not p.hidden]


# Only what a view may hold: corrections and lookup keys are the graph's bookkeeping.
MODEL = GraphModel(
    labels=[NodeLabel(label=label, kind=spec.kind, properties=_served(spec.properties))
            for label, spec in NODES.items() if spec.kind],
    relationships=[RelationshipType(type=rtype, start=list(spec.start), end=list(spec.end),
                                    properties=_served(spec.properties), path=spec.path, reads_as=spec.reads_as)
                   for rtype, spec in RELATIONSHIPS.items()
                   if all(NODES[label].kind for label in (*spec.start, *spec.end))],
)


@router.get("/graph/model", response_model=GraphModel,
            summary="The node labels and relationship types of the graph, with their properties")
def graph_model() -> GraphModel:
    return MODEL
