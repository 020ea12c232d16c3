"""Invariants every ``extract`` record must satisfy, whatever the input text.

Shared by the property tests, the worst-case tests and the fuzz harnesses (which put
``tests/`` on ``sys.path``). :func:`assert_record_valid` raises ``AssertionError`` naming
the first broken invariant; :func:`offset_map` maps offsets of an LF text to its CRLF twin.
"""
from __future__ import annotations

import bisect
import json
from typing import Iterable, Sequence

from analysis.extract import json_line


def _check_span(span: Sequence[int], text_length: int, what: str) -> tuple[int, int]:
    assert isinstance(span, (list, tuple)) and len(span) >= 2, f"{what}: not a span: {span!r}"
    start, end = span[0], span[1]
    assert isinstance(start, int) and isinstance(end, int), f"{what}: offsets not ints: {span!r}"
    assert 0 <= start < end <= text_length, f"{what}: {span!r} outside 0 <= start < end <= {text_length}"
    return start, end


def _check_sorted_disjoint(spans: Iterable[tuple[int, int]], what: str) -> None:
    previous_end = -1
    for start, end in spans:
        assert start >= previous_end, f"{what}: [{start}, {end}) overlaps or precedes the one before"
        previous_end = end


def _check_stripped(text: str, start: int, end: int, what: str) -> None:
    assert not text[start].isspace() and not text[end - 1].isspace(), (
        f"{what}: [{start}, {end}) starts or ends with white space: {text[start:end]!r}"
    )


def assert_record_valid(record: dict) -> None:
    """Every span in the record indexes its text and sits where the record says it does."""
    text = record["text"]
    n = len(text)
    line = json_line(record)
    line.encode("utf-8")
    assert json.loads(line) == record, "the record does not survive JSON Lines"
    if record["error"] is not None:
        assert isinstance(record["error"], str) and "\n" not in record["error"], "error must be one line"
        return

    paragraphs = [_check_span(p, n, "paragraph") for p in record["paragraphs"]]
    _check_sorted_disjoint(paragraphs, "paragraphs")
    for start, end in paragraphs:
        _check_stripped(text, start, end, "paragraph")

    sentences = []
    for row in record["sentences"]:
        start, end = _check_span(row, n, "sentence")
        index = row[2]
        assert 0 <= index < len(paragraphs), f"sentence {row!r}: no paragraph {index}"
        p_start, p_end = paragraphs[index]
        assert p_start <= start and end <= p_end, f"sentence {row!r} not inside its paragraph {paragraphs[index]}"
        _check_stripped(text, start, end, "sentence")
        sentences.append((start, end))
    _check_sorted_disjoint(sentences, "sentences")
    _assert_sentences_tile_paragraphs(text, paragraphs, record["sentences"])

    body = record["body"]
    if body != [0, 0]:  # [0, 0]: no paragraph reads as body
        body_start, body_end = _check_span(body, n, "body")
        assert any(p[0] == body_start for p in paragraphs), f"body {body} does not start at a paragraph"
        assert any(s[1] == body_end for s in sentences), f"body {body} does not end at a sentence"

    for row in record["boilerplate"]:
        _check_span(row, n, "boilerplate")
        assert isinstance(row[2], str) and row[2], f"boilerplate {row!r} has no kind"

    for quote in record.get("quotes", []):
        _assert_quote_valid(quote, n, body)
    for mention in record.get("mentions", []):
        start, end = _check_span(mention["span"], n, "mention")
        assert _inside(body, start, end), f"mention {mention!r} outside body {body}"
        assert mention["surface"] == text[start:end], f"mention surface {mention['surface']!r} != text {text[start:end]!r}"


def _inside(body: Sequence[int], start: int, end: int) -> bool:
    return body[0] <= start and end <= body[1]


def _assert_quote_valid(quote: dict, n: int, body: Sequence[int]) -> None:
    content = [_check_span(span, n, "quote content") for span in quote["content"]]
    assert content, f"quote without content: {quote!r}"
    _check_sorted_disjoint(content, "quote content")
    for start, end in content:
        assert _inside(body, start, end), f"quote content [{start}, {end}) outside body {body}"
    for key in ("cue", "speaker"):
        if quote.get(key) is not None:
            start, end = _check_span(quote[key], n, f"quote {key}")
            assert _inside(body, start, end), f"quote {key} [{start}, {end}) outside body {body}"
    assert 0.0 <= quote["confidence"] <= 1.0, f"confidence out of range: {quote!r}"


def _assert_sentences_tile_paragraphs(text: str, paragraphs: list, sentence_rows: list) -> None:
    """Every non-space character of a paragraph is in exactly one of its sentences."""
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for start, end, index in sentence_rows:
        by_paragraph.setdefault(index, []).append((start, end))
    for index, (p_start, p_end) in enumerate(paragraphs):
        cursor = p_start
        for start, end in by_paragraph.get(index, []):
            gap = text[cursor:start]
            assert gap.isspace() or not gap, f"paragraph {index}: {gap!r} at {cursor} is in no sentence"
            cursor = end
        tail = text[cursor:p_end]
        assert tail.isspace() or not tail, f"paragraph {index}: {tail!r} at {cursor} is in no sentence"


def offset_map(lf_text: str):
    """A function taking an offset into ``lf_text`` to the same place in its CRLF version."""
    newlines = [i for i, ch in enumerate(lf_text) if ch == "\n"]
    return lambda offset: offset + bisect.bisect_left(newlines, offset)


def map_record_spans(record: dict, to: callable) -> dict:
    """The analysis keys of ``record`` with every offset passed through ``to``."""

    def span(value):
        return None if value is None else [to(value[0]), to(value[1]), *value[2:]]

    return {
        "body": span(record["body"]),
        "boilerplate": [span(b) for b in record["boilerplate"]],
        "paragraphs": [span(p) for p in record["paragraphs"]],
        "sentences": [span(s) for s in record["sentences"]],
        "quotes": [
            {**q, "content": [span(c) for c in q["content"]], "cue": span(q.get("cue")), "speaker": span(q.get("speaker"))}
            for q in record.get("quotes", [])
        ],
        "mentions": [{**m, "span": span(m["span"])} for m in record.get("mentions", [])],
        "readability": record.get("readability", {}),
    }
