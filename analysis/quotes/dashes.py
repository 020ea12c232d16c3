"""Speakers named after a dash: vox-pop, pull-quote and epigraph lines, a quotation that
opens its line and is signed with a dash and a name (``“Trump must stop …” ― Carla
Sanchez.``, ``"I'm so ashamed." — Jacklyn Ashley``, ``"…"--Ana Lopez, a nurse from Ohio``).
The dash is the cue, the name the speaker.

:func:`_signed_quotations` returns direct drafts; :func:`_cede_to_signed` takes out of other
drafts the quotations a signed line names its own speaker for (a quotation list after a
framed quote would otherwise carry on that frame's speaker). Embedded tweets signed the
same way (``… — Ben Jacobs (@Bencjacobs) June 28, 2016``) are not read: PolNeAR train
annotates 4 of its 14 (docs/benchmarks.md, twelfth round (a)).
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.quote_marks import quoted_spans
from analysis.spans import Span
from analysis.quotes.drafts import _Draft, _Region, _word_count
from analysis.quotes.headlines import _is_title_case

# U+2015 (horizontal bar), em dash, en dash, or two hyphens.
_DASH = "(?:\u2015|\u2014|\u2013|--)"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:[ \xa0]+(?:(?:de|del|da|van|von|der|la|le|bin|al)[ \xa0]+){{0,2}}{_NAME_WORD}){{0,4}}"

# A whole line: a quotation from its first character, a dash, a name, perhaps a bracket
# ('— Jane Doe (D-Fla.)') and at most a short description after a comma ('— Jane Doe, a
# nurse from Ohio').
_SIGNED_LINE = re.compile(
    rf"(?P<quote>[“\"”„«‘][^\n]*?[”\"“»’])[ \t\xa0]*(?P<cue>{_DASH})[ \t\xa0]*(?P<speaker>{_NAME})"
    r"(?:[ \xa0]+\([^()\n]{1,30}\))?(?:,[ \t\xa0]+[^\n\"“”]{1,100}?)?[ \t\xa0\r.]*"
)
_LINE_OPENING = re.compile("[ \t\xa0]*[“\"”„«‘]")
# Capitalised words that open a sentence, not a name ('"…" — But nobody listened.').
_NOT_NAME_OPENERS = frozenset("I He She It We They You This That These Those And But Or So Yet Then Now Here There".split())
MIN_SIGNED_QUOTE_WORDS = 2
_QUOTE_ENDS_SENTENCE = re.compile(r"[.!?…,][”\"“»’]$")


def _signed_quotations(text: str, regions: list[_Region]) -> list[_Draft]:
    """One direct draft per body line that is a quotation signed with a dash and a name (see
    :data:`_SIGNED_LINE`); the lines of a paragraph are read one by one."""
    drafts = []
    for region in regions:
        start = region.start
        while start < region.end:
            end = text.find("\n", start, region.end)
            end = region.end if end < 0 else end
            opening = _LINE_OPENING.match(text, start, end)  # most lines open with a word
            draft = _signed_line(text, opening.end() - 1, end) if opening is not None else None
            if draft is not None:
                drafts.append(draft)
            start = end + 1
    return drafts


def _signed_line(text: str, start: int, end: int) -> _Draft | None:
    """The line ``text[start:end]`` (from its opening mark) as a signed quotation, if it is
    one. The quotation must be the only one before the dash, so a byline after a framed
    quotation ('"…," Ruiz said. "…"--Kim Lee.') is not read as its speaker; a title ('"The
    Art of the Deal" — Donald Trump') is no statement."""
    line = _SIGNED_LINE.fullmatch(text, start, end)
    if line is None or line.group("speaker").split()[0] in _NOT_NAME_OPENERS:
        return None
    quote_start, quote_end = line.span("quote")
    quotes = quoted_spans(text, quote_start, quote_end)
    if len(quotes) != 1 or (quotes[0].start, quotes[0].end) != (quote_start, quote_end) \
            or _word_count(text, quote_start, quote_end) < MIN_SIGNED_QUOTE_WORDS:
        return None
    if not _QUOTE_ENDS_SENTENCE.search(text, quote_start, quote_end) and _is_title_case(text, quote_start, quote_end):
        return None
    speaker_start, speaker_end = line.span("speaker")
    if text[speaker_end - 1] == "." and speaker_end - speaker_start > 2 and text[speaker_end - 3] not in " \xa0.":
        speaker_end -= 1  # the line's full stop ('— Carla Sanchez.'), not an initial ('— Ana B.')
    return _Draft("direct", [Span(quote_start, quote_end)], Span(*line.span("cue")),
                  Span(speaker_start, speaker_end), "direct-dash-signed", 0.8)


def _cede_to_signed(drafts: list[_Draft], signed: list[_Draft]) -> list[_Draft]:
    """``drafts`` without the content pieces that overlap a signed quotation (a draft left
    with none is dropped); the drafts given are not changed."""
    taken = [s.content[0] for s in signed]
    out = []
    for draft in drafts:
        kept = [c for c in draft.content if not any(c.overlaps(quotation) for quotation in taken)]
        if len(kept) == len(draft.content):
            out.append(draft)
        elif kept:
            out.append(replace(draft, content=kept))
    return out
