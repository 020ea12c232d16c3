"""What the fuzz harnesses share: turning fuzzer bytes into article text, and the checks."""
from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "tests")]

import pandas  # noqa: E402,F401  (imported before instrumentation: only our code is traced)


def text_of(data: bytes) -> str:
    """A file-like decoding when the bytes are text, else every byte kept as a character."""
    from analysis.load import decode_bytes

    try:
        return decode_bytes(data)[0]
    except UnicodeError:
        return data.decode("utf-8", "surrogateescape")
