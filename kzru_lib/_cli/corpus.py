"""``kzru corpus`` and ``kzru lines``: the corpus table and the cleaning audit."""

from __future__ import annotations

import argparse
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
    try:
        con.register("frame", frame)
        con.execute("COPY frame TO ? (FORMAT csv, HEADER, DELIMITER ',')", [str(path)])
    finally:
        con.close()
    return True


def _corpus(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    table = corpus.drop(columns=[] if args.with_raw else ["raw_text"])
    write_table(table, args.output)
    print(f"kzru corpus: {len(corpus)} articles -> {args.output}", file=sys.stderr)
    return 0


def _lines(args: argparse.Namespace) -> int:
    corpus, lines = corpus_and_lines_from_args(args)
    cols = ["doc_id", "line_no", "text", "label", "reason", "rule", "kept_start"]
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
    p.set_defaults(handler=_corpus)
    p = sub.add_parser("lines", help="the cleaning audit (one row per raw line)",
                       description="Label every raw line (title, heading, body, metadata, boilerplate, blank) "
                                   "and say why each dropped line was dropped.")
    add_corpus_options(p)
    from .plot import add_plot_option

    add_plot_option(p, "the dropped lines per article, by reason")
    p.set_defaults(handler=_lines)
