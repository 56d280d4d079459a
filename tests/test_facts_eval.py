"""The seed pages and the fixture articles, scored with the project's scorer."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from guanxi.facts import to_eval_json

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SETS = [
    (ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "eval" / "gold"),
    (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "fixtures" / "gold"),
]


def _scorer():
    spec = importlib.util.spec_from_file_location("guanxi_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["guanxi_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("docs", "gold"), SETS, ids=["seeds", "fixtures"])
def test_relations_and_entities_f1(docs: Path, gold: Path):
    if not SCORER.exists() or not gold.exists():
        pytest.skip("scorer or gold answers not present")
    from loaders.pipeline import extract_file

    score = _scorer()
    totals = {k: score.Tally() for k in score.ORDER}
    for gold_file in sorted(gold.glob("*.json")):
        answer = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = to_eval_json(extract_file(docs / answer["source"]))
        for k, t in score.score_doc(answer, pred).items():
            totals[k].add(t)
    rel, ent = score.Tally(), score.Tally()
    for k in score.RELATIONS:
        rel.add(totals[k])
    for k in score.ENTITIES:
        ent.add(totals[k])
    assert rel.prf()[2] >= 0.95
    assert ent.prf()[2] >= 0.95
