"""Load speed into Neo4j: documents/s, articles/s, relationships/s and time per article.

``python -m bench.load_throughput --sizes 1000,10000`` generates the largest size, extracts it
(two processes, not part of the load figures), empties the bench database (deletes its files and
starts a fresh server: bench/harness.py start_on_empty_database), ensures the schema,
then writes the documents with graph.writer.GraphWriter in order and prints one row per
checkpoint: the documents since the previous checkpoint, loaded into the graph as it stood.
``--again`` then writes the first checkpoint's documents a second time (the idempotent path:
MERGE finds everything, nothing is created).

By default the Neo4j is a separate local instance "bench" on Bolt port 7689, started if needed
and left running for bench.query_latency (``--stop`` stops it at the end). With GUANXI_NEO4J_URI
set, that server is used instead, and its nodes are deleted first.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import neo4j

from bench.extract_throughput import extract_chunk
from bench.harness import (
    add_corpus_arguments,
    bench_settings,
    corpus_texts,
    latency_row,
    machine_note,
    print_table,
    start_bench_server,
    start_on_empty_database,
    stop_bench_server,
    stopwatch,
)
from graph.server import open_driver
from graph.writer import GraphWriter, WriteSummary
from guanxi.facts import Document


def extract_documents(args: argparse.Namespace, workers: int) -> list[Document]:
    texts = corpus_texts(args)
    chunks = [texts[i:i + 25] for i in range(0, len(texts), 25)]
    with stopwatch() as took, ProcessPoolExecutor(max_workers=workers) as pool:
        docs = [Document.model_validate_json(text) for part in pool.map(extract_chunk, chunks) for text, _ in part]
    articles = sum(len(d.articles) for d in docs)
    print(f"extracted {len(docs)} documents, {articles} articles in {took[0]:.1f} s ({workers} processes; "
          f"not part of the load figures)")
    return docs


def graph_counts(driver: neo4j.Driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database).records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database).records[0]["c"]
    return int(nodes), int(rels)


def load(writer: GraphWriter, docs: Sequence[Document], writers: int = 1) -> tuple[float, WriteSummary, list[float]]:
    """Seconds, the summed write summary, and seconds per article of each document.

    ``writers`` > 1 writes documents from that many threads at once (still one transaction per
    article), so one article's round trips overlap another's server work.
    """
    total = WriteSummary()
    per_article: list[float] = []

    def one_document(doc: Document) -> tuple[WriteSummary, float]:
        with stopwatch() as one:
            summary = writer.write_document(doc, settle=False)
        summary.per_article.clear()  # keep memory flat on large runs
        return summary, one[0] / max(1, len(doc.articles))

    with stopwatch() as took, ThreadPoolExecutor(max_workers=max(1, writers)) as pool:
        results: Iterable[tuple[WriteSummary, float]] = (
            pool.map(one_document, docs) if writers > 1 else map(one_document, docs))
        for summary, seconds in results:
            total.add(summary)
            per_article.append(seconds)
        writer.settle()
    return took[0], total, per_article


def row(label: str, seconds: float, summary: WriteSummary, per_article: list[float]) -> list[str]:
    p50, p95, _p99, _mean = latency_row(per_article)
    return [label, str(summary.documents), str(summary.articles), f"{seconds:.1f}",
            f"{summary.documents / seconds:.1f}", f"{summary.articles / seconds:.1f}",
            f"{summary.relationships_created / seconds:.0f}", f"{seconds / max(1, summary.articles) * 1000:.1f}",
            p50, p95]


HEADERS = ["documents loaded", "documents", "articles", "seconds", "documents/s", "articles/s",
           "relationships/s", "ms/article", "p50 ms/article", "p95 ms/article"]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Load throughput into the bench Neo4j.")
    add_corpus_arguments(parser, default_n=0)
    parser.add_argument("--sizes", default="1000", help="checkpoints in documents, e.g. 1000,10000,100000")
    parser.add_argument("--workers", type=int, default=2, help="processes for the (untimed) extraction")
    parser.add_argument("--again", action="store_true", help="then write the first checkpoint's documents again")
    parser.add_argument("--keep", action="store_true", help="do not empty the database first")
    parser.add_argument("--writers", type=int, default=1, help="threads writing documents at once")
    parser.add_argument("--stop", action="store_true", help="stop the bench Neo4j instance at the end")
    args = parser.parse_args(argv)

    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    args.n = args.n or sizes[-1]
    settings = bench_settings()
    docs = extract_documents(args, args.workers)
    if args.keep:
        start_bench_server(settings)
    else:
        with stopwatch() as emptied:
            how = start_on_empty_database(settings)
        print(f"emptied the database in {emptied[0]:.1f} s ({how})")
    print(machine_note())

    with open_driver(settings) as driver:
        writer = GraphWriter(driver, settings.neo4j_database)
        writer.ensure_schema()

        rows = []
        done = 0
        for size in sizes:
            part = docs[done:size]
            if not part:
                continue
            seconds, summary, per_article = load(writer, part, args.writers)
            rows.append(row(f"{done}→{done + len(part)}", seconds, summary, per_article))
            done += len(part)
            print(f"  loaded {done} documents ({summary.failed} failed articles)", flush=True)
        if args.again and sizes:
            seconds, summary, per_article = load(writer, docs[:sizes[0]])
            rows.append(row(f"again 0→{min(sizes[0], len(docs))}", seconds, summary, per_article))
        nodes, rels = graph_counts(driver, settings.neo4j_database)

    print(f"\nGraphWriter.write_document, one article per transaction, {args.writers} writer thread(s):")
    print_table(HEADERS, rows)
    print(f"\ngraph now holds {nodes} nodes and {rels} relationships")
    if args.stop:
        stop_bench_server(settings)


if __name__ == "__main__":
    main()
