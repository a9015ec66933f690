"""Golden outputs: every seed in every format, produced through the command line (typer's CliRunner).

    python -m pytest tests/test_golden.py                   # compare
    python -m pytest tests/test_golden.py --update-golden   # rewrite tests/golden/* from the current output

Each run is ``quotecli extract seeds/<seed> -f <format> --color never`` from the repository root (so the
``source`` field reads ``seeds/<seed>``) with COLUMNS=120 and NO_COLOR set, so the table has a fixed width
and no colour. A missing golden file makes its test skip with the command that writes it: it never passes
silently. Review `git diff tests/golden` after regenerating: every change in it is a change in behaviour.
"""
from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"json": "json", "jsonl": "jsonl", "csv": "csv", "table": "table.txt"}
ENV = {"COLUMNS": "120", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": None,
       "PYTHONIOENCODING": "utf-8"}
REGEN = "python -m pytest tests/test_golden.py --update-golden"


def golden_path(seed: str, fmt: str) -> Path:
    return GOLDEN / f"{Path(seed).stem}.{FORMATS[fmt]}"


def run_cli(seed: str, fmt: str, monkeypatch) -> str:
    try:
        from quotecli.cli import app
    except ImportError as exc:  # the CLI module is being written
        pytest.skip(f"quotecli.cli has no typer app yet ({exc})")
    from typer.testing import CliRunner

    monkeypatch.chdir(ROOT)
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps stderr apart
        runner = CliRunner()
    result = runner.invoke(app, ["extract", f"seeds/{seed}", "-f", fmt, "--color", "never"], env=ENV)
    try:
        stderr = result.stderr
    except ValueError:  # stderr mixed into stdout
        stderr = ""
    assert result.exit_code == 0, (f"quotecli extract seeds/{seed} -f {fmt} exited {result.exit_code}\n"
                                   f"stdout: {result.stdout[-2000:]}\nstderr: {stderr[-2000:]}\n"
                                   f"exception: {result.exception!r}")
    return result.stdout


def check_parses(fmt: str, out: str) -> None:
    """The machine formats are what they say they are, whatever the golden file holds."""
    assert "\x1b[" not in out, f"-f {fmt} --color never printed escape sequences"
    if fmt == "json":
        doc = json.loads(out)
        assert isinstance(doc, dict) and {"id", "source", "quotes", "claims", "speakers", "error"} <= set(doc)
    elif fmt == "jsonl":
        lines = out.splitlines()
        assert len(lines) == 1, "one input document gives one JSON line"
        assert isinstance(json.loads(lines[0]), dict)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("seed", SEEDS)
def test_golden(seed, fmt, request, monkeypatch):
    out = run_cli(seed, fmt, monkeypatch)
    check_parses(fmt, out)
    path = golden_path(seed, fmt)
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(out)
        pytest.skip(f"wrote {path.relative_to(ROOT)}")
    if not path.exists():
        pytest.skip(f"golden file {path.relative_to(ROOT)} is missing: write it with `{REGEN}`")
    with path.open(encoding="utf-8", newline="") as f:  # keep \r\n from the csv module as written
        want = f.read()
    if out != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                            f"golden/{path.name}", "now", n=2))
        pytest.fail(f"output differs from {path.relative_to(ROOT)} (if intended: `{REGEN}`)\n{diff[:6000]}",
                    pytrace=False)


@pytest.mark.parametrize("seed", SEEDS)
def test_golden_jsonl_through_a_real_pipe(seed):
    """The same bytes come out of a real process writing to a pipe as out of CliRunner."""
    try:
        from quotecli.cli import app  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"quotecli.cli has no typer app yet ({exc})")
    path = golden_path(seed, "jsonl")
    if not path.exists():
        pytest.skip(f"golden file {path.relative_to(ROOT)} is missing: write it with `{REGEN}`")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    env.update({k: v for k, v in ENV.items() if v is not None})
    proc = subprocess.run([sys.executable, "-m", "quotecli", "extract", f"seeds/{seed}", "-f", "jsonl",
                           "--color", "never"], cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    assert proc.stdout.decode("utf-8") == path.read_bytes().decode("utf-8")


def test_every_seed_has_every_golden_file():
    """One visible failure listing what is missing, on top of the per-file skips."""
    missing = [str(golden_path(s, f).relative_to(ROOT)) for s in SEEDS for f in FORMATS
               if not golden_path(s, f).exists()]
    if missing:
        pytest.skip(f"{len(missing)} golden files missing ({', '.join(missing[:4])}…): run `{REGEN}`")
