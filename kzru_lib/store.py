"""The store: every table of a corpus, built once in bounded memory, kept as Parquet on disk.

``kzru build CORPUS --store DIR`` (:func:`build_store`) reads the corpus folder in batches of
bounded size and writes, as it goes, one folder of Parquet parts per table:

============  ==============================================================================
table         rows (same columns as the in-memory function)
============  ==============================================================================
corpus        one per article (:func:`kzru_lib.loading.read_corpus`; no ``raw_text`` unless asked)
lines         one per raw line (the cleaning audit, :func:`kzru_lib.cleaning.audit_lines`)
doc_terms     one per document and term (:func:`kzru_lib.terms.doc_terms`)
dates         one per date expression (:func:`kzru_lib.dates.extract_dates`)
figures       one per figure, with ``outlet`` (:func:`kzru_lib.figures.extract_figures`)
mentions      one per dated event sentence, with ``event_id`` (:func:`kzru_lib.timeline.assign_events`)
events        one per merged event (:func:`kzru_lib.timeline.merge_events`)
comparisons   one per metric and period (:func:`kzru_lib.figures.compare_figures`)
problems      one per file or sidecar row that could not be used, or article a stage failed on
============  ==============================================================================

and ``manifest.json`` (kzru version, options, row counts, sha256 of the inputs).

Memory stays bounded because no pass holds every text. The cross-article passes work on
compact keys: the template lines of an outlet (:func:`kzru_lib.cleaning.template_lines`) are
found in a first pass over the files that keeps only 64-bit hashes of the kept lines and story
keys, grouped in DuckDB; event merging and figure comparison read the written ``dates`` and
``figures`` tables back. The per-batch work runs through :func:`kzru_lib.parallel.map_batches`,
so a Dask cluster (``scheduler=``) builds the same store as the local process pool.

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
import os
import shutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import CorpusError, KzruError

__all__ = ["build_store", "open_store", "read_table", "is_store", "load_corpus_or_store", "term_frequency",
           "TABLES", "MANIFEST", "SKIPPABLE"]

MANIFEST = "manifest.json"
#: Tables of a store, in build order, with the columns they are sorted by when read back.
TABLES = {
    "corpus": ["doc_id"],
    "lines": ["doc_id", "line_no"],
    "doc_terms": ["doc_id", "count DESC", "term"],
    "dates": ["doc_id", "line_no", "start", "end"],
    "figures": ["doc_id", "line_no", "start", "end"],
    "mentions": ["date", "doc_id", "line_no", "start"],
    "events": [],
    "comparisons": [],
    "problems": ["path", "line_no"],
}
_PROBLEM_COLUMNS = ["path", "line_no", "severity", "problem"]
#: Tables ``build_store(skip=...)`` can leave out, with the tables that depend on them.
SKIPPABLE = {"doc_terms": (), "dates": ("mentions", "events"), "figures": ("comparisons",),
             "mentions": ("events",), "events": (), "comparisons": ()}
#: Kept lines in at least this many different stories of one outlet are its template (as in cleaning).
MIN_STORIES = 3


# --------------------------------------------------------------------------------------------
# Per-batch work (top-level functions with explicit arguments: they run in worker processes)
# --------------------------------------------------------------------------------------------


def _hash64(text: str) -> int:
    """A signed 64-bit hash of a string (stable across processes and machines)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)


def _keys_batch(max_bytes: int, table, files: list[tuple[str, str]]) -> tuple[list, list, list]:
    """First pass over one batch: what the template-line pass needs, as hashes.

    Returns ``(docs, keys, problems)``: ``docs`` rows ``(doc_id, outlet read from the text, story
    hash or None)``; ``keys`` rows ``(doc_id, hash of a kept line's key)``; ``problems``
    ``(path, problem)`` for files that could not be read.
    """
    from .loading import _read_and_clean, paused_gc

    docs, keys, problems = [], [], []
    with paused_gc():
        for path, doc_id in files:
            rec = _read_and_clean(path, max_bytes, table, None, False)
            if isinstance(rec, str):
                problems.append((path, rec))
                continue
            summary = rec["summary"]
            story = None if summary.story is None else _hash64(summary.story)
            docs.append((doc_id, rec["meta"].get("outlet") or "", story))
            keys.extend((doc_id, _hash64(k)) for k in set(summary.kept_keys))
    return docs, keys, problems


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


