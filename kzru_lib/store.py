"""The store: every table of a corpus, built once in bounded memory, kept as Parquet on disk.

``kzru build CORPUS --store DIR`` (:func:`build_store`) reads a corpus folder (``.txt``, ``.html``,
tables of articles) or one table of articles (a news-database export: ``.csv``, ``.jsonl``,
``.parquet``, with the column mapping of :func:`kzru_lib.sources.resolve_columns`) in batches of
bounded size and writes, as it goes, one folder of Parquet parts per table:

============  ==============================================================================
table         rows (same columns as the in-memory function)
============  ==============================================================================
corpus        one per article (:func:`kzru_lib.loading.read_corpus`, near-copies marked; no
              ``raw_text`` unless asked)
lines         one per raw line (the cleaning audit, :func:`kzru_lib.cleaning.audit_lines`)
doc_terms     one per document and term (:func:`kzru_lib.terms.doc_terms`)
dates         one per date expression (:func:`kzru_lib.dates.extract_dates`)
figures       one per figure, with ``outlet`` (:func:`kzru_lib.figures.extract_figures`)
mentions      one per dated event sentence, with ``event_id`` (:func:`kzru_lib.timeline.assign_events`)
events        one per merged event (:func:`kzru_lib.timeline.merge_events`)
comparisons   one per metric and period (:func:`kzru_lib.figures.compare_figures`)
disagreements one per conflicting pair of claims (:func:`kzru_lib.figures.figure_disagreements`)
problems      one per file, table row or sidecar row that could not be used, or article a stage failed on
============  ==============================================================================

and ``manifest.json`` (kzru version, options, row counts, time per pass, sha256 of the inputs).

Memory stays bounded because no pass holds every text, and the main process keeps no list of
the articles: the folder is walked one directory at a time and tables are read in batches, the
same way on both passes (each article numbered by its place, ``seq``); ``metadata.csv`` is
streamed into Parquet and checked in DuckDB. The cross-article passes work on compact keys:
the template lines of an outlet (:func:`kzru_lib.cleaning.template_lines`) are found from the
64-bit hashes of kept lines and story keys written by the first pass, grouped in DuckDB;
near-duplicate copies (:func:`kzru_lib.duplicates.mark_duplicates`) from the MinHash signatures
and LSH band keys each batch writes, bucketed in DuckDB band by band. Event merging runs one
block of dates at a time (mentions whose dates cannot reach each other never link; words weigh
by their counts over the whole table); figure comparison prepares its claims one part of whole
articles at a time, has DuckDB sort them by group and reads them back one group at a time
without their sentences (:func:`compare_store`); both give the tables of the in-memory functions.

A build that stops before its end (killed, out of disk) leaves a progress record in its work
folder: ``build_store(..., resume=True)`` (``kzru build --resume``) keeps the batches and the
cross-article passes it finished and does the rest. The per-batch
work runs through :func:`kzru_lib.parallel.map_batches`, so a Dask cluster (``scheduler=``)
builds the same store as the local process pool.

Read it back with :func:`open_store` (a DuckDB connection with one view per table) or
:func:`read_table`; pandas, R (``arrow``), Stata and DuckDB read the parts directly
(``DIR/TABLE/*.parquet``).

Example:
    >>> from kzru_lib.store import build_store, read_table   # doctest: +SKIP
    >>> build_store("seeds", "build/seeds.store")            # doctest: +SKIP
    >>> read_table("build/seeds.store", "dates", where="role = 'event'")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import time
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import CorpusError, KzruError

__all__ = ["build_store", "open_store", "read_table", "is_store", "load_corpus_or_store", "term_frequency",
           "compare_store", "TABLES", "MANIFEST", "SKIPPABLE"]

MANIFEST = "manifest.json"
#: Tables of a store, in build order, with the columns they are sorted by when read back.
TABLES = {
    "corpus": ["doc_id"],
    "lines": ["doc_id", "line_no"],
    "doc_terms": ["doc_id", "count DESC", "term"],
    "dates": ["doc_id", "line_no", "start", "end"],
    "figures": ["doc_id", "line_no", "start", "end"],
    "mentions": ["date", "doc_id", "line_no", "start"],
    "events": ["date_start", "event_id"],
    "comparisons": [],
    "disagreements": [],
    "problems": ["path", "line_no"],
}
_PROBLEM_COLUMNS = ["path", "line_no", "severity", "problem"]
#: Tables ``build_store(skip=...)`` can leave out, with the tables that depend on them.
SKIPPABLE = {"doc_terms": (), "dates": ("mentions", "events"), "figures": ("comparisons", "disagreements"),
             "mentions": ("events",), "events": (), "comparisons": ("disagreements",), "duplicates": ()}
#: Tables that carry the corpus's near-duplicate columns (filled in after the last batch).
_CARRY_DUPLICATES = ("corpus", "lines", "mentions")
#: The template-line pass groups the line hashes of about this many articles at a time.
TEMPLATE_DOCS = 100_000
#: Kept lines in at least this many different stories of one outlet are its template (as in cleaning).
MIN_STORIES = 3


# --------------------------------------------------------------------------------------------
# Per-batch work (top-level functions with explicit arguments: they run in worker processes)
# --------------------------------------------------------------------------------------------


def _hash64(text: str) -> int:
    """A signed 64-bit hash of a string (stable across processes and machines)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)


def _keys_batch(max_bytes: int, table, items: list) -> tuple[list, list, list, list]:
    """First pass over one batch: what the template-line pass needs, as hashes.

    ``items`` are ``(seq, item)``: ``item`` a ``(path, doc_id)`` of a file or a
    :class:`~kzru_lib.sources.TableRow`. Returns ``(docs, keys, problems, fields)``: ``docs`` rows
    ``(seq, doc_id, path, line_no, where, outlet read from the text, outlet given by a table row,
    story hash or None)``; ``keys`` rows ``(seq, hash of a kept line's key)``; ``problems``
    ``(seq, path, line_no, problem)`` for articles that could not be read; ``fields`` the table
    columns met, in order.
    """
    from .loading import _read_and_clean

    docs, keys, problems, fields = [], [], [], {}
    for seq, item in items:
        row = None if isinstance(item, tuple) else item
        path, doc_id, line_no = (item[0], item[1], None) if row is None else (row.path, row.doc_id, row.line_no)
        rec = _read_and_clean(item[0] if row is None else row, max_bytes, table, None, False)
        if isinstance(rec, str):
            problems.append((seq, path, line_no, rec if row is None else f"row {row.row_no}: {rec}"))
            continue
        if row is not None:
            fields.update(dict.fromkeys(row.fields))
        summary = rec["summary"]
        story = None if summary.story is None else _hash64(summary.story)
        given = row.fields.get("outlet") if row is not None else None
        docs.append((seq, doc_id, path, line_no, path if row is None else row.where,
                     rec["meta"].get("outlet") or "", given, story))
        keys.extend((seq, _hash64(k)) for k in set(summary.kept_keys))
    return docs, keys, problems, list(fields)


@dataclass
class _Job:
    """Everything the per-batch build needs besides the batch (sent once to each worker)."""

    max_bytes: int
    patterns: object
    template: dict[str, set[int]]
    with_raw: bool
    term_options: object
    date_rules: object
    figure_rules: object
    link_dates: bool = True
    extra_columns: list[str] = field(default_factory=list)
    skip: frozenset[str] = frozenset()
    hosts: dict = field(default_factory=dict)
    source_columns: bool = False
    ngram: int = 1


class _Problems:
    """Collects problems in a worker, as :class:`kzru_lib.loading._Report` would report them."""

    def __init__(self, rows: list) -> None:
        self.rows = rows

    def add(self, path: str, problem: str, *, line_no: int | None = None, severity: str = "error") -> None:
        self.rows.append({"path": path, "line_no": line_no, "severity": severity, "problem": problem})


def _build_batch(job: _Job, batch: list) -> dict:
    """Second pass over one batch ``[(seq, item, sidecar row or None)]``: every per-article table.

    Returns ``{table name: DataFrame}`` plus ``"problems"``: rows for files that could not be
    read and for articles a stage failed on (that article is left out of that stage's table;
    the rest of the batch is written); and, for the near-duplicate pass, ``"_sigs"`` (each
    article's MinHash signature) and ``"_bands"`` (its LSH band keys).
    """
    from . import cleaning
    from .duplicates import DUPLICATE_COLUMNS
    from .loading import SOURCE_COLUMNS, _read_and_clean, _table_values, corpus_row

    problems: list[dict] = []
    docs = []
    for _seq, item, side in batch:
        row = None if isinstance(item, tuple) else item
        rec = _read_and_clean(item[0] if row is None else row, job.max_bytes, job.patterns, None, True)
        if isinstance(rec, str):  # read in the first pass: the file changed since
            problems.append({"path": item[0] if row is None else row.path,
                             "line_no": None if row is None else row.line_no, "severity": "error",
                             "problem": f"{rec} (the file changed while the store was built)"})
            continue
        doc_id = item[1] if row is None else row.doc_id
        rec["doc_id"] = doc_id
        rec["audit"].doc_id = doc_id
        given = _table_values(row, _Problems(problems)) if row is not None else {}
        # the template group, as the in-memory reader finds it: the sidecar's outlet, else the table's
        outlet = (side or {}).get("outlet")
        rec["group"] = outlet if isinstance(outlet, str) else given.get("outlet")
        rec["side"] = {**given, **(side or {})}
        docs.append(rec)
    if not docs:
        return {"problems": pd.DataFrame(problems, columns=_PROBLEM_COLUMNS)}
    rows = []
    for doc in docs:
        summary, meta, side = doc["summary"], doc["meta"], doc["side"]
        group = doc["group"] or meta.get("outlet") or ""
        common = job.template.get(group)
        hits = [j for j, key in enumerate(summary.kept_keys) if _hash64(key) in common] if common else []
        if hits:
            drop = set(hits)
            pieces = doc["kept_text"].split("\n")
            doc["kept_text"] = "\n".join(p for j, p in enumerate(pieces) if j not in drop)
            if any(summary.kept_labels[j] == "title" for j in hits):
                meta.pop("title", None)
            cleaning.drop_template_lines(doc["audit"], [summary.kept_idx[j] for j in hits])
        rows.append(corpus_row(doc, len(summary.kept_idx) - len(hits), side, job.hosts))
    # near-copies are marked after the last batch, from the signatures written here
    columns = [*_core_columns(), *(SOURCE_COLUMNS if job.source_columns else ()), *DUPLICATE_COLUMNS,
               *(c for c in job.extra_columns if not (job.source_columns and c in SOURCE_COLUMNS))]
    corpus = pd.DataFrame(rows, columns=columns, dtype=object)
    corpus = corpus.where(corpus.notna(), None).astype({"n_lines": "int64", "n_kept_lines": "int64"})
    audits = {d["doc_id"]: d["audit"] for d in docs}
    out = {"corpus": corpus if job.with_raw else corpus.drop(columns=["raw_text"])}
    if "duplicates" not in job.skip:
        out.update(_signature_tables(corpus))
    out["lines"] = lines = _stage(problems, corpus, "lines", lambda c: cleaning.lines_table(audits, c))
    if "doc_terms" not in job.skip:
        out["doc_terms"] = _stage(problems, corpus, "doc_terms", lambda c: _doc_terms(c, job))
    if "dates" not in job.skip:
        out["dates"] = _stage(problems, corpus, "dates", lambda c: _dates(c, lines, job))
    if "figures" not in job.skip:
        out["figures"] = _stage(problems, corpus, "figures", lambda c: _figures(c, lines, job))
    if "mentions" not in job.skip:
        out["mentions"] = _stage(problems, corpus, "mentions", lambda c: _mentions(c, out["dates"]))
    out["problems"] = pd.DataFrame(problems, columns=_PROBLEM_COLUMNS)
    return out


