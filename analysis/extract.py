"""Analyse many articles and write them out, streaming, in input order, resumable.

:func:`run_extract` reads articles from files, folders and corpus tables (tables in chunks
of :data:`CHUNK_ROWS` rows), analyses them in bounded batches (``jobs`` processes, at most
a few batches ahead) and writes as it goes, so memory stays flat however big the corpus:

- ``fmt="jsonl"``: one JSON record per article (see :mod:`analysis.pipeline`) to ``out``;
- ``fmt="parquet"``: the tidy tables (:mod:`analysis.tables`) to ``out_dir/<table>/``,
  one part file per :data:`PART_ARTICLES` articles.

Output order and content do not depend on ``jobs``. A bad article is written with its
error and counted in the :class:`ExtractSummary`. Rerunning into the same output resumes:
articles already written (by id) are skipped, a partly written last line or part is
dropped, and the result equals an uninterrupted run (``overwrite=True`` starts afresh).
``engine="dask"`` analyses one corpus table on a ``dask.distributed`` cluster (the one at
``scheduler``, else a local one with ``jobs`` workers forked from a warm forkserver, see
:func:`analysis.workers.start_local_cluster`) and writes the Parquet tables, one
part per partition (for a Parquet table, per row range planned from its metadata, see
:func:`analysis.corpus.write_parquet_file_tables`); it resumes by partition (a partition
whose ``articles`` part holds its ids is skipped; one that no longer lines up, after a
change of partitioning, is redone).
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from analysis import corpus
from analysis.deferred import pandas as pd
from analysis.load import (
    TABLE_SUFFIXES, Article, LoadError, articles_from_frame, check_sources, iter_articles, table_encoding,
)
from analysis.tables import TABLE_NAMES, arrow_errors

FORMATS = ("jsonl", "parquet")
ENGINES = ("local", "dask")
# Rows of a corpus table read at a time.
CHUNK_ROWS = 500
# Articles per Parquet part file (and the granularity of resuming a Parquet output).
PART_ARTICLES = 500


@dataclass(frozen=True)
class ExtractSummary:
    out: str
    n_articles: int
    n_errors: int
    n_skipped: int = 0

    def describe(self) -> str:
        resumed = f"; {self.n_skipped} already written, skipped" if self.n_skipped else ""
        return f"wrote {self.n_articles} articles to {self.out} ({self.n_errors} with errors{resumed})"


def default_jobs() -> int:
    return os.cpu_count() or 1


# --- reading --------------------------------------------------------------------------


def table_chunks(path: str | Path, *, rows: int = CHUNK_ROWS, encoding: str = "utf-8") -> Iterator[pd.DataFrame]:
    """A corpus table file as consecutive DataFrames of at most ``rows`` rows (text tables
    decoded with ``encoding``, see :func:`analysis.load.table_encoding`)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
                yield batch.to_pandas()
        elif suffix == ".jsonl":
            with pd.read_json(path, lines=True, dtype=False, chunksize=rows, encoding=encoding) as reader:
                yield from reader
        elif suffix == ".csv":
            with pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=rows, encoding=encoding) as reader:
                yield from reader
        else:
            raise LoadError(f"{path}: unknown table format {suffix}; use .csv, .jsonl or .parquet")
    except (OSError, ValueError) as exc:
        if isinstance(exc, LoadError):
            raise
        raise LoadError(f"{path}: unreadable {suffix} table: {exc}") from exc


def stream_articles(paths: Iterable[str | Path], *, text_col: str | None = None, chunk_rows: int = CHUNK_ROWS) -> Iterator[Article]:
    """Articles from each path in turn, corpus tables read a chunk at a time."""
    for source in paths:
        path = Path(source)
        if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
            encoding, notes = _decoding(path)
            first_row = 0
            for chunk in table_chunks(path, rows=chunk_rows, encoding=encoding or "utf-8"):
                yield from articles_from_frame(
                    chunk, text_col=text_col, source=str(path), first_row=first_row, encoding=encoding, notes=notes
                )
                first_row += len(chunk)
        else:
            yield from iter_articles([path], text_col=text_col)


def _decoding(path: Path) -> tuple[str | None, tuple[str, ...]]:
    """How a text table decodes (None for Parquet); binary content is an unreadable table."""
    if path.suffix.lower() == ".parquet":
        return None, ()
    try:
        return table_encoding(path)
    except (OSError, UnicodeError) as exc:
        raise LoadError(f"{path}: unreadable {path.suffix.lower()} table: {exc}") from exc


