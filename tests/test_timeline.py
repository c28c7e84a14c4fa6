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
    _bounds,
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


def test_weeks_halves_quarters_and_seasons_are_placed_and_merged():
    # "this week", "the first half of 2023", "summer 2023": dated events, on the timeline and linked like any other
    parts = [_dates("a", 1, "This week Putin arrived in Astana for talks with Tokayev on gas.", "2024-03-07"),
             _dates("b", 1, "On March 5, Putin arrived in Astana for talks with Tokayev on gas.", "2024-03-08"),
             _dates("c", 1, "In the first half of 2023 Gazprom and QazaqGaz signed a supply deal.", "2024-03-08"),
             _dates("d", 1, "In summer 2023 Tokayev met Putin in Moscow.", "2024-03-08"),
             _dates("e", 1, "In the third quarter of 2023 Tokayev opened a plant.", "2024-03-08")]
    ev = assign_events(find_events(pd.concat(parts, ignore_index=True)))
    assert ev.groupby("doc_id")["date"].first().to_dict() == {
        "a": "2024-W10", "b": "2024-03-05", "c": "2023-01/2023-06", "d": "2023-SU", "e": "2023-07/2023-09"}
    assert ev.loc[ev["doc_id"] == "a", "event_id"].iloc[0] == ev.loc[ev["doc_id"] == "b", "event_id"].iloc[0]
    tl = merge_events(ev).set_index("sources")
    assert tl[["date_start", "date_end"]].astype(str).to_dict("index") == {
        "b|a": {"date_start": "2024-03-05", "date_end": "2024-03-05"},  # the week's event is the day's
        "c": {"date_start": "2023-01-01", "date_end": "2023-06-30"},
        "d": {"date_start": "2023-06-01", "date_end": "2023-08-31"},
        "e": {"date_start": "2023-07-01", "date_end": "2023-09-30"}}


def test_timex_parts_of_a_year_have_their_days():
    assert _bounds("2024-H2") == (pd.Timestamp("2024-07-01"), pd.Timestamp("2024-12-31"))
    assert _bounds("2024-Q1") == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-03-31"))
    assert _bounds("2020-W53") == (pd.Timestamp("2020-12-28"), pd.Timestamp("2021-01-03"))  # an ISO week of two years
    assert _bounds("2024-WI") == (pd.Timestamp("2023-12-01"), pd.Timestamp("2024-02-29"))  # December to February
    assert _bounds("2023-SP/2023-SU") == (pd.Timestamp("2023-03-01"), pd.Timestamp("2023-08-31"))
    assert _bounds("2021-W53") is None and _bounds("XXXX-Q1") is None and _bounds("2024-Q5") is None


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


def test_timeline_plot_lanes_by_any_column(tmp_path):
    from kzru_lib.plots.timeline import timeline_plot

    extra = {"wire": {"stance": "neutral"}, "daily": {"stance": "pro"}, "gazette": {"stance": ""}}
    events, tl = _timeline(_corpus(tmp_path / "c", TALKS, extra))
    fig = timeline_plot(tl, lanes="stance")
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    expected = {v for s in tl["stance"].fillna("") for v in str(s).split("|") if v}
    assert expected and expected <= labels and not any("|" in label for label in labels)
    assert "visit" not in labels and "talks" not in labels  # lanes= overrides the event-type lanes
    fig = timeline_plot(tl.assign(stance=""), lanes="stance")
    assert {t.get_text() for t in fig.axes[0].get_yticklabels()} == {"(missing)"}
    with pytest.raises(KzruError, match="no_such_column"):
        timeline_plot(tl, lanes="no_such_column")


def test_timeline_explorer_offers_categorical_columns_as_lanes(tmp_path):
    from kzru_lib.widgets.timeline import timeline_explorer

    extra = {"wire": {"stance": "neutral"}, "daily": {"stance": "pro"}, "gazette": {"stance": "pro"}}
    events, _ = _timeline(_corpus(tmp_path / "c", TALKS, extra))
    w = timeline_explorer(events=events, dates=find_dates("in 2022 trade grew by 5%").assign(
        doc_id="x", line_no=1, sentence="s"))
    assert [v for _, v in w.color_by.options][:2] == ["event_type", "outlets"]
    offered = [v for _, v in w.color_by.options]
    assert "stance" in offered and not {"event_id", "date", "precision", "actors"} & set(offered)  # article columns only
    w.color_by.value = "stance"
    assert {"neutral", "pro"} <= {t.get_text() for t in w.figure.axes[0].get_yticklabels()}


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


