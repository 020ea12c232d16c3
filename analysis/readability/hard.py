"""Hard sentences, in the spirit of the Hemingway editor: which body sentences to rewrite.

:func:`hard_sentences` returns one row per body sentence, hardest first (highest
Flesch-Kincaid grade; sentences without a grade last), with columns:

``article_id``, ``sentence`` (index into ``segments.sentences``), ``paragraph``, ``start``,
``end``, ``text``, ``grade`` (textstat's Flesch-Kincaid grade of the sentence alone),
``words`` (textstat's word count), ``polysyllabic_words`` (3+ syllables) and
``difficult_words`` (off the Dale-Chall easy list, 2+ syllables; both lists of distinct
words in order of appearance), ``reason`` and ``flags`` (as in the readability table; every
single sentence is ``short_text``).

``reason`` names what makes the sentence hard, joined by " + " when several apply, empty
when none: ``long`` (at least 25 words), ``polysyllabic`` (at least a fifth of its words
have 3+ syllables), ``difficult words`` (at least a third of its words are difficult).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.deferred import pandas as pd

from analysis.readability.formulas import word_profile, words_of
from analysis.readability.scores import assessed_scores

if TYPE_CHECKING:
    from analysis.segment import Segments

LONG_SENTENCE_WORDS = 25
POLYSYLLABIC_SHARE = 0.2
DIFFICULT_SHARE = 1 / 3

COLUMNS = (
    "article_id", "sentence", "paragraph", "start", "end", "text", "grade", "words",
    "polysyllabic_words", "difficult_words", "reason", "flags",
)


def _distinct(words: list[str]) -> list[str]:
    return list(dict.fromkeys(words))


def hardness_reason(n_words: int, n_polysyllabic: int, n_difficult: int) -> str:
    """The ``reason`` label for a sentence with these word counts (module docstring)."""
    if not n_words:
        return ""
    reasons = []
    if n_words >= LONG_SENTENCE_WORDS:
        reasons.append("long")
    if n_polysyllabic / n_words >= POLYSYLLABIC_SHARE:
        reasons.append("polysyllabic")
    if n_difficult / n_words >= DIFFICULT_SHARE:
        reasons.append("difficult words")
    return " + ".join(reasons)


def hard_sentences(text: str, segments: Segments, *, article_id: str = "") -> pd.DataFrame:
    """Body sentences with their grade and what makes them hard, hardest first."""
    rows = []
    for i, sentence in enumerate(segments.sentences):
        if not sentence.is_body:
            continue
        sentence_text = text[sentence.start:sentence.end]
        scored = assessed_scores(sentence_text, kit_sentences=1)
        words = words_of(sentence_text) if scored["lexicon_count"] is not None else []
        profiles = [word_profile(word) for word in words]
        polysyllabic = [w for w, p in zip(words, profiles) if p.polysyllabic]
        difficult = [w for w, p in zip(words, profiles) if p.difficult]
        rows.append(
            {
                "article_id": article_id,
                "sentence": i,
                "paragraph": sentence.paragraph,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence_text,
                "grade": scored["flesch_kincaid_grade"],
                "words": scored["lexicon_count"],
                "polysyllabic_words": _distinct(polysyllabic),
                "difficult_words": _distinct(difficult),
                "reason": hardness_reason(len(words), len(polysyllabic), len(difficult)),
                "flags": scored["flags"],
            }
        )
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype(
        {"grade": "float64", "words": "Int64", "sentence": "int64", "paragraph": "int64",
         "start": "int64", "end": "int64"}
    )
    return table.sort_values(
        ["grade", "start"], ascending=[False, True], na_position="last", kind="stable"
    ).reset_index(drop=True)
