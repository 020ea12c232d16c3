"""Shared fixtures: the bundled article and the optional ../shared folder; a fresh-interpreter runner."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
BUNDLED_ARTICLE = REPO_ROOT / "data" / "articles" / "ndtv-twitter-child-safety.txt"


def printed_by(code: str) -> str:
    """What ``code`` (dedented) prints in a fresh interpreter started in the repository root:
    for what a process imports or freezes, which only a new process shows."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared benchmarks are not available on this machine")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dir(shared_dir: Path) -> Path:
    path = shared_dir / "benchmarks" / "polnear"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: PolNeAR is not available on this machine")
    return path
