"""Screenshots of the team-lead console (viewer, dashboard, review quality) on a synthetic 20,000-event log.

Run under xvfb-run for real fonts: screenshot_lead.py OUT_FOLDER [zh_CN|en]
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from moderator_app.core.models import Role, User, UserId
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.lead_console import LeadConsole
from moderator_app.services.review_quality import pending_reviews, record_review
from moderator_app.ui.app import create_application
from moderator_app.ui.i18n import install_translators
from moderator_app.ui.lead.console import LeadConsoleWindow
from moderator_app.ui.tasks import TaskRunner


def wait_for(app: QApplication, condition: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        settle(app, 50)
        waited += 50


def settle(_app: QApplication, ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    suffix = "zh" if language == "zh_CN" else "en"
    app = create_application()
    install_translators(app, language)
    folder = Path(tempfile.mkdtemp(prefix="lead-shots-"))
    audit_log = open_audit_log(f"sqlite:///{folder / 'audit.sqlite3'}", data_dir=folder, workstation="ws-lead")
    audit_log.generate(20_000, seed=2011)
    lead = User(UserId("lead1"), "Lead", frozenset({Role.LEAD, Role.MODERATOR}))
    console = LeadConsole(audit_log, lead, workstation="ws-lead")
    console.sample_for_review(0.03)
    rng = random.Random(7)
    for name in ("mod1", "mod2", "mod3", "mod4"):
        reviewer = User(UserId(name), name, frozenset({Role.MODERATOR}))
        for task in pending_reviews(audit_log, name)[:25]:
            kind = rng.choice(("remove", "remove", "no_violation", "restrict_author"))
            record_review(audit_log, task, reviewer, kind, [rng.choice(("10.7", "10.5", "10.8"))], workstation=name)
    runner = TaskRunner()
    window = LeadConsoleWindow(console, runner)
    window.resize(1440, 860)
    window.show()
    viewer = window.viewer
    wait_for(app, lambda: viewer.model.loaded > 0 and bool(viewer.count_label.text()))
    viewer.table.selectRow(7)
    wait_for(app, lambda: "intact" in viewer.chain_status.text() or "完好" in viewer.chain_status.text())
    settle(app)
    grab(window, out / f"lead-audit-viewer-{suffix}.png")
    window.tabs.setCurrentIndex(1)
    wait_for(app, lambda: window.dashboard is not None and window.dashboard.data is not None)
    settle(app, 1200)
    grab(window, out / f"lead-dashboard-{suffix}.png")
    window.tabs.setCurrentIndex(2)
    wait_for(app, lambda: window.review is not None and window.review.summary is not None)
    review = window.review
    assert review is not None and review.summary is not None
    console.request_third_review(review.summary.disagreements[1])  # one disagreement sent to a third moderator
    review.refresh()
    wait_for(app, lambda: review.disagreements.item(1, 5) is not None and bool(review.disagreements.item(1, 5).text()))
    review.disagreements.selectRow(0)
    settle(app)
    grab(window, out / f"lead-review-quality-{suffix}.png")
    window.close()
    runner.shutdown()
    audit_log.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
