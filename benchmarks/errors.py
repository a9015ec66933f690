#!/usr/bin/env python3
"""Quotation errors on a gold set, one line each, the way score.py counts them.

    python benchmarks/errors.py [--set polnear-dev] [--shared PATH] [--only fn|fp|speaker] [--limit N]

For every gold quotation segment that no prediction covers (fn), every predicted quotation that no gold
segment covers (fp) and every found quotation whose speaker is wrong (speaker), it prints the document,
the span with some context, and for speaker errors the gold speaker against the predicted one and its rule.
A tool for reading errors, not a score: the counts at the end are score.py's.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from accuracy import load_scorer  # noqa: E402


def context(text: str, start: int, end: int, width: int = 90) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return s.replace("\n", "¶ ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="polnear-dev")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--only", choices=("fn", "fp", "speaker"), default=None)
    ap.add_argument("--limit", type=int, default=0, help="stop after N documents (0: all)")
    args = ap.parse_args(argv)

    from quotecli import extract

    sc = load_scorer(args.shared)
    gold_docs = sc.load(args.shared / "eval" / f"{args.set}.jsonl")
    if args.limit:
        gold_docs = gold_docs[: args.limit]
    counts: Counter = Counter()
    for g in gold_docs:
        text = g["text"]
        pred = extract(text, doc_id=g["id"], date=g.get("date")).to_dict()
        gq = [(seg, q) for q in g.get("quotes", []) if q.get("kind") in ("direct", "partial", "mixed")
              for seg in sc.gold_segments(text, q)]
        pq = [(sc.trim(text, q["start"], q["end"]), q) for q in pred["quotes"]
              if q.get("kind") in ("direct", "partial")]
        pq = [(s, q) for s, q in pq if s[1] > s[0]]
        gchars = {i for s, _ in gq for i in range(*s)}
        pchars = {i for s, _ in pq for i in range(*s)}
        for seg, q in gq:
            if sc.covered(seg, pchars) < 0.5:
                counts["fn"] += 1
                if args.only in (None, "fn"):
                    print(f"FN  {g['id']}  gold speaker={q.get('speaker')!r}\n    {context(text, *seg)}")
                continue
            best = max(pq, key=lambda x: sc.overlap(seg, x[0]), default=None)
            if best and not sc.speaker_right(text, q, best[1].get("speaker")):
                counts["speaker"] += 1
                if args.only in (None, "speaker"):
                    sp = best[1].get("speaker") or {}
                    print(f"SPK {g['id']}  gold={q.get('speaker')!r}  pred={sp.get('name')!r} "
                          f"({sp.get('mention')!r}) rule={best[1].get('rule')}\n    {context(text, *seg)}")
        for seg, q in pq:
            if sc.covered(seg, gchars) < 0.5:
                counts["fp"] += 1
                if args.only in (None, "fp"):
                    sp = q.get("speaker") or {}
                    print(f"FP  {g['id']}  kind={q['kind']} pred={sp.get('name')!r} rule={q.get('rule')}\n"
                          f"    {context(text, *seg)}")
    print(dict(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
