"""Cleaning: line labels and reasons, the gold gate, user patterns, and properties."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from _paths import GOLD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzru_lib import audit_lines, load_corpus
from kzru_lib.cleaning import KEPT_LABELS, LABELS, clean_documents, clean_text, load_patterns
from kzru_lib.errors import KzruError

#: Stored floors for the seed gold (trafilatura-style gate): CI fails when quality drops below them.
FLOORS = {"drop_f1": 1.0, "content_kept": 1.0}

PARA = ("Kazakhstan and Russia discussed energy cooperation and new transport corridors during talks in "
        "Astana on Tuesday, officials said.")
PARA2 = "Trade turnover between the two countries grew by 7.6% to $18.9 billion, the ministry reported."


def labels(text):
    a = clean_text(text)
    return [(lab, reason) for lab, reason in zip(a.labels, a.reasons, strict=True)]


# --- the gold gate --------------------------------------------------------------------------

def test_seed_lines_match_gold_above_floor(seed_lines):
    gold = pd.read_csv(GOLD / "boilerplate.csv", dtype=str, keep_default_na=False)
    merged = gold.merge(seed_lines, on=["doc_id"], how="left", suffixes=("_gold", ""))
    merged = merged[merged.line_no_gold.astype(int) == merged.line_no]
    assert len(merged) == len(gold)  # every gold line has a system line
    scored = merged[merged.label_gold != "blank"]
    gold_drop = ~scored.label_gold.isin(KEPT_LABELS)
    sys_drop = ~scored.label.isin(KEPT_LABELS)
    tp = (gold_drop & sys_drop).sum()
    precision = tp / sys_drop.sum()
    recall = tp / gold_drop.sum()
    f1 = 2 * precision * recall / (precision + recall)
    content_kept = (~gold_drop & ~sys_drop).sum() / (~gold_drop).sum()
    assert f1 >= FLOORS["drop_f1"], scored[gold_drop != sys_drop][["doc_id", "line_no", "label_gold", "label"]]
    assert content_kept >= FLOORS["content_kept"]
    # blanks agree too
    assert (merged[merged.label_gold == "blank"].label == "blank").all()


def test_seed_reasons_for_clear_cases(seed_lines):
    by = seed_lines.set_index(["doc_id", "line_no"])
    assert by.loc[("001_84b71895f86bb473", 3), "reason"] == "share_button"
    assert by.loc[("001_84b71895f86bb473", 11), "reason"] == "duplicate"
    assert by.loc[("001_84b71895f86bb473", 23), "reason"] == "media_prompt"
    assert by.loc[("001_84b71895f86bb473", 52), "reason"] == "widget"
    assert by.loc[("003_181649ad1a6ec081", 11), "reason"] == "ad"
    assert by.loc[("003_181649ad1a6ec081", 13), "reason"] == "comments_policy"
    assert by.loc[("002_aefff0a389baaf14", 3), "label"] == "metadata"
    assert by.loc[("002_aefff0a389baaf14", 98), "reason"] == "credit"
    line1 = by.loc[("004_d85f85ece3cb7142", 1)]
    assert line1.label == "body" and line1.kept_text.startswith("Kazakhstan’s President")
    assert line1.text[line1.kept_start:].startswith("Kazakhstan’s President")


def test_kept_text_never_contains_boilerplate(seed_corpus):
    text = "\n".join(seed_corpus.text)
    for junk in ("ПОДЕЛИТЬСЯ", "course up", "yükleniyor", "Join Telegram", "Comments you share", "NEWS DESK"):
        assert junk not in text


# --- rules on small texts -------------------------------------------------------------------

def test_title_headings_and_body():
    text = f"Astana and Moscow agree on gas\n\n{PARA}\n\nWhat comes next\n\n{PARA2}\n"
    assert labels(text) == [("title", ""), ("blank", ""), ("body", ""), ("blank", ""), ("heading", ""),
                            ("blank", ""), ("body", ""), ("blank", "")]


def test_tail_runs_are_related_links_and_lone_short_lines_credits():
    text = f"{PARA}\n{PARA2}\nEditorial team\n\nTokayev visits Japan\nGrain exports rise\nNew bridge opens\n"
    got = labels(text)
    assert got[2] == ("boilerplate", "credit")
    assert got[4:7] == [("boilerplate", "related_links")] * 3


def test_repeated_paragraph_is_a_duplicate_but_first_copy_kept():
    got = labels(f"{PARA}\n\n{PARA}\n")
    assert got[0] == ("body", "") and got[2] == ("boilerplate", "duplicate")


def test_numeric_widget_and_foreign_script_lines():
    text = f"{PARA}\nUSD 502.51  EUR 595.10  RUB 6.44\n{PARA2}\nГлавная Политика Экономика\n"
    got = labels(text)
    assert got[1] == ("boilerplate", "widget")
    assert got[3][0] == "boilerplate"


def test_link_prompt_announces_related_links_inside_the_article():
    text = f"{PARA} Read more in our report:\nInside the talks between the leaders\n\n{PARA2}\n"
    got = labels(text)
    assert got[0] == ("body", "") and got[1] == ("boilerplate", "related_links") and got[3] == ("body", "")


def test_partial_keep_of_date_prefix_dateline_and_byline():
    a = clean_text(f"Published: 12 March 2024 MOSCOW – {PARA}\n\n{PARA2}")
    assert a.metadata["published"] == "2024-03-12" and a.metadata["dateline"] == "MOSCOW"
    assert a.lines[0][a.kept_start[0]:].startswith("Kazakhstan and Russia")
    b = clean_text(f"Kazinform.kz – {PARA}\n\n{PARA2}")
    assert b.metadata["outlet"] == "Kazinform"
    c = clean_text(f"MOSCOW, March 3 (Reuters) - {PARA}\n\n{PARA2}")
    assert c.metadata["outlet"] == "Reuters" and c.metadata["dateline"] == "MOSCOW"


@pytest.mark.parametrize("line,reason", [
    ("Share", "share_button"), ("Поделиться", "share_button"), ("Read also:", "related_links"),
    ("Advertisement", "ad"), ("Photo: Akorda press service", "credit"), ("By John Smith", "credit"),
    ("Follow us on Telegram", "social"), ("We use cookies to improve your experience.", "cookie_notice"),
    ("Found a typo? Select it and press Ctrl+Enter", "error_report"), ("Tags: Kazakhstan, Russia", "tags"),
    ("© 2024 Kazinform. All rights reserved.", "credit"),
])
def test_known_patterns(line, reason):
    got = labels(f"{PARA}\n{line}\n{PARA2}")
    assert got[1] == ("boilerplate", reason)


@pytest.mark.parametrize("line", [
    "By the end of 2023, trade between the two countries had grown to a record level, officials said.",
    "Putin said the comments by Western leaders were rude and offensive to both nations.",
    "Share prices of Kazakh energy companies rose by 3% after the talks, analysts noted.",
])
def test_patterns_do_not_catch_ordinary_sentences(line):
    assert labels(f"{PARA}\n{line}\n{PARA2}")[1] == ("body", "")


def test_lines_repeated_across_different_stories_are_template_but_syndication_is_not():
    stories = [f"Story {i} headline here\n\n{PARA.replace('energy', f'topic {i}')}\n\nSubscribe to our newsletter today"
               f"\n\nOur team is here for you\n\n{PARA2.replace('7.6', str(i))}\n" for i in range(4)]
    docs = [(f"d{i}", t, "Outlet") for i, t in enumerate(stories)]
    audits = clean_documents(docs)
    line = stories[0].split("\n").index("Our team is here for you")
    assert all(a.reasons[line] == "repeated_across_articles" for a in audits.values())
    # the same story syndicated four times keeps its paragraphs
    same = [(f"s{i}", stories[0], "Outlet") for i in range(4)]
    audits = clean_documents(same)
    assert all(a.labels[2] == "body" for a in audits.values())


# --- user patterns --------------------------------------------------------------------------

def test_user_patterns_from_a_table_and_from_the_corpus_folder(tmp_path):
    (tmp_path / "a.txt").write_text(f"{PARA}\nSUPPORT INDEPENDENT JOURNALISM NOW\n{PARA2}\n", encoding="utf-8")
    assert audit_lines(load_corpus(tmp_path)).loc[1, "label"] in KEPT_LABELS  # kept without the pattern
    extra = pd.DataFrame([{"reason": "donation_appeal", "match": "line", "pattern": "support independent journalism.*",
                           "flags": "i"}])
    corpus = load_corpus(tmp_path, patterns=extra)
    lines = audit_lines(corpus)
    assert lines.loc[1, "reason"] == "donation_appeal" and lines.loc[1, "rule"] == "pattern:user table:1"
    (tmp_path / "boilerplate_patterns.csv").write_text(
        "reason,match,pattern,flags\ndonation_appeal,start,support independent,i\n", encoding="utf-8")
    assert audit_lines(load_corpus(tmp_path)).loc[1, "reason"] == "donation_appeal"


def test_bad_user_patterns_name_the_row(tmp_path):
    bad = tmp_path / "p.csv"
    bad.write_text("reason,match,pattern\nx,line,(unclosed\n", encoding="utf-8")
    with pytest.raises(KzruError, match=r"p\.csv, row 2: invalid regular expression"):
        load_patterns(bad)
    bad.write_text("reason,match,pattern\nx,everywhere,abc\n", encoding="utf-8")
    with pytest.raises(KzruError, match="match must be one of"):
        load_patterns(bad)


# --- properties -----------------------------------------------------------------------------

LINE_POOL = [PARA, PARA2, "Share", "Read also", "Tokayev meets Putin", "Exchange Rates", " 502.51  course up",
             "Photo by A. Ivanov", "Economic ties", "Advertisement", "", " ", "NEWS DESK", "Погода",
             '"We will continue," he said.', "08 November 2023", " date 2024-11-28 ASTANA – " + PARA]
lines_strategy = st.lists(st.one_of(st.sampled_from(LINE_POOL), st.text(max_size=80)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy)
def test_cleaning_properties(lines):
    text = "\n".join(lines)
    from kzru_lib.loading import normalize_text

    text = normalize_text(text)
    a = clean_text(text)
    assert len(a.labels) == len(text.split("\n"))
    for line, label, reason, start in zip(a.lines, a.labels, a.reasons, a.kept_start, strict=True):
        assert label in LABELS
        if label in ("boilerplate", "metadata"):
            assert reason, f"dropped without a reason: {line!r}"
        if label == "blank":
            assert not line.strip()
        if label in KEPT_LABELS:  # kept words are the line's own words, in order
            assert line[start:].strip() and line[start:].strip() in line
            assert line.endswith(line[start:])
    kept = a.kept_text
    again = clean_text(kept)
    assert again.kept_text == kept, "cleaning the clean text again must change nothing"


def test_russian_agency_dateline_and_furniture():
    text = ("Токаев и Путин обсудили торговлю\n12 марта 2024, 14:35\nПоделиться\n"
            "МОСКВА, 12 марта. /ТАСС/. Президент России и президент Казахстана обсудили по телефону сотрудничество.\n"
            "По словам Токаева, товарооборот в прошлом году достиг почти 28 миллиардов долларов.\n"
            "Читайте также\nВ Астане открылся новый мост\nКурс тенге укрепился\n"
            "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter")
    a = clean_text(text)
    assert a.labels[:5] == ["title", "metadata", "boilerplate", "body", "body"]
    assert a.metadata == {"title": "Токаев и Путин обсудили торговлю", "published": "2024-03-12",
                          "dateline": "МОСКВА", "outlet": "ТАСС"}
    assert a.lines[3][a.kept_start[3]:].startswith("Президент России")
    assert set(a.reasons[5:]) == {"related_links", "error_report"}


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab .,:;!?…\"'»”’)]( \t\u00a0\u1680\u3000\n\r\x1cx1"), max_size=16))
def test_line_shape_helpers_equal_their_regex_definitions(line):
    from kzru_lib import cleaning as C

    sent_end = re.compile(r"[.!?…:;][\"'»”’)\]]*\s*$")
    headline_end = re.compile(r"[.:;,][\"'»”’)\]]*\s*$")
    assert C._sent_end(line) == bool(sent_end.search(line))
    assert C._headline_end(line) == bool(headline_end.search(line))
    assert C._n_words(line.strip()) == len(line.split())
