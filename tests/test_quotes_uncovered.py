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
        ("The talks stalled.\n\n“Nobody here wants a strike,” they conclude.",
         [(("“Nobody here wants a strike,”",), "they", "conclude")]),
    ],
)
def test_phrasal_reply_verb_after_a_quotation_is_its_frame(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Prices rose.\n\nThe new rules, the engineers said, “make every bridge safer” than the old code did.",
         ("The new rules", "“make every bridge safer” than the old code did")),
        ("Prices rose.\n\nHer brother, a neighbour said, “never came home after the storm.”",
         ("Her brother", "“never came home after the storm.”")),
        ("Prices rose.\n\nOn Monday, the mayor said, “The bridge stays shut.”", ("“The bridge stays shut.”",)),
        ("Prices rose.\n\nLooking at the river, the mayor said, “The bridge stays shut.”", ("“The bridge stays shut.”",)),
    ],
)
def test_subject_before_a_parenthetical_frame_opens_the_content(text, content):
    (attribution,) = _attributions(text)
    assert attribution[0] == content


def test_described_speaker_after_said_may_open_with_several_lower_case_words():
    text = 'Prices rose.\n\n"The valley needs the water," said former state water board member Ana Ruiz.'
    assert _attributions(text) == [(('"The valley needs the water,"',), "former state water board member Ana Ruiz", "said")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Prices rose.\n\nAs mayor, Ortiz declared that "I fully back" the city\'s new and misnamed "clean air" rule.',
         ('"I fully back" the city\'s new and misnamed "clean air" rule',)),
        ("Prices rose.\n\nThe marchers chanted “open the border” and “no more walls.”",
         ("“open the border” and “no more walls.”",)),
        ("Prices rose.\n\nThe banner read “Vote Ortiz” — and the crowd waved a second one reading “Ortiz now.”",
         ("“Vote Ortiz”",)),
    ],
)
def test_reported_clause_runs_over_later_quoted_phrases_to_the_sentence_end(text, content):
    assert _attributions(text)[0][0] == content


def test_plain_report_framed_at_its_sentence_end_goes_on_in_the_next_quotation():
    text = ("Prices rose.\n\nOr maybe the harbour, the planner Ada Stone says. "
            "“Several surveys suggest a second look at the harbour. But the money is short.”")
    (attribution,) = _attributions(text)
    assert attribution[0] == ("Or maybe the harbour",
                              "“Several surveys suggest a second look at the harbour. But the money is short.”")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("HARBOUR TOWNS BRACE FOR THE FLOOD “Water reached the second floor of the mill by noon.” [Tribune.]",
         [(("“Water reached the second floor of the mill by noon.”",), "HARBOUR TOWNS BRACE FOR THE FLOOD", "[Tribune.]")]),
        ("FARMERS, THROUGH THE LENS “We plant in April and pray in May.” Watch the film tonight. [Daily Post.]",
         [(("“We plant in April and pray in May.” Watch the film tonight",), "FARMERS, THROUGH THE LENS", "[Daily Post.]")]),
    ],
)
def test_digest_item_reads_its_headline_as_source_and_outlet_as_cue(paragraph, expected):
    assert _attributions("TOP STORIES.\n\n" + paragraph + "\n\nThat is all for today.") == expected


def test_quotation_in_an_ordinary_paragraph_with_a_bracket_is_no_digest_item():
    text = "Prices rose.\n\nThe mayor said, “We will rebuild the mill.” [Video.]"
    assert "direct-digest-item" not in [a.rule for a in find_quotes(text, segment(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Prices rose.\n\nThe council’s report makes a blunt case: “The bridge cannot carry trucks any longer.”",
         "The council’s report", "makes a blunt case:"),
        ("Prices rose.\n\nA study from the left-leaning institute had this to say about the plan: "
         "\"Families at the top would gain the most from it.\"",
         "A study from the left-leaning institute", "had this to say about the plan:"),
    ],
)
def test_subject_of_a_clause_before_a_colon_speaks_the_quoted_sentence(text, speaker, cue):
    (attribution,) = _attributions(text)
    assert attribution[1:] == (speaker, cue)


def test_clause_with_a_comma_after_its_verb_is_no_colon_frame():
    text = ("Prices rose.\n\nThe reason these critics give, again and again, is a simple one: "
            "“The bridge cannot carry trucks any longer.”")
    assert "direct-clause-colon" not in [a.rule for a in find_quotes(text, segment(text))]


def test_capitalised_said_opener_frames_its_quotation_after_an_earlier_cue_in_the_stretch():
    text = ('Prices rose.\n\nThe pump failed in what engineers called a design flaw. '
            'Said Ortiz, "We should have seen it coming years ago."')
    assert ((('"We should have seen it coming years ago."',), "Ortiz", "Said")) in _attributions(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose.\n\nOrtiz asks at Lincoln High School, “Who here works a night shift?”",
         [(("“Who here works a night shift?”",), "Ortiz", "asks")]),
        ("Prices rose.\n\nOrtiz jokes in the Harbour Hall, “Nobody came for the soup.”",
         [(("“Nobody came for the soup.”",), "Ortiz", "jokes")]),
    ],
)
def test_verb_and_a_named_place_before_a_quoted_sentence_frame_it(text, expected):
    assert _attributions(text) == expected


