from __future__ import annotations

from datetime import UTC, datetime

import pytest

from moderator_app.core.decisions import (
    DECISIONS,
    REFERRAL_SHORTCUT,
    Decision,
    DecisionKind,
    validation_problems,
)
from moderator_app.core.models import CategoryId, PostId, UserId


def test_catalogue_covers_every_kind_with_distinct_letter_shortcuts() -> None:
    assert {spec.kind for spec in DECISIONS} == set(DecisionKind)
    keys = [spec.default_shortcut for spec in DECISIONS] + [REFERRAL_SHORTCUT]
    assert len(set(keys)) == len(keys)
    # digits are reserved for picking cited categories
    assert not any(key.isdigit() for key in keys)


def make(kind: DecisionKind, **kw: object) -> Decision:
    values: dict[str, object] = {
        "post_id": PostId("1"), "kind": kind, "categories": (), "note": "", "moderator": UserId("mod1"),
        "client_time": datetime(2026, 11, 30, tzinfo=UTC), "idempotency_key": "k",
    }
    values.update(kw)
    return Decision(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("decision", "problem"),
    [
        (make(DecisionKind.REMOVE), "Remove (stop) must cite at least one Article 10 category"),
        (make(DecisionKind.NO_VIOLATION, categories=(CategoryId("10.7"),)), "No violation cannot cite a category"),
        (make(DecisionKind.ESCALATE, note="  "), "Escalate to lead needs a note"),
        (make(DecisionKind.RESTRICT_AUTHOR, categories=(CategoryId("10.8"),), note="repeat"),
         "Restrict author needs a restriction of at least one day"),
        (make(DecisionKind.RUMOUR_LABEL, categories=(CategoryId("10.6"),)),
         "Rumour label needs a refutation text or link (Article 7(5))"),
    ],
)
def test_incomplete_decisions_say_what_is_missing(decision: Decision, problem: str) -> None:
    assert problem in validation_problems(decision)


def test_complete_decisions_have_no_problems() -> None:
    assert validation_problems(make(DecisionKind.NO_VIOLATION)) == []
    assert validation_problems(make(DecisionKind.REMOVE, categories=(CategoryId("10.7"),))) == []
    rumour = make(DecisionKind.RUMOUR_LABEL, categories=(CategoryId("10.6"),), refutation="https://gov.example/x")
    assert validation_problems(rumour) == []
