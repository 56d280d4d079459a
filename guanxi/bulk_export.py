"""The bulk path's job: extract every file, resolve the whole archive offline, write the CSV files.

Extraction splits by file and runs in processes (``export_archive``) or as a Dask bag
(``export_archive_dask``). The resolution pass and the fold (graph/bulk_csv.py) are one step over
every document: each decision depends on the ones before it in archive order, as each article of a
transactional load depends on what the articles before it stored. In the Dask job that step is one
task fed by the bag, so the whole export runs where the scheduler runs it (on a cluster, the CSV
files are written on the worker that runs it: give it a shared folder). Both give byte-identical
files for the same files, whatever order they are listed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.bulk_csv import ARRAY_DELIMITER, BulkGraph, CsvFiles, write_csv
from loaders.batch import MAX_FILE_BYTES, Extracted, Refusal
from loaders.facts.lexicon import Lexicon
from loaders.parallel import Compact, expand, extract_compact, extract_many


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and what it could not read (path, reason)."""

    files: CsvFiles
    documents: int
    articles: int
    nodes: dict[str, int]
    relationships: dict[str, int]
    refused: list[tuple[str, str]]


def fold_and_write(results: Iterable[Extracted | Refusal], out: Path, resolve: bool = True,
                   array_delimiter: str = ARRAY_DELIMITER) -> Exported:
    """The extracted documents resolved and folded into one graph, written as CSV files into ``out``."""
    graph = BulkGraph(resolve=resolve)
    refused: list[tuple[str, str]] = []
    for result in results:
        if isinstance(result, Refusal):
            refused.append((str(result.path), result.reason))
        else:
            graph.add_document(result.document)
    del results  # the graph holds the documents now, and lets go of each once folded
    files = write_csv(graph, out, array_delimiter)
    return Exported(files, graph.documents, graph.articles, {str(k): v for k, v in graph.node_counts().items()},
                    {str(k): v for k, v in graph.relationship_counts().items()}, refused)


def export_archive(paths: Sequence[Path], out: Path, workers: int = 1, lexicon: Lexicon | None = None,
                   resolve: bool = True, max_bytes: int = MAX_FILE_BYTES) -> Exported:
    """Extraction in ``workers`` processes (one: this process), then the pass here."""
    return fold_and_write(extract_many(paths, workers=workers, lexicon=lexicon, max_bytes=max_bytes), out, resolve)


def _fold_compact(compact: list[Compact], out: str, resolve: bool) -> Exported:
    return fold_and_write(map(expand, compact), Path(out), resolve)


def export_archive_dask(paths: Sequence[Path], out: Path, npartitions: int = 4, scheduler: Any = "processes",
                        lexicon: Lexicon | None = None, resolve: bool = True,
                        max_bytes: int = MAX_FILE_BYTES) -> Exported:
    """The same as one Dask job (``pip install 'guanxi[distributed]'``): extraction in ``npartitions``
    partitions of a bag, the pass as the task that takes them all. ``scheduler`` as for
    loaders.parallel.extract_with_dask ("processes", or a ``dask.distributed.Client``)."""
    import dask
    import dask.bag as db

    names = [str(p) for p in paths]
    if not names:
        return fold_and_write([], out, resolve)
    bag = db.from_sequence(names, npartitions=max(1, min(npartitions, len(names))))
    compact = bag.map(extract_compact, max_bytes=max_bytes, lexicon=lexicon)
    # A bag given to a delayed task arrives as the list of its items, in the order of ``names``.
    job = dask.delayed(_fold_compact)(compact, str(out), resolve)
    result: Exported = job.compute(scheduler=scheduler)
    return result
