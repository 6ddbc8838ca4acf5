"""The audit log as the CLI and the GUI use it: the writer with this workstation's key, checkpoints (interval,
export, shutdown), the local checkpoint copy, the spool for a team database that is down, verification and queries.

The GUI calls ``verify`` on its database lane with a progress callback and a CancelToken, and shows ``alarm``.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from moderator_app import paths
from moderator_app.audit import query
from moderator_app.audit.checkpoints import INTERVAL, LocalCheckpoints
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.spool import Spool, SpoolingWriter
from moderator_app.audit.store import DEFAULT_LOG_ID, AuditStore
from moderator_app.audit.synthetic import generate, refuse_real_events
from moderator_app.audit.verify import WitnessCheck, verify_log
from moderator_app.audit.witness import log_identity
from moderator_app.audit.writer import AuditWriter
from moderator_app.core.audit import (
    AppendReceipt,
    AuditEvent,
    CancelToken,
    Checkpoint,
    EventFilter,
    ProgressCallback,
    RecordedEvent,
    SpoolStatus,
    VerifyReport,
    Witness,
)
from moderator_app.core.errors import ModeratorError, StorageUnavailable
from moderator_app.platform_api import PlatformClient
from moderator_app.services.secrets import load_signing_key
from moderator_app.services.witnessing import AuditWitness
from moderator_app.settings.store import default_store

log = logging.getLogger(__name__)


def resolve_database_url(url: str | None = None) -> str:
    """--db, else MODAPP_DATABASE_URL or the settings' database_url, else the workstation's SQLite file."""
    if url:
        return url
    settings = default_store().load()
    if settings.database_url:
        return settings.database_url
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    return paths.default_database_url()


class AuditLogService:
    """Implements core.ports.AuditLog."""

    def __init__(self, store: AuditStore, writer: AuditWriter, local: LocalCheckpoints,
                 spooler: SpoolingWriter | None, key_warning: str | None) -> None:
        self.store, self.writer, self.local, self.spooler = store, writer, local, spooler
        self.key_warning = key_warning
        self.witness: AuditWitness | None = None  # the platform's receipts for the head (services.witnessing)
        self._appended_since_checkpoint = False

    # -- writing ---------------------------------------------------------------------------------------------
    def append(self, event: AuditEvent) -> AppendReceipt:
        receipt = self.spooler.append(event) if self.spooler else self.writer.append(event)
        self._appended_since_checkpoint = True
        if self.witness is not None and receipt.seq is not None:
            self.witness.appended(receipt.seq)
        return receipt

    def append_many(self, events: Sequence[AuditEvent]) -> list[AppendReceipt]:
        """Several events in order (a burst): on PostgreSQL one group commit, a fraction of the cost of one by one."""
        receipts = self.spooler.append_many(events) if self.spooler else self.writer.append_many(events)
        self._appended_since_checkpoint = True
        if self.witness is not None and receipts and receipts[-1].seq is not None:
            self.witness.appended(max(r.seq or 0 for r in receipts))
        return receipts

    def checkpoint(self, reason: str) -> Checkpoint | None:
        """Sign the current head (at an export: reason "export"). None when the log is empty or does not check out."""
        checkpoint = self.writer.checkpoint(reason)
        self._appended_since_checkpoint = False
        return checkpoint

    def witness_now(self) -> None:
        """Have the platform witness the head now (the end of a session, while still logged in)."""
        if self.witness is not None:
            self.witness.flush()

    def flush_spool(self) -> int:
        return self.spooler.flush(force=True) if self.spooler else 0

    def spool_status(self) -> SpoolStatus:
        return self.spooler.status() if self.spooler else SpoolStatus(0)

    @property
    def alarm(self) -> str | None:
        """Set when the writer refused to checkpoint events that do not check out, or the platform's witness saw
        another history of this log (a fork): show it, loudly."""
        return self.writer.alarm or (self.witness.alarm if self.witness is not None else None)

    # -- reading ---------------------------------------------------------------------------------------------
    def verify(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               *, all_signatures: bool = False, new_only: bool = False, witness: WitnessCheck | None = None,
               trusted_keys: dict[str, bytes] | None = None, remember: bool = True) -> VerifyReport:
        """The whole log, or (``new_only``, the GUI's periodic background check) only the events after the newest
        checkpoint this workstation verified before. Show ``report.first_problem`` as an alarm when not ``ok``.
        ``remember=False`` (``audit verify``) writes nothing, not even this workstation's checkpoint copy."""
        checkpoints = self.store.checkpoints()  # before the verification, which will compare each with the chain
        since = self.local.latest() if new_only else None
        report = verify_log(self.store, self.local, progress=progress, cancel=cancel, all_signatures=all_signatures,
                            since=since, witness=witness, trusted_keys=trusted_keys)
        if report.ok and remember:
            self._remember_checkpoints([c for c in checkpoints if c.seq <= report.head_seq])  # ok: all up to head
        return report

    def _remember_checkpoints(self, verified: list[Checkpoint]) -> None:
        """Keep a copy of the newest verified checkpoint (possibly another workstation's) outside the database."""
        mine = self.local.latest()
        newest = max(verified, key=lambda c: c.seq, default=None)
        if newest is not None and (mine is None or newest.seq > mine.seq):
            public_key = self.store.public_keys().get(newest.key_id)
            if public_key is not None:
                self.local.record(newest, public_key)

    def events(self, wanted: EventFilter | None = None, *, after_seq: int = 0, limit: int = 500) -> list[RecordedEvent]:
        return query.query_events(self.store, wanted, after_seq=after_seq, limit=limit)

    def generate(self, count: int, *, seed: int = 2011, progress: ProgressCallback | None = None) -> int:
        """A synthetic history (audit/synthetic.py); refused, before anything is written, on a log with real events."""
        self.store.ensure_ready()
        refuse_real_events(self.store)
        self.writer.start()
        self._appended_since_checkpoint = True
        return generate(self.writer, count, seed=seed, progress=progress)

    def close(self) -> None:
        """Shutdown: flush the spool if the database is back, sign a shutdown checkpoint, have the platform witness
        the head (when this run appended), let go of files."""
        try:
            if self.spooler:
                self.spooler.flush(force=True)
            if self._appended_since_checkpoint and self.spool_status().empty:
                self.writer.checkpoint("shutdown")
                if self.witness is not None:
                    self.witness.flush()
        except StorageUnavailable as exc:
            log.warning("audit: no shutdown checkpoint, the database is unreachable: %s", exc)
        finally:
            if self.witness is not None:
                self.witness.close()
            if self.spooler:
                self.spooler.spool.close()
            self.store.close()


def _identity(store: AuditStore) -> str | None:
    try:
        return log_identity(store)
    except DBAPIError:  # the team database is down: the copy goes to the older, URL-named file meanwhile
        return None


def check_synthetic_target(database_url: str) -> None:
    """Before anything is written there (not even this workstation's key): a synthetic history goes only into a new
    log, or one that holds synthetic events only."""
    store = AuditStore(resolve_database_url(database_url))
    try:
        store.ensure_ready()  # an empty log in a new database; an old or unprotected one is refused
        refuse_real_events(store)
    finally:
        store.close()


def open_audit_log(database_url: str | None = None, *, workstation: str | None = None,
                   witness: Witness | None = None, data_dir: Path | None = None,
                   log_id: str = DEFAULT_LOG_ID, checkpoint_interval: int = INTERVAL,
                   retry_seconds: float = 10.0, require_database: bool = False,
                   for_verification: bool = False, platform: PlatformClient | None = None) -> AuditLogService:
    """Open (and, the first time, create) the audit log. A bad URL raises UsageError.

    A team database that is down is not an error: events are spooled until it returns. ``require_database``
    raises StorageUnavailable instead (the CLI). ``for_verification``: the log must already exist (UsageError
    otherwise, so a mistyped path is not reported as an intact empty log) and nothing is written, not even this
    workstation's key, so a damaged database can still be examined. ``platform``: the platform witnesses the
    head (``services.witnessing``: every 50 events or 60 s, and at ``close``)."""
    url = resolve_database_url(database_url)
    folder = data_dir or paths.data_dir()
    store = AuditStore(url, log_id=log_id)
    try:
        if for_verification:
            store.require_existing()
        elif require_database:
            store.ensure_ready()
    except ModeratorError:
        store.close()
        raise
    if for_verification:  # verifying signs nothing: no key is created or read
        key, warning = SigningKey.generate(), None
    else:
        key, warning = load_signing_key(folder)
    if warning:
        log.warning("%s", warning)
    local = LocalCheckpoints.for_database(folder, store.display_url, log_id, identity=lambda: _identity(store),
                                          writer_key_id=key.key_id)
    writer = AuditWriter(store, key, workstation or socket.gethostname(), local=local, witness=witness,
                         interval=checkpoint_interval)
    spooler = None
    if store.dialect == "postgresql" and not for_verification:
        spool = Spool(folder / "audit-spool" / f"{local.path.stem}.sqlite3")
        spooler = SpoolingWriter(writer, spool, retry_seconds=retry_seconds)
    if not for_verification:
        try:
            writer.start()
        except StorageUnavailable as exc:
            if spooler is None:
                raise
            log.warning("audit: team database unreachable, spooling locally: %s", exc)
    service = AuditLogService(store, writer, local, spooler, warning)
    if platform is not None and not for_verification:
        service.witness = AuditWitness(store, platform)
    return service
