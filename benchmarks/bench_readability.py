"""Time ``analysis.readability.scores`` against textstat's functions called one by one.

Both sides run in this process on the same PolNeAR texts (the first N of ``train/``, sorted
by name) and give the same values (checked here). Before every timed run all result caches
are emptied, textstat's and the kit's alike, so neither side profits from counts an
earlier run left behind; the dictionary, Pyphen and easy-word loaders are warmed first
because both sides share them. Runs alternate (kit, textstat, textstat, kit, …) to spread
the machine's noise; the ratio reported is of the median times, by wall clock and by this
process's CPU time (steadier when other work shares the machine).

    /work/main/.venv/bin/python benchmarks/bench_readability.py [--articles 300] [--repeats 5]
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import textstat  # noqa: E402
from textstat.backend.utils import get_lang_easy_words, get_pyphen  # noqa: E402

from analysis.readability import COUNTS, METRICS, scores  # noqa: E402
from analysis.readability.formulas import clear_word_caches  # noqa: E402
from analysis.syllables import (  # noqa: E402
    TEXTSTAT_LANG,
    clear_textstat_caches,
    cmu_dictionary,
    syllables_by_hyphenation,
    token_syllables,
)

TEXTSTAT_FUNCTIONS = METRICS + COUNTS


def polnear_texts(n: int) -> list[str]:
    folder = REPO_ROOT.parent / "shared" / "benchmarks" / "polnear" / "train" / "text"
    if not folder.is_dir():
        sys.exit(f"skipped: {folder} is absent, so there are no PolNeAR texts to time")
    paths = sorted(folder.glob("*.txt"))[:n]
    return [path.read_text(encoding="utf-8") for path in paths]


def cold_start() -> None:
    """Empty every result cache, then re-warm the loaders both sides share."""
    clear_textstat_caches()
    for cached in (syllables_by_hyphenation, token_syllables):
        cached.cache_clear()
    clear_word_caches()
    cmu_dictionary()
    get_pyphen(TEXTSTAT_LANG)
    get_lang_easy_words(TEXTSTAT_LANG)


def run_kit(texts: list[str]) -> list[dict]:
    return [scores(text) for text in texts]


def run_textstat(texts: list[str]) -> list[dict]:
    return [{name: getattr(textstat, name)(text) for name in TEXTSTAT_FUNCTIONS} for text in texts]


def timed(run, texts: list[str]) -> tuple[float, float, list[dict]]:
    """Wall-clock and CPU seconds of one cold run, and its results."""
    cold_start()
    wall, cpu = time.perf_counter(), time.process_time()
    results = run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    texts = polnear_texts(args.articles)
    run_kit(texts[:1]), run_textstat(texts[:1])  # import-time and loader costs out of the way

    times: dict[str, dict[str, list[float]]] = {
        name: {"wall": [], "cpu": []} for name in ("kit", "textstat")
    }
    results: dict[str, list[dict]] = {}
    for repeat in range(args.repeats):
        order = [("kit", run_kit), ("textstat", run_textstat)]
        for name, run in order if repeat % 2 == 0 else order[::-1]:
            wall, cpu, results[name] = timed(run, texts)
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(cpu)
    kit_results, textstat_results = results["kit"], results["textstat"]

    worst = max(
        abs(kit[name] - reference[name])
        for kit, reference in zip(kit_results, textstat_results)
        for name in TEXTSTAT_FUNCTIONS
    )
    assert worst <= 1e-6 and not math.isnan(worst), f"values differ by up to {worst}"

    print(f"articles: {len(texts)} PolNeAR train texts; repeats: {args.repeats}; "
          f"values equal (max |diff| {worst:.1e})")
    for clock in ("wall", "cpu"):
        kit, reference = times["kit"][clock], times["textstat"][clock]
        print(f"{clock:4} kit scores(): median {statistics.median(kit):.3f} s {[round(t, 2) for t in kit]}; "
              f"textstat one by one: median {statistics.median(reference):.3f} s "
              f"{[round(t, 2) for t in reference]}; "
              f"speed-up {statistics.median(reference) / statistics.median(kit):.1f}x")


if __name__ == "__main__":
    main()
