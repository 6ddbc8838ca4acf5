"""The decision outbox: journal first, then deliver in order, exactly once, through any network trouble.

    outbox = Outbox(client, on_delivered=..., on_failed=...)   # journal at paths.data_dir()/outbox.sqlite3
    outbox.record(decision)          # durable before it returns; wakes the background sender if running
    outbox.start_background()        # GUI: a daemon thread delivers whatever is pending
    outbox.deliver_pending()         # CLI: deliver synchronously (``in_flight`` requests at once), a DeliveryReport
    outbox.state()                   # pending count, parked failures with the platform's reason, last error
    outbox.retry(seq)                # put a parked entry back in line (e.g. after claiming the post again)

Transient failures (network, timeouts, 5xx, 429) are retried with capped exponential backoff and jitter; replays
carry the same Idempotency-Key, so the platform applies each decision once. With ``in_flight=1`` (the GUI) entries
go in journal order; a bulk run keeps several in flight, each entry in one worker's hands at a time. Permanent
failures (409 conflict, 409/423 lease, 422, 404, 403, a malformed answer) are parked for the moderator.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from moderator_app import paths
from moderator_app.core.decisions import Decision, PlatformDecision, validation_problems
from moderator_app.core.errors import (
    AuthenticationRequired,
    Conflict,
    InvalidRequest,
    LeaseError,
    NotFound,
    PermissionDenied,
    PlatformError,
    PlatformUnavailable,
    ProtocolError,
    RateLimited,
    UsageError,
)
from moderator_app.core.ports import PlatformGateway
from moderator_app.services.outbox_journal import EntryState, OutboxEntry, OutboxJournal

JOURNAL_FILE = "outbox.sqlite3"
PERMANENT: tuple[tuple[type[PlatformError], str], ...] = (
    (LeaseError, "lease"), (InvalidRequest, "invalid"), (NotFound, "not_found"), (PermissionDenied, "forbidden"),
    (ProtocolError, "protocol"),
)

OnDelivered = Callable[[OutboxEntry, PlatformDecision], None]
OnFailed = Callable[[OutboxEntry, PlatformError], None]


def account_key(base_url: str, user_id: str) -> str:
    """Entries belong to one platform and one user: only that user's token may deliver them."""
    return f"{base_url.rstrip('/')}#{user_id}"


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def derived_idempotency_key(user_id: str, decision: Decision) -> str:
    """The same lead deciding the same post the same way gets the same key: a re-run sends nothing twice."""
    content = json.dumps([user_id, decision.post_id, decision.kind.value, sorted(decision.categories),
                          decision.note, decision.restriction_days, decision.refutation], ensure_ascii=False)
    return "k1-" + hashlib.sha256(content.encode()).hexdigest()[:40]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    initial_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.max_delay, self.initial_delay * 2 ** max(0, attempt - 1))
        return float(base * rng.uniform(0.5, 1.0))  # jitter, so many workstations do not retry in step


@dataclass(frozen=True, slots=True)
class OutboxState:
    pending: int
    failed: tuple[OutboxEntry, ...]
    last_error: str | None
    blocked: str | None  # why delivery stopped (e.g. log in again); None while it can proceed


@dataclass(slots=True)
class DeliveryReport:
    delivered: list[OutboxEntry] = field(default_factory=list)
    failed: list[OutboxEntry] = field(default_factory=list)
    transient_errors: int = 0
    blocked: str | None = None
    already_applied: list[OutboxEntry] = field(default_factory=list)  # of ``delivered``: the platform had them


def applied_before(decision: Decision, ack: PlatformDecision) -> bool:
    """The platform's decision is not the one this request carried but an earlier sending of the same decision
    (an earlier run, another workstation): its client time is another. A platform that does not echo the client
    time never says so, and every delivery counts as new."""
    return ack.client_time is not None and ack.client_time != decision.client_time


