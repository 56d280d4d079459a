"""One entity with its facts and their sources."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import Repo
from api.routes.common import NOT_FOUND, DetailLimit, EntityId
from api.routes.common import found_or_404 as _found
from graph.repository import DETAIL_LIMIT
from graph.views import EventDetail, OrganizationDetail, PersonDetail, ProjectDetail

router = APIRouter(tags=["entities"])

@router.get("/people/{id}", response_model=PersonDetail, responses=NOT_FOUND)
async def person(id: EntityId, repo: Repo, limit: DetailLimit = DETAIL_LIMIT) -> PersonDetail:
    return await run_in_threadpool(lambda: _found(repo.person(id, limit), "person", id, repo))


@router.get("/events/{id}", response_model=EventDetail, responses=NOT_FOUND)
async def event(id: EntityId, repo: Repo, limit: DetailLimit = DETAIL_LIMIT) -> EventDetail:
    return await run_in_threadpool(lambda: _found(repo.event(id, limit), "event", id, repo))


@router.get("/organizations/{id}", response_model=OrganizationDetail, responses=NOT_FOUND)
def organization(id: EntityId, repo: Repo, limit: DetailLimit = DETAIL_LIMIT) -> OrganizationDetail:
    return _found(repo.organization(id, limit), "organization", id, repo)


@router.get("/projects/{id}", response_model=ProjectDetail, responses=NOT_FOUND)
def project(id: EntityId, repo: Repo, limit: DetailLimit = DETAIL_LIMIT) -> ProjectDetail:
    return _found(repo.project(id, limit), "project", id, repo)
