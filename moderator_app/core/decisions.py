"""The decision catalogue, as data. The GUI builds its actions and shortcuts from it; the CLI validates against it.

Police referral is not a decision kind: it is its own workflow (Article 7(8)), approved by a second person.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.models import CategoryId, PostId, QueueItem, UserId, WitnessReceipt, WitnessRefusal


class DecisionKind(enum.StrEnum):
    NO_VIOLATION = "no_violation"
    REMOVE = "remove"
    RESTRICT_AUTHOR = "restrict_author"
    RUMOUR_LABEL = "rumour_label"
    ESCALATE = "escalate"


@dataclass(frozen=True, slots=True)
class DecisionSpec:
    kind: DecisionKind
    label_zh: str
    label_en: str
    default_shortcut: str
    requires_category: bool
    requires_note: bool
    legal_basis: str  # the provision the action rests on
    needs_restriction_days: bool = False
    needs_refutation: bool = False


DECISIONS: tuple[DecisionSpec, ...] = (
    DecisionSpec(DecisionKind.NO_VIOLATION, "无违规", "No violation", "A", False, False, "第八条"),
    DecisionSpec(DecisionKind.REMOVE, "删除（制止）", "Remove (stop)", "D", True, False, "第七条（八）"),
    DecisionSpec(
        DecisionKind.RESTRICT_AUTHOR, "限制作者", "Restrict author", "R", True, True, "第七条（八）",
        needs_restriction_days=True,
    ),
    DecisionSpec(
        DecisionKind.RUMOUR_LABEL, "辟谣标注", "Rumour label", "L", True, False, "第七条（五）",
        needs_refutation=True,
    ),
    DecisionSpec(DecisionKind.ESCALATE, "升级至组长", "Escalate to lead", "E", False, True, "第八条"),
)

DECISIONS_BY_KIND: dict[DecisionKind, DecisionSpec] = {spec.kind: spec for spec in DECISIONS}

# Police referral has its own action in the decision bar; its shortcut lives here so no decision can take it.
REFERRAL_SHORTCUT = "P"


@dataclass(frozen=True, slots=True)
class Decision:
    """A moderator's decision on one post, as it is journalled, audited and sent to the platform."""

    post_id: PostId
    kind: DecisionKind
    categories: tuple[CategoryId, ...]
    note: str
    moderator: UserId
    client_time: datetime
    idempotency_key: str
    restriction_days: int | None = None
    refutation: str | None = None
    revises: str | None = None  # a revision: the platform decision_id this one supersedes


@dataclass(frozen=True, slots=True)
class DecisionProblem:
    """Why a decision is not valid: the field at fault (a CSV column, a widget) and a sentence for the moderator."""

    field: str  # kind | categories | note | restriction_days | refutation | post_id
    message: str


def decision_problems(decision: Decision) -> list[DecisionProblem]:
    """What is missing for this decision to be valid under the catalogue ([] when valid); the policy pack's own
    rules (known categories, which kinds may cite them) are checked by ``services.decisions``."""
    spec = DECISIONS_BY_KIND[decision.kind]
    problems: list[DecisionProblem] = []
    if spec.requires_category and not decision.categories:
        problems.append(DecisionProblem("categories", f"{spec.label_en} must cite at least one Article 10 category"))
    if decision.kind is DecisionKind.NO_VIOLATION and decision.categories:
        problems.append(DecisionProblem("categories", "No violation cannot cite a category"))
    if spec.requires_note and not decision.note.strip():
        problems.append(DecisionProblem("note", f"{spec.label_en} needs a note"))
    if spec.needs_restriction_days and not (decision.restriction_days and decision.restriction_days > 0):
        problems.append(DecisionProblem("restriction_days", "Restrict author needs a restriction of at least one day"))
    if spec.needs_refutation and not (decision.refutation and decision.refutation.strip()):
        problems.append(DecisionProblem("refutation", "Rumour label needs a refutation text or link (Article 7(5))"))
    return problems


def validation_problems(decision: Decision) -> list[str]:
    """What is missing for this decision to be valid, in words a moderator understands ([] when valid)."""
    return [problem.message for problem in decision_problems(decision)]


@dataclass(frozen=True, slots=True)
class PlatformDecision:
    """A decision as the platform applied it (its acknowledgement, or the winner of a conflict)."""

    decision_id: str
    seq: int
    post_id: PostId
    kind: DecisionKind
    categories: tuple[CategoryId, ...]
    note: str
    decided_by: UserId
    decided_at: datetime
    restriction_days: int | None = None
    refutation: str | None = None
    client_time: datetime | None = None
    # only on an acknowledgement whose request carried an audit position: the platform's receipt for it, or why not
    witness_receipt: WitnessReceipt | None = None
    witness_refusal: WitnessRefusal | None = None
    revises: str | None = None  # the decision this one superseded


@dataclass(frozen=True, slots=True)
class DecisionPage:
    """A page of ``GET /v1/decisions``; ``next_since`` is the ``seq`` to ask from next."""

    items: tuple[PlatformDecision, ...]
    next_since: int


@dataclass(frozen=True, slots=True)
class PostDetail:
    """``GET /v1/posts/{id}``: the flagged item and, once decided, the platform's decision."""

    item: QueueItem
    decision: PlatformDecision | None = None
