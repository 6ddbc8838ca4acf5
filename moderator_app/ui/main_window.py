"""The main window: composes the panes, menus and status bar; holds no business logic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from moderator_app import __version__
from moderator_app.settings import Settings
from moderator_app.ui.actions import build_decision_actions


def _pane(name: str, title: str, placeholder: str) -> QWidget:
    pane = QWidget()
    pane.setObjectName(name)
    pane.setAccessibleName(title)
    layout = QVBoxLayout(pane)
    heading = QLabel(title)
    heading.setObjectName(f"{name}_title")
    heading.setStyleSheet("font-weight: bold;")
    body = QLabel(placeholder)
    body.setObjectName(f"{name}_placeholder")
    body.setTextFormat(Qt.TextFormat.PlainText)
    body.setAlignment(Qt.AlignmentFlag.AlignCenter)
    body.setWordWrap(True)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return pane


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        title = self.tr("Moderator Workstation")
        self.setWindowTitle(self.tr("Moderator Workstation — demo") if demo else title)
        self.resize(1360, 820)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("main_splitter")
        self.queue_pane = _pane("queue_pane", self.tr("Flagged queue"), self.tr("No items loaded yet."))
        self.post_pane = _pane("post_pane", self.tr("Post"), self.tr("Select an item in the queue."))
        self.suggestions_pane = _pane(
            "suggestions_pane", self.tr("Suggestions (Article 10)"), self.tr("Suggestions appear here.")
        )
        for pane, stretch in ((self.queue_pane, 3), (self.post_pane, 4), (self.suggestions_pane, 2)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.indexOf(pane), stretch)
        self.setCentralWidget(splitter)

        self.decision_actions = build_decision_actions(self, settings.shortcut_overrides)
        self._build_menus()
        self._build_status_bar()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        queue_menu = bar.addMenu(self.tr("&Queue"))
        queue_menu.setObjectName("menu_queue")
        decision_menu = bar.addMenu(self.tr("&Decision"))
        decision_menu.setObjectName("menu_decision")
        for action in self.decision_actions.values():
            decision_menu.addAction(action)
        bar.addMenu(self.tr("&View")).setObjectName("menu_view")
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        about = QAction(self.tr("&About"), self)
        about.setObjectName("action_about")
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)
        self._queue_menu = queue_menu

    def _build_status_bar(self) -> None:
        status = QStatusBar()
        status.setObjectName("status_bar")
        self.connection_label = QLabel(self.tr("Offline"))
        self.connection_label.setObjectName("status_connection")
        self.outbox_label = QLabel(self.tr("Outbox: 0 pending"))
        self.outbox_label.setObjectName("status_outbox")
        self.lease_label = QLabel(self.tr("No lease"))
        self.lease_label.setObjectName("status_lease")
        self.decisions_label = QLabel(self.tr("Decisions today: 0"))
        self.decisions_label.setObjectName("status_decisions")
        for label in (self.connection_label, self.outbox_label, self.lease_label, self.decisions_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            status.addPermanentWidget(label)
        self.setStatusBar(status)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Moderator Workstation {version}").format(version=__version__),
        )
