"""Ctrl+R: my recent decisions (as the platform acknowledged them, newest first) and a revision of one.

A revision is a new decision that names the one it supersedes (``revises``); it takes the one decision path
(``ReviewService.revise``: audited, journalled, delivered), and the earlier decision stays on record. Keyboard:
arrows pick the row, Tab reaches the new decision, its categories and note, Enter revises."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.models import CategoryId
from moderator_app.services.review import ReviewService
from moderator_app.ui.events import AppEvents
from moderator_app.ui.operations import Op
from moderator_app.ui.presenters import decision_label, safe_excerpt
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


class RecentDecisionsDialog(QDialog):
    def __init__(self, service: ReviewService, runner: TaskRunner, events: AppEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_decisions")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("My recent decisions"))
        self.resize(760, 420)
        self._service, self._runner, self._events = service, runner, events
        self._decisions: list[PlatformDecision] = []
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("recent_note", self.tr(
            "A revision is a new decision that supersedes the one chosen; both stay on record.")))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("recent_table")
        self.table.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Decision"), self.tr("Categories"),
                                              self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the revision's fields
        self.table.currentCellChanged.connect(self._on_row)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("revise_kind")
        for kind in DecisionKind:
            self.kind.addItem(decision_label(kind.value), kind.value)
        self.categories = QLineEdit()
        self.categories.setObjectName("revise_categories")
        self.categories.setPlaceholderText(self.tr("e.g. 10.7, 10.11"))
        self.note = QLineEdit()
        self.note.setObjectName("revise_note")
        form.addRow(self.tr("New decision"), self.kind)
        form.addRow(self.tr("Categories"), self.categories)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.problem = plain_label("revise_problem", "")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revise_button = QPushButton(self.tr("&Revise"))
        self.revise_button.setObjectName("revise_button")
        self.revise_button.setEnabled(False)
        self.revise_button.clicked.connect(self.revise)
        buttons.addButton(self.revise_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter revises; Esc closes
        close.setDefault(False)
        self.revise_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self._runner.submit(Lane.DB, self._service.recent_decisions, self._show)

    def _show(self, decisions: Sequence[PlatformDecision]) -> None:
        self._decisions = list(decisions)
        self.table.setRowCount(len(self._decisions))
        for row, d in enumerate(self._decisions):
            cells = (d.post_id, decision_label(d.kind.value), ", ".join(d.categories), safe_excerpt(d.note, 80))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))  # items show plain text
        if self._decisions:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def _on_row(self, row: int, *_rest: int) -> None:
        chosen = self._decisions[row] if 0 <= row < len(self._decisions) else None
        self.revise_button.setEnabled(chosen is not None)
        if chosen is not None:
            self.kind.setCurrentIndex(self.kind.findData(chosen.kind.value))
            self.categories.setText(", ".join(chosen.categories))
            self.note.setText(chosen.note)

    def revise(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._decisions):
            return
        earlier = self._decisions[row]
        categories = tuple(CategoryId(c.strip()) for c in self.categories.text().split(",") if c.strip())
        decision = Decision(earlier.post_id, DecisionKind(self.kind.currentData()), categories, self.note.text(),
                            self._service.user.user_id, datetime.now(UTC), uuid.uuid4().hex,
                            restriction_days=earlier.restriction_days, refutation=earlier.refutation,
                            revises=earlier.decision_id)
        self.problem.setText("")
        Op(self._runner, self._events, lambda: self._service.revise(decision), lane=Lane.DB,
           changes=lambda changes: changes, parent=self).success(lambda _c: self.accept()).failure(
            lambda error: self.problem.setText(str(error))).run()
