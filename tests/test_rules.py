"""Every attribution rule is a named value with an example it must produce and a counterexample it must not
(CONVENTIONS.md: rules as named values; tests run them all)."""
import pytest

from quotecli import extract
from quotecli.attribution import RULES


def test_rule_ids_are_unique_and_described():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.description and r.example and r.counterexample for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_example(rule):
    quotes = [q for q in extract(rule.example).quotes if q.rule == rule.id]
    assert quotes, f"{rule.id} did not fire on its example: {[(q.text, q.rule) for q in extract(rule.example).quotes]}"
    speaker = quotes[0].speaker
    assert speaker is not None and rule.speaker in (speaker.name, speaker.mention), speaker


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_counterexample(rule):
    fired = [q for q in extract(rule.counterexample).quotes if q.rule == rule.id]
    assert not fired, f"{rule.id} fired on its counterexample: {[(q.text, q.speaker) for q in fired]}"
