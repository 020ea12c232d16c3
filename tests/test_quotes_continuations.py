"""Quote attribution: quotations that carry on past their frame (over a paragraph break,
after a long split frame, nested inside a paragraph-opening quotation) and frames that
introduce the next paragraph."""
from __future__ import annotations

import pytest

from analysis.quote_marks import quoted_spans
from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str) -> list[tuple]:
    return [
        (tuple(span.text_of(text) for span in a.content), a.speaker.text_of(text) if a.speaker else None)
        for a in find_quotes(text, segment(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It was a long winter for the farms,” Ortega said. “Nobody planted until May and the rivers flooded twice.\n\n"
         "“We lost half the herd,” she said.",
         [(("“It was a long winter for the farms,”", "“Nobody planted until May and the rivers flooded twice."), "Ortega"),
          (("“We lost half the herd,”",), "she")]),
        ('Mayor Kim said: "The budget is balanced for the first time in ten years. We did it together.\n\n'
         '"Next year we will cut the bus fares," she said.',
         [(('"The budget is balanced for the first time in ten years. We did it together',), "Mayor Kim"),
          (('"Next year we will cut the bus fares,"',), "she")]),
    ],
)
def test_quotation_left_open_before_a_quoted_paragraph_runs_to_the_paragraph_end(text, expected):
    assert _attributions(text) == expected


def test_open_mark_before_an_unquoted_paragraph_stays_stray():
    text = "The club calls it the \"summer plan for the whole town.\n\nThe council has not voted on it yet."
    assert quoted_spans(text, 0, text.index("\n")) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"The valley used to be quiet," said Ida Marsh, who has farmed there since the war and chairs the growers\' '
         'association, "but the trucks come day and night now."',
         ('"The valley used to be quiet,"', '"but the trucks come day and night now."')),
        ("“We will appeal,” said Tom Reyes, a lawyer for the families of the miners who died in the fire last spring, "
         "“and we expect to win.”",
         ("“We will appeal,”", "“and we expect to win.”")),
    ],
)
def test_quotation_right_after_a_long_split_frame_continues_the_first_part(text, content):
    (attribution,) = _attributions(text)
    assert attribution[0] == content


@pytest.mark.parametrize(
    ("paragraph", "quotation"),
    [
        ('"The board isn\'t about “fair play” anymore. It is about money.',
         '"The board isn\'t about “fair play” anymore. It is about money.'),
        ('"We read “The Hobbit” every winter," she said.', '"We read “The Hobbit” every winter,"'),
        # A straight mark right before a curly one is the stray one.
        ('"“We will win the county,” Diaz said.', "“We will win the county,”"),
    ],
)
def test_curly_quotation_nests_in_a_straight_one_that_opens_the_paragraph(paragraph, quotation):
    spans = quoted_spans(paragraph, 0, len(paragraph))
    assert paragraph[spans[0].start:spans[0].end] == quotation


def test_curly_quotation_inside_a_paragraph_still_ends_a_stray_straight_mark():
    paragraph = 'They met at the "old mill and called it “the best venue in town.”'
    (span,) = quoted_spans(paragraph, 0, len(paragraph))
    assert paragraph[span.start:span.end] == "“the best venue in town.”"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor said that the state would not raise the fuel tax this year.\n\n"
         "“We heard the drivers loud and clear, and we are listening to them.”",
         (("that the state would not raise the fuel tax this year",
           "“We heard the drivers loud and clear, and we are listening to them.”"), "The governor")),
        ("Ms. Adler argued that the museum should stay open on Mondays.\n\n"
         '"Families come on Mondays because the other museums are closed then."',
         (("that the museum should stay open on Mondays",
           '"Families come on Mondays because the other museums are closed then."'), "Ms. Adler")),
        ('The plan "leaves every rural clinic without a doctor" and cuts the bus routes, Ms. Ruiz said.\n\n'
         '"Nobody in the valley will be able to see a nurse in less than a day."',
         (('The plan "leaves every rural clinic without a doctor" and cuts the bus routes',
           '"Nobody in the valley will be able to see a nurse in less than a day."'), "Ms. Ruiz")),
    ],
)
def test_quotation_paragraph_after_a_reported_clause_continues_the_report(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # A participle report, a thought and a quoted transcript line do not carry on.
        "Staff members sent a memo on Friday, suggesting the rally should move indoors.\n\n"
        "“We regret the remarks and we apologise to everyone who read them.”",
        "They think the ferry will be late again next week.\n\n“Nobody trusts the timetable any more, not even the crew.”",
        'The host said that the plan was naive.\n\n"Jo Smith: Seriously, the plan pays for every school in the state."',
    ],
)
def test_quotation_paragraph_after_other_reports_is_not_joined(text):
    for content, _ in _attributions(text):
        assert len(content) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Transcript as follows:\n\n"Tonight we drove to Dayton and the whole town came out to see us."',
         (('"Tonight we drove to Dayton and the whole town came out to see us."',), "as follows:", "Transcript")),
        ('Partial transcript as follows:\n\n"HOST: Senator, you wrote to your sister that night about the storm."',
         (('"HOST: Senator, you wrote to your sister that night about the storm."',), "as follows:",
          "Partial transcript")),
    ],
)
def test_document_as_follows_frames_the_next_paragraph(text, expected):
    (attribution,) = find_quotes(text, segment(text))
    found = (tuple(s.text_of(text) for s in attribution.content), attribution.cue.text_of(text),
             attribution.speaker.text_of(text))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('As the Herald\'s Ana Perez reported after the police appears to have left the scene:\n\n'
         '"For weeks, nobody collected the evidence from the house on Elm Street."',
         "the Herald's Ana Perez"),
        ('He told his audience, to loud applause:\n\n"We are going to fix the roads, every single one of them."', "He"),
    ],
)
def test_colon_frame_takes_the_subject_of_its_speech_cue(text, speaker):
    (attribution,) = [a for a in find_quotes(text, segment(text)) if a.kind == "direct"]
    assert attribution.speaker.text_of(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The survey explains why. From the report: “Samples weighted on education were the most accurate of all.”",
         "the report"),
        ("Here’s Obama in March 2009: “Our new budget must rest on the hard facts of this recession.”", "Obama"),
        ('Sen. Ann Lowe (D-Mass.): "Who told you that ninety percent of the money was spent on the roads?"',
         "Sen. Ann Lowe"),
    ],
)
def test_source_named_before_a_colon_without_a_verb_is_the_speaker(text, speaker):
    (attribution,) = [a for a in find_quotes(text, segment(text)) if a.kind == "direct"]
    assert (attribution.speaker.text_of(text), attribution.rule) == (speaker, "direct-source-colon")


def test_from_inside_a_clause_is_no_colon_source():
    text = "Voters came from every county to hear him: “We will build the new bridge this year.”"
    assert all(a.rule != "direct-source-colon" for a in find_quotes(text, segment(text)))
