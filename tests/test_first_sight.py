"""The short cuts taken the first time a token, word or name stretch is met give what the
straightforward route gives: readability's token facts against strip_punctuation and the
sentence-piece regexes, the hyphenation walk against Pyphen, capitalised stretches against
the token regex. PolNeAR cases read one article from ../shared and skip without it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from textstat.backend.utils import get_pyphen

from analysis.entities import _RUN_STRETCH, _initials, _regex_tokens, _tokenise_stretch
from analysis.readability import formulas
from analysis.syllables import TEXTSTAT_LANG, hyphenation_points, strip_punctuation

@pytest.fixture(scope="module")
def polnear_article(polnear_dir: Path) -> str:
    """The first PolNeAR train text (read from ../shared, never copied here)."""
    return sorted((polnear_dir / "train" / "text").glob("*.txt"))[0].read_text(encoding="utf-8")


def reference_token_facts(token: str) -> tuple[int, str, str]:
    """A token's facts the plain way: textstat's stripping, the pieces regexes, the word's facts."""
    word = strip_punctuation(token)
    chars = len(token) << formulas._SHIFT[formulas._NON_SPACE_CHARS]
    pieces = formulas._pieces(token)
    if not word:
        return chars, "", pieces
    shares, difficult = formulas._word_facts(word)
    return shares | chars, difficult, pieces


TOKENS = [
    "said", "said.", "said,", 'No!"', "Really?!", "end.)", 'done.".', "U.S.", "Mr.", "“Trump", "“Trump.”",
    "America’s", "world-class", "don't", "'s", "dogs'", "—", "...and", "…", "snake_case", "İstanbul,",
    "(R-Fla.)", "$1.3", "9/11.", "a.b", ").", "x_.", "?", "rock'n'roll.", "‘Let’s", "#FeelTheBern", "Ünïcode!",
    "e-mail", "3,000", "'", "’", "hello.'", "O’Neill's.", "4.5%",
]


@pytest.mark.parametrize("token", TOKENS)
def test_a_new_tokens_facts_are_those_of_stripping_it(token: str) -> None:
    formulas.clear_word_caches()
    assert formulas._token_facts(token) == reference_token_facts(token)


def test_every_token_of_a_polnear_article_has_the_facts_of_stripping_it(polnear_article: str) -> None:
    text = polnear_article
    formulas.clear_word_caches()
    for token in set(text.split()):
        assert formulas._token_facts(token) == reference_token_facts(token), token


@pytest.mark.parametrize("mark", formulas._STRIPPED_MARKS)
def test_every_deleted_mark_is_one_textstat_strips(mark: str) -> None:
    # not a word character, white space or an apostrophe: strip_punctuation removes it anywhere
    assert re.fullmatch(r"[^\w\s']", mark)
    assert strip_punctuation(f"a{mark}b{mark}") == "ab"


@pytest.mark.parametrize("mark", formulas._CLOSING_MARKS)
def test_closing_marks_hold_no_word_character(mark: str) -> None:
    assert not re.match(r"\w", mark) and not re.match(r"[.!?]", mark)


WORDS = [
    "hyphenation", "trumpism", "brexiteers", "superdelegates", "cruz", "kasich", "retweeted", "sanders's",
    "unpresidential", "a", "ab", "abc", "", "x", "politifact", "obamacare", "naïve", "straße", "i̇stanbul",
]


@pytest.mark.parametrize("word", WORDS)
def test_the_hyphenation_walk_finds_pyphens_points(word: str) -> None:
    assert hyphenation_points(word) == len(get_pyphen(TEXTSTAT_LANG).positions(word))


def test_the_hyphenation_walk_finds_pyphens_points_for_a_polnear_article(polnear_article: str) -> None:
    words = {word.lower() for word in strip_punctuation(polnear_article).split()}
    pyphen = get_pyphen(TEXTSTAT_LANG)
    for word in words:
        assert hyphenation_points(word) == len(pyphen.positions(word)), word


def single_run_by_regex(stretch: str) -> tuple:
    return (tuple(token for token, _ in _regex_tokens(stretch, False)),)


@pytest.mark.parametrize("stretch", ["Donald Trump", "White House Press Office", "Iowa", "McDonald Trump", "Über Alles"])
@pytest.mark.parametrize("after_full_stop", [False, True])
def test_capitalised_words_are_one_run_of_the_regexs_tokens(stretch: str, after_full_stop: bool) -> None:
    assert _tokenise_stretch(stretch, after_full_stop) == single_run_by_regex(stretch)


def test_capitalised_stretches_of_a_polnear_article_are_one_run_of_the_regexs_tokens(polnear_article: str) -> None:
    stretches = {match.group() for match in _RUN_STRETCH.finditer(polnear_article)}
    plain = [s for s in stretches if "  " not in s and s.replace(" ", "").isalpha() and s.istitle()]
    assert plain
    for stretch in plain:
        assert _tokenise_stretch(stretch, False) == single_run_by_regex(stretch), stretch


@pytest.mark.parametrize("name, expected", [
    ("Bank of America", ("BA", "BOA")),
    ("Federal Bureau of Investigation", ("FBI", "FBOI")),
    ("Johnson & Johnson", ("JJ", "J&J")),
    ("Donald Trump", ("DT", "DT")),
])
def test_initials_come_without_and_with_connectors(name: str, expected: tuple[str, str]) -> None:
    assert _initials(name) == expected
