"""Builders shared by the referral tests: a request, events as the audit log would hold them."""

from __future__ import annotations

from typing import Any

from moderator_app.core.audit import EventType
from moderator_app.referrals.evidence import capture
from moderator_app.referrals.model import ContentHandling, ReferralEvent, ReferralRequest, Submission
from moderator_app.referrals.workflow import request_payload
from tests.factories import queue_item

REQUEST = ReferralRequest(categories=("10.7",), legal_basis=("《治安管理处罚法》第四十二条（威胁人身安全）",),
                          suspicion="帖子扬言明天到某小学门口“动手”，并附具体时间，涉嫌威胁他人人身安全。",
                          content_handling=ContentHandling.KEEP_VISIBLE, threat_to_life=True)
SUBMISSION = Submission("北京市公安局朝阳分局网安大队", "京公网安受〔2026〕1130号", "2026-11-30", "lead1 张组长")


def created(seq: int = 1, actor: str = "mod1", role: str = "moderator", referral_id: str = "R-1") -> ReferralEvent:
    item = queue_item(7, "明天下午三点我去学校门口动手，谁也拦不住", reasons=("violence",))
    evidence = capture(item, (), post_count=12, captured_by=actor, workstation="ws")
    body: dict[str, Any] = {"referral_id": referral_id, "post_id": item.post_id, **request_payload(REQUEST),
                            "evidence": evidence}
    return ReferralEvent(seq, EventType.REFERRAL_CREATED.value, actor, role, "2026-11-30T08:00:00.000000Z", body)


def step(seq: int, event_type: EventType, actor: str, role: str = "lead", **body: str) -> ReferralEvent:
    return ReferralEvent(seq, event_type.value, actor, role, "2026-11-30T09:00:00.000000Z",
                         {"referral_id": "R-1", **body})
