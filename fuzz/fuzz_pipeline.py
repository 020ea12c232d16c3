"""Atheris harness: the whole ``extract`` record of arbitrary input must be valid.

Input bytes are decoded as a file is (``decode_bytes``) or, when not text, kept byte for
byte (surrogate escapes), so both file-like and arbitrary strings are tried. A crash is
an exception out of ``analyze_article``, an error record for text that is neither blank
nor binary, or a broken invariant of ``tests/record_invariants.py``. ``make fuzz`` runs it
for a bounded time; every crash it finds becomes a
parametrised regression case in ``tests/test_properties.py``.
"""
from __future__ import annotations

import sys

import atheris

from fuzz_inputs import text_of

with atheris.instrument_imports(include=["analysis"]):
    from analysis.load import from_text
    from analysis.pipeline import analyze_article

from record_invariants import assert_record_valid  # noqa: E402


def check(data: bytes) -> None:
    text = text_of(data)
    record = analyze_article(from_text(text))
    assert record["error"] is None or not text.strip() or "binary" in record["error"], record["error"]
    assert_record_valid(record)


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
