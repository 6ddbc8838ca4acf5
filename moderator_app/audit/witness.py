"""The platform as the log's witness: the log's identity, receipts kept in the log itself, and receipt checks.

Identity: ``<log id>:<event id of seq 1>`` (a UUID bound into the chain by event 1), so two workstations' SQLite
logs both called "main" are two logs to the platform, and a team database is one whoever writes to it. The local
checkpoint copies are filed under it too.

Receipts are stored as rows of ``audit_checkpoint`` under the log id ``<log id>#witness`` (reason ``witness``,
``key_id`` the platform's, ``note`` the canonical signed payload, ``signature`` the platform's): the table is
append-only under the same triggers and grants, every query for the log's own checkpoints (``log_id = <log id>``)
passes them by, and no schema migration is needed. A receipt vouches only that the platform saw this head at that
time; that the events under it were intact is the checkpoints' and the verifier's business.
"""

from __future__ import annotations

import base64
import json

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError

from moderator_app.audit.schema import audit_checkpoint, audit_event
from moderator_app.audit.store import AuditStore
from moderator_app.core.errors import StorageError
from moderator_app.core.models import PlatformKey, WitnessReceipt
from moderator_app.platform_signature import canonical_json, verify_platform_signature

RECEIPT_SUFFIX = "#witness"
RECEIPT_REASON = "witness"
PURPOSE = "audit-witness-receipt"


def log_identity(store: AuditStore) -> str | None:
    """What the platform and the checkpoint copies know this log by; None while it is empty."""
    with store.reader.connect() as connection:
        first = connection.execute(select(audit_event.c.event_id).where(
            audit_event.c.log_id == store.log_id, audit_event.c.seq == 1)).scalar()
    return None if first is None else f"{store.log_id}:{first}"


def store_receipt(store: AuditStore, receipt: WitnessReceipt) -> None:
    row = {"checkpoint_id": f"{receipt.key_id}-{receipt.seq}-{receipt.chain_hash[:8]}",
           "log_id": store.log_id + RECEIPT_SUFFIX, "seq": receipt.seq,
           "chain_hash": bytes.fromhex(receipt.chain_hash), "created_at": receipt.witnessed_at,
           "reason": RECEIPT_REASON, "key_id": receipt.key_id,
           "note": canonical_json(receipt.signed()).decode("utf-8"),
           "signature": base64.b64decode(receipt.signature), "witness_receipt": None}
    try:
        with store.writer.begin() as connection:
            exists = connection.execute(select(audit_checkpoint.c.checkpoint_id).where(
                audit_checkpoint.c.checkpoint_id == row["checkpoint_id"])).first()
            if exists is None:
                connection.execute(insert(audit_checkpoint).values(row))
    except DBAPIError as exc:  # the platform keeps the receipt too; the caller logs this
        raise StorageError(f"cannot keep the witness receipt for seq {receipt.seq}: {exc}") from None


def stored_receipts(store: AuditStore) -> list[WitnessReceipt]:
    """The receipts kept in the log, in seq order; rows that do not parse are returned as unverifiable receipts."""
    query = select(audit_checkpoint.c.note, audit_checkpoint.c.signature).where(
        audit_checkpoint.c.log_id == store.log_id + RECEIPT_SUFFIX).order_by(audit_checkpoint.c.seq)
    receipts = []
    with store.reader.connect() as connection:
        for note, signature in connection.execute(query):
            receipt = receipt_from_json(note, base64.b64encode(bytes(signature)).decode("ascii"))
            if receipt is not None:
                receipts.append(receipt)
    return receipts


def receipt_from_json(text: str, signature: str | None = None) -> WitnessReceipt | None:
    try:
        data = json.loads(text)
        return WitnessReceipt(str(data["log_id"]), int(data["seq"]), str(data["chain_hash"]),
                              str(data["witnessed_at"]), str(data["key_id"]),
                              signature if signature is not None else str(data["signature"]))
    except (ValueError, KeyError, TypeError):
        return None


def receipt_json(receipt: WitnessReceipt) -> dict[str, object]:
    return {**receipt.signed(), "signature": receipt.signature}


def receipt_problem(receipt: WitnessReceipt, key: PlatformKey, identity: str | None) -> str | None:
    """Why this receipt is not the platform's word about this log (None when it is)."""
    if identity is not None and receipt.log_id != identity:
        return f"it is for log {receipt.log_id}, not this log ({identity})"
    if receipt.key_id != key.key_id:
        return f"it is signed by platform key {receipt.key_id}, not the trusted platform key {key.key_id}"
    try:
        bytes.fromhex(receipt.chain_hash)
    except ValueError:
        return "its chain hash is not hex"
    if not verify_platform_signature(key.public_key, receipt.signed(), receipt.signature):
        return f"its signature does not verify with platform key {key.key_id}"
    return None
