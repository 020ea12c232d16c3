"""NewsLens: analyse how news is written, as tidy pandas tables.

Stages (one module each): :mod:`analysis.load` (articles), :mod:`analysis.segment` (body,
boilerplate, paragraphs, sentences), and the analyses that build on them. Every span is
``[start, end)`` into the article text exactly as loaded.
"""
from analysis.load import Article, LoadError, from_text, load
from analysis.segment import Segments, segment

__all__ = ["Article", "LoadError", "Segments", "from_text", "load", "segment"]
__version__ = "0.1.0"
