"""Faults answer clearly, without a server: 503s that name no path, host or driver message; a login
Neo4j refuses for a while (AuthenticationRateLimit) is a 503; impossible dates are 422 with the
reason; every error answer has a schema in OpenAPI; the key is checked before the body is parsed,
and repeated wrong keys are slowed down; /docs needs no network; a merged-away id points onwards."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError

from api.deps import get_repository
from api.main import create_app
from guanxi.editor_keys import MIN_KEY_LENGTH, add_editor, read_editors
from guanxi.settings import Settings

UNREACHABLE = {"detail": "The graph database is not reachable; try again shortly."}
KEY = "faults-test-key-0123456789"


def rate_limited() -> ClientError:
    error = ClientError("The client has provided incorrect authentication details too many times in a row.")
    error._neo4j_code = "Neo.ClientError.Security.AuthenticationRateLimit"  # as the driver hydrates it
    return error


class LockedOut:
    """Every call fails as the driver does while Neo4j locks the user after wrong passwords."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: object, **kwargs: object) -> Any:
            raise rate_limited()

        return fail


class Merged:
    def person(self, id: str, limit: int = 100) -> None:
        return None

    def timeline(self, id: str, **kwargs: object) -> None:
        return None

    def node(self, id: str) -> None:
        return None

    def merged_into(self, id: str) -> str | None:
        return "per-new" if id == "per-old" else None


def client_for(repo: object | None = None, **settings: Any) -> TestClient:
    app = create_app(Settings(**{"neo4j_uri": "bolt://127.0.0.1:9", "neo4j_password": "x", **settings}))
    if repo is not None:
        app.dependency_overrides[get_repository] = lambda: repo
    return TestClient(app, raise_server_exceptions=False)


def test_a_rate_limited_login_is_503_with_a_plain_message() -> None:
    with client_for(LockedOut()) as client:
        for path in ("/stats", "/people/per-1", "/search?q=周"):
            response = client.get(path)
            assert (response.status_code, response.json()) == (503, UNREACHABLE), path
            assert response.headers["Retry-After"]


def test_a_503_names_no_path_host_or_driver_message(tmp_path: Path) -> None:
    # A local instance that was never started: the driver cannot even be opened, and the reason
    # names the password file's path.
    never = Settings(home=tmp_path / "home", instance="never-started")
    with TestClient(create_app(never), raise_server_exceptions=False) as client:
        for path in ("/stats", "/people/per-1", "/search?q=周"):
            response = client.get(path)
            assert (response.status_code, response.json()) == (503, UNREACHABLE), path
            assert str(tmp_path) not in response.text and "password" not in response.text
    with client_for(connection_timeout_s=0.5, query_timeout_s=0.5) as client:
        response = client.get("/stats")
        assert (response.status_code, response.json()) == (503, UNREACHABLE)
        assert "127.0.0.1" not in response.text and ":9" not in response.text


@pytest.mark.parametrize(("query", "reason"), [
    ("from_date=2023-99-99", "the month must be 01 to 12"),
    ("to_date=2023-02-30", "that month has days 01 to 28"),
    ("from_date=2024-13", "the month must be 01 to 12"),
    ("from_date=2023-06-01&to_date=2023-05-01", "from_date 2023-06-01 is after to_date 2023-05-01"),
])
def test_impossible_dates_are_422_with_the_reason(query: str, reason: str) -> None:
    with client_for() as client:
        for url in (f"/people/per-1/timeline?{query}", f"/people/per-1/contacts?{query}",
                    f"/organizations/org-1/officials?{query}", f"/graph/neighbourhood/per-1?{query}",
                    f"/paths?from=per-1&to=org-1&{query}"):
            response = client.get(url)
            assert response.status_code == 422, (url, response.text)
            assert any(reason in issue["msg"] for issue in response.json()["detail"]), response.text


