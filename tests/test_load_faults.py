"""`guanxi load` when Neo4j locks the login (AuthenticationRateLimit after another client's wrong
passwords), without a server: whenever the lock comes (at connect, while the schema is prepared, or
between two articles) the loader says so in one line and exits with its documented 2, no traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import ClientError
from rich.console import Console

from graph.writer import GraphWriter
from guanxi import loading
from guanxi.settings import Settings

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "013_web_township_signing.txt"


def rate_limited() -> ClientError:
    error = ClientError("The client has provided incorrect authentication details too many times in a row.")
    error._neo4j_code = "Neo.ClientError.Security.AuthenticationRateLimit"  # as the driver hydrates it
    return error


class Locked:
    """A driver whose user Neo4j has locked: from the start, or only once a session is opened."""

    def __init__(self, at_connect: bool) -> None:
        self.at_connect = at_connect

    def verify_connectivity(self) -> None:
        if self.at_connect:
            raise rate_limited()

    @contextmanager
    def session(self, **_: object) -> Iterator[Any]:
        raise rate_limited()
        yield  # pragma: no cover

    def close(self) -> None:
        pass


def load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, driver: Locked) -> tuple[int, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    monkeypatch.setattr("graph.server.open_driver", lambda settings: driver)
    console = Console(record=True, width=200)
    code = loading.run_load([folder], Settings(), console)
    return code, console.export_text()


@pytest.mark.parametrize("at_connect", [True, False], ids=["at connect", "while preparing the schema"])
def test_a_locked_login_exits_2_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              at_connect: bool) -> None:
    code, text = load(tmp_path, monkeypatch, Locked(at_connect))
    assert code == loading.EXIT_NEO4J == 2, text
    assert "Neo4j refused the login" in text and "Traceback" not in text


def test_a_lock_between_articles_stops_the_load_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(GraphWriter, "prepare", lambda self: None)
    code, text = load(tmp_path, monkeypatch, Locked(at_connect=False))
    assert code == 2, text
    assert "Neo4j became unavailable while loading" in text and "refused the login" in text
    assert "Run the same command again" in text
