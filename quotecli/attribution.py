"""Attribution rules: the cue and speaker around one quotation, tried in order of how directly they tie a
speaker to it (the rule ids appear in the output and in ``--explain``):

    after.cue_speaker     “…,” said Zhao Xijun, an economist …
    after.speaker_cue     “…,” Zhao said. / “…,” the company said in a statement.
    after.speaker_verb    “…,” he surmised.  (any verb after a comma-ended quotation)
    after.dash            “…” — Commissioner Geoffrey Starks
    after.passive_by      He was called “…” by the sentencing judge.
    after.sentence_end    … “agnostic” on the issue, the Tory source said.
    before.speaker_cue    Zhao said: “…” / Smith called the plan “…”
    before.according_to   According to Marta Silva, “…”
    before.possessive     President Xi Jinping’s call to develop “…”
    before.participle     …, saying “…”  (the sentence's subject)
    before.passive_by     Sanders was asked by host Bill Maher, “…”
    before.coordinated    Carson took the stage … and called the system “…”
    in_words              in Forbes’ words, “…” / “…,” in the words of a senior adviser
    in_statement          In a statement from the ministry, the claims were called “…” / “…,” in a statement from X.
    lead_in.colon         In a statement, the company said:¶“…”
    lead_in.subject       In his message, he wrote: “…”
    sentence.subject      a fragment in a sentence whose subject is a name
    inner.transcript_label  “PENCE: Well, look, …”
    coordinated           (speakers.py) “criminals” and “rapists”: a fragment coordinated with an attributed one
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .names import (DOCUMENT_NOUN, NAME_PAT, PRONOUNS, ROLE_WORDS, SOURCE_NOUNS, TITLES, common_type, name_type,
                    page_label, trie_pattern)
# (the patterns compiled with compile_sharing_name_pat match as fast with NAME_PAT as a called group and compile
# several times faster; _AFTER_SP_CUE, _SENT_FINAL, _AFTER_CHAIN_CUE and others would match up to four times slower)
from .names import compile_sharing_name_pat, written_source
from .phrases import (ADV, CUES, DETS, NOT_NAME, PREP_BEFORE, SHARE_WORDS, plausible, possessive_before,
                      sentence_subject, subject_before, subject_of_previous_verb, trim_speaker, verb_like)
from .quotes import Candidate
from .text import TextDoc, word_after

_NOUNABLE = frozenset({"retort", "response", "rejoinder", "comment", "comments", "call", "calls", "claim", "claims", "report", "reports", "note", "notes",
                       "post", "posts", "tweet", "tweets", "answer", "answers", "reply", "replies", "remark", "warning",
                       "promise", "promises", "pledge", "pledges", "vow", "vows", "statement", "plea", "charge",
                       "charges", "state", "states", "counter", "joke", "jokes", "quip", "quips", "word", "words"})

_NOUN_CUES = frozenset({"call", "calls", "words", "remarks", "comments", "statement", "description", "claim",
                        "claims", "promise", "pledge", "warning", "phrase", "view", "vow", "message", "plea",
                        "assertion", "insistence", "argument", "demand", "response", "assessment", "verdict",
                        "suggestion", "conclusion", "accusation", "criticism", "complaint", "admission", "contention",
                        "prediction", "declaration"})
NOUNABLE_CUES = _NOUNABLE | _NOUN_CUES  # cue words that are often nouns

# a name with a nickname in marks inside it: Marcia "Cia" Price, John “Tig” Tiegen
_NICK = r"""["“]\p{Lu}[\p{L}.'’\-]{0,15}(?:[ ]\p{Lu}[\p{L}.'’\-]{0,15})?["”]"""
_NAME_N = rf"{NAME_PAT}(?:[ ]{_NICK}[ ]{NAME_PAT})?"
_NAME_TAIL = r"(?:\s*\([^()\n]{1,30}\))?(?:\s+(?:of|from|for)\s+(?:the\s+)?" + NAME_PAT + "){0,2}"

_NOT_FUNCTION = (r"(?!(?:where|when|which|who|whom|that|and|but|or|as|if|while|because|so|then|the|a|an|of|to|"
                 r"in|on|at|for|with|from|by|than|after|before|since|until|although|though|whether)\b)")
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"

_DET = r"(?:[Tt]his|[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)"

# a word of a long role phrase: "the independent Vermont senator and Democratic presidential candidate" (no
# pronoun, relative, determiner or preposition, which would make it a clause: "a document he drew up last year")
_ROLE_NOUN_WORD = (r"(?:and|(?!(?:that|which|who|whom|he|she|they|it|we|his|her|their|the|a|an|of|to|in|on|at|for|"
                   r"with|from|by|up|one|is|was|has|had)(?![\p{L}]))[\p{L}\d\-’'+&]+)")
# words ending in s that are not plural nouns ("his boast-averse mother", "this", "is")
_NOT_S_WORD = r"(?!(?:his|its|this|is|was|has|does|us|as|yes|thus|plus|less|unless|perhaps|whereas)(?![\p{L}]))"
# (role words before a name: "spokeswoman Kellyanne Conway", "Acme chief executive Dana Ruiz"; the capitalised words
# are optional in one alternative, not a second alternative with the name compiled again: the one starts with a
# capital or a digit and the other with a lower-case letter, so at most one of the two can start at a place, and
# trying them in either order finds the same match)
_NOT_VERBISH = r"(?!(?:is|was|are|were|be|been|has|had|have|will|would|could|should|can|may|might|did|does|do|not|also)(?![\p{L}]))"
_SP_FWD = (rf"(?P<sp>{_PRON}(?![\p{{L}}])|(?:(?:[\p{{Lu}}\d][\p{{L}}\d/&\-]*\s+){{1,3}})?(?:{_NOT_FUNCTION}\p{{Ll}}[\p{{L}}\-]*\s+){{1,3}}{_NAME_N}{_NAME_TAIL}|{NAME_PAT}(?:['’]s|(?<=s)['’])(?:\s+[\p{{L}}\-]+){{1,4}}?|{_NAME_N}\s+and\s+{_NAME_N}|{_NAME_N}{_NAME_TAIL}|{_DET}\s+[\p{{L}}\d\-’'+&]+(?:,\s+{_NOT_VERBISH}(?!(?:who|which|that|and|but|or|then)\s)[\p{{Ll}}\d][\p{{Ll}}\d\-]+(?=\s+\p{{Ll}}))?(?:\s+[\p{{L}}\d\-’'+&]+){{0,4}}?|{_DET}(?:\s+{_ROLE_NOUN_WORD}){{6,8}}?"
           rf"|(?:{_NOT_FUNCTION}(?!(?:without|within|about|among|against|despite|including|like|into|over|under|via)\b)"
           rf"\p{{Ll}}[\p{{L}}\-]*\s+)?{_NOT_S_WORD}\p{{Ll}}[\p{{Ll}}\-]*s"
           rf"(?:\s+(?:of|in|from|at|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}\-]*(?:\s+\p{{Lu}}[\p{{L}}\-]*){{0,3}})?|police)")

_ROLE_TAIL = r"(?P<role>(?:[^.;!?\n\"“”‘’]|(?<=\p{Lu})\.|\.(?=\p{Lu}\.)|(?<=\p{L})’(?=\p{L}))+)"
# after the quotation: “…,” said Zhao Xijun, an economist … / “…,” Zhao said.

# a participle never inverts with its subject: in “fantastic,” telling reporters … / “that person,” saying the city …
# what follows the cue is its object or clause, and the speaker is the sentence's subject
_INVERTING_CUES = tuple(c for c in CUES if not c.split()[0].endswith("ing"))
# an auxiliary makes a determiner phrase after the cue the subject of a clause: said the candidate could be …
_NO_AUX = r"(?!(?<![\p{L}])(?:could|would|will|is|was|are|were|has|had|have|can|may|might|should|must|did|does)(?![\p{L}]))"
_AFTER_CUE_SP = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>|according\s+to)\s++(?:(?:on|in|at|last|this)\s+\p{{L}}+\s+)?(?P<sp>{_PRON}(?![\p{{L}}])|(?:the\s+|(?:bin|al|de|van|von)\s)?{_NAME_N}
         |{_DET}\s+(?:{_NO_AUX}[^,.;:!?\"“”\n]){{1,80}}?(?=\s*(?:[,.;:!?]|\Z|\s(?:in|on|at|during|after|before|when|while|as|who|adding|to)\b)))
         (?:\s*,\s*{_ROLE_TAIL})?""",
    regex.X, cues=_INVERTING_CUES + tuple(c[0].upper() + c[1:] for c in _INVERTING_CUES), titles=TITLES)

