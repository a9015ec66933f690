"""Machine formats: JSON, JSON Lines and CSV, document records or flat quote/claim records.

Rendering a document to text (:class:`Renderer`) is separate from writing it (:class:`Sink` and the
``*Output`` classes), so that worker processes can render in parallel and the main process only writes.
Every document's text goes out whole, with Ctrl-C deferred until it has (``os.write`` straight to the file
or pipe, looping over partial writes): a reader of the pipe never sees half a record, and an interrupted run
leaves whole records only.

JSON and CSV never carry colour or terminal styling. CSV cells that a spreadsheet would run as a formula
are neutralised (see :func:`csv_safe`).
"""
from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import IO, Any

from .models import DocumentResult

FORMATS = ("table", "json", "jsonl", "csv")

# One row per quote or claim. ``speaker_*`` is the quote's speaker or the claim's holder; ``kind`` is the
# quote's kind (direct, partial) or the claim's type (prediction, plan, warning).
RECORD_FIELDS = ("type", "doc_id", "source", "id", "text", "start", "end", "kind", "group",
                 "speaker_name", "speaker_mention", "speaker_start", "speaker_end", "speaker_role", "speaker_type",
                 "cue_text", "cue_start", "cue_end",
                 "horizon_text", "horizon_start", "horizon_end", "horizon_value",
                 "quote", "confidence", "rule", "error")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would run as a formula: prefix ``'`` when text starts with = + - @ tab CR.

    Numbers are left alone (a negative offset never occurs, and a number is not a formula).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def filter_only(result: DocumentResult, only: str | None) -> DocumentResult:
    """``--only quotes`` / ``--only claims``: the other list is emptied (its key stays, as keys always do)."""
    if only == "quotes" and result.claims:
        return replace(result, claims=())
    if only == "claims" and result.quotes:
        return replace(result, quotes=())
    return result


def _mention(prefix: str, m: dict[str, Any] | None, row: dict[str, Any]) -> None:
    m = m or {}
    row[f"{prefix}_name"] = m.get("name")
    row[f"{prefix}_mention"] = m.get("mention")
    row[f"{prefix}_start"] = m.get("start")
    row[f"{prefix}_end"] = m.get("end")
    row[f"{prefix}_role"] = m.get("role")
    row[f"{prefix}_type"] = m.get("type")


