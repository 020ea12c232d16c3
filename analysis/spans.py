"""Character spans into an article's text.

Every span in NewsLens is ``[start, end)`` into ``Article.text`` exactly as loaded, so
``text[span.start:span.end]`` is always the spanned string. This module holds the span
types shared by every stage; they are small frozen dataclasses that order by position.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def text_of(self, text: str) -> str:
        """The spanned substring of ``text``."""
        return text[self.start:self.end]

    def contains(self, other: "Span") -> bool:
        """True if ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        """True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        """``[start, end]``, the JSON form used by ``extract`` records."""
        return [self.start, self.end]


def strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end_without_space(text, start, end))


def end_without_space(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends once its trailing white space (any: a CR, a no-break
    space…) is left out."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
