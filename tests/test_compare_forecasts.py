"""Forecasts, plans and goals are not measurements, and a flow has a direction (``kzru_lib.figures``:
the ``forecast`` cues of ``data/period_cues.csv`` and the cues of ``data/flow_cues.csv``)."""

from __future__ import annotations

import pandas as pd
import pytest

from kzru_lib.figures import figure_disagreements, figure_rules, find_figures


@pytest.fixture(scope="module")
def rules():
    return figure_rules()


def figures(docs: dict[str, str], rules) -> pd.DataFrame:
    return pd.concat([find_figures(t, doc_id=d, rules=rules) for d, t in docs.items()], ignore_index=True)


def qualifier_of(text: str, surface: str, rules) -> str:
    f = find_figures(text, rules=rules)
    return f.loc[f["surface"].str.contains(surface, regex=False), "qualifier"].iloc[0]


@pytest.mark.parametrize("text, surface", [
    ("Officials expect that trade between Uzbekistan and Russia in 2023 will amount to $12 billion.", "12"),
    ("Trade between Kazakhstan and China in 2025 is forecast at $50 billion.", "50"),
    ("Узбекистан и Россия в 2023 году доведут товарооборот до $10 млрд.", "10"),
    ("Товарооборот по итогам 2025 года ожидается на уровне $12 млрд.", "12"),
    ("Переводы в Узбекистан в 2025 году могут достигнуть $17 млрд.", "17"),
    ("В 2024 году планируется поставить 3 млрд кубометров газа.", "3"),
    ("Лидерами двух стран поставлена задача достичь отметки в $10 млрд.", "10"),
])
def test_a_plan_or_forecast_is_a_target(rules, text, surface):
    assert qualifier_of(text, surface, rules) == "target"


@pytest.mark.parametrize("text, surface", [
    ("In 2023 trade between Uzbekistan and Russia amounted to $9.8 billion.", "9.8"),
    ("По итогам 2022 года товарооборот достиг $9,3 млрд.", "9,3"),
    # a plan in another clause does not make the measured figure a target
    ("Trade reached $9.8 billion in 2023; the sides plan to double it.", "9.8"),
])
def test_a_measured_figure_is_not_a_target(rules, text, surface):
    assert qualifier_of(text, surface, rules) == "none"


def test_a_forecast_is_not_set_against_what_was_measured(rules):
    docs = {"a": "In 2023 trade between Uzbekistan and Russia amounted to $9.8 billion.",
            "b": "Officials expect that trade between Uzbekistan and Russia in 2023 will amount to $12 billion.",
            "c": "Узбекистан и Россия в 2023 году доведут товарооборот до $10 млрд."}
    assert figure_disagreements(figures(docs, rules)).empty
    # two measurements that differ still disagree
    docs["b"] = "In 2023 trade between Uzbekistan and Russia reached $12 billion."
    pairs = figure_disagreements(figures(docs, rules))
    assert len(pairs) == 1 and {pairs["claim_a"].iloc[0], pairs["claim_b"].iloc[0]} == {"a:1", "b:1"}


@pytest.mark.parametrize("text, way", [
    ("In 2022, 17,300 people arrived in Kazakhstan.", "in"),
    ("In 2022, 24,200 people left Kazakhstan.", "out"),
    ("In 2022 the number of immigrants reached 17,300 people.", "in"),
    ("В 2022 году страну покинули 24 239 человек.", "out"),
    ("В 2022 году в Казахстан прибыло 17 293 человека.", "in"),
    ("В 2022 году эмигрировали из республики 5,3 тыс. человек.", "out"),
])
def test_a_count_of_people_has_its_direction(rules, text, way):
    f = find_figures(text, rules=rules)
    assert f["metric"].iloc[0].endswith(f"({way})")


def test_people_leaving_are_not_set_against_people_arriving(rules):
    docs = {"a": "In 2022, 17,300 people arrived in Kazakhstan.",
            "b": "В 2022 году Казахстан покинули 24 239 человек.",
            "c": "In 2022, 21,500 people left Kazakhstan."}
    pairs = figure_disagreements(figures(docs, rules))
    # only the two counts of people leaving are compared (21,500 vs 24,239)
    assert len(pairs) == 1 and {pairs["claim_a"].iloc[0][0], pairs["claim_b"].iloc[0][0]} == {"b", "c"}


def test_the_nearest_cue_gives_the_direction(rules):
    f = find_figures("In 2022, 17,300 people arrived in Kazakhstan, while 24,200 people left it.", rules=rules)
    ways = dict(zip(f["surface"].str.extract(r"([\d,]+)")[0], f["metric"], strict=True))
    assert ways["17,300"].endswith("(in)") and ways["24,200"].endswith("(out)")
    # Russian clauses ("..., то ...", "..., а ...") each keep their own cue; permanent residence granted is settling in
    f = find_figures("Если в 2022 году количество лиц, получивших разрешение на постоянное место жительства, "
                     "составило 17,4 тысячи человек, то 24,1 тысячи человек покинули страну.", rules=rules)
    assert f["metric"].tolist() == ["people (in)", "people (out)"]
    f = find_figures("В 2018 году 12,7 тысячи человек прибыли в страну, а 41,8 тысячи человек уехали.", rules=rules)
    assert f["metric"].tolist() == ["people (in)", "people (out)"]


def test_a_claim_whose_period_cannot_be_known_is_compared_with_nothing(rules):
    docs = {"a": "В прошлом году товарооборот Казахстана с Китаем приблизился к 24 миллиардам долларов.",
            "b": "In 2022 trade between Kazakhstan and China reached $31 billion.",
            "c": "Last year trade between Kazakhstan and China reached $31 billion."}

    def table(published):
        f = pd.concat([find_figures(t, doc_id=d, rules=rules, published=published[d] or None)
                       for d, t in docs.items()], ignore_index=True)
        f["published"] = f["doc_id"].map(published)
        return f

    # a and c are undated: their "last year" has no year
    assert figure_disagreements(table({"a": "", "b": "2023-05-17", "c": ""})).empty
    # dated, the Russian "last year" is 2022 and disagrees with b's 2022
    pairs = figure_disagreements(table({"a": "2023-04-20", "b": "2023-05-17", "c": ""}))
    assert len(pairs) == 1 and {pairs["claim_a"].iloc[0], pairs["claim_b"].iloc[0]} == {"a:1", "b:1"}


def test_entering_into_force_is_not_an_arrival(rules):
    f = find_figures("In 2023, 12 agreements entered into force between Kazakhstan and Russia.", rules=rules)
    assert not f["metric"].iloc[0].endswith(")")
