"""Quotation-mark pairing from a table of allowed (open, close) pairs.

Marks are never paired sequentially: each mark is classified by what stands on either side of it
(a mark that opens has text after it and space or punctuation before it; one that closes the
reverse), apostrophes are told apart from single quotation marks by the letters around them, and a
closing mark only closes an opening mark that allows it. A stray mark (an inch mark in ``6'2"``,
``»`` as a bullet, an unclosed quotation) is dropped without shifting any later pair.
"""
from __future__ import annotations

import regex

from .text import MarkPair, find_all

_MARK = regex.compile(r"``|''|[\"“”‘’'«»„‚‹›‟]")

# opening mark -> the closing marks it accepts
CLOSERS: dict[str, frozenset[str]] = {
    "“": frozenset({"”", "“", '"'}),
    '"': frozenset({'"', "”"}),
    "”": frozenset({"”"}),
    "‟": frozenset({"”", "“"}),
    "„": frozenset({"“", "”"}),
    "‘": frozenset({"’", "'"}),
    "'": frozenset({"'", "’"}),
    "‚": frozenset({"‘", "’"}),
    "«": frozenset({"»"}),
    "»": frozenset({"«"}),
    "‹": frozenset({"›"}),
    "’": frozenset({"’"}),
    "›": frozenset({"‹"}),
    "``": frozenset({"''", "”"}),
    "''": frozenset({"''"}),
}
DOUBLE = frozenset({"“", '"', "”", "‟", "„", "«", "»", "``", "''"})
SINGLE = frozenset({"‘", "'", "’", "‚", "‹", "›"})
# marks that open a quotation in their usual use, whatever the letters around them
_ALWAYS_OPEN = frozenset({"“", "„", "‘", "‚", "«", "‹", "``", "‟"})

_OPEN_BEFORE = frozenset(" \t\u00a0([{—–―-/:;,…\u200b\ufeff") | DOUBLE | SINGLE
_CLOSE_AFTER = frozenset(" \t\u00a0)]}.,;:!?—–―-/…\u200b") | DOUBLE | SINGLE


def _is_alnum(ch: str) -> bool:
    return ch.isalnum()


_MARK_CHARS = "\"“”‘’'«»„‚‹›‟"


def mark_tokens(text: str) -> list[tuple[int, str]]:
    """Every quotation mark of ``text`` as (offset, mark), what ``_MARK.finditer`` finds: the mark characters
    with ``str.find``, then `` and '' taken as one mark left to right (a lone backtick is no mark). Scanning
    the whole text gives what a scan per paragraph gives, as paragraphs begin and end next to whitespace."""
    found = sorted(i for ch in _MARK_CHARS + "`" if ch in text for i in find_all(text, ch))
    tokens = []
    skip = -1
    for i in found:
        if i < skip:
            continue
        ch = text[i]
        if ch == "`" or ch == "'":
            if text.startswith(ch, i + 1):
                tokens.append((i, ch + ch))
                skip = i + 2
            elif ch == "'":
                tokens.append((i, ch))
        else:
            tokens.append((i, ch))
    return tokens


def pair_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[MarkPair]:
    """All quotation-mark pairs in ``text``, in order of their opening marks."""
    pairs: list[MarkPair] = []
    tokens = mark_tokens(text)
    k, n = 0, len(tokens)
    for pi, (ps, pe) in enumerate(paragraphs):
        if k == n:
            break
        while k < n and tokens[k][0] < ps:
            k += 1
        first = k
        while k < n and tokens[k][0] < pe:
            k += 1
        if k == first:
            continue
        next_open = _next_paragraph_opener(text, paragraphs, pi)
        _pair_paragraph(text, ps, pe, tokens[first:k], next_open, pairs)
    pairs.sort(key=lambda p: p.open)
    return pairs


