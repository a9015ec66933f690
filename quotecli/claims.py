"""Forward-looking claims: which sentences say something about the future, of what type, held by whom, by when.

A claim is a sentence (or, inside a quotation, the sentence within the marks) with a future cue:

    claim.modal_will      will / won't / 'll / shall              "The plant will close in March."
    claim.going_to        is going to                             "We are going to appeal."
    claim.be_to           is to / are to                          "The Tories are to back the bill."
    claim.be_adj_to       is expected / likely / set / due to     "Rates are expected to rise."
    claim.be_scheduled    is planned for / expected in            "A vote is planned for February."
    claim.intent_verb     plans / aims / hopes / pledged to       "Air China plans to raise $1bn."
    claim.progressive_intent  is considering / pledging          "The board is considering a sale."
    claim.intent_noun     has plans to / its decision to          "The firm has plans to expand."
    claim.reduced_adj_to  candidates set / due to                 "Half the candidates set to stand are women."
    claim.chosen_to       has been chosen / appointed to          "She has been chosen to host the awards."
    claim.promise_object  pledged / promised + what               "Mr Gates pledged $750m to the cause."
    claim.imminent        headed for / is coming / in the pipeline  "More job cuts are in the pipeline."
    claim.expect_subject  Analysts expect / the IMF projects      "Analysts expect a cut."
    claim.modal_would     would (stronger when reported)           "She said prices would rise."
    claim.weak_modal      could / may / might + a future outcome  "Prices could rise next year."
    claim.horizon         a deadline or a future-pointing time    "Emissions fall to zero by 2050."
    claim.scheduled_present  a timetable in the simple present     "The trial begins on Monday."
    claim.idiom           can't rule out / on the cards / the odds favour  "Economists cannot rule out a cut."

and none of the vetoes (questions, ``would have``/``could have``, ``had expected``, habitual statements with
only a hedged modal, horizons that have already passed by the article date, safe-harbor boilerplate).

The rules themselves live in cues.py and the holder in holders.py: the speaker of the quotation the cue sits
in; else the subject of an expectation or intention verb (``Analysts expect``); else whoever reports the clause
(``X said Y will …``); else the named agent of ``will`` (a plan); else whoever the sentence reports (``…, X said.``,
``according to X``); else null, the writer's own voice.
"""
from __future__ import annotations

import bisect
import datetime as dt

import regex

from . import horizons
from .cues import KEYED_PATTERNS, WINDOW, _LETTERS, _in_relative, _match, _search
from .cues import scan as scan_cues
from .cues import (CUE_RULES, EXPECT_TYPE, _ACCORDING, _HOLDER_VERBS, _NOT_VERB, _PERFECT_PARTICIPLE, _REPORT_BEFORE,
                   _TRAILING_REPORT, CueRule, KeyIndex, _Cue, _in_masked, _title_like, _Unit, key_words,
                   keyed, keyed_search)
from .holders import _AGENT_NOUNS, _PREDICATE_CUES, _PRONOUNS, holder as _holder
from .lexicons import load
from .models import Claim, Horizon, Mention, Quote, Span

__all__ = ["CueRule", "CUE_RULES", "find_claims", "find_boilerplate"]


# --- sentence-level vetoes ---------------------------------------------------------------------------

_PERFORMATIVE = keyed(regex.compile(
    r"(?<![\p{L}])(?:I|we|We)\s+(?:also\s+)?(?:wish|want|would\s+(?:also\s+)?like|should\s+(?:also\s+)?like|['’]d\s+like)"
    r"\s+(?:also\s+|first\s+|now\s+|briefly\s+|once\s+again\s+)?to\s+(?:\L<perf>)(?![\p{L}])",
    perf=load("performative_verbs")), ("i", "we"), ("wish", "want", "like"))
_PERMISSION = frozenset(load("permission_verbs"))
_NOMINAL = regex.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ings)$", regex.I)
_VERBS_LIKE_NOUNS = frozenset("""implement complement supplement document comment augment cement experiment torment ferment
    lament segment compliment commence condense sentence license licence balance enhance finance advance announce
    influence reinforce evidence reference experience""".split())
_NOT_INFINITIVE = frozenset("""hard high low strong weak poor good bad great large small heavy rising falling increased reduced lack
    lower higher better worse other its their his her our your my this that these those some any all each such many much""".split())
_PAST_AUX = keyed(regex.compile(r"(?<![\p{L}])(?:was|were|had|did|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|tried|wanted|hoped|seemed)(?![\p{L}])",
                                regex.I), "was were had did didn wasn weren hadn tried wanted hoped seemed".split())
# words before a plan/promise noun: "Obama's latest plan to", "Trump's fire-breathing vows to"
_NOUN_BEFORE = regex.compile(r"(?:['’]s\s+(?:[\p{Ll}\-]+\s+)?|(?<![\p{L}])(?:\p{Ll}+est|new|old|original|secret|ambitious|controversial|"
                             r"former|initial|current|bold|grand|master|long-term|five-year|ten-year|immediate|any|further|future|"
                             r"concrete|detailed|specific|no|own|such|these|those|make|made|making|announce|unveil|unveiled)\s+)$")
# look-backs over the words before a cue (searched on the slice; see cues.keyed)
_COMPARISON_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:like|than|as)\s+(?:\p{L}+\s+){0,3}$"), ("like", "than", "as"))
_HAD_BEFORE = keyed(regex.compile(r"(?<![\p{L}])had\s+(?:been\s+|also\s+)?$"), ("had",))
_RELATIVE_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:that|which|who)\s+(?:(?:have|has|are|is)\s+(?:been\s+)?)?(?:\p{Ll}+ly\s+)?$",
                                       regex.I), ("that", "which", "who"))
_WAS_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:was|were)\s+(?:\p{Ll}+ly\s+)?$"), ("was", "were"))
# the words some cue-word patterns open with: a cheap test before the pattern
_NOUN_LIKE = ("plan", "hope", "aim", "promise", "pledge", "vow", "target", "wish", "want")
_PAST_INTENT = ("planned", "agreed", "decided", "intended", "aimed", "sought", "attempted", "threatened")
_QUESTION = regex.compile(r"\?[\"'”’»)\]]*\s*$")
_HABITUAL = keyed(regex.compile(r"(?<![\p{L}])(?:traditionally|usually|typically|normally|generally|customarily|routinely|"
                                r"often|always|sometimes|tends?\s+to|used\s+to|every\s+now\s+and\s+then|every\s+(?:year|week|day|month)|each\s+(?:year|week))(?![\p{L}])",
                                regex.I), """traditionally usually typically normally generally customarily routinely often
                  always sometimes tend tends used every each""".split())
_IF_PAST = keyed(regex.compile(r"(?<![\p{L}])(?:if|unless|even\s+if|as\s+if)\s+(?:\p{L}+\s+){1,6}?(?:had|were|was|did|thought|knew|could)\b",
                               regex.I), ("if", "unless"))
_BOILER_START = regex.compile(
    r"(?:forward[-\s]looking\s+statements?|safe[-\s]harbou?r)", regex.I)
_BOILER_CONFIRM = regex.compile(
    r"(?:risks?\s+and\s+uncertaint|uncertaint|actual\s+results|undue\s+reliance|no\s+obligation\s+to\s+update|"
    r"Private\s+Securities\s+Litigation\s+Reform\s+Act|materially\s+different|differ\s+materially)", regex.I)


# --- public entry point ------------------------------------------------------------------------------

