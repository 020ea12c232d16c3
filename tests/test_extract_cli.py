"""The extract command: JSON Lines records in input order, errors kept, usage errors exit non-zero."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.__main__ import main
from analysis.pipeline import RECORD_KEYS

from conftest import BUNDLED_ARTICLE, REPO_ROOT


def read_records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_writes_one_record_per_article_with_every_key(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(BUNDLED_ARTICLE), "--out", str(out), "--jobs", "1"]) == 0
    (record,) = read_records(out)
    assert tuple(record) == RECORD_KEYS
    assert record["text"] == BUNDLED_ARTICLE.read_text(encoding="utf-8")
    assert record["error"] is None
    text = record["text"]
    assert text[: record["body"][1]].endswith("incorrect map of India on the site.")
    assert all(0 <= s < e <= len(text) for s, e, _ in record["sentences"])
    assert all(kind for _, _, kind in record["boilerplate"])


def test_bad_articles_are_written_with_their_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text("A fine article. It has two sentences.", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "d_good.txt").write_text("Another fine article.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path), "--out", str(out), "--jobs", "1"]) == 0
    records = read_records(out)
    assert [r["id"] for r in records] == ["a_good", "b_empty", "c_binary", "d_good"]
    assert [r["error"] is None for r in records] == [True, False, False, True]


def test_output_does_not_depend_on_jobs(tmp_path):
    for number in range(7):
        (tmp_path / f"art{number}.txt").write_text(f"Article {number} says hello. \u201cQuote {number},\u201d he said.\n" * (number + 1), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(tmp_path), "--out", str(one), "--jobs", "1"]) == 0
    assert main(["extract", str(tmp_path), "--out", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("args", [["extract", "no/such/file.txt", "--out", "x.jsonl"], ["extract", "--out", "x.jsonl"]])
def test_usage_errors_exit_non_zero_with_one_line(tmp_path, args):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", *args], cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert result.stderr.strip() and not (tmp_path / "x.jsonl").exists()


def test_unknown_format_is_a_usage_error(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    assert main(["extract", str(tmp_path / "doc.pdf"), "--out", str(tmp_path / "o.jsonl")]) == 2
