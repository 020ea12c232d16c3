"""CPU time of the entity index and the mentions over PolNeAR, this checkout against another.

Each round starts one fresh interpreter per checkout (``--base`` first, then this one, so
the machine's noise falls on both alike) that segments the texts of ``train/`` and ``dev/``
(924 articles; not timed), builds the entity index of every article twice (a first pass in
the fresh interpreter, as a batch run meets it, then a second pass with whatever the
stage caches kept), runs the quotes once on the index (not timed) and times
``find_mentions``. Times are ``time.process_time`` of that interpreter; the best of the
rounds is printed per checkout, with the ratio base / here. The garbage collector stays on
(batch runs meet it), but a full collection runs before each timed step, so that a
collection owed to the objects of an earlier step is not charged to the next one.

    /work/main/.venv/bin/python benchmarks/bench_entities.py --base /work/main [--rounds 3]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from _shared import REPO_ROOT, polnear_texts, run_in_checkout

# Runs inside the checkout being measured; prints one JSON object of CPU seconds.
_MEASURE = """
import gc, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from analysis.entities import build_entity_index
from analysis.mentions import find_mentions
from analysis.quotes import find_quotes
from analysis.segment import segment
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
segments = [segment(text) for text in texts]
probe = "The mayor of Springfield, Ann Lee, spoke on Monday.\\n"
build_entity_index(probe, segment(probe))  # loads the gazetteer and the word lists
spent = {}
for name in ("entity index, first pass", "entity index, second pass"):
    gc.collect()
    started = time.process_time()
    indexes = [build_entity_index(t, s) for t, s in zip(texts, segments)]
    spent[name] = time.process_time() - started
quotes = [find_quotes(t, s, entities=e) for t, s, e in zip(texts, segments, indexes)]
gc.collect()
started = time.process_time()
for t, s, q, e in zip(texts, segments, quotes, indexes):
    find_mentions(t, s, q, entities=e)
spent["mentions"] = time.process_time() - started
print(json.dumps(spent))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (a folder holding analysis/)")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    files = polnear_texts("train") + polnear_texts("dev")
    checkouts = {"base": options.base.resolve(), "here": REPO_ROOT}
    best: dict[str, dict[str, float]] = {"base": {}, "here": {}}
    for round_number in range(1, options.rounds + 1):
        for label, checkout in checkouts.items():
            spent = run_in_checkout(_MEASURE, checkout, files)
            print(f"round {round_number} {label}: " + ", ".join(f"{k} {v:.2f} s" for k, v in spent.items()))
            for key, seconds in spent.items():
                best[label][key] = min(seconds, best[label].get(key, seconds))
    print(f"{len(files)} articles; best of {options.rounds} rounds, CPU seconds (base {checkouts['base']}, here {REPO_ROOT}):")
    for key in best["here"]:
        ratio = best["base"][key] / best["here"][key]
        print(f"  {key}: base {best['base'][key]:.2f} s, here {best['here'][key]:.2f} s ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
