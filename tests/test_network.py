"""Co-mention network: pair counts per sentence or paragraph, and a fixed circular layout."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import network

COLUMNS = ["article_id", "entity", "surface", "type", "category", "start", "end", "sentence", "paragraph", "role"]


def mentions(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    """Rows of (article_id, entity, sentence, paragraph)."""
    return pd.DataFrame(
        [(a, e, e, "ORG", None, 0, 1, s, p, "mentioned") for a, e, s, p in rows], columns=COLUMNS
    )


@pytest.mark.parametrize(
    "rows, unit, expected",
    [
        ([("a", "X", 0, 0), ("a", "Y", 0, 0), ("a", "Y", 1, 0), ("a", "Z", 1, 0)], "sentence", [("X", "Y", 1), ("Y", "Z", 1)]),
        ([("a", "X", 0, 0), ("a", "Y", 0, 0), ("a", "Y", 1, 0), ("a", "Z", 1, 0)], "paragraph", [("X", "Y", 1), ("X", "Z", 1), ("Y", "Z", 1)]),
        # the same actor twice in one sentence is one node, not a self-loop
        ([("a", "X", 0, 0), ("a", "X", 0, 0)], "sentence", []),
        # sentence 0 of two different articles is not the same sentence
        ([("a", "X", 0, 0), ("b", "Y", 0, 0)], "sentence", []),
        ([("a", "Y", 0, 0), ("a", "X", 0, 0), ("a", "X", 1, 1), ("a", "Y", 1, 1)], "sentence", [("X", "Y", 2)]),
    ],
)
def test_co_mentions_counts_shared_units_per_pair(rows, unit, expected):
    edges = network.co_mentions(mentions(rows), unit=unit)
    assert list(edges.itertuples(index=False, name=None)) == expected


def test_co_mentions_rejects_an_unknown_unit():
    with pytest.raises(ValueError):
        network.co_mentions(mentions([]), unit="article")


def test_circular_layout_puts_the_most_mentioned_actor_on_top_and_is_repeatable():
    table = mentions([("a", "B", 0, 0), ("a", "A", 0, 0), ("a", "B", 1, 0), ("a", "C", 1, 0)])
    layout = network.circular_layout(table)
    assert list(layout["entity"]) == ["B", "A", "C"]
    assert (layout.loc[0, "x"], layout.loc[0, "y"]) == (0.0, 1.0)
    assert list(layout["x"] ** 2 + layout["y"] ** 2) == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)
    pd.testing.assert_frame_equal(layout, network.circular_layout(table.iloc[::-1]))


def test_circular_layout_of_one_actor_is_the_centre():
    layout = network.circular_layout(mentions([("a", "Solo", 0, 0)]))
    assert list(layout[["x", "y"]].iloc[0]) == [0.0, 0.0]
