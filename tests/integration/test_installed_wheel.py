"""The wheel, installed (not editable) into a new venv and run from outside the tree: `guanxi
extract`, `guanxi load` and `guanxi serve` against the test Neo4j, with the queries, lexicons, page
and pom read from site-packages.

The new venv gets only the wheel (--no-deps); its dependencies come from the running environment's
site-packages, put behind the venv's own by a .pth line, so the test needs no index and no download.
A path line in a .pth does not run that folder's own .pth files: a dev venv's editable install of
the clone stays out.
"""

from __future__ import annotations

import json
import os
import signal
import site
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.server import uses_external_server
from guanxi.settings import REPO_ROOT, Settings

pytestmark = pytest.mark.integration

SEED = REPO_ROOT / "samples" / "001_hequan_weekly_signing.txt"
SEED_PERSON = "欧阳振华"
SERVE_START_TIMEOUT_S = 60.0

# Run by the installed interpreter: where every part of guanxi comes from.
_PROBE = """
import json
import api, cypher, graph, guanxi, loaders
import api.main, graph.cypher, graph.server, guanxi.settings, loaders.facts.lexicon
print(json.dumps({
    "modules": [m.__file__ for m in (api, cypher, graph, guanxi, loaders)],
    "data": [str(graph.cypher.CYPHER_DIR), str(loaders.facts.lexicon.LEXICON_DIR),
             str(api.main.STATIC_DIR), str(graph.server.POM_PATH)],
    "source_tree": guanxi.settings.SOURCE_TREE and str(guanxi.settings.SOURCE_TREE),
    "home": str(guanxi.settings.Settings().home),
}))
"""


def _scrubbed_env(**extra: str) -> dict[str, str]:
    """No PYTHONPATH (it would put the tree back in front) and no GUANXI_ settings but ``extra``."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("GUANXI_")}
    env.update({"COLUMNS": "200", "TERM": "dumb", **extra})
    return env


def _graph_env(settings: Settings) -> dict[str, str]:
    """The test Neo4j: the project's own instance under the clone's home, or the external server."""
    if uses_external_server(settings):
        return _scrubbed_env(GUANXI_NEO4J_URI=settings.neo4j_uri or "", GUANXI_NEO4J_USER=settings.neo4j_user,
                             GUANXI_NEO4J_PASSWORD=settings.neo4j_password or "",
                             GUANXI_NEO4J_DATABASE=settings.neo4j_database)
    return _scrubbed_env(GUANXI_HOME=str(settings.home), GUANXI_INSTANCE=settings.instance,
                         GUANXI_BOLT_PORT=str(settings.bolt_port), GUANXI_NEO4J_DATABASE=settings.neo4j_database)


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 180) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(guanxi_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed; its bin/ folder."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet",
         str(guanxi_wheel)],
        check=True, timeout=180, env={**_scrubbed_env(), "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=venv, env=_scrubbed_env()).strip()
    (Path(purelib) / "zz_test_dependencies.pth").write_text("".join(f"{path}\n" for path in site.getsitepackages()))
    return venv / "bin"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """Where the installed command runs: not the tree, so nothing can come from there."""
    return tmp_path


def test_an_installed_guanxi_reads_everything_from_its_package(installed: Path, workdir: Path) -> None:
    found = json.loads(_run([str(installed / "python"), "-c", _PROBE], cwd=workdir, env=_scrubbed_env()))
    site_packages = installed.parent / "lib"
    for path in found["modules"] + found["data"]:
        assert Path(path).resolve().is_relative_to(site_packages.resolve()), path
        assert not Path(path).resolve().is_relative_to(REPO_ROOT), path
    assert found["source_tree"] is None
    assert Path(found["home"]) == workdir.resolve() / ".neo4j"


def test_an_installed_guanxi_extracts_as_the_tree_does(installed: Path, workdir: Path) -> None:
    from_wheel = _run([str(installed / "guanxi"), "extract", "--json", str(SEED)], cwd=workdir, env=_scrubbed_env())
    from_tree = _run([sys.executable, "-c", "from guanxi.cli import app; app(prog_name='guanxi')",
                      "extract", "--json", str(SEED)], cwd=REPO_ROOT, env={**os.environ, "COLUMNS": "200"})
    assert json.loads(from_wheel) == json.loads(from_tree)
    assert SEED_PERSON in from_wheel


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def served(installed: Path, workdir: Path, neo4j_settings: Settings) -> Iterator[str]:
    """`guanxi serve` of the installed package, one worker; its base URL."""
    port = _free_port()
    log = workdir / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(installed / "guanxi"), "serve", "--port", str(port), "--workers", "1"],
            cwd=workdir, env=_graph_env(neo4j_settings), stdin=subprocess.DEVNULL, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVE_START_TIMEOUT_S
        while True:
            assert process.poll() is None, f"guanxi serve exited {process.returncode}:\n{log.read_text()}"
            try:
                if _get(f"{base}/health")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"guanxi serve did not answer:\n{log.read_text()}"
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def loaded(installed: Path, workdir: Path, empty_db: neo4j.Driver, neo4j_settings: Settings) -> neo4j.Driver:
    """The seed loaded by the installed `guanxi load` into the emptied test database."""
    _run([str(installed / "guanxi"), "load", str(SEED)], cwd=workdir, env=_graph_env(neo4j_settings))
    return empty_db


def test_an_installed_guanxi_loads_and_serves(
    installed: Path, loaded: neo4j.Driver, neo4j_settings: Settings, served: str
) -> None:
    records, _, _ = loaded.execute_query(
        "MATCH (p:Person {name: $name}) RETURN count(p) AS n", name=SEED_PERSON,
        database_=neo4j_settings.neo4j_database,
    )
    assert records[0]["n"] >= 1

    status, page = _get(f"{served}/")
    (index,) = installed.parent.glob("lib/python*/site-packages/api/static/index.html")
    assert status == 200 and page == index.read_bytes()
    assert _get(f"{served}/static/app.js")[0] == 200

    status, body = _get(f"{served}/search?q={urllib.parse.quote(SEED_PERSON)}")
    assert status == 200, body
    assert SEED_PERSON in {hit["name"] for hit in json.loads(body)}
