"""Speaker phrases next to a reporting cue, and the entity each speaker refers to.

- :func:`speaker_before` / :func:`speaker_after`: the noun phrase that says something,
  written just before a cue (``the spokesperson said``) or just after it (``said Trump``),
  as a :class:`~analysis.spans.Span`, found by scanning word tokens, never characters.
- :class:`CandidateIndex`: a minimal, lazy stand-in for :class:`analysis.entities.EntityIndex`
  (capitalised names with a guessed type, read only around the speakers that need them),
  used when no entity index is given, so quote attribution alone stays fast.
- :func:`resolve_speakers`: the canonical entity name of each speaker, or None. A named
  mention inside the speaker phrase wins (``A spokesperson of Twitter`` → Twitter); a
  pronoun or a definite description (``it``, ``the platform``, ``the spokesperson``) goes
  to the most recent compatible speaker, then (with an
  :class:`~analysis.entities.EntityIndex`) to :func:`analysis.entities.resolve_description`
  or (with the stand-in index) to the most recent compatible name; anything else
  (``a former official``) stays unresolved.

Speaker words (role nouns, description heads, pronouns) live in
``analysis/data/speaker_words.csv``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol, Sequence

from analysis.entities import EntityIndex, resolve_description
from analysis.spans import Span

_TOKEN = re.compile(r"[\w’'.&-]*\w[’'.]?|[,;:()\[\]\"“”«»—–]")
# Words between a speaker and its cue: "Twitter has also said", "he later told".
_BETWEEN = frozenset(
    "also later then today yesterday previously recently repeatedly once has have had will would "
    "may might could can did does do never not further again first last now still already "
    "quickly subsequently separately simply just even since often".split()
)
# A day between a speaker and its cue ("Scott on Monday announced", "the board Tuesday
# night ruled") is a time, never the speaker.
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DAY_PARTS = frozenset("morning afternoon evening night".split())
_DAY_OPENERS = frozenset("on last this next late early earlier later".split())
# Words that end a speaker phrase when walking back from the cue.
_STOP = frozenset(
    "and but that while as because when after before if though although where so or since than "
    "is was are were be been being to said says told say in on at by for with from into about "
    "what how why whether this these those there here not no".split()
)
_DETERMINERS = frozenset("the a an his her its their our my your one two three several many some most other another both all each any".split())
# Quantifiers that stand alone as a speaker ("one said", "many said").
_PRONOUN_QUANTIFIERS = frozenset("one many most some several both others another none".split())
_TITLES = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Rev|St)\.?$")
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_SPEAKER_TOKENS = 9
# Sentence adverbials set off after a speaker ("Humphrey, for example, said"): not part of it.
_DISCOURSE_TAILS = frozenset(
    tuple(phrase.split()) for phrase in (
        "however", "meanwhile", "though", "too", "instead", "likewise", "similarly", "nonetheless",
        "nevertheless", "moreover", "also", "for example", "for instance", "for one", "in turn",
        "in particular", "in contrast", "by contrast", "in fact", "of course", "for his part",
        "for her part", "for its part", "for their part", "to his credit", "to her credit",
    )
)
MAX_DISCOURSE_TAIL = 3
# Characters read back from a cue: room for a 30-token appositive speaker.
SPEAKER_WINDOW = 250
SHORT_SPEAKER_WINDOW = 100
MAX_APPOSITIVE_TOKENS = 30
# Lower-case words allowed before the name of an inverted speaker ("said retired surgeon X").
MAX_MODIFIER_WORDS = 3
# Words after an inverted cue ("said Trump in a statement") that end the speaker.
_AFTER_STOP = frozenset("in on at during when while after before as to via last this earlier that who adding noting".split())

COMPATIBLE = {
    "PRONOUN_PERSON": ("PERSON",),
    "PRONOUN_ORG": ("ORG", "UNKNOWN", "MISC"),
    "PRONOUN_GROUP": ("ORG", "GROUP", "UNKNOWN", "MISC"),
    "ORG": ("ORG", "UNKNOWN", "MISC"),
    "PERSON": ("PERSON",),
    "GROUP": ("GROUP", "ORG"),
}


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, str]:
    """Lower-cased speaker word → type (PERSON, ORG, GROUP, PRONOUN_*, RELATIVE)."""
    with resources.files("analysis.data").joinpath("speaker_words.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["word"]: row["type"] for row in rows}


def _is_name(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _head_ok(token: str) -> bool:
    """Can this token end a speaker phrase (its head)?"""
    if _POSSESSIVE.search(token) and not token.endswith("s’") and not token.endswith("s'"):
        return False
    lower = token.lower()
    if lower in speaker_words():
        return True
    if _is_name(token) and lower not in _STOP and lower not in _DETERMINERS:
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss") and lower not in _BETWEEN


def speaker_before(text: str, lo: int, cue_start: int) -> Span | None:
    """The speaker phrase ending just before ``cue_start`` (not before ``lo``), or None."""
    short_start = max(lo, cue_start - SHORT_SPEAKER_WINDOW)
    if short_start > lo:
        # Most speakers are a few words long: read a short window first and the long one
        # only when the phrase may reach further back (an appositive, a long name).
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, short_start, cue_start)]
        found = _speaker_ending(text, tokens, truncated=True)
        if found is not _NEEDS_MORE:
            return found
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, max(lo, cue_start - SPEAKER_WINDOW), cue_start)]
    return _speaker_ending(text, tokens, truncated=False)


_NEEDS_MORE = Span(0, 0)


def _opens_clause(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Does ``tokens[i]`` open a clause: after punctuation, or after ``, and`` / ``, but``
    (``Voters came, and some said``)?"""
    if i == 0 or not tokens[i - 1][2][0].isalnum():
        return True
    return tokens[i - 1][2].lower() in ("and", "but") and (i == 1 or tokens[i - 2][2] == ",")


