"""The API key that guards write endpoints; reads stay open.

Writes need the header ``X-API-Key`` equal to ``GUANXI_API_KEY`` (compared in constant time).
With no key configured, every write is refused: a server must opt in to accepting changes.

Also the request limits every endpoint shares (:func:`install_request_limits`): a bounded URL and
body, so no single request can make the server parse megabytes before validation says no.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import APIKeyHeader

from guanxi.settings import Settings, get_settings

_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="The server's GUANXI_API_KEY")


def _settings(request: Request) -> Settings:
    state = getattr(request.app.state, "graph", None)
    return getattr(state, "settings", None) or get_settings()


def require_api_key(request: Request, key: Annotated[str | None, Depends(_HEADER)] = None) -> None:
    expected = (_settings(request).api_key or "").strip()  # a blank key in .env means "no key"
    if not expected:
        raise HTTPException(status_code=403,
                            detail="Writes are disabled on this server: set GUANXI_API_KEY to allow them.")
    if not key or not hmac.compare_digest(key.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="A valid X-API-Key header is required for this request.",
                            headers={"WWW-Authenticate": "X-API-Key"})


# Every parameter is bounded well below this (ids 100, queries a few hundred characters); a longer
# query string is a mistake or an attack and is answered before any parsing.
MAX_QUERY_BYTES = 8 * 1024
# Write bodies are small JSON (a merge, a split of at most 500 article ids).
MAX_BODY_BYTES = 256 * 1024


class RequestLimits:
    """ASGI middleware: 414 for an over-long query string, 413 for an over-large body."""

    def __init__(self, app: Any, max_query_bytes: int = MAX_QUERY_BYTES,
                 max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_query_bytes = max_query_bytes
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query_bytes:
            await _answer(send, 414, f"The query string is longer than {self.max_query_bytes} bytes.")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            await _answer(send, 413, f"The request body is larger than {self.max_body_bytes} bytes.")
            return
        received = 0
        too_large = False

        async def bounded_receive() -> Any:
            # A chunked body declares no length: count what actually arrives.
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
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
            await _answer(send, 413, f"The request body is larger than {self.max_body_bytes} bytes.")


async def _answer(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def install_request_limits(app: FastAPI) -> None:
    app.add_middleware(RequestLimits)
