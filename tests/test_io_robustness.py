"""Real processes, real pipes, real signals and real terminals (pty): what CliRunner cannot show."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from typer.testing import CliRunner

from quotecli.cli import Environment, app
from quotecli.environment import DeferInterrupt

QUOTECLI = [sys.executable, "-m", "quotecli"]
ARTICLE = '"We will win the vote next month," said Jane Doe, a senator. "It is over," Tom Lee said.\n'
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
ENV.pop("FORCE_COLOR", None)


def no_noise(stderr: bytes) -> None:
    text = stderr.decode("utf-8", "replace")
    for bad in ("Traceback", "Exception ignored", "BrokenPipeError", "KeyboardInterrupt"):
        assert bad not in text, text


def survivors(marker: str, grace: float = 3.0) -> list[str]:
    """Processes whose command line mentions ``marker`` still alive after ``grace`` seconds (Linux)."""
    if not os.path.isdir("/proc"):
        return []
    deadline = time.monotonic() + grace
    while True:
        alive = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if marker in cmd and "pytest" not in cmd:
                alive.append(f"{pid}: {cmd}")
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    """Far more output than a pipe buffer holds, so the writer is still writing when the reader leaves."""
    p = tmp_path_factory.mktemp("corpus") / "big.jsonl"
    with p.open("w") as f:
        for i in range(3000):
            f.write(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n")
    return p


@pytest.mark.parametrize("extra", [[], ["-j", "2"], ["--records"]], ids=["jobs1", "jobs2", "records"])
def test_closed_pipe_exits_quietly(big_corpus, extra):
    proc = subprocess.Popen(QUOTECLI + ["extract", str(big_corpus), "-f", "jsonl"] + extra,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    first = proc.stdout.readline()
    proc.stdout.close()                                   # what `head -1` does after its line
    _, err = proc.communicate(timeout=120)
    assert json.loads(first)
    assert proc.returncode == 0, err
    no_noise(err)
    assert survivors(str(big_corpus)) == []                 # no worker process left behind


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table", "json"])
def test_pipe_into_head_through_a_shell(big_corpus, fmt):
    cmd = f"set -o pipefail; {sys.executable} -m quotecli extract {big_corpus} -f {fmt} | head -1"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 1
    no_noise(proc.stderr)


def test_stdin_through_a_real_pipe():
    proc = subprocess.run(QUOTECLI + ["extract", "-f", "jsonl"], input=ARTICLE.encode("utf-16"),
                          capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 0
    [line] = proc.stdout.decode("utf-8").splitlines()
    doc = json.loads(line)
    assert doc["id"] == "<stdin>" and "Jane Doe" in {q["speaker"]["name"] for q in doc["quotes"] if q["speaker"]}
    assert proc.stderr == b""


@pytest.mark.parametrize("args, stdin, code, words", [
    (["extract", "/nonexistent/file.txt"], b"", 1, b"quotecli: error: /nonexistent/file.txt: no such file"),
    (["extract", "--format", "xml"], b"x", 2, b"quotecli: error: "),
    (["extract", "-f", "jsonl"], b"", 0, b""),
    (["extract", "--corpus", "-f", "jsonl"], b'{"text": 1}\n', 1, b"<stdin>:1: the 'text' field"),
    (["--version"], b"", 0, b""),
])
def test_exit_codes_of_a_real_process(args, stdin, code, words):
    proc = subprocess.run(QUOTECLI + args, input=stdin, capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert words in proc.stderr
    no_noise(proc.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_a_full_disk_is_a_clean_error(tmp_path, fmt):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(QUOTECLI + ["extract", str(p), "-f", fmt], stdout=full, stderr=subprocess.PIPE,
                              env=ENV, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith(b"quotecli: error: cannot write the output: No space left on device")
    no_noise(proc.stderr)


def test_console_script_is_installed():
    proc = subprocess.run(["quotecli", "--version"], capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith(b"quotecli ")


@pytest.mark.parametrize("jobs, sig, code, word", [
    ("1", signal.SIGINT, 130, b"interrupted"), ("2", signal.SIGINT, 130, b"interrupted"),
    ("1", signal.SIGTERM, 143, b"terminated"),
], ids=["ctrl-c-jobs1", "ctrl-c-jobs2", "sigterm"])
def test_signals_exit_128_plus_signal_with_whole_records(jobs, sig, code, word):
    """Ctrl-C while waiting for input (-j 1) or while workers are busy (-j 2), or SIGTERM: whole records only."""
    proc = subprocess.Popen(QUOTECLI + ["extract", "--corpus", "-f", "jsonl", "-j", jobs],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    # -j 2 works in batches of 64 K characters with 8 in flight: send more than that from a thread, so
    # records flow, and keep stdin open so quotecli is still running when the signal comes.
    count, text = (3, ARTICLE) if jobs == "1" else (2500, ARTICLE * 5)
    payload = "".join(json.dumps({"id": f"d{i}", "text": text}) + "\n" for i in range(count)).encode()

    def feed():                                           # the only thread that touches proc.stdin
        try:
            proc.stdin.write(payload)
            proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    got = [proc.stdout.readline() for _ in range(3)]       # quotecli is up and writing records
    if not all(got):
        proc.kill()
        pytest.fail(f"quotecli ended early: {proc.stderr.read()[-2000:]!r}")
    assert [json.loads(x)["id"] for x in got] == ["d0", "d1", "d2"]
    proc.send_signal(sig)
    # Read the rest through the same buffered reader (communicate() would skip what readline buffered).
    watchdog = threading.Timer(120, proc.kill)            # a hang fails the test instead of the suite
    watchdog.start()
    try:
        rest = proc.stdout.read()
        err = proc.stderr.read()
        returncode = proc.wait(timeout=120)
    finally:
        watchdog.cancel()
    writer.join(timeout=30)
    proc.stdin.close()
    assert returncode == code, err
    lines = rest.splitlines()
    for n, line in enumerate(lines):
        try:
            json.loads(line)                              # never half a record
        except ValueError:
            pytest.fail(f"half a record after the signal (line {n + 1} of {len(lines)}, {len(line)} bytes, "
                        f"{sum(map(len, got)) + len(rest)} bytes in all, last byte {rest[-1:]!r}): "
                        f"{line[:100]!r}...{line[-100:]!r}; stderr: {err[-1000:]!r}")
    assert word in err
    no_noise(err)


def test_workers_end_when_the_main_process_is_killed():
    marker = f"id-for-kill-test-{os.getpid()}"
    proc = subprocess.Popen(QUOTECLI + ["extract", "--corpus", "-f", "jsonl", "-j", "2", "--id-field", marker],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    payload = "".join(json.dumps({"text": ARTICLE * 5}) + "\n" for i in range(2500)).encode()
    threading.Thread(target=lambda: _feed(proc, payload), daemon=True).start()
    assert json.loads(proc.stdout.readline())                # the pool is up and working
    proc.kill()                                              # no cleanup possible in the main process
    proc.wait(timeout=30)
    assert survivors(marker, grace=5.0) == []
    proc.stdout.close()
    proc.stderr.close()


def _feed(proc, payload):
    try:
        proc.stdin.write(payload)
        proc.stdin.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass


def test_deferred_interrupt_waits_for_the_write_to_finish():
    d = DeferInterrupt()
    with pytest.raises(KeyboardInterrupt):
        with d.guard():
            d._handler(signal.SIGINT, None)              # Ctrl-C in the middle of a write ...
            written = "whole record"                     # ... the write still completes
    assert written == "whole record" and d.pending is None
    with pytest.raises(KeyboardInterrupt):
        d._handler(signal.SIGINT, None)                  # outside a write: at once
    with pytest.raises(KeyboardInterrupt):
        with d.guard():
            d._handler(signal.SIGINT, None)
            d._handler(signal.SIGINT, None)              # a second Ctrl-C during a stuck write: at once
            pytest.fail("not reached")


# --- real terminals -----------------------------------------------------------------------------------

pty = pytest.importorskip("pty")


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_no_input_on_a_terminal_is_a_usage_error_not_a_wait():
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(QUOTECLI + ["extract"], stdin=slave, capture_output=True, env=ENV, timeout=30)
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 2
    assert proc.stderr.startswith(b"quotecli: error: no input") and b"hint:" in proc.stderr


def test_a_terminal_gets_tables(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    master, slave = pty.openpty()
    env = {**ENV, "COLUMNS": "120"}
    env.pop("NO_COLOR")
    proc = subprocess.Popen(QUOTECLI + ["extract", str(p)], stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = _read_all(master)
    os.close(master)
    assert proc.wait(timeout=30) == 0
    assert b"Quotations" in out and b"Jane Doe" in out and b"\x1b[" in out     # colour on a terminal
    assert b'{"id"' not in out


# --- hostile text through the whole command -----------------------------------------------------------

def test_control_characters_in_a_corpus_never_reach_the_terminal(tmp_path):
    p = tmp_path / "evil.jsonl"
    text = 'Hi.\n\n\u001b]0;owned\u0007 "Hi \u001b[31mthere\u001b[2J\u0007,\u0000" said Jane Doe.\u202e'
    p.write_text(json.dumps({"id": "evil\u001b[5m", "text": text}) + "\n")
    env = Environment(stdin=io.BytesIO(), stdout=io.StringIO(), stderr=io.StringIO(), stdout_isatty=True,
                      environ={"COLUMNS": "120"})
    r = CliRunner().invoke(app, ["extract", str(p)], obj=env)
    shown = env.stdout.getvalue()
    assert r.exit_code == 0 and "Jane Doe" in shown
    for seq in ("\x1b[2J", "\x1b]0", "\x1b[31mthere", "\x1b[5m", "\x07", "\x00", "\u202e"):
        assert seq not in shown, repr(seq)
    r = CliRunner().invoke(app, ["extract", str(p), "-f", "jsonl"])      # machine output keeps the text exactly
    assert json.loads(r.stdout)["quotes"][0]["text"].startswith("Hi \x1b[31mthere")
