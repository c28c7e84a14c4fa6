"""``kzru terms`` and ``kzru kwic``: term frequencies and concordances of the kept text."""

from __future__ import annotations

import argparse
import sys

from .corpus import (
    add_corpus_options,
    add_store_option,
    corpus_and_lines_from_args,
    from_store,
    store_of,
    with_load_warnings,
    write_store_table,
    write_table,
)


def _add_term_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stopwords", nargs="*", default=None, metavar="LIST",
                   help="stop-word lists: en (Snowball, shipped), news (shipped), a stop-words package "
                        "language (ru, de...), or a file, one word a line; give no value to keep every "
                        "word (default: en ru)")
    p.add_argument("--multiword", metavar="CSV", default="default",
                   help="multi-word terms kept as one token (CSV with a term column; default: the shipped table)")
    p.add_argument("--aliases", metavar="CSV", default="default",
                   help="alias table (CSV with alias,term columns; default: the shipped table)")
    p.add_argument("--no-multiword", action="store_true", help="no multi-word terms")
    p.add_argument("--no-aliases", action="store_true", help="no aliases")
    p.add_argument("--numbers", action="store_true", help="count numbers and money ($30 billion) as terms")
    p.add_argument("--stem", metavar="LANGUAGE", help="Snowball stemmer language, e.g. english")
    p.add_argument("--no-lemmas", action="store_true",
                   help="keep Russian words as written (default: dictionary forms, pymorphy3)")


def _options(args: argparse.Namespace):
    from ..terms import term_options

    return term_options(
        stopwords=("en", "ru") if args.stopwords is None else tuple(args.stopwords),
        multiword=None if args.no_multiword else args.multiword,
        aliases=None if args.no_aliases else args.aliases,
        numbers=args.numbers,
        stem=args.stem,
        lemmatize=not args.no_lemmas,
    )


def _terms(args: argparse.Namespace) -> int:
    from ..errors import KzruError
    from ..terms import _table, frequency_of_counts, read_term_counts

    if args.ngrams not in (1, 2, 3):
        raise KzruError(f"--ngrams must be 1, 2 or 3, got {args.ngrams}")
    options = _options(args)
    if from_store(args):
        return _terms_from_store(args, options)
    # one pass: each article is read, cleaned and counted (kept text only: no boilerplate) in
    # the worker process that read it; the table written is made from the counts directly
    corpus, counts = with_load_warnings(
        read_term_counts, args.corpus, options=options, ngram=args.ngrams, raw_text=args.by == "raw_text",
        strict=args.strict,
        patterns=args.patterns, max_bytes=args.max_bytes, workers=None if args.workers == 0 else args.workers)
    if args.by is not None and args.by not in corpus.columns:
        raise KzruError(f"--by {args.by}: not a column of the corpus (have: {', '.join(corpus.columns)})")
    doc_ids = corpus["doc_id"].tolist()
    if args.per_doc:
        table = _table(doc_ids, counts, args.ngrams)
        n_tokens, n_terms = int(table["count"].sum()), table["term"].nunique()
    else:
        table = frequency_of_counts(doc_ids, counts, docvars=corpus, by=args.by, n=args.top)
        n_tokens, n_terms = table.attrs["tokens"], table.attrs["terms"]
        table = _plotted(args, table)
    write_table(table, args.output)
    print(f"kzru terms: {len(corpus)} articles, {n_tokens} tokens, {n_terms} terms -> {args.output}", file=sys.stderr)
    return 0


def _plotted(args: argparse.Namespace, table):
    """The frequency table as written: ``--plot`` drawn from it, its ``group`` named after ``--by``."""
    from .plot import write_plot

    def plot():
        from ..plots.terms import top_terms

        return top_terms(table, n=min(args.top or 15, 30))

    write_plot(args, plot)
    return table.rename(columns={"group": args.by}) if args.by is not None else table


def _terms_from_store(args: argparse.Namespace, options) -> int:
    """``kzru terms`` from the ``doc_terms`` of a store (terms or n-grams, as it was built), aggregated in DuckDB."""
    from ..errors import KzruError
    from ..store import is_store, read_table, term_frequency

    if is_store(args.corpus) and (args.stopwords is not None or args.no_multiword or args.no_aliases or args.numbers
                                  or args.stem or args.no_lemmas or args.multiword != "default"
                                  or args.aliases != "default"):
        raise KzruError(f"{args.corpus}: a store's doc_terms were counted with the default term options; give the "
                        "corpus folder to count with others")
    if is_store(args.corpus):
        import json
        from pathlib import Path

        from ..store import MANIFEST

        counted = json.loads((Path(args.corpus) / MANIFEST).read_text(encoding="utf-8"))["options"].get("ngram", 1)
        if counted != args.ngrams:
            what = {1: "single terms", 2: "2-grams", 3: "3-grams"}
            raise KzruError(f"{args.corpus}: this store's doc_terms hold {what.get(counted, counted)}, not "
                            f"{what[args.ngrams]}: give the corpus folder")
    with store_of(args, ("dates", "figures", "duplicates"), term_options=options, ngram=args.ngrams) as store:
        if args.by is not None and args.by not in read_table(store, "corpus", where="false").columns:
            raise KzruError(f"--by {args.by}: not a column of the corpus")
        n_docs, n_tokens, n_terms = _totals(store)
        if args.per_doc:
            write_store_table(store, "doc_terms", args.output)
        else:
            write_table(_plotted(args, term_frequency(store, by=args.by, n=args.top)), args.output)
    print(f"kzru terms: {n_docs} articles, {n_tokens} tokens, {n_terms} terms -> {args.output}", file=sys.stderr)
    return 0


