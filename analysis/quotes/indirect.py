"""Indirect (reported) speech around a cue verb: ``X said (that) …``, ``…, X said.``,
``according to X, …``, refusals, ``Asked whether …`` openers and ``… when asked …``,
stance verbs with their object as content (``X criticized the budget``), findings, name-colon and title-case headlines (from :mod:`.headlines`), and indirect content
that runs on to the end of a quotation it stops inside. ``_indirect`` returns drafts."""
from __future__ import annotations

import bisect
import re

from analysis.quote_marks import QuotedSpan
from analysis.spans import Span, end_without_space
from analysis.speakers import speaker_after, speaker_before, subject_before
from analysis.quotes.drafts import _Draft, _Region, _inside, _trim_content, _word_count
from analysis.quotes.cues import _Cue, _CueIndex, _is_trailing, _participle_cue_start, _progressive
from analysis.quotes.clauses import (
    _AND_BEFORE, _CLAUSE_DETERMINERS, _CLAUSE_SUBJECTS, _CLAUSE_VERB, _DETERMINER_BEFORE,
    _PASSIVE_BEFORE, _PRONOUN_SPEAKER, _clause_subject, _comma_before, _described_clause_subject,
)
from analysis.quotes.headlines import (
    _headline_says, _name_colon, _quoted_headline, _quoted_headline_after,
)

_QUOTE_CHARS = "\"“”„‟«»‘’'"

# After a cue, words that show it is not reporting speech ("added to", "told to leave").
_NOT_REPORTING_NEXT = frozenset("to by for with about up off as into from of out".split())

_NEXT_WORD = re.compile(r"\s*(\S+)")

_TELL_VERBS = frozenset("tell tells told telling assured informed reminded".split())

_NAMING_VERBS = frozenset("called calls".split())
# "said about half of …", "said about 20 people …": "about" opens an amount, not a topic.
_ABOUT_AMOUNT = re.compile(r"\s+(?:\d|half\b|a\s+(?:third|quarter|dozen|hundred|thousand)\b|one\b|two\b|three\b|ten\b)")
# "declined to comment", "refused to say whether …": the refusal is what is reported.
_REFUSAL_VERBS = frozenset("declined declines refused refuses".split())
# "fees declined to $281 million", "declined 40 percent", "has declined significantly",
# "declined in almost every state": a fall, not a refusal.
_MODAL_BEFORE = re.compile(r"\b(?:will|would|can|could|may|might|must|should|['’]ll)(?:\s+(?:never|not|also|still))?\s+$")
_DECREASE_NEXT = re.compile(r"\s+(?:(?:to|by|from)\s+[$\d]|\d|[a-z]+ly\b|in\s)")
_ASK_VERBS = frozenset("ask asks asked asking".split())
# "asked whether …", "asked a simple question: …", "asked him if …"
_QUESTION_NEXT = re.compile(
    r"\s+(?:(?:him|her|them|us|me|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+)?"
    r"(?:whether|if|what|who|whom|why|how|when|where|which|about|a\s+(?:simple\s+)?question)\b"
)

MAX_PARENTHETICAL_LEAD_WORDS = 15


# "Asked whether …, she said …", "When asked about …": a reported question with no
# speaker of its own (the one asked answers in the main clause).
_ASKED_OPENER = re.compile(
    r"(?:When\s+|After\s+being\s+|If\s+)?(?P<cue>[Aa]sked)\s+(?:(?:by|on|in)\s+[^,;]{1,60}?\s+)?"
    r"(?=(?:specifically\s+)?(?:whether|if|what|who|whom|why|how|when|where|which|about)\b)"
)


_ASKED_OPENER_FIRST = frozenset("WAIa")  # the first letters _ASKED_OPENER can match


def _asked_opener(text: str, start: int, end: int) -> _Draft | None:
    match = _ASKED_OPENER.match(text, start, end)
    if match is None or text.find(",", match.end(), end) == -1:
        return None
    return _asked_question(text, match, end)


_WHEN_BEFORE = re.compile(r"\b[Ww]hen\s+$")


def _when_asked(text: str, cue: _Cue, lo: int, hi: int) -> _Draft | None:
    """``…," Trump told ITV when asked how ties would fare.``: a reported question inside a
    sentence, with no speaker of its own (the opener form is :func:`_asked_opener`)."""
    if text[cue.start:cue.end] != "asked" or not _WHEN_BEFORE.search(text, max(lo, cue.start - 6), cue.start):
        return None
    question = _ASKED_OPENER.match(text, cue.start, hi)
    return _asked_question(text, question, hi) if question is not None else None


