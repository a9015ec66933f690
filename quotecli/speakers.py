"""Who said it: every quotation's speaker, from the rules in ``attribution.py`` plus what carries over
between quotations (split quotations, continuation paragraphs, alternating speakers, colon lead-ins in
the previous paragraph), nested quotations, and the speakers table.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace

import regex

from .attribution import NOUNABLE_CUES, Found, lead_in, local_attribution, nested_before, passive_cue
from .lexicons import load
from .models import Claim, Mention, Quote, Span, Speaker
from .names import _HONORIFICS, PRONOUNS, Resolver, name_type
from .phrases import PREP_BEFORE, person_head, role_before_name, sentence_subject, subject_before
from .quotes import Candidate, coordinated
from .text import TextDoc

__all__ = ["Resolver", "attribute", "summarise"]

_RELATIVE = regex.compile(r"(?<![\p{L}])(?:who|whose|which|whom|where)(?![\p{L}])")

PLACES = frozenset(load("place_names"))

_ENDS = regex.compile(r"[.!?…]")
_NICKNAME = regex.compile(r"""(?<=\p{Lu}\p{Ll}+)[ ]["“]\p{Lu}[^"“”\n,]{0,25}["”](?=[ ]\p{Lu})""")

def attribute(doc: TextDoc, cands: list[Candidate], resolver: Resolver) -> list[Quote]:
    """Attribute every candidate, drop those that are not quotations, and number the rest."""
    text = doc.text
    nested = [c for c in cands if c.nested]
    cands = [c for c in cands if not c.nested]
    found: list[Found | None] = [None] * len(cands)
    for i, c in enumerate(cands):
        found[i] = local_attribution(doc, cands, i)
    _coordinate(doc, cands, found)
    _carry(doc, cands, found, resolver)
    _after_subject(doc, cands, found)
    groups = _groups(doc, cands, found)
    quotes: list[Quote] = []
    mentions: dict[tuple, Mention | None] = {}
    unsaid: list[Candidate] = []  # fragments no one is said to have said (a headline's may be said in the body)
    for i, c in enumerate(cands):
        f = found[i]
        if not _is_quotation(c, f):
            if f is None and c.para <= 2 and not (c.title or c.not_speech or c.title_case or c.nested):
                unsaid.append(c)
            continue
        mention = None
        if f is not None:
            key = (f.sp_start, f.mention)
            if key in mentions:
                mention = mentions[key]
            else:
                mention = _mention(text, resolver, f)
                said = quotes[-1].speaker if quotes else None
                if mention is not None and said is not None and said.name and f.cue and \
                        mention.mention.lower() in ("he", "she") and said.mention.lower() == mention.mention.lower() \
                        and c.para - doc.paragraph_index(said.start) <= 1 and \
                        _GOES_ON_CUE.fullmatch(text, f.cue[0], f.cue[1]):
                    # “…,” he said. …¶“…,” he added: the same man goes on (not a name between the two)
                    mention = replace(mention, name=said.name, type=said.type, role=said.role)
                mentions[key] = mention
                if mention is not None and mention.name and text[f.sp_start:f.sp_end].lower() not in PRONOUNS:
                    resolver.note(f.sp_start, mention.name, mention.type, role=mention.role)
        cue = Span(text[f.cue[0]:f.cue[1]], *f.cue) if f and f.cue else None
        kind = c.kind
        if kind == "partial" and f is not None and f.rule.startswith("after.") and text[c.start].isupper() \
                and _opens_sentence(doc, c.start):
            kind = "direct"  # “We will win” he said.
        if f is not None and f.rule == "split" and quotes and quotes[-1].group == groups[i]:
            first = quotes[-1]
            if first.kind == "partial" and first.text[:1].isupper() and _opens_sentence(doc, first.start):
                quotes[-1] = replace(first, kind="direct")
            kind = quotes[-1].kind
        quotes.append(Quote(f"q{len(quotes) + 1}", text[c.start:c.end], c.start, c.end, kind, groups[i],
                            mention, cue, f.confidence if f else 0.5, f.rule if f else "quote.unattributed"))
    quotes.extend(_nested_quotes(doc, nested, quotes, resolver))
    quotes.sort(key=lambda q: q.start)
    _headline_speakers(doc, quotes, resolver, unsaid)
    return _renumber_groups(quotes)


