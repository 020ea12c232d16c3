"""Where the benchmarks find ../shared (PolNeAR, the scorer); they exit cleanly without it."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
POLNEAR = SHARED / "benchmarks" / "polnear"
SCORER = SHARED / "tools" / "attribution_score.py"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def require_polnear() -> Path:
    """The PolNeAR folder, or exit with a message saying why the benchmark cannot run."""
    if not POLNEAR.is_dir():
        sys.exit(f"skipped: {POLNEAR} is absent (PolNeAR is read from ../shared, never copied here)")
    return POLNEAR


def polnear_texts(split: str) -> list[Path]:
    """The article files of one PolNeAR split, sorted by name."""
    return sorted((require_polnear() / split / "text").glob("*.txt"))


def run_in_checkout(script: str, checkout: Path, files: list[Path]) -> dict:
    """Run ``script`` (``python -c``, argv: checkout, then ``files``) in a fresh interpreter
    inside ``checkout``; the JSON object it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(checkout), *map(str, files)],
        check=True, cwd=checkout, capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_scorer():
    """The shared attribution scorer as a module (it is stdlib-only)."""
    spec = importlib.util.spec_from_file_location("attribution_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
