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
    dask: Annotated[bool, typer.Option("--dask", help="Run as one Dask job (`pip install 'guanxi[distributed]'`): "
                                       "extraction in --workers partitions, then the resolution pass.")] = False,
    resolve: Annotated[bool, typer.Option("--resolve/--no-resolve",
                                          help="Resolve people, companies and projects across the archive, "
                                          "as `guanxi load` does; --no-resolve gives ids from names alone.")] = True,
    lexicon: Annotated[Path | None, typer.Option(help="A user lexicon of titles, organs and companies.")] = None,
    database: Annotated[str, typer.Option(help="Database name in the printed neo4j-admin command.")] = "neo4j",
) -> None:
    """Extract facts and write node and relationship CSV files for `neo4j-admin database import full`.

    People, companies and projects are resolved over the whole archive before the files are written,
    with the rules `guanxi load` applies, in the documents' date order whatever order the files are
    given in: the files hold the graph a `guanxi load` of them in date order builds (docs/scale.md).
    """
    from graph.bulk_csv import import_arguments
    from guanxi.bulk_export import Exported, export_archive, export_archive_dask
    from guanxi.cli import _use_lexicon
    from loaders.batch import collect_files
    from loaders.parallel import dask_available

    words = _use_lexicon(lexicon)
    files, refused = collect_files(paths)
    try:
        if dask:
            if not dask_available():
                err.print("[red]error:[/red] dask is not installed: pip install 'guanxi[distributed]'")
                raise typer.Exit(2)
            done: Exported = export_archive_dask(files, out, npartitions=workers, lexicon=words, resolve=resolve)
        else:
            done = export_archive(files, out, workers=workers, lexicon=words, resolve=resolve)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    reasons = [(str(r.path), r.reason) for r in refused] + done.refused
    for path, reason in reasons:
        err.print(f"[yellow]refused[/yellow] {path}: {reason}")

    table = Table("what", "count")
    for label, count in done.nodes.items():
        table.add_row(f"(:{label})", str(count))
    for rtype, count in done.relationships.items():
        table.add_row(f"[:{rtype}]", str(count))
    out_console.print(table)
    written = done.files
    out_console.print(f"{done.documents} documents, {done.articles} articles, {len(reasons)} refused; "
                      f"{len(written.nodes) + len(written.relationships)} files in {out}")
    out_console.print("Import into a stopped Neo4j (it replaces the database), start it, then run "
                      "graph.bulk_csv.finish_import for the indexes and empty lists (docs/scale.md):")
    out_console.print("neo4j-admin " + shlex.join(import_arguments(written, database)))
    if not done.documents:
        raise typer.Exit(1)


app = typer.Typer(add_completion=False)
app.command()(export_csv)

if __name__ == "__main__":
    app()