def find_claims(doc, quotes: list[Quote] | tuple[Quote, ...], resolver, date: dt.date | None
                ) -> tuple[list[Claim], list[Span], dt.date | None]:
    """All forward-looking claims in ``doc``, the safe-harbor boilerplate spans, and the date used."""
    text = doc.text
    if date is None:
        date = horizons.find_date(text)
    boiler = find_boilerplate(doc)
    claims: list[Claim] = []
    headline_end = _headline_end(doc)
    index = _Index(doc, quotes)
    for s, e in doc.sentences:
        if boiler and any(bs <= s < be for bs, be in boiler):
            continue
        if not index.any_in(s, e):
            continue
        for unit in _units(text, s, e, index.quotes_in(s, e), index.keys):
            c = _claim(text, unit, resolver, date, index, headline=s < headline_end, n=len(claims) + 1)
            if c is not None:
                claims.append(c)
    return claims, [Span(text[a:b], a, b) for a, b in boiler], date


class _Index:
    """Cue matches, time expressions and quotations of the whole document, looked up by range: each pattern runs
    once per block of paragraphs rather than once per sentence."""

    BLOCK = 50_000

    def __init__(self, doc, quotes):
        text = doc.text
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._q_starts = [q.start for q in self.quotes]
        self._q_max = max((q.end - q.start for q in self.quotes), default=0)
        self.cues: list[tuple[int, CueRule, regex.Match]] = []
        self.hz: list[horizons.Found] = []
        words = doc.words  # one word list for both key-word scans and the key index of the vetoes and holders
        self.keys = KeyIndex(text, words)
        for a, b in self._blocks(doc):
            self.cues.extend(scan_cues(text, a, b, words, self.keys))
            self.hz.extend(horizons.find(text, a, b, words))
        self.cues.sort(key=lambda x: x[0])
        self._c_starts = [c[0] for c in self.cues]
        self._h_starts = [f.start for f in self.hz]

    def _blocks(self, doc):
        start = None
        end = 0
        for ps, pe in doc.paragraphs:
            if start is None:
                start = ps
            end = pe
            if end - start >= self.BLOCK:
                yield start, end
                start = None
        if start is not None:
            yield start, end

    def any_in(self, s: int, e: int) -> bool:
        return self._count(self._c_starts, s, e) > 0 or self._count(self._h_starts, s, e) > 0

    @staticmethod
    def _count(starts, s, e):
        return bisect.bisect_left(starts, e) - bisect.bisect_left(starts, s)

    def cues_in(self, s: int, e: int):
        return self.cues[bisect.bisect_left(self._c_starts, s):bisect.bisect_left(self._c_starts, e)]

    def horizons_in(self, s: int, e: int) -> list[horizons.Found]:
        return [f for f in self.hz[bisect.bisect_left(self._h_starts, s):bisect.bisect_left(self._h_starts, e)] if f.end <= e]

    def quotes_in(self, s: int, e: int) -> list[Quote]:
        lo = bisect.bisect_left(self._q_starts, s - self._q_max)
        hi = bisect.bisect_left(self._q_starts, e)
        return [q for q in self.quotes[lo:hi] if q.start < e and q.end > s]

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes_in(pos, pos + 1):
            return q
        return None


def find_boilerplate(doc) -> list[tuple[int, int]]:
    """Safe-harbor paragraphs: "forward-looking statements" together with risks, uncertainties, actual results."""
    text = doc.text
    if "\u017f" not in text and "\u0130" not in text and not _may_open_boilerplate(doc.words.lows):
        return []
    low = text.lower()
    paras = doc.paragraphs
    aligned = len(low) == len(text) and "\u017f" not in text  # the lowercase keeps offsets: test paragraphs in it first
    hit = [bool((not aligned or "forward" in low[ps:pe] or "safe" in low[ps:pe]) and _BOILER_START.search(
        text, ps, pe) and _BOILER_CONFIRM.search(text, ps, pe)) for ps, pe in paras]
    for i, (ps, pe) in enumerate(paras):
        if hit[i]:
            continue
        # a heading right before ("Forward-Looking Statements", "Safe Harbor Statement") and the risk-factor
        # paragraphs right after ("Factors that could cause actual results to differ include …") belong to it
        if i + 1 < len(paras) and hit[i + 1] and pe - ps <= 60 and _BOILER_START.search(text, ps, pe):
            hit[i] = True
        elif i > 0 and hit[i - 1] and _BOILER_CONFIRM.search(text, ps, pe):
            hit[i] = True
    return [p for p, h in zip(paras, hit) if h]


def _may_open_boilerplate(lows: list[str]) -> bool:
    """Can _BOILER_START match in a text with these lowercased words: do two words in a row read "…forward
    looking…" or "…safe harbo…"? A match is the end of a word, a hyphen or a space, and the start of the next
    word; lowercasing is regex.I's case folding but for "ſ" and "İ", which the caller rules out. One join and two
    substring tests, where lowercasing a text with curly quotes goes character by character."""
    joined = " ".join(lows)
    return "forward looking" in joined or "safe harbo" in joined


# --- units: the sentence, or its part inside one quotation --------------------------------------------


def _units(text: str, s: int, e: int, quotes, keys: KeyIndex | None = None) -> list[_Unit]:
    inside = list(quotes)  # the quotations overlapping [s, e), in text order
    units: list[_Unit] = []
    masked = []
    for q in inside:
        if q.kind != "direct":
            continue
        a, b = max(s, q.start), min(e, q.end)
        while a < b and (text[a].isspace() or text[a] in "\"'“‘«„"):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a < 3:
            continue
        units.append(_Unit(a, b, q, [], keys=keys))
        masked.append((max(s, q.start), min(e, q.end)))
    outside = e - s - sum(b - a for a, b in masked)
    if outside > 0:
        units.insert(0, _Unit(s, e, None, masked, keys=keys))
    return units


def _ends_with_stop(s: str) -> bool:
    """``[.!?…]["'”’)]?$``: a final stop, perhaps before a closing quote or bracket (string tests; the pattern
    itself where a newline is among the last characters, as ``$`` also matches before a final newline)."""
    if "\n" in s[-3:]:
        return bool(_search(r"[.!?…][\"'”’)]?$", s))
    return s[-1:] in _STOPS and s[-1:] != "" or s[-1:] in _CLOSERS and s[-1:] != "" and s[-2:-1] in _STOPS and s[-2:-1] != ""


_STOPS, _CLOSERS = ".!?…", "\"'”’)"


def _headline_end(doc) -> int:
    """End of the leading short paragraphs without final punctuation (headline, standfirst, furniture)."""
    text = doc.text
    end = 0
    for ps, pe in doc.paragraphs[:8]:
        para = text[ps:pe]
        if _ends_with_stop(para) and len(para.split()) > 6:
            break
        end = pe
    return end


# --- one claim -----------------------------------------------------------------------------------------


