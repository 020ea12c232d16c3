"""Encodings, non-text and broken sources, end to end through ``extract``.

tests/test_load.py covers decoding and error messages of single files; here the same
inputs go through the extract command: the record says what happened, offsets index the
decoded text, bad inputs are errors that name the file, the batch goes on and the summary
counts them, and every record survives the trip through JSON Lines.
"""
from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.extract import json_line, run_extract
from analysis.load import from_text, load_file, load_table
from analysis.pipeline import analyze_article

from record_invariants import assert_record_valid, map_record_spans, offset_map

ARTICLE = (
    "\u201cWe will comply,\u201d a spokesperson of Twitter said. Caf\u00e9 owners disagreed.\n\n"
    "The minister told reporters on Tuesday that the rules apply to every platform.\n"
)


def extract_folder(folder, out):
    summary = run_extract([folder], out=out, jobs=1)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    return summary, {r["id"]: r for r in records}


@pytest.mark.parametrize(
    "name, raw, encoding, note",
    [
        ("utf8", ARTICLE.encode("utf-8"), "utf-8", None),
        ("utf8_bom", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig", None),
        ("utf16_le_bom", ARTICLE.encode("utf-16-le").join([b"\xff\xfe", b""]), "utf-16", None),
        ("utf16_be_bom", ARTICLE.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16", None),
        ("cp1252", ARTICLE.encode("cp1252"), "cp1252", "decoded as cp1252"),
        ("latin1", ARTICLE.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"), "cp1252", "decoded as cp1252"),
    ],
)
def test_every_encoding_gives_the_same_analysis_and_reports_fallbacks(tmp_path, name, raw, encoding, note):
    (tmp_path / f"{name}.txt").write_bytes(raw)
    summary, records = extract_folder(tmp_path, tmp_path / "out.jsonl")
    record = records[name]
    assert summary.n_errors == 0 and record["error"] is None
    assert record["encoding"] == encoding
    assert (note is None and record["notes"] == []) or any(note in n for n in record["notes"])
    assert_record_valid(record)
    expected_text = ARTICLE if name != "latin1" else ARTICLE.replace("\u201c", '"').replace("\u201d", '"')
    assert record["text"] == expected_text
    assert record["sentences"] == analyze_article(from_text(expected_text))["sentences"]


def test_crlf_file_keeps_its_offsets_and_gives_the_lf_result(tmp_path):
    (tmp_path / "lf.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    _, records = extract_folder(tmp_path, tmp_path / "out.jsonl")
    crlf = records["crlf"]
    assert crlf["text"] == ARTICLE.replace("\n", "\r\n")
    assert_record_valid(crlf)
    assert map_record_spans(records["lf"], offset_map(ARTICLE)) == map_record_spans(crlf, lambda o: o)
    assert all("\r" not in crlf["text"][s:e] for s, e, _ in crlf["sentences"])


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty article"),
        (b"\r\n\t  \r\n", "only white space"),
        ("\u3000\u00a0\u2028".encode("utf-8"), "only white space"),
        (b"\x00" * 64, "NUL bytes"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18]) * 10 + b"some words", "mostly control characters"),
        ("\ufeff".encode("utf-8"), "empty article"),
    ],
    ids=["empty", "whitespace", "unicode-whitespace", "nul", "zip-like", "control-chars", "bom-only"],
)
def test_binary_and_blank_files_are_errors_naming_the_file_and_the_batch_goes_on(tmp_path, raw, message):
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(raw)
    (tmp_path / "c_good.txt").write_text(ARTICLE, encoding="utf-8")
    summary, records = extract_folder(tmp_path, tmp_path / "out.jsonl")
    assert summary.n_articles == 3 and summary.n_errors == 1
    error = records["b_bad"]["error"]
    assert message in error and str(tmp_path / "b_bad.txt") in error and "\n" not in error
    assert records["b_bad"]["sentences"] == [] and records["a_good"]["error"] is None


def test_folder_named_like_an_article_is_an_unreadable_error_naming_it(tmp_path):
    bad = tmp_path / "x.txt"
    bad.mkdir()
    article = load_file(bad)
    assert article.error == f"{bad}: unreadable: Is a directory"
    assert analyze_article(article)["error"] == article.error


