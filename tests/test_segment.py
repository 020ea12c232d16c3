"""Segmentation: body vs boilerplate, paragraphs and sentences as valid spans."""
from __future__ import annotations

import pytest

from analysis.segment import paragraph_spans, paragraphs_table, segment, sentences_table


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
