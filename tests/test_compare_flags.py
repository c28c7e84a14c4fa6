"""Disagreement flags as a researcher reads them: the period a figure is for, claims of unknown time,
hedged bounds and quantities of different scale (``kzru_lib.figures``: period linking and comparison)."""

from __future__ import annotations

import pandas as pd
import pytest

from kzru_lib.figures import compare_figures, figure_disagreements, figure_rules, find_figures


@pytest.fixture(scope="module")
def rules():
    return figure_rules()


def figures(docs: dict[str, str], rules, published: dict[str, str] | None = None) -> pd.DataFrame:
    """The figures of some one-article texts; ``published`` (doc -> date, "" for undated) adds the
    column the command line joins from the corpus."""
    parts = [find_figures(t, doc_id=d, rules=rules, published=(published or {}).get(d) or None)
             for d, t in docs.items()]
    table = pd.concat(parts, ignore_index=True)
    if published is not None:
        table["published"] = table["doc_id"].map(published).fillna("")
    return table


def period_of(text: str, surface: str, rules, published: str | None = None) -> str:
    f = find_figures(text, rules=rules, published=published)
    return f.loc[f["surface"].str.rstrip(".") == surface, "period"].iloc[0]


# --- the period a figure is for --------------------------------------------------------------------------------------

def test_the_day_something_was_said_is_not_the_period(rules):
    text = "Trade between Kazakhstan and Russia reached $25 billion, the minister said on Monday."
    assert period_of(text, "$25 billion", rules) == ""
    text = "Товарооборот Казахстана и России превышает 28 миллиардов долларов, заявил во вторник посол."
    assert period_of(text, "превышает 28 миллиардов долларов", rules, "2025-09-09") == ""


@pytest.mark.parametrize("text, surface, published, period", [
    # the day data were published is not the period either
    ("Kazakhstan's reserves exceeded $45 billion in January, increasing by 3.29% over the month and by 29.7% over the "
     "year, according to statistics from the National Bank, published on Feb. 11.", "29.7%", "2025-02-13", "2025-01"),
    ("Резервы Казахстана в январе превысили $45 млрд, увеличившись на 3,29% за месяц и на 29,7% за год, по "
     "статистике Нацбанка, опубликованной 11 февраля.", "29,7%", "2025-02-13", "2025-01"),
])
def test_the_day_data_were_published_is_not_the_period(rules, text, surface, published, period):
    assert period_of(text, surface, rules, published) == period


def test_a_date_past_another_figure_is_that_figures(rules):
    # the nearest date but one with another figure of the sentence between: the level is as of July 1, the increase
    # since January
    text = ("As of July 1, 2024, the population of Kazakhstan stands at 20,139,914, an increase of 106,072 people "
            "since January.")
    assert period_of(text, "20,139,914", rules, "2024-08-01") == "2024-07-01"
    text = ("In the 2017-2018 agricultural year, there was a previous maximum with a share of 23.4%, about 23.2% it was "
            "last year.")
    assert period_of(text, "23.4%", rules, "2024-08-01") == "2017-07/2018-06"


def test_the_period_compared_with_is_not_the_period(rules):
    text = "Trade grew by over 10 percent in January-October 2022 on the same period of 2021 and reached $22.2 billion."
    assert period_of(text, "$22.2 billion", rules) == "2022-01/2022-10"
    text = "Trade rose 7% on a year earlier to $24 billion."
    assert period_of(text, "$24 billion", rules, "2023-02-01") == ""
    text = ("Товарооборот вырос на 10% по сравнению с аналогичным периодом 2021 года и составил "
            "22,2 млрд долларов.")
    assert period_of(text, "22,2 млрд долларов", rules) == ""
    # "an increase from 2023": the year after "from" is the base, not the period; the year after it is, when that
    # is the article's year or the one before (a report on last year)
    text = "Trade between Kazakhstan and Russia rose to $5 billion, up from 2022."
    assert period_of(text, "$5 billion", rules, "2024-02-01") == "2023"
    assert period_of(text, "$5 billion", rules, "2026-02-01") == ""
    text = "The number of arrivals exceeded 29,900, reflecting an 18% increase from 2023."
    assert period_of(text, "exceeded 29,900", rules, "2025-02-01") == "2024"
    # ... unless the base year opens a clause of its own ("from 2023, when ..."): its figures are for it
    text = ("In 2024 Russia delivered 5.64 billion cubic meters of gas to Uzbekistan, a 4.4-fold increase "
            "from 2023, when exports totaled 1.28 billion cubic meters.")
    assert period_of(text, "5.64 billion cubic meters", rules) == "2024"
    assert period_of(text, "1.28 billion cubic meters", rules) == "2023"


def test_a_sentence_that_goes_on_from_the_one_before_keeps_its_period(rules):
    text = ("В январе – декабре 2022 года страну покинули 24 239 человек. Прибыли – 17 293 человека.\n"
            "Так было и в 2021 году.\nПрибыли – 15 000 человек.")
    f = find_figures(text, rules=rules)
    assert dict(zip(f["surface"], f["period"], strict=True)) == {"24 239": "2022", "17 293": "2022", "15 000": ""}
    # not for another quantity, nor past a sentence with a date of its own
    f = find_figures("In 2022, 24,239 people left the country. Exports reached $5 billion.", rules=rules)
    assert f.loc[f["unit"] == "USD", "period"].tolist() == [""]
    f = find_figures("In 2022, 24,239 people left the country. Some 17,293 people arrived in the spring.", rules=rules)
    assert f.loc[f["value"] == 17293, "period_surface"].tolist() == ["in the spring"]


def test_n_months_of_a_year_run_from_january(rules):
    assert period_of("Trade grew to $24 billion in the 11 months of 2022.", "$24 billion", rules) == "2022-01/2022-11"
    assert period_of("In the first 11 months of 2021 trade hit $21.8bn.", "$21.8bn", rules) == "2021-01/2021-11"
    text = "По итогам 11 месяцев 2022 года товарооборот составил $24 млрд."
    assert period_of(text, "$24 млрд", rules) == "2022-01/2022-11"
    # a whole year stays a year
    assert period_of("Trade reached $28 billion in 2023.", "$28 billion", rules) == "2023"


def test_an_undated_article_gives_away_its_year(rules):
    text = ("Last year, trade reached $28 billion, and it already exceeded $20 billion between January and "
            "September 2024.")
    f = find_figures(text, rules=rules).set_index("surface")
    assert f.loc["$28 billion", "period"] == "2023"
    assert f.loc["exceeded $20 billion", "period"] == "2024-01/2024-09"
    text = ("Last year, bilateral trade exceeded $25 billion. In January-June of this year, it increased by "
            "9.5 percent compared to the same period in 2021, to $13 billion.")
    f = find_figures(text, rules=rules).set_index("surface")
    assert f.loc["exceeded $25 billion", "period"] == "2021"
    assert f.loc["$13 billion", "period"] == "2022-01/2022-06"
    # nothing gives the year away: the relative period keeps its unknown year
    f = find_figures("Last year, trade reached $28 billion.", rules=rules)
    assert f["period"].iloc[0] == "XXXX"


def test_an_undated_articles_last_year_is_the_last_whole_year_it_reports_on(rules):
    # the latest year its figures are for
    text = ("В прошлом году товарооборот Казахстана с Китаем приблизился к 24 миллиардам долларов. "
            "Торговля с Россией в 2022 году выросла более чем на 6%.")
    assert period_of(text, "приблизился к 24 миллиардам долларов", rules) == "2022"
    # the year before the latest part of a year: a page on January-June 2024 was written in 2024
    text = ("Trade between Kazakhstan and Azerbaijan reached $280.6 million in January-June 2024. "
            "Last year, the trade turnover between the two countries totaled $598.47 million.")
    assert period_of(text, "$598.47 million", rules) == "2023"
    # the same quantity for that year with another value: "last year" is the year before
    text = ("Урожай пшеницы в 2022 году в России составил 102,65 млн тонн. "
            "В прошлом году урожай пшеницы был 76 млн тонн, а всего зерна — 121,4 млн тонн.")
    assert period_of(text, "76 млн тонн", rules) == "2021"
    assert period_of(text, "121,4 млн тонн", rules) == "2021"
    # ... with the same value, the same year (a title over its story)
    text = ("Товарооборот между Россией и Узбекистаном по итогам 2024 года превысил 10 млрд долларов.\n"
            "Товарооборот между Россией и Узбекистаном по итогам прошлого года превысил 10 млрд долларов.")
    f = find_figures(text, rules=rules)
    assert f["period"].tolist() == ["2024", "2024"]
    # a goal year is not a year reported on; "this year" stays unknown
    text = ("Trade should reach $10 billion by 2030. Last year it was $4 billion, and this year $2 billion so far.")
    f = find_figures(text, rules=rules).set_index("surface")
    assert f.loc["$4 billion", "period"] == "XXXX" and f.loc["$2 billion", "period"] == "XXXX"