# a name does not end at an abbreviated title's full stop: "panel Chairman Rep. Jason Chaffetz", not "… Rep"
_NOT_AT_TITLE_DOT = "(?<!(?<![\\p{L}])(?:" + "|".join(regex.escape(t[:-1]) for t in TITLES if t.endswith(".")) + r")(?=\.))"
_AFTER_CUE_ROLE_NAME = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>|according\s+to)\s++(?P<pre>(?:[\p{{L}}\d/&'’\-.]+\s+){{1,6}}?)(?P<sp>(?:(?:bin|al|de|van|von)\s)?{_NAME_N}{_NAME_TAIL})
         {_NOT_AT_TITLE_DOT}(?=\s*(?:[,.;:!?]|\Z|\s(?:who|in|at|on|during|after|before|while|as|when)\b))(?:\s*,\s*{_ROLE_TAIL})?""",
    regex.X, cues=_INVERTING_CUES, titles=TITLES)

# "Acme chief executive", "Labour leader": capitalised words (an organisation, a party) and lower-case role words
# ending in a role noun (checked by _org_role_ok)
_ORG_ROLE = r"(?:\p{Lu}[\p{L}\d&\-]*\s+){1,3}(?:\p{Ll}[\p{L}\-]*\s+){0,2}\p{Ll}[\p{L}\-]*"
_AFTER_CUE_ROLE_COMMA_NAME = regex.compile(
    rf"""[,;:…]?+\s*+(?P<cue>\L<cues>|according\s+to)\s++(?P<pre>(?:{_DET}|\p{{Lu}}[\p{{L}}&\-]*['’]s)\s+[^,.;:!?\"“”\n]{{1,50}}?|{_ORG_ROLE}),\s+(?P<sp>{NAME_PAT})(?=\s*(?:[.;!?,]|\Z))""",
    regex.X, cues=_INVERTING_CUES, titles=TITLES)
# “…,” Acme chief executive, Dana Ruiz, said: an organisation's name and a role, then the name in commas
_AFTER_ORG_ROLE_COMMA_NAME_CUE = regex.compile(
    rf"""[,;:…]?+\s*+(?P<pre>{_ORG_ROLE}),\s+(?P<sp>{NAME_PAT}),\s+(?:{ADV}\s+){{0,2}}(?P<cue>\L<cues>)(?![\p{{L}}\-])""",
    regex.X, cues=CUES, titles=TITLES)

# appositions between the name and its verb: “…,” Scott Pruitt, the attorney general of Oklahoma, one of the
# states suing the agency, said / Harry Bond, 30, of Raleigh, N.C., who was among those polled, said
_APPOS = rf"(?:[^,;:\"“”\n]|{_NICK}(?=[ ]\p{{Lu}}))"  # a nickname may stand in an apposition's name
_APPOSITIONS = rf"{_APPOS}{{2,120}}(?:,\s*{_APPOS}{{2,120}}){{0,3}}"
# an apposition whose closing comma is missing: Katie Packer, who is chairman of the PAC said in a statement
_UNCLOSED_APPOSITION = (r"""\s*,\s*(?P<role>(?:who|a|an|the)\s(?:(?!(?<![\p{L}])(?:and|or|but|when|while|if|as|because|that|after|"""
                        r"""before|said|says|told)(?![\p{L}]))[^,;:"“”\n]){3,100}?)(?=\s+(?:\L<cues>)(?![\p{L}]))""")
# (a few cues capitalised too, none of them a noun or a name: “…!” Murphy, the head of Right to Rise USA, Tweeted
# on Friday; only before a lower-case word or a stop, not in a title-case headline: “…” Howard Dean Tells Convention)
_CAPITALISED_CUES = tuple(c for c in """Said Says Told Tweeted Wrote Added Asked Explained Noted Stated Declared
    Insisted Argued Claimed Replied Responded""".split() if c.lower() in CUES)
_AFTER_SP_CUE = regex.compile(
    rf"""[,;:…]?+\s*+{_SP_FWD}(?:\s*,\s*(?P<role>{_APPOSITIONS}),|{_UNCLOSED_APPOSITION})?\s+(?:{ADV}\s+){{0,2}}(?P<cue>\L<cues>|according\s+to)(?![\p{{L}}\-])""",
    regex.X, cues=CUES + _CAPITALISED_CUES, titles=TITLES)

# “…,” former Florida governor Jeb Bush said / super PAC spokeswoman Kellyanne Conway said: role words of either
# case (and possessives: "Italy's Northern League leader") before the name; the name is split off by trim_speaker
_CHAIN_WORD = (rf"(?:\p{{Lu}}[\p{{L}}\-]*['’]s|{_NOT_FUNCTION}{_NOT_VERBISH}\p{{Ll}}[\p{{L}}\-]*|\p{{Lu}}[\p{{L}}\d/&\-]*\.?"
               rf"|\d+(?:st|nd|rd|th))")
_AFTER_CHAIN_CUE = regex.compile(
    rf"""[,;:…]?+\s*+(?P<sp>(?:{_CHAIN_WORD}\s+){{1,7}}?{_NAME_N}{_NAME_TAIL})
         \s+(?:{ADV}\s+){{0,2}}(?P<cue>\L<cues>)(?![\p{{L}}\-])""",
    regex.X, cues=CUES, titles=TITLES)

# Gates for _after (speed only: each skips a pattern only where it cannot match; tests/test_speed_filters.py
# holds them to the patterns). The patterns above open with `[,;:…]?+\s*+`, possessive, so a cue-first one
# (_AFTER_CUE_SP, _AFTER_CUE_ROLE_NAME, _AFTER_CUE_ROLE_COMMA_NAME) has its cue right where _LEAD ends: the cue's
# first three characters are then among _CUE_HEADS (every cue has three or more). A cue-last one (_AFTER_SP_CUE,
# _AFTER_CHAIN_CUE) needs a cue after a space and before no letter or hyphen: _CUE_AFTER_SPACE finds one
# (_sentence_end uses it likewise for _SENT_FINAL).
_LEAD = regex.compile(r"[,;:…]?+\s*+")
_CUE_HEADS = frozenset(c[:3] for c in _INVERTING_CUES + tuple(c[0].upper() + c[1:] for c in _INVERTING_CUES)) | {"acc"}
assert min(map(len, CUES)) >= 3, "_CUE_HEADS reads three characters of a cue"
_CUE_AFTER_SPACE = regex.compile(r"\s(?:" + trie_pattern(CUES + _CAPITALISED_CUES) + r"|according\s+to)(?![\p{L}\-])")

_ROLE_THEN_NAME = compile_sharing_name_pat(rf"(?:{_CHAIN_WORD}\s+){{0,4}}?{_NAME_N}{_NAME_TAIL}", titles=TITLES)
# "Veltrane's European chief executive", "Acme's Chief Executive": an organisation's possessive and a role
_POSSESSIVE_HEAD = regex.compile(r"\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*)*['’]s?(?:\s+\p{Lu}[\p{L}\-]*)*\s+\p{L}")
_DATE_AFTER = regex.compile(r"\s*,\s*(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2}\b|\d{1,2}\s+\p{Lu}\p{Ll}+|\d{4}\b)")
_FULL_NAME_ONLY = compile_sharing_name_pat(rf"{_NAME_N}", titles=TITLES)
_AFTER_DASH = regex.compile(rf"[\s\u00a0]*+(?P<cue>[—―–]|--?)[\s\u00a0]*+(?P<sp>{NAME_PAT}{_NAME_TAIL})(?:\s*,\s*{_ROLE_TAIL})?",
                            titles=TITLES)
# what may follow a dash signature on its line: nothing, a full stop, or a tweet's date after the handle
_SIGNATURE_END = regex.compile(r"[\s\u00a0]*(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+\d{4})?[\s\u00a0.]*(?:\n|\Z)")

# (role words before the name too: "according to conservative talk radio host Rush Limbaugh,")
_ACCORDING_SP = regex.compile(rf"\s+(?P<sp>{_PRON}|(?:\p{{Ll}}[\p{{Ll}}\-]*\s+){{0,5}}{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,60}}?)(?=\s*[,.;:]|\s*$)",
                              titles=TITLES)

# (a name with "the" or role words before it: "(?:the\s+)?N|(?:…\s+){1,7}?N" with the name written once after both,
# which backtracks through the same tries in the same order and compiles the name once)
_SENT_FINAL_NAME = rf"(?:(?:the\s+)?|(?:{_CHAIN_WORD}\s+){{1,7}}?){_NAME_N}{_NAME_TAIL}"
_SENT_FINAL = regex.compile(
    rf"""[,;]\s+(?:(?P<sp>{_PRON}|{_SENT_FINAL_NAME}|{_DET}\s+[\p{{L}}\-’'.]+(?:\s+[\p{{L}}\-’'.]+){{0,4}}?|(?:\p{{Ll}}+\s+)?\p{{Ll}}+s|police)
         (?:\s*,\s*{_APPOSITIONS},)?\s+(?:{ADV}\s+)?(?P<cue>\L<cues>)|(?P<cue>\L<cues>)\s+(?P<sp>{_SENT_FINAL_NAME}|{_DET}\s+[^,.;!?\n]{{1,40}})
         |(?P<cue>according\s+to)\s+(?:{_DET}\s+[^,.;!?\n]{{1,40}},\s+)?(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;!?\n]{{1,40}}))
         (?:\s+[^,.;!?\n"“”]{{0,40}})?(?:,\s+(?P<role>[^;!?\n"“”]{{0,160}}?)|(?P<ptail>,\s+(?:\L<ing>)\s[^\n]{{0,300}}?))?[.!?]?[”"’']?\s*\Z""",
    regex.X, cues=_INVERTING_CUES, ing=[c for c in CUES if c.endswith("ing")], titles=TITLES)

_MARK_IN = regex.compile(r"[\"“”]|''")

_PASSIVE = regex.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\p{Ll}+ly\s+)?(?:called|described|labell?ed|branded|dubbed|hailed|"
                         r"praised|critici[sz]ed|quoted|deemed|termed|slammed)\b(?:\s+as)?\s*$")

_BY_AGENT = regex.compile(rf"[,.]?\s*by\s+(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,50}}?)(?=\s*(?:[,.;:!?]|\Z))",
                          titles=TITLES)

# the agent of a passive cue after a quotation, role words allowed before its name: "was told by bereaved mother Ann
# Cole" (seldom matched: the name pattern is shared)
_BY_ROLE_AGENT = compile_sharing_name_pat(
    rf"\s+by\s+(?P<sp>(?:the\s+)?(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,50}}?)"
    r"(?=\s*(?:[,.;:!?]|\Z))", titles=TITLES)
_NOT_LABELS = frozenset({"Q", "A"})  # an interview's question and answer marks (page labels: names.page_label)
_LABEL = regex.compile(r"(?P<sp>\p{Lu}[\p{Lu}.'’\-]+(?:[ ]\p{Lu}[\p{Lu}.'’\-]+){0,2}):\s")

_NOT_SPEECH_VERBS = frozenset({"needed", "wanted", "used", "based", "called", "named", "titled", "entitled", "dubbed",
                               "published", "released", "aired", "filed", "posted", "reported"})

_ANY_VERB = (r"(?:\p{Ll}{2,}ed|read|reads|states|wrote|writes|went\s+on|goes\s+on|thought|spoke|sang|began|"
             r"shot\s+back|fired\s+back|chimed\s+in|broke\s+in|cut\s+in|bit\s+back)")

# a pronoun right after a noun opens a relative clause: “…,” a line his campaign has repeated / a phrase she used
_CLAUSE_PRON = r"(?<!(?<![\p{L}])(?:of|for|with|at|in|on|from|to|by|and|or)\s)(?:he|she|they|we|I|his|their|its)(?![\p{L}])"
_AFTER_SP_ANYVERB = regex.compile(
    rf"""\s*+(?P<sp>{_PRON}(?![\p{{L}}])|{NAME_PAT}{_NAME_TAIL}|{_DET}\s+[\p{{L}}\d\-’']+(?:\s+(?!{_CLAUSE_PRON})[\p{{L}}\d\-’']+){{0,3}}?)
         \s+(?:{ADV}\s+)?(?P<cue>{_ANY_VERB})(?=\s*(?:[.,;]|\Z|\s(?:on|in|at|to|during|after|before|with|from|as|when|while|of|and)\b))""",
    regex.X, titles=TITLES)

_AFTER_ANYVERB_SP = compile_sharing_name_pat(
    rf"""\s*+(?P<cue>{_ANY_VERB})\s+(?P<sp>(?:the\s+)?{NAME_PAT}{_NAME_TAIL}|one|another|others|{_DET}\s+[\p{{L}}\d\-’']+(?:\s+[\p{{L}}\d\-’']+){{0,3}}?)
         (?=\s*(?:[.,;]|\Z))""", regex.X, titles=TITLES)

_DET_BEFORE = regex.compile(r"(?<![\p{L}])(?:a|an|the|his|her|its|their)\s+$")
_PASSIVE_AUX = regex.compile(r"(?<![\p{L}])(?:was|were|been|being|is|are|be)\s+(?:\p{Ll}+ly\s+)?$")  # (was widely ridiculed)


def passive_cue(text: str, lo: int, start: int, word: str) -> bool:
    """"was called", "were widely told": the cue ``word`` at ``start`` is passive, its subject no speaker (not
    "is saying": a participle in -ed, or "told")."""
    return (word.endswith("ed") or word.lower() == "told") and \
        bool(_PASSIVE_AUX.search(text, max(lo, start - 24), start))


_NEW_SENTENCE = regex.compile(r"\s+[\p{Lu}]")
# what follows a reporting verb, not a noun: the clause's end or its that-clause
_CUE_ENDS_CLAUSE = regex.compile(r"\s*(?:[.,;:!?)\]”\"’'—–]|\Z)|\s+that(?![\p{L}])")
_AFTER_CAPITALISED_CUE = regex.compile(r"[ \t]*(?:[.,;:!?]|\p{Ll}|\Z)")
_BARE_ATTRIBUTION = regex.compile(rf"[ \t]+(?:{NAME_PAT}|He|She|They)[ \t]+(?:\L<cues>)[ \t]*[.](?:\s|\Z)",
                                  cues=CUES, titles=TITLES)

_NAME_THEN_STOP = regex.compile(r"\s*(?:[,.;:!?(]|\Z|\s(?:for|of|at|in|from|on|who|during|after|when|as)\b)")

_SENT_BREAK = regex.compile(r"[.!?][\"”’']?\s")
# not the full stop of a title or an initial
_NOT_ABBREV = r"(?<!(?<![\p{L}])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Prof|Rev|St|Jr|Sr|Sgt|Adm|Cmdr|Supt|\p{Lu}))"

# in Forbes’ words, “…” / in the words of a senior adviser, “…” / “…,” in the words of one top staffer
_WORDS_OF = rf"(?P<cue>[Ii]n\s+the\s+(?:\p{{Ll}}+\s+)?words\s+of)\s+(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”'\n]{{1,50}}?)"
_IN_WORDS_BEFORE = compile_sharing_name_pat(
    rf"(?<![\p{{L}}])(?:(?P<cue>[Ii]n\s+(?P<sp>{NAME_PAT})['’]s?\s+(?:own\s+)?words)|{_WORDS_OF})\s*[,:]?\s*\Z",
    titles=TITLES)
_IN_WORDS_AFTER = regex.compile(rf"\s*,?\s*{_WORDS_OF}(?=\s*[,.;:!?]|\s*\Z)", titles=TITLES)

# in a statement from the Foreign Ministry, “…” / “…,” in a statement issued by the ministry. — the issuer speaks
# (tried when no reporting verb names a speaker: "In a statement from the ministry, Beijing called it “…”" is Beijing's)
_IN_STATEMENT = (r"(?P<cue>[Ii]n\s+(?:a|an|the|its|their|his|her)\s+(?:(?:brief|joint|short|written|separate|later|new)\s+)?"
                 r"(?:statement|e-?mail(?:ed)?\s+statement|letter|press\s+release|release|communiqu[ée])"
                 r"(?:\s+(?:issued|released|sent|posted))?\s+(?:from|by))\s+"
                 rf"(?P<sp>(?:the\s+)?{NAME_PAT}|{_DET}\s+[^,.;:!?\"“”\n]{{1,50}}?)")
_IN_STATEMENT_BEFORE = regex.compile(rf"(?<![\p{{L}}]){_IN_STATEMENT}(?=\s*[,:])", titles=TITLES)
_IN_STATEMENT_AFTER = regex.compile(rf"\s*,?\s*{_IN_STATEMENT}(?=\s*[.;!?]|\s*\Z)", titles=TITLES)

_VERBLESS = regex.compile(rf"(?P<sp>{NAME_PAT})(?:,\s*(?P<role>[^:]{{2,100}}))?\s*\Z", titles=TITLES)

@dataclass(slots=True)
class Found:
    """An attribution found for a candidate: the speaker's words (that name them), role, cue and the rule.

    ``mention``: the words that attribute this quotation when they are not the naming words — the relative
    pronoun of "Obama, who called him “unfit”" or the clause's own pronoun in "Clinton endorsed the deal,
    although she made it clear she has “…”" (kept only when it resolves to the same person)."""

    sp_start: int
    sp_end: int
    role: str | None
    cue: tuple[int, int] | None
    rule: str
    confidence: float
    mention: tuple[int, int] | None = None

def local_attribution(doc: TextDoc, cands: list[Candidate], i: int) -> Found | None:
    """Attribution from the words around this candidate, in its own sentence."""
    text = doc.text
    c = cands[i]
    ps, pe = doc.paragraphs[c.para]
    # the stretch after the closing mark, up to the next quotation in the paragraph
    a_start = c.pair.outer_end
    a_end = pe
    if i + 1 < len(cands) and cands[i + 1].para == c.para:
        a_end = min(a_end, cands[i + 1].pair.open)
    # a dash signature names the speaker of a quotation that stands as its own sentence; after words of the
    # writer's ('…insisted his party was "still the No. 1 force."--Kim Hjelmgaard.') it is the reporter's byline
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    own = not text[max(ss, ps):c.pair.open].strip(" \u00a0\"“‘'«„`—–•*·-")  # (a list item: "— “…” — Name")
    f = _after(text, a_start, a_end, own) or _passive_by(text, doc, c, a_end) or _as_put_it(text, a_start, a_end)
    if f:
        # (but "under what Mr. Hedge called ‘…,’ the club …": a relative clause's label is its subject's)
        return _relative_label(text, max(ss, c.pair.open - 80), c.pair.open) or f
    m = _LABEL.match(text, c.start, c.end)
    if m and m.group("sp") not in _NOT_LABELS and not page_label(m.group("sp")):
        return Found(m.start("sp"), m.end("sp"), None, (m.end("sp"), m.end("sp") + 1), "inner.transcript_label", 0.8)
    if own and not text[a_start:pe].strip(" .\u00a0") and c.para + 1 < len(doc.paragraphs):
        ns, ne = doc.paragraphs[c.para + 1]
        f = _dash_signature(text, ns, ne)
        if f:
            return f
    f = _in_words(doc, c, a_start, a_end)
    if f:
        return f
    # the stretch before the opening mark, back to the previous quotation or the sentence start
    b_end = c.pair.open
    b_start = max(ps, b_end - 300)
    if i > 0 and cands[i - 1].para == c.para:
        b_start = max(b_start, cands[i - 1].pair.outer_end)
    f = _before(doc, b_start, b_end, c)
    if f:
        return _with_clause_pronoun(doc, f, c.pair.open) if f.rule in _DISTANT else f
    # also when more fragments follow in the sentence: like “maybe” and “perhaps”, he told reporters
    f = _sentence_end(doc, c)
    if f:
        return f
    f = _in_statement(doc, c, a_start, a_end)
    if f:
        return f
    return _with_clause_pronoun(doc, _subject_fallback(doc, c, b_start, b_end), c.pair.open)

# “…,” as one senator put it / as a Homeland Security memo put it / as Smith noted
_AS_PUT_IT = compile_sharing_name_pat(rf"""[,;:]?+\s*+as\s+{_SP_FWD}\s+(?P<cue>put\s+it|puts\s+it|has\s+put\s+it|said|says|noted|notes|
                           wrote|writes|observed|observes|explained|explains|described\s+it|describes\s+it)(?![\p{{L}}])""",
                           regex.X, titles=TITLES)


def _as_put_it(text: str, s: int, e: int) -> Found | None:
    if text.find("as ", s, min(e, s + 5)) < 0:
        return None  # (the pattern opens with "as" after at most a stop and a space or two)
    m = _AS_PUT_IT.match(text, s, min(e, s + 160))
    if m is None or not plausible(text, m.start("sp"), m.end("sp")):
        return None
    sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(sp_s, sp_e, role, m.span("cue"), "after.as_put_it", 0.85)


# "under what Mr. Hedge called ‘…’", "a clip that Judge Mosman called ‘…’": the label is the relative clause's subject's
_RELATIVE_LABEL = regex.compile(rf"(?<![\p{{L}}])(?:what|that|which)\s+(?P<sp>{NAME_PAT}|he|she|they)\s+"
                                r"(?:(?:has|had|have|once|later|repeatedly|often)\s+)?(?P<cue>called|calls|call|"
                                r"termed|terms|dubbed|dubs|labell?ed|labels|described\s+as|describes\s+as)\s*$",
                                titles=TITLES)


def _relative_label(text: str, lo: int, hi: int) -> Found | None:
    if text.find("what", lo, hi) < 0 and text.find("that", lo, hi) < 0 and text.find("which", lo, hi) < 0:
        return None
    m = _RELATIVE_LABEL.search(text, lo, hi)
    if m is None or not plausible(text, m.start("sp"), m.end("sp")):
        return None
    sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(sp_s, sp_e, role, m.span("cue"), "before.relative_label", 0.85)


# rules whose speaker may stand far from the quotation (its clause may have a pronoun of its own)
_DISTANT = frozenset({"before.participle", "before.coordinated", "sentence.subject", "lead_in.subject"})

def _verb_cue(text: str, ss: int, m) -> bool:
    """Is this cue word a report here (a verb, or a noun like "his claim")? Not "Post" in a newspaper's name."""
    return not (m.group()[:1].isupper() and m.start() > ss and not _CLAUSE_START.search(
        text, max(ss, m.start() - 4), m.start()))

def _in_words(doc: TextDoc, c: Candidate, a_start: int, a_end: int) -> Found | None:
    """in Forbes’ words, “…” / in the words of a senior adviser, “…” / “…,” in the words of one top staffer."""
    text = doc.text
    lo, hi = c.pair.open - 90, min(a_end, a_start + 90)
    if text.find("words", max(0, lo), c.pair.open) < 0 and text.find("words", a_start, hi) < 0:
        return None  # both patterns need the word
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    m = _IN_WORDS_BEFORE.search(text, max(ss, lo), c.pair.open) or \
        _IN_WORDS_AFTER.match(text, a_start, hi)
    if not m or not plausible(text, m.start("sp"), m.end("sp")):
        return None
    a, b, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(a, b, role, m.span("cue"), "in_words", 0.85)

def _in_statement(doc: TextDoc, c: Candidate, a_start: int, a_end: int) -> Found | None:
    """“…,” in a statement from the Foreign Ministry. / In a statement from the ministry, the plan was called “…”:
    with no reporting verb's subject to speak, the statement's issuer does (only one statement phrase opening the
    sentence or a clause, or ending the quotation's sentence)."""
    text = doc.text
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    lo = max(ss, c.pair.open - 200)
    m = None
    if text.find("tatement", lo, c.pair.open) >= 0 or text.find("release", lo, c.pair.open) >= 0 or \
            text.find("letter", lo, c.pair.open) >= 0:
        for hit in _IN_STATEMENT_BEFORE.finditer(text, lo, c.pair.open):
            if hit.start() == ss or text[lo:hit.start()].rstrip()[-1:] in (",", ";", ":", "—", "–"):
                m = hit  # opening the sentence or a clause: "The claims, in a statement from X, were …"
    if m is None:
        m = _IN_STATEMENT_AFTER.match(text, a_start, min(a_end, a_start + 160))
    if not m or not plausible(text, m.start("sp"), m.end("sp")):
        return None
    a, b, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(a, b, role, m.span("cue"), "in_statement", 0.75)

def _subject_fallback(doc: TextDoc, c: Candidate, b_start: int, b_end: int) -> Found | None:
    """The sentence's subject, when the quotation is led in by a colon or a participle cue (“…, saying”),
    or is a partial quotation in a sentence with a reporting verb."""
    text = doc.text
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    if ss >= b_end:
        return None
    lead = text[max(ss, b_end - 120):b_end].rstrip()  # a bounded window: many quotations may share a sentence
    participle = _PARTICIPLE.search(lead)
    colon = lead.endswith(":")
    cued = any(_verb_cue(text, ss, m) for m in doc.cues_in(ss, b_end))
    # “Hillary Clinton cracked, ''I'm a progressive …''”: a clause of someone's words after a comma (or a dash)
    comma = c.kind == "direct" and not c.title_case and lead[-1:] in (",", "—", "–") or lead.endswith(" --")
    if not (participle or colon or comma or c.kind == "partial" or cued):
        return None
    base = max(ss, b_end - 120)  # where ``lead`` starts
    if colon or comma:
        for rx in (_VERBLESS_LEAD, _NOUN_LEAD) if colon else (_NOUN_LEAD,):
            m = rx.search(lead)
            if m and name_type(m.group("sp")) == "person" and m.group("sp").split()[0] not in NOT_NAME \
                    and not page_label(m.group("sp")):  # "FACT CHECK: “…”"
                a, b, role = trim_speaker(text, base + m.start("sp"), base + m.end("sp"), None)
                return Found(a, b, role, None, "lead_in.colon", 0.7)
    got = sentence_subject(text, ss, b_end)
    if got is None and colon:
        loose = sentence_subject(text, ss, b_end, loose=True)
        if loose and written_source(text[loose[0]:loose[1]]):
            got = loose  # "Hoff's letter makes a libertarian case: “…”": a document led in by a colon speaks
    if got is None and cued and c.kind == "partial" and not c.title_case:
        # "The ad, titled “Unifier?”, concludes that Trump is too “…”": a determiner phrase a few words before
        # the sentence's reporting verb (not one that is the cue's own determiner: "A simple call to …")
        loose = sentence_subject(text, ss, b_end, loose=True)
        words = text[loose[0]:loose[1]].split() if loose else []
        if loose and len(words) > 1 and not words[-1].endswith("ly") and words[0].lower() not in _WH and any(
                _verb_cue(text, ss, m) and len(text[loose[1]:m.start()].split()) <= 3
                and not (m.start() - loose[1] < 3 and m.group().lower() in _NOUNABLE)
                and "," not in text[loose[1]:m.start()].strip(" ,") for m in doc.cues_in(loose[1], b_end)):
            got = loose
    if (comma or colon) and not participle:
        near = subject_of_previous_verb(text, ss, b_end)
        if near and len(text[near[1]:b_end].split()) <= (3 if colon else 2) and (
                comma or not got or _WITH.search(text, max(ss, near[0] - 20), near[0])):
            # "… - during their first debate, Hillary Clinton cracked, ''…''", "with Trump reportedly yelling:"
            got = near
    if not got or not text[got[1]:b_end].strip(" ,\u00a0") and text[got[1] - 2:got[1]] not in ("’s", "'s"):
        return None  # "Tea Party “super PACs” …": the phrase holding the quotation is not its speaker
    if text[ss] in "\"“‘'`" and _NEW_CLAUSE.search(text, got[1], b_end):
        return None  # "“You winning?” she said, but Kevin …, and as Trump went on about “…”": not her clause
    if comma and not (participle or colon):
        subj = text[got[0]:got[1]]
        if (subj[:1].isupper() or subj.lower() in PRONOUNS) and subj.split()[0] not in _NOT_NAMED \
                and not subj.isupper():
            who = _WHO_AFTER.match(text, got[1], b_end)  # "from Rikkie Wells who tweeted, “…”"
            return Found(got[0], got[1], got[2], None, "lead_in.subject", 0.6, who.span("who") if who else None)
        if not (c.kind == "partial" or cued):
            return None
    if c.kind == "partial" and not (participle or colon or cued):
        # no reporting verb: only a named or pronoun subject makes the fragment someone's words
        led = _LED_TO.search(text, max(ss, b_end - 160), b_end)
        if led and name_type(led.group("sp")) == "person":
            a, b, role = trim_speaker(text, led.start("sp"), led.end("sp"), None)
            return Found(a, b, role, None, "sentence.subject", 0.55)
        subj = text[got[0]:got[1]]
        if c.words < 2 or c.title_case or not (subj[:1].isupper() or subj.lower() in PRONOUNS) \
                or subj.split()[0] in _NOT_NAMED and not (c.words >= 3 and _THE_NAMED.match(subj)) \
                or subj.lower() in ("it", "they", "we") or subj.isupper():
            return None
        if " " not in subj and subj.lower() not in PRONOUNS and not _written_in_full(text, subj):
            return None  # "Experience shows that …": a bare capitalised word is a name only if written in full too
    rule = "lead_in.subject" if colon else "before.participle" if participle else "sentence.subject"
    # "Beck, who has in the past described Trump as “…”": the quotation inside the subject's relative clause is
    # attributed by its relative pronoun
    who = _WHO_CLAUSE.match(text, got[1], b_end)
    return Found(got[0], got[1], got[2], None, rule, 0.7 if colon or participle else 0.55,
                 who.span("who") if who else None)

# a capitalised word and a space before a position
_CAP_WORD_BEFORE = regex.compile(r"(?<=\p{Lu}[\p{L}.'’\-]+\s+)")


def _written_in_full(text: str, word: str) -> bool:
    r"""Is ``word`` written somewhere after another capitalised word ("Experience" alone is no name; "Smith"
    in a text that has "Jane Smith" is)? What a search for \p{Lu}[\p{L}.'’\-]+\s+<word>(?![\p{L}]) finds."""
    return word_after(text, word, _CAP_WORD_BEFORE)


_WH = frozenset("what which who whom whose why how when where whether".split())
_NOT_NAMED = frozenset("The A An His Her Its Their Our My Many Some Several All This That These Those Such Each Every "
                       "Both Any No None".split())
# "The Labour party has committed itself to “…”": "The" and a name (not "The Senate bill")
_THE_NAMED = regex.compile(r"The\s+\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)*(?:\s+(?:party|government|council|"
                           r"campaign|administration|union|group|committee|company|ministry|department))?\Z")
# "All this has led the Latvian journalist Dainis Ivans to fear a “…”": the one led to speak or think
_LED_TO = regex.compile(rf"(?<![\p{{L}}])(?:led|leads|prompted|prompts|moved|forced|pushed|spurred|inspired|caused)\s+"
                        rf"(?:(?:the|a|an)\s+)?(?:[\p{{L}}\-]+\s+){{0,4}}?(?P<sp>{NAME_PAT})\s+to\s+\p{{Ll}}+\s+"
                        r"(?:[\p{Ll}\-]+\s+){0,3}\Z", titles=TITLES)
# verbless lead-ins naming the speaker: "Here’s Clinton in 1992:", "More from Jones:", "Clinton’s response was:",
# "Barrett’s dictum to his interns was,"
_NOUN_LEAD = regex.compile(
    rf"""(?:^|[-—–•:;]\s*|\.\s+)(?:(?:And|But|So)\s+)?(?:
        [Hh]ere(?:['’]s|\s+is)\s+(?P<sp>{NAME_PAT})(?:\s+(?:in|on|at|during|from|last|this)\s+[^:,;.]{{1,40}})?
       |(?:(?:And\s+)?[Mm]ore\s+from|From)\s+(?P<sp>{NAME_PAT}(?:\s+and\s+{NAME_PAT})?)
       |(?P<sp>{NAME_PAT})['’]s?\s+(?:\p{{Ll}}+\s+)?(?:response|reply|answer|retort|message|dictum|verdict|advice|
            explanation|take|tweet|comment|statement|words|argument|pitch|plea|warning|mantra|motto|line)
            (?:\s+(?:to|on|for|about)\s+[^:,;.“”"]{{1,50}})?\s+(?:was|is|read|reads|went|goes|has\s+been)
    )\s*[:,]\Z""", regex.X, titles=TITLES)
_VERBLESS_LEAD = regex.compile(rf"(?:^|[-—–―•:]\s+|{_NOT_ABBREV}\.\s+)(?P<sp>{NAME_PAT}):\Z", titles=TITLES)
_PARTICIPLE = regex.compile(r",\s+(?:\L<ing>)(?:\s+[^,.;:!?\"“”]{1,30}?)?(?:\s+that)?[,:]?\s*$",
                            ing=[c for c in CUES if c.endswith("ing")])

def _dash_signature(text: str, s: int, e: int) -> Found | None:
    """“…” — Commissioner Geoffrey Starks / “…”¶- Bernie Sanders. / ”― Carla Sanchez: a dash and a name that
    end the line. "— Radio New Zealand, June 12, 2025" is a source line, not a signature."""
    m = _AFTER_DASH.match(text, s, e)
    if not m or _DATE_AFTER.match(text, m.end("sp"), e) \
            or not _SIGNATURE_END.match(text, m.end(), e) and m.end() < e \
            or not plausible(text, m.start("sp"), m.end("sp")):
        return None
    sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role"))
    return Found(sp_s, sp_e, role, m.span("cue"), "after.dash", 0.85)

def _after(text: str, s: int, e: int, dash_ok: bool = True) -> Found | None:
    if text[s:s + 1] in ("'", "’") and text[s - 2:s] == "''":
        s += 1  # ''… 'We'll bomb them,''' said X: the third mark closes the inner quotation
    seg_end = min(e, s + 250)
    # “… the end.” He told …: a full stop inside the marks ends the sentence, so a capitalised subject
    # after it starts a new one (“…?” Vitter demanded. still attributes)
    j = s - 1
    while j > 0 and text[j] in "\"'”’»`":
        j -= 1
    if text[j] == "." and _NEW_SENTENCE.match(text, s, seg_end) and not _BARE_ATTRIBUTION.match(text, s, seg_end):
        return None  # (but “… the emails.” Trump said.: a sentence of a name and a cue alone attributes)
    lead = _LEAD.match(text, s, seg_end)
    cue_first = lead is not None and text[lead.end():lead.end() + 3] in _CUE_HEADS
    cue_sp = m = _AFTER_CUE_SP.match(text, s, seg_end) if cue_first else None
    if m and m.group("sp")[:1].isupper() and _NAME_THEN_STOP.match(text, m.end("sp"), seg_end) \
            and plausible(text, m.start("sp"), m.end("sp")):
        sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role"))
        return Found(sp_s, sp_e, role, m.span("cue"), "after.cue_speaker", 0.95)
    m = _AFTER_CUE_ROLE_COMMA_NAME.match(text, s, seg_end) if cue_first else None
    if m and (m.group("pre").split()[0].lower() in DETS or "'" in m.group("pre") or "’" in m.group("pre")
              or _org_role_ok(m.group("pre"))):
        sp_s, sp_e, _ = trim_speaker(text, m.start("sp"), m.end("sp"), None)
        return Found(sp_s, sp_e, m.group("pre").strip(), m.span("cue"), "after.cue_speaker", 0.95)
    m = _AFTER_CUE_ROLE_NAME.match(text, s, seg_end) if cue_first else None
    if m and any(w[:1].islower() for w in m.group("pre").split()) and \
            m.group("pre").split()[0].lower() not in DETS and plausible(text, m.start("sp"), m.end("sp")):
        # the role words and the name are split as one phrase: "panel Chairman Rep. | Jason Chaffetz"
        sp_s, sp_e, role = trim_speaker(text, m.start("pre"), m.end("sp"), m.group("role"))
        return Found(sp_s, sp_e, role, m.span("cue"), "after.cue_speaker", 0.95)
    m = _AFTER_ORG_ROLE_COMMA_NAME_CUE.match(text, s, seg_end)
    if m and _org_role_ok(m.group("pre")) and plausible(text, m.start("sp"), m.end("sp")):
        sp_s, sp_e, _ = trim_speaker(text, m.start("sp"), m.end("sp"), None)
        return Found(sp_s, sp_e, " ".join(m.group("pre").split()), m.span("cue"), "after.speaker_cue", 0.9)
    cue_last = None
    for rx, rule, conf in ((_AFTER_CUE_SP, "after.cue_speaker", 0.95), (_AFTER_SP_CUE, "after.speaker_cue", 0.95),
                           (_AFTER_CHAIN_CUE, "after.speaker_cue", 0.9)):
        if rx is _AFTER_CUE_SP:
            m = cue_sp  # matched above
        else:
            if cue_last is None:
                cue_last = _CUE_AFTER_SPACE.search(text, s, seg_end) is not None
            m = rx.match(text, s, seg_end) if cue_last else None
        if m and rx is _AFTER_CHAIN_CUE and not any(w[:1].islower() for w in m.group("sp").split()):
            continue  # a plain name is the simpler rules' business
        if m and m.group("cue")[:1].isupper() and not _AFTER_CAPITALISED_CUE.match(text, m.end("cue"), seg_end):
            continue  # “…” Howard Dean Tells Democratic Convention: a title-case headline
        if m and rx is not _AFTER_CUE_SP and passive_cue(text, s, m.start("cue"), m.group("cue")):
            # “…,” the inquiry was told by bereaved mother Ann Cole: the agent speaks, not the passive's subject
            by = _BY_ROLE_AGENT.match(text, m.end("cue"), seg_end)
            if by:
                sp_s, sp_e, role = trim_speaker(text, by.start("sp"), by.end("sp"), None)
                return Found(sp_s, sp_e, role, m.span("cue"), "after.passive_by", 0.8)
            continue
        if m and m.group("cue").lower() in _NOUNABLE and m.group("sp").split()[0].lower() in ("a", "an", "the") \
                and m.group("sp").split()[-1][:1].isupper() and not _CUE_ENDS_CLAUSE.match(text, m.end("cue"), seg_end):
            # describing as “unhinged” a Donald Trump tweet attacking …: a noun after a name, not a cue (but “…,”
            # the Financial Times reports. / the Kremlin claims that …: the verb ends its clause or takes one)
            continue
        if m and plausible(text, m.start("sp"), m.end("sp")):
            if "role" in rx.groupindex and m.group("role") and (m.group("sp").split()[0].lower() in DETS
                                                                 or _POSSESSIVE_HEAD.match(m.group("sp"))) \
                    and _ROLE_THEN_NAME.fullmatch(m.group("role").strip()):
                # “…,” the UN's coordinator in Kenya, Stephen Jackson, told AFP / Sanders's campaign manager,
                # Jeff Weaver, said / Scott's niece, state Del. Marcia "Cia" Price (D), shouted: the name is the apposition
                a, b, inner = trim_speaker(text, m.start("role"), m.end("role"), None)
                if _FULL_NAME_ONLY.fullmatch(text, a, b):
                    role = ", ".join(r for r in (m.group("sp").strip(), inner) if r)
                    return Found(a, b, role, m.span("cue"), rule, conf)
            sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), m.group("role") if "role" in rx.groupindex else None)
            return Found(sp_s, sp_e, role, m.span("cue"), rule, conf)
    if dash_ok:
        f = _dash_signature(text, s, e)
        if f:
            return f
    # “…,” he surmised. / “…,” the email read. / “…,” remembered Roy Verley: a quotation that ends with a
    # comma (or ? !) inside its marks is followed by its attribution, whatever the verb
    if text[j] in ",?!—–" and text[s:s + 1] in (" ", "\u00a0"):
        for rx, rule in ((_AFTER_SP_ANYVERB, "after.speaker_verb"), (_AFTER_ANYVERB_SP, "after.verb_speaker")):
            m = rx.match(text, s, seg_end)
            if m and plausible(text, m.start("sp"), m.end("sp")) and m.group("cue") not in _NOT_SPEECH_VERBS:
                sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
                return Found(sp_s, sp_e, role, m.span("cue"), rule, 0.75)
    return None

def _org_role_ok(pre: str) -> bool:
    """Does "Acme chief executive" / "Labour leader" end in a role noun, after capitalised words that open no clause?"""
    words = pre.split()
    return words[-1].lower() in _ROLE_HEADS and words[0] not in NOT_NAME and words[0].lower() not in PRONOUNS


_ROLE_HEADS = frozenset({w.lower() for w in ROLE_WORDS} | {k for k, v in SOURCE_NOUNS.items() if v == "person"})


def _sentence_end(doc: TextDoc, c: Candidate) -> Found | None:
    """“…” on the issue until now, the Tory source said. — an attribution closing the sentence."""
    text = doc.text
    ss, se = doc.sentences[doc.sentence_index(c.pair.outer_end - 1)]
    if se <= c.pair.outer_end or se - c.pair.outer_end > 600:
        return None  # (an attribution closing the sentence is short: never scan a runaway "sentence" per quotation)
    # (_SENT_FINAL's cue, of every alternative, follows a space and precedes no letter or hyphen: where
    # _CUE_AFTER_SPACE finds none, it finds nothing)
    m = _CUE_AFTER_SPACE.search(text, c.pair.outer_end, se) and \
        _SENT_FINAL.search(text, c.pair.outer_end, se)
    # … are sickening, Hollande said Tuesday, noting the nominee “makes you …”: a participle clause after the
    # attribution may hold quotations of its own
    if not m or _MARK_IN.search(text, m.start(), m.start("ptail") if m.group("ptail") else se):
        return None
    if not plausible(text, m.start("sp"), m.end("sp")):
        return None
    role = m.group("role")
    if m.group("sp").split()[0].lower() in DETS and role:
        # …, said the bureau's director, James B. Comey, on Monday: the name is the apposition
        name = _FULL_NAME_ONLY.match(role)
        if name and _NAME_THEN_STOP.match(role, name.end()):
            a = m.start("role")
            return Found(a + name.start(), a + name.end(), m.group("sp").strip(), m.span("cue"), "after.sentence_end", 0.8)
    sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), role and role.strip(" .!?"))
    return Found(sp_s, sp_e, role, m.span("cue"), "after.sentence_end", 0.8)

