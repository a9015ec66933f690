"""Time horizons: every normalisation rule, its examples, the article date found in the text, and what is not a horizon."""
from __future__ import annotations

import datetime as dt

import pytest

from quotecli import horizons
from quotecli.horizons import find, find_date, is_past, normalise

D = dt.date(2024, 6, 15)  # a Saturday


@pytest.mark.parametrize("rule", horizons.RULES, ids=lambda r: r.id)
def test_rule_examples(rule):
    """Each rule's own examples: the phrase is found whole by that rule and normalises to the value."""
    assert rule.examples, f"{rule.id} has no examples"
    for phrase, date, value in rule.examples:
        found = find(phrase)
        if value is not None or found:
            assert found and found[0].rule == rule.id, (phrase, [(f.text, f.rule) for f in found])
        assert normalise(phrase, date) == value, phrase


@pytest.mark.parametrize("phrase,value", [
    # ISO date
    ("2025-03-14", "2025-03-14"),
    ("on 15 July 2024", "2024-07-15"),
    ("on July 15, 2024", "2024-07-15"),
    ("on 15 July", "2024-07-15"),
    ("on 3 June", "2025-06-03"),            # already past this year: next year
    ("on Monday", "2024-06-17"),
    ("on Saturday", "2024-06-15"),          # the article's own day
    ("next Saturday", "2024-06-22"),
    ("Wednesday night", "2024-06-19"),
    ("tomorrow", "2024-06-16"),
    ("tonight", "2024-06-15"),
    ("in the middle of the night", "2024-06-15"),
    # month
    ("next month", "2024-07"),
    ("this month", "2024-06"),
    ("in August", "2024-08"),
    ("in April", "2025-04"),                # the next April
    ("by the end of March", "2025-03"),
    ("in early February", "2025-02"),
    ("in March 2026", "2026-03"),
    ("in six months' time", "2024-12"),
    # year
    ("by 2030", "2030"),
    ("in 2027", "2027"),
    ("next year", "2025"),
    ("this year", "2024"),
    ("later this year", "2024"),
    ("by the end of the year", "2024"),
    ("by the end of next year", "2025"),
    ("by year-end", "2024"),
    ("fiscal 2026", "2026"),
    ("FY2027", "2027"),
    ("in two years", "2026"),
    ("by the end of the decade", "2029"),
    # quarter
    ("the third quarter of 2026", "2026-Q3"),
    ("in the fourth quarter", "2024-Q4"),
    ("next quarter", "2024-Q3"),
    ("Q1 2025", "2025-Q1"),
    ("the first quarter of next year", "2025-Q1"),
    # interval
    ("the second half", "2024-07/2024-12"),
    ("in the first half of 2025", "2025-01/2025-06"),
    ("H2 2025", "2025-07/2025-12"),
    ("next week", "2024-06-17/2024-06-23"),
    ("this weekend", "2024-06-15/2024-06-16"),
    ("within six months", "2024-06/2024-12"),
    ("within two weeks", "2024-06-15/2024-06-29"),
    ("in the next few weeks", "2024-06-15/2024-07-06"),
    ("over the next five to 10 years", "2024/2034"),
    ("over the next decade", "2024/2034"),
    ("for five days", "2024-06-15/2024-06-20"),
    ("from 2025 to 2030", "2025/2030"),
    ("next spring", "2025-03/2025-05"),
    ("this summer", "2024-06/2024-08"),
    ("by the autumn", "2024-09/2024-11"),
    ("early next year", "2025-01/2025-04"),
    ("next decade", "2030/2039"),
    # vague labels
    ("soon", "soon"),
    ("shortly", "soon"),
    ("eventually", "eventually"),
    ("in due course", "eventually"),
    ("in the coming weeks", "near-term"),
    ("in the near future", "near-term"),
    ("in the medium term", "medium-term"),
    ("in the long term", "long-term"),
    ("in the future", "long-term"),
    ("in the years to come", "long-term"),
])
def test_normalise_against_a_date(phrase, value):
    assert normalise(phrase, D) == value


