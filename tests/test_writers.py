"""writers.py, render.py and schema.py on hand-built results: the machine formats, CSV safety, tables."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from quotecli import extract
from quotecli.models import Claim, DocumentResult, Horizon, Mention, Quote, Span, Speaker
from quotecli.render import TableOutput, clean, make_console
from quotecli.schema import document_schema, record_schema
from quotecli.models import SCHEMA_VERSION
from quotecli.writers import (RECORD_FIELDS, JsonArrayOutput, OutputClosed, Renderer, Sink, StreamOutput,
                              csv_header, csv_safe, records)

TEXT = '"=HYPERLINK(1) [bold]x[/bold]," said Jane Doe, a senator. Prices will rise next year, the bank warned.'


def sample(**kw) -> DocumentResult:
    jane = Mention("Jane Doe", "Jane Doe", 36, 44, role="a senator", type="person")
    bank = Mention("the bank", "the bank", 85, 93, type="organization")
    q = Quote("q1", "=HYPERLINK(1) [bold]x[/bold],", 1, 30, "direct", 1, jane, Span("said", 31, 35), 0.95,
              "after.cue_speaker")
    c = Claim("c1", "Prices will rise next year, the bank warned.", 58, 104, "prediction", Span("will", 65, 69),
              bank, Horizon("next year", 75, 84, "2025"), None, 0.8, "claim.modal_will")
    speakers = (Speaker("Jane Doe", "person", ("a senator",), 1, 0), Speaker("the bank", "organization", (), 0, 1))
    base = dict(id="doc1", source="doc1.txt", quotes=(q,), claims=(c,), speakers=speakers, date="2024-05-01")
    base.update(kw)
    return DocumentResult(**base)


# --- records and CSV ---------------------------------------------------------------------------------

def test_records_flatten_quotes_then_claims():
    rows = records(sample())
    assert [r["type"] for r in rows] == ["quote", "claim"]
    assert all(list(r) == list(RECORD_FIELDS) for r in rows)
    q, c = rows
    assert (q["doc_id"], q["speaker_name"], q["speaker_role"], q["cue_text"], q["kind"]) == \
        ("doc1", "Jane Doe", "a senator", "said", "direct")
    assert (c["speaker_name"], c["speaker_type"], c["kind"], c["horizon_value"], c["horizon_text"]) == \
        ("the bank", "organization", "prediction", "2025", "next year")
    assert q["rule"] == "after.cue_speaker" and c["rule"] == "claim.modal_will"


def test_records_only_and_error_rows():
    assert [r["type"] for r in records(sample(), "quotes")] == ["quote"]
    assert [r["type"] for r in records(sample(), "claims")] == ["claim"]
    [row] = records(DocumentResult(id="x", source="c.jsonl:3", error="not valid JSON"))
    assert row["type"] == "error" and row["error"] == "not valid JSON" and row["source"] == "c.jsonl:3"


@pytest.mark.parametrize("cell, safe", [
    ("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-5 percent", "'-5 percent"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("", ""), (5, 5), (-1, -1), (None, None),
])
def test_csv_safe(cell, safe):
    assert csv_safe(cell) == safe


def test_csv_rows_are_neutralised_and_parse_back():
    items = Renderer("csv").render(sample())
    rows = list(csv.DictReader(io.StringIO(csv_header() + "".join(items))))
    assert rows[0]["text"] == "'=HYPERLINK(1) [bold]x[/bold],"
    assert rows[0]["type"] == "quote" and rows[1]["type"] == "claim" and rows[0]["start"] == "1"


# --- JSON ---------------------------------------------------------------------------------------------

def test_jsonl_is_one_compact_line_per_document():
    [line] = Renderer("jsonl").render(sample())
    assert line.endswith("\n") and line.count("\n") == 1
    assert json.loads(line) == sample().to_dict()


def test_only_empties_the_other_list_but_keeps_its_key():
    d = json.loads(Renderer("jsonl", only="quotes").render(sample())[0])
    assert d["claims"] == [] and len(d["quotes"]) == 1
    d = json.loads(Renderer("jsonl", only="claims").render(sample())[0])
    assert d["quotes"] == [] and len(d["claims"]) == 1


def test_records_jsonl_lines():
    lines = Renderer("jsonl", records=True).render(sample())
    assert [json.loads(x)["type"] for x in lines] == ["quote", "claim"]


def write(output, results, renderer, summary=None):
    output.begin()
    for r in results:
        output.add(renderer.render(r), r)
    output.end(summary)


def test_json_single_is_an_object_and_several_an_array():
    buf = io.BytesIO()
    write(JsonArrayOutput(Sink(buf), single=True), [sample()], Renderer("json"))
    assert json.loads(buf.getvalue()) == sample().to_dict()
    buf = io.BytesIO()
    write(JsonArrayOutput(Sink(buf), single=False), [sample(), sample(id="b")], Renderer("json"))
    assert [d["id"] for d in json.loads(buf.getvalue())] == ["doc1", "b"]
    buf = io.BytesIO()
    write(JsonArrayOutput(Sink(buf), single=False), [], Renderer("json"))
    assert json.loads(buf.getvalue()) == []


def test_summary_is_the_last_record():
    buf = io.BytesIO()
    write(StreamOutput(Sink(buf)), [sample()], Renderer("jsonl", records=True), {"type": "summary", "documents": 1})
    lines = buf.getvalue().decode().splitlines()
    assert json.loads(lines[-1]) == {"type": "summary", "documents": 1} and len(lines) == 3


def test_sink_writes_each_call_once_and_flushes():
    class Spy(io.BytesIO):
        calls: list = []

        def write(self, b):
            self.calls.append(("write", bytes(b)))
            return super().write(b)

        def flush(self):
            self.calls.append(("flush",))

    spy = Spy()
    Sink(spy).write("a\u201cb\n")
    assert spy.calls == [("write", "a\u201cb\n".encode()), ("flush",)]


def test_sink_survives_lone_surrogates_and_reports_closed_pipes():
    buf = io.BytesIO()
    Sink(buf).write("x\ud800y\n")
    assert buf.getvalue() == b"x?y\n"

    class Closed(io.RawIOBase):
        def write(self, b):
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(OutputClosed):
        Sink(Closed()).write("x")


# --- schema -------------------------------------------------------------------------------------------

def test_schema_carries_the_version_and_names_every_key():
    s = document_schema()
    assert s["schema_version"] == SCHEMA_VERSION
    assert set(s["required"]) == set(sample().to_dict())
    assert set(s["$defs"]["quote"]["required"]) == set(sample().quotes[0].to_dict())
    assert set(s["$defs"]["claim"]["required"]) == set(sample().claims[0].to_dict())
    json.dumps(s), json.dumps(record_schema())


def test_output_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    real = extract('"We will win next year," said Jane Doe, a senator. "Taxes will rise," she warned.',
                   doc_id="r", source="r.txt")
    for result in (sample(), real, DocumentResult(id="x", source="x:1", error="bad"),
                   sample(meta={"title": "T"}, date=None)):
        jsonschema.validate(result.to_dict(), document_schema())
        for row in records(result):
            jsonschema.validate(row, record_schema())
    jsonschema.validate({"type": "summary", "documents": 1, "errors": 0, "quotes": 1, "claims": 0,
                         "speakers": 1, "characters": 5, "elapsed_seconds": 0.1, "chars_per_second": 50},
                        record_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**sample().to_dict(), "extra": 1}, document_schema())


# --- tables -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("red \x1b[31mALERT\x1b[0m", "red ALERT"),
    ("title \x1b]0;pwned\x07 here", "title  here"),
    ("link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "link text"),
    ("clear \x1b[2J\x1b[H screen", "clear  screen"),
    ("bell\x07 nul\x00 del\x7f c1\x9b31m", "bell nul del c1"),
    ("line\nbreak\r\ttab", "line break tab"),
    ("rtl \u202eevil\u202c", "rtl evil"),
    ("[bold]markup[/bold] stays", "[bold]markup[/bold] stays"),
])
def test_clean_strips_terminal_control(raw, shown):
    assert clean(raw) == shown


def table(result, *, explain=False, only=None, color="never", environ=None, tty=True):
    out = io.StringIO()
    console = make_console(out, is_terminal=tty, color=color, environ=environ or {"COLUMNS": "140"})
    TableOutput(console, explain=explain, only=only).add((), result)
    return out.getvalue()


def test_tables_show_quotes_speakers_and_claims_with_markup_untouched():
    out = table(sample())
    for word in ("Quotations", "Speakers", "Claims", "Jane Doe", "a senator", "[bold]x[/bold]", "direct",
                 "next year", "2025", "prediction", "organization"):
        assert word in out, word
    assert "after.cue_speaker" not in out
    assert "\x1b" not in out


def test_explain_adds_a_rule_column():
    out = table(sample(), explain=True)
    assert "Rule" in out and "after.cue_speaker" in out and "claim.modal_will" in out


def test_only_quotes_hides_claims_table():
    out = table(sample(), only="quotes")
    assert "Quotations" in out and "Claims" not in out and "prediction" not in out


def test_escape_sequences_in_text_never_reach_the_terminal():
    evil = sample(quotes=(Quote("q1", "\x1b[2J\x1b]0;owned\x07gotcha", 0, 5, "direct", None,
                                Mention("Eve\x1b[31m", "Eve\x1b[31m", 0, 3), None, 0.5, "r"),))
    out = table(evil, color="always")
    assert "\x1b[2J" not in out and "\x1b]0" not in out and "\x1b[31mgotcha" not in out
    assert "gotcha" in out


def colours(out: str) -> bool:
    """Any SGR foreground colour (30-38) in the output? NO_COLOR forbids colour, not bold."""
    return re.search(r"\x1b\[(?:[0-9]+;)*3[0-8](?:[;m])", out) is not None


def test_colour_follows_the_flag_and_no_color():
    assert colours(table(sample(), explain=True, color="always"))
    assert colours(table(sample(), explain=True, color="auto"))            # a (fake) terminal
    assert not colours(table(sample(), explain=True, color="auto", environ={"NO_COLOR": "1", "COLUMNS": "140"}))
    assert colours(table(sample(), explain=True, color="always", environ={"NO_COLOR": "1", "COLUMNS": "140"}))
    assert "\x1b[" not in table(sample(), explain=True, color="auto", tty=False)
    assert "\x1b[" not in table(sample(), explain=True, color="never")


def test_columns_sets_the_width():
    narrow = table(sample(), environ={"COLUMNS": "60"})
    assert max(len(line) for line in narrow.splitlines()) <= 60


def test_error_and_empty_documents():
    out = table(DocumentResult(id="bad", source="c.jsonl:2", error="not valid JSON"))
    assert "bad" in out and "error: not valid JSON" in out
    out = table(DocumentResult(id="empty", source="empty.txt"))
    assert "0 quotations, 0 claims" in out and "Quotations" not in out
