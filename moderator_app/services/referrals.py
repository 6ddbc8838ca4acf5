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
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from moderator_app import paths
from moderator_app.core.audit import (
    AuditEvent,
    EventFilter,
    EventType,
    Problem,
    ProblemKind,
    RecordedEvent,
    utc_timestamp,
)
from moderator_app.core.errors import CheckFailed, PlatformError, UsageError
from moderator_app.core.models import (
    PlatformKey,
    PostId,
    PriorDecision,
    QueueItem,
    ReferralCountersignature,
    Role,
    User,
)
from moderator_app.core.policy import PolicyPack
from moderator_app.referrals import workflow
from moderator_app.referrals.countersign import DECISION_OF, countersignature_problem, evidence_digest
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


class ReferralPlatform(Protocol):
    """What approving and rejecting need of the platform (PlatformClient, logged in as the lead)."""

    def referral_decision(self, referral_id: str, *, decision: str, evidence_digest: str,
                          created_by: str) -> ReferralCountersignature: ...


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
                 pack: PolicyPack | None = None, platform: ReferralPlatform | None = None,
                 platform_key: Callable[[], PlatformKey] | None = None,
                 trusted_platform_keys: Iterable[PlatformKey] = ()) -> None:
        """``platform`` countersigns approvals and rejections; ``platform_key`` gives its pinned public key
        (network on first use); ``trusted_platform_keys`` are keys known without asking (pins, --platform-key)."""
        self.audit, self.user, self.workstation = audit, user, workstation
        self._history, self._media = history, media
        self.pack = pack
        self._platform, self._platform_key = platform, platform_key
        self.platform_keys: dict[str, bytes] = {k.key_id: k.public_key for k in trusted_platform_keys}
        self._lock = threading.Lock()  # the GUI's lanes may list concurrently (status poll, queue refresh)
        self._by_subject: dict[str, list[ReferralEvent]] = {}
        self._folded: dict[str, Referral | None] = {}
        self._folded_with: dict[str, bytes] = {}
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
        """Checked here, then countersigned by the platform with this lead's own login (network), then recorded."""
        referral = self.get(referral_id)
        payload = workflow.check_approve(referral, self.user.user_id, self.role, note)
        payload["countersignature"] = self._countersign(referral, EventType.REFERRAL_APPROVED)
        return self._transition(EventType.REFERRAL_APPROVED, referral_id, payload)

    def reject(self, referral_id: str, reason: str) -> Referral:
        referral = self.get(referral_id)
        payload = workflow.check_reject(referral, self.user.user_id, self.role, reason)
        payload["countersignature"] = self._countersign(referral, EventType.REFERRAL_REJECTED)
        return self._transition(EventType.REFERRAL_REJECTED, referral_id, payload)

    def _countersign(self, referral: Referral, event_type: EventType) -> dict[str, Any]:
        """The platform's signature on this lead's decision, checked against the pinned platform key before it
        is recorded (a platform answering with a bad or foreign signature records nothing)."""
        if self._platform is None:
            raise ReferralRefused("approving or rejecting a referral needs the platform's countersignature: "
                                  "log in to the platform as a lead")
        signed = self._platform.referral_decision(
            referral.referral_id, decision=DECISION_OF[event_type.value],
            evidence_digest=evidence_digest(referral.evidence), created_by=referral.created_by)
        self._learn_platform_key()
        record = {"signed": signed.signed, "signature": signed.signature}
        problem = countersignature_problem(event_type=event_type.value, referral_id=referral.referral_id,
                                           actor=self.user.user_id, created_by=referral.created_by,
                                           evidence=referral.evidence, record=record,
                                           platform_keys=self.platform_keys)
        if problem:
            raise CheckFailed(f"the platform's countersignature for {referral.referral_id} was not accepted: "
                              f"{problem}; nothing recorded")
        return record

    def _learn_platform_key(self) -> None:
        """Add the pinned platform key (fetched and pinned on first use) to the trusted ones; offline, keep what
        is known: approvals signed by an unknown key are then shown as not approved, never as approved."""
        if self._platform_key is None:
            return
        try:
            key = self._platform_key()
        except PlatformError:
            return
        self.platform_keys[key.key_id] = key.public_key

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
        referral = workflow.fold((_referral_event(e) for e in self.events(referral_id)
                                  if e.event_type in REFERRAL_EVENTS), self.platform_keys)
        if referral is None:
            raise UsageError(f"no referral {referral_id!r} in the audit log")
        return referral

    def list(self) -> list[Referral]:
        """Every referral, urgent open ones first (the leads' queue). Reads only events appended since the last
        call: everything up to the head seen before reading is committed, so nothing is skipped."""
        if not self.platform_keys:
            self._learn_platform_key()
        with self._lock:
            head = self.audit.store.head()[0]
            keys = dict(self.platform_keys)
            # Refold only referrals with new events (checking a countersignature hashes the whole evidence), or
            # all of them when the trusted platform keys changed.
            touched = set(self._by_subject) if keys != self._folded_with else set()
            for event_type in REFERRAL_EVENTS:
                for recorded in self.audit.events(EventFilter(event_type=event_type), after_seq=self._seen_seq,
                                                  limit=MAX_EVENTS):
                    if recorded.subject and recorded.seq <= head:
                        self._by_subject.setdefault(recorded.subject, []).append(_referral_event(recorded))
                        touched.add(recorded.subject)
            self._seen_seq = max(self._seen_seq, head)
            for subject in touched:
                self._folded[subject] = workflow.fold(self._by_subject[subject], keys)
            self._folded_with = keys
            folded = list(self._folded.values())
        return sort_for_queue([r for r in folded if r is not None])

    def urgent_open_count(self) -> int:
        return sum(1 for r in self.list() if r.urgent and r.is_open)

    # --- evidence package ------------------------------------------------------------------------------------------
    def export_package(self, referral_id: str, out_dir: Path) -> Path:
        """Sign a checkpoint covering the referral's events, write the package, and audit the export."""
        if not self.platform_keys:
            self._learn_platform_key()
        referral = self.get(referral_id)
        if not self.platform_keys and any("not a trusted platform key" in a for a in referral.anomalies):
            raise UsageError(f"referral {referral_id} has a decision countersigned by a platform key this workstation "
                             "does not know: log in to the platform once, or pass --platform-key")
        checkpoint = self.audit.checkpoint("export")
        if checkpoint is None:
            raise CheckFailed("the audit log does not check out, so no checkpoint was signed and no package made; "
                              "run 'moderator-app audit verify'")
        events = [e for e in self.events(referral_id) if e.event_type in REFERRAL_EVENTS and e.seq <= checkpoint.seq]
        segment, writers = self._segment(events[0].seq, checkpoint.seq, {e.seq for e in events})
        key = self.audit.writer.key
        known = self.audit.store.public_keys()
        platform_key = None
        if referral.countersignature is not None:
            platform_key_id = str(referral.countersignature["signed"]["key_id"])
            platform_key = (platform_key_id, self.platform_keys[platform_key_id])
        inputs = PackageInputs(referral, tuple(events), checkpoint, key.public_key, segment, self.user.user_id,
                               self.workstation, self.handling_status(referral), self.pack or load_policy(),
                               _media_bytes(events), writers,
                               {key_id: known[key_id] for key_id, _sig in writers.values() if key_id in known},
                               platform_key)
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

    def _segment(self, first_seq: int, last_seq: int,
                 wanted: set[int]) -> tuple[ChainSegment, dict[int, tuple[str, bytes]]]:
        """The chain segment, and the writer key id and signature of each ``wanted`` event."""
        store = self.audit.store
        prev = "00" * 32
        leaves: list[str] = []
        writers: dict[int, tuple[str, bytes]] = {}
        for seq, _envelope, leaf, prev_hash, _chain, key_id, signature in store.iter_events(first_seq, last_seq):
            if seq == first_seq:
                prev = prev_hash.hex()
            leaves.append(leaf.hex())
            if seq in wanted:
                writers[seq] = (str(key_id), bytes(signature))
        return ChainSegment(store.log_id, first_seq, prev, tuple(leaves)), writers


