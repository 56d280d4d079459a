"""`guanxi fetch`: addresses and feeds → pages on disk (loaders/fetch.py) → `guanxi load`.

The pages of a round are all fetched first, then loaded together: a site's pause between requests
is spent downloading, not waiting on Neo4j, and a page fetched is kept even when Neo4j is down (the
same command, run again, loads it from the cache without asking the site again).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape

from loaders.fetch import Failed, Fetched, Fetcher, FetchError, canonical, fetch_all

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NEO4J = 2  # guanxi.loading's


@dataclass
class FetchSummary:
    rounds: int = 0
    fetched: int = 0  # downloaded in this run
    cached: int = 0  # found in the cache: no request made
    failed: int = 0
    interrupted: bool = False


def run_fetch(
    fetcher: Fetcher,
    urls: Iterable[str],
    feeds: Iterable[str],
    load: Callable[[list[Fetched]], int] | None,
    console: Console,
    every_s: float | None = None,
    rounds: int | None = None,
    sleep: Callable[[float], None] | None = None,
) -> tuple[int, FetchSummary]:
    """Fetch ``urls`` and the items of ``feeds``, and hand the pages to ``load`` (None: keep them in
    the cache only). With ``every_s``, read the feeds again after that many seconds, until Ctrl-C
    (or ``rounds`` rounds, for tests); an item is fetched and loaded once per run.

    Returns the exit code (0 all fetched and loaded; 1 some URL failed or some page was refused;
    2 Neo4j unusable) and what was done."""
    summary = FetchSummary()
    pending = [canonical(url) for url in urls]
    feeds = list(feeds)
    done: set[str] = set()
    code = EXIT_OK

    def report(result: Fetched | Failed) -> None:
        if isinstance(result, Failed):
            summary.failed += 1
            console.print(f"[yellow]failed[/yellow] {escape(result.url)}: {escape(result.reason)}",
                          soft_wrap=True, highlight=False)
        elif result.from_cache:
            summary.cached += 1
            console.print(f"cached  {escape(result.url)}", soft_wrap=True, highlight=False)
        else:
            summary.fetched += 1
            console.print(f"fetched {escape(result.url)}", soft_wrap=True, highlight=False)

    try:
        while rounds is None or summary.rounds < rounds:
            if summary.rounds:
                if every_s is None:
                    break
                (sleep or time.sleep)(every_s)
            summary.rounds += 1
            todo, pending = pending, []
            for feed in feeds:
                try:
                    todo += fetcher.fetch_feed(feed)
                except FetchError as exc:
                    summary.failed += 1
                    code = max(code, EXIT_FAILED)
                    console.print(f"[yellow]failed[/yellow] feed {escape(feed)}: {escape(str(exc))}",
                                  soft_wrap=True, highlight=False)
            results = fetch_all(fetcher, [url for url in todo if canonical(url) not in done], report)
            if any(isinstance(r, Failed) for r in results):
                code = max(code, EXIT_FAILED)
            pages = [r for r in results if isinstance(r, Fetched)]
            loaded = load(pages) if pages and load is not None else EXIT_OK
            code = max(code, loaded)
            # A failed URL is not asked for again in this run: a site that answered 404 or 503 is
            # not asked every round. With Neo4j lost the pages are kept, to be loaded next round.
            done.update(r.url for r in results if isinstance(r, Failed) or loaded != EXIT_NEO4J)
    except KeyboardInterrupt:
        summary.interrupted = True
    return code, summary


def summary_line(summary: FetchSummary) -> str:
    rounds = f" in {summary.rounds} rounds" if summary.rounds > 1 else ""
    stopped = "stopped: " if summary.interrupted else ""
    return (f"{stopped}{summary.fetched} page(s) fetched, {summary.cached} from the cache, "
            f"{summary.failed} failed{rounds}")
