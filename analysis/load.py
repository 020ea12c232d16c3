"""Load articles from a string, a text or HTML file, a folder, or a corpus table.

Returns :class:`Article` objects whose ``text`` is exactly what was loaded: for a ``.txt``
file the decoded content, unchanged (no stripping, newline or quote normalisation); for an
``.html`` file the main text that trafilatura extracts (the HTML itself is parsed, never
executed or rendered). Every offset elsewhere in the kit indexes ``Article.text``.

A file that cannot be read or decoded does not raise: it yields an ``Article`` whose
``error`` says what went wrong and where, so a batch always goes on and nothing is dropped.
A usage error (a path that does not exist, a format the kit does not know) raises
:class:`LoadError` before anything runs.
"""
from __future__ import annotations

import codecs
import hashlib
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from analysis.deferred import pandas as pd

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TABLE_SUFFIXES = frozenset({".csv", ".jsonl", ".parquet"})
META_COLUMNS = ("title", "outlet", "date", "url")
TEXT_COLUMN_CANDIDATES = ("text", "body", "content", "article", "article_text")
INDEX_FILE_NAMES = ("index.csv",)


class LoadError(ValueError):
    """A usage error: a missing path, an unknown format or a table without a text column."""


@dataclass(frozen=True)
class Article:
    """One article as loaded.

    ``text`` is never modified after loading. ``encoding`` names the decoding used for a
    file; ``notes`` records anything the analyst should know (a legacy-encoding fallback);
    ``error`` is ``None`` or a one-line message, in which case ``text`` may be empty.
    ``extra`` keeps any further metadata columns (name, value) of an index or corpus table.
    """

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    error: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def metadata(self) -> dict:
        """The descriptive fields as a plain dict (for tables and records)."""
        return {"title": self.title, "outlet": self.outlet, "date": self.date, "url": self.url}


def text_id(text: str) -> str:
    """A stable short id for an article given as a bare string."""
    return "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def from_text(text: str, *, id: str | None = None, **metadata: str | None) -> Article:
    """An article from a Python string, kept exactly as given."""
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}")
    article = Article(id=id or text_id(text), text=text, **_known_metadata(metadata))
    return _check_has_text(article)


