"""The streams a run talks to, and how it stops: the terminal-facing plumbing of the command line.

``Environment`` knows whether stdin, stdout and stderr are terminals (after httpie's), so tests can fake one.
``DeferInterrupt`` makes Ctrl-C and SIGTERM wait for the record being written, so output never holds half of
one. ``quiet_stdout`` is what a closed pipe calls for.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Environment:
    """The streams a run talks to and whether each is a terminal (after httpie's ``Environment``).

    Tests build one with fake streams and ``stdout_isatty=True`` to see what a terminal user sees; pass it
    as ``CliRunner().invoke(app, args, obj=env)``.
    """

    stdin: IO[bytes] | None = None
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @classmethod
    def from_system(cls) -> Environment:
        def tty(stream: Any) -> bool:
            try:
                return bool(stream is not None and stream.isatty())
            except (ValueError, OSError, AttributeError):
                return False
        stdin = getattr(sys.stdin, "buffer", sys.stdin) if sys.stdin is not None else None
        return cls(stdin=stdin, stdout=sys.stdout, stderr=sys.stderr, stdin_isatty=tty(sys.stdin),
                   stdout_isatty=tty(sys.stdout), stderr_isatty=tty(sys.stderr), environ=dict(os.environ))

    @property
    def stdout_binary(self) -> IO[Any]:
        return getattr(self.stdout, "buffer", self.stdout)


class Stopped(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or SIGTERM, raised once no record is half written."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__()
        self.signum = signum


class DeferInterrupt:
    """Ctrl-C (or SIGTERM) arriving while a record is being written waits until the write is complete.

    A second signal doesn't wait: a write can block for ever on a reader that has stalled.
    """

    SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s)

    def __init__(self) -> None:
        self.depth = 0
        self.pending: int | None = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> DeferInterrupt:
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self.previous[signum] = signal.signal(signum, self._handler)
        return self

    def __exit__(self, *exc: Any) -> None:
        for signum, previous in self.previous.items():
            signal.signal(signum, previous)

    def _handler(self, signum: int, frame: Any) -> None:
        if self.depth and self.pending is None:
            self.pending = signum
        else:
            raise Stopped(signum)

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending is not None:
                signum, self.pending = self.pending, None
                raise Stopped(signum)


def quiet_stdout(env: Environment) -> None:
    """After a closed pipe: point stdout at /dev/null so the interpreter's final flush cannot complain."""
    if env.stdout is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
