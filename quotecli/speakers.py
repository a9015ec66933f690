"""Who said it: cue + speaker patterns around a quotation, roles, continuation, and the speakers table.

Rules are tried in order of how directly they tie a speaker to the quotation:

    after.cue_speaker     “…,” said Zhao Xijun, an economist …
    after.speaker_cue     “…,” Zhao said. / “…,” the company said in a statement.
    after.dash            “…” — Commissioner Geoffrey Starks
    before.speaker_cue    Zhao said: “…” / Smith called the plan “…” / according to Zhao, “…”
    before.possessive     President Xi Jinping’s call to develop “…”
    lead_in.colon         In a statement, the company said:¶“…”
    split                 “First,” she said, “second.”  (the second piece)
    continuation          a quotation paragraph with no cue continues the previous speaker
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import regex

from .lexicons import load
from .models import Claim, Mention, Quote, Span, Speaker
from .names import NAME_PAT, ORG_WORDS, PRONOUNS, TITLES, Resolver, name_type, split_role
from .quotes import Candidate
from .text import TIMEOUT, TextDoc

__all__ = ["Resolver", "attribute", "summarise"]

TITLES_SET = frozenset(TITLES)
CUES = tuple(sorted(load("cue_verbs"), key=len, reverse=True))
PLACES = frozenset(load("place_names"))
_NOT_NAME = frozenset(load("not_names")) | frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_NOUNABLE = frozenset({"comment", "comments", "call", "calls", "claim", "claims", "report", "reports", "note", "notes",
                       "post", "posts", "tweet", "tweets", "answer", "answers", "reply", "replies", "remark", "warning",
                       "promise", "promises", "pledge", "pledges", "vow", "vows", "statement", "plea", "charge",
                       "charges", "state", "states", "counter", "joke", "jokes", "quip", "quips", "word", "words"})
_NOUN_CUES = frozenset({"call", "calls", "words", "remarks", "comments", "statement", "description", "claim",
                        "claims", "promise", "pledge", "warning", "phrase", "view", "vow", "message", "plea",
                        "assertion", "insistence", "argument", "demand", "response", "assessment", "verdict"})

_CUE = regex.compile(r"(?<![\p{L}\-’'])(?:\L<cues>|[Aa]ccording\s+to|was\s+quoted\s+as\s+saying)(?![\p{L}\-])",
                     cues=CUES)
_ADV = (r"(?:also|later|then|still|now|even|never|always|just|only|usually|could|would|can|must|did|does|has|had|have|was|were|is|are|would|will|once|previously|recently|repeatedly|"
        r"reportedly|again|further|simply|flatly|quickly|publicly|privately|separately|earlier|often|"
        r"frequently|angrily|proudly|bluntly|jokingly|told\s+\w+\s+and|\p{Ll}+ly)")
_NAME_TAIL = r"(?:\s*\([^()\n]{1,30}\))?(?:\s+(?:of|from|for)\s+(?:the\s+)?" + NAME_PAT + ")?"
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
_DET = r"(?:[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)"
_SP_FWD = (rf"(?P<sp>{_PRON}(?![\p{{L}}])|(?:\p{{Ll}}[\p{{L}}\-]*\s+){{1,3}}{NAME_PAT}{_NAME_TAIL}|(?:[\p{{Lu}}\d][\p{{L}}\d/&\-]*\s+){{1,3}}(?:\p{{Ll}}[\p{{L}}\-]*\s+){{1,3}}{NAME_PAT}{_NAME_TAIL}|{NAME_PAT}['’]s(?:\s+[\p{{L}}\-]+){{1,4}}?|{NAME_PAT}{_NAME_TAIL}|{_DET}\s+[\p{{L}}\d\-’']+(?:\s+[\p{{L}}\d\-’']+){{0,4}}?"
           rf"|(?:\p{{Ll}}[\p{{L}}\-]*\s+)?\p{{Ll}}[\p{{Ll}}\-]*s|police)")
_ROLE_TAIL = r"(?P<role>(?:[^.;!?\n\"“”‘’]|(?<=\p{Lu})\.|\.(?=\p{Lu}\.))+)"
# after the quotation: “…,” said Zhao Xijun, an economist … / “…,” Zhao said.
_AFTER_CUE_SP = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>)\s++(?:(?:on|in|at|last|this)\s+\p{{L}}+\s+)?(?P<sp>{_PRON}(?![\p{{L}}])|(?:the\s+|(?:bin|al|de|van|von)\s)?{NAME_PAT}
         |{_DET}\s+[^,.;:!?\"“”\n]{{1,60}}?(?=\s*(?:[,.;:!?]|\Z|\s(?:in|on|at|during|after|before|when|while|as|who|adding|to)\b)))
         (?:\s*,\s*{_ROLE_TAIL})?""",
    regex.X, cues=CUES, titles=TITLES)
