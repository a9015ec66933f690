#!/usr/bin/env python3
"""Accuracy benchmark: quotecli.extract over the development sets, scored by ../shared/eval/score.py.

    python benchmarks/accuracy.py [--shared PATH] [--keep DIR] [--json]

For each set it writes the predictions as JSON Lines (exactly the CLI's `-f jsonl` records, one per gold
document, with the gold `id` as doc_id so score.py matches them by id), runs the shared scorer on them
(imported from shared/eval/score.py, so the numbers are the scorer's own), and prints one markdown table.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = ("polnear-dev", "news-dev", "future-sentences-dev")
EXTRA = ("polnear-train",)  # 840 more PolNeAR articles: a ten times larger check that the rules generalise


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("quotecli_eval_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(gold_path: Path, pred_path: Path, date_field: str) -> tuple[int, int, int, float]:
    """Write one record per gold document; returns (documents, characters, errors, seconds)."""
    from quotecli import extract
    from quotecli.models import DocumentResult

    docs = chars = errors = 0
    elapsed = 0.0
    with gold_path.open(encoding="utf-8") as src, pred_path.open("w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            gold = json.loads(line)
            text = gold["text"]
            t0 = time.perf_counter()
            try:
                result = extract(text, doc_id=gold["id"], date=gold.get(date_field) or None)
            except Exception as exc:  # scored as finding nothing, and reported
                result = DocumentResult(id=gold["id"], error=f"{type(exc).__name__}: {exc}")
                errors += 1
            elapsed += time.perf_counter() - t0
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            docs += 1
            chars += len(text)
    return docs, chars, errors, elapsed


def _norm_role(role: str | None) -> str | None:
    return " ".join(role.replace("’", "'").split()).strip(" .,;:").lower() or None if role else None


def role_agreement(gold_docs: list[dict], pred: dict[str, dict]) -> tuple[int, int, int] | None:
    """(quotations compared, roles equal, roles overlapping) over the gold direct/partial quotations that a
    prediction overlaps, where the gold gives roles at all (news-dev does, PolNeAR does not): not a score.py
    figure, a check on the `role` field users read. Equal = same words (case, spacing, edge punctuation aside);
    overlapping = one inside the other ("Daily Show anchor" for "American comedian and Daily Show anchor")."""
    if not any(q.get("role") for d in gold_docs for q in d.get("quotes", [])):
        return None
    n = same = part = 0
    for d in gold_docs:
        preds = pred.get(d["id"], {}).get("quotes", [])
        for g in d.get("quotes", []):
            if g.get("kind") not in ("direct", "partial"):
                continue
            best = max(preds, key=lambda q: min(q["end"], g["end"]) - max(q["start"], g["start"]), default=None)
            if best is None or min(best["end"], g["end"]) <= max(best["start"], g["start"]):
                continue
            a, b = _norm_role((best.get("speaker") or {}).get("role")), _norm_role(g.get("role"))
            n += 1
            same += a == b
            part += a != b and bool(a and b) and (a in b or b in a)
    return n, same, part


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def prf(res: dict, key: str) -> str:
    return " / ".join(fmt(res.get(f"{key}_{m}")) for m in ("p", "r", "f1"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder holding eval/ (default: <repo>/../shared)")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS + EXTRA,
                    help="which sets to score (polnear-train on request)")
    ap.add_argument("--date-field", default="date", help="gold field passed as extract(date=...) (default: date)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the prediction files in this directory")
    ap.add_argument("--json", action="store_true", help="print the scorer's full results as JSON")
    args = ap.parse_args(argv)

    eval_dir = args.shared / "eval"
    if not (eval_dir / "score.py").is_file():
        print(f"accuracy: {eval_dir} has no score.py; pass --shared PATH (the folder beside the repo "
              "holding eval/)", file=sys.stderr)
        return 1
    scorer = load_scorer(args.shared)

    results = {}
    with tempfile.TemporaryDirectory(prefix="quotecli-accuracy-") as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in args.sets:
            gold_path = eval_dir / f"{name}.jsonl"
            if not gold_path.is_file():
                print(f"accuracy: skipping {name}: {gold_path} is missing", file=sys.stderr)
                continue
            pred_path = out_dir / f"{name}.pred.jsonl"
            docs, chars, errors, secs = predict(gold_path, pred_path, args.date_field)
            gold = scorer.load(gold_path)
            pred = {d.get("id"): d for d in scorer.load(pred_path)}  # score.py's own id matching
            sentences = bool(gold) and "label" in gold[0] and "quotes" not in gold[0]
            res = scorer.score_sentences(gold, pred) if sentences else scorer.score(gold, pred)
            res.update(documents=docs, characters=chars, errors=errors, seconds=round(secs, 3),
                       kind="sentences" if sentences else "articles",
                       roles=None if sentences else role_agreement(gold, pred))
            results[name] = res
            if errors:
                print(f"accuracy: {name}: {errors} documents raised (scored as empty)", file=sys.stderr)

    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("| set | docs | quote P / R / F1 | attributed P / R / F1 | speaker acc | claim P / R / F1 "
          "| holder acc | horizon recall | future P / R / F1 |")
    print("|---|---:|---|---|---:|---|---:|---:|---|")
    for name, res in results.items():
        if res["kind"] == "sentences":
            cells = ["–"] * 7 + [prf(res, "future")]
        else:
            has_claims = res["counts"]["gc"] > 0
            cells = [prf(res, "quote"), prf(res, "attributed"), fmt(res["speaker_accuracy"]),
                     prf(res, "claim") if has_claims else "–",
                     fmt(res["holder_accuracy"]) if has_claims else "–",
                     fmt(res["horizon_recall"]) if has_claims else "–", "–"]
            if not res["counts"]["gq"]:
                cells[:3] = ["–"] * 3
        print(f"| {name} | {res['documents']} | " + " | ".join(cells) + " |")
    for name, res in results.items():
        if res.get("roles") and res["roles"][0]:
            n, same, part = res["roles"]
            print(f"\n{name} roles: {same / n:.0%} of {n} found quotations carry the gold role, "
                  f"{part / n:.0%} more one inside the other")
    total_chars = sum(r["characters"] for r in results.values())
    total_secs = sum(r["seconds"] for r in results.values())
    if total_secs:
        print(f"\n{total_chars:,} characters extracted in {total_secs:.2f} s "
              f"({total_chars / total_secs / 1e6:.2f} M chars/s, scoring excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
