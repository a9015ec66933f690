"""The per-document time budget (quotecli/deadline.py): a runaway document raises TimeoutError, alone."""
from __future__ import annotations

import signal
import threading
import time

import pytest
import regex

import quotecli
from quotecli import deadline

pytestmark = pytest.mark.skipif(not deadline._HAS_TIMER, reason="no interval timer on this platform")

RUNAWAY = (r"(?:a|aa)+b", "a" * 40)  # exponential backtracking the regex module does not optimise away


def test_runaway_pattern_is_interrupted():
    t0 = time.monotonic()
    with pytest.raises(TimeoutError):
        with deadline.document_deadline(0.2):
            regex.search(*RUNAWAY)
    assert time.monotonic() - t0 < 5
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_extract_runs_under_a_budget(monkeypatch):
    monkeypatch.setattr(deadline, "BASE_SECONDS", 0.0)
    monkeypatch.setattr(deadline, "SECONDS_PER_MCHAR", 1e-3)  # a millisecond per million characters
    text = "“We will not back down,” said Jane Doe, a senator from Ohio. " * 2000
    with pytest.raises(TimeoutError):
        quotecli.extract(text)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_budget_grows_with_the_document():
    assert deadline.budget(0) == deadline.BASE_SECONDS
    assert deadline.budget(5_000_000) > deadline.budget(5_000) > 0


def test_finished_block_leaves_no_timer_and_the_old_handler():
    def mine(signum, frame):
        pass

    with deadline.document_deadline(10):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    old = signal.signal(signal.SIGALRM, mine)
    try:
        with deadline.document_deadline(0.01):  # someone else's handler: quotecli leaves SIGALRM alone
            time.sleep(0.05)
            assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, old)


def test_other_threads_extract_without_a_timer():
    seen = {}

    def run():
        with deadline.document_deadline(0.01):
            time.sleep(0.05)
            seen["timer"] = signal.getitimer(signal.ITIMER_REAL)[0]
        seen["result"] = quotecli.extract("“Yes,” she said.").quotes[0].text

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == {"timer": 0.0, "result": "Yes,"}
