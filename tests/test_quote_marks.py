"""Quotation-mark pairing (analysis.quote_marks): wire-style apostrophes, markup, nesting."""
from __future__ import annotations

import pytest

from analysis.quote_marks import MarkIndex, _find_marks, quoted_spans
from analysis.quotes import find_quotes
from analysis.segment import segment


def _quotations(text: str) -> list[str]:
    return [text[q.start:q.end] for q in quoted_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # closing: a single quotation ends together with the doubled-apostrophe one
        ("''They told us, 'The vote is final,''' the clerk said.",
         ["''They told us, 'The vote is final,'''"]),
        ("''Did she ask, 'Why now?''' Ms. Vale asked.", ["''Did she ask, 'Why now?'''"]),
        # opening: a single quotation starts together with the doubled-apostrophe one
        ("'''Harbour Lights,''' he answered.", ["'''Harbour Lights,'''"]),
        ("He rang and said, '''Madam, we are staying,'' he recalls.",
         ["'''Madam, we are staying,''"]),
        # plain doubled apostrophes are unchanged
        ("''We will build it,'' the mayor said.", ["''We will build it,''"]),
    ],
)
def test_three_apostrophes_are_one_quotation_mark(text, expected):
    assert _quotations(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("''People keep saying, 'The mill will reopen,''' Mr. Dunn said.", "Mr. Dunn"),
        ("''I would call it 'old-fashioned,''' said Rosa Imbert, a retired teacher.",
         "Rosa Imbert, a retired teacher"),
    ],
)
def test_frame_after_three_apostrophes_is_read(text, speaker):
    quotes = find_quotes(text, segment(text))
    assert [q.speaker.text_of(text) for q in quotes] == [speaker]
    assert quotes[0].content[0].text_of(text).endswith("'''")


@pytest.mark.parametrize(
    "text",
    [
        "Intro line.\n\n''A and B, 'C is here,''' he said. ''D.''\n\n'''E,''' she said.\n",
        "One.\n\n'''F and G,''' they wrote, '''H.'''\n",
    ],
)
def test_mark_index_agrees_with_a_scan_of_each_paragraph(text):
    index = MarkIndex(text, 0, len(text))
    for paragraph in segment(text).paragraphs:
        start, end = paragraph.start, paragraph.end
        assert quoted_spans(text, start, end, marks=index) == quoted_spans(text, start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attribute value broken over a line: its closing mark opens the next paragraph
        ('<tweet tweet-author="@mayor" tweet-date="May 2\n">We open the new bridge this week, '
         'come and see it for yourselves.<tweet/>.', []),
        ('<tweet id="1" author="@mayor">Bridge opens on Monday at noon.</tweet> "It is ready," she said.',
         ['"It is ready,"']),
        # an equals sign in prose, not before the mark, leaves a quotation alone
        ('2 + 2 = "four," the child wrote.', ['"four,"']),
    ],
)
def test_markup_attribute_delimiters_are_not_quotation_marks(text, expected):
    assert _quotations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“He owns what they call “a rout” and not a defeat,” she said.",
         ["“He owns what they call “a rout” and not a defeat,”"]),
        ("“Fans in “Go Home” shirts lined the road.” The team left.",
         ["“Fans in “Go Home” shirts lined the road.”"]),
        # one closing mark after the inner quotation: the first opening mark was stray
        ("“Not closed here. “A short one,” he said.", ["“A short one,”"]),
        # two quotations one after the other are not nested
        ("“First,” he said. “Second,” she said.", ["“First,”", "“Second,”"]),
    ],
)
def test_quotation_inside_one_in_the_same_curly_marks_is_nested(text, expected):
    assert _quotations(text) == expected


def test_frame_after_a_nested_same_mark_quotation_is_read():
    text = "“Voters saw “a rout” and stayed home,” said Lena Park, a pollster."
    quotes = find_quotes(text, segment(text))
    assert [(q.content[0].text_of(text), q.speaker.text_of(text)) for q in quotes] == [
        ("“Voters saw “a rout” and stayed home,”", "Lena Park, a pollster")]


@pytest.mark.parametrize(
    ("text", "end", "doubles", "singles"),
    [
        ("''''", 4, [(0, 3, "'''")], [0, 1, 2, 3]),  # three, then one left over: no double mark
        ("'''''", 5, [(0, 3, "'''"), (3, 5, "''")], [0, 1, 2, 3, 4]),
        ("```x", 4, [(0, 2, "``")], []),
        ('<a x="y">', 9, [], []),  # a markup attribute's delimiters
        ("“A” «B» „C‟", 11, [(0, 1, "“"), (2, 3, "”"), (4, 5, "«"), (6, 7, "»"), (8, 9, "„"), (10, 11, "‟")], []),
        ("don't, users' posts, ‘Tis_’s", 28, [], [12, 21]),
        ("x'y", 2, [], [1]),  # the stretch ends after the mark: no word character follows it
    ],
)
def test_marks_are_found_as_a_scan_of_the_stretch_reads_them(text, end, doubles, singles):
    assert _find_marks(text, 0, end) == (doubles, singles)
