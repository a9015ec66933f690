"""The noun phrases around a reporting verb: who is the subject of "said", the sentence's subject, a
name's role words, and whether a phrase can be a speaker at all.

Works on whitespace tokens with their offsets; shared by the attribution rules (``attribution.py``) and,
through them, by the speakers table.
"""
from __future__ import annotations

import regex

from .lexicons import load
from .names import NAME_PAT, NOT_NAME_START, ORG_WORDS, PRONOUNS, TITLES, split_role
from .text import TIMEOUT

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


def find_cues_in_words(text: str, words) -> list[CueHit]:
    """Every reporting verb of a document, from its shared word list (``TextDoc.words``): set look-ups filtered
    in one pass, then the boundary and multi-word checks on the few hits only — many times faster than one
    alternation of six hundred verbs tried at every position."""
    starts, ws = words.starts, words.words
    keys = _SINGLE_CUES | _MULTI_CUES.keys()
    out = []
    n = len(text)
    for i in [i for i, w in enumerate(ws) if w in keys]:
        w = ws[i]
        a = starts[i]
        b = a + len(w)
        if (a and (text[a - 1] in _NOT_AROUND_CUE or text[a - 1].isalpha())) or \
                (b < n and (text[b] in _NOT_AROUND_CUE or text[b].isalpha())):
            continue  # "Post’s", "re-told": not a reporting verb on its own
        rest = _MULTI_CUES.get(w)
        if rest is not None:
            r = rest.match(text, b, timeout=TIMEOUT)
            if r:
                out.append(CueHit((a, r.end(), text[a:r.end()])))
                continue
        if w in _SINGLE_CUES:
            out.append(CueHit((a, b, w)))
    return out


ADV = (r"(?:also|later|then|still|now|even|never|always|just|only|usually|could|would|can|must|did|does|has|had|have|was|were|is|are|will|once|previously|recently|repeatedly|"
        r"reportedly|again|further|simply|flatly|quickly|publicly|privately|separately|earlier|often|"
        r"frequently|angrily|proudly|bluntly|jokingly|told\s+\w+\s+and|\p{Ll}+ly)")

_POSSESSIVE = regex.compile(rf"(?P<sp>{NAME_PAT})(?<=['’]s?)\s+(?:\p{{Ll}}[\p{{Ll}}\-]*\s+)?\Z", titles=TITLES)

PREP_BEFORE = regex.compile(r"(?<![\p{L}])(?:through|in|at|on|with|from|to|into|by|for|of|after|before|during|"
                             r"across|around|outside|inside|near|over|under)\s+$")

_ADV_RE = regex.compile(ADV)

_INITIALS_OR_TITLE = regex.compile(r"(?:\p{Lu}\.)+|\L<titles>", titles=TITLES)

_TOKEN = regex.compile(r"[^\s]+")

_FUNCTION = frozenset("""a an the and or but that what which who whom whose when while as if because of to in on at
    by for with from into than then so said says told also not no this these those it its his her their our
    is was are were be been has had have will would could should may might can""".split())

DETS = frozenset("my our your the a an one another two three several some many other their his her its".split())

_ROLE_SUFFIX = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee", "ive", "ary", "ess", "chief", "head")

_LEAD_ADV = frozenset("""in at on during after before following despite speaking asked meanwhile however but and yet
    still instead earlier later last this then so also since when while as under over for from with without amid
    like unlike even now today yesterday separately elsewhere overall according thus moreover furthermore
    additionally indeed instead nevertheless nonetheless besides likewise similarly monday tuesday wednesday
    thursday friday saturday sunday""".split())

_VERBISH = frozenset("""has had have was were is are will would could can may might should said says told also
    did does do had been""".split())

