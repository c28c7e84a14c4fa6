"""The store: ``kzru build`` writes the same tables as the in-memory functions, in bounded batches."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings

import pandas as pd
import pytest
from _paths import SEEDS

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from kzru_lib import cli  # noqa: E402
from kzru_lib.store import (  # noqa: E402
    TABLES,
    build_store,
    is_store,
    load_corpus_or_store,
    open_store,
    read_table,
    term_frequency,
)

OUTLETS = ["Steppe Daily", "Volga Post", "Irtysh News"]
#: A line every story of an outlet repeats, in the middle of the text (the cross-article pass drops it).
TEMPLATE = "This report was prepared by the {outlet} team with correspondents in both capitals."
TOPICS = ["grain exports", "gas transit", "a new railway corridor", "nuclear power", "student exchanges",
          "water management", "border crossings"]


def article(i: int) -> str:
    """A small news article: headline, dateline, body with a date and a figure, an outlet footer."""
    outlet = OUTLETS[i % len(OUTLETS)]
    topic = TOPICS[i % len(TOPICS)]
    day = 1 + i % 27
    body = (f"ASTANA - Officials of Kazakhstan and Russia met on March {day}, 2024 to discuss {topic} and "
            f"signed {2 + i % 5} documents. Trade turnover reached ${10 + i % 9}.{i % 10} billion in 2023, "
            f"the ministry of trade said in story number {i}.")
    second = (f"Vladimir Putin and Kassym-Jomart Tokayev will meet again in May 2025 to review {topic}, "
              f"according to the press service (item {i}).")
    return "\n".join([f"Kazakhstan and Russia talk about {topic} ({i})", "", body, "",
                      TEMPLATE.format(outlet=outlet), "", second, "", outlet, ""])


def make_corpus(folder, n: int, *, bad: dict[str, bytes] | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["doc_id,outlet,published"]
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(article(i), encoding="utf-8")
        rows.append(f"a{i:04d},{OUTLETS[i % len(OUTLETS)]},2024-03-{1 + i % 27:02d}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name, data in (bad or {}).items():
        (folder / name).write_bytes(data)
    return folder


def in_memory(folder) -> dict[str, pd.DataFrame]:
    """The tables of the existing in-memory functions, as the single-stage commands build them."""
    from kzru_lib import read_corpus
    from kzru_lib.dates import extract_dates
    from kzru_lib.figures import compare_figures, extract_figures, figure_disagreements
    from kzru_lib.segment import sentences, with_docvars
    from kzru_lib.terms import doc_terms
    from kzru_lib.timeline import assign_events, find_events, merge_events

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, lines = read_corpus(folder)  # near-copies marked, as the store marks them
    dates = extract_dates(corpus, lines=lines, workers=1)
    figures = extract_figures(corpus, sentences=sentences(corpus, lines=lines), workers=1)
    figures = with_docvars(figures, corpus, columns=["outlet", "published"])
    mentions = assign_events(find_events(dates, corpus=corpus))
    return {
        "corpus": corpus.drop(columns=["raw_text"]), "lines": lines, "doc_terms": doc_terms(corpus),
        "dates": dates, "figures": figures, "mentions": mentions, "events": merge_events(mentions),
        "comparisons": compare_figures(figures), "disagreements": figure_disagreements(figures),
    }


def normalised(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """A table in a form two equal tables share: sorted rows, object text, missing as None."""
    frame = frame.copy()
    for c in frame.columns:
        if frame[c].dtype == object or str(frame[c].dtype).startswith(("str", "string")):
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
        elif str(frame[c].dtype) in ("Int64", "Float64", "boolean"):
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    if len(frame):
        frame = frame.sort_values(list(frame.columns), key=lambda s: s.astype(str), kind="stable")
    return frame.reset_index(drop=True)


def assert_same(store, expected: dict[str, pd.DataFrame]) -> None:
    for name, want in expected.items():
        got = read_table(store, name)
        assert list(got.columns) == list(want.columns), name
        assert len(got) == len(want), name
        pd.testing.assert_frame_equal(normalised(got, name), normalised(want, name), check_dtype=False,
                                      obj=name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("gen") / "corpus", 24)


@pytest.fixture(scope="module")
def generated_expected(generated):
    return in_memory(generated)


def test_seed_store_equals_in_memory_tables(tmp_path):
    build_store(SEEDS, tmp_path / "s")
    assert_same(tmp_path / "s", in_memory(SEEDS))


def test_store_equals_in_memory_tables_with_template_lines(generated, generated_expected, tmp_path):
    # a line repeats across the stories of each outlet: the cross-article pass must drop it
    lines = generated_expected["lines"]
    assert (lines["reason"] == "repeated_across_articles").any()
    build_store(generated, tmp_path / "s", batch_size=5)
    assert_same(tmp_path / "s", generated_expected)
    dropped = read_table(tmp_path / "s", "lines", where="reason = 'repeated_across_articles'")
    assert set(dropped["text"]) == {TEMPLATE.format(outlet=o) for o in OUTLETS}


def test_template_lines_found_one_share_of_line_hashes_at_a_time(generated, generated_expected, tmp_path,
                                                                 monkeypatch):
    # 24 articles in shares of 5: the template pass groups 5 shares of the line hashes one by one
    import kzru_lib.store as store

    monkeypatch.setattr(store, "TEMPLATE_DOCS", 5)
    build_store(generated, tmp_path / "s", batch_size=5)
    assert_same(tmp_path / "s", generated_expected)
    dropped = read_table(tmp_path / "s", "lines", where="reason = 'repeated_across_articles'")
    assert set(dropped["text"]) == {TEMPLATE.format(outlet=o) for o in OUTLETS}


@pytest.mark.parametrize("batch_size", [1, 2, 1000])
def test_batch_size_does_not_change_the_tables(generated, generated_expected, tmp_path, batch_size):
    manifest = build_store(generated, tmp_path / "s", batch_size=batch_size)
    assert manifest["counts"]["corpus"] == 24
    assert_same(tmp_path / "s", generated_expected)


def test_two_local_workers_give_the_same_tables(generated, generated_expected, tmp_path):
    build_store(generated, tmp_path / "s", batch_size=4, workers=2)
    assert_same(tmp_path / "s", generated_expected)


def test_unreadable_articles_are_reported_and_the_rest_is_written(tmp_path):
    folder = make_corpus(tmp_path / "c", 6, bad={"broken.txt": b"\x00\x01\x02binary\x00" * 20, "empty.txt": b""})
    with pytest.warns(Warning) as caught:
        manifest = build_store(folder, tmp_path / "s", batch_size=2)
    assert any("broken.txt" in str(w.message) for w in caught)
    assert manifest["counts"]["corpus"] == 6
    problems = read_table(tmp_path / "s", "problems")
    assert {p.rsplit("/", 1)[-1] for p in problems["path"]} == {"broken.txt", "empty.txt"}
    assert problems["problem"].str.contains("binary").any()
    assert sorted(read_table(tmp_path / "s", "corpus")["doc_id"]) == [f"a{i:04d}" for i in range(6)]


def test_a_stage_failing_on_one_article_is_reported(generated, tmp_path, monkeypatch):
    import kzru_lib.figures as figures

    real = figures._doc_figures

    def fragile(doc_id, *args, **kwargs):
        if doc_id == "a0003":
            raise ValueError("a figure too strange")
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(figures, "_doc_figures", fragile)
    with pytest.warns(Warning, match="a figure too strange"):
        build_store(generated, tmp_path / "s", batch_size=5)
    problems = read_table(tmp_path / "s", "problems")
    assert problems["path"].str.endswith("a0003.txt").tolist() == [True]
    assert "figures failed" in problems["problem"].iloc[0]
    figs = read_table(tmp_path / "s", "figures")
    assert "a0003" not in set(figs["doc_id"]) and "a0004" in set(figs["doc_id"])
    assert "a0003" in set(read_table(tmp_path / "s", "dates")["doc_id"])  # other stages still ran


def test_manifest_and_read_back_helpers(generated, tmp_path):
    store = tmp_path / "s"
    build_store(generated, store, batch_size=7)
    assert is_store(store) and not is_store(generated)
    manifest = json.loads((store / "manifest.json").read_text())
    assert manifest["counts"]["corpus"] == 24 and set(manifest["counts"]) == set(TABLES)
    assert len(manifest["inputs_sha256"]) == 64 and manifest["metadata_sha256"]
    corpus = read_table(store, "corpus", columns=["doc_id", "outlet"], where="outlet = 'Volga Post'")
    assert list(corpus.columns) == ["doc_id", "outlet"] and len(corpus) == 8
    assert "raw_text" not in read_table(store, "corpus").columns
    con = open_store(store)
    assert con.execute("SELECT count(*) FROM lines").fetchone()[0] == manifest["counts"]["lines"]
    con.close()
    loaded, lines = load_corpus_or_store(store)
    assert len(loaded) == 24 and len(lines) == manifest["counts"]["lines"]
    # a rebuild replaces the store; a folder that is not a store is never overwritten
    build_store(generated, store, batch_size=24)
    assert len(list((store / "corpus").glob("*.parquet"))) == 1
    with pytest.raises(Exception, match="not a kzru store"):
        build_store(generated, generated)


def test_term_frequency_in_duckdb_equals_frequency(generated, generated_expected, tmp_path):
    from kzru_lib.terms import frequency

    build_store(generated, tmp_path / "s", batch_size=5)
    dt, corpus = generated_expected["doc_terms"], generated_expected["corpus"]
    pd.testing.assert_frame_equal(term_frequency(tmp_path / "s"), frequency(dt), check_dtype=False)
    pd.testing.assert_frame_equal(term_frequency(tmp_path / "s", by="outlet", n=5),
                                  frequency(dt, docvars=corpus, by="outlet", n=5), check_dtype=False)


def test_cli_build_writes_a_store(generated, tmp_path, capsys):
    assert cli.main(["build", str(generated), "--store", str(tmp_path / "s"), "--batch-size", "10",
                     "--quiet"]) == 0
    assert "24 corpus" in capsys.readouterr().err
    assert len(read_table(tmp_path / "s", "doc_terms")) > 0
    shutil.rmtree(tmp_path / "s")
    assert cli.main(["build", str(tmp_path / "missing"), "--store", str(tmp_path / "s")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_skipped_tables_and_their_dependants_are_not_built(generated, generated_expected, tmp_path):
    manifest = build_store(generated, tmp_path / "s", batch_size=10, skip=("dates",))
    assert set(manifest["counts"]) == {"corpus", "lines", "doc_terms", "figures", "comparisons", "disagreements",
                                       "problems"}
    assert not (tmp_path / "s" / "mentions").exists() and not (tmp_path / "s" / "events").exists()
    assert_same(tmp_path / "s", {k: generated_expected[k] for k in ("corpus", "lines", "figures", "comparisons",
                                                                  "disagreements")})
    with pytest.raises(Exception, match="can be skipped"):
        build_store(generated, tmp_path / "s", skip=("corpus",))


# --------------------------------------------------------------------------------------------
# Tables of articles (a news-database export) and the streamed sidecar
# --------------------------------------------------------------------------------------------


def export_rows(n: int) -> list[dict]:
    """Rows of a small export: one syndicated copy, a repeated id, a row without text, a bad date."""
    rows = [{"id": f"r{i:03d}", "headline": f"Kazakhstan and Russia talk ({i})", "body": article(i),
             "date": f"2024-03-{1 + i % 27:02d}", "media_name": OUTLETS[i % len(OUTLETS)],
             "url": f"https://news{i % 3}.example/2024/03/{1 + i % 27:02d}/story-{i}", "section": "politics"}
            for i in range(n)]
    copy = dict(rows[2], id="r900", media_name="Copy Wire")  # the same story under another outlet
    rows.append(copy)
    rows.append(dict(rows[5], body=rows[5]["body"] + "\nAnother line."))  # id r005 again: not used
    rows.append(dict(rows[0], id="r901", body=""))  # no text: reported, not used
    rows.append(dict(rows[1], id="r902", date="sometime"))  # not a date: reported, value ignored
    return rows


def write_export(path, rows: list[dict]) -> None:
    frame = pd.DataFrame(rows)
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(path, index=False)


@pytest.fixture(scope="module")
def export_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "export.csv"
    write_export(path, export_rows(14))
    return path


def problem_set(frame: pd.DataFrame) -> set:
    return {(str(r.path).rsplit("/", 1)[-1], None if pd.isna(r.line_no) else int(r.line_no), r.problem)
            for r in frame.itertuples()}


@pytest.mark.parametrize("batch_size", [3, 1000])
def test_a_table_export_builds_the_same_tables_as_in_memory(export_csv, tmp_path, batch_size):
    from kzru_lib import load_problems, read_corpus

    expected = in_memory(export_csv)
    with pytest.warns(Warning):
        manifest = build_store(export_csv, tmp_path / "s", batch_size=batch_size, workers=1)
    assert manifest["counts"]["corpus"] == 16
    assert_same(tmp_path / "s", expected)
    corpus = read_table(tmp_path / "s", "corpus")
    copy = corpus.set_index("doc_id").loc["r900"]
    assert copy["duplicate_of"] == "r002" and copy["outlet"] == "Copy Wire" and copy["section"] == "politics"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = load_problems(read_corpus(export_csv)[0])
    got = read_table(tmp_path / "s", "problems")
    assert problem_set(got) == problem_set(want) and len(got) == 3


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_jsonl_parquet_and_a_folder_of_tables_give_the_csv_store(export_csv, tmp_path, suffix):
    rows = export_rows(14)
    folder = tmp_path / "tables"
    folder.mkdir()
    write_export(folder / f"a{suffix}", rows[:8])
    write_export(folder / f"b{suffix}", rows[8:])
    with pytest.warns(Warning):
        build_store(folder, tmp_path / "s", batch_size=4, workers=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_store(export_csv, tmp_path / "csv", batch_size=4, workers=1)
    for name in ("corpus", "lines", "doc_terms", "dates", "figures", "events"):
        got, want = read_table(tmp_path / "s", name), read_table(tmp_path / "csv", name)
        if name in ("corpus", "lines"):  # the path names the table file and row
            got, want = got.drop(columns=["path"], errors="ignore"), want.drop(columns=["path"], errors="ignore")
        pd.testing.assert_frame_equal(normalised(got, name), normalised(want, name), check_dtype=False, obj=name)


def test_cli_build_reads_a_table_with_a_column_mapping(tmp_path):
    rows = [{"story": article(i), "name": f"n{i}", "site": OUTLETS[i % 3]} for i in range(5)]
    pd.DataFrame(rows).to_csv(tmp_path / "t.csv", index=False)
    code = cli.main(["build", str(tmp_path / "t.csv"), "--store", str(tmp_path / "s"), "--column", "text=story",
                     "--column", "doc_id=name", "--column", "outlet=site", "--quiet", "--skip", "dates", "figures"])
    assert code == 0
    corpus = read_table(tmp_path / "s", "corpus")
    assert corpus["doc_id"].tolist() == [f"n{i}" for i in range(5)]
    assert corpus["outlet"].tolist() == [OUTLETS[i % 3] for i in range(5)]


def test_the_streamed_sidecar_reports_what_the_in_memory_reader_reports(tmp_path):
    from kzru_lib import load_problems, read_corpus

    folder = make_corpus(tmp_path / "c", 6)
    (folder / "a0001.html").write_text("<html><head><title>T</title></head><body><p>Same id as a0001.txt.</p>"
                                       "</body></html>", encoding="utf-8")
    with open(folder / "metadata.csv", "a", encoding="utf-8") as fh:
        fh.write("zzz9,Nowhere,2024-01-01\n")  # no such article
        fh.write("a0002,Steppe Daily,2024-01-02\n")  # a0002 again: not used
        fh.write("a0003,Volga Post\n")  # too few fields
        fh.write(",Volga Post,2024-01-02\n")  # no doc_id
    text = (folder / "metadata.csv").read_text(encoding="utf-8")
    assert "a0004,Volga Post,2024-03-05" in text
    (folder / "metadata.csv").write_text(text.replace("a0004,Volga Post,2024-03-05", "a0004,Volga Post,in spring"),
                                         encoding="utf-8")  # not a date: reported, value ignored
    with pytest.warns(Warning):
        build_store(folder, tmp_path / "s", batch_size=2, workers=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, _ = read_corpus(folder)
    got = problem_set(read_table(tmp_path / "s", "problems"))
    assert got == problem_set(load_problems(corpus))
    assert any("in spring" in p for _, _, p in got) and any("already used" in p for _, _, p in got)
    assert any("matches no" in p for _, _, p in got) and any("already given" in p for _, _, p in got)
    stored = read_table(tmp_path / "s", "corpus").set_index("doc_id")
    want = corpus.set_index("doc_id")
    assert stored["published"].to_dict() == want["published"].to_dict()
    assert stored.loc["a0004", "published_basis"] == want.loc["a0004", "published_basis"]


@pytest.mark.parametrize("block_rows", [100_000, 2])
def test_the_store_marks_copies_across_batches_as_mark_duplicates_does(generated, tmp_path, monkeypatch, block_rows):
    """Also with blocks of two candidates, so that the pairs are checked across many pairs of blocks."""
    from kzru_lib import read_corpus, store

    monkeypatch.setattr(store, "DUPLICATE_BLOCK_ROWS", block_rows)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = read_corpus(generated)[0]
    assert want["duplicate_of"].notna().any()  # the generated corpus has a copy: the test can fail
    build_store(generated, tmp_path / "s", batch_size=3, workers=1, skip=("dates", "figures", "doc_terms"))
    got = read_table(tmp_path / "s", "corpus")
    cols = ["doc_id", "duplicate_of", "duplicate_cluster", "duplicate_similarity"]
    pd.testing.assert_frame_equal(normalised(got[cols], "corpus"), normalised(want[cols], "corpus"))
    build_store(generated, tmp_path / "n", batch_size=3, workers=1, skip=("dates", "figures", "duplicates"))
    assert read_table(tmp_path / "n", "corpus")["duplicate_of"].isna().all()


def test_the_streamed_walk_lists_articles_in_path_order_as_the_reader_does(tmp_path):
    import os

    from kzru_lib.loading import _Report, iter_article_files

    names = ["b.txt", "a-b.txt", "a.txt", "a/z.txt", "a/b/c.html", "a.b/x.txt", "Z.txt", ".hidden/q.txt",
             "notes.md", "metadata.csv"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    report = _Report(strict=False)
    got = list(iter_article_files(tmp_path, report))
    found = []  # the order the in-memory reader used: every path's parts, sorted
    for root, dirs, files in os.walk(tmp_path):
        rel = os.path.relpath(root, tmp_path)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [parts + (f,) for f in files if f.endswith((".txt", ".html"))]
    assert [p for p, _ in got] == [os.path.join(tmp_path, *parts) for parts in sorted(found)]
    assert [d for _, d in got] == ["Z", "a/b/c", "a/z", "a-b", "a.b/x", "a", "b"]
    assert [os.path.basename(r["path"]) for r in report.rows] == ["notes.md"]


def test_a_folder_is_listed_in_name_order_across_chunks_and_scripts(tmp_path, monkeypatch):
    import os

    from kzru_lib import loading

    monkeypatch.setattr(loading, "_ENTRY_CHUNK", 3)  # several chunks of names, merged in one order
    names = ["b.txt", "a.txt", "Z.txt", "é.txt", "ё.txt", "ab.txt", "a b.txt", "10.txt", "9.txt", "日本.txt"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path / "sub", tmp_path / "link")
    with open(os.path.join(os.fsencode(tmp_path), b"\xff-undecodable.txt"), "w") as f:  # a name not in UTF-8
        f.write("x")
    want = sorted((e.name, e.is_dir(), e.is_symlink()) for e in os.scandir(tmp_path))
    assert list(loading._sorted_entries(str(tmp_path))) == want
    assert ("link", True, True) in want and ("sub", True, False) in want
    with pytest.raises(OSError):
        loading._sorted_entries(str(tmp_path / "missing"))


# --------------------------------------------------------------------------------------------
# Event merging one block of dates at a time
# --------------------------------------------------------------------------------------------

#: Sentences of a few events, each told several ways, so that mentions of different articles link.
EVENT_SENTENCES = [
    "Vladimir Putin arrived in Astana for talks with Kassym-Jomart Tokayev on {d}.",
    "Putin arrived in Astana on {d} for talks with Tokayev on gas transit.",
    "Kazakhstan and Russia signed a grain export agreement in Moscow on {d}.",
    "A grain export agreement was signed by Kazakhstan and Russia in Moscow on {d}.",
    "The Caspian pipeline consortium halted oil loadings at Novorossiysk on {d}.",
    "Oil loadings of the Caspian pipeline consortium at Novorossiysk stopped on {d}.",
]
#: Day dates one day apart (linked across the tolerance), a month and a year holding some of them,
#: a range, a day far from the others, an unknown year.
EVENT_DATES = [("2024-03-01", "day"), ("2024-03-02", "day"), ("2024-03-03", "day"), ("2024-03", "month"),
               ("2024-03-30/2024-04-02", "day"), ("2024-04-15", "day"), ("2024", "year"), ("2023-12-31", "day"),
               ("2025-01-01", "day"), ("2025-01", "month"), ("XXXX-03-01", "day"), ("2026-06-10", "day"),
               ("2026-06-11", "day")]


def synthetic_mentions(n_docs: int) -> pd.DataFrame:
    """Event mentions as :func:`kzru_lib.timeline.find_events` writes them, over many dates and precisions."""
    rows = []
    for d in range(n_docs):
        for k in range(3):
            text = EVENT_SENTENCES[(d + 2 * k) % len(EVENT_SENTENCES)]
            date, precision = EVENT_DATES[(d * 3 + k * 5) % len(EVENT_DATES)]
            surface = f"the {date}"
            actors = "Vladimir Putin|Kazakhstan" if "Putin" in text else "Kazakhstan|Russia"
            rows.append({"mention_id": f"d{d:03d}:{k + 1}:0", "doc_id": f"d{d:03d}", "line_no": k + 1, "start": 0,
                         "end": len(surface), "surface": surface, "date": date, "precision": precision,
                         "anchored": True, "role": "event", "event_type": "visit" if "arrived" in text else "other",
                         "actors": actors, "sentence": text.format(d=surface), "outlet": OUTLETS[d % 3]})
    return pd.DataFrame(rows)


def test_event_merging_in_blocks_of_dates_equals_the_whole_table(tmp_path):
    from kzru_lib import store
    from kzru_lib.timeline import assign_events, merge_events

    mentions = synthetic_mentions(60)
    expected = {}
    for tolerance in (0, 1):
        # the in-memory functions on the whole table, written and read back as the store does
        root = tmp_path / f"whole{tolerance}"
        out = store._Writer(root)
        root.mkdir()
        (root / "manifest.json").write_text("{}", encoding="utf-8")
        out.write("mentions", mentions)
        assigned = assign_events(read_table(root, "mentions"), tolerance_days=tolerance)  # in the store's order
        shutil.rmtree(root / "mentions")
        out = store._Writer(root)
        out.write("mentions", assigned)
        out.write("events", merge_events(assigned))
        expected[tolerance] = (read_table(root, "mentions"), read_table(root, "events"))
        events = expected[tolerance][1]
        assert (~events["agree"]).any() and (events["n_mentions"] > 2).any()  # links across dates happen
    for tolerance in (0, 1):
        for block_rows in (1, 10, 50, 10_000):
            root = tmp_path / f"b{tolerance}_{block_rows}"
            out = store._Writer(root)
            root.mkdir()
            (root / "manifest.json").write_text("{}", encoding="utf-8")
            for part in range(0, len(mentions), 40):  # several parts, as the batches write them
                out.write("mentions", mentions.iloc[part:part + 40])
            n_blocks = store._merge_events_in_blocks(root, out, tolerance, block_rows)
            assert n_blocks >= 3 if block_rows == 1 else n_blocks == 1 if block_rows == 10_000 else n_blocks >= 1
            got_mentions, got_events = read_table(root, "mentions"), read_table(root, "events")
            want_mentions, want_events = expected[tolerance]
            pd.testing.assert_frame_equal(normalised(got_mentions, "mentions"), normalised(want_mentions, "mentions"))
            pd.testing.assert_frame_equal(got_events, want_events)  # same rows in the same order
            assert not (root / "_events").exists()


def _events_store(root, mentions, tolerance, block_rows=None):
    """``(mentions, events)`` read back from a store: the whole-table functions (``block_rows`` None) or blocks."""
    from kzru_lib import store
    from kzru_lib.timeline import assign_events, merge_events

    out = store._Writer(root)
    root.mkdir()
    (root / "manifest.json").write_text("{}", encoding="utf-8")
    for part in range(0, len(mentions), 40):  # several parts, as the batches write them
        out.write("mentions", mentions.iloc[part:part + 40])
    if block_rows is None:
        assigned = assign_events(read_table(root, "mentions"), tolerance_days=tolerance)
        shutil.rmtree(root / "mentions")
        out = store._Writer(root)
        out.write("mentions", assigned)
        out.write("events", merge_events(assigned))
        n_blocks = 1
    else:
        n_blocks = store._merge_events_in_blocks(root, out, tolerance, block_rows)
    return read_table(root, "mentions"), read_table(root, "events"), n_blocks


@pytest.mark.parametrize(("max_block", "pair_range", "pair_hits"),
                         [(3, 200_000, 20_000_000), (6, 200_000, 20_000_000), (3, 5, 20_000_000), (6, 1, 20_000_000),
                          (3, 20, 40), (6, 20, 1)])
def test_event_blocks_are_components_of_the_whole_tables_pairs(tmp_path, monkeypatch, max_block, pair_range, pair_hits):
    """One run of dates split into blocks of candidate components; a (date, key) shared too widely counts
    over the whole table, not over a block (a block recounting its own postings would pair more); the
    pairs found one range of mentions at a time (``PAIR_RANGE`` mentions, ``PAIR_HITS`` hits) are the pairs of
    the whole table."""
    from kzru_lib import store, timeline

    monkeypatch.setattr(store, "PAIR_RANGE", pair_range)
    monkeypatch.setattr(store, "PAIR_HITS", pair_hits)
    ranges = []
    monkeypatch.setattr(store, "_pair_ranges", lambda *a, _f=store._pair_ranges: ranges.append(_f(*a)) or ranges[-1])
    monkeypatch.setattr(timeline, "MAX_BLOCK", max_block)
    mentions = synthetic_mentions(40)
    mentions = mentions[mentions["date"].astype(str).str.startswith("2024")].reset_index(drop=True)
    want_m, want_e, _ = _events_store(tmp_path / "whole", mentions, 1)
    assert (want_e["n_mentions"] > 1).any() and (want_e["n_mentions"] == 1).any()
    # the case can fail: the MAX_BLOCK rule drops pairs here (a block recounting only its own
    # mentions would keep some of them: that rule fails this test)
    frame = read_table(tmp_path / "whole", "mentions")
    facts = timeline._prepare(frame, None)
    docs = frame["doc_id"].astype(str).tolist()
    narrow = timeline._candidates(facts, docs, 1)
    monkeypatch.setattr(timeline, "MAX_BLOCK", 10_000)
    assert len(timeline._candidates(facts, docs, 1)) > len(narrow) > 0
    monkeypatch.setattr(timeline, "MAX_BLOCK", max_block)
    for block_rows in (1, 7, 10_000):
        got_m, got_e, n_blocks = _events_store(tmp_path / f"b{block_rows}", mentions, 1, block_rows)
        assert n_blocks > 1 if block_rows < 10_000 else n_blocks == 1  # one run of dates, several blocks
        pd.testing.assert_frame_equal(normalised(got_m, "mentions"), normalised(want_m, "mentions"))
        pd.testing.assert_frame_equal(got_e, want_e)
    # the ranges cover every mention once, in order; a budget of hits cuts them short
    n_all = len(read_table(tmp_path / "whole", "mentions"))
    for cut in ranges:
        assert cut[0][0] == 0 and cut[-1][1] == n_all and all(a[1] == b[0] for a, b in zip(cut, cut[1:], strict=False))
        assert all(hi - lo <= pair_range for lo, hi in cut)
        assert (len(cut) > -(-n_all // pair_range)) == (pair_hits < 1000)


@pytest.mark.parametrize("batch", [1, 7, 10_000])
def test_event_blocks_pack_whole_components_in_the_order_of_their_first_mention(tmp_path, monkeypatch, batch):
    # the components joined a batch of pairs at a time are those of the whole graph; each block holds whole
    # components, packed in the order of their smallest mention until the block passes block_rows
    import duckdb
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from kzru_lib import store

    rng = np.random.default_rng(5)
    n, block_rows = 300, 20
    i, j = rng.integers(0, n, 260), rng.integers(0, n, 260)
    pd.DataFrame({"i": i, "j": j}).to_parquet(tmp_path / "pairs.parquet")
    monkeypatch.setattr(store, "COMPONENT_BATCH", batch)
    got = store._component_blocks(duckdb.connect(), f"read_parquet('{tmp_path / 'pairs.parquet'}')", n, block_rows)
    labels = connected_components(coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n)), directed=False)[1]
    assert len(set(labels)) < n - 100  # the case can fail: components of many mentions
    seen: dict = {}  # component -> the block its last mention falls in, counting components in order
    for m in range(n):  # components in the order of their first mention
        if labels[m] not in seen:
            end = sum(int((labels == c).sum()) for c in seen) + int((labels == labels[m]).sum())
            seen[labels[m]] = (end - 1) // block_rows
    numbered = {b: k for k, b in enumerate(sorted(set(seen.values())))}  # blocks numbered from 0, none empty
    assert got.tolist() == [numbered[seen[c]] for c in labels]
    assert len(set(got.tolist())) > 2  # (several blocks)


@pytest.mark.parametrize("block_rows", [1, 3])
def test_small_event_blocks_build_the_same_store(generated, generated_expected, tmp_path, monkeypatch, block_rows):
    from kzru_lib import store

    monkeypatch.setattr(store, "EVENT_BLOCK_ROWS", block_rows)
    manifest = build_store(generated, tmp_path / "s", batch_size=7, skip=("figures", "doc_terms"))
    assert manifest["counts"]["events"] == len(generated_expected["events"])
    assert_same(tmp_path / "s", {k: generated_expected[k] for k in ("mentions", "events")})


@pytest.mark.parametrize("block_rows", [1, 5])
def test_figure_comparison_in_blocks_of_metrics_builds_the_same_comparisons(generated, generated_expected, tmp_path,
                                                                             monkeypatch, block_rows):
    from kzru_lib import store

    want = generated_expected["comparisons"]
    assert want["metric"].nunique() > 1  # several metrics, so several blocks: the test can fail
    monkeypatch.setattr(store, "COMPARE_BLOCK_ROWS", block_rows)
    build_store(generated, tmp_path / "s", batch_size=6, skip=("dates", "doc_terms"))
    got = read_table(tmp_path / "s", "comparisons")
    pd.testing.assert_frame_equal(got, want.reset_index(drop=True), check_dtype=False)  # same rows, same order
    pairs = generated_expected["disagreements"]
    assert pairs["metric"].nunique() > 1 or len(pairs) > 1  # conflicts to list: the test can fail
    got = read_table(tmp_path / "s", "disagreements")
    pd.testing.assert_frame_equal(got, pairs.reset_index(drop=True), check_dtype=False)


_SAID_OF_PROJECTS = [("Tokayev", "Kazakhstan and Russia aim to bring their joint projects to $40 billion"),
                     ("Putin", "Joint projects of Kazakhstan and Russia are worth about $25 billion"),
                     ("Mishustin", "Joint projects of Kazakhstan and Russia are worth $31 billion"),
                     ("Lavrov", "Joint projects of Kazakhstan and Russia are worth $31 billion and $28 billion")]


@pytest.fixture(scope="module")
def benchmark_store(tmp_path_factory):
    """A store of 160 articles of the benchmark generator (several publication years, undated articles, stocks
    and counts with no period stated, targets, outlets), built without its comparison."""
    import subprocess
    import sys

    from _paths import ROOT

    folder = tmp_path_factory.mktemp("bench") / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", "160", "--out", str(folder),
                    "--russian", "0.2"], check=True, capture_output=True)
    for i, (who, said) in enumerate(_SAID_OF_PROJECTS):  # a goal and stocks of one portfolio, by four speakers
        (folder / f"said{i}.txt").write_text(f"Joint projects\n\nASTANA, May {3 + i}, 2024 - {said}, {who} said.\n",
                                             encoding="utf-8")
    root = tmp_path_factory.mktemp("bench") / "store"
    build_store(folder, root, batch_size=40, skip=("dates", "doc_terms", "events", "comparisons"))
    return root


@pytest.mark.parametrize("by, undated", [("doc_id", "same_year"), ("outlet", "same_year"), ("doc_id", "all")])
def test_large_groups_read_part_by_part_give_the_in_memory_comparison(benchmark_store, monkeypatch, by, undated):
    """A group over COMPARE_GROUP_ROWS claims with no period stated is read from DuckDB one publication span at a
    time (its counts and list cells counted there): every such group here, against the in-memory tables."""
    from kzru_lib import store
    from kzru_lib.figures import _compare, compared_whole

    figures = read_table(benchmark_store, "figures")
    want, want_pairs = _compare(figures, None, "USD", by, 0.0, 1000, undated)
    unstated = want[want["period"] == ""]
    # groups of the kinds the split reading takes apart: a stock compared within each publication year, with
    # conflicts; counts compared within each article, some giving several values; targets; several speakers
    assert (unstated["n_conflicts"] > 0).any() and unstated["why"].str.contains("several values").any()
    assert (unstated["targets"] != "").any() and (unstated["speakers"].str.count(";") >= 2).any()
    # and the part-whole check of periods stated (its wholes read from DuckDB one period at a time)
    assert want["why"].str.contains("the part exceeds the whole").any() and want["why"].str.contains(", consistent").any()
    split = []
    monkeypatch.setattr(store, "_compare_split", _spy(store._compare_split, split))
    monkeypatch.setattr(store, "COMPARE_GROUP_ROWS", 1)
    monkeypatch.setattr(store, "COMPARE_BLOCK_ROWS", 7)
    parts = list(store.compare_store(benchmark_store, by=by, undated=undated))
    assert len(parts) > 1
    got = pd.concat([t for t, _ in parts], ignore_index=True)
    got_pairs = pd.concat([p for _, p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    pd.testing.assert_frame_equal(got_pairs, want_pairs, check_dtype=False)
    keys = want.loc[want["n_claims"] > 1, ["metric", "parties", "period", "unit"]].itertuples(index=False)
    taken_apart = [tuple(k) for k in keys if not compared_whole(tuple(k), undated, True)]
    assert [args[1] for args in split] == taken_apart  # each such group read part by part
    assert len(taken_apart) > 50 if undated == "same_year" else not taken_apart  # ("all": each group compared whole)
    assert not list(benchmark_store.glob(".compare-*"))  # the scratch claims removed


def test_a_long_comparison_says_how_far_it_is_and_a_store_it_may_not_write_to_is_left_as_it_was(
        benchmark_store, tmp_path, monkeypatch):
    from kzru_lib import store

    want = [t for t, _ in store.compare_store(benchmark_store)]
    made = tempfile.mkdtemp

    elsewhere: list[str] = []

    def read_only(*args, **kwargs):  # the store's folder refuses a scratch folder
        if kwargs.get("dir") is not None:
            raise PermissionError(13, "Permission denied", str(kwargs["dir"]))
        elsewhere.append(made(*args, **kwargs))
        return elsewhere[-1]

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the system's temporary folder, here
    monkeypatch.setattr(store, "PROGRESS_SECONDS", 0)  # a line for every group
    before = sorted(p.name for p in benchmark_store.iterdir())
    lines: list[str] = []
    got = [t for t, _ in store.compare_store(benchmark_store, say=lines.append)]
    pd.testing.assert_frame_equal(pd.concat(got, ignore_index=True), pd.concat(want, ignore_index=True))
    assert sorted(p.name for p in benchmark_store.iterdir()) == before
    assert len(elsewhere) == 1 and elsewhere[0].startswith(str(tmp_path))  # its scratch folder: in the temporary one,
    assert not list(tmp_path.glob("kzru-compare-*"))  # removed
    n_groups = len(pd.concat(want))
    assert lines[0].endswith(" claims prepared") and int(lines[0].split()[0]) > n_groups
    assert lines[-1] == f"{n_groups - 1} of {n_groups} groups compared (99 %)"


def test_the_scratch_folder_of_a_killed_comparison_is_removed_by_the_next_one(benchmark_store, tmp_path):
    import subprocess
    import sys

    from kzru_lib.store import compare_store

    copy = tmp_path / "s"
    shutil.copytree(benchmark_store, copy)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = copy / f".compare-{int(gone.stdout)}-abc"  # a process that has ended
    (stale / "claims").mkdir(parents=True)
    alive = copy / f".compare-{os.getpid()}-abc"  # a comparison running (this process)
    alive.mkdir()
    next(compare_store(copy))
    assert not stale.exists() and alive.exists()


def _spy(func, calls: list):
    def spied(*args, **kwargs):
        calls.append(args)
        return func(*args, **kwargs)
    return spied


def test_a_store_whose_parts_share_an_article_compares_its_mentions_as_one_claim(benchmark_store, tmp_path):
    """The claims are prepared part by part of the figures table: parts that share an article are read together
    (an article's mentions of one figure are one claim)."""
    import pyarrow.parquet as pq

    from kzru_lib.store import compare_store

    copy = tmp_path / "s"
    shutil.copytree(benchmark_store, copy)
    # a part cut between two mentions of one figure in one article
    for part in sorted((copy / "figures").glob("*.parquet")):
        frame = pq.read_table(part).to_pandas()
        key = frame[["doc_id", "metric", "parties", "period", "unit", "value"]].astype(str).agg("|".join, axis=1)
        again = frame["metric"].fillna("").ne("") & key.duplicated()
        if again.any():
            break
    cut = int(again.to_numpy().argmax())
    table = pq.read_table(part)
    pq.write_table(table.slice(0, cut), part)
    pq.write_table(table.slice(cut), copy / "figures" / "part-999999.parquet")
    want = [t for t, _ in compare_store(benchmark_store)]
    got = [t for t, _ in compare_store(copy)]
    pd.testing.assert_frame_equal(pd.concat(got, ignore_index=True), pd.concat(want, ignore_index=True))


def _store_of_texts(tmp_path, texts: dict[str, str]) -> None:
    """A store ``tmp_path/s`` of one-line articles (name -> text), one article a part, without dates and terms."""
    folder = tmp_path / "c"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    build_store(folder, tmp_path / "s", batch_size=1, skip=("dates", "doc_terms"))


#: Claims of different metrics that the comparison sets side by side: a flow said by its exporter and by its importer
#: (mirror statistics), and the turnouts of one vote (a day with no year takes the year another turnout of it names).
_MEETING_METRICS = {
    "a": "In 2024, U.S. exports to Kazakhstan amounted to $1.1 billion.",
    "b": "In 2024, Kazakhstan's imports from the U.S. amounted to $2.2 billion.",
    "c": "Kazakhstan's referendum was held on October 6, 2024. By 18:00, the turnout stood at 55.2%.",
    "d": "The referendum in Kazakhstan was held on October 6. The turnout stood at 61.2%.",
    "e": "Референдум в Казахстане прошел в воскресенье, 6 октября. Явка составила 63,66%.",
}


def test_metrics_whose_claims_meet_are_compared_together_across_parts(tmp_path, monkeypatch):
    from kzru_lib import store
    from kzru_lib.figures import compare_figures, figure_disagreements

    monkeypatch.setattr(store, "COMPARE_BLOCK_ROWS", 1)  # a part of the tables for each metric and parties
    monkeypatch.setattr(store, "COMPARE_GROUP_ROWS", 1)  # every group that may be read part by part is
    # one article a part: the claims are prepared part by part, the days of votes counted over all of them
    _store_of_texts(tmp_path, _MEETING_METRICS)
    assert len(list((tmp_path / "s" / "figures").glob("*.parquet"))) == len(_MEETING_METRICS)
    figures = read_table(tmp_path / "s", "figures")
    assert figures["metric"].nunique() == 4  # exports, imports, turnout, turnout (at 18:00): the test can fail
    want, pairs = compare_figures(figures), figure_disagreements(figures)
    assert "exports (by United States) = imports (by Kazakhstan)" in set(pairs["metric"])  # a and b meet
    assert set(pairs.loc[pairs["metric"] == "turnout", "period"]) == {"2024-10-06"}  # d and e: the year of c's vote
    pd.testing.assert_frame_equal(read_table(tmp_path / "s", "comparisons"), want, check_dtype=False)
    pd.testing.assert_frame_equal(read_table(tmp_path / "s", "disagreements"), pairs, check_dtype=False)


#: Claims whose order in their group is not the order of their values: the comparison keeps the order in which
#: they were read (by metric as written, then value), before the importer's name of a flow becomes its mirror name
#: and a fall becomes negative.
_ORDER_KEPT = {
    "a": "In 2024, U.S. exports to Kazakhstan amounted to $3.3 billion.",
    "b": "In 2024, Kazakhstan's imports from the U.S. amounted to $2.2 billion.",
    "c": "In 2024, trade between Kazakhstan and Russia fell 3.4%.",
    "d": "In 2024, trade between Kazakhstan and Russia rose 2%.",
}


def test_a_store_lists_a_groups_claims_in_the_order_the_in_memory_comparison_does(tmp_path, monkeypatch):
    from kzru_lib import store
    from kzru_lib.figures import compare_figures

    _store_of_texts(tmp_path, _ORDER_KEPT)
    want = compare_figures(read_table(tmp_path / "s", "figures"))
    assert want["values"].str.startswith("$3.3 billion").any()  # exports before imports, the larger first
    assert want["values"].str.startswith("2% ").any()  # the fall (-3.4 %) after the 2 % rise, as read (3.4 > 2)
    pd.testing.assert_frame_equal(read_table(tmp_path / "s", "comparisons"), want, check_dtype=False)
    monkeypatch.setattr(store, "COMPARE_GROUP_ROWS", 1)
    got = pd.concat([t for t, _ in store.compare_store(tmp_path / "s", undated="same_year")], ignore_index=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_cli_compare_through_a_store_writes_the_same_tables(generated, tmp_path, monkeypatch, capsys):
    from kzru_lib._cli import corpus as cli_corpus

    monkeypatch.setenv("KZRU_QUIET", "1")

    def run(name: str, *args: str) -> tuple[bytes, bytes]:
        out, pairs = tmp_path / f"{name}.csv", tmp_path / f"{name}_pairs.csv"
        assert cli.main(["compare", *args, "-o", str(out), "--disagreements", str(pairs)]) == 0
        return out.read_bytes(), pairs.read_bytes()

    want = run("memory", str(generated))
    assert want[1].count(b"\n") > 2  # conflicting pairs to list: the test can fail
    assert run("kept", str(generated), "--store", str(tmp_path / "kept")) == want
    assert run("store", str(tmp_path / "kept")) == want  # a store given as the corpus: no article read again
    monkeypatch.setattr(cli_corpus, "IN_MEMORY_ARTICLES", 5)  # a large corpus: a temporary store
    monkeypatch.setattr(cli_corpus, "FAST_CSV_ROWS", 1)  # the disagreements written by DuckDB from the parts
    monkeypatch.setattr(store_module(), "COMPARE_BLOCK_ROWS", 3)  # several blocks of metrics
    built = _temporary_stores(monkeypatch, tmp_path)
    assert run("large", str(generated)) == want
    assert len(built) == 1 and not list(built[0].parent.iterdir())  # built, then removed
    assert "metric/parties/period groups" in capsys.readouterr().err


def _temporary_stores(monkeypatch, tmp_path) -> list:
    """Record the stores the commands build, in a scratch folder standing for the system's temporary one."""
    from pathlib import Path

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    built: list = []

    def build(*args, **kwargs):
        assert str(args[1]).startswith(str(scratch))
        built.append(Path(args[1]).parent)
        return build_store(*args, **kwargs)

    monkeypatch.setattr(store_module(), "build_store", build)
    return built


def test_cli_compare_on_a_store_without_figures_says_so(generated, tmp_path, capsys):
    build_store(generated, tmp_path / "s", batch_size=10, skip=("figures", "doc_terms", "dates"))
    assert cli.main(["compare", str(tmp_path / "s"), "-o", str(tmp_path / "c.csv")]) == 2
    assert "no figures table" in capsys.readouterr().err


def store_module():
    from kzru_lib import store

    return store


@pytest.mark.parametrize("command", [["events"], ["events", "--mentions"], ["dates"], ["figures"], ["lines"],
                                     ["corpus"], ["corpus", "--with-raw"], ["corpus", "--exclude-duplicates"]])
def test_cli_commands_through_a_store_write_the_same_tables(generated, tmp_path, monkeypatch, capsys, command):
    from kzru_lib._cli import corpus as cli_corpus
    from kzru_lib._cli import figures as cli_figures
    from kzru_lib._cli import timeline as cli_timeline

    monkeypatch.setenv("KZRU_QUIET", "1")

    def run(name: str, *args: str, suffix: str = ".csv") -> bytes:
        out = tmp_path / f"{name}{suffix}"
        assert cli.main([command[0], *args, "-o", str(out), *command[1:]]) == 0
        return out.read_bytes()

    want = run("memory", str(generated))
    assert want.count(b"\n") > 10  # rows to write: the test can fail
    assert run("kept", str(generated), "--store", str(tmp_path / "kept")) == want
    assert run("store", str(tmp_path / "kept")) == want  # a store given as the corpus: read, not rebuilt
    if command[0] != "events":  # Parquet from the store (by DuckDB): the same table
        run("memory", str(generated), suffix=".parquet")
        run("store", str(tmp_path / "kept"), suffix=".parquet")
        def cells(name):  # missing is missing, whatever the column type says
            frame = pd.read_parquet(tmp_path / name).astype(object)
            return frame.where(frame.notna(), None)

        pd.testing.assert_frame_equal(cells("store.parquet"), cells("memory.parquet"))
    monkeypatch.setattr(cli_corpus, "IN_MEMORY_ARTICLES", 5)  # a large corpus: a temporary store
    write = cli_corpus.write_store_table
    for module in (cli_figures, cli_timeline, cli_corpus):
        monkeypatch.setattr(module, "write_store_table", lambda *a, **k: write(*a, **k, chunk_rows=5))
    built = _temporary_stores(monkeypatch, tmp_path)
    assert run("large", str(generated)) == want  # written 5 rows at a time
    assert len(built) == 1 and not list(built[0].parent.iterdir())
    capsys.readouterr()


def test_cli_events_options_applied_in_memory_only_are_refused_on_a_store(generated, tmp_path, capsys):
    build_store(generated, tmp_path / "s", batch_size=10, skip=("figures", "doc_terms"))
    decisions = tmp_path / "d.csv"
    decisions.write_text("action,mention_ids,note\n", encoding="utf-8")
    assert cli.main(["events", str(tmp_path / "s"), "-o", str(tmp_path / "x.csv"), "--decisions",
                     str(decisions)]) == 2
    assert "cannot be applied to a store" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["dates", "figures", "events", "lines", "corpus"])
def test_cli_commands_through_a_store_on_the_seeds(tmp_path, monkeypatch, command):
    # real articles: metadata dates without a sentence (sent_no missing next to integers), undated events
    monkeypatch.setenv("KZRU_QUIET", "1")
    assert cli.main([command, str(SEEDS), "-o", str(tmp_path / "memory.csv")]) == 0
    assert cli.main([command, str(SEEDS), "-o", str(tmp_path / "store.csv"), "--store", str(tmp_path / "s")]) == 0
    assert (tmp_path / "store.csv").read_bytes() == (tmp_path / "memory.csv").read_bytes()


@pytest.mark.parametrize("options", [[], ["--per-doc"], ["--by", "outlet", "--top", "5"],
                                     ["--numbers", "--no-lemmas", "--stopwords", "en"]])
def test_cli_terms_through_a_store_writes_the_same_table(generated, tmp_path, monkeypatch, capsys, options):
    from kzru_lib._cli import corpus as cli_corpus

    monkeypatch.setenv("KZRU_QUIET", "1")

    def run(name: str, *args: str) -> bytes:
        assert cli.main(["terms", *args, "-o", str(tmp_path / f"{name}.csv"), *options]) == 0
        return (tmp_path / f"{name}.csv").read_bytes()

    want = run("memory", str(generated))
    assert want.count(b"\n") > 5
    assert run("kept", str(generated), "--store", str(tmp_path / "kept")) == want
    if options and options[0] == "--numbers":  # the store's counts were made with other options: refused
        assert cli.main(["terms", str(tmp_path / "kept"), "-o", str(tmp_path / "x.csv"), *options]) == 2
        assert "default term options" in capsys.readouterr().err
    else:
        assert run("store", str(tmp_path / "kept")) == want
    monkeypatch.setattr(cli_corpus, "IN_MEMORY_ARTICLES", 5)
    built = _temporary_stores(monkeypatch, tmp_path)
    assert run("large", str(generated)) == want
    assert len(built) == 1


@pytest.mark.parametrize("pattern", [["trade"], ["grain", "export*"]])
def test_cli_kwic_through_a_store_writes_the_same_table(generated, tmp_path, monkeypatch, capsys, pattern):
    from kzru_lib._cli import corpus as cli_corpus
    from kzru_lib._cli import terms as cli_terms

    monkeypatch.setenv("KZRU_QUIET", "1")

    def run(name: str, *args: str) -> bytes:
        assert cli.main(["kwic", *args, *pattern, "-o", str(tmp_path / f"{name}.csv"), "--window", "3"]) == 0
        return (tmp_path / f"{name}.csv").read_bytes()

    want = run("memory", str(generated))
    assert want.count(b"\n") > 3  # matches to write: the test can fail
    assert run("kept", str(generated), "--store", str(tmp_path / "kept")) == want
    assert run("store", str(tmp_path / "kept")) == want
    read = cli_terms._kwic_from_store
    monkeypatch.setattr(cli_terms, "_kwic_from_store", lambda args: read(args, chunk_rows=7))  # lines 7 at a time
    monkeypatch.setattr(cli_corpus, "IN_MEMORY_ARTICLES", 5)
    built = _temporary_stores(monkeypatch, tmp_path)
    assert run("large", str(generated)) == want
    assert len(built) == 1
    assert "matches in" in capsys.readouterr().err


def test_cli_terms_ngrams_through_a_store_write_the_same_table(generated, tmp_path, monkeypatch, capsys):
    """n-grams are counted in the store's batches too: a large corpus never holds them all in memory."""
    from kzru_lib._cli import corpus as cli_corpus

    monkeypatch.setenv("KZRU_QUIET", "1")

    def run(name: str, *args: str) -> bytes:
        assert cli.main(["terms", *args, "-o", str(tmp_path / f"{name}.csv")]) == 0
        return (tmp_path / f"{name}.csv").read_bytes()

    want = run("memory", str(generated), "--ngrams", "2")
    assert b" " in want.splitlines()[1] and want != run("terms", str(generated))  # 2-grams: the test can fail
    assert run("kept", str(generated), "--ngrams", "2", "--store", str(tmp_path / "kept")) == want
    assert run("store", str(tmp_path / "kept"), "--ngrams", "2") == want
    assert run("per_doc", str(tmp_path / "kept"), "--ngrams", "2", "--per-doc") == \
        run("per_doc_memory", str(generated), "--ngrams", "2", "--per-doc")
    assert cli.main(["terms", str(tmp_path / "kept"), "-o", str(tmp_path / "x.csv")]) == 2  # 2-grams, not terms
    assert "hold 2-grams, not single terms" in capsys.readouterr().err
    by_outlet = run("by_outlet", str(generated), "--ngrams", "3", "--by", "outlet", "--top", "4")
    monkeypatch.setattr(cli_corpus, "IN_MEMORY_ARTICLES", 5)
    built = _temporary_stores(monkeypatch, tmp_path)
    assert run("large", str(generated), "--ngrams", "3", "--by", "outlet", "--top", "4") == by_outlet
    assert len(built) == 1


class _Stop(Exception):
    """The build stopped (killed, out of disk): raised by a pass the test breaks."""


def _stop_at(monkeypatch, module, name: str, after: int) -> list:
    """Make ``module.name`` raise :class:`_Stop` on its call number ``after + 1``; the calls made are counted."""
    real = getattr(module, name)
    calls: list = []

    def broken(*args, **kwargs):
        calls.append(1)
        if len(calls) > after:
            raise _Stop(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, broken)
    return calls


def _stopped_build(monkeypatch, module, name: str, after: int, corpus, root) -> list:
    """A build of ``corpus`` into ``root`` (batches of 5, no pool) stopped by :func:`_stop_at`; the calls made (the
    patch is undone)."""
    calls = _stop_at(monkeypatch, module, name, after)
    with pytest.raises(_Stop):
        build_store(corpus, root, batch_size=5, workers=1)
    monkeypatch.undo()
    return calls


def _counted(monkeypatch, module, name: str) -> list:
    """The calls of ``module.name`` from now on (it runs as before)."""
    return _stop_at(monkeypatch, module, name, after=10**9)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_stopped_in_the_articles_pass_is_resumed_where_it_stopped(generated, generated_expected, tmp_path,
                                                                        monkeypatch, workers):
    from kzru_lib import store

    root = tmp_path / "s"
    calls = _stopped_build(monkeypatch, store, "_build_batch", 2, generated, root)
    assert len(calls) == 3 and not (root / "manifest.json").exists()
    assert len(list((root / "corpus").glob("*.parquet"))) == 2  # two batches written: the test can fail
    if workers == 2:  # the rest in a pool of processes (the batches come back in the order they were sent)
        manifest = build_store(generated, root, batch_size=5, workers=2, resume=True)
        assert manifest["resumed"] is True
        assert_same(root, generated_expected)
        return
    counted = _counted(monkeypatch, store, "_build_batch")
    manifest = build_store(generated, root, batch_size=5, workers=1, resume=True)
    assert len(counted) == 3  # 24 articles in 5 batches: the two written are not read again
    assert manifest["resumed"] is True and manifest["counts"]["corpus"] == 24
    assert_same(root, generated_expected)
    assert not (root / "_work").exists()  # a whole store: nothing left to resume
    again = build_store(generated, root, batch_size=5, workers=1, resume=True)  # nothing to resume: from the start
    assert again["resumed"] is False and len(counted) == 8


def test_a_build_stopped_in_event_merging_keeps_its_articles_and_mentions(generated, generated_expected, tmp_path,
                                                                         monkeypatch):
    from kzru_lib import store, timeline

    root = tmp_path / "s"
    _stopped_build(monkeypatch, timeline, "merge_events", 0, generated, root)
    assert "event_id" not in read_table(root, "mentions").columns  # the mentions are as the articles pass wrote them
    batches = _counted(monkeypatch, store, "_build_batch")
    build_store(generated, root, batch_size=5, workers=1, resume=True)
    assert not batches  # the articles pass was finished: no article read again
    assert_same(root, generated_expected)


def test_a_build_is_not_resumed_on_another_corpus(generated, tmp_path, monkeypatch):
    from kzru_lib import store
    from kzru_lib.errors import KzruError

    corpus = tmp_path / "c"
    shutil.copytree(generated, corpus)
    _stopped_build(monkeypatch, store, "_build_batch", 1, corpus, tmp_path / "s")
    (corpus / "a0001.txt").write_text(article(99), encoding="utf-8")  # an article changed since
    with pytest.raises(KzruError, match="cannot resume"):
        build_store(corpus, tmp_path / "s", batch_size=5, workers=1, resume=True)
    with pytest.raises(KzruError, match="cannot resume"):  # nor with other options
        build_store(generated, tmp_path / "s", batch_size=6, workers=1, resume=True)
    shutil.rmtree(corpus)
    shutil.copytree(generated, corpus)  # the same corpus again ...
    monkeypatch.setattr(store, "_code_digest", lambda: "kzru upgraded")  # ... but other rules
    with pytest.raises(KzruError, match="cannot resume"):
        build_store(corpus, tmp_path / "s", batch_size=5, workers=1, resume=True)
    monkeypatch.undo()
    # without resume the folder is built from the start (an interrupted build is no foreign folder)
    assert build_store(corpus, tmp_path / "s", batch_size=5, workers=1)["counts"]["corpus"] == 24


def test_cli_build_interrupted_says_how_to_resume_and_resumes(generated, generated_expected, tmp_path, monkeypatch,
                                                            capsys):
    from kzru_lib import store

    def interrupted(job, batch):
        raise KeyboardInterrupt

    real = store._build_batch
    sent: list = []
    monkeypatch.setattr(store, "_build_batch", lambda job, batch: interrupted(job, batch) if len(sent) >= 2
                        else sent.append(1) or real(job, batch))
    args = ["build", str(generated), "--store", str(tmp_path / "s"), "--batch-size", "5", "--workers", "1"]
    assert cli.main(args) == 130
    assert "--resume goes on from there" in capsys.readouterr().err
    monkeypatch.setattr(store, "_build_batch", real)
    monkeypatch.delenv("KZRU_QUIET", raising=False)  # the progress lines say what was kept
    assert cli.main([*args, "--resume"]) == 0
    assert "2 batches of them before the build was resumed" in capsys.readouterr().err
    assert_same(tmp_path / "s", generated_expected)


def test_a_build_stopped_in_figure_comparison_is_resumed_without_it(generated, generated_expected, tmp_path,
                                                                   monkeypatch):
    # the comparison ran out of memory: the rest is kept, and the build ends without it
    from kzru_lib import store

    root = tmp_path / "s"
    _stopped_build(monkeypatch, store, "_compare_in_blocks", 0, generated, root)
    batches = _counted(monkeypatch, store, "_build_batch")
    manifest = build_store(generated, root, batch_size=5, workers=1, resume=True, skip=("comparisons",))
    assert not batches and manifest["resumed"] is True
    assert "comparisons" not in manifest["counts"] and not (root / "comparisons").exists()
    assert_same(root, {k: v for k, v in generated_expected.items() if k not in ("comparisons", "disagreements")})


def test_the_articles_pass_says_how_far_it_is_and_how_long_is_left(generated, tmp_path, monkeypatch, capsys):
    from kzru_lib import store

    monkeypatch.setattr(store, "PROGRESS_SECONDS", 0)  # a line after every batch (a minute apart otherwise)
    monkeypatch.delenv("KZRU_QUIET", raising=False)
    build_store(generated, tmp_path / "s", batch_size=5, workers=1, progress=True)
    lines = [x for x in capsys.readouterr().err.splitlines() if "batches" in x]
    assert [x.split("pass 2: ")[1].split(" (")[0] for x in lines] == [f"{k} of 5 batches" for k in range(1, 6)]
    assert "100 %), about 0 s to go" in lines[-1]
    assert store._duration(7530) == "2 h 05 min" and store._duration(720) == "12 min"


#: Tolls of one month, one article dated by its sentence, two undated ("21 September" of no year): the month of no
#: year takes the one year the corpus gives that month's tolls.
_YEARLESS_TOLLS = {
    "a": "On September 21, 2022, police detained 1,026 people at protests across Russia.",
    "b": "On 21 September, police detained 1,386 people at protests across Russia.",
    "c": "21 сентября полиция задержала 1313 человек на акциях протеста по всей России.",
}


def test_a_month_of_no_year_takes_the_year_the_corpus_gives_it_across_parts(tmp_path, monkeypatch):
    from kzru_lib import store
    from kzru_lib.figures import compare_figures, figure_disagreements

    monkeypatch.setattr(store, "COMPARE_BLOCK_ROWS", 1)
    monkeypatch.setattr(store, "COMPARE_GROUP_ROWS", 1)
    _store_of_texts(tmp_path, _YEARLESS_TOLLS)
    figures = read_table(tmp_path / "s", "figures")
    assert sorted(figures["period"]) == ["2022-09", "XXXX-09", "XXXX-09"]  # the test can fail
    want, pairs = compare_figures(figures), figure_disagreements(figures)
    assert set(pairs["period"]) == {"2022-09"} and len(pairs) == 3  # all three meet, in 2022
    pd.testing.assert_frame_equal(read_table(tmp_path / "s", "comparisons"), want, check_dtype=False)
    pd.testing.assert_frame_equal(read_table(tmp_path / "s", "disagreements"), pairs, check_dtype=False)
    # without the dated one, no year is known: the undated tolls are compared with none
    assert figure_disagreements(figures[figures["period"] != "2022-09"]).empty
