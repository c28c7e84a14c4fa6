"""Execute notebooks in place, as they are committed: outputs kept, execution noise stripped.

    .venv/bin/python scripts/execute_notebooks.py notebooks/01_corpus_and_cleaning.ipynb [...]

Each notebook runs top to bottom in its own folder on the seed corpus (``KZRU_CORPUS`` is
removed, so the committed outputs do not depend on the shell), with ``KZRU_QUIET=1`` (no
progress bars), a fixed ``MPLBACKEND`` and hash seed, so the saved outputs are what nbval sees
in CI. Timing metadata, kernel-specific metadata and widget state are removed; cell ids become
``cell-00``, ``cell-01``... A failing cell leaves the file untouched and exits with status 1.
Warnings name what tests/test_notebooks_hygiene.py would reject (a figure saved as text, a
machine path in an output).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KEEP_NB_METADATA = ("kernelspec", "language_info")
FIGURE_AS_TEXT = re.compile(r"^<Figure size \S+ with \d+ Axes>$")


def kernel_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KZRU_CORPUS"}
    env.update({"KZRU_QUIET": "1", "PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    return env


def warnings_for(nb, path: Path) -> list[str]:
    repo = str(Path(__file__).resolve().parents[1])
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            plain = data.get("text/plain", "")
            if FIGURE_AS_TEXT.match(plain.strip()) and "image/png" not in data:
                found.append(f"{path} cell {i}: figure saved as text {plain.strip()!r}; add `%matplotlib inline` "
                             "to the first code cell")
            text = out.get("text", "") + plain + data.get("text/html", "")
            if repo in text:
                found.append(f"{path} cell {i}: an output contains the path {repo}")
    return found


def execute(path: Path, *, timeout: int = 600) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=kernel_env())
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_NB_METADATA}
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags",)}
        cell.id = f"cell-{i:02d}"
    for warning in warnings_for(nb, path):
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    status = 0
    for arg in argv:
        print(f"executing {arg}", flush=True)
        try:
            execute(Path(arg))
        except CellExecutionError as exc:
            print(f"error: {arg} not written: {exc.ename}: {exc.evalue}\n{exc}", file=sys.stderr, flush=True)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