def _signature_tables(corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``_sigs`` (``doc_id``, ``published``, ``n`` shingles, ``sig`` bytes) and ``_bands`` (``doc_id``,
    ``k0`` ... one LSH key per band) of a batch: what the near-duplicate pass needs, ~0.8 KB an article."""
    from .duplicates import BANDS, band_keys, signatures

    sigs, counts = signatures(corpus["text"].tolist())
    published = [p if isinstance(p, str) and p else None for p in corpus["published"]]
    out = {"_sigs": pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "published": published, "n": counts,
                                  "sig": [r.tobytes() for r in sigs]})}
    has = counts > 0
    keys = band_keys(sigs[has])
    bands = pd.DataFrame(keys, columns=[f"k{b}" for b in range(BANDS)])
    bands.insert(0, "doc_id", corpus["doc_id"].to_numpy()[has])
    out["_bands"] = bands
    return out


def _core_columns() -> tuple[str, ...]:
    from .loading import CORPUS_COLUMNS

    return CORPUS_COLUMNS


def _stage(problems: list, corpus: pd.DataFrame, name: str, run):
    """Run one stage on a batch; if it fails, run it article by article and report the failures."""
    try:
        return run(corpus)
    except Exception:  # noqa: BLE001 - a bad article must not stop the build: find it, report it
        parts = []
        for i in range(len(corpus)):
            one = corpus.iloc[i:i + 1]
            try:
                parts.append(run(one))
            except Exception as exc:  # noqa: BLE001
                problems.append({"path": one["path"].iloc[0], "line_no": None, "severity": "error",
                                 "problem": f"{name} failed on this article: {type(exc).__name__}: {exc}"})
        return pd.concat(parts, ignore_index=True) if parts else run(corpus.iloc[:0])


def _doc_terms(corpus: pd.DataFrame, job: _Job) -> pd.DataFrame:
    from .terms import doc_terms

    return doc_terms(corpus[["doc_id", "text"]], options=job.term_options, ngram=job.ngram)


def _dates(corpus: pd.DataFrame, lines: pd.DataFrame, job: _Job) -> pd.DataFrame:
    from .dates import extract_dates

    return extract_dates(corpus, lines=lines[lines["doc_id"].isin(corpus["doc_id"])], rules=job.date_rules,
                         workers=1)


def _figures(corpus: pd.DataFrame, lines: pd.DataFrame, job: _Job) -> pd.DataFrame:
    from .figures import extract_figures
    from .segment import sentences, with_docvars

    lines = lines[lines["doc_id"].isin(corpus["doc_id"])]
    figures = extract_figures(corpus, rules=job.figure_rules, link_dates=job.link_dates, workers=1,
                              sentences=sentences(corpus, lines=lines))
    return with_docvars(figures, corpus, columns=[c for c in ("outlet", "published") if c in corpus.columns])


def _mentions(corpus: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    from .timeline import find_events

    return find_events(dates[dates["doc_id"].isin(corpus["doc_id"])], corpus=corpus)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class _Writer:
    """Appends one Parquet part per batch to each table's folder."""

    def __init__(self, root: Path):
        self.root = root
        self.parts: dict[str, int] = {}
        self.rows: dict[str, int] = {}

    def write(self, name: str, frame: pd.DataFrame, part: int | None = None) -> None:
        """Append ``frame`` as the next part of table ``name`` (``part``: the part's number, e.g. its batch's)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        k = self.parts.get(name, 0) if part is None else part
        frame = frame.reset_index(drop=True)
        frame.attrs = {}  # audit extras in attrs (problems, datelines) are written as tables of their own
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if name in _CARRY_DUPLICATES and "duplicate_of" in table.column_names:
            # typed, so that the near-duplicate pass can fill them in any part
            from .duplicates import DUPLICATE_COLUMNS

            for col, kind in zip(DUPLICATE_COLUMNS, (pa.string(), pa.string(), pa.float64()), strict=True):
                if col in table.column_names and table.schema.field(col).type != kind:
                    table = table.set_column(table.column_names.index(col), col, table[col].cast(kind))
        pq.write_table(table, folder / f"part-{k:06d}.parquet", compression="zstd")
        self.parts[name] = max(self.parts.get(name, 0), k + 1)
        self.rows[name] = self.rows.get(name, 0) + len(frame)

    def recount(self, names) -> None:
        """Take the parts and rows of the tables ``names`` already on disk (a build resumed)."""
        import pyarrow.parquet as pq

        for name in names:
            parts = sorted((self.root / name).glob("part-*.parquet"))
            if parts:
                self.parts[name] = int(parts[-1].stem.split("-")[1]) + 1
                self.rows[name] = sum(pq.read_metadata(p).num_rows for p in parts)


#: Seconds between two progress lines of the articles pass (``progress=True``): a million articles take hours.
PROGRESS_SECONDS = 60


def _duration(seconds: float) -> str:
    """A time to go as a reader says it: "40 s", "12 min", "2 h 05 min"."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"


#: The build's record of what it finished (in the work folder): ``fingerprint HEX``, then ``batch N`` per batch of
#: the articles pass written and ``stage NAME`` per cross-article pass done, one line each, appended as they finish.
PROGRESS = "progress.txt"
#: What an interrupted build keeps in its work folder for ``resume``: the per-batch signatures and band keys of the
#: near-duplicate pass, and the progress record. The rest is made again.
_KEPT_ON_RESUME = ("sigs", "bands", PROGRESS)


class _Progress:
    """What an interrupted build finished (:data:`PROGRESS`), and the record of what this one finishes."""

    def __init__(self, work: Path, resume: bool) -> None:
        self.path = work / PROGRESS
        self.fingerprint, self.batches, self.stages = None, set(), set()
        if resume and self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                kind, _, value = line.partition(" ")
                if kind == "fingerprint":
                    self.fingerprint = value
                elif kind == "batch" and value.isdigit():
                    self.batches.add(int(value))
                elif kind == "stage":
                    self.stages.add(value)

    def note(self, line: str) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())


def _require_store_libs() -> None:
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise KzruError(f"the store needs pyarrow and duckdb ({exc.name} is missing): "
                        "pip install 'kzru[store]'") from None


def _prepare(store: Path, resume: bool = False) -> bool:
    """Make ``store`` ready to be built: emptied of an earlier store's tables, or, with ``resume``, kept as an
    interrupted build left it (whether it did: it has a work folder with a progress record)."""
    interrupted = (store / "_work" / PROGRESS).is_file()
    if store.exists():
        if not store.is_dir():
            raise KzruError(f"{store}: exists and is not a folder")
        if any(store.iterdir()) and not (store / MANIFEST).exists() and not interrupted:
            raise KzruError(f"{store}: folder is not empty and is not a kzru store; give a new folder")
        if resume and interrupted:
            work = store / "_work"
            for item in work.iterdir():  # what was being made when it stopped is made again
                if item.name not in _KEPT_ON_RESUME:
                    shutil.rmtree(item) if item.is_dir() else item.unlink()
            shutil.rmtree(store / "_events", ignore_errors=True)
            (store / MANIFEST).unlink(missing_ok=True)
            return True
        for name in [*TABLES, "_work", "_events"]:
            shutil.rmtree(store / name, ignore_errors=True)
        (store / MANIFEST).unlink(missing_ok=True)
    store.mkdir(parents=True, exist_ok=True)
    return False