def _asked_question(text: str, match: re.Match[str], hi: int) -> _Draft | None:
    """The question after an ``_ASKED_OPENER`` match, up to the next comma or ``hi``."""
    comma = text.find(",", match.end(), hi)
    content = _trim_content(text, match.end(), comma if comma != -1 else hi)
    if content is None:
        return None
    return _Draft("indirect", [content], Span(*match.span("cue")), None, "indirect-asked", 0.6)


def _indirect(text: str, regions: list[_Region], cues: _CueIndex, quotes: list[QuotedSpan], used_cues: set[int],
              direct: list[_Draft]) -> list[_Draft]:
    drafts: list[_Draft] = []
    quote_starts = [q.start for q in quotes]
    # Speakers of direct frames by cue position: a participle later in the same sentence
    # ("…," she said, adding that …) reports the same speaker.
    framed = sorted((d.cue.start, d.speaker) for d in direct if d.cue is not None and d.speaker is not None)
    framed_starts = [start for start, _ in framed]
    headline_cues = cues.headline_starts  # a sentence without one is not matched against _headline_says
    # Sentences come in text order: the cue, headline-cue and quotation lists are walked
    # with one moving position each (what _CueIndex.between and _any_between would find,
    # without a call per sentence; most sentences hold none of them).
    cue_list, cue_starts = cues.cues, cues.starts
    next_cue = next_headline_cue = next_quote = 0
    n_cues, n_headline_cues, n_quotes = len(cue_starts), len(headline_cues), len(quote_starts)
    for region in regions:
        for sentence_start, sentence_end in region.sentences:
            while next_headline_cue < n_headline_cues and headline_cues[next_headline_cue] < sentence_start:
                next_headline_cue += 1
            while next_quote < n_quotes and quote_starts[next_quote] < sentence_start:
                next_quote += 1
            taken_until = sentence_start
            # Each labelled form needs its own opening (a colon somewhere, a capital letter,
            # "When"/"After"/"If"/"asked"): test that before running its regex.
            opening = text[sentence_start:sentence_start + 1]
            labelled = ((text.find(":", sentence_start, sentence_end) != -1 and _name_colon(text, sentence_start, sentence_end))
                        or ("A" <= opening <= "Z" and next_headline_cue < n_headline_cues
                            and headline_cues[next_headline_cue] < sentence_end
                            and _headline_says(text, sentence_start, sentence_end))
                        or (opening in _ASKED_OPENER_FIRST and _asked_opener(text, sentence_start, sentence_end))
                        or (("A" <= opening <= "Z" or opening in _QUOTE_CHARS) and next_quote < n_quotes
                            and quote_starts[next_quote] < sentence_end
                            and (_quoted_headline(text, sentence_start, sentence_end)
                                 or _quoted_headline_after(text, sentence_start, sentence_end))) or None)
            if labelled is not None:
                drafts.append(labelled)
                taken_until = sentence_end if labelled.rule in ("name-colon", "headline-says", "headline-quoted") else labelled.content[-1].end
            while next_cue < n_cues and cue_starts[next_cue] < sentence_start:
                next_cue += 1
            if next_cue == n_cues or cue_starts[next_cue] >= sentence_end:
                continue
            last_cue = next_cue + 1
            while last_cue < n_cues and cue_starts[last_cue] < sentence_end:
                last_cue += 1
            sentence_cues = [cue for cue in cue_list[next_cue:last_cue] if cue.end <= sentence_end]
            if not sentence_cues:
                continue
            sentence_speaker: Span | None = None
            first_frame = bisect.bisect_left(framed_starts, sentence_start)
            for cue in sentence_cues:
                last_frame = bisect.bisect_left(framed_starts, cue.start) - 1
                if last_frame >= first_frame:
                    sentence_speaker = framed[last_frame][1]
                if cue.start in used_cues or cue.start < taken_until or _inside(cue.start, quotes, quote_starts):
                    continue
                asked = _when_asked(text, cue, sentence_start, sentence_end) if cue.end - cue.start == 5 else None
                if asked is not None:
                    drafts.append(asked)
                    taken_until = asked.content[-1].end
                    continue
                draft = _reported(text, cue, sentence_start, sentence_end, quotes, sentence_speaker)
                if draft is None:
                    continue
                drafts.append(draft)
                sentence_speaker = draft.speaker
                taken_until = max(s.end for s in draft.content)
    return drafts