_AFTER_CUE_ROLE_NAME = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>)\s++(?P<pre>(?:[\p{{L}}\d/&'’\-.]+\s+){{1,6}}?)(?P<sp>(?:(?:bin|al|de|van|von)\s)?{NAME_PAT})
         (?=\s*(?:[,.;:!?]|\Z|\s(?:who|in|at|on|during|after|as|when)\b))(?:\s*,\s*{_ROLE_TAIL})?""",
    regex.X, cues=CUES, titles=TITLES)
_AFTER_CUE_ROLE_COMMA_NAME = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>)\s++(?P<pre>{_DET}\s+[^,.;:!?\"“”\n]{{1,50}}?),\s+(?P<sp>{NAME_PAT})(?=\s*(?:[.;!?,]|\Z))""",
    regex.X, cues=CUES, titles=TITLES)
_AFTER_SP_CUE = regex.compile(
    rf"""[,;:…]?+\s*+{_SP_FWD}(?:\s*,\s*(?P<role>[^,;:\"“”\n]{{3,120}}),)?\s+(?:{_ADV}\s+){{0,2}}(?P<cue>\L<cues>|according\s+to)(?![\p{{L}}])""",
    regex.X, cues=CUES, titles=TITLES)
_AFTER_DASH = regex.compile(rf"\s*+(?P<cue>[—―–]|--)\s*+(?P<sp>{NAME_PAT})(?:\s*,\s*{_ROLE_TAIL})?",
                            titles=TITLES)
_ACCORDING_SP = regex.compile(rf"\s+(?P<sp>{_PRON}|{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,60}}?)(?=\s*[,.;:]|\s*$)",
                              titles=TITLES)
_POSSESSIVE = regex.compile(rf"(?P<sp>{NAME_PAT})(?<=['’]s?)\s+(?:\p{{Ll}}[\p{{Ll}}\-]*\s+)?\Z", titles=TITLES)
_SENT_FINAL = regex.compile(
    rf"""[,;]\s+(?:(?P<sp>{_PRON}|(?:the\s+)?{NAME_PAT}|{_DET}\s+[\p{{L}}\-’'.]+(?:\s+[\p{{L}}\-’'.]+){{0,4}}?|\p{{Ll}}+s)
         \s+(?:{_ADV}\s+)?(?P<cue>\L<cues>)|(?P<cue>\L<cues>)\s+(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;!?\n]{{1,40}})
         |(?P<cue>according\s+to)\s+(?:{_DET}\s+[^,.;!?\n]{{1,40}},\s+)?(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;!?\n]{{1,40}}))
         (?:\s+[^,.;!?\n"“”]{{0,40}})?[.!?]?\s*\Z""", regex.X, cues=CUES, titles=TITLES)
_MARK_IN = regex.compile(r"[\"“”]")
_PASSIVE = regex.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\p{Ll}+ly\s+)?(?:called|described|labell?ed|branded|dubbed|hailed|"
                         r"praised|critici[sz]ed|quoted|deemed|termed|slammed)\b(?:\s+as)?\s*$")
_BY_AGENT = regex.compile(rf"[,.]?\s*by\s+(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,50}}?)(?=\s*(?:[,.;:!?]|\Z))",
                          titles=TITLES)
_LABEL = regex.compile(r"(?P<sp>\p{Lu}[\p{Lu}.'’\-]+(?:[ ]\p{Lu}[\p{Lu}.'’\-]+){0,2}):\s")
_NOT_SPEECH_VERBS = frozenset({"needed", "wanted", "used", "based", "called", "named", "titled", "entitled", "dubbed",
                               "published", "released", "aired", "filed", "posted", "reported"})
_PREP_BEFORE = regex.compile(r"(?<![\p{L}])(?:through|in|at|on|with|from|to|into|by|for|of|after|before|during|"
                             r"across|around|outside|inside|near|over|under)\s+$")
_ANY_VERB = (r"(?:\p{Ll}{2,}ed|read|reads|wrote|writes|went\s+on|goes\s+on|thought|spoke|sang|began|"
             r"shot\s+back|fired\s+back|chimed\s+in|broke\s+in|cut\s+in|bit\s+back)")
_AFTER_SP_ANYVERB = regex.compile(
    rf"""\s*+(?P<sp>{_PRON}(?![\p{{L}}])|{NAME_PAT}{_NAME_TAIL}|{_DET}\s+[\p{{L}}\d\-’']+(?:\s+[\p{{L}}\d\-’']+){{0,3}}?)
         \s+(?:{_ADV}\s+)?(?P<cue>{_ANY_VERB})(?=\s*(?:[.,;]|\Z|\s(?:on|in|at|to|during|after|before|with|from|as|when|while|of)\b))""",
    regex.X, titles=TITLES)
_AFTER_ANYVERB_SP = regex.compile(
    rf"""\s*+(?P<cue>{_ANY_VERB})\s+(?P<sp>(?:the\s+)?{NAME_PAT}{_NAME_TAIL}|{_DET}\s+[\p{{L}}\d\-’']+(?:\s+[\p{{L}}\d\-’']+){{0,3}}?)
         (?=\s*(?:[.,;]|\Z))""", regex.X, titles=TITLES)
_NEW_SENTENCE = regex.compile(r"\s+[\p{Lu}]")
_NAME_THEN_STOP = regex.compile(r"\s*(?:[,.;:!?(]|\Z|\s(?:for|of|at|in|from|on|who|during|after|when|as)\b)")
_SENT_BREAK = regex.compile(r"[.!?][\"”’']?\s")
_ENDS = regex.compile(r"[.!?…]")
_ADV_RE = regex.compile(_ADV)
_INITIALS_OR_TITLE = regex.compile(r"(?:\p{Lu}\.)+|\L<titles>", titles=TITLES)
_VERBLESS = regex.compile(rf"(?P<sp>{NAME_PAT})(?:,\s*(?P<role>[^:]{{2,100}}))?\s*\Z", titles=TITLES)
_TOKEN = regex.compile(r"[^\s]+")
_FUNCTION = frozenset("""a an the and or but that what which who whom whose when while as if because of to in on at
    by for with from into than then so said says told also not no this these those it its his her their our
    is was are were be been has had have will would could should may might can""".split())
_DETS = frozenset("my our your the a an one another two three several some many other their his her its".split())
_ROLE_SUFFIX = ("er", "or", "ist", "ian", "man", "woman", "ant", "ent", "ee", "ive", "ary", "ess", "chief", "head")


@dataclass(slots=True)
class Found:
    """An attribution found for a candidate: the speaker's words, role, cue and the rule."""

    sp_start: int
    sp_end: int
    role: str | None
    cue: tuple[int, int] | None
    rule: str
    confidence: float


def attribute(doc: TextDoc, cands: list[Candidate], resolver: Resolver) -> list[Quote]:
    """Attribute every candidate, drop those that are not quotations, and number the rest."""
    text = doc.text
    nested = [c for c in cands if c.nested]
    cands = [c for c in cands if not c.nested]
    found: list[Found | None] = [None] * len(cands)
    for i, c in enumerate(cands):
        found[i] = _local(doc, cands, i)
    _carry(doc, cands, found)
    groups = _groups(doc, cands, found)
    quotes: list[Quote] = []
    mentions: dict[int, Mention | None] = {}
    for i, c in enumerate(cands):
        f = found[i]
        if not _is_quotation(c, f):
            continue
        mention = None
        if f is not None:
            if f.sp_start in mentions:
                mention = mentions[f.sp_start]
            else:
                mention = _mention(text, resolver, f)
                mentions[f.sp_start] = mention
                if mention is not None and mention.name and text[f.sp_start:f.sp_end].lower() not in PRONOUNS:
                    resolver.note(f.sp_start, mention.name, mention.type)
        cue = Span(text[f.cue[0]:f.cue[1]], *f.cue) if f and f.cue else None
        kind = c.kind
        if f is not None and f.rule == "split" and quotes and quotes[-1].group == groups[i]:
            first = quotes[-1]
            if first.kind == "partial" and first.text[:1].isupper() and _opens_sentence(doc, first.start):
                quotes[-1] = replace(first, kind="direct")
            kind = quotes[-1].kind
        quotes.append(Quote(f"q{len(quotes) + 1}", text[c.start:c.end], c.start, c.end, kind, groups[i],
                            mention, cue, f.confidence if f else 0.5, f.rule if f else "quote.unattributed"))
    quotes.extend(_nested_quotes(doc, nested, quotes, resolver))
    quotes.sort(key=lambda q: q.start)
    return _renumber_groups(quotes)


def _opens_sentence(doc: TextDoc, start: int) -> bool:
    ss = doc.sentences[doc.sentence_index(start)][0]
    return not doc.text[ss:start].strip(" \"“‘'«„`")


def _nested_quotes(doc: TextDoc, nested: list[Candidate], outer: list[Quote], resolver: Resolver) -> list[Quote]:
    """“As the minister told me, ‘we will not back down’,” Smith said: the inner words are the minister's.

    A quotation inside another is reported only when the outer quotation attributes it with a cue."""
    out: list[Quote] = []
    text = doc.text
    for c in nested:
        host = next((q for q in outer if q.start <= c.pair.open and c.pair.outer_end <= q.end), None)
        if host is None:
            continue
        m = None
        for m in _CUE.finditer(text, max(host.start, c.pair.open - 120), c.pair.open, timeout=TIMEOUT):
            pass
        if m is None or len(text[m.end():c.pair.open].strip(" ,:")) > 40:
            continue
        np = _subject_before(text, host.start, m.start())
        if not np:
            continue
        f = Found(np[0], np[1], np[2], m.span(), "nested.speaker_cue", 0.75)
        mention = _mention(text, resolver, f)
        out.append(Quote("q0", text[c.start:c.end], c.start, c.end, "direct" if c.words >= 3 else "partial",
                         None, mention, Span(text[m.start():m.end()], *m.span()), f.confidence, f.rule))
    return out


def _is_quotation(c: Candidate, f: Found | None) -> bool:
    if c.not_speech and (f is None or f.rule not in ("after.cue_speaker", "after.speaker_cue")):
        return False
    if c.title_case and c.words <= 8 and (f is None or f.rule.startswith(("continuation", "split"))):
        return False
    if c.kind == "partial" and f is None:
        return False
    if c.kind == "partial" and c.words <= 1 and f is not None and f.rule == "continuation":
        return False
    return True


def _local(doc: TextDoc, cands: list[Candidate], i: int) -> Found | None:
    """Attribution from the words around this candidate, in its own sentence."""
    text = doc.text
    c = cands[i]
    ps, pe = doc.paragraphs[c.para]
    # the stretch after the closing mark, up to the next quotation in the paragraph
    a_start = c.pair.outer_end
    a_end = pe
    if i + 1 < len(cands) and cands[i + 1].para == c.para:
        a_end = min(a_end, cands[i + 1].pair.open)
    m = _LABEL.match(text, c.start, c.end)
    if m:
        return Found(m.start("sp"), m.end("sp"), None, (m.end("sp"), m.end("sp") + 1), "inner.transcript_label", 0.8)
    f = _after(text, a_start, a_end) or _passive_by(text, doc, c, a_end)
    if f:
        return f
    if not text[a_start:pe].strip(" .") and c.para + 1 < len(doc.paragraphs):
        ns, ne = doc.paragraphs[c.para + 1]
        m = _AFTER_DASH.match(text, ns, ne, timeout=TIMEOUT)
        if m and not text[m.end():ne].strip(" .,"):
            sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role"))
            return Found(sp_s, sp_e, role, m.span("cue"), "after.dash", 0.85)
    # the stretch before the opening mark, back to the previous quotation or the sentence start
    b_end = c.pair.open
    b_start = max(ps, b_end - 300)
    if i > 0 and cands[i - 1].para == c.para:
        b_start = max(b_start, cands[i - 1].pair.outer_end)
    f = _before(doc, b_start, b_end, c)
    if f:
        return f
    if i + 1 >= len(cands) or cands[i + 1].pair.open > doc.sentences[doc.sentence_index(c.pair.outer_end - 1)][1]:
        f = _sentence_end(doc, c)
        if f:
            return f
    return _subject_fallback(doc, c, b_start, b_end)


def _subject_fallback(doc: TextDoc, c: Candidate, b_start: int, b_end: int) -> Found | None:
    """The sentence's subject, when the quotation is led in by a colon or a participle cue (“…, saying”),
    or is a partial quotation in a sentence with a reporting verb."""
    text = doc.text
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    if ss >= b_end:
        return None
    lead = text[ss:b_end].rstrip()
    participle = _PARTICIPLE.search(lead, timeout=TIMEOUT)
    colon = lead.endswith(":")
    cued = bool(_CUE.search(text, ss, b_end, timeout=TIMEOUT))
    if not (participle or colon or c.kind == "partial" or cued):
        return None
    got = _sentence_subject(text, ss, b_end)
    if not got:
        return None
    if c.kind == "partial" and not (participle or colon or cued):
        # no reporting verb: only a named or pronoun subject makes the fragment someone's words
        subj = text[got[0]:got[1]]
        if c.words < 2 or not (subj[:1].isupper() or subj.lower() in PRONOUNS) or subj.split()[0] in ("The", "A", "An") \
                or subj.lower() in ("it", "they", "we") or subj.isupper():
            return None
    rule = "lead_in.subject" if colon else "before.participle" if participle else "sentence.subject"
    return Found(got[0], got[1], got[2], None, rule, 0.7 if colon or participle else 0.55)


_PARTICIPLE = regex.compile(r",\s+(?:\L<ing>)(?:\s+[^,.;:!?\"“”]{1,30}?)?(?:\s+that)?[,:]?\s*$",
                            ing=[c for c in CUES if c.endswith("ing")])
_LEAD_ADV = frozenset("""in at on during after before following despite speaking asked meanwhile however but and yet
    still instead earlier later last this then so also since when while as under over for from with without amid
    like unlike even now today yesterday separately elsewhere overall according thus moreover furthermore
    additionally indeed instead nevertheless nonetheless besides likewise similarly monday tuesday wednesday
    thursday friday saturday sunday""".split())
_VERBISH = frozenset("""has had have was were is are will would could can may might should said says told also
    did does do had been""".split())


def _sentence_subject(text: str, ss: int, limit: int) -> tuple[int, int, str | None] | None:
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, ss, min(limit, ss + 400))]
    i = 0
    if toks and toks[0][2].strip(",—-–(").isupper() and len(toks[0][2].strip(",—-–(")) > 2:
        # a dateline: "LONDON —", "JACKSON, Miss. (AP) —": the sentence starts after its dash
        for k, t in enumerate(toks[:8]):
            if t[2] in ("—", "-", "–", "--") or t[2].endswith(("—", "--")):
                toks = toks[k + 1:]
                break
    first = toks[0][2].strip(",").lower() if toks else ""
    if toks and (first in _LEAD_ADV or (first.endswith(("ed", "ing")) and len(first) > 4 and "-" not in first)
                 or (first.endswith("ly") and toks[0][2].endswith(","))):
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
    if _name_word(w.rstrip(",;:")) and w.rstrip(",;:") not in _NOT_NAME and w[:1].isupper():
        # a leading name is the subject: "Trump and his aides have …", "Dean, a former chairman, …"
        j = i
        while j + 1 < len(toks) and not toks[j][2].endswith((",", ";", ":")) and _name_word(toks[j + 1][2].rstrip(",;:")) \
                and toks[j + 1][2][:1].isupper():
            j += 1
        nxt = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
        if toks[j][2].endswith(",") or nxt in _VERBISH or nxt in ("and", "who") or _CUE.fullmatch(nxt) \
                or nxt.endswith(("ed", "ly", "s")):
            end = toks[j][0] + len(toks[j][2].rstrip(",;:"))
            return toks[i][0], end, None
    j = i
    while j < len(toks) and j - i < 10:
        t = toks[j][2]
        low = t.lower().strip(",.;:")
        if j > i and (low in _VERBISH or (t[:1].islower() and (low.endswith("ed") or low.endswith("ly")))
                      or _CUE.fullmatch(low)):
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
    if k < len(np_toks) and k > 0 and np_toks[0][2].lower() not in _DETS:
        role = text[np_toks[0][0]:np_toks[k - 1][1]].rstrip(",")
        return np_toks[k][0], end, role
    if k == len(np_toks):  # no capitalised word: a common noun phrase must name a source
        words = [t[2].lower().strip(",.;:") for t in np_toks]
        if not _source_head(words):
            return None
    if np_toks[0][2].strip(",.;:") in _NOT_NAME and np_toks[0][2].strip(",.;:") not in ("The",):
        return None
    return start, end, None


