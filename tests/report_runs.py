"""Notebook runs shared by test_notebooks.py and test_report_browser.py, made once per session.

Executing a notebook takes seconds (a kernel, plotly), so each set of runs is done once, two
notebooks at a time, into a temporary folder; each test then looks up its own notebook.
"""
from __future__ import annotations

import atexit
from concurrent.futures import ProcessPoolExecutor
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from analysis.report import NotebookRun, notebook_paths, run_one

# An article as an attacker would write it: markup in the text and in the metadata.
HOSTILE_TEXT = (
    'The minister said the plan was ready. <script>window.__pwned=1</script> '
    '"We will publish it <img src=x onerror="window.__pwned=1"> on Monday," the minister said.\n\n'
    'Officials posted the plan at <a href="javascript:window.__pwned=1">this link</a> on Friday.\n'
)
HOSTILE_TITLE = "<script>window.__pwned=1</script>Plan"
HOSTILE_OUTLET = '<img src=x onerror="window.__pwned=1">Gazette'
# The notebooks that show article text or metadata.
HOSTILE_NOTEBOOKS = ("01_load_and_segment", "02_quote_attribution", "05_corpus")


@lru_cache(maxsize=None)
def _workdir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="newslens-reports-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def hostile_input() -> Path:
    import pandas as pd

    path = _workdir() / "hostile.csv"
    pd.DataFrame(
        [{"id": "hostile", "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "date": "2026-11-27", "url": "javascript:alert(1)", "text": HOSTILE_TEXT}]
    ).to_csv(path, index=False)
    return path


@lru_cache(maxsize=None)
def _all_runs() -> dict[tuple[str, str], NotebookRun]:
    """Both sets in one pool of two workers, so neither waits for the other to finish."""
    jobs = [(p, None, _workdir() / "default", "default") for p in notebook_paths()]
    jobs += [(p, str(hostile_input()), _workdir() / "hostile", "hostile") for p in notebook_paths() if p.stem in HOSTILE_NOTEBOOKS]
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {(kind, path.stem): pool.submit(run_one, str(path), input_path, str(out)) for path, input_path, out, kind in jobs}
        return {key: future.result() for key, future in futures.items()}


def default_runs() -> dict[str, NotebookRun]:
    """Every notebook on its default input."""
    return {name: run for (kind, name), run in _all_runs().items() if kind == "default"}


def hostile_runs() -> dict[str, NotebookRun]:
    """The notebooks that show article text or metadata, on the hostile article."""
    return {name: run for (kind, name), run in _all_runs().items() if kind == "hostile"}
