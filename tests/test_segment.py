"""Segmenting kept text into lines and sentences with offsets into the raw line."""

from __future__ import annotations

from kzru_lib import kept_lines, sentences, with_docvars
from kzru_lib.segment import split_sentences


def spans(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentence_split_respects_abbreviations_initials_and_quotes():
    text = 'Talks were held on Nov. 27. "We agreed," said V. Putin. The U.S. was not invited. Mr. Smith left!'
    assert spans(text) == ["Talks were held on Nov. 27.", '"We agreed," said V. Putin.',
                           "The U.S. was not invited.", "Mr. Smith left!"]


def test_sentence_split_keeps_closing_quote_and_handles_no_boundary():
    assert spans("He said: “It is done.” Then he left.") == ["He said: “It is done.”", "Then he left."]
    assert spans("trade grew by 7.6% to $18.9 billion") == ["trade grew by 7.6% to $18.9 billion"]
    assert spans("   ") == []


def test_sentences_a_scrape_ran_together_and_an_amount_ending_a_sentence():
    text = "The source said.At the same time, St.Petersburg and U.S.Army stayed. Visit kazinform.kz now."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The source said.", "At the same time, St.Petersburg and U.S.Army stayed.", "Visit kazinform.kz now."]
    text = "Оборот превысил $11,4 млрд. Годом ранее – 9 млрд. долларов. Г. Астана растёт."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Оборот превысил $11,4 млрд.", "Годом ранее – 9 млрд. долларов.", "Г. Астана растёт."]
    # ... in English too, and before a one-letter word
    text = "Trade grew to a record $4.1 bln. Between January and September, it grew by 17%. It was 5 bln. USD then."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Trade grew to a record $4.1 bln.", "Between January and September, it grew by 17%.", "It was 5 bln. USD then."]
    text = "Товарооборот вырос до $4,1 млрд. С января по сентябрь он вырос ещё на 17%."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Товарооборот вырос до $4,1 млрд.", "С января по сентябрь он вырос ещё на 17%."]
    # the statistics' quarter ("I кв. 2024 года") does not end a sentence
    text = "Безработных в I кв. 2024 года было 452 669. В IV кв. 2023 года их было 445 886."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Безработных в I кв. 2024 года было 452 669.", "В IV кв. 2023 года их было 445 886."]


def test_offsets_point_into_the_raw_line(seed_corpus, seed_lines):
    sents = sentences(seed_corpus, lines=seed_lines)
    line_text = seed_lines.set_index(["doc_id", "line_no"])["text"]
    for row in sents.itertuples():
        assert line_text[(row.doc_id, row.line_no)][row.start:row.end] == row.sentence
    first = sents[sents.doc_id == "004_d85f85ece3cb7142"].iloc[0]
    assert first.sentence.startswith("Kazakhstan’s President") and first.start > 0
    assert list(sents.sent_no[sents.doc_id == "000_e124f29be3b57ffe"]) == list(range(1, 15))  # 14 sentences in six paragraphs


def test_kept_lines_exclude_boilerplate_and_carry_start(seed_corpus):
    kl = kept_lines(seed_corpus)
    assert not kl.text.str.contains("ПОДЕЛИТЬСЯ|yükleniyor|course up").any()
    row = kl[(kl.doc_id == "004_d85f85ece3cb7142") & (kl.line_no == 1)].iloc[0]
    assert row.line[row.start:] == row.text


def test_with_docvars_joins_document_columns(seed_corpus):
    kl = with_docvars(kept_lines(seed_corpus), seed_corpus, columns=["outlet", "published"])
    assert set(kl.columns) >= {"outlet", "published"}
    assert set(kl.loc[kl.doc_id == "001_84b71895f86bb473", "outlet"]) == {"Tengrinews"}


def test_a_months_abbreviation_goes_on_into_its_year_and_ends_before_a_capital():
    text = "За 9 мес. 2023 г. товарооборот вырос. Срок составит 6 мес. В 2024 году проект завершат."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "За 9 мес. 2023 г. товарооборот вырос.", "Срок составит 6 мес.", "В 2024 году проект завершат."]


def test_a_decimal_a_unit_or_a_year_ends_a_sentence_before_a_capital():
    text = "The quake had a magnitude of 5.3. An aftershock followed at a depth of 10 km. The city is 40 km. from it."
    assert spans(text) == ["The quake had a magnitude of 5.3.", "An aftershock followed at a depth of 10 km.",
                           "The city is 40 km. from it."]
    text = "Закон принят в 2023 г. Президент подписал его в г. Астане. Это сделал V. Putin."
    assert spans(text) == ["Закон принят в 2023 г.", "Президент подписал его в г. Астане.", "Это сделал V. Putin."]


def test_a_number_or_percent_run_into_a_capitalised_word_ends_a_sentence():
    # paragraphs a scrape ran together after a year or a percentage ("in 2028.By the end of 2025")
    text = "It falls to 34% in 2028.By the end of 2025, growth held. It rose 6.5%.Positive dynamics followed. U.S.Army"
    assert spans(text) == ["It falls to 34% in 2028.", "By the end of 2025, growth held.", "It rose 6.5%.",
                           "Positive dynamics followed.", "U.S.Army"]
