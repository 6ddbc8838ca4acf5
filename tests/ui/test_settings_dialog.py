from __future__ import annotations

import json

from PySide6.QtGui import QKeySequence

from moderator_app.settings import Settings
from moderator_app.settings.store import default_store
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.settings_dialog import SettingsDialog, changed_fields
from tests.ui.fake_service import FakeReviewService


def test_unchanged_settings_save_nothing(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.edited() == Settings()


def test_changed_shortcut_applies_saves_and_is_audited(qtbot, review_window: MainWindow,
                                                       fake_service: FakeReviewService) -> None:
    window = review_window
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.shortcuts["remove"].setKeySequence(QKeySequence("X"))
    dialog.break_minutes.setValue(30)
    dialog._accept()
    assert dialog.result_settings is not None
    window.apply_settings(dialog.result_settings)
    assert window.decision_actions["remove"].shortcut().toString() == "X"
    qtbot.waitUntil(lambda: bool(fake_service.settings_changes))
    assert fake_service.settings_changes == [{"shortcut_overrides": "{'remove': 'X'}", "break_reminder_minutes": "30"}]
    saved = json.loads(default_store().path.read_text(encoding="utf-8"))
    assert saved["shortcut_overrides"] == {"remove": "X"}


def test_conflicting_or_reserved_shortcuts_are_refused(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.shortcuts["remove"].setKeySequence(QKeySequence("A"))  # no violation's key
    dialog._accept()
    assert dialog.result_settings is None
    assert "Two decisions share a shortcut." in dialog.problem.text()
    dialog.shortcuts["remove"].setKeySequence(QKeySequence("7"))
    dialog._accept()
    assert "reserved for citing categories" in dialog.problem.text()


def test_changed_fields_names_only_what_differs() -> None:
    changed = changed_fields(Settings(), Settings(language="en", undo_seconds=3))
    assert changed == {"language": "en", "undo_seconds": "3"}


def test_keys_set_by_the_administrator_are_shown_locked(qtbot) -> None:
    store = default_store()
    store.managed_path.parent.mkdir(parents=True)
    store.managed_path.write_text(json.dumps({"platform_url": "https://company.example", "blur_media": True}),
                                  encoding="utf-8")
    dialog = SettingsDialog(store.load(), locked=store.load_layers().locked)
    qtbot.addWidget(dialog)
    assert dialog.platform_url.text() == "https://company.example"
    for widget in (dialog.platform_url, dialog.blur):
        assert not widget.isEnabled() and widget.toolTip() == "set by your administrator"
    assert dialog.language.isEnabled() and dialog.ca_bundle.isEnabled()


def test_ok_does_not_save_the_environments_platform_url(qtbot, monkeypatch, review_window: MainWindow,
                                                        fake_service: FakeReviewService) -> None:
    default_store().save(Settings(platform_url="https://mine.example"))
    monkeypatch.setenv("MODAPP_PLATFORM_URL", "https://env.example")
    window = review_window
    window.settings = default_store().load()
    window._open_settings()
    dialog = window.findChild(SettingsDialog)
    assert not dialog.platform_url.isEnabled()
    assert dialog.platform_url.toolTip() == "set by the environment variable MODAPP_PLATFORM_URL"
    dialog.undo_seconds.setValue(2)
    dialog._accept()
    qtbot.waitUntil(lambda: bool(fake_service.settings_changes))
    saved = json.loads(default_store().path.read_text(encoding="utf-8"))
    assert saved["platform_url"] == "https://mine.example" and saved["undo_seconds"] == 2


def test_a_managed_platform_url_cannot_be_edited_at_login(qtbot) -> None:
    from moderator_app.settings.store import MANAGED_LOCK_REASON
    from moderator_app.ui.login_dialog import LoginDialog
    from moderator_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    dialog = LoginDialog(runner, lambda *_: None, url="https://company.example", url_locked=MANAGED_LOCK_REASON)
    qtbot.addWidget(dialog)
    assert dialog.url.isReadOnly() and dialog.url.toolTip() == "set by your administrator"
    free = LoginDialog(runner, lambda *_: None, url="https://company.example")
    qtbot.addWidget(free)
    assert not free.url.isReadOnly()
    runner.shutdown(wait=True)
