"""The FastAPI app: ``uvicorn api.main:app`` (or ``create_app()`` in tests)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api.cache import install_response_cache
from api.deps import GraphState, lifespan
from api.errors import install_error_handlers
from api.problems import UNAVAILABLE
from api.routes import all_routers
from api.security import install_request_limits
from guanxi.settings import Settings, get_settings

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    # /docs and /redoc from files the app serves itself: they work with no network.
    app = FastAPIOffline(
        title="guanxi",
        summary="Officials, companies, projects and events from Chinese local government news.",
        version="0.1.0",
        lifespan=lifespan,
        responses=UNAVAILABLE,
        static_url="/docs-assets",
    )
    settings = settings or get_settings()
    app.state.graph = GraphState(settings)
    install_error_handlers(app)
    install_request_limits(app)
    install_response_cache(app, settings)
    for router in all_routers():
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    return app


app = create_app()
