"""Source mentions: who and what an article names, how often, and who is quoted.

:func:`find_mentions` turns the article's :class:`~analysis.entities.EntityIndex` (body
only) into :class:`Mention` rows with a ``role``: ``"speaker"`` for the mention that is the
speaker of a quote (from :func:`analysis.quotes.find_quotes`), else ``"mentioned"``. A quote
whose speaker span holds no mention (``it said``, resolved by the quote attribution to an
entity) adds a speaker mention for that span, so quoted sources are always counted.

Tables (tidy, one row per thing; built by :mod:`analysis.tables`, the same code that builds
a corpus's tables from ``extract`` records):

- :func:`mentions_table`: ``article_id, entity, surface, type, category, start, end,
  sentence, paragraph, role`` (``sentence`` indexes ``Segments.sentences``);
- :func:`entities_table`: ``article_id, entity, type, category, aliases, n_mentions,
  n_quotes, first_start`` (``aliases`` is the sorted list of distinct surfaces;
  ``n_quotes`` counts the quotes the entity speaks).

:func:`mention_record` gives the JSON form kept under ``mentions`` in ``extract`` records.
Options: ``gazetteer=`` (your own CSV, see :func:`analysis.entities.load_gazetteer`) and
``backend="spacy", nlp=...`` (names from an installed spaCy pipeline's NER instead of the
rules) are passed to :func:`analysis.entities.build_entity_index`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

from analysis.deferred import pandas as pd

from analysis.entities import (
    NAME_KINDS, EntityIndex, EntityMention, GazetteerSource, build_entity_index, by_start_longest_first,
)
from analysis.segment import Segments, segments_record
from analysis.spans import Span
from analysis.tables import TABLE_COLUMNS, tables_from_records

MENTION_COLUMNS = [column for column, _ in TABLE_COLUMNS["mentions"]]
ENTITY_COLUMNS = [column for column, _ in TABLE_COLUMNS["entities"]]
SPEAKER, MENTIONED = "speaker", "mentioned"


class AttributionLike(Protocol):
    """What mentions need of an :class:`analysis.quotes.Attribution`."""

    speaker: Span | None
    speaker_entity: str | None


@dataclass(frozen=True, slots=True)
class Mention(EntityMention):
    """An entity mention with its role in the article's quotes: speaker or mentioned."""

    role: str = MENTIONED


def find_mentions(
    text: str,
    segments: Segments,
    attributions: Iterable[AttributionLike] = (),
    *,
    entities: EntityIndex | None = None,
    gazetteer: GazetteerSource = None,
    backend: str = "rules",
    nlp: Any = None,
) -> list[Mention]:
    """Every mention in the body of ``text``, sorted by start, each with its role.

    ``entities`` is the index built earlier in the pipeline (built here from ``gazetteer``,
    ``backend`` and ``nlp`` when None). ``attributions`` are the article's quotes; one
    mention per quote with a speaker becomes ``role="speaker"``.
    """
    index = entities if entities is not None else build_entity_index(
        text, segments, gazetteer=gazetteer, backend=backend, nlp=nlp
    )
    speakers: set[int] = set()  # id() of the index's mentions that speak
    added: list[EntityMention] = []
    for attribution in attributions:
        span = attribution.speaker
        if span is None:
            continue
        chosen = _speaker_mention(index, span, attribution.speaker_entity)
        if chosen is not None:
            speakers.add(id(chosen))
        elif attribution.speaker_entity:
            added.append(_resolved_speaker(text, index, span, attribution.speaker_entity))
    rows = [
        Mention(m.start, m.end, m.surface, m.entity, m.type, m.category, m.kind, SPEAKER if id(m) in speakers else MENTIONED)
        for m in index.mentions
    ]
    rows += [Mention(m.start, m.end, m.surface, m.entity, m.type, m.category, m.kind, SPEAKER) for m in added]
    return by_start_longest_first(rows)


def _speaker_mention(index: EntityIndex, span: Span, speaker_entity: str | None) -> EntityMention | None:
    """The one mention that speaks: inside the speaker span, of the speaker's entity if known."""
    inside = index.overlapping(span.start, span.end)
    if speaker_entity:
        same = [m for m in inside if m.entity == speaker_entity]
        if same:
            return min(same, key=lambda m: (m.kind not in NAME_KINDS, m.start))
        if inside:
            return None  # the span names someone else too; the resolved speaker is added
    return index.entity_in(span.start, span.end)


def _resolved_speaker(text: str, index: EntityIndex, span: Span, entity: str) -> EntityMention:
    """A mention for a speaker span that holds no name (a pronoun or an unlisted description)."""
    known = index.of_entity(entity)
    reference = next((m for m in known if m.kind in NAME_KINDS), known[0] if known else None)
    type_ = reference.type if reference else "MISC"
    category = reference.category if reference else None
    return EntityMention(span.start, span.end, text[span.start:span.end], entity, type_, category, "reference")


def mention_record(m: Mention) -> dict:
    """The JSON form of a mention in an ``extract`` record."""
    return {
        "entity": m.entity,
        "type": m.type,
        "category": m.category,
        "surface": m.surface,
        "span": [m.start, m.end],
        "role": m.role,
    }


def _table_record(text: str, segments: Segments, mentions: Sequence[Mention], article_id: str) -> dict:
    """The parts of an ``extract`` record that the mention and entity tables are built from."""
    return {"id": article_id, "text": text, **segments_record(segments), "mentions": [mention_record(m) for m in mentions]}


def mentions_table(text: str, segments: Segments, mentions: Sequence[Mention], *, article_id: str = "") -> pd.DataFrame:
    """One article's mention table, as :mod:`analysis.tables` builds it for a corpus."""
    return tables_from_records([_table_record(text, segments, mentions, article_id)]).mentions


def entities_table(text: str, segments: Segments, mentions: Sequence[Mention], *, article_id: str = "") -> pd.DataFrame:
    """One article's entity table, as :mod:`analysis.tables` builds it for a corpus."""
    return tables_from_records([_table_record(text, segments, mentions, article_id)]).entities
