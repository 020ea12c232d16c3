"""Readability counting stays textstat's on real text while staying linear on junk.

Counts are summed per white-space token and sentences counted from each token's pieces,
without a regex that could backtrack over long runs of non-word characters; hypothesis
checks both against textstat on tricky strings. Tokens
longer than ``LONGEST_HYPHENATED`` characters are counted by vowel runs instead of Pyphen;
words up to that length keep textstat's count.
"""
from __future__ import annotations

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from textstat.backend.utils import get_pyphen

from analysis.readability.formulas import count_text, sentence_count
from analysis.readability.tables import _outside
from analysis.spans import Span
from analysis.syllables import (
    LONGEST_HYPHENATED,
    TEXTSTAT_LANG,
    hyphenation_points,
    use_cmudict_in_textstat,
    word_syllables,
)

# Letters, digits, underscore, combining mark, apostrophes, quotation marks and other
# punctuation, and white space of every kind re and str.split know (\x1c-\x1f, NEL,
# no-break, ideographic, line and paragraph separators).
TRICKY_ALPHABET = (
    "aZ9_\u0301\u0915'\u2019\"\u201c\u201d\u00ab.!?,-\u2014()@#"
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000\u200b"
)


@pytest.fixture(scope="module")
def textstat_offline():
    use_cmudict_in_textstat()
    return textstat


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=TRICKY_ALPHABET, max_size=40) | st.text(max_size=40))
def test_sentence_count_is_textstats_on_any_string(text, textstat_offline):
    assert sentence_count(text) == textstat_offline.sentence_count(text)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["Ann", "said:", "don't", "U.S.", "\u2014", "unbelievable.", "\u201cWhy?\u201d", "'tis", "a", "Co."]), max_size=130).map(" ".join))
def test_counts_summed_per_token_are_textstats(text, textstat_offline):
    counts = count_text(text)
    assert (counts.words, counts.syllables, counts.difficult_spellings) == (
        textstat_offline.lexicon_count(text), textstat_offline.syllable_count(text), textstat_offline.difficult_words(text)
    )
    assert counts.linsear_write == pytest.approx(textstat_offline.linsear_write_formula(text), abs=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "He said \u201c\u201c\u201c\u201c and left.",
        "\u201c" * 300 + " word. Two words here. A b c d.",
        "... !!! ??? a. b c. d e f.",
        "One two three. \u2014 \u2014 \u2014 four five six!",
        "",
        "!!!",
    ],
    ids=["quote-run", "long-quote-run", "punctuation-runs", "dashes", "empty", "only-bangs"],
)
def test_sentence_count_is_textstats(text, textstat_offline):
    assert sentence_count(text) == textstat_offline.sentence_count(text)


@pytest.mark.parametrize(
    "word",
    [
        "supercalifragilisticexpialidocious",
        "hrefhttpsstorifycomcase_faceatrumprallyingreensboroangerinhereispalpa",  # 69: PolNeAR's longest
        "ab" * (LONGEST_HYPHENATED // 2),
        "x" * LONGEST_HYPHENATED,
    ],
    ids=["long-english-word", "stripped-url", "at-the-limit-alternating", "at-the-limit-consonants"],
)
def test_words_up_to_the_limit_get_textstats_syllables(word, textstat_offline):
    assert len(word) <= LONGEST_HYPHENATED
    assert word_syllables(word) == textstat_offline.syllable_count(word)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("a" * (LONGEST_HYPHENATED + 1), 1),
        ("x" * 500, 1),
        ("ba" * 100, 100),
        ("strengthyouaie" * 20, 40),
        ("a" * 200_000, 1),
    ],
    ids=["just-over-one-vowel-run", "no-vowels", "alternating", "vowel-clusters", "200k-characters"],
)
def test_tokens_over_the_limit_count_one_syllable_per_vowel_run(word, expected):
    assert word_syllables(word) == expected


def disjoint_spans(cuts: list[int]) -> list[Span]:
    """Sorted, disjoint, non-touching spans from sorted distinct cut points, as merged holes are."""
    return [Span(a, b) for a, b in zip(cuts[0::2], cuts[1::2])][::2] if cuts else []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 60), unique=True).map(sorted),
    st.integers(0, 60), st.integers(0, 60),
)
def test_bisected_hole_lookup_leaves_what_no_hole_covers(cuts, a, b):
    holes = disjoint_spans(cuts)
    span = Span(min(a, b), max(a, b))
    covered = {i for hole in holes for i in range(hole.start, hole.end)}
    left = {i for piece in _outside(span, holes) for i in range(piece.start, piece.end)}
    assert left == set(range(span.start, span.end)) - covered


@pytest.mark.parametrize("word", ["hyphenation", "trumpism", "brexiteers", "", "x", "the", "'s"])
def test_hyphenation_points_are_pyphens_for_listed_words(word):
    assert hyphenation_points(word) == len(get_pyphen(TEXTSTAT_LANG).positions(word))


@settings(max_examples=500, deadline=None)
@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyz\u00e9\u00df'\u0130", max_size=30))
def test_hyphenation_points_are_pyphens_for_any_word(word):
    assert hyphenation_points(word) == len(get_pyphen(TEXTSTAT_LANG).positions(word))
