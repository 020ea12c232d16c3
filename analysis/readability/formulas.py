"""textstat's English readability formulas, computed from counts taken once per text.

textstat 0.7.13 recomputes the word list, syllables and sentence count inside every
metric function. :func:`count_text` walks a text once and keeps every count those
metrics share (:class:`TextCounts`); :func:`textstat_scores` applies textstat's formulas
to them. Each key of the returned dict is named after the textstat function whose value
it equals (for textstat's default ``en_US`` settings, to floating-point rounding):

flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
automated_readability_index, dale_chall_readability_score, linsear_write_formula,
difficult_words, polysyllabcount, lexicon_count, sentence_count, syllable_count.

The counting rules are textstat's, including its quirks (a "sentence" is a run of text
up to ``.``, ``!`` or ``?`` with more than two words; difficult words are counted once per
spelling, case-sensitively; Linsear Write reads only the first 100 words), because the
point is to give textstat's numbers faster, not better ones.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from textstat.backend.utils import get_lang_cfg, get_lang_easy_words

from analysis.syllables import TEXTSTAT_LANG, strip_punctuation, token_syllables, word_syllables

# textstat's sentence candidates: a word boundary, then anything up to terminal punctuation.
_SENTENCE_CANDIDATE = re.compile(r"\b[^.!?]+[.!?]*")
_WHITE_SPACE_TOKEN = re.compile(r"\S+")
_WORD_CHARACTER = re.compile(r"\w")

# Gunning Fog's "complex word" threshold from textstat's language table (3 for English).
_FOG_SYLLABLES = int(get_lang_cfg(TEXTSTAT_LANG, "syllable_threshold"))
_DIFFICULT_SYLLABLES = 2  # textstat.difficult_words' default threshold
_POLYSYLLABLE = 3
_LINSEAR_WORDS = 100

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
)
COUNTS = ("difficult_words", "polysyllabcount", "lexicon_count", "sentence_count", "syllable_count")


@dataclass(frozen=True, slots=True)
class WordProfile:
    """What textstat's metrics need to know about one word (as spelled in the text)."""

    syllables: int  # its share of syllable_count (the lowercased word looked up directly)
    syllables_as_spelled: int  # what polysyllabcount and Linsear Write count
    polysyllabic: bool  # counted by polysyllabcount and SMOG: 3+ syllables
    easy: bool  # on textstat's Dale-Chall easy-word list
    fog_complex: bool  # Gunning Fog's complex word: not easy, 3+ syllables
    difficult: bool  # textstat.difficult_words: not easy, 2+ syllables


@lru_cache(maxsize=1 << 16)
def word_profile(word: str) -> WordProfile:
    """The :class:`WordProfile` of one punctuation-stripped word.

    textstat counts a word's syllables three ways: looked up lowercased (its share of
    ``syllable_count``), re-stripped and re-split as spelled (polysyllables), and
    re-stripped after lowercasing (difficult words). For a word that is all letters and
    digits before and after lowercasing, stripping and splitting change nothing and the
    three agree; anything else (contractions, underscores, a capital whose lowercase gains
    a combining mark) is counted all three ways.
    """
    lower = word.lower()
    syllables = word_syllables(lower)
    if word.isalnum() and lower.isalnum():
        syllables_as_spelled = syllables_lowercased = syllables
    else:
        syllables_as_spelled = token_syllables(word)
        syllables_lowercased = token_syllables(lower)
    easy = lower in get_lang_easy_words(TEXTSTAT_LANG)
    return WordProfile(
        syllables=syllables,
        syllables_as_spelled=syllables_as_spelled,
        polysyllabic=syllables_as_spelled >= _POLYSYLLABLE,
        easy=easy,
        fog_complex=not easy and syllables_lowercased >= _FOG_SYLLABLES,
        difficult=not easy and syllables_lowercased >= _DIFFICULT_SYLLABLES,
    )


def words_of(text: str) -> list[str]:
    """textstat's word list (``lexicon_count`` counts it): punctuation stripped, case kept."""
    return strip_punctuation(text).split()


def word_tokens(text: str) -> Iterator[re.Match[str]]:
    """The white-space tokens of ``text`` that hold a word character, in order.

    Such a token leaves a word after textstat strips punctuation, and no other does: an
    apostrophe survives only before letters of the same token. These are exactly the
    matches of ``\\S*\\w\\S*``, found without that pattern's backtracking, which was
    quadratic in a long run of non-word characters (50,000 quotation marks took 101 s).
    """
    return (
        token for token in _WHITE_SPACE_TOKEN.finditer(text)
        if _WORD_CHARACTER.search(text, token.start(), token.end())
    )


def sentence_count(text: str) -> int:
    """textstat's ``sentence_count``: candidates of more than two words, at least 1.

    0 only for the empty string.
    """
    if not text:
        return 0
    candidates = _SENTENCE_CANDIDATE.findall(text)
    too_short = sum(1 for c in candidates if len(list(islice(word_tokens(c), 3))) <= 2)
    return max(1, len(candidates) - too_short)


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Every count textstat's metrics share, taken once for one text."""

    words: int
    sentences: int
    syllables: int
    polysyllabic: int
    fog_complex: int  # difficult words of 3+ syllables (Gunning Fog), every occurrence
    not_easy: int  # words off the easy-word list (Dale-Chall), every occurrence
    difficult_spellings: int  # distinct difficult spellings (textstat.difficult_words)
    letters: int
    non_space_chars: int
    tokens: int  # white-space separated tokens, punctuation included
    linsear_write: float


