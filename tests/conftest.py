"""Shared fixtures: the bundled article and the optional ../shared folder; a fresh-interpreter
runner; the hypothesis profiles of every property test.

Profiles (``HYPOTHESIS_PROFILE``): ``dev`` (default, 200 examples, random), ``ci`` (the same
size, derandomised and without an example database, so a CI run draws the same examples
every time; ``.ci/run`` sets it), ``thorough`` (5,000 examples, for a manual run). Loaded
here, before any test module, so they apply to all of them.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
BUNDLED_ARTICLE = REPO_ROOT / "data" / "articles" / "ndtv-twitter-child-safety.txt"

settings.register_profile("dev", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


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
