"""Transactional load vs. bulk import: documents/s for the same generated corpus both ways.

``python -m bench.bulk_import --n 300`` writes the corpus to a temporary folder, extracts it once
(``loaders.parallel.extract_many``, not part of the load figures), then

1. empties the database, ensures the schema and writes every document with GraphWriter (entity
   resolution off, so both paths build the same graph);
2. writes the neo4j-admin CSV files (graph/bulk_csv.py), stops the server, runs
   ``neo4j-admin database import full`` from the jars in .neo4j/lib, starts it again and runs
   ``finish_import`` (schema, empty alias lists);

and prints one row per step, then the node and relationship counts of both graphs. It runs on its
own local instance "bulk" (Bolt 7695; the import replaces the whole database, so never a shared
one) and stops it at the end unless ``--keep``. No external server: the import needs the files of
a stopped local database.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import neo4j

from bench.corpus import generate
from bench.harness import empty_database, machine_note, print_table, stopwatch
from graph.bulk_csv import export_documents, finish_import, import_into_local
from graph.schema import ensure_schema
from graph.server import LocalNeo4j, open_driver
from graph.writer import GraphWriter
from guanxi.facts import Document
from guanxi.settings import Settings
from loaders.batch import Extracted
from loaders.parallel import extract_many

BULK_INSTANCE = "bulk"
BULK_BOLT_PORT = 7695


def bulk_settings() -> Settings:
    return Settings().model_copy(update={"instance": BULK_INSTANCE, "bolt_port": BULK_BOLT_PORT,
                                         "neo4j_uri": None})


def counts(driver: neo4j.Driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database).records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database).records[0]["c"]
    return int(nodes), int(rels)


def load_transactionally(settings: Settings, docs: list[Document]) -> tuple[float, tuple[int, int]]:
    """Seconds for writing ``docs`` into an emptied database with GraphWriter, and the graph's counts."""
    database = settings.neo4j_database
    with open_driver(settings) as driver:
        empty_database(driver, database)
        ensure_schema(driver, database)
        writer = GraphWriter(driver, database)
        writer.resolve = False
        with stopwatch() as took:
            writer.write_documents(docs)
        return took[0], counts(driver, database)


def write_corpus(n: int, seed: int, folder: Path) -> list[Path]:
    paths = []
    for doc in generate(n, seed):
        path = folder / doc.name
        path.write_bytes(doc.text.encode(doc.encoding))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="documents to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--keep", action="store_true", help="leave the bulk instance running")
    parser.add_argument("--bulk-only", action="store_true",
                        help="skip the transactional load (for a large graph to query, e.g. --n 33000)")
    args = parser.parse_args(argv)

    settings = bulk_settings()
    database = settings.neo4j_database
    server = LocalNeo4j(settings)
    rows: list[list[object]] = []

    with tempfile.TemporaryDirectory(prefix="guanxi-bulk-") as tmp:
        paths = write_corpus(args.n, args.seed, Path(tmp))
        with stopwatch() as took:
            results = extract_many(paths, workers=args.workers)
        docs: list[Document] = [r.document for r in results if isinstance(r, Extracted)]
        n_docs = len(docs)
        n_arts = sum(len(d.articles) for d in docs)

        def row(what: str, seconds: float) -> list[object]:
            return [what, n_docs, n_arts, f"{seconds:.1f}", f"{n_docs / seconds:.1f}", f"{n_arts / seconds:.1f}"]

        rows.append(row(f"extraction, {args.workers} processes (both paths; not in the totals)", took[0]))

        server.start()
        loaded: tuple[int | str, int | str] = ("-", "-")
        if not args.bulk_only:
            seconds, loaded = load_transactionally(settings, docs)
            rows.append(row("transactional: GraphWriter, one transaction per article", seconds))

        with stopwatch() as csv_took:
            graph, files = export_documents(docs, Path(tmp) / "csv")
        rows.append(row("bulk: CSV files (graph/bulk_csv.py)", csv_took[0]))
        server.stop()
        with stopwatch() as import_took:
            import_into_local(settings, files)
        rows.append(row("bulk: neo4j-admin database import full (JVM start included)", import_took[0]))
        with stopwatch() as start_took:
            server.start()
            with open_driver(settings) as driver:
                finish_import(driver, database)
                imported = counts(driver, database)
        rows.append(row("bulk: start, schema and empty alias lists", start_took[0]))
        total = csv_took[0] + import_took[0] + start_took[0]
        rows.append(row("**bulk total**", total))

    if not args.keep:
        server.stop()
    print(machine_note())
    print_table(["step", "documents", "articles", "seconds", "documents/s", "articles/s"], rows)
    print()
    print_table(["graph", "nodes", "relationships"],
                [["transactional", *loaded], ["bulk import", *imported],
                 ["CSV rows", sum(graph.node_counts().values()), sum(graph.relationship_counts().values())]])


if __name__ == "__main__":
    main()
