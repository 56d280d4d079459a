"""`guanxi neo4j start|stop|status|dump|restore|jars`: the project's own local Neo4j server.

Also runnable as `python -m guanxi.cli_neo4j ...` (the Makefile does, so it works before the
sub-app is registered anywhere).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.server import (
    LocalNeo4j,
    Neo4jServerError,
    ServerStatus,
    ensure_jars,
    jars_present,
    uses_external_server,
)
from guanxi.settings import Settings

neo4j_app = typer.Typer(help="Run the project's local Neo4j server (no Docker needed).", no_args_is_help=True)
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

InstanceOption = Annotated[
    str | None, typer.Option("--instance", help="Instance name under .neo4j/instances (default: settings).")
]
PortOption = Annotated[int | None, typer.Option("--port", help="Bolt port to listen on (default: settings).")]


def _settings(instance: str | None, port: int | None = None) -> Settings:
    overrides: dict[str, object] = {}
    if instance:
        overrides["instance"] = instance
    if port:
        overrides["bolt_port"] = port
    return Settings(**overrides)  # type: ignore[arg-type]


def _fail(message: str) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=1)


def _show(status: ServerStatus) -> None:
    state = "[green]running[/]" if status.running else "[yellow]stopped[/]"
    console.print(f"Neo4j instance [bold]{status.instance}[/]: {state}", highlight=False)
    if status.pid is not None:
        console.print(f"  pid       {status.pid}", highlight=False)
    console.print(f"  bolt      {status.bolt_uri}", highlight=False)
    console.print(f"  data      {status.data_dir}", highlight=False)
    console.print(f"  log       {status.log_file}", highlight=False)


def _external_note(settings: Settings) -> bool:
    if uses_external_server(settings):
        console.print(
            f"GUANXI_NEO4J_URI is set ({settings.neo4j_uri}): the project uses that server, "
            "the local one is not managed.",
            highlight=False,
        )
        return True
    return False


@neo4j_app.command()
def start(instance: InstanceOption = None, port: PortOption = None) -> None:
    """Start the local server (idempotent) and wait until it answers on Bolt."""
    settings = _settings(instance, port)
    if _external_note(settings):
        return
    try:
        if not jars_present(settings):
            console.print("Fetching the Neo4j server jars with Maven (first run only)…")
            ensure_jars(settings)
        server = LocalNeo4j(settings)
        if server.status().running:
            outcome = server.start()
        else:
            with console.status(f"Starting Neo4j instance {settings.instance}…"):
                outcome = server.start()
    except Neo4jServerError as error:
        raise _fail(str(error)) from None
    if outcome.already_running:
        console.print("Already running.")
    _show(outcome.status)


@neo4j_app.command()
def stop(instance: InstanceOption = None) -> None:
    """Stop the local server cleanly."""
    settings = _settings(instance)
    if _external_note(settings):
        return
    try:
        with console.status(f"Stopping Neo4j instance {settings.instance}…"):
            was_running = LocalNeo4j(settings).stop()
    except Neo4jServerError as error:
        raise _fail(str(error)) from None
    console.print(
        f"Neo4j instance [bold]{settings.instance}[/] {'stopped' if was_running else 'was not running'}.",
        highlight=False,
    )


@neo4j_app.command()
def status(instance: InstanceOption = None) -> None:
    """Say whether the local server runs, with its pid, Bolt address and data folder.

    Exits with 3 when it is not running, so scripts can test it.
    """
    settings = _settings(instance)
    if _external_note(settings):
        return
    try:
        current = LocalNeo4j(settings).status()
    except Neo4jServerError as error:
        raise _fail(str(error)) from None
    _show(current)
    if not current.running:
        raise typer.Exit(code=3)


DatabaseOption = Annotated[str | None, typer.Option("--database", help="Which database (default: settings).")]


def _instance(instance: str | None) -> tuple[Settings, LocalNeo4j]:
    """The instance as it last ran: started again after a backup on the port it had."""
    settings = _settings(instance)
    settings = settings.model_copy(update={"bolt_port": LocalNeo4j(settings).configured_bolt_port()})
    return settings, LocalNeo4j(settings)


@contextmanager
def _stopped(server: LocalNeo4j) -> Iterator[None]:
    """The server stopped for the body, and started again after it if it was running."""
    was_running = server.status().running
    if was_running:
        with console.status(f"Stopping Neo4j instance {server.name}…"):
            server.stop()
    try:
        yield
    finally:
        if was_running:
            with console.status(f"Starting Neo4j instance {server.name} again…"):
                server.start()


@neo4j_app.command()
def dump(
    path: Annotated[Path, typer.Argument(help="The dump file to write (e.g. backups/graph-2024-05-01.dump).")],
    instance: InstanceOption = None,
    database: DatabaseOption = None,
) -> None:
    """Back the graph up with neo4j-admin (the server stops for it and starts again)."""
    settings, server = _instance(instance)
    if _external_note(settings):
        raise _fail("back up an external server with its own neo4j-admin")
    name = database or settings.neo4j_database
    started = time.monotonic()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _stopped(server), console.status(f"Dumping database {name}…"):
            size = server.dump(name, path)
    except (Neo4jServerError, OSError) as error:
        raise _fail(str(error)) from None
    console.print(f"dumped database {name} of instance {settings.instance} to {path}: "
                  f"{size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s", highlight=False)


@neo4j_app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A dump file from `guanxi neo4j dump`.")],
    instance: InstanceOption = None,
    database: DatabaseOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Replace the graph without asking.")] = False,
) -> None:
    """Replace the graph with a dump (the server stops for it and starts again)."""
    settings, server = _instance(instance)
    if _external_note(settings):
        raise _fail("restore an external server with its own neo4j-admin")
    name = database or settings.neo4j_database
    if not path.is_file():
        raise _fail(f"no dump at {path}")
    if not yes and not typer.confirm(f"Replace database {name} of instance {settings.instance} with {path}?"):
        raise typer.Exit(code=1)
    started = time.monotonic()
    try:
        with _stopped(server), console.status(f"Restoring database {name}…"):
            server.restore(name, path)
    except (Neo4jServerError, OSError) as error:
        raise _fail(str(error)) from None
    console.print(f"restored database {name} of instance {settings.instance} from {path} "
                  f"in {time.monotonic() - started:.1f} s", highlight=False)


@neo4j_app.command()
def jars() -> None:
    """Fetch the Neo4j server jars with Maven unless they are already there."""
    settings = Settings()
    try:
        if jars_present(settings):
            console.print("Neo4j server jars already present.")
            return
        console.print("Fetching the Neo4j server jars with Maven (first run only)…")
        ensure_jars(settings)
    except Neo4jServerError as error:
        raise _fail(str(error)) from None
    console.print("Done.")


if __name__ == "__main__":
    neo4j_app()
