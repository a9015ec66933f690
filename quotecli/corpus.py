"""The runner: documents in, processed documents out, in input order, in one process or many.

With ``jobs > 1`` documents travel to worker processes in batches of about ``BATCH_CHARS`` characters (large
enough that process overhead is small, small enough that results stream and Ctrl-C waits little). Workers are
forked from the main process, whose patterns are already compiled (where fork is unavailable each worker
imports quotecli once), and warm up once, never per document. At most ``jobs * AHEAD`` batches are in flight,
so memory stays flat however large the corpus, and batches are collected in submission order, so the output
is byte-identical to ``--jobs 1``. Workers also render the output text, so the main process only reads and writes.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from .models import DocumentResult
from .readers import Document
from .writers import Renderer

BATCH_CHARS = 1 << 16      # ~64 K characters per batch: tens of ms of work, far more than its IPC cost
BATCH_DOCS = 1000
AHEAD = 4                  # batches in flight per worker


@dataclass(frozen=True, slots=True)
class Processed:
    """What became of one document: its rendered output, and the numbers for ``--stats``."""

    source: str
    items: tuple[str, ...]
    result: DocumentResult | None = None     # kept only when the output needs the objects (tables)
    error: str | None = None
    hint: str | None = None
    traceback: str | None = None
    chars: int = 0
    nbytes: int = 0
    quotes: int = 0
    claims: int = 0
    speakers: int = 0


@dataclass(frozen=True, slots=True)
class Worker:
    """Extract from one document and render it. Picklable, so the same code runs in every process."""

    renderer: Renderer

    def __call__(self, doc: Document) -> Processed:
        from . import extract

        result, tb = None, None
        error, hint = doc.error, doc.hint
        if error is None:
            try:
                result = extract(doc.text or "", doc_id=doc.id, date=doc.date, source=doc.source)
            except Exception as exc:   # one document's failure becomes its error record, never the run's crash
                reason = "timed out" if isinstance(exc, TimeoutError) else f"{type(exc).__name__}: {exc}"
                error = f"extraction failed ({reason})"
                hint = "rerun with --debug for the traceback, or --keep-going to skip the document"
                tb = traceback.format_exc()
            else:
                if doc.meta is not None:
                    result = replace(result, meta=doc.meta)
        if result is None:
            result = DocumentResult(id=doc.id, source=doc.source, error=error, meta=doc.meta)
        return Processed(source=doc.source, items=self.renderer.render(result),
                         result=result if self.renderer.keeps_result else None,
                         error=error, hint=hint, traceback=tb, chars=len(doc.text or ""), nbytes=doc.nbytes,
                         quotes=len(result.quotes), claims=len(result.claims), speakers=len(result.speakers))


@dataclass
class Totals:
    """Running totals for ``--stats`` and the summary record."""

    documents: int = 0
    errors: int = 0
    quotes: int = 0
    claims: int = 0
    speakers: int = 0
    characters: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, p: Processed) -> None:
        self.documents += 1
        self.errors += p.error is not None
        self.quotes += p.quotes
        self.claims += p.claims
        self.speakers += p.speakers
        self.characters += p.chars

    def summary(self) -> dict[str, Any]:
        elapsed = time.perf_counter() - self.started
        return {"type": "summary", "documents": self.documents, "errors": self.errors, "quotes": self.quotes,
                "claims": self.claims, "speakers": self.speakers, "characters": self.characters,
                "elapsed_seconds": round(elapsed, 3),
                "chars_per_second": round(self.characters / elapsed) if elapsed > 0 else 0}

    def line(self) -> str:
        s = self.summary()
        return (f"quotecli: {s['documents']:,} documents ({s['errors']:,} errors), {s['quotes']:,} quotations, "
                f"{s['claims']:,} claims, {s['speakers']:,} speakers; {s['elapsed_seconds']:.2f} s, "
                f"{s['chars_per_second']:,} characters/s\n")


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _batches(docs: Iterable[Document], chars: int, count: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    size = 0
    for doc in docs:
        batch.append(doc)
        size += len(doc.text or "")
        if size >= chars or len(batch) >= count:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


_worker: Worker | None = None


def _init(worker: Worker) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's write-deferring handler
    try:                                             # never hold the user's pipes open (stdin, stdout)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    _worker = worker
    from . import extract
    extract("“Warm,” said Ann Lee.")                 # compile every lazily built pattern once per process


def _watch_parent(parent: int) -> None:
    """End this worker if the main process dies without shutting the pool down (SIGKILL, SIGTERM)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run_batch(batch: list[Document]) -> list[Processed]:
    assert _worker is not None
    return [_worker(doc) for doc in batch]


def run(docs: Iterable[Document], worker: Worker, jobs: int = 1, *, batch_chars: int | None = None,
        batch_docs: int | None = None) -> Iterator[Processed]:
    """Process ``docs`` in order; ``jobs`` 0 means one per available core."""
    batch_chars = batch_chars or BATCH_CHARS
    batch_docs = batch_docs or BATCH_DOCS
    if jobs == 0:
        jobs = cpu_count()
    if jobs <= 1:
        yield from map(worker, docs)
        return
    batches = _batches(docs, batch_chars, batch_docs)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:                               # everything fits in one batch: no pool worth starting
        yield from map(worker, first)
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(worker,))
    pending: deque[Future[list[Processed]]] = deque()
    finished = False
    try:
        for batch in _chain(first, second, batches):
            pending.append(pool.submit(_run_batch, batch))
            # Write what is finished as soon as it is (in order), and wait when too much is in flight.
            while pending and (len(pending) >= jobs * AHEAD or pending[0].done()):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    finally:
        # Interrupted, or the consumer stopped (a closed pipe): drop the batches not started and let the
        # workers finish the ones they hold (at most one each), so every process ends cleanly. Killing
        # them instead can leave the executor's feeder thread blocked on a full pipe at exit (CPython 3.11).
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _chain(first: list[Document], second: list[Document],
           rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield first
    yield second
    yield from rest
