"""The lead's viewer and dashboard say so when the log holds synthetic history (audit generate), and stay quiet on
a log of real events only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from audit_support import event

from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.lead.dashboard import DashboardPane
from moderator_app.ui.lead.viewer import AuditViewer
from moderator_app.ui.tasks import TaskRunner
from tests.exports.conftest import LEAD


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_synthetic_history_is_flagged_over_the_viewer_and_the_dashboard(qtbot, audit_log: AuditLogService,
                                                                        runner: TaskRunner) -> None:
    console = LeadConsole(audit_log, LEAD, workstation="ws-lead")  # the fixture's log: generated, then real events
    for pane in (AuditViewer(console, runner), DashboardPane(console, runner)):
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitUntil(lambda pane=pane: pane.synthetic.isVisible())
        assert "SYNTHETIC" in pane.synthetic.text() and "not real work" in pane.synthetic.text()


def test_a_log_of_real_events_shows_no_banner(qtbot, open_log: Callable[..., AuditLogService], sqlite_url: str,
                                              runner: TaskRunner) -> None:
    real = open_log(sqlite_url)
    real.append(event(1))
    console = LeadConsole(real, LEAD, workstation="ws-lead")
    assert not console.holds_synthetic()
    viewer = AuditViewer(console, runner)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: "1 events match" in viewer.count_label.text())
    assert not viewer.synthetic.isVisible()
