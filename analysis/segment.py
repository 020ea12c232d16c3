"""Split an article into body and boilerplate, paragraphs and sentences.

:func:`segment` takes the article text exactly as loaded and returns :class:`Segments`:

- ``body``: one span from the first to the last body paragraph;
- ``boilerplate``: spans of site furniture (related headlines, footers, share prompts,
  bylines …) with a ``kind`` each, found by :mod:`analysis.boilerplate`;
- ``paragraphs``: every paragraph, with ``is_body``; a paragraph is a line of text, or
  several lines where the text is hard-wrapped mid-sentence;
- ``sentences``: every sentence, with the index of its paragraph and ``is_body``, found by
  :mod:`analysis.sentences`. A paragraph part that is boilerplate (a footer sentence at the
  end of the last paragraph) is its own sentence with ``is_body`` False.

All spans are ``[start, end)`` into the text and exclude surrounding white space.
:func:`paragraphs_table` and :func:`sentences_table` give the same as tidy DataFrames with
columns ``article_id, paragraph, start, end, text, is_body`` and
``article_id, sentence, paragraph, start, end, text, is_body``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.deferred import pandas as pd

from analysis.boilerplate import BoilerplateSpan, find_boilerplate
from analysis.sentences import sentence_spans
from analysis.spans import Span

PARAGRAPH_COLUMNS = ["article_id", "paragraph", "start", "end", "text", "is_body"]
SENTENCE_COLUMNS = ["article_id", "sentence", "paragraph", "start", "end", "text", "is_body"]

_LINE_CHARACTER = r"[^\n\r\u2028\u2029\x0b\x0c\x85]"
_LINE = re.compile(_LINE_CHARACTER + "+")
# A line that ends without closing punctuation and a next line starting in lower case:
# the text is hard-wrapped, and the two lines are one paragraph.
_OPEN_LINE_END = re.compile(r"[\w,;\-–—]$")
_LOWER_START = re.compile(r"^[a-z(]")
_FIRST_WORD = re.compile(r"\S+")
# Hard-wrapped text (wire copy, e-mail, plain-text exports) is filled to a width of at most
# this many characters; web text has whole paragraphs on one line and is far wider.
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 40
# A line whose text goes on past the widest wrap width: when one is found, no wrap width fits.
_TOO_WIDE_LINE = re.compile(_LINE_CHARACTER + f"{{{_MAX_WRAP_WIDTH}}}\\S")
# A sentence ending inside a line: filled prose has them, lists of headlines do not.
_SENTENCE_END_INSIDE = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+[\"'\u201c\u2018(]?[A-Z]")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    is_body: bool


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    is_body: bool


Boilerplate = BoilerplateSpan


@dataclass(frozen=True)
class Segments:
    """Body, boilerplate, paragraphs and sentences of one article, as spans into its text."""

    body: Span
    boilerplate: tuple[Boilerplate, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.is_body]

    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.is_body]


def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text is filled to, or None when its lines are not wrapped.

    The width is the longest line's length, taken when it is 40 to 100 characters, at
    least three lines, and three in ten of all lines, come within ten characters of it, and
    the lines read as prose: at least one in ten has a sentence ending inside it (a list of
    headlines of similar length has none).
    """
    if _TOO_WIDE_LINE.search(text):  # most web text: whole paragraphs on one line
        return None
    lines = [line.rstrip() for line in _LINE.findall(text)]
    lines = [line for line in lines if line]
    if len(lines) < 3:
        return None
    lengths = [len(line) for line in lines]
    width = max(lengths)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    near_width = sum(1 for length in lengths if length >= width - 10)
    if near_width < 3 or near_width < 0.3 * len(lengths):
        return None
    prose_lines = sum(1 for line in lines if _SENTENCE_END_INSIDE.search(line))
    return width if prose_lines and prose_lines >= 0.1 * len(lines) else None