def _next_paragraph_opener(text: str, paragraphs: list[tuple[int, int]], pi: int) -> str | None:
    """The mark that opens the next paragraph (what ``_MARK.match`` finds at its start), or None."""
    if pi + 1 >= len(paragraphs):
        return None
    s = paragraphs[pi + 1][0]
    if text.startswith(("``", "''"), s):
        return text[s:s + 2]
    return text[s] if text[s] in _MARK_CHARS else None


def _pair_paragraph(text: str, ps: int, pe: int, tokens: list[tuple[int, str]],
                    next_open: str | None, pairs: list[MarkPair]) -> None:
    stack: list[tuple[int, str]] = []  # (offset, mark) of marks still open
    for pos, mark in tokens:
        n = len(mark)
        before = text[pos - 1] if pos > ps else " "
        after = text[pos + n] if pos + n < pe else " "
        apostrophe = mark in ("'", "’")
        if apostrophe and _is_alnum(before) and _is_alnum(after):
            continue  # don't, Jones's, rock'n'roll
        left = not after.isspace() and (before in _OPEN_BEFORE or before.isspace() or pos == ps
                                        or not before.isprintable())  # NUL, zero-width and control characters
        right = not before.isspace() and (after in _CLOSE_AFTER or after.isspace() or pos + n == pe)
        if apostrophe:
            if after.isdigit() and not (stack and stack[-1][1] in ("'", "‘") and right):
                continue  # '90s, ’08
            if before in "sS" and after.isspace() and not _single_open(stack):
                continue  # the players’ union
            if before in "sS" and after.isspace() and pos + 2 < pe and text[pos + 2].islower():
                continue  # the players’ union, even inside a quotation
        elif mark == "‘" and after.isdigit():
            continue
        if not right and before.isspace() and pos - 2 >= ps and text[pos - 2] in "'’,.?!;" and mark in DOUBLE \
                and (after.isspace() or after in _CLOSE_AFTER or pos + n == pe) and stack:
            right = True  # a spaced closer: “… ‘outreach,’ ” he said / ''… coalitions, '' said Mr. Gunnels
        if mark == '"' and not right and not left and after.isalpha() and (before.isalpha() or before in ",.!?"):
            # a straight mark with no space on one side: audiences,"Katie Packer said / waxed poetic about"joint …
            if _double_open(stack):
                right = True
            elif before.isalpha():
                left = True
        elif mark == '"' and not right and left and before in ",.!?" and _double_open(stack):
            right = True  # audiences,"Katie: the comma says it closes
        elif mark == "”" and not right and stack and after.isalpha() and before in ",.?!;:":
            right = True  # a closer glued to the next word: “… paranoia,”Clinton said
        if mark == "«" and not right:
            left = True  # French spacing: « mots »
        elif mark == "»" and stack and stack[-1][1] == "«":
            right = True
        if right and _close(stack, pos, mark, pairs):
            continue
        if not left and not right and mark == "“" and after.isspace() and pos + n < pe and \
                (before.isspace() or before in _OPEN_BEFORE or pos == ps) and not _double_open(stack):
            left = True  # a spaced opener: reported, “ … if the primary were held / said. “ You know, …
        if left or (mark in _ALWAYS_OPEN and not after.isspace() and not right):
            if mark in DOUBLE:
                _reopen(stack, pos, mark, text, pairs)
            stack.append((pos, mark))
    # Whatever is still open: the outermost double quotation continues when the next paragraph reopens.
    if stack:
        opos, omark = stack[0]
        if next_open is not None and next_open in CLOSERS and _same_family(omark, next_open):
            end = pe
            pairs.append(MarkPair(opos, len(omark), end, 0, 0))
        elif len(stack) == 1 and _left_unclosed(text, ps, pe, opos, omark):
            pairs.append(MarkPair(opos, len(omark), pe, 0, 0, True))


