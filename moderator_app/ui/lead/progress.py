"""A long task (verify, export) on the database lane with a progress bar and a Cancel button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from moderator_app.core.audit import CancelToken, ProgressCallback
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label

LongWork = Callable[[ProgressCallback, CancelToken], Any]


class _Relay(QObject):
    """Emitted from the worker thread; Qt queues it to the GUI thread."""

    progressed = Signal(int, int)


class ProgressDialog(QDialog):
    def __init__(self, title: str, what: str, runner: TaskRunner, work: LongWork,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.cancel_token = CancelToken()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("progress_what", what, wrap=True))
        self.bar = QProgressBar()
        self.bar.setObjectName("progress_bar")
        self.bar.setRange(0, 0)  # busy until the first report
        layout.addWidget(self.bar)
        self.status = plain_label("progress_status", "")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.cancel)
        layout.addWidget(buttons)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._show_progress)

        def finished(result: Any) -> None:
            self.done(QDialog.DialogCode.Accepted)
            on_done(result)

        def failed(error: BaseException) -> None:
            self.done(QDialog.DialogCode.Rejected)
            on_error(error)

        runner.submit(Lane.DB, lambda: work(self._relay.progressed.emit, self.cancel_token), finished, failed)

    def cancel(self) -> None:
        """Ask the task to stop at its next batch; the dialog closes when it has."""
        self.cancel_token.cancel()
        self.status.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Escape and the window's close button cancel too; the dialog closes when the task has stopped."""
        self.cancel()

    def _show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(self.tr("{done} of {total} events").format(done=f"{done:,}", total=f"{total:,}"))
