"""Each worker keeps the answers of the graph's read endpoints until the graph changes.

A warm ``/search`` costs Neo4j 2-4 ms of CPU and the worker another 2-3 ms, and on a machine whose
cores Neo4j and the workers share, that caps a server at a few hundred answers a second
(bench/README.md, "Many readers at once"). Readers ask the same things again (a person's page,
a name in the search box); an answer the graph has already given is sent again from memory as
long as the graph has not changed since.

Whether it changed is a token from Neo4j (graph/repository.py ``generation``: the bookmark of a
read, which names the last transaction committed): any write moves it, whoever made it (a loader, a
correction through this API, a restore, a hand-typed statement). A worker asks for it at most every
``api_cache_check_ms``, and only while requests come; a request waits for that question rather than
answer from a token older than that, and requests arriving while it is asked share it. So a write
shows in every worker's answers at most ``api_cache_check_ms`` after it commits (or one question's
round trip, if that is longer), and at once in the worker that took a write request itself. When
the token moves the worker's cache is emptied; while Neo4j cannot be asked, nothing is kept and
nothing is answered from memory. A load that keeps writing moves the token at every question: the
cache then helps little until it ends (bench/README.md, "Many readers at once, cached").

Only the GET endpoints whose answer depends on nothing but the path, the query string and the graph
(``CACHED_PATHS``) are kept; never a write, the audit trail, an export or the health check. A kept
answer is the exact bytes the app sent, with a strong ``ETag`` of them (``If-None-Match`` gets a 304)
and ``Cache-Control: no-cache``, so a browser may keep it but asks again. ``X-Cache`` says hit or miss.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)

# Route templates as the routers declare them (a test checks each is a GET route of the app).
CACHED_PATHS = (
    "/search",
    "/stats",
    "/people/{id}",
    "/people/{id}/timeline",
    "/people/{id}/contacts",
    "/people/{id}/career",
    "/events/{id}",
    "/organizations/{id}",
    "/organizations/{id}/officials",
    "/projects/{id}",
    "/articles/{id}",
    "/paths",
    "/graph/neighbourhood/{id}",
    "/places/{code}",
    "/places/{code}/officials",
    "/posts",
)
# Per kept answer besides its bytes: the key, the entry, the dictionary's slot.
ENTRY_OVERHEAD = 300
NO_CACHE = b"no-cache"

# Asked of the graph with the token the worker holds; returns the current one, or None when the
# graph cannot say (then nothing is kept).
GenerationSource = Callable[[str | None], str | None]
Key = tuple[str, bytes]


def path_pattern(templates: tuple[str, ...] = CACHED_PATHS) -> re.Pattern[str]:
    """One expression for all the templates: ``{id}`` is one path segment, as the routers read it."""
    parts = [re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(t)) for t in templates]
    return re.compile("^(?:" + "|".join(parts) + ")$")


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]  # the app's, with ETag and Cache-Control
    body: bytes
    etag: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + ENTRY_OVERHEAD


def make_entry(headers: list[tuple[bytes, bytes]], body: bytes) -> Entry:
    etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
    kept = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"cache-control")]
    return Entry([*kept, (b"etag", etag), (b"cache-control", NO_CACHE)], body, etag)


def _etag_matches(header: bytes, etag: bytes) -> bool:
    """``If-None-Match``: a list of tags (weak ones compared weakly, as RFC 9110 asks) or ``*``."""
    for tag in header.split(b","):
        tag = tag.strip()
        if tag == b"*" or tag.removeprefix(b"W/") == etag:
            return True
    return False


class ResponseCache:
    """ASGI middleware: the cache of one worker (one event loop; no locks needed)."""

    def __init__(self, app: Any, generation: GenerationSource, max_bytes: int, check_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self._source = generation
        self.max_bytes = max_bytes
        # A single answer may take an eighth of the room, so that one huge page cannot empty it.
        self.max_entry = max_bytes // 8
        self.check_s = check_s
        self._clock = clock
        self._paths = path_pattern()
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self.bytes = 0
        self.generation: str | None = None
        self._fresh_until = float("-inf")
        self._check: asyncio.Future[str | None] | None = None
        self._pending: dict[tuple[str, Key], asyncio.Future[Entry | None]] = {}
        self._failing = False
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method != "GET":
            try:
                await self.app(scope, receive, send)
            finally:
                if method not in ("HEAD", "OPTIONS"):
                    # What this worker just wrote (a correction) shows in its next answer.
                    self._fresh_until = float("-inf")
            return
        if not self._paths.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        generation = await self._current()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key: Key = (scope["path"], scope.get("query_string", b""))
        entry = self._entries.get(key)
        if entry is None and (generation, key) in self._pending:
            # The same question is being answered: wait for that answer rather than ask Neo4j twice
            # (every reader of a popular page, right after a write emptied the cache).
            entry = await asyncio.shield(self._pending[generation, key])
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            await _send(send, scope, entry, b"hit")
            return
        self.misses += 1
        await self._answer_and_keep(scope, receive, send, key, generation)

    async def _answer_and_keep(self, scope: Any, receive: Any, send: Any, key: Key, generation: str) -> None:
        waiting: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._pending.setdefault((generation, key), waiting)
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        entry: Entry | None = None
        try:
            await self.app(scope, receive, capture)
            if not start:
                return  # the app answered nothing; whatever is around us deals with that
            body = b"".join(chunks)
            if start["status"] != 200:
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            entry = make_entry(list(start.get("headers", [])), body)
            # Not kept if the graph moved on while this was read: it may be the older answer.
            if generation == self.generation and entry.size <= self.max_entry:
                self._keep(key, entry)
            await _send(send, scope, entry, b"miss")
        finally:
            if self._pending.get((generation, key)) is waiting:
                del self._pending[generation, key]
            waiting.set_result(entry)

    def _keep(self, key: Key, entry: Entry) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= dropped.size

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0

    async def _current(self) -> str | None:
        """The graph's token, asked again once ``check_s`` has passed since the last question began."""
        if self._clock() < self._fresh_until:
            return self.generation
        if self._check is None:
            self._check = asyncio.ensure_future(self._ask())
        # Shielded: a reader who hangs up must not cancel the question the others wait for.
        return await asyncio.shield(self._check)

    async def _ask(self) -> str | None:
        began = self._clock()
        try:
            found = await run_in_threadpool(self._source, self.generation)
        except Exception as exc:  # Neo4j down or refusing: answer from the graph, keep nothing
            if not self._failing:
                log.warning("response cache: cannot ask Neo4j whether the graph changed (%s); "
                            "answering from the graph until it can be asked", exc)
            self._failing = True
            found = None
        else:
            self._failing = False
        finally:
            self._check = None
        if found != self.generation:
            self.clear()
            self.generation = found
        self._fresh_until = began + self.check_s
        return found


async def _send(send: Any, scope: Any, entry: Entry, state: bytes) -> None:
    for name, value in scope.get("headers", ()):
        if name == b"if-none-match":
            if _etag_matches(value, entry.etag):
                await send({"type": "http.response.start", "status": 304,
                            "headers": [(b"etag", entry.etag), (b"cache-control", NO_CACHE), (b"x-cache", state)]})
                await send({"type": "http.response.body", "body": b""})
                return
            break
    await send({"type": "http.response.start", "status": 200, "headers": [*entry.headers, (b"x-cache", state)]})
    await send({"type": "http.response.body", "body": entry.body})


def install_response_cache(app: Any, settings: Any) -> None:
    """Keep the read endpoints' answers (settings ``api_cache``, ``api_cache_mb``, ``api_cache_check_ms``).

    Added after every other middleware, so outermost: an answer from memory passes none of them.
    """
    if not settings.api_cache or settings.api_cache_mb <= 0:
        return
    state = app.state.graph
    app.add_middleware(ResponseCache, generation=lambda known: state.repository().generation(known),
                       max_bytes=int(settings.api_cache_mb * 1024 * 1024),
                       check_s=max(0.0, settings.api_cache_check_ms / 1000))