def _wrapped_here(previous_line: str, line_text: str, width: int | None) -> bool:
    """Whether a line filled to ``width`` broke before ``line_text`` only because its first word did not fit."""
    if width is None:
        return False
    first_word = _FIRST_WORD.match(line_text)
    return first_word is not None and len(previous_line) + 1 + len(first_word.group()) > width


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as spans: each non-blank line, joining lines of hard-wrapped text.

    Two lines are one paragraph when the first ends open (a word, comma, semicolon or
    dash, no full stop) and the next starts in lower case, or, in text filled to a width
    (:func:`wrap_width`), when the next line's first word would not have fitted on the
    first: so ``the White\nHouse said`` stays one paragraph and one sentence.
    """
    spans: list[Span] = []
    previous_text = ""
    previous_line = ""
    width = wrap_width(text) if len(text) > 2 * _MAX_WRAP_WIDTH and "\n" in text else None
    for match in _LINE.finditer(text):
        raw = match.group()
        left = raw.lstrip()  # str.strip and strip_span agree on white space (str.isspace)
        line_text = left.rstrip()
        if not line_text:
            previous_text = ""
            continue
        start = match.end() - len(left)
        end = start + len(line_text)
        if (
            previous_text
            and _OPEN_LINE_END.search(previous_text, len(previous_text) - 1)
            and (_LOWER_START.match(line_text) or _wrapped_here(previous_line, line_text, width))
            and text.count("\n", spans[-1].end, start) <= 1
        ):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))
        previous_text = line_text
        previous_line = raw.rstrip() if width else ""
    return spans


def _starting_before(spans: list[Boilerplate], first: int, end: int) -> list[Boilerplate]:
    """``spans[first:]`` up to the first one starting at or after ``end`` (spans sorted by start).

    Stopping there, rather than filtering the whole rest, keeps segmentation linear when an
    article has thousands of boilerplate lines.
    """
    found = []
    for index in range(first, len(spans)):
        if spans[index].start >= end:
            break
        found.append(spans[index])
    return found


def segment(text: str) -> Segments:
    """Segment an article's text into body, boilerplate, paragraphs and sentences."""
    paragraphs = paragraph_spans(text)
    boilerplate = find_boilerplate(text, paragraphs)
    if not boilerplate:  # most articles: every paragraph is body, wholly
        paragraph_rows = [Paragraph(p.start, p.end, True) for p in paragraphs]
        sentence_rows = [
            Sentence(start, end, index, True)
            for index, p in enumerate(paragraphs)
            for start, end in sentence_spans(text, p.start, p.end)
        ]
        return _segments(boilerplate, paragraph_rows, sentence_rows)
    paragraph_rows = []
    sentence_rows = []
    cursor = 0  # boilerplate spans are sorted; walk them alongside the paragraphs
    for index, paragraph in enumerate(paragraphs):
        while cursor < len(boilerplate) and boilerplate[cursor].end <= paragraph.start:
            cursor += 1
        inside = _starting_before(boilerplate, cursor, paragraph.end)
        whole = any(b.start <= paragraph.start and paragraph.end <= b.end for b in inside)
        body_end = min((b.start for b in inside), default=paragraph.end)
        is_body = not whole and body_end > paragraph.start
        paragraph_rows.append(Paragraph(paragraph.start, paragraph.end, is_body))
        if is_body:
            for start, end in sentence_spans(text, paragraph.start, body_end):
                sentence_rows.append(Sentence(start, end, index, True))
        for part in inside:
            part_start, part_end = max(part.start, paragraph.start), min(part.end, paragraph.end)
            for start, end in sentence_spans(text, part_start, part_end):
                sentence_rows.append(Sentence(start, end, index, False))
    return _segments(boilerplate, paragraph_rows, sentence_rows)


def _segments(boilerplate: list[Boilerplate], paragraph_rows: list[Paragraph], sentence_rows: list[Sentence]) -> Segments:
    """The :class:`Segments`, with the body running from the first body paragraph to the
    end of the last body sentence."""
    body_paragraphs = [p for p in paragraph_rows if p.is_body]
    if body_paragraphs:
        first, last = body_paragraphs[0], body_paragraphs[-1]
        last_body_end = max((s.end for s in sentence_rows if s.is_body), default=last.end)
        body = Span(first.start, last_body_end)
    else:
        body = Span(0, 0)
    return Segments(body, tuple(boilerplate), tuple(paragraph_rows), tuple(sentence_rows))


def segments_record(segments: Segments) -> dict:
    """The JSON form of the segments in an ``extract`` record: body, boilerplate, paragraphs
    (``[start, end]``) and sentences (``[start, end, paragraph]``)."""
    return {
        "body": segments.body.as_list(),
        "boilerplate": [[b.start, b.end, b.kind] for b in segments.boilerplate],
        "paragraphs": [[p.start, p.end] for p in segments.paragraphs],
        "sentences": [[s.start, s.end, s.paragraph] for s in segments.sentences],
    }


def paragraphs_table(text: str, segments: Segments, *, article_id: str = "") -> pd.DataFrame:
    """One row per paragraph: article_id, paragraph, start, end, text, is_body."""
    rows = [
        (article_id, index, p.start, p.end, text[p.start:p.end], p.is_body)
        for index, p in enumerate(segments.paragraphs)
    ]
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def sentences_table(text: str, segments: Segments, *, article_id: str = "") -> pd.DataFrame:
    """One row per sentence: article_id, sentence, paragraph, start, end, text, is_body."""
    rows = [
        (article_id, index, s.paragraph, s.start, s.end, text[s.start:s.end], s.is_body)
        for index, s in enumerate(segments.sentences)
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