def _reported(text: str, cue: _Cue, lo: int, hi: int, quotes: list[QuotedSpan],
              sentence_speaker: Span | None = None) -> _Draft | None:
    if cue.kind == "stance":
        return None  # only a quoted phrase in its object is reported (_quoted_objects)
    if cue.kind == "according":
        return _according(text, cue, lo, hi)
    progressive = _progressive(text, cue, lo)
    if progressive is None and _PASSIVE_BEFORE.search(text, max(lo, cue.start - 12), cue.start):
        return None
    if _DETERMINER_BEFORE.search(text, max(lo, cue.start - 6), cue.start):
        return None  # an adjective: 'an alleged "Congress toolkit"', 'the reported deal'
    tail = text[cue.end:hi]
    next_match = _NEXT_WORD.match(text, cue.end, hi)
    next_word = next_match.group(1).lower().strip(",.:;") if next_match else ""
    before_end = end_without_space(text, lo, cue.start)  # end of the text before the cue
    comma_before = before_end > lo and text[before_end - 1] == ","
    cue_word = text[cue.start:cue.end].lower()

    # "…, said X." and "…, X said." : the content is what precedes the frame.
    if comma_before and not cue_word.endswith("ing") and cue.kind != "object":
        speaker = speaker_after(text, cue.end, hi)
        if speaker is not None and _CLAUSE_VERB.search(text, speaker.start, _name_end(text, speaker)):
            speaker = None  # "X, an adviser, said the plan was …": a clause, not a speaker
        content = _trim_content(text, lo, before_end - 1)
        if speaker and content and _is_trailing(text[speaker.end:hi]):
            return _Draft("indirect", [content], Span(cue.start, cue.end), speaker, "indirect-cue-speaker-after", 0.75)
    if _is_trailing(tail):
        speaker = speaker_before(text, lo, cue.start) if cue.kind != "object" else None
        if speaker is not None:
            comma = text.rfind(",", lo, speaker.start)
            if comma > lo and not text[comma + 1:speaker.start].strip():
                content = _trim_content(text, lo, comma)
                if content:
                    return _Draft("indirect", [content], Span(cue.start, cue.end), speaker, "indirect-speaker-after", 0.8)
        return None

    if cue_word in _REFUSAL_VERBS and _DECREASE_NEXT.match(text, cue.end, hi):
        return None
    if cue.kind == "object" and _MODAL_BEFORE.search(text, max(lo, cue.start - 20), cue.start):
        return None
    if next_word in _NOT_REPORTING_NEXT and not (next_word == "to" and cue_word in _REFUSAL_VERBS) \
            and not (next_word == "about" and _ABOUT_AMOUNT.match(text, next_match.end(), hi)):
        return None
    if cue_word in _ASK_VERBS and not _QUESTION_NEXT.match(tail):
        return None  # "asked Twitter to give details": a request, not a reported question
    # "…, contending (that) …": a participle whose speaker is the clause subject.
    comma = _comma_before(text, lo, cue.start) if cue_word.endswith("ing") else None
    if comma is not None:
        speaker = sentence_speaker or _clause_subject(text, lo, comma)
        if speaker is None and cue.kind.startswith("speech"):
            speaker = _described_clause_subject(text, lo, comma)
        content = _content_after(text, cue, hi)
        if speaker and content:
            return _Draft("indirect", [content], Span(cue.start, cue.end), speaker, "indirect-participle", 0.65)
        return None
    if cue.kind == "object" and text[cue.start - 1:cue.start] == "-":
        return None  # so-called
    # What says a clause follows, whoever the speaker is; a cue other than a speech, object
    # or evidence cue reports only a clause, so without one (and with no comma that could
    # make the frame parenthetical) there is no draft, and no speaker is looked for.
    stripped_tail = tail.lstrip()
    clause_opens = next_word == "that" or stripped_tail.startswith(":") \
        or (cue.kind in ("speech-that", "thought") and next_word in _CLAUSE_SUBJECTS) \
        or (cue.kind == "thought" and next_match is not None
            and (next_word in _CLAUSE_DETERMINERS or next_match.group(1)[0].isupper()))
    if cue.kind not in ("speech", "object", "evidence") and not clause_opens and not stripped_tail.startswith(","):
        return None
    speaker = speaker_before(text, lo, progressive if progressive is not None else cue.start)
    if speaker is not None and cue_word in _NAMING_VERBS and text[speaker.start:speaker.end].lower().startswith(("a ", "an ")):
        return None  # "a group called Citizens for Trump" names, it does not report
    if speaker is None and cue.kind.startswith("speech") and _AND_BEFORE.search(text, max(lo, cue.start - 12), cue.start):
        speaker = _clause_subject(text, lo, cue.start)  # "She declared … and said that …"
    elif speaker is None and cue.kind == "speech":
        speaker = subject_before(text, lo, cue.start)
        if speaker is None and re.split("[’']", next_word)[0] in _CLAUSE_OPENING_WORDS:
            speaker = _described_subject(text, lo, cue.start)
    if speaker is None:
        return None
    if cue_word in _REFUSAL_VERBS and text[speaker.start:speaker.end].lower() in ("who", "which"):
        return None  # "said a longtime adviser, who declined to be identified": an aside about the source
    # "The plan, she said, was too costly": the frame sits inside the reported clause.
    parenthetical = stripped_tail.startswith(",") and text[lo:speaker.start].rstrip().endswith(",")
    # "some officials think Wasserman Schultz is at risk", "believe the plan …": see clause_opens
    clause_next = clause_opens or parenthetical
    if cue.kind == "evidence" and not _PRONOUN_SPEAKER.fullmatch(text, speaker.start, speaker.end):
        clause_next = True  # "a new poll shows Sanders leading": findings report a clause directly
    if cue.kind not in ("speech", "object") and not clause_next:
        return None
    content = _content_after(text, cue, _participle_cue_start(text, cue.end, hi))
    if content is None:
        return None
    lead = _trim_content(text, lo, text.rindex(",", lo, speaker.start)) if parenthetical else None
    if lead is not None and _word_count(text, lead.start, lead.end) <= MAX_PARENTHETICAL_LEAD_WORDS:
        return _Draft("indirect", [lead, content], Span(cue.start, cue.end), speaker, "indirect-parenthetical", 0.75)
    if cue.kind == "object":
        return _Draft("indirect", [content], Span(cue.start, cue.end), speaker, "indirect-object", 0.6)
    rule = "indirect-speaker-cue" if cue.kind.startswith("speech") else f"indirect-{cue.kind}-that"
    return _Draft("indirect", [content], Span(cue.start, cue.end), speaker, rule, 0.8 if cue.kind.startswith("speech") else 0.6)


