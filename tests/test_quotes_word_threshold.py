"""A bounded word count gives the same answer as counting every word."""
import pytest

from analysis.quotes.drafts import _has_words, _word_count


@pytest.mark.parametrize(
    "text, count",
    [
        ("“We will not back down,” she said.", 5),
        ("“We will not back down,” she said.", 6),
        ("“We will not back down,” she said.", 8),
        ("don't stop", 3),  # an apostrophe splits words as \w+ does
        ("state-of-the-art", 4),
        ("state-of-the-art", 5),
        ("   ", 1),
        ("", 0),
        ("abc", 1),
        ("abc", 2),  # one long word is never read as two
        ("Ünïcode wörds here", 3),
    ],
)
def test_has_words_matches_full_count(text, count):
    assert _has_words(text, 0, len(text), count) == (_word_count(text, 0, len(text)) >= count)


def test_has_words_stops_at_the_end_offset():
    text = "one two three four"
    assert _has_words(text, 0, 8, 2) and not _has_words(text, 0, 8, 3)
    assert _has_words(text, 4, len(text), 3) and not _has_words(text, 8, len(text), 3)
