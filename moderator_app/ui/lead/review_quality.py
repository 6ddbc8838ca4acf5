"""Review quality for the lead: re-queue a share of decisions blind to a second moderator, see agreement per
moderator and per category, and the disagreements (which come to the lead)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.lead import Agreement, ReviewSummary
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.presenters import safe_excerpt
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, text in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(safe_excerpt(text, 200)))  # plain text, controls as marks
    table.resizeColumnsToContents()


class ReviewQualityPane(QWidget):
    def __init__(self, console: LeadConsole, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_quality")
        self._console, self._runner = console, runner
        self.summary: ReviewSummary | None = None
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        controls.addWidget(plain_label("", self.tr("Share of decisions re-queued blind")))
        self.share = QDoubleSpinBox()
        self.share.setObjectName("review_share")
        self.share.setRange(0.5, 100.0)
        self.share.setSingleStep(0.5)
        self.share.setSuffix(" %")
        self.share.setValue(5.0)
        controls.addWidget(self.share)
        sample = QPushButton(self.tr("Re-queue a sample now"))
        sample.setObjectName("review_sample")
        sample.clicked.connect(self.sample)
        controls.addWidget(sample)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        controls.addWidget(refresh)
        self.status = plain_label("review_status", "", wrap=True)
        controls.addWidget(self.status, 1)
        layout.addLayout(controls)
        tables = QHBoxLayout()
        self.by_moderator = self._table("review_by_moderator", [self.tr("Moderator"), self.tr("Agreed"),
                                                                self.tr("Reviewed"), self.tr("Agreement")])
        self.by_category = self._table("review_by_category", [self.tr("Category"), self.tr("Agreed"),
                                                              self.tr("Reviewed"), self.tr("Agreement")])
        tables.addWidget(self.by_moderator)
        tables.addWidget(self.by_category)
        layout.addLayout(tables)
        layout.addWidget(plain_label("", self.tr("Disagreements (for the lead to settle)"), bold=True))
        self.disagreements = self._table("review_disagreements", [
            self.tr("Subject"), self.tr("Moderator"), self.tr("Decision"), self.tr("Reviewer"), self.tr("Review"),
            self.tr("Decision seq")])
        layout.addWidget(self.disagreements, 1)
        self.refresh()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)  # figures from the audit log: read-only
        return table

    def sample(self) -> None:
        share = self.share.value() / 100
        self._runner.submit(Lane.DB, lambda: self._console.sample_for_review(share), self._sampled, self._failed)

    def _sampled(self, count: int) -> None:
        self.status.setText(self.tr("{count} decisions re-queued to a second moderator.").format(count=count))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        QMessageBox.critical(self, self.tr("Review quality"), str(error))

    def refresh(self) -> None:
        self._runner.submit(Lane.DB, self._console.review_summary, self.show_summary, self._failed)

    def show_summary(self, summary: ReviewSummary) -> None:
        self.summary = summary

        def rows(agreements: Sequence[Agreement]) -> list[list[str]]:
            return [[a.label, str(a.agreed), str(a.reviewed), f"{a.rate:.0%}"] for a in agreements]

        fill(self.by_moderator, rows(summary.by_moderator))
        fill(self.by_category, rows(summary.by_category))
        fill(self.disagreements, [[d.subject, d.moderator, d.decision, d.reviewer, d.review, str(d.decision_seq)]
                                  for d in summary.disagreements])
        self.status.setText(self.tr("{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements")
                            .format(requested=summary.requested, reviewed=summary.reviewed,
                                    disagreements=len(summary.disagreements)))
