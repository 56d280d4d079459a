"""`guanxi load`: files → facts → Neo4j, with a progress bar and a summary of what was written."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from guanxi.settings import Settings
from loaders.batch import Refusal, collect_files, extract_one


def run_load(paths: list[Path], settings: Settings, console: Console) -> int:
    """Load every file; return the exit code (0 all loaded, 1 something refused, 2 Neo4j unusable)."""
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    from graph.server import open_driver
    from graph.writer import GraphWriter

    files, refused = collect_files(paths)
    totals: Counter[str] = Counter()
    try:
        driver = open_driver(settings)
        driver.verify_connectivity()
    except (ServiceUnavailable, AuthError, OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] cannot reach Neo4j: {exc}. Start it with `guanxi neo4j start`.")
        return 2
    try:
        writer = GraphWriter(driver, settings.neo4j_database)
        writer.ensure_schema()
        columns = (
            TextColumn("[bold]loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[name]}"),
        )
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("load", total=len(files), name="")
            for path in files:
                progress.update(task, name=path.name)
                result = extract_one(path)
                if isinstance(result, Refusal):
                    refused.append(result)
                else:
                    try:
                        summary = writer.write_document(result.document)
                    except ServiceUnavailable as exc:
                        console.print(f"[red]error:[/red] Neo4j went away while loading {path}: {exc}")
                        refused.append(Refusal(path, "Neo4j unavailable; nothing of this file was half-written"))
                        break
                    except Neo4jError as exc:
                        refused.append(Refusal(path, f"Neo4j refused it: {exc.message or exc}"))
                    else:
                        totals["documents"] += 1
                        totals["articles"] += len(result.document.articles)
                        totals["people"] += sum(len(a.people) for a in result.document.articles)
                        totals["events"] += sum(len(a.events) for a in result.document.articles)
                        totals["nodes written"] += summary.nodes_created
                        totals["relationships written"] += summary.relationships_created
                progress.advance(task)
    finally:
        driver.close()

    table = Table("loaded", "count", title="guanxi load")
    for key in ("documents", "articles", "people", "events", "nodes written", "relationships written"):
        table.add_row(key, str(totals[key]))
    table.add_row("files refused", str(len(refused)))
    console.print(table)
    for refusal in refused:
        console.print(f"[yellow]refused[/yellow] {refusal.path}: {refusal.reason}")
    return 1 if refused else 0
