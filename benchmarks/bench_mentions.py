"""How many named gold sources of PolNeAR do the source mentions cover, and how fast.

A gold Source span (of the first annotator in metadata.tsv, read by the shared scorer) is
*named* when it holds a capitalised word that is not one of a few pronouns and
determiners (He, The, …); *capitalised* when it holds any capitalised word. A span is
covered when a mention from :func:`analysis.mentions.find_mentions` overlaps one of its
fragments ("names only" counts name and acronym mentions, not source nouns).

    .venv/bin/python benchmarks/bench_mentions.py dev [--misses 30] [--backend rules]
"""
from __future__ import annotations

import argparse
import re
import time

from _shared import load_scorer, require_polnear

from analysis.mentions import find_mentions
from analysis.entities import NAME_KINDS
from analysis.segment import segment

_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
# Capitalised only because they open a sentence: a span holding nothing else is not named.
_NOT_A_NAME = {
    "I", "He", "She", "It", "They", "We", "You", "The", "A", "An", "This", "That", "These",
    "Those", "His", "Her", "Its", "Their", "Our", "My", "Some", "Many", "Most", "One", "Both",
}


def _words(text: str, fragments: list[tuple[int, int]]) -> list[str]:
    return [w for s, e in fragments for w in _CAPITALISED.findall(text[s:e])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["train", "dev"])
    parser.add_argument("--misses", type=int, default=0, help="print this many uncovered named spans")
    parser.add_argument("--backend", default="rules")
    args = parser.parse_args()
    gold = load_scorer().load_gold(str(require_polnear() / args.split))
    counts = {"capitalised": [0, 0, 0], "named": [0, 0, 0]}  # spans, covered by any, by names
    misses = []
    n_mentions = 0
    elapsed = 0.0
    for stem, (text, attributions) in gold.items():
        segments = segment(text)
        started = time.perf_counter()
        mentions = find_mentions(text, segments, backend=args.backend)
        elapsed += time.perf_counter() - started
        n_mentions += len(mentions)
        sources = {tuple(map(tuple, a["source"])) for a in attributions if a["source"]}
        for fragments in sources:
            words = _words(text, list(fragments))
            if not words:
                continue
            overlapping = [m for m in mentions if any(m.start < e and s < m.end for s, e in fragments)]
            covered_any, covered_names = bool(overlapping), any(m.kind in NAME_KINDS for m in overlapping)
            kinds = ["capitalised"] + (["named"] if any(w not in _NOT_A_NAME for w in words) else [])
            for kind in kinds:
                counts[kind][0] += 1
                counts[kind][1] += covered_any
                counts[kind][2] += covered_names
            if "named" in kinds and not covered_any:
                misses.append((stem, " … ".join(text[s:e] for s, e in fragments)))
    print(f"PolNeAR {args.split}: {len(gold)} articles, {n_mentions} mentions, backend={args.backend}")
    for kind, (spans, any_, names) in counts.items():
        print(f"  {kind} source spans: {spans}; covered by a mention: {any_} ({any_ / spans:.3f}); "
              f"by a name mention: {names} ({names / spans:.3f})")
    print(f"  find_mentions (segment excluded): {elapsed:.2f} s, {len(gold) / elapsed:.0f} articles/s")
    for stem, surface in misses[: args.misses]:
        print(f"  miss {stem}: {surface!r}")


if __name__ == "__main__":
    main()
