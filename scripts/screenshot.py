"""Screenshots of the real workstation on the demo platform; run under xvfb-run for real fonts.

    xvfb-run -a .venv/bin/python scripts/screenshot.py docs/screenshots [zh_CN|en] [mod1|lead1] [second-review]
Writes main-window-<lang>.png (the review screen with a post, its evidence and suggestions), or with
``second-review`` main-window-second-review-<lang>.png (a blind second review selected in the queue).
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
from moderator_app.ui.i18n import install_translators
from moderator_app.ui.main_window import MainWindow


def main() -> int:
    out_dir = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    user = sys.argv[3] if len(sys.argv) > 3 else "mod1"
    second_review = len(sys.argv) > 4 and sys.argv[4] == "second-review"
    os.environ["MODAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="modapp-shot-")
    app = create_application()
    install_translators(app, language)
    from moderator_app.services.demo import GUI_SECOND_REVIEWS, start_demo

    demo = start_demo(user, second_reviews=GUI_SECOND_REVIEWS, language=language)  # what `moderator-app --demo` shows
    window = MainWindow(Settings(language=language), demo.session.pack, demo=True)
    window.resize(1600, 900)
    window.show()
    controller = window.attach(demo.session)
    deadline = time.monotonic() + 30
    while window.queue_model.total < 500 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    model = window.queue_model
    while second_review and not window.queue_pane.second_reviews.isVisible() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    # Show a post with evidence: the first one the engine has something to say about; or the first second review,
    # as a moderator would pick it up (nothing cited yet).
    suggestions = ()
    for row in range(model.rowCount()):
        post_id = model.visible_ids()[row]
        facts = model.facts(post_id)
        if second_review:
            if facts is not None and facts.second_review:
                window.queue_pane.select_row(row)
                break
            continue
        suggestions = controller._suggestions.get(post_id, ())
        if suggestions and any(e.span for e in suggestions[0].evidence) and model.item_at(row).reports:
            window.queue_pane.select_row(row)
            break
    window.decision_bar.cite(suggestions[0].category) if suggestions else None

    name = "main-window-second-review" if second_review else "main-window"

    def grab() -> None:
        window.grab().save(str(out_dir / f"{name}-{language}.png"))
        app.quit()

    QTimer.singleShot(1500, grab)
    app.exec()
    window.close()
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
