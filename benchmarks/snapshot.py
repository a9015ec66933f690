#!/usr/bin/env python3
"""Output snapshots: prove that a change meant to be behaviour-neutral (a speed-up, a refactoring) is.

    python benchmarks/snapshot.py save DIR      # records of every eval set, the test articles and the seeds
    python benchmarks/snapshot.py diff DIR      # the same, compared with DIR; exit 1 and the first
                                                # differing records when anything changed

The records are `extract(...).to_dict()` as the CLI's `-f jsonl` writes them, one line per document, for
../shared/eval/*.jsonl (all four sets; pass --shared PATH elsewhere), every tests/articles set and seeds/*.txt.
`--sets` limits the sets (names as in DIR: polnear-train, news-dev, articles, seeds, ...).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
# the article sets written blind and kept out of development (tests/articles/README.md): never print their records
BLIND = frozenset({"articles-3", "articles-5"})


def documents(shared: Path) -> Iterator[tuple[str, Iterator[tuple[str, str, str | None]]]]:
    """(set name, iterator of (id, text, date)) for every set there is."""
    def corpus(path: Path):
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    obj = json.loads(line)
                    yield obj.get("id") or f"{path.name}:{n}", obj["text"], obj.get("date")

    for path in sorted((shared / "eval").glob("*.jsonl")):
        yield path.stem, corpus(path)
    for articles in sorted((REPO / "tests" / "articles").glob("quotes-articles*.jsonl")):
        yield articles.stem.replace("quotes-", ""), corpus(articles)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    yield "seeds", ((p.name, p.read_text(encoding="utf-8"), None) for p in seeds)


def records(docs: Iterator[tuple[str, str, str | None]]) -> Iterator[str]:
    from quotecli import extract

    for doc_id, text, date in docs:
        yield json.dumps(extract(text, doc_id=doc_id, date=date).to_dict(), ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "diff"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--sets", nargs="+", default=None, help="only these sets")
    ap.add_argument("--show", type=int, default=3, help="differing records to print per set (default 3)")
    args = ap.parse_args(argv)

    args.dir.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, docs in documents(args.shared):
        if args.sets and name not in args.sets:
            continue
        path = args.dir / f"{name}.jsonl"
        if args.action == "save":
            with path.open("w", encoding="utf-8") as out:
                n = sum(out.write(r + "\n") > 0 for r in records(docs))
            print(f"{name}: {n} records saved")
            continue
        if not path.is_file():
            print(f"{name}: no snapshot in {args.dir}", file=sys.stderr)
            changed += 1
            continue
        with path.open(encoding="utf-8") as f:
            old = [ln.rstrip("\n") for ln in f]
        new = list(records(docs))
        diffs = [i for i in range(max(len(old), len(new)))
                 if i >= len(old) or i >= len(new) or old[i] != new[i]]
        print(f"{name}: {len(new)} records, {len(diffs)} differ")
        if name in BLIND:
            continue  # held-out articles: whether they moved is all a developer may read
        for i in diffs[: args.show]:
            print(f"  - {old[i] if i < len(old) else '(none)'}\n  + {new[i] if i < len(new) else '(none)'}")
        changed += bool(diffs)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
