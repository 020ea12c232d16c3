"""Frames of a direct quotation: a cue with its speaker after the quotation (``"…," she
said``, ``"…," said X``, an appositive or parenthesis after the name, any -ed/-s verb), before
it (``X said: "…"``, a participle, ``Said X, "…"``) or a signature line. Each frame returns
the cue and speaker spans, or None."""
from __future__ import annotations

import bisect
import re

from analysis.quote_marks import QuotedSpan
from analysis.spans import Span
from analysis.speakers import speaker_after, speaker_before, speaker_words
from analysis.quotes.drafts import (
    MAX_INTRO_WINDOW, _DOUBLE_QUOTE_CHAR, _Region, _WORD, _has_words, _trim_content,
)
from analysis.quotes.cues import _Cue, _CueIndex, _is_trailing
from analysis.quotes.clauses import (
    _CLAUSE_CONJUNCTIONS, _PASSIVE_BEFORE, _clause_subject, _comma_before, _described_clause_subject,
)

# Between a cue and the quotation it introduces: nothing, "that", or a short object or
# adjunct ended by a colon or comma ("told reporters:", "said in a statement,").
_INTRO_BRIDGE = re.compile(r"\s*(?:that\s*)?|\s*[:,]\s*|\s+[^\"“”«»:;.!?\n]{1,60}?[:,]\s*")

# A full stop that ends a sentence: not after a title or an initial ("Ms. Gao said",
# "J. Gerald Hebert said", "the U.S. envoy said") nor before a comma or a parenthesis
# ("McConnell, R-Ky., said", "Blumenauer (D-Ore.) said").
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Rev))(?<!\bProf)\.(?![\w,)])"
)

# "…," she elaborated / the senator explained / Mr. Bozell answers; and phrasal verbs of
# reply or going on, whose first word is no -ed form: "…," Trump shot back / she went on;
# and a few plain verbs after a plural subject: "…," they conclude / the Saudis state.
_ANY_VERB_FRAME = re.compile(
    r",?[ \t\xa0]*(?P<speaker>(?:he|she|they|we|I|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \xa0]+[A-Z][\w'’-]*"
    r"|(?:the[ \xa0]+)?[A-Z][\w'’-]*(?:[ \xa0]+[A-Z][\w'’-]*){0,3}|the[ \xa0]+[a-z][\w-]*(?:[ \xa0]+[a-z][\w-]*)?))"
    r"[ \xa0]+(?P<verb>(?:shot|hit|fired|wrote|snapped|struck)[ \xa0]+back|went[ \xa0]+on|[a-z]{3,}(?:ed|es|s)"
    r"|(?<=[sy][ \xa0])(?:state|conclude|write|argue|note|add|warn|insist|explain))"
    r"\b(?=[ \xa0]*[,.;!?]|[ \xa0]+\w)"
)

MAX_FRAME_WINDOW = 160


# Between a quotation and its cue, a name and then an appositive or a parenthesis:
# '…," Senate Majority Leader Mitch McConnell, R-Ky., said', '…," Rep. Earl Blumenauer
# (D-Ore.) said', '…," Cruz, who has proposed repealing it, said'.
_DESCRIBED_SPEAKER = re.compile(
    r"[\s,]*(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[\w.'’-]+){0,6}?)"
    r"(?:[ \xa0]*\([^()\"“”\n]{1,40}\)|,[^\"“”\n]{1,160}?,)[ \xa0]*"
)
MAX_DESCRIBED_FRAME_WINDOW = 280
MAX_DESCRIBED_SPEAKER_WORDS = 40
MAX_DESCRIBED_HEAD_WORDS = 20
# ", who …" or ", which …" not yet closed by a comma: a cue there is the relative
# clause's verb ('…," Cruz, who has proposed …, said').
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*$")


