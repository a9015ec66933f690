"""Terminal output: Rich consoles, the Quotations / Speakers / Claims tables, and the progress bar.

Consoles are built per run from what the caller knows about the streams (see ``cli.Environment``), never at
import. Text from documents goes into tables as ``rich.text.Text`` (never parsed as markup: quotes contain
``[brackets]``), and terminal control and escape sequences are stripped from it first, so scraped text
cannot move the cursor, retitle the window or hide itself (ANSI injection).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.progress import (BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn, TransferSpeedColumn)
from rich.table import Table
from rich.text import Text

from .models import DocumentResult, Mention

COLORS = ("auto", "always", "never")

# ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings (… ST),
# then any other two-character escape; the 8-bit CSI (0x9B) form; then every remaining C0/C1 control but
# tab and newline (handled below); then bidirectional overrides and isolates, which can make text display
# in another order than it reads ("Trojan source").
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9a\x9c-\x9f]"
    "|[\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[\t\n\r]+")


def clean(text: str | None) -> str:
    """Text safe to show on a terminal: escape sequences and control characters removed, breaks as spaces."""
    if not text:
        return ""
    return _SPACES.sub(" ", _ESCAPES.sub("", text))


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich's default exits 1; a reader that stops reading (``| head``) is not an error: let the
        # command end quietly with 0 as it does for the machine formats.
        self.quiet = True
        from .writers import OutputClosed
        raise OutputClosed()


def make_console(file: IO[str], *, is_terminal: bool, color: str = "auto",
                 environ: Mapping[str, str] | None = None) -> Console:
    """A console for one stream. ``color``: auto (colour on a terminal unless NO_COLOR), always, never.

    COLUMNS sets the width (Rich reads it from ``environ``); an explicit ``--color always`` beats NO_COLOR.
    """
    env = dict(environ or {})
    if color == "always":
        env.pop("NO_COLOR", None)
    kwargs: dict[str, Any] = {}
    if color == "never":
        kwargs["color_system"] = None
    return _Console(file=file, force_terminal=True if color == "always" else is_terminal,
                   no_color=color == "never" or None, highlight=False, markup=False, emoji=False,
                   _environ=env, **kwargs)


def _who(m: Mention | None, writer: str = "") -> Text:
    if m is None:
        return Text(writer, style="dim")
    name = clean(m.name) or clean(m.mention)
    out = Text(name, style="bold")
    if m.mention and clean(m.mention) != name:
        out.append(f" ({clean(m.mention)})", style="dim")
    return out


class TableOutput:
    """table: for each document a heading, then Quotations, Speakers and Claims tables (as ``--only`` allows)."""

    def __init__(self, console: Console, *, explain: bool = False, only: str | None = None):
        self.console = console
        self.explain = explain
        self.only = only
        self.count = 0

    def begin(self) -> None:
        pass

    def end(self, summary: dict[str, Any] | None = None) -> None:
        pass

    def add(self, items: tuple[str, ...], result: DocumentResult | None = None) -> None:
        if result is None:
            return
        from .writers import OutputClosed, OutputError
        try:
            self._add(result)
        except BrokenPipeError as exc:
            raise OutputClosed() from exc
        except OSError as exc:                # a full disk, say: a clean error, not a crash
            raise OutputError(exc.strerror or str(exc)) from exc

    def _add(self, result: DocumentResult) -> None:
        c = self.console
        if self.count:
            c.print()
        self.count += 1
        heading = Text(clean(result.id or result.source or ""), style="bold underline")
        if result.error is not None:
            c.print(heading)
            c.print(Text(f"error: {clean(result.error)}", style="bold red"))
            return
        quotes = result.quotes if self.only != "claims" else ()
        claims = result.claims if self.only != "quotes" else ()
        found = []
        if self.only != "claims":
            found.append(f"{len(quotes)} quotation{'s' * (len(quotes) != 1)}")
        if self.only != "quotes":
            found.append(f"{len(claims)} claim{'s' * (len(claims) != 1)}")
        heading.append(Text("  " + ", ".join(found), style="dim"))
        c.print(heading)
        if quotes:
            c.print(self.quotations(result))
        if result.speakers and (quotes or claims):
            c.print(self.speakers(result))
        if claims:
            c.print(self.claims(result))

    def _table(self, title: str, expand: bool = True) -> Table:
        # Expanding tables share the width out by the columns' ratios, so quotes get the most room.
        return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, expand=expand)

    def quotations(self, result: DocumentResult) -> Table:
        t = self._table("Quotations")
        t.add_column("#", justify="right", style="dim", no_wrap=True)
        t.add_column("Speaker", ratio=2, min_width=10, overflow="fold")
        t.add_column("Role", ratio=2, min_width=8, overflow="fold")
        t.add_column("Quote", ratio=6, min_width=20, overflow="fold")
        t.add_column("Kind", no_wrap=True)
        if self.explain:
            t.add_column("Rule", style="cyan", no_wrap=True)
        for i, q in enumerate(result.quotes, 1):
            role = q.speaker.role if q.speaker else None
            row = [Text(str(i)), _who(q.speaker, "?"), Text(clean(role)), Text(clean(q.text)), Text(q.kind)]
            if self.explain:
                row.append(Text(clean(q.rule)))
            t.add_row(*row)
        return t

    def speakers(self, result: DocumentResult) -> Table:
        t = self._table("Speakers", expand=False)
        t.add_column("Name", style="bold")
        t.add_column("Type")
        t.add_column("Roles")
        if self.only != "claims":
            t.add_column("Quotes", justify="right")
        if self.only != "quotes":
            t.add_column("Claims", justify="right")
        for s in result.speakers:
            row = [Text(clean(s.name)), Text(s.type), Text("; ".join(clean(r) for r in s.roles))]
            if self.only != "claims":
                row.append(Text(str(s.quotes)))
            if self.only != "quotes":
                row.append(Text(str(s.claims)))
            t.add_row(*row)
        return t

    def claims(self, result: DocumentResult) -> Table:
        t = self._table("Claims")
        t.add_column("#", justify="right", style="dim", no_wrap=True)
        t.add_column("Claim", ratio=6, min_width=20, overflow="fold")
        t.add_column("Holder", ratio=2, min_width=10, overflow="fold")
        t.add_column("Cue", ratio=1, min_width=8, overflow="fold")
        t.add_column("Horizon", ratio=2, min_width=8, overflow="fold")
        t.add_column("Type", no_wrap=True)
        if self.explain:
            t.add_column("Rule", style="cyan", no_wrap=True)
        for i, cl in enumerate(result.claims, 1):
            horizon = Text()
            if cl.horizon is not None:
                horizon.append(clean(cl.horizon.text))
                if cl.horizon.value:
                    horizon.append(f" ({clean(cl.horizon.value)})", style="dim")
            row = [Text(str(i)), Text(clean(cl.text)), _who(cl.holder, "(writer)"),
                   Text(clean(cl.cue.text if cl.cue else "")), horizon, Text(cl.type)]
            if self.explain:
                row.append(Text(clean(cl.rule)))
            t.add_row(*row)
        return t


__all__ = ["COLORS", "ProgressBar", "TableOutput", "Text", "clean", "make_console"]


class ProgressBar:
    """Documents, MB, rate and (when the input size is known) ETA, on the stderr console; transient."""

    def __init__(self, console: Console, total_bytes: int | None):
        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.fields[docs]:,} documents")]
        if total_bytes:
            columns += [BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn()]
        else:
            columns += [DownloadColumn(), TransferSpeedColumn(), TimeElapsedColumn()]
        self.progress = Progress(*columns, console=console, transient=True)
        self.task = self.progress.add_task("extract", total=total_bytes or None, docs=0)
        self.docs = 0

    def __enter__(self) -> ProgressBar:
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.progress.stop()

    def advance(self, nbytes: int) -> None:
        self.docs += 1
        self.progress.update(self.task, advance=nbytes, docs=self.docs)
