"""Find and resolve the named actors of an article: the shared entity resolver.

:func:`build_entity_index` reads the body sentences of an article (never its boilerplate)
and returns an :class:`EntityIndex` whose ``mentions`` are :class:`EntityMention` rows
``(start, end, surface, entity, type, category, kind)`` sorted by ``start``; ``entity`` is
the canonical name that every mention of one actor shares within the article.

Detection is rule based and needs no model:

- names are runs of capitalised words, joined by connectors (``Ministry of Home Affairs``,
  ``National Commission for Protection of Child Rights``); leading function words
  (``The``, ``Since``, ``In`` …) are dropped, and a sentence-initial word that the article
  also uses in lower case is not a name; possessives lose their ``'s``;
- a title (``Mr.``, ``Sen.``, ``Chief Minister``) makes the rest of the name a PERSON;
- head words type names (``… Police`` ORG/police_courts, ``… Act`` LAW, ``… University``
  ORG/expert_academic); the gazetteer (``analysis/data/gazetteer.csv``, extendable with
  your own CSV, see :func:`load_gazetteer`) knows places, parties, platforms, agencies …;
- lower-case nouns that name sources (``officials``, ``the police``, ``a spokesperson``,
  ``the online platform``) are ``kind="role"`` / ``"description"`` mentions.

Canonicalisation within the article: an acronym joins its long form (``… or NCPCR``,
``(CSE)``, or matching initials); a surname joins the full name mentioned nearest before;
a description joins the entity it refers to (:func:`resolve_description`, also used by the
quote attribution to resolve speakers such as ``the spokesperson`` or ``it``).

Types: PERSON, ORG, GPE, LOC, FAC, NORP, LANGUAGE, LAW, EVENT, MISC (an unknown single
name), ROLE (an unresolved source noun). ``category`` (for ORG, PERSON and ROLE) is one of
:data:`CATEGORIES`. Word lists live in ``analysis/data/entity_words.csv``.
"""
from __future__ import annotations

import bisect
import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Sequence, Union

from analysis.patterns import word_alternation
from analysis.segment import Segments, Sentence

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_GAZETTEER = DATA_DIR / "gazetteer.csv"
ENTITY_WORDS = DATA_DIR / "entity_words.csv"

CATEGORIES = (
    "government", "police_courts", "company_platform", "ngo_civil_society",
    "political_party", "expert_academic", "media", "anonymous", "other",
)
NAME_KINDS = ("name", "acronym")  # a mention that is a proper name, not a common noun


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One mention of an actor: ``[start, end)`` of ``surface`` in the text."""

    start: int
    end: int
    surface: str
    entity: str
    type: str
    category: str | None
    kind: str = "name"  # name | acronym | role | description


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str
    category: str | None
    region: str | None


class Gazetteer:
    """Known names (and aliases) → :class:`GazetteerEntry`; lookups ignore case and dots.

    Answers are remembered per surface (and region) across articles: every capitalised
    run of every article asks, mostly about the same few thousand surfaces.
    """

    def __init__(self, entries: dict[str, tuple[GazetteerEntry, ...]]):
        self._entries = entries
        self._by_surface: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._sole_regions: dict[str, str | None] = {}
        self._lookups: dict[str | None, dict[str, GazetteerEntry | None]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Every entry named ``surface`` (several when a name is ambiguous)."""
        found = self._by_surface.get(surface)
        if found is None:  # a miss costs no exception: misses are most lookups of a first pass
            found = _remember(self._by_surface, surface, self._entries.get(gazetteer_key(surface), ()))
        return found

    def _sole_region(self, surface: str) -> str | None:
        """The region of the only entry named ``surface`` (None when there is not exactly one,
        or it has no region)."""
        region = self._sole_regions.get(surface, _UNDECIDED)
        if region is _UNDECIDED:
            found = self.candidates(surface)
            region = _remember(self._sole_regions, surface, found[0].region if len(found) == 1 else None)
        return region

    def lookup(self, surface: str, *, region: str | None = None) -> GazetteerEntry | None:
        """The entry for ``surface``, preferring one of ``region`` when the name is ambiguous."""
        found = self.candidates(surface)
        if len(found) <= 1:
            return found[0] if found else None
        for entry in found:
            if entry.region == region:
                return entry
        unregioned = [e for e in found if not e.region]
        return unregioned[0] if unregioned else found[0]

    def _lookups_in(self, region: str | None) -> dict[str, GazetteerEntry | None]:
        """The remembered answers of ``lookup(surface, region=region)``, by surface (the
        caller fills it with :func:`_remember`)."""
        return self._lookups.setdefault(region, {})


_MEMO_SIZE = 1 << 16
_UNDECIDED = object()  # not yet in a memo (where None is an answer)


def _remember(memo: dict, key, value, *, size: int = _MEMO_SIZE):
    """Store ``value`` under ``key`` in a memo of at most ``size`` entries (emptied when
    full) and return it."""
    if len(memo) >= size:
        memo.clear()
    memo[key] = value
    return value


GazetteerSource = Union[Gazetteer, str, Path, Sequence[Union[str, Path]], None]

_KEY_DROP = re.compile(r"[.\u2019']|^the\s+", re.IGNORECASE)
_KEY_SPACE = re.compile(r"\s+")


def gazetteer_key(surface: str) -> str:
    """The lookup key of a name: case folded, without dots, apostrophes or a leading 'the'."""
    # not memoised here: Gazetteer.candidates remembers its answers by surface
    stripped = surface.strip()
    if (
        stripped.isprintable() and "  " not in stripped  # its only spaces are single ' '
        and "." not in stripped and "'" not in stripped and "\u2019" not in stripped
        and stripped[:3].lower() != "the"
    ):
        return stripped.casefold()  # what the two substitutions leave as it is (most names)
    return _KEY_SPACE.sub(" ", _KEY_DROP.sub("", stripped)).casefold().strip()


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]


def _gazetteer_rows(path: Path) -> list[tuple[str, GazetteerEntry]]:
    rows = []
    for row in _read_csv_rows(path):
        name = row.get("name", "")
        if not name:
            continue
        entry = GazetteerEntry(
            name=name,
            type=(row.get("type") or "ORG").upper(),
            category=row.get("category") or None,
            region=(row.get("region") or "").upper() or None,
        )
        for alias in [name, *row.get("aliases", "").split("|")]:
            if alias.strip():
                rows.append((gazetteer_key(alias), entry))
    return rows


@lru_cache(maxsize=32)
def _load_gazetteer_cached(paths: tuple[str, ...], include_default: bool) -> Gazetteer:
    files = ([DEFAULT_GAZETTEER] if include_default else []) + [Path(p) for p in paths]
    entries: dict[str, list[GazetteerEntry]] = {}
    for path in files:
        for key, entry in _gazetteer_rows(path):
            same_region = [e for e in entries.get(key, []) if e.region == entry.region]
            # a later file (the user's) overrides an earlier entry of the same name and region
            kept = [e for e in entries.get(key, []) if e not in same_region]
            entries[key] = kept + [entry]
    return Gazetteer({key: tuple(value) for key, value in entries.items()})


def load_gazetteer(*paths: str | Path, include_default: bool = True) -> Gazetteer:
    """The bundled gazetteer plus the user's CSV files (same columns), loaded once per set.

    A user file has the columns ``name, aliases, type, category, region`` (``aliases``
    separated by ``|``; lines starting with ``#`` are comments). Its rows override bundled
    rows of the same name and region.
    """
    return _load_gazetteer_cached(tuple(str(Path(p).resolve()) for p in paths), include_default)


def _as_gazetteer(gazetteer: GazetteerSource) -> Gazetteer:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if gazetteer is None:
        return load_gazetteer()
    if isinstance(gazetteer, (str, Path)):
        return load_gazetteer(gazetteer)
    return load_gazetteer(*gazetteer)


# ----------------------------------------------------------------------------- word lists

