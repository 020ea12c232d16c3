"""Cue words: the cue list read from ``analysis/data/cue_verbs.csv`` (:func:`cue_words`),
an index of every cue in the body, the cue regex tried only where a cue's first word
starts (``_CueIndex``, which also lists where the title-case headline cues start), and
tests on a cue in place: progressive form, a participle after it, a cue that trails its
clause."""
from __future__ import annotations

import bisect
import csv
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from analysis.patterns import word_alternation
from analysis.quotes.drafts import _Region

_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+|already\s+)?$")

MAX_TRAILING_ADJUNCT_WORDS = 7
MAX_TRAILING_ADJUNCT_CHARS = 80  # where a participle after the adjunct is looked for


class _Cue(NamedTuple):
    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Lower-cased cue form → kind (speech, thought, evidence), from the data file."""
    with resources.files("analysis.data").joinpath("cue_verbs.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["form"]: row["kind"] for row in rows}


# Title-case headline cues ("Hillary Clinton Says …"): their positions are found along
# with the cues, so that ``_indirect`` tries ``_headline_says`` (:mod:`.headlines`)
# only on sentences holding one (its match needs a space before the cue, so one found after
# a non-word character is enough).
HEADLINE_CUE_FORMS = ("Says", "Say", "Said", "Tells", "Warns", "Claims", "Slams", "Blasts", "Urges", "Admits",
                      "Insists", "Suggests")


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    """A cue or a headline cue at the position matched from (one branch per first letter,
    each closed by its own word boundary)."""
    # Verbs are matched in lower case only ("State" and "Says" in names are not cues).
    by_first: dict[str, list[str]] = {}
    for form in _cue_forms():
        by_first.setdefault(form[0], []).append(form[1:])
    return re.compile("(" + "|".join(re.escape(first) + word_alternation(rests) + r"\b"
                                      for first, rests in sorted(by_first.items())) + ")")


def _cue_forms() -> list[str]:
    """The cue forms, "according to" and the headline cue forms, as the cue regex matches them."""
    return [*cue_words(), "according to", "According to", *HEADLINE_CUE_FORMS]


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[bytes]:
    """The first word of every cue form, as ASCII bytes (every form is ASCII letters and spaces)."""
    return frozenset(form.split()[0].encode("ascii") for form in _cue_forms())


# Every byte but an ASCII letter read as a space: what is left are the ASCII-letter runs.
_LETTERS_ONLY = bytes(byte if 65 <= byte <= 90 or 97 <= byte <= 122 else 32 for byte in range(256))


def _cue_word_starts(text: str, start: int, end: int) -> list[int]:
    """Where a run of ASCII letters in ``text[start:end]`` that is the first word of a cue
    form starts, in text order.

    A cue's first word is a whole run of ASCII letters (a non-word character before it, a
    word boundary or white space after it). The stretch is encoded one byte per character
    (a non-ASCII character becomes "?"), every byte but a letter is made a space, and the
    words it splits into are filtered by the set of first words, all in C; each word kept
    is then located by ``bytes.find`` from the one before, so the stretch is read once
    more, and the cue regex is tried only there instead of after every non-word character.
    """
    runs = b" " + text[start:end].encode("ascii", "replace").translate(_LETTERS_ONLY) + b" "
    found = []
    at = 0  # where the space before the next word kept may be
    for word in filter(_cue_first_words().__contains__, runs.split()):
        at = runs.find(b" " + word + b" ", at)
        found.append(start + at)  # ``runs`` has one byte more in front than the text
        at += len(word) + 1
    return found


# "show" names a programme, not a finding: "the reality TV show “The Apprentice”", "a talk
# show host", "the morning-show host" ("polls show", "records show" stay cues).
_PROGRAMME_BEFORE = re.compile(
    r"(?:\b(?:TV|[Tt]alk|radio|reality|morning|night|award|weekly|call-in|news|cable)\s+|-)$"
)
_PROGRAMME_AFTER = re.compile(r"\s*(?:[\"“‘']|\b(?:hosts?|guests?|gig)\b)")


def _is_programme(text: str, start: int, end: int) -> bool:
    return bool(_PROGRAMME_BEFORE.search(text, max(0, start - 12), start) or _PROGRAMME_AFTER.match(text, end))


class _CueIndex:
    """Every cue of the searched regions, as one regex scan of the body would find them
    (the regex is tried only where a cue's first word starts), looked up by range;
    ``headline_starts``: where a title-case headline cue starts in the body (found
    alongside, paragraph ends aside)."""

    def __init__(self, text: str, regions: list[_Region]):
        words = cue_words()
        cue_pattern = _cue_pattern()
        self.cues: list[_Cue] = []
        self.headline_starts: list[int] = []
        if not regions:
            self.starts: list[int] = []
            return
        # The body is read as one scan would read it from the character before it (a
        # paragraph starts after a newline; a cue opening the text has no such character):
        # the cue regex is tried where a cue's first word starts after a non-word character,
        # and, like a scan, not again inside the cue just matched. Cues in the boilerplate
        # between body paragraphs and cues running past a paragraph end are dropped.
        first, body_end = regions[0].start, regions[-1].end
        opening = cue_pattern.match(text, 0, regions[0].end) if first == 0 else None
        matches = [opening] if opening is not None else []
        scanned_to = max(first - 1, 0)  # where the character before the next cue may lie
        for position in _cue_word_starts(text, scanned_to, body_end):
            if position == 0:
                continue  # no character before it: only the opening match above
            before = text[position - 1]
            if position - 1 < scanned_to or before.isalnum() or before == "_":
                continue  # inside the last cue, or inside a word
            match = cue_pattern.match(text, position, body_end)
            if match is not None:
                matches.append(match)
                scanned_to = match.end()
        # Matches come in text order: walk the regions alongside instead of bisecting.
        region_index, region_end = 0, regions[0].end
        last_region = len(regions) - 1
        for match in matches:
            start, end = match.span()
            cue_text = match.group(1)
            known = _KIND_OF_MATCHED.get(cue_text)
            if known is None:
                if cue_text in HEADLINE_CUE_FORMS:
                    known = (None, False)
                else:
                    lower = " ".join(cue_text.lower().split())
                    known = (words.get(lower, "according"), lower in ("show", "shows"))
                if len(_KIND_OF_MATCHED) < MAX_REMEMBERED_CUE_FORMS:
                    _KIND_OF_MATCHED[cue_text] = known
            kind, maybe_programme = known
            if kind is None:
                self.headline_starts.append(start)
                continue
            while region_index < last_region and regions[region_index + 1].start <= start:
                region_index += 1
                region_end = regions[region_index].end
            if end > region_end:
                continue
            if maybe_programme and _is_programme(text, start, end):
                continue
            self.cues.append(_Cue(start, end, kind))
        self.starts = [c.start for c in self.cues]

    def between(self, start: int, end: int) -> list[_Cue]:
        """Cues lying wholly inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, lo=first)
        if first == last:
            return []
        return [cue for cue in self.cues[first:last] if cue.end <= end]


