"""scripts/execute_notebooks.py: notebooks executed for commit, with the noise stripped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "execute_notebooks.py"


def _run(*paths: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, paths)], capture_output=True, text=True,
                          env=dict(os.environ, **env), timeout=300)  # fmt: skip


def test_executes_in_place_and_strips_noise(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Py"}, "widgets": {"x": 1}, "toc": {}}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("import os\nprint(os.environ.get('KZRU_CORPUS'), os.environ.get('KZRU_QUIET'))"),
        nbformat.v4.new_code_cell("from matplotlib.figure import Figure\nfig = Figure()\nfig.add_subplot()\nfig"),
    ]
    nb.cells[1].metadata = {"tags": ["keep"], "scrolled": True, "ExecuteTime": {"start": "2026-01-01"}}
    path = tmp_path / "01_x.ipynb"
    nbformat.write(nb, path)

    done = _run(path, KZRU_CORPUS="/somewhere/else")
    assert done.returncode == 0, done.stderr
    out = nbformat.read(path, as_version=4)
    assert set(out.metadata) == {"kernelspec", "language_info"}
    assert [c.id for c in out.cells] == ["cell-00", "cell-01", "cell-02"]
    assert out.cells[1].metadata == {"tags": ["keep"]}
    assert out.cells[1].outputs[0]["text"] == "None 1\n"  # the seeds, quietly, whatever the shell says
    assert [c.execution_count for c in out.cells[1:]] == [1, 2]
    # a figure that would be committed as text is reported
    assert "cell 2: figure saved as text" in done.stderr and "%matplotlib inline" in done.stderr


def test_failing_notebook_is_not_written(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("raise ValueError('on purpose')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = tmp_path / "01_bad.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    done = _run(path)
    assert done.returncode == 1
    assert "01_bad.ipynb not written: ValueError: on purpose" in done.stderr
    assert path.read_bytes() == before
