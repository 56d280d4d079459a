"""The API app with a bounded thread pool for its sync routes (``bench.api_throughput --threads``).

FastAPI runs sync routes in AnyIO's worker threads, 40 at a time by default. This wrapper sets
that bound before the first request, to measure how throughput depends on it without touching
api/.
"""

from __future__ import annotations

import os
from typing import Any

import anyio.to_thread

from api.main import create_app

THREADS = int(os.environ.get("GUANXI_BENCH_THREADS", "40"))


class BoundedThreads:
    def __init__(self, inner: Any, threads: int) -> None:
        self.inner = inner
        self.threads = threads
        self.bounded = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self.bounded:  # the limiter belongs to the running event loop: set it from inside
            anyio.to_thread.current_default_thread_limiter().total_tokens = self.threads
            self.bounded = True
        await self.inner(scope, receive, send)


app = BoundedThreads(create_app(), THREADS)
