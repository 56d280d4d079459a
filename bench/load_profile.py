"""Where an article's load time goes: per query, client CPU, and server CPU per server thread.

``python -m bench.load_profile --n 200 --seed 101`` writes N newly generated documents onto the graph
the bench instance already holds (run bench.load_throughput first; nothing is deleted) with one
GraphWriter, and prints:

- wall time, client CPU and server CPU per article (server CPU read from /proc for the local
  instance, so only for a server this project started);
- the server's CPU by thread kind (Bolt workers run the queries; IndexUpdating applies the
  eventually consistent full-text index; compiler threads are the JIT; exited threads are mostly
  Lucene merges);
- seconds per article spent in each resolution query and in the article's write query;
- the slowest documents, and the LookupKeys that list the most nodes (a key read or extended by an
  article costs in proportion to its list).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.harness import BENCH_BOLT_PORT, BENCH_INSTANCE, machine_note, print_table
from bench.load_throughput import extract_documents
from graph.lookup import Neo4jLookup
from graph.server import LocalNeo4j, open_driver
from graph.writer import GraphWriter
from guanxi.settings import Settings

_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(stat: str) -> float:
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def server_cpu(pid: int) -> tuple[float, Counter[str]]:
    """The process's CPU seconds, and per live thread kind (digits folded: BoltWorker-#)."""
    threads: Counter[str] = Counter()  # values are CPU seconds
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
        except FileNotFoundError:
            continue  # a thread that ended meanwhile
        kind = re.sub(r"\d+", "#", stat[stat.index("(") + 1:stat.rindex(")")])
        threads[kind] += _cpu_seconds(stat)  # type: ignore[assignment]
    return _cpu_seconds(Path(f"/proc/{pid}/stat").read_text()), threads


@contextmanager
def timed_queries(spent: dict[str, list[float]]) -> Iterator[None]:
    """Time every resolution query and every article write while the block runs."""
    run, statements = Neo4jLookup._run, GraphWriter._run_statements

    def lookup_run(self: Neo4jLookup, name: str, **params: Any) -> list[dict[str, Any]]:
        start = time.perf_counter()
        try:
            return run(self, name, **params)
        finally:
            spent[name].append(time.perf_counter() - start)

    def write(tx: Any, stmts: list[tuple[str, dict[str, Any]]], result: Any) -> None:
        start = time.perf_counter()
        try:
            statements(tx, stmts, result)
        finally:
            spent["article write (one query)"].append(time.perf_counter() - start)

    Neo4jLookup._run = lookup_run  # type: ignore[method-assign]
    GraphWriter._run_statements = staticmethod(write)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Neo4jLookup._run = run  # type: ignore[method-assign]
        GraphWriter._run_statements = statements  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="documents to generate and write")
    parser.add_argument("--seed", type=int, default=101, help="use a seed the graph was not loaded with")
    parser.add_argument("--corpus", type=Path, help="a folder written by bench.corpus, instead of generating")
    parser.add_argument("--instance", default=BENCH_INSTANCE)
    parser.add_argument("--bolt-port", type=int, default=BENCH_BOLT_PORT)
    args = parser.parse_args(argv)

    settings = Settings().model_copy(update={"instance": args.instance, "bolt_port": args.bolt_port})
    pid_file = LocalNeo4j(settings).pid_file
    docs = extract_documents(args, workers=2)
    spent: dict[str, list[float]] = defaultdict(list)
    with open_driver(settings) as driver:
        writer = GraphWriter(driver, settings.neo4j_database)
        writer.prepare()  # an older graph gets its schema and keys first, outside the timing
        pid = int(pid_file.read_text()) if pid_file.exists() else None
        server_before = server_cpu(pid) if pid else (0.0, Counter())
        start, client = time.perf_counter(), time.process_time()
        slowest: list[tuple[float, str, int]] = []
        with timed_queries(spent):
            for doc in docs:
                began = time.perf_counter()
                writer.write_document(doc, settle=False)
                slowest.append((time.perf_counter() - began, doc.source, len(doc.articles)))
        wall, client = time.perf_counter() - start, time.process_time() - client
        server_after = server_cpu(pid) if pid else (0.0, Counter())
        writer.settle()
        biggest = driver.execute_query(
            "MATCH (k:LookupKey) WITH k, size(k.ids) AS n ORDER BY n DESC LIMIT 8 RETURN k.key AS key, n",
            database_=settings.neo4j_database).records

    articles = max(1, sum(len(d.articles) for d in docs))
    per = 1000 / articles
    print(machine_note())
    print_table(["documents", "articles", "wall ms/article", "client CPU ms/article", "server CPU ms/article"],
                [[len(docs), articles, f"{wall * per:.1f}", f"{client * per:.1f}",
                  f"{(server_after[0] - server_before[0]) * per:.1f}" if pid else "n/a"]])
    if pid:
        threads = Counter({k: v - server_before[1].get(k, 0.0) for k, v in server_after[1].items()})
        ended = (server_after[0] - server_before[0]) - sum(threads.values())
        rows = [[name, f"{seconds * per:.2f}"] for name, seconds in threads.most_common(6)]
        rows.append(["threads that ended (Lucene merges)", f"{ended * per:.2f}"])
        print_table(["server thread", "CPU ms/article"], rows)
    print_table(["query", "calls/article", "ms/article", "p50 ms"],
                [[name, f"{len(times) / articles:.2f}", f"{sum(times) * per:.2f}",
                  f"{sorted(times)[len(times) // 2] * 1000:.2f}"]
                 for name, times in sorted(spent.items(), key=lambda kv: -sum(kv[1]))])
    print_table(["slowest document", "articles", "ms/article"],
                [[Path(source).name, n, f"{seconds * 1000 / max(1, n):.1f}"]
                 for seconds, source, n in sorted(slowest, reverse=True)[:5]])
    print_table(["LookupKey", "ids listed"], [[r["key"], r["n"]] for r in biggest])


if __name__ == "__main__":
    main()
