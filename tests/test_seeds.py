"""What the seed articles must give (issue 2, "The seed article must give", and seeds/README.md).

The SCMP seed is a real scraped article: it is checked on the issue's named expectations only. The other
seeds were written for this project, so every quotation in them is listed, in text order, and nothing else
may be reported; plus the words that are not quotations and the page furniture that is never a speaker.
Speaker names compare as in test_cases.py (case, a leading "the" and apostrophe style don't matter).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from quotecli import extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def norm(name):
    if name is None:
        return None
    s = " ".join(name.replace("’", "'").replace("‘", "'").split()).strip(" .,;:").lower()
    return s[4:] if s.startswith("the ") else s


def load(name: str):
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, extract(text, doc_id=name)


def quote_starting(result, prefix: str):
    found = [q for q in result.quotes if q.text.strip().startswith(prefix)]
    assert found, f"no quotation starting {prefix!r}; got {[q.text for q in result.quotes]}"
    assert len(found) == 1, f"{len(found)} quotations start with {prefix!r}"
    return found[0]


def assert_speaker(q, expected):
    accepted = expected if isinstance(expected, list) else [expected]
    name = q.speaker.name if q.speaker else None
    assert norm(name) in {norm(a) for a in accepted}, f"{q.text!r}: speaker {name!r}, expected {expected!r}"


def speaker_strings(result):
    """Every name or mention the result offers as a speaker or holder."""
    out = []
    for q in result.quotes:
        if q.speaker:
            out += [q.speaker.name or "", q.speaker.mention]
    for c in result.claims:
        if c.holder:
            out += [c.holder.name or "", c.holder.mention]
    out += [s.name for s in result.speakers]
    return out


def offers(said: str, word: str) -> bool:
    """Does a speaker string put forward this furniture word? A phrase anywhere; a single word only as
    the start of the name (so "Economists polled by Reuters" does not make Reuters a speaker)."""
    s, w = norm(said), norm(word)
    return bool(s) and (s.startswith(w) or (" " in w and w in s))


def assert_never_speaker(result, words):
    for said in speaker_strings(result):
        for w in words:
            assert not offers(said, w), f"{w!r} offered as a speaker or holder: {said!r}"


def assert_not_quoted(result, words):
    for q in result.quotes:
        for w in words:
            assert q.text.strip(" ,.") != w, f"{w!r} reported as a quotation ({q.kind}, rule {q.rule})"


# --- the SCMP seed (issue 2) ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scmp():
    return load("scmp-third-plenum.txt")


def test_scmp_zhao_xijun_direct_with_role(scmp):
    _, r = scmp
    q = quote_starting(r, "A slew of policy arrangements")
    assert q.kind == "direct"
    assert q.text.strip().endswith("the fruit of innovation,")
    assert_speaker(q, "Zhao Xijun")
    assert q.speaker.type == "person"
    assert q.speaker.role and "economist with Renmin University" in q.speaker.role
    assert "Zhao Xijun" not in q.speaker.role


def test_scmp_productive_forces_partial_by_xi(scmp):
    _, r = scmp
    q = quote_starting(r, "new high-quality productive forces")
    assert q.kind == "partial"
    assert_speaker(q, "Xi Jinping")


def test_scmp_future_industries_partial_by_beijing(scmp):
    _, r = scmp
    q = quote_starting(r, "future industries")
    assert q.kind == "partial"
    assert_speaker(q, "Beijing")
    assert q.speaker.type == "organization"


def test_scmp_plenum_is_not_a_quotation(scmp):
    _, r = scmp
    assert_not_quoted(r, ["plenum"])


def test_scmp_page_furniture_and_byline_never_speakers(scmp):
    _, r = scmp
    assert_never_speaker(r, ["Advertisement", "Reading Time", "Illustration", "Lau Ka-kuen", "loading",
                             "Why you can trust", "SCMP", "Jane Cai"])


# --- the project's own seeds: every quotation, in order ----------------------------------------------------
# (prefix of the quote text, speaker or accepted speakers, kind, extra checks)

OWN_SEEDS = {
    "markets-rate-outlook.txt": dict(
        quotes=[
            ("The data have given the committee room", "Margaret Okafor", "direct",
             {"role": "chief economist at Halden Capital", "type": "person"}),
            ("A cut in August is still our base case.", "Margaret Okafor", "direct", {}),
            ("loosening at the edges but not breaking", "Margaret Okafor", "partial", {}),
            ("We are not betting against sterling,", "Tom Reilly", "direct", {"group": "reilly"}),
            ("but we are hedging more than we did", "Tom Reilly", "direct", {"group": "reilly"}),
            ("do what is necessary", "Bank of England", "partial", {"type": "organization"}),
            ("Policy will need to remain restrictive", "Bank of England", "direct", {"type": "organization"}),
            ("Nobody on the committee wants to be seen", "a source familiar with the matter", "direct",
             {"type": "anonymous"}),
            ("If the pound falls another five cents", "Margaret Okafor", "direct", {}),
        ],
        not_quotes=["soft landing"],
        never_speakers=["LONDON", "Reuters", "Priya Natarajan", "Mark Heinrich", "Reading Time", "Markets"],
    ),
    "city-council-transit.txt": dict(
        quotes=[
            ("a promise kept to every commuter", "Linda Grace", "partial", {}),
            ("I have sat through 40 hearings", "Hugh Hill", "direct", {"role": "retired doctor"}),
            ("Every one of those hearings ended", "Hugh Hill", "direct", {}),
            ("Who pays when the costs run over?", "Rosa Delgado", "direct", {}),
            ("The state does, under the agreement", "Linda Grace", "direct", {}),
            ("That is the whole point of the deal.", "Linda Grace", "direct", {}),
            ("The board will award the first construction", "Riverton Transit Authority", "direct",
             {"group": "rta", "type": "organization"}),
            ("Trains are expected to carry passengers", "Riverton Transit Authority", "direct", {"group": "rta"}),
            ("We thank the council for its trust.", "Riverton Transit Authority", "direct", {"group": "rta"}),
            ("They refused to leave when asked", "police", "direct", {}),
            ("Transit is not a luxury.", "Linda Grace", "direct", {}),
        ],
        not_quotes=["Moving Riverton Forward", "Roz"],
        never_speakers=["Advertisement", "Share this article", "Dana Whitfield", "Metro Ledger", "Carlos Mendez",
                        "Staff Writer", "RIVERTON —", "A city survey", "The authority's own report", "Photo"],
    ),
    "football-transfer.txt": dict(
        quotes=[
            ("close but not done", "Alison Pryce", "partial", {}),
            ("We don’t comment on individual players", "Alison Pryce", "direct", {}),
            ("But I can tell you we’ve been working", "Alison Pryce", "direct", {}),
            ("When I spoke to the manager he said", "Alison Pryce", "direct", {}),
            ("Get it done,", ["Steve Jones", "the manager"], "direct", {}),
            ("We will not sell below his value.", "Klaus Wendt", "direct", {}),
            ("Jonas wants to test himself in England", "Marc Lefèvre", "direct", {}),
            ("Nobody benefits from a saga", ["the players’ union", "the union"], "direct", {}),
            ("We’re still short at full-back,", "Steve Jones", "direct", {}),
            ("If the right player is there, we’ll move.", "Steve Jones", "direct", {}),
        ],
        not_quotes=["the Lighthouse", "2"],
        never_speakers=["Owen Marsh", "Chief Football Writer", "BBC", "Sport", "Transfer window"],
    ),
    "archive-harbor-strike.txt": dict(
        quotes=[
            ("We got most of what we came for,", "Walter Brisco", "direct", {"role": "president of Local 912"}),
            ("Not all of it, but most of it.", "Walter Brisco", "direct", {}),
            ("Nobody wanted this to go on,", "Walter Brisco", "direct", {}),
            ("The men have families.", "Walter Brisco", "direct", {}),
            ("expensive but workable", "Carrow Shipping Association", "partial", {"type": "organization"}),
            ("relieved that common sense prevailed", "Ellen Marsh", "partial", {}),
            ("We have a backlog, and it will take time,", "Samuel Ortiz", "direct", {}),
        ],
        not_quotes=[],
        never_speakers=["ROBERT HALE", "Robert Hale", "Special to", "The Ledger", "CARROW, March"],
    ),
}


@pytest.mark.parametrize("seed", list(OWN_SEEDS))
def test_own_seed_quotations(seed):
    text, r = load(seed)
    want = OWN_SEEDS[seed]["quotes"]
    got = [(q.text.strip(), q.speaker.name if q.speaker else None, q.kind) for q in r.quotes]
    assert len(r.quotes) == len(want), f"{seed}: expected {len(want)} quotations, got {len(got)}:\n{got}"
    groups: dict[str, set] = {}
    for (prefix, speaker, kind, extra), q in zip(want, r.quotes):
        assert q.text.strip().startswith(prefix), f"{seed}: expected a quotation starting {prefix!r}, got {q.text!r}"
        assert q.kind == kind, f"{seed}: {prefix!r} kind {q.kind!r}, expected {kind!r}"
        assert_speaker(q, speaker)
        if "type" in extra:
            assert q.speaker.type == extra["type"], f"{prefix!r}: type {q.speaker.type!r}"
        if "role" in extra:
            assert q.speaker.role and extra["role"] in q.speaker.role, f"{prefix!r}: role {q.speaker.role!r}"
            assert q.speaker.name not in q.speaker.role, f"{prefix!r}: name left inside the role"
        if "group" in extra:
            groups.setdefault(extra["group"], set()).add(q.group)
    for label, gs in groups.items():
        assert len(gs) == 1 and None not in gs, f"{seed}: pieces of {label!r} carry groups {gs}"


@pytest.mark.parametrize("seed", list(OWN_SEEDS))
def test_own_seed_non_quotations_and_non_speakers(seed):
    _, r = load(seed)
    assert_not_quoted(r, OWN_SEEDS[seed]["not_quotes"])
    assert_never_speaker(r, OWN_SEEDS[seed]["never_speakers"])


@pytest.mark.parametrize("seed", list(OWN_SEEDS) + ["scmp-third-plenum.txt"])
def test_seed_offsets_index_the_text(seed):
    text, r = load(seed)
    for q in r.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.mention
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text


# --- forward-looking claims the seeds were written to show (ANNOTATION.md section B) ------------------------
# (a snippet of the sentence, the expected holder or None to skip the holder check)

CLAIMS = {
    "scmp-third-plenum.txt": dict(
        yes=[("Analysts expect the coming event", "analysts"), ("A slew of policy arrangements will be made", "Zhao Xijun"),
             ("That goal is expected to be top of the agenda", None)],
        no=["is traditionally a forum for the five-yearly committee"],
    ),
    "markets-rate-outlook.txt": dict(
        yes=[("Analysts expect the Bank to lower Bank Rate", "analysts"),
             ("Economists polled by Reuters forecast", None),
             ("the firm plans to open an office in Frankfurt", None),
             ("warned that a renewed slide in sterling", "Margaret Okafor"),
             ("The government plans to bring", None),
             ("is expected to keep interest rates on hold next month", None)],
        no=["is traditionally a forum for the Bank", "Had energy prices not fallen",
            "Will the Bank move before the Federal Reserve?"],
    ),
    "city-council-transit.txt": dict(
        yes=[("said construction will begin next spring", None),
             ("The board will award the first construction contracts next month.", "Riverton Transit Authority"),
             ("Trains are expected to carry passengers by 2030", "Riverton Transit Authority")],
        no=["voted 7-2 early Wednesday"],
    ),
}


@pytest.mark.parametrize("seed", list(CLAIMS))
def test_seed_claims(seed):
    text, r = load(seed)
    for snippet, holder in CLAIMS[seed]["yes"]:
        at = text.find(snippet)
        assert at >= 0, f"test bug: {snippet!r} not in {seed}"
        hits = [c for c in r.claims if c.start <= at and at + len(snippet) <= c.end]
        assert hits, f"{seed}: no claim covering {snippet!r}; claims: {[c.text for c in r.claims]}"
        if holder is not None:
            c = hits[0]
            name = c.holder.name if c.holder else None
            assert norm(name) == norm(holder), f"{snippet!r}: holder {name!r}, expected {holder!r}"
    for snippet in CLAIMS[seed]["no"]:
        at = text.find(snippet)
        assert at >= 0, f"test bug: {snippet!r} not in {seed}"
        hits = [c for c in r.claims if c.start < at + len(snippet) and at < c.end]
        assert not hits, f"{seed}: {snippet!r} is not a forward-looking claim, got {[c.text for c in hits]}"
