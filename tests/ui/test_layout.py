"""The review screen fits a 1,366×768 laptop in both languages, with the longest content a post can bring, and
remembers its layout per screen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.models import Author, AuthorId, CategoryId, Evidence, MediaRef, Report, Suggestion
from moderator_app.services.review import QueueSnapshot
from moderator_app.settings import Settings
from moderator_app.ui import i18n
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.window_layout import restore_layout
from tests.factories import BASE
from tests.ui.conftest import open_review_window
from tests.ui.fake_service import FakeReviewService

LAPTOP = QSize(1366, 768)
# What a window manager and a taskbar leave of 768 px: the window's frame must fit in what remains.
LAPTOP_CLIENT = QSize(1366, 768 - 80)
LONG_URL = "https://t.cn/" + "A1b2C3d4" * 60
LONG_NAME = "超长昵称" * 40


class LongContentService(FakeReviewService):
    """Every post long: an unbroken URL, a long name, long reports, media descriptions and evidence."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.queue = [replace(item, post=replace(
            item.post, text=f"{item.post.text} {LONG_URL} " + "很长的帖子正文，" * 400,
            author=Author(AuthorId("u" + "9" * 60), LONG_NAME, "真名" * 30),
            media=tuple(MediaRef(f"m{n}", "image", "一张没有空格的很长的描述" * 20) for n in range(4))),
            reports=tuple(Report(f"r{n}", "gambling" * 10, LONG_URL, BASE) for n in range(3)))
            for item in self.queue]

    def load_queue(self) -> QueueSnapshot:
        snapshot = super().load_queue()
        evidence = (Evidence("lexicon", LONG_URL, 0.6), Evidence("model", "很长的证据" * 80, 0.2))
        suggestions = {item.post_id: (Suggestion(CategoryId("10.7"), 0.9, evidence),
                                      Suggestion(CategoryId("10.9"), 0.5, evidence)) for item in self.queue}
        return replace(snapshot, suggestions=suggestions)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = i18n.install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)
    i18n.install_translator(qapp, "en")


def assert_fits(window: MainWindow, area: QSize) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height(), f"minimum {hint} > {area}"
    window.resize(area)
    QApplication.processEvents()
    assert window.width() <= area.width() and window.height() <= area.height(), f"{window.size()} > {area}"
    for name in ("queue_pane", "post_scroll", "post_reports", "post_history", "suggestions_pane", "decision_bar",
                 "status_outbox", "status_lease"):
        pane = window.findChild(QWidget, name)
        right = pane.mapTo(window, pane.rect().bottomRight())
        assert right.x() < window.width() and right.y() < window.height(), f"{name} is off the window"


def test_the_review_screen_fits_a_laptop_in_both_languages(qtbot, language: str) -> None:
    service = LongContentService()
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    assert window.width() <= window.screen().availableGeometry().width(), "opens no wider than the screen"
    assert_fits(window, LAPTOP_CLIENT)
    window.decision_bar.note.setText("很长的备注" * 50)
    window.decision_bar.cite("10.7")
    first = window.post_pane.item
    assert window.controller.decide(DecisionKind.REMOVE)
    qtbot.waitUntil(lambda: window.post_pane.item is not None and window.post_pane.item != first)
    qtbot.waitUntil(lambda: window.post_pane.history.count() > 0)
    assert window.undo_banner.isVisible()
    assert not window.controller.decide(DecisionKind.RESTRICT_AUTHOR)  # a long refusal reason is shown too
    assert window.decision_bar.problem.text()
    assert_fits(window, LAPTOP_CLIENT)
    window.close()


def test_the_layout_is_remembered_for_the_screen(qtbot) -> None:
    service = FakeReviewService()
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    window.resize(780, 600)
    window.splitter.setSizes([150, 400, 200])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(Settings(), service.pack)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QSize(780, 600)
    assert again.splitter.sizes() == sizes
    assert restore_layout(again)