@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    connectors: frozenset[str]
    titles: dict[str, str]            # title word -> category of the titled person
    abbreviations: frozenset[str]     # titles written with a full stop: Mr., Sen.
    title_mods: frozenset[str]
    heads: dict[str, tuple[str, str | None]]   # head word -> (type, category)
    sources: dict[str, tuple[str, str, bool]]  # noun -> (category, resolve, needs determiner)
    pronouns: dict[str, frozenset[str]]


def _load_lexicon() -> _Lexicon:
    by_kind: dict[str, list[dict[str, str]]] = {}
    for row in _read_csv_rows(ENTITY_WORDS):
        by_kind.setdefault(row["kind"], []).append(row)

    def words(kind: str) -> list[str]:
        return [r["word"] for r in by_kind.get(kind, [])]

    sources = {
        r["word"].lower(): (r["category"], r["resolve"], r["kind"] == "description")
        for kind in ("role", "description") for r in by_kind.get(kind, [])
    }
    return _Lexicon(
        stop=frozenset(words("stop")),
        connectors=frozenset(words("connector")),
        titles={r["word"]: r["category"] for r in by_kind.get("title", [])},
        abbreviations=frozenset(r["word"] for r in by_kind.get("title", []) if r["resolve"] == "abbreviation"),
        title_mods=frozenset(words("title_mod")),
        heads={r["word"]: (r["type"], r["category"] or None) for r in by_kind.get("head", [])},
        sources=sources,
        pronouns={r["word"]: frozenset(r["type"].split("|")) for r in by_kind.get("pronoun", [])},
    )


LEXICON = _load_lexicon()
_TITLE_WORDS = LEXICON.title_mods.union(LEXICON.titles)  # words a title may start with

# Latin capital letters (A-Z, À-Þ, Ā, Ł, Š …) as one character class.
_UPPER = "".join(re.escape(c) for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha())
_TITLE_ABBREVIATIONS = "|".join(sorted(LEXICON.abbreviations, key=len, reverse=True))
_CONNECTORS = "|".join(re.escape(c) for c in sorted(LEXICON.connectors, key=len, reverse=True))

# One token of a name, or a connector; matched inside one sentence.
_TOKEN = re.compile(
    rf"(?P<initials>(?<![\w.])(?:[{_UPPER}]\.){{2,}})"
    rf"|(?P<abbr>(?<![\w.])(?:{_TITLE_ABBREVIATIONS})\.)"
    rf"|(?P<initial>(?<![\w.])[{_UPPER}]\.(?=\s+[{_UPPER}]))"
    rf"|(?P<word>(?<![\w'\u2019])[{_UPPER}](?:['\u2019][{_UPPER}])?[\w&]*(?:[-\u2013][{_UPPER}\d][\w&]*)*"
    rf"(?:\((?:[{_UPPER}]{{1,2}})\))?)"
    rf"(?P<possessive>['\u2019]s?(?!\w))?"
    rf"|(?P<connector>(?<!\w)(?:{_CONNECTORS})(?!\w))"
)
# A stretch of text that may hold a run of name tokens; _runs tokenises only these stretches.
# The lookbehind comes after the first capital (it looks at the character before it) so
# that the regex engine skips to the next capital at C speed instead of trying every position.
# Tokens are apart by one to three spaces, or by one line break where hard-wrapped text
# carried the next word over (sentences hold a line break only there: see segment).
_NAME_GAP = r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2}\r?\n[ \t\u00a0]{0,3})"
_RUN_STRETCH = re.compile(
    rf"[{_UPPER}](?<![\w'\u2019].)\S*(?:{_NAME_GAP}(?:(?:{_CONNECTORS}){_NAME_GAP})*[{_UPPER}]\S*)*"
)
_NAME_GAP_ONLY = re.compile(_NAME_GAP)
_ENDS_WITH_ABBREVIATION = re.compile(rf"(?<![\w.])(?:{_TITLE_ABBREVIATIONS}|[{_UPPER}])\.$")
# The longest text _ENDS_WITH_ABBREVIATION can match (title and its period).
_ABBREVIATION_TAIL = max(map(len, LEXICON.abbreviations), default=1) + 1
_LOWER_LETTERS = re.compile(r"[a-z][a-z]+")


_SOURCE_NOUN_PATTERN = rf"(?<![\w-])(?:{word_alternation(LEXICON.sources)})(?![\w-])"
# A determiner and up to two modifiers right before a source noun: "the online | platform".
_DETERMINER_BEFORE_PATTERN = (
    r"(?<![\w-])(?:the|a|an|this|that|these|those|some|several|many|other|two|three|four|its|their)"
    r"\s+(?:[\w-]+\s+){0,2}$"
)
# Both regexes ignore case. On text.lower() their case-sensitive forms find the same matches
# at a fraction of the cost, unless the text holds a character that IGNORECASE equates with
# a letter a-z but lower() does not turn into it (_NON_ASCII_FOLDS) or that lower() expands.
_SOURCE_NOUN = re.compile(_SOURCE_NOUN_PATTERN, re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(_DETERMINER_BEFORE_PATTERN, re.IGNORECASE)
_SOURCE_NOUN_IN_LOWERED = re.compile(_SOURCE_NOUN_PATTERN)
_DETERMINER_BEFORE_IN_LOWERED = re.compile(_DETERMINER_BEFORE_PATTERN)
_NON_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin); tests check the list
# What IGNORECASE equates each of _NON_ASCII_FOLDS with, to find a matched noun in the list.
_FOLD_TO_ASCII = str.maketrans(dict(zip(_NON_ASCII_FOLDS, "iisk")))
# Bytes a-z kept, every other byte a space: text.lower() encoded to ASCII ("?" for anything
# else, so offsets stay) and translated by this splits into the a-z words of the text.
_ONLY_ASCII_LETTERS = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))
_SOURCE_FIRST_WORDS = frozenset(noun.split()[0].encode("ascii") for noun in LEXICON.sources)
_LOWER_NEXT = re.compile(r" [a-z]")
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]*")
_LOWER_LONG_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]{3,}")
_LONG_WORD = re.compile(r"(?<![\w'\u2019-])[^\W\d_][\w'\u2019-]{3,}")
_SPEECH_AFTER = re.compile(r",?\s+(?:said|says|told|added|asked|wrote|argued|explained|noted|insisted|replied)\b")
_OPENERS = "\"'“‘«([{—–-:;"
_OPENERS_OR_SPACE = frozenset(_OPENERS + " ")
_ATTACH_RIGHT = re.compile(r"\s+(?:of|for|at|from|with)\s+(?:the\s+)?", re.IGNORECASE)
_ATTACH_LEFT = re.compile(r"(?:['\u2019]s?)?\s+")  # "Twitter spokesperson", "Twitter's spokesperson"
_ACRONYM_GAP = re.compile(r"\s*(?:\(|,?\s+or|,?\s+(?:also\s+)?known\s+as)\s*", re.IGNORECASE)


# ----------------------------------------------------------------------------- chunking

# One token of a run: a plain tuple ``(start, end, text, kind, possessive)``, read by the
# indices below. ``start`` and ``end`` are relative to the start of its stretch (tokens are
# cached per stretch text and shared by every place the text occurs); ``kind`` is word |
# connector | initials | abbr | initial. Tuples of str, int and bool are not tracked by the
# cyclic garbage collector, which walked a slots object per cached token on every full
# collection, and they are cheaper to create than any class instance.
_Token = tuple  # tuple[int, int, str, str, bool]
_START_AT, _END_AT, _TEXT, _KIND, _POSSESSIVE = range(5)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    surface: str
    name: str       # the name without a title, used as the entity
    type: str
    category: str | None
    kind: str
    gazetteer_keyed: bool


@lru_cache(maxsize=1 << 14)
def _is_acronym(word: str) -> bool:
    """NCPCR, BJP, NGOs, U.S.: two leading capitals and at most one lower-case letter."""
    if len(word) < 2 or not word[:2].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    return sum(c.islower() for c in letters) <= 1


