"""Readability scores of one text, with flags saying when they should not be trusted.

:func:`scores` returns textstat's metrics (keys named after the textstat functions, values
equal to theirs; see :mod:`analysis.readability.formulas`) plus the kit's own counts under
``kit_`` names: ``kit_words`` (white-space separated tokens, as ``n_words`` in the
``articles`` table of :mod:`analysis.load`),
``kit_sentences`` (sentences from the kit's segmenter) and ``kit_mean_sentence_length``.

:func:`assessed_scores` adds the honest limits as ``flags``:

- ``unsupported_language``: most letters are not Latin script (Devanagari, Bengali,
  Kannada, CJK, Arabic…); textstat's English formulas mean nothing there, so every score
  is ``None``.
- ``empty_text``: no words; every metric is ``None`` (the counts stay, as zeros).
- ``short_text``: fewer than 100 words; grades of single sentences and short paragraphs
  swing widely, and Linsear Write is defined on a 100-word sample.
- ``smog_needs_30_sentences``: SMOG was calibrated on 30-sentence samples.
- ``textstat_undercounts_sentences``: textstat counts sentences by ``.``, ``!`` and ``?``;
  when it finds fewer than half the sentences the kit's segmenter found, every
  per-sentence average (and so every grade) is inflated. Typical for ``quoted`` text, whose
  pieces often end without a full stop (``…on our service"``) and run together.

Flagged-but-computed values are kept; the flags travel with them in every table and record.
"""
from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from functools import lru_cache

from analysis.readability.formulas import COUNTS, METRICS, count_text, scores_from_counts
from analysis.segment import paragraph_spans
from analysis.sentences import sentence_spans

KIT_COUNTS = ("kit_words", "kit_sentences", "kit_mean_sentence_length")
SCORE_KEYS = METRICS + COUNTS + KIT_COUNTS

UNSUPPORTED_LANGUAGE = "unsupported_language"
EMPTY_TEXT = "empty_text"
SHORT_TEXT = "short_text"
SMOG_NEEDS_30_SENTENCES = "smog_needs_30_sentences"
TEXTSTAT_UNDERCOUNTS_SENTENCES = "textstat_undercounts_sentences"

MIN_LATIN_SHARE = 0.5  # below this share of Latin letters, English formulas are not applied
MIN_WORDS = 100
SMOG_MIN_SENTENCES = 30

def scores(text: str, *, kit_sentences: int | None = None) -> dict[str, float | int | None]:
    """textstat's readability metrics for ``text`` plus the kit's own counts.

    ``kit_sentences`` is the number of sentences the kit's segmenter found in ``text``;
    callers that already segmented the article pass it, otherwise it is counted here
    with :func:`kit_sentence_count`. ``kit_mean_sentence_length`` is ``None`` when there
    are no sentences.

    The values are textstat's for any string, also non-English ones; the reliability
    flags, and ``None`` for unsupported or empty text, come from :func:`assessed_scores`.
    """
    if kit_sentences is None:
        kit_sentences = kit_sentence_count(text)
    counts = count_text(text)
    kit_words = counts.tokens  # white-space tokens, as len(text.split())
    return {
        **scores_from_counts(counts),
        "kit_words": kit_words,
        "kit_sentences": kit_sentences,
        "kit_mean_sentence_length": kit_words / kit_sentences if kit_sentences else None,
    }


def kit_sentence_count(text: str) -> int:
    """Sentences in ``text`` as the kit's segmenter splits them: into paragraphs, then
    sentences within each, without the boilerplate step (a bare text has no body)."""
    return sum(len(sentence_spans(text, p.start, p.end)) for p in paragraph_spans(text))


@lru_cache(maxsize=4096)
def _is_latin_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN ")


_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def latin_letter_share(text: str) -> float | None:
    """Share of the letters in ``text`` that are Latin script; ``None`` if it has none."""
    # ASCII letters are the Latin letters of most texts: count them with bytes operations,
    # and look up only the (few) other characters one by one.
    ascii_part = text.encode("ascii", "ignore")
    letters = latin = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if len(ascii_part) < len(text):
        for char, n in Counter("".join(_NON_ASCII_RUN.findall(text))).items():
            if char.isalpha():
                letters += n
                latin += n if _is_latin_letter(char) else 0
    return latin / letters if letters else None


# Matches every non-ASCII letter (and a few other word characters, such as "½"): where it
# finds nothing, a text's letters are all ASCII, so all Latin.
_NON_ASCII_LETTER_OR_NUMERAL = re.compile(r"[^\W\d_\x00-\x7f]")


def is_supported_language(text: str) -> bool:
    """False when most of the letters in ``text`` are in a non-Latin script."""
    if text.isascii() or not _NON_ASCII_LETTER_OR_NUMERAL.search(text):  # its letters, if any, are all Latin
        return True
    share = latin_letter_share(text)
    return share is None or share >= MIN_LATIN_SHARE


def length_flags(text_scores: dict[str, float | int | None]) -> list[str]:
    """The length and sentence flags (module docstring) for a supported text's :func:`scores`."""
    if not text_scores["lexicon_count"]:
        return [EMPTY_TEXT]
    flags = []
    if text_scores["lexicon_count"] < MIN_WORDS:
        flags.append(SHORT_TEXT)
    if text_scores["sentence_count"] < SMOG_MIN_SENTENCES:
        flags.append(SMOG_NEEDS_30_SENTENCES)
    if 2 * text_scores["sentence_count"] < text_scores["kit_sentences"]:
        flags.append(TEXTSTAT_UNDERCOUNTS_SENTENCES)
    return flags


def assessed_scores(text: str, *, kit_sentences: int) -> dict[str, object]:
    """:func:`scores` plus their ``flags`` list.

    Unsupported-language text gets ``None`` for every score; empty text keeps its (zero)
    counts and gets ``None`` for every metric.
    """
    if not is_supported_language(text):
        return {**dict.fromkeys(SCORE_KEYS), "flags": [UNSUPPORTED_LANGUAGE]}
    text_scores = scores(text, kit_sentences=kit_sentences)
    flags = length_flags(text_scores)
    if EMPTY_TEXT in flags:
        text_scores.update(dict.fromkeys(METRICS))
    return {**text_scores, "flags": flags}
