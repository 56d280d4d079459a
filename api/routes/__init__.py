"""The API's routers, one module per area; ``all_routers()`` is what the app mounts."""

from __future__ import annotations

from fastapi import APIRouter


def all_routers() -> list[APIRouter]:
    from api.routes import (
        articles,
        corrections,
        entities,
        explore,
        export,
        health,
        investigations,
        model,
        offices,
        search,
        watch,
    )

    return [*(module.router for module in (health, search, entities, articles, explore, model, offices,
                                              corrections, export, watch, investigations)),
            corrections.writes]
