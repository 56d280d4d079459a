"""API throughput with a C client (wrk), against a bare FastAPI endpoint in the same run.

``python -m bench.api_throughput`` serves two apps through ``guanxi.serving.serve``, the function
behind ``guanxi serve``, with identical settings (workers, loop, HTTP parser, logging): the API
(``api.main:app``) over the graph bench.load_throughput left in the bench Neo4j, and
``bench.bare_app:app``, a FastAPI endpoint with nothing of ours behind it. wrk (``bash
bench/setup.sh`` installs it) then drives each endpoint in turn with ``--connections`` keep-alive
connections for ``--seconds``: the bare endpoint, ``/search`` (two-character terms drawn from the
graph's names), ``/people/{id}`` and ``/events/{id}`` (drawn ids), and again for each of
``--rounds``. Each guanxi figure is printed with its ratio to the bare endpoint of the same round,
so a busy machine moves both.

The response cache (api/cache.py) is measured beside the API without it in the same run: one guanxi
server per ``--cache`` variant (``off``, or the interval in ms at which its workers ask Neo4j whether
the graph changed: ``500`` is the default of ``guanxi serve``, ``0`` asks at every request), driven
alternately. A cache answering a short list of paths from memory measures only the cache, so each
endpoint's requests are ``--requests`` paths drawn from ``--distinct`` different ones (people,
events, two-character search terms from the graph), each in turn or, with ``--zipf S``, the k-th
most asked with weight 1/k^S, as readers favour some pages; and before each cached run the bench
commits two writes that leave the graph as it was (a node created, then deleted), so every run
starts from an empty cache and pays a miss for each path on each worker. wrk counts the answers marked
``X-Cache: hit``: the hit rate printed.

``--profile DIR`` samples the API's worker processes with py-spy during each guanxi endpoint's first
round (only threads holding the interpreter lock: Python's own CPU) and prints where it went.

wrk, both servers and Neo4j share the machine's cores: the figures are for this machine as a
whole, not for the server alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from bench.harness import bench_settings, machine_note, print_table, start_bench_server
from bench.query_latency import draw_sample
from graph.server import open_driver
from guanxi.serving import default_workers
from guanxi.settings import REPO_ROOT, Settings

LUA_SCRIPT = Path(__file__).resolve().parent / "wrk_paths.lua"
# The bench's launcher: the same serve() as `guanxi serve`, for any app.
_SERVE = ("import sys; from guanxi.serving import serve; "
          "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), int(sys.argv[3]), log_level='warning')")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    base: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(name: str, target: str, settings: Settings, workers: int, log_dir: Path,
                 env_update: dict[str, str] | None = None) -> Server:
    env = {**os.environ, **(env_update or {})}
    if not settings.neo4j_uri:
        env["GUANXI_INSTANCE"] = settings.instance
        env["GUANXI_BOLT_PORT"] = str(settings.bolt_port)
    env["GUANXI_QUERY_TIMEOUT_S"] = str(settings.query_timeout_s)
    port = free_port()
    log = log_dir / f"{name}.log"
    with open(log, "ab") as out:
        # Its own process group: stopping it stops every worker with it.
        process = subprocess.Popen([sys.executable, "-c", _SERVE, target, str(port), str(workers)],
                                   cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    return Server(name, f"http://127.0.0.1:{port}", process, log)


def wait_ready(server: Server, path: str, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{server.name} exited with code {server.process.returncode}; see {server.log}")
        try:
            if httpx.get(server.base + path, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{server.name} on {server.base} did not answer {path} within {timeout_s:.0f} s")


def stop_server(server: Server) -> None:
    if server.process.poll() is not None:
        return
    os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()


def worker_pids(server: Server) -> list[int]:
    """The server's processes: uvicorn's supervisor and its workers (children), if any."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    found = [int(p) for p in children.read_text().split()] if children.exists() else []
    return found or [server.process.pid]


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU of these processes so far (0 for one that is gone)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
    return total


def neo4j_pid(settings: Settings) -> int | None:
    from graph.server import LocalNeo4j, uses_external_server

    return None if uses_external_server(settings) else LocalNeo4j(settings).pid()


