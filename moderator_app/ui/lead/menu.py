"""Where the console hooks into the main window: a "Team lead" menu for leads. (Blind second reviews come to every
moderator in the review screen's queue: ui/review.py.)"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from moderator_app.services.lead_console import LeadConsole, console_for
from moderator_app.ui.lead.console import LeadConsoleWindow
from moderator_app.ui.tasks import TaskRunner


class LeadMenu(QObject):
    def __init__(self, window: QMainWindow, runner: TaskRunner, console: LeadConsole | None) -> None:
        super().__init__(window)
        self._window, self._runner, self._console = window, runner, console
        self.console_window: LeadConsoleWindow | None = None
        if console is not None:
            menu = QMenu(self.tr("Team &lead"), window)
            menu.setObjectName("menu_team_lead")
            open_console = QAction(self.tr("Audit log, dashboard and &review quality…"), window)
            open_console.setObjectName("action_lead_console")
            open_console.triggered.connect(self.open_console)
            menu.addAction(open_console)
            referrals = getattr(window, "referrals", None)  # the main window's referral parts (ui/referral_queue.py)
            approvals = getattr(referrals, "approvals_action", None)
            if isinstance(approvals, QAction):
                menu.addAction(approvals)
            help_menu = window.findChild(QMenu, "menu_help")
            if help_menu is not None:
                window.menuBar().insertMenu(help_menu.menuAction(), menu)
            else:
                window.menuBar().addMenu(menu)

    def open_console(self) -> LeadConsoleWindow | None:
        if self._console is None:
            return None
        if self.console_window is None:
            self.console_window = LeadConsoleWindow(self._console, self._runner, self._window)
        self.console_window.show()
        self.console_window.raise_()
        return self.console_window


def install(window: QMainWindow, runner: TaskRunner, service: object) -> LeadMenu:
    return LeadMenu(window, runner, console_for(service))
