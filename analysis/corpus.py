"""Analyse a corpus of articles into tidy tables: pandas on one machine, Dask on a cluster.

:func:`analyze` takes a DataFrame of articles (a text column plus optional id, title,
outlet, date, url) and returns a :class:`~analysis.tables.CorpusTables` (articles,
paragraphs, sentences, quotes, mentions, entities, readability; columns in
:mod:`analysis.tables`), keyed by article id.

- A pandas DataFrame is analysed in this process, or in ``jobs`` worker processes, in
  batches; the tables are pandas DataFrames.
- A ``dask.dataframe.DataFrame`` is analysed partition by partition on the Dask workers
  of the current scheduler (a ``dask.distributed.Client`` if one is active): each
  partition becomes records, then the seven tables of that partition, which Dask writes
  as Parquet datasets under ``out_dir/<table>/`` (replacing what is there); the result
  holds lazy Dask DataFrames read back from there (``.compute()`` gives pandas tables).

Both give the same tables: rows without an id get the same ``row-<n>`` (or
``<source>:<n>``) ids, and every column has a fixed dtype. Every article is analysed by
:func:`analysis.pipeline.analyze_article`; a bad article gives a row with its error.
"""
from __future__ import annotations

import re
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from operator import add
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.load import Article, articles_from_frame, text_column
from analysis.pipeline import analyze_article
from analysis.readability.scores import SCORE_KEYS
from analysis.tables import (
    TABLE_NAMES, CorpusTables, arrow_schema, readability_metrics, restore_read_table, table_rows, tables_from_records,
    tables_from_rows, typed_frame,
)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Articles per task sent to a worker process: big enough to amortise pickling, small
# enough that the workers stay evenly busy.
BATCH_ARTICLES = 8
# Tasks submitted ahead of the one being collected, per worker: bounds memory.
TASKS_AHEAD_PER_JOB = 4
_PART_NUMBER = re.compile(r"(\d+)")


def pipeline_metrics() -> tuple[str, ...]:
    """The readability metrics the pipeline reports, in its order (the readability columns)."""
    return SCORE_KEYS


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def map_ordered(function: Callable[[Item], Result], items: Iterable[Item], *, jobs: int = 1) -> Iterator[Result]:
    """``map(function, items)`` in ``jobs`` processes, in input order, reading ``items`` lazily.

    At most ``jobs * TASKS_AHEAD_PER_JOB`` items are in flight, so memory does not grow
    with the number of items.
    """
    if jobs <= 1:
        yield from map(function, items)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque = deque()
    try:
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= jobs * TASKS_AHEAD_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def analyze_batch(articles: Sequence[Article]) -> list[dict]:
    """The records of a batch of articles."""
    return [analyze_article(article) for article in articles]


def batch_rows(articles: Sequence[Article], *, metrics: Sequence[str]) -> dict[str, list[tuple]]:
    """The table rows of a batch of articles, with the given readability columns."""
    return table_rows(analyze_batch(articles), metrics=metrics)


def extend_rows(rows: dict[str, list[tuple]], more: dict[str, list[tuple]]) -> None:
    """Append the rows of ``more`` to ``rows``, table by table."""
    for name, table in more.items():
        rows.setdefault(name, []).extend(table)


def _partition_tables(
    partition: pd.DataFrame, *, text_col: str | None, source: str | None, first_row: int, metrics: Sequence[str]
) -> CorpusTables:
    articles = articles_from_frame(partition, text_col=text_col, source=source, first_row=first_row)
    return tables_from_records(analyze_batch(articles), metrics=metrics)


def analyze(
    frame, *, text_col: str | None = None, source: str | None = None, jobs: int = 1, out_dir: str | Path | None = None
) -> CorpusTables:
    """The tables of every article in ``frame`` (pandas or Dask DataFrame).

    ``source`` names the corpus file, for the ids of rows without one. With pandas,
    ``jobs`` worker processes share the work and ``out_dir``, if given, also gets the
    tables as Parquet. With Dask, ``out_dir`` is required: the workers write there.
    """
    if not isinstance(frame, pd.DataFrame):
        return _analyze_dask(frame, text_col=text_col, source=source, out_dir=out_dir)
    metrics = pipeline_metrics()
    articles = articles_from_frame(frame, text_col=text_col, source=source)
    rows: dict[str, list[tuple]] = {name: [] for name in TABLE_NAMES}
    for batch in map_ordered(partial(batch_rows, metrics=metrics), batched(articles, BATCH_ARTICLES), jobs=jobs):
        extend_rows(rows, batch)
    tables = tables_from_rows(rows, metrics=metrics)
    if out_dir is not None:
        for name, table in tables.items():
            write_part(table, Path(out_dir) / name / "part.0.parquet", name=name, metrics=metrics)
    return tables


