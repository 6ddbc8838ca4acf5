"""Queue filters and sort keys, Qt-free: the model applies them to its id list (fast enough for 100,000 rows)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from moderator_app.core.models import PostId, QueueItem, Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.ui.presenters import DEFAULT_SLA_HOURS


class SlaFilter(enum.StrEnum):
    ANY = "any"
    BREACHED = "breached"
    DUE_SOON = "due_soon"


class Column(enum.IntEnum):
    PRIORITY = 0
    SLA = 1
    SUGGESTED = 2
    REPORTS = 3
    REPOSTS = 4
    FLAGGED = 5
    TEXT = 6
    SIMILAR = 7


@dataclass(frozen=True, slots=True)
class QueueFilter:
    category: str | None = None  # suggested or reported category
    reason: str | None = None  # a report-reason code
    max_age_hours: int | None = None
    sla: SlaFilter = SlaFilter.ANY
    collapse_clusters: bool = True


@dataclass(frozen=True, slots=True)
class RowFacts:
    """What filtering and sorting need about one item, computed once when items or suggestions change."""

    item: QueueItem
    top: Suggestion | None
    categories: frozenset[str]
    deadline: datetime
    cluster: str | None
    cluster_size: int


class FactsBuilder:
    """Per-item facts for a whole queue. Items share a handful of reason/category combinations, so each
    combination's categories and SLA are worked out once (100,000 items in a few hundred milliseconds)."""

    def __init__(self, pack: PolicyPack | None) -> None:
        self._reason_categories = dict(pack.report_reasons) if pack else {}
        self._sla_hours: dict[str, int] = {c.category_id: c.sla_hours for c in pack.categories} if pack else {}
        self._combos: dict[tuple[tuple[str, ...], str | None], tuple[frozenset[str], timedelta]] = {}

    def build(self, items: Iterable[QueueItem], tops: Mapping[PostId, Suggestion | None],
              clusters: Mapping[PostId, str]) -> dict[PostId, RowFacts]:
        sizes: dict[str, int] = {}
        for key in clusters.values():
            sizes[key] = sizes.get(key, 0) + 1
        facts = {}
        facts_for = self.facts_for
        for item in items:
            post_id = item.post.post_id
            cluster = clusters.get(post_id)
            facts[post_id] = facts_for(item, tops.get(post_id), cluster, sizes.get(cluster, 1) if cluster else 1)
        return facts

    def facts_for(self, item: QueueItem, top: Suggestion | None, cluster: str | None, size: int) -> RowFacts:
        combo = (tuple(r.reason for r in item.reports), top.category if top is not None else None)
        known = self._combos.get(combo)
        if known is None:
            categories: set[str] = {c for reason in combo[0] for c in self._reason_categories.get(reason, ())}
            if combo[1] is not None:
                categories.add(combo[1])
            hours = min((self._sla_hours[c] for c in categories if c in self._sla_hours), default=DEFAULT_SLA_HOURS)
            known = self._combos[combo] = (frozenset(categories), timedelta(hours=hours))
        return RowFacts(item, top, known[0], item.flagged_at + known[1], cluster, size)


def accepts(facts: RowFacts, flt: QueueFilter, now: datetime, due_soon: timedelta) -> bool:
    if flt.category and flt.category not in facts.categories:
        return False
    if flt.reason and flt.reason not in facts.item.report_reasons:
        return False
    if flt.max_age_hours is not None and now - facts.item.flagged_at > timedelta(hours=flt.max_age_hours):
        return False
    left = facts.deadline - now
    if flt.sla is SlaFilter.BREACHED and left.total_seconds() >= 0:
        return False
    return not (flt.sla is SlaFilter.DUE_SOON and not timedelta(0) <= left <= due_soon)


def _category_order(category: str | None) -> tuple[int, ...]:
    if not category:
        return (999,)
    return tuple(int(part) if part.isdigit() else 998 for part in category.split("."))


SORT_KEYS: dict[Column, Callable[[RowFacts], Any]] = {
    Column.PRIORITY: lambda f: f.item.priority,
    Column.SLA: lambda f: f.deadline,
    Column.SUGGESTED: lambda f: (_category_order(f.top.category if f.top else None), -(f.top.score if f.top else 0)),
    Column.REPORTS: lambda f: len(f.item.reports),
    Column.REPOSTS: lambda f: f.item.post.repost_count,
    Column.FLAGGED: lambda f: f.item.flagged_at,
    Column.TEXT: lambda f: f.item.post.text[:40],
    Column.SIMILAR: lambda f: f.cluster_size,
}