def _after(text: str, s: int, e: int) -> Found | None:
    seg_end = min(e, s + 250)
    # “… the end.” He told …: a full stop inside the marks ends the sentence, so a capitalised subject
    # after it starts a new one (“…?” Vitter demanded. still attributes)
    j = s - 1
    while j > 0 and text[j] in "\"'”’»`":
        j -= 1
    if text[j] == "." and _NEW_SENTENCE.match(text, s, seg_end):
        return None
    m = _AFTER_CUE_SP.match(text, s, seg_end, timeout=TIMEOUT)
    if m and m.group("sp")[:1].isupper() and _NAME_THEN_STOP.match(text, m.end("sp"), seg_end) \
            and _plausible(text, m.start("sp"), m.end("sp")):
        sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role"))
        return Found(sp_s, sp_e, role, m.span("cue"), "after.cue_speaker", 0.95)
    m = _AFTER_CUE_ROLE_COMMA_NAME.match(text, s, seg_end, timeout=TIMEOUT)
    if m:
        sp_s, sp_e, _ = _trim_speaker(text, m.start("sp"), m.end("sp"), None)
        return Found(sp_s, sp_e, m.group("pre").strip(), m.span("cue"), "after.cue_speaker", 0.95)
    m = _AFTER_CUE_ROLE_NAME.match(text, s, seg_end, timeout=TIMEOUT)
    if m and any(w[:1].islower() for w in m.group("pre").split()) and \
            m.group("pre").split()[0].lower() not in _DETS and _plausible(text, m.start("sp"), m.end("sp")):
        pre = m.group("pre").strip()
        role = pre if not m.group("role") else f"{pre}, {m.group('role').strip()}"
        sp_s, sp_e, _ = _trim_speaker(text, m.start("sp"), m.end("sp"), None)
        return Found(sp_s, sp_e, role, m.span("cue"), "after.cue_speaker", 0.95)
    for rx, rule, conf in ((_AFTER_CUE_SP, "after.cue_speaker", 0.95), (_AFTER_SP_CUE, "after.speaker_cue", 0.95),
                           (_AFTER_DASH, "after.dash", 0.85)):
        m = rx.match(text, s, seg_end, timeout=TIMEOUT)
        if m and _plausible(text, m.start("sp"), m.end("sp")):
            sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role") if "role" in rx.groupindex else None)
            return Found(sp_s, sp_e, role, m.span("cue"), rule, conf)
    # “…,” he surmised. / “…,” the email read. / “…,” remembered Roy Verley: a quotation that ends with a
    # comma (or ? !) inside its marks is followed by its attribution, whatever the verb
    if text[j] in ",?!—–" and text[s:s + 1] in (" ", "\u00a0"):
        for rx, rule in ((_AFTER_SP_ANYVERB, "after.speaker_verb"), (_AFTER_ANYVERB_SP, "after.verb_speaker")):
            m = rx.match(text, s, seg_end, timeout=TIMEOUT)
            if m and _plausible(text, m.start("sp"), m.end("sp")) and m.group("cue") not in _NOT_SPEECH_VERBS:
                sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), None)
                return Found(sp_s, sp_e, role, m.span("cue"), rule, 0.75)
    return None


