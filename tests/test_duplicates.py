"""Duplicates: syndicated, edited and cut copies found by MinHash/LSH; different stories on one topic are not."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kzru_lib.duplicates import (
    DUPLICATE_COLUMNS,
    band_codes,
    bucket_pairs,
    drop_duplicates,
    find_duplicates,
    mark_duplicates,
    shingle_hashes,
    signatures,
    signatures_in_parallel,
)

STORY = [
    "Kazakhstan and Russia agreed on Tuesday to expand rail freight through the northern border crossings.",
    "The deal was signed in Petropavl by the two transport ministers after three days of talks.",
    "Under the agreement, the number of daily container trains will rise from twelve to twenty by next spring.",
    "Shippers have complained for months about queues of up to four days at the Kairak crossing.",
    "The ministers said new customs lanes would open in June and that inspections would move to an electronic queue.",
    "Grain exporters in Kostanay region welcomed the plan, saying it could cut their costs by a fifth.",
    "Analysts in Almaty noted that similar promises were made two years ago and were only partly kept.",
    "A working group will report on progress to both governments before the end of the year.",
]
OTHER = [
    "Kazakhstan and Russia discussed energy cooperation at a forum in Omsk on Wednesday.",
    "Officials from both countries spoke about gas supplies to the northern regions and new power lines.",
    "The governor of Omsk region said local firms were ready to build two substations near the border.",
    "No documents were signed, but the sides agreed to meet again in the autumn in Pavlodar.",
    "Experts said the forum showed growing interest in joint projects on electricity trade.",
    "A Kazakh delegation also visited a refinery and a university laboratory during the trip.",
]
THIRD = [
    "The Eurasian Development Bank approved a loan for a water treatment plant in Shymkent.",
    "The plant will serve about three hundred thousand residents once it opens in two years.",
    "The bank said the project was part of its programme for cities in Central Asia.",
    "Local officials thanked the bank and promised to publish the tender documents online.",
    "Construction is due to start in the spring after the design is approved.",
]


def corpus_of(texts: dict[str, str], published: dict[str, str] | None = None) -> pd.DataFrame:
    published = published or {}
    return pd.DataFrame({"doc_id": list(texts), "text": list(texts.values()),
                         "published": [published.get(d) for d in texts]})


@pytest.fixture()
def copies():
    original = "\n".join(STORY)
    syndicated = "Rail freight deal signed\n" + "\n".join(STORY[:5] + [STORY[5].replace("a fifth", "20%")] + STORY[6:])
    edited = "\n".join([STORY[0].replace("Tuesday", "Tuesday, 4 March")] + STORY[1:3] + STORY[4:])  # one cut, one change
    cut = "\n".join(STORY[:5])  # a copy cut after five paragraphs
    return corpus_of({"a_original": original, "b_syndicated": syndicated, "c_edited": edited, "d_cut": cut,
                      "e_other": "\n".join(OTHER), "f_third": "\n".join(THIRD), "g_short": "Too short."},
                     {"a_original": "2024-03-05", "b_syndicated": "2024-03-04", "c_edited": "2024-03-06"})


def test_shingles_do_not_depend_on_case_or_punctuation():
    assert list(shingle_hashes("One two, three four FIVE six.")) == list(shingle_hashes("one two three four five six"))
    assert len(set(shingle_hashes("a b c d e a b c d e"))) == 5  # the five distinct shingles (one repeats)
    assert len(shingle_hashes("one two three four five six")) == 2
    assert len(shingle_hashes("one two three four")) == 0


def test_copies_are_found_and_different_stories_are_not(copies):
    pairs = find_duplicates(copies)
    found = set(zip(pairs.doc_id, pairs.other_id, strict=True))
    story = {"a_original", "b_syndicated", "c_edited", "d_cut"}
    assert {d for pair in found for d in pair} == story
    assert ("a_original", "b_syndicated") in found and ("a_original", "c_edited") in found
    # the cut copy is contained in the original even though their Jaccard similarity is lower
    cut = pairs[(pairs.doc_id == "a_original") & (pairs.other_id == "d_cut")].iloc[0]
    assert cut.containment >= 0.8 and cut.similarity < cut.containment
    assert (pairs.similarity <= 1).all() and (pairs.doc_id < pairs.other_id).all()


def test_marked_clusters_point_to_the_earliest_copy(copies):
    marked = mark_duplicates(copies).set_index("doc_id")
    assert list(marked.columns[-3:]) == list(DUPLICATE_COLUMNS)
    # b_syndicated was published first: it represents the story
    assert marked.loc["b_syndicated", "duplicate_of"] is None
    for d in ("a_original", "c_edited", "d_cut"):
        assert marked.loc[d, "duplicate_of"] == "b_syndicated"
        assert 0.3 < marked.loc[d, "duplicate_similarity"] <= 1.0
    assert set(marked.duplicate_cluster.dropna()) == {"b_syndicated"}
    for d in ("e_other", "f_third", "g_short"):
        assert marked.loc[d, "duplicate_cluster"] is None and marked.loc[d, "duplicate_of"] is None


def test_without_dates_the_smallest_doc_id_represents_the_cluster(copies):
    marked = mark_duplicates(copies.assign(published=None)).set_index("doc_id")
    assert marked.loc["b_syndicated", "duplicate_of"] == "a_original"


def test_drop_duplicates_keeps_one_article_per_story(copies):
    kept = drop_duplicates(mark_duplicates(copies))
    assert sorted(kept.doc_id) == ["b_syndicated", "e_other", "f_third", "g_short"]
    assert sorted(drop_duplicates(copies).doc_id) == sorted(kept.doc_id)  # marks first when needed


def test_a_stricter_threshold_leaves_the_edited_copies_out(copies):
    pairs = find_duplicates(copies, threshold=0.95, containment=1.01)
    assert set(zip(pairs.doc_id, pairs.other_id, strict=True)) <= {("a_original", "b_syndicated")}


def test_band_codes_are_the_bucket_pairs_of_every_bucket():
    rng = np.random.default_rng(3)
    rows = np.sort(rng.choice(10_000, size=600, replace=False))
    key = rng.integers(0, 40, size=len(rows)).astype(np.uint64)  # buckets of ~15 rows
    key[rng.choice(len(rows), size=150, replace=False)] = 99  # one big bucket: a chain, not all pairs
    expected = set()
    for k in np.unique(key):
        expected.update(bucket_pairs(sorted(rows[key == k].tolist())))
    codes = band_codes(key, rows)
    got = set(zip((codes >> 32).tolist(), (codes & 0xFFFFFFFF).tolist(), strict=True))
    assert len(codes) == len(got) == len(expected)
    assert got == expected
    assert all(i < j for i, j in got)


def test_signatures_made_in_worker_processes_equal_those_made_here(copies):
    texts = copies["text"].tolist() * 3
    here, counts = signatures(texts)
    there, counts_there = signatures_in_parallel(texts, workers=2, batch=4)
    assert np.array_equal(here, there) and np.array_equal(counts, counts_there)
    assert counts[-1] == 0 and counts[0] > 0  # "Too short." has no shingle


def test_marking_from_given_signatures_is_marking_from_the_texts(copies):
    signed = signatures(copies["text"].tolist())
    assert mark_duplicates(copies, signed=signed).equals(mark_duplicates(copies))
