"""A moderator's blind second reviews: the post only (never the first decision), and an independent verdict."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.lead import ReviewTask
from moderator_app.services.review_quality import BlindReviews
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


class BlindReviewDialog(QDialog):
    def __init__(self, reviews: BlindReviews, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blind_review_dialog")
        self.setWindowTitle(self.tr("Blind second reviews"))
        self.resize(560, 420)
        self._reviews, self._runner = reviews, runner
        self.tasks: list[ReviewTask] = []
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("blind_review_note", self.tr(
            "Decide these posts as if they were new: the first decision is not shown, and your verdict is "
            "compared with it."), wrap=True))
        self.list = QListWidget()
        self.list.setObjectName("blind_review_tasks")
        layout.addWidget(self.list, 1)
        verdict = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("blind_review_kind")
        for kind in DecisionKind:
            self.kind.addItem(kind.value, kind.value)
        self.categories = QLineEdit()
        self.categories.setObjectName("blind_review_categories")
        self.categories.setPlaceholderText(self.tr("Categories, e.g. 10.7 10.8"))
        record = QPushButton(self.tr("Record verdict"))
        record.setObjectName("blind_review_record")
        record.clicked.connect(self.record)
        for widget in (self.kind, self.categories, record):
            verdict.addWidget(widget)
        layout.addLayout(verdict)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self._runner.submit(Lane.DB, self._reviews.pending, self._show)

    def _show(self, tasks: list[ReviewTask]) -> None:
        self.tasks = tasks
        self.list.clear()
        self.list.addItems([f"{task.subject}  ({task.requested_at[:16].replace('T', ' ')})" for task in tasks])
        if tasks:
            self.list.setCurrentRow(0)

    def record(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.tasks):
            return
        task, kind = self.tasks[row], str(self.kind.currentData())
        categories = self.categories.text().replace(",", " ").split()
        self._runner.submit(Lane.DB, lambda: self._reviews.record(task, kind, categories),
                            lambda _none: self.refresh(),
                            self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.critical(self, self.tr("Blind second reviews"), str(error))
