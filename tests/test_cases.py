"""The labelled quotation cases in tests/cases/quotes*.jsonl, one pytest param per line.

Each line is one phenomenon (the shapes of ../shared/research/HARD_CASES.md, numbered in ``shape``):

    {"id": "07-said-after-name", "shape": 7, "text": "...",
     "quotes": [{"text": words inside the marks, "speaker": canonical name | [accepted names] | null,
                 "kind": "direct" | "partial",
                 "group": "a",            # optional: quotes with the same label share one non-null group
                 "type": "organization",  # optional: speaker.type
                 "role": "a doctor",      # optional: speaker.role
                 "mention": "who"}],      # optional: speaker.mention, the words that attribute the quote
     "expect": "pass" | "xfail", "note": optional}

A case passes when the projection ``[(text, speaker, kind)]`` of ``extract(text).quotes`` equals the expected
list, in text order. Quote texts are compared with surrounding whitespace stripped; speaker names
case-insensitively, ignoring a leading "the", curly versus straight apostrophes and runs of whitespace.
A case with ``"quotes": []`` is a negative: nothing in it is a quotation. ``"expect": "xfail"`` marks a
known failure as ``xfail(strict=True)``, so a fix forces the case to move to "pass".
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("quotes*.jsonl"))
KINDS = ("direct", "partial")
SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "unknown")
CASE_KEYS = {"id", "shape", "text", "quotes", "expect", "note", "claims"}
QUOTE_KEYS = {"text", "speaker", "kind", "group", "type", "role", "mention"}


def load_cases() -> list[dict]:
    cases = []
    for path in CASE_FILES:
        with path.open(encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                case = json.loads(line)
                case["_where"] = f"{path.name}:{lineno}"
                cases.append(case)
    return cases


CASES = load_cases()


def norm_name(name: str | None) -> str | None:
    """Canonical-name comparison key: case, a leading 'the', apostrophe style and spacing don't matter."""
    if name is None:
        return None
    s = name.replace("’", "'").replace("‘", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:").lower()
    if s.startswith("the "):
        s = s[4:]
    return s


def norm_role(role: str | None) -> str | None:
    if role is None:
        return None
    return re.sub(r"\s+", " ", role.replace("’", "'")).strip(" .,;:").lower()


def project(quotes) -> list[tuple]:
    return [(q.text.strip(), q.speaker.name if q.speaker else None, q.kind) for q in quotes]


def expected_projection(case: dict) -> list[tuple]:
    return [(q["text"].strip(), q["speaker"], q["kind"]) for q in case["quotes"]]


def speaker_ok(expected, actual: str | None) -> bool:
    accepted = expected if isinstance(expected, list) else [expected]
    return norm_name(actual) in {norm_name(a) for a in accepted}


def mismatch(case: dict, quotes) -> str | None:
    """None if the extracted quotes meet the case, else a readable explanation."""
    want = case["quotes"]
    got = list(quotes)
    problems = []
    if len(got) != len(want):
        problems.append(f"expected {len(want)} quotation(s), got {len(got)}")
    else:
        for i, (w, q) in enumerate(zip(want, got)):
            name = q.speaker.name if q.speaker else None
            if q.text.strip() != w["text"].strip():
                problems.append(f"#{i}: text {q.text!r} != {w['text']!r}")
            if q.kind != w["kind"]:
                problems.append(f"#{i}: kind {q.kind!r} != {w['kind']!r}")
            if not speaker_ok(w["speaker"], name):
                problems.append(f"#{i}: speaker {name!r} != {w['speaker']!r}")
            if "type" in w and (q.speaker is None or q.speaker.type != w["type"]):
                problems.append(f"#{i}: speaker type {q.speaker.type if q.speaker else None!r} != {w['type']!r}")
            if "role" in w and norm_role(q.speaker.role if q.speaker else None) != norm_role(w["role"]):
                problems.append(f"#{i}: role {q.speaker.role if q.speaker else None!r} != {w['role']!r}")
            if "mention" in w and (q.speaker.mention if q.speaker else None) != w["mention"]:
                problems.append(f"#{i}: mention {q.speaker.mention if q.speaker else None!r} != {w['mention']!r}")
        labels: dict[str, set] = {}
        for w, q in zip(want, got):
            if "group" in w:
                labels.setdefault(w["group"], set()).add(q.group)
        for label, groups in labels.items():
            if len(groups) != 1 or None in groups:
                problems.append(f"group {label!r}: pieces carry groups {sorted(groups, key=str)}, want one shared int")
        seen = [next(iter(g)) for g in labels.values() if len(g) == 1]
        if len(seen) != len(set(seen)):
            problems.append("different expected groups share one group number")
    if not problems:
        return None
    return ("\n".join(problems)
            + f"\n  text:     {case['text']!r}"
            + f"\n  expected: {expected_projection(case)}"
            + f"\n  got:      {project(got)}")


def _param(case: dict):
    marks = [pytest.mark.xfail(strict=True, reason=case.get("note", "known failure"))] \
        if case.get("expect") == "xfail" else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case):
    from quotecli import extract  # imported here so the case-file checks run even if extraction is broken

    result = extract(case["text"])
    problem = mismatch(case, result.quotes)
    if problem:
        pytest.fail(problem, pytrace=False)


