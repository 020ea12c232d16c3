"""The quoted and narrative voices: scored on the texts they join, equal to textstat there.

Awkward constructions (tokens a quote edge cuts, quotes ending mid-word, adjacent quotes,
added full stops, empty voices, non-Latin text) and random quotes over awkward tokens.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.readability import COUNTS, METRICS, readability_record
from analysis.readability.scores import assessed_scores
from analysis.readability.tables import units
from analysis.segment import segment
from analysis.spans import Span

LEVELS = ("body", "quoted", "narrative")


def record_by_texts(text: str, quoted_spans: list[Span]) -> dict[str, dict]:
    """The record's three score dicts, each computed from its unit's joined text."""
    return {
        unit.level: assessed_scores(unit.text, kit_sentences=unit.kit_sentences)
        for unit in units(text, segment(text), quoted_spans=quoted_spans, levels=LEVELS)
    }


def assert_record_counts_the_joined_texts(text: str, quoted_spans: list[Span]) -> None:
    record = readability_record(text, segment(text), quoted_spans=quoted_spans)
    voices = record.pop("voices")
    expected = record_by_texts(text, quoted_spans)
    assert {"body": record, **voices} == expected


def spans_around(text: str, *pieces: str) -> list[Span]:
    spans = []
    for piece in pieces:
        start = text.index(piece)
        spans.append(Span(start, start + len(piece)))
    return spans


CASES = [
    # (text, quoted pieces): each piece is located with str.index
    ('He said "we will win the vote tomorrow," and left the room. Nobody else spoke.', ["we will win the vote tomorrow,"]),
    ('"Quotes ending mid-word" were common: she said "partial", then "parti" again.', ["Quotes ending mid", "parti"]),
    ("Adjacent quotes here: one two three four five six seven.", ["one two three", " four five six"]),
    ("A quote ending in a dash — like this — and one ending in a colon: yes.", ["ending in a dash —", "colon:"]),
    ("No quotes at all in this short text, so the quoted voice is empty.", []),
    ("Everything is quoted here, all of it, every word.", ["Everything is quoted here, all of it, every word."]),
    ("Words crossing edges: alpha-beta gamma.delta epsilon!zeta end.", ["beta gamma.del", "lon!ze"]),
    ('He said: "It is fine." She said: "It is not" — and left…', ["It is fine.", "It is not"]),
    ("मंत्री ने कहा कि \"यह ठीक है\" और फिर चले गए। The minister left.", ["यह ठीक है"]),
    ('Officials said — "again —" that it was fine. "Done -" they said.', ["again —", "Done -"]),
    ("Line one ends without stop\n\nLine two says \"quoted words here\" then more words.", ["quoted words here"]),
    ("U.S. officials said 9.30 a.m. was the time, \"said Mr. Smith's aide.\" Later, more.", ["said Mr. Smith's aide."]),
]


@pytest.mark.parametrize("text, quoted", CASES)
def test_record_equals_scores_of_the_joined_texts(text, quoted):
    assert_record_counts_the_joined_texts(text, spans_around(text, *quoted))


@pytest.mark.parametrize("text, quoted", CASES)
def test_record_voices_equal_textstat_on_the_joined_texts(text, quoted):
    import textstat

    spans = spans_around(text, *quoted)
    record = readability_record(text, segment(text), quoted_spans=spans)
    by_level = {"body": record, **record["voices"]}
    for unit in units(text, segment(text), quoted_spans=spans, levels=LEVELS):
        scored = by_level[unit.level]
        if scored["flags"] == ["unsupported_language"]:
            continue  # no English scores at all (tested in test_readability)
        for name in COUNTS:
            assert scored[name] == getattr(textstat, name)(unit.text), (unit.level, name)
        if scored["lexicon_count"]:
            for name in METRICS:
                assert scored[name] == pytest.approx(getattr(textstat, name)(unit.text), abs=1e-6), (unit.level, name)


# Tokens chosen to be awkward: sentence marks inside and around words, closers, dashes,
# apostrophes, digits, non-Latin letters, and white space other than a plain space.
TOKENS = [
    "the", "minister", "said", "Mr.", "U.S.", "don't", "'rock'", "e-mail", "9.30", "1,200",
    "—", "-", "–", ":", ";", ",", ".", "!", "?", "…", '"', "“", "”", "’", "(", ")",
    "word.", "word,", "end!", "why?", "so…", 'said."', "it.”", "yes,”", "state-of-the-art",
    "governmental", "unbelievably", "characterisation", "naïve", "café", "İstanbul", "मंत्री", "कहा",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0"]


@st.composite
def texts_with_quotes(draw):
    words = draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    text = "".join(word + separator for word, separator in zip(words, separators)).rstrip()
    offsets = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    quotes = [Span(start, end) for start, end in zip(offsets[::2], offsets[1::2]) if start < end]
    return text, quotes


@settings(max_examples=300, deadline=None)
@given(texts_with_quotes())
def test_record_equals_scores_of_the_joined_texts_on_random_quotes(case):
    text, quotes = case
    assert_record_counts_the_joined_texts(text, quotes)