def _runs(text: str, start: int, end: int) -> list[tuple[int, tuple[_Token, ...]]]:
    """Runs of capitalised tokens separated only by spaces, connectors kept inside, each with
    the offset its tokens are relative to."""
    runs: list[tuple[int, tuple[_Token, ...]]] = []
    for stretch in _RUN_STRETCH.finditer(text, start, end):
        base = stretch.start()
        # a final comma, semicolon or colon belongs to no token and no lookahead of the
        # token regex tells it from the end of the text: 'Cruz,' is tokenised as 'Cruz'
        found = stretch.group().rstrip(",;:")
        if found.isalpha():
            # one word (most stretches): the token regex's word, whole, whatever precedes it;
            # made here rather than looked up, which cost more than making it
            runs.append((base, ((0, len(found), found, "word", False),)))
            continue
        for run in _stretch_runs(found, text[base - 1:base] == "."):
            runs.append((base, run))
    return runs


# _stretch_runs per (stretch, after a full stop): a plain dict, emptied when full, rather
# than lru_cache, whose per-entry links are more objects for the garbage collector to walk.
_STRETCH_RUNS: dict[tuple[str, bool], tuple[tuple[_Token, ...], ...]] = {}
_STRETCH_RUNS_SIZE = 1 << 15


def _stretch_runs(stretch: str, after_full_stop: bool) -> tuple[tuple[_Token, ...], ...]:
    key = (stretch, after_full_stop)
    runs = _STRETCH_RUNS.get(key)
    if runs is None:
        runs = _remember(_STRETCH_RUNS, key, _tokenise_stretch(stretch, after_full_stop), size=_STRETCH_RUNS_SIZE)
    return runs


def _tokenise_stretch(stretch: str, after_full_stop: bool) -> tuple[tuple[_Token, ...], ...]:
    """The runs of one stretch, tokens relative to its start."""
    letters = _letter_words(stretch)
    if letters is None:
        tokens = _stretch_tokens(stretch, after_full_stop)
    else:  # letters only: the commonest case, read faster
        words, has_connector = letters
        if not has_connector:
            # capitalised words apart by single spaces ('Donald Trump', 'White House'): one run
            # of word tokens, as the loop below makes
            return (words,)
        tokens = [(token, token[_END_AT]) for token in words]
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    previous_end = -1
    for token, token_end in tokens:
        if current and (
            previous_end < 0 or current[-1][_POSSESSIVE]
            or (stretch[previous_end:token[_START_AT]] != " " and not _only_spaces(stretch, previous_end, token[_START_AT]))
        ):
            runs.append(current)
            current = []
        if token[_KIND] == "connector":
            if not current or not _connector_allowed(current, token[_TEXT]):
                if current:
                    runs.append(current)
                current = []
                previous_end = -1
                continue
        current.append(token)
        previous_end = token_end
    if current:
        runs.append(current)
    kept = []
    for run in runs:
        for token in run:
            if token[_KIND] != "connector":
                kept.append(tuple(_trim_connectors(run)))
                break
    return tuple(kept)


def _stretch_tokens(stretch: str, after_full_stop: bool) -> list[tuple[_Token, int]]:
    """The tokens of a stretch, each with where its match ends (after a possessive).

    Words apart by single spaces (the commonest stretch: 'Secret Service', 'Tour de
    France', 'Bannon, Trump's', 'Iowa.') are read without the token regex (see
    :func:`_plain_tokens`). Anything else goes through the token regex. A stretch never
    follows a word character or an apostrophe, so whether a full stop precedes it is all
    that the token regex's lookbehinds can see of the text before it: one space or one
    full stop stands in.
    """
    tokens = _plain_tokens(stretch)
    return tokens if tokens is not None else _regex_tokens(stretch, after_full_stop)


def _regex_tokens(stretch: str, after_full_stop: bool) -> list[tuple[_Token, int]]:
    """The tokens of a stretch as the token regex finds them, each with where its match ends."""
    padded = ("." if after_full_stop else " ") + stretch
    tokens = []
    for match in _TOKEN.finditer(padded, 1):
        word = match.group("word")
        if word is not None:
            token = (match.start("word") - 1, match.end("word") - 1, word, "word", match.group("possessive") is not None)
        else:
            kind = match.lastgroup
            token = (match.start() - 1, match.end() - 1, match.group(), "word" if kind == "possessive" else kind, False)
        tokens.append((token, match.end() - 1))
    return tokens


_TRAILING_PUNCTUATION = ",;:."
_APOSTROPHES = "'\u2019"


def _plain_tokens(stretch: str) -> list[tuple[_Token, int]] | None:
    """What the token regex makes of a stretch of plain words apart by single spaces, or None
    when the stretch holds anything else (a stretch of letters alone is read faster by
    :func:`_letter_words`, to the same tokens).

    A plain word is letters (capitalised, or a connector), then optionally a possessive
    (``'s``, ``'``; capitalised words only), then optionally punctuation of ``,;:.`` that no
    token takes: the token regex makes a capitalised word a word token (possessive set when
    one follows) and a lower-case one a connector (the stretch regex lets no other
    lower-case word in). A full stop after a title abbreviation (``Sen.``) or a single
    letter (``J.``) belongs to a token of its own kind: such stretches are not plain.
    """
    tokens, at = [], 0
    for piece in stretch.split(" "):
        word = piece.rstrip(_TRAILING_PUNCTUATION)
        trail = len(piece) - len(word)
        possessive = False
        if word[-2:-1] in _APOSTROPHES and word[-1:] == "s" and len(word) > 2:
            word, possessive = word[:-2], True
        elif word[-1:] in _APOSTROPHES and len(word) > 1:
            word, possessive = word[:-1], True
        if not word.isalpha():
            return None
        if word[0].isupper():
            if trail and "." in piece[-trail:] and (len(word) < 2 or word in LEXICON.abbreviations) and not possessive:
                return None
            kind = "word"
        elif word in LEXICON.connectors and not possessive:
            kind = "connector"
        else:
            return None
        end = at + len(word)
        tokens.append(((at, end, word, kind, possessive), end + (len(piece) - trail - len(word))))
        at += len(piece) + 1
    return tokens


def _letter_words(stretch: str) -> tuple[tuple[_Token, ...], bool] | None:
    """A stretch of letters apart by single spaces as :func:`_plain_tokens` reads it: its
    tokens and whether one is a connector; None when the stretch holds anything but letters
    and single spaces, or a word neither capitalised nor a connector."""
    if "  " in stretch or not stretch.replace(" ", "").isalpha():
        return None
    tokens, has_connector, at = [], False, 0
    for word in stretch.split(" "):
        if word[0].isupper():
            kind = "word"
        elif word in LEXICON.connectors:
            kind = "connector"
            has_connector = True
        else:
            return None
        end = at + len(word)
        tokens.append((at, end, word, kind, False))
        at = end + 1
    return tuple(tokens), has_connector


