"""List what the boilerplate rules remove from PolNeAR articles, for checking by hand.

Prints every boilerplate span (file, kind, opening text) of a split, the count per kind,
and how many gold attributions start outside the body (content the rules would lose).

    .venv/bin/python benchmarks/check_boilerplate.py train
"""
from __future__ import annotations

import sys
from collections import Counter

from _shared import load_scorer, polnear_texts, require_polnear

from analysis.segment import segment


def main(split: str) -> None:
    kinds: Counter[str] = Counter()
    files = polnear_texts(split)
    for path in files:
        text = path.read_text(encoding="utf-8")
        for span in segment(text).boilerplate:
            kinds[span.kind] += 1
            print(f"{path.name}\t{span.kind}\t{text[span.start:span.end][:120]!r}")
    print(f"\n{len(files)} articles; boilerplate spans by kind: {dict(kinds)}")
    gold = load_scorer().load_gold(str(require_polnear() / split))
    total = outside = 0
    for text, attributions in gold.values():
        segments = segment(text)
        for attribution in attributions:
            total += 1
            first = min(start for start, _ in attribution["content"])
            in_boilerplate = any(b.start <= first < b.end for b in segments.boilerplate)
            outside += in_boilerplate or not (segments.body.start <= first < segments.body.end)
    print(f"gold attributions: {total}; starting outside the body: {outside}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "train")
