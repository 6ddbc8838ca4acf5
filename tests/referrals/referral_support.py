"""Builders shared by the referral tests: a request, events as the audit log would hold them, and a platform key
that countersigns approvals and rejections (the fake ``ReferralPlatform`` port for service-level tests)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from moderator_app.core.audit import EventType
from moderator_app.core.models import PlatformKey, ReferralCountersignature
from moderator_app.platform_signature import PlatformSigner
from moderator_app.referrals import workflow
from moderator_app.referrals.countersign import DECISION_OF, PURPOSE, evidence_digest
from moderator_app.referrals.evidence import capture
from moderator_app.referrals.model import ContentHandling, Referral, ReferralEvent, ReferralRequest, Submission
from moderator_app.referrals.workflow import request_payload
from tests.factories import queue_item

REQUEST = ReferralRequest(categories=("10.7",), legal_basis=("《治安管理处罚法》第四十二条（威胁人身安全）",),
                          suspicion="帖子扬言明天到某小学门口“动手”，并附具体时间，涉嫌威胁他人人身安全。",
                          content_handling=ContentHandling.KEEP_VISIBLE, threat_to_life=True)
SUBMISSION = Submission("北京市公安局朝阳分局网安大队", "京公网安受〔2026〕1130号", "2026-11-30", "lead1 张组长")
SIGNER = PlatformSigner.generate()
PLATFORM_KEY = PlatformKey(SIGNER.key_id, SIGNER.public_key)
PLATFORM_KEYS = {SIGNER.key_id: SIGNER.public_key}
_ITEM = queue_item(7, "明天下午三点我去学校门口动手，谁也拦不住", reasons=("violence",))
EVIDENCE = capture(_ITEM, (), post_count=12, captured_by="mod1", workstation="ws")


def created(seq: int = 1, actor: str = "mod1", role: str = "moderator", referral_id: str = "R-1") -> ReferralEvent:
    body: dict[str, Any] = {"referral_id": referral_id, "post_id": _ITEM.post_id, **request_payload(REQUEST),
                            "evidence": EVIDENCE}
    return ReferralEvent(seq, EventType.REFERRAL_CREATED.value, actor, role, "2026-11-30T08:00:00.000000Z", body)


def countersignature(event_type: EventType, approver: str, *, created_by: str = "mod1", referral_id: str = "R-1",
                     evidence: Any = EVIDENCE, signer: PlatformSigner = SIGNER) -> dict[str, Any]:
    signed = {"purpose": PURPOSE, "referral_id": referral_id, "decision": DECISION_OF[event_type.value],
              "evidence_digest": evidence_digest(evidence), "approver": approver, "created_by": created_by,
              "decided_at": "2026-11-30T09:00:00.000000Z", "key_id": signer.key_id}
    return {"signed": signed, "signature": signer.sign(signed)}


def step(seq: int, event_type: EventType, actor: str, role: str = "lead", *, signed: bool = True,
         created_by: str = "mod1", **body: Any) -> ReferralEvent:
    """An event on referral R-1; approvals and rejections countersigned by the test platform key unless
    ``signed`` is False (or a ``countersignature`` is given)."""
    if event_type.value in DECISION_OF and signed and "countersignature" not in body:
        body["countersignature"] = countersignature(event_type, actor, created_by=created_by)
    return ReferralEvent(seq, event_type.value, actor, role, "2026-11-30T09:00:00.000000Z",
                         {"referral_id": "R-1", **body})


def fold(events: Iterable[ReferralEvent]) -> Referral | None:
    """The fold as a workstation that trusts the test platform key sees it."""
    return workflow.fold(events, PLATFORM_KEYS)


class CountersigningPlatform:
    """The ``ReferralPlatform`` port for service tests: the reference platform's rules (lead role, approver ≠
    creator) and a real Ed25519 signature by SIGNER. The end-to-end tests use the real reference platform."""

    def __init__(self, user: str, *, lead: bool = True) -> None:
        self.user, self.lead = user, lead

    def referral_decision(self, referral_id: str, *, decision: str, evidence_digest: str,
                          created_by: str) -> ReferralCountersignature:
        from moderator_app.core.errors import PermissionDenied

        if not self.lead or self.user == created_by:
            raise PermissionDenied(f"the platform refuses: {self.user} may not decide {referral_id}")
        signed = {"purpose": PURPOSE, "referral_id": referral_id, "decision": decision,
                  "evidence_digest": evidence_digest, "approver": self.user, "created_by": created_by,
                  "decided_at": "2026-11-30T09:00:00.000000Z", "key_id": SIGNER.key_id}
        return ReferralCountersignature(signed, SIGNER.sign(signed))

    def platform_key(self) -> PlatformKey:
        return PLATFORM_KEY
