"""Report signals: the platform's report-reason codes mapped to categories (the pack's ``[report_reasons]``),
each report weighted by its reporter's past accuracy (the share of their reports that moderators upheld).

Accuracy is a smoothed estimate, ``(upheld + PRIOR_UPHELD) / (reports + PRIOR_UPHELD + PRIOR_REJECTED)``, so an
unknown reporter counts for ``DEFAULT_ACCURACY`` (1/3: one unverified report is not a suggestion on its own, two
are) and one lucky report does not make anyone infallible.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from moderator_app.core.models import CategoryId, Report

PRIOR_UPHELD = 1.0
PRIOR_REJECTED = 2.0
DEFAULT_ACCURACY = PRIOR_UPHELD / (PRIOR_UPHELD + PRIOR_REJECTED)


@dataclass(frozen=True, slots=True)
class ReporterRecord:
    upheld: int = 0
    rejected: int = 0

    @property
    def accuracy(self) -> float:
        return (self.upheld + PRIOR_UPHELD) / (self.upheld + self.rejected + PRIOR_UPHELD + PRIOR_REJECTED)


class ReporterAccuracy:
    """Each reporter's record. Thread-safe: the GUI's decision lane writes while the suggestion lane reads."""

    def __init__(self, records: Mapping[str, ReporterRecord] | None = None) -> None:
        self._records: dict[str, ReporterRecord] = dict(records or {})
        self._lock = threading.Lock()

    def accuracy(self, reporter_id: str | None) -> float:
        if not reporter_id:
            return DEFAULT_ACCURACY
        with self._lock:
            record = self._records.get(reporter_id)
        return DEFAULT_ACCURACY if record is None else record.accuracy

    def record(self, reporter_id: str, upheld: bool) -> None:
        """A moderator decided on a post this reporter reported: ``upheld`` when the decision cited a category
        the report's reason maps to."""
        with self._lock:
            old = self._records.get(reporter_id, ReporterRecord())
            self._records[reporter_id] = (ReporterRecord(old.upheld + 1, old.rejected) if upheld
                                          else ReporterRecord(old.upheld, old.rejected + 1))

    def snapshot(self) -> dict[str, ReporterRecord]:
        with self._lock:
            return dict(self._records)


@dataclass(frozen=True, slots=True)
class ReportHit:
    category: CategoryId
    reason: str
    reporter_id: str | None
    accuracy: float


def report_hits(reports: Iterable[Report | str], reasons: Mapping[str, Sequence[CategoryId]],
                accuracy: ReporterAccuracy) -> list[ReportHit]:
    """One hit per (category, reporter): a reporter who reports the same post twice counts once.
    Reports may be given as bare reason codes (reporter unknown)."""
    hits: dict[tuple[CategoryId, str | None], ReportHit] = {}
    anonymous = 0
    for report in reports:
        if isinstance(report, str):
            reason, reporter = report, None
            anonymous += 1
            key_reporter: str | None = f"#anonymous-{anonymous}"  # bare codes: each stands for someone
        else:
            reason, reporter = report.reason, report.reporter_id
            key_reporter = reporter
        for category in reasons.get(reason, ()):
            key = (category, key_reporter)
            if key not in hits:
                hits[key] = ReportHit(category, reason, reporter, accuracy.accuracy(reporter))
    return list(hits.values())


def upheld_reports(reports: Iterable[Report], cited: Iterable[CategoryId],
                   reasons: Mapping[str, Sequence[CategoryId]]) -> list[tuple[str, bool]]:
    """For each reporter of a decided post: was their report upheld by the categories the decision cited?"""
    cited_set = set(cited)
    outcome: dict[str, bool] = {}
    for report in reports:
        upheld = bool(cited_set.intersection(reasons.get(report.reason, ())))
        outcome[report.reporter_id] = outcome.get(report.reporter_id, False) or upheld
    return list(outcome.items())