_GOES_ON_CUE = regex.compile(r"(?:also\s+)?(?:added|adds|continued|continues|went\s+on|goes\s+on)")
_WORDS_ONLY = regex.compile(r"[^\p{L}\p{N}]+")
# "‘I still get nervous before every show’: Priya Sandhu on fame and failure": the interviewee, then her topic
_NAME_ON = regex.compile(r"\s*:\s*(?P<sp>\p{Lu}[\p{L}\-’']+(?:\s+\p{Lu}[\p{L}\-’']+){1,2})\s+on\s")


def _headline_speakers(doc: TextDoc, quotes: list[Quote], resolver: Resolver, unsaid: list[Candidate]) -> None:
    """A quotation in the headline or standfirst whose words the article quotes again takes the speaker of the
    body's quotation ("'We lost everything', says baker" … Tom Pemberton: "We lost everything …"), and so does a
    fragment there that nothing else attributes when the body quotes the same words ("Trust apologises over
    'unacceptable' wait" … said the wait had been "unacceptable"); a headline "‘…’: Priya Sandhu on fame" is the
    named interviewee's."""
    text = doc.text
    end = 0
    for ps, pe in doc.paragraphs[:3]:
        if text[ps:pe].rstrip("\"'”’)")[-1:] in (".", "!", "?", "…") and len(text[ps:pe].split()) > 6:
            break  # the first sentence of the body (a headline, standfirst or furniture has no final stop)
        end = pe
    heads = [i for i, q in enumerate(quotes) if q.end <= end]
    unsaid = [c for c in unsaid if c.end <= end]
    if not heads and not unsaid:
        return
    body = [(_WORDS_ONLY.sub(" ", q.text.lower()).strip(), q) for q in quotes
            if q.start >= end and q.speaker is not None and q.speaker.name]
    for c in unsaid:
        words = _WORDS_ONLY.sub(" ", text[c.start:c.end].lower()).strip()
        again = next((b for w, b in body if w == words), None)  # the same words, quoted again in the body
        if words and again is not None:
            # (a group of its own: a key no other quotation has, numbered with the rest in _renumber_groups)
            quotes.append(Quote("q0", text[c.start:c.end], c.start, c.end, c.kind, -1 - c.start, again.speaker, None,
                                0.6, "headline.repeated"))
    quotes.sort(key=lambda q: q.start)
    heads = [i for i, q in enumerate(quotes) if q.end <= end and q.rule != "headline.repeated"]
    for i in heads:
        q = quotes[i]
        words = _WORDS_ONLY.sub(" ", q.text.lower()).strip()
        if words.count(" ") >= 2 or words and q.rule == "sentence.subject":
            # (a short fragment only over the weakest attribution, and only the same words: "Seabird numbers ‘in
            # freefall’, survey finds" … Dr Lennie said numbers were "in freefall")
            again = next((b for w, b in body if f" {words} " in f" {w} "), None) if words.count(" ") >= 2 else \
                next((b for w, b in body if w == words), None)
            if again is not None:
                quotes[i] = replace(q, speaker=again.speaker, rule="headline.repeated", confidence=0.7)
                continue
        if q.speaker is None:
            on = _NAME_ON.match(text, q.end + 1, end)
            if on:
                mention = resolver.mention(on.start("sp"), on.end("sp"))
                if mention.type == "person":
                    quotes[i] = replace(q, speaker=mention, rule="headline.name_on", confidence=0.7)

def _opens_sentence(doc: TextDoc, start: int) -> bool:
    ss = doc.sentences[doc.sentence_index(start)][0]
    return not doc.text[ss:start].strip(" \"“‘'«„`")

