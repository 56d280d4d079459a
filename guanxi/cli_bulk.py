"""`guanxi export-csv PATH... --out DIR`: extraction output as neo4j-admin import CSV files.

The lead registers it in guanxi/cli.py with ``app.command("export-csv")(export_csv)``; until then
``python -m guanxi.cli_bulk PATH... --out DIR`` runs the same command.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

err = Console(stderr=True, soft_wrap=True)
out_console = Console(soft_wrap=True)


def export_csv(
    paths: Annotated[list[Path], typer.Argument(help="Article or page files and folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the CSV files (created).")],
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    dask: Annotated[bool, typer.Option("--dask", help="Extract with dask.bag (`pip install 'guanxi[distributed]'`), "
                                       "--workers partitions.")] = False,
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon of titles, organs and companies.")] = None,
    database: Annotated[str, typer.Option(help="Database name in the printed neo4j-admin command.")] = "neo4j",
) -> None:
    """Extract facts and write node and relationship CSV files for `neo4j-admin database import full`.

    Ids come from names alone (no entity resolution: that needs the graph). Nodes and relationships
    are deduplicated across files, as the transactional load's MERGE would.
    """
    from graph.bulk_csv import BulkGraph, import_arguments, write_csv
    from guanxi.cli import _use_lexicon
    from loaders.batch import Refusal, collect_files
    from loaders.parallel import dask_available, extract_many, extract_with_dask

    words = _use_lexicon(lexicon)
    files, refused = collect_files(paths)
    if dask:
        if not dask_available():
            err.print("[red]error:[/red] dask is not installed: pip install 'guanxi[distributed]'")
            raise typer.Exit(2)
        results = extract_with_dask(files, npartitions=workers, lexicon=words)
    else:
        results = extract_many(files, workers=workers, lexicon=words)
    graph = BulkGraph()
    for result in results:
        if isinstance(result, Refusal):
            refused.append(result)
        else:
            graph.add_document(result.document)
    for refusal in refused:
        err.print(f"[yellow]refused[/yellow] {refusal.path}: {refusal.reason}")
    try:
        written = write_csv(graph, out)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None

    table = Table("what", "count")
    for label, count in graph.node_counts().items():
        table.add_row(f"(:{label})", str(count))
    for rtype, count in graph.relationship_counts().items():
        table.add_row(f"[:{rtype}]", str(count))
    out_console.print(table)
    out_console.print(f"{graph.documents} documents, {graph.articles} articles, {len(refused)} refused; "
                      f"{len(written.nodes) + len(written.relationships)} files in {out}")
    out_console.print("Import into a stopped Neo4j (it replaces the database), start it, then run "
                      "graph.bulk_csv.finish_import for the indexes and empty lists (docs/scale.md):")
    out_console.print("neo4j-admin " + shlex.join(import_arguments(written, database)))
    if not graph.documents:
        raise typer.Exit(1)


app = typer.Typer(add_completion=False)
app.command()(export_csv)

if __name__ == "__main__":
    app()
