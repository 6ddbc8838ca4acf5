"""GUI start: QApplication, translations, font, settings, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app.core.errors import SettingsError
from moderator_app.gui_options import GuiOptions
from moderator_app.settings import Settings
from moderator_app.settings.store import default_store
from moderator_app.ui.i18n import apply_cjk_font, install_translator, resolve_language
from moderator_app.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Moderator Workstation")
    app.setOrganizationName("moderator-workstation")
    apply_cjk_font(app)
    return app


def run(options: GuiOptions) -> int:
    app = create_application()
    try:
        settings = default_store().load()
        problem = None
    except SettingsError as exc:
        settings, problem = Settings(), str(exc)
    install_translator(app, resolve_language(settings.language))
    window = MainWindow(settings, demo=options.demo)
    window.show()
    if problem:
        QMessageBox.warning(window, window.tr("Settings"), window.tr("Settings not loaded: {0}").format(problem))
    if options.smoke_test:
        # The window is up and its event loop turned once: enough for an installer check of the shell.
        QTimer.singleShot(0, lambda: app.exit(0))
    return app.exec()