_THAT_OR_COLON = re.compile(r"\bthat\b|:")
# "told reporters", "told Fox News,": the one told, before the content.
_TOLD_OBJECT = re.compile(r"\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|reporters|him|her|them|us|me|the\s+\w+)\s*,?")


def _content_after(text: str, cue: _Cue, hi: int) -> Span | None:
    start = cue.end
    cue_word = text[cue.start:cue.end].lower()
    # "that" or a colon in the first 80 characters (searched with start and end positions, a
    # slice of the text as far as the word boundaries go; not at all when neither is there).
    head_end = min(hi, start + 80)
    that = _THAT_OR_COLON.search(text, start, head_end) \
        if text.find(":", start, head_end) != -1 or text.find("that", start, head_end) != -1 else None
    if cue_word in _TELL_VERBS:
        if that is None:
            object_end = _TOLD_OBJECT.match(text, start, hi)
            if object_end is None:
                return None
            start = object_end.end()
        else:
            start = that.start()
    elif that is not None and that.group() == ":" and not text[start:that.start()].strip(" ,"):
        start = that.end()
    return _trim_content(text, start, hi)


# "according to early results of exit polls conducted by …," / "…, according to state law.":
# after "according to" any short noun phrase is the source, up to a comma (leading) or the
# sentence end (trailing).
_ACCORDING_SOURCE = re.compile(r"\s+(?P<source>[\w.'’&-]+(?:[ \xa0]+[\w.'’&-]+){0,14}?)(?=[ \xa0]*(?:,|\.?$))")
_ACCORDING_TRAILING_SOURCE = re.compile(r"\s+(?P<source>[^,;:\"“”]{2,120}?)[ \xa0]*[.!?]?[\"”]?$")


def _according_source(text: str, start: int, hi: int, *, leading: bool) -> Span | None:
    end = end_without_space(text, start, hi)
    match = (_ACCORDING_SOURCE if leading else _ACCORDING_TRAILING_SOURCE).match(text, start, end)
    if match is None:
        return None
    return _trim_content(text, *match.span("source"))


