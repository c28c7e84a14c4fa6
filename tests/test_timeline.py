"""kzru_lib.timeline (+ its plot, widget and command line): actors, events, merging, TimelineJS export."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from _paths import ROOT, SEEDS

from kzru_lib.dates import find_dates
from kzru_lib.errors import KzruError
from kzru_lib.timeline import (
    EVENT_COLUMNS,
    TIMELINE_COLUMNS,
    assign_events,
    extract_events,
    find_actor_mentions,
    find_actors,
    find_event_type,
    find_events,
    load_actors,
    load_event_types,
    merge_events,
    timeline_json,
    write_timeline_json,
)

# --- actors ----------------------------------------------------------------------------------------------------

def test_gazetteer_shape():
    actors = load_actors()
    assert list(actors.columns) == ["name", "kind", "country", "aliases"]
    assert set(actors["kind"]) == {"person", "state", "organisation", "company"}
    assert actors["name"].is_unique


def test_find_actors_canonical_names_in_order_of_mention():
    text = "Russian President Vladimir Putin met Tokayev; the CSTO and Rosatom were mentioned. Putin left."
    assert find_actors(text) == ["Vladimir Putin", "Kassym-Jomart Tokayev",
                                 "Collective Security Treaty Organization", "Rosatom"]


def test_aliases_are_whole_words_and_case_sensitive():
    assert find_actors("Russian officials discussed the physics of a cis isomer.") == []
    assert find_actors("the Tokayev-Putin meeting") == ["Kassym-Jomart Tokayev", "Vladimir Putin"]


def test_longest_alias_wins():
    m = find_actor_mentions("Kazakhstan’s President Kassym-Jomart Tokayev spoke.")
    assert m["surface"].tolist() == ["Kazakhstan’s President", "Kassym-Jomart Tokayev"]
    assert m["name"].tolist() == ["Kassym-Jomart Tokayev"] * 2


def test_user_gazetteer(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,kind,country,aliases\nAlmaty Akimat,organisation,KZ,Almaty akimat|akimat of Almaty\n",
                    encoding="utf-8")
    assert find_actors("The akimat of Almaty and Putin", actors=path) == ["Almaty Akimat"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,kind,country,aliases\nX,planet,,X\n", encoding="utf-8")
    with pytest.raises(KzruError, match="bad.csv:2: kind 'planet'"):
        find_actors("X", actors=bad)


# --- event types -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The road map was signed on January 18.", "agreement_signed"),
    ("On November 27, Putin arrived in Kazakhstan for a state visit.", "visit"),
    ("On November 28, Tokayev and Putin held further discussions.", "talks"),
    ("On November 28, a session of the Collective Security Treaty Organization Council took place.", "meeting"),
    ("in a joint statement published on Nov. 28", "statement"),
    ("the 80th anniversary of the UN in 2025", "anniversary"),
    ("The weather on May 3 was fine.", "other"),
])
def test_event_type(text, expected):
    assert find_event_type(text) == expected


def test_target_role_makes_a_target_and_types_are_ordered():
    assert find_event_type("They signed a pledge.", role="target") == "target"
    assert load_event_types()["priority"].is_monotonic_increasing


# --- events and merging ------------------------------------------------------------------------------------------

def _dates(doc_id: str, line_no: int, sentence: str, published: str) -> pd.DataFrame:
    return find_dates(sentence, published=published).assign(doc_id=doc_id, line_no=line_no, sentence=sentence)


@pytest.fixture
def reports() -> pd.DataFrame:
    parts = [
        _dates("a", 3, "On November 27, Putin arrived in Kazakhstan for a state visit.", "2024-11-28"),
        _dates("b", 1, "Putin, who arrived in Kazakhstan on a state visit on Nov. 28, met Tokayev.", "2024-11-29"),
        _dates("c", 7, "Tokayev arrived in Moscow on a state visit on November 27.", "2024-11-28"),
        _dates("a", 5, "On November 28, Tokayev and Putin held talks.", "2024-11-28"),
        _dates("d", 2, "In 2022 trade grew by 10% to $28 billion, Putin said.", "2023-11-08"),
        _dates("d", 4, "Both aim for net-zero emissions by 2060.", "2023-11-08"),
    ]
    return pd.concat(parts, ignore_index=True)


def test_find_events_rows_columns_and_roles(reports):
    ev = find_events(reports)
    assert list(ev.columns) == EVENT_COLUMNS
    assert "2022" not in ev["date"].tolist()  # a reference period is not an event
    assert ev.loc[ev["date"] == "2060", "event_type"].tolist() == ["target"]
    assert ev["mention_id"].is_unique
    assert ev[["date", "doc_id"]].values.tolist() == sorted(ev[["date", "doc_id"]].values.tolist())


def test_merge_same_event_across_sources_keeps_differences(reports):
    ev = assign_events(find_events(reports), tolerance_days=1)
    ids = dict(zip(ev["mention_id"], ev["event_id"], strict=True))
    assert ids["a:3:0"] == ids[next(m for m in ids if m.startswith("b:1:"))]  # one visit, dates a day apart
    assert ids["a:3:0"] != ids[next(m for m in ids if m.startswith("c:7:"))]  # Tokayev's visit: no shared person
    assert ids["a:3:0"] != ids["a:5:0"]  # talks are another event
    tl = merge_events(ev)
    assert list(tl.columns) == TIMELINE_COLUMNS
    visit = tl[tl["sources"] == "a|b"].iloc[0]
    assert (visit["n_sources"], visit["agree"], visit["dates"]) == (2, False, "2024-11-27|2024-11-28")
    assert visit["differences"] == "2024-11-27: a; 2024-11-28: b"
    assert tl["date_start"].is_monotonic_increasing


def test_zero_tolerance_needs_equal_dates(reports):
    ev = assign_events(find_events(reports), tolerance_days=0)
    assert ev.loc[ev["doc_id"].isin(["a", "b"]) & (ev["event_type"] == "visit"), "event_id"].nunique() == 2
    with pytest.raises(KzruError, match="tolerance_days"):
        assign_events(find_events(reports), tolerance_days=-1)


def test_unknown_year_never_merges():
    parts = [_dates("a", 1, "On May 3, Putin visited Astana.", None), _dates("b", 1, "On May 3, Putin visited Astana.", None)]
    tl = merge_events(find_events(pd.concat(parts, ignore_index=True)))
    assert len(tl) == 2 and tl["date_start"].isna().all()
    assert timeline_json(tl)["events"] == []


def test_timeline_json(reports, tmp_path):
    tl = merge_events(find_events(reports))
    data = timeline_json(tl, title="T")
    assert data["title"]["text"]["headline"] == "T"
    first = data["events"][0]
    assert first["start_date"] == {"year": "2024", "month": "11", "day": "27"}
    assert first["group"] == "visit" and "Sources differ" in first["text"]["text"]
    target = next(e for e in data["events"] if e["group"] == "target")
    assert target["start_date"] == {"year": "2060"}
    path = write_timeline_json(tl, tmp_path / "t.json")
    assert json.loads(path.read_text("utf-8")) == timeline_json(tl)


def test_missing_columns_are_named():
    with pytest.raises(KzruError, match="missing column"):
        find_events(pd.DataFrame({"doc_id": ["a"]}))


# --- seeds -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_events(seed_corpus):
    return seed_corpus, extract_events(seed_corpus)


def test_seed_state_visit_is_merged_across_two_articles(seed_events):
    _, ev = seed_events
    tl = merge_events(ev)
    visit = tl[(tl["date"] == "2024-11-27")]
    assert len(visit) == 1
    row = visit.iloc[0]
    assert row["n_sources"] == 2 and row["event_type"] == "visit"
    assert {"Vladimir Putin", "Kassym-Jomart Tokayev"} <= set(row["actors"].split("|"))
    assert row["outlets"] == "Tengrinews|The Astana Times"
    # the CSTO session is a meeting, not a treaty being signed
    assert tl.loc[tl["actors"].str.contains("Collective Security"), "event_type"].tolist() == ["other", "meeting"]


# --- command line ------------------------------------------------------------------------------------------------

def _kzru(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kzru_lib.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env={"KZRU_QUIET": "1", "PATH": "/usr/bin:/bin"})


def test_cli_dates_and_events(tmp_path):
    out = tmp_path / "d.csv"
    r = _kzru("dates", str(SEEDS), "-o", str(out))
    assert r.returncode == 0, r.stderr
    d = pd.read_csv(out)
    assert {"doc_id", "line_no", "surface", "value", "anchored", "role", "sentence"} <= set(d.columns)
    assert "2060" in d["value"].astype(str).tolist()
    r = _kzru("events", str(SEEDS), "-o", str(tmp_path / "t.json"))
    assert r.returncode == 0, r.stderr
    assert len(json.loads((tmp_path / "t.json").read_text("utf-8"))["events"]) >= 5
    r = _kzru("events", str(SEEDS), "-o", str(tmp_path / "m.csv"), "--mentions")
    assert r.returncode == 0 and "event_id" in pd.read_csv(tmp_path / "m.csv").columns


def test_cli_errors_are_one_line(tmp_path):
    r = _kzru("events", str(SEEDS), "-o", str(tmp_path / "t.txt"))
    assert r.returncode != 0 and r.stderr.strip().count("\n") == 0 and "use .csv or .json" in r.stderr
    r = _kzru("dates", str(tmp_path / "nope"), "-o", str(tmp_path / "d.csv"))
    assert r.returncode != 0 and "does not exist" in r.stderr


# --- filtering, plot and widget --------------------------------------------------------------------------------

def test_filter_timeline(reports):
    from kzru_lib.timeline import filter_timeline

    tl = merge_events(find_events(reports))
    assert filter_timeline(tl, start="2060")["event_type"].tolist() == ["target"]
    assert set(filter_timeline(tl, end="2024-11-27")["date"]) == {"2024-11-27"}
    assert all("Kassym-Jomart Tokayev" in a for a in filter_timeline(tl, actor="Kassym-Jomart Tokayev")["actors"])
    assert filter_timeline(tl, source="c")["sources"].tolist() == ["c"]
    assert len(filter_timeline(tl)) == len(tl)


def test_timeline_plot_lanes_and_empty(reports):
    from kzru_lib.plots.timeline import REFERENCE_LANE, timeline_plot

    tl = merge_events(find_events(reports))
    fig = timeline_plot(tl, dates=reports)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert {"visit", "talks", "target", REFERENCE_LANE} <= set(labels)
    fig = timeline_plot(tl.assign(outlets=["X|Y", "", "", "", ""][: len(tl)]), color_by="outlets")
    assert {"X", "Y", "(no outlet)"} <= {t.get_text() for t in fig.axes[0].get_yticklabels()}
    empty = timeline_plot(tl.iloc[0:0])
    assert "no dated events" in empty.axes[0].texts[0].get_text()


def test_timeline_explorer_is_driven_from_code(seed_events):
    from kzru_lib.widgets.timeline import ANY, timeline_explorer

    corpus, events = seed_events
    w = timeline_explorer(events=events, dates=find_dates("in 2022 trade grew by 5%").assign(
        doc_id="x", line_no=1, sentence="s"))
    n_all, png = len(w.table), w.plot.value
    assert n_all == merge_events(events).shape[0] and png[:4] == b"\x89PNG"
    w.actor.value = "Kassym-Jomart Tokayev"
    assert 0 < len(w.table) < n_all and w.plot.value != png
    assert all("Kassym-Jomart Tokayev" in a for a in w.table["actors"])
    visit = w.table.loc[w.table["n_sources"] == 2, "event_id"].iloc[0]
    w.event.value = visit
    assert w.sentences["doc_id"].nunique() == 2 and "On November 27" in w.detail.value
    w.actor.value = ANY
    w.event_type.value = "target"
    assert w.table["event_type"].tolist() == ["target"]
    w.years.value = (w.years.min, w.years.min)
    assert w.table.empty and "no events match" in w.listing.value and w.sentences.empty
    with pytest.raises(KzruError, match="needs a corpus"):
        timeline_explorer()