def _skip_between(tokens: list[tuple[int, int, str]], i: int) -> int:
    """Walk back from ``tokens[i]`` over adverbs and days that sit between a speaker and
    its cue; the index of the last token that may belong to the speaker (-1 if none)."""
    while i >= 0:
        lower = tokens[i][2].lower()
        if lower in _BETWEEN:
            i -= 1
        elif lower in _DAY_PARTS and i >= 1 and tokens[i - 1][2].lower() in _WEEKDAYS and _day_is_adverb(tokens, i - 1):
            i -= 2
            while i >= 0 and tokens[i][2].lower() in _DAY_OPENERS:
                i -= 1
        elif lower in _WEEKDAYS and _day_is_adverb(tokens, i):
            i -= 1
            while i >= 0 and tokens[i][2].lower() in _DAY_OPENERS:
                i -= 1
        else:
            break
    return i


def _day_is_adverb(tokens: list[tuple[int, int, str]], day: int) -> bool:
    """Is the weekday at ``day`` a time adverb? Not in ``Super Tuesday`` nor after a
    participle (``a report published Wednesday``, ``a poll out Monday``): there it belongs
    to the phrase."""
    if day == 0:
        return True
    before = tokens[day - 1][2].lower()
    return before not in ("super", "out") and not (before.endswith("ed") and before not in _DAY_OPENERS)


def _discourse_tail(tokens: list[tuple[int, int, str]]) -> int | None:
    """Index of the comma opening a sentence adverbial at the end of ``tokens``
    (``…, for example``), or None."""
    for size in range(1, MAX_DISCOURSE_TAIL + 1):
        comma = len(tokens) - size - 1
        if comma < 1:
            break
        if tokens[comma][2] == "," and tuple(word.lower() for _, _, word in tokens[comma + 1:]) in _DISCOURSE_TAILS:
            return comma
    return None


