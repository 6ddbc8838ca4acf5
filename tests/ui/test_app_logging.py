"""The GUI's error box points at a real log file that holds the traceback; Qt's own warnings are logged too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qInstallMessageHandler, qWarning

from moderator_app.ui.app import log_qt_message
from moderator_app.ui.errors import describe


def test_an_unexpected_error_names_the_log_file_that_holds_its_traceback(log_file: Path) -> None:
    def failing() -> None:
        raise KeyError("cursor-77")

    try:
        failing()
    except KeyError as exc:
        message = describe(exc)
    assert message.endswith(f"Details are in the log: {log_file}.")
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in failing" in text and "KeyError: 'cursor-77'" in text


def test_qt_warnings_go_to_the_log(log_file: Path) -> None:
    previous = qInstallMessageHandler(log_qt_message)
    try:
        qWarning("qt says: font not found xyz")
    finally:
        qInstallMessageHandler(previous)
    assert "WARNING qt [MainThread] qt says: font not found xyz" in log_file.read_text(encoding="utf-8")
