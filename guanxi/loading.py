"""`guanxi load`: files → facts → Neo4j, with a progress bar and a summary of what was written.

Every file ends loaded or refused with a one-line reason; one bad file never stops the batch.
Each article is one transaction and every write is a MERGE on stable ids, so a load that was
killed or lost Neo4j half way is resumed by running the same command again.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.retry import DEFAULT_POLICY, RetryPolicy
from guanxi.facts import READ_AS
from guanxi.settings import Settings
from loaders.batch import MAX_FILE_BYTES, Refusal, extract_one, gather
from loaders.facts.lexicon import Lexicon

if TYPE_CHECKING:
    from graph.errors import GraphUnavailable
    from graph.writer import WriteSummary
    from guanxi.facts import Document

    # What became of one file: refused, Neo4j lost, written, or None (not attempted).
    Outcome = Refusal | GraphUnavailable | tuple[Document, WriteSummary] | None

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_NEO4J = 2

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(path: Path) -> str:
    """A path on one line of the summary, whatever its name holds (newlines, markup brackets)."""
    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(path)))


def _one_line(text: str) -> str:
    return escape(" ".join(str(text).split()))


def _ocr_note(path: Path, document: Document) -> list[str]:
    """'ocr scan.pdf: pages 1-2, mean word confidence 88.4 (lowest article 79.0)' for a scan."""
    if document.read_as != "ocr":
        return []
    scores = [a.source.ocr_confidence for a in document.articles if a.source.ocr_confidence is not None]
    pages = sorted({a.source.pdf_page for a in document.articles if a.source.pdf_page})
    where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}" if pages else "no page"
    if not scores:
        return [f"ocr {shown(path)}: {where}, no confidence given"]
    return [f"ocr {shown(path)}: {where}, mean word confidence {sum(scores) / len(scores):.1f} "
            f"(lowest article {min(scores):.1f})"]


def run_load(
    paths: list[Path],
    settings: Settings,
    console: Console,
    max_bytes: int = MAX_FILE_BYTES,
    retry: RetryPolicy = DEFAULT_POLICY,
    writers: int = 1,
    lexicon: Lexicon | None = None,
    url: str | None = None,
    urls: Mapping[Path, str] | None = None,
) -> int:
    """Load every file; return the exit code (0 all loaded, 1 something refused, 2 Neo4j unusable).

    ``writers`` files are loaded at once, each from its own thread. ``url``: where the one file
    given was published; refused (exit 1, nothing loaded) when the paths hold more than one file.
    ``urls``: where each of several files was published (`guanxi fetch`'s pages), by path.
    """
    from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

    from graph.errors import GraphError, GraphUnavailable, is_login_refusal
    from graph.server import Neo4jServerError, open_driver
    from graph.writer import GraphWriter

    # The server's query notifications (unknown labels on a fresh graph) are not the user's business.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    found = gather(paths)
    if url is not None and len(found.files) != 1:
        console.print(f"[red]error:[/red] --url names the address of one file; {len(found.files)} files were given.",
                      soft_wrap=True)
        return EXIT_REFUSED
    refused: list[Refusal] = list(found.refused)
    totals: Counter[str] = Counter()
    try:
        driver = open_driver(settings)
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, Neo4jServerError, OSError, ValueError) as exc:
        console.print(
            f"[red]error:[/red] cannot reach Neo4j: {_one_line(str(exc))}. Start it with `guanxi neo4j start`.",
            soft_wrap=True,
        )
        return EXIT_NEO4J
    except ClientError as exc:
        if not is_login_refusal(exc):
            raise
        # AuthenticationRateLimit: wrong passwords (maybe another client's) locked the user a while.
        console.print(f"[red]error:[/red] Neo4j refused the login: {_one_line(exc.message or str(exc))} "
                      "Check the password; after too many wrong ones Neo4j waits a few seconds before it "
                      "accepts the right one.", soft_wrap=True)
        return EXIT_NEO4J

    def tell_retry(attempt: int, delay: float, exc: BaseException) -> None:
        console.print(
            f"[yellow]Neo4j is not answering[/yellow] ({type(exc).__name__}); "
            f"attempt {attempt} of {retry.attempts} failed, trying again in {delay:.1f} s",
            soft_wrap=True,
        )

    lost: str | None = None
    not_attempted = 0
    scans: list[str] = []  # one line per OCR'd file: how sure Tesseract was
    routes: list[str] = []  # "html page.html", "pdf e-paper.pdf": how each non-text file was read
    try:
        writer = GraphWriter(driver, settings.neo4j_database, continue_on_error=True, retry=retry,
                             on_retry=tell_retry)
        try:
            writer.prepare()
        except (GraphError, ServiceUnavailable) as exc:
            console.print(f"[red]error:[/red] Neo4j failed while preparing the schema: {_one_line(str(exc))}",
                          soft_wrap=True)
            return EXIT_NEO4J
        columns = (
            TextColumn("[bold]loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[name]}"),
        )
        stop = threading.Event()  # set once Neo4j is lost: files not yet started are not attempted

        def load_file(path: Path) -> tuple[Path, Outcome]:
            if stop.is_set():
                return path, None
            result = extract_one(path, max_bytes, lexicon=lexicon)
            if isinstance(result, Refusal):
                return path, result
            if url is not None:
                result.document.url = url
            elif urls is not None and path in urls:
                result.document.url = urls[path]
            try:
                return path, (result.document, writer.write_document(result.document, settle=False))
            except GraphUnavailable as exc:
                stop.set()
                return path, exc
            except GraphError as exc:  # e.g. a query past its time limit: this file only
                return path, Refusal(path, f"Neo4j refused it: {exc}")

        with Progress(*columns, console=console, transient=False) as progress, \
                ThreadPoolExecutor(max_workers=max(1, writers)) as pool:
            task = progress.add_task("load", total=len(found.files), name="")
            # One writer: in order, in this thread. Several: each file's extraction and transactions
            # overlap the others' round trips to Neo4j (bench/README.md); articles stay one
            # transaction each, so a lost server still leaves no half article.
            outcomes = pool.map(load_file, found.files) if writers > 1 else map(load_file, found.files)
            for path, outcome in outcomes:
                progress.update(task, name=escape(path.name))
                progress.advance(task)
                if outcome is None:
                    not_attempted += 1
                elif isinstance(outcome, Refusal):
                    refused.append(outcome)
                elif isinstance(outcome, GraphUnavailable):
                    lost = lost or f"while loading {shown(path)}: {_one_line(str(outcome))}"
                    not_attempted += 1
                else:
                    document, summary = outcome
                    if summary.failed:
                        errors = [a for a in summary.per_article if a.error]
                        refused.append(Refusal(
                            path,
                            f"{summary.failed} of {len(document.articles)} articles not written "
                            f"(Neo4j: {errors[0].error}); the others are stored",
                        ))
                    totals["documents"] += 1
                    totals[f"read as {document.read_as}"] += 1
                    scans.extend(_ocr_note(path, document))
                    if document.read_as in ("html", "pdf"):
                        routes.append(f"{document.read_as} {shown(path)}")
                    totals["articles"] += summary.articles
                    totals["people"] += sum(len(a.people) for a in document.articles)
                    totals["events"] += sum(len(a.events) for a in document.articles)
                    totals["nodes written"] += summary.nodes_created
                    totals["relationships written"] += summary.relationships_created
        if not lost and totals["documents"]:
            try:
                writer.settle()
            except GraphError as exc:  # everything is stored; search catches up by itself
                console.print(f"[yellow]note:[/yellow] search may take a moment to find the new names "
                              f"({_one_line(str(exc))})", soft_wrap=True)
    finally:
        driver.close()

    table = Table("loaded", "count", title="guanxi load")
    for key in ("documents", "articles", "people", "events", "nodes written", "relationships written"):
        table.add_row(key, str(totals[key]))
    # How each loaded file was read: a journalist weighs facts from an OCR'd scan differently.
    for read_as in READ_AS:
        if totals[f"read as {read_as}"]:
            table.add_row(f"  read as {read_as}", str(totals[f"read as {read_as}"]))
    table.add_row("files refused", str(len(refused)))
    table.add_row("files skipped (not .txt/.htm/.html/.pdf)", str(len(found.skipped)))
    if lost:
        table.add_row("files not attempted (Neo4j lost)", str(not_attempted))
    console.print(table)
    # Each file not read as plain text says which way it went (a scan's line says more, below).
    for line in routes + scans:
        console.print(line, soft_wrap=True, highlight=False)
    for refusal in refused:
        # A fetched page's file is named by a hash: the address is what the user knows it by.
        where = f" ({_one_line(urls[refusal.path])})" if urls and refusal.path in urls else ""
        console.print(f"[yellow]refused[/yellow] {shown(refusal.path)}{where}: {_one_line(refusal.reason)}",
                      soft_wrap=True)
    for path in found.skipped:
        console.print(f"skipped {shown(path)}: not a text article file", soft_wrap=True, highlight=False)
    if lost:
        console.print(
            f"[red]error:[/red] Neo4j became unavailable {lost}. Nothing of the unfinished article was "
            f"written; {totals['articles']} article(s) stored before it. Run the same command again when Neo4j is "
            "back: loaded articles are merged, not duplicated.",
            soft_wrap=True,
        )
        return EXIT_NEO4J
    return EXIT_REFUSED if refused else EXIT_OK
