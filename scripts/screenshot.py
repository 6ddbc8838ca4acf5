"""Screenshots of the real workstation on the demo platform; run under xvfb-run for real fonts.

    xvfb-run -a .venv/bin/python scripts/screenshot.py docs/screenshots [zh_CN|en] [mod1|lead1]
Writes main-window-<lang>.png (the review screen with a post, its evidence and suggestions).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from moderator_app.settings import Settings
from moderator_app.ui.app import create_application
from moderator_app.ui.i18n import install_translator
from moderator_app.ui.main_window import MainWindow


def main() -> int:
    out_dir = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    user = sys.argv[3] if len(sys.argv) > 3 else "mod1"
    os.environ["MODAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="modapp-shot-")
    app = create_application()
    install_translator(app, language)
    from moderator_app.services.demo import start_demo

    demo = start_demo(user)
    window = MainWindow(Settings(language=language), demo.session.pack, demo=True)
    window.resize(1600, 900)
    window.show()
    controller = window.attach(demo.session)
    deadline = time.monotonic() + 30
    while window.queue_model.total < 500 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    # Show a post with evidence: the first one the engine has something to say about.
    for row in range(window.queue_model.rowCount()):
        post_id = window.queue_model.visible_ids()[row]
        suggestions = controller._suggestions.get(post_id, ())
        if suggestions and any(e.span for e in suggestions[0].evidence) and window.queue_model.item_at(row).reports:
            window.queue_pane.select_row(row)
            break
    window.decision_bar.cite(suggestions[0].category) if suggestions else None

    def grab() -> None:
        window.grab().save(str(out_dir / f"main-window-{language}.png"))
        app.quit()

    QTimer.singleShot(1500, grab)
    app.exec()
    window.close()
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