@pytest.mark.parametrize("kind", ["dangling-symlink", "chmod-000"])
def test_unreadable_file_in_a_folder_is_counted_not_lost(tmp_path, kind):
    """Regression: a dangling symlink was skipped silently. (As root, chmod 000 still reads.)"""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    bad = folder / "bad.txt"
    if kind == "dangling-symlink":
        bad.symlink_to(tmp_path / "gone.txt")
    else:
        bad.write_text(ARTICLE, encoding="utf-8")
        bad.chmod(0)
        if os.access(bad, os.R_OK):
            pytest.skip("running as root: a chmod 000 file is still readable")
    summary, records = extract_folder(folder, tmp_path / "out.jsonl")
    assert sorted(records) == ["bad", "good"] and records["good"]["error"] is None
    assert summary.n_errors == 1 and records["bad"]["error"].startswith(f"{bad}: unreadable: ")


@pytest.mark.parametrize(
    "setup, expected",
    [
        ("unknown-format", "unknown format .docx"),
        ("missing-text-column", "no text column"),
        ("missing-path", "no such file or folder"),
    ],
)
def test_usage_errors_are_one_line_naming_the_source(tmp_path, capsys, setup, expected):
    if setup == "unknown-format":
        source = tmp_path / "notes.docx"
        source.write_bytes(b"PK\x03\x04")
    elif setup == "missing-text-column":
        source = tmp_path / "corpus.csv"
        pd.DataFrame({"headline": ["x"], "outlet": ["y"]}).to_csv(source, index=False)
    else:
        source = tmp_path / "nowhere.txt"
    assert main(["extract", str(source), "--out", str(tmp_path / "out.jsonl")]) == 2
    stderr = capsys.readouterr().err.strip()
    assert len(stderr.splitlines()) == 1 and expected in stderr
    assert setup == "missing-text-column" or str(source) in stderr


def test_table_rows_without_text_are_counted_and_the_rest_analysed(tmp_path):
    source = tmp_path / "corpus.jsonl"
    rows = [{"id": "ok", "text": ARTICLE}, {"id": "none", "text": None}, {"id": "num", "text": 42}, {"id": "blank", "text": " \n"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = run_extract([source], out=tmp_path / "out.jsonl", jobs=1)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert [r["id"] for r in records] == ["ok", "none", "num", "blank"]
    assert summary.n_articles == 4 and summary.n_errors == 3
    assert all(f"row {n}" in records[n]["error"] for n in (1, 2, 3))


@pytest.mark.parametrize(
    "text",
    ["Line\u2028separator.", "Para\u2029graph.", "Next\x85line.", "Unpaired \ud800 surrogate.", "Record\x1eseparator."],
    ids=["u2028", "u2029", "nel", "surrogate", "record-separator"],
)
def test_json_line_is_one_line_of_utf8_that_reads_back_exactly(text):
    """Regression: U+2028/U+2029/NEL split a record under str.splitlines(); a surrogate crashed the write."""
    record = analyze_article(from_text(text))
    line = json_line(record)
    assert line.endswith("\n") and len(line.splitlines()) == 1
    line.encode("utf-8")
    assert json.loads(line) == record


def corpus_table_bytes(suffix: str, encoding: str) -> bytes:
    table = pd.DataFrame({"id": ["caf"], "title": ["Caf\u00e9 \u201cnews\u201d"], "text": [ARTICLE]})
    if suffix == ".csv":
        return table.to_csv(index=False).encode(encoding)
    return table.to_json(orient="records", lines=True, force_ascii=False).encode(encoding)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize(
    "encoding, expected, note",
    [("utf-8", "utf-8", None), ("utf-8-sig", "utf-8-sig", None), ("utf-16", "utf-16", None), ("cp1252", "cp1252", "decoded as cp1252")],
)
def test_corpus_tables_decode_like_article_files_and_report_fallbacks(tmp_path, suffix, encoding, expected, note):
    source = tmp_path / f"corpus{suffix}"
    source.write_bytes(corpus_table_bytes(suffix, encoding))
    out = tmp_path / "out.jsonl"
    summary = run_extract([source], out=out, jobs=1)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert summary.n_errors == 0 and record["error"] is None
    assert record["text"] == ARTICLE and record["title"] == "Caf\u00e9 \u201cnews\u201d"
    assert record["encoding"] == expected
    assert (note is None and record["notes"] == []) or any(note in n for n in record["notes"])
    (article,) = load_table(source)
    assert (article.text, article.encoding, article.notes) == (ARTICLE, expected, tuple(record["notes"]))
