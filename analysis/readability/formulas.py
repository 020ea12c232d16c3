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
from dataclasses import dataclass
from typing import NamedTuple

import analysis.lazy_nltk  # noqa: F401  (before textstat, which would import all of NLTK)
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words

from analysis.syllables import TEXTSTAT_LANG, strip_punctuation, token_syllables, word_syllables

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


class WordProfile(NamedTuple):
    """What textstat's metrics need to know about one word (as spelled in the text)."""

    syllables: int  # its share of syllable_count (the lowercased word looked up directly)
    syllables_as_spelled: int  # what polysyllabcount and Linsear Write count
    polysyllabic: bool  # counted by polysyllabcount and SMOG: 3+ syllables
    easy: bool  # on textstat's Dale-Chall easy-word list
    fog_complex: bool  # Gunning Fog's complex word: not easy, 3+ syllables
    difficult: bool  # textstat.difficult_words: not easy, 2+ syllables


def _syllable_counts(word: str, lower: str) -> tuple[int, int, int]:
    """A punctuation-stripped word's syllables counted textstat's three ways.

    textstat counts them looked up lowercased (the word's share of ``syllable_count``),
    re-stripped and re-split as spelled (polysyllables, Linsear Write), and re-stripped
    after lowercasing (difficult words, Gunning Fog). For a word that is all letters and
    digits before and after lowercasing, stripping and splitting change nothing and the
    three agree; anything else (contractions, underscores, a capital whose lowercase gains
    a combining mark) is counted all three ways.
    """
    syllables = word_syllables(lower)
    if word.isalnum() and lower.isalnum():
        return syllables, syllables, syllables
    return syllables, token_syllables(word), token_syllables(lower)


_EASY_WORDS = get_lang_easy_words(TEXTSTAT_LANG)


def word_profile(word: str) -> WordProfile:
    """The :class:`WordProfile` of one punctuation-stripped word."""
    lower = word.lower()
    syllables, syllables_as_spelled, syllables_lowercased = _syllable_counts(word, lower)
    easy = lower in _EASY_WORDS
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


def sentence_count(text: str) -> int:
    """textstat's ``sentence_count``: candidates of more than two words, at least 1.

    0 only for the empty string.
    """
    return _sentences_of_tokens(text.split()) if text else 0


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


# What one white-space token adds to each count of a text. textstat strips punctuation from
# the whole text, but what it strips depends only on the characters that follow within the
# same token (an apostrophe stays before a contraction ending), so a token leaves at most
# one word and always the same one: a text's counts are the sums of its tokens' shares.
# The shares are packed into one int, a field of _FIELD_BITS bits each, so that one C-level
# ``sum(map(...))`` adds them all up. No field of a text shorter than 2**38 characters
# overflows (a token has at most 3 syllables a character: "w" is "double-you"). The fields
# that are most often 0 come last, so most words' ints are shorter and add faster.
_TOKEN_FIELDS = (
    "words", "syllables", "letters", "non_space_chars", "linsear_points", "not_easy", "polysyllabic",
    "fog_complex",
)
_FIELD_BITS = 40
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_SHIFT = tuple(index * _FIELD_BITS for index in range(len(_TOKEN_FIELDS)))
_WORDS, _SYLLABLES, _LETTERS, _NON_SPACE_CHARS, _LINSEAR_POINTS, _NOT_EASY, _POLYSYLLABIC, _FOG_COMPLEX = (
    range(len(_TOKEN_FIELDS))
)
# Distinct tokens kept before the tables are emptied, to bound memory over a long corpus.
_MAX_REMEMBERED_TOKENS = 1 << 17


def _field(packed: int, index: int) -> int:
    return (packed >> _SHIFT[index]) & _FIELD_MASK


# textstat's sentence candidates are the runs of text between runs of ``.!?`` (from a run's
# first word character on); a candidate counts when more than two of its white-space
# pieces hold a word character. A token's pieces are written as "w" (holds a word
# character) or "" (does not), with "." where a run of marks cuts the token: "U.S." is
# "w.w.", "said," is "w", "—" is "". Joined over a text's tokens, the candidates that count
# are the runs of three or more "w".
_SENTENCE_MARKS = re.compile(r"[.!?]+")
_THREE_WORD_PIECES = re.compile(r"w{3,}")
_CLOSING_MARKS = "\"')]}\u2019\u201d"
_SENTENCE_END = ".!?" + _CLOSING_MARKS