def _speaker_ending(text: str, tokens: list[tuple[int, int, str]], *, truncated: bool) -> Span | None:
    """The speaker phrase at the end of ``tokens``; with ``truncated`` (the tokens are only
    the end of the searched stretch), ``_NEEDS_MORE`` when the phrase may start earlier."""
    i = _skip_between(tokens, len(tokens) - 1)
    if truncated and i < MAX_SPEAKER_TOKENS + 2:
        return _NEEDS_MORE
    if i < 0:
        return None
    if tokens[i][2] in _QUOTE_TOKENS and i >= 1 and tokens[i - 1][2] == ",":
        # '…, a host of “Morning Shift,” said': the description ends in a quoted title
        return _NEEDS_MORE if truncated else _appositive_speaker(text, tokens[:i + 1])
    if tokens[i][2] == ",":
        if truncated:
            return _NEEDS_MORE
        described = _appositive_speaker(text, tokens[:i])
        tail = _discourse_tail(tokens[:i])
        if tail is None or described is None or described.start >= tokens[tail][0]:
            return described
        return Span(described.start, tokens[tail - 1][1])  # "Humphrey, for example, said"
    if tokens[i][2].lower() in _STOP:
        return None  # "the crowd and said": a coordinated verb, no speaker right here
    head_ok = _head_ok(tokens[i][2])
    if not head_ok and not _POSSESSIVE.search(tokens[i][2]):
        head_ok = _determined(tokens, i)
    if not head_ok and tokens[i][2].lower() in _PRONOUN_QUANTIFIERS and _opens_clause(tokens, i):
        return Span(tokens[i][0], tokens[i][1])  # '"...," one said', '..., and some said'

    if not head_ok:
        return None
    end = tokens[i][1]
    first = i
    while first - 1 >= 0 and i - first + 1 < MAX_SPEAKER_TOKENS:
        word = tokens[first - 1][2]
        lower = word.lower()
        if len(word) == 1 and not word.isalnum():
            break
        if lower in _STOP and not (lower in ("of", "for", "at") or (lower in ("in", "on") and _is_name(tokens[first - 2][2] if first >= 2 else ""))):
            if lower != "of":
                break
        first -= 1
        if lower in _DETERMINERS and first >= 1 and tokens[first - 1][2].lower() not in ("of", "for", "at"):
            break
    while first < i and (tokens[first][2].lower() in ("of", "for", "at", "in", "on") or tokens[first][2].lower() in _BETWEEN):
        first += 1
    head = tokens[i][2].lower()
    if speaker_words().get(head) == "RELATIVE" and first != i:
        first = i
    return Span(tokens[first][0], end)


# Words that open an introductory phrase before the subject ("When asked …, 59 percent said").
_INTRO_OPENERS = frozenset(
    "when after as while if asked in on at around during speaking since before despite although "
    "though but and yet still meanwhile however earlier later last this in".split()
)
MAX_SUBJECT_TOKENS = 30


def subject_before(text: str, lo: int, cue_start: int) -> Span | None:
    """A looser speaker for strong cues when :func:`speaker_before` finds none: the whole
    clause subject from the sentence start (or after an introductory phrase) to the cue,
    e.g. ``Sen. Bernie Sanders (I-Vt.)``, ``Rep. Lee Zeldin of New York, a Trump supporter``,
    ``Twenty-four percent``. None when that stretch is long or does not read as a subject."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, cue_start)]
    while tokens:
        kept = _skip_between(tokens, len(tokens) - 1) + 1
        if kept < len(tokens):
            del tokens[kept:]
        elif tokens[-1][2] == ",":
            tokens.pop()
        else:
            break
    tail = _discourse_tail(tokens)
    if tail is not None:
        tokens = tokens[:tail]
    if tokens and tokens[0][2].lower() in _INTRO_OPENERS:
        comma = next((i for i, t in enumerate(tokens) if t[2] == ","), None)
        if comma is None:
            return None
        tokens = tokens[comma + 1:]
    if not tokens or len(tokens) > MAX_SUBJECT_TOKENS:
        return None
    first = tokens[0][2]
    if not (_is_name(first) or first.lower() in _DETERMINERS or first.lower() in speaker_words()):
        return None
    if any(word.lower() in _SUBJECT_BREAKS for _, _, word in tokens):
        return None
    return Span(tokens[0][0], tokens[-1][1])


# A subject stretch holding one of these is a clause, not a noun phrase.
_SUBJECT_BREAKS = frozenset(
    "is was are were be been said says told say that because if when while but and . ; : \" “ ” «".split()
) - {"and"}


def _determined(tokens: list[tuple[int, int, str]], head: int) -> bool:
    """``the GOP front-runner``: a short phrase opened by a determiner ending at ``head``."""
    for index in range(head - 1, max(-1, head - 5), -1):
        word = tokens[index][2].lower()
        if word in _DETERMINERS:
            return True
        if word in _STOP or not tokens[index][2][0].isalnum():
            return False
    return False


# Words opening a sentence before its subject: a conjunction ("But Matt Morrison, the
# group's deputy director, said") or a time or place phrase closed by a comma ("On
# television, Mr. Trump's campaign chairman, Paul Manafort, said").
_LEADING_CONJUNCTIONS = frozenset("but and yet so then even still also".split())
_PHRASE_OPENERS = frozenset("on in at during since before after earlier later last just by this".split())
MAX_OPENER_TOKENS = 6


def _without_opener(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``tokens`` without a conjunction or an introductory phrase before the subject."""
    if len(tokens) > 1 and tokens[0][2].lower() in _LEADING_CONJUNCTIONS:
        tokens = tokens[1:]
    if tokens and tokens[0][2].lower() in _PHRASE_OPENERS:
        comma = next((i for i, t in enumerate(tokens[:MAX_OPENER_TOKENS + 1]) if t[2] == ","), None)
        if comma is not None:
            tokens = tokens[comma + 1:]
            if len(tokens) > 2 and (tokens[0][2].lower(),) in _DISCOURSE_TAILS and tokens[1][2] == ",":
                tokens = tokens[2:]  # "On Wednesday, however, the director …"
    return tokens


