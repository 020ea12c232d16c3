"""Chart builders: figures from small hand-made tables, with consistent colours."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import charts


def quotes_frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "article_id": "a", "quote": 0, "kind": "direct", "content_start": 0, "content_end": 5, "content_spans": [[0, 5]],
        "cue_start": None, "cue_end": None, "cue": None, "speaker_start": None, "speaker_end": None, "speaker": None,
        "speaker_entity": None, "rule": "r", "confidence": 0.9, "sentence": 0, "paragraph": 0,
    }
    return pd.DataFrame([{**base, **row} for row in rows])


def mentions_frame(rows: list[tuple]) -> pd.DataFrame:
    columns = ["article_id", "entity", "surface", "type", "category", "start", "end", "sentence", "paragraph", "role"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.parametrize(
    "name, expected",
    [("direct", "#E45756"), ("Direct", "#E45756"), ("boilerplate", "#BAB0AC"), ("narrative", "#BAB0AC"), ("indirect", "#4C78A8")],
)
def test_known_categories_have_fixed_colours(name, expected):
    assert charts.color_for(name) == expected


@pytest.mark.parametrize("name", ["Twitter", "Delhi Police", "Mayor Helen Okafor", "Ünïcode Ørg"])
def test_an_entity_always_gets_the_same_palette_colour(name):
    assert charts.color_for(name) == charts.color_for(name) == charts.color_for(f" {name} ")
    assert charts.color_for(name) in charts.NAME_PALETTE


def test_color_map_covers_each_distinct_name_once():
    assert charts.color_map(["direct", "Twitter", "direct"]) == {"direct": "#E45756", "Twitter": charts.color_for("Twitter")}


def _colliding_names() -> tuple[str, str]:
    seen: dict[str, str] = {}
    for number in range(200):
        name = f"Outlet {number}"
        colour = charts.color_for(name)
        if colour in seen:
            return seen[colour], name
        seen[colour] = name
    raise AssertionError("no two names share a palette colour")


def test_ndtv_and_northbank_daily_no_longer_share_a_colour():
    assert charts.color_for("NDTV") == charts.color_for("Northbank Daily")
    colours = charts.color_map(["NDTV", "Northbank Daily"])
    assert colours["NDTV"] != colours["Northbank Daily"]


def test_colliding_names_get_distinct_colours_whatever_the_row_order():
    first, second = _colliding_names()
    forward = charts.color_map([first, second, "Twitter"])
    backward = charts.color_map(["Twitter", second, first, second])
    assert forward == backward
    assert len(set(forward.values())) == 3
    earlier = min(first, second, key=str.casefold)
    assert forward[earlier] == charts.color_for(earlier)


def test_past_the_palette_size_colours_repeat_instead_of_failing():
    names = [f"Outlet {number}" for number in range(len(charts.NAME_PALETTE) + 5)]
    colours = charts.color_map(names)
    assert len(colours) == len(names)
    assert set(colours.values()) == set(charts.NAME_PALETTE)


def test_length_profile_has_body_and_boilerplate_bars_and_sentence_points():
    paragraphs = pd.DataFrame(
        [("a", 0, 0, 9, "one two three", True), ("a", 1, 10, 20, "Follow us on X", False)],
        columns=["article_id", "paragraph", "start", "end", "text", "is_body"],
    )
    sentences = pd.DataFrame(
        [("a", 0, 0, 0, 9, "one two three", True)], columns=["article_id", "sentence", "paragraph", "start", "end", "text", "is_body"]
    )
    fig = charts.length_profile(paragraphs, sentences)
    assert [t.name for t in fig.data] == ["paragraph (body)", "paragraph (boilerplate)", "sentence"]
    assert list(fig.data[0].y) == [3] and list(fig.data[1].y) == [4] and list(fig.data[2].y) == [3]
    assert fig.data[1].marker.color == charts.color_for("boilerplate")


def test_quoted_by_entity_counts_quotes_per_speaker_and_kind():
    quotes = quotes_frame([
        {"kind": "direct", "speaker_entity": "Twitter", "speaker": "the spokesperson"},
        {"kind": "direct", "speaker_entity": "Twitter"},
        {"kind": "indirect", "speaker_entity": "Twitter"},
        {"kind": "indirect", "speaker_entity": None, "speaker": "officials"},
        {"kind": "direct", "speaker_entity": None, "speaker": None},
    ])
    fig = charts.quoted_by_entity(quotes)
    counts = {(trace.name, who): n for trace in fig.data for who, n in zip(trace.y, trace.x)}
    assert counts == {
        ("direct", "Twitter"): 2, ("direct", charts.UNKNOWN_SPEAKER): 1,
        ("indirect", "Twitter"): 1, ("indirect", "officials"): 1,
    }
    assert {trace.name: trace.marker.color for trace in fig.data} == {"direct": "#E45756", "indirect": "#4C78A8"}


def test_voice_share_stacks_quoted_and_narrative_per_article():
    voice = pd.DataFrame([("a", "quoted", 30, 0.3), ("a", "narrative", 70, 0.7)], columns=["article_id", "voice", "chars", "share"])
    fig = charts.voice_share(voice, labels=pd.Series({"a": "Gazette · 2026-03-02"}))
    assert [(t.name, list(t.x), list(t.y)) for t in fig.data] == [
        ("quoted", [0.3], ["Gazette · 2026-03-02"]), ("narrative", [0.7], ["Gazette · 2026-03-02"]),
    ]


def test_speaker_timeline_has_one_row_per_speaker_in_order_of_first_quote():
    quotes = quotes_frame([
        {"speaker_entity": "Police", "content_start": 50, "quote": 1},
        {"speaker_entity": "Twitter", "content_start": 10, "quote": 0},
        {"speaker_entity": "Twitter", "content_start": 90, "kind": "indirect", "quote": 2},
    ])
    fig = charts.speaker_timeline(quotes, text_length=100)
    assert [(t.name, list(t.x)) for t in fig.data] == [("Twitter", [10, 90]), ("Police", [50])]
    assert list(fig.data[0].marker.symbol) == ["circle", "diamond"]
    assert fig.data[0].marker.color == charts.color_for("Twitter")


def test_speaker_names_from_the_article_are_escaped_in_labels():
    quotes = quotes_frame([{"speaker": "<b onmouseover=x>Boss</b>"}])
    fig = charts.quoted_by_entity(quotes)
    assert list(fig.data[0].y) == ["&lt;b onmouseover=x&gt;Boss&lt;/b&gt;"]


def test_readability_along_draws_paragraph_line_and_sentence_points():
    readability = pd.DataFrame(
        [("a", "body", 0, 60.0), ("a", "paragraph", 0, 55.0), ("a", "paragraph", 1, 70.0), ("a", "sentence", 0, 50.0), ("a", "sentence", 1, 72.0)],
        columns=["article_id", "level", "unit", "flesch_reading_ease"],
    )
    sentences = pd.DataFrame([("a", 0, 0, "First one."), ("a", 1, 1, "Second.")], columns=["article_id", "sentence", "paragraph", "text"])
    fig = charts.readability_along(readability, sentences)
    assert [(t.name, list(t.x), list(t.y)) for t in fig.data] == [("paragraph", [0, 1], [55.0, 70.0]), ("sentence", [0, 1], [50.0, 72.0])]


def test_voice_readability_compares_quoted_and_narrative_on_each_metric():
    readability = pd.DataFrame(
        [("a", "quoted", 0, 70.0, 6.0), ("a", "narrative", 0, 40.0, 12.0), ("a", "body", 0, 50.0, 9.0)],
        columns=["article_id", "level", "unit", "flesch_reading_ease", "flesch_kincaid_grade"],
    )
    fig = charts.voice_readability(readability)
    assert {t.name: list(t.y) for t in fig.data} == {"quoted": [70.0, 6.0], "narrative": [40.0, 12.0]}


def test_sentence_difficulty_colours_sentences_by_why_they_are_hard():
    hard = pd.DataFrame(
        [("a", 0, 0, "A very long sentence.", 14.0, 30, "long"), ("a", 1, 0, "Short.", 2.0, 1, "")],
        columns=["article_id", "sentence", "paragraph", "text", "grade", "words", "reason"],
    )
    fig = charts.sentence_difficulty(hard)
    assert [(t.name, list(t.x)) for t in fig.data] == [("long", [30]), ("not hard", [1])]


def test_mentions_by_category_splits_speakers_from_mentioned():
    mentions = mentions_frame([
        ("a", "Twitter", "Twitter", "ORG", "platform", 0, 7, 0, 0, "speaker"),
        ("a", "Twitter", "it", "ORG", "platform", 20, 22, 1, 0, "mentioned"),
        ("a", "Delhi Police", "police", "ORG", "police", 30, 36, 1, 0, "mentioned"),
        ("a", "India", "India", "GPE", None, 40, 45, 1, 0, "mentioned"),
    ])
    fig = charts.mentions_by_category(mentions)
    counts = {(t.name, c): n for t in fig.data for c, n in zip(t.x, t.y)}
    assert counts == {("speaker", "platform"): 1, ("mentioned", "platform"): 1, ("mentioned", "police"): 1, ("mentioned", "GPE"): 1}


def test_mention_strip_places_each_mention_at_its_offset():
    mentions = mentions_frame([
        ("a", "Twitter", "Twitter", "ORG", "platform", 0, 7, 0, 0, "speaker"),
        ("a", "Twitter", "Twitter", "ORG", "platform", 80, 87, 3, 2, "mentioned"),
        ("a", "NCPCR", "NCPCR", "ORG", "regulator", 40, 45, 1, 1, "mentioned"),
    ])
    fig = charts.mention_strip(mentions, text_length=100)
    assert {t.name: list(t.x) for t in fig.data} == {"platform": [0, 80], "regulator": [40]}
    assert list(fig.layout.yaxis.categoryarray) == ["NCPCR", "Twitter"]


def test_co_mention_network_draws_an_edge_per_pair_and_a_node_per_actor():
    nodes = pd.DataFrame(
        [("Twitter", 0.0, 1.0, 3, "ORG", "platform"), ("Police", 0.0, -1.0, 1, "ORG", "police")],
        columns=["entity", "x", "y", "n_mentions", "type", "category"],
    )
    edges = pd.DataFrame([("Police", "Twitter", 2)], columns=["source", "target", "weight"])
    fig = charts.co_mention_network(nodes, edges)
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 1 and list(lines[0].y) == [-1.0, 0.0, 1.0]
    assert sorted(t.name for t in fig.data if t.mode == "markers+text") == ["platform", "police"]


def test_corpus_charts_group_articles_by_outlet():
    articles = pd.DataFrame(
        [("x", "T1", "Gazette", "2026-03-01", 100), ("y", "T2", "Courier", "2026-03-02", 200)],
        columns=["article_id", "title", "outlet", "date", "n_words"],
    )
    fig = charts.article_lengths(articles)
    assert {t.name: list(t.x) for t in fig.data} == {"Courier": [200], "Gazette": [100]}
    readability = pd.DataFrame([("x", "body", 0, 50.0), ("y", "body", 0, 60.0)], columns=["article_id", "level", "unit", "flesch_reading_ease"])
    fig = charts.metric_by_outlet(articles, readability)
    assert {t.name: list(t.y) for t in fig.data} == {"Gazette": [50.0], "Courier": [60.0]}
    quotes = quotes_frame([{"article_id": "x"}, {"article_id": "x", "kind": "indirect"}, {"article_id": "y"}])
    fig = charts.quotes_per_article(articles, quotes)
    assert sum(sum(t.x) for t in fig.data) == 3


def test_undated_articles_are_left_out_of_the_date_axis_and_counted_in_the_title():
    articles = pd.DataFrame(
        [("x", "T1", "Gazette", "2026-03-01"), ("y", "T2", "Courier", None)], columns=["article_id", "title", "outlet", "date"]
    )
    readability = pd.DataFrame([("x", "body", 0, 50.0), ("y", "body", 0, 60.0)], columns=["article_id", "level", "unit", "flesch_reading_ease"])
    fig = charts.metric_by_outlet(articles, readability)
    assert [t.name for t in fig.data] == ["Gazette"]
    assert "1 undated article not shown" in fig.layout.title.text


@pytest.mark.parametrize(
    "build",
    [
        lambda: charts.quoted_by_entity(quotes_frame([]).iloc[0:0]),
        lambda: charts.speaker_timeline(quotes_frame([]).iloc[0:0]),
        lambda: charts.mentions_by_category(mentions_frame([])),
        lambda: charts.mention_strip(mentions_frame([])),
        lambda: charts.readability_along(pd.DataFrame(columns=["article_id", "level", "unit"]), pd.DataFrame()),
        lambda: charts.entity_outlet_heatmap(mentions_frame([]), pd.DataFrame(columns=["article_id", "outlet"])),
    ],
)
def test_an_empty_table_gives_a_titled_figure_that_says_so(build):
    fig = build()
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    assert fig.layout.annotations and fig.layout.annotations[0].text.startswith("No ")


def test_speaker_timeline_gives_each_speaker_its_own_colour():
    first, second = _colliding_names()
    quotes = quotes_frame([
        {"speaker_entity": first, "content_start": 0},
        {"speaker_entity": second, "content_start": 10},
        {"speaker_entity": None, "speaker": None, "content_start": 20},
    ])
    fig = charts.speaker_timeline(quotes)
    colours = {trace.name: trace.marker.color for trace in fig.data}
    assert colours[first] != colours[second]
    assert colours[charts.UNKNOWN_SPEAKER] == charts.color_for(charts.UNKNOWN_SPEAKER)
    assert colours == {name: charts.color_map(charts.speaker_names(quotes))[name] for name in colours}