def test_every_error_answer_has_a_schema_with_its_detail() -> None:
    with client_for() as client:
        schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    checked: set[str] = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "503" in responses, (method, path)
            # Every POST writes, and so needs the key, but one marked as writing nothing (the export
            # of the view on screen only converts the body it is sent). One that acts on a node (a
            # correction) also says when there is no such node, and when it cannot be done.
            if method == "post" and operation.get("x-writes", True):
                assert {"401", "403", "422"} <= set(responses), (method, path)
                if "{id}" in path:
                    assert {"404", "409"} <= set(responses), (method, path)
            if "{id}" in path and method == "get" and not path.endswith("/corrections"):  # a list, maybe empty
                assert "404" in responses, (method, path)
            for status, answer in responses.items():
                # /health's 503 is its own answer: {"status": "degraded", "neo4j": false}.
                if not status.startswith(("3", "4", "5")) or path == "/health":
                    continue
                ref = answer["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
                assert "detail" in components[ref]["properties"], (method, path, status)
                checked.add(status)
    assert {"301", "401", "403", "404", "409", "422", "503"} <= checked


def test_the_key_is_checked_before_the_body_is_parsed() -> None:
    with client_for(api_key=KEY) as client:
        for body in (b"{not json", b'{"other_id": 5}', b""):
            response = client.post("/entities/per-1/merge", content=body,
                                   headers={"Content-Type": "application/json", "X-API-Key": "wrong-key-0123456789xx"})
            assert response.status_code == 401, body
        # With the key, the same bodies are refused for what they are.
        for body in (b"{not json", b'{"other_id": 5}'):
            response = client.post("/entities/per-1/merge", content=body,
                                   headers={"Content-Type": "application/json", "X-API-Key": KEY})
            assert response.status_code == 422, body


def test_keys_have_a_minimum_length() -> None:
    short = "k" * (MIN_KEY_LENGTH - 1)
    with client_for(api_key=short) as client:
        response = client.post("/entities/per-1/merge", json={"other_id": "per-2", "reason": "x"},
                               headers={"X-API-Key": short})
    assert response.status_code == 403 and "shorter than" in response.json()["detail"]


def test_repeated_wrong_keys_are_slowed_down() -> None:
    body = {"other_id": "per-2", "reason": "x"}
    with client_for(api_key=KEY) as client:
        answers = [client.post("/entities/per-1/merge", json=body, headers={"X-API-Key": f"guess-{n:020d}"})
                   for n in range(8)]
        codes = [a.status_code for a in answers]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, codes
        assert int(answers[-1].headers["Retry-After"]) >= 1
        # While it waits, even the right key is turned away: guessing on cannot pay.
        assert client.post("/entities/per-1/merge", json=body, headers={"X-API-Key": KEY}).status_code == 429


def test_editors_keys_are_kept_hashed_and_the_trail_names_their_owner(tmp_path: Path) -> None:
    keys = tmp_path / "editor-keys"
    key = add_editor(keys, "王编辑")
    assert len(key) >= MIN_KEY_LENGTH and key not in keys.read_text(encoding="utf-8")
    assert list(read_editors(keys).values()) == ["王编辑"]
    assert keys.stat().st_mode & 0o077 == 0

    made: list[str] = []

    class Recording:
        def merge_entities(self, into_id: str, from_id: str, by: str, reason: str, **_: Any) -> Any:
            made.append(by)
            raise KeyError("stop here")  # the editor is all this test needs

    with client_for(Recording(), editor_keys_file=keys) as client:
        client.post("/entities/per-1/merge", json={"other_id": "per-2", "reason": "x", "by": "someone else"},
                    headers={"X-API-Key": key, "X-Guanxi-User": "someone else"})
    assert made == ["王编辑"]


def test_a_merged_away_id_points_to_the_node_that_holds_its_facts() -> None:
    with client_for(Merged()) as client:
        moved = client.get("/people/per-old", follow_redirects=False)
        assert moved.status_code == 301
        assert moved.json()["merged_into"] == "per-new"
        assert moved.headers["location"] == "/people/per-new"
        assert moved.headers["cache-control"] == "no-store"
        path = client.get("/paths?from=per-old&to=per-x", follow_redirects=False)
        assert path.status_code == 301 and path.headers["location"] == "/paths?from=per-new&to=per-x"
        assert client.get("/people/per-gone", follow_redirects=False).status_code == 404


def test_docs_need_no_network() -> None:
    with client_for() as client:
        for page in ("/docs", "/redoc"):
            html = client.get(page).text
            urls = re.findall(r"""(?:src|href|url)\s*[=:(]\s*['"]([^'"]+)['"]""", html)
            assert urls, page
            for url in urls:
                assert not url.startswith(("http:", "https:", "//")), (page, url)
                assert client.get(url).status_code == 200, (page, url)


def test_the_api_never_imports_the_driver() -> None:
    # Driver errors are translated once, in graph/errors.py; a route that caught the driver's own
    # classes would answer differently from the others (and leak its messages).
    api = Path(__file__).resolve().parents[1] / "api"
    offenders = [f"{source.relative_to(api.parent)}: {line.strip()}"
                 for source in sorted(api.rglob("*.py"))
                 for line in source.read_text(encoding="utf-8").splitlines()
                 if re.match(r"\s*(from|import)\s+neo4j\b", line)]
    assert not offenders, offenders


def test_the_schema_says_why_a_422_comes() -> None:
    # A client generated from the schema learns the refusals from it, without trying them.
    with client_for() as client:
        schema = client.get("/openapi.json").json()
    dated = bodied = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            names = {p["name"] for p in operation.get("parameters", [])}
            refused = operation["responses"].get("422", {}).get("description", "")
            if "from_date" in names:
                dated += 1
                assert "does not exist" in refused and "from_date is after to_date" in refused, (method, path)
                for parameter in operation["parameters"]:
                    if parameter["name"] in ("from_date", "to_date"):
                        assert "refused with 422" in parameter["description"], (method, path)
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                bodied += 1
                assert "not JSON" in refused and "a field missing" in refused, (method, path)
            elif "requestBody" in operation:  # a file: what it must be
                assert "not" in refused and "reason" in refused, (method, path)
    assert dated >= 5 and bodied >= 4


def test_an_editor_given_a_key_by_the_cli_writes_under_their_own_name(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from guanxi.cli import app
    from guanxi.settings import get_settings

    keys = tmp_path / "editor-keys"
    monkeypatch.setenv("GUANXI_EDITOR_KEYS_FILE", str(keys))
    get_settings.cache_clear()
    try:
        added = CliRunner().invoke(app, ["editors", "add", "王编辑"])
        assert added.exit_code == 0, added.output
        key = added.stdout.strip().splitlines()[-1]
        assert len(key) >= MIN_KEY_LENGTH and key not in keys.read_text(encoding="utf-8")
        assert CliRunner().invoke(app, ["editors", "list"]).stdout.split() == ["王编辑"]

        made: list[str] = []

        class Recording:
            def merge_entities(self, into_id: str, from_id: str, by: str, reason: str, **_: Any) -> Any:
                made.append(by)
                raise KeyError("stop here")

        def merge() -> int:
            with client_for(Recording(), editor_keys_file=keys) as client:
                return client.post("/entities/per-1/merge", json={"other_id": "per-2", "reason": "x"},
                                   headers={"X-API-Key": key}).status_code

        merge()
        assert made == ["王编辑"]
        assert CliRunner().invoke(app, ["editors", "remove", "王编辑"]).exit_code == 0
        assert merge() == 403  # no editor and no shared key left: writes are off
        assert CliRunner().invoke(app, ["editors", "remove", "王编辑"]).exit_code == 1
    finally:
        get_settings.cache_clear()
