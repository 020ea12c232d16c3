"""Source mentions and their tables (analysis.mentions) on small texts written for each rule."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from analysis.entities import build_entity_index
from analysis.mentions import (
    ENTITY_COLUMNS,
    MENTION_COLUMNS,
    entities_table,
    find_mentions,
    mention_record,
    mentions_table,
)
from analysis.segment import segment
from analysis.spans import Span


@dataclass(frozen=True)
class HandAttribution:
    """The two fields of analysis.quotes.Attribution that mentions use."""

    speaker: Span | None
    speaker_entity: str | None


def speaker_at(text: str, surface: str, entity: str | None) -> HandAttribution:
    start = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text).start()
    return HandAttribution(Span(start, start + len(surface)), entity)


def roles(text: str, attributions=()) -> list[tuple[str, str, str]]:
    return [(m.surface, m.entity, m.role) for m in find_mentions(text, segment(text), attributions)]


def test_without_quotes_everything_is_mentioned() -> None:
    text = "Twitter met the Delhi Police. The police said little."
    assert {role for _, _, role in roles(text)} == {"mentioned"}


@pytest.mark.parametrize(
    ("text", "speaker", "entity", "expected_speaker"),
    [
        ('"We comply," Twitter said on Monday.', "Twitter", "Twitter", ("Twitter", "Twitter")),
        ('"No comment," said a spokesperson of Twitter.', "a spokesperson of Twitter", "Twitter", ("Twitter", "Twitter")),
        ('Twitter was asked. "We comply," the platform said.', "the platform", "Twitter", ("the platform", "Twitter")),
        ('"Calm down," Mayor Orla Finch said.', "Mayor Orla Finch", None, ("Mayor Orla Finch", "Orla Finch")),
    ],
)
def test_the_speaker_span_marks_one_mention_as_speaker(text, speaker, entity, expected_speaker) -> None:
    rows = roles(text, [speaker_at(text, speaker, entity)])
    assert [(s, e) for s, e, role in rows if role == "speaker"] == [expected_speaker]


def test_a_pronoun_speaker_resolved_by_quotes_becomes_a_speaker_mention() -> None:
    text = 'Twitter was asked again. "We comply," it said.'
    rows = roles(text, [speaker_at(text, "it", "Twitter")])
    assert ("it", "Twitter", "speaker") in rows
    assert ("Twitter", "Twitter", "mentioned") in rows


def test_attribution_without_speaker_marks_nothing() -> None:
    text = '"We comply," was the reply to the Delhi Police.'
    assert {role for _, _, role in roles(text, [HandAttribution(None, None)])} == {"mentioned"}


def test_mentions_table_columns_and_positions() -> None:
    text = "The Delhi Police wrote to Twitter.\nThe police asked Twitter's lawyers again."
    segments = segment(text)
    frame = mentions_table(text, segments, find_mentions(text, segments), article_id="a1")
    assert list(frame.columns) == MENTION_COLUMNS
    assert frame[["surface", "entity", "sentence", "paragraph"]].values.tolist() == [
        ["Delhi Police", "Delhi Police", 0, 0],
        ["Twitter", "Twitter", 0, 0],
        ["The police", "Delhi Police", 1, 1],
        ["Twitter", "Twitter", 1, 1],
    ]
    assert all(text[s:e] == surface for s, e, surface in frame[["start", "end", "surface"]].values)


def test_entities_table_counts_mentions_quotes_and_aliases() -> None:
    text = ('The National Forest Council or NFC met. "We object," the NFC said. '
            "Twitter and the microblogging platform stayed silent.")
    segments = segment(text)
    mentions = find_mentions(text, segments, [speaker_at(text, "the NFC", "National Forest Council")])
    frame = entities_table(text, segments, mentions, article_id="a1")
    assert list(frame.columns) == ENTITY_COLUMNS
    council = frame.set_index("entity").loc["National Forest Council"]
    assert (council["n_mentions"], council["n_quotes"], council["aliases"]) == (3, 1, ["NFC", "National Forest Council"])
    twitter = frame.set_index("entity").loc["Twitter"]
    assert (twitter["type"], twitter["category"], twitter["n_mentions"]) == ("ORG", "company_platform", 2)
    assert frame["first_start"].is_monotonic_increasing


def test_mention_record_is_the_extract_json_form() -> None:
    text = '"We comply," Twitter said.'
    mentions = find_mentions(text, segment(text), [speaker_at(text, "Twitter", "Twitter")])
    assert [mention_record(m) for m in mentions] == [{
        "entity": "Twitter", "type": "ORG", "category": "company_platform", "surface": "Twitter",
        "span": [13, 20], "role": "speaker",
    }]


def test_a_prebuilt_index_is_reused() -> None:
    text = "Twitter met the Delhi Police."
    segments = segment(text)
    index = build_entity_index(text, segments)
    assert [m.entity for m in find_mentions(text, segments, entities=index)] == [m.entity for m in index.mentions]


def test_bundled_article_twitter_is_the_quoted_source(bundled_text: str) -> None:
    segments = segment(bundled_text)
    said = bundled_text.index("Twitter said.")
    spokesperson = bundled_text.index("the spokesperson said")
    attributions = [
        HandAttribution(Span(spokesperson, spokesperson + len("the spokesperson")), "Twitter"),
        HandAttribution(Span(said, said + len("Twitter")), "Twitter"),
    ]
    frame = entities_table(bundled_text, segments, find_mentions(bundled_text, segments, attributions))
    quoted = frame[frame["n_quotes"] > 0]
    assert quoted["entity"].tolist() == ["Twitter"]
    assert not {"Musk", "Sania Mirza", "Donald Trump"} & set(frame["entity"])


def test_spacy_backend_takes_names_from_the_pipeline() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Kestrel Watch"},
        {"label": "PERSON", "pattern": "Dara Quill"},
        {"label": "DATE", "pattern": "Monday"},
        {"label": "GPE", "pattern": "India"},
    ])
    text = "Dara Quill of Kestrel Watch spoke on Monday. Officials in India listened to Quill."
    rows = {(m.surface, m.entity, m.type, m.category) for m in find_mentions(text, segment(text), backend="spacy", nlp=nlp)}
    assert rows == {
        ("Dara Quill", "Dara Quill", "PERSON", "other"),
        ("Kestrel Watch", "Kestrel Watch", "ORG", "ngo_civil_society"),
        ("India", "India", "GPE", None),
        ("Officials", "official", "ROLE", "government"),
    }


def test_unknown_backend_is_an_error() -> None:
    with pytest.raises(ValueError, match="backend"):
        find_mentions("Twitter said.", segment("Twitter said."), backend="magic")
