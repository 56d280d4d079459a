"""Saved web pages: trafilatura's reading against our own cleanup, in facts found and in time.

``python -m bench.html_text`` scores three readings of the same stories with the project's scorer
(``../shared/eval/score.py --pred``) against one gold: the story's copied text (.txt, text path),
its saved page (.html) read by today's cleanup, and the same page read through trafilatura
(loaders/html_text.py). The pages are tests/fixtures/html; each has a .txt of the same story in
tests/fixtures/articles (or beside it) and a gold answer in tests/fixtures/gold (or html/gold).

Then the costs: what trafilatura and the libraries it pulls in take on disk, its import time in a
fresh interpreter, and the time per page of ``strip_markup`` (today's cleanup), ``read_page``
(trafilatura, htmldate and the composed text) and the whole extraction by either path.
``--options`` adds trafilatura's settings side by side (relations F1 of the HTML path only).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from guanxi.facts import to_eval_json
from loaders import html_text, pipeline
from loaders.batch import Extracted, extract_one
from loaders.cleanup import strip_markup
from loaders.decoding import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# What installing trafilatura added to the environment (none of these was there before).
ADDED = ("trafilatura", "htmldate", "courlan", "justext", "lxml", "lxml_html_clean", "dateparser",
         "regex", "tld", "python-dateutil", "tzlocal", "tzdata")
KINDS = ("bylines", "people", "positions", "attendance", "roles", "signings", "project links", "dates")


def pairs() -> list[tuple[Path, Path, Path]]:
    """(page, text, gold) for every saved page that has a copied text and a gold answer."""
    found = []
    for page in sorted((FIXTURES / "html").glob("*.html")):
        text = next((p for p in (FIXTURES / "articles" / f"{page.stem}.txt", page.with_suffix(".txt"))
                     if p.exists()), None)
        gold = next((p for p in (FIXTURES / "gold" / f"{page.stem}.json",
                                 FIXTURES / "html" / "gold" / f"{page.stem}.json") if p.exists()), None)
        if text and gold:
            found.append((page, text, gold))
    return found


@contextmanager
def todays_cleanup() -> Iterator[None]:
    """Every page read as before this change: markup stripped, nothing else."""
    saved = pipeline.is_saved_page
    pipeline.is_saved_page = lambda text: False
    try:
        yield
    finally:
        pipeline.is_saved_page = saved


def score(files: list[tuple[Path, Path]], folder: Path) -> dict[str, object]:
    """Scorer figures for (document, gold) pairs: each prediction is `guanxi extract --json`'s."""
    docs, gold, pred = folder / "docs", folder / "gold", folder / "pred"
    for d in (docs, gold, pred):
        d.mkdir(parents=True, exist_ok=True)
    for doc, answer in files:
        (docs / doc.name).write_bytes(doc.read_bytes())
        data = json.loads(answer.read_text(encoding="utf-8"))
        data["source"] = doc.name  # one gold, whichever file tells the story
        (gold / f"{doc.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        result = extract_one(doc)
        out = to_eval_json(result.document) if isinstance(result, Extracted) else {}
        (pred / f"{doc.stem}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    figures = folder / "figures.json"
    subprocess.run([sys.executable, str(SCORER), "--docs", str(docs), "--gold", str(gold), "--pred", str(pred),
                    "--json", str(figures)], check=False, capture_output=True)
    return json.loads(figures.read_text(encoding="utf-8"))


def facts_table(found: list[tuple[Path, Path, Path]]) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        text = score([(t, g) for _, t, g in found], Path(tmp) / "text")
        with todays_cleanup():
            cleanup = score([(p, g) for p, _, g in found], Path(tmp) / "cleanup")
        html = score([(p, g) for p, _, g in found], Path(tmp) / "html")
    rows = [("copied text (.txt), text path", text), ("saved page (.html), today's cleanup", cleanup),
            ("saved page (.html), trafilatura", html)]
    print(f"\n{len(found)} stories, one gold each. Recall (found / gold) per kind of fact; then relations F1.\n")
    print("| reading | " + " | ".join(KINDS) + " | relations F1 |")
    print("| --- |" + " --- |" * (len(KINDS) + 1))
    for name, figures in rows:
        cells = []
        for kind in KINDS:
            f = figures[kind]
            assert isinstance(f, dict)
            cells.append(f"{f['tp']}/{f['tp'] + f['fn']}" + (f" (+{f['fp']} wrong)" if f["fp"] else ""))
        print(f"| {name} | " + " | ".join(cells) + f" | {figures['relations_f1']:.3f} |")
    return [figures for _, figures in rows]


@contextmanager
def kept_as_trafilatura_gives(on: bool) -> Iterator[None]:
    """trafilatura's text as it gives it: no caption, credit or table row put back from the page."""
    restore, trailing = html_text._restore, html_text._trailing_credits
    if on:
        html_text._restore = lambda body, span: body  # type: ignore[assignment]
        html_text._trailing_credits = lambda lines, last: []  # type: ignore[assignment]
    try:
        yield
    finally:
        html_text._restore, html_text._trailing_credits = restore, trailing


def options_table(found: list[tuple[Path, Path, Path]]) -> None:
    base = dict(html_text.OPTIONS)
    variants: dict[str, dict[str, bool]] = {
        "chosen (recall, no tables)": {},
        "tables included": {"include_tables": True},
        "default recall": {"favor_recall": False},
        "favor_precision": {"favor_recall": False, "favor_precision": True},
    }
    print("\nHTML path with other trafilatura settings; then the same with trafilatura's text as it gives it")
    print("(no caption, credit or table row put back from the page).\n")
    print("| trafilatura options | relations F1 | bylines | relations F1, as given | bylines, as given |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, change) in enumerate(variants.items()):
            html_text.OPTIONS.clear()
            html_text.OPTIONS.update(base, **change)
            cells = []
            for as_given in (False, True):
                with kept_as_trafilatura_gives(as_given):
                    figures = score([(p, g) for p, _, g in found], Path(tmp) / f"v{n}{as_given}")
                by = figures["bylines"]
                assert isinstance(by, dict)
                cells += [f"{figures['relations_f1']:.3f}", f"{by['tp']}/{by['tp'] + by['fn']}"]
            print(f"| {name} | " + " | ".join(cells) + " |")
    html_text.OPTIONS.clear()
    html_text.OPTIONS.update(base)


def installed_mb() -> tuple[float, list[str]]:
    total, parts = 0, []
    for name in ADDED:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        size = sum(f.size or 0 for f in dist.files or [])
        total += size
        parts.append(f"{name} {size / 1e6:.1f}")
    return total / 1e6, parts


def import_seconds(module: str, rounds: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
            for _ in range(rounds)]
    return statistics.median(runs)


def per_page_ms(fn: Callable[[str], object], texts: list[str], rounds: int) -> float:
    runs = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        runs.append((time.perf_counter() - start) / len(texts) * 1000)
    return min(runs)


def costs(found: list[tuple[Path, Path, Path]], rounds: int) -> None:
    mb, parts = installed_mb()
    print(f"\nInstalled with trafilatura: {mb:.1f} MB ({', '.join(parts)}).")
    print(f"Import in a fresh interpreter (median of 5): trafilatura + htmldate "
          f"{import_seconds('trafilatura, htmldate') * 1000:.0f} ms; loaders.pipeline "
          f"{import_seconds('loaders.pipeline') * 1000:.0f} ms (trafilatura not among its imports: "
          f"{import_seconds_check()}).")
    texts = [decode_bytes(p.read_bytes())[0] for p, _, _ in found]
    pipeline.extract_text(texts[0], source="warm-up")  # jieba, lexicons and trafilatura loaded once
    cleanup = per_page_ms(strip_markup, texts, rounds)
    read = per_page_ms(html_text.read_page, texts, rounds)
    whole_html = per_page_ms(lambda t: pipeline.extract_text(t, source="page.html"), texts, rounds)
    with todays_cleanup():
        whole_text = per_page_ms(lambda t: pipeline.extract_text(t, source="page.html"), texts, rounds)
    size = statistics.median(len(t) for t in texts)
    print(f"\nPer page ({len(texts)} pages, median {size:.0f} characters; best of {rounds} rounds):\n")
    print("| step | ms per page |")
    print("| --- | --- |")
    print(f"| today's cleanup (`strip_markup`) | {cleanup:.2f} |")
    print(f"| trafilatura + htmldate + composed text (`read_page`) | {read:.2f} |")
    print(f"| whole extraction, today's cleanup | {whole_text:.2f} |")
    print(f"| whole extraction, trafilatura path | {whole_html:.2f} |")


def import_seconds_check() -> str:
    code = "import sys, loaders.pipeline; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    return "yes" if out == "False" else "NO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--options", action="store_true", help="compare trafilatura settings too")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    found = pairs()
    facts_table(found)
    if args.options:
        options_table(found)
    costs(found, args.rounds)


if __name__ == "__main__":
    main()