def test_shouting_reports_its_quoted_chant():
    text = "Prices rose.\n\nOrtiz blocked the gate, shouting “no contract, no work!”"
    assert _attributions(text) == [(("“no contract, no work!”",), "Ortiz", "shouting")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Prices rose.\n\nOrtiz argued “the bridge is sound” - the council has heard it all before.",
         ("“the bridge is sound”",)),
        ("Prices rose.\n\nOrtiz argued “every engineer on the panel” - Lee included - signed the report.",
         ("“every engineer on the panel” - Lee included - signed the report",)),
        ("Prices rose.\n\nOrtiz argued “the bridge is sound”; the council did not agree.",
         ("“the bridge is sound”",)),
    ],
)
def test_reported_clause_after_a_quotation_stops_at_a_dash_not_an_aside(text, content):
    assert [found for found, _, _ in _attributions(text)] == [content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Prices rose.\n\n"The pumps worked well," the soft-spoken, 64-year-old engineer said in an interview.',
         [(('"The pumps worked well,"',), "the soft-spoken, 64-year-old engineer", "said")]),
        ("Prices rose.\n\n“We open on Monday,” a tired, cheerful clerk said.",
         [(("“We open on Monday,”",), "a tired, cheerful clerk", "said")]),
    ],
)
def test_speaker_with_adjectives_set_apart_by_a_comma_frames_its_quotation(text, expected):
    assert _attributions(text) == expected


def test_adjectives_and_a_clause_word_are_no_speaker():
    text = 'Prices rose.\n\n"The pumps worked well," the engineer, who was tired said.'
    assert "the engineer, who was tired" not in [speaker for _, speaker, _ in _attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose.\n\n“The pumps worked,” said Ortiz. “Nobody expected the river to rise that far this spring.",
         [(("“The pumps worked,”", "“Nobody expected the river to rise that far this spring."), "Ortiz", "said")]),
        ("Prices rose.\n\nMore from Ortiz: “Nobody expected the river to rise that far this spring.",
         [(("“Nobody expected the river to rise that far this spring",), "Ortiz", ":")]),
    ],
)
def test_quotation_left_open_at_its_paragraph_end_after_a_sentence_is_kept(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose.\n\nOrtiz said the “pumps worked well and the river stayed low all spring.",
        "Prices rose.\n\n“The pumps worked,” said Ortiz. “Nobody knew.",
    ],
)
def test_open_mark_inside_a_sentence_or_before_few_words_stays_stray(text):
    assert all(len(content) == 1 for content, _, _ in _attributions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose.\n\n“If the levee had not been raised” by the county and the state, Ortiz said on Monday, "
         "“we would be rowing to work.”",
         [(("“If the levee had not been raised” by the county and the state", "“we would be rowing to work.”"),
           "Ortiz", "said")]),
    ],
)
def test_split_quotation_with_unquoted_words_before_its_frame_is_one_attribution(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose.\n\nOn Monday, Ortiz said at the hall, “we would be rowing to work.”",
        "Prices rose.\n\n“The levee held,” the county said. By noon, Ortiz said, “we were dry.”",
    ],
)
def test_lower_case_quotation_after_a_frame_takes_no_head_without_a_split_quotation(text):
    assert all(not found[0].startswith(("On Monday", "By noon")) for found, _, _ in _attributions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose.\n\nLast spring, Ortiz emphatically declared at a press conference, “The bridge is safe.”",
         [(("“The bridge is safe.”",), "Ortiz", "declared")]),
        ("Prices rose.\n\nThe mayor, who was off-stage, then loudly asked, “Really?”",
         [(("“Really?”",), "The mayor, who was off-stage", "asked")]),
    ],
)
def test_manner_adverb_between_speaker_and_cue_before_a_quotation(text, expected):
    assert _attributions(text) == expected


def test_noun_in_ly_before_a_cue_is_no_adverb_to_skip():
    text = "Prices rose.\n\nThe Ortiz family said: “We are staying.”"
    assert [speaker for _, speaker, _ in _attributions(text)] == ["The Ortiz family"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose.\n\nOrtiz shared the news online last week, writing “Feels great to open the bridge.”",
         [(("“Feels great to open the bridge.”",), "Ortiz", "writing")]),
        ("Prices rose.\n\nThe mayor ended her list by saying “Too many.”",
         [(("“Too many.”",), "The mayor", "saying")]),
    ],
)
def test_speech_participle_right_before_a_quoted_sentence_needs_no_comma(text, expected):
    assert _attributions(text) == expected


def test_other_participle_before_a_quotation_still_needs_a_comma():
    text = "Prices rose.\n\nThe mayor left the hall, carrying “The Daily Ledger” under her arm."
    assert "carrying" not in [cue for _, _, cue in _attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Prices rose.\n\n"The river is our border," the Danes state in their report.',
         [(('"The river is our border,"',), "the Danes", "state")]),
        ('Prices rose.\n\n"The river is our border," the Danes insist.',
         [(('"The river is our border,"',), "the Danes", "insist")]),
    ],
)
def test_the_and_a_capitalised_plural_before_a_plain_verb_frames_a_quotation(text, expected):
    assert _attributions(text) == expected
