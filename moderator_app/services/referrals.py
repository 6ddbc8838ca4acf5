"""Police referrals for the GUI and the CLI: create (capturing evidence), approve, reject, submit, close, list,
export a package. Every call blocks (the GUI runs them on its database lane) and every transition is one audit
event appended through AuditLogService; the state is read back from the log and folded (referrals.workflow).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator_app.core.audit import AuditEvent, EventFilter, EventType, RecordedEvent, utc_timestamp
from moderator_app.core.errors import CheckFailed, PlatformError, UsageError
from moderator_app.core.models import PostId, PriorDecision, QueueItem, Role, User
from moderator_app.core.policy import PolicyPack
from moderator_app.referrals import workflow
from moderator_app.referrals.evidence import MAX_MEDIA_BYTES, MediaCopy, capture, media_content
from moderator_app.referrals.model import (
    LEGAL_BASIS_PICKS,
    ContentHandling,
    Referral,
    ReferralEvent,
    ReferralRefused,
    ReferralRequest,
    ReferralState,
    Submission,
    subject_of,
)
from moderator_app.referrals.package import ChainSegment, PackageInputs, build_package
from moderator_app.referrals.verify import PackageReport
from moderator_app.referrals.verify import verify_package as _verify_package
from moderator_app.referrals.zh import HandlingStatus
from moderator_app.services.policy import load_policy

if TYPE_CHECKING:  # verify-package must not pay for importing SQLAlchemy and Alembic
    from moderator_app.services.audit_service import AuditLogService

# What the GUI needs of the referral model, so ``ui`` imports services only.
__all__ = ["LEGAL_BASIS_PICKS", "ContentHandling", "MediaCopy", "Referral", "ReferralRefused", "ReferralRequest",
           "ReferralService", "ReferralState", "Submission", "referral_service_for", "sort_for_queue", "verify_package"]
REFERRAL_EVENTS = (EventType.REFERRAL_CREATED, EventType.REFERRAL_APPROVED, EventType.REFERRAL_REJECTED,
                   EventType.REFERRAL_SUBMITTED, EventType.REFERRAL_CLOSED)
MAX_EVENTS = 1_000_000
# post id, author id -> the author's prior decisions (the review session's ``context`` provides it)
HistorySource = Callable[[PostId, str], Sequence[PriorDecision]]
# media id -> the image's bytes from the platform (PlatformClient.media_content)
MediaSource = Callable[[str], bytes]


def new_referral_id(now: datetime | None = None) -> str:
    """``R-YYYYMMDD-xxxxxx``: readable on the phone to a police unit, unique across workstations."""
    return f"R-{(now or datetime.now(UTC)).strftime('%Y%m%d')}-{secrets.token_hex(3).upper()}"


def _referral_event(recorded: RecordedEvent) -> ReferralEvent:
    envelope = json.loads(recorded.envelope)
    hdr = envelope["hdr"]
    return ReferralEvent(recorded.seq, hdr["type"], hdr["actor"]["id"], hdr["actor"]["role"], hdr["occurred_at"],
                         envelope["body"])


def sort_for_queue(referrals: Sequence[Referral]) -> list[Referral]:
    """Open urgent referrals first, then open ones by age (oldest first), then finished ones, newest first."""
    finished = sorted((r for r in referrals if not r.is_open), key=lambda r: r.created_at, reverse=True)
    open_ = sorted((r for r in referrals if r.is_open), key=lambda r: (not r.urgent, r.created_at))
    return [*open_, *finished]


class ReferralService:
    def __init__(self, audit: AuditLogService, user: User, workstation: str,
                 history: HistorySource | None = None, *, media: MediaSource | None = None,
                 pack: PolicyPack | None = None) -> None:
        self.audit, self.user, self.workstation = audit, user, workstation
        self._history, self._media = history, media
        self.pack = pack
        self._lock = threading.Lock()  # the GUI's lanes may list concurrently (status poll, queue refresh)
        self._by_subject: dict[str, list[ReferralEvent]] = {}
        self._seen_seq = 0

    @property
    def role(self) -> str:
        return Role.LEAD.value if self.user.is_lead else Role.MODERATOR.value

    # --- transitions ---------------------------------------------------------------------------------------------
    def author_history(self, item: QueueItem) -> tuple[PriorDecision, ...]:
        """The author's prior decisions (network): the GUI fetches them on its network lane before ``create``."""
        return tuple(self._history(item.post_id, item.post.author.author_id)) if self._history else ()

    def media_copies(self, item: QueueItem) -> dict[str, MediaCopy]:
        """The post's images from the platform (network; the GUI calls it on its network lane). A failure is
        recorded per image, in Chinese, as the reason it is not in the package; it never stops a referral."""
        copies: dict[str, MediaCopy] = {}
        for ref in item.post.media:
            if ref.kind != "image":
                copies[ref.media_id] = MediaCopy(ref.media_id, None, "非图片，仅记录引用")
                continue
            if self._media is None:
                copies[ref.media_id] = MediaCopy(ref.media_id, None, "未连接平台，未获取")
                continue
            try:
                content = self._media(ref.media_id)
            except PlatformError as exc:
                copies[ref.media_id] = MediaCopy(ref.media_id, None, f"平台未提供（{exc}）")
                continue
            too_large = len(content) > MAX_MEDIA_BYTES
            copies[ref.media_id] = MediaCopy(ref.media_id, None if too_large else content,
                                             f"大于 {MAX_MEDIA_BYTES // 2**20} MB，仅记录引用" if too_large else "")
        return copies

    def create(self, item: QueueItem, request: ReferralRequest, history: Sequence[PriorDecision] | None = None,
               *, history_unavailable: str = "", media: Mapping[str, MediaCopy] | None = None) -> Referral:
        """Capture the evidence now and record the referral as pending approval (history and media fetched when
        None; ``history_unavailable`` records why the history is missing, so an urgent referral never waits for
        the network). The images' bytes go into the created event beside the evidence, which holds their hashes,
        so any workstation on the team database can export them."""
        fields = workflow.request_payload(request)
        if history is None:
            history = self.author_history(item)
        if media is None:
            media = self.media_copies(item)
        evidence = capture(item, history, post_count=None, captured_by=self.user.user_id,
                           workstation=self.workstation, history_unavailable=history_unavailable, media=media)
        referral_id = new_referral_id()
        while self.events(referral_id):  # 16.7 million ids a day: a clash is rare, and never merges two referrals
            referral_id = new_referral_id()
        payload = {"referral_id": referral_id, "post_id": item.post_id, **fields, "evidence": evidence}
        if content := media_content(media):
            payload["media_content"] = content
        self._append(EventType.REFERRAL_CREATED, referral_id, category=request.categories[0], payload=payload)
        return self.get(referral_id)

    def approve(self, referral_id: str, note: str = "") -> Referral:
        payload = workflow.check_approve(self.get(referral_id), self.user.user_id, self.role, note)
        return self._transition(EventType.REFERRAL_APPROVED, referral_id, payload)

    def reject(self, referral_id: str, reason: str) -> Referral:
        payload = workflow.check_reject(self.get(referral_id), self.user.user_id, self.role, reason)
        return self._transition(EventType.REFERRAL_REJECTED, referral_id, payload)

    def submit(self, referral_id: str, submission: Submission) -> Referral:
        payload = workflow.check_submit(self.get(referral_id), self.user.user_id, self.role, submission)
        return self._transition(EventType.REFERRAL_SUBMITTED, referral_id, payload)

    def close_referral(self, referral_id: str, outcome: str) -> Referral:
        payload = workflow.check_close(self.get(referral_id), self.user.user_id, self.role, outcome)
        return self._transition(EventType.REFERRAL_CLOSED, referral_id, payload)

    def _transition(self, event_type: EventType, referral_id: str, payload: dict[str, Any]) -> Referral:
        self._append(event_type, referral_id, payload=payload)
        return self.get(referral_id)

    def _append(self, event_type: EventType, referral_id: str, *, payload: dict[str, Any],
                category: str | None = None) -> None:
        self.audit.append(AuditEvent.new(event_type, actor=self.user.user_id, workstation=self.workstation,
                                         actor_role=self.role, subject=subject_of(referral_id), category=category,
                                         payload=payload))

    # --- reading -------------------------------------------------------------------------------------------------
    def events(self, referral_id: str) -> list[RecordedEvent]:
        return self.audit.events(EventFilter(subject=subject_of(referral_id)), limit=MAX_EVENTS)

    def get(self, referral_id: str) -> Referral:
        referral = workflow.fold(_referral_event(e) for e in self.events(referral_id)
                                 if e.event_type in REFERRAL_EVENTS)
        if referral is None:
            raise UsageError(f"no referral {referral_id!r} in the audit log")
        return referral

    def list(self) -> list[Referral]:
        """Every referral, urgent open ones first (the leads' queue). Reads only events appended since the last
        call: everything up to the head seen before reading is committed, so nothing is skipped."""
        with self._lock:
            head = self.audit.store.head()[0]
            for event_type in REFERRAL_EVENTS:
                for recorded in self.audit.events(EventFilter(event_type=event_type), after_seq=self._seen_seq,
                                                  limit=MAX_EVENTS):
                    if recorded.subject and recorded.seq <= head:
                        self._by_subject.setdefault(recorded.subject, []).append(_referral_event(recorded))
            self._seen_seq = max(self._seen_seq, head)
            folded = [workflow.fold(events) for events in self._by_subject.values()]
        return sort_for_queue([r for r in folded if r is not None])

    def urgent_open_count(self) -> int:
        return sum(1 for r in self.list() if r.urgent and r.is_open)

    # --- evidence package ------------------------------------------------------------------------------------------
    def export_package(self, referral_id: str, out_dir: Path) -> Path:
        """Sign a checkpoint covering the referral's events, write the package, and audit the export."""
        referral = self.get(referral_id)
        checkpoint = self.audit.checkpoint("export")
        if checkpoint is None:
            raise CheckFailed("the audit log does not check out, so no checkpoint was signed and no package made; "
                              "run 'moderator-app audit verify'")
        events = [e for e in self.events(referral_id) if e.event_type in REFERRAL_EVENTS and e.seq <= checkpoint.seq]
        segment = self._segment(events[0].seq, checkpoint.seq)
        key = self.audit.writer.key
        inputs = PackageInputs(referral, tuple(events), checkpoint, key.public_key, segment, self.user.user_id,
                               self.workstation, self.handling_status(referral), self.pack or load_policy(),
                               _media_bytes(events))
        path = build_package(inputs, out_dir, key)
        tag_manifest = (path / "tagmanifest-sha256.txt").read_bytes()
        self._append(EventType.EXPORT_MADE, referral_id, payload={
            "referral_id": referral_id, "package": path.name, "checkpoint_seq": str(checkpoint.seq),
            "tagmanifest_sha256": hashlib.sha256(tag_manifest).hexdigest()})
        return path

    def handling_status(self, referral: Referral) -> HandlingStatus:
        """The removal as requested, and as confirmed: only a ``decision_delivered`` event (the platform's
        acknowledgement, recorded in the log) confirms a decision on the post; the newest one counts."""
        as_of = utc_timestamp()
        delivered = self.audit.events(EventFilter(subject=f"post:{referral.post_id}",
                                                  event_type=EventType.DECISION_DELIVERED), limit=MAX_EVENTS)
        if not delivered:
            return HandlingStatus(referral.request.content_handling, as_of=as_of)
        last = max(delivered, key=lambda e: e.seq)
        body = json.loads(last.envelope)
        return HandlingStatus(referral.request.content_handling, confirmed_kind=body["hdr"].get("decision_kind"),
                              confirmed_at=body["hdr"]["occurred_at"],
                              decision_id=str(body["body"].get("decision_id", "")), as_of=as_of)

    def _segment(self, first_seq: int, last_seq: int) -> ChainSegment:
        store = self.audit.store
        prev = "00" * 32
        leaves: list[str] = []
        for seq, _envelope, leaf, prev_hash, _chain, _key, _sig in store.iter_events(first_seq, last_seq):
            if seq == first_seq:
                prev = prev_hash.hex()
            leaves.append(leaf.hex())
        return ChainSegment(store.log_id, first_seq, prev, tuple(leaves))