def _passive_by(text: str, doc: TextDoc, c: Candidate, a_end: int) -> Found | None:
    """Buhecha was called “…” by the sentencing judge."""
    ss = doc.sentences[doc.sentence_index(c.pair.open)][0]
    if not _PASSIVE.search(text, max(ss, c.pair.open - 60), c.pair.open):
        return None
    m = _BY_AGENT.match(text, c.pair.outer_end, a_end)
    if not m:
        return None
    sp_s, sp_e, role = trim_speaker(text, m.start("sp"), m.end("sp"), None)
    return Found(sp_s, sp_e, role, None, "after.passive_by", 0.8)

_CLAUSE_START = regex.compile(r"(?:^|[,:;(\"“”—–]|\s(?:and|but|then)|[.!?]['’”\"]?)\s*$")
_OBJECT_FIRST = frozenset("""call calls called calling told tell tells telling ask asks asked asking urged urging
    urge urges thanked thanking accused accusing warned warning reminded reminding""".split())
_HYPOTHETICAL = regex.compile(r"(?<![\p{L}])(?:will|would|could|might|may|should|can|must|to|won['’]t|wouldn['’]t)\s+"
                              r"(?:\p{Ll}+ly\s+)?$")
_CONTINUE_TO = regex.compile(r"\s+[\"“‘']*to\s")
_NEW_CLAUSE = regex.compile(r"(?:[,;]\s+(?:and|but|while|whereas|yet)|[;:]|\s[—–]|\s--)\s+(?=\p{Lu}|(?:he|she|they|we|it|the)\s)")
# a share before "of": "Most of the residents said", "Two of the nurses told"
_SHARE_OF = regex.compile(r"(?<![\p{L}])(?:(?i:a|the)\s+)?(?i:\L<shares>)\s+of\s+\Z", shares=SHARE_WORDS)
# a name's apposition and the relative pronoun that is the cue's subject: "Ivo Stahl, a harbour pilot who said"
_APPOSITION_WHO = regex.compile(r",\s+(?P<role>(?:a|an|the)\s[^,;:.!?\"“”\n]{2,60}?)\s+(?P<who>who)\s+(?:\p{Ll}+\s+){0,2}\Z")
# a relative clause from a subject to the quotation, with no comma to close it
_WHO_CLAUSE = regex.compile(r",\s+(?P<who>who)\s(?:(?!--)[^,;:.!?\n—–]){3,120}\Z")
# "Beck, who has in the past described Trump as “…”": the relative pronoun is the cue's subject
_WHO_AFTER = regex.compile(r",?\s+(?P<who>who)\s")
_WHO_BEFORE = regex.compile(r",?\s+(?P<who>who|which)\s+(?:[\p{Ll}\d]+\s+){0,4}\Z")
# a subject pronoun and its verb: "although she made it clear", "as he keeps talking"
_SUBJECT_PRONOUN = regex.compile(r"(?<![\p{L}’'])(?P<p>[Hh]e|[Ss]he|[Tt]hey)(?:['’](?:s|d|ll|ve|re))?\s+(?P<v>\p{Ll}[\p{L}’'\-]*)")
_THAT_BEFORE = regex.compile(r"(?<![\p{L}])that\s+$")
_WITH = regex.compile(r"(?<![\p{L}])with\s+(?P<q>(?:one|some|many|each|all|several|most|none|two|three)\s+of\s+)?$")
_VERB_OBJECT = regex.compile(r"\s+(?:to|it|him|her|them|us|me|you|his|their|its)\s")
# "with many marchers chanting", "with the campaign saying", and a bare plural: "with progressives warning"
_WITH_NP = regex.compile(r"(?<![\p{L}])with\s+(?P<np>(?:(?:many|some|several|the|a|an|one|two|three|his|her|their|its)\s|"
                          r"\p{Lu})[^,;:\"“”()]{1,60}?|\p{Ll}[\p{Ll}\-]+s)(?:\s+\p{Ll}+ly)?\s+\Z")
