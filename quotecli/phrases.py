"""The noun phrases around a reporting verb: who is the subject of "said", the sentence's subject, a
name's role words, and whether a phrase can be a speaker at all.

Works on whitespace tokens with their offsets; shared by the attribution rules (``attribution.py``) and,
through them, by the speakers table.
"""
from __future__ import annotations

from itertools import compress

import regex

from .lexicons import load
from .names import (_FEMALE_ROLES, _MALE_ROLES, _PERSON_HEADS, _RESPONDENTS, DEMONYMS, NAME_PAT, NOT_NAME_START,
                    ORG_WORDS, PRONOUNS, SOURCE_NOUNS as _SOURCE_NOUNS, TITLES, drop_calendar_tail, name_type, page_label, split_role)
from .text import tokens

TITLES_SET = frozenset(TITLES)

CUES = tuple(sorted(load("cue_verbs"), key=len, reverse=True))

NOT_NAME = NOT_NAME_START | frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

class CueHit(tuple):
    """One reporting verb found by ``find_cues_in_words``: behaves like the regex match it replaces."""

    __slots__ = ()

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]

    def span(self) -> tuple[int, int]:
        return self[0], self[1]

    def group(self) -> str:
        return self[2]


_CAPS = tuple(c[0].upper() + c[1:] for c in CUES)
_SINGLE_CUES = frozenset(c for c in CUES + _CAPS if " " not in c)
_MULTI_CUES: dict[str, regex.Pattern] = {}
for _first, _rests in {f: [c.split(" ", 1)[1] for c in CUES + _CAPS + ("according to", "According to",
                                                                        "was quoted as saying")
                            if c.split(" ", 1)[0] == f and " " in c]
                       for f in {c.split(" ", 1)[0] for c in CUES + _CAPS + ("according to", "According to",
                                                                              "was quoted as saying") if " " in c}
                       }.items():
    _MULTI_CUES[_first] = regex.compile(
        r"\s+(?:" + "|".join(regex.escape(r).replace(r"\ ", r"\s+") for r in sorted(_rests, key=len, reverse=True))
        + r")(?![\p{L}\-])")
_NOT_AROUND_CUE = frozenset("-’'")
_CUE_KEYS = _SINGLE_CUES | _MULTI_CUES.keys()  # the words a reporting verb starts with


def find_cues_in_words(text: str, words) -> list[CueHit]:
    """Every reporting verb of a document, from its shared word list (``TextDoc.words``): set look-ups filtered
    in one pass, then the boundary and multi-word checks on the few hits only — many times faster than one
    alternation of six hundred verbs tried at every position."""
    starts, ws = words.starts, words.words
    out = []
    n = len(text)
    for i in compress(range(len(ws)), map(_CUE_KEYS.__contains__, ws)):
        w = ws[i]
        a = starts[i]
        b = a + len(w)
        if (a and (text[a - 1] in _NOT_AROUND_CUE or text[a - 1].isalpha())) or \
                (b < n and (text[b] in _NOT_AROUND_CUE or text[b].isalpha())):
            continue  # "Post’s", "re-told": not a reporting verb on its own
        rest = _MULTI_CUES.get(w)
        if rest is not None:
            r = rest.match(text, b)
            if r:
                out.append(CueHit((a, r.end(), text[a:r.end()])))
                continue
        if w in _SINGLE_CUES:
            out.append(CueHit((a, b, w)))
    return out


ADV = (r"(?:also|later|then|still|now|even|ever|never|always|just|only|usually|could|would|should|might|can|must|did|does|has|had|have|was|were|is|are|will|once|previously|recently|repeatedly|"
        r"reportedly|again|further|simply|flatly|quickly|publicly|privately|separately|earlier|often|"
        r"frequently|angrily|proudly|bluntly|jokingly|told\s+\w+\s+and|"
        # (not a noun or adjective in -ly: "Jamal Okoro's family said", "a US ally warned")
        r"(?!(?:family|ally|rally|assembly|supply|reply|monopoly|anomaly|belly|bully|folly|orderly|elderly|"
        r"daily|weekly|monthly|quarterly|yearly|italy)(?![\p{L}]))\p{Ll}+ly)")

_POSSESSIVE = regex.compile(rf"(?P<sp>{NAME_PAT})(?<=['’]s?)\s+(?:\p{{Ll}}[\p{{Ll}}\-]*\s+)?\Z", titles=TITLES)
# "the judge’s warning that", "The company’s response:": a determiner phrase whose head names a source
_COMMON_POSSESSIVE = regex.compile(r"(?<![\p{L}])(?P<sp>(?:[Tt]he|[Aa]n?|[Tt]his)\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}"
                                   r"\p{Ll}[\p{Ll}\-]*)['’]s?\s+(?:\p{Ll}[\p{Ll}\-]*\s+)?\Z")

PREP_BEFORE = regex.compile(r"(?<![\p{L}])(?:through|in|at|on|with|from|to|into|by|for|of|during|"
                             r"across|around|outside|inside|near|over|under)\s+$")

_ADV_RE = regex.compile(ADV)
# "<subject> [was] prompted/quick/used to say": the words between a subject and its infinitive cue verb
# verbs whose object does what the infinitive after it says: "led her to declare", "prompted the mayor to say"
_CAUSING = frozenset("""led leads prompted prompts forced forces caused causes pushed pushes urged urges encouraged
    encourages inspired inspires got gets allowed allows required requires""".split())
_OBJECT_PRONOUN_WORDS = frozenset({"him", "her", "them", "us", "me"})
_RAISING = frozenset("""prompted forced moved compelled quick careful eager keen happy glad proud
    continued continues proceeded proceeds hastened rushed tried tries seemed seems appeared appears
    decided chose used likes liked loves loved tends tended began begins started starts""".split())

_INITIALS_OR_TITLE = regex.compile(r"(?:\p{Lu}\.)+|\L<titles>", titles=TITLES)

_CONTRACTED = regex.compile(r"([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)['’](?:d|s|ll|re|ve|m)")
_PARTICLE_HYPHEN = regex.compile(r"(?:al|el|bin|ibn|abu|de|da|van|von)-\p{Lu}")  # "Anwar al-Awlaki"

_FUNCTION = frozenset("""a an the and or but that what which who whom whose when while as if because of to in on at
    by for with from into than then so said says told also not no this these those it its his her their our
    is was are were be been has had have will would could should may might can""".split())
# prepositions that end a common noun phrase read backwards ("is about parents telling"), lower case only
# ("About four in 10 voters said" opens with an approximation)
_PHRASE_PREPS = frozenset("""about over against among amid like after before under without through across behind
    beyond toward towards upon via""".split())

DETS = frozenset("my our your the a an one another two three several some many other their his her its".split())

_ROLE_SUFFIX = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee", "ive", "ary", "ess", "chief", "head")

_LEAD_ADV = frozenset("""in at on during after before following despite speaking asked meanwhile however but and yet
    still instead earlier later last this then so also since when while as under over for from with without amid
    like unlike even now today yesterday separately elsewhere overall according thus moreover furthermore
    additionally indeed instead nevertheless nonetheless besides likewise similarly monday tuesday wednesday
    thursday friday saturday sunday throughout immediately shortly back across along among around behind beside
    between beyond by inside near outside through toward towards upon within amidst against via regarding until
    ahead given once whether if although though because unless whereas alongside""".split())
_SUBORDINATORS = frozenset("while although though because as when after before since if unless whereas despite "
                           "following given once until whether".split())
_CHUNK_END = (",", ",”", ',"', ",''", ",’")

_VERBISH = frozenset("""has had have was were is are will would could can may might should said says told also
    did does do had been must shall""".split())

# common irregular past forms: "Romney went after Trump", "Carson took the stage" (regular ones end in -ed)
_IRREGULAR_PAST = frozenset("""went took began left put hit stood made gave got came saw knew thought kept held brought
    felt found ran sat set spoke won wrote read led met paid sent spent struck threw drew fought bought caught taught
    sold lost meant heard built broke chose drove fell grew rode rose shook shot sang swore tore wore beat bit blew
    cast cut dealt fled flew quit rang sought shut spread stole stuck swung woke became withdrew upheld""".split())

_REFLEXIVE = frozenset("himself herself itself themselves myself ourselves".split())

REGIONS = frozenset(load("regions"))
_PLACES = frozenset(load("place_names"))
_FIRST_NAMES = frozenset(line.split("\t")[0] for line in load("first_names"))
_PREPS = frozenset("in on at after before during into from since until with for of".split())

_TIME_WORDS = frozenset(w.split("\t")[0] for w in load("time_weekdays") + load("time_months") + load("time_units")) \
    | frozenset("hours hour minutes minute moments moment seconds nights night mornings morning evening "
                "afternoon".split())
