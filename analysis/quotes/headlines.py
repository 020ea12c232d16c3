"""Colon frames, headlines and digests: a clause or a name before a colon (``Cruz continued:
"…"``, ``Kerry: "…"``, ``Transcript as follows:``), name-colon and title-case headlines
(``Sanders: Clinton Email Story Has Moved``, ``Clinton Says …``, ``“…,” X Tells
Convention``) and newsletter digest items (``HEADLINE “…” [Outlet.]``). Returns drafts or
frame spans."""
from __future__ import annotations

import bisect
import itertools
import re

from analysis.quote_marks import QuotedSpan
from analysis.spans import Span
from analysis.speakers import speaker_before, subject_before
from analysis.quotes.drafts import _Draft, _Region, _WORD, _trim_content, _word_count
from analysis.quotes.cues import HEADLINE_CUE_FORMS, _CueIndex, cue_words
from analysis.quotes.clauses import _FINITE_VERB, _clause_subject
from analysis.quotes.continuations import MIN_FREE_QUOTE_WORDS

# A colon frame: at most this many characters from the colon to the quotation, words in
# the cue ("went on to say:") and characters in the clause before the colon.
MAX_COLON_GAP = 4
MAX_COLON_CUE_WORDS = 6
MAX_COLON_CLAUSE = 300


