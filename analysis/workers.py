"""Warm a worker process up before its first article: :func:`warm_up` and a Dask plugin.

:func:`warm_up` imports the pipeline, analyses one short built-in article and makes the
tables' Parquet schemas, which loads what a worker otherwise loads on its first real task
(the syllable table, the word lists and gazetteer, compiled patterns, pandas).
It returns nothing and changes no result: it only fills the caches every article fills.
It runs once per process; a caller that arrives while it runs waits for it instead of
loading the same tables again.

:class:`WarmUp` is a ``dask.distributed`` worker plugin whose ``setup`` starts
:func:`warm_up` in a background thread and returns at once, so a worker warms while the
client is still planning its tasks. ``extract --engine dask`` registers it on the cluster
it uses; a long-lived cluster can get it at start, e.g.
``LocalCluster(..., plugins={WarmUp()})``, and then serves every run warm.

:func:`start_local_cluster` starts the cluster ``extract --engine dask`` uses when it is
given no scheduler: its worker processes are forked from a forkserver that imported the
pipeline and warmed up once (:mod:`analysis.prewarmed`), so they share those imports and
tables instead of each spawned interpreter loading its own; :func:`stop_forkserver` ends
that forkserver once the cluster is closed.
"""
from __future__ import annotations

import multiprocessing.forkserver
import threading

import dask
from distributed import LocalCluster, WorkerPlugin
from distributed.utils import get_mp_context

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
        from analysis.corpus import pipeline_metrics
        from analysis.load import from_text
        from analysis.pipeline import analyze_article
        from analysis.tables import TABLE_NAMES, arrow_table_from_rows

        analyze_article(from_text(_SAMPLE_TEXT, id="warm-up"))
        metrics = pipeline_metrics()
        for name in TABLE_NAMES:  # each table's Parquet schema, made once with pandas
            arrow_table_from_rows(name, [], metrics=metrics)
        _warm.set()


def is_warm() -> bool:
    """Whether :func:`warm_up` has finished in this process."""
    return _warm.is_set()


class WarmUp(WorkerPlugin):
    """Starts :func:`warm_up` in a background thread when a worker gets the plugin."""

    name = "newslens-warm-up"

    def setup(self, worker=None) -> None:
        threading.Thread(target=warm_up, name="newslens-warm-up", daemon=True).start()


# The forkserver imports these before it forks any worker: distributed (what every worker
# runs) and the module whose import warms the process up.
FORKSERVER_PRELOAD = ("distributed", "analysis.prewarmed")


def start_local_cluster(*, workers: int) -> LocalCluster:
    """A LocalCluster of ``workers`` one-thread processes forked from a warm forkserver."""
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        # distributed sets its own preload list on its first forkserver context; ours replaces it.
        get_mp_context().set_forkserver_preload(list(FORKSERVER_PRELOAD))
        # Started now, the forkserver warms up while the scheduler starts.
        multiprocessing.forkserver.ensure_running()
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def stop_forkserver() -> None:
    """End this process's forkserver, if one runs, and reap it (the next fork starts a new one)."""
    # multiprocessing has no public call for this; without it the forkserver outlives the
    # cluster until this process exits, and is then orphaned rather than reaped.
    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()
