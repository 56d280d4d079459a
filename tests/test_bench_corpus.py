"""The benchmark corpus: seeded, reproducible, and made of articles our extractor reads facts from."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.corpus import generate, write_corpus
from loaders.pipeline import extract_file


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    write_corpus(generate(40, seed=3), tmp_path / "a")
    write_corpus(generate(40, seed=3), tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert len(names) == 41  # 40 documents and the manifest
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_another_seed_gives_another_corpus() -> None:
    assert [d.text for d in generate(10, seed=3)] != [d.text for d in generate(10, seed=4)]


def test_corpus_has_both_genres_and_both_encodings() -> None:
    docs = generate(60, seed=5, gb18030_share=0.2)
    assert {d.kind for d in docs} == {"page", "web"}
    assert {d.encoding for d in docs} == {"utf-8", "gb18030"}
    page = next(d for d in docs if d.kind == "page")
    assert "机关报" in page.text and page.articles >= 3


def test_people_recur_across_documents() -> None:
    docs = generate(120, seed=7)
    seen = Counter(name for d in docs for name in d.people)
    # Zipf-like reuse: a few people appear in many documents, which connects the graph.
    assert max(seen.values()) >= 10
    assert sum(1 for n in seen.values() if n >= 3) >= 20


def test_generated_articles_extract_into_facts(tmp_path: Path) -> None:
    docs = generate(30, seed=11, gb18030_share=0.3)
    write_corpus(docs, tmp_path)
    found_people = 0
    events = signings = 0
    for doc in docs:
        extracted = extract_file(tmp_path / doc.name)
        assert len(extracted.articles) >= doc.articles
        names = {p.name for art in extracted.articles for p in art.people}
        if doc.people and names & set(doc.people):
            found_people += 1
        events += sum(len(art.events) for art in extracted.articles)
        signings += sum(len(art.signings) for art in extracted.articles)
    with_people = sum(1 for d in docs if d.people)
    assert found_people >= 0.9 * with_people
    assert events >= len(docs)
    assert signings >= 1
