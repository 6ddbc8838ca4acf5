"""The team-lead console's widgets on a real SQLite log and a real TaskRunner; the menu on the real demo."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox

from moderator_app.audit.exports import sqlite_fast
from moderator_app.core.audit import EventFilter, EventType
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.demo import start_demo
from moderator_app.services.exports import verify_export
from moderator_app.services.lead_console import LeadConsole
from moderator_app.settings import Settings
from moderator_app.ui import i18n
from moderator_app.ui.lead.console import LeadConsoleWindow
from moderator_app.ui.lead.dashboard import DashboardPane
from moderator_app.ui.lead.event_model import PAGE
from moderator_app.ui.lead.export_dialog import ExportDialog
from moderator_app.ui.lead.progress import ProgressDialog
from moderator_app.ui.lead.review_quality import ReviewQualityPane
from moderator_app.ui.lead.viewer import AuditViewer
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.tasks import Lane, TaskRunner
from tests.exports.conftest import LEAD, disagreeing_reviews, read_csv


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def console(audit_log: AuditLogService) -> LeadConsole:
    return LeadConsole(audit_log, LEAD, workstation="ws-lead")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are modal: record them instead of blocking the test."""
    shown: list[str] = []
    for name in ("information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *_a: shown.append(text))
    return shown


def test_the_viewer_pages_lazily_and_filters(qtbot, console: LeadConsole, runner: TaskRunner) -> None:
    viewer = AuditViewer(console, runner)
    qtbot.addWidget(viewer)
    viewer.resize(1200, 700)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.model.loaded == PAGE and "2,8" in viewer.count_label.text())
    viewer.table.scrollToBottom()
    qtbot.waitUntil(lambda: viewer.model.loaded == 2 * PAGE)
    viewer.filters.moderator.setCurrentText("mod1")
    viewer.filters.apply()
    qtbot.waitUntil(lambda: 0 < viewer.model.loaded <= PAGE and viewer.model.event_at(0) is not None)
    assert {viewer.model.event_at(row).actor for row in range(viewer.model.loaded)} == {"mod1"}
    viewer.table.selectRow(3)
    qtbot.waitUntil(lambda: "intact" in viewer.chain_status.text())
    event = viewer.model.event_at(3)
    assert f"seq {event.seq}: intact" in viewer.chain_status.text()
    assert json.loads(viewer.details.toPlainText())["hdr"]["actor"]["id"] == "mod1"


def test_verify_now_reports_intact(qtbot, console: LeadConsole, runner: TaskRunner, messages: list[str]) -> None:
    viewer = AuditViewer(console, runner)
    qtbot.addWidget(viewer)
    viewer.verify_now()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages[0].startswith("Intact: 2,802 events")


def test_the_export_wizard_writes_a_bundle_that_verifies(qtbot, console: LeadConsole, runner: TaskRunner,
                                                         messages: list[str], tmp_path: Path) -> None:
    dialog = ExportDialog(console, runner, EventFilter(actor="mod2"))
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "wizard"))
    dialog.format_boxes["xlsx"].setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages[0].startswith("Exported ") and verify_export(tmp_path / "wizard").ok


def test_the_export_wizard_writes_headers_in_the_ui_language(qtbot, console: LeadConsole, runner: TaskRunner,
                                                             messages: list[str], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_language", "zh_CN")  # the workstation runs in Chinese
    dialog = ExportDialog(console, runner, EventFilter(actor="mod2"))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh"
    dialog.folder.setText(str(tmp_path / "zh"))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert read_csv(tmp_path / "zh" / "data" / "events.csv", "zh")  # 序号, 发生时间（UTC）, …
    monkeypatch.setattr(i18n, "_language", "en")
    english = ExportDialog(console, runner, EventFilter())
    qtbot.addWidget(english)
    assert english.language.currentData() == "en"


def test_an_export_can_be_cancelled(qtbot, console: LeadConsole, runner: TaskRunner, messages: list[str],
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_fast, "CHUNK", 100)
    hold = threading.Event()
    runner.submit(Lane.DB, hold.wait)  # the lane is busy: the export waits behind it
    dialog = ExportDialog(console, runner, EventFilter())
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "cancelled"))
    dialog.start_button.click()
    assert isinstance(dialog.progress, ProgressDialog) and dialog.progress.isVisible()
    dialog.progress.cancel()
    hold.set()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages == ["Export cancelled; nothing was kept."] and not (tmp_path / "cancelled").exists()


