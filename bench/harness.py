"""What every benchmark shares: the corpus it runs on, the bench Neo4j, figures and tables."""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import neo4j

from bench.corpus import generate
from guanxi.settings import Settings

BENCH_INSTANCE = "bench"
BENCH_BOLT_PORT = 7689


@dataclass(frozen=True)
class CorpusText:
    name: str
    text: str

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def add_corpus_arguments(parser: argparse.ArgumentParser, default_n: int) -> None:
    parser.add_argument("--n", type=int, default=default_n, help="documents to generate (ignored with --corpus)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="a folder written by bench.corpus, instead of generating")


def corpus_texts(args: argparse.Namespace) -> list[CorpusText]:
    """The decoded documents: generated in memory, or read (and decoded) from --corpus."""
    if args.corpus is None:
        return [CorpusText(d.name, d.text) for d in generate(args.n, args.seed)]
    from loaders.decoding import decode_bytes

    texts = []
    for path in sorted(args.corpus.glob("*.txt")):
        text, _encoding = decode_bytes(path.read_bytes())
        texts.append(CorpusText(path.name, text))
    return texts


def bench_settings(port: int = BENCH_BOLT_PORT) -> Settings:
    """The separate local instance the load and query benchmarks use (never main or test):
    "bench" on ``port``, unless GUANXI_INSTANCE / GUANXI_BOLT_PORT name another.

    With GUANXI_NEO4J_URI set, that external server is used instead: its data is wiped!
    """
    settings = Settings()
    if settings.neo4j_uri:
        return settings
    # An instance named in the environment wins, so two engineers' benches on one machine need
    # not share (and wipe) the same "bench" instance.
    update: dict[str, object] = {}
    if "GUANXI_INSTANCE" not in os.environ:
        update["instance"] = BENCH_INSTANCE
    if "GUANXI_BOLT_PORT" not in os.environ:
        update["bolt_port"] = port
    return settings.model_copy(update=update)


def start_bench_server(settings: Settings) -> None:
    from graph.server import LocalNeo4j, uses_external_server

    if not uses_external_server(settings):
        outcome = LocalNeo4j(settings).start()
        state = "already running" if outcome.already_running else "started"
        print(f"Neo4j instance {settings.instance!r} {state} on {outcome.status.bolt_uri}")


def stop_bench_server(settings: Settings) -> None:
    from graph.server import LocalNeo4j, uses_external_server

    if not uses_external_server(settings) and LocalNeo4j(settings).stop():
        print(f"Neo4j instance {settings.instance!r} stopped")


def start_on_empty_database(settings: Settings) -> str:
    """The bench database empty, its server running; says how it was emptied.

    The project's own instance is stopped, its database's files deleted and the server started
    again: a new store, as a newsroom's first load meets, and a fresh server (cold JIT) for every
    run. A store emptied by deleting a 100k-article graph keeps a free list of millions of ids, and
    scanning it took a sixth of the server's time in a later load (bench/README.md). An external
    server is emptied by deleting its nodes.
    """
    from graph.server import LocalNeo4j, open_driver, uses_external_server

    if uses_external_server(settings):
        with open_driver(settings) as driver:
            empty_database(driver, settings.neo4j_database)
        return "deleted every node"
    server = LocalNeo4j(settings)
    server.stop()
    server.delete_database(settings.neo4j_database)
    server.start()
    return "deleted its files and started a fresh server"


def empty_database(driver: neo4j.Driver, database: str) -> None:
    """Delete everything in batches: relationships first, so no batch holds a county head's
    thousands of edges at once (a DETACH DELETE of 5000 such nodes ran out of transaction memory)."""
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` then ``t[0]`` holds the seconds taken."""
    holder: list[float] = []
    start = time.perf_counter()
    try:
        yield holder
    finally:
        holder.append(time.perf_counter() - start)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of unsorted values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def latency_row(values_s: Sequence[float]) -> tuple[str, str, str, str]:
    ms = [v * 1000 for v in values_s]
    return (f"{percentile(ms, 50):.1f}", f"{percentile(ms, 95):.1f}", f"{percentile(ms, 99):.1f}",
            f"{statistics.fmean(ms):.1f}" if ms else "nan")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Markdown table, so figures can be pasted into bench/README.md as they are."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    print("| " + " | ".join(cells[0]) + " |")
    print("|" + "|".join(" --- " for _ in headers) + "|")
    for row in cells[1:]:
        print("| " + " | ".join(row) + " |")


def machine_note() -> str:
    load = os.getloadavg()
    return (f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
