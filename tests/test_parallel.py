"""Extraction in several processes (or with dask) gives what one process gives, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.batch import Extracted, Refusal, extract_one
from loaders.parallel import dask_available, extract_many, extract_with_dask

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    empty = tmp_path_factory.mktemp("odd") / "empty.txt"
    empty.write_bytes(b"")
    return [*sorted(FIXTURES.glob("*.txt"))[:6], empty]


def serial(paths: list[Path]) -> list[object]:
    return [r.document if isinstance(r, Extracted) else ("refused", r.path) for r in map(extract_one, paths)]


def summary(results: list[Extracted | Refusal]) -> list[object]:
    return [r.document if isinstance(r, Extracted) else ("refused", r.path) for r in results]


def test_process_pool_equals_serial(paths: list[Path]) -> None:
    results = extract_many(paths, workers=2, chunk_size=2)
    assert [r.path for r in results] == paths
    assert summary(results) == serial(paths)
    assert isinstance(results[-1], Refusal)  # an empty file is refused, not dropped


def test_one_worker_runs_in_process(paths: list[Path]) -> None:
    assert summary(extract_many(paths[:2], workers=1)) == serial(paths[:2])


@pytest.mark.skipif(not dask_available(), reason="dask is not installed (pip install 'guanxi[distributed]')")
def test_dask_bag_equals_serial(paths: list[Path]) -> None:
    results = extract_with_dask(paths, npartitions=3, scheduler="processes")
    assert summary(results) == serial(paths)


def test_a_newsrooms_lexicon_reaches_the_worker_processes(tmp_path: Path) -> None:
    from loaders.facts import load_user_lexicon

    story = tmp_path / "river.txt"
    story.write_text("巡河工作开展\n\n城关街道网格长张明华巡河。\n", encoding="utf-8")
    words = tmp_path / "newsroom.lex"
    words.write_text("[titles]\n网格长\n[roles]\n巡河 attended\n", encoding="utf-8")
    results = extract_many([story, story], workers=2, chunk_size=1, lexicon=load_user_lexicon(words))
    for result in results:
        assert isinstance(result, Extracted)
        assert [p.name for p in result.document.articles[0].people] == ["张明华"]
    plain = extract_one(story)
    assert isinstance(plain, Extracted) and plain.document.articles[0].people == []
