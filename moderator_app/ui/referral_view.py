"""A referral as plain text for the queue's detail pane (never rich text: it quotes posts and statements)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from moderator_app.services.referrals import ContentHandling, Referral, ReferralState
from moderator_app.ui.presenters import event_label, printable, role_label


class ReferralText(QObject):
    """Only for its translation context (``self.tr``), so lupdate collects these strings."""

    def state_label(self, state: ReferralState) -> str:
        return {
            ReferralState.PENDING_APPROVAL: self.tr("Pending approval"), ReferralState.APPROVED: self.tr("Approved"),
            ReferralState.REJECTED: self.tr("Rejected"), ReferralState.SUBMITTED: self.tr("Submitted to police"),
            ReferralState.CLOSED: self.tr("Closed"),
        }[state]

    def describe(self, referral: Referral) -> str:
        request, items = referral.request, referral.evidence.get("items", {})
        post, author = items.get("post", {}), items.get("author", {})
        urgency = self.tr("URGENT — threat to life or safety") if request.threat_to_life else (
            self.tr("Urgent") if request.is_urgent else self.tr("Normal"))
        handling = self.tr("Remove the content") if request.content_handling is ContentHandling.REMOVE else self.tr(
            "Keep it visible for the investigation")
        lines = [
            f"{referral.referral_id} · {self.state_label(referral.state)} · {urgency}",
            self.tr("Categories: {0}").format(", ".join(request.categories)),
            self.tr("Legal basis: {0}").format("; ".join(request.legal_basis)),
            self.tr("Content: {0}").format(handling),
            "", self.tr("Suspicion:"), request.suspicion, "",
            self.tr("Post {0} by {1} ({2}), published {3}").format(
                post.get("post_id", ""), author.get("display_name", ""), author.get("author_id", ""),
                post.get("published_at", {}).get("beijing", "")),
            post.get("text", ""), "",
            self.tr("Evidence captured {0} by {1}; reports: {2}").format(
                referral.evidence.get("capture", {}).get("captured_at", ""),
                referral.evidence.get("capture", {}).get("captured_by", ""), len(items.get("reports", []))),
        ]
        if referral.rejection_reason:
            lines.append(self.tr("Rejected: {0}").format(referral.rejection_reason))
        if referral.submission:
            sub = referral.submission
            lines.append(self.tr("Handed over {0} to {1}, receipt {2}, by {3}").format(
                sub.submitted_on, sub.receiving_unit, sub.receipt_number, sub.submitted_by))
        if referral.outcome:
            lines.append(self.tr("Outcome: {0}").format(referral.outcome))
        lines += ["", self.tr("History:")]
        lines += [f"  #{s.seq} {s.occurred_at[:19].replace('T', ' ')} {event_label(s.event_type)} — {s.actor} "
                  f"({role_label(s.actor_role)})"
                  + (f": {s.detail}" if s.detail else "") for s in referral.history]
        lines += [self.tr("Not applied (breaks the rules): {0}").format(a) for a in referral.anomalies]
        return printable("\n".join(lines))  # quotes the post, the author and people's notes: marks, never obeyed