def _totals(store) -> tuple[int, int, int]:
    from ..store import open_store

    con = open_store(store)
    try:
        n_docs = con.execute("SELECT count(*) FROM corpus").fetchone()[0]
        n_tokens, n_terms = con.execute("SELECT coalesce(sum(count), 0), count(DISTINCT term) FROM doc_terms"
                                        ).fetchone()
        return int(n_docs), int(n_tokens), int(n_terms)
    finally:
        con.close()


def _kwic(args: argparse.Namespace) -> int:
    from ..segment import kept_lines
    from ..terms import kwic

    if from_store(args, ["--exclude-duplicates"] if args.corpus.exclude_duplicates else []):
        return _kwic_from_store(args)
    corpus, lines = corpus_and_lines_from_args(args)  # one cleaning pass for both
    hits = kwic(kept_lines(corpus, lines=lines), args.pattern, window=args.window, options=_options(args))
    write_table(hits, args.output)
    print(f"kzru kwic: {len(hits)} matches in {hits['doc_id'].nunique()} of {len(corpus)} articles"
          f" -> {args.output}", file=sys.stderr)
    return 0


def _kwic_from_store(args: argparse.Namespace, chunk_rows: int = 100_000) -> int:
    """``kzru kwic`` over the kept lines of a store, read in chunks of lines in (doc_id, line_no)
    order: a match and its context lie within one line, so the chunks' matches, in order, are the
    corpus's; only the matches are held."""
    import os

    import pandas as pd

    from ..segment import kept_lines
    from ..store import open_store
    from ..terms import kwic

    options = _options(args)
    with store_of(args, ("doc_terms", "dates", "figures", "duplicates")) as store:
        con = open_store(store, memory_limit=os.environ.get("KZRU_DUCKDB_MEMORY", "512MB"))
        try:
            n_docs = con.execute("SELECT count(*) FROM corpus").fetchall()[0][0]
            reader = con.sql("SELECT doc_id, line_no, text, label, kept_start FROM lines "
                             "WHERE label IN ('title', 'heading', 'body') ORDER BY doc_id, line_no"
                             ).to_arrow_reader(chunk_rows)
            parts = [kwic(kept_lines(None, lines=batch.to_pandas()), args.pattern, window=args.window,
                          options=options) for batch in reader]
        finally:
            con.close()
    hits = pd.concat(parts, ignore_index=True) if parts else kwic(
        kept_lines(None, lines=pd.DataFrame(columns=["doc_id", "line_no", "text", "label", "kept_start"])),
        args.pattern, window=args.window, options=options)
    write_table(hits, args.output)
    print(f"kzru kwic: {len(hits)} matches in {hits['doc_id'].nunique()} of {n_docs} articles"
          f" -> {args.output}", file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("terms", help="term frequencies of the kept text (per corpus, group or document)",
                       description="Count terms in the kept text (boilerplate never counted): one row per term "
                                   "(count, docfreq, rank), per group with --by, or per document with --per-doc.")
    add_corpus_options(p)
    p.add_argument("--by", metavar="COLUMN", help="count per value of a corpus column (outlet, published...)")
    p.add_argument("--ngrams", type=int, default=1, metavar="N", help="count n-grams of 1, 2 or 3 terms (default 1)")
    from .plot import add_plot_option

    add_plot_option(p, "a bar chart of the most frequent terms (per group with --by)")
    p.add_argument("--per-doc", action="store_true",
                   help="write the long document-term table (doc_id, term, count, rel_freq) instead")
    p.add_argument("--top", type=int, metavar="N", help="keep the N most frequent terms (per group)")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="processes that read, clean and count (0 = one per CPU for 1,000 articles or more; "
                        "1 = none)")
    _add_term_options(p)
    add_store_option(p, "document-term counts")
    p.set_defaults(handler=_terms)

    p = sub.add_parser("kwic", help="keyword in context: every occurrence of a word or phrase",
                       description="Concordance of a word, phrase (\"trade turnover\") or glob (secur*): "
                                   "doc_id, line_no, offsets, left, keyword, right.")
    add_corpus_options(p)
    p.add_argument("pattern", metavar="TERM", nargs="+", help="word, phrase or glob; several allowed")
    p.add_argument("--window", type=int, default=6, metavar="N", help="words of context each side (default 6)")
    _add_term_options(p)
    add_store_option(p, "kept lines")
    p.set_defaults(handler=_kwic)