def _claim(text: str, unit: _Unit, resolver, date, index: "_Index", headline: bool, n: int) -> Claim | None:
    s, e = unit.start, unit.end
    sent = text[s:e]
    if "?" in sent and _QUESTION.search(sent):  # its pattern needs the question mark
        return None
    if headline and not _ends_with_stop(sent) and len(sent.split()) < 3:
        return None
    cues = _cues(text, unit, index)
    hz_all = [f for f in index.horizons_in(s, e) if not _in_masked(f.start, unit.masked)]
    cues = [c for c in cues if not _vetoed(text, unit, c, bool(hz_all))]
    # "In January, the coach said the team would win by April": January dates the report, April is read from it
    ref = date
    # only a time of the unit can date its report: no time, nothing to look for
    dated = _report_time(text, unit, cues, hz_all, date) if cues and hz_all else None
    if dated is not None:
        hz_all = [f for f in hz_all if f is not dated[0]]
        ref = dated[1] or date
    hz_future = [f for f in hz_all if not horizons.is_past(horizons.value(f, ref), date)]
    if not cues:
        cue = _horizon_cue(text, unit, hz_future, date)
        if cue is None:
            return None
        cues = [cue]
    if headline and not _ends_with_stop(sent):
        cues = [c for c in cues if c.rule.strength >= 0.8]
        if not cues:
            return None
    # a plan noun in the subject of a later predicate ("the party's plans to … would appeal") is not the claim's cue
    main = [c for c in cues if not (c.rule.id == "claim.intent_noun" and any(
        o.start > c.end and o.rule.id in _PREDICATE_CUES for o in cues))]
    main = main or cues
    # a cue inside a relative clause (", which ministers claim will …,") gives way to one in the main clause
    outside = [c for c in main if not _in_relative(text, s, e, c.start, unit.keys)]
    cue = max(outside or main, key=lambda c: (c.rule.strength, -c.start))
    # a horizon that has already passed by the article date makes it a past forecast
    if date is not None and hz_all and not hz_future:
        near = min(hz_all, key=lambda f: abs(f.start - cue.end))
        if abs(near.start - cue.end) < 80:
            return None
    hz = _pick_horizon(hz_future, cue, text, unit)
    holder, quote_id, kind = _holder(text, unit, cue, cues, resolver)
    ctype = _type(text, unit, cue, kind, holder)
    conf = cue.rule.strength
    if cue.rule.id == "claim.modal_would" and (cue.quote is not None or _reported(text, unit, cue)):
        conf += 0.15
    if hz is not None:
        conf += 0.05
    if len(sent.split()) > 45:
        conf -= 0.1
    if headline:
        conf -= 0.05
    # clarity: a hedge weakens it ("will probably", "may possibly"); a second, independent cue strengthens it
    if keyed_search(_HEDGE, text, cue.start, min(e, cue.end + 25), unit.keys):
        conf -= 0.1
    if len({c.rule.id for c in cues}) > 1:
        conf += 0.03
    horizon = None
    if hz is not None:
        horizon = Horizon(text[hz.start:hz.end], hz.start, hz.end, horizons.value(hz, ref))
    rule_id = cue.rule.id
    return Claim(f"c{n}", sent, s, e, ctype, Span(text[cue.start:cue.end], cue.start, cue.end), holder, horizon,
                 quote_id, max(0.05, min(0.99, conf)), rule_id)


def _cues(text: str, unit: _Unit, index: "_Index") -> list[_Cue]:
    out = []
    for cs, rule, m in index.cues_in(unit.start, unit.end):
        ce = m.end("cue")
        if _in_masked(cs, unit.masked) or m.end() > unit.end:
            continue
        verb = m.span("verb") if "verb" in rule.pattern.groupindex and m.start("verb") >= 0 else None
        if verb and text[verb[0]:verb[1]].lower() in _NOT_VERB and not text[cs:ce].lower().endswith("for"):
            continue
        q = unit.quote if unit.quote is not None else index.quote_at(cs)
        out.append(_Cue(rule, cs, ce, verb, q))
    # keep one cue per position (overlapped matches of one rule)
    seen = set()
    uniq = []
    for c in sorted(out, key=lambda c: (c.start, -c.rule.strength)):
        if (c.start, c.rule.id) in seen:
            continue
        seen.add((c.start, c.rule.id))
        uniq.append(c)
    return uniq


