"""Warm a worker process up before its first article: :func:`warm_up` and a Dask plugin.

:func:`warm_up` imports the pipeline and analyses one short built-in article, which loads
what the pipeline otherwise loads on its first real article (the syllable table, the word
lists and gazetteer, compiled patterns). It returns nothing and changes no result: it
only fills the caches every article fills. It runs once per process; a caller that
arrives while it runs waits for it instead of loading the same tables again.

:class:`WarmUp` is a ``dask.distributed`` worker plugin whose ``setup`` starts
:func:`warm_up` in a background thread and returns at once, so a worker warms while the
client is still planning its tasks. ``extract --engine dask`` registers it on the cluster
it uses; a long-lived cluster can get it at start, e.g.
``LocalCluster(..., plugins={WarmUp()})``, and then serves every run warm.
"""
from __future__ import annotations

import threading

from distributed import WorkerPlugin

_SAMPLE_TEXT = (
    "The mayor of Springfield, Ann Lee, spoke on Monday. \u201cWe will vote on the budget next week,\u201d "
    "she told reporters.\nOfficials said the plan would cost $2 million.\n"
)
_lock = threading.Lock()
_warm = threading.Event()


def warm_up() -> None:
    """Load what the pipeline loads on first use, once per process (thread-safe)."""
    if _warm.is_set():
        return
    with _lock:
        if _warm.is_set():
            return
        from analysis.load import from_text
        from analysis.pipeline import analyze_article

        analyze_article(from_text(_SAMPLE_TEXT, id="warm-up"))
        _warm.set()


def is_warm() -> bool:
    """Whether :func:`warm_up` has finished in this process."""
    return _warm.is_set()


class WarmUp(WorkerPlugin):
    """Starts :func:`warm_up` in a background thread when a worker gets the plugin."""

    name = "newslens-warm-up"

    def setup(self, worker=None) -> None:
        threading.Thread(target=warm_up, name="newslens-warm-up", daemon=True).start()
