"""Atheris harness: the segmenter and the quote extractor called directly (no try/except).

``analyze_article`` turns a stage's exception into an error record; here ``segment`` and
``find_quotes`` run bare, so any exception is a crash, and every span they return must lie
in the text (quotation content inside the body, sentences inside their paragraph).
"""
from __future__ import annotations

import sys

import atheris

from fuzz_inputs import text_of

with atheris.instrument_imports(include=["analysis"]):
    from analysis.quotes import find_quotes
    from analysis.segment import segment


def check(data: bytes) -> None:
    text = text_of(data)
    segments = segment(text)
    body = segments.body
    assert 0 <= body.start <= body.end <= len(text)
    for sentence in segments.sentences:
        paragraph = segments.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end, (sentence, paragraph)
    for attribution in find_quotes(text, segments):
        for span in [*attribution.content, attribution.cue, attribution.speaker]:
            if span is not None:
                assert body.start <= span.start < span.end <= body.end, (attribution, body)


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