def sentence_subject(text: str, ss: int, limit: int) -> tuple[int, int, str | None] | None:
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, ss, min(limit, ss + 400), timeout=TIMEOUT)]
    i = 0
    while toks and toks[0][2] in ("•", "·", "-", "–", "—", "*", "»"):
        toks = toks[1:]  # a bullet: "• Jane Roe, mayor: “…”"
    if toks and toks[0][2].strip(",—-–(").isupper() and len(toks[0][2].strip(",—-–(")) > 2:
        # a dateline: "LONDON —", "JACKSON, Miss. (AP) —": the sentence starts after its dash
        for k, t in enumerate(toks[:8]):
            if t[2] in ("—", "-", "–", "--") or t[2].endswith(("—", "--")):
                toks = toks[k + 1:]
                break
    first = toks[0][2].strip(",").lower() if toks else ""
    if toks and (first in _LEAD_ADV or (first.endswith(("ed", "ing")) and len(first) > 4 and "-" not in first)
                 or (first.endswith("ly") and toks[0][2].endswith(","))):
        if first in ("but", "and", "yet", "so", "or", "still", "also", "then", "now") and not toks[0][2].endswith(","):
            i = 1  # a conjunction: "But Omar Diaz, who owns a shop, said …"
        else:
            k = 0
            while k < len(toks) and k < 14 and not toks[k][2].endswith(","):
                k += 1
            i = k + 1 if k < len(toks) and k < 14 else 1
    if i >= len(toks):
        return None
    w = toks[i][2]
    bare = w.strip(",.;:")
    if bare.lower() in PRONOUNS:
        return toks[i][0], toks[i][0] + len(bare), None
    if _name_word(w.rstrip(",;:")) and w.rstrip(",;:") not in NOT_NAME and w[:1].isupper():
        # a leading name is the subject: "Trump and his aides have …", "Dean, a former chairman, …"
        j = i
        while j + 1 < len(toks) and not toks[j][2].endswith((",", ";", ":")) and _name_word(toks[j + 1][2].rstrip(",;:")) \
                and toks[j + 1][2][:1].isupper():
            j += 1
        nxt = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
        if nxt in _WHEN_PREP and j + 2 < len(toks) and toks[j + 2][2].rstrip(",") in _WHEN_WORDS:
            nxt = "said"  # "President Donald Trump on Tuesday lashed out …": the name is the subject
        if toks[j][2].endswith(",") or nxt in _VERBISH or nxt in ("and", "who") or nxt in _SINGLE_CUES \
                or nxt.endswith("ing") \
                or nxt.endswith(("ed", "ly", "s")):
            end = toks[j][0] + len(toks[j][2].rstrip(",;:"))
            return toks[i][0], end, None
    j = i
    while j < len(toks) and j - i < 10:
        t = toks[j][2]
        low = t.lower().strip(",.;:")
        if j > i and (low in _VERBISH or (t[:1].islower() and (low.endswith("ed") or low.endswith("ly")))
                      or low in _SINGLE_CUES):
            break
        if t.endswith((",", ";", ":")) or t.startswith("("):
            j += 1
            break
        j += 1
    np_toks = toks[i:j]
    while np_toks and np_toks[-1][2].startswith("("):
        np_toks = np_toks[:-1]
    if not np_toks:
        return None
    # a capitalised run at the end of the phrase is the name; what precedes it is the role
    k = len(np_toks)
    while k > 0 and _name_word(np_toks[k - 1][2].rstrip(",;:")):
        k -= 1
    start, end = np_toks[0][0], np_toks[-1][0] + len(np_toks[-1][2].rstrip(",;:"))
    if k < len(np_toks) and k > 0 and np_toks[0][2].lower() not in DETS:
        role = text[np_toks[0][0]:np_toks[k - 1][1]].rstrip(",")
        return np_toks[k][0], end, role
    if k == len(np_toks):  # no capitalised word: a common noun phrase must name a source
        words = [t[2].lower().strip(",.;:") for t in np_toks]
        if not _source_head(words):
            return None
    if np_toks[0][2].strip(",.;:") in NOT_NAME and np_toks[0][2].strip(",.;:") not in ("The",):
        return None
    return start, end, None

def possessive_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """President Xi Jinping’s call …: the name whose possessive stands right before a noun cue."""
    base = max(lo, cue_start - 120)
    m = _POSSESSIVE.search(text[base:cue_start], timeout=TIMEOUT)
    if not m:
        return None
    a, b, _ = trim_speaker(text, base + m.start("sp"), base + m.end("sp"), None)
    return (a, b) if b > a else None

def subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str | None] | None:
    """The noun phrase right before a cue verb: pronoun, name (with a role before it), or source noun."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, max(lo, cue_start - 220), cue_start, timeout=TIMEOUT)]
    if not toks:
        return None
    # adverbs and auxiliaries between subject and verb: "has also said", "later told"
    j = len(toks) - 1
    while j >= 0:
        w = toks[j][2]
        if _ADV_RE.fullmatch(w, timeout=TIMEOUT) and not w[0].isupper():
            j -= 1
        elif w.rstrip(",") in _WHEN_WORDS and j > 0 and toks[j - 1][2].lower() in _WHEN_PREP:
            j -= 2  # "on Tuesday", "last week" between the subject and its verb
        else:
            break
    if j < 0:
        return None
    # relative clause: "Zoomcar, which calls its drivers “partners”" / "Smith, who called it …"
    if toks[j][2] in ("which", "who", "that") and j > 0 and toks[j - 1][2].endswith(","):
        return _np_ending_at(text, toks, j - 1, strip_comma=True)
    # appositive: "Hugh Hill, a doctor, said" / "Sir Vince Cable, who replaced …, said"
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
        if len(seg) == 1 and _PARTY_TAG.fullmatch(seg[0][2].rstrip(","), timeout=TIMEOUT):
            return _np_ending_at(text, toks, k, strip_comma=True)
        if k >= 0 and seg and all(_name_word(t[2].rstrip(",")) for t in seg) and len(seg) <= 5 \
                and seg[0][2] not in NOT_NAME:
            # "the club’s chief executive, Alison Pryce, said": the name is the apposition
            role_np = _np_ending_at(text, toks, k, strip_comma=True)
            role_txt = text[role_np[0]:toks[k][1] - 1] if role_np else None
            return seg[0][0], seg[-1][1] - 1, role_txt
        if k >= 0 and toks[k][2].endswith(",") and role_like:
            role_s, role_e = toks[k + 1][0], toks[j][1] - 1
            np = _np_ending_at(text, toks, k, strip_comma=True)
            if np:
                return np[0], np[1], text[role_s:role_e].strip()
        return None
    return _np_ending_at(text, toks, j)

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
    saw_apposition = False
    k = ends[0]  # when every chunk is apposition, the name ends at the first comma
    for a, b in chunks[:5]:
        first = toks[a][2]
        if first.lower() in _APPOSITION_START or first[:1].islower():
            saw_apposition = True
            continue
        words = [t[2].rstrip(",") for t in toks[a:b + 1]]
        if len(words) == 1 and _name_word(words[0]) and saw_apposition:
            continue  # a bare place inside the chain: "…, Pisa, Italy, who led the study,"
        k = b  # this chunk holds the name
        break
    if not saw_apposition:
        return None
    np = _np_ending_at(text, toks, k, strip_comma=True)
    if not np or not text[np[0]].isupper() or text[np[0]:np[1]].split()[0] in NOT_NAME:
        return None
    words = text[np[0]:np[1]].split()
    if len(words) < 2 and not any(t in text[max(0, np[0] - 12):np[0]] for t in ("Mr", "Ms", "Dr", "Sen", "Rep")):
        return None  # a bare single word is as likely a place as a person: leave it to the simpler rules
    return np[0], np[1], text[toks[k][1]:toks[j][1] - 1].strip(" ,") or None


def _np_ending_at(text: str, toks: list[tuple[int, int, str]], j: int, strip_comma: bool = False
                  ) -> tuple[int, int, str | None] | None:
    s, e, w = toks[j]
    if strip_comma:
        w = w[:-1]
        e -= 1
    if w.startswith("(") and w.endswith(")") and j > 0:
        return _np_ending_at(text, toks, j - 1)
    w = w.rstrip(")")
    if not w:
        return None
    if w.lower() in PRONOUNS and (w.islower() or w[0].isupper()):
        return s, s + len(w), None
    if w[0].isupper() or (w[0] in "‘'" and len(w) > 1):
        k = j
        while k - 1 >= 0 and not toks[k - 1][2].endswith(",") and _name_word(toks[k - 1][2]):
            k -= 1
        while k >= 2 and toks[k - 1][2] in ("of", "for", "&", "and") and toks[k - 2][2][:1].isupper() and \
                any(t[2].strip(",.") in ORG_WORDS for t in toks[max(0, k - 4):j + 1]):
            k -= 2
            while k - 1 >= 0 and _name_word(toks[k - 1][2]):
                k -= 1
        while k <= j and toks[k][2].strip(",.;:") in NOT_NAME:
            k += 1
        if k > j:
            return None
        start = toks[k][0]
        role = _role_before(text, toks, k)
        return start, e, role
    # common noun phrase: "a spokesman", "officials", "the sentencing judge", "a source familiar with …"
    k = j
    while k >= 0 and j - k < 8:
        word = toks[k][2].lower().strip(",")
        if word in DETS:
            break
        if word in _FUNCTION and word not in ("with", "of", "at", "in", "for", "from", "close", "to"):
            k += 1
            break
        k -= 1
    k = max(0, min(k, j))
    words = [t[2].lower().strip(",.") for t in toks[k:j + 1]]
    if not words:
        return None
    det_phrase = (words[0] in DETS and len(words) <= 5 and words[-1].isalpha() and words[-1] not in _FUNCTION
                  and not words[-1].endswith(("ing", "ed")) and all(t[2][:1].islower() or t[2][:1].isdigit()
                                                                    for t in toks[k + 1:j + 1]))
    if not (_source_head(words) or det_phrase):
        return None
    if toks[k][2].lower().strip(",") in _FUNCTION and toks[k][2].lower() not in DETS:
        return None
    return toks[k][0], e, None

def _source_head(words: list[str]) -> bool:
    from .names import SOURCE_NOUNS, _head_noun
    content = [w for w in words if w not in DETS]
    if not content:
        return False
    head = _head_noun(words)
    base = head[:-1] if head.endswith("s") else head
    return (head in SOURCE_NOUNS or base in SOURCE_NOUNS or base.endswith(_ROLE_SUFFIX)
            or head in ("police", "people", "authorities", "staff"))

def _name_word(w: str) -> bool:
    w = w.rstrip(",")
    if not w or w != w.strip(".,;:") and not _INITIALS_OR_TITLE.fullmatch(w, timeout=TIMEOUT):
        return w[:1].isupper() and w.endswith(".") and len(w) <= 5 and "," not in w
    return w[0].isupper() or w in ("de", "van", "von", "bin", "al", "da", "der", "le", "la", "di", "du", "&")

def _role_before(text: str, toks: list[tuple[int, int, str]], k: int) -> str | None:
    """Lower-case role words right before a name: "economist John Smith", "the BPI's director David Martin"."""
    i = k
    while i - 1 >= 0 and k - i < 6:
        w = toks[i - 1][2]
        low = w.lower()
        if w.endswith((",", ".", ":", ";", "”", '"')) or low in _FUNCTION - DETS:
            break
        i -= 1
        if low in DETS:
            break
    if i == k or (k - i == 1 and toks[i][2].lower() in DETS):
        return None  # nothing, or only "the" ("the Bank of England")
    return text[toks[i][0]:toks[k - 1][1]]


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
        return words[0] in DETS or _source_head(words)
    return True

_NAMES_AND = regex.compile(r"\p{Lu}[\p{L}.'’\-]*(?:[ ]\p{Lu}[\p{L}.'’\-]*)+[ ]and[ ]\p{Lu}")
_CAP_OR_TAG = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ(")
_PAREN_TAIL = regex.compile(r"\s*\([^()\n]{1,30}\)$")
_PARTY_TAG = regex.compile(r"\(?[DRI]-\p{Lu}[\p{L}.]*\)?")
_PLACE_TAIL = regex.compile(r"\s+(?:of|from|for)\s+(?:the\s+)?\p{Lu}[^,;]*$")


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
    place = tag = pre = None
    tail = _PLACE_TAIL.search(words, timeout=TIMEOUT)
    if tail and tail.start() > 0 and (words[0].isupper() or words.split()[0] not in DETS
                                      and words[:tail.start()].split()[-1][:1] in _CAP_OR_TAG):
        # "Hilda Solis of Los Angeles", "Mr. Morgan of the Sierra Club": the tail is part of the role
        place = words[tail.start():].strip()
        e = s + tail.start()
    paren = _PAREN_TAIL.search(text, s, e, timeout=TIMEOUT)
    if paren and paren.start() > s:
        # "Rep. Jason Chaffetz (R-Utah)", "Howard Dean (D)": the party and state tag is the role's, not the name's
        tag = text[paren.start():e].strip(" ()")
        e = paren.start()
    words = text[s:e]
    if " " in words and words.split()[-1][:1].isupper() and words.lower().split()[0] not in DETS \
            and not _NAMES_AND.match(words, timeout=TIMEOUT):  # "Edward-Isaac Dovere and Gabriel Debenedetti"
        pre, _ = split_role(words)
        if pre and (pre.split()[0] not in TITLES_SET or any(w[:1].islower() for w in pre.split())):
            # "Mr. John Smith" keeps its title; "Justice Department senior trial counsel Jane Roe" does not
            s += len(pre) + 1
        else:
            pre = None
    role = ", ".join(r for r in (pre, tag, place, role) if r)
    if role:
        role = role.strip(" ,")
        if role.lower().startswith(("who ", "whose ")) and len(role) > 120:
            role = role[:120].rsplit(" ", 1)[0]
    return s, e, role or None