def _appositive_speaker(text: str, tokens: list[tuple[int, int, str]]) -> Span | None:
    """``Christopher Harvey, a delegate from Texas, said``: from the clause start to the comma."""
    if not tokens or len(tokens) > MAX_APPOSITIVE_TOKENS:
        tokens = tokens[-MAX_APPOSITIVE_TOKENS:]
    start = 0
    for index, (_, _, word) in enumerate(tokens):
        if word in (";", ":", "—", "–", "(", ")"):
            start = index + 1
    start = _after_quotations(tokens, start)
    tokens = _without_opener(tokens[start:])
    if not tokens or not (_is_name(tokens[0][2]) or tokens[0][2].lower() in _DETERMINERS):
        return None
    if len(tokens) < 2 or tokens[1][2] != "," and not any(word == "," for _, _, word in tokens[:5]):
        return None
    if any(word.lower() in ("said", "says", "told") for _, _, word in tokens):
        return None
    if sum(1 for _, _, word in tokens if word == ",") > 3:
        return None
    return Span(tokens[0][0], tokens[-1][1])


_QUOTE_TOKENS = frozenset('"“”«»')


def _after_quotations(tokens: list[tuple[int, int, str]], start: int) -> int:
    """Where a described speaker may start, from ``start``: after the last quotation mark,
    unless the marks pair up inside the description, after its first comma ('Hemsley, the
    co-author of "Going Viral," said': a title inside the appositive, not a quotation the
    speaker phrase follows)."""
    marks = [index for index in range(start, len(tokens)) if tokens[index][2] in _QUOTE_TOKENS]
    if not marks:
        return start
    comma = next((index for index in range(start, len(tokens)) if tokens[index][2] == ","), None)
    if comma is not None and comma < marks[0] and len(marks) % 2 == 0:
        return start
    return marks[-1] + 1


def speaker_after(text: str, cue_end: int, hi: int, *, appositives: bool = True) -> Span | None:
    """The speaker phrase of an inverted cue (``…, said Patti Solis Doyle, an aide.``);
    without ``appositives`` it ends at the first comma (``According to X, …``)."""
    picked: list[tuple[int, int, str]] = []
    commas = 0
    # Tokens are read as the walk needs them: it mostly stops within a few words.
    for match in _TOKEN.finditer(text, cue_end, min(hi, cue_end + 300)):
        start, end, word = match.start(), match.end(), match.group()
        lower = word.lower()
        if word in (".", ";", ":", '"', "“", "”", "(", ")", "—", "–") or word.endswith("."):
            if word.endswith(".") and len(word) > 1 and (_TITLES.match(word) or len(word) <= 3):
                picked.append((start, end, word))
                continue
            if word.endswith(".") and len(word) > 1:
                picked.append((start, end - 1, word[:-1]))
            break
        if word == ",":
            commas += 1
            if commas > 2 or not appositives:
                break
            picked.append((start, end, word))
            continue
        if lower in _AFTER_STOP and commas == 0 and picked:
            break
        picked.append((start, end, word))
    while picked and picked[-1][2] == ",":
        picked.pop()
    if not picked or picked[0][2].lower() in _STOP:
        return None
    opener = picked[0][2]
    if opener.lower() in _WEEKDAYS:
        return None  # "said Wednesday, …": a time, not the speaker
    possessive_name = _is_name(opener) and _POSSESSIVE.search(opener) is not None  # "said Rubio’s deputy …"
    if not (_head_ok(opener) or opener.lower() in _DETERMINERS or possessive_name or _modified_name(picked)):
        return None
    return Span(picked[0][0], picked[-1][1])


