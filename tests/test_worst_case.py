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

import os
import resource
import subprocess
import sys
import gc
import time
from pathlib import Path
from typing import Callable

import pytest

from analysis.load import from_text
from analysis.pipeline import analyze_article
from analysis.quote_marks import quoted_spans
from analysis.segment import segment

from conftest import BUNDLED_ARTICLE, REPO_ROOT
from record_invariants import assert_record_valid

MAX_GROWTH = 20.0
# Below ~50 ms a CPU timing is mostly timer and cache noise, and the ratio with it.
MIN_SMALL_SECONDS = 0.02
MAX_DOUBLINGS = 6
FIVE_MB = 5_000_000
# CPU for the whole pipeline on 5 MB (~850k words): ~15 s measured on a busy machine once every
# stage was linear; the quadratic version took 187 s. The bound leaves room for slower CPUs.
FIVE_MB_SECONDS = 40.0
FIVE_MB_SEGMENT_SECONDS = 5.0  # segmentation alone takes under 1 s


def cpu_time(run: Callable[[str], object], text: str) -> float:
    """CPU seconds of one run, with the cyclic garbage collector held off: its passes grow
    with the number of live objects, which would make a linear algorithm look super-linear."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        run(text)
        return time.process_time() - started
    finally:
        gc.enable()


def analyze_valid(text: str) -> dict:
    record = analyze_article(from_text(text))
    assert record["error"] is None, record["error"]
    assert_record_valid(record)
    return record


def best_time(text: str, run: Callable[[str], object]) -> float:
    """Best of three CPU timings of ``run`` on ``text``."""
    return min(cpu_time(run, text) for _ in range(3))


def assert_linear_growth(
    make: Callable[[int], str], small: int, run: Callable[[str], object], *, min_small_seconds: float = MIN_SMALL_SECONDS
) -> None:
    """Ten times the input takes at most MAX_GROWTH times as long (best of three each)."""
    small_time = best_time(make(small), run)
    for _ in range(MAX_DOUBLINGS):
        if small_time >= min_small_seconds:
            break
        small *= 2
        small_time = best_time(make(small), run)
    big_text = make(10 * small)
    big_times = []
    for _ in range(3):  # best of three, but one run under the bound is enough
        big_times.append(cpu_time(run, big_text))
        if big_times[-1] <= MAX_GROWTH * small_time:
            return
        if big_times[-1] > 2 * MAX_GROWTH * small_time:
            break  # no timer noise explains twice the bound: spare the repeats
    pytest.fail(f"{min(big_times):.3f}s for {10 * small} chars vs {small_time:.3f}s for {small}: super-linear")


def repeat_to(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


def alternating_marks(n: int) -> str:
    """Every kind of quotation mark in turn: nothing pairs up cleanly."""
    return repeat_to("\u201c\"\u201d'\u2018\u2019\u00ab\u00bb ", n)


# (name, text of a given length, small length): the big run is ten times the small one.
GROWTH_CASES: list[tuple[str, Callable[[int], str], int]] = [
    ("opening-quotes-between-words", lambda n: repeat_to("\u201cword ", n), 5_000),
    ("cue-verbs-without-quotes", lambda n: repeat_to("he said that they told him she added ", n), 5_000),
    ("straight-quotes-and-apostrophes", lambda n: repeat_to("\"It's\" '' ' \"", n), 5_000),
    ("quote-then-said-never-closed", lambda n: repeat_to("\u201cWe will, Twitter said, ", n), 5_000),
    ("paragraph-without-punctuation", lambda n: repeat_to("word ", n), 5_000),
    ("run-of-periods", lambda n: "Word" + repeat_to(".", n) + " End.", 5_000),
    ("spaced-periods", lambda n: repeat_to(". ", n), 5_000),
    ("ellipses-and-bangs", lambda n: repeat_to("...!?\u2026 ", n), 5_000),
    ("capitalised-headline-run", lambda n: "Body text here.\n" + repeat_to("Big Headline Words ", n), 5_000),
    ("boilerplate-lines", lambda n: repeat_to("Follow us on Twitter\n", n), 5_000),
    ("hard-wrapped-lines", lambda n: repeat_to("word,\nword ", n), 5_000),
    ("short-lines", lambda n: repeat_to("a b\n", n), 5_000),
    ("blank-lines", lambda n: "Start.\n" + repeat_to("\r\n \n\t\n", n) + "End.", 5_000),
    ("devanagari-dandas", lambda n: repeat_to("\u092d\u093e\u0930\u0924 \u0964\u0965", n), 5_000),
    ("footer-phrases", lambda n: "Body. " + repeat_to("follow a b c d e f on twitter ", n), 5_000),
]


GROWTH_PARAMS = [pytest.param(make, small, id=name) for name, make, small in GROWTH_CASES] + [
    pytest.param(lambda n: repeat_to("Mr. Dr. U.S. e.g. No. 5 St. ", n), 2_500, id="abbreviations"),
    pytest.param(lambda n: repeat_to("A. B. C. ", n), 2_500, id="initials"),
    pytest.param(
        lambda n: "He said " + repeat_to("\u201c", n) + " and left.", 500, id="opening-quotes-never-closed"
    ),
    pytest.param(lambda n: repeat_to("a", n), 5_000, id="one-word-without-spaces"),
]


@pytest.mark.parametrize("make, small", GROWTH_PARAMS)
def test_ten_times_the_input_takes_at_most_twenty_times_as_long(make, small):
    analyze_valid(make(small))
    assert_linear_growth(make, small, lambda text: analyze_article(from_text(text)))


def test_alternating_quote_marks_pair_in_linear_time():
    assert_linear_growth(alternating_marks, 2_000, lambda text: quoted_spans(text, 0, len(text)), min_small_seconds=0.002)


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
    assert best_time(text, analyze_valid) < 1.0


def five_megabyte_article() -> str:
    """The bundled article repeated (as paragraphs) to 5 MB."""
    return repeat_to(BUNDLED_ARTICLE.read_text(encoding="utf-8") + "\n\n", FIVE_MB)


def test_five_megabyte_article_is_segmented_in_bounded_time():
    text = five_megabyte_article()
    started = time.process_time()
    segments = segment(text)
    elapsed = time.process_time() - started
    assert elapsed < FIVE_MB_SEGMENT_SECONDS, f"{elapsed:.1f}s"
    assert len(segments.paragraphs) > 1000 and segments.body.end > FIVE_MB * 0.99


def analyze_five_megabytes() -> None:
    """Run in a child process by the test below, which limits its CPU time."""
    analyze_valid(five_megabyte_article())


def test_five_megabyte_article_is_analysed_in_bounded_time():
    limit = int(FIVE_MB_SECONDS)
    child = subprocess.run(
        [sys.executable, "-c", "import test_worst_case as t; t.analyze_five_megabytes()"],
        cwd=Path(__file__).parent, env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), str(Path(__file__).parent)])},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CPU, (limit, limit)),
        capture_output=True, text=True, timeout=10 * limit,
    )
    assert child.returncode == 0, f"exit {child.returncode} (SIGXCPU = over {limit} s CPU): {child.stderr[-500:]}"


def test_hundred_thousand_character_paragraph_is_one_valid_paragraph():
    text = repeat_to("word ", 100_000).strip()
    record = analyze_article(from_text(text))
    assert record["paragraphs"] == [[0, len(text)]]
    assert record["sentences"] == [[0, len(text), 0]]
    assert record["body"] == [0, len(text)]