def _build_batch(job: _Job, batch: list[tuple[str, str, dict | None]]) -> dict:
    """Second pass over one batch ``[(path, doc_id, sidecar row or None)]``: every per-article table.

    Returns ``{table name: DataFrame}`` plus ``"problems"``: rows for files that could not be
    read and for articles a stage failed on (that article is left out of that stage's table;
    the rest of the batch is written).
    """
    from . import cleaning
    from .duplicates import DUPLICATE_COLUMNS
    from .loading import SOURCE_COLUMNS, _read_and_clean, corpus_row, paused_gc

    problems: list[dict] = []
    docs = []
    with paused_gc():
        for path, doc_id, side in batch:
            rec = _read_and_clean(path, job.max_bytes, job.patterns, None, True)
            if isinstance(rec, str):  # read in the first pass: the file changed since
                problems.append({"path": path, "line_no": None, "severity": "error",
                                 "problem": f"{rec} (the file changed while the store was built)"})
                continue
            rec["doc_id"] = doc_id
            rec["audit"].doc_id = doc_id
            rec["side"] = side
            docs.append(rec)
    if not docs:
        return {"problems": pd.DataFrame(problems, columns=_PROBLEM_COLUMNS)}
    rows = []
    for doc in docs:
        summary, meta, side = doc["summary"], doc["meta"], doc["side"] or {}
        outlet = side.get("outlet")
        group = (outlet if isinstance(outlet, str) else None) or meta.get("outlet") or ""
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
    # near-copies are a cross-article pass the store does not run yet: their columns stay empty
    columns = [*_core_columns(), *(SOURCE_COLUMNS if job.source_columns else ()), *DUPLICATE_COLUMNS,
               *(c for c in job.extra_columns if not (job.source_columns and c in SOURCE_COLUMNS))]
    corpus = pd.DataFrame(rows, columns=columns, dtype=object)
    corpus = corpus.where(corpus.notna(), None).astype({"n_lines": "int64", "n_kept_lines": "int64"})
    audits = {d["doc_id"]: d["audit"] for d in docs}
    out = {"corpus": corpus if job.with_raw else corpus.drop(columns=["raw_text"])}
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

    return doc_terms(corpus[["doc_id", "text"]], options=job.term_options)


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

    def write(self, name: str, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        k = self.parts.get(name, 0)
        frame = frame.reset_index(drop=True)
        frame.attrs = {}  # audit extras in attrs (problems, datelines) are written as tables of their own
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table, folder / f"part-{k:06d}.parquet", compression="zstd")
        self.parts[name] = k + 1
        self.rows[name] = self.rows.get(name, 0) + len(frame)


def _require_store_libs() -> None:
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise KzruError(f"the store needs pyarrow and duckdb ({exc.name} is missing): "
                        "pip install 'kzru[store]'") from None


