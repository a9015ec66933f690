"""The command line through typer's CliRunner: every option, every error path, fake terminals."""
from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from typer.testing import CliRunner

import quotecli
from quotecli.cli import Environment, app
from quotecli.models import SCHEMA_VERSION

ARTICLE = ('"We will win the vote next month," said Jane Doe, a senator.\n\n'
           '"It is [not] over," Tom Lee told reporters.\n')
KEYS = {"id", "source", "quotes", "claims", "speakers", "error", "date", "boilerplate", "meta"}


def invoke(args, input=None, env=None, obj=None):
    return CliRunner().invoke(app, args, input=input, env=env, obj=obj)


def fake(stdin=b"", *, stdin_tty=False, stdout_tty=False, stderr_tty=False, **environ):
    """An Environment with in-memory streams; *_tty pretend the stream is a terminal."""
    return Environment(stdin=io.BytesIO(stdin), stdout=io.StringIO(), stderr=io.StringIO(),
                       stdin_isatty=stdin_tty, stdout_isatty=stdout_tty, stderr_isatty=stderr_tty,
                       environ={"COLUMNS": "120", **environ})


def lines(out):
    return [json.loads(x) for x in out.splitlines()]


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "corpus.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "text": ARTICLE, "date": "2024-03-01", "title": "First"},
        {"id": "b", "text": "Nothing quoted here.", "title": "Second"},
        {"id": "c", "text": '"Fine," she said.'},
    ]), encoding="utf-8")
    return p


def assert_clean_error(result, code, *words):
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stderr.startswith("quotecli: error: "), result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr
    for w in words:
        assert w in result.stderr


# --- basics -------------------------------------------------------------------------------------------

