"""The leads' referral queue (urgent open referrals on top): approve, reject, record the hand-over, close, export
the evidence package. ``ReferralsUi`` puts it in the main window: the Referrals menu, the decision bar's police-
referral action (key P) and the urgent count in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.changes import Changes
from moderator_app.core.models import QueueItem
from moderator_app.core.policy import PolicyPack
from moderator_app.services.referrals import (
    ContentHandling,
    Referral,
    ReferralService,
    ReferralState,
    Submission,
    referral_service_for,
)
from moderator_app.ui.events import AppEvents
from moderator_app.ui.operations import Op
from moderator_app.ui.presenters import safe_excerpt
from moderator_app.ui.referral_view import ReferralText
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label
from moderator_app.ui.window_layout import fit_to_screen

POLL_MS = 30_000
URGENT_BRUSH = QBrush(QColor("#c0392b"))


class ReferralQueueDialog(QDialog):
    def __init__(self, service: ReferralService, runner: TaskRunner, events: AppEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_queue")
        self.setWindowTitle(self.tr("Police referrals"))
        fit_to_screen(self, QSize(1100, 640))
        self._service, self._runner, self._events = service, runner, events
        self.referrals: list[Referral] = []
        self._text = ReferralText(self)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("referral_table")
        self.table.setHorizontalHeaderLabels([self.tr("Urgency"), self.tr("Referral"), self.tr("State"),
                                              self.tr("Categories"), self.tr("Created by"), self.tr("Created")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("referral_detail")
        self.detail.setReadOnly(True)  # plain text: the suspicion and the post are data, never markup
        self.note = QLineEdit()
        self.note.setObjectName("referral_note")
        self.note.setPlaceholderText(self.tr("Note, reason for rejection, or outcome"))
        self.unit, self.receipt = QLineEdit(), QLineEdit()
        self.handed_on, self.handed_by = QLineEdit(date.today().isoformat()), QLineEdit()
        handover = QGroupBox(self.tr("Hand-over to the police"))
        form = QFormLayout(handover)
        for name, field, label in (("referral_unit", self.unit, self.tr("Receiving unit:")),
                                   ("referral_receipt", self.receipt, self.tr("Receipt or case number:")),
                                   ("referral_date", self.handed_on, self.tr("Date (YYYY-MM-DD):")),
                                   ("referral_by", self.handed_by, self.tr("Handed over by:"))):
            field.setObjectName(name)
            form.addRow(label, field)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (("approve", self.tr("Approve"), self.approve),
                                 ("reject", self.tr("Reject"), self.reject_selected),
                                 ("submit", self.tr("Record hand-over"), self.submit),
                                 ("close", self.tr("Close with outcome"), self.close_selected),
                                 ("export", self.tr("Export evidence package…"), self._choose_export)):
            button = QPushButton(text)
            button.setObjectName(f"referral_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        self.problem = plain_label("referral_queue_problem", wrap=True)
        self.problem.setStyleSheet("color: #c0392b;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.detail, self.note, handover):
            right_layout.addWidget(widget)
        right_layout.addLayout(row)
        right_layout.addWidget(self.problem)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([620, 480])
        QVBoxLayout(self).addWidget(splitter)
        events.changed.connect(self._on_changed)
        self._update_buttons()
        self.refresh()

    # --- loading ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        Op(self._runner, self._events, self._service.list, lane=Lane.DB, parent=self).success(self._show).run()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.referrals:
            self.refresh()

    def _show(self, referrals: Sequence[Referral]) -> None:
        chosen = self.selected.referral_id if self.selected else None
        self.referrals = list(referrals)
        self.table.setRowCount(len(self.referrals))
        for row, r in enumerate(self.referrals):
            urgency = self.tr("URGENT") if r.urgent and r.is_open else (self.tr("urgent") if r.urgent else "")
            cells = (urgency, r.referral_id, self._text.state_label(r.state),
                     ", ".join(r.request.categories), r.created_by, r.created_at[:16].replace("T", " "))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(safe_excerpt(text, 200))
                if r.urgent and r.is_open:
                    cell.setForeground(URGENT_BRUSH)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        rows = [n for n, r in enumerate(self.referrals) if r.referral_id == chosen]
        if self.referrals:
            self.table.selectRow(rows[0] if rows else 0)
        self._show_selected()

    @property
    def selected(self) -> Referral | None:
        rows = self.table.selectionModel().selectedRows()
        return self.referrals[rows[0].row()] if rows and rows[0].row() < len(self.referrals) else None

    def _show_selected(self) -> None:
        referral = self.selected
        self.detail.setPlainText(self._text.describe(referral) if referral else self.tr("No referral selected."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        r, lead = self.selected, self._service.user.is_lead
        mine = r is not None and r.created_by == self._service.user.user_id
        pending = r is not None and r.state is ReferralState.PENDING_APPROVAL
        # A disabled button says why in its tooltip (four eyes, the referral's state, the user's role).
        why_not = (self.tr("Select a referral first.") if r is None else
                   self.tr("Only a team lead can do this.") if not lead else "")
        pending_why = why_not or (self.tr("You created this referral: another lead must approve or reject it "
                                          "(four eyes).") if mine else
                                  "" if pending else self.tr("Only a referral pending approval can be approved or "
                                                             "rejected."))
        self._enable("approve", pending_why)
        self._enable("reject", pending_why)
        self._enable("submit", why_not or ("" if r is not None and r.state is ReferralState.APPROVED else
                                           self.tr("Only an approved referral can be handed over.")))
        self._enable("close", why_not or ("" if r is not None and r.state is ReferralState.SUBMITTED else
                                          self.tr("Only a referral handed over to the police can be closed.")))
        self._enable("export", "" if r is not None else self.tr("Select a referral first."))

    def _enable(self, name: str, why_not: str) -> None:
        button = self.buttons[name]
        button.setEnabled(not why_not)
        button.setToolTip(why_not)

    # --- actions (the service enforces the rules again; a refusal is shown, never lost) -----------------------------
    def _act(self, work: Callable[[ReferralService, str], object]) -> None:
        referral = self.selected
        if referral is None:
            return
        service, referral_id = self._service, referral.referral_id
        self.problem.clear()
        Op(self._runner, self._events, lambda: work(service, referral_id), lane=Lane.DB,
           changes=lambda _r: Changes(referrals=True, audit=True), parent=self).success(
            lambda _r: self.note.clear()).failure(lambda e: self.problem.setText(str(e))).run()

    def approve(self) -> None:
        referral = self.selected
        if referral is None or QMessageBox.question(self, self.tr("Approve the referral"), self.tr(
                "Approve {referral} for handing over to the police? This is recorded in the audit log under your "
                "name.").format(referral=referral.referral_id)) != QMessageBox.StandardButton.Yes:
            return
        note = self.note.text()
        self._act(lambda s, rid: s.approve(rid, note))

    def reject_selected(self) -> None:
        reason = self.note.text()
        self._act(lambda s, rid: s.reject(rid, reason))

    def submit(self) -> None:
        handover = Submission(self.unit.text(), self.receipt.text(), self.handed_on.text(), self.handed_by.text())
        self._act(lambda s, rid: s.submit(rid, handover))

    def close_selected(self) -> None:
        outcome = self.note.text()
        self._act(lambda s, rid: s.close_referral(rid, outcome))

    def _choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the evidence package"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        referral = self.selected
        if referral is None:
            return
        service, referral_id = self._service, referral.referral_id
        self.problem.clear()
        Op(self._runner, self._events, lambda: service.export_package(referral_id, folder), lane=Lane.DB,
           changes=lambda _p: Changes(audit=True), parent=self).success(self._exported).failure(
            lambda e: self.problem.setText(str(e))).run()

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.problem.setStyleSheet("")
        self.problem.setText(self.tr("Evidence package written: {0}").format(str(path)))


class ReferralsUi(QObject):
    """The referral parts of the main window, kept out of its composition code."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, events: AppEvents, pack: PolicyPack | None) -> None:
        super().__init__(window)
        self._window, self._runner, self._events, self._pack = window, runner, events, pack
        self.service: ReferralService | None = None
        self.queue_action = QAction(self.tr("Referral &queue…"), window)
        self.queue_action.setObjectName("action_referral_queue")
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.queue_action.setEnabled(False)
        self.queue_action.triggered.connect(self.open_queue)
        window.addAction(self.queue_action)
        bar = window.menuBar()
        help_menu = bar.findChild(QMenu, "menu_help")
        menu = bar.addMenu(self.tr("&Referrals"))
        menu.setObjectName("menu_referrals")
        if help_menu is not None:  # keep Help last
            bar.insertMenu(help_menu.menuAction(), menu)
        menu.addAction(self.queue_action)
        # Leads look for approvals under their own menu: the Team lead menu lists this, with the pending count.
        self.approvals_action = QAction(self.tr("Referral &approvals…"), window)
        self.approvals_action.setObjectName("action_referral_approvals")
        self.approvals_action.triggered.connect(self.open_queue)
        self.urgent_label = plain_label("status_urgent_referrals", "")
        self.urgent_label.setStyleSheet("color: white; background: #c0392b; padding: 0 6px;")
        self.urgent_label.hide()
        window.statusBar().addPermanentWidget(self.urgent_label)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh_urgent)
        events.changed.connect(lambda changes, _i: self.refresh_urgent() if changes.referrals else None)
        self.queue: ReferralQueueDialog | None = None

    def attach(self, session: object) -> None:
        self.service = referral_service_for(session)
        self.queue_action.setEnabled(self.service is not None)
        if self.service is not None:
            self.refresh_urgent()
            self._timer.start()

    def refresh_urgent(self) -> None:
        service = self.service
        if service is None or not self._window.isVisible():
            return
        try:
            self._runner.submit(Lane.DB, service.urgent_open_count, self._show_urgent, lambda _e: None)
            if service.user.is_lead:
                self._runner.submit(Lane.DB, lambda: sum(r.state is ReferralState.PENDING_APPROVAL
                                                         for r in service.list()), self._show_pending, lambda _e: None)
        except RuntimeError:  # the window is closing and the runner no longer takes work
            self._timer.stop()

    def _show_pending(self, count: int) -> None:
        self.pending_approvals = count
        self.approvals_action.setText(self.tr("Referral &approvals ({count} pending)…").format(count=count))

    def _show_urgent(self, count: int) -> None:
        self.urgent_label.setText(self.tr("Urgent referrals: {0}").format(count))
        self.urgent_label.setVisible(count > 0)

    def _on_created(self, referral: Referral) -> None:
        message = self.tr("Referral {0} sent for approval").format(referral.referral_id)
        if referral.request.content_handling is ContentHandling.REMOVE:  # removal is the platform decision's job
            message += self.tr(" — remove the post now with the Remove decision")
        self._window.statusBar().showMessage(message, 15000)

    def open_queue(self) -> ReferralQueueDialog | None:
        if self.service is None:
            return None
        if self.queue is None:  # one queue per window: it refreshes itself on every referral change
            self.queue = ReferralQueueDialog(self.service, self._runner, self._events, self._window)
        else:
            self.queue.refresh()
        self.queue.open()
        self.queue.raise_()
        return self.queue

    def open_dialog(self, item: QueueItem | None, cited: tuple[str, ...]) -> QDialog | None:
        """The decision bar's police-referral action; None (with a message) when no post or no audit log."""
        if item is None:
            return None
        if self.service is None:
            QMessageBox.information(self._window, self.tr("Police referral"),
                                    self.tr("Referrals need the audit log, which this session does not have."))
            return None
        from moderator_app.ui.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self.service, self._runner, self._events, item, self._pack, cited, self._window)
        dialog.created.connect(self._on_created)
        dialog.open()
        return dialog
