"""Whole-article quotation scores on hand-annotated articles written for the project (tests/articles): the first
25, developed against; 30 more written later (quotes-articles-2), kept out of development at first and read for
errors since 2026-12-03; and 30 written blind to the tool on 2026-12-03 (quotes-articles-3), kept out of
development: only their scores are looked at, a stand-in for held-out articles; and 30 more written blind on
2026-12-03 (quotes-articles-4), scored once blind and read for errors since; and 24 written blind on
2026-12-04 (quotes-articles-5), kept out of development like the third set; and 30 written blind on 2026-12-04
(quotes-articles-6), scored once blind and read for errors since."""
import json
import re
from pathlib import Path

import pytest

from quotecli import extract

def _load(name):
    return [json.loads(line) for line in (Path(__file__).parent / "articles" / name)
            .read_text(encoding="utf-8").splitlines() if line.strip()]


ARTICLES = _load("quotes-articles.jsonl")
SECOND = _load("quotes-articles-2.jsonl")
HELD_OUT = _load("quotes-articles-3.jsonl")
FOURTH = _load("quotes-articles-4.jsonl")
FIFTH = _load("quotes-articles-5.jsonl")
SIXTH = _load("quotes-articles-6.jsonl")


def _last_word(name):
    if not name:
        return None
    return re.sub(r"[’']s$", "", name.strip().split()[-1]).strip(".,;:").lower()


def _score(articles=ARTICLES):
    gold_n = pred_n = found = speaker_ok = kind_ok = 0
    for art in articles:
        text, gold = art["text"], art["quotes"]
        preds = list(extract(text).quotes)
        used, matched = set(), {}
        for gi, g in enumerate(gold):
            best, best_overlap = None, 0
            for pi, p in enumerate(preds):
                if pi in used:
                    continue
                overlap = min(g["end"], p.end) - max(g["start"], p.start)
                if overlap >= 0.5 * max(g["end"] - g["start"], p.end - p.start) and overlap > best_overlap:
                    best, best_overlap = pi, overlap
            if best is not None:
                used.add(best)
                matched[gi] = best
        optional_hits = {matched[gi] for gi, g in enumerate(gold) if g.get("optional") and gi in matched}
        gold_n += sum(1 for g in gold if not g.get("optional"))
        pred_n += len(preds) - len(optional_hits)
        for gi, g in enumerate(gold):
            if g.get("optional") or gi not in matched:
                continue
            found += 1
            p = preds[matched[gi]]
            name = p.speaker and (p.speaker.name or p.speaker.mention)
            wanted = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
            if wanted == [None]:
                speaker_ok += name is None
            else:
                speaker_ok += name is not None and _last_word(name) in {_last_word(w) for w in wanted}
            kind_ok += p.kind == g["kind"]
    precision, recall = found / pred_n, found / gold_n
    return {"f1": 2 * precision * recall / (precision + recall), "speaker": speaker_ok / found, "kind": kind_ok / found}


@pytest.fixture(scope="module")
def scores():
    return _score()


def test_articles_are_well_formed():
    for art in ARTICLES + SECOND + HELD_OUT + FOURTH + FIFTH + SIXTH:
        for q in art["quotes"]:
            assert art["text"][q["start"]:q["end"]] == q["text"], (art["id"], q["text"])


def test_quotation_f1_floor(scores):
    assert scores["f1"] >= 0.97, scores


def test_speaker_accuracy_floor(scores):
    assert scores["speaker"] >= 0.92, scores


def test_kind_accuracy_floor(scores):
    assert scores["kind"] >= 0.97, scores


def test_second_articles_floors():
    got = _score(SECOND)
    assert got["f1"] >= 0.98 and got["speaker"] >= 0.87 and got["kind"] >= 0.97, got


def test_held_out_articles_floors():
    got = _score(HELD_OUT)
    assert got["f1"] >= 0.98 and got["speaker"] >= 0.82 and got["kind"] >= 0.97, got


def test_fourth_articles_floors():
    got = _score(FOURTH)
    assert got["f1"] >= 0.98 and got["speaker"] >= 0.87 and got["kind"] >= 0.97, got


def test_fifth_articles_floors():
    # blind, like the third set: scored once at a3c9742 (F1 0.989, speaker 0.919, kind 1.000); 23c7678 scored
    # speaker 0.890 and 05da01d 0.903 on it, so the floors sit below today's figure, not at it
    got = _score(FIFTH)
    assert got["f1"] >= 0.98 and got["speaker"] >= 0.89 and got["kind"] >= 0.97, got


def test_sixth_articles_floors():
    # written blind on 2026-12-04 and scored once at 17ae36e (F1 0.986, speaker 0.892, kind 0.997; the session's
    # starting code f0b51de scored the same); read for errors since, like the fourth set (0.931 on 2026-12-05)
    got = _score(SIXTH)
    assert got["f1"] >= 0.98 and got["speaker"] >= 0.91 and got["kind"] >= 0.97, got
