"""Building the wheel as `pip wheel .` does from a fresh clone (tests/test_packaging.py and
tests/integration/test_installed_wheel.py)."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO_ROOT = Path(__file__).resolve().parents[1]
# What a clone never holds; only used when the tree is not a git checkout.
_NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git", ".venv", ".neo4j", ".env", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)


def clean_copy(dest: Path) -> Path:
    """The files a fresh clone would hold once the work in progress is committed.

    The tree itself is no fit: a stale build/ or egg-info there can put files into the wheel that
    a clone would not, and hide a file a clone lacks.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT, capture_output=True, check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        shutil.copytree(REPO_ROOT, dest, ignore=_NOT_IN_A_CLONE)
        return dest
    for name in filter(None, listed.split("\0")):
        source = REPO_ROOT / name
        if source.is_file():  # deleted but not yet committed
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def build_requirements_met() -> bool:
    """Whether this environment has what [build-system] requires, so pip need not fetch it."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for spec in pyproject["build-system"]["requires"]:
        requirement = Requirement(spec)
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


def build_wheel(workdir: Path) -> Path:
    """`pip wheel --no-deps` of a clean copy of the tree; the path of the one wheel it wrote."""
    source = clean_copy(workdir / "clone")
    out = workdir / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)]
    if build_requirements_met():
        command.append("--no-build-isolation")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout}\n{done.stderr}"
    (wheel,) = out.glob("guanxi-*.whl")
    return wheel
