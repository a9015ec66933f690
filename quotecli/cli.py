"""The command line: options → readers → runner → writers, and errors → exit codes. No extraction here.

    quotecli extract [PATHS]...      quotations and claims, as tables, JSON, JSON Lines or CSV
    quotecli schema                  the JSON Schema of the output

Exit codes: 0 ran (finding nothing is success), 1 input error, 2 usage error, 130 interrupted.
Errors read ``quotecli: error: <what happened>`` and a hint on stderr; ``--debug`` adds the traceback.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import signal
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any, Optional

import typer
from typer.core import TyperGroup

try:   # Typer >= 0.26 vendors Click; before that it used the click package
    from typer._click import exceptions as _cx
except ImportError:  # pragma: no cover
    from click import exceptions as _cx   # type: ignore[no-redef]

from . import __version__
from . import corpus, readers, render, schema as _schema, writers
from .environment import DeferInterrupt, Environment, Stopped, quiet_stdout

__all__ = ["app", "main", "Environment", "CliError", "DeferInterrupt", "Stopped"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
MAX_REPORTED = 20          # error and warning lines printed before the rest are only counted


def _env(ctx: typer.Context | None) -> Environment:
    obj = ctx.find_root().obj if ctx is not None else None
    return obj if isinstance(obj, Environment) else Environment.from_system()


# --- errors -------------------------------------------------------------------------------------------

class CliError(Exception):
    """Stops the run: ``quotecli: error: <message>`` and a hint, with exit ``code``."""

    def __init__(self, message: str, hint: str | None = None, code: int = EXIT_INPUT):
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def _say(stream: IO[str], kind: str, message: str, hint: str | None = None) -> None:
    try:
        stream.write(f"quotecli: {kind}: {render.clean(message)}\n")
        if hint:
            stream.write(f"  hint: {hint}\n")
        stream.flush()
    except (OSError, ValueError):
        pass


class _NeverRaised(Exception):
    pass


# Click >= 8.2 raises this for a bare `quotecli`; it carries the help text to print.
_NoArgsIsHelp: type[Exception] = getattr(_cx, "NoArgsIsHelpError", _NeverRaised)


class QuotecliGroup(TyperGroup):
    """Runs commands in non-standalone mode and turns every failure into our message and exit code."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        obj = extra.get("obj")
        stderr = obj.stderr if isinstance(obj, Environment) else sys.stderr
        try:
            rv = super().main(args=args, prog_name="quotecli", complete_var=complete_var,
                              standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else EXIT_OK
        except CliError as exc:
            _say(stderr, "error", exc.message, exc.hint)
            code = exc.code
        except _NoArgsIsHelp as exc:
            message = exc.format_message()   # Rich help has already been printed when this was raised
            if message.strip():
                stderr.write(message + "\n")
            code = EXIT_USAGE
        except _cx.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else "quotecli"
            _say(stderr, "error", exc.format_message(), f"try '{command} --help'")
            code = EXIT_USAGE
        except _cx.ClickException as exc:
            _say(stderr, "error", exc.format_message())
            code = exc.exit_code
        except typer.Abort:
            code = EXIT_INTERRUPTED
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(cls=QuotecliGroup, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Attributed quotations and forward-looking claims from English news text.",
                  context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotecli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Attributed quotations and forward-looking claims from English news text."""


# --- extract ------------------------------------------------------------------------------------------

class Format(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Only(str, Enum):
    quotes = "quotes"
    claims = "claims"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _check_encoding(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return readers.check_encoding(value)
    except LookupError:
        raise typer.BadParameter(f"unknown encoding {value!r} (try utf-8, cp1252, latin-1, utf-16)") from None


def _single(paths: list[str], jsonl: bool) -> bool:
    """json prints one object (not an array) when the input is exactly one text document."""
    if jsonl:
        return False
    if not paths:
        return True
    return len(paths) == 1 and (paths[0] == "-" or (not os.path.isdir(paths[0]) and not readers.is_corpus(paths[0])))


@app.command()
def extract(
    ctx: typer.Context,
    paths: Optional[list[str]] = typer.Argument(
        None, metavar="PATHS", show_default=False,
        help="Text files, .jsonl/.ndjson corpora (also .gz), directories with -r, or - for stdin. "
             "None: read piped stdin."),
    fmt: Format = typer.Option(Format.auto, "--format", "-f", case_sensitive=False,
                               help="Output format; auto = table on a terminal, jsonl when piped."),
    records: bool = typer.Option(False, "--records",
                                 help="One flat record per quote or claim (with a 'type' field) instead of one "
                                      "per document. CSV is always flat."),
    only: Optional[Only] = typer.Option(None, "--only", help="Only quotes, or only claims."),
    explain: bool = typer.Option(False, "--explain", help="Show the rule behind each record (a Rule column)."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour in tables; NO_COLOR is honoured."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Read the files in directories."),
    as_corpus: bool = typer.Option(False, "--corpus",
                                   help="Treat every input, stdin included, as a JSON Lines corpus."),
    text_field: str = typer.Option("text", "--text-field", metavar="NAME",
                                   help="Corpus field holding the article text."),
    id_field: str = typer.Option("id", "--id-field", metavar="NAME", help="Corpus field holding the document id."),
    date_field: str = typer.Option("date", "--date-field", metavar="NAME",
                                   help="Corpus field holding the date (YYYY-MM-DD)."),
    keep_fields: bool = typer.Option(False, "--keep-fields",
                                     help="Pass the other fields of corpus records through under 'meta'."),
    date: Optional[str] = typer.Option(None, "--date", callback=_check_date, metavar="YYYY-MM-DD",
                                       help="Publication date that anchors 'next month' (a record's own wins)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", "-e", callback=_check_encoding, metavar="NAME",
                                           help="Read input in this encoding instead of detecting it."),
    max_chars: int = typer.Option(readers.DEFAULT_MAX_CHARS, "--max-chars", min=1, metavar="N",
                                  help="Longer documents become error records."),
    keep_going: bool = typer.Option(False, "--keep-going", "-k",
                                    help="Turn bad input into error records and go on (exit 1 at the end)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Worker processes; 0 = one per core."),
    stats: bool = typer.Option(False, "--stats", help="Print totals and speed to stderr."),
    no_progress: bool = typer.Option(False, "--no-progress",
                                     help="No progress bar (shown only when stderr is a terminal)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Find quotations (with speakers) and forward-looking claims (with holders and horizons).

    \b
    Examples:
      quotecli extract article.txt
      quotecli extract article.txt -f json | jq '.quotes[].speaker.name'
      cat article.txt | quotecli extract -f jsonl
      quotecli extract corpus.jsonl.gz -j 0 --keep-going -f jsonl > out.jsonl
      quotecli extract -r articles/ -f csv > quotes.csv
    """
    env = _env(ctx)
    paths = list(paths or [])
    if not paths and (env.stdin is None or env.stdin_isatty):
        raise _cx.UsageError("no input: give one or more paths, or pipe text into quotecli", ctx=ctx)
    if fmt is Format.auto:
        fmt = Format.table if env.stdout_isatty else Format.jsonl
    opts = readers.ReadOptions(text_field=text_field, id_field=id_field, date_field=date_field,
                               keep_fields=keep_fields, encoding=encoding, max_chars=max_chars,
                               recursive=recursive, jsonl=as_corpus, date=date)
    if not keep_going:     # fail before writing anything when a named input cannot be read at all
        for path in paths:
            if path != "-" and (not os.path.exists(path) or (os.path.isdir(path) and not recursive)):
                _, error, hint = next(readers.expand([path], recursive=False))
                raise CliError(f"{path}: {error}", hint)

    interrupts = DeferInterrupt()
    code = EXIT_OK
    try:
        with interrupts:
            run = _Run(fmt=fmt.value, records=records, only=only.value if only else None, explain=explain,
                       color=color.value, keep_going=keep_going, jobs=jobs, stats=stats, progress=not no_progress,
                       debug=debug)
            code = _run(env, paths, opts, run, interrupts.guard)
    except CliError:
        raise
    except (writers.OutputClosed, BrokenPipeError):
        quiet_stdout(env)
        code = EXIT_OK
    except writers.OutputError as exc:
        raise CliError(f"cannot write the output: {exc}", "check where the output goes (disk space, "
                       "permissions)") from exc
    except KeyboardInterrupt as exc:     # exit 128 + the signal: 130 for Ctrl-C, 143 for SIGTERM
        signum = getattr(exc, "signum", signal.SIGINT)
        _say(env.stderr, "error", "interrupted" if signum == signal.SIGINT else "terminated")
        code = 128 + signum
    except Exception as exc:     # a bug: say so plainly; the traceback only with --debug
        if debug:
            traceback.print_exc(file=env.stderr)
        raise CliError(f"unexpected {type(exc).__name__}: {exc}",
                       "this is a bug in quotecli; rerun with --debug and report the traceback") from exc
    raise typer.Exit(code)


@dataclass(frozen=True)
class _Run:
    """The output and run options of ``extract``, in one bundle."""

    fmt: str
    records: bool = False
    only: str | None = None
    explain: bool = False
    color: str = "auto"
    keep_going: bool = False
    jobs: int = 1
    stats: bool = False
    progress: bool = True
    debug: bool = False


def _output(env: Environment, paths: list[str], opts: readers.ReadOptions, run: _Run, guard: Any) -> Any:
    """The writer for the chosen format: tables on a Rich console, or text on the binary stdout."""
    if run.fmt == "table":
        console = render.make_console(env.stdout, is_terminal=env.stdout_isatty, color=run.color,
                                      environ=env.environ)
        return render.TableOutput(console, explain=run.explain, only=run.only)
    sink = writers.Sink(env.stdout_binary, guard)
    if run.fmt == "csv":
        return writers.StreamOutput(sink, writers.csv_header())
    if run.fmt == "jsonl":
        return writers.StreamOutput(sink)
    return writers.JsonArrayOutput(sink, single=not run.records and _single(paths, opts.jsonl))


def _run(env: Environment, paths: list[str], opts: readers.ReadOptions, run: _Run, guard: Any) -> int:
    """Read, extract and write every document; the exit code (errors that stop the run raise CliError)."""
    fmt, records, only, color = run.fmt, run.records, run.only, run.color
    output = _output(env, paths, opts, run, guard)
    show_progress = run.progress and env.stderr_isatty and not env.stdout_isatty
    bar: Any = contextlib.nullcontext()
    if show_progress:
        errc = render.make_console(env.stderr, is_terminal=True, color=color, environ=env.environ)
        bar = render.ProgressBar(errc, readers.known_size(paths, opts.recursive))

    def say(kind: str, message: str) -> None:
        if show_progress and bar.progress.live.is_started:   # print above the bar, not through it
            bar.progress.console.print(render.Text(f"quotecli: {kind}: {render.clean(message)}"))
        else:
            _say(env.stderr, kind, message)

    warned = 0

    def docs() -> Iterator[readers.Document]:
        nonlocal warned
        for doc in readers.documents(paths, opts, env.stdin):
            if doc.warning:
                warned += 1
                if warned <= MAX_REPORTED:
                    say("warning", doc.warning)
            yield doc

    totals = corpus.Totals()
    worker = corpus.Worker(writers.Renderer(fmt, records=records, only=only))
    output.begin()
    stopped: CliError | None = None
    with bar, contextlib.closing(corpus.run(docs(), worker, run.jobs)) as processed:
        for p in processed:
            if p.error is not None:
                if run.debug and p.traceback:
                    env.stderr.write(p.traceback)
                if not run.keep_going:
                    stopped = CliError(f"{p.source}: {p.error}", p.hint)
                    break
                if totals.errors < MAX_REPORTED:
                    say("error", f"{p.source}: {p.error}")
            output.add(p.items, p.result)
            totals.add(p)
            if show_progress:
                bar.advance(p.nbytes)
    summary = totals.summary() if run.stats and records and fmt in ("json", "jsonl") and not stopped else None
    output.end(summary)
    if stopped:
        raise stopped
    if run.stats:
        env.stderr.write(totals.line())
        env.stderr.flush()
    if warned > MAX_REPORTED:
        _say(env.stderr, "warning", f"{warned - MAX_REPORTED:,} more warnings not shown")
    if totals.errors:
        _say(env.stderr, "error", f"{totals.errors:,} of {totals.documents:,} documents could not be processed; "
                                  "their error records are in the output",
             "each error record's 'error' says what went wrong; --debug shows tracebacks of failed extractions")
        return EXIT_INPUT
    return EXIT_OK


# --- schema -------------------------------------------------------------------------------------------

@app.command("schema")
def schema_cmd(
    ctx: typer.Context,
    records: bool = typer.Option(False, "--records", help="The schema of flat records (--records, CSV columns)."),
) -> None:
    """Print the JSON Schema of the output (document records, or flat records with --records)."""
    env = _env(ctx)
    doc = _schema.record_schema() if records else _schema.document_schema()
    try:
        env.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        env.stdout.flush()
    except BrokenPipeError:
        quiet_stdout(env)


def main() -> None:
    """Console-script entry point."""
    app()
