"""Worst-case inputs: pathological quotation marks, huge articles, endless paragraphs.

Every input goes through the whole pipeline (``analyze_article``) and must give a valid
record. Growth is checked as a ratio of two timings taken in the same test, best of
three each: ten times the input may take at most ``MAX_GROWTH`` times as long (linear is
10x; quadratic would be 100x), which no regex with catastrophic backtracking and no
quadratic scan passes. Timings are CPU time of this process (other jobs on a busy machine
do not count), and the small input is doubled until it takes ``MIN_SMALL_SECONDS``, so the
ratio is above timer noise.
"""
from __future__ import annotations

import time
from typing import Callable

import pytest

from analysis.load import from_text
from analysis.pipeline import analyze_article

from conftest import BUNDLED_ARTICLE
from record_invariants import assert_record_valid

MAX_GROWTH = 20.0
MIN_SMALL_SECONDS = 0.005
MAX_DOUBLINGS = 6
FIVE_MB = 5_000_000
FIVE_MB_SECONDS = 20.0


def best_time(text: str) -> float:
    """Best of three CPU timings of the pipeline on ``text``; checks the record once."""
    article = from_text(text)
    timings = []
    for _ in range(3):
        started = time.process_time()
        record = analyze_article(article)
        timings.append(time.process_time() - started)
    assert record["error"] is None, record["error"]
    assert_record_valid(record)
    return min(timings)


def repeat_to(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


# (name, text of a given length, small length): the big run is ten times the small one.
GROWTH_CASES: list[tuple[str, Callable[[int], str], int]] = [
    ("opening-quotes-never-closed", lambda n: "He said " + repeat_to("\u201c", n) + " and left.", 5_000),
    ("opening-quotes-between-words", lambda n: repeat_to("\u201cword ", n), 5_000),
    ("alternating-quote-marks", lambda n: repeat_to("\u201c\"\u201d'\u2018\u2019\u00ab\u00bb ", n), 5_000),
    ("straight-quotes-and-apostrophes", lambda n: repeat_to("\"It's\" '' ' \"", n), 5_000),
    ("quote-then-said-never-closed", lambda n: repeat_to("\u201cWe will, he said, ", n), 5_000),
    ("paragraph-without-punctuation", lambda n: repeat_to("word ", n), 5_000),
    ("one-word-without-spaces", lambda n: repeat_to("a", n), 5_000),
    ("run-of-periods", lambda n: "Word" + repeat_to(".", n) + " End.", 5_000),
    ("spaced-periods", lambda n: repeat_to(". ", n), 5_000),
    ("ellipses-and-bangs", lambda n: repeat_to("...!?\u2026 ", n), 5_000),
    ("abbreviations", lambda n: repeat_to("Mr. Dr. U.S. e.g. No. 5 St. ", n), 5_000),
    ("initials", lambda n: repeat_to("A. B. C. ", n), 5_000),
    ("capitalised-headline-run", lambda n: "Body text here.\n" + repeat_to("Big Headline Words ", n), 5_000),
    ("boilerplate-lines", lambda n: repeat_to("Follow us on Twitter\n", n), 5_000),
    ("hard-wrapped-lines", lambda n: repeat_to("word,\nword ", n), 5_000),
    ("short-lines", lambda n: repeat_to("a b\n", n), 5_000),
    ("blank-lines", lambda n: "Start.\n" + repeat_to("\r\n \n\t\n", n) + "End.", 5_000),
    ("devanagari-dandas", lambda n: repeat_to("\u092d\u093e\u0930\u0924 \u0964\u0965", n), 5_000),
    ("footer-phrases", lambda n: "Body. " + repeat_to("follow a b c d e f on twitter ", n), 5_000),
]


@pytest.mark.parametrize("make, small", [(make, small) for _, make, small in GROWTH_CASES], ids=[c[0] for c in GROWTH_CASES])
def test_ten_times_the_input_takes_at_most_twenty_times_as_long(make, small):
    small_time = best_time(make(small))
    for _ in range(MAX_DOUBLINGS):
        if small_time >= MIN_SMALL_SECONDS:
            break
        small *= 2
        small_time = best_time(make(small))
    big_time = best_time(make(10 * small))
    assert big_time <= MAX_GROWTH * small_time, f"{big_time:.3f}s for {10 * small} chars vs {small_time:.3f}s for {small}"


@pytest.mark.parametrize(
    "text",
    [
        "\u201c" * 200 + "The minister spoke.",
        "The minister said " + "\u201c" * 200,
        '"' * 200 + " said Twitter.",
        "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb" * 25 + " she said.",
        ("\u201cWe will comply. " * 200) + "\u201d",
        "\u00bb" * 100 + "\u00ab" * 100 + " \u2014 he said.",
    ],
    ids=["200-opening", "200-trailing", "200-straight", "alternating", "200-unclosed-sentences", "reversed-guillemets"],
)
def test_pathological_quote_patterns_give_a_valid_record_quickly(text):
    assert best_time(text) < 1.0


def test_five_megabyte_article_is_analysed_in_bounded_time(bundled_text):
    text = repeat_to(bundled_text + "\n\n", FIVE_MB)
    started = time.perf_counter()
    record = analyze_article(from_text(text))
    elapsed = time.perf_counter() - started
    assert record["error"] is None and elapsed < FIVE_MB_SECONDS, f"{elapsed:.1f}s"
    assert_record_valid(record)
    assert len(record["paragraphs"]) > 1000


def test_hundred_thousand_character_paragraph_is_one_valid_paragraph():
    text = repeat_to("word ", 100_000).strip()
    record = analyze_article(from_text(text))
    assert record["paragraphs"] == [[0, len(text)]]
    assert record["sentences"] == [[0, len(text), 0]]
    assert record["body"] == [0, len(text)]
