"""Plotly figures built from the tidy tables, and the colours they share.

Every builder takes DataFrames with the columns of DESIGN.md (see
:mod:`analysis.tableset`) and returns a :class:`plotly.graph_objects.Figure` with a
title, axis labels and hover text; none of them reads files or analyses text.

Colours are deterministic: :func:`color_for` gives every label the same colour in every
chart and notebook — a fixed colour for the known categories (body/boilerplate,
direct/indirect/mixed, speaker/mentioned, quoted/narrative, entity categories) and, for
any other name such as an entity, a colour picked from a fixed palette by a stable hash of
the name. :func:`color_map` keeps that pick but moves a name to the next free palette colour
when two names of one chart would share it (up to the palette's 24 colours).
"""
from __future__ import annotations

import hashlib
from typing import Iterable

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

TEMPLATE = "plotly_white"
FONT_FAMILY = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"
DEFAULT_METRIC = "flesch_reading_ease"
UNKNOWN_SPEAKER = "(unresolved speaker)"
UNCATEGORISED = "(no category)"

# Fixed colours for the categories every notebook uses, so "direct" or "boilerplate"
# look the same everywhere. Lower-case keys; lookups are case-insensitive.
CATEGORY_COLORS = {
    "body": "#4C78A8",
    "boilerplate": "#BAB0AC",
    "direct": "#E45756",
    "indirect": "#4C78A8",
    "mixed": "#B279A2",
    "speaker": "#E45756",
    "mentioned": "#72B7B2",
    "quoted": "#E45756",
    "narrative": "#BAB0AC",
    "paragraph": "#4C78A8",
    "sentence": "#F58518",
    "person": "#F58518",
    "org": "#54A24B",
    "gpe": "#4C78A8",
    "law": "#B279A2",
    "norp": "#EECA3B",
    "role": "#9D755D",
    UNKNOWN_SPEAKER: "#79706E",
    UNCATEGORISED: "#BAB0AC",
}
# Colours for everything else (entities, outlets), chosen to stay readable on white.
NAME_PALETTE = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF",
    "#BCBD22", "#393B79", "#637939", "#8C6D31", "#843C39", "#7B4173", "#3182BD", "#E6550D",
    "#31A354", "#756BB1", "#636363", "#AD494A", "#A55194", "#6B6ECF", "#B5CF6B", "#E7BA52",
)


def color_for(name: object) -> str:
    """The colour of a label: fixed for known categories, else a stable pick for the name."""
    key = str(name).strip()
    fixed = CATEGORY_COLORS.get(key.lower()) or CATEGORY_COLORS.get(key)
    if fixed:
        return fixed
    digest = hashlib.sha1(key.casefold().encode("utf-8")).digest()
    return NAME_PALETTE[int.from_bytes(digest[:4], "big") % len(NAME_PALETTE)]


def color_map(names: Iterable[object]) -> dict[str, str]:
    """``{name: colour}`` for every distinct name, for plotly express ``color_discrete_map``.

    Each name gets :func:`color_for` unless an earlier name (in case-folded order, so the
    result does not depend on row order) already took that colour; it then gets the next
    palette colour nobody in the map uses. Names repeat colours only past the palette's size.
    """
    distinct = sorted(dict.fromkeys(str(n) for n in names), key=lambda n: (n.strip().casefold(), n))
    taken: set[str] = set()
    colours: dict[str, str] = {}
    for name in distinct:
        colour = color_for(name)
        if colour in taken and colour in NAME_PALETTE and len(taken) < len(NAME_PALETTE):
            start = NAME_PALETTE.index(colour)
            probe = (NAME_PALETTE[(start + step) % len(NAME_PALETTE)] for step in range(1, len(NAME_PALETTE)))
            colour = next((c for c in probe if c not in taken), colour)
        colours[name] = colour
        taken.add(colour)
    return colours


def _style(fig: go.Figure, *, title: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"family": FONT_FAMILY, "size": 13},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"title": {"text": ""}},
        hoverlabel={"align": "left"},
    )
    if height:
        fig.update_layout(height=height)
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return fig


