"""In Chinese, no English word is left on screen outside proper names: the review screen (after a decision, a
refusal and with apply-to-similar on), the referral queue and the team-lead console with all its tabs, including
Qt's own buttons (OK/Cancel), context menus and dialogs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.lead_console import LeadConsole
from moderator_app.services.referrals import ReferralService
from moderator_app.settings import Settings
from moderator_app.ui import i18n
from moderator_app.ui.lead.console import LeadConsoleWindow
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.referral_queue import ReferralQueueDialog
from tests.factories import queue_item
from tests.referrals.referral_support import REQUEST
from tests.ui.conftest import activate
from tests.ui.fake_service import FakeReviewService

# Proper names, units and codes a Chinese user reads as they are.
ALLOWED = {"ID", "SLA", "URL", "UTC", "CSV", "XLSX", "PDF", "JSON", "SHA", "Ctrl", "Shift", "Alt", "Esc", "Enter",
           "Del", "Qt", "PySide", "HTTP", "HTTPS", "TLS", "SQLite", "PostgreSQL", "Excel", "LibreOffice", "Noto",
           "Unicode", "Weibo", "https", "http", "example", "piyao", "weibo", "demo"}
# Identifiers are names: mod1, post:4711, referral:R-2026… (a word joined to digits or followed by ':').
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9:])")  # code names (decision_discarded) count


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = i18n.install_translators(qapp, "zh_CN")
    assert installed, "resources/i18n/moderator_app_zh_CN.qm is missing: run make i18n"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.install_translators(qapp, "en")


def model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model's columnCount is private in the bindings
        columns = 1
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), 50)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    yield value


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user can read in ``root``."""
    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            yield where, w.windowTitle()
        yield where, w.toolTip()
        yield where, w.accessibleName()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        if isinstance(w, QLineEdit):
            yield where, w.placeholderText()
        if isinstance(w, QPlainTextEdit | QTextEdit):
            yield where, w.placeholderText()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QMenu):
            yield where, w.title()
        if isinstance(w, QComboBox):
            yield from ((where, w.itemText(n)) for n in range(w.count()))
        if isinstance(w, QTabWidget):
            yield from ((where, w.tabText(n)) for n in range(w.count()))
        if isinstance(w, QAbstractItemView):
            yield from ((where, t) for t in model_texts(w.model()))
    for action in root.findChildren(QAction):
        yield f"QAction:{action.objectName()}", action.text().replace("&", "")
        yield f"QAction:{action.objectName()}", action.toolTip()


def english(root: QWidget) -> list[str]:
    found = []
    for where, text in texts(root):
        words = [w for w in WORD.findall(text.replace("&", "")) if w not in ALLOWED]
        if words:
            found.append(f"{where}: {words} in {text[:80]!r}")
    return sorted(set(found))


def assert_chinese(root: QWidget) -> None:
    found = english(root)
    assert not found, "English in the Chinese UI:\n" + "\n".join(found)


@pytest.fixture
def lead_window(qtbot, chinese: None, open_log: Callable[..., AuditLogService], sqlite_url: str
                ) -> Iterator[tuple[MainWindow, AuditLogService]]:
    audit = open_log(sqlite_url)
    audit.generate(300, seed=3)  # history for the lead console (synthetic events go only into a fresh log)
    fake = FakeReviewService(lead=True)
    fake.referrals = ReferralService(audit, fake.user, "ws-ui")  # type: ignore[attr-defined]
    window = MainWindow(Settings(undo_seconds=30), fake.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(fake)
    qtbot.waitUntil(lambda: window.post_pane.item is not None and window.post_pane.reports.count() > 0)
    yield window, audit
    window.close()


def test_the_review_screen_is_all_chinese(qtbot, lead_window: tuple[MainWindow, AuditLogService]) -> None:
    window, _audit = lead_window
    assert_chinese(window)
    qtbot.keyClick(window, "R")  # refused: no category, no note
    assert window.decision_bar.problem.text()
    qtbot.keyClick(window.decision_bar.note, Qt.Key.Key_Escape)
    qtbot.keyClick(window, "C")
    assert_chinese(window)
    qtbot.keyClick(window, "C")
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "D")
    assert window.undo_banner.isVisible()
    assert_chinese(window)


def test_qt_own_buttons_and_menus_are_chinese(qtbot, lead_window: tuple[MainWindow, AuditLogService]) -> None:
    window, _audit = lead_window
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"确定", "取消", "关闭"}
    menu = window.decision_bar.note.createStandardContextMenu()
    assert_chinese(menu)
    menu.deleteLater()


def test_the_referral_queue_and_lead_console_are_all_chinese(
        qtbot, lead_window: tuple[MainWindow, AuditLogService]) -> None:
    window, audit = lead_window
    ReferralService(audit, FakeReviewService().user, "ws-ui").create(queue_item(2), REQUEST)
    window.referrals.queue_action.trigger()
    queue = window.findChild(ReferralQueueDialog, "referral_queue")
    qtbot.waitUntil(lambda: queue is not None and queue.table.rowCount() == 1)
    queue.table.selectRow(0)
    assert_chinese(queue)

    console = LeadConsoleWindow(LeadConsole(audit, FakeReviewService(lead=True).user, workstation="ws-ui"),
                                window.runner)
    qtbot.addWidget(console)
    console.show()
    qtbot.waitUntil(lambda: console.viewer.model.loaded > 0)
    console.viewer.table.selectRow(0)
    for tab in range(console.tabs.count()):
        console.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: console.dashboard is not None and console.review is not None)
    # Both tabs have drawn what they queried (nothing still on its way to a widget the test is about to close).
    qtbot.waitUntil(lambda: "载入" not in console.dashboard.summary.text() and console.review.status.text() != "")
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert_chinese(console)


def test_the_outbox_and_recent_decisions_dialogs_are_all_chinese(
        qtbot, lead_window: tuple[MainWindow, AuditLogService]) -> None:
    from moderator_app.ui.outbox_dialog import OutboxDialog
    from moderator_app.ui.recent_decisions import RecentDecisionsDialog

    window, _audit = lead_window
    window.status.outbox.click()
    outbox = window.findChild(OutboxDialog, "outbox_dialog")
    qtbot.waitUntil(lambda: outbox.table.rowCount() == 1)
    outbox.table.item(0, 2).setText("")  # the platform's own refusal text is not ours to translate
    assert_chinese(outbox)
    outbox.close()
    window.findChild(QAction, "action_recent_decisions").trigger()
    qtbot.waitUntil(lambda: (recent := window.findChild(RecentDecisionsDialog, "recent_decisions")) is not None
                    and recent.table.rowCount() == 1)
    recent = window.findChild(RecentDecisionsDialog, "recent_decisions")
    assert_chinese(recent)
    recent.close()


def test_every_code_a_user_sees_has_a_chinese_name() -> None:
    from moderator_app import paths
    from moderator_app.core.audit import EventType
    from moderator_app.core.decisions import DECISIONS
    from moderator_app.core.report_reasons import REPORT_REASON_ZH as REPORT_REASONS
    from moderator_app.policy import load_pack_by_id
    from moderator_app.ui.presenters import EVENT_LABELS

    assert {e.value for e in EventType} <= set(EVENT_LABELS), "a new audit event needs its name in presenters"
    assert set(load_pack_by_id("beijing-2011", paths.policy_dirs()).report_reasons) <= set(REPORT_REASONS)
    assert all(spec.label_zh for spec in DECISIONS)
