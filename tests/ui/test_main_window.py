from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStatusBar, QWidget

from moderator_app import paths
from moderator_app.core.decisions import DECISIONS
from moderator_app.policy import load_pack_by_id
from moderator_app.settings import Settings
from moderator_app.ui import i18n
from moderator_app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow(Settings(), load_pack_by_id("beijing-2011", paths.policy_dirs()), demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = i18n.install_translator(qapp, "zh_CN")
    assert translator is not None, "resources/i18n/moderator_app_zh_CN.qm is missing: run make i18n"
    yield
    qapp.removeTranslator(translator)
    i18n.install_translator(qapp, "en")


def test_window_shows_the_three_panes_and_status(window: MainWindow) -> None:
    assert window.windowTitle() == "Moderator Workstation — demo"
    for pane in (window.queue_pane, window.post_pane, window.suggestions_pane, window.decision_bar):
        assert pane.isVisible() and pane.accessibleName()
    status = window.findChild(QStatusBar, "status_bar")
    names = {w.objectName() for w in status.findChildren(QWidget)}
    assert {"status_connection", "status_outbox", "status_lease", "status_decisions", "status_severity"} <= names


def test_decision_actions_have_shortcuts_without_auto_repeat(window: MainWindow) -> None:
    menu = window.findChild(QMenu, "menu_decision")
    kinds = [a.objectName() for a in menu.actions() if a.objectName().startswith("decision_")]
    assert kinds == [f"decision_{spec.kind.value}" for spec in DECISIONS] + ["decision_referral"]
    for spec in DECISIONS:
        action = window.decision_actions[spec.kind.value]
        assert action.shortcut().toString() == spec.default_shortcut
        assert not action.autoRepeat()
        assert not action.isEnabled(), "nothing to decide before a post is shown"


def test_shortcut_overrides_from_settings(qtbot) -> None:
    win = MainWindow(Settings(shortcut_overrides={"remove": "Del"}))
    qtbot.addWidget(win)
    assert win.decision_actions["remove"].shortcut().toString() == "Del"


def test_chinese_translation_applies(qtbot, chinese: None) -> None:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    assert win.windowTitle() == "审核工作站"
    desktop = (REPO / "packaging" / "moderator-workstation.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=审核工作站\n" in desktop, "the menu entry and the window use one name"
    assert win.findChild(QMenu, "menu_file").title() == "文件(&F)"
    assert win.decision_actions["remove"].text() == "删除（制止）"


@pytest.mark.parametrize(("setting", "system", "expected"),
                         [("auto", "zh_CN", "zh_CN"), ("auto", "zh_TW", "zh_CN"), ("auto", "en_US", "en"),
                          ("auto", "C", "en"), ("en", "zh_CN", "en"), ("zh_CN", "de_DE", "zh_CN")])
def test_language_follows_system_unless_set(setting: str, system: str, expected: str) -> None:
    assert i18n.resolve_language(setting, system) == expected


def test_simplified_chinese_font_is_chosen_explicitly(qapp: QApplication) -> None:
    if "Noto Sans CJK SC" not in QFontDatabase.families():
        pytest.skip("fonts-noto-cjk not installed (make system-deps installs it)")
    assert i18n.apply_cjk_font(qapp) == "Noto Sans CJK SC"
    assert qapp.font().families()[0] == "Noto Sans CJK SC"


def test_every_label_is_plain_text(window: MainWindow) -> None:
    for label in window.findChildren(QLabel):
        if label.objectName():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_demo_smoke_test_starts_and_exits_zero(isolated_dirs: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--demo", "--smoke-test"],
                            capture_output=True, text=True, timeout=90, env=env, check=False)
    assert result.returncode == 0, result.stderr