def _empty(title: str, note: str) -> go.Figure:
    """A titled figure that says why there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(text=note, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _style(fig, title=title, height=220)


def _preview(text: object, *, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrap(text: object, *, width: int = 70, max_lines: int = 4) -> str:
    """Text broken into ``<br>``-separated lines for a hover label (plotly escapes the rest)."""
    words, lines, line = " ".join(str(text).split()).split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    return "<br>".join(_escape_hover(line) for line in lines)


def _counts(frame: pd.DataFrame, by: list[str], *, name: str) -> pd.DataFrame:
    """Rows per combination of ``by``, in a column called ``name``."""
    return frame.groupby(by, as_index=False).size().rename(columns={"size": name})


def _escape_hover(text: str) -> str:
    # Plotly hover labels render a small HTML subset; article text must stay text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- segmentation ----------------------------------------------------------------------


def length_profile(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> go.Figure:
    """Words per paragraph (bars, body vs boilerplate) with each sentence's words as points."""
    title = "Length profile: words per paragraph and per sentence"
    if paragraphs.empty:
        return _empty(title, "No paragraphs")
    para = paragraphs.assign(
        words=paragraphs["text"].str.split().str.len(),
        part=paragraphs["is_body"].map({True: "body", False: "boilerplate"}),
        hover=paragraphs["text"].map(_wrap),
    )
    fig = go.Figure()
    for part, rows in para.groupby("part", sort=False):
        fig.add_bar(
            x=rows["paragraph"], y=rows["words"], name=f"paragraph ({part})", marker_color=color_for(part),
            customdata=rows["hover"], opacity=0.85,
            hovertemplate="paragraph %{x} · %{y} words<br>%{customdata}<extra></extra>",
        )
    if not sentences.empty:
        sent = sentences.assign(words=sentences["text"].str.split().str.len(), hover=sentences["text"].map(_wrap))
        fig.add_scatter(
            x=sent["paragraph"], y=sent["words"], mode="markers", name="sentence",
            marker={"color": color_for("sentence"), "size": 8, "line": {"width": 1, "color": "white"}},
            customdata=sent[["sentence", "hover"]],
            hovertemplate="sentence %{customdata[0]} (paragraph %{x}) · %{y} words<br>%{customdata[1]}<extra></extra>",
        )
    fig.update_xaxes(title="paragraph (in reading order)", dtick=1 if len(para) <= 30 else None)
    fig.update_yaxes(title="words")
    fig.update_layout(barmode="overlay")
    return _style(fig, title=title, height=420)


# --- quotes ------------------------------------------------------------------------------


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """Each attribution's speaker as charts name it: the entity if resolved, else the words.

    Colour them with ``color_map(speaker_names(quotes))``, as the speaker timeline and the
    attribution view both do, so one speaker has one colour in both.
    """
    entity = quotes["speaker_entity"].where(quotes["speaker_entity"].notna() & (quotes["speaker_entity"] != ""))
    speaker = quotes["speaker"].where(quotes["speaker"].notna() & (quotes["speaker"] != ""))
    return entity.fillna(speaker).fillna(UNKNOWN_SPEAKER).astype(str)


def _speaker_labels(quotes: pd.DataFrame) -> pd.Series:
    return speaker_names(quotes).map(_escape_hover)