def test_the_same_month_of_a_year_is_the_base_not_the_period(rules):
    text = ("Товарооборот России и Белоруссии увеличился на 29,2% в январе по сравнению с аналогичным месяцем "
            "2022 года до $3 млрд.")
    assert period_of(text, "$3 млрд", rules) == "XXXX-01"
    assert period_of("Exports rose 12% to $3 billion in March compared with the same month of 2022.",
                     "$3 billion", rules) == "XXXX-03"


# --- claims of an unknown time ----------------------------------------------------------------------------------------

def test_last_year_without_a_year_is_compared_with_nothing(rules):
    docs = {"a": "Last year, trade between Kazakhstan and Russia reached $18 billion.",
            "b": "Last year, trade between Kazakhstan and Russia reached $28 billion."}
    f = figures(docs, rules, {"a": "", "b": ""})
    assert set(f["period"]) == {"XXXX"}
    assert figure_disagreements(f).empty
    row = compare_figures(f).iloc[0]
    assert not row["disagreement"] and "has no year" in row["why"]
    # dated, the same words are two years' figures, and of one year they disagree
    dated = figures(docs, rules, {"a": "2019-02-01", "b": "2024-02-01"})
    assert set(dated["period"]) == {"2018", "2023"} and figure_disagreements(dated).empty
    same = figures(docs, rules, {"a": "2024-03-01", "b": "2024-02-01"})
    assert len(figure_disagreements(same)) == 1


def test_undated_articles_are_not_set_against_each_other(rules):
    docs = {"a": "Russian investment in Kazakhstan amounts to $13 billion.",
            "b": "Russian investment in Kazakhstan reached $25 billion.",
            "c": "Russian investment in Kazakhstan stands at $17 billion."}
    f = figures(docs, rules, {"a": "", "b": "", "c": "2022-11-28"})
    assert figure_disagreements(f).empty
    assert "claims of undated articles with none" in compare_figures(f)["why"].iloc[0]
    # two dated the same year do disagree
    f = figures(docs, rules, {"a": "2024-11-20", "b": "2024-11-27", "c": "2022-11-28"})
    pairs = figure_disagreements(f)
    assert {pairs["claim_a"].iloc[0], pairs["claim_b"].iloc[0]} == {"a:1", "b:1"}
    # a table without publication dates at all is one unknown time, compared as before
    assert len(figure_disagreements(figures(docs, rules))) == 3
    assert compare_figures(f, undated="all")["disagreement"].all()


# --- hedged bounds and scale ------------------------------------------------------------------------------------------

def test_a_hedged_bound_is_not_rounded_past_itself(rules):
    docs = {"a": "In 2021 trade between Kazakhstan and Russia exceeded $25 billion.",
            "b": "In 2021 trade between Kazakhstan and Russia reached $24.5 billion."}
    assert len(figure_disagreements(figures(docs, rules))) == 1
    # a bare "25" may be 24.5 rounded
    docs["a"] = "In 2021 trade between Kazakhstan and Russia reached $25 billion."
    assert figure_disagreements(figures(docs, rules)).empty


def test_a_rounded_figure_is_set_against_the_exact_count_outside_its_rounding(rules):
    # "17.4 thousand" is 17,350 to 17,450: the exact 17 293 (thousands grouped by a space, read
    # whole, not as "293") is another count; 17 412 is the same one rounded
    docs = {"a": "In 2022, 17.4 thousand people moved to Kazakhstan from Russia.",
            "b": "В 2022 году в Казахстан из России переехали 17 293 человека."}
    pairs = figure_disagreements(figures(docs, rules))
    assert len(pairs) == 1 and "17.4 thousand" in pairs["basis_a"].iloc[0] + pairs["basis_b"].iloc[0]
    docs["b"] = "В 2022 году в Казахстан из России переехали 17 412 человек."
    assert figure_disagreements(figures(docs, rules)).empty
    # a wider tolerance (an option) lets them agree
    docs["b"] = "В 2022 году в Казахстан из России переехали 17 293 человека."
    assert figure_disagreements(figures(docs, rules), tolerance=0.01).empty
    docs = {"a": "In 2022, 24.3 thousand people moved to Kazakhstan from Russia.",
            "b": "В 2022 году в Казахстан из России переехали 24 039 человек."}  # not "039", give or take 300
    assert len(figure_disagreements(figures(docs, rules))) == 1


def test_more_than_reaches_only_a_little_above_its_value(rules):
    docs = {"a": "In 2022 trade between Kazakhstan and China exceeded $24 billion.",
            "b": "In 2022 trade between Kazakhstan and China hit over $31bn."}
    assert len(figure_disagreements(figures(docs, rules))) == 1
    # ... 10 % above it, a round number too: "exceeded $10 billion" is not $11.7 billion
    docs = {"a": "In 2024 trade between Russia and Uzbekistan exceeded $10 billion.",
            "b": "In 2024 trade between Russia and Uzbekistan reached $11.7 billion."}
    assert len(figure_disagreements(figures(docs, rules))) == 1
    docs["b"] = "In 2024 trade between Russia and Uzbekistan reached $10.9 billion."
    assert figure_disagreements(figures(docs, rules)).empty
    # ... and not widened again by its rounding: "exceeded $3 billion" is not $3.4 billion
    docs = {"a": "At the end of 2022, the trade turnover of Kyrgyzstan with Russia exceeded $3 billion.",
            "b": "In 2022 trade between Russia and Kyrgyzstan reached $3.4 billion."}
    assert len(figure_disagreements(figures(docs, rules))) == 1
    # "more than 20,000" (up to 22,000) meets "some 23,000" (about: 21,850 to 24,150)
    docs = {"a": "More than 20,000 Russian companies work in Kazakhstan in 2023.",
            "b": "Some 23,000 Russian companies work in Kazakhstan in 2023."}
    assert figure_disagreements(figures(docs, rules)).empty
    # and "over 80 %" still agrees with 80 %
    docs = {"a": "In 2023 over 80% of trade between Kazakhstan and Russia was in national currencies.",
            "b": "In 2023 80% of trade between Kazakhstan and Russia was in national currencies."}
    assert figure_disagreements(figures(docs, rules)).empty


def test_figures_of_very_different_size_are_not_one_quantity(rules):
    docs = {"a": "From January to November 2022, trade with Kazakhstan's Russian partners reached about $80 million.",
            "b": "From January to November 2022, trade between Kazakhstan and Russia reached $24 billion.",
            "c": "From January to November 2022, trade between Kazakhstan and Russia reached $20 billion."}
    f = figures(docs, rules)
    assert len({p for p in f["period"]}) == 1
    pairs = figure_disagreements(f)
    assert len(pairs) == 1 and {pairs["claim_a"].iloc[0], pairs["claim_b"].iloc[0]} == {"b:1", "c:1"}
    assert compare_figures(f)["n_conflicts"].iloc[0] == 1


def test_a_part_far_below_the_whole_is_not_checked_against_it(rules):
    docs = {"a": "In January-June 2022, trade between Kazakhstan and Russia reached $13 billion.",
            "b": "In 2022, trade between Kazakhstan and Russia reached $90 million.",
            "c": "In 2022, trade between Kazakhstan and Russia reached $11 billion."}
    f = figures(docs, rules)
    pairs = figure_disagreements(f)
    assert len(pairs) == 1 and "exceeds the whole" in pairs["why"].iloc[0]
    assert {pairs["claim_a"].iloc[0], pairs["claim_b"].iloc[0]} == {"a:1", "c:1"}


# --- what is measured, and who with whom ------------------------------------------------------------------------------

def test_a_capacity_is_not_what_was_carried(rules):
    docs = {"a": "В 2023 году пропускная способность КТК в Казахстане достигла 83 млн тонн нефти в год.",
            "b": "В 2023 году Казахстан добыл 90 млн тонн нефти."}
    f = figures(docs, rules)
    assert f["metric"].tolist() == ["capacity", "oil_volume"]
    assert figure_disagreements(f).empty
    f = find_figures("The pipeline has a capacity of 1.4 million barrels per day.", rules=rules)
    assert f["metric"].tolist() == ["capacity"]


