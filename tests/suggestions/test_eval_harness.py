"""`make eval`'s harness without the data: a missing set is named with how to get it and skipped; the figures'
arithmetic on a tiny example. (The evaluation itself needs build/eval-data/ and is not part of `make test`.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import eval_data, eval_suggestions


def test_a_missing_set_is_named_with_how_to_get_it_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(eval_data, "CACHE", tmp_path)
    assert eval_suggestions.main(["roles", "telecom"]) == 0
    out = capsys.readouterr().out
    assert out.count("SKIPPED, missing") == 2
    assert "git -C /tmp/roles checkout 209013e6354064dc2b1102bb6d60206f3b89d059" in out
    assert "python benchmarks/eval_suggestions.py import telecom /tmp/telecom" in out
    assert eval_suggestions.main(["cold"]) == 2


def test_f1_and_false_positive_rate() -> None:
    gold = [("a", ("10.8",)), ("b", ("10.8",)), ("c", ()), ("d", ()), ("e", ())]
    predicted: list[set[str]] = [{"10.8"}, set(), {"10.8"}, {"10.7"}, set()]
    f1, fp = eval_suggestions.scores(gold, predicted)
    assert f1 == pytest.approx(0.5)  # tp 1, fp 1, fn 1
    assert fp == pytest.approx(2 / 3)  # any suggestion on an ordinary post counts


def test_halves_split_each_label_evenly() -> None:
    posts = [(f"v{i}", ("10.8",)) for i in range(40)] + [(f"o{i}", ()) for i in range(60)]
    train, test = eval_suggestions.stratified_halves(posts)
    assert len(train) == len(test) == 50 and not {t for t, _ in train} & {t for t, _ in test}
    assert sum(bool(c) for _t, c in train) == 20
