"""The speed benchmark's quotation-stage pass measures the quotation half of extract(), nothing less."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from quotecli import extract

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("speed_benchmark", REPO / "benchmarks" / "speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_quotation_stage_gives_extracts_quotations(speed, seed):
    text = seed.read_text(encoding="utf-8")
    staged = [q.to_dict() for q in speed.quotation_stage(text)]
    assert staged, f"{seed.name} has quotations"
    assert staged == [q.to_dict() for q in extract(text).quotes]
