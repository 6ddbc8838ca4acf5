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
        per_text = [ngram_codes(text if normalised else normalise_text(text)) for text in texts]
        shape = (len(texts), len(self))
        if not per_text or not len(self):
            return sparse.csr_matrix(shape, dtype=np.float32)
        codes = np.concatenate(per_text)
        rows = np.repeat(np.arange(len(texts)), [c.size for c in per_text])
        # look up each distinct code once, in sorted order: 2-3x faster than searching the raw codes of a batch
        distinct, back = np.unique(codes, return_inverse=True)
        found = np.minimum(np.searchsorted(self.vocabulary, distinct), len(self) - 1)
        columns, known = found[back], (self.vocabulary[found] == distinct)[back]
        matrix = sparse.csr_matrix((np.ones(int(known.sum()), dtype=np.float32), (rows[known], columns[known])),
                                   shape=shape)  # duplicates are summed
        matrix.data = np.log1p(matrix.data)
        return matrix
