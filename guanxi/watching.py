"""`guanxi load --watch FOLDER`: load what arrives in a folder, until interrupted.

The loader already merges an article it has seen (by its story's fingerprint), so loading a file
twice costs time but no duplicate. The watch keeps a small state (each file's size and modification
time when it was loaded) so that a file that has not changed is not even read again: a newsroom's
drop folder grows to thousands of pages, and re-reading them every minute would be most of the work.

A file is remembered once the load that took it ended with Neo4j still there: loaded or refused
alike (a refused file is refused again until it changes). When Neo4j was lost, nothing of that round
is remembered, and the next round tries again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from loaders.batch import gather

EXIT_NEO4J = 2  # guanxi.loading's; repeated here so the watch imports no Neo4j code

# (size, modification time in ns): what a file was when it was loaded.
Signature = tuple[int, int]


@dataclass
class WatchSummary:
    rounds: int = 0
    loads: int = 0  # rounds that found something new
    files: int = 0  # files handed to the loader (and remembered)
    failed_rounds: int = 0  # rounds whose load ended with Neo4j lost (retried next round)
    interrupted: bool = False


def state_path(home: Path, folder: Path) -> Path:
    """Where the watch of ``folder`` keeps its state: under the settings' home, not in the folder
    (the folder may be a share other tools read)."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return home / "watch" / f"{key}.json"


def _read_state(path: Path) -> dict[str, Signature]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("files", {}) if isinstance(raw, dict) else {}
    return {name: (int(sig[0]), int(sig[1])) for name, sig in files.items()
            if isinstance(sig, list) and len(sig) == 2}


def _write_state(path: Path, folder: Path, state: dict[str, Signature]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    data = {"folder": str(folder.resolve()), "files": {k: list(v) for k, v in sorted(state.items())}}
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)


def _signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def new_files(folder: Path, state: dict[str, Signature], settle_s: float = 0.0) -> list[tuple[Path, Signature]]:
    """The article files under ``folder`` that are new or changed since they were loaded, less those
    changed in the last ``settle_s`` seconds: a page still being copied in waits for the next round."""
    out = []
    recent = time.time_ns() - int(settle_s * 1e9)
    for path in gather([folder]).files:
        sig = _signature(path)
        if sig is not None and state.get(os.fspath(path.resolve())) != sig and sig[1] <= recent:
            out.append((path, sig))
    return out


def watch(
    folder: Path,
    load: Callable[[list[Path]], int],
    state_file: Path,
    interval_s: float,
    rounds: int | None = None,
    sleep: Callable[[float], None] | None = None,
    on_idle: Callable[[int], None] | None = None,
    settle_s: float = 1.0,
) -> WatchSummary:
    """Load what is new under ``folder`` every ``interval_s`` seconds until Ctrl-C (or ``rounds``
    rounds, for tests). ``load`` is `guanxi load` for a list of files and returns its exit code."""
    summary = WatchSummary()
    state = _read_state(state_file)
    try:
        while rounds is None or summary.rounds < rounds:
            if summary.rounds:
                (sleep or time.sleep)(interval_s)
            summary.rounds += 1
            found = new_files(folder, state, settle_s)
            if not found:
                if on_idle is not None:
                    on_idle(summary.rounds)
                continue
            summary.loads += 1
            code = load([path for path, _ in found])
            if code == EXIT_NEO4J:
                summary.failed_rounds += 1
                continue
            for path, sig in found:
                state[os.fspath(path.resolve())] = sig
            summary.files += len(found)
            _write_state(state_file, folder, state)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary
