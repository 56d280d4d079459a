"""How the API is served: `guanxi serve`, and the throughput benchmark, which serves its bare
comparison endpoint through the same function so that both run under identical settings.

One worker process per core by default. A request costs the API process several milliseconds of
Python (routing, validation, the driver, the JSON), and one interpreter runs that on one core at a
time; several workers are what lets a second reader's request use the second core
(bench/README.md, "Many readers at once").
"""

from __future__ import annotations

import os


def default_workers() -> int:
    """One per core this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def serve(app: str, host: str, port: int, workers: int | None = None, access_log: bool = False,
          log_level: str = "info") -> None:
    """Serve the ASGI app at the import string ``app`` ("module:attribute") until stopped.

    Each worker imports the app itself and so reads the same settings from the environment (and
    .env) as a single process would; the app opens its own Neo4j driver in each worker.
    """
    import uvicorn

    uvicorn.run(
        app,
        host=host,
        port=port,
        workers=workers or default_workers(),
        log_level=log_level,
        # A log line per request costs the worker about as much as a small answer's JSON; Neo4j
        # and the app's own warnings and errors are logged either way.
        access_log=access_log,
        # Many clients connecting at once (a newsroom's page load, a benchmark's 64 connections)
        # must not be refused while the workers start.
        backlog=2048,
    )