def _sentence_end(doc: TextDoc, c: Candidate) -> Found | None:
    """“…” on the issue until now, the Tory source said. — an attribution closing the sentence."""
    text = doc.text
    ss, se = doc.sentences[doc.sentence_index(c.pair.outer_end - 1)]
    if se <= c.pair.outer_end:
        return None
    m = _SENT_FINAL.search(text, c.pair.outer_end, se, timeout=TIMEOUT)
    if not m or _MARK_IN.search(text, m.start(), se):
        return None
    if not _plausible(text, m.start("sp"), m.end("sp")):
        return None
    sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(sp_s, sp_e, role, m.span("cue"), "after.sentence_end", 0.8)


def _passive_by(text: str, doc: TextDoc, c: Candidate, a_end: int) -> Found | None:
    """Buhecha was called “…” by the sentencing judge."""
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    if not _PASSIVE.search(text, max(ss, c.pair.open - 60), c.pair.open, timeout=TIMEOUT):
        return None
    m = _BY_AGENT.match(text, c.pair.outer_end, a_end, timeout=TIMEOUT)
    if not m:
        return None
    sp_s, sp_e, role = _trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(sp_s, sp_e, role, None, "after.passive_by", 0.8)


def _before(doc: TextDoc, s: int, e: int, c: Candidate) -> Found | None:
    text = doc.text
    # stay within the sentence holding the opening mark
    sent = doc.sentences[doc.sentence_index(c.pair.open)]
    s = max(s, sent[0])
    if s >= e:
        return None
    cues = list(_CUE.finditer(text, s, e, timeout=TIMEOUT))
    for m in reversed(cues):
        gap = text[m.end():e]
        if len(gap) > 90 or _SENT_BREAK.search(gap):
            continue
        cue_words = m.group().lower()
        if cue_words.startswith("according"):
            sp = _ACCORDING_SP.match(text, m.end(), e, timeout=TIMEOUT)
            if sp:
                a, b, role = _trim_speaker(text, sp.start("sp"), sp.end("sp"), None)
                return Found(a, b, role, m.span(), "before.according_to", 0.9)
            continue
        if cue_words in _NOUN_CUES:
            got = _possessive_before(text, s, m.start())
            if got:
                return Found(got[0], got[1], None, m.span(), "before.possessive", 0.8)
            if cue_words not in ("call", "calls", "claim", "claims", "promise", "pledge", "warning", "vow"):
                continue
        if cue_words.endswith("ing"):
            # "issued a statement calling the test “…”": the participle's subject is the sentence's
            got = _sentence_subject(text, doc.sentences[doc.sentence_index(m.start())][0], m.start())
            if got:
                return Found(got[0], got[1], got[2], m.span(), "before.participle", 0.7)
        np = _subject_before(text, s, m.start())
        if np and text[np[0]:np[1]].split()[0].lower() in _DETS and _PREP_BEFORE.search(text, max(s, np[0] - 12), np[0]):
            # "Protesters marching through the streets chanted": the phrase is a preposition's object
            got = _sentence_subject(text, doc.sentences[doc.sentence_index(m.start())][0], m.start())
            np = got if got and got[0] < np[0] else None
        if np and cue_words in _NOUNABLE and text[np[0]:np[1]].split()[0].lower() in _DETS:
            np = None  # "a controversial comment": the cue is a noun here
        if np:
            conf = 0.9 if gap.strip() in ("", ":", ",", "that") else 0.8
            return Found(np[0], np[1], np[2], m.span(), "before.speaker_cue", conf)
        # inverted before the quote: said Zhao Xijun: “…”
        inv = _AFTER_CUE_SP.match(text, m.start(), e, timeout=TIMEOUT)
        if inv and inv.group("sp")[:1].isupper() and not text[inv.end():e].strip(" ,:") and \
                _plausible(text, inv.start("sp"), inv.end("sp")):
            a, b, role = _trim_speaker(text, inv.start("sp"), inv.end("sp"), inv.group("role"))
            return Found(a, b, role, m.span(), "before.cue_speaker", 0.85)
    return None


