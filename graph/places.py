"""A division asked for by code or name: '370405', '370405000000', '台儿庄区', '台儿庄'.

Read from the national division table the loaders use (loaders/facts/divisions.py), so a code the
API accepts is one a post can carry.
"""

from __future__ import annotations

from graph.views import Division, DivisionRef


class DivisionNotFound(LookupError):
    """No division has that code or name."""


class DivisionAmbiguous(LookupError):
    """The name is several divisions' ('市中区'): the caller must give a code."""

    def __init__(self, name: str, candidates: list[Division]) -> None:
        listed = "; ".join(f"{d.code[:6]} {d.name} ({'、'.join(a.name for a in reversed(d.above))})"
                           for d in candidates)
        super().__init__(f"{name} names {len(candidates)} divisions; ask by code: {listed}")
        self.candidates = candidates


def code_prefix(division: DivisionRef) -> str:
    """The start every code under ``division`` shares: 37 for 山东省, 3704 for 枣庄市, 370405 for 台儿庄区."""
    from loaders.facts.division_codes import prefix

    return prefix(division.code, division.level)


def _view(code: str) -> Division:
    from loaders.facts.divisions import gazetteer

    gaz = gazetteer()
    known = gaz.by_code[code]
    above = [gaz.by_code[c] for c in known.parents if c in gaz.by_code]
    return Division(code=known.code, name=known.name, level=known.level,  # type: ignore[arg-type]
                    above=[DivisionRef(code=d.code, name=d.name, level=d.level) for d in above])  # type: ignore[arg-type]


def find_division(text: str) -> Division:
    """The division a code (6 or 12 digits) or a name stands for.

    Raises DivisionNotFound for a code or name no division has, DivisionAmbiguous for a name that
    several have, and ValueError for digits that are no code's length.
    """
    from loaders.facts.division_codes import divisions_named
    from loaders.facts.divisions import gazetteer
    from loaders.facts.script import to_matching

    wanted = text.strip()
    gaz = gazetteer()
    if wanted.isascii() and wanted.isdigit():
        if len(wanted) not in (6, 12):
            raise ValueError(f"{wanted!r} is not a division code: a code has 6 or 12 digits (370405)")
        code = wanted.ljust(12, "0")
        if code not in gaz.by_code:
            raise DivisionNotFound(f"no division with code {wanted}")
        return _view(code)
    found = divisions_named(wanted)
    if not found:
        # '台儿庄': a name without its level word, where only one division has it.
        found = list(gaz.by_short.get(to_matching(wanted), []))
    if not found:
        raise DivisionNotFound(f"no division named {wanted!r}")
    if len(found) > 1:
        raise DivisionAmbiguous(wanted, sorted((_view(d.code) for d in found), key=lambda d: d.code))
    return _view(found[0].code)
