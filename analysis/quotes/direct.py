"""Direct quotations: every quotation in the body matched to a frame (:mod:`.frames`,
:mod:`.headlines`) or joined to the attribution before it (:mod:`.continuations`), with the
reported clause around it (a subject before a comma-set frame, a sentence split by its
frame after unquoted words). ``_direct`` returns the direct drafts (with the unframed
quotations, rule ``direct-unframed``, for :mod:`.unframed` to weigh), the quotations and the
cues it used."""
from __future__ import annotations

import bisect
import re

from analysis.quote_marks import MarkIndex, QuotedSpan, quoted_spans
from analysis.spans import Span
from analysis.quotes.drafts import _DOUBLE_QUOTE_CHAR, _Draft, _Region, _WORD, _has_words, _trim_content
from analysis.quotes.cues import _CueIndex
from analysis.quotes.continuations import (
    _continues_last, _is_free_quote, _is_unframed_speech, _opens_with_quotation,
    _resumes_split_quotation,
)
from analysis.quotes.frames import (
    MAX_DESCRIPTION_TITLE_WORDS, _frame_across_title, _frame_after, _frame_before,
    _frame_before_any_verb, _frame_before_participle, _frame_signature,
)
from analysis.quotes.headlines import _frame_colon
from analysis.quotes.unframed import UNFRAMED_CONFIDENCE, UNFRAMED_RULE


def _direct(text: str, regions: list[_Region], cues: _CueIndex) -> tuple[list[_Draft], list[QuotedSpan], set[int]]:
    drafts: list[_Draft] = []
    all_quotes: list[QuotedSpan] = []
    used_cues: set[int] = set()
    by_cue: dict[int, _Draft] = {}
    continues = False
    last: _Draft | None = None
    last_direct: _Draft | None = None
    last_speaker_paragraph = -2
    marks = MarkIndex(text, regions[0].start, regions[-1].end)
    sentences = [sentence for region in regions for sentence in region.sentences]
    sentence_starts = [start for start, _ in sentences]
    titles: set[int] = set()  # short quotations read as part of a speaker's description
    for index, region in enumerate(regions):
        if not marks.any_within(region.start, region.end):
            continues = False
            continue  # no quotation mark in this paragraph
        following = regions[index + 1] if index + 1 < len(regions) else None
        continues = continues or (following is not None and _opens_with_quotation(text, following))
        quotes = quoted_spans(text, region.start, region.end, continues=continues, marks=marks)
        continues = bool(quotes) and quotes[-1].open_end
        all_quotes.extend(quotes)
        for position, quote in enumerate(quotes):
            lo = quotes[position - 1].end if position else region.start
            hi = quotes[position + 1].start if position + 1 < len(quotes) else region.end
            if quote.start in titles or _is_title_in_description(text, quote, sentences, sentence_starts) \
                    or _is_programme_title(text, quote, lo):
                continue
            frame = (_frame_after(text, cues, quote, hi, sentence_starts) or _frame_before(text, cues, quote, lo)
                     or _frame_colon(text, cues, quote, sentence_starts) or _frame_before_any_verb(text, quote, lo, sentence_starts)
                     or _frame_signature(text, quote, region))
            if frame is None:
                frame = _frame_before_participle(text, quote, lo, sentence_starts)
            if frame is None:
                frame = _frame_across_title(text, cues, quotes, position, region.end)
                if frame is not None:
                    titles.add(quotes[position + 1].start)
            if frame is not None:
                cue, speaker, rule = frame
                content = _whole_clause(text, cues, quote, cue, sentences, sentence_starts, lo, hi)
                if cue.end <= quote.start:
                    content, taken = _clause_across_quotations(text, cues, quotes, position, content, sentences,
                                                               sentence_starts, region.end)
                    titles.update(q.start for q in quotes[position + 1:position + 1 + taken])
                if cue.start in by_cue:
                    by_cue[cue.start].content.append(content)
                    last = by_cue[cue.start]
                    continue
                head = (_parenthetical_head(text, quote, cue, speaker, sentences, sentence_starts, lo)
                        or _split_quotation_head(text, quote, speaker, sentences, sentence_starts)) \
                    if rule == "direct-cue-before" else None
                draft = _Draft("direct", [head, content] if head else [content], cue, speaker, rule, 0.9 if speaker else 0.6)
                rest = _unquoted_rest(text, cues, quote, cue, speaker, sentences, sentence_starts, hi)
                if rest is not None:
                    draft.content.append(rest)
                last_direct, last_speaker_paragraph = draft, region.paragraph
                drafts.append(draft)
                by_cue[cue.start] = draft
                used_cues.add(cue.start)
                last = draft
                continue
            if last is not None and _continues_last(text, cues, last, quote, region) \
                    and (_is_free_quote(text, quote, region) or _resumes_split_quotation(text, last, quote)):
                last.content.append(Span(quote.start, quote.end))
                continue
            if _is_unframed_speech(text, quote):
                if last_direct is not None and last_speaker_paragraph >= region.paragraph - 1:
                    last_direct.content.append(Span(quote.start, quote.end))  # the same speaker goes on
                else:  # weighed once every other rule has run (.unframed)
                    drafts.append(_Draft("direct", [Span(quote.start, quote.end)], None, None, UNFRAMED_RULE, UNFRAMED_CONFIDENCE))
            last = None if quote.start - region.start > 1 else last
    return drafts, all_quotes, used_cues


