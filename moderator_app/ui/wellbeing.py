"""The break reminder: a dialog after the configured working time (a status-bar line is easy to miss), counted again
from when it is dismissed; a new setting applies at once, without a restart."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget


class BreakReminder(QObject):
    def __init__(self, parent: QWidget, minutes: int, *, ms_per_minute: int = 60_000) -> None:
        super().__init__(parent)
        self._parent = parent
        self._ms_per_minute = ms_per_minute
        self.minutes = 0
        self.dialog: QMessageBox | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._remind)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """0 turns the reminder off; otherwise it counts from now."""
        self.minutes = minutes
        self._timer.stop()
        if minutes > 0:
            self._timer.start(minutes * self._ms_per_minute)

    def stop(self) -> None:
        self._timer.stop()

    def _remind(self) -> None:
        dialog = QMessageBox(QMessageBox.Icon.Information, self.tr("Time for a break"), self.tr(
            "You have been reviewing for {minutes} minutes. Step away from the screen for a few minutes: the queue "
            "and anything you have typed will wait for you.").format(minutes=self.minutes),
            QMessageBox.StandardButton.Ok, self._parent)
        dialog.setObjectName("break_reminder")
        dialog.button(QMessageBox.StandardButton.Ok).setText(self.tr("I'll take a break"))
        dialog.finished.connect(lambda _result: self.set_minutes(self.minutes))  # count again from now
        self.dialog = dialog
        dialog.open()
