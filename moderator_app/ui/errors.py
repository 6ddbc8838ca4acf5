"""The one place that turns errors into something a moderator sees."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from moderator_app.core.errors import ModeratorError
from moderator_app.services.bootstrap import log_file

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """A one-line message: ours are written for people; anything else is a bug, reported as such (and its
    traceback written to the log the message names)."""
    if isinstance(error, ModeratorError):
        return str(error)
    log.error("unexpected error", exc_info=error)
    where = log_file()
    details = f"Details are in the log: {where}" if where else "No log file could be written, so details are lost"
    return f"Unexpected error ({type(error).__name__}): {error}. {details}."


def show_error(parent: QWidget | None, error: BaseException) -> None:
    title = QCoreApplication.translate("errors", "Error")
    box = QMessageBox(QMessageBox.Icon.Warning, title, describe(error), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # error text can quote post content: never rich text
    box.open()
