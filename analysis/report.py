"""Build the HTML reports: execute every notebook on an input and export it, plus the tables.

:func:`build_report` runs each ``notebooks/NN_*.ipynb`` with nbclient in a fresh kernel
(the input passed through the ``NEWSLENS_INPUT`` environment variable, which each
notebook's parameters cell reads), exports it to ``reports/NN_*.html`` with nbconvert —
plotly.js inline, no external scripts, so the files open offline — and writes every tidy
table of the input as ``reports/tables/<name>.parquet`` and ``.csv``. It returns a
:class:`ReportSummary`. Command line: ``python -m analysis.report [--input PATH]... [--out DIR]``.

Notebooks call :func:`notebook_setup` first so plotly figures carry both the JupyterLab
mime type and inline HTML.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
INPUT_ENV = "NEWSLENS_INPUT"
# The default corpus of the report's tables: what notebook 05 shows by default.
DEFAULT_SOURCES = (REPO_ROOT / "data" / "articles", REPO_ROOT / "data" / "corpus" / "articles.csv")
NOTEBOOK_TIMEOUT_SECONDS = 300
# JupyterLab's HTML template minus its CDN scripts.
TEMPLATE = Path(__file__).resolve().parent / "data" / "report.html.j2"
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']?(?:https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class ReportSummary:
    html: tuple[str, ...]
    tables: tuple[str, ...]
    seconds: float

    def describe(self) -> str:
        return f"wrote {len(self.html)} reports and {len(self.tables)} table files in {self.seconds:.1f} s"


def skip_iri_format_checker() -> None:
    """Keep jsonschema from loading its optional IRI checker in this process.

    nbformat (imported by nbclient, nbconvert and plotly's renderers) imports jsonschema,
    which imports ``rfc3987_syntax`` if installed to check "iri" formats; building that
    package's grammar costs about 2 s of CPU per process, a third of a notebook's run.
    Nothing here validates IRIs, so the package is marked as absent.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def notebook_setup() -> None:
    """Show plotly figures in JupyterLab and in exported HTML, with plotly.js inline.

    Figures carry the JupyterLab plotly mime type and an HTML version; plotly.js is shown
    once, inline, in the cell that calls this, so an exported notebook works offline.
    """
    skip_iri_format_checker()
    import plotly.io as pio

    pio.renderers["newslens_html"] = _offline_html_renderer()
    pio.renderers.default = "plotly_mimetype+newslens_html"


def _offline_html_renderer():
    from IPython.display import HTML, display
    from plotly.io import to_html
    from plotly.io._base_renderers import MimetypeRenderer
    from plotly.offline import get_plotlyjs

    class OfflineHtmlRenderer(MimetypeRenderer):
        """Figures as HTML with no CDN scripts (plotly's own HTML renderers add MathJax from a CDN)."""

        def activate(self) -> None:
            display(HTML(f"<script>{get_plotlyjs()}</script>"))

        def to_mimebundle(self, fig_dict: dict) -> dict:
            page = to_html(
                fig_dict, include_plotlyjs=False, include_mathjax=False, full_html=False,
                default_width="100%", default_height=480, validate=False, config={"displaylogo": False},
            )
            return {"text/html": page}

    return OfflineHtmlRenderer()


def notebook_input(default: str | Sequence[str]) -> str | list[str]:
    """The input a notebook should analyse: ``NEWSLENS_INPUT`` if set, else ``default``."""
    given = os.environ.get(INPUT_ENV)
    if given:
        return given
    return default if isinstance(default, str) else list(default)


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def kernel_environment(input_path: str | None) -> dict[str, str]:
    """The environment of a notebook kernel: this checkout first on the path, and the input."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.pop(INPUT_ENV, None)
    if input_path:
        env[INPUT_ENV] = str(Path(input_path).resolve())
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def execute_notebook(path: str | Path, *, input_path: str | None = None, timeout: int = NOTEBOOK_TIMEOUT_SECONDS):
    """Run a notebook top to bottom in its own folder; return the executed notebook.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first failing cell.
    """
    skip_iri_format_checker()
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env=kernel_environment(input_path))
    return notebook


def export_html(notebook, out: str | Path) -> Path:
    """Write an executed notebook as standalone HTML without prompts or external scripts."""
    skip_iri_format_checker()
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab", extra_template_paths=[str(TEMPLATE.parent)], template_file=TEMPLATE.name,
        exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(notebook)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def external_scripts(page: str) -> list[str]:
    """Every ``<script src=…>`` that points off the page (should be none)."""
    return [m.group(0) for m in _EXTERNAL_SCRIPT.finditer(page)]


@dataclass(frozen=True)
class NotebookRun:
    """The outcome of one notebook: the HTML written, or the error that stopped it."""

    notebook: str
    html: str | None
    seconds: float
    error: str | None = None


def run_one(path: str, input_path: str | None, out_dir: str) -> NotebookRun:
    """Execute one notebook and export it to ``out_dir``; errors are returned, not raised."""
    started = time.perf_counter()
    try:
        notebook = execute_notebook(path, input_path=input_path)
        out = export_html(notebook, Path(out_dir) / (Path(path).stem + ".html"))
    except Exception as exc:  # reported per notebook; the caller decides whether to fail
        return NotebookRun(path, None, time.perf_counter() - started, f"{type(exc).__name__}: {exc}")
    return NotebookRun(path, str(out), time.perf_counter() - started)


def run_notebooks(
    notebooks: Sequence[str | Path], *, input_path: str | None = None, out_dir: str | Path = "reports", jobs: int = 2, say=None,
) -> list[NotebookRun]:
    """Execute and export each notebook, ``jobs`` at a time; results in the notebooks' order."""
    runs: dict[str, NotebookRun] = {}
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(notebooks) or 1))) as pool:
        futures = [pool.submit(run_one, str(p), input_path, str(out_dir)) for p in notebooks]
        for done, future in enumerate(as_completed(futures), start=1):
            run = future.result()
            runs[run.notebook] = run
            if say:
                outcome = f"-> {run.html}" if run.error is None else f"FAILED: {run.error.splitlines()[0]}"
                say(f"[report] {done}/{len(notebooks)} {Path(run.notebook).name} {outcome} ({run.seconds:.1f} s)")
    return [runs[str(p)] for p in notebooks]


