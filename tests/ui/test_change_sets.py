"""Views refresh on announced changes, not on a timer; closed windows and dialogs leave nothing alive."""

from __future__ import annotations

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from moderator_app.core.changes import Changes
from moderator_app.core.models import PostId
from moderator_app.services.review import OutboxFailure
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.outbox_dialog import OutboxDialog
from tests.ui.fake_service import FakeReviewService

REFUSED = OutboxFailure("e2", PostId("2"), "remove", "422: category 10.1 needs a note")


def publish_from_the_outbox_thread(service: FakeReviewService, changes: Changes) -> None:
    sender = threading.Thread(target=service.announce, args=(changes,), name="outbox-sender")
    sender.start()
    sender.join()


def reviewing(qtbot, service: FakeReviewService) -> MainWindow:
    """A shown window with its queue loaded; not registered with qtbot, so the test decides when it goes."""
    window = MainWindow(Settings(undo_seconds=1), service.pack)
    window.show()
    window.attach(service)
    qtbot.waitUntil(lambda: window.post_pane.item is not None)
    return window


def test_the_status_bar_does_not_poll(qtbot, review_window: MainWindow) -> None:
    status = review_window.status
    qtbot.waitUntil(lambda: status.last is not None)
    frequent = [t.interval() for t in status.findChildren(QTimer) if t.isActive() and t.interval() < 30_000]
    assert frequent == [], "a timer under 30 s would be polling"
    assert status.refreshes == 1


def test_a_background_delivery_or_refusal_updates_the_status_bar(qtbot, review_window: MainWindow,
                                                                 fake_service: FakeReviewService) -> None:
    status = review_window.status
    qtbot.waitUntil(lambda: status.outbox.text() == "Outbox: 0 pending, 1 failed")
    fake_service.failures.append(REFUSED)
    publish_from_the_outbox_thread(fake_service, Changes(outbox=True))
    qtbot.waitUntil(lambda: status.outbox.text() == "Outbox: 0 pending, 2 failed")
    asked = fake_service.status_calls
    publish_from_the_outbox_thread(fake_service, Changes(referrals=True))  # nothing the status bar shows
    review_window.events.changed.emit(Changes(audit=True), None)  # a decision recorded by this window
    qtbot.waitUntil(lambda: fake_service.status_calls == asked + 1)


def test_the_outbox_dialog_follows_retries_and_background_changes(qtbot, review_window: MainWindow,
                                                                  fake_service: FakeReviewService) -> None:
    status = review_window.status
    status.outbox.click()
    dialog = review_window.findChild(OutboxDialog, "outbox_dialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    fake_service.failures.append(REFUSED)
    publish_from_the_outbox_thread(fake_service, Changes(outbox=True))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(1, 2).text() == "422: category 10.1 needs a note"
    dialog.table.cellWidget(0, 3).click()  # Retry e1: its change reaches the dialog and the status bar
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and status.outbox.text() == "Outbox: 0 pending, 1 failed")
    assert dialog.table.item(0, 0).text() == "2"
    dialog.close()


def test_closed_dialogs_and_windows_leave_no_live_objects(qtbot) -> None:
    service = FakeReviewService()
    window = reviewing(qtbot, service)
    dialogs = []
    for _ in range(3):
        window.status.outbox.click()
        dialog = window.findChild(OutboxDialog, "outbox_dialog")
        qtbot.waitUntil(lambda d=dialog: d.table.rowCount() == 1)
        dialogs.append(weakref.ref(dialog))
        dialog.close()
        qtbot.waitUntil(lambda d=dialog: not shiboken6.isValid(d))
    del dialog
    gc.collect()
    assert [d() for d in dialogs] == [None] * 3, "each closed dialog is gone, C++ and Python"
    assert window.findChildren(OutboxDialog) == []
    assert len(service.listeners) == 1
    window.close()
    assert service.listeners == [], "a closed window no longer hears the session"
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow | OutboxDialog)] == []
    publish_from_the_outbox_thread(service, Changes(outbox=True))  # the outbox goes on: nobody left to call


def test_a_closed_window_is_collected(qtbot) -> None:
    """Loading the queue freezes the collector's view of the heap (gc.freeze); closing the window thaws it."""
    service = FakeReviewService()
    window = reviewing(qtbot, service)
    collected = weakref.ref(window)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    window = None  # our last reference
    gc.collect()
    assert collected() is None
