"""HTML views of an article's text for notebooks and reports, safe for untrusted articles.

- :func:`segmented_text` — the article as loaded, one block per paragraph, boilerplate
  highlighted and labelled with its kind;
- :func:`attribution_text` — the body with every attribution marked: quoted content
  shaded by kind, the cue underlined, the speaker in its entity's colour; hovering shows
  the kind, rule, confidence and speaker;
- :func:`sentence_list` — chosen sentences (e.g. the hard ones) with their scores.

Each returns an :class:`HtmlView`, which notebooks display as HTML. Article text and every
value taken from the tables (hover titles included) pass through :func:`html.escape`, so
markup in an article is shown as text and never run.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable, Sequence

import pandas as pd

from analysis.charts import color_for, color_map, speaker_names

_STYLE = """
<style>
.nl-view { font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.6;
  max-width: 52em; color: #222; }
.nl-view p { margin: 0 0 0.8em 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.nl-view .nl-n { display: inline-block; min-width: 2.2em; margin-right: 0.4em; color: #888;
  font: 11px/1 Helvetica, Arial, sans-serif; vertical-align: 2px; }
.nl-view .nl-boilerplate { background: #eceae8; color: #777; border-radius: 3px; }
.nl-view .nl-boilerplate-label { font: 10px/1 Helvetica, Arial, sans-serif; color: #fff; background: #9a918c;
  border-radius: 3px; padding: 1px 4px; margin-right: 4px; vertical-align: 2px; }
.nl-view .nl-content { border-radius: 3px; padding: 1px 0; }
.nl-view .nl-cue { text-decoration: underline; text-decoration-thickness: 2px; font-weight: bold; }
.nl-view .nl-speaker { font-weight: bold; border-bottom: 3px solid; }
.nl-legend { font: 12px/1.8 Helvetica, Arial, sans-serif; margin-bottom: 0.8em; color: #444; }
.nl-legend span { padding: 1px 6px; margin-right: 8px; border-radius: 3px; }
.nl-sentences { font-family: Georgia, serif; font-size: 14px; max-width: 52em; border-collapse: collapse; }
.nl-sentences td, .nl-table td, .nl-table th { border-top: 1px solid #ddd; padding: 6px 8px; vertical-align: top;
  text-align: left !important; max-width: none !important; }
.nl-table { font: 13px/1.45 Helvetica, Arial, sans-serif; border-collapse: collapse; max-width: 64em; }
.nl-table th { background: #f4f4f4; }
.nl-sentences td.nl-score { font: 13px Helvetica, Arial, sans-serif; white-space: nowrap; color: #a33; }
</style>
"""


@dataclass(frozen=True)
class HtmlView:
    """A piece of escaped HTML that Jupyter displays as HTML."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


@dataclass(frozen=True)
class Mark:
    """A span of text to render in a class, with a hover title and an inline style."""

    start: int
    end: int
    css_class: str
    title: str = ""
    style: str = ""
    priority: int = 0


def _tinted(hex_color: str, alpha: float) -> str:
    red, green, blue = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def escape(value: object) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def render_marked(text: str, start: int, end: int, marks: Iterable[Mark]) -> str:
    """``text[start:end]`` as escaped HTML, each stretch wrapped in its top-priority mark."""
    inside = [m for m in marks if m.start < end and start < m.end and m.start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    runs: list[tuple[Mark | None, int, int]] = []  # consecutive stretches under the same top mark merge
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= left and right <= m.end]
        mark = max(covering, key=lambda m: m.priority) if covering else None
        if runs and runs[-1][0] == mark:
            runs[-1] = (mark, runs[-1][1], right)
        else:
            runs.append((mark, left, right))
    pieces = []
    for mark, left, right in runs:
        chunk = escape(text[left:right])
        if mark is None:
            pieces.append(chunk)
        else:
            pieces.append(
                f'<span class="{escape(mark.css_class)}" title="{escape(mark.title)}" style="{escape(mark.style)}">{chunk}</span>'
            )
    return "".join(pieces)


def _paragraph_html(number: object, inner: str) -> str:
    return f'<p><span class="nl-n">¶{escape(number)}</span>{inner}</p>'


def segmented_text(text: str, paragraphs: pd.DataFrame, boilerplate: pd.DataFrame) -> HtmlView:
    """Every paragraph of the article, boilerplate greyed and labelled with its kind."""
    marks = [
        Mark(int(b.start), int(b.end), "nl-boilerplate", title=f"boilerplate: {b.kind}")
        for b in boilerplate.itertuples(index=False)
    ]
    blocks = []
    for p in paragraphs.itertuples(index=False):
        kinds = sorted({m.title.removeprefix("boilerplate: ") for m in marks if m.start < p.end and p.start < m.end})
        label = "".join(f'<span class="nl-boilerplate-label">{escape(k)}</span>' for k in kinds)
        blocks.append(_paragraph_html(p.paragraph, label + render_marked(text, int(p.start), int(p.end), marks)))
    legend = (
        '<div class="nl-legend"><span style="border:1px solid #ccc">body</span>'
        '<span class="nl-boilerplate" style="background:#eceae8;color:#777">boilerplate (hover for its kind)</span></div>'
    )
    return HtmlView(f'{_STYLE}<div class="nl-view">{legend}{"".join(blocks)}</div>')


def _quote_title(quote: pd.Series) -> str:
    who = quote.get("speaker_entity") or quote.get("speaker") or "unresolved speaker"
    confidence = quote.get("confidence")
    parts = [f"{quote.get('kind')} quote #{quote.get('quote')}", f"speaker: {who}", f"rule: {quote.get('rule')}"]
    if confidence is not None and not pd.isna(confidence):
        parts.append(f"confidence: {float(confidence):.2f}")
    return " · ".join(parts)


def attribution_marks(quotes: pd.DataFrame) -> list[Mark]:
    """The content, cue and speaker marks of every attribution (speaker and cue on top)."""
    marks = []
    names = speaker_names(quotes) if not quotes.empty else pd.Series(dtype=str)
    speaker_colours = color_map(names)
    for (_, quote), name in zip(quotes.iterrows(), names):
        title = _quote_title(quote)
        kind_color = color_for(quote["kind"])
        for s, e in quote["content_spans"]:
            marks.append(Mark(int(s), int(e), "nl-content", title, f"background:{_tinted(kind_color, 0.18)}", 1))
        if not pd.isna(quote.get("cue_start")):
            marks.append(Mark(int(quote["cue_start"]), int(quote["cue_end"]), "nl-cue", "cue · " + title, f"color:{kind_color}", 2))
        if not pd.isna(quote.get("speaker_start")):
            speaker_color = speaker_colours[name]
            marks.append(Mark(
                int(quote["speaker_start"]), int(quote["speaker_end"]), "nl-speaker", "speaker · " + title,
                f"color:{speaker_color};border-color:{speaker_color}", 3,
            ))
    return marks


def attribution_text(text: str, paragraphs: pd.DataFrame, quotes: pd.DataFrame) -> HtmlView:
    """The body paragraphs with speaker, cue and quoted content marked; hover for details."""
    marks = attribution_marks(quotes)
    body = paragraphs[paragraphs["is_body"].astype(bool)]
    blocks = [_paragraph_html(p.paragraph, render_marked(text, int(p.start), int(p.end), marks)) for p in body.itertuples(index=False)]
    legend = "".join(
        f'<span style="background:{_tinted(color_for(kind), 0.18)}">{kind} quote</span>' for kind in ("direct", "indirect", "mixed")
    )
    legend += '<span class="nl-cue" style="text-decoration:underline">cue</span><span style="font-weight:bold;border-bottom:3px solid #888">speaker (entity colour)</span>'
    return HtmlView(f'{_STYLE}<div class="nl-view"><div class="nl-legend">{legend}</div>{"".join(blocks)}</div>')


def sentence_list(sentences: pd.DataFrame, *, score_columns: Sequence[str] = ()) -> HtmlView:
    """Sentences as a two-column list (scores, text), escaped; e.g. the hard sentences."""
    rows = []
    for _, sentence in sentences.iterrows():
        scores = "<br>".join(
            f"{escape(column.replace('_', ' '))}: {float(sentence[column]):.1f}" for column in score_columns if column in sentence
        )
        where = f"sentence {escape(sentence.get('sentence'))}, ¶{escape(sentence.get('paragraph'))}"
        if sentence.get("reason"):
            where += f"<br><b>{escape(sentence['reason'])}</b>"
        rows.append(f'<tr><td class="nl-score">{where}<br>{scores}</td><td>{escape(sentence["text"])}</td></tr>')
    if not rows:
        return HtmlView(f'{_STYLE}<p class="nl-legend">No sentences to show.</p>')
    return HtmlView(f'{_STYLE}<table class="nl-sentences">{"".join(rows)}</table>')


def metric_notes() -> pd.DataFrame:
    """The shipped explanation of each readability metric: metric, name, direction, meaning."""
    from importlib import resources

    with resources.files("analysis.data").joinpath("readability_metrics.csv").open(encoding="utf-8") as handle:
        return pd.read_csv(handle, comment="#", dtype=str, keep_default_na=False)


def table(frame: pd.DataFrame, *, index: bool = False) -> HtmlView:
    """A DataFrame in full (no truncated cells), left-aligned and escaped."""
    return HtmlView(_STYLE + frame.to_html(index=index, escape=True, border=0, classes="nl-table", na_rep="", float_format=lambda v: f"{v:.1f}"))


def metrics_explained(readability: pd.DataFrame) -> pd.DataFrame:
    """The body's score on every metric beside what the metric means (one row per metric)."""
    notes = metric_notes()
    body = readability[readability["level"] == "body"]
    scores = body.iloc[0] if not body.empty else pd.Series(dtype=object)
    table = notes.assign(score=[scores.get(metric) for metric in notes["metric"]])
    table["score"] = pd.to_numeric(table["score"], errors="coerce").round(1)
    return table[["name", "score", "direction", "meaning"]].set_index("name")
