"""The status bar: connection, outbox, lease, decisions today, wellbeing.

It does not poll. It asks the session for its status (off the GUI thread) when something announces a change: an
operation of this window (``AppEvents.changed``) or the session itself (``ReviewService.subscribe``: the outbox
delivered, parked or retried a decision, the platform went away or came back). It relays the session's
announcements onto ``AppEvents.changed`` so every view hears them. Only the lease countdown is redrawn on a timer,
from what it already has.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton

from moderator_app.core.changes import Changes
from moderator_app.services.review import ReviewService, WorkstationStatus
from moderator_app.settings import Settings
from moderator_app.ui.events import AppEvents
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label

LEASE_REDRAW_MS = 30_000
AUDIT_CHECK_MS = 30_000


class StatusBar(QStatusBar):
    _announced = Signal(object)  # Changes the session announced, from whichever thread made them

    def __init__(self, runner: TaskRunner, settings: Settings, now: Callable[[], datetime] | None = None,
                 *, events: AppEvents | None = None) -> None:
        super().__init__()
        self.setObjectName("status_bar")
        self._runner = runner
        self._service: ReviewService | None = None
        self._now = now or (lambda: datetime.now(UTC))
        self.events = events or AppEvents(self)
        self.events.changed.connect(self._on_changed)
        self._announced.connect(self._relay, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = None
        self._asking = False  # a status request is on its way
        self._stale = False  # something changed while it was: ask again when it is back
        self.refreshes = 0  # status requests made (tests: nothing asks without a reason)
        self.connection = self._label("status_connection", self.tr("Connecting…"))
        self.outbox = QToolButton()
        self.outbox.setObjectName("status_outbox")
        self.outbox.setAutoRaise(True)
        self.outbox.setText(self.tr("Outbox: 0 pending"))
        self.outbox.setAccessibleName(self.tr("Outbox"))
        self.outbox.clicked.connect(self._open_outbox)
        self.lease = self._label("status_lease", self.tr("No lease"))
        self.decisions = self._label("status_decisions", self.tr("Decisions today: 0"))
        self.severity = self._label("status_severity", self.tr("High-severity seen: 0"))
        self.alarm = self._label("status_alarm", "")
        self.alarm.setStyleSheet("color: white; background: #c0392b; padding: 0 6px;")
        self.alarm.hide()
        for widget in (self.alarm, self.connection, self.outbox, self.lease, self.decisions, self.severity):
            self.addPermanentWidget(widget)
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_REDRAW_MS)
        self._lease_timer.timeout.connect(self._show_lease)
        # The audit log's new events are verified in the background; a failure raises the red alarm.
        self._audit_timer = QTimer(self)
        self._audit_timer.setInterval(AUDIT_CHECK_MS)
        self._audit_timer.timeout.connect(self.check_audit)
        # Break reminder: counts time with the window open; a professional tool looks after its users.
        self._break_minutes = settings.break_reminder_minutes
        self._session_started = time.monotonic()
        self._break_timer = QTimer(self)
        self._break_timer.setInterval(60_000)
        self._break_timer.timeout.connect(self._check_break)
        if self._break_minutes:
            self._break_timer.start()
        self.last: WorkstationStatus | None = None

    @staticmethod
    def _label(name: str, text: str) -> QLabel:
        return plain_label(name, text)

    def attach(self, service: ReviewService) -> None:
        self.detach()
        self._service = service
        self._unsubscribe = service.subscribe(self._from_service)
        self.refresh()
        self._lease_timer.start()
        self._audit_timer.start()

    def detach(self) -> None:
        """Stop listening to the session (closing: the session must not keep this widget alive or call it)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _from_service(self, changes: Changes) -> None:
        """Any thread. Hand the changes to the GUI thread; a status bar already gone has nothing to update."""
        # RuntimeError: the C++ object is deleted (the window closed while the outbox was delivering).
        with contextlib.suppress(RuntimeError):
            self._announced.emit(changes)

    def _relay(self, changes: Changes) -> None:
        self.events.changed.emit(changes, self._service)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.audit or changes.status or changes.queue:
            self.refresh()

    def check_audit(self) -> None:
        if self._service is not None:
            self._runner.submit(Lane.DB, self._service.check_audit, self._show_alarm, self._on_audit_check_failed)

    def _show_alarm(self, problem: str | None) -> None:
        self.alarm.setText(problem or "")
        self.alarm.setVisible(bool(problem))

    def stop(self) -> None:
        self.detach()
        self._audit_timer.stop()
        self._lease_timer.stop()
        self._break_timer.stop()

    def refresh(self) -> None:
        """Ask the session for its status, at most one request at a time (changes meanwhile: one more after)."""
        if self._service is None:
            return
        if self._asking:
            self._stale = True
            return
        self._asking, self._stale = True, False
        self.refreshes += 1
        self._runner.submit(Lane.NET, self._service.status, self._show, self._on_refresh_failed)

    def _answered(self) -> None:
        self._asking = False
        if self._stale:
            self.refresh()

    def _on_audit_check_failed(self, error: BaseException) -> None:
        # The log could not be read: as loud as a failed check, and not mistaken for the platform being offline.
        self._show_alarm(self.tr("Audit log check could not run: {0}").format(str(error)[:120]))

    def _on_refresh_failed(self, error: BaseException) -> None:
        self.connection.setText(self.tr("Offline: {0}").format(str(error)[:80]))
        self._answered()

    def _show(self, status: WorkstationStatus) -> None:
        self.last = status
        self.connection.setText(self.tr("Online") if status.connected else self.tr("Offline — decisions are kept"))
        text = self.tr("Outbox: {0} pending").format(status.outbox_pending)
        if status.outbox_failed:
            text += self.tr(", {0} failed").format(status.outbox_failed)
        self.outbox.setText(text)
        self.outbox.setStyleSheet("color: #c0392b; font-weight: bold;" if status.outbox_failed else "")
        self._show_lease()
        self.decisions.setText(self.tr("Decisions today: {0}").format(status.decisions_today))
        self._show_alarm(status.audit_alarm)
        notices = " · ".join(status.notices)
        self.setToolTip(notices)
        if notices:
            self.showMessage(notices)
        self._answered()

    def _show_lease(self) -> None:
        expires = self.last.lease_expires_at if self.last is not None else None
        if expires is not None:
            minutes = max(0, int((expires - self._now()).total_seconds() // 60))
            held = self.last.claimed if self.last is not None else 0
            self.lease.setText(self.tr("Holding {0} posts · lease: {1} min left").format(held, minutes))
        else:
            self.lease.setText(self.tr("No lease"))

    def set_high_severity_seen(self, count: int) -> None:
        self.severity.setText(self.tr("High-severity seen: {0}").format(count))

    def _check_break(self) -> None:
        minutes = (time.monotonic() - self._session_started) / 60
        if self._break_minutes and minutes >= self._break_minutes:
            self.showMessage(self.tr("You have been reviewing for {0} minutes. Time for a short break.").format(
                int(minutes)))
            self._session_started = time.monotonic()

    def _open_outbox(self) -> None:
        if self._service is None:
            return
        from moderator_app.ui.outbox_dialog import OutboxDialog

        OutboxDialog(self._service, self._runner, self.events, self.window()).open()