@lru_cache(maxsize=1 << 16)
def _word_tallies(word: str) -> tuple[int, int, int, int, int]:
    """One occurrence's share of (syllables, polysyllabic, not easy, fog complex,
    difficult) for :func:`count_text`: :func:`word_profile` as plain numbers."""
    profile = word_profile(word)
    easy = profile.easy
    return (
        profile.syllables,
        int(profile.polysyllabic),
        int(not easy),
        int(not easy and profile.fog_complex),
        int(not easy and profile.difficult),
    )


def count_text(text: str) -> TextCounts:
    """Take every count of ``text`` that :func:`textstat_scores` needs, looking each
    distinct word up once."""
    words = words_of(text)
    syllables = polysyllabic = fog_complex = not_easy = difficult = 0
    tallies_of = _word_tallies
    for word, n in Counter(words).items():
        word_syllables, word_polysyllabic, word_not_easy, word_fog, word_difficult = tallies_of(word)
        syllables += n * word_syllables
        polysyllabic += n * word_polysyllabic
        not_easy += n * word_not_easy
        fog_complex += n * word_fog
        difficult += word_difficult  # distinct spellings, not occurrences
    tokens = text.split()
    # str.split and re's \s agree on what is white space, so joining tokens drops exactly
    # what textstat's re.sub(r"\s", "", text) drops. Its letters are the word characters:
    # what stripping leaves, less the apostrophes kept in contractions.
    non_space_chars = sum(map(len, tokens))
    word_chars = "".join(words)
    return TextCounts(
        words=len(words),
        sentences=sentence_count(text),
        syllables=syllables,
        polysyllabic=polysyllabic,
        fog_complex=fog_complex,
        not_easy=not_easy,
        difficult_spellings=difficult,
        letters=len(word_chars) - word_chars.count("'"),
        non_space_chars=non_space_chars,
        tokens=len(tokens),
        linsear_write=_linsear_write(tokens, words),
    )


def _linsear_write(tokens: list[str], words: list[str]) -> float:
    """textstat's ``linsear_write_formula``: its first 100 words, 3 points per word of 3+
    syllables and 1 per other word, over the sentences of the tokens those words came from.

    textstat strips each white-space token in turn until it has 100 non-empty words.
    Stripping token by token gives the same words as stripping the text, so the sample is
    ``words[:100]``; the tokens it took are those up to the 100th token with a word
    character (the tokens that leave a word, see :func:`word_tokens`).
    """
    if len(tokens) > _LINSEAR_WORDS:
        sample = words[:_LINSEAR_WORDS]
        used = len(tokens)
        found = 0
        for index, token in enumerate(tokens):
            if _WORD_CHARACTER.search(token):
                found += 1
                if found == _LINSEAR_WORDS:
                    used = index + 1
                    break
    else:
        sample, used = words, len(tokens)
    points = 0
    for word in sample:
        syllables = word_profile(word).syllables_as_spelled
        points += 3 if syllables >= _POLYSYLLABLE else 1 if syllables > 0 else 0
    sentences = sentence_count(" ".join(tokens[:used]))
    if sentences == 0:
        return 0.0
    score = float(points / sentences)
    if score <= 20:
        score -= 2
    return score / 2


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def textstat_scores(text: str) -> dict[str, float | int]:
    """textstat's metrics and counts for ``text`` (keys: :data:`METRICS` + :data:`COUNTS`)."""
    return scores_from_counts(count_text(text))


def scores_from_counts(c: TextCounts) -> dict[str, float | int]:
    """Apply textstat's formulas (same operations, same order) to counts already taken."""
    words_per_sentence = _ratio(c.words, c.sentences)
    syllables_per_word = _ratio(c.syllables, c.words)
    no_flesch = words_per_sentence == 0 or syllables_per_word == 0
    letters_per_100 = _ratio(c.letters, c.words) * 100
    sentences_per_100 = _ratio(c.sentences, c.words) * 100
    chars_per_token = _ratio(c.non_space_chars, c.tokens)
    not_easy_percent = 100 * c.not_easy / c.words if c.words else None
    dale_chall = 0.0
    if not_easy_percent is not None:
        dale_chall = 0.1579 * not_easy_percent + 0.0496 * words_per_sentence
        if not_easy_percent > 5:
            dale_chall += 3.6365
    return {
        "flesch_reading_ease": 0.0
        if no_flesch
        else 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        "flesch_kincaid_grade": 0.0
        if no_flesch
        else (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59,
        "gunning_fog": 0.4 * (words_per_sentence + 100 * c.fog_complex / c.words)
        if c.words
        else 0.0,
        "smog_index": (1.043 * (30 * (c.polysyllabic / c.sentences)) ** 0.5) + 3.1291
        if c.sentences
        else 0.0,
        "coleman_liau_index": 0.0
        if letters_per_100 == 0 or sentences_per_100 == 0
        else (0.058 * letters_per_100) - (0.296 * sentences_per_100) - 15.8,
        "automated_readability_index": 0.0
        if chars_per_token == 0 or words_per_sentence == 0
        else (4.71 * chars_per_token) + (0.5 * words_per_sentence) - 21.43,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": c.linsear_write,
        "difficult_words": c.difficult_spellings,
        "polysyllabcount": c.polysyllabic,
        "lexicon_count": c.words,
        "sentence_count": c.sentences,
        "syllable_count": c.syllables,
    }
