"""Floors on the quotation scores of the shared dev sets, measured by the shared scorer itself.

A change that costs quotation accuracy on PolNeAR or on the BBC/Wikinews articles fails here before it shows
up on held-out articles. The floors sit a little under the figures in the README's Accuracy section
(`python benchmarks/accuracy.py` prints them), so noise-free refactorings pass and real losses do not.
Skipped when ../shared/eval is absent (a user's clone).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import quotecli

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"

FLOORS = {
    "polnear-dev": {"quote_f1": 0.94, "attributed_f1": 0.88, "speaker_accuracy": 0.925},
    "news-dev": {"quote_f1": 0.975, "attributed_f1": 0.965, "speaker_accuracy": 0.98},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("quotecli_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quotation_floor(name):
    if not (EVAL / f"{name}.jsonl").is_file() or not (EVAL / "score.py").is_file():
        pytest.skip("../shared/eval is absent")
    sc = _scorer()
    gold = sc.load(EVAL / f"{name}.jsonl")
    pred = {g["id"]: quotecli.extract(g["text"], doc_id=g["id"], date=g.get("date")).to_dict() for g in gold}
    res = sc.score(gold, pred)
    low = {k: round(res[k], 3) for k, floor in FLOORS[name].items() if res[k] < floor}
    assert not low, f"{name} below its floors {FLOORS[name]}: {low}"
