"""The `guanxi` console command: extract, load, serve, and run the local Neo4j."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from guanxi.cli_bulk import export_csv
from guanxi.cli_editors import editors_app
from guanxi.cli_entities import entities_app
from guanxi.cli_neo4j import neo4j_app
from guanxi.settings import get_settings

if TYPE_CHECKING:
    from loaders.facts.lexicon import Lexicon

app = typer.Typer(help="guanxi: a knowledge graph of officials, companies, projects and events.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j", help="Run the project's own local Neo4j.")
app.add_typer(entities_app, name="entities", help="Merge, split, undo and export entities.")
app.add_typer(editors_app, name="editors", help="Give editors their own API keys (kept hashed).")
app.command("export-csv")(export_csv)

err = Console(stderr=True)


def _use_lexicon(lexicon: Path | None) -> Lexicon | None:
    """The newsroom's lexicon the command reads with (None: the built-in one)."""
    lexicon = lexicon or get_settings().user_lexicon
    if lexicon is None:
        return None
    from loaders.facts import load_user_lexicon

    if not lexicon.is_file():
        err.print(f"[red]error:[/red] lexicon {lexicon} is not a file")
        raise typer.Exit(2)
    try:
        return load_user_lexicon(lexicon)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(
        help="Article or page files: text (UTF-8, GB18030, Big5), saved web pages, e-paper PDFs (scans by OCR).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the extraction JSON (shared/eval contract).")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the sentence and rule behind each fact.")] = False,
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon of titles, organs and companies.")] = None,
) -> None:
    """Read the facts out of files without touching Neo4j."""
    from guanxi.facts import to_eval_json
    from loaders.batch import Refusal, extract_one

    words = _use_lexicon(lexicon)
    failed = False
    for path in files:
        result = extract_one(path, lexicon=words)
        if isinstance(result, Refusal):
            err.print(f"[red]refused[/red] {path}: {result.reason}")
            failed = True
            continue
        data = to_eval_json(result.document, explain=explain)
        if as_json or explain:
            indent = 1 if len(files) == 1 else None
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
        else:
            _print_summary(result.document)
    if failed:
        raise typer.Exit(1)


def _print_summary(doc: object) -> None:
    from guanxi.facts import Document

    assert isinstance(doc, Document)
    console = Console()
    pub = doc.publication
    console.print(f"[bold]{doc.source}[/bold]  {pub.name or ''} {pub.date or ''} {pub.issue or ''}  "
                  f"(read as {doc.read_as})")
    paged = any(art.source.pdf_page for art in doc.articles)
    table = Table(*(["page"] if paged else []), "article", "date", "people", "events", "attendees", "projects",
                  "signings")
    for art in doc.articles:
        where = [" ".join(x for x in (str(art.source.pdf_page or ""), art.source.page_label or "",
                                      f"OCR {art.source.ocr_confidence:.0f}" if art.source.ocr_confidence else "")
                          if x)] if paged else []
        table.add_row(
            *where,
            art.title,
            art.date or "",
            str(len(art.people)),
            str(len(art.events)),
            str(sum(len(e.attendees) for e in art.events)),
            str(len(art.projects)),
            str(len(art.signings)),
        )
    console.print(table)


@app.command()
def load(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files and folders of articles (.txt, .htm, .html, .pdf).", show_default=False)] = None,
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon of titles, organs and companies.")] = None,
    max_size_mb: Annotated[
        float, typer.Option(envvar="GUANXI_MAX_FILE_MB", min=0.001, help="Refuse files larger than this.")
    ] = 20.0,
    retries: Annotated[
        int,
        typer.Option(envvar="GUANXI_LOAD_RETRIES", min=1, max=20,
                     help="Attempts per article while Neo4j restarts or drops the connection."),
    ] = 5,
    writers: Annotated[
        int,
        typer.Option(envvar="GUANXI_LOAD_WRITERS", min=1, max=16,
                     help="Files loaded at once (2-4 load an archive about 1.5x faster; 1 keeps file order)."),
    ] = 1,
    url: Annotated[
        str | None,
        typer.Option(help="The address the one file given was published at, shown with its articles "
                          "(a page's own canonical link or 原文链接 line is read without it)."),
    ] = None,
    watch: Annotated[
        Path | None,
        typer.Option(help="Load what is new or changed in this folder every --interval seconds, until Ctrl-C."),
    ] = None,
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between two looks at the --watch folder.")] = 10.0,
) -> None:
    """Extract facts from files and folders and write them into Neo4j, one article per transaction.

    Exit code 0: everything loaded; 1: some files refused (each listed with its reason);
    2: Neo4j unreachable. Running it again resumes: loaded articles are merged, not duplicated.
    """
    from graph.retry import RetryPolicy
    from guanxi.loading import run_load

    if url is not None and not re.match(r"https?://\S+$", url.strip()):
        raise typer.BadParameter("give an http:// or https:// address", param_hint="--url")
    if watch is not None and (paths or url):
        raise typer.BadParameter("--watch takes one folder, without other paths or --url", param_hint="--watch")
    if watch is None and not paths:
        raise typer.BadParameter("give files or folders to load, or --watch FOLDER", param_hint="PATHS")
    if watch is not None and not watch.is_dir():
        raise typer.BadParameter(f"{watch} is not a folder", param_hint="--watch")
    words = _use_lexicon(lexicon)
    settings, console = get_settings(), Console()

    def load_files(files: list[Path]) -> int:
        return run_load(files, settings, console, max_bytes=int(max_size_mb * 1024 * 1024),
                        retry=RetryPolicy(attempts=retries), writers=writers, lexicon=words,
                        url=url.strip() if url else None)

    if watch is None:
        raise typer.Exit(load_files(paths or []))
    from guanxi.watching import state_path
    from guanxi.watching import watch as watch_folder

    console.print(f"watching {watch} every {interval:g} s; Ctrl-C stops", highlight=False)
    done = watch_folder(watch, load_files, state_path(Path(settings.home), watch), interval)
    console.print(f"{'stopped: ' if done.interrupted else ''}{done.files} file(s) loaded in {done.loads} of "
                  f"{done.rounds} look(s) at {watch}"
                  + (f"; Neo4j was lost in {done.failed_rounds} (tried again the next time)" if done.failed_rounds else ""),
                  highlight=False, soft_wrap=True)
    raise typer.Exit(0)