def test_investment_cooperation_and_inflows_are_not_the_investment_stock(rules):
    def metric(text):
        return find_figures(text, rules=rules)["metric"].iloc[0]

    assert metric("The two countries develop investment cooperation with investments of over $50 billion.") == \
        "joint_projects_value"
    assert metric("Страны развивают инвестиционное сотрудничество с объемом инвестиций более $50 млрд.") == \
        "joint_projects_value"
    assert metric("Annual investment inflows from Russia reached $3 billion.") == "investment_inflow"
    assert metric("Валовый приток российских инвестиций составил 2,8 млрд долларов.") == "investment_inflow"
    assert metric("Accumulated Russian investment in Kazakhstan amounts to $13 billion.") == "investment (by Russia)"
    # the stock, the inflow and the portfolio of one year are three quantities: no flag between them
    docs = {"a": "Accumulated Russian investment in Kazakhstan amounts to $13 billion.",
            "b": "Annual Russian investment inflows to Kazakhstan reached $3 billion.",
            "c": "Russia and Kazakhstan develop investment cooperation with investments of over $50 billion."}
    f = figures(docs, rules, {"a": "2024-11-20", "b": "2024-11-27", "c": "2024-11-11"})
    assert figure_disagreements(f).empty and len(compare_figures(f)) == 3


def test_a_transport_route_is_a_party_of_its_own(rules):
    docs = {"a": "In 2024, transit between Azerbaijan and Kazakhstan grew 20 per cent, exceeding 3.5 million tons.",
            "b": "Cargo volume along the Middle Corridor grew fivefold to 4.5 million tons in 2024."}
    f = figures(docs, rules)
    assert set(f.loc[f["unit"] != "times", "parties"]) == {"Azerbaijan–Kazakhstan", "Middle Corridor"}
    assert figure_disagreements(f).empty


def test_over_the_year_is_the_year_named_before(rules):
    text = ("In 2023, trade with the region rose to $56.2 billion. Kazakhstan remained the main partner: trade "
            "with it over the year remained at the level of $26 billion.\nAt year-end, trade with Kyrgyzstan fell "
            "to $2.9 billion.")
    f = find_figures(text, rules=rules).set_index("surface")
    assert f.loc["$26 billion", "period"] == "2023" and f.loc["$26 billion", "period_surface"] == "over the year"
    assert f.loc["$2.9 billion", "period"] == "2023"
    # with no year named before, "over the year" is no period
    assert find_figures("Over the year trade remained at $26 billion.", rules=rules)["period"].iloc[0] == ""


def test_a_sum_over_the_last_years_is_not_the_stock(rules):
    text = ("Direct investments from Russia exceeded $20 billion. About $3.5 billion have been invested in the "
            "last two years alone.")
    f = find_figures(text, rules=rules, published="2023-11-09").set_index("surface")
    assert f.loc["exceeded $20 billion", "period"] == ""
    assert f.loc["About $3.5 billion", "period"] == "2022/2023"
    assert find_figures("РФ за последние 18 лет вложила в экономику 20 млрд долларов.", rules=rules,
                        published="2023-11-08")["period"].iloc[0] == "2006/2023"
    # undated: a span of unknown years, compared with nothing
    f = find_figures("About $3.5 billion have been invested in the last two years.", rules=rules)
    assert f["period"].iloc[0] == "XXXX/XXXX"
    docs = {"a": "Russian investment in Kazakhstan exceeded $20 billion.",
            "b": "Russia invested about $3.5 billion in Kazakhstan in the last two years."}
    assert figure_disagreements(figures(docs, rules, {"a": "2023-11-09", "b": "2023-11-20"})).empty


