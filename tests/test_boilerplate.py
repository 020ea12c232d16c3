"""Boilerplate rules: general patterns, not one outlet's words."""
from __future__ import annotations

import pytest

from analysis.boilerplate import is_headline_run, line_kind
from analysis.segment import segment

BODY = (
    "The senator said on Monday that the bill would pass before the recess.\n\n"
    "Critics, including two former officials, said the cost had been understated.\n\n"
)


BOILERPLATE_LINES = [
        ("Read the rest of the story here.", "read_more"),
        ("Read the rest of the story at The Example Post.", "read_more"),
        ("Also read: Ten things to know about the budget", "read_more"),
        ("Follow Jane Roe on Twitter @janeroe.", "share_prompt"),
        ("Follow us on Facebook for more.", "share_prompt"),
        ("Sign up to get an email from the reporter when she publishes a new story.", "share_prompt"),
        ("Click here to subscribe.", "share_prompt"),
        ("h/t: The Example Journal.", "byline"),
        ("The Associated Press contributed to this report.", "byline"),
        ("With inputs from PTI", "byline"),
        ("Advertisement", "advertisement"),
        ("Copyright 2021 Example Media. All rights reserved.", "footer"),
        ("Track Latest News Live on Example.com and get news updates from around the world.", "footer"),
        ("By Jane Roe", "byline"),
]


@pytest.mark.parametrize("line, kind", BOILERPLATE_LINES)
def test_boilerplate_lines_have_a_kind(line, kind):
    assert line_kind(line) == kind


@pytest.mark.parametrize("line, kind", BOILERPLATE_LINES)
def test_a_boilerplate_line_between_body_paragraphs_is_found_with_its_kind(line, kind):
    # The rules match each paragraph in place in the article text; rules anchored at the
    # line's end ("Advertisement", "By Jane Roe") must end where the paragraph ends.
    text = BODY + line + "\n\n" + BODY
    start = text.index(line)
    assert [(b.start, b.end, b.kind) for b in segment(text).boilerplate] == [(start, start + len(line), kind)]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Tuesday after the announcement.",
        "By Tuesday, the committee had heard from nine witnesses.",
        "He said he would follow the rules on Twitter and elsewhere, as he always had, in a long statement.",
        "Watchdogs said the data were incomplete.",
    ],
)
def test_body_sentences_are_not_boilerplate(line):
    assert line_kind(line) is None


def test_headline_run_needs_capitalised_content_words():
    assert is_headline_run("Court Respite For Chief After Regulator's Probe Into Billion Dollar Takeover Deal")
    assert not is_headline_run("The court gave the chief a respite after the regulator opened a probe into the deal.")


def test_trailing_read_more_and_follow_lines_are_boilerplate_and_body_is_kept():
    text = BODY + "Read the rest of the story here.\n\nFollow Jane Roe on Twitter @janeroe."
    segments = segment(text)
    assert [b.kind for b in segments.boilerplate] == ["read_more", "share_prompt"]
    assert len(segments.body_paragraphs()) == 2
    assert segments.body.text_of(text).endswith("had been understated.")


def test_related_headlines_run_with_footer_in_one_line_is_split_off():
    text = BODY + (
        "Minister Resigns Over Leaked Memo Storm Hits Coastal Towns As Rivers Rise "
        "Why Markets Fell On Friday: Explained Get the latest news from around the world on our app."
    )
    segments = segment(text)
    assert [b.kind for b in segments.boilerplate] == ["related_headlines", "footer"]
    assert segments.body.text_of(text).endswith("had been understated.")


def test_interior_advertisement_is_boilerplate_but_body_spans_it():
    text = "First paragraph of the story.\nAdvertisement\nSecond paragraph of the story."
    segments = segment(text)
    assert [p.is_body for p in segments.paragraphs] == [True, False, True]
    assert segments.body.text_of(text) == text


@pytest.mark.parametrize(
    "closing, kind",
    [
        ("Jane Roe is a senior fellow at the Example Institute.", "author_bio"),
        ("Roe reported from Washington; Doe, from Chicago.", "byline"),
        ("(Reporting by Jane Roe; Editing by John Doe.)", "byline"),
        ("Contributing: Jane Roe and John Doe.", "byline"),
    ],
)
def test_closing_credits_and_bios_are_boilerplate(closing, kind):
    segments = segment(BODY + closing)
    assert [b.kind for b in segments.boilerplate] == [kind]
    assert len(segments.body_paragraphs()) == 2


def test_author_bio_wording_mid_article_stays_body():
    text = "Jane Roe is a senior fellow at the Example Institute.\n\n" + BODY
    assert segment(text).boilerplate == ()


def test_closing_list_of_names_is_body_not_headlines():
    names = "Iowa: Ann Lee, Bob Ray, Cy Young, Di Ross, Ed Hall, Flo Kay, Gus Tan, Hal Moe, Ida Bell, Jo Park."
    segments = segment(BODY + names)
    assert segments.boilerplate == () and len(segments.body_paragraphs()) == 3