_NUMBER_WORDS = frozenset(w.split("\t")[0] for w in load("time_numbers") if " " not in w.split("\t")[0]) - {"a", "an"}
_TIME_LEAD = frozenset("less than more about nearly just only a few several over some almost".split())
_OBJECT_START = frozenset("with that this it them him her us on at in to for about from by".split())
_TIME_END = frozenset("ago later earlier after before since".split())
_OPEN_MARKS = ("“", '"', "‘", "''", "``", "«")
_CLOSE_FOR = {"“": ("”",), '"': ('"',), "‘": ("’",), "''": ("''",), "``": ("''",), "«": ("»",)}


def _bare(w: str) -> str:
    return w.strip(",.;:").lower()


def verb_like(w: str, adverbs: bool = True) -> bool:
    """Does this lower-case word read as the verb after a subject ("went", "didn’t", "himself", and with
    ``adverbs`` "later", "then")?"""
    low = _bare(w)
    if not low or not w[:1].islower():
        return False
    return (low in _VERBISH or low in _SINGLE_CUES or low in _IRREGULAR_PAST or low in _REFLEXIVE
            or low.endswith(("n’t", "n't")) or adverbs and bool(_ADV_RE.fullmatch(low)))


def _time_chunk(words: list[str]) -> bool:
    """ "Hours later", "Eight years ago", "Last week", "On Tuesday", "In 2012": a fronted time phrase."""
    if not words:
        return False
    if len(words) >= 3 and (words[0] in _NUMBER_WORDS or words[0].isdigit() or words[0] in ("a", "an")) \
            and words[1] in _TIME_WORDS and words[2] in _TIME_END | {"into", "until"}:
        return True  # "Fifteen minutes after Pence was picked as running mate,"
    if len(words) > 6:
        return False
    if words[-1] in _TIME_END and len(words) >= 2:
        return True
    return all(w in _TIME_WORDS or w in _NUMBER_WORDS or w.isdigit() or w in DETS or w in _WHEN_PREP
               or w in ("in", "on", "at", "a", "few", "early", "late", "of", "the", "that", "same") for w in words) \
        and any(w in _TIME_WORDS or w.isdigit() for w in words)


def _skip_quotation(toks: list, i: int) -> int | None:
    """The index of the first token after a quotation that opens the sentence (its subject is never inside the
    marks: “What you see …,” Lewandowski said, adding …), or None when the quotation does not close in sight."""
    w = toks[i][2]
    mark = next((m for m in _OPEN_MARKS if w.startswith(m)), None)
    if mark is None:
        return i
    closes = _CLOSE_FOR[mark]
    for k in range(i, len(toks)):
        t = toks[k][2][len(mark):] if k == i else toks[k][2]
        if any(c in t for c in closes if c != '"') or t.rstrip(",.;:!?)—-").endswith(closes):
            return k + 1
    return None


def _attribution_chunk(toks: list, i: int) -> tuple[int, int, int] | None:
    """ "According to Jane Roe, …" / "As Mr. Bown observed, …" / "As John Cornyn, the No. 2, put it:": a
    fronted attribution. Returns (first, last) token indices of its noun phrase and the index after the chunk."""
    first = _bare(toks[i][2])
    if first == "according" and i + 2 < len(toks) and _bare(toks[i + 1][2]) == "to":
        a = i + 2
        k = a
        while k < len(toks) and k - a < 12 and not toks[k][2].endswith(_CHUNK_END):
            k += 1
        if k >= len(toks) or k - a >= 12:
            return None
        return a, k, k + 1
    if first == "as" and i + 1 < len(toks) and (toks[i + 1][2][:1].isupper() or _bare(toks[i + 1][2]) in PRONOUNS
                                                 or _bare(toks[i + 1][2]) in ("the", "a", "an")):
        a = i + 1
        k = a
        commas = []
        while k < len(toks) and k - a < 25:
            t = toks[k][2]
            if k > a and (_bare(t) in _SINGLE_CUES or _bare(t) in ("put", "written")) and t[:1].islower():
                break
            if t.endswith(_CHUNK_END):
                commas.append(k)
            k += 1
        if k >= len(toks) or k - a >= 25 or len(commas) > 2:
            return None
        if commas and not (len(commas) == 2 and commas[1] == k - 1 and (
                toks[commas[0] + 1][2][:1].islower() or _bare(toks[commas[0] + 1][2]) in DETS)):
            return None  # "As Virginia's governor, Kaine declared": an adverbial, not an attribution
        last = commas[0] if commas else k - 1
        while last > a and toks[last][2][:1].islower() and verb_like(toks[last][2]):
            last -= 1  # "As Mr. Bown later observed"
        if _bare(toks[a][2]) in ("the", "a", "an") and not toks[last][2][:1].isupper():
            return None  # "As the crowd chanted, …": only "As the columnist Louella Parsons had written,"
        e = k
        while e < len(toks) and (e - k < 2 or e - k < 6 and (_bare(toks[e][2]) in _TIME_WORDS | _TIME_LEAD | _TIME_END
                                                             | _NUMBER_WORDS or verb_like(toks[e][2])))\
                and not toks[e][2].endswith(_CHUNK_END + (":",)):
            e += 1  # "As Louella Parsons had written just a few years earlier,"
        if e >= len(toks) or not toks[e][2].endswith(_CHUNK_END + (":",)):
            return None  # "As he spoke to accept the nomination, Trump became …": not an attribution
        return a, last, e + 1
    return None


def _skip_lead(toks: list, i: int) -> tuple[int, tuple[int, int] | None]:
    """Skip what stands before the subject: conjunctions ("But"), fronted adverbials up to their comma
    ("Hours later,", "In Salem, New Hampshire,", "Speaking at a rally in Berea, OH, after winning Ohio,"),
    as many as there are. A fronted attribution ("According to X,", "As X noted,") is returned with it."""
    for _ in range(5):
        if i >= len(toks):
            return i, None
        w = toks[i][2]
        first = w.strip(",").lower()
        if first in ("but", "and", "yet", "so", "or", "still", "also", "then", "now", "even", "only", "just") \
                and not w.endswith(","):
            i += 1  # a conjunction or focus word: "But Omar Diaz, who owns a shop, said …", "even a strategist said"
            continue
        if first in _WHEN_PREP and i + 2 < len(toks) and toks[i + 1][2] in _WHEN_WORDS:
            i += 2  # "On Tuesday the board ruled", "Last week Ms. Cole said": a time phrase without its comma
            continue
        if first in ("according", "as"):
            att = _attribution_chunk(toks, i)
            if att:
                return att[2], (att[0], att[1])
        limit = 24 if first in _SUBORDINATORS else 16
        k = i
        while k < len(toks) and k - i < limit and not toks[k][2].endswith(_CHUNK_END):
            k += 1
        comma = k < len(toks) and k - i < limit
        words = [_bare(t[2]) for t in toks[i:k + 1]] if comma else []
        participle = (first.endswith(("ed", "ing")) and len(first) > 4 and "-" not in first and i + 1 < len(toks)
                      and not verb_like(toks[i + 1][2], adverbs=False) and not w.endswith(","))
        adverb = first.endswith("ly") and len(first) > 4 and w.strip(",") not in _FIRST_NAMES and (
            w.endswith(",") or comma and k - i < 7 and i + 1 < len(toks) and _bare(toks[i + 1][2]) in _PREPS)
        lead = (first in _LEAD_ADV or participle or adverb
                or (comma and _time_chunk(words)) or (first in ("here", "there") and comma and k > i))
        if not lead:
            return i, None
        if not comma:
            return (i + 1 if first in _LEAD_ADV or participle else i), None
        # "In Salem, New Hampshire," / "in Flint, Mich.,": a region after a place belongs to the adverbial
        j = k + 1
        while j < len(toks) and toks[j - 1][2].rstrip(",")[:1].isupper():
            m = j
            while m < len(toks) and m - j < 3 and not toks[m][2].endswith(","):
                m += 1
            if m >= len(toks) or m - j >= 3 or " ".join(t[2] for t in toks[j:m + 1]).rstrip(",") not in REGIONS:
                break
            j = m + 1
        i = j
    return i, None


def _skip_page_head(toks: list) -> list:
    """The tokens after a page label ("ANALYSIS:", "WHITE HOUSE WATCH:") or an upper-case headline and its dash
    ("TRADE TALKS STALL —", "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY -") opening the sentence: neither
    is its subject."""
    k = 0
    while k < len(toks) and k < 20 and _UPPER_WORD.fullmatch(toks[k][2]):
        k += 1
    if k == 0:
        return toks
    if (toks[k - 1][2].endswith(":") or k == len(toks)) and page_label(" ".join(t[2] for t in toks[:k])):
        return toks[k:]
    if k >= 2 and k < len(toks) and toks[k][2] in _DASHES:
        return toks[k + 1:]
    return toks


_UPPER_WORD = regex.compile(r"\p{Lu}[\p{Lu}\d'’\-&.]*[,:]?")