def write_tables(sources: Sequence[str | Path], out_dir: str | Path) -> list[Path]:
    """Every tidy table of ``sources`` as Parquet and CSV under ``out_dir``."""
    from analysis.tableset import analyze

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in analyze(list(sources)).frames().items():
        parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
        frame.to_parquet(parquet, index=False)
        frame.to_csv(csv, index=False)
        written += [parquet, csv]
    return written


def build_report(
    *, input_path: str | None = None, out_dir: str | Path = "reports", notebooks: Sequence[Path] | None = None, jobs: int = 2, progress: bool = True,
) -> ReportSummary:
    """Execute and export every notebook, and write the tables; see the module docstring."""
    started = time.perf_counter()
    notebooks = list(notebooks) if notebooks is not None else notebook_paths()
    out_dir = Path(out_dir)
    say = (lambda message: print(message, file=sys.stderr, flush=True)) if progress else (lambda message: None)
    sources = [input_path] if input_path else list(DEFAULT_SOURCES)
    say(f"[report] tables of {', '.join(map(str, sources))} -> {out_dir / 'tables'}")
    tables = write_tables(sources, out_dir / "tables")
    runs = run_notebooks(notebooks, input_path=input_path, out_dir=out_dir, jobs=jobs, say=say)
    failed = [run for run in runs if run.error]
    if failed:
        raise RuntimeError("; ".join(f"{Path(run.notebook).name}: {run.error}" for run in failed))
    html = [run.html for run in runs]
    return ReportSummary(tuple(html), tuple(map(str, tables)), time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.report", description="Execute the notebooks and write HTML reports and tables.")
    parser.add_argument("--input", default=None, help="a file, folder or corpus table (default: the bundled article and sample corpus)")
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default: 2)")
    args = parser.parse_args(argv)
    if args.input and not Path(args.input).exists():
        parser.error(f"{args.input}: no such file or folder")
    try:
        summary = build_report(input_path=args.input, out_dir=args.out, jobs=args.jobs)
    except RuntimeError as exc:
        print(f"report failed: {exc}", file=sys.stderr)
        return 1
    print(summary.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
