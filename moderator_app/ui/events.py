"""One signal tells every view what an operation changed; each view refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    # (core.changes.Changes, initiator: object | None)
    changed = Signal(object, object)