def _nested_quotes(doc: TextDoc, nested: list[Candidate], outer: list[Quote], resolver: Resolver) -> list[Quote]:
    """“As the minister told me, ‘we will not back down’,” Smith said: the inner words are the minister's.

    A quotation inside another is reported only when the outer quotation attributes it with a cue."""
    out: list[Quote] = []
    text = doc.text
    starts = [q.start for q in outer]  # outer quotations are in text order
    for c in nested:
        k = bisect.bisect_right(starts, c.pair.open) - 1
        host = outer[k] if k >= 0 else None
        if host is None or not (host.start <= c.pair.open and c.pair.outer_end <= host.end):
            continue
        lo = max(host.start, c.pair.open - 120)
        f = next((f for f in (nested_before(doc, lo, c), _nested_verb_subject(doc, lo, c))
                  if f is not None and f.cue is not None and f.sp_start >= host.start and
                  len(text[f.cue[1]:c.pair.open].strip(" ,:")) <= 40), None)
        if f is None:
            continue
        m = f.cue
        f = replace(f, rule="nested.speaker_cue", confidence=min(f.confidence, 0.75))
        words = text[f.sp_start:f.sp_end].lower()
        if words in ("it", "they", "them") or words in ("i", "we") and host.speaker is None:
            continue  # inside a quotation "they" and "it" are the quoted speaker's own, not the article's
        mention = _mention(text, resolver, f)
        if mention is not None and mention.mention in ("I", "we", "We") and host.speaker is not None:
            # “… when I met him, I said ‘…’,” she joked: the speaker's own "I" inside her quotation is she
            mention = replace(host.speaker, mention=mention.mention, start=mention.start, end=mention.end, role=None)
        out.append(Quote("q0", text[c.start:c.end], c.start, c.end, "direct" if c.words >= 3 else "partial",
                         None, mention, Span(text[m[0]:m[1]], *m), f.confidence, f.rule))
    return out


_KEEP_BEFORE = regex.compile(r"(?<=\S)\s+(?:keep|keeps|kept)\s+\Z")  # "Parents keep telling us"
# between a nested cue's subject and the cue: auxiliaries and adverbs only ("is saying", "I'm going")
_AUX_BETWEEN = regex.compile(r"(?:\s+(?:is|are|was|were|'s|’s|'m|’m|'re|’re|just|keep|keeps|kept|\p{Ll}+ly))*\s*")


def _nested_verb_subject(doc: TextDoc, lo: int, c: Candidate) -> Found | None:
    """The nearest cue before a nested quotation, as a verb right after its subject, where the full rules found
    nothing: "people telling leaders, ‘…’", "the campaign is saying to families, ‘…’", "I'm going, ‘…’".
    Not a cue noun ("her immediate response has been, ‘…’") nor a passive cue ("was called a ‘friend’")."""
    text = doc.text
    m = None
    for m in doc.cues_in(lo, c.pair.open):
        pass
    if m is None or passive_cue(text, lo, m.start(), m.group()) or m.group().lower() in NOUNABLE_CUES:
        return None
    keep = _KEEP_BEFORE.search(text, lo, m.start())
    np = subject_before(text, lo, keep.start() if keep else m.start())
    if not np or PREP_BEFORE.search(text, max(lo, np[0] - 12), np[0]) or \
            not _AUX_BETWEEN.fullmatch(text, np[1], m.start()):
        return None
    return Found(np[0], np[1], np[2], m.span(), "nested.speaker_cue", 0.7)


def _is_quotation(c: Candidate, f: Found | None) -> bool:
    if c.title:
        return False
    if c.not_speech and (f is None or f.rule not in ("after.cue_speaker", "after.speaker_cue")):
        return False
    if c.title_case and c.words <= 8 and (f is None or f.rule.startswith(("continuation", "split"))):
        return False
    if f is None and (c.kind == "partial" or c.words <= 3):
        return False  # a short fragment is someone's words only when the text says whose
    if c.kind == "partial" and c.words <= 1 and f is not None and f.rule == "continuation":
        return False
    return True

_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _mention(text: str, resolver: Resolver, f: Found) -> Mention | None:
    words = text[f.sp_start:f.sp_end]
    if not words:
        return None
    if words == "I":  # the writer's own "I said": the mention, no name (the writer is not named in the text)
        return Mention(None, words, f.sp_start, f.sp_end, f.role, "person")
    low = words.lower()
    if low in PRONOUNS:
        return resolver.mention(f.sp_start, f.sp_end, f.role)
    if low in _OBJECT_PRONOUNS:  # "quoted her as saying": the object pronoun stands for its subject form
        name, kind = resolver.pronoun(_OBJECT_PRONOUNS[low], f.sp_start)
        return Mention(name, words, f.sp_start, f.sp_end, f.role, kind)
    if words in PLACES or words.removeprefix("The ").removeprefix("the ") in PLACES:
        return Mention(words, words, f.sp_start, f.sp_end, f.role, "organization")
    m = resolver.mention(f.sp_start, f.sp_end, f.role)
    if m.name and ('"' in m.name or "“" in m.name) and _NICKNAME.search(m.name):  # (its marks: a cheap gate)
        m = replace(m, name=_NICKNAME.sub("", m.name))  # Marcia "Cia" Price -> Marcia Price
    if f.mention is not None and m.name:
        # the words that attribute this quotation: "who" after its antecedent, or the clause's own pronoun
        # when it points at the same person
        a, b = f.mention
        words = text[a:b]
        if words.lower() in PRONOUNS and resolver.mention(a, b).name != m.name:
            return m
        return replace(m, mention=words, start=a, end=b)
    return m

