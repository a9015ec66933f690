"""Inputs → documents: paths, ``-`` (stdin), directories, JSON Lines corpora and ``.gz``.

Everything here streams: a corpus is read one line at a time, so memory does not grow with its size. A plain
text file (or piped text) is one document and is read whole, after a size check against ``--max-chars``.

Nothing here raises for bad input. A problem with one input becomes a :class:`Document` whose ``error`` says
what went wrong (and ``hint`` what to do); the caller decides whether that stops the run or becomes an error
record (``--keep-going``). That is how no document is ever silently dropped.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

DEFAULT_MAX_CHARS = 5_000_000
STDIN_NAME = "<stdin>"
CORPUS_SUFFIXES = (".jsonl", ".ndjson")

# A UTF-16/32 byte order mark names its encoding; UTF-32 must be tested before UTF-16 (same first bytes).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Lone surrogates can arrive through JSON escapes ("\ud800"); they cannot be written as UTF-8. Each is
# replaced by U+FFFD, one code point for one, so offsets are unchanged.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The WHATWG encoding standard reads the latin-1 and ASCII labels as windows-1252: news archives labelled
# latin-1 almost always hold cp1252 curly quotes (0x93/0x94) and dashes, never C1 control characters.
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "iso8859_15"}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: the ``extract`` options that concern reading, in one bundle."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    keep_fields: bool = False
    encoding: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    recursive: bool = False
    jsonl: bool = False            # treat every input, stdin included, as a JSON Lines corpus
    date: str | None = None        # default publication date (YYYY-MM-DD); a record's own date wins


@dataclass(frozen=True, slots=True)
class Document:
    """One article to extract from, or the reason it could not be read (``error`` set, ``text`` None)."""

    id: str | None
    source: str
    text: str | None = None
    date: str | None = None
    meta: dict[str, Any] | None = None
    error: str | None = None
    hint: str | None = None
    warning: str | None = None
    nbytes: int = 0                # input bytes this document took, for progress


class InputError(Exception):
    """An input problem that stops the run: the message and a hint of what to do."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def _failed(doc_id: str | None, source: str, error: str, hint: str | None = None, nbytes: int = 0) -> Document:
    return Document(id=doc_id, source=source, error=error, hint=hint, nbytes=nbytes)


# --- paths --------------------------------------------------------------------------------------------

def is_corpus(path: str) -> bool:
    name = path[:-3] if path.endswith(".gz") else path
    return name.lower().endswith(CORPUS_SUFFIXES)


def expand(paths: Iterable[str], recursive: bool) -> Iterator[tuple[str, str | None, str | None]]:
    """Yield ``(path, error, hint)`` for every input: files as given, directories walked when ``recursive``.

    Directories are walked in sorted order (so output order is stable) and hidden entries (``.name``) are
    skipped, as version-control and editor files live there.
    """
    for path in paths:
        if path == "-":
            yield path, None, None
        elif os.path.isdir(path):
            if not recursive:
                yield path, "is a directory", "use -r/--recursive to read the files in it"
                continue
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name), None, None
        elif not os.path.exists(path):
            yield path, "no such file", "check the path (use - to read standard input)"
        else:
            yield path, None, None


def known_size(paths: Iterable[str], recursive: bool) -> int | None:
    """Total input bytes when they can be known up front (no stdin, no gzip), for a progress ETA."""
    total = 0
    for path, error, _ in expand(paths, recursive):
        if error:
            continue
        if path == "-" or path.endswith(".gz"):
            return None
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    return total


# --- decoding -----------------------------------------------------------------------------------------

def check_encoding(name: str) -> str:
    """The codec's canonical name, or LookupError."""
    return codecs.lookup(name).name


class DecodeError(InputError):
    pass


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode one document's bytes (errors raise DecodeError; messages never name the input, callers do).

    A forced ``encoding`` is used as is (errors replaced, so a wrong guess by the user still gives text).
    Otherwise: a UTF-32/16 byte order mark; strict UTF-8 (with or without BOM), the fast path for nearly all
    input; a NUL byte near the start means a binary file; anything else goes to charset-normalizer.
    """
    if encoding:
        return sanitize(data.decode(encoding, errors="replace"))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return sanitize(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {codec.upper()} byte order mark but is not valid {codec.upper()} "
                                  f"({exc.reason} at byte {exc.start})",
                                  "pass --encoding to read it another way") from None
    if b"\x00" in data[:8192]:     # as grep does: text files hold no NUL bytes, binary files nearly always do
        raise DecodeError("looks like a binary file, not text",
                          "give quotecli text files; if this is text in an unusual encoding, pass --encoding "
                          "(for example --encoding utf-16)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes   # imported on first need: most input is UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot tell its text encoding (it may be a binary file)",
                          "pass --encoding, for example --encoding cp1252")
    codec = best.encoding
    if codec in _AS_CP1252:
        codec = "cp1252"
    return sanitize(data.decode(codec, errors="replace"))


def sanitize(text: str) -> str:
    """Replace lone surrogates (unwritable as UTF-8) by U+FFFD, keeping every offset."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _valid_date(value: Any) -> str | None:
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return _dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


