"""A referral as plain text for the queue's detail pane (never rich text: it quotes posts and statements)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from moderator_app.services.referrals import ContentHandling, Referral, ReferralState

CONTEXT = "referral_view"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_label(state: ReferralState) -> str:
    return {
        ReferralState.PENDING_APPROVAL: _t("Pending approval"), ReferralState.APPROVED: _t("Approved"),
        ReferralState.REJECTED: _t("Rejected"), ReferralState.SUBMITTED: _t("Submitted to police"),
        ReferralState.CLOSED: _t("Closed"),
    }[state]


def describe_referral(referral: Referral) -> str:
    request, items = referral.request, referral.evidence.get("items", {})
    post, author = items.get("post", {}), items.get("author", {})
    urgency = _t("URGENT — threat to life or safety") if request.threat_to_life else (
        _t("Urgent") if request.is_urgent else _t("Normal"))
    handling = _t("Remove the content") if request.content_handling is ContentHandling.REMOVE else _t(
        "Keep it visible for the investigation")
    lines = [
        f"{referral.referral_id} · {state_label(referral.state)} · {urgency}",
        _t("Categories: {0}").format(", ".join(request.categories)),
        _t("Legal basis: {0}").format("; ".join(request.legal_basis)),
        _t("Content: {0}").format(handling),
        "", _t("Suspicion:"), request.suspicion, "",
        _t("Post {0} by {1} ({2}), published {3}").format(post.get("post_id", ""), author.get("display_name", ""),
                                                        author.get("author_id", ""),
                                                        post.get("published_at", {}).get("beijing", "")),
        post.get("text", ""), "",
        _t("Evidence captured {0} by {1}; reports: {2}").format(
            referral.evidence.get("capture", {}).get("captured_at", ""),
            referral.evidence.get("capture", {}).get("captured_by", ""), len(items.get("reports", []))),
    ]
    if referral.rejection_reason:
        lines.append(_t("Rejected: {0}").format(referral.rejection_reason))
    if referral.submission:
        sub = referral.submission
        lines.append(_t("Handed over {0} to {1}, receipt {2}, by {3}").format(
            sub.submitted_on, sub.receiving_unit, sub.receipt_number, sub.submitted_by))
    if referral.outcome:
        lines.append(_t("Outcome: {0}").format(referral.outcome))
    lines += ["", _t("History:")]
    lines += [f"  #{s.seq} {s.occurred_at[:19].replace('T', ' ')} {s.event_type} — {s.actor} ({s.actor_role})"
              + (f": {s.detail}" if s.detail else "") for s in referral.history]
    lines += [_t("Not applied (breaks the rules): {0}").format(a) for a in referral.anomalies]
    return "\n".join(lines)