def _coordinate(doc: TextDoc, cands: list[Candidate], found: list[Found | None]) -> None:
    """Fragments coordinated in one phrase (he called them “criminals” and “rapists”) are one speaker's: a
    fragment with no attribution of its own takes the one before it, else the one after it (“a” or “b,” he
    said). (Also replacing a fragment's own weaker attribution fixed as many speakers as it broke on PolNeAR.)"""
    links = [i for i in range(1, len(cands)) if cands[i].para == cands[i - 1].para and
             coordinated(doc.text, cands[i - 1].pair, cands[i].pair.open)]
    for i in links:
        f = found[i - 1]
        if f is not None and (found[i] is None or found[i].rule == "sentence.subject" and f.cue is not None):
            # (also over the sentence's subject: "African-Americans, he said, can “rock” and “stir the pot”")
            found[i] = replace(f, rule="coordinated")
    for i in reversed(links):
        f = found[i]
        if found[i - 1] is None and f is not None:
            found[i - 1] = replace(f, rule="coordinated")

def _carry(doc: TextDoc, cands: list[Candidate], found: list[Found | None], resolver: Resolver) -> None:
    """Split quotations, colon lead-ins and continuation paragraphs take the speaker they continue."""
    text = doc.text
    for i, c in enumerate(cands):
        if found[i] is not None:
            continue
        ps = doc.paragraphs[c.para][0]
        if c.pair.open == ps and c.para > 0:
            pps, ppe = doc.paragraphs[c.para - 1]
            sent = doc.sentences[doc.sentence_index(ppe - 1)]
            if text[ppe - 1] == ":":
                # colon lead-in in the previous paragraph: "In a statement, the company said:¶“…”"
                lead = lead_in(doc, sent[0], ppe - 1)
                if lead:
                    found[i] = lead
                    continue
            elif i == 0 or cands[i - 1].pair.outer_end <= pps:
                # a floating quotation after a paragraph of reported speech: “But Omar Diaz … said …¶“I will …”
                lead = lead_in(doc, sent[0], ppe)
                subj = sentence_subject(text, sent[0], ppe)
                # only when the reporting verb's subject is the sentence's own named or pronoun subject
                if lead and lead.cue is not None and _reporter(text, lead, subj, ppe) and \
                        (text[lead.sp_start].isupper() or text[lead.sp_start:lead.sp_end].lower() in PRONOUNS):
                    found[i] = Found(lead.sp_start, lead.sp_end, lead.role, None, "continuation.indirect", 0.6, lead.mention)
                    continue
        if c.pair.open > ps and _opens_sentence(doc, c.pair.open):
            # “Dianne Bystrom agreed. “Mainstream Republicans …”: a quotation opening a sentence after a sentence of
            # reported speech (with no quotation of its own) in the same paragraph
            si = doc.sentence_index(c.pair.open)
            pss, pse = doc.sentences[si - 1] if si > 0 else (ps - 1, ps - 1)
            if pss >= ps and (i == 0 or cands[i - 1].pair.outer_end <= pss):
                lead = lead_in(doc, pss, pse)
                subj = sentence_subject(text, pss, pse)
                if lead and lead.cue is not None and (_reporter(text, lead, subj, pse) or lead.sp_start == pss) and \
                        (text[lead.sp_start].isupper() or text[lead.sp_start:lead.sp_end].lower() in PRONOUNS):
                    # (the cue's subject opening the sentence: "Her husband replied. “…”")
                    found[i] = Found(lead.sp_start, lead.sp_end, lead.role, None, "continuation.indirect", 0.6, lead.mention)
                    continue
        if i == 0:
            continue
        p = cands[i - 1]
        prev = found[i - 1]
        if prev is None:
            continue
        if p.para == c.para:
            between = text[p.pair.outer_end:c.pair.open]
            ends_sentence = bool(_ENDS.search(between)) or text[p.end - 1] in ".!?…"
            if c.kind == "partial" and not ends_sentence and _RELATIVE.search(between):
                continue  # “It's over,” said Mr O'Brien, whose ‘red line’ was crossed: a fragment of the writer's
            if _only_attribution(between, prev, p.pair.outer_end) and not ends_sentence:
                # “First,” she said, “second.”
                found[i] = Found(prev.sp_start, prev.sp_end, prev.role, prev.cue, "split", 0.9, prev.mention)
            elif ends_sentence and (other := _second_speaker(doc, p.pair.outer_end, c.pair.open, prev)):
                found[i] = other  # “A,” Ebeling said, and her husband interjected. “B.”: the husband's
            elif len(between) < 400:
                # “A,” Smith said. “B.”  — or a short sentence of the writer's between two of Smith's
                conf = 0.8 if _only_attribution(between, prev, p.pair.outer_end) or not between.strip() else 0.6
                found[i] = Found(prev.sp_start, prev.sp_end, prev.role, None, "continuation", conf, prev.mention)
            continue
        if c.para - p.para == 1 and c.pair.open == ps:
            pend = doc.paragraphs[p.para][1]
            tail = text[p.pair.outer_end:pend]
            if p.pair.continues or len(tail) < 200:
                found[i] = _answer(doc, cands, found, i, resolver) or \
                    Found(prev.sp_start, prev.sp_end, prev.role, None, "continuation", 0.75, prev.mention)

