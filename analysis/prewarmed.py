"""Importing this module warms the importing process up (:func:`analysis.workers.warm_up`).

It exists to be named in a forkserver's preload list (``analysis.workers.start_local_cluster``):
the forkserver imports it once, and every Dask worker forked from it starts with the
pipeline imported and its tables loaded, sharing them instead of loading its own copy.
"""
from analysis.workers import warm_up

warm_up()
