"""Forward-looking claims: one phenomenon per case in tests/cases/claims.jsonl, compared on the projection
(text, holder name, horizon text, type); the cue rules' own examples; boilerplate; the seed article; and a floor
on the shared dev sets (skipped when ../shared is absent)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotecli
from quotecli import claims

HERE = Path(__file__).parent
CASES = [json.loads(line) for line in (HERE / "cases" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = HERE.parent / "seeds" / "scmp-third-plenum.txt"


def project(result) -> list[dict]:
    return [{"text": c.text, "holder": c.holder.name if c.holder else None,
             "horizon": c.horizon.text if c.horizon else None, "type": c.type} for c in result.claims]


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case.get("note", "known failure"))] if case["expect"] == "xfail" else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case):
    got = project(quotecli.extract(case["text"], date=case.get("date")))
    assert got == case["claims"]


def test_case_file_is_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    negatives = [c for c in CASES if not c["claims"]]
    assert len(negatives) >= 10, "negative cases matter as much as positive ones"
    for c in CASES:
        assert set(c) <= {"id", "text", "claims", "expect", "date", "note"}, c["id"]
        assert c["expect"] in ("pass", "xfail"), c["id"]
        if c["expect"] == "xfail":
            assert c.get("note"), f"{c['id']}: say why it fails"
        for k in c["claims"]:
            assert k["text"] in c["text"], c["id"]
            assert k["type"] in ("prediction", "plan", "warning"), c["id"]
            assert k["horizon"] is None or k["horizon"] in k["text"], c["id"]


@pytest.mark.parametrize("rule", claims.CUE_RULES, ids=lambda r: r.id)
def test_rule_examples(rule):
    for sentence in rule.examples:
        rules = [c.rule for c in quotecli.extract(sentence).claims]
        assert rule.id in rules, f"{rule.id} should fire on {sentence!r}, got {rules}"
    for sentence in rule.counterexamples:
        rules = [c.rule for c in quotecli.extract(sentence).claims]
        assert rule.id not in rules, f"{rule.id} should not fire on {sentence!r}"


def test_claim_fields_index_the_text():
    text = ("Analysts expect the Bank to cut rates next month. “We will move quickly,” said Ana Ruiz.\n\n"
            "Mayor Tom Bell said construction will begin next spring.")
    r = quotecli.extract(text, date="2024-06-15")
    assert r.claims
    for c in r.claims:
        assert text[c.start:c.end] == c.text
        assert text[c.cue.start:c.cue.end] == c.cue.text
        assert c.cue.start >= c.start and c.cue.end <= c.end
        if c.horizon:
            assert text[c.horizon.start:c.horizon.end] == c.horizon.text
        if c.holder:
            assert text[c.holder.start:c.holder.end] == c.holder.mention
        assert 0 < c.confidence < 1
        assert c.rule.startswith("claim.")
    assert [c.id for c in r.claims] == [f"c{i}" for i in range(1, len(r.claims) + 1)]


def test_horizon_values_use_the_article_date():
    r = quotecli.extract("Analysts expect the Bank to cut rates next month.", date="2024-06-15")
    assert r.date == "2024-06-15"
    assert r.claims[0].horizon.value == "2024-07"
    r = quotecli.extract("Analysts expect the Bank to cut rates next month.")
    assert r.date is None and r.claims[0].horizon.value is None


def test_date_found_in_the_text_is_used():
    r = quotecli.extract("Published 12 March 2024\n\nThe plant will close next month.")
    assert r.date == "2024-03-12"
    assert r.claims[0].horizon.value == "2024-04"


def test_confidence_is_graded_by_cue():
    def conf(sentence):
        return quotecli.extract(sentence).claims[0].confidence
    assert conf("Prices will rise.") > conf("Analysts expect prices to rise.") > conf("Prices could rise.")
    assert conf("Prices will rise.") > conf("Prices will probably rise.")


def test_boilerplate_is_flagged_not_counted():
    text = ("Acme will open a plant in Ohio next year.\n\n"
            "This press release contains forward-looking statements within the meaning of the Private Securities "
            "Litigation Reform Act. These statements involve risks and uncertainties, and actual results may differ "
            "materially. Acme undertakes no obligation to update them.")
    r = quotecli.extract(text)
    assert [c.text for c in r.claims] == ["Acme will open a plant in Ohio next year."]
    assert len(r.boilerplate) == 1
    assert r.boilerplate[0].text.startswith("This press release contains forward-looking statements")
    assert text[r.boilerplate[0].start:r.boilerplate[0].end] == r.boilerplate[0].text


def test_boilerplate_heading_and_risk_factors_belong_to_it():
    text = ("Acme will open a plant in Ohio next year.\n\nForward-Looking Statements\n\n"
            "This press release contains forward-looking statements. These statements involve risks and uncertainties.\n\n"
            "Factors that could cause actual results to differ materially include demand and prices.\n\n"
            "Contact: press@acme.example")
    r = quotecli.extract(text)
    assert [c.text for c in r.claims] == ["Acme will open a plant in Ohio next year."]
    assert [b.text[:26] for b in r.boilerplate] == ["Forward-Looking Statements", "This press release contain",
                                                     "Factors that could cause a"]


def test_no_boilerplate_in_ordinary_news():
    r = quotecli.extract("The company warned of risks and uncertainties in China. Its statements were cautious.")
    assert r.boilerplate == ()


@pytest.mark.skipif(not SEED.exists(), reason="seed article absent")
def test_scmp_seed():
    text = SEED.read_text(encoding="utf-8")
    r = quotecli.extract(text)
    by_start = {c.text[:40]: c for c in r.claims}

    def find(prefix):
        hits = [c for c in r.claims if c.text.lstrip("• ").startswith(prefix)]
        assert hits, f"no claim starting {prefix!r}: {[c.text[:40] for c in r.claims]}"
        return hits[0]

    goal = find("That goal is expected to be top of the agenda")
    assert goal.horizon is not None and goal.horizon.text == "next month"
    assert find("Analysts expect the coming event").holder.name == "Analysts"
    zhao = find("A slew of policy arrangements will be made after the [third] plenum")
    assert zhao.holder is not None and zhao.holder.name == "Zhao Xijun"
    quote = next(q for q in r.quotes if q.id == zhao.quote)
    assert quote.speaker.name == "Zhao Xijun" and quote.start <= zhao.start < zhao.end <= quote.end
    observers = find("Observers widely expect")
    assert observers.holder is not None and observers.holder.name.lower() == "observers"
    assert not any("is traditionally a forum" in c.text for c in r.claims), by_start


# --- accuracy floor on the shared dev sets ------------------------------------------------------------

def _score(gold: Path, tmp_path: Path) -> dict:
    pred = tmp_path / (gold.stem + ".pred.jsonl")
    with gold.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as w:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                r = quotecli.extract(rec["text"], doc_id=rec["id"], date=rec.get("date"))
                w.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(not (SHARED / "eval" / "news-dev.jsonl").exists(), reason="../shared/eval is absent")
def test_news_dev_floor(tmp_path):
    res = _score(SHARED / "eval" / "news-dev.jsonl", tmp_path)
    assert res["claim_f1"] >= 0.80
    assert res["holder_accuracy"] >= 0.85
    assert res["horizon_recall"] >= 0.90


@pytest.mark.skipif(not (SHARED / "eval" / "future-sentences-dev.jsonl").exists(), reason="../shared/eval is absent")
def test_future_sentences_dev_floor(tmp_path):
    res = _score(SHARED / "eval" / "future-sentences-dev.jsonl", tmp_path)
    assert res["future_f1"] >= 0.95
