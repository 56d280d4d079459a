"""Transactional load vs. bulk import of one generated corpus: time per step, and whether the two
graphs hold the same people, companies and projects.

``python -m bench.bulk_import --n 300`` writes the corpus to a temporary folder, extracts it once
(``loaders.parallel.extract_many``, not part of the load figures), then

1. loads it with GraphWriter into a fresh database, one transaction per article with entity
   resolution, the documents in archive order (graph/offline.py: date, id, file name; ``--order
   files`` loads them in the order the files were generated, ``both`` does both loads);
2. folds it with the offline resolution pass and writes the neo4j-admin CSV files
   (graph/bulk_csv.py), stops the server, runs ``neo4j-admin database import full`` from the jars
   in .neo4j/lib, starts it again and runs ``finish_import`` (schema, empty alias lists);

and prints one row per step, then each graph's people, organisations and projects compared by id, by
what tells them apart (name, line of work, scope) and by the articles each is mentioned in (a node
under another id that stands for the same mentions, or mentions grouped otherwise), and every node
and relationship compared with all its properties (load marks left out). ``--no-resolve`` runs both
paths with ids from names alone.

It runs on its own local instance "bulk" (Bolt 7695; GUANXI_INSTANCE and GUANXI_BOLT_PORT override;
the import replaces the whole database, so never a shared one) and stops it at the end unless
``--keep``. No external server: the import needs the files of a stopped local database.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from bench.corpus import generate
from bench.harness import machine_note, print_table, start_on_empty_database, stopwatch
from graph.bulk_csv import BulkGraph, finish_import, import_into_local, write_csv
from graph.cypher import query
from graph.offline import archive_order
from graph.server import LocalNeo4j, open_driver
from graph.writer import GraphWriter
from guanxi.facts import Document
from guanxi.settings import Settings
from loaders.batch import Extracted
from loaders.parallel import extract_many

BULK_INSTANCE = "bulk"
BULK_BOLT_PORT = 7695
ENTITY_LABELS = ("Person", "Organization", "Project")
# Marks of a load, not facts: a uuid per transactional load, "bulk-import" on the other path; when a
# load first wrote an article (none on an import); a copy for search not yet made.
LOAD_MARKS = ("load_id", "loaded_at", "unindexed")


def bulk_settings() -> Settings:
    return Settings().model_copy(update={"instance": os.environ.get("GUANXI_INSTANCE", BULK_INSTANCE),
                                         "bolt_port": int(os.environ.get("GUANXI_BOLT_PORT", BULK_BOLT_PORT)),
                                         "neo4j_uri": None})


@dataclass
class Snapshot:
    """A graph as two loads of one archive are compared: every node by id (a lookup key by its key)
    with labels and properties, every relationship with its type, ends and properties."""

    nodes: dict[str, tuple[tuple[str, ...], tuple[tuple[str, Any], ...]]]
    rels: Counter[tuple[Any, ...]]

    def entities(self, label: str) -> dict[str, dict[str, Any]]:
        return {key: dict(props) for key, (labels, props) in self.nodes.items() if label in labels}

    def mentions(self, label: str) -> dict[str, frozenset[str]]:
        """Node id → the articles it is MENTIONED_IN: what a node stands for, whatever its id."""
        held = set(self.entities(label))
        found: dict[str, set[str]] = {}
        for rtype, start, end, _props in self.rels:
            if rtype == "MENTIONED_IN" and start in held:
                found.setdefault(start, set()).add(end)
        return {k: frozenset(v) for k, v in found.items()}


def _frozen(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items() if k not in LOAD_MARKS))


def snapshot(driver: neo4j.Driver, database: str) -> Snapshot:
    nodes = {}
    for rec in driver.execute_query(query("graph_nodes"), database_=database).records:
        props = dict(rec["props"])
        if "LookupKey" in rec["labels"]:  # a key lists ids in the order they were stored
            props["ids"] = sorted(props["ids"])
        nodes[props.get("id") or props["key"]] = (tuple(sorted(rec["labels"])), _frozen(props))
    rels: Counter[tuple[Any, ...]] = Counter(
        (rec["type"], rec["start"], rec["end"], _frozen(dict(rec["props"])))
        for rec in driver.execute_query(query("graph_relationships"), database_=database).records)
    return Snapshot(nodes, rels)


def identity(label: str, node: dict[str, Any]) -> Hashable:
    """What tells two nodes of a label apart, ids aside."""
    if label == "Person":
        return (node.get("name"), node.get("sector"), node.get("scope"))
    return node.get("name")


def compare(a: Snapshot, b: Snapshot, names: tuple[str, str]) -> tuple[list[list[object]], list[str]]:
    """Rows of the comparison table, and a few differences spelled out."""
    rows: list[list[object]] = []
    notes: list[str] = []
    for label in ENTITY_LABELS:
        ea, eb = a.entities(label), b.entities(label)
        ka, kb = Counter(identity(label, n) for n in ea.values()), Counter(identity(label, n) for n in eb.values())
        only_a, only_b = sorted(set(ea) - set(eb)), sorted(set(eb) - set(ea))
        same_props = sum(ea[i] == eb[i] for i in set(ea) & set(eb))
        # A node only one graph holds by id may still stand for the same mentions under another id.
        ma, mb = a.mentions(label), b.mentions(label)
        same_articles = set(ma.values()) & set(mb.values())
        renamed = sum(ma.get(i) in same_articles for i in only_a)
        regrouped = len(only_a) - renamed, len([i for i in only_b if mb.get(i) not in same_articles])
        rows.append([label, len(ea), len(eb), len(set(ea) & set(eb)), len(only_a), len(only_b),
                     "yes" if ka == kb else f"no ({sum((ka - kb).values())} / {sum((kb - ka).values())})",
                     f"{same_props}/{len(set(ea) & set(eb))}", renamed, f"{regrouped[0]} / {regrouped[1]}"])
        for side, only, held in ((names[0], only_a, ea), (names[1], only_b, eb)):
            for key in only[:5]:
                notes.append(f"{label} only in {side}: {key} {identity(label, held[key])}")
    common = set(a.nodes) & set(b.nodes)
    node_same = sum(a.nodes[k] == b.nodes[k] for k in common)
    rows.append(["every node", len(a.nodes), len(b.nodes), len(common), len(set(a.nodes) - set(b.nodes)),
                 len(set(b.nodes) - set(a.nodes)), "", f"{node_same}/{len(common)}", "", ""])
    rel_common = sum((a.rels & b.rels).values())
    rows.append(["every relationship", sum(a.rels.values()), sum(b.rels.values()), rel_common,
                 sum((a.rels - b.rels).values()), sum((b.rels - a.rels).values()), "", "", "", ""])
    for key in sorted(common, key=str):
        if a.nodes[key] != b.nodes[key] and len(notes) < 25:
            differing = dict(set(a.nodes[key][1]) ^ set(b.nodes[key][1]))
            notes.append(f"{key} differs in {sorted(differing)}: {names[0]} {dict(a.nodes[key][1]).get('name')}")
    return rows, notes


def load_transactionally(settings: Settings, docs: Sequence[Document], resolve: bool) -> tuple[float, Snapshot]:
    """Seconds for writing ``docs`` into a fresh database with GraphWriter, and the graph."""
    database = settings.neo4j_database
    start_on_empty_database(settings)
    with open_driver(settings) as driver:
        writer = GraphWriter(driver, database)
        writer.resolve = resolve
        writer.ensure_schema()
        with stopwatch() as took:
            writer.write_documents(docs)
        return took[0], snapshot(driver, database)


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
    parser.add_argument("--order", choices=("archive", "files", "both"), default="archive",
                        help="the order of the transactional load(s)")
    parser.add_argument("--no-resolve", action="store_true", help="both paths without entity resolution")
    parser.add_argument("--keep", action="store_true", help="leave the bulk instance running")
    parser.add_argument("--bulk-only", action="store_true",
                        help="skip the transactional load (for a large graph to query, e.g. --n 33000)")
    args = parser.parse_args(argv)
    resolve = not args.no_resolve

    settings = bulk_settings()
    database = settings.neo4j_database
    server = LocalNeo4j(settings)
    rows: list[list[object]] = []
    loads: dict[str, Snapshot] = {}

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

        if not args.bulk_only:
            orders = {"archive": ["archive"], "files": ["files"], "both": ["archive", "files"]}[args.order]
            for order in orders:
                ordered = archive_order(docs) if order == "archive" else docs
                seconds, loads[f"transactional, {order} order"] = load_transactionally(settings, ordered, resolve)
                rows.append(row(f"transactional ({order} order): GraphWriter, one transaction per article", seconds))

        graph = BulkGraph(resolve=resolve)
        graph.add_documents(docs)
        with stopwatch() as fold_took:
            graph.fold()
        rows.append(row("bulk: offline resolution and fold (graph/bulk_csv.py)" if resolve
                        else "bulk: fold, ids from names alone", fold_took[0]))
        with stopwatch() as csv_took:
            files = write_csv(graph, Path(tmp) / "csv")
        rows.append(row("bulk: CSV files", csv_took[0]))
        server.stop()
        with stopwatch() as import_took:
            import_into_local(settings, files)
        rows.append(row("bulk: neo4j-admin database import full (JVM start included)", import_took[0]))
        with stopwatch() as start_took:
            server.start()
            with open_driver(settings) as driver:
                finish_import(driver, database)
        rows.append(row("bulk: start, schema and empty alias lists", start_took[0]))
        total = fold_took[0] + csv_took[0] + import_took[0] + start_took[0]
        rows.append(row("**bulk total**", total))
        with open_driver(settings) as driver:
            imported = snapshot(driver, database)

    if not args.keep:
        server.stop()
    print(machine_note())
    print_table(["step", "documents", "articles", "seconds", "documents/s", "articles/s"], rows)
    print()
    print_table(["graph", "nodes", "relationships", "people", "organisations", "projects"],
                [[name, len(s.nodes), sum(s.rels.values()), *(len(s.entities(x)) for x in ENTITY_LABELS)]
                 for name, s in [*loads.items(), ("bulk import", imported)]])
    for name, loaded in loads.items():
        print(f"\n{name} against the bulk import:\n")
        table, notes = compare(loaded, imported, ("transactional", "bulk"))
        print_table(["what", "transactional", "bulk", "same id", "only transactional", "only bulk",
                     "same names (and line of work, scope)", "same properties",
                     "other id, same articles", "grouped otherwise (transactional / bulk)"], table)
        for note in notes:
            print(f"- {note}")


if __name__ == "__main__":
    main()