# --- documents ----------------------------------------------------------------------------------------

def documents(paths: list[str], opts: ReadOptions, stdin: IO[bytes] | None = None) -> Iterator[Document]:
    """Every document of every input, in order. ``paths`` empty means stdin."""
    for path, error, hint in expand(paths or ["-"], opts.recursive):
        if error:
            yield _failed(path, path, error, hint)
        elif path == "-":
            if stdin is None:
                yield _failed(STDIN_NAME, STDIN_NAME, "standard input is not available")
            elif opts.jsonl:
                yield from corpus_lines(stdin, STDIN_NAME, opts)
            else:
                yield _read_text(stdin, STDIN_NAME, STDIN_NAME, opts)
        elif opts.jsonl or is_corpus(path):
            yield from _read_corpus(path, opts)
        else:
            yield _read_text_file(path, opts)


def _open(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb", buffering=1 << 20)


def _os_error(path: str, exc: OSError) -> tuple[str, str]:
    if isinstance(exc, PermissionError):
        return "cannot read it: permission denied", "check the file's permissions"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error, EOFError)):
        return f"not a valid gzip file ({exc})", "check the file, or rename it if it is not compressed"
    return f"cannot read it: {exc.strerror or exc}", "check the path"


def _too_long(chars: int, opts: ReadOptions) -> tuple[str, str]:
    return (f"document has {chars:,} characters, more than --max-chars {opts.max_chars:,}",
            "raise --max-chars to extract from it")


def _read_text_file(path: str, opts: ReadOptions) -> Document:
    try:
        if not path.endswith(".gz") and os.path.getsize(path) > opts.max_chars * 4 + 4:
            # More bytes than max_chars can decode to in any encoding we read: refuse without reading it.
            err, hint = (f"file is {os.path.getsize(path):,} bytes, more than --max-chars {opts.max_chars:,} "
                         "characters can hold", "raise --max-chars to extract from it")
            return _failed(path, path, err, hint, os.path.getsize(path))
        with _open(path) as fh:
            return _read_text(fh, path, path, opts)
    except (OSError, EOFError, zlib.error) as exc:
        err, hint = _os_error(path, exc)
        return _failed(path, path, err, hint)


def _read_text(fh: IO[bytes], doc_id: str, source: str, opts: ReadOptions) -> Document:
    limit = opts.max_chars * 4 + 4
    try:
        data = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        err, hint = _os_error(source, exc)
        return _failed(doc_id, source, err, hint)
    if len(data) > limit:
        return _failed(doc_id, source, f"input is longer than --max-chars {opts.max_chars:,} characters can hold",
                       "raise --max-chars to extract from it", len(data))
    try:
        text = decode(data, opts.encoding)
    except DecodeError as exc:
        return _failed(doc_id, source, exc.message, exc.hint, len(data))
    if len(text) > opts.max_chars:
        err, hint = _too_long(len(text), opts)
        return _failed(doc_id, source, err, hint, len(data))
    return Document(id=doc_id, source=source, text=text, date=opts.date, nbytes=len(data))


