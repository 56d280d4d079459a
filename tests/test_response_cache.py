"""The response cache (api/cache.py) with a fake graph: what it keeps, for how long, and what it sends."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.cache import CACHED_PATHS, ResponseCache, make_entry, path_pattern
from api.main import create_app
from graph.errors import GraphUnavailable
from graph.views import PersonDetail, SearchHit
from guanxi.settings import Settings


class Graph:
    """A repository whose answers and generation token the test changes."""

    def __init__(self) -> None:
        self.token: str | None = "t1"
        self.down = False
        self.name = "周明远"
        self.calls = 0
        self.generation_calls = 0

    def generation(self, known: str | None = None) -> str | None:
        self.generation_calls += 1
        if self.down:
            raise GraphUnavailable("Neo4j is down")
        return self.token

    def ping(self) -> bool:
        return True

    def search(self, q: str, kinds: Any = None, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        self.calls += 1
        if self.down:
            raise GraphUnavailable("Neo4j is down")
        return [SearchHit(id="per-1", kind="person", name=self.name, description=f"{q} {limit}")]

    def person(self, id: str, limit: int = 100) -> PersonDetail | None:
        self.calls += 1
        return PersonDetail(id=id, name=self.name, person_kind="official") if id == "per-1" else None

    def merged_into(self, id: str) -> str | None:
        return None


def _run(coro):  # type: ignore[no-untyped-def]
    """Run a coroutine on its own loop in its own thread: the browser tests, earlier in the same
    process, leave an event loop running in the main thread, where asyncio.run refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _client(graph: Graph, **settings: Any) -> TestClient:
    app = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x", **settings))
    app.state.graph._repository = graph  # what the routes and the cache's generation both use
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def graph() -> Graph:
    return Graph()


@pytest.fixture
def client(graph: Graph) -> Iterator[TestClient]:
    with _client(graph, api_cache_check_ms=0) as test_client:
        yield test_client


def test_every_cached_path_is_an_open_read_route_of_the_app() -> None:
    paths = create_app(Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x")).openapi()["paths"]
    for template in CACHED_PATHS:
        assert "get" in paths[template], template
        assert "security" not in paths[template]["get"], template  # no key, no per-user answer
    for never in ("/health", "/corrections", "/corrections/{id}", "/entities/{id}/corrections", "/export/graphml"):
        assert never in paths and never not in CACHED_PATHS
    pattern = path_pattern()
    assert pattern.match("/people/per-1") and pattern.match("/people/per-1/timeline")
    assert not pattern.match("/people/per-1/corrections") and not pattern.match("/people/a/b")
    assert not pattern.match("/health") and not pattern.match("/search/x")


def test_a_second_read_comes_from_memory_byte_for_byte(client: TestClient, graph: Graph) -> None:
    first = client.get("/search", params={"q": "明远"})
    second = client.get("/search", params={"q": "明远"})
    assert first.status_code == second.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]
    assert first.headers["content-type"] == second.headers["content-type"] == "application/json"
    assert second.headers["cache-control"] == "no-cache"
    assert graph.calls == 1
    # Another query string is another answer.
    assert client.get("/search", params={"q": "明远", "limit": 5}).headers["x-cache"] == "miss"
    assert graph.calls == 2


def test_the_same_bytes_as_with_the_cache_off(graph: Graph) -> None:
    with _client(graph, api_cache=False) as off, _client(graph) as on:
        for path in ("/search?q=%E6%98%8E%E8%BF%9C", "/people/per-1", "/people/per-1?limit=3"):
            plain = off.get(path)
            assert "x-cache" not in plain.headers and "etag" not in plain.headers
            missed, hit = on.get(path), on.get(path)
            assert plain.content == missed.content == hit.content, path
            assert hit.headers["x-cache"] == "hit"
    assert graph.calls == 6  # three through the app without the cache, three misses


def test_a_new_generation_empties_the_cache(client: TestClient, graph: Graph) -> None:
    assert client.get("/people/per-1").json()["name"] == "周明远"
    graph.name, graph.token = "周明达", "t2"
    answer = client.get("/people/per-1")
    assert answer.headers["x-cache"] == "miss"
    assert answer.json()["name"] == "周明达"


def test_the_generation_is_asked_at_most_once_per_interval(graph: Graph) -> None:
    with _client(graph, api_cache_check_ms=60_000) as client:
        assert client.get("/people/per-1").json()["name"] == "周明远"
        asked = graph.generation_calls
        graph.name, graph.token = "周明达", "t2"  # a write by another process
        stale = client.get("/people/per-1")
        assert stale.headers["x-cache"] == "hit" and stale.json()["name"] == "周明远"
        assert graph.generation_calls == asked
        # A write through this worker: its next read asks again.
        assert client.post("/entities/per-1/merge", json={"other_id": "per-2", "reason": "x"}).status_code == 403
        fresh = client.get("/people/per-1")
        assert fresh.headers["x-cache"] == "miss" and fresh.json()["name"] == "周明达"
        assert graph.generation_calls == asked + 1


