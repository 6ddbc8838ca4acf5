"""Queue filters and sort keys, Qt-free: the model applies them to its id list (fast enough for 100,000 rows)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from moderator_app.core.models import QueueItem, Suggestion


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
