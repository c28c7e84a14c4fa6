"""Every notebook runs on a user's corpus, not only on the seeds.

The corpus folder is a parameter (``KZRU_CORPUS``); these tests execute each committed notebook
top to bottom (in memory, the files are not changed) on corpora the seeds do not cover:

* one article, without a date, a figure or a sidecar;
* a hundred articles (the seeds copied under new names, with a sidecar that adds a column).

A notebook "behaves sensibly" here when no cell raises.  The error names the notebook and cell.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kzru_lib.handouts import execute_notebook

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SEEDS = REPO / "seeds"

ONE_ARTICLE = (
    "Astana hosts talks on water sharing\n"
    "Officials from Kazakhstan and Russia met in Astana to discuss the shared rivers of the border region.\n"
    "The delegations agreed to continue the consultations and to exchange hydrological data.\n"
    "Share this article\n"
)


@pytest.fixture(scope="module")
def one_article(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("one_article")
    (folder / "water_talks.txt").write_text(ONE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hundred_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hundred_articles")
    seeds = sorted(SEEDS.glob("*.txt"))
    rows = ["doc_id,stance"]
    for i in range(100):
        src = seeds[i % len(seeds)]
        doc_id = f"copy{i:03d}_{src.stem}"
        shutil.copyfile(src, folder / f"{doc_id}.txt")
        rows.append(f"{doc_id},{('positive', 'neutral', 'negative')[i % 3]}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks committed yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_on_one_undated_article(path: Path, one_article: Path) -> None:
    nb = execute_notebook(path, corpus=one_article, timeout=300)
    text = "".join(
        str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
        for cell in nb.cells
        for out in cell.get("outputs", [])
    )
    # the run used the corpus it was given, not the seeds
    assert "e124f29be3b57ffe" not in text, f"{path.name} read the seeds, not KZRU_CORPUS"


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks committed yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_on_a_hundred_articles(path: Path, hundred_articles: Path) -> None:
    execute_notebook(path, corpus=hundred_articles, timeout=300)
