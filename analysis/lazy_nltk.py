"""Importing this module defers NLTK's import in this process until NLTK is used, if ever.

textstat 0.7.13 imports NLTK as it is imported, only to reach NLTK's cmudict corpus
(``textstat/backend/utils/_get_cmudict.py``), and :func:`analysis.syllables.use_cmudict_in_textstat`
replaces that loader: the kit never runs NLTK code. Importing NLTK still costs about a
quarter of the imports the pipeline needs, which every command and every spawned worker
would spend before its first article.

:func:`defer_nltk_import` binds ``nltk`` to a module with NLTK's spec but none of its
code yet; its module-level ``__getattr__`` (PEP 562) runs NLTK's ``__init__``
on the first attribute asked for, ``__path__`` included, which importing one of its
submodules asks for. ``import nltk`` reads only ``__spec__``, which is set, so textstat's
``import nltk`` costs nothing, while code that does use NLTK gets all of it at its first
use, as if imported normally. Attributes set on the module before then (a test replacing ``nltk.download``)
are kept over NLTK's own. ``importlib.util.LazyLoader`` is not used because it loads on
any attribute, ``__spec__`` included, which ``import nltk`` reads.

:mod:`analysis.syllables` and :mod:`analysis.readability.formulas` import this module before
textstat. It changes no result.
"""
from __future__ import annotations

import importlib.util
import sys
import threading


def defer_nltk_import() -> None:
    """Bind ``nltk`` to a module that runs NLTK's code on first use, unless it is imported or missing."""
    if "nltk" in sys.modules:
        return
    spec = importlib.util.find_spec("nltk")
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    # Without __path__ until loaded, importing a submodule (nltk.tokenize) asks for it and so
    # runs NLTK's __init__ first, in the order NLTK's own imports expect.
    package_path = module.__path__
    del module.__path__
    as_created = dict(vars(module))
    lock = threading.Lock()

    def load_on_first_use(name: str):
        with lock:
            if vars(module).get("__getattr__") is load_on_first_use:
                set_meanwhile = {
                    key: value for key, value in vars(module).items()
                    if key != "__getattr__" and as_created.get(key, load_on_first_use) is not value
                }
                del module.__getattr__
                module.__path__ = package_path
                spec.loader.exec_module(module)
                vars(module).update(set_meanwhile)
        return getattr(module, name)

    module.__getattr__ = load_on_first_use
    sys.modules["nltk"] = module


defer_nltk_import()
