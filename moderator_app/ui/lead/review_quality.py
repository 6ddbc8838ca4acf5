"""Review quality for the lead: re-queue a share of a date range's decisions blind to a second moderator, see
agreement per moderator and per category, and act on the disagreements (ask a third moderator, or settle: the
decision stands or the review does; each recorded in the audit log)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.lead import Agreement, Disagreement, ReviewSummary
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.lead.filters import day_start
from moderator_app.ui.presenters import safe_excerpt
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label

SAMPLE_DAYS = 7  # the range offered at first: the last week


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, text in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(safe_excerpt(text, 200)))  # plain text, controls as marks
    table.resizeColumnsToContents()


class ReviewQualityPane(QWidget):
    show_subject = Signal(str)  # "post:4711": the console shows that post's events in the audit log

    def __init__(self, console: LeadConsole, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_quality")
        self._console, self._runner = console, runner
        self.summary: ReviewSummary | None = None
        self._notice = ""  # what the last action did, shown before the figures
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
        today = QDate.fromString(date.today().isoformat(), "yyyy-MM-dd")
        controls.addWidget(plain_label("", self.tr("of the decisions from")))
        self.date_from = self._date("review_from", today.addDays(-SAMPLE_DAYS))
        controls.addWidget(self.date_from)
        controls.addWidget(plain_label("", self.tr("to")))
        self.date_to = self._date("review_to", today)
        controls.addWidget(self.date_to)
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
            self.tr("Third review"), self.tr("Decision seq")])
        self.disagreements.itemSelectionChanged.connect(self._update_actions)
        layout.addWidget(self.disagreements, 1)
        actions = QHBoxLayout()
        self.history = self._action("review_history", self.tr("The post's events in the audit log"),
                                    self._show_history)
        self.third = self._action("review_third", self.tr("Ask a third moderator"), self.request_third_review)
        self.decision_stands = self._action("review_decision_stands", self.tr("Settle: the decision stands"),
                                            lambda: self.settle("decision_stands"))
        self.review_stands = self._action("review_review_stands", self.tr("Settle: the review is right"),
                                          lambda: self.settle("review_stands"))
        for button in (self.history, self.third, self.decision_stands, self.review_stands):
            actions.addWidget(button)
        self.action_hint = plain_label("review_action_hint", "", wrap=True)
        actions.addWidget(self.action_hint, 1)
        layout.addLayout(actions)
        self._update_actions()
        self.refresh()

    def _date(self, name: str, initial: QDate) -> QDateEdit:
        edit = QDateEdit(initial)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # figures from the audit log: read-only
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return table

    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def selected(self) -> Disagreement | None:
        rows = self.disagreements.selectionModel().selectedRows()
        if self.summary is None or not rows or rows[0].row() >= len(self.summary.disagreements):
            return None
        return self.summary.disagreements[rows[0].row()]

    def _update_actions(self) -> None:
        chosen = self.selected()
        for button in (self.history, self.third, self.decision_stands, self.review_stands):
            button.setEnabled(chosen is not None)
        if chosen is None:
            hint = self.tr("Select a disagreement to act on it.")
        elif chosen.third_reviewer and not chosen.third_review:
            self.third.setEnabled(False)
            hint = self.tr("A third review is waiting for {name}.").format(name=chosen.third_reviewer)
        else:
            hint = ""
        self.action_hint.setText(hint)
        for button in (self.history, self.third, self.decision_stands, self.review_stands):
            button.setToolTip(hint)  # a disabled button says why

    def _show_history(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.show_subject.emit(chosen.subject)

    def sample(self) -> None:
        share = self.share.value() / 100
        since = day_start(self.date_from.date())
        until = day_start(self.date_to.date(), next_day=True)  # the last day counts whole
        if since >= until:
            self.status.setText(self.tr("The first day must not be after the last."))
            return
        self._runner.submit(Lane.DB, lambda: self._console.sample_for_review(share, since, until), self._sampled,
                            self._failed)

    def _sampled(self, count: int) -> None:
        self._notice = self.tr("{count} decisions re-queued to a second moderator.").format(count=count)
        self.refresh()

    def request_third_review(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._runner.submit(Lane.DB, lambda: self._console.request_third_review(chosen), self._third_requested,
                                self._failed)

    def _third_requested(self, reviewer: str) -> None:
        self._notice = self.tr("Third review requested from {name}.").format(name=reviewer)
        self.refresh()

    def settle(self, outcome: str) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._runner.submit(Lane.DB, lambda: self._console.settle_disagreement(chosen, outcome),
                                lambda _none: self._settled(chosen), self._failed)

    def _settled(self, disagreement: Disagreement) -> None:
        self._notice = self.tr("Disagreement on {subject} settled (recorded in the audit log).").format(
            subject=disagreement.subject)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        QMessageBox.critical(self, self.tr("Review quality"), str(error))

    def refresh(self) -> None:
        self._runner.submit(Lane.DB, self._console.review_summary, self.show_summary, self._failed)

    def show_summary(self, summary: ReviewSummary) -> None:

        def rows(agreements: Sequence[Agreement]) -> list[list[str]]:
            return [[a.label, str(a.agreed), str(a.reviewed), f"{a.rate:.0%}"] for a in agreements]

        def third(d: Disagreement) -> str:
            if not d.third_reviewer:
                return ""
            if not d.third_review:
                return self.tr("asked {name}").format(name=d.third_reviewer)
            return f"{d.third_reviewer}: {d.third_review}"

        fill(self.by_moderator, rows(summary.by_moderator))
        fill(self.by_category, rows(summary.by_category))
        chosen = self.selected()
        self.summary = summary
        fill(self.disagreements, [[d.subject, d.moderator, d.decision, d.reviewer, d.review, third(d),
                                   str(d.decision_seq)] for d in summary.disagreements])
        # the same disagreement stays selected; a settled one leaves no other selected in its place
        self.disagreements.clearSelection()
        ids = [d.review_event_id for d in summary.disagreements]
        if chosen is not None and chosen.review_event_id in ids:
            self.disagreements.selectRow(ids.index(chosen.review_event_id))
        self._update_actions()
        figures = self.tr("{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements").format(
            requested=summary.requested, reviewed=summary.reviewed, disagreements=len(summary.disagreements))
        self.status.setText(f"{self._notice} {figures}".strip())
