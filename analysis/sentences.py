"""Rule-based sentence splitter for English news, also splitting at Indic and CJK sentence marks.

:func:`sentence_spans` returns the sentences of ``text[start:end]`` as ``(start, end)`` pairs
of offsets into ``text``. The spans are stripped of surrounding white space, in order, do not
overlap, and together cover every non-white-space character of the range; a blank line always
ends a sentence. It is pure Python: one regular expression finds the candidate ends (a run of
``.?!…`` followed by closing quotes or brackets and white space; ``। ॥ 。 ！ ？`` and the
Arabic-script marks with or without white space; blank lines; line breaks before a list
item such as ``1.`` or ``•``), and each ``.`` candidate is
decided from the token before it and the word after it with set lookups. The abbreviation
classes live in ``data/abbreviations.txt``, the word lists in ``data/sentence_words.txt``.
Every pattern runs in linear time, so any input finishes quickly and nothing raises.

Conventions: a quotation that runs over several sentences is split at each of them (the quote
marks stay inside their sentences); a quoted question followed by a short speech tag
(``"Why?" Mr. Lee asked.``) is one sentence; a sentence end inside brackets that close soon
does not split; dashes never split; a single line break does not split unless a list item
(``1.``, ``2)``, ``•``) starts the next line.
"""
from __future__ import annotations

import re
from pathlib import Path

_DATA = Path(__file__).parent / "data"

_CLOSERS = "\"'”’»›)\\]}」』）》〉】"
_OPENERS = "\"'“‘«‹([{「『（《〈【¿¡"

_CJK_MARKS = "。！？｡।॥؟۔"  # with Indic danda and Arabic-script marks: end a sentence, no space needed

_BOUNDARY = re.compile(
    rf"""
    [.?!…{_CJK_MARKS}\n\u2029]    # every candidate starts with one of these characters
    (?:
      (?<=[{_CJK_MARKS}])[{_CJK_MARKS}]*[{_CLOSERS}]*()\s*      # 1: after CJK-style marks and closers
    | (?<=[.?!…])(?<![.?!…].)(?<![.?!…][ ][.])                 # a run of Latin marks, from its start:
      ((?:[.?!…]|[ ][.](?![.]))*)                               # 2: rest of the run (". . ." is one),
      ([{_CLOSERS}]*)                                           # 3: closing quotes and brackets,
      (\s+|\Z)                                                  # 4: white space or the range end
    | (?<=\n)[^\S\n]*\n\s* | (?<=\u2029)\s*                      # a blank line
    | (?<=\n)[^\S\n]*(?=(?:\d{{1,3}}[.)]|[•▪●◦*-])\s)             # a line that starts a list item
    )""",
    re.VERBOSE,
)
# The pattern starts with one character set, so the engine skips fast to the next possible
# start; the lookbehinds then make a run of marks a single candidate, tried once, which keeps
# the scan linear however many marks or quotes pile up.

_NEXT_WORD = re.compile(r"([^\w\s]*)(\w*)")
_LEADING_SPACE = re.compile(r"\s*")
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_TOKEN_WINDOW = 40  # longest token before a period examined as an abbreviation or opener
_SKIPPABLE = _OPENERS + ".…"  # may stand between a sentence end and the next sentence's word
_SKIPPED_GROUPS = 4  # white-space-separated groups of them looked past (". . . The")
_QUOTES = "\"'”’»›」』"
_TAG_WINDOW, _TAG_WORDS = 60, 5  # how far a speech tag after a quoted question may reach

_NEVER_ENDS, _BEFORE_NUMBER, _BEFORE_STARTER, _BEFORE_CAPITAL = (
    "never_ends", "before_number", "before_starter", "before_capital")


def _read_sections(path: Path) -> dict[str, frozenset[str]]:
    """Words of a ``[section]``-headed file, several per line, ``#`` starting a comment."""
    sections: dict[str, set[str]] = {}
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            words = sections.setdefault(line[1:-1], set())
        elif line:
            words.update(line.split())
    return {name: frozenset(found) for name, found in sections.items()}


