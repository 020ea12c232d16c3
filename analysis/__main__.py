"""Command line: ``python -m analysis extract PATH [PATH ...] --out FILE.jsonl [--jobs N]``.

Parses arguments and calls the package; no analysis logic lives here.
"""
from __future__ import annotations

import argparse
import sys

from analysis.extract import run_extract
from analysis.load import LoadError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="NewsLens: analyse news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="analyse articles and write one JSON object per article (JSON Lines)",
        description="Analyse .txt/.html files, folders of them, or corpus tables (.csv/.jsonl/.parquet).",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article file, folder or corpus table")
    extract.add_argument("--out", required=True, metavar="FILE.jsonl", help="where to write the records")
    extract.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    extract.add_argument("--text-col", default=None, metavar="NAME", help="text column of corpus tables")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = run_extract(args.paths, out=args.out, jobs=args.jobs, text_col=args.text_col)
    except LoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.describe(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
