"""Property tests: on any text, the whole pipeline gives valid, stable, offset-exact records.

Texts are generated from a mix of words, every kind of quotation mark, punctuation, line
breaks (LF, CRLF, lone CR, U+2028, NEL), Devanagari/Bengali/Kannada/Arabic words, emoji,
control and format characters, boilerplate phrases and arbitrary Unicode. Settings come
from the hypothesis profile that ``conftest.py`` loads (``HYPOTHESIS_PROFILE``).
"""
from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis.extract import extract_records, write_jsonl
from analysis.load import from_text
from analysis.pipeline import analyze_article

from record_invariants import assert_record_valid, map_record_spans, offset_map

WORDS = [
    "said", "says", "told", "according to", "The", "the", "he", "she", "they", "Twitter",
    "India", "Mr.", "Dr.", "U.S.", "e.g.", "minister", "A spokesperson", "a", "A", "x", "42", "3.5",
]
QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''"]
PUNCTUATION = [",", ".", "...", "!", "?", ";", ":", "\u2014", "-", "(", ")", "[", "]", "*", "#", "|", "\u2026"]
BREAKS = [" ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u2028", "\x85", "\x0c"]
SCRIPTS = [
    "\u092d\u093e\u0930\u0924",  # भारत
    "\u0938\u0930\u0915\u093e\u0930 \u0928\u0947 \u0915\u0939\u093e",  # सरकार ने कहा
    "\u0964", "\u0965",  # । ॥
    "\u09ac\u09be\u0982\u09b2\u09be\u09a6\u09c7\u09b6",  # বাংলাদেশ
    "\u0c95\u0ca8\u0ccd\u0ca8\u0ca1",  # ಕನ್ನಡ
    "\u0642\u0627\u0644",  # قال (right to left)
    "\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1ee\U0001f1f3",
]
ODD_CHARACTERS = ["\x00", "\x07", "\x1b", "\x1f", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0301", "\ufffd"]
BOILERPLATE = [
    "Follow us on Twitter", "Read more:", "Also read: ", "Copyright 2024", "Advertisement",
    "Track Latest News Live on NDTV.com", "By Jane Doe", "(This story has not been edited by NDTV staff)",
    "Budget Passes After Long Debate In Council Chamber On Tuesday Night",
]
TOKENS = WORDS + QUOTE_MARKS + PUNCTUATION + BREAKS + SCRIPTS + ODD_CHARACTERS + BOILERPLATE


def article_texts(*, unicode: st.SearchStrategy[str] = st.text(max_size=6)) -> st.SearchStrategy[str]:
    """Article-like strings: mostly tokens above, some arbitrary Unicode runs."""
    piece = st.one_of(st.sampled_from(TOKENS), st.sampled_from(TOKENS), unicode)
    return st.lists(piece, max_size=80).map("".join)


def lf_texts() -> st.SearchStrategy[str]:
    """Article-like strings with LF line ends only (no CR anywhere)."""
    no_cr = st.text(alphabet=st.characters(blacklist_characters="\r"), max_size=6)
    return article_texts(unicode=no_cr).map(lambda text: text.replace("\r", ""))


def control_share(text: str) -> float:
    return sum(ord(ch) < 32 and ch not in "\t\n\r\f\v" for ch in text) / max(1, len(text))


@given(article_texts())
def test_every_span_indexes_the_text_and_sits_where_the_record_says(text):
    assert_record_valid(analyze_article(from_text(text)))


@given(article_texts())
def test_same_input_gives_the_same_record(text):
    article = from_text(text)
    assert analyze_article(article) == analyze_article(article)


@given(article_texts())
def test_errors_only_for_blank_or_binary_text(text):
    record = analyze_article(from_text(text))
    if not text.strip():
        assert record["error"] and record["error"].startswith("empty article")
    elif control_share(text) < 0.05:
        assert record["error"] is None
    else:
        assert record["error"] is None or "binary content" in record["error"]


@given(lf_texts())
def test_crlf_keeps_offsets_and_changes_no_result(lf_text):
    # The binary-content test is a share of characters: CRs added near its threshold dilute it.
    assume(control_share(lf_text) < 0.05)
    crlf_text = lf_text.replace("\n", "\r\n")
    lf_record = analyze_article(from_text(lf_text))
    crlf_record = analyze_article(from_text(crlf_text))
    assert (lf_record["error"] is None) == (crlf_record["error"] is None)
    if lf_record["error"] is None:
        assert_record_valid(crlf_record)
        assert map_record_spans(lf_record, offset_map(lf_text)) == map_record_spans(crlf_record, lambda o: o)


ANY_CHARACTER = st.characters(codec=None, blacklist_categories=())  # surrogates too


@settings(max_examples=50)
@given(st.lists(st.one_of(article_texts(), st.text(alphabet=ANY_CHARACTER, max_size=40)), min_size=1, max_size=4))
def test_no_exception_escapes_extract_for_any_string(tmp_path_factory, texts):
    """Any Python string, unpaired surrogates included, yields one JSON line giving it back."""
    articles = [from_text(text, id=f"a{number}") for number, text in enumerate(texts)]
    out = tmp_path_factory.mktemp("extract") / "out.jsonl"
    count, _ = write_jsonl(extract_records(articles, jobs=1), out)
    assert count == len(texts)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == texts


@pytest.mark.parametrize(
    "text, expected_sentences",
    [
        (
            "\u092d\u093e\u0930\u0924 \u090f\u0915 \u0926\u0947\u0936 \u0939\u0948\u0964 \u092f\u0939 \u092c\u0921\u093c\u093e \u0939\u0948\u0964",
            ["\u092d\u093e\u0930\u0924 \u090f\u0915 \u0926\u0947\u0936 \u0939\u0948\u0964", "\u092f\u0939 \u092c\u0921\u093c\u093e \u0939\u0948\u0964"],
        ),
        (
            "\u0986\u09ae\u09bf \u09ad\u09be\u09a4 \u0996\u09be\u0987\u0964 \u09a4\u09c1\u09ae\u09bf \u0995\u09c7?",
            ["\u0986\u09ae\u09bf \u09ad\u09be\u09a4 \u0996\u09be\u0987\u0964", "\u09a4\u09c1\u09ae\u09bf \u0995\u09c7?"],
        ),
        (
            "\u0cb0\u0cbe\u0cae \u0cac\u0c82\u0ca6\u0ca8\u0cc1\u0965 \u0cb8\u0cc0\u0ca4\u0cc6 \u0cac\u0c82\u0ca6\u0cb3\u0cc1\u0965",
            ["\u0cb0\u0cbe\u0cae \u0cac\u0c82\u0ca6\u0ca8\u0cc1\u0965", "\u0cb8\u0cc0\u0ca4\u0cc6 \u0cac\u0c82\u0ca6\u0cb3\u0cc1\u0965"],
        ),
    ],
    ids=["devanagari-danda", "bengali-danda-question", "kannada-double-danda"],
)
def test_indic_text_splits_on_danda_and_readability_says_unsupported(text, expected_sentences):
    record = analyze_article(from_text(text))
    assert_record_valid(record)
    assert [text[s:e] for s, e, _ in record["sentences"]] == expected_sentences
    readability = record["readability"]
    assert "unsupported_language" in readability["flags"]
    assert readability["flesch_reading_ease"] is None and readability["gunning_fog"] is None


@given(st.lists(st.sampled_from(SCRIPTS + [" ", "\n", ", ", "\u201c", "\u201d"]), min_size=1, max_size=60).map("".join))
def test_non_latin_text_never_breaks_any_analysis(text):
    record = analyze_article(from_text(text))
    assert record["error"] is None or record["error"].startswith("empty article")
    assert_record_valid(record)
