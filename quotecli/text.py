"""Paragraphs, sentences and quotation-mark pairing, all as offset spans into the original text.

Nothing here copies or normalises the text: every span indexes ``TextDoc.text`` directly.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress
from typing import NamedTuple

import regex

from .lexicons import load

# No regex call passes `timeout=`: the time budget is per document (quotecli/deadline.py). Even
# `timeout=None` costs the `regex` module a few thousand instructions per call in argument handling.

_ABBREVIATIONS = frozenset(load("abbreviations"))
_NUMBER_SIGNS = frozenset({"no", "nos"})

# --- paragraphs and sentences -------------------------------------------------------------

_PARA = regex.compile(r"[^\n]+")
# a candidate sentence end: terminal punctuation, closing marks/brackets, then space and a likely sentence start
_SENT_END = regex.compile(
    r"""(?<=[.!?…])[)\]"”’'»]*+(?=[ \t\u00a0]++(?:''|``|["“‘'«„(\[])?+[\p{Lu}\d])""")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
# _SENT_END and _WORD_BEFORE are the rules; TextDoc.sentences runs their character-level equivalents below (one
# str.find per kind of terminal punctuation and a few character tests, not a regex call per paragraph, per sentence
# end and per full stop), which tests/test_speed_filters.py holds to the same answers
_TERMINALS = ".!?…"
_CLOSERS = frozenset(")]\"”’'»")
_GAP = frozenset(" \t\u00a0")
_OPENERS = frozenset("\"“‘'«„([")
# a word: what TextDoc.words splits the text into (the runs of this class)
_WORD_CHARS = r"[\p{L}\d]"


class Words(NamedTuple):
    """A document's words as parallel lists (``TextDoc.words``): start offsets, the words, the words lowercased."""

    starts: list[int]
    words: list[str]
    lows: list[str]

    def within(self, a: int, b: int) -> range | None:
        """Indices of the words in ``text[a:b]``; None when a word straddles ``a`` or ``b`` (a scan of the slice
        would see part of it: the caller scans the slice itself then)."""
        starts, words = self.starts, self.words
        i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        if i > 0 and starts[i - 1] + len(words[i - 1]) > a or j > 0 and starts[j - 1] + len(words[j - 1]) > b:
            return None
        return range(i, j)


@dataclass(frozen=True, slots=True)
class MarkPair:
    """A pair of quotation marks: ``open``/``close`` are the mark offsets; the words lie between them.

    ``close_len`` is 0 when the quotation runs on to the next paragraph without closing (``open_end``
    is then the paragraph end) and ``depth`` counts enclosing pairs (0 = outermost). ``unclosed`` marks a
    quotation whose closing mark the writer left out: it ends with its paragraph and continues nothing.
    """

    open: int
    open_len: int
    close: int
    close_len: int
    depth: int
    unclosed: bool = False

    @property
    def inner_start(self) -> int:
        return self.open + self.open_len

    @property
    def inner_end(self) -> int:
        return self.close

    @property
    def outer_end(self) -> int:
        return self.close + self.close_len

    @property
    def continues(self) -> bool:
        return self.close_len == 0 and not self.unclosed


