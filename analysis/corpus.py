"""Analyse a corpus of articles into tidy tables: pandas on one machine, Dask on a cluster.

:func:`analyze` takes a DataFrame of articles (a text column plus optional id, title,
outlet, date, url) and returns a :class:`~analysis.tables.CorpusTables` (articles,
paragraphs, sentences, quotes, mentions, entities, readability; columns in
:mod:`analysis.tables`), keyed by article id.

- A pandas DataFrame is analysed in this process, or in ``jobs`` worker processes, in
  batches; the tables are pandas DataFrames.
- A Parquet corpus file can also go straight to a ``dask.distributed`` cluster
  (:func:`write_parquet_file_tables`): one task per row range, planned from the file's
  metadata, each reading its rows and writing its parts as above.
- A ``dask.dataframe.DataFrame`` is analysed partition by partition on the Dask workers
  of the current scheduler (a ``dask.distributed.Client`` if one is active): each
  partition becomes records, then the seven tables of that partition, which the worker
  writes as part files numbered by partition under ``out_dir/<table>/`` (replacing what
  is there, or, resuming, keeping each partition already written); the result holds
  lazy Dask DataFrames read back from there (``.compute()`` gives pandas tables).

Both give the same tables: rows without an id get the same ``row-<n>`` (or
``<source>:<n>``) ids, and every column has a fixed dtype. Every article is analysed by
:func:`analysis.pipeline.analyze_article`; a bad article gives a row with its error.
"""
from __future__ import annotations

import gc
import os
import re
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import accumulate, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.deferred import pandas as pd
from analysis.load import Article, articles_from_frame, text_column, text_column_among
from analysis.tables import (
    TABLE_NAMES, CorpusTables, arrow_errors, arrow_table, arrow_table_from_rows, restore_read_table, table_rows,
    tables_from_rows,
)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Articles per task sent to a worker process: big enough to amortise pickling, small
# enough that the workers stay evenly busy.
BATCH_ARTICLES = 8
# Tasks submitted ahead of the one being collected, per worker: bounds memory.
TASKS_AHEAD_PER_JOB = 4
# Row ranges per Dask worker thread when a Parquet file is split into tasks: enough that
# the last range to finish leaves the other workers little idle time.
RANGES_PER_THREAD = 8
_PART_NUMBER = re.compile(r"(\d+)")


def load_pipeline() -> Callable[[Article], dict]:
    """The pipeline's ``analyze_article``, imported on first use.

    The pipeline pulls in textstat and NLTK (about half a second of imports), which a
    process that only plans work (a Dask client, a scheduler unpickling tasks) never needs.
    """
    from analysis.pipeline import analyze_article

    return analyze_article


def pipeline_metrics() -> tuple[str, ...]:
    """The readability metrics the pipeline reports, in its order (the readability columns)."""
    from analysis.readability.scores import SCORE_KEYS  # imports textstat, see load_pipeline

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
    load_pipeline()  # imported once here, before the workers are forked, instead of in each of them
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque = deque()
    try:
        for position, item in enumerate(items):
            pending.append(_submit_forking(pool, function, item) if position == 0 else pool.submit(function, item))
            if len(pending) >= jobs * TASKS_AHEAD_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def frozen_objects() -> Iterator[None]:
    """Keep this process's objects out of the cyclic garbage collector during the block.

    ``gc.freeze()`` at the start; ``gc.unfreeze()`` at the end, unless objects were already
    frozen before the block (unfreezing would thaw those too, so everything stays frozen).
    Objects made during the block are collected as usual.
    """
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def _submit_forking(pool: ProcessPoolExecutor, function: Callable, item) -> object:
    """``pool.submit(function, item)`` for the pool's first task, which forks all its
    workers (the default ``fork`` start method on Linux), with this process's objects
    frozen (:func:`frozen_objects`) while it forks.

    A forked worker shares the parent's objects (the imported modules, pandas, the
    pipeline's tables), and every full collection in the worker would walk them all again
    and write to their pages, copying them. Frozen at the fork, they stay out of the
    workers' collections for good (the fork recipe of the ``gc.freeze`` documentation).
    """
    with frozen_objects():
        return pool.submit(function, item)


def analyze_batch(articles: Sequence[Article]) -> list[dict]:
    """The records of a batch of articles."""
    analyze_article = load_pipeline()
    return [analyze_article(article) for article in articles]


def batch_rows(articles: Sequence[Article], *, metrics: Sequence[str]) -> dict[str, list[tuple]]:
    """The table rows of a batch of articles, with the given readability columns."""
    return table_rows(analyze_batch(articles), metrics=metrics)


def batch_arrow_tables(articles: Sequence[Article], *, metrics: Sequence[str]) -> dict[str, pa.Table]:
    """The seven tables of a batch of articles as Arrow tables of their Parquet schemas.

    What a worker sends back when the tables go to Parquet: the conversion runs in the
    workers, side by side, and Arrow buffers pickle far more cheaply than row tuples, so
    the process that writes the parts has little left to do.
    """
    rows = batch_rows(articles, metrics=metrics)
    return {name: arrow_table_from_rows(name, rows[name], metrics=metrics) for name in TABLE_NAMES}


