"""The comparison endpoint for bench.api_throughput: FastAPI with nothing of ours behind it.

``GET /bare`` answers a small fixed model through the same machinery our routes use (a declared
response model, a sync route run in the thread pool), so the ratio guanxi/bare is what our own work
per request costs: the repository, the driver, Neo4j's answer, our models and middleware.
"""

from __future__ import annotations

from fastapi import FastAPI
from pydantic import BaseModel


class Bare(BaseModel):
    ok: bool
    name: str


app = FastAPI()


@app.get("/bare", response_model=Bare)
def bare() -> Bare:
    return Bare(ok=True, name="刘晓璐")