def _file_sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_store(
    corpus: str | os.PathLike,
    store: str | os.PathLike,
    *,
    batch_size: int = 500,
    workers: int | None = None,
    scheduler: str | None = None,
    strict: bool = False,
    patterns=None,
    max_bytes: int | None = None,
    with_raw: bool = False,
    term_options=None,
    ngram: int = 1,
    date_rules=None,
    figure_rules=None,
    link_dates: bool = True,
    tolerance_days: int = 1,
    rates: pd.DataFrame | None = None,
    progress: bool = False,
    skip: tuple[str, ...] = (),
    columns: dict[str, str] | None = None,
    resume: bool = False,
) -> dict:
    """Run every stage once over a corpus and write the store (see the module docstring).

    Args:
        corpus: folder of articles (``.txt``, ``.html``, tables of articles), or one table of
            articles (``.csv``, ``.jsonl``, ``.parquet``), as for :func:`kzru_lib.loading.read_corpus`;
            tables are streamed (read in batches, twice), never held whole.
        store: folder to write; created, or rebuilt when it holds a store already.
        batch_size: articles per batch (memory grows with it, not with the corpus).
        workers: local processes (``None``: one per CPU from 1,000 articles on; 1: none).
        scheduler: a Dask scheduler address (default ``KZRU_DASK_SCHEDULER``).
        strict, patterns, max_bytes: as for :func:`kzru_lib.loading.read_corpus`.
        with_raw: also keep ``raw_text`` in the corpus table.
        term_options: :func:`kzru_lib.terms.term_options` (default: the defaults).
        ngram: what ``doc_terms`` counts: terms (1), or n-grams of 2 or 3 terms
            (:func:`kzru_lib.terms.doc_terms`); the manifest's ``options`` records it.
        date_rules, figure_rules: compiled rule tables (default: the bundled ones).
        link_dates: link figures to periods.
        tolerance_days, rates: for event merging and figure comparison.
        progress: print one line per pass on stderr.
        skip: tables not to build (:data:`SKIPPABLE`); a table's dependants go with it
            (``dates`` takes ``mentions`` and ``events``; ``figures`` takes ``comparisons``;
            ``events`` leaves ``mentions`` without ``event_id``; ``duplicates`` leaves the
            corpus's near-duplicate columns empty).
        columns: ``{role: column}`` of the tables of articles (see
            :func:`kzru_lib.sources.resolve_columns`; default: a :class:`~kzru_lib.sources.CorpusPath`'s).
        resume: go on with a build of ``store`` that stopped before its end (killed, out of disk, the
            machine restarted): the batches of articles it wrote and the cross-article passes it finished
            are kept, the rest is done (the corpus is read again for the template lines, which takes a
            few percent of the time). The store is the one a build from the start writes. The corpus and
            the options must be those of the interrupted build (else a :class:`KzruError` says so); with
            nothing to resume, the store is built from the start. kzru's code and rule tables must be
            those that began it too (an upgrade in between: build again).

    Returns:
        The manifest (also written to ``STORE/manifest.json``).

    Raises:
        CorpusError: as :func:`kzru_lib.loading.read_corpus` (missing folder, no readable article,
            or any problem in strict mode).
    """
    from . import cleaning, sources
    from .loading import MAX_BYTES, _Report
    from .parallel import default_workers, process_pool, scheduler_address

    _require_store_libs()
    if isinstance(corpus, sources.CorpusPath) and columns is None:
        columns = corpus.columns
    unknown = set(skip) - set(SKIPPABLE)
    if unknown:
        raise KzruError(f"skip: {', '.join(sorted(unknown))}: only {', '.join(SKIPPABLE)} can be skipped")
    skip = set(skip)
    for table, dependants in SKIPPABLE.items():
        if table in skip:
            skip.update(dependants)
    if batch_size < 1:
        raise KzruError(f"batch size must be at least 1, got {batch_size}")
    if ngram not in (1, 2, 3):
        raise KzruError(f"ngram must be 1, 2 or 3, got {ngram}")
    started = time.time()
    folder, root = Path(corpus), Path(store)
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder does not exist")
    is_table = folder.is_file() and folder.name.lower().endswith(sources.TABLE_SUFFIXES)
    if not folder.is_dir() and not is_table:
        raise CorpusError(f"{folder}: is a file, not a corpus folder (give the folder that holds the .txt articles) "
                          f"nor a table of articles ({', '.join(sources.TABLE_SUFFIXES)})")
    source = _Source(folder, columns)
    report = _Report(strict=strict)
    n_items = source.estimate()
    if not n_items:
        source.items(report).close()
        report.summary()
        raise CorpusError(f"{folder}: no .txt articles (nor .html pages or tables of articles) in this folder")
    resuming = _prepare(root, resume)
    work = root / "_work"
    work.mkdir(exist_ok=resuming)
    table = cleaning.load_patterns(patterns, folder=source.home)
    max_bytes = max_bytes or MAX_BYTES
    workers = workers if workers is not None else default_workers(n_items)
    pool = None
    if workers != 1 and not (scheduler or scheduler_address()):
        # one pool for both passes, made before DuckDB or pyarrow start threads here (see process_pool)
        pool = process_pool(workers or os.cpu_count() or 1)
    run = {"workers": workers, "scheduler": scheduler, "executor": pool}
    try:
        return _build(source, root, report, table, max_bytes, run, started, batch_size=batch_size,
                      with_raw=with_raw, term_options=term_options, ngram=ngram, date_rules=date_rules,
                      figure_rules=figure_rules, link_dates=link_dates, tolerance_days=tolerance_days,
                      rates=rates, progress=progress, skip=skip, patterns=patterns, strict=strict,
                      resuming=resuming)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class _Source:
    """The articles of a corpus folder or table, streamed in the same order on every pass.

    Work items are ``(seq, item)``: ``seq`` numbers the articles in reading order (files in path
    order, then the rows of each table), ``item`` is ``(path, doc_id)`` for a file or a
    :class:`~kzru_lib.sources.TableRow`. Nothing is listed whole: folders are walked one at a time
    and tables read in batches (so a pass holds a batch, not the corpus).
    """

    def __init__(self, path: Path, columns: dict | None) -> None:
        self.path, self.columns = path, columns
        self.is_table = path.is_file()
        self.home = path.parent if self.is_table else path  # where metadata.csv, hosts.csv... are looked for

    def items(self, report=None):
        """``(seq, item)`` in order; problems with files and rows go to ``report`` (``None``: not again)."""
        from . import sources
        from .loading import iter_article_files

        tables: list[str] = [str(self.path)] if self.is_table else []
        seq = 0
        if not self.is_table:
            for path, doc_id in iter_article_files(self.path, report, tables, self.columns):
                yield seq, (path, doc_id)
                seq += 1
        for path in tables:
            try:
                for item in sources.iter_table(path, columns=self.columns):
                    if isinstance(item, tuple):
                        if report is not None:
                            report.add(path, item[1], line_no=item[0])
                        continue
                    yield seq, item
                    seq += 1
            except (KeyError, ValueError, OSError, ImportError) as exc:
                if report is not None:
                    report.add(path, f"table not read further: {exc.args[0] if isinstance(exc, KeyError) else exc}")

    def estimate(self, limit: int = 1000) -> int:
        """Articles, counted up to ``limit`` (files) plus the tables' bytes / 2,000: enough to pick the workers."""
        from itertools import islice

        from . import sources
        from .loading import iter_article_files

        if self.is_table:
            return max(1, self.path.stat().st_size // 2000)
        tables: list[str] = []
        n = sum(1 for _ in islice(iter_article_files(self.path, None, tables, self.columns), limit))
        if n < limit:
            n += sum(max(1, os.path.getsize(t) // 2000) for t in tables if t.lower().endswith(sources.TABLE_SUFFIXES))
        return n


def _duckdb(work: Path):
    """A DuckDB connection for the cross-article passes: bounded memory, spilling to the work folder."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{os.environ.get('KZRU_DUCKDB_MEMORY', '512MB')}'")
    con.execute(f"SET temp_directory = '{_sql_path(work / 'duckdb_tmp')}'")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")  # long queries print none to the command's stdout
    return con


def _sql_path(path) -> str:
    return str(path).replace("'", "''")


def _parts(path: Path) -> str:
    return f"read_parquet('{_sql_path(path)}/*.parquet', union_by_name = true)"


def _build(source: _Source, root: Path, report, table, max_bytes: int, run: dict, started: float, *,
           batch_size, with_raw, term_options, ngram, date_rules, figure_rules, link_dates, tolerance_days, rates,
           progress, skip, patterns, strict, resuming=False) -> dict:
    """:func:`build_store` once the pool is made (``resuming``: an interrupted build of ``root`` is gone on with)."""
    from . import __version__, urls
    from .dates import load_date_rules
    from .duplicates import DUPLICATE_COLUMNS
    from .figures import compare_figures, figure_disagreements
    from .figures import figure_rules as _figure_rules
    from .loading import HOSTS_FILE, METADATA_FILE, PATTERNS_FILE
    from .parallel import batched, map_batches
    from .terms import term_options as _term_options
    from .timeline import assign_events, merge_events

    workers = run["workers"]
    scheduler = run["scheduler"]
    work = root / "_work"
    folder = source.home

    timings: dict[str, float] = {}
    lap = [started]

    def say(step: str, message: str) -> None:
        now = time.time()
        timings[step] = round(now - lap[0], 2)
        lap[0] = now
        tell(message, now)

    def tell(message: str, now: float | None = None) -> None:  # a line of progress (no step's time taken)
        if progress and os.environ.get("KZRU_QUIET") != "1":
            print(f"kzru build: {message} ({(now or time.time()) - started:.0f} s)", file=sys.stderr, flush=True)

    # pass 1: hashes of kept lines and stories -> template lines per outlet; compact rows per article
    writer = _Writer(work)
    n_items = 0
    fields: dict[str, None] = {}
    unread: set[int] = set()  # seq of the articles not read (compact: one int per problem)
    any_html = any_row = False

    def counted(items):
        nonlocal n_items, any_html, any_row
        for seq, item in items:
            n_items += 1
            if isinstance(item, tuple):
                any_html = any_html or item[0].lower().endswith((".html", ".htm"))
            else:
                any_row = True
            yield seq, item

    for docs, keys, problems, names in map_batches(_keys_batch, batched(counted(source.items(report)), batch_size),
                                                   shared=(max_bytes, table), **run):
        fields.update(dict.fromkeys(names))
        for seq, path, line_no, problem in problems:
            unread.add(seq)
            report.add(path, problem, line_no=line_no)
        writer.write("docs", pd.DataFrame(docs, columns=["seq", "doc_id", "path", "line_no", "where", "text_outlet",
                                                         "given_outlet", "story"]).astype({"seq": "int64"}))
        writer.write("keys", pd.DataFrame(keys, columns=["seq", "key"]).astype({"seq": "int64", "key": "int64"}))
    con = _duckdb(work)
    # a doc_id read a second time (a.txt and a.html, a repeated table id): the first one is used
    repeated, n_read = _repeated_ids(con, work)
    for seq, doc_id, path, line_no, first in repeated:
        unread.add(seq)
        report.add(path, f"doc_id {doc_id!r} already used by {first}; not used",
                   line_no=None if line_no is None or pd.isna(line_no) else int(line_no))
    if not n_read:
        report.summary()
        first = report.rows[0]["problem"] if report.rows else "none found"
        raise CorpusError(f"{source.path}: none of the {n_items} articles could be read (first problem: {first})")
    say("read_hashes", f"pass 1: {n_read} of {n_items} articles read")

    side_columns = _sidecar(folder, work, report, con) if not source.is_table else None
    extra = list(dict.fromkeys(c for c in [*fields, *(side_columns or [])]
                               if c not in _core_columns() and c not in DUPLICATE_COLUMNS))
    template = _template_hashes(work, con, side_columns is not None and "outlet" in side_columns, n_read,
                                [r[0] for r in repeated])
    say("template_lines", f"template lines: {sum(map(len, template.values()))} in {len(template)} outlets")

    options = {"batch_size": batch_size, "workers": workers, "scheduler": scheduler, "with_raw": with_raw,
               "max_bytes": max_bytes, "patterns": str(patterns) if isinstance(patterns, (str, Path)) else
               ("DataFrame" if patterns is not None else None), "link_dates": link_dates,
               "tolerance_days": tolerance_days, "rates": rates is not None, "skip": sorted(skip),
               "columns": source.columns or None, "ngram": ngram}
    record = _Progress(work, resuming)
    # the workers change no table, and the passes after the articles pass may be left out on resuming (a figure
    # comparison that ran out of memory: --skip comparisons)
    same = {k: v for k, v in options.items() if k not in ("workers", "scheduler")}
    same["skip"] = sorted(skip - {"events", "comparisons", "disagreements"})
    fingerprint = _fingerprint(con, work, template, [__version__, _code_digest(), same, str(term_options),
                                                     str(patterns)])
    if record.fingerprint is not None and record.fingerprint != fingerprint:
        raise KzruError(f"{root}: cannot resume this build: the corpus or the options are not those of the build "
                        "that stopped (build the store again, without resume)")
    if record.fingerprint is None:
        record.note(f"fingerprint {fingerprint}")
    out = _Writer(root)
    if resuming:
        _forget_unfinished(root, work, record)
        out.recount(TABLES)
    job = _Job(max_bytes=max_bytes, patterns=table, template=template, with_raw=with_raw,
               term_options=term_options or _term_options(), ngram=ngram,
               date_rules=date_rules or load_date_rules(), figure_rules=figure_rules or _figure_rules(),
               link_dates=link_dates, extra_columns=extra, skip=frozenset(skip),
               hosts=urls.load_hosts(folder / HOSTS_FILE if (folder / HOSTS_FILE).is_file() else None),
               # the in-memory reader adds url/title_basis/outlet_basis when some article is a table
               # row or an HTML page, or has a URL
               source_columns=bool(any_row or "url" in extra or any_html))
    # pass 2: every per-article table, written batch by batch (each part numbered by its batch)
    writer.recount(["sigs", "bands"])
    con.close()  # DuckDB keeps what it read cached: let it go before the long pass
    done_resumed = len(record.batches)
    if "articles" not in record.stages:
        side_rows = _side_rows(work, report) if side_columns else iter(())
        items = _with_side((x for x in source.items(None) if x[0] not in unread), side_rows)
        order: deque = deque()  # the numbers of the batches sent, in order (results come back in that order)

        def todo():
            for i, batch in enumerate(batched(items, batch_size)):
                if i not in record.batches:  # written by the build that stopped
                    order.append(i)
                    yield batch

        n_batches = -(-n_read // batch_size)
        shown = begun = time.time()
        for tables in map_batches(_build_batch, todo(), shared=(job,), **run):
            i = order.popleft()
            for name, frame in tables.items():
                (writer if name.startswith("_") else out).write(name.lstrip("_"), frame, part=i)
            record.note(f"batch {i}")
            record.batches.add(i)
            if progress and time.time() - shown >= PROGRESS_SECONDS and os.environ.get("KZRU_QUIET") != "1":
                shown = time.time()
                n_done = len(record.batches)
                left = (shown - begun) / max(1, n_done - done_resumed) * max(0, n_batches - n_done)
                print(f"kzru build: pass 2: {n_done} of {n_batches} batches ({100 * n_done // max(1, n_batches)} %), "
                      f"about {_duration(left)} to go ({shown - started:.0f} s)", file=sys.stderr, flush=True)
        for name in _PER_BATCH:
            if name not in out.parts and name not in skip:
                out.write(name, pd.DataFrame())
        record.note("stage articles")
    say("articles", f"pass 2: {out.rows.get('corpus', 0)} articles written"
        + (f" ({done_resumed} batches of them before the build was resumed)" if resuming else ""))
    if run["executor"] is not None:  # the cross-article passes run here: free the workers' memory now
        run["executor"].shutdown(wait=True)

    if "duplicates" not in skip and "duplicates" not in record.stages:
        con = _duckdb(work)
        n_copies = _mark_duplicates(root, work, con)
        con.close()
        record.note("stage duplicates")
        say("duplicates", f"near-duplicates: {n_copies} copies marked")

    # cross-article passes on the written tables
    if "events" not in skip and "events" not in record.stages:
        n_blocks = _merge_events_in_blocks(root, out, tolerance_days)
        if n_blocks is None:  # no mention at all: the in-memory functions give the empty tables
            mentions = read_table(root, "mentions")
            mentions = assign_events(mentions, tolerance_days=tolerance_days)
            _rewrite(root, "mentions", mentions, out)
            out.write("events", merge_events(mentions, tolerance_days=tolerance_days))
            del mentions
        record.note("stage events")
        say("events", f"events merged ({n_blocks or 0} blocks of dates)")
    if "comparisons" not in skip and "comparisons" not in record.stages:
        n_blocks = _compare_in_blocks(root, out, rates, say=lambda message: tell(f"comparisons: {message}"))
        if n_blocks is None:  # no figure with a metric: the in-memory functions give the empty tables
            figures = read_table(root, "figures")
            out.write("comparisons", compare_figures(figures, rates=rates))
            out.write("disagreements", figure_disagreements(figures, rates=rates))
        record.note("stage comparisons")
        say("comparisons", f"figures compared ({n_blocks or 0} parts of the tables)")
    if "problems" not in record.stages:  # (else gathered whole by the build that stopped, its last step)
        stage_problems = read_table(root, "problems")
        if strict and len(stage_problems):
            first = stage_problems.iloc[0]
            raise CorpusError(f"{first['path']}: {first['problem']}")
        problems = pd.concat([pd.DataFrame(report.rows, columns=_PROBLEM_COLUMNS), stage_problems],
                             ignore_index=True)
        for row in stage_problems.itertuples():
            warnings.warn(f"{row.path}: {row.problem}", stacklevel=2)
        _rewrite(root, "problems", problems, out)
        record.note("stage problems")
    report.summary()

    manifest = {
        "kzru_version": __version__,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.time() - started, 1),
        "corpus": str(source.path.resolve()),
        "options": options,
        "resumed": resuming,
        "counts": {name: out.rows.get(name, 0) for name in TABLES if name in out.rows},
        "timings": timings,
        "files": n_items,
        "inputs_sha256": _inputs_digest(root),
        "metadata_sha256": None if source.is_table else _file_sha256(folder / METADATA_FILE),
        "patterns_sha256": _file_sha256(folder / PATTERNS_FILE),
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(work)  # the build is whole: nothing to resume
    return manifest


def _code_digest() -> str:
    """sha256 of kzru's code and bundled rule tables: a build is resumed only by the code that began it."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".csv", ".json", ".txt")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _fingerprint(con, work: Path, template: dict, state: list) -> str:
    """What a resumed build must share with the one that stopped: the articles read by the first pass (paths,
    ids, their kept lines' hashes), the template lines found from them, kzru's version, code and rule tables, and
    the options."""
    docs = con.execute(f"SELECT count(*), bit_xor(hash(seq, doc_id, path, line_no)) FROM {_parts(work / 'docs')}"
                       ).fetchone()
    keys = con.execute(f"SELECT count(*), bit_xor(hash(seq, key)) FROM {_parts(work / 'keys')}").fetchone()
    lines = sorted((group, sorted(hashes)) for group, hashes in template.items())
    return hashlib.sha256(json.dumps([state, list(docs), list(keys), lines], default=str).encode()).hexdigest()


#: The tables of a store written batch by batch (in the store and in its work folder), and the passes
#: after the articles pass with the tables each writes.
_PER_BATCH = ("corpus", "lines", "doc_terms", "dates", "figures", "mentions", "problems")
_PASS_TABLES = {"events": ("events",), "comparisons": ("comparisons", "disagreements")}


def _forget_unfinished(root: Path, work: Path, progress: _Progress) -> None:
    """Remove what an interrupted build was writing when it stopped: the parts of batches it did not finish
    (a batch is finished once its number is in the progress record) and the tables of a pass it did not."""
    import pyarrow.parquet as pq

    if "articles" not in progress.stages:
        keep = {f"part-{i:06d}.parquet" for i in progress.batches}
        for folder in [*(root / n for n in _PER_BATCH), work / "sigs", work / "bands"]:
            for part in folder.glob("*.parquet") if folder.is_dir() else ():
                if part.name not in keep:
                    part.unlink()
    first = next(iter(sorted((root / "mentions").glob("*.parquet"))), None)
    if "events" not in progress.stages and (root / "events").is_dir() and first is not None \
            and "event_id" in pq.read_schema(first).names:
        progress.note("stage events")  # it stopped after the merged events took their place, before noting it
        progress.stages.add("events")
    for name, tables in _PASS_TABLES.items():
        if name not in progress.stages:
            for table in tables:
                shutil.rmtree(root / table, ignore_errors=True)


def _with_side(items, side_rows):
    """``(seq, item, sidecar row or None)``: the sidecar rows (in ``seq`` order) merged into the items."""
    pending = next(side_rows, None)
    for seq, item in items:
        while pending is not None and pending[0] < seq:
            pending = next(side_rows, None)
        if pending is not None and pending[0] == seq:
            yield seq, item, pending[1]
        else:
            yield seq, item, None


def _sidecar(folder: Path, work: Path, report, con) -> list[str] | None:
    """Check ``metadata.csv`` against the articles read, streaming it; its columns (``None``: no sidecar).

    Rows are read one at a time and written in parts to the work folder; the rows naming no
    article read and the repeats of a doc_id are found in DuckDB and reported as
    :func:`kzru_lib.loading.read_corpus` reports them; the usable rows are left in
    ``_work/side_ok.parquet``, sorted by the article's ``seq``.
    """
    from .loading import _SIDECAR_WINS, METADATA_FILE

    path = folder / METADATA_FILE
    if not path.exists():
        return None
    header = None
    writer = _Writer(work)
    chunk: list[dict] = []
    for item in _sidecar_records(path, report):
        if isinstance(item, list):
            header = item
            continue
        chunk.append(item)
        if len(chunk) >= 50_000:
            writer.write("side", pd.DataFrame(chunk, columns=[*header, "_line_no"], dtype=object))
            chunk = []
    if header is None:
        return None
    if chunk or "side" not in writer.parts:
        writer.write("side", pd.DataFrame(chunk, columns=[*header, "_line_no"], dtype=object))
    shown = str(path)
    side = f"read_parquet('{_sql_path(work / 'side')}/*.parquet')"
    docs = f"(SELECT doc_id, min(seq) AS seq FROM {_parts(work / 'docs')} GROUP BY doc_id)"
    con.execute(f"CREATE TEMP TABLE side_checked AS SELECT s.*, d.seq AS _seq, "
                f"CASE WHEN d.seq IS NULL THEN NULL ELSE row_number() OVER (PARTITION BY s.doc_id, d.seq IS NULL "
                f"ORDER BY CAST(s._line_no AS BIGINT)) END AS _k, "
                f"first_value(CAST(s._line_no AS BIGINT)) OVER (PARTITION BY s.doc_id, d.seq IS NULL "
                f"ORDER BY CAST(s._line_no AS BIGINT)) AS _first "
                f"FROM {side} s LEFT JOIN {docs} d USING (doc_id)")
    for doc_id, line_no, seq, _k, first in con.execute(
            "SELECT doc_id, CAST(_line_no AS BIGINT), _seq, _k, _first FROM side_checked "
            "WHERE _seq IS NULL OR _k > 1 ORDER BY CAST(_line_no AS BIGINT)").fetchall():
        if seq is None:
            report.add(shown, f"doc_id {doc_id!r} matches no .txt article in the folder; row not used",
                       line_no=line_no)
        else:
            report.add(shown, f"doc_id {doc_id!r} already given on line {first}; this row not used", line_no=line_no)
    con.execute(f"COPY (SELECT * EXCLUDE (_k, _first) FROM side_checked WHERE _k = 1 ORDER BY _seq) "
                f"TO '{_sql_path(work / 'side_ok.parquet')}' (FORMAT parquet)")
    con.execute("DROP TABLE side_checked")
    for key in header:
        if key != "doc_id" and key in _core_columns() and key not in _SIDECAR_WINS:
            report.add(shown, f"column {key!r} is computed by kzru and cannot be set in the sidecar; ignored",
                       line_no=1, severity="note")
    return [h for h in header if h != "doc_id"]


def _sidecar_records(path: Path, report):
    """The header (a list), then each usable row of ``metadata.csv`` as a dict with ``_line_no``.

    Read a line at a time when the file is UTF-8 (else decoded whole, as the in-memory reader
    does); the checks that need no other row are :func:`kzru_lib.loading.sidecar_rows`, the same
    as the in-memory reader's.
    """
    import codecs

    from .loading import DecodeProblem, decode_bytes, normalize_text, sidecar_rows

    shown = str(path)
    try:
        utf8 = True
        decoder = codecs.getincrementaldecoder("utf-8")()
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        utf8 = False
    except OSError as exc:
        report.add(shown, f"metadata file not read: {exc}")
        return

    def lines():
        if utf8:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                for line in fh:
                    yield from normalize_text(line).splitlines()
        else:
            try:
                text, _ = decode_bytes(path.read_bytes())
            except (OSError, DecodeProblem) as exc:
                report.add(shown, f"metadata file not read: {exc}")
                return
            yield from normalize_text(text).splitlines()

    rows = sidecar_rows(lines(), shown, report)
    header = next(rows, None)
    if header is None:
        return
    yield header
    for line_no, rec in rows:
        rec["_line_no"] = str(line_no)
        yield rec


def _side_rows(work: Path, report):
    """``(seq, {column: value})`` of the usable sidecar rows, in ``seq`` order, read in batches;
    ``published`` parsed (a bad date is reported and ignored, as the in-memory reader does)."""
    import pyarrow.parquet as pq

    from .loading import METADATA_FILE, parse_date

    path = work / "side_ok.parquet"
    shown = str(work.parent / METADATA_FILE)
    for batch in pq.ParquetFile(path).iter_batches(batch_size=10_000):
        for rec in batch.to_pylist():
            seq, line_no = rec.pop("_seq"), rec.pop("_line_no")
            rec.pop("doc_id")
            if rec.get("published"):
                iso = parse_date(rec["published"])
                if iso is None:
                    report.add(shown, f"published {rec['published']!r} is not a date (expected YYYY-MM-DD, "
                               "YYYY-MM or YYYY); value ignored", line_no=int(line_no))
                rec["published"] = iso
            yield seq, rec


def _mark_duplicates(root: Path, work: Path, con) -> int:
    """Fill the corpus's near-duplicate columns from the signatures written per batch.

    Same result as :func:`kzru_lib.duplicates.mark_duplicates` on the whole corpus, in memory
    that does not grow with the corpus:

    * the candidates (articles sharing an LSH bucket with another) are numbered in ``doc_id``
      order and their signatures written to a flat file in that order;
    * each band's candidate pairs (every pair of a bucket, or a chain for a big bucket, as
      :func:`~kzru_lib.duplicates.bucket_pairs`) are made in DuckDB, which spills to disk;
    * the pairs are written partitioned by the block (:data:`DUPLICATE_BLOCK_ROWS` candidates) of
      their first candidate; each block's distinct pairs come back sorted by the block of their
      second, and are checked with the signatures of two blocks in memory at a time;
    * only the corpus parts holding a copy are rewritten.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .duplicates import _BIG_BUCKET, BANDS, CONTAINMENT, NUM_PERM, THRESHOLD, check_pairs, clusters

    if not (work / "bands").is_dir():
        return 0
    block = DUPLICATE_BLOCK_ROWS
    sigs_table = f"read_parquet('{_sql_path(work / 'sigs')}/*.parquet')"
    con.execute(f"CREATE TEMP TABLE b AS SELECT * FROM read_parquet('{_sql_path(work / 'bands')}/*.parquet')")
    groups = " UNION ".join(f"SELECT doc_id FROM b QUALIFY count(*) OVER (PARTITION BY k{band}) > 1"
                            for band in range(BANDS))
    con.execute("CREATE TEMP TABLE cand AS SELECT doc_id, (row_number() OVER (ORDER BY doc_id) - 1)::BIGINT AS pos "
                f"FROM (SELECT DISTINCT doc_id FROM ({groups}))")
    n = con.execute("SELECT count(*) FROM cand").fetchall()[0][0]
    if not n:
        con.execute("DROP TABLE b")
        con.execute("DROP TABLE cand")
        return 0
    # the candidates' signatures, one row of NUM_PERM uint32 each, to a file in pos order
    path = work / "candidate_signatures.u32"
    counts = np.empty(n, dtype=np.int64)
    reader = con.sql(f"SELECT n, sig FROM {sigs_table} JOIN cand USING (doc_id) ORDER BY pos"
                         ).to_arrow_reader(50_000)
    done = 0
    with open(path, "wb") as out:
        for batch in reader:
            counts[done:done + batch.num_rows] = batch.column("n").to_numpy()
            out.write(b"".join(batch.column("sig").to_pylist()))
            done += batch.num_rows
    if path.stat().st_size != n * NUM_PERM * 4:
        raise RuntimeError(f"near-duplicates: {path} holds {path.stat().st_size} bytes for {n} signatures")

    def rows(first: int, stop: int) -> np.ndarray:  # the signatures of candidates first..stop-1
        return np.fromfile(path, dtype=np.uint32, count=(stop - first) * NUM_PERM,
                           offset=first * NUM_PERM * 4).reshape(-1, NUM_PERM)

    # each band's pairs, in DuckDB: every pair of a bucket of two to _BIG_BUCKET, a chain for a bigger one
    con.execute("CREATE TEMP TABLE bc AS SELECT b.* EXCLUDE (doc_id), pos FROM b JOIN cand USING (doc_id)")
    con.execute("DROP TABLE b")
    con.execute("CREATE TEMP TABLE pairs (i BIGINT, j BIGINT)")
    for band in range(BANDS):
        con.execute(f"""INSERT INTO pairs
            WITH g AS (SELECT pos, k{band} AS k, count(*) OVER (PARTITION BY k{band}) AS size,
                              lead(pos) OVER (PARTITION BY k{band} ORDER BY pos) AS nxt FROM bc),
                 small AS (SELECT pos, k FROM g WHERE size BETWEEN 2 AND {_BIG_BUCKET})
            SELECT a.pos, c.pos FROM small a JOIN small c ON a.k = c.k AND a.pos < c.pos
            UNION ALL SELECT pos, nxt FROM g WHERE size > {_BIG_BUCKET} AND nxt IS NOT NULL""")
    con.execute("DROP TABLE bc")
    # the pairs written partitioned by the block of their first candidate, so that DuckDB makes them
    # distinct and sorts them one block at a time (all pairs at once grew with the corpus, above
    # DuckDB's own memory limit: 876 MB for the pass at a million articles)
    by_block = work / "duplicate_pairs"
    con.execute(f"COPY (SELECT i, j, i // {block} AS bi FROM pairs) TO '{_sql_path(by_block)}' "
                "(FORMAT parquet, PARTITION_BY (bi))")
    con.execute("DROP TABLE pairs")
    loaded: dict[int, np.ndarray] = {}
    found_codes = [np.empty(0, dtype=np.int64)]
    for part in sorted(by_block.glob("bi=*"), key=lambda p: int(p.name[3:])):
        # the distinct pairs of one block, by the block of their second candidate: two blocks of signatures in memory
        reader = con.sql(f"SELECT i, j, j // {block} AS bj FROM read_parquet('{_sql_path(part)}/*.parquet', "
                         "hive_partitioning = false) GROUP BY i, j ORDER BY bj").to_arrow_reader(50_000)
        first = int(part.name[3:])
        for batch in reader:
            i, j, bj = batch.column("i").to_numpy(), batch.column("j").to_numpy(), batch.column("bj").to_numpy()
            cuts = np.flatnonzero(bj[1:] != bj[:-1]) + 1
            for lo, hi in zip(np.r_[0, cuts].tolist(), np.r_[cuts, len(i)].tolist(), strict=True):
                want = (first, int(bj[lo]))
                loaded = {k: loaded[k] if k in loaded else rows(k * block, min(n, (k + 1) * block)) for k in want}
                x, y = i[lo:hi], j[lo:hi]
                sig_x, sig_y = loaded[want[0]][x - want[0] * block], loaded[want[1]][y - want[1] * block]
                keep = check_pairs(x, sig_x, sig_y, counts[x], counts[y], THRESHOLD, CONTAINMENT)[0]
                found_codes.append((x[keep] << 32) | y[keep])
        shutil.rmtree(part)
    del loaded
    kept = np.unique(np.concatenate(found_codes))
    if not len(kept):
        con.execute("DROP TABLE cand")
        return 0
    members = np.unique(np.concatenate([kept >> 32, kept & 0xFFFFFFFF]))
    named = con.execute(f"SELECT pos, doc_id, published FROM cand JOIN {sigs_table} USING (doc_id) "
                        "SEMI JOIN (SELECT unnest($members) AS pos) USING (pos) ORDER BY pos",
                        {"members": members.tolist()}).fetchall()
    con.execute("DROP TABLE cand")
    id_of = {pos: doc_id for pos, doc_id, _ in named}
    published = {doc_id: p for _, doc_id, p in named if p}
    sig_of = dict(zip(id_of.values(), np.memmap(path, dtype=np.uint32, mode="r", shape=(n, NUM_PERM))[members],
                      strict=True))
    found = [(id_of[x], id_of[y]) for x, y in zip((kept >> 32).tolist(), (kept & 0xFFFFFFFF).tolist(), strict=True)]
    rep_of, sims = clusters(found, published, lambda d, rep: (sig_of[d] == sig_of[rep]).mean())
    if not rep_of:
        return 0
    for name in _CARRY_DUPLICATES:
        for part in sorted((root / name).glob("*.parquet")):
            have = pq.read_schema(part).names
            if "duplicate_of" not in have:
                continue
            doc_ids = pq.read_table(part, columns=["doc_id"])["doc_id"].to_pylist()
            if not any(d in rep_of for d in doc_ids):
                continue
            t = pq.read_table(part)
            values = {"duplicate_of": pa.array([rep_of[d] if d in rep_of and rep_of[d] != d else None
                                                for d in doc_ids], pa.string()),
                      "duplicate_cluster": pa.array([rep_of.get(d) for d in doc_ids], pa.string()),
                      "duplicate_similarity": pa.array([sims.get(d) for d in doc_ids], pa.float64())}
            for col, arr in values.items():
                t = t.set_column(t.column_names.index(col), col, arr)
            pq.write_table(t, part, compression="zstd")
    return len(sims)


#: Candidate articles per block of the near-duplicate pass (two blocks' signatures, ~13 MB each, in memory).
#: 100,000 (~51 MB each) until session 9: the million-article pass peaked 88 MB higher.
DUPLICATE_BLOCK_ROWS = 25_000
#: Mentions per block of event merging (a block holds whole connected components of the candidate pairs).
EVENT_BLOCK_ROWS = 10_000
#: Mentions whose candidate pairs are found in one DuckDB query (by the pair's first mention), at most.
PAIR_RANGE = 200_000
#: (Pair, key) hits one such query may count, at most, as bounded before it runs (:func:`_pair_ranges`): a range
#: of mentions is cut shorter when its mentions share their (date, key)s with many others. The hits per mention
#: grow with the corpus (up to ``MAX_BLOCK`` a key): 200,000 mentions of a million articles overflowed DuckDB's
#: memory limit (session 37), while the queries' memory stays bounded by this.
PAIR_HITS = 20_000_000


def _pair_ranges(con, ask: str, kept: str, n_all: int) -> list[tuple[int, int]]:
    """Ranges ``[lo, hi)`` of mention numbers that cover ``0 .. n_all``, each of at most ``PAIR_RANGE`` mentions and,
    unless one bucket of mentions alone holds more, at most ``PAIR_HITS`` (pair, key) hits: a mention's hits are
    bounded by the postings that share each (date, key) it asks for and each it is posted under (the pair query's
    two halves), counted in DuckDB per bucket of ``PAIR_RANGE // 100`` mentions (one at least)."""
    width = max(1, PAIR_RANGE // 100)
    hits = dict(con.execute(f"""
        WITH nk AS (SELECT d, k, count(*) AS n FROM {kept} GROUP BY d, k),
             na AS (SELECT d, k, count(*) AS n FROM {ask} GROUP BY d, k)
        SELECT b, sum(n) FROM (
            SELECT a.r // {width} AS b, nk.n FROM {ask} a JOIN nk ON a.d = nk.d AND a.k = nk.k
            UNION ALL
            SELECT p.r // {width} AS b, na.n FROM {kept} p JOIN na ON p.d = na.d AND p.k = na.k)
        GROUP BY b""").fetchall())
    ranges, lo, load = [], 0, 0
    for b in range(-(-n_all // width)):
        start, here = b * width, int(hits.get(b, 0))
        if start > lo and (load + here > PAIR_HITS or start + width - lo > PAIR_RANGE):
            ranges.append((lo, start))
            lo, load = start, 0
        load += here
    if n_all:
        ranges.append((lo, n_all))
    return ranges


def _blocking_rows(chunk: pd.DataFrame, totals: tuple, tolerance_days: int, codes: tuple[dict, dict]) -> dict:
    """The (mention, date, key) rows a chunk of mentions is posted under and asks for (:func:`timeline._blocking`).

    ``chunk`` holds ``_r`` (the mention's number in the whole table) and ``_doc`` (its article's);
    ``codes``: the integer codes of date keys and of blocking keys, filled in as they are met.
    """
    from .timeline import _blocking, _gather, _prepare

    facts = _prepare(chunk, None, totals, keys_only=True)
    mentions, keys_of, mention_span, spans = _blocking(facts, tolerance_days)
    date_code, key_code = codes
    k_ptr = np.zeros(len(keys_of) + 1, dtype=np.int64)
    k_ptr[1:] = np.cumsum([len(k) for k in keys_of])
    k_flat = np.array([key_code.setdefault(k, len(key_code)) for keys in keys_of for k in keys], dtype=np.int64)
    rows = np.array(mentions, dtype=np.int64)
    r, doc = chunk["_r"].to_numpy(np.int64)[rows], chunk["_doc"].to_numpy(np.int64)[rows]
    m_span = np.array(mention_span, dtype=np.int64)
    out = {}
    for which, name in ((0, "post"), (1, "ask")):
        ptr = np.zeros(len(spans) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(sp[which]) for sp in spans])
        flat = np.array([date_code.setdefault(d, len(date_code)) for sp in spans for d in sp[which]], dtype=np.int64)
        m, dates = _gather(ptr, flat, m_span)  # (keyed mention, date)
        row, key = _gather(k_ptr, k_flat, m)  # x the mention's keys
        out[name] = pd.DataFrame({"r": r[m[row]], "doc": doc[m[row]], "d": dates[row], "k": key})
    return out


#: Candidate pairs joined into the components at a time (:func:`_component_blocks`).
COMPONENT_BATCH = 500_000


def _roots(parent: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The roots of the items ``x`` in the union-find forest ``parent`` (a root is its own parent)."""
    while not np.array_equal(up := parent[x], x):
        x = up
    return x


def _join(parent: np.ndarray, i: np.ndarray, j: np.ndarray) -> None:
    """Join the components of ``i[k]`` and ``j[k]`` in the forest ``parent`` (in place), each under its smallest
    item: only the roots the pairs join are looked at (SciPy's connected components of them)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    ri, rj = _roots(parent, i.astype(parent.dtype)), _roots(parent, j.astype(parent.dtype))
    joined = ri != rj
    if not joined.any():
        return
    k = int(joined.sum())
    nodes, at = np.unique(np.concatenate([ri[joined], rj[joined]]), return_inverse=True)
    graph = coo_matrix((np.ones(k, dtype=np.int8), (at[:k], at[k:])), shape=(len(nodes), len(nodes)))
    comp = connected_components(graph, directed=False)[1]
    # (nodes are sorted: a component's first node in them is its smallest, its new root)
    parent[nodes] = nodes[np.unique(comp, return_index=True)[1]][comp]


def _flattened(parent: np.ndarray) -> np.ndarray:
    """Each item's root (the smallest item of its component) from the forest ``parent``."""
    while not np.array_equal(up := parent[parent], parent):
        parent = up
    return parent


def _component_blocks(con, pairs_sql: str, n_all: int, block_rows: int) -> np.ndarray:
    """The block of each of ``n_all`` mentions (by number): the connected components of the candidate pairs
    (``pairs_sql``: columns ``i``, ``j``), packed in date order (the order of their first mention) into blocks of
    about ``block_rows`` mentions, numbered from 0 (a component larger than that is a block of its own).

    The components are joined a batch of pairs at a time in a union-find forest whose root is the smallest mention
    of its component (:func:`_join`): one array of the mentions, and for each batch only the roots it joins."""
    kind = np.int32 if n_all < 2**31 else np.int64  # (half the memory for the arrays of every mention)
    parent = np.arange(n_all, dtype=kind)
    for batch in con.sql(f"SELECT i, j FROM {pairs_sql}").to_arrow_reader(COMPONENT_BATCH):
        _join(parent, batch.column(0).to_numpy(), batch.column(1).to_numpy())
    parent = _flattened(parent)
    is_root = np.zeros(n_all, dtype=bool)
    is_root[parent] = True
    roots = np.flatnonzero(is_root)  # in the order of their first mention
    del is_root
    end = np.cumsum(np.bincount(parent, minlength=n_all)[roots])
    block = np.empty(n_all, dtype=kind)  # a root's block
    block[roots] = np.unique((end - 1) // block_rows, return_inverse=True)[1]
    return block[parent]


def _merge_events_in_blocks(root: Path, out: _Writer, tolerance_days: int,
                            block_rows: int | None = None) -> int | None:
    """Event merging of the whole ``mentions`` table, one block of mentions at a time; the number of blocks.

    Same tables as :func:`kzru_lib.timeline.assign_events` and
    :func:`kzru_lib.timeline.merge_events` on the whole table. Two mentions only ever join one
    event through a chain of candidate pairs (:func:`kzru_lib.timeline._candidates`: groups
    join along accepted links, and complete linkage only looks at the members of the two
    groups), so a block holds whole connected components of the candidate pairs. The pairs are
    found in DuckDB on integer keys over the whole table (so that the rule that a (date, key)
    shared by more than ``MAX_BLOCK`` mentions pairs nothing counts over the whole table), and
    each block is linked on its own pairs. Words weigh by their frequency in the whole table
    (one streamed pass counts them), and the events are numbered in date order across the
    blocks (DuckDB). Memory grows with the largest block (about ``block_rows`` mentions, or one
    larger component), not with the corpus. ``None`` when there is no mention (the caller uses
    the in-memory functions).
    """
    from .timeline import MAX_BLOCK, MIN_SHARED_KEYS, assign_events, merge_events, term_counts

    block_rows = block_rows or EVENT_BLOCK_ROWS
    work = root / "_events"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    con = _duckdb(work)
    try:
        source = _parts(root / "mentions")
        try:
            n_all = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
        except Exception:  # noqa: BLE001 - a table written without columns (no mention)
            n_all = 0
        if not n_all:
            return None
        # the frequency of each word in the whole table, streamed (sentences only)
        counts: dict[str, int] = {}
        cur = con.execute(f"SELECT sentence, surface FROM {source}")
        while len(chunk := _plain(cur.fetch_df_chunk(16))):
            for w, c in term_counts(chunk).items():
                counts[w] = counts.get(w, 0) + c
        totals = (n_all, counts)
        have = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        keys = ["date", "doc_id", "line_no", "start"]
        order = ", ".join(_quote(k) for k in keys)
        # every mention numbered in date order (_r), with its article's number (_doc)
        con.execute(f"""COPY (SELECT *, CAST(row_number() OVER (ORDER BY {order}) - 1 AS BIGINT) AS _r,
                                     CAST(dense_rank() OVER (ORDER BY doc_id) AS BIGINT) AS _doc
                              FROM {source})
                        TO '{_sql_path(work / "numbered.parquet")}' (FORMAT parquet)""")
        numbered = f"read_parquet('{_sql_path(work / 'numbered.parquet')}')"
        # the new mentions and events are written apart and take the old table's place at the end: a build
        # stopped here finds its mentions as they were (resume)
        fresh = _Writer(work / "new")
        # the blocking rows of every mention, streamed; then the candidate pairs in DuckDB
        blocking = ", ".join(_quote(c) for c in ["_r", "_doc", "date", "precision", "actors", "sentence", "surface"]
                             if c in have or c.startswith("_"))
        rows = _Writer(work)
        codes: tuple[dict, dict] = ({}, {})
        cur = con.execute(f"SELECT {blocking} FROM {numbered}")
        while len(chunk := _plain(cur.fetch_df_chunk(8))):
            for name, frame in _blocking_rows(chunk, totals, tolerance_days, codes).items():
                if len(frame):
                    rows.write(name, frame)
        del codes
        pairs = work / "pairs"
        pairs.mkdir()
        if rows.rows.get("post") and rows.rows.get("ask"):
            post, ask, kept = _parts(work / "post"), _parts(work / "ask"), work / "kept.parquet"
            con.execute(f"""COPY (SELECT p.* FROM {post} p ANTI JOIN
                                      (SELECT d, k FROM {post} GROUP BY d, k HAVING count(*) > {MAX_BLOCK}) w
                                      ON p.d = w.d AND p.k = w.k)
                            TO '{_sql_path(kept)}' (FORMAT parquet)""")
            kept_sql = f"read_parquet('{_sql_path(kept)}')"
            # one range of the pair's first mention (i) at a time: each range's (pair, key) hits are
            # counted in memory instead of all of them at once (hundreds of millions at 100,000 articles)
            for part, (lo, hi) in enumerate(_pair_ranges(con, ask, kept_sql, n_all)):
                con.execute(f"""COPY (
                    WITH shared AS (
                        SELECT a.r AS i, p.r AS j, a.k FROM {ask} a JOIN {kept_sql} p
                            ON a.d = p.d AND a.k = p.k AND a.doc <> p.doc AND p.r > a.r
                            WHERE a.r >= {lo} AND a.r < {hi}
                        UNION
                        SELECT p.r AS i, a.r AS j, a.k FROM {ask} a JOIN {kept_sql} p
                            ON a.d = p.d AND a.k = p.k AND a.doc <> p.doc AND a.r > p.r
                            WHERE p.r >= {lo} AND p.r < {hi})
                    SELECT i, j FROM shared GROUP BY i, j HAVING count(*) >= {MIN_SHARED_KEYS})
                    TO '{_sql_path(pairs / f"part-{part:05d}.parquet")}' (FORMAT parquet)""")
            kept.unlink()
        else:
            con.execute(f"COPY (SELECT 0::BIGINT AS i, 0::BIGINT AS j WHERE false) "
                        f"TO '{_sql_path(pairs / 'part-00000.parquet')}' (FORMAT parquet)")
        pairs_sql = f"read_parquet('{_sql_path(pairs)}/*.parquet')"
        for name in ("post", "ask"):
            shutil.rmtree(work / name, ignore_errors=True)
        where = pd.DataFrame({"_r": np.arange(n_all, dtype=np.int64),
                              "_block": _component_blocks(con, pairs_sql, n_all, block_rows)})
        con.register("_where", where)
        con.execute(f"""COPY (SELECT m.*, w._block FROM {numbered} m JOIN _where w ON m._r = w._r)
                        TO '{_sql_path(work / "blocks")}' (FORMAT parquet, PARTITION_BY (_block))""")
        con.execute(f"""COPY (SELECT p.i, p.j, w._block FROM {pairs_sql} p JOIN _where w ON p.i = w._r)
                        TO '{_sql_path(work / "block_pairs")}' (FORMAT parquet, PARTITION_BY (_block))""")
        con.unregister("_where")
        del where
        (work / "numbered.parquet").unlink()
        shutil.rmtree(pairs)
        blocks = sorted(int(p.name.split("=")[1]) for p in (work / "blocks").glob("_block=*"))
        sizes = dict(con.execute(f"SELECT _block, count(*) FROM read_parquet('{_sql_path(work / 'blocks')}/*/*.parquet', "
                                 "hive_partitioning = true) GROUP BY ALL").fetchall())

        def block(k: int) -> str:
            return f"read_parquet('{_sql_path(work / 'blocks' / f'_block={k}')}/*.parquet', hive_partitioning = false)"

        # pass 1: link each block on its own pairs, on the columns linking reads; its groups' first
        # mentions (the events are numbered by them)
        assigned = _Writer(work)
        linking = ", ".join(_quote(c) for c in ["mention_id", *keys, "precision", "event_type", "actors", "sentence",
                                                "surface"] if c in have)
        for k in blocks:
            frame = _plain(con.execute(f"SELECT {linking}, _r FROM {block(k)} ORDER BY _r").df())
            r = frame.pop("_r").to_numpy()
            folder = work / "block_pairs" / f"_block={k}"
            pair = (con.execute(f"SELECT i, j FROM read_parquet('{_sql_path(folder)}/*.parquet', "
                                "hive_partitioning = false)").df() if folder.exists()
                    else pd.DataFrame({"i": [], "j": []}))
            pair = pd.DataFrame({"i": np.searchsorted(r, pair["i"].to_numpy(np.int64)),
                                 "j": np.searchsorted(r, pair["j"].to_numpy(np.int64))}, dtype="int64")
            frame = assign_events(frame, tolerance_days=tolerance_days, totals=totals,
                                  pairs=pair.sort_values(["i", "j"], ignore_index=True))
            first = frame.drop_duplicates("event_id")[["event_id", *keys]].assign(block=k)
            assigned.write("assigned", frame[["mention_id", "event_id", "confidence", "why"]].assign(_block=k))
            assigned.write("first", first.rename(columns={"event_id": "local"}))
            del frame
        # number the events in date order across blocks (as timeline._number does in one table)
        n_events = con.execute(f"SELECT count(*) FROM {_parts(work / 'first')}").fetchone()[0]
        width = max(3, len(str(n_events)))
        con.execute(f"""COPY (SELECT block, local, 'E' || lpad(CAST(row_number() OVER (ORDER BY {order}) AS VARCHAR),
                                                                {width}, '0') AS event_id
                              FROM {_parts(work / 'first')})
                        TO '{_sql_path(work / 'numbers.parquet')}' (FORMAT parquet)""")
        # pass 2: the numbered mentions and the merged events, block by block
        for k in blocks:
            frame = _plain(con.execute(f"""
                SELECT n.event_id, m.* EXCLUDE (_r, _doc), a.confidence, a.why
                FROM {block(k)} m JOIN (SELECT * FROM {_parts(work / 'assigned')} WHERE _block = {k}) a
                     ON m.mention_id = a.mention_id
                JOIN (SELECT * FROM '{_sql_path(work / 'numbers.parquet')}' WHERE block = {k}) n
                     ON n.local = a.event_id
                ORDER BY {", ".join("m." + _quote(c) for c in keys)}""").df())
            if len(frame) != sizes[k]:
                raise KzruError(f"{root / 'mentions'}: mention_id is not unique; event merging needs one id a mention")
            fresh.write("mentions", frame)
            fresh.write("events", merge_events(frame, tolerance_days=tolerance_days))
            del frame
        for name in ("events", "mentions"):  # (events first: mentions with event_id say both are in place)
            shutil.rmtree(root / name, ignore_errors=True)
            shutil.move(work / "new" / name, root / name)
            out.parts[name], out.rows[name] = fresh.parts[name], fresh.rows[name]
        return len(blocks)
    finally:
        con.close()
        shutil.rmtree(work, ignore_errors=True)


#: Rows of the comparison table a store's comparison gathers before it gives them (with their pairs) as one part.
COMPARE_BLOCK_ROWS = 50_000
#: Claims of a group beyond which a store's comparison reads a group that is compared part by part (no period
#: stated: each article's claims apart, or each publication year's; :func:`kzru_lib.figures.compared_whole`) from
#: DuckDB one part at a time instead of holding it whole.
COMPARE_GROUP_ROWS = 100_000
#: The order of a group's claims (the in-memory comparison's: :func:`kzru_lib.figures._prepare_claims`), in SQL.
_ORDER_KEYS = "order_metric, order_period, order_unit, order_value"
_IN_GROUP_ORDER = f"{_ORDER_KEYS}, doc_id, seq"
#: Conditions on a claim in SQL: a measurement (not a target).
_MEASURED = "qualifier <> 'target'"


def compare_store(path: str | os.PathLike, *, rates: pd.DataFrame | None = None, to_unit: str = "USD",
                  by: str = "doc_id", tolerance: float | None = None, max_pairs: int | None = 1000,
                  undated: str = "same_year", exclude_duplicates: bool = False,
                  block_rows: int | None = None, say=None) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Figure comparison over a store's ``figures`` in bounded memory, group by group.

    The claims are prepared part by part of the ``figures`` table (a part holds whole articles; the days of votes
    are counted over the whole table first) and written to a scratch folder in the store; DuckDB sorts them by
    group (metric, parties, period, unit) and they are read back one group at a time, without their sentences
    (the sentences of the pairs listed are read at the end of each part of the tables). A group is held whole, with
    the other periods of its metric and parties when the metric is additive (the part-whole check); a group with no
    period stated and more than :data:`COMPARE_GROUP_ROWS` claims, whose claims are compared only within an
    article or a publication span, is read one span at a time, its counts and list cells counted in DuckDB. So the
    memory is that of the largest group with a period stated (or of an additive metric's periods for one pair of
    parties), not of the corpus. The tables are those of :func:`kzru_lib.figures.compare_figures` and
    :func:`kzru_lib.figures.figure_disagreements`, row for row, in the same order.

    Args:
        path: a store (:func:`build_store`).
        rates, to_unit, by, tolerance, max_pairs, undated: as :func:`kzru_lib.figures.compare_figures`.
        exclude_duplicates: leave out the figures of near-duplicate copies (articles whose
            ``duplicate_of`` is set), as ``read_corpus(..., exclude_duplicates=True)`` does.
        block_rows: rows of the comparison table a part holds (default :data:`COMPARE_BLOCK_ROWS`).
        say: called with a line of progress when the claims are prepared and then about once a minute
            (:data:`PROGRESS_SECONDS`) while the groups are compared (a million articles take a while).

    Yields:
        ``(comparisons, disagreements)``, consecutive parts of the two tables. Nothing when no figure has a metric.
    """
    import tempfile

    from .figures import TOLERANCE

    root = Path(path)
    if not (root / "figures").is_dir():  # a store built without figures, or no store
        _check_store(root)
        raise KzruError(f"{root}: this store has no figures table (built with --skip figures); build it with figures")
    where = "metric IS NOT NULL AND metric <> ''"
    if exclude_duplicates:
        where += " AND doc_id NOT IN (SELECT doc_id FROM corpus WHERE duplicate_of IS NOT NULL)"
    con = open_store(root, memory_limit=os.environ.get("KZRU_DUCKDB_MEMORY", "512MB"))  # (as the passes' DuckDB)
    try:
        try:
            have = [r[0] for r in con.execute("DESCRIBE figures").fetchall()]
        except Exception:  # noqa: BLE001 - no figures table, or one written without columns (no figure)
            return
        if "metric" not in have:
            return
        _remove_stale_scratch(root)
        try:
            scratch = Path(tempfile.mkdtemp(prefix=f".compare-{os.getpid()}-", dir=root))
        except OSError:  # a store one may read, not write
            scratch = Path(tempfile.mkdtemp(prefix="kzru-compare-"))
        try:
            tolerance = TOLERANCE if tolerance is None else tolerance
            if not (n := _write_claims(con, root, scratch, have, where, rates, to_unit, tolerance)):
                return
            if say:
                say(f"{n} claims prepared")
            yield from _compare_claims(scratch, by, max_pairs, undated, "published" in have,
                                       block_rows or COMPARE_BLOCK_ROWS, say)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        con.close()


def _remove_stale_scratch(root: Path) -> None:
    """Remove the scratch folders of comparisons that were killed (their process is gone): a million articles' claims
    take gigabytes."""
    for folder in root.glob(".compare-*-*"):
        try:
            os.kill(int(folder.name.split("-")[1]), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, PermissionError, OSError):  # not one of ours, or another user's process: left alone
            continue


def _write_claims(con, root: Path, scratch: Path, have: list[str], where: str, rates, to_unit: str,
                  tolerance: float) -> int:
    """Prepare the claims of the store's figures (:func:`kzru_lib.figures._prepare_claims`) part by part of the
    ``figures`` table, parts that share an article together, into ``scratch/claims``, each claim numbered
    (``seq``: the group order's last key, as the in-memory comparison keeps an article's order); the number of
    claims."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .figures import (
        _COMPARE_INPUT,
        _TOLLS,
        _each_place,
        _is_vote,
        _prepare_claims,
        _vote_maps,
        _yearless_maps,
        compare_family,
        figure_claims,
    )

    columns = ", ".join(_quote(c) for c in _COMPARE_INPUT if c in have)
    order = " ORDER BY " + ", ".join(_quote(k) for k in TABLES["figures"] if k in have)
    files = sorted((root / "figures").glob("*.parquet"))
    # the days of votes, over every claim of a vote (a day with no year takes the year another article names)
    votes = con.execute(f"SELECT DISTINCT metric FROM figures WHERE {where}").fetchall()
    voted = [m for (m,) in votes if _is_vote(m)]
    maps: tuple = ({}, {})
    if voted:
        listed = ", ".join("'" + m.replace("'", "''") + "'" for m in voted)
        frame = _plain(con.execute(f"SELECT {columns} FROM figures WHERE {where} AND metric IN ({listed}){order}").df())
        maps = _vote_maps(figure_claims(_each_place(frame)))
    # the years of the tolls of a month with no year, over every claim of the families of metrics that have one
    yearless = {compare_family(m) for (m,) in con.execute(
        f"SELECT DISTINCT metric FROM figures WHERE {where} AND period LIKE 'XXXX-%'").fetchall() if m.startswith(_TOLLS)}
    year_maps = None
    if yearless:
        listed = ", ".join("'" + m.replace("'", "''") + "'" for (m,) in votes if compare_family(m) in yearless)
        frame = _plain(con.execute(f"SELECT {columns} FROM figures WHERE {where} AND metric IN ({listed}){order}").df())
        year_maps = _yearless_maps(_prepare_claims(frame, None, to_unit, tolerance, maps))
    (scratch / "claims").mkdir()
    n = 0
    for i, chunk in enumerate(_article_chunks(con, files)):
        listed = ", ".join("'" + _sql_path(f) + "'" for f in chunk)
        frame = _plain(con.execute(f"SELECT {columns} FROM read_parquet([{listed}], union_by_name = true) "
                                   f"WHERE {where}{order}").df())
        claims = _prepare_claims(frame, rates, to_unit, tolerance, maps, order=True, year_maps=year_maps or {})
        if claims.empty:
            continue
        for c in claims.columns:
            if claims[c].dtype == object:
                claims[c] = [v if isinstance(v, str) else "" if v is None or v != v else str(v) for v in claims[c]]
        claims["seq"] = (i << 32) + np.arange(len(claims), dtype="int64")
        pq.write_table(pa.Table.from_pandas(claims, preserve_index=False), scratch / "claims" / f"part-{i:06d}.parquet")
        n += len(claims)
    return n


def _article_chunks(con, files: list[Path]) -> list[list[Path]]:
    """The parts of the ``figures`` table in chunks that share no article (a build writes each article's figures
    in one part; parts that share one are read together)."""
    if len(files) < 2:
        return [files] if files else []
    glob = _sql_path(files[0].parent / "*.parquet")
    shared = con.execute(f"SELECT list(DISTINCT filename) FROM read_parquet('{glob}', filename = true, "
                         "union_by_name = true) GROUP BY doc_id HAVING count(DISTINCT filename) > 1").fetchall()
    index = {str(f): k for k, f in enumerate(files)}
    pairs = np.array([(index[names[0]], index[other]) for (names,) in shared for other in names[1:]],
                     dtype=np.int64).reshape(-1, 2)
    labels = np.arange(len(files))
    _join(labels, pairs[:, 0], pairs[:, 1])
    labels = _flattened(labels)
    chunks: dict[int, list[Path]] = {}
    for f, label in zip(files, labels.tolist(), strict=True):
        chunks.setdefault(label, []).append(f)
    return list(chunks.values())


def _compare_claims(scratch: Path, by: str, max_pairs, undated: str, dated: bool,
                    block_rows: int, say=None) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Compare the claims :func:`_write_claims` wrote, group by group in the order of the in-memory comparison."""
    from .figures import (
        CLAIM_FIELDS,
        COMPARE_COLUMNS,
        DISAGREEMENT_COLUMNS,
        _parts_in_memory,
        additive_metrics,
        compare_family,
        compare_group,
        compared_whole,
        group_meta,
    )

    con = _duckdb(scratch)
    try:
        claims = _parts(scratch / "claims")
        keys = sorted((compare_family(m), m, p, t, u, n) for m, p, t, u, n in con.execute(
            f"SELECT metric, parties, period, unit, count(*) FROM {claims} GROUP BY ALL").fetchall())
        split = [n > COMPARE_GROUP_ROWS and not compared_whole((m, p, t, u), undated, dated)
                 for _f, m, p, t, u, n in keys]
        frame = pd.DataFrame({"metric": [k[1] for k in keys], "parties": [k[2] for k in keys],
                              "period": [k[3] for k in keys], "unit": [k[4] for k in keys],
                              "rank": np.arange(len(keys)), "split": split})
        con.register("group_frame", frame)
        con.execute("CREATE TABLE group_keys AS SELECT * FROM group_frame")  # (a table: the stream's cursor reads it)
        con.unregister("group_frame")
        lean = ", ".join("c.seq AS sentence" if f == "sentence" else f"c.{_quote(f)}" for f in CLAIM_FIELDS)
        if any(split):  # the large groups read part by part: apart, without their sentences
            con.execute(f"CREATE TABLE split AS SELECT {lean}, c.seq, {_ORDER_KEYS} FROM {claims} c "
                        "JOIN group_keys k USING (metric, parties, period, unit) WHERE k.split")
        additive = additive_metrics()
        wholes = _StoreWholes(con, claims, additive)
        reader = con.cursor()  # the stream, beside the queries of the large groups and of the sentences
        stream = _claim_groups(reader.sql(
            f"SELECT {lean}, k.rank FROM {claims} c JOIN group_keys k USING (metric, parties, period, unit) "
            f"WHERE NOT k.split ORDER BY k.rank, {_IN_GROUP_ORDER}").to_arrow_reader(50_000))
        summary: list[dict] = []
        pairs: list[tuple] = []
        shown = time.time()
        for r, (_family, *key, _n) in enumerate(keys):
            key = tuple(key)
            if say and time.time() - shown >= PROGRESS_SECONDS:
                shown = time.time()
                say(f"{r} of {len(keys)} groups compared ({100 * r // len(keys)} %)")
            if split[r]:
                row, rows = _compare_split(con, key, by, max_pairs, undated, dated, additive)
            else:
                rank, g = next(stream)
                if rank != r:
                    raise RuntimeError(f"figure comparison: group {rank} read for group {r}")
                meas = [c for c in g if c.qualifier != "target"]
                # (the cells of the claims cited, cached for the group only: every claim it cites lives as long, in
                # its pairs or its wholes; a record read later may take a dead one's id)
                row, rows = compare_group(key, group_meta(g, by), _parts_in_memory(meas, key, undated, dated), meas,
                                          wholes.of(key), additive, by, max_pairs, undated, dated, {}, short=_seq)
            summary.append(row)
            pairs += rows
            if len(summary) >= block_rows or len(pairs) >= block_rows or r == len(keys) - 1:
                yield (pd.DataFrame(summary, columns=COMPARE_COLUMNS),
                       _with_sentences(con, claims, pd.DataFrame(pairs, columns=DISAGREEMENT_COLUMNS)))
                summary, pairs = [], []
    finally:
        con.close()


class _StoreWholes:
    """The wholes of the part-whole check (:class:`kzru_lib.figures.Whole`) of a store's claims: the measurements of
    additive metrics with a stated period, in a DuckDB table, read one period at a time as compact columns for the
    groups that need them (those of the last metric and parties asked for are kept)."""

    def __init__(self, con, claims: str, additive: set[str]):
        from .figures import CLAIM_FIELDS

        self.con, self.kept, self.for_key = con, {}, None
        self.fields = ", ".join(_quote(f) for f in CLAIM_FIELDS)
        listed = ", ".join("'" + m.replace("'", "''") + "'" for m in sorted(additive)) or "''"
        lean = ", ".join("seq AS sentence" if f == "sentence" else _quote(f) for f in CLAIM_FIELDS)
        con.execute(f"CREATE TABLE wholes AS SELECT {lean}, seq, {_ORDER_KEYS} FROM {claims} WHERE {_MEASURED} "
                    f"AND metric IN ({listed}) AND period <> '' AND NOT contains(period, 'X') "
                    "ORDER BY metric, parties, unit, period, hi")

    def of(self, key: tuple) -> dict:
        """period -> :class:`_StoreWhole` of the metric, parties and unit of ``key`` (loaded when first read)."""
        from .figures import _unresolved

        metric, parties, period, unit = key
        if not period or _unresolved(period):  # (only a stated period is checked against its wholes)
            return {}
        if self.for_key != (metric, parties):
            self.kept, self.for_key = {}, (metric, parties)
        mine = (metric, parties, unit)
        if mine not in self.kept:
            periods = self.con.execute("SELECT DISTINCT period FROM wholes WHERE metric = ? AND parties = ? AND unit = ? "
                                       "ORDER BY period", list(mine)).fetchall()
            self.kept[mine] = _LazyWholes(self, mine, [p for (p,) in periods])
        return self.kept[mine]

    def load(self, mine: tuple, period: str) -> _StoreWhole:
        frame = self.con.execute("SELECT hi, doc_id, seq FROM wholes WHERE metric = ? AND parties = ? AND unit = ? "
                                 f"AND period = ? ORDER BY hi, {_IN_GROUP_ORDER}", [*mine, period]).df()
        return _StoreWhole(self, mine, period, frame["hi"].to_numpy(), frame["doc_id"].to_numpy(object),
                           frame["seq"].to_numpy())

    def records(self, mine: tuple, period: str, seqs) -> list:
        """The claims numbered ``seqs`` of one period (the table is sorted by period: a few blocks are read)."""
        from .figures import CLAIM_FIELDS, Claim

        listed = ", ".join(str(int(q)) for q in seqs)
        found = self.con.execute(f"SELECT {self.fields} FROM wholes WHERE metric = ? AND parties = ? AND unit = ? "
                                 f"AND period = ? AND seq IN ({listed})", [*mine, period]).fetchall()
        at = CLAIM_FIELDS.index("sentence")  # (here the claim's number)
        by_seq = {row[at]: Claim(*row) for row in found}
        return [by_seq[int(q)] for q in seqs]


class _LazyWholes(dict):
    """period -> :class:`_StoreWhole`, each read from DuckDB when first asked for."""

    def __init__(self, source: _StoreWholes, mine: tuple, periods: list[str]):
        super().__init__()
        self.source, self.mine, self.periods = source, mine, periods

    def __iter__(self):
        return iter(self.periods)

    def __missing__(self, period: str):
        whole = self[period] = self.source.load(self.mine, period)
        return whole


class _StoreWhole:
    """:class:`kzru_lib.figures.Whole` from compact columns: ``hi`` (sorted), the articles and the claims' numbers in
    that order, and per article its ``hi``; a claim's record read from DuckDB only when it is cited."""

    def __init__(self, source: _StoreWholes, mine: tuple, period: str, his: np.ndarray, docs: np.ndarray,
                 seqs: np.ndarray):
        self.source, self.mine, self.period, self.his, self.docs, self.seqs = source, mine, period, his, docs, seqs
        self.known: dict[int, tuple] = {}  # the claims read, by number (the same wholes are cited for many parts)
        codes, self.doc_names = pd.factorize(docs, sort=True)
        order = np.argsort(codes, kind="stable")  # by article, then hi
        self.own_his = his[order]
        self.starts = np.searchsorted(codes[order], np.arange(len(self.doc_names) + 1))

    def below(self, x: float) -> int:
        return int(np.searchsorted(self.his, x, side="left"))

    def own_below(self, doc: str, x: float) -> int:
        i = int(np.searchsorted(self.doc_names, doc))
        if i >= len(self.doc_names) or self.doc_names[i] != doc:
            return 0
        return int(np.searchsorted(self.own_his[self.starts[i]:self.starts[i + 1]], x, side="left"))

    def listed(self, lo: int, hi: int, doc: str, room: int | None) -> list:
        idx = np.flatnonzero(self.docs[lo:hi] != doc)[:room] + lo
        return self._records(self.seqs[idx]) if len(idx) else []

    def last(self):
        return self._records(self.seqs[-1:])[0] if len(self.seqs) else None

    def _records(self, seqs) -> list:
        """The claims numbered ``seqs``, each read once."""
        known = self.known
        if missing := [q for q in seqs.tolist() if q not in known]:
            known.update(zip(missing, self.source.records(self.mine, self.period, missing), strict=True))
        return [known[q] for q in seqs.tolist()]


def _seq(seq):
    """A claim's sentence as a store's comparison cites it while it runs: its number (read at the end)."""
    return seq


def _claim_groups(reader) -> Iterator[tuple[int, list]]:
    """``(rank, claims)`` of each group of a stream of claims sorted by group (record batches with ``rank``)."""
    import pyarrow as pa

    from .figures import _CLAIM_TEXT, CLAIM_FIELDS, Claim

    def values(name: str) -> list:
        column = batch.column(name)
        if pa.types.is_floating(column.type):  # (a missing bound is NaN, as pandas reads it)
            return column.to_numpy(zero_copy_only=False).tolist()
        if name in _CLAIM_TEXT and name != "sentence":
            return ["" if v is None else v for v in column.to_pylist()]
        return column.to_pylist()

    rank, group = None, []
    for batch in reader:
        ranks = batch.column("rank").to_numpy()
        records = [Claim(*r) for r in zip(*(values(name) for name in CLAIM_FIELDS), strict=True)]
        cuts = np.flatnonzero(np.diff(ranks)) + 1
        for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(ranks)], strict=True):
            if rank is not None and ranks[lo] != rank:
                yield rank, group
                group = []
            rank = int(ranks[lo])
            group.extend(records[lo:hi])
    if rank is not None:
        yield rank, group


def _with_sentences(con, claims: str, pairs: pd.DataFrame) -> pd.DataFrame:
    """The disagreements with their sentences (cut as the in-memory table cuts them) in place of claim numbers."""
    from .figures import _short

    if pairs.empty:
        return pairs
    wanted = pd.DataFrame({"seq": pd.unique(pd.concat([pairs["sentence_a"], pairs["sentence_b"]]).astype("int64"))})
    con.register("wanted", wanted)
    text = dict(con.execute(f"SELECT c.seq, c.sentence FROM {claims} c SEMI JOIN wanted w ON c.seq = w.seq").fetchall())
    con.unregister("wanted")
    for col in ("sentence_a", "sentence_b"):
        pairs[col] = [_short(text[s]) for s in pairs[col]]
    return pairs


def _compare_split(con, key: tuple, by: str, max_pairs, undated: str, dated: bool,
                   additive: set[str]) -> tuple[dict, list]:
    """:func:`kzru_lib.figures.compare_group` of a large group compared part by part (no period stated), read from
    DuckDB: its counts and the first items of its list cells counted there, its parts read one at a time (each
    publication span's claims; of the articles' own parts only the first two articles giving several values, all a
    comparison by article can say)."""
    from .figures import (
        CLAIM_FIELDS,
        LIST_ITEMS,
        GroupMeta,
        claim_records,
        compare_group,
        target_item,
        value_item,
    )

    metric, parties, period, unit = key
    cond = "metric = ? AND parties = ? AND period = ? AND unit = ?"
    params = list(key)
    fields = ", ".join(_quote(f) for f in CLAIM_FIELDS)
    in_order = f" ORDER BY {_IN_GROUP_ORDER}"

    def records(sql: str, more: tuple = ()) -> list:
        return claim_records(con.execute(f"SELECT {fields} FROM split WHERE {cond} {sql}", params + list(more)).df(),
                             text=False)

    src = "CASE WHEN outlet <> '' THEN outlet ELSE doc_id END" if by == "outlet" else "doc_id"
    m = _MEASURED
    (n, n_docs, meas_docs, lo, hi, y4, y7, y10, undated_meas, n_targ, n_src, n_speakers) = con.execute(
        f"SELECT count(*), count(DISTINCT doc_id), count(DISTINCT doc_id) FILTER ({m}), min(value) FILTER ({m}), "
        f"max(value) FILTER ({m}), count(DISTINCT substr(published, 1, 4)) FILTER ({m}), "
        f"count(DISTINCT substr(published, 1, 7)) FILTER ({m}), count(DISTINCT substr(published, 1, 10)) FILTER ({m}), "
        f"coalesce(bool_or(published = '') FILTER ({m}), false), count(*) FILTER (NOT ({m})), count(DISTINCT {src}), "
        f"count(DISTINCT speaker) FILTER (speaker <> '') FROM split WHERE {cond}", params).fetchone()
    sources = [s for (s,) in con.execute(f"SELECT DISTINCT {src} AS s FROM split WHERE {cond} ORDER BY s LIMIT ?",
                                         [*params, LIST_ITEMS]).fetchall()]
    speakers = [s for (s,) in con.execute(f"SELECT DISTINCT speaker FROM split WHERE {cond} AND speaker <> '' "
                                          "ORDER BY speaker LIMIT ?", [*params, LIST_ITEMS]).fetchall()]
    meta = GroupMeta(n, n_docs, meas_docs, math.nan if lo is None else lo, math.nan if hi is None else hi,
                     [value_item(c, by) for c in records(in_order + " LIMIT ?", (LIST_ITEMS,))], sources, n_src,
                     speakers, n_speakers,
                     [target_item(c, by) for c in records(f"AND NOT ({m}){in_order} LIMIT 4")], n_targ,
                     {4: y4, 7: y7, 10: y10}, bool(undated_meas))

    def parts(per_doc: bool, span: int):
        if per_doc:  # an article's claims are compared with its own only: what counts is the first two articles
            # that give several values (:func:`~kzru_lib.figures.compare_group`)
            docs = con.execute(f"SELECT doc_id FROM split WHERE {cond} AND {m} GROUP BY doc_id "
                               "HAVING count(DISTINCT value) > 1 ORDER BY doc_id LIMIT 2", params).fetchall()
            for (doc,) in docs:
                yield records(f"AND {m} AND doc_id = ?{in_order}", (doc,))
        elif not period:  # each publication span's claims; an undated article's are each compared with none
            spans = con.execute(f"SELECT DISTINCT substr(published, 1, {span}) AS s FROM split WHERE {cond} AND {m} "
                                "AND published <> '' ORDER BY s", params).fetchall()
            for (s,) in spans:
                yield records(f"AND {m} AND substr(published, 1, {span}) = ?{in_order}", (s,))
        # (a period with no year: each claim is compared with none)

    return compare_group(key, meta, parts, [], {}, additive, by, max_pairs, undated, dated, {}, short=_seq)


def _compare_in_blocks(root: Path, out: _Writer, rates, block_rows: int | None = None, say=None) -> int | None:
    """The store's ``comparisons`` and ``disagreements``, written part by part (:func:`compare_store`);
    the number of parts, ``None`` when no figure has a metric (the caller uses the in-memory function)."""
    n, empty = 0, None
    for table, pairs in compare_store(root, rates=rates, block_rows=block_rows, say=say):
        out.write("comparisons", table)
        if len(pairs):  # a part with no row has untyped columns: left out
            out.write("disagreements", pairs)
        else:
            empty = pairs
        n += 1
    if n and not out.rows.get("disagreements") and empty is not None:
        out.write("disagreements", empty)  # no conflict anywhere: the table exists, empty
    return n or None


def _rewrite(root: Path, name: str, frame: pd.DataFrame, writer: _Writer) -> None:
    """Replace a table written in parts by one part (after a cross-article pass completed it)."""
    shutil.rmtree(root / name)
    writer.parts[name] = 0
    writer.rows[name] = 0
    writer.write(name, frame)


def _inputs_digest(root: Path) -> str:
    """sha256 over every article's ``doc_id`` and sha256, in ``doc_id`` order."""
    con = open_store(root)
    digest = hashlib.sha256()
    cur = con.execute("SELECT doc_id, sha256 FROM corpus ORDER BY doc_id")
    while rows := cur.fetchmany(100_000):
        for doc_id, sha in rows:
            digest.update(f"{doc_id}\t{sha}\n".encode())
    con.close()
    return digest.hexdigest()


def _repeated_ids(con, work: Path) -> tuple[list[tuple], int]:
    """(the rows of the first pass whose doc_id an earlier row has: ``seq, doc_id, path, line_no``
    and the ``where`` of the first, in ``seq`` order; the number of distinct doc_ids).

    The doc_ids read more than once are found by their 64-bit hashes (a million articles group a
    million integers, not a million strings; a collision only adds a candidate, checked on the ids)."""
    docs = _parts(work / "docs")
    n_rows = con.execute(f"SELECT count(*) FROM {docs}").fetchone()[0]
    repeated = con.execute(f"""
        WITH h AS (SELECT hash(doc_id) AS h FROM {docs} GROUP BY 1 HAVING count(*) > 1),
             d AS (SELECT seq, doc_id, path, line_no, "where" FROM {docs} WHERE hash(doc_id) IN (SELECT h FROM h)),
             r AS (SELECT *, first_value("where") OVER (PARTITION BY doc_id ORDER BY seq) AS first_where,
                          row_number() OVER (PARTITION BY doc_id ORDER BY seq) AS k FROM d)
        SELECT seq, doc_id, path, line_no, first_where FROM r WHERE k > 1 ORDER BY seq""").fetchall()
    return repeated, n_rows - len(repeated)


def _template_hashes(work: Path, con, side_outlet: bool, n_docs: int, skip: list[int]) -> dict[str, set[int]]:
    """``{outlet: {hash of a template line's key}}``, grouped in DuckDB from the first pass.

    Same rule as :func:`kzru_lib.cleaning.template_lines`: a kept line found in at least
    :data:`MIN_STORIES` different stories of one outlet (a story of its own for an article
    without a story key; the sidecar's outlet, else the table row's, else the one read from the
    text, else none). ``skip``: the ``seq`` of the articles whose doc_id was read before
    (:func:`_repeated_ids`), left out.
    """
    if n_docs < MIN_STORIES:
        return {}
    side = (f"(SELECT _seq AS seq, outlet FROM read_parquet('{_sql_path(work / 'side_ok.parquet')}') "
            "WHERE outlet IS NOT NULL)" if side_outlet else "(SELECT NULL::BIGINT AS seq, NULL::VARCHAR AS outlet)")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE story_of AS
        SELECT d.seq,
               coalesce(s.outlet, nullif(d.given_outlet, ''), nullif(d.text_outlet, ''), '') AS grp,
               hash(coalesce(CAST(d.story AS VARCHAR), 'doc:' || d.doc_id)) AS story
        FROM {_parts(work / "docs")} d LEFT JOIN {side} s USING (seq)
        WHERE d.seq NOT IN (SELECT unnest($skip::BIGINT[]))""", {"skip": list(skip)})
    # the (outlet, line, story) groups one share of the line hashes at a time: the aggregation's
    # memory stays that of TEMPLATE_DOCS articles whatever the corpus size
    shares = max(1, -(-n_docs // TEMPLATE_DOCS))
    out: dict[str, set[int]] = {}
    for i in range(shares):
        rows = con.execute(f"""
            SELECT grp, key FROM read_parquet('{_sql_path(work / "keys")}/*.parquet') k JOIN story_of USING (seq)
            WHERE abs(key % {shares}) = {i}
            GROUP BY grp, key HAVING count(DISTINCT story) >= {MIN_STORIES}""").fetchall()
        for grp, key in rows:
            out.setdefault(grp, set()).add(int(key))
    con.execute("DROP TABLE story_of")
    return out


# --------------------------------------------------------------------------------------------
# Reading back
# --------------------------------------------------------------------------------------------


def is_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a store written by :func:`build_store`."""
    return (Path(path) / MANIFEST).is_file()


def _check_store(path) -> Path:
    root = Path(path)
    if not is_store(root):
        raise KzruError(f"{root}: not a kzru store (no {MANIFEST}; build one with 'kzru build CORPUS --store DIR')")
    return root


def open_store(path: str | os.PathLike, *, memory_limit: str | None = None):
    """A DuckDB connection (in memory) with one view per table of the store.

    Example:
        >>> con = open_store("build/seeds.store")                       # doctest: +SKIP
        >>> con.sql("SELECT outlet, count(*) FROM corpus GROUP BY ALL").df()  # doctest: +SKIP
    """
    import duckdb

    root = Path(path)
    if not (root / MANIFEST).is_file() and not (root / "corpus").is_dir():
        _check_store(root)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    for name in TABLES:
        if (root / name).is_dir():
            glob = str(root / name / "*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{glob}', union_by_name = true)")
    return con


def read_table(path: str | os.PathLike, name: str, *, columns: list[str] | None = None,
               where: str | None = None, order: bool = True) -> pd.DataFrame:
    """One table of a store as a DataFrame, sorted as the in-memory function sorts it.

    Args:
        path: the store folder.
        name: a table (:data:`TABLES`).
        columns: the columns to read (default all).
        where: a SQL condition (DuckDB), e.g. ``"outlet = 'TASS'"``.
        order: sort by the table's key columns (:data:`TABLES`).
    """
    if name not in TABLES:
        raise KzruError(f"{name!r}: not a store table (have: {', '.join(TABLES)})")
    con = open_store(path)
    try:
        have = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        cols = columns or have
        missing = [c for c in cols if c not in have]
        if missing:
            raise KzruError(f"{name}: no column(s) {', '.join(missing)} (have: {', '.join(have)})")
        sql = f"SELECT {', '.join(_quote(c) for c in cols)} FROM {name}"
        if where:
            sql += f" WHERE {where}"
        keys = [k for k in TABLES[name] if k.split()[0] in have]
        if order and keys:
            sql += " ORDER BY " + ", ".join(_quote(k.split()[0]) + (" DESC" if k.endswith("DESC") else "")
                                            for k in keys)
        frame = con.execute(sql).df()
    except Exception as exc:  # a view over no file, a bad where clause
        if isinstance(exc, KzruError):
            raise
        if "DESCRIBE" in str(exc) or "does not exist" in str(exc):
            return pd.DataFrame()
        raise KzruError(f"{path}: cannot read table {name}: {exc}") from None
    finally:
        con.close()
    return _as_read(_plain(frame), name)


def _as_read(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``duplicate_similarity`` as the in-memory tables hold it: floats or None (mentions after
    event merging: floats and NaN)."""
    if "duplicate_similarity" in frame.columns and (
            name in ("corpus", "lines") or (name == "mentions" and ("event_id" not in frame.columns
                                                                    or frame["duplicate_similarity"].isna().all()))):
        sim = frame["duplicate_similarity"]
        frame["duplicate_similarity"] = sim.astype(object).where(sim.notna(), None)
    return frame


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB's DataFrame with pandas' usual dtypes: text as object (None for missing)."""
    for c in frame.columns:
        if frame[c].dtype != object and str(frame[c].dtype).startswith(("string", "str")):
            frame[c] = frame[c].astype(object)
        if frame[c].dtype == object and frame[c].isna().any():  # a part where the column was all missing
            frame[c] = frame[c].where(frame[c].notna(), None)
    return frame


def load_corpus_or_store(path: str | os.PathLike, *, with_lines: bool = True, **kwargs):
    """``(corpus, lines)`` from a corpus folder or a store: what notebooks and widgets load.

    A store (:func:`is_store`) is read back (no article is read again); a folder is read with
    :func:`kzru_lib.loading.read_corpus` (``kwargs`` go to it).
    """
    if is_store(path):
        corpus = read_table(path, "corpus")
        problems = read_table(path, "problems")
        corpus.attrs["problems"] = problems.to_dict("records")
        return corpus, (read_table(path, "lines") if with_lines else None)
    from .loading import read_corpus

    return read_corpus(path, with_lines=with_lines, **kwargs)


def term_frequency(path: str | os.PathLike, *, by: str | None = None, n: int | None = None) -> pd.DataFrame:
    """:func:`kzru_lib.terms.frequency` of the store's ``doc_terms``, aggregated in DuckDB.

    Args:
        path: the store.
        by: a corpus column (outlet, language, a sidecar column...); missing values form the
            group ``"(missing)"``.
        n: keep the top n terms (per group).

    Returns:
        The same table as :func:`kzru_lib.terms.frequency` (``group`` with ``by``, ``term``,
        ``count``, ``docfreq``, ``rank``).
    """
    con = open_store(_check_store(path))
    try:
        if by is not None:
            have = [r[0] for r in con.execute("DESCRIBE corpus").fetchall()]
            if by not in have:
                raise KzruError(f"by={by!r}: not a corpus column (have: {', '.join(have)})")
            group = f"coalesce(CAST(c.{_quote(by)} AS VARCHAR), '(missing)')"
            source = "doc_terms t JOIN corpus c USING (doc_id)"
        else:
            group, source = "NULL", "doc_terms t"
        part = "PARTITION BY grp " if by is not None else ""
        sql = f"""
            WITH f AS (SELECT {group} AS grp, term, sum(count)::BIGINT AS count,
                              count(DISTINCT t.doc_id)::BIGINT AS docfreq
                       FROM {source} GROUP BY ALL),
                 r AS (SELECT *, rank() OVER ({part}ORDER BY count DESC)::BIGINT AS rank FROM f)
            SELECT {'grp AS "group", ' if by is not None else ""}term, count, docfreq, rank FROM r
            {f"QUALIFY row_number() OVER ({part}ORDER BY rank, term) <= {int(n)}" if n is not None else ""}
            ORDER BY {"grp, " if by is not None else ""}rank, term
        """
        return _plain(con.execute(sql).df())
    finally:
        con.close()
