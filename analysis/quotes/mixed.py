"""Quoted phrases in the object of a cue (``calling him a “loser”``, ``is promising to
“…”``) reported by the sentence subject, in the clause of a claim noun (``her assertion
that “…”``), in the that-clause of a verb outside the cue list (``X fired back that …``), in
an infinitive's object (``started to portray it as a “…”``), after a passive cue with a
named agent (``X has been called “…” by Y``) and, for a quoted clause of five or more words,
in the plain object of any verb of a named or pronoun sentence subject (``He voiced a wish
for a “strong, prosperous and vibrant Mexico”``). ``_quoted_objects`` returns the drafts."""
from __future__ import annotations

import bisect
import re

from analysis.quote_marks import QuotedSpan
from analysis.spans import Span
from analysis.speakers import speaker_after, speaker_before, speaker_words, subject_before
from analysis.quotes.drafts import MAX_INTRO_WINDOW, _Draft, _Region, _trim_content, _word_count
from analysis.quotes.cues import _Cue, _CueIndex, _is_trailing, _progressive
from analysis.quotes.clauses import (
    _AND_BEFORE, _DETERMINER_BEFORE, _IRREGULAR_PAST, _PASSIVE_BEFORE, _PRONOUN_SPEAKER, _clause_subject,
    _comma_before, _described_clause_subject, _name_subject,
)

# Between a cue and a quoted phrase in its object: a few words, no clause punctuation
# ("calling him a “loser”", "described it as “all very good”").
_OBJECT_WORD_CHAR = r"[^,;:.!?\"“”«»\n]"
_OBJECT_BRIDGE = re.compile(rf"{_OBJECT_WORD_CHAR}{{0,80}}")
# The same with a short adverbial set off by commas ("portraying Mexican immigrants, in
# particular, as “rapists”").
_OBJECT_BRIDGE_ASIDE = re.compile(
    rf"{_OBJECT_WORD_CHAR}{{1,60}},[ \xa0]+[a-z]+(?:[ \xa0]+[a-z]+){{0,2}},[ \xa0]+{_OBJECT_WORD_CHAR}{{0,40}}"
)

# A bridge that opens an adjunct, not an object, and holds no that- or to-clause ('called
# on people to “…”' stays): the quoted phrase names a programme, a place or an occasion
# ('said on NBC's “Meet the Press.”', 'admitted during an interview for POLITICO’s “Off
# Message” podcast').
_ADJUNCT_BRIDGE = re.compile(r"[ \xa0]+(?:on|in|at|during|after|before|by|while)[ \xa0](?:(?!\b(?:that|to)\b).)*", re.DOTALL)

# Between two quoted phrases of one object: "“meritless” and “improper”".
_OBJECT_LIST = re.compile(r",?\s+(?:and|or|but\s+also|but)\s+[^,;:.!?\"“”«»\n]{0,30}")