def sentence_subject(text: str, ss: int, limit: int, loose: bool = False) -> tuple[int, int, str | None] | None:
    """The subject of the sentence starting at ``ss`` (read up to ``limit``): pronoun, name (with role words
    before it) or a source noun phrase, after any fronted adverbials. ``loose``: a reporting verb governs the
    clause, so any determiner phrase will do ("The ad ends with a voice over saying: …")."""
    toks = tokens(text, ss, min(limit, ss + 400))
    while toks and toks[0][2] in ("•", "·", "-", "–", "—", "*", "»"):
        toks = toks[1:]  # a bullet: "• Jane Roe, mayor: “…”"
    if toks and (toks[0][2].strip(",—-–(").isupper() and len(toks[0][2].strip(",—-–(")) > 2 or
                 any(_agency_tag(t[2]) for t in toks[1:5])):
        # (or "Washington (AFP) –", "Kell, Westshire (Reuters) -": a dateline in any case with its agency)
        # a dateline: "LONDON —", "JACKSON, Miss. (AP) —": the sentence starts after its dash
        for k, t in enumerate(toks[:8]):
            if t[2] in ("—", "-", "–", "--") or t[2].endswith(("—", "--")):
                toks = toks[k + 1:]
                break
    toks = _skip_page_head(toks)
    i = 0
    if toks:
        q = _skip_quotation(toks, 0)
        if q is None:
            return None
        i = q
        if i < len(toks) and _bare(toks[i][2]) in _SINGLE_CUES:
            # “…,” said Smith, adding … / Added Jones: … — but "Adding, “…”" has no subject of its own
            if toks[i][2].endswith(_CHUNK_END) or i + 1 >= len(toks):
                return None
            if toks[i + 1][2][:1].isupper():
                i += 1
            elif i > 0:
                return None
    i, att = _skip_lead(toks, i)
    if att:
        a, b = att
        np = text[toks[a][0]:toks[b][0] + len(toks[b][2].rstrip(",;:"))]
        if np.lower() in PRONOUNS or np[:1].isupper() or np.split()[0].lower() in DETS:
            got = trim_speaker(text, toks[a][0], toks[b][0] + len(toks[b][2].rstrip(",;:")), None)
            words = text[got[0]:got[1]]
            if words.split()[0].lower() in DETS and words.split()[-1][:1].isupper():
                pre, _ = split_role(words)  # "the Hollywood columnist Louella Parsons"
                if pre:
                    got = (got[0] + len(pre) + 1, got[1], pre if got[2] is None else f"{pre}, {got[2]}")
            if got[1] > got[0]:
                return got
    if i >= len(toks):
        return None
    w = toks[i][2]
    bare = w.strip(",.;:")
    if bare.lower() in PRONOUNS:
        return toks[i][0], toks[i][0] + len(bare), None
    if _bare(w) in _TIME_WORDS or (_bare(w) in _NUMBER_WORDS or _bare(w).isdigit()) and i + 1 < len(toks) \
            and _bare(toks[i + 1][2]) in _TIME_WORDS:
        return None  # "Tuesday", "Eight years ago": a time, not a speaker
    if _name_word(w.rstrip(",;:")) and w.rstrip(",;:") not in NOT_NAME and w[:1].isupper():
        # a leading name is the subject: "Trump and his aides have …", "Dean, a former chairman, …"
        j = i
        while j + 1 < len(toks) and not toks[j][2].endswith((",", ";", ":")) and _name_word(toks[j + 1][2].rstrip(",;:")) \
                and toks[j + 1][2][:1].isupper():
            j += 1
        nxt = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
        if nxt in _WHEN_PREP and j + 2 < len(toks) and toks[j + 2][2].rstrip(",") in _WHEN_WORDS:
            nxt = "said"  # "President Donald Trump on Tuesday lashed out …": the name is the subject
        if nxt in _PERSON_HEADS or nxt.endswith("s") and nxt[:-1] in _PERSON_HEADS or _role_then_name(toks, j + 1) \
                or _bare(nxt) in _SOURCE_NOUNS or nxt.endswith("s") and _bare(nxt)[:-1] in _SOURCE_NOUNS:
            pass  # "Sanders protesters interrupted", "Kelmscott boss Arne Lindqvist was", "White House press
            # secretary Karine Jean-Pierre said": the name qualifies a noun
        elif toks[j][2].endswith(",") or nxt in _VERBISH or nxt in ("and", "who") or nxt in _SINGLE_CUES \
                or nxt.endswith("ing") or (j + 1 < len(toks) and verb_like(toks[j + 1][2])) \
                or nxt.endswith(("ed", "ly", "s")):
            end = toks[j][0] + len(toks[j][2].rstrip(",;:"))
            return toks[i][0], end, None
    j = i
    while j < len(toks) and j - i < 10:
        t = toks[j][2]
        low = t.lower().strip(",.;:")
        if j > i and (low in _VERBISH or (t[:1].islower() and ((low.endswith(("ed", "ly")) or _ADV_RE.fullmatch(low))
                                                              and _bare(toks[j - 1][2]) not in DETS))
                      or low in _SINGLE_CUES and _bare(toks[j - 1][2]) not in DETS | _OBJECT_START
                      and not (j + 1 < len(toks) and toks[j + 1][2][:1].islower()
                               and (_bare(toks[j + 1][2]).endswith("ed") or verb_like(toks[j + 1][2], adverbs=False)))
                      or verb_like(t, adverbs=False) and low not in _SINGLE_CUES):
            break
        if loose and j > i + 1 and t[:1].islower() and low.endswith("s") and not low.endswith("ss") \
                and j + 1 < len(toks) and (_bare(toks[j + 1][2]) in DETS | _OBJECT_START
                                           or toks[j + 1][2][:1].isupper()):
            break  # "The ad ends with a voice over", "The Rove ad hits Clinton": a verb and its object
        if j > i and low in ("who", "which", "whose") and t[:1].islower():
            break  # "a White House official who spoke anonymously …"
        if t.endswith((",", ";", ":")) or t.startswith("("):
            j += 1
            break
        j += 1
    np_toks = toks[i:j]
    while np_toks and np_toks[-1][2].startswith("("):
        np_toks = np_toks[:-1]
    if len(np_toks) == 1 and _bare(np_toks[0][2]) in DETS:
        return None  # "A newly formed super PAC …": a determiner alone is no subject
    while len(np_toks) > 1 and _bare(np_toks[-1][2]) in _TIME_WORDS:
        # "The Sanders campaign on Monday also doubled down": the time is not part of the subject
        np_toks = np_toks[:-2] if len(np_toks) > 2 and _bare(np_toks[-2][2]) in _WHEN_PREP | {"in", "at"} \
            else np_toks[:-1]
    if not np_toks:
        return None
    # a capitalised run at the end of the phrase is the name; what precedes it is the role
    k = len(np_toks)
    while k > 0 and _name_word(np_toks[k - 1][2].rstrip(",;:")):
        k -= 1
    start, end = np_toks[0][0], np_toks[-1][0] + len(np_toks[-1][2].rstrip(",;:"))
    if k < len(np_toks) and _bare(np_toks[k][2]) in _TIME_WORDS:
        return None  # "His fact-check Wednesday was retweeted": a time, not a name
    if 0 < k < len(np_toks):
        person = _person_of(text, toks, i + k, end)  # "Gov. Ann Reyes of Ohio won": Reyes, not Ohio
        if person:
            return person
        if k > 1 and np_toks[k - 1][2] in ("in", "of", "from", "at", "for") and np_toks[k - 2][2].islower() \
                and _source_head([t[2].lower() for t in np_toks[:k - 1]]):
            # "Legislative leaders in North Carolina noted": the described source, the place its role
            return start, np_toks[k - 2][1], text[np_toks[k - 1][0]:end]
    if k < len(np_toks) and k > 0 and (np_toks[0][2].lower() not in DETS
                                       or all(t[2][:1].islower() and _bare(t[2]) not in _FUNCTION
                                              for t in np_toks[1:k])):
        # "the cleric Omar al-Rashid": role and name ("The New York Times" stays whole)
        role = text[np_toks[0][0]:np_toks[k - 1][1]].rstrip(",")
        return np_toks[k][0], end, role
    if k == len(np_toks):  # no capitalised word: a common noun phrase must name a source
        words = [t[2].lower().strip(",.;:") for t in np_toks]
        source = _source_head(words)
        if not (source or loose and (words[0] in DETS or words[0].endswith(("’s", "'s"))) and len(words) <= 6
                and words[-1] not in _FUNCTION and words[-1].isalpha()):
            return None  # ("Lazar's public defense counsel": a possessive is a determiner)
        if source and np_toks[0][2] in ("Source", "Sources"):
            return start, end, None  # "Source familiar with the ad says"
        if source and np_toks[-1][2].endswith(","):
            named = _name_in_commas(toks, j)
            if named:  # "Acme's regional director, Dana Ruiz, reached out …": the name in commas is the subject
                return toks[j][0], named, text[start:end]
    if np_toks[0][2].strip(",.;:") in NOT_NAME and np_toks[0][2].strip(",.;:") not in ("The", "A", "An", "His", "Her",
                                                                                      "Its", "Their", "Our", "My") \
            and not (len(np_toks) > 2 and np_toks[1][2] == "of" and _bare(np_toks[0][2]) in SHARE_WORDS):
        return None  # (a share of people is a subject: "One of his victims, a widow from Leeds, lost …")
    return start, end, None

