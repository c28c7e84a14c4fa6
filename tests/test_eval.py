"""The evaluation command (scripts/eval.py): parsing scorer output, floors, and what fails."""

import importlib.util
import sys

from _paths import ROOT

spec = importlib.util.spec_from_file_location("kzru_eval", ROOT / "scripts" / "eval.py")
ev = importlib.util.module_from_spec(spec)
sys.modules["kzru_eval"] = ev
spec.loader.exec_module(ev)


def test_name_values_reads_scorer_lines_and_ignores_the_rest():
    out = "  missed ('a', 3, '2024')\ncalendar dates gold 5 system 4 P 0.8 R 0.6\ndate value F1: 0.686\nnote: n/a\n"
    assert ev.name_values(out) == {"date value F1": 0.686}


def test_a_score_below_its_floor_fails_and_an_absent_set_does_not(capsys):
    floors = {("dates", "timebank", "date value F1"): 0.80, ("figures", "cqe-age", "value+unit F1"): 0.5}
    scores = [ev.Score("dates", "timebank", "date value F1", 0.79),
              ev.Score("figures", "cqe-age", "value+unit F1", 0.51),
              ev.Score("lines", "news", "-", None, "absent: rebuild the texts")]
    failures = ev.report(scores, floors)
    assert failures == ["dates/timebank date value F1: 0.790 < floor 0.800"]
    printed = capsys.readouterr().out
    assert "BELOW FLOOR" in printed and "absent: rebuild the texts" in printed


def test_a_scorer_that_errors_is_a_failure():
    failures = ev.report([ev.Score("dates", "-", "-", None, "error: kzru dates timebank failed: boom")], {})
    assert failures == ["dates/-: error: kzru dates timebank failed: boom"]


def test_floors_file_is_well_formed_and_below_one_off_the_seeds():
    floors = ev.read_floors()
    assert floors, "scripts/eval_floors.csv is missing or empty"
    for (stage, _set, _metric), floor in floors.items():
        assert 0 < floor <= 1
        if stage != "seeds":
            assert floor < 1.0, "a quality floor of 1.0 on development data means it was tuned on"


def test_justext_peer_labels_every_line(tmp_path):
    import pytest

    pytest.importorskip("justext")
    story = "The delegation met in Astana on Tuesday to discuss the trade in grain and the transit of oil. " * 3
    (tmp_path / "a.txt").write_text(f"Title here\n\nShare\n{story}\n", encoding="utf-8")
    out = tmp_path / "peer.csv"
    ev.justext_lines(tmp_path, out)
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "doc_id,line_no,label"
    assert [r.split(",")[1] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[2].endswith(",blank") and rows[4].endswith(",body")


def test_pooled_flags_of_a_partly_rebuilt_set_are_named_as_a_subset(tmp_path):
    pages = [{"doc_id": "a", "split": "dev"}, {"doc_id": "b", "split": "test"}, {"doc_id": "c", "split": "test2"}]
    for d in ("a", "b", "c"):
        (tmp_path / f"{d}.txt").write_text("x", encoding="utf-8")
    assert ev.pooled_label(pages, tmp_path) == "[pooled]"
    (tmp_path / "c.txt").unlink()
    label = ev.pooled_label(pages, tmp_path)
    assert label == "[pooled 2/3]"
    # the floor of the whole set does not apply to the subset
    assert ("figures", "compare flags", f"{label} flag F1") not in ev.read_floors()
    assert ("figures", "compare flags", "[pooled] flag F1") in ev.read_floors()
