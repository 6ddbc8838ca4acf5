from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from moderator_app.core.decisions import DecisionKind
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.outbox_dialog import OutboxDialog
from tests.ui.conftest import open_review_window
from tests.ui.fake_service import FakeReviewService


def test_queue_loads_and_first_post_is_shown_with_suggestions(review_window: MainWindow) -> None:
    window = review_window
    assert window.queue_model.rowCount() == 5, "two near-duplicates collapse into one row"
    assert window.post_pane.item is not None
    assert window.decision_actions["remove"].isEnabled()


def test_decision_key_holds_then_records_and_moves_on(qtbot, review_window: MainWindow,
                                                      fake_service: FakeReviewService) -> None:
    window = review_window
    first = window.post_pane.item.post_id
    qtbot.keyClick(window, "7")  # cite 10.7
    qtbot.keyClick(window, "D")  # remove
    assert window.post_pane.item.post_id != first, "the next post is shown at once"
    assert window.undo_banner.isVisible()
    assert fake_service.decided == [], "held for the undo window"
    qtbot.waitUntil(lambda: len(fake_service.decided) >= 1, timeout=5000)
    decision = fake_service.decided[0]
    assert (decision.post_id, decision.kind, decision.categories) == (first, DecisionKind.REMOVE, ("10.7",))
    qtbot.waitUntil(lambda: not window.undo_banner.isVisible())


def test_undo_brings_the_post_back_and_nothing_is_sent(qtbot, review_window: MainWindow,
                                                       fake_service: FakeReviewService) -> None:
    window = review_window
    first = window.post_pane.item.post_id
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "D")
    qtbot.keyClick(window, "Z", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.post_pane.item.post_id == first
    assert window.decision_bar.cited() == ("10.7",)
    window.controller.flush()  # would send anything still held
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert fake_service.decided == []


def test_incomplete_decision_says_why_and_keeps_the_post(qtbot, review_window: MainWindow,
                                                         fake_service: FakeReviewService) -> None:
    window = review_window
    first = window.post_pane.item.post_id
    qtbot.keyClick(window, "D")  # remove without a category
    assert window.post_pane.item.post_id == first
    assert "must cite at least one Article 10 category" in window.decision_bar.problem.text()
    qtbot.keyClick(window, "6")
    qtbot.keyClick(window, "L")  # a rumour label needs its refutation (Art. 7(5))
    assert "Rumour label needs a refutation" in window.decision_bar.problem.text()


def test_closing_the_window_releases_held_decisions(qtbot, fake_service: FakeReviewService) -> None:
    window = open_review_window(qtbot, fake_service, Settings(undo_seconds=30))
    qtbot.keyClick(window, "A")  # no violation
    assert fake_service.decided == []
    window.close()
    assert [d.kind for d in fake_service.decided] == [DecisionKind.NO_VIOLATION]


def test_apply_to_cluster_decides_every_similar_post(qtbot, review_window: MainWindow,
                                                     fake_service: FakeReviewService) -> None:
    window = review_window
    window.queue_pane.select(fake_service.queue[0].post_id)
    qtbot.keyClick(window, "C")
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "D")
    qtbot.waitUntil(lambda: len(fake_service.decided) == 2, timeout=5000)
    assert {d.post_id for d in fake_service.decided} == {fake_service.queue[0].post_id, fake_service.queue[1].post_id}
    assert len({d.idempotency_key for d in fake_service.decided}) == 2


def test_a_late_context_answer_does_not_overwrite_the_next_post(qtbot) -> None:
    gate = threading.Event()
    service = FakeReviewService(context_gate=gate)
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    window.queue_pane.select_row(1)
    second = window.post_pane.item.post_id
    gate.set()
    qtbot.waitUntil(lambda: window.post_pane.history.count() == 1)
    assert window.post_pane.item.post_id == second
    window.close()


def test_lead_sees_identity_moderator_does_not(qtbot) -> None:
    for lead, expected in ((False, False), (True, True)):
        service = FakeReviewService(lead=lead)
        window = MainWindow(Settings(), service.pack)
        qtbot.addWidget(window)
        window.attach(service)
        qtbot.waitUntil(lambda w=window: w.post_pane.item is not None)
        assert ("张三" in window.post_pane.author.text()) is expected
        window.close()


def test_status_bar_shows_outbox_failures_and_opens_the_list(qtbot, review_window: MainWindow) -> None:
    status = review_window.status
    qtbot.waitUntil(lambda: status.last is not None)
    assert status.outbox.text() == "Outbox: 0 pending, 1 failed"
    status.outbox.click()
    dialog = review_window.findChild(OutboxDialog, "outbox_dialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 2).text() == "409: already decided by mod2"
    dialog.close()


def test_a_refusal_dismissed_from_the_outbox_list_clears_the_red_counter(
        qtbot, review_window: MainWindow, fake_service: FakeReviewService) -> None:
    status = review_window.status
    qtbot.waitUntil(lambda: status.outbox.text() == "Outbox: 0 pending, 1 failed")
    status.outbox.click()
    dialog = review_window.findChild(OutboxDialog, "outbox_dialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dismiss = dialog.table.cellWidget(0, 4)
    assert dismiss.objectName() == "dismiss_e1" and dismiss.text() == "Dismiss"
    dismiss.setFocus()
    qtbot.keyClick(dismiss, Qt.Key.Key_Space)  # a button in the list is reached and pressed by keyboard too
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    qtbot.waitUntil(lambda: status.outbox.text() == "Outbox: 0 pending")
    assert status.outbox.styleSheet() == "", "no longer red"
    assert fake_service.dismissed == ["e1"]
    dialog.close()


def test_claim_and_release_by_keyboard_mark_the_row_as_mine(qtbot, review_window: MainWindow,
                                                             fake_service: FakeReviewService) -> None:
    window = review_window
    shown = window.post_pane.item.post_id
    row = window.queue_model.row_of(shown)
    bold = lambda: bool(window.queue_model.index(row, 0).data(Qt.ItemDataRole.FontRole))  # noqa: E731
    assert not bold()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bold)
    assert fake_service.claimed == [shown] and window.queue_model.mine(shown)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not bold())
    assert fake_service.claimed == []
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bold)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.queue_model.mine_count == 0)
    assert fake_service.claimed == [] and not bold()


def test_a_claim_the_platform_refuses_says_who_holds_the_post(qtbot, review_window: MainWindow,
                                                              fake_service: FakeReviewService) -> None:
    shown = review_window.post_pane.item.post_id
    fake_service.claim_refusals[shown] = f"Post {shown} is claimed by mod2 until 14:05"
    qtbot.keyClick(review_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "claimed by mod2 until 14:05" in review_window.decision_bar.problem.text())
    assert not review_window.queue_model.mine(shown) and fake_service.claimed == []


def test_an_audit_check_that_cannot_run_raises_the_alarm_not_offline(qtbot, review_window: MainWindow,
                                                                     fake_service: FakeReviewService) -> None:
    from moderator_app.core.errors import StorageUnavailable

    def broken() -> str | None:
        raise StorageUnavailable("database is locked")

    fake_service.check_audit = broken  # type: ignore[method-assign]
    status = review_window.status
    status.check_audit()
    qtbot.waitUntil(lambda: status.alarm.isVisibleTo(review_window))
    assert status.alarm.text() == "Audit log check could not run: database is locked"
    assert not status.connection.text().startswith("Offline")
