"""Quote attribution: who said what, as direct, indirect and mixed attributions.

:func:`find_quotes` searches the body of an article (see :mod:`analysis.segment`) and
returns :class:`Attribution` items sorted by their first content character:

- ``direct``: a quotation in quotation marks (:mod:`analysis.quote_marks`) framed by a
  cue, after it (``"…," the spokesperson said``, ``"…," said X``) or before it
  (``X said: "…"``) or after a clause or a name ending in a colon (``Cruz continued: "…"``,
  ``Kerry: "…"``, ``From the report: "…"``, ``Transcript as follows:``, ``Said X, "…"``; the speaker may carry an appositive or a parenthesis:
  ``"…," Sen. X, R-Ky., said``); a quotation split by its frame (``"…," he said, "…"``) and quotations
  that carry on right after it (also over a paragraph break, and a quotation paragraph
  after a report that ends the paragraph before) are further content spans of the same
  attribution; the subject before a comma-set frame (``These rules, the lawyers said,
  “…”``) and later quoted phrases of the reported clause open and close the content; a
  newsletter digest item (``HEADLINE “…” [Outlet.]``) takes its headline as the source; a
  quoted sentence split by its frame after unquoted words (``“If …” by X, Y said, “we …”``)
  is one attribution;
- ``indirect``: reported speech around a cue verb (``X said (that) …``, ``…, X said.``,
  ``…, said X.``, ``according to X, …``, ``…, according to X.``, ``While …, according to X,
  …`` (the main clause), ``X, who …, said …``, ``X told reporters
  that …``, ``…, contending …``; a participle after a frame keeps its speaker:
  ``"…," she said, adding that …``), refusals (``X declined to comment``), ``Asked
  whether …,`` openers and ``… when asked how …`` (a question with no speaker), stance verbs with their object as content (``X called
  the plan “reckless”``, ``X criticized the budget``), findings (``a poll shows …``) and
  name-colon and title-case headlines (``Sanders: Clinton Email Story Has Moved``,
  ``Clinton Says …``);
- ``mixed``: indirect speech with a quoted phrase inside its content, and a quoted phrase
  in the object of a cue (``calling him a “loser”``, ``is promising to “…”``, ``… but
  described X as “…”``) reported by the sentence subject, in the clause of a claim noun
  (``her assertion that “…”``, ``the contention of X that “…”``) reported by its owner, in
  the that-clause of a verb outside the cue list (``X fired back that …``, ``made it clear
  that …``), in the object of an infinitive (``officials started to portray it as a
  “…”``), after a passive cue with a named agent (``X has been called “…” by Y``, the
  agent reports), and in a title-case headline with any cue verb or a verb in -s (``X
  Questioned What It Means To Be “…”``, ``“…,” X Tells Convention``, ``X Pins The Rise
  Of ISIS On ‘…’``).

Quotations with no frame and no attribution to join (scare quotes, titles: ``an alleged
"Congress toolkit"``; a title in a speaker's description or a programme: ``X, host of
“Show,” said``, ``on Fox News Channel’s “Hannity,” X said``) are not attributions. Each attribution has the ``rule`` that made
it and a ``confidence``. Speakers are resolved to entities by :mod:`analysis.speakers`,
through an :class:`analysis.entities.EntityIndex` when one is given.

:func:`quote_record` gives the JSON form used in ``extract`` records and
:func:`quotes_table` a tidy DataFrame with the columns in :data:`QUOTE_COLUMNS`:
article_id, quote (the attribution's number, 0..n-1), kind, content_start, content_end
(first to last content character), content_spans (list of [start, end]), content (their
texts joined by " … "), cue_start, cue_end, cue, speaker_start,
speaker_end, speaker, speaker_entity, rule, confidence, sentence and paragraph (indexes,
into ``segments.sentences`` / ``segments.paragraphs``, of the first content character).

Cues are read from ``analysis/data/cue_verbs.csv``. Every pattern is a compiled regex run
over paragraphs or sentences, visiting only quotation marks and cue words.
"""
from __future__ import annotations

import bisect
import csv
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple
from importlib import resources

import pandas as pd

from analysis.quote_marks import FurthestEnd, MarkIndex, QuotedSpan, quoted_spans
from analysis.patterns import word_alternation
from analysis.segment import Segments, segments_record
from analysis.spans import Span
from analysis.tables import TABLE_COLUMNS, table_rows, typed_frame
from analysis.speakers import CandidateIndex, resolve_speakers, speaker_after, speaker_before, speaker_words, subject_before

QUOTE_COLUMNS = [column for column, _ in TABLE_COLUMNS["quotes"]]
_QUOTE_CHARS = "\"“”„‟«»‘’'"
# Between a cue and the quotation it introduces: nothing, "that", or a short object or
# adjunct ended by a colon or comma ("told reporters:", "said in a statement,").
_INTRO_BRIDGE = re.compile(r"\s*(?:that\s*)?|\s*[:,]\s*|\s+[^\"“”«»:;.!?\n]{1,60}?[:,]\s*")
_TRAILING_PUNCT = ".,;:!?—–- \t\n\xa0"
_WORD = re.compile(r"\w+")
# After a cue, words that show it is not reporting speech ("added to", "told to leave").
_NOT_REPORTING_NEXT = frozenset("to by for with about up off as into from of out".split())
# A full stop that ends a sentence: not after a title or an initial ("Ms. Gao said",
# "J. Gerald Hebert said", "the U.S. envoy said") nor before a comma or a parenthesis
# ("McConnell, R-Ky., said", "Blumenauer (D-Ore.) said").
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Rev))(?<!\bProf)\.(?![\w,)])"
)
_NEXT_WORD = re.compile(r"\s*(\S+)")
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+|already\s+)?$")
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|was|were|are|be|been|being|to)\s+)$", re.IGNORECASE)
_CLAUSE_SUBJECTS = frozenset("he she it they we i there".split())
_CLAUSE_DETERMINERS = frozenset("the this these those his her their its our".split())
_TELL_VERBS = frozenset("tell tells told telling assured informed reminded".split())
_PRONOUN_SPEAKER = re.compile(r"(?i:he|she|it|they|we|i|you|who|which)")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:(?:later|then|also|again)\s+)?$")
_NAMING_VERBS = frozenset("called calls".split())
# "said about half of …", "said about 20 people …": "about" opens an amount, not a topic.
_ABOUT_AMOUNT = re.compile(r"\s+(?:\d|half\b|a\s+(?:third|quarter|dozen|hundred|thousand)\b|one\b|two\b|three\b|ten\b)")
# "declined to comment", "refused to say whether …": the refusal is what is reported.
_REFUSAL_VERBS = frozenset("declined declines refused refuses".split())
_ASK_VERBS = frozenset("ask asks asked asking".split())
# "asked whether …", "asked a simple question: …", "asked him if …"
_QUESTION_NEXT = re.compile(
    r"\s+(?:(?:him|her|them|us|me|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+)?"
    r"(?:whether|if|what|who|whom|why|how|when|where|which|about|a\s+(?:simple\s+)?question)\b"
)
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
# "…," she elaborated / the senator explained / Mr. Bozell answers; and phrasal verbs of
# reply or going on, whose first word is no -ed form: "…," Trump shot back / she went on;
# and a few plain verbs after a plural subject: "…," they conclude / the Saudis state.
_ANY_VERB_FRAME = re.compile(
    r",?[ \t\xa0]*(?P<speaker>(?:he|she|they|we|I|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \xa0]+[A-Z][\w'’-]*"
    r"|(?:the[ \xa0]+)?[A-Z][\w'’-]*(?:[ \xa0]+[A-Z][\w'’-]*){0,3}|the[ \xa0]+[a-z][\w-]*(?:[ \xa0]+[a-z][\w-]*)?))"
    r"[ \xa0]+(?P<verb>(?:shot|hit|fired|wrote|snapped|struck)[ \xa0]+back|went[ \xa0]+on|[a-z]{3,}(?:ed|es|s)"
    r"|(?<=[sy][ \xa0])(?:state|conclude|write|argue|note|add|warn|insist|explain))"
    r"\b(?=[ \xa0]*[,.;!?]|[ \xa0]+\w)"
)
MAX_INTRO_WINDOW = 200
MAX_FRAME_WINDOW = 160
MAX_TRAILING_ADJUNCT_WORDS = 7
MAX_TRAILING_ADJUNCT_CHARS = 80  # where a participle after the adjunct is looked for
MIN_FREE_QUOTE_WORDS = 3
MAX_CONTINUATION_GAP = 100
MIN_UNFRAMED_SENTENCE_WORDS = 5
MIN_UNFRAMED_WORDS = 10
# A colon frame: at most this many characters from the colon to the quotation, words in
# the cue ("went on to say:") and characters in the clause before the colon.
MAX_COLON_GAP = 4
MAX_COLON_CUE_WORDS = 6
MAX_COLON_CLAUSE = 300
MAX_PARENTHETICAL_LEAD_WORDS = 15


@dataclass(frozen=True)
class Attribution:
    """One reported statement: content span(s), cue, speaker (as written) and entity."""

    kind: str
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    speaker_entity: str | None
    rule: str
    confidence: float


class _Cue(NamedTuple):
    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Lower-cased cue form → kind (speech, thought, evidence), from the data file."""
    with resources.files("analysis.data").joinpath("cue_verbs.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["form"]: row["kind"] for row in rows}


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A cue at the start of the text, and a cue with the character before it: a regex
    that starts with a character class lets the engine skip quickly to word starts (a
    leading look-behind would not)."""
    alternation = word_alternation(list(cue_words()))
    # Verbs are matched in lower case only ("State" and "Says" in names are not cues).
    cue = rf"(?P<cue>[Aa]ccording\s+to|{alternation})\b"
    return re.compile(cue), re.compile(rf"[^\w]{cue}")


