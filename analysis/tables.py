"""Turn ``extract`` records into the tidy tables of a corpus, keyed by article id.

:func:`tables_from_records` takes records as :func:`analysis.pipeline.analyze_article`
returns them and gives a :class:`CorpusTables` of seven DataFrames, one row per thing:

- ``articles``: article_id, title, outlet, date, url, n_chars, n_words, error
- ``paragraphs``: article_id, paragraph, start, end, text, is_body
- ``sentences``: article_id, sentence, paragraph, start, end, text, is_body
- ``quotes``: article_id, quote, kind, content_start, content_end, content_spans, content,
  cue_start, cue_end, cue, speaker_start, speaker_end, speaker, speaker_entity, rule,
  confidence, sentence, paragraph (``quote`` numbers the article's attributions from 0;
  ``content_start``/``content_end`` run from the first content span's start to the last
  one's end; ``content_spans`` is the list of ``[start, end]`` pairs and ``content`` their
  texts joined by " … "; ``sentence``/``paragraph`` are those holding ``content_start``)
- ``mentions``: article_id, entity, surface, type, category, start, end, sentence,
  paragraph, role
- ``entities``: article_id, entity, type, category, aliases, n_mentions, n_quotes,
  first_start (one row per entity of an article's mentions; ``aliases`` is the sorted list
  of distinct surfaces; type and category are those most of its mentions have, named
  mentions outvoting role nouns; ``n_quotes`` counts its mentions in the speaker role, one
  per quote it speaks)
- ``readability``: article_id, level, unit, one float column per metric, flags (the
  readability object's own scores give the ``body`` row, unit 0; nested scores give rows
  of their level: ``{"voices": {"quoted": {…}, "narrative": {…}}}`` a ``quoted`` and a
  ``narrative`` row, ``{"paragraphs": [{…}, …]}`` one ``paragraph`` row per unit)

Every offset is ``[start, end)`` into the article text. Column dtypes are fixed
(:data:`TABLE_COLUMNS`), so tables built from different batches of one corpus concatenate
and compare equal, and :func:`arrow_schema` writes them to Parquet with one schema.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import pyarrow as pa

from analysis.deferred import pandas as pd

# Between the pieces of a discontinuous quote (`"…," he said, "…"`) in the ``content`` column.
CONTENT_JOINER = " … "
TABLE_NAMES = ("articles", "paragraphs", "sentences", "quotes", "mentions", "entities", "readability")

# Column kinds: "str" (nullable text), "int", "int?" (nullable int), "float", "bool",
# "spans" (list of [start, end]) and "strs" (list of text).
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "str"), ("title", "str"), ("outlet", "str"), ("date", "str"), ("url", "str"),
        ("n_chars", "int"), ("n_words", "int"), ("error", "str"),
    ),
    "paragraphs": (
        ("article_id", "str"), ("paragraph", "int"), ("start", "int"), ("end", "int"), ("text", "str"), ("is_body", "bool"),
    ),
    "sentences": (
        ("article_id", "str"), ("sentence", "int"), ("paragraph", "int"), ("start", "int"), ("end", "int"),
        ("text", "str"), ("is_body", "bool"),
    ),
    "quotes": (
        ("article_id", "str"), ("quote", "int"), ("kind", "str"), ("content_start", "int"), ("content_end", "int"),
        ("content_spans", "spans"), ("content", "str"), ("cue_start", "int?"), ("cue_end", "int?"), ("cue", "str"),
        ("speaker_start", "int?"), ("speaker_end", "int?"), ("speaker", "str"), ("speaker_entity", "str"),
        ("rule", "str"), ("confidence", "float"), ("sentence", "int?"), ("paragraph", "int?"),
    ),
    "mentions": (
        ("article_id", "str"), ("entity", "str"), ("surface", "str"), ("type", "str"), ("category", "str"),
        ("start", "int"), ("end", "int"), ("sentence", "int?"), ("paragraph", "int?"), ("role", "str"),
    ),
    "entities": (
        ("article_id", "str"), ("entity", "str"), ("type", "str"), ("category", "str"), ("aliases", "strs"),
        ("n_mentions", "int"), ("n_quotes", "int"), ("first_start", "int?"),
    ),
    "readability": (("article_id", "str"), ("level", "str"), ("unit", "int")),  # + metrics, flags
}

_PANDAS_DTYPES = {"str": "str", "int": "int64", "int?": "Int64", "float": "float64", "bool": "bool", "spans": object, "strs": object}
_ARROW_TYPES = {
    "str": pa.string(), "int": pa.int64(), "int?": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
    "spans": pa.list_(pa.list_(pa.int64())), "strs": pa.list_(pa.string()),
}
# Nested readability levels named in the plural by a record key.
_LEVEL_OF_KEY = {"paragraphs": "paragraph", "sentences": "sentence"}


@dataclass(frozen=True)
class CorpusTables:
    """The seven tables of a corpus (pandas or Dask DataFrames), keyed by ``article_id``."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    readability: pd.DataFrame

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        return ((f.name, getattr(self, f.name)) for f in fields(self))

    def compute(self) -> "CorpusTables":
        """Pandas tables with a fresh index (computes Dask tables; pandas ones are copied)."""
        return CorpusTables(**{
            name: (table.compute() if hasattr(table, "compute") else table).reset_index(drop=True)
            for name, table in self.items()
        })