class TextDoc:
    """One article's text with its segmentation, computed lazily and cached."""

    __slots__ = ("text", "__dict__")

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Non-blank lines (news text has one paragraph per line), trimmed of edge whitespace (``str.isspace``).

        The lines are what ``_PARA`` finds, from one split on newlines."""
        out = []
        pos = 0
        for line in self.text.split("\n"):
            if line:
                body = line.lstrip()
                if body:
                    s = pos + len(line) - len(body)
                    out.append((s, s + len(body.rstrip())))
            pos += len(line) + 1
        return out

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences within paragraphs; a closing quotation mark after the full stop stays in the sentence."""
        text = self.text
        out = []
        terminals = sorted(i for ch in _TERMINALS if ch in text for i in find_all(text, ch))
        k = 0
        for ps, pe in self.paragraphs:
            start = ps
            while k < len(terminals) and terminals[k] < ps:
                k += 1
            while k < len(terminals) and terminals[k] < pe:
                after = terminals[k] + 1  # where _SENT_END can match: its look-behind wants a terminal
                k += 1
                end = _sentence_end(text, after, pe)
                if end < 0 or _is_abbreviation(text, start, after):
                    continue
                out.append((start, end))
                start = end
                while start < pe and text[start].isspace():
                    start += 1
            if start < pe:
                out.append((start, pe))
        return out

    @cached_property
    def words(self) -> Words:
        """Every word (a run of letters and digits, ``[\\p{L}\\d]+``) once per document, for the key-word scans
        of the claims stage (cue rules, time expressions), with no Python loop per word or per character: every
        character of the document's alphabet that cannot be in a word becomes a space (one str.replace each,
        the class decided by the regex module per distinct character), a split on spaces gives the words, and
        the running sum of the pieces' lengths their offsets."""
        text = self.text
        spaced = text
        memo = WORD_CHAR.memo
        for ch in set(text):
            if ch != " " and not (memo.get(ch) or (ch not in memo and WORD_CHAR.test(ch))):
                spaced = spaced.replace(ch, " ")
        pieces = spaced.split(" ")
        lens = list(map(len, pieces))
        starts = list(compress(accumulate(map((1).__add__, lens), initial=0), lens))  # a piece's offset, if a word
        words = list(compress(pieces, lens))
        lows = list(map(str.lower, words))
        return Words(starts, words, lows)

    @cached_property
    def cues(self) -> list:
        """Every reporting verb in the document (``phrases.CueHit``), found once, in text order."""
        from .phrases import find_cues_in_words
        return find_cues_in_words(self.text, self.words)

    @cached_property
    def cue_starts(self) -> list[int]:
        """Offsets of every reporting verb, so that rules ask "is there a cue in [a, b)?" by bisection."""
        return [c[0] for c in self.cues]

    def cues_in(self, lo: int, hi: int) -> list:
        """The reporting verbs that start in [lo, hi)."""
        starts = self.cue_starts
        return self.cues[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    @cached_property
    def headline(self) -> bool:
        """Whether the first paragraph is a headline (see quotes.is_headline)."""
        from .quotes import is_headline
        return is_headline(self.text, self.paragraphs)

    @cached_property
    def pairs(self) -> list[MarkPair]:
        from .marks import pair_marks
        return pair_marks(self.text, self.paragraphs)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the one before it, between paragraphs)."""
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    @cached_property
    def _para_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]


def matches_at(pattern: regex.Pattern, text: str, starts) -> list:
    """What ``pattern.finditer(text)`` finds, trying the pattern only at ``starts`` (sorted offsets that include
    every place where a match can start, e.g. found with ``str.find`` for a word every match holds) instead of
    scanning every position: one ``match`` per candidate. The pattern must not match the empty string."""
    out = []
    end = 0
    for pos in starts:
        if pos >= end:
            m = pattern.match(text, pos)
            if m:
                out.append(m)
                end = m.end()
    return out


_ALL_TOKENS = regex.compile(r"(?:\s*+(\S++))*+")
# the only characters that str.split() takes for whitespace and regex's \s does not (the information separators)
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, token) for every run of non-space characters in ``text[a:b]``, what ``finditer(r"\\S+")``
    gives: from ``str.split()`` (several times faster than any regex call) where the stretch holds none of the
    characters that str and regex disagree on, else from one match's captures."""
    piece = text[a:b]
    if a < 0 or b < 0 or "\x1c" in piece or "\x1d" in piece or "\x1e" in piece or "\x1f" in piece:  # _SPLIT_ONLY_SPACES
        m = _ALL_TOKENS.match(text, a, b)
        if m is None:  # a > b: an empty stretch
            return []
        return list(zip(m.starts(1), m.ends(1), m.captures(1)))
    out = []
    end = 0
    for tok in piece.split():
        start = piece.index(tok, end)  # only spaces lie between the previous token and this one
        end = start + len(tok)
        out.append((a + start, a + end, tok))
    return out


