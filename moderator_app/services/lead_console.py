"""The team-lead console's service: everything the viewer, the dashboard, the export wizard and review quality
call, each a plain blocking function the GUI runs on its database lane.

    console = LeadConsole(session_audit_log, user, workstation="ws-07")
    console.page(EventFilter(actor="mod1"), after_seq=0, limit=500)   # the viewer pages by seq, never loads all
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from moderator_app.audit import lead_queries
from moderator_app.audit.synthetic import holds_synthetic
from moderator_app.core.audit import (
    CancelToken,
    EventFilter,
    EventType,
    ProgressCallback,
    RecordedEvent,
    VerifyReport,
    utc_timestamp,
)
from moderator_app.core.errors import PermissionDenied
from moderator_app.core.lead import Dashboard, Disagreement, EventStatus, ReviewSummary, ReviewTask
from moderator_app.core.models import User
from moderator_app.platform_api import PlatformClient
from moderator_app.services import exports, review_quality
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.workstation import WorkstationParts


@dataclass(frozen=True, slots=True)
class FilterChoices:
    moderators: tuple[str, ...]
    categories: tuple[str, ...]
    decision_kinds: tuple[str, ...]
    event_types: tuple[str, ...]


class LeadConsole:
    def __init__(self, audit_log: AuditLogService, user: User, *, workstation: str,
                 moderators: Sequence[str] = (), platform: PlatformClient | None = None) -> None:
        if not user.is_lead:
            raise PermissionDenied(f"{user.user_id} is not a lead: the team-lead console is for leads")
        self.audit_log, self.user, self.workstation = audit_log, user, workstation
        self.moderators = tuple(moderators)
        self.platform = platform  # the session's client: the platform grants exports and attests redactions

    # -- viewer --------------------------------------------------------------------------------------------------
    def page(self, wanted: EventFilter, *, after_seq: int = 0, limit: int = 500) -> list[RecordedEvent]:
        return self.audit_log.events(wanted, after_seq=after_seq, limit=limit)

    def count(self, wanted: EventFilter) -> int:
        return lead_queries.count_events(self.audit_log.store, wanted)

    def choices(self) -> FilterChoices:
        store = self.audit_log.store
        return FilterChoices(tuple(lead_queries.distinct(store, "actor")),
                             tuple(lead_queries.distinct(store, "category")),
                             tuple(lead_queries.distinct(store, "decision_kind")),
                             tuple(t.value for t in EventType))

    def holds_synthetic(self) -> bool:
        """The log holds generated events (audit generate): the viewer and the dashboard say they are not real."""
        return holds_synthetic(self.audit_log.store)

    def event_status(self, seq: int) -> EventStatus:
        return lead_queries.event_status(self.audit_log.store, seq)

    def verify(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> VerifyReport:
        return self.audit_log.verify(progress, cancel)

    # -- exports ---------------------------------------------------------------------------------------------------
    def export(self, spec: exports.ExportSpec, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> exports.ExportResult:
        return exports.export_audit(self.audit_log, spec, self.user, workstation=self.workstation,
                                    progress=progress, cancel=cancel, platform=self.platform)

    # -- dashboard -----------------------------------------------------------------------------------------------
    def dashboard(self, since: str | None = None, until: str | None = None, *, sla_minutes: int = 15) -> Dashboard:
        """Default range: the last 7 days up to now."""
        end = until or utc_timestamp()
        start = since or utc_timestamp(datetime.now(UTC) - timedelta(days=7))
        return lead_queries.dashboard(self.audit_log.store, start, end, sla_minutes)

    # -- review quality ----------------------------------------------------------------------------------------------
    def sample_for_review(self, share: float, since: str | None = None, until: str | None = None) -> int:
        return review_quality.sample_for_review(self.audit_log, self.user, share, workstation=self.workstation,
                                                since=since, until=until, moderators=self.moderators)

    def review_summary(self, since: str | None = None, until: str | None = None) -> ReviewSummary:
        return review_quality.review_summary(self.audit_log, since, until)

    def request_third_review(self, disagreement: Disagreement) -> str:
        return review_quality.request_third_review(self.audit_log, self.user, disagreement,
                                                   workstation=self.workstation, moderators=self.moderators)

    def settle_disagreement(self, disagreement: Disagreement, outcome: str) -> None:
        review_quality.settle_disagreement(self.audit_log, self.user, disagreement, outcome,
                                           workstation=self.workstation)

    def pending_reviews(self, reviewer: str | None = None) -> list[ReviewTask]:
        return review_quality.pending_reviews(self.audit_log, reviewer or self.user.user_id)


def _session_parts(service: object) -> tuple[AuditLogService, User, str] | None:
    """The audit log, user and workstation of a logged-in WorkstationSession (None for anything else, e.g. a
    test double)."""
    parts = getattr(service, "_parts", None)
    if not isinstance(parts, WorkstationParts):
        return None
    return parts.audit, parts.auth.user, parts.workstation


def console_for(service: object, moderators: Sequence[str] = ()) -> LeadConsole | None:
    """The console for a lead's session; None for a moderator (the GUI then shows no Team lead menu)."""
    found = _session_parts(service)
    if found is None or not found[1].is_lead:
        return None
    audit_log, user, workstation = found
    client = getattr(getattr(service, "_parts", None), "client", None)
    return LeadConsole(audit_log, user, workstation=workstation, moderators=moderators,
                       platform=client if isinstance(client, PlatformClient) else None)