@pytest.mark.parametrize("phrase", ["next month", "in April", "on Monday", "within six months", "this year",
                                    "the second half", "tomorrow", "Q3", "on 15 July", "next spring"])
def test_relative_expressions_need_a_date(phrase):
    assert normalise(phrase, None) is None


@pytest.mark.parametrize("phrase,value", [("by 2030", "2030"), ("in March 2026", "2026-03"), ("on 15 July 2024", "2024-07-15"),
                                          ("soon", "soon"), ("fiscal 2026", "2026"), ("H1 2025", "2025-01/2025-06")])
def test_absolute_expressions_need_no_date(phrase, value):
    assert normalise(phrase, None) == value


@pytest.mark.parametrize("text", ["last month", "two years ago", "the past decade", "yesterday", "earlier this year",
                                  "It may rise.", "the 2012 Olympic bid", "Will Smith", "the May meeting"])
def test_not_horizons(text):
    assert [f.text for f in find(text)] == []


def test_find_gives_offsets_into_the_text():
    text = "Rates could rise next month and again by the end of 2025, he said on Tuesday."
    got = [(f.text, text[f.start:f.end]) for f in find(text)]
    assert [g[0] for g in got] == ["next month", "by the end of 2025", "on Tuesday"]
    assert all(a == b for a, b in got)


def test_month_name_must_be_capitalised():
    assert find("prices may fall") == []
    assert [f.text for f in find("prices fall in May")] == ["in May"]


@pytest.mark.parametrize("val,past", [("2024-06-14", True), ("2024-06-15", False), ("2024-05", True), ("2024-06", False),
                                      ("2024-Q1", True), ("2024-Q2", False), ("2023", True), ("2024", False),
                                      ("2020/2023", True), ("2020/2030", False), ("soon", False), (None, False)])
def test_is_past(val, past):
    assert is_past(val, D) is past


def test_is_past_without_a_date():
    assert is_past("2001", None) is False


@pytest.mark.parametrize("text,date", [
    ("Published 12 March 2024\n\nThe plant will close.", dt.date(2024, 3, 12)),
    ("Markets\n\nUpdated: 09:30 GMT, Tuesday, 4 June 2024\n\nBody.", dt.date(2024, 6, 4)),
    ("Posted on 2023-11-05 by staff\n\nBody.", dt.date(2023, 11, 5)),
    ("LONDON, March 3, 2024 (Reuters) - The Bank of England said", dt.date(2024, 3, 3)),
    ("By Jane Doe\nMarch 3, 2025\n\nThe council met.", dt.date(2025, 3, 3)),
])
def test_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("text", [
    "CARROW, March 3 - Dockworkers voted tonight.",          # no year
    "The council met. " * 10 + "In a long paragraph of the body on 12 March 2019, something happened and then more "
    "things happened that nobody had expected at all, which makes this a body sentence.",
    "No date here at all.",
])
def test_find_date_none(text):
    assert find_date(text) is None


def test_vague_lexicon_labels_are_known():
    assert set(horizons.VAGUE.values()) <= {"soon", "eventually", "near-term", "medium-term", "long-term"}


@pytest.mark.parametrize("phrase,day", [
    ("In January", dt.date(2024, 1, 1)), ("in September", dt.date(2023, 9, 1)), ("on Tuesday", dt.date(2024, 6, 11)),
    ("on Saturday", dt.date(2024, 6, 15)), ("on 3 March", dt.date(2024, 3, 3)), ("in March 2023", dt.date(2023, 3, 1)),
    ("by April", None), ("next March", None), ("until July", None), ("in March 2025", None),
])
def test_report_date_is_read_backward(phrase, day):
    """A month or day that dates a past report is the latest such day on or before the article date; deadlines,
    next/this and future dates never date a report."""
    found = find(phrase)
    assert len(found) == 1
    assert horizons.report_date(found[0], D) == day
