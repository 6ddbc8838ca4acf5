"""The workstation's side of the platform witness: receipts for the audit log's head, kept in the log.

While connected, a background thread asks ``POST /v1/audit-witness`` for the current head at least every
``EVERY_EVENTS`` (50) appended events or ``EVERY_SECONDS`` (60 s), whichever comes first; ``flush()`` asks once
more at the end of every GUI session and every CLI run that appended. Each receipt is checked against the pinned
platform key before it is stored. Appends never wait for the platform: one round trip per 50 events at most, off
the appending thread, and a platform that is down only widens the unanchored tail (retried at the next trigger).

A kill -9 therefore loses at most what came after the last receipt: ≤ 50 events or ≤ 60 s of them, and
``audit verify --witness`` states exactly that window.

The decision pipeline can make the receipts cheaper still by piggy-backing: ``note_receipt`` takes a receipt that
arrived with a decision's acknowledgement (see docs/audit.md, "Witnessing").
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from moderator_app import paths
from moderator_app.audit.store import AuditStore
from moderator_app.audit.witness import log_identity, receipt_problem, store_receipt
from moderator_app.core.errors import ModeratorError, PlatformError, WitnessConflict
from moderator_app.core.models import PlatformKey, WitnessReceipt
from moderator_app.platform_api import PlatformClient
from moderator_app.services.platform_key import PlatformKeyChanged, pinned_platform_key

log = logging.getLogger(__name__)
EVERY_EVENTS = 50
EVERY_SECONDS = 60.0
RETRY_SECONDS = 10.0


class AuditWitness:
    def __init__(self, store: AuditStore, client: PlatformClient, *, key_folder: Path | None = None,
                 every_events: int = EVERY_EVENTS, every_seconds: float = EVERY_SECONDS,
                 clock: Callable[[], float] = time.monotonic, background: bool = True) -> None:
        self.store, self.client = store, client
        self.key_folder = key_folder or paths.config_dir()
        self.every_events, self.every_seconds, self.clock = every_events, every_seconds, clock
        self.alarm: str | None = None  # set on a fork: the platform witnessed another history of this log
        self.last_receipt: WitnessReceipt | None = None
        self._identity: str | None = None
        self._key: PlatformKey | None = None
        self._witnessed = 0  # the highest seq a receipt (ours or, for a team database, another's) covers
        self._appended = 0  # the highest seq appended through this workstation
        self._since = clock()
        self._retry_at = 0.0  # after a failure: not before this (a platform that is down is not hammered)
        self._lock = threading.Lock()  # one request at a time: receipts stay monotonic
        self._wake = threading.Condition()
        self._stopped = False
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._run, name="audit-witness", daemon=True)
            self._thread.start()

    # -- called on the appending thread: cheap, never waits on the platform -------------------------------------
    def appended(self, head_seq: int) -> None:
        with self._wake:
            if head_seq > self._appended:
                self._appended = head_seq
            if self._appended - self._witnessed >= self.every_events:
                self._wake.notify()

    def note_receipt(self, receipt: WitnessReceipt) -> bool:
        """A receipt obtained elsewhere (the decision pipeline's acknowledgement): checked, then kept."""
        with self._lock:
            return self._keep(receipt)

    # -- the background thread and the end of a run ---------------------------------------------------------------
    def flush(self) -> WitnessReceipt | None:
        """Witness the head now (session end, CLI run end); None when there is nothing new or no platform."""
        with self._lock:
            return self._witness_head()

    def close(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._stopped and not self._due():
                    self._wake.wait(timeout=self._wait())
                if self._stopped:
                    return
            with self._lock:
                self._witness_head()

    def _due(self) -> bool:
        now = self.clock()
        if self._appended <= self._witnessed or now < self._retry_at:
            return False
        return self._appended - self._witnessed >= self.every_events or now >= self._since + self.every_seconds

    def _wait(self) -> float:
        if self._appended <= self._witnessed:
            return self.every_seconds
        if self._appended - self._witnessed >= self.every_events:
            return max(0.05, self._retry_at - self.clock())
        return max(0.05, max(self._retry_at, self._since + self.every_seconds) - self.clock())

    def _witness_head(self) -> WitnessReceipt | None:
        self._since = self.clock()
        try:
            seq, chain = self.store.head()
            if self._identity is None:
                self._identity = log_identity(self.store)
            if seq <= self._witnessed or self._identity is None:
                with self._wake:  # nothing new after all (the head moved back?): no spinning on it
                    self._appended = min(self._appended, self._witnessed)
                return None
            receipt = self.client.witness(log_id=self._identity, seq=seq, chain_hash=chain.hex())
        except WitnessConflict as exc:
            if exc.fork:
                self.alarm = f"the platform refused to witness this audit log: {exc}"
                log.error("audit witness: %s", self.alarm)
                self._retry_at = self.clock() + RETRY_SECONDS
            else:  # another workstation on the same team database witnessed a later head: covered
                self._witnessed = max(self._witnessed, seq)
            return None
        except (PlatformError, ModeratorError) as exc:
            log.info("audit witness unavailable (retried in %s s): %s", RETRY_SECONDS, exc)
            self._retry_at = self.clock() + RETRY_SECONDS
            return None
        return receipt if self._keep(receipt) else None

    def _keep(self, receipt: WitnessReceipt) -> bool:
        try:
            if self._key is None:
                self._key = pinned_platform_key(self.client, self.key_folder)
            why = receipt_problem(receipt, self._key, self._identity or log_identity(self.store))
            if why is not None:
                self.alarm = f"the platform's witness receipt for seq {receipt.seq} is not valid: {why}"
                log.error("audit witness: %s", self.alarm)
                return False
            store_receipt(self.store, receipt)
        except PlatformKeyChanged as exc:
            self.alarm = str(exc)
            log.error("audit witness: %s", exc)
            return False
        except (PlatformError, ModeratorError) as exc:
            log.warning("audit witness: receipt for seq %s not kept: %s", receipt.seq, exc)
            return False
        with self._wake:
            self._witnessed = max(self._witnessed, receipt.seq)
            self._retry_at = 0.0
        self.last_receipt = receipt
        return True
