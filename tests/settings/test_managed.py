"""The administrator's managed settings file: its keys override and lock the user's; `config show` says where
each value came from; the environment's overrides are never written into the user's file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.core.errors import SettingsError
from moderator_app.settings import Settings
from moderator_app.settings.store import MANAGED_LOCK_REASON, default_store

REPO = Path(__file__).resolve().parents[2]


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_managed_keys_override_the_user_file_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    store = default_store()
    write(store.path, {"platform_url": "https://mine.example", "language": "en", "undo_seconds": 3})
    write(store.managed_path, {"platform_url": "https://company.example", "blur_media": True, "version": 1})
    monkeypatch.setenv("MODAPP_PLATFORM_URL", "https://env.example")
    layers = store.load_layers()
    assert layers.settings.platform_url == "https://company.example"
    assert layers.settings.language == "en" and layers.settings.undo_seconds == 3  # not managed: the user's
    assert layers.locked == {"platform_url": MANAGED_LOCK_REASON, "blur_media": MANAGED_LOCK_REASON}
    assert layers.sources["platform_url"] == f"managed file {store.managed_path}"
    assert layers.sources["language"] == f"user file {store.path}"
    assert layers.sources["theme"] == "default"


def test_saving_keeps_the_users_own_value_for_locked_and_environment_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    store = default_store()
    write(store.path, {"platform_url": "https://mine.example"})
    write(store.managed_path, {"break_reminder_minutes": 30})
    monkeypatch.setenv("MODAPP_CA_BUNDLE", "/etc/ssl/company.pem")
    effective = store.load()
    assert effective.ca_bundle == "/etc/ssl/company.pem" and effective.break_reminder_minutes == 30
    store.save(Settings(**{**effective.to_json(), "language": "zh_CN", "break_reminder_minutes": 0}))
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["language"] == "zh_CN" and saved["platform_url"] == "https://mine.example"
    assert saved["ca_bundle"] is None, "the environment's CA bundle is not the user's setting"
    assert saved["break_reminder_minutes"] == 50, "a locked key cannot be changed by saving"
    assert store.load().break_reminder_minutes == 30


def test_a_bad_managed_value_names_the_managed_file() -> None:
    store = default_store()
    write(store.managed_path, {"language": "fr"})
    with pytest.raises(SettingsError, match=r"managed settings .*settings\.json: language: must be one of"):
        store.load()


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          timeout=60, check=False, env={**os.environ, **(env or {})})


def test_config_show_prints_each_value_and_where_it_came_from() -> None:
    store = default_store()
    write(store.path, {"language": "en", "platform_url": "https://mine.example"})
    write(store.managed_path, {"platform_url": "https://company.example"})
    shown = cli("config", "show", env={"MODAPP_DATABASE_URL": "postgresql+psycopg://db.example/team"})
    assert shown.returncode == 0, shown.stderr
    lines = {line.split()[0]: line for line in shown.stdout.splitlines() if not line.startswith("#")}
    assert lines["platform_url"].endswith(f'"https://company.example"  # managed file {store.managed_path} (locked)')
    assert lines["language"].endswith(f'"en"  # user file {store.path}')
    assert lines["database_url"].endswith("# environment MODAPP_DATABASE_URL (locked)")
    assert lines["theme"].endswith('"system"  # default')
    as_json = json.loads(cli("config", "show", "--json").stdout)
    assert as_json["platform_url"] == {"value": "https://company.example",
                                       "source": f"managed file {store.managed_path}", "locked": True}


def test_config_show_with_a_broken_managed_file_is_one_line_and_exit_2() -> None:
    store = default_store()
    store.managed_path.parent.mkdir(parents=True)
    store.managed_path.write_text("{not json", encoding="utf-8")
    shown = cli("config", "show")
    assert shown.returncode == 2 and "Traceback" not in shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1 and "not valid JSON" in shown.stderr
