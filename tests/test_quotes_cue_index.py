"""The cue index: the body's cues are found as one scan of it would find them (after any character but a letter,
digit or underscore, ASCII or not) and the title-case headline cues, and the reported
content after a cue is found the same way whether "that" or a colon is near or not."""
from __future__ import annotations

import pytest

from analysis.quotes.cues import _CueIndex
from analysis.quotes.drafts import _regions
from analysis.segment import segment


def _index(text: str) -> _CueIndex:
    return _CueIndex(text, _regions(segment(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said the road would close.", [("said", "speech")]),
        ("According to the mayor, the road will close.", [("According to", "according")]),
        ("The road will close, according  to the mayor.", [("according  to", "according")]),
        ("Aides said, “The road will close,” and he agreed.", [("said", "speech"), ("agreed", "thought")]),
        ("“said” is a word here.", [("said", "speech")]),
        # inside a word, after an ASCII or a non-ASCII letter or digit: no cue
        ("The resaid road and the Josésaid road stay open.", []),
        ("The 2said road and the ½said road stay open.", []),
        # "Says" in title case is a headline cue, not a cue
        ("Mayor Says Road Will Close Next Week.", []),
        # a word character right after the cue word: no cue
        ("Aides said_ it and said2 it, then told.", [("told", "speech")]),
        ("Aides said said it twice.", [("said", "speech"), ("said", "speech")]),
        ("The mayor said", [("said", "speech")]),
    ],
)
def test_cues_are_found_after_a_non_word_character(text, expected):
    index = _index(text)
    assert [(text[c.start:c.end], c.kind) for c in index.cues] == expected
    assert index.starts == [c.start for c in index.cues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Says Road Will Close Next Week.", ["Says"]),
        ("Hillary Clinton Tells Voters The Road Will Close.", ["Tells"]),
        ("The mayor says the road will close.", []),
        # a title-case cue inside a word does not count
        ("The Mayorsays Road Will Close.", []),
    ],
)
def test_headline_cues_are_found_in_the_same_scan(text, expected):
    index = _index(text)
    assert [text[start:start + len(word)] for start, word in zip(index.headline_starts, expected)] == expected
    assert len(index.headline_starts) == len(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials told reporters that the road would close next week.", "that the road would close next week"),
        ("Officials told reporters the road would close next week.", "the road would close next week"),
        ("The mayor said: the road will close next week.", "the road will close next week"),
        ("The mayor said the road will close next week.", "the road will close next week"),
    ],
)
def test_content_after_a_cue_is_the_clause(text, expected):
    from analysis.quotes import find_quotes

    (attribution,) = find_quotes(text, segment(text))
    assert [span.text_of(text) for span in attribution.content] == [expected]