def _according(text: str, cue: _Cue, lo: int, hi: int) -> _Draft | None:
    cue_span = Span(cue.start, cue.end)
    before = text[lo:cue.start].strip()
    leading = not before or len(before.split()) <= 2
    if not leading and before.endswith(",") and _SUBORDINATE_BEFORE.search(before):
        inserted = _inserted_according(text, cue, hi)
        if inserted is not None:
            return inserted
    speaker = speaker_after(text, cue.end, hi, appositives=not leading) or _according_source(text, cue.end, hi, leading=leading)
    if speaker is None:
        return None
    if leading:
        comma = text.find(",", speaker.end, hi)
        content = _trim_content(text, comma + 1, hi) if comma != -1 else None
    else:
        end = cue.start
        content = _trim_content(text, lo, end)
    if content is None:
        return None
    return _Draft("indirect", [content], cue_span, speaker, "indirect-according-to", 0.8)


MIN_ACCORDING_CLAUSE_WORDS = 4
# The stretch before an inserted "according to X," is a subordinate clause: 'While most
# were …,' or '…, because,'.
_NOT_A_MAIN_CLAUSE = re.compile(r"(?:who|which|where|and|but|or|[a-z]+ing)\b")  # 'according to X, including …'
_SUBORDINATE_BEFORE = re.compile(r"^(?:While|Although|Though|Because|Whereas|If|When|Since)\b|\bbecause,$")


def _inserted_according(text: str, cue: _Cue, hi: int) -> _Draft | None:
    """'While most were marked “confidential,” according to an official, two were upgraded
    to the “Secret” level': 'according to X' set off by commas after a subordinate clause
    reports the main clause after it."""
    source = _according_source(text, cue.end, hi, leading=True)
    if source is None or text[source.end:source.end + 1] != ",":
        return None
    content = _trim_content(text, source.end + 1, hi)
    if content is None or _NOT_A_MAIN_CLAUSE.match(text, content.start) \
            or _word_count(text, content.start, content.end) < MIN_ACCORDING_CLAUSE_WORDS \
            or not _CLAUSE_VERB.search(text, content.start, content.end):
        return None
    return _Draft("indirect", [content], Span(cue.start, cue.end), source, "indirect-according-to", 0.8)


# "Michael Bloomberg, who's thinking about running, said …", "Mary Susan, clad in a red
# cape with lights that formed the name Trump, said …": a name and its description.
_DESCRIBED_SUBJECT = re.compile(
    r"(?!(?:And|But|So|Yet|At|On|In|As|While|When|After|Before)\b)"
    r"(?P<speaker>(?:[A-Z][\w.'’-]*[ \xa0]+){0,5}[A-Z][\w.'’-]*,[^\"“”;:\n]{1,160}?),[ \xa0]*$"
)
# A described subject is read only before a clause or an object ('…, said that …', '…,
# said the convention could …'), not an adverb or an adjunct ('…, responded anonymously').
_CLAUSE_OPENING_WORDS = _CLAUSE_SUBJECTS | _CLAUSE_DETERMINERS | {"that", "a", "an"}
MAX_DESCRIBED_SUBJECT_CHARS = 200


def _described_subject(text: str, lo: int, cue_start: int) -> Span | None:
    """A name with a description the speaker walk does not read (a relative clause, a
    participle phrase) right before a speech cue, closed by a comma."""
    match = _DESCRIBED_SUBJECT.search(text, max(lo, cue_start - MAX_DESCRIBED_SUBJECT_CHARS), cue_start)
    return Span(*match.span("speaker")) if match else None


_APPOSITIVE_OPENING = re.compile(r",[ \xa0]+(?:an?|the)[ \xa0]")


def _name_end(text: str, speaker: Span) -> int:
    """Where a speaker's name ends before an appositive opened by an article ('Nargis
    Kassenova, an international relations expert …': its nouns are no verbs)."""
    appositive = _APPOSITIVE_OPENING.search(text, speaker.start, speaker.end)
    return appositive.start() if appositive else speaker.end


def _to_quotation_ends(drafts: list[_Draft], quotes: list[QuotedSpan]) -> list[_Draft]:
    """Indirect content that stops inside a quotation (at a sentence end within it: 'he is
    "weak on immigration. Weak like a baby."') runs on to the quotation's end."""
    starts = [quote.start for quote in quotes]
    for draft in drafts:
        last = draft.content[-1]
        index = bisect.bisect_left(starts, last.start, hi=bisect.bisect_left(starts, last.end)) if starts else 0
        for quote in quotes[index:bisect.bisect_left(starts, last.end)]:
            if quote.end > last.end:
                draft.content[-1] = Span(last.start, quote.end)
                break
    return drafts
