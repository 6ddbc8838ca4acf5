from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from moderator_app.settings import Settings
from moderator_app.ui.app import tune_interpreter
from moderator_app.ui.main_window import MainWindow
from tests.ui.fake_service import FakeReviewService


@pytest.fixture(autouse=True, scope="session")
def gui_interpreter() -> None:
    """The same interpreter tuning the application applies at start (pytest-qt creates the QApplication)."""
    tune_interpreter()


def activate(qtbot, window) -> None:
    """Shortcuts fire only in the active window; offscreen Qt activates it once asked and events flow."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def fake_service() -> FakeReviewService:
    return FakeReviewService()


def open_review_window(qtbot, service: FakeReviewService, settings: Settings) -> MainWindow:
    """A shown, active main window reviewing ``service``'s queue, its first post on screen."""
    window = MainWindow(settings, service.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(service)
    qtbot.waitUntil(lambda: window.post_pane.item is not None)
    return window


@pytest.fixture
def review_window(qtbot, fake_service: FakeReviewService) -> MainWindow:
    window = open_review_window(qtbot, fake_service, Settings(undo_seconds=1))
    yield window
    window.close()