def _frame_colon(text: str, cues: _CueIndex, quote: QuotedSpan, sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    """A quotation after a clause ending in a colon, in this paragraph or at the end of the
    last one: ``Cruz continued: "…"``, ``The headline reads: "…"``, ``Kerry: "…"``. The
    speaker is the clause subject (or the name just before the colon)."""
    colon = quote.start
    while colon > 0 and text[colon - 1] in " \t\n\r\xa0":
        colon -= 1
    colon -= 1
    if colon < 0 or text[colon] != ":" or quote.start - colon > MAX_COLON_GAP:
        return None
    index = bisect.bisect_right(sentence_starts, colon) - 1
    if index < 0:
        return None
    # A short frame line of its own ("Cruz continued:") may not be a body sentence.
    clause_start = max(sentence_starts[index], text.rfind("\n", 0, colon) + 1)
    if colon - clause_start > MAX_COLON_CLAUSE:
        return None
    cue = Span(colon, colon + 1)
    source = _colon_source(text, clause_start, colon)
    if source is not None:
        return cue, source, "direct-source-colon"
    named = speaker_before(text, clause_start, colon)
    dash = _LABEL_DASH.search(text, clause_start, named.end) if named is not None else None
    if dash is not None and dash.end() < named.end:
        named = Span(max(named.start, dash.end()), named.end)
    if named is not None and text[named.end - 1:named.end].isalpha() and _is_name_word(text, named):
        if _word_count(text, clause_start, named.start) <= 2 or dash is not None:
            return cue, named, "direct-name-colon"
    # "He said:", "He told his audience, to rowdy applause:", "As X reported after the FBI
    # appears to …:": the subject of the first speech cue, else the clause subject.
    said = [c for c in cues.between(clause_start, colon) if c.kind in ("speech", "speech-that")]
    speaker = speaker_before(text, clause_start, said[0].start) if said else None
    if speaker is None:
        speaker = _clause_subject(text, clause_start, colon)
    if speaker is None:
        return _frame_as_follows(text, clause_start, colon) or _frame_colon_clause(text, quote, clause_start, colon)
    verb_start = speaker.end
    while verb_start < colon and not text[verb_start].isalnum():
        verb_start += 1
    if verb_start < colon and _word_count(text, verb_start, colon) <= MAX_COLON_CUE_WORDS:
        cue = Span(verb_start, colon + 1)
    return cue, speaker, "direct-clause-colon"


def _frame_colon_clause(text: str, quote: QuotedSpan, clause_start: int, colon: int) -> tuple[Span, Span, str] | None:
    """'Hoff’s letter makes a libertarian-style case: “Followers of …”', 'a paper from the
    Brookings Institution had this to say about it: "Families …"': a clause before a colon
    and a quoted sentence; its subject (up to the first finite verb, not a compound's
    first part such as 'left-leaning') is the speaker even when it is a document, which
    the speaker walk does not take; the cue runs from the verb to the colon."""
    first = _WORD.search(text, quote.start, quote.end)
    if first is None or not first.group()[0].isupper() or _word_count(text, quote.start, quote.end) < MIN_FREE_QUOTE_WORDS:
        return None
    verb = next((v for v in _FINITE_VERB.finditer(text, clause_start, colon) if text[v.end():v.end() + 1] != "-"), None)
    if verb is None or "," in text[verb.end():colon]:
        return None  # 'The rationale these liars use …, is a blind faith in …:' is no frame
    speaker = subject_before(text, clause_start, verb.start())
    return (Span(verb.start() + 1, colon + 1), speaker, "direct-clause-colon") if speaker is not None else None


# 'More from Jones:', 'From the report:', 'Here’s Clinton in December 1992:', 'Rep. Trey
# Gowdy (R-S.C.):': a source named right before a colon, with no verb.
_COLON_SOURCE = re.compile(
    r"(?:(?<![\w'’])(?:[Mm]ore[ \xa0]+from|[Ff]rom|Here[’']s|Here[ \xa0]+is)[ \xa0]+"
    r"(?P<source>(?:the[ \xa0]+[a-z]+|[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3}))"
    r"(?:[ \xa0]+(?:in|on|at)[ \xa0]+[A-Z0-9][\w ,\xa0]{1,30})?"
    r"|^(?P<name>(?:[A-Z][\w.'’-]*[ \xa0]+){1,4}[A-Z][\w.'’-]*)[ \xa0]*\([^()\n]{1,30}\))[ \xa0]*$"
)


def _colon_source(text: str, clause_start: int, colon: int) -> Span | None:
    match = _COLON_SOURCE.search(text[clause_start:colon])
    if match is None:
        return None
    group = "source" if match.group("source") else "name"
    return Span(clause_start + match.start(group), clause_start + match.end(group))


# 'Partial transcript as follows:', 'The statement in full as follows:'
_AS_FOLLOWS = re.compile(r"(?P<speaker>[A-Z][\w'’-]*(?:[ \xa0]+[\w'’-]+){0,5}?)[ \xa0]+(?P<cue>(?:is|are|reads|read|was|were)[ \xa0]+)?as[ \xa0]+follows[ \xa0]*")


def _frame_as_follows(text: str, clause_start: int, colon: int) -> tuple[Span, Span | None, str] | None:
    """A document introduced with no verb before the colon: 'Transcript as follows:' ⏎
    '"Tonight we arrived in Cleveland, …': the document is the speaker, 'as follows:' the cue."""
    match = _AS_FOLLOWS.fullmatch(text, clause_start, colon)
    if match is None:
        return None
    return Span(match.end("speaker") + 1, colon + 1), Span(*match.span("speaker")), "direct-as-follows"


# "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “…”": a digest item's heading, a
# dash and the quoted author.
_LABEL_DASH = re.compile(r"\s[-—–]\s*")


def _is_name_word(text: str, span: Span) -> bool:
    """The phrase ends in a capitalised word (a name, not a verb: ``Kerry``, not ``reads``)."""
    last = text.rfind(" ", span.start, span.end) + 1 or span.start
    return text[max(last, span.start)].isupper()


# "Sanders: Clinton Email Story Has Moved", "JAKE TAPPER: Donald Trump released …": a short
# name, a colon, then what the named one said (headlines and transcripts).
_NAME_COLON = re.compile(
    r"(?P<speaker>(?:[A-Z][\w.'’-]*|of|the)(?:[ \xa0]+(?:[A-Z][\w.'’-]*|of|the)){0,4}):[ \xa0]+(?=[\"“‘'A-Z0-9])"
)
_NOT_SPEAKER_LABELS = frozenset(
    "note update updated editor photo photos video watch read related see source sources correction "
    "q a by also and but the question answer remember poll daily email exclusive breaking".split()
)


def _name_colon(text: str, start: int, end: int) -> _Draft | None:
    match = _NAME_COLON.match(text, start, end)
    if match is None:
        return None
    words = match.group("speaker").lower().split()
    if words[0].strip(".") in _NOT_SPEAKER_LABELS or words[-1].strip(".") in _NOT_SPEAKER_LABELS:
        return None  # "Editor’s Note:", "AP-GfK Poll:", "Breitbart News Daily:", "Question:"
    content = _trim_content(text, match.end(), end)
    if content is None or _word_count(text, content.start, content.end) < 3:
        return None
    colon = match.end("speaker")
    return _Draft("indirect", [content], Span(colon, colon + 1), Span(*match.span("speaker")), "name-colon", 0.6)


# Title-case headlines: "Hillary Clinton Says EgyptAir Crash Seems Like An ‘Act Of Terrorism.’"
_HEADLINE_CUES = "|".join(HEADLINE_CUE_FORMS)
_HEADLINE_SAYS = re.compile(
    r"(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,5})[ \xa0]+"
    rf"(?P<cue>{_HEADLINE_CUES})[ \xa0]+(?=[\"“‘'A-Z0-9])"
)


def _headline_says(text: str, start: int, end: int) -> _Draft | None:
    match = _HEADLINE_SAYS.match(text, start, end)
    if match is None:
        return None
    content = _trim_content(text, match.end(), end)
    if content is None or _word_count(text, content.start, content.end) < 3:
        return None
    return _Draft("indirect", [content], Span(*match.span("cue")), Span(*match.span("speaker")), "headline-says", 0.6)


_HEADLINE_TOKEN = re.compile(r"[\"“”‘’'(]*(?P<word>[\w.’'-]+)")
_HEADLINE_ADVERBS = frozenset("just now is also".split())
_QUOTED_HEADLINE_MARK = re.compile("[\"“”«»‘]")
MIN_TITLE_CASE_SHARE = 0.8
MAX_HEADLINE_SPEAKER_WORDS = 5


# A headline opens with two capitalised words ('Ana Ruiz Calls …', '‘Time’ Just Announced …').
_HEADLINE_OPENING = re.compile(r"[\"“‘']?[A-Z][\w.’'-]*[\"”’']?[ \xa0]+[A-Z]")


def _is_title_case(text: str, start: int, end: int) -> bool:
    """Are (nearly) all words of four letters or more capitalised, as in a headline?"""
    words = _HEADLINE_TOKEN.finditer(text, start, end)
    long_words = [w.group("word") for w in words if len(w.group("word")) >= 4 and w.group("word")[0].isalpha()]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) >= MIN_TITLE_CASE_SHARE * len(long_words)


