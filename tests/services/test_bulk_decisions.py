"""Reading a lead's decision CSV: every bad row is named, with its column; good rows get stable keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.errors import UsageError
from moderator_app.services.bulk_decisions import BadRows, read_decision_csv, render_problems

HEADER = "post_id,kind,categories,note,restriction_days,refutation\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "decisions.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_good_rows_become_decisions_with_deterministic_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + HEADER + "11,remove,10.7;10.11,赌博广告,,\n12,no_violation,,误报,,\n"
                 "13,restrict_author,10.8,辱骂,30,\n14,rumour_label,10.6,,,https://piyao.example/1\n")
    decisions = read_decision_csv(path, "lead1")
    assert [d.kind for d in decisions] == [DecisionKind.REMOVE, DecisionKind.NO_VIOLATION,
                                           DecisionKind.RESTRICT_AUTHOR, DecisionKind.RUMOUR_LABEL]
    assert decisions[0].categories == ("10.7", "10.11") and decisions[2].restriction_days == 30
    assert all(d.moderator == "lead1" for d in decisions)
    again = read_decision_csv(path, "lead1")
    assert [d.idempotency_key for d in again] == [d.idempotency_key for d in decisions]
    assert len({d.idempotency_key for d in decisions}) == 4


def test_each_bad_row_is_one_line_naming_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "11,delete,10.7,x,,\n12,remove,10.99,,,\n13,no_violation,10.7,,,\n"
                 "13,remove,,x,,\n,remove,10.7,x,,\n15,restrict_author,10.8,,abc,\n16,remove,10.7,fine,,\n")
    with pytest.raises(BadRows) as bad:
        read_decision_csv(path, "lead1")
    lines = render_problems(bad.value.source, bad.value.problems)
    assert str(bad.value) == f"6 bad rows in {path}; nothing was sent"
    assert lines == [
        f"{path}:2: column kind: unknown decision kind 'delete' (known: no_violation, remove, restrict_author, "
        "rumour_label, escalate)",
        f"{path}:3: column categories: unknown category id '10.99' in policy pack beijing-2011 (known: 10.1, 10.2, "
        "10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9, 10.10, 10.11)",
        f"{path}:4: column categories: No violation cannot cite a category",
        f"{path}:5: column post_id: post 13 appears twice (first on line 4); column categories: Remove (stop) must "
        "cite at least one Article 10 category",
        f"{path}:6: column post_id: not a post id: ''",
        f"{path}:7: column restriction_days: not a whole number of days: 'abc'; column note: Restrict author "
        "needs a note",
    ]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("post_id,kind\n1,remove\n", "missing columns categories, note"),
        (HEADER, "has no rows"),
        ("", "missing columns"),
    ],
)
def test_unusable_files_are_one_clear_error(tmp_path: Path, content: str, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        read_decision_csv(write(tmp_path, content), "lead1")


def test_not_utf8_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"is not UTF-8 text \(byte \d+\); save it as CSV UTF-8"):
        read_decision_csv(write(tmp_path, HEADER + "1,remove,10.7,赌博,,\n", encoding="gb18030"), "lead1")
    with pytest.raises(UsageError, match="cannot read"):
        read_decision_csv(tmp_path / "absent.csv", "lead1")
