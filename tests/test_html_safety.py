"""Markup in article text or metadata is shown as text, never run, by views and charts.

An article whose text, title, outlet, speakers and entity names carry ``<script>``,
``<img onerror>`` and ``javascript:`` links goes through the pipeline into tables; every
HTML view and every chart is built from them. Views: the HTML, parsed with
``html.parser``, holds no script, img or javascript-link element and shows the markup as
text. Charts: plotly renders hover text, labels and legend names as a subset of HTML, so
no string in the figure JSON may carry a tag from the input (the kit escapes it first),
and the page ``fig.to_html`` writes holds no element from the input either.
"""
from __future__ import annotations

from html.parser import HTMLParser

import plotly.graph_objects as go
import pytest

from analysis import charts, views
from analysis.load import from_text
from analysis.network import circular_layout, co_mentions
from analysis.tableset import tables_of, voice_table

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">click</a>'
PAYLOAD = f"{SCRIPT} {IMG} {LINK}"

TEXT = (
    f"Hostile headline {SCRIPT}\n\n"
    f"\u201cWe will comply {IMG},\u201d a spokesperson of Twitter said on Tuesday {LINK}.\n\n"
    f"The Delhi Police said the platform had not acted. Officials said {SCRIPT} was posted.\n"
)


class Elements(HTMLParser):
    """Start tags with their attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def live_markup(elements: Elements) -> list[tuple[str, dict]]:
    """Elements that could run code: script, img, event-handler attributes, javascript: URLs."""
    found = []
    for tag, attrs in elements.tags:
        if tag in ("script", "img", "iframe", "object", "embed"):
            found.append((tag, attrs))
        elif any(name.startswith("on") for name in attrs):
            found.append((tag, attrs))
        elif any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()):
            found.append((tag, attrs))
    return found


@pytest.fixture(scope="module")
def tables():
    article = from_text(TEXT, id=f"id {SCRIPT}", title=f"Title {PAYLOAD}", outlet=f"Outlet {IMG}", date="2021-07-01")
    found = tables_of([article])
    # Names and labels from metadata or a gazetteer are as untrusted as the text.
    found.quotes["speaker_entity"] = f"Speaker {PAYLOAD}"
    found.quotes["speaker"] = f"spokesperson {IMG}"
    found.quotes["rule"] = f"rule {SCRIPT}"
    found.mentions["entity"] = [f"Entity {i} {PAYLOAD}" for i in range(len(found.mentions))]
    found.mentions["category"] = f"category {LINK}"
    found.mentions["surface"] = f"surface {IMG}"
    found.entities["entity"] = [f"Entity {i} {PAYLOAD}" for i in range(len(found.entities))]
    found.hard_sentences["reason"] = f"reason {SCRIPT}"
    return found


def test_the_hostile_article_has_quotes_and_mentions(tables):
    assert len(tables.quotes) >= 1 and len(tables.mentions) >= 2


def view_outputs(tables) -> dict[str, str]:
    text = tables.text
    sentences = tables.sentences.assign(reason=f"reason {SCRIPT}")
    return {
        "segmented_text": str(views.segmented_text(text, tables.paragraphs, tables.boilerplate)),
        "attribution_text": str(views.attribution_text(text, tables.paragraphs, tables.quotes)),
        "sentence_list": str(views.sentence_list(sentences, score_columns=["sentence"])),
        "table-quotes": str(views.table(tables.quotes)),
        "table-articles": str(views.table(tables.articles)),
        "table-mentions": str(views.table(tables.mentions)),
    }


@pytest.mark.parametrize("name", ["segmented_text", "attribution_text", "sentence_list", "table-quotes", "table-articles", "table-mentions"])
def test_views_show_markup_as_text_and_never_as_elements(tables, name):
    html = view_outputs(tables)[name]
    elements = parsed(html)
    assert live_markup(elements) == []
    shown = "".join(elements.text)
    assert SCRIPT in shown or IMG in shown or "javascript:alert(1)" in shown


def chart_figures(tables) -> dict[str, go.Figure]:
    voice = voice_table(tables.paragraphs, tables.quotes)
    labels = charts.article_labels(tables.articles)
    edges = co_mentions(tables.mentions)
    nodes = circular_layout(tables.mentions)
    hard = tables.readability[tables.readability["level"] == "sentence"].merge(
        tables.sentences[["sentence", "text", "words"]] if "words" in tables.sentences else tables.sentences[["sentence", "text"]],
        left_on="unit", right_on="sentence", how="left",
    ).assign(words=3, reason=f"reason {SCRIPT}")
    return {
        "length_profile": charts.length_profile(tables.paragraphs, tables.sentences),
        "quoted_by_entity": charts.quoted_by_entity(tables.quotes),
        "voice_share": charts.voice_share(voice, labels=labels),
        "speaker_timeline": charts.speaker_timeline(tables.quotes, text_length=len(tables.text)),
        "readability_along": charts.readability_along(tables.readability, tables.sentences),
        "voice_readability": charts.voice_readability(tables.readability),
        "sentence_difficulty": charts.sentence_difficulty(tables.hard_sentences) if not tables.hard_sentences.empty else charts.sentence_difficulty(hard),
        "mentions_by_category": charts.mentions_by_category(tables.mentions),
        "mention_strip": charts.mention_strip(tables.mentions, text_length=len(tables.text)),
        "co_mention_network": charts.co_mention_network(nodes, edges),
        "article_lengths": charts.article_lengths(tables.articles),
        "quotes_per_article": charts.quotes_per_article(tables.articles, tables.quotes),
        "metric_by_outlet": charts.metric_by_outlet(tables.articles, tables.readability),
        "entity_outlet_heatmap": charts.entity_outlet_heatmap(tables.mentions, tables.articles),
    }


CHARTS = [
    "length_profile", "quoted_by_entity", "voice_share", "speaker_timeline", "readability_along", "voice_readability",
    "sentence_difficulty", "mentions_by_category", "mention_strip", "co_mention_network", "article_lengths",
    "quotes_per_article", "metric_by_outlet", "entity_outlet_heatmap",
]


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in strings_in(key) + strings_in(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in strings_in(item)]
    if hasattr(value, "tolist"):
        return strings_in(value.tolist())
    return []


@pytest.fixture(scope="module")
def figures(tables):
    return chart_figures(tables)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_strings_carry_no_tag_from_the_input(figures, name):
    figure_json = figures[name].to_plotly_json()
    raw = [s for s in strings_in(figure_json) if any(tag in s.lower() for tag in ("<script", "<img", "<a "))]
    assert raw == []


@pytest.mark.parametrize("name", CHARTS)
def test_chart_page_has_no_element_from_the_input(figures, name):
    elements = parsed(figures[name].to_html(include_plotlyjs=False, full_html=True))
    plotly_own = parsed(go.Figure().to_html(include_plotlyjs=False, full_html=True))
    assert [t for t in live_markup(elements) if t[0] != "script"] == []
    assert [tag for tag, _ in elements.tags if tag == "script"] == [tag for tag, _ in plotly_own.tags if tag == "script"]


def test_the_charts_draw_the_input_names_somewhere(figures):
    """Guard against a vacuous pass: the hostile names reach the figures (escaped)."""
    everything = " ".join(s for fig in figures.values() for s in strings_in(fig.to_plotly_json()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    assert "&lt;img src=x onerror=alert(1)&gt;" in everything
