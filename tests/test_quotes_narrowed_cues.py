"""Quote attribution: cues narrowed where they do not report (a quoted programme after
"said on", a fall in numbers, a refusal in an aside, an outcome after a modal) and the
speaker of a participle cue followed by the one told."""
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
        ('"We will win," Ortiz said on NBC\'s "Meet the Press."',
         [("direct", ('"We will win,"',), "said", "Ortiz")]),
        ('"We will win," Ortiz said in an interview with "The Morning Show."',
         [("direct", ('"We will win,"',), "said", "Ortiz")]),
        # a that- or to-clause after the preposition is still the object
        ('Ortiz called on voters to "turn out in numbers nobody has seen before."',
         [("mixed", ('on voters to "turn out in numbers nobody has seen before."',), "called", "Ortiz")]),
    ],
)
def test_quoted_programme_after_an_adjunct_is_not_what_was_said(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales declined 40 percent last year.", []),
        ("Profits at the firm declined to $281 million in 2014.", []),
        ("Turnout declined sharply in the north.", []),
        ("The mayor declined to comment on the report.",
         [("indirect", ("to comment on the report",), "declined", "The mayor")]),
    ],
)
def test_declined_before_an_amount_is_a_fall_not_a_refusal(text, expected):
    assert _attributions(text) == expected


def test_refusal_in_a_relative_aside_is_not_reported():
    text = '"It was late," said one aide, who declined to be identified.'
    assert [a[2] for a in _attributions(text)] == ["said"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You will never see his tax returns.", []),
        ("Workers would see a raise of ten percent by 2022.", []),
        ("Voters see the mayor as a reformer.", [("indirect", ("the mayor as a reformer",), "see", "Voters")]),
    ],
)
def test_object_cue_after_a_modal_is_an_outcome(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor waved off the question, telling the crowd, “I am a builder, not a talker.”",
         [("direct", ("“I am a builder, not a talker.”",), "telling", "The mayor")]),
        ("Ortiz shrugged off the report, telling reporters, “The numbers speak for themselves.”",
         [("direct", ("“The numbers speak for themselves.”",), "telling", "Ortiz")]),
    ],
)
def test_participle_cue_speaker_is_the_clause_subject_not_the_one_told(text, expected):
    assert _attributions(text) == expected
