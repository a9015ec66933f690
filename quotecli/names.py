"""Mentions of people and organisations: noun-phrase patterns, types, and the shared resolver.

One ``Resolver`` per document turns the words that point at a speaker or a claim's holder (``he``,
``Zhao``, ``Mr Zhao``, ``the company``) into a canonical name: pronouns to the most recent compatible
person or organisation, surnames and titled names to the earliest longest full name with that surname.
"""
from __future__ import annotations

import bisect
from functools import cached_property, lru_cache

import regex

from .lexicons import load
from .models import Mention
from .text import TextDoc, find_all, matches_at

TITLES = tuple(sorted(load("titles"), key=len, reverse=True))


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` shaped as a trie: what ``\\L<words>`` matches (the longest word first,
    then shorter ones on backtracking), but one branch per character instead of a set look-up per possible
    length, many times cheaper where most positions hold none of the words."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer word first

    return "(?:" + build(root) + ")"


# the titles as a trie; each title starts with a capital, and the look-ahead checks first that the text starts with
# one that starts a title (not "The", "He", "Trump": a quick failure at most capitals)
assert all("A" <= t[:1] <= "Z" for t in TITLES), "a title must start with a capital (see _TITLE)"
_TITLE_FIRST = "(?=[" + "".join(sorted({t[0] for t in TITLES})) + "])"
_TITLE = _TITLE_FIRST + trie_pattern(TITLES)
ORG_WORDS = frozenset(load("org_words"))
SOURCE_NOUNS: dict[str, str] = dict(line.split("\t") for line in load("source_nouns"))
_FEMALE_TITLES = frozenset({"Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Dame", "Lady", "Queen", "Princess", "Madam",
                            "Congresswoman", "Councilwoman"})
_MALE_TITLES = frozenset({"Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Father", "Congressman", "Councilman"})
ROLE_WORDS = frozenset(load("role_words")) | frozenset(w for t in load("titles") for w in t.split())
DEMONYMS = frozenset(load("demonyms"))
_PLACE_NAMES = frozenset(load("regions")) | frozenset(load("place_names"))
PAGE_LABELS = frozenset(load("page_labels"))
_LABEL_ENDS = frozenset(w for w in PAGE_LABELS if " " not in w)


def page_label(words: str) -> bool:
    """Are these upper-case words a page label ("ANALYSIS", "WHITE HOUSE WATCH", "CAMPAIGN UPDATE"), no speaker?"""
    words = " ".join(words.split()).strip(" :")
    return words.isupper() and (words in PAGE_LABELS or words.rsplit(" ", 1)[-1] in _LABEL_ENDS)


_AGED = regex.compile(r"\d{1,3}-year-old")
_NOT_ONE_ISSUER = regex.compile(r"['’]|(?<![\p{L}])(?:and|or|&)(?![\p{L}])")
# a document that speaks for whoever issued it: "a statement from the ministry", "the letter from Acme's lawyers"
# the documents a source issues (statement, letter, email …), as a pattern
DOCUMENT_NOUN = r"(?:statement|letter|e-?mail|memo|press\s+release|release|communiqu[ée])"
_DOCUMENT_FROM = regex.compile(r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Oo]ne)\s+(?:(?:brief|joint|short|written|new|later|"
                               rf"separate|official|\d+-page)\s+)?{DOCUMENT_NOUN}(?:\s+(?:issued|released|sent|posted))?"
                               r"\s+(?:from|by)\s+(?=\S)")
# what an owner writes or publishes in its own name: "Ann Cole's letter", "the council's website", "Trump's tweet"
_OWNED_DOCUMENT = regex.compile(rf"(?P<owner>[^’'\s][^’']*?)['’]s\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}?(?:{DOCUMENT_NOUN}|tweets?|"
                                r"posts?|column|op-ed|editorial|ad|advert|website|book|message)"
                                r"(?:\s+(?:on|about|to|in|for)\s+[^,;:]{1,60})?")  # (Ann Cole's letter on the mayor)
# the heads of a written source that can speak as a sentence's subject ("The ad makes the case: “…”")
_WRITTEN_HEADS = frozenset("""statement letter email e-mail memo release communiqué tweet post column op-ed editorial ad
                              advert website book message report footnote filing lawsuit complaint indictment ruling
                              poll survey study""".split())
_WRITTEN_LINKS = frozenset({"in", "of", "from", "by", "on"})


def written_source(words: str) -> bool:
    """A document as a phrase's head: "The ad", "Hoff's letter", "A footnote in the report"."""
    toks = words.split()
    k = next((i for i, w in enumerate(toks) if w in _WRITTEN_LINKS), len(toks))
    if k < 2:
        return False
    first = toks[0].lower()
    owned = first.endswith(("'s", "’s")) and toks[0][:1].isupper()
    return (first in ("a", "an", "the", "its", "their", "his", "her", "this", "one") or owned) and \
        toks[k - 1].lower() in _WRITTEN_HEADS


_HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Sir", "Dame", "Madam", "Lord", "Lady"})
_PLURAL_SUBJECT = regex.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<np>(?:[Tt]he\s+|[Mm]any\s+|[Ss]ome\s+)?(?:\p{L}+\s+){0,2}?(?:\p{L}\p{Ll}+s|[Pp]olice|[Pp]eople|[Ss]taff))(?=\s+\p{Ll}+(?:ed|d)\b)",
    regex.M)
_PREP_NO_COMMA = regex.compile(r"[^,]*(?<![\p{L}])(?:of|for|at|from|with|in)\s[^,]*")
_GOES_ON = regex.compile(r"\s+(?:also\s+)?(?:added|adds|continued|continues|went\s+on)(?![\p{L}])")
_IMPERATIVE = regex.compile(r"[,!]|\s+(?:\p{Ll}+\s+)?(?:the|a|an|your|me|us|him|her|them|to)\s")  # "Please, …", "Please let me …"
# two capitalised names joined by "and" ("Smith and Jones", "Sen. Dana Ross and Omar Fields")
_JOINT = regex.compile(r"(\p{Lu}[\p{L}.'’\-]*(?:[ ]\p{Lu}[\p{L}.'’\-]*){0,3})[ ]and[ ](\p{Lu}[\p{L}.'’\-]*(?:[ ]\p{Lu}[\p{L}.'’\-]*){0,3})")
_FIRST = {line.split("\t")[0]: line.split("\t")[1] for line in load("first_names")}

PRONOUNS = {"he": "m", "she": "f", "they": "group", "it": "organization", "i": "person", "we": "group"}

# A capitalised name: optional titles, then capitalised words, initials and name particles.
# _CAP: one to three initials ("J.", "J.F.") or a capitalised word that is not "Jr." or "Sr."; the capital is read
# once for both (what "(?:(?:\p{Lu}\.){1,3}|(?!(?:Jr|Sr)\.)\p{Lu}[\p{Ll}\p{Lu}'’\-]*)" matches, in the same order)
_CAP = r"\p{Lu}(?:\.(?:\p{Lu}\.){0,2}|(?!(?<=[JS])r\.)[\p{Ll}\p{Lu}'’\-]*)"
PARTICLES = frozenset("de da del della di du van von der den la le bin ibn al el dos das".split())
# a particle as a trie: every use is followed by a space, which only one particle can end before, so the order of
# the alternatives changes no match
_PARTICLE = trie_pattern(sorted(PARTICLES))
_CONNECTORS = ("of", "for", "on", "and", "&")
# A title among a name's later words that _CAP matches whole ("Senator", "President") is left to _CAP: where such a
# title matches before a space, the word ends there, so it is the last title that can match and _CAP's first
# (greedy) try right after it matches the same characters to the same place; dropping it removes a duplicate try
# and changes no match. Only the other titles ("Sen.", "Vice President") stay, a small trie, cheap to compile.
_CAP_RE = regex.compile(_CAP)
_INNER_TITLES = [t for t in TITLES if not _CAP_RE.fullmatch(t)]
_INNER_TITLE = "(?=[" + "".join(sorted({t[0] for t in _INNER_TITLES})) + "])" + trie_pattern(_INNER_TITLES)
# (the patterns that hold it pass the titles as the named list; the look-ahead fails at most capitals first)
NAME_PAT = (rf"(?:{_TITLE_FIRST}\L<titles>\s+)*{_CAP}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}"
            rf"(?:{_INNER_TITLE}(?=[ \u00a0])|{_CAP})){{0,6}}"
            r"(?:,?[ ](?:Jr\.|Sr\.|III|II|IV|QC|KC|MP)(?![\p{L}]))?")
# A pattern that holds NAME_PAT several times compiles it once: each place calls a group that holds it, defined at
# the pattern's end (after every other group, whose numbers stay). regex backtracks into a called group as into the
# pattern written out, and NAME_PAT has no group of its own nor a top-level alternation, so the matches are the same;
# tests/test_speed_filters.py holds each such pattern to the one written out.
NAME_GROUP = "name_pat"


def share_name_pat(pattern: str) -> str:
    """``pattern`` with its NAME_PATs calls of one group that holds it (unchanged if it holds one or none)."""
    if pattern.count(NAME_PAT) < 2:
        return pattern
    return pattern.replace(NAME_PAT, f"(?&{NAME_GROUP})") + f"(?(DEFINE)(?P<{NAME_GROUP}>{NAME_PAT}))"


def compile_sharing_name_pat(pattern: str, flags: int = 0, **named_lists) -> regex.Pattern:
    """regex.compile of ``pattern`` with its NAME_PATs shared (a called group matches somewhat slower: for patterns
    that are matched seldom or where few tries reach the name)."""
    return regex.compile(share_name_pat(pattern), flags, **named_lists)


NOT_NAME_START = frozenset(load("not_names"))
_CUE_WORDS = frozenset(load("cue_verbs"))  # "Added Jones: …" — a sentence-initial cue is not part of a name
# the first letters of the particles and connectors: the look-ahead skips their alternatives before a capital
_LINK_FIRST = "".join(sorted({w[0] for w in PARTICLES | set(_CONNECTORS)}))
FULL_NAME_RE = regex.compile(
    rf"(?=\p{{Lu}})(?<![\p{{L}}\-])(?:(?:{_TITLE}\s+)+{_CAP}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}{_CAP}){{0,3}}"
    rf"|{_CAP}(?:[ \u00a0](?:{_TITLE}[ \u00a0])?(?:(?=[{_LINK_FIRST}])(?:(?:{_PARTICLE}[ \u00a0]){{1,2}}|(?:{'|'.join(_CONNECTORS)})[ \u00a0]"
    rf"(?:the[ \u00a0])?))?{_CAP}){{1,4}})(?![\p{{L}}])")


# party words before a name ("Democrat Lorraine Whitfield", "Labour's Priya Olawale"): (words, also a common word)
_PARTIES: dict[tuple[str, ...], bool] = {tuple(line.split("\t")[0].split()): line.endswith("\tcommon")
                                          for line in load("party_words")}
_PARTY_LENGTHS = sorted({len(k) for k in _PARTIES}, reverse=True)


def party_prefix(words: list[str]) -> int:
    """How many leading words of a name are a party's ("Liberal Democrat | Fenella Marsh", "Labour’s | Priya
    Olawale"): 0 unless a person's name follows (two or more words, or one after a possessive), the words name no
    organisation ("Republican Party", "Republican National Convention") and, for a party word that is also a common word ("Green Bay Packers"), the
    next word is a known first name or a title."""
    for n in _PARTY_LENGTHS:
        if len(words) <= n:
            continue
        head = words[:n - 1] + [words[n - 1].removesuffix("’s").removesuffix("'s")]
        common = _PARTIES.get(tuple(head))
        if common is None:
            continue
        possessive = head[-1] != words[n - 1]
        rest = words[n:]
        if len(rest) < 2 and not possessive or any(w.rstrip(".,").removesuffix("’s").removesuffix("'s") in ORG_WORDS
                                                   for w in words):
            return 0
        if common and rest[0] not in _FIRST and rest[0] not in _TITLE_WORDS or rest[0] == "National":
            return 0  # ("Republican National Convention": a body's name)
        return n
    return 0


@lru_cache(maxsize=1 << 16)
def split_role(name: str) -> tuple[str | None, str]:
    """("Finance Minister Ines Duarte") -> ("Finance Minister", "Ines Duarte"): role words before a name; a party's
    words in front ("Democrat Lorraine Whitfield") are role words too."""
    words = name.split()
    cut = party_prefix(words)
    for i, w in enumerate(words[:-1]):
        bare = w.rstrip(".,").removesuffix("’s").removesuffix("'s")
        if bare in ROLE_WORDS or w in ROLE_WORDS or (bare.isupper() and len(bare) > 1) or bare in ORG_WORDS \
                or (bare[:1].islower() and bare not in PARTICLES) \
                or w.endswith(("’s", "'s")) and len(words) - i > 2 and name_type(" ".join(words[i + 1:])) == "person":
            cut = i + 1  # (and "New Jersey’s Steve Lonegan": a possessor before a full name)
    if cut == 0 and len(words) >= 3 and words[0].lower() in _OCCUPATIONS and words[0][1:].islower() and \
            words[1][:1].isupper() and name_type(" ".join(words[1:])) == "person":
        cut = 1  # "Fisherman Joaquim Alves said": a sentence-initial occupation before a full name
    if cut == 0:
        return None, name
    rest = words[cut:]
    if len(rest) == 1 and rest[0] in ROLE_WORDS:
        return None, name
    return " ".join(words[:cut]), " ".join(rest)


# occupations that may stand capitalised before a name at a sentence start ("Teacher Ann Cole said")
_OCCUPATIONS = frozenset(load("person_nouns")) | frozenset(
    w.split("\t")[0] for w in load("source_nouns") if w.endswith("\tperson"))
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
_ROLE_OR_TITLE = frozenset(w.rstrip(".") for w in _TITLE_WORDS | ROLE_WORDS)
# calendar words that end no one's name ("said Hillary Clinton Tuesday", the show "Capitol Sunday"); May, June,
# April and August are also names (Theresa May, Brian May, June Sarpong), so they stay
CALENDAR_WORDS = frozenset(w.split("\t")[0].capitalize() for w in load("time_weekdays") + load("time_months")) - \
    {"May", "June", "April", "August", "Jun", "Apr", "Aug", "Mar"}


_DANGLING = frozenset({"of", "for", "on", "and", "&", "the", "The"})
_DAY_NAMES = frozenset("Super Black Cyber Good Ash Palm Easter Bloody Holy Maundy Giving Boxing".split())


def drop_calendar_tail(words: list[str]) -> list[str]:
    """The words of a name less trailing weekday and month words and what they leave dangling ("Hillary Clinton
    Tuesday", "Hillary Clinton on Tuesday", "Donald Trump’s Friday")."""
    if len(words) < 2 or words[-1].rstrip(".,") not in CALENDAR_WORDS:
        return words
    while len(words) > 1 and (words[-1].rstrip(".,") in CALENDAR_WORDS or words[-1] in _DANGLING):
        words = words[:-1]
        if words[-1] in _DAY_NAMES and len(words) > 1:
            words = words[:-1]  # "Super Tuesday", "Black Friday", "Bloody Sunday": the day's own name
    last = words[-1]
    if last.endswith(("’s", "'s")) and len(last) > 2:
        words = words[:-1] + [last[:-2]]
    return words
# the abbreviated titles and ranks, with or without their full stop ("Lt", "Gen", "Det", "Sgt", "Dr", "Rep")
_SHORT_TITLES = frozenset(t.rstrip(".") for t in TITLES if t.endswith(".") or t.isupper()) | frozenset(
    "Adm Brig Capt Cdr Ch Cllr Cmdr Col Cpl Det Dr Gen Insp Lt Maj Mr Mrs Ms Mx Prof Pte Sgt Supt".split())


def person_before_of(words) -> bool:
    """Do these capitalised words before "of" name a person ("Det Sgt Owen Pritchard" of Norbridge Police,
    "Maria Lopez" of the Sierra Club) rather than the head of an organisation's name ("Bank", "Federal Bureau",
    "Royal Society", "Secretary")? Titles in front count for a person; a word of an organisation, a role or a
    demonym anywhere makes it the organisation's name."""
    words = [w.strip(",.;:") for w in words]
    while words and words[0] in NOT_NAME_START:
        words = words[1:]
    titled = False
    while words and (words[0] in _TITLE_WORDS or words[0] + "." in _TITLE_WORDS) and words[0] not in ORG_WORDS:
        words = words[1:]
        titled = True
    if not words or len(words) < 2 and not titled:
        return False
    return all(w[:1].isupper() and not w.isupper() for w in words if w not in PARTICLES) and \
        not any(w in ORG_WORDS or w in ROLE_WORDS or w in DEMONYMS for w in words)


@lru_cache(maxsize=1 << 16)
def _surname_key(name: str) -> str:
    last = name.split()[-1] if name.split() else ""
    return last.removesuffix("’s").removesuffix("'s").rstrip(".,’'").lower()


_TITLE_PREFIX = regex.compile(rf"(?:{_TITLE}\s+)+(?=\S)")
_TITLE_HEADS = frozenset(t.split(" ")[0] for t in TITLES)  # the first words of the titles
assert all(t == " ".join(t.split()) for t in TITLES), "a title's words are parted by single spaces (see title_prefix)"


def title_prefix(name: str) -> regex.Match | None:
    """``_TITLE_PREFIX.match(name)``, tried only when ``name`` opens with a title's first word: a title is
    followed by whitespace (\\s, all of it str whitespace) and holds none but single spaces, so its first word is
    the name's first str.split token."""
    head = name.split(None, 1)
    return _TITLE_PREFIX.match(name) if head and head[0] in _TITLE_HEADS else None


_CAP_WORD = regex.compile(r"(?<![\p{L}\-’'])\p{Lu}\p{Ll}+(?![\p{L}\-])")
_CREDIT = regex.compile(r"(?<![\p{L}])(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Ee]dited|"
                        r"[Ww]ritten|[Pp]hotographs?|[Ii]llustration|[Gg]raphics?|REPORTING|EDITING)(?:\s+by|:)[^\n]*")
# Where a credit line can start: every match opens with one of these words, found with str.find (the word
# less its first letter, which may be either case, so the match starts one character before it; the upper-case
# forms start where they are found). tests/test_speed_filters.py checks the keys against the pattern.
_CREDIT_KEYS = (("dditional", 1), ("eporting", 1), ("diting", 1), ("riting", 1), ("ompiled", 1), ("dited", 1),
                ("ritten", 1), ("hotograph", 1), ("llustration", 1), ("raphic", 1), ("REPORTING", 0), ("EDITING", 0))


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the credit lines ("Reporting by Jane Cai; editing by Tom Hogue"), as ``_CREDIT.finditer`` finds
    them: the pattern is tried only where one of its words starts, not at every position of the document."""
    starts = sorted({i for key, back in _CREDIT_KEYS if key in text for i in find_all(text, key, -back) if i >= 0})
    return [m.span() for m in matches_at(_CREDIT, text, starts)]
_CONNECTOR = regex.compile(r" (?:of|for|on|and|&) ")
_OPEN_MARKS = frozenset("“\"‘'«")
_CLOSE_AFTER = regex.compile(r"[.,!?]?[”\"’'»]")


@lru_cache(maxsize=1 << 16)
def strip_titles(name: str) -> tuple[str, str | None]:
    """("Sen. Claire McCaskill", None) -> ("Claire McCaskill", "Sen."); "General Motors" keeps its "title"."""
    m = title_prefix(name)
    if not m or any(w in ORG_WORDS for w in name[m.end():].split()) and not (
            all(w in _HONORIFICS for w in m.group().split()) and name[m.end():] in _SURNAME_ORG_WORDS):
        return name, None  # ("Mr. Hall": an honorific before a surname that is also an organisation word)
    return name[m.end():], " ".join(m.group().split())


# organisation words that are also common surnames: "Jonathan Hall", "Sarah Mills", "Ji-woo Park" are people,
# "Carnegie Hall", "General Mills", "Central Park" are not (their first word is no given name)
_SURNAME_ORG_WORDS = frozenset({"Hall", "Mills", "Park", "House", "Street", "Bank", "Banks", "Bridge", "Lake", "Post",
                                "Press", "Church", "Temple", "Field", "Wood", "Woods", "Hill", "Ford", "Rivers",
                                "Castle", "Marsh", "Young", "Wells", "Price", "Stone", "Brooks", "Forest"})


def _surname_like(words: list[str]) -> bool:
    """Is the only organisation word of a two- or three-word name its last, a surname too, after a given name?"""
    if not 2 <= len(words) <= 3 or words[-1] not in _SURNAME_ORG_WORDS or any(w in ORG_WORDS for w in words[:-1]):
        return False
    first = words[0]
    if first in _FIRST:
        return len(words) == 2 or _INITIAL_OR_CAP.fullmatch(words[1]) is not None
    # a hyphenated given name ("Min-jun Park", "Ji-woo Hall")
    return len(words) == 2 and _HYPHEN_GIVEN.fullmatch(first) is not None


_INITIAL_OR_CAP = regex.compile(r"\p{Lu}\.|\p{Lu}\p{Ll}+")
_HYPHEN_GIVEN = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+")


@lru_cache(maxsize=1 << 16)
def name_type(name: str) -> str:
    """person | organization for a capitalised name (pronouns and common nouns are typed elsewhere)."""
    words = name.replace(",", " ").split()
    if not words:
        return "unknown"
    if words[0] in ("The", "the"):
        return "organization"
    if any(w in ORG_WORDS for w in words) and not _surname_like(words):
        return "organization"
    if len(words) == 1 and (words[0].isupper() and len(words[0]) > 1):
        return "organization"  # BBC, NATO
    return "person"


_PARTY_WORDS = frozenset({"Democrat", "Democratic", "Republican", "Labour", "Tory", "Conservative", "Liberal"})


@lru_cache(maxsize=1 << 16)
def gender_of(name: str, title: str | None) -> str | None:
    if title:
        first = title.split()[0]
        if first in _FEMALE_TITLES:
            return "f"
        if first in _MALE_TITLES:
            return "m"
    words = name.split()
    if len(words) >= 3 and words[1] in _FIRST and words[0] not in _FIRST and (
            words[0] in ROLE_WORDS or words[0] in DEMONYMS or words[0] in _PARTY_WORDS):
        return _FIRST[words[1]]  # "Democrat Hillary Clinton": a word of a role left before the given name
    return _FIRST.get(words[0]) if words else None


# nouns for what someone did, never a surname, that a caption writes after a name
_EVENT_WORDS = frozenset("Speech Address Remarks Interview Video Statement Rally Debate Visit Transcript Tweet "
                         "Tweets Photo Photos Keynote".split())


@lru_cache(maxsize=1 << 16)
def _parse_name(raw: str) -> tuple[int, int, str, str | None, str] | None:
    """(offset of the name in raw, its length, name without titles, title or role, type), or None.

    Cached: the same names recur across the articles of a corpus."""
    shift = 0
    words = raw.split(" ")
    # drop a sentence-initial function word caught as a capitalised word ("But John Smith")
    while words and (words[0] in NOT_NAME_START or words[0].lower() in _CUE_WORDS or words[0] == "Former"):
        shift += len(words[0]) + 1
        words = words[1:]
    words = drop_calendar_tail(words)
    while len(words) > 2 and words[-1] in _EVENT_WORDS:
        words = words[:-1]  # "President Obama Speech at …" (a caption): Obama
    if len(words) < 2:
        return None
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))), None)
    if owner is not None and name_type(" ".join(words)) != "organization":
        head = " ".join(words[:owner + 1])[:-2]
        rest = words[owner + 1:]
        if owner == 0 or head in _PLACE_NAMES or name_type(head) != "person" or \
                len(rest) >= 2 and name_type(" ".join(rest)) == "person":
            # "CNN's Gloria Borger", "New Jersey's Steve Lonegan": the name after the possessor ("Putin's
            # Russia": none)
            shift += len(head) + 3
            words = words[owner + 1:]
            if len(words) < 2:
                return None
        else:
            words = words[:owner + 1]  # "Vladimir V. Putin's Russia": the person is the possessor
    raw = " ".join(words)
    if _CONNECTOR.search(raw):
        if name_type(raw) == "organization" and not (" of " in raw and person_before_of(raw.split(" of ")[0].split())):
            return shift, len(raw), raw, None, "organization"  # "University of Nottingham" stays whole
        raw = _CONNECTOR.split(raw)[0]  # "Elijah Cummings of Maryland"
        if " " not in raw:
            return None
    role, bare = split_role(raw)
    if name_type(raw) == "organization" and not title_prefix(raw) and not (
            role and role.split()[-1].rstrip(".") in _ROLE_OR_TITLE and " " in bare and name_type(bare) == "person"):
        # ("State Senator Ann Bell", "City Councilor Anna Trevorrow": a person after an office's words)
        return shift, len(raw), raw.rstrip(".,’'"), None, "organization"  # "Press Herald", "Acme Corp"
    name, title = strip_titles(bare)
    length = len(raw)
    if role:
        shift += len(raw) - len(bare)
        length = len(bare)
        title = role if title is None else f"{role} {title}"
    if " " not in name and title is None:
        return None
    name = name.removesuffix("’s").removesuffix("'s").rstrip(".,’'")  # "Despite Ted Cruz’s win": Ted Cruz
    if name.rsplit(" ", 1)[-1] in _SHORT_TITLES:
        return None  # "Retired Lt. Gen" (before ". Michael Flynn"): a name never ends in an abbreviated rank
    return shift, length, name, title, name_type(name)


@lru_cache(maxsize=1 << 16)
def _surname_entries(name: str, title: str | None):
    """What a person's full name puts in ``Resolver._by_surname``: its surname key, (name, gender), whether the
    name has a space, the gendered key, the family-name-first key and the "the <title>" keys (None/() if none).
    Cached: the same names recur across the articles of a corpus."""
    parts = name.split()
    key = _surname_key(name)
    if key in ("jr", "sr", "ii", "iii", "iv", "qc", "kc", "mp") and len(parts) > 2:
        key = _surname_key(" ".join(parts[:-1]))
    g = gender_of(name, title)
    full = " " in name
    return (key, (name, g), full, "=" + g + key if g and full else None,
            "^" + parts[0].lower() if len(parts) >= 2 else None,
            _title_keys(title) if title else ())


# what "the …" calls someone written with an abbreviated title ("Sen. Marco Rubio" … "the senator")
_TITLE_NOUNS = {"sen": "senator", "rep": "congressman", "gov": "governor", "lt. gov": "lieutenant governor",
                "gen": "general", "pres": "president", "sec": "secretary", "supt": "superintendent",
                "det": "detective", "sgt": "sergeant", "capt": "captain", "col": "colonel", "adm": "admiral",
                "prof": "professor", "insp": "inspector", "cmdr": "commander", "lt": "lieutenant"}


@lru_cache(maxsize=1 << 12)
def _title_keys(title: str) -> tuple[str, ...]:
    """ "the <title>" keys of a title: "the president" for "President", "the senator" for "Sen.",
    "the finance minister" and "the minister" for "Finance Minister", "the lieutenant governor" (and "the
    governor") for "Lt. Gov."."""
    low = title.lower()
    last = low.split()[-1]
    keys = ["the " + low, "the " + last]
    first = low.split()[0].rstrip(".")
    for noun in (_TITLE_NOUNS.get(low.rstrip(".")), _TITLE_NOUNS.get(last.rstrip(".")),
                 "detective" if first in ("det", "detective") else None):  # ("Det Insp Claire Whitlock")  # the whole title's first
        if noun:
            keys.append("the " + noun)
    return tuple(dict.fromkeys(keys))


def _capitalised_run_before(text: str, pos: int, most: int) -> str:
    """The capitalised words (a title and its modifiers) that run up to ``pos``, within ``most`` characters."""
    words = text[max(0, pos - most):pos].split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return " ".join(words[k:])


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


# a description opening a sentence, then the comma of the name in apposition
_DESCRIPTION_COMMA = regex.compile(r"(?:Another|A|An|The|One|Her|His|Their)\s+(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}"
                                   r"\p{Ll}[\p{Ll}\-]*,\s+")
_COMPASS_WORDS = frozenset("New North South East West Northern Southern Eastern Western Central United National "
                           "International Federal State City County Royal General First Great".split())


def _plural_group(name: str) -> bool:
    """Is this one capitalised word a plural of people: a party's, a nationality's or an acronym's members
    ("Republicans", "Tories", "Russians", "MPs")?"""
    if " " in name or len(name) < 3 or not name.endswith("s"):
        return False
    single = name[:-1]
    return single[:-1].isupper() and single[-1].isupper() or single in _PARTY_WORDS or single.lower() in DEMONYMS \
        or name in ("Tories", "Greens", "Liberals", "Socialists")


def _not_a_noun(word: str) -> bool:
    """Is this word after a possessive no noun that could own the words ("Trump's most …", "Obama's recent …")?"""
    return word in _NOT_NOUNS or len(word) > 4 and word.endswith("ly") and word not in ("ally", "family", "daily")


_NOT_NOUNS = frozenset("""most more least less recent latest own new old first last next best worst biggest
    greatest longtime former current many other very only main top key early late previous past future
    increasingly""".split())
# ", 54," after a name: the age newspapers give when they introduce someone
_AGE_APPOSITION = regex.compile(r",\s+\d{1,3},")
# a description's head and the role words it may stand for ("the Harbury boss" for "Harbury Town manager")
_ROLE_SYNONYMS = {"boss": ("manager", "chief", "head", "director"), "chief": ("boss", "head", "director"),
                  "manager": ("boss",), "lawmaker": ("congressman", "congresswoman", "representative", "senator", "mp"),
                  "spokesperson": ("spokesman", "spokeswoman"), "executive": ("ceo",), "ceo": ("executive",),
                  "headteacher": ("head", "headmaster", "headmistress", "principal")}
# an apposition after a name that describes the person: "Ben Carson, a retired neurosurgeon,"
_ROLE_APPOSITION = regex.compile(r",\s+(?:a|an|the)\s+((?:[\p{L}\-]+\s+){0,4}[\p{L}\-]+)[,.;]")
# the object of a described source that is "the <organisation noun>" and nothing more ("a spokesperson for the company")
_THE_ORG_OBJECT = regex.compile(r"(?<=\s(?:for|from|at|of|with))\s+the\s+(\p{Ll}+)$")
# "a spokesperson for Harbury Borough Council", "a source at the Ministry of Defence": an unnamed source described
# by the organisation it speaks for
_INDEFINITE_SOURCE = regex.compile(
    r"(?<![\p{L}])[Aa]n?\s+(?P<head>\p{Ll}+)\s+(?:for|from|at|with)\s+(?:the\s+)?\p{Lu}[\p{L}'’\-]*"
    r"(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?\p{Lu}[\p{L}'’\-]*){0,5}")
# a description that a name in apposition follows: "the chairman, Derek Nuttall,", "The board's chief executive,
# Anne-Marie Dolan, said"
_APPOSED_ROLE = regex.compile(r"(?:(?<![\p{L}])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)|\p{L}['’]s)\s+"
                              r"((?:\p{Ll}[\p{Ll}\-]*\s+){0,3}\p{Ll}[\p{Ll}\-]*),\s+\Z")
_APPOSITION_CLOSES = regex.compile(r",|\s+\p{Ll}")
# a description's role that gives the person's name: "who gave only her first name, Tamika", "who gave his
# name as Ali", "who asked to be identified only as Maria", "identified only by his first name, Sam"
_GIVEN_NAME = regex.compile(
    r"(?:(?:gave|giving|give|gives|provided|offered|would\s+only\s+give)\s+(?:only\s+)?(?:her|his|their)\s+(?:first\s+|last\s+)?"
    r"name(?:\s+as)?|identified\s+(?:only\s+)?(?:as|by\s+(?:her|his|their)\s+(?:first\s+|last\s+)?name)"
    r"|identified\s+(?:her|him|them)sel(?:f|ves)\s+(?:only\s+)?as)"
    r",?\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?)?)")
# lower-case role words and a capitalised word after a name: "(Kell Rovers) manager Lars Holm"
_ROLE_THEN_NAME = regex.compile(r"[ ](?:\p{Ll}[\p{Ll}\-]*[ ]){0,2}(?P<head>\p{Ll}[\p{Ll}\-]*)[ ]\p{Lu}\p{Ll}")


class Resolver:
    """Canonical names for mentions in one document; shared by quotation speakers and claim holders."""

    def __init__(self, doc: TextDoc):
        self.doc = doc
        # resolved speakers by position, kept sorted: (pos, name, gender) and (pos, name, type)
        self._person_events: list[tuple[int, str, str | None]] = []
        self._group_events: list[tuple[int, str, str]] = []

    @cached_property
    def _names(self) -> list[tuple[int, int, str, str | None, str]]:
        """Full names written in the text: (start, end, name without titles, title, type)."""
        from .phrases import role_modifiers  # phrases imports this module
        text = self.doc.text
        out = []
        credits = credit_spans(text)
        if self.doc.headline:
            credits.append(self.doc.paragraphs[0])  # "Robots Will Build …" in a headline names nobody
        for m in FULL_NAME_RE.finditer(text):
            start = m.start()
            if credits and _within(start, credits):
                continue  # "Reporting by Jane Cai; editing by Tom Hogue": staff, not people in the story
            parsed = _parse_name(m.group())
            if parsed is None:
                continue
            shift, length, name, title, kind = parsed
            s = start + shift
            if text[start - 1:start] in _OPEN_MARKS and _CLOSE_AFTER.match(text, m.end()):
                continue  # the show “Capitol Sunday”, the film “Driving Miss Daisy”: a title, not a person
            before = text[max(0, s - 4):s]
            if before.lower() in ("its ", "his ", "her ") or text[max(0, s - 6):s].lower() == "their ":
                continue  # "its Monetary Policy Committee": a possessed body is not what "it" points at
            if kind == "person" and title is None and before in ("the ", "The "):
                kind = "organization"  # "told the Press Herald", "the Guardian"
            if kind == "person" and title is None and name in _PLACE_NAMES:
                kind = "place"  # "in North Carolina", "New York": no one a pronoun points at
            if kind == "person" and title is None and text[m.end():m.end() + 1] == " " and \
                    text[m.end() + 1:m.end() + 2].islower():
                role = _ROLE_THEN_NAME.match(text, m.end(), m.end() + 60)
                if role and role.group("head").lower() in _PERSON_HEADS and \
                        role_modifiers(role.group().split()[:-2]):
                    kind = "organization"  # "Kell Rovers manager Lars Holm": the club, the manager's affiliation
            out.append((s, s + length, name, title, kind))
        return out

    @property
    def full_names(self) -> list[tuple[int, int, str, str | None, str]]:
        """Full names written in the text: (start, end, name without titles, title or role words, type)."""
        return self._names

    @cached_property
    def _quoted(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the outermost quotations of a few words or more (not “terms” or titles)."""
        text = self.doc.text
        spans = [(p.open, p.close) for p in self.doc.pairs
                 if p.depth == 0 and text.count(" ", p.open, p.close) >= 3]
        return [a for a, _ in spans], [b for _, b in spans]

    def _opens_sentence(self, s: int) -> bool:
        """Does the mention at ``s`` open its sentence (the sentence's subject, "Achterberg says …")?"""
        ss = self.doc.sentences[self.doc.sentence_index(s)][0]
        return not self.doc.text[ss:s].strip()

    def _quoted_apart(self, s: int, pos: int) -> bool:
        """Is ``s`` inside a quotation that does not also hold ``pos``?"""
        starts, ends = self._quoted
        i = bisect.bisect_right(starts, s) - 1
        return i >= 0 and s < ends[i] and not starts[i] <= pos < ends[i]

    @cached_property
    def _by_surname(self) -> dict[str, tuple[str, str | None]]:
        table: dict[str, tuple[str, str | None]] = {}
        for _, _, name, title, kind in self._names:
            if kind != "person":
                continue
            key, value, full, gendered, family, titled = _surname_entries(name, title)
            old = table.get(key)
            if old is None or (" " not in old[0] and full):
                table[key] = value
            if gendered is not None and gendered not in table:  # "Ms Okoye" beside James and Sarah Okoye
                table[gendered] = value
            if family is not None:  # family name first: "Zhao Min" ... "Zhao said"
                table.setdefault(family, value)
            for t in titled:
                table.setdefault(t, value)
        return table

    def _named_next(self, pos: int, head: str | None = None) -> tuple[str, str | None] | None:
        """The person a lead's indefinite description turns out to be: the full name, with an age, that opens the
        next sentence ("A baker whose shop was flooded has said … Tom Pemberton, 54, watched …"), or the first
        person written later with the description's noun as a role ("A headteacher … says …" … "Head Gillian
        Osei said")."""
        k = self.doc.sentence_index(pos)
        if k + 1 >= len(self.doc.sentences) or pos - self.doc.sentences[k][0] > 2:
            return None  # (only a description that opens its sentence)
        return self._aged_next(k) or (self._role_later(head, pos) if head else None)

    def _role_later(self, head: str, pos: int) -> tuple[str, str | None] | None:
        heads = {head, *_ROLE_SYNONYMS.get(head, ())}
        for s, canon, role in self._person_roles:
            if pos < s < pos + 2000 and heads.intersection(role):
                return canon, self._known_gender.get(canon)
        return None

    def _aged_next(self, k: int) -> tuple[str, str | None] | None:
        ns = self.doc.sentences[k + 1][0]
        i = bisect.bisect_left(self._people, (ns,))
        if i >= len(self._people) or self._people[i][0] > ns + 2:
            return None
        s, canon, g = self._people[i]
        j = bisect.bisect_left(self._name_starts, s)  # (the full name the person was read from)
        name_end = self._names[j][1] if j < len(self._names) and self._names[j][0] == s else None
        if name_end is None or not _AGE_APPOSITION.match(self.doc.text, name_end):
            return None
        return canon, g

    def _indefinite_before(self, head: str, pos: int) -> tuple[int, int] | None:
        """The span of the last "a <head> for/from/at <Name>" written before ``pos`` in the 3,000 characters
        before it ("A spokesperson for Harbury Borough Council"), the one "the <head>" points back to."""
        text = self.doc.text
        found = None
        for m in _INDEFINITE_SOURCE.finditer(text, max(0, pos - 3000), pos):
            if m.group("head").lower() == head:
                found = m.span()
        return found

    def _described_person(self, words: list[str], pos: int) -> tuple[str, str | None] | None:
        """The one person written before ``pos`` with a role holding all of ``words`` ("retired neurosurgeon"
        for "the retired neurosurgeon": "Carson, a retired neurosurgeon," or "retired neurosurgeon Ben Carson")."""
        *mods, head = words
        heads = (head,) + _ROLE_SYNONYMS.get(head, ())
        found = {canon for s, canon, role in self._person_roles
                 if s < pos and all(w in role for w in mods) and any(h in role for h in heads)}
        if len(found) != 1:
            return None
        canon = found.pop()
        return canon, self._known_gender.get(canon)

    @cached_property
    def _person_roles(self) -> list[tuple[int, str, list[str]]]:
        """(start, canonical name, lower-case role words) for each full name written with a role: the words
        before it ("retired neurosurgeon Ben Carson") or its apposition ("Ben Carson, a retired neurosurgeon,")."""
        from .phrases import person_head, role_before_name  # phrases imports this module
        text = self.doc.text
        out = []
        for s, e, name, title, kind in self._names:
            if kind != "person" or " " not in name:
                continue
            canon = self.canonical_person(name)[0]
            before = role_before_name(text, s, max(0, s - 80))
            if before:
                out.append((s, canon, before.lower().split()))
            appos = _ROLE_APPOSITION.match(text, e, e + 90)
            if appos:
                out.append((s, canon, appos.group(1).lower().split()))
            ahead = _APPOSED_ROLE.search(text, max(0, s - 80), s) if text[s - 2:s] == ", " else None
            if ahead and person_head(ahead.group(1)) and _APPOSITION_CLOSES.match(text, e):
                out.append((s, canon, ahead.group(1).lower().split()))  # "the chairman, Derek Nuttall, warned"
        return out

    def _kin(self, det: str, noun: str, pos: int) -> str | None:
        """The person "his/her <noun>" at ``pos`` names: from the appositions "<his/her> <kin>, <Name>," before it,
        the one written as this owner's <noun>, or the owner of the one written as the owner's inverse kin."""
        owner = self.pronoun("he" if det == "his" else "she", pos)[0]
        if not owner:
            return None
        text = self.doc.text
        for m in _KIN_NAMED.finditer(text, max(0, pos - 3000), pos):
            named = self.canonical_person(m.group("name"))[0]
            of = self.pronoun("he" if m.group("det").lower() == "his" else "she", m.start())[0]
            if m.group("noun") == noun and of == owner and named != owner:
                return named  # "Her brother, Frank, …" … "her brother said"
            if named == owner and m.group("noun") in _KIN_INVERSE[noun] and of and of != owner:
                return of  # "His sister, Maureen Dwyer, …" … "her brother conceded": him
        return None

    def role_words(self, canon: str) -> set[str]:
        """The lower-case words of every title and role the article writes with this person's name."""
        out = {w for _, name, words in self._person_roles if name == canon for w in words}
        for _, _, name, title, kind in self._names:
            if title and kind == "person" and self.canonical_person(name)[0] == canon:
                out.update(title.lower().replace(".", "").split())
        return out

    def _title_holder(self, key: str, pos: int, modifiers: list[str]) -> tuple[str, str | None] | None:
        """(name, gender) of the person "the <title>" (``key``) stands for at ``pos``: of the people written
        with that title before it, those whose whole title it is ("President Obama", not "World Bank President
        Jim Yong Kim"), the last one mentioned; with ``modifiers`` ("the New Jersey governor"), the only one
        whose title or its neighbourhood has those words."""
        holders = everyone = [h for h in self._title_holders.get(key, ()) if h[0] < pos]
        if modifiers:
            # the words in the title ("New Jersey Gov. Chris Christie") or right after the name ("Gov. Chris
            # Christie of New Jersey"); before it, only the capitalised words that run up to it ("Sen. Ruiz of
            # Florida met with Sen. Ted Crane": Florida is not Crane's)
            text = self.doc.text
            holders = [h for h in holders if all(w in _capitalised_run_before(text, h[0], 30) or
                                                 text.find(w, h[1], h[1] + 20) >= 0 for w in modifiers)]
            if len({h[2] for h in holders}) != 1:
                return None
        else:
            holders = [h for h in holders if h[4]] or holders
        if not holders:
            return None
        _, _, name, g, _ = holders[-1]
        if " " not in name:  # "Judge Curiel" after "U.S. District Judge Gonzalo Curiel": the full name
            name = next((h[2] for h in everyone if h[2].endswith(" " + name) or h[2].startswith(name + " ")), name)
        return name, g

    @cached_property
    def _title_holders(self) -> dict[str, list[tuple[int, int, str, str | None, bool]]]:
        """ "the <title>" key -> (start, end, name, gender, whole title) of every person written with that title,
        in text order ("Sen. Marco Rubio" is under "the sen." and "the senator")."""
        out: dict[str, list] = {}
        for s, e, name, title, kind in self._names:
            if kind == "person" and title:
                g = gender_of(name, title)
                for key in _title_keys(title):
                    whole = key in ("the " + title.lower(), "the " + _TITLE_NOUNS.get(title.lower().rstrip("."), ""))
                    out.setdefault(key, []).append((s, e, name, g, whole))
        return out

    @cached_property
    def _titled_genders(self) -> frozenset[tuple[str, str]]:
        """(gender, surname key) of every name written with a gendered honorific ("Mrs. Clinton", "Mr Zhao")."""
        out = set()
        for _, _, name, title, kind in self._names:
            g = gender_of("", title) if title and kind == "person" else None
            if g:
                out.add((g, _surname_key(name)))
        return frozenset(out)

    @cached_property
    def _people(self) -> list[tuple[int, str, str | None]]:
        """Person mentions in text order (start, canonical name, gender) for pronoun resolution."""
        out = []
        for s, _, name, title, kind in self._names:
            if kind == "person":
                # "Mrs. Clinton" looks up with her honorific: Hillary Clinton, not Bill
                canon, g = self.canonical_person(f"{title} {name}" if title and gender_of("", title) else name)
                out.append((s, canon, gender_of(name, title) or g))
        # one person, one gender: "Sunita Rao … Ms Rao" makes every mention of Sunita Rao female
        known = self._known_gender
        for _, canon, g in out:
            if g is not None:
                known.setdefault(canon, g)
        return [(s, canon, g or known.get(canon)) for s, canon, g in out]

    @cached_property
    def _known_gender(self) -> dict[str, str]:
        """Genders learnt in the document: from titles and first names (``_people``), from roles ("a spokeswoman
        for …") and from he/she already resolved to a person of unknown gender."""
        return {}

    def _gender(self, name: str, g: str | None) -> str | None:
        return g or self._known_gender.get(name)

    def _bare_surname(self, lo: int, pos: int, want: str) -> tuple[int, str] | None:
        """The last bare surname of a person named in full elsewhere, in [lo, pos), compatible with ``want``:
        "Jones, who has spent £120m, insisted …" (searched only when a pronoun needs it).

        The capitalised words are the ``_CAP_WORD`` matches in [lo, pos), read backwards off the document's
        words: an ASCII word of letters is one match or none by its letters and its neighbours; any other word
        (and one cut by ``lo`` or ``pos``) is scanned with the pattern."""
        table = self._by_surname
        text = self.doc.text
        words = self.doc.words
        starts, ws, lows = words.starts, words.words, words.lows
        i = bisect.bisect_left(starts, pos)
        first = bisect.bisect_left(starts, lo)
        if first > 0 and starts[first - 1] + len(ws[first - 1]) > lo:
            first -= 1  # a word cut by lo
        while i > first:
            i -= 1
            a, w = starts[i], ws[i]
            e = a + len(w)
            if a >= lo and e <= pos and w.isascii() and w.isalpha():
                if not ("A" <= w[0] <= "Z" and len(w) > 1 and w[1:].islower()) or \
                        a and text[a - 1] in "-’'" or e < pos and text[e] == "-":
                    continue
                hits = ((a, lows[i]),)
            else:
                end = pos if e >= pos else e + 1  # the pattern's look-ahead sees the character after the word
                hits = [(m.start(), m.group().lower())
                        for m in _CAP_WORD.finditer(text, max(a, lo), end)][::-1]
            for start, low in hits:
                hit = table.get(low)
                g = hit and self._gender(hit[0], hit[1])
                if hit and " " in hit[0] and not self._inside_name(start) and not self._quoted_apart(start, pos) and \
                        (g is None or want == "person" or g == want) and not self._after_cap_word(start):
                    return start, hit[0]
        return None

    def _after_cap_word(self, pos: int) -> bool:
        """Does a capitalised word that is no title or sentence opener stand right before ``pos``? Then the word
        at ``pos`` ends some other capitalised phrase (the slogan ''Stronger Together'', a show's name), not a
        bare surname."""
        words = self.doc.words
        k = bisect.bisect_left(words.starts, pos) - 1
        if k < 0 or pos < 1 or self.doc.text[pos - 1] != " ":
            return False
        w = words.words[k]
        return words.starts[k] + len(w) == pos - 1 and w[:1].isupper() and w not in NOT_NAME_START \
            and w not in _TITLE_WORDS and w not in PARTICLES and w not in _FIRST

    def _inside_name(self, pos: int) -> bool:
        i = bisect.bisect_right(self._name_starts, pos) - 1
        return i >= 0 and self._names[i][0] <= pos < self._names[i][1]

    @cached_property
    def _name_starts(self) -> list[int]:
        return [n[0] for n in self._names]

    def note(self, pos: int, name: str, kind: str, gender: str | None = None, role: str | None = None) -> None:
        """Record a resolved speaker at ``pos`` so that later pronouns can point back at it; a gendered role
        ("a spokeswoman for the council") tells the person's gender."""
        if kind == "person":
            if not _antecedent(name):
                return
            if gender is None:
                gender = self.canonical_person(name)[1] or role_gender(role)
            if gender is not None:
                self._known_gender.setdefault(name, gender)
            bisect.insort(self._person_events, (pos, name, gender))
        elif kind in ("organization", "group"):
            bisect.insort(self._group_events, (pos, name, kind))

    def canonical_person(self, name: str) -> tuple[str, str | None]:
        """The earliest longest full name for ``name`` ("Mr Zhao", "Zhao") and its gender, memoised per document."""
        hit = self._canon.get(name)
        if hit is None:
            hit = self._canon[name] = self._canonical_person(name)
        return hit

    @cached_property
    def _canon(self) -> dict[str, tuple[str, str | None]]:
        return {}

    def _canonical_person(self, name: str) -> tuple[str, str | None]:
        role, name = split_role(name.strip())
        name, title = strip_titles(name)
        title = title or role
        name = name.removesuffix("’s").removesuffix("'s").rstrip("’'")
        if not name:
            return name, None
        key = _surname_key(name)
        g = gender_of(name, title) if title else None
        hit = (self._by_surname.get("=" + g + key) if g else None) or self._by_surname.get(key)
        if hit is None and " " not in name:
            hit = self._by_surname.get("^" + name.lower())
        if hit and g and hit[1] and hit[1] != g and (hit[1], key) in self._titled_genders:
            hit = None  # "Mr. Clinton" beside "Mrs. Clinton" is not Hillary Clinton (but "Ms. Epstein" is Lee Epstein)
        if hit and (" " not in name or hit[0].endswith(name) or hit[0] == name):
            return hit[0], gender_of(name, title) or hit[1]
        return name, gender_of(name, title)

    def _surname_of_person(self, word: str) -> bool:
        """Is ``word``, an organisation word that is also a surname ("Hall", "Mills"), the surname of a person named
        in full in the document?"""
        if word not in _SURNAME_ORG_WORDS:
            return False
        hit = self._by_surname.get(_surname_key(word))
        return hit is not None and " " in hit[0] and hit[0].endswith(" " + word)

    def mention(self, start: int, end: int, role: str | None = None) -> Mention:
        """The canonical name and type of the words ``text[start:end]`` at that position."""
        words = self.doc.text[start:end]
        low = words.lower()
        # the words' tokens: a pattern's word that stands between whitespace (\s, all str whitespace) is one of
        # them, so a pattern that needs "of" or "from" is tried only when the token is there
        toks = low.split()
        head = toks[-1] if toks else low
        if words == "I":  # the writer's own "I": no name in the text (as for the quotations the writer says)
            return Mention(None, words, start, end, role, "person")
        given = _GIVEN_NAME.search(role) if role and "name" in role or role and "identif" in role else None
        if given and low.split(" ", 1)[0] in ("the", "a", "an", "one"):
            # "said the woman, who gave only her first name, Tamika": the name she gave
            return Mention(given.group("name"), words, start, end, role, "person")
        if low in PRONOUNS:
            name, kind = self.pronoun(low, start)
            return Mention(name, words, start, end, role, kind)
        owned = _OWNED_DOCUMENT.fullmatch(words) if "s " in words and len(toks) <= 8 else None
        if owned:
            # "Ann Cole's letter called …": its owner's words (the mention stays the phrase)
            owner = self.mention(start, start + owned.end("owner"), role)
            if owner.name and owner.type in ("person", "organization", "anonymous", "group"):
                return Mention(owner.name, words, start, end, role, owner.type)
        share = None if _SHARE_LINKS.isdisjoint(toks) else _SHARE.match(low)
        if share and share.end() < len(low) or toks[0] == "those" and toks[-1] in _RESPONDENTS or \
                any(w in low for w in _BARE_SHARE_WORDS) and _BARE_SHARE.fullmatch(low):
            # "About four in 10 voters", "Two-thirds of Republicans", "Those surveyed": a share of a group
            return Mention(words, words, start, end, role, "group")
        if words.replace(" & ", " and ").replace("’", "'") in _JOINT_ORGS:
            return Mention(words, words, start, end, role, "organization")  # "Procter and Gamble said"
        joint = _JOINT.fullmatch(words) if " and " in words else None
        if joint and name_type(joint.group(1)) == name_type(joint.group(2)) == "person" and \
                not any(w in _PLACE_NAMES or w in DEMONYMS for w in (strip_titles(joint.group(1))[0], joint.group(2))) \
                and (split_role(joint.group(2))[0] or "Mr").split()[0] in _TITLE_WORDS:
            # (not "Trade and Industry Secretary Patricia Hewitt": "and" inside the role's words)
            # "Smith and Jones said": both of them, one group speaker named by their canonical names
            a = self.mention(start, start + joint.end(1)).name
            b = self.mention(start + joint.start(2), end).name
            if a and b and a != b:
                return Mention(f"{a} and {b}", words, start, end, role, "group")
        first = toks[0] if toks else low
        kin = _KIN_MENTION.fullmatch(words) if first in ("his", "her") else None
        if kin:
            person = self._kin(kin.group("det").lower(), kin.group("noun"), start)
            if person:  # "her brother conceded": the man the article gave as her brother, or whose sister she is
                return Mention(person, words, start, end, role, "person")
        aged = next((a for a in (1, 2) if a + 1 < len(toks) and _AGED.fullmatch(toks[a])), None) \
            if first == "the" and len(toks) <= 6 and "-year-old" in low else None
        if aged:
            # "the 34-year-old mother of three replied", "the tall, 71-year-old man": the person in view, of the
            # noun's gender
            noun = toks[aged + 1]
            want = "she" if noun in _FEMALE_ROLES else "he" if noun in _MALE_ROLES else None  # (a gendered noun)
            name = self.pronoun(want, start)[0] if want else None
            if name and name[:1].isupper():
                return Mention(name, words, start, end, role, "person")
        if first == "the" and len(toks) <= 4:
            hit = self._by_surname.get(low) if len(toks) <= 3 else None
            if hit:
                hit = self._title_holder(low, start, ()) or hit  # "the senator" after Sen. Rubio and Sen. Cruz
            elif len(toks) >= 3 and all(w[:1].isupper() for w in words.split()[1:-1]):
                # "the Florida senator", "the New Jersey governor": the one with that title written by the words
                hit = self._title_holder("the " + head, start, words.split()[1:-1])
            if hit is None and head in _PERSON_HEADS:
                hit = self._described_person(toks[1:], start)  # "the retired neurosurgeon": Ben Carson
            if hit:
                return Mention(hit[0], words, start, end, role, "person")
            earlier = self._indefinite_before(head, start) if len(toks) == 2 and head in _PERSON_HEADS else None
            if earlier:  # "A spokesperson for Harbury Council said … “…,” the spokesperson said": that one
                m = self.mention(*earlier, role)
                return Mention(m.name, words, start, end, m.role, m.type)
            if len(toks) == 2 and (head in DEMONYMS or _AGED.fullmatch(head)):
                name, _ = self.pronoun("i", start)  # "said the Dane", "the 47-year-old said": the person in view
                if not name or not name[:1].isupper():
                    name = words  # no one named in view (or only a description, "the coach"): "the Pole" speaks
                return Mention(name, words, start, end, role, "person")
            if len(toks) == 2 and head in _ORG_NOUN_WORDS:
                org = self._named_org(head, start)
                if org:  # "Hollis Energy reported a loss. … the company said": the organisation named before
                    return Mention(org, words, start, end, role, "organization")
        if first == "the" and len(toks) == 2 and _DOCUMENT_HEAD.fullmatch(head):
            issuer = self._issuer(head, start)
            if issuer is not None:  # "The bank said in a statement that … “…,” the statement said": the bank
                return Mention(issuer.name, words, start, end, role, issuer.type)
        if first == "the" and head in _ORG_DESCRIPTIONS and _MODIFIERS.fullmatch(low):
            org = self._described_org(head, start)
            if org:  # "Department store chain Dorrington's … The 140-year-old retailer said": the one it describes
                return Mention(org, words, start, end, role, "organization")
        if low == "i":
            return Mention(None, words, start, end, role, "unknown")
        source = _DOCUMENT_FROM.match(words) if "from" in toks or "by" in toks else None
        if source and not _NOT_ONE_ISSUER.search(words, source.end()):
            # "a statement from the ministry said": the ministry speaks through it (the mention stays the phrase);
            # not "a letter from Acme's lawyers" or "from Mayor Ortega and the council" (no one issuer)
            inner = self.mention(start + source.end(), end, role)
            if inner.name and (inner.type == "organization" or inner.type == "person" and inner.name[:1].isupper()):
                return Mention(inner.name, words, start, end, role, inner.type)
        described = None if _SOURCE_PREPS.isdisjoint(toks) else _DESCRIBED_SOURCE.fullmatch(words)
        if described and common_type(described.group("head")) != "unknown" and (
                described.group("head")[:1].islower() or " " in described.group("head")
                or described.group("head")[:-1].lower() in _PERSON_WORDS):
            # "Residents of Leeds", "the director of Acme Corp": the described source, not the place or firm
            kind = common_type(described.group("head"))
            named = self._named_next(start) if kind == "anonymous" and first in ("a", "an") else None
            if named:  # "A baker from Leeds has said …¶Tom Pemberton, 54, watched …": him (as below)
                return Mention(named[0], words, start, end, role, "person")
            obj = _THE_ORG_OBJECT.search(words, described.end("head"))
            org = self._named_org(obj.group(1), start) if obj and obj.group(1) in _ORG_NOUN_WORDS else None
            if org:  # "a spokesperson for the company": the company named before ("… for Northway Rail")
                return Mention(f"{words[:obj.start()]} {org}", words, start, end, role, kind)
            return Mention(words, words, start, end, role, kind)
        # "bin Laden", "de Blasio": a name particle is not a common noun phrase's first word
        if words[:1].islower() and not (first in PARTICLES and words.split()[-1][:1].isupper()) \
                or first in ("a", "an", "the", "one", "another", "two", "three", "some", "several", "many", "other",
                             "senior", "local"):
            if first in ("the",) and words.split()[-1][:1].isupper():
                pre, rest = split_role(words)
                last = pre.split()[-1] if pre else ""
                if pre and " " in rest and name_type(rest) == "person" and last not in _ROLE_HEAD_END and (
                        last in ROLE_WORDS or last.islower() and last != "the" or last.isupper() and len(last) > 1):
                    # "the actress Lena Varro", "the Labour MP Sam Hale": a role, then the person's name
                    person = self.mention(end - len(rest), end, role or pre)
                    return Mention(person.name, words, start, end, person.role, person.type)
                return Mention(words, words, start, end, role, "organization")
            kind = common_type(low)
            if kind == "anonymous" and first in ("a", "an"):
                named = self._named_next(start, head)
                if named:  # "A baker whose shop was flooded has said …¶Tom Pemberton, 54, watched …": him
                    return Mention(named[0], words, start, end, role, "person")
            return Mention(words, words, start, end, role, kind)
        if " " not in words and (low in SOURCE_NOUNS or low[:-1] in SOURCE_NOUNS):
            return Mention(words, words, start, end, role, common_type(low))  # "Analysts expect …"
        last = words.rsplit(None, 1)[-1]
        if last.endswith("s") and last[:-1].lower() in _PERSON_WORDS \
                and (last.islower() or " " not in words):
            return Mention(words, words, start, end, role, "group")  # "Sanders protesters", "Protesters shouted"
        name = words
        opener = words.split(" ", 1)
        if len(opener) == 2 and opener[0] in NOT_NAME_START and opener[1][:1].isupper():
            name = opener[1]  # "Although Reynolds said": the conjunction opens the sentence, not the name
        canon, title = strip_titles(name)
        canon = canon.removesuffix("’s").removesuffix("'s")
        owned = _OWNED.search(canon) if "’s " in canon or "'s " in canon else None
        if owned and _not_a_noun(owned.group(1).split()[-1]):
            # "Trump's most famously false contention was …": the words stop before their noun, so the owner
            # is the one in view
            owner_end = start + owned.start(1) - 3  # (past "'s ")
            if words.startswith(canon) and owner_end > start:
                return self.mention(start, owner_end, role)
            return Mention(None, words, start, end, role, "unknown")
        if owned:
            # "Ms. Aldous's firm", "Clinton's campaign", "Trump's lawyer": the owned noun speaks, typed by it,
            # not the possessor (whose honorific and gender are not the firm's)
            owner = split_role(canon[:owned.start(1)])[1]  # ("Libertarian candidate Gary Johnson’s doctor")
            kind = common_type(owned.group(1))
            return Mention(" ".join(f"{owner} {owned.group(1)}".split()), words, start, end, role, kind if kind != "unknown" else "person")
        kind = name_type(canon)
        if kind == "person" and _plural_group(canon):
            return Mention(canon, words, start, end, role, "group")  # "Republicans said", "MPs voted"
        if kind == "person" and " " not in canon and canon in self._org_heads and \
                " " not in self.canonical_person(canon)[0]:
            # "Brightmart said" in an article about "Brightmart Inc": the company, not a person named Brightmart
            return Mention(self._org_heads[canon], words, start, end, role, "organization")
        if kind == "organization" and (title and title.split()[0] in _HONORIFICS or self._surname_of_person(canon)):
            kind = "person"  # "Mr. Hall", or "Hall" after "Jonathan Hall": a surname that is also an organisation word
        if kind == "person":
            canon, _ = self.canonical_person(name)
            if role is None or role.startswith(("of ", "from ")):
                # "Mayor Bill de Blasio": the title is his role; an honorific is not ("Det Sgt Owen Pritchard
                # of Norbridge Police": the title and the organisation)
                pre = title if title and title.split()[-1] not in _HONORIFICS else split_role(name)[0]
                if pre and pre.split()[-1] in _HONORIFICS:
                    pre = None
                if role and pre and pre.split()[-1].rstrip(".") in ("Dr", "Prof", "Professor", "Rev"):
                    pre = None  # "Prof Emma Chapman of the University of Nottingham": the role is the "of …"
                role = f"{pre} {role}" if pre and role else pre or role
        return Mention(canon, words, start, end, role, kind)

    def pronoun(self, low: str, pos: int) -> tuple[str | None, str]:
        want = PRONOUNS[low]
        if want in ("m", "f", "person"):
            best: tuple[int, str] | None = None
            unknown: tuple[int, str] | None = None
            i = bisect.bisect_left(self._people, (pos,)) - 1
            while i >= 0:
                s, name, g = self._people[i]
                if self._quoted_apart(s, pos):
                    i -= 1  # “Orlen has been showing signs of unrest,” she said: no one named in a quotation
                    continue
                g = self._gender(name, g)
                if want == "person" or g == want:
                    best = (s, name)
                    break
                if g is None and unknown is None:
                    unknown = (s, name)
                if unknown is not None and s < unknown[0] - 1500:
                    break
                i -= 1
            # a person of the right gender nearby beats a more recent one of unknown gender
            if best is None:
                best = unknown
            elif unknown is not None and unknown[0] > best[0] + 1500:
                best = unknown
            bare = self._bare_surname(max(best[0] + 1 if best else 0, pos - 1500), pos, want)
            if bare:
                best = bare
            recent = best is not None and self.doc.sentence_index(best[0]) >= self.doc.sentence_index(pos) - 1
            events = self._person_events
            i = bisect.bisect_left(events, (pos,)) - 1
            while i >= 0:
                s, name, g = events[i]
                g = self._gender(name, g)
                if g is None or want == "person" or g == want:
                    # a speaker just before the last name mention wins, unless only the mention is known to be
                    # of the pronoun's gender ("Achterberg says she …" after Adeyemi spoke: "she adds" is hers)
                    sure = g is None and want in ("m", "f") and best is not None and \
                        self._gender(best[1], None) == want and self._opens_sentence(best[0])
                    if best is None or (s > best[0] - 600 and not recent and not sure) or s > best[0] or \
                            s < best[0] and self._opens_sentence(s) and \
                            self.doc.sentence_index(s) == self.doc.sentence_index(best[0]) and \
                            (g == want or self._gender(best[1], None) != want):
                        # (a speaker opening the sentence that names the other person later: "The Pole, who …,
                        # said Colcutt had been …" — the subject, not the object of the report)
                        best = (s, name)
                    break
                i -= 1
            subject = self._sentence_subject_person(pos, want)
            if subject is not None and best is not None and subject[1] != best[1] and want in ("m", "f") and \
                    self._gender(subject[1], _description_gender(subject[1])) is None and \
                    self._gender(best[1], None) == want and \
                    self._last_speaker(pos) == best[1] and _GOES_ON.match(self.doc.text, pos + len(low)):
                # "Kerensa Adair, a spokeswoman, said: … Then Ashby Tarrant spoke. … she added": "added" goes on
                # with the last speaker, who is a she, rather than a subject of unknown gender
                subject = None
            if subject is not None and (best is None or self.doc.sentence_index(best[0]) <= self.doc.sentence_index(subject[0])):
                best = subject  # "Rubio said …, whom he called …": the sentence's subject beats a later object
            if best is not None and want in ("m", "f") and best[1] not in self._known_gender:
                self._learn(best, pos, want)
            return (best[1] if best else None), "person"
        kind = "group" if low in ("they", "we") else "organization"
        best = None
        i = bisect.bisect_left(self._group_events, (pos,)) - 1
        if i >= 0 and self._group_events[i][0] > pos - 2000:
            best = self._group_events[i]
        i = bisect.bisect_left(self._orgs, (pos,)) - 1
        if i >= 0 and self._orgs[i][0] > pos - 2000 and (best is None or self._orgs[i][0] > best[0]):
            best = (self._orgs[i][0], self._orgs[i][1], "organization")
        subj = self._subject_body(pos, low) if low in ("it", "they") else None
        if subj is not None and (best is None or subj[0] > best[0]):
            return subj[1], subj[2]  # "The campaign said … It added": the subject of the sentence before
        if low in ("they", "we"):
            m = None
            for m in _PLURAL_SUBJECT.finditer(self.doc.text, max(0, pos - 400), pos):
                pass
            if m and (best is None or m.start() > best[0]):
                return m.group("np").lower() if m.group("np")[0].isupper() and " " not in m.group("np") \
                    else m.group("np"), "group"
        if best:
            return best[1], best[2]
        return None, kind

    def _subject_body(self, pos: int, low: str) -> tuple[int, str, str] | None:
        """The organisation or group that is the subject of the pronoun's sentence (before it) or of the
        previous sentence, for "it" and "they": a named organisation ("Acme Corp", "The White House"), a
        source noun phrase of that type ("The campaign", "officials"), or, for "it", a lone capitalised word
        that names no person ("Acme said … It added")."""
        si = self.doc.sentence_index(pos)
        text = self.doc.text
        for k in (si, si - 1):
            if k < 0:
                continue
            span = self._subject_span(k)
            if span is None or span[0] >= pos or _opened_quote(text, span[0], pos) or \
                    _opened_quote(text, text.rfind("\n", 0, span[0]) + 1, span[0]):
                continue  # (“… Please advise how …,” it read: words inside a quotation are nobody's subject here)
            a, b = span
            words = text[a:b]
            lw = words.lower()
            if lw in PRONOUNS or " " not in words and ("’" in words or "'" in words) or text[b:b + 1] in ("’", "'"):
                continue  # "It’s", "Clark’s comments …": no body of its own
            i = bisect.bisect_left(self._people, (a,))
            if i < len(self._people) and self._people[i][0] < b:
                return None  # a person is the subject: not what "it" points at
            j = bisect.bisect_left(self._orgs, (a,))
            if j < len(self._orgs) and self._orgs[j][0] < b:
                return a, self._orgs[j][1], "organization"
            if len(words.split()) > 5:
                continue  # (no subject phrase this long is the body a pronoun stands for)
            if words[:1].islower() or lw.startswith(("the ", "a ")) or " " in words and words.split()[1][:1].islower():
                kind = common_type(lw)
                head = lw.split()[-1]
                if low == "it" and head.endswith("s") and not head.endswith(("ss", "us")):
                    continue  # "The PACs … what it calls": a plural is not "it"
                if kind == "organization" or low == "they" and kind == "group":
                    return a, words, kind
                if lw.startswith("the ") and words.split()[-1][:1].isupper():
                    return a, words, "organization"  # "The White House", "the Pentagon"
                continue
            if low == "it" and " " not in words and words[1:].islower() and len(words) > 2 \
                    and not self._by_surname.get(lw) and words not in _FIRST and words not in NOT_NAME_START \
                    and not _IMPERATIVE.match(text, b):
                return a, words, "organization"
            if low == "they" and " " not in words and (lw in SOURCE_NOUNS or lw[:-1] in SOURCE_NOUNS) \
                    and common_type(lw) == "group":
                return a, lw, "group"  # "Officials said … They added"
        return None

    def _last_speaker(self, pos: int) -> str | None:
        i = bisect.bisect_left(self._person_events, (pos,)) - 1
        return self._person_events[i][1] if i >= 0 else None

    def _learn(self, best: tuple[int, str], pos: int, want: str) -> None:
        """A he/she whose antecedent is the only person named in its sentence and the one before tells that
        person's gender: never again the other pronoun's ("Sunita Rao … she said. … he said" is not Sunita Rao)."""
        si = self.doc.sentence_index(pos)
        lo = self.doc.sentences[si - 1][0] if si > 0 else 0
        if best[0] < lo or _opened_quote(self.doc.text, best[0], pos):
            return  # (Trump said: "She signed …": a pronoun in someone's quotation tells nothing of him)
        for rows in (self._people, self._person_events):
            i = bisect.bisect_left(rows, (lo,))
            while i < len(rows) and rows[i][0] < pos:
                if rows[i][1] != best[1]:
                    return
                i += 1
        words, table = self.doc.words, self._by_surname
        for k in range(bisect.bisect_left(words.starts, lo), bisect.bisect_left(words.starts, pos)):
            hit = words.words[k][:1].isupper() and table.get(words.lows[k])
            if hit and hit[0] != best[1]:
                return  # "Trump took offense when Kelly confronted him …. He later …": two people in view
        self._known_gender[best[1]] = want

    def _quoted_in_sentence(self, start: int, end: int) -> bool:
        """Is the quotation at ``start``-``end`` a part of one sentence that opens with words of its own ("A
        spokesman said the industry was “being blamed …”.")?"""
        k = self.doc.sentence_index(start)
        return start - self.doc.sentences[k][0] > 2 and k == self.doc.sentence_index(max(start, end - 1))

    def _sentence_subject_person(self, pos: int, want: str) -> tuple[int, str] | None:
        """The compatible person who is the subject of the pronoun's sentence (when the pronoun is not that
        subject itself), or else of the previous sentence: a name at its start (after role words), else the
        subject after fronted adverbials ("On Monday, Jordan Ruiz met …") or a bare surname ("Ruiz met …")."""
        si = self.doc.sentence_index(pos)
        sentences = self.doc.sentences
        before = si - 1
        starts, ends = self._quoted
        j = bisect.bisect_right(starts, pos) - 1
        if j >= 0 and ends[j] <= pos and pos - ends[j] < 40 and starts[j] < sentences[si][0] and \
                not self._quoted_in_sentence(starts[j], ends[j]):
            # “People are frustrated. I'm not going to …,” he said: the sentence before is the one before the
            # quotation, not its own first sentence
            before = self.doc.sentence_index(starts[j]) - 1
        for k in (si, before):
            if k < 0:
                continue
            ss, se = sentences[k]
            if k == si and pos - ss < 3:
                continue  # the pronoun opens its own sentence: look at the sentence before
            i = bisect.bisect_left(self._people, (ss,))
            if i < len(self._people) and self._people[i][0] < min(se, pos) and (
                    self._people[i][0] <= ss + 2 or _roles_only(self.doc.text[ss:self._people[i][0]])
                    or self.doc.text.find(",", ss, self._people[i][0]) >= 0 and
                    _DESCRIPTION_COMMA.fullmatch(self.doc.text, ss, self._people[i][0])):
                # (and "Another analyst, Kash Rangan of Goldman Sachs, was …": the name in apposition)
                s, name, g = self._people[i]
            else:
                got = self._subject_person(k)
                if got is None and k == before and want in ("m", "f"):
                    got = self._pronoun_subject(k, want)
                if got is None or got[0] >= pos:
                    continue
                s, name, g = got
            if _opened_quote(self.doc.text, s, pos) or self._quoted_apart(s, pos):
                continue  # Trump said: "She signed an agreement": a pronoun inside his quotation is not him
            g = self._gender(name, g)
            if g is None or want == "person" or g == want:
                return s, name
        return None

    def _pronoun_subject(self, k: int, want: str) -> tuple[int, str, str | None] | None:
        """Sentence ``k``'s subject when it is a he/she of gender ``want``, resolved in its turn: "Mr. Alvarado
        was asked about Mr. Thorne. He bristled. “…,” he said" (a chain of at most three sentences)."""
        if self._chain >= 3:
            return None
        span = self._subject_span(k)
        word = self.doc.text[span[0]:span[1]].lower() if span else ""
        if word not in ("he", "she") or PRONOUNS[word] != want:
            return None
        self._chain += 1
        try:
            name, _ = self.pronoun(word, span[0])
        finally:
            self._chain -= 1
        return (span[0], name, want) if name else None

    _chain = 0  # depth of _pronoun_subject's resolution of one pronoun through another

    def _subject_person(self, k: int) -> tuple[int, str, str | None] | None:
        """The person who is the grammatical subject of sentence ``k`` (start, canonical name, gender): a full
        name inside the subject phrase, or a bare surname of a person named in full elsewhere. Memoised."""
        cache = self._subjects
        if k in cache:
            return cache[k]
        cache[k] = None
        span = self._subject_span(k)
        if span is None:
            return None
        a, b = span
        people = self._people
        i = bisect.bisect_left(people, (a,))
        if i > 0 and people[i - 1][0] >= self.doc.sentences[k][0] and \
                _PREP_NO_COMMA.fullmatch(self.doc.text, people[i - 1][0], a):
            return None  # "Jeffrey Lewis of the … Center for Nonproliferation Studies wrote": the name before
        if i < len(people) and people[i][0] < b:
            cache[k] = people[i]
            return cache[k]
        words = self.doc.text[a:b]
        if " " not in words and len(words) > 1 and words[0].isupper() and not words.isupper() and \
                not self._inside_name(a):
            hit = self._by_surname.get(_surname_key(words))
            if hit and " " in hit[0]:
                cache[k] = (a, hit[0], self._gender(hit[0], hit[1]))
        elif _GENDERED_DESCRIPTION.fullmatch(words):
            # "The woman told rescuers … she joked": a gendered description is the subject a pronoun points at
            cache[k] = (a, words, role_gender(words))
        elif (appos := _GENDERED_APPOSITION.match(self.doc.text, b)) and not words[:1].isupper() or \
                appos and words.split()[0] in ("One", "A", "An", "The", "Another"):
            # "One of his victims, a 61-year-old widow from Northshire, lost …": the apposition tells the gender
            cache[k] = (a, words, role_gender(appos.group(1)))
        elif _KIN_DESCRIPTION.fullmatch(words):
            named = _ONE_NAME_APPOSITION.match(self.doc.text, b)
            # "His wife, Lurdes, said …": the one-word name in apposition (else the description itself)
            cache[k] = (named.start(1), named.group(1), role_gender(words)) if named else (a, words, role_gender(words))
        return cache[k]

    def _subject_span(self, k: int) -> tuple[int, int] | None:
        from .phrases import sentence_subject  # phrases imports this module
        ss, se = self.doc.sentences[k]
        got = sentence_subject(self.doc.text, ss, se)
        return (got[0], got[1]) if got else None

    @cached_property
    def _subjects(self) -> dict[int, tuple[int, str, str | None] | None]:
        return {}

    def _issuer(self, noun: str, pos: int) -> Mention | None:
        """Who issued the document "the <noun>" stands for: the subject of the last sentence before ``pos``
        (within 1500 characters) that mentions "a/its/… <noun>" ("The bank said in a statement that …"), when
        it is an organisation or a named person."""
        from .phrases import sentence_subject  # phrases imports this module
        text = self.doc.text
        m = None
        for m in _ISSUED_IN.finditer(text, max(0, pos - 1500), pos):
            pass
        if m is None or m.group("n").lower() != noun:
            return None
        ss, se = self.doc.sentences[self.doc.sentence_index(m.start())]
        got = sentence_subject(text, ss, m.start())
        if got is None or got[1] > m.start():
            return None
        issuer = self.mention(got[0], got[1])
        if issuer.name and (issuer.type == "organization" or issuer.type == "person" and issuer.name[:1].isupper()):
            return issuer
        return None

    def _named_org(self, noun: str, pos: int) -> str | None:
        """The one organisation named before ``pos`` whose name fits "the <noun>" ("the company": a name with
        Corp, Inc, Energy, Airlines …; "the ministry": a name with Ministry), or None when none or several do."""
        fits = _ORG_NOUN_WORDS[noun]
        found = None
        for s, name in self._orgs:
            if s >= pos:
                break
            if any(w.rstrip(".,") in fits for w in name.split()) and name != found:
                if found is not None:
                    return None
                found = name
        return found

    def _described_org(self, noun: str, pos: int) -> str | None:
        """The organisation last named before ``pos`` with an organisation noun in apposition ("store chain
        Dorrington's", "retailer Brightmart", "Brightmart, the discount retailer,"): the last one described by
        the same noun, else by a noun of its family ("chain Dorrington's … the retailer")."""
        same = other = None
        rows = self._appositions
        for i in range(bisect.bisect_left(rows, (pos - 4000,)), bisect.bisect_left(rows, (pos,))):
            _, n, name = rows[i]
            if n == noun:
                same = name
            elif n in _ORG_DESCRIPTIONS[noun]:
                other = name
        return same or other

    @cached_property
    def _appositions(self) -> list[tuple[int, str, str]]:
        """(start, noun, organisation name) of each apposition in the text, found once per document."""
        text = self.doc.text
        out = []
        for m in apposition_matches(self.doc):
            key = next(k for k in ("1", "2", "3", "4") if m.group("n" + k))
            n, name, key = m.group("n" + key), m.group("a" + key), "a" + key
            name = _SENTENCE_STOP.split(name, 1)[0].rstrip(".,")  # ("… Families First. In a letter")
            # a sentence's first words before "the X, which …": a fronted phrase, not an apposition
            fronted = key == "a2" and not text[self.doc.sentences[self.doc.sentence_index(m.start())][0]:m.start()].strip() \
                and (len(name.split()) > 1 or _RELATIVE_NEXT.match(text, m.end()) is not None)
            if _org_name_ok(name, fronted):
                out.append((m.start(), n, name))
        return out

    @cached_property
    def _org_heads(self) -> dict[str, str]:
        """First word -> organisation, for the organisations named in full whose first word is a name of its own
        ("Brightmart" for "Brightmart Inc", "Aerivia" for "Aerivia Airlines"; not "the" or "New")."""
        out: dict[str, str] = {}
        for _, name in self._orgs:
            parts = name.split()
            first = parts[0]
            # a company's own name and its organisation word ("Peabody Energy", "Northfield Health Partners")
            if 2 <= len(parts) <= 4 and parts[-1] in ORG_WORDS and all(w[:1].isupper() for w in parts) and \
                    first not in ORG_WORDS and first not in NOT_NAME_START and first not in _PLACE_NAMES and \
                    first not in _FIRST and first not in _PARTY_WORDS and first.lower() not in DEMONYMS and \
                    first not in _COMPASS_WORDS:
                out.setdefault(first, name)
        return out

    @cached_property
    def _orgs(self) -> list[tuple[int, str]]:
        return [(s, name) for s, _, name, _, kind in self._names if kind == "organization"]



_FEMALE_ROLES = frozenset("""spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman
    policewoman sportswoman actress mother wife daughter sister grandmother widow queen princess duchess countess
    baroness girl woman aunt niece headmistress stepmother mum""".split())
_MALE_ROLES = frozenset("""spokesman congressman councilman assemblyman businessman policeman sportsman father
    husband son brother grandfather widower king prince duke count baron boy man uncle nephew headmaster stepfather
    dad""".split())
# noun -> the nouns of its family ("retailer" -> retailer, chain, grocer, supermarket)
_ORG_DESCRIPTIONS = {w: frozenset(line.split()) for line in load("org_descriptions") for w in line.split()}
_ORG_DESCRIPTION_ALT = "|".join(sorted(_ORG_DESCRIPTIONS, key=len, reverse=True))
_ORG_WORD = r"\p{Lu}[\p{L}\p{N}&'’.-]*+"
# possessive and bounded: a long run of capitalised words costs one pass, not a backtrack per start
_ORG_NAME = rf"{_ORG_WORD}(?: (?:(?:&|of|and) )?{_ORG_WORD}){{0,6}}+"
# "chain Dorrington's" / "Dorrington's, the department store chain": an organisation noun beside a name
_APPOSITIVE = regex.compile(
    rf"(?<![\p{{L}}])(?P<n1>{_ORG_DESCRIPTION_ALT}) (?P<a1>{_ORG_NAME})"
    rf"|(?<![\p{{L}}\p{{N}}&'’.-])(?P<a2>{_ORG_NAME}), (?:the|a|an) (?:[\p{{L}}\p{{N}}-]+ ){{0,3}}"
    rf"(?P<n2>{_ORG_DESCRIPTION_ALT})(?=[,;)]| based| that| which)"
    # "a group of parents calling itself Greenford Families First", "the state airline, Kestavian Air,"
    rf"|(?<![\p{{L}}])(?:a|an|the) (?P<n3>{_ORG_DESCRIPTION_ALT}) (?:\p{{Ll}}+ ){{0,4}}?"
    rf"(?:calling (?:itself|themselves)|called|named|known as) (?P<a3>{_ORG_NAME})"
    rf"|(?<![\p{{L}}])(?:[Tt]he|[Aa]n?) (?:\p{{Ll}}[\p{{L}}-]* ){{0,2}}(?P<n4>{_ORG_DESCRIPTION_ALT}), (?P<a4>{_ORG_NAME})(?=,)")


def apposition_matches(doc: TextDoc) -> list:
    """What ``_APPOSITIVE.finditer(doc.text)`` finds, scanning only the paragraphs that hold one of its nouns (a
    tenth of an article): every match holds its noun, and none holds a line break (the pattern's only spaces are
    literal, it has no negated class and no wildcard), so the matches in a paragraph are the ones the whole text
    has there. (The look-behinds see the text before a paragraph, as they would in one pass.)"""
    text = doc.text
    hits = [i for n in _ORG_DESCRIPTIONS if n in text for i in find_all(text, n)]
    out = []
    for k in sorted({doc.paragraph_index(i) for i in hits}):
        out.extend(_APPOSITIVE.finditer(text, *doc.paragraphs[k]))
    return out


_JOINT_ORGS = frozenset(load("joint_org_names"))
_FRONTED_ADVERBS = frozenset("""Later Earlier Meanwhile However Today Yesterday Tomorrow Then Now Still Instead
    Elsewhere Overall Again Also Since Afterwards Afterward Nonetheless Nevertheless Indeed Moreover Besides""".split())


_DOCUMENT_HEAD = regex.compile(r"statement|letter|e-?mail|memo|release|communiqu[ée]")
# "in a statement", "in its letter to the council": the document a later "the statement said" stands for
_ISSUED_IN = regex.compile(r"(?<![\p{L}])(?:in|with|issued|released)\s+(?:a|an|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}"
                           r"(?P<n>statement|letter|e-?mail|memo|release|communiqu[ée])(?![\p{L}])", regex.I)
_SENTENCE_STOP = regex.compile(r"(?<=\p{Ll}\p{Ll})\. ")
_RELATIVE_NEXT = regex.compile(r",?\s*(?:which|that|who)(?![\p{L}])")


def _org_name_ok(name: str, fronted: bool) -> bool:
    """May an apposition's capitalised words name an organisation? Not a fronted phrase ("On Monday, the
    retailer, which …"), a calendar word ("Tuesday"), a sentence adverb ("Later,") or a person with a title or
    a first name ("President Joe Smith", "Joe Smith")."""
    words = name.split()
    if fronted and (words[0] in NOT_NAME_START or words[0] in _FRONTED_ADVERBS or words[0].endswith("ly")):
        return False
    if any(w.rstrip(".,") in CALENDAR_WORDS for w in words) or words[0] in NOT_NAME_START:
        return False
    if words[0].rstrip(".") in _TITLE_WORDS or words[0] in _HONORIFICS:
        return False
    return not (len(words) >= 2 and words[0] in _FIRST and name_type(name) == "person")


# "the retailer", "the 140-year-old retailer", "the Swedish furniture chain": the, up to three modifiers, a noun
_MODIFIERS = regex.compile(r"the (?:[\p{L}\p{N}-]+ ){0,3}[\p{Ll}]+")
# the gendered words for people, longest first, as one alternation for the patterns below
_GENDERED_HEADS = "|".join(sorted(_FEMALE_ROLES | _MALE_ROLES, key=len, reverse=True))
# "the woman", "a young mother", "the boy's father": a determiner, at most two modifiers, a gendered head
_GENDERED_DESCRIPTION = regex.compile(rf"(?i:the|a|an|one|this) (?:\S+ ){{0,2}}(?:{_GENDERED_HEADS})"
                                      r"(?: (?:for|of|at|with|from|in) [^,;:]{2,60})?")  # (and "a spokesman for …")


def _description_gender(words: str) -> str | None:
    """The gender of a gendered description ("A spokesman for the association": m), None for a name."""
    return role_gender(words) if words[:1].islower() or words.split(" ", 1)[0] in ("The", "A", "An", "One", "This") \
        else None


# "His wife", "her brother", "their son": a possessive and a gendered word; then ", Lurdes," in apposition
_KIN_DESCRIPTION = regex.compile(rf"(?i:his|her|their|my|our) (?:\S+ )?(?:{_GENDERED_HEADS})")
_GENDERED_APPOSITION = regex.compile(rf",\s+((?:a|an|the)\s+(?:[\p{{L}}\d\-]+\s+){{0,3}}(?:{_GENDERED_HEADS}))\b")
_ONE_NAME_APPOSITION = regex.compile(r",\s+(\p{Lu}\p{Ll}+),\s")
# kin by the other side of the relation: "her brother" is the man whose sister she is ("His sister, Maureen Dwyer, …")
_KIN_INVERSE = {"brother": ("sister", "brother"), "sister": ("brother", "sister"), "husband": ("wife",),
                "wife": ("husband",), "son": ("mother", "father"), "daughter": ("mother", "father"),
                "mother": ("son", "daughter"), "father": ("son", "daughter")}
_KIN_MENTION = regex.compile(r"(?P<det>[Hh]is|[Hh]er) (?P<noun>brother|sister|husband|wife|son|daughter|mother|father)")
_KIN_NAMED = regex.compile(rf"(?P<det>[Hh]is|[Hh]er)\s+(?P<noun>brother|sister|husband|wife|son|daughter|mother|"
                           rf"father)\s*,\s+(?P<name>{NAME_PAT})(?=\s*,)", titles=TITLES)
_ROLE_HEAD_END = frozenset("of at for in with from on who whose which that and to".split())


_COMPANY_WORDS = frozenset("Corp Corporation Inc Ltd Co Company Holdings Industries Motors Airlines Airways "
                           "Energy Petroleum Pharmaceuticals Technologies Systems Telecom Brands Foods Mills Electric "
                           "Dynamics Communications Partners Rail Railways Trains Buses Water Utilities Logistics "
                           "Shipping Mining Media Retail Stores Bank plc PLC LLC".split())
# "the <noun>" and the words of an organisation's name it can stand for
_ORG_NOUN_WORDS: dict[str, frozenset[str]] = {
    "company": _COMPANY_WORDS, "firm": _COMPANY_WORDS, "group": _COMPANY_WORDS | {"Group"},
    "carrier": frozenset({"Airlines", "Airways", "Telecom", "Communications"}), "airline": frozenset({"Airlines", "Airways"}),
    **{w.lower(): frozenset({w}) for w in ("Ministry", "Department", "Council", "Bank", "Agency", "Committee",
                                           "Commission", "Court", "Party", "Union", "Board", "Authority", "Foundation",
                                           "Institute", "University", "Hospital", "Campaign", "Federation",
                                           "Association", "Trust", "Bureau")},
    "charity": frozenset({"Trust", "Foundation", "Charity", "Fund", "Appeal", "Hospice", "Aid"})}


def _opened_quote(text: str, a: int, b: int) -> bool:
    """Does a quotation open between ``a`` and ``b`` and stay open at ``b``?"""
    part = text[a:b]
    return part.count("“") > part.count("”") or part.count('"') % 2 == 1


def _roles_only(words: str) -> bool:
    """ "Secretary General " (Ban Ki-moon), "Australian Prime Minister " (Malcolm Turnbull), "Republican "
    (Christine Todd Whitman): title, role or party words before a name at a sentence's start, so the name is the
    sentence's subject."""
    parts = words.split()
    return 0 < len(parts) <= 5 and (parts[-1].rstrip(".") in _TITLE_WORDS | ROLE_WORDS or
                                    tuple(p.removesuffix("’s").removesuffix("'s") for p in parts) in _PARTIES) and \
        all(p[:1].isupper() and p.rstrip(".").isalpha() for p in parts)


def role_gender(role: str | None) -> str | None:
    """ "a spokeswoman for the council" -> "f", "the victim's father" -> "m": the gender a role's head word
    gives (only the words before its first preposition or relative: "who lost her son" says nothing)."""
    if not role:
        return None
    for w in role.lower().replace("’", "'").split():
        if w in _ROLE_HEAD_END:
            return None
        w = w.strip(",.;:")
        if w in _FEMALE_ROLES:
            return "f"
        if w in _MALE_ROLES:
            return "m"
    return None


# heads of descriptions that denote a person ("the senator", "the 45-year-old mother", "the Pole")
# (role words and one-word titles; not the words of "Secretary of State" or "Attorney General")
_PERSON_HEADS = frozenset(load("person_nouns")) | {w.lower() for w in load("role_words")} | \
    {t.lower().rstrip(".") for t in TITLES if " " not in t} | _FEMALE_ROLES | _MALE_ROLES | DEMONYMS


_OWNED = regex.compile(r"\p{Lu}\S*[’']s ((?:\p{Ll}[\p{Ll}-]* ?)+)$")


def _antecedent(name: str) -> bool:
    """May a person speaker's name be what a later he/she points at? A name, or a description whose head is a
    source noun ("the official", "the coach"); not one typed person only by its head ("the Florida senator",
    "the businessman", "the Pole"): a pronoun near it points at the people named in the text."""
    words = name.lower().split()
    if not words or name[:1].isupper() and words[0] not in DETS_LOWER:
        return True
    head = _head_noun(words)
    base = head[:-1] if head.endswith("s") and head[:-1] in SOURCE_NOUNS else head
    return (SOURCE_NOUNS.get(head) or SOURCE_NOUNS.get(base)) == "person" or head not in _PERSON_HEADS


DETS_LOWER = frozenset("the a an this that my our your his her its their one another".split())


# nouns whose plural names a group of people: "Sanders protesters", "Residents of Leeds", "Trump aides"
_PERSON_WORDS = _PERSON_HEADS | frozenset(n for n, kind in SOURCE_NOUNS.items() if kind == "person")
# a common noun phrase and a preposition whose object is a name: "Residents of Leeds", "the director of Acme";
# a capitalised head alone is a plural ("Residents"), never a title ("Secretary of State")
# (the prepositions of _DESCRIBED_SOURCE: it holds one of them as a word of its own)
_SOURCE_PREPS = frozenset({"of", "for", "from", "at", "in", "with"})
_DESCRIBED_SOURCE = regex.compile(r"(?P<head>(?:(?:the|a|an|one|The|A|An|One)\s+)?(?:\p{L}[\p{L}-]*\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}"
                                  r"\p{Ll}[\p{L}-]*|"
                                  r"\p{Lu}\p{Ll}+s)\s+(?:of|for|from|at|in|with)\s+(?:\p{Lu}"
                                  r"|(?:the|a|an)\s+\p{L}).*")  # (and "Residents of a town", "… of an Ambershire village")


def common_type(phrase: str) -> str:
    """Type of an unnamed source: "a spokesman" anonymous, "officials" group, "the company" organisation, "the
    senator" person."""
    words = phrase.lower().split()
    if not words:
        return "unknown"
    head = _head_noun(words)
    base = head[:-1] if head.endswith("s") and head[:-1] in SOURCE_NOUNS else head
    kind = SOURCE_NOUNS.get(head) or SOURCE_NOUNS.get(base)
    if kind == "organization":
        return "organization"
    plural = head != base or kind == "group" or head.endswith("s") and kind is None
    if plural:
        return "group"
    if words[0] in ("a", "an", "one", "another"):
        return "anonymous"
    return "person" if kind == "person" or head in _PERSON_HEADS else "unknown"


# the words of a share of a group: a hedge, then a number or fraction ("about 40 percent of", "four in 10")
_SHARE_HEDGES = ("about", "nearly", "almost", "roughly", "around", "some", "over", "just", "only", "more than",
                 "fewer than", "less than")
_SHARE_NUMBERS = ("one(?=\\s+in\\s)", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
                  "a third", "a quarter", "half", "a majority", "majority", "two-thirds", "three-quarters",
                  "three-fourths", "one-third", "one-quarter")
_NUMBER = r"(?:\d[\d,.]*|%s)" % "|".join(n.replace(" ", r"\s+") for n in _SHARE_NUMBERS)
# "four in 10 voters", "about 40 percent of voters", "two-thirds of Republicans": a share of a group
_SHARE_HEDGE = "|".join(h.replace(" ", r"\s+") for h in _SHARE_HEDGES)
_SHARE = regex.compile(rf"(?:(?:{_SHARE_HEDGE})\s+)?{_NUMBER}(?:\s*(?:%|percent|per\s+cent))?\s+(?:in|out\s+of|of)\s+"
                       r"(?:(?:\d[\d,]*|ten|every|all|the)\s+)?")
# a share standing alone as the speaker: "Twenty-four percent said", "Nearly half said", "A majority told"
_BARE_SHARE = regex.compile(rf"(?:(?:{_SHARE_HEDGE})\s+)?(?:(?:\d[\d,.]*|\p{{Ll}}+(?:-\p{{Ll}}+)?)\s*(?:%|percent|per\s+cent)"
                            r"|half|a\s+majority|the\s+majority|a\s+third|a\s+quarter|two-thirds|three-quarters)")
_BARE_SHARE_WORDS = ("%", "percent", "per cent", "half", "majority", "third", "quarter")  # (one is in every match)
# the first words a share can start with (a cheap gate before the pattern), derived from the same words
_SHARE_OPENERS = frozenset(w.split()[0].split("(")[0] for w in _SHARE_HEDGES + _SHARE_NUMBERS)
# the words between a share's number and its group: a share holds one of them as a word of its own
_SHARE_LINKS = frozenset({"in", "out", "of"})
assert r"\s+(?:in|out\s+of|of)\s+" in _SHARE.pattern, "_SHARE_LINKS are the words of this part of _SHARE"
# "those surveyed said": the respondents of a poll
_RESPONDENTS = frozenset("surveyed polled questioned interviewed sampled asked".split())


def _head_noun(words: list[str]) -> str:
    """The head of "a source familiar with the matter" is "source": the last word before a preposition (past a
    share: "four in 10 voters" -> "voters"; "those surveyed" -> "people")."""
    if len(words) == 2 and words[0] == "those" and words[1] in _RESPONDENTS:
        return "people"
    if words[0] in _SHARE_OPENERS or words[0][:1].isdigit():
        phrase = " ".join(words)
        share = _SHARE.match(phrase)
        if share and share.end() < len(phrase):
            words = phrase[share.end():].split()
    for i, w in enumerate(words):
        if i and w in ("familiar", "close", "with", "of", "at", "in", "for", "from", "on", "who", "to"):
            return words[i - 1]
    return words[-1]