def test_if_none_match_gets_a_304(client: TestClient) -> None:
    first = client.get("/people/per-1")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = client.get("/people/per-1", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["cache-control"] == "no-cache"
    assert client.get("/people/per-1", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get("/people/per-1", headers={"If-None-Match": '"other"'}).status_code == 200
    # A miss compares too.
    assert client.get("/people/per-1?limit=2", headers={"If-None-Match": "*"}).status_code == 304


def test_only_answers_of_200_are_kept(client: TestClient, graph: Graph) -> None:
    assert client.get("/people/nobody").status_code == 404
    assert client.get("/people/nobody").status_code == 404
    assert graph.calls == 2
    assert client.get("/search", params={"q": ""}).status_code == 422


def test_paths_not_kept_pass_through(client: TestClient, graph: Graph) -> None:
    for _ in range(2):
        assert "x-cache" not in client.get("/health").headers
        assert "x-cache" not in client.get("/graph/model").headers


def test_nothing_is_kept_while_the_graph_cannot_be_asked(client: TestClient, graph: Graph) -> None:
    assert client.get("/people/per-1").headers["x-cache"] == "miss"
    graph.down = True
    down = client.get("/search", params={"q": "明远"})
    assert down.status_code == 503 and "x-cache" not in down.headers
    # An answer kept before is not given while Neo4j cannot say whether it still holds.
    assert "x-cache" not in client.get("/people/per-1").headers
    graph.down = False
    assert client.get("/people/per-1").headers["x-cache"] == "miss"


def test_no_generation_means_no_cache(client: TestClient, graph: Graph) -> None:
    graph.token = None
    client.get("/people/per-1")
    assert "x-cache" not in client.get("/people/per-1").headers
    assert graph.calls == 2


# --- the middleware alone ------------------------------------------------------------------------


class Counted:
    """An ASGI app answering its path's length in bytes, slowly enough for requests to overlap."""

    def __init__(self, delay_s: float = 0.0) -> None:
        self.delay_s = delay_s
        self.calls = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        await asyncio.sleep(self.delay_s)
        body = b"x" * int(scope["path"].rsplit("/", 1)[1])
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


async def _get(app: Any, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    await app({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}, receive, send)
    return sent[0]["status"], dict(sent[0]["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


def test_the_least_recently_used_answers_go_first() -> None:
    inner = Counted()
    size = make_entry([(b"content-type", b"text/plain"), (b"content-length", b"100")], b"x" * 100).size
    cache = ResponseCache(inner, lambda known: "t", max_bytes=int(8.5 * size), check_s=10)

    async def run() -> None:
        for n in range(100, 108):
            await _get(cache, f"/people/{n}")
        assert len(cache) == 8
        await _get(cache, "/people/100")  # used again: now the newest
        await _get(cache, "/people/108")
        kept = [k[0] for k in cache._entries]
        assert kept[0] == "/people/102" and kept[-2:] == ["/people/100", "/people/108"]
        assert "/people/101" not in kept and len(kept) == 8
        assert cache.bytes <= cache.max_bytes
        await _get(cache, f"/people/{size * 2}")  # more than an eighth of the room: answered, not kept
        assert len(cache) == 8 and f"/people/{size * 2}" not in [k[0] for k in cache._entries]

    _run(run())
    assert inner.calls == 10


def test_readers_of_one_missing_answer_share_one_question() -> None:
    inner = Counted(delay_s=0.05)
    asked = []

    def generation(known: str | None) -> str:
        asked.append(known)
        return "t"

    cache = ResponseCache(inner, generation, max_bytes=1 << 20, check_s=10)

    async def run() -> list[tuple[int, dict[bytes, bytes], bytes]]:
        return await asyncio.gather(*(_get(cache, "/people/10") for _ in range(20)))

    answers = _run(run())
    assert inner.calls == 1
    assert asked == [None]
    assert {a[2] for a in answers} == {b"x" * 10}
    assert sorted(a[1][b"x-cache"] for a in answers) == [b"hit"] * 19 + [b"miss"]


# --- the graph's side ----------------------------------------------------------------------------


class Recorded:
    """A driver whose sessions record how they were opened and answer every query with one row."""

    def __init__(self) -> None:
        self.sessions: list[dict[str, Any]] = []

    def session(self, **kwargs: Any) -> Recorded:
        self.sessions.append(kwargs)
        return self

    def __enter__(self) -> Recorded:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, *args: Any, **kwargs: Any) -> Recorded:
        return self

    def consume(self) -> None:
        return None

    def single(self) -> dict[str, int]:
        return {"ok": 1}

    def __iter__(self) -> Iterator[Any]:
        return iter([])

    def last_bookmarks(self) -> Any:
        return type("Bookmarks", (), {"raw_values": frozenset({"FB:x"})})()


def test_reads_ask_neo4j_for_no_notifications() -> None:
    # A graph loaded without PDFs has no pdf_page property: Neo4j warned about it at every person
    # page, and the driver logged each warning (4 kB) in the worker.
    from graph.repository import GraphRepository

    driver = Recorded()
    repo = GraphRepository(driver)  # type: ignore[arg-type]
    repo.ping()
    assert repo.generation() == "FB:x"
    repo.search("明远")
    assert driver.sessions
    assert all(s.get("notifications_min_severity") == "OFF" for s in driver.sessions), driver.sessions
