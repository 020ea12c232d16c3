"""Quote attribution: a quoted clause in the plain object of the sentence subject's first
verb (a verb outside the cue list) is that subject's mixed attribution."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str) -> list[tuple]:
    return [
        (a.kind, tuple(span.text_of(text) for span in a.content), a.cue.text_of(text) if a.cue else None,
         a.speaker.text_of(text) if a.speaker else None)
        for a in find_quotes(text, segment(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The council met. Mayor Lena Ortiz credited the win to "a coalition of neighbours who never gave up."',
         ("mixed", ('the win to "a coalition of neighbours who never gave up."',), "credited", "Mayor Lena Ortiz")),
        ('The strike went on. She voiced a wish for a "calm, fair and quick end to this dispute," and left.',
         ("mixed", ('a wish for a "calm, fair and quick end to this dispute,"',), "voiced", "She")),
        ('The board met. He filed a request for "every record of the meetings held last spring."',
         ("mixed", ('a request for "every record of the meetings held last spring."',), "filed", "He")),
    ],
)
def test_quoted_clause_in_a_named_subjects_object_is_reported_by_the_subject(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a subject that is neither a name nor a pronoun
        'The board met. The committee filed a request for "every record of the meetings held last spring."',
        # a title, not a clause
        'The board met. He filed a request for "Records Of The Spring Meetings Held In May."',
        # fewer than five quoted words
        'The board met. He filed a request for "new records."',
        # the subject does not open the sentence
        'The board met. Yesterday he filed a request for "every record of the meetings held last spring."',
        # a comma between the verb and the quotation: not a plain object
        'The board met. He filed a request, in writing, for "every record of the meetings held last spring."',
    ],
)
def test_quoted_phrase_outside_the_frame_stays_unattributed(text):
    assert _attributions(text) == []