def test_the_dashboard_draws_its_charts(qtbot, console: LeadConsole, runner: TaskRunner) -> None:
    pane = DashboardPane(console, runner)
    qtbot.addWidget(pane)
    pane.days.setValue(3650)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.decisions > 0, timeout=20_000)
    assert len(pane.findChildren(QChartView)) == 6
    assert f"{pane.data.decisions:,} decisions" in pane.summary.text()


def test_review_quality_samples_and_shows_agreement(qtbot, console: LeadConsole, runner: TaskRunner) -> None:
    pane = ReviewQualityPane(console, runner)
    qtbot.addWidget(pane)
    pane.share.setValue(10.0)
    pane.date_from.setDate(pane.date_from.date().addYears(-10))  # the whole synthetic log
    pane.sample()
    qtbot.waitUntil(lambda: pane.summary is not None and pane.summary.requested > 0, timeout=20_000)
    assert pane.status.text().endswith(f"{pane.summary.requested} re-queued, 0 reviewed, 0 disagreements")


def test_review_quality_samples_only_the_chosen_days(qtbot, console: LeadConsole, runner: TaskRunner,
                                                     audit_log: AuditLogService) -> None:
    decisions = audit_log.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=100_000)
    first_day = min(d.occurred_at for d in decisions)[:10]
    pane = ReviewQualityPane(console, runner)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.summary is not None, timeout=20_000)
    before = QDate.fromString(first_day, "yyyy-MM-dd").addDays(-30)
    pane.date_from.setDate(before)
    pane.date_to.setDate(before.addDays(10))  # a range before the log began: nothing to sample
    pane.share.setValue(100.0)
    pane.sample()
    qtbot.waitUntil(lambda: pane.status.text().startswith("0 decisions re-queued"), timeout=20_000)
    pane.date_to.setDate(QDate.fromString(first_day, "yyyy-MM-dd"))  # the log's first day, whole
    pane.sample()
    on_first_day = [d for d in decisions if d.occurred_at.startswith(first_day)]
    qtbot.waitUntil(lambda: pane.status.text().startswith(f"{len(on_first_day)} decisions re-queued"),
                    timeout=30_000)
    assert len(on_first_day) > 0
    assert len(audit_log.events(EventFilter(event_type=EventType.REVIEW_REQUESTED), limit=100_000)) == len(
        on_first_day)


def test_disagreements_are_read_only_and_a_lead_can_ask_a_third_moderator_or_settle(
        qtbot, console: LeadConsole, runner: TaskRunner, audit_log: AuditLogService) -> None:
    disagreeing_reviews(console, audit_log, 0.1)
    pane = ReviewQualityPane(console, runner)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.summary is not None and len(pane.summary.disagreements) > 1, timeout=20_000)
    table = pane.disagreements
    assert not pane.third.isEnabled() and pane.third.toolTip() == "Select a disagreement to act on it."
    for view in (table, pane.by_moderator, pane.by_category):  # nothing to type into
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    table.setCurrentCell(0, 0)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center())
    assert table.state() != QAbstractItemView.State.EditingState and table.item(0, 0).text().startswith("post:")
    disputed = pane.selected()
    assert disputed is not None and pane.third.isEnabled() and pane.review_stands.isEnabled()
    count = len(pane.summary.disagreements)

    pane.third.click()
    qtbot.waitUntil(lambda: pane.status.text().startswith("Third review requested from "), timeout=20_000)
    asked = pane.status.text().removeprefix("Third review requested from ").split(".")[0]
    row = next(r for r in range(table.rowCount()) if table.item(r, 6).text() == str(disputed.decision_seq))
    assert table.item(row, 5).text() == f"asked {asked}"
    table.selectRow(row)
    assert not pane.third.isEnabled() and pane.action_hint.text() == f"A third review is waiting for {asked}."

    pane.decision_stands.click()
    qtbot.waitUntil(lambda: pane.status.text().startswith(f"Disagreement on {disputed.subject} settled"),
                    timeout=20_000)
    assert len(pane.summary.disagreements) == count - 1 and pane.selected() is None
    settled = audit_log.events(EventFilter(event_type=EventType.REVIEW_SETTLED), limit=10)
    assert [(e.actor, e.subject) for e in settled] == [("lead1", disputed.subject)]


