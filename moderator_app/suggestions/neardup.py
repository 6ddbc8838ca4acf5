"""Near-duplicate memory: MinHash signatures of character 3-grams (``datasketch``) in an LSH index.

Posts already decided are added; a new post close to one of them inherits that decision's categories as a
suggestion ("decided as 10.6 on 2026-11-02 by lead1"). ``cluster`` groups near-duplicates in the queue so one
decision can cover them all. Shingles come from the normalised text with every non-word character removed,
so a copy with other punctuation, traditional characters or inserted separators is still the same text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from moderator_app.core.models import CategoryId
from moderator_app.suggestions.normalise import normalise_text

NUM_PERM = 64
SHINGLE = 3
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard similarity of the 3-gram sets
_SCHEME = "affine32"
_NON_WORD = re.compile(r"[\W_]+")
_BASE = np.uint64(0x110000)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio: spreads the codes over the high bits

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH


def _new_index(threshold: float) -> MinHashLSH:
    # datasketch imports scipy.integrate (a third of a second): only once posts are actually compared, so the
    # workstation shows its first post without waiting for it.
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM)


@dataclass(frozen=True, slots=True)
class DecidedPost:
    post_id: str
    text: str
    categories: tuple[CategoryId, ...]  # () for "no violation"
    decided_by: str
    decided_at: datetime
    kind: str = ""


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    decided: DecidedPost
    similarity: float


def _shingle_hashes(core: str) -> list[int]:
    """32-bit hashes of the distinct character 3-grams (the whole text when shorter), computed with NumPy: each
    3-gram is its code points in base 0x110000, mixed by a multiplicative hash. Hashing 3-gram strings one by one
    in Python cost most of the 200 µs a signature took."""
    points = np.frombuffer(core.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    if points.size < SHINGLE:
        points = np.concatenate([np.zeros(SHINGLE - points.size, dtype=np.uint64), points])
    codes = (points[:-2] * _BASE + points[1:-1]) * _BASE + points[2:]
    return ((np.unique(codes) * _GOLDEN) >> np.uint64(32)).tolist()  # type: ignore[no-any-return]


class _Signer:
    """MinHash signatures with one shared set of permutations (drawing them per post costs 100 µs)."""

    def __init__(self) -> None:
        from datasketch import MinHash  # see _new_index

        self._minhash = MinHash
        self._template = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=_SCHEME)

    def sign(self, text: str, *, normalised: bool = False) -> MinHash | None:
        """None when the text has nothing to compare (empty after normalisation)."""
        core = _NON_WORD.sub("", text if normalised else normalise_text(text))
        if not core:
            return None
        signature = self._minhash(num_perm=NUM_PERM, hashfunc=int, permutations=self._template.permutations,
                                  scheme=_SCHEME)
        signature.update_batch(_shingle_hashes(core))
        return signature


class NearDuplicateMemory:
    """Decided posts, searchable by similarity. Thread-safe: decisions are added while suggestions are read."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._index: tuple[_Signer, MinHashLSH] | None = None  # made when the first post is remembered
        self._posts: dict[str, tuple[DecidedPost, MinHash]] = {}
        self._lock = threading.Lock()

    def _signer_and_index(self) -> tuple[_Signer, MinHashLSH]:
        with self._lock:
            if self._index is None:
                self._index = (_Signer(), _new_index(self.threshold))
            return self._index

    def __len__(self) -> int:
        return len(self._posts)

    def add(self, decided: DecidedPost) -> None:
        """Remember a decision; a later decision on the same post replaces the earlier one."""
        signer, index = self._signer_and_index()
        signature = signer.sign(decided.text)
        with self._lock:
            if decided.post_id in self._posts:
                index.remove(decided.post_id)
                del self._posts[decided.post_id]
            if signature is not None:
                index.insert(decided.post_id, signature)
                self._posts[decided.post_id] = (decided, signature)

    def similar(self, text: str, *, limit: int = 3, exclude: str | None = None,
                normalised: bool = False) -> list[NearDuplicate]:
        """Decided posts whose estimated similarity to ``text`` reaches the threshold, most similar first
        (``normalised``: ``text`` is already normalised)."""
        if not self._posts:  # nothing decided yet: nothing to sign the text for
            return []
        signer, index = self._signer_and_index()
        signature = signer.sign(text, normalised=normalised)
        if signature is None:
            return []
        with self._lock:
            candidates = [self._posts[key] for key in index.query(signature) if key != exclude]
        found = [NearDuplicate(decided, float(signature.jaccard(other))) for decided, other in candidates]
        found = [f for f in found if f.similarity >= self.threshold]
        found.sort(key=lambda f: -f.similarity)
        return found[:limit]


def cluster(posts: Sequence[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD) -> list[list[str]]:
    """Group near-duplicate posts, given as (post_id, text) in queue order. Returns the groups of two or more,
    each in queue order, ordered by their first member's position; a post belongs to at most one group."""
    signer = _Signer()
    lsh = _new_index(threshold)
    signatures: dict[str, MinHash] = {}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    order = {post_id: i for i, (post_id, _text) in enumerate(posts)}
    for post_id, text in posts:
        if post_id in signatures:
            continue
        signature = signer.sign(text)
        if signature is None:
            continue
        parent[post_id] = post_id
        for other in lsh.query(signature):
            if signature.jaccard(signatures[other]) >= threshold:
                a, b = root(post_id), root(other)
                if a != b:
                    parent[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
        lsh.insert(post_id, signature)
        signatures[post_id] = signature
    groups: dict[str, list[str]] = {}
    for post_id in signatures:
        groups.setdefault(root(post_id), []).append(post_id)
    result = [sorted(members, key=order.__getitem__) for members in groups.values() if len(members) > 1]
    result.sort(key=lambda members: order[members[0]])
    return result
