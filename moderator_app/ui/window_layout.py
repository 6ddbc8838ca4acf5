"""The window's size and pane widths: fitted to the screen it opens on, remembered per screen.

A laptop at 1,366×768 and a 4K monitor want different layouts; the one saved on one screen is never forced onto
another. Saved in the user's config folder (layout.ini), not in settings.json: it is not a setting anyone audits.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from moderator_app import paths

PREFERRED = QSize(1440, 880)  # without a screen (tests, a headless run)
WHOLE_SCREEN = QSize(16_777_215, 16_777_215)  # bounded to the screen's available area: the review screen uses it all


def _screen(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def screen_key(screen: QScreen | None) -> str:
    if screen is None:
        return "screen-unknown"
    size = screen.size()
    return f"screen-{screen.name() or 'unnamed'}-{size.width()}x{size.height()}".replace("/", "_")


def fit_to_screen(window: QWidget, preferred: QSize = WHOLE_SCREEN) -> None:
    """The preferred size (by default the whole available area), never larger than the screen's available area."""
    screen = _screen(window)
    if screen is None:
        window.resize(preferred.boundedTo(PREFERRED))
        return
    area = screen.availableGeometry()
    window.resize(preferred.boundedTo(area.size()))
    if window.isWindow() and not window.parentWidget():
        window.move(area.topLeft())


def _store() -> QSettings:
    return QSettings(str(paths.config_dir() / "layout.ini"), QSettings.Format.IniFormat)


def _splitters(window: QMainWindow) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.objectName()]


def restore_layout(window: QMainWindow) -> bool:
    """Put back the geometry and pane widths saved on this screen; False (size fitted) when there are none."""
    store = _store()
    key = screen_key(_screen(window))
    geometry = store.value(f"{key}/geometry")
    if geometry is None:
        return False
    window.restoreGeometry(geometry)
    for splitter in _splitters(window):
        state = store.value(f"{key}/{splitter.objectName()}")
        if state is not None:
            splitter.restoreState(state)
    screen = _screen(window)
    if screen is not None and not screen.availableGeometry().contains(window.geometry()):
        fit_to_screen(window)  # saved on a larger area of the same screen (e.g. a docked taskbar moved)
    return True


def save_layout(window: QMainWindow) -> None:
    store = _store()
    key = screen_key(_screen(window))
    store.setValue(f"{key}/geometry", window.saveGeometry())
    for splitter in _splitters(window):
        store.setValue(f"{key}/{splitter.objectName()}", splitter.saveState())
    store.sync()
