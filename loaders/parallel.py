"""Extraction over many files in several processes, or on a Dask cluster.

Workers send back each Document as its JSON text, not pickled: pydantic writes and reads JSON
several times faster than pickle handles the same model graph (bench/README.md, "Where the time
goes"), and the parent's unpickling competed with the workers for the cores. Results come back in
the order of ``paths``, each an ``Extracted`` or a ``Refusal`` exactly as ``extract_one`` gives it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from guanxi.facts import Document
from loaders.batch import MAX_FILE_BYTES, Extracted, Refusal, extract_one
from loaders.facts.lexicon import Lexicon

# (path, Document JSON or None, refusal reason or None): cheap to send between processes.
Compact = tuple[str, str | None, str | None]


def extract_compact(path: str, max_bytes: int = MAX_FILE_BYTES, lexicon: Lexicon | None = None) -> Compact:
    result = extract_one(Path(path), max_bytes, lexicon=lexicon)
    if isinstance(result, Refusal):
        return path, None, result.reason
    return path, result.document.model_dump_json(), None


def _extract_chunk(paths: Sequence[str], max_bytes: int, lexicon: Lexicon | None) -> list[Compact]:
    return [extract_compact(p, max_bytes, lexicon) for p in paths]


def expand(item: Compact) -> Extracted | Refusal:
    path, text, reason = item
    if text is None:
        return Refusal(Path(path), reason or "refused")
    return Extracted(Path(path), Document.model_validate_json(text))


def _chunks(paths: Sequence[str], size: int) -> list[list[str]]:
    return [list(paths[i:i + size]) for i in range(0, len(paths), size)]


def extract_many(paths: Iterable[Path], workers: int = 2, chunk_size: int = 16,
                 max_bytes: int = MAX_FILE_BYTES, lexicon: Lexicon | None = None) -> list[Extracted | Refusal]:
    """Extract every file with ``workers`` processes (one: in this process, no pool)."""
    names = [str(p) for p in paths]
    if workers <= 1 or len(names) <= 1:
        return [expand(extract_compact(p, max_bytes, lexicon)) for p in names]
    # Chunks of files, not single files: one task per file would spend its time in the queue.
    chunks = _chunks(names, max(1, chunk_size))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = pool.map(_extract_chunk, chunks, [max_bytes] * len(chunks), [lexicon] * len(chunks))
        return [expand(item) for part in parts for item in part]


def dask_available() -> bool:
    return importlib.util.find_spec("dask") is not None


def extract_with_dask(paths: Iterable[Path], npartitions: int = 4, scheduler: Any = "processes",
                      max_bytes: int = MAX_FILE_BYTES, lexicon: Lexicon | None = None) -> list[Extracted | Refusal]:
    """The same with ``dask.bag`` (``pip install 'guanxi[distributed]'``).

    ``scheduler`` is passed to ``compute``: "processes" on this machine, or a
    ``dask.distributed.Client`` for a cluster (its workers need the project installed and the files
    at the same paths, e.g. on a shared volume).
    """
    import dask.bag as db

    names = [str(p) for p in paths]
    if not names:
        return []
    bag = db.from_sequence(names, npartitions=max(1, min(npartitions, len(names))))
    compact = bag.map(extract_compact, max_bytes=max_bytes, lexicon=lexicon).compute(scheduler=scheduler)
    return [expand(item) for item in compact]
