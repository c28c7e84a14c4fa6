"""kzru_lib.handouts: execute notebooks in memory, write HTML and PNG files, deterministically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from kzru_lib.errors import KzruError
from kzru_lib.handouts import WIDGET_NOTE, write_handouts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _notebook(path: Path, cells: list[tuple[str, str]]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src) for kind, src in cells
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    src = tmp_path / "notebooks"
    src.mkdir()
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    (corpus / "a.txt").write_text("one article\n")
    _notebook(
        src / "01_figures.ipynb",
        [
            ("md", "# Figures and widgets\n\nA paragraph; next: [the text](02_text.ipynb), [part](02_text.ipynb#Just-text)."),
            ("code", "import os\nfrom pathlib import Path\nCORPUS = Path(os.environ.get('KZRU_CORPUS', '../seeds'))\n"
                     "print(sorted(p.name for p in CORPUS.glob('*.txt')))"),
            ("code", "import matplotlib.pyplot as plt\nimport numpy as np\n"
                     "rng = np.random.default_rng(0)\nfig, ax = plt.subplots(figsize=(3, 2))\n"
                     "ax.plot(rng.normal(size=20))\nplt.show()\n"
                     "fig, ax = plt.subplots(figsize=(3, 2))\nax.bar(['a', 'b'], [1, 2])\nplt.show()"),
            ("code", "import ipywidgets as w\nw.Dropdown(options=['x', 'y'])"),
            ("code", "object()"),
        ],
    )  # fmt: skip
    _notebook(src / "02_text.ipynb", [("md", "# Just text"), ("code", "print('hello from 02')")])
    _notebook(src / "scratch.ipynb", [("code", "raise RuntimeError('not a numbered notebook')")])
    return src


def test_handouts_are_written_and_deterministic(notebooks: Path, tmp_path: Path) -> None:
    before = (notebooks / "01_figures.ipynb").read_bytes()
    first = write_handouts(notebooks, tmp_path / "a")
    second = write_handouts(notebooks, tmp_path / "b")

    files = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == [
        "01_figures.html",
        "02_text.html",
        "figures/01_figures/cell-02-1.png",
        "figures/01_figures/cell-02-2.png",
        "handouts.csv",
        "index.html",
    ]
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    assert first.equals(second)
    assert list(first.columns) == ["notebook", "kind", "path", "bytes", "sha256"]
    assert first["kind"].value_counts().to_dict() == {"figure": 2, "html": 2, "index": 1}

    for png in (tmp_path / "a" / "figures" / "01_figures").iterdir():
        assert png.read_bytes().startswith(PNG_MAGIC)
    page = (tmp_path / "a" / "01_figures.html").read_text()
    assert "<title>Figures and widgets</title>" in page
    assert "[&#x27;a.txt&#x27;]" in page or "['a.txt']" in page  # the ../seeds default resolved
    assert WIDGET_NOTE in page and "widget-view+json" not in page
    assert "0xADDRESS" in page
    assert 'href="02_text.html"' in page and 'href="02_text.html#Just-text"' in page and ".ipynb" not in page
    index = (tmp_path / "a" / "index.html").read_text()
    assert '<a href="01_figures.html">Figures and widgets</a>' in index and "(2 figures)" in index
    # the notebooks on disk are untouched
    assert (notebooks / "01_figures.ipynb").read_bytes() == before


def test_corpus_option_reaches_the_kernel_and_no_code_drops_inputs(notebooks: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "zz.txt").write_text("another\n")
    write_handouts(notebooks, tmp_path / "out", corpus=other, code=False, pattern="01_*.ipynb")
    page = (tmp_path / "out" / "01_figures.html").read_text()
    assert "zz.txt" in page and "a.txt" not in page
    assert "CORPUS = Path" not in page  # no code in a code-free handout
    assert not (tmp_path / "out" / "02_text.html").exists()


def test_failing_cell_is_named(tmp_path: Path) -> None:
    _notebook(tmp_path / "01_bad.ipynb", [("code", "x = 1"), ("code", "raise ValueError('broken on purpose')")])
    with pytest.raises(KzruError, match=r"01_bad.ipynb: cell 1 failed: ValueError: broken on purpose"):
        write_handouts(tmp_path, tmp_path / "out")


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KzruError, match="no notebooks"):
        write_handouts(tmp_path, tmp_path / "out")


def test_command_line(tmp_path: Path) -> None:
    src = tmp_path / "notebooks"
    src.mkdir()
    _notebook(src / "01_text.ipynb", [("md", "# Text only"), ("code", "print('hello')")])
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, "-m", "kzru_lib.handouts", str(src), str(tmp_path / "cli"), "--no-code"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wrote 1 HTML page(s) and 0 figure(s)" in done.stdout
    assert "hello" in (tmp_path / "cli" / "01_text.html").read_text()
    assert "print(" not in (tmp_path / "cli" / "01_text.html").read_text()
    bad = subprocess.run(
        [sys.executable, "-m", "kzru_lib.handouts", str(tmp_path / "missing"), str(tmp_path / "x")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2 and "no notebooks" in bad.stderr
