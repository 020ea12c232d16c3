"""Run every stage on one article and return its ``extract`` record.

:func:`analyze_article` is the single place where the stages are chained (load → segment
→ quotes, mentions, readability); the command line, the corpus runner and the notebooks
all call it, so they always agree. The record is a JSON-ready dict with the keys
documented in :data:`RECORD_KEYS`. An exception inside a stage never escapes: the record
keeps the text and carries the error, so a batch goes on.
"""
from __future__ import annotations

from analysis.entities import build_entity_index
from analysis.load import Article
from analysis.mentions import find_mentions, mention_record
from analysis.quotes import find_quotes, quote_record
from analysis.readability import readability_record
from analysis.segment import Segments, segment

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


def segments_record(segments: Segments) -> dict:
    """The segmentation keys of a record: body, boilerplate, paragraphs, sentences."""
    return {
        "body": segments.body.as_list(),
        "boilerplate": [[b.start, b.end, b.kind] for b in segments.boilerplate],
        "paragraphs": [[p.start, p.end] for p in segments.paragraphs],
        "sentences": [[s.start, s.end, s.paragraph] for s in segments.sentences],
    }


def analyze_article(article: Article) -> dict:
    """The full ``extract`` record of one article; errors are recorded, never raised."""
    record = empty_record(article)
    if article.error:
        return record
    try:
        segments = segment(article.text)
        record.update(segments_record(segments))
        entities = build_entity_index(article.text, segments)
        attributions = find_quotes(article.text, segments, entities=entities)
        record["quotes"] = [quote_record(a) for a in attributions]
        record["mentions"] = [mention_record(m) for m in find_mentions(article.text, segments, attributions, entities=entities)]
        quoted_spans = [span for attribution in attributions for span in attribution.content]
        record["readability"] = readability_record(article.text, segments, quoted_spans=quoted_spans)
    except Exception as exc:  # a bug or hostile input must not stop the batch
        record["error"] = f"analysis failed: {type(exc).__name__}: {exc}"
    return record
