"""Quote attribution: quotations whose frame uses a verb or a speaker the cue list and the
speaker walk do not know (phrasal verbs of reply, long described speakers), and content
extents around a direct quotation."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str) -> list[tuple]:
    return [
        (tuple(span.text_of(text) for span in a.content), a.speaker.text_of(text) if a.speaker else None,
         a.cue.text_of(text) if a.cue else None)
        for a in find_quotes(text, segment(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor spoke first.\n\n"You have no plan for the bridge," Okafor shot back.',
         [(('"You have no plan for the bridge,"',), "Okafor", "shot back")]),
        ("The board met at noon.\n\n“And the roof still leaks in every classroom,” she went on.",
         [(("“And the roof still leaks in every classroom,”",), "she", "went on")]),
        ("The talks stalled.\n\n“Nobody here wants a strike,” the union fired back.",
         [(("“Nobody here wants a strike,”",), "the union", "fired back")]),
    ],
)
def test_phrasal_reply_verb_after_a_quotation_is_its_frame(text, expected):
    assert _attributions(text) == expected
