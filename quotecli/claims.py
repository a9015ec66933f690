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
    claim.expect_subject  Analysts expect / the IMF projects      "Analysts expect a cut."
    claim.modal_would     would (stronger when reported)           "She said prices would rise."
    claim.weak_modal      could / may / might + a future outcome  "Prices could rise next year."
    claim.horizon         a deadline or a future-pointing time    "Emissions fall to zero by 2050."

and none of the vetoes (questions, ``would have``/``could have``, ``had expected``, habitual statements with
only a hedged modal, horizons that have already passed by the article date, safe-harbor boilerplate).

The holder is the speaker of the quotation the cue sits in; else the subject of an expectation or intention
verb (``Analysts expect``); else the named agent of ``will`` (a plan); else whoever the sentence reports
(``X said that …``, ``…, X said.``, ``according to X``); else null, the writer's own voice.
"""
from __future__ import annotations

import bisect

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

from . import horizons
from .lexicons import load
from .models import Claim, Horizon, Mention, Quote, Span
from .text import TIMEOUT

__all__ = ["CueRule", "CUE_RULES", "find_claims", "find_boilerplate"]

_L = dict(
    modals=sorted(load("future_modals"), key=len, reverse=True),
    weak=sorted(load("future_modals_weak"), key=len, reverse=True),
    adjs=sorted(load("future_adjectives"), key=len, reverse=True),
    intents=sorted(load("future_intent_verbs"), key=len, reverse=True),
    expects=sorted((line.split("\t")[0] for line in load("future_expect_verbs")), key=len, reverse=True),
    reports=sorted(load("report_verbs"), key=len, reverse=True),
)
EXPECT_TYPE = dict(line.split("\t") for line in load("future_expect_verbs"))
_HOLDER_VERBS = sorted(set(_L["reports"]) | set(_L["expects"]) | set(_L["intents"]) |
                       {"pledged", "promised", "vowed", "warned", "predicted", "hoped", "wanted", "urged"},
                       key=len, reverse=True)

_ADV = r"(?:no\s+longer|most|more|very|highly|quite|almost|pretty|not|never|also|still|now|then|soon|only|just|even|already|both|all|further|probably|certainly|definitely|" \
       r"likely|possibly|perhaps|eventually|ultimately|really|actually|quickly|easily|n['’]t|" \
       r"(?!(?:supply|apply|rely|reply|fly|multiply|comply|imply|ally|rally|tally|bully|belly|jelly)\b)\p{Ll}{2,}ly)"
_VERB = r"(?P<verb>\p{L}[\p{L}\-]*)"
_DETS = frozenset("the a an this that these those his her its their our my your some any no every each".split())
_NOT_VERB = _DETS | frozenset("to of in on at for with and or but than as be you i he she we they it".split()) - {"be"}
_PERFECT_PARTICIPLE = regex.compile(r"\s+have\s+(?:\p{Ll}+ly\s+)?(?:been\s+)?\p{Ll}+(?:ed|en|wn|ne|un|ght|id|ft|lt|pt|ept|ode|ung|ook|ew|ade|ost)\b")


@dataclass(frozen=True, slots=True)
class CueRule:
    """A future cue: id, compiled pattern (group ``cue``; ``verb`` for the word it governs), default type,
    strength (the confidence it gives), how the holder is found, and examples tests run."""

    id: str
    pattern: regex.Pattern
    description: str
    type: str
    strength: float
    holder: str  # "subject": the verb's subject holds it | "agent": a named subject of will | "report": who reports it
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


def _rx(p: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(p, flags | regex.X | regex.V0, ignore_unused=True, **_L)


CUE_RULES: tuple[CueRule, ...] = (
    CueRule("claim.modal_will",
            _rx(rf"""(?<!(?:\b(?:the|a|his|her|their|its|our|your|my|political|free|good|ill|own|popular|at|of|against|with|whose)|['’]s)\s)
                 (?P<cue>(?<![\p{{L}}])(?:will|Will|WILL|shall|[Ww]on['’]t|WON['’]T|wo(?=n['’]t)|shan['’]t)(?:\s+not)?
                     |(?<=\p{{L}})['’]ll)
                 (?:\s+{_ADV})*\s+{_VERB}"""),
            "will, won't, 'll, shall + a verb", "prediction", 0.9, "agent",
            ("The plant will close in March.", "We’ll move quickly.", "It won't happen."),
            ("It was the will of the people.", "Will Smith spoke.", "He has free will to choose.")),
    CueRule("claim.going_to",
            _rx(rf"""(?P<cue>(?:(?<![\p{{L}}])(?:am|is|are|be|being|not|isn['’]t|aren['’]t)|(?<=\p{{L}})['’](?:s|re|m))\s+(?:{_ADV}\s+){{0,2}}going\s+to)\s+{_VERB}
                 |(?P<cue>(?<![\p{{L}}])gonna)\s+{_VERB}"""),
            "is/are going to + a verb", "prediction", 0.85, "agent",
            ("We are going to appeal.", "Prices are not going to fall."),
            ("She is going to the cinema.", "He was going to resign.")),
    CueRule("claim.be_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|am)\s+(?:not\s+|also\s+|now\s+|still\s+)?to)\s+(?!blame\b|be\s+found\b){_VERB}"""),
            "is/are to + a verb: an arrangement", "plan", 0.85, "agent",
            ("The Tories are to back the bill.", "The minister is to resign."),
            ("The ministry is to blame.", "The aim was to win.")),
    CueRule("claim.be_adj_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|am|be|being|['’]s|['’]re|remains?|looks?|seems?|appears?|was|were)\s+
                     (?:{_ADV}\s+){{0,2}}(?:\L<adjs>)\s+(?:to|for))(?:\s+{_VERB})?"""),
            "is expected / likely / set / due / poised / about / on track to", "prediction", 0.8, "report",
            ("Rates are expected to rise.", "The deal is due to complete in March.", "The US looks set for a boost."),
            ("He was expected to win.", "The pasta is ready to serve.")),
    CueRule("claim.be_scheduled",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:is|are|be)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|planned|slated|set)
                     (?=\s+(?:in|on|by|next|this|later|early|before|at|within|from)\s))"""),
            "is expected / due / planned + a time", "plan", 0.75, "report",
            ("The report is due next week.", "The baby is expected in April."),
            ("The report was due last week.",)),
    CueRule("claim.intent_verb",
            _rx(rf"""(?<!\b(?i:had|had\s+been|had\s+also|a|the|its|his|her|their|our|new|no)\s)
                 (?P<cue>(?<![\p{{L}}])(?:(?:is|are|am|['’]s|['’]re|has\s+been|have\s+been)\s+(?:(?:said|believed|thought|understood|reported)\s+to\s+be\s+)?(?:\p{{Ll}}+ly\s+|also\s+|still\s+|now\s+)?
                     (?:working|trying|attempting|striving|preparing|seeking|aiming|hoping|planning|looking)(?:\s+hard)?
                   |(?!(?:working|trying|attempting|striving|preparing|looking)\b)\L<intents>(?:\s+(?:itself|themselves|himself|herself|ourselves|myself))?)
                 \s+to)\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|date\b){_VERB}"""),
            "plans / aims / intends / hopes / seeks / wants / pledged / promised to + a verb", "plan", 0.8, "subject",
            ("Air China plans to raise $1bn.", "They have pledged to cut taxes.", "The LSE is working hard to woo firms."),
            ("He had planned to retire.", "The plan to build it failed.", "She went back to work.")),
    CueRule("claim.reduced_adj_to",
            _rx(rf"""(?<=\p{{Ll}}\s)(?<!\b(?i:they|we|he|she|it|i|you|who|which|that)\s)(?P<cue>(?:set|due|scheduled|slated|poised)\s+to)\s+{_VERB}"""),
            "a noun + set / due / scheduled to (a reduced relative: 'candidates set to stand')", "prediction", 0.65, "report",
            ("The candidates set to stand in May are mostly women.",), ("They set to work at once.",)),
    CueRule("claim.chosen_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:has|have)\s+been\s+(?:\p{{Ll}}+ly\s+)?(?:chosen|selected|picked|appointed|named|nominated|tapped|asked|invited|cleared|approved)\s+to)\s+{_VERB}"""),
            "has been chosen / appointed / invited to + a verb: a role still to come", "plan", 0.7, "report",
            ("The comedian has been chosen to host the awards.",), ("He was asked to leave.",)),
    CueRule("claim.promise_object",
            _rx(r"""(?<!\b(?i:had|a|the|its|his|her|their|our|new|no)\s)(?P<cue>(?<![\p{L}])(?:pledged|promised|pledges|promises|pledging|promising|vowed|vows))
                 (?=\s+(?:\p{Sc}|\d|an?\s|more\s|further\s|new\s|to\s+(?!be\b)|that\s))"""),
            "pledged / promised + what is promised ('pledged $750m', 'promised that …')", "plan", 0.6, "subject",
            ("Mr Gates pledged $750m to the cause.", "The party promised a referendum."),
            ("He kept the promise.",)),
    CueRule("claim.progressive_intent",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:is|are|am|['’]s|['’]re)\s+(?:still\s+|also\s+|now\s+)?(?:considering|weighing|mulling|exploring|pledging|promising|proposing|planning|preparing))(?=\s)"""),
            "is considering / weighing / pledging / planning a course of action", "plan", 0.65, "subject",
            ("The board is considering a sale.", "The party is pledging a pension guarantee."),
            ("The board was considering a sale.",)),
    CueRule("claim.intent_noun",
            _rx(rf"""(?P<cue>(?:(?<![\p{{L}}])(?:has|have)\s+(?:\p{{Ll}}+\s+)?plans\s+to
                     |(?:(?<![\p{{L}}])(?i:its|his|her|their|our)|['’]s)\s+(?:\p{{Ll}}+\s+)?(?:decision|intention|wish|plans?|pledge|promise|commitment|bid|ambition|goal|aim|target)\s+(?:to|of)))
                 \s+{_VERB}"""),
            "has plans to / its decision to / its intention of", "plan", 0.6, "subject",
            ("The firm has plans to expand.", "Its decision to raise prices came as a shock."),
            ("The plans to expand were dropped in 2003 and they had plans.",)),
    CueRule("claim.expect_subject",
            _rx(r"""(?<!\b(?:had|had\s+been|have\s+been|has\s+been|is|are|was|were|be|been|being|the|a|an|its|his|her|their|our|and)\s)
                 (?P<cue>(?<![\p{L}\-])(?:\L<expects>))(?![\p{L}\-])
                 (?=\s+(?!(?:in|on|at|for|from|with|by|to|and|or|but|as|is|are|was|were)\b)[\p{L}\d])"""),
            "Analysts expect / the IMF projects / the Fed warns …: the subject holds it", "prediction", 0.8, "subject",
            ("Analysts expect a cut next month.", "The IMF projects growth of 3%.", "Fed warns of more rate rises"),
            ("Growth was expected.", "The forecast was wrong.", "He had expected more.")),
    CueRule("claim.modal_would",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:would|['’]d)(?:\s+not)?)(?:\s+{_ADV})*\s+(?!have\b){_VERB}"""),
            "would + a verb: reported future (said ... would) or a conditional outcome", "prediction", 0.5, "report",
            ("She said prices would rise.",), ("Rates would have stayed higher.",)),
    CueRule("claim.weak_modal",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:could|might|may|Could|Might|COULD|MIGHT)(?:\s+not)?)(?:\s+{_ADV})*\s+(?!have\b|Have\b){_VERB}"""),
            "could / may / might + a future outcome", "prediction", 0.55, "report",
            ("Prices could rise next year.",), ("Prices could have risen.",)),
)

_RULE = {r.id: r for r in CUE_RULES}

# --- sentence-level vetoes ---------------------------------------------------------------------------

_PERFORMATIVE = regex.compile(
    r"(?<![\p{L}])(?:I|we|We)\s+(?:also\s+)?(?:wish|want|would\s+(?:also\s+)?like|should\s+(?:also\s+)?like|['’]d\s+like)"
    r"\s+(?:also\s+|first\s+|now\s+|briefly\s+|once\s+again\s+)?to\s+(?:\L<perf>)(?![\p{L}])",
    perf=load("performative_verbs"))
_NOMINAL = regex.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ings)$", regex.I)
_VERBS_LIKE_NOUNS = frozenset("""implement complement supplement document comment augment cement experiment torment ferment
    lament segment compliment commence condense sentence license licence balance enhance finance advance announce
    influence reinforce evidence reference experience""".split())
_NOT_INFINITIVE = frozenset("""hard high low strong weak poor good bad great large small heavy rising falling increased reduced lack
    lower higher better worse other its their his her our your my this that these those some any all each such many much""".split())
_PAST_AUX = regex.compile(r"(?<![\p{L}])(?:was|were|had|did|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|tried|wanted|hoped|seemed)(?![\p{L}])",
                          regex.I)
# words before a plan/promise noun: "Obama's latest plan to", "Trump's fire-breathing vows to"
_NOUN_BEFORE = regex.compile(r"(?:['’]s\s+(?:[\p{Ll}\-]+\s+)?|(?<![\p{L}])(?:\p{Ll}+est|new|old|original|secret|ambitious|controversial|"
                             r"former|initial|current|bold|grand|master|long-term|five-year|ten-year|immediate|any|further|future|"
                             r"concrete|detailed|specific|no|own|such|these|those|make|made|making|announce|unveil|unveiled)\s+)$")
_QUESTION = regex.compile(r"\?[\"'”’»)\]]*\s*$")
_HABITUAL = regex.compile(r"(?<![\p{L}])(?:traditionally|usually|typically|normally|generally|customarily|routinely|"
                          r"often|always|sometimes|tends?\s+to|used\s+to|every\s+now\s+and\s+then|every\s+(?:year|week|day|month)|each\s+(?:year|week))(?![\p{L}])",
                          regex.I)
_IF_PAST = regex.compile(r"(?<![\p{L}])(?:if|unless|even\s+if|as\s+if)\s+(?:\p{L}+\s+){1,6}?(?:had|were|was|did|thought|knew|could)\b",
                         regex.I)
_REPORT_BEFORE = _rx(r"(?<![\p{L}])(?:\L<holders>)(?![\p{L}])".replace("\\L<holders>", "|".join(
    regex.escape(v) for v in _HOLDER_VERBS)), regex.I)
_TRAILING_REPORT = regex.compile(
    r"""[,;]\s*(?:(?P<sp>[^,;"“”]{2,80}?)\s+(?:also\s+)?(?:said|says|say|told\s+[^,.]{1,40}|added|argued|argues|warned|warns|
        believes|believe|predicted|predicts|forecast|forecasts|claimed|claims|reckons|insisted|insists|has\s+said|have\s+said|
        announced|confirmed|estimated|estimates)(?:\s+(?:on|in|at|last|this)\s+[^,.]{1,30})?
       |(?:said|says)\s+(?P<sp>[^,;"“”]{2,80}?)(?:,\s*[^.]{1,80})?)\s*[.!]?[\"'”’]?\s*$""",
    regex.X)
_ACCORDING = regex.compile(r"(?<![\p{L}])[Aa]ccording\s+to\s+(?P<sp>(?:the\s+)?[^,.;]{2,60}?)(?=\s*[,.;]|\s*$)")
_BOILER_START = regex.compile(
    r"(?:forward[-\s]looking\s+statements?|safe[-\s]harbou?r)", regex.I)
_BOILER_CONFIRM = regex.compile(
    r"(?:risks?\s+and\s+uncertaint|uncertaint|actual\s+results|undue\s+reliance|no\s+obligation\s+to\s+update|"
    r"Private\s+Securities\s+Litigation\s+Reform\s+Act|materially\s+different|differ\s+materially)", regex.I)

_SKIP_SUBJECT = frozenset("""has have had is are am was were be been being also now still already widely reportedly all
    did does do not n't later earlier first again then once
    will would not never only just further recently previously once generally largely increasingly privately publicly firmly
    voluntarily then too itself themselves himself herself 'd ’d""".split())
_BOUNDARY = frozenset("""that which who whom whose said says say told because as if when while after before since although though
    so than whether where but and or nor to for""".split())
_LEAD_PREP = regex.compile(r"^(?:(?:In|On|At|During|After|Before|Since|Under|Despite|Following|For|With|Amid|Unlike|Like|As|"
                           r"By|From|Through|Over|Having|Marking)\s+[^,]{0,60}?\s+)(?=\p{Lu})")
_LEAD_CONJ = regex.compile(r"^(?:But|And|So|However|Meanwhile|Now|Yet|Still|Also|Even|Instead|Thus|Therefore|Indeed|Both)\s+")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_TOKEN = regex.compile(r"\S+")


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
        if any(bs <= s < be for bs, be in boiler):
            continue
        if not index.any_in(s, e):
            continue
        for unit in _units(text, s, e, index.quotes_in(s, e)):
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
        for a, b in self._blocks(doc):
            for rule in CUE_RULES:
                for m in rule.pattern.finditer(text, a, b, overlapped=True, timeout=TIMEOUT):
                    if m.start("cue") >= 0:
                        self.cues.append((m.start("cue"), rule, m))
            self.hz.extend(horizons.find(text, a, b))
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
    out = []
    for ps, pe in doc.paragraphs:
        para = text[ps:pe]
        if _BOILER_START.search(para, timeout=TIMEOUT) and _BOILER_CONFIRM.search(para, timeout=TIMEOUT):
            out.append((ps, pe))
    return out


# --- units: the sentence, or its part inside one quotation --------------------------------------------

@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    quote: Quote | None           # the quotation the unit lies inside (direct), or None
    masked: list[tuple[int, int]]  # stretches of other units (direct quotations) to ignore


def _overlapping(quotes, s: int, e: int) -> list:
    """Quotations overlapping [s, e), found by bisection (quotes are in text order) so that an article
    with thousands of quotations costs n log n, not n squared."""
    j = bisect.bisect_left(quotes, e, key=lambda q: q.start) - 1
    out = []
    extra = 0
    while j >= 0 and extra < 4:  # a containing quotation and its nested ones start a few records back
        q = quotes[j]
        if q.start < s:
            extra += 1
        if q.end > s:
            out.append(q)
        j -= 1
    out.reverse()
    return out


def _units(text: str, s: int, e: int, quotes) -> list[_Unit]:
    inside = _overlapping(quotes, s, e)
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
        units.append(_Unit(a, b, q, []))
        masked.append((max(s, q.start), min(e, q.end)))
    outside = e - s - sum(b - a for a, b in masked)
    if outside > 0:
        units.insert(0, _Unit(s, e, None, masked))
    return units


def _headline_end(doc) -> int:
    """End of the leading short paragraphs without final punctuation (headline, standfirst, furniture)."""
    text = doc.text
    end = 0
    for ps, pe in doc.paragraphs[:8]:
        para = text[ps:pe]
        if regex.search(r"[.!?…][\"'”’)]?$", para) and len(para.split()) > 6:
            break
        end = pe
    return end


# --- one claim -----------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Cue:
    rule: CueRule
    start: int
    end: int
    verb: tuple[int, int] | None
    quote: Quote | None


def _claim(text: str, unit: _Unit, resolver, date, index: "_Index", headline: bool, n: int) -> Claim | None:
    s, e = unit.start, unit.end
    sent = text[s:e]
    if _QUESTION.search(sent):
        return None
    if headline and not regex.search(r"[.!?…][\"'”’)]?$", sent) and len(sent.split()) < 3:
        return None
    cues = _cues(text, unit, index)
    hz_all = [f for f in index.horizons_in(s, e) if not _in_masked(f.start, unit.masked)]
    cues = [c for c in cues if not _vetoed(text, unit, c, bool(hz_all))]
    hz_future = [f for f in hz_all if not horizons.is_past(horizons.value(f, date), date)]
    if not cues:
        cue = _horizon_cue(text, unit, hz_future, date)
        if cue is None:
            return None
        cues = [cue]
    if headline and not regex.search(r"[.!?…][\"'”’)]?$", sent):
        cues = [c for c in cues if c.rule.strength >= 0.8]
        if not cues:
            return None
    cue = max(cues, key=lambda c: (c.rule.strength, -c.start))
    # a horizon that has already passed by the article date makes it a past forecast
    if date is not None and hz_all and not hz_future:
        near = min(hz_all, key=lambda f: abs(f.start - cue.end))
        if abs(near.start - cue.end) < 80:
            return None
    hz = _pick_horizon(hz_future, cue)
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
    horizon = None
    if hz is not None:
        horizon = Horizon(text[hz.start:hz.end], hz.start, hz.end, horizons.value(hz, date))
    rule_id = cue.rule.id
    return Claim(f"c{n}", sent, s, e, ctype, Span(text[cue.start:cue.end], cue.start, cue.end), holder, horizon,
                 quote_id, max(0.05, min(0.99, conf)), rule_id)


def _in_masked(pos: int, masked: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in masked)


def _quote_at(quotes, pos: int) -> Quote | None:
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


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
    if _PERFORMATIVE.search(text, max(s, c.start - 30), min(e, c.end + 40)):
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
    sent_before = text[s:c.start]
    # counterfactual / past possibility: would have gone, could have been
    if rid in ("claim.modal_would", "claim.weak_modal", "claim.modal_will") and _PERFECT_PARTICIPLE.match(
            text, c.end, min(e, c.end + 40)) and rid != "claim.modal_will":
        return True
    if rid == "claim.weak_modal":
        sent = text[s:e]
        # permission, as in terms of service: "You may cancel at any time", "We may suspend your access"
        if cue_words.startswith("may") and regex.search(r"(?<![\p{L}])(?:you|we)\s+(?:\p{Ll}+ly\s+)?$", before, regex.I) and regex.search(
                r"(?<![\p{L}])(?:you|your)(?![\p{L}])", sent, regex.I):
            return True
        if _IF_PAST.search(text, s, c.start):
            return True
        if _HABITUAL.search(sent):
            return True
        # "could" reporting a past ability: "he could not attend", "they could see"
        if cue_words in ("could not", "couldn't", "couldn’t") and (regex.search(
                r"(?<![\p{L}])(?:was|were|had|did|said|told|ago|last|before|then)(?![\p{L}])", text[s:e], regex.I)):
            return True
        # present speculation: "could be significant", "might be necessary" (a passive "could be delayed" stays)
        if verb.lower() == "be" and not has_horizon and cue_words.split()[0] in ("could", "might") and not regex.match(
                r"\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|en|wn|ne)|able|forced|hit|cut|set|put|made|held|paid|sold|built|lost|left|shut|done|taken|given)\b",
                text[c.verb[1]:e]):
            return True
        if c.verb and text[c.verb[0]:c.verb[1]].lower() in ("be",) and regex.match(
                r"\s+(?:\p{Ll}+ly\s+)?(?:possible|worth|true|right|wrong|better|a\b|the\b|an\b|in\b|that\b)", text[c.verb[1]:e]):
            return True
    if rid == "claim.modal_would":
        if _HABITUAL.search(text, s, e):
            return True
        # "like a human would do", "than it would"
        if regex.search(r"(?<![\p{L}])(?:like|than|as)\s+(?:\p{L}+\s+){0,3}$", text[max(s, c.start - 30):c.start]):
            return True
        if c.quote is None and not _reported(text, unit, c) and _PAST_AUX.search(text, s, e):
            return True
        m_if = _IF_PAST.search(text, s, c.start)
        if m_if and not _REPORT_BEFORE.search(text, s, m_if.start()):
            return True
    if rid == "claim.expect_subject":
        word = cue_words
        # an infinitive or a gerund is no finite expectation: "the ability to predict", "predicting … is hard"
        if regex.search(r"(?<![\p{L}])(?<!(?:start|starting|started|begin|beginning|began|continue|continuing|continued)\s)to\s+$", before) or word.endswith("ing") and not regex.search(
                r"(?:(?<![\p{L}])(?:is|are|am|were|was|be|been)|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+|also\s+|still\s+|now\s+)?$|(?<![\p{L}])with\s+(?:\S+\s+){1,4}$",
                before, regex.I):
            return True
        if regex.match(r"\s+(?:better|worse|nothing|little)\b|\s*[.,;:!?]|\s*$", text[c.end:e]):
            return True
        if word in ("project", "projects", "forecast", "forecasts"):
            # a verb after its subject ("The IMF projects", "analysts forecast"), not a noun ("manage projects")
            prev = before.split()[-1] if before.split() else ""
            from .names import SOURCE_NOUNS
            subj_like = (prev[:1].isupper() or prev.lower() in _PRONOUNS or prev.lower().rstrip("s") in SOURCE_NOUNS
                         or prev.lower() in SOURCE_NOUNS or prev.lower() in _AGENT_NOUNS)
            if not subj_like or regex.match(r"\s+(?:of|in|on|for|at|with|and|or|to|like|such|is|are|was|were)\b", text[c.end:e]):
                return True
        # an attribution after a quotation: “…,” predicted Rep. Smith
        if regex.search(r"[\"”’'»][\s,]*$", text[max(s, c.start - 4):c.start]) or _in_masked(c.start - 3, unit.masked):
            return True
        # past forms report a past expectation: only with a future complement ("warned that … would")
        if word.endswith("ed") or word == "forecast" and regex.search(r"\b(?:was|were|had)\b", before):
            if not regex.search(r"(?<![\p{L}])(?:will|would|could|may|might|to\s+\p{Ll}+)(?![\p{L}])|^\s+of\b",
                                text[c.end:min(e, c.end + 120)]):
                return True
        if word in ("project", "projects", "forecast", "forecasts", "fear", "fears", "warning", "expecting") and \
                regex.search(r"(?:\b(?:the|a|an|its|his|her|their|new|our|through|for|of|with|in|amid|by|out)\s+(?:\p{Ll}+\s+)?|['’]s\s+)$", before):
            return True
        if word in ("fear", "fears", "project", "projects", "forecasts") and regex.match(r"\s+(?:of|in|on|for|about|and)\b",
                                                                                     text[c.end:e]):
            return True
    if rid in ("claim.intent_verb", "claim.intent_noun", "claim.be_adj_to"):
        if regex.search(r"(?<![\p{L}])had\s+(?:been\s+|also\s+)?$", before):
            return True
    if rid == "claim.intent_verb":
        # a noun: "developing plans to attack", "with hopes to"
        if regex.match(r"(?:plans|hopes|aims|promises|pledges|vows|targets|wishes|wants)\b", cue_words) and regex.search(
                r"(?:\p{Ll}{2,}ing|(?<![\p{L}])(?:of|with|for|about|on|in|to|the|a|an|its|his|her|their|our|new|no|has|have|had))\s+$", before):
            return True
        if regex.match(r"(?:plans?|hopes?|aims?|promises?|pledges?|vows?|targets?|wish|wishes|bid)\b", cue_words) and _NOUN_BEFORE.search(before):
            return True
        if regex.match(r"(?:plans|hopes|aims|promises|pledges|vows|targets|wishes)\b", cue_words) and regex.search(
                r"(?<![\p{L}])\p{Ll}{2,}ed\s+$", before):
            return True  # "they made plans to", "detailed plans to"
        # a defining relative clause describes, not plans: "companies that have agreed to", "a coalition which aims to"
        if regex.search(r"(?<![\p{L}])(?:that|which|who)\s+(?:(?:have|has|are|is)\s+(?:been\s+)?)?$", before, regex.I):
            return True
        if regex.match(r"(?:ha(?:ve|s)\s+been|was|were)\s+(?:\p{Ll}+ly\s+)?(?:trying|attempting|striving|hoping|planning|seeking|aiming)", cue_words) \
                or regex.search(r"(?<![\p{L}])(?:was|were)\s+(?:\p{Ll}+ly\s+)?$", before):
            return True
        if regex.match(r"(?:want|wants|wish|wishes)\b", cue_words) and regex.search(
                r"(?<![\p{L}])(?:you|might|may|never|no|nobody|no\s+one|everyone|everybody|anyone|anybody|if|who|what|where|whether)"
                r"\s+(?:\p{L}+\s+){0,3}$", before, regex.I):
            return True
    if rid == "claim.promise_object" and _NOUN_BEFORE.search(before):
        return True
    if rid == "claim.intent_verb" and regex.match(r"(?:planned|agreed|decided|intended|aimed|sought|attempted)\b", cue_words) and not (
            regex.search(r"(?<![\p{L}])(?:has|have|having)\s+(?:\p{Ll}+ly\s+|also\s+|now\s+|already\s+)?$", before)
            or c.quote is not None or _REPORT_BEFORE.search(text, s, c.start)):
        return True  # a past intention told as narrative: "they planned to take refuge"
    if rid == "claim.be_to" and regex.search(r"(?<![\p{L}])(?i:if|unless)\s+(?:\S+\s+){0,3}$", before):
        return True  # "if we are to go to war": a condition, not an arrangement
    if rid == "claim.expect_subject" and regex.search(r"(?<![\p{L}])(?:did|didn['’]t|did\s+not|never)\s+$", before, regex.I):
        return True
    if rid == "claim.be_to" and regex.search(
            r"(?<![\p{L}])(?:purpose|aim|goal|objective|task|job|role|mission|idea|point|priority|challenge|answer|solution|way|"
            r"force|intention|plan|strategy|ambition|dream|hope|wish|desire|focus|duty|responsibility|function|option|step)\s+$",
            before, regex.I):
        return True
    if rid == "claim.be_adj_to":
        w = cue_words
        # "was likely to" is a past expectation, except backshifted in reported speech ("told … that there was likely to be")
        if regex.match(r"(?:was|were)\b", w) and (c.quote is not None or not _REPORT_BEFORE.search(text, s, c.start)):
            return True
        # "set to" in "a table set for two"; "sure to" needs a subject; "about" only as "about to"
        if w.endswith("for") and not regex.search(r"(?:set|due|scheduled|planned|slated|expected|poised)\s+for$", w):
            return True
        if regex.search(r"\babout\s+for$", w):
            return True
    if rid == "claim.modal_will" and c.verb:
        verb = text[c.verb[0]:c.verb[1]]
        if verb[:1].isupper() and not _title_like(text[s:e]):
            return True
    return False


def _title_like(sent: str) -> bool:
    """A headline in title case or capitals ("SpaceX Will Build …"), where a capitalised verb is normal."""
    words = [w for w in regex.findall(r"\p{L}[\p{L}'’\-]*", sent) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _reported(text: str, unit: _Unit, c: _Cue) -> bool:
    """Is a ``would`` clause the content of reported speech or a quoted prediction?"""
    s, e = unit.start, unit.end
    if c.quote is not None:
        return not _IF_PAST.search(text, s, e)
    if _REPORT_BEFORE.search(text, s, c.start):
        return True
    tail = text[c.end:e]
    return bool(_TRAILING_REPORT.search(tail) or _ACCORDING.search(text, s, e))


def _horizon_cue(text: str, unit: _Unit, hz: list[horizons.Found], date) -> _Cue | None:
    """A deadline ("by 2030") or a future-pointing time ("next week's vote") with no other cue."""
    s, e = unit.start, unit.end
    if _PAST_AUX.search(text, s, e):
        return None
    progressive = regex.search(r"(?<![\p{L}])(?:is|are|am|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+)?(?!going\b)\p{Ll}{3,}ing(?![\p{L}])",
                               text[s:e])
    for f in hz:
        t = f.text.lower()
        possessive = text[f.end:f.end + 2] in ("'s", "’s")
        dated = f.rule in ("hz.weekday", "hz.day_month", "hz.day_word") and regex.match(r"(?i:on|this|next|from|by|until)\b", t)
        near = progressive and (0 <= f.start - (s + progressive.end()) <= 50 and "," not in text[s + progressive.end():f.start]
                                or 0 <= (s + progressive.start()) - f.end <= 40)
        if near and not possessive and (dated or horizons.is_future_pointing(f)):
            return _Cue(_HORIZON_RULE, f.start, f.end, None, unit.quote)
        if f.rule == "hz.vague" and regex.search(r"future|coming|ahead|to\s+come", t):
            return _Cue(_HORIZON_RULE, f.start, f.end, None, unit.quote)
        if f.rule == "hz.window" and not regex.search(r"next|coming|following", t):
            continue
        t = f.text.lower()
        deadline = t.startswith(("by ", "ahead of ")) and f.rule in ("hz.year", "hz.month_year", "hz.end_of")
        if deadline or horizons.is_future_pointing(f) and f.rule in ("hz.relative", "hz.window"):
            if f.rule == "hz.relative" and regex.match(r"(?:this|current)\b", t.split(" ", 1)[-1] if t.startswith(
                    ("in ", "by ", "for ", "during ", "of ", "at ")) else t):
                continue
            q = unit.quote
            return _Cue(_HORIZON_RULE, f.start, f.end, None, q)
    return None


_HORIZON_RULE = CueRule(
    "claim.horizon", regex.compile(r"(?!)"), "a deadline or a future-pointing time expression alone",
    "plan", 0.5, "report", ("Emissions fall to zero by 2050.",), ("Emissions fell last year.",))


def _pick_horizon(hz: list[horizons.Found], cue: _Cue) -> horizons.Found | None:
    if not hz:
        return None
    after = [f for f in hz if f.start >= cue.start]
    if after:
        return min(after, key=lambda f: f.start - cue.end)
    # before the cue only a time that points ahead ("by the end of March the firm hopes to"); "On Tuesday, X
    # pledged" dates the report, not the claim
    before = [f for f in hz if horizons.is_future_pointing(f) or regex.match(r"(?i:by|within|before|until)\b", f.text)]
    return max(before, key=lambda f: f.end) if before else None


# --- holder ----------------------------------------------------------------------------------------

def _holder(text: str, unit: _Unit, cue: _Cue, cues: list[_Cue], resolver
            ) -> tuple[Mention | None, str | None, str]:
    """(holder, quote id, how): the quotation's speaker, the cue verb's subject, the agent, the reporter."""
    if cue.quote is not None:
        return cue.quote.speaker, cue.quote.id, "quote"
    s = unit.start
    # the outermost expectation / intention verb at or before the cue: "The organisers hope that X will …"
    for c in sorted(cues, key=lambda c: c.start):
        if c.start > cue.start:
            break
        if c.rule.holder == "subject" and c.quote is None:
            np = _possessor(text, c) if c.rule.id == "claim.intent_noun" else None
            if np is None and c.rule.id == "claim.intent_noun" and regex.match(r"(?i:its|his|her|their|our)\b", text[c.start:c.end]):
                # "it has indicated its intention of": the subject of the verb before the possessive
                verb = regex.search(r"(\p{L}+)\s+$", text[s:c.start])
                np = _subject(text, s, s + verb.start(1)) if verb else None
            if np is None and regex.match(r"\p{Ll}+ing\b", text[c.start:c.end]) and regex.search(
                    r"(?:,|(?<![\p{L}])(?:and|or|while|before|after))\s+$", text[max(s, c.start - 12):c.start]):
                # a participle clause ("…, and promising to manage …") shares the sentence's subject
                np = _main_subject(text, s, c.start)
            np = np or _subject(text, s, c.start)
            if np:
                return _mention(text, resolver, *_outer(text, unit, np)), None, "subject"
    hedged = regex.search(r"(?<![\p{L}])(?:likely|probably|possibly|perhaps|almost\s+certainly)(?![\p{L}])", text[cue.start:cue.end])
    rep = _reporter(text, unit, cue, before_only=True)
    if rep and cue.rule.holder == "agent":
        # "X said Y will …": X holds the claim; it is still a plan when Y acts
        np = _subject(text, s, cue.start)
        acting = not hedged and np is not None and _agentive(text, np, cue, resolver)
        return _mention(text, resolver, *rep), None, "agent" if acting else "report"
    if not hedged and cue.rule.holder == "agent" or cue.rule.id in ("claim.be_adj_to", "claim.be_scheduled") and _PLAN_ADJ.search(
            text, cue.start, cue.end):
        np = _subject(text, s, cue.start)
        if np and _agentive(text, np, cue, resolver):
            return _mention(text, resolver, *_outer(text, unit, np)), None, "agent"
    if cue.rule.id != "claim.horizon" or _TRAILING_REPORT.search(text, cue.end, unit.end):
        rep = _reporter(text, unit, cue)
        if rep:
            return _mention(text, resolver, *rep), None, "report"
    return None, None, "writer"


_PLAN_ADJ = regex.compile(r"(?:scheduled|slated|due|planned|poised|about|on\s+track|on\s+course)\s+(?:to|for)$")
_CONJ = frozenset({"and", "but", "or", "then", "yet", "nor"})
_NP_PREPS = frozenset("of from at in with by for on among".split())
_NP_EDGE_BAD = frozenset("""in on at for with by from during after before since under despite like about into over through
    to of and or but as than if when while because although""".split())
_APPOSITIVE_OPENER = frozenset("""which who whom whose where a an the among including none one both himself herself itself
    themselves now once as like such whom""".split())
_ADJ_REPORT = (r"(?:is|are|was|were|remains?)\s+(?:\p{Ll}+ly\s+)?(?:confident|optimistic|hopeful|convinced|certain|sure|"
               r"adamant|pessimistic|worried|concerned|afraid|fearful|determined)")


def _possessor(text: str, c: _Cue) -> tuple[int, int] | None:
    """Whose plan a noun names: "the Kremlin's wish to" -> the Kremlin ("its decision to" goes to the clause subject)."""
    if text[c.start:c.start + 2] in ("'s", "’s"):
        toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(text, max(0, c.start - 80), c.start + 2)]
        k = len(toks) - 1
        while k > 0 and toks[k - 1][2][:1].isupper() and not toks[k - 1][2].endswith((",", ".")):
            k -= 1
        if k > 0 and toks[k - 1][2].lower() in ("the",):
            k -= 1
        if toks and toks[k][0] < c.start:
            return toks[k][0], c.start
    return None


def _outer(text: str, unit: _Unit, np: tuple[int, int]) -> tuple[int, int]:
    """A pronoun subject inside reported speech takes the reporting clause's subject when it names someone:
    "The company said it plans to …" -> the company."""
    if text[np[0]:np[1]].lower() not in _PRONOUNS:
        return np
    for m in _REPORTING.finditer(text, unit.start, np[0], timeout=TIMEOUT):
        if _passive_before(text, unit.start, m.start()) or not _verb_use(text, m):
            continue
        outer = _subject(text, unit.start, m.start())
        if outer and outer[1] <= np[0] and text[outer[0]:outer[1]].lower() not in _PRONOUNS:
            return outer
    return np


def _passive_before(text: str, lo: int, pos: int) -> bool:
    return bool(regex.search(r"(?<![\p{L}])(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?$", text[max(lo, pos - 30):pos]))


def _subject(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb starting at ``verb_start``."""
    seg_lo = max(lo, verb_start - 300)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, seg_lo, verb_start)]
    # auxiliaries and adverbs between subject and verb: "has also said", "is widely believed to be"
    while toks and (toks[-1][2].lower().strip(",") in _SKIP_SUBJECT or (
            toks[-1][2].endswith("ly") and toks[-1][2].islower() and len(toks[-1][2]) > 4)):
        toks.pop()
    if len(toks) >= 3 and [t[2].lower() for t in toks[-3:]] in (["said", "to", "be"], ["thought", "to", "be"],
                                                                ["believed", "to", "be"], ["reported", "to", "be"]):
        toks = toks[:-3]
        while toks and toks[-1][2].lower() in _SKIP_SUBJECT:
            toks.pop()
    if not toks:
        return None
    last = toks[-1][2]
    # an elided subject: "Anderson announced …, and last month confirmed that …" / "… but said in November …"
    if last.lower() in _CONJ or (last.endswith(",") and _elided(toks)):
        return _main_subject(text, lo, verb_start)
    # an appositive or relative clause between subject and verb: "Qatar Airways, which …, will"
    if last.endswith(",") or last in ("-", "–", "—"):
        got = _skip_appositive(text, toks)
        if got is None:
            return None
        if isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], int):
            return got
        toks = got
    if not toks:
        return None
    # pronoun subject
    w = toks[-1][2].strip("\"'“”‘’")
    if w.lower() in _PRONOUNS:
        st = toks[-1][0] + toks[-1][2].index(w)
        return st, st + len(w)
    # walk back over the noun phrase
    k = len(toks) - 1
    while k > 0:
        prev = toks[k - 1][2]
        low = prev.lower()
        if low == "and" and toks[k][2][:1].isupper() and k > 1 and toks[k - 2][2][:1].isupper() and not toks[k - 2][2].endswith(","):
            k -= 1  # "Baoshan Iron and Steel Co."
            continue
        if low in _BOUNDARY or prev.endswith((",", ";", ":", "\"", "”", ")")) or (
                prev.endswith(".") and not regex.fullmatch(r"(?:\p{Lu}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Co\.|Inc\.|St\.|Rep\.|Sen\.|Gov\.", prev)):
            break
        k -= 1
        if len(toks) - k > 9:
            break
        # a determiner opens the noun phrase unless a preposition comes before it ("relatives of the deceased")
        if toks[k][2].lower() in _DETS and k > 0 and toks[k - 1][2].lower() not in _NP_PREPS:
            break
    # "Utt Bueraheng, the lawyer representing the families is confident": the name before the appositive
    if toks[k][2].lower() in ("the", "a", "an") and k > 0 and toks[k - 1][2].endswith(",") and toks[k - 1][2][:1].isupper():
        j = k - 1
        while j > 0 and toks[j - 1][2][:1].isupper() and not toks[j - 1][2].endswith((",", ".")):
            j -= 1
        name = _trim_np(text, toks[j][0], toks[k - 1][1] - 1)
        if name and name[0] == toks[j][0] and (j == 0 or toks[j - 1][2].lower() not in _NP_PREPS | {"on", "last", "this"}):
            return name
    return _trim_np(text, toks[k][0], toks[-1][1])


def _elided(toks: list[tuple[int, int, str]]) -> bool:
    """", and last month," before a verb: the comma chunk opens with a conjunction."""
    j = len(toks) - 2
    while j >= 0 and not toks[j][2].endswith(","):
        j -= 1
    first = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
    chunk = toks[j + 1:]
    if first not in _CONJ:
        return False
    words = " ".join(t[2] for t in chunk[1:]).strip(",")
    return len(chunk) <= 2 or bool(horizons.find(words))


def _skip_appositive(text: str, toks: list[tuple[int, int, str]]):
    """Tokens before an appositive that ends right before the verb, or the appositive itself when it is the
    name ("Ukraine's new president, Viktor Yushchenko, is to speak"); None when there is none to find."""
    last = toks[-1][2]
    closer = "," if last.endswith(",") else last
    # the comma (or dash) that opens the nearest chunk
    j = len(toks) - 2
    while j >= 0 and not (toks[j][2].endswith(",") if closer == "," else toks[j][2] == closer):
        j -= 1
    if closer == ",":
        inner = toks[j + 1:]
        if j >= 0 and inner and len(inner) <= 6:
            first = inner[0][2]
            if first.lower() not in _APPOSITIVE_OPENER and first.lower() not in _BOUNDARY and inner[-1][2][:1].isupper():
                a, b = inner[0][0], inner[-1][1] - 1
                return _trim_np(text, a, b)
        # a longer relative clause with commas inside: back to the comma that opens it
        k = len(toks) - 2
        while k >= 0 and len(toks) - k < 40:
            if toks[k][2].endswith(",") and k + 1 < len(toks) and toks[k + 1][2].lower() in _APPOSITIVE_OPENER:
                j = k
                break
            k -= 1
    if j < 0 or len(toks) - j >= 40:
        return None
    out = toks[:j + 1]
    if closer == ",":
        s0, e0, w0 = out[-1]
        out[-1] = (s0, e0 - 1, w0[:-1])
    return out


_LEAD_ADVERBIAL = regex.compile(r"^(?:[^,]{0,60}?,\s+)?")


def _main_subject(text: str, lo: int, limit: int) -> tuple[int, int] | None:
    """The subject that opens the sentence (after a leading adverbial): for verbs whose subject is elided."""
    seg = text[lo:limit]
    lead = regex.match(r"(?:In|On|At|During|After|Before|Since|Under|Despite|Following|For|With|Amid|Last|This|Next|Earlier|"
                       r"Later|Meanwhile|However|But|And|So|Yet|Still|Also|Then|Now|Today|Yesterday)\b[^,]{0,60}?,\s+", seg)
    if lead:
        lo += lead.end()
        seg = seg[lead.end():]
    conj = regex.match(r"(?:And|But|So|Yet|Still|Also|Then|Now)\s+", seg)
    if conj:
        lo += conj.end()
        seg = seg[conj.end():]
    if seg[:1].islower() or regex.match(r"(?:The|A|An|Some|Many|Most|Several|Two|Three)\s+\p{Ll}", seg):
        # a common noun phrase: up to the first verb-like word ("officials involved with …" -> officials)
        toks = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(seg)]
        k = 0
        while k < len(toks) and k < 5:
            w = toks[k][2].lower()
            if k and (w in _SKIP_SUBJECT or w in _BOUNDARY or w in _NP_PREPS or w.endswith(("ed", ",", ";", ":")) or w in _L["reports"]):
                break
            k += 1
        if k:
            return _trim_np(text, lo + toks[0][0], lo + toks[k - 1][1])
        return None
    m = regex.match(r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)(?![\p{L}])"
                    r"|(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?\p{Lu}[\p{L}'’.\-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}'’.\-]*){0,4})",
                    seg, timeout=TIMEOUT)
    if not m:
        return None
    a, b = lo + m.start("np"), lo + m.end("np")
    phrase = text[a:b]
    if phrase.split()[0] in ("Last", "On", "In", "During", "After", "Before", "Since", "But", "And", "However"):
        return None
    return _trim_np(text, a, b)


def _trim_np(text: str, a: int, b: int) -> tuple[int, int] | None:
    while b > a and text[b - 1] in ",;:'\"“”‘’":
        b -= 1
    while a < b and text[a] in "\"'“”‘’(•-– ":
        a += 1
    phrase = text[a:b]
    for rx in (_LEAD_CONJ, _LEAD_PREP, _LEAD_CONJ):
        m = rx.match(phrase)
        if m and m.end() < len(phrase):
            a += m.end()
            phrase = text[a:b]
    if not phrase or not regex.search(r"[\p{L}\d]", phrase) or regex.search(r"[\"“”]", phrase):
        return None
    words = phrase.split()
    if words[0].lower() in ("there", "this", "that", "which", "what", "these", "those", "who") and len(words) == 1:
        return None
    if words[0].lower() in _NP_EDGE_BAD and len(words) > 1 and (words[1].lower() in _DETS or words[1][:1].isupper()) \
            and words[0].lower() not in _CONJ:
        a += len(words[0]) + 1  # "with the central bank predicting …"
        phrase = text[a:b]
        words = words[1:]
    if words[-1].endswith(("'s", "’s")) and len(words) > 1:
        return None  # "the Committee on Benghazi's": a possessive, not a subject
    if words[0].lower() in _NP_EDGE_BAD or words[-1].lower().strip(",.") in _NP_EDGE_BAD | _DETS:
        return None  # "In swing", "the difficulty in": not a noun phrase
    found = horizons.find(phrase)
    if found and found[0].end - found[0].start >= len(phrase) - 2:
        return None
    return a, b


_AGENT_NOUNS = frozenset("""government company firm party council minister ministry bank board group committee executive
    union club team authority authorities agency department court administration commission officials leaders
    organisers organizers police president chairman chief""".split())
_MORE_AGENTS = frozenset("""mayor governor chancellor premier coach manager boss ceo senator regulator airline carrier maker
    producer operator giant retailer lender insurer exchange developer builder supplier utility network broadcaster
    publisher studio label league federation charity trust university school hospital city state country nation
    administration cabinet parliament congress senate assembly""".split())
_NON_AGENT_VERBS = frozenset("be become have need remain get take cost make face seem continue mean help allow".split())


def _agentive(text: str, np: tuple[int, int], cue: _Cue, resolver) -> bool:
    """Is the subject of will/going to/is to a person or organisation acting (a plan), not a thing?"""
    phrase = text[np[0]:np[1]]
    words = phrase.split()
    low = phrase.lower()
    if low == "you":
        return False
    verb = text[cue.verb[0]:cue.verb[1]].lower() if cue.verb else ""
    if verb in _NON_AGENT_VERBS and (cue.rule.id != "claim.be_to" or verb == "be"):
        return False
    if low in ("it", "they"):
        fn = getattr(resolver, "mention", None)
        try:
            return bool(fn and fn(*np).name)
        except Exception:
            return False
    if low in _PRONOUNS:
        return True
    low_words = [w.lower().strip(",’'") for w in words]
    cut = next((i for i, w in enumerate(low_words) if i and w in _NP_PREPS), len(words))
    words = words[:cut]
    head = words[-1].lower().strip("’'")
    from .names import SOURCE_NOUNS
    if {head, head[:-1] if head.endswith("s") else head} & (_AGENT_NOUNS | set(SOURCE_NOUNS) | _MORE_AGENTS):
        return True
    line_end = text.find("\n", cue.start)
    if _title_like(text[max(0, text.rfind("\n", 0, np[0]) + 1):line_end if line_end >= 0 else len(text)]):
        return False  # a title-case headline capitalises everything
    if len(words) == 1 and not _name_elsewhere(text, words[0]):
        return False  # "Output will recover": a capitalised sentence opener, not a name
    return len(words) <= 6 and words[-1][:1].isupper() and not words[-1].endswith(("'s", "’s"))


def _name_elsewhere(text: str, word: str) -> bool:
    """Is a capitalised word a name: an acronym, or written capitalised mid-sentence somewhere in the text?"""
    w = word.strip(".,;:'’\"“”")
    if len(w) > 1 and w.isupper():
        return True
    return bool(regex.search(rf"(?<=\p{{Ll}}[,]?\s){regex.escape(w)}(?![\p{{L}}])", text))


_REPORTING = regex.compile(
    "|".join([_REPORT_BEFORE.pattern, r"(?<![\p{L}])" + _ADJ_REPORT + r"(?![\p{L}])"]), regex.I | regex.X | regex.V0)


_INTENT_ONLY = frozenset(_L["intents"]) - frozenset(_L["reports"]) - frozenset(_L["expects"])


def _verb_use(text: str, m: regex.Match) -> bool:
    """Is a reporting/intention word used as a verb here ("the firm plans to", not "a promise" or "manifesto plans")?"""
    word = m.group().lower()
    before = text[max(0, m.start() - 25):m.start()]
    if regex.search(r"(?<![\p{L}])(?:a|an|the|its|his|her|their|our|my|this|that|new|['’]s)\s+[\"“‘']?$", before, regex.I):
        return False
    if word in _INTENT_ONLY and regex.search(r"(?<![\p{L}])(?:a|an|the|its|his|her|their|our|my|this|that|new|['’]s)\s+\p{Ll}+\s+$",
                                             before, regex.I):
        return False  # "their manifesto plans for childcare"
    if word in _INTENT_ONLY and not regex.match(r"\s+(?:\p{Ll}+ly\s+)?to\s", text[m.end():m.end() + 20]):
        return False
    return True


def _reporter(text: str, unit: _Unit, cue: _Cue, before_only: bool = False) -> tuple[int, int] | None:
    """Who the sentence reports: "X said (that) … cue", "…cue …, X said.", "according to X"."""
    s, e = unit.start, unit.end
    pronoun = None
    for m in _REPORTING.finditer(text, s, cue.start, timeout=TIMEOUT):
        if _in_masked(m.start(), unit.masked) or _passive_before(text, s, m.start()) and not regex.match(
                _ADJ_REPORT, m.group(), regex.I):
            continue
        if not _verb_use(text, m):
            continue
        np = _subject(text, s, m.start())
        if np and not horizons.find(text[np[0]:np[1]]):
            if text[np[0]:np[1]].lower() in _PRONOUNS:
                pronoun = pronoun or np
                continue
            return np
    if pronoun:
        return pronoun
    if before_only:
        return None
    m = _TRAILING_REPORT.search(text, cue.end, e, timeout=TIMEOUT)
    if m and m.start("sp") >= 0:
        return _trim_np(text, m.start("sp"), m.end("sp"))
    m = _ACCORDING.search(text, s, e, timeout=TIMEOUT)
    if m:
        return _trim_np(text, m.start("sp"), m.end("sp"))
    return None


def _mention(text: str, resolver, a: int, b: int) -> Mention:
    phrase = text[a:b]
    # strip a trailing possessive ("the Kremlin's")
    if phrase.endswith(("'s", "’s")) and b - a > 3:
        b -= 2
        phrase = text[a:b]
    fn = getattr(resolver, "mention", None)
    m = None
    if fn is not None:
        try:
            m = fn(a, b)
        except Exception:  # the resolver is best effort for holders; never fail a document over it
            m = None
    words = phrase.split()
    common = words and words[0][:1].isupper() and _common_noun(words)
    if m is None or common:
        from .names import common_type
        kind = common_type(phrase) if words and not words[0][:1].isupper() or common else "unknown"
        m = Mention(phrase, phrase, a, b, None, kind)
    note = getattr(resolver, "note", None)
    named = bool(words) and (words[0][:1].isupper() and not common or regex.search(r"(?<![\p{L}])\p{Lu}", phrase[1:]))
    if note is not None and m.name and m.type in ("organization", "group") and phrase.lower() not in _PRONOUNS and named:
        try:
            note(a, m.name, m.type)
        except Exception:
            pass
    return m


def _common_noun(words: list[str]) -> bool:
    """"Analysts", "Observers widely", "Critics": a capitalised common noun at a sentence start, not a name."""
    from .names import SOURCE_NOUNS
    if len(words) > 3 or not all(w[1:].islower() for w in words if len(w) > 1):
        return False
    head = words[-1].lower()
    base = head[:-1] if head.endswith("s") else head
    first = words[0].lower()
    return head in SOURCE_NOUNS or base in SOURCE_NOUNS or first in _DETS or first in ("many", "some", "most", "several")


# --- type ----------------------------------------------------------------------------------------------

_WARN_WORDS = regex.compile(r"(?<![\p{L}])(?:warn\w*|threat\w*|risk\w*|danger\w*|fear\w*|crisis|collapse|catastroph\w*)(?![\p{L}])",
                            regex.I)


def _type(text: str, unit: _Unit, cue: _Cue, kind: str, holder: Mention | None) -> str:
    word = text[cue.start:cue.end].lower()
    rid = cue.rule.id
    if rid == "claim.expect_subject":
        return EXPECT_TYPE.get(word, "prediction")
    if _WARN_WORDS.search(text, unit.start, cue.start):
        return "warning"
    if rid in ("claim.intent_verb", "claim.intent_noun", "claim.progressive_intent", "claim.be_to", "claim.be_scheduled"):
        return "plan"
    if rid == "claim.be_adj_to" and regex.search(r"(?:scheduled|slated|due|planned|on\s+track|on\s+course)", word):
        return "plan"
    if kind == "agent":
        return "plan"
    if cue.quote is not None and rid in ("claim.modal_will", "claim.going_to"):
        subj = text[max(unit.start, cue.start - 12):cue.start].lower().split()
        if subj and subj[-1].strip("’'") in ("we", "i", "we'll", "i'll"):
            return "plan"
        if regex.search(r"(?:^|\s)(?:we|i)\s*$|(?:we|i)$", text[max(unit.start, cue.start - 4):cue.start].lower()):
            return "plan"
    return cue.rule.type