class Outbox:
    def __init__(
        self,
        gateway: PlatformGateway,
        account: str,
        *,
        journal: OutboxJournal | None = None,
        retry: RetryPolicy | None = None,
        on_delivered: OnDelivered | None = None,
        on_failed: OnFailed | None = None,
        on_change: Callable[[], None] | None = None,
        in_flight: int = 1,
    ) -> None:
        self.gateway = gateway
        self.account = account
        self.journal = journal or OutboxJournal(journal_path())
        self.retry_policy = retry or RetryPolicy()
        self.on_delivered = on_delivered
        self.on_failed = on_failed
        self.on_change = on_change
        self.in_flight = max(1, in_flight)
        self.last_error: str | None = None
        self.blocked: str | None = None
        self._rng = random.Random()
        self._send_lock = threading.Lock()  # one delivery loop at a time keeps the order
        self._report_lock = threading.Lock()  # outcomes are handed on one at a time, whatever the workers
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- recording ----------------------------------------------------------------------------------------

    def record(self, decision: Decision) -> OutboxEntry:
        return self.record_many([decision])[0][0]

    def record_many(self, decisions: Iterable[Decision]) -> list[tuple[OutboxEntry, bool]]:
        """Journal durably; returns (entry, newly added). A key seen before returns the entry already journalled."""
        batch = list(decisions)
        for decision in batch:
            problems = validation_problems(decision)
            if problems:
                raise UsageError(f"post {decision.post_id}: {'; '.join(problems)}")
        entries = self.journal.add_many(self.account, batch)
        self._wake.set()
        self._changed()
        return entries

    # --- state --------------------------------------------------------------------------------------------

    def state(self) -> OutboxState:
        return OutboxState(self.journal.pending_count(self.account), tuple(self.journal.failed(self.account)),
                           self.last_error, self.blocked)

    def retry(self, seq: int) -> None:
        entry = self.journal.get(seq)
        if entry is None or entry.account != self.account or entry.state is not EntryState.FAILED:
            raise UsageError(f"outbox entry {seq} is not a failed decision of this account")
        self.journal.requeue(seq)
        self.blocked = None
        self._wake.set()
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # --- delivery -----------------------------------------------------------------------------------------

    def deliver_pending(self, stop: threading.Event | None = None) -> DeliveryReport:
        """Deliver until nothing is pending, ``stop`` is set, or the platform needs a new login."""
        report = DeliveryReport()
        stop = stop or threading.Event()
        with self._send_lock:
            self.blocked = None
            if self.in_flight == 1:
                while not stop.is_set() and not report.blocked:
                    entry = self.journal.next_pending(self.account)
                    if entry is None:
                        break
                    self._deliver(entry, report, stop)
            else:
                self._deliver_in_parallel(report, stop)
        return report

    def _deliver_in_parallel(self, report: DeliveryReport, stop: threading.Event) -> None:
        """``in_flight`` workers take entries from one journal cursor; an entry is in one worker's hands only, so
        each key is sent by one thread at a time and exactly-once stays the platform's per-key rule."""
        while not stop.is_set() and not report.blocked and self.journal.pending_count(self.account):
            entries, lock = self._pending_entries(), threading.Lock()
            with ThreadPoolExecutor(self.in_flight, thread_name_prefix="outbox-send") as pool:
                workers = [pool.submit(self._work, entries, lock, report, stop) for _ in range(self.in_flight)]
                for worker in workers:
                    worker.result()

    def _work(self, entries: Iterator[OutboxEntry], lock: threading.Lock, report: DeliveryReport,
              stop: threading.Event) -> None:
        while not stop.is_set() and not report.blocked:
            with lock:
                entry = next(entries, None)
            if entry is None:
                return
            self._deliver(entry, report, stop)

    def _pending_entries(self, page: int = 500) -> Iterator[OutboxEntry]:
        after = 0
        while True:
            batch = self.journal.pending(self.account, page, after_seq=after)
            if not batch:
                return
            yield from batch
            after = batch[-1].seq

    def _deliver(self, entry: OutboxEntry, report: DeliveryReport, stop: threading.Event) -> None:
        attempt = 0
        while not stop.is_set():
            attempt += 1
            try:
                ack = self.gateway.submit_decision(entry.decision)
            except AuthenticationRequired as exc:  # the entry stays pending until a new login
                with self._report_lock:
                    self.last_error = self.blocked = report.blocked = str(exc)
                    self._changed()
                return
            except Conflict as exc:
                winner = exc.existing if isinstance(exc.existing, PlatformDecision) else None
                if winner is not None and _same_decision(entry.decision, winner):
                    self._delivered(entry, winner, report, attempt)  # ours, sent earlier under another key
                else:
                    self._park(entry, "conflict", exc, winner, report, attempt)
                return
            except RateLimited as exc:
                self._transient(entry, exc, max(exc.retry_after, self.retry_policy.delay(attempt, self._rng)),
                                report, stop)
                continue
            except PlatformUnavailable as exc:
                self._transient(entry, exc, self.retry_policy.delay(attempt, self._rng), report, stop)
                continue
            except PlatformError as exc:
                kind = next((name for cls, name in PERMANENT if isinstance(exc, cls)), "error")
                self._park(entry, kind, exc, None, report, attempt)
                return
            self._delivered(entry, ack, report, attempt)
            return

    def _transient(self, entry: OutboxEntry, exc: PlatformError, delay: float, report: DeliveryReport,
                   stop: threading.Event) -> None:
        with self._report_lock:
            report.transient_errors += 1
            self.last_error = str(exc)
            self._changed()
        stop.wait(delay)

    # The outcome is handed on (the workstation audits it) before the journal records it: a process killed in
    # between delivers again under the same key and reports the outcome again, where the other order never would.
    def _delivered(self, entry: OutboxEntry, ack: PlatformDecision, report: DeliveryReport, attempts: int) -> None:
        done = replace(entry, state=EntryState.DELIVERED, attempts=entry.attempts + attempts, platform_decision=ack)
        with self._report_lock:
            if self.on_delivered is not None:
                self.on_delivered(done, ack)
            self.journal.mark_delivered(entry.seq, ack, attempts)
            delivered = self.journal.get(entry.seq) or done
            report.delivered.append(delivered)
            if applied_before(entry.decision, ack):
                report.already_applied.append(delivered)
            self.last_error = None
            self._changed()

    def _park(self, entry: OutboxEntry, kind: str, exc: PlatformError, winner: PlatformDecision | None,
              report: DeliveryReport, attempts: int) -> None:
        parked = replace(entry, state=EntryState.FAILED, attempts=entry.attempts + attempts, last_error=str(exc),
                         failure_kind=kind, platform_decision=winner)
        with self._report_lock:
            if self.on_failed is not None:
                self.on_failed(parked, exc)
            self.journal.mark_failed(entry.seq, kind, str(exc), winner, attempts)
            report.failed.append(self.journal.get(entry.seq) or parked)
            self.last_error = None  # the platform answered (a refusal): reachable, not "offline"
            self._changed()

    # --- background sender (GUI) --------------------------------------------------------------------------

    def start_background(self, idle_poll_s: float = 30.0) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._wake.set()  # deliver whatever a previous session left
        self._thread = threading.Thread(target=self._run, args=(idle_poll_s,), name="outbox-sender", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Try again now (e.g. after a new login)."""
        self._wake.set()

    def stop_background(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self, idle_poll_s: float) -> None:
        while not self._stop.is_set():
            self._wake.wait(idle_poll_s)
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                self.deliver_pending(self._stop)
            except Exception as exc:  # noqa: BLE001  # the sender thread must outlive one bad moment (disk, bug)
                self.last_error = f"the outbox sender stopped on an error and will try again: {exc}"
                self._changed()

    def close(self) -> None:
        self.stop_background()
        self.journal.close()


def _same_decision(ours: Decision, theirs: PlatformDecision) -> bool:
    return (theirs.decided_by == ours.moderator and theirs.kind is ours.kind
            and sorted(theirs.categories) == sorted(ours.categories) and theirs.note == ours.note)


def journal_path() -> Path:
    return paths.data_dir() / JOURNAL_FILE