# "responded with a statement calling …": the document speaks for the sentence's subject, who issued it
_ISSUED_DOCUMENT = regex.compile(rf"(?:a|an|the|its|his|her|their)\s+(?:[\p{{Ll}}-]+\s+){{0,2}}(?:{DOCUMENT_NOUN}|tweet|post)\Z")
# "State television quoted her as saying", "DNA quoted President Andrei Kovach as saying": the one quoted speaks
_QUOTED_AS = regex.compile(r"(?<![\p{L}])quot(?:ed|es|ing)\s+(?P<np>him|her|them|(?:(?:the|a|an|one)\s+)?\p{Lu}[^,;:\"“”()]{0,60}?|"
                           r"(?:the|a|an|one)\s+[^,;:\"“”()]{1,60}?)\s+as\s+\Z")
# "the Security Council issued a statement calling the test “…”": the issuer speaks through its statement
_ISSUED_BY_SUBJECT = regex.compile(rf"(?<![\p{{L}}])(?P<verb>issued|released|put\s+out|published|posted|sent|circulated)\s+"
                                   rf"(?:a|an|the|its|his|her|their)\s+(?:[\p{{Ll}}-]+\s+){{0,2}}(?:{DOCUMENT_NOUN}|tweet|post)"
                                   r"\s*,?\s*\Z")
