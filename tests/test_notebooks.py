"""Every notebook runs top to bottom (default input and a hostile article) and exports offline HTML."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import report
from report_runs import HOSTILE_NOTEBOOKS, default_runs, hostile_runs

NOTEBOOKS = [p.stem for p in report.notebook_paths()]


def test_there_are_five_numbered_notebooks():
    assert NOTEBOOKS == [
        "01_load_and_segment", "02_quote_attribution", "03_readability", "04_source_mentions", "05_corpus",
    ]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_without_outputs_and_with_a_parameters_cell(name):
    notebook = json.loads((report.NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    code_cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code_cells)
    first = code_cells[0]
    assert "parameters" in first["metadata"].get("tags", [])
    assert "INPUT = " in "".join(first["source"])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_on_the_default_input_without_error(name):
    run = default_runs()[name]
    assert run.error is None, run.error


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exported_report_has_plotly_inline_and_no_external_script(name):
    page = Path(default_runs()[name].html).read_text(encoding="utf-8")
    assert "Plotly.newPlot" in page
    assert "plotly.js v" in page  # the library itself, not a link to it
    assert report.external_scripts(page) == []


@pytest.mark.parametrize("name", HOSTILE_NOTEBOOKS)
def test_notebook_runs_on_an_article_full_of_markup(name):
    run = hostile_runs()[name]
    assert run.error is None, run.error


@pytest.mark.parametrize(
    "page, expected",
    [
        ('<script src="https://cdn.example/x.js"></script>', ['<script src="https://']),
        ("<script src='//cdn.example/x.js'></script>", ["<script src='//"]),
        ("<script>var a = 'https://x';</script>", []),
        ('<script type="module">import "./local.js"</script>', []),
    ],
)
def test_external_scripts_finds_only_scripts_loaded_from_elsewhere(page, expected):
    assert report.external_scripts(page) == expected


@pytest.mark.parametrize("given, default, expected", [(None, "../data/articles", "../data/articles"), ("/data/x.csv", "../data/articles", "/data/x.csv"), (None, ["a", "b"], ["a", "b"])])
def test_notebook_input_prefers_the_environment_variable(monkeypatch, given, default, expected):
    monkeypatch.delenv(report.INPUT_ENV, raising=False)
    if given:
        monkeypatch.setenv(report.INPUT_ENV, given)
    assert report.notebook_input(default) == expected


def test_kernel_environment_puts_this_checkout_first_and_passes_an_absolute_input(tmp_path):
    env = report.kernel_environment(str(tmp_path / "in.csv"))
    assert env["PYTHONPATH"].split(":")[0] == str(report.REPO_ROOT)
    assert env[report.INPUT_ENV] == str((tmp_path / "in.csv").resolve())
    assert report.INPUT_ENV not in report.kernel_environment(None)
