"""The audit viewer: filters, the lazy event table, one event's details with its chain status, "Verify now" and
"Export…"."""

from __future__ import annotations

import json

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.audit import RecordedEvent, VerifyReport
from moderator_app.core.lead import EventStatus
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.lead.event_model import AuditEventModel
from moderator_app.ui.lead.export_dialog import ExportDialog
from moderator_app.ui.lead.filters import FilterBar
from moderator_app.ui.lead.progress import ProgressDialog
from moderator_app.ui.lead.synthetic_banner import synthetic_banner
from moderator_app.ui.presenters import printable
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


class AuditViewer(QWidget):
    def __init__(self, console: LeadConsole, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_viewer")
        self._console, self._runner = console, runner
        layout = QVBoxLayout(self)
        self.synthetic = synthetic_banner(console, runner)
        layout.addWidget(self.synthetic)
        self.filters = FilterBar()
        layout.addWidget(self.filters)
        actions = QHBoxLayout()
        self.count_label = plain_label("viewer_count", "")
        actions.addWidget(self.count_label, 1)
        self.verify_button = QPushButton(self.tr("Verify now"))
        self.verify_button.setObjectName("verify_now")
        self.verify_button.clicked.connect(self.verify_now)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("export_open")
        self.export_button.clicked.connect(self.open_export)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.model = AuditEventModel(console, runner)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((80, 150, 140, 90, 220, 70)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.chain_status = plain_label("event_chain_status", self.tr("Select an event to see it and its chain "
                                                                      "status."), wrap=True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("event_details")
        self.details.setReadOnly(True)
        details_layout.addWidget(self.chain_status)
        details_layout.addWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setSizes([820, 380])
        layout.addWidget(splitter, 1)

        self.filters.applied.connect(self.model.set_filter)
        self.model.count_known.connect(self._show_count)
        self.model.failed.connect(lambda message: self.count_label.setText(message))
        runner.submit(Lane.DB, console.choices, self.filters.set_choices)
        self.model.set_filter(self.filters.current())

    def show_subject(self, subject: str) -> None:
        """Every event about one subject (e.g. a disputed post: its decision with the note, the reviews)."""
        bar = self.filters
        bar.use_from.setChecked(False)
        bar.use_to.setChecked(False)
        for combo in (bar.moderator, bar.category, bar.decision, bar.event_type):
            combo.setCurrentIndex(0)
        bar.subject.setText(subject)
        bar.apply()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} events match").format(count=f"{count:,}"))

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        event = self.model.event_at(rows[0].row()) if rows else None
        if event is not None:
            self.show_event(event)

    def show_event(self, event: RecordedEvent) -> None:
        self.details.setPlainText(printable(json.dumps(json.loads(event.envelope), ensure_ascii=False, indent=2)))
        self.chain_status.setText(self.tr("Checking seq {seq}…").format(seq=event.seq))
        self._runner.submit(Lane.DB, lambda: self._console.event_status(event.seq), self._show_status)

    def _show_status(self, status: EventStatus) -> None:
        if status.ok:
            text = self.tr("seq {seq}: intact (hash, link to the previous event, writer signature)").format(
                seq=status.seq)
            if status.checkpoint_seq is not None:
                text += "; " + self.tr("covered by the signed checkpoint at seq {checkpoint}").format(
                    checkpoint=status.checkpoint_seq)
            else:
                text += "; " + self.tr("not yet covered by a signed checkpoint")
        else:
            broken = [name for name, ok in ((self.tr("hash"), status.leaf_ok), (self.tr("link"), status.link_ok),
                                            (self.tr("writer signature"), status.signature_ok)) if not ok]
            text = self.tr("seq {seq}: NOT intact: {what}").format(seq=status.seq, what=", ".join(broken))
        self.chain_status.setText(text)

    def verify_now(self) -> None:
        dialog = ProgressDialog(self.tr("Verify the audit log"),
                                self.tr("Recomputing every hash and checking the signed checkpoints."),
                                self._runner, lambda progress, cancel: self._console.verify(progress, cancel),
                                self._verified, self._failed, self)
        dialog.show()
        self.verify_dialog = dialog

    def _verified(self, report: VerifyReport) -> None:
        if report.cancelled:
            QMessageBox.information(self, self.tr("Verification"), self.tr("Verification cancelled."))
        elif report.ok:
            QMessageBox.information(self, self.tr("Verification"), self.tr(
                "Intact: {events} events and {checkpoints} checkpoints check out.").format(
                events=f"{report.events_checked:,}", checkpoints=f"{report.checkpoints_checked:,}"))
        else:
            QMessageBox.critical(self, self.tr("Verification"), self.tr("NOT intact: {problem}").format(
                problem=str(report.first_problem)))

    def _failed(self, error: BaseException) -> None:
        QMessageBox.critical(self, self.tr("Error"), str(error))

    def open_export(self) -> None:
        self.export_dialog = ExportDialog(self._console, self._runner, self.model.current_filter, self)
        self.export_dialog.show()
