"""Duplicates: syndicated and rewritten copies of one story across the corpus.

News corpora are full of copies: one agency story republished by a dozen outlets, each with its
own furniture, a changed opening line, a cut last paragraph. Counting each copy as a separate
article inflates every count. This stage finds them without comparing all texts pairwise:

1. each article's clean text (``corpus.text``) becomes a set of word shingles (every run of
   :data:`SHINGLE_WORDS` consecutive words, case-folded);
2. the set is summarised by a MinHash signature of :data:`NUM_PERM` 32-bit values (the share of
   values two signatures agree on estimates the Jaccard similarity of the two sets; Broder 1997),
   made by one-permutation hashing with densification (:func:`signatures`), kept as one compact
   ``uint32`` matrix;
3. locality-sensitive hashing by banding (:data:`BANDS` bands of :data:`ROWS` values; Leskovec,
   Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3) gives the pairs likely to be similar,
   found by sorting each band's hash, never by comparing all pairs; only those pairs are checked;
4. a pair is a copy when its estimated Jaccard similarity is at least ``threshold`` (default
   :data:`THRESHOLD`), or when the shorter text is nearly contained in the longer one
   (estimated containment at least :data:`CONTAINMENT`: a copy cut short);
5. copies are joined into clusters (connected components); each cluster's representative is
   its earliest-published article (then the smallest ``doc_id``).

Exact copies of lines that the cleaner's template pass handles (an outlet's repeated furniture)
are a different matter and are left as they are.

Example:
    >>> corpus = mark_duplicates(corpus)                   # doctest: +SKIP
    >>> corpus[["doc_id", "duplicate_of", "duplicate_similarity"]]   # doctest: +SKIP
    >>> drop_duplicates(corpus)                            # one article per story  # doctest: +SKIP
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

__all__ = ["mark_duplicates", "drop_duplicates", "find_duplicates", "signatures", "signatures_in_parallel",
           "band_keys", "band_codes", "bucket_pairs",
           "check_pairs", "clusters", "DUPLICATE_COLUMNS"]

#: Columns :func:`mark_duplicates` adds to the corpus table.
DUPLICATE_COLUMNS = ("duplicate_of", "duplicate_cluster", "duplicate_similarity")
#: Words per shingle: long enough that two different stories on one topic share few of them.
SHINGLE_WORDS = 5
#: MinHash signature length (the Jaccard estimate's standard error is about 0.5/sqrt(NUM_PERM)).
NUM_PERM = 128
#: Estimated Jaccard similarity of shingle sets at which two articles are copies.
THRESHOLD = 0.5
#: Estimated share of the shorter article's shingles found in the longer one at which it is a copy.
CONTAINMENT = 0.8
_SEED = 1


#: ASCII punctuation, turned into spaces (in the UTF-8 bytes) before words are split.
_PUNCT = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
_CACHE_LIMIT = 1_000_000


def shingle_hashes(text: str, *, k: int = SHINGLE_WORDS, cache: dict | None = None) -> np.ndarray:
    """The 32-bit hashes of the ``k``-word shingles of a text, in text order (empty if it has fewer words).

    A shingle that repeats gives its hash again: the minimum of a hash function over them is the
    same as over the distinct ones, and news text rarely repeats five words, so their number
    stands for the set's size (in the containment estimate) without sorting them.

    Words are the case-folded text split on spaces and ASCII punctuation; each word is hashed
    with CRC-32 (``cache`` keeps the hash of each word seen, for a batch of texts) and a
    shingle's hash combines its words' (so the result does not depend on the process).
    """
    words = text.casefold().encode("utf-8").translate(_PUNCT).split()
    n = len(words) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    cache = {} if cache is None else cache
    for w in set(words).difference(cache):
        cache[w] = zlib.crc32(w)
    wh = np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * np.uint64(1_000_003) + wh[j:j + n]
    return (h ^ (h >> np.uint64(29))) & np.uint64(0xFFFFFFFF)


#: Bands x rows of the LSH index (BANDS * ROWS <= NUM_PERM): a pair of Jaccard similarity s
#: becomes a candidate with probability 1 - (1 - s**ROWS)**BANDS: 0.68 at 0.3, 0.94 at 0.4, 0.996 at 0.5.
BANDS, ROWS = 42, 3
_SHIFT = np.uint64(32)
#: Buckets larger than this are linked as a chain, not as every pair (a bucket that big is one story).
_BIG_BUCKET = 100


_BIN_BITS = NUM_PERM.bit_length() - 1  # NUM_PERM is a power of two: the top bits of a hash pick its bin
_VALUE_BITS = 32 - _BIN_BITS
_EMPTY = np.uint32(0xFFFFFFFF)


def signatures(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures of texts by one-permutation hashing: ``(signatures, shingle counts)``.

    Each shingle hash is mixed once (multiply-shift, ``a`` odd); its top bits pick one of
    :data:`NUM_PERM` bins and the rest is its value; a bin's signature value is the smallest
    value that fell in it (Li, Owen & Zhang 2012: one hash function instead of NUM_PERM). An
    empty bin takes the value of the next non-empty bin to its right, marked by the distance
    (rotation densification, Shrivastava & Li 2014), so that two signatures agree on a bin with a
    probability equal to the Jaccard similarity of their sets. One sort per text, no
    ``shingles x NUM_PERM`` matrix.

    Returns:
        A ``(len(texts), NUM_PERM)`` ``uint32`` matrix and each text's number of shingles
        (0: no signature; its row is all ``2**32 - 1``).
    """
    a, b = np.uint64(0x9E3779B97F4A7C15), np.uint64(0x632BE59BD9B4E019)
    sigs = np.full((len(texts), NUM_PERM), _EMPTY, dtype=np.uint32)
    counts = np.zeros(len(texts), dtype=np.int64)
    cache: dict[bytes, int] = {}
    bins_all = np.arange(NUM_PERM)
    for i, text in enumerate(texts):
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        hv = shingle_hashes(text or "", cache=cache)
        if not len(hv):
            continue
        with np.errstate(over="ignore"):
            x = np.sort(((hv * a + b) >> _SHIFT).astype(np.uint32))
        bins = x >> np.uint32(_VALUE_BITS)
        first = np.r_[True, bins[1:] != bins[:-1]]  # sorted: the first of a bin is its smallest
        row = np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
        row[bins[first]] = x[first] & np.uint32((1 << _VALUE_BITS) - 1)
        filled = row != _EMPTY
        if not filled.all():  # rotation: the next filled bin to the right, plus the distance
            idx = np.flatnonzero(filled)
            nxt = idx[np.searchsorted(idx, bins_all) % len(idx)]
            dist = (nxt - bins_all) % NUM_PERM
            row = np.where(filled, row, row[nxt] + (dist.astype(np.uint32) << np.uint32(_VALUE_BITS)))
        sigs[i] = row
        counts[i] = len(hv)
    return sigs, counts


