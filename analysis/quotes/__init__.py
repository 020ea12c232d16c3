"""Quote attribution: who said what, as direct, indirect and mixed attributions.

:func:`find_quotes` searches the body of an article (see :mod:`analysis.segment`) and
returns :class:`Attribution` items sorted by their first content character, each with the
``rule`` that made it and a ``confidence``:

- ``direct``: a quotation in quotation marks (:mod:`analysis.quote_marks`) framed by a cue
  after or before it (:mod:`.frames`), by a clause or a name ending in a colon
  (:mod:`.headlines`), or carrying on an attribution: split by its frame, right after it,
  over a paragraph break (:mod:`.continuations`); built in :mod:`.direct`; a quotation
  line signed with a dash and a name (``"…" — Jane Doe``, :mod:`.dashes`);
- ``indirect``: reported speech around a cue verb, ``according to X``, refusals, ``Asked
  whether …`` openers, stance verbs with their object, findings (:mod:`.indirect`) and
  name-colon and title-case headlines (:mod:`.headlines`);
- ``mixed``: indirect speech with a quoted phrase inside its content, and a quoted phrase in
  the object of a cue, a claim noun's clause, an unlisted verb's that-clause, an
  infinitive's object or after a passive cue with an agent (:mod:`.mixed`).

A long quoted sentence with no frame and no attribution to join is a ``direct``
attribution with no speaker (rule ``direct-unframed``, :mod:`.unframed`); shorter unframed
quotations come only on request, and scare quotes and titles are not attributions. Cues
come from ``analysis/data/cue_verbs.csv`` (:mod:`.cues`); shared clause and subject helpers
are in :mod:`.clauses`, regions and drafts in :mod:`.drafts`. Speakers are resolved to
entities by :mod:`analysis.speakers`, through an :class:`analysis.entities.EntityIndex`
when one is given.

:func:`quote_record` gives the JSON form used in ``extract`` records and
:func:`quotes_table` a tidy DataFrame with the columns in :data:`QUOTE_COLUMNS`:
article_id, quote (the attribution's number, 0..n-1), kind, content_start, content_end
(first to last content character), content_spans (list of [start, end]), content (their
texts joined by " … "), cue_start, cue_end, cue, speaker_start, speaker_end, speaker,
speaker_entity, rule, confidence, sentence and paragraph (indexes, into
``segments.sentences`` / ``segments.paragraphs``, of the first content character).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from analysis.deferred import pandas as pd

from analysis.quote_marks import FurthestEnd
from analysis.segment import Segments, segments_record
from analysis.spans import Span
from analysis.speakers import CandidateIndex, resolve_speakers, speaker_before, subject_before
from analysis.tables import TABLE_COLUMNS, table_rows, typed_frame
from analysis.quotes.drafts import _Draft, _Region, _has_quote_mark, _regions
from analysis.quotes.cues import _CueIndex, cue_words
from analysis.quotes.dashes import _cede_to_signed, _signed_quotations
from analysis.quotes.continuations import _following_quotations, _quotation_paragraphs_after_reports
from analysis.quotes.headlines import _digest_items
from analysis.quotes.direct import _direct
from analysis.quotes.indirect import _indirect, _to_quotation_ends
from analysis.quotes.mixed import _quoted_objects
from analysis.quotes.unframed import UNFRAMED_RULE, _unframed_quotations

__all__ = ["QUOTE_COLUMNS", "Attribution", "cue_words", "find_quotes", "quote_record", "quotes_table"]

QUOTE_COLUMNS = [column for column, _ in TABLE_COLUMNS["quotes"]]


@dataclass(frozen=True)
class Attribution:
    """One reported statement: content span(s), cue, speaker (as written) and entity."""

    kind: str
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    speaker_entity: str | None
    rule: str
    confidence: float


def find_quotes(text: str, segments: Segments, *, entities=None, include_unattributed: bool = False) -> list[Attribution]:
    """Every attribution in the body of ``text``, sorted by first content character.

    Long quoted sentences that have no frame and no attribution to join come with no
    speaker (rule ``direct-unframed``, low confidence); ``include_unattributed``: also
    return the shorter sentence-like quotations of that kind.
    """
    regions = _regions(segments)
    if not regions:
        return []
    cues = _CueIndex(text, regions)
    direct, quotes, used_cues = _direct(text, regions, cues)
    unframed = [d for d in direct if d.rule == UNFRAMED_RULE]
    direct = [d for d in direct if d.rule != UNFRAMED_RULE]
    digest = _digest_items(text, regions)
    if digest:
        taken = FurthestEnd([(d.content[0].start, d.content[0].end) for d in digest])
        direct = [d for d in direct if not any(taken.reach(c.start) > c.start for c in d.content)] + digest
    signed = _signed_quotations(text, regions)
    if signed:
        direct = _cede_to_signed(direct, signed) + signed
    indirect = _indirect(text, regions, cues, quotes, used_cues, direct)
    quoted_objects = _quoted_objects(text, regions, cues, quotes, direct + indirect)
    indirect = _following_quotations(text, regions, cues, _to_quotation_ends(indirect, quotes), quotes, direct)
    indirect = _quotation_paragraphs_after_reports(text, regions, indirect, quotes, direct)
    drafts = direct + indirect + quoted_objects
    drafts += _unframed_quotations(text, unframed, drafts, include_unattributed=include_unattributed)
    drafts = sorted(drafts, key=lambda d: d.content[0].start)
    drafts = _drop_overlaps(_issuers_as_speakers(text, regions, drafts))
    index = entities if entities is not None else CandidateIndex(text, [(r.start, r.end) for r in regions])
    entity_names = resolve_speakers(text, [d.speaker for d in drafts], index)
    out = []
    for draft, entity in zip(drafts, entity_names):
        kind = draft.kind
        if kind == "indirect" and _has_quote_mark(text, draft.content):
            kind = "mixed"
        out.append(Attribution(kind, tuple(draft.content), draft.cue, draft.speaker, entity, draft.rule, draft.confidence))
    return out


# "Trump issued a statement saying …": the one who issued the document is the speaker, not
# "a statement" (a definite "the statement said" stays the speaker).
_ISSUED_DOCUMENT = re.compile(
    r"(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|release|e-?mail|tweet|letter|ad|video|memo)(?:\s+[A-Z]\w+day)?",
)
_ISSUING_VERB = re.compile(r"\b(?:issued|released|sent(?:\s+out)?|put\s+out|posted|published|revised)\s+$")


def _issuers_as_speakers(text: str, regions: list[_Region], drafts: list[_Draft]) -> list[_Draft]:
    sentence_starts: list[int] | None = None  # listed only for an article that needs them
    out = []
    for draft in drafts:
        speaker = draft.speaker
        if speaker is not None and _ISSUED_DOCUMENT.fullmatch(text, speaker.start, speaker.end):
            if sentence_starts is None:
                sentence_starts = [start for region in regions for start, _ in region.sentences]
            lo = sentence_starts[max(bisect.bisect_right(sentence_starts, speaker.start) - 1, 0)]
            verb = _ISSUING_VERB.search(text, max(lo, speaker.start - 20), speaker.start)
            issuer = verb and (speaker_before(text, lo, verb.start()) or subject_before(text, lo, verb.start()))
            if issuer:
                draft = replace(draft, speaker=issuer)
        out.append(draft)
    return out


def _drop_overlaps(drafts: list[_Draft]) -> list[_Draft]:
    """An indirect draft whose content lies inside a direct quotation's is dropped."""
    direct = FurthestEnd([(s.start, s.end) for d in drafts if d.kind == "direct" for s in d.content])
    kept = []
    for draft in drafts:
        if draft.kind != "direct" and any(direct.reach(c.start) >= c.end for c in draft.content):
            continue
        kept.append(draft)
    return kept


def quote_record(a: Attribution) -> dict:
    """The JSON form of one attribution, as stored in ``extract`` records."""
    # Spans written out inline (no method call per span); an empty span is falsy, as before.
    cue, speaker = a.cue, a.speaker
    return {
        "kind": a.kind,
        "content": [[s.start, s.end] for s in a.content],
        "cue": [cue.start, cue.end] if cue is not None and cue.end > cue.start else None,
        "speaker": [speaker.start, speaker.end] if speaker is not None and speaker.end > speaker.start else None,
        "speaker_entity": a.speaker_entity,
        "rule": a.rule,
        "confidence": a.confidence,
    }


def quotes_table(text: str, segments: Segments, attributions, *, article_id: str = "") -> pd.DataFrame:
    """One row per attribution, columns :data:`QUOTE_COLUMNS`: the corpus quote table of
    :mod:`analysis.tables` for this one article (``quote`` numbers the attributions from 0,
    ``content`` joins the content texts with :data:`analysis.tables.CONTENT_JOINER`)."""
    record = {"id": article_id, "text": text, **segments_record(segments), "quotes": [quote_record(a) for a in attributions]}
    return typed_frame("quotes", table_rows([record], metrics=())["quotes"])