# "The video shows her saying", "cameras caught Mr. Hale telling": the one seen or heard speaks
_SHOWN_SAYING = regex.compile(r"(?<![\p{L}])(?:shows?|showed|shown|captures?|captured|catch(?:es)?|caught|hears?|heard|"
                              r"sees?|saw|seen|recorded|filmed)\s+(?P<np>him|her|them|\p{Lu}[\p{L}.\-’']*(?:\s+\p{Lu}[\p{L}.\-’']*){0,3})\s+\Z")
_OF_WITH = regex.compile(r"(?<![\p{L}])(?:of|with)\s+$")
_AND_THAT = regex.compile(r"(?<![\p{L}])and\s+that\s")
# a subordinate clause with a subject of its own: "…, although Bill Clinton won the spin by declaring …"
_CLAUSE_OPEN = regex.compile(r"[,;(]\s*(?:although|though|while|whereas|because|since|when|after|but)\s+"
                             r"(?=\p{Lu}|(?:he|she|they|we|I)\s)")
_COORDINATED = regex.compile(r"(?<![\p{L}])(?:and|but|then|and\s+then|but\s+then|or)\s+(?:(?:also|later|then|\p{Ll}+ly)\s+)?$")


# a sentence break inside the gap between a cue and the quotation ("Mr. Rubio:" is none)
_GAP_BREAK = regex.compile(rf"{_NOT_ABBREV}[.!?][\"”’']?\s")
# "has said the same, including the former candidate Mitt Romney -- “…” -- and …": the example named before a
# quotation set off by dashes is its speaker
_INCLUDING_DASH = regex.compile(
    rf"(?<![\p{{L}}])(?:including|such\s+as|among\s+them|notably)\s+(?:(?:the|a|an)\s+)?(?:[\p{{Ll}}\-]+\s+){{0,4}}?"
    rf"(?P<sp>{NAME_PAT})\s*(?:--|—|–)\s*\Z", titles=TITLES)
