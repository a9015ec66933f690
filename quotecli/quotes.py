"""Quotation candidates from paired marks: spans, kinds, and the shapes that are not quotations.

Whether a candidate is reported depends on attribution too (a short fragment is a partial quotation
only when the text says whose words it is), so the final filter runs in ``speakers.attribute``.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicons import load
from .text import MarkPair, TextDoc

# words right before a mark that make what follows a name, a title or a term, not someone's words
_NOT_SPEECH_BEFORE = regex.compile(
    r"""(?:\b(?:so-called|so\ called|dubbed|nicknamed|nickname|named|name|titled|entitled|headlined|
        known\ as|term|terms|phrase|word|(?<!\b(?:in\s+(?:\S+\s+){1,3}|whose\s+))words|label|brand|branded|slogan|
        motto|hashtag|tagged|(?P<work>album|book|film|movie|song|show|series|column|novel|play|poem|documentary|
        programme|program|article|essay|report|episode|podcast|memoir|musical|sitcom|anthem)|the\ title|headline|
        or|aka|a\.k\.a\.|pseudonym|alias|moniker|
        (?:latin|greek|french|german|spanish|italian|portuguese|russian|arabic|hebrew|yiddish|chinese|mandarin|
        japanese|korean|persian|farsi|turkish|hindi|urdu|slang|short|shorthand|code|euphemism|jargon)\s+for)(?:\s+of)?,?|[(]|
        (?-i:(?<![\p{L}])\p{Lu}{2,6}['’]s)|
        \b(?:known|(?:is|are|was|were|be|been|being)\s+(?:\p{L}+\s+)?referred\ to|nicknamed|dubbed|remembered|billed)\b
            [^.;:!?"“”]{0,40}\bas|\breferred\s+to\s+as|
        \b(?:banners?|signs?|placards?|posters?|t-shirts?|shirts?|caps?|hats?|slogans?)\b[^.;:!?"“”]{0,30}
            \b(?:reading|read|saying|said|bearing|emblazoned\ with|with\ the\ words?)|^\s*(?:related|read\ more|read\ also|see\ also|more|watch|listen|
        recommended|opinion|analysis|explainer|live|video|podcast):)\s*+$""",
    regex.I | regex.X | regex.M)
_WORK_AFTER = regex.compile(
    r"[,.]?['’\"”]*\s*(?:radio\s+|TV\s+|television\s+)?(?:show|program|programme|forum|series|special|album|book|film|"
    r"documentary|movie|podcast|song|act|bill|campaign|tour|summit|speech|event|day|report|column|segment)\b")
# words before a mark that announce the title of a show, film or book
_TITLE_CUE = regex.compile(
    r"""(?:(?<![\p{L}])(?:on|(?:co-?)?hosts?\s+of|(?:co-?)?authors?\s+of|stars?\s+of|star(?:s|red|ring)?\s+in|roles?\s+in|
        (?:co-?)?creator\s+of|(?:producers?|presenters?|anchors?|hosts?|correspondents?)\s+(?:of|for|on)|directors?\s+of|
        writers?\s+of|moderators?\s+of|cast\s+of|
        (?:collective|campaign|campaign\s+group|pressure\s+group|group|coalition|movement|alliance|association|charity|
        initiative|organi[sz]ation|society|petition|network|party|club)|
        episodes?\s+of|seasons?\s+of|premiere\s+of|finale\s+of|screening\s+of|sequel\s+to|signed\s+on\s+for|
        broadcast\s+of|(?:co-?)?editors?\s+of|interview\s+with|(?-i:channel['’]s)|
        perform(?:s|ed|ing)?|(?:hits?|songs?|tracks?|albums?|films?|books?)\s+(?:including|like|such\s+as))
       |(?-i:(?<![\p{L}])(?:ABC|CBS|NBC|CNN|MSNBC|CNBC|HBO|PBS|NPR|BBC|ESPN|C-SPAN|Fox|Showtime|Netflix|Bravo|TLC|
        Channel|Network|News|Radio|TV|Television|Central))['’]s?)\s*,?\s*+$""", regex.I | regex.X)
# a reporting verb and the topic it is about: "said of the episode,", "wrote about the film,"
_TOPIC_OF = regex.compile(r"(?<![\p{L}])(?:said|says|say|wrote|writes|told\s+\p{L}+|asked|added)\s+(?:of|about)\s+"
                          r"(?:the|his|her|their|its|this|that|a|an)\s+(?:\p{L}+\s+){0,3}$")
_CALL_BEFORE = regex.compile(r"(?<![\p{L}])call(?:s|ed)?\s+$")
_CALLED_SELF = regex.compile(r"(?<![\p{L}])(?:call(?:s|ed|ing)?|nam(?:es|ed|ing)|dub(?:s|bed|bing)|styl(?:es|ed|ing))\s+"
                             r"(?:him|her|them|it)sel(?:f|ves)\s+$")
_NAME_WORDS = regex.compile(r"\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}[,.]?\s*")
_ONE_NAME = regex.compile(r"\s*\p{Lu}[\p{L}'’\-]*[,.]?\s*")
_SAID = regex.compile(r"(?<![\p{L}])(?:said|says|told|tells|according\s+to)(?![\p{L}])")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
# a nickname inside a name: Marcia "Cia" Price, George “Jay” Keyworth
_FIRST_NAMES = frozenset(line.split("\t")[0] for line in load("first_names"))
_NICK_BEFORE = regex.compile(r"(?<![\p{L}'’\-])(?P<first>\p{Lu}\p{Ll}+)[ ]\Z")
_NICK_INNER = regex.compile(r"\p{Lu}[\p{L}.'’\-]*(?:[ ]\p{Lu}[\p{L}.'’\-]*)?")
_NICK_AFTER = regex.compile(r"[ ]\p{Lu}\p{Ll}")
# the _WORD matches of a stretch as the captures of one match: findall costs a timeout check per word
_ALL_WORDS = regex.compile(r"(?:[^\p{L}\p{N}]*+([\p{L}\p{N}][\p{L}\p{N}'’\-]*+))*+")
_TERMINAL = regex.compile(r"[.!?…,;:—–-]['\"’”]?\s*+$")
# between two quoted fragments coordinated in one phrase: “burn alive” or “drown”, “rattled” and “frustrated”
_COORDINATED = regex.compile(r"\s*+(?:,\s*+|(?:,\s*+)?(?:and|or|but|nor|to|and\s+even|or\s+even|and\s+then|and\s+also|"
                             r"but\s+also|but\s+not|not)\s++)")
_TERMINAL_CHARS = ".!?…,;:—–-"

# Shortcuts for the three context rules of _not_speech, tried for every quotation: each says when its rule cannot
# match, so the rule's regex runs only where it may (tests/test_speed_filters.py holds them to the rules, and
# holds _NOT_SPEECH_BEFORE to the pattern they were written for).
# _WORK_AFTER: after its optional comma, marks and spaces, the text must open with one of its words
_WORK_WORDS = ("radio", "TV", "television", "show", "program", "forum", "series", "special", "album", "book", "film",
               "documentary", "movie", "podcast", "song", "act", "bill", "campaign", "tour", "summit", "speech",
               "event", "day", "report", "column", "segment")
# _NOT_SPEECH_BEFORE: every alternative ends (before trailing spaces) with "(", "'s"/"’s", a label word and a
# colon ("Related:"), a term word (its last letters: "so-called" -> "called"), possibly followed by " of" and a
# comma, or a display verb after a display noun ("a banner reading") or "as" after a word such as "known"
_TERM_WORDS = frozenset("""called dubbed nicknamed nickname named name titled entitled headlined as term terms phrase
    word words label brand branded slogan motto hashtag tagged album book film movie song show series column novel
    play poem documentary programme program article essay report episode podcast memoir musical sitcom anthem title
    headline or aka pseudonym alias moniker for""".split())
_LABEL_WORDS = frozenset("related more also watch listen recommended opinion analysis explainer live video podcast".split())
_DISPLAY_VERBS = frozenset("reading read saying said bearing with word words".split())
_DISPLAY_NOUNS = ("banner", "sign", "placard", "poster", "shirt", "cap", "hat", "slogan")
_AS_LEADS = ("known", "referred", "nicknamed", "dubbed", "remembered", "billed")


@dataclass(slots=True)
class Candidate:
    """A quotation-mark pair that may be a quotation."""

    pair: MarkPair
    start: int          # first character inside the marks
    end: int            # one past the last character inside the marks
    words: int
    kind: str           # direct | partial
    not_speech: bool    # a name, title or term by its context
    title_case: bool
    para: int
    nested: bool = False  # inside another quotation's marks
    title: bool = False   # a title by its cue: on Fox News Channel’s “Fox & Friends”, the star of “Thelma and Louise”


def find_quotes(doc: TextDoc) -> list[Candidate]:
    """Outermost quotation-mark pairs (and paragraph-continued pieces) as candidates, in text order."""
    text = doc.text
    out: list[Candidate] = []
    outer_end = -1
    body_double = _body_uses_double(doc)
    for p in doc.pairs:
        nested = p.open < outer_end  # inside the previous outermost pair: part of its words
        if not nested:
            outer_end = p.outer_end
        s, e = p.inner_start, p.inner_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        inner = text[s:e]
        if _nickname(text, p, s, e):
            continue
        words = _words(text, s, e)
        if not words:
            continue
        para = doc.paragraph_index(p.open)
        whole_para = (p.open, p.outer_end) == doc.paragraphs[para] or p.open == doc.paragraphs[para][0] and \
            not text[p.outer_end:doc.paragraphs[para][1]].strip(" .")
        title_case = _title_case(words, inner, whole_para)
        out.append(Candidate(p, s, e, len(words), _kind(text, doc, p, inner, len(words), para),
                             _not_speech(text, doc, p, para), title_case, para, nested,
                             _is_title(text, doc, p, para, words, inner)
                             or body_double and _headline_style(text, doc, p, para, len(words))))
        if len(out) > 1 and not nested and out[-2].para == para and not out[-2].nested and \
                coordinated(text, out[-2].pair, p.open):
            out[-1].not_speech = out[-2].not_speech  # “workplace” or “gun control”: the first decides for both
            out[-1].title = out[-2].title and _titleish(words, inner)
    return out


def _body_uses_double(doc: TextDoc) -> bool:
    """Does the article quote with double marks (two outermost double-mark pairs past its first paragraph)?"""
    if len(doc.paragraphs) < 2:
        return False
    first_end = doc.paragraphs[0][1]
    n = 0
    for p in doc.pairs:
        if p.depth == 0 and p.open > first_end and (p.open_len == 2 or doc.text[p.open] in _DOUBLE_MARKS):
            n += 1
            if n >= 2:
                return True
    return False


_DOUBLE_MARKS = frozenset("\"“”„«»‟")  # and the two-character '' and ``
_SINGLE_MARKS = frozenset("‘'’‚‹›")


def _headline_style(text: str, doc: TextDoc, p: MarkPair, para: int, nwords: int) -> bool:
    """Single marks in an article that quotes with double ones are headline style: a subheading, a short
    paragraph that is the quotation alone ('A really tough decision.'), is not reported. (The headline's own
    quotations are: Seabird numbers ‘in freefall’, survey finds.)"""
    if para == 0 or p.depth or p.open_len != 1 or text[p.open] not in _SINGLE_MARKS:
        return False
    ps, pe = doc.paragraphs[para]
    return p.open == ps and nwords <= 8 and not text[p.outer_end:pe].strip(" .") and \
        not text[doc.paragraphs[para - 1][1] - 1] == ":"  # (not a quotation led in by a colon: "He said:¶'…'")


def coordinated(text: str, prev: MarkPair, b: int) -> bool:
    """Are the fragment in ``prev`` and the one whose mark opens at ``b`` coordinated (“a” or “b”, “a”, “b”
    and “c”), not two sentences?"""
    a = prev.outer_end
    return 0 < b - a <= 16 and prev.close_len > 0 and text[prev.close - 1] not in ".!?" and \
        bool(_COORDINATED.fullmatch(text, a, b))


def _nickname(text: str, p: MarkPair, s: int, e: int) -> bool:
    """Marcia "Cia" Price: a capitalised word or two in marks between a first name and a capitalised word."""
    if e - s > 30 or not _NICK_INNER.fullmatch(text, s, e) or \
            not _NICK_AFTER.match(text, p.outer_end):
        return False
    m = _NICK_BEFORE.search(text, max(0, p.open - 20), p.open)
    return bool(m) and m.group("first") in _FIRST_NAMES


def _kind(text: str, doc: TextDoc, p: MarkPair, inner: str, nwords: int, para: int) -> str:
    """direct: a sentence or clause of someone's words; partial: a fragment inside the writer's sentence."""
    if p.continues or nwords >= 8 and inner[0].isupper():
        return "direct"
    ps = doc.paragraphs[para][0]
    # the last character before the mark, past any run of spaces (“Then    “we…” is mid-sentence)
    before = text[max(ps, p.open - 40):p.open].rstrip()[-1:]
    opens_clause = not before or before in ":,—–-―(" or before in ".!?”\"’»"
    ends_clause = _ends_clause(inner) or nwords >= 6
    if inner[0].isupper() and opens_clause and (ends_clause or nwords >= 4):
        return "direct"
    if opens_clause and nwords >= 6 and (not before or before == ":"):
        return "direct"
    return "partial"


def _words(text: str, s: int, e: int) -> list[str]:
    """``_WORD.findall(text, s, e)``, in one regex call."""
    return _ALL_WORDS.match(text, s, e).captures(1)


def _ends_clause(inner: str) -> bool:
    """``_TERMINAL.search(inner)`` for a stretch with no whitespace at either end: its last character, or the one
    before a closing mark, is terminal punctuation."""
    return inner[-1] in _TERMINAL_CHARS or len(inner) > 1 and inner[-1] in "'\"’”" and inner[-2] in _TERMINAL_CHARS


def _not_speech(text: str, doc: TextDoc, p: MarkPair, para: int) -> bool:
    ps = doc.paragraphs[para][0]
    if para == 0 and doc.headline:
        return True
    end = min(len(text), p.outer_end + 30)
    if _may_name_a_work(text, p.outer_end, end) and _WORK_AFTER.match(text, p.outer_end, end) and \
            _title_case(_words(text, p.inner_start, p.inner_end), text[p.inner_start:p.inner_end] or " ", False):
        return True  # "Keepin' It Real" radio program, the "Commander-In-Chief" forum
    lo = max(ps, p.open - 12)
    if text.find("call", lo, p.open) >= 0 and _CALL_BEFORE.search(text, lo, p.open) and \
            _ONE_NAME.fullmatch(text, p.inner_start, p.inner_end):
        return True  # Swift, who fans call “Mother,” …: a nickname
    if text.find("sel", max(ps, p.open - 12), p.open) >= 0 and _CALLED_SELF.search(text, max(ps, p.open - 30), p.open) \
            and _NAME_WORDS.fullmatch(text, p.inner_start, p.inner_end):
        return True  # Whitcombe, who called himself “Captain Daniel Reeves”: an alias (not "called himself “very pro-choice”")
    lo = max(ps, p.open - 40)
    m = _NOT_SPEECH_BEFORE.search(text, lo, p.open) if _may_not_be_speech(text[lo:p.open]) else None
    # a work's noun vetoes a title (the book “Sin Miedo”), not a description (called the show “the news show of
    # record”)
    if m and m.group("work") and m.group().rstrip().endswith(",") and \
            _TOPIC_OF.search(text, max(ps, m.start() - 40), m.start()):
        return False  # "Mr. Trump said of the episode, “I don't like it”": the work is the topic of the words
    return bool(m) and not (m.group("work") and text[p.inner_start:p.inner_start + 1].islower())


def _titleish(words: list[str], inner: str) -> bool:
    """Up to eight words in title case (a full stop or comma at the end is American punctuation), or one
    capitalised word."""
    if len(words) > 8:
        return False
    return len(words) == 1 and words[0][:1].isupper() or _title_case(words, inner.rstrip(".,") or inner, False)


def _is_title(text: str, doc: TextDoc, p: MarkPair, para: int, words: list[str], inner: str) -> bool:
    """“Fox & Friends” after `on Fox News Channel’s`, “Thelma and Louise” after `star of`: a title-case name of
    up to eight words (or one capitalised word) after a title cue is a show, film or book, never someone's words.
    A cited headline on a source line (“Village backs signs” — Cambrian Daily, April 13, 2026) or with its
    author ("Museum opens late," by Post's Ann Lee:) is a title too, and so is a title with a subtitle
    (“Deep Water: A History of the Harbour”) after its author's possessive, "of", "called" or "according to" or
    before its author, and a name given after a noun and "called" (a website called
    “Harbour Watch”)."""
    if inner[-1] not in ".!?…" and (_source_line(text, p) or _by_author(text, doc, p, para, inner)):
        return True
    ps = doc.paragraphs[para][0]
    if _subtitled(words, inner) and (_SUBTITLE_BEFORE.search(text, max(ps, p.open - 30), p.open)
                                     or _BY_AUTHOR.match(text, p.outer_end, min(len(text), p.outer_end + 80))):
        return True
    if not _titleish(words, inner):
        return False
    if len(words) >= 2 and words[-1] in _NAME_HEADS:
        return True  # “The Sean Hannity Show”, the “Affordable Care Act”: a name by its last word
    if text.find("called", max(ps, p.open - 12), p.open) >= 0 and \
            _NOUN_CALLED.search(text, max(ps, p.open - 60), p.open):
        return True
    return bool(_TITLE_CUE.search(text, max(ps, p.open - 30), p.open))


# the last word of a title-case name of a show, a law or an event ("Sean Hannity Show", "Patriot Act"; not "Bill",
# a first name too: “Thank You, Bill”)
_NAME_HEADS = frozenset("""Show Hour Podcast Program Programme Act Amendment Festival Awards Prize Summit Tour
    Initiative Foundation Institute Coalition Alliance""".split())


# before a title with a subtitle: its author's possessive, "a co-author of", "called", "according to"
_SUBTITLE_BEFORE = regex.compile(r"(?:['’]s?|(?<![\p{L}])(?:of|called|according\s+to))\s*+$")
# a common noun phrase naming what the title-case words in marks after it name: a website called, a group called
_NOUN_CALLED = regex.compile(r"(?<![\p{L}])(?:a|an|the|its|his|her|their|this|new)\s+(?:[\p{L}\d\-]+\s+){0,3}?"
                             r"(?-i:\p{Ll}[\p{L}\-]*),?\s+called(?:\s+the)?\s*+$", regex.I)
# after a cited headline: its author ("…," by Times' Ben Sisario: / ," by the Post's Ann Lee)
_BY_AUTHOR = regex.compile(r"[,.]?['’\"”]*\s*by\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
                           r"December|Then|Now|Contrast|Comparison|Far|Default)(?![\p{L}]))\p{Lu}[\p{L}.\-]*"
                           r"(?:['’]s?)?(?:\s+\p{Lu}[\p{L}.\-]*(?:['’]s?)?){0,4}\s*[:,.]")
# (regex.M: "^" at any paragraph's start, not only at offset 0)
_LABEL_BEFORE = regex.compile(r"(?:^|[—–―-]|\p{Lu}{2,}[\p{Lu}\s]*[—–―-]|\p{Lu}{2,}[\p{Lu}\s]*:)\s*$", regex.M)


def _by_author(text: str, doc: TextDoc, p: MarkPair, para: int, inner: str) -> bool:
    """"Museum opens late," by Post's Ann Lee: a headline opening its paragraph (or after a dash or a label in
    capitals) and followed by "by" and its author."""
    end = p.outer_end
    if not inner[:1].isupper() or not text.startswith((" by", ", by", "by"), end) and \
            not text.startswith(" by", end + 1):
        return False
    if not inner.rstrip(" '’\"”").endswith((",", ".")) and not text.startswith(",", end):
        return False  # (“If there had not been that intervention” by the United States, …: a sentence goes on)
    ps = doc.paragraphs[para][0]
    return bool(_LABEL_BEFORE.search(text, max(ps, p.open - 40), p.open)) and \
        bool(_BY_AUTHOR.match(text, end, min(len(text), end + 80)))


def _subtitled(words: list[str], inner: str) -> bool:
    """“Deep Water: A History of the Harbour”: a title and its subtitle, both in title case."""
    head, sep, tail = inner.partition(": ")
    if not sep or len(words) > 16 or ":" in tail or not head or not tail[:1].isupper() and not tail[:1].isdigit():
        return False
    return _title_case(words, inner.rstrip(".,") or inner, False) and len(_words(tail, 0, len(tail))) >= 2


# after a quoted headline on a source line: a dash, the publication and a date, to the line's end
_SOURCE_AFTER = regex.compile(r"[ \t\u00a0]*[—–―-]{1,2}[ \t\u00a0]*\p{Lu}[^\n—–]{0,80}?,[ \t\u00a0]*"
                              r"(?:\p{Lu}\p{Ll}+\.?[ \t\u00a0]+\d{1,2},[ \t\u00a0]+\d{4}|\d{1,2}[ \t\u00a0]+\p{Lu}\p{Ll}+[ \t\u00a0]+\d{4}"
                              r"|\d{4}-\d{2}-\d{2})[ \t\u00a0.]*(?:\n|\Z)")


def _source_line(text: str, p: MarkPair) -> bool:
    """“Village backs Welsh signs in ballot” — Cambrian Daily, April 13, 2026: a quotation opening its line and
    followed by a dash, a publication and a date (a Wikinews "Sources" list) is a headline cited, not words said."""
    if p.open > 0 and text[p.open - 1] != "\n":
        return False
    end = p.outer_end
    return end < len(text) and text[end] in " \t\u00a0—–―-" and \
        bool(_SOURCE_AFTER.match(text, end, min(len(text), end + 120)))


def _may_name_a_work(text: str, pos: int, end: int) -> bool:
    """False where ``_WORK_AFTER`` cannot match at ``pos`` (within ``end``): past its optional comma, closing
    marks and spaces (each taken whole: none of them can start its words) no word of it follows."""
    if pos < end and text[pos] in ",.":
        pos += 1
    while pos < end and text[pos] in "'’\"”":
        pos += 1
    while pos < end and text[pos].isspace():  # str.isspace holds every regex \s, and no letter
        pos += 1
    return text.startswith(_WORK_WORDS, pos, end)


def _may_not_be_speech(window: str) -> bool:
    """False where ``_NOT_SPEECH_BEFORE`` cannot match in ``window`` (the text before an opening mark, within a
    paragraph), from how its alternatives end. Words with a character outside ASCII are left to the pattern
    (its case folding matches "ſ" to "s")."""
    tail = window.rstrip()  # str.strip removes every regex \s (and a few more characters: no alternative ends so)
    if not tail:
        return False
    last = tail[-1]
    if last == "(" or last == "s" and tail[-2:-1] in ("'", "’"):
        return True  # "(", "CBS's"
    if last == ",":
        return _ends_with_term(tail[:-1])
    if last == ":":
        word = _last_word(tail[:-1])
        return word is None or word in _LABEL_WORDS  # "Related:", "Read more:"
    word = _last_word(tail)
    if word != "as" and _ends_with_term(tail):
        return True
    low = window.lower() if window.isascii() else None
    if word in _DISPLAY_VERBS:  # "a banner reading"
        return low is None or any(n in low for n in _DISPLAY_NOUNS)
    if word == "as":  # "known as", "is often referred to as"
        return low is None or any(a in low for a in _AS_LEADS)
    return False


def _ends_with_term(s: str, of: bool = True) -> bool:
    """Could ``s`` end with one of the term words of _NOT_SPEECH_BEFORE (so-called, dubbed, a.k.a. …), or one
    and " of" (when ``of``)?"""
    aka = s[-6:]
    if aka.lower() == "a.k.a." or aka.endswith(".") and not aka.isascii():
        return True
    word = _last_word(s)
    if word is None or word in _TERM_WORDS:
        return True
    if word == "of" and of:  # "the phrase of"
        before = s[:-2]
        return before[-1:].isspace() and _ends_with_term(before.rstrip(), False)
    return False


def _last_word(s: str) -> str | None:
    """The letters that end ``s``, lowercased ("" if none); None if they are not all ASCII."""
    i = len(s)
    while i and s[i - 1].isalpha():
        i -= 1
    word = s[i:]
    return word.lower() if word.isascii() else None


def is_headline(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Is the first paragraph a headline (title case, other paragraphs after it, no reporting verb)?
    Quotations in a headline are not reported."""
    if len(paragraphs) < 2:
        return False
    s, e = paragraphs[0]
    if e - s > 300 or _may_say(text, s, e) and _SAID.search(text, s, e):
        return False
    words = [w for w in _words(text, s, e) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _may_say(text: str, s: int, e: int) -> bool:
    """False where ``_SAID`` cannot match in ``text[s:e]``: none of its words is there."""
    return any(text.find(w, s, e) >= 0 for w in ("said", "says", "told", "tells", "according"))


def _title_case(words: list[str], inner: str, whole_para: bool) -> bool:
    """"Mothballing Your Battleship": every major word capitalised, no sentence punctuation
    (a quotation standing alone as a paragraph, like a headline, may end with a full stop)."""
    if len(words) < 2 or inner[-1] in ("!?" if whole_para else ".!?"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _MINOR for w in words) and any(w[0].isupper() for w in words)


# words a title leaves in lower case (and the particles of names: Los Hijos de Trump)
_MINOR = frozenset("a an the of and or in on to for at by with from de del la le du des von van y".split())
