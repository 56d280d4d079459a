"""Extraction speed: our whole pipeline against plain jieba segmentation, then over processes.

``python -m bench.extract_throughput --n 1000`` prints, for the same decoded texts in the same run:
plain ``jieba.lcut`` (the floor: any extractor built on jieba segments at least once), then
``loaders.pipeline.extract_text`` (decode excluded; split, segment, rules, pydantic models), as
articles/s and MB/s, and the ratio. Then extract_text in a ProcessPoolExecutor with 1 and 2
workers (each Document sent back to the parent as JSON, as ``loaders/parallel.py`` does) and the
speed-up. ``--profile`` adds a cProfile of extract_text over the corpus (top functions).

Goals, reported and never asserted: ≤ 2× plain segmentation; ≥ 1.8× speed-up on two cores.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import jieba

from bench.harness import CorpusText, add_corpus_arguments, corpus_texts, machine_note, print_table, stopwatch
from loaders.pipeline import extract_text

jieba.setLogLevel(60)  # no "Building prefix dict" chatter in the figures


def warm_up() -> None:
    """Load jieba's dictionary and our lexicons before anything is timed."""
    jieba.initialize()
    extract_text("2023年3月10日\n\n测试\n\n本报讯 3月8日,县委书记王明出席会议。\n", source="warm-up")


def _warm_worker(pause_s: float) -> int:
    warm_up()
    time.sleep(pause_s)  # keeps this worker busy so the next warm-up task reaches another one
    return 0


def extract_chunk(chunk: Sequence[CorpusText]) -> list[tuple[str, int]]:
    # JSON text, as loaders/parallel.py sends it: pickling the model graph cost more than extracting.
    documents = [extract_text(doc.text, source=doc.name) for doc in chunk]
    return [(document.model_dump_json(), len(document.articles)) for document in documents]


def segment_all(texts: Sequence[CorpusText]) -> int:
    return sum(len(jieba.lcut(doc.text)) for doc in texts)


def extract_all(texts: Sequence[CorpusText]) -> int:
    return sum(len(extract_text(doc.text, source=doc.name).articles) for doc in texts)


def extract_in_pool(texts: Sequence[CorpusText], workers: int, chunk_size: int) -> tuple[float, int]:
    """Seconds for extracting every text with ``workers`` processes (already warm), and articles."""
    chunks = [texts[i:i + chunk_size] for i in range(0, len(texts), chunk_size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm_worker, [0.3] * workers))
        with stopwatch() as took:
            articles = sum(count for docs in pool.map(extract_chunk, chunks) for _, count in docs)
    return took[0], articles


def profile(texts: Sequence[CorpusText], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    extract_all(texts)
    profiler.disable()
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        print(f"\ncProfile of extract_text over the corpus, top {top} by {key}:")
        print("\n".join(lines[start:]))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Extraction throughput against plain jieba segmentation.")
    add_corpus_arguments(parser, default_n=1000)
    parser.add_argument("--rounds", type=int, default=2, help="timed passes of each; the best is kept")
    parser.add_argument("--workers", default="1,2", help="process counts for the pool runs")
    parser.add_argument("--chunk", type=int, default=25, help="documents per pool task")
    parser.add_argument("--profile", action="store_true", help="add a cProfile of extract_text")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    args = parser.parse_args(argv)

    texts = corpus_texts(args)
    megabytes = sum(doc.size for doc in texts) / 1e6
    warm_up()
    articles = extract_all(texts)  # untimed pass: counts articles and warms the rules' caches
    print(f"corpus: {len(texts)} documents, {articles} articles, {megabytes:.2f} MB (UTF-8); {machine_note()}")

    seg_best = ext_best = float("inf")
    for _ in range(args.rounds):  # interleaved, so background load hits both alike
        with stopwatch() as seg:
            segment_all(texts)
        with stopwatch() as ext:
            extract_all(texts)
        seg_best, ext_best = min(seg_best, seg[0]), min(ext_best, ext[0])

    rows = [
        ["jieba.lcut (floor)", f"{seg_best:.2f}", f"{len(texts) / seg_best:.0f}", f"{articles / seg_best:.0f}",
         f"{megabytes / seg_best:.3f}", "1.00"],
        ["extract_text", f"{ext_best:.2f}", f"{len(texts) / ext_best:.0f}", f"{articles / ext_best:.0f}",
         f"{megabytes / ext_best:.3f}", f"{ext_best / seg_best:.2f}"],
    ]
    print("\nOne process, best of", args.rounds, "rounds:")
    print_table(["run", "seconds", "documents/s", "articles/s", "MB/s", "× floor"], rows)

    pool_rows = []
    base = None
    for workers in [int(w) for w in args.workers.split(",") if w]:
        seconds, pooled = extract_in_pool(texts, workers, args.chunk)
        base = base or seconds
        pool_rows.append([str(workers), f"{seconds:.2f}", f"{pooled / seconds:.0f}", f"{megabytes / seconds:.3f}",
                          f"{base / seconds:.2f}"])
    print("\nextract_text in a ProcessPoolExecutor (Documents returned to the parent as JSON):")
    print_table(["workers", "seconds", "articles/s", "MB/s", "speed-up"], pool_rows)
    print(f"\ngoal: extract_text ≤ 2× the floor (measured {ext_best / seg_best:.2f}×)")

    if args.profile:
        profile(texts, args.top)


if __name__ == "__main__":
    main()
