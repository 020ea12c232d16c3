"""HTML views: article text and table values are escaped, marks land on the right characters."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from analysis import views

PARAGRAPH_COLUMNS = ["article_id", "paragraph", "start", "end", "text", "is_body"]


def visible_text(page: str) -> str:
    """What a browser shows as text: tags and the style block removed, entities decoded."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def paragraphs_of(text: str, *, body: bool = True) -> pd.DataFrame:
    rows, cursor = [], 0
    for index, part in enumerate(text.split("\n")):
        rows.append(("a", index, cursor, cursor + len(part), part, body))
        cursor += len(part) + 1
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:alert(1)">link</a>',
    "Tom & Jerry's \"quote\" </p></div>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_segmented_text_shows_markup_as_text(text):
    page = views.segmented_text(text, paragraphs_of(text), pd.DataFrame(columns=["article_id", "start", "end", "kind", "text"])).html
    assert "<script>window" not in page and "<img" not in page and "<a href" not in page
    assert text in visible_text(page)


@pytest.mark.parametrize("text", HOSTILE)
def test_attribution_hover_titles_are_escaped(text):
    quotes = pd.DataFrame([{
        "quote": 0, "kind": "direct", "content_spans": [[0, len(text)]], "cue_start": None, "cue_end": None,
        "speaker_start": None, "speaker_end": None, "speaker": text, "speaker_entity": None, "rule": text, "confidence": 1.0,
    }])
    page = views.attribution_text(text, paragraphs_of(text), quotes).html
    titles = re.findall(r'title="([^"]*)"', page)
    assert titles and all(html.unescape(t).count(text) == 2 for t in titles)
    assert "<script>window" not in page and "<img" not in page


def test_boilerplate_is_marked_and_labelled_with_its_kind():
    text = "The council met.\nFollow us on Facebook."
    boilerplate = pd.DataFrame([("a", 17, 39, "share_prompt", text[17:39])], columns=["article_id", "start", "end", "kind", "text"])
    page = views.segmented_text(text, paragraphs_of(text), boilerplate).html
    assert '<span class="nl-boilerplate" title="boilerplate: share_prompt" style="">Follow us on Facebook.</span>' in page
    assert '<span class="nl-boilerplate-label">share_prompt</span>' in page


@pytest.mark.parametrize(
    "marks, expected",
    [
        ([], "abcdef"),
        ([views.Mark(1, 3, "x")], 'a<span class="x" title="" style="">bc</span>def'),
        # the higher-priority mark wins where two overlap; the rest keeps the lower one
        ([views.Mark(0, 4, "low", priority=1), views.Mark(2, 6, "high", priority=2)],
         '<span class="low" title="" style="">ab</span><span class="high" title="" style="">cdef</span>'),
        ([views.Mark(4, 9, "x")], 'abcd<span class="x" title="" style="">ef</span>'),
    ],
)
def test_render_marked_wraps_exactly_the_marked_characters(marks, expected):
    assert views.render_marked("abcdef", 0, 6, marks) == expected


def test_attribution_marks_put_speaker_and_cue_above_content():
    text = '"We act," Twitter said.'
    quotes = pd.DataFrame([{
        "quote": 0, "kind": "direct", "content_spans": [[0, 9]], "cue_start": 18, "cue_end": 22,
        "speaker_start": 10, "speaker_end": 17, "speaker": "Twitter", "speaker_entity": "Twitter", "rule": "quote-speaker-cue", "confidence": 0.9,
    }])
    page = views.attribution_text(text, paragraphs_of(text), quotes).html
    assert re.search(r'class="nl-content" title="direct quote #0 · speaker: Twitter · rule: quote-speaker-cue · confidence: 0.90"[^>]*>&quot;We act,&quot;</span>', page)
    assert re.search(r'class="nl-speaker"[^>]*>Twitter</span>', page)
    assert re.search(r'class="nl-cue"[^>]*>said</span>', page)
    assert visible_text(page).endswith(text)


def test_sentence_list_escapes_text_and_shows_scores_and_reason():
    sentences = pd.DataFrame([{"sentence": 3, "paragraph": 1, "text": "<b>Long</b> one", "grade": 14.26, "words": 30, "reason": "long"}])
    page = views.sentence_list(sentences, score_columns=["grade"]).html
    assert "&lt;b&gt;Long&lt;/b&gt; one" in page and "grade: 14.3" in page and "<b>long</b>" in page


def test_metrics_explained_pairs_every_metric_with_its_body_score():
    readability = pd.DataFrame([{"article_id": "a", "level": "body", "unit": 0, "flesch_reading_ease": 61.234, "gunning_fog": 11.0}])
    table = views.metrics_explained(readability)
    assert table.loc["Flesch Reading Ease", "score"] == 61.2
    assert table.loc["Gunning Fog Index", "direction"] == "lower is easier"
    assert table["meaning"].str.len().min() > 10


def test_speakers_sharing_a_hashed_colour_are_marked_in_different_colours():
    text = '"Yes," NDTV said. "No," Northbank Daily said.'
    quotes = pd.DataFrame([
        {"quote": 0, "kind": "direct", "content_spans": [[0, 6]], "cue_start": 12, "cue_end": 16, "speaker_start": 7,
         "speaker_end": 11, "speaker": "NDTV", "speaker_entity": "NDTV", "rule": "r", "confidence": 0.9},
        {"quote": 1, "kind": "direct", "content_spans": [[18, 23]], "cue_start": 40, "cue_end": 44, "speaker_start": 24,
         "speaker_end": 39, "speaker": "Northbank Daily", "speaker_entity": None, "rule": "r", "confidence": 0.9},
    ])
    speaker_styles = {text[m.start:m.end]: m.style for m in views.attribution_marks(quotes) if m.css_class == "nl-speaker"}
    assert speaker_styles["NDTV"] != speaker_styles["Northbank Daily"]