def _vetoed(text: str, unit: _Unit, c: _Cue, has_horizon: bool = False) -> bool:
    s, e = unit.start, unit.end
    rid = c.rule.id
    cue_words = text[c.start:c.end].lower()
    if keyed_search(_PERFORMATIVE, text, max(s, c.start - 30), min(e, c.end + 40), unit.keys):
        return True
    verb = text[c.verb[0]:c.verb[1]] if c.verb else ""
    # "committed to implementation", "due to hard work": the infinitive marker is a preposition before a noun
    if verb and cue_words.endswith("to") and (_NOMINAL.search(verb) and verb.lower() not in _VERBS_LIKE_NOUNS
                                              or verb.lower() in _NOT_INFINITIVE):
        return True
    if verb[:1].isupper() and rid in ("claim.modal_will", "claim.weak_modal", "claim.modal_would") and not _title_like(
            " ".join(text[s:c.start].split()[-4:] + text[c.start:e].split()[:5])):
        return True
    before = text[max(s, c.start - 60):c.start]
    # counterfactual / past possibility: would have gone, could have been
    # (its pattern opens with a space and "have": asked only where "have" follows)
    if rid in ("claim.modal_would", "claim.weak_modal") and text.find("have", c.end, min(e, c.end + 40)) >= 0 and \
            _PERFECT_PARTICIPLE.match(text, c.end, min(e, c.end + 40)):
        return True
    if rid == "claim.weak_modal":
        # permission, as in terms of service: "You may cancel at any time", "We may suspend your access"
        if cue_words.startswith("may") and _search(r"(?<![\p{L}])(?:you|we)\s+(?:\p{Ll}+ly\s+)?$", before, regex.I) and (
                _in_unit(text, unit, _YOU) or verb.lower() in _PERMISSION):
            return True
        if keyed_search(_IF_PAST, text, max(s, c.start - WINDOW), c.start, unit.keys):
            return True
        if _in_unit(text, unit, _HABITUAL):
            return True
        # "could" reporting a past ability: "he could not attend", "they could see"
        if cue_words in ("could not", "couldn't", "couldn’t") and (_in_unit(text, unit, _PAST_WORD) or not has_horizon
                                                                  and not _match(r"\s+only\b", text, pos=c.end, endpos=e)):
            return True  # with no time ahead, "could not" is a past inability: "They could not agree on a date"
        if cue_words == "could" and verb.lower() in ("hear", "smell", "taste"):
            return True  # a past perception: "Residents said they could hear explosions"
        # present speculation: "could be significant", "might be necessary" (a passive "could be delayed" stays)
        if verb.lower() == "be" and not has_horizon and cue_words.split()[0] in ("could", "might") and not _match(
                r"\s+(?:next|imminent|ahead|coming)\b", text, regex.I, pos=c.verb[1], endpos=e) and not _match(
                r"\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|en|wn|ne)|able|forced|hit|cut|set|put|made|held|paid|sold|built|lost|left|shut|done|taken|given)\b",
                text, pos=c.verb[1], endpos=e) and not _trailing_forecast(text, unit):
            return True
        if c.verb and text[c.verb[0]:c.verb[1]].lower() in ("be",) and _match(
                r"\s+(?:\p{Ll}+ly\s+)?(?:possible|worth|true|right|wrong|better|a\b|the\b|an\b|in\b|that\b)", text,
                                                 pos=c.verb[1], endpos=e) and not _trailing_forecast(text, unit):
            return True
    if rid == "claim.should" and _should_is_advice(text, unit, c, verb, before, has_horizon):
        return True
    if rid == "claim.forecast_verb" and cue_words.startswith("see"):
        # "Analysts see …", "JPMorgan sees …": a forecaster's outlook, not "you can see", "to see", "I see"
        prev = before.split()[-1].strip("“\"'‘(") if before.split() else ""
        from .names import SOURCE_NOUNS
        low = prev.lower()
        forecaster = low in SOURCE_NOUNS or low.rstrip("s") in SOURCE_NOUNS or low in _AGENT_NOUNS or \
            prev[:1].isupper() and prev.isalpha() and low not in _PRONOUNS and (
                before.strip() != prev or any(ch.isupper() for ch in prev[1:]))  # "JPMorgan sees …" opens a sentence
        if not forecaster or _search(r"(?<![\p{L}])(?:to|can|could|will|would|let|and|or|you|I)\s+$", before, regex.I) or _search(
                r"(?<![\p{L}])as(?![\p{L}])", text[c.end:min(e, c.end + 160)]):
            return True  # "experts see a lower valuation as a boon": a view, not an outlook
    if rid == "claim.postponed" and not has_horizon:
        return True
    if rid == "claim.reduced_adj_to" and cue_words.startswith("due") and _search(r"(?<![\p{L}])\p{Ll}{2,}(?:ed|en)\s+$", before):
        return True  # "The concert was cancelled due to rain": a cause, not a schedule
    if rid == "claim.want_object" and not horizons.find(text, c.end, min(e, c.end + 150)):
        return True  # a wish ("voters want the next president to …") unless a target date makes it a goal
    if rid == "claim.want_object" and _search(
            r"(?<![\p{L}])(?:you|might|may|never|no|nobody|no\s+one|everyone|everybody|anyone|anybody|if|who|what|where|whether|"
            r"that|which|i|we)\s+(?:\p{L}+\s+){0,2}$|(?<![\p{L}])(?:did|do|does|didn['’]t|don['’]t|doesn['’]t)\s+(?:not\s+)?$", before, regex.I):
        return True  # "if you want people to", "what they want voters to", "we would like you to": no one's stated aim
    if rid == "claim.modal_would":
        if _in_unit(text, unit, _HABITUAL):
            return True
        # "like a human would do", "than it would"
        if keyed_search(_COMPARISON_BEFORE, text, max(s, c.start - 30), c.start, unit.keys, sliced=True):
            return True
        if c.quote is None and not _reported(text, unit, c) and _in_unit(text, unit, _PAST_AUX):
            return True
        m_if = keyed_search(_IF_PAST, text, max(s, c.start - WINDOW), c.start, unit.keys)
        if m_if and not _report_before(text, s, m_if.start(), unit.keys):
            return True
    if (rid == "claim.modal_would" or rid == "claim.expect_subject" and cue_words.endswith("ed")) and \
            _in_unit(text, unit, _RETROSPECT):
        return True  # a past forecast told in hindsight: "Critics warned at the time that it would fail, and it did"
    if rid == "claim.expect_subject":
        word = cue_words
        # an infinitive or a gerund is no finite expectation: "the ability to predict", "predicting … is hard"
        if _search(r"(?<![\p{L}])(?<!(?:start|starting|started|begin|beginning|began|continue|continuing|continued)\s)to\s+$", before) or word.endswith("ing") and not _search(
                r"(?:(?<![\p{L}])(?:is|are|am|were|was|be|been)|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+|also\s+|still\s+|now\s+)?$|(?<![\p{L}])with\s+(?:\S+\s+){1,4}$",
                before, regex.I):
            return True
        # no object, or one that ends the clause ("we expect better."), but not "expect little change next year"
        if _match(r"(?:\s+(?:better|worse|nothing|little|more|less|much)(?:\s+(?:else|more|less))?)?\s*(?:[.,;:!?\"”’)]|$)",
                  text, pos=c.end, endpos=e):
            return True
        if word in ("fear", "fears") and _match(r"\s+(?:the\s+)?most\b", text, pos=c.end, endpos=e):
            return True  # "the politician voters fear the most"
        if word in ("project", "projects", "forecast", "forecasts"):
            # a verb after its subject ("The IMF projects", "analysts forecast"), not a noun ("manage projects")
            prev = before.split()[-1] if before.split() else ""
            from .names import SOURCE_NOUNS
            subj_like = (prev[:1].isupper() or prev.lower() in _PRONOUNS or prev.lower().rstrip("s") in SOURCE_NOUNS
                         or prev.lower() in SOURCE_NOUNS or prev.lower() in _AGENT_NOUNS)
            if not subj_like or _match(r"\s+(?:of|in|on|for|at|with|and|or|to|like|such|is|are|was|were)\b", text,
                                       pos=c.end, endpos=e):
                return True
        # an attribution after a quotation: “…,” predicted Rep. Smith
        if _search(r"[\"”’'»][\s,]*$", text[max(s, c.start - 4):c.start]) or _in_masked(c.start - 3, unit.masked):
            return True
        # past forms report a past expectation: only with a future complement ("warned that … would")
        if word.endswith("ed") or word == "forecast" and _search(r"\b(?:was|were|had)\b", before):
            if not _search(r"(?<![\p{L}])(?:will|would|could|may|might|to\s+\p{Ll}+)(?![\p{L}])|^\s+of\b",
                                text[c.end:min(e, c.end + 120)]):
                return True
        if word in ("hope", "hopes") and _search(r"(?:(?<![\p{L}])(?:the|a|an|its|his|her|their|our|new|no|any|faint|slim|high|"
                                                 r"false|vain)\s+(?:\p{Ll}+\s+)?|(?<![Ll]et)['’]s\s+)$", before):
            return True  # "the team's hopes of", "faint hopes"; not "let's hope", "I sort of hope"
        if word in ("project", "projects", "forecast", "forecasts", "fear", "fears", "warning", "expecting") and \
                _search(r"(?:\b(?:the|a|an|its|his|her|their|new|our|through|for|of|with|in|amid|by|out)\s+(?:\p{Ll}+\s+)?|['’]s\s+)$", before):
            return True
        if word in ("fear", "fears", "project", "projects", "forecasts", "hope", "hopes") and _match(r"\s+(?:of|in|on|for|about|and)\b",
                                                                                     text, pos=c.end, endpos=e):
            return True
    if rid in ("claim.intent_verb", "claim.intent_noun", "claim.be_adj_to"):
        if keyed_search(_HAD_BEFORE, text, max(s, c.start - 60), c.start, unit.keys, sliced=True):
            return True
    if rid == "claim.intent_verb":
        # a noun: "developing plans to attack", "with hopes to"
        if cue_words.startswith(_NOUN_LIKE) and _match(r"(?:plans|hopes|aims|promises|pledges|vows|targets|wishes|wants)\b", cue_words) and _search(
                r"(?:\p{Ll}{2,}ing|(?<![\p{L}])(?:of|with|for|about|on|in|to|the|a|an|its|his|her|their|our|new|no|has|have|had))\s+$", before):
            return True
        if cue_words.startswith(_NOUN_LIKE + ("bid",)) and _match(r"(?:plans?|hopes?|aims?|promises?|pledges?|vows?|targets?|wish|wishes|bid)\b", cue_words) and _NOUN_BEFORE.search(before):
            return True
        if cue_words.startswith(_NOUN_LIKE) and _match(r"(?:plans|hopes|aims|promises|pledges|vows|targets|wishes)\b", cue_words) and _search(
                r"(?<![\p{L}])\p{Ll}{2,}ed\s+$", before):
            return True  # "they made plans to", "detailed plans to"
        # a defining relative clause describes, not plans: "companies that have agreed to", "a coalition which aims to"
        if keyed_search(_RELATIVE_BEFORE, text, max(s, c.start - 60), c.start, unit.keys, sliced=True):
            return True
        if _match(r"(?:ha(?:ve|s)\s+been|was|were)\s+(?:\p{Ll}+ly\s+)?(?:trying|attempting|striving|hoping|planning|seeking|aiming)", cue_words) \
                or keyed_search(_WAS_BEFORE, text, max(s, c.start - 60), c.start, unit.keys, sliced=True):
            return True
        if cue_words.startswith(("want", "wish")) and _match(r"(?:want|wants|wish|wishes)\b", cue_words) and _search(
                r"(?<![\p{L}])(?:you|might|may|never|no|nobody|no\s+one|everyone|everybody|anyone|anybody|if|who|what|where|whether)"
                r"\s+(?:\p{L}+\s+){0,3}$", before, regex.I):
            return True
    if rid == "claim.promise_object" and _NOUN_BEFORE.search(before):
        return True
    if rid == "claim.intent_verb" and cue_words.startswith(_PAST_INTENT) and _match(
            r"(?:planned|agreed|decided|intended|aimed|sought|attempted|threatened)\b", cue_words) and not (
            _search(r"(?<![\p{L}])(?:has|have|having)\s+(?:\p{Ll}+ly\s+|also\s+|now\s+|already\s+)?$", before)
            or c.quote is not None or _report_before(text, s, c.start, unit.keys) and not cue_words.startswith("threatened")):
        return True  # a past intention told as narrative: "they planned to take refuge"; "he threatened to" needs "has"
    if rid == "claim.be_to" and _search(r"(?<![\p{L}])(?i:if|unless)\s+(?:\S+\s+){0,3}$", before):
        return True  # "if we are to go to war": a condition, not an arrangement
    if rid == "claim.expect_subject" and _search(r"(?<![\p{L}])(?:did|didn['’]t|did\s+not|never)\s+$", before, regex.I):
        return True
    if rid == "claim.be_to" and _search(
            r"(?<![\p{L}])(?:purpose|aim|goal|objective|task|job|role|mission|idea|point|priority|challenge|answer|solution|way|"
            r"force|intention|plan|strategy|ambition|dream|hope|wish|desire|focus|duty|responsibility|function|option|step)\s+$",
            before, regex.I):
        return True
    if rid == "claim.be_adj_to":
        w = cue_words
        # "is estimated to" is a present measurement unless a time ahead says otherwise
        if "estimated" in w and (not has_horizon or verb.lower() in ("have", "be", "number", "total", "cost", "exceed")):
            return True
        # "was likely to" is a past expectation, except backshifted in reported speech ("told … that there was likely to be")
        if _match(r"(?:was|were)\b", w) and (c.quote is not None or not _report_before(text, s, c.start, unit.keys)):
            return True
        # "set to" in "a table set for two"; "sure to" needs a subject; "about" only as "about to"
        if w.endswith("for") and not _search(r"(?:set|due|scheduled|planned|slated|expected|poised)\s+for$", w):
            return True
        if _search(r"\babout\s+for$", w):
            return True
    if rid == "claim.modal_will" and c.verb:
        verb = text[c.verb[0]:c.verb[1]]
        if verb[:1].isupper() and not _title_like(text[s:e]):
            return True
    return False


