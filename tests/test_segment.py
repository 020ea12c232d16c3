"""Segmentation: body vs boilerplate, paragraphs and sentences as valid spans."""
from __future__ import annotations

import pytest

from analysis.segment import paragraph_spans, paragraphs_table, segment, sentences_table, wrap_width


def assert_spans_valid(text, segments):
    for span in [*segments.paragraphs, *segments.sentences, *segments.boilerplate, segments.body]:
        assert 0 <= span.start <= span.end <= len(text)
    for sentence in segments.sentences:
        paragraph = segments.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert text[sentence.start:sentence.end] == text[sentence.start:sentence.end].strip()
    starts = [s.start for s in segments.sentences]
    assert starts == sorted(starts)
    for before, after in zip(segments.sentences, segments.sentences[1:]):
        assert before.end <= after.start


def test_bundled_article_body_ends_after_the_last_real_sentence(bundled_text):
    segments = segment(bundled_text)
    assert bundled_text[: segments.body.end].endswith("incorrect map of India on the site.")
    assert segments.body.start == 0


def test_bundled_article_has_11_body_paragraphs_and_14_body_sentences(bundled_text):
    segments = segment(bundled_text)
    assert len(segments.body_paragraphs()) == 11
    assert len(segments.body_sentences()) == 14
    assert_spans_valid(bundled_text, segments)


def test_bundled_article_boilerplate_covers_everything_after_the_body(bundled_text):
    segments = segment(bundled_text)
    kinds = [b.kind for b in segments.boilerplate]
    assert kinds == ["related_headlines", "footer"]
    covered = set(range(segments.body.start, segments.body.end))
    for b in segments.boilerplate:
        covered |= set(range(b.start, b.end))
    uncovered = [i for i, ch in enumerate(bundled_text) if i not in covered and not ch.isspace()]
    assert uncovered == []
    assert "Donald Trump" not in segments.body.text_of(bundled_text)


def test_tables_have_the_documented_columns_and_texts(bundled_text):
    segments = segment(bundled_text)
    paragraphs = paragraphs_table(bundled_text, segments, article_id="a")
    sentences = sentences_table(bundled_text, segments, article_id="a")
    assert list(paragraphs.columns) == ["article_id", "paragraph", "start", "end", "text", "is_body"]
    assert list(sentences.columns) == ["article_id", "sentence", "paragraph", "start", "end", "text", "is_body"]
    for row in sentences.itertuples():
        assert bundled_text[row.start:row.end] == row.text
    assert sentences.is_body.sum() == 14 and paragraphs.is_body.sum() == 11


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One line.\nTwo line.", ["One line.", "Two line."]),
        ("First para.\n\n  Second para.  \n", ["First para.", "Second para."]),
        ("A hard-wrapped sentence that\ncontinues here.\n\nNext.", ["A hard-wrapped sentence that\ncontinues here.", "Next."]),
        ("Windows line.\r\nAnother line.\r\n", ["Windows line.", "Another line."]),
        ("", []),
        ("\n\n \n", []),
    ],
)
def test_paragraphs_are_lines_joined_only_when_hard_wrapped(text, expected):
    assert [span.text_of(text) for span in paragraph_spans(text)] == expected


WRAPPED_AT_71 = (
    "Reporters waited outside for an hour before a spokesperson at the White\n"
    "House said the president had no plans to travel to the region this\n"
    "week, despite the calls from local leaders. The governor said he would\n"
    "go anyway, and that the state would pay for the trip itself.\n"
    "\n"
    "Aides to the governor, who spoke on condition of anonymity, said the\n"
    "trip had been planned for weeks and would go ahead whatever Washington\n"
    "decided.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        WRAPPED_AT_71,
        WRAPPED_AT_71.replace("\n", "\r\n"),
        # White space after a line's text does not count towards its width.
        WRAPPED_AT_71.replace("this\n", "this" + " " * 60 + "\n"),
    ],
)
def test_wrap_width_is_the_width_a_filled_text_was_wrapped_to(text):
    assert wrap_width(text) == 71


@pytest.mark.parametrize(
    "text",
    [
        "One line.\nTwo line.\nThree line.\nFour line.",
        "A web paragraph that runs on " * 6 + "\nand another that runs on " * 6,
        "Minister resigns over leaked memo\nFloods close the coastal road for a week\nLocal team wins cup\n",
        "\n".join(["The council met on Monday to discuss the new budget plan"] * 4),
        WRAPPED_AT_71 + "A last line that runs on and on, well past the widest width that any hard-wrapped text is ever filled to.\n",
    ],
)
def test_text_that_is_not_filled_to_a_width_has_no_wrap_width(text):
    assert wrap_width(text) is None


def test_a_capitalised_word_carried_to_the_next_line_of_wrapped_text_stays_in_its_paragraph():
    paragraphs = [span.text_of(WRAPPED_AT_71) for span in paragraph_spans(WRAPPED_AT_71)]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Reporters") and paragraphs[0].endswith("trip itself.")
    sentences = [WRAPPED_AT_71[s.start:s.end] for s in segment(WRAPPED_AT_71).sentences]
    assert sentences[0] == WRAPPED_AT_71[:WRAPPED_AT_71.index(" The governor")]


def test_a_short_line_before_a_capitalised_line_ends_its_paragraph_even_in_wrapped_text():
    text = WRAPPED_AT_71 + "Headline about something else\nReporters waited outside for an hour before the\n"
    paragraphs = [span.text_of(text) for span in paragraph_spans(text)]
    assert "Headline about something else" in paragraphs


def test_crlf_text_keeps_offsets_and_gives_the_same_segments(bundled_text):
    crlf = bundled_text.replace("\n", "\r\n")
    lf_segments, crlf_segments = segment(bundled_text), segment(crlf)
    lf_sentences = [bundled_text[s.start:s.end] for s in lf_segments.sentences]
    assert lf_sentences == [crlf[s.start:s.end] for s in crlf_segments.sentences]
    assert_spans_valid(crlf, crlf_segments)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_has_no_body(text):
    segments = segment(text)
    assert len(segments.body) == 0 and segments.sentences == () and segments.paragraphs == ()


def test_single_title_line_is_body_not_headlines():
    text = "Mike Huckabee Makes Sexist Wife Joke To Bash Fed Chair Janet Yellen"
    segments = segment(text)
    assert len(segments.body_paragraphs()) == 1 and segments.boilerplate == ()