def _is_headline_cue(word: str) -> bool:
    return cue_words().get(word.lower(), "according") != "according"


def _is_headline_verb(text: str, words: list[re.Match[str]], index: int) -> bool:
    """A capitalised word in -s after a headline's opening name reads as its verb ('Wisconsin
    Elects A Judge Who Mocked ‘…’'), not 'Boss', a possessive, a name in a list ('Jeff
    Sessions, Rudy Giuliani Wear …') or a name before the verb ('Bernie Sanders Pins …')."""
    word = words[index].group("word")
    if len(word) < 4 or word[-1] != "s" or word[-2] in "s’'" or word.lower() in _HEADLINE_NOT_VERBS:
        return False
    if text[words[index].end():words[index].end() + 1] == ",":
        return False
    return index + 1 >= len(words) or not _is_headline_verb(text, words, index + 1)


_HEADLINE_NOT_VERBS = frozenset("news always its his hers ours yours theirs this thus plus".split())


def _quoted_headline(text: str, start: int, end: int) -> _Draft | None:
    """A title-case headline with a quotation, a name and then any cue verb: 'Maria Lopez
    Questioned What It Means To Be “Local Enough”', 'Ana Ruiz Is Now Calling The Plan A
    ‘Disaster’'. Every word of four letters or more is capitalised (a headline, not a
    sentence), so the first cue word after the opening names is the verb."""
    if _HEADLINE_OPENING.match(text, start, end) is None:
        return None  # most sentences: a lower-case second word
    words = list(itertools.islice(_HEADLINE_TOKEN.finditer(text, start, end), MAX_HEADLINE_SPEAKER_WORDS + 3))
    if len(words) < 4:
        return None
    speaker_end = None
    for index, match in enumerate(words):
        word = match.group("word")
        if match.start() != match.start("word") or not word[0].isupper():
            return None  # a quotation or a lower-case word before the verb: no headline frame
        lower = word.lower()
        if index and lower in ("a", "an", "the"):
            return None  # 'Protesters Carried An Alleged “Peace Plan”': a noun phrase, no name
        if index and lower in _HEADLINE_ADVERBS:
            speaker_end = speaker_end or words[index - 1].end("word")
            continue
        if index and (_is_headline_cue(word) or speaker_end is not None or _is_headline_verb(text, words, index)):
            content = _trim_content(text, match.end(), end)
            speaker = Span(start, speaker_end or words[index - 1].end("word"))
            if content is None or not _QUOTED_HEADLINE_MARK.search(text, content.start, content.end) \
                    or _word_count(text, speaker.start, speaker.end) > MAX_HEADLINE_SPEAKER_WORDS \
                    or not _is_title_case(text, start, end):
                return None
            return _Draft("indirect", [content], Span(match.start("word"), match.end()), speaker, "headline-quoted", 0.6)
        if speaker_end is not None:
            return None
    return None