# A sentence opening with a name and an appositive that runs up to a quotation:
# 'Washington, star of television’s “Scandal,” thanked …', 'Ana Ruiz, a host of “Morning
# Shift,” said …'.
_DESCRIPTION_BEFORE_TITLE = re.compile(
    r"(?:(?:But|And|Yet|So)[ \xa0]+)?[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,3},[ \xa0]+[a-z][^,\"“”.;:!?\n]{0,80}[ \xa0]"
)


def _is_title_in_description(text: str, quote: QuotedSpan, sentences: list[tuple[int, int]], sentence_starts: list[int]) -> bool:
    """A short quotation closed by a comma inside the appositive of a sentence's subject is a
    title in the speaker's description, not a quotation the frame after it reports."""
    if text[quote.end - 2:quote.end - 1] != "," or _has_words(text, quote.start, quote.end, MAX_DESCRIPTION_TITLE_WORDS + 1):
        return False
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    return index >= 0 and _DESCRIPTION_BEFORE_TITLE.fullmatch(text, sentences[index][0], quote.start) is not None


# 'Wednesday on Fox News Channel’s “Hannity,” X said …', 'In an interview with "Fox and
# Friends," X pointed …': "on" or "with", a channel's name at most, then the programme.
_PROGRAMME_INTRO = re.compile(r"\b(?:[Oo]n|with)[ \xa0]+(?:[A-Z][\w&’'-]*[ \xa0]+|[a-z]+[’']s[ \xa0]+){0,4}$")


def _is_programme_title(text: str, quote: QuotedSpan, lo: int) -> bool:
    """A short quotation closed by a comma after 'on' or 'with' and a channel's name is the
    programme someone spoke on, not speech the frame after it reports."""
    if text[quote.end - 2:quote.end - 1] != "," or _has_words(text, quote.start, quote.end, MAX_DESCRIPTION_TITLE_WORDS + 1):
        return False
    return _PROGRAMME_INTRO.search(text, max(lo, quote.start - 40), quote.start) is not None


# A dash or a semicolon ends the reported clause ('which read “…” — and waved it around').
_REPORTED_CLAUSE_END = re.compile(r"[—–;]|\s-\s")


def _reported_clause_end(text: str, start: int, sentence_end: int) -> int:
    """Where a reported clause that goes on after its quotation ends: at the first dash or
    semicolon after ``start`` that does not open a dashed aside ('Clinton cracked ''…'' - he has
    often been …' ends at the dash; '“…” - including Cruz - favored …' goes on), else at the
    sentence end."""
    found = _REPORTED_CLAUSE_END.search(text, start, sentence_end)
    if found is not None and found.group().strip() in "—–-":
        closing = text.find(found.group(), found.end(), sentence_end)
        if closing >= 0:  # 'stage" - including Cruz - favored …': a dashed aside goes on
            return _reported_clause_end(text, closing + len(found.group()), sentence_end)
    return found.start() if found else sentence_end


