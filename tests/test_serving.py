"""`guanxi serve`: one worker per core unless told otherwise, from the environment or the command line."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

import guanxi.serving
from guanxi.cli import app
from guanxi.settings import get_settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_uvicorn_run(target: str, **kwargs: Any) -> None:
        calls.append({"target": target, **kwargs})

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_uvicorn_run)
    monkeypatch.setattr(guanxi.serving, "default_workers", lambda: 3)
    for name in ("GUANXI_API_WORKERS", "GUANXI_API_ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield calls
    get_settings.cache_clear()


def test_serve_uses_one_worker_per_core_by_default(served: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (call,) = served
    assert call["target"] == "api.main:app"  # an import string: each worker imports the app itself
    assert call["workers"] == 3
    assert call["port"] == 8123
    assert call["access_log"] is False
    assert "3 workers" in " ".join(result.output.split())


def test_workers_and_access_log_from_the_environment(served: list[dict[str, Any]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUANXI_API_WORKERS", "1")
    monkeypatch.setenv("GUANXI_API_ACCESS_LOG", "true")
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert served[0]["workers"] == 1
    assert served[0]["access_log"] is True


def test_the_command_line_wins_over_the_environment(served: list[dict[str, Any]],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUANXI_API_WORKERS", "1")
    result = CliRunner().invoke(app, ["serve", "--workers", "2", "--no-access-log"])
    assert result.exit_code == 0, result.output
    assert served[0]["workers"] == 2
    assert served[0]["access_log"] is False


def test_default_workers_is_the_cores_this_process_may_use() -> None:
    assert guanxi.serving.default_workers() >= 1
