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
from collections.abc import Callable
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
    """Append-only JSON lines, one per checkpoint seen, with the signer's public key (pinned on first sight).

    Filed by the log's identity (``audit.witness.log_identity``: log id and the first event's id), not by the
    database URL, so a reviewer who opens the same log by another path or login finds them:
    ``audit-checkpoints/<log identity>/<workstation key id>.jsonl``. Every workstation writes its own file, so a
    reviewer can put all of a team's copies side by side in one folder. Until the log has a first event (no
    identity yet), and for copies written before this layout, the older ``audit-checkpoints/<digest>.jsonl``
    (hashed from URL and log id) is used and still read."""

    def __init__(self, path: Path, *, folder: Path | None = None, identity: Callable[[], str | None] | None = None,
                 writer_key_id: str = "copy") -> None:
        self.path = path  # the legacy file (and the spool's name)
        self._folder, self._identity, self._writer_key_id = folder, identity, writer_key_id
        self._known: str | None = None

    @classmethod
    def for_database(cls, data_dir: Path, database_identity: str, log_id: str, *,
                     identity: Callable[[], str | None] | None = None,
                     writer_key_id: str = "copy") -> LocalCheckpoints:
        digest = hashlib.sha256(f"{database_identity}\n{log_id}".encode()).hexdigest()[:16]
        return cls(data_dir / "audit-checkpoints" / f"{digest}.jsonl", folder=data_dir / "audit-checkpoints",
                   identity=identity, writer_key_id=writer_key_id)

    def _log_folder(self) -> Path | None:
        if self._known is None and self._identity is not None:
            self._known = self._identity()
        if self._known is None or self._folder is None:
            return None
        return self._folder / self._known.replace(":", "_").replace("/", "_")

    def current_path(self) -> Path:
        """Where this workstation's copy is written."""
        folder = self._log_folder()
        return self.path if folder is None else folder / f"{self._writer_key_id}.jsonl"

    def _read_paths(self) -> list[Path]:
        folder = self._log_folder()
        found = sorted(folder.glob("*.jsonl")) if folder is not None and folder.is_dir() else []
        return [self.path, *found]

    def record(self, checkpoint: Checkpoint, public_key: bytes) -> None:
        self.record_many([checkpoint], public_key)

    def record_many(self, checkpoints: list[Checkpoint], public_key: bytes) -> None:
        if not checkpoints:
            return
        path = self.current_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps({**asdict(c), "public_key": public_key.hex()}, sort_keys=True) + "\n"
                        for c in checkpoints)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, lines.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def load(self) -> tuple[list[Checkpoint], dict[str, bytes]]:
        """The checkpoints and pinned keys; a torn last line (crash mid-write) is skipped, not fatal."""
        lines: list[str] = []
        for path in self._read_paths():
            try:
                lines += path.read_text(encoding="utf-8").splitlines()
            except FileNotFoundError:
                continue
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