def _whole_clause(text: str, cues: _CueIndex, quote: QuotedSpan, cue: Span, sentences: list[tuple[int, int]],
                  sentence_starts: list[int], lo: int, hi: int) -> Span:
    """The quotation, or the clause it is part of when the quotation is mixed into it: words
    before it in its sentence when the cue follows ('The bill was “heartbreaking,” she
    said'), words after it to the sentence end when the cue precedes ('He said that “we need
    more information” about the case')."""
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    if index < 0:
        return Span(quote.start, quote.end)
    sentence_start, sentence_end = sentences[index]
    start, end = quote.start, quote.end
    if cue.start >= quote.end:
        clause_start = max(sentence_start, lo)
        if _WORD.search(text, clause_start, quote.start) and not cues.between(clause_start, quote.start):
            start = clause_start
    elif text[quote.end - 2:quote.end - 1] not in (".", ",", "?", "!") and sentence_end <= hi:
        clause_end = _reported_clause_end(text, quote.end, sentence_end)
        rest = _trim_content(text, quote.end, clause_end)
        if rest is not None and text[quote.end] in " \xa0" and not cues.between(quote.end, clause_end):
            end = rest.end
    return _trim_content(text, start, end) or Span(quote.start, quote.end)


def _clause_across_quotations(text: str, cues: _CueIndex, quotes: list[QuotedSpan], position: int,
                              content: Span, sentences: list[tuple[int, int]], sentence_starts: list[int],
                              region_end: int) -> tuple[Span, int]:
    """A reported clause with several quoted phrases after its cue: 'Kaine declared that "I
    strongly support" the state's misnamed "right to work" law'. The content runs to the
    sentence end over the later quotations when no cue and no frame punctuation lies between;
    returns the content and how many of the following quotations it took in."""
    quote = quotes[position]
    if content.end != quote.end or text[quote.start] in "‘’'" and not text.startswith("''", quote.start) \
            or text[quote.end - 2:quote.end - 1] in (".", ",", "?", "!") \
            or text[quote.end:quote.end + 1] not in (" ", "\xa0"):
        return content, 0
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    if index < 0:
        return content, 0
    sentence_end = min(sentences[index][1], region_end)
    taken = 0
    for following in quotes[position + 1:]:
        if following.end > sentence_end:
            break
        taken += 1
    if not taken or cues.between(quote.end, sentence_end) or _REPORTED_CLAUSE_END.search(text, quote.end, sentence_end) \
            or any(text[q.end - 2:q.end - 1] in (",", "?", "!") for q in quotes[position + 1:position + 1 + taken]):
        return content, 0
    rest = _trim_content(text, quote.end, sentence_end)
    return (Span(content.start, rest.end), taken) if rest is not None else (content, 0)


# Words that open an adjunct before a frame ('On Monday, he said, “…”'), not the subject or
# the opening of the reported sentence ('These rules, the lawyers said, “all command …”').
_HEAD_ADJUNCT_OPENERS = frozenset(
    "in at on after before during about of to for with from by as when while since if although "
    "though because under over earlier later last this that today yesterday speaking asked but and "
    "so yet also then now however meanwhile still instead indeed".split()
)
MAX_PARENTHETICAL_HEAD_WORDS = 12