def _prepare(store: Path) -> None:
    if store.exists():
        if not store.is_dir():
            raise KzruError(f"{store}: exists and is not a folder")
        if any(store.iterdir()) and not (store / MANIFEST).exists():
            raise KzruError(f"{store}: folder is not empty and is not a kzru store; give a new folder")
        for name in [*TABLES, "_work"]:
            shutil.rmtree(store / name, ignore_errors=True)
        (store / MANIFEST).unlink(missing_ok=True)
    store.mkdir(parents=True, exist_ok=True)


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
    date_rules=None,
    figure_rules=None,
    link_dates: bool = True,
    tolerance_days: int = 1,
    rates: pd.DataFrame | None = None,
    progress: bool = False,
    skip: tuple[str, ...] = (),
) -> dict:
    """Run every stage once over a corpus folder and write the store (see the module docstring).

    Args:
        corpus: folder of ``.txt`` articles (as for :func:`kzru_lib.loading.read_corpus`).
        store: folder to write; created, or rebuilt when it holds a store already.
        batch_size: articles per batch (memory grows with it, not with the corpus).
        workers: local processes (``None``: one per CPU from 1,000 articles on; 1: none).
        scheduler: a Dask scheduler address (default ``KZRU_DASK_SCHEDULER``).
        strict, patterns, max_bytes: as for :func:`kzru_lib.loading.read_corpus`.
        with_raw: also keep ``raw_text`` in the corpus table.
        term_options: :func:`kzru_lib.terms.term_options` (default: the defaults).
        date_rules, figure_rules: compiled rule tables (default: the bundled ones).
        link_dates: link figures to periods.
        tolerance_days, rates: for event merging and figure comparison.
        progress: print one line per pass on stderr.
        skip: tables not to build (:data:`SKIPPABLE`); a table's dependants go with it
            (``dates`` takes ``mentions`` and ``events``; ``figures`` takes ``comparisons``;
            ``events`` leaves ``mentions`` without ``event_id``).

    Returns:
        The manifest (also written to ``STORE/manifest.json``).

    Raises:
        CorpusError: as :func:`kzru_lib.loading.read_corpus` (missing folder, no readable article,
            or any problem in strict mode).
    """
    from . import cleaning
    from .loading import MAX_BYTES, _article_files, _Report
    from .parallel import default_workers, process_pool, scheduler_address

    _require_store_libs()
    unknown = set(skip) - set(SKIPPABLE)
    if unknown:
        raise KzruError(f"skip: {', '.join(sorted(unknown))}: only {', '.join(SKIPPABLE)} can be skipped")
    skip = set(skip)
    for table, dependants in SKIPPABLE.items():
        if table in skip:
            skip.update(dependants)
    if batch_size < 1:
        raise KzruError(f"batch size must be at least 1, got {batch_size}")
    started = time.time()
    folder, root = Path(corpus), Path(store)
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder does not exist")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: is a file, not a corpus folder (give the folder that holds the .txt articles)")
    report = _Report(strict=strict)
    files = _article_files(folder, report)
    if not files:
        raise CorpusError(f"{folder}: no .txt articles in this folder")
    _prepare(root)
    work = root / "_work"
    work.mkdir()
    table = cleaning.load_patterns(patterns, folder=folder)
    max_bytes = max_bytes or MAX_BYTES
    workers = workers if workers is not None else default_workers(len(files))
    pool = None
    if workers != 1 and not (scheduler or scheduler_address()):
        # one pool for both passes, made before DuckDB or pyarrow start threads here (see process_pool)
        pool = process_pool(workers or os.cpu_count() or 1)
    run = {"workers": workers, "scheduler": scheduler, "executor": pool}
    try:
        return _build(folder, root, files, report, table, max_bytes, run, started, batch_size=batch_size,
                      with_raw=with_raw, term_options=term_options, date_rules=date_rules,
                      figure_rules=figure_rules, link_dates=link_dates, tolerance_days=tolerance_days,
                      rates=rates, progress=progress, skip=skip, patterns=patterns)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _build(folder: Path, root: Path, files, report, table, max_bytes: int, run: dict, started: float, *,
           batch_size, with_raw, term_options, date_rules, figure_rules, link_dates, tolerance_days, rates,
           progress, skip, patterns) -> dict:
    """:func:`build_store` once the folder is listed and the pool made."""
    from . import __version__, urls
    from .dates import load_date_rules
    from .figures import compare_figures
    from .figures import figure_rules as _figure_rules
    from .loading import _SIDECAR_WINS, HOSTS_FILE, METADATA_FILE, PATTERNS_FILE, _read_sidecar
    from .parallel import batched, map_batches
    from .terms import term_options as _term_options
    from .timeline import assign_events, merge_events

    workers = run["workers"]
    scheduler = run["scheduler"]
    work = root / "_work"

    timings: dict[str, float] = {}
    lap = [started]

    def say(step: str, message: str) -> None:
        now = time.time()
        timings[step] = round(now - lap[0], 2)
        lap[0] = now
        if progress and os.environ.get("KZRU_QUIET") != "1":
            print(f"kzru build: {message} ({now - started:.0f} s)", file=sys.stderr, flush=True)

    # pass 1: hashes of kept lines and stories -> template lines per outlet
    writer = _Writer(work)
    readable: set[str] = set()
    unread: dict[str, str] = {}
    for docs, keys, problems in map_batches(_keys_batch, batched(files, batch_size), shared=(max_bytes, table),
                                            **run):
        readable.update(d[0] for d in docs)
        unread.update(problems)
        writer.write("docs", pd.DataFrame(docs, columns=["doc_id", "text_outlet", "story"]))
        writer.write("keys", pd.DataFrame(keys, columns=["doc_id", "key"]).astype({"key": "int64"}))
    for path, problem in unread.items():
        report.add(path, problem)
    if not readable:
        first = report.rows[0]["problem"] if report.rows else "none"
        raise CorpusError(f"{folder}: none of the {len(files)} .txt files could be read (first problem: {first})")
    say("read_hashes", f"pass 1: {len(readable)} of {len(files)} articles read")
    sidecar = _read_sidecar(folder, readable, report)
    sidecar_rows: dict[str, dict] = {}
    extra: list[str] = []
    if sidecar is not None:
        columns = list(sidecar.columns)
        values = zip(*(sidecar[c].tolist() for c in columns), strict=True)
        sidecar_rows = {d: dict(zip(columns, row, strict=True))
                        for d, row in zip(sidecar.index.tolist(), values, strict=False)}
        extra = [c for c in columns if c not in _core_columns()]
        for key in columns:
            if key in _core_columns() and key not in _SIDECAR_WINS:
                report.add(str(folder / METADATA_FILE), f"column {key!r} is computed by kzru and cannot be set "
                           "in the sidecar; ignored", line_no=1, severity="note")
    template = _template_hashes(work, sidecar, len(readable))
    say("template_lines", f"template lines: {sum(map(len, template.values()))} in {len(template)} outlets")

    job = _Job(max_bytes=max_bytes, patterns=table, template=template, with_raw=with_raw, term_options=term_options or _term_options(),
               date_rules=date_rules or load_date_rules(), figure_rules=figure_rules or _figure_rules(),
               link_dates=link_dates, extra_columns=extra, skip=frozenset(skip),
               hosts=urls.load_hosts(folder / HOSTS_FILE if (folder / HOSTS_FILE).is_file() else None),
               # the in-memory reader adds url/title_basis/outlet_basis when some article has them
               source_columns=("url" in extra or any(p.lower().endswith((".html", ".htm")) for p, _ in files)))
    # pass 2: every per-article table, written batch by batch
    out = _Writer(root)
    batches = batched(((p, d, sidecar_rows.get(d)) for p, d in files if d in readable), batch_size)
    for tables in map_batches(_build_batch, batches, shared=(job,), **run):
        for name, frame in tables.items():
            out.write(name, frame)
    for name in ("corpus", "lines", "doc_terms", "dates", "figures", "mentions", "problems"):
        if name not in out.parts and name not in skip:
            out.write(name, pd.DataFrame())
    say("articles", f"pass 2: {out.rows['corpus']} articles written")
    shutil.rmtree(work)

    # cross-article passes on the written tables
    if "events" not in skip:
        mentions = read_table(root, "mentions")
        mentions = assign_events(mentions, tolerance_days=tolerance_days)
        _rewrite(root, "mentions", mentions, out)
        out.write("events", merge_events(mentions, tolerance_days=tolerance_days))
        del mentions
        say("events", "events merged")
    if "comparisons" not in skip:
        figures = read_table(root, "figures")
        out.write("comparisons", compare_figures(figures, rates=rates))
        del figures
        say("comparisons", "figures compared")
    stage_problems = read_table(root, "problems")
    problems = pd.concat([pd.DataFrame(report.rows, columns=_PROBLEM_COLUMNS), stage_problems], ignore_index=True)
    for row in stage_problems.itertuples():
        warnings.warn(f"{row.path}: {row.problem}", stacklevel=2)
    _rewrite(root, "problems", problems, out)

    manifest = {
        "kzru_version": __version__,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.time() - started, 1),
        "corpus": str(folder.resolve()),
        "options": {"batch_size": batch_size, "workers": workers, "scheduler": scheduler, "with_raw": with_raw,
                    "max_bytes": max_bytes, "patterns": str(patterns) if isinstance(patterns, (str, Path)) else
                    ("DataFrame" if patterns is not None else None), "link_dates": link_dates,
                    "tolerance_days": tolerance_days, "rates": rates is not None, "skip": sorted(skip)},
        "counts": {name: out.rows.get(name, 0) for name in TABLES if name in out.rows},
        "timings": timings,
        "files": len(files),
        "inputs_sha256": _inputs_digest(root),
        "metadata_sha256": _file_sha256(folder / METADATA_FILE),
        "patterns_sha256": _file_sha256(folder / PATTERNS_FILE),
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


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


