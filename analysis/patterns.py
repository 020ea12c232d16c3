"""Regex building blocks shared by the rule-based stages.

:func:`word_alternation` turns a word list (cue verbs, source nouns, …) into one regex
alternation factored by common prefixes, so the regex engine decides at each position by
one character instead of trying every word in turn. It returns pattern text, to be wrapped
in the caller's boundaries and compiled once.
"""
from __future__ import annotations

import re
from typing import Iterable


def word_alternation(words: Iterable[str]) -> str:
    """``words`` as a prefix-tree alternation; a space inside a word matches any white space."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [
            re.escape(char).replace(r"\ ", r"\s+") + render(child)
            for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)