def _parenthetical_head(text: str, quote: QuotedSpan, cue: Span, speaker: Span | None,
                        sentences: list[tuple[int, int]], sentence_starts: list[int], lo: int) -> Span | None:
    """The opening of the reported sentence before a frame set off by commas right before
    the quotation: 'These and other sources, the lawyers said, “all command …”', 'Clinton, a
    top aide said, “is very confident …”'; an adjunct opening ('On Monday, he said, “…”')
    is the frame's, not the content's."""
    if speaker is None or speaker.end > cue.start or cue.end > quote.start:
        return None
    index = bisect.bisect_right(sentence_starts, speaker.start) - 1
    if index < 0:
        return None
    start = max(sentences[index][0], lo)
    before = text[start:speaker.start].rstrip(" \t\xa0")
    if not before.endswith(",") or text[cue.end:quote.start].strip(" \t\xa0") != "," \
            or _DOUBLE_QUOTE_CHAR.search(text, start, speaker.start) or "\n" in before:
        return None
    words = _WORD.findall(text, start, speaker.start)
    if not words or len(words) > MAX_PARENTHETICAL_HEAD_WORDS or words[0].lower() in _HEAD_ADJUNCT_OPENERS \
            or words[0].endswith("ing") or "," in before[:-1]:
        return None  # a participle ('Taking it in, Trump said, “…”') or a list of adjuncts
    return _trim_content(text, start, start + len(before) - 1)


MAX_SPLIT_HEAD_WORDS = 40
_SPLIT_HEAD_OPENING = re.compile(r"[ \t\xa0]*[\"“]")


def _split_quotation_head(text: str, quote: QuotedSpan, speaker: Span | None, sentences: list[tuple[int, int]],
                          sentence_starts: list[int]) -> Span | None:
    """The first part of a quoted sentence split by its frame, when unquoted words follow
    that part: '“If there had not been that intervention” by the United States and its
    allies, Clinton said on Monday, “we would be looking at …”'. The sentence opens with a
    quotation that closes on a word, the quotation after the frame opens in lower case, and
    the head runs from the sentence start to the comma before the speaker."""
    first = _WORD.search(text, quote.start, quote.end)
    if speaker is None or first is None or not first.group()[0].islower():
        return None
    index = bisect.bisect_right(sentence_starts, speaker.start) - 1
    if index < 0:
        return None
    start = sentences[index][0]
    opening = _SPLIT_HEAD_OPENING.match(text, start, speaker.start)
    before = text[start:speaker.start].rstrip(" \t\xa0")
    if opening is None or not before.endswith(",") or "\n" in before:
        return None
    closing = _DOUBLE_QUOTE_CHAR.search(text, opening.end(), speaker.start)
    if closing is None or not text[closing.start() - 1].isalnum() \
            or len(_WORD.findall(text, start, speaker.start)) > MAX_SPLIT_HEAD_WORDS:
        return None
    return _trim_content(text, start, start + len(before) - 1)


# Words that open an adjunct of the frame, not the rest of the quoted sentence:
# '"…," she said, referring to …', '…, he said in an interview'.
_FRAME_ADJUNCT_OPENERS = frozenset(
    "in at on after before during about of to for with from by as when while while who which "
    "according referring adding noting citing speaking pointing".split()
)
MIN_UNQUOTED_REST_WORDS = 3
_REST_OPENING = re.compile(r",[ \xa0]+(?P<word>[a-z][\w’'-]*)")


def _unquoted_rest(text: str, cues: _CueIndex, quote: QuotedSpan, cue: Span, speaker: Span | None,
                   sentences: list[tuple[int, int]], sentence_starts: list[int], hi: int) -> Span | None:
    """A split quotation whose second part has no marks: '“Only you,” she said, would use
    the occasion …', '"It's our bad luck," he said, that both men …': after a frame that
    follows a quotation ending in a comma, a lower-case rest of the sentence."""
    if text[quote.end - 2:quote.end - 1] != "," or cue.start < quote.end:
        return None
    frame_end = max(cue.end, speaker.end if speaker else cue.end)
    opening = _REST_OPENING.match(text, frame_end)
    if opening is None or opening.group("word") in _FRAME_ADJUNCT_OPENERS or opening.group("word").endswith("ing"):
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    sentence_end = sentences[index][1] if index >= 0 else hi
    end = min(sentence_end, hi)
    if cues.between(opening.start("word"), end) or "\n" in text[opening.start("word"):end] \
            or not _has_words(text, opening.start("word"), end, MIN_UNQUOTED_REST_WORDS):
        return None
    return _trim_content(text, opening.start("word"), end)
