"""The deterministic demo data (moderator_app.demo_platform.demo_data): its shapes, its mix and its invariants.

Ported from the generator's own tests in the lexicon work (the timing check moved out: performance is measured
in benchmarks, not asserted here).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from typing import Any

import pytest

from moderator_app.demo_platform.demo_data import BASE_TIME, REASON_CODES, generate, generate_with_meta

Data = Any
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
ARTICLE_10 = {f"10.{i}" for i in range(1, 12)}
POLITICAL = {"10.1", "10.2", "10.3", "10.9", "10.10"}


@pytest.fixture(scope="module")
def generated() -> tuple[Data, Data]:
    return generate_with_meta(7, 2400)


@pytest.fixture
def data(generated: tuple[Data, Data]) -> Data:
    return generated[0]


@pytest.fixture
def meta(generated: tuple[Data, Data]) -> Data:
    return generated[1]


def ts(s: str) -> datetime:
    assert RFC3339.match(s), s
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")


def test_determinism(data: Data, meta: Data) -> None:
    a = json.dumps(generate(7, 2400), ensure_ascii=False, sort_keys=True)
    b = json.dumps(generate(7, 2400), ensure_ascii=False, sort_keys=True)
    assert a == b
    c = json.dumps(generate(8, 2400), ensure_ascii=False, sort_keys=True)
    assert a != c


def test_default_arguments(data: Data, meta: Data) -> None:
    assert json.dumps(generate(), sort_keys=True) == json.dumps(data, sort_keys=True)


def test_top_level_shape_and_plain_types(data: Data, meta: Data) -> None:
    d = data
    assert set(d) == {"authors", "posts", "reports", "flags", "author_history"}
    # JSON round trip proves plain dict/list/str/int only
    assert json.loads(json.dumps(d)) == d
    keys = {
        "authors": {"author_id", "display_name", "real_name", "registered_at"},
        "posts": {"post_id", "author_id", "text", "published_at", "url", "repost_count", "media", "true_categories"},
        "reports": {"report_id", "post_id", "reporter_id", "reason", "text", "reported_at"},
        "flags": {"post_id", "source", "flagged_at", "priority"},
        "author_history": {"author_id", "post_id", "decided_at", "kind", "categories"},
    }
    for name, expected in keys.items():
        assert d[name], name
        for row in d[name]:
            assert set(row) == expected, (name, row)


def test_counts(data: Data, meta: Data) -> None:
    d = data
    assert len(d["posts"]) == 2400
    assert 300 <= len(d["authors"]) <= 2400
    assert len(d["reports"]) >= 1000
    assert len(d["flags"]) >= 2400
    reporters = {r["reporter_id"] for r in d["reports"]}
    assert 200 <= len(reporters) <= 300
    small = generate(3, 150)
    assert len(small["posts"]) == 150


def test_id_formats(data: Data, meta: Data) -> None:
    d = data
    author_ids = [a["author_id"] for a in d["authors"]]
    assert len(set(author_ids)) == len(author_ids)
    assert all(re.fullmatch(r"u\d{10}", a) for a in author_ids)
    post_ids = [p["post_id"] for p in d["posts"]]
    hist_ids = [h["post_id"] for h in d["author_history"]]
    assert len(set(post_ids + hist_ids)) == len(post_ids) + len(hist_ids)
    assert all(re.fullmatch(r"[1-9]\d{18}", pid) for pid in post_ids + hist_ids)
    assert all(re.fullmatch(r"r\d{8}", r["reporter_id"]) for r in d["reports"])
    report_ids = [r["report_id"] for r in d["reports"]]
    assert len(set(report_ids)) == len(report_ids)
    known_authors = set(author_ids)
    known_posts = set(post_ids)
    for p in d["posts"]:
        assert p["author_id"] in known_authors
        assert p["url"] == f"https://weibo.example/{p['author_id']}/{p['post_id']}"
        assert isinstance(p["repost_count"], int) and p["repost_count"] >= 0
        for m in p["media"]:
            assert set(m) == {"media_id", "kind", "description"}
            assert m["kind"] in ("image", "video") and m["description"]
    for r in d["reports"]:
        assert r["post_id"] in known_posts
        assert r["reason"] in REASON_CODES
        assert isinstance(r["text"], str)
    for f in d["flags"]:
        assert f["post_id"] in known_posts
        assert f["source"] in ("user_report", "automated", "authority_request")
        assert f["priority"] in (1, 2, 3, 4, 5)
    for h in d["author_history"]:
        assert h["author_id"] in known_authors
        assert h["kind"] in ("remove", "restrict_author", "no_violation", "rumour_label")
        assert all(c in ARTICLE_10 for c in h["categories"])
        if h["kind"] == "no_violation":
            assert h["categories"] == []
        if h["kind"] == "rumour_label":
            assert h["categories"] == ["10.6"]


def test_timestamps_ordered(data: Data, meta: Data) -> None:
    d = data
    base = ts(BASE_TIME)
    pub = {p["post_id"]: ts(p["published_at"]) for p in d["posts"]}
    for t in pub.values():
        assert 0 < (base - t).total_seconds() <= 3 * 86400
    first_flag = {}
    for f in d["flags"]:
        t = ts(f["flagged_at"])
        assert pub[f["post_id"]] < t < base
        first_flag[f["post_id"]] = min(t, first_flag.get(f["post_id"], t))
    assert set(first_flag) == set(pub), "every post must be flagged"
    for r in d["reports"]:
        t = ts(r["reported_at"])
        assert pub[r["post_id"]] < first_flag[r["post_id"]] < t < base
    reg = {a["author_id"]: ts(a["registered_at"]) for a in d["authors"]}
    for p in d["posts"]:
        assert reg[p["author_id"]] < pub[p["post_id"]]
    for h in d["author_history"]:
        assert reg[h["author_id"]] < ts(h["decided_at"]) < base


def test_majority_ordinary_and_categories(data: Data, meta: Data) -> None:
    d = data
    posts = d["posts"]
    ordinary = sum(1 for p in posts if not p["true_categories"])
    assert ordinary / len(posts) >= 0.55
    cats = Counter(c for p in posts for c in p["true_categories"])
    assert set(cats) <= ARTICLE_10 - POLITICAL
    for c in ("10.4", "10.5", "10.6", "10.7", "10.8", "10.11"):
        assert cats[c] > 0, c
    small = generate(5, 300)
    assert sum(1 for p in small["posts"] if not p["true_categories"]) / 300 >= 0.55


def test_wrongly_reported_ordinary_posts(data: Data, meta: Data) -> None:
    d = data
    ordinary = {p["post_id"] for p in d["posts"] if not p["true_categories"]}
    reported = {r["post_id"] for r in d["reports"]}
    assert len(ordinary & reported) >= 0.25 * len(ordinary)


def test_reporters_mixed_accuracy(data: Data, meta: Data) -> None:
    d = data
    viol = {p["post_id"] for p in d["posts"] if p["true_categories"]}
    by = Counter()
    ordinary_by = Counter()
    for r in d["reports"]:
        by[r["reporter_id"]] += 1
        if r["post_id"] not in viol:
            ordinary_by[r["reporter_id"]] += 1
    heavy_false = [rid for rid, n in ordinary_by.items() if n >= 10]
    assert heavy_false, "expected some reporters who report ordinary posts a lot"
    accurate = [rid for rid, n in by.items() if n >= 5 and ordinary_by[rid] == 0]
    assert accurate, "expected some accurate reporters"


def test_clusters_evasion_hostile(data: Data, meta: Data) -> None:
    d, m = data, meta
    assert 5 <= len(m["clusters"]) <= 10
    assert all(3 <= len(c) <= 15 for c in m["clusters"])
    text = {p["post_id"]: p["text"] for p in d["posts"]}
    for c in m["clusters"]:
        texts = [text[pid] for pid in c]
        assert len(set(texts)) >= len(texts) - 1  # variations, not exact copies
    viol = [p for p in d["posts"] if p["true_categories"]]
    share = len(m["evasion_post_ids"]) / len(viol)
    assert 0.10 <= share <= 0.20, share
    all_text = "\n".join(text.values())
    hostile = ("<script>alert(1)</script>", '<img src="http://evil.example/x.png"', "\u202e", "\u200d", "\u200b", "<b>")
    for needle in hostile:
        assert needle in all_text, needle
    assert max(len(t) for t in text.values()) >= 5000
    assert any(ord(ch) > 0xFF00 for t in text.values() for ch in t)  # full-width evasion


def test_heavy_tailed_reposts(data: Data, meta: Data) -> None:
    reposts = sorted(p["repost_count"] for p in data["posts"])
    median = reposts[len(reposts) // 2]
    assert reposts[-1] >= 50 * max(1, median)


def test_reason_codes_exact(data: Data, meta: Data) -> None:
    assert len(REASON_CODES) == 17
    used = {r["reason"] for r in data["reports"]}
    assert used <= set(REASON_CODES)
