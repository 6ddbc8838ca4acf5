"""Screenshot of the real main window; run under xvfb-run for real fonts: screenshot.py OUT.png [zh_CN|en]."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from moderator_app.settings import Settings
from moderator_app.ui.app import create_application
from moderator_app.ui.i18n import install_translator
from moderator_app.ui.main_window import MainWindow


def main() -> int:
    out = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    app = create_application()
    install_translator(app, language)
    window = MainWindow(Settings(language=language), demo=True)
    window.show()

    def grab() -> None:
        window.grab().save(str(out))
        app.quit()

    QTimer.singleShot(500, grab)
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
