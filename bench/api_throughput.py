"""API throughput: requests/s and error rate with 64 concurrent connections on loopback.

``python -m bench.api_throughput`` starts ``uvicorn api.main:app`` on 127.0.0.1 (a free port)
against the bench Neo4j that bench.load_throughput filled, then 64 httpx async connections send a
mix of reads (search, person detail, event detail; ``--paths`` adds paths at max_hops=4) as fast
as answers come, for ``--seconds`` or ``--max-requests``, whichever ends first. The client runs
on the same two cores as the server and Neo4j, so the figure is a floor for the server alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bench.harness import bench_settings, latency_row, machine_note, print_table, start_bench_server
from bench.query_latency import Sample, draw_sample
from graph.server import open_driver
from guanxi.settings import REPO_ROOT, Settings


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_uvicorn(settings: Settings, port: int, workers: int, log: Path,
                  threads: int | None = None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    target = "api.main:app"
    if threads:
        target = "bench.api_app:app"
        env["GUANXI_BENCH_THREADS"] = str(threads)
    if not settings.neo4j_uri:
        env["GUANXI_INSTANCE"] = settings.instance
        env["GUANXI_BOLT_PORT"] = str(settings.bolt_port)
    env["GUANXI_QUERY_TIMEOUT_S"] = str(settings.query_timeout_s)
    command = [sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    with open(log, "ab") as out:
        return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)


def wait_healthy(base: str, process: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"uvicorn exited with code {process.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the API on {base} did not answer /health within {timeout_s:.0f} s")


def stop_process(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def request_mix(sample: Sample, rng: random.Random, with_paths: bool, count: int) -> list[tuple[str, str]]:
    """(endpoint, url) pairs in a seeded random order: search 40 %, person 30 %, event 30 %."""
    kinds = ["search", "person", "event"] + (["paths"] if with_paths else [])
    weights = [40, 30, 30] + ([10] if with_paths else [])
    mix = []
    for kind in rng.choices(kinds, weights=weights, k=count):
        if kind == "search":
            url = "/search?" + urlencode({"q": rng.choice(sample.terms)})
        elif kind == "person":
            url = f"/people/{rng.choice(sample.people)}"
        elif kind == "event":
            url = f"/events/{rng.choice(sample.events)}"
        else:
            a, b = rng.choice(sample.pairs)
            url = "/paths?" + urlencode({"from": a, "to": b, "max_hops": 4})
        mix.append((kind, url))
    return mix


async def hammer(base: str, mix: list[tuple[str, str]], connections: int, seconds: float
                 ) -> tuple[float, dict[str, list[float]], Counter[str], Counter[str]]:
    """Wall seconds, latencies per endpoint, requests and errors per endpoint."""
    latencies: dict[str, list[float]] = {}
    sent: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    next_index = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60.0) as client:

        async def worker() -> None:
            nonlocal next_index
            while next_index < len(mix) and time.perf_counter() < deadline:
                kind, url = mix[next_index]
                next_index += 1
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                    failed = response.status_code != 200
                except httpx.HTTPError:
                    failed = True
                latencies.setdefault(kind, []).append(time.perf_counter() - start)
                sent[kind] += 1
                errors[kind] += failed

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        wall = time.perf_counter() - start
    return wall, latencies, sent, errors


def _hammer_in_process(base: str, mix: list[tuple[str, str]], connections: int, seconds: float
                       ) -> tuple[float, dict[str, list[float]], Counter[str], Counter[str]]:
    return asyncio.run(hammer(base, mix, connections, seconds))


def hammer_processes(base: str, mix: list[tuple[str, str]], connections: int, seconds: float, processes: int
                     ) -> tuple[float, dict[str, list[float]], Counter[str], Counter[str]]:
    """The same load from several client processes, so one client's CPU is not the limit."""
    if processes <= 1:
        return asyncio.run(hammer(base, mix, connections, seconds))
    shares = [connections // processes + (1 if i < connections % processes else 0) for i in range(processes)]
    latencies: dict[str, list[float]] = {}
    sent: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    with ProcessPoolExecutor(max_workers=processes) as pool:
        start = time.perf_counter()
        futures = [pool.submit(_hammer_in_process, base, mix[i::processes], share, seconds)
                   for i, share in enumerate(shares)]
        for future in futures:
            _wall, lat, s, e = future.result()
            for kind, values in lat.items():
                latencies.setdefault(kind, []).extend(values)
            sent.update(s)
            errors.update(e)
        wall = time.perf_counter() - start
    return wall, latencies, sent, errors


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API requests/s with concurrent connections on loopback.")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30.0, help="stop sending after this long")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--threads", type=int, help="bound the app's sync-route threads (default: 40)")
    parser.add_argument("--paths", action="store_true", help="add /paths (max_hops=4) as 10 %% of the mix")
    parser.add_argument("--timeout", type=float, default=15.0, help="the app's per-query timeout (s)")
    parser.add_argument("--client-processes", type=int, default=4,
                        help="spread the connections over this many client processes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    settings = bench_settings().model_copy(update={"query_timeout_s": args.timeout})
    start_bench_server(settings)
    rng = random.Random(args.seed)
    with open_driver(settings) as driver:
        sample = draw_sample(driver, settings.neo4j_database, rng, 500)
    mix = request_mix(sample, rng, args.paths, args.max_requests)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"guanxi-bench-uvicorn-{port}.log"
    process = start_uvicorn(settings, port, args.workers, log, args.threads)
    try:
        wait_healthy(base, process)
        asyncio.run(hammer(base, mix[:200], min(8, args.connections), 10.0))  # warm-up, not counted
        wall, latencies, sent, errors = hammer_processes(base, mix, args.connections, args.seconds,
                                                         args.client_processes)
    finally:
        stop_process(process)

    total, failed = sum(sent.values()), sum(errors.values())
    print(f"{machine_note()}; uvicorn workers: {args.workers}; threads: {args.threads or 40}; client processes: {args.client_processes}; server log: {log}")
    rows = []
    for kind in sorted(sent):
        p50, p95, p99, _mean = latency_row(latencies[kind])
        rows.append([kind, str(sent[kind]), f"{errors[kind] / sent[kind]:.1%}", p50, p95, p99])
    all_latencies = [v for values in latencies.values() for v in values]
    p50, p95, p99, _mean = latency_row(all_latencies)
    rows.append(["all", str(total), f"{failed / max(1, total):.1%}", p50, p95, p99])
    print(f"\n{args.connections} connections, {wall:.1f} s: {total / wall:.1f} requests/s, "
          f"error rate {failed / max(1, total):.2%}")
    print_table(["endpoint", "requests", "errors", "p50 ms", "p95 ms", "p99 ms"], rows)


if __name__ == "__main__":
    main()
