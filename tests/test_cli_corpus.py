"""The ``kzru corpus`` and ``kzru lines`` commands, run as a user would."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
from _paths import SEEDS


def kzru(*args):
    return subprocess.run([sys.executable, "-m", "kzru_lib.cli", *args], capture_output=True, text=True)


def test_lines_command_writes_the_audit(tmp_path):
    out = tmp_path / "lines.csv"
    res = kzru("lines", str(SEEDS), "-o", str(out))
    assert res.returncode == 0, res.stderr
    lines = pd.read_csv(out, keep_default_na=False)
    assert list(lines.columns[:5]) == ["doc_id", "line_no", "text", "label", "reason"]
    assert len(lines) == sum(len(p.read_text(encoding="utf-8").split("\n")) for p in SEEDS.glob("*.txt"))


def test_corpus_command_csv_and_parquet(tmp_path):
    for name in ("c.csv", "c.parquet"):
        res = kzru("corpus", str(SEEDS), "-o", str(tmp_path / name))
        assert res.returncode == 0, res.stderr
    table = pd.read_parquet(tmp_path / "c.parquet")
    assert len(table) == 5 and "raw_text" not in table.columns and "text" in table.columns


def test_errors_are_one_line_with_nonzero_exit(tmp_path):
    res = kzru("corpus", str(tmp_path / "missing"), "-o", str(tmp_path / "x.csv"))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "missing: corpus folder does not exist" in res.stderr
    res = kzru("corpus", str(SEEDS), "-o", str(tmp_path / "x.docx"))
    assert res.returncode == 2 and "unsupported output type .docx" in res.stderr


def test_warnings_name_the_file_and_strict_fails(tmp_path):
    (tmp_path / "a.txt").write_text("Kazakhstan and Russia talk\n\nThe talks covered trade and energy.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    res = kzru("corpus", str(tmp_path), "-o", str(tmp_path / "c.csv"))
    assert res.returncode == 0 and "b.txt: empty file" in res.stderr
    res = kzru("corpus", str(tmp_path), "-o", str(tmp_path / "c.csv"), "--strict")
    assert res.returncode == 2 and "b.txt: empty file" in res.stderr


def test_help_for_each_command():
    for cmd in ("corpus", "lines"):
        res = kzru(cmd, "--help")
        assert res.returncode == 0 and "DIR" in res.stdout


STORY = ("Kazakhstan and Russia agreed on Tuesday to expand rail freight through the northern border crossings. "
         "The deal was signed in Petropavl by the two transport ministers after three days of talks. "
         "Under the agreement, the number of daily container trains will rise from twelve to twenty by spring.")


def test_a_table_with_a_column_mapping_and_duplicates_excluded_in_every_command(tmp_path):
    table = pd.DataFrame({"summary": ["x", "y", "z"],
                          "story": [f"Rail deal\n\n{STORY}", f"Rail freight deal\n\n{STORY}",
                                    "Water talks\n\nThe two governments discussed the Ural river on Monday, and "
                                    "farmers in Atyrau asked for a joint commission on its flow."],
                          "pubdate": ["2024-03-05", "2024-03-06", "2024-03-07"]})
    table.to_csv(tmp_path / "export.csv", index=False)
    (tmp_path / "README.md").write_text("where the export came from", encoding="utf-8")
    out = tmp_path / "c.csv"
    res = kzru("corpus", str(tmp_path), "-o", str(out), "--column", "text=story", "--column", "published=pubdate")
    assert res.returncode == 0, res.stderr
    corpus = pd.read_csv(out)
    assert corpus.doc_id.tolist() == ["export-000001", "export-000002", "export-000003"]
    assert corpus.duplicate_of.tolist()[1] == "export-000001" and corpus.published.tolist()[2] == "2024-03-07"
    assert res.stderr.count("README.md") == 1  # one summary note
    res = kzru("terms", str(tmp_path), "-o", str(tmp_path / "t.csv"), "--column", "text=story",
               "--exclude-duplicates", "--per-doc")
    assert res.returncode == 0, res.stderr
    assert set(pd.read_csv(tmp_path / "t.csv").doc_id) == {"export-000001", "export-000003"}
    res = kzru("lines", str(tmp_path), "-o", str(tmp_path / "l.csv"), "--column", "text=story", "--strict")
    assert res.returncode == 2 and "README.md" in res.stderr
    res = kzru("lines", str(tmp_path), "-o", str(tmp_path / "l.csv"), "--column", "txt=story")
    assert res.returncode == 2 and "expected ROLE=COLUMN" in res.stderr


def test_large_csv_tables_are_written_by_duckdb_with_the_same_cells(tmp_path, monkeypatch):
    import numpy as np
    import pytest

    from kzru_lib._cli import corpus as cli_corpus

    pytest.importorskip("duckdb")
    table = pd.DataFrame({
        "claim": pd.array(["n1:2", "", None, "a,b", 'say "x"', "two\nlines", "ünï  "], dtype="str"),
        "why": pd.Series(["", "x", None, "1.0", "-", "NULL", " lead"], dtype=object),
        "value": [2.0, np.nan, np.inf, -0.0, 1e16, 1e-05, 94800000000.0],
        "line_no": [1, 2, 3, 4, 5, 6, 7],
    })
    pandas_csv, fast_csv = tmp_path / "pandas.csv", tmp_path / "fast.csv"
    table.to_csv(pandas_csv, index=False)
    assert cli_corpus._csv_by_duckdb(table, fast_csv)
    assert fast_csv.read_bytes() == pandas_csv.read_bytes()
    # write_table takes the DuckDB path from FAST_CSV_ROWS rows on; cells the other writers agree on
    monkeypatch.setattr(cli_corpus, "FAST_CSV_ROWS", 1)
    routed = tmp_path / "routed.csv"
    cli_corpus.write_table(table.assign(why=table["why"].str.replace("NULL", "#tag")), str(routed))
    back = pd.read_csv(routed, keep_default_na=False)
    assert back["why"].tolist() == ["", "x", "", "1.0", "-", "#tag", " lead"]
    assert back["claim"].tolist()[:4] == ["n1:2", "", "", "a,b"] and back["line_no"].tolist() == list(range(1, 8))
    # booleans and timestamps are spelled differently by DuckDB: pandas writes those tables
    flags = tmp_path / "flags.csv"
    assert not cli_corpus._csv_by_duckdb(table.assign(flag=True), flags) and not flags.exists()
    assert not cli_corpus._csv_by_duckdb(table.assign(when=pd.Timestamp("2024-01-02")), flags)
    cli_corpus.write_table(table.assign(flag=True), str(flags))
    assert flags.read_text(encoding="utf-8").splitlines()[1].endswith(",True")
