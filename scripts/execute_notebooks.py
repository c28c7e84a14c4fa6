"""Execute notebooks in place, as they are committed: outputs kept, execution noise stripped.

    .venv/bin/python scripts/execute_notebooks.py notebooks/01_corpus_and_cleaning.ipynb [...]

Each notebook runs top to bottom in its own folder with ``KZRU_QUIET=1`` (no progress bars),
a fixed ``MPLBACKEND`` and hash seed, so the saved outputs are what nbval sees in CI.
Timing metadata, kernel-specific metadata and widget state are removed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KEEP_NB_METADATA = ("kernelspec", "language_info")


def execute(path: Path, *, timeout: int = 600) -> None:
    nb = nbformat.read(path, as_version=4)
    os.environ.update({"KZRU_QUIET": "1", "PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_NB_METADATA}
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags",)}
        cell.id = f"cell-{i:02d}"
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    for arg in argv:
        print(f"executing {arg}", flush=True)
        execute(Path(arg))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
