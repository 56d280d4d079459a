"""`guanxi editors add|list|remove`: each editor's own API key for corrections, kept hashed.

The key is printed once, when it is made; the file keeps only its hash (guanxi/editor_keys.py).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from guanxi.editor_keys import EditorKeyError, add_editor, read_editors, remove_editor
from guanxi.settings import get_settings

editors_app = typer.Typer(help="Give editors their own API keys (kept hashed).", no_args_is_help=True)
err = Console(stderr=True)


@editors_app.command()
def add(name: Annotated[str, typer.Argument(help="Who: the audit trail names this editor.")]) -> None:
    """Make a new key for NAME (replacing any old one) and print it once."""
    path = get_settings().editor_keys_path
    try:
        key = add_editor(path, name)
    except EditorKeyError as exc:
        err.print(f"[red]refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    err.print(f"{name}'s key (shown only now; {path} keeps its hash):")
    print(key)


@editors_app.command("list")
def list_editors() -> None:
    """The editors who have a key."""
    for name in sorted(read_editors(get_settings().editor_keys_path).values()):
        print(name)


@editors_app.command()
def remove(name: Annotated[str, typer.Argument(help="The editor whose key stops working.")]) -> None:
    """Take NAME's key away."""
    if not remove_editor(get_settings().editor_keys_path, name):
        err.print(f"[red]error:[/red] no editor named {name!r}")
        raise typer.Exit(1)
    err.print(f"{name}'s key no longer works")