def extend_rows(rows: dict[str, list[tuple]], more: dict[str, list[tuple]]) -> None:
    """Append the rows of ``more`` to ``rows``, table by table."""
    for name, table in more.items():
        rows.setdefault(name, []).extend(table)


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
            write_part(arrow_table(table, name=name, metrics=metrics), Path(out_dir) / name / "part.0.parquet")
    return tables


def _analyze_dask(frame, *, text_col: str | None, source: str | None, out_dir: str | Path | None) -> CorpusTables:
    if out_dir is None:
        raise ValueError("a Dask DataFrame is analysed into Parquet datasets: give out_dir=")
    write_dask_tables(frame, out_dir, text_col=text_col, source=source)
    return read_tables(out_dir, engine="dask")


def write_dask_tables(
    frame, out_dir: str | Path, *, text_col: str | None = None, source: str | None = None, resume: bool = False
) -> tuple[int, int, int]:
    """Analyse a Dask DataFrame on the current scheduler into ``out_dir/<table>/``.

    Partition ``n`` becomes part ``n`` of every table, written by the worker that
    analysed it. Returns (articles written, those with an error, articles skipped).
    Two passes: the partitions' lengths (the row number each partition's ids start from
    is the sum of the lengths before it), then one task per partition that reads,
    analyses and writes it. Reading inside the analysing task lets the scheduler hand
    the partitions out as workers become free; a separate read task would keep each
    partition, and so its analysis, on whichever worker read it. With ``resume``, a
    partition whose ``articles`` part holds exactly its ids is kept as written (a part is
    complete once that file exists: it is written last, each file atomically);
    otherwise everything under ``out_dir`` is replaced.
    """
    import dask
    import dask.dataframe as dd

    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"analyze() takes a pandas or Dask DataFrame, not {type(frame).__name__}")
    text_column(frame._meta, column=text_col)  # a missing text column fails here, not on a worker
    out_dir = Path(out_dir)
    # Keep list columns as lists: Dask would otherwise turn object columns into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        lengths = dask.compute(*[dask.delayed(len)(partition) for partition in frame.to_delayed()])
        _remove_parts(out_dir, first_number=len(lengths) if resume else 0)
        first_rows = dask.delayed(list(accumulate([0, *lengths[:-1]])))
        counts = frame.map_partitions(
            _write_partition_counts, out_dir, first_rows, text_col=text_col, source=source, metrics=pipeline_metrics(),
            resume=resume, meta=_counts_meta(), enforce_metadata=False, align_dataframes=False,
        )
        totals = counts.sum().compute()
    return int(totals["written"]), int(totals["errors"]), int(totals["skipped"])


def parquet_columns(path: str | Path) -> list[str]:
    """The column names pandas would give a Parquet file, read from its schema alone
    (a stored index is not a column)."""
    schema = pq.read_schema(path)
    index = {name for name in (schema.pandas_metadata or {}).get("index_columns", []) if isinstance(name, str)}
    return [name for name in schema.names if name not in index]


