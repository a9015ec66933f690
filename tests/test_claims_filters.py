"""The claims stage's key-word shortcuts (cues.KeyIndex) are speed-ups only: a pattern skipped because none of its
key words is in a stretch must have no match there, and a scan tried only at its key words must find exactly what
the plain scan finds, on the claim cases and on random texts (cut words, digits glued to words, ſ and İ)."""
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import claims, holders
from quotecli.cues import KeyIndex
from quotecli.text import TIMEOUT, TextDoc

CASES = Path(__file__).parent / "cases" / "claims.jsonl"
PIECES = ["was", "Was", "WERE", "5was", "had2", "didn't", "didn’t", "if", "If", "unless", "you", "Your", "every year",
          "each week", "tends to", "used to", "usually", "According to", "according", "at the time", "and it did",
          "which they were", "said", "Said", "told", "ago", "last", "before", "then", "expects", "expected", "hopes",
          "plans", "is confident", "were optimistic", "remains", "warned", "ſaid", "İf", "wasn", "2030s", "10am",
          "x", "the", ",", ".", " ", "  ", "\n", "\"", "“", "-", "’", "'", "3", "é", "said5", "5said"]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=30).map(" ".join) | \
    st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=30).map("".join)


def _stretches(text):
    n = len(text)
    yield 0, n
    for a in range(0, n + 1, max(1, n // 7)):
        for b in range(a, n + 1, max(1, n // 5)):
            yield a, b


def _same(text):
    keys = KeyIndex(text, TextDoc(text).words)
    for lo, hi in _stretches(text):
        for rx, words in claims._UNIT_KEYS.items():
            if keys.absent(words, lo, hi):
                assert rx.search(text, lo, hi, timeout=TIMEOUT) is None, (rx.pattern, text, lo, hi)
        plain = [m.span() for m in claims._REPORT_BEFORE.finditer(text, lo, hi, timeout=TIMEOUT)]
        assert [m.span() for m in claims._report_verbs(text, lo, hi, keys)] == plain, (text, lo, hi)
        assert [m.span() for m in holders._reporting(text, lo, hi, keys)] == \
            [m.span() for m in holders._reporting(text, lo, hi)], (text, lo, hi)


def test_key_shortcuts_match_plain_scans_on_the_claim_cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            _same(json.loads(line)["text"])


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_key_shortcuts_match_plain_scans_on_random_texts(text):
    _same(text)
