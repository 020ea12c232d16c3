"""Do two checkouts of the kit give the same ``extract`` records on PolNeAR?

A check for changes meant to be speed-only: every article of a PolNeAR split is run through
``analyze_article`` by this checkout and by another one (``--base``, e.g. ``/work/main`` or
a ``git archive`` of the commit before the change), each in its own interpreter, and the
records are compared key by key (quotes, mentions, readability, segments; the text is the
same input and is left out).

Usage: ``python benchmarks/check_same_records.py --base PATH [--split train] [--keys quotes mentions]``.
Prints the number of articles whose records differ per key, and the first differences;
exits 1 when any differ. Needs ../shared/benchmarks/polnear beside the repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import REPO_ROOT, polnear_texts

# Runs inside the checkout being measured: one JSON record per line, without the text.
_WRITE_RECORDS = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from analysis.load import from_text
from analysis.pipeline import analyze_article
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sys.argv[3:]:
        record = analyze_article(from_text(Path(path).read_text(encoding="utf-8"), id=Path(path).stem))
        record.pop("text")
        out.write(json.dumps(record, sort_keys=True) + "\\n")
"""


def records_of(checkout: Path, files: list[Path], out: Path) -> list[dict]:
    subprocess.run(
        [sys.executable, "-c", _WRITE_RECORDS, str(checkout), str(out), *map(str, files)],
        check=True, cwd=checkout,
    )
    with open(out, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (a folder holding analysis/)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--keys", nargs="*", default=None, help="record keys to compare (default: all)")
    options = parser.parse_args()
    files = polnear_texts(options.split)
    with tempfile.TemporaryDirectory() as folder:
        base = records_of(options.base.resolve(), files, Path(folder) / "base.jsonl")
        here = records_of(REPO_ROOT, files, Path(folder) / "here.jsonl")
    keys = options.keys or sorted(set(base[0]) | set(here[0]))
    differing = {key: [b["id"] for b, h in zip(base, here) if b.get(key) != h.get(key)] for key in keys}
    print(f"{len(files)} {options.split} articles; base {options.base}, here {REPO_ROOT}")
    for key in keys:
        ids = differing[key]
        count = sum(len(r.get(key) or ()) if isinstance(r.get(key), list) else 1 for r in here)
        print(f"  {key}: {len(ids)} articles differ" + (f" (first: {', '.join(ids[:5])})" if ids else f" ({count} items)"))
    return 1 if any(differing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
