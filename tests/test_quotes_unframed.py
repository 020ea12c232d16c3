"""Quote attribution: quotations with no frame. A long quoted sentence is an attribution with
no speaker (an honest "unresolved"); titles, scare quotes, quoted clauses and short
sentences are not, unless asked for; and none of them stands in the way of a continuation."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str, **options) -> list[tuple]:
    return [
        (tuple(span.text_of(text) for span in a.content), a.speaker.text_of(text) if a.speaker else None, a.rule)
        for a in find_quotes(text, segment(text), **options)
    ]


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        ('The council met on Monday.\n\n“We will keep every bus route open until the new depot is finished next spring.”',
         "“We will keep every bus route open until the new depot is finished next spring.”"),
        ("The vote came late.\n\nOne sign near the door was plain. \"Nobody in this town has ever asked for a bigger "
         "car park, so why build one?\" The crowd moved on.",
         "\"Nobody in this town has ever asked for a bigger car park, so why build one?\""),
        ("The mill closed.\n\n''The river was the reason we came here, and the river is the reason we are leaving now!''",
         "''The river was the reason we came here, and the river is the reason we are leaving now!''"),
    ],
)
def test_long_quoted_sentence_without_a_frame_has_no_speaker(text, quotation):
    assert _attributions(text) == [((quotation,), None, "direct-unframed")]


@pytest.mark.parametrize(
    "text",
    [
        # a title in title case, however long
        'The shelf was full.\n\nShe kept a copy of “The Long Road Home: Twelve Stories About Rivers, Towns and Rain.” nearby.',
        # a short quoted sentence
        'The shelf was full.\n\n“Read this one first, please.”',
        # a quoted clause in lower case
        'The shelf was full.\n\nThe shelf held “a book for every reader who walks in and a chair for each of them.”',
        # a scare quote
        'The shelf was full of “classics” that nobody had opened in years.',
        # no sentence-final mark inside the quotation
        'The shelf was full.\n\n“Every book on these shelves belongs to the town library and its readers”',
    ],
)
def test_titles_clauses_and_short_quotations_are_not_attributions_by_default(text):
    assert _attributions(text) == []


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        ('The shelf was full.\n\n“Read this one first, please.”', "“Read this one first, please.”"),
        ('The shelf was full.\n\nThe shelf held “a book for every reader who walks in and a chair for each of them.”',
         "“a book for every reader who walks in and a chair for each of them.”"),
    ],
)
def test_shorter_unframed_quotations_come_on_request(text, quotation):
    assert _attributions(text, include_unattributed=True) == [((quotation,), None, "direct-unframed")]


@pytest.mark.parametrize("include_unattributed", [False, True])
def test_unframed_quotation_after_a_report_carries_the_report_on(include_unattributed):
    text = ("Prices rose.\n\nThe mayor said that the bus routes would stay as they are.\n\n"
            "“We heard the drivers and we will keep every one of the routes open.”")
    assert _attributions(text, include_unattributed=include_unattributed) == [
        (("that the bus routes would stay as they are", "“We heard the drivers and we will keep every one of the routes open.”"),
         "The mayor", "indirect-speaker-cue"),
    ]
