"""readers.py: encodings, binary refusal, gzip, JSON Lines corpora and their failures, path expansion."""
from __future__ import annotations

import codecs
import gzip
import io
import json

import pytest

from quotecli.readers import DecodeError, ReadOptions, decode, documents, expand, is_corpus, known_size, sanitize

CURLY = "\u201cWe will win,\u201d said Ren\u00e9e Dupont \u2013 the mayor."


def read(paths, **kw):
    return list(documents([str(p) for p in paths], ReadOptions(**kw)))


# --- encodings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    CURLY.encode("utf-8"),
    codecs.BOM_UTF8 + CURLY.encode("utf-8"),
    CURLY.encode("utf-16"),                              # Python writes a BOM
    codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"),
    CURLY.encode("utf-32"),
    CURLY.encode("cp1252"),                              # curly quotes as 0x93 / 0x94
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32", "cp1252"])
def test_decode_reads_every_supported_encoding(data):
    assert decode(data) == CURLY


def test_cp1252_curly_quotes_are_quotes_not_c1_controls():
    data = b"\x93Prices will rise,\x94 said the bank\x92s chief economist, Jos\xe9 Ortega."
    text = decode(data)
    assert text.startswith("\u201cPrices will rise,\u201d")
    assert "bank\u2019s" in text and "Jos\u00e9" in text
    assert not any("\x80" <= ch <= "\x9f" for ch in text)


def test_latin1_text_reads_as_windows_1252():
    data = "Caf\u00e9 owners in S\u00e3o Paulo said prices would rise. \u00abNon\u00bb, dit-il.".encode("latin-1")
    assert decode(data) == data.decode("cp1252")


def test_forced_encoding_wins_over_detection():
    data = "\u00e9t\u00e9".encode("utf-8")
    assert decode(data, "latin-1") == "\u00c3\u00a9t\u00c3\u00a9"


def test_binary_data_is_refused_with_a_hint():
    with pytest.raises(DecodeError) as err:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in err.value.message and "--encoding" in err.value.hint


def test_empty_input_decodes_to_empty_text():
    assert decode(b"") == ""