def table_columns(name: str, *, metrics: Sequence[str] = ()) -> tuple[tuple[str, str], ...]:
    """(column, kind) pairs of table ``name``; readability gets ``metrics`` and ``flags``."""
    columns = TABLE_COLUMNS[name]
    if name == "readability":
        columns = columns + tuple((metric, "float") for metric in metrics) + (("flags", "strs"),)
    return columns


def arrow_schema(name: str, *, metrics: Sequence[str] = ()) -> pa.Schema:
    """The Parquet schema of table ``name``."""
    return pa.schema([(column, _ARROW_TYPES[kind]) for column, kind in table_columns(name, metrics=metrics)])


def arrow_table(table: pd.DataFrame, *, name: str, metrics: Sequence[str] = ()) -> pa.Table:
    """Table ``name`` (a DataFrame of its fixed dtypes) as an Arrow table of its Parquet schema."""
    return pa.Table.from_pandas(table, schema=arrow_schema(name, metrics=metrics), preserve_index=False)


def arrow_table_from_rows(name: str, rows: Sequence[Sequence[object]], *, metrics: Sequence[str] = ()) -> pa.Table:
    """Table ``name`` from row tuples (:func:`table_rows`) straight as an Arrow table.

    Equal, schema metadata included, to :func:`arrow_table` of :func:`typed_frame` of the
    same rows, without the DataFrame in between: a DataFrame costs a fixed time per column
    that a batch of a few articles does not amortise.
    """
    columns = table_columns(name, metrics=metrics)
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.Table.from_arrays(
        [pa.array(column_values, type=_ARROW_TYPES[kind], from_pandas=True) for (_, kind), column_values in zip(columns, values)],
        schema=_pandas_arrow_schema(name, tuple(metrics)),
    )


@lru_cache(maxsize=None)
def _pandas_arrow_schema(name: str, metrics: tuple[str, ...]) -> pa.Schema:
    """:func:`arrow_schema` with the pandas metadata :func:`arrow_table` writes (the same for every table ``name``)."""
    return arrow_table(typed_frame(name, [], metrics=metrics), name=name, metrics=metrics).schema


def arrow_errors(articles: pa.Table) -> int:
    """Articles with an error in an Arrow ``articles`` table."""
    return articles.num_rows - articles.column("error").null_count


def typed_frame(name: str, rows: Sequence[Sequence[object]], *, metrics: Sequence[str] = ()) -> pd.DataFrame:
    """Table ``name`` from row tuples, with the fixed column dtypes (an empty list is fine)."""
    columns = table_columns(name, metrics=metrics)
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pd.DataFrame({
        column: pd.Series(list(column_values), dtype=_PANDAS_DTYPES[kind])
        for (column, kind), column_values in zip(columns, values)
    })