_ASKING = frozenset("asked asks demanded demands pressed presses wondered inquired queried".split())
_ANSWERING = frozenset("answered answers replied replies responded responds retorted retorts".split())
# a form of address opening or closing a reply: "Yes, senator.", "Then no, Senator, I would not …", "No, Mr. Cole."
_VOCATIVE = regex.compile(r"(?:^|,\s+)(?P<v>(?:Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}[\p{L}\-’']+|[Ss]enator|[Cc]ongressman|"
                          r"[Cc]ongresswoman|[Gg]overnor|[Mm]ayor|[Jj]udge|[Mm]inister|[Cc]hairman|[Cc]hairwoman|"
                          r"[Pp]resident|[Ss]ecretary|[Dd]octor|[Pp]rofessor)(?=\s*[,.!?]|\s*$)")


def _answer(doc: TextDoc, cands: list[Candidate], found: list[Found | None], i: int,
            resolver: Resolver) -> Found | None:
    """An exchange: a quotation paragraph with no cue after a question ("… Yes or no?" he said.¶“Yes, senator.”),
    or addressing the last speaker by title or name, is the other party's, the speaker before him in the
    exchange (not a continuation of the questioner)."""
    text = doc.text
    c, p, prev = cands[i], cands[i - 1], found[i - 1]
    # a question put with a questioning cue (not a speech's rhetorical one: "It didn't affect me?" he said)
    cue = text[prev.cue[0]:prev.cue[1]].lower() if prev.cue else ""
    asked = text[p.start:p.end].rstrip(" .’'\"”").endswith("?") and cue in _ASKING or \
        cue in _ANSWERING and i > 1 and found[i - 2] is not None and found[i - 2].cue is not None and \
        text[found[i - 2].cue[0]:found[i - 2].cue[1]].lower() in _ASKING  # (a reply to a question: the asker again)
    v = _VOCATIVE.search(text, c.start, c.end)
    if not asked and not v:
        return None
    known = resolver.mention(prev.sp_start, prev.sp_end)
    last = known.name
    if not last:
        return None
    if v and not asked:
        words = v.group("v").lower().replace(".", "").split()
        who = f"{last} {prev.role or ''} {known.role or ''}".lower().replace(".", "").split()
        if words[-1] not in who and words[-1] not in resolver.role_words(last):
            return None  # ("Yes, Mr. Cole" to someone else: not the exchange's other party)
    for k in range(i - 2, -1, -1):
        f = found[k]
        if f is None or cands[k].para < c.para - 4:
            return None
        other = resolver.mention(f.sp_start, f.sp_end).name
        if other and other != last:
            return Found(f.sp_start, f.sp_end, f.role, None, "continuation.answer", 0.6, f.mention)
    return None


