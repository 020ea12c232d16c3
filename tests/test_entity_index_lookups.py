"""EntityIndex lookups by bisection give what a scan of every mention gives."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.entities import EntityIndex, EntityMention

mention_spans = st.lists(
    st.tuples(st.integers(0, 80), st.integers(1, 12), st.sampled_from(["Twitter", "Delhi Police", "Ravi"])),
    max_size=25,
)


def index_of(spans: list[tuple[int, int, str]]) -> EntityIndex:
    mentions = sorted(
        (EntityMention(start, start + length, "x" * length, entity, "ORG", None, "name") for start, length, entity in spans),
        key=lambda m: (m.start, -m.end),
    )
    return EntityIndex(tuple(mentions))


@settings(max_examples=300, deadline=None)
@given(mention_spans, st.integers(0, 95), st.integers(0, 20))
def test_overlapping_mentions_are_those_a_full_scan_finds(spans, start, length):
    index = index_of(spans)
    end = start + length
    assert index.overlapping(start, end) == [m for m in index.mentions if m.start < end and start < m.end]


@settings(max_examples=100, deadline=None)
@given(mention_spans)
def test_mentions_of_an_entity_are_those_a_full_scan_finds(spans):
    index = index_of(spans)
    for entity in ("Twitter", "Delhi Police", "Ravi", "Nobody"):
        assert list(index.of_entity(entity)) == [m for m in index.mentions if m.entity == entity]


def test_mentions_out_of_order_are_refused():
    later = EntityMention(10, 15, "Ravi.", "Ravi", "PERSON", None, "name")
    earlier = EntityMention(0, 7, "Twitter", "Twitter", "ORG", None, "name")
    with pytest.raises(ValueError, match="sorted by start"):
        EntityIndex((later, earlier))
