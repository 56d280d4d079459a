"""The wheel holds everything an installed `guanxi` reads at run time, and an installed `guanxi`
keeps its Neo4j out of site-packages. Installing and running the wheel: tests/integration/test_installed_wheel.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import guanxi.settings
from graph.cypher import CYPHER_DIR
from graph.server import POM_PATH
from guanxi.settings import REPO_ROOT, Settings


def _data_files(pattern: str) -> list[Path]:
    found = sorted(REPO_ROOT.glob(pattern))
    assert found, f"nothing in the tree matches {pattern}"
    return found


@pytest.mark.parametrize("pattern", ["cypher/*.cypher", "loaders/lexicons/*.txt", "api/static/*"])
def test_the_wheel_holds_every_data_file_as_it_is_in_the_tree(guanxi_wheel: Path, pattern: str) -> None:
    with zipfile.ZipFile(guanxi_wheel) as wheel:
        names = set(wheel.namelist())
        for path in _data_files(pattern):
            name = path.relative_to(REPO_ROOT).as_posix()
            assert name in names, f"{name} is not in {guanxi_wheel.name}"
            assert wheel.read(name) == path.read_bytes(), f"{name} differs from the tree's"


def test_the_wheel_holds_the_pom_the_local_server_is_fetched_with(guanxi_wheel: Path) -> None:
    with zipfile.ZipFile(guanxi_wheel) as wheel:
        assert POM_PATH.relative_to(REPO_ROOT).as_posix() in wheel.namelist()


def test_the_wheel_holds_the_command_and_nothing_of_the_tests(guanxi_wheel: Path) -> None:
    with zipfile.ZipFile(guanxi_wheel) as wheel:
        names = wheel.namelist()
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        assert "guanxi = guanxi.cli:app" in wheel.read(entry_points).decode()
    top_level = {name.split("/")[0] for name in names if "/" in name}
    assert top_level - {name for name in top_level if name.endswith(".dist-info")} == {
        "api", "cypher", "graph", "guanxi", "loaders"
    }


def test_queries_are_read_through_the_package() -> None:
    # In the clone the package is the top-level folder itself; installed, it is site-packages/cypher.
    assert Path(str(CYPHER_DIR)).resolve() == REPO_ROOT / "cypher"


def test_a_clone_keeps_its_server_in_the_clone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GUANXI_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert guanxi.settings.SOURCE_TREE == REPO_ROOT
    assert Settings().home == REPO_ROOT / ".neo4j"


def test_an_installed_guanxi_keeps_its_server_in_the_current_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("GUANXI_HOME", raising=False)
    monkeypatch.setattr(guanxi.settings, "SOURCE_TREE", None)
    monkeypatch.chdir(tmp_path)
    assert Settings().home == tmp_path / ".neo4j"
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path / "elsewhere"))
    assert Settings().home == tmp_path / "elsewhere"
