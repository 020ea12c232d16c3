"""Run the stages on one article: the analysis objects, and the ``extract`` record.

:func:`run_stages` is the single place where the stages are chained (segment → entity
index → quotes → mentions; readability reads the segments and the quotes), so the command
line, the corpus runner and the notebooks always agree. It returns an
:class:`ArticleAnalysis` of stage objects; :func:`analyze_article` turns one into the
JSON-ready record with the keys of :data:`RECORD_KEYS`. An exception inside a stage never
escapes :func:`analyze_article`: the record keeps the text and carries the error, so a
batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from analysis.entities import EntityIndex, build_entity_index
from analysis.load import Article
from analysis.mentions import Mention, find_mentions, mention_record
from analysis.quotes import Attribution, find_quotes, quote_record
from analysis.readability import readability_record
from analysis.segment import Segments, segment, segments_record
from analysis.spans import Span

# The analyses after segmentation, in run order. Mentions need the quotes (a quoted actor
# is a speaker); readability needs them too (quoted vs narrative voice).
STAGES = ("quotes", "mentions", "readability")
STAGE_NEEDS = {"quotes": (), "mentions": ("quotes",), "readability": ("quotes",)}

RECORD_KEYS = (
    "id", "path", "title", "outlet", "date", "url", "encoding", "notes", "meta", "text", "error",
    "body", "boilerplate", "paragraphs", "sentences", "quotes", "mentions", "readability",
)


def empty_record(article: Article) -> dict:
    """The record of an article before analysis: identity, text and error only."""
    return {
        "id": article.id,
        "path": article.path,
        **article.metadata(),
        "encoding": article.encoding,
        "notes": list(article.notes),
        "meta": dict(article.extra),
        "text": article.text,
        "error": article.error,
        "body": None,
        "boilerplate": [],
        "paragraphs": [],
        "sentences": [],
        "quotes": [],
        "mentions": [],
        "readability": {},
    }


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the stages found in one article's text (``entities`` is None when no stage needed it)."""

    segments: Segments
    entities: EntityIndex | None
    attributions: tuple[Attribution, ...]
    mentions: tuple[Mention, ...]

    def quoted_spans(self) -> list[Span]:
        """Every content span of every attribution: the article's quoted voice."""
        return [span for attribution in self.attributions for span in attribution.content]


def needed_stages(stages: Iterable[str]) -> tuple[str, ...]:
    """``stages`` plus the stages they build on, in run order."""
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages {sorted(unknown)}; known: {list(STAGES)}")
    for stage in list(wanted):
        wanted.update(STAGE_NEEDS[stage])
    return tuple(stage for stage in STAGES if stage in wanted)


def run_stages(text: str, *, stages: Iterable[str] = STAGES) -> ArticleAnalysis:
    """Segment ``text`` and run the analyses among ``stages`` (with what they need).

    Readability is not an object of its own: it is computed from the segments and the
    quoted spans by :mod:`analysis.readability` when a record or a table is made.
    """
    run = needed_stages(stages)
    segments = segment(text)
    entities = build_entity_index(text, segments) if {"quotes", "mentions"} & set(run) else None
    attributions = tuple(find_quotes(text, segments, entities=entities)) if "quotes" in run else ()
    mentions = tuple(find_mentions(text, segments, attributions, entities=entities)) if "mentions" in run else ()
    return ArticleAnalysis(segments, entities, attributions, mentions)


def build_record(article: Article, analysis: ArticleAnalysis, *, readability: bool = True) -> dict:
    """The ``extract`` record of an analysed article (``readability`` False leaves it empty)."""
    record = empty_record(article)
    record.update(segments_record(analysis.segments))
    record["quotes"] = [quote_record(a) for a in analysis.attributions]
    record["mentions"] = [mention_record(m) for m in analysis.mentions]
    if readability:
        record["readability"] = readability_record(article.text, analysis.segments, quoted_spans=analysis.quoted_spans())
    return record


def analyze_article(article: Article) -> dict:
    """The full ``extract`` record of one article; errors are recorded, never raised."""
    if article.error:
        return empty_record(article)
    try:
        return build_record(article, run_stages(article.text))
    except Exception as exc:  # a bug or hostile input must not stop the batch
        record = empty_record(article)
        record["error"] = f"analysis failed: {type(exc).__name__}: {exc}"
        return record
