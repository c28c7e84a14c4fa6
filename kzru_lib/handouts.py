"""Handouts: execute every notebook and write HTML copies and the figures as PNG files.

    python -m kzru_lib.handouts notebooks build/handouts [--no-code] [--timeout 600]

A lecturer uploads the folder as it is::

    build/handouts/
      index.html                                   links to every handout
      01_corpus_and_cleaning.html                  the executed notebook as a web page
      figures/01_corpus_and_cleaning/cell-07-1.png each figure, named by cell and position
      handouts.csv                                 the files written, with their sha256

The notebooks on disk are not changed: each is executed in memory, in its own folder (so the
default ``../seeds`` corpus resolves; ``KZRU_CORPUS`` chooses another one), with
``KZRU_QUIET=1``, ``PYTHONHASHSEED=0`` and the inline Matplotlib backend.  The output is
deterministic: the same notebooks and corpus give byte-identical files.  Interactive widgets
cannot work in a static page, so each widget output is replaced by a short note; the static
results each notebook shows before its explorer stay.

Example:
    >>> from kzru_lib.handouts import write_handouts
    >>> files = write_handouts("notebooks", "build/handouts")    # doctest: +SKIP
    >>> files[["notebook", "kind", "path"]]                      # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import os
import re
import sys
from pathlib import Path

import pandas as pd

from .errors import KzruError

__all__ = ["execute_notebook", "write_handouts", "main"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: Shown instead of a widget in a static handout.
WIDGET_NOTE = "Interactive explorer: open this notebook in JupyterLab (or as an app with Voila) to use it."
#: Memory addresses in reprs are the one thing in an output that changes from run to run.
_ADDRESS = re.compile(r"0x[0-9a-f]{6,16}")
_NB_METADATA = ("kernelspec", "language_info")
#: A markdown link to a sibling notebook; in a handout it points to that notebook's page.
_NOTEBOOK_LINK = re.compile(r"\]\((\d\d_[\w-]+)\.ipynb(#[^)]*)?\)")


class HandoutError(KzruError):
    """A notebook that could not be executed or written as a handout."""


def _kernel_env(corpus: str | os.PathLike | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KZRU_QUIET": "1", "PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    if corpus is not None:
        env["KZRU_CORPUS"] = str(Path(corpus).resolve())
    return env


def execute_notebook(path: str | os.PathLike, *, timeout: int = 600, corpus: str | os.PathLike | None = None):
    """Execute a notebook in memory, top to bottom, in its own folder.

    Args:
        path: the ``.ipynb`` file (not modified).
        timeout: seconds allowed per cell.
        corpus: corpus folder for the kernel's ``KZRU_CORPUS``; by default the environment's,
            or the notebook's own default (``../seeds``).

    Returns:
        The executed notebook (an ``nbformat.NotebookNode``) with outputs, stripped of
        timing metadata and widget state.

    Note:
        A cell that raises stops the run with a :class:`HandoutError` naming the notebook, the
        cell and the error.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as exc:
        raise HandoutError(f"{path}: not a readable notebook ({exc})") from None
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    try:
        client.execute(env=_kernel_env(corpus))
    except CellExecutionError as exc:
        failed = next(
            (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        where = f"cell {failed}" if failed is not None else "a cell"
        raise HandoutError(f"{path}: {where} failed: {exc.ename}: {exc.evalue}") from None
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in _NB_METADATA}
    for i, cell in enumerate(nb.cells):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        cell.id = f"cell-{i:02d}"
    return nb


def _make_static(nb) -> None:
    """Replace widget outputs by a note, blank out memory addresses, link pages not notebooks (in place)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _NOTEBOOK_LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", cell.source)
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data is not None and WIDGET_MIME in data:
                out["data"] = {
                    "text/html": f'<p class="kzru-widget-note"><em>{html.escape(WIDGET_NOTE)}</em></p>',
                    "text/plain": WIDGET_NOTE,
                }
                out.get("metadata", {}).pop(WIDGET_MIME, None)
            if data is not None:
                for mime in ("text/plain", "text/html"):
                    if isinstance(out["data"].get(mime), str):
                        out["data"][mime] = _ADDRESS.sub("0xADDRESS", out["data"][mime])
            if out.get("output_type") == "stream":
                out["text"] = _ADDRESS.sub("0xADDRESS", out["text"])


def _figures(nb) -> list[tuple[str, bytes]]:
    """Every PNG output of the notebook as ``(file name, bytes)``, in order."""
    figures = []
    for i, cell in enumerate(nb.cells):
        n = 0
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            png = out.get("data", {}).get("image/png")
            if png:
                n += 1
                figures.append((f"cell-{i:02d}-{n}.png", base64.b64decode(png)))
    return figures


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _to_html(nb, *, title: str, code: bool) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=not code, exclude_input_prompt=not code)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def _index_html(rows: list[dict]) -> str:
    items = "\n".join(
        f'  <li><a href="{html.escape(r["file"])}">{html.escape(r["title"])}</a> '
        f"<small>({r['figures']} figure{'s' if r['figures'] != 1 else ''})</small></li>"
        for r in rows
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>kzru handouts</title>\n</head>\n<body>\n<h1>kzru handouts</h1>\n"
        "<p>Each page is an executed notebook; its figures are in <code>figures/</code> as PNG files.</p>\n"
        f"<ol>\n{items}\n</ol>\n</body>\n</html>\n"
    )


def write_handouts(
    src: str | os.PathLike,
    dest: str | os.PathLike,
    *,
    code: bool = True,
    timeout: int = 600,
    corpus: str | os.PathLike | None = None,
    pattern: str = "[0-9][0-9]_*.ipynb",
    progress: bool = False,
) -> pd.DataFrame:
    """Execute every notebook in ``src`` and write HTML copies and PNG figures into ``dest``.

    Args:
        src: folder of notebooks; the numbered ones (``NN_name.ipynb``) are taken, in order.
        dest: output folder (created; files of the same names are overwritten).
        code: keep the code cells in the HTML (``False`` for a code-free handout).
        timeout: seconds allowed per cell.
        corpus: corpus folder (``KZRU_CORPUS``) for the kernels; default as in the notebooks.
        pattern: glob for the notebooks to take.
        progress: print one line per notebook on stderr.

    Returns:
        The files written, one row each, sorted by ``path``: ``notebook`` (stem), ``kind``
        (``html``, ``figure``, ``index``), ``path`` (relative to ``dest``), ``bytes``,
        ``sha256``.  The same table is written as ``handouts.csv``.

    Note:
        Raises :class:`HandoutError` naming the notebook and cell when a cell fails, and when
        ``src`` holds no notebook.
    """
    src, dest = Path(src), Path(dest)
    notebooks = sorted(src.glob(pattern))
    if not notebooks:
        raise HandoutError(f"{src}: no notebooks matching {pattern!r}")
    dest.mkdir(parents=True, exist_ok=True)
    written: list[dict] = []
    index_rows: list[dict] = []

    def write(rel: str, data: bytes, *, notebook: str, kind: str) -> None:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(
            {"notebook": notebook, "kind": kind, "path": rel, "bytes": len(data),
             "sha256": hashlib.sha256(data).hexdigest()}
        )  # fmt: skip

    for path in notebooks:
        if progress:
            print(f"handouts: executing {path}", file=sys.stderr, flush=True)
        nb = execute_notebook(path, timeout=timeout, corpus=corpus)
        _make_static(nb)
        stem = path.stem
        figures = _figures(nb)
        for name, data in figures:
            write(f"figures/{stem}/{name}", data, notebook=stem, kind="figure")
        title = _title(nb, stem)
        write(f"{stem}.html", _to_html(nb, title=title, code=code).encode("utf-8"), notebook=stem, kind="html")
        index_rows.append({"file": f"{stem}.html", "title": title, "figures": len(figures)})
    write("index.html", _index_html(index_rows).encode("utf-8"), notebook="", kind="index")
    table = pd.DataFrame(written, columns=["notebook", "kind", "path", "bytes", "sha256"])
    table = table.sort_values("path", kind="stable").reset_index(drop=True)
    table.to_csv(dest / "handouts.csv", index=False, lineterminator="\n")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kzru_lib.handouts",
        description="Execute every notebook and write HTML handouts and PNG figures.",
    )
    parser.add_argument("src", help="folder of notebooks (NN_name.ipynb)")
    parser.add_argument("dest", help="output folder, e.g. build/handouts")
    parser.add_argument("--no-code", action="store_true", help="leave the code cells out of the HTML")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    parser.add_argument("--corpus", help="corpus folder for the notebooks (default: KZRU_CORPUS or ../seeds)")
    args = parser.parse_args(argv)
    try:
        table = write_handouts(args.src, args.dest, code=not args.no_code, timeout=args.timeout,
                               corpus=args.corpus, progress=True)  # fmt: skip
    except KzruError as exc:
        print(f"handouts: error: {exc}", file=sys.stderr)
        return 2
    counts = table["kind"].value_counts()
    print(
        f"handouts: wrote {counts.get('html', 0)} HTML page(s) and {counts.get('figure', 0)} figure(s) "
        f"into {args.dest} (index.html lists them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
