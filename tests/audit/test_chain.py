"""Canonical bytes: the fast path equals RFC 8785 exactly; what cannot be canonicalised is refused clearly."""

from __future__ import annotations

import random

import pytest
import rfc8785

from moderator_app.audit.chain import canonical, envelope_of
from moderator_app.audit.synthetic import fast_canonical, synthetic_events
from moderator_app.core.errors import UsageError

AWKWARD = ["", "赌博网站", "a\u2028b\u2029", 'quote " back \\ slash', "\x00\x01\x1f\x7f", "tab\tnew\nline\r",
           "😀 emoji", "\ufeffbom", "ｶﾀｶﾅ", "\u05d0\u202eRTL", "<script>alert(1)</script>"]


def _random_value(rng: random.Random, depth: int = 0) -> object:
    choice = rng.randrange(7 if depth < 3 else 4)
    if choice == 0:
        return rng.choice(AWKWARD) + str(rng.randrange(100))
    if choice == 1:
        return rng.choice([0, -1, 2**53 - 1, -(2**53 - 1), rng.randrange(-10**9, 10**9)])
    if choice == 2:
        return rng.choice([True, False, None])
    if choice == 3:
        return rng.choice(AWKWARD)
    if choice in (4, 5):
        return {rng.choice([*AWKWARD[:4], "z", "A", "é", "\uff61", "key"]) + str(i): _random_value(rng, depth + 1)
                for i in range(rng.randrange(4))}
    return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]


def test_fast_path_equals_rfc8785_on_awkward_values() -> None:
    rng = random.Random(8785)
    for _ in range(3000):
        value = {"body": _random_value(rng), "v": 1}
        assert canonical(value) == rfc8785.dumps(value)


def test_values_outside_the_fast_path_still_follow_rfc8785() -> None:
    value = {"\U0001f600": 1, "\uff61": 2, "ratio": 0.5, "float": 1.0}
    assert canonical(value).index("😀".encode()) < canonical(value).index("｡".encode())  # UTF-16 order
    assert canonical(value) == rfc8785.dumps(value)


def test_big_integers_are_refused_not_rounded() -> None:
    with pytest.raises(UsageError, match="cannot be canonicalised"):
        canonical({"post_id": 123456789012345678})


def test_generated_history_is_rfc8785() -> None:
    for event in synthetic_events(3000, seed=7):
        value = envelope_of(event, "main")
        assert fast_canonical(value) == rfc8785.dumps(value)
