"""Entity-resolution quality: B-cubed precision and recall of people and companies, and whether
the clustering depends on the order the documents are loaded in.

``python -m bench.resolution_quality --n 250`` generates bench/corpus.py's invented news with hard
cases planted in its world (plant_hard_cases), knows by construction which real entity every
person and company name in every document stands for, extracts the documents, loads them into a
fresh database with graph.writer.GraphWriter (one article per transaction, as ``guanxi load``),
reads back which node each name of each document ended up on (cypher/read.cypher
document_mentions), and scores that clustering against the truth. Then it loads the same
documents in reverse order into another fresh database and compares the two clusterings.

The identity rule scored against is graph/resolution.py's: a person is one per (name, line of
work, county-level place). So two officials with one name in different counties are two people;
one official named in simplified and traditional script is one; an official promoted to another
post in the same county is one; a company's legal name and its short form are one company.

A mention is one (document, name as written, kind). Names the extractor did not turn into a
mentioned node of that document are counted as missed and left out of the scores (they measure
extraction, not resolution). Goal (issue): precision ≥ 0.97, recall ≥ 0.95.

The Neo4j is a local instance "resbench" on Bolt 7792 (GUANXI_INSTANCE / GUANXI_BOLT_PORT
override; with GUANXI_NEO4J_URI that server is used and emptied!). ``--stop`` stops it at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.corpus import GeneratedDocument, Person, World, generate
from bench.harness import print_table, start_on_empty_database, stop_bench_server, stopwatch
from graph.bulk_csv import BulkGraph
from graph.cypher import query
from graph.model import Label, Rel
from graph.resolution import fold
from graph.server import open_driver
from graph.writer import GraphWriter
from guanxi.facts import Document
from guanxi.ids import document_id
from guanxi.settings import Settings
from guanxi.simplified import to_traditional

INSTANCE = "resbench"
BOLT_PORT = 7792

Mention = tuple[str, str, str]  # document file, name as written, kind ("person" or "company")


# --- scores ---------------------------------------------------------------------------------------


def bcubed(truth: Mapping[Mention, Hashable], predicted: Mapping[Mention, Hashable]) -> tuple[float, float]:
    """B-cubed (precision, recall) of ``predicted`` against ``truth`` over the mentions both label.

    For each mention: precision is the share of its predicted cluster that is truly its entity,
    recall the share of its true entity that landed in its predicted cluster; both averaged.
    """
    items = [m for m in truth if m in predicted]
    if not items:
        return 1.0, 1.0
    by_truth: dict[Hashable, set[Mention]] = defaultdict(set)
    by_pred: dict[Hashable, set[Mention]] = defaultdict(set)
    for m in items:
        by_truth[truth[m]].add(m)
        by_pred[predicted[m]].add(m)
    precision = recall = 0.0
    for m in items:
        same = len(by_truth[truth[m]] & by_pred[predicted[m]])
        precision += same / len(by_pred[predicted[m]])
        recall += same / len(by_truth[truth[m]])
    return precision / len(items), recall / len(items)


def pairwise(truth: Mapping[Mention, Hashable], predicted: Mapping[Mention, Hashable]) -> tuple[float, float]:
    """Pairwise (precision, recall): of the mention pairs put together, the share truly one entity;
    of the pairs truly one entity, the share put together."""
    items = [m for m in truth if m in predicted]

    def pairs(counts: Counter[Hashable]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    both = pairs(Counter((truth[m], predicted[m]) for m in items))
    in_pred = pairs(Counter(predicted[m] for m in items))
    in_truth = pairs(Counter(truth[m] for m in items))
    return (both / in_pred if in_pred else 1.0), (both / in_truth if in_truth else 1.0)


def same_partition(a: Mapping[Mention, Hashable], b: Mapping[Mention, Hashable]) -> bool:
    """Whether two labellings group the same mentions together (labels themselves may differ)."""
    if set(a) != set(b):
        return False
    return bcubed(a, b) == (1.0, 1.0)


# --- the corpus and its truth ---------------------------------------------------------------------

PROMOTED_ON = dt.date(2023, 6, 1)


@dataclass
class HardCases:
    homonyms: list[tuple[Person, Person]] = field(default_factory=list)
    variants: list[Person] = field(default_factory=list)
    promoted: list[Person] = field(default_factory=list)


def plant_hard_cases(rng: random.Random, world: World, cases: HardCases, k: int = 6) -> None:
    """Homonyms in different counties, names also written in traditional script, promotions."""
    juris = world.jurisdictions
    for i in range(k):
        # Each pair on another of the frequent posts, so both holders are named often.
        a, b = juris[(2 * i) % len(juris)], juris[(2 * i + 1) % len(juris)]
        slot = rng.randrange(0, 8) if i >= 8 else i
        b.officials[slot].name = a.officials[slot].name
        cases.homonyms.append((a.officials[slot], b.officials[slot]))
    for i in range(k):
        j = juris[(-1 - i) % len(juris)]
        person = j.officials[1 + i % 3]
        traditional = to_traditional(person.name)
        if traditional != person.name:
            person.variant = traditional
            cases.variants.append(person)
    for i in range(k):
        j = juris[(len(juris) // 2 + i) % len(juris)]
        person = j.officials[3]  # a deputy head, promoted to the standing committee
        person.promoted = (PROMOTED_ON, f"{j.level}委常委、副{j.level}长")
        cases.promoted.append(person)


def _person_keys(world: World) -> dict[int, tuple[str, Person, str | None]]:
    """id(person) → (true key, person, jurisdiction name or None)."""
    keys: dict[int, tuple[str, Person, str | None]] = {}

    def add(person: Person, place: str | None) -> None:
        keys.setdefault(id(person), (f"P{len(keys)}", person, place))

    for city in world.cities:
        for person in city.officials:
            add(person, None)
    for j in world.jurisdictions:
        for person in j.officials:
            add(person, j.name)
        for town in j.towns:
            add(town.secretary, j.name)
            add(town.head, j.name)
    for company in world.companies:
        for person in company.executives:
            add(person, None)
    return keys


def corpus_with_truth(n: int, seed: int) -> tuple[list[GeneratedDocument], dict[Mention, str], HardCases]:
    cases = HardCases()
    worlds: list[World] = []

    def hook(rng: random.Random, world: World) -> None:
        plant_hard_cases(rng, world, cases)
        worlds.append(world)

    docs = generate(n, seed, world_hook=hook)
    world = worlds[0]
    by_surface: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for key, person, place in _person_keys(world).values():
        for surface in {person.name, person.variant or person.name}:
            by_surface[surface].append((key, place))
    truth: dict[Mention, str] = {}
    for doc in docs:
        place = doc.name.rsplit(".", 1)[0].split("_", 2)[2]
        for surface in doc.people:
            found = by_surface[surface]
            if len(found) > 1:
                found = [f for f in found if f[1] == place]
            if len(found) != 1:
                raise RuntimeError(f"{doc.name}: {surface} is not one person by construction")
            truth[(doc.name, surface, "person")] = found[0][0]
        for index, company in enumerate(world.companies):
            key = f"C{index}"
            if company.legal in doc.text:
                truth[(doc.name, company.legal, "company")] = key
            if company.short in doc.text.replace(company.legal, ""):
                truth[(doc.name, company.short, "company")] = key
    return docs, truth, cases


# --- loading and reading back ---------------------------------------------------------------------


def settings_for_bench() -> Settings:
    settings = Settings()
    if settings.neo4j_uri:
        return settings
    update: dict[str, object] = {}
    if "GUANXI_INSTANCE" not in os.environ:
        update["instance"] = INSTANCE
    if "GUANXI_BOLT_PORT" not in os.environ:
        update["bolt_port"] = BOLT_PORT
    return settings.model_copy(update=update)


def extract(docs: Sequence[GeneratedDocument]) -> list[Document]:
    from loaders.pipeline import extract_text

    return [extract_text(doc.text, source=doc.name) for doc in docs]


def doc_id_of(doc: Document) -> str:
    # As graph/writer.py GraphWriter.write_document names the document.
    return doc.id or document_id(doc.source + "\x1f" + "\x1f".join(a.title for a in doc.articles))


def _assign(records: Sequence[Mapping[str, Any]], mentions: Sequence[Mention], predicted: dict[Mention, str],
            missed: dict[Mention, str]) -> None:
    """Which node each name of a document went to, among the nodes its articles mention
    (``records``: id, kind, name, aliases)."""
    for mention in mentions:
        _file, surface, kind = mention
        wanted = {fold(surface)} | ({fold(surface + "公司")} if kind == "company" else set())
        nodes = sorted({r["id"] for r in records
                        if (r["kind"] == "person") == (kind == "person")
                        and wanted & {fold(x) for x in [r["name"], *r["aliases"]]}})
        if len(nodes) == 1:
            predicted[mention] = nodes[0]
        else:
            missed[mention] = "no node" if not nodes else f"{len(nodes)} nodes"


def _by_document(truth: Mapping[Mention, str]) -> dict[str, list[Mention]]:
    surfaces: dict[str, list[Mention]] = defaultdict(list)
    for mention in truth:
        surfaces[mention[0]].append(mention)
    return surfaces


def load_and_read(settings: Settings, documents: Sequence[Document], truth: Mapping[Mention, str]
                  ) -> tuple[dict[Mention, str], dict[Mention, str], float]:
    """Loads into an emptied database; returns (mention → node id, mention → why unresolved, seconds)."""
    start_on_empty_database(settings)
    surfaces = _by_document(truth)
    predicted: dict[Mention, str] = {}
    missed: dict[Mention, str] = {}
    with open_driver(settings) as driver:
        writer = GraphWriter(driver, settings.neo4j_database)
        writer.ensure_schema()
        with stopwatch() as took:
            for doc in documents:
                writer.write_document(doc, settle=False)
            writer.settle()
        for doc in documents:
            records = driver.execute_query(query("document_mentions"), {"document_id": doc_id_of(doc)},
                                           database_=settings.neo4j_database).records
            _assign([r.data() for r in records], surfaces[doc.source], predicted, missed)
    return predicted, missed, took[0]


def bulk_and_read(documents: Sequence[Document], truth: Mapping[Mention, str]
                  ) -> tuple[dict[Mention, str], dict[Mention, str], float]:
    """The same for the bulk path's offline resolution (graph/bulk_csv.py), read from its rows as
    document_mentions reads the graph: the people and organisations its articles are MENTIONED_IN."""
    graph = BulkGraph()
    graph.add_documents(documents)
    with stopwatch() as took:
        graph.fold()
    articles_of: dict[str, set[str]] = defaultdict(set)
    for art, doc in graph.rels[Rel.PART_OF]:
        articles_of[doc].add(art)
    mentioned: dict[str, set[str]] = defaultdict(set)
    for node, art in graph.rels[Rel.MENTIONED_IN]:
        mentioned[art].add(node)
    kinds = {Label.PERSON: "person", Label.ORGANIZATION: "organization"}
    surfaces = _by_document(truth)
    predicted: dict[Mention, str] = {}
    missed: dict[Mention, str] = {}
    for doc in documents:
        ids = {n for art in articles_of[doc_id_of(doc)] for n in mentioned[art]}
        records = [{"id": i, "kind": kind, "name": node["name"], "aliases": node.get("aliases") or []}
                   for label, kind in kinds.items() for i in sorted(ids) if (node := graph.nodes[label].get(i))]
        _assign(records, surfaces[doc.source], predicted, missed)
    return predicted, missed, took[0]


# --- report ---------------------------------------------------------------------------------------


def _only(labels: Mapping[Mention, str], kind: str) -> dict[Mention, str]:
    return {m: v for m, v in labels.items() if m[2] == kind}


def score_rows(label: str, truth: Mapping[Mention, str], predicted: Mapping[Mention, str],
               missed: Mapping[Mention, str]) -> list[list[str]]:
    rows = []
    for kind in ("person", "company"):
        t, p = _only(truth, kind), _only(predicted, kind)
        bp, br = bcubed(t, p)
        pp, pr = pairwise(t, p)
        entities = len({t[m] for m in p})
        rows.append([label, kind, str(len(t)), str(len(p)), str(len(_only(missed, kind))), str(entities),
                     str(len(set(p.values()))), f"{bp:.4f}", f"{br:.4f}", f"{pp:.4f}", f"{pr:.4f}"])
    return rows


def error_classes(truth: Mapping[Mention, str], predicted: Mapping[Mention, str], cases: HardCases,
                  limit: int = 12) -> list[str]:
    """Splits (one entity on several nodes) and merges (several entities on one node), named."""
    lines = []
    nodes_of: dict[str, set[str]] = defaultdict(set)
    entities_of: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m, node in predicted.items():
        nodes_of[truth[m]].add(node)
        entities_of[node].add(truth[m])
        surfaces[truth[m]].add(m[1])
    splits = sorted((e for e, n in nodes_of.items() if len(n) > 1), key=lambda e: -len(nodes_of[e]))
    merges = sorted((n for n, e in entities_of.items() if len(e) > 1), key=lambda n: -len(entities_of[n]))
    lines.append(f"{len(splits)} entities split over several nodes, {len(merges)} nodes holding several entities")
    for e in splits[:limit]:
        lines.append(f"  split {e} {sorted(surfaces[e])} → {sorted(nodes_of[e])}")
    for n in merges[:limit]:
        lines.append(f"  merged {n} ← {sorted(entities_of[n])} {sorted(s for e in entities_of[n] for s in surfaces[e])}")
    hard = [("homonym pair", [p for pair in cases.homonyms for p in pair]), ("traditional variant", cases.variants),
            ("promoted", cases.promoted)]
    for label, people in hard:
        for person in people:
            names = {person.name, person.variant or person.name}
            ent = sorted({e for m, e in truth.items() if m[1] in names and m[2] == "person"})
            got = sorted({predicted[m] for m in predicted if m[1] in names and m[2] == "person"})
            line = f"  {label} {'/'.join(sorted(names))}: true {ent} → nodes {got}"
            if line not in lines:
                lines.append(line)
    return lines


HEADERS = ["load", "kind", "mentions", "resolved", "missed", "true entities", "nodes",
           "B³ precision", "B³ recall", "pairwise P", "pairwise R"]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Entity-resolution quality on a generated corpus.")
    parser.add_argument("--n", type=int, default=250, help="documents to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--stop", action="store_true", help="stop the bench Neo4j instance at the end")
    parser.add_argument("--bulk-only", action="store_true",
                        help="only the bulk path's offline resolution (no Neo4j)")
    args = parser.parse_args(argv)

    docs, truth, cases = corpus_with_truth(args.n, args.seed)
    with stopwatch() as took:
        documents = extract(docs)
    print(f"{len(docs)} documents, {sum(len(d.articles) for d in documents)} articles extracted in {took[0]:.1f} s; "
          f"{len(_only(truth, 'person'))} person and {len(_only(truth, 'company'))} company mentions by construction; "
          f"{len(cases.homonyms)} homonym pairs, {len(cases.variants)} traditional variants, "
          f"{len(cases.promoted)} promotions planted")
    runs: dict[str, tuple[dict[Mention, str], dict[Mention, str]]] = {}
    settings = settings_for_bench()
    if not args.bulk_only:
        for label, ordered in (("forward", documents), ("reversed", documents[::-1])):
            predicted, missed, seconds = load_and_read(settings, ordered, truth)
            print(f"{label} load: {seconds:.1f} s")
            runs[label] = (predicted, missed)
    for label, ordered in (("bulk", documents), ("bulk, reversed", documents[::-1])):
        predicted, missed, seconds = bulk_and_read(ordered, truth)
        print(f"{label}: offline resolution and fold {seconds:.1f} s")
        runs[label] = (predicted, missed)

    rows = [row for label, (predicted, missed) in runs.items() for row in score_rows(label, truth, predicted, missed)]
    print()
    print_table(HEADERS, rows)
    print("\nLoad-order independence (on the mentions both resolved):")
    pairs = [("reversed", "forward"), ("bulk, reversed", "bulk"), ("bulk", "forward"), ("bulk", "reversed")]
    order_rows = []
    for one, other in pairs:
        if one not in runs or other not in runs:
            continue
        for kind in ("person", "company"):
            f, b = _only(runs[other][0], kind), _only(runs[one][0], kind)
            common = set(f) & set(b)
            fc = {m: f[m] for m in common}
            bc = {m: b[m] for m in common}
            p, r = bcubed(fc, bc)
            ids_same = sum(fc[m] == bc[m] for m in common)
            order_rows.append([f"{one} against {other}", kind, str(len(common)),
                               "yes" if same_partition(fc, bc) else "no", f"{p:.4f}", f"{r:.4f}",
                               f"{ids_same}/{len(common)}", str(len(set(f) ^ set(b)))])
    print_table(["loads", "kind", "mentions", "same clustering", "B³ P", "B³ R", "same node id",
                 "resolved in one only"], order_rows)
    first = "forward" if "forward" in runs else "bulk"
    predicted, missed = runs[first]
    print(f"\nErrors, {first}:")
    for line in error_classes(truth, predicted, cases):
        print(line)
    reasons = Counter(missed.values())
    print(f"\nunresolved mentions, {first}: {dict(reasons)}")
    for m in list(missed)[:10]:
        print(f"  {m} {missed[m]}")
    if args.stop and not args.bulk_only:
        stop_bench_server(settings)


if __name__ == "__main__":
    main()
