"""Signed checkpoints (C2SP signed-note style) and the workstation's own copy of every checkpoint it has seen.

The note text is what is signed::

    moderator-workstation/audit/<log id>
    <seq>
    chain <hex chain hash at seq>
    time <UTC>
    reason <interval|export|shutdown|manual>

The local copy is a JSON-lines file under the data folder, outside the shared database: when someone rolls the
database back (restores an old backup, truncates the tail and rewinds the head), the copy still names the later
checkpoint and verification reports the rollback.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from moderator_app.audit.keys import PublicKeys, SigningKey
from moderator_app.core.audit import Checkpoint, Witness, utc_timestamp

ORIGIN = "moderator-workstation/audit"
INTERVAL = 1000


def note_text(log_id: str, seq: int, chain_hex: str, created_at: str, reason: str) -> str:
    return f"{ORIGIN}/{log_id}\n{seq}\nchain {chain_hex}\ntime {created_at}\nreason {reason}\n"


def sign_checkpoint(key: SigningKey, log_id: str, seq: int, chain_hex: str, reason: str,
                    witness: Witness | None = None) -> Checkpoint:
    created_at = utc_timestamp()
    note = note_text(log_id, seq, chain_hex, created_at, reason)
    signature = base64.b64encode(key.sign(note.encode("utf-8"))).decode("ascii")
    checkpoint = Checkpoint(log_id=log_id, seq=seq, chain_hash=chain_hex, created_at=created_at, reason=reason,
                            key_id=key.key_id, note=note, signature=signature)
    if witness is not None:
        receipt = witness(checkpoint)
        if receipt:
            checkpoint = Checkpoint(**{**asdict(checkpoint), "witness_receipt": receipt})
    return checkpoint


def checkpoint_problem(checkpoint: Checkpoint, keys: PublicKeys) -> str | None:
    """Why a checkpoint cannot be trusted on its own (None when its note and signature hold)."""
    expected = note_text(checkpoint.log_id, checkpoint.seq, checkpoint.chain_hash, checkpoint.created_at,
                         checkpoint.reason)
    if checkpoint.note != expected:
        return "its note does not match its fields"
    if checkpoint.key_id not in keys:
        return f"it is signed by unknown key {checkpoint.key_id}"
    try:
        signature = base64.b64decode(checkpoint.signature, validate=True)
    except ValueError:
        return "its signature is not base64"
    if not keys.verify(checkpoint.key_id, signature, checkpoint.note.encode("utf-8")):
        return f"its signature does not verify with key {checkpoint.key_id}"
    return None


class LocalCheckpoints:
    """Append-only JSON lines, one per checkpoint seen, with the signer's public key (pinned on first sight)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_database(cls, data_dir: Path, database_identity: str, log_id: str) -> LocalCheckpoints:
        digest = hashlib.sha256(f"{database_identity}\n{log_id}".encode()).hexdigest()[:16]
        return cls(data_dir / "audit-checkpoints" / f"{digest}.jsonl")

    def record(self, checkpoint: Checkpoint, public_key: bytes) -> None:
        self.record_many([checkpoint], public_key)

    def record_many(self, checkpoints: list[Checkpoint], public_key: bytes) -> None:
        if not checkpoints:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps({**asdict(c), "public_key": public_key.hex()}, sort_keys=True) + "\n"
                        for c in checkpoints)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, lines.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def load(self) -> tuple[list[Checkpoint], dict[str, bytes]]:
        """The checkpoints and pinned keys; a torn last line (crash mid-write) is skipped, not fatal."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return [], {}
        checkpoints: list[Checkpoint] = []
        keys: dict[str, bytes] = {}
        for line in lines:
            try:
                data = json.loads(line)
                keys.setdefault(data["key_id"], bytes.fromhex(data.pop("public_key")))
                checkpoints.append(Checkpoint(**data))
            except (ValueError, KeyError, TypeError):
                continue
        return checkpoints, keys

    def latest(self) -> Checkpoint | None:
        checkpoints, _keys = self.load()
        return max(checkpoints, key=lambda c: c.seq, default=None)
