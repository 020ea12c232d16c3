"""Find direct quotations: stretches of text between matching quotation marks.

:func:`quoted_spans` scans one paragraph (``[start, end)`` into the article text) and
returns :class:`QuotedSpan` items, each spanning a quotation *including* its marks. It
handles straight and curly double quotes, doubled apostrophes (``''…''``), guillemets,
and single quotes used as quotation marks (but not apostrophes: ``users' posts``,
``Twitter's``). Only top-level quotations are returned (a quotation inside another one is
part of it). Unbalanced marks are handled by context: an opening mark met while a
quotation is already open means the earlier one was stray, and the scan restarts there.
A quotation still open at the paragraph end is kept (``open_end`` True) only when the
paragraph starts with it, the multi-paragraph convention (or the caller says it carries
on, ``continues``), or when it opens after a sentence end or a colon and runs to the
paragraph end as whole sentences (a closing mark left out); otherwise its mark is stray.
A curly quotation inside a straight one that opens the paragraph is nested in it, and so is
one inside a quotation in the same curly marks when two closing marks follow it
(``“… what they call “a rout” and …”``). Curly marks printed the wrong way round are read
by position (``“…,“ said X``). Three apostrophes in a row are one mark (``,''' Mr. Putin
said``), and a straight mark after ``=`` or before ``>`` delimits a markup attribute, not a
quotation.

The scan visits quotation marks only (each mark character found with ``str.find``), so it
runs in time linear in the paragraph length. :class:`MarkIndex` finds the marks of a whole
body once, so that its paragraphs are not scanned again (``quoted_spans(..., marks=index)``).
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import NamedTuple

# Double marks: straight, curly, low-9, guillemets and the doubled apostrophes or
# backticks of some wire styles; single marks are handled in a second pass. Three
# apostrophes are one mark: a doubled-apostrophe quotation opening or closing together with
# a single one inside it (",''' Mr. Putin said"); read as two marks, the quotation would end
# one apostrophe early and the stray one would hide the frame after it. So a run of
# apostrophes is read from its start as marks of three, then one of two when two are left
# (one left over is no double mark), and a run of backticks as marks of two.
# A straight mark after "=" or before ">" delimits a markup attribute (the tweets embedded in
# some web text: <tweet author="@x" date="May 2">…<tweet/>), not a quotation.
_ONE_CHARACTER_DOUBLE_MARKS = "\"“”„‟«»"
# A single mark with a word character (a letter, digit or underscore) on both sides is an
# apostrophe (don't, Twitter's, O’Malley) and is not listed.
_SINGLE_MARK_CHARACTERS = "‘’'"
_OPENERS = frozenset("“„‟«") | {"``"}
_CLOSERS = frozenset("”»")
# Characters after which a straight mark reads as opening (and before which as closing).
_OPEN_BEFORE = frozenset(" \t\n\r\xa0([{—–-/:;")
_CLOSE_AFTER = frozenset(" \t\n\r\xa0)]}.,;:!?—–-/…")
# Wrong-way curly marks some sources print: an opening mark closing a quotation after its
# final punctuation ('“It's unusual,“ said X'), a closing mark opening a paragraph
# ('” … in the case of Wyoming, …,” wrote Time', after an invisible direction mark at most).
_WRONG_WAY_CLOSE_BEFORE = frozenset(",.?!…")
_WORD_CHARACTER = re.compile(r"\w")
_WORD_CHARACTER_RUN = re.compile(r"\w+")
_PARAGRAPH_LEAD = " \t\xa0\u200e\u200f\u202a\u202b\u202c\u202d\u202e"


class QuotedSpan(NamedTuple):
    """A quotation ``[start, end)`` including its marks; ``open_end``: no closing mark (a
    named tuple: made for every quotation of every article, it must be cheap to build)."""

    start: int
    end: int
    open_end: bool = False


def _positions(text: str, character: str, start: int, end: int) -> list[int]:
    """Where ``character`` occurs in ``text[start:end]``, by ``str.find`` (a C loop: a mark
    is rare, and a text without the character's width is not read at all)."""
    found = []
    at = text.find(character, start, end)
    while at != -1:
        found.append(at)
        at = text.find(character, at + 1, end)
    return found


def _in_runs(positions: list[int], size: int, mark: str) -> list[tuple[int, int, str]]:
    """Marks of ``size`` characters cut from the start of each run of consecutive
    ``positions``; ``size == 3`` (apostrophes) also cuts one of two from a run's rest."""
    marks = []
    index, count = 0, len(positions)
    while index < count:
        run_start = positions[index]
        run_end = index + 1
        while run_end < count and positions[run_end] == run_start + (run_end - index):
            run_end += 1
        left, at = run_end - index, run_start
        while left >= size:
            marks.append((at, at + size, mark))
            at, left = at + size, left - size
        if size == 3 and left == 2:
            marks.append((at, at + 2, "''"))
        index = run_end
    return marks


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _find_marks(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """The quotation-mark candidates of ``text[start:end]``: double marks as (start, end,
    mark) in text order, and the positions of single marks that are not apostrophes. Each
    mark character is looked up on its own with ``str.find``, so the body's other
    characters are skipped in C rather than tested one by one."""
    apostrophes = _positions(text, "'", start, end)  # read for double and single marks
    doubles = _in_runs(apostrophes, 3, "'''")
    doubles += _in_runs(_positions(text, "`", start, end), 2, "``")
    for mark in _ONE_CHARACTER_DOUBLE_MARKS:
        for at in _positions(text, mark, start, end):
            if mark == '"' and ((at > 0 and text[at - 1] == "=") or (at + 1 < end and text[at + 1] == ">")):
                continue  # a markup attribute's delimiter
            doubles.append((at, at + 1, mark))
    doubles.sort()
    singles = []
    for mark in _SINGLE_MARK_CHARACTERS:
        for at in apostrophes if mark == "'" else _positions(text, mark, start, end):
            if at > 0 and at + 1 < end and _is_word_character(text[at - 1]) and _is_word_character(text[at + 1]):
                continue  # an apostrophe
            singles.append(at)
    singles.sort()
    return doubles, singles


def _role(text: str, mark_start: int, mark_end: int, mark: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for one mark, from the mark itself and its neighbours."""
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[mark_start - 1] if mark_start > start else " "
    after = text[mark_end] if mark_end < end else " "
    opens = before in _OPEN_BEFORE or before in "\"“'‘"
    closes = after in _CLOSE_AFTER or after in "\"”'’"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _wrong_way_role(text: str, mark_start: int, mark: str, start: int, end: int, *, is_open: bool) -> str | None:
    """'close' for an opening mark that can only close, 'open' for a closing mark that
    can only open; None when the mark is the right way round."""
    if mark == "“" and is_open and mark_start > start and text[mark_start - 1] in _WRONG_WAY_CLOSE_BEFORE \
            and (mark_start + 1 >= end or text[mark_start + 1] in _CLOSE_AFTER):
        return "close"
    if mark == "”" and not is_open and not text[start:mark_start].strip(_PARAGRAPH_LEAD):
        return "open"
    return None


def _pair(text: str, marks: list[tuple[int, int, str]], start: int, end: int) -> tuple[list[QuotedSpan], int | None]:
    """Pair marks into top-level quotations; also return the position of a mark left open."""
    found: list[QuotedSpan] = []
    open_at: int | None = None
    nested = False
    for index, (mark_start, mark_end, mark) in enumerate(marks):
        if nested:
            nested = mark != "”"
            continue
        role = _wrong_way_role(text, mark_start, mark, start, end, is_open=open_at is not None) \
            or _role(text, mark_start, mark_end, mark, start, end)
        if open_at is None:
            if role != "close":
                open_at = mark_start
        elif role == "open":
            nested = _nests_curly(text, open_at, mark_start, start) \
                or _nests_same_curly(text, open_at, mark_start, marks[index + 1:index + 3])
            if not nested:
                open_at = mark_start  # the earlier opening mark was stray
        else:
            found.append(QuotedSpan(open_at, mark_end))
            open_at = None
    return found, open_at


# Words a quotation left open at its paragraph end must hold to be read as one (not a stray mark).
MIN_OPEN_SENTENCE_WORDS = 8
_SENTENCE_BEFORE_MARK = re.compile(r"[.!?:][ \xa0]+$")
_OPEN_SENTENCE_END = re.compile(r"[.!?][ \xa0]*$")


def _runs_to_paragraph_end(text: str, open_at: int, end: int) -> bool:
    """An opening mark after a sentence end or a colon whose quotation runs, unclosed, to the
    paragraph end as whole sentences ('… said Baron. “His candidacy … in the greatest depth.'
    with the closing mark missing): the quotation, not a stray mark."""
    return _SENTENCE_BEFORE_MARK.search(text, max(0, open_at - 3), open_at) is not None \
        and _OPEN_SENTENCE_END.search(text, open_at, end) is not None \
        and len(_WORD_CHARACTER_RUN.findall(text, open_at, end)) >= MIN_OPEN_SENTENCE_WORDS


def _nests_curly(text: str, open_at: int, mark_start: int, start: int) -> bool:
    """A curly quotation inside a straight one that opens the paragraph ('"The Justice
    Department isn’t about “Equal Justice Under Law” anymore. …'): the paragraph-opening
    mark is the outer quotation, not a stray one (a straight mark inside a paragraph often
    is stray, so only this position counts). Words must come between the two marks: in
    '"“You don’t win …,” Rubio responded' the straight mark is the stray one."""
    return text[mark_start] == "“" and text[open_at] == '"' and not text[start:open_at].strip(_PARAGRAPH_LEAD) \
        and _WORD_CHARACTER.search(text, open_at, mark_start) is not None


def _nests_same_curly(text: str, open_at: int, mark_start: int, next_marks: list[tuple[int, int, str]]) -> bool:
    """A curly quotation inside one in the same curly marks ('“… what they call “a rout” and
    …”'): two closing marks follow the inner opening one, so the outer mark is not stray."""
    return text[open_at] == "“" and text[mark_start] == "“" and len(next_marks) == 2 \
        and next_marks[0][2] == "”" and next_marks[1][2] == "”" \
        and _WORD_CHARACTER.search(text, open_at, mark_start) is not None


def _single_marks(text: str, positions, start: int, end: int) -> list[tuple[int, int, str]]:
    """Single marks that can be quotation marks: not between two letters (an apostrophe).
    ``positions``: the single marks :func:`_find_marks` lists in ``text[start:end]``."""
    marks = []
    for position in positions:
        mark = text[position]
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # don't, Twitter's, O’Malley
        if mark == "’" and not after.isalnum() and before in "sz":
            # users’ posts: a plural possessive unless a quotation is open (checked in pairing)
            marks.append((position, position + 1, "’?"))
            continue
        marks.append((position, position + 1, mark))
    return marks


def _pair_single(text: str, marks: list[tuple[int, int, str]], start: int, end: int) -> list[QuotedSpan]:
    """Single quotations need an opening mark followed by a closing one; strays are dropped."""
    found: list[QuotedSpan] = []
    open_at: int | None = None
    for mark_start, mark_end, mark in marks:
        role = _role(text, mark_start, mark_end, mark.rstrip("?"), start, end)
        if mark == "‘":
            role = "open"
        elif mark in ("’", "’?"):
            role = "close"
        if open_at is None:
            if role == "open":
                open_at = mark_start
        elif role == "close" or role == "either":
            found.append(QuotedSpan(open_at, mark_end))
            open_at = None
        else:
            open_at = mark_start
    return found


def quoted_spans(text: str, start: int, end: int, *, continues: bool = False,
                 marks: "MarkIndex | None" = None) -> list[QuotedSpan]:
    """Top-level quotations in the paragraph ``text[start:end]``, in order.

    ``continues``: the previous paragraph ended inside a quotation (or the next one opens
    with a quotation mark), so a quotation left open here at the end is kept even when it
    does not start the paragraph. ``marks``: the marks
    of a stretch holding the paragraph, found once (the paragraph is not scanned again).
    """
    found_marks = marks.within(text, start, end) if marks is not None else None
    if found_marks is None:
        doubles, singles = _find_marks(text, start, end)
    else:
        doubles, singles = found_marks
    found, open_at = _pair(text, doubles, start, end)
    if open_at is not None and (open_at == start or continues or _runs_to_paragraph_end(text, open_at, end)):
        found.append(QuotedSpan(open_at, end, open_end=True))
    if not singles:
        return _top_level(found)  # already in order: pairs close left to right
    single_quotes = _pair_single(text, _single_marks(text, singles, start, end), start, end)
    if single_quotes:
        covered = FurthestEnd([(q.start, q.end) for q in found])
        for single in single_quotes:
            if covered.reach(single.start) <= single.start:
                found.append(single)
        found.sort(key=lambda q: q.start)
    return _top_level(found)


class MarkIndex:
    """The quotation-mark candidates of a stretch of text (an article body), found once over
    all of it; :meth:`within` hands a paragraph its share, :meth:`any_within`
    says whether it has one (a paragraph with none has no quotation)."""

    def __init__(self, text: str, start: int, end: int):
        self.doubles, self.singles = _find_marks(text, start, end)
        self.double_starts = [mark[0] for mark in self.doubles]

    def any_within(self, start: int, end: int) -> bool:
        """Does some mark start in ``[start, end)``?"""
        for starts in (self.double_starts, self.singles):
            at = bisect.bisect_left(starts, start)
            if at < len(starts) and starts[at] < end:
                return True
        return False

    def within(self, text: str, start: int, end: int) -> tuple[list, list[int]] | None:
        """(double marks, single mark positions) as a scan of ``text[start:end]`` alone
        finds them, or None at an edge where it might not: a two-character mark across
        ``start`` or ``end``, or a single mark as the last character (the scan of the
        whole stretch reads the character after it)."""
        first = bisect.bisect_left(self.double_starts, start)
        last = bisect.bisect_left(self.double_starts, end, lo=first)
        if (first and self.doubles[first - 1][1] > start) or (last > first and self.doubles[last - 1][1] > end) \
                or (end > start and text[end - 1] in "‘’'"):
            return None
        single_first = bisect.bisect_left(self.singles, start)
        single_last = bisect.bisect_left(self.singles, end, lo=single_first)
        return self.doubles[first:last], self.singles[single_first:single_last]


class FurthestEnd:
    """How far a set of ``(start, end)`` ranges reaches from a point, by bisection.

    ``reach(point)`` is the largest end of the ranges starting at or before ``point`` (-1, below
    any offset, when there is none), so ``reach(p) > p`` says some range covers ``p`` and
    ``reach(s) >= e`` says some range contains ``[s, e)``, each in O(log n).
    """

    def __init__(self, ranges: list[tuple[int, int]]):
        ordered = sorted(ranges)
        self.starts = [start for start, _ in ordered]
        self.furthest = list(accumulate((end for _, end in ordered), max))

    def reach(self, point: int) -> int:
        at = bisect.bisect_right(self.starts, point) - 1
        return self.furthest[at] if at >= 0 else -1


def _top_level(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out
