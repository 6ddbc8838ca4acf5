"""Small widget helpers shared by the panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


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