# a forecasting or warning verb that reports the whole sentence: "…, the Bank of England warned."
_TRAILING_FORECAST = keyed(regex.compile(
    r"[,;]\s*(?:[^,;\"“”]{2,80}?\s+(?:has\s+|have\s+)?(?P<v>warn(?:s|ed)|predict(?:s|ed)|forecasts?|caution(?:s|ed)|fear(?:s|ed)?)"
    r"|(?P<v>warn(?:s|ed)|predict(?:s|ed)|forecasts?|cautioned)\s+[^,;\"“”]{2,80}?)(?:\s+(?:on|in|at|last|this)\s+[^,.]{1,30})?"
    r"\s*[.!]?[\"'”’]?\s*$"),
    "warns warned predicts predicted forecast forecasts cautions cautioned fear fears feared".split())


def _trailing_forecast(text: str, unit: _Unit) -> regex.Match | None:
    """"…, the Bank of England warned." (once per unit: the report closes the sentence)"""
    memo = unit.memo
    if "trailing_forecast" not in memo:
        memo["trailing_forecast"] = keyed_search(_TRAILING_FORECAST, text, max(unit.start, unit.end - WINDOW), unit.end,
                                                 unit.keys)
    return memo["trailing_forecast"]


# "should" of duty or advice: "should be ashamed", "should resign", "you should"; an outcome verb or a time ahead
# makes it an expectation ("The deal should close by June", "Prices should ease")
_DEONTIC_BE = regex.compile(r"\s+(?:\p{Ll}+ly\s+)?(?:ashamed|allowed|able|given|made|forced|banned|punished|sacked|fired|careful|"
                            r"aware|proud|grateful|embarrassed|prosecuted|jailed|scrapped|treated|encouraged|required|obliged|"
                            r"entitled|free|taxed|held\s+(?:to\s+)?account|investigated|reviewed|considered|seen\s+as|"
                            r"the\b|a\b|an\b|in\s+charge|responsible)\b")
_SHOULD_OUTCOME = frozenset("""rise fall drop climb ease recover improve grow increase decrease decline slow close complete
    arrive return last begin start open finish end pass stabilise stabilize rebound pick settle peak
    subside abate clear resume""".split())
_SHOULD_BE = regex.compile(r"\s+(?:\p{Ll}+ly\s+)?(?:completed|finished|ready|available|back|over|operational|open|"
                           r"in\s+place|up\s+and\s+running|higher|lower)\b")


def _should_is_advice(text: str, unit: _Unit, c: _Cue, verb: str, before: str, has_horizon: bool) -> bool:
    """"should" of duty or advice, not of expectation: a subject who acts ("officials should reach out", "Trump
    should release his returns", "we should act"), or no outcome verb and no time ahead."""
    v = verb.lower()
    if _search(r"(?<![\p{L}])(?:you|i|we|everyone|everybody|people|parents|they|he|she|who|which|that)\s+(?:\p{Ll}+ly\s+)?$",
               before, regex.I):
        return True  # "you should ask", "we should act", "a law that should protect"
    from .holders import _agentive, _subject
    np = _subject(text, unit.start, c.start)
    if np is not None and _agentive(text, np, c, None):
        return True
    if _in_unit(text, unit, _HABITUAL) or _in_unit(text, unit, _IF_PAST):
        return True
    # only a time after "should" counts ("should close by June"); "said Friday that the video should be released" dates the report
    has_horizon = has_horizon and bool(horizons.find(text, c.end, min(unit.end, c.end + 150)))
    if _search(r"not|n['’]t", text[c.start:c.end]) or _search(r"(?<![\p{L}])(?:no\s+one|nobody|nothing|none)\s+$", before, regex.I):
        return True  # "his name should not appear", "No one should be above the law"
    if v == "be":
        if _DEONTIC_BE.match(text, c.verb[1], unit.end):
            return True
        return not _SHOULD_BE.match(text, c.verb[1], unit.end)
    return v not in _SHOULD_OUTCOME


_RETROSPECT = keyed(regex.compile(r"(?<![\p{L}])at\s+the\s+time(?![\p{L}])|[,;]?\s+(?:and|which|as)\s+(?:it|they|he|she|that|this|so\s+it)\s+"
                         r"(?:duly\s+)?(?:did|was|were|had|has)\s*(?:[.,;!]|$)", regex.I), "time did was were had has".split())
