"""Clause and subject helpers shared by the direct, indirect and mixed rules: finite verbs,
the subject of the clause before a position (a pronoun, a name, a described head), and the
small look-behind regexes (passive, "and", determiner, comma) they use. Each returns a span,
a position or a bool."""
from __future__ import annotations

import itertools
import re

from analysis.spans import Span
from analysis.speakers import speaker_before, speaker_words, subject_before

_PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|was|were|are|be|been|being|to)\s+)$", re.IGNORECASE)
_CLAUSE_SUBJECTS = frozenset("he she it they we i there".split())
_CLAUSE_DETERMINERS = frozenset("the this these those his her their its our".split())

_PRONOUN_SPEAKER = re.compile(r"(?i:he|she|it|they|we|i|you|who|which)")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:(?:later|then|also|again)\s+)?$")


_CLAUSE_CONJUNCTIONS = frozenset("and but or so then as while after before since until".split())


# A finite verb after a clause subject: auxiliaries, common irregular past forms and
# lower-case -ed / -s forms (not "Texas" in "(R-Texas)").
_IRREGULAR_PAST = (
    r"went|made|took|threw|gave|held|got|came|put|kept"
    r"|met|led|ran|won|lost|sent|left|spoke|wrote|drew|began|brought|fought|stood"
)
_FINITE_FORMS = rf"is|was|were|are|has|had|have|will|would|{_IRREGULAR_PAST}"
_FINITE_VERB = re.compile(rf"\s(?:{_FINITE_FORMS}|[a-z]+ed|[a-z]+[^s\W]s)\b")
# Any verb that makes a phrase a clause ("X, an adviser, said the plan was …"): those forms,
# modals and more irregular ones; an -s word right after a determiner, a possessive or "of"
# is a plural noun ("an elections analyst", "the court of appeals").
_CLAUSE_VERB = re.compile(
    rf"\s(?:{_FINITE_FORMS}|built|sought|laid|did|does|could|should|can|may|might|must|[a-z]+ed"
    r"|(?<!\bthe\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bour\s)(?<!\bof\s)(?<!\btheir\s)"
    r"(?<!\bthese\s)(?<!\bthose\s)(?<!\bmany\s)[a-z]+[^s\W]s)\b"
)
_CLAUSE_OPENERS = re.compile(r"\b(?:as|after|while|when|because|and|but|since|where)\s+", re.IGNORECASE)


def _clause_subject(text: str, lo: int, comma: int) -> Span | None:
    """The subject of the clause before ``, <participle>``: the first noun phrase after the
    nearest clause opener (sentence start, "as", "after", "while", …)."""
    # "^" would only match at the start of the whole text, so the sentence start is added.
    openers = [lo] + [m.end() for m in _CLAUSE_OPENERS.finditer(text, lo, comma)]
    for opener in reversed(openers):
        verb = _FINITE_VERB.search(text, opener, comma)
        if verb is None:
            continue
        span = speaker_before(text, opener, verb.start() + 1)
        if span is not None and span.start >= opener:
            return span
    pronoun = _PRONOUN_SUBJECT.match(text, lo, comma)
    return Span(*pronoun.span("pronoun")) if pronoun else None


# A pronoun opening the sentence, maybe after a conjunction or an adverb ('Then he cut into
# Bush, calling him …'): the subject even when its verb is not one the verb test knows.
_PRONOUN_SUBJECT = re.compile(r"(?:(?:Then|And|But|So|Later|Still|Also|Now)[ \xa0]+)?(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|We|I)[ \xa0]+[a-z]")


# A name opening the sentence before a lower-case word ('Sanders hit back, saying …'): the
# subject even when its verb is not one the verb test knows.
_NAME_SUBJECT = re.compile(r"(?P<name>[A-Z][a-z-]+(?:[ \xa0]+[A-Z][a-z-]+){0,2}(?:[’'][a-z]+)?)[ \xa0]+[a-z]")
_NAME_SUBJECT_NOT_FIRST = frozenset("the a an if although that this these those his her their its our".split())


def _name_subject(text: str, lo: int, comma: int) -> Span | None:
    """A name of up to three capitalised words opening the sentence, right before a
    lower-case word, when no finite verb the other subject tests know follows it."""
    match = _NAME_SUBJECT.match(text, lo, comma)
    first = match.group("name").split()[0].lower() if match else ""
    if not first or first in _NAME_SUBJECT_NOT_FIRST or first in _NOT_A_SUBJECT or first in _CLAUSE_CONJUNCTIONS \
            or first in _CLAUSE_SUBJECTS:
        return None
    return Span(*match.span("name"))


def _described_clause_subject(text: str, lo: int, comma: int) -> Span | None:
    """The subject of the sentence's first clause when it carries a description the speaker
    walk stops at ('Sen. Ted Cruz (R-Texas) weighed in …, calling', 'Ed Rendell (D), a
    Clinton supporter, praised …, calling'): the stretch from the sentence start to its
    first finite verb, if it reads as a subject."""
    for verb in itertools.islice(_FINITE_VERB.finditer(text, lo, comma), MAX_SUBJECT_VERB_TRIES):
        subject = subject_before(text, lo, verb.start())
        # 'The retired …' (an adjective in -ed) is tried past; 'The senator sought to calm …'
        # holds a verb the search does not know, and is no subject.
        if subject is not None and not _INFINITIVE_OR_LONE_DETERMINER.search(subject.text_of(text)) \
                and _ends_in_head(text, subject):
            dateline = _DATELINE.match(text, subject.start, subject.end)
            return Span(dateline.end(), subject.end) if dateline else subject
    return None


# "WASHINGTON — ", "DECATUR, Ill. — ", "PARIS, Aug 31 (Reuters) - ": a dateline before the subject.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]+\b(?:,[^—–\n]{1,30}?)?[ \xa0]+[—–-]{1,2}[ \xa0]+")


def _ends_in_head(text: str, subject: Span) -> bool:
    """The phrase ends in a name, a parenthesis or a speaker noun ('… Ed Rendell (D), a
    Clinton supporter'), not an adverb or a verb ('Clinton, clearly', 'Gowdy did not release')."""
    words = text[subject.start:subject.end].split()
    if len(words) == 1 and words[0].lower() in _NOT_A_SUBJECT:
        return False  # "For …", "There …": a sentence opener, not a name
    last = words[-1]
    return last[0].isupper() or last.endswith(")") or last.lower() in speaker_words()


_NOT_A_SUBJECT = frozenset("for there here in on at with by from to as so yet still".split())


MAX_SUBJECT_VERB_TRIES = 3


_INFINITIVE_OR_LONE_DETERMINER = re.compile(r"\sto\s|^(?i:the|a|an|this|that)$")

_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)


def _comma_before(text: str, lo: int, position: int) -> int | None:
    """The comma that closes the clause right before ``position`` (spaces between), also
    inside a closing quotation mark ('trashed Comey on “Morning Joe,” calling it …')."""
    end = position
    while end > lo and text[end - 1] in " \t\xa0":
        end -= 1
    if end > lo and text[end - 1] in "”\"" and text[end - 2:end - 1] == ",":
        end -= 1
    return end - 1 if end > lo and text[end - 1] == "," else None
