"""Extraction quality, measured with the shared scorer on our own fixtures and the seed pages.

The floors here guard against regressions; the figures themselves are printed so a
run of the suite shows where extraction stands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from guanxi.facts import to_eval_json
from loaders.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
FIXTURES = ROOT / "tests" / "fixtures"
GUANXI = Path(sys.executable).with_name("guanxi")

# Floors sit a little under the measured figures so a regression fails the suite.
# Measured: fixtures 001-030 relations 1.000, entities 1.000; seeds 1.000 and 1.000.
# Fixtures 016-023 came from a writer who never saw the rules (0.82 relations before
# the rules were widened for them), and 024-030 from a second one (0.927 relations,
# 0.958 entities before), so a drop here is a real loss of generality.
FIXTURE_FLOORS = {"relations_f1": 0.98, "entities_f1": 0.98}
SEED_FLOORS = {"relations_f1": 0.98, "entities_f1": 0.98}


def predict(docs: Path, out: Path) -> None:
    """What `guanxi extract --json` prints for each document, extracted in this process: a
    subprocess per file spent most of the unit suite's time starting Python and jieba."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in docs.iterdir() if p.is_file()):
        data = to_eval_json(extract_file(path))
        (out / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def score(docs: Path, gold: Path, tmp_path: Path) -> dict:
    out = tmp_path / "figures.json"
    pred = tmp_path / "pred"
    predict(docs, pred)
    cmd = [
        sys.executable,
        str(SHARED_EVAL / "score.py"),
        "--docs",
        str(docs),
        "--gold",
        str(gold),
        "--json",
        str(out),
        "--pred",
        str(pred),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    print(proc.stdout)
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert not figures["errors"], figures["errors"]
    return figures


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="shared/eval not beside the checkout")
def test_fixture_articles_score_above_floor(tmp_path: Path) -> None:
    figures = score(FIXTURES / "articles", FIXTURES / "gold", tmp_path)
    for key, floor in FIXTURE_FLOORS.items():
        assert figures[key] >= floor, f"{key} {figures[key]:.3f} fell below {floor}"


@pytest.mark.skipif(not (SHARED_EVAL / "gold").exists(), reason="shared/eval not beside the checkout")
def test_seed_pages_score_above_floor(tmp_path: Path) -> None:
    figures = score(ROOT.parent / "shared" / "seeds", SHARED_EVAL / "gold", tmp_path)
    for key, floor in SEED_FLOORS.items():
        assert figures[key] >= floor, f"{key} {figures[key]:.3f} fell below {floor}"


@pytest.mark.skipif(not (ROOT.parent / "shared" / "seeds").exists(), reason="shared/seeds not beside the checkout")
def test_cli_extract_json_prints_what_the_scorer_reads() -> None:
    """The scorer runs `guanxi extract --json FILE`: one run of the real command, compared with
    the in-process extraction the floors above are measured on."""
    seed = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))[0]
    proc = subprocess.run([str(GUANXI), "extract", "--json", str(seed)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == to_eval_json(extract_file(seed))


def test_cli_extract_reads_with_a_newsrooms_lexicon(tmp_path: Path) -> None:
    story = tmp_path / "river.txt"
    story.write_text("巡河工作开展\n\n城关街道网格长张明华巡河。\n", encoding="utf-8")
    words = tmp_path / "newsroom.lex"
    words.write_text("[titles]\n网格长\n[roles]\n巡河 attended\n", encoding="utf-8")
    proc = subprocess.run([str(GUANXI), "extract", "--json", "--lexicon", str(words), str(story)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [p["name"] for p in json.loads(proc.stdout)["articles"][0]["people"]] == ["张明华"]
    bad = tmp_path / "bad.lex"
    bad.write_text("[weather]\n晴\n", encoding="utf-8")
    proc = subprocess.run([str(GUANXI), "extract", "--lexicon", str(bad), str(story)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "unknown section" in proc.stderr