_DASH_AFTER = regex.compile(r"[,.]?\s*(?:--|—|–)")
_BY_AGENT_BEFORE = regex.compile(
    rf"\s*by\s+(?P<sp>(?:the\s+)?(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}{NAME_PAT})\s*[,:]?\s*\Z", titles=TITLES)


# a subordinate clause opening the sentence ("As Smith said, the plan is “…”" attributes, so not "As")
_FRONTED = regex.compile(r"[\s\"“‘'(]*(?:After|When|Whenever|Before|Since|Once|Because|While|Although|Though|If|Until|"
                         r"Even\s+though|Even\s+after|Even\s+as)\s")
_NEW_SUBJECT_AFTER_COMMA = regex.compile(r",\s+\p{L}+\s+\p{L}")


def _fronted_clause_end(text: str, ss: int, e: int) -> int:
    """Where a fronted subordinate clause ends (its first comma) when the main clause has words of its own before
    ``e``; -1 when the sentence opens with none ("When asked, Smith said, “…”": the clause is after the comma)."""
    m = _FRONTED.match(text, ss, e)
    if not m:
        return -1
    comma = text.find(",", m.end(), e)
    if comma < 0 or not _NEW_SUBJECT_AFTER_COMMA.match(text, comma, e):
        return -1
    return comma


def _governing_cues(doc: TextDoc, s: int, e: int) -> list:
    """The cues before a quotation that can govern it, nearest last. Left out: a capitalised word inside a name
    (“The Washington Post”), and "continue to" (“will continue to be …”)."""
    text = doc.text
    out = []
    for m in doc.cues_in(s, e):
        if m.end() > e:
            continue
        w = m.group()
        if w[:1].isupper() and m.start() > s and not _CLAUSE_START.search(text, max(s, m.start() - 4), m.start()):
            continue  # "told The Washington Post", "Face the Nation": part of a name, not a verb
        if w.lower().startswith("continue") and _CONTINUE_TO.match(text, m.end(), e):
            continue
        if w.lower() in ("go on", "goes on", "went on") and not _GO_ON_REPORTS.match(text, m.end(), e):
            continue
        out.append(m)
    return out


def nested_before(doc: TextDoc, s: int, c: Candidate) -> Found | None:
    """The cue and speaker before a quotation inside another, looked for from ``s`` (inside the outer one)."""
    return _before(doc, s, c.pair.open, c)


def _before(doc: TextDoc, s: int, e: int, c: Candidate) -> Found | None:
    text = doc.text
    # stay within the sentence holding the opening mark
    sent = doc.sentences[doc.sentence_index(c.pair.open)]
    s = max(s, sent[0])
    if s >= e:
        return None
    inc = _INCLUDING_DASH.search(text, max(s, e - 160), e)
    if inc and _DASH_AFTER.match(text, c.pair.outer_end) and name_type(inc.group("sp")) == "person":
        a, b, role = trim_speaker(text, inc.start("sp"), inc.end("sp"), None)
        return Found(a, b, role, None, "before.dash_example", 0.75)
    cues = _governing_cues(doc, s, e)
    hypothetical = {m.start() for m in cues
                    if _HYPOTHETICAL.search(text, max(s, m.start() - 30), m.start())}
    verb_cues = [m for m in cues if m.group().lower() not in _NOUN_CUES and m.start() not in hypothetical]
    coordinated = None
    far = 90
    fronted = _fronted_clause_end(text, sent[0], e)
    for n in range(len(cues) - 1, -1, -1):
        m = cues[n]
        if m.start() < fronted:
            continue  # "After the host asked about it, the couple became “…”": the cue is the fronted clause's
        gap = text[m.end():e]
        at = _AND_THAT.search(gap)
        if at and not _THAT_IN.search(gap, 0, at.start()):
            # "Reid said that he spoke with Sanders and that the senator faced a “…”": the nearer cue sits in the
            # first that-clause; the earlier cue governs both (but "told reporters that … and that “…”" governs)
            far = 250
            continue
        if len(gap) > far or _GAP_BREAK.search(gap):
            continue
        cue_words = m.group().lower()
        earlier_verb = any(v.start() < m.start() for v in verb_cues)
        # a reporting verb whose clause holds this cue ("Ryan told CNN that Ginsburg’s comments “…”", "saying
        # Trump’s comments “…”"); not a verb whose object the cue noun is ("remembered Meyer’s suggestion")
        reported = [v for v in verb_cues if v.start() < m.start()]
        if earlier_verb and m.start() in hypothetical:
            continue  # "Obama said he expected that Americans will say “no”": the report is Obama's
        if cue_words in ("accused", "criticised", "criticized") and text.startswith(" of ", m.end()):
            continue  # "Prisons minister accused of ‘burying’ report": a reduced passive, the accused does not speak
        if cue_words.startswith("according"):
            sp = _ACCORDING_SP.match(text, m.end(), e)
            if sp:
                a, b, role = trim_speaker(text, sp.start("sp"), sp.end("sp"), None)
                return Found(a, b, role, m.span(), "before.according_to", 0.9)
            continue
        if cue_words in _NOUN_CUES:
            got = possessive_before(text, s, m.start())
            if got and any(v.group().lower() in _REPORT_VERBS | _REPORT_PARTICIPLES
                           or v.group().lower() in _LABEL_VERBS and not gap.strip()  # "called her claims “…”"
                           or _THAT_IN.search(text, v.end(), got[0])
                           or _AS_BEFORE.search(text, max(s, e - 6), e) for v in reported):
                # (also "dismissed criticism of Mr. Trump's comments as “…”": the verb's subject labels them)
                continue  # "Ryan told CNN that Ginsburg’s comments “…”": the reporting verb's subject speaks
            if got:
                return Found(got[0], got[1], None, m.span(), "before.possessive", 0.8)
            if cue_words not in ("call", "calls", "claim", "claims", "promise", "pledge", "warning", "vow"):
                continue
        if passive_cue(text, s, m.start(), cue_words):
            by = _BY_AGENT_BEFORE.match(text, m.end(), e)
            if by:
                a, b, role = trim_speaker(text, by.start("sp"), by.end("sp"), None)
                if text[a:a + 1].isupper() and plausible(text, a, b):
                    return Found(a, b, role, m.span(), "before.passive_by", 0.8)
            continue  # "Trump was asked, “…”": the subject of a passive cue is not the speaker
        sent_start = doc.sentences[doc.sentence_index(m.start())][0]
        if cue_words.endswith("ing"):
            got = _participle_subject(doc, s, sent_start, m, verb_cues)
            if got:
                return Found(got[0], got[1], got[2], m.span(), got[3], 0.7)
        np = subject_before(text, s, m.start())
        if np and not _sane_subject(text, np[0], np[1]):
            np = None  # "Clinton would do better to say", "…; was denounced by the head of the Church; and declared"
        rel = _OBJECT_OF_WHO.search(text, max(s, np[0] - 40), np[0]) \
            if np and text.find("who", max(s, np[0] - 40), np[0]) >= 0 else None
        if rel:
            # "A harbour master who closed the port to ferries says": the relative clause's object is not the
            # subject; the phrase before "who" is
            got = subject_before(text, s, rel.start())
            np = got if got and _sane_subject(text, got[0], got[1]) else None
        if np is None and text.find("who", max(s, m.start() - 12), m.start()) >= 0:
            ap = _APPOSITION_WHO.search(text, max(s, m.start() - 120), m.start())
            named = subject_before(text, s, ap.start()) if ap else None
            if named and text[named[0]].isupper() and plausible(text, named[0], named[1]):
                # "attacked by Ivo Stahl, a harbour pilot who said …": the described person, by the relative
                return Found(named[0], named[1], ap.group("role"), m.span(), "before.speaker_cue", 0.8, ap.span("who"))
        if np and text[np[0]:np[1]].split()[0].lower() in DETS and PREP_BEFORE.search(text, max(s, np[0] - 12), np[0]):
            # "Protesters marching through the streets chanted": the phrase is a preposition's object
            share = _SHARE_OF.search(text, max(s, np[0] - 20), np[0]) if text.find("of", np[0] - 4, np[0]) >= 0 and \
                common_type(text[np[0]:np[1]]) == "group" else None  # (of people: not "One of his recent reads")
            got = (share.start(), np[1], None) if share else sentence_subject(text, sent_start, m.start())
            np = got if got and got[0] < np[0] else None  # (a share of the phrase speaks: "Most of the residents")
        if np and cue_words in _NOUNABLE and ("’s" in text[np[1] - 2:np[1] + 2] or "'s" in text[np[1] - 2:np[1] + 2]) and any(
                v.group().lower() in _LABEL_VERBS and 0 <= np[0] - v.end() <= 2 for v in reported):
            continue  # "calling Trump’s charge “pathetic”": the caller labels the charge; it is not Trump's word
        if np and cue_words in _NOUNABLE and (text[np[0]:np[1]].split()[0].lower() in DETS or
                                              _DET_BEFORE.search(text, max(s, np[0] - 8), np[0]) or
                                              PREP_BEFORE.search(text, max(s, np[0] - 12), np[0])) \
                and not (_VERB_OBJECT.match(text, m.end(), e) and (
                    cue_words.endswith("s") or not text[m.end():m.end() + 4].startswith(" to "))) \
                and not (cue_words.endswith("s") and not text[np[1] - 1:np[1]] in "s'’" and
                         not text[np[1]:m.start()].strip() and gap.strip() in ("", ":", ",", "that") and
                         not PREP_BEFORE.search(text, max(s, np[0] - 12), np[0])):
            # (but "The ad claims “…”": a singular subject and its verb, the quotation right after)
            # "a controversial comment", "in a Facebook post", "of Republican claims": the cue is a noun here (but "The former first lady
            # calls it her “…”", "Her economic plan promises to “…”": a verb with its object)
            np = None
        if np:
            outer = _outer_report(doc, sent_start, np[0], verb_cues)
            if outer:
                return Found(outer[0], outer[1], outer[2], m.span(), "before.speaker_cue", 0.8)
            conf = 0.9 if gap.strip() in ("", ":", ",", "that") else 0.8
            # the relative pronoun right after the name or its short apposition ("Sen. Marco Rubio of Florida, who")
            who = _WHO_BEFORE.search(text, np[1], m.start())
            if who and who.start() - np[1] > 60:
                who = None
            return Found(np[0], np[1], np[2], m.span(), "before.speaker_cue", conf,
                         who.span("who") if who else None)
        if coordinated is None and cue_words not in _NOUNABLE and _COORDINATED.search(
                text, max(sent_start, m.start() - 30), m.start()):
            # "Carson took the stage … and called the system “…”": the coordinated verb shares the subject
            # (an earlier cue of the sentence, tried first, may name it: "denounced … and said")
            clause = sent_start
            for b in _NEW_CLAUSE.finditer(text, sent_start, m.start()):
                clause = b.end()  # "A group called for a boycott, and the League denounced … and said"
            got = _earlier_cue_subject(doc, clause, m.start()) or \
                sentence_subject(text, clause, m.start(), loose=True) or subject_of_previous_verb(text, clause, m.start())
            if got and got[1] < m.start():
                coordinated = Found(got[0], got[1], got[2], m.span(), "before.coordinated", 0.7)
        # inverted before the quote: said Zhao Xijun: “…” (the cue opens its clause; "telling CNBC:",
        # "call Fields “…”", "said of Mr. Rubio:" name the hearer or the topic, not the speaker)
        if cue_words in _OBJECT_FIRST or m.start() > sent_start and not _CLAUSE_START.search(
                text, max(sent_start, m.start() - 6), m.start()):
            continue
        inv = _AFTER_CUE_SP.match(text, m.start(), e)
        if inv and inv.group("sp")[:1].isupper() and not text[inv.end():e].strip(" ,:") and \
                plausible(text, inv.start("sp"), inv.end("sp")):
            a, b, role = trim_speaker(text, inv.start("sp"), inv.end("sp"), inv.group("role"))
            return Found(a, b, role, m.span(), "before.cue_speaker", 0.85)
    return coordinated