def _after_subject(doc: TextDoc, cands: list[Candidate], found: list[Found | None]) -> None:
    """“Mr. Hannity is unapologetic about his aim. ‘I'm not hiding …’”: a quotation left unattributed that opens a
    sentence (or a paragraph) right after a sentence of the writer's whose subject is a named person or he/she
    is that person's."""
    text = doc.text
    for i, c in enumerate(cands):
        if found[i] is not None or c.kind != "direct" or c.words < 4 or c.title or c.not_speech or c.title_case:
            continue  # (only what is reported anyway: a short unattributed fragment is not)
        ps = doc.paragraphs[c.para][0]
        if c.pair.open == ps:
            if c.para == 0 or i > 0 and cands[i - 1].pair.outer_end > doc.paragraphs[c.para - 1][0]:
                continue  # (the previous paragraph holds a quotation: its speaker is the continuation's business)
            pss, pse = doc.sentences[doc.sentence_index(doc.paragraphs[c.para - 1][1] - 1)]
        elif _opens_sentence(doc, c.pair.open):
            si = doc.sentence_index(c.pair.open)
            pss, pse = doc.sentences[si - 1] if si > 0 else (ps, ps)
            if pss < ps or i > 0 and cands[i - 1].pair.outer_end > pss:
                continue
        else:
            continue
        if doc.cues_in(pss, pse):
            continue  # a sentence with a reporting verb is the other rules' business ("Or maybe Bush, X says.")
        subj = sentence_subject(text, pss, pse)
        if not subj or text[subj[0]:subj[1]].isupper() or not text[subj[1]:pse].strip(" .,"):
            continue  # (a verb must follow: not a byline's "By Maria Santos")
        words = text[subj[0]:subj[1]]
        if words.lower() in ("he", "she") or words[:1].isupper() and name_type(words) == "person" and " " in words \
                or words.startswith(("Mr", "Ms", "Mrs", "Dr")):
            found[i] = Found(subj[0], subj[1], subj[2], None, "continuation.subject", 0.5)


def _reporter(text: str, lead: Found, subj: tuple | None, end: int) -> bool:
    """Whether a sentence's reporting verb has the sentence's own subject: the subject itself, the name in its
    apposition ("His former partner at Lenox, Lawrence Cummings, called him …"), or a sentence-final attribution
    ("…, Schiff said.")."""
    if subj and subj[0] == lead.sp_start:
        return True
    if subj and lead.role and text.startswith(lead.role, subj[0]) and text[lead.sp_start - 2:lead.sp_start] == ", ":
        return True
    return text[lead.sp_start - 2:lead.sp_start] == ", " and not text[lead.cue[1]:end].strip(" .")


def _second_speaker(doc: TextDoc, lo: int, hi: int, prev: Found) -> Found | None:
    """A cue after the previous quotation's own, coordinated with it (", and her husband interjected.", ". Then
    Jones replied."), whose subject is someone else: the next quotation is theirs."""
    text = doc.text
    cues = doc.cues_in(lo, hi)
    last = cues[-1] if cues else None
    if last is None or prev.cue is None or last.start() <= prev.cue[1]:
        return None
    if not _COORDINATED_CUE.search(text, lo, last.start()):
        return None
    np = subject_before(text, lo, last.start())
    if not np or np[0] <= prev.sp_end or text[np[1]:last.start()].strip() or \
            text[np[0]:np[1]].lower() in PRONOUNS and text[np[0]:np[1]].lower() not in ("he", "she"):
        return None
    if not _ENDS.search(text, last.end(), hi) or len(text[last.end():hi].strip()) > 12:
        return None  # the cue ends its sentence ("interjected.", "replied:"), nothing reported after it
    return Found(np[0], np[1], np[2], last.span(), "continuation.indirect", 0.6)


_COORDINATED_CUE = regex.compile(r"(?:,\s*(?:and|but|before)\s+|[.!?]\s+(?:(?:Then|And|But)\s+)?)(?:then\s+)?\S[^.!?,;]{0,60}\Z")


