"""API latency over the loaded bench graph: p50/p95/p99 for search, person, contacts, event and paths.

``python -m bench.query_latency`` needs the graph bench.load_throughput left in the bench Neo4j.
Requests go through the whole app in process (FastAPI TestClient: routing, validation, the
repository, Cypher, the response models), one at a time, so each figure is a latency and not a
queueing effect. The ids and search terms are drawn with a seeded random from what the graph holds:

- search: two-character parts of people's, companies' and projects' names (the genre's usual query);
- person and event detail: random people and events;
- paths: random pairs of people, max_hops=4 (most pairs connect through shared events and titles).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import neo4j
from fastapi.testclient import TestClient

from api.main import create_app
from bench.harness import (
    bench_settings,
    latency_row,
    machine_note,
    print_table,
    start_bench_server,
    stop_bench_server,
)
from graph.server import open_driver


@dataclass
class Sample:
    people: list[str]
    events: list[str]
    terms: list[str]
    pairs: list[tuple[str, str]] = field(default_factory=list)


def _column(driver: neo4j.Driver, database: str, cypher: str) -> list[str]:
    records = driver.execute_query(cypher, database_=database).records
    return sorted(str(r[0]) for r in records if r[0])


def draw_sample(driver: neo4j.Driver, database: str, rng: random.Random, size: int) -> Sample:
    people = _column(driver, database, "MATCH (p:Person) RETURN p.id")
    events = _column(driver, database, "MATCH (e:Event) RETURN e.id")
    names = _column(driver, database, "MATCH (n) WHERE n:Person OR n:Organization OR n:Project RETURN n.name")
    if not people or not events:
        raise SystemExit("the bench graph is empty: run `python -m bench.load_throughput` first")
    terms = []
    for name in rng.sample(names, min(size, len(names))):
        start = rng.randint(0, max(0, len(name) - 2))
        terms.append(name[start:start + 2])
    pairs = [(rng.choice(people), rng.choice(people)) for _ in range(size)]
    return Sample(rng.sample(people, min(size, len(people))), rng.sample(events, min(size, len(events))),
                  terms, [(a, b) for a, b in pairs if a != b])


def timed(client: TestClient, urls: Sequence[str], check: Callable[[object], bool],
          budget_s: float = float("inf")) -> tuple[list[float], int, int]:
    """Seconds per request, errors (non-200), and answers that ``check`` found non-empty.

    Stops early once ``budget_s`` has passed, so one slow endpoint cannot hold the run for hours.
    """
    seconds: list[float] = []
    errors = useful = 0
    deadline = time.perf_counter() + budget_s
    for url in urls:
        if time.perf_counter() > deadline:
            break
        start = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - start)
        if response.status_code != 200:
            errors += 1
        elif check(response.json()):
            useful += 1
    return seconds, errors, useful


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API latency percentiles over the bench graph.")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hops", type=int, default=4, help="max_hops of the paths requests")
    parser.add_argument("--budget", type=float, default=90.0, help="seconds at most per endpoint")
    parser.add_argument("--timeout", type=float, default=15.0, help="the app's per-query timeout (s)")
    parser.add_argument("--stop", action="store_true", help="stop the bench Neo4j instance at the end")
    parser.add_argument("--instance", default=None,
                        help="another local instance, e.g. bulk (the graph bench.bulk_import --keep left)")
    parser.add_argument("--bolt-port", type=int, default=None, help="its Bolt port (bulk: 7695)")
    parser.add_argument("--only", default=None,
                        help="comma-separated suites to run (search, person, contacts, event, paths); default all")
    args = parser.parse_args(argv)

    settings = bench_settings().model_copy(update={"query_timeout_s": args.timeout})
    if args.instance:
        settings = settings.model_copy(update={"instance": args.instance,
                                               "bolt_port": args.bolt_port or settings.bolt_port})
    start_bench_server(settings)
    rng = random.Random(args.seed)
    with open_driver(settings) as driver:
        sample = draw_sample(driver, settings.neo4j_database, rng, args.requests)
        counts = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=settings.neo4j_database)
    print(f"graph: {counts.records[0]['n']} nodes; {machine_note()}")

    suites: list[tuple[str, str, list[str], Callable[[object], bool]]] = [
        ("search", "GET /search?q=(2 characters)", [f"/search?{urlencode({'q': t})}" for t in sample.terms],
         lambda body: bool(body)),
        ("person", "GET /people/{id}", [f"/people/{i}" for i in sample.people],
         lambda body: isinstance(body, dict) and bool(body.get("events") or body.get("positions"))),
        ("contacts", "GET /people/{id}/contacts", [f"/people/{i}/contacts" for i in sample.people],
         lambda body: isinstance(body, dict) and bool(body.get("items") or body.get("contacts"))),
        ("event", "GET /events/{id}", [f"/events/{i}" for i in sample.events],
         lambda body: isinstance(body, dict) and bool(body.get("attendees"))),
        ("paths", f"GET /paths (person→person, max_hops={args.hops})",
         [f"/paths?{urlencode({'from': a, 'to': b, 'max_hops': args.hops})}" for a, b in sample.pairs],
         lambda body: isinstance(body, dict) and bool(body.get("paths"))),
    ]
    if args.only:
        wanted = {name.strip() for name in args.only.split(",") if name.strip()}
        unknown = wanted - {key for key, *_ in suites}
        if unknown:
            parser.error(f"unknown suites: {', '.join(sorted(unknown))}")
        suites = [suite for suite in suites if suite[0] in wanted]
    rows = []
    with TestClient(create_app(settings)) as client:
        for _, name, urls, check in suites:
            timed(client, urls[:10], check, args.budget / 10)  # warm: plans cached, pages in memory
            seconds, errors, useful = timed(client, urls, check, args.budget)
            p50, p95, p99, mean = latency_row(seconds)
            worst = f"{max(seconds) * 1000:.1f}" if seconds else "nan"
            rows.append([name, str(len(seconds)), p50, p95, p99, worst, mean, str(errors), f"{useful}/{len(seconds)}"])
            print(f"  {name}: done", flush=True)
    print("\nLatency through the app (TestClient, sequential), milliseconds:")
    print_table(["request", "n", "p50", "p95", "p99", "max", "mean", "errors", "non-empty"], rows)
    if args.stop:
        stop_bench_server(settings)


if __name__ == "__main__":
    main()
