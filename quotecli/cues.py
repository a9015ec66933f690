"""Future cues: the lexicons and the cue rules that make a sentence forward-looking, and the shapes shared by
claims.py (detection, vetoes, type) and holders.py (who holds a claim).

Each rule is a named value (``CueRule``): id, compiled pattern (group ``cue``; ``verb`` for the word it governs),
default type, strength (the confidence it gives), how its holder is found, and examples and counterexamples that
tests/test_claims.py runs. Alternations come from lexicon files through ``regex`` named lists.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress

import regex

from .lexicons import load
from .models import Quote

__all__ = ["CueRule", "CUE_RULES", "EXPECT_TYPE"]


_NEG = ("can't", "can’t", "cannot", "can not", "won't", "won’t", "wouldn't", "wouldn’t", "did not", "didn't", "didn’t",
        "does not", "doesn't", "doesn’t", "do not", "don't", "don’t", "not")


def _idioms() -> list[str]:
    out = []
    for line in load("future_idioms"):
        if line.startswith("NEG "):
            out.extend(f"{n} {line[4:]}" for n in _NEG)
        else:
            out.append(line)
    return sorted(out, key=len, reverse=True)


_L = dict(
    modals=sorted(load("future_modals"), key=len, reverse=True),
    weak=sorted(load("future_modals_weak"), key=len, reverse=True),
    adjs=sorted(load("future_adjectives"), key=len, reverse=True),
    intents=sorted(load("future_intent_verbs"), key=len, reverse=True),
    expects=sorted((line.split("\t")[0] for line in load("future_expect_verbs")), key=len, reverse=True),
    reports=sorted(load("report_verbs"), key=len, reverse=True),
    idioms=_idioms(),
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


@lru_cache(maxsize=None)
def _compiled(p: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(p, flags)


def _search(p: str, s: str, flags: int = 0, **kw):
    """``regex.search`` through a plain dict cache: the small patterns of the vetoes run thousands of times."""
    return _compiled(p, flags).search(s, **kw)


def _match(p: str, s: str, flags: int = 0, **kw):
    return _compiled(p, flags).match(s, **kw)


def _fullmatch(p: str, s: str, flags: int = 0, **kw):
    return _compiled(p, flags).fullmatch(s, **kw)


def _rx(p: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(p, flags | regex.X | regex.V0, ignore_unused=True, **_L)


CUE_RULES: tuple[CueRule, ...] = (
    CueRule("claim.modal_will",
            _rx(rf"""(?<!(?:\b(?i:the|a|his|her|their|its|our|your|my|political|free|good|ill|own|popular|at|of|against|with|whose)|['’]s)\s)
                 (?P<cue>(?<![\p{{L}}])(?:will|Will|WILL|shall|[Ww]on['’]t|WON['’]T|wo(?=n['’]t)|shan['’]t)(?:\s+not)?
                     |(?<=\p{{L}})['’]ll)
                 (?:\s+{_ADV})*\s+(?!(?i:was|were|is|are|has|had|does|did|says|said|states|stated)\b){_VERB}"""),
            "will, won't, 'll, shall + a verb", "prediction", 0.9, "agent",
            ("The plant will close in March.", "We’ll move quickly.", "It won't happen."),
            ("It was the will of the people.", "Will Smith spoke.", "He has free will to choose.", "Her will was read out.",
             "Free will is an illusion.")),
    CueRule("claim.going_to",
            _rx(rf"""(?P<cue>(?:(?<![\p{{L}}])(?:am|is|are|be|being|not|isn['’]t|aren['’]t)|(?<=\p{{L}})['’](?:s|re|m))\s+(?:{_ADV}\s+){{0,2}}going\s+to)\s+{_VERB}
                 |(?P<cue>(?<![\p{{L}}])gonna)\s+{_VERB}"""),
            "is/are going to + a verb", "prediction", 0.85, "agent",
            ("We are going to appeal.", "Prices are not going to fall."),
            ("She is going to the cinema.", "He was going to resign.")),
    CueRule("claim.be_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|am)\s+(?:not\s+|also\s+|now\s+|still\s+)?to)\s+(?!blame\b|be\s+found\b|come\s*(?:[.,;:!?\"”’]|$)){_VERB}"""),
            "is/are to + a verb: an arrangement", "plan", 0.85, "agent",
            ("The Tories are to back the bill.", "The minister is to resign."),
            ("The ministry is to blame.", "The aim was to win.")),
    CueRule("claim.be_adj_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|am|be|being|['’]s|['’]re|remains?|looks?|seems?|appears?|was|were)\s+
                     (?:{_ADV}\s+){{0,2}}(?:\L<adjs>)\s+(?:to|for))(?:\s+{_VERB})?"""),
            "is expected / likely / set / due / poised / about / on track to", "prediction", 0.8, "report",
            ("Rates are expected to rise.", "The deal is due to complete in March.", "The US looks set for a boost."),
            ("He was expected to win.", "The pasta is ready to serve.")),
    CueRule("claim.be_likely",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|['’]s|['’]re|looks?|seems?|appears?|remains?)\s+(?:{_ADV}\s+){{0,2}}
                     (?:likely|unlikely|inevitable|imminent|probable))
                 (?=\s*(?:[.,;:!)\"”’]|$)|\s+(?:as|if|after|before|when|once|in|by|on|at|within|during|next|this|later|soon|
                     unless|given|amid|because|from|over|until|now)\b)
               |(?P<cue>(?<![\p{{L}}])(?:is|are|['’]s|['’]re|remains?|looks?)\s+(?:(?:now|still|also|the|clear|strong|heavy|hot|firm|
                     early|overwhelming|odds-on|bookmakers['’])\s+){{0,3}}(?:favou?rites?|front-?runners?)\s+to)\s+{_VERB}"""),
            "is likely / inevitable / imminent (no infinitive); are the favourites to", "prediction", 0.7, "report",
            ("Thousands more job losses are likely as the industry adapts.", "A rate cut in September now looks likely.",
             "Leeds are the favourites to win the league."),
            ("Job losses were likely.", "It is likely that he knew.", "The likely winner spoke.")),
    CueRule("claim.be_scheduled",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:is|are|be)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|planned|slated|set)
                     (?=\s+(?:in|on|by|next|this|later|early|before|at|within|from)\s))"""),
            "is expected / due / planned + a time", "plan", 0.75, "report",
            ("The report is due next week.", "The baby is expected in April."),
            ("The report was due last week.",)),
    CueRule("claim.intent_verb",
            _rx(rf"""(?<!\b(?i:had|had\s+been|had\s+also|a|the|its|his|her|their|our|new|no)\s)
                 (?P<cue>(?<![\p{{L}}])(?:(?:is|are|am|['’]s|['’]re|has\s+been|have\s+been)\s+(?:(?:said|believed|thought|understood|reported)\s+to\s+be\s+)?(?:\p{{Ll}}+ly\s+|also\s+|still\s+|now\s+)?
                     (?:working|trying|attempting|striving|preparing|seeking|aiming|hoping|planning|looking)(?:\s+(?:hard|\p{{Ll}}+ly))?
                   |(?!(?:working|trying|attempting|striving|preparing|looking)\b)\L<intents>(?:\s+(?:itself|themselves|himself|herself|ourselves|myself))?)
                 \s+to)\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|date\b){_VERB}"""),
            "plans / aims / intends / hopes / seeks / wants / pledged / promised to + a verb", "plan", 0.8, "subject",
            ("Air China plans to raise $1bn.", "They have pledged to cut taxes.", "The LSE is working hard to woo firms."),
            ("He had planned to retire.", "The plan to build it failed.", "She went back to work.")),
    CueRule("claim.reduced_adj_to",
            _rx(rf"""(?<=\p{{Ll}}\s)(?<!['’]s\s)(?<!\b(?i:they|we|he|she|it|i|you|who|which|that|is|are|was|were|be|been|being)\s)(?P<cue>(?:set|due|scheduled|slated|poised)\s+to)\s+{_VERB}"""),
            "a noun + set / due / scheduled to (a reduced relative: 'candidates set to stand')", "prediction", 0.65, "report",
            ("The candidates set to stand in May are mostly women.",), ("They set to work at once.",)),
    CueRule("claim.chosen_to",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:has|have)\s+been\s+(?:\p{{Ll}}+ly\s+)?(?:chosen|selected|picked|appointed|named|nominated|tapped|asked|invited|cleared|approved)\s+to)\s+{_VERB}"""),
            "has been chosen / appointed / invited to + a verb: a role still to come", "plan", 0.7, "report",
            ("The comedian has been chosen to host the awards.",), ("He was asked to leave.",)),
    CueRule("claim.promise_object",
            _rx(r"""(?<!\b(?i:had|a|the|its|his|her|their|our|new|no)\s)(?P<cue>(?<![\p{L}])(?:pledged|promised|pledges|promises|pledging|promising|vowed|vows))
                 (?=\s+(?:\p{Sc}|\d|an?\s|more\s|further\s|new\s|to\s+(?!be\b)|that\s))
               |(?<!\b(?i:had)\s)(?P<cue>(?<![\p{L}])(?:committed|commits|commit)\s+(?:itself|themselves|himself|herself|ourselves|myself)\s+to)(?=\s)"""),
            "pledged / promised + what is promised ('pledged $750m', 'promised that …')", "plan", 0.6, "subject",
            ("Mr Gates pledged $750m to the cause.", "The party promised a referendum."),
            ("He kept the promise.",)),
    CueRule("claim.imminent",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:is|are|am|['’]s|['’]re|appears?|seems?|looks?)\s+(?:\p{Ll}+ly\s+)?
                     (?:headed|heading|bound)\s+for
                   |(?<![\p{L}])(?:is|are|['’]s|['’]re)\s+(?:\p{Ll}+ly\s+)?(?:on\s+the\s+horizon|in\s+the\s+(?:pipeline|offing|works)|on\s+the\s+way|coming(?=\s*[.!]|\s+(?:soon|next|this|in\b)))
                   |(?<![\p{L}])(?:looms|looming)(?=\s))"""),
            "headed for / on the horizon / in the pipeline / is coming: something on its way", "prediction", 0.6, "report",
            ("The two sides appear headed for a courtroom battle.", "A devaluation of the peso is coming.",
             "More job cuts are in the pipeline."),
            ("The team was heading for the airport.", "She is coming from Harare.")),
    CueRule("claim.idiom",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:\L<idioms>|odds\s+(?:{_ADV}\s+){{1,2}}(?:are|favou?r)))(?![\p{{L}}])""", regex.I),
            "an idiom that puts something in prospect: can't rule out, on the cards, the odds favour",
            "prediction", 0.6, "report",
            ("Economists cannot rule out a further cut.", "The odds now favour a rise in February."),
            ("They ruled out a cut.",)),
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
                 (?=\s+(?!(?:in|on|at|for|from|with|by|and|or|but|as|is|are|was|were)\b)[\p{L}\d])"""),
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
    CueRule("claim.want_object",
            _rx(r"""(?<!\b(?i:had|the|a|its|his|her|their|our|no|for|of)\s)
                 (?P<cue>(?<![\p{L}])(?:wants|want|would\s+like|['’]d\s+like))
                 (?=\s+(?!to\b)(?:[\p{L}\d\-'’%$]+\s+){1,6}?to\s+(?!the\b|a\b|an\b)\p{Ll}+)"""),
            "wants / would like + someone or something + to: the subject's aim for others", "plan", 0.65, "subject",
            ("The government wants all new cars to be zero-emission by 2035.",),
            ("For want of a nail the shoe was lost.",)),
    CueRule("claim.should",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])should(?:\s+not|n['’]t)?)(?:\s+{_ADV})*\s+(?!have\b){_VERB}"""),
            "should + an expected outcome ('The deal should close by June'); advice and duty are vetoed", "prediction",
            0.5, "report",
            ("The deal should close by the end of the third quarter.", "Prices should ease next year."),
            ("Ministers should be ashamed.", "You should see a doctor.", "It should have been done.")),
    CueRule("claim.forecast_verb",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:see|sees)(?:\s+(?:still|now|also|only|\p{Ll}+ly))?)
                 (?=\s+[^.;:!?]{1,60}?(?:\b\p{Ll}{3,}ing\b|\b(?:at|around|near|of|above|below|between|to)\s+[\p{Sc}\d]
                     |\b(?:in|by|next|this|over)\s+(?:(?:19|20)\d\d|the\s+(?:next|coming)|year|month|quarter|week)))
               |(?P<cue>(?<![\p{L}])(?:guided|guides|guiding)\s+(?:for|to|towards))(?=\s)"""),
            "forecasters see / a company guided for: an outlook held by the subject", "prediction", 0.7, "subject",
            ("Analysts at JPMorgan see oil averaging $90 a barrel in 2025.", "The company guided for revenue growth of 10% next year."),
            ("I see what you mean.", "Visitors can see the castle.")),
    CueRule("claim.postponed",
            _rx(r"""(?P<cue>(?<![\p{L}])(?:postponed|delayed|deferred|rescheduled|adjourned|pushed\s+back|put\s+off|moved\s+back)
                     \s+(?:until|till|to|into))(?=\s)"""),
            "postponed / delayed until a later time: the event is still to come", "plan", 0.5, "report",
            ("The launch has been postponed until 2025.",), ("The game was postponed.",)),
    CueRule("claim.confident_can",
            _rx(rf"""(?P<cue>(?<![\p{{L}}])(?:is|are|am|['’]s|['’]re|remains?|feels?)\s+(?!not\b|never\b|n['’]t\b)(?:{_ADV}\s+)?
                     (?:confident|optimistic|hopeful|convinced|sure|certain)\s+(?:that\s+)?
                     (?:it|they|he|she|we|I|the\s+\p{{Ll}}+(?:\s+\p{{Ll}}+)?|\p{{Lu}}\p{{L}}+)\s+can)\s+{_VERB}"""),
            "is confident (that) it can + a verb: an expected achievement", "prediction", 0.7, "subject",
            ("The club is confident it can complete the deal before the deadline.",),
            ("She was confident she could win.",)),
)


_RULE = {r.id: r for r in CUE_RULES}


# every key word the claims stage asks the index about (``keyed`` and ``key_words`` add to it): the index files
# the positions of these words once per document, so that a question costs a bisection
_KEY_UNIVERSE: set[str] = set()


def key_words(words) -> frozenset:
    """A key set for ``KeyIndex.starts`` / ``absent`` (lowercased words), filed by every document's index."""
    keys = frozenset(words)
    _KEY_UNIVERSE.update(keys)
    return keys


# Patterns whose every match holds a key word of each of their sets as a whole letter run (see KeyIndex): a
# search where the index shows a set absent is not run. tests/test_claims_filters.py checks every entry against
# its pattern on random texts; a pattern that changes needs its keys checked.
KEYED_PATTERNS: dict[regex.Pattern, tuple] = {}


def keyed(rx: regex.Pattern, *keysets) -> regex.Pattern:
    """Record the key sets of ``rx`` (lowercased words) and return it."""
    KEYED_PATTERNS[rx] = tuple(key_words(k) for k in keysets)
    return rx


_REPORT_BEFORE = _rx(r"(?<![\p{L}])(?:\L<holders>)(?![\p{L}])".replace("\\L<holders>", "|".join(
    regex.escape(v) for v in _HOLDER_VERBS)), regex.I)


_TRAILING_REPORT = keyed(regex.compile(
    r"""[,;]\s*(?:(?P<sp>[^,;"“”]{2,80}?)\s+(?:also\s+)?(?:said|says|say|told\s+[^,.]{1,40}|added|argued|argues|warned|warns|
        believes|believe|predicted|predicts|forecast|forecasts|claimed|claims|reckons|insisted|insists|has\s+said|have\s+said|
        announced|confirmed|estimated|estimates|admitted|admits|hinted|hints|conceded|concedes|acknowledged|acknowledges|
        suggested|suggests|stressed|stresses|noted|notes|explained|explains|revealed|reveals|cautioned|cautions|signalled|
        signaled|signals|indicated|indicates|expects|expect|expected|fears|feared|wrote|writes|tweeted|posted)(?:\s+(?:on|in|at|last|this)\s+[^,.]{1,30})?
       |(?:said|says)\s+(?P<sp>[^,;"“”]{2,80}?)(?:,\s*[^.]{1,80})?)\s*[.!]?[\"'”’]?\s*$""",
    regex.X), """said says say told added argued argues warned warns believes believe predicted predicts forecast forecasts
    claimed claims reckons insisted insists announced confirmed estimated estimates admitted admits hinted hints
    conceded concedes acknowledged acknowledges suggested suggests stressed stresses noted notes explained explains
    revealed reveals cautioned cautions signalled signaled signals indicated indicates expects expect expected fears
    feared wrote writes tweeted posted""".split())


_ACCORDING = keyed(regex.compile(r"(?<![\p{L}])[Aa]ccording\s+to\s+(?P<sp>(?:the\s+)?[^,.;]{2,60}?)(?=\s*[,.;]|\s*$)"
                                 r"(?:,\s*(?P<name>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3})(?=\s*[,.;]|\s*$))?"),
                   ("according",))


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


_LETTERS = regex.compile(r"\p{L}+")
# the characters that regex's case-insensitive matching folds to an ASCII letter while str.lower() does not
# (long s "ſ" ~ "s", dotted "İ" ~ "i"): in a text holding one, a lowercased word may miss a key regex.I would find
_ODD_FOLDS = ("\u017f", "\u0130")


_DIGITS_TO_SPACES = str.maketrans("0123456789", " " * 10)


def _digit_word_runs(word: str) -> list[tuple[int, str]]:
    """(offset, lowercase) of the letter runs of a word that is not all letters ("10am" -> [(2, "am")]); an ASCII
    word is split by str methods (its letters and digits are regex's), any other by the letter pattern."""
    if word.isdecimal():
        return []
    if not word.isascii():
        return [(m.start(), m.group().lower()) for m in _LETTERS.finditer(word)]
    out = []
    at = 0
    for run in word.translate(_DIGITS_TO_SPACES).split():
        at = word.index(run, at)
        out.append((at, run.lower()))
        at += len(run)
    return out


class KeyIndex:
    """Where the key words of a pattern stand in one document, from its word list (``TextDoc.words``): the
    patterns whose every match holds a whole letter run of a known set (a key, lowercased) run only where one is.

    A letter run is a maximal ``\\p{L}+`` stretch: a word of letters, or a part of a word with digits ("2030s" ->
    "s", "10am" -> "am"). A stretch ``text[lo:hi]`` that cuts a word of letters sees its part as a run at ``hi``
    (the pattern meets its end there); at ``lo`` only when the text is sliced (``sliced``: a search of
    ``text[lo:hi]`` itself), since a search from ``lo`` sees the letter before it and no key of these patterns
    follows a letter. Lowercasing is regex's case-insensitive match for every letter except long s and dotted I:
    in a text holding either, and where a word with digits is cut, the index cannot tell (None, False) and the
    caller runs its pattern as before. The runs of the key universe are filed by word once per document; each key
    set's positions are merged on first use, and a question is then a bisection."""

    __slots__ = ("text", "words", "odd", "_filed", "_sets", "_not_letters", "_mixed")

    def __init__(self, text: str, words):
        self.text = text
        self.words = words
        self.odd = any(ch in text for ch in _ODD_FOLDS)
        self._filed: dict[str, list[int]] | None = None
        self._sets: dict = {}
        self._not_letters: list[int] | None = None
        self._mixed: tuple[list[int], list[int]] | None = None

    def not_letters(self) -> list[int]:
        """Indices of the words that are not all letters ("10am", "2030"), found once per document."""
        if self._not_letters is None:
            self._not_letters = _not_all_letters(self.words.words)
        return self._not_letters

    def mixed_words(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the words of letters and digits ("5will", "store5"), in text order."""
        if self._mixed is None:
            starts, ws = self.words.starts, self.words.words
            mixed = [k for k in self.not_letters() if not ws[k].isdecimal()]
            self._mixed = [starts[k] for k in mixed], [starts[k] + len(ws[k]) for k in mixed]
        return self._mixed

    def _file(self) -> dict[str, list[int]]:
        """Lowercased run -> its starts in text order, for the runs in the key universe (digit words' runs too)."""
        filed: dict[str, list[int]] = {}
        starts, ws, lows = self.words
        keyed = list(map(_KEY_UNIVERSE.__contains__, lows))
        for low, start in zip(compress(lows, keyed), compress(starts, keyed)):
            got = filed.get(low)
            if got is None:
                filed[low] = [start]
            else:
                got.append(start)
        mixed = False
        for k in self.not_letters():
            for at, low in _digit_word_runs(ws[k]):
                if low in _KEY_UNIVERSE:
                    filed.setdefault(low, []).append(starts[k] + at)
                    mixed = True
        if mixed:
            for lst in filed.values():
                lst.sort()
        self._filed = filed
        return filed

    def _positions(self, keys) -> list[int]:
        """Sorted starts of every letter run of the document that is one of ``keys``."""
        got = self._sets.get(keys)
        if got is None:
            if not keys <= _KEY_UNIVERSE:  # not filed: one pass over the words
                test = keys.__contains__
                starts, ws, lows = self.words
                got = list(compress(starts, map(test, lows)))
                for k in self.not_letters():
                    got.extend(starts[k] + at for at, low in _digit_word_runs(ws[k]) if test(low))
                got.sort()
            else:
                filed = self._filed if self._filed is not None else self._file()
                if len(keys) <= len(filed):
                    lists = [filed[k] for k in keys if k in filed]
                else:  # (the order of the lists does not matter: merged, they are sorted)
                    lists = [lst for k, lst in filed.items() if k in keys]
                got = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
            self._sets[keys] = got
        return got

    def _cut_piece(self, keys, lo: int, hi: int, sliced: bool) -> bool | None:
        """Is the part of a word cut by ``hi`` (or by ``lo``, when sliced) that a search sees one of ``keys``?
        None when a cut word holds digits."""
        text, (starts, ws, _) = self.text, self.words
        test = keys.__contains__
        j = bisect.bisect_left(starts, hi)
        if j and starts[j - 1] + len(ws[j - 1]) > hi:
            if not ws[j - 1].isalpha():
                return None  # the cut run may start after a digit, anywhere in the word
            if (starts[j - 1] >= lo or sliced) and test(text[max(starts[j - 1], lo):hi].lower()):
                return True
        if sliced:
            i = bisect.bisect_left(starts, lo)
            if i and starts[i - 1] + len(ws[i - 1]) > lo:
                if not ws[i - 1].isalpha():
                    return None
                if test(text[lo:min(hi, starts[i - 1] + len(ws[i - 1]))].lower()):
                    return True
        return False  # (a search from lo: the part of a word cut there follows a letter; a run of a word with digits
        # that starts after lo is filed with its own start)

    def starts(self, keys, lo: int, hi: int) -> list[int] | None:
        """Starts of the letter runs that a search of ``text`` from ``lo`` to ``hi`` sees and that may be one of
        ``keys`` (a run cut by ``hi`` is listed when the whole or its part is), in text order; None when the index
        cannot tell."""
        if self.odd:
            return None
        pos = self._positions(keys)
        got = pos[bisect.bisect_left(pos, lo):bisect.bisect_left(pos, hi)]
        starts, ws = self.words.starts, self.words.words
        j = bisect.bisect_left(starts, hi)
        if j and starts[j - 1] + len(ws[j - 1]) > hi:
            if not ws[j - 1].isalpha():
                return None  # the cut run may start after a digit, anywhere in the word
            if starts[j - 1] >= lo and (not got or got[-1] != starts[j - 1]) and \
                    self.text[starts[j - 1]:hi].lower() in keys:
                got.append(starts[j - 1])
        return got

    def absent_prefix(self, prefixes: tuple[str, ...], lo: int, hi: int) -> bool:
        """True when no letter run that a search of ``text`` from ``lo`` to ``hi`` sees starts (lowercased) with
        one of ``prefixes`` (False also when the index cannot tell). The words of the stretch are read one by one
        (in C): prefixes are not filed."""
        if self.odd:
            return False
        starts, ws, lows = self.words
        i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        if j > i and starts[j - 1] + len(ws[j - 1]) > hi:  # a word cut by hi: its part is what the search sees
            if not ws[j - 1].isalpha():
                return False
            if self.text[starts[j - 1]:hi].lower().startswith(prefixes):
                return False
            j -= 1
        if i and starts[i - 1] + len(ws[i - 1]) > lo and not ws[i - 1].isalpha():
            return False  # a word with digits cut by lo: a run of it may start after lo
        if any(map(operator.methodcaller("startswith", prefixes), lows[i:j])):
            return False
        if not all(map(str.isalpha, ws[i:j])):  # the runs of words with digits ("5warnings")
            for k in range(i, j):
                if not ws[k].isalpha() and any(low.startswith(prefixes) for _, low in _digit_word_runs(ws[k])):
                    return False
        return True

    def absent(self, keys, lo: int, hi: int, sliced: bool = False) -> bool:
        """True when no letter run of ``text[lo:hi]`` is one of ``keys`` (False also when the index cannot tell)."""
        if self.odd:
            return False
        pos = self._sets.get(keys)
        if pos is None:
            pos = self._positions(keys)
        k = bisect.bisect_left(pos, lo)
        if k < len(pos) and pos[k] < hi:
            return False
        text = self.text
        # a bound cuts a run only between two letters; an ASCII non-letter on either side (or the text's edge)
        # settles it without looking up the word
        if _may_cut(text, hi) or sliced and _may_cut(text, lo):
            return self._cut_piece(keys, lo, hi, sliced) is False
        return True


def _not_all_letters(ws: list[str]) -> list[int]:
    """Indices of the words that are not all letters ("10am", "2030"), in order: isalpha on every word in C, then
    a list scan for the few that fail (cheaper than filtering indices through not_ and compress)."""
    flags = list(map(str.isalpha, ws))
    out = []
    k = -1
    while True:
        try:
            k = flags.index(False, k + 1)
        except ValueError:
            return out
        out.append(k)


def _may_cut(text: str, pos: int) -> bool:
    """Can ``pos`` fall inside a letter run: is neither ``text[pos - 1]`` nor ``text[pos]`` an ASCII non-letter
    (nor the text's edge)?"""
    if pos <= 0:
        return False
    pair = text[pos - 1:pos + 1]
    if len(pair) < 2:  # pos at the text's end
        return False
    if pair.isascii():  # the usual case, in one test
        return pair.isalpha()
    a, b = pair
    return (b.isalpha() or not b.isascii()) and (a.isalpha() or not a.isascii())


def keyed_search(rx: regex.Pattern, text: str, lo: int, hi: int, index: KeyIndex | None, sliced: bool = False):
    """``rx.search(text, lo, hi)`` (``rx.search(text[lo:hi])`` when ``sliced``), or None at once when the key
    index shows that one of the pattern's key sets has no word in the stretch."""
    if index is not None:
        for keys in KEYED_PATTERNS[rx]:
            if index.absent(keys, lo, hi, sliced):
                return None
    if sliced:
        return rx.search(text[lo:hi])
    return rx.search(text, lo, hi)


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    quote: Quote | None           # the quotation the unit lies inside (direct), or None
    masked: list[tuple[int, int]]  # stretches of other units (direct quotations) to ignore
    memo: dict = field(default_factory=dict)  # sentence-level searches, run once per unit rather than once per cue
    keys: KeyIndex | None = None  # the document's key-word index (None: every search runs its pattern)


@dataclass(slots=True)
class _Cue:
    rule: CueRule
    start: int
    end: int
    verb: tuple[int, int] | None
    quote: Quote | None


def _in_masked(pos: int, masked: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in masked)


_TITLE_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*")


def _title_like(sent: str) -> bool:
    """A headline in title case or capitals ("SpaceX Will Build …"), where a capitalised verb is normal."""
    words = [w for w in _TITLE_WORD.findall(sent) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# how far before a cue the clause-level look-backs reach: bounds their cost on a long unpunctuated "sentence"
WINDOW = 300


def _in_relative(text: str, s: int, e: int, pos: int, keys: KeyIndex | None = None) -> bool:
    """Is ``pos`` inside a comma-delimited relative clause: ", which … ," / ", who … ,"? (opened within WINDOW)"""
    lo = max(s, pos - WINDOW)
    if keys is not None and keys.absent(_REL_WORDS, lo, pos):
        return False  # no which / who / whose / whom: no clause opens
    m = None
    for m in _REL_OPEN.finditer(text, lo, pos):
        pass
    if m is None or text.find(",", m.end(), pos) >= 0:
        return False
    return text.find(",", pos, e) >= 0


_REL_OPEN = regex.compile(r",\s+(?:which|who|whose|whom)\b")
_REL_WORDS = key_words(("which", "who", "whose", "whom"))


# --- scanning ------------------------------------------------------------------------------------------------
# The costlier rules run only in windows around a key word they must contain (one scan finds the keys of all of
# them); the cheap ones run over the whole stretch.
_KEYED: dict[str, tuple[str, ...]] = {
    "claim.intent_verb": tuple(_L["intents"]) + ("working", "trying", "attempting", "striving", "preparing", "seeking",
                                                  "aiming", "hoping", "planning", "looking"),
    "claim.intent_noun": ("plans", "plan", "decision", "intention", "wish", "pledge", "promise", "commitment", "bid",
                          "ambition", "goal", "aim", "target"),
    "claim.going_to": ("going", "gonna"),
    "claim.expect_subject": tuple(_L["expects"]),
    "claim.be_adj_to": tuple(a.split()[-1] for a in _L["adjs"]),
    "claim.imminent": ("headed", "heading", "bound", "horizon", "pipeline", "offing", "works", "way", "coming", "looms",
                       "looming"),
    "claim.modal_will": ("will", "won", "wo", "shall", "shan", "ll"),
    "claim.be_scheduled": ("expected", "due", "scheduled", "planned", "slated", "set"),
    "claim.be_likely": ("likely", "unlikely", "inevitable", "imminent", "probable", "favourites", "favourite", "favorites",
                        "favorite", "runners", "runner", "frontrunner", "frontrunners"),
    "claim.reduced_adj_to": ("set", "due", "scheduled", "slated", "poised"),
    "claim.chosen_to": ("chosen", "selected", "picked", "appointed", "named", "nominated", "tapped", "asked", "invited",
                        "cleared", "approved"),
    "claim.promise_object": ("pledged", "promised", "pledges", "promises", "pledging", "promising", "vowed", "vows",
                             "committed", "commits", "commit"),
    "claim.progressive_intent": ("considering", "weighing", "mulling", "exploring", "pledging", "promising", "proposing",
                                 "planning", "preparing"),
    "claim.modal_would": ("would", "d"),
    "claim.weak_modal": ("could", "might", "may"),
    "claim.should": ("should", "shouldn"),
    "claim.want_object": ("want", "wants", "like"),
    "claim.forecast_verb": ("see", "sees", "guided", "guides", "guiding"),
    "claim.postponed": ("postponed", "delayed", "deferred", "rescheduled", "adjourned", "pushed", "put", "moved"),
    "claim.confident_can": ("confident", "optimistic", "hopeful", "convinced", "sure", "certain"),
    "claim.idiom": ("rule", "ruling", "bode", "bodes", "store", "cards", "odds", "horizon", "come"),
}
_KEY_RULES: dict[str, tuple[str, ...]] = {}
for _rid, _words in _KEYED.items():
    for _w in _words:
        _KEY_RULES[_w.lower()] = tuple(dict.fromkeys(_KEY_RULES.get(_w.lower(), ()) + (_rid,)))
_WORD = regex.compile(r"[\p{L}\d]+")  # tokens, looked up in a dict: several times faster than a regex of the keys
_RULE_BY_ID = {r.id: r for r in CUE_RULES}
_PAD = 80


def _lexicon_lead(entries, keys) -> int:
    """The most words (``[\\p{L}\\d]+`` runs) that a lexicon entry writes before its first key word."""
    keys = {k.lower() for k in keys}
    lead = 0
    for entry in entries:
        toks = [t.lower() for t in _WORD.findall(entry)]
        lead = max(lead, next(i for i, t in enumerate(toks) if t in keys))
    return lead


# Every match of these keyed rules holds one of its key words as a whole word of the document's word list, unless
# a word of letters and digits is near ("5will", "in store5": no letter may touch a key, a digit may), with at most
# this many words (or parts of words) of the match before it; an adverb (_ADV) is at most two words ("no longer",
# "n't"). So a window with no such word is searched from after the word that many words before its first key, not
# _PAD characters before it (lookbehinds still see the text before), and its overlapped search stops after a match
# that starts at or past its last key word: a later match would start past every key. The longest opening is
# shown. (claim.imminent is not here: "on the horizon" may go on into a word, "horizons".)
_ADV_WORDS = 2
_CUE_LEAD: dict[str, int] = {
    "claim.modal_will": 0,  # will; ’ll
    "claim.going_to": 2 + 2 * _ADV_WORDS,  # isn't no longer really going
    "claim.be_adj_to": 1 + 2 * _ADV_WORDS + _lexicon_lead(_L["adjs"], _KEYED["claim.be_adj_to"]),  # is not really on track
    "claim.be_likely": 1 + 3 * 2 + 1,  # are odds-on odds-on odds-on front-runners
    "claim.be_scheduled": 2,  # is now expected
    "claim.intent_verb": 2 + 3 + 1,  # has been said to be quickly working; plans
    "claim.reduced_adj_to": 0,  # set to
    "claim.chosen_to": 3,  # has been unanimously chosen
    "claim.promise_object": 0,  # pledged; committed itself to
    "claim.idiom": _lexicon_lead(_L["idioms"], _KEYED["claim.idiom"]),  # can't rule out; is still to come; odds
    "claim.progressive_intent": 2,  # is still considering
    "claim.intent_noun": 2,  # has firm plans; ’s new plan
    "claim.expect_subject": _lexicon_lead(_L["expects"], _KEYED["claim.expect_subject"]),  # expect
    "claim.modal_would": 0,  # would; ’d
    "claim.weak_modal": 0,  # could
    "claim.want_object": 1,  # would like; ’d like
    "claim.should": 0,  # should
    "claim.forecast_verb": 0,  # sees; guided for
    "claim.postponed": 0,  # pushed back to
    "claim.confident_can": 1 + _ADV_WORDS,  # is no longer confident
}


def _key_words(text: str, a: int, b: int, keys: dict, words=None) -> list[tuple[int, int, str, int]]:
    """(start, end, lowercased word, index in the word list or -1) of the words of ``text[a:b]`` that are
    ``keys``; from the document's word list (``TextDoc.words``) when given: a set look-up per word in C
    (compress), no regex match object per word."""
    idx = words.within(a, b) if words is not None else None
    if idx is None:
        return [(m.start(), m.end(), w, -1) for m in _WORD.finditer(text, a, b)
                if (w := m.group().lower()) in keys]
    starts, ws, lows = words
    return [(starts[k], starts[k] + len(ws[k]), lows[k], k)
            for k in compress(idx, map(keys.__contains__, lows[idx.start:idx.stop]))]


# With the document's word list, some rules say from a key's neighbours whether a match can hold it: the words
# right after or before the key that the pattern writes out ("expected" + to/for, "plans" + to/of, "chosen" +
# to). Each rule below has every match hold one of its keys as a whole word (spaces around it in the pattern),
# so a merged window none of whose keys passes holds no match and is not run. Four rules can also match a key or
# the word before it glued to digits ("5plans to", "in store5", "had2are expected next"; the pattern only bars
# letters): a window holding a word of letters and digits is always run for them. Case: neighbours are compared lowercased, a superset of what the
# (case-sensitive) patterns accept; a text holding ſ or İ (regex.I folds them to s and i) is not filtered.
# tests/test_claims_filters.py checks filtered against plain scans; a rule whose pattern changes must have
# its test here checked against the new pattern (or removed).
_BE_SCHEDULED_AFTER = frozenset("in on by next this later early before at within from".split())
_POSTPONED_TO = frozenset(("until", "till", "to", "into"))
_BE_LIKELY_AFTER = frozenset("""as if after before when once in by on at within during next this later soon unless
    given amid because from over until now""".split())
_DIGIT_GLUE = frozenset(("claim.intent_verb", "claim.idiom", "claim.postponed", "claim.be_scheduled"))


def _cue_holds(rid: str, lows: list[str], k: int, text: str, end: int, stop: int) -> bool:
    """Can a match of cue rule ``rid`` hold its key word ``lows[k]`` (ending at ``end`` in ``text``, scanned up to
    ``stop``, where ``$`` matches)? True for the rules not filtered."""
    low = lows[k]
    nxt = lows[k + 1] if k + 1 < len(lows) else ""
    if rid == "claim.be_adj_to":  # is expected / on track + to|for (a prefix: "to" is not bounded)
        return nxt.startswith(("to", "for"))
    if rid == "claim.intent_verb":  # plans / is working [hard] / pledged itself + to
        return nxt == "to" or k + 2 < len(lows) and lows[k + 2] == "to"
    if rid == "claim.intent_noun":  # has plans to, its decision of
        return nxt in ("to", "of")
    if rid == "claim.chosen_to":  # has been [unanimously] chosen to
        return nxt == "to" and "been" in lows[max(0, k - 2):k]
    if rid == "claim.be_scheduled":  # is [now|also] expected + in / on / by / next …
        return nxt in _BE_SCHEDULED_AFTER and k >= 1 and lows[k - 1] in ("is", "are", "be", "now", "also")
    if rid == "claim.confident_can":  # is confident [that] it / the new board / Name + can
        return "can" in lows[k + 2:k + 6]
    if rid == "claim.postponed":  # postponed until, pushed back to, put off till
        if low in ("pushed", "moved"):
            return nxt == "back" and k + 2 < len(lows) and lows[k + 2] in _POSTPONED_TO
        if low == "put":
            return nxt == "off" and k + 2 < len(lows) and lows[k + 2] in _POSTPONED_TO
        return nxt in _POSTPONED_TO
    if rid == "claim.be_likely":
        if low in ("likely", "unlikely", "inevitable", "imminent", "probable"):  # + punctuation, the end, as / if / next …
            rest = text[end:min(stop, end + 40)].lstrip()  # nothing but spaces up to the stretch end: "$"
            return not rest or rest[0] in ".,;:!)\"”’" or nxt in _BE_LIKELY_AFTER
        return nxt == "to"  # the favourites / front-runners to
    if rid == "claim.idiom":  # rule / ruling out, bode(s) ill / well, in store, on the cards, to come
        if low in ("rule", "ruling"):
            return nxt == "out"
        if low in ("bode", "bodes"):
            return nxt in ("ill", "well")
        if low == "store":
            return k >= 1 and lows[k - 1] == "in"
        if low == "cards":
            return k >= 1 and lows[k - 1] == "the"
        if low == "come":
            return k >= 1 and lows[k - 1] == "to"
        return True
    return True


_CUE_FILTERED = frozenset({"claim.be_adj_to", "claim.intent_verb", "claim.intent_noun", "claim.chosen_to",
                           "claim.be_scheduled", "claim.confident_can", "claim.postponed", "claim.be_likely",
                           "claim.idiom"})


def _mixed_word_in(words, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` touch a word of letters and digits ("10am", "5plans")?"""
    starts, ws = words.starts, words.words
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    j = bisect.bisect_left(starts, hi)
    return not all(map(operator.or_, map(str.isalpha, ws[i:j]), map(str.isdecimal, ws[i:j])))


_BE_FORMS = ("is", "are", "am")


def _may_be_to(words, a: int, b: int) -> bool:
    """Can claim.be_to match in ``text[a:b]``: is there a "to" after is/are/am ("is to", also "5am to": no letter
    before it), perhaps with not/also/now/still between? Its pattern runs over the whole stretch (60 ms on 3.8 M
    characters) and matches in about one article in ten. True without the document's word list."""
    idx = words.within(a, b) if words is not None else None
    if idx is None:
        return True
    lows = words.lows
    k = idx.start
    while True:
        try:
            k = lows.index("to", k, idx.stop)
        except ValueError:
            return False
        prev = lows[k - 1] if k else ""
        if _ends_in_be(prev) or prev in ("not", "also", "now", "still") and k >= 2 and _ends_in_be(lows[k - 2]):
            return True
        k += 1


def _ends_in_be(word: str) -> bool:
    if word in _BE_FORMS:
        return True
    if word.isalpha():
        return False  # a longer word of letters has a letter before its last two or three
    for be in _BE_FORMS:
        if word.endswith(be):
            return len(word) == len(be) or not word[-len(be) - 1].isalpha()
    return False


def scan(text: str, a: int, b: int, words=None, keys: KeyIndex | None = None) -> list[tuple[int, CueRule, regex.Match]]:
    """Every cue match in ``text[a:b]`` as (cue start, rule, match), overlapping matches included; ``words`` is
    the document's ``TextDoc.words`` (optional: it saves a word scan), ``keys`` its key index (optional: it
    shares the words of letters and digits with the claims stage's look-ups)."""
    out: list[tuple[int, CueRule, regex.Match]] = []
    windows: dict[str, list[list]] = {}
    filtered = words is not None and not any(ch in text for ch in _ODD_FOLDS)
    lows = words.lows if filtered else ()
    mixed = (keys if keys is not None else KeyIndex(text, words)).mixed_words() if filtered else None
    for ws, we, low, k in _key_words(text, a, b, _KEY_RULES, words):
        rules = _KEY_RULES[low]
        lo, hi = max(a, ws - _PAD), min(b, we + _PAD)
        for rid in rules:
            w = windows.get(rid)
            if w is None:
                w = windows[rid] = []
            if w and lo <= w[-1][1]:
                last = w[-1]
                if hi > last[1]:
                    last[1] = hi
                last[4] = ws
                if last[2]:
                    continue  # the window runs once any of its keys can be held: no need to ask the others
            else:
                last = [lo, hi, False, k, ws]  # (start, end, held, first key's index, last key's start)
                w.append(last)
            last[2] = k < 0 or not filtered or rid not in _CUE_FILTERED or _cue_holds(rid, lows, k, text, we, b)
    for rule in CUE_RULES:
        if rule.id in _KEYED:
            spans = windows.get(rule.id, ())
        elif rule.id == "claim.be_to" and not _may_be_to(words, a, b):
            spans = ()
        else:
            spans = ((a, b, True, -1, b),)
        lead = _CUE_LEAD.get(rule.id) if filtered else None
        for lo, hi, held, first_k, last_key in spans:
            if not held and not (rule.id in _DIGIT_GLUE and _mixed_word_in(words, lo, hi)):
                continue
            while lo > a and not text[lo - 1].isspace():
                lo -= 1
            while hi < b and not text[hi].isspace():
                hi += 1
            trimmed = lead is not None and first_k >= 0 and not _touches(mixed, lo, hi)
            if trimmed and first_k > lead:
                lo = max(lo, _word_end(words, first_k - lead - 1))  # no match starts before this
            for m in rule.pattern.finditer(text, lo, hi, overlapped=True):
                if m.start("cue") >= 0:
                    out.append((m.start("cue"), rule, m))
                if trimmed and m.start() >= last_key:
                    break  # a later match would start past every key word of the window
    return out


def _word_end(words, k: int) -> int:
    return words.starts[k] + len(words.words[k])


def _touches(mixed: tuple[list[int], list[int]], lo: int, hi: int) -> bool:
    """Does one of these words reach into ``text[lo:hi]`` (or end at ``lo``)? (Words do not overlap: the last one
    starting before ``hi`` is the only one that can.)"""
    starts, ends = mixed
    i = bisect.bisect_left(starts, hi)
    return i > 0 and ends[i - 1] >= lo