def _only_attribution(between: str, prev: Found, start: int) -> bool:
    """Does the previous quotation's attribution stand between it and this one?"""
    return start <= prev.sp_start < start + len(between)

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
                    and not (c.kind == "partial" and _RELATIVE.search(doc.text, p.pair.outer_end, c.pair.open)) \
                    and p.para == c.para and p.pair.outer_end <= prev.sp_start < c.pair.open \
                    and not _ENDS.search(doc.text, p.pair.outer_end, c.pair.open):
                f = found[i]
                found[i] = replace(f, rule="split")
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
                    found[i] = replace(f, rule="group", confidence=0.8)
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

def _introduced_roles(doc: TextDoc, resolver: Resolver, wanted: set[str]) -> dict[str, tuple[int, str]]:
    """Canonical person name -> (position, role) of the first name written with a role (the full name before
    the surname alone): the role words before it ("Indian film director Mira Nair has said …") or its title
    ("Justice Minister Cathy Jamieson")."""
    out: dict[str, tuple[int, str, bool]] = {}
    text = doc.text
    for s, _, name, title, kind in resolver.full_names:
        if kind != "person":
            continue
        canon = resolver.canonical_person(name)[0]
        full = name == canon
        if canon not in wanted or canon in out and (out[canon][2] or not full):
            continue  # a role with the full name beats one with the surname alone ("Director Nair's" in a headline)
        words = [w for w in (title or "").split() if w.rstrip(".") not in _NOT_ROLES]
        # (six role words at most: 120 characters before the name hold them)
        role = " ".join(words) or role_before_name(text, s, max(s - 120, doc.sentences[doc.sentence_index(s)][0]))
        if role:
            words = role.split()
            while words and words[-1].rstrip(".") in _NOT_ROLES:
                words.pop()  # "usability guru Dr Jakob Nielsen"
            if words and _shareable(" ".join(words)):
                out[canon] = (s, " ".join(words), full)
    return {canon: (s, role) for canon, (s, role, _) in out.items()}


# titles that are no role ("Dr Jakob Nielsen", "Mr Oaten")
_NOT_ROLES = frozenset(h.rstrip(".") for h in _HONORIFICS) | {"Dr", "Prof", "Professor", "Rev"}


def _a_role(role: str | None) -> bool:
    """Is this more than a title of address ("Mr", "Dr")?"""
    return bool(role) and any(w.rstrip(".") not in _NOT_ROLES for w in role.split())


def _shareable(role: str) -> bool:
    """Is this role whole enough to stand for the speaker elsewhere (not "of", "who worked with Ms", a role cut
    at a quotation mark or over 100 characters)?"""
    words = role.split()
    last = words[-1]
    if len(words) == 1 and not person_head(role):
        return False  # "57", "Should", "former"
    return _a_role(role) and len(role) <= 100 and role[-1] not in "'\"’”‘“" and \
        last.lower() not in _DANGLING and last.rstrip(".") not in _NOT_ROLES


_DANGLING = frozenset("""a an the of for to in on at by with from and or but as who whose that which his her
    their its our""".split())


def share_roles(quotes: list[Quote], claims: list[Claim], doc: TextDoc,
                resolver: Resolver) -> tuple[list[Quote], list[Claim]]:
    """Every mention of a named speaker carries the speaker's role: the first one the document gives, with a
    quotation's mention or where it introduces the name ("Indian film director Mira Nair has said …" …
    "…," Nair said: the director's words)."""
    mentions = [m for m in [q.speaker for q in quotes] + [c.holder for c in claims] if m is not None and m.name]
    wanted = {m.name for m in mentions if not _a_role(m.role)}
    if not wanted:
        return quotes, claims
    first = _introduced_roles(doc, resolver, wanted)
    for m in mentions:
        if m.role and m.name in wanted and _shareable(m.role) and (m.name not in first or m.start < first[m.name][0]):
            first[m.name] = (m.start, m.role)
    if not first:
        return quotes, claims

    def filled(m: Mention | None) -> Mention | None:
        if m is None or _a_role(m.role) or not m.name or m.name not in first:
            return m
        return Mention(m.name, m.mention, m.start, m.end, first[m.name][1], m.type)  # (cheaper than replace)

    quotes = [q if (m := filled(q.speaker)) is q.speaker else replace(q, speaker=m) for q in quotes]
    claims = [c if (m := filled(c.holder)) is c.holder else replace(c, holder=m) for c in claims]
    return quotes, claims


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