_YOU = keyed(regex.compile(r"(?<![\p{L}])(?:you|your)(?![\p{L}])", regex.I), ("you", "your"))
_PAST_WORD = keyed(regex.compile(r"(?<![\p{L}])(?:was|were|had|did|said|told|ago|last|before|then)(?![\p{L}])", regex.I),
                   "was were had did said told ago last before then".split())


def _in_unit(text: str, unit: _Unit, rx: regex.Pattern) -> regex.Match | None:
    """``rx.search`` over the whole unit, run once per unit (the vetoes ask it once per cue); a keyed pattern
    (``keyed``) is not run at all when the document's key index shows none of its key words in the unit."""
    memo = unit.memo
    if rx not in memo:
        if rx in KEYED_PATTERNS:
            memo[rx] = keyed_search(rx, text, unit.start, unit.end, unit.keys)
        else:
            memo[rx] = rx.search(text, unit.start, unit.end)
    return memo[rx]


def _report_before(text: str, s: int, pos: int, keys: KeyIndex | None = None) -> regex.Match | None:
    """A reporting or expectation verb in the clause before ``pos`` (at most WINDOW characters back)."""
    for m in _report_verbs(text, max(s, pos - WINDOW), pos, keys):
        return m
    return None


_REPORT_KEYS = key_words(v.lower() for v in _HOLDER_VERBS)


def _report_verbs(text: str, lo: int, hi: int, keys: KeyIndex | None):
    """``_REPORT_BEFORE.finditer(text, lo, hi)``: a match is one whole letter run that is a holder verb (the
    pattern's look-arounds), so with the document's key index the pattern runs only at those runs."""
    starts = keys.starts(_REPORT_KEYS, lo, hi) if keys is not None else None
    if starts is None:
        yield from _REPORT_BEFORE.finditer(text, lo, hi)
        return
    for p in starts:
        m = _REPORT_BEFORE.match(text, p, hi)
        if m:
            yield m


_PAST_FORMS = frozenset("said told wrote forecast foresaw thought".split())
# words between a past reporting verb and the time that dates it: "told reporters in March", "said in a statement on"
_REPORT_GAP = regex.compile(r"(?:\s+(?!(?:that|it|he|she|they|we|i|would|will|could|might|may|to|was|were|had)\b)[\p{L}\-'’]+){0,4}\s+$",
                            regex.I)
_OPENING = regex.compile(r"[\s\"'“‘(]*(?:(?:But|And|Yet|So|Then|However|Meanwhile),?\s+)?$")


def _report_time(text: str, unit: _Unit, cues: list[_Cue], hz_all: list[horizons.Found], date: dt.date | None
                 ) -> tuple[horizons.Found, dt.date | None] | None:
    """A month or day that dates a past report rather than the claim, with the day it names: the time that opens
    the sentence before a past reporting verb ("In January, the coach said …") or follows one ("said in March
    that …", "told reporters on Tuesday"). Later times are then read from that day, not from the article's."""
    s = unit.start
    hi = max(c.end for c in cues)
    for m in _report_verbs(text, max(s, hi - WINDOW), hi, unit.keys):
        word = m.group().lower()
        if not (word.endswith("ed") or word in _PAST_FORMS) or _in_masked(m.start(), unit.masked):
            continue
        for f in hz_all:
            if f.end > hi:
                break
            after_verb = f.start >= m.end() and _REPORT_GAP.match(text, m.end(), f.start) is not None and \
                f.start - m.end() <= 60
            opening = f.end <= m.start() and _OPENING.match(text, s, f.start) is not None and f.start - s <= 40
            if after_verb or opening:
                if date is None:  # no article date: still the report's time, not the claim's
                    if horizons.report_date(f, dt.date(2000, 12, 31)) is not None:
                        return f, None
                    continue
                d = horizons.report_date(f, date)
                if d is not None:
                    return f, d
    return None


def _reported(text: str, unit: _Unit, c: _Cue) -> bool:
    """Is a ``would`` clause the content of reported speech or a quoted prediction?"""
    s, e = unit.start, unit.end
    if c.quote is not None:
        return not _in_unit(text, unit, _IF_PAST)
    if _report_before(text, s, c.start, unit.keys):
        return True
    # a trailing report is at most ~200 characters long: look for it only in the unit's last WINDOW characters
    return bool(keyed_search(_TRAILING_REPORT, text, max(c.end, e - WINDOW), e, unit.keys) or _in_unit(text, unit, _ACCORDING))


def _horizon_cue(text: str, unit: _Unit, hz: list[horizons.Found], date) -> _Cue | None:
    """A deadline ("by 2030") or a future-pointing time ("next week's vote") with no other cue, unless the unit
    has a past auxiliary ("was due by 2020"). The auxiliary is looked for only once a time has made a cue: the
    veto holds for the whole unit, so asking it last returns what asking it first did."""
    cue = _time_cue(text, unit, hz, date)
    if cue is None or _in_unit(text, unit, _PAST_AUX):
        return None
    return cue


def _time_cue(text: str, unit: _Unit, hz: list[horizons.Found], date) -> _Cue | None:
    """The first time of ``hz`` that makes a cue by itself (see _horizon_cue)."""
    s, e = unit.start, unit.end
    progressive = False  # the unit's progressive verb, searched on first need (None: it has none)
    for f in hz:
        t = f.text.lower()
        possessive = text[f.end:f.end + 2] in ("'s", "’s")
        dated = f.rule in ("hz.weekday", "hz.day_month", "hz.day_word") and t.startswith(("on", "this", "next", "from", "by", "until")) \
            and _match(r"(?i:on|this|next|from|by|until)\b", t)
        if not possessive and (dated or horizons.is_future_pointing(f)):
            if progressive is False:
                progressive = keyed_search(_PROGRESSIVE, text, s, e, unit.keys, sliced=True)
            if progressive and (0 <= f.start - (s + progressive.end()) <= 50 and "," not in text[s + progressive.end():f.start]
                                or 0 <= (s + progressive.start()) - f.end <= 40):
                return _Cue(_HORIZON_RULE, f.start, f.end, None, unit.quote)
        # a timetable in the simple present: "The trial begins on Monday", "Polls open at 7am on Thursday"
        window = text[max(s, f.start - 60):f.start]
        after = text[f.end:f.end + 12]
        habitual = _may_be_habitual(after) and _HABITUAL_AFTER.match(after)
        verbs = _scheduled_verbs(text, max(s, f.start - 60), f.start, unit.keys) if not possessive and not habitual and \
            f.rule in ("hz.weekday", "hz.day_month", "hz.month", "hz.day_word", "hz.season", "hz.year", "hz.month_year") else ()
        # no comma between the verb and the time: "The film, which opens in cinemas on Friday, stars …" is one
        if verbs and "," not in window[verbs[-1].end():] and not _past_verb_before(text, unit, f.start) \
                and _match(r"(?i:on|in|by|next|this|until|from|at|later|early|late|tomorrow|tonight)\b", t) \
                and (f.rule not in ("hz.year", "hz.month_year") or date is not None and t.startswith(("in ", "by ", "from "))):
            return _Cue(_SCHEDULED_RULE, f.start, f.end, None, unit.quote)
        if f.rule == "hz.vague" and _search(r"future|coming|ahead|to\s+come", t):
            return _Cue(_HORIZON_RULE, f.start, f.end, None, unit.quote)
        if f.rule == "hz.window" and not ("next" in t or "coming" in t or "following" in t):  # the literal search
            continue
        t = f.text.lower()
        deadline = t.startswith(("by ", "ahead of ")) and f.rule in ("hz.year", "hz.month_year", "hz.end_of")
        ahead = horizons.is_future_pointing(f) and (f.rule in ("hz.relative", "hz.window") or
                                                    f.rule in ("hz.weekday", "hz.month", "hz.season") and "next" in t)
        if deadline or ahead:
            if f.rule == "hz.relative" and _match(r"(?:this|current)\b", t.split(" ", 1)[-1] if t.startswith(
                    ("in ", "by ", "for ", "during ", "of ", "at ")) else t):
                continue
            q = unit.quote
            return _Cue(_HORIZON_RULE, f.start, f.end, None, q)
    return None