_NO_LETTER_AT = regex.compile(r"(?![\p{L}])")


def word_after(text: str, word: str, before: regex.Pattern) -> bool:
    r"""Is ``word`` written somewhere as a whole word (no letter follows) at a place where the zero-width
    ``before`` (a lookbehind) matches? What one search for ``(?<=…)<word>(?![\p{L}])`` finds, with str.find and
    fixed patterns instead of a pattern compiled per word."""
    i = text.find(word)
    while i >= 0:
        if before.match(text, i) and _NO_LETTER_AT.match(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


def find_all(text: str, needle: str, shift: int = 0) -> list[int]:
    """Offsets of every occurrence of ``needle`` in ``text`` (plus ``shift``), with ``str.find``."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i + shift)
        i = text.find(needle, i + 1)
    return out


class CharClass:
    """Membership of single characters in a regex character class, memoised per character: the regex module's
    answers (its Unicode tables are newer than those of Python's str methods) for the price of a dict look-up.
    ``memo.get(ch)`` is None for a character not seen yet; ``test(ch)`` answers and remembers it."""

    __slots__ = ("memo", "_rx")

    def __init__(self, cls: str):
        self._rx = regex.compile(cls)
        self.memo: dict[str, bool] = {}

    def test(self, ch: str) -> bool:
        hit = self.memo.get(ch)
        if hit is None:
            if len(self.memo) >= 1 << 16:  # a corpus has a few hundred distinct characters; bound odd inputs
                self.memo.clear()
            hit = self.memo[ch] = self._rx.fullmatch(ch) is not None
        return hit


LETTER = CharClass(r"\p{L}")
WORD_CHAR = CharClass(_WORD_CHARS)
UPPER_OR_DIGIT = CharClass(r"[\p{Lu}\d]")


def _sentence_end(text: str, p: int, pe: int) -> int:
    """Where ``_SENT_END`` matches at ``p`` (just after a terminal) with ``pe`` as the end: the end of its closing
    marks, or -1. Its quantifiers are possessive and its optional opening mark cannot be a capital or a digit, so
    one left-to-right pass decides it."""
    j = p
    while j < pe and text[j] in _CLOSERS:
        j += 1
    k = j
    while k < pe and text[k] in _GAP:
        k += 1
    if k == j or k >= pe:
        return -1
    if text.startswith(("''", "``"), k, pe):
        k += 2
    elif text[k] in _OPENERS:
        k += 1
    return j if k < pe and UPPER_OR_DIGIT.test(text[k]) else -1


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Is the full stop at ``dot - 1`` part of an abbreviation or an initial rather than a sentence end?

    The word is what ``_WORD_BEFORE`` finds in ``text[max(start, dot - 20):dot]``: the run of letters and full
    stops before that full stop (its leftmost start is where the run begins, or the window's start)."""
    if text[dot - 1] != ".":
        return False
    lo = max(start, dot - 20)
    i = dot - 1
    memo = LETTER.memo
    while i > lo:
        ch = text[i - 1]
        if ch != "." and not (memo.get(ch) or (ch not in memo and LETTER.test(ch))):
            break
        i -= 1
    if i == dot - 1:
        return False
    word = text[i:dot - 1]
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if word.lower() in _NUMBER_SIGNS and text[dot + 1:dot + 2].isdigit():
        return True  # "the Senate's No. 3 Democrat", "Nos. 4 and 5": a number sign, never a sentence end
    if "." in word:  # "U.S." or "p.m.": more often mid-sentence ("the U.S. Senate") than at an end
        return True
    return word.lower() in _ABBREVIATIONS
