"""corpus.py: the runner — order, byte-identical parallel output, bounded in-flight work, failures."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import quotecli
from quotecli import corpus
from quotecli.cli import app
from quotecli.corpus import Worker, run
from quotecli.readers import Document
from quotecli.writers import Renderer

TEXTS = ['"We will win the vote next month," said Jane Doe, a senator.',
         "Nothing quoted here at all.",
         '"Prices will rise," the bank warned. "It is over," Tom Lee told reporters.',
         '\u201cThe plan will be ready by June,\u201d she said.']


def docs(n):
    return [Document(id=f"d{i}", source=f"c.jsonl:{i + 1}", text=TEXTS[i % len(TEXTS)] * (1 + i % 3), nbytes=10)
            for i in range(n)]


def test_single_process_keeps_order_and_counts():
    out = list(run(docs(8), Worker(Renderer("jsonl")), jobs=1))
    assert [json.loads(p.items[0])["id"] for p in out] == [f"d{i}" for i in range(8)]
    assert all(p.error is None and p.result is None for p in out)        # jsonl keeps no objects
    assert sum(p.quotes for p in out) > 0 and out[0].chars == len(TEXTS[0])


def test_table_format_keeps_the_result_objects():
    [p] = run(docs(1), Worker(Renderer("table")), jobs=1)
    assert p.items == () and p.result is not None and p.result.id == "d0"


def test_reader_errors_pass_through_as_error_records():
    bad = Document(id="x", source="c.jsonl:9", error="not valid JSON", hint="fix it")
    [p] = run([bad], Worker(Renderer("jsonl")), jobs=1)
    assert p.error == "not valid JSON" and p.hint == "fix it"
    assert json.loads(p.items[0])["error"] == "not valid JSON"


def test_parallel_output_is_identical_and_in_order():
    """The one parallel test: tiny batches force many of them through a real pool of 2 workers."""
    worker = Worker(Renderer("jsonl", records=False))
    serial = [p.items for p in run(docs(60), worker, jobs=1)]
    parallel = [p.items for p in run(docs(60), worker, jobs=2, batch_chars=200, batch_docs=3)]
    assert parallel == serial
    csv_worker = Worker(Renderer("csv"))
    assert [p.items for p in run(docs(30), csv_worker, jobs=2, batch_chars=100, batch_docs=2)] == \
        [p.items for p in run(docs(30), csv_worker, jobs=1)]


def test_parallel_failures_become_error_records(monkeypatch):
    def boom(text, **kw):
        if "bank" in text:
            raise ValueError("bad bank")
        return real(text, **kw)
    real = quotecli.extract
    monkeypatch.setattr(quotecli, "extract", boom)           # forked workers inherit the patch
    out = list(run(docs(12), Worker(Renderer("jsonl")), jobs=2, batch_chars=50, batch_docs=2))
    assert [p.error is not None for p in out] == ["bank" in d.text for d in docs(12)]
    assert "ValueError: bad bank" in out[2].error and "Traceback" in out[2].traceback


def test_one_batch_needs_no_pool(monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a pool was started for a single batch")
    monkeypatch.setattr(corpus, "ProcessPoolExecutor", no_pool)
    assert len(list(run(docs(5), Worker(Renderer("jsonl")), jobs=4))) == 5
    assert list(run([], Worker(Renderer("jsonl")), jobs=4)) == []


def test_in_flight_work_is_bounded(monkeypatch):
    """The runner never reads far ahead of what it has written: memory is flat in the corpus size."""
    pulled = 0

    def endless():
        nonlocal pulled
        for d in docs(10_000):
            pulled += 1
            yield d

    jobs, per_batch = 2, 2
    stream = run(endless(), Worker(Renderer("jsonl")), jobs=jobs, batch_chars=10**9, batch_docs=per_batch)
    seen = 0
    for _ in range(40):
        next(stream)
        seen += 1
        assert pulled - seen <= (jobs * corpus.AHEAD + 1) * per_batch
    stream.close()                                            # stopping early tears the pool down


def test_batches_split_by_characters_and_count():
    ds = docs(10)
    sizes = [len(b) for b in corpus._batches(ds, 10**9, 4)]
    assert sizes == [4, 4, 2]
    sizes = [len(b) for b in corpus._batches(ds, 1, 100)]
    assert sizes == [1] * 10


def test_jobs_zero_means_every_core(monkeypatch):
    monkeypatch.setattr(corpus, "cpu_count", lambda: 1)      # then it runs in-process
    assert len(list(run(docs(3), Worker(Renderer("jsonl")), jobs=0))) == 3


def test_cli_jobs_output_matches_jobs_1(tmp_path, monkeypatch):
    p = tmp_path / "c.jsonl"
    p.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs(40)))
    monkeypatch.setattr(corpus, "BATCH_CHARS", 300)
    one = CliRunner().invoke(app, ["extract", str(p), "-f", "jsonl", "-j", "1"])
    two = CliRunner().invoke(app, ["extract", str(p), "-f", "jsonl", "-j", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 40


@pytest.mark.parametrize("jobs", [1, 2])
def test_cli_keep_going_with_jobs(tmp_path, monkeypatch, jobs):
    p = tmp_path / "c.jsonl"
    rows = [json.dumps({"id": d.id, "text": d.text}) for d in docs(20)]
    rows[7] = "{not json"
    p.write_text("\n".join(rows) + "\n")
    monkeypatch.setattr(corpus, "BATCH_CHARS", 300)
    r = CliRunner().invoke(app, ["extract", str(p), "-f", "jsonl", "-j", str(jobs), "-k"])
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 1 and len(out) == 20 and out[7]["source"] == f"{p}:8" and out[7]["error"]
    r = CliRunner().invoke(app, ["extract", str(p), "-f", "jsonl", "-j", str(jobs)])
    assert r.exit_code == 1 and len(r.stdout.splitlines()) == 7 and f"{p}:8" in r.stderr
