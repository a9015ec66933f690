#!/usr/bin/env python3
"""Claims accuracy on the shared dev sets: run quotecli.extract over news-dev and future-sentences-dev, write the
predictions as JSONL and score them with ../shared/eval/score.py.

    python3 benchmarks/claims_dev.py [--shared PATH] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import quotecli

ROOT = Path(__file__).resolve().parents[1]
SETS = ("news-dev.jsonl", "future-sentences-dev.jsonl")


def predict(gold: Path, out: Path) -> Path:
    pred = out / (gold.stem + ".pred.jsonl")
    with gold.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as w:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            r = quotecli.extract(rec["text"], doc_id=rec["id"], date=rec.get("date"))
            w.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    return pred


def score(shared: Path, out: Path) -> dict[str, dict]:
    results = {}
    for name in SETS:
        gold = shared / "eval" / name
        pred = predict(gold, out)
        res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json"],
                             capture_output=True, text=True, check=True)
        results[name] = json.loads(res.stdout)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("/tmp"))
    args = ap.parse_args()
    res = score(args.shared, args.out)
    n = res["news-dev.jsonl"]
    f = res["future-sentences-dev.jsonl"]
    print(f"news-dev              claim P {n['claim_p']:.3f}  R {n['claim_r']:.3f}  F1 {n['claim_f1']:.3f}  "
          f"holder acc {n['holder_accuracy']:.3f}  horizon recall {n['horizon_recall']:.3f}")
    print(f"future-sentences-dev  future P {f['future_p']:.3f}  R {f['future_r']:.3f}  F1 {f['future_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
