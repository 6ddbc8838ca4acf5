"""The workstation's writer: sign and append events, and sign checkpoints (every 1,000 events, at exports, at
shutdown) after re-checking the events they cover; each checkpoint also goes to the local copy and the witness."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, exists, select

from moderator_app import __version__
from moderator_app.audit.chain import ZERO_HASH, PreparedEvent, chain_hash, index_copy_problem, leaf_hash, prepare
from moderator_app.audit.checkpoints import INTERVAL, LocalCheckpoints, sign_checkpoint
from moderator_app.audit.keys import PublicKeys, SigningKey
from moderator_app.audit.schema import audit_checkpoint, audit_event
from moderator_app.audit.store import AuditStore, OlderSchema
from moderator_app.core.audit import AppendReceipt, AuditEvent, Checkpoint, Witness, utc_timestamp
from moderator_app.core.errors import StorageError

log = logging.getLogger(__name__)


class AuditWriter:
    def __init__(self, store: AuditStore, key: SigningKey, workstation: str, *, local: LocalCheckpoints | None = None,
                 witness: Witness | None = None, interval: int = INTERVAL) -> None:
        self.store, self.key, self.workstation = store, key, workstation
        self.local, self.witness, self.interval = local, witness, interval
        self.alarm: str | None = None  # set when a checkpoint was refused because the events did not check out
        self.started = False
        # seq -> (leaf, signature) of the events this writer appended since its last checkpoint: Ed25519 signatures
        # are deterministic, so an unchanged row carries exactly these bytes and vouching need not verify it again
        self._own: dict[int, tuple[bytes, bytes]] = {}

    def start(self) -> None:
        """Schema at head, protections in place, this workstation's public key registered."""
        try:
            self.store.ensure_ready()
        except OlderSchema:
            # An updated workstation waiting for `db upgrade` is recorded too: it does not hold the upgrade back.
            self._record_version()
            raise
        self.store.register_key(self.key.key_id, self.key.public_key, self.workstation, utc_timestamp())
        self._record_version()
        self.started = True

    def _record_version(self) -> None:
        try:
            self.store.record_workstation(self.workstation, __version__)
        except StorageError as exc:  # e.g. a database from before the registry: the work goes on
            log.warning("audit: this workstation's version was not recorded in the database: %s", exc)

    def prepare(self, event: AuditEvent) -> PreparedEvent:
        return prepare(event, self.store.log_id, self.key)

    def append(self, event: AuditEvent) -> AppendReceipt:
        return self.append_prepared(self.prepare(event))

    def append_many(self, events: Sequence[AuditEvent]) -> list[AppendReceipt]:
        return self.append_prepared_many([self.prepare(event) for event in events])

    def append_prepared(self, event: PreparedEvent) -> AppendReceipt:
        return self.append_prepared_many([event])[0]

    def append_prepared_many(self, events: Sequence[PreparedEvent]) -> list[AppendReceipt]:
        """In order; every one durable when this returns. Several go as one group commit (a spool flushed, a
        burst); then an interval checkpoint is signed for each interval boundary they reach."""
        if not events:
            return []
        if not self.started:  # the database was down when the workstation started
            self.start()
        receipts = [self.store.append(events[0])] if len(events) == 1 else self.store.append_batch(events)
        for event, receipt in zip(events, receipts, strict=True):
            if receipt.seq is not None and len(self._own) < 10 * self.interval:
                self._own[receipt.seq] = (event.leaf_hash, event.writer_sig)
        for receipt in receipts:
            if receipt.seq is not None and receipt.seq % self.interval == 0 and not self._has_checkpoint(receipt.seq):
                self.checkpoint("interval", at_seq=receipt.seq)
        return receipts

    def _agrees_with_the_log(self) -> ColumnElement[bool]:
        """Checkpoints of this log whose chain hash is the log's at their seq. One that is not (signed ahead of the
        log before the database refused that, migration 0005) is no anchor and no reason to skip a checkpoint:
        `audit verify` reports it; the writer goes on vouching for the events themselves."""
        event = audit_event
        return and_(audit_checkpoint.c.log_id == self.store.log_id, exists().where(
            event.c.log_id == audit_checkpoint.c.log_id, event.c.seq == audit_checkpoint.c.seq,
            event.c.chain_hash == audit_checkpoint.c.chain_hash))

    def last_checkpoint_seq(self, at_most: int) -> int:
        """The newest checkpoint at or before ``at_most`` (another workstation may already have signed a later one)."""
        with self.store.reader.connect() as connection:
            seq = connection.execute(select(audit_checkpoint.c.seq).where(
                self._agrees_with_the_log(), audit_checkpoint.c.seq <= at_most)
                .order_by(audit_checkpoint.c.seq.desc()).limit(1)).scalar()
        return int(seq or 0)

    def _has_checkpoint(self, seq: int) -> bool:
        with self.store.reader.connect() as connection:
            return connection.execute(select(audit_checkpoint.c.seq).where(
                self._agrees_with_the_log(), audit_checkpoint.c.seq == seq)).first() is not None

    def checkpoint(self, reason: str, *, at_seq: int | None = None) -> Checkpoint | None:
        """Sign the chain head at ``at_seq`` (default: the current head) once the events since the previous
        checkpoint check out, writer signatures included. None when the log is empty or something is wrong."""
        end = at_seq if at_seq is not None else self.store.head()[0]
        if end == 0:
            return None
        chain = self._vouch(end)
        if chain is None:
            return None
        self._own = {seq: leaf for seq, leaf in self._own.items() if seq > end}
        checkpoint = sign_checkpoint(self.key, self.store.log_id, end, chain.hex(), reason, self._safe_witness)
        self.store.add_checkpoint(checkpoint)
        if self.local is not None:
            self.local.record(checkpoint, self.key.public_key)
        return checkpoint

    def _safe_witness(self, checkpoint: Checkpoint) -> str | None:
        if self.witness is None:
            return None
        try:
            return self.witness(checkpoint)
        except Exception as exc:  # noqa: BLE001 - a witness outage must never stop the log; the next one retries
            log.warning("audit witness unavailable for checkpoint %s: %s", checkpoint.seq, exc)
            return None

    def _vouch(self, end: int) -> bytes | None:
        """The chain hash at ``end`` once every event since the newest checkpoint before it checks out (leaf, chain
        link, writer signature, indexed copies), chained on from the hash that checkpoint signed; None, and an
        alarm, otherwise.

        Newest interval first. Under load the previous interval's checkpoint is often still being made by another
        workstation when this one starts; checking from that checkpoint would check those events twice. So the
        newest interval is checked from the chain hash stored where it begins, and then the checkpoint is looked
        for again: usually it is there by now, and the intervals join (the hash it signed is the one this interval
        started from). Only when it is not are the older events checked as well, interval by interval."""
        top, joins, result = end, None, None
        while True:
            anchor = self.last_checkpoint_seq(top)
            start = max(anchor, (top - 1) // self.interval * self.interval)
            if start == anchor:
                running = ZERO_HASH if anchor == 0 else self._checkpointed_chain(anchor)
            else:
                running = self._stored_chain(start)
            if running is None:
                self._refuse(f"seq {start} is missing")
                return None
            chain = self._check_range(start, top, running)
            if chain is None:
                return None
            if joins is not None and chain != joins:
                self._refuse(f"seq {top} changed while it was being checked")
                return None
            result = chain if result is None else result
            if start == anchor:
                return result
            top, joins = start, running

    def _check_range(self, start: int, end: int, running: bytes) -> bytes | None:
        """The chain hash at ``end`` if seq start+1..end chain on from ``running`` (the chain hash at ``start``) with
        valid writer signatures and indexed copies; None, and an alarm, otherwise."""
        keys = PublicKeys(self.store.public_keys())
        expected = start + 1
        for seq, envelope, leaf, prev, stored, key_id, sig in self.store.iter_events(start + 1, end):
            mine = key_id == self.key.key_id and self._own.get(seq) == (leaf, sig)
            if (seq != expected or leaf_hash(envelope) != leaf or prev != running
                    or chain_hash(prev, seq, leaf) != stored or not (mine or keys.verify(key_id, sig, leaf))):
                self._refuse(f"seq {seq} does not check out")
                return None
            running, expected = stored, expected + 1
        if expected != end + 1:
            self._refuse(f"events up to seq {end} are missing")
            return None
        for seq, envelope, *copies in self.store.iter_index_copies(start + 1, end):
            why = index_copy_problem(envelope, *copies)
            if why is not None:
                self._refuse(f"seq {seq}: {why}")
                return None
        return running

    def _stored_chain(self, seq: int) -> bytes | None:
        with self.store.reader.connect() as connection:
            chain = connection.execute(select(audit_event.c.chain_hash).where(
                audit_event.c.log_id == self.store.log_id, audit_event.c.seq == seq)).scalar()
        return None if chain is None else bytes(chain)

    def _checkpointed_chain(self, seq: int) -> bytes | None:
        with self.store.reader.connect() as connection:
            chain = connection.execute(select(audit_checkpoint.c.chain_hash).where(
                self._agrees_with_the_log(), audit_checkpoint.c.seq == seq).limit(1)).scalar()
        return None if chain is None else bytes(chain)

    def _refuse(self, why: str) -> None:
        self.alarm = f"{why}: checkpoint refused (run 'moderator-app audit verify')"
        log.error("audit: %s", self.alarm)
