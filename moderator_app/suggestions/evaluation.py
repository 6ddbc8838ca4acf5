"""Measure suggestions against labelled posts: per-category precision, recall and F1, and macro averages.

A category counts as predicted for a post when the engine suggests it (score ≥ the engine's ``min_score``).
Macro averages run over the categories that occur in the labels, so a pack's unused categories do not
inflate them; false alarms in those categories still show in their own rows.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from moderator_app.core.models import CategoryId
from moderator_app.suggestions.engine import PostInput, SuggestionEngine
from moderator_app.suggestions.model import LabelledExample

_BATCH = 256


@dataclass(frozen=True, slots=True)
class EvalPost:
    example: LabelledExample
    reports: tuple[str, ...] = ()  # report reason codes
    post_id: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: CategoryId
    support: int  # labelled positives
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class EvalReport:
    posts: int
    rows: tuple[CategoryScore, ...]
    exact_matches: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def labelled_rows(self) -> list[CategoryScore]:
        return [row for row in self.rows if row.support]

    def macro(self) -> tuple[float, float, float]:
        rows = self.labelled_rows
        if not rows:
            return 0.0, 0.0, 0.0
        return (sum(r.precision for r in rows) / len(rows), sum(r.recall for r in rows) / len(rows),
                sum(r.f1 for r in rows) / len(rows))

    def as_dict(self) -> dict[str, object]:
        precision, recall, f1 = self.macro()
        return {
            "posts": self.posts, "exact_matches": self.exact_matches,
            "categories": [{"category": r.category, "support": r.support, "tp": r.true_positives,
                            "fp": r.false_positives, "fn": r.false_negatives, "precision": round(r.precision, 4),
                            "recall": round(r.recall, 4), "f1": round(r.f1, 4)} for r in self.rows],
            "macro": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
            "notes": list(self.notes),
        }

    def render(self) -> str:
        lines = [f"{'category':<10} {'support':>7} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>9} {'recall':>7} "
                 f"{'F1':>6}"]
        for r in self.rows:
            lines.append(f"{r.category:<10} {r.support:>7} {r.true_positives:>5} {r.false_positives:>5} "
                         f"{r.false_negatives:>5} {r.precision:>9.3f} {r.recall:>7.3f} {r.f1:>6.3f}")
        precision, recall, f1 = self.macro()
        lines.append(f"{'macro':<10} {sum(r.support for r in self.labelled_rows):>7} {'':>5} {'':>5} {'':>5} "
                     f"{precision:>9.3f} {recall:>7.3f} {f1:>6.3f}   (over the {len(self.labelled_rows)} "
                     "categories that occur in the labels)")
        lines.append(f"{self.posts} posts, {self.exact_matches} with exactly the labelled categories")
        lines.extend(self.notes)
        return "\n".join(lines)


def evaluate(engine: SuggestionEngine, posts: Sequence[EvalPost], *, use_reports: bool = True,
             use_model: bool = True) -> EvalReport:
    counts: dict[CategoryId, list[int]] = {c: [0, 0, 0, 0] for c in engine.pack.category_ids}  # sup tp fp fn
    exact = 0
    for start in range(0, len(posts), _BATCH):
        batch = posts[start:start + _BATCH]
        inputs = [PostInput(p.example.text, p.reports if use_reports else (), p.post_id) for p in batch]
        for post, suggestions in zip(batch, engine.suggest_many(inputs, use_model=use_model), strict=True):
            predicted = {s.category for s in suggestions}
            gold = set(post.example.categories)
            exact += predicted == gold
            for category in gold | predicted:
                row = counts.setdefault(category, [0, 0, 0, 0])
                row[0] += category in gold
                row[1] += category in gold and category in predicted
                row[2] += category in predicted and category not in gold
                row[3] += category in gold and category not in predicted
    rows = tuple(CategoryScore(c, *values) for c, values in counts.items())
    return EvalReport(len(posts), rows, exact)


def split(posts: Sequence[EvalPost], train_fraction: float, seed: int) -> tuple[list[EvalPost], list[EvalPost]]:
    """A stratified split (by the sorted label set), so both halves hold every category."""
    strata: dict[tuple[str, ...], list[EvalPost]] = {}
    for post in posts:
        strata.setdefault(tuple(sorted(post.example.categories)), []).append(post)
    rng = random.Random(seed)
    train: list[EvalPost] = []
    test: list[EvalPost] = []
    for key in sorted(strata):
        group = strata[key][:]
        rng.shuffle(group)
        cut = round(len(group) * train_fraction)
        train.extend(group[:cut])
        test.extend(group[cut:])
    return train, test
