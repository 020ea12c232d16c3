"""The exported reports in headless Chromium: every chart draws, no script errors, markup stays text.

Uses Debian's chromium (``make browser`` installs it) through Playwright's Python package;
it never downloads a browser. Skips with the reason when either is missing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from report_runs import HOSTILE_NOTEBOOKS, HOSTILE_OUTLET, HOSTILE_TITLE, default_runs, hostile_runs

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NOTEBOOKS = ["01_load_and_segment", "02_quote_attribution", "03_readability", "04_source_mentions", "05_corpus"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` as root (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_report(browser, html: str):
    """Open a report offline; return the page and the console errors and page errors seen."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Nothing may come from the network: a report must open offline.
    page.route("http*://**", lambda route: (errors.append(f"network request: {route.request.url}"), route.abort()))
    page.goto(Path(html).resolve().as_uri())
    page.wait_for_load_state("load")
    return page, errors


def _report(runs: dict, name: str) -> str:
    run = runs[name]
    if run.error:
        pytest.fail(f"{name} did not run: {run.error}")
    return run.html


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_chart_in_the_report_draws_without_script_errors(browser, name):
    page, errors = open_report(browser, _report(default_runs(), name))
    charts = page.locator(".plotly-graph-div")
    count = charts.count()
    assert count >= 1
    page.wait_for_function(f"document.querySelectorAll('.plotly-graph-div .main-svg').length >= {count}", timeout=20000)
    for index in range(count):
        assert charts.nth(index).locator(".main-svg").count() >= 1, f"chart {index} of {name} drew nothing"
    assert errors == []
    page.close()


@pytest.mark.parametrize("name", HOSTILE_NOTEBOOKS)
def test_markup_in_an_article_is_shown_as_text_and_never_run(browser, name):
    page, errors = open_report(browser, _report(hostile_runs(), name))
    page.wait_for_timeout(300)  # let any injected handler (img onerror) fire if it could
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("a[href^='javascript:']").count() == 0
    visible = page.inner_text("body")
    if name == "05_corpus":
        assert HOSTILE_TITLE in visible  # in the articles table
    else:
        assert HOSTILE_OUTLET in visible
        assert "<script>window.__pwned=1</script>" in visible
        assert '<img src=x onerror="window.__pwned=1">' in visible
        assert '<a href="javascript:window.__pwned=1">this link</a>' in visible
    assert errors == []
    page.close()
