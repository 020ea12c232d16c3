"""Analyse many articles and write their records as JSON Lines, in input order.

:func:`extract_records` yields one record per article (see :mod:`analysis.pipeline`),
using ``jobs`` worker processes; output order and content do not depend on ``jobs``.
:func:`run_extract` writes them to a file and returns an :class:`ExtractSummary`.
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from analysis.load import Article, check_sources, iter_articles
from analysis.pipeline import analyze_article

# Show a progress bar only for batches big enough to wait on.
PROGRESS_MIN_ARTICLES = 5


@dataclass(frozen=True)
class ExtractSummary:
    out: str
    n_articles: int
    n_errors: int

    def describe(self) -> str:
        return f"wrote {self.n_articles} articles to {self.out} ({self.n_errors} with errors)"


def default_jobs() -> int:
    return os.cpu_count() or 1


def extract_records(articles: Sequence[Article], *, jobs: int | None = None) -> Iterator[dict]:
    """Records for ``articles`` in their order, computed in ``jobs`` processes."""
    jobs = min(jobs or default_jobs(), max(1, len(articles)))
    if jobs == 1:
        yield from map(analyze_article, articles)
        return
    chunksize = max(1, min(32, len(articles) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(analyze_article, articles, chunksize=chunksize)


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
    """Write records one per line; return (records written, records with an error)."""
    count = errors = 0
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json_line(record))
            count += 1
            errors += record.get("error") is not None
    return count, errors


def _with_progress(records: Iterator[dict], total: int) -> Iterable[dict]:
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        return records
    from tqdm import tqdm

    return tqdm(records, total=total, unit="article", file=sys.stderr)


def run_extract(paths: Sequence[str | Path], *, out: str | Path, jobs: int | None = None, text_col: str | None = None) -> ExtractSummary:
    """Analyse every article under ``paths`` and write the records to ``out``."""
    check_sources(paths)
    articles = list(iter_articles(paths, text_col=text_col))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    records = _with_progress(extract_records(articles, jobs=jobs), len(articles))
    count, errors = write_jsonl(records, out)
    return ExtractSummary(str(out), count, errors)
