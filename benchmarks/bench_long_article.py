"""CPU seconds per pipeline stage on one long article (the bundled article repeated).

Usage: python benchmarks/bench_long_article.py SIZE [SIZE ...]   (sizes in characters)

Prints one line per size: segment, entities, quotes (and the part of it spent in
quotes._drop_overlaps, timed by wrapping it), mentions, readability, total. Used for the
5 MB figures in docs/robustness.md.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import analysis.quotes as quotes_module
from analysis.entities import build_entity_index
from analysis.load import from_text
from analysis.mentions import find_mentions
from analysis.pipeline import analyze_article
from analysis.quotes import find_quotes
from analysis.readability import readability_record
from analysis.segment import segment

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "articles" / "ndtv-twitter-child-safety.txt"


def long_article(size: int) -> str:
    piece = BUNDLED.read_text(encoding="utf-8") + "\n\n"
    return (piece * (size // len(piece) + 1))[:size]


def main(sizes: list[int]) -> None:
    analyze_article(from_text("Warm up the dictionaries. He said it."))
    in_drop = [0.0]
    drop_overlaps = quotes_module._drop_overlaps

    def timed_drop_overlaps(drafts):
        started = time.process_time()
        try:
            return drop_overlaps(drafts)
        finally:
            in_drop[0] += time.process_time() - started

    quotes_module._drop_overlaps = timed_drop_overlaps
    for size in sizes:
        text = long_article(size)
        spent: dict[str, float] = {}

        def lap(name, run):
            started = time.process_time()
            result = run()
            spent[name] = time.process_time() - started
            return result

        in_drop[0] = 0.0
        segments = lap("segment", lambda: segment(text))
        entities = lap("entities", lambda: build_entity_index(text, segments))
        attributions = lap("quotes", lambda: find_quotes(text, segments, entities=entities))
        lap("mentions", lambda: find_mentions(text, segments, attributions, entities=entities))
        quoted = [span for a in attributions for span in a.content]
        lap("readability", lambda: readability_record(text, segments, quoted_spans=quoted))
        stages = " ".join(f"{name}={seconds:.2f}" for name, seconds in spent.items())
        print(f"{size} {stages} (quotes._drop_overlaps={in_drop[0]:.2f}) total={sum(spent.values()):.2f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1_000_000])