_ABBREVIATION_CLASS = {
    abbreviation: name
    for name, abbreviations in _read_sections(_DATA / "abbreviations.txt").items()
    for abbreviation in abbreviations
}
_WORDS = _read_sections(_DATA / "sentence_words.txt")
_STARTERS = _WORDS["starters"]
_CONTINUATIONS = _WORDS["continuations"]
_SPEECH_VERBS = _WORDS["speech_verbs"]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as [s, e) offsets into `text` (not into the slice).

    ``start`` and ``end`` are read like slice bounds. The spans are stripped of white space and
    tile the non-white-space characters of the range; an empty or blank range gives ``[]``.
    """
    start, end, _ = slice(start, end).indices(len(text))
    if start >= end:
        return []
    spans: list[tuple[int, int]] = []
    piece = _LEADING_SPACE.match(text, start, end).end()
    depth_at, depth = piece, 0  # bracket depth of text[piece:depth_at]
    for match in _BOUNDARY.finditer(text, piece, end):
        kind = match.lastindex
        resume = match.end()
        if kind is None:  # blank line or list item
            stop = match.start()
        elif kind == 1:
            stop = match.start(1)
        else:
            if resume >= end:
                break
            stop = match.end(3)
            gap = match.group(4)
            if gap.count("\n") < 2 and "\u2029" not in gap:  # else a blank line ends it anyway
                if not _ends_sentence(text, match, piece, end):
                    continue
                if depth_at < piece:
                    depth_at, depth = piece, 0
                depth = max(0, depth + _bracket_balance(text, depth_at, stop))
                depth_at = stop
                if depth and _bracket_closes_soon(text, resume, end):
                    continue
        _append_trimmed(spans, text, piece, stop)
        piece = resume
    _append_trimmed(spans, text, piece, end)
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, stop: int) -> None:
    """Append ``(start, stop)`` without trailing white space, unless nothing is left."""
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append((start, stop))


def _ends_sentence(text: str, match: re.Match[str], piece: int, end: int) -> bool:
    """Whether a Latin end-mark candidate ends the sentence that began at ``piece``."""
    period = match.start()
    marks = text[period:match.end(2)]
    if period - piece < _TOKEN_WINDOW and not text[piece:period].strip(_SKIPPABLE + " "):
        return False  # marks alone are no sentence: '"... And' opens what follows
    word = _next_word(text, match.end(), end)
    if not word or word[0].islower():
        return False
    closers = match.group(3)
    if closers:
        if "?" in marks or "!" in marks:
            return not (closers[-1] in _QUOTES and _is_speech_tag(text, match.end(), end))
        return True
    if marks not in (".", "!"):
        return True
    window = max(piece, period - _TOKEN_WINDOW)
    space = text.rfind(" ", window, period)
    token = text[space + 1 if space >= 0 else window:period]
    if not token or token[-1].isspace():
        return True
    token = token.split()[-1]
    core = token.lstrip(_OPENERS)
    if not core:
        return True
    kind = _ABBREVIATION_CLASS.get(core + marks)
    if kind is None and core.isupper():
        kind = _ABBREVIATION_CLASS.get(core.capitalize() + marks)
    if kind is None:
        if marks == "!":
            return True
        if core.isdigit():  # "1. First item" at the start of a sentence is a list number
            return not (period - len(token) == piece and len(core) <= 3)
        if (len(core) == 1 and core.isupper()) or _DOTTED_ACRONYM.fullmatch(core):
            kind = _BEFORE_STARTER
        else:
            return True
    if kind == _NEVER_ENDS:
        return False
    if kind == _BEFORE_NUMBER:
        return not word[0].isdigit()
    if kind == _BEFORE_STARTER:
        return word in _STARTERS
    return word[0].isupper() and word not in _CONTINUATIONS


def _next_word(text: str, start: int, end: int) -> str:
    """The word after a candidate, looking past opening quotes, brackets and ellipses."""
    for _ in range(_SKIPPED_GROUPS):
        lead, word = _NEXT_WORD.match(text, start, end).groups()
        if word or not lead or lead.strip(_SKIPPABLE):
            return word
        start = _LEADING_SPACE.match(text, start + len(lead), end).end()
    return ""


def _is_speech_tag(text: str, start: int, end: int) -> bool:
    """Whether a short speech tag ("Mr. Lee asked.") follows, so a quoted question goes on."""
    for word in text[start:min(end, start + _TAG_WINDOW)].split()[:_TAG_WORDS]:
        if word.rstrip(",.;:") in _SPEECH_VERBS:
            return True
        if word[-1] in ".?!" and word not in _ABBREVIATION_CLASS:
            return False
    return False


def _bracket_balance(text: str, start: int, stop: int) -> int:
    """Opening minus closing round and square brackets in text[start:stop]."""
    return (text.count("(", start, stop) + text.count("[", start, stop)
            - text.count(")", start, stop) - text.count("]", start, stop))


_BRACKET_LOOKAHEAD = 300  # an unclosed bracket only holds a sentence open if it closes soon


def _bracket_closes_soon(text: str, start: int, end: int) -> bool:
    """Whether a closing bracket follows within the lookahead, so a sentence end is parenthetical."""
    stop = min(end, start + _BRACKET_LOOKAHEAD)
    return text.find(")", start, stop) >= 0 or text.find("]", start, stop) >= 0
