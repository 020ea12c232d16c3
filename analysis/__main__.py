"""Command line: ``python -m analysis extract PATH [PATH ...] (--out FILE.jsonl | --out-dir DIR) [options]``.

Parses arguments and calls the package; no analysis logic lives here.
"""
from __future__ import annotations

import argparse
import sys

from analysis.corpus import frozen_objects, load_pipeline
from analysis.extract import ENGINES, FORMATS, run_extract
from analysis.load import LoadError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="NewsLens: analyse news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="analyse articles and write one JSON object per article (JSON Lines) or Parquet tables",
        description="Analyse .txt/.html files, folders of them, or corpus tables (.csv/.jsonl/.parquet). "
        "Rerunning into the same output resumes: articles already written are skipped.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article file, folder or corpus table")
    target = extract.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE.jsonl", help="write one JSON record per article here")
    target.add_argument("--out-dir", metavar="DIR", help="write the tidy tables here as Parquet datasets (DIR/<table>/)")
    extract.add_argument("--format", choices=FORMATS, default=None, help="jsonl with --out, parquet with --out-dir (default)")
    extract.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes or Dask workers (default: all cores)")
    extract.add_argument("--engine", choices=ENGINES, default="local", help="local processes, or Dask (one corpus table, --out-dir)")
    extract.add_argument("--scheduler", default=None, metavar="ADDRESS", help="with --engine dask: an existing dask.distributed scheduler")
    extract.add_argument("--text-col", default=None, metavar="NAME", help="text column of corpus tables")
    extract.add_argument("--overwrite", action="store_true", help="start afresh instead of resuming into existing output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    expected = "parquet" if args.out_dir else "jsonl"
    if args.format and args.format != expected:
        print(f"error: --format {args.format} needs {'--out-dir' if args.format == 'parquet' else '--out'}", file=sys.stderr)
        return 2
    if args.engine == "local":
        load_pipeline()  # the workers are forked from this process, or it is the worker
    # What is imported by now lives through the run: frozen out of the cyclic collector, it
    # is not walked again by each of the run's full collections (nor by forked workers').
    try:
        with frozen_objects():
            summary = run_extract(
                args.paths, out=args.out, out_dir=args.out_dir, fmt=expected, jobs=args.jobs, text_col=args.text_col,
                engine=args.engine, scheduler=args.scheduler, overwrite=args.overwrite,
            )
    except LoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.describe(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