def test_a_policy_rate_is_not_inflation_and_both_are_of_their_month(rules):
    f = figures({"a": "Inflation in Kazakhstan slowed to 9.4%, while the base rate was kept at 14.75%.",
                 "b": "Национальный банк Казахстана сохранил базовую ставку на уровне 15,25%, инфляция замедлилась до 8,4%.",
                 "c": "The National Bank of Kazakhstan kept the base rate at 15.75%; inflation in Kazakhstan was 8.4%."},
                rules, published={"a": "2024-03-01", "b": "2024-12-01", "c": "2024-12-20"})
    assert dict(zip(f["value"], f["metric"], strict=True)) == {9.4: "inflation", 14.75: "policy_rate",
                                                                15.25: "policy_rate", 15.75: "policy_rate", 8.4: "inflation"}
    # with no period stated, a rate is of its article's month: March's and December's are not compared
    pairs = figure_disagreements(f)
    assert list(zip(pairs["metric"], pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [
        ("policy_rate", "b", "c")]


@pytest.mark.parametrize("text, expected", [
    ("The tenge weakened, while the Russian ruble traded at 5.2 tenge.", [("exchange_rate", "KZT")]),
    ("Курс доллара на бирже составил 525 тенге.", [("exchange_rate", "KZT")]),
    ("Unemployment in Kazakhstan stood at 4.7% in the third quarter of 2024.", [("unemployment", "percent")]),
    ("Уровень безработицы в России опустился до 2,3%.", [("unemployment", "percent")]),
])
def test_an_exchange_rate_and_unemployment_are_metrics_of_their_own(rules, text, expected):
    f = find_figures(text, rules=rules)
    assert list(zip(f["metric"], f["unit"], strict=True)) == expected


def test_an_exchange_rate_with_no_period_is_of_its_article_s_day(rules):
    f = figures({"a": "The Russian ruble traded at 5.2 tenge in Kazakhstan.",
                 "b": "The Russian ruble traded at 5.6 tenge in Kazakhstan.",
                 "c": "The Russian ruble traded at 6.1 tenge in Kazakhstan."},
                rules, published={"a": "2024-03-01", "b": "2024-03-02", "c": "2024-03-02"})
    pairs = figure_disagreements(f)
    assert list(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [("b", "c")]


@pytest.mark.parametrize("text, expected", [
    # (", or" restates the count: no percentage of its own; with no word of a vote, people)
    ("The number of citizens who took part was 7,820,204, or 63.66% of those entitled to participate.",
     [("people", ""), ("turnout", "")]),
    ("The Central Election Commission of Kazakhstan said the voter turnout stood at 63.66%.", [("turnout", "Kazakhstan")]),
    ("Явка на выборах президента России составила 77,44%.", [("turnout", "Russia")]),
    # by 20:00 with no hours of the vote stated: the close of polls where most votes close (the last reading)
    ("К 20:00 проголосовали 7 820 918 казахстанцев, что составило 63,87 процента от общего числа избирателей.",
     [("voters", "Kazakhstan"), ("turnout", "Kazakhstan")]),
    # by the close of the polls, as the article gives the hours of the vote, it is the whole day's turnout
    ("К 20:00 проголосовали 7 820 918 казахстанцев, что составило 63,87 процента от общего числа избирателей. "
     "Голосование проходило в воскресенье с 7:00 до 20:00 по местному времени.",
     [("voters", "Kazakhstan"), ("turnout", "Kazakhstan")]),
    ("As of 8 p.m., turnout in Kazakhstan was 63.9 percent. Polls closed at 20:00.", [("turnout", "Kazakhstan")]),
    ("As of 6 p.m., turnout in Kazakhstan was 53.9 percent. Polling stations were open from 7 a.m. to 8 p.m.",
     [("turnout (at 6 p.m.)", "Kazakhstan")]),
    ("К 20:00 явка в Казахстане составила 63,87%. Отделения банка работают с 9:00 до 20:00.",
     [("turnout", "Kazakhstan")]),
    # but not when the article says the polls close later
    ("As of 20:00, turnout in Kazakhstan was 58.2 percent. Polls closed at 22:00.",
     [("turnout (at 20:00)", "Kazakhstan")]),
    # a turnout by a time of the voting day, of a region or of the voters abroad is not the whole vote's
    ("По состоянию на 12:00 явка в Казахстане составила 35,2%.", [("turnout (at 12:00)", "Kazakhstan")]),
    ("As of 10 a.m. local time, turnout in Kazakhstan was 20.1 percent.", [("turnout (at 10 a.m.)", "Kazakhstan")]),
    ("Жители Кызылординской области проявили активность: явка достигла 82,48 процента.", [("turnout (part)", "")]),
    ("About 10,000 Kazakh citizens voted at polling stations abroad, with a voter turnout of 81.06%.",
     [("voters (part)", "Kazakhstan"), ("turnout (part)", "Kazakhstan")]),
    # "stood at 63.66%" is no time of day; a vote share is not the turnout
    ("Tokayev won the election with 81.31% of votes in Kazakhstan.", [("vote_share (Tokayev)", "Kazakhstan")]),
    # the ballots cast against all are no turnout
    ("None of them scored double digits and 5.8 per cent of voters cast their ballots against all.",
     [("share of voters cast ballots against", "")]),
    # a city's turnout, named by the city alone, is a part
    ("Самая низкая явка в Алматы – 28,72 процента.", [("turnout (part)", "")]),
])
def test_a_turnout_is_a_metric_of_its_own(rules, text, expected):
    f = find_figures(text, rules=rules)
    assert list(zip(f["metric"], f["parties"], strict=True)) == expected


def test_turnouts_are_compared_within_their_month(rules):
    f = figures({"a": "The turnout in the referendum in Kazakhstan was 63.66%.",
                 "b": "Явка на референдуме в Казахстане составила 63,87%.",
                 "c": "The turnout in the presidential election in Kazakhstan reached 69.44%."},
                rules, published={"a": "2024-10-07", "b": "2024-10-08", "c": "2024-11-21"})
    pairs = figure_disagreements(f)
    assert list(zip(pairs["metric"], pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [
        ("turnout", "a", "b")]


@pytest.mark.parametrize("text, expected", [
    ("Trade between Kazakhstan and Russia reached $27.8 billion in 2023, compared with $26 billion a year earlier.",
     [("2023", "in 2023"), ("2022", "a year earlier")]),
    ("Trade reached $27.8 billion in 2023. A year earlier, trade totalled $26 billion.",
     [("2023", "in 2023"), ("2022", "A year earlier")]),
    ("Товарооборот в 2023 году составил 26,8 млрд долларов. Годом ранее товарооборот составлял 26 млрд долларов.",
     [("2023", "в 2023 году"), ("2022", "Годом ранее")]),
    ("In January-July 2023, trade reached $15.6 billion. In the previous year, it was $14 billion.",
     [("2023-01/2023-07", "In January-July 2023"), ("2022-01/2022-07", "In the previous year")]),
    ("Trade reached $27.8 billion last year. A year earlier, trade totalled $26 billion.",
     [("2023", "last year"), ("2022", "A year earlier")]),
    # a growth "from a year earlier" is the year's own
    ("Trade grew by 6.3% in 2023 from a year earlier, reaching $27.8 billion.", [("2023", "in 2023"), ("2023", "in 2023")]),
])
def test_a_year_earlier_is_the_year_before_the_period_just_stated(rules, text, expected):
    f = find_figures(text, rules=rules, published="2024-03-01")
    assert list(zip(f["period"], f["period_surface"], strict=True)) == expected


@pytest.mark.parametrize("text, expected", [
    # "year-on-year" is how a growth is measured: the date after it is its period, not its base
    ("Bilateral trade declined 3.4% year-on-year in January-March 2024, to about $6 billion.",
     ["2024-01/2024-03", "2024-01/2024-03"]),
    # the same period of another year at the head of a sentence is its figures' period; after a growth, its base
    ("Trade reached $6.1 billion in January-March 2024. Over the same period of 2023, trade stood at $6.3 billion.",
     ["2024-01/2024-03", "2023-01/2023-03"]),
    ("Товарооборот за январь-март 2024 года составил 6,1 млрд долларов. За аналогичный период прошлого года "
     "товарооборот составлял 6,3 млрд долларов.", ["2024-01/2024-03", "2023-01/2023-03"]),
    ("Trade reached $6.1 billion in January-March 2024, up 5% on the same period of 2023.",
     ["2024-01/2024-03", "2024-01/2024-03"]),
])
def test_year_on_year_and_the_same_period_of_another_year(rules, text, expected):
    assert find_figures(text, rules=rules, published="2024-05-20")["period"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    ("По итогам 2023 года экономика Казахстана выросла на 5,1%.", [("gdp_growth", "Kazakhstan")]),
    ("Kazakhstan's economy expanded by 5.1% in 2023.", [("gdp_growth", "Kazakhstan")]),
    ("Экономика России в 2023 году выросла на 3,6%, а экономика Казахстана — на 5,1%.",
     [("gdp_growth", "Russia"), ("gdp_growth", "Kazakhstan")]),
    # investment in the economy, or a share of it, is no growth of the economy
    ("Инвестиции в экономику Казахстана выросли на 10% в 2023 году.", [("investment_growth", "Kazakhstan")]),
    ("Доля малого бизнеса в экономике Казахстана составила 36%.", [("", "Kazakhstan")]),
    ("В 2023 году российские компании вложили в Казахстан 1,4 млрд долларов.", [("investment (by Russia)", "Kazakhstan–Russia")]),
])
def test_an_economy_that_grew_is_gdp_growth(rules, text, expected):
    f = find_figures(text, rules=rules)
    assert list(zip(f["metric"], f["parties"], strict=True)) == expected


def test_a_half_a_quarter_and_their_months_are_one_period(rules):
    docs = {"a": "Trade between Kazakhstan and Russia reached $13.2 billion in H1 2024.",
            "b": "За первое полугодие 2024 года товарооборот Казахстана и России составил 13,9 млрд долларов.",
            "c": "In January-June 2024, trade between Kazakhstan and Russia stood at $13.2 billion.",
            "d": "Over the first three quarters of 2024, trade between Kazakhstan and Russia reached $20.1 billion."}
    f = figures(docs, rules, {d: "2024-08-01" for d in docs})
    assert f["period"].tolist() == ["2024-01/2024-06"] * 3 + ["2024-01/2024-09"]  # no figure "three quarters of"
    pairs = figure_disagreements(f)
    assert sorted(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [("a", "b"), ("c", "b")]


@pytest.mark.parametrize("text, expected", [
    ("Russia accounts for 18% of Kazakhstan's foreign trade and 35% of its imports.",
     ["trade_share", "trade_share (imports)"]),
    ("На долю России приходится 18% внешнеторгового оборота Казахстана.", ["trade_share"]),
    ("Russia supplies about 30% of Kazakhstan's imports, while Kazakhstan sends around 10% of its exports to Russia.",
     ["trade_share (imports)", "trade_share (exports)"]),
    # another part (a mode of transport, goods) or another whole is no partner's share of trade
    ("Road transport facilitated 51.8 percent of China's trade with Kazakhstan.", ["share of china trade"]),
    ("Oil and uranium account for 73% of Kazakhstan's exports to the U.S.",
     ["share of kazakhstan exports (oil and uranium)"]),  # (the goods' share, their part kept)
    ("The U.S. tariffs will impact only 4.8% of Kazakhstan's total exports.", ["share of kazakhstan exports"]),
])
def test_a_partner_s_share_of_trade_in_either_language(rules, text, expected):
    assert find_figures(text, rules=rules)["metric"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    ("Инвестиции из России в первом полугодии 2024 года выросли на 20%.", ["investment_growth"]),
    ("Foreign direct investment in Kazakhstan surged by 12% in 2023.", ["investment_growth"]),
    # investment in fixed capital (a country's capital spending) is its own quantity, in either language
    ("Investment in fixed assets in Kazakhstan grew by 18% in January-April 2024.", ["investment_growth (fixed capital)"]),
    ("Инвестиции в основной капитал в 2023 году выросли на 13,1%, до 18,5 трлн тенге.",
     ["investment_growth (fixed capital)", "investment (fixed capital)"]),
    # not an investigation, not a share, not a percentage with no rise or fall
    ("Apple charged customers in the UK up to 10% more, an investigation found.", [""]),
    ("Russia accounts for 30% of foreign investment in Kazakhstan.", ["share of foreign investment"]),
    ("Investors from Russia hold 30% of the bank.", ["share of bank"]),
])
def test_a_growth_of_investment(rules, text, expected):
    assert find_figures(text, rules=rules)["metric"].tolist() == expected


def test_the_volume_of_something_names_its_own_metric():
    # "the volume" refers back ("the volume rose by 5%"); "the volume of construction work" does not
    f = find_figures("Investments in fixed capital rose by 22.1%. The volume of construction work increased by 6.4%.",
                     rules=figure_rules())
    assert f["metric"].tolist() == ["investment_growth (fixed capital)", ""]


@pytest.mark.parametrize("text, expected", [
    ("Remittances from Russia to Uzbekistan grew by 20% in 2023 to $11 billion.",
     [("remittances_growth", "Russia–Uzbekistan", "2023"), ("remittances", "Russia–Uzbekistan", "2023")]),
    ("Объем денежных переводов из России в Узбекистан в 2023 году вырос на 20% и составил $11 млрд.",
     [("remittances_growth", "Russia–Uzbekistan", "2023"), ("remittances", "Russia–Uzbekistan", "2023")]),
    ("В первой половине 2024 года объём денежных переводов в Узбекистан вырос на 25% — до 6,5 млрд долларов.",
     [("remittances_growth", "Uzbekistan", "2024-01/2024-06"), ("remittances", "Uzbekistan", "2024-01/2024-06")]),
    # a date in brackets with a figure of its own is that figure's, not the period of the figure before them
    ("Объём денежных переводов в Узбекистан составил 6,5 млрд долларов (в январе-июне 2023 года было 5,2 млрд "
     "долларов).", [("remittances", "Uzbekistan", ""), ("remittances", "Uzbekistan", "2023-01/2023-06")]),
])
def test_remittances_are_a_metric_of_their_own(rules, text, expected):
    f = find_figures(text, rules=rules, published="2025-03-01")
    assert list(zip(f["metric"], f["parties"], f["period"], strict=True)) == expected


def test_the_growth_of_a_flow_of_people_between_two_places_says_where_it_comes_from(rules):
    docs = {"a": "Arrivals from China in Kazakhstan jumped by 78% in 2024 to reach 655,000 people.",
            "b": "Data from Kazakhstan's Border Service reveals that Chinese tourists to Kazakhstan increased by 50% in "
                 "2024, while Kazakh visits to China rose by 31%.",
            "c": "Турпоток из России в Казахстан в 2024 году вырос на 15%."}
    f = figures(docs, rules, {d: "2025-02-01" for d in docs})
    f = f[f["unit"] == "percent"]
    assert f["metric"].tolist() == ["people_growth (from China)", "people_growth (from China)",
                                    "people_growth (from Kazakhstan)", "people_growth (from Russia)"]
    # the 78% and the 50% of visitors from China disagree; the 31% of visits the other way is no third claim of it
    pairs = figure_disagreements(f)
    assert list(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [("b", "a")]


def test_a_level_a_year_earlier_is_no_disagreement_with_this_year_s(rules):
    f = figures({"a": "Trade between Kazakhstan and Russia reached $27.8 billion in 2023, compared with $26 billion a "
                      "year earlier.",
                 "b": "Trade between Kazakhstan and Russia reached $27.8 billion in 2023."},
                rules, published={"a": "2024-03-01", "b": "2024-03-02"})
    assert figure_disagreements(f).empty


def test_a_country_s_total_with_the_world_then_a_partner_s_part(rules):
    # an item of one place and a world cue is that place's total; the next item's partner is the pair's
    f = find_figures("Kazakhstan's foreign trade turnover in 2024 amounted to $141.4 billion, of which trade with "
                     "Russia accounted for 19%.", rules=rules)
    assert f["parties"].tolist() == ["Kazakhstan–world", "Kazakhstan–Russia"]
    # a total with no place of its own in its item stays the sentence's pair
    f = find_figures("Russia remained a significant trading partner of Uzbekistan, with a total trade volume of "
                     "$9.88bn, including $3.3bn in Uzbek exports.", rules=rules)
    assert f["parties"].tolist() == ["Russia–Uzbekistan", "Russia–Uzbekistan"]


@pytest.mark.parametrize("text, metric, parties", [
    ("Доля России во внешнеторговом обороте Казахстана составила 19,6%.", "trade_share", "Kazakhstan–Russia"),
    ("Объем перевозок по Транскаспийскому маршруту в 2024 году вырос на 62%.", "freight_growth", "Middle Corridor"),
])
def test_foreign_trade_shares_and_carriage_in_russian(rules, text, metric, parties):
    f = find_figures(text, rules=rules)
    assert (f["metric"].iloc[0], f["parties"].iloc[0]) == (metric, parties)


def test_goods_by_a_named_pipeline_are_a_part_of_all_such_goods(rules):
    f = figures({"a": "Kazakhstan exported 54 million tonnes of oil via the CPC pipeline in 2024.",
                 "b": "Kazakhstan exported 70.5 million tonnes of oil in 2024.",
                 "c": "В 2024 году по КТК было экспортировано 54 млн тонн казахстанской нефти.",
                 "d": "Kazakhstan exported 60 million tonnes of oil through the CPC in 2024.",
                 "e": "Russian gas exports to Uzbekistan through Kazakhstan reached 5.6 bcm in 2024."}, rules)
    assert f["metric"].tolist() == ["oil_volume (via CPC) (exports)", "oil_volume (exports)",
                                    "oil_volume (via CPC) (exports)", "oil_volume (via CPC) (exports)",
                                    "gas_volume"]  # a country passed through is no route: a party
    pairs = figure_disagreements(f)
    # one pipeline, one name in either language: the Russian page's 54 million tonnes meet the English pages'
    assert sorted(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [("a", "d"), ("c", "d")]
    # at the head of a sentence too
    f = figures({"a": "По КТК в 2024 году было прокачано 63,4 млн тонн нефти.",
                 "b": "Through the Druzhba pipeline, 10 million tonnes of oil were shipped in 2024."}, rules)
    assert f["metric"].tolist() == ["oil_volume (via CPC)", "oil_volume (via Druzhba)"]
    # a listed route's name with no pipeline word after it ("via the Power of Siberia"), in either language
    f = figures({"a": "Last year, Russia delivered 15.5 billion cubic meters of gas to China via the Power of Siberia.",
                 "b": "Поставки российского газа в Китай по газопроводу «Сила Сибири» в 2022 году составили 15,1 млрд "
                      "кубометров.",
                 "c": "Kazakhstan exported 60 million tonnes of oil through the Caspian Pipeline Consortium in 2024."},
                rules, published={"a": "2023-11-26"})
    assert f["metric"].tolist() == ["gas_volume (via Power of Siberia)", "gas_volume (via Power of Siberia)",
                                    "oil_volume (via CPC) (exports)"]
    pairs = figure_disagreements(f)
    assert sorted(map(sorted, zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True))) == [["a", "b"]]


@pytest.mark.parametrize("text, metric", [
    ("Trade between Kazakhstan's border regions and Russia reached $10 billion in 2024.", "trade_turnover (regions)"),
    ("Товарооборот приграничных регионов Казахстана и России в 2024 году составил 10 млрд долларов.",
     "trade_turnover (regions)"),
    ("Interregional trade between Kazakhstan and Russia grew by 5% in 2024.", "trade_growth (regions)"),
    # the forum where the countries' trade is announced
    ("At the Forum of Interregional Cooperation, Tokayev said trade between Kazakhstan and Russia reached "
     "$28 billion in 2024.", "trade_turnover"),
])
def test_trade_of_border_regions_is_a_part_of_the_countries_trade(rules, text, metric):
    assert find_figures(text, rules=rules)["metric"].tolist() == [metric]


def test_a_growth_said_to_fall_is_negative(rules):
    f = figures({"a": "Trade between Kazakhstan and Russia fell 3.4% in 2024.",
                 "b": "Trade between Kazakhstan and Russia changed by -3.4% in 2024.",
                 "c": "Trade between Kazakhstan and Russia grew 3.4% in 2024.",
                 "d": "Товарооборот Казахстана и России в 2024 году снизился на 3,4%.",
                 "e": "Trade between Kazakhstan and Russia fell in 2023 but rose 3.4% in 2024.",
                 "f": "Kazakhstan and Russia saw a 3.4% decline in trade in 2024."}, rules)
    # "fell 3.4%", "-3.4%", "снизился на 3,4%" and "a 3.4% decline" agree; "grew 3.4%" and "rose 3.4%" disagree with them
    pairs = figure_disagreements(f)
    assert sorted(tuple(sorted((a[0], b[0]))) for a, b in zip(pairs["claim_a"], pairs["claim_b"], strict=True)) == [
        ("a", "c"), ("a", "e"), ("b", "c"), ("b", "e"), ("c", "d"), ("c", "f"), ("d", "e"), ("e", "f")]
    table = compare_figures(f)
    assert (table["min_value"].iloc[0], table["max_value"].iloc[0]) == (-3.4, 3.4)
    # ... as a collapse is ("рухнул на 60 процентов", "collapsed by 60%")
    h = figures({"a": "Экспорт электроэнергии из России в Китай в первой половине 2025 года рухнул на 60 процентов.",
                 "b": "Russia's electricity exports to China fell by 60% in the first half of 2025.",
                 "c": "Russia's electricity exports to China collapsed by 60% in the first half of 2025."}, rules)
    assert figure_disagreements(h).empty and compare_figures(h)["max_value"].iloc[0] == -60
    # a growth rate a fall went to or from is a level: "growth fell to 3%" agrees with "grew 3%"
    g = figures({"a": "Growth of trade between Kazakhstan and Russia slowed and fell to 3% in 2024.",
                 "b": "Trade between Kazakhstan and Russia grew 3% in 2024.",
                 "c": "Рост товарооборота Казахстана и России в 2024 году снизился до 3%."}, rules)
    assert figure_disagreements(g).empty


@pytest.mark.parametrize("text, metric", [
    ("Russian investment in Kazakhstan reached $20 billion in 2023.", "investment (by Russia)"),
    ("Kazakh investment in Russia reached $6 billion in 2023.", "investment (by Kazakhstan)"),
    ("Direct investment from Russia into Kazakhstan exceeded $20 billion in 2023.", "investment (by Russia)"),
    ("Прямые инвестиции Казахстана в Россию в 2023 году составили 6 млрд долларов.", "investment (by Kazakhstan)"),
    ("Казахстанские инвестиции в российскую экономику в 2023 году достигли 6 млрд долларов.", "investment (by Kazakhstan)"),
    # the place's firms that invest: "Russian companies invested", "российские компании вложили"
    ("In 2023, Russian companies invested over $3 billion in Kazakhstan.", "investment (by Russia)"),
    ("В 2023 году российские компании вложили в Казахстан 3 млрд долларов.", "investment (by Russia)"),
    # no investor named: not the other place of the pair
    ("Foreign direct investment in Kazakhstan from all countries reached $28 billion in 2023, Russia said.", "investment"),
])
def test_who_invests_in_whom(rules, text, metric):
    assert find_figures(text, rules=rules)["metric"].tolist() == [metric]


def test_investment_each_way_between_two_places_is_not_a_disagreement(rules):
    f = figures({"a": "Russian investment in Kazakhstan reached $20 billion in 2023.",
                 "b": "Kazakh investment in Russia reached $6 billion in 2023.",
                 "c": "Российские инвестиции в Казахстан в 2023 году составили 17 млрд долларов."}, rules)
    pairs = figure_disagreements(f)
    assert list(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], strict=True)) == [("c", "a")]


@pytest.mark.parametrize("text", [
    "Товарооборот Омской области с Казахстаном в 2023 году составил 3,2 млрд долларов.",
    "Trade between the Orenburg region and Kazakhstan reached $3.5 billion in 2023.",
    "Trade between Kazakhstan's Kostanay region and Russia totalled $3 billion in 2023.",
    "Товарооборот Татарстана с Казахстаном в 2023 году составил 2,9 млрд долларов.",
])
def test_a_region_s_trade_is_not_its_country_s(rules, text):
    # (a tenth of the country's or more: figures further apart are never set against each other, SCALE_GAP)
    assert find_figures(text, rules=rules)["metric"].tolist() == ["trade_turnover (regions)"]
    f = figures({"a": "Trade turnover between Kazakhstan and Russia reached $27.8 billion in 2023.",
                 "b": "Kazakhstan and Russia held a forum in Omsk. " + text}, rules)
    assert figure_disagreements(f).empty


def test_a_region_of_the_world_is_no_region_of_a_country(rules):
    got = find_figures("Trade between China and the Central Asian region reached $89 billion in 2023.", rules=rules)
    assert got["metric"].tolist() == ["trade_turnover"]


@pytest.mark.parametrize("text, parties", [
    ("Annual inflation in Kazakhstan slowed to 9.8% in December 2023, while in Russia it reached 7.4%.",
     ["Kazakhstan", "Russia"]),
    ("Инфляция в Казахстане по итогам 2023 года составила 9,8%, в России – 7,4%.", ["Kazakhstan", "Russia"]),
    ("The National Bank of Kazakhstan kept its base rate at 14.75%, while the Bank of Russia raised its key rate to 16%.",
     ["Kazakhstan", "Russia"]),
    ("Unemployment in Kazakhstan stood at 4.7% in 2023, in Russia at 3.2%.", ["Kazakhstan", "Russia"]),
])
def test_inflation_a_policy_rate_and_unemployment_are_one_country_s(rules, text, parties):
    assert find_figures(text, rules=rules)["parties"].tolist() == parties


def test_two_countries_inflation_in_two_articles_is_no_disagreement(rules):
    f = figures({"a": "Annual inflation in Kazakhstan slowed to 9.8% in December 2023, while in Russia it reached 7.4%.",
                 "b": "In December 2023, inflation in Russia was 7.4%, against 9.8% in Kazakhstan."}, rules)
    assert figure_disagreements(f).empty


@pytest.mark.parametrize("text, parties", [
    ("In 2023, Russia and Australia followed closely, each producing 310 tons of gold.", "Australia+Russia"),
    ("Uzbekistan and South Africa both produced 100 tons of gold in 2023.", "South Africa+Uzbekistan"),
    # one figure of one place beside another place: no "each"
    ("In 2023, Russia produced 310 tons of gold, more than Australia.", "Russia"),
    ("В 2023 году Россия и Австралия добыли по 310 тонн золота.", "Australia+Russia"),
    # "по итогам" is no "each": the two places' output together
    ("Россия и Казахстан по итогам года добыли 5 тонн золота.", "Kazakhstan"),
])
def test_one_figure_said_of_each_of_two_places(rules, text, parties):
    row = find_figures(text, rules=rules).iloc[0]
    assert row["parties"] == parties
    assert (row["parties_basis"] == "each") == ("+" in parties)


@pytest.mark.parametrize("texts, parties", [
    # Russia's 310 against 321.8; Australia's 310 agrees with Australia's 310
    ({"a": "In 2023, Russia and Australia followed closely, each producing 310 tons of gold.",
      "b": "В 2023 году Россия добыла 321,8 тонны золота.",
      "c": "Australia produced 310 tonnes of gold in 2023."}, "Russia"),
    # the other side kept: Kazakhstan's $5 billion against $7 billion; Uzbekistan's agrees
    ({"a": "Kazakhstan and Uzbekistan each received $5 billion in Chinese investment in 2023.",
      "b": "China invested $7 billion in Kazakhstan in 2023.",
      "c": "Chinese investment in Uzbekistan reached $5 billion in 2023."}, "China–Kazakhstan"),
])
def test_a_figure_of_each_place_is_compared_with_each_place_s(rules, texts, parties):
    pairs = figure_disagreements(figures(texts, rules))
    assert list(zip(pairs["claim_a"].str[0], pairs["claim_b"].str[0], pairs["parties"], strict=True)) == [
        ("a", "b", parties)]


@pytest.mark.parametrize("text, parties, basis", [
    # a side of a flow named together before "по": each place's, with the other side
    ("Так, в Россию работать приехали 50,2 тысяч человек из Китая, из Германии и Турции — по 10 тысяч человек.",
     "Germany+Turkey", "each"),
    # two places before "each", read as a pair, are one side, with the other place of the clause
    ("Kazakhstan and Uzbekistan each received $5 billion in Chinese investment in 2023.", "China–Kazakhstan+Uzbekistan",
     "each"),
    # two places that trade with each other are a pair
    ("Kazakhstan and China traded $40 billion in 2023.", "China–Kazakhstan", "sentence"),
])
def test_each_place_of_a_flow_or_a_pair(rules, text, parties, basis):
    row = find_figures(text, rules=rules).iloc[-1]
    assert (row["parties"], row["parties_basis"]) == (parties, basis)


def test_last_year_s_level_a_change_starts_from_is_last_year_s(rules):
    # "с прошлогоднего показателя" is the level a change starts from, not a time since last year
    got = find_figures("КР идет на повышение с прошлогоднего показателя роста экономики в 7%.", rules=rules,
                       published="2023-07-21")
    assert got["period"].tolist() == ["2022"]


@pytest.mark.parametrize("text, published, periods", [
    # the day a figure was said is not its period: the year named is, or none
    ("The Central Bank said on November 27 that the purchases accrued income of 530 billion tenge.", "2024-11-28", [""]),
    ("«По итогам первого полугодия КР уверенно идет на повышение с прошлогоднего показателя роста экономики в 7%», - "
     "заявил Байсалов 20 июля на заседании правительства.",
     "2023-07-21", ["2022"]),
    ("Prime Minister Alikhan Smaiylov told reporters on October 19 that another 56 companies had moved to Kazakhstan.",
     "2022-10-20", [""]),
    # a day that is not after a speech verb stays the figure's
    ("На 1 июля в стране проживали 7,1 млн человек.", "2023-07-21", ["2023-07-01"]),
])
def test_the_day_a_figure_was_said_is_not_its_period(rules, text, published, periods):
    assert find_figures(text, rules=rules, published=published)["period"].tolist() == periods


def test_goods_sent_to_the_world_are_a_country_s_exports(rules):
    f = figures({"a": "В 2022 году Россия экспортировала 47 млн тонн пшеницы на мировой рынок.",
                 "b": "В 2022 году РФ экспортировала 42 млн тонн пшеницы."}, rules)
    assert set(zip(f["metric"], f["parties"], strict=True)) == {("grain_volume (wheat) (exports)", "Russia")}
    assert len(figure_disagreements(f)) == 1


@pytest.mark.parametrize("text, metric", [
    ("The EU has invested $160 billion in Kazakhstan.", "investment (by European Union)"),
    ("Kazakhstan has also imported $2 billion of goods from China.", "imports (by Kazakhstan)"),
    ("Всего за 30 лет страны Евросоюза инвестировали в экономику Казахстана почти 76 млрд долларов.",
     "investment (by European Union)"),
])
def test_an_active_verb_after_an_auxiliary_names_who_sends(rules, text, metric):
    assert find_figures(text, rules=rules)["metric"].tolist()[-1] == metric


def test_goods_sent_that_a_clause_does_not_name_are_the_article_s_one_kind_of_goods(rules):
    text = ("Kazakhstan witnessed a 24-fold surge in wheat exports to China, which reached 475,200 tons in January-October. "
            "Meanwhile, exports to Iran decreased eight times to 68,400 tons.")
    assert find_figures(text, rules=rules, published="2023-11-20")["metric"].tolist()[-1] == "grain_volume (wheat) (exports)"
    # two kinds of goods measured before: which one is not guessed
    text = ("Kazakhstan exported 475,200 tons of wheat and 100,000 tons of barley to China. Prices rose. "
            "Meanwhile, exports to Iran decreased eight times to 68,400 tons.")
    assert find_figures(text, rules=rules, published="2023-11-20")["metric"].tolist()[-1] == ""


def test_plans_for_a_year_are_a_target(rules):
    text = ('Планы Казахстана по объемам поставок нефти в Германию по трубопроводу "Дружба" на 2025 год остаются на '
            "прежнем уровне - 1,2 млн тонн.")
    assert find_figures(text, rules=rules, published="2024-12-10")["qualifier"].tolist() == ["target"]
    # "в этом плане" is "in this respect", no plan
    text = "В этом плане товарооборот Казахстана и Германии составил 5 млрд долларов в 2023 году."
    assert find_figures(text, rules=rules, published="2024-12-10")["qualifier"].tolist() == ["none"]


@pytest.mark.parametrize("text, metric", [
    ("$5 billion has been invested in Kazakhstan by China.", "investment (by China)"),
    # the agent of another verb is not the flow's
    ("Kazakhstan became a hub for parallel imports, the total volume of which was estimated by the Russian government "
     "at $20 billion.", "imports"),
])
def test_the_agent_of_a_flow_s_passive_sends_or_buys(rules, text, metric):
    assert find_figures(text, rules=rules)["metric"].tolist()[-1] == metric


def test_a_harvest_with_no_period_runs_on(rules):
    # a volume gathered or moved, with no period of its own, in two articles of one year: two days of a running total
    f = figures({"a": "В Казахстане уже намолочено 15,5 млн тонн зерна.",
                 "b": "Kazakhstan harvests 25.9 mln tons of grain."}, rules,
                published={"a": "2025-08-20", "b": "2025-10-15"})
    assert set(f["metric"]) == {"grain_volume"}
    assert figure_disagreements(f).empty
    # with its period, the same volumes are set against each other
    f = figures({"a": "В 2025 году в Казахстане намолочено 15,5 млн тонн зерна.",
                 "b": "Kazakhstan harvested 25.9 mln tons of grain in 2025."}, rules,
                published={"a": "2025-08-20", "b": "2025-10-15"})
    assert len(figure_disagreements(f)) == 1


def test_magnitudes_of_one_months_earthquake_are_compared_whatever_place_is_named(rules):
    f = figures({"a": "A magnitude 7.1 earthquake struck Xinjiang, China.",
                 "b": "Землетрясение магнитудой 6,7 ощутили в Алматы.",
                 "c": "The magnitude 7.1 earthquake was felt in Almaty.",
                 # another agency's value in one article, not another quake
                 "d": "The USGS gave a magnitude of 7.0, China's centre a magnitude of 7.1."},
                rules, published={"a": "2024-01-23", "b": "2024-01-23", "c": "2024-01-24", "d": "2024-01-23"})
    pairs = figure_disagreements(f)
    assert sorted((a[0], b[0]) if a[0] < b[0] else (b[0], a[0]) for a, b in zip(pairs["claim_a"], pairs["claim_b"],
                                                                             strict=True)) == [
        ("a", "b"), ("b", "c"), ("b", "d"), ("b", "d")]


def test_a_balance_with_no_period_of_its_own_is_compared_with_nothing(rules):
    # a deficit is over some span: with none said, two articles' deficits may be of two spans
    docs = {"a": "Russia's federal budget deficit reached 2.2 trillion rubles, the president said.",
            "b": "This puts Russia's total federal budget deficit at 3.5 trillion rubles."}
    f = figures(docs, rules, {"a": "2025-03-20", "b": "2025-01-21"})
    assert set(f["metric"]) == {"budget_balance"} and set(f["period"]) == {""}
    assert figure_disagreements(f).empty
    # ... of one stated year they are compared
    docs = {"a": "Russia's federal budget deficit reached 2.2 trillion rubles in 2024.",
            "b": "Russia's federal budget deficit was 3.5 trillion rubles in 2024."}
    assert len(figure_disagreements(figures(docs, rules, {"a": "2025-03-20", "b": "2025-01-21"}))) == 1


def test_exchange_rates_are_compared_whatever_places_their_sentences_name(rules):
    # the unit names the currencies; the places a sentence names beside them (a partner, a union) are not the rate's
    docs = {"a": "At the start of 2025 the tenge traded at 525.11 per dollar, Kazakhstan's central bank said.",
            "b": "At the start of 2025 the tenge traded at 526.11 per dollar, trade with Azerbaijan grew."}
    f = figures(docs, rules, {"a": "2025-02-01", "b": "2025-02-03"})
    assert set(f.loc[f["metric"] == "exchange_rate", "unit"]) == {"KZT per USD"}
    pairs = figure_disagreements(f)
    assert len(pairs) == 1 and pairs["unit"].iloc[0] == "KZT per USD" and pairs["parties"].iloc[0] == ""


@pytest.mark.parametrize("text, surface", [
    # a record's reference year is no figure's period
    ("The Bank of Russia has lowered its key interest rate by 100 basis points to 20%, marking its first rate cut "
     "since 2022.", "20%"),
    ("В пятницу ЦБ впервые с 2023 года поднял ставку до 18% годовых.", "18%"),
])
def test_the_year_a_first_or_a_record_is_counted_since_is_not_the_period(rules, text, surface):
    assert period_of(text, surface, rules, published="2024-07-26") == ""
    # (a change since a year is over the years from it: "have grown by 40% since 2020")
    assert period_of("Exports have grown by 40% since 2020.", "40%", rules, published="2024-07-26") == "2020/2024"


def test_a_budgets_revenue_with_no_period_is_a_flow_compared_with_none(rules):
    # revenues and spending run over a span: with no period of their own they are not set against another article's
    docs = {"a": "The budget deficit widened in March. Budget revenues were 5.34 trillion roubles, up 6.3% year on year.",
            "b": "The budget deficit soared. Despite revenues increasing by 26% to 36.7 trillion rubles, spending rose."}
    f = figures(docs, rules, {"a": "2025-03-11", "b": "2025-01-22"})
    assert set(f.loc[f["unit"] == "RUB", "metric"]) == {"budget_revenue"}
    assert figure_disagreements(f).empty
    # ... and a month's revenue may not exceed its year's
    docs = {"a": "Russia's federal budget revenues in January 2025 were 5.0 trillion roubles.",
            "b": "Russia's federal budget revenues in 2025 were 3.0 trillion roubles."}
    pairs = figure_disagreements(figures(docs, rules, {"a": "2025-02-11", "b": "2026-01-20"}))
    assert len(pairs) == 1


# --- read from flags between the dev set's splits (session 57) -------------------------------------------------------

def _metrics(text: str, rules, published: str = "2025-12-20") -> dict[str, str]:
    f = find_figures(text, rules=rules, published=published)
    return dict(zip(f["surface"].str.rstrip("."), f["metric"], strict=True))


@pytest.mark.parametrize("text, surface", [
    # a keyword after "as", "after", "amid" is of the clause of a cause, not the figure's
    ("Russia's central bank raised its key rate to 21% as inflation accelerated.", "21%"),
    ("In December, Russia's central bank cut its benchmark interest rate to 16 percent after inflation showed signs of "
     "easing.", "16 percent"),
])
def test_a_keyword_of_a_clause_of_cause_after_the_figure_is_not_its_metric(rules, text, surface):
    assert _metrics(text, rules)[surface] == "policy_rate"
    # (the keyword before the figure still measures it, a cause after it or not)
    assert _metrics("Inflation rose to 8.6% as food prices grew.", rules)["8.6%"] == "inflation"


@pytest.mark.parametrize("text, expected", [
    # both ends of a change of a share of GDP are that share, not a growth of the GDP
    ("Military expenditures were reduced from 2.7% of GDP in 2024 to 2.2% in 2025.",
     {"2.7%": "defence_spending (share of gdp)", "2.2%": "defence_spending (share of gdp)"}),
    ("Расходы удалось сократить с 2,7% в 2024 г. до 2,2% ВВП.", {"2,7%": "share of gdp", "2,2%": "share of gdp"}),
    # (a growth of the GDP from one year to the next is still a growth)
    ("GDP growth slowed from 3.6% in 2023 to 2.1% in 2024.", {"3.6%": "gdp_growth", "2.1%": "gdp_growth"}),
])
def test_the_ends_of_a_change_of_a_share_of_gdp_are_that_share(rules, text, expected):
    assert _metrics(text, rules) == expected


@pytest.mark.parametrize("text, surface, metric", [
    # votes for a person said by a pronoun or by a post are the person's, not the side "for" of a referendum
    ("Робахон Махмудова, выдвинутая Социал-демократической партией «Адолат», получила 4,43 процента голосов - за нее "
     "проголосовали 693 тысячи 634 человека.", "4,43 процента", "vote_share (Makhmudov)"),
    ("2.67 percent of voters voted for the head of the association of farmers of the republic, Zhiguli Dairabaev.",
     "2.67 percent", "vote_share"),
    # (a capitalised word of a party's name is no candidate's name)
    ("Robokhon Mahmudova, nominated by the Social Democratic Party, received 4.43% of the votes.", "4.43%",
     "vote_share (Mahmudov)"),
    # (the side "for" of a referendum stays one)
    ("90.21% of citizens voted in favor, 9.35% voted against.", "90.21%", "vote_share (for)"),
])
def test_votes_for_a_person_are_not_a_sides(rules, text, surface, metric):
    assert _metrics(text, rules, "2023-07-10")[surface] == metric


def test_the_united_states_in_the_instrumental_case_is_a_party(rules):
    f = find_figures("В январе-сентябре 2025 года объем торговли между Китаем и Соединёнными Штатами составил $425,81 "
                     "млрд.", rules=rules, published="2025-10-13")
    assert f.loc[f["unit"] == "USD", "parties"].tolist() == ["China–United States"]


@pytest.mark.parametrize("text, surface, metric", [
    # people expelled or deported are a count of their own, not a bare count of people nor those who left
    ("Russia said Wednesday it expelled more than 80,000 migrants in 2024.", "more than 80,000", "people (expelled)"),
    ("Из России в 2025 году выдворили 72 тыс. иностранцев", "72 тыс", "people (expelled)"),
    ("The number of Tajik citizens deported from Russia increased to 30,000 last year.", "30,000", "people (expelled)"),
    ("About 11,000 people left the country in 2024.", "About 11,000", "people (out)"),
    # a change named as the subject of an amount's verb is the change, not a level
    ("Рост составил 185 тысяч человек по отношению к 2024 году.", "185 тысяч", "people (change)"),
    # (a population's own growth is a change already)
    ("The natural population increase totaled 702,500 people.", "702,500", "people (natural_growth)"),
    # people counted in a city or region of a country are that place's
    ("В Московской области работали более 427 тыс. человек, в Санкт-Петербурге – более 260 тыс.", "более 427 тыс",
     "people (in Moscow region)"),
    ("В Московской области работали более 427 тыс. человек, в Санкт-Петербурге – более 260 тыс.", "более 260 тыс",
     "people (in Saint Petersburg)"),
    ("Самым популярным местом работы у мигрантов стала Москва, где трудились по патенту около 631 тысячи иностранцев.",
     "около 631 тысячи", "people (in Moscow)"),
    ("Иностранцы чаще всего выбирали Москву – там работали по патенту почти 631 тыс. иностранцев.", "почти 631 тыс",
     "people (in Moscow)"),
    ("На втором месте расположилась Московская область (более 427 тысяч мигрантов).", "более 427 тысяч",
     "people (in Moscow region)"),
    ("Russia's Interior Ministry said 2.3 million migrants worked on a patent in 2025.", "2.3 million", "people"),
])
def test_counts_of_people_say_what_kind_and_where(rules, text, surface, metric):
    assert _metrics(text, rules, "2026-01-25")[surface] == metric


def test_reserves_of_one_mineral_are_not_set_against_anothers(rules):
    docs = {"a": "Kazakhstan's deposits in Karaganda region hold tungsten reserves of 410 thousand tonnes, the ministry said.",
            "b": "Запасы редкоземельных металлов Казахстана оцениваются в 935 тысяч тонн."}
    f = figures(docs, rules, {"a": "2025-11-07", "b": "2025-11-08"})
    assert set(f["metric"]) == {"stocks (tungsten)", "stocks (rare_earths)"}
    assert figure_disagreements(f).empty
    # (two outlets' tonnes of one mineral are still compared)
    docs["b"] = "Kazakhstan's tungsten reserves are estimated at 854 thousand tonnes, the ministry said."
    assert len(figure_disagreements(figures(docs, rules, {"a": "2025-11-07", "b": "2025-11-08"}))) == 1


def test_what_was_supplied_is_not_the_capacity_named_before(rules):
    text = ('"Газпром" вывел газопровод "Сила Сибири" на максимальную проектную мощность в 38 млрд куб. м газа в год. '
            'Поставки по "Силе Сибири" в 2022 году составили 15,4 млрд куб. м, в 2023 году - 22,73 млрд куб. м.')
    f = find_figures(text, rules=rules, published="2025-01-10")
    assert f["metric"].tolist() == ["capacity", "", ""]
    # (tonnes with no word of their own still measure what the ones before did)
    f = find_figures("The pipeline has a capacity of 38 billion cubic metres. It was 40 billion cubic metres before.",
                     rules=rules, published="2025-01-10")
    assert f["metric"].tolist() == ["capacity", "capacity"]


@pytest.mark.parametrize("text, surface, metric", [
    # an election's votes "against all" are no referendum's votes against
    ("5.8 percent of voters voted against all.", "5.8 percent", "vote_share (against all)"),
    ("Против всех проголосовали 5,8% избирателей.", "5,8%", "vote_share (against all)"),
    ("18,66% избирателей выступили против.", "18,66%", "vote_share (against)"),
])
def test_votes_against_all_are_a_side_of_their_own(rules, text, surface, metric):
    assert _metrics(text, rules, "2022-11-21")[surface] == metric


@pytest.mark.parametrize("text, surface, metric", [
    # a country's trips abroad are not the world's trips into it
    ("За текущий год жители России совершили 24 миллиона поездок за рубеж.", "24 миллиона", "trips (abroad)"),
    ("Russians made 12.6 million trips abroad in the first half of 2024.", "12.6 million", "trips (abroad)"),
    ("В прошлом году зарубежные граждане совершили 15,6 млн поездок в РФ.", "15,6 млн", "trips (to Russia)"),
])
def test_a_countrys_trips_abroad_are_not_trips_into_it(rules, text, surface, metric):
    assert _metrics(text, rules, "2025-11-07")[surface] == metric


@pytest.mark.parametrize("text, surface, metric", [
    # what a central bank added to its gold is a change of its holdings, not the holdings
    ("The National Bank of Kazakhstan also made a significant addition, increasing its gold reserves by 7 tons.",
     "7 tons", "stocks (gold) (change)"),
    ("Он нарастил запасы на 8 тонн и довел их до 316 тонн.", "8 тонн", "stocks (change)"),
    ("Он нарастил запасы на 8 тонн и довел их до 316 тонн.", "316 тонн", "stocks"),
])
def test_what_was_added_to_stocks_is_a_change(rules, text, surface, metric):
    assert _metrics(text, rules, "2025-09-10")[surface] == metric


def test_a_change_of_a_stock_with_no_period_is_compared_with_none(rules):
    # what was added in some month, the month unsaid, is over an unknown span: not set against another article's
    docs = {"a": "The National Bank of Kazakhstan also made a significant addition, increasing its gold reserves by 7 tons.",
            "b": "Национальный банк Казахстана увеличил запасы золота на 7,7 т."}
    f = figures(docs, rules, {"a": "2025-06-10", "b": "2025-09-10"})
    assert set(f["metric"]) == {"stocks (gold) (change)"}
    assert figure_disagreements(f).empty
    # (of one stated month they are compared)
    docs = {"a": "In May the National Bank of Kazakhstan increased its gold reserves by 7 tons.",
            "b": "В мае Национальный банк Казахстана увеличил запасы золота на 7,7 т."}
    assert len(figure_disagreements(figures(docs, rules, {"a": "2025-06-10", "b": "2025-06-11"}))) == 1