def _analyze_dask(frame, *, text_col: str | None, source: str | None, out_dir: str | Path | None) -> CorpusTables:
    if out_dir is None:
        raise ValueError("a Dask DataFrame is analysed into Parquet datasets: give out_dir=")
    write_dask_tables(frame, out_dir, text_col=text_col, source=source)
    return read_tables(out_dir, engine="dask")


def write_dask_tables(frame, out_dir: str | Path, *, text_col: str | None = None, source: str | None = None) -> tuple[int, int]:
    """Analyse a Dask DataFrame on the current scheduler into ``out_dir/<table>/``.

    Returns (articles, articles with an error). Everything is one Dask computation:
    each partition is read once, and the row number its ids start from is the sum of
    the lengths of the partitions before it, chained so that no task waits for a
    read it does not need.
    """
    import dask
    import dask.dataframe as dd

    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"analyze() takes a pandas or Dask DataFrame, not {type(frame).__name__}")
    text_column(frame._meta, column=text_col)  # a missing text column fails here, not on a worker
    metrics = pipeline_metrics()
    # Keep list columns as lists: Dask would otherwise turn object columns into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        partitions = frame.to_delayed()
        first_rows = [0]
        for partition in partitions[:-1]:
            first_rows.append(dask.delayed(add)(first_rows[-1], dask.delayed(len)(partition)))
        # One task per partition makes all seven tables; the seven writes share it.
        parts = [
            dask.delayed(_partition_tables)(partition, text_col=text_col, source=source, first_row=first_row, metrics=metrics)
            for partition, first_row in zip(partitions, first_rows)
        ]
        writes = []
        for name in TABLE_NAMES:
            table = dd.from_delayed(
                [dask.delayed(getattr)(part, name) for part in parts], meta=typed_frame(name, [], metrics=metrics), verify_meta=False
            )
            writes.append(table.to_parquet(
                Path(out_dir) / name, schema=arrow_schema(name, metrics=metrics), write_index=False, overwrite=True, compute=False
            ))
        counts = dd.from_delayed([dask.delayed(_article_counts)(part) for part in parts], meta=_article_counts(None), verify_meta=False)
        *_, totals = dask.compute(*writes, counts.sum())
    return int(totals["articles"]), int(totals["errors"])


def _article_counts(tables: CorpusTables | None) -> pd.DataFrame:
    """One row: the number of articles in ``tables`` and of those with an error (none: empty)."""
    if tables is None:
        return pd.DataFrame({"articles": pd.Series([], dtype="int64"), "errors": pd.Series([], dtype="int64")})
    articles = tables.articles
    return pd.DataFrame({"articles": [len(articles)], "errors": [int(articles["error"].notna().sum())]})


def write_part(table: pd.DataFrame, path: Path, *, name: str, metrics: Sequence[str]) -> None:
    """Write one table (or one part of it) as a Parquet file with the table's schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = arrow_schema(name, metrics=metrics)
    pq.write_table(pa.Table.from_pandas(table, schema=schema, preserve_index=False), path)


def part_files(folder: Path) -> list[Path]:
    """The Parquet part files of one table's folder, in part-number order."""
    def number(path: Path) -> int:
        found = _PART_NUMBER.findall(path.stem)
        return int(found[-1]) if found else -1

    return sorted(folder.glob("*.parquet"), key=lambda path: (number(path), path.name))


def read_tables(out_dir: str | Path, *, engine: str = "pandas") -> CorpusTables:
    """The tables written under ``out_dir`` (pandas DataFrames, or lazy Dask ones)."""
    out_dir = Path(out_dir)
    if engine == "dask":
        import dask.dataframe as dd

        tables = {}
        for name in TABLE_NAMES:
            table = dd.read_parquet([str(p) for p in part_files(out_dir / name)])
            tables[name] = table.map_partitions(restore_read_table, name, meta=restore_read_table(table._meta, name))
        return CorpusTables(**tables)
    tables = {}
    for name in TABLE_NAMES:
        parts = [pd.read_parquet(path) for path in part_files(out_dir / name)]
        tables[name] = restore_read_table(pd.concat(parts, ignore_index=True), name)
    return CorpusTables(**tables)
