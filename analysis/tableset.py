"""Analyse one or more sources into the tidy tables that notebooks and reports show.

:func:`analyze` loads every article from the sources given (files, folders, corpus
tables), runs each stage that is available, and returns :class:`Tables`: one DataFrame
per kind of thing, keyed by ``article_id``, with the columns of DESIGN.md:

- ``articles``: article_id, title, outlet, date, url, path, encoding, notes, n_chars, n_words, error
- ``paragraphs``: article_id, paragraph, start, end, text, is_body
- ``sentences``: article_id, sentence, paragraph, start, end, text, is_body
- ``boilerplate``: article_id, start, end, kind, text
- ``quotes``, ``mentions``, ``entities``, ``readability``, ``hard_sentences``: as their
  stage modules document; empty (with the documented columns) for a stage not asked for.

``Tables.texts`` maps each article id to its text exactly as loaded, for the HTML views.
:func:`voice_table` derives the quoted vs narrative share of each article's body.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from analysis.load import Article, articles_table, iter_articles, check_sources
from analysis.pipeline import STAGES, build_record, needed_stages, run_stages
from analysis.readability import hard_sentences, readability_table
from analysis.segment import Segments
from analysis.tables import TABLE_COLUMNS, tables_from_records

BOILERPLATE_COLUMNS = ["article_id", "start", "end", "kind", "text"]
READABILITY_COLUMNS = ["article_id", "level", "unit", "start", "end"]
HARD_SENTENCE_COLUMNS = ["article_id", "sentence", "paragraph", "start", "end", "text", "grade", "words", "reason"]
VOICE_COLUMNS = ["article_id", "voice", "chars", "share"]



@dataclass(frozen=True)
class Tables:
    """Every tidy table of a set of articles, plus their texts."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    boilerplate: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    readability: pd.DataFrame
    hard_sentences: pd.DataFrame
    texts: Mapping[str, str] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in a fixed order."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "texts"}

    @property
    def article_ids(self) -> list[str]:
        return list(self.articles["article_id"])

    def for_article(self, article_id: str | None = None) -> "Tables":
        """The tables of one article (the first one without an error when ``article_id`` is None)."""
        if article_id is None:
            usable = self.articles[self.articles["error"].isna()]
            if usable.empty:
                raise ValueError("no article could be analysed: see the articles table's error column")
            article_id = usable["article_id"].iloc[0]
        if article_id not in set(self.articles["article_id"]):
            raise KeyError(f"no article {article_id!r}; articles are {self.article_ids}")
        chosen = {name: frame[frame["article_id"] == article_id].reset_index(drop=True) for name, frame in self.frames().items()}
        return replace(self, **chosen, texts={article_id: self.texts.get(article_id, "")})

    @property
    def text(self) -> str:
        """The text of the only article (use :meth:`for_article` first)."""
        if len(self.texts) != 1:
            raise ValueError(f"{len(self.texts)} articles: choose one with for_article()")
        return next(iter(self.texts.values()))


def boilerplate_table(text: str, segments: Segments, *, article_id: str = "") -> pd.DataFrame:
    """One row per boilerplate span: article_id, start, end, kind, text."""
    rows = [(article_id, b.start, b.end, b.kind, text[b.start:b.end]) for b in segments.boilerplate]
    return pd.DataFrame(rows, columns=BOILERPLATE_COLUMNS)


def article_frames(article: Article, *, stages: Iterable[str] = STAGES) -> dict[str, pd.DataFrame]:
    """The per-article tables of one loaded article (nothing for an article with an error).

    Segmentation always runs; the analyses named in ``stages`` run through
    :func:`analysis.pipeline.run_stages`, as for ``extract``, and the tables shared with the
    corpus runner are built from the same record by :mod:`analysis.tables`; readability at
    every level, boilerplate and hard sentences come from the stage objects. The tables of
    stages not asked for stay empty.
    """
    if article.error:
        return {}
    run = needed_stages(stages)
    text, article_id = article.text, article.id
    analysis = run_stages(text, stages=run)
    segments = analysis.segments
    record = build_record(article, analysis, readability=False)
    record_frames = dict(tables_from_records([record], metrics=()).items())
    frames = {name: record_frames[name] for name in ("paragraphs", "sentences")}
    frames["boilerplate"] = boilerplate_table(text, segments, article_id=article_id)
    if "quotes" in run:
        frames["quotes"] = record_frames["quotes"]
    if "mentions" in run:
        frames["mentions"] = record_frames["mentions"]
        frames["entities"] = record_frames["entities"]
    if "readability" in run:
        quoted_spans = analysis.quoted_spans()
        frames["readability"] = readability_table(text, segments, article_id=article_id, quoted_spans=quoted_spans)
        frames["hard_sentences"] = hard_sentences(text, segments, article_id=article_id)
    return frames


_SHARED_TABLES = ("paragraphs", "sentences", "quotes", "mentions", "entities")
_EMPTY_COLUMNS = {
    **{name: [column for column, _ in TABLE_COLUMNS[name]] for name in _SHARED_TABLES},
    "boilerplate": BOILERPLATE_COLUMNS,
    "readability": READABILITY_COLUMNS,
    "hard_sentences": HARD_SENTENCE_COLUMNS,
}


def _concat(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def tables_of(articles: Iterable[Article], *, stages: Iterable[str] = STAGES) -> Tables:
    """The tables of already loaded articles, running ``stages`` (all by default)."""
    articles, stages = list(articles), needed_stages(stages)
    per_article = [article_frames(a, stages=stages) for a in articles]
    combined = {
        name: _concat([frames[name] for frames in per_article if name in frames], columns)
        for name, columns in _EMPTY_COLUMNS.items()
    }
    return Tables(articles=articles_table(articles), texts={a.id: a.text for a in articles}, **combined)


def analyze(
    sources: str | Path | Sequence[str | Path], *, text_col: str | None = None, stages: Iterable[str] = STAGES,
) -> Tables:
    """Load every article from ``sources`` (one path or several) and analyse them into tables.

    ``stages`` limits the analyses to those a notebook shows (segmentation always runs):
    loading the readability dictionaries or the gazetteer costs seconds per process.
    """
    paths = [sources] if isinstance(sources, (str, Path)) else list(sources)
    check_sources(paths)
    return tables_of(iter_articles(paths, text_col=text_col), stages=stages)


def _merged_length(spans: Iterable[tuple[int, int]]) -> int:
    """Characters covered by the union of ``[start, end)`` spans."""
    covered, reach = 0, -1
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            covered += end - start
            reach = end
    return covered


def voice_table(paragraphs: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Characters of each article's body in quoted and in narrative voice.

    Quoted is the union of the quotes' content spans inside body paragraphs; narrative is
    the rest of the body paragraphs' characters. Columns: article_id, voice, chars, share.
    """
    rows = []
    body = paragraphs[paragraphs["is_body"].astype(bool)]
    for article_id, article_paragraphs in body.groupby("article_id", sort=False):
        body_spans = list(zip(article_paragraphs["start"], article_paragraphs["end"]))
        article_quotes = quotes[quotes["article_id"] == article_id]
        quoted_spans = [
            (max(s, ps), min(e, pe))
            for spans in article_quotes["content_spans"]
            for s, e in spans
            for ps, pe in body_spans
            if s < pe and ps < e
        ]
        body_chars = _merged_length(body_spans)
        quoted = _merged_length(quoted_spans)
        for voice, chars in (("quoted", quoted), ("narrative", body_chars - quoted)):
            rows.append((article_id, voice, chars, chars / body_chars if body_chars else 0.0))
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)