def _media_bytes(events: Sequence[RecordedEvent]) -> dict[str, bytes]:
    """sha256 -> bytes of the images the created event carries."""
    for recorded in events:
        if recorded.event_type == EventType.REFERRAL_CREATED:
            content = json.loads(recorded.envelope)["body"].get("media_content", {})
            return {digest: base64.b64decode(data) for digest, data in content.items()}
    return {}


def verify_package(path: Path, *, expect_key: str | None = None) -> PackageReport:
    """Check an evidence package (no database needed); CheckFailed names the first bad file."""
    report = _verify_package(path)
    if expect_key and report.key_id != expect_key:
        raise CheckFailed(f"NOT trusted: {path.name} is signed by key {report.key_id}, not {expect_key}")
    return report


def referral_service_for(session: object) -> ReferralService | None:
    """The referral service of a review session: its own ``referrals`` if it has one (test doubles), else built
    from a WorkstationSession's audit log, user and author history; None when the session has no audit log."""
    provided = getattr(session, "referrals", None)
    if isinstance(provided, ReferralService):
        return provided
    from moderator_app.services.workstation import WorkstationSession

    if not isinstance(session, WorkstationSession):
        return None

    def history(post_id: PostId, author_id: str) -> Sequence[PriorDecision]:
        return session.context(post_id, author_id).history

    return ReferralService(session.audit, session.user, session.audit.writer.workstation, history,
                           media=session.media_content, pack=session.pack)