@dataclass
class Figures:
    endpoint: str
    round: int
    requests: int
    seconds: float
    errors: int
    error_kinds: str
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    api_cpu_ms: float = float("nan")  # per request, all the server's processes
    neo4j_cpu_ms: float = float("nan")
    hits: int = 0
    misses: int = 0
    cache: str = ""  # the guanxi server's --cache variant

    @property
    def hit_rate(self) -> str:
        answered = self.hits + self.misses
        return f"{self.hits / answered:.0%}" if answered else "-"

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def run_wrk(endpoint: str, round_: int, base: str, paths_file: Path, seconds: float, connections: int,
            threads: int) -> Figures:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s",
               "-s", str(LUA_SCRIPT), base, "--", str(paths_file)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in reversed(out.splitlines()) if line.startswith("{"))
    raw = json.loads(line)
    kinds = {k: raw[k] for k in ("connect", "read", "write", "status", "timeout") if raw[k]}
    return Figures(endpoint, round_, raw["requests"], raw["duration_us"] / 1e6, sum(kinds.values()),
                   ", ".join(f"{k} {v}" for k, v in kinds.items()), raw["p50_us"] / 1000,
                   raw["p90_us"] / 1000, raw["p99_us"] / 1000, raw["max_us"] / 1000,
                   hits=raw.get("hits", 0), misses=raw.get("misses", 0))


# --- profile -------------------------------------------------------------------------------------

_OURS = ("api/", "graph/", "guanxi/")
_CATEGORIES = (  # by the file of the innermost frame, as py-spy names it (relative to sys.path)
    ("neo4j driver", ("neo4j/",)),
    ("pydantic", ("pydantic/", "pydantic_core/")),
    ("fastapi", ("fastapi/",)),
    ("starlette", ("starlette/",)),
    ("uvicorn + HTTP parser", ("uvicorn/", "h11/", "httptools/")),
    ("anyio + threads", ("anyio/", "threading.py", "concurrent/", "queue.py")),
    ("asyncio event loop", ("asyncio/", "selectors.py", "uvloop/")),
    ("json", ("json/",)),
    ("ours (api/, graph/, guanxi/)", _OURS),
    ("ssl, socket", ("ssl.py", "socket.py")),
    ("logging", ("logging/",)),
)


def _file_of(frame: str) -> str:
    """``function (path/file.py:12)`` → ``path/file.py``."""
    inside = frame[frame.rfind("(") + 1:].rstrip(")")
    return inside.rpartition(":")[0] or inside


def _category(frame: str) -> str:
    file = _file_of(frame)
    for name, prefixes in _CATEGORIES:
        if file.startswith(prefixes) or any(f"/{p}" in file for p in prefixes):
            return name
    return "other"