def restore_read_table(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Table ``name`` as read back from Parquet, with the dtypes it was written with.

    Parquet readers give list columns as numpy arrays and may pick other string dtypes;
    this turns them back into Python lists and the dtypes of :data:`TABLE_COLUMNS`.
    """
    metrics = [c for c in frame.columns if c not in dict(table_columns(name))] if name == "readability" else ()
    frame = frame.copy()
    for column, kind in table_columns(name, metrics=metrics):
        if kind == "spans":
            values = [[pair.tolist() for pair in value] for value in frame[column]]
        elif kind == "strs":
            values = [value.tolist() for value in frame[column]]
        else:
            frame[column] = frame[column].astype(_PANDAS_DTYPES[kind])
            continue
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


class _Locator:
    """Which sentence and paragraph of an article hold a character position."""

    def __init__(self, record: dict) -> None:
        self._sentences = sorted((s, e, index, p) for index, (s, e, p) in enumerate(record.get("sentences") or []))
        self._sentence_starts = [row[0] for row in self._sentences]
        self._paragraphs = [tuple(p[:2]) for p in record.get("paragraphs") or []]
        self._paragraph_starts = [s for s, _ in self._paragraphs]

    def sentence(self, position: int) -> tuple[int | None, int | None]:
        """(sentence index, paragraph index) holding ``position``; None where there is none."""
        at = bisect_right(self._sentence_starts, position) - 1
        if at >= 0:
            start, end, index, paragraph = self._sentences[at]
            if start <= position < end:
                return index, paragraph
        return None, self.paragraph(position)

    def paragraph(self, position: int) -> int | None:
        at = bisect_right(self._paragraph_starts, position) - 1
        if at >= 0 and self._paragraphs[at][0] <= position < self._paragraphs[at][1]:
            return at
        return None


def _in_boilerplate(boilerplate: list, start: int, end: int) -> bool:
    return any(b_start <= start and end <= b_end for b_start, b_end, *_ in boilerplate)


def _covers_start(boilerplate: list, start: int) -> bool:
    return any(b_start <= start < b_end for b_start, b_end, *_ in boilerplate)


def _span_text(text: str, span: Sequence[int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def _pair(span: Sequence[int] | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span[0], span[1])


def _quote_rows(article_id: str, record: dict, locator: _Locator) -> list[tuple]:
    text = record["text"]
    rows = []
    for index, quote in enumerate(record.get("quotes") or []):
        content = [list(span) for span in quote["content"]]
        cue, speaker = quote.get("cue"), quote.get("speaker")
        sentence, paragraph = locator.sentence(content[0][0])
        rows.append((
            article_id, index, quote["kind"], content[0][0], content[-1][1], content,
            CONTENT_JOINER.join(text[start:end] for start, end in content), *_pair(cue), _span_text(text, cue), *_pair(speaker), _span_text(text, speaker),
            quote.get("speaker_entity"), quote.get("rule"), quote.get("confidence"), sentence, paragraph,
        ))
    return rows


def _mention_rows(article_id: str, record: dict, locator: _Locator) -> list[tuple]:
    rows = []
    for mention in record.get("mentions") or []:
        start, end = mention["span"]
        sentence, paragraph = locator.sentence(start)
        rows.append((
            article_id, mention["entity"], mention["surface"], mention.get("type"), mention.get("category"),
            start, end, sentence, paragraph, mention.get("role"),
        ))
    return rows


def _entity_rows(article_id: str, record: dict) -> list[tuple]:
    """One row per entity of an article's mentions, in order of first mention.

    Type and category are those most of its mentions have, named mentions outvoting role
    nouns. ``n_quotes`` counts its mentions in the ``speaker`` role: the mentions stage
    marks one mention as speaker for each quote whose speaker it can place, resolving
    pronouns and descriptions, so this also counts quotes whose ``speaker_entity`` the
    quote stage left empty.
    """
    found: dict[str, dict] = {}
    for mention in record.get("mentions") or []:
        start = mention["span"][0]
        e = found.setdefault(mention["entity"], {"labels": Counter(), "aliases": set(), "n_mentions": 0, "n_quotes": 0, "first_start": start})
        e["labels"][(mention.get("type"), mention.get("category"))] += 1
        e["aliases"].add(mention["surface"])
        e["n_mentions"] += 1
        e["n_quotes"] += mention.get("role") == "speaker"
        e["first_start"] = min(e["first_start"], start)
    rows = []
    for entity, e in sorted(found.items(), key=lambda item: (item[1]["first_start"], item[0])):
        named = [label for label in e["labels"] if label[0] != "ROLE"]
        type_, category = max(named or e["labels"], key=lambda label: e["labels"][label])
        rows.append((article_id, entity, type_, category, sorted(e["aliases"]), e["n_mentions"], e["n_quotes"], e["first_start"]))
    return rows


def _is_metric(value: object) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def readability_metrics(records: Iterable[dict]) -> list[str]:
    """Metric names found in the readability objects of ``records``, in first-seen order."""
    names: dict[str, None] = {}
    for record in records:
        for level_scores in _readability_levels(record.get("readability") or {}):
            names.update((key, None) for key, value in level_scores[2].items() if key != "flags" and _is_metric(value))
    return list(names)


def _readability_levels(readability: dict) -> Iterator[tuple[str, int, dict]]:
    """(level, unit, scores) for each unit in one readability object.

    Scalar keys and ``flags`` are the body's; a dict of scores is one unit of the level
    named by its key, a dict of such dicts (``{"voices": {"quoted": …, "narrative": …}}``)
    one unit per inner key, and a list of dicts one unit per item.
    """
    body = {key: value for key, value in readability.items() if not isinstance(value, (dict, list)) or key == "flags"}
    if body:
        yield "body", 0, body
    for key, value in readability.items():
        level = _LEVEL_OF_KEY.get(key, key)
        if isinstance(value, dict) and value and all(isinstance(inner, dict) for inner in value.values()):
            for inner_level, scores in value.items():
                yield _LEVEL_OF_KEY.get(inner_level, inner_level), 0, scores
        elif isinstance(value, dict):
            yield level, 0, value
        elif key != "flags" and isinstance(value, list):
            for unit, scores in enumerate(value):
                if isinstance(scores, dict):
                    yield level, unit, scores


def _readability_rows(article_id: str, record: dict, metrics: Sequence[str]) -> list[tuple]:
    rows = []
    for level, unit, scores in _readability_levels(record.get("readability") or {}):
        values = [scores.get(metric) for metric in metrics]
        rows.append((article_id, level, unit, *[None if v is None else float(v) for v in values], list(scores.get("flags") or [])))
    return rows


def table_rows(records: Iterable[dict], *, metrics: Sequence[str]) -> dict[str, list[tuple]]:
    """The rows of the seven tables of ``records`` as plain tuples, in record order.

    Rows are cheap to build, pickle and extend; :func:`tables_from_rows` makes DataFrames
    of them once per batch, which costs far less than concatenating many small frames.
    """
    rows: dict[str, list[tuple]] = {name: [] for name in TABLE_NAMES}
    for record in records:
        article_id, text = record["id"], record["text"] or ""
        rows["articles"].append((
            article_id, record.get("title"), record.get("outlet"), record.get("date"), record.get("url"),
            len(text), len(text.split()), record.get("error"),
        ))
        boilerplate = record.get("boilerplate") or []
        # is_body as segment() decides it: a paragraph is boilerplate when a boilerplate span
        # covers its start; a sentence when one contains it.
        for index, (start, end, *_) in enumerate(record.get("paragraphs") or []):
            rows["paragraphs"].append((article_id, index, start, end, text[start:end], not _covers_start(boilerplate, start)))
        for index, (start, end, paragraph) in enumerate(record.get("sentences") or []):
            rows["sentences"].append((
                article_id, index, paragraph, start, end, text[start:end], not _in_boilerplate(boilerplate, start, end),
            ))
        locator = _Locator(record)
        rows["quotes"].extend(_quote_rows(article_id, record, locator))
        rows["mentions"].extend(_mention_rows(article_id, record, locator))
        rows["entities"].extend(_entity_rows(article_id, record))
        rows["readability"].extend(_readability_rows(article_id, record, metrics))
    return rows


def tables_from_rows(rows: dict[str, list[tuple]], *, metrics: Sequence[str]) -> CorpusTables:
    """The seven DataFrames of :func:`table_rows` output."""
    return CorpusTables(**{name: typed_frame(name, rows[name], metrics=metrics) for name in TABLE_NAMES})


def tables_from_records(records: Iterable[dict], *, metrics: Sequence[str] | None = None) -> CorpusTables:
    """The seven tables of ``records``, in record order.

    ``metrics`` names the readability columns; by default, those found in the records.
    Give it when tables of several batches must share columns.
    """
    records = records if isinstance(records, list) else list(records)
    if metrics is None:
        metrics = readability_metrics(records)
    return tables_from_rows(table_rows(records, metrics=metrics), metrics=metrics)
