"""Quote attribution: quotations with no frame come with no speaker (an honest "unresolved")
when asked for, and none of them stands in the way of a continuation."""
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
        ('The shelf was full.\n\n“Read this one first, please.”', "“Read this one first, please.”"),
        ('The shelf was full.\n\nThe shelf held “a book for every reader who walks in and a chair for each of them.”',
         "“a book for every reader who walks in and a chair for each of them.”"),
    ],
)
def test_unframed_quotations_come_on_request(text, quotation):
    assert _attributions(text, include_unattributed=True) == [((quotation,), None, "direct-unframed")]


@pytest.mark.parametrize("include_unattributed", [False, True])
def test_unframed_quotation_after_a_report_carries_the_report_on(include_unattributed):
    text = ("Prices rose.\n\nThe mayor said that the bus routes would stay as they are.\n\n"
            "“We heard the drivers and we will keep every one of the routes open.”")
    assert _attributions(text, include_unattributed=include_unattributed) == [
        (("that the bus routes would stay as they are", "“We heard the drivers and we will keep every one of the routes open.”"),
         "The mayor", "indirect-speaker-cue"),
    ]
