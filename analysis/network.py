"""Co-mention network of the actors in the mentions table, with a deterministic layout.

:func:`co_mentions` counts, for every pair of entities, the sentences (or paragraphs) in
which both are named: a DataFrame ``source, target, weight`` with ``source < target``.
:func:`circular_layout` places entities on a circle in a fixed order (most mentioned first,
then by name), so the same input always draws the same picture; it returns ``entity, x, y,
n_mentions, type, category``.
"""
from __future__ import annotations

import math
from itertools import combinations

import pandas as pd

EDGE_COLUMNS = ["source", "target", "weight"]
NODE_COLUMNS = ["entity", "x", "y", "n_mentions", "type", "category"]


def co_mentions(mentions: pd.DataFrame, *, unit: str = "sentence") -> pd.DataFrame:
    """Pairs of entities named in the same ``unit`` ("sentence" or "paragraph"), counted."""
    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    counts: dict[tuple[str, str], int] = {}
    named = mentions.dropna(subset=[unit])
    for _, group in named.groupby(["article_id", unit], sort=True):
        for pair in combinations(sorted(set(group["entity"].astype(str))), 2):
            counts[pair] = counts.get(pair, 0) + 1
    rows = [(a, b, n) for (a, b), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def circular_layout(mentions: pd.DataFrame, *, radius: float = 1.0) -> pd.DataFrame:
    """Every entity on a circle, starting at the top and going clockwise, most mentioned first."""
    if mentions.empty:
        return pd.DataFrame(columns=NODE_COLUMNS)
    nodes = (
        mentions.groupby("entity", as_index=False)
        .agg(n_mentions=("entity", "size"), type=("type", "first"), category=("category", "first"))
        .sort_values(["n_mentions", "entity"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    count = len(nodes)
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    nodes["x"] = [round(radius * math.cos(a), 6) if count > 1 else 0.0 for a in angles]
    nodes["y"] = [round(radius * math.sin(a), 6) if count > 1 else 0.0 for a in angles]
    return nodes[NODE_COLUMNS]