def records(result: DocumentResult, only: str | None = None) -> list[dict[str, Any]]:
    """Flatten one document to rows: one per quote (``type: quote``) then one per claim (``type: claim``).

    A document that failed gives one ``type: error`` row, so even in flat form no document disappears.
    """
    base = {"doc_id": result.id, "source": result.source}
    if result.error is not None:
        row = dict.fromkeys(RECORD_FIELDS)
        row.update(base, type="error", error=result.error)
        return [row]
    rows = []
    if only != "claims":
        for q in result.quotes:
            d = q.to_dict()
            row = {"type": "quote", **base, "id": d["id"], "text": d["text"], "start": d["start"], "end": d["end"],
                   "kind": d["kind"], "group": d["group"]}
            _mention("speaker", d["speaker"], row)
            cue = d["cue"] or {}
            row.update(cue_text=cue.get("text"), cue_start=cue.get("start"), cue_end=cue.get("end"),
                       horizon_text=None, horizon_start=None, horizon_end=None, horizon_value=None,
                       quote=None, confidence=d["confidence"], rule=d["rule"], error=None)
            rows.append(row)
    if only != "quotes":
        for c in result.claims:
            d = c.to_dict()
            row = {"type": "claim", **base, "id": d["id"], "text": d["text"], "start": d["start"], "end": d["end"],
                   "kind": d["type"], "group": None}
            _mention("speaker", d["holder"], row)
            cue, hz = d["cue"] or {}, d["horizon"] or {}
            row.update(cue_text=cue.get("text"), cue_start=cue.get("start"), cue_end=cue.get("end"),
                       horizon_text=hz.get("text"), horizon_start=hz.get("start"), horizon_end=hz.get("end"),
                       horizon_value=hz.get("value"), quote=d["quote"], confidence=d["confidence"],
                       rule=d["rule"], error=None)
            rows.append(row)
    return rows


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _pretty(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def csv_line(values: list[Any]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def csv_header() -> str:
    return csv_line(list(RECORD_FIELDS))


@dataclass(frozen=True, slots=True)
class Renderer:
    """Turns one DocumentResult into the pieces of text its format writes (picklable: runs in workers).

    ``items`` are complete lines for jsonl and csv, and JSON values (joined into an array by
    :class:`JsonArrayOutput`) for json. The table format renders nothing here.
    """

    format: str
    records: bool = False
    only: str | None = None

    @property
    def keeps_result(self) -> bool:
        return self.format == "table"

    def render(self, result: DocumentResult) -> tuple[str, ...]:
        fmt = self.format
        if fmt == "table":
            return ()
        if fmt == "csv":
            return tuple(csv_line([csv_safe(r[k]) for k in RECORD_FIELDS]) for r in records(result, self.only))
        if self.records:
            rows = records(result, self.only)
            if fmt == "jsonl":
                return tuple(_dumps(r) + "\n" for r in rows)
            return tuple(_pretty(r) for r in rows)
        d = filter_only(result, self.only).to_dict()
        return (_dumps(d) + "\n",) if fmt == "jsonl" else (_pretty(d),)


class OutputClosed(Exception):
    """The reader of our output went away (a closed pipe, as with ``| head -1``)."""


class OutputError(Exception):
    """Writing the output failed for another reason than a closed reader (a full disk, say)."""


class Sink:
    """Writes text to a binary stream as UTF-8, all of it per call (``os.write`` when the stream has a file).

    ``guard`` is a context manager factory held around each write (the CLI defers Ctrl-C inside it, so an
    interrupted run never leaves half a record).
    """

    def __init__(self, stream: IO[bytes] | IO[str], guard: Callable[[], Any] = contextlib.nullcontext):
        self._stream = stream
        self._binary = not isinstance(stream, io.TextIOBase)
        self._guard = guard
        self._fd: int | None = None
        if self._binary:     # a real file or pipe: write the bytes ourselves, past Python's buffer
            with contextlib.suppress(AttributeError, OSError, ValueError):
                self._fd = stream.fileno()

    def write(self, text: str) -> None:
        if not text:
            return
        data: Any = text
        if self._binary:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:   # lone surrogates in metadata: never crash on output
                data = text.encode("utf-8", errors="replace")
        try:
            with self._guard():
                if self._fd is None:
                    self._stream.write(data)
                    self._stream.flush()
                else:
                    self._write_all(data)
        except BrokenPipeError as exc:
            raise OutputClosed() from exc
        except OSError as exc:
            if exc.errno == errno.EPIPE:               # EPIPE from a wrapped stream
                raise OutputClosed() from exc
            raise OutputError(exc.strerror or str(exc)) from exc

    def _write_all(self, data: bytes) -> None:
        """All of ``data`` through ``os.write``: a pipe may take part of it (a signal, a full pipe), so loop.

        Nothing is left in a Python buffer for an exception or the interpreter's exit to cut or drop.
        """
        self._stream.flush()                           # whatever another writer left there goes first
        assert self._fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]     # EINTR is retried by Python itself (PEP 475)


class StreamOutput:
    """jsonl and csv: every document's lines written as they come (csv starts with its header)."""

    def __init__(self, sink: Sink, header: str = ""):
        self.sink = sink
        self.header = header

    def begin(self) -> None:
        self.sink.write(self.header)

    def add(self, items: tuple[str, ...], result: DocumentResult | None = None) -> None:
        if items:
            self.sink.write("".join(items))

    def end(self, summary: dict[str, Any] | None = None) -> None:
        if summary is not None:
            self.sink.write(_dumps(summary) + "\n")


def _indent(text: str) -> str:
    return "  " + text.replace("\n", "\n  ")


class JsonArrayOutput:
    """json: one object for a single document, otherwise an array, written element by element.

    ``single`` is decided from the inputs (one plain text file or stdin, document records), never from a
    count of what was read, so a script always gets the same shape for the same kind of call.
    """

    def __init__(self, sink: Sink, single: bool):
        self.sink = sink
        self.single = single
        self.count = 0

    def begin(self) -> None:
        if not self.single:
            self.sink.write("[")

    def add(self, items: tuple[str, ...], result: DocumentResult | None = None) -> None:
        for item in items:
            if self.single:
                self.sink.write(("\n" if self.count else "") + item + "\n")
            else:
                self.sink.write(("," if self.count else "") + "\n" + _indent(item))
            self.count += 1

    def end(self, summary: dict[str, Any] | None = None) -> None:
        if summary is not None:
            self.add((_pretty(summary),))
        if not self.single:
            self.sink.write("\n]\n" if self.count else "]\n")