# a cue after a comma inside the stretch: the writer's words follow ("… keep, said Kessel, whose …")
_INNER_CUE = regex.compile(r",\s+(?:said|says|added|adds|told|tells|wrote|writes)(?![\p{L}])|"
                           r",\s+(?:\p{Lu}[\p{L}.'’\-]*\s+){1,3}(?:said|says|added|adds|told|wrote)(?![\p{L}])")


def _left_unclosed(text: str, ps: int, pe: int, opos: int, omark: str) -> bool:
    """A double mark opening a sentence that nothing closes by its paragraph's end, where the paragraph ends a
    sentence and the next one does not reopen: the writer left out the closing mark (…,” said Baron. “His
    candidacy has defied all conventions.¶He continued, …). The quotation runs to the paragraph's end."""
    if omark not in DOUBLE or text[pe - 1] not in ".!?…":
        return False
    first = opos + len(omark)
    if first >= pe or not text[first].isupper():
        return False
    before = text[ps:opos].rstrip()
    if before and before[-1] not in ".!?:" and not (len(before) > 1 and before[-1] in "”\"’'" and
                                                     before[-2] in ".!?,"):
        return False
    if text.count(" ", first, pe) < 3:
        return False  # a word or three: more likely a stray mark than a sentence
    return not _INNER_CUE.search(text, first, pe)


def _double_open(stack: list[tuple[int, str]]) -> bool:
    """Is a double mark among the innermost open marks (as deep as ``_close`` looks)?"""
    return any(m in DOUBLE for _, m in stack[-8:])


def _same_family(a: str, b: str) -> bool:
    return (a in DOUBLE) == (b in DOUBLE)


def _single_open(stack: list[tuple[int, str]]) -> bool:
    return bool(stack) and stack[-1][1] in ("‘", "'", "‚")


def _close(stack: list[tuple[int, str]], pos: int, mark: str, pairs: list[MarkPair]) -> bool:
    """Close the innermost open mark that accepts ``mark``; single marks only close the top one."""
    for i in range(len(stack) - 1, max(-1, len(stack) - 9), -1):  # marks nest a few deep, never hundreds
        opos, omark = stack[i]
        if mark in CLOSERS[omark]:
            if pos == opos + len(omark) and mark == omark == '"':
                return False  # "" is not an empty quotation; let it open
            del stack[i:]
            pairs.append(MarkPair(opos, len(omark), pos, len(mark), i))
            return True
        if mark in SINGLE:
            return False
    return False


def _reopen(stack: list[tuple[int, str]], pos: int, mark: str, text: str, pairs: list[MarkPair]) -> bool:
    """A double mark opening while one of its family is open: the earlier quotation ran on to here.

    News text that lost its paragraph breaks reads ``…end. "Next…``: the earlier piece ends at the full
    stop and is a continued quotation. An opener with no sentence end before it opens a quotation inside
    the open one when it is the same mark as the outermost open one, one level deep (``“… wearing “Settle For
    Hillary” shirts …”``): nothing is closed, and it is pushed; otherwise the earlier opener was a stray.
    """
    for i in range(len(stack) - 1, -1, -1):
        opos, omark = stack[i]
        if omark in DOUBLE and mark in CLOSERS and _family_close(omark, mark):
            j = pos
            while j > opos and text[j - 1].isspace():
                j -= 1
            first = opos + len(omark)
            if j > first and text[j - 1] in ".!?…:" and (text[first].isupper() or not text[first].isalpha()):
                pairs.append(MarkPair(opos, len(omark), j, 0, i))
                del stack[i:]
                return True
            if mark == omark and i == 0 and len(stack) <= 2:
                return False  # no sentence end before it: a quotation inside the open one (“… “cell phone only” …”)
            del stack[i:]
            return True
    return False


def _family_close(omark: str, mark: str) -> bool:
    """Would a quotation opened by ``omark`` be reopened (not nested) by ``mark``?"""
    return mark == omark or (omark in ("“", '"', "„") and mark in ("“", '"', "„"))
