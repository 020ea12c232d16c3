"""Quote attribution: speakers named after a dash (vox-pop, pull-quote and epigraph lines
signed ``— Name``)."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str) -> list[tuple]:
    return [
        (tuple(span.text_of(text) for span in a.content), a.speaker.text_of(text) if a.speaker else None,
         a.cue.text_of(text) if a.cue else None, a.rule)
        for a in find_quotes(text, segment(text))
    ]


def _signed(text: str) -> list[tuple]:
    """(content, speaker, cue) of each signed quotation (one content piece each)."""
    signed = [a for a in _attributions(text) if a[3] == "direct-dash-signed"]
    return [(content, speaker, cue) for (content,), speaker, cue, _ in signed]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“Nobody asked the farmers about the dam.” ― Carla Sanchez.",
         ("“Nobody asked the farmers about the dam.”", "Carla Sanchez", "―")),
        ('"I\'m so tired of the noise." — Jacklyn Ashley',
         ('"I\'m so tired of the noise."', "Jacklyn Ashley", "—")),
        ("”Mr. Okafor never came to our town.” – Tom Ruiz ",
         ("”Mr. Okafor never came to our town.”", "Tom Ruiz", "–")),
        ('"We need the bus line back."--Ana Lopez',
         ('"We need the bus line back."', "Ana Lopez", "--")),
        ("“The clinic is an hour away.” — Jane Doe, a nurse from Ohio",
         ("“The clinic is an hour away.”", "Jane Doe", "—")),
        ("‘Rents went up again.’ — Ana B.",
         ("‘Rents went up again.’", "Ana B.", "—")),
        ("“Schools first, roads second.” —Maria de la Cruz",
         ("“Schools first, roads second.”", "Maria de la Cruz", "—")),
        ("“We will fix the roads.” — Rep. Jane Doe (D-Fla.)",
         ("“We will fix the roads.”", "Rep. Jane Doe", "—")),
    ],
)
def test_quotation_signed_with_a_dash_is_attributed_to_the_name(line, expected):
    assert _signed(f"Voters on the bridge plan\n\nWe asked people at the market.\n\n{line}") == [expected]


def test_signed_lines_after_a_framed_quote_keep_their_own_speakers():
    text = (
        "The market was busy.\n\n"
        '"The bridge matters most," said Maria Diaz, a teacher.\n\n'
        "“Nobody asked the farmers about the dam.” ― Carla Sanchez.\n"
        '"I\'m so tired of the noise." — Jacklyn Ashley\n'
        '"We need the bus line back."--Ana Lopez\n'
    )
    assert [(content, speaker) for content, speaker, _, _ in _attributions(text)] == [
        (('"The bridge matters most,"',), "Maria Diaz, a teacher"),
        (("“Nobody asked the farmers about the dam.”",), "Carla Sanchez"),
        (('"I\'m so tired of the noise."',), "Jacklyn Ashley"),
        (('"We need the bus line back."',), "Ana Lopez"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # a byline after a framed quotation: the quotation does not open the line
        'Ruiz said Monday he will "form a stable council" and that his party was "still the first force."--Kim Lee.',
        # two quotations before the dash: the first is framed, the name is the reporter's
        '"We will win," Ruiz said. "The count is on our side."--Kim Lee.',
        # a title, not a statement
        '"The Art of the Bridge" — Tom Ruiz',
        # the dash opens a sentence, not a name
        '"We will win the vote." — But the count says otherwise.',
        # one word is no statement
        '"Rosebud." — Tom Ruiz',
    ],
)
def test_dash_after_a_quotation_that_is_not_a_signed_line_names_no_speaker(line):
    assert _signed(f"The council met.\n\n{line}") == []


def test_signed_quotation_offsets_point_into_the_text_as_loaded():
    text = "Voices\n\n  “The clinic is an hour away.”\u00a0—\u00a0Jane Doe.  \n"
    ((content, speaker, cue, rule),) = _attributions(text)
    assert (content, speaker, cue, rule) == (("“The clinic is an hour away.”",), "Jane Doe", "—", "direct-dash-signed")
