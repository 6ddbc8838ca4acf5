"""The review screen by keyboard: a refused decision puts the cursor where the text goes, typed letters go into
it (no shortcut fires), Enter tries again; next and reveal keys; apply-to-similar for one decision only; the most
urgent post first and next; a post another moderator holds is shown read-only."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.models import MediaRef
from moderator_app.ui.main_window import MainWindow
from tests.ui.fake_service import FakeReviewService


def press(qtbot, key: str) -> None:
    """A key as the moderator types it: to whatever has the focus (a shortcut only if no field takes letters)."""
    qtbot.keyClick(QApplication.focusWidget(), key)


def most_urgent(window: MainWindow):
    ids = window.queue_model.visible_ids()
    return min(ids, key=lambda pid: window.queue_model.facts(pid).deadline)


def test_a_refused_rumour_label_takes_the_refutation_from_the_keyboard(qtbot, review_window: MainWindow,
                                                                       fake_service: FakeReviewService) -> None:
    window = review_window
    first = window.post_pane.item.post_id
    qtbot.keyClick(window, "6")
    qtbot.keyClick(window, "L")
    assert "refutation" in window.decision_bar.problem.text()
    assert QApplication.focusWidget() is window.decision_bar.refutation
    qtbot.keyClicks(QApplication.focusWidget(), "a dcr https://piyao.example/1")  # a, d, c, r: letters, not keys
    assert window.decision_bar.refutation.text() == "a dcr https://piyao.example/1"
    assert window.post_pane.item.post_id == first and window.controller.held_count == 0
    assert not window.cluster_action.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter: the rumour label again, now complete
    assert window.controller.held_count == 1 and window.post_pane.item.post_id != first
    assert QApplication.focusWidget() is window.queue_pane.view, "letters are decision keys again"
    window.controller.flush()
    qtbot.waitUntil(lambda: len(fake_service.decided) == 1)
    decision = fake_service.decided[0]
    assert (decision.kind, decision.refutation) == (DecisionKind.RUMOUR_LABEL, "a dcr https://piyao.example/1")


def test_escalate_and_restrict_ask_for_the_note_and_escape_goes_back(qtbot, review_window: MainWindow) -> None:
    window = review_window
    qtbot.keyClick(window, "E")
    assert QApplication.focusWidget() is window.decision_bar.note
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.queue_pane.view
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "R")
    assert QApplication.focusWidget() is window.decision_bar.note
    qtbot.keyClicks(QApplication.focusWidget(), "repeat gambling ads")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    assert window.controller.held_count == 1


def test_apply_to_similar_is_seen_and_lasts_one_decision(qtbot, review_window: MainWindow,
                                                         fake_service: FakeReviewService) -> None:
    window = review_window
    window.queue_pane.select(fake_service.queue[0].post_id)
    button = window.decision_bar.findChild(QToolButton, "button_action_apply_cluster")
    qtbot.keyClick(window, "C")
    assert button.isVisible() and button.isChecked()
    assert "1 similar" in window.decision_bar.problem.text()
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "D")
    assert window.controller.held_count == 1 and len(window.controller._held[0].decisions) == 2
    assert not button.isChecked() and not window.controller.apply_to_cluster, "off again for the next post"


def test_start_and_next_on_the_most_urgent_post(qtbot, review_window: MainWindow) -> None:
    window = review_window
    qtbot.waitUntil(lambda: window.post_pane.item.post_id == most_urgent(window))
    window.queue_pane.select_row(window.queue_model.rowCount() - 1)  # the moderator picks a later one
    picked = window.post_pane.item.post_id
    window.queue_pane.view.setFocus()
    press(qtbot, "A")
    assert window.post_pane.item.post_id == most_urgent(window) != picked
    skipped = window.post_pane.item.post_id
    press(qtbot, "N")  # skip: the next most urgent, not the row below whatever was clicked
    ordered = sorted(window.queue_model.visible_ids(), key=lambda pid: window.queue_model.facts(pid).deadline)
    assert window.post_pane.item.post_id == ordered[ordered.index(skipped) + 1]


def test_v_reveals_the_media(qtbot) -> None:
    from moderator_app.settings import Settings
    from tests.ui.conftest import open_review_window

    service = FakeReviewService()
    service.queue = [replace(i, post=replace(i.post, media=(MediaRef("m1", "image", "图"),))) for i in service.queue]
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    [tile] = window.post_pane.media_tiles()
    assert tile.is_blurred
    qtbot.keyClick(window, "V")
    assert not tile.is_blurred
    qtbot.waitUntil(lambda: service.revealed == [(window.post_pane.item.post_id, "m1")])
    window.close()


def test_a_post_held_by_someone_else_is_shown_read_only(qtbot, review_window: MainWindow,
                                                        fake_service: FakeReviewService) -> None:
    window = review_window
    held = window.queue_model.visible_ids()[-1]
    window.queue_model.set_claimed_elsewhere([held])
    window.queue_pane.select(held)  # as a click on the greyed row does
    assert window.post_pane.item.post_id == held
    assert window.post_pane.held.isVisible() and "Held by" in window.post_pane.held.text()
    qtbot.keyClick(window, "A")
    assert window.controller.held_count == 0 and not window.decision_actions["no_violation"].isEnabled()
    qtbot.keyClick(window, "N")
    assert window.post_pane.item.post_id != held and not window.post_pane.held.isVisible()
    qtbot.keyClick(window, "A")
    assert window.controller.held_count == 1
    assert window.post_pane.item.post_id != held, "next never lands on a post someone else holds"


class FlakyService(FakeReviewService):
    """The platform is down at login: the first two listings fail, then it answers, with more than it lists."""

    refusals_left = 2

    def load_queue(self):
        from moderator_app.core.errors import PlatformUnavailable

        if self.refusals_left:
            self.refusals_left -= 1
            raise PlatformUnavailable("connection refused")
        return super().load_queue()

    def load_full_queue(self):
        return replace(super().load_full_queue(), more_on_platform=True)


def test_the_queue_loads_after_login_once_the_platform_answers_and_the_count_is_true(qtbot) -> None:
    from moderator_app.settings import Settings

    service = FlakyService()
    window = MainWindow(Settings(undo_seconds=1), service.pack)
    qtbot.addWidget(window)
    window.show()
    window.attach(service)
    qtbot.waitUntil(lambda: "trying again" in window.queue_pane.count.text())
    qtbot.waitUntil(lambda: window.post_pane.item is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "the platform holds more" in window.queue_pane.count.text())
    assert window.queue_pane.count.text() == "5 shown of the first 6 listed; the platform holds more"
    window.close()


def test_the_break_reminder_is_a_dialog_and_a_new_setting_applies_at_once(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from moderator_app.ui.wellbeing import BreakReminder

    parent = QWidget()
    qtbot.addWidget(parent)
    reminder = BreakReminder(parent, 0, ms_per_minute=20)
    reminder.set_minutes(2)  # as Settings -> OK does, no restart
    qtbot.waitUntil(lambda: reminder.dialog is not None and reminder.dialog.isVisible())
    assert "2 minutes" in reminder.dialog.text()
    reminder.dialog.accept()
    reminder.set_minutes(0)
    assert not reminder._timer.isActive()


def test_next_is_the_most_urgent_whatever_the_queue_is_sorted_by(qtbot, review_window: MainWindow) -> None:
    from moderator_app.ui.queue.filtering import Column

    window = review_window
    window.queue_pane.view.sortByColumn(Column.FLAGGED, Qt.SortOrder.DescendingOrder)
    window.queue_pane.view.setFocus()
    press(qtbot, "A")
    first = window.post_pane.item.post_id
    assert first == most_urgent(window)
    press(qtbot, "N")
    ordered = sorted(window.queue_model.visible_ids(), key=lambda pid: (window.queue_model.facts(pid).deadline, pid))
    assert window.post_pane.item.post_id == ordered[ordered.index(first) + 1]


def png(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_revealed_media_shows_the_image_and_hostile_bytes_keep_the_description(qtbot) -> None:
    from moderator_app.settings import Settings
    from tests.ui.conftest import open_review_window

    service = FakeReviewService(media={"m1": png(900, 600), "m2": b"<svg onload=alert(1)>", "m3": b"\x89PNG\r\n"})
    service.queue = [replace(i, post=replace(i.post, media=(
        MediaRef("m1", "image", "图一"), MediaRef("m2", "image", "图二"), MediaRef("m3", "image", "图三"))))
        for i in service.queue]
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    tiles = window.post_pane.media_tiles()
    assert all(t.preview.pixmap().isNull() for t in tiles), "nothing shown before the reveal"
    for _ in tiles:
        qtbot.keyClick(window, "V")
    qtbot.waitUntil(lambda: len(service.revealed) == 3 and window.runner.pending == 0)
    qtbot.waitUntil(lambda: not tiles[0].preview.pixmap().isNull())
    assert tiles[0].preview.pixmap().width() <= 480 and tiles[0].preview.pixmap().height() <= 320
    assert tiles[0].preview.toolTip() == "[image] 图一"
    assert tiles[1].preview.pixmap().isNull() and tiles[1].preview.text() == "[image] 图二"
    assert tiles[2].preview.pixmap().isNull()
    post = window.post_pane.item
    window.post_pane.show_item(post)  # the author history arriving late shows the same post again
    assert window.post_pane.media_tiles() == tiles and not tiles[0].is_blurred, "what was revealed stays revealed"
    window.close()
