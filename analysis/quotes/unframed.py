"""Quotations with no frame: sentence-like quotations that no cue frames and no attribution
carries on (:func:`analysis.quotes.continuations._is_unframed_speech`), weighed after every
other rule has run, so that they never stand in the way of a continuation.

None of them gets a speaker. Reading one from the sentences around (the subject of the
quotation's own sentence, the subject or the last attribution of the sentence before) was
right for well under 0.8 of them on PolNeAR train (docs/benchmarks.md, "Twelfth round (b)"),
and a null speaker says "unresolved" where a guess would mislead. A long quoted sentence
(capital first word, sentence-final punctuation inside the marks, not a title, at least
``MIN_UNFRAMED_WORDS`` words) is returned by default with rule ``direct-unframed``; other
unframed speech (short sentences, quoted clauses) only when the caller asks for it.
``_unframed_quotations`` returns the drafts kept."""
from __future__ import annotations

from analysis.quote_marks import FurthestEnd
from analysis.spans import Span
from analysis.quotes.drafts import _Draft, _WORD, _any_between
from analysis.quotes.continuations import MIN_UNFRAMED_WORDS

UNFRAMED_RULE = "direct-unframed"
UNFRAMED_CONFIDENCE = 0.3
MIN_TITLE_WORD_LENGTH = 4  # a title capitalises every word this long ('The Facts on Where the Race Stands.')
_CLOSING_MARKS = "\"”’'»"
_SENTENCE_END = frozenset(".?!")


def _is_long_quoted_sentence(text: str, quote: Span) -> bool:
    """A whole sentence in quotation marks, of ``MIN_UNFRAMED_WORDS`` words or more: a capital
    first word and ``.``, ``?`` or ``!`` just inside the closing mark; a title in title case
    ('“The Late Show with Stephen Colbert.”') is not one."""
    words = _WORD.findall(text, quote.start, quote.end)
    inside = text[quote.start:quote.end].rstrip(_CLOSING_MARKS + " \t\xa0")
    if len(words) < MIN_UNFRAMED_WORDS or not words[0][0].isupper() or inside[-1:] not in _SENTENCE_END:
        return False
    long_words = [word for word in words if len(word) >= MIN_TITLE_WORD_LENGTH]
    return not long_words or not all(word[0].isupper() for word in long_words)


def _unframed_quotations(text: str, unframed: list[_Draft], drafts: list[_Draft], *,
                         include_unattributed: bool) -> list[_Draft]:
    """The unframed quotations (one content span each) that no draft's content overlaps:
    long quoted sentences, and every one when ``include_unattributed``."""
    taken = FurthestEnd([(span.start, span.end) for draft in drafts for span in draft.content])
    kept = []
    for draft in unframed:
        quote = draft.content[0]
        if taken.reach(quote.start) > quote.start or _any_between(taken.starts, quote.start, quote.end):
            continue  # inside, or holding, another attribution's content
        if include_unattributed or _is_long_quoted_sentence(text, quote):
            kept.append(draft)
    return kept
