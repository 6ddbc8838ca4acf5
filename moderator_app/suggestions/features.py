"""Character 1-3-gram features of the normalised text, over a vocabulary learned from the training set.

Each n-gram is an integer: its code points in base 0x110000, offset by order (unigrams, then bigrams, then
trigrams), which fits in 64 bits. NumPy computes them for a whole post at once and ``searchsorted`` finds them in
the sorted vocabulary; no Python string is made per n-gram. (scikit-learn's vectorisers build and hash one
string per n-gram in Python: ~250 µs a 140-character post, under the 5,000 posts/s bar; this takes ~10 µs.)
N-grams never seen in training are dropped: a linear model has no weight for them anyway. The vocabulary is
stored in the model file as the sorted codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from moderator_app.suggestions.normalise import normalise_text

_BASE = np.uint64(0x110000)  # one more than the largest code point
_BIGRAMS = _BASE  # codes of bigrams start here
_TRIGRAMS = _BASE + _BASE * _BASE  # and of trigrams here; the largest code is below 2**61


def ngram_codes(text: str) -> np.ndarray:
    """The codes of every 1-, 2- and 3-gram of ``text`` (with repeats)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    bigrams = points[:-1] * _BASE + points[1:]
    trigrams = bigrams[:-1] * _BASE + points[2:]
    return np.concatenate([points, bigrams + _BIGRAMS, trigrams + _TRIGRAMS])


@dataclass(frozen=True, slots=True)
class NgramBatch:
    """The n-grams of a batch of normalised texts, computed once and shared by every model that scores or
    explains them (the starter and the team model): each occurrence's text, first character and width, and the
    batch's entries, one per distinct (n-gram, text) pair, ordered by n-gram code then text, with their counts.
    Vocabulary columns are ordered like the codes, so a model's TF-IDF matrix is built from the entries without
    sorting, and each occurrence finds its value through ``entry_of`` without a search."""

    lengths: np.ndarray  # characters per text
    offsets: np.ndarray  # where each text's occurrences start (len(texts) + 1)
    start: np.ndarray  # each occurrence's first character in its text
    width: np.ndarray  # 1, 2 or 3
    entry_of: np.ndarray  # each occurrence's entry
    distinct: np.ndarray  # the batch's distinct codes, sorted
    entry_code: np.ndarray  # each entry's index in ``distinct``
    entry_row: np.ndarray  # each entry's text
    entry_count: np.ndarray  # how often the entry's n-gram occurs in its text

    @classmethod
    def of(cls, texts: Sequence[str]) -> NgramBatch:
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        # a text of n characters has n unigrams, n - 1 bigrams and n - 2 trigrams, laid out in that order as in
        # ngram_codes; computed for the whole batch at once (per text, NumPy's call overhead was the cost)
        sizes = lengths + np.maximum(lengths - 1, 0) + np.maximum(lengths - 2, 0)
        offsets = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
        local = np.arange(int(offsets[-1]), dtype=np.int64) - offsets[:-1][rows]
        n = lengths[rows]
        start = np.where(local < n, local, np.where(local < 2 * n - 1, local - n, local - (2 * n - 1)))
        width = np.where(local < n, 1, np.where(local < 2 * n - 1, 2, 3))
        points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
        at = np.concatenate(([0], np.cumsum(lengths)))[:-1][rows] + start  # first character, in the joined text
        codes = points[at]
        two, three = width >= 2, width == 3
        codes[two] = codes[two] * _BASE + points[at[two] + 1] + _BIGRAMS
        codes[three] = (codes[three] - _BIGRAMS) * _BASE + points[at[three] + 2] + _TRIGRAMS
        # look up each distinct code once, in sorted order: 2-3x faster than searching the raw codes of a batch
        distinct, back = np.unique(codes, return_inverse=True)
        key = back.ravel().astype(np.int64) * max(len(texts), 1) + rows
        order = np.argsort(key)
        ordered = key[order]
        first = np.ones(ordered.size, dtype=bool)
        first[1:] = ordered[1:] != ordered[:-1]
        entry_of = np.empty(ordered.size, dtype=np.int64)
        entry_of[order] = np.cumsum(first) - 1
        starts = np.flatnonzero(first)
        entry_key = ordered[starts]
        return cls(lengths, offsets, start, width, entry_of, distinct, entry_key // max(len(texts), 1),
                   entry_key % max(len(texts), 1), np.diff(np.append(starts, ordered.size)))

    def __len__(self) -> int:
        return int(self.lengths.size)


class CharNgrams:
    def __init__(self, vocabulary: np.ndarray) -> None:
        self.vocabulary = np.asarray(vocabulary, dtype=np.uint64)  # sorted, unique

    def __len__(self) -> int:
        return int(self.vocabulary.size)

    @classmethod
    def fit(cls, texts: Iterable[str], min_df: int = 2) -> tuple[CharNgrams, np.ndarray]:
        """The vocabulary (n-grams in at least ``min_df`` texts) and each one's document frequency."""
        per_text = [np.unique(ngram_codes(normalise_text(text))) for text in texts]
        if not per_text:
            return cls(np.zeros(0, dtype=np.uint64)), np.zeros(0)
        codes, frequency = np.unique(np.concatenate(per_text), return_counts=True)
        kept = frequency >= min_df
        return cls(codes[kept]), frequency[kept].astype(np.float64)

    def counts(self, texts: Sequence[str], *, normalised: bool = False) -> sparse.csr_matrix:
        """Sublinear term frequencies, log(1 + count), one row per text (``normalised``: already normalised)."""
        batch = NgramBatch.of([text if normalised else normalise_text(text) for text in texts])
        columns = self.entry_columns(batch)
        known = columns >= 0
        return sparse.csr_matrix((np.log1p(batch.entry_count[known]).astype(np.float32),
                                  (batch.entry_row[known], columns[known])), shape=(len(batch), len(self)))

    def entry_columns(self, batch: NgramBatch) -> np.ndarray:
        """Each entry's vocabulary column, -1 for n-grams not in the vocabulary (ascending where known)."""
        if not len(self) or not batch.distinct.size:
            return np.full(batch.entry_code.size, -1, dtype=np.int64)
        found = np.minimum(np.searchsorted(self.vocabulary, batch.distinct), len(self) - 1)
        columns: np.ndarray = np.where(self.vocabulary[found] == batch.distinct, found, -1)[batch.entry_code]
        return columns
