"""Quotations that carry on an attribution: a quotation split by its frame and resumed,
quotations right after a framed one (also over a paragraph break), and quotation
paragraphs after a report that ends the paragraph before; plus the tests for free,
sentence-like quotations with no frame. Returns updated drafts."""
from __future__ import annotations

import bisect
import re

from analysis.quote_marks import FurthestEnd, QuotedSpan
from analysis.spans import Span
from analysis.quotes.drafts import _Draft, _Region, _WORD, _has_quote_mark, _has_words
from analysis.quotes.cues import _CueIndex, _is_trailing

MIN_FREE_QUOTE_WORDS = 3
MAX_CONTINUATION_GAP = 100
MIN_UNFRAMED_SENTENCE_WORDS = 5
MIN_UNFRAMED_WORDS = 10


def _is_free_quote(text: str, quote: QuotedSpan, region: _Region) -> bool:
    """A quotation that reads as a sentence of speech (not a scare quote or a title)."""
    if not _has_words(text, quote.start, quote.end, MIN_FREE_QUOTE_WORDS):
        return False
    before = text[region.start:quote.start].rstrip()
    return not before or before[-1] in ".!?:\"”"


_PARAGRAPH_OPENING_MARKS = "\"“«„"


def _opens_with_quotation(text: str, region: _Region) -> bool:
    """Does the paragraph open with a quotation mark? A quotation left open at the end of the
    paragraph before then carries on over the break (the multi-paragraph convention: '“One
    I would describe as …,” Sexton said. “Trump events are outlets …' ⏎ '“There’s another …')."""
    return text[region.start:region.start + 1] in _PARAGRAPH_OPENING_MARKS


def _is_unframed_speech(text: str, quote: QuotedSpan) -> bool:
    """A quotation with no frame that still reads as speech: a sentence (a capital after the
    mark and several words) or a long stretch; scare quotes and titles are neither."""
    first = _WORD.search(text, quote.start, quote.end)
    sentence_like = first is not None and first.group()[0].isupper() \
        and _has_words(text, quote.start, quote.end, MIN_UNFRAMED_SENTENCE_WORDS)
    return sentence_like or _has_words(text, quote.start, quote.end, MIN_UNFRAMED_WORDS)


def _resumes_split_quotation(text: str, last: _Draft, quote: QuotedSpan) -> bool:
    """'"This used to be Russia's back yard," said X, director of … in London, "but it is …"':
    a quotation right after the comma that closes its frame goes on with the one before it
    (which ended in a comma), even in lower case."""
    previous = last.content[-1]
    frame_end = max(last.cue.end if last.cue else 0, last.speaker.end if last.speaker else 0)
    return frame_end > previous.end and text[previous.end - 2:previous.end - 1] == "," \
        and text[frame_end:quote.start].strip(" \t\xa0") == ","


def _continues_last(text: str, cues: _CueIndex, last: _Draft, quote: QuotedSpan, region: _Region) -> bool:
    """The quotation carries on the last direct attribution: only the rest of its frame
    sentence (no other cue) lies between them, in this paragraph or at the end of the last."""
    end = max(max(s.end for s in last.content), last.cue.end if last.cue else 0, last.speaker.end if last.speaker else 0)
    if end > quote.start:
        return False
    gap = text[end:quote.start]
    if "\n" in gap and quote.start != region.start:
        return False
    rest = gap.strip()
    if len(rest) > MAX_CONTINUATION_GAP or cues.between(end, quote.start):
        return False
    return rest.count(". ") + rest.count("? ") + rest.count("! ") <= 1


_FRAME_AT_SENTENCE_END = frozenset({"indirect-speaker-after", "indirect-cue-speaker-after"})


def _following_quotations(text: str, regions: list[_Region], cues: _CueIndex, drafts: list[_Draft],
                          quotes: list[QuotedSpan], direct: list[_Draft]) -> list[_Draft]:
    """A clause framed at its sentence end ('Obama "felt a moral obligation," Axelrod
    said.', 'Or maybe Jeb Bush, consultant Phil Musser says.') goes on in a quotation that
    opens the next sentence with no frame of its own ('"This is core stuff for him."'), as a
    direct frame does."""
    covered = sorted(span.start for draft in direct for span in draft.content)
    starts = [quote.start for quote in quotes]
    region_starts = [region.start for region in regions]
    for draft in drafts:
        if draft.rule not in _FRAME_AT_SENTENCE_END:
            continue
        frame_end = max(draft.content[-1].end, draft.cue.end, draft.speaker.end if draft.speaker else 0)
        at = bisect.bisect_left(starts, frame_end)
        if at == len(quotes):
            continue
        quote = quotes[at]
        region = regions[bisect.bisect_right(region_starts, quote.start) - 1]
        gap = text[frame_end:quote.start]
        stop = gap.find(".")
        if stop < 0 or "\n" in gap or not _is_trailing(gap[:stop + 1]) or gap[stop + 1:].strip() \
                or cues.between(frame_end, quote.start) or not _is_free_quote(text, quote, region):
            continue
        if bisect.bisect_left(covered, quote.start) < len(covered) and covered[bisect.bisect_left(covered, quote.start)] < quote.end:
            continue  # a direct frame of its own
        draft.content.append(Span(quote.start, quote.end))
    return drafts


# A transcript line quoted whole: '"Chris Matthews: Seriously, …'
_LABEL_OPENING = re.compile(r"[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3}:")


def _quotation_paragraphs_after_reports(text: str, regions: list[_Region], drafts: list[_Draft],
                                        quotes: list[QuotedSpan], direct: list[_Draft]) -> list[_Draft]:
    """A paragraph that is only a quotation with no frame, right after a paragraph that ends
    in a report ('Clinton said that the plan …' ⏎ '“We heard the drivers …”'; '"I have made
    it clear …" and against the Brady law, Clinton said.' ⏎ '"He voted to …"'), goes on
    with that report."""
    covered = FurthestEnd([(span.start, span.end) for draft in direct for span in draft.content])
    region_starts = [region.start for region in regions]
    last_in_paragraph: dict[int, _Draft] = {}
    for draft in drafts:
        if _carries_on(text, draft):
            last_in_paragraph[bisect.bisect_right(region_starts, draft.content[-1].start) - 1] = draft
    for quote in quotes:
        at = bisect.bisect_right(region_starts, quote.start) - 1
        region = regions[at]
        draft = last_in_paragraph.get(at - 1)
        if draft is None or quote.start != region.start or text[quote.end:region.end].strip(" .\t\xa0") \
                or covered.reach(quote.start) > quote.start or not _is_unframed_speech(text, quote) \
                or _LABEL_OPENING.match(text, quote.start + 1):
            continue
        previous = regions[at - 1]
        reach = max(draft.content[-1].end, draft.cue.end, draft.speaker.end)
        if draft.content[-1].start >= previous.sentences[-1][0] and _is_trailing(text[reach:previous.end].rstrip("\"”’")):
            draft.content.append(Span(quote.start, quote.end))
    return drafts


def _carries_on(text: str, draft: _Draft) -> bool:
    """A report a quotation paragraph may continue: a speech verb before its clause ('X said
    that …') or a frame after a mixed clause; objects ('sees Cruz as …'), thoughts and
    participles ('staff members suggesting …') carried on too seldom."""
    if draft.speaker is None:
        return False
    if draft.rule == "indirect-speaker-cue":
        return draft.cue.start < draft.content[-1].start and not text[draft.cue.start:draft.cue.end].endswith("ing")
    return draft.rule in _FRAME_AT_SENTENCE_END and _has_quote_mark(text, draft.content)