_OBJECT_OF_WHO = regex.compile(r"(?<![\p{L}])who\s+(?:\p{Ll}+\s+){1,2}\Z")
_SUBORDINATORS = frozenset("While When Whereas If Although Though Because As After Before Since Unless Until".split())
_PHRASE_END_WORDS = frozenset("to for of in on at by with from and or but than as".split())


def _sane_subject(text: str, a: int, b: int) -> bool:
    """A cue's subject phrase that can be a speaker: not one holding a semicolon ("… Church;"), opening with a
    subordinator ("While Clinton"), ending with a preposition ("do better to") or, lower-cased, with no
    determiner or source noun ("power for what's today")."""
    words = text[a:b].split()
    return bool(words) and ";" not in text[a:b] and words[0] not in _SUBORDINATORS and \
        words[-1].lower() not in _PHRASE_END_WORDS and (words[0][:1].isupper() or plausible(text, a, b))


def _clause_pronoun(doc: TextDoc, after: int, before: int) -> tuple[int, int] | None:
    """The last subject pronoun between a distant subject and its quotation, when it is the subject of a
    clause of its own ("Clinton endorsed the deal, although she made it clear that she has “…”" -> the first
    she). A pronoun after a reporting verb is the subject of what is reported ("Guerrero said he had been
    willing to “…”"): the reporting verb's subject stays the mention."""
    text = doc.text
    best = None
    for m in _SUBJECT_PRONOUN.finditer(text, after, before):
        v = m.group("v")
        if not (verb_like(v) or v.endswith(("ed", "s")) and len(v) > 3 or "’" in m.group() or "'" in m.group()):
            continue
        if _THAT_BEFORE.search(text, max(after, m.start() - 6), m.start()):
            continue
        if doc.cues_in(after, m.start()):
            break
        best = m.span("p")
    return best


def _with_clause_pronoun(doc: TextDoc, f: Found | None, before: int) -> Found | None:
    if f is None or f.mention is not None or doc.text[f.sp_start:f.sp_end].lower() in PRONOUNS:
        return f
    p = _clause_pronoun(doc, f.sp_end, before)
    if p:
        f.mention = p
    return f


_REPORT_VERBS = frozenset("said says told tells added adds argued argues wrote writes noted notes".split())
_REPORT_PARTICIPLES = frozenset("saying telling adding arguing writing noting stating".split())
# verbs whose object the quotation labels: "calling Trump's charge “pathetic”" is the caller's word
_LABEL_VERBS = frozenset("""call calls called calling describe describes described describing label labels labelled
    labeled labelling labeling brand brands branded branding dub dubs dubbed dubbing deem deems deemed""".split())
_AS_BEFORE = regex.compile(r"(?<![\p{L}])as\s*$")
_THAT_IN = regex.compile(r"(?<![\p{L}])that\s")
# "went on to say", "goes on:": 'go on' reports only so ("once the Senate goes on recess" does not)
_GO_ON_REPORTS = regex.compile(r"\s*(?:to\s|about\s|[,:]|[\"“'‘])")
# "said", "told Reuters that", and, before a "that", a longer hearer or a time: "told a news conference that",
# "said on Monday that"
_THAT_GAP = regex.compile(
    r"\s*(?:(?:\p{Lu}\p{L}+\s+|reporters\s+|him\s+|her\s+|them\s+|me\s+|us\s+)?(?:that\s+)?"
    r"|(?:(?:a|an|the)\s+(?:[\p{L}\-]+\s+){1,3}|reporters\s+|\p{Lu}\p{L}+\s+)?"
    r"(?:(?:on|last|this|late|early)\s+\p{L}+\s+)?that\s+)\Z")


def _outer_report(doc: TextDoc, sent_start: int, np_start: int, verb_cues: list):
    """ "Rep. Steve Israel said Clinton called on members to be “…”": a reported clause right after an outer
    'said/told X (that)' is the outer speaker's report."""
    text = doc.text
    for v in reversed(doc.cues_in(sent_start, np_start)):
        if v.group().lower() not in _REPORT_VERBS:
            return None
        if not _THAT_GAP.match(text, v.end(), np_start):
            return None
        np = subject_before(text, sent_start, v.start())
        if np and (text[np[0]:np[0] + 1].isupper() or text[np[0]:np[1]].lower() in PRONOUNS):
            return np
        return None
    return None


def _earlier_cue_subject(doc: TextDoc, sent_start: int, pos: int) -> tuple[int, int, str | None] | None:
    """ "Mr. Trump said of the episode, ''…,'' adding that …" / "He said X and said that …": the named or
    pronoun subject of the nearest finite reporting verb earlier in the sentence."""
    text = doc.text
    for v in reversed(doc.cues_in(sent_start, pos)):
        w = v.group().lower()
        if w.endswith("ing") or w in _NOUNABLE or w in _NOUN_CUES or w.startswith("according") or \
                v.group()[:1].isupper() and v.start() > sent_start or \
                _HYPOTHETICAL.search(text, max(sent_start, v.start() - 30), v.start()) or \
                passive_cue(text, sent_start, v.start(), w):
            continue
        np = subject_before(text, sent_start, v.start())
        if np and (text[np[0]:np[0] + 1].isupper() or text[np[0]:np[1]].lower() in PRONOUNS):
            return np
        src = _source_after_comma(text, sent_start, v.start())
        if src:
            return src  # "…, one of the people said, adding that …": a source described, not named
        inv = _AFTER_CUE_SP.match(text, v.start(), pos)  # “…,” said Nora Quinn, adding: …
        if inv and text[max(sent_start, v.start() - 4):v.start()].rstrip()[-1:] in ("”", '"', "'", "’") and \
                inv.group("sp")[:1].isupper() and plausible(text, inv.start("sp"), inv.end("sp")):
            return trim_speaker(text, inv.start("sp"), inv.end("sp"), inv.group("role"))
        return None
    return None


# up to five lower-case words between a clause's comma and its verb: "…, one of the people said"
_LOWER_PHRASE_BEFORE = regex.compile(r",\s+(?P<np>\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*){0,4})\s+\Z")


def _source_after_comma(text: str, lo: int, verb: int) -> tuple[int, int, None] | None:
    """"…, one of the people said", "…, analysts said": a described source (its last word a source noun) after
    the comma that closes the clause before its verb."""
    m = _LOWER_PHRASE_BEFORE.search(text, max(lo, verb - 60), verb)
    if not m:
        return None
    head = m.group("np").rsplit(None, 1)[-1]
    if head in SOURCE_NOUNS or head[-1:] == "s" and head[:-1] in SOURCE_NOUNS:
        return m.start("np"), m.end("np"), None
    return None


def _participle_subject(doc: TextDoc, s: int, sent_start: int, m, verb_cues: list, depth: int = 0
                        ) -> tuple | None:
    """Who says what a participle cue (“…, saying”, “telling reporters”, “adding:”) introduces."""
    text = doc.text
    quoted = _QUOTED_AS.search(text, max(s, m.start() - 80), m.start()) or \
        _SHOWN_SAYING.search(text, max(s, m.start() - 60), m.start())
    if quoted:
        a, b, role = trim_speaker(text, quoted.start("np"), quoted.end("np"), None)
        if b > a:
            return a, b, role, "before.speaker_cue"
    issued = _ISSUED_BY_SUBJECT.search(text, max(s, m.start() - 80), m.start())
    if issued:
        np = subject_before(text, max(s, sent_start), issued.start("verb"))
        if np and _sane_subject(text, np[0], np[1]):
            return (*np, "before.participle")
    opened = None
    for opened in _CLAUSE_OPEN.finditer(text, max(sent_start, s), m.start()):
        pass
    if opened and not any(c in text[opened.end():m.start()] for c in "“”\"\n"):
        sent_start, s = opened.end(), opened.end()  # the participle belongs to the nearest clause's subject
    np = subject_before(text, s, m.start())
    if np and not text[np[1]:m.start()].strip() and text[np[0]:np[1]].lower() not in PRONOUNS:
        before = text[max(s, np[0] - 20):np[0]]
        w = _WITH.search(before)
        if text[np[0]:np[0] + 1].isupper() and _OF_WITH.search(before) \
                or w and (text[np[0]:np[1]].split()[0].lower() in DETS or w.group("q")) \
                and not _ISSUED_DOCUMENT.search(text, np[0], np[1]):
            # "footage of Trump saying", "with Gorka noting", "with one of her ads asking": the phrase right before
            a = np[0] - len(w.group("q") or "") if w else np[0]
            return a, np[1], np[2], "before.speaker_cue"
    w = _WITH_NP.search(text, max(s, m.start() - 80), m.start())
    if w and not any(verb_like(t, adverbs=False) for t in w.group("np").split()[1:]) and \
            not _ISSUED_DOCUMENT.search(text, w.start("np"), w.end("np")):
        # "with many marchers and spectators chanting “…”", "with the campaign of the former senator saying"
        a, b, role = trim_speaker(text, w.start("np"), w.end("np"), None)
        if b > a:
            return a, b, role, "before.speaker_cue"
    if depth == 0 and _COORDINATED.search(text, max(sent_start, m.start() - 30), m.start()):
        # "with Donald Trump tweeting that … and asking, “…”": the first participle's subject
        for v in reversed(doc.cues_in(sent_start, m.start())):
            if v.group().lower().endswith("ing") and v.start() < m.start():
                got = _participle_subject(doc, s if s <= v.start() else sent_start, sent_start, v, verb_cues, 1)
                if got:
                    return got
                break
    np = _earlier_cue_subject(doc, sent_start, m.start())
    if np:
        return (*np, "before.participle")
    got = sentence_subject(text, sent_start, m.start())
    if got:
        return (*got, "before.participle")
    got = sentence_subject(text, sent_start, m.start(), loose=True)
    return (*got, "before.participle") if got else None

