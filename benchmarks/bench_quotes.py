"""Quote attribution on PolNeAR: accuracy (the shared scorer) and speed.

Runs ``extract`` on a PolNeAR split (dev by default), converts the records to the scorer's
prediction format (speaker span as source), writes both files to ``--out`` (a temporary
folder by default), prints the scorer's table, then times quote attribution alone
(segmentation timed separately) on one core and prints words per second.

Usage: python benchmarks/bench_quotes.py [--split dev|train] [--out DIR] [--jobs N]
       [--speed-split train] [--no-speed]
Needs ../shared (PolNeAR and tools/attribution_score.py); exits with a message if absent.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from analysis.extract import run_extract  # noqa: E402
from analysis.load import load_folder  # noqa: E402
from analysis.quotes import find_quotes  # noqa: E402
from analysis.segment import segment  # noqa: E402

SHARED = REPO_ROOT.parent / "shared"
POLNEAR = SHARED / "benchmarks" / "polnear"
SCORER = SHARED / "tools" / "attribution_score.py"


def to_predictions(extract_path: Path, predictions_path: Path) -> int:
    """Convert ``extract`` records to the scorer's JSONL; return the number of quotes."""
    count = 0
    with open(extract_path, encoding="utf-8") as records, open(predictions_path, "w", encoding="utf-8") as out:
        for line in records:
            record = json.loads(line)
            quotes = [
                {"cue": q["cue"], "source": q["speaker"], "content": q["content"]}
                for q in record["quotes"]
            ]
            count += len(quotes)
            out.write(json.dumps({"doc": Path(record["path"]).stem, "quotes": quotes}) + "\n")
    return count


def score(split: str, out_dir: Path, jobs: int | None) -> None:
    split_dir = POLNEAR / split
    extract_path = out_dir / f"extract-{split}.jsonl"
    predictions_path = out_dir / f"predictions-{split}.jsonl"
    summary = run_extract([split_dir / "text"], out=extract_path, jobs=jobs)
    print(summary.describe())
    n_quotes = to_predictions(extract_path, predictions_path)
    print(f"{n_quotes} predicted attributions -> {predictions_path}")
    subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(split_dir), "--pred", str(predictions_path),
         "--json", str(out_dir / f"scores-{split}.json")],
        check=True,
    )


def speed(split: str, repeats: int = 3) -> None:
    """Words per second of find_quotes alone (best of ``repeats``), one process."""
    articles = load_folder(POLNEAR / split / "text")
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    segmented = [(a.text, segment(a.text)) for a in articles]
    segment_seconds = time.perf_counter() - started
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text, segments in segmented:
            find_quotes(text, segments)
        best = min(best, time.perf_counter() - started)
    print(f"speed on {split}: {len(articles)} articles, {words} words")
    print(f"  segmentation:    {segment_seconds:8.3f} s  {words / segment_seconds:12,.0f} words/s")
    print(f"  quote attribution (best of {repeats}): {best:8.3f} s  {words / best:12,.0f} words/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--out", help="folder for the extract, prediction and score files")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--speed-split", default="train", choices=["dev", "train"])
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir() or not SCORER.is_file():
        print(f"skipped: {POLNEAR} or {SCORER} is absent (the shared benchmarks are not on this machine)")
        return 0
    out_dir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="bench-quotes-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    score(args.split, out_dir, args.jobs)
    if not args.no_speed:
        speed(args.speed_split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