def parquet_row_ranges(path: str | Path, *, ranges: int, most_rows: int | None = None) -> list[tuple[int, int]]:
    """``[start, stop)`` row ranges that split a Parquet file into ``ranges`` nearly equal
    runs (one per row when it has fewer rows), or more if a range would otherwise hold
    more than ``most_rows`` rows; from the file's metadata alone."""
    rows = pq.ParquetFile(path).metadata.num_rows
    if most_rows:
        ranges = max(ranges, -(-rows // most_rows))
    count = max(1, min(ranges, rows))
    bounds = [rows * number // count for number in range(count + 1)]
    return list(zip(bounds, bounds[1:]))


def read_parquet_rows(path: str | Path, start: int, stop: int) -> pd.DataFrame:
    """Rows ``[start, stop)`` of a Parquet file, reading only the row groups that hold them."""
    file = pq.ParquetFile(path)
    sizes = [file.metadata.row_group(group).num_rows for group in range(file.metadata.num_row_groups)]
    group_starts = [0, *accumulate(sizes)]
    groups = [group for group, size in enumerate(sizes) if group_starts[group] < stop and group_starts[group] + size > start]
    if not groups:
        return file.schema_arrow.empty_table().to_pandas()
    return file.read_row_groups(groups).slice(start - group_starts[groups[0]], stop - start).to_pandas()


def write_parquet_file_tables(
    client, path: str | Path, out_dir: str | Path, *, text_col: str | None = None, source: str | None = None,
    resume: bool = False, ranges: int, most_rows: int | None = None,
) -> tuple[int, int, int]:
    """Analyse a Parquet corpus file on a ``dask.distributed`` ``client``'s cluster into ``out_dir/<table>/``.

    The file is split into ``ranges`` row ranges (more if one would exceed ``most_rows``
    rows, which bounds a worker's memory) from its metadata (no pass over the rows)
    and each range is one task that reads its rows, analyses them and writes part ``n`` of
    every table, as :func:`write_dask_tables` does for partition ``n`` (same ids, same
    resuming). Plain tasks rather than a ``dask.dataframe`` graph: neither the client nor
    the workers import ``dask.dataframe`` or build and optimise a graph, and the client
    does not import the pipeline (the workers name the readability columns). Returns
    (articles written, those with an error, articles skipped).
    """
    text_column_among(parquet_columns(path), column=text_col)  # fail here, not on a worker
    out_dir = Path(out_dir)
    row_ranges = parquet_row_ranges(path, ranges=ranges, most_rows=most_rows)
    _remove_parts(out_dir, first_number=len(row_ranges) if resume else 0)
    options = {"out_dir": out_dir, "text_col": text_col, "source": source, "resume": resume}
    futures = [
        client.submit(write_parquet_rows, str(path), start, stop, number=number, pure=False, **options)
        for number, (start, stop) in enumerate(row_ranges)
    ]
    written, errors, skipped = (sum(counts) for counts in zip(*client.gather(futures)))
    return written, errors, skipped


def write_parquet_rows(path: str, start: int, stop: int, *, number: int, **options) -> tuple[int, int, int]:
    """Analyse rows ``[start, stop)`` of a Parquet file into part ``number`` (a worker's task)."""
    partition = read_parquet_rows(path, start, stop)
    return write_partition(partition, number=number, first_row=start, metrics=pipeline_metrics(), **options)


_COUNT_COLUMNS = ("written", "errors", "skipped")


def _counts_meta() -> pd.DataFrame:
    """The empty frame that tells Dask the columns and dtypes of :func:`_write_partition_counts`."""
    return pd.DataFrame({column: pd.Series([], dtype="int64") for column in _COUNT_COLUMNS})


def _write_partition_counts(
    partition: pd.DataFrame, out_dir: Path, first_rows: list[int], *, partition_info: dict, **options
) -> pd.DataFrame:
    number = partition_info["number"]  # Dask passes it to functions that take it
    written, errors, skipped = write_partition(partition, out_dir, number=number, first_row=first_rows[number], **options)
    return pd.DataFrame({"written": [written], "errors": [errors], "skipped": [skipped]})


def write_partition(
    partition: pd.DataFrame, out_dir: Path, *, number: int, first_row: int, text_col: str | None,
    source: str | None, metrics: Sequence[str], resume: bool,
) -> tuple[int, int, int]:
    """Analyse one partition into part ``number`` of every table: (written, errors, skipped)."""
    from analysis.workers import warm_up  # imports dask.distributed, which only these runs need

    articles = articles_from_frame(partition, text_col=text_col, source=source, first_row=first_row)
    done = part_path(out_dir, "articles", number)
    if resume and done.exists():
        written = pq.read_table(done, columns=["article_id"]).column("article_id").to_pylist()
        if written == [article.id for article in articles]:
            return 0, 0, len(articles)
    warm_up()  # a warm-up already running in this worker (the WarmUp plugin) is waited for, not repeated
    tables = batch_arrow_tables(articles, metrics=metrics)
    write_parts(tables, out_dir, number=number)
    return len(articles), arrow_errors(tables["articles"]), 0


def part_path(out_dir: Path, name: str, number: int) -> Path:
    """Where part ``number`` of table ``name`` is written under ``out_dir``."""
    return out_dir / name / f"part-{number:06d}.parquet"


def write_parts(tables: Mapping[str, pa.Table], out_dir: Path, *, number: int) -> None:
    """Write part ``number`` of all seven tables, each file atomically and ``articles`` last.

    An interrupted write leaves no half file, and a part without its ``articles`` file is
    known to be incomplete.
    """
    for name in (*(name for name in TABLE_NAMES if name != "articles"), "articles"):
        final = part_path(out_dir, name, number)
        partial_path = final.with_suffix(".tmp")
        write_part(tables[name], partial_path)
        os.replace(partial_path, final)


def _remove_parts(out_dir: Path, *, first_number: int) -> None:
    """Delete the part files numbered ``first_number`` and up (and unfinished ``.tmp`` files)."""
    for name in TABLE_NAMES:
        folder = out_dir / name
        for path in [*part_files(folder), *folder.glob("*.tmp")]:
            if path.suffix == ".tmp" or part_number(path) >= first_number:
                path.unlink()


def write_part(table: pa.Table, path: Path) -> None:
    """Write one table (or one part of it), made by :func:`arrow_table`, as a Parquet file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)


def part_number(path: Path) -> int:
    """The number in a part file's name (-1 when it has none)."""
    found = _PART_NUMBER.findall(path.stem)
    return int(found[-1]) if found else -1


def part_files(folder: Path) -> list[Path]:
    """The Parquet part files of one table's folder, in part-number order."""
    return sorted(folder.glob("*.parquet"), key=lambda path: (part_number(path), path.name))


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
