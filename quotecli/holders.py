"""Who holds a forward-looking claim: the noun phrase that is the subject of an expectation or intention verb,
the named actor of ``will``, or whoever the sentence reports; resolved to a canonical name by the resolver
shared with quotation speakers.

    holder(text, unit, cue, cues, resolver) -> (Mention | None, quote id | None, how)

``how`` is "quote", "subject", "agent", "report" or "writer" (the writer's own voice: no holder).
"""
from __future__ import annotations

import regex

from . import horizons
from .cues import _fullmatch, _in_relative, _match, _search
from .cues import _LETTERS, key_words, keyed, keyed_search
from .cues import (_ACCORDING, _DETS, _HOLDER_VERBS, _L, _PRONOUNS, _REPORT_BEFORE, _TRAILING_REPORT, KeyIndex, _Cue, _Unit,
                   _in_masked, _title_like)
from .models import Mention
from .text import tokens, word_after

__all__ = ["holder"]


_SKIP_SUBJECT = frozenset("""has have had is are am was were be been being also now still already widely reportedly all
    did does do not n't later earlier first again then once
    will would not never only just further recently previously once generally largely increasingly privately publicly firmly
    voluntarily then too itself themselves himself herself 'd ’d even ever actually really simply certainly clearly
    apparently reportedly allegedly reportedly ultimately eventually probably""".split())


_BOUNDARY = frozenset("""that which who whom whose said says say told because as if when while after before since although though
    so than whether where but and or nor to for""".split())


_LEAD_PREP = regex.compile(r"^(?:(?:In|On|At|During|After|Before|Since|Under|Despite|Following|For|With|Amid|Unlike|Like|As|"
                           r"By|From|Through|Over|\p{Lu}\p{Ll}+ing(?=\s+[\p{Ll}\d]))\s+[^,]{0,60}?\s+)(?=\p{Lu})")


_LEAD_CONJ = regex.compile(r"^(?:But|And|So|However|Meanwhile|Now|Yet|Still|Also|Even|Instead|Thus|Therefore|Indeed|Both)\s+")
_CONJ_WORDS = ("But", "And", "So", "However", "Meanwhile", "Now", "Yet", "Still", "Also", "Even", "Instead", "Thus",
               "Therefore", "Indeed", "Both")


_PREDICATE_CUES = frozenset({"claim.modal_will", "claim.modal_would", "claim.weak_modal", "claim.going_to", "claim.be_adj_to",
                              "claim.be_to"})


