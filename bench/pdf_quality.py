"""Extraction F1 of the same pages as text, as an e-paper PDF and as a scan of it.

    python -m bench.pdf_quality [--fixtures 001,002,...] [--keep DIR]

Every printed page among tests/fixtures/articles (a masthead above the stories) is
typeset as a two-column PDF (bench/pdf_pages.py) and rasterised at 300 dpi into a PDF of images;
each version goes through `guanxi extract`'s code and is scored by ../shared/eval/score.py against
the fixture's gold answer. Prints a Markdown table; the scan rows need Tesseract
(scripts/ensure-ocr.sh).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.pdf_pages import available, read_fixture, scan, typeset_fixture
from guanxi.facts import to_eval_json
from loaders.batch import Refusal, extract_one

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
KINDS = ("articles", "bylines", "people", "positions", "attendance", "roles", "signings", "dates")


def paper_pages() -> list[Path]:
    """Fixtures that are a printed page (a masthead above the stories), not a web page."""
    return [path for path in sorted((FIXTURES / "articles").glob("*.txt")) if read_fixture(path).masthead]


def score(pred: Path, gold: Path) -> dict[str, object]:
    out = pred / "figures.json"
    subprocess.run([sys.executable, str(SCORER), "--docs", str(FIXTURES / "articles"), "--gold", str(gold),
                    "--pred", str(pred), "--json", str(out)], check=True, capture_output=True, text=True)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fixtures", help="comma-separated number prefixes (default: every paper page)")
    ap.add_argument("--keep", type=Path, help="write the PDFs and predictions here")
    args = ap.parse_args()
    if (why := available()) is not None:
        print(f"cannot typeset PDFs: {why}", file=sys.stderr)
        return 1
    from loaders.ocr import problem

    ocr_missing = problem()
    pages = paper_pages()
    if args.fixtures:
        wanted = tuple(args.fixtures.split(","))
        pages = [p for p in pages if p.name.startswith(wanted)]
    work = args.keep or Path(tempfile.mkdtemp(prefix="guanxi-pdf-quality-"))
    gold = work / "gold"
    for old in [gold, *(work / v for v in ("text", "pdf", "ocr"))]:
        shutil.rmtree(old, ignore_errors=True)
    gold.mkdir(parents=True)
    versions = ("text", "pdf") + (() if ocr_missing else ("ocr",))
    seconds = dict.fromkeys(versions, 0.0)
    page_count = dict.fromkeys(versions, 0)
    confidences: list[float] = []
    if pages:
        extract_one(pages[0])  # jieba's dictionary and the lexicons load once, outside the timings
    for fixture in pages:
        (gold / f"{fixture.stem}.json").write_bytes((FIXTURES / "gold" / f"{fixture.stem}.json").read_bytes())
        pdf = typeset_fixture(fixture, work / f"{fixture.stem}.pdf")
        files = {"text": fixture, "pdf": pdf}
        if "ocr" in versions:
            files["ocr"] = scan(pdf, work / f"{fixture.stem}.scan.pdf")
        for version in versions:
            start = time.perf_counter()
            result = extract_one(files[version])
            seconds[version] += time.perf_counter() - start
            pred = work / version
            pred.mkdir(exist_ok=True)
            if isinstance(result, Refusal):
                print(f"{fixture.name} as {version}: refused ({result.reason})", file=sys.stderr)
                continue
            doc = result.document
            page_count[version] += max((a.source.pdf_page or 1 for a in doc.articles), default=1)
            confidences += [a.source.ocr_confidence for a in doc.articles if a.source.ocr_confidence is not None]
            data = to_eval_json(doc)
            (pred / f"{fixture.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    figures = {v: score(work / v, gold) for v in versions}
    print(f"{len(pages)} paper pages: {', '.join(p.stem.split('_')[0] for p in pages)}\n")
    print("| read as | relations F1 | entities F1 | " + " | ".join(KINDS) + " | s per page |")
    print("| --- " * (len(KINDS) + 4) + "|")
    for v in versions:
        f = figures[v]
        cells = [f"{f['relations_f1']:.3f}", f"{f['entities_f1']:.3f}"]
        cells += [f"{f[k]['f1']:.3f}" for k in KINDS]  # type: ignore[index]
        cells.append(f"{seconds[v] / max(1, page_count[v]):.2f}")
        print(f"| {v} | " + " | ".join(cells) + " |")
    if confidences:
        print(f"\nOCR mean word confidence per article: {min(confidences):.1f}-{max(confidences):.1f} "
              f"(mean {sum(confidences) / len(confidences):.1f})")
    if ocr_missing:
        print(f"\nscan rows left out: {ocr_missing}")
    if args.keep:
        print(f"\nPDFs and predictions in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
