"""``kzru corpus`` and ``kzru lines``: the corpus table and the cleaning audit."""

from __future__ import annotations

import argparse
import contextlib
import sys
import warnings
from pathlib import Path

from ..errors import KzruError


def _source_options(namespace: argparse.Namespace) -> dict:
    """The reading options of this command line, shared by the corpus path and the options that set them."""
    if not hasattr(namespace, "_source_options"):
        namespace._source_options = {"columns": {}, "exclude_duplicates": False}
    return namespace._source_options


class _CorpusArg(argparse.Action):
    """The corpus path, as a :class:`~kzru_lib.sources.CorpusPath` carrying ``--column``/``--exclude-duplicates``."""

    def __call__(self, parser, namespace, values, option_string=None):
        from ..sources import CorpusPath

        options = _source_options(namespace)
        # only `kzru corpus` writes the duplicate columns: the other commands mark copies only
        # to leave them out (--exclude-duplicates), which saves a third of the loading time
        options.setdefault("duplicates", parser.prog.split()[-1] == "corpus")
        setattr(namespace, self.dest, CorpusPath(values, options))


class _ColumnArg(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        from ..sources import ROLES

        role, sep, name = values.partition("=")
        if not sep or role.strip() not in ROLES or not name.strip():
            parser.error(f"--column {values}: expected ROLE=COLUMN with ROLE one of {', '.join(ROLES)}")
        _source_options(namespace)["columns"][role.strip()] = name.strip()


class _ExcludeDuplicatesArg(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        _source_options(namespace)["exclude_duplicates"] = True


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """Options every subcommand that reads a corpus folder shares."""
    parser.add_argument("corpus", metavar="DIR", action=_CorpusArg,
                        help="folder of .txt/.html articles (optional metadata.csv beside them), or a table of "
                             "articles (.csv, .jsonl, .parquet; one row per article)")
    parser.add_argument("--column", action=_ColumnArg, metavar="ROLE=COLUMN", default=None,
                        help="which table column holds the text, title, published, outlet, url or doc_id "
                             "(e.g. --column text=body; repeatable)")
    parser.add_argument("--exclude-duplicates", action=_ExcludeDuplicatesArg, nargs=0, default=False,
                        help="leave out near-duplicate copies (keep one article per cluster)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the table")
    parser.add_argument("--strict", action="store_true",
                        help="stop at the first problem: an unreadable file or row, a bad metadata row, or a "
                             "file beside the articles that is not one")
    parser.add_argument("--patterns", metavar="CSV", help="extra boilerplate patterns (reason,match,pattern,...)")
    parser.add_argument("--max-bytes", type=int, default=None, metavar="N", help="largest article file read")


def corpus_from_args(args: argparse.Namespace):
    """Load the corpus named on the command line; problems go to stderr, one line each."""
    return corpus_and_lines_from_args(args, with_lines=False)[0]


def corpus_and_lines_from_args(args: argparse.Namespace, *, with_lines: bool = True):
    """Load the corpus and its line audit in one cleaning pass; problems go to stderr, one line each."""
    from ..loading import MAX_BYTES, read_corpus

    return with_load_warnings(read_corpus, args.corpus, strict=args.strict, patterns=args.patterns,
                              max_bytes=args.max_bytes or MAX_BYTES, with_lines=with_lines)


def with_load_warnings(load, *args, **kwargs):
    """Call a loading function; the problems it warns about go to stderr, one line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = load(*args, **kwargs)
    for w in caught:
        print(f"kzru: warning: {w.message}", file=sys.stderr)
    return result


def check_output(output: str, *, allowed: tuple[str, ...] = (".csv", ".parquet", ".xlsx")) -> Path:
    """The output path, checked before any work: a known type, in a folder that exists."""
    path = Path(output)
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise KzruError(f"{output}: unsupported output type {suffix or '(none)'}; use {' or '.join(allowed)}")
    if path.parent and not path.parent.exists():
        raise KzruError(f"{output}: folder {path.parent} does not exist")
    return path


def write_table(table, output: str, *, allowed: tuple[str, ...] = (".csv", ".parquet", ".xlsx")) -> None:
    """Write a table as CSV, Parquet or Excel, by the file's extension."""
    path = check_output(output, allowed=allowed)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            table.to_parquet(path, index=False)
        except ImportError:
            raise KzruError("writing Parquet needs pyarrow: pip install 'kzru[parquet]'") from None
    elif suffix == ".xlsx":
        from ..export import save_table

        save_table(table, path)
    elif len(table) < FAST_CSV_ROWS or not _csv_by_duckdb(table, path):
        table.to_csv(path, index=False)


#: Rows from which a CSV of text and number columns is written by DuckDB's writer (about ten times
#: faster than pandas on a table of 600,000 disagreements; same cells, see :func:`_csv_by_duckdb`).
FAST_CSV_ROWS = 100_000


def _csv_by_duckdb(table, path: Path) -> bool:
    """Write ``table`` as CSV with DuckDB when it writes the same cells as ``to_csv(index=False)``:
    only text, integer and float columns (DuckDB spells booleans and timestamps differently), empty
    strings written as empty cells (DuckDB quotes them to tell them from missing values). The bytes
    differ from pandas' only where DuckDB quotes a cell pandas leaves bare (one holding ``#`` or a
    carriage return); any CSV reader reads the same table. ``False`` (nothing written) when DuckDB
    is not installed or the table has other columns."""
    import pandas as pd

    try:
        import duckdb
    except ImportError:
        return False
    cols = {}
    for name in table.columns:
        col = table[name]
        if col.dtype.kind in "if" and not isinstance(col.dtype, pd.api.extensions.ExtensionDtype):
            cols[name] = col
        elif pd.api.types.infer_dtype(col, skipna=True) in ("string", "empty"):
            col = col if isinstance(col.dtype, pd.StringDtype) else col.astype("str")  # Arrow-backed: fast to scan
            cols[name] = col.where(col.ne(""))
        else:
            return False
    frame = pd.DataFrame(cols)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    try:
        con.register("frame", frame)
        con.execute("COPY frame TO ? (FORMAT csv, HEADER, DELIMITER ',')", [str(path)])
    finally:
        con.close()
    return True


#: Articles from which ``kzru figures``, ``dates``, ``events`` and ``compare`` on a folder work
#: through a store (tables written to disk in batches, cross-article passes in blocks, the output
#: streamed from the store) instead of holding the corpus in memory.
IN_MEMORY_ARTICLES = 20_000


def is_large(args: argparse.Namespace) -> bool:
    """Whether the corpus holds more than :data:`IN_MEMORY_ARTICLES` articles (counted up to one more)."""
    from ..store import _Source

    path = Path(args.corpus)
    if not path.exists():
        return False  # the in-memory reader says what is wrong
    columns = getattr(args.corpus, "columns", None)
    return _Source(path, columns).estimate(IN_MEMORY_ARTICLES + 1) > IN_MEMORY_ARTICLES


def add_store_option(parser: argparse.ArgumentParser, tables: str) -> None:
    parser.add_argument("--store", metavar="DIR",
                        help=f"write the {tables} to a store in DIR (kept) and write the output from it, in bounded "
                             f"memory; done in a temporary store anyway above {IN_MEMORY_ARTICLES:,} articles. A "
                             "store from 'kzru build' may be given instead of the corpus: it is read, not rebuilt")


@contextlib.contextmanager
def built_store(args: argparse.Namespace, skip: tuple[str, ...], **options):
    """Build a store of the corpus (``--store DIR``, else a temporary one, removed afterwards); yield its path."""
    import os
    import tempfile

    from ..store import build_store

    with tempfile.TemporaryDirectory(prefix="kzru_") as tmp:
        store = getattr(args, "store", None) or os.path.join(tmp, "store")
        with_load_warnings(build_store, args.corpus, store, strict=args.strict, patterns=args.patterns,
                           max_bytes=args.max_bytes, skip=skip, progress=os.environ.get("KZRU_QUIET") != "1",
                           **options)
        yield store


def write_store_table(store, name: str, output: str, *, columns: list[str] | None = None, where: str | None = None,
                      chunk_rows: int = 100_000) -> int:
    """Write one table of a store as ``kzru`` writes the in-memory table, sorted as
    :func:`kzru_lib.store.read_table` sorts it; the number of rows. A CSV is written in chunks of
    rows (pandas writes each chunk as it writes a whole table), Parquet by DuckDB from the parts;
    both in bounded memory. Excel reads the table whole."""
    from ..store import TABLES, _as_read, _plain, _quote, open_store, read_table

    path = check_output(output)
    if not (Path(store) / name).is_dir():
        raise KzruError(f"{store}: this store has no {name} table (built without it: see its manifest.json)")
    if path.suffix.lower() == ".xlsx":
        table = read_table(store, name, columns=columns, where=where)
        write_table(table, output)
        return len(table)
    con = open_store(store)
    try:
        have = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        keys = [k for k in TABLES[name] if k.split()[0] in have]
        order = ", ".join(_quote(k.split()[0]) + (" DESC" if k.endswith("DESC") else "") for k in keys)
        query = (f"SELECT {', '.join(_quote(c) for c in columns) if columns else '*'} FROM {name}"
                 + (f" WHERE {where}" if where else "") + (f" ORDER BY {order}" if keys else ""))
        if path.suffix.lower() == ".parquet":
            con.execute(f"COPY ({query}) TO ? (FORMAT parquet)", [str(path)])
            return con.execute(f"SELECT count(*) FROM {name}" + (f" WHERE {where}" if where else "")).fetchone()[0]
        import pandas as pd
        import pyarrow as pa

        reader = con.sql(query).to_arrow_reader(chunk_rows)
        # integers stay integers where some are missing (as the in-memory tables hold them: Int64)
        ints = {pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32(), pa.uint64()}
        as_int = lambda t: pd.Int64Dtype() if t in ints else None  # noqa: E731
        n = 0
        for batch in reader:
            chunk = _as_read(_plain(batch.to_pandas(types_mapper=as_int)), name)
            chunk.to_csv(path, index=False, header=not n, mode="a" if n else "w")
            n += len(chunk)
        if not n:  # no row: the header alone
            _as_read(_plain(reader.schema.empty_table().to_pandas(types_mapper=as_int)), name).to_csv(path, index=False)
        return n
    finally:
        con.close()


def count_rows(store, name: str, where: str | None = None) -> int:
    from ..store import open_store

    con = open_store(store)
    try:
        return con.execute(f"SELECT count(*) FROM {name}" + (f" WHERE {where}" if where else "")).fetchone()[0]
    finally:
        con.close()


def from_store(args: argparse.Namespace, in_memory_only: list[str] = ()) -> bool:
    """Whether the command reads a store: one given as the corpus, ``--store DIR``, or a large corpus.

    ``in_memory_only``: the options given that only the in-memory path applies; with them a large
    corpus stays in memory, and a store (given or asked for) is a clear error.
    """
    from ..store import is_store

    if in_memory_only and (is_store(args.corpus) or args.store):
        raise KzruError(f"{', '.join(in_memory_only)}: applied in memory only; they cannot be applied to a store "
                        "(its tables are built once): give the corpus folder, without --store")
    return is_store(args.corpus) or bool(args.store) or (not in_memory_only and is_large(args))


def store_of(args: argparse.Namespace, skip: tuple[str, ...], **options):
    """The store to read: the one given as the corpus, else one built now (:func:`built_store`)."""
    from ..store import is_store

    return contextlib.nullcontext(args.corpus) if is_store(args.corpus) else built_store(args, skip, **options)


def _corpus(args: argparse.Namespace) -> int:
    if from_store(args):
        from ..store import read_table

        where = "duplicate_of IS NULL" if args.corpus.exclude_duplicates else None
        with store_of(args, ("doc_terms", "dates", "figures"), with_raw=args.with_raw) as store:
            have = read_table(store, "corpus", where="false").columns
            columns = [c for c in have if args.with_raw or c != "raw_text"]
            n = write_store_table(store, "corpus", args.output, columns=columns, where=where)
        print(f"kzru corpus: {n} articles -> {args.output}", file=sys.stderr)
        return 0
    corpus = corpus_from_args(args)
    table = corpus.drop(columns=[] if args.with_raw else ["raw_text"])
    write_table(table, args.output)
    print(f"kzru corpus: {len(corpus)} articles -> {args.output}", file=sys.stderr)
    return 0


def _lines(args: argparse.Namespace) -> int:
    cols = ["doc_id", "line_no", "text", "label", "reason", "rule", "kept_start"]
    if from_store(args, ["--exclude-duplicates"] if args.corpus.exclude_duplicates else []):
        from ..plots.corpus import dropped_lines_plot
        from ..store import read_table
        from .plot import write_plot

        with store_of(args, ("doc_terms", "dates", "figures", "duplicates")) as store:
            n = write_store_table(store, "lines", args.output, columns=cols)
            write_plot(args, lambda: dropped_lines_plot(read_table(store, "lines", columns=["doc_id", "label",
                                                                                             "reason"])))
            dropped = count_rows(store, "lines", "label IN ('boilerplate', 'metadata')")
            print(f"kzru lines: {n} lines of {count_rows(store, 'corpus')} articles, {dropped} dropped -> "
                  f"{args.output}", file=sys.stderr)
        return 0
    corpus, lines = corpus_and_lines_from_args(args)
    write_table(lines[cols], args.output, allowed=(".csv", ".parquet", ".xlsx"))
    from ..plots.corpus import dropped_lines_plot
    from .plot import write_plot

    write_plot(args, lambda: dropped_lines_plot(lines))
    dropped = int(lines["label"].isin(["boilerplate", "metadata"]).sum())
    print(f"kzru lines: {len(lines)} lines of {len(corpus)} articles, {dropped} dropped -> {args.output}",
          file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("corpus", help="the articles table (one row per article)",
                       description="Load and clean a folder of articles; write one row per article "
                                   "(metadata and clean text) as CSV or Parquet.")
    add_corpus_options(p)
    p.add_argument("--with-raw", action="store_true", help="also write the untouched decoded text")
    add_store_option(p, "corpus table")
    p.set_defaults(handler=_corpus)
    p = sub.add_parser("lines", help="the cleaning audit (one row per raw line)",
                       description="Label every raw line (title, heading, body, metadata, boilerplate, blank) "
                                   "and say why each dropped line was dropped.")
    add_corpus_options(p)
    from .plot import add_plot_option

    add_plot_option(p, "the dropped lines per article, by reason")
    add_store_option(p, "cleaning audit")
    p.set_defaults(handler=_lines)
