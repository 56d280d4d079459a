"""Find people, organizations, projects and events by any part of a name or alias, and articles by
what their text says."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from api.deps import Repo
from graph.views import SearchHit, SearchKind

router = APIRouter(tags=["search"])


@router.get("/search", response_model=list[SearchHit])
async def search(
    repo: Repo,
    q: Annotated[str, Query(min_length=1, max_length=100, description="Any part of a name or alias, e.g. two characters; or a phrase an article says")],
    kind: Annotated[list[SearchKind] | None, Query(description="Only these kinds; repeat for several. Articles (found by their text) come after the names")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[SearchHit]:
    return await run_in_threadpool(repo.search, q, kinds=kind, limit=limit, offset=offset)