def _read_corpus(path: str, opts: ReadOptions) -> Iterator[Document]:
    try:
        fh = _open(path)
    except OSError as exc:
        err, hint = _os_error(path, exc)
        yield _failed(path, path, err, hint)
        return
    with fh:
        yield from corpus_lines(fh, path, opts)


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of at most ``limit`` bytes; a longer line is skipped in chunks and reported as (b"", True)."""
    while True:
        line = fh.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(b"\n"):
            while True:                       # drain the rest of the over-long line without keeping it
                rest = fh.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"", True
        else:
            yield line, False


def corpus_lines(fh: IO[bytes], name: str, opts: ReadOptions) -> Iterator[Document]:
    """One document per non-blank line of a JSON Lines stream; the source of each is ``name:LINE``."""
    # JSON text is UTF-8 (RFC 8259); a UTF-16/32 corpus with a byte order mark is read too.
    if not hasattr(fh, "peek"):
        fh = io.BufferedReader(fh)   # type: ignore[arg-type]
    head = fh.peek(4)[:4]
    encoding = opts.encoding
    wide = next((codec for bom, codec in _BOMS if head.startswith(bom)), None)
    if encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        wide = encoding
    if wide and (not encoding or wide == encoding):
        # Lines of UTF-16/32 cannot be split on the byte 0x0A: recode the stream to UTF-8 as it is read.
        fh = io.BufferedReader(_Reencoder(fh, wide), buffer_size=1 << 16)
        encoding = None
    limit = opts.max_chars * 8 + (1 << 20)   # JSON escapes make a line longer than its text
    lineno = 0
    try:
        for raw, too_long in _lines(fh, limit):
            lineno += 1
            source = f"{name}:{lineno}"
            if too_long:
                yield _failed(source, source, f"line is longer than {limit:,} bytes (--max-chars {opts.max_chars:,})",
                              "raise --max-chars to extract from it", limit)
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if not raw.strip():
                continue                      # blank lines separate nothing and hold no document
            yield _record(raw, source, encoding, opts)
    except (OSError, EOFError, zlib.error) as exc:
        err, hint = _os_error(name, exc)
        yield _failed(f"{name}:{lineno + 1}", f"{name}:{lineno + 1}", err, hint)


class _Reencoder(io.RawIOBase):
    """A raw stream that turns a UTF-16/32 byte stream into UTF-8, so JSON lines can be read as bytes."""

    def __init__(self, fh: IO[bytes], codec: str):
        super().__init__()
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._fh = fh
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        while not self._pending:
            chunk = self._fh.read(1 << 16)
            self._pending = self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            if not chunk:
                break
        n = min(len(buf), len(self._pending))
        buf[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _record(raw: bytes, source: str, encoding: str | None, opts: ReadOptions) -> Document:
    nbytes = len(raw)
    try:
        line = raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        return _failed(source, source, f"line is not valid UTF-8 ({exc.reason} at byte {exc.start})",
                       "JSON Lines are UTF-8; pass --encoding if the file uses another encoding", nbytes)
    try:
        record = json.loads(line)
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        col = f" at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        return _failed(source, source, f"not valid JSON ({msg}{col})",
                       "fix the line, or pass --keep-going to turn bad lines into error records", nbytes)
    except RecursionError:
        return _failed(source, source, "not valid JSON (nested too deeply)",
                       "fix the line, or pass --keep-going to turn bad lines into error records", nbytes)
    if not isinstance(record, dict):
        return _failed(source, source, f"line is a JSON {_json_type(record)}, not an object",
                       'each line should be an object such as {"id": "a1", "text": "..."}', nbytes)
    doc_id = record.get(opts.id_field)
    if doc_id is None:
        doc_id = source
    elif not isinstance(doc_id, str):
        doc_id = json.dumps(doc_id, ensure_ascii=False)
    doc_id = sanitize(doc_id)
    text = record.get(opts.text_field)
    if not isinstance(text, str):
        what = f"no {opts.text_field!r} field" if opts.text_field not in record else \
            f"the {opts.text_field!r} field is a JSON {_json_type(text)}, not a string"
        return _failed(doc_id, source, what, "--text-field NAME names the field that holds the article text", nbytes)
    text = sanitize(text)
    if len(text) > opts.max_chars:
        err, hint = _too_long(len(text), opts)
        return _failed(doc_id, source, err, hint, nbytes)
    date, warning = opts.date, None
    if opts.date_field in record and record[opts.date_field] is not None:
        found = _valid_date(record[opts.date_field])
        if found:
            date = found
        else:
            warning = (f"{source}: the {opts.date_field!r} field {str(record[opts.date_field])[:40]!r} "
                       "is not a YYYY-MM-DD date; ignored")
    meta = None
    if opts.keep_fields:
        skip = {opts.text_field, opts.id_field, opts.date_field}
        meta = {k: v for k, v in record.items() if k not in skip}
    return Document(id=doc_id, source=source, text=text, date=date, meta=meta, warning=warning, nbytes=nbytes)


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number"}.get(type(value), type(value).__name__)