# --- the case files themselves ------------------------------------------------------------------

def test_case_files_exist_and_are_big_enough():
    assert CASE_FILES, f"no tests/cases/quotes*.jsonl under {CASES_DIR}"
    assert len(CASES) >= 60


def test_case_ids_unique_and_well_formed():
    ids = [c["id"] for c in CASES]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate case ids: {dupes}"
    for c in CASES:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*", c["id"]), c["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_is_well_formed(case):
    where = f"{case['id']} ({case['_where']})"
    assert set(case) - {"_where"} <= CASE_KEYS, f"{where}: unknown keys {set(case) - CASE_KEYS - {'_where'}}"
    assert isinstance(case.get("shape"), int) and 1 <= case["shape"] <= 22, f"{where}: shape number missing"
    assert case["id"].startswith(f"{case['shape']:02d}-"), f"{where}: id should start with the shape number"
    assert case.get("expect") in ("pass", "xfail"), f"{where}: expect must be pass or xfail"
    assert isinstance(case.get("text"), str) and case["text"].strip(), f"{where}: empty text"
    assert isinstance(case.get("quotes"), list), f"{where}: quotes must be a list"
    pos = 0
    for q in case["quotes"]:
        assert set(q) <= QUOTE_KEYS, f"{where}: unknown quote keys {set(q) - QUOTE_KEYS}"
        assert q.get("kind") in KINDS, f"{where}: kind {q.get('kind')!r}"
        assert q.get("text"), f"{where}: empty quote text"
        spk = q.get("speaker", "missing")
        assert spk is None or isinstance(spk, str) or (isinstance(spk, list) and spk), f"{where}: speaker"
        if "type" in q:
            assert q["type"] in SPEAKER_TYPES, f"{where}: type {q['type']!r}"
        # every expected quotation occurs in the text, in text order (an inner nested quote starts after
        # its outer one, so search from the previous start, not its end)
        found = case["text"].find(q["text"], pos)
        assert found >= 0, f"{where}: {q['text']!r} not found in the text (after offset {pos})"
        pos = found + 1


def test_every_hard_case_shape_has_several_cases():
    by_shape: dict[int, int] = {}
    for c in CASES:
        by_shape[c["shape"]] = by_shape.get(c["shape"], 0) + 1
    missing = [s for s in range(1, 19) if by_shape.get(s, 0) < 2]
    assert not missing, f"shapes with fewer than two cases: {missing}"


def test_negative_cases_are_well_represented():
    negatives = [c for c in CASES if not c["quotes"]]
    assert len(negatives) >= 15, f"only {len(negatives)} negative cases"