def _name_in_commas(toks: list, j: int) -> int | None:
    """The end of a name of two to four capitalised words starting at ``toks[j]`` and closed by a comma (the
    apposition "the firm's lawyer, Toby Renner, wrote"), or None."""
    k = j
    while k < len(toks) and k - j < 4 and toks[k][2][:1].isupper() and _name_word(toks[k][2].rstrip(",")) \
            and toks[k][2].rstrip(",") not in NOT_NAME:
        if toks[k][2].endswith(","):
            return toks[k][0] + len(toks[k][2]) - 1 if k > j else None
        k += 1
    return None

def subject_of_previous_verb(text: str, lo: int, pos: int) -> tuple[int, int, str | None] | None:
    """ "Carson took the stage … and called …", "he laughed and said": the subject of the verb phrase that a
    coordinated verb at ``pos`` joins, found by walking back from ``pos`` to the nearest name or pronoun that a
    verb follows, within the clause (not past ``;``, a dash or a quotation mark)."""
    toks = tokens(text, max(lo, pos - 250), pos)
    for j in range(len(toks) - 2, -1, -1):
        w = toks[j][2]
        if w in ("—", "–", "-", "--") or w.endswith((";", "”", '"', "''")) or w.startswith(("“", '"', "''")):
            return None
        nxt = toks[j + 1][2]
        if not (verb_like(nxt) or (nxt[:1].islower() and _bare(nxt).endswith(("ed", "s")) and len(_bare(nxt)) > 3)):
            continue
        if _bare(nxt) in ("and", "or", "but"):
            continue
        bare = w.strip(",.;:")
        if w == "who" and j > 0:
            got = _np_ending_at(text, toks, j - 1, strip_comma=toks[j - 1][2].endswith(","))
            if got and (" " in text[got[0]:got[1]] or text[got[0]:got[0] + 1].isupper()):
                return got  # "a former official who oversaw investigations and described …": who's antecedent
            return None
        if bare.lower() in PRONOUNS and not w.endswith(",") and not (
                j > 0 and toks[j - 1][2][:1].islower() and (verb_like(toks[j - 1][2], adverbs=False)
                                                             or _bare(toks[j - 1][2]).endswith("ed"))):
            return toks[j][0], toks[j][0] + len(bare), None  # (not "worded it even more carefully")
        if w[:1].isupper() and _name_word(w) and not w.endswith((",", "’s", "'s")) and bare not in NOT_NAME:
            got = _np_ending_at(text, toks, j)
            if got and text[got[0]:got[0] + 1].isupper():
                return got
    return None


def possessive_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """President Xi Jinping’s call …: the name whose possessive stands right before a noun cue."""
    base = max(lo, cue_start - 120)
    m = _POSSESSIVE.search(text[base:cue_start])
    if not m:
        m = _COMMON_POSSESSIVE.search(text[base:cue_start])
        if not m or not _source_head(m.group("sp").lower().split()):
            return None
        return base + m.start("sp"), base + m.end("sp")
    a, b, _ = trim_speaker(text, base + m.start("sp"), base + m.end("sp"), None)
    return (a, b) if b > a else None

def subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str | None] | None:
    """The noun phrase right before a cue verb: pronoun, name (with a role before it), or source noun."""
    toks = tokens(text, max(lo, cue_start - 220), cue_start)
    if not toks:
        return None
    # adverbs and auxiliaries between subject and verb: "has also said", "later told"
    j = len(toks) - 1
    while j >= 0:
        w = toks[j][2]
        if _ADV_RE.fullmatch(w) and not w[0].isupper():
            j -= 1
        elif w.rstrip(",") in _WHEN_WORDS and j > 0 and toks[j - 1][2].lower() in _WHEN_PREP and (
                not w.endswith(",") or j < 2 or toks[j - 2][2].endswith(",")):
            # "on Tuesday", "last week" between the subject and its verb (", on Tuesday," too); but the comma of
            # "Evan Price, who put forward the proposal last year, said" closes a clause the time phrase ends
            j -= 2
        elif w == "to" and j > 1 and toks[j - 1][2] in _RAISING and \
                not toks[j - 2][2].lower().endswith(("not", "never", "n't", "n’t")):
            j -= 2  # "Mr. Trump was prompted to say", "she was quick to add", "he used to say": the subject's cue
        elif w in ("ago", "earlier", "later") and j > 1 and _bare(toks[j - 1][2]) in _TIME_WORDS:
            j -= 2  # "The State Department less than two weeks ago said"
            while j >= 0 and (_bare(toks[j][2]) in _NUMBER_WORDS | _TIME_WORDS | _TIME_LEAD or toks[j][2].isdigit()):
                j -= 1
        else:
            pp = _pp_start(toks, j)
            if pp is None:
                break
            j = pp - 1  # "Trump in his announcement speech called", "Clinton in a statement said"
    if j < 0 or toks[j][2].endswith(("”", '"', "''", "’")) and not toks[j][2].endswith(("s’", "s'")):
        return None  # “Sales were strong in March,” said …: the subject is never inside the marks
    if toks[j][2] in _DASHES and j > 1:
        return _dashed_apposition(text, toks, j)
    if toks[j][2] == "to":
        # "a win that led her to declare", "prompted the mayor to say": the object of a verb of causing speaks
        if j >= 2 and toks[j - 1][2].lower() in _OBJECT_PRONOUN_WORDS and toks[j - 2][2].lower() in _CAUSING:
            return toks[j - 1][0], toks[j - 1][1], None
        for k in range(j - 2, max(-1, j - 6), -1):
            if toks[k][2].lower() in _CAUSING:
                np = _np_ending_at(text, toks, j - 1)
                return np if np and np[0] == toks[k + 1][0] else None
        return None
    # relative clause: "Zoomcar, which calls its drivers “partners”" / "Smith, who called it …"
    if toks[j][2] in ("which", "who", "that") and j > 0 and toks[j - 1][2].endswith(","):
        # (past appositions before the pronoun: "Rep. Dana Holt, R-Ariz., who told …", "Cory James, 22, who …")
        return _appositive_chain(text, toks, j - 1) or _np_ending_at(text, toks, j - 1, strip_comma=True)
    if toks[j][2] in ("which", "who") and j > 0 and _name_word(toks[j - 1][2]):
        np = _np_ending_at(text, toks, j - 1)  # "the Chicago Police Department which reported": restrictive
        return np if np and " " in text[np[0]:np[1]] else None  # (not "Anyone who wrote")
    if toks[j][2].endswith("),") and toks[j][2].startswith("(") and j > 0:
        np = _np_ending_at(text, toks, j, strip_comma=True)  # "Gov. John Kasich (R-OH), said"
        if np and text[np[0]:np[0] + 1].isupper():
            return np
    # appositive: "Hugh Hill, a doctor, said" / "Sir Vince Cable, who replaced …, said"
    if toks[j][2].endswith(",") and j > 1:
        for k in range(j - 1, max(0, j - 4), -1):  # "Officials in Ohio, for instance, noted": the adverbial is no apposition
            if toks[k][2].endswith(",") and " ".join(t[2] for t in toks[k + 1:j + 1]).rstrip(",").lower() \
                    in _PARENTHETICALS:
                return _np_ending_at(text, toks, k, strip_comma=True)
    if toks[j][2].endswith(",") and j > 0:
        chained = _appositive_chain(text, toks, j)
        if chained:
            return chained
        k = j - 1
        while k >= 0 and not toks[k][2].endswith(",") and j - k < 25:
            k -= 1
        first = toks[k + 1][2] if k + 1 <= j else ""
        role_like = first.lower() in DETS | {"who", "whose"} or first in TITLES or (
            first[:1].islower() and first.lower() not in PRONOUNS)
        seg = toks[k + 1:j + 1]
        if len(seg) == 1 and _PARTY_TAG.fullmatch(seg[0][2].rstrip(",")):
            return _np_ending_at(text, toks, k, strip_comma=True)
        if k >= 0 and seg and all(_name_word(t[2].rstrip(",")) for t in seg) and len(seg) <= 5 \
                and seg[0][2] not in NOT_NAME:
            # "the club’s chief executive, Alison Pryce, said": the name is the apposition
            role_np = _np_ending_at(text, toks, k, strip_comma=True)
            role_txt = text[role_np[0]:toks[k][1] - 1] if role_np else None
            k2 = k - 1
            while k2 >= 0 and not toks[k2][2].endswith(",") and k - k2 < 25:
                k2 -= 1
            if k2 >= 0 and toks[k2][2].endswith(",") and _bare(toks[k2 + 1][2]) in ("the", "a", "an"):
                # "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said": the
                # apposition names the role's organisation; the speaker is the name before the role
                first_np = _np_ending_at(text, toks, k2, strip_comma=True)
                if first_np and text[first_np[0]:first_np[0] + 1].isupper() and " " in text[first_np[0]:first_np[1]] \
                        and text[first_np[0]:first_np[1]].split()[0] not in NOT_NAME:
                    return first_np[0], first_np[1], text[toks[k2 + 1][0]:toks[j][1] - 1].strip()
            return seg[0][0], seg[-1][1] - 1, role_txt
        if k >= 0 and toks[k][2].endswith(",") and role_like and (
                first.lower() in ("who", "whose", "which")
                or not any(_bare(t[2]) in _SINGLE_CUES | _VERBISH for t in seg)):
            # (not "Alongside the protests, even a strategist said the mayor must choose, saying": a clause)
            role_s, role_e = toks[k + 1][0], toks[j][1] - 1
            np = _np_ending_at(text, toks, k, strip_comma=True)
            if np:
                return np[0], np[1], text[role_s:role_e].strip()
        return None
    return _np_ending_at(text, toks, j)

