"""`guanxi load --url` names the address of one file: with more, nothing is loaded."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from guanxi.loading import EXIT_REFUSED, run_load
from guanxi.settings import Settings


def test_url_with_two_files_is_refused_before_anything_is_loaded(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("标题\n正文。\n", encoding="utf-8")
    console = Console(record=True, width=200)
    # No Neo4j at this address: the refusal comes before any connection is tried.
    settings = Settings(neo4j_uri="bolt://127.0.0.1:1", neo4j_password="x")
    assert run_load([tmp_path], settings, console, url="https://example.cn/1") == EXIT_REFUSED
    assert "--url names the address of one file; 2 files were given" in console.export_text()