def holder(text: str, unit: _Unit, cue: _Cue, cues: list[_Cue], resolver
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
            if c.rule.id == "claim.intent_noun" and any(o.start > c.end and o.rule.id in _PREDICATE_CUES for o in cues):
                continue  # "X believes the party's plans to … would appeal": the plan noun is only a subject
            np = _possessor(text, c) if c.rule.id == "claim.intent_noun" else None
            if np is None and c.rule.id == "claim.intent_noun" and _match(r"(?i:its|his|her|their|our)\b", text[c.start:c.end]):
                # "it has indicated its intention of": the subject of the finite verb before the possessive
                verb = _search(r"(\p{L}+)\s+$", text[s:c.start])
                finite = verb and (verb.group(1).endswith(("ed", "es")) or verb.group(1) in _L["reports"]) and not \
                    _search(r"(?<![\p{L}])to\s+$", text[s:s + verb.start(1)])
                np = _subject(text, s, s + verb.start(1)) if finite else None
                if np is None:  # "news of the delay and its decision to": the possessive itself, resolved below
                    poss = _match(r"(?i:its|his|her|their|our)\b", text[c.start:c.end])
                    np = (c.start, c.start + poss.end())
            if np is None and "ing" in text[c.start:c.end] and _match(r"\p{Ll}+ing\b", text[c.start:c.end]) and _search(
                    r"(?:,|(?<![\p{L}])(?:and|or|while|before|after))\s+$", text[max(s, c.start - 12):c.start]):
                # a participle clause ("…, and promising to manage …") shares the sentence's subject
                np = _main_subject(text, s, c.start)
            np = np or _subject(text, s, c.start)
            if np and text[np[0]:np[1]].lower() in _FIRST_PERSON:
                # "We expect growth to pick up, said Jane Doe": an unmarked quotation, held by who says it
                src = _source_after(text, unit, cue)
                if src:
                    return _mention(text, resolver, *src), None, "subject"
            if np:
                return _mention(text, resolver, *_outer(text, unit, np)), None, "subject"
    hedged = keyed_search(_HEDGED, text, cue.start, cue.end, unit.keys, sliced=True)
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
            # "The ECB will cut rates, according to people familiar with the matter": the source holds it (but
            # "X is to list in London, the LSE said" stays X's plan)
            src = _source_after(text, unit, cue, according_only=True)
            if src:
                return _mention(text, resolver, *src), None, "agent"
            return _mention(text, resolver, *_outer(text, unit, np)), None, "agent"
    if cue.rule.id != "claim.horizon" or keyed_search(_TRAILING_REPORT, text, cue.end, unit.end, unit.keys):
        rep = _reporter(text, unit, cue)
        if rep:
            return _mention(text, resolver, *rep), None, "report"
    return None, None, "writer"


_FIRST_PERSON = frozenset({"we", "i", "our", "my", "us"})
_HEDGED = keyed(regex.compile(r"(?<![\p{L}])(?:likely|probably|possibly|perhaps|almost\s+certainly)(?![\p{L}])"),
                ("likely", "probably", "possibly", "perhaps", "almost"))


def _source_after(text: str, unit: _Unit, cue: _Cue, according_only: bool = False) -> tuple[int, int] | None:
    """Who a sentence is attributed to after the claim: "…, said Jane Doe", "…, a spokesman said", "according to X"."""
    m = None if according_only else keyed_search(_TRAILING_REPORT, text, max(cue.end, unit.end - 300), unit.end, unit.keys)
    if m and m.start("sp") >= 0:
        got = _trim_np(text, m.start("sp"), m.end("sp"))
        if got and text[got[0]:got[1]].lower() not in _PRONOUNS:
            return got
    m = keyed_search(_ACCORDING, text, cue.end, unit.end, unit.keys)
    if m:
        if m.start("name") >= 0:
            return _trim_np(text, m.start("name"), m.end("name"))
        return _trim_np(text, m.start("sp"), m.end("sp"))
    return None


_PLAN_ADJ = regex.compile(r"(?:scheduled|slated|due|planned|about|on\s+track|on\s+course)\s+(?:to|for)$")


_CONJ = frozenset({"and", "but", "or", "then", "yet", "nor"})
# auxiliaries and modals never sit inside a subject noun phrase: the walk back stops at them
_VERBAL = frozenset("""will would may might can could shall should must is are was were be been being has have had do does did
    am""".split())


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
        toks = tokens(text, max(0, c.start - 80), c.start + 2)
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
    for m in _reporting(text, unit.start, np[0], unit.keys):
        if _passive_before(text, unit.start, m.start(), unit.keys) or not _verb_use(text, m, unit.keys):
            continue
        outer = _subject(text, unit.start, m.start())
        if outer and outer[1] <= np[0] and text[outer[0]:outer[1]].lower() not in _PRONOUNS:
            return outer
    return np


def _passive_before(text: str, lo: int, pos: int, keys: KeyIndex | None = None) -> bool:
    return bool(keyed_search(_PASSIVE_BEFORE, text, max(lo, pos - 30), pos, keys, sliced=True))


_PASSIVE_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?$"),
                        "is are was were be been being".split())


