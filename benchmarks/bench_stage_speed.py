"""CPU time of segmentation and the readability record, this checkout against another one.

Every PolNeAR train + dev text goes through the pipeline's stages in the order
``analyze_article`` calls them (segment, entity index, quotes, readability record; mentions
are left out, readability does not read them). Only ``segment`` and ``readability_record``
are timed, with ``time.process_time`` around each call, on a first pass (cold word caches,
as a corpus run meets them) and a second pass over the same texts (warm). As in
``bench_corpus.py``, the first 20 texts are analysed once beforehand so that data files,
the dictionary and Pyphen are loaded before timing.

Each measurement runs in a fresh interpreter, alternating this checkout and ``--base``
(``here, base, base, here, …``) so that both meet the same machine noise; the report gives
each run and the median per checkout, and the base / here ratio of the medians.

Usage: ``python benchmarks/bench_stage_speed.py --base /work/main [--rounds 3]``.
Needs ../shared/benchmarks/polnear beside the repository; exits with a message if absent.
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from _shared import REPO_ROOT, polnear_texts, run_in_checkout

# Runs inside the checkout measured: prints one JSON object of CPU seconds.
_MEASURE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from analysis.entities import build_entity_index
from analysis.quotes import find_quotes
from analysis.readability import readability_record
from analysis.segment import segment
texts = [Path(path).read_text(encoding="utf-8") for path in sys.argv[2:]]

def one_pass(texts):
    spent = {"segment": 0.0, "readability": 0.0}
    for text in texts:
        started = time.process_time()
        segments = segment(text)
        spent["segment"] += time.process_time() - started
        attributions = find_quotes(text, segments, entities=build_entity_index(text, segments))
        quoted = [span for attribution in attributions for span in attribution.content]
        started = time.process_time()
        readability_record(text, segments, quoted_spans=quoted)
        spent["readability"] += time.process_time() - started
    return spent

one_pass(texts[:20])
first, second = one_pass(texts), one_pass(texts)
print(json.dumps({f"{stage} {name}": round(seconds, 3)
                  for name, spent in (("first", first), ("second", second)) for stage, seconds in spent.items()}))
"""

MEASURES = ("segment first", "segment second", "readability first", "readability second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per checkout (default 3)")
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare with (holds analysis/)")
    options = parser.parse_args()
    checkouts = {"here": REPO_ROOT, "base": options.base.resolve()}
    files = [*polnear_texts("train"), *polnear_texts("dev")]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    for round_number in range(options.rounds):
        order = ["here", "base"] if round_number % 2 == 0 else ["base", "here"]
        for name in order:
            runs[name].append(run_in_checkout(_MEASURE, checkouts[name], files))
            print(f"round {round_number + 1} {name}: {runs[name][-1]}", flush=True)
    print(f"{len(files)} PolNeAR train + dev texts; CPU seconds, median of {options.rounds} runs each")
    print(f"here {checkouts['here']}, base {checkouts['base']}")
    for key in MEASURES:
        here = statistics.median(run[key] for run in runs["here"])
        base = statistics.median(run[key] for run in runs["base"])
        print(f"  {key:19} base {base:6.2f} s  here {here:6.2f} s  base/here {base / here:4.1f}x")


if __name__ == "__main__":
    main()
