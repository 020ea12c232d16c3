"""Readability of an article at every level, as a tidy table and as an ``extract`` record.

Levels (only body paragraphs and sentences are scored, and boilerplate is never scored:
where a boilerplate span lies inside a unit it is cut out and the pieces joined by a space):

- ``body``: the article body (``segments.body``);
- ``paragraph`` / ``sentence``: each body paragraph / sentence;
- ``quoted``: the text of the quoted spans that lie in the body, clipped to it, merged
  where they overlap; each quote is closed as a sentence (a full stop is added where it
  ends without one) and the quotes are joined by a space;
- ``narrative``: the body sentences with the quoted spans cut out (the reporter's own
  words); each sentence's remaining pieces are joined by a space and closed as a sentence.

:func:`readability_table` columns: ``article_id``, ``level``, ``unit`` (index into
``segments.paragraphs`` / ``segments.sentences``; 0 for body, quoted and narrative),
``start``, ``end`` (from the first scored piece's start to the last one's end: the unit's
span when nothing was cut; missing when there is no piece), one column per score in
:data:`analysis.readability.scores.SCORE_KEYS`, and ``flags`` (a list of flag names, see
:mod:`analysis.readability.scores`; read it as ``table["flags"]``, because ``table.flags``
is pandas' own attribute).

:func:`readability_record` is the body row as a JSON-ready dict (``None``, never NaN),
with the quoted and narrative rows under ``voices``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.deferred import pandas as pd

from analysis.readability.formulas import COUNTS
from analysis.readability.scores import SCORE_KEYS, assessed_scores
from analysis.spans import Span, strip_span

if TYPE_CHECKING:
    from analysis.segment import Segments

LEVELS = ("body", "paragraph", "sentence", "quoted", "narrative")
COLUMNS = ("article_id", "level", "unit", "start", "end", *SCORE_KEYS, "flags")
_INTEGER_COLUMNS = ("start", "end", *COUNTS, "kit_words", "kit_sentences")


@dataclass(frozen=True, slots=True)
class Unit:
    """One scored piece of an article: its level, index, span, text and sentence count."""

    level: str
    unit: int
    start: int | None
    end: int | None
    text: str
    kit_sentences: int


# A sentence end (. ! ? or …), then any closing quotes or brackets.
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]"
_WORD_CHARACTER = re.compile(r"\w")


def _has_words(piece: str) -> bool:
    """True if a fragment holds a word, not just punctuation left around a cut-out quote."""
    return _WORD_CHARACTER.search(piece) is not None


def _merged_within(outer: Span, spans: Sequence[Span]) -> list[Span]:
    """``spans`` clipped to ``outer``, sorted, overlapping or touching ones merged."""
    # Sorted as plain pairs: comparing Span objects runs Python code per comparison.
    clipped = sorted(
        (max(span.start, outer.start), min(span.end, outer.end))
        for span in spans
        if span.start < outer.end and outer.start < span.end
    )
    merged: list[list[int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Span(start, end) for start, end in merged]


def _first_ending_after(holes: Sequence[Span], position: int) -> int:
    """Index of the first of the sorted, disjoint ``holes`` that ends after ``position``.

    Units look up their holes by bisection: scanning every hole per unit was quadratic
    in long articles (sentences times quotes).
    """
    return bisect.bisect_right(holes, position, key=lambda hole: hole.end)


def _outside(span: Span, holes: Sequence[Span]) -> list[Span]:
    """The parts of ``span`` not covered by the sorted, disjoint ``holes``."""
    pieces = []
    cursor = span.start
    for index in range(_first_ending_after(holes, span.start), len(holes)):
        hole = holes[index]
        if hole.start >= span.end:
            break
        if hole.start > cursor:
            pieces.append(Span(cursor, hole.start))
        cursor = max(cursor, hole.end)
    if cursor < span.end:
        pieces.append(Span(cursor, span.end))
    return pieces


def _closed(sentence: str) -> str:
    """``sentence`` ending in sentence punctuation, so textstat counts it as one sentence.

    ``sentence`` ends in a non-space character (it is joined from stripped pieces), so it
    ends as a sentence when, past any closing quotes and brackets, its last character is a
    sentence end.
    """
    if sentence.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        return sentence
    return sentence.rstrip(",;:–—- ") + "."


def _joined(
    level: str, unit: int, text: str, groups: Sequence[Sequence[Span]], kit_sentences: int, *, close_groups: bool = False
) -> Unit:
    """A unit whose text is the non-blank pieces of ``groups``, stripped and joined by a space.

    With ``close_groups`` each group is made to end as a sentence: quoted and narrative
    units are stitched from fragments (a quote, a sentence with its quote cut out), and
    without a full stop between them textstat would read the lot as one long sentence.
    """
    stripped = [[p for p in (strip_span(text, q.start, q.end) for q in group) if len(p)] for group in groups]
    stripped = [group for group in stripped if group]
    sentences = [" ".join(piece.text_of(text) for piece in group) for group in stripped]
    if close_groups:
        sentences = [_closed(sentence) for sentence in sentences]
    return Unit(
        level=level,
        unit=unit,
        start=stripped[0][0].start if stripped else None,
        end=stripped[-1][-1].end if stripped else None,
        text=" ".join(sentences),
        kit_sentences=kit_sentences,
    )


def units(
    text: str, segments: Segments, *, quoted_spans: Sequence[Span] = (), levels: Sequence[str] = LEVELS
) -> list[Unit]:
    """Every unit of ``levels`` that :func:`readability_table` scores, in level order
    (module docstring)."""
    body = segments.body
    furniture = _merged_within(body, [Span(b.start, b.end) for b in segments.boilerplate])
    body_sentences = [(i, s) for i, s in enumerate(segments.sentences) if s.is_body]

    def unit_of(level: str, unit: int, span: Span, kit_sentences: int) -> Unit:
        return _joined(level, unit, text, [_outside(span, furniture)], kit_sentences)

    found = [unit_of("body", 0, body, len(body_sentences))]
    if "paragraph" in levels:
        sentences_in = Counter(s.paragraph for _, s in body_sentences)
        for i, p in enumerate(segments.paragraphs):
            if p.is_body:
                found.append(unit_of("paragraph", i, Span(p.start, p.end), sentences_in[i]))
    if "sentence" in levels:
        for i, s in body_sentences:
            found.append(unit_of("sentence", i, Span(s.start, s.end), 1))

    quotes = _merged_within(body, quoted_spans)
    quote_groups = [_outside(quote, furniture) for quote in quotes]
    narrative, quoted_sentences = _narrative(text, [(s.start, s.end) for _, s in body_sentences], quotes)
    found.append(_joined("quoted", 0, text, quote_groups, quoted_sentences, close_groups=True))
    found.append(narrative)
    return [unit for unit in found if unit.level in levels]


def _narrative(text: str, sentences: Sequence[tuple[int, int]], quotes: Sequence[Span]) -> tuple[Unit, int]:
    """The narrative unit (module docstring) and the number of sentences a quote touches.

    Equal to :func:`_joined` over each sentence's pieces outside the quotes that hold a word,
    closed as sentences; built in one walk over the sorted, disjoint ``sentences`` and
    ``quotes``, with plain offsets, because an article has hundreds of sentences.
    """
    closed: list[str] = []
    first = last = None
    quoted_sentences = 0
    next_quote = 0
    for start, end in sentences:
        while next_quote < len(quotes) and quotes[next_quote].end <= start:
            next_quote += 1
        sentence = text[start:end]
        if (next_quote == len(quotes) or quotes[next_quote].start >= end) and not (
            sentence[:1].isspace() or sentence[-1:].isspace()
        ):
            # No quote in it and nothing to strip (most sentences): the sentence is its one piece.
            if _has_words(sentence):
                closed.append(_closed(sentence))
                first = start if first is None else first
                last = end
            continue
        pieces = []
        cursor = start
        hole = next_quote
        while hole < len(quotes) and quotes[hole].start < end:
            if quotes[hole].start > cursor:
                pieces.append(_stripped(text, cursor, quotes[hole].start))
            cursor = max(cursor, quotes[hole].end)
            hole += 1
        quoted_sentences += hole > next_quote
        if cursor < end:
            pieces.append(_stripped(text, cursor, end))
        pieces = [piece for piece in pieces if piece[2] and _has_words(piece[2])]
        if pieces:
            closed.append(_closed(" ".join(piece[2] for piece in pieces)))
            first = pieces[0][0] if first is None else first
            last = pieces[-1][1]
    unit = Unit(level="narrative", unit=0, start=first, end=last, text=" ".join(closed), kit_sentences=len(closed))
    return unit, quoted_sentences


def _stripped(text: str, start: int, end: int) -> tuple[int, int, str]:
    """``text[start:end]`` without surrounding white space, with its new start and end."""
    piece = text[start:end]
    if piece[:1].isspace() or piece[-1:].isspace():
        left = piece.lstrip()
        start += len(piece) - len(left)
        piece = left.rstrip()
    return start, start + len(piece), piece


def readability_table(
    text: str,
    segments: Segments,
    *,
    article_id: str = "",
    quoted_spans: Sequence[Span] = (),
) -> pd.DataFrame:
    """One row per scored unit of the article (columns in the module docstring)."""
    rows = [
        {
            "article_id": article_id,
            "level": unit.level,
            "unit": unit.unit,
            "start": unit.start,
            "end": unit.end,
            **assessed_scores(unit.text, kit_sentences=unit.kit_sentences),
        }
        for unit in units(text, segments, quoted_spans=quoted_spans)
    ]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    float_columns = [key for key in SCORE_KEYS if key not in _INTEGER_COLUMNS]
    return table.astype(
        {"article_id": str, "level": str, "unit": "int64"}
        | {column: "Int64" for column in _INTEGER_COLUMNS}
        | {column: "float64" for column in float_columns}
    )


def readability_record(
    text: str, segments: Segments, *, quoted_spans: Sequence[Span] = ()
) -> dict[str, object]:
    """The body's scores and ``flags``, plus ``voices``: the quoted and narrative scores.

    JSON-serialisable: plain ints, floats, strings, lists and ``None``.
    """
    by_level = {
        unit.level: assessed_scores(unit.text, kit_sentences=unit.kit_sentences)
        for unit in units(text, segments, quoted_spans=quoted_spans, levels=("body", "quoted", "narrative"))
    }
    voices = {"quoted": by_level["quoted"], "narrative": by_level["narrative"]}
    return {**by_level["body"], "voices": voices}