def test_a_disputed_posts_events_open_in_the_audit_log(qtbot, console: LeadConsole, runner: TaskRunner,
                                                        audit_log: AuditLogService) -> None:
    disagreeing_reviews(console, audit_log, 0.05)
    window = LeadConsoleWindow(console, runner)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(2)
    pane = window.review
    assert pane is not None
    qtbot.waitUntil(lambda: pane.summary is not None and bool(pane.summary.disagreements), timeout=20_000)
    assert not pane.history.isEnabled()
    pane.disagreements.selectRow(0)
    disputed = pane.selected()
    assert disputed is not None
    pane.history.click()
    assert window.tabs.currentIndex() == 0 and window.viewer.filters.subject.text() == disputed.subject
    model = window.viewer.model
    qtbot.waitUntil(lambda: model.rowCount() >= 3, timeout=20_000)  # the decision, the request, the review
    events = [model.event_at(row) for row in range(model.rowCount())]
    assert {e.subject for e in events if e is not None} == {disputed.subject}
    assert {"decision_recorded", "review_requested", "review_recorded"} <= {e.event_type for e in events if e}


def test_the_team_lead_menu_is_for_leads_only(qtbot, tmp_path: Path) -> None:
    for user, is_lead in (("lead1", True), ("mod1", False)):
        demo = start_demo(user, data_dir=tmp_path / user, posts=60)
        window = MainWindow(Settings(undo_seconds=0), demo.session.pack)
        qtbot.addWidget(window)
        try:
            window.attach(demo.session)
            assert (window.findChild(QMenu, "menu_team_lead") is not None) is is_lead
            if is_lead:
                console_window = window.lead_menu.open_console()
                assert isinstance(console_window, LeadConsoleWindow)
                qtbot.waitUntil(lambda w=console_window: w.viewer.model.loaded > 0, timeout=20_000)
                console_window.close()
        finally:
            window.close()
            demo.close()


def test_lead_views_show_hostile_text_as_marks(qtbot, console: LeadConsole, runner: TaskRunner,
                                              audit_log: AuditLogService) -> None:
    """What moderators' clients and posts wrote reaches the lead's screens too: overrides and zero-width
    characters are shown as marks in the event table, the event's details and the review-quality tables."""
    from PySide6.QtWidgets import QTableWidget

    from moderator_app.core.audit import AuditEvent, EventType
    from moderator_app.ui.lead.review_quality import fill

    audit_log.append(AuditEvent.new(EventType.DECISION_RECORDED, actor="mod\u202e1", workstation="ws-test",
                                    subject="post:\u202e4711\u200b", category="10.7", decision_kind="remove",
                                    payload={"note": "<b>粗体</b> \u202egpj.exe \u2067隔离\u2069"}))
    viewer = AuditViewer(console, runner)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.filters.moderator.setCurrentText("mod\u202e1")
    viewer.filters.apply()
    qtbot.waitUntil(lambda: viewer.model.loaded == 1)
    cells = [viewer.model.data(viewer.model.index(0, column)) for column in range(viewer.model.columnCount())]
    assert "mod<U+202E>1" in cells and "post:<U+202E>4711<U+200B>" in cells
    viewer.table.selectRow(0)
    qtbot.waitUntil(lambda: "<U+2067>" in viewer.details.toPlainText())
    assert "<b>粗体</b> <U+202E>gpj.exe <U+2067>隔离<U+2069>" in viewer.details.toPlainText()
    assert not any(ch in viewer.details.toPlainText() for ch in "\u202e\u2067\u2069\u200b")
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    fill(table, [["post:\u202e4711", "mod\u200b1"]])
    assert [table.item(0, n).text() for n in range(2)] == ["post:<U+202E>4711", "mod<U+200B>1"]


def test_dashboard_axes_read_as_a_lead_expects() -> None:
    """Beijing time for a Beijing team, whole round ticks, every day in the range (a gap where there is no data)."""
    from moderator_app.ui.lead.charts import nice_step
    from moderator_app.ui.lead.dashboard import beijing_hours, days_between

    assert [nice_step(top) for top in (1, 3, 7, 12, 371, 4_900)] == [1, 1, 2, 5, 100, 1_000]
    # UTC 00 and 23 are Beijing 08 and 07 (the 6 o'clock period), UTC 01 is 09, UTC 16 is midnight.
    assert dict(beijing_hours((("00", 4), ("01", 1), ("16", 2), ("23", 3)))) == {
        "0": 2, "3": 0, "6": 7, "9": 1, "12": 0, "15": 0, "18": 0, "21": 0}
    assert days_between((("2026-11-30", 1),), (("2026-12-03", 2),)) == [
        "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]