# "show" names a programme, not a finding: "the reality TV show “The Apprentice”", "a talk
# show host", "the morning-show host" ("polls show", "records show" stay cues).
_PROGRAMME_BEFORE = re.compile(
    r"(?:\b(?:TV|[Tt]alk|radio|reality|morning|night|award|weekly|call-in|news|cable)\s+|-)$"
)
_PROGRAMME_AFTER = re.compile(r"\s*(?:[\"“‘']|\b(?:hosts?|guests?|gig)\b)")


def _is_programme(text: str, start: int, end: int) -> bool:
    return bool(_PROGRAMME_BEFORE.search(text, max(0, start - 12), start) or _PROGRAMME_AFTER.match(text, end))


class _CueIndex:
    """Every cue of the searched regions, found in one regex pass, looked up by range."""

    def __init__(self, text: str, regions: list["_Region"]):
        words = cue_words()
        at_start, after_character = _cue_patterns()
        self.cues: list[_Cue] = []
        if not regions:
            self.starts: list[int] = []
            return
        # One scan over the body, from the character before it (a paragraph starts after a
        # newline; a cue opening the text has no such character); cues in the boilerplate
        # between body paragraphs and cues running past a paragraph end are dropped.
        first = regions[0].start
        matches = list(after_character.finditer(text, max(first - 1, 0), regions[-1].end))
        if first == 0:
            opening = at_start.match(text, 0, regions[0].end)
            matches[:0] = [opening] if opening is not None else []
        # Matches come in text order: walk the regions alongside instead of bisecting.
        region_index, region_end = 0, regions[0].end
        last_region = len(regions) - 1
        for match in matches:
            start, end = match.start("cue"), match.end()
            while region_index < last_region and regions[region_index + 1].start <= start:
                region_index += 1
                region_end = regions[region_index].end
            if end > region_end:
                continue
            cue_text = match.group("cue")
            known = _KIND_OF_MATCHED.get(cue_text)
            if known is None:
                lower = " ".join(cue_text.lower().split())
                known = (words.get(lower, "according"), lower in ("show", "shows"))
                if len(_KIND_OF_MATCHED) < MAX_REMEMBERED_CUE_FORMS:
                    _KIND_OF_MATCHED[cue_text] = known
            kind, maybe_programme = known
            if maybe_programme and _is_programme(text, start, end):
                continue
            self.cues.append(_Cue(start, end, kind))
        self.starts = [c.start for c in self.cues]

    def between(self, start: int, end: int) -> list[_Cue]:
        """Cues lying wholly inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, lo=first)
        if first == last:
            return []
        return [cue for cue in self.cues[first:last] if cue.end <= end]


# A cue as matched (any case and spacing) → (its kind, whether it may name a programme:
# "show"), filled as cues are met, so each form is normalised and looked up once per run.
_KIND_OF_MATCHED: dict[str, tuple[str, bool]] = {}
MAX_REMEMBERED_CUE_FORMS = 5000  # "according   to" with any spacing must not grow it unbounded


# ----- regions ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Region:
    """The body part of one paragraph and its body sentences."""

    paragraph: int
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]


def _regions(segments: Segments) -> list[_Region]:
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for sentence in segments.sentences:
        if sentence.is_body:
            by_paragraph.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    return [
        _Region(index, spans[0][0], spans[-1][1], tuple(spans))
        for index, spans in sorted(by_paragraph.items())
    ]


# ----- helpers ----------------------------------------------------------------------------

def _trim_content(text: str, start: int, end: int) -> Span | None:
    """Content without surrounding space and trailing punctuation (but keep quote marks)."""
    while start < end and text[start] in " \t\n\xa0,:;—–-":
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    if not _WORD.search(text, start, end):
        return None
    return Span(start, end)


_DOUBLE_QUOTE_CHAR = re.compile("[\"“”„‟«»]")


def _has_quote_mark(text: str, spans) -> bool:
    return any(_DOUBLE_QUOTE_CHAR.search(text, span.start, span.end) for span in spans)


def _inside(position: int, spans: list[QuotedSpan], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index].start < position < spans[index].end


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Does the sorted list ``positions`` hold one in ``[start, end)``?"""
    at = bisect.bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _word_count(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


# ----- direct quotations ------------------------------------------------------------------

@dataclass
class _Draft:
    kind: str
    content: list[Span]
    cue: Span | None
    speaker: Span | None
    rule: str
    confidence: float


# Between a quotation and its cue, a name and then an appositive or a parenthesis:
# '…," Senate Majority Leader Mitch McConnell, R-Ky., said', '…," Rep. Earl Blumenauer
# (D-Ore.) said', '…," Cruz, who has proposed repealing it, said'.
_DESCRIBED_SPEAKER = re.compile(
    r"[\s,]*(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[\w.'’-]+){0,6}?)"
    r"(?:[ \xa0]*\([^()\"“”\n]{1,40}\)|,[^\"“”\n]{1,160}?,)[ \xa0]*"
)
MAX_DESCRIBED_FRAME_WINDOW = 280
MAX_DESCRIBED_SPEAKER_WORDS = 40
MAX_DESCRIBED_HEAD_WORDS = 20
# ", who …" or ", which …" not yet closed by a comma: a cue there is the relative
# clause's verb ('…," Cruz, who has proposed …, said').
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*$")


def _frame_after(text: str, cues: _CueIndex, quote: QuotedSpan, limit: int,
                 sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    """Cue and speaker right after a quotation: ``"…," X said`` or ``"…," said X``."""
    window_end = min(limit, quote.end + MAX_FRAME_WINDOW)
    found = [c for c in cues.between(quote.end, window_end) if c.kind != "stance"]
    while len(found) > 1 and _OPEN_RELATIVE.search(text, quote.end, found[0].start):
        found = found[1:]
    cue = found[0] if found else None
    if cue is None and _ends_in_frame_punctuation(text, quote.end):
        return _frame_after_description(text, cues, quote, limit) or _frame_after_any_verb(text, quote, window_end)
    prefix = text[quote.end:cue.start] if cue else "."
    if "\n" in prefix or ("." in prefix and _SENTENCE_BREAK.search(prefix.strip())):
        return _frame_after_any_verb(text, quote, window_end)
    following = bisect.bisect_left(sentence_starts, quote.end)
    if following < len(sentence_starts) and sentence_starts[following] <= cue.start \
            and not _is_frame_sentence(text, quote, cue, limit):
        return None  # '“…ongoing.” He said the FBI …': the cue belongs to the next sentence
    if not prefix.strip(" ,\t\xa0"):
        if cue.kind == "according":
            speaker = speaker_after(text, cue.end, limit)
            return Span(cue.start, cue.end), speaker, "direct-according"
        speaker = speaker_after(text, cue.end, limit)
        return (Span(cue.start, cue.end), speaker, "direct-cue-speaker") if speaker else None
    speaker = speaker_before(text, quote.end, cue.start)
    if speaker is None or text[quote.end:speaker.start].strip(" ,\t\xa0"):
        described = _DESCRIBED_SPEAKER.fullmatch(text, quote.end, cue.start)
        if described is not None:
            speaker = Span(*described.span("speaker"))
        else:
            speaker = _phrase_speaker(text, quote.end, cue.start, speaker)
            if speaker is None:
                return _frame_after_description(text, cues, quote, limit)
    return Span(cue.start, cue.end), speaker, "direct-speaker-cue"


def _frame_after_description(text: str, cues: _CueIndex, quote: QuotedSpan, limit: int, *,
                             title: QuotedSpan | None = None) -> tuple[Span, Span, str] | None:
    """``"…," state Sen. X (D) said``, ``"…," X, the 2016 frontrunner …, said``,
    ``"…," nuclear experts X and Y of the Institute wrote``: a described speaker, which may
    open in lower case and run further from the quotation than a plain frame; the stretch
    up to the cue has no clause word, and the speaker is its part before any comma."""
    if not _ends_in_frame_punctuation(text, quote.end):
        return None
    window_end = min(limit, quote.end + MAX_DESCRIBED_FRAME_WINDOW)
    found = cues.between(quote.end, window_end)
    if not found or found[0].kind not in ("speech", "speech-that"):
        return None
    cue = found[0]
    # Only the marks of ``title`` (a name in the description: 'wearing “Ted Cruz” pins') may
    # lie between the quotation and the cue.
    unquoted = ((quote.end, title.start), (title.end, cue.start)) if title is not None else ((quote.end, cue.start),)
    if "\n" in text[quote.end:cue.start] or _SENTENCE_BREAK.search(text, quote.end, cue.start) \
            or any(_DOUBLE_QUOTE_CHAR.search(text, start, end) for start, end in unquoted):
        return None
    words = _WORD.findall(text, quote.end, cue.start)
    if not words or len(words) > MAX_DESCRIBED_SPEAKER_WORDS or words[0] in _CLAUSE_CONJUNCTIONS:
        return None
    opening = quote.end + len(text[quote.end:cue.start]) - len(text[quote.end:cue.start].lstrip(" ,\t\xa0"))
    head_end = cue.start
    for separator in (",", "("):
        at = text.find(separator, opening, cue.start)
        if at >= 0:
            head_end = min(head_end, at)
    if head_end < cue.start and text[:cue.start].rstrip(" \t\xa0")[-1:] not in (",", ")"):
        return None  # an appositive must be closed before the cue
    speaker = _trim_content(text, opening, head_end)
    if speaker is None:
        return None
    head = _WORD.findall(text, speaker.start, speaker.end)
    if not head or len(head) > MAX_DESCRIBED_HEAD_WORDS or not any(word[0].isupper() for word in head) \
            or any(word.lower() in _CLAUSE_WORDS for word in head):
        return None
    return Span(cue.start, cue.end), speaker, "direct-described-speaker"


_CLAUSE_CONJUNCTIONS = frozenset("and but or so then as while after before since until".split())


# Words that show the stretch between a quotation and its cue is a clause, not a speaker.
_CLAUSE_WORDS = frozenset("is was are were be been that because if when while who which whom where not to he she they it i we".split())
_PHRASE_OPENING = re.compile(r"[ \t\xa0,]*(?=[A-Z0-9]|(?:the|a|an|this|that|these|those|his|her|its|their|one|two|three|another|several|some)\b)")
MAX_PHRASE_SPEAKER_WORDS = 14


def _phrase_speaker(text: str, start: int, cue_start: int, head: Span | None) -> Span | None:
    """The whole noun phrase between a quotation and its cue, when the speaker found by
    walking back from the cue leaves words before it: '…," the Florida senator and
    Republican candidate said', '…," this source told', '…," Ryan’s office said'."""
    if not _ends_in_frame_punctuation(text, start):
        return None
    opening = _PHRASE_OPENING.match(text, start, cue_start)
    if opening is None:
        return None
    if head is None:
        possessed = _POSSESSED.fullmatch(text, opening.end(), cue_start)
        if possessed is None:
            return _listed_adjective_speaker(text, opening.end(), cue_start)
        if any(w.lower() in _CLAUSE_WORDS for w in _WORD.findall(possessed.group("phrase"))):
            return None
        return Span(opening.end(), possessed.end("phrase"))
    words = _WORD.findall(text, opening.end(), head.end)
    if len(words) > MAX_PHRASE_SPEAKER_WORDS or any(w.lower() in _CLAUSE_WORDS for w in words):
        return None
    if any(c in ",;:()" for c in text[opening.end():head.end]) or _SENTENCE_BREAK.search(text, opening.end(), head.end) \
            or _DOUBLE_QUOTE_CHAR.search(text, opening.end(), head.end):
        return None
    return Span(opening.end(), head.end)


# With no head word: "Ryan’s office", "the campaign’s spokesman" (a possessive name and one
# or two words), "this Trump look-alike" (a determiner and a few words).
_POSSESSED = re.compile(
    r"(?P<phrase>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s?\s+[a-z]+(?:\s+[a-z]+)?"
    r"|(?:the|this|that|a|an|one|another|his|her|its|their)(?:\s+[\w-]+){1,4})\s*"
)


# One or two lower-case adverbs in -ly right before a cue ('Clinton emphatically proclaimed
# …, “…”', 'O’Donnell, who was off-screen, then loudly asked, “…”'); the speaker walk stops at them.
_MANNER_ADVERBS_BEFORE = re.compile(r"(?:[ \xa0]+(?:then|also|[a-z]{4,}ly)){0,1}[ \xa0]+[a-z]{4,}ly[ \xa0]+$")
_LY_NOT_ADVERBS = frozenset("family rally ally assembly supply anomaly monopoly bully belly only early daily weekly "
                            "monthly elderly friendly likely unlikely holy lonely lovely costly".split())


def _speaker_before_adverb(text: str, lo: int, cue_start: int) -> Span | None:
    """The speaker of a direct frame when a manner adverb stands between it and the cue,
    read by walking back from before the adverb (only for frames before a quotation)."""
    adverbs = _MANNER_ADVERBS_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if adverbs is None or any(w in _LY_NOT_ADVERBS for w in _WORD.findall(adverbs.group())):
        return None
    return speaker_before(text, lo, adverbs.start())

# A determiner, two adjectives set apart by a comma and a noun or two: "the bespectacled,
# 71-year-old diplomat".
_LISTED_ADJECTIVES = re.compile(
    r"(?P<phrase>(?:the|a|an)[ \xa0]+[a-z][\w-]*,[ \xa0]+[\w-]+(?:[ \xa0]+[a-z][\w-]*){1,2})[ \xa0]*"
)


def _listed_adjective_speaker(text: str, start: int, cue_start: int) -> Span | None:
    """The speaker between a quotation and its cue when adjectives before its noun are set
    apart by a comma, which stops the walk back from the cue: '…," the bespectacled,
    71-year-old diplomat said'."""
    listed = _LISTED_ADJECTIVES.fullmatch(text, start, cue_start)
    if listed is None or any(w.lower() in _CLAUSE_WORDS for w in _WORD.findall(listed.group("phrase"))):
        return None
    return Span(*listed.span("phrase"))


def _frame_across_title(text: str, cues: _CueIndex, quotes: list[QuotedSpan], position: int,
                        region_end: int) -> tuple[Span, Span, str] | None:
    """``"…," Texas delegate X, wearing a hat and “Ted Cruz” pins, said``: a described
    speaker after the quotation whose description holds a short quoted name."""
    if position + 1 >= len(quotes):
        return None
    title = quotes[position + 1]
    if _word_count(text, title.start, title.end) > MAX_DESCRIPTION_TITLE_WORDS or _ends_in_frame_punctuation(text, title.end):
        return None
    limit = quotes[position + 2].start if position + 2 < len(quotes) else region_end
    return _frame_after_description(text, cues, quotes[position], limit, title=title)


def _ends_in_frame_punctuation(text: str, quote_end: int) -> bool:
    """'"…," X said', '"…?" X asked', '"…." X said': the quotation's punctuation asks for a frame."""
    return text[quote_end - 2:quote_end - 1] in (",", "?", "!", ".") or text[quote_end:quote_end + 1] == ","


def _is_frame_sentence(text: str, quote: QuotedSpan, cue: _Cue, limit: int) -> bool:
    """'“…missing.” Trump said.': the sentence after a quotation that ends in a full stop is
    only its frame (a speaker, the cue and a short adjunct)."""
    if text[quote.start:quote.end].rstrip("\"”’' ")[-1:] not in (".", "?", "!"):
        return False
    stop = text.find(".", cue.end, limit)
    if stop < 0:
        return False  # the cue's sentence runs on into the next quotation ("He added, “…”")
    return "\n" not in text[quote.end:cue.start] and _is_trailing(text[cue.end:stop + 1])


def _frame_after_any_verb(text: str, quote: QuotedSpan, limit: int) -> tuple[Span, Span | None, str] | None:
    """``"…," she elaborated``: a quotation ending in , ? or ! then a speaker and a verb
    not in the cue list; the punctuation is what marks the frame."""
    if text[quote.end - 2:quote.end - 1] not in (",", "?", "!") and text[quote.end:quote.end + 1] != ",":
        return None
    match = _ANY_VERB_FRAME.match(text, quote.end, limit)
    if match is None:
        inverted = _INVERTED_VERB_FRAME.match(text, quote.end, limit)
        speaker = inverted and speaker_after(text, inverted.end(), limit)
        if not speaker or not text[speaker.start].isupper():
            return None
        return Span(*inverted.span("verb")), speaker, "direct-verb-speaker"
    return Span(*match.span("verb")), Span(*match.span("speaker")), "direct-speaker-verb"


# '"…," mused Blaze co-host Stu Burguiere', '"…!" beamed Donald Hartley'
_INVERTED_VERB_FRAME = re.compile(r",?[ \t\xa0]*(?P<verb>[a-z]{3,}ed)(?=[ \xa0]+[A-Z])")


# A sentence opened by a capitalised cue and its speaker, then the quotation:
# 'Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”'
_CUE_OPENER = re.compile(r"(?:^|(?<=[.!?\n])\s*)(?P<cue>Said|Says|Added|Adds)[ \xa0]+[^\"“”.!?\n]{2,160}?,[ \xa0]*$")


def _frame_opener(text: str, quote: QuotedSpan, lo: int) -> tuple[Span, Span | None, str] | None:
    window_start = max(lo, quote.start - MAX_INTRO_WINDOW)
    opener = _CUE_OPENER.search(text[window_start:quote.start])
    if opener is None:
        return None
    cue = Span(window_start + opener.start("cue"), window_start + opener.end("cue"))
    speaker = speaker_after(text, cue.end, quote.start)
    return (cue, speaker, "direct-cue-opener") if speaker is not None else None


def _frame_before(text: str, cues: _CueIndex, quote: QuotedSpan, lo: int) -> tuple[Span, Span | None, str] | None:
    """Cue and speaker right before a quotation: ``X said: "…"``, ``said X, "…"``,
    ``Said X, "…"``."""
    found = [c for c in cues.between(max(lo, quote.start - MAX_INTRO_WINDOW), quote.start) if c.kind in ("speech", "speech-that", "according")]
    if not found:
        return _frame_opener(text, quote, lo)
    cue = found[-1]
    if not _INTRO_BRIDGE.fullmatch(text, cue.end, quote.start):
        # 'officials called it a hate crime. Said Comey, "…"': the opener is the frame
        return _frame_opener(text, quote, lo)
    if _PASSIVE_BEFORE.search(text, max(lo, cue.start - 12), cue.start):
        return None
    speaker = speaker_before(text, lo, cue.start) or _speaker_before_adverb(text, lo, cue.start)
    if speaker is None:
        speaker = speaker_after(text, cue.end, quote.start)
    if speaker is None:
        return None
    return Span(cue.start, cue.end), speaker, "direct-cue-before"


# '…, saying, “…”', '… and adding, "…"', '… by interjecting, “…”': a participle after a
# clause, then a comma or colon right before a quotation that opens a sentence; a participle of
# speech or writing needs neither ('…, writing “Feels great …”').
_PARTICIPLE_BEFORE_QUOTE = re.compile(
    r"(?:,[\"”’']?|\band|\bby)[ \xa0]+(?:(?:also|then|later|again)[ \xa0]+)?"
    r"(?P<verb>[a-z]{3,}ing[ \xa0]*[,:]|(?:saying|writing|tweeting|declaring))[ \xa0]*$"
)


# Participles that carry on (or question) the last quotation's speaker more often than
# they report their clause subject: on train they took the wrong speaker in 5 of 6 cases.
_CONTINUING_PARTICIPLES = frozenset("adding asking continuing".split())


def _frame_before_participle(text: str, quote: QuotedSpan, lo: int, sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    """``Kerpen needled the “reporter,” saying, “…”``: the participle reports the quotation
    and the subject of its sentence's clause is the speaker (the clause may hold an earlier
    quotation, so it is read from the sentence start)."""
    first = _WORD.search(text, quote.start, quote.end)
    if first is None or not first.group()[0].isupper():
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    sentence_start = sentence_starts[index] if index >= 0 else lo
    match = _PARTICIPLE_BEFORE_QUOTE.search(text, max(sentence_start, quote.start - MAX_INTRO_WINDOW), quote.start)
    if match is None or match.group("verb").rstrip(" \xa0,:") in _CONTINUING_PARTICIPLES:
        return None  # ', adding, “…”' goes on with the last speaker quoted (see _direct)
    clause_end = match.start()
    speaker = _clause_subject(text, sentence_start, clause_end) or _described_clause_subject(text, sentence_start, clause_end)
    if speaker is None or speaker_words().get(speaker.text_of(text).lower()) == "RELATIVE":
        return None
    verb = _WORD.search(text, *match.span("verb"))
    return Span(*verb.span()), speaker, "direct-participle-before"


# 'He jokes, “…”', 'Wallace then asked, “…”', 'As Vulture put it, “…”', 'Sanders asks at
# Western High School, “…”': a clause ending in a verb (and a short named place) and a
# comma or colon right before a quotation that opens a sentence.
_VERB_BEFORE_QUOTE = re.compile(
    r"(?P<verb>\b[a-z]{2,}(?:ed|es|[^s]s)|\bputs?[ \xa0]+it)"
    r"(?:[ \xa0]+(?:at|in)[ \xa0]+(?:the[ \xa0]+)?[A-Z][^,;:.!?\"“”«»\n]{0,40}?)?[ \xa0]*[,:][ \xa0]*$"
)


def _frame_before_any_verb(text: str, quote: QuotedSpan, lo: int, sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    first = _WORD.search(text, quote.start, quote.end)
    if first is None or not first.group()[0].isupper():
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    clause_start = max(lo, sentence_starts[index] if index >= 0 else lo)
    window_start = max(clause_start, quote.start - MAX_INTRO_WINDOW)
    match = _VERB_BEFORE_QUOTE.search(text, window_start, quote.start)
    if match is None or _PASSIVE_BEFORE.search(text, max(lo, match.start() - 12), match.start()):
        return None
    speaker = speaker_before(text, clause_start, match.start("verb")) \
        or _speaker_before_adverb(text, clause_start, match.start("verb"))
    if speaker is None or speaker_words().get(text[speaker.start:speaker.end].lower()) == "RELATIVE":
        return None
    # A name, a pronoun or a definite description ("all capital letters," is no frame).
    if not (text[speaker.start].isupper() or text.startswith("the ", speaker.start)
            or speaker_words().get(text[speaker.start:speaker.end].lower(), "").startswith("PRONOUN")):
        return None
    return Span(*match.span("verb")), speaker, "direct-speaker-verb-before"


# A paragraph that is only a quotation, then a line that signs it (fact-check and digest
# style): '"…"' / '- Sanders.' or '-Michelle Marks, Philadelphia.'
_SIGNATURE = re.compile(
    r"[ \t\xa0.]*\n\s*(?P<cue>[-—–])[ \t\xa0]*(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,4})"
    r"(?:,[^\n]{0,100})?[ \t\xa0]*(?:\n|$)"
)


def _frame_signature(text: str, quote: QuotedSpan, region: _Region) -> tuple[Span, Span | None, str] | None:
    if text[region.start:quote.start].strip() or text[quote.end:region.end].strip(" .\t\xa0"):
        return None
    signed = _SIGNATURE.match(text, quote.end)
    if signed is None:
        return None
    start, end = signed.span("speaker")
    while text[end - 1] == ".":
        end -= 1  # the full stop that closes the signature line
    return Span(*signed.span("cue")), Span(start, end), "direct-signature"


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


def _is_free_quote(text: str, quote: QuotedSpan, region: _Region) -> bool:
    """A quotation that reads as a sentence of speech (not a scare quote or a title)."""
    if _word_count(text, quote.start, quote.end) < MIN_FREE_QUOTE_WORDS:
        return False
    before = text[region.start:quote.start].rstrip()
    return not before or before[-1] in ".!?:\"”"


_PARAGRAPH_OPENING_MARKS = "\"“«„"


def _opens_with_quotation(text: str, region: _Region) -> bool:
    """Does the paragraph open with a quotation mark? A quotation left open at the end of the
    paragraph before then carries on over the break (the multi-paragraph convention: '“One
    I would describe as …,” Sexton said. “Trump events are outlets …' ⏎ '“There’s another …')."""
    return text[region.start:region.start + 1] in _PARAGRAPH_OPENING_MARKS


def _direct(text: str, regions: list[_Region], cues: _CueIndex, *, include_unattributed: bool) -> tuple[list[_Draft], list[QuotedSpan], set[int]]:
    drafts: list[_Draft] = []
    all_quotes: list[QuotedSpan] = []
    used_cues: set[int] = set()
    by_cue: dict[int, _Draft] = {}
    continues = False
    last: _Draft | None = None
    last_direct: _Draft | None = None
    last_speaker_paragraph = -2
    marks = MarkIndex(text, regions[0].start, regions[-1].end)
    sentences = [sentence for region in regions for sentence in region.sentences]
    sentence_starts = [start for start, _ in sentences]
    titles: set[int] = set()  # short quotations read as part of a speaker's description
    for index, region in enumerate(regions):
        if not marks.any_within(region.start, region.end):
            continues = False
            continue  # no quotation mark in this paragraph
        following = regions[index + 1] if index + 1 < len(regions) else None
        continues = continues or (following is not None and _opens_with_quotation(text, following))
        quotes = quoted_spans(text, region.start, region.end, continues=continues, marks=marks)
        continues = bool(quotes) and quotes[-1].open_end
        all_quotes.extend(quotes)
        for position, quote in enumerate(quotes):
            lo = quotes[position - 1].end if position else region.start
            hi = quotes[position + 1].start if position + 1 < len(quotes) else region.end
            content = Span(quote.start, quote.end)
            if quote.start in titles or _is_title_in_description(text, quote, sentences, sentence_starts) \
                    or _is_programme_title(text, quote, lo):
                continue
            frame = (_frame_after(text, cues, quote, hi, sentence_starts) or _frame_before(text, cues, quote, lo)
                     or _frame_colon(text, cues, quote, sentence_starts) or _frame_before_any_verb(text, quote, lo, sentence_starts)
                     or _frame_signature(text, quote, region))
            if frame is None:
                frame = _frame_before_participle(text, quote, lo, sentence_starts)
            if frame is None:
                frame = _frame_across_title(text, cues, quotes, position, region.end)
                if frame is not None:
                    titles.add(quotes[position + 1].start)
            if frame is not None:
                cue, speaker, rule = frame
                content = _whole_clause(text, cues, quote, cue, sentences, sentence_starts, lo, hi)
                if cue.end <= quote.start:
                    content, taken = _clause_across_quotations(text, cues, quotes, position, content, sentences,
                                                               sentence_starts, region.end)
                    titles.update(q.start for q in quotes[position + 1:position + 1 + taken])
                if cue.start in by_cue:
                    by_cue[cue.start].content.append(content)
                    last = by_cue[cue.start]
                    continue
                head = (_parenthetical_head(text, quote, cue, speaker, sentences, sentence_starts, lo)
                        or _split_quotation_head(text, quote, speaker, sentences, sentence_starts)) \
                    if rule == "direct-cue-before" else None
                draft = _Draft("direct", [head, content] if head else [content], cue, speaker, rule, 0.9 if speaker else 0.6)
                rest = _unquoted_rest(text, cues, quote, cue, speaker, sentences, sentence_starts, hi)
                if rest is not None:
                    draft.content.append(rest)
                last_direct, last_speaker_paragraph = draft, region.paragraph
                drafts.append(draft)
                by_cue[cue.start] = draft
                used_cues.add(cue.start)
                last = draft
                continue
            if last is not None and _continues_last(text, cues, last, quote, region) \
                    and (_is_free_quote(text, quote, region) or _resumes_split_quotation(text, last, quote)):
                last.content.append(content)
                continue
            if _is_unframed_speech(text, quote):
                if last_direct is not None and last_speaker_paragraph >= region.paragraph - 1:
                    last_direct.content.append(content)  # the same speaker goes on
                elif include_unattributed:
                    drafts.append(_Draft("direct", [content], None, None, "direct-unframed", 0.3))
            last = None if quote.start - region.start > 1 else last
    return drafts, all_quotes, used_cues


# A sentence opening with a name and an appositive that runs up to a quotation:
# 'Washington, star of television’s “Scandal,” thanked …', 'Ana Ruiz, a host of “Morning
# Shift,” said …'.
_DESCRIPTION_BEFORE_TITLE = re.compile(
    r"(?:(?:But|And|Yet|So)[ \xa0]+)?[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3},[ \xa0]+[a-z][^,\"“”.;:!?\n]{0,80}[ \xa0]"
)
MAX_DESCRIPTION_TITLE_WORDS = 6


def _is_title_in_description(text: str, quote: QuotedSpan, sentences: list[tuple[int, int]], sentence_starts: list[int]) -> bool:
    """A short quotation closed by a comma inside the appositive of a sentence's subject is a
    title in the speaker's description, not a quotation the frame after it reports."""
    if text[quote.end - 2:quote.end - 1] != "," or _word_count(text, quote.start, quote.end) > MAX_DESCRIPTION_TITLE_WORDS:
        return False
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    return index >= 0 and _DESCRIPTION_BEFORE_TITLE.fullmatch(text, sentences[index][0], quote.start) is not None


# 'Wednesday on Fox News Channel’s “Hannity,” X said …', 'In an interview with "Fox and
# Friends," X pointed …': "on" or "with", a channel's name at most, then the programme.
_PROGRAMME_INTRO = re.compile(r"\b(?:[Oo]n|with)[ \xa0]+(?:[A-Z][\w&’'-]*[ \xa0]+|[a-z]+[’']s[ \xa0]+){0,4}$")


def _is_programme_title(text: str, quote: QuotedSpan, lo: int) -> bool:
    """A short quotation closed by a comma after 'on' or 'with' and a channel's name is the
    programme someone spoke on, not speech the frame after it reports."""
    if text[quote.end - 2:quote.end - 1] != "," or _word_count(text, quote.start, quote.end) > MAX_DESCRIPTION_TITLE_WORDS:
        return False
    return _PROGRAMME_INTRO.search(text, max(lo, quote.start - 40), quote.start) is not None


# A dash or a semicolon ends the reported clause ('which read “…” — and waved it around').
_REPORTED_CLAUSE_END = re.compile(r"[—–;]|\s-\s")


def _reported_clause_end(text: str, start: int, sentence_end: int) -> int:
    """Where a reported clause that goes on after its quotation ends: at the first dash or
    semicolon after ``start`` that does not open a dashed aside ('Clinton cracked ''…'' - he has
    often been …' ends at the dash; '“…” - including Cruz - favored …' goes on), else at the
    sentence end."""
    found = _REPORTED_CLAUSE_END.search(text, start, sentence_end)
    if found is not None and found.group().strip() in "—–-":
        closing = text.find(found.group(), found.end(), sentence_end)
        if closing >= 0:  # 'stage" - including Cruz - favored …': a dashed aside goes on
            return _reported_clause_end(text, closing + len(found.group()), sentence_end)
    return found.start() if found else sentence_end


def _whole_clause(text: str, cues: _CueIndex, quote: QuotedSpan, cue: Span, sentences: list[tuple[int, int]],
                  sentence_starts: list[int], lo: int, hi: int) -> Span:
    """The quotation, or the clause it is part of when the quotation is mixed into it: words
    before it in its sentence when the cue follows ('The bill was “heartbreaking,” she
    said'), words after it to the sentence end when the cue precedes ('He said that “we need
    more information” about the case')."""
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    if index < 0:
        return Span(quote.start, quote.end)
    sentence_start, sentence_end = sentences[index]
    start, end = quote.start, quote.end
    if cue.start >= quote.end:
        clause_start = max(sentence_start, lo)
        if _WORD.search(text, clause_start, quote.start) and not cues.between(clause_start, quote.start):
            start = clause_start
    elif text[quote.end - 2:quote.end - 1] not in (".", ",", "?", "!") and sentence_end <= hi:
        clause_end = _reported_clause_end(text, quote.end, sentence_end)
        rest = _trim_content(text, quote.end, clause_end)
        if rest is not None and text[quote.end] in " \xa0" and not cues.between(quote.end, clause_end):
            end = rest.end
    return _trim_content(text, start, end) or Span(quote.start, quote.end)




def _clause_across_quotations(text: str, cues: _CueIndex, quotes: list[QuotedSpan], position: int,
                              content: Span, sentences: list[tuple[int, int]], sentence_starts: list[int],
                              region_end: int) -> tuple[Span, int]:
    """A reported clause with several quoted phrases after its cue: 'Kaine declared that "I
    strongly support" the state's misnamed "right to work" law'. The content runs to the
    sentence end over the later quotations when no cue and no frame punctuation lies between;
    returns the content and how many of the following quotations it took in."""
    quote = quotes[position]
    if content.end != quote.end or text[quote.start] in "‘’'" and not text.startswith("''", quote.start) \
            or text[quote.end - 2:quote.end - 1] in (".", ",", "?", "!") \
            or text[quote.end:quote.end + 1] not in (" ", "\xa0"):
        return content, 0
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    if index < 0:
        return content, 0
    sentence_end = min(sentences[index][1], region_end)
    taken = 0
    for following in quotes[position + 1:]:
        if following.end > sentence_end:
            break
        taken += 1
    if not taken or cues.between(quote.end, sentence_end) or _REPORTED_CLAUSE_END.search(text, quote.end, sentence_end) \
            or any(text[q.end - 2:q.end - 1] in (",", "?", "!") for q in quotes[position + 1:position + 1 + taken]):
        return content, 0
    rest = _trim_content(text, quote.end, sentence_end)
    return (Span(content.start, rest.end), taken) if rest is not None else (content, 0)


# Words that open an adjunct before a frame ('On Monday, he said, “…”'), not the subject or
# the opening of the reported sentence ('These rules, the lawyers said, “all command …”').
_HEAD_ADJUNCT_OPENERS = frozenset(
    "in at on after before during about of to for with from by as when while since if although "
    "though because under over earlier later last this that today yesterday speaking asked but and "
    "so yet also then now however meanwhile still instead indeed".split()
)
MAX_PARENTHETICAL_HEAD_WORDS = 12


def _parenthetical_head(text: str, quote: QuotedSpan, cue: Span, speaker: Span | None,
                        sentences: list[tuple[int, int]], sentence_starts: list[int], lo: int) -> Span | None:
    """The opening of the reported sentence before a frame set off by commas right before
    the quotation: 'These and other sources, the lawyers said, “all command …”', 'Clinton, a
    top aide said, “is very confident …”'; an adjunct opening ('On Monday, he said, “…”')
    is the frame's, not the content's."""
    if speaker is None or speaker.end > cue.start or cue.end > quote.start:
        return None
    index = bisect.bisect_right(sentence_starts, speaker.start) - 1
    if index < 0:
        return None
    start = max(sentences[index][0], lo)
    before = text[start:speaker.start].rstrip(" \t\xa0")
    if not before.endswith(",") or text[cue.end:quote.start].strip(" \t\xa0") != "," \
            or _DOUBLE_QUOTE_CHAR.search(text, start, speaker.start) or "\n" in before:
        return None
    words = _WORD.findall(text, start, speaker.start)
    if not words or len(words) > MAX_PARENTHETICAL_HEAD_WORDS or words[0].lower() in _HEAD_ADJUNCT_OPENERS \
            or words[0].endswith("ing") or "," in before[:-1]:
        return None  # a participle ('Taking it in, Trump said, “…”') or a list of adjuncts
    return _trim_content(text, start, start + len(before) - 1)


MAX_SPLIT_HEAD_WORDS = 40
_SPLIT_HEAD_OPENING = re.compile(r"[ \t\xa0]*[\"“]")


def _split_quotation_head(text: str, quote: QuotedSpan, speaker: Span | None, sentences: list[tuple[int, int]],
                          sentence_starts: list[int]) -> Span | None:
    """The first part of a quoted sentence split by its frame, when unquoted words follow
    that part: '“If there had not been that intervention” by the United States and its
    allies, Clinton said on Monday, “we would be looking at …”'. The sentence opens with a
    quotation that closes on a word, the quotation after the frame opens in lower case, and
    the head runs from the sentence start to the comma before the speaker."""
    first = _WORD.search(text, quote.start, quote.end)
    if speaker is None or first is None or not first.group()[0].islower():
        return None
    index = bisect.bisect_right(sentence_starts, speaker.start) - 1
    if index < 0:
        return None
    start = sentences[index][0]
    opening = _SPLIT_HEAD_OPENING.match(text, start, speaker.start)
    before = text[start:speaker.start].rstrip(" \t\xa0")
    if opening is None or not before.endswith(",") or "\n" in before:
        return None
    closing = _DOUBLE_QUOTE_CHAR.search(text, opening.end(), speaker.start)
    if closing is None or not text[closing.start() - 1].isalnum() \
            or len(_WORD.findall(text, start, speaker.start)) > MAX_SPLIT_HEAD_WORDS:
        return None
    return _trim_content(text, start, start + len(before) - 1)

# Words that open an adjunct of the frame, not the rest of the quoted sentence:
# '"…," she said, referring to …', '…, he said in an interview'.
_FRAME_ADJUNCT_OPENERS = frozenset(
    "in at on after before during about of to for with from by as when while while who which "
    "according referring adding noting citing speaking pointing".split()
)
MIN_UNQUOTED_REST_WORDS = 3
_REST_OPENING = re.compile(r",[ \xa0]+(?P<word>[a-z][\w’'-]*)")


def _unquoted_rest(text: str, cues: _CueIndex, quote: QuotedSpan, cue: Span, speaker: Span | None,
                   sentences: list[tuple[int, int]], sentence_starts: list[int], hi: int) -> Span | None:
    """A split quotation whose second part has no marks: '“Only you,” she said, would use
    the occasion …', '"It's our bad luck," he said, that both men …': after a frame that
    follows a quotation ending in a comma, a lower-case rest of the sentence."""
    if text[quote.end - 2:quote.end - 1] != "," or cue.start < quote.end:
        return None
    frame_end = max(cue.end, speaker.end if speaker else cue.end)
    opening = _REST_OPENING.match(text, frame_end)
    if opening is None or opening.group("word") in _FRAME_ADJUNCT_OPENERS or opening.group("word").endswith("ing"):
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    sentence_end = sentences[index][1] if index >= 0 else hi
    end = min(sentence_end, hi)
    if cues.between(opening.start("word"), end) or "\n" in text[opening.start("word"):end] \
            or _word_count(text, opening.start("word"), end) < MIN_UNQUOTED_REST_WORDS:
        return None
    return _trim_content(text, opening.start("word"), end)


def _is_unframed_speech(text: str, quote: QuotedSpan) -> bool:
    """A quotation with no frame that still reads as speech: a sentence (a capital after the
    mark and several words) or a long stretch; scare quotes and titles are neither."""
    words = _word_count(text, quote.start, quote.end)
    first = _WORD.search(text, quote.start, quote.end)
    sentence_like = first is not None and first.group()[0].isupper() and words >= MIN_UNFRAMED_SENTENCE_WORDS
    return sentence_like or words >= MIN_UNFRAMED_WORDS


def _resumes_split_quotation(text: str, last: _Draft, quote: QuotedSpan) -> bool:
    """'"This used to be Russia's back yard," said X, director of … in London, "but it is …"':
    a quotation right after the comma that closes its frame goes on with the one before it
    (which ended in a comma), even in lower case."""
    previous = last.content[-1]
    frame_end = max(last.cue.end if last.cue else 0, last.speaker.end if last.speaker else 0)
    return frame_end > previous.end and text[previous.end - 2:previous.end - 1] == "," \
        and text[frame_end:quote.start].strip(" \t\xa0") == ","


def _continues_last(text: str, cues: _CueIndex, last: _Draft, quote: QuotedSpan, region: _Region) -> bool:
    """The quotation carries on the last direct attribution: only the rest of its frame
    sentence (no other cue) lies between them, in this paragraph or at the end of the last."""
    end = max(max(s.end for s in last.content), last.cue.end if last.cue else 0, last.speaker.end if last.speaker else 0)
    if end > quote.start:
        return False
    gap = text[end:quote.start]
    if "\n" in gap and quote.start != region.start:
        return False
    rest = gap.strip()
    if len(rest) > MAX_CONTINUATION_GAP or cues.between(end, quote.start):
        return False
    return rest.count(". ") + rest.count("? ") + rest.count("! ") <= 1


# ----- indirect speech --------------------------------------------------------------------

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
_HEADLINE_CUES = "Says|Say|Said|Tells|Warns|Claims|Slams|Blasts|Urges|Admits|Insists|Suggests"
_HEADLINE_SAYS = re.compile(
    r"(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,5})[ \xa0]+"
    rf"(?P<cue>{_HEADLINE_CUES})[ \xa0]+(?=[\"“‘'A-Z0-9])"
)
# A headline cue anywhere: every branch opens with a literal, so one scan of the body is cheap
# and a sentence without one is not matched against _HEADLINE_SAYS.
_HEADLINE_CUE = re.compile(_HEADLINE_CUES)


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
    headline_cues = [match.start() for match in _HEADLINE_CUE.finditer(text, regions[0].start, regions[-1].end)]
    for region in regions:
        for sentence_start, sentence_end in region.sentences:
            taken_until = sentence_start
            # Each labelled form needs its own opening (a colon somewhere, a capital letter,
            # "When"/"After"/"If"/"asked"): test that before running its regex.
            opening = text[sentence_start:sentence_start + 1]
            labelled = ((text.find(":", sentence_start, sentence_end) != -1 and _name_colon(text, sentence_start, sentence_end))
                        or ("A" <= opening <= "Z" and _any_between(headline_cues, sentence_start, sentence_end)
                            and _headline_says(text, sentence_start, sentence_end))
                        or (opening in _ASKED_OPENER_FIRST and _asked_opener(text, sentence_start, sentence_end))
                        or (("A" <= opening <= "Z" or opening in _QUOTE_CHARS) and _any_between(quote_starts, sentence_start, sentence_end)
                            and (_quoted_headline(text, sentence_start, sentence_end)
                                 or _quoted_headline_after(text, sentence_start, sentence_end))) or None)
            if labelled is not None:
                drafts.append(labelled)
                taken_until = sentence_end if labelled.rule in ("name-colon", "headline-says", "headline-quoted") else labelled.content[-1].end
            sentence_cues = cues.between(sentence_start, sentence_end)
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
    before_end = cue.start  # end of the text before the cue, without trailing space
    while before_end > lo and text[before_end - 1] in " \t\n\xa0":
        before_end -= 1
    comma_before = before_end > lo and text[before_end - 1] == ","
    cue_span = Span(cue.start, cue.end)
    cue_word = text[cue.start:cue.end].lower()

    # "…, said X." and "…, X said." : the content is what precedes the frame.
    if comma_before and not cue_word.endswith("ing") and cue.kind != "object":
        speaker = speaker_after(text, cue.end, hi)
        if speaker is not None and _CLAUSE_VERB.search(text, speaker.start, _name_end(text, speaker)):
            speaker = None  # "X, an adviser, said the plan was …": a clause, not a speaker
        content = _trim_content(text, lo, before_end - 1)
        if speaker and content and _is_trailing(text[speaker.end:hi]):
            return _Draft("indirect", [content], cue_span, speaker, "indirect-cue-speaker-after", 0.75)
    if _is_trailing(tail):
        speaker = speaker_before(text, lo, cue.start) if cue.kind != "object" else None
        if speaker is not None:
            comma = text.rfind(",", lo, speaker.start)
            if comma > lo and not text[comma + 1:speaker.start].strip():
                content = _trim_content(text, lo, comma)
                if content:
                    return _Draft("indirect", [content], cue_span, speaker, "indirect-speaker-after", 0.8)
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
            return _Draft("indirect", [content], cue_span, speaker, "indirect-participle", 0.65)
        return None
    if cue.kind == "object" and text[cue.start - 1:cue.start] == "-":
        return None  # so-called
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
    # "The plan, she said, was too costly": the frame sits inside the reported clause.
    parenthetical = tail.lstrip().startswith(",") and text[lo:speaker.start].rstrip().endswith(",")
    clause_next = next_word == "that" or tail.lstrip().startswith(":") or parenthetical
    if cue.kind in ("speech-that", "thought") and next_word in _CLAUSE_SUBJECTS:
        clause_next = True
    if cue.kind == "thought" and next_match and (next_word in _CLAUSE_DETERMINERS or next_match.group(1)[0].isupper()):
        clause_next = True  # "some officials think Wasserman Schultz is at risk", "believe the plan …"
    if cue.kind == "evidence" and not _PRONOUN_SPEAKER.fullmatch(text, speaker.start, speaker.end):
        clause_next = True  # "a new poll shows Sanders leading": findings report a clause directly
    if cue.kind not in ("speech", "object") and not clause_next:
        return None
    content = _content_after(text, cue, _participle_cue_start(text, cue.end, hi))
    if content is None:
        return None
    lead = _trim_content(text, lo, text.rindex(",", lo, speaker.start)) if parenthetical else None
    if lead is not None and _word_count(text, lead.start, lead.end) <= MAX_PARENTHETICAL_LEAD_WORDS:
        return _Draft("indirect", [lead, content], cue_span, speaker, "indirect-parenthetical", 0.75)
    if cue.kind == "object":
        return _Draft("indirect", [content], cue_span, speaker, "indirect-object", 0.6)
    rule = "indirect-speaker-cue" if cue.kind.startswith("speech") else f"indirect-{cue.kind}-that"
    return _Draft("indirect", [content], cue_span, speaker, rule, 0.8 if cue.kind.startswith("speech") else 0.6)


def _progressive(text: str, cue: _Cue, lo: int) -> int | None:
    """Where the auxiliary of a progressive cue starts ('Trump is telling a town hall
    that …', 'is promising to “bomb …”'), or None: there the cue is not a passive."""
    if text[cue.end - 3:cue.end] != "ing":
        return None
    auxiliary = _PROGRESSIVE_BEFORE.search(text, max(lo, cue.start - 16), cue.start)
    return auxiliary.start() if auxiliary else None


_PARTICIPLE_NEXT = re.compile(r",\s*[a-z]+ing\b")


def _participle_cue_start(text: str, start: int, hi: int) -> int:
    """Where a participle cue opens its own report (', saying …', ', adding that …'), or
    ``hi``: the clause before it is the first cue's content."""
    for match in _PARTICIPLE_NEXT.finditer(text, start, hi):
        if cue_words().get(match.group().lstrip(", \t\xa0"), "stance") != "stance":
            return match.start()
    return hi


def _is_trailing(tail: str) -> bool:
    """After the cue, only the sentence end or a short adjunct: ``he said on Tuesday.``"""
    stripped = tail.strip()
    if not stripped or stripped[0] in ".!?":
        return True
    if stripped[0] == ",":
        return _PARTICIPLE_NEXT.match(stripped) is not None  # "…, Mr. Manafort said, adding that …"
    participle = _PARTICIPLE_NEXT.search(stripped, 0, MAX_TRAILING_ADJUNCT_CHARS) if "," in stripped else None
    if participle is not None and participle.group().lstrip(", \t\xa0") in cue_words():
        stripped = stripped[:participle.start()]  # "…, X said Tuesday in Paris, noting that …"
    if len(stripped.split(None, MAX_TRAILING_ADJUNCT_WORDS)) > MAX_TRAILING_ADJUNCT_WORDS:
        return False  # more words than an adjunct has (the rest of the text is not split)
    words = stripped.rstrip(".!?\"”").split()
    return bool(words) and words[0].lower() in ("on", "in", "at", "last", "this", "earlier", "during", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") and "that" not in (w.lower() for w in words)


_THAT_OR_COLON = re.compile(r"\bthat\b|:")
# "told reporters", "told Fox News,": the one told, before the content.
_TOLD_OBJECT = re.compile(r"\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|reporters|him|her|them|us|me|the\s+\w+)\s*,?")


def _content_after(text: str, cue: _Cue, hi: int) -> Span | None:
    start = cue.end
    cue_word = text[cue.start:cue.end].lower()
    window = text[start:hi]
    that = _THAT_OR_COLON.search(window[:80])
    if cue_word in _TELL_VERBS:
        if that is None:
            object_end = _TOLD_OBJECT.match(window)
            if object_end is None:
                return None
            start += object_end.end()
        else:
            start += that.start()
    elif that is not None and that.group() == ":" and not window[: that.start()].strip(" ,"):
        start += that.end()
    return _trim_content(text, start, hi)


# "according to early results of exit polls conducted by …," / "…, according to state law.":
# after "according to" any short noun phrase is the source, up to a comma (leading) or the
# sentence end (trailing).
_ACCORDING_SOURCE = re.compile(r"\s+(?P<source>[\w.'’&-]+(?:[ \xa0]+[\w.'’&-]+){0,14}?)(?=[ \xa0]*(?:,|\.?$))")
_ACCORDING_TRAILING_SOURCE = re.compile(r"\s+(?P<source>[^,;:\"“”]{2,120}?)[ \xa0]*[.!?]?[\"”]?$")


def _according_source(text: str, start: int, hi: int, *, leading: bool) -> Span | None:
    end = hi
    while end > start and text[end - 1] in " \t\n\xa0":
        end -= 1
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


# A finite verb after a clause subject: auxiliaries, common irregular past forms and
# lower-case -ed / -s forms (not "Texas" in "(R-Texas)").
_FINITE_FORMS = (
    r"is|was|were|are|has|had|have|will|would|went|made|took|threw|gave|held|got|came|put|kept"
    r"|met|led|ran|won|lost|sent|left|spoke|wrote|drew|began|brought|fought|stood"
)
_FINITE_VERB = re.compile(rf"\s(?:{_FINITE_FORMS}|[a-z]+ed|[a-z]+[^s\W]s)\b")
# Any verb that makes a phrase a clause ("X, an adviser, said the plan was …"): those forms,
# modals and more irregular ones; an -s word right after a determiner, a possessive or "of"
# is a plural noun ("an elections analyst", "the court of appeals").
_CLAUSE_VERB = re.compile(
    rf"\s(?:{_FINITE_FORMS}|built|sought|laid|did|does|could|should|can|may|might|must|[a-z]+ed"
    r"|(?<!\bthe\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bour\s)(?<!\bof\s)(?<!\btheir\s)"
    r"(?<!\bthese\s)(?<!\bthose\s)(?<!\bmany\s)[a-z]+[^s\W]s)\b"
)
_CLAUSE_OPENERS = re.compile(r"\b(?:as|after|while|when|because|and|but|since|where)\s+", re.IGNORECASE)


def _clause_subject(text: str, lo: int, comma: int) -> Span | None:
    """The subject of the clause before ``, <participle>``: the first noun phrase after the
    nearest clause opener (sentence start, "as", "after", "while", …)."""
    # "^" would only match at the start of the whole text, so the sentence start is added.
    openers = [lo] + [m.end() for m in _CLAUSE_OPENERS.finditer(text, lo, comma)]
    for opener in reversed(openers):
        verb = _FINITE_VERB.search(text, opener, comma)
        if verb is None:
            continue
        span = speaker_before(text, opener, verb.start() + 1)
        if span is not None and span.start >= opener:
            return span
    pronoun = _PRONOUN_SUBJECT.match(text, lo, comma)
    return Span(*pronoun.span("pronoun")) if pronoun else None


# A pronoun opening the sentence, maybe after a conjunction or an adverb ('Then he cut into
# Bush, calling him …'): the subject even when its verb is not one the verb test knows.
_PRONOUN_SUBJECT = re.compile(r"(?:(?:Then|And|But|So|Later|Still|Also|Now)[ \xa0]+)?(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|We|I)[ \xa0]+[a-z]")


# A name opening the sentence before a lower-case word ('Sanders hit back, saying …'): the
# subject even when its verb is not one the verb test knows.
_NAME_SUBJECT = re.compile(r"(?P<name>[A-Z][a-z-]+(?:[ \xa0]+[A-Z][a-z-]+){0,2}(?:[’'][a-z]+)?)[ \xa0]+[a-z]")
_NAME_SUBJECT_NOT_FIRST = frozenset("the a an if although that this these those his her their its our".split())


def _name_subject(text: str, lo: int, comma: int) -> Span | None:
    """A name of up to three capitalised words opening the sentence, right before a
    lower-case word, when no finite verb the other subject tests know follows it."""
    match = _NAME_SUBJECT.match(text, lo, comma)
    first = match.group("name").split()[0].lower() if match else ""
    if not first or first in _NAME_SUBJECT_NOT_FIRST or first in _NOT_A_SUBJECT or first in _CLAUSE_CONJUNCTIONS \
            or first in _CLAUSE_SUBJECTS:
        return None
    return Span(*match.span("name"))


def _described_clause_subject(text: str, lo: int, comma: int) -> Span | None:
    """The subject of the sentence's first clause when it carries a description the speaker
    walk stops at ('Sen. Ted Cruz (R-Texas) weighed in …, calling', 'Ed Rendell (D), a
    Clinton supporter, praised …, calling'): the stretch from the sentence start to its
    first finite verb, if it reads as a subject."""
    for verb in itertools.islice(_FINITE_VERB.finditer(text, lo, comma), MAX_SUBJECT_VERB_TRIES):
        subject = subject_before(text, lo, verb.start())
        # 'The retired …' (an adjective in -ed) is tried past; 'The senator sought to calm …'
        # holds a verb the search does not know, and is no subject.
        if subject is not None and not _INFINITIVE_OR_LONE_DETERMINER.search(subject.text_of(text)) \
                and _ends_in_head(text, subject):
            dateline = _DATELINE.match(text, subject.start, subject.end)
            return Span(dateline.end(), subject.end) if dateline else subject
    return None


# "WASHINGTON — ", "DECATUR, Ill. — ", "PARIS, Aug 31 (Reuters) - ": a dateline before the subject.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]+\b(?:,[^—–\n]{1,30}?)?[ \xa0]+[—–-]{1,2}[ \xa0]+")


def _ends_in_head(text: str, subject: Span) -> bool:
    """The phrase ends in a name, a parenthesis or a speaker noun ('… Ed Rendell (D), a
    Clinton supporter'), not an adverb or a verb ('Clinton, clearly', 'Gowdy did not release')."""
    words = text[subject.start:subject.end].split()
    if len(words) == 1 and words[0].lower() in _NOT_A_SUBJECT:
        return False  # "For …", "There …": a sentence opener, not a name
    last = words[-1]
    return last[0].isupper() or last.endswith(")") or last.lower() in speaker_words()


_NOT_A_SUBJECT = frozenset("for there here in on at with by from to as so yet still".split())


MAX_SUBJECT_VERB_TRIES = 3


_INFINITIVE_OR_LONE_DETERMINER = re.compile(r"\sto\s|^(?i:the|a|an|this|that)$")


# ----- quoted phrases in a cue's object -----------------------------------------------------

# Between a cue and a quoted phrase in its object: a few words, no clause punctuation
# ("calling him a “loser”", "described it as “all very good”").
_OBJECT_BRIDGE = re.compile(r"[^,;:.!?\"“”«»\n]{0,80}")
# The same with a short adverbial set off by commas ("portraying Mexican immigrants, in
# particular, as “rapists”").
_OBJECT_BRIDGE_ASIDE = re.compile(r"[^,;:.!?\"“”«»\n]{1,60},[ \xa0]+[a-z]+(?:[ \xa0]+[a-z]+){0,2},[ \xa0]+[^,;:.!?\"“”«»\n]{0,40}")
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)
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


def _unlisted_frame(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted phrase whose nearest cue does not report it may lie in the object of a verb
    outside the cue list or in the clause of a claim noun."""
    return (_any_verb_object(text, quote, lo, sentence_end) or _infinitive_object(text, quote, lo, sentence_end)
            or _possessed_claim(text, quote, lo, sentence_end))


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


def _comma_before(text: str, lo: int, position: int) -> int | None:
    """The comma that closes the clause right before ``position`` (spaces between), also
    inside a closing quotation mark ('trashed Comey on “Morning Joe,” calling it …')."""
    end = position
    while end > lo and text[end - 1] in " \t\xa0":
        end -= 1
    if end > lo and text[end - 1] in "”\"" and text[end - 2:end - 1] == ",":
        end -= 1
    return end - 1 if end > lo and text[end - 1] == "," else None


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


def _any_verb_object(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    window = max(lo, quote.start - MAX_INTRO_WINDOW)
    for pattern, rule in ((_VERB_AS_QUOTED, "mixed-verb-as"), (_VERB_THAT_QUOTED, "mixed-verb-that")):
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
    match = _INFINITIVE_AS_QUOTED.search(text, max(lo, quote.start - MAX_INTRO_WINDOW), quote.start)
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
_CLAIM_OF_NAME = re.compile(
    r"\b(?:[Tt]he|[Aa])[ \xa0]+(?P<cue>claim|assertion|contention|charge|suggestion|report|argument|warning)[ \xa0]+(?:of|by)[ \xa0]+"
    r"(?P<speaker>(?:[\w.'’-]+[ \xa0]+){0,5}?[A-Z][\w.'’-]*)(?P<object>[ \xa0]+that[ \xa0]+[^;:!?\"“”«»\n]{0,120}?)$"
)
_POSSESSED_CLAIM = re.compile(
    r"(?P<speaker>\b(?:[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.-]*[ \xa0]+){0,3}[A-Z][\w.-]*['’]s?))"
    r"(?:[ \xa0]+[\w-]+){0,3}?[ \xa0]+(?P<cue>claim|assertion|accusation|insistence|contention|charge|suggestion"
    r"|pledge|promise|vow|warning|admission|remark|argument|declaration)"
    r"(?P<object>(?:[ \xa0]+(?:during|in|on|at)[ \xa0]+[^,;:.!?\"“”«»\n]{1,30}?)?[ \xa0]+(?:that|to)[ \xa0]+[^;:!?\"“”«»\n]{0,120}?)$"
)


_PROMISE_NOUNS = frozenset("pledge promise vow".split())
_TO_CLAUSE = re.compile(r"[ \xa0]+to[ \xa0]")


def _possessed_claim(text: str, quote: QuotedSpan, lo: int, sentence_end: int) -> _Draft | None:
    """A quoted phrase in the clause of a claim noun, reported by the noun's owner ('her
    assertion during the debate that “we now finally are …”', 'the contention of X that …')."""
    window = max(lo, quote.start - MAX_INTRO_WINDOW)
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


# ----- public API -------------------------------------------------------------------------

def find_quotes(text: str, segments: Segments, *, entities=None, include_unattributed: bool = False) -> list[Attribution]:
    """Every attribution in the body of ``text``, sorted by first content character.

    ``include_unattributed``: also return sentence-like quotations that have no frame and
    no attribution to join, with no speaker (rule ``direct-unframed``, low confidence).
    """
    regions = _regions(segments)
    if not regions:
        return []
    cues = _CueIndex(text, regions)
    direct, quotes, used_cues = _direct(text, regions, cues, include_unattributed=include_unattributed)
    digest = _digest_items(text, regions)
    if digest:
        taken = FurthestEnd([(d.content[0].start, d.content[0].end) for d in digest])
        direct = [d for d in direct if not any(taken.reach(c.start) > c.start for c in d.content)] + digest
    indirect = _indirect(text, regions, cues, quotes, used_cues, direct)
    quoted_objects = _quoted_objects(text, regions, cues, quotes, direct + indirect)
    indirect = _following_quotations(text, regions, cues, _to_quotation_ends(indirect, quotes), quotes, direct)
    indirect = _quotation_paragraphs_after_reports(text, regions, indirect, quotes, direct)
    drafts = sorted(direct + indirect + quoted_objects, key=lambda d: d.content[0].start)
    drafts = _drop_overlaps(_issuers_as_speakers(text, regions, drafts))
    index = entities if entities is not None else CandidateIndex(text, [(r.start, r.end) for r in regions])
    entity_names = resolve_speakers(text, [d.speaker for d in drafts], index)
    out = []
    for draft, entity in zip(drafts, entity_names):
        kind = draft.kind
        if kind == "indirect" and _has_quote_mark(text, draft.content):
            kind = "mixed"
        out.append(Attribution(kind, tuple(draft.content), draft.cue, draft.speaker, entity, draft.rule, draft.confidence))
    return out


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


_FRAME_AT_SENTENCE_END = frozenset({"indirect-speaker-after", "indirect-cue-speaker-after"})


def _following_quotations(text: str, regions: list[_Region], cues: _CueIndex, drafts: list[_Draft],
                          quotes: list[QuotedSpan], direct: list[_Draft]) -> list[_Draft]:
    """A clause framed at its sentence end ('Obama "felt a moral obligation," Axelrod
    said.', 'Or maybe Jeb Bush, consultant Phil Musser says.') goes on in a quotation that
    opens the next sentence with no frame of its own ('"This is core stuff for him."'), as a
    direct frame does."""
    covered = sorted(span.start for draft in direct for span in draft.content)
    starts = [quote.start for quote in quotes]
    region_starts = [region.start for region in regions]
    for draft in drafts:
        if draft.rule not in _FRAME_AT_SENTENCE_END:
            continue
        frame_end = max(draft.content[-1].end, draft.cue.end, draft.speaker.end if draft.speaker else 0)
        at = bisect.bisect_left(starts, frame_end)
        if at == len(quotes):
            continue
        quote = quotes[at]
        region = regions[bisect.bisect_right(region_starts, quote.start) - 1]
        gap = text[frame_end:quote.start]
        stop = gap.find(".")
        if stop < 0 or "\n" in gap or not _is_trailing(gap[:stop + 1]) or gap[stop + 1:].strip() \
                or cues.between(frame_end, quote.start) or not _is_free_quote(text, quote, region):
            continue
        if bisect.bisect_left(covered, quote.start) < len(covered) and covered[bisect.bisect_left(covered, quote.start)] < quote.end:
            continue  # a direct frame of its own
        draft.content.append(Span(quote.start, quote.end))
    return drafts


# A transcript line quoted whole: '"Chris Matthews: Seriously, …'
_LABEL_OPENING = re.compile(r"[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3}:")


def _quotation_paragraphs_after_reports(text: str, regions: list[_Region], drafts: list[_Draft],
                                        quotes: list[QuotedSpan], direct: list[_Draft]) -> list[_Draft]:
    """A paragraph that is only a quotation with no frame, right after a paragraph that ends
    in a report ('Clinton said that the plan …' ⏎ '“We heard the drivers …”'; '"I have made
    it clear …" and against the Brady law, Clinton said.' ⏎ '"He voted to …"'), goes on
    with that report."""
    covered = FurthestEnd([(span.start, span.end) for draft in direct for span in draft.content])
    region_starts = [region.start for region in regions]
    last_in_paragraph: dict[int, _Draft] = {}
    for draft in drafts:
        if _carries_on(text, draft):
            last_in_paragraph[bisect.bisect_right(region_starts, draft.content[-1].start) - 1] = draft
    for quote in quotes:
        at = bisect.bisect_right(region_starts, quote.start) - 1
        region = regions[at]
        draft = last_in_paragraph.get(at - 1)
        if draft is None or quote.start != region.start or text[quote.end:region.end].strip(" .\t\xa0") \
                or covered.reach(quote.start) > quote.start or not _is_unframed_speech(text, quote) \
                or _LABEL_OPENING.match(text, quote.start + 1):
            continue
        previous = regions[at - 1]
        reach = max(draft.content[-1].end, draft.cue.end, draft.speaker.end)
        if draft.content[-1].start >= previous.sentences[-1][0] and _is_trailing(text[reach:previous.end].rstrip("\"”’")):
            draft.content.append(Span(quote.start, quote.end))
    return drafts


def _carries_on(text: str, draft: _Draft) -> bool:
    """A report a quotation paragraph may continue: a speech verb before its clause ('X said
    that …') or a frame after a mixed clause; objects ('sees Cruz as …'), thoughts and
    participles ('staff members suggesting …') carried on too seldom."""
    if draft.speaker is None:
        return False
    if draft.rule == "indirect-speaker-cue":
        return draft.cue.start < draft.content[-1].start and not text[draft.cue.start:draft.cue.end].endswith("ing")
    return draft.rule in _FRAME_AT_SENTENCE_END and _has_quote_mark(text, draft.content)


# "Trump issued a statement saying …": the one who issued the document is the speaker, not
# "a statement" (a definite "the statement said" stays the speaker).
_ISSUED_DOCUMENT = re.compile(
    r"(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|release|e-?mail|tweet|letter|ad|video|memo)(?:\s+[A-Z]\w+day)?",
)
_ISSUING_VERB = re.compile(r"\b(?:issued|released|sent(?:\s+out)?|put\s+out|posted|published|revised)\s+$")


def _issuers_as_speakers(text: str, regions: list[_Region], drafts: list[_Draft]) -> list[_Draft]:
    sentence_starts = [start for region in regions for start, _ in region.sentences]
    out = []
    for draft in drafts:
        speaker = draft.speaker
        if speaker is not None and _ISSUED_DOCUMENT.fullmatch(text, speaker.start, speaker.end):
            lo = sentence_starts[max(bisect.bisect_right(sentence_starts, speaker.start) - 1, 0)]
            verb = _ISSUING_VERB.search(text, max(lo, speaker.start - 20), speaker.start)
            issuer = verb and (speaker_before(text, lo, verb.start()) or subject_before(text, lo, verb.start()))
            if issuer:
                draft = replace(draft, speaker=issuer)
        out.append(draft)
    return out


def _drop_overlaps(drafts: list[_Draft]) -> list[_Draft]:
    """An indirect draft whose content lies inside a direct quotation's is dropped."""
    direct = FurthestEnd([(s.start, s.end) for d in drafts if d.kind == "direct" for s in d.content])
    kept = []
    for draft in drafts:
        if draft.kind != "direct" and any(direct.reach(c.start) >= c.end for c in draft.content):
            continue
        kept.append(draft)
    return kept


def quote_record(a: Attribution) -> dict:
    """The JSON form of one attribution, as stored in ``extract`` records."""
    return {
        "kind": a.kind,
        "content": [s.as_list() for s in a.content],
        "cue": a.cue.as_list() if a.cue else None,
        "speaker": a.speaker.as_list() if a.speaker else None,
        "speaker_entity": a.speaker_entity,
        "rule": a.rule,
        "confidence": a.confidence,
    }


def quotes_table(text: str, segments: Segments, attributions, *, article_id: str = "") -> pd.DataFrame:
    """One row per attribution, columns :data:`QUOTE_COLUMNS`: the corpus quote table of
    :mod:`analysis.tables` for this one article (``quote`` numbers the attributions from 0,
    ``content`` joins the content texts with :data:`analysis.tables.CONTENT_JOINER`)."""
    record = {"id": article_id, "text": text, **segments_record(segments), "quotes": [quote_record(a) for a in attributions]}
    return typed_frame("quotes", table_rows([record], metrics=())["quotes"])
