"""GUI start: the composition root (logging, settings), QApplication, translations, font, main window; then a
session (demo or login)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from moderator_app.core.errors import ModeratorError
from moderator_app.gui_options import GuiOptions
from moderator_app.services import bootstrap
from moderator_app.services.demo_process import PlatformProcess
from moderator_app.services.policy import load_policy
from moderator_app.ui.errors import describe
from moderator_app.ui.i18n import apply_cjk_font, current_language, install_translators, resolve_language
from moderator_app.ui.login_dialog import LoginDialog
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.tasks import Lane

if TYPE_CHECKING:  # the demo's modules are heavy: imported on a worker when the demo starts
    from moderator_app.services.demo import DemoWorkstation
    from moderator_app.services.workstation import WorkstationSession

SMOKE_TEST_SECONDS = 30
qt_log = logging.getLogger("qt")
QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings (a failed font, a bad style sheet) go to the workstation's log, not a lost stderr."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def tune_interpreter() -> None:
    """Hand the GIL back to the GUI thread sooner (1 ms instead of 5 ms) while workers parse and hash:
    responsiveness matters more here than the workers' throughput."""
    sys.setswitchinterval(0.001)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    tune_interpreter()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Moderator Workstation")
    app.setOrganizationName("moderator-workstation")
    apply_cjk_font(app)
    return app


def run(options: GuiOptions) -> int:
    from moderator_app import STARTED as started

    boot = bootstrap.start("gui")
    settings, problem, locked = boot.settings, boot.settings_problem, boot.locked
    qInstallMessageHandler(log_qt_message)
    app = create_application()
    install_translators(app, resolve_language(settings.language))
    try:
        pack = load_policy(settings.policy_pack)
    except ModeratorError as exc:
        sys.stderr.write(f"moderator-app: error: {exc}\n")
        return 2
    # The demo platform starts in its own process before the window, so it seeds its data on the other core
    # while this one builds the window and imports the engine.
    platform = PlatformProcess() if options.demo else None
    window = MainWindow(settings, pack, demo=options.demo)
    window.show()
    if options.smoke_test:
        QTimer.singleShot(0, lambda: sys.stdout.write(
            f"smoke test: window shown after {time.monotonic() - started:.2f} s\n"))
    if problem:
        QMessageBox.warning(window, window.tr("Settings"), window.tr("Settings not loaded: {0}").format(problem))
    exit_code: list[int] = []
    closers: list[Callable[[], None]] = []

    def fail(message: str) -> None:
        logging.getLogger(__name__).info("shown to the user: %s", message)  # INFO: the file only, stderr has it
        sys.stderr.write(f"moderator-app: {message}\n")
        if options.smoke_test:
            exit_code.append(1)
            app.exit(1)
        else:
            window.status.showMessage(message)

    if platform is not None:
        def start() -> DemoWorkstation:
            from moderator_app.services.demo import GUI_SECOND_REVIEWS  # heavy imports: off the GUI thread

            return bootstrap.start_demo(options.demo_user, settings, platform, second_reviews=GUI_SECOND_REVIEWS,
                                       language=current_language())

        def not_started(error: BaseException) -> None:
            platform.stop()
            fail(f"demo did not start: {describe(error)}")

        def on_demo(demo: DemoWorkstation) -> None:
            closers.append(demo.close)
            controller = window.attach(demo.session)
            if options.smoke_test:
                def first_post(_post_id: str) -> None:  # emitted once the post and its suggestions are shown
                    elapsed = time.monotonic() - started
                    sys.stdout.write(f"smoke test: first post shown with suggestions after {elapsed:.2f} s\n")
                    app.exit(0)

                controller.post_shown.connect(first_post)

        # Start after the window has painted: importing the engine and the server holds the GIL for a while.
        QTimer.singleShot(50, lambda: window.runner.submit(Lane.NET, start, on_demo, not_started))
        if options.smoke_test:
            QTimer.singleShot(SMOKE_TEST_SECONDS * 1000,
                              lambda: fail(f"smoke test: no post shown within {SMOKE_TEST_SECONDS} s"))
    else:
        def login(url: str, user: str, password: str, remember: bool) -> WorkstationSession:
            return bootstrap.open_session(settings, url, user, password, remember=remember,  # on the network lane
                                          language=current_language())

        def on_login() -> None:
            session = cast("WorkstationSession", dialog.session)
            closers.append(session.close)
            window.attach(session)

        dialog = LoginDialog(window.runner, login, url=settings.platform_url, username=settings.username,
                             parent=window, url_locked=locked.get("platform_url"))
        dialog.accepted.connect(on_login)
        dialog.open()

    code = app.exec()
    window.close()
    for close in closers:
        try:
            close()
        except ModeratorError as exc:
            sys.stderr.write(f"moderator-app: while closing: {exc}\n")
    return exit_code[0] if exit_code else code