# a time said of every week or every evening: "on Mondays", "on Friday nights"
_HABITUAL_AFTER = regex.compile(r"s\b|\s+(?:mornings|afternoons|evenings|nights)\b")


def _may_be_habitual(after: str) -> bool:
    """Can _HABITUAL_AFTER match: does ``after`` open with "s" or hold "mornings", "afternoons", "evenings" or
    "nights"? (string tests; most times are followed by neither)"""
    return after[:1] == "s" or "nings" in after or "noons" in after or "nights" in after


_PROGRESSIVE = keyed(regex.compile(r"(?<![\p{L}])(?:is|are|am|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+)?(?!going\b)\p{Ll}{3,}ing(?![\p{L}])"),
                     ("is", "are", "am", "s", "re"))
# every match holds the first word of a verb as a whole letter run: the key set
_SCHEDULED = keyed(regex.compile(
    r"(?<![\p{L}'’\-])(?<!\b(?:to|a|an|the|his|her|its|their|our|this|that|first|last|official|state)\s)(?:\L<verbs>)(?![\p{L}'’\-])"
    r"(?![^.;]*\b(?:ago|last)\b)", verbs=load("scheduled_verbs")), {v.split()[0].lower() for v in load("scheduled_verbs")})


def _scheduled_verbs(text: str, lo: int, hi: int, keys: KeyIndex | None) -> list[regex.Match] | tuple:
    """The matches of _SCHEDULED in the slice ``text[lo:hi]``; none at once where the key index shows no verb."""
    if keys is not None and keys.absent(KEYED_PATTERNS[_SCHEDULED][0], lo, hi, sliced=True):
        return ()
    return list(_SCHEDULED.finditer(text[lo:hi]))
# a past main verb in the sentence: the time is the past event's, not a timetable
_PAST_VERB = regex.compile(r"(?<![\p{L}])(?:\p{Ll}{3,}ed|began|went|came|took|held|met|ran|said|made|saw|gave|got|left|told|found|"
                           r"became|brought|kept|led|won|lost|paid|sent|spent|stood|wrote|rose|fell|grew|knew|chose|drove|flew|"
                           r"spoke|broke|began|sold|bought|struck|hit|fought|threw|caught|taught|felt)(?![\p{L}])")


def _past_verb_before(text: str, unit: _Unit, pos: int) -> bool:
    m = _in_unit(text, unit, _PAST_VERB)  # the first past verb of the unit: is it before ``pos``?
    return m is not None and m.end() <= pos


_SCHEDULED_RULE = CueRule(
    "claim.scheduled_present", regex.compile(r"(?!)"), "a timetable in the simple present with a date",
    "plan", 0.55, "report", ("The trial begins on Monday.", "Voters go to the polls next Thursday."),
    ("The trial began on Monday.", "He wants to visit on Monday."))
_HORIZON_RULE = CueRule(
    "claim.horizon", regex.compile(r"(?!)"), "a deadline or a future-pointing time expression alone",
    "plan", 0.5, "report", ("Emissions fall to zero by 2050.",), ("Emissions fell last year.",))


# cues whose time may sit in the subject or an opening adverbial: "A rate cut in September looks likely",
# "In March the company will open a store"
_PREDICATE_TIME = frozenset({"claim.modal_will", "claim.going_to", "claim.be_to", "claim.be_likely", "claim.be_adj_to",
                             "claim.be_scheduled", "claim.weak_modal", "claim.imminent"})


def _pick_horizon(hz: list[horizons.Found], cue: _Cue, text: str, unit: _Unit | None = None) -> horizons.Found | None:
    if not hz:
        return None
    after = [f for f in hz if f.start >= cue.start]
    if after:
        return min(after, key=lambda f: f.start - cue.end)
    # before the cue only a time that points ahead ("by the end of March the firm hopes to"); "On Tuesday, X
    # pledged" dates the report, not the claim
    before = [f for f in hz if horizons.is_future_pointing(f) or _match(r"(?i:by|within|before|until)\b", f.text)]
    if before:
        return max(before, key=lambda f: f.end)
    if cue.rule.id in _PREDICATE_TIME and unit is not None:
        # the clause's own time before a predicate: an opening adverbial ("In March, the firm will …") or a time in
        # the subject ("A rate cut in September looks likely"), with no verb, report, relative clause or quotation
        # between the sentence start and the cue
        s = unit.start
        head = text[s:cue.start]
        if _search(r"[;\"“”]|(?<![\p{L}])that(?![\p{L}])", head) or _report_before(text, s, cue.start, unit.keys) \
                or _PAST_VERB.search(text, s, cue.start):
            return None
        for f in sorted(hz, key=lambda f: -f.end):
            gap = text[f.end:cue.start]
            opening = _OPENING.match(text, s, f.start) is not None
            if len(gap) <= 80 and text[f.end:f.end + 2] not in ("'s", "’s") and (
                    "," not in head or opening and "," not in gap.lstrip()[1:] or _search(r",\s+which\b", head)):
                return f
    return None


# --- type ----------------------------------------------------------------------------------------------

_WARN_WORDS = regex.compile(r"(?<![\p{L}])(?:warn\w*|threat\w*|risk\w*|danger\w*|fear\w*|crisis|collapse|catastroph\w*)(?![\p{L}])",
                            regex.I)
# every match opens a letter run (after a non-letter) with one of these, in any case
_WARN_PREFIXES = ("warn", "threat", "risk", "danger", "fear", "crisis", "collapse", "catastroph")


_NEGATIVE = keyed(regex.compile(r"(?<![\p{L}])(?:\L<neg>)(?![\p{L}])", regex.I, neg=load("negative_outcomes")),
                  (_LETTERS.match(n).group().lower() for n in load("negative_outcomes")))  # first words
_SUBJECT_SPLIT = regex.compile(r"[,;:()\[\]\"“”]")
# an alarm noun whose complement holds the claim: "amid concerns that costs will hit profits"
_ALARM_THAT = keyed(regex.compile(r"(?<![\p{L}])(?:concerns?|worr(?:y|ies)|anxiet(?:y|ies)|alarm)\s+(?:\p{Ll}+\s+){0,2}?that\s", regex.I),
                    ("concern", "concerns", "worry", "worries", "anxiety", "anxieties", "alarm"))
# a harm that lasts or spreads: "the violence will continue", "the problem will not go away"
_PERSISTS = regex.compile(r"(?:\s+(?:\p{Ll}+ly|also|still|only))*\s+(?:continue|persist|linger|spread|deepen|escalate|intensify|"
                          r"get\s+worse|grow|remain)\b")
