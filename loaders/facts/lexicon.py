"""Vocabulary the fact rules read: built-in word lists plus a newsroom's own file.

Built-in lists live in ``loaders/lexicons/*.txt`` (one or more words a line,
``#`` starts a comment). A newsroom adds words with :func:`load_user_lexicon`;
the file format is described in ``loaders/lexicons/README.md``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jieba

from guanxi.facts import ROLES, Role
from loaders.facts.script import to_matching

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

jieba.setLogLevel(logging.WARNING)

# Sections a user lexicon may hold, and the built-in file each one extends.
SECTIONS = {
    "titles": "titles.txt",
    "corporate_titles": "corporate_titles.txt",
    "stops": "title_stops.txt",
    "organs": "organs.txt",
    "followers": "name_followers.txt",
    "surnames": "surnames.txt",
    "not_names": "not_names.txt",
    "never_names": "never_names.txt",
    "not_given_names": "not_given_names.txt",
    "transliteration": "transliteration_chars.txt",
    "company_suffixes": "company_suffixes.txt",
    "company_words": "company_words.txt",
    "places": "places.txt",
    "project_words": "project_words.txt",
    "generic_projects": "generic_projects.txt",
    "generic_companies": "generic_companies.txt",
    "legal_endings": "legal_endings.txt",
    "project_phrase_ends": "project_phrase_ends.txt",
    "product_words": "product_words.txt",
    "project_stops": "project_name_stops.txt",
    "companies": "",
    "roles": "role_verbs.txt",
}

def _words(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        out.extend(to_matching(w) for w in line.split())
    return out


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass
class Lexicon:
    words: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)

    def get(self, section: str) -> set[str]:
        return self.words.setdefault(section, set())

    def add_role(self, verb: str, role: str) -> None:
        known = next((r for r in ROLES if r == role), None)  # the Literal itself, checked
        if known is None:
            raise ValueError(f"unknown role {role!r} for {verb!r}")
        self.roles[to_matching(verb)] = known

    # Compiled patterns: rebuilt when the lexicon changes (see _reset).
    @cached_property
    def head_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.get("titles")))

    @cached_property
    def follower_re(self) -> re.Pattern[str]:
        # A role verb may follow a name as well: '…张明华巡河'.
        return re.compile(_alternation(self.get("followers") | set(self.roles)))

    @cached_property
    def stop_re(self) -> re.Pattern[str]:
        # A count ('43个', '三家', '第十届') ends what comes before it; 家 and 个 alone do not
        # ('旺家福', '个旧').
        # A date's digits take their 月/日 along ('5月6日市委书记…').
        counts = r"[0-9０-９]+(?:[个届家月号]|日(?!前))?|[一二三四五六七八九十百千几多两]+[个届家]"
        return re.compile(r"\s+|" + counts + r"|[“”\"'《》]|" + _alternation(self.get("stops")))

    @cached_property
    def protect_re(self) -> re.Pattern[str]:
        words = self.get("organs") | self.get("company_suffixes") | self.get("companies")
        return re.compile(_alternation(words))

    @cached_property
    def company_suffix_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.get("company_suffixes")))

    @cached_property
    def never_name_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.get("never_names")) or "(?!)")

    @cached_property
    def place_start_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.get("places")))

    @cached_property
    def company_word_re(self) -> re.Pattern[str]:
        return re.compile("(?:" + _alternation(self.get("company_words")) + ")$")

    @cached_property
    def company_word_start_re(self) -> re.Pattern[str]:
        """One trade word where a match starts ('科技' of '某某科技电子产品')."""
        return re.compile(_alternation(self.get("company_words")))

    @cached_property
    def legal_ending_re(self) -> re.Pattern[str]:
        return re.compile("(?:" + _alternation(self.get("legal_endings")) + ")$")

    @cached_property
    def project_phrase_end_re(self) -> re.Pattern[str]:
        return re.compile("(?:" + _alternation(self.get("project_phrase_ends")) + ")$")

    @cached_property
    def project_stop_re(self) -> re.Pattern[str]:
        # Longest first (the alternation sorts so): '对接' stops a name whole, not leaving '接'.
        return re.compile(r"\s+|" + _alternation(self.get("project_stops")))

    @cached_property
    def product_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.get("product_words")))

    @cached_property
    def role_re(self) -> re.Pattern[str]:
        return re.compile(_alternation(set(self.roles)))

    @cached_property
    def compound_surnames(self) -> set[str]:
        return {s for s in self.get("surnames") if len(s) == 2}

    @cached_property
    def known_company_re(self) -> re.Pattern[str] | None:
        words = self.get("companies")
        return re.compile(_alternation(words)) if words else None

    def extended(self, additions: dict[str, list[str]]) -> Lexicon:
        """A new lexicon: these words on top of this one's (which stays as it is)."""
        out = Lexicon({k: set(v) for k, v in self.words.items()}, dict(self.roles))
        for section, words in additions.items():
            out.add(section, words)
        return out

    def __getstate__(self) -> dict[str, object]:
        # Sent to worker processes without its compiled patterns; they are rebuilt there.
        return {"words": self.words, "roles": self.roles}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def _reset(self) -> None:
        for name in (
            "head_re", "follower_re", "stop_re", "protect_re", "company_suffix_re",
            "company_word_re", "company_word_start_re", "role_re", "compound_surnames", "known_company_re",
            "legal_ending_re", "project_phrase_end_re", "product_re", "project_stop_re",
            "place_start_re", "never_name_re",
        ):
            self.__dict__.pop(name, None)

    def add(self, section: str, words: list[str]) -> None:
        if section == "roles":
            for i in range(0, len(words) - 1, 2):
                self.add_role(words[i], words[i + 1])
        else:
            self.get(section).update(words)
        self._reset()