def test_sanitize_replaces_lone_surrogates_one_for_one():
    assert sanitize("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    s = "plain \u201ctext\u201d"
    assert sanitize(s) is s


# --- plain files -------------------------------------------------------------------------------------

def test_text_file_id_and_source_are_the_path_as_given(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(CURLY.encode("cp1252"))
    [doc] = read([p], date="2024-01-02")
    assert doc.id == doc.source == str(p)
    assert doc.text == CURLY and doc.error is None and doc.date == "2024-01-02"


def test_gzip_text_file_is_read_transparently(tmp_path):
    p = tmp_path / "a.txt.gz"
    with gzip.open(p, "wb") as f:
        f.write(CURLY.encode("utf-16"))
    [doc] = read([p])
    assert doc.text == CURLY


def test_binary_file_becomes_an_error_document(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\x00\x00" + bytes(range(256)) * 4)
    [doc] = read([p])
    assert doc.text is None and "binary" in doc.error and doc.hint


def test_corrupt_gzip_is_an_error_not_a_crash(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(b"\x1f\x8b\x08\x00garbage")
    [doc] = read([p])
    assert doc.error and "gzip" in doc.error


def test_document_longer_than_max_chars_is_an_error(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("x" * 50)
    [doc] = read([p], max_chars=10)
    assert doc.text is None and "--max-chars" in doc.error
    [doc] = read([p], max_chars=50)
    assert doc.text == "x" * 50


def test_huge_file_is_refused_without_being_read(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(10_000)           # sparse: its size is known without reading
    [doc] = read([p], max_chars=100)
    assert doc.error and "bytes" in doc.error


# --- paths -------------------------------------------------------------------------------------------

def test_directory_needs_recursive(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("a")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    [(path, error, hint)] = list(expand([str(tmp_path)], recursive=False))
    assert error == "is a directory" and "--recursive" in hint
    walked = [p for p, e, h in expand([str(tmp_path)], recursive=True)]
    assert walked == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]   # sorted, hidden skipped


def test_missing_file_is_an_error_document(tmp_path):
    [doc] = read([tmp_path / "nope.txt"])
    assert doc.error == "no such file" and doc.text is None


def test_is_corpus():
    assert is_corpus("a.jsonl") and is_corpus("a.ndjson.gz") and is_corpus("A.JSONL")
    assert not is_corpus("a.txt") and not is_corpus("a.json") and not is_corpus("jsonl")


def test_known_size(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.jsonl"
    a.write_text("12345")
    b.write_text("123")
    assert known_size([str(a), str(b)], False) == 8
    assert known_size([str(a), "-"], False) is None


# --- corpora -----------------------------------------------------------------------------------------

def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_corpus_lines_become_documents_with_file_line_sources(tmp_path):
    p = write_lines(tmp_path / "c.jsonl", [
        json.dumps({"id": "a", "text": "one", "date": "2020-05-06T10:00:00Z", "title": "T"}),
        "",
        json.dumps({"id": 7, "text": "two"}),
        json.dumps({"text": "three"}),
    ])
    docs = read([p], keep_fields=True, date="2000-01-01")
    assert [(d.id, d.source, d.text) for d in docs] == [
        ("a", f"{p}:1", "one"), ("7", f"{p}:3", "two"), (f"{p}:4", f"{p}:4", "three")]
    assert docs[0].date == "2020-05-06" and docs[1].date == "2000-01-01"     # the record's date wins
    assert docs[0].meta == {"title": "T"} and docs[1].meta == {}


def test_corpus_fields_are_configurable(tmp_path):
    p = write_lines(tmp_path / "c.ndjson", [json.dumps({"doc": "x1", "body": "hi", "published": "2021-02-03"})])
    [doc] = read([p], text_field="body", id_field="doc", date_field="published")
    assert (doc.id, doc.text, doc.date, doc.meta) == ("x1", "hi", "2021-02-03", None)


@pytest.mark.parametrize("line, words", [
    ('{"id": "a", "text": ', "not valid JSON"),
    ("[1, 2]", "JSON array, not an object"),
    ('{"id": "a"}', "no 'text' field"),
    ('{"id": "a", "text": 5}', "'text' field is a JSON number"),
    ('{"id": "a", "text": null}', "'text' field is a JSON null"),
])
def test_bad_corpus_lines_are_error_documents_in_place(tmp_path, line, words):
    p = write_lines(tmp_path / "c.jsonl", ['{"text": "ok"}', line, '{"text": "after"}'])
    docs = read([p])
    assert [d.text for d in docs] == ["ok", None, "after"]
    assert words in docs[1].error and docs[1].source == f"{p}:2" and docs[1].hint


def test_bad_date_field_is_ignored_with_a_warning(tmp_path):
    p = write_lines(tmp_path / "c.jsonl", [json.dumps({"text": "t", "date": "last Tuesday"})])
    [doc] = read([p], date="2022-02-02")
    assert doc.date == "2022-02-02" and "not a YYYY-MM-DD date" in doc.warning


def test_gzipped_utf16_and_bom_corpora(tmp_path):
    lines = [json.dumps({"id": "a", "text": "\u201cHi,\u201d she said."}, ensure_ascii=False),
             json.dumps({"id": "b", "text": "second"})]
    body = "\n".join(lines) + "\n"
    gz = tmp_path / "c.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write(body)
    wide = tmp_path / "w.jsonl"
    wide.write_bytes(body.encode("utf-16"))
    bom = tmp_path / "b.jsonl"
    bom.write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    for path in (gz, wide, bom):
        docs = read([path])
        assert [(d.id, d.text) for d in docs] == [("a", "\u201cHi,\u201d she said."), ("b", "second")], path


def test_non_utf8_corpus_line_is_an_error_unless_encoding_given(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"text": "\x93quoted\x94"}\n')
    [doc] = read([p])
    assert "not valid UTF-8" in doc.error
    [doc] = read([p], encoding="cp1252")
    assert doc.text == "\u201cquoted\u201d"


def test_lone_surrogate_escapes_are_sanitized(tmp_path):
    p = write_lines(tmp_path / "c.jsonl", ['{"id": "x\\udc80", "text": "a\\ud800b"}'])
    [doc] = read([p])
    assert doc.text == "a\ufffdb" and doc.id == "x\ufffd"


def test_over_long_corpus_line_is_skipped_without_being_kept(tmp_path):
    p = write_lines(tmp_path / "c.jsonl", [json.dumps({"text": "y" * 3_000_000}), '{"text": "next"}'])
    docs = read([p], max_chars=10)
    assert docs[0].error and "longer than" in docs[0].error
    assert docs[1].text == "next" and docs[1].source == f"{p}:2"


def test_stdin_as_text_and_as_corpus():
    opts = ReadOptions()
    [doc] = documents([], opts, io.BytesIO(CURLY.encode("utf-16")))
    assert (doc.id, doc.source, doc.text) == ("<stdin>", "<stdin>", CURLY)
    docs = list(documents(["-"], ReadOptions(jsonl=True), io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert [(d.source, d.text) for d in docs] == [("<stdin>:1", "a"), ("<stdin>:2", "b")]


def test_corpus_is_streamed_not_slurped(tmp_path):
    """documents() is lazy: the first record comes out before later lines are even parsed."""
    p = write_lines(tmp_path / "c.jsonl", ['{"text": "first"}'] + ["{broken"] * 1000)
    it = documents([str(p)], ReadOptions())
    assert next(it).text == "first"


# --- fuzz: whatever the bytes, a result or an error document, never an exception -----------------------

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decode_never_raises_anything_but_decode_error(data):
    try:
        text = decode(data)
    except DecodeError as exc:
        assert exc.message and exc.hint
    else:
        assert isinstance(text, str)
        text.encode("utf-8")                       # always writable


_LINE_PIECES = st.sampled_from([b'{"text": "a"}', b'{"id": 1, "text": "\\u201cx\\u201d"}', b"{", b"}", b"[",
                                b'"', b"\\", b"\xff", b"\x00", b"\r", b" ", b'{"text": "\\ud800"}', b"null",
                                b'{"text": 5}', b"\xef\xbb\xbf", b"\xe2\x80"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_LINE_PIECES, max_size=4).map(b"".join), max_size=8))
def test_corpus_lines_never_raise_and_never_drop_a_line(lines):
    from quotecli.readers import corpus_lines
    data = b"\n".join(lines) + b"\n"
    docs = list(corpus_lines(io.BytesIO(data), "f.jsonl", ReadOptions()))
    expected = [i + 1 for i, line in enumerate(lines)
                if (line[3:] if i == 0 and line.startswith(b"\xef\xbb\xbf") else line).strip()]
    assert [int(d.source.rsplit(":", 1)[1]) for d in docs] == expected
    for d in docs:
        assert (d.text is None) == (d.error is not None)
        if d.text is not None:
            d.text.encode("utf-8")