def test_version():
    r = invoke(["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"quotecli {quotecli.__version__}"


def test_bare_command_shows_help_and_exits_2():
    r = invoke([])
    assert r.exit_code == 2 and "extract" in r.stdout + r.stderr and "schema" in r.stdout + r.stderr


def test_schema_command():
    r = invoke(["schema"])
    assert r.exit_code == 0
    s = json.loads(r.stdout)
    assert s["schema_version"] == SCHEMA_VERSION and set(s["required"]) == KEYS
    r = invoke(["schema", "--records"])
    assert r.exit_code == 0 and json.loads(r.stdout)["schema_version"] == SCHEMA_VERSION


def test_json_single_document(article):
    r = invoke(["extract", str(article), "-f", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) == KEYS and doc["id"] == doc["source"] == str(article) and doc["error"] is None
    names = {q["speaker"]["name"] for q in doc["quotes"] if q["speaker"]}
    assert "Jane Doe" in names
    assert all("rule" in q for q in doc["quotes"])


def test_json_several_documents_is_an_array(article, corpus):
    r = invoke(["extract", str(article), str(corpus), "-f", "json"])
    assert r.exit_code == 0
    assert [d["id"] for d in json.loads(r.stdout)] == [str(article), "a", "b", "c"]
    r = invoke(["extract", str(corpus), "-f", "json"])       # a corpus is always an array
    assert [d["id"] for d in json.loads(r.stdout)] == ["a", "b", "c"]


def test_jsonl_one_line_per_document_in_input_order(article, corpus):
    r = invoke(["extract", str(corpus), str(article), str(corpus), "-f", "jsonl"])
    assert r.exit_code == 0
    docs = lines(r.stdout)
    assert [d["id"] for d in docs] == ["a", "b", "c", str(article), "a", "b", "c"]
    assert [d["source"] for d in docs[:3]] == [f"{corpus}:1", f"{corpus}:2", f"{corpus}:3"]
    assert all(set(d) == KEYS for d in docs)


def test_csv_rows_with_type_and_flattened_speaker(article):
    r = invoke(["extract", str(article), "-f", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {row["type"] for row in rows} <= {"quote", "claim"}
    assert "Jane Doe" in {row["speaker_name"] for row in rows}
    assert {"speaker_role", "cue_text", "horizon_value", "rule"} <= set(rows[0])


def test_records_and_only(article):
    r = invoke(["extract", str(article), "-f", "jsonl", "--records", "--only", "quotes"])
    recs = lines(r.stdout)
    assert recs and all(x["type"] == "quote" for x in recs)
    r = invoke(["extract", str(article), "-f", "json", "--only", "claims"])
    assert json.loads(r.stdout)["quotes"] == []


def test_stats_to_stderr_and_summary_record(corpus):
    r = invoke(["extract", str(corpus), "-f", "jsonl", "--records", "--stats"])
    assert r.exit_code == 0
    summary = lines(r.stdout)[-1]
    assert summary["type"] == "summary" and summary["documents"] == 3 and summary["errors"] == 0
    assert summary["quotes"] >= 2 and "chars_per_second" in summary and summary["characters"] > 0
    assert "3 documents" in r.stderr and "characters/s" in r.stderr
    r = invoke(["extract", str(corpus), "-f", "jsonl", "--stats"])      # document mode: no summary line
    assert all(d.get("type") != "summary" for d in lines(r.stdout)) and "3 documents" in r.stderr


# --- stdin and terminals ------------------------------------------------------------------------------

def test_piped_stdin_is_read(article):
    r = invoke(["extract", "-f", "jsonl"], input=ARTICLE)
    [doc] = lines(r.stdout)
    assert doc["id"] == "<stdin>" and doc["quotes"]
    r = invoke(["extract", "-", "-f", "jsonl"], input=ARTICLE)
    assert lines(r.stdout)[0]["quotes"] == doc["quotes"]


def test_stdin_as_corpus_with_jsonl_flag(corpus):
    r = invoke(["extract", "--corpus", "-f", "jsonl"], input=corpus.read_text())
    assert [(d["id"], d["source"]) for d in lines(r.stdout)] == [("a", "<stdin>:1"), ("b", "<stdin>:2"),
                                                                 ("c", "<stdin>:3")]


def test_no_path_on_a_terminal_is_a_usage_error_not_a_wait():
    env = fake(stdin_tty=True, stdout_tty=True)
    r = invoke(["extract"], obj=env)
    assert r.exit_code == 2
    err = env.stderr.getvalue()
    assert err.startswith("quotecli: error: no input") and "hint:" in err


def test_auto_format_is_jsonl_when_piped(article):
    r = invoke(["extract", str(article)])
    assert len(lines(r.stdout)) == 1


def test_auto_format_is_a_table_on_a_terminal(article):
    env = fake(stdout_tty=True)
    r = invoke(["extract", str(article)], obj=env)
    assert r.exit_code == 0
    out = env.stdout.getvalue()
    assert "Quotations" in out and "Speakers" in out and "Jane Doe" in out and "[not]" in out
    assert "\x1b[" in out                                             # a terminal gets colour


def test_table_honours_no_color_and_color_flag(article):
    env = fake(stdout_tty=True, NO_COLOR="1")
    invoke(["extract", str(article), "--explain"], obj=env)
    assert "\x1b[36m" not in env.stdout.getvalue()
    r = invoke(["extract", str(article), "-f", "table", "--color", "always"])
    assert "\x1b[" in r.stdout
    r = invoke(["extract", str(article), "-f", "table", "--color", "never"], env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in r.stdout and "Quotations" in r.stdout


def test_explain_shows_rules_in_tables(article):
    r = invoke(["extract", str(article), "-f", "table", "--explain"], env={"COLUMNS": "200"})
    rules = {q["rule"] for q in json.loads(invoke(["extract", str(article), "-f", "json"]).stdout)["quotes"]}
    assert "Rule" in r.stdout and all(rule in r.stdout for rule in rules)


def test_columns_narrows_tables(article):
    r = invoke(["extract", str(article), "-f", "table"], env={"COLUMNS": "70"})
    assert max(map(len, r.stdout.splitlines())) <= 70


def test_progress_only_on_a_terminal_stderr_and_never_in_the_data(corpus):
    env = fake(stderr_tty=True)
    r = invoke(["extract", str(corpus), "-f", "jsonl"], obj=env)
    assert r.exit_code == 0
    assert [d["id"] for d in lines(env.stdout.getvalue())] == ["a", "b", "c"]
    assert "3 documents" in env.stderr.getvalue()                     # the bar was drawn on stderr
    env = fake(stderr_tty=True, stdout_tty=True)                      # tables on the same terminal: no bar
    invoke(["extract", str(corpus)], obj=env)
    assert "documents" not in env.stderr.getvalue()
    env = fake(stderr_tty=True)
    invoke(["extract", str(corpus), "-f", "jsonl", "--no-progress"], obj=env)
    assert env.stderr.getvalue() == ""
    env = fake(stderr_tty=False)
    invoke(["extract", str(corpus), "-f", "jsonl"], obj=env)
    assert env.stderr.getvalue() == ""


# --- corpus options -----------------------------------------------------------------------------------

def test_fields_options(tmp_path):
    p = tmp_path / "c.ndjson.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"key": "k1", "body": ARTICLE, "published": "2023-07-08", "outlet": "X"}) + "\n")
    r = invoke(["extract", str(p), "-f", "jsonl", "--text-field", "body", "--id-field", "key",
                "--date-field", "published", "--keep-fields"])
    [doc] = lines(r.stdout)
    assert (doc["id"], doc["source"], doc["meta"]) == ("k1", f"{p}:1", {"outlet": "X"})
    assert doc["date"] == "2023-07-08" and doc["quotes"]


def test_date_option_and_record_date(corpus, article):
    r = invoke(["extract", str(article), "-f", "json", "--date", "2024-01-15"])
    assert json.loads(r.stdout)["date"] == "2024-01-15"
    r = invoke(["extract", str(corpus), "-f", "jsonl", "--date", "2024-01-15"])
    assert [d["date"] for d in lines(r.stdout)] == ["2024-03-01", "2024-01-15", "2024-01-15"]


def test_meta_only_with_keep_fields(corpus):
    r = invoke(["extract", str(corpus), "-f", "jsonl"])
    assert all(d["meta"] is None for d in lines(r.stdout))
    r = invoke(["extract", str(corpus), "-f", "jsonl", "--keep-fields"])
    assert lines(r.stdout)[0]["meta"] == {"title": "First"}


def test_recursive_directories(tmp_path, article):
    d = tmp_path / "dir"
    (d / "sub").mkdir(parents=True)
    (d / "b.txt").write_text(ARTICLE)
    (d / "sub" / "a.txt").write_text("x")
    r = invoke(["extract", str(d), "-f", "jsonl"])
    assert_clean_error(r, 1, "is a directory", "--recursive")
    assert r.stdout == ""
    r = invoke(["extract", "-r", str(d), "-f", "jsonl"])
    assert [x["id"] for x in lines(r.stdout)] == [str(d / "b.txt"), str(d / "sub" / "a.txt")]


def test_encodings_through_the_cli(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes(b"\x93We will win,\x94 said Jane Doe.")
    doc = json.loads(invoke(["extract", str(p), "-f", "json"]).stdout)
    assert doc["quotes"][0]["text"] == "We will win," and doc["quotes"][0]["speaker"]["name"] == "Jane Doe"
    p16 = tmp_path / "u16.txt"
    p16.write_text('\u201cWe will win,\u201d said Jane Doe.', encoding="utf-16")
    assert json.loads(invoke(["extract", str(p16), "-f", "json"]).stdout)["quotes"] == doc["quotes"]
    r = invoke(["extract", str(p), "-f", "json", "--encoding", "utf-8"])    # forced: replacement chars
    assert r.exit_code == 0 and "\ufffd" in r.stdout


# --- errors -------------------------------------------------------------------------------------------

def test_empty_input_is_not_an_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = invoke(["extract", str(p), "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["quotes"] == []
    r = invoke(["extract", "-f", "jsonl"], input="")
    assert r.exit_code == 0 and lines(r.stdout)[0]["quotes"] == []


def test_missing_file(tmp_path, article):
    r = invoke(["extract", str(article), str(tmp_path / "nope.txt"), "-f", "jsonl"])
    assert_clean_error(r, 1, "nope.txt: no such file")
    assert r.stdout == ""                                      # checked before anything is written
    r = invoke(["extract", str(article), str(tmp_path / "nope.txt"), "-f", "jsonl", "--keep-going"])
    assert r.exit_code == 1
    docs = lines(r.stdout)
    assert docs[0]["error"] is None and docs[1]["error"] == "no such file"
    assert set(docs[1]) == KEYS and docs[1]["quotes"] == []


def test_binary_file(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(bytes(range(256)) * 8)
    assert_clean_error(invoke(["extract", str(p), "-f", "jsonl"]), 1, "binary")


def test_unreadable_file(tmp_path, monkeypatch):
    from quotecli import readers

    def denied(path):
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(readers, "_open", denied)      # chmod 0 means nothing to root, who runs CI
    p = tmp_path / "secret.txt"
    p.write_text("x")
    assert_clean_error(invoke(["extract", str(p)]), 1, "secret.txt: cannot read it: permission denied")


def test_malformed_line_stops_with_file_and_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c", "text": "later"}\n')
    r = invoke(["extract", str(p), "-f", "jsonl"])
    assert_clean_error(r, 1, f"{p}:2: not valid JSON", "--keep-going")
    assert [d["id"] for d in lines(r.stdout)] == ["a"]          # what came before is whole and kept


def test_keep_going_writes_error_records_in_place(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c"}\n{"id": "d", "text": 3}\n'
                 '{"id": "e", "text": "later"}\n')
    r = invoke(["extract", str(p), "-f", "jsonl", "--keep-going"])
    assert r.exit_code == 1
    docs = lines(r.stdout)
    assert [d["id"] for d in docs] == ["a", f"{p}:2", "c", "d", "e"]
    assert [bool(d["error"]) for d in docs] == [False, True, True, True, False]
    assert docs[1]["source"] == f"{p}:2" and all(set(d) == KEYS for d in docs)
    assert "3 of 5 documents could not be processed" in r.stderr and "Traceback" not in r.stderr


def test_keep_going_error_rows_in_csv(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "\\"Hi,\\" she said."}\n[]\n')
    r = invoke(["extract", str(p), "-f", "csv", "-k"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.exit_code == 1 and rows[-1]["type"] == "error" and rows[-1]["source"] == f"{p}:2"


def test_missing_text_field_hint(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "body": "x"}\n')
    assert_clean_error(invoke(["extract", str(p)]), 1, f"{p}:1: no 'text' field", "--text-field")


def test_max_chars(tmp_path, article):
    r = invoke(["extract", str(article), "-f", "jsonl", "--max-chars", "10"])
    assert_clean_error(r, 1, "--max-chars")
    r = invoke(["extract", str(article), "-f", "jsonl", "--max-chars", "10", "-k"])
    assert r.exit_code == 1 and "--max-chars" in lines(r.stdout)[0]["error"]


def test_extraction_failure_is_clean_and_debug_shows_the_traceback(article, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("kaboom")
    monkeypatch.setattr(quotecli, "extract", boom)
    r = invoke(["extract", str(article), "-f", "jsonl"])
    assert_clean_error(r, 1, "extraction failed (RuntimeError: kaboom)")
    r = invoke(["extract", str(article), "-f", "jsonl", "--debug"])
    assert r.exit_code == 1 and "Traceback" in r.stderr and "kaboom" in r.stderr
    r = invoke(["extract", str(article), str(article), "-f", "jsonl", "-k"])
    assert r.exit_code == 1
    assert [d["error"] for d in lines(r.stdout)] == ["extraction failed (RuntimeError: kaboom)"] * 2


def test_timeouts_are_error_records(article, monkeypatch):
    def slow(*a, **k):
        raise TimeoutError("regex time out")
    monkeypatch.setattr(quotecli, "extract", slow)
    r = invoke(["extract", str(article), "-f", "jsonl", "-k"])
    assert lines(r.stdout)[0]["error"] == "extraction failed (timed out)"


def test_a_bug_in_quotecli_is_reported_without_traceback(article, monkeypatch):
    from quotecli import writers

    def broken(self, result):
        raise KeyError("oops")
    monkeypatch.setattr(writers.Renderer, "render", broken)
    r = invoke(["extract", str(article), "-f", "jsonl"])
    assert_clean_error(r, 1, "unexpected KeyError", "--debug")
    r = invoke(["extract", str(article), "-f", "jsonl", "--debug"])
    assert "Traceback" in r.stderr


@pytest.mark.parametrize("args, words", [
    (["extract", "--bogus"], "No such option"),
    (["extract", "-f", "xml", "x"], "--format"),
    (["extract", "--date", "2024-13-01", "x"], "not a date"),
    (["extract", "--date", "tomorrow", "x"], "not a date"),
    (["extract", "--encoding", "klingon", "x"], "unknown encoding"),
    (["extract", "--jobs", "-1", "x"], "--jobs"),
    (["extract", "--max-chars", "0", "x"], "--max-chars"),
    (["extract", "--only", "speakers", "x"], "--only"),
    (["extract", "--color", "sometimes", "x"], "--color"),
    (["frobnicate"], "frobnicate"),
])
def test_usage_errors_exit_2(args, words):
    r = invoke(args)
    assert_clean_error(r, 2, words)
    assert "quotecli extract --help" in r.stderr or "quotecli --help" in r.stderr


def test_help_lists_the_options():
    r = invoke(["extract", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    for opt in ("--format", "--records", "--only", "--explain", "--color", "--recursive", "--text-field",
                "--id-field", "--date-field", "--keep-fields", "--date", "--encoding", "--max-chars",
                "--keep-going", "--jobs", "--stats", "--debug"):
        assert opt in r.stdout, opt


def test_readme_documents_every_option_and_no_others():
    """The README's option table and the real command agree (docs kept honest, as sqlite-utils does)."""
    import re
    from pathlib import Path

    import typer.main
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    if "## Command line" not in readme:
        pytest.skip("README has no Command line section")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", section))
    command = typer.main.get_command(app).commands["extract"]
    real = {o for p in command.params for o in p.opts if o.startswith("--")} - {"--help"}
    assert real - documented == set(), "options missing from README"
    assert documented - real - {"--version", "--records"} == set(), "README names options that do not exist"


def test_readme_pipe_examples_pass_a_format():
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        if not line.startswith("    "):
            continue                                      # examples are indented code lines
        command = line.split("#", 1)[0]
        if "quotecli extract" in command and ("|" in command.split("quotecli extract", 1)[1] or ">" in command):
            assert " -f " in command or "--format" in command, line
