"""The moderator's answer to each suggestion, so suggestion precision can be measured per category.

For a decided post: a suggested category the decision cited is *accepted*, one it did not cite is *overridden*,
and a cited category that was not suggested is *missed*. Precision per category = accepted / (accepted +
overridden); the share of cited categories that were suggested = accepted / (accepted + missed).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.models import CategoryId, Suggestion


class Outcome(enum.StrEnum):
    ACCEPTED = "accepted"
    OVERRIDDEN = "overridden"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class SuggestionFeedback:
    post_id: str
    category: CategoryId
    outcome: Outcome
    score: float | None  # None for a missed category
    evidence_kinds: tuple[str, ...]  # which signals were behind the suggestion
    moderator: str
    decided_at: datetime

    def to_payload(self) -> dict[str, object]:
        """Plain JSON values for an audit event's payload (the score as text: canonical JSON takes no floats)."""
        return {"post_id": self.post_id, "category": self.category, "outcome": self.outcome.value,
                "score": None if self.score is None else f"{self.score:.3f}",
                "evidence_kinds": list(self.evidence_kinds), "moderator": self.moderator,
                "decided_at": self.decided_at.isoformat()}


def feedback_for_decision(post_id: str, suggestions: Sequence[Suggestion], cited: Iterable[CategoryId],
                          moderator: str, decided_at: datetime) -> list[SuggestionFeedback]:
    cited_set = set(cited)
    feedback = []
    for suggestion in suggestions:
        outcome = Outcome.ACCEPTED if suggestion.category in cited_set else Outcome.OVERRIDDEN
        kinds = tuple(sorted({e.kind for e in suggestion.evidence}))
        feedback.append(SuggestionFeedback(post_id, suggestion.category, outcome, suggestion.score, kinds,
                                           moderator, decided_at))
    suggested = {s.category for s in suggestions}
    for category in sorted(cited_set - suggested):
        feedback.append(SuggestionFeedback(post_id, category, Outcome.MISSED, None, (), moderator, decided_at))
    return feedback


@dataclass(frozen=True, slots=True)
class CategoryPrecision:
    category: CategoryId
    accepted: int
    overridden: int
    missed: int

    @property
    def precision(self) -> float | None:
        suggested = self.accepted + self.overridden
        return self.accepted / suggested if suggested else None

    @property
    def coverage(self) -> float | None:
        cited = self.accepted + self.missed
        return self.accepted / cited if cited else None


def precision_by_category(feedback: Iterable[SuggestionFeedback]) -> list[CategoryPrecision]:
    counts: dict[CategoryId, list[int]] = {}
    for item in feedback:
        row = counts.setdefault(item.category, [0, 0, 0])
        row[[Outcome.ACCEPTED, Outcome.OVERRIDDEN, Outcome.MISSED].index(item.outcome)] += 1
    return [CategoryPrecision(c, *row) for c, row in sorted(counts.items())]