def _subject(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb starting at ``verb_start``."""
    seg_lo = max(lo, verb_start - 300)
    toks = tokens(text, seg_lo, verb_start)
    # auxiliaries and adverbs between subject and verb: "has also said", "is widely believed to be"
    while toks and (toks[-1][2].lower().strip(",") in _SKIP_SUBJECT or toks[-1][2].lower().endswith(("n't", "n’t")) or (
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
        if low in _BOUNDARY or low in _VERBAL or prev.endswith((",", ";", ":", "\"", "”", ")")) or (
                prev.endswith(".") and not _fullmatch(r"(?:\p{Lu}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Co\.|Inc\.|St\.|Rep\.|Sen\.|Gov\.", prev)):
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
        # only a name that is the whole opening chunk: "After meeting Macron, the chancellor said" is an adverbial
        if name and name[0] == toks[j][0] and (j == 0 and toks[0][0] == _sentence_start(text, lo, toks[0][0])
                                               or j > 0 and toks[j - 1][2].endswith((".", ";", ":"))):
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
            lead_words = [t[2].lower() for t in inner[:-1]]
            descriptive = all(w not in _NP_PREPS and not w.endswith(("ed", "ing")) for w in lead_words) or first[:1].isupper()
            if first.lower() not in _APPOSITIVE_OPENER and first.lower() not in _BOUNDARY and inner[-1][2][:1].isupper() \
                    and descriptive:
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
    lead = _match(r"(?:In|On|At|During|After|Before|Since|Under|Despite|Following|For|With|Amid|Last|This|Next|Earlier|"
                       r"Later|Meanwhile|However|But|And|So|Yet|Still|Also|Then|Now|Today|Yesterday)\b[^,]{0,60}?,\s+", seg)
    if lead:
        lo += lead.end()
        seg = seg[lead.end():]
    conj = _match(r"(?:And|But|So|Yet|Still|Also|Then|Now)\s+", seg)
    if conj:
        lo += conj.end()
        seg = seg[conj.end():]
    if seg[:1].islower() or _match(r"(?:The|A|An|Some|Many|Most|Several|Two|Three)\s+\p{Ll}", seg):
        # a common noun phrase: up to the first verb-like word ("officials involved with …" -> officials)
        toks = tokens(seg, 0, len(seg))
        k = 0
        while k < len(toks) and k < 5:
            w = toks[k][2].lower()
            if k and (w in _SKIP_SUBJECT or w in _BOUNDARY or w in _NP_PREPS or w.endswith(("ed", ",", ";", ":")) or w in _L["reports"]):
                break
            k += 1
        if k:
            return _trim_np(text, lo + toks[0][0], lo + toks[k - 1][1])
        return None
    m = _match(r"(?P<np>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)(?![\p{L}])"
                    r"|(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?\p{Lu}[\p{L}'’.\-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}'’.\-]*){0,4})",
                    seg)
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
        # their first words: a conjunction; a capital (an ASCII character that is not one opens no such match)
        if rx is _LEAD_CONJ and not phrase.startswith(_CONJ_WORDS) or rx is _LEAD_PREP and phrase[:1].isascii() \
                and not phrase[:1].isupper():
            continue
        m = rx.match(phrase)
        if m and m.end() < len(phrase):
            a += m.end()
            phrase = text[a:b]
    if not phrase or not (phrase[0].isascii() and phrase[0].isalnum() or _search(r"[\p{L}\d]", phrase)) \
            or '"' in phrase or "“" in phrase or "”" in phrase:
        return None
    words = phrase.split()
    if words[0].lower() in ("there", "this", "that", "which", "what", "these", "those", "who") and len(words) == 1:
        return None
    if words[0].lower() in _NP_EDGE_BAD and len(words) > 1 and (words[1].lower() in _DETS or words[1][:1].isupper()) \
            and words[0].lower() not in _CONJ:
        a += len(words[0]) + 1  # "with the central bank predicting …"
        phrase = text[a:b]
        words = words[1:]
    if words[-1].lower() in _BOUNDARY:
        return None  # "birther who": a relative pronoun ends no subject
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
    administration cabinet parliament congress senate assembly defence defense prosecution prosecutors band orchestra choir
    singer rapper artist squad museum theatre theater gallery festival organiser organizer airport""".split())


