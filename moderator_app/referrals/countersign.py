"""Four eyes, countersigned: a referral's approval or rejection counts only with the platform's signature over
{purpose, referral_id, decision, evidence_digest, approver, created_by, decided_at, key_id}, obtained by the
lead's own platform login (``POST /v1/referrals/{id}/decision``). The audit event stores it; every reader (the
fold behind the queue and the package, ``audit verify``, ``referral verify-package``) checks it here.

A workstation key alone cannot make an approval: the creator's workstation could write a ``referral_approved``
"by lead1", but not the platform's signature binding lead1, this referral, this evidence and its creator.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from moderator_app.core.audit import EventType
from moderator_app.platform_signature import verify_platform_signature
from moderator_app.referrals.evidence import canonical_bytes

PURPOSE = "referral-decision"
DECISION_OF = {EventType.REFERRAL_APPROVED.value: "approved", EventType.REFERRAL_REJECTED.value: "rejected"}
SIGNED_FIELDS = ("purpose", "referral_id", "decision", "evidence_digest", "approver", "created_by", "decided_at",
                 "key_id")
# key id -> raw Ed25519 public key of the platforms whose countersignatures this reader accepts
PlatformKeys = Mapping[str, bytes]


def evidence_digest(evidence: Any) -> str:
    """SHA-256 (hex) of the evidence snapshot's RFC 8785 bytes: the same bytes as the package's snapshot.json."""
    return hashlib.sha256(canonical_bytes(evidence)).hexdigest()


def countersignature_problem(*, event_type: str, referral_id: str, actor: str, created_by: str, evidence: Any,
                             record: Any, platform_keys: PlatformKeys) -> str | None:
    """Why the countersignature ``record`` ({"signed": {...}, "signature": base64}) does not make this event a
    valid four-eyes decision, or None when it does."""
    if not isinstance(record, Mapping) or not isinstance(record.get("signed"), Mapping):
        return "forged: no platform countersignature (recorded without the lead's platform login)"
    signed, signature = dict(record["signed"]), record.get("signature")
    if sorted(signed) != sorted(SIGNED_FIELDS) or not isinstance(signature, str):
        return "forged: the platform countersignature is malformed"
    expected = {"purpose": PURPOSE, "referral_id": referral_id, "decision": DECISION_OF.get(event_type),
                "approver": actor, "created_by": created_by, "evidence_digest": evidence_digest(evidence)}
    for name, value in expected.items():
        if signed[name] != value:
            return f"forged: the platform countersigned {name} {signed[name]!r}, the event says {value!r}"
    public_key = platform_keys.get(str(signed["key_id"]))
    if public_key is None:
        known = ", ".join(sorted(platform_keys)) or "none"
        return (f"countersigned by platform key {signed['key_id']}, which is not a trusted platform key "
                f"(trusted: {known}; pass the platform's public key with --platform-key)")
    if not verify_platform_signature(public_key, signed, signature):
        return "forged: the platform countersignature does not verify"
    return None