def start_profile(server: Server, seconds: float, out: Path) -> subprocess.Popen[bytes]:
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    command = [py_spy, "record", "--pid", str(server.process.pid), "--subprocesses", "--gil",
               "--rate", "250", "--duration", str(int(seconds)), "--format", "raw", "--nonblocking",
               "--output", str(out)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def summarise_profile(endpoint: str, path: Path, requests: int, workers: int, seconds: float) -> None:
    """Own time by kind of code, and our functions' inclusive time, in ms of CPU per request."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [f for f in stack.split(";") if not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += count
        own[_category(frames[-1])] += count
        # Each of our functions once per stack, whatever its line.
        for function in {f.rpartition(":")[0] + ")" for f in frames if _file_of(f).startswith(_OURS)}:
            inclusive[function] += count
    if not total or not requests:
        print(f"\nprofile of {endpoint}: no samples ({path})")
        return
    # Samples are taken at 250 Hz per process while a thread holds the lock: each is 4 ms of CPU.
    ms_per_sample = 1000 / 250
    print(f"\nWhere the API's Python CPU went, {endpoint} ({total} samples, {workers} workers, "
          f"{requests} requests in {seconds:.0f} s; raw stacks: {path}):")
    rows = [[name, f"{count / total:.0%}", f"{count * ms_per_sample / requests:.2f}"]
            for name, count in own.most_common()]
    rows.append(["all", "100%", f"{total * ms_per_sample / requests:.2f}"])
    print_table(["own time in", "share", "ms per request"], rows)
    top = [[frame, f"{count / total:.0%}"] for frame, count in inclusive.most_common(12)]
    print_table(["our function (inclusive)", "share"], top)


# --- main ----------------------------------------------------------------------------------------


def write_paths(directory: Path, name: str, paths: list[str]) -> Path:
    file = directory / f"{name}.paths"
    file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    return file


def requested(distinct: list[str], count: int, zipf: float, rng: random.Random) -> list[str]:
    """``count`` requests over the distinct paths: each in turn (shuffled) when ``zipf`` is 0, else
    the k-th with weight 1/k^zipf."""
    if not zipf:
        order = distinct[:]
        rng.shuffle(order)
        return [order[i % len(order)] for i in range(count)]
    weights = [1 / (k ** zipf) for k in range(1, len(distinct) + 1)]
    return rng.choices(distinct, weights=weights, k=count)


def empty_the_caches(settings: Settings, check_ms: int) -> None:
    """Commit two writes that leave the graph as it was: every worker's cache is emptied at its next
    question. Two transactions: Neo4j commits a node created and deleted in one as nothing."""
    with open_driver(settings) as driver:
        created = driver.execute_query("CREATE (n) RETURN elementId(n) AS id", database_=settings.neo4j_database)
        driver.execute_query("MATCH (n) WHERE elementId(n) = $id DELETE n", {"id": created.records[0]["id"]},
                             database_=settings.neo4j_database)
    time.sleep(check_ms / 1000 + 0.5)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API requests/s under wrk, beside a bare FastAPI endpoint.")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=15.0, help="per endpoint and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds per endpoint before the rounds, not counted; a Neo4j started "
                             "moments ago needs minutes (bench/README.md, Many readers at once)")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes of both servers (default: as guanxi serve, one per core)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--only", default="search,person,event", help="guanxi endpoints, of search,person,event")
    parser.add_argument("--cache", default="off,500",
                        help="guanxi servers to compare: off (no response cache) or the ms between two "
                             "questions whether the graph changed (500: guanxi serve's default; 0: every request)")
    parser.add_argument("--distinct", type=int, default=5000, help="different paths per endpoint (at most the graph's)")
    parser.add_argument("--requests", type=int, default=200_000, help="paths in each endpoint's list (wrk cycles it)")
    parser.add_argument("--zipf", type=float, default=0.0,
                        help="0: each distinct path in turn; S: the k-th most asked with weight 1/k^S")
    parser.add_argument("--timeout", type=float, default=15.0, help="the app's per-query timeout (s)")
    parser.add_argument("--profile", type=Path, help="py-spy each guanxi endpoint's first round into this folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `bash bench/setup.sh` first")
    workers = args.workers or default_workers()
    variants = [v.strip() for v in args.cache.split(",") if v.strip()]
    for variant in variants:
        if variant != "off" and not variant.isdigit():
            raise SystemExit(f"--cache: {variant!r} is neither off nor a number of ms")

    settings = bench_settings().model_copy(update={"query_timeout_s": args.timeout})
    start_bench_server(settings)
    rng = random.Random(args.seed)
    with open_driver(settings) as driver:
        sample = draw_sample(driver, settings.neo4j_database, rng, args.distinct)
    work = Path(tempfile.mkdtemp(prefix="guanxi-bench-api-"))
    distinct = {
        "search": ["/search?" + urlencode({"q": t}) for t in dict.fromkeys(sample.terms)],
        "person": [f"/people/{quote(i, safe='')}" for i in sample.people],
        "event": [f"/events/{quote(i, safe='')}" for i in sample.events],
    }
    files = {"bare": write_paths(work, "bare", ["/bare"])}
    for name, paths in distinct.items():
        files[name] = write_paths(work, name, requested(paths, args.requests, args.zipf, rng))
    wanted = [e for e in args.only.split(",") if e in files and e != "bare"]
    print(f"paths: {', '.join(f'{e} {len(distinct[e])} distinct' for e in wanted)}; {args.requests} requests "
          f"per list, {'zipf ' + format(args.zipf, 'g') if args.zipf else 'each in turn'}", flush=True)
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)

    bare = start_server("bare", "bench.bare_app:app", settings, workers, work)
    servers = {variant: start_server(f"guanxi-cache-{variant}", "api.main:app", settings, workers, work,
                                     {"GUANXI_API_CACHE": "false"} if variant == "off"
                                     else {"GUANXI_API_CACHE": "true", "GUANXI_API_CACHE_CHECK_MS": variant})
               for variant in variants}
    results: list[Figures] = []
    db_pid = neo4j_pid(settings)

    def measure(endpoint: str, round_: int, server: Server, variant: str, profile: Path | None) -> None:
        if variant not in ("", "off"):
            empty_the_caches(settings, int(variant))
        profiler = start_profile(server, args.seconds, profile) if profile else None
        watched = sorted(set(worker_pids(server)) | {server.process.pid})
        before = cpu_seconds(watched), cpu_seconds([db_pid] if db_pid else [])
        figures = run_wrk(endpoint, round_, server.base, files[endpoint], args.seconds,
                          args.connections, args.wrk_threads)
        after = cpu_seconds(watched), cpu_seconds([db_pid] if db_pid else [])
        figures.cache = variant
        if figures.requests:
            figures.api_cpu_ms = (after[0] - before[0]) * 1000 / figures.requests
            if db_pid:
                figures.neo4j_cpu_ms = (after[1] - before[1]) * 1000 / figures.requests
        results.append(figures)
        print(f"  round {round_} {endpoint}{' cache ' + variant if variant else ''}: "
              f"{figures.per_second:.1f} requests/s, p99 {figures.p99_ms:.1f} ms, {figures.errors} errors, "
              f"hit rate {figures.hit_rate}, CPU per request: server {figures.api_cpu_ms:.2f} ms, "
              f"Neo4j {figures.neo4j_cpu_ms:.2f} ms", flush=True)
        if profiler is not None and profile is not None:
            profiler.wait(timeout=args.seconds + 60)
            summarise_profile(f"{endpoint} (cache {variant})", profile, figures.requests, workers, figures.seconds)

    try:
        wait_ready(bare, "/bare")
        for server in servers.values():
            wait_ready(server, "/health")
        # Warm-up, not counted: every worker's driver pool, Neo4j's plans and JIT, Python's caches.
        run_wrk("bare", 0, bare.base, files["bare"], args.warmup, args.connections, args.wrk_threads)
        for endpoint in wanted:
            for server in servers.values():
                run_wrk(endpoint, 0, server.base, files[endpoint], args.warmup, args.connections, args.wrk_threads)
        for round_ in range(1, args.rounds + 1):
            measure("bare", round_, bare, "", None)
            # Alternately first and second, so that a machine getting busier favours neither.
            order = variants if round_ % 2 else variants[::-1]
            for endpoint in wanted:
                for variant in order:
                    profile = args.profile / f"{endpoint}-{variant}.txt" if args.profile and round_ == 1 else None
                    measure(endpoint, round_, servers[variant], variant, profile)
    finally:
        for server in servers.values():
            stop_server(server)
        stop_server(bare)

    print(f"\n{machine_note()}; wrk {args.wrk_threads} threads, {args.connections} connections, "
          f"{args.seconds:g} s per endpoint and round; all servers: guanxi.serving.serve, {workers} "
          f"worker(s); server logs in {work}")
    bare_rate = {f.round: f.per_second for f in results if f.endpoint == "bare"}
    rows = []
    for f in sorted(results, key=lambda f: (f.endpoint != "bare", f.endpoint, f.cache, f.round)):
        ratio = "1" if f.endpoint == "bare" else f"{f.per_second / bare_rate[f.round]:.2f}"
        rows.append([f.endpoint, f.cache or "-", f.round, f"{f.per_second:.1f}", ratio, f.hit_rate,
                     f"{f.p50_ms:.1f}", f"{f.p90_ms:.1f}", f"{f.p99_ms:.1f}", f"{f.max_ms:.1f}",
                     f"{f.errors}" + (f" ({f.error_kinds})" if f.errors else ""),
                     f"{f.api_cpu_ms:.2f}", f"{f.neo4j_cpu_ms:.2f}"])
    print_table(["endpoint", "cache", "round", "requests/s", "ratio to bare", "hit rate", "p50 ms", "p90 ms",
                 "p99 ms", "max ms", "errors", "server CPU ms/request", "Neo4j CPU ms/request"], rows)


if __name__ == "__main__":
    main()
