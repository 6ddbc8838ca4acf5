"""What a hold keeps in the outbox journal while a decision waits out its undo window, and which holds a process
that stopped (crash, kill) left behind."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import CategoryId, PostId
from moderator_app.services.outbox_journal import HeldRow, decision_from_json, decision_to_json


@dataclass(frozen=True, slots=True)
class HeldReview:
    """A blind second review's verdict in its undo window: it goes to the audit log only, never to the platform."""

    post_id: PostId
    kind: DecisionKind
    categories: tuple[CategoryId, ...]
    tasks: tuple[ReviewTask, ...]


@dataclass(frozen=True, slots=True)
class Held:
    """What one hold keeps: decisions (one, or a near-duplicate group), or a second review's verdict."""

    hold_id: str
    held_at: datetime
    decisions: tuple[Decision, ...] = ()
    review: HeldReview | None = None

    @property
    def post_ids(self) -> tuple[PostId, ...]:
        return (self.review.post_id,) if self.review else tuple(d.post_id for d in self.decisions)


def review_to_json(review: HeldReview) -> str:
    return json.dumps({
        "post_id": review.post_id, "kind": review.kind.value, "categories": list(review.categories),
        "tasks": [{"request_event_id": t.request_event_id, "subject": t.subject, "reviewer": t.reviewer,
                   "requested_at": t.requested_at} for t in review.tasks],
    }, ensure_ascii=False, sort_keys=True)


def review_from_json(text: str) -> HeldReview:
    d = json.loads(text)
    return HeldReview(PostId(d["post_id"]), DecisionKind(d["kind"]), tuple(CategoryId(c) for c in d["categories"]),
                      tuple(ReviewTask(t["request_event_id"], t["subject"], t["reviewer"], t["requested_at"])
                            for t in d["tasks"]))


def holds_from_rows(rows: Sequence[HeldRow]) -> list[Held]:
    grouped: dict[str, list[HeldRow]] = {}
    for row in rows:
        grouped.setdefault(row.hold_id, []).append(row)
    held = []
    for hold_id, group in grouped.items():
        group.sort(key=lambda r: r.position)
        if group[0].what == "second_review":
            held.append(Held(hold_id, group[0].held_at, review=review_from_json(group[0].body)))
        else:
            held.append(Held(hold_id, group[0].held_at, tuple(decision_from_json(r.body) for r in group)))
    return held


def process_alive(pid: int) -> bool:
    """Whether another process holding decisions still runs (a hold of this very process belongs to an earlier
    pipeline, which is gone). Where signals cannot probe a process, a hold counts as left behind."""
    if pid == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def hold_rows(decisions: Sequence[Decision]) -> list[tuple[str, str]]:
    return [("decision", decision_to_json(d)) for d in decisions]
