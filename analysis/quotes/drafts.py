"""Shared pieces of every attribution rule: the body regions of an article, the draft
attribution the rules build, and small span and word helpers (trimming content, counting
words, looking up positions in sorted lists). Returns plain values; holds no rules."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from analysis.quote_marks import QuotedSpan
from analysis.segment import Segments
from analysis.spans import Span

# Marks trimmed off the ends of a content span, besides white space.
_LEADING_MARKS = ",:;—–-"
_TRAILING_MARKS = ".,;:!?—–-"
_WORD = re.compile(r"\w+")

MAX_INTRO_WINDOW = 200


class _Region(NamedTuple):
    """The body part of one paragraph and its body sentences (a named tuple: every article
    makes one per paragraph, and a tuple is several times quicker to create than a frozen
    dataclass)."""

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


def _trim_content(text: str, start: int, end: int) -> Span | None:
    """Content without surrounding white space (a CR of CRLF text included) and leading or
    trailing punctuation (but keep quote marks)."""
    while start < end and (text[start].isspace() or text[start] in _LEADING_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_MARKS):
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


@lru_cache(maxsize=None)
def _words_pattern(count: int) -> re.Pattern[str]:
    # Possessive repeats: a word is never split to make up the count.
    return re.compile(r"(?:\W*+\w++){%d}" % count)


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """``_word_count(text, start, end) >= count``, read only up to the ``count``-th word (a
    long quotation is not scanned to its end to compare with a small threshold)."""
    return _words_pattern(count).match(text, start, end) is not None


@dataclass
class _Draft:
    kind: str
    content: list[Span]
    cue: Span | None
    speaker: Span | None
    rule: str
    confidence: float