def _frame_after(text: str, cues: _CueIndex, quote: QuotedSpan, limit: int,
                 sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    """Cue and speaker right after a quotation: ``"…," X said`` or ``"…," said X``."""
    window_end = min(limit, quote.end + MAX_FRAME_WINDOW)
    found = [c for c in cues.between(quote.end, window_end) if c.kind != "stance"]
    while len(found) > 1 and _OPEN_RELATIVE.search(text, quote.end, found[0].start):
        found = found[1:]
    cue = found[0] if found else None
    if cue is None and _ends_in_frame_punctuation(text, quote.end):
        return _frame_after_description(text, cues, quote, limit) or _frame_after_any_verb(text, quote, window_end)
    prefix = text[quote.end:cue.start] if cue else "."
    if "\n" in prefix or ("." in prefix and _SENTENCE_BREAK.search(prefix.strip())):
        return _frame_after_any_verb(text, quote, window_end)
    following = bisect.bisect_left(sentence_starts, quote.end)
    if following < len(sentence_starts) and sentence_starts[following] <= cue.start \
            and not _is_frame_sentence(text, quote, cue, limit):
        return None  # '“…ongoing.” He said the FBI …': the cue belongs to the next sentence
    if not prefix.strip(" ,\t\xa0"):
        if cue.kind == "according":
            speaker = speaker_after(text, cue.end, limit)
            return Span(cue.start, cue.end), speaker, "direct-according"
        speaker = speaker_after(text, cue.end, limit)
        return (Span(cue.start, cue.end), speaker, "direct-cue-speaker") if speaker else None
    speaker = speaker_before(text, quote.end, cue.start)
    if speaker is None or text[quote.end:speaker.start].strip(" ,\t\xa0"):
        described = _DESCRIBED_SPEAKER.fullmatch(text, quote.end, cue.start)
        if described is not None:
            speaker = Span(*described.span("speaker"))
        else:
            speaker = _phrase_speaker(text, quote.end, cue.start, speaker)
            if speaker is None:
                return _frame_after_description(text, cues, quote, limit)
    return Span(cue.start, cue.end), speaker, "direct-speaker-cue"


def _frame_after_description(text: str, cues: _CueIndex, quote: QuotedSpan, limit: int, *,
                             title: QuotedSpan | None = None) -> tuple[Span, Span, str] | None:
    """``"…," state Sen. X (D) said``, ``"…," X, the 2016 frontrunner …, said``,
    ``"…," nuclear experts X and Y of the Institute wrote``: a described speaker, which may
    open in lower case and run further from the quotation than a plain frame; the stretch
    up to the cue has no clause word, and the speaker is its part before any comma."""
    if not _ends_in_frame_punctuation(text, quote.end):
        return None
    window_end = min(limit, quote.end + MAX_DESCRIBED_FRAME_WINDOW)
    found = cues.between(quote.end, window_end)
    if not found or found[0].kind not in ("speech", "speech-that"):
        return None
    cue = found[0]
    # Only the marks of ``title`` (a name in the description: 'wearing “Ted Cruz” pins') may
    # lie between the quotation and the cue.
    unquoted = ((quote.end, title.start), (title.end, cue.start)) if title is not None else ((quote.end, cue.start),)
    if "\n" in text[quote.end:cue.start] or _SENTENCE_BREAK.search(text, quote.end, cue.start) \
            or any(_DOUBLE_QUOTE_CHAR.search(text, start, end) for start, end in unquoted):
        return None
    words = _WORD.findall(text, quote.end, cue.start)
    if not words or len(words) > MAX_DESCRIBED_SPEAKER_WORDS or words[0] in _CLAUSE_CONJUNCTIONS:
        return None
    opening = quote.end + len(text[quote.end:cue.start]) - len(text[quote.end:cue.start].lstrip(" ,\t\xa0"))
    head_end = cue.start
    for separator in (",", "("):
        at = text.find(separator, opening, cue.start)
        if at >= 0:
            head_end = min(head_end, at)
    if head_end < cue.start and text[:cue.start].rstrip(" \t\xa0")[-1:] not in (",", ")"):
        return None  # an appositive must be closed before the cue
    speaker = _trim_content(text, opening, head_end)
    if speaker is None:
        return None
    head = _WORD.findall(text, speaker.start, speaker.end)
    if not head or len(head) > MAX_DESCRIBED_HEAD_WORDS or not any(word[0].isupper() for word in head) \
            or any(word.lower() in _CLAUSE_WORDS for word in head):
        return None
    return Span(cue.start, cue.end), speaker, "direct-described-speaker"


# Words that show the stretch between a quotation and its cue is a clause, not a speaker.
_CLAUSE_WORDS = frozenset("is was are were be been that because if when while who which whom where not to he she they it i we".split())
_PHRASE_OPENING = re.compile(r"[ \t\xa0,]*(?=[A-Z0-9]|(?:the|a|an|this|that|these|those|his|her|its|their|one|two|three|another|several|some)\b)")
MAX_PHRASE_SPEAKER_WORDS = 14


def _phrase_speaker(text: str, start: int, cue_start: int, head: Span | None) -> Span | None:
    """The whole noun phrase between a quotation and its cue, when the speaker found by
    walking back from the cue leaves words before it: '…," the Florida senator and
    Republican candidate said', '…," this source told', '…," Ryan’s office said'."""
    if not _ends_in_frame_punctuation(text, start):
        return None
    opening = _PHRASE_OPENING.match(text, start, cue_start)
    if opening is None:
        return None
    if head is None:
        possessed = _POSSESSED.fullmatch(text, opening.end(), cue_start)
        if possessed is None:
            return _listed_adjective_speaker(text, opening.end(), cue_start)
        if any(w.lower() in _CLAUSE_WORDS for w in _WORD.findall(possessed.group("phrase"))):
            return None
        return Span(opening.end(), possessed.end("phrase"))
    words = _WORD.findall(text, opening.end(), head.end)
    if len(words) > MAX_PHRASE_SPEAKER_WORDS or any(w.lower() in _CLAUSE_WORDS for w in words):
        return None
    if any(c in ",;:()" for c in text[opening.end():head.end]) or _SENTENCE_BREAK.search(text, opening.end(), head.end) \
            or _DOUBLE_QUOTE_CHAR.search(text, opening.end(), head.end):
        return None
    return Span(opening.end(), head.end)


# With no head word: "Ryan’s office", "the campaign’s spokesman" (a possessive name and one
# or two words), "this Trump look-alike" (a determiner and a few words).
_POSSESSED = re.compile(
    r"(?P<phrase>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s?\s+[a-z]+(?:\s+[a-z]+)?"
    r"|(?:the|this|that|a|an|one|another|his|her|its|their)(?:\s+[\w-]+){1,4})\s*"
)


# One or two lower-case adverbs in -ly right before a cue ('Clinton emphatically proclaimed
# …, “…”', 'O’Donnell, who was off-screen, then loudly asked, “…”'); the speaker walk stops at them.
_MANNER_ADVERBS_BEFORE = re.compile(r"(?:[ \xa0]+(?:then|also|[a-z]{4,}ly)){0,1}[ \xa0]+[a-z]{4,}ly[ \xa0]+$")
_LY_NOT_ADVERBS = frozenset("family rally ally assembly supply anomaly monopoly bully belly only early daily weekly "
                            "monthly elderly friendly likely unlikely holy lonely lovely costly".split())


def _speaker_before_adverb(text: str, lo: int, cue_start: int) -> Span | None:
    """The speaker of a direct frame when a manner adverb stands between it and the cue,
    read by walking back from before the adverb (only for frames before a quotation)."""
    adverbs = _MANNER_ADVERBS_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if adverbs is None or any(w in _LY_NOT_ADVERBS for w in _WORD.findall(adverbs.group())):
        return None
    return speaker_before(text, lo, adverbs.start())


# A determiner, two adjectives set apart by a comma and a noun or two: "the bespectacled,
# 71-year-old diplomat".
_LISTED_ADJECTIVES = re.compile(
    r"(?P<phrase>(?:the|a|an)[ \xa0]+[a-z][\w-]*,[ \xa0]+[\w-]+(?:[ \xa0]+[a-z][\w-]*){1,2})[ \xa0]*"
)


def _listed_adjective_speaker(text: str, start: int, cue_start: int) -> Span | None:
    """The speaker between a quotation and its cue when adjectives before its noun are set
    apart by a comma, which stops the walk back from the cue: '…," the bespectacled,
    71-year-old diplomat said'."""
    listed = _LISTED_ADJECTIVES.fullmatch(text, start, cue_start)
    if listed is None or any(w.lower() in _CLAUSE_WORDS for w in _WORD.findall(listed.group("phrase"))):
        return None
    return Span(*listed.span("phrase"))


def _frame_across_title(text: str, cues: _CueIndex, quotes: list[QuotedSpan], position: int,
                        region_end: int) -> tuple[Span, Span, str] | None:
    """``"…," Texas delegate X, wearing a hat and “Ted Cruz” pins, said``: a described
    speaker after the quotation whose description holds a short quoted name."""
    if position + 1 >= len(quotes):
        return None
    title = quotes[position + 1]
    if _has_words(text, title.start, title.end, MAX_DESCRIPTION_TITLE_WORDS + 1) or _ends_in_frame_punctuation(text, title.end):
        return None
    limit = quotes[position + 2].start if position + 2 < len(quotes) else region_end
    return _frame_after_description(text, cues, quotes[position], limit, title=title)


def _ends_in_frame_punctuation(text: str, quote_end: int) -> bool:
    """'"…," X said', '"…?" X asked', '"…." X said': the quotation's punctuation asks for a frame."""
    return text[quote_end - 2:quote_end - 1] in (",", "?", "!", ".") or text[quote_end:quote_end + 1] == ","


def _is_frame_sentence(text: str, quote: QuotedSpan, cue: _Cue, limit: int) -> bool:
    """'“…missing.” Trump said.': the sentence after a quotation that ends in a full stop is
    only its frame (a speaker, the cue and a short adjunct)."""
    if text[quote.start:quote.end].rstrip("\"”’' ")[-1:] not in (".", "?", "!"):
        return False
    stop = text.find(".", cue.end, limit)
    if stop < 0:
        return False  # the cue's sentence runs on into the next quotation ("He added, “…”")
    return "\n" not in text[quote.end:cue.start] and _is_trailing(text[cue.end:stop + 1])


def _frame_after_any_verb(text: str, quote: QuotedSpan, limit: int) -> tuple[Span, Span | None, str] | None:
    """``"…," she elaborated``: a quotation ending in , ? or ! then a speaker and a verb
    not in the cue list; the punctuation is what marks the frame."""
    if text[quote.end - 2:quote.end - 1] not in (",", "?", "!") and text[quote.end:quote.end + 1] != ",":
        return None
    match = _ANY_VERB_FRAME.match(text, quote.end, limit)
    if match is None:
        inverted = _INVERTED_VERB_FRAME.match(text, quote.end, limit)
        speaker = inverted and speaker_after(text, inverted.end(), limit)
        if not speaker or not text[speaker.start].isupper():
            return None
        return Span(*inverted.span("verb")), speaker, "direct-verb-speaker"
    return Span(*match.span("verb")), Span(*match.span("speaker")), "direct-speaker-verb"


# '"…," mused Blaze co-host Stu Burguiere', '"…!" beamed Donald Hartley'
_INVERTED_VERB_FRAME = re.compile(r",?[ \t\xa0]*(?P<verb>[a-z]{3,}ed)(?=[ \xa0]+[A-Z])")


# A sentence opened by a capitalised cue and its speaker, then the quotation:
# 'Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”'
_CUE_OPENER = re.compile(r"(?:^|(?<=[.!?\n])\s*)(?P<cue>Said|Says|Added|Adds)[ \xa0]+[^\"“”.!?\n]{2,160}?,[ \xa0]*$")


def _frame_opener(text: str, quote: QuotedSpan, lo: int) -> tuple[Span, Span | None, str] | None:
    window_start = max(lo, quote.start - MAX_INTRO_WINDOW)
    window = text[window_start:quote.start]
    # The regex tries every position of the window; most windows hold none of its cues.
    if "Sai" not in window and "Says" not in window and "Add" not in window:
        return None
    opener = _CUE_OPENER.search(window)
    if opener is None:
        return None
    cue = Span(window_start + opener.start("cue"), window_start + opener.end("cue"))
    speaker = speaker_after(text, cue.end, quote.start)
    return (cue, speaker, "direct-cue-opener") if speaker is not None else None


def _frame_before(text: str, cues: _CueIndex, quote: QuotedSpan, lo: int) -> tuple[Span, Span | None, str] | None:
    """Cue and speaker right before a quotation: ``X said: "…"``, ``said X, "…"``,
    ``Said X, "…"``."""
    found = [c for c in cues.between(max(lo, quote.start - MAX_INTRO_WINDOW), quote.start) if c.kind in ("speech", "speech-that", "according")]
    if not found:
        return _frame_opener(text, quote, lo)
    cue = found[-1]
    if not _INTRO_BRIDGE.fullmatch(text, cue.end, quote.start):
        # 'officials called it a hate crime. Said Comey, "…"': the opener is the frame
        return _frame_opener(text, quote, lo)
    if _PASSIVE_BEFORE.search(text, max(lo, cue.start - 12), cue.start):
        return None
    speaker = speaker_before(text, lo, cue.start) or _speaker_before_adverb(text, lo, cue.start)
    if speaker is None:
        speaker = speaker_after(text, cue.end, quote.start)
        comma = _comma_before(text, lo, cue.start) if speaker is not None and text[cue.end - 3:cue.end] == "ing" else None
        if comma is not None:
            # '…, telling reporters “…”': after a participle the one told follows, and the
            # clause subject speaks
            speaker = _clause_subject(text, lo, comma) or speaker
    if speaker is None:
        return None
    return Span(cue.start, cue.end), speaker, "direct-cue-before"


# '…, saying, “…”', '… and adding, "…"', '… by interjecting, “…”': a participle after a
# clause, then a comma or colon right before a quotation that opens a sentence; a participle of
# speech or writing needs neither ('…, writing “Feels great …”').
_PARTICIPLE_BEFORE_QUOTE = re.compile(
    r"(?:,[\"”’']?|\band|\bby)[ \xa0]+(?:(?:also|then|later|again)[ \xa0]+)?"
    r"(?P<verb>[a-z]{3,}ing[ \xa0]*[,:]|(?:saying|writing|tweeting|declaring))[ \xa0]*$"
)


# Participles that carry on (or question) the last quotation's speaker more often than
# they report their clause subject: on train they took the wrong speaker in 5 of 6 cases.
_CONTINUING_PARTICIPLES = frozenset("adding asking continuing".split())


def _frame_before_participle(text: str, quote: QuotedSpan, lo: int, sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    """``Kerpen needled the “reporter,” saying, “…”``: the participle reports the quotation
    and the subject of its sentence's clause is the speaker (the clause may hold an earlier
    quotation, so it is read from the sentence start)."""
    first = _WORD.search(text, quote.start, quote.end)
    if first is None or not first.group()[0].isupper():
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    sentence_start = sentence_starts[index] if index >= 0 else lo
    match = _PARTICIPLE_BEFORE_QUOTE.search(text, max(sentence_start, quote.start - MAX_INTRO_WINDOW), quote.start)
    if match is None or match.group("verb").rstrip(" \xa0,:") in _CONTINUING_PARTICIPLES:
        return None  # ', adding, “…”' goes on with the last speaker quoted (see _direct)
    clause_end = match.start()
    speaker = _clause_subject(text, sentence_start, clause_end) or _described_clause_subject(text, sentence_start, clause_end)
    if speaker is None or speaker_words().get(speaker.text_of(text).lower()) == "RELATIVE":
        return None
    verb = _WORD.search(text, *match.span("verb"))
    return Span(*verb.span()), speaker, "direct-participle-before"


# 'He jokes, “…”', 'Wallace then asked, “…”', 'As Vulture put it, “…”', 'Sanders asks at
# Western High School, “…”': a clause ending in a verb (and a short named place) and a
# comma or colon right before a quotation that opens a sentence.
_VERB_BEFORE_QUOTE = re.compile(
    r"(?P<verb>\b[a-z]{2,}(?:ed|es|[^s]s)|\bputs?[ \xa0]+it)"
    r"(?:[ \xa0]+(?:at|in)[ \xa0]+(?:the[ \xa0]+)?[A-Z][^,;:.!?\"“”«»\n]{0,40}?)?[ \xa0]*[,:][ \xa0]*$"
)


def _frame_before_any_verb(text: str, quote: QuotedSpan, lo: int, sentence_starts: list[int]) -> tuple[Span, Span | None, str] | None:
    first = _WORD.search(text, quote.start, quote.end)
    if first is None or not first.group()[0].isupper():
        return None
    index = bisect.bisect_right(sentence_starts, quote.start) - 1
    clause_start = max(lo, sentence_starts[index] if index >= 0 else lo)
    window_start = max(clause_start, quote.start - MAX_INTRO_WINDOW)
    match = _VERB_BEFORE_QUOTE.search(text, window_start, quote.start)
    if match is None or _PASSIVE_BEFORE.search(text, max(lo, match.start() - 12), match.start()):
        return None
    speaker = speaker_before(text, clause_start, match.start("verb")) \
        or _speaker_before_adverb(text, clause_start, match.start("verb"))
    if speaker is None or speaker_words().get(text[speaker.start:speaker.end].lower()) == "RELATIVE":
        return None
    # A name, a pronoun or a definite description ("all capital letters," is no frame).
    if not (text[speaker.start].isupper() or text.startswith("the ", speaker.start)
            or speaker_words().get(text[speaker.start:speaker.end].lower(), "").startswith("PRONOUN")):
        return None
    return Span(*match.span("verb")), speaker, "direct-speaker-verb-before"


# A paragraph that is only a quotation, then a line that signs it (fact-check and digest
# style): '"…"' / '- Sanders.' or '-Michelle Marks, Philadelphia.'
_SIGNATURE = re.compile(
    r"[ \t\xa0.]*\n\s*(?P<cue>[-—–])[ \t\xa0]*(?P<speaker>[A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,4})"
    r"(?:,[^\n]{0,100})?[ \t\xa0]*(?:\n|$)"
)


def _frame_signature(text: str, quote: QuotedSpan, region: _Region) -> tuple[Span, Span | None, str] | None:
    if text[region.start:quote.start].strip() or text[quote.end:region.end].strip(" .\t\xa0"):
        return None
    signed = _SIGNATURE.match(text, quote.end)
    if signed is None:
        return None
    start, end = signed.span("speaker")
    while text[end - 1] == ".":
        end -= 1  # the full stop that closes the signature line
    return Span(*signed.span("cue")), Span(start, end), "direct-signature"


MAX_DESCRIPTION_TITLE_WORDS = 6