def _quoted_objects(text: str, regions: list[_Region], cues: _CueIndex, quotes: list[QuotedSpan],
                    drafts: list[_Draft]) -> list[_Draft]:
    """Quotations in no attribution that lie in the object of the nearest cue before them
    in their sentence: the clause from the object to the quotation's end, reported by the
    sentence's subject (``Carson called the system “rotten to the core.”``)."""
    covered = sorted((span.start, span.end) for draft in drafts for span in draft.content)
    covered_starts = [start for start, _ in covered]
    framed = sorted((d.cue.start, d.speaker) for d in drafts if d.cue is not None and d.speaker is not None)
    sentences = [sentence for region in regions for sentence in region.sentences]
    sentence_starts = [start for start, _ in sentences]
    out: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    for quote in quotes:
        at = bisect.bisect_right(covered_starts, quote.start) - 1
        if at >= 0 and covered[at][1] > quote.start:
            continue  # already in an attribution
        if out and out[-1].cue.start in by_cue and _OBJECT_LIST.fullmatch(text, out[-1].content[-1].end, quote.start) \
                and not cues.between(out[-1].content[-1].end, quote.start):
            out[-1].content[-1] = Span(out[-1].content[-1].start, quote.end)  # it “meritless” and “improper”
            continue
        index = bisect.bisect_right(sentence_starts, quote.start) - 1
        if index < 0 or quote.start >= sentences[index][1]:
            continue
        lo = sentences[index][0]
        found = [c for c in cues.between(lo, quote.start) if c.kind != "according"]
        if not found or not (_OBJECT_BRIDGE.fullmatch(text, found[-1].end, quote.start)
                             or _OBJECT_BRIDGE_ASIDE.fullmatch(text, found[-1].end, quote.start)):
            draft = _unlisted_frame(text, quote, lo, sentences[index][1])
            if draft is not None:
                out.append(draft)
            continue
        cue = found[-1]
        if _ADJUNCT_BRIDGE.fullmatch(text, cue.end, quote.start):
            draft = _unlisted_frame(text, quote, lo, sentences[index][1])
            if draft is not None:
                out.append(draft)
            continue
        progressive = _progressive(text, cue, lo)
        if (text[cue.start - 1:cue.start] == "-" or _DETERMINER_BEFORE.search(text, max(lo, cue.start - 6), cue.start)
                or (progressive is None and _PASSIVE_BEFORE.search(text, max(lo, cue.start - 12), cue.start))):
            # so-called, was called, an alleged "Congress toolkit": no report of its own, but
            # the clause may sit in another verb's object ('They note that … can be deemed “…”')
            draft = _passive_agent(text, quote, cue, lo, sentences[index][1]) or _unlisted_frame(text, quote, lo, sentences[index][1])
            if draft is not None:
                out.append(draft)
            continue
        comma = _comma_before(text, lo, cue.start)
        if text[cue.start:cue.end].lower().endswith("ing") and comma is not None:
            speaker = (_clause_subject(text, lo, comma) or _described_clause_subject(text, lo, comma)
                       or _name_subject(text, lo, comma))
        elif progressive is not None:
            speaker = speaker_before(text, lo, progressive) or subject_before(text, lo, progressive)
        else:
            speaker = (_by_participle_subject(text, lo, cue) or _timed_participle_speaker(text, lo, cue, framed)
                       or speaker_before(text, lo, cue.start))
            if speaker is None and _AND_BEFORE.search(text, max(lo, cue.start - 20), cue.start):
                speaker = _coordinated_speaker(text, lo, cue, framed, out)
            speaker = speaker or subject_before(text, lo, cue.start)
        content = _trim_content(text, cue.end, _object_end(text, quote, sentences[index][1]))
        if speaker is None or content is None:
            continue
        out.append(_Draft("indirect", [content], Span(cue.start, cue.end), speaker, "mixed-quoted-object", 0.5))
        by_cue[cue.start] = out[-1]
    return out


