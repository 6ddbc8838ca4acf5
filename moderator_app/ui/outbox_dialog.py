"""Decisions the platform refused, with its reason, a retry and a dismiss (set aside, audited, no longer counted:
the red counter goes). Stays current while open: it refreshes on every
outbox change announced on ``AppEvents.changed`` (a retry here, a delivery or a refusal in the background)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.changes import Changes
from moderator_app.services.review import OutboxFailure, ReviewService
from moderator_app.ui.events import AppEvents
from moderator_app.ui.operations import Op
from moderator_app.ui.presenters import decision_label
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


class OutboxDialog(QDialog):
    def __init__(self, service: ReviewService, runner: TaskRunner, events: AppEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening makes a new one: do not pile up
        self.setWindowTitle(self.tr("Outbox: failed decisions"))
        self.resize(760, 360)
        self._service, self._runner, self._events = service, runner, events
        layout = QVBoxLayout(self)
        note = self.tr("The platform refused these decisions. Retry, decide the post again, or dismiss the "
                       "refusal (kept in the audit log, never sent).")
        layout.addWidget(plain_label("outbox_note", note))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("outbox_failures")
        self.table.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Decision"), self.tr("Reason"), "", ""])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(2, 380)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        events.changed.connect(self._on_changed)  # a connection to a slot of ours: Qt drops it when we are deleted
        self.refresh()

    def refresh(self) -> None:
        self._runner.submit(Lane.DB, self._service.outbox_failures, self._show)

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox:
            self.refresh()

    def _show(self, failures: Sequence[OutboxFailure]) -> None:
        self.table.setRowCount(len(failures))
        for row, failure in enumerate(failures):
            for column, text in enumerate((failure.post_id, decision_label(failure.kind), failure.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))  # items show plain text
            retry = QPushButton(self.tr("Retry"))
            retry.setObjectName(f"retry_{failure.entry_id}")
            retry.clicked.connect(functools.partial(self._retry, failure.entry_id))
            self.table.setCellWidget(row, 3, retry)
            dismiss = QPushButton(self.tr("Dismiss"))
            dismiss.setObjectName(f"dismiss_{failure.entry_id}")
            dismiss.clicked.connect(functools.partial(self._dismiss, failure.entry_id))
            self.table.setCellWidget(row, 4, dismiss)

    def _retry(self, entry_id: str, *_clicked: object) -> None:
        # The changes go to every view (the status bar's counts, this table) through AppEvents.changed.
        Op(self._runner, self._events, lambda: self._service.retry_failed(entry_id), lane=Lane.DB,
           changes=lambda changes: changes, parent=self).run()

    def _dismiss(self, entry_id: str, *_clicked: object) -> None:
        Op(self._runner, self._events, lambda: self._service.dismiss_failed(entry_id), lane=Lane.DB,
           changes=lambda changes: changes, parent=self).run()
