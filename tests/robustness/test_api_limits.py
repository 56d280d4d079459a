"""Limits and keys every client meets: bounded page sizes, hops and depths; bounded URLs and bodies;
write endpoints closed without the API key; query time limits on the driver."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from api.deps import get_repository
from api.main import create_app
from api.security import MAX_BODY_BYTES, MAX_QUERY_BYTES
from graph.corrections import EntityNotFound
from graph.errors import GraphQueryTimeout, translate_driver_errors
from guanxi.settings import Settings

# Upper bounds a client may ask for; beyond them one request could walk the whole graph.
CAPS = {"limit": 500, "max_hops": 6, "depth": 3, "k": 20, "offset": 100_000}
# Bulk export is for journalists' own tools: larger pages, still bounded.
EXPORT_LIMIT_CAP = 20_000

# An external address nothing listens on: the driver opens lazily, so no request here needs Neo4j.
OFFLINE = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="unused", api_key=None)


class NoSuchEntities:
    """A repository that knows no entity: a request that gets this far has passed authentication."""

    def merge_entities(self, id: str, *args: Any, **kwargs: Any) -> Any:
        raise EntityNotFound(id)

    def split_entity(self, id: str, *args: Any, **kwargs: Any) -> Any:
        raise EntityNotFound(id)


def client_with(settings: Settings) -> TestClient:
    app = create_app(settings)
    app.dependency_overrides[get_repository] = NoSuchEntities
    return TestClient(app)


@pytest.fixture
def offline_client() -> Iterator[TestClient]:
    with client_with(OFFLINE) as client:
        yield client


def write_operations(app: Any) -> list[tuple[str, str]]:
    return [(method, path) for path, ops in app.openapi()["paths"].items()
            for method, op in ops.items() if method in {"post", "put", "patch", "delete"} and op.get("x-writes", True)]


MERGE = ("post", "/entities/per-1/merge", {"other_id": "per-2", "reason": "same person"})


def test_every_write_endpoint_declares_the_api_key(offline_client: TestClient) -> None:
    schema = offline_client.app.openapi()  # type: ignore[attr-defined]
    writes = write_operations(offline_client.app)
    assert writes, "no write endpoint to guard"
    for method, path in writes:
        security = schema["paths"][path][method].get("security", [])
        assert any("APIKeyHeader" in s for s in security), (method, path)


def test_without_a_configured_key_writes_are_disabled_with_403(offline_client: TestClient) -> None:
    method, path, body = MERGE
    for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "anything"}):
        response = offline_client.request(method, path, json=body, headers=headers)
        assert response.status_code == 403
        assert "Writes are disabled" in response.json()["detail"]


def test_blank_key_in_settings_also_disables_writes() -> None:
    with client_with(OFFLINE.model_copy(update={"api_key": "   "})) as client:
        method, path, body = MERGE
        assert client.request(method, path, json=body, headers={"X-API-Key": "   "}).status_code == 403


def test_a_wrong_or_missing_key_is_401_and_the_right_one_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    import api.security

    compared: list[tuple[bytes, bytes]] = []
    real = api.security.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.security.hmac, "compare_digest", spy)
    with client_with(OFFLINE.model_copy(update={"api_key": "s3cret-key-0123456789"})) as client:
        method, path, body = MERGE
        for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": "s3cret-key-012345678"}, {"X-API-Key": "S3CRET-KEY-0123456789"}):
            response = client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, headers
            assert response.json()["detail"] == "A valid X-API-Key header is required for this request."
            assert "s3cret" not in response.text
        ok = client.request(method, path, json=body, headers={"X-API-Key": "s3cret-key-0123456789"})
        assert ok.status_code == 404  # authenticated; the fake repository knows no such entity
    assert (b"s3cret-key-0123456789", b"s3cret-key-0123456789") in compared  # the comparison is the constant-time one


def test_page_sizes_hops_and_depths_are_capped_in_the_schema_and_enforced(offline_client: TestClient) -> None:
    schema = offline_client.app.openapi()  # type: ignore[attr-defined]
    checked = 0
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for param in op.get("parameters", []):
                name = param["name"]
                if name not in CAPS:
                    continue
                spec = param["schema"]
                spec = next((s for s in spec.get("anyOf", [spec]) if s.get("type") == "integer"), spec)
                assert "maximum" in spec, f"{method.upper()} {path}: {name} has no upper bound"
                cap = EXPORT_LIMIT_CAP if path.startswith("/export") and name == "limit" else CAPS[name]
                assert spec["maximum"] <= cap, f"{method.upper()} {path}: {name} up to {spec['maximum']}"
                # A request that needs a key (a watchlist's) is refused for that before its
                # parameters are read: its cap is checked in the schema above.
                if method == "get" and "{" not in path and not op.get("security"):
                    response = offline_client.get(path, params={name: spec["maximum"] + 1, "q": "区",
                                                                "from": "a", "to": "b"})
                    assert response.status_code == 422, (path, name)
                checked += 1
    assert checked >= 5


def test_overlong_urls_and_bodies_are_refused_before_parsing(offline_client: TestClient) -> None:
    response = offline_client.get("/search", params={"q": "区" * (MAX_QUERY_BYTES // 3 + 10)})
    assert response.status_code == 414 and "longer than" in response.json()["detail"]
    method, path, body = MERGE
    big = {**body, "reason": "x" * (MAX_BODY_BYTES + 1)}
    response = offline_client.request(method, path, json=big, headers={"X-API-Key": "k"})
    assert response.status_code == 413 and "larger than" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"other_id": "per-2", "reason": "'
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"x" * 1024
        yield b'"}'

    # A body that declares no length is counted as it arrives, once the key let it be read.
    key = "limits-test-key-0123456789"
    with client_with(OFFLINE.model_copy(update={"api_key": key})) as client:
        response = client.post(path, content=chunks(), headers={"X-API-Key": key, "Content-Type": "application/json"})
    assert response.status_code == 413


def test_the_apps_repository_runs_every_read_with_the_configured_time_limit() -> None:
    settings = OFFLINE.model_copy(update={"query_timeout_s": 2.5})
    app = create_app(settings)
    repository = app.state.graph.repository()
    try:
        assert repository.query_timeout_s == 2.5
        driver = repository.driver
        assert driver._pool.pool_config.connection_timeout == settings.connection_timeout_s
    finally:
        app.state.graph.close()


@pytest.mark.integration
def test_a_query_past_its_time_limit_is_stopped_by_the_server(driver: neo4j.Driver,
                                                              neo4j_settings: Settings) -> None:
    slow = neo4j.Query("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n", timeout=1.0)
    with pytest.raises(GraphQueryTimeout), translate_driver_errors(), driver.session(
        database=neo4j_settings.neo4j_database
    ) as session:
        session.run(slow).consume()