def _unlisted_frame(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted phrase whose nearest cue does not report it may lie in the object of a verb
    outside the cue list or in the clause of a claim noun."""
    return (_any_verb_object(text, quote, lo, sentence_end) or _infinitive_object(text, quote, lo, sentence_end)
            or _possessed_claim(text, quote, lo, sentence_end) or _subject_verb_object(text, quote, lo, sentence_end))


_BY_BEFORE = re.compile(r"\bby[ \xa0]+$")


def _by_participle_subject(text: str, lo: int, cue: _Cue) -> Span | None:
    """Who speaks in a participle cue after "by": the subject of the clause the means
    phrase belongs to ('Trump responded to that tweet by calling Alwaleed “dopey”'), when
    it opens with a capital (a name or a pronoun, not 'its history of rewarding')."""
    if text[cue.end - 3:cue.end] != "ing":
        return None
    by = _BY_BEFORE.search(text, max(lo, cue.start - 4), cue.start)
    subject = _clause_subject(text, lo, by.start()) if by else None
    return subject if subject is not None and text[subject.start].isupper() else None


_TIME_CONJUNCTION_BEFORE = re.compile(r",[ \xa0]+(?:before|after|while)[ \xa0]+$")


def _timed_participle_speaker(text: str, lo: int, cue: _Cue, framed: list[tuple[int, Span]]) -> Span | None:
    """Who speaks in a participle cue after ', before' / ', after' / ', while': the speaker
    of the last frame earlier in the sentence ('“…,” Trump told reporters, before insisting
    he had a “great relationship” with Latinos'), else the clause subject."""
    if text[cue.end - 3:cue.end] != "ing":
        return None
    conjunction = _TIME_CONJUNCTION_BEFORE.search(text, max(lo, cue.start - 10), cue.start)
    if conjunction is None:
        return None
    earlier = [speaker for start, speaker in framed[bisect.bisect_left(framed, (lo,)):] if start < cue.start]
    if earlier:
        return earlier[-1]
    subject = _clause_subject(text, lo, conjunction.start())
    return subject if subject is not None and text[subject.start].isupper() else None


MAX_PASSIVE_SUBJECT_WORDS = 12
_AGENT_BY = re.compile(r"[ \xa0]+by[ \xa0]+(?=[A-Z])")
_PASSIVE_AUXILIARY = re.compile(r"\b(?:(?:has|have|had)[ \xa0]+been|is|are|was|were)[ \xa0]+$")


def _passive_agent(text: str, quote: QuotedSpan, cue: _Cue, lo: int, sentence_end: int) -> _Draft | None:
    """A passive cue with a named agent after its quoted phrase reports the agent's words
    about the subject ('This feature … has been called “strategic ambiguity” by Joshua
    Hendrick, a professor …'): the subject and the quotation are the content."""
    agent = _AGENT_BY.match(text, quote.end, sentence_end)
    auxiliary = _PASSIVE_AUXILIARY.search(text, max(lo, cue.start - 16), cue.start)
    if agent is None or auxiliary is None:
        return None
    speaker = speaker_after(text, agent.end(), sentence_end, appositives=False)
    subject = _trim_content(text, lo, auxiliary.start())
    if speaker is None or subject is None or _word_count(text, subject.start, subject.end) > MAX_PASSIVE_SUBJECT_WORDS \
            or not text[subject.start].isupper():
        return None
    return _Draft("indirect", [subject, Span(quote.start, quote.end)], Span(cue.start, cue.end), speaker, "mixed-passive-agent", 0.4)


def _coordinated_speaker(text: str, lo: int, cue: _Cue, framed: list[tuple[int, Span]], out: list[_Draft]) -> Span | None:
    """The speaker of a cue coordinated with an earlier verb of its sentence ('met the
    farmers and urged them to “…”', 'referred to X as … but described Y as “…”'): the
    clause subject, else the speaker of the last attribution cued earlier in the sentence
    ('calling him a “stiff” and accusing him of …')."""
    subject = _clause_subject(text, lo, cue.start)
    if subject is not None and speaker_words().get(subject.text_of(text).lower()) != "RELATIVE":
        return subject
    earlier = [(start, speaker) for start, speaker in framed[bisect.bisect_left(framed, (lo,)):] if start < cue.start]
    earlier += [(draft.cue.start, draft.speaker) for draft in out[-1:] if lo <= draft.cue.start < cue.start]
    return max(earlier, key=lambda item: item[0])[1] if earlier else None


# A verb outside the cue list whose object holds a quoted phrase: 'heralded the deal as a
# “breakthrough”', 'refers to the governor as “Chris”' (VERB … as "…"), 'implied that
# scout leaders … “a millstone”', 'made the point that …' (VERB that … "…").
_VERB_AS_QUOTED = re.compile(
    r"(?P<verb>\b[a-z]{3,}(?:ed|es|[a-rt-z]s))(?P<object>(?:[ \xa0]+(?:to|of|on))?[ \xa0]+[^,;:.!?\"“”«»\n]{1,60}?[ \xa0]+as[ \xa0]+(?:an?[ \xa0]+|the[ \xa0]+)?)$"
)
# "for news accounts to portray Trump’s candidacy as a “working-class” rebellion", "officials
# started to portray the shooting as a “workplace” issue": an infinitive after its doer.
_INFINITIVE_AS_QUOTED = re.compile(
    r"(?:\b[a-z]{3,}ed[ \xa0]+)?(?P<verb>\bto[ \xa0]+[a-z]{3,})(?P<object>[ \xa0]+[^,;:.!?\"“”«»\n]{1,60}?[ \xa0]+as[ \xa0]+(?:an?[ \xa0]+|the[ \xa0]+)?)$"
)
_FOR_DOER = re.compile(r"[^\n]*\bfor[ \xa0]+")
_VERB_THAT_QUOTED = re.compile(
    r"(?P<verb>\b(?:[a-z]{3,}(?:ed|es|[a-rt-z]s)|(?<=[Tt]hey[ \xa0])(?<!\w[Tt]hey[ \xa0])[a-z]{3,}|made(?=[ \xa0]+(?:the[ \xa0]+point|(?:it[ \xa0]+)?clear)))(?:[ \xa0]+the[ \xa0]+point)?"
    r"(?:[ \xa0]+(?:back|out|again|repeatedly|publicly|(?:it[ \xa0]+)?clear))?)(?P<object>[ \xa0]+that[ \xa0]+[^;:!?\"“”«»\n]{0,120}?)$"
)


def _has_spaced_as(text: str, start: int, end: int) -> bool:
    """Is there an "as" after a space in ``text[start:end]``, as the "… as" patterns need?"""
    return text.find(" as", start, end) != -1 or text.find("\xa0as", start, end) != -1


def _any_verb_object(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    window = max(lo, quote.start - MAX_INTRO_WINDOW)
    for pattern, rule in ((_VERB_AS_QUOTED, "mixed-verb-as"), (_VERB_THAT_QUOTED, "mixed-verb-that")):
        if pattern is _VERB_AS_QUOTED and not _has_spaced_as(text, window, quote.start) \
                or pattern is _VERB_THAT_QUOTED and text.find("that", window, quote.start) == -1:
            continue  # the word each pattern ends on is absent: no need to try every position
        match = pattern.search(text, window, quote.start)
        if match is None:
            continue
        verb = Span(*match.span("verb"))
        if _PASSIVE_BEFORE.search(text, max(lo, verb.start - 12), verb.start):
            return None
        speaker = _any_verb_subject(text, lo, verb)
        content = _trim_content(text, match.start("object"), _object_end(text, quote, sentence_end))
        if speaker is None or content is None or _NOT_AN_OBJECT.search(text, match.start("object"), match.end("object")):
            return None
        return _Draft("indirect", [content], verb, speaker, rule, 0.4)
    return None


def _infinitive_object(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted phrase after "as" in the object of an infinitive, reported by the noun
    phrase before the infinitive (or before its -ed verb: 'officials started to portray')."""
    window = max(lo, quote.start - MAX_INTRO_WINDOW)
    match = _INFINITIVE_AS_QUOTED.search(text, window, quote.start) if _has_spaced_as(text, window, quote.start) else None
    if match is None or _NOT_AN_OBJECT.search(text, match.start("object"), match.end("object")):
        return None
    speaker = speaker_before(text, lo, match.start())
    content = _trim_content(text, match.start("object"), _object_end(text, quote, sentence_end))
    if speaker is None or content is None or text[speaker.start:speaker.end].lower() in ("it", "that", "this"):
        return None
    doer = _FOR_DOER.match(text, speaker.start, speaker.end)  # "common for news accounts to portray"
    if doer is not None:
        speaker = Span(doer.end(), speaker.end)
    return _Draft("indirect", [content], Span(*match.span("verb")), speaker, "mixed-infinitive-as", 0.4)


# "Trump's recent assertion that “thousands” …", "her claim that she “never sent …”", "his
# pledge to be “neutral”": a claim noun after its owner, then its that- or to-clause.
# "the contention of Hillary Clinton that …", "a report by Politico that he “fabricated” …":
# a claim noun, its named owner after "of" / "by", then its that-clause.
_CLAIM_OF_NAME_NOUNS = "claim|assertion|contention|charge|suggestion|report|argument|warning"
_POSSESSED_CLAIM_NOUNS = ("claim|assertion|accusation|insistence|contention|charge|suggestion|pledge|promise|vow|warning"
                          "|admission|remark|argument|declaration")
_CLAIM_OF_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa])[ \xa0]+(?P<cue>{_CLAIM_OF_NAME_NOUNS})[ \xa0]+(?:of|by)[ \xa0]+"
    r"(?P<speaker>(?:[\w.'’-]+[ \xa0]+){0,5}?[A-Z][\w.'’-]*)(?P<object>[ \xa0]+that[ \xa0]+[^;:!?\"“”«»\n]{0,120}?)$"
)
_POSSESSED_CLAIM = re.compile(
    r"(?P<speaker>\b(?:[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.-]*[ \xa0]+){0,3}[A-Z][\w.-]*['’]s?))"
    rf"(?:[ \xa0]+[\w-]+){{0,3}}?[ \xa0]+(?P<cue>{_POSSESSED_CLAIM_NOUNS})"
    r"(?P<object>(?:[ \xa0]+(?:during|in|on|at)[ \xa0]+[^,;:.!?\"“”«»\n]{1,30}?)?[ \xa0]+(?:that|to)[ \xa0]+[^;:!?\"“”«»\n]{0,120}?)$"
)
# Either claim pattern needs one of its nouns: a search for the nouns alone (every branch
# opens with a literal, so the engine skips ahead) spares the two searches tried at every
# position of the window when none is there.
_CLAIM_NOUN = re.compile(f"{_POSSESSED_CLAIM_NOUNS}|{_CLAIM_OF_NAME_NOUNS}")


_PROMISE_NOUNS = frozenset("pledge promise vow".split())
_TO_CLAUSE = re.compile(r"[ \xa0]+to[ \xa0]")


def _possessed_claim(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted phrase in the clause of a claim noun, reported by the noun's owner ('her
    assertion during the debate that “we now finally are …”', 'the contention of X that …')."""
    window = max(lo, quote.start - MAX_INTRO_WINDOW)
    if _CLAIM_NOUN.search(text, window, quote.start) is None:
        return None
    match = _POSSESSED_CLAIM.search(text, window, quote.start) or _CLAIM_OF_NAME.search(text, window, quote.start)
    if match is None or (_TO_CLAUSE.match(text, match.start("object")) and match.group("cue") not in _PROMISE_NOUNS):
        return None  # 'her claim to the “family farm”': a to-clause only after a promise
    content = _trim_content(text, match.start("object"), _object_end(text, quote, sentence_end))
    if content is None:
        return None
    return _Draft("indirect", [content], Span(*match.span("cue")), Span(*match.span("speaker")), "mixed-possessed-claim", 0.4)


# An object that is not the verb's own: another verb's ('appeared to cut deals … to describe
# it as'), a list ('words such as'), a pronoun ('contrasted that with').
_NOT_AN_OBJECT = re.compile(r"^[ \xa0]+that[ \xa0]+with\b|\S[ \xa0]+to[ \xa0]|\bsuch[ \xa0]+as\b")


def _any_verb_subject(text: str, lo: int, verb: Span) -> Span | None:
    """Who does an unlisted verb: a form in -s needs a name or a pronoun right before it
    ('the false accusations that …', 'All the messages …' are nouns); 'it' is no speaker
    ('It has not helped that …')."""
    word = text[verb.start:verb.end].split()[0]
    speaker = speaker_before(text, lo, verb.start)
    if speaker is None:
        return None
    said_by = text[speaker.start:speaker.end]
    if said_by.lower() in ("it", "that", "this"):
        return None
    last_word = said_by.split()[-1]
    if not word.endswith("ed") and not (last_word[:1].isupper() or _PRONOUN_SPEAKER.fullmatch(said_by)
                                        or _is_role_subject(said_by)):
        return None
    return speaker


def _is_role_subject(said_by: str) -> bool:
    """A capitalised phrase headed by a role or pronoun word of the speaker list ('The
    Sanders campaign projects that …', 'Maybe he figures that …'); a lower-case opening is
    often a noun phrase inside an object ('recent Clinton campaign accusations that …')."""
    return said_by[:1].isupper() and speaker_words().get(said_by.split()[-1].lower(), "RELATIVE") != "RELATIVE"


_CLAUSE_BREAK = re.compile(r"[,;:—–(\"“”]|\s-\s|\s(?:and|but|or|while|as|before|after|because|since|when)\s")


def _object_end(text: str, quote: QuotedSpan, sentence_end: int) -> int:
    """Where the object holding a quoted phrase ends: the quotation's end when punctuation
    closes it ('called it “cruel.”'), else the next clause break ('asked for more
    “flexibility” for advisers in Iraq, …')."""
    if text[quote.end - 2:quote.end - 1] in (".", ",", ";", ":", "!", "?") or text[quote.end:quote.end + 1] not in (" ", "\xa0"):
        return quote.end
    stop = _CLAUSE_BREAK.search(text, quote.end, sentence_end)
    end = stop.start() if stop else sentence_end
    return quote.end if _is_trailing(text[quote.end:end]) else end  # "… on Monday."


# The verb group after a sentence's subject: progressive ('is questioning', 'He’s
# predicting'), modal ('would not comment'), perfect ('has egged'), past or -s present.
_VERB_GROUP = re.compile(
    r"(?:(?<=[ \xa0])|(?<=\w)(?=['’]))(?P<verb>"
    r"(?:is|are|was|were|['’]s|['’]re)[ \xa0]+(?:(?:also|now|still|already|not|again)[ \xa0]+)?[a-z]{2,}ing"
    r"|(?:will|would|could|should|can|may|might|must)(?:[ \xa0]+not)?[ \xa0]+(?:(?:also|still|never|soon)[ \xa0]+)?[a-z]{2,}"
    r"|(?:has|have|had)[ \xa0]+(?:(?:also|already|long|repeatedly|since|not|never|recently)[ \xa0]+)?"
    r"[a-z]{2,}(?:ed|en|wn|ght|id|ld|ne|ng|nt|un)"
    rf"|{_IRREGULAR_PAST}|[a-z]{{2,}}ed|[a-z]{{3,}}(?:es|[a-rt-z]s))\b"
)
_SENTENCE_OPENER = re.compile(r"(?:(?:But|And|So|Still|Now|Meanwhile|Instead|Later|Then|Yet|Also)[ \xa0,]+)?")
# A plain object: no clause punctuation and no that-, wh- or to-clause, which the frame
# measured far less precisely (docs/benchmarks.md, twelfth round (c)).
_PLAIN_OBJECT = re.compile(r"[^,;:!?\"“”«»\n]*")
_CLAUSE_COMPLEMENT = re.compile(
    r"[ \xa0]+(?:[a-z]+[ \xa0]+)?(?:that|whether|if|how|why|what)\b|[ \xa0]+(?:[\w’'-]+[ \xa0]+){0,3}?to[ \xa0]+[a-z]"
)
_QUOTED_WORD = re.compile(r"[\w’'-]+")
_TITLE_SMALL_WORDS = frozenset("of the and a an in for to on at by with or from as".split())
MIN_CLAUSE_QUOTE_WORDS = 5


def _subject_verb_object(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted clause of five or more words, not a title, in the plain object of the
    sentence's first verb after a named or pronoun subject opening the sentence ('Sanders
    credited Clinton's victory to "a closed primary, something I am not …"', 'He voiced a
    wish for a "strong, prosperous and vibrant Mexico,"'), reported by that subject."""
    words = _QUOTED_WORD.findall(text, quote.start, quote.end)
    if len(words) < MIN_CLAUSE_QUOTE_WORDS or all(w[:1].isupper() for w in words if w.lower() not in _TITLE_SMALL_WORDS):
        return None
    for verb in _VERB_GROUP.finditer(text, max(lo, quote.start - MAX_INTRO_WINDOW), quote.start):
        speaker = speaker_before(text, lo, verb.start())
        if speaker is None:
            continue
        said_by = text[speaker.start:speaker.end]
        opener = _SENTENCE_OPENER.match(text, lo, speaker.start)
        if opener.end() != speaker.start or not (said_by.split()[-1][:1].isupper() or _PRONOUN_SPEAKER.fullmatch(said_by)) \
                or said_by.lower() in ("it", "that", "this", "there") \
                or not _PLAIN_OBJECT.fullmatch(text, verb.end(), quote.start) or _CLAUSE_COMPLEMENT.match(text, verb.end(), quote.start):
            return None
        content = _trim_content(text, verb.end(), _object_end(text, quote, sentence_end))
        if content is None:
            return None
        return _Draft("indirect", [content], Span(*verb.span("verb")), speaker, "mixed-subject-object", 0.4)
    return None
