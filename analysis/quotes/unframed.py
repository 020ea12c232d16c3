"""Quotations with no frame: sentence-like quotations that no cue frames and no attribution
carries on (:func:`analysis.quotes.continuations._is_unframed_speech`), weighed after every
other rule has run, so that they never stand in the way of a continuation.

None of them gets a speaker. Reading one from the sentences around (the subject of the
quotation's own sentence, the subject or the last attribution of the sentence before) was
right for well under 0.8 of them on PolNeAR train (docs/benchmarks.md, "Twelfth round (b)"),
and a null speaker says "unresolved" where a guess would mislead. They are returned (rule
``direct-unframed``) only when the caller asks for them. ``_unframed_quotations`` returns
the drafts kept."""
from __future__ import annotations

from analysis.quote_marks import FurthestEnd
from analysis.quotes.drafts import _Draft, _any_between

UNFRAMED_RULE = "direct-unframed"
UNFRAMED_CONFIDENCE = 0.3


def _unframed_quotations(text: str, unframed: list[_Draft], drafts: list[_Draft], *,
                         include_unattributed: bool) -> list[_Draft]:
    """The unframed quotations (one content span each) that no draft's content overlaps,
    when ``include_unattributed``."""
    if not include_unattributed:
        return []
    taken = FurthestEnd([(span.start, span.end) for draft in drafts for span in draft.content])
    kept = []
    for draft in unframed:
        quote = draft.content[0]
        if taken.reach(quote.start) > quote.start or _any_between(taken.starts, quote.start, quote.end):
            continue  # inside, or holding, another attribution's content
        kept.append(draft)
    return kept