_NON_AGENT_VERBS = frozenset("be become have need remain get take cost make face seem continue mean help allow".split())


def _agentive(text: str, np: tuple[int, int], cue: _Cue, resolver) -> bool:
    """Is the subject of will/going to/is to a person or organisation acting (a plan), not a thing?"""
    phrase = text[np[0]:np[1]]
    words = phrase.split()
    low = phrase.lower()
    if low == "you":
        return False
    verb = text[cue.verb[0]:cue.verb[1]].lower() if cue.verb else ""
    present = verb == "be" and cue.verb and _match(r"\s+(?:\p{Ll}+ly\s+)?(?:here|there|present|on\s+hand|in\s+attendance|among)\b",
                                                   text[cue.verb[1]:cue.verb[1] + 30])
    if verb in _NON_AGENT_VERBS and (cue.rule.id != "claim.be_to" or verb == "be") and not present:
        return False  # "will be here too" is attendance, a plan; "will be difficult" is not
    if low == "it":
        return False  # "It will air on Friday": an "it" that acts is too often a thing
    if low == "they":
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
    forms = {head, head[:-1] if head.endswith("s") else head, head[:-2] if head.endswith("es") else head,
             head[:-3] + "y" if head.endswith("ies") else head}
    if forms & (_AGENT_NOUNS | set(SOURCE_NOUNS) | _MORE_AGENTS):
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
    if not w:  # the pattern below with an empty word
        return bool(_EMPTY_NAME.search(text))
    return word_after(text, w, _AFTER_LOWER)  # fixed patterns, not one compiled and kept per word


_AFTER_LOWER = regex.compile(r"(?<=\p{Ll}[,]?\s)")
_EMPTY_NAME = regex.compile(r"(?<=\p{Ll}[,]?\s)(?![\p{L}])")


_REPORTING = regex.compile(
    "|".join([_REPORT_BEFORE.pattern, r"(?<![\p{L}])" + _ADJ_REPORT + r"(?![\p{L}])"]), regex.I | regex.X | regex.V0)


# the words a _REPORTING match can start with: every holder verb is one whole word of letters
_REPORTING_OPENERS = key_words([v.lower() for v in _HOLDER_VERBS] + "is are was were remain remains".split())


def _reporting(text: str, lo: int, hi: int, keys: KeyIndex | None = None):
    """``_REPORTING.finditer(text, lo, hi)``, the pattern tried only where a word that can open it starts (it begins
    after a non-letter): twice as fast as the 140-word alternation tried at every position. The openers come from
    the document's key index when it can tell (``keys``), else from a scan of the letter runs. Lowercasing is
    regex.I's case folding but for "ſ" and "İ": a stretch holding them is scanned by the pattern itself."""
    if "\u017f" in text[lo:hi] or "\u0130" in text[lo:hi]:
        yield from _REPORTING.finditer(text, lo, hi)
        return
    starts = keys.starts(_REPORTING_OPENERS, lo, hi) if keys is not None else None
    if starts is None:
        starts = [w.start() for w in _LETTERS.finditer(text, lo, hi)
                  if w.group().lower() in _REPORTING_OPENERS]
    end = lo
    for p in starts:
        if p < end:
            continue
        m = _REPORTING.match(text, p, hi)
        if m:
            yield m
            end = m.end()


_INTENT_ONLY = frozenset(_L["intents"]) - frozenset(_L["reports"]) - frozenset(_L["expects"])


# reporting or expectation words that are nouns just as often ("the vain hope that …")
_NOUN_TOO = frozenset("hope hopes fear fears forecast forecasts project projects promise promises pledge pledges warning "
                      "wish aim aims target targets vow vows estimate estimates claim claims".split())


