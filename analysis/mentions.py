"""Source mentions: who and what an article names, how often, and who is quoted.

:func:`find_mentions` turns the article's :class:`~analysis.entities.EntityIndex` (body
only) into :class:`Mention` rows with a ``role``: ``"speaker"`` for the mention that is the
speaker of a quote (from :func:`analysis.quotes.find_quotes`), else ``"mentioned"``. A quote
whose speaker span holds no mention (``it said``, resolved by the quote attribution to an
entity) adds a speaker mention for that span, so quoted sources are always counted.

Tables (tidy, one row per thing):

- :func:`mentions_table`: ``article_id, entity, surface, type, category, start, end,
  sentence, paragraph, role`` (``sentence`` indexes ``Segments.sentences``; -1 if none);
- :func:`entities_table` / :func:`summarise_entities`: ``article_id, entity, type,
  category, aliases, n_mentions, n_quotes, first_start`` (``aliases`` is the sorted list of
  distinct surfaces; ``n_quotes`` counts the quotes the entity speaks).

:func:`mention_record` gives the JSON form kept under ``mentions`` in ``extract`` records.
Options: ``gazetteer=`` (your own CSV, see :func:`analysis.entities.load_gazetteer`) and
``backend="spacy", nlp=...`` (names from an installed spaCy pipeline's NER instead of the
rules) are passed to :func:`analysis.entities.build_entity_index`.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Protocol, Sequence

import pandas as pd

from analysis.entities import NAME_KINDS, EntityIndex, EntityMention, GazetteerSource, build_entity_index
from analysis.segment import Segments
from analysis.spans import Span

MENTION_COLUMNS = ["article_id", "entity", "surface", "type", "category", "start", "end", "sentence", "paragraph", "role"]
ENTITY_COLUMNS = ["article_id", "entity", "type", "category", "aliases", "n_mentions", "n_quotes", "first_start"]
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
    mentions = list(index.mentions)
    position = {id(m): i for i, m in enumerate(mentions)}
    speakers: set[int] = set()
    added: list[EntityMention] = []
    for attribution in attributions:
        span = attribution.speaker
        if span is None:
            continue
        chosen = _speaker_mention(index, span, attribution.speaker_entity)
        if chosen is not None:
            speakers.add(position[id(chosen)])
        elif attribution.speaker_entity:
            added.append(_resolved_speaker(text, index, span, attribution.speaker_entity))
    rows = [
        Mention(m.start, m.end, m.surface, m.entity, m.type, m.category, m.kind, SPEAKER if i in speakers else MENTIONED)
        for i, m in enumerate(mentions)
    ]
    rows += [Mention(m.start, m.end, m.surface, m.entity, m.type, m.category, m.kind, SPEAKER) for m in added]
    rows.sort(key=lambda m: (m.start, -m.end))
    return rows


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


def mentions_table(text: str, segments: Segments, mentions: Sequence[Mention], *, article_id: str = "") -> pd.DataFrame:
    """One row per mention: article_id, entity, surface, type, category, start, end,
    sentence, paragraph, role."""
    starts = [s.start for s in segments.sentences]
    rows = []
    for m in mentions:
        sentence = _sentence_of(segments, starts, m.start)
        paragraph = segments.sentences[sentence].paragraph if sentence >= 0 else -1
        rows.append((article_id, m.entity, m.surface, m.type, m.category, m.start, m.end, sentence, paragraph, m.role))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _sentence_of(segments: Segments, starts: list[int], position: int) -> int:
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and position < segments.sentences[i].end:
        return i
    return -1


def summarise_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """The entities table from a mentions table (of one article or a whole corpus).

    One row per (article_id, entity): the type and category most of its mentions have
    (named mentions outvote descriptions), the sorted distinct surfaces as ``aliases``,
    ``n_mentions``, ``n_quotes`` (mentions with role speaker) and ``first_start``.
    """
    rows = []
    for (article_id, entity), group in mentions.groupby(["article_id", "entity"], sort=False):
        labels = Counter((t, c if isinstance(c, str) else None) for t, c in zip(group["type"], group["category"]))
        named = [label for label in labels if label[0] != "ROLE"]
        type_, category = max(named or labels, key=lambda label: labels[label])
        rows.append((
            article_id, entity, type_, category, sorted(set(group["surface"])), len(group),
            int((group["role"] == SPEAKER).sum()), int(group["start"].min()),
        ))
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.sort_values(["article_id", "first_start"], kind="stable").reset_index(drop=True)


def entities_table(text: str, segments: Segments, mentions: Sequence[Mention], *, article_id: str = "") -> pd.DataFrame:
    """One row per entity of the article: article_id, entity, type, category, aliases,
    n_mentions, n_quotes, first_start."""
    return summarise_entities(mentions_table(text, segments, mentions, article_id=article_id))