def lead_in(doc: TextDoc, s: int, colon: int) -> Found | None:
    text = doc.text
    cues = [c for c in doc.cues_in(s, colon) if c.end() <= colon]
    for m in reversed(cues):
        np = subject_before(text, s, m.start())
        if np:
            return Found(np[0], np[1], np[2], m.span(), "lead_in.colon", 0.85)
        inv = _AFTER_CUE_SP.match(text, m.start(), colon)
        if inv and plausible(text, inv.start("sp"), inv.end("sp")):
            a, b, role = trim_speaker(text, inv.start("sp"), inv.end("sp"), None)
            return Found(a, b, role, m.span(), "lead_in.colon", 0.85)
    got = sentence_subject(text, s, colon)
    if got and (text[got[0]:got[1]].lower() in PRONOUNS or text[got[0]].isupper()) and \
            text[got[0]:got[1]].split()[0] not in ("The", "A", "An", "This", "That"):
        return Found(got[0], got[1], got[2], None, "lead_in.subject", 0.6)
    # verbless: "Hugh Hill, a doctor:" or "• X, title:"
    m = _VERBLESS.search(text[s:colon])
    if m and name_type(m.group("sp")) == "person" and m.group("sp").split()[0] not in NOT_NAME \
            and not page_label(m.group("sp")):
        return Found(s + m.start("sp"), s + m.end("sp"), m.group("role"), (colon, colon + 1), "lead_in.colon", 0.7)
    return None


@dataclass(frozen=True, slots=True)
class AttributionRule:
    """A rule as a named value: its id (the ``rule`` of every quotation it attributes), what it does, an
    example it must attribute (to ``speaker``, the canonical name or the mention) and a counterexample that
    it must not attribute. tests/test_rules.py runs them all."""

    id: str
    description: str
    example: str
    speaker: str
    counterexample: str


RULES: tuple[AttributionRule, ...] = (
    AttributionRule("after.cue_speaker", "cue then speaker right after the closing mark",
                    "“We will appeal,” said Maria Lopez, a lawyer for the family.", "Maria Lopez",
                    "“We will appeal.” Said to be furious, the family left."),
    AttributionRule("after.speaker_cue", "speaker then cue right after the closing mark",
                    "“The bridge is safe,” the city engineer said on Monday.", "the city engineer",
                    "“The bridge is safe.” The city engineer said nothing more."),
    AttributionRule("after.speaker_verb", "any verb after a quotation that ends with a comma inside its marks",
                    "“People are afraid of wasting their votes,” he shrugged.", "he",
                    "“People are afraid of wasting their votes.” He shrugged."),
    AttributionRule("after.verb_speaker", "any verb then the speaker after a comma-ended quotation",
                    "“She took it upon herself to prove them wrong,” volunteered Roy Verley.", "Roy Verley",
                    "“She took it upon herself.” Volunteered by all, Roy Verley retired."),
    AttributionRule("after.dash", "a dash signature (—, ―, -, --) ending the line after a quotation that is its own "
                    "sentence, also on the next line",
                    "“Net neutrality is not a partisan issue.”\n— Commissioner Grace Whitlock", "Grace Whitlock",
                    "“Net neutrality is not a partisan issue.”\n— and nobody disagreed."),
    AttributionRule("after.passive_by", "a passive cue before a fragment and its agent after it",
                    "The dealer was called “one of the biggest pirates in the UK” by the sentencing judge.",
                    "the sentencing judge", "The dealer sold “pirated” films by the thousand."),
    AttributionRule("after.sentence_end", "an attribution closing the sentence that holds a fragment",
                    "The party has been “agnostic” on the issue until now, the Tory source said.",
                    "the Tory source", "The party has been “agnostic” on the issue until now."),
    AttributionRule("before.speaker_cue", "the subject of a cue verb before the quotation",
                    "Hugh Hill, a doctor, said: “The ward is full.”", "Hugh Hill",
                    "Experience shows that “hard work pays off” in the end."),
    AttributionRule("before.dash_example", "a person named as an example ('including X') before a quotation set off by dashes",
                    "Critics spoke out, including Senator Ann Cole — “This is a disgrace to the city” — and two governors.",
                    "Ann Cole", "Critics spoke out, including the slogan — “This is a disgrace to the city” — on banners."),
    AttributionRule("before.cue_speaker", "an inverted cue and name right before the quotation",
                    "Added Jones: “We will not.”", "Jones", "Added to the list: “We will not.”"),
    AttributionRule("before.according_to", "according to X before the quotation",
                    "According to Marta Silva, the company is “not leaving Lisbon”.", "Marta Silva",
                    "Contrary to rumours, the company is “not leaving Lisbon”."),
    AttributionRule("before.possessive", "a possessive name before a noun cue",
                    "This follows President Xi Jinping’s call to develop “new high-quality productive forces”.",
                    "Xi Jinping", "This follows the plan’s call to develop “new productive forces”."),
    AttributionRule("before.passive_by", "a passive cue before the quotation and its by-agent",
                    "Warren was asked by host Carl Diaz, “Will you run again?”", "Carl Diaz",
                    "Warren was asked, “Will you run again?”"),
    AttributionRule("before.coordinated", "a cue coordinated with an earlier verb shares its subject",
                    "Carson took the stage in Baltimore and called the system “rotten to the core”.", "Carson",
                    "The stage in Baltimore was packed and the system seemed “rotten to the core”."),
    AttributionRule("in_words", "in X’s words / in the words of X, before or after the quotation",
                    "The city chose Lisbon because, in Marta Silva’s words, “the port never sleeps”.", "Marta Silva",
                    "The city chose Lisbon because, in other words, “the port never sleeps”."),
    AttributionRule("before.participle", "a participle cue takes the sentence's subject",
                    "Warren endorsed Clinton on Thursday, saying “I think having a fighter in the lead matters.”",
                    "Warren", "Endorsements came on Thursday, with “I think” as the favourite opening."),
    AttributionRule("in_statement", "in a statement from X before or after the quotation, with no verb's subject",
                    "Russia dismissed the report. In a statement from the Foreign Ministry, the claims were called "
                    "“baseless and absurd.”", "the Foreign Ministry",
                    "In a statement from the Foreign Ministry, Moscow called the claims “baseless and absurd.”"),
    AttributionRule("lead_in.colon", "a colon lead-in, also at the end of the previous paragraph",
                    "In a statement, the company said:\n\n“Two aircraft were scrambled as a precaution.”",
                    "the company", "In a statement:\n\n“Two aircraft were scrambled as a precaution.”"),
    AttributionRule("lead_in.subject", "a colon or comma lead-in with no cue takes the sentence's subject",
                    "In his message, Ali Khamenei turned to the general: “He was a stellar example.”", "Ali Khamenei",
                    "In the message, the praise ran on: “He was a stellar example.”"),
    AttributionRule("after.as_put_it", "“…,” as X put it: X's words",
                    "The ferry plan was “dead on arrival,” as one harbour pilot put it.", "one harbour pilot",
                    "The ferry plan was “dead on arrival,” as the tide came in."),
    AttributionRule("before.relative_label", "a label in a relative clause is its subject's, not the speaker "
                    "the words after it name",
                    "Under what Mayor Ines Varro called “a fire sale of the century”, the port authority said it "
                    "would sell the ferry.", "Ines Varro",
                    "Under the plan “a fire sale of the century”, the port authority said it would sell the ferry."),
    AttributionRule("sentence.subject", "a fragment in a sentence whose subject is a name or pronoun",
                    "Ted Cruz pressed Republicans to “vote your conscience” and left the stage.", "Ted Cruz",
                    "The river rose “sharply and suddenly” overnight."),
    AttributionRule("inner.transcript_label", "a transcript speaker label inside the marks",
                    "“PENCE: Well, look, Mark Cuban has been saying some tough stuff.”", "PENCE",
                    "“UPDATE: the vote has been delayed until Monday.”"),
    AttributionRule("split", "the second piece of a quotation split by its attribution",
                    "“If we lose this case,” Karim Aziz said, “we will take it to the Supreme Court.”", "Karim Aziz",
                    "“If we lose,” Karim Aziz said. Later the court ruled against him."),
    AttributionRule("coordinated", "a fragment coordinated with an attributed one (and, or, but, a comma) shares it",
                    "Voters should “stay home” or “spoil the ballot,” the mayor wrote on Facebook.", "the mayor",
                    "Voters should “stay home.” Or “spoil the ballot,” the mayor wrote on Facebook."),
    AttributionRule("continuation", "a quotation with no cue continues the previous speaker",
                    "“The budget is balanced,” said Alan Smith.\n\n“The numbers speak for themselves.”",
                    "Alan Smith", "The budget passed on Tuesday.\n\n“The numbers speak for themselves.”"),
    AttributionRule("continuation.indirect", "a quotation paragraph (or sentence) after reported speech",
                    "But Omar Diaz, who owns a shop on the route, said the works would ruin his trade.\n\n"
                    "“I will lose half my customers.”", "Omar Diaz",
                    "The works will start in May.\n\n“I will lose half my customers.”"),
    AttributionRule("continuation.answer", "in an exchange, a quotation paragraph with no cue after an asked "
                    "question, or addressing the last speaker (“Yes, senator.”), is the other party's",
                    "“Will you resign?” asked Senator Paul Whitaker.\n\n“No,” said Diane Corrado.\n\n“Why not?” he "
                    "asked.\n\n“Because the board still backs me.”", "Diane Corrado",
                    "“Did I take their money?” said Mayor Ines Varro.\n\n“I was born at night, but not last night.”"),
    AttributionRule("continuation.subject", "a quotation with no cue right after a writer's sentence whose subject "
                    "is a named person (or he/she), with no reporting verb in it",
                    "Ines Varro is unapologetic about the closure. “I would rather shut the ferry than run it badly.”",
                    "Ines Varro",
                    "The ferry closed in May after forty years. “I would rather shut it than run it badly.”"),
    AttributionRule("headline.repeated", "a headline quotation the article quotes again is that quotation's",
                    "Flood town: 'We lost everything in an hour', says baker\n\nTom Pemberton said: \"We lost "
                    "everything in an hour. The water came so fast.\"", "Tom Pemberton",
                    "Flood town: 'We lost everything in an hour', says baker\n\nTom Pemberton said: \"The water "
                    "came so fast, and we saved nothing at all.\""),
    AttributionRule("headline.name_on", "‘…’: Name on topic — a headline quotation is the named interviewee's",
                    "‘I still get nervous before every show’: Priya Sandhu on fame and failure\n\nThe comedian "
                    "talks to us.", "Priya Sandhu",
                    "‘I still get nervous before every show’: the comedians on tour\n\nThe comedian talks to us."),
    AttributionRule("nested.speaker_cue", "a quotation inside another, attributed by a cue inside the outer one",
                    "Union leader Carol Smith said: “As the minister told me, ‘we will not back down’, and I believe "
                    "him.”", "the minister", "Carol Smith said: “The ‘red line’ is clear to everyone here.”"),
)
