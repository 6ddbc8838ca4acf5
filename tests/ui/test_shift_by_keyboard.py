"""A moderator's shift by keyboard alone, on the real window, the demo platform over loopback and a real audit log:
fifty decisions with notes, a rumour label with its refutation, a search, a group of near-duplicates decided at once,
an undo, a police referral and a revision of a recent decision. Keys go to whatever has the focus, as a keyboard
sends them; no widget is clicked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.services.demo import DemoWorkstation, start_demo
from moderator_app.services.platform import make_client
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.recent_decisions import RecentDecisionsDialog
from moderator_app.ui.referral_dialog import ReferralDialog
from tests.ui.conftest import activate

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shift(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, DemoWorkstation]]:
    demo = start_demo("mod1", data_dir=tmp_path, posts=400)
    window = MainWindow(Settings(undo_seconds=1), demo.session.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(demo.session)
    qtbot.waitUntil(lambda: "in queue" in window.queue_pane.count.text(), timeout=30_000)  # the whole queue
    yield window, demo
    window.close()
    demo.close()


class Keyboard:
    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    def press(self, key: str | Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget() or self.window, key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)

    def shown(self) -> str:
        item = self.window.post_pane.item
        assert item is not None, f"a post is on screen ({self.window.queue_pane.count.text()})"
        return item.post_id


def test_a_shift_by_keyboard_alone(qtbot, shift: tuple[MainWindow, DemoWorkstation]) -> None:
    window, demo = shift
    keys = Keyboard(qtbot, window)
    expected: dict[str, tuple[str, str]] = {}  # post id -> (kind, note)

    for n in range(50):  # decisions with notes: cite, Ctrl+N, the note, Enter, the decision key
        post = keys.shown()
        removing = n % 3 != 2
        if removing:
            keys.press("7")
        keys.press("N", CTRL)
        assert QApplication.focusWidget() is window.decision_bar.note
        keys.type(f"note {n}: ad for gambling")
        keys.press(Qt.Key.Key_Return)
        keys.press("D" if removing else "A")
        assert keys.shown() != post
        expected[post] = ("remove" if removing else "no_violation", f"note {n}: ad for gambling")

    post = keys.shown()  # a rumour label: refused without its refutation, the cursor goes there
    keys.press("6")
    keys.press("L")
    assert QApplication.focusWidget() is window.decision_bar.refutation
    keys.type("https://piyao.example/2026/1")
    keys.press(Qt.Key.Key_Return)
    expected[post] = ("rumour_label", "")

    post = keys.shown()  # a decision taken back
    keys.press("A")
    keys.press("Z", CTRL)
    assert keys.shown() == post
    keys.press("7")
    keys.press("D")
    expected[post] = ("remove", "")

    model = window.queue_model  # search for a post with near-duplicates, decide the group at once
    grouped = next(pid for pid in model.visible_ids() if model.facts(pid).cluster_size > 1)
    members = model.cluster_members(grouped)
    keys.press("F", CTRL)
    assert QApplication.focusWidget() is window.queue_pane.search
    keys.type(grouped)
    keys.press(Qt.Key.Key_Return)
    assert keys.shown() == grouped and model.rowCount() == 1
    keys.press("C")
    keys.press("7")
    keys.press("D")
    assert not window.cluster_action.isChecked()
    expected.update((pid, ("remove", "")) for pid in members)
    keys.press("F", CTRL)
    keys.press(Qt.Key.Key_Escape)  # the whole queue again
    qtbot.waitUntil(lambda: window.post_pane.item is not None)

    post = keys.shown()  # a police referral, then the post removed as usual
    keys.press("8")
    keys.press("P")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), ReferralDialog))
    dialog = QApplication.activeWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.basis_pick)
    keys.press(Qt.Key.Key_Down)  # the first legal-basis pick
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.suspicion
    keys.type("investment scam, several users reported it")
    keys.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    activate(qtbot, window)
    keys.press("D")
    expected[post] = ("remove", "")

    session = demo.session
    delivered = lambda: (window.controller.held_count == 0 and window.runner.pending == 0  # noqa: E731
                         and session.outbox.state().pending == 0)
    qtbot.waitUntil(delivered, timeout=30_000)

    keys.press("R", CTRL)  # my recent decisions: revise the newest to "no violation" with a note
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), RecentDecisionsDialog))
    recent = QApplication.activeWindow()
    qtbot.waitUntil(lambda: recent.table.rowCount() > 0 and QApplication.focusWidget() is recent.table)
    revised = recent.table.item(0, 0).text()
    assert revised == post and expected[post] == ("remove", ""), "the newest first"
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is recent.kind
    for _ in range(recent.kind.count()):
        keys.press(Qt.Key.Key_Up)  # "no violation" is the first
    keys.press(Qt.Key.Key_Tab)
    keys.press("A", CTRL)
    keys.press(Qt.Key.Key_Backspace)
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is recent.note
    keys.type("revised: satire, not an ad")
    with qtbot.waitSignal(recent.finished, timeout=10_000) as finished:  # the dialog deletes itself on close
        keys.press(Qt.Key.Key_Return)
    assert finished.args == [RecentDecisionsDialog.DialogCode.Accepted.value], "revised, not refused"
    expected[revised] = ("no_violation", "revised: satire, not an ad")
    qtbot.waitUntil(delivered, timeout=30_000)
    assert session.outbox.state().failed == ()
    lead = make_client(demo.server.url)
    lead.login("lead1", "demo")
    every = lead.decisions(limit=500).items
    on_platform = {d.post_id: d for d in every}  # in seq order: a revision replaces what it revised
    first, second = [d for d in every if d.post_id == revised]
    assert (first.kind.value, second.revises) == ("remove", first.decision_id), "both kept, the revision names it"
    assert set(on_platform) == set(expected)
    for post_id, (kind, note) in expected.items():
        assert on_platform[post_id].kind.value == kind and on_platform[post_id].decided_by == "mod1"
        if note:
            assert on_platform[post_id].note == note
    rumour = next(d for d in on_platform.values() if d.kind.value == "rumour_label")
    assert rumour.refutation == "https://piyao.example/2026/1"

    recorded = session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=500)
    assert sorted(e.subject for e in recorded) == sorted([f"post:{p}" for p in expected] + [f"post:{revised}"])
    [revision] = [e for e in recorded if b'"revises"' in e.envelope]
    assert revision.subject == f"post:{revised}" and first.decision_id.encode() in revision.envelope
    [referral] = session.audit.events(EventFilter(event_type=EventType.REFERRAL_CREATED), limit=10)
    assert referral.actor == "mod1"
    assert session.audit.verify().ok