@app.command()
def fetch(
    urls: Annotated[list[str] | None, typer.Argument(
        help="Addresses of pages (HTML, text or PDF).", show_default=False)] = None,
    list_file: Annotated[Path | None, typer.Option(
        "--list", help="A file of addresses, one a line (blank lines and # comments skipped).")] = None,
    feed: Annotated[list[str] | None, typer.Option(
        help="An RSS or Atom feed whose items' pages are fetched (may be given more than once).")] = None,
    every: Annotated[float | None, typer.Option(
        min=1.0, help="With --feed: read the feed again every this many seconds, until Ctrl-C.")] = None,
    delay: Annotated[float | None, typer.Option(
        min=0.0, help="Seconds between two requests to one site (default GUANXI_FETCH_DELAY_S, else 2).")] = None,
    attempts: Annotated[int, typer.Option(
        min=1, max=10, help="Attempts per page while the site answers 5xx or times out (with backoff).")] = 3,
    timeout: Annotated[float, typer.Option(min=1.0, help="Seconds to wait for a site's answer.")] = 20.0,
    cache: Annotated[Path | None, typer.Option(
        help="Where pages are kept (default GUANXI_FETCH_CACHE, else fetch-cache under the home).")] = None,
    no_load: Annotated[bool, typer.Option("--no-load", help="Only fetch into the cache; load nothing.")] = False,
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon of titles, organs and companies.")] = None,
) -> None:
    """Download pages politely (robots.txt, a pause per site, a cache) and load them, each with its address.

    Exit code 0: everything fetched and loaded; 1: some address failed or some page was refused
    (each listed with its reason, the rest go on); 2: Neo4j unreachable (the pages are kept: run it again).
    """
    from guanxi.fetching import run_fetch, summary_line
    from guanxi.loading import run_load
    from loaders.fetch import Fetched, Fetcher, read_list

    if every is not None and not feed:
        raise typer.BadParameter("--every reads a --feed again; give one", param_hint="--every")
    targets = list(urls or [])
    if list_file is not None:
        try:
            targets += read_list(list_file)
        except (OSError, UnicodeDecodeError) as exc:
            raise typer.BadParameter(f"cannot read {list_file}: {exc}", param_hint="--list") from None
    if not targets and not feed:
        raise typer.BadParameter("give addresses, --list FILE or --feed URL", param_hint="URLS")
    settings, console = get_settings(), Console()
    words = None if no_load else _use_lexicon(lexicon)
    fetcher = Fetcher(cache or settings.fetch_cache_path, contact=settings.fetch_contact,
                      delay_s=settings.fetch_delay_s if delay is None else delay,
                      timeout_s=timeout, attempts=attempts)
    if not settings.fetch_contact:
        err.print("note: set GUANXI_FETCH_CONTACT (an e-mail address or a page) so that sites can reach you; "
                  f"the user agent is now {fetcher.user_agent!r}", highlight=False, soft_wrap=True)

    def load_pages(pages: list[Fetched]) -> int:
        return run_load([page.path for page in pages], settings, console, lexicon=words,
                        urls={page.path: page.url for page in pages})

    code, summary = run_fetch(fetcher, targets, feed or [], None if no_load else load_pages, console,
                              every_s=every)
    console.print(summary_line(summary), highlight=False)
    raise typer.Exit(code)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Worker processes (default GUANXI_API_WORKERS, else one per core)."),
    ] = None,
    access_log: Annotated[
        bool | None, typer.Option("--access-log/--no-access-log", help="A log line per request (GUANXI_API_ACCESS_LOG).")
    ] = None,
) -> None:
    """Serve the API and the journalist page (OpenAPI docs at /docs)."""
    from guanxi.serving import default_workers
    from guanxi.serving import serve as serve_app

    settings = get_settings()
    count = workers or settings.api_workers or default_workers()
    log_each = settings.api_access_log if access_log is None else access_log
    Console().print(f"guanxi API on http://{host}:{port}  (docs: http://{host}:{port}/docs), "
                    f"{count} worker{'s' if count > 1 else ''}")
    serve_app("api.main:app", host=host, port=port, workers=count, access_log=log_each)


if __name__ == "__main__":
    app()
