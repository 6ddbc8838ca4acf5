"""Log in to the platform: URL, user, password, "remember me". The login itself runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from moderator_app.settings.store import MANAGED_LOCK_REASON
from moderator_app.ui.errors import describe
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label

# (url, username, password, remember) -> a logged-in session object; runs on the network lane.
LoginFn = Callable[[str, str, str, bool], object]


class LoginDialog(QDialog):
    def __init__(self, runner: TaskRunner, login: LoginFn, *, url: str = "", username: str = "",
                 parent: QWidget | None = None, url_locked: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Log in to the platform"))
        self._runner, self._login = runner, login
        self.session: object | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url = QLineEdit(url)
        self.url.setObjectName("login_url")
        self.url.setPlaceholderText("https://moderation.example.com")
        if url_locked:  # the managed settings (or the environment) chose the platform
            self.url.setReadOnly(True)
            self.url.setToolTip(self.tr("set by your administrator") if url_locked == MANAGED_LOCK_REASON
                                else url_locked)
        self.username = QLineEdit(username)
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me (keeps the token in the system keyring)"))
        self.remember.setObjectName("login_remember")
        form.addRow(self.tr("Platform URL"), self.url)
        form.addRow(self.tr("User"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        self.message = plain_label("login_message", wrap=True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def _submit(self) -> None:
        url, user, password = self.url.text().strip(), self.username.text().strip(), self.password.text()
        if not url.startswith(("https://", "http://")):
            self.message.setText(self.tr("The platform URL must start with https://"))
            return
        if not user or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self.message.setText(self.tr("Logging in…"))
        self.buttons.setEnabled(False)
        remember = self.remember.isChecked()
        self._runner.submit(Lane.NET, lambda: self._login(url, user, password, remember), self._done, self._failed)

    def _done(self, session: object) -> None:
        self.session = session
        self.password.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.message.setText(describe(error))
