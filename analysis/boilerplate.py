"""Tell an article's body from the site boilerplate around it.

Works on paragraphs (spans into the article text) by general rules, not by any one
outlet's wording:

- whole-paragraph patterns: share prompts ("Follow us on …", "Sign up …"), read-more
  lines ("Read the rest here.", "Also read: …"), credits ("h/t …", "… contributed to this
  report"), advertisements and footers ("Track Latest News Live on …", copyright lines);
  some only where they close the article (author bios, "X reported from Y.");
- a trailing run of related headlines: text where nearly every content word is
  capitalised, as in a list of headline fragments run together;
- a footer sentence at the end of the last paragraph, split off from what precedes it.

:func:`find_boilerplate` returns the boilerplate spans with a ``kind`` each; everything
else is body. The patterns live in ``analysis/data/boilerplate_patterns.csv`` so they
can be read and extended without touching code.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from analysis.spans import Span, strip_span

# A whole-line pattern only applies to short paragraphs: real body paragraphs are long.
MAX_LINE_BOILERPLATE_CHARS = 300
# A footer sentence found inside the last paragraph must be this short to be split off.
MAX_FOOTER_CHARS = 250
MIN_HEADLINE_RUN_WORDS = 8
MIN_HEADLINE_CAPITALISED_SHARE = 0.85

# Short words that headline style may leave in lower case.
HEADLINE_SMALL_WORDS = frozenset(
    "a an and as at but by for from if in into of off on or per the to up via vs with".split()
)
# Headlines run together carry few commas; lists of names and bios carry many.
MAX_HEADLINE_COMMAS_PER_WORD = 1 / 12
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class BoilerplateSpan:
    """A stretch of site boilerplate: ``[start, end)`` and what kind it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    where: str  # "line", "tail" or "trailing": see the header of boilerplate_patterns.csv


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[_Rule, ...]:
    """The shipped boilerplate patterns (kind, where, regex), compiled once."""
    source = resources.files("analysis.data").joinpath("boilerplate_patterns.csv")
    with source.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return tuple(_Rule(row["kind"], re.compile(row["pattern"], re.IGNORECASE), row["where"]) for row in rows)


@lru_cache(maxsize=2)
def _line_rules(trailing: bool) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The rules :func:`line_kind` applies, as one pattern of alternatives ``rule0|rule1|…``
    in file order, and the kind of each.

    A match at the start takes the first alternative that matches, so it finds the same
    rule as trying the rules one by one, in one call instead of one per rule.
    """
    rules = [rule for rule in boilerplate_rules() if trailing or rule.where != "trailing"]
    alternatives = "|".join(f"(?P<rule{index}>{rule.pattern.pattern})" for index, rule in enumerate(rules))
    return re.compile(alternatives, re.IGNORECASE), tuple(rule.kind for rule in rules)


def line_kind(paragraph_text: str, *, trailing: bool = False) -> str | None:
    """The boilerplate kind of a whole short paragraph, or None if it reads as body text.

    ``trailing`` also applies the rules that hold only at the end of an article.
    """
    return _line_kind_in(paragraph_text, 0, len(paragraph_text), trailing=trailing)


def _line_kind_in(text: str, start: int, end: int, *, trailing: bool = False) -> str | None:
    """:func:`line_kind` of ``text[start:end]``, matched in place (no copy of the paragraph).

    Matching with ``pos`` and ``endpos`` reads ``$`` and ``\b`` at ``end`` as at the end of
    the copy; before ``start`` lies white space or nothing (paragraphs are stripped lines),
    and no rule can test the character before its first one anyway.
    """
    if end - start > MAX_LINE_BOILERPLATE_CHARS:
        return None
    pattern, kinds = _line_rules(trailing)
    match = pattern.match(text, start, end)
    # The outermost group closes last, so lastgroup names the rule that matched.
    return kinds[int(match.lastgroup.removeprefix("rule"))] if match else None


def footer_start(paragraph_text: str) -> tuple[int, str] | None:
    """Where a footer sentence starts inside a paragraph, and its kind, if one ends it."""
    window_start = max(0, len(paragraph_text) - MAX_FOOTER_CHARS)
    for rule in boilerplate_rules():
        if rule.where != "tail":
            continue
        for match in rule.pattern.finditer(paragraph_text, window_start):
            at = match.start()
            if at == 0 or paragraph_text[at - 1].isspace() or paragraph_text[at - 1] in ".!?\"”":
                return at, rule.kind
    return None


def is_headline_run(fragment: str) -> bool:
    """True if ``fragment`` reads as headlines: almost every content word capitalised."""
    words = _WORD.findall(fragment)
    if len(words) < MIN_HEADLINE_RUN_WORDS:
        return False
    content = [w for w in words if not (w.lower() in HEADLINE_SMALL_WORDS and w.islower())]
    if not content:
        return False
    if fragment.count(",") + fragment.count(";") > len(words) * MAX_HEADLINE_COMMAS_PER_WORD:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= MIN_HEADLINE_CAPITALISED_SHARE


def find_boilerplate(text: str, paragraphs: Sequence[Span]) -> list[BoilerplateSpan]:
    """Boilerplate spans among ``paragraphs`` of ``text``, in text order.

    Short paragraphs matching a boilerplate pattern are boilerplate wherever they stand.
    From the end backwards, related-headline runs and footers are boilerplate too, until
    the first paragraph that reads as body. The first paragraph is never taken as a
    headline run (it is usually the article's own title).
    """
    found: list[BoilerplateSpan] = []
    for paragraph in paragraphs:
        kind = _line_kind_in(text, paragraph.start, paragraph.end)
        if kind:
            found.append(BoilerplateSpan(paragraph.start, paragraph.end, kind))
    taken = {(b.start, b.end) for b in found}
    for index in range(len(paragraphs) - 1, 0, -1):
        paragraph = paragraphs[index]
        if (paragraph.start, paragraph.end) in taken:
            continue
        tail = _trailing_boilerplate(text, paragraph)
        if not tail:
            break
        found.extend(tail)
        if tail[0].start > paragraph.start:
            break  # the paragraph begins with body text: the trailing run ends here
    return sorted(found, key=lambda b: b.start)


def _trailing_boilerplate(text: str, paragraph: Span) -> list[BoilerplateSpan]:
    """Boilerplate at the end of one trailing paragraph: a footer and/or headline run."""
    paragraph_text = paragraph.text_of(text)
    kind = line_kind(paragraph_text, trailing=True)
    if kind:
        return [BoilerplateSpan(paragraph.start, paragraph.end, kind)]
    spans: list[BoilerplateSpan] = []
    head_end = paragraph.end
    footer = footer_start(paragraph_text)
    if footer is not None:
        at, kind = footer
        spans.append(BoilerplateSpan(paragraph.start + at, paragraph.end, kind))
        head_end = paragraph.start + at
    head = strip_span(text, paragraph.start, head_end)
    if len(head) == 0:
        return spans
    if is_headline_run(head.text_of(text)):
        spans.insert(0, BoilerplateSpan(head.start, head.end, "related_headlines"))
    return spans