_DASHES = frozenset(("—", "–", "--", "-", "―"))


def _dashed_apposition(text: str, toks: list[tuple[int, int, str]], j: int) -> tuple[int, int, str | None] | None:
    """ "Senator Ada Lutz — who chairs the panel — told reporters": an apposition between dashes stands between
    the subject and its verb; the subject is the name (or pronoun) before the first dash."""
    for k in range(j - 1, max(0, j - 30), -1):
        w = toks[k][2]
        if any(q in w for q in ("“", "”", '"', "''")) or w.endswith((";", ":")):
            return None
        if w in _DASHES:
            if k == 0 or k == j - 1:
                return None
            np = _np_ending_at(text, toks, k - 1)
            if not np or not (text[np[0]:np[0] + 1].isupper() or text[np[0]:np[1]].lower() in PRONOUNS):
                return None
            role = text[toks[k + 1][0]:toks[j - 1][1]].strip(" ,")
            for c in range(k - 1, max(-1, k - 14), -1):
                if toks[c][2].endswith(","):
                    # "John Dickey, the chief executive of Ora Media -- the company that … -- told me": the dashes
                    # close a comma apposition, whose name comes before it
                    if c + 1 < k and (toks[c + 1][2].lower() in DETS or toks[c + 1][2][:1].islower()):
                        first = _np_ending_at(text, toks, c, strip_comma=True)
                        if first and text[first[0]:first[0] + 1].isupper():
                            return first[0], first[1], text[toks[c + 1][0]:toks[j - 1][1]].strip(" ,")
                    break
            return np[0], np[1], np[2] or role
    return None


_PP_HEADS = frozenset("in at on during via through".split())


_YEAR = regex.compile(r"(?:1[89]|20)\d\d")


def _pp_start(toks: list[tuple[int, int, str]], j: int) -> int | None:
    """Where the prepositional phrases of setting that end at token ``j`` start, when they stand between a name
    (or pronoun) and its verb: "Trump in his announcement speech called", "Clinton in a statement said",
    "Premier Dan Fox at a news conference in Halifax said". The object opens with a determiner (or is one
    capitalised word) and holds no verb, pronoun or comma; the word before is a name word or a pronoun that
    opens its clause, so "a spokesman for the police in the city said" keeps its own reading."""
    for k in range(j, max(0, j - 9), -1):
        w = toks[k][2]
        if w.endswith((",", ";", ":", "”", '"', "''")) or w.startswith(("“", '"', "''", "(")):
            return None
        if k == j or w not in _PP_HEADS:
            continue
        obj = [t[2] for t in toks[k + 1:j + 1]]
        if not (obj[0].lower() in DETS or len(obj) == 1 and (obj[0][:1].isupper() or _YEAR.fullmatch(obj[0]))):
            continue  # (a year: ", who in 2010 said")
        if any(verb_like(t, adverbs=False) or _bare(t) in _SINGLE_CUES or t.lower() in PRONOUNS
               or t.lower() in _FUNCTION - DETS - _PREPS or not t[:1].isalnum() for t in obj):
            return None  # (not "at Wellesley College in the 1960s - where she urged")
        prev = toks[k - 1][2]
        if prev.lower() in PRONOUNS and prev.lower() not in ("it", "its", "his", "her", "their") \
                or prev in ("who", "which") and k >= 2 and toks[k - 2][2].endswith(","):
            a = k - 1  # (", who in a statement called": the relative pronoun stands for its antecedent)
        elif _name_word(prev) and not prev.endswith((",", "’s", "'s", ".")) and prev not in NOT_NAME:
            a = k - 1
            while a > 0 and _name_word(toks[a - 1][2]) and not toks[a - 1][2].endswith(","):
                a -= 1
        else:
            continue  # "at a news conference | in Halifax": an earlier phrase may start the run
        # the name opens its clause ("One group campaigning to leave the European Union in the June
        # referendum posted": the name is an object there)
        before = toks[a - 1][2] if a > 0 else ""
        if a > 0 and not before.endswith((",", ".", ";", ":", "!", "?", "”", '"', "''")) \
                and before.lower() not in _CLAUSE_OPENERS:
            return None
        return k
    return None


_CLAUSE_OPENERS = frozenset("and but or so then when while as after before because since that if though although "
                            "where whereas —".split())


_WHEN_WORDS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December week month year night morning afternoon evening weekend""".split())
_WHEN_PREP = frozenset("on last this early late next".split())
_APPOSITION_START = frozenset("from of at in with for who whose which a an the his her its their".split())


def _appositive_chain(text: str, toks: list[tuple[int, int, str]], j: int) -> tuple[int, int, str | None] | None:
    """ "Dr Stefano Carniani, from the Scuola Normale Superiore in Pisa, Italy, who led the study, said":
    walk back over comma-separated appositions (from/of/who/a …, or a bare place) to the person's name."""
    ends = [i for i in range(j + 1) if toks[i][2].endswith(",")]  # indices of tokens closing a chunk
    if len(ends) < 2:
        return None
    # chunks between commas, nearest the cue first: (first token index, last token index)
    chunks = []
    for n in range(len(ends) - 1, 0, -1):
        chunks.append((ends[n - 1] + 1, ends[n]))
    saw_apposition = saw_phrase = False
    k = ends[0]  # when every chunk is apposition, the name ends at the first comma
    for n, (a, b) in enumerate(chunks[:6]):
        first = toks[a][2]
        if first.lower() == "as" and a < b and toks[a + 1][2][:1].isupper() and saw_apposition:
            k = b  # "Or, as Tom Ridge, a former secretary, put it:"
            break
        if n == 1 and first.lower() in ("one", "a", "an", "the") and b - a < 4 and \
                toks[chunks[0][0]][2].rstrip(",").isdigit() and chunks[0][0] == chunks[0][1]:
            np = _np_ending_at(text, toks, b, strip_comma=True)  # "one woman, 91, said": the age's noun phrase
            return (np[0], np[1], None) if np else None
        if first.lower() in _APPOSITION_START or first[:1].islower():
            named = _named_apposition(text, toks, a, b, ends[0]) if n == len(chunks) - 1 else None
            if named:
                return named
            saw_apposition = saw_phrase = True
            continue
        words = [t[2].rstrip(",") for t in toks[a:b + 1]]
        if len(words) >= 3 and words[1] in ("of", "from") and words[0].lower() in _PARTY_HEADS:
            saw_apposition = True
            continue  # "Senator Walter P. Haines, Republican of Idaho, who sits on …, said": the party and state
        further = toks[chunks[n + 1][0]][2] if n + 1 < len(chunks) else None
        if len(words) == 1 and _name_word(words[0]) and saw_apposition and (
                words[0] in _PLACES or further is not None and (further.lower() in _APPOSITION_START
                                                                 or further[:1].islower())):
            continue  # a bare place inside the chain: "…, from the Scuola in Pisa, Italy, who led the study,"
        if " ".join(words) in REGIONS or len(words) == 1 and (words[0].isdigit() or _PARTY_TAG.fullmatch(
                words[0])):
            saw_apposition = True
            continue  # "Cory James, 22, of Flint, Mich., said": an age, a region, a party tag
        k = b  # this chunk holds the name
        break
    if not saw_apposition:
        return None
    np = _np_ending_at(text, toks, k, strip_comma=True)
    if not np or not text[np[0]].isupper() or text[np[0]:np[1]].split()[0] in NOT_NAME:
        return None
    words = text[np[0]:np[1]].split()
    if len(words) < 2 and not any(t in text[max(0, np[0] - 12):np[0]] for t in ("Mr", "Ms", "Dr", "Sen", "Rep")) \
            and not (saw_phrase and words[0] not in REGIONS and words[0] not in _PLACES and toks[k][2].endswith(",")
                     and words[0].lower() not in _LEAD_ADV | {"or", "and", "but", "yet", "so"}):
        return None  # a bare single word is as likely a place as a person: leave it to the simpler rules
    return np[0], np[1], text[toks[k][1]:toks[j][1] - 1].strip(" ,") or None