# '“Guns Are ‘A Crisis,’” Ana Ruiz Tells Convention.': after a comma (and a closing mark),
# capitalised words only to the headline's end.
_HEADLINE_TAIL = re.compile(r",[\"”’']*[ \xa0]+(?P<tail>[A-Z][\w.’'-]*(?:[ \xa0]+[A-Z][\w.’'-]*){1,8})[ \xa0]*[.!]?[ \xa0]*$")
_CAPITALISED_WORD = re.compile(r"[A-Z][\w’'-]*")
MAX_HEADLINE_OBJECT_WORDS = 3


def _quoted_headline_after(text: str, start: int, end: int) -> _Draft | None:
    """A title-case headline framed at its end: '“Guns Are ‘A Crisis,’” Ana Ruiz Tells
    Convention.', '‘Tax Plan’ Is A Fraud, Board Finds.': a name, a cue verb and at most a
    short object after the last comma."""
    comma = text.rfind(",", start, end)
    tail = _HEADLINE_TAIL.match(text, comma, end) if comma > start else None
    if tail is None:
        return None
    words = list(_CAPITALISED_WORD.finditer(text, tail.start("tail"), tail.end("tail")))
    cue = next((i for i, word in enumerate(words) if i and _is_headline_cue(word.group())), None)
    if cue is None or len(words) - cue - 1 > MAX_HEADLINE_OBJECT_WORDS or cue > MAX_HEADLINE_SPEAKER_WORDS:
        return None
    content = _trim_content(text, start, comma + 1)
    if content is None or not _QUOTED_HEADLINE_MARK.search(text, content.start, content.end) or not _is_title_case(text, start, end):
        return None
    speaker = Span(words[0].start(), words[cue - 1].end())
    return _Draft("indirect", [content], Span(*words[cue].span()), speaker, "headline-quoted", 0.6)


# A newsletter digest item: an upper-case headline, a quotation from the linked story and
# the outlet in brackets ('HOW CHINA’S DECLINE AFFECTS THE WORLD “China’s slowdown …” [WaPo.]').
# PolNeAR reads the headline as the source and the bracket as the cue.
_DIGEST_ITEM = re.compile(
    r"(?P<speaker>[A-Z0-9‘’'][A-Z0-9‘’'&,:!?.\- \xa0]{8,}?[A-Z0-9!?’'])[ \xa0]+(?P<content>[“\"][^\n]+?)"
    r"[ \xa0]*(?P<cue>\[[A-Z][\w .’'-]{0,40}\])[ \xa0]*$"
)
MIN_DIGEST_HEADLINE_WORDS = 2


def _digest_items(text: str, regions: list[_Region]) -> list[_Draft]:
    """Digest items, one per paragraph that ends in a bracketed outlet; see :data:`_DIGEST_ITEM`."""
    drafts = []
    for region in regions:
        end = region.end
        while end > region.start and text[end - 1] in " \t\xa0\n":
            end -= 1
        if text[end - 1:end] != "]" or not text[region.start:region.start + 1].isupper():
            continue
        match = _DIGEST_ITEM.match(text, region.start, end)
        if match is None or len(match.group("speaker").split()) < MIN_DIGEST_HEADLINE_WORDS \
                or match.group("speaker").upper() != match.group("speaker"):
            continue
        content = _trim_content(text, *match.span("content"))
        if content is not None:
            drafts.append(_Draft("direct", [content], Span(*match.span("cue")), Span(*match.span("speaker")),
                                 "direct-digest-item", 0.6))
    return drafts