def _modified_name(picked: list[tuple[int, int, str]]) -> bool:
    """``retired neurosurgeon Ben Carson``, ``former Utah governor Michael Leavitt``: a few
    lower-case words before a capitalised name, all before the first comma."""
    for index, (_, _, word) in enumerate(picked[:MAX_MODIFIER_WORDS + 1]):
        if word == "," or word.lower() in _AFTER_STOP or word.lower() in _STOP:
            return False
        if _is_name(word) and index > 0:
            return True
    return False


# ----- entities ---------------------------------------------------------------------------

class EntityMentionLike(Protocol):
    start: int
    end: int
    entity: str
    type: str


class EntityIndexLike(Protocol):
    """What speaker resolution needs from :class:`analysis.entities.EntityIndex`."""

    mentions: tuple

    def entity_in(self, start: int, end: int): ...

    def before(self, position: int, *, types=None, categories=None) -> list: ...


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    surface: str
    entity: str
    type: str


_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?[A-Z][\w&-]*(?:[’']s(?=\W))?"
    r"(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w&.-]*(?:[’']s(?=\W))?)*"
)
_ORG_SUFFIX = frozenset(
    "police commission ministry department party inc corp committee court agency university times "
    "post news council bureau government rights affairs institute foundation association union "
    "network media group bank congress senate house service services office".split()
)
_NOT_NAMES = frozenset(
    "the a an in on at but and this that it he she they we i his her its their our if as for to "
    "since after when while there here what why how one some many most all every no not so yet "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)


BEFORE_WINDOW = 1000


class CandidateIndex:
    """A minimal entity index: capitalised names in the body with a guessed type.

    A name with a title (``Mr.``) or of two or more words is a PERSON, one ending in an
    organisation word (``Delhi Police``) an ORG, a single word that is the last word of an
    earlier person's name the same PERSON, any other single word UNKNOWN (an organisation
    or a person mentioned by one name).
    """

    def __init__(self, text: str, regions: Sequence[tuple[int, int]]):
        self._text = text
        self._regions = tuple(regions)
        self._mentions: tuple[Candidate, ...] | None = None

    @property
    def mentions(self) -> tuple[Candidate, ...]:
        """All candidates, found on first use (most articles only need :meth:`entity_in`)."""
        if self._mentions is None:
            found: list[Candidate] = []
            surnames: dict[str, str] = {}
            for start, end in self._regions:
                for match in _NAME.finditer(self._text, start, end):
                    candidate = self._candidate(match, surnames)
                    if candidate is not None:
                        found.append(candidate)
            self._mentions = tuple(found)
        return self._mentions

    @staticmethod
    def _candidate(match: re.Match, surnames: dict[str, str]) -> Candidate | None:
        surface = _POSSESSIVE.sub("", match.group())
        words = surface.split()
        while words and words[0].lower() in _NOT_NAMES:
            words.pop(0)
        if not words:
            return None
        titled = bool(_TITLES.match(words[0]))
        name_words = words[1:] if titled else words
        if not name_words:
            return None
        entity = " ".join(name_words)
        if name_words[-1].lower() in _ORG_SUFFIX:
            kind = "ORG"
        elif titled or len(name_words) >= 2:
            kind = "PERSON"
            surnames.setdefault(name_words[-1], entity)
        elif name_words[0] in surnames:
            kind, entity = "PERSON", surnames[name_words[0]]
        else:
            kind = "UNKNOWN"
        start = match.start() + match.group().find(words[0])
        return Candidate(start, start + len(" ".join(words)), " ".join(words), entity, kind)

    def entity_in(self, start: int, end: int) -> Candidate | None:
        if self._mentions is None:
            # Names inside a short speaker phrase: read them there, without the whole index.
            for match in _NAME.finditer(self._text, start, end):
                candidate = self._candidate(match, {})
                if candidate is not None:
                    return candidate
            return None
        inside = [m for m in self.mentions if m.start < end and start < m.end]
        return inside[0] if inside else None

    def before(self, position: int, *, types=None, categories=None) -> list[Candidate]:
        if self._mentions is None:
            # Pronouns refer back a few sentences at most: read names in a window only.
            window_start = max(0, position - BEFORE_WINDOW)
            found: list[Candidate] = []
            surnames: dict[str, str] = {}
            for start, end in self._regions:
                if end <= window_start or start >= position:
                    continue
                for match in _NAME.finditer(self._text, max(start, window_start), min(end, position)):
                    candidate = self._candidate(match, surnames)
                    if candidate is not None:
                        found.append(candidate)
            mentions = found
        else:
            mentions = self.mentions
        return [m for m in reversed(mentions) if m.end <= position and (types is None or m.type in types)]


_LOWER_WORD = re.compile(r"[a-z][a-z-]*")


def _head_word(text: str, span: Span) -> str:
    phrase = text[span.start:span.end]
    heads = _LOWER_WORD.findall(phrase.split(" of ")[0])
    if heads:
        return heads[-1]
    words = _LOWER_WORD.findall(phrase.split(",")[0])
    return (words or [""])[-1]


def resolve_speakers(text: str, speakers: Sequence[Span | None], index) -> list[str | None]:
    """The entity each speaker refers to, in text order (earlier speakers inform later ones).

    With an :class:`analysis.entities.EntityIndex`, names, descriptions and pronouns the
    speaker history cannot settle go to the shared resolver
    (:func:`analysis.entities.resolve_description`); the speaker history (the last
    compatible speaker, the last speaker with the same head noun) is what it adds.
    """
    words = speaker_words()
    shared = isinstance(index, EntityIndex)
    history: list[tuple[str, str, str]] = []  # (head word, entity, type), most recent last
    resolved: list[str | None] = []
    for span in speakers:
        entity: str | None = None
        if span is not None:
            phrase = text[span.start:span.end]
            lower = phrase.lower()
            head = _head_word(text, span)
            named = _named_in(text, span, index)
            if named is not None and words.get(lower) is None:
                entity = named[0]
                history.append((head, named[0], named[1]))
            elif words.get(lower) == "RELATIVE":
                previous = index.before(span.start)
                entity = previous[0].entity if previous and span.start - previous[0].end < 4 else None
            elif lower in words and words[lower].startswith("PRONOUN"):
                entity = _last_speaker(history, COMPATIBLE[words[lower]])
                if entity is None:
                    entity = _shared_antecedent(index, span.start, lower) if shared else _most_recent(index, span.start, COMPATIBLE[words[lower]])
            elif lower.startswith(("the ", "this ", "that ")) and head in words:
                same_head = [e for h, e, _ in reversed(history) if h == head]
                if same_head:
                    entity = same_head[0]
                elif shared:
                    entity = _shared_antecedent(index, span.start, phrase)
                elif words[head] in ("ORG",):
                    entity = _last_speaker(history, COMPATIBLE["ORG"]) or _most_recent(index, span.start, COMPATIBLE["ORG"])
                if entity is not None:
                    history.append((head, entity, words[head]))
        resolved.append(entity)
    return resolved


def _named_in(text: str, span: Span, index) -> tuple[str, str] | None:
    """(entity, type) of the named mention in a speaker phrase; ``X of Y`` picks Y. With the
    shared index a description it resolved counts (``the spokesperson`` → Twitter), one it
    left unresolved (type ROLE) does not."""
    mention = index.entity_in(span.start, span.end)
    if mention is None or mention.type == "ROLE":
        return None
    of = text.find(" of ", span.start, span.end)
    if of != -1 and mention.start < of:
        after = index.entity_in(of + 4, span.end)
        if after is not None and after.type != "ROLE":
            mention = after
    return mention.entity, mention.type


def _shared_antecedent(index: EntityIndex, position: int, surface: str) -> str | None:
    mention = resolve_description(index, position, surface)
    return mention.entity if mention is not None and mention.type != "ROLE" else None


def _last_speaker(history, types: tuple[str, ...]) -> str | None:
    return next((entity for _, entity, kind in reversed(history) if kind in types), None)


def _most_recent(index, position: int, types: tuple[str, ...]) -> str | None:
    mentions = index.before(position, types=list(types))
    return mentions[0].entity if mentions else None
