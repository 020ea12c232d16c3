"""The kit defers NLTK's import (analysis.lazy_nltk): no NLTK code runs for the pipeline,
and NLTK is whole for code that uses it. Each case runs in a fresh interpreter, since the
deferral only acts before NLTK is first imported."""
from __future__ import annotations

import pytest

from conftest import printed_by



def test_the_pipeline_runs_no_nltk_code():
    assert printed_by("""
        import sys
        from analysis.load import from_text
        from analysis.pipeline import analyze_article
        record = analyze_article(from_text('The mayor said "no vote today" on Monday. It rained.', id="a"))
        print(record["error"], record["readability"]["lexicon_count"] > 0, sorted(m for m in sys.modules if m.startswith("nltk")))
    """) == "None True ['nltk']"


@pytest.mark.parametrize("first_use", [
    "import nltk.tokenize",  # a submodule first: NLTK's __init__ must still run before it
    "from nltk import wordpunct_tokenize",
    "import nltk; nltk.wordpunct_tokenize",
])
def test_nltk_is_whole_at_its_first_use_after_the_kit_deferred_it(first_use):
    assert printed_by(f"""
        import analysis.pipeline
        {first_use}
        import nltk
        from nltk.tokenize import wordpunct_tokenize
        print(wordpunct_tokenize("state-run"), bool(nltk.__version__))
    """) == "['state', '-', 'run'] True"


def test_an_attribute_set_before_nltk_is_used_is_kept():
    assert printed_by("""
        import analysis.syllables
        import nltk
        nltk.download = "replaced"
        print(bool(nltk.__version__), nltk.download)
    """) == "True replaced"


def test_an_nltk_imported_before_the_kit_is_left_as_it_is():
    assert printed_by("""
        import nltk
        imported = nltk
        import analysis.syllables
        import sys
        print(sys.modules["nltk"] is imported, "nltk.tokenize" in sys.modules)
    """) == "True True"