def quoted_by_entity(quotes: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Who is quoted: attributions per speaker (entity if resolved), split by kind; the ``top`` most quoted."""
    title = "Who is quoted: attributions per speaker, direct vs indirect"
    if quotes.empty:
        return _empty(title, "No quotes found")
    counts = _counts(quotes.assign(who=_speaker_labels(quotes)), ["who", "kind"], name="quotes")
    totals = counts.groupby("who")["quotes"].sum().sort_values(ascending=False, kind="stable")
    if len(totals) > top:
        title += f" (top {top} of {len(totals)})"
    order = totals.head(top).index.tolist()
    counts = counts[counts["who"].isin(order)]
    fig = px.bar(
        counts, x="quotes", y="who", color="kind", orientation="h",
        color_discrete_map=color_map(counts["kind"]),
        category_orders={"who": order, "kind": [k for k in ("direct", "indirect", "mixed") if k in set(counts["kind"])]},
        labels={"who": "speaker", "quotes": "attributions", "kind": "kind"},
    )
    fig.update_xaxes(dtick=1 if totals.max() <= 10 else None)
    return _style(fig, title=title, height=max(220, 130 + 32 * len(order)))


def voice_share(voice: pd.DataFrame, *, labels: pd.Series | None = None) -> go.Figure:
    """Share of each article's body in quoted vs narrative voice (one stacked bar per article).

    ``labels`` optionally maps article_id to a display name (e.g. outlet and date).
    """
    title = "Voice: share of the body quoted vs narrated"
    if voice.empty:
        return _empty(title, "No body text")
    frame = voice.assign(article=voice["article_id"].map(labels) if labels is not None else voice["article_id"])
    frame["article"] = frame["article"].fillna(frame["article_id"])
    fig = px.bar(
        frame, x="share", y="article", color="voice", orientation="h",
        color_discrete_map=color_map(["quoted", "narrative"]), category_orders={"voice": ["quoted", "narrative"]},
        labels={"share": "share of body characters", "article": "", "voice": "voice"},
        hover_data={"chars": True, "share": ":.1%", "article": True, "voice": True},
        text=frame["share"].map(lambda s: f"{s:.0%}"),
    )
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_traces(textposition="inside", insidetextanchor="middle")
    n_articles = frame["article"].nunique()
    return _style(fig, title=title, height=max(200, 110 + 36 * n_articles))


def speaker_timeline(quotes: pd.DataFrame, *, text_length: int | None = None) -> go.Figure:
    """Where in the article each speaker is quoted: one row per speaker, one mark per quote."""
    title = "Where each speaker appears (position of each quote in the article)"
    if quotes.empty:
        return _empty(title, "No quotes found")
    names = speaker_names(quotes)
    frame = quotes.assign(
        who=names.map(_escape_hover),
        colour=names.map(color_map(names)),
        preview=quotes.apply(lambda q: _wrap(q.get("content") or ""), axis=1),
        rule=quotes["rule"].fillna("").astype(str).map(_escape_hover),
    )
    order = frame.sort_values("content_start").drop_duplicates("who")["who"].tolist()
    fig = go.Figure()
    for who in order:
        rows = frame[frame["who"] == who]
        fig.add_scatter(
            x=rows["content_start"], y=rows["who"], mode="markers", name=who,
            marker={
                "color": rows["colour"].iloc[0], "size": 14, "line": {"width": 1, "color": "white"},
                "symbol": rows["kind"].map({"direct": "circle", "indirect": "diamond", "mixed": "square"}).fillna("circle"),
            },
            customdata=rows[["kind", "rule", "paragraph", "preview"]],
            hovertemplate=(
                "<b>%{y}</b> · %{customdata[0]} quote (rule %{customdata[1]})<br>"
                "character %{x}, paragraph %{customdata[2]}<br>%{customdata[3]}<extra></extra>"
            ),
        )
    fig.update_yaxes(title="", categoryorder="array", categoryarray=order[::-1])
    fig.update_xaxes(title="position in the article (character offset; ● direct, ◆ indirect, ■ mixed)", rangemode="tozero")
    if text_length:
        fig.update_xaxes(range=[0, text_length])
    fig.update_layout(showlegend=False)
    return _style(fig, title=title, height=max(240, 100 + 40 * len(order)))


# --- readability -------------------------------------------------------------------------


def readability_along(readability: pd.DataFrame, sentences: pd.DataFrame, *, metric: str = DEFAULT_METRIC) -> go.Figure:
    """A readability metric along the article: a line per paragraph, a point per sentence."""
    title = f"Readability along the article: {metric.replace('_', ' ')}"
    if readability.empty or metric not in readability.columns:
        return _empty(title, "No readability scores")
    paragraphs = readability[readability["level"] == "paragraph"].sort_values("unit")
    fig = go.Figure()
    fig.add_scatter(
        x=paragraphs["unit"], y=paragraphs[metric], mode="lines+markers", name="paragraph",
        line={"color": color_for("paragraph"), "width": 3}, marker={"size": 7},
        hovertemplate="paragraph %{x}<br>" + metric + " %{y:.1f}<extra></extra>",
    )
    sentence_scores = readability[readability["level"] == "sentence"]
    if not sentence_scores.empty and not sentences.empty:
        merged = sentence_scores.merge(
            sentences[["article_id", "sentence", "paragraph", "text"]],
            left_on=["article_id", "unit"], right_on=["article_id", "sentence"], how="left",
        )
        fig.add_scatter(
            x=merged["paragraph"], y=merged[metric], mode="markers", name="sentence",
            marker={"color": color_for("sentence"), "size": 10, "symbol": "diamond", "opacity": 0.85, "line": {"width": 1, "color": "white"}},
            customdata=merged[["sentence"]].assign(hover=merged["text"].map(_wrap)),
            hovertemplate="sentence %{customdata[0]} (paragraph %{x})<br>" + metric + " %{y:.1f}<br>%{customdata[1]}<extra></extra>",
        )
    fig.update_xaxes(title="paragraph (in reading order)")
    fig.update_yaxes(title=metric.replace("_", " "))
    return _style(fig, title=title, height=420)


def voice_readability(readability: pd.DataFrame, *, metrics: Iterable[str] = (DEFAULT_METRIC, "flesch_kincaid_grade")) -> go.Figure:
    """Quoted vs narrative text side by side on one or more metrics."""
    title = "Quoted vs narrative text"
    metrics = [m for m in metrics if m in readability.columns]
    voices = readability[readability["level"].isin(["quoted", "narrative"])]
    if voices.empty or not metrics:
        return _empty(title, "No quoted or narrative text to compare")
    long = voices.melt(id_vars=["level"], value_vars=metrics, var_name="metric", value_name="score")
    long["metric"] = long["metric"].str.replace("_", " ")
    fig = px.bar(
        long, x="metric", y="score", color="level", barmode="group",
        color_discrete_map=color_map(["quoted", "narrative"]),
        labels={"level": "voice", "metric": "", "score": "score"}, text_auto=".1f",
    )
    return _style(fig, title=title, height=380)


def sentence_difficulty(hard: pd.DataFrame) -> go.Figure:
    """Every body sentence's grade against its length, coloured by what makes it hard.

    ``hard``: the hard-sentences table (sentence, paragraph, text, grade, words, reason).
    """
    title = "Hard sentences: grade level by sentence length"
    if hard.empty:
        return _empty(title, "No sentence scores")
    frame = hard.dropna(subset=["grade"]).assign(
        why=hard["reason"].fillna("").replace("", "not hard").astype(str).map(_escape_hover), hover=hard["text"].map(_wrap)
    )
    reasons = sorted(frame["why"].unique(), key=lambda r: (r == "not hard", r))
    palette = {r: (CATEGORY_COLORS["boilerplate"] if r == "not hard" else color_for(r)) for r in reasons}
    fig = px.scatter(
        frame, x="words", y="grade", color="why", color_discrete_map=palette, category_orders={"why": reasons},
        custom_data=["sentence", "paragraph", "hover"],
        labels={"words": "words in sentence", "grade": "Flesch-Kincaid grade", "why": "hard because"},
    )
    fig.update_traces(
        marker={"size": 11, "line": {"width": 1, "color": "white"}},
        hovertemplate="sentence %{customdata[0]} (paragraph %{customdata[1]})<br>%{x} words · grade %{y:.1f}<br>%{customdata[2]}<extra></extra>",
    )
    return _style(fig, title=title, height=440)


# --- mentions ----------------------------------------------------------------------------


def _category_labels(frame: pd.DataFrame) -> pd.Series:
    category = frame["category"].where(frame["category"].notna() & (frame["category"] != ""))
    return category.fillna(frame.get("type")).fillna(UNCATEGORISED).astype(str).map(_escape_hover)


def mentions_by_category(mentions: pd.DataFrame) -> go.Figure:
    """Mentions per category, split into quoted speakers and actors only mentioned."""
    title = "Mentions by category: quoted as speaker vs only mentioned"
    if mentions.empty:
        return _empty(title, "No mentions found")
    counts = _counts(mentions.assign(category=_category_labels(mentions)), ["category", "role"], name="mentions")
    order = counts.groupby("category")["mentions"].sum().sort_values(ascending=False).index.tolist()
    fig = px.bar(
        counts, x="category", y="mentions", color="role", barmode="stack",
        color_discrete_map=color_map(counts["role"]), category_orders={"category": order, "role": ["speaker", "mentioned"]},
        labels={"category": "category", "mentions": "mentions", "role": "role"},
    )
    return _style(fig, title=title, height=400)


def mention_strip(mentions: pd.DataFrame, *, text_length: int | None = None) -> go.Figure:
    """Where each actor is named: one row per entity, a tick per mention, coloured by category."""
    title = "Where each actor is named in the article"
    if mentions.empty:
        return _empty(title, "No mentions found")
    frame = mentions.assign(category=_category_labels(mentions), entity=mentions["entity"].astype(str).map(_escape_hover))
    order = frame.sort_values("start").drop_duplicates("entity")["entity"].tolist()
    fig = go.Figure()
    for category, rows in frame.groupby("category", sort=True):
        fig.add_scatter(
            x=rows["start"], y=rows["entity"], mode="markers", name=category,
            marker={"symbol": "line-ns-open", "size": 18, "line": {"width": 3, "color": color_for(category)}},
            customdata=rows[["surface", "role", "paragraph"]].astype(str).map(_escape_hover),
            hovertemplate="<b>%{y}</b> as “%{customdata[0]}” (%{customdata[1]})<br>character %{x}, paragraph %{customdata[2]}<extra></extra>",
        )
    fig.update_yaxes(title="", categoryorder="array", categoryarray=order[::-1])
    fig.update_xaxes(title="position in the article (character offset)", rangemode="tozero")
    if text_length:
        fig.update_xaxes(range=[0, text_length])
    return _style(fig, title=title, height=max(260, 100 + 30 * len(order)))


def co_mention_network(nodes: pd.DataFrame, edges: pd.DataFrame, *, unit: str = "sentence") -> go.Figure:
    """Actors named together: nodes at their layout position, an edge per shared ``unit``.

    ``nodes``: entity, x, y, n_mentions, category; ``edges``: source, target, weight
    (see :mod:`analysis.network`).
    """
    title = f"Co-mentions: actors named in the same {unit}"
    if nodes.empty:
        return _empty(title, "No mentions found")
    position = nodes.set_index("entity")[["x", "y"]]
    fig = go.Figure()
    max_weight = max(1, int(edges["weight"].max())) if not edges.empty else 1
    for edge in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = position.loc[edge.source], position.loc[edge.target]
        fig.add_scatter(
            x=[x0, (x0 + x1) / 2, x1], y=[y0, (y0 + y1) / 2, y1], mode="lines", showlegend=False,
            line={"width": 1 + 5 * edge.weight / max_weight, "color": "rgba(100,100,100,0.35)"},
            hoverinfo="text", text=[f"{_escape_hover(edge.source)} — {_escape_hover(edge.target)}: {edge.weight} {unit}(s)"] * 3,
        )
    frame = nodes.assign(category=_category_labels(nodes))
    for category, rows in frame.groupby("category", sort=True):
        fig.add_scatter(
            x=rows["x"], y=rows["y"], mode="markers+text", name=category, cliponaxis=False,
            text=rows["entity"].map(lambda e: _escape_hover(_preview(e, width=28))),
            hovertext=rows["entity"].map(_escape_hover),
            textposition=[_outward(x, y) for x, y in zip(rows["x"], rows["y"])], textfont={"size": 11},
            marker={"size": 12 + 4 * rows["n_mentions"].clip(upper=10), "color": color_for(category), "line": {"width": 1, "color": "white"}},
            customdata=rows[["n_mentions"]],
            hovertemplate="<b>%{hovertext}</b><br>%{customdata[0]} mention(s)<extra></extra>",
        )
    fig.update_xaxes(visible=False, range=[-2.2, 2.2])
    fig.update_yaxes(visible=False, range=[-1.25, 1.25], scaleanchor="x")
    return _style(fig, title=title, height=640)


def _outward(x: float, y: float) -> str:
    """A label position pointing away from the circle's centre, so labels do not cover edges."""
    vertical = "top" if y > 0.5 else "bottom" if y < -0.5 else "middle"
    horizontal = "right" if x > 0.2 else "left" if x < -0.2 else "center"
    return "top center" if (vertical, horizontal) == ("middle", "center") else f"{vertical} {horizontal}"


# --- corpus ------------------------------------------------------------------------------


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """A short display label per article id: "outlet · date · title", escaped for plotly."""
    def label(row: pd.Series) -> str:
        parts = [row.get("outlet"), row.get("date"), _preview(row.get("title") or row["article_id"], width=40)]
        return _escape_hover(" · ".join(str(p) for p in parts if p is not None and not pd.isna(p) and str(p)))

    return pd.Series([label(r) for _, r in articles.iterrows()], index=articles["article_id"].values)


def _outlet_labels(frame: pd.DataFrame) -> pd.Series:
    """Outlet names for axes and legends, escaped for plotly; missing ones named as such."""
    return frame["outlet"].fillna("(unknown outlet)").astype(str).map(_escape_hover)


def article_lengths(articles: pd.DataFrame) -> go.Figure:
    """Words per article, one bar each, coloured by outlet and ordered by outlet and date."""
    title = "Articles: words per article, by outlet"
    if articles.empty:
        return _empty(title, "No articles")
    frame = articles.assign(
        article=articles["article_id"].map(article_labels(articles)),
        outlet=_outlet_labels(articles),
    ).sort_values(["outlet", "date"], na_position="last")
    fig = px.bar(
        frame, x="n_words", y="article", color="outlet", orientation="h",
        color_discrete_map=color_map(_outlet_labels(articles)), category_orders={"article": frame["article"].tolist()},
        labels={"n_words": "words (whole text as loaded)", "article": ""},
    )
    return _style(fig, title=title, height=max(300, 110 + 30 * len(frame)))


def quotes_per_article(articles: pd.DataFrame, quotes: pd.DataFrame) -> go.Figure:
    """Attributions per article, by kind, grouped by outlet."""
    title = "Quotes per article, by kind"
    if articles.empty:
        return _empty(title, "No articles")
    labels = article_labels(articles)
    counts = _counts(quotes, ["article_id", "kind"], name="quotes")
    counts["article"] = counts["article_id"].map(labels)
    order = labels[articles.sort_values(["outlet", "date"], na_position="last")["article_id"]].tolist()
    if counts.empty:
        return _empty(title, "No quotes found in any article")
    fig = px.bar(
        counts, x="quotes", y="article", color="kind", orientation="h",
        color_discrete_map=color_map(counts["kind"]), category_orders={"article": order},
        labels={"article": "", "quotes": "attributions"},
    )
    return _style(fig, title=title, height=max(300, 110 + 30 * len(order)))


def metric_by_outlet(articles: pd.DataFrame, readability: pd.DataFrame, *, metric: str = DEFAULT_METRIC) -> go.Figure:
    """Each article's body score over its date, one colour per outlet (by outlet when no article has a date)."""
    title = f"Readability by outlet and date: {metric.replace('_', ' ')}"
    body = readability[readability["level"] == "body"] if "level" in readability.columns else readability
    if body.empty or metric not in body.columns:
        return _empty(title, "No readability scores")
    frame = body[["article_id", metric]].merge(articles, on="article_id", how="left")
    frame["outlet"] = _outlet_labels(frame)
    frame["date_label"] = frame["date"].fillna("").astype(str).map(_escape_hover)
    frame["when"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["title_hover"] = frame["title"].fillna(frame["article_id"]).map(_wrap)
    dated = frame[frame["when"].notna()]
    if not dated.empty:
        undated = len(frame) - len(dated)
        if undated:
            title += f" ({undated} undated article{'s' if undated > 1 else ''} not shown)"
        frame, x = dated, "when"
    else:
        x = "outlet"
    fig = px.scatter(
        frame, x=x, y=metric, color="outlet", color_discrete_map=color_map(_outlet_labels(articles)),
        custom_data=["title_hover", "outlet", "date_label"], labels={"when": "date", metric: metric.replace("_", " ")},
    )
    fig.update_traces(
        marker={"size": 12, "line": {"width": 1, "color": "white"}},
        hovertemplate="%{customdata[1]} · %{customdata[2]}<br>%{customdata[0]}<br>score %{y:.1f}<extra></extra>",
    )
    if x == "when":
        fig.update_xaxes(tickformat="%d %b %Y")
    return _style(fig, title=title, height=420)


def entity_outlet_heatmap(mentions: pd.DataFrame, articles: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Mentions of the most named actors, per outlet."""
    title = f"Most named actors across outlets (top {top})"
    if mentions.empty:
        return _empty(title, "No mentions found")
    frame = mentions.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    frame["outlet"] = _outlet_labels(frame)
    frame["entity"] = frame["entity"].astype(str).map(_escape_hover)
    leaders = frame["entity"].value_counts().head(top).index
    table = (
        frame[frame["entity"].isin(leaders)]
        .pivot_table(index="entity", columns="outlet", values="start", aggfunc="count", fill_value=0)
        .reindex(leaders)
    )
    fig = px.imshow(
        table, text_auto=True, aspect="auto", color_continuous_scale="Blues",
        labels={"x": "outlet", "y": "actor", "color": "mentions"},
    )
    return _style(fig, title=title, height=max(320, 120 + 28 * len(table)))
