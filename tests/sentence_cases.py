"""Reads tests/data/sentence_cases.txt, the sentence-boundary cases shared by tests and benchmark.

Each non-comment line is ``category | marked text``: ``‖`` marks every sentence boundary and
``\\n`` stands for a line break. The text to split is the marked text without the marks (a
mark written between two spaces stands for one space); the expected sentences are the marked
text cut at the marks, stripped of white space.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

CASES_PATH = Path(__file__).resolve().parent / "data" / "sentence_cases.txt"
BOUNDARY_MARK = "‖"


class SentenceCase(NamedTuple):
    category: str
    text: str
    sentences: list[str]


def read_cases(path: Path = CASES_PATH) -> list[SentenceCase]:
    """All cases of the file, in file order."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, marked = line.split(" | ", 1)
        marked = marked.replace("\\n", "\n")
        sentences = [part.strip() for part in marked.split(BOUNDARY_MARK)]
        text = marked.replace(f" {BOUNDARY_MARK} ", " ").replace(BOUNDARY_MARK, "")
        cases.append(SentenceCase(category.strip(), text, sentences))
    return cases