def _possessive_before(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """President Xi Jinping’s call …: the name whose possessive stands right before a noun cue."""
    base = max(lo, cue_start - 120)
    m = _POSSESSIVE.search(text[base:cue_start], timeout=TIMEOUT)
    if not m:
        return None
    a, b, _ = _trim_speaker(text, base + m.start("sp"), base + m.end("sp"), None)
    return (a, b) if b > a else None


def _subject_before(text: str, lo: int, cue_start: int) -> tuple[int, int, str | None] | None:
    """The noun phrase right before a cue verb: pronoun, name (with a role before it), or source noun."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, max(lo, cue_start - 220), cue_start)]
    if not toks:
        return None
    # adverbs and auxiliaries between subject and verb: "has also said", "later told"
    j = len(toks) - 1
    while j >= 0 and _ADV_RE.fullmatch(toks[j][2]) and not toks[j][2][0].isupper():
        j -= 1
    if j < 0:
        return None
    role = None
    # relative clause: "Zoomcar, which calls its drivers “partners”" / "Smith, who called it …"
    if toks[j][2] in ("which", "who", "that") and j > 0 and toks[j - 1][2].endswith(","):
        return _np_ending_at(text, toks, j - 1, strip_comma=True)
    # appositive: "Hugh Hill, a doctor, said" / "Sir Vince Cable, who replaced …, said"
    if toks[j][2].endswith(",") and j > 0:
        k = j - 1
        while k >= 0 and not toks[k][2].endswith(",") and j - k < 25:
            k -= 1
        first = toks[k + 1][2] if k + 1 <= j else ""
        role_like = first.lower() in _DETS | {"who", "whose"} or first in TITLES or (
            first[:1].islower() and first.lower() not in PRONOUNS)
        seg = toks[k + 1:j + 1]
        if k >= 0 and seg and all(_name_word(t[2].rstrip(",")) for t in seg) and len(seg) <= 5 \
                and seg[0][2] not in _NOT_NAME:
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
        while k - 1 >= 0 and _name_word(toks[k - 1][2]):
            k -= 1
        while k >= 2 and toks[k - 1][2] in ("of", "for", "&", "and") and toks[k - 2][2][:1].isupper() and \
                any(t[2].strip(",.") in ORG_WORDS for t in toks[max(0, k - 4):j + 1]):
            k -= 2
            while k - 1 >= 0 and _name_word(toks[k - 1][2]):
                k -= 1
        while k <= j and toks[k][2].strip(",.;:") in _NOT_NAME:
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
        if word in _DETS:
            break
        if word in _FUNCTION and word not in ("with", "of", "at", "in", "for", "from", "close", "to"):
            k += 1
            break
        k -= 1
    k = max(0, min(k, j))
    words = [t[2].lower().strip(",.") for t in toks[k:j + 1]]
    if not words:
        return None
    det_phrase = (words[0] in _DETS and len(words) <= 5 and words[-1].isalpha() and words[-1] not in _FUNCTION
                  and not words[-1].endswith(("ing", "ed")) and all(t[2][:1].islower() or t[2][:1].isdigit()
                                                                    for t in toks[k + 1:j + 1]))
    if not (_source_head(words) or det_phrase):
        return None
    if toks[k][2].lower().strip(",") in _FUNCTION and toks[k][2].lower() not in _DETS:
        return None
    return toks[k][0], e, None


def _source_head(words: list[str]) -> bool:
    from .names import SOURCE_NOUNS, _head_noun
    content = [w for w in words if w not in _DETS]
    if not content:
        return False
    head = _head_noun(words)
    base = head[:-1] if head.endswith("s") else head
    return (head in SOURCE_NOUNS or base in SOURCE_NOUNS or base.endswith(_ROLE_SUFFIX)
            or head in ("police", "people", "authorities", "staff"))


def _name_word(w: str) -> bool:
    w = w.rstrip(",")
    if not w or w != w.strip(".,;:") and not _INITIALS_OR_TITLE.fullmatch(w):
        return w[:1].isupper() and w.endswith(".") and len(w) <= 5 and "," not in w
    return w[0].isupper() or w in ("de", "van", "von", "bin", "al", "da", "der", "le", "la", "di", "du")


def _role_before(text: str, toks: list[tuple[int, int, str]], k: int) -> str | None:
    """Lower-case role words right before a name: "economist John Smith", "the BPI's director David Martin"."""
    i = k
    while i - 1 >= 0 and k - i < 6:
        w = toks[i - 1][2]
        low = w.lower()
        if w.endswith((",", ".", ":", ";", "”", '"')) or low in _FUNCTION - _DETS:
            break
        i -= 1
        if low in _DETS:
            break
    if i == k:
        return None
    return text[toks[i][0]:toks[k - 1][1]]


def _plausible(text: str, s: int, e: int) -> bool:
    w = text[s:e].strip()
    if not w:
        return False
    first = w.split()[0]
    if first in _NOT_NAME and w.lower() not in PRONOUNS and first not in ("The",):
        return False
    if w[0].islower() and w.lower() not in PRONOUNS:
        if w.split()[-1][:1].isupper():  # "union leader Sam Ruiz"
            return True
        words = w.lower().split()
        return words[0] in _DETS or _source_head(words)
    return True


def _trim_speaker(text: str, s: int, e: int, role: str | None) -> tuple[int, int, str | None]:
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
    if " " in words and words.split()[-1][:1].isupper() and words.lower().split()[0] not in _DETS:
        pre, _ = split_role(words)
        if pre and pre.split()[0] not in TITLES_SET:
            s += len(pre) + 1
            role = pre if role is None else f"{pre}, {role}"
    if role:
        role = role.strip(" ,")
        if role.lower().startswith(("who ", "whose ")) and len(role) > 120:
            role = role[:120].rsplit(" ", 1)[0]
    return s, e, role or None


_ROLE_WORDS = frozenset({"CEO", "Chairman", "Chief", "Director", "Minister", "Secretary", "Spokesman",
                         "Spokeswoman", "Executive", "Economist", "Analyst", "Officer", "Manager", "Leader",
                         "Chair", "Founder", "Head", "Coach", "Captain", "Correspondent", "Editor"})


def _mention(text: str, resolver: Resolver, f: Found) -> Mention | None:
    words = text[f.sp_start:f.sp_end]
    if not words or words == "I":  # the reporter's own "I asked" attributes nothing
        return None
    low = words.lower()
    if low in PRONOUNS:
        return resolver.mention(f.sp_start, f.sp_end, f.role)
    if words in PLACES or words.lstrip("The ").strip() in PLACES:
        return Mention(words, words, f.sp_start, f.sp_end, f.role, "organization")
    m = resolver.mention(f.sp_start, f.sp_end, f.role)
    return m


def _carry(doc: TextDoc, cands: list[Candidate], found: list[Found | None]) -> None:
    """Split quotations, colon lead-ins and continuation paragraphs take the speaker they continue."""
    text = doc.text
    for i, c in enumerate(cands):
        if found[i] is not None:
            continue
        # colon lead-in in the previous paragraph: "In a statement, the company said:¶“…”"
        ps = doc.paragraphs[c.para][0]
        if c.pair.open == ps and c.para > 0:
            pps, ppe = doc.paragraphs[c.para - 1]
            if text[ppe - 1] == ":" and (i == 0 or cands[i - 1].pair.outer_end <= pps or True):
                sent = doc.sentences[doc.sentence_index(ppe - 1)]
                lead = _lead_in(doc, sent[0], ppe - 1)
                if lead:
                    found[i] = lead
                    continue
        if c.pair.open == ps and c.para > 0 and (i == 0 or cands[i - 1].para < c.para - 1 or found[i - 1] is None
                                                  or found[i - 1].sp_start < doc.paragraphs[c.para - 1][0]):
            # a floating quotation after a paragraph of reported speech: “But Omar Diaz … said …¶“I will …”
            pps, ppe = doc.paragraphs[c.para - 1]
            if i == 0 or cands[i - 1].pair.outer_end <= pps:
                sent = doc.sentences[doc.sentence_index(ppe - 1)]
                lead = _lead_in(doc, sent[0], ppe)
                if lead and lead.cue is not None:
                    found[i] = Found(lead.sp_start, lead.sp_end, lead.role, None, "continuation.indirect", 0.6)
                    continue
        if i == 0:
            continue
        p = cands[i - 1]
        prev = found[i - 1]
        if prev is None:
            continue
        if p.para == c.para:
            between = text[p.pair.outer_end:c.pair.open]
            ends_sentence = bool(_ENDS.search(between))
            if _only_attribution(between, prev, p.pair.outer_end) and not ends_sentence:
                # “First,” she said, “second.”
                found[i] = Found(prev.sp_start, prev.sp_end, prev.role, prev.cue, "split", 0.9)
            elif len(between) < 400:
                # “A,” Smith said. “B.”  — or a short sentence of the writer's between two of Smith's
                conf = 0.8 if _only_attribution(between, prev, p.pair.outer_end) or not between.strip() else 0.6
                found[i] = Found(prev.sp_start, prev.sp_end, prev.role, None, "continuation", conf)
            continue
        if c.para - p.para == 1 and c.pair.open == ps:
            pend = doc.paragraphs[p.para][1]
            tail = text[p.pair.outer_end:pend]
            if p.pair.continues or len(tail) < 200:
                found[i] = Found(prev.sp_start, prev.sp_end, prev.role, None, "continuation", 0.75)


def _only_attribution(between: str, prev: Found, start: int) -> bool:
    """Does the previous quotation's attribution stand between it and this one?"""
    return start <= prev.sp_start < start + len(between)


def _lead_in(doc: TextDoc, s: int, colon: int) -> Found | None:
    text = doc.text
    cues = list(_CUE.finditer(text, s, colon, timeout=TIMEOUT))
    for m in reversed(cues):
        np = _subject_before(text, s, m.start())
        if np:
            return Found(np[0], np[1], np[2], m.span(), "lead_in.colon", 0.85)
        inv = _AFTER_CUE_SP.match(text, m.start(), colon, timeout=TIMEOUT)
        if inv and _plausible(text, inv.start("sp"), inv.end("sp")):
            a, b, role = _trim_speaker(text, inv.start("sp"), inv.end("sp"), None)
            return Found(a, b, role, m.span(), "lead_in.colon", 0.85)
    got = _sentence_subject(text, s, colon)
    if got and (text[got[0]:got[1]].lower() in PRONOUNS or text[got[0]].isupper()) and \
            text[got[0]:got[1]].split()[0] not in ("The", "A", "An", "This", "That"):
        return Found(got[0], got[1], got[2], None, "lead_in.subject", 0.6)
    # verbless: "Hugh Hill, a doctor:" or "• X, title:"
    m = _VERBLESS.search(text[s:colon], timeout=TIMEOUT)
    if m and name_type(m.group("sp")) == "person" and m.group("sp").split()[0] not in _NOT_NAME:
        return Found(s + m.start("sp"), s + m.end("sp"), m.group("role"), (colon, colon + 1), "lead_in.colon", 0.7)
    return None


def _groups(doc: TextDoc, cands: list[Candidate], found: list[Found | None]) -> list[int | None]:
    """Pieces of one quotation share a group: paragraph continuations and quotations split by a cue."""
    groups: list[int | None] = [None] * len(cands)
    gid = 0
    for i, c in enumerate(cands):
        if i > 0:
            p = cands[i - 1]
            same = p.pair.continues and c.para >= p.para
            if not same and found[i] is not None and found[i].rule == "split":
                same = True
            prev = found[i - 1]
            if not same and found[i] is not None and prev is not None and found[i].sp_start == prev.sp_start \
                    and p.para == c.para and p.pair.outer_end <= prev.sp_start < c.pair.open \
                    and not _ENDS.search(doc.text, p.pair.outer_end, c.pair.open):
                f = found[i]
                found[i] = Found(f.sp_start, f.sp_end, f.role, f.cue, "split", f.confidence)
                same = True
            if same and groups[i - 1] is not None:
                groups[i] = groups[i - 1]
                continue
        gid += 1
        groups[i] = gid
    # a continued quotation whose attribution comes in a later piece: share it
    by_group: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_group[g].append(i)
    for members in by_group.values():
        firsts = [found[i] for i in members if found[i] is not None]
        if firsts:
            for i in members:
                if found[i] is None:
                    f = firsts[0]
                    found[i] = Found(f.sp_start, f.sp_end, f.role, f.cue, "group", 0.8)
    return groups


def _renumber_groups(quotes: list[Quote]) -> list[Quote]:
    from dataclasses import replace
    mapping: dict[int, int] = {}
    out = []
    for n, q in enumerate(quotes, 1):
        g = q.group
        if g is not None:
            g = mapping.setdefault(g, len(mapping) + 1)
        elif q.rule.startswith("nested"):
            g = mapping.setdefault(-n, len(mapping) + 1)
        qid = f"q{n}"
        out.append(replace(q, group=g, id=qid) if (g, qid) != (q.group, q.id) else q)
    return out


def summarise(quotes: list[Quote] | tuple[Quote, ...], claims: list[Claim] | tuple[Claim, ...]) -> list[Speaker]:
    """The speakers table: one row per canonical name, in order of first appearance."""
    rows: dict[str, dict] = {}
    for kind, items in (("quotes", quotes), ("claims", claims)):
        for it in items:
            m = it.speaker if kind == "quotes" else it.holder
            if m is None or not m.name:
                continue
            row = rows.setdefault(m.name, {"type": m.type, "roles": [], "quotes": 0, "claims": 0})
            if m.role and m.role not in row["roles"]:
                row["roles"].append(m.role)
            row[kind] += 1
    return [Speaker(name, r["type"], tuple(r["roles"]), r["quotes"], r["claims"]) for name, r in rows.items()]