# --- decoding -------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(raw: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode file bytes; return ``(text, encoding, notes)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM decode silently. Anything else falls
    back to cp1252, then latin-1, and says so in ``notes``. Binary content raises
    ``UnicodeError`` with a message fit for an article's ``error``.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding, ()
    if b"\x00" in raw:
        raise UnicodeError("binary content (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        reason = f"not valid UTF-8 (byte {exc.start})"
    for fallback in ("cp1252", "latin-1"):
        try:
            text = raw.decode(fallback)
        except UnicodeDecodeError:
            continue
        return text, fallback, (f"decoded as {fallback}: {reason}",)
    raise UnicodeError(reason)  # unreachable: latin-1 decodes any bytes


def table_encoding(path: str | Path, *, block_size: int = 1 << 20) -> tuple[str, tuple[str, ...]]:
    """``(encoding, notes)`` for reading a ``.csv`` / ``.jsonl`` corpus table: the choice
    :func:`decode_bytes` makes for an article file, so a legacy-encoded table decodes with
    the same reported fallback instead of being rejected.

    A table with a BOM or valid UTF-8 throughout (checked block by block, so a large corpus
    is never held in memory) needs no decision; only a table that is not UTF-8 is handed to
    :func:`decode_bytes` whole. Raises ``UnicodeError`` for binary content.
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(max(len(bom) for bom, _ in _BOMS))
        for bom, encoding in _BOMS:
            if head.startswith(bom):
                return encoding, ()
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            for block in iter(lambda: handle.read(block_size), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
            return "utf-8", ()
        except UnicodeDecodeError:
            pass
    _, encoding, notes = decode_bytes(path.read_bytes())
    return encoding, notes


# C0 control characters other than the white space ones (\t \n \v \f \r).
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    # A regex scan, not a Python loop per character: this runs on every article loaded.
    controls = sum(1 for _ in _CONTROL_CHARACTER.finditer(text))
    return controls / len(text) if text else 0.0


def _check_has_text(article: Article) -> Article:
    if article.error:
        return article
    where = f"{article.path}: " if article.path else ""
    if not article.text.strip():
        problem = "empty article: no text" if not article.text else "empty article: only white space"
        return replace(article, error=where + problem)
    if _control_share(article.text) > 0.10:
        return replace(article, error=where + "binary content: mostly control characters, not text")
    return article


# --- files ----------------------------------------------------------------------------


def load_file(path: str | Path, *, id: str | None = None, **metadata: str | None) -> Article:
    """One ``.txt`` or ``.html`` file as an article (errors are reported, not raised)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise LoadError(f"{path}: unknown article format {suffix or '(no suffix)'}; use .txt or .html")
    article_id = id or path.stem
    base = Article(id=article_id, text="", path=str(path), **_known_metadata(metadata))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return replace(base, error=f"{path}: unreadable: {exc.strerror or exc}")
    try:
        text, encoding, notes = decode_bytes(raw)
    except UnicodeError as exc:
        return replace(base, error=f"{path}: {exc}")
    if suffix in HTML_SUFFIXES:
        return _check_has_text(_from_html(base, text, encoding, notes))
    return _check_has_text(replace(base, text=text, encoding=encoding, notes=notes))


def html_main_text(html: str) -> tuple[str | None, dict]:
    """The main text and metadata of an HTML page, via trafilatura (never executes it)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if extracted is None:
        return None, {}
    document = extracted if isinstance(extracted, dict) else extracted.as_dict()
    meta = {key: document.get(key) for key in ("title", "date", "url")}
    meta["outlet"] = document.get("sitename")
    return document.get("text"), meta


def _from_html(base: Article, html: str, encoding: str, notes: tuple[str, ...]) -> Article:
    try:
        text, found_meta = html_main_text(html)
    except Exception as exc:  # trafilatura/lxml on hostile markup: report, never crash
        return replace(base, encoding=encoding, notes=notes, error=f"{base.path}: HTML could not be parsed: {exc}")
    if not text:
        return replace(base, encoding=encoding, notes=notes, error=f"{base.path}: no main text found in HTML")
    given = base.metadata()
    merged = {key: given[key] or found_meta.get(key) for key in META_COLUMNS}
    return replace(base, text=text, encoding=encoding, notes=notes + ("main text extracted from HTML",), **merged)


def _article_files(folder: Path) -> list[Path]:
    # A dangling symlink is kept so that it is reported as unreadable, not silently lost.
    return sorted(
        p for p in folder.iterdir()
        if (p.is_file() or (p.is_symlink() and not p.exists())) and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )


def _folder_index(folder: Path) -> dict[str, dict]:
    """Metadata rows from ``index.csv`` in a folder, keyed by file name."""
    for name in INDEX_FILE_NAMES:
        index_path = folder / name
        if index_path.is_file():
            table = pd.read_csv(index_path, dtype=str, keep_default_na=False)
            if "file" not in table.columns:
                raise LoadError(f"{index_path}: needs a 'file' column naming each article file")
            return {row["file"]: row for row in table.to_dict("records")}
    return {}


def load_folder(folder: str | Path) -> list[Article]:
    """Every ``.txt``/``.html`` file in a folder, sorted by name.

    An ``index.csv`` beside them (columns ``file`` and any of id, title, outlet, date, url)
    describes the articles; files it does not list still load, with their stem as id.
    """
    folder = Path(folder)
    index = _folder_index(folder)
    articles = []
    for path in _article_files(folder):
        row = index.get(path.name, {})
        metadata = {key: (row.get(key) or None) for key in META_COLUMNS}
        article = load_file(path, id=row.get("id") or None, **metadata)
        articles.append(replace(article, extra=_extra_columns(row)))
    return articles


# --- corpus tables --------------------------------------------------------------------


def read_table(path: str | Path) -> pd.DataFrame:
    """A corpus table (``.csv``, ``.jsonl``, ``.parquet``) as a DataFrame, all as read."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=table_encoding(path)[0])
        if suffix == ".jsonl":
            return pd.read_json(path, lines=True, dtype=False, encoding=table_encoding(path)[0])
        if suffix == ".parquet":
            return pd.read_parquet(path)
    except (OSError, ValueError) as exc:  # UnicodeError (binary content) is a ValueError
        raise LoadError(f"{path}: unreadable {suffix} table: {exc}") from exc
    raise LoadError(f"{path}: unknown table format {suffix}; use .csv, .jsonl or .parquet")


def text_column(table: pd.DataFrame, *, column: str | None = None) -> str:
    """The name of the column holding article text."""
    return text_column_among(list(table.columns), column=column)


def text_column_among(columns: Sequence[str], *, column: str | None = None) -> str:
    """The text column among a table's column names: ``column`` if given, else the first
    of :data:`TEXT_COLUMN_CANDIDATES` present."""
    if column is not None:
        if column not in columns:
            raise LoadError(f"no text column {column!r}; columns are {list(columns)}")
        return column
    for candidate in TEXT_COLUMN_CANDIDATES:
        if candidate in columns:
            return candidate
    raise LoadError(f"no text column: expected one of {list(TEXT_COLUMN_CANDIDATES)}; columns are {list(columns)}")


def _cell(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value) if str(value) != "" else None


def articles_from_frame(
    table: pd.DataFrame, *, text_col: str | None = None, source: str | None = None, first_row: int = 0,
    encoding: str | None = None, notes: tuple[str, ...] = (),
) -> list[Article]:
    """Articles from a DataFrame with a text column and optional id/title/outlet/date/url.

    Rows without an id get ``<source>:<row number>`` (or ``row-<n>``); a row whose text is
    missing or not a string is kept as an article with an error. ``first_row`` is the row
    number of the frame's first row, for a frame that is one chunk of a larger table.
    ``encoding`` and ``notes`` (how the table file was decoded, see :func:`table_encoding`)
    are given to every article.
    """
    column = text_column(table, column=text_col)
    prefix = f"{Path(source).stem}:" if source else "row-"
    articles = []
    for number, row in enumerate(table.to_dict("records"), start=first_row):
        article_id = _cell(row.get("id")) or f"{prefix}{number}"
        metadata = {key: _cell(row.get(key)) for key in META_COLUMNS}
        metadata["extra"] = _extra_columns(row, skip=(column,))
        metadata.update(encoding=encoding, notes=notes)
        value = row.get(column)
        where = f"{source or 'table'} row {number}"
        if not isinstance(value, str):
            kind = "missing" if _cell(value) is None else f"not text ({type(value).__name__})"
            articles.append(Article(id=article_id, text="", path=where, error=f"{where}: text {kind}", **metadata))
            continue
        articles.append(_check_has_text(Article(id=article_id, text=value, path=where, **metadata)))
    return articles


def load_table(path: str | Path, *, text_col: str | None = None) -> list[Article]:
    """Articles from a corpus table file."""
    table = read_table(path)
    encoding, notes = table_encoding(path) if Path(path).suffix.lower() in (".csv", ".jsonl") else (None, ())
    return articles_from_frame(table, text_col=text_col, source=str(path), encoding=encoding, notes=notes)


# --- any source -----------------------------------------------------------------------


def iter_articles(sources: Iterable[str | Path], *, text_col: str | None = None) -> Iterator[Article]:
    """Articles from each path in turn: files, folders and tables, in the order given."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from load_folder(path)
        elif path.is_file():
            if path.suffix.lower() in TABLE_SUFFIXES:
                yield from load_table(path, text_col=text_col)
            else:
                yield load_file(path)
        else:
            raise LoadError(f"{source}: no such file or folder")


def check_sources(sources: Iterable[str | Path]) -> None:
    """Raise :class:`LoadError` for a missing path or unknown format before any work starts."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            continue
        if not path.is_file():
            raise LoadError(f"{source}: no such file or folder")
        if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES:
            raise LoadError(f"{source}: unknown format {path.suffix or '(no suffix)'}; use .txt, .html, .csv, .jsonl or .parquet")


def load(source: str | Path | pd.DataFrame, *, text_col: str | None = None) -> list[Article]:
    """Articles from one source: a file, a folder, a corpus table file or a DataFrame.

    To analyse a Python string, use :func:`from_text`.
    """
    if isinstance(source, pd.DataFrame):
        return articles_from_frame(source, text_col=text_col)
    check_sources([source])
    return list(iter_articles([source], text_col=text_col))


def articles_table(articles: Iterable[Article]) -> pd.DataFrame:
    """The ``articles`` table: article_id, title, outlet, date, url, path, encoding, n_chars, n_words, error."""
    rows = [
        {
            "article_id": a.id,
            **a.metadata(),
            "path": a.path,
            "encoding": a.encoding,
            "notes": "; ".join(a.notes) or None,
            "n_chars": len(a.text),
            "n_words": len(a.text.split()),
            "error": a.error,
        }
        for a in articles
    ]
    columns = ["article_id", *META_COLUMNS, "path", "encoding", "notes", "n_chars", "n_words", "error"]
    return pd.DataFrame(rows, columns=columns)


def _extra_columns(row: dict, *, skip: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """Metadata columns beyond the known ones, as sorted (name, value) pairs."""
    known = {"id", "file", *META_COLUMNS, *skip}
    return tuple(sorted((str(k), v) for k, v in ((k, _cell(v)) for k, v in row.items() if k not in known) if v is not None))


def _known_metadata(metadata: dict) -> dict:
    unknown = set(metadata) - set(META_COLUMNS)
    if unknown:
        raise TypeError(f"unknown article metadata {sorted(unknown)}; known: {list(META_COLUMNS)}")
    return {key: metadata.get(key) for key in META_COLUMNS}
