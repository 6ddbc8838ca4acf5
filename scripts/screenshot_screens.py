"""The review screen, the referral queue and the team-lead console at a given screen size, as a lead sees them.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_screens.py docs/screenshots zh_CN

Each window is sized as the application sizes it on that screen (no window manager under Xvfb: no title bar).
Writes <screen>-<WxH>-<lang>.png for review, referral-queue and lead-console.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from moderator_app.referrals.model import ContentHandling, ReferralRequest
from moderator_app.services.referrals import referral_service_for
from moderator_app.settings import Settings
from moderator_app.ui.app import create_application
from moderator_app.ui.i18n import install_translators
from moderator_app.ui.main_window import MainWindow
from scripts.screenshot_lead import settle, wait_for


def main() -> int:
    out = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    os.environ["MODAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="modapp-shot-")
    os.environ["MODAPP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="modapp-shot-config-")
    app = create_application()
    install_translators(app, language)
    screen = QGuiApplication.primaryScreen().size()
    size = f"{screen.width()}x{screen.height()}"
    from moderator_app.services.demo import GUI_SECOND_REVIEWS, start_demo

    demo = start_demo("lead1", second_reviews=GUI_SECOND_REVIEWS, language=language)
    window = MainWindow(Settings(language=language), demo.session.pack, demo=True)
    window.move(0, 0)
    window.show()
    controller = window.attach(demo.session)
    model = window.queue_model
    wait_for(app, lambda: model.total > 500)
    for row in range(model.rowCount()):  # a post with highlighted evidence and reports, as in the user guide
        post_id = model.visible_ids()[row]
        suggestions = controller._suggestions.get(post_id, ())
        if suggestions and any(e.span for e in suggestions[0].evidence) and model.item_at(row).reports:
            window.queue_pane.select_row(row)
            window.decision_bar.cite(suggestions[0].category)
            break
    wait_for(app, lambda: window.post_pane.history.count() > 0, 5000)
    settle(app, 1200)
    save(window, out / f"review-{size}-{language}.png")

    referrals = referral_service_for(demo.session)
    assert referrals is not None
    for n, (category, urgent) in enumerate((("10.11", False), ("10.7", True), ("10.8", False))):
        referrals.create(model.item_at(n + 3), ReferralRequest(
            categories=(category,), legal_basis=("《中华人民共和国刑法》第二百六十六条",),
            suspicion="以投资为名骗取钱款，已有多名用户举报。", content_handling=ContentHandling.REMOVE, urgent=urgent))
    queue = window.referrals.open_queue()
    assert queue is not None
    queue.move(0, 0)
    wait_for(app, lambda: queue.table.rowCount() == 3)
    queue.table.selectRow(0)
    settle(app)
    save(queue, out / f"referral-queue-{size}-{language}.png")
    queue.close()

    console = window.lead_menu.open_console()
    assert console is not None
    console.move(0, 0)
    wait_for(app, lambda: console.viewer.model.loaded > 0)
    console.tabs.setCurrentIndex(1)
    wait_for(app, lambda: console.dashboard is not None and console.dashboard.data is not None)
    settle(app, 1200)
    save(console, out / f"lead-console-{size}-{language}.png")
    console.close()
    window.close()
    demo.close()
    return 0


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path, widget.width(), "x", widget.height())


if __name__ == "__main__":
    raise SystemExit(main())