def _media_bytes(events: Sequence[RecordedEvent]) -> dict[str, bytes]:
    """sha256 -> bytes of the images the created event carries."""
    for recorded in events:
        if recorded.event_type == EventType.REFERRAL_CREATED:
            content = json.loads(recorded.envelope)["body"].get("media_content", {})
            return {digest: base64.b64decode(data) for digest, data in content.items()}
    return {}


def verify_package(path: Path, *, expect_key: str | None = None,
                   platform_key: PlatformKey | None = None) -> PackageReport:
    """Check an evidence package (no database needed); CheckFailed names the first bad file. With
    ``platform_key`` (the platform's published key) an approval is checked against it rather than against the
    key the package carries."""
    report = _verify_package(path, None if platform_key is None else (platform_key.key_id, platform_key.public_key))
    if expect_key and report.key_id != expect_key:
        raise CheckFailed(f"NOT trusted: {path.name} is signed by key {report.key_id}, not {expect_key}")
    return report


def forged_referral_decisions(audit: AuditLogService, platform_keys: Iterable[PlatformKey]) -> list[Problem]:
    """Every approval or rejection in the log without a valid platform countersignature (``audit verify``): each
    as a "forged" problem at its seq, naming the referral. Decisions about a subject with no created event count
    too; a created event without evidence is no referral the queue or a package would show, and is skipped."""
    keys = {k.key_id: k.public_key for k in platform_keys}
    by_subject: dict[str, list[ReferralEvent]] = {}
    for event_type in REFERRAL_EVENTS:
        for recorded in audit.events(EventFilter(event_type=event_type), limit=MAX_EVENTS):
            if recorded.subject:
                by_subject.setdefault(recorded.subject, []).append(_referral_event(recorded))
    problems: list[Problem] = []
    for events in by_subject.values():
        created = next((e for e in events if e.event_type == EventType.REFERRAL_CREATED), None)
        if created is not None and "evidence" not in created.body:
            continue  # not a referral this software can show or export (the synthetic history's are not)
        for event in events:
            if event.event_type not in DECISION_OF:
                continue
            referral_id = str(event.body.get("referral_id", "?"))
            problem = "forged: no referral_created event for it" if created is None else countersignature_problem(
                event_type=event.event_type, referral_id=referral_id, actor=event.actor,
                created_by=created.actor, evidence=created.body.get("evidence"),
                record=event.body.get("countersignature"), platform_keys=keys)
            if problem:
                problems.append(Problem(ProblemKind.FORGED, event.seq,
                                        f"referral {referral_id}: {event.event_type} by {event.actor}: "
                                        f"{problem.removeprefix('forged: ')}"))
    return sorted(problems, key=lambda p: p.seq or 0)


def trusted_platform_keys(given: str | None = None) -> list[PlatformKey]:
    """``--platform-key`` when given (base64 or a file), else every key pinned in this user's config folder."""
    from moderator_app.services.platform_key import configured_platform_key, pinned_keys

    if given:
        return [configured_platform_key(given)]
    return pinned_keys(paths.config_dir())


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
                           media=session.media_content, pack=session.pack, platform=session,
                           platform_key=session.platform_signing_key)
