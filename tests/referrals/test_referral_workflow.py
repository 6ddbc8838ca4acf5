"""The four-eyes rules and the fold, without a database: each refusal is one a lead or moderator could meet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from moderator_app.core.audit import EventType
from moderator_app.referrals.model import ReferralRefused, ReferralRequest, ReferralState
from moderator_app.referrals.workflow import (
    check_approve,
    check_close,
    check_reject,
    check_submit,
    request_payload,
)
from tests.referrals.referral_support import REQUEST, SUBMISSION, countersignature, created, fold, step


def pending():
    referral = fold([created()])
    assert referral is not None and referral.state is ReferralState.PENDING_APPROVAL
    return referral


def test_the_creator_cannot_approve_their_own_referral_even_as_a_lead() -> None:
    mine = fold([created(actor="lead1", role="lead")])
    with pytest.raises(ReferralRefused, match="lead1 created referral R-1 and may not approve it"):
        check_approve(mine, "lead1", "lead")
    with pytest.raises(ReferralRefused, match="may not reject it"):
        check_reject(mine, "lead1", "lead", "不成立")


def test_a_moderator_cannot_approve_or_reject_at_all() -> None:
    with pytest.raises(ReferralRefused, match="only a team lead may approve"):
        check_approve(pending(), "mod2", "moderator")
    with pytest.raises(ReferralRefused, match="only a team lead may reject"):
        check_reject(pending(), "mod2", "moderator", "理由")


def test_another_lead_approves_and_rejection_needs_a_reason() -> None:
    assert check_approve(pending(), "lead1", "lead", " 同意 ") == {"referral_id": "R-1", "note": "同意"}
    with pytest.raises(ReferralRefused, match="a reason for the rejection is required"):
        check_reject(pending(), "lead1", "lead", "   ")


def test_a_rejected_referral_cannot_be_submitted() -> None:
    rejected = fold([created(), step(2, EventType.REFERRAL_REJECTED, "lead1", reason="证据不足")])
    assert rejected.state is ReferralState.REJECTED and rejected.rejection_reason == "证据不足"
    with pytest.raises(ReferralRefused, match="was rejected and cannot be submitted"):
        check_submit(rejected, "lead1", "lead", SUBMISSION)
    with pytest.raises(ReferralRefused, match="only an approved referral can be submitted"):
        check_submit(pending(), "lead1", "lead", SUBMISSION)


def test_submission_needs_unit_number_date_and_person() -> None:
    approved = fold([created(), step(2, EventType.REFERRAL_APPROVED, "lead1")])
    for field, message in (("receiving_unit", "the receiving unit"), ("receipt_number", "receipt or case number"),
                           ("submitted_by", "who handed it over")):
        with pytest.raises(ReferralRefused, match=message):
            check_submit(approved, "lead1", "lead", replace(SUBMISSION, **{field: " "}))
    with pytest.raises(ReferralRefused, match="is not a date"):
        check_submit(approved, "lead1", "lead", replace(SUBMISSION, submitted_on="30/11/2026"))
    with pytest.raises(ReferralRefused, match="in the future"):
        check_submit(approved, "lead1", "lead", replace(SUBMISSION, submitted_on="2026-12-05"),
                     today=date(2026, 11, 30))
    with pytest.raises(ReferralRefused, match="only a team lead may record"):
        check_submit(approved, "mod1", "moderator", SUBMISSION)


def test_close_needs_a_submitted_referral_and_an_outcome() -> None:
    submitted = fold([created(), step(2, EventType.REFERRAL_APPROVED, "lead1"),
                      step(3, EventType.REFERRAL_SUBMITTED, "lead1", receiving_unit="朝阳分局",
                           receipt_number="No.1", submitted_on="2026-11-30", submitted_by="张组长")])
    assert submitted.state is ReferralState.SUBMITTED and submitted.submission.receipt_number == "No.1"
    with pytest.raises(ReferralRefused, match="the outcome is required"):
        check_close(submitted, "lead1", "lead", "")
    with pytest.raises(ReferralRefused, match="only a submitted referral can be closed"):
        check_close(pending(), "lead1", "lead", "立案")
    closed = fold([*(e for e in [created()]), step(2, EventType.REFERRAL_APPROVED, "lead1"),
                   step(3, EventType.REFERRAL_SUBMITTED, "lead1", receiving_unit="朝阳分局", receipt_number="No.1",
                        submitted_on="2026-11-30", submitted_by="张组长"),
                   step(4, EventType.REFERRAL_CLOSED, "lead1", outcome="已立案侦查")])
    assert closed.state is ReferralState.CLOSED and closed.outcome == "已立案侦查"
    assert [s.event_type for s in closed.history] == ["referral_created", "referral_approved", "referral_submitted",
                                                      "referral_closed"]


def test_the_fold_does_not_apply_an_event_that_breaks_the_rules() -> None:
    """An approval by the creator written straight into the log (not through this code) stays pending."""
    referral = fold([created(actor="lead1", role="lead"), step(2, EventType.REFERRAL_APPROVED, "lead1"),
                     step(3, EventType.REFERRAL_SUBMITTED, "lead2", receiving_unit="x", receipt_number="y",
                          submitted_on="2026-11-30", submitted_by="z")])
    assert referral.state is ReferralState.PENDING_APPROVAL
    assert referral.anomalies[0].startswith("seq 2 (referral_approved by lead1) not applied: lead1 created")
    assert "seq 3" in referral.anomalies[1]
    assert fold([step(1, EventType.REFERRAL_APPROVED, "lead1")]) is None


def test_an_approval_counts_only_with_the_platforms_countersignature_for_exactly_this_decision() -> None:
    """The creator's workstation can write "approved by lead1"; without the platform's signature binding lead1,
    this referral, this evidence and its creator it is reported as forged and changes nothing."""
    from moderator_app.platform_signature import PlatformSigner
    from moderator_app.referrals import workflow

    approved = EventType.REFERRAL_APPROVED
    forgeries = {
        "no platform countersignature": step(2, approved, "lead1", signed=False),
        "countersigned approver 'lead2'": step(2, approved, "lead1", countersignature=countersignature(approved,
                                                                                                      "lead2")),
        "countersigned referral_id 'R-2'": step(2, approved, "lead1", countersignature=countersignature(
            approved, "lead1", referral_id="R-2")),
        "countersigned created_by 'mod2'": step(2, approved, "lead1", countersignature=countersignature(
            approved, "lead1", created_by="mod2")),
        "countersigned evidence_digest": step(2, approved, "lead1", countersignature=countersignature(
            approved, "lead1", evidence={"other": "evidence"})),
        "countersigned decision 'rejected'": step(2, approved, "lead1", countersignature=countersignature(
            EventType.REFERRAL_REJECTED, "lead1")),
        "not a trusted platform key": step(2, approved, "lead1", countersignature=countersignature(
            approved, "lead1", signer=PlatformSigner.generate())),
    }
    for why, event in forgeries.items():
        referral = fold([created(), event])
        assert referral is not None and referral.state is ReferralState.PENDING_APPROVAL, why
        assert referral.anomalies and why in referral.anomalies[0], (why, referral.anomalies)
    record = countersignature(approved, "lead1")
    record["signed"] = {**record["signed"], "decided_at": "2026-11-30T10:00:00.000000Z"}  # signature no longer fits
    tampered = fold([created(), step(2, approved, "lead1", countersignature=record)])
    assert tampered is not None and "does not verify" in tampered.anomalies[0]
    genuine = [created(), step(2, approved, "lead1")]
    assert fold(genuine).state is ReferralState.APPROVED  # type: ignore[union-attr]
    untrusting = workflow.fold(genuine)  # no platform key known: never shown as approved
    assert untrusting is not None and untrusting.state is ReferralState.PENDING_APPROVAL


def test_a_request_needs_categories_basis_and_suspicion_and_threat_means_urgent() -> None:
    for broken, message in ((replace(REQUEST, categories=()), "at least one category"),
                            (replace(REQUEST, legal_basis=(" ",)), "legal basis is required"),
                            (replace(REQUEST, suspicion="\n"), "statement of suspicion is required")):
        with pytest.raises(ReferralRefused, match=message):
            request_payload(broken)
    assert request_payload(ReferralRequest(("10.7",), ("x",), "y", REQUEST.content_handling,
                                           threat_to_life=True))["urgent"] is True
    assert pending().urgent and pending().is_open