def _builtin() -> Lexicon:
    lex = Lexicon()
    for section, filename in SECTIONS.items():
        if not filename:
            lex.get(section)
            continue
        words = _words((LEXICON_DIR / filename).read_text(encoding="utf-8"))
        if section == "roles":
            lex.add("roles", words)
        else:
            lex.get(section).update(words)
    _teach_jieba(lex)
    return lex


_jieba_taught: set[str] = set()


def _teach_jieba(lex: Lexicon) -> None:
    """Give jieba our words, once each; deferred until jieba is first needed
    (loading its dictionary costs about a second)."""
    if not _jieba_taught and not getattr(jieba.dt, "initialized", False):
        return
    # Titles and organ words as single tokens keep jieba from gluing them to names.
    for section in ("titles", "organs", "company_words"):
        for word in lex.get(section):
            if len(word) > 1 and word not in _jieba_taught:
                jieba.add_word(word, freq=2000)
                _jieba_taught.add(word)


def ensure_jieba() -> None:
    if not _jieba_taught:
        jieba.initialize()
        _jieba_taught.add("")
        _teach_jieba(lexicon())


BUILTIN = _builtin()
# The lexicon of the extraction running in this thread (or task): the built-in one unless
# ``using_lexicon`` gives another. The rules read it with ``lexicon()``.
_ACTIVE: ContextVar[Lexicon] = ContextVar("guanxi_lexicon", default=BUILTIN)


def lexicon() -> Lexicon:
    return _ACTIVE.get()


@contextmanager
def using_lexicon(lex: Lexicon | None) -> Iterator[Lexicon]:
    """Run the enclosed extraction with ``lex`` (None: the built-in lexicon)."""
    chosen = lex or BUILTIN
    token = _ACTIVE.set(chosen)
    if chosen is not BUILTIN:
        _teach_jieba(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)


def load_user_lexicon(path: Path, base: Lexicon | None = None) -> Lexicon:
    """The built-in lexicon (or ``base``) with a newsroom's words added (format:
    lexicons/README.md). Nothing global changes: pass the result to the extraction.

    ``[section]`` lines choose where the following words go; words are
    separated by spaces or new lines; ``#`` starts a comment. In ``[roles]``
    each line is ``verb role``.
    """
    section: str | None = None
    pending: dict[str, list[str]] = {}
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in SECTIONS:
                raise ValueError(f"{path}:{lineno}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{path}:{lineno}: words before any [section]")
        pending.setdefault(section, []).extend(to_matching(w) for w in line.split())
    return (base or BUILTIN).extended(pending)