_NOT_ENDS = regex.compile(r"(?:\s+(?:\p{Ll}+ly|simply|just))*\s+(?:disappear|go\s+away|end|ease|stop|improve|abate)\b")
_SCHEDULED_AFTER = regex.compile(r"(?:\s+(?:also|now|not))?\s+(?:\L<sched>)\b", sched=load("scheduled_verbs"))
_HEDGE = keyed(regex.compile(r"(?<![\p{L}])(?:probably|possibly|perhaps|maybe|conceivably|arguably)(?![\p{L}])", regex.I),
              ("probably", "possibly", "perhaps", "maybe", "conceivably", "arguably"))


def _type(text: str, unit: _Unit, cue: _Cue, kind: str, holder: Mention | None) -> str:
    word = text[cue.start:cue.end].lower()
    rid = cue.rule.id
    if rid == "claim.expect_subject":
        return EXPECT_TYPE.get(word, "prediction")
    if not (unit.keys is not None and unit.keys.absent_prefix(_WARN_PREFIXES, unit.start, cue.start)) and \
            _WARN_WORDS.search(text, unit.start, cue.start):
        return "warning"
    if keyed_search(_ALARM_THAT, text, max(unit.start, cue.start - 300), cue.start, unit.keys) or _harm_persists(text, unit, cue):
        return "warning"
    if cue.quote is not None and cue.quote.cue is not None and _WARN_WORDS.match(cue.quote.cue.text):
        return "warning"  # “…,” she warned.
    m = _trailing_forecast(text, unit) if cue.quote is None else None
    if m and m.start() >= cue.end and m.group("v").lower().startswith(("warn", "caution", "fear")):
        return "warning"  # "The council could face legal action, campaigners warned."
    if rid == "claim.intent_verb" and _WARN_WORDS.search(word):
        return "warning"  # "Union leaders have threatened to strike"
    if rid == "claim.be_scheduled" and "expected" in word and not _match(r"\s+(?:in|at)\s+(?:the\s+)?\p{Lu}", text,
                                                                         pos=cue.end, endpos=unit.end):
        return "prediction"  # "A decision is expected by the end of the month"; "is expected in Washington" is a visit
    if rid in ("claim.intent_verb", "claim.intent_noun", "claim.progressive_intent", "claim.be_to", "claim.be_scheduled",
               "claim.scheduled_present", "claim.promise_object", "claim.chosen_to"):
        return "plan"
    if rid == "claim.be_adj_to" and _search(r"(?:scheduled|slated|due|planned|on\s+track|on\s+course)", word):
        return "plan"
    if rid == "claim.be_adj_to" and _match(r"(?:is|are|['’]s|['’]re)\s+(?:now\s+|also\s+)?set\s+to$", word) and _match(
            r"\s+(?:start|begin|open|launch|close|resume|reopen|debut|premiere|kick\s+off|get\s+under\s+way|take\s+effect)\b",
            text, pos=cue.end, endpos=unit.end):
        return "plan"  # "Construction is set to start in the spring": a timetable ("looks set to go" stays a prediction)
        return "plan"
    if kind == "agent":
        return "plan"
    after = text[cue.end:unit.end]
    if rid in ("claim.modal_will", "claim.modal_would") and (
            _be_next(unit, cue.end) and _match(r"(?:\s+(?:also|now|not|then))?\s+be\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|ne|ld|ng)\b(?!\s+(?:to|that|by\s+the\s+\p{Ll}+ing))", after)
            or _SCHEDULED_AFTER.match(after)):
        # "will be held", "will be created", "will begin": an arrangement someone has made
        if not keyed_search(_NEGATIVE, text, cue.start, unit.end, unit.keys):
            return "plan"
    if rid in ("claim.modal_would", "claim.modal_will") and kind == "report" and _reported_actor(text, unit, cue):
        # "the Conservatives insisted they would hold …", "The firm said it would cut 2,000 jobs": a reported intention
        if not keyed_search(_NEGATIVE, text, cue.start, unit.end, unit.keys):
            return "plan"
    if cue.quote is not None and rid in ("claim.modal_will", "claim.going_to"):
        subj = text[max(unit.start, cue.start - 12):cue.start].lower().split()
        if subj and subj[-1].strip("’'") in ("we", "i", "we'll", "i'll"):
            return "plan"
        last4 = text[max(unit.start, cue.start - 4):cue.start].lower()
        if ("i" in last4 or "we" in last4) and _search(r"(?:^|\s)(?:we|i)\s*$|(?:we|i)$", last4):
            return "plan"
    if keyed_search(_NEGATIVE, text, cue.start, unit.end, unit.keys):
        return "warning"  # a harmful outcome: "concerns that costs will hit profits"
    return cue.rule.type


def _be_next(unit: _Unit, pos: int) -> bool:
    """Can "be" come next after ``pos`` ("will be held", "would now be")? False only when the key index shows the
    next word is neither "be" nor also/now/not/then before "be"."""
    keys = unit.keys
    if keys is None or keys.odd:
        return True
    starts, _, lows = keys.words
    j = bisect.bisect_left(starts, pos)
    if j < len(lows) and lows[j] == "be" or j + 1 < len(lows) and lows[j] in ("also", "now", "not", "then") and lows[j + 1] == "be":
        return True
    return j > 0 and starts[j - 1] + len(keys.words.words[j - 1]) > pos  # a word cut at pos: let the pattern decide


def _harm_persists(text: str, unit: _Unit, cue: _Cue) -> bool:
    """A harmful subject that will last: "the exploitation of workers will continue", "the problem won't go away"."""
    if cue.rule.id not in ("claim.modal_will", "claim.going_to", "claim.weak_modal", "claim.be_adj_to"):
        return False
    lo = max(unit.start, cue.start - 80)
    if unit.keys is not None and any(unit.keys.absent(k, lo, cue.start, sliced=True) for k in KEYED_PATTERNS[_NEGATIVE]):
        return False  # no harm word in the stretch, so none in its last clause (which starts after a non-letter)
    subject = _SUBJECT_SPLIT.split(text[lo:cue.start])[-1]
    if not keyed_search(_NEGATIVE, text, cue.start - len(subject), cue.start, unit.keys, sliced=True):
        return False
    after = text[cue.end:min(unit.end, cue.end + 40)]
    not_after = _match(r"\s+not\b", after)
    if not_after or _search(r"not|n['’]t", text[cue.start:cue.end]):
        return bool(_NOT_ENDS.match(after[not_after.end():] if not_after else after))
    return bool(_PERSISTS.match(after))


_ACTOR_BEFORE = regex.compile(r"(?<![\p{L}])(?:he|she|they|we|i|it|(?:the|its|their)\s+(?:\p{Ll}+\s+)?(?P<noun>\p{Ll}+))\s+"
                              r"(?:\p{Ll}+ly\s+|also\s+|still\s+|now\s+)?$", regex.I)


def _reported_actor(text: str, unit: _Unit, cue: _Cue) -> bool:
    """Is the subject of a reported would/will someone who acts: a pronoun or an organisation noun ("the firm"),
    with a verb of action ("would cut", not "would be")?"""
    m = _ACTOR_BEFORE.search(text, max(unit.start, cue.start - 40), cue.start)
    if not m:
        return False
    if m.group().split()[0].lower() == "it" or m.start("noun") >= 0:
        from .holders import _MORE_AGENTS, _NON_AGENT_VERBS
        verb = text[cue.verb[0]:cue.verb[1]].lower() if cue.verb else ""
        noun = m.group("noun").lower() if m.start("noun") >= 0 else None
        if verb in _NON_AGENT_VERBS or noun is not None and noun not in _AGENT_NOUNS | _MORE_AGENTS and noun.rstrip("s") not in _AGENT_NOUNS | _MORE_AGENTS:
            return False
    return True