def _named_apposition(text: str, toks: list[tuple[int, int, str]], a: int, b: int,
                      head_end: int) -> tuple[int, int, str | None] | None:
    """ "Their spokesman, retired farmer Neil Armitage, said": after a description, an apposition of role words
    and a full name (``toks[a..b]``) names the speaker; the description and the role words are the role."""
    c = b
    while c > a and _name_word(toks[c][2].rstrip(",")):
        c -= 1
    if c == b or b - c < 2 or not toks[c][2][:1].islower() or not person_head(text[toks[a][0]:toks[c][1]]):
        return None
    head = _np_ending_at(text, toks, head_end, strip_comma=True)
    if not head:
        return None
    words = text[head[0]:head[1]].split()
    if words[0].lower() not in DETS | {"their", "its", "his", "her", "our"} or \
            not all(w[:1].islower() or w.endswith(("'s", "’s")) for w in words[1:]):
        return None  # (only after a description: not "Sam Hale, party chairman Tom Reyes, said")
    return toks[c + 1][0], toks[b][1] - 1, text[head[0]:toks[c][1]]


def _np_ending_at(text: str, toks: list[tuple[int, int, str]], j: int, strip_comma: bool = False,
                  memo: dict | None = None) -> tuple[int, int, str | None] | None:
    """(start, end, role) of the noun phrase or name that ends with ``toks[j]``. ``memo`` (token index -> result,
    for one ``toks``) is shared by the described-source walk, which asks for the phrase before each of its
    prepositions from every object it steps back over: computed once each, a chain "Aa of Bb of Cc of … said"
    takes linear time, not exponential."""
    if memo is None or strip_comma:
        return _np_ending_uncached(text, toks, j, memo, strip_comma)
    if j not in memo:
        memo[j] = _np_ending_uncached(text, toks, j, memo)
    return memo[j]


def _np_ending_uncached(text: str, toks: list[tuple[int, int, str]], j: int, memo: dict | None,
                        strip_comma: bool = False) -> tuple[int, int, str | None] | None:
    s, e, w = toks[j]
    if strip_comma:
        w = w[:-1]
        e -= 1
    if w.startswith("(") and w.endswith(")") and j > 0:
        return _np_ending_at(text, toks, j - 1, memo=memo)
    w = w.rstrip(")")
    if not w:
        return None
    c = _CONTRACTED.fullmatch(w)
    if c:
        w = c.group(1)  # "he’d asked", "she’s said"
    if w.lower() in PRONOUNS and (w.islower() or w[0].isupper()):
        return s, s + len(w), None
    if w[0].isupper() or (w[0] in "‘'" and len(w) > 1):
        k = j
        while k - 1 >= 0 and not toks[k - 1][2].endswith(",") and _name_word(toks[k - 1][2]):
            k -= 1
        joint = _joint_start(toks, k, j)
        if joint is not None:  # "Dana Ross and Omar Fields said": both names, one group speaker
            return toks[joint][0], e, _role_before(text, toks, joint)
        person = _person_of(text, toks, k, e)
        if person:
            return person
        org_start = k
        while k >= 2 and toks[k - 1][2] in ("of", "for", "&", "and") and toks[k - 2][2][:1].isupper() and \
                any(t[2].strip(",.") in ORG_WORDS for t in toks[max(0, k - 4):j + 1]):
            k -= 2
            while k - 1 >= 0 and _name_word(toks[k - 1][2]):
                k -= 1
        if k < org_start:
            person = _person_of(text, toks, k, e)  # "Dr. Ilona Brandt of the University of Dravek said"
            if person:
                return person
        if k == j - 1 and toks[k][2] in ("The", "the") and w.rstrip(",.;:").lower() in DEMONYMS:
            return toks[k][0], e, None  # "The Pole, who took over in the summer, said": the person in view
        while k <= j and toks[k][2].strip(",.;:") in NOT_NAME:
            k += 1
        if k > j:
            return None
        described = _described_source(text, toks, k, e, {} if memo is None else memo)
        if described:
            return described
        start = toks[k][0]
        role = _role_before(text, toks, k)
        return start, e, role
    # common noun phrase: "a spokesman", "officials", "the sentencing judge", "a source familiar with …"
    if j > 0 and toks[j - 1][2].lower() == "those" and w in _RESPONDENTS:
        return toks[j - 1][0], e, None  # "those surveyed said": the poll's respondents
    k = j
    while k >= 0 and j - k < 8:
        if k < j and toks[k][2].endswith(",") and toks[k][2][:-1].lower() not in DETS and not (
                k > 0 and toks[k - 1][2].lower() in DETS and j - k >= 2):
            # "When the mayor announced the cuts, residents called": a clause's comma ends the phrase (not the
            # comma of adjectives: "The snarky, anti-GOP headline", "another, more sympathetic reader")
            k += 1
            break
        word = toks[k][2].lower().strip(",")
        if word in DETS:
            if k == j and k > 1 and toks[k - 1][2] == "of" and word in _NUMBER_WORDS:
                k -= 1  # "the 34-year-old mother of three": the number is the phrase's last word, not its start
                continue
            break
        if word in _FUNCTION and word not in ("with", "of", "at", "in", "for", "from", "close", "to") or \
                toks[k][2] in _PHRASE_PREPS:
            k += 1
            break
        k -= 1
    k = max(0, min(k, j))
    words = [t[2].lower().strip(",.") for t in toks[k:j + 1]]
    if not words:
        return None
    det_phrase = (words[0] in DETS and len(words) <= 5 and words[-1].isalpha() and words[-1] not in _FUNCTION
                  and words[-1] not in _TIME_UNITS  # "three times in five years say": no one
                  and not words[-1].endswith(("ing", "ed")) and all(t[2][:1].islower() or t[2][:1].isdigit()
                                                                    for t in toks[k + 1:j + 1]))
    if not (_source_head(words) or det_phrase):
        return None
    if toks[k][2].lower().strip(",") in _FUNCTION and toks[k][2].lower() not in DETS:
        return None
    return toks[k][0], e, None

# a share of a group, before "of": "A majority of Republicans", "Most of the residents", "Two of the nurses"
# (attribution._SHARE_OF reads the same words; "40 percent of voters" keeps its number before "percent")
SHARE_WORDS = frozenset("""majority minority half third thirds quarter quarters most many some all none several
    both each one two three four five six seven eight nine ten dozens hundreds thousands""".split())
_SHARE_HEADS = SHARE_WORDS | {"percent", "cent", "%"}

# the last word of a time phrase, never a speaker's ("three times in five years say"): the lexicons' time words
# (weekdays, months, units) and a few more, not the shares "half" and "quarter"
_TIME_UNITS = (_TIME_WORDS | {"time", "times", "hour", "hours", "minute", "minutes", "century", "centuries"}) - \
    {"half", "quarter", "quarters"}


def _described_source(text: str, toks: list[tuple[int, int, str]], k: int, e: int, memo: dict
                      ) -> tuple[int, int, str | None] | None:
    """(start, end, role) of the described source whose prepositions' objects end at the name at ``toks[k]``
    (ending at ``e``): "A spokesman for Acme said", "Residents of Leeds told", "A nurse at St Mary's Hospital in
    Leeds said", "One employee at the chain's flagship store in Kingsbridge said" (the objects are not the
    speaker); or the person the prepositions follow ("Ann Cole of the Friends of the Earth in Leeds said")."""
    for _ in range(3):
        if k < 2 or toks[k - 1][2] not in _OBJECT_PREPS:
            return None
        if toks[k - 2][2].endswith(","):
            return None  # "a Senate colleague, from Mike Lee": an apposition, not one phrase
        head = _np_ending_at(text, toks, k - 2, memo=memo)
        words = text[head[0]:head[1]].lower().split() if head else []
        if head and head[1] == toks[k - 2][1] and (_source_head(words) or words[-1] in _PERSON_HEADS or
                                                    words[-1] in _SHARE_HEADS) and (
                toks[k - 2][2].islower() or toks[k - 2][2].endswith("s") and head[0] == toks[k - 2][0]):
            return head[0], e, head[2]
        if head and toks[k - 2][2][:1].isupper() and " " in text[head[0]:head[1]] and \
                name_type(text[head[0]:head[1]]) == "person":
            # "Ann Cole of the Friends of the Earth in Leeds said": the person, the rest her role
            return head[0], head[1], text[head[1]:e].strip()
        # step back over the object of the preposition before ("St Mary's Hospital", "the chain's flagship store")
        m = k - 2
        while m > 0 and k - 2 - m < 5 and toks[m - 1][2] not in _OBJECT_PREPS and not toks[m - 1][2].endswith(
                (",", ".", ";", ":", "”", '"')) and (toks[m - 1][2].lower() not in _FUNCTION or toks[m - 1][2] in DETS):
            m -= 1
        if m == k - 2 and not (m > 0 and toks[m - 1][2] in _OBJECT_PREPS):
            return None
        k = m
    return None