def _verb_use(text: str, m: regex.Match, keys: KeyIndex | None = None) -> bool:
    """Is a reporting/intention word used as a verb here ("the firm plans to", not "a promise" or "manifesto plans")?"""
    word = m.group().lower()
    lo = max(0, m.start() - 25)
    if keyed_search(_DET_BEFORE, text, lo, m.start(), keys, sliced=True):
        return False
    if (word in _INTENT_ONLY or word in _NOUN_TOO) and keyed_search(_DET_NOUN_BEFORE, text, lo, m.start(), keys, sliced=True):
        return False  # "their manifesto plans for childcare"
    if word in _INTENT_ONLY and not _match(r"\s+(?:\p{Ll}+ly\s+)?to\s", text[m.end():m.end() + 20]):
        return False
    return True


_DETERMINERS = "a an the its his her their our my this that new s".split()  # "s": the possessive 's
_DET_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:a|an|the|its|his|her|their|our|my|this|that|new|['’]s)\s+[\"“‘']?$",
                                  regex.I), _DETERMINERS)
_DET_NOUN_BEFORE = keyed(regex.compile(r"(?<![\p{L}])(?:a|an|the|its|his|her|their|our|my|this|that|new|['’]s)\s+\p{Ll}+\s+$",
                                       regex.I), _DETERMINERS)


def _reporter(text: str, unit: _Unit, cue: _Cue, before_only: bool = False) -> tuple[int, int] | None:
    """Who the sentence reports: "X said (that) … cue", "…cue …, X said.", "according to X"."""
    s, e = unit.start, unit.end
    key = ("reporter before", cue.start)  # the reporter before the cue, asked twice by holder()
    if key not in unit.memo:
        unit.memo[key] = _reporter_before(text, unit, cue.start)
    got = unit.memo[key]
    if got is not None:
        return got
    if before_only:
        return None
    m = keyed_search(_TRAILING_REPORT, text, cue.end, e, unit.keys)
    if m and m.start("sp") >= 0:
        return _trim_np(text, m.start("sp"), m.end("sp"))
    m = keyed_search(_ACCORDING, text, s, e, unit.keys)
    if m:
        if m.start("name") >= 0:  # "according to the port's director, Samuel Ortiz"
            return _trim_np(text, m.start("name"), m.end("name"))
        return _trim_np(text, m.start("sp"), m.end("sp"))
    return None