# A cue as matched (any case and spacing) → (its kind, None for a headline cue; whether it
# may name a programme: "show"), filled as cues are met, so each form is normalised and
# looked up once per run.
_KIND_OF_MATCHED: dict[str, tuple[str | None, bool]] = {}
MAX_REMEMBERED_CUE_FORMS = 5000  # "according   to" with any spacing must not grow it unbounded


def _progressive(text: str, cue: _Cue, lo: int) -> int | None:
    """Where the auxiliary of a progressive cue starts ('Trump is telling a town hall
    that …', 'is promising to “bomb …”'), or None: there the cue is not a passive."""
    if text[cue.end - 3:cue.end] != "ing":
        return None
    auxiliary = _PROGRESSIVE_BEFORE.search(text, max(lo, cue.start - 16), cue.start)
    return auxiliary.start() if auxiliary else None


_PARTICIPLE_NEXT = re.compile(r",\s*[a-z]+ing\b")


def _participle_cue_start(text: str, start: int, hi: int) -> int:
    """Where a participle cue opens its own report (', saying …', ', adding that …'), or
    ``hi``: the clause before it is the first cue's content."""
    for match in _PARTICIPLE_NEXT.finditer(text, start, hi):
        if cue_words().get(match.group().lstrip(", \t\xa0"), "stance") != "stance":
            return match.start()
    return hi


def _is_trailing(tail: str) -> bool:
    """After the cue, only the sentence end or a short adjunct: ``he said on Tuesday.``"""
    stripped = tail.strip()
    if not stripped or stripped[0] in ".!?":
        return True
    if stripped[0] == ",":
        return _PARTICIPLE_NEXT.match(stripped) is not None  # "…, Mr. Manafort said, adding that …"
    participle = _PARTICIPLE_NEXT.search(stripped, 0, MAX_TRAILING_ADJUNCT_CHARS) if "," in stripped else None
    if participle is not None and participle.group().lstrip(", \t\xa0") in cue_words():
        stripped = stripped[:participle.start()]  # "…, X said Tuesday in Paris, noting that …"
    if len(stripped.split(None, MAX_TRAILING_ADJUNCT_WORDS)) > MAX_TRAILING_ADJUNCT_WORDS:
        return False  # more words than an adjunct has (the rest of the text is not split)
    words = stripped.rstrip(".!?\"”").split()
    return bool(words) and words[0].lower() in ("on", "in", "at", "last", "this", "earlier", "during", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") and "that" not in (w.lower() for w in words)
