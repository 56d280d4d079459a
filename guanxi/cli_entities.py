"""`guanxi entities …`: correct the graph by hand (merge, split, with an audit trail) and export it.

Corrections made here are the same as the API's (graph/corrections.py) and survive re-loads.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from guanxi.settings import get_settings

entities_app = typer.Typer(help="Merge, split and export entities.", no_args_is_help=True)
err = Console(stderr=True)


class ExportFormat(StrEnum):
    graphml = "graphml"
    csv = "csv"
    ftm = "ftm"


@contextmanager
def _repository() -> Iterator[Any]:
    from graph.repository import GraphRepository
    from graph.server import open_driver

    settings = get_settings()
    try:
        driver = open_driver(settings)
    except Exception as exc:  # no server: say so plainly instead of a traceback
        err.print(f"[red]error:[/red] cannot reach Neo4j: {exc}")
        raise typer.Exit(2) from exc
    try:
        yield GraphRepository(driver, settings.neo4j_database, query_timeout_s=settings.query_timeout_s)
    finally:
        driver.close()


def _correct(action: Any) -> Any:
    from graph.corrections import CorrectionError
    from graph.errors import GraphError

    try:
        return action()
    except CorrectionError as exc:
        err.print(f"[red]refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    except GraphError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


Reason = Annotated[str, typer.Option("--reason", "-r", help="Why: kept in the audit trail.")]
By = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: your login).")]


@entities_app.command()
def merge(
    into_id: Annotated[str, typer.Argument(help="The node that stays.")],
    other_id: Annotated[str, typer.Argument(help="The node merged into it (its id disappears).")],
    reason: Reason,
    by: By = None,
) -> None:
    """Merge OTHER_ID into INTO_ID: one person, company or project in two nodes."""
    with _repository() as repo:
        done = _correct(lambda: repo.merge_entities(into_id, other_id, by=by or getpass.getuser(), reason=reason))
    Console().print(f"merged {done.from_name} ({other_id}) into {done.into_name} ({into_id}): "
                    f"{done.moved_relationships} facts moved; correction {done.id}")


@entities_app.command()
def split(
    entity_id: Annotated[str, typer.Argument(help="The node that mixes two entities.")],
    article: Annotated[list[str], typer.Option("--article", "-a", help="An article whose mentions go to the new node; repeat.")],
    reason: Reason,
    name: Annotated[str | None, typer.Option(help="A name for the new node (default: the same).")] = None,
    by: By = None,
) -> None:
    """Split what some articles say about ENTITY_ID off to a new node."""
    with _repository() as repo:
        done = _correct(lambda: repo.split_entity(entity_id, article, by=by or getpass.getuser(), reason=reason,
                                                  name=name))
    Console().print(f"split {done.moved_relationships} facts of {entity_id} off to {done.new_id}; correction {done.id}")


@entities_app.command()
def undo(
    correction_id: Annotated[str, typer.Argument(help="The correction to undo (see `guanxi entities corrections`).")],
    reason: Annotated[str | None, typer.Option("--reason", "-r", help="Why: kept in the audit trail.")] = None,
    by: By = None,
) -> None:
    """Undo a merge or a split: the graph goes back exactly as it was before it."""
    with _repository() as repo:
        done = _correct(lambda: repo.undo_correction(correction_id, by=by or getpass.getuser(), reason=reason))
    Console().print(f"undid the {done.kind} {done.id}: {done.moved_relationships} facts are back where they were")


corrections_app = typer.Typer(help="The audit trail of corrections; export and import it.", invoke_without_command=True)
entities_app.add_typer(corrections_app, name="corrections")


@corrections_app.callback()
def corrections(
    ctx: typer.Context,
    entity_id: Annotated[str | None, typer.Option("--id", help="Only corrections touching this id.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """The audit trail of corrections, newest first (or `export` / `import` it)."""
    if ctx.invoked_subcommand is not None:
        return
    with _repository() as repo:
        found = _correct(lambda: repo.corrections(entity_id, limit=limit))
    table = Table("id", "when", "who", "what", "ids", "why", "undone")
    for c in found:
        ids = f"{c.from_id} → {c.into_id}" if c.kind == "merge" else f"{c.from_id} ⇢ {c.new_id}"
        table.add_row(c.id, c.at, c.by, c.kind, ids, c.reason, c.undone_at or "")
    Console().print(table)


@corrections_app.command("export")
def corrections_export(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write; default stdout.")] = None,
) -> None:
    """Every correction as JSON lines, oldest first: with the sources, all it takes to rebuild the graph."""
    with _repository() as repo:
        records = _correct(repo.export_corrections)
    body = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
    if out is None:
        sys.stdout.write(body)
    else:
        out.write_text(body, encoding="utf-8")
        err.print(f"wrote {out}: {len(records)} corrections")


@corrections_app.command("import")
def corrections_import(
    source: Annotated[Path, typer.Argument(help="JSON lines from `guanxi entities corrections export`.")],
) -> None:
    """Store exported corrections in this graph; the next load of the same sources applies them."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] cannot read {source}: {exc}")
        raise typer.Exit(1) from exc
    with _repository() as repo:
        added = _correct(lambda: repo.import_corrections(records))
    Console().print(f"imported {added} of {len(records)} corrections ({len(records) - added} were already here); "
                    "load the sources to apply them")


@entities_app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="graphml, csv (two files) or ftm (JSON lines).")],
    entity_id: Annotated[str | None, typer.Option("--id", help="Centre of a neighbourhood (default: the whole graph).")] = None,
    depth: Annotated[int, typer.Option(min=1, max=3, help="Steps around --id.")] = 2,
    limit: Annotated[int, typer.Option(min=1, help="Most nodes.")] = 50_000,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File (csv: folder) to write; default stdout.")] = None,
) -> None:
    """Export the graph or a neighbourhood as GraphML, CSV or followthemoney entities."""
    from graph.export import edges_csv, ftm_lines, nodes_csv, to_graphml

    with _repository() as repo:
        if entity_id is None:
            view = _correct(lambda: repo.whole_graph(limit=limit))
        else:
            view = _correct(lambda: repo.neighbourhood(entity_id, depth=depth, limit=limit))
            if view is None:
                err.print(f"[red]error:[/red] no node with id {entity_id!r}")
                raise typer.Exit(1)
    if view.truncated:
        err.print(f"[yellow]note:[/yellow] stopped at {len(view.nodes)} nodes; raise --limit for more")
    if fmt is ExportFormat.csv:
        if out is None:
            sys.stdout.write(nodes_csv(view) + "\n" + edges_csv(view))
            return
        out.mkdir(parents=True, exist_ok=True)
        # 'utf-8-sig' writes the byte order mark Excel on Chinese Windows needs to read UTF-8.
        (out / "nodes.csv").write_text(nodes_csv(view), encoding="utf-8-sig")
        (out / "edges.csv").write_text(edges_csv(view), encoding="utf-8-sig")
        err.print(f"wrote {out / 'nodes.csv'} and {out / 'edges.csv'}")
        return
    body = to_graphml(view) if fmt is ExportFormat.graphml else ftm_lines(view)
    if out is None:
        sys.stdout.write(body)
    else:
        out.write_text(body, encoding="utf-8")
        err.print(f"wrote {out}: {len(view.nodes)} nodes, {len(view.edges)} edges")


if __name__ == "__main__":
    entities_app()
