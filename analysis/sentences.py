"""Sentence spans inside a paragraph (placeholder until the rule-based splitter lands)."""
from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as [s, e) offsets into ``text``."""
    end = len(text) if end is None else end
    spans, cursor = [], start
    for match in _END.finditer(text, start, end):
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
