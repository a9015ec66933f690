"""quotecli.spark on local[2]: its records equal extract(...).to_dict() (the CLI's jsonl records) per id.

Skips cleanly without pyspark or Java. One SparkSession for the module; the `python -m quotecli.spark` entry
runs once in a real subprocess.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quotecli import extract

ARTICLES = [
    {"id": "a1", "date": "2024-03-01",
     "text": "Beijing plans sweeping reforms\n\n"
             "\u201cA slew of policy arrangements will be made after the plenum,\u201d said Zhao Xijun, an "
             "economist with Renmin University in Beijing. Analysts expect the meeting to take place next month.\n\n"
             "\u201cWe are ready,\u201d he added."},
    {"id": "a2", "date": "2023-11-20",
     "text": "The minister, Jane Doe, told reporters: \"Prices will fall by 2030.\" She said the plan was "
             "\"ambitious but doable\".\n\nThe company said it expects profits to rise in the second half."},
    {"id": 3, "date": None,
     "text": "\u00abNous verrons\u00bb, is not English. \"It's over,\" said Mr. Smith. Smith, 54, later left."},
    {"id": "a4", "date": "2022-01-05", "text": "No quotations here. The weather is traditionally mild."},
    {"id": "a5", "date": "2021-06-30", "text": ""},
]

needs_spark = [pytest.mark.spark]
try:
    import pyspark  # noqa: F401
except ImportError:
    needs_spark.append(pytest.mark.skip(reason="pyspark is not installed (pip install 'quotecli[spark]')"))
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    needs_spark.append(pytest.mark.skip(reason="Spark needs Java 17 and none was found"))


def expected(article: dict) -> dict:
    doc_id = article["id"]
    return extract(article["text"], doc_id=None if doc_id is None else str(doc_id),
                   date=article.get("date")).to_dict()


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("quotecli-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "512m")
               .config("spark.default.parallelism", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for article in ARTICLES:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def test_module_imports_without_pyspark():
    code = ("import sys; sys.modules['pyspark'] = None\n"
            "import quotecli.spark as s\n"
            "try:\n    s.extract_df(None)\nexcept ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'quotecli[spark]'" in out


def test_json_lines_worker_follows_the_cli_conventions():
    """The per-partition body of `python -m quotecli.spark`, without Spark: ids, dates, meta, bad lines."""
    from quotecli.spark import _extract_lines

    lines = ['{"id": 7, "text": "\\"Hi,\\" she said.", "date": "2024-02-30", "outlet": "X"}',
             '{"id": "d", "text": "It will rain.", "date": "2024-05-01T10:00:00Z"}',
             "[1, 2]", '{"id": "e"}', "   "]
    out = [json.loads(line) for line in _extract_lines("text", "id", "date", keep_fields=True)(lines)]
    assert len(out) == 4  # the blank line is not a document; every other line gives one record
    want = extract('"Hi," she said.', doc_id="7").to_dict()  # an impossible date is ignored, as the CLI does
    want["meta"] = {"outlet": "X"}
    assert out[0] == want
    assert out[1]["date"] == extract("It will rain.", date="2024-05-01").to_dict()["date"]
    assert out[2]["error"] == "line is a JSON list, not an object" and out[2]["id"] is None
    assert out[3]["id"] == "e" and out[3]["error"].startswith("no text")


def test_schema_mirrors_to_dict():
    pytest.importorskip("pyspark")
    from quotecli.spark import document_schema

    record = extract(ARTICLES[0]["text"], doc_id="x", date="2024-03-01").to_dict()
    schema = document_schema()
    assert schema.fieldNames() == list(record)
    quote_type = schema["quotes"].dataType.elementType
    assert quote_type.fieldNames() == ["id", "text", "start", "end", "kind", "group", "speaker", "cue",
                                       "confidence", "rule"]
    assert schema["claims"].dataType.elementType["holder"].dataType.fieldNames() == [
        "name", "mention", "start", "end", "role", "type"]


@pytest.mark.usefixtures("spark")
class TestSpark:
    pytestmark = needs_spark

    def test_extract_df_equals_extract(self, spark):
        df = spark.createDataFrame([(str(a["id"]), a["text"], a["date"]) for a in ARTICLES],
                                   "id string, text string, date string").repartition(2)
        from quotecli.spark import extract_df

        rows = extract_df(df, text_col="text", id_col="id", date_col="date").collect()
        got = {r["id"]: r.asDict(recursive=True) for r in rows}
        assert set(got) == {str(a["id"]) for a in ARTICLES}
        for article in ARTICLES:
            assert got[str(article["id"])] == expected(article), article["id"]
        assert any(r["quotes"] for r in rows), "the corpus should give quotations"

    def test_extract_df_date_column_and_no_id(self, spark):
        from quotecli.spark import extract_df

        article = ARTICLES[0]
        df = spark.createDataFrame([(article["text"], dt.date(2024, 3, 1))], "body string, day date")
        [row] = extract_df(df, text_col="body", id_col="nope", date_col="day").collect()
        want = extract(article["text"], date="2024-03-01").to_dict()
        assert row.asDict(recursive=True) == want

    def test_missing_text_becomes_error_record(self, spark):
        from quotecli.spark import extract_df

        df = spark.createDataFrame([("x", None)], "id string, text string")
        [row] = extract_df(df).collect()
        assert row["id"] == "x" and row["error"] and row["quotes"] == []

    def test_unknown_column_is_a_clear_error(self, spark):
        from quotecli.spark import extract_df

        df = spark.createDataFrame([("x", "y")], "id string, body string")
        with pytest.raises(ValueError, match="no column 'text'"):
            extract_df(df)

    def test_command_line_writes_the_cli_records(self, corpus, tmp_path):
        bad = tmp_path / "more.jsonl"
        bad.write_text('{"id": "b1", "text": "\\"Hi,\\" she said."}\nnot json\n\n', encoding="utf-8")
        out = tmp_path / "out"
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
        proc = subprocess.run(
            [sys.executable, "-m", "quotecli.spark", str(corpus), str(bad), str(out), "--master", "local[2]"],
            capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert (out / "_SUCCESS").exists()
        lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text("utf-8").splitlines()]
        by_id = {json.loads(line)["id"]: line for line in lines}
        for article in ARTICLES:
            assert by_id[str(article["id"])] == json.dumps(expected(article), ensure_ascii=False)
        assert by_id["b1"] == json.dumps(extract('"Hi," she said.', doc_id="b1").to_dict(), ensure_ascii=False)
        errors = [json.loads(line) for line in lines if json.loads(line)["error"]]
        assert len(errors) == 1 and errors[0]["error"].startswith("not valid JSON")
        assert len(lines) == len(ARTICLES) + 2  # blank lines are not documents; the bad one is not dropped

        # and the CLI itself prints the same records for the same corpus (its source says file:line)
        cli = subprocess.run([sys.executable, "-m", "quotecli", "extract", str(corpus), "-f", "jsonl"],
                             capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert cli.returncode == 0, cli.stderr
        cli_records = [json.loads(line) for line in cli.stdout.splitlines()]
        assert [r["id"] for r in cli_records] == [str(a["id"]) for a in ARTICLES]
        for record in cli_records:
            assert "corpus.jsonl:" in record.pop("source")
            spark_record = json.loads(by_id[record["id"]])
            assert spark_record.pop("source") is None
            assert spark_record == record

    def test_command_line_missing_input_is_a_clean_error(self, tmp_path):
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
        proc = subprocess.run(
            [sys.executable, "-m", "quotecli.spark", str(tmp_path / "nope.jsonl"), str(tmp_path / "out"),
             "--master", "local[1]"],
            capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
        assert proc.returncode == 1
        assert "quotecli: error: no such input" in proc.stderr and "Traceback" not in proc.stderr
        assert not (tmp_path / "out").exists()