def _joint_start(toks: list[tuple[int, int, str]], k: int, j: int) -> int | None:
    """The first token of "Smith and Jones" when the capitalised run toks[k..j] follows "and" and another
    capitalised name, with no organisation word in either. The span is the whole "X and Y"; the resolver
    tells a pair of people from a company named so ("Procter and Gamble": lexicons/joint_org_names.txt)."""
    if k < 2 or toks[k - 1][2] != "and" or toks[k - 2][2].endswith(",") or not toks[k - 2][2][:1].isupper() \
            or not _name_word(toks[k - 2][2]):
        return None
    i = k - 2
    while i - 1 >= 0 and not toks[i - 1][2].endswith(",") and _name_word(toks[i - 1][2]) and k - i < 5:
        i -= 1
    while i < k - 2 and toks[i][2] in NOT_NAME:
        i += 1
    if i > 0 and toks[i - 1][2].endswith(",") and toks[i - 1][2][:1].isupper():
        return None  # "Will Smith, Patti LaBelle and Stevie Wonder, who joked": the end of a list
    words = [t[2].strip(",.;:") for t in toks[i:j + 1]]
    if words[0] in NOT_NAME or any(w in ORG_WORDS or w.isupper() and len(w) > 1 for w in words):
        return None
    return i


_AFFILIATION = frozenset({"of", "from", "at"})
_OBJECT_PREPS = frozenset({"of", "for", "from", "at", "in", "with"})
# adverbials set off by commas between a subject and its verb: "Officials, for instance, noted"
_PARENTHETICALS = frozenset({"for instance", "for example", "in turn", "meanwhile", "however", "too", "though",
                             "in fact", "of course", "in particular", "for their part", "for his part",
                             "for her part", "for its part", "by contrast", "in contrast", "likewise", "instead"})
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
_HONORIFICS = frozenset("Mr. Mr Mrs. Mrs Ms. Ms Dr. Dr Sir Dame Lord Lady".split())


def _person_of(text: str, toks: list[tuple[int, int, str]], k: int, e: int) -> tuple[int, int, str | None] | None:
    """ "Rep. Tom Cole of Oklahoma", "analyst Joe Mistry of Pellham Research", "Jerome Powell of the Federal
    Reserve": a person's name, then of/from/at and the capitalised place or organisation (``toks[k]`` up to
    ``e``) that is the role's, never the speaker. The words before the preposition are a person's when they are
    one to three name words led by a known first name, a personal title or lower-case role words
    ("Bank of England", "Secretary of State", "the University of Utah" are not)."""
    p = k - 1
    if p >= 1 and toks[p][2] == "the":
        p -= 1
    if p < 1 or toks[p][2] not in _AFFILIATION:
        return None
    q = p
    while q - 1 >= 0 and p - q < 5 and not toks[q - 1][2].endswith((",", ";", ":")) and _name_word(toks[q - 1][2]):
        q -= 1
    while q < p and toks[q][2] in NOT_NAME:
        q += 1  # "But Tom Cole of Oklahoma"
    if q >= p:
        return None
    pre, bare = split_role(text[toks[q][0]:toks[p - 1][1]])  # "Rep. | Tom Cole", "Economist | Jane Roe"
    name = bare.split()
    while pre and _INITIALS.fullmatch(pre.split()[-1]):
        name.insert(0, pre.split()[-1])  # "CBC Chairman | G.K. Butterfield": initials are the name's
        pre = " ".join(pre.split()[:-1]) or None
    if pre and all(w in ORG_WORDS or w.isupper() for w in pre.split()):
        return None  # "United States Department of Defense": an organisation's words, no person's title
    if not 1 <= len(name) <= 3 or not all(w[:1].isupper() and not (w.isupper() and len(w) > 1)
                                          or _INITIALS.fullmatch(w) for w in name) \
            or any(w in ORG_WORDS or w in REGIONS or w in _PLACES for w in name[:-1]):
        return None
    role = _role_before(text, toks, q)
    known = name[0] in _FIRST_NAMES and len(name) > 1
    if not (known or pre or role) or len(name) == 1 and not pre \
            or name[-1] in ORG_WORDS and not (pre or known and role):
        return None
    if pre and pre.split()[-1] in _HONORIFICS:
        pre = None  # "Dr. Amy Lin of Harvard University": an honorific is no role
    role = " ".join(r for r in (role, pre) if r)
    start = toks[q][0]
    if pre and (any(w not in TITLES_SET for w in pre.split()) or role):
        start += len(pre) + 1  # "House Speaker | Paul Ryan"; "Rep. Tom Cole" keeps its title, as trim_speaker does
    return start, toks[p - 1][1], f"{role} {text[toks[p][0]:e]}".strip()


def _source_head(words: list[str]) -> bool:
    from .names import SOURCE_NOUNS, _head_noun
    if len(words) > 2 and words[1] == "of" and words[0] in SHARE_WORDS:
        # "one of his victims", "most of the residents": a share of a source named by its noun (not by a suffix:
        # "One of his recent reads")
        head = _head_noun(words[2:])
        return head in SOURCE_NOUNS or head[:-1] in SOURCE_NOUNS or head in ("police", "people", "staff")
    content = [w for w in words if w not in DETS]
    if not content:
        return False
    head = _head_noun(words)
    base = head[:-1] if head.endswith("s") else head
    return (head in SOURCE_NOUNS or base in SOURCE_NOUNS or base.endswith(_ROLE_SUFFIX)
            or head in _GROUP_HEADS or head in _KIN_WORDS)


# heads of a source that are neither a person's noun nor a role's ("Jamal Okoro's family", "Obi's office")
_GROUP_HEADS = frozenset("""police people authorities staff family families relatives friends
    office campaign camp""".split())

# gendered words for people ("his wife", "the woman", "her brother"): sources as much as "the official"
_KIN_WORDS = _FEMALE_ROLES | _MALE_ROLES


def _name_word(w: str) -> bool:
    if w.endswith(("”", '"', "''")) or w[-1:] in "’'" and w[-2:-1] in ",.!?;:":
        return False  # a closing mark ends the quotation before the name: “… agree with Trump,” Sanders said
    w = w.rstrip(",")
    if not w or w != w.strip(".,;:") and not _INITIALS_OR_TITLE.fullmatch(w):
        return w[:1].isupper() and w.endswith(".") and len(w) <= 5 and "," not in w
    return w[0].isupper() or w in ("de", "van", "von", "bin", "al", "da", "der", "le", "la", "di", "du", "&") \
        or bool(_PARTICLE_HYPHEN.match(w))

# past forms in "-ed" that describe a person before a name ("retired teacher", "jailed activist"); any other
# "-ed" word, or one of the irregular past forms, is the verb of a clause whose object is the name ("The mayor
# met Ann Cole", "Police arrested former mayor Ann Cole"), never part of a role
_ED_ADJECTIVES = frozenset("""retired elected re-elected appointed designated acclaimed noted celebrated renowned
    unnamed unidentified embattled disgraced ousted alleged jailed indicted accused convicted suspected detained
    imprisoned exiled respected seasoned skilled licensed qualified certified registered trained talented beloved
    famed storied vaunted unelected married divorced widowed deceased wounded injured wanted bereaved decorated
    distinguished beleaguered disabled""".split())
_PREPOSITIONS = _PREPS | frozenset("about against among over under through like unlike".split())
_PAST_VERBS = frozenset("met found saw beat led took gave sent brought sought caught left made won got told".split())


def _verb_form(low: str) -> bool:
    """Is this lower-case word a verb form, not a describing word ("met", "arrested", "targeting"; not
    "retired", "acting")?"""
    if low in _PAST_VERBS or low.endswith("ing") and len(low) > 5 and low not in _ING_ROLES and "-" not in low:
        return True
    return len(low) > 4 and low.endswith("ed") and "-" not in low and low not in _ED_ADJECTIVES


def _agency_tag(tok: str) -> bool:
    """ "(AFP)", "(Reuters)", "(AP)": a news agency's tag in a dateline."""
    return 4 <= len(tok) <= 11 and tok[0] == "(" and tok[-1] == ")" and tok[1].isupper() and tok[1:-1].isalpha()


