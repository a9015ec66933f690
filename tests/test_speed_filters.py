"""The text and quotation infrastructure's shortcuts are speed-ups only: each one must give exactly what the plain
regex rule it stands for gives, on every case text and on random texts weighted towards the characters that
matter (quotation marks, terminal punctuation, capitals, whitespace of every kind, letters newer than Python's
Unicode tables)."""
import json
from pathlib import Path

import pytest
import regex

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli import attribution, marks, names, phrases, quotes, speakers, text
from quotecli.text import TextDoc

CASES = Path(__file__).parent / "cases"
ARTICLES = Path(__file__).parent / "articles" / "quotes-articles.jsonl"


def _case_texts():
    for path in sorted(CASES.glob("*.jsonl")) + [ARTICLES]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


PIECES = ['"', "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "``", "''", "`", "‟", ".", "!", "?", "…",
          ")", "]", "(", "[", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "\x1c", "\x85", "A", "a", "Z", "9", "١", "²",
          "Ⅻ", "ǅ", "ʻ", "女", "\u1c89", "ſ", "İ", "Mr.", "Dr", "U.S.", "e.g.", "J.", "St.", "No.", "p.m.", "Inc.",
          "Jane Doe", "Sen. Claire McCaskill", "O'Neill", "Jean-Luc", "of", "the", "and", "de", "said", "told",
          "Reporting by", "Editing by", "Additional reporting by", "editing:", "Photographs:", "Illustration by",
          "REPORTING BY", "EDITING", "written by", "says", "Tells", "according to", "\r", "\u2028", "\x0b", "graphics by", "Compiled by", "dditional"]
# the words of quotes._NOT_SPEECH_BEFORE and _WORK_AFTER, for windows that end as their matches do
TERMS = ("so-called so called dubbed nicknamed nickname named name titled entitled headlined known as term terms phrase "
         "word words label brand branded slogan motto hashtag tagged album book film movie song show series column novel "
         "play poem documentary programme program article essay report episode the title headline or aka a.k.a. A.K.A. "
         "of referred to remembered billed banner banners sign placard t-shirt shirts cap hats slogans reading read "
         "saying said bearing emblazoned with with the word with the words related read more read also see also more "
         "watch listen recommended opinion analysis explainer live video podcast call calls called radio TV television "
         "forum special act bill campaign tour summit speech event day column segment CBS's NBC’s ſo-called aKa AS "
         "podcast memoir musical sitcom anthem is was often referred referred\tto whose in his own "
         "Of ofs pseudonym alias moniker Latin for slang short code euphemism Russian ( , : .").split()
window = st.lists(st.sampled_from(TERMS + [" ", " ", ",", ".", ":", "\u00a0", "\x1c", "“", '"', "’", "'", "x", "2", "é",
                                           "-", "\n"]), max_size=14).map("".join)
random_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)
SETTINGS = dict(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- plain implementations: the rules as they were run before the shortcuts ------------------------------

def plain_paragraphs(t: str) -> list[tuple[int, int]]:
    out = []
    for m in text._PARA.finditer(t):
        s, e = m.span()
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def plain_sentences(doc: TextDoc) -> list[tuple[int, int]]:
    t = doc.text
    out = []
    for ps, pe in doc.paragraphs:
        start = ps
        for m in text._SENT_END.finditer(t, ps, pe):
            end = m.end()
            if plain_is_abbreviation(t, start, m.start()):
                continue
            out.append((start, end))
            start = end
            while start < pe and t[start].isspace():
                start += 1
        if start < pe:
            out.append((start, pe))
    return out


def plain_is_abbreviation(t: str, start: int, dot: int) -> bool:
    if t[dot - 1] != ".":
        return False
    m = text._WORD_BEFORE.search(t, max(start, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True
    if word.lower() in ("no", "nos") and t[dot + 1:dot + 2].isdigit():
        return True
    if "." in word:
        return True
    return word.lower() in text._ABBREVIATIONS


PLAIN_WORDS = regex.compile(r"(?:[^\p{L}\d]*+([\p{L}\d]++))*+")  # TextDoc.words as one match's captures


def _same(t: str) -> None:
    doc = TextDoc(t)
    for a, b in ((0, len(t)), (len(t) // 3, len(t) // 2), (len(t) // 2 + 1, len(t) // 3), (len(t), len(t) + 5)):
        assert text.tokens(t, a, b) == [(m.start(), m.end(), m.group())
                                        for m in regex.finditer(r"\S+", t, pos=a, endpos=b)], t
    assert doc.paragraphs == plain_paragraphs(t), t
    if quotes._SAID.search(t):
        assert quotes._may_say(t, 0, len(t)), t
    m = PLAIN_WORDS.match(t)
    assert doc.words.starts == m.starts(1) and doc.words.words == m.captures(1), t
    assert doc.words.lows == [w.lower() for w in m.captures(1)], t
    assert doc.sentences == plain_sentences(doc), t
    assert names.credit_spans(t) == [m.span() for m in names._CREDIT.finditer(t)], t
    _same_appositions(t)
    assert marks.mark_tokens(t) == [(m.start(), m.group()) for m in marks._MARK.finditer(t)], t
    for ps, _ in doc.paragraphs[1:]:
        m = marks._MARK.match(t, ps)
        assert marks._next_paragraph_opener(t, [(0, 0), (ps, 0)], 0) == (m.group() if m else None), t


def _same_quote_rules(t: str) -> None:
    t = t.replace("\n", " ")  # the windows lie within a paragraph
    if quotes._NOT_SPEECH_BEFORE.search(t):
        assert quotes._may_not_be_speech(t), t
    for pos in range(len(t)):
        end = min(len(t), pos + 30)
        if quotes._WORK_AFTER.match(t, pos, end):
            assert quotes._may_name_a_work(t, pos, end), t
    assert quotes._words(t, 0, len(t)) == quotes._WORD.findall(t), t
    inner = t.strip()
    if inner:
        assert quotes._ends_clause(inner) == bool(quotes._TERMINAL.search(inner)), t


@settings(**SETTINGS)
@given(window)
def test_quote_context_shortcuts_never_skip_a_match(t):
    _same_quote_rules(t)


def test_quote_context_shortcuts_were_written_for_these_patterns():
    # _may_not_be_speech and _may_name_a_work read these patterns' words: a change to either pattern needs
    # the shortcut changed with it (then update the copies here)
    assert quotes._NOT_SPEECH_BEFORE.pattern == NOT_SPEECH_BEFORE
    assert quotes._WORK_AFTER.pattern == WORK_AFTER


NOT_SPEECH_BEFORE = r"""(?:\b(?:so-called|so\ called|dubbed|nicknamed|nickname|named|name|titled|entitled|headlined|
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
        recommended|opinion|analysis|explainer|live|video|podcast):)\s*+$"""
WORK_AFTER = (r"[,.]?['’\"”]*\s*(?:radio\s+|TV\s+|television\s+)?(?:show|program|programme|forum|series|special|album|"
              r"book|film|documentary|movie|podcast|song|act|bill|campaign|tour|summit|speech|event|day|report|column|"
              r"segment)\b")


def test_shortcuts_match_the_rules_on_the_case_texts():
    for t in _case_texts():
        _same(t)
        _same_quote_rules(t[-60:])
        assert [m.span() for m in names.FULL_NAME_RE.finditer(t)] == \
            [m.span() for m in LISTED_FULL_NAME.finditer(t)]


@settings(**SETTINGS)
@given(random_text)
def test_shortcuts_match_the_rules_on_random_texts(t):
    _same(t)


# names.FULL_NAME_RE, NAME_PAT and _TITLE_PREFIX as they were written: the named list of titles, the capitalised word
# with its initials as a second alternative, the particles as one plain alternation
_CAP = r"(?:(?:\p{Lu}\.){1,3}|(?!(?:Jr|Sr)\.)\p{Lu}[\p{Ll}\p{Lu}'’\-]*)"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el|dos|das)"
LISTED_NAME_PAT = regex.compile(
    rf"(?:\L<titles>\s+)*{_CAP}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}(?:\L<titles>(?=[ \u00a0])|{_CAP})){{0,6}}"
    r"(?:,?[ ](?:Jr\.|Sr\.|III|II|IV|QC|KC|MP)(?![\p{L}]))?", titles=names.TITLES)
LISTED_FULL_NAME = regex.compile(
    rf"(?<![\p{{L}}\-])(?:(?:\L<titles>\s+)+{_CAP}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}{_CAP}){{0,3}}"
    rf"|{_CAP}(?:[ \u00a0](?:\L<titles>[ \u00a0])?(?:(?:{_PARTICLE}[ \u00a0]){{1,2}}|(?:of|for|on|and|&)[ \u00a0](?:the[ \u00a0])?)?{_CAP}){{1,4}})(?![\p{{L}}])",
    titles=names.TITLES)
LISTED_TITLE_PREFIX = regex.compile(r"(?:(?:\L<titles>)\s+)+(?=\S)", titles=names.TITLES)
NAME_PIECES = list(names.TITLES) + ["Dr", "Capt", "Gen", "Attorney", "Sec", "Smith", "J.", "de", "van", "of", "the",
                                     "and", "&", "Jr.", " ", " ", "\n", "\u00a0", ",", "Ünal", "女", "-", "’", "x",
                                     "J", "S", "Sr.", "Jr", "r.", "Jrx", "A.B.", "A.B.C.D.", ".", "'", "del", "della",
                                     "dell", "den", "bin", "ibn", "on", "for", "ofx", "ǅ", "III", "MP", "QC"] + \
    sorted(names.PARTICLES)
NAME_PAT = regex.compile(names.NAME_PAT, titles=names.TITLES)


def _same_names(t: str) -> None:
    assert [m.span() for m in names.FULL_NAME_RE.finditer(t)] == \
        [m.span() for m in LISTED_FULL_NAME.finditer(t)], t
    for pos in range(len(t)):
        a = names._TITLE_PREFIX.match(t, pos)
        b = LISTED_TITLE_PREFIX.match(t, pos)
        assert (a and a.span()) == (b and b.span()), t
        a, b = names.title_prefix(t[pos:]), names._TITLE_PREFIX.match(t[pos:])
        assert (a and a.span()) == (b and b.span()), t[pos:]
        a, b = NAME_PAT.match(t, pos), LISTED_NAME_PAT.match(t, pos)
        assert (a and a.span()) == (b and b.span()), (t, pos)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_name_patterns_match_as_written(t):
    _same_names(t)


def _same_appositions(t: str) -> None:
    assert [(m.span(), m.groupdict()) for m in names.apposition_matches(TextDoc(t))] == \
        [(m.span(), m.groupdict()) for m in names._APPOSITIVE.finditer(t)], t


APPOSITION_PIECES = ["chain", "retailer", "the", "a", "an", "The", "Dorrington's", "Brightmart", "Acme Corp", "of", "and",
                     "&", "calling itself", "called", "known as", "based", "that", "which", "discount", "department store",
                     "140-year-old", "Kestavian Air", "group", "grouped", ",", ";", ")", ".", " ", " ", "  ", "\n", "\n\n",
                     "\t", "\u00a0", "\x1c", "\u2028", "\x85", "3", "x", "é", "女", "-", "’", "Later"]


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(APPOSITION_PIECES), max_size=24).map(" ".join) |
       st.lists(st.sampled_from(APPOSITION_PIECES), max_size=24).map("".join))
def test_appositions_are_found_paragraph_by_paragraph_as_in_one_pass(t):
    _same_appositions(t)


EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.mark.skipif(not EVAL.exists(), reason="../shared/eval is absent")
def test_name_patterns_match_as_written_on_the_eval_texts():
    # every article of the shared eval sets: FULL_NAME_RE and the appositions over the whole text, NAME_PAT and
    # _TITLE_PREFIX at each capital
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            t = json.loads(line)["text"] if line.strip() else ""
            assert [m.span() for m in names.FULL_NAME_RE.finditer(t)] == \
                [m.span() for m in LISTED_FULL_NAME.finditer(t)], path
            _same_appositions(t)
            for m in regex.finditer(r"\p{Lu}", t):
                a, b = NAME_PAT.match(t, m.start()), LISTED_NAME_PAT.match(t, m.start())
                assert (a and a.span()) == (b and b.span()), (path, t[m.start():m.start() + 40])
                a, b = names._TITLE_PREFIX.match(t, m.start()), LISTED_TITLE_PREFIX.match(t, m.start())
                assert (a and a.span()) == (b and b.span()), (path, t[m.start():m.start() + 40])


def test_split_only_spaces_are_all_that_str_and_regex_disagree_on():
    space = regex.compile(r"\s")
    assert tuple(ch for ch in map(chr, range(0x110000)) if ch.isspace() != bool(space.fullmatch(ch))) == \
        text._SPLIT_ONLY_SPACES


def plain_tokens(t: str, a: int, b: int) -> list[tuple[int, int, str]]:
    m = text._ALL_TOKENS.match(t, a, b)
    return list(zip(m.starts(1), m.ends(1), m.captures(1))) if m else []


@settings(**SETTINGS)
@given(random_text, st.integers(-3, 60), st.integers(-3, 60))
def test_tokens_are_the_regex_tokens(t, a, b):
    assert text.tokens(t, a, b) == plain_tokens(t, a, b)
    if 0 <= a <= b:
        assert text.tokens(t, a, b) == [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\S+", t, pos=a, endpos=b)]


def test_trie_pattern_backtracks_to_shorter_words():
    rx = regex.compile(names.trie_pattern(["a", "ab", "abc", "b"]) + "bc")
    assert rx.fullmatch("abc") and rx.fullmatch("abbc") and rx.fullmatch("abcbc") and not rx.fullmatch("bc")


SURNAME_PIECES = ["Jane Doe", "Zhao Xijun", "Sarah Okoye", "James Okoye", "Ms Okoye", "Doe", "Okoye", "Xijun", "Jones",
                  "Tom Jones", "Jones-Smith", "O'Jones", "’Jones", "Jones-", "Jones'", "3Jones", "Jones3", "Jönes",
                  "Jöne Jönes", "Doe女", "DOE", "DoE", "Ab", "he", "said", ".", ",", " ", " ", "\n", "-", "'", "\u00a0"]


def plain_bare_surname(r: names.Resolver, lo: int, pos: int, want: str):
    best = None
    for m in names._CAP_WORD.finditer(r.doc.text, lo, pos):
        hit = r._by_surname.get(m.group().lower())
        g = hit and r._gender(hit[0], hit[1])
        if hit and " " in hit[0] and not r._inside_name(m.start()) and \
                (g is None or want == "person" or g == want) and not r._after_cap_word(m.start()):
            best = (m.start(), hit[0])
    return best


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(SURNAME_PIECES), max_size=25).map(" ".join), st.integers(0, 400), st.integers(0, 400))
def test_bare_surname_reads_the_words_as_the_pattern_does(t, a, b):
    r = names.Resolver(TextDoc(t))
    lo, pos = sorted((min(a, len(t)), min(b, len(t))))
    for want in ("m", "f", "person"):
        assert r._bare_surname(lo, pos, want) == plain_bare_surname(r, lo, pos, want), (t, lo, pos)


def test_credit_keys_cover_every_word_of_the_pattern():
    # each alternative of _CREDIT's words, in each case it allows, holds one of the keys at the right place
    words = ["Additional", "additional", "Reporting", "reporting", "Editing", "editing", "Writing", "writing",
             "Compiled", "compiled", "Edited", "edited", "Written", "written", "Photograph", "photographs",
             "Illustration", "illustration", "Graphic", "graphics", "REPORTING", "EDITING"]
    for w in words:
        assert any(w.startswith(key, back) for key, back in names._CREDIT_KEYS), w


# --- attribution gates: each skips a pattern only where it cannot match -----------------------------------

class _Everything:
    """A container holding everything: with it as a gate's set, the gate lets every call through."""

    def __contains__(self, item):
        return True


_ALWAYS = regex.compile("")  # a gate pattern that finds something everywhere

ATTRIBUTION_PIECES = ["said", "Said", "says", "told", "added", "according to", "According to", "acc", "went on",
                      "said-", "said2", "saidx", "saidʻ", "said\u1c89", "adding", "wrote", "also", "later", "he", "she",
                      "Jane Doe", "Sen. Claire McCaskill", "Mr.", "the company", "a spokesman", "officials",
                      "the UN's coordinator", "Lopez", "O'Neill", "Jean-Luc", "of", "in a statement", "on Monday", ",",
                      ";", ":", "…", ".", "?", "!", "—", "--", "-", " ", " ", "  ", "\t", "\u00a0", "\x1c", "\u2003",
                      "\n", "“", "”", "\"", "’", "'", "(D)", "Rep", "x", "2", "é", "女"]
attribution_text = st.lists(st.sampled_from(ATTRIBUTION_PIECES), max_size=30).map("".join)


def _after_both_ways(monkeypatch, t: str) -> None:
    from quotecli import attribution
    gated = [attribution._after(t, s, len(t)) for s in range(len(t))]
    with monkeypatch.context() as mp:
        mp.setattr(attribution, "_CUE_HEADS", _Everything())
        mp.setattr(attribution, "_CUE_AFTER_SPACE", _ALWAYS)
        ungated = [attribution._after(t, s, len(t)) for s in range(len(t))]
    assert gated == ungated, t


@settings(**SETTINGS)
@given(attribution_text)
def test_after_gates_skip_no_match(t):
    # (a fixture cannot be mixed with @given: a fresh MonkeyPatch per example)
    mp = pytest.MonkeyPatch()
    try:
        _after_both_ways(mp, t)
    finally:
        mp.undo()


def test_after_gates_on_the_case_texts(monkeypatch):
    from quotecli import attribution
    for t in _case_texts():
        doc = TextDoc(t)
        for p in doc.pairs:  # where _after is called: after every closing mark
            s, e = p.outer_end, min(len(t), p.outer_end + 250)
            gated = attribution._after(t, s, e)
            with monkeypatch.context() as mp:
                mp.setattr(attribution, "_CUE_HEADS", _Everything())
                mp.setattr(attribution, "_CUE_AFTER_SPACE", _ALWAYS)
                assert attribution._after(t, s, e) == gated, t[s:e]


def test_after_gates_were_written_for_these_patterns():
    # the cue-first gate reads the cue where `[,;:…]?+\s*+` ends; the cue-last gate wants a space before the cue
    from quotecli import attribution as a
    for rx in (a._AFTER_CUE_SP, a._AFTER_CUE_ROLE_NAME, a._AFTER_CUE_ROLE_COMMA_NAME):
        assert rx.pattern.startswith(r"[,;:…]?+\s*+(?P<cue>\L<cues>|according\s+to)\s++"), rx.pattern[:60]
    for rx in (a._AFTER_SP_CUE, a._AFTER_CHAIN_CUE):
        assert rx.pattern.startswith(r"[,;:…]?+\s*+")
        assert r"\s+(?:{ADV}\s+){{0,2}}(?P<cue>\L<cues>".format(ADV=a.ADV) in rx.pattern


def unshared_name_pat(pattern: str) -> str:
    """The pattern names.share_name_pat was given: NAME_PAT written out at each place that calls its group."""
    define = f"(?(DEFINE)(?P<{names.NAME_GROUP}>{names.NAME_PAT}))"
    return pattern.removesuffix(define).replace(f"(?&{names.NAME_GROUP})", names.NAME_PAT) if pattern.endswith(define) \
        else pattern


# NAME_PAT leaves a title that _CAP matches whole ("Senator") to _CAP among a name's later words: the patterns that
# hold it match as they did with the whole named list there, also where what follows makes them backtrack into the name
def _with_listed_inner_titles(rx: regex.Pattern) -> regex.Pattern:
    return regex.compile(rx.pattern.replace(names._INNER_TITLE, names._TITLE_FIRST + r"\L<titles>"), rx.flags,
                         **rx.named_lists)


INNER_TITLE_PATTERNS = [(rx, _with_listed_inner_titles(rx)) for mod in (names, phrases, attribution, speakers, quotes)
                        for rx in vars(mod).values() if isinstance(rx, regex.Pattern) and names._INNER_TITLE in rx.pattern]
_NAME_THEN = ["", r"[ ]said", r"['’]s", r"[ \u00a0]\p{Lu}\p{L}*", r"(?:[ \u00a0]\p{Lu}[\p{L}.]*){2}", r"\.", r"(?<=r)",
              r"[ ]and[ ](?:{n})", r",[ ](?:{n}),", r"(?=[ \u00a0]\p{Lu})"]
def _name_then(name: str, tail: str) -> regex.Pattern:
    return regex.compile("(?:" + name + ")" + tail.replace("{n}", name), titles=names.TITLES)


NAME_THEN = [(_name_then(names.NAME_PAT, tail), _name_then(LISTED_NAME_PAT.pattern, tail)) for tail in _NAME_THEN]


def _spans(m, listed: regex.Pattern):
    """The match's span and its groups' (those of the pattern as written: a shared NAME_PAT's group is the last)."""
    return m and [m.span(g) for g in range(listed.groups + 1)]


def _same_matches(pairs, t: str, positions) -> None:
    for pos in positions:
        for rx, listed in pairs:
            a, b = rx.match(t, pos), listed.match(t, pos)
            assert _spans(a, listed) == _spans(b, listed), (rx.pattern[:50], t, pos)


# attribution._SP_FWD: role words before a name as one alternative with optional capitalised words, as they were
# written (two alternatives, one with the capitalised words)
_ROLE_NAME_ALTS = (r"(?:(?:[\p{Lu}\d][\p{L}\d/&\-]*\s+){1,3})?(?:_NF\p{Ll}[\p{L}\-]*\s+){1,3}_NN",
                   r"(?:_NF\p{Ll}[\p{L}\-]*\s+){1,3}_NN|(?:[\p{Lu}\d][\p{L}\d/&\-]*\s+){1,3}(?:_NF\p{Ll}[\p{L}\-]*\s+){1,3}_NN")


def _as_written(alts: str) -> str:
    return alts.replace("_NF", attribution._NOT_FUNCTION).replace("_NN", attribution._NAME_N + attribution._NAME_TAIL)


SP_FWD_PATTERNS = [(rx, regex.compile(unshared_name_pat(rx.pattern).replace(_as_written(_ROLE_NAME_ALTS[0]),
                                                                                  _as_written(_ROLE_NAME_ALTS[1])),
                                      rx.flags, **rx.named_lists))
                   for rx in (attribution._AFTER_SP_CUE, attribution._AS_PUT_IT)]


# attribution._SENT_FINAL_NAME: the name written once after "the" or role words, as written (the name after each)
_SENT_FINAL_NAMES = (r"(?:(?:the\s+)?|(?:_CW\s+){1,7}?)_NN", r"(?:the\s+)?_NN|(?:_CW\s+){1,7}?_NN")
SENT_FINAL_PATTERNS = [(attribution._SENT_FINAL, regex.compile(
    attribution._SENT_FINAL.pattern.replace(*(n.replace("_CW", attribution._CHAIN_WORD).replace(
        "_NN", attribution._NAME_N + attribution._NAME_TAIL) for n in _SENT_FINAL_NAMES)),
    attribution._SENT_FINAL.flags, **attribution._SENT_FINAL.named_lists))]


def test_sent_final_holds_the_name_once():
    rx, listed = SENT_FINAL_PATTERNS[0]
    assert rx.pattern != listed.pattern and listed.pattern.count(attribution._NAME_N) == rx.pattern.count(attribution._NAME_N) + 2


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(ATTRIBUTION_PIECES + ["the", "the ", "Acme's", "chief", ", ", "adding", "."]),
                max_size=30).map("".join))
def test_sent_final_matches_as_written(t):
    _same_matches(SENT_FINAL_PATTERNS, t, range(len(t) + 1))


def test_sp_fwd_holds_the_role_words_once():
    assert all(_as_written(_ROLE_NAME_ALTS[0]) in unshared_name_pat(rx.pattern) and
               _as_written(_ROLE_NAME_ALTS[1]) in listed.pattern for rx, listed in SP_FWD_PATTERNS)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(ATTRIBUTION_PIECES + ["as", "as the", "spokeswoman", "Acme", "2016", "chief", "put it"]),
                max_size=30).map("".join))
def test_sp_fwd_matches_as_written(t):
    _same_matches(SP_FWD_PATTERNS, t, range(len(t) + 1))


# names.compile_sharing_name_pat: NAME_PAT as one called group matches as NAME_PAT written out at each place
SHARED_PATTERNS = [(rx, regex.compile(unshared_name_pat(rx.pattern), rx.flags, **rx.named_lists))
                   for mod in (names, phrases, attribution, speakers, quotes) for rx in vars(mod).values()
                   if isinstance(rx, regex.Pattern) and f"(?&{names.NAME_GROUP})" in rx.pattern]


def test_shared_name_pat_stands_where_name_pat_stood():
    assert len(SHARED_PATTERNS) >= 5
    for rx, listed in SHARED_PATTERNS:
        assert names.share_name_pat(listed.pattern) == rx.pattern and f"(?&{names.NAME_GROUP})" not in listed.pattern
        # each NAME_PAT stood as a whole: never before a quantifier, which would apply to its last part alone
        assert not regex.search(regex.escape(names.NAME_PAT) + r"[?*+{]", listed.pattern)
        assert list(rx.groupindex)[:-1] == list(listed.groupindex) and list(rx.groupindex)[-1] == names.NAME_GROUP


def _same_shared_matches(t: str, positions) -> None:
    for pos in positions:
        for rx, listed in SHARED_PATTERNS:
            a, b = rx.match(t, pos), listed.match(t, pos)
            assert _spans(a, listed) == _spans(b, listed), (rx.pattern[:50], t, pos)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(ATTRIBUTION_PIECES + NAME_PIECES[::3] + ["as", "as the", "In", "words", "wrote", "by"]),
                max_size=30).map("".join))
def test_shared_name_pat_matches_as_written_out(t):
    _same_shared_matches(t, range(len(t) + 1))


def test_shared_name_pat_matches_as_written_out_on_the_case_texts():
    for t in _case_texts():
        _same_shared_matches(t, sorted({m.start() for m in regex.finditer(r"(?<!\S)\S|[”\"’'],?", t)} |
                                       {m.end() for m in regex.finditer(r"[”\"’'],?", t)}))


def test_inner_titles_are_in_the_patterns_that_hold_name_pat():
    assert len(INNER_TITLE_PATTERNS) >= 20 and names._INNER_TITLE in names.NAME_PAT
    assert all(not names._CAP_RE.fullmatch(t) for t in names._INNER_TITLES)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(NAME_PIECES + ["said", "'s", "’s", "and", " and ", ", ", "he", "the"]), max_size=12).map("".join))
def test_name_pat_matches_as_with_every_inner_title(t):
    _same_matches(NAME_THEN, t, range(len(t) + 1))


@settings(**SETTINGS)
@given(attribution_text)
def test_patterns_with_name_pat_match_as_with_every_inner_title(t):
    _same_matches(INNER_TITLE_PATTERNS, t, range(len(t) + 1))


def test_patterns_with_name_pat_match_as_with_every_inner_title_on_the_case_texts():
    for t in _case_texts():
        _same_matches(INNER_TITLE_PATTERNS + NAME_THEN + SP_FWD_PATTERNS + SENT_FINAL_PATTERNS, t, sorted({m.start() for m in regex.finditer(r"(?<!\S)\S|[”\"’'],?", t)} |
                                                                  {m.end() for m in regex.finditer(r"[”\"’'],?", t)}))


FULL_NAME_PIECES = ["Jane", "Smith", "smith", "Smith-Jones", "Smithé", "Smith2", "J.", "Dr.", "’", " ", "  ", "\n",
                    "\u00a0", "\x1c", "Ab", "A", "x", "é", "Ünal", "女", "-", ".", "Smi", "th", "ǅ", "\u1c89"]


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(FULL_NAME_PIECES), max_size=14).map("".join),
       st.sampled_from(["Smith", "Smi", "th", "A", "Ünal", "J.", "Smith-Jones", "-", ".", "ǅ"]))
def test_written_in_full_is_the_search_it_replaces(t, word):
    from quotecli import attribution
    plain = regex.search(rf"\p{{Lu}}[\p{{L}}.'’\-]+\s+{regex.escape(word)}(?![\p{{L}}])", t)
    assert attribution._written_in_full(t, word) == bool(plain), (t, word)


def _sent_final_both_ways(t: str) -> None:
    from quotecli import attribution as a
    for pos in range(len(t)):
        plain = a._SENT_FINAL.search(t, pos)
        gated = a._CUE_AFTER_SPACE.search(t, pos) and a._SENT_FINAL.search(t, pos)
        assert (plain and plain.span()) == (gated and gated.span()), (t, pos)


# sentences that end as _SENT_FINAL's matches do: "…, the Tory source said.", "; said Jane Doe, a lawyer."
_FINAL_SPEAKERS = ["the Tory source", "Jane Doe", "he", "police", "officials", "a spokesman", "Sen. Claire McCaskill",
                   "the UN's coordinator, Stephen Jackson,", "analysts", "Doe"]
_FINAL_CUES = ["said", "says", "told reporters", "added", "wrote", "said-", "said2", "saidx", "Said", "adding", ""]
sentence_final_text = st.tuples(
    attribution_text, st.sampled_from([",", ";", ", ", "; ", ",\u00a0", " ", ", according to", "; according to"]),
    st.sampled_from(_FINAL_SPEAKERS), st.sampled_from(_FINAL_CUES), st.booleans(),
    st.sampled_from(["", " on Monday", ", a lawyer", ", adding that it was", " in a statement", " also"]),
    st.sampled_from([".", "", "?", ".”", ". ", "x", "\u00a0"])).map(
    lambda p: p[0] + p[1] + " " + (f"{p[2]} {p[3]}" if p[4] else f"{p[3]} {p[2]}") + p[5] + p[6])


@settings(**SETTINGS)
@given(attribution_text | sentence_final_text)
def test_sentence_end_gate_skips_no_match(t):
    _sent_final_both_ways(t)


def test_sentence_end_gate_on_the_case_sentences():
    for t in _case_texts():
        doc = TextDoc(t)
        for s, e in doc.sentences:
            if e - s < 400:
                _sent_final_both_ways(t[s:e])


# --- horizons: the rules a word keys, looked up in a cache across documents ------------------------------

HZ_WORDS = ["2025", "1999", "2030s", "1H25", "2h", "Q3", "Q5", "H1", "FY27", "FY", "He", "For", "Friday", "friday", "May",
            "may", "MAY", "March", "march", "next", "Next", "year", "this", "12", "5th", "ſ", "İ", "x", "é", "the"]
hz_text = st.lists(st.sampled_from(HZ_WORDS + [" ", " ", "-", ",", "\n"]) | st.text(max_size=3), max_size=30).map("".join)


@settings(**SETTINGS)
@given(hz_text, st.integers(1, 6))
def test_keyed_words_are_the_plain_rules_of_each_word(t, bound):
    from quotecli import horizons
    words = TextDoc(t).words
    plain = [(m.start(), m.end(), m.group(), rules) for m in regex.finditer(r"[\p{L}\d]+", t)
             if (rules := horizons._rules_of_word(m.group()))]
    old = horizons._RULES_OF_MAX
    try:
        horizons._RULES_OF_MAX = bound  # a cache cleared while a document's words are read gives the same
        for got in (horizons._keyed_words(t, 0, len(t), words), horizons._keyed_words(t, 0, len(t))):
            assert [(a, b, w, r) for a, b, w, _, _, r in got] == plain, t
            assert all(low == w.lower() for _, _, w, low, _, _ in got), t
    finally:
        horizons._RULES_OF_MAX = old
        horizons._RULES_OF.clear()


STAMP_PIECES = ["published", "Published", "PUBLISHED", "posted", "updated", "Last updated", "last", "first", "First published",
                "date", "Dated", "dated", "DATE", "filed", "candidate", "candidates", "update", "lasting", "on", "at", ":",
                "12:30", "pm", "GMT", "Monday", "3", "15th", "March", "Sept.", "2024", "1999", "2024-03-15", ",", " ", "\n",
                "ſ", "İ", "S", "x", "d", "é"]
stamp_text = st.lists(st.sampled_from(STAMP_PIECES) | st.text(max_size=2), max_size=24).map("".join) | \
    st.lists(st.sampled_from(STAMP_PIECES), max_size=24).map(" ".join)


@settings(**SETTINGS)
@given(stamp_text)
def test_stamp_keys_find_what_the_stamp_search_finds(t):
    from quotecli import horizons
    got, want = horizons._stamped(t), horizons._STAMPED.search(t)
    assert (got and got.span()) == (want and want.span()), t


BOILER_PIECES = ["forward-looking statements", "Forward Looking Statement", "FORWARD-LOOKİNG statements", "forward",
                 "looking", "safe harbor", "Safe-Harbour", "ſafe harbor", "safe", "harbo", "unsafe harbour", "risks and uncertainties",
                 "actual results", "undue reliance", "differ materially", "İ", "x", " ", "\n", ".", "-"]
boiler_text = st.lists(st.sampled_from(BOILER_PIECES) | st.text(max_size=2), max_size=20).map("".join)


def plain_boilerplate(doc):
    from quotecli import claims
    t, paras = doc.text, doc.paragraphs
    hit = [bool(claims._BOILER_START.search(t, ps, pe) and claims._BOILER_CONFIRM.search(t, ps, pe)) for ps, pe in paras]
    for i, (ps, pe) in enumerate(paras):
        if hit[i]:
            continue
        if i + 1 < len(paras) and hit[i + 1] and pe - ps <= 60 and claims._BOILER_START.search(t, ps, pe):
            hit[i] = True
        elif i > 0 and hit[i - 1] and claims._BOILER_CONFIRM.search(t, ps, pe):
            hit[i] = True
    return [p for p, h in zip(paras, hit) if h]


@settings(**SETTINGS)
@given(boiler_text)
def test_boilerplate_gates_skip_no_paragraph(t):
    from quotecli import claims
    doc = TextDoc(t)
    assert claims.find_boilerplate(doc) == plain_boilerplate(doc), t


HZ_PIECES = ["next month", "by 2030", "in the coming weeks", "fiscal 2026", "fy27", "Q3", "q3", "h1", "the second half",
             "soon", "on Monday", "Monday morning", "on next Monday", "from this Friday", "by coming Sunday night",
             "until\u00a0next\nTuesday", "ON NEXT Thursday", "this Wednesday's", "Fridays", "by early the coming week",
             "on Tuesday, 15th of March", "on Tuesday, 15th of March 2025", "in next the beginning of March",
             "in the beginning of March 2025", "until the early summer", "the day after tomorrow", "in the weeks to come",
             "in a few years", "a few years from now", "for a few more years", "over the next six months",
             "for the following week", "by year-end", "this week", "in March 2025", "5 May 2026", "May", "within six months",
             "over the next five to 10 years", "early next year", "the 2030s", "the 2030's", "2015to2016", "2015-2016",
             "by the end of the summer", "year-end", "1H25", "2h 2025", "later this year", "2025-03-14", "2024",
             "the 2025-26 season", "at its July meeting", "planned for early July", "next season", "this term",
             "before Christmas", "over New Year's Eve", "in the middle of the night", "during rush hour", "at dawn",
             "the year ahead", "the decade to come", "two years from now", "for a decade", "tomorrow", "tonight",
             "by mid-century", "over the weekend", "ſoon", "İn two weeks", "tonİght", "in", "the", " ", "  ", ", ",
             ". ", "-", "\n", "x", "5"]
hz_find_text = st.lists(st.sampled_from(HZ_PIECES) | st.text(max_size=3), max_size=30).map("".join) | \
    st.lists(st.sampled_from(HZ_PIECES), max_size=30).map(" ".join)


def _found(t, words=None):
    from quotecli import horizons
    return [(f.start, f.end, f.rule) for f in horizons.find(t, words=words)]


def _hz_stops_agree(t):
    import pytest
    from quotecli import horizons
    fast = (_found(t), _found(t, TextDoc(t).words))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(horizons, "_KEY_IN_EVERY_MATCH", frozenset())  # every window searched whole
        plain = (_found(t), _found(t, TextDoc(t).words))
    assert fast == plain, t


@settings(**SETTINGS)
@given(hz_find_text)
def test_time_windows_trimmed_to_their_keys_skip_no_match(t):
    _hz_stops_agree(t)


def test_time_windows_trimmed_to_their_keys_on_the_case_texts():
    for t in _case_texts():
        _hz_stops_agree(t)


# --- cue windows searched from the longest opening before their first key, and no further than their last key ---

CUE_LEAD_PIECES = ["will", "We’ll", "I'll", "won't", "WON'T", "shall", "shan’t", "would", "I’d", "’d like", "would like",
                   "could", "might", "may", "should", "shouldn't", "isn't no longer really going to", "isn’t no longer no longer going to", "is no longer no longer on track to", "are not going to",
                   "’re going to", "gonna", "is not really on track to", "are very much expected to", "looks set for",
                   "are odds-on front-runners to", "is odds-on odds-on odds-on front-runners to", "’s the clear favourite to", "is likely", "are unlikely.",
                   "is now expected in", "has been said to be quickly working to", "’re also hoping hard to",
                   "plans itself to", "pledged to", "candidates set to", "has been unanimously chosen to",
                   "committed itself to", "promised a", "looms", "5will", "in store5", "plans5",
                   "can't rule out", "did not rule out", "is still to come", "are on the cards", "odds really are",
                   "is still considering", "has firm plans to", "the party’s new plan to", "Analysts expect",
                   "wants them to", "JPMorgan sees oil at $90", "guided for", "pushed back to", "put off till",
                   "is no longer confident it can", "5is going to", "10am", "the", "a", "to", " ", "  ", ", ", ". ",
                   "\n", "-", "’", "x", "ſ"]
cue_lead_text = st.lists(st.sampled_from(CUE_LEAD_PIECES) | st.text(max_size=3), max_size=30).map(" ".join) | \
    st.lists(st.sampled_from(CUE_LEAD_PIECES), max_size=30).map("".join)


def _cue_scan(t, a, b, words):
    from quotecli import cues
    return [(cs, r.id, m.span()) for cs, r, m in cues.scan(t, a, b, words)]


def _cue_leads_agree(t):
    from quotecli import cues
    words = TextDoc(t).words
    bounds = [(0, len(t))] + [(a, b) for a in range(0, len(t), max(1, len(t) // 4))
                              for b in range(a, len(t) + 1, max(1, len(t) // 3))]
    fast = [_cue_scan(t, a, b, words) for a, b in bounds]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(cues, "_CUE_LEAD", {})  # every window searched whole
        plain = [_cue_scan(t, a, b, words) for a, b in bounds]
    assert fast == plain, t


# the string test before claims._time_cue's habitual pattern ("on Mondays", "on Friday nights")
HABITUAL_AFTER = st.lists(st.sampled_from(["s", "S", " ", "\u00a0", "\u2003", "\n", "\t", "mornings", "afternoons",
                                           "evenings", "nights", "Nights", "night", "x", ".", "5"]) | st.text(max_size=2),
                          max_size=6).map("".join).map(lambda t: t[:12])


@settings(**SETTINGS)
@given(HABITUAL_AFTER)
def test_habitual_gate_skips_no_match(after):
    from quotecli import claims
    if claims._HABITUAL_AFTER.match(after):
        assert claims._may_be_habitual(after), after


@settings(**SETTINGS)
@given(cue_lead_text)
def test_cue_windows_trimmed_to_their_keys_skip_no_match(t):
    _cue_leads_agree(t)


def test_cue_windows_trimmed_to_their_keys_on_the_case_texts():
    for t in _case_texts():
        _cue_leads_agree(t)


# --- the gates of Resolver.mention and speakers._mention: each pattern is tried only when what it needs is there ---

MENTION_PIECES = ["about", "four", "in", "10", "out", "of", "two-thirds", "percent", "%", "per cent", "voters", "the",
                  "a", "statement", "letter", "from", "by", "From", "issued", "ministry", "Smith", "Jones", "and", "And",
                  "director", "Acme", "Residents", "Leeds", "for", "at", "with", "Ms.", "Aldous’s", "Aldous's", "firm",
                  "s", "’s", "'s", "those", "surveyed", "Marcia", '"Cia"', "“Tig”", '"', "“", "”", "Price", " ", " ", "\t", "\n", "\u00a0", "\x1c", "\u2003", ",", "-", "x"]
mention_text = st.lists(st.sampled_from(MENTION_PIECES), min_size=1, max_size=12).map(" ".join) | \
    st.lists(st.sampled_from(MENTION_PIECES), min_size=1, max_size=12).map("".join)


def _mention_gates_hold(t: str) -> None:
    low = t.lower()
    toks = low.split()
    if names._SHARE.match(low):
        assert not names._SHARE_LINKS.isdisjoint(toks), t
    if names._JOINT.fullmatch(t):
        assert " and " in t, t
    if names._DOCUMENT_FROM.match(t):
        assert "from" in toks or "by" in toks, t
    if names._DESCRIBED_SOURCE.fullmatch(t):
        assert not names._SOURCE_PREPS.isdisjoint(toks), t
    if names._OWNED.search(t):
        assert "’s " in t or "'s " in t, t
    if speakers._NICKNAME.search(t):
        assert '"' in t or "“" in t, t


# what each pattern is for, in the shapes the random texts rarely build: the gates let them all through
MENTION_SHAPES = ["about four in 10 voters", "Two-thirds of Republicans", "40 percent of\tvoters", "one in\u00a0five",
                  "Smith and Jones", "Sen. Dana Ross and Omar Fields", "a statement from the ministry",
                  "The letter\nsent by Acme", "Residents of Leeds", "the director\tof Acme Corp",
                  "Ms. Aldous's firm", "Clinton’s campaign manager", 'Marcia "Cia" Price', "John “Tig” Tiegen"]


def test_mention_gates_let_the_patterns_shapes_through():
    for t in MENTION_SHAPES:
        assert any((names._SHARE.match(t.lower()), names._JOINT.fullmatch(t), names._DOCUMENT_FROM.match(t),
                    names._DESCRIBED_SOURCE.fullmatch(t), names._OWNED.search(t), speakers._NICKNAME.search(t))), t
        _mention_gates_hold(t)


@settings(**SETTINGS)
@given(mention_text | st.sampled_from(MENTION_SHAPES).map(lambda t: t.replace(" ", "\u2003")))
def test_mention_gates_skip_no_match(t):
    _mention_gates_hold(t)
