"""The team-lead console window: the audit viewer, the dashboard and review quality, as tabs."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.lead.dashboard import DashboardPane
from moderator_app.ui.lead.review_quality import ReviewQualityPane
from moderator_app.ui.lead.viewer import AuditViewer
from moderator_app.ui.tasks import TaskRunner
from moderator_app.ui.window_layout import fit_to_screen


class LeadConsoleWindow(QMainWindow):
    def __init__(self, console: LeadConsole, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lead_console")
        self.setWindowTitle(self.tr("Team lead console"))
        fit_to_screen(self, QSize(1280, 800))
        self.tabs = QTabWidget()
        self.viewer = AuditViewer(console, runner)
        self.tabs.addTab(self.viewer, self.tr("Audit log"))
        self._console, self._runner = console, runner
        self.dashboard: DashboardPane | None = None
        self.review: ReviewQualityPane | None = None
        self.tabs.addTab(QWidget(), self.tr("Dashboard"))
        self.tabs.addTab(QWidget(), self.tr("Review quality"))
        self.tabs.currentChanged.connect(self._open_tab)
        self.setCentralWidget(self.tabs)

    def _open_tab(self, index: int) -> None:
        """The dashboard and review tabs query the log when first shown, not when the console opens."""
        if index == 1 and self.dashboard is None:
            self.dashboard = DashboardPane(self._console, self._runner)
            self._replace(1, self.dashboard, self.tr("Dashboard"))
        elif index == 2 and self.review is None:
            self.review = ReviewQualityPane(self._console, self._runner)
            self.review.show_subject.connect(self._show_subject)
            self._replace(2, self.review, self.tr("Review quality"))

    def _show_subject(self, subject: str) -> None:
        self.viewer.show_subject(subject)
        self.tabs.setCurrentIndex(0)

    def _replace(self, index: int, widget: QWidget, title: str) -> None:
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
