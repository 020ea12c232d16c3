"""Modules the kit imports on first use (analysis.deferred): pandas is not imported by the
stages, the command line or a Dask client, and is whole wherever it is used. Cases that
look at what a process imported run in a fresh interpreter."""
from __future__ import annotations

from conftest import printed_by


def test_the_stand_in_is_pandas_from_its_first_use_on():
    assert printed_by("""
        import sys
        from analysis.deferred import pandas as pd
        before = "pandas" in sys.modules
        frame = pd.DataFrame({"a": [1, 2]})
        import pandas
        print(before, pd.DataFrame is pandas.DataFrame, type(frame) is pandas.DataFrame, pd.NA is pandas.NA)
    """) == "False True True True"


def test_an_unknown_attribute_fails_as_it_would_on_pandas():
    assert printed_by("""
        from analysis.deferred import pandas as pd
        try:
            pd.no_such_thing
        except AttributeError as error:
            print("no_such_thing" in str(error))
    """) == "True"


def test_analysing_an_article_into_a_record_and_json_lines_imports_no_pandas(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The mayor spoke on Monday. \u201cWe will vote,\u201d she said.\n", encoding="utf-8")
    assert printed_by(f"""
        import sys
        from analysis.__main__ import main
        main(["extract", {str(article)!r}, "--out", {str(tmp_path / "out.jsonl")!r}, "--jobs", "1"])
        print("pandas" in sys.modules)
    """) == "False"


def test_the_tables_still_come_as_dataframes():
    assert printed_by("""
        import pandas
        from analysis.load import from_text
        from analysis.pipeline import analyze_article
        from analysis.tables import tables_from_records
        tables = tables_from_records([analyze_article(from_text("The mayor said it rained on Monday.", id="a"))])
        print(all(isinstance(table, pandas.DataFrame) for _, table in tables.items()))
    """) == "True"