def _template_hashes(work: Path, sidecar: pd.DataFrame | None, n_docs: int) -> dict[str, set[int]]:
    """``{outlet: {hash of a template line's key}}``, grouped in DuckDB from the first pass.

    Same rule as :func:`kzru_lib.cleaning.template_lines`: a kept line found in at least
    :data:`MIN_STORIES` different stories of one outlet (a story of its own for an article
    without a story key; the sidecar's outlet, else the one read from the text, else none).
    """
    import duckdb

    if n_docs < MIN_STORIES:
        return {}
    con = duckdb.connect()
    side = pd.DataFrame({"doc_id": [], "outlet": []}, dtype=object)
    if sidecar is not None and "outlet" in sidecar.columns:
        s = sidecar["outlet"]
        s = s[s.map(lambda v: isinstance(v, str) and v != "")]
        side = pd.DataFrame({"doc_id": s.index.astype(str), "outlet": s.astype(str).to_numpy()})
    con.register("side", side)
    rows = con.execute(f"""
        WITH g AS (
            SELECT d.doc_id,
                   coalesce(s.outlet, nullif(d.text_outlet, ''), '') AS grp,
                   coalesce(CAST(d.story AS VARCHAR), 'doc:' || d.doc_id) AS story
            FROM read_parquet('{work / "docs"}/*.parquet') d LEFT JOIN side s USING (doc_id))
        SELECT grp, key FROM read_parquet('{work / "keys"}/*.parquet') k JOIN g USING (doc_id)
        GROUP BY grp, key HAVING count(DISTINCT story) >= {MIN_STORIES}
    """).fetchall()
    con.close()
    out: dict[str, set[int]] = {}
    for grp, key in rows:
        out.setdefault(grp, set()).add(int(key))
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
    return _plain(frame)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB's DataFrame with pandas' usual dtypes: text as object (None for missing)."""
    for c in frame.columns:
        if frame[c].dtype != object and str(frame[c].dtype).startswith(("string", "str")):
            frame[c] = frame[c].astype(object)
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
