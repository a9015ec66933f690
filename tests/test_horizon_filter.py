"""The time-expression key filter (horizons._holds_key) is a speed-up only: with the document's shared word list
``find`` must return exactly what the plain scan returns, on every horizon example and on random texts."""
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import horizons
from quotecli.text import TextDoc

CASES = Path(__file__).parent / "cases" / "claims.jsonl"
PIECES = ["next month", "by 2030", "in the coming weeks", "fiscal 2026", "Q3", "the second half", "soon",
          "on Monday", "this week", "in March 2025", "5 May 2026", "within six months", "over the next five to 10 years",
          "early next year", "the 2030s", "by the end of the summer", "1H25", "later this year", "2025-03-14", "2024",
          "the 2025-26 season", "the 2024/25 financial year", "at its July meeting", "planned for early July",
          "next season", "the coming financial year", "this term", "before Christmas", "over New Year's Eve",
          "in time for Easter", "in the middle of the night", "during rush hour", "overnight", "at dawn",
          "the year ahead", "the decade to come", "in the next few weeks", "over the coming", "in a few years",
          "two years from now", "will take five more days", "for a decade", "season", "year", "the", "new", "in",
          " ", ", ", ". ", "-", "/", "\n"]


def _same(text):
    plain = [(f.start, f.end, f.text) for f in horizons.find(text)]
    keyed = [(f.start, f.end, f.text) for f in horizons.find(text, words=TextDoc(text).words)]
    assert keyed == plain, text


def test_filter_matches_plain_scan_on_the_claim_cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            _same(json.loads(line)["text"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=25))
def test_filter_matches_plain_scan_on_random_texts(parts):
    _same("".join(parts))
