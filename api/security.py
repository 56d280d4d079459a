"""Who may write, and the request limits every endpoint shares.

Writes need the header ``X-API-Key``: an editor's own key (guanxi/editor_keys.py, kept hashed), or
the shared ``GUANXI_API_KEY``. The key's owner is who the audit trail names. With no key configured,
every write is refused: a server must opt in to accepting changes. A key shorter than
``MIN_KEY_LENGTH`` is no key. The key is checked before the body is read or parsed
(:class:`KeyFirstRoute`), and a client that keeps sending wrong keys is made to wait (429) for
longer and longer.

Also the request limits every endpoint shares (:func:`install_request_limits`): a bounded URL and
body, so no single request can make the server parse megabytes before validation says no.
"""

from __future__ import annotations

import hmac
import json
import math
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader
from starlette.responses import Response

from guanxi.editor_keys import MIN_KEY_LENGTH, owner_of, read_editors
from guanxi.settings import Settings, get_settings

_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False,
                       description="Your own editor key, or the server's GUANXI_API_KEY")
# The audit trail's name for whoever holds the shared key.
SHARED_KEY_OWNER = "GUANXI_API_KEY"
# Wrong keys a client may send before it waits; then 2, 4, 8 … seconds, at most WAIT_MAX_S.
FREE_FAILURES = 5
WAIT_MAX_S = 300.0
# A client that stops failing for this long starts over.
FORGET_AFTER_S = 900.0


def _settings(request: Request) -> Settings:
    state = getattr(request.app.state, "graph", None)
    return getattr(state, "settings", None) or get_settings()


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    wait_until: float = 0.0


class WrongKeyThrottle:
    """Counts wrong keys per client address; past FREE_FAILURES each one doubles the wait."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._by_client: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def wait_left(self, client: str) -> float:
        with self._lock:
            failures = self._by_client.get(client)
            return max(0.0, failures.wait_until - self.clock()) if failures else 0.0

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._by_client) > 10_000:  # a flood of addresses must not grow this without end
                self._by_client = {k: v for k, v in self._by_client.items() if now - v.last < FORGET_AFTER_S}
            failures = self._by_client.setdefault(client, _Failures())
            if now - failures.last > FORGET_AFTER_S:
                failures.count = 0
            failures.count += 1
            failures.last = now
            if failures.count >= FREE_FAILURES:
                failures.wait_until = now + min(WAIT_MAX_S, 2.0 ** (failures.count - FREE_FAILURES + 1))

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._by_client.pop(client, None)


def _throttle(request: Request) -> WrongKeyThrottle:
    throttle = getattr(request.app.state, "wrong_keys", None)
    if throttle is None:
        throttle = request.app.state.wrong_keys = WrongKeyThrottle()
    return throttle  # type: ignore[no-any-return]


def key_owner(request: Request) -> str:
    """The owner of the request's key, or the HTTPException that refuses it (401, 403 or 429)."""
    cached = getattr(request.state, "editor", None)
    if cached:
        return str(cached)
    settings = _settings(request)
    shared = (settings.api_key or "").strip()  # a blank key in .env means "no key"
    editors = read_editors(settings.editor_keys_path)
    if not editors and not shared:
        raise HTTPException(status_code=403, detail="Writes are disabled on this server: set GUANXI_API_KEY "
                                                    "or give editors keys (guanxi editors add) to allow them.")
    if not editors and len(shared) < MIN_KEY_LENGTH:
        raise HTTPException(status_code=403, detail=f"Writes are disabled on this server: GUANXI_API_KEY is "
                                                    f"shorter than {MIN_KEY_LENGTH} characters.")
    client = request.client.host if request.client else "unknown"
    throttle = _throttle(request)
    wait = throttle.wait_left(client)
    if wait > 0:
        raise HTTPException(status_code=429, detail="Too many wrong API keys from this address; wait and try again.",
                            headers={"Retry-After": str(math.ceil(wait))})
    key = request.headers.get("X-API-Key") or ""
    owner = owner_of(key, editors) if len(key) >= MIN_KEY_LENGTH else None
    if owner is None and len(shared) >= MIN_KEY_LENGTH and hmac.compare_digest(key.encode(), shared.encode()):
        owner = SHARED_KEY_OWNER
    if owner is None:
        throttle.failed(client)
        raise HTTPException(status_code=401, detail="A valid X-API-Key header is required for this request.",
                            headers={"WWW-Authenticate": "X-API-Key"})
    throttle.succeeded(client)
    request.state.editor = owner
    return owner


def require_api_key(request: Request, key: Annotated[str | None, Depends(_HEADER)] = None) -> str:
    """The dependency a write route declares (so OpenAPI shows the key); returns the key's owner."""
    return key_owner(request)


class KeyFirstRoute(APIRoute):
    """A route whose key is checked before its body is read: a client without a valid key learns
    nothing from how its body would have been parsed, and costs the server no parsing."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def key_first(request: Request) -> Response:
            key_owner(request)
            return await handler(request)

        return key_first


# Every parameter is bounded well below this (ids 100, queries a few hundred characters); a longer
# query string is a mistake or an attack and is answered before any parsing.
MAX_QUERY_BYTES = 8 * 1024
# Write bodies are small JSON (a merge, a split of at most 500 article ids).
MAX_BODY_BYTES = 256 * 1024
# But an investigation's file, which holds its graph with every sentence: a few megabytes.
LARGER_BODIES = {"/investigations/open": 8 * 1024 * 1024}


class RequestLimits:
    """ASGI middleware: 414 for an over-long query string, 413 for an over-large body."""

    def __init__(self, app: Any, max_query_bytes: int = MAX_QUERY_BYTES,
                 max_body_bytes: int = MAX_BODY_BYTES, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_query_bytes = max_query_bytes
        self.max_body_bytes = max_body_bytes
        self.larger = LARGER_BODIES if larger is None else larger

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query_bytes:
            await _answer(send, 414, f"The query string is longer than {self.max_query_bytes} bytes.")
            return
        most = self.larger.get(scope.get("path", ""), self.max_body_bytes)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > most):
            await _answer(send, 413, f"The request body is larger than {most} bytes.")
            return
        received = 0
        too_large = False

        async def bounded_receive() -> Any:
            # A chunked body declares no length: count what actually arrives.
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > most:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        started = False

        async def guarded_send(message: Any) -> None:
            # Once the body overflowed, the app's own answer (a parse error) is replaced by the 413.
            nonlocal started
            if too_large and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, bounded_receive, guarded_send)
        if too_large and not started:
            await _answer(send, 413, f"The request body is larger than {most} bytes.")


async def _answer(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def install_request_limits(app: FastAPI) -> None:
    app.add_middleware(RequestLimits)
