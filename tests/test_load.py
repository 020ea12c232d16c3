"""Loading: every format, text kept byte for byte, encodings, clear errors."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.load import LoadError, articles_table, decode_bytes, from_text, load, load_file

from conftest import BUNDLED_ARTICLE, REPO_ROOT


def test_txt_file_text_is_the_decoded_file_unchanged():
    article = load_file(BUNDLED_ARTICLE)
    assert article.text == BUNDLED_ARTICLE.read_bytes().decode("utf-8")
    assert article.error is None and article.encoding == "utf-8"


def test_text_keeps_crlf_quotes_and_surrounding_space(tmp_path):
    raw = '  \u201cQuoted,\u201d she said.\r\n\r\nNext  paragraph.\t\n'
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert load_file(path).text == raw


def test_from_text_keeps_string_and_gives_stable_id():
    first, second = from_text("Same text."), from_text("Same text.")
    assert first.text == "Same text." and first.id == second.id
    assert from_text("x", id="mine", outlet="NDTV").outlet == "NDTV"


@pytest.mark.parametrize(
    "raw, expected_encoding",
    [
        ("caf\u00e9 \u2014 ok".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "caf\u00e9".encode("utf-8"), "utf-8-sig"),
        ("caf\u00e9".encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_silently(raw, expected_encoding):
    text, encoding, notes = decode_bytes(raw)
    assert text.startswith("caf\u00e9") and encoding == expected_encoding and notes == ()


def test_legacy_encoding_fallback_is_reported():
    text, encoding, notes = decode_bytes("\u201cSmart\u201d caf\u00e9".encode("cp1252"))
    assert text == "\u201cSmart\u201d caf\u00e9" and encoding == "cp1252"
    assert notes and "cp1252" in notes[0]


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty"),
        (b"  \n\t \n", "white space"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(1, 9)) * 20, "binary"),
    ],
)
def test_empty_and_binary_files_are_errors_not_text(tmp_path, raw, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    article = load_file(path)
    assert article.error and message in article.error and str(path) in article.error


def test_html_main_text_is_extracted_and_never_executed(tmp_path):
    body = " ".join(["The council approved the budget on Tuesday after a long debate."] * 6)
    html = (
        "<html><head><title>Budget</title><script>document.write('PWNED')</script></head>"
        f"<body><nav>Home | World | Sport</nav><article><h1>Budget passes</h1><p>{body}</p>"
        "<p>\u201cIt is a fair budget,\u201d the mayor said.</p></article><footer>Copyright 2024</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = load_file(path)
    assert article.error is None
    assert "council approved the budget" in article.text
    assert "PWNED" not in article.text and "<p>" not in article.text


def test_html_without_main_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>alert(1)</script></body></html>", encoding="utf-8")
    assert load_file(path).error


def test_folder_loads_sorted_files_with_index_metadata():
    articles = load(REPO_ROOT / "data" / "articles")
    assert [a.id for a in articles] == ["ndtv-twitter-child-safety"]
    assert articles[0].outlet == "NDTV" and dict(articles[0].extra)["topic"]


def _corpus_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a1", "a2", "a3"],
            "text": ["First article.  ", "Second \u201carticle\u201d.\r\n", "   "],
            "outlet": ["X", "Y", None],
            "section": ["politics", "", "world"],
        }
    )


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_corpus_tables_load_every_row_with_text_unchanged(tmp_path, suffix):
    frame = _corpus_frame()
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in frame.to_dict("records")), encoding="utf-8")
    else:
        frame.to_parquet(path)
    articles = load(path)
    assert [a.id for a in articles] == ["a1", "a2", "a3"]
    assert articles[0].text == "First article.  " and articles[1].text == "Second \u201carticle\u201d.\r\n"
    assert articles[1].outlet == "Y" and dict(articles[0].extra) == {"section": "politics"}
    assert articles[2].error and "white space" in articles[2].error


def test_dataframe_without_ids_gets_row_ids_and_missing_text_is_an_error():
    articles = load(pd.DataFrame({"body": ["Some text.", None]}))
    assert [a.id for a in articles] == ["row-0", "row-1"]
    assert articles[1].error and "missing" in articles[1].error


def test_table_without_text_column_is_a_usage_error(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"headline": ["x"]}).to_csv(path, index=False)
    with pytest.raises(LoadError, match="no text column"):
        load(path)


@pytest.mark.parametrize("name", ["missing.txt", "notes.docx"])
def test_missing_path_and_unknown_format_are_usage_errors(tmp_path, name):
    if name.endswith(".docx"):
        (tmp_path / name).write_bytes(b"PK")
    with pytest.raises(LoadError):
        load(tmp_path / name)


def test_articles_table_has_the_documented_columns():
    table = articles_table([from_text("One two three.", id="a")])
    assert list(table.columns[:6]) == ["article_id", "title", "outlet", "date", "url", "path"]
    assert table.loc[0, "n_words"] == 3 and pd.isna(table.loc[0, "error"])
