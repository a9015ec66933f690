"""The claims stage's key-word shortcuts (cues.KeyIndex) are speed-ups only: a pattern skipped because none of its
key words is in a stretch must have no match there, and a scan tried only at its key words must find exactly what
the plain scan finds, on the claim cases and on random texts (cut words, digits glued to words, ſ and İ)."""
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import claims, cues, holders
from quotecli.cues import KeyIndex
from quotecli.text import TextDoc

CASES = Path(__file__).parent / "cases" / "claims.jsonl"
PIECES = ["warnings", "5warned", "Threats", "risky", "crisis", "Collapse", "catastrophic", "fearful", "dangers",
          "probably", "Perhaps", "maybe", "we want to", "I would like to", "thank", "warnings", "threatened", "Crisis",
          "concerns that", "worries", "job losses", "violence", "fears", "cautioned", "is growing", "'s rising",
          "who", "which", "whose", ", which", "says", "announced", "tweeted", "according to", "when", "and it did.",
          "was", "Was", "WERE", "5was", "had2", "didn't", "didn’t", "if", "If", "unless", "you", "Your", "every year",
          "each week", "tends to", "used to", "usually", "According to", "according", "at the time", "and it did",
          "which they were", "said", "Said", "told", "ago", "last", "before", "then", "expects", "expected", "hopes",
          "plans", "is confident", "were optimistic", "remains", "warned", "ſaid", "İf", "wasn", "2030s", "10am",
          "x", "the", ",", ".", " ", "  ", "\n", "\"", "“", "-", "’", "'", "3", "é", "said5", "5said",
          "opens", "Opens on", "gets under way", "take effect", "to begin", "begins5", "the vote", "ago"]
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
        for rx in cues.KEYED_PATTERNS:
            for sliced in (False, True):
                got = cues.keyed_search(rx, text, lo, hi, keys, sliced)
                want = rx.search(text[lo:hi] if sliced else text, *(() if sliced else (lo, hi)))
                assert (got and got.span()) == (want and want.span()), (rx.pattern, text, lo, hi, sliced)
        if keys.absent_prefix(claims._WARN_PREFIXES, lo, hi):
            assert claims._WARN_WORDS.search(text, lo, hi) is None, (text, lo, hi)
        plain = [m.span() for m in claims._REPORT_BEFORE.finditer(text, lo, hi)]
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


CUE_PIECES = ["is expected to", "are expected for", "is expected tomorrow", "was set", "on track to", "plans to",
              "is working hard to", "pledged itself to", "5plans to", "plans5 to", "has plans to", "its decision of",
              "the party's plan to", "has been chosen to", "have been unanimously appointed to", "is now due in",
              "are expected next", "is confident it can", "are optimistic that the new board can", "is sure Smith can",
              "postponed until", "was pushed back to", "put off till", "moved back into", "is likely", "are likely.",
              "looks likely as", "is imminent", "are the favourites to", "front-runners to", "can't rule out",
              "not ruling out", "bodes well for", "are in store", "is in store5", "is on the cards", "is yet to come",
              "odds are", "the odds now favour", "ſtore", "İs", "will", "would", "to", "for", "the", "is", "are", "been",
              "can", "in", "out", "x", "10am", " ", "  ", ", ", ". ", "\n", "’"]
CUE_TEXTS = st.lists(st.sampled_from(CUE_PIECES) | st.text(max_size=4), max_size=30).map(" ".join) | \
    st.lists(st.sampled_from(CUE_PIECES), max_size=30).map("".join)


def _same_cues(text, stop=None):
    stop = len(text) if stop is None else stop
    plain = [(cs, r.id, m.span()) for cs, r, m in cues.scan(text, 0, stop)]
    keyed = [(cs, r.id, m.span()) for cs, r, m in cues.scan(text, 0, stop, TextDoc(text).words)]
    assert keyed == plain, (text, stop)


def test_cue_filters_match_plain_scan_on_the_claim_cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            _same_cues(json.loads(line)["text"])


@settings(max_examples=300, deadline=None)
@given(CUE_TEXTS)
def test_cue_filters_match_plain_scan_on_random_texts(text):
    _same_cues(text)


GLUED = ["Sales had2are expected next week.", "The firm 5plans to expand.", "More pain is in store5 for them.",
         "The vote was 2postponed until May.", "They 3can't rule out a cut.", "Job losses are likely\nThe end",
         "Results are likely", "The 2025-26 season.", "at its July meeting", "Costs is 9likely."]


def test_filters_on_words_glued_to_digits():
    for text in GLUED:
        _same_cues(text)
        _same(text)
        if "\n" in text:  # a stretch that ends at the line end: "$" matches there
            _same_cues(text, text.index("\n"))
