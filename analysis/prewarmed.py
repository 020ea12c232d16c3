"""Importing this module warms the importing process up (:func:`analysis.workers.warm_up`)
and then freezes its objects out of the cyclic garbage collector (``gc.freeze``).

It exists to be named in a forkserver's preload list (``analysis.workers.start_local_cluster``):
the forkserver imports it once, and every Dask worker forked from it starts with the
pipeline imported and its tables loaded, sharing them instead of loading its own copy.
Frozen before the forks, those shared objects are never walked by a worker's full
collections (which would also write to their pages and so copy them): the fork recipe of
the ``gc.freeze`` documentation. The forkserver runs nothing else.
"""
import gc

from analysis.workers import warm_up

warm_up()
gc.freeze()
