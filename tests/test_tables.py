"""Records → tidy tables: the DESIGN.md columns, spans, locations, entities, readability levels."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.load import from_text
from analysis.pipeline import analyze_article
from analysis.segment import paragraphs_table, segment, sentences_table
from analysis.tables import (
    TABLE_NAMES, arrow_errors, arrow_schema, arrow_table, arrow_table_from_rows, table_rows, tables_from_records, tables_from_rows,
)

DESIGN_COLUMNS = {
    "articles": ["article_id", "title", "outlet", "date", "url", "n_chars", "n_words", "error"],
    "paragraphs": ["article_id", "paragraph", "start", "end", "text", "is_body"],
    "sentences": ["article_id", "sentence", "paragraph", "start", "end", "text", "is_body"],
    "quotes": [
        "article_id", "quote", "kind", "content_start", "content_end", "content_spans", "content", "cue_start", "cue_end", "cue",
        "speaker_start", "speaker_end", "speaker", "speaker_entity", "rule", "confidence", "sentence", "paragraph",
    ],
    "mentions": ["article_id", "entity", "surface", "type", "category", "start", "end", "sentence", "paragraph", "role"],
    "entities": ["article_id", "entity", "type", "category", "aliases", "n_mentions", "n_quotes", "first_start"],
    "readability": ["article_id", "level", "unit", "flesch_reading_ease", "lexicon_count", "flags"],
}

TEXT = (
    "Mayor Ann Lee said the vote is off. \u201cWe will wait,\u201d she said, \u201cfor the court.\u201d\n"
    "Twitter did not reply.\n"
    "Read more: other news\n"
)


def span_of(part: str, *, after: int = 0) -> list[int]:
    start = TEXT.index(part, after)
    return [start, start + len(part)]


def hand_made_record() -> dict:
    first_line_end = TEXT.index("\n")
    second_start = first_line_end + 1
    second_end = TEXT.index("\n", second_start)
    footer = span_of("Read more: other news")
    said = span_of("said", after=40)
    return {
        "id": "a1", "title": "Vote off", "outlet": "Daily", "date": "2026-11-27", "url": None, "text": TEXT, "error": None,
        "body": [0, second_end],
        "boilerplate": [[*footer, "read_more"]],
        "paragraphs": [[0, first_line_end], [second_start, second_end], footer],
        "sentences": [[0, 35, 0], [36, first_line_end, 0], [second_start, second_end, 1], [*footer, 2]],
        "quotes": [{
            "kind": "direct", "content": [span_of("We will wait,"), span_of("for the court.")], "cue": said,
            "speaker": span_of("she"), "speaker_entity": "Ann Lee", "rule": "split-quote", "confidence": 0.9,
        }],
        "mentions": [
            {"entity": "Ann Lee", "type": "PERSON", "category": "official", "surface": "Mayor Ann Lee", "span": span_of("Mayor Ann Lee"), "role": "mentioned"},
            {"entity": "Ann Lee", "type": "PERSON", "category": "official", "surface": "she", "span": span_of("she"), "role": "speaker"},
            {"entity": "Twitter", "type": "ORG", "category": None, "surface": "Twitter", "span": span_of("Twitter"), "role": "mentioned"},
        ],
        "readability": {
            "flesch_reading_ease": 80.5, "lexicon_count": 20, "flags": ["short"],
            "voices": {"quoted": {"flesch_reading_ease": 90.0, "lexicon_count": 6, "flags": []},
                       "narrative": {"flesch_reading_ease": 75.0, "lexicon_count": 14, "flags": []}},
        },
    }


@pytest.fixture(scope="module")
def tables():
    return tables_from_records([hand_made_record()])


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_table_has_the_design_columns(tables, name):
    assert list(getattr(tables, name).columns) == DESIGN_COLUMNS[name]


def test_quote_row_spans_its_discontinuous_content_and_names_cue_and_speaker(tables):
    (quote,) = tables.quotes.to_dict("records")
    assert TEXT[quote["content_start"]:quote["content_end"]].startswith("We will wait,")
    assert TEXT[quote["content_start"]:quote["content_end"]].endswith("for the court.")
    assert [TEXT[s:e] for s, e in quote["content_spans"]] == ["We will wait,", "for the court."]
    assert quote["content"] == "We will wait, … for the court."
    assert (quote["cue"], quote["speaker"], quote["speaker_entity"]) == ("said", "she", "Ann Lee")
    assert TEXT[quote["cue_start"]:quote["cue_end"]] == "said"
    assert (quote["sentence"], quote["paragraph"]) == (1, 0)


@pytest.mark.parametrize(("surface", "expected_sentence", "expected_paragraph"), [
    ("Mayor Ann Lee", 0, 0),
    ("she", 1, 0),
    ("Twitter", 2, 1),
])
def test_mention_rows_know_their_sentence_and_paragraph(tables, surface, expected_sentence, expected_paragraph):
    row = tables.mentions.set_index("surface").loc[surface]
    assert TEXT[row["start"]:row["end"]] == surface
    assert (row["sentence"], row["paragraph"]) == (expected_sentence, expected_paragraph)


def test_entity_rows_count_mentions_and_quotes_and_list_aliases(tables):
    rows = tables.entities.to_dict("records")
    assert [r["entity"] for r in rows] == ["Ann Lee", "Twitter"]
    ann, twitter = rows
    assert (ann["aliases"], ann["n_mentions"], ann["n_quotes"], ann["first_start"]) == (["Mayor Ann Lee", "she"], 2, 1, 0)
    assert (twitter["type"], pd.isna(twitter["category"]), twitter["n_quotes"]) == ("ORG", True, 0)


def test_entity_type_is_the_one_most_named_mentions_have():
    record = hand_made_record()
    record["mentions"].append(
        {"entity": "Twitter", "type": "ROLE", "category": "company_platform", "surface": "the platform", "span": span_of("did not"), "role": "mentioned"}
    )
    twitter = tables_from_records([record]).entities.set_index("entity").loc["Twitter"]
    assert (twitter["type"], twitter["n_mentions"], twitter["aliases"]) == ("ORG", 2, ["Twitter", "the platform"])


def test_boilerplate_paragraph_and_sentence_are_not_body(tables):
    assert tables.paragraphs["is_body"].tolist() == [True, True, False]
    assert tables.sentences["is_body"].tolist() == [True, True, True, False]
    assert tables.paragraphs["text"].iloc[2] == "Read more: other news"


@pytest.mark.parametrize("readability, expected_rows", [
    ({"flesch_reading_ease": 80.5, "lexicon_count": 20, "flags": ["short"]}, [("body", 0, 80.5, 20.0, ["short"])]),
    ({}, []),
    (
        {"flesch_reading_ease": 70.0, "lexicon_count": 9, "flags": [],
         "voices": {"quoted": {"flesch_reading_ease": None, "lexicon_count": 0, "flags": ["empty_text"]},
                    "narrative": {"flesch_reading_ease": 71.5, "lexicon_count": 9, "flags": []}}},
        [("body", 0, 70.0, 9.0, []), ("quoted", 0, None, 0.0, ["empty_text"]), ("narrative", 0, 71.5, 9.0, [])],
    ),
    (
        {"lexicon_count": 9, "paragraphs": [{"lexicon_count": 5, "flags": ["long"]}, {"lexicon_count": 4}]},
        [("body", 0, None, 9.0, []), ("paragraph", 0, None, 5.0, ["long"]), ("paragraph", 1, None, 4.0, [])],
    ),
])
def test_readability_rows_follow_the_levels_of_the_record(readability, expected_rows):
    record = hand_made_record() | {"readability": readability}
    table = tables_from_records([record], metrics=["flesch_reading_ease", "lexicon_count"]).readability
    rows = [
        (r["level"], r["unit"], None if pd.isna(r["flesch_reading_ease"]) else r["flesch_reading_ease"], r["lexicon_count"], r["flags"])
        for r in table.to_dict("records")
    ]
    assert rows == expected_rows


def test_an_error_record_gives_an_article_row_with_its_error_and_nothing_else():
    record = analyze_article(from_text("", id="empty"))
    tables = tables_from_records([record])
    assert tables.articles[["article_id", "n_chars", "error"]].values.tolist() == [["empty", 0, "empty article: no text"]]
    assert all(len(getattr(tables, name)) == 0 for name in TABLE_NAMES if name != "articles")


def test_rows_of_batches_joined_give_the_tables_of_all_records():
    first = hand_made_record()
    second = hand_made_record() | {"id": "a2", "quotes": [], "mentions": [], "error": "analysis failed: boom"}
    metrics = ["flesch_reading_ease", "lexicon_count"]
    whole = tables_from_records([first, second], metrics=metrics)
    rows = table_rows([first], metrics=metrics)
    for name, more in table_rows([second], metrics=metrics).items():
        rows[name].extend(more)
    assert arrow_errors(arrow_table_from_rows("articles", rows["articles"], metrics=metrics)) == 1
    for name, table in tables_from_rows(rows, metrics=metrics).items():
        pd.testing.assert_frame_equal(table, getattr(whole, name))


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_arrow_tables_from_rows_equal_the_tables_through_pandas_metadata_included(name):
    records = [hand_made_record(), hand_made_record() | {"id": "a2", "quotes": [], "error": "analysis failed: boom"}]
    metrics = ["flesch_reading_ease", "lexicon_count"]
    rows = table_rows(records, metrics=metrics)[name]
    direct = arrow_table_from_rows(name, rows, metrics=metrics)
    through_pandas = arrow_table(getattr(tables_from_records(records, metrics=metrics), name), name=name, metrics=metrics)
    assert direct.num_rows == len(rows) and (name != "quotes" or direct.num_rows > 0)
    assert direct.equals(through_pandas) and direct.schema.equals(through_pandas.schema, check_metadata=True)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_empty_tables_keep_their_dtypes_and_fit_the_parquet_schema(name):
    import pyarrow as pa

    table = getattr(tables_from_records([], metrics=["lexicon_count"]), name)
    converted = pa.Table.from_pandas(table, schema=arrow_schema(name, metrics=["lexicon_count"]), preserve_index=False)
    assert converted.num_rows == 0 and table.columns.tolist() == converted.schema.names


def test_paragraph_and_sentence_tables_agree_with_segment(bundled_text):
    record = analyze_article(from_text(bundled_text, id="ndtv"))
    tables = tables_from_records([record])
    segments = segment(bundled_text)
    expected_paragraphs = paragraphs_table(bundled_text, segments, article_id="ndtv")
    expected_sentences = sentences_table(bundled_text, segments, article_id="ndtv")
    assert not tables.paragraphs["is_body"].all()  # the bundled article has boilerplate
    assert tables.paragraphs.astype(object).values.tolist() == expected_paragraphs.astype(object).values.tolist()
    assert tables.sentences.astype(object).values.tolist() == expected_sentences.astype(object).values.tolist()
