"""Every committed notebook is clean: numbered, titled, executed in order, free of noise.

What nbval cannot see: stray metadata (timings, widget state, editor settings), cells run out
of order or not at all, machine-specific paths in outputs, progress-bar residue, figures that
reached the output as text, ``%pip`` cells, and a first cell that ignores ``KZRU_CORPUS``.
Execute notebooks with ``scripts/execute_notebooks.py`` and these checks hold.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CORPUS_LINE = 'CORPUS = Path(os.environ.get("KZRU_CORPUS", "../seeds"))'
NB_METADATA = {"kernelspec", "language_info"}
CELL_METADATA = {"tags"}
FIGURE_AS_TEXT = re.compile(r"^<Figure size \d+(\.\d+)?x\d+(\.\d+)? with \d+ Axes>$")
PROGRESS_RESIDUE = re.compile(r"\d+%\|.*\|\s*\d+/\d+ \[|it/s\]|\?it/s")
MACHINE_PATHS = re.compile(r"(/home/|/Users/|/tmp/|/root/|[A-Z]:\\\\Users)")
SHELL_INSTALL = re.compile(r"^\s*[%!]\s*(pip|conda|mamba|apt|apt-get)\b", re.MULTILINE)

pytestmark = pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks committed yet")


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def _output_texts(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            texts.append(out.get("text", ""))
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/") or mime == "application/json":
                texts.append(value if isinstance(value, str) else str(value))
    return texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_name_and_title(path: Path) -> None:
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), f"{path.name}: name it NN_words.ipynb"
    nb = _read(path)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), (
        f"{path.name}: the first cell is a markdown title ('# ...')"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_only_kernel_metadata(path: Path) -> None:
    nb = _read(path)
    assert set(nb.metadata) <= NB_METADATA, f"{path.name}: stray notebook metadata {set(nb.metadata) - NB_METADATA}"
    for i, cell in enumerate(nb.cells):
        extra = set(cell.metadata) - CELL_METADATA
        assert not extra, f"{path.name} cell {i}: stray cell metadata {sorted(extra)} (timings, UI state)"
        if cell.cell_type == "markdown":
            assert not cell.get("attachments"), f"{path.name} cell {i}: attachments belong in a file, not the notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_executed_top_to_bottom(path: Path) -> None:
    nb = _read(path)
    code = [c for c in _code_cells(nb) if c.source.strip()]
    assert code, f"{path.name}: no code cells"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), (
        f"{path.name}: execution counts {counts}; run it with scripts/execute_notebooks.py"
    )
    assert sum(len(c.outputs) for c in code) > 0, f"{path.name}: committed without outputs"
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{path.name} cell {i}: committed with an error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_corpus_is_a_parameter(path: Path) -> None:
    nb = _read(path)
    code = _code_cells(nb)
    assert code and CORPUS_LINE in code[0].source, (
        f"{path.name}: the first code cell must set {CORPUS_LINE} (KZRU_CORPUS chooses the corpus)"
    )
    for i, cell in enumerate(code):
        assert not SHELL_INSTALL.search(cell.source), f"{path.name} code cell {i}: no installs in notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_outputs_carry_no_noise(path: Path) -> None:
    nb = _read(path)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for text in _output_texts(cell):
            assert str(REPO) not in text and not MACHINE_PATHS.search(text), (
                f"{path.name} cell {i}: output names a path on this machine: {text[:200]!r}"
            )
            assert not PROGRESS_RESIDUE.search(text), (
                f"{path.name} cell {i}: progress-bar residue in the output (execute with KZRU_QUIET=1)"
            )
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            plain = data.get("text/plain", "")
            if FIGURE_AS_TEXT.match(plain.strip()) and "image/png" not in data:
                pytest.fail(
                    f"{path.name} cell {i}: a figure was committed as text ({plain.strip()}), not drawn: "
                    "the kernel had no inline backend (add `%matplotlib inline` to the first code cell)"
                )


def test_checks_can_fail(tmp_path: Path) -> None:
    """The checks above reject a notebook with each kind of noise."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3"}, "widgets": {"state": {}}}
    nb.cells = [
        nbformat.v4.new_markdown_cell("no title"),
        nbformat.v4.new_code_cell("CORPUS = '../seeds'", execution_count=2),
        nbformat.v4.new_code_cell("fig", execution_count=1),
    ]
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stderr", text="reading: 100%|##| 5/5 [00:00<00:00]")]
    nb.cells[2].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "<Figure size 640x480 with 1 Axes>"},
                                                  execution_count=1)]  # fmt: skip
    path = tmp_path / "1_Bad Name.ipynb"
    nbformat.write(nb, path)
    for check in (test_name_and_title, test_only_kernel_metadata, test_executed_top_to_bottom,
                  test_corpus_is_a_parameter, test_outputs_carry_no_noise):  # fmt: skip
        with pytest.raises((AssertionError, pytest.fail.Exception)):
            check(path)
