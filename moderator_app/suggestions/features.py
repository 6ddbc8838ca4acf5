"""Character n-gram features of the normalised text, over a vocabulary learned from the training set.

Why not scikit-learn's vectorisers: their per-n-gram Python generators made inference ~250 µs a post, under the
5,000 posts/s bar; slicing the n-grams and looking them up in a dict is three times faster. N-grams never seen
in training are dropped (a linear model has no weight for them anyway), so the vocabulary stays small.

The vocabulary is stored in the model file as UTF-32 code points plus lengths (NumPy's fixed-width strings
would drop trailing NULs, and a post may contain anything).
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

from moderator_app.suggestions.normalise import normalise_text


def ngrams(text: str) -> list[str]:
    """Every 1-, 2- and 3-gram (built with ``map`` and ``+``: twice as fast as slicing in a comprehension)."""
    pairs = list(map(operator.add, text, text[1:]))
    return [*text, *pairs, *map(operator.add, pairs, text[2:])]


class CharNgrams:
    def __init__(self, vocabulary: Sequence[str]) -> None:
        self.vocabulary = list(vocabulary)
        self._index = {gram: i + 1 for i, gram in enumerate(self.vocabulary)}  # +1: filter(None, ...) drops misses

    def __len__(self) -> int:
        return len(self.vocabulary)

    @classmethod
    def fit(cls, texts: Iterable[str], min_df: int = 2) -> tuple[CharNgrams, np.ndarray]:
        """The vocabulary (n-grams in at least ``min_df`` texts) and each one's document frequency."""
        frequency: Counter[str] = Counter()
        for text in texts:
            frequency.update(set(ngrams(normalise_text(text))))
        kept = sorted(gram for gram, count in frequency.items() if count >= min_df)
        return cls(kept), np.array([frequency[gram] for gram in kept], dtype=np.float64)

    def counts(self, texts: Sequence[str], *, normalised: bool = False) -> sparse.csr_matrix:
        """Sublinear term frequencies, log(1 + count), one row per text (``normalised``: already normalised)."""
        lookup = self._index.get
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            indices.extend(filter(None, map(lookup, ngrams(text if normalised else normalise_text(text)))))
            indptr.append(len(indices))
        matrix = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), np.array(indices, dtype=np.int32) - 1,
                                    np.array(indptr, dtype=np.int64)), shape=(len(texts), len(self)))
        matrix.sum_duplicates()
        matrix.data = np.log1p(matrix.data)
        return matrix

    def to_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        joined = "".join(self.vocabulary).encode("utf-32-le", "surrogatepass")
        return (np.frombuffer(joined, dtype=np.uint32).copy(),
                np.array([len(g) for g in self.vocabulary], dtype=np.int32))

    @classmethod
    def from_arrays(cls, code_points: np.ndarray, lengths: np.ndarray) -> CharNgrams:
        if code_points.dtype != np.uint32 or lengths.ndim != 1 or int(lengths.sum()) != code_points.size:
            raise ValueError("vocabulary arrays do not match")
        joined = code_points.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
        ends = np.cumsum(lengths)
        return cls([joined[end - length:end] for end, length in zip(ends.tolist(), lengths.tolist(), strict=True)])
