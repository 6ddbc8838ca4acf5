"""PySide6 6.12.0 decrements True/None once per bool signal delivered to a Python slot; on Python 3.11 the
interpreter then aborts (seen as 'bool_dealloc' at exit). This guards the pinned range in pyproject.toml."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    flag = Signal(bool)


def test_bool_signals_into_python_slots_keep_refcounts() -> None:
    emitter = Emitter()
    received: list[bool] = []
    emitter.flag.connect(lambda value: received.append(value))
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.flag.emit(True)
    received.clear()
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(None) - before_none) < 50