def _role_then_name(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Do two or three lower-case words ending in a word for a person, then a capitalised word, start at
    ``toks[k]`` ("press secretary Karine", "chief operating officer Ann")?"""
    n = k
    while n < len(toks) and n - k < 3 and toks[n][2][:1].islower() and toks[n][2].isalpha():
        n += 1
    return n - k >= 2 and n < len(toks) and toks[n][2][:1].isupper() and toks[n - 1][2] in _PERSON_HEADS and \
        role_modifiers([t[2] for t in toks[k:n - 1]])


def role_modifiers(words: list[str]) -> bool:
    """Can these lower-case words before a role's head be its modifiers ("press" in "White House press secretary",
    "assistant" in "Kell Rovers assistant manager")? Not a verb or a function word: "Tom Reyes hired campaign
    manager Ann Bell", "Tom Reyes and campaign manager Ann Bell", "John Smith and his brother Tom" name a person
    who acts on or with the one after, not an affiliation."""
    return not any(w in _FUNCTION or _verb_form(w) or verb_like(w) for w in words)


def role_before_name(text: str, start: int, lo: int) -> str | None:
    """The role words written right before the name at ``start`` (looking no further back than ``lo``), when
    they end in a word for a person ("Indian film director Mira Nair", "usability guru Dr Jakob Nielsen")."""
    toks = tokens(text, lo, start)
    return _role_before(text, toks, len(toks)) if toks else None


def person_head(role: str) -> bool:
    """Does the role end in a word for a person ("film director", "usability guru"; not "the interview")?"""
    head = role.split()[-1].lower().removesuffix("'s").removesuffix("’s").rstrip(".")
    from .names import SOURCE_NOUNS
    return head in _PERSON_HEADS or head in SOURCE_NOUNS or head in _ROLE_HEADS or head in _PARTY_HEADS or \
        len(head) > 4 and head.endswith(_ROLE_SUFFIX) and head not in _NOT_AGENTS or head.isupper() and len(head) > 1


# role heads beyond the person nouns and the agent suffixes
_ROLE_HEADS = frozenset("guru coach chief head boss aide envoy judge pundit star icon veteran champion".split())
# words with an agent noun's ending that are none ("former", "another", "whether")
_NOT_AGENTS = frozenset("""former latter other another whether either neither rather together however after never
    ever over under later longer older younger earlier newer bigger higher lower upper inner outer current recent
    present different independent frequent""".split())
_PARTY_HEADS = frozenset(w.lower() for w in load("party_words"))


def _role_before(text: str, toks: list[tuple[int, int, str]], k: int) -> str | None:
    """Lower-case role words right before a name: "economist John Smith", "the BPI's director David Martin"."""
    i = k
    while i - 1 >= 0 and k - i < 6:
        w = toks[i - 1][2]
        low = w.lower()
        if w.endswith((",", ".", ":", ";", "”", '"')) or w[0] == "(" or low in _FUNCTION - DETS or \
                low in _PREPOSITIONS or w[0].islower() and _verb_form(low) or not any(c.isalnum() for c in w):
            break
        i -= 1
        if low in DETS:
            break
    if i == k or (k - i == 1 and toks[i][2].lower() in DETS):
        return None  # nothing, or only "the" ("the Bank of England")
    role = text[toks[i][0]:toks[k - 1][1]]
    return role if person_head(role) else None  # "During the interview Mr Kennedy": no role


def plausible(text: str, s: int, e: int) -> bool:
    w = _PAREN_TAIL.sub("", text[s:e].strip())  # "Rep. Jason Chaffetz (R-Utah)"
    if not w:
        return False
    first = w.split()[0]
    if first in NOT_NAME and w.lower() not in PRONOUNS and first not in ("The",):
        return False
    if w[0].islower() and w.lower() not in PRONOUNS:
        if w.split()[-1][:1].isupper():  # "union leader Sam Ruiz"
            return True
        words = w.lower().split()
        # (a demonstrative too: “…,” this Trump look-alike declared)
        return words[0] in DETS or words[0] in _DEMONSTRATIVES and len(words) > 1 or _source_head(words)
    return True

_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_NAMES_AND = regex.compile(r"\p{Lu}[\p{L}.'’\-]*(?:[ ]\p{Lu}[\p{L}.'’\-]*)*[ ]and[ ]\p{Lu}")
_CAP_OR_TAG = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ(")
_PAREN_TAIL = regex.compile(r"\s*\([^()\n]{1,30}\)$")
_PARTY_TAG = regex.compile(r"\(?[DRI]-\p{Lu}[\p{L}.]*\)?")
_PLACE_TAIL = regex.compile(r"\s+(?:of|from|for)\s+(?:the\s+)?\p{Lu}[^,;]*$")


# how the words reached the reporter, closing an apposition: ", in an email (to the Herald)", ", via email"
_ROLE_MEDIUM = regex.compile(r"\s*,\s*(?:(?:in|via|by)\s+(?:an?\s+)?(?:e-?mail(?:ed)?(?:\s+(?:statement|message|"
                             r"response|exchange))?|statement|interview|text\s+message)(?:\s+(?:to|with)\s+[^,]{1,40})?)$")


# -ing words a role may hold ("acting director of the agency", "managing partner", "marketing chief"); any other
# opens a clause ("said Dr Nielsen, adding that …", "tweets targeting"), which is no role
_ING_ROLES = frozenset("""acting managing leading visiting outgoing incoming presiding founding governing reigning
    ruling striking serving sitting retiring working ranking longstanding long-standing consulting supervising
    commanding attending practising practicing recording touring marketing engineering banking polling housing
    training planning fundraising accounting publishing broadcasting nursing manufacturing mining shipping lending
    investing trading farming fishing computing programming advertising lobbying spending budgeting teaching
    policing printing building sporting racing boxing skating cycling sailing rowing swimming wrestling climbing
    riding shooting gaming betting dating""".split())


_ING_CLAUSE = regex.compile(r",\s+(\p{Ll}+ing)\s")
# nouns ending in -ing ("king of Spain", "wing commander", "a sibling of the victim"): the short ones are no
# participle (none of four letters is), the longer ones are listed
_ING_NOUNS = frozenset("sibling underling offspring viking".split())


def _participle(word: str) -> bool:
    """Does this lower-case word open a participle's clause ("adding", "referring"; not "acting", "king")?"""
    return len(word) > 4 and word.endswith("ing") and word.islower() and word not in _ING_ROLES \
        and word not in _ING_NOUNS


def _not_a_role_tail(role: str) -> str | None:
    """The role words after a name without what is not a role: a participle's clause (", adding that …") or
    the source of the report (", according to a Washington Post report")."""
    first = role.split(None, 1)[0] if role.strip() else ""
    if _participle(first):
        return None
    cut = role.find(", according to")
    role = role[:cut] if cut > 0 else role
    # "Florida-based Republican strategist, referring to Trump" (the first comma and participle, past a role's -ing:
    # "acting director, managing partner, adding that …")
    m = next((m for m in _ING_CLAUSE.finditer(role) if _participle(m.group(1))), None)
    return role[:m.start()] if m else role


def trim_speaker(text: str, s: int, e: int, role: str | None) -> tuple[int, int, str | None]:
    """Trim edges and split a name from role words written before it ("Acme CEO John Smith")."""
    while s < e and (text[s].isspace() or text[s] in ",;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    if text[e - 2:e] in ("’s", "'s") and e - s > 3:
        e -= 2
    elif text[e - 1:e] in ("’", "'") and e - s > 3:
        e -= 1
    words = text[s:e]
    if words[:1].isupper() and " " in words:
        kept = drop_calendar_tail(words.split(" "))
        if len(kept) < words.count(" ") + 1:
            e = s + len(" ".join(kept))  # "said Hillary Clinton Tuesday": the day is not part of the name
            words = text[s:e]
    place = tag = pre = None
    tail = _PLACE_TAIL.search(words)
    if tail and " " not in words[:tail.start()] and words[:tail.start()] in ORG_WORDS:
        tail = None  # "Airlines for Europe", "Friends of the Earth": an organisation's own name
    if tail and tail.start() > 0 and (words[0].isupper() or words.split()[0] not in DETS
                                      and words[:tail.start()].split()[-1][:1] in _CAP_OR_TAG):
        # "Hilda Solis of Los Angeles", "Mr. Morgan of the Sierra Club": the tail is part of the role
        place = words[tail.start():].strip()
        e = s + tail.start()
    paren = _PAREN_TAIL.search(text, s, e)
    if paren and paren.start() > s:
        # "Rep. Jason Chaffetz (R-Utah)", "Howard Dean (D)": the party and state tag is the role's, not the name's
        tag = text[paren.start():e].strip(" ()")
        e = paren.start()
    words = text[s:e]
    if " " in words and words.split()[-1][:1].isupper() and words.lower().split()[0] not in DETS \
            and not _NAMES_AND.match(words):  # "Edward-Isaac Dovere and Gabriel Debenedetti"
        pre, _ = split_role(words)
        if pre and pre.split()[-1] in _OBJECT_PREPS and len(pre.split()) > 1 and (
                _source_head(pre.lower().split()[:-1]) or all(w in ORG_WORDS for w in pre.split()[:-1])):
            # "officials in Kent", "analysts at Goldman Sachs", "Airlines for Europe": the capitalised words are
            # a preposition's object, not a name with its role before it
            pre = None
        if pre and (pre.split()[0] not in TITLES_SET or any(w[:1].islower() for w in pre.split())):
            # "Mr. John Smith" keeps its title; "Justice Department senior trial counsel Jane Roe" does not
            s += len(pre) + 1
        else:
            pre = None
    if role and ("mail" in role or "statement" in role or "interview" in role):
        role = _ROLE_MEDIUM.sub("", role)  # "Toby Renner, the firm's lawyer, in an email"
    if role:
        role = _not_a_role_tail(role)
    role = ", ".join(r for r in (pre, tag, place, role) if r)
    if role:
        role = role.strip(" ,")
        if role.lower().startswith(("who ", "whose ")) and len(role) > 120:
            role = role[:120].rsplit(" ", 1)[0]
    return s, e, role or None