def skip_written(articles: Iterable[Article], written: Counter) -> Iterator[Article]:
    """``articles`` minus those already written (each written id skips one article)."""
    for article in articles:
        if written[article.id] > 0:
            written[article.id] -= 1
            continue
        yield article


# --- writing JSON Lines ---------------------------------------------------------------


def json_line(record: dict) -> str:
    """One record as a UTF-8-safe JSON line that no line splitter can break."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # unpaired surrogates: \u escapes keep the text exact
        line = json.dumps(record)
    # str.splitlines() also breaks at these; escaped, they read back the same.
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085") + "\n"


def write_jsonl(records: Iterable[dict], out: str | Path) -> tuple[int, int]:
    """Write records one per line (replacing ``out``); return (records written, with an error)."""
    count = errors = 0
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json_line(record))
            count += 1
            errors += record.get("error") is not None
    return count, errors


def encode_batch(articles: Sequence[Article]) -> list[tuple[str, bool]]:
    """(JSON line, has error) for each article of a batch (runs in the worker processes)."""
    return [(json_line(record), record.get("error") is not None) for record in corpus.analyze_batch(articles)]


def written_jsonl_ids(out: Path) -> Counter:
    """Ids of the complete records in ``out``; a partial or broken tail is cut off."""
    ids: Counter = Counter()
    if not out.exists():
        return ids
    good_end = 0
    with open(out, "rb+") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                ids[json.loads(line)["id"]] += 1
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
        handle.truncate(good_end)
    return ids


def _write_jsonl(articles: Iterable[Article], out: Path, *, jobs: int, overwrite: bool) -> ExtractSummary:
    written = Counter() if overwrite else written_jsonl_ids(out)
    n_skipped = sum(written.values())
    count = errors = 0
    with open(out, "w" if overwrite else "a", encoding="utf-8") as handle:
        for lines in corpus.map_ordered(encode_batch, corpus.batched(skip_written(articles, written), corpus.BATCH_ARTICLES), jobs=jobs):
            for line, has_error in lines:
                handle.write(line)
                count += 1
                errors += has_error
    return ExtractSummary(str(out), count, errors, n_skipped)


# --- writing Parquet tables -----------------------------------------------------------


def written_parquet_ids(out_dir: Path) -> tuple[Counter, int]:
    """Ids in the complete parts under ``out_dir`` and the next part number.

    A part is complete when its ``articles`` file exists (it is written last); parts of
    other tables without one are left over from an interruption and are removed.
    """
    ids: Counter = Counter()
    complete = set()
    for path in corpus.part_files(out_dir / "articles"):
        complete.add(path.name)
        ids.update(pq.read_table(path, columns=["article_id"]).column("article_id").to_pylist())
    for name in TABLE_NAMES:
        for path in corpus.part_files(out_dir / name):
            if path.name not in complete:
                path.unlink()
    numbers = [corpus.part_number(Path(name)) for name in complete]
    return ids, max(numbers, default=-1) + 1


class _PartWriter:
    """Buffers Arrow tables of batches and writes them as numbered part files, ``articles`` last."""

    def __init__(self, out_dir: Path, *, next_number: int) -> None:
        self.out_dir, self.number = out_dir, next_number
        self.tables: dict[str, list[pa.Table]] = {name: [] for name in TABLE_NAMES}
        self.articles = 0

    def add(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            self.tables[name].append(table)
        self.articles += tables["articles"].num_rows
        if self.articles >= PART_ARTICLES:
            self.flush()

    def flush(self) -> None:
        if not self.articles:
            return
        corpus.write_parts({name: pa.concat_tables(tables) for name, tables in self.tables.items()}, self.out_dir, number=self.number)
        self.tables = {name: [] for name in TABLE_NAMES}
        self.articles = 0
        self.number += 1


def _write_parquet(articles: Iterable[Article], out_dir: Path, *, jobs: int, overwrite: bool) -> ExtractSummary:
    if overwrite:
        for name in TABLE_NAMES:
            for path in corpus.part_files(out_dir / name):
                path.unlink()
    written, next_number = written_parquet_ids(out_dir)
    n_skipped = sum(written.values())
    metrics = corpus.pipeline_metrics()
    writer = _PartWriter(out_dir, next_number=next_number)
    count = errors = 0
    batches = corpus.batched(skip_written(articles, written), corpus.BATCH_ARTICLES)
    for tables in corpus.map_ordered(partial(corpus.batch_arrow_tables, metrics=metrics), batches, jobs=jobs):
        count += tables["articles"].num_rows
        errors += arrow_errors(tables["articles"])
        writer.add(tables)
    writer.flush()
    return ExtractSummary(str(out_dir), count, errors, n_skipped)


# --- Dask -----------------------------------------------------------------------------


def read_dask_table(path: str | Path, *, min_partitions: int = 1, blocksize: str = "1MB"):
    """One corpus table file as a Dask DataFrame of at least ``min_partitions`` partitions.

    Read with the options of the local path; JSON Lines and CSV are split every
    ``blocksize`` bytes, Parquet by row groups (a small file is split further).
    """
    import dask.dataframe as dd

    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        frame = dd.read_parquet(str(path), split_row_groups=True)
    elif suffix == ".jsonl":
        frame = dd.read_json(str(path), lines=True, dtype=False, blocksize=blocksize)
    elif suffix == ".csv":
        frame = dd.read_csv(str(path), dtype=str, keep_default_na=False, blocksize=blocksize)
    else:
        raise LoadError(f"{path}: --engine dask reads corpus tables (.parquet, .jsonl or .csv), not {suffix or 'folders'}")
    return frame.repartition(npartitions=min_partitions) if frame.npartitions < min_partitions else frame


def _run_dask(
    path: Path, out_dir: Path, *, jobs: int, text_col: str | None, scheduler: str | None, resume: bool
) -> ExtractSummary:
    from dask.distributed import Client

    from analysis.workers import WarmUp, start_local_cluster, stop_forkserver

    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = start_local_cluster(workers=jobs)
        client = Client(cluster)
    try:
        client.register_plugin(WarmUp())  # workers warm up while the tasks are planned
        threads = max(1, sum(client.nthreads().values()))
        if path.suffix.lower() == ".parquet":
            count, errors, skipped = corpus.write_parquet_file_tables(
                client, path, out_dir, text_col=text_col, source=str(path), resume=resume,
                ranges=threads * corpus.RANGES_PER_THREAD, most_rows=PART_ARTICLES,
            )
        else:
            frame = read_dask_table(path, min_partitions=threads * corpus.TASKS_AHEAD_PER_JOB)
            count, errors, skipped = corpus.write_dask_tables(frame, out_dir, text_col=text_col, source=str(path), resume=resume)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
            stop_forkserver()
    return ExtractSummary(str(out_dir), count, errors, skipped)


# --- the command ----------------------------------------------------------------------


def _with_progress(articles: Iterator[Article]) -> Iterable[Article]:
    if not sys.stderr.isatty():
        return articles
    from tqdm import tqdm

    return tqdm(articles, unit="article", file=sys.stderr)


def run_extract(
    paths: Sequence[str | Path],
    *,
    out: str | Path | None = None,
    out_dir: str | Path | None = None,
    fmt: str | None = None,
    jobs: int | None = None,
    text_col: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    overwrite: bool = False,
) -> ExtractSummary:
    """Analyse every article under ``paths`` and write records to ``out`` or tables to ``out_dir``."""
    fmt = fmt or ("parquet" if out_dir is not None else "jsonl")
    target = out_dir if fmt == "parquet" else out
    if fmt not in FORMATS or engine not in ENGINES:
        raise LoadError(f"unknown format {fmt!r} or engine {engine!r}")
    if target is None:
        raise LoadError("give --out FILE.jsonl for JSON Lines or --out-dir DIR for Parquet tables")
    check_sources(paths)
    target = Path(target)
    jobs = jobs or default_jobs()
    if engine == "dask":
        if fmt != "parquet" or len(paths) != 1:
            raise LoadError("--engine dask analyses one corpus table into Parquet tables: give one table and --out-dir")
        return _run_dask(Path(paths[0]), target, jobs=jobs, text_col=text_col, scheduler=scheduler, resume=not overwrite)
    (target if fmt == "parquet" else target.parent).mkdir(parents=True, exist_ok=True)
    articles = _with_progress(stream_articles(paths, text_col=text_col))
    if fmt == "parquet":
        return _write_parquet(articles, target, jobs=jobs, overwrite=overwrite)
    return _write_jsonl(articles, target, jobs=jobs, overwrite=overwrite)


def extract_records(articles: Iterable[Article], *, jobs: int | None = None) -> Iterator[dict]:
    """Records for ``articles`` in their order, computed in ``jobs`` processes, streaming."""
    batches = corpus.map_ordered(corpus.analyze_batch, corpus.batched(articles, corpus.BATCH_ARTICLES), jobs=jobs or default_jobs())
    for records in batches:
        yield from records
