#!/usr/bin/env python3
"""Speed benchmark: extraction against the I/O floor, in one process and one run.

    python benchmarks/speed.py [--shared PATH | --input FILE.jsonl] [--repeat N] [--scale K] [--memory]
                               [--profile [--profile-out FILE]]

The corpus (default ../shared/eval/polnear-train.jsonl, 11 MB) is streamed line by line, K times over with
--scale K, and never held in memory. Two passes over it:

  floor       read each line, json-decode it, json-encode an empty document record, write it to /dev/null
  extraction  the same, plus quotecli.extract() on the text and json-encoding the real record (exactly
              the CLI's `-f jsonl` line)
  quotation stage only  read, decode, then only the quotation half of extract() (quotations found,
              attributed and their roles shared; no claims, no encoding)

Characters are the article texts' code points. Prints characters per second for each, their ratio and
documents per second; --repeat keeps the best of N runs. --memory runs the extraction streamed over 1x then
8x the corpus and prints the peak RSS after each (flat memory: the 8x peak is the 1x peak). --profile runs
the extraction once more under cProfile and prints the hot spots.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent


def lines(path: Path, scale: int) -> Iterator[str]:
    """The corpus lines, `scale` times over, streamed."""
    for _ in range(scale):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield line


def run_floor(path: Path, scale: int) -> tuple[int, int, float]:
    from quotecli.models import DocumentResult

    docs = chars = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        t0 = time.perf_counter()
        for line in lines(path, scale):
            obj = json.loads(line)
            text = obj["text"]
            sink.write(json.dumps(DocumentResult(id=obj.get("id")).to_dict(), ensure_ascii=False) + "\n")
            docs += 1
            chars += len(text)
        return docs, chars, time.perf_counter() - t0


def run_extraction(path: Path, scale: int) -> tuple[int, int, float]:
    from quotecli import extract

    docs = chars = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        t0 = time.perf_counter()
        for line in lines(path, scale):
            obj = json.loads(line)
            text = obj["text"]
            sink.write(json.dumps(extract(text, doc_id=obj.get("id")).to_dict(), ensure_ascii=False) + "\n")
            docs += 1
            chars += len(text)
        return docs, chars, time.perf_counter() - t0


def quotation_stage(text: str) -> list:
    """The quotation half of extract(): segment, find the marks, attribute, share roles among the quotes.

    The claims stage (and the roles it would lend the quotes from claim holders) is left out; this is the
    stage issue #2's 2 M characters per second goal is about.
    """
    from quotecli import quotes as q, speakers as s
    from quotecli.deadline import budget, document_deadline
    from quotecli.text import TextDoc

    with document_deadline(budget(len(text))):
        doc = TextDoc(text)
        resolver = s.Resolver(doc)
        found = s.attribute(doc, q.find_quotes(doc), resolver)
        found, _ = s.share_roles(found, [], doc, resolver)
        s.summarise(found, [])
    return found


def run_quotation_stage(path: Path, scale: int) -> tuple[int, int, float]:
    docs = chars = 0
    t0 = time.perf_counter()
    for line in lines(path, scale):
        text = json.loads(line)["text"]
        quotation_stage(text)
        docs += 1
        chars += len(text)
    return docs, chars, time.perf_counter() - t0


def best_of(repeat: int, fn: Callable[[], tuple[int, int, float]]) -> tuple[int, int, float]:
    runs = [fn() for _ in range(max(1, repeat))]
    return min(runs, key=lambda r: r[2])


def peak_rss_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder holding eval/ (default: <repo>/../shared)")
    ap.add_argument("--input", type=Path, default=None,
                    help="a JSON Lines corpus with a text field (default: shared/eval/polnear-train.jsonl)")
    ap.add_argument("--repeat", type=int, default=1, help="keep the best of N runs of each pass (default 1)")
    ap.add_argument("--scale", type=int, default=1, help="stream the corpus K times over (default 1)")
    ap.add_argument("--memory", action="store_true",
                    help="also run the extraction over 1x then 8x the corpus and print the peak RSS after each")
    ap.add_argument("--profile", action="store_true", help="profile one extraction pass with cProfile")
    ap.add_argument("--profile-out", type=Path, default=None, help="save the cProfile stats to this file")
    ap.add_argument("--top", type=int, default=25, help="profile lines to print (default 25)")
    args = ap.parse_args(argv)

    path = args.input or args.shared / "eval" / "polnear-train.jsonl"
    if not path.is_file():
        print(f"speed: {path} is missing; pass --input FILE.jsonl or --shared PATH", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    from quotecli import __version__, extract
    extract('"Warm up," said Jane Doe. She expects rain next week.', date="2024-01-01")
    startup = time.perf_counter() - t0

    print(f"# quotecli {__version__} speed, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{platform.python_implementation()} {platform.python_version()}, {cores()} cores, "
          f"{platform.machine()}")
    print(f"corpus: {path.name} x{args.scale} ({path.stat().st_size * args.scale / 1e6:.1f} MB); "
          f"import + first call {startup * 1000:.0f} ms (not timed below)")

    floor = best_of(args.repeat, lambda: run_floor(path, args.scale))
    ext = best_of(args.repeat, lambda: run_extraction(path, args.scale))
    qstage = best_of(args.repeat, lambda: run_quotation_stage(path, args.scale))
    print()
    print("| pass | docs | chars | seconds | chars/s | docs/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (docs, chars, secs) in (("I/O floor", floor), ("extraction", ext),
                                      ("quotation stage only", qstage)):
        print(f"| {name} | {docs:,} | {chars:,} | {secs:.2f} | {chars / secs / 1e6:.2f} M | {docs / secs:,.0f} |")
    ratio = ext[2] / floor[2] if floor[2] else float("inf")
    print(f"\nextraction takes {ratio:.1f}x the I/O floor's time "
          f"({ext[1] / ext[2] / 1e6:.2f} M chars/s vs {floor[1] / floor[2] / 1e6:.2f} M chars/s)")

    if args.memory:
        print("\n| streamed extraction | docs | seconds | peak RSS |")
        print("|---|---:|---:|---:|")
        for k in (1, 8):
            docs, chars, secs = run_extraction(path, k)
            print(f"| {k}x corpus | {docs:,} | {secs:.1f} | {peak_rss_mib():.0f} MiB |")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run_extraction(path, 1)
        prof.disable()
        if args.profile_out:
            prof.dump_stats(str(args.profile_out))
        for order in ("tottime", "cumulative"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(args.top)
            print(f"\n## profile by {order}\n")
            print("\n".join(ln for ln in buf.getvalue().splitlines() if ln.strip())[:20000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
