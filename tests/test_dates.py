"""kzru_lib.dates: date expressions on small hand-written texts, and a gold gate on the seeds."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from _paths import GOLD, ROOT

from kzru_lib.dates import (
    DATE_COLUMNS,
    extract_dates,
    find_date_records,
    find_dates,
    load_date_rules,
    parse_published,
)
from kzru_lib.errors import KzruError

#: Stored floors of the gold gate: fail when quality drops below them.
FLOORS = {"precision": 1.0, "recall": 1.0, "role_accuracy": 1.0, "anchored_accuracy": 1.0, "surface_accuracy": 1.0}


def values(text: str, published: str | None = None) -> list[str]:
    return find_dates(text, published=published)["value"].tolist()


def one(text: str, published: str | None = None) -> dict:
    table = find_dates(text, published=published)
    assert len(table) == 1, table
    return table.iloc[0].to_dict()


# --- the table -------------------------------------------------------------------------------------------------

def test_columns_offsets_and_sorting():
    text = "Talks were held on 8 November 2023; in 2022 trade grew by 10% and by 2060 emissions fall."
    table = find_dates(text, published="2023-11-20")
    assert list(table.columns) == DATE_COLUMNS
    assert table["start"].is_monotonic_increasing
    for row in table.itertuples():
        assert text[row.start:row.end] == row.surface
    assert table["surface"].tolist() == ["on 8 November 2023", "in 2022", "by 2060"]


def test_empty_text_gives_empty_table_with_columns():
    table = find_dates("Nothing dated here.")
    assert table.empty and list(table.columns) == DATE_COLUMNS


# --- forms -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, precision", [
    ("08 November 2023", "2023-11-08", "day"),
    ("It happened on November 8, 2023, in Astana.", "2023-11-08", "day"),
    ("on Nov. 27, 2024 they met", "2024-11-27", "day"),
    ("Posted 2024-11-28 at noon", "2024-11-28", "day"),
    ("signed on 28.11.2024 in Moscow", "2024-11-28", "day"),
    ("the events of January 2022 shook", "2022-01", "month"),
    ("in 2022 it grew", "2022", "year"),
    ("the summit on 27-28 November 2024 ended", "2024-11-27/2024-11-28", "day"),
    ("on Wednesday, 8th of November 2023", "2023-11-08", "day"),
])
def test_forms_with_a_year(text, value, precision):
    row = one(text)
    assert (row["value"], row["precision"], row["anchored"]) == (value, precision, False)


def test_month_range_with_relative_year():
    row = one("From January to August of the current year, it grew.", "2023-11-08")
    assert row["surface"] == "From January to August of the current year"
    assert (row["value"], row["anchored"], row["kind"]) == ("2023-01/2023-08", True, "range")


def test_a_month_said_as_the_results_of_it_and_a_span_of_months():
    # "по итогам января" is January, as "за январь" is; the first month of a span stays the span's
    assert one("По итогам января добыча угля снизилась.", "2026-02-27")["value"] == "2026-01"
    row = one("По итогам января-декабря 2022 объем торговли вырос.", "2023-02-27")
    assert (row["surface"], row["value"]) == ("января-декабря 2022", "2022-01/2022-12")


def test_relative_expressions_follow_publication_date():
    assert values("This year trade grew, unlike last year and next year.", "2024-03-01") == ["2024", "2023", "2025"]
    assert values("Prices rose last month.", "2024-01-15") == ["2023-12"]
    assert values("He arrived yesterday.", "2024-03-01") == ["2024-02-29"]


# --- no false dates ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trade reached $2023 million.",
    "About 1500 troops and 2024 tanks were deployed.",
    "Growth of 2022% is impossible.",
    "The 80th anniversary is near.",
    "Some 2,023 people attended; 12.05 tonnes shipped.",
    "You may go, said the March organisers.",
    "Room 2030 is on the second floor.",
    "Version 3.10.2023b of the file",
])
def test_no_dates_from_plain_numbers_money_ordinals_or_words(text):
    assert values(text) == []


def test_lone_may_needs_a_preposition_other_months_stand_alone():
    assert values("They may meet in May.", "2024-03-01") == ["2024-05"]
    assert values("January was cold.", "2024-03-01") == ["2024-01"]


def test_invalid_calendar_dates_are_dropped():
    assert values("on February 30, 2023 and 2023-02-29") == []
    assert values("on February 29, 2024") == ["2024-02-29"]


# --- anchoring -------------------------------------------------------------------------------------------------

def test_yearless_date_takes_publication_year():
    row = one("On November 27, Putin arrived in Astana.", "2024-11-28")
    assert (row["value"], row["anchored"], row["tense"]) == ("2024-11-27", True, "past")


def test_rollover_back_past_event_in_january_article():
    # a January article reporting a past event in November: the previous year
    assert values("The treaty was signed on November 27.", "2025-01-10") == ["2024-11-27"]


def test_rollover_forward_future_event_in_december_article():
    assert values("The leaders will meet on January 18.", "2024-12-20") == ["2025-01-18"]


def test_past_event_earlier_in_same_year_stays():
    assert values("as indicated in the road map signed on January 18.", "2023-11-08") == ["2023-01-18"]


def test_future_event_later_in_same_year_stays():
    assert values("ahead of his visit to Kazakhstan on November 9, Putin emphasized ties.", "2023-11-08") == [
        "2023-11-09"]


def test_no_tense_cue_takes_nearest_occurrence():
    assert values("Summit: February 3.", "2024-12-20") == ["2025-02-03"]
    assert values("Summit: November 3.", "2025-01-05") == ["2024-11-03"]


def test_since_a_day_is_the_last_such_day():
    # "have come" names no tense the cues know; "since" says the day has passed
    assert values("Since September 21, 200,000 people have come to Kazakhstan.", "2024-06-01") == ["2023-09-21"]
    assert values("Since May 2, exports have grown.", "2024-06-01") == ["2024-05-02"]
    # without "since" the nearest occurrence still wins, unless a perfect tense says it has happened
    assert values("Summit: September 21.", "2024-06-01") == ["2024-09-21"]
    assert values("On September 21, 200,000 people have come to Kazakhstan.", "2024-06-01") == ["2023-09-21"]


def test_unknown_publication_date_keeps_xxxx():
    row = one("On November 27, Putin arrived.", None)
    assert (row["value"], row["anchored"]) == ("XXXX-11-27", True)
    # a relative date with nothing to count from has no known part: left out, not "XXXX"
    assert values("last year", None) == []
    assert values("The talks resumed on Friday and will continue tomorrow.", None) == []
    assert values("Talks resumed in March, on Friday.", None) == ["XXXX-03"]


def test_month_precision_publication_date_anchors_year():
    assert values("The talks were held on November 3.", "2025-11") == ["2025-11-03"]
    assert values("The talks were held on November 3.", "2025") == ["2025-11-03"]


def test_explicit_year_is_not_anchored():
    row = one("The treaty was signed on November 27, 2019.", "2025-01-10")
    assert (row["value"], row["anchored"]) == ("2019-11-27", False)


# --- roles -----------------------------------------------------------------------------------------------------

def test_roles():
    assert one("net-zero emissions by 2060.", "2023-11-08")["role"] == "target"
    assert one("In 2023, the trade volume reached $25 billion.")["role"] == "reference"
    assert one("in 2022 trade grew by 10.2%.")["role"] == "reference"
    assert one("the upcoming 80th anniversary of the UN in 2025.", "2024-11-28")["role"] == "event"
    assert one("The plan's goal is full coverage in 2030.", "2024-11-28")["role"] == "target"
    assert one("On November 27, talks worth $5 billion.", "2024-11-28")["role"] == "event"  # a day is an event


def test_publication_role_for_date_line_and_labelled_prefix():
    assert one("08 November 2023")["role"] == "publication"
    table = find_dates(" date 2024-11-28 ASTANA – talks were held on Nov. 27.", published="2024-11-28")
    assert table["role"].tolist() == ["publication", "event"]
    assert table["value"].tolist() == ["2024-11-28", "2024-11-27"]


def test_a_figure_after_an_opening_date_is_no_time_of_a_publication_stamp():
    assert find_dates("2024-05-01, 18:30", published="2024-06-01")["role"].tolist() == ["publication"]
    for text in ("In 2024, 18.96 million square meters of housing were built.", "In 2024, 18.30 million tonnes."):
        assert find_dates(text, published="2024-06-01")["role"].tolist() == ["reference"], text


def test_a_date_after_an_opening_quote_is_not_a_labelled_publication_date():
    for text in ('"В 2024 году товарооборот достиг $11,7 млрд.', "«В 2024 году рост продолжился.",
                 "“In the first nine months of 2022, investment grew."):
        assert find_dates(text, published="2025-07-01")["role"].tolist() != ["publication"], text


@pytest.mark.parametrize(("text", "values"), [
    ("Визит пройдет с 5 по 7 марта.", ["2024-03-05/2024-03-07"]), ("с 1 по 3 июня 2024 года", ["2024-06-01/2024-06-03"]),
    ("В начале марта цены выросли.", ["2024-03"]), ("в середине апреля", ["2024-04"]),
    ("во второй половине марта", ["2024-03"]), ("в первой декаде мая", ["2024-05"]),
    ("в конце марта 2023 года", ["2023-03"]), ("во второй половине 2024 года", ["2024-07/2024-12"])])
def test_russian_day_ranges_and_parts_of_a_month(text, values):
    # "с 5 по 7 марта" is one range, as "from March 5 to 7" is; "в начале марта" is March, as "early March" is
    assert find_dates(text, published="2024-05-01")["value"].tolist() == values


@pytest.mark.parametrize(("text", "values"), [
    ("In 9M 2023, revenue rose 12%.", ["2023-01/2023-09"]), ("Revenue for 9M23 was flat.", ["2023-01/2023-09"]),
    ("За 9 мес. 2023 г. товарооборот вырос.", ["2023-01/2023-09"]), ("3 мес. назад", ["2024-02"]),
    ("It raised $9M 2023 funding.", ["2023"])])
def test_months_to_date_in_shorthand(text, values):
    # analysts' "9M 2023" and the statistics' "за 9 мес. 2023 г." are January to September, as "9 months of 2023" is
    assert find_dates(text, published="2024-05-01")["value"].tolist() == values


@pytest.mark.parametrize(("text", "values"), [
    ("В 1990-х годах население сократилось.", []), ("в 2000-е годы экономика росла", []),
    ("в конце 1990-ых годов", []), ("в 2010-х — начале 2020-х", []),
    ("В 2024-м году товарооборот вырос.", ["2024"]), ("в 2023-2024 годах", ["2023", "2024"])])
def test_a_russian_decade_is_no_year(text, values):
    # "1990-х" is the 1990s (as "the 1990s" is no date), not the year 1990; "2024-м году" is the year
    assert find_dates(text, published="2024-05-01")["value"].tolist() == values


@pytest.mark.parametrize(("text", "value"), [("In 1Q24 trade rose.", "2024-01/2024-03"),
                                           ("Results for 1H2023.", "2023-01/2023-06"),
                                           ("A 3Q model.", None), ("Model 5Q24.", None)])
def test_analysts_quarter_shorthand(text, value):
    assert find_dates(text, published="2024-05-01")["value"].tolist() == ([value] if value else [])


def test_last_year_in_the_accusative():
    table = find_dates("За прошлый год товарооборот вырос, а за текущий год – ещё больше.", published="2025-07-01")
    assert table["value"].tolist() == ["2024", "2025"]


# --- tables ----------------------------------------------------------------------------------------------------

def test_parse_published():
    assert parse_published("2024-11-28") == (2024, 11, 28)
    assert parse_published(None) is None and parse_published(float("nan")) is None
    with pytest.raises(KzruError, match="expected YYYY"):
        parse_published("28/11/2024")


def test_user_vocabulary_extends_relative_phrases(tmp_path):
    src = (ROOT / "kzru_lib" / "data" / "date_vocabulary.csv").read_text("utf-8")
    path = tmp_path / "voc.csv"
    path.write_text(src + "relative,the year after next,year:2,\n", encoding="utf-8")
    rules = load_date_rules(vocabulary=path)
    assert find_dates("due in the year after next", published="2024-05-01", rules=rules)["value"].tolist() == ["2026"]
    assert find_dates("due in the year after next", published="2024-05-01")["value"].tolist() == []


def test_the_year_before_last_is_two_years_back():
    assert find_dates("as in the year before last", published="2024-05-01")["value"].tolist() == ["2022"]
    assert find_dates("как и в позапрошлый год", published="2024-05-01")["value"].tolist() == ["2022"]


def test_bad_vocabulary_table_is_named(tmp_path):
    path = tmp_path / "voc.csv"
    path.write_text("kind,word\nmonth,January\n", encoding="utf-8")
    with pytest.raises(KzruError, match="voc.csv: missing column"):
        load_date_rules(vocabulary=path)


# --- corpus wrapper and gold gate ------------------------------------------------------------------------------

def _tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Leaders meet again\n\n10 January 2025\n\nThe treaty was signed on December 30. It is due to take "
        "effect in 2026.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Undated article\n\nThe talks were held on March 3.\n", encoding="utf-8")
    return folder


def test_extract_dates_on_a_corpus(tmp_path):
    from kzru_lib.cleaning import audit_lines
    from kzru_lib.loading import load_corpus

    corpus = load_corpus(_tiny_corpus(tmp_path))
    table = extract_dates(corpus)
    got = table[["doc_id", "line_no", "value", "role"]].values.tolist()
    assert ["a", 3, "2025-01-10", "publication_metadata"] in got  # a date line: metadata, never an event
    assert ["a", 5, "2024-12-30", "event"] in got  # January article, past event in December: previous year
    assert ["a", 5, "2026", "event"] in got
    assert ["b", 3, "XXXX-03-03", "event"] in got  # no publication date
    lines = audit_lines(corpus).set_index(["doc_id", "line_no"])["text"]
    for row in table.itertuples():
        assert lines[(row.doc_id, row.line_no)][row.start:row.end] == row.surface
    assert table[["doc_id", "line_no", "start"]].equals(
        table[["doc_id", "line_no", "start"]].sort_values(["doc_id", "line_no", "start"]))


@pytest.fixture(scope="module")
def seed_dates(seed_corpus) -> pd.DataFrame:
    return extract_dates(seed_corpus)


def _gold() -> list[dict]:
    with (GOLD / "dates.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_gold_gate_on_seeds(seed_dates):
    gold = _gold()
    system = seed_dates[seed_dates["doc_id"].isin({g["doc_id"] for g in gold})]
    sys_keys = {(r.doc_id, r.line_no, r.value): r for r in system.itertuples()}
    gold_keys = {(g["doc_id"], int(g["line_no"]), g["value"]): g for g in gold}
    tp = len(sys_keys.keys() & gold_keys.keys())
    precision, recall = tp / len(sys_keys), tp / len(gold_keys)
    matched = [(gold_keys[k], sys_keys[k]) for k in sys_keys.keys() & gold_keys.keys()]
    scores = {
        "precision": precision,
        "recall": recall,
        # the corpus table names the gold's "publication" role "publication_metadata" (a date printed as metadata)
        "role_accuracy": sum(g["role"] == s.role.replace("publication_metadata", "publication")
                             for g, s in matched) / len(matched),
        "anchored_accuracy": sum((g["anchored"] == "yes") == s.anchored for g, s in matched) / len(matched),
        "surface_accuracy": sum(g["surface"] == s.surface for g, s in matched) / len(matched),
    }
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, (name, scores, sorted(sys_keys.keys() ^ gold_keys.keys()))


def test_seeds_without_dates_give_none(seed_dates):
    assert not (seed_dates["doc_id"] == "003_181649ad1a6ec081").any()
    assert set(seed_dates["role"]) <= {"event", "publication_metadata", "reference", "target"}


def test_fast_scan_finds_what_a_full_scan_finds():
    from kzru_lib.dates import _matches

    rules = load_date_rules()
    texts = [
        "On Wednesday, 8 November 2023, as early as January 2022 and by the end of 2025, $2.3 billion (10.4%).",
        "From January to August of the current year, between 2021 and 2023, on 27-28 November 2024.",
        "Since May the 2024-11-28 meeting, 28.11.2024, last year, yesterday, Nov. 27 and 35,000 people in 2030.",
        "76 out of 89 regions, 12.05 tonnes, the 80th anniversary in 2025, and in the first half of 2024.",
    ]
    for text in texts:
        full = [(m.start(), m.end()) for m in rules.pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in _matches(text, rules)] == full
        assert len(full) >= 2


def test_parallel_workers_give_the_same_table(tmp_path):
    from kzru_lib.loading import read_corpus

    folder = _tiny_corpus(tmp_path)
    for i in range(6):
        (folder / f"x{i}.txt").write_text(f"Title {i}\n\n0{i + 1} March 2024\n\nThey met on March {i + 1}. "
                                          f"In 2023 trade grew by {i}%.\n", encoding="utf-8")
    corpus, lines = read_corpus(folder)
    one = extract_dates(corpus, lines=lines, workers=1)
    two = extract_dates(corpus, lines=lines, workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) >= 20


# --- anchoring to the publication date (issue 12) ---------------------------------------------------------------
# 2024-05-10 is a Friday.

@pytest.mark.parametrize("text, value", [
    ("The minister said Tuesday that talks had stalled.", "2024-05-07"),  # past: the last Tuesday
    ("The minister will arrive Tuesday.", "2024-05-14"),  # future: the coming Tuesday
    ("Officials met on Friday.", "2024-05-10"),  # the publication day's own weekday
    ("Parliament voted last Friday.", "2024-05-03"),  # "last Friday" on a Friday: a week back
    ("The vote is next Monday.", "2024-05-13"),
    ("Clashes broke out Wednesday night.", "2024-05-08"),
    ("Президент заявил в среду, что переговоры продолжатся.", "2024-05-08"),
])
def test_lone_weekday_is_anchored_with_direction_from_tense(text, value):
    row = one(text, "2024-05-10")
    assert (row["value"], row["kind"], row["anchored"]) == (value, "weekday", True)


@pytest.mark.parametrize("text, value", [
    ("Leaders meet today in Astana.", "2024-05-10"),
    ("Talks continue tonight.", "2024-05-10"),
    ("Officials said earlier today the deal was close.", "2024-05-10"),
    ("Five years ago the pipeline opened.", "2019"),
    ("Ten days ago the border closed.", "2024-04-30"),
    ("Prices rose two months ago.", "2024-03"),
    ("Сегодня в Астане открылся форум.", "2024-05-10"),
    ("Два года назад договор был подписан.", "2022"),
])
def test_today_tonight_and_n_units_ago(text, value):
    assert values(text, "2024-05-10") == [value]


def test_vague_ago_gives_no_calendar_value():
    # "a year ago" often means the same quarter or day a year back; "50 years ago" is a round figure
    assert values("Sales were lower a year ago.", "2024-05-10") == []
    assert values("The plant opened 50 years ago.", "2024-05-10") == []


@pytest.mark.parametrize("text, value", [
    ("The deal was signed last June.", "2023-06"),  # June is after May: last year's June
    ("The deal was signed last March.", "2024-03"),
    ("The summit meets this September.", "2024-09"),
    ("Exports will recover next month.", "2024-06"),
    ("Prices fell in January.", "2024-01"),
    ("January was cold.", "2024-01"),
])
def test_month_names_with_last_this_next(text, value):
    assert values(text, "2024-05-10") == [value]


def test_nearest_occurrence_weighs_tense_but_keeps_near_dates_ahead():
    # a past-tense sentence about a date a few weeks ahead: the coming date, not last year's
    assert values("The board said the dividend was payable Dec. 7.", "2023-10-30") == ["2023-12-07"]
    # a past-tense sentence about a date ten months ahead in the calendar: last year's
    assert values("The treaty was signed on November 27.", "2025-01-10") == ["2024-11-27"]


@pytest.mark.parametrize("text, values_", [
    ("a 2009 analysis of the fund", ["2009"]),
    ("exhibitors at KIOGE 2018 and Innopom-2022", ["2018", "2022"]),
    ("in early 2011 and by mid-2016", ["2011", "2016"]),
    ("the 2024 elections", ["2024"]),
    ("About 1500 troops and 2024 tanks", []),  # counts, not years
    ("2024 was declared the Year of Tourism.", ["2024"]),  # "was" and "has" are no plural nouns
    ("2024 has been a record year.", ["2024"]),
    ("UN Security Council Resolution 2231", []),  # a number, not a year
    ("2000 человек вышли на улицы", []),
])
def test_bare_years_as_modifiers_and_in_event_names(text, values_):
    assert values(text, "2024-05-10") == values_


@pytest.mark.parametrize("text, value, precision", [
    ("Trade grew in the first half of 2024.", "2024-01/2024-06", "half"),
    ("Output fell in the third quarter.", "2024-07/2024-09", "quarter"),
    ("Sales in Q1 2023 were flat.", "2023-01/2023-03", "quarter"),
    ("Construction resumed last summer.", "2023-SU", "season"),
    ("the summer of 2021", "2021-SU", "season"),
    ("В первом полугодии 2023 года товарооборот вырос.", "2023-01/2023-06", "half"),
    ("в третьем квартале", "2024-07/2024-09", "quarter"),
])
def test_quarters_halves_and_seasons_have_their_own_values(text, value, precision):
    row = one(text, "2024-05-10")
    assert (row["value"], row["precision"]) == (value, precision)


@pytest.mark.parametrize("text, value", [
    ("In H1 2024, trade stood at $13.2 billion.", "2024-01/2024-06"),
    ("Results for 1H 2024 and 2Q 2024.", "2024-01/2024-06"),
    ("За первое полугодие 2024 года товарооборот вырос.", "2024-01/2024-06"),
    ("В первой половине 2024 года объём переводов вырос.", "2024-01/2024-06"),
    ("Товарооборот вырос на 17,4% за первую половину 2024 года.", "2024-01/2024-06"),  # (the accusative)
    ("За вторую половину 2024 года товарооборот вырос.", "2024-07/2024-12"),
    # quarters counted, and months counted to a month, are months from January / back from that month
    ("Trade grew in the first three quarters of 2024.", "2024-01/2024-09"),
    ("По итогам трех кварталов 2024 года товарооборот вырос.", "2024-01/2024-09"),
    ("За три квартала 2024 года товарооборот вырос.", "2024-01/2024-09"),
    ("По итогам девяти месяцев 2024 года товарооборот вырос.", "2024-01/2024-09"),
    ("Trade grew in Q1-Q3 2024.", "2024-01/2024-09"),
    ("Trade grew 5% in the nine months to September 2024.", "2024-01/2024-09"),
    ("Inflation was 8% in the year to June 2024.", "2023-07/2024-06"),
    ("Profit rose in the 12 months ended March 2024.", "2023-04/2024-03"),
])
def test_halves_quarters_and_months_counted_as_news_write_them(text, value):
    assert find_dates(text, published="2025-03-01")["value"].tolist()[0] == value


@pytest.mark.parametrize("text, value", [
    # the statistics' abbreviation, a digit with an ordinal's ending, a bare digit before a quarter in the singular
    ("Безработное население в I кв. 2024 года составляло 452 669 человек.", "2024-01/2024-03"),
    ("В IV кв. 2023 года число безработных составляло 445 886 человек.", "2023-10/2023-12"),
    ("Зарплата выросла в III кв. 2025 г.", "2025-07/2025-09"),
    ("а в 4 квартале 2023 года – вообще лишь 445,9 тыс.", "2023-10/2023-12"),
    ("ВВП за 2 квартал 2025 года вырос.", "2025-04/2025-06"),
    ("За 4-й квартал 2024 года товарооборот вырос.", "2024-10/2024-12"),
    ("По итогам 4-го квартала 2024 года товарооборот вырос.", "2024-10/2024-12"),
    ("В 4-м квартале 2024 года товарооборот вырос.", "2024-10/2024-12"),
    ("Во 2-м полугодии 2024 года товарооборот вырос.", "2024-07/2024-12"),
    ("По сравнению со II кварталом 2024 года товарооборот вырос.", "2024-04/2024-06"),
    # after 2, 3 or 4 the genitive singular is a count: three quarters, January to September
    ("За 3 квартала 2024 года товарооборот вырос.", "2024-01/2024-09"),
])
def test_russian_quarters_as_statistics_write_them(text, value):
    assert find_dates(text, published="2025-06-10")["value"].tolist()[0] == value


def test_a_quarter_after_a_bullet_is_no_page_stamp_and_the_russian_shorthand():
    got = find_dates("• 4-й квартал 2025: рост 1,07% г/г (1кв25 — 1,35%, 2кв25 — 1,05%, 3кв25 — 0,56%).",
                     published="2026-02-10")
    assert got["value"].tolist() == ["2025-10/2025-12", "2025-01/2025-03", "2025-04/2025-06", "2025-07/2025-09"]
    assert "publication" not in got["role"].tolist()


@pytest.mark.parametrize("text", ["The H1N1 virus spread.", "See the H1 heading.", "Three quarters of voters agreed.",
                                  "Встреча прошла в первой половине дня.",
                                  "На человека приходится 4 кв. м жилья.", "Цены растут 4 квартала подряд."])
def test_no_half_year_without_its_year(text):
    assert find_dates(text, published="2025-03-01").empty


def test_this_fiscal_year_and_the_end_of_the_year():
    assert values("Revenue for this fiscal year will rise.", "2024-05-10") == ["2024"]
    assert values("by the end of 2025", "2024-05-10") == ["2025"]


@pytest.mark.parametrize("text, pairs", [
    ("between 2014 and 2016 it will take delivery", [("between 2014", "2014"), ("2016", "2016")]),
    ("the 2009-2010 season", [("2009", "2009"), ("2010", "2010")]),
    ("in 1957-58 the first satellites flew", [("in 1957", "1957"), ("58", "1958")]),
    ("с 2020 по 2022 год", [("с 2020", "2020"), ("2022 год", "2022")]),
])
def test_year_ranges_give_both_ends(text, pairs):
    table = find_dates(text, published="2024-05-10")
    assert list(zip(table["surface"], table["value"], strict=True)) == pairs
    assert table["kind"].tolist() == ["range_start", "range_end"]


def test_month_and_day_ranges_stay_one_range():
    assert values("From January to April 2023 exports rose.") == ["2023-01/2023-04"]
    assert values("The fair runs July 2-4.", "2024-05-10") == ["2024-07-02/2024-07-04"]


@pytest.mark.parametrize("text, value", [
    ("Договор подписан 11 января.", "2024-01-11"),
    ("Встреча прошла 30 авг. в Алматы.", "2023-08-30"),
    ("в 2024 году", "2024"),
    ("в прошлом году объём вырос", "2023"),
    ("В уходящем году перевезли 13 млн пассажиров.", "2024"),  # the year that is ending
    ("Прошлогодний урожай превысил 20 млн тонн.", "2023"),  # last year's, an adjective
    ("рост с позапрошлогоднего уровня", "2022"),
    ("На прошлой неделе министр посетил Москву.", "2024-W18"),
    ("в марте 2022 года", "2022-03"),
    ("В январе стороны договорились.", "2024-01"),
    ("1 қаңтар 2024", "2024-01-01"),
])
def test_russian_and_kazakh_dates(text, value):
    assert values(text, "2024-05-10") == [value]


def test_clock_time_with_zone_dates_the_story_day_unless_a_date_is_next_to_it():
    assert values("The quake struck at 14:58 UTC.", "2024-05-10") == ["2024-05-10"]
    assert values("It ended at 15:00 GMT Saturday.", "2024-05-14") == ["2024-05-11"]
    assert values("The score was 12:30 at half time.", "2024-05-10") == []


def test_dateline_is_not_an_event():
    table = find_dates("ASTANA, May 9 (Reuters) - Kazakhstan said it would export more oil.", published="2024-05-10")
    assert table[["value", "role"]].values.tolist() == [["2024-05-09", "dateline"]]
    table = find_dates("МОСКВА, 9 мая /ТАСС/. Президент выступил на параде.", published="2024-05-10")
    assert table["role"].tolist() == ["dateline"]


def test_anchor_basis_column():
    table = find_dates("On May 9 and in 2023.", published="2024-05-10")
    assert table["anchor_basis"].tolist() == ["publication_date", "explicit"]
    assert find_dates("On May 9.")["anchor_basis"].tolist() == ["none"]


def test_undated_article_takes_its_reference_year_from_the_text(tmp_path):
    from kzru_lib.loading import load_corpus

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "Forum in Astana\n\nThe forum opened on 3 October 2023 in Astana. Delegates met again on October 5. "
        "Talks with Moscow resumed yesterday.\n", encoding="utf-8")
    (folder / "y.txt").write_text("Undated\n\nDelegates met on March 3 and talks resumed on Friday.\n", encoding="utf-8")
    table = extract_dates(load_corpus(folder))
    x = table[table["doc_id"] == "x"].set_index("surface")
    assert x.loc["on 3 October 2023", "anchor_basis"] == "explicit"
    assert (x.loc["on October 5", "value"], x.loc["on October 5", "anchor_basis"]) == ("2023-10-05", "text_year")
    assert "yesterday" not in x.index  # a day needs a day to count from: with a year alone, no part is known
    y = table[table["doc_id"] == "y"]
    assert set(y["anchor_basis"]) == {"none"} and y["value"].str.startswith("XXXX").all()


def test_date_line_of_the_corpus_is_publication_metadata(tmp_path):
    from kzru_lib.loading import load_corpus

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks in Astana\nMay 10, 2024\nThe talks ended on Thursday.\n", encoding="utf-8")
    table = extract_dates(load_corpus(folder))
    got = dict(zip(table["value"], table["role"], strict=True))
    assert got["2024-05-10"] == "publication_metadata"
    assert got["2024-05-09"] == "event"


def test_word_alternation_as_prefix_tree_matches_like_the_flat_longest_first_one():
    import re

    from kzru_lib.dates import _alt

    words = ["Jan", "January", "June", "the end", "the end of", "end", "в", "в конце", "Sept", "September"]
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))
    tree = _alt(words)
    assert tree != flat  # the shared prefixes are factored out
    text = "In January, the end  of June; Jan 5 and Sept. Septembers the end. в конце года, в мае, end"
    for cont in (r"(?!\w)", r"\s+\w", ""):
        want = [m.span() for m in re.finditer(rf"(?<!\w)(?:{flat}){cont}", text)]
        got = [m.span() for m in re.finditer(rf"(?<!\w)(?:{tree}){cont}", text)]
        assert got == want and want
    folded = re.compile(rf"(?i:{_alt(['Jan', 'JANUARY', 'june'], fold=True)})(?!\w)")
    assert [m.group() for m in folded.finditer("jan JANUARY June junE janu")] == ["jan", "JANUARY", "June", "junE"]


def test_tense_cue_word_lists_become_trees_only_where_the_same_word_is_found():
    from kzru_lib.dates import _cue_words

    assert _cue_words("(?:met|held|Said)") == "(?:held|met|said)"
    assert _cue_words("(?:set|set out)") == "(?:set|set out)"  # "set" and "set out" would differ
    assert _cue_words(r"\w{3,}ed") == r"\w{3,}ed"  # not a word list
    assert _cue_words("(?:is|are) to") == "(?:is|are) to"
    rules = load_date_rules()
    text = "Ministers SAID on 5 March that talks had stalled; they set out on 9 March."
    spans = [(m.start(), m.end()) for rx, kind in rules.tense if kind == "past" for m in rx.finditer(text)]
    assert (text.index("SAID"), text.index("SAID") + 4) in spans
    assert (text.index("set out"), text.index("set out") + 7) in spans


def test_a_future_cue_before_the_date_in_its_clause_outweighs_a_nearer_past_form_after_it():
    text = "The carrier will add routes to Delhi by August in markets untouched by the slump."
    got = find_dates(text, published="2024-03-10")
    assert got.loc[got["surface"] == "by August", "value"].tolist() == ["2024-08"]
    # with the past form and no future cue, the same date lies before publication
    past = find_dates("The carrier added routes to Delhi by August in markets untouched by the slump.",
                      published="2024-03-10")
    assert past.loc[past["surface"] == "by August", "value"].tolist() == ["2023-08"]


def test_a_past_participle_after_a_determiner_is_not_a_past_tense_cue():
    # "the reduced dividend", "a still unspecified date": adjectives; the nearest January is the coming one
    assert values("The reduced dividend is payable Jan. 2.", "2023-11-02") == ["2024-01-02"]
    assert values("It goes out on a still unspecified date in January.", "2023-10-26") == ["2024-01"]
    # a past verb in the clause still sends the date back
    assert values("The company reduced its dividend in January.", "2023-10-26") == ["2023-01"]


def test_would_is_future_in_the_past():
    assert values("He added that the summit would take place on April 24.", "2023-02-10") == ["2023-04-24"]
    assert values("He added that the summit took place on April 24.", "2023-02-10") == ["2022-04-24"]


def test_a_tense_cue_outside_the_date_clause_weighs_less_than_one_inside():
    # "had" lies outside the date's clause: February four months ahead beats February eight months back
    text = "The sale, which had been expected, is part of a plan to repay the loan by February."
    assert values(text, "2023-10-30") == ["2024-02"]
    # the same past verb inside the clause keeps the date in the past
    assert values("The company paid off the loan by February.", "2023-10-30") == ["2023-02"]


@pytest.mark.parametrize("text, published, expected", [
    # counted from the last date told before, at the precision the phrase needs
    ("He flew on May 22, 1995 and came back the following year.", "2001-04-18", ["1995-05-22", "1996"]),
    ("She moved to Almaty in June 2016 and left later that year.", "2021-01-10", ["2016-06", "2016"]),
    ("The plant opened on 3 March 2019; the next day it stopped.", "2021-01-10", ["2019-03-03", "2019-03-04"]),
    ("Stocks fell on Monday, and the index ended the day at 7,114.", "2024-02-27", ["2024-02-26", "2024-02-26"]),
    ("Sales rose in February compared to the same period last year.", "2024-03-05", ["2024-02", "2023-02"]),
    ("Car sales fell in January compared to the same month a year ago.", "2024-02-03", ["2024-01", "2023-01"]),
    # with nothing told before, a phrase marked :pub counts from the publication date, another is left out
    ("Exports grew by a tenth on the previous year.", "2024-03-05", ["2023"]),
    ("The index closed lower for the day.", "2024-03-05", ["2024-03-05"]),
    ("Nobody knew it that year.", "2024-03-05", []),
    # "the day before the vote" is counted from what follows it: left out
    ("The talks ended on 3 May 2023, the day before the vote.", "2024-03-05", ["2023-05-03"]),
    # Russian
    ("Соглашение подписали 11 января 2023 года, а на следующий день его ратифицировали.", "2024-03-05",
     ["2023-01-11", "2023-01-12"]),
    ("Товарооборот в марте вырос по сравнению с аналогичным периодом прошлого года.", "2024-04-10",
     ["2024-03", "2023-03"]),
])
def test_anaphoric_dates_count_from_the_date_told_before(text, published, expected):
    assert values(text, published) == expected


def test_anaphoric_dates_carry_on_across_the_sentences_of_an_article(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nThe plant opened in 2019.\n\nThe following year it closed.\n",
                                    encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,published\na,2024-03-05\n", encoding="utf-8")
    from kzru_lib.loading import load_corpus
    table = extract_dates(load_corpus(tmp_path))
    row = table[table["kind"] == "anaphoric"].iloc[0]
    assert (row["surface"], row["value"], row["anchor_basis"]) == ("The following year", "2020", "text_date")


@pytest.mark.parametrize("text, published, expected", [
    ("The summit will be held on April 24 and 25.", "2023-02-10", ["2023-04-24", "2023-04-25"]),
    ("Следующий саммит пройдёт в Астане 28 и 29 мая.", "2025-12-21", ["2026-05-28", "2026-05-29"]),
    ("Talks on 3-4 May 2023 ended.", "2023-06-10", ["2023-05-03/2023-05-04"]),  # a dash still makes a range
])
def test_two_days_of_one_month_give_two_dates(text, published, expected):
    assert values(text, published) == expected


def test_a_half_of_a_month_is_not_a_half_year():
    assert values("A delegation will arrive in the second half of January.", "2023-12-20") == ["2024-01"]
    assert values("Growth slowed in the second half of 2024.", "2025-01-20") == ["2024-07/2024-12"]


@pytest.mark.parametrize("text, published, expected", [
    ("The boy was found on Thanksgiving Day.", "2000-01-07", ["1999-11-25"]),  # fourth Thursday of November
    ("We will meet on Thanksgiving.", "2023-11-01", ["2023-11-23"]),
    ("He arrived last Christmas.", "2024-03-01", ["2023-12-25"]),
    ("Парад пройдёт в День Победы.", "2024-03-01", ["2024-05-09"]),
    ("Christmas sales rose by a tenth.", "2024-01-10", []),  # a season, not the day
])
def test_holidays_are_days_anchored_like_year_less_dates(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Prices will rise by the end of the year.", ["2025"]),
    ("Exports grew by 5% since the beginning of the year.", ["2025"]),
    ("Экспорт вырос с начала года.", ["2025"]),
    ("Мост достроят до конца года.", ["2025"]),
    ("Решение примут в конце месяца.", ["2025-03"]),
    ("Резервы на начало года составляли 35,9 млрд, на конец года - 40 млрд.", ["2025", "2025"]),  # after "на"
    ("На начало месяца долг составил 5 млрд.", ["2025-03"]),
    ("Товарооборот в январе–марте вырос.", ["2025-01/2025-03"]),  # a Russian month range after "в"
])
def test_parts_of_the_current_year_or_month_and_russian_month_ranges(text, expected):
    assert values(text, "2025-03-05") == expected


def test_a_clock_time_takes_the_day_its_sentence_names():
    got = find_dates("The jet made its first flight Tuesday in Everett at 18:00 UTC.", published="2009-12-16")
    assert got["value"].tolist() == ["2009-12-15", "2009-12-15"]
    # with no day in the sentence, the story's day
    assert values("The talks began at 14:00 GMT.", "2009-12-16") == ["2009-12-16"]


@pytest.mark.parametrize("text, published, expected", [
    ("In the first five months of this year, exports rose by 12%.", "2023-06-20", ["2023-01/2023-05"]),
    ("Over 11 months of 2021 the port handled 3 million tons.", "2022-02-01", ["2021-01/2021-11"]),
    ("In three months of last year imports fell.", "2019-08-01", ["2018-01/2018-03"]),
    ("За первые семь месяцев текущего года добыча выросла.", "2024-09-02", ["2024-01/2024-07"]),
    ("За 10 месяцев 2020 года инвестиции сократились на 8%.", "2021-01-15", ["2020-01/2020-10"]),
    ("The talks lasted five months.", "2023-06-20", []),  # a duration, no year after it: not a period of the calendar
    ("He spent 40 months of 2010 abroad.", "2012-01-01", ["2010"]),  # not a count of a year's months
    # "the year": the year the text last named, else its publication's
    ("Exports rose by 12% in the first five months of the year.", "2023-06-20", ["2023-01/2023-05"]),
    ("Trade fell in 2022. It rose by 5% in the first nine months of the year.", "2023-06-20",
     ["2022", "2022-01/2022-09"]),
    ("Exports rose by 12% in the first five months of the year.", None, []),  # no year to count from
    # no year at all, as reports of a year's statistics say it: of the year a span "January-October" would be of
    ("In the first nine months, trade reached $19.2 billion.", "2024-11-20", ["2024-01/2024-09"]),
    ("За первые 10 месяцев товарооборот составил 21,5 млрд долларов.", "2025-02-03", ["2024-01/2024-10"]),
    ("По итогам 9 месяцев инвестиции выросли на 8%.", "2023-10-30", ["2023-01/2023-09"]),
    ("Through the first three quarters, the company lost $484 million.", "1989-11-02", ["1989-01/1989-09"]),
    ("He spent nine months in prison.", "2023-06-20", []),
])
def test_the_first_n_months_of_a_year_run_from_january(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Президенти оголосили 14 лютого про підписання угоди.", "2022-02-20", ["2022-02-14"]),
    ("Зустріч відбудеться у вересні.", "2023-08-01", ["2023-09"]),
    ("Країна здобула незалежність 1991 року, а договір підписали у 2003 році.", "2020-05-05", ["1991", "2003"]),
    ("Торік товарообіг зріс, а минулого року його обсяг був меншим.", "2024-03-01", ["2023", "2023"]),
    ("القاهرة، 3 نوفمبر 2022 - وقع الجانبان اتفاقية.", None, ["2022-11-03"]),
    ("وصل الوفد في 12 أيار الماضي.", "2021-06-01", ["2021-05-12"]),
])
def test_ukrainian_and_arabic_month_names_and_year_words(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tashkent, OCT 6: President Mirziyoyev arrived in Moscow.", [("OCT 6", "2024-10-06", "dateline")]),
    ("MOSCOW, NOV. 12 (Reuters) - The talks began.", [("NOV. 12", "2024-11-12", "dateline")]),
    ("АСТАНА, 12 НОЯБРЯ. Президенты встретились.", [("12 НОЯБРЯ", "2024-11-12", "event")]),
    ("SUMMIT SET FOR DECEMBER 5, 2024", [("DECEMBER 5, 2024", "2024-12-05", "event")]),
    ("The talks, in Astana: 6 trucks crossed.", []),  # a number after a colon is no dateline date
])
def test_month_names_in_capitals_as_datelines_and_headlines_write_them(text, expected):
    got = find_dates(text, published="2024-11-20")
    assert list(zip(got["surface"], got["value"], got["role"], strict=True)) == expected


def test_scan_skips_only_starts_that_already_failed_with_the_same_end():
    """Triggers close together share a window end: a start that failed there is not tried again,
    and the matches are those of trying every start at every trigger."""
    from kzru_lib import dates

    rules = load_date_rules()

    def every_start(text):
        pos, n = 0, len(text)
        for t in rules.trigger.finditer(text):
            ts, te = t.span()
            if ts < pos:
                continue
            end = text.find(" ", min(te + dates._LOOKAHEAD, n))
            end = n if end < 0 else end
            starts = [c.start() for c in dates._WORD.finditer(text, max(pos, ts - dates._LOOKBACK), ts)
                      if c.group().lower() in rules.starters]
            for c in (*starts, ts):
                m = rules.pattern.match(text, c, end)
                if m is not None:
                    pos = m.end()
                    yield m
                    break

    tried = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def match(self, text, c, end):
            tried.append((c, end))
            return self.pattern.match(text, c, end)

    text = ("Output in 5-6 of the regions rose by 8-9 per cent, the intergovernmental-commission-statistics "
            "said in the first half of 2024.")
    expected = [(m.span(), m.groupdict()) for m in every_start(text)]
    counted = dataclasses.replace(rules, pattern=Counting(rules.pattern))
    got = [(m.span(), m.groupdict()) for m in dates._matches(text, counted)]
    assert got == expected and [v for _, v in expected if v["qh"]]
    assert len(tried) == len(set(tried))  # no (start, end) tried twice


def test_an_aside_inside_a_part_of_a_year():
    assert find_dates("Over the first quarter (January-March) of this year, remittances grew.",
                      published="2024-05-20")["value"].tolist() == ["2024-01/2024-03"]
    assert find_dates("В первом квартале (январь-март) текущего года переводы выросли.",
                      published="2024-05-20")["value"].tolist() == ["2024-01/2024-03"]


@pytest.mark.parametrize("text, expected", [
    # a day of the month said as an ordinal word, or as a number with a Russian case ending
    ("На первое января 2023 года численность населения составляла 19,7 млн.", ["2023-01-01"]),
    ("С первого июля 2024 года вводится новый тариф.", ["2024-07-01"]),
    ("Закон вступит в силу двадцать пятого декабря 2023 года.", ["2023-12-25"]),
    ("К 1-му января 2024 года, на 1-е апреля 2024 г.", ["2024-01-01", "2024-04-01"]),
    ("The law takes effect on the first of July 2024.", ["2024-07-01"]),
    ("The talks are set for July twenty-first, 2024.", ["2024-07-21"]),
    # not a day: an ordinal before a month with no "of", or before a hyphen
    ("The first May rally drew thousands.", []),
    ("In July second-quarter output grew.", ["2024-07", "2025-04/2025-06"]),
])
def test_a_day_said_as_an_ordinal_word(text, expected):
    assert values(text, "2025-03-05") == expected


@pytest.mark.parametrize("text, value", [
    ("The ban takes effect on Jan. 1.", "2025-01-01"),  # a scheduled event in the present tense: after the report
    ("The ban comes into force on January 1.", "2025-01-01"),
    ("The summit is scheduled for March 3.", "2025-03-03"),
    ("Запрет вступит в силу с 1 января.", "2025-01-01"),  # a Russian perfective future
    ("Запрет вступает в силу с 1 января.", "2025-01-01"),
    ("The ban took effect on Jan. 1.", "2024-01-01"),  # the past stays before the report
    ("Запрет вступил в силу 1 января.", "2024-01-01"),
])
def test_a_scheduled_year_less_date_lies_after_the_report(text, value):
    from kzru_lib.dates import find_dates

    assert find_dates(text, published="2024-05-10")["value"].tolist() == [value]


@pytest.mark.parametrize(("text", "published", "value"), [
    ("The decree, dated 12/25/2024, enters into force.", "2024-10-10", "2024-12-25"),  # month first: no 25th month
    ("The decree was signed on 25/12/2024.", "2024-10-10", "2024-12-25"),  # day first
    ("Signed on 12/03/2024.", "2024-10-10", "2024-12-03"),  # both are dates: the one nearer the publication date
    ("Signed on 12/03/2024.", "2024-04-01", "2024-03-12"),
    ("Signed on 12/03/2024.", None, "2024-03-12"),  # no publication date: day first, as in Kazakhstan and Russia
    ("Posted on 2024/10/08 by the editor.", None, "2024-10-08"),
])
def test_a_date_written_with_slashes_is_read(text, published, value):
    # a date with slashes was no date at all (nor kept out of the figures: "12/25" was a fraction)
    d = find_dates(text, published=published)
    assert d["value"].tolist() == [value]


@pytest.mark.parametrize("text", ["The 2023/24 season ended.", "Score 1/2/3 here.", "On 31/02/2024.",
                                  "See https://example.kz/news/12/03/2024/trade for more."])
def test_slashes_that_make_no_date_are_none(text):
    assert find_dates(text, published="2024-10-10").empty


def test_a_half_of_the_year_in_russian_as_in_english():
    # "во второй половине года" was no date ("половине" with no year was taken for a day's or a month's half)
    assert find_dates("Во второй половине года товарооборот вырос.", published="2024-11-10")["value"].tolist() == [
        "2024-07/2024-12"]
    assert find_dates("In the second half of the year trade rose.", published="2024-11-10")["value"].tolist() == [
        "2024-07/2024-12"]
    assert find_dates("В первой половине дня прошли переговоры.", published="2024-11-10").empty


@pytest.mark.parametrize("text, value", [
    ("In the 2022/23 marketing year Russia exported 47 million tonnes.", "2022-07/2023-06"),
    ("The marketing year 2023/24 saw exports of 52 million tonnes.", "2023-07/2024-06"),
    ("По итогам 2022-23 сельскохозяйственного сезона экспортеры отправили 59,3 млн тонн.", "2022-07/2023-06"),
    ("В сельхозгоду 2023/2024 экспорт составил 10 млн тонн.", "2023-07/2024-06"),
    ("За сельскохозяйственный год 2022/2023 экспорт вырос.", "2022-07/2023-06"),
])
def test_a_marketing_year_is_july_to_june(text, value):
    assert find_dates(text)["value"].tolist() == [value]


@pytest.mark.parametrize("text", [
    "Отопительный сезон 2023-2024 начался в октябре.",  # no word of agriculture: two years, as before
    "Trade grew in 2022-2023.",
    "In the 2022/25 marketing year plan",  # years that are no marketing year
])
def test_two_years_with_no_marketing_year_are_no_marketing_year(text):
    assert not any(v.endswith("-06") and "-07/" in v for v in find_dates(text)["value"])


@pytest.mark.parametrize("text, value", [
    ("Trade reached $3 billion from January 2019 through December 2023.", "2019-01/2023-12"),
    ("С января 2019 по декабрь 2023 года товарооборот составил 3 млрд долларов.", "2019-01/2023-12"),
    ("Trade grew between January 2019 and December 2023.", "2019-01/2023-12"),
])
def test_a_span_of_months_across_years_is_one_range(text, value):
    assert find_dates(text)["value"].tolist() == [value]


def test_two_months_of_years_joined_by_and_are_two_dates():
    assert find_dates("January 2024 and March 2024 saw growth.")["value"].tolist() == ["2024-01", "2024-03"]


@pytest.mark.parametrize("text, expected", [
    ("Дефицит вырос за июль.", [("за июль", "2025-07")]),  # a month as a period after "за"
    ("Figures for July show growth.", [("for July", "2025-07")]),
    # irregular Russian past forms are the past: the January before publication, not the next one
    ("В январе экспорт вырос.", [("В январе", "2025-01")]),
    ("Оборот в январе достиг 5 млрд.", [("в январе", "2025-01")]),
])
def test_a_month_after_za_or_for_and_irregular_russian_past_forms(text, expected):
    d = find_dates(text, published="2025-08-12")
    assert list(zip(d["surface"], d["value"], strict=True)) == expected


def test_a_russian_list_of_years_before_their_year_word():
    # "в 2023 и 2024 годах": two years, the first before "и" with its year word after the second
    got = find_dates("В 2023 и 2024 годах ВВП вырос на 4,1% и 4,3% соответственно.", published="2026-02-04")
    assert got["value"].tolist() == ["2023", "2024"]
    assert find_dates("В 2000 и 2001 человек приехали.", published="2026-02-04").empty  # (counts stay counts)


@pytest.mark.parametrize("text, role", [
    # a headline run into the story's dateline: the day the story was filed
    ("The voter turnout was 73.12% ASTANA, March 16. /TASS/. More than 87% of voters supported it.", "dateline"),
    ("The voter turnout was 73.12% ASTANA, March 16.", "dateline"),
    # a place in capitals and a day in the story, no agency after: an event
    ("Talks were held in ASTANA, March 16, and went on for two days.", "event"),
])
def test_a_dateline_inside_a_line(text, role):
    assert [r["role"] for r in find_date_records(text, published="2026-03-16")] == [role]
