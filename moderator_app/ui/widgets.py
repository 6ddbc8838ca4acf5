"""Small widget helpers shared by the panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def plain_label(name: str = "", text: str = "", *, wrap: bool = False, bold: bool = False) -> QLabel:
    """A label that never interprets markup: text can come from posts, reports or the platform."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    return label


def shrinkable(*widgets: QWidget) -> None:
    """Let a pane squeeze these below their text's width (a wrapped label wraps, a one-liner is clipped and keeps
    the full text in its tooltip): one long URL or unbroken name must not make the window wider than the screen."""
    for widget in widgets:
        policy = widget.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        widget.setSizePolicy(policy)
        widget.setMinimumWidth(0)