def _reporter_before(text: str, unit: _Unit, pos: int) -> tuple[int, int] | None:
    """The subject of the first reporting verb of the main clause before ``pos`` (a pronoun only when there is
    no other)."""
    s, e = unit.start, unit.end
    pronoun = None
    for m in _reporting(text, s, pos, unit.keys):
        if _in_masked(m.start(), unit.masked) or _passive_before(text, s, m.start(), unit.keys) and not _match(
                _ADJ_REPORT, m.group(), regex.I):
            continue
        if not _verb_use(text, m, unit.keys):
            continue
        if _in_relative(text, s, e, m.start(), unit.keys) and not _in_relative(text, s, e, pos, unit.keys):
            continue  # "The bill, which ministers say will …, is expected to …": not the main clause's reporter
        np = _subject(text, s, m.start())
        if np and not horizons.find(text[np[0]:np[1]]):
            if text[np[0]:np[1]].lower() in _PRONOUNS:
                pronoun = pronoun or np
                continue
            return np
    return pronoun


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
    if phrase.lower() in ("its", "his", "her", "their", "our"):
        m = Mention(None, phrase, a, b, None, "organization" if phrase.lower() in ("its", "their") else "person")
        subject_form = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}[phrase.lower()]
        sent_start = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
        subj = _main_subject(text, sent_start, a)
        if subj and text[subj[0]:subj[1]].lower() not in _PRONOUNS and subj[1] <= a:
            # "The senator is not saving democracy in his bid to": the sentence's subject owns it
            m = None
            a, b = subj
            phrase = text[a:b]
            words = phrase.split()
            if fn is not None:
                try:
                    m = fn(a, b)
                except Exception:
                    m = None
        elif (same := _name_in_sentence(text, a) if subject_form in ("it", "they") else None):
            # "Baoshan stock climbed … and its decision": the name in the same sentence is the mention
            m = Mention(same.group(), same.group(), same.start(), same.end(), None, "organization")
        else:
            try:  # the resolver knows he/she/it/they: ask it about the same position
                got = resolver.pronoun(subject_form, a)
                m = Mention(got[0], phrase, a, b, None, got[1])
            except Exception:
                pass
    if m is not None and m.name is None and phrase.lower() in ("it", "its", "they", "their"):
        # the resolver knew no organisation before this pronoun: a name earlier in the sentence ("Baoshan stock
        # climbed … and its decision"), else the nearest organisation-like noun phrase
        same = _name_in_sentence(text, a)
        name = same.group() if same else None
        if name is None:
            ante = _ANTECEDENT.findall(text, max(0, a - 400), a, overlapped=False)
            name = " ".join(ante[-1].split()) if ante else None
        if name:
            m = Mention(name, phrase, a, b, None, "organization")
    common = words and words[0][:1].isupper() and _common_noun(words)
    if words and not words[0][:1].isupper() and phrase.lower() not in _PRONOUNS | {"its", "their"}:
        m = None  # "45 percent of registered voters": a description, not a name for the resolver to parse
    if m is None or common:
        from .names import common_type
        kind = common_type(phrase) if words and not words[0][:1].isupper() or common else "unknown"
        m = Mention(phrase, phrase, a, b, None, kind)
    note = getattr(resolver, "note", None)
    named = bool(words) and (words[0][:1].isupper() and not common or _search(r"(?<![\p{L}])\p{Lu}", phrase[1:]))
    if note is not None and m.name and m.type in ("organization", "group") and phrase.lower() not in _PRONOUNS and named:
        try:
            note(a, m.name, m.type)
        except Exception:
            pass
    return m


def _name_in_sentence(text: str, a: int) -> regex.Match | None:
    """The last name written earlier in the sentence that holds position ``a``."""
    sent_start = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
    for cand in reversed(list(_CAPS.finditer(text, sent_start, a))):
        w = cand.group()
        if w.split()[0] not in _NOT_ANTECEDENT and (" " in w or _name_elsewhere(text, w) or not _common_noun([w])):
            return cand
    return None


_CAPS = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}&.'’\-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}&.'’\-]*)*")
_NOT_ANTECEDENT = frozenset("""The A An But And So However Meanwhile In On At For With By From After Before Since During
    Mr Mrs Ms Dr He She It They We I His Her Its Their Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December""".split())
_ANTECEDENT = regex.compile(
    r"(?<![\p{L}])((?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:\p{Lu}[\p{L}.'’\-]*\s+){0,4}(?:\p{Lu}[\p{L}'’\-]*['’]s\s+)?"
    r"(?i:government|company|firm|party|bank|group|council|ministry|agency|board|union|club|airline|administration|"
    r"authority|commission|committee|regulator|exchange|maker|producer|corporation|Co\.|Inc\.|Ltd|plc))(?![\p{L}])")


def _common_noun(words: list[str]) -> bool:
    """"Analysts", "Observers widely", "Critics": a capitalised common noun at a sentence start, not a name."""
    from .names import SOURCE_NOUNS
    if len(words) > 3 or not all(w[1:].islower() for w in words if len(w) > 1):
        return False
    head = words[-1].lower()
    base = head[:-1] if head.endswith("s") else head
    first = words[0].lower()
    return head in SOURCE_NOUNS or base in SOURCE_NOUNS or first in _DETS or first in ("many", "some", "most", "several")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the words of the stretch ``text[lo:pos]`` begin: ``lo`` past opening quotes, brackets and spaces."""
    while lo < pos and (text[lo].isspace() or text[lo] in "\"'“‘«(["):
        lo += 1
    return lo
