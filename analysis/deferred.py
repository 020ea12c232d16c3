"""Modules the kit binds by name but imports only when one of their attributes is first used.

``from analysis.deferred import pandas as pd`` gives a stand-in for pandas: the first
``pd.<name>`` imports pandas and keeps what it found on the stand-in, so later reads are
plain attribute reads. The analysis stages build tuples and dicts, not DataFrames, so a
process that only runs them (``python -m analysis extract`` on text files, a Dask client
that plans tasks, a worker writing Arrow tables) never pays for importing pandas, about
a quarter of a second of CPU before the first article. Code that does use pandas gets it
whole, as if imported normally.

Only the kit's own modules see the stand-in; ``sys.modules`` is not touched, so other
libraries import pandas as usual. (NLTK is deferred differently, in :mod:`analysis.lazy_nltk`:
there the import to defer is textstat's own, so the module in ``sys.modules`` must be the
deferred one.)
"""
from __future__ import annotations

import importlib
from types import ModuleType


class DeferredModule(ModuleType):
    """Stands for the module ``name`` and imports it on the first attribute asked for."""

    def __getattr__(self, attribute: str):
        # Called only for attributes not yet kept here (dunder lookups included).
        value = getattr(importlib.import_module(self.__name__), attribute)
        setattr(self, attribute, value)
        return value

    def __repr__(self) -> str:
        return f"<deferred module {self.__name__!r}>"


pandas = DeferredModule("pandas")
