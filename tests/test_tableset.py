"""Tables of a source: every table present with its columns, one article at a time, voices."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import tableset
from conftest import REPO_ROOT

SAMPLE_CORPUS = REPO_ROOT / "data" / "corpus" / "articles.csv"


@pytest.fixture(scope="module")
def corpus_tables() -> tableset.Tables:
    return tableset.analyze([REPO_ROOT / "data" / "articles", SAMPLE_CORPUS])


def test_the_sample_corpus_has_twelve_articles_from_four_outlets():
    table = pd.read_csv(SAMPLE_CORPUS)
    assert list(table.columns) == ["id", "title", "outlet", "date", "url", "text"]
    assert len(table) == 12 and table["outlet"].nunique() == 4


def test_analyze_gives_every_table_keyed_by_article(corpus_tables):
    frames = corpus_tables.frames()
    assert list(frames) == ["articles", "paragraphs", "sentences", "boilerplate", "quotes", "mentions", "entities", "readability", "hard_sentences"]
    assert len(corpus_tables.articles) == 13
    assert set(corpus_tables.paragraphs["article_id"]) == set(corpus_tables.article_ids)
    for name, columns in tableset._EMPTY_COLUMNS.items():
        assert set(columns) <= set(frames[name].columns), name


def test_every_boilerplate_span_points_into_its_text(corpus_tables):
    for row in corpus_tables.boilerplate.itertuples(index=False):
        assert corpus_tables.texts[row.article_id][row.start:row.end] == row.text


def test_for_article_keeps_only_that_article(corpus_tables):
    one = corpus_tables.for_article("mc-bus-strike")
    assert set(one.paragraphs["article_id"]) == {"mc-bus-strike"}
    assert one.text.startswith("Bus drivers in Eastbrook")
    assert corpus_tables.for_article().article_ids == ["ndtv-twitter-child-safety"]
    with pytest.raises(KeyError):
        corpus_tables.for_article("no-such-article")


@pytest.mark.parametrize(
    "paragraph_spans, content_spans, expected_quoted",
    [
        ([(0, 100)], [[[10, 30]]], 20),
        ([(0, 100)], [[[10, 30]], [[20, 40]]], 30),  # overlapping quotes count once
        ([(0, 50), (60, 100)], [[[40, 70]]], 20),  # the gap between paragraphs is not body
        ([(0, 100)], [[[10, 20], [50, 60]]], 20),  # discontinuous content
        ([(0, 100)], [], 0),
    ],
)
def test_voice_table_splits_body_characters_into_quoted_and_narrative(paragraph_spans, content_spans, expected_quoted):
    paragraphs = pd.DataFrame(
        [("a", i, s, e, "", True) for i, (s, e) in enumerate(paragraph_spans)], columns=["article_id", "paragraph", "start", "end", "text", "is_body"]
    )
    quotes = pd.DataFrame({"article_id": ["a"] * len(content_spans), "content_spans": content_spans})
    voice = tableset.voice_table(paragraphs, quotes).set_index("voice")
    body = sum(e - s for s, e in paragraph_spans)
    assert voice.loc["quoted", "chars"] == expected_quoted
    assert voice.loc["narrative", "chars"] == body - expected_quoted
    assert voice["share"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    "asked, expected",
    [([], ()), (["quotes"], ("quotes",)), (["readability"], ("quotes", "readability")), (["mentions", "quotes"], ("quotes", "mentions"))],
)
def test_needed_stages_adds_the_quotes_that_mentions_and_readability_use(asked, expected):
    assert tableset.needed_stages(asked) == expected


def test_an_unknown_stage_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown stages"):
        tableset.needed_stages(["sentiment"])


def test_stages_not_asked_for_leave_their_tables_empty():
    tables = tableset.analyze(REPO_ROOT / "data" / "articles", stages=[])
    assert tables.quotes.empty and tables.readability.empty
    assert not tables.paragraphs.empty