def _only_spaces(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a gap that may sit between two words of one name."""
    gap = text[start:end]
    if 0 < len(gap) <= 3 and not gap.strip(" \t\u00a0"):
        return True
    return "\n" in gap and _NAME_GAP_ONLY.fullmatch(gap) is not None


def _one_line(surface: str) -> str:
    """A name as written over a line break ('White\\nHouse'), on one line ('White House')."""
    return _KEY_SPACE.sub(" ", surface) if "\n" in surface else surface


def _connector_allowed(run: list[_Token], connector: str) -> bool:
    last = run[-1]
    if connector == "the":
        return last[_KIND] == "connector" and last[_TEXT] in ("of", "for", "on")
    if last[_KIND] == "connector":
        return False
    if connector == "and":  # only inside an "X of Y and Z" name, never "BJP and Congress"
        return any(t[_KIND] == "connector" and t[_TEXT] in ("of", "for") for t in run)
    return True


def _trim_connectors(run: list[_Token]) -> list[_Token]:
    while run and run[-1][_KIND] == "connector":
        run = run[:-1]
    while run and run[0][_KIND] == "connector":
        run = run[1:]
    return run


def _title_word(token: _Token) -> str:
    return token[_TEXT].rstrip(".")


def _title_prefix_length(run: list[_Token], at: int) -> int:
    """Number of tokens of a title starting at ``run[at]`` (0 if none)."""
    if _title_word(run[at]) not in _TITLE_WORDS:
        return 0  # most words: no title starts here
    length, has_title = 0, False
    for index in range(at, len(run)):  # not run[at:]: copying the rest per call was quadratic
        token = run[index]
        word = _title_word(token)
        if token[_KIND] in ("word", "abbr") and (word in LEXICON.titles or word in LEXICON.title_mods):
            length += 1
            has_title = has_title or word in LEXICON.titles
            if token[_KIND] == "abbr" or token[_POSSESSIVE]:
                break
        elif token[_KIND] == "connector" and token[_TEXT] == "of" and has_title:
            length += 1
        else:
            break
    while length and run[at + length - 1][_KIND] == "connector":
        length -= 1
    # a title ends with a title word: "Chief Minister", not "Chief" alone
    while length and _title_word(run[at + length - 1]) not in LEXICON.titles:
        length -= 1
    return length


def _org_head(tokens: list[_Token]) -> tuple[str, str | None] | None:
    """Type and category given by a head word: the last word, else one before a connector."""
    heads = LEXICON.heads
    for token in reversed(tokens):  # the last word
        if token[_KIND] != "connector":
            last = heads.get(token[_TEXT])
            if last:
                return last
            break
    else:
        return None  # no word at all
    for at, token in enumerate(tokens):  # the first connector
        if token[_KIND] == "connector":
            for earlier in reversed(tokens[:at]):
                head = heads.get(earlier[_TEXT])
                if head and head[0] == "ORG":
                    return head
            break
    return None


# spaCy NER labels kept as mentions (dates, numbers, money … are not actors or places).
SPACY_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC",
    "NORP": "NORP", "LANGUAGE": "LANGUAGE", "LAW": "LAW", "EVENT": "EVENT", "MISC": "MISC",
}
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def strip_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a trailing ``'s`` / ``'`` and a leading ``the``."""
    surface = text[start:end]
    match = _POSSESSIVE_END.search(surface)
    if match and match.start() > 0:
        end = start + match.start()
    if text[start:start + 4].lower() == "the " and end - start > 4:
        start += 4
    return start, end


def _is_title_case(text: str, start: int, end: int) -> bool:
    """A headline-style line: five or more words of four letters or more, all capitalised
    (a sentence of names still has a verb such as 'visited' in lower case)."""
    if _LOWER_LONG_WORD.search(text, start, end):
        return False
    return len(_LONG_WORD.findall(text, start, end)) >= 5


def _chunking_windows(text: str, segments: Segments) -> list[tuple[int, int]]:
    """Body sentences, rejoined where a splitter cut after a title or initial ('Mr. | Pike')."""
    windows: list[list[int]] = []
    for sentence in segments.body_sentences():
        # Only the window's tail can match (the lookbehind still sees the text before it):
        # searching the whole growing window was quadratic in a run of initials.
        if windows and windows[-1][2] == sentence.paragraph and _ENDS_WITH_ABBREVIATION.search(
            text, max(windows[-1][0], windows[-1][1] - _ABBREVIATION_TAIL), windows[-1][1]
        ):
            windows[-1][1] = sentence.end
        else:
            windows.append([sentence.start, sentence.end, sentence.paragraph])
    return [(start, end) for start, end, _ in windows]


_UNLISTED = ("unlisted",)  # a lone word whose verdict depends on the text after it


class _Detector:
    """Chunks the body of one article into name candidates."""

    def __init__(self, text: str, segments: Segments, gazetteer: Gazetteer):
        self.text = text
        self.gazetteer = gazetteer
        self.sentences = _chunking_windows(text, segments)
        self.body = segments.body
        self._in_lower_case_memo: dict[str, bool] = {}
        self.region: str | None = None
        self.name_words: set[str] = set()
        self.headline_windows: set[int] = set()
        self._known_surfaces: dict[str, GazetteerEntry | None] = {}  # lookups for self.region

    def _sentence_initial(self, sentence_start: int, position: int) -> bool:
        """Nothing but white space and opening punctuation (not after a comma) before ``position``."""
        # scans back from position instead of slicing the sentence: called for every run
        text = self.text
        i = position - 1
        while i >= sentence_start and text[i].isspace():
            i -= 1
        if i < sentence_start:
            return True
        if text[i] not in _OPENERS:
            return False
        while i >= sentence_start and text[i] in _OPENERS_OR_SPACE:
            i -= 1
        return i < sentence_start or text[i] != ","

    def _in_lower_case(self, word: str) -> bool:
        """Whether the body also has ``word`` in lower case (asked for few words per article,
        so each is looked for when asked instead of collecting every lower-case word)."""
        lowered = word.lower()
        found = self._in_lower_case_memo.get(lowered)
        if found is None:
            found = self._in_lower_case_memo[lowered] = _written_in_lower_case(
                self.text, self.body.start, self.body.end, lowered
            )
        return found

    def candidates(self) -> list[_Candidate]:
        """Names found by the capitalised-run rules."""
        found: list[_Candidate] = []
        headline_runs: list[tuple[int, tuple[_Token, ...]]] = []
        # What a lone word makes, by word, for runs at a sentence start and elsewhere: most
        # runs are one word, and an article repeats its words ('Trump', 'The', 'Republicans')
        verdicts_initial: dict[str, tuple | None] = {}
        verdicts_inner: dict[str, tuple | None] = {}
        runs = self._all_runs()
        headline_windows = self.headline_windows  # set by _all_runs
        for sentence_start, base, run, initial in runs:
            if headline_windows and sentence_start in headline_windows:
                headline_runs.append((base, run))
                continue
            if len(run) == 1 and run[0][_KIND] == "word":
                token = run[0]
                word = token[_TEXT]
                verdicts = verdicts_initial if initial else verdicts_inner
                verdict = verdicts.get(word, _UNDECIDED)
                if verdict is _UNDECIDED:
                    verdict = verdicts[word] = self._single_word(word, initial=initial)
                if verdict is None:
                    continue
                start, end = base + token[_START_AT], base + token[_END_AT]
                if verdict is _UNLISTED:
                    candidate = self._unlisted_word(start, end, word, word, initial=initial)
                    if candidate is not None:
                        found.append(candidate)
                else:
                    found.append(_Candidate(start, end, word, *verdict))
                continue
            for part in self._split(base, run, initial):
                # a part after the run's first token follows a token, never a sentence start
                part_initial = initial if part[0] is run[0] else self._sentence_initial(sentence_start, base + part[0][_START_AT])
                candidate = self._classify(base, part, initial=part_initial)
                if candidate is not None:
                    found.append(candidate)
        if headline_runs:
            found.extend(self._names_in_headlines(headline_runs, found))
            found.sort(key=_START)
        return found

    def _single_word(self, word: str, *, initial: bool) -> tuple | None:
        """What :meth:`_split` and :meth:`_classify` make of a run of one word, without
        building parts and word lists: None (no name), the fields of its :class:`_Candidate`
        after ``start, end, surface``, or ``_UNLISTED`` (:meth:`_unlisted_word` decides, by
        the text after it)."""
        entry = self._known_surface(word)
        if entry:
            kind = "acronym" if _is_acronym(word) else "name"
            return entry.name, entry.type, entry.category, kind, True
        if self._not_a_name_start(word, initial=initial, alone=True):
            return None
        if word in LEXICON.heads or _PARTY_TAG.fullmatch(word):
            return None  # "Watch:", "Forum" alone; the "(R-Fla.)" after a senator's name
        if word in LEXICON.titles:
            return word.lower(), "ROLE", LEXICON.titles[word], "role", False
        if _is_acronym(word):
            return word, "ORG", "other", "acronym", False
        return _UNLISTED

    def _unlisted_word(self, start: int, end: int, surface: str, word: str, *, initial: bool) -> _Candidate | None:
        """A lone capitalised word that no list knows: a person before a speech verb, else a
        name, unless only the start of a sentence capitalised it."""
        if _SPEECH_AFTER.match(self.text, end):  # "Kasich said": a person speaking
            return _Candidate(start, end, surface, surface, "PERSON", "other", "name", False)
        if initial and word not in self.name_words and not self._looks_like_a_subject(word, end):
            return None  # "Apparently", "Worse": capitalised only because a sentence starts
        return _Candidate(start, end, surface, surface, "MISC", None, "name", False)

    def _names_in_headlines(self, runs: list[tuple[int, tuple[_Token, ...]]], found: list[_Candidate]) -> list[_Candidate]:
        """In a title-case line every word is capitalised, so take from its runs only names
        the gazetteer or the rest of the article knows, longest first."""
        known = {c.surface for c in found} | {c.name for c in found}
        known |= {c.name.rsplit(" ", 1)[-1] for c in found if c.type == "PERSON"}
        out: list[_Candidate] = []
        for base, run in runs:
            i = 0
            while i < len(run):
                for j in range(len(run), i, -1):
                    part = _trim_connectors(run[i:j])
                    if part and part[0] is run[i] and (self._surface(base, part) in known or self._known(base, part)):
                        candidate = self._classify(base, part, initial=False)
                        if candidate is not None:
                            out.append(candidate)
                        i = j - 1
                        break
                i += 1
        return out

    def _all_runs(self) -> list[tuple[int, int, tuple[_Token, ...], bool]]:
        """``(window start, base, run, whether the run starts a sentence)`` for every run;
        sets the article's region, its name words and its headline windows."""
        # the name words and the surfaces that vote for a region are gathered in the same
        # pass: this loop meets every run of every article
        runs = []
        surfaces: list[str] = []
        text, sentence_initial = self.text, self._sentence_initial
        name_words: set[str] = set()
        for start, end in self.sentences:
            for base, run in _runs(text, start, end):
                first = run[0]
                position = base + first[_START_AT]
                initial = sentence_initial(start, position)
                runs.append((start, base, run, initial))
                # words written capitalised where no sentence starts are names even when
                # the article also has them in lower case (a tweet quoting "clinton speaking")
                if len(run) > 1:
                    surfaces.append(text[position:base + run[-1][_END_AT]])
                    name_words.update([token[_TEXT] for token in run])
                else:
                    surfaces.append(first[_TEXT])  # a lone token's text is its surface
                    if not initial:
                        name_words.add(first[_TEXT])
        self.region = self._region(surfaces)
        self._known_surfaces = self.gazetteer._lookups_in(self.region)
        self.name_words = name_words
        self.headline_windows = {start for start, end in self.sentences if _is_title_case(text, start, end)}
        return runs

    def _region(self, surfaces: list[str]) -> str | None:
        """The region most run ``surfaces`` vote for (a surface votes for the region of the
        only gazetteer entry of its name), the first voted for among equals; None if no vote.
        Each distinct surface is asked once, with its count: articles repeat their names."""
        sole_region, sole_regions = self.gazetteer._sole_region, self.gazetteer._sole_regions
        votes: Counter[str] = Counter()
        for surface, count in Counter(surfaces).items():  # in order of first occurrence
            region = sole_regions.get(surface, _UNDECIDED)
            if region is _UNDECIDED:
                region = sole_region(surface)
            if region:
                votes[region] += count
        return votes.most_common(1)[0][0] if votes else None

    def spacy_candidates(self, nlp) -> list[_Candidate]:
        """Names found by a spaCy pipeline's NER, typed by its labels unless the gazetteer knows them."""
        self._all_runs()
        found: list[_Candidate] = []
        for window_start, window_end in self.sentences:
            doc = nlp(self.text[window_start:window_end])
            for ent in doc.ents:
                label = SPACY_TYPES.get(ent.label_)
                if label is None:
                    continue
                start, end = window_start + ent.start_char, window_start + ent.end_char
                runs = _runs(self.text, start, end)
                candidate = None
                if len(runs) == 1:
                    base, run = runs[0]
                    tokens = self._without_article(base, run) if self._known(base, run) else run
                    candidate = self._classify(base, tokens, initial=False) if tokens else None
                if candidate is None:
                    span = strip_possessive(self.text, start, end)
                    surface = self.text[span[0]:span[1]]
                    candidate = _Candidate(span[0], span[1], surface, _one_line(surface), label, None, "name", False)
                if not candidate.gazetteer_keyed and candidate.type != label:
                    candidate.type = label
                    candidate.category = candidate.category if label in ("ORG", "PERSON") else None
                if candidate.type in ("ORG", "PERSON") and candidate.category is None:
                    candidate.category = "other"
                found.append(candidate)
        return found

    def _surface(self, base: int, tokens: Sequence[_Token]) -> str:
        return self.text[base + tokens[0][_START_AT]:base + tokens[-1][_END_AT]]

    def _known(self, base: int, tokens: Sequence[_Token]) -> GazetteerEntry | None:
        if not tokens:
            return None
        return self._known_surface(self.text[base + tokens[0][_START_AT]:base + tokens[-1][_END_AT]])

    def _known_surface(self, surface: str) -> GazetteerEntry | None:
        """The gazetteer's entry for ``surface`` in the article's region (None if unknown)."""
        # the rules ask about the same surfaces many times per article, and a first pass
        # misses often: a sentinel, not a KeyError, marks a miss
        entry = self._known_surfaces.get(surface, _UNDECIDED)
        if entry is _UNDECIDED:
            entry = _remember(self._known_surfaces, surface, self.gazetteer.lookup(surface, region=self.region))
        return entry

    def _split(self, base: int, run: Sequence[_Token], initial: bool) -> list[Sequence[_Token]]:
        """Drop leading non-names, then cut the run at inner titles, stop words, 'of <place>'.
        ``initial``: the run starts a sentence."""
        if self._known(base, run):
            return [self._without_article(base, run)]
        while run and run[0][_KIND] == "word" and self._not_a_name_start(run[0][_TEXT], initial=initial, alone=len(run) == 1):
            run = _trim_connectors(run[1:])
            initial = False
            if run and self._known(base, run):
                return [self._without_article(base, run)]
        if initial and self._common_noun_of(run):
            run = _trim_connectors(run[2:])  # "Leaders of the BJP", "Opponents of the … Act"
        if not run:
            return []
        parts: list[Sequence[_Token]] = []
        head = _org_head(run)
        heads_org = head is not None and head[0] in ("ORG", "LAW", "EVENT", "FAC")
        cut = 0
        i = _title_prefix_length(run, 0) or 1
        while i < len(run):
            token = run[i]
            if token[_KIND] == "connector":
                if token[_TEXT] == "and" and self._separate_names(base, run[cut:i], run[i + 1:]):
                    parts.append(run[cut:i])
                    cut = i + 1
                elif token[_TEXT] == "of" and not heads_org and i + 1 < len(run):
                    place = self._known(base, run[i + 1:])
                    place_type = place.type if place else (_org_head(run[i + 1:]) or ("", None))[0]
                    if place_type in ("GPE", "LOC"):  # "Sen. Ted Cruz of Texas"
                        parts.append(run[cut:i])
                        cut = len(run)
                        break
                i += 1
                continue
            if token[_KIND] == "word" and token[_TEXT] in LEXICON.stop:
                parts.append(run[cut:i])
                cut = i + 1
                i += 1
                continue
            title_length = 0 if heads_org or run[i - 1][_KIND] == "connector" else _title_prefix_length(run, i)
            # "Uttar Pradesh | Chief Minister Yogi Adityanath", but "Charlie King" is one name
            if title_length and i + title_length < len(run):
                parts.append(run[cut:i])
                cut = i
                i += title_length
                continue
            i += 1
        parts.append(run[cut:])
        return [part for part in map(_trim_connectors, parts) if part]

    def _without_article(self, base: int, run: Sequence[_Token]) -> Sequence[_Token]:
        """'The Delhi Police' → 'Delhi Police', but 'The Hindu' keeps its article."""
        if len(run) > 1 and run[0][_TEXT] == "The" and not self._known(base, run).name.startswith("The "):
            return run[1:]
        return run

    def _looks_like_a_subject(self, word: str, end: int) -> bool:
        """'Cruz openly admitted', 'Earhardt then asked': a sentence-initial word followed by
        a lower-case word, and not shaped like an adverb, participle or plural."""
        return _LOWER_NEXT.match(self.text, end) is not None and not word.lower().endswith(("ly", "ing", "ed", "s"))

    def _common_noun_of(self, run: Sequence[_Token]) -> bool:
        """A sentence-initial 'Word of …' whose first word is an ordinary noun."""
        if len(run) < 3 or run[1][_KIND] != "connector" or run[1][_TEXT] != "of" or run[0][_KIND] != "word":
            return False
        word = run[0][_TEXT]
        return not (
            word in LEXICON.heads or word in LEXICON.titles or word in LEXICON.title_mods
            or _is_acronym(word) or self.gazetteer.candidates(word)
        )

    def _separate_names(self, base: int, left: Sequence[_Token], right: Sequence[_Token]) -> bool:
        """'Ministry of Home Affairs and NGOs' is two names; 'Ministry of Law and Justice' one."""
        if self._known(base, left) or self._known(base, right):
            return True
        return len(right) == 1 and (_is_acronym(right[0][_TEXT]) or right[0][_TEXT].lower() in LEXICON.sources)

    def _not_a_name_start(self, word: str, *, initial: bool, alone: bool) -> bool:
        if word in LEXICON.stop:
            return True
        if alone and word.lower() in LEXICON.sources:
            return True  # "Police said", "Officials", "NGOs": the source-noun pass takes them
        if initial and not _is_acronym(word) and not self.gazetteer.candidates(word):
            return self._in_lower_case(word) and word not in self.name_words
        return False

    def _classify(self, base: int, tokens: Sequence[_Token], *, initial: bool) -> _Candidate | None:
        candidate = self._classify_tokens(base, tokens, initial=initial)
        if candidate is not None and "\n" in candidate.name:
            candidate.name = _one_line(candidate.name)
        return candidate

    def _classify_tokens(self, base: int, tokens: Sequence[_Token], *, initial: bool) -> _Candidate | None:
        start, end = base + tokens[0][_START_AT], base + tokens[-1][_END_AT]
        surface = self.text[start:end]
        entry = self._known(base, tokens)
        if entry:
            kind = "acronym" if len(tokens) == 1 and _is_acronym(surface) else "name"
            return _Candidate(start, end, surface, entry.name, entry.type, entry.category, kind, True)
        words = [t for t in tokens if t[_KIND] != "connector"]
        if len(words) == 1 and (words[0][_TEXT] in LEXICON.stop or words[0][_TEXT].lower() in LEXICON.sources):
            return None
        head = _org_head(tokens)
        if len(words) == 1 and (head or _PARTY_TAG.fullmatch(words[0][_TEXT])):
            return None  # "Watch:", "Forum" alone; the "(R-Fla.)" after a senator's name
        title_len = 0 if head else _title_prefix_length(tokens, 0)
        if title_len:
            rest = tokens[title_len:]
            category = LEXICON.titles[_title_word(tokens[title_len - 1])]
            if not rest:
                return _Candidate(start, end, surface, surface.lower().replace(".", ""), "ROLE", category, "role", False)
            name = self._surface(base, rest)
            return _Candidate(start, end, surface, name, "PERSON", category, "name", False)
        if head:
            category = head[1] if head[0] == "ORG" else None
            known_part = self._known_surface(words[0][_TEXT])
            if head[0] == "ORG" and known_part and known_part.type == "ORG" and known_part.category:
                category = known_part.category if head[1] is None else head[1]
            return _Candidate(start, end, surface, surface, head[0], category, "name", False)
        if len(words) == 1:
            word = words[0][_TEXT]
            if _is_acronym(word) or words[0][_KIND] == "initials":
                return _Candidate(start, end, surface, surface, "ORG", "other", "acronym", False)
            return self._unlisted_word(start, end, surface, word, initial=initial)
        first = self._known_surface(words[0][_TEXT])
        if first and first.type == "ORG":
            return _Candidate(start, end, surface, surface, "ORG", first.category, "name", False)
        if len(words) < len(tokens) or any(_is_acronym(w[_TEXT]) for w in words):  # a connector, or an acronym
            return _Candidate(start, end, surface, surface, "ORG", "other", "name", False)
        if first and first.type in ("GPE", "LOC") and len(words) == 2:
            return _Candidate(start, end, surface, surface, "ORG", "other", "name", False)
        return _Candidate(start, end, surface, surface, "PERSON", "other", "name", False)


def _is_word_character(char: str) -> bool:
    """What the regex ``\\w`` matches (Unicode letters, digits, numerics and the underscore)."""
    return char.isalnum() or char == "_"


def _written_in_lower_case(text: str, start: int, end: int, word: str) -> bool:
    """Whether ``word`` (two or more letters a-z) stands in ``text[start:end]`` as a word of
    its own: not after a word character, apostrophe or hyphen, not before a word character."""
    if not _LOWER_LETTERS.fullmatch(word):
        return False
    at = text.find(word, start, end)
    while at != -1:
        after = at + len(word)
        if not (at and (_is_word_character(text[at - 1]) or text[at - 1] in "'\u2019-")) and not (
            after < end and _is_word_character(text[after])
        ):
            return True
        at = text.find(word, at + 1, end)
    return False


# ----------------------------------------------------------------------------- canonicalisation

_INITIAL_WORD = re.compile(r"[\w&]+")


@lru_cache(maxsize=1 << 14)
def _initials(name: str) -> tuple[str, str]:
    """A name's initials without and with its connectors ('Bank of America': 'BA', 'BOA'):
    both are always asked together, so one entry holds both."""
    words = _INITIAL_WORD.findall(name)
    return (
        "".join([w[0] for w in words if w.lower() not in LEXICON.connectors]).upper(),
        "".join([w[0] for w in words]).upper(),
    )


def _acronym_letters(acronym: str) -> str:
    return "".join(c for c in acronym.rstrip("s") if c.isalpha()).upper()


def _acronym_matches(acronym: str, long_form: str) -> bool:
    letters = _acronym_letters(acronym)
    return len(letters) >= 2 and letters in _initials(long_form)


def _defines_term(text: str, candidate: _Candidate) -> bool:
    """True for '(CSE)' after 'child sexual exploitation': an abbreviation, not an actor."""
    before = text[max(0, candidate.start - 120):candidate.start].rstrip()
    if not before.endswith("("):
        return False
    letters = _acronym_letters(candidate.surface)
    words = re.findall(r"[\w-]+", before)[-len(letters):]
    return bool(words) and all(w[:1].islower() for w in words) and "".join(w[0] for w in words).upper() == letters


def _link_acronyms(text: str, found: list[_Candidate]) -> set[str]:
    """Give acronyms the entity of their long form; return acronyms of lower-case terms."""
    terms: set[str] = set()
    canonical: dict[str, _Candidate] = {}
    acronyms = [i for i, candidate in enumerate(found) if candidate.kind == "acronym"]
    for i in acronyms:
        candidate = found[i]
        if _defines_term(text, candidate):
            terms.add(candidate.surface)
            continue
        if candidate.gazetteer_keyed:
            continue
        previous = found[i - 1] if i else None
        gap = text[previous.end:candidate.start] if previous else ""
        if previous and previous.kind == "name" and _ACRONYM_GAP.fullmatch(gap) and (
            _acronym_matches(candidate.surface, previous.name)
            or ("(" in gap and previous.name[:1].upper() == candidate.surface[:1])
        ):
            canonical[candidate.surface] = previous
    # an acronym also joins a long form anywhere in the article with matching initials
    # (the long forms are gathered only when an acronym asks: many articles have none)
    long_forms: dict[str, _Candidate] | None = None
    for i in acronyms:
        candidate = found[i]
        if not candidate.gazetteer_keyed and candidate.surface not in canonical:
            letters = _acronym_letters(candidate.surface)
            if len(letters) >= 2:
                if long_forms is None:
                    long_forms = _long_forms(found)
                if letters in long_forms:
                    canonical[candidate.surface] = long_forms[letters]
    if canonical:
        for i in acronyms:
            candidate = found[i]
            target = canonical.get(candidate.surface)
            if target is not None:
                candidate.name, candidate.type, candidate.category = target.name, target.type, target.category
    return terms


def _long_forms(found: list[_Candidate]) -> dict[str, _Candidate]:
    """The first name of several words for each of its initials (with and without connectors)."""
    long_forms: dict[str, _Candidate] = {}
    for other in found:
        if other.kind == "name" and " " in other.name:
            for initials in _initials(other.name):
                long_forms.setdefault(initials, other)
    return long_forms


def _link_people(found: list[_Candidate]) -> None:
    """A surname (or a titled surname) joins the full name mentioned nearest before it; a
    first name joins the full name when only one person of the article has it."""
    by_surname: dict[str, list[_Candidate]] = {}
    by_first_name: dict[str, list[_Candidate]] = {}
    for c in [c for c in found if c.type == "PERSON" and " " in c.name]:
        by_surname.setdefault(c.name.rsplit(" ", 1)[-1], []).append(c)
        by_first_name.setdefault(c.name.split(" ", 1)[0], []).append(c)
    if not by_surname:
        return  # no full name to join
    # the loop changes only the candidate at hand, so the one-word names can be picked first
    for candidate in [c for c in found if c.type in ("PERSON", "MISC") and " " not in c.name]:
        matches = by_surname.get(candidate.name)
        if not matches and len({p.name for p in by_first_name.get(candidate.name, ())}) == 1:
            matches = by_first_name[candidate.name]  # "Hillary" when only Hillary Clinton is named
        if not matches:
            continue
        earlier = [p for p in matches if p.start < candidate.start]
        target = earlier[-1] if earlier else matches[0]
        candidate.name, candidate.type = target.name, "PERSON"
        if candidate.category in (None, "other"):
            candidate.category = target.category


# ----------------------------------------------------------------------------- the index

_START, _END = attrgetter("start"), attrgetter("end")


def by_start_longest_first(mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` sorted by start, the longer first where two start together (ties keep
    their order): the order of an index. Two stable sorts on C key functions, not one on a
    tuple made per mention by a Python function."""
    return sorted(sorted(mentions, key=_END, reverse=True), key=_START)


@dataclass(frozen=True)
class EntityIndex:
    """The mentions of one article, sorted by start, with lookups for speaker resolution."""

    mentions: tuple[EntityMention, ...]

    def __post_init__(self) -> None:
        starts = [m.start for m in self.mentions]
        if starts != sorted(starts):  # sorted() compares at C speed
            raise ValueError("EntityIndex mentions must be sorted by start")
        object.__setattr__(self, "_starts", starts)

    # The lookup tables are built on first use: many articles never ask for some of them.
    @cached_property
    def _ends(self) -> list[tuple[int, int]]:
        return sorted((m.end, i) for i, m in enumerate(self.mentions))

    @cached_property
    def _longest(self) -> int:
        return max((m.end - m.start for m in self.mentions), default=0)

    @cached_property
    def _by_entity(self) -> dict[str, tuple[EntityMention, ...]]:
        by_entity: dict[str, list[EntityMention]] = {}
        for m in self.mentions:
            by_entity.setdefault(m.entity, []).append(m)
        return {entity: tuple(ms) for entity, ms in by_entity.items()}

    def overlapping(self, start: int, end: int) -> list[EntityMention]:
        """The mentions sharing a character with ``[start, end)``, in index order.

        Found by bisection on the starts (a mention overlapping the span starts less than
        the longest mention's length before it): lookups per quote stay cheap in long
        articles, where scanning every mention per quote was quadratic.
        """
        low = bisect.bisect_left(self._starts, start - self._longest + 1)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[low:high] if start < m.end]

    def of_entity(self, entity: str) -> tuple[EntityMention, ...]:
        """The mentions of one canonical entity, in index order."""
        return self._by_entity.get(entity, ())

    def entity_in(self, start: int, end: int) -> EntityMention | None:
        """The named mention inside or overlapping ``[start, end)``; people and organisations
        before places, names before descriptions (``A spokesperson of Twitter`` → Twitter)."""
        overlapping = self.overlapping(start, end)
        if not overlapping:
            return None
        return min(overlapping, key=lambda m: (_ENTITY_IN_RANK.get(m.type, 3), m.kind not in NAME_KINDS, -m.start))

    def before(self, position: int, *, types: Iterable[str] | None = None,
               categories: Iterable[str] | None = None) -> list[EntityMention]:
        """Mentions ending at or before ``position``, most recent first, optionally filtered."""
        wanted_types = set(types) if types is not None else None
        wanted_categories = set(categories) if categories is not None else None
        cut = bisect.bisect_right(self._ends, (position, len(self.mentions)))
        out = []
        for _, i in reversed(self._ends[:cut]):
            mention = self.mentions[i]
            if wanted_types is not None and mention.type not in wanted_types:
                continue
            if wanted_categories is not None and mention.category not in wanted_categories:
                continue
            out.append(mention)
        return out

    def entities(self) -> dict[str, list[EntityMention]]:
        """Mentions grouped by canonical entity, in order of first mention."""
        grouped: dict[str, list[EntityMention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.entity, []).append(mention)
        return grouped


_ENTITY_IN_RANK = {"PERSON": 0, "ORG": 1, "ROLE": 2}


@lru_cache(maxsize=1 << 12)  # asked per earlier mention, per source noun
def _head_noun(surface: str) -> str:
    words = surface.lower().replace("\u2019", "'").split()
    return words[-1].removesuffix("'s").strip("'") if words else ""


def resolve_description(index: EntityIndex, start: int, surface: str) -> EntityMention | None:
    """The earlier mention a description or pronoun at ``start`` refers to, or None.

    ``surface`` is the description as written (``the online platform``, ``the police``,
    ``the spokesperson``, ``it``, ``she``). Pronouns take the most recent mention of a
    fitting type. Descriptions take, in order: an earlier description with the same head noun;
    a named entity whose name contains the head (``the police`` → Delhi Police); for heads
    resolved by category, the most recent organisation of that category (``the platform`` →
    Twitter). The returned mention's ``entity``, ``type`` and ``category`` are what the
    description stands for.
    """
    return _antecedent(index.before(start), surface)


def _antecedent(earlier: Iterable[EntityMention], surface: str) -> EntityMention | None:
    """resolve_description over ``earlier`` mentions, most recent first (iterated up to three
    times: a list or a ``_MostRecentFirst`` view, never a one-shot iterator)."""
    lowered = surface.strip().lower()
    pronoun_types = LEXICON.pronouns.get(lowered)
    if pronoun_types is not None:
        return next((m for m in earlier if m.type in pronoun_types and m.type != "ROLE"), None)
    head = _head_noun(lowered)
    info = LEXICON.sources.get(head)
    if info is None:
        return None
    category, resolve, _ = info
    for mention in earlier:
        if mention.kind in ("role", "description") and _head_noun(mention.surface) == head:
            return mention
    if resolve in ("name", "category"):
        title_head = head.capitalize()
        for mention in earlier:
            if mention.kind in NAME_KINDS and mention.type == "ORG" and title_head in mention.entity.split():
                return mention
    if resolve == "category":
        for mention in earlier:
            if mention.type == "ORG" and mention.category == category:
                return mention
    return None


def _source_mentions(text: str, segments: Segments, names: list[EntityMention]) -> list[EntityMention]:
    """Lower-case source nouns (officials, the police, a spokesperson of X), resolved in order."""
    name_starts = [m.start for m in names]
    found: list[EntityMention] = []
    pool = sorted(names, key=_END)  # names and resolved nouns, by end
    pool_ends = [m.end for m in pool]
    searched, source_noun, determiner_before = text, _SOURCE_NOUN, _DETERMINER_BEFORE
    lowered = text.lower()
    if len(lowered) == len(text) and (text.isascii() or not any(fold in text for fold in _NON_ASCII_FOLDS)):
        searched, source_noun, determiner_before = lowered, _SOURCE_NOUN_IN_LOWERED, _DETERMINER_BEFORE_IN_LOWERED
    sentences = segments.body_sentences()
    for sentence, matches in zip(sentences, _source_noun_matches(searched, source_noun, sentences)):
        for match in matches:
            head_start, end = match.span()
            head = text[head_start:end]
            determiner = determiner_before.search(searched, max(sentence.start, head_start - 40), head_start)
            start = determiner.start() if determiner else head_start
            overlapping = _overlapping(names, name_starts, start, end)
            if any(m.end > head_start for m in overlapping):
                continue  # part of a name: "Delhi Police", "the Twitter Rules"
            if overlapping:
                start, determiner = head_start, None
            listed = _listed_source_noun(head)
            if listed is None:
                continue
            category, resolve, needs_determiner = LEXICON.sources[listed]
            attached = _attached_name(text, names, name_starts, start, end) if resolve == "affiliation" else None
            if needs_determiner and determiner is None and attached is None:
                continue
            surface = text[start:end]
            kind = "role" if not needs_determiner else "description"
            target = attached
            if target is None:
                target = _antecedent(_MostRecentFirst(pool, bisect.bisect_right(pool_ends, start)), surface)
            if target is not None:
                mention = EntityMention(start, end, surface, target.entity, target.type, target.category, kind)
            else:
                mention = EntityMention(start, end, surface, _role_entity(head, listed), "ROLE", category, kind)
            found.append(mention)
            at = bisect.bisect_right(pool_ends, end)
            pool.insert(at, mention)
            pool_ends.insert(at, end)
    return found


def _source_noun_matches(searched: str, source_noun: re.Pattern, sentences: Sequence[Sentence]) -> list[list[re.Match]]:
    """Per sentence, what ``source_noun.finditer`` over it finds, trying the regex only where
    a source noun's first word stands (found with bytes operations: scanning every position
    with the regex was the costliest step of the index)."""
    if source_noun is not _SOURCE_NOUN_IN_LOWERED or not sentences:
        return [list(source_noun.finditer(searched, s.start, s.end)) for s in sentences]
    low, high = sentences[0].start, sentences[-1].end
    letters = searched[low:high].encode("ascii", "replace").translate(_ONLY_ASCII_LETTERS)
    starts: set[int] = set()
    for word in _SOURCE_FIRST_WORDS.intersection(letters.split()):
        at = letters.find(word)
        while at != -1:
            starts.add(low + at)
            at = letters.find(word, at + 1)
    ordered = sorted(starts)
    size = len(searched)
    ordered.append(size)  # a sentinel: no sentence starts at or after it
    out: list[list[re.Match]] = []
    next_start = 0  # index into ordered; sentences are sorted and do not overlap
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        while ordered[next_start] < start:
            next_start += 1
        if end < size and ((after := searched[end]).isalnum() or after in "_-"):
            # a word (\w or a hyphen, tested inline: this runs per sentence) cut by the sentence
            # end is a different word to the regex than to split()
            out.append(list(source_noun.finditer(searched, start, end)))
            continue
        matches: list[re.Match] = []
        free_from = start
        while ordered[next_start] < end:
            at = ordered[next_start]
            next_start += 1
            if at < free_from:
                continue
            match = source_noun.match(searched, at, end)
            if match is not None:
                matches.append(match)
                free_from = match.end()
        out.append(matches)
    return out


class _MostRecentFirst:
    """The first ``count`` items of ``items``, iterated last to first, without copying them
    (copying the pool per source noun was quadratic in long articles)."""

    __slots__ = ("items", "count")

    def __init__(self, items: Sequence[EntityMention], count: int):
        self.items, self.count = items, count

    def __iter__(self):
        # islice skips the later items at C speed, where a generator over indices did not
        return islice(reversed(self.items), len(self.items) - self.count, None)


def _listed_source_noun(head: str) -> str | None:
    """The word-list noun a source-noun match stands for: ``law\nenforcement`` (hard-wrapped
    text) → ``law enforcement``, ``ſpokesperson`` → ``spokesperson``; None if it is none."""
    listed = " ".join(head.translate(_FOLD_TO_ASCII).lower().split())
    return listed if listed in LEXICON.sources else None


def _role_entity(head: str, listed: str) -> str:
    """The entity of an unresolved source noun ``head`` (the word-list noun ``listed``): its
    singular ('officials' → 'official')."""
    base = listed
    if base.endswith("s") and base[:-1] in LEXICON.sources:
        base = base[:-1]
    return base.upper() if _is_acronym(head) else base


def _overlapping(names: list[EntityMention], starts: list[int], start: int, end: int) -> list[EntityMention]:
    i = bisect.bisect_left(starts, start)
    out = [m for m in names[max(0, i - 1):i + 4] if m.start < end and start < m.end]
    return out


def _attached_name(text: str, names: list[EntityMention], starts: list[int], start: int, end: int) -> EntityMention | None:
    """The organisation a source noun belongs to: 'a spokesperson of X', 'X spokesperson'."""
    i = bisect.bisect_left(starts, end)
    if i < len(names):
        after = names[i]
        gap = text[end:after.start]
        if after.type in ("ORG", "GPE") and len(gap) < 12 and _ATTACH_RIGHT.fullmatch(gap):
            return after
    j = bisect.bisect_right(starts, start) - 1
    if j >= 0:
        previous = names[j]
        if previous.type == "ORG" and previous.end <= start and _ATTACH_LEFT.fullmatch(text, previous.end, start):
            return previous
    return None


def build_entity_index(text: str, segments: Segments, *, gazetteer: GazetteerSource = None,
                       backend: str = "rules", nlp=None) -> EntityIndex:
    """Every entity mention in the body of ``text``, canonicalised within the article.

    ``gazetteer`` is a :class:`Gazetteer`, a path to a CSV of your own (added to the bundled
    one), a list of such paths, or None for the bundled gazetteer alone.

    ``backend="rules"`` (the default) needs no model. ``backend="spacy"`` takes the names
    from a spaCy pipeline's NER instead: pass ``nlp`` (a loaded ``spacy.Language``, or the
    name of an installed pipeline such as ``"en_core_web_sm"``; nothing is downloaded).
    Either way the gazetteer, the canonicalisation and the source nouns are the same.
    """
    known = _as_gazetteer(gazetteer)
    detector = _Detector(text, segments, known)
    if backend == "rules":
        found = detector.candidates()
    elif backend == "spacy":
        found = detector.spacy_candidates(_spacy_pipeline(nlp))
    else:
        raise ValueError(f"unknown backend {backend!r}: use 'rules' or 'spacy'")
    terms = _link_acronyms(text, found)
    _link_people(found)
    names = [
        EntityMention(c.start, c.end, c.surface, c.name, c.type, c.category, c.kind)
        for c in found
        if c.surface not in terms and c.kind != "role"
    ]
    titled_roles = [
        EntityMention(c.start, c.end, c.surface, c.name, c.type, c.category, c.kind)
        for c in found if c.kind == "role"
    ]
    names.sort(key=_START)
    sources = _source_mentions(text, segments, names)
    mentions = by_start_longest_first(names + titled_roles + sources)
    return EntityIndex(tuple(mentions))


def _spacy_pipeline(nlp):
    if nlp is None:
        raise ValueError("backend='spacy' needs nlp=: a loaded spaCy pipeline or an installed pipeline's name")
    if isinstance(nlp, str):
        return _load_spacy(nlp)
    return nlp


@lru_cache(maxsize=4)
def _load_spacy(name: str):
    import spacy  # optional: only this backend needs it

    return spacy.load(name)