# --- merging on evidence: small multi-outlet corpora -------------------------------------------------------

def _corpus(folder, articles: dict[str, tuple[str, str, str]], extra: dict[str, dict] | None = None):
    """Write articles {doc_id: (outlet, published, text)} and a metadata.csv (with extra columns) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    extra = extra or {}
    cols = sorted({c for e in extra.values() for c in e})
    rows = ["doc_id,outlet,published" + "".join(f",{c}" for c in cols)]
    for doc_id, (outlet, published, text) in articles.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{doc_id},{outlet},{published}" + "".join(f",{extra.get(doc_id, {}).get(c, '')}" for c in cols))
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _timeline(folder, **kwargs):
    from kzru_lib.loading import load_corpus

    events = extract_events(load_corpus(folder), **kwargs)
    return events, merge_events(events)


TALKS = {
    "wire": ("Wire", "2024-07-05", "Leaders meet in Astana\n\nOn July 2, Kassym-Jomart Tokayev and Vladimir Putin "
             "held talks in Astana on transit, energy and the Caspian pipeline.\n"),
    "daily": ("Daily", "2024-07-03", "Presidents sign energy papers\n\nPutin and Tokayev met in Astana on 2 July to "
              "review transit, energy and the Caspian pipeline.\n"),
    "gazette": ("Gazette", "2024-07-06", "Summit ends\n\nOn July 2 in Astana, Tokayev and Putin signed agreements on "
                "transit, energy and the Caspian pipeline.\n"),
    "other": ("Wire", "2024-07-05", "Grain exports\n\nOn July 2, the ministry of agriculture reported record wheat "
              "harvests in the northern regions.\n"),
}


def test_talks_typed_differently_by_outlets_merge(tmp_path):
    events, tl = _timeline(_corpus(tmp_path / "c", TALKS))
    assert set(events.loc[events["doc_id"] != "other", "event_type"]) == {"talks", "meeting", "agreement_signed"}
    talks = tl[tl["sources"].str.contains("wire")].iloc[0]
    assert talks["n_sources"] == 3 and set(talks["sources"].split("|")) == {"wire", "daily", "gazette"}
    assert set(talks["event_types"].split("|")) == {"talks", "meeting", "agreement_signed"}
    assert 0 < talks["confidence"] < 1 and "similarity" in talks["why"]
    # the same day's unrelated report stays apart
    assert tl[tl["sources"] == "other"].shape[0] == 1


def test_range_merges_with_a_day_inside_it(tmp_path):
    articles = {
        "a": ("A", "2024-07-06", "Forum closes\n\nOn July 2-4, Astana hosted the Eurasian Economic Union forum on "
              "digital trade and customs.\n"),
        "b": ("B", "2024-07-03", "Forum opens\n\nThe Eurasian Economic Union forum on digital trade and customs "
              "opened in Astana on 2 July.\n"),
    }
    events, tl = _timeline(_corpus(tmp_path / "c", articles))
    assert events["date"].tolist() == ["2024-07-02", "2024-07-02/2024-07-04"]
    assert len(tl) == 1 and tl["n_sources"].iloc[0] == 2 and not tl["agree"].iloc[0]


def test_unrelated_items_of_one_year_do_not_merge(tmp_path):
    articles = {
        "a": ("A", "2024-12-30", "Review\n\nIn 2024 Kazakhstan and Russia expanded grain trade through the port of "
              "Aktau.\n"),
        "b": ("B", "2024-12-29", "Review\n\nIn 2024 Russia and Kazakhstan held a joint military exercise near "
              "Orenburg.\n"),
        "c": ("C", "2024-12-28", "Review\n\nIn 2024 Kazakhstan opened a nuclear plant tender that Russia's Rosatom "
              "entered.\n"),
    }
    _, tl = _timeline(_corpus(tmp_path / "c", articles))
    assert len(tl) == 3 and (tl["n_sources"] == 1).all()


def test_a_month_never_bridges_two_day_events():
    ev = pd.DataFrame({
        "mention_id": ["a:1:0", "b:1:0", "c:1:0"], "doc_id": ["a", "b", "c"], "line_no": [1, 1, 1],
        "start": [0, 0, 0], "surface": ["", "", ""], "date": ["2024-07-02", "2024-07-20", "2024-07"],
        "precision": ["day", "day", "month"], "event_type": ["talks"] * 3,
        "actors": ["Vladimir Putin"] * 3, "sentence": ["Putin held talks on gas transit in Astana."] * 3})
    ids = assign_events(ev)["event_id"]
    assert ids.iloc[0] != ids.iloc[1]  # two days, 18 days apart
    assert ids.iloc[2] in (ids.iloc[0], ids.iloc[1])  # the month joins one of them, not both


def test_datelines_and_bylines_are_not_events(tmp_path):
    from kzru_lib.timeline import is_dateline

    assert is_dateline("ASTANA, Kazakhstan, October 17.", "October 17")
    assert is_dateline("MOSCOW, Oct 17 (Reuters) - Putin met Tokayev.", "Oct 17")
    assert is_dateline("АСТАНА, 17 октября — Путин прибыл.", "17 октября")
    assert not is_dateline("On October 17, Putin arrived in Astana.", "October 17")
    assert not is_dateline("Putin arrived in Astana on October 17.", "October 17")
    articles = {"a": ("A", "2024-10-18", "Visit\n\nASTANA, Kazakhstan, October 17. Russian President Vladimir Putin "
                      "arrived in Astana on October 16 for talks.\n")}
    events, _ = _timeline(_corpus(tmp_path / "c", articles))
    assert events["date"].tolist() == ["2024-10-16"]
    assert events.attrs is not None


def test_sidecar_columns_reach_events_and_timeline(tmp_path):
    extra = {"wire": {"stance": "neutral", "country": "KZ"}, "daily": {"stance": "pro", "country": "RU"},
             "gazette": {"stance": "pro", "country": "KZ"}}
    events, tl = _timeline(_corpus(tmp_path / "c", TALKS, extra))
    assert {"stance", "country"} <= set(events.columns) and {"stance", "country"} <= set(tl.columns)
    assert events.loc[events["doc_id"] == "daily", "country"].tolist() == ["RU"]
    talks = tl[tl["n_sources"] == 3].iloc[0]
    assert set(talks["country"].split("|")) == {"KZ", "RU"} and set(talks["stance"].split("|")) == {"neutral", "pro"}
    slide = next(e for e in timeline_json(tl)["events"] if e["unique_id"] == talks["event_id"])
    assert "stance: " in slide["text"]["text"]


def test_russian_outlets_merge():
    def row(doc, sentence, surface, value):
        start = sentence.index(surface)
        return {"doc_id": doc, "line_no": 3, "start": start, "end": start + len(surface), "surface": surface,
                "value": value, "precision": "day", "anchored": True, "role": "event", "sentence": sentence,
                "anchor_basis": "published"}  # an extra column a newer dates table may carry
    dates = pd.DataFrame([
        row("tass", "2 июля Владимир Путин и Касым-Жомарт Токаев провели переговоры в Астане о транзите газа.",
            "2 июля", "2024-07-02"),
        row("kaz", "Токаев и Путин встретились в Астане 2 июля и обсудили транзит газа.", "2 июля", "2024-07-02"),
        row("ria", "2 июля в Москве открылась выставка сельскохозяйственной техники.", "2 июля", "2024-07-02"),
    ])
    tl = merge_events(find_events(dates))
    merged = tl[tl["n_sources"] == 2]
    assert len(merged) == 1 and set(merged["sources"].iloc[0].split("|")) == {"tass", "kaz"}
    assert {"Vladimir Putin", "Kassym-Jomart Tokayev"} <= set(merged["actors"].iloc[0].split("|"))
    assert len(tl) == 2


def test_an_english_and_a_russian_report_of_one_visit_merge():
    # the two sentences share no word (their similarity was 0, short of every threshold): the persons both name stand
    # in for it, up to two; one shared person alone, in two languages, is no link
    def row(doc, sentence, surface, value):
        start = sentence.index(surface)
        return {"doc_id": doc, "line_no": 3, "start": start, "end": start + len(surface), "surface": surface,
                "value": value, "precision": "day", "anchored": True, "role": "event", "sentence": sentence}
    dates = pd.DataFrame([
        row("reuters", "Russian President Vladimir Putin arrived in Astana on Thursday for talks with Kazakh President "
            "Kassym-Jomart Tokayev.", "on Thursday", "2023-11-09"),
        row("tass", "Президент России Владимир Путин 9 ноября прибыл с государственным визитом в Астану, где проведет "
            "переговоры с Касым-Жомартом Токаевым.", "9 ноября", "2023-11-09"),
        row("ria", "9 ноября Владимир Путин подписал указ о призыве запасников на военные сборы.", "9 ноября",
            "2023-11-09"),
    ])
    tl = merge_events(find_events(dates))
    merged = tl[tl["n_sources"] == 2]
    assert len(merged) == 1 and set(merged["sources"].iloc[0].split("|")) == {"reuters", "tass"}
    assert "across languages" in merged["why"].iloc[0]
    assert len(tl) == 2  # the decree stays apart


def test_candidate_pairs_are_keyed_not_all_pairs():
    from kzru_lib.timeline import link_mentions

    n = 400
    ev = pd.DataFrame({
        "mention_id": [f"d{i}:1:0" for i in range(n)], "doc_id": [f"d{i}" for i in range(n)], "line_no": 1,
        "start": 0, "surface": "", "date": [f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(n)],
        "precision": "day", "event_type": "other", "actors": "",
        "sentence": [f"Report number {i} about topic{i} and subject{i}." for i in range(n)]})
    links = link_mentions(ev)
    date = ev.set_index("mention_id")["date"]
    same_day = ev["date"].value_counts()
    assert len(links) == int((same_day * (same_day - 1) // 2).sum())  # only mentions of one day are compared
    assert (links["a"].map(date) == links["b"].map(date)).all() and not links["accept"].any()


def test_export_title_and_undated_events(tmp_path):
    parts = [_dates("a", 1, "On May 3, Putin visited Astana.", None), _dates("b", 1, "On May 9, 2024, Putin "
                                                                                "visited Minsk.", "2024-05-10")]
    tl = merge_events(find_events(pd.concat(parts, ignore_index=True)))
    data = timeline_json(tl, title="Putin's travels")
    assert data["title"]["text"]["headline"] == "Putin's travels"
    assert [e["unique_id"] for e in data["events"]] == tl.loc[tl["date_start"].notna(), "event_id"].tolist()
    assert len(data["undated"]) == 1 and "XXXX-05-03" in data["title"]["text"]["text"]
    assert "Kazakhstan-Russia" not in json.dumps(timeline_json(tl))
    folder = _corpus(tmp_path / "corpus", TALKS)
    r = _kzru("events", str(folder), "-o", str(tmp_path / "t.json"))
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "t.json").read_text("utf-8"))["title"]["text"]["headline"] == "Events in corpus"
    r = _kzru("events", str(folder), "-o", str(tmp_path / "t.json"), "--title", "Summer 2024")
    assert json.loads((tmp_path / "t.json").read_text("utf-8"))["title"]["text"]["headline"] == "Summer 2024"


# --- curation ----------------------------------------------------------------------------------------------

def test_mention_ids_do_not_depend_on_row_order(tmp_path):
    small = {k: TALKS[k] for k in ("wire", "daily")}
    ev1, _ = _timeline(_corpus(tmp_path / "one", small))
    ev2, _ = _timeline(_corpus(tmp_path / "two", {"aaa": TALKS["other"], **TALKS}))
    ids1 = set(ev1["mention_id"])
    assert ids1 <= set(ev2["mention_id"])
    assert ev1.set_index("mention_id")["sentence"].to_dict() == ev2.set_index("mention_id").loc[
        sorted(ids1), "sentence"].to_dict()


def test_decisions_file_merges_and_splits(tmp_path):
    from kzru_lib.timeline import apply_decisions, read_decisions, write_decision

    events, tl = _timeline(_corpus(tmp_path / "c", TALKS))
    other = events.loc[events["doc_id"] == "other", "mention_id"].iloc[0]
    daily = events.loc[events["doc_id"] == "daily", "mention_id"].iloc[0]
    wire = events.loc[events["doc_id"] == "wire", "mention_id"].iloc[0]
    path = write_decision(tmp_path / "d.csv", "merge", [other, wire], note="same press day")
    write_decision(path, "split", [daily])
    table = read_decisions(path)
    assert table["action"].tolist() == ["merge", "split"] and table["line"].tolist() == [2, 3]
    curated = merge_events(apply_decisions(events, path))
    row = curated[curated["sources"].str.contains("other")].iloc[0]
    assert set(row["sources"].split("|")) == {"other", "wire", "gazette"} and row["confidence"] == 1.0
    assert "curated: merge" in row["why"] and "same press day" in row["why"]
    assert curated[curated["sources"] == "daily"].shape[0] == 1
    # the same file through extract_events gives the same timeline
    again = merge_events(_timeline(tmp_path / "c", decisions=path)[0])
    pd.testing.assert_frame_equal(again, curated)


def test_split_rewrites_the_evidence_of_the_mentions_left_behind(tmp_path):
    from kzru_lib.timeline import apply_decisions, write_decision

    events = pd.DataFrame({"mention_id": ["a:1:0", "b:1:0", "c:1:0", "d:1:0", "e:1:0"],
                           "doc_id": list("abcde"), "line_no": 1, "start": 0, "date": "2024-05-03",
                           "event_id": [1, 1, 1, 2, 2], "confidence": [1.0, 0.8, 0.7, 0.9, 0.9],
                           "why": ["", "same date; shared names: talks", "similar 0.61", "similar 0.55", "similar 0.55"]})
    path = write_decision(tmp_path / "d.csv", "split", ["c:1:0"])
    write_decision(path, "split", ["e:1:0"])
    out = apply_decisions(events, path).set_index("mention_id")
    assert out.loc["c:1:0", "why"].startswith("curated: split") and out.loc["c:1:0", "confidence"] == 1.0
    # a and b stay together; their evidence says the event was split after the link was drawn
    assert out.loc["a:1:0", "event_id"] == out.loc["b:1:0", "event_id"] != out.loc["c:1:0", "event_id"]
    assert out.loc["b:1:0", "why"].startswith("same date; shared names: talks; after curated: split (")
    assert out.loc["b:1:0", "confidence"] == 0.8
    # d is left alone: a lone mention has no link to explain
    assert out.loc["d:1:0", "why"] == "" and out.loc["d:1:0", "confidence"] == 1.0


@pytest.mark.parametrize("content, message", [
    ("action,ids\nmerge,a|b\n", "header"),
    ("action,mention_ids,note\nfuse,a:1:0|b:1:0,\n", "d.csv:2: action 'fuse'"),
    ("action,mention_ids,note\nmerge,a:1:0,\n", "d.csv:2: merge needs two or more"),
])
def test_bad_decisions_are_named(tmp_path, content, message):
    from kzru_lib.timeline import read_decisions

    (tmp_path / "d.csv").write_text(content, encoding="utf-8")
    with pytest.raises(KzruError, match=message):
        read_decisions(tmp_path / "d.csv")


def test_unknown_mention_ids_warn(tmp_path):
    from kzru_lib.timeline import apply_decisions, write_decision

    events, _ = _timeline(_corpus(tmp_path / "c", TALKS))
    path = write_decision(tmp_path / "d.csv", "split", ["gone:1:0"])
    with pytest.warns(UserWarning, match="not in this corpus"):
        out = apply_decisions(events, path)
    assert out.attrs["decisions_unmatched"]["mention_id"].tolist() == ["gone:1:0"]


def test_widget_decisions_change_cli_output_identically(tmp_path):
    from kzru_lib.loading import load_corpus
    from kzru_lib.widgets.timeline import timeline_explorer

    folder = _corpus(tmp_path / "c", TALKS)
    corpus = load_corpus(folder)
    decisions = tmp_path / "decisions.csv"
    w = timeline_explorer(corpus, decisions=decisions)
    before = len(w.timeline)
    by_doc = {d: e for e, d in zip(w.events["event_id"], w.events["doc_id"], strict=True)}
    w.pick.value = (by_doc["other"], by_doc["wire"])
    w.merge_button.click()
    assert len(w.timeline) == before - 1 and "merged" in w.status.value
    w.event.value = w.events.loc[w.events["doc_id"] == "daily", "event_id"].iloc[0]
    w.mention.value = w.events.loc[w.events["doc_id"] == "daily", "mention_id"].iloc[0]
    w.split_button.click()
    assert decisions.read_text("utf-8").splitlines()[0] == "action,mention_ids,note"
    assert [r.split(",")[0] for r in decisions.read_text("utf-8").splitlines()[1:]] == ["merge", "split"]
    out = tmp_path / "t.csv"
    r = _kzru("events", str(folder), "-o", str(out), "--decisions", str(decisions))
    assert r.returncode == 0, r.stderr
    mine = tmp_path / "w.csv"
    w.timeline.to_csv(mine, index=False)
    pd.testing.assert_frame_equal(pd.read_csv(out), pd.read_csv(mine))
    plain = tmp_path / "p.csv"
    assert _kzru("events", str(folder), "-o", str(plain)).returncode == 0
    assert len(pd.read_csv(plain)) == before
    assert pd.read_csv(plain)["sources"].tolist() != pd.read_csv(out)["sources"].tolist()


def test_link_table_explains_accepted_links(tmp_path):
    from kzru_lib.timeline import LINK_THRESHOLDS, link_mentions

    events, _ = _timeline(_corpus(tmp_path / "c", TALKS))
    links = link_mentions(events.drop(columns=["event_id"]))
    assert links["accept"].sum() == 3  # the three reports of the talks, pairwise
    for row in links.itertuples(index=False):
        assert row.accept == (row.score >= LINK_THRESHOLDS[row.precision])
        if row.accept:
            assert f"similarity {row.similarity:.2f}" in row.why and "Vladimir Putin" in row.shared_actors


def _mentions(rows):
    """An events table from (doc_id, date, precision, sentence) rows (no actors, type ``other``)."""
    return pd.DataFrame({
        "mention_id": [f"{r[0]}:1:0" for r in rows], "doc_id": [r[0] for r in rows], "line_no": 1, "start": 0,
        "surface": "", "date": [r[1] for r in rows], "precision": [r[2] for r in rows], "event_type": "other",
        "actors": "", "sentence": [r[3] for r in rows]})


def test_long_sentences_meet_through_shared_words_not_their_rarest_ones():
    from kzru_lib.timeline import link_mentions

    shared = "Acme Motors filed for bankruptcy protection from creditors"
    a_own, b_own = "Manhattan federal court judge Monday morning", "Detroit press conference chief executive outlined"
    ev = _mentions([
        ("a", "2009-06-01", "day", f"{shared} in a {a_own}."),
        ("b", "2009-06-01", "day", f"At a {b_own}, said {shared}."),
        # other days: each sentence's own words occur once more, the shared words twice more
        ("f1", "2011-03-05", "day", f"A {a_own} hearing."), ("f2", "2012-04-06", "day", f"A {b_own} forum."),
        ("f3", "2013-05-07", "day", f"{shared} again."), ("f4", "2014-06-08", "day", f"{shared} once more."),
    ])
    links = link_mentions(ev)
    pair = links[(links["a"] == "a:1:0") & (links["b"] == "b:1:0")]
    assert len(pair) == 1 and pair["accept"].iloc[0]
    assert set(links["a"]) | set(links["b"]) <= {"a:1:0", "b:1:0"}  # the other days are not compared


def test_a_day_inside_a_month_needs_only_the_day_threshold():
    from kzru_lib.timeline import LINK_THRESHOLDS, link_mentions

    a = "The minister has been on medical leave since January, the ministry said."
    b = "The minister announced in a memo that he would take medical leave, the ministry said."
    other = ("c", "2015-05-05", "day", "Leave of the minister and a memo from the ministry.")
    links = link_mentions(_mentions([("a", "2011-01", "month", a), ("b", "2011-01-17", "day", b), other]))
    assert len(links) == 1 and links["precision"].iloc[0] == "month"
    score = links["score"].iloc[0]
    assert LINK_THRESHOLDS["day in month"] <= score < LINK_THRESHOLDS["month"]
    assert links["accept"].iloc[0] and "a day inside the month" in links["why"].iloc[0]
    assert assign_events(_mentions([("a", "2011-01", "month", a), ("b", "2011-01-17", "day", b)]))[
        "event_id"].nunique() == 1
    # the same sentences with a year-precise mention: the year threshold still holds
    links = link_mentions(_mentions([("a", "2011", "year", a), ("b", "2011-01-17", "day", b), other]))
    assert len(links) == 1 and not links["accept"].iloc[0]


def test_complete_linkage_on_arrays_answers_as_pair_by_pair(monkeypatch):
    """:class:`_Linkage` (vectorised) gives :func:`_compatible`'s answer, also for a score exactly at the threshold."""
    import random

    import numpy as np

    from kzru_lib import timeline

    said = ["Putin met Tokayev in Astana to discuss gas transit and grain exports.",
            "Tokayev and Putin discussed gas transit in Astana.",
            "Kazakhstan and Russia signed a grain export agreement in Moscow.",
            "The grain agreement between Russia and Kazakhstan was signed in Moscow.",
            "Oil loadings at Novorossiysk stopped after a storm, the consortium said."]
    dates = [("2024-03-01", "day"), ("2024-03-02", "day"), ("2024-03", "month"), ("2024", "year")]
    rows = [(f"d{k:02d}", s + 1, *dates[(k * 7 + s) % len(dates)], said[(k + s) % len(said)])
            for k in range(24) for s in range(2)]  # two mentions an article
    ev = pd.DataFrame({
        "mention_id": [f"{r[0]}:{r[1]}:0" for r in rows], "doc_id": [r[0] for r in rows],
        "line_no": [r[1] for r in rows], "start": 0, "surface": "", "date": [r[2] for r in rows],
        "precision": [r[3] for r in rows], "event_type": ["visit" if "met" in r[4] else "other" for r in rows],
        "actors": ["Vladimir Putin|Kazakhstan" if "Putin" in r[4] else "Kazakhstan|Russia" for r in rows],
        "sentence": [r[4] for r in rows]})
    facts = timeline._prepare(ev, None)
    types = ev["event_type"].astype(str).tolist()
    docs = ev["doc_id"].astype(str).tolist()
    links, first, second = timeline._links(ev, facts, 1, explain=False)
    accept = links["accept"].to_numpy()
    # the pairs in the link table's order (by score, a, b), without its columns of ids
    table, first_full, second_full = timeline._links(ev, facts, 1)
    assert list(first) == first_full and list(second) == second_full
    assert links["accept"].tolist() == table["accept"].tolist() and links["score"].tolist() == table["score"].tolist()
    # the accepted links, a chunk at a time, are those of the table in its order
    want = [(i, j, p, sc) for i, j, p, sc, ok in zip(first_full, second_full, table["precision"], table["score"],
                                                     table["accept"], strict=True) if ok]
    assert list(timeline._accepted(links, first, second, chunk=3)) == want == list(timeline._accepted(links, first, second))
    accepted = dict(zip(zip(first, second, strict=True), accept.tolist(), strict=True))
    assert accept.any() and not accept.all()
    fast = timeline._Linkage(facts, types, docs, first, second, accept)
    rng = random.Random(7)
    answers = []
    for _ in range(400):
        pick = rng.sample(range(len(ev)), rng.randint(2, 6))
        cut = rng.randint(1, len(pick) - 1)
        xs, ys = pick[:cut], pick[cut:]
        want = timeline._compatible(xs, ys, facts, types, docs, accepted)
        assert fast(xs, ys) == want, (xs, ys)
        answers.append(want)
    assert any(answers) and not all(answers)
    # a pair that is no candidate, its threshold set to its exact score: accepted; a hair above: refused
    pairs = set(accepted)
    a, b = next((i, j) for i in range(len(ev)) for j in range(len(ev))
                if i < j and docs[i] != docs[j] and (i, j) not in pairs and facts["rank"][i] == facts["rank"][j] == 0)
    exact = timeline._score_pair(facts, types, a, b)[0]
    for threshold, want in ((exact, True), (float(np.nextafter(exact, 2.0)), False)):
        monkeypatch.setitem(timeline.LINK_THRESHOLDS, "day", threshold)
        assert timeline._compatible([a], [b], facts, types, docs, accepted) is want
        assert timeline._Linkage(facts, types, docs, first, second, accept)([a], [b]) is want