def _signature_batch(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return signatures(texts)


def signatures_in_parallel(texts: list[str], *, workers: int | None = None,
                           batch: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """:func:`signatures`, made in batches by :func:`kzru_lib.parallel.map_batches` (same result).

    ``workers``: as for ``map_batches``; ``None``: every CPU from 1,000 texts on, else one.
    """
    from .parallel import default_workers, map_batches

    workers = workers if workers is not None else default_workers(len(texts))
    parts = list(map_batches(_signature_batch, [texts[k:k + batch] for k in range(0, len(texts), batch)],
                             workers=workers))
    if not parts:
        return np.full((0, NUM_PERM), _EMPTY, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per LSH band of each signature: ``(len(sigs), BANDS)`` ``uint64``.

    Two signatures that agree on all :data:`ROWS` values of a band have the same key there.
    """
    keys = np.empty((len(sigs), BANDS), dtype=np.uint64)
    for band in range(BANDS):
        cols = sigs[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
        key = cols[:, 0]
        for j in range(1, ROWS):
            key = key * np.uint64(0x100000001B3) ^ cols[:, j]
        keys[:, band] = key
    return keys


def bucket_pairs(members: list) -> list[tuple]:
    """The candidate pairs of one LSH bucket (``members`` sorted): every pair, or a chain for a big bucket."""
    if len(members) <= _BIG_BUCKET:
        return [(x, y) for k, x in enumerate(members) for y in members[k + 1:]]
    return list(zip(members, members[1:], strict=False))


def band_codes(key: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The candidate pairs of one LSH band as ``int64`` codes ``(i << 32) | j`` (``i < j``), unsorted.

    ``key`` is the band's key of each row in ``rows`` (ascending row numbers). Rows with the
    same key form a bucket; its pairs are those of :func:`bucket_pairs` (every pair, or a chain
    for a big bucket), made with array operations, one step per bucket size.
    """
    order = np.argsort(key, kind="stable")  # stable: a bucket's rows stay in ascending order
    sorted_key, members = key[order], rows[order].astype(np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    out = [np.empty(0, dtype=np.int64)]
    small = (sizes > 1) & (sizes <= _BIG_BUCKET)
    for size in np.unique(sizes[small]).tolist():
        a, b = np.triu_indices(size, 1)
        first = starts[small & (sizes == size)][:, None]
        out.append(((members[first + a] << 32) | members[first + b]).ravel())
    for start, size in zip(starts[sizes > _BIG_BUCKET].tolist(), sizes[sizes > _BIG_BUCKET].tolist(), strict=True):
        chain = members[start:start + size]
        out.append((chain[:-1] << 32) | chain[1:])
    return np.concatenate(out)


def check_pairs(cand: np.ndarray, sig_i: np.ndarray, sig_j: np.ndarray, n_i: np.ndarray, n_j: np.ndarray,
                threshold: float, containment: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which candidate pairs are copies: ``(keep, estimated Jaccard, estimated containment)``.

    ``sig_i``/``sig_j`` are the two sides' signatures (rows aligned with ``cand``), ``n_i``/``n_j``
    their shingle counts.
    """
    jac = np.empty(len(cand))
    for k in range(0, len(cand), 20_000):  # compared in chunks: bounded memory
        jac[k:k + 20_000] = (sig_i[k:k + 20_000] == sig_j[k:k + 20_000]).mean(axis=1)
    shared = jac / (1 + jac) * (n_i + n_j)  # |A ∩ B| from |A ∪ B| = |A| + |B| - |A ∩ B|
    cont = np.minimum(1.0, shared / np.maximum(1, np.minimum(n_i, n_j)))
    return (jac >= threshold) | (cont >= containment), jac, cont


def clusters(pairs, published: dict, similarity) -> tuple[dict, dict]:
    """Clusters of copies from the pairs found: ``({doc_id: representative}, {copy: similarity})``.

    Args:
        pairs: ``(doc_id, other_id)`` pairs of copies.
        published: ``{doc_id: ISO date}`` (missing or ``None``: unknown).
        similarity: ``similarity(copy, representative)``: estimated Jaccard similarity.

    The representative of a cluster (connected component) is its earliest-published member
    (unknown dates last), then the smallest ``doc_id``.
    """
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    seen: set[str] = set()
    for a, b in pairs:
        seen.update((a, b))
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = {}
    for doc_id in seen:
        members.setdefault(root(doc_id), []).append(doc_id)
    rep_of: dict[str, str] = {}
    sims: dict[str, float] = {}
    for group in members.values():
        rep = min(group, key=lambda d: (published.get(d) is None, published.get(d) or "", d))
        for d in group:
            rep_of[d] = rep
            if d != rep:
                sims[d] = round(float(similarity(d, rep)), 3)
    return rep_of, sims


def find_duplicates(corpus: pd.DataFrame, *, threshold: float = THRESHOLD,
                    containment: float = CONTAINMENT) -> pd.DataFrame:
    """The pairs of articles that are copies of one another (LSH candidates, checked on signatures).

    Args:
        corpus: the corpus table (uses ``doc_id`` and ``text``).
        threshold: estimated Jaccard similarity of the shingle sets from which a pair is a copy.
        containment: estimated share of the shorter text's shingles in the longer one from which
            a pair is a copy (a copy cut short).

    Returns:
        Columns ``doc_id``, ``other_id`` (``doc_id < other_id``), ``similarity`` (estimated
        Jaccard: the share of signature values the two agree on), ``containment`` (estimated);
        sorted by ``doc_id``, ``other_id``.
    """
    return _pairs(corpus, threshold, containment)[0]


def _pairs(corpus: pd.DataFrame, threshold: float, containment: float,
           signed: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`find_duplicates` and the signatures it compared (``signed``: made already, in row order)."""
    ids = corpus["doc_id"].tolist()
    sigs, counts = signed if signed is not None else signatures(corpus["text"].tolist())
    rows_signed = np.flatnonzero(counts > 0)
    keys = band_keys(sigs[rows_signed]) if len(rows_signed) > 1 else np.empty((0, BANDS), dtype=np.uint64)
    found = [np.empty(0, dtype=np.int64)]
    for band in range(keys.shape[1]):  # one band's pairs at a time: a pair found in several is checked again
        codes = np.unique(band_codes(keys[:, band], rows_signed))
        for k in range(0, len(codes), 200_000):
            i, j = codes[k:k + 200_000] >> 32, codes[k:k + 200_000] & 0xFFFFFFFF
            keep = check_pairs(i, sigs[i], sigs[j], counts[i], counts[j], threshold, containment)[0]
            found.append(codes[k:k + 200_000][keep])
    kept = np.unique(np.concatenate(found))
    cand = np.stack([kept >> 32, kept & 0xFFFFFFFF], axis=1)
    _, jac, cont = check_pairs(cand, sigs[cand[:, 0]], sigs[cand[:, 1]], counts[cand[:, 0]],
                               counts[cand[:, 1]], threshold, containment)
    rows = []
    for (i, j), sim, con in zip(cand.tolist(), jac.tolist(), cont.tolist(), strict=True):
        a, b = sorted((ids[i], ids[j]))
        rows.append({"doc_id": a, "other_id": b, "similarity": round(sim, 3), "containment": round(con, 3)})
    pairs = pd.DataFrame(rows, columns=["doc_id", "other_id", "similarity", "containment"])
    return pairs.sort_values(["doc_id", "other_id"], ignore_index=True), sigs


def mark_duplicates(corpus: pd.DataFrame, *, threshold: float = THRESHOLD,
                    containment: float = CONTAINMENT,
                    signed: tuple[np.ndarray, np.ndarray] | None = None) -> pd.DataFrame:
    """The corpus with its near-duplicate copies marked (a refiner: same table, three columns set).

    Args:
        corpus: the corpus table.
        threshold, containment: as for :func:`find_duplicates`.
        signed: the :func:`signatures` of ``corpus.text`` in row order, when made already
            (the folder reader makes them in its worker processes).

    Returns:
        The corpus with ``duplicate_cluster`` (the ``doc_id`` of the cluster's representative,
        for every member of a cluster of two or more; ``None`` for an article with no copy),
        ``duplicate_of`` (the representative's ``doc_id`` for the copies; ``None`` for the
        representative and for articles with no copy) and ``duplicate_similarity`` (estimated
        Jaccard similarity of a copy's shingles to the representative's; ``None`` otherwise).
        The representative is the earliest-published member (unknown dates last), then the
        smallest ``doc_id``.
    """
    corpus = corpus.copy()
    for col in DUPLICATE_COLUMNS:
        corpus[col] = pd.Series([None] * len(corpus), index=corpus.index, dtype=object)
    if len(corpus) < 2:
        return corpus
    pairs, sigs = _pairs(corpus, threshold, containment, signed)
    if pairs.empty:
        return corpus
    published = {d: p for d, p in zip(corpus["doc_id"], corpus["published"], strict=True)
                 if isinstance(p, str) and p} if "published" in corpus else {}
    position = {doc_id: i for i, doc_id in enumerate(corpus["doc_id"])}
    rep_of, sims = clusters(zip(pairs["doc_id"], pairs["other_id"], strict=True), published,
                            lambda d, rep: (sigs[position[d]] == sigs[position[rep]]).mean())
    ids = corpus["doc_id"]
    corpus["duplicate_cluster"] = pd.Series([rep_of.get(d) for d in ids], index=corpus.index, dtype=object)
    corpus["duplicate_of"] = pd.Series([rep_of[d] if d in rep_of and rep_of[d] != d else None for d in ids],
                                       index=corpus.index, dtype=object)
    corpus["duplicate_similarity"] = pd.Series([sims.get(d) for d in ids], index=corpus.index, dtype=object)
    return corpus


def drop_duplicates(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus without its copies: one article (the representative) per cluster.

    Uses the ``duplicate_of`` column of :func:`mark_duplicates` (marked first when missing).
    """
    if "duplicate_of" not in corpus.columns:
        corpus = mark_duplicates(corpus)
    kept = corpus[corpus["duplicate_of"].isna()].reset_index(drop=True)
    kept.attrs = dict(corpus.attrs)
    return kept
