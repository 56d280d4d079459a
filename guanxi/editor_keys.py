"""Each editor's own API key, kept hashed in one file, so that the audit trail of corrections names
the key's owner rather than a name the client sends.

The file holds a line ``name<TAB>sha256 of the key`` per editor and is readable only by its owner.
Keys are made here (``guanxi editors add``) from 32 random bytes, so a plain SHA-256 is enough to
keep them: nobody can guess them back from the hash, and checking one costs a microsecond.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

# Shorter keys are refused everywhere, GUANXI_API_KEY included: a short one can be guessed.
MIN_KEY_LENGTH = 20
_NAME = re.compile(r"^[^\t\n\r]{1,100}$")


class EditorKeyError(ValueError):
    """A name or key that cannot be used; the message says why."""


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def check_length(key: str) -> None:
    if len(key) < MIN_KEY_LENGTH:
        raise EditorKeyError(f"an API key needs at least {MIN_KEY_LENGTH} characters")


def read_editors(path: Path) -> dict[str, str]:
    """Hash → editor name; an absent file is no editors."""
    found: dict[str, str] = {}
    with contextlib.suppress(FileNotFoundError):
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _, digest = line.rpartition("\t")
            if name and re.fullmatch(r"[0-9a-f]{64}", digest):
                found[digest] = name
    return found


def owner_of(key: str, editors: dict[str, str]) -> str | None:
    digest = key_hash(key)
    # Compared in constant time against each stored hash, so timing says nothing about any of them.
    matches = [name for stored, name in editors.items() if hmac.compare_digest(stored, digest)]
    return matches[0] if matches else None


def _write(path: Path, editors: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(f"{name}\t{digest}\n" for digest, name in sorted(editors.items(), key=lambda x: x[1]))
    partial.replace(path)


def add_editor(path: Path, name: str, key: str | None = None) -> str:
    """Gives ``name`` a key (a new random one unless given) and returns it; it is shown only now."""
    name = name.strip()
    if not _NAME.match(name):
        raise EditorKeyError("an editor's name is 1 to 100 characters on one line, without tabs")
    key = key or secrets.token_urlsafe(32)
    check_length(key)
    editors = {d: n for d, n in read_editors(path).items() if n != name}
    if key_hash(key) in editors:
        raise EditorKeyError("that key is another editor's")
    editors[key_hash(key)] = name
    _write(path, editors)
    return key


def remove_editor(path: Path, name: str) -> bool:
    editors = read_editors(path)
    kept = {d: n for d, n in editors.items() if n != name}
    if len(kept) == len(editors):
        return False
    _write(path, kept)
    return True
