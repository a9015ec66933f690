"""A time budget for the extraction of one document.

A pathological document must fail alone, never hang the run. quotecli once gave every regex call its own
``timeout=``; but the `regex` module reads the process CPU clock for that at every call (a system call,
about 2 µs, on every one of the ~400 calls an article takes), which cost 10–20 % of the extraction time. The
budget is now per document instead: an interval timer (``SIGALRM``) whose handler raises ``TimeoutError``
inside the extraction — the `regex` module checks for signals while it matches, so a runaway pattern is
interrupted too. The CLI turns the error into the document's error record, as it always did.

The timer is used only where it can be: in the main thread (signal handlers live there; the CLI, its
worker processes and Spark's Python workers all extract in their main thread) and when nobody else has an
interval timer or a ``SIGALRM`` handler set (a test runner's own timeout, an application's). Elsewhere the
document has no budget; the patterns are written to run in linear time (possessive quantifiers, atomic
groups, bounded windows), which the hostile-input property tests check.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

BASE_SECONDS = 30.0          # any document, however short
SECONDS_PER_MCHAR = 60.0     # and this much per million characters (articles run at ~1 M chars/s)

_HAS_TIMER = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")


def budget(chars: int) -> float:
    """Seconds allowed for a document of ``chars`` characters."""
    return BASE_SECONDS + SECONDS_PER_MCHAR * chars / 1e6


def _expired(signum, frame):  # pragma: no cover - only on a runaway document
    raise TimeoutError("extraction took longer than its time budget")


@contextmanager
def document_deadline(seconds: float) -> Iterator[None]:
    """Raise ``TimeoutError`` in the block when it runs longer than ``seconds`` (where a timer can be set)."""
    if not _HAS_TIMER or threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None) \
            or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