def _pieces(token: str) -> str:
    """A token's pieces with word characters and the sentence marks between them (above)."""
    return ".".join("w" if _WORD_CHARACTER.search(part) else "" for part in _SENTENCE_MARKS.split(token))


# word -> its packed shares of every count but non_space_chars (those depend on the token
# around it), and itself if it is a difficult word (textstat.difficult_words) or "". Plain
# tuples of ints and strings are untracked by the garbage collector, a NamedTuple is not
# (it is no exact tuple), and a corpus meets tens of thousands of distinct words that
# would lengthen every full collection. Emptied with the token tables.
_WORD_FACTS: dict[str, tuple[int, str]] = {}


# The constant parts of a word's packed shares.
_ONE_WORD = 1 << _SHIFT[_WORDS]
_SYLLABLES_SHIFT = _SHIFT[_SYLLABLES]
_LETTERS_SHIFT = _SHIFT[_LETTERS]
_ONE_POLYSYLLABIC_THREE_POINTS = 1 << _SHIFT[_POLYSYLLABIC] | 3 << _SHIFT[_LINSEAR_POINTS]
_ONE_POINT = 1 << _SHIFT[_LINSEAR_POINTS]
_ONE_NOT_EASY = 1 << _SHIFT[_NOT_EASY]
_ONE_FOG_COMPLEX = 1 << _SHIFT[_FOG_COMPLEX]
_NON_SPACE_CHARS_SHIFT = _SHIFT[_NON_SPACE_CHARS]


def _word_facts(word: str) -> tuple[int, str]:
    """A word's entry of ``_WORD_FACTS``, made on first sight (its counts as
    :func:`word_profile` gives them, without building the profile)."""
    facts = _WORD_FACTS.get(word)
    if facts is not None:
        return facts
    syllables, spelled, lowercased = _syllable_counts(word, lower := word.lower())
    letters = len(word) - word.count("'")
    shares = _ONE_WORD | syllables << _SYLLABLES_SHIFT | letters << _LETTERS_SHIFT
    if spelled >= _POLYSYLLABLE:
        shares |= _ONE_POLYSYLLABIC_THREE_POINTS
    elif spelled > 0:
        shares |= _ONE_POINT
    if lower in _EASY_WORDS:
        facts = _WORD_FACTS[word] = (shares, "")
        return facts
    if lowercased >= _FOG_SYLLABLES:
        shares |= _ONE_FOG_COMPLEX
    facts = _WORD_FACTS[word] = (shares | _ONE_NOT_EASY, word if lowercased >= _DIFFICULT_SYLLABLES else "")
    return facts


# Marks that strip_punctuation removes wherever they stand: none is a word character, white
# space or the apostrophe its contraction rule reads. A token of letters and digits with
# only these around or inside them strips to what is left once they are deleted (a test
# checks every mark against strip_punctuation's pattern).
_STRIPPED_MARKS = ".,;:!?\"()[]{}<>*/\\#$%&+=@^`|~-\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
# Latin letters, digits and ASCII map to themselves: str.translate looks each character of a
# token up, and one the table lacks costs a raised and caught LookupError.
_DELETE_STRIPPED_MARKS = {code: code for code in range(0x250)} | str.maketrans("", "", _STRIPPED_MARKS)


