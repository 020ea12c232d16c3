"""Sentence splitting: the shared boundary cases, the bundled article, offsets and tiling, odd input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentences import sentence_spans
from sentence_cases import read_cases

CASES = read_cases()


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, start, end)]


def assert_tiles(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Spans are stripped, ordered, inside the range, and only white space lies between them."""
    cursor = start
    for s, e in spans:
        assert cursor <= s < e <= end
        assert text[s:e] == text[s:e].strip()
        assert not text[cursor:s].strip()
        cursor = e
    assert not text[cursor:end].strip()


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{case.category}-{i}" for i, case in enumerate(CASES)])
def test_shared_case_splits_into_expected_sentences(case):
    assert sentences(case.text) == case.sentences


def test_shared_cases_cover_every_category():
    assert {case.category for case in CASES} >= {
        "abbreviations", "initials", "ampm", "money", "urls", "quotes", "parentheses", "lists",
        "ellipses", "questions", "dashes", "news", "newlines", "scripts"}
    assert len(CASES) >= 60


def test_bundled_article_body_lines_give_14_sentences(bundled_text):
    lines = bundled_text.split("\n")[:11]
    assert [len(sentence_spans(line)) for line in lines] == [2, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1]


def test_bundled_article_spans_tile_each_line_as_offsets_into_the_article(bundled_text):
    text = bundled_text
    offset = 0
    for line in text.split("\n"):
        spans = sentence_spans(text, offset, offset + len(line))
        assert_tiles(text, offset, offset + len(line), spans)
        offset += len(line) + 1


def test_bundled_article_whole_text_tiles(bundled_text):
    assert_tiles(bundled_text, 0, len(bundled_text), sentence_spans(bundled_text))


def test_missing_space_after_closing_quote_does_not_split():
    text = 'to stay ahead of this issue,"Twitter said.'
    assert sentences(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("   \n\t ", []),
    ("No end mark", ["No end mark"]),
    ("  Padded sentence.  ", ["Padded sentence."]),
    ("One line\nstill the same sentence.", ["One line\nstill the same sentence."]),
    ("Ends here.\n \nNew paragraph.", ["Ends here.", "New paragraph."]),
    ("Mr.\n\nSmith", ["Mr.", "Smith"]),
    ("A\u2029B", ["A", "B"]),
])
def test_white_space_and_blank_lines(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("सरकार ने कहा। विपक्ष चुप रहा।", ["सरकार ने कहा।", "विपक्ष चुप रहा।"]),
    ("पहला।दूसरा।", ["पहला।", "दूसरा।"]),
    ("श्लोक॥ अगला", ["श्लोक॥", "अगला"]),
    ("他来了。她走了！你呢？", ["他来了。", "她走了！", "你呢？"]),
    ("「好。」他说。", ["「好。」", "他说。"]),
    ("这是第一句。 This is English. 这是第三句。", ["这是第一句。", "This is English.", "这是第三句。"]),
])
def test_indic_and_cjk_sentence_marks_split(text, expected):
    assert sentences(text) == expected


def test_offsets_point_into_the_whole_text_not_the_slice():
    text = "Header line.\nFirst one. Second one.\nFooter."
    start = text.index("First")
    end = text.index("\nFooter")
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == start


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, None, ["One.", "Two."]),
    (5, None, ["Two."]),
    (-4, None, ["Two."]),
    (0, -5, ["One."]),
    (0, 100, ["One.", "Two."]),
    (6, 2, []),
])
def test_range_bounds_are_read_like_slice_bounds(start, end, expected):
    assert sentences("One. Two.", start, end) == expected


@pytest.mark.parametrize("text", [
    "x" * 100_000,
    "word " * 20_000,
    "." * 100_000,
    "." * 50_000 + "x",
    '"' * 50_000 + ". A",
    '.".' * 30_000 + " A",
    ". " * 50_000,
    "a. " * 30_000,
    "Mr. " * 25_000,
    "(" * 30_000 + "A. B. " * 5_000,
    " " * 50_000 + "a" + " " * 50_000 + "\n\n" + "b",
    "\n" * 50_000,
    "... " * 25_000 + "The",
    "U.S." * 25_000 + " The",
])
def test_pathological_inputs_finish_and_tile(text):
    spans = sentence_spans(text)
    assert_tiles(text, 0, len(text), spans)


@pytest.mark.parametrize("text", [
    "\x00\x01 Control. \x7f\x1b[0m Chars.",
    "Emoji 🎉. Done 👍🏽! Next?",
    "مرحبا. هذا نص عربي؟ نعم۔ ok",
    "עברית. שלום!",
    "Lone \ud800 surrogate. Next.",
    "Combining e\u0301. Accent.",
    "\ufeffBOM first. Then text.",
])
def test_odd_characters_never_raise_and_tile(text):
    assert_tiles(text, 0, len(text), sentence_spans(text))


_ALPHABET = st.sampled_from(
    list("aZ .?!…\"'”“()[]\n\t,।。？-") + ["Mr.", "U.S.", "a.m.", " The ", "1. ", "\n\n", "..."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.integers(-5, 70), st.integers(-5, 70))
def test_any_text_and_range_tiles(text, start, end):
    lo, hi, _ = slice(start, end).indices(len(text))
    spans = sentence_spans(text, start, end)
    if lo >= hi:
        assert spans == []
    else:
        assert_tiles(text, lo, hi, spans)
    assert spans == sentence_spans(text, start, end)


def test_abbreviation_data_is_well_formed():
    from analysis import sentences as module

    assert set(module._ABBREVIATION_CLASS.values()) == {
        "never_ends", "before_number", "before_starter", "before_capital"}
    assert all(abbreviation[-1] in ".!" for abbreviation in module._ABBREVIATION_CLASS)
    assert module._STARTERS and module._CONTINUATIONS and module._SPEECH_VERBS
