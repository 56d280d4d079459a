"""One article: where it came from, its text, and every fact read from it with the span of its sentence."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import Repo
from api.problems import ErrorBody
from api.routes.common import EntityId
from api.routes.common import found_or_404 as _found
from graph.views import ArticleDetail

router = APIRouter(tags=["articles"])


@router.get("/articles/{id}", response_model=ArticleDetail,
            responses={404: {"model": ErrorBody, "description": "No such article"}})
async def article(id: EntityId, repo: Repo) -> ArticleDetail:
    return await run_in_threadpool(lambda: _found(repo.article(id), "article", id))