def _token_facts(token: str) -> tuple[int, str, str]:
    """What a text's counts need of one token: its packed shares (``_TOKEN_FIELDS``), the
    word it leaves if that is a difficult word (textstat.difficult_words) or "", and its
    sentence pieces (:func:`_pieces`)."""
    token_chars = len(token) << _NON_SPACE_CHARS_SHIFT
    if token.isalnum():  # letters and digits only: nothing to strip, no sentence mark
        shares, difficult = _word_facts(token)
        return shares | token_chars, difficult, "w"
    word = token.translate(_DELETE_STRIPPED_MARKS)
    if word and not word.isalnum():
        word = strip_punctuation(token)
    # Stripping keeps word characters, and apostrophes only before letters, so a token
    # leaves a word exactly when it holds a word character: without marks, that is its piece.
    if "." in token or "!" in token or "?" in token:
        head = token.rstrip(_SENTENCE_END)
        if (
            word and "." not in head and "!" not in head and "?" not in head
            and not token[len(head):].strip(_CLOSING_MARKS).strip(".!?")
        ):
            # the commonest case ("said.", 'No!"'): the word characters, then one run of marks
            # among closing quotes and brackets, none a word character
            pieces = "w."
        else:
            pieces = _pieces(token)
    else:
        pieces = "w" if word else ""
    if not word:
        return token_chars, "", pieces
    shares, difficult = _word_facts(word)
    return shares | token_chars, difficult, pieces


class _TokenTable(dict):
    """token -> one of its :func:`_token_facts`, filled on first lookup. The facts are pure,
    so the tables are kept across texts; a miss in one fills all three."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position

    def __missing__(self, token: str):
        if len(self) >= _MAX_REMEMBERED_TOKENS:
            for table in _TABLES:
                table.clear()
            _WORD_FACTS.clear()
        facts = _SHARES[token], _DIFFICULT_SPELLING[token], _PIECES[token] = _token_facts(token)
        return facts[self.position]


_SHARES, _DIFFICULT_SPELLING, _PIECES = _TABLES = tuple(_TokenTable(position) for position in range(3))


def clear_word_caches() -> None:
    """Forget every word and token fact remembered so far (benchmarks time cold runs)."""
    _WORD_FACTS.clear()
    for table in _TABLES:
        table.clear()


def _sentences_of_tokens(tokens: list[str]) -> int:
    """textstat's ``sentence_count`` of a non-empty text with these white-space tokens."""
    return max(1, len(_THREE_WORD_PIECES.findall("".join(map(_PIECES.__getitem__, tokens)))))


def count_text(text: str) -> TextCounts:
    """Take every count of ``text`` that :func:`textstat_scores` needs, looking each
    distinct token up once (in this text or an earlier one)."""
    tokens = text.split()
    # str.split and re's \s agree on what is white space, so the tokens are textstat's too.
    shares_of = _SHARES.__getitem__
    total = sum(map(shares_of, tokens))
    difficult = set(map(_DIFFICULT_SPELLING.__getitem__, tokens))
    difficult.discard("")
    return TextCounts(
        words=_field(total, _WORDS),
        sentences=_sentences_of_tokens(tokens) if text else 0,
        syllables=_field(total, _SYLLABLES),
        polysyllabic=_field(total, _POLYSYLLABIC),
        fog_complex=_field(total, _FOG_COMPLEX),
        not_easy=_field(total, _NOT_EASY),
        difficult_spellings=len(difficult),
        letters=_field(total, _LETTERS),
        non_space_chars=_field(total, _NON_SPACE_CHARS),
        tokens=len(tokens),
        linsear_write=_linsear_write(tokens, shares_of),
    )


def _linsear_write(tokens: list[str], shares_of) -> float:
    """textstat's ``linsear_write_formula``: its first 100 words, 3 points per word of 3+
    syllables and 1 per other word, over the sentences of the tokens those words came from.

    textstat strips each white-space token in turn until it has 100 non-empty words: the
    sample is the words of the shortest run of leading tokens that holds 100 of them (or
    of all tokens). The run grows by as many tokens as words are missing, so when it
    reaches 100 words its last token holds the 100th.
    """
    used = min(len(tokens), _LINSEAR_WORDS)
    packed = sum(map(shares_of, tokens[:used]))
    while (missing := _LINSEAR_WORDS - _field(packed, _WORDS)) and used < len(tokens):
        more = tokens[used:used + missing]
        packed += sum(map(shares_of, more))
        used += len(more)
    sentences = _sentences_of_tokens(tokens[:used]) if used else 0
    if sentences == 0:
        return 0.0
    score = float(_field(packed, _LINSEAR_POINTS) / sentences)
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
