"""The undo window is durable: a decision key holds the decision in the journal at once, Ctrl+Z cancels the hold,
and decisions a killed workstation held are offered at the next start (Apply / Discard), before the queue loads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.services.decisions import Held
from moderator_app.settings import Settings
from moderator_app.ui.held_decisions import HeldDecisionsPrompt
from moderator_app.ui.main_window import MainWindow
from tests.services.held_crash import crash_inside_the_undo_window, open_workstation
from tests.ui.conftest import activate, open_review_window
from tests.ui.fake_service import FakeReviewService


def test_a_decision_key_holds_in_the_journal_and_undo_cancels_the_hold(qtbot, fake_service: FakeReviewService
                                                                        ) -> None:
    window = open_review_window(qtbot, fake_service, Settings(undo_seconds=30))
    try:
        qtbot.keyClick(window, "7")
        qtbot.keyClick(window, "D")
        qtbot.waitUntil(lambda: len(fake_service.holds) == 1)  # durable long before the window ends
        assert fake_service.decided == []
        qtbot.keyClick(window, "Z", modifier=Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        assert fake_service.holds == {} and fake_service.decided == []
    finally:
        window.close()


def prompt_of(qtbot, window: MainWindow) -> HeldDecisionsPrompt:
    found: list[HeldDecisionsPrompt] = []

    def shown() -> bool:
        found[:] = [w for w in window.findChildren(QMessageBox, "held_decisions_prompt")
                    if isinstance(w, HeldDecisionsPrompt) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_holds_left_by_a_crash_are_offered_before_the_queue_loads(qtbot, fake_service: FakeReviewService) -> None:
    made = Decision(PostId("7001"), DecisionKind.REMOVE, (CategoryId("10.7"),), "", UserId("mod1"),
                    datetime.now(UTC), "k-7001")
    fake_service.left_by_a_crash = [Held("h-1", datetime.now(UTC), (made,))]
    window = MainWindow(Settings(), fake_service.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    try:
        window.attach(fake_service)
        prompt = prompt_of(qtbot, window)
        assert "post 7001" in prompt.informativeText() and "10.7" in prompt.informativeText()
        assert window.queue_model.rowCount() == 0, "the queue waits for the choice"
        prompt.discard_button.click()
        qtbot.waitUntil(lambda: window.post_pane.item is not None)
        assert fake_service.resolved == [("h-1", False)]
    finally:
        window.close()


def test_kill_9_inside_the_undo_window_then_apply_at_the_next_start(
        qtbot, platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server(posts=60)
    folder = tmp_path / "workstation"
    post_id = crash_inside_the_undo_window(server.url, folder, "mod1")
    session = open_workstation(server.url, folder, "mod1")
    window = MainWindow(Settings(), session.pack)
    qtbot.addWidget(window)
    window.show()
    try:
        window.attach(session)
        prompt = prompt_of(qtbot, window)
        assert f"post {post_id}" in prompt.informativeText()
        prompt.apply_button.click()
        qtbot.waitUntil(lambda: window.post_pane.item is not None, timeout=20_000)
        qtbot.waitUntil(lambda: session.outbox.state().pending == 0 and any(
            e.subject == f"post:{post_id}" for e in session.audit.events(
                EventFilter(event_type=EventType.DECISION_DELIVERED), limit=10)), timeout=20_000)
        recorded = session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=10)
        assert [e.subject for e in recorded] == [f"post:{post_id}"]
        assert [row["post_id"] for row in server.store.decisions(since=0, limit=10)[0]] == [post_id]
        assert session.held_after_crash() == []
    finally:
        window.close()
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        session.close()
