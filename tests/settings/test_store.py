from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from moderator_app.core.errors import SettingsError
from moderator_app.settings import Settings, SettingsStore
from moderator_app.settings.store import default_store


def test_defaults_when_no_file(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path / "settings.json").load() == Settings()


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "nested" / "settings.json")
    settings = replace(Settings(), platform_url="https://mod.example", language="zh_CN",
                       shortcut_overrides={"remove": "Del"}, break_reminder_minutes=30)
    store.save(settings)
    assert store.load() == settings
    assert json.loads(store.path.read_text(encoding="utf-8"))["version"] == 1
    assert not list(store.path.parent.glob(".settings-*")), "temporary files are cleaned up"


def test_default_store_lives_in_the_config_dir(isolated_dirs: Path) -> None:
    assert default_store().path == isolated_dirs / "config" / "settings.json"


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(replace(Settings(), platform_url="https://file.example"))
    monkeypatch.setenv("MODAPP_PLATFORM_URL", "https://env.example")
    monkeypatch.setenv("MODAPP_DATABASE_URL", "postgresql+psycopg://db.example/team")
    loaded = store.load()
    assert loaded.platform_url == "https://env.example"
    assert loaded.database_url == "postgresql+psycopg://db.example/team"
    assert store.load_file().platform_url == "https://file.example", "the file itself is not rewritten"


def test_corrupt_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"language": "zh_CN",\n  oops}', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.json:2: not valid JSON"):
        SettingsStore(path).load()
    assert path.read_text(encoding="utf-8") == '{"language": "zh_CN",\n  oops}'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"language": "fr"}, "language: must be one of auto, zh_CN, en"),
        ({"blur_media": "yes"}, "blur_media: has the wrong type (str)"),
        ({"version": 99}, "version: 99 is newer than this workstation understands"),
        ({"platform_url": "ftp://x"}, "platform_url: must start with https://"),
        ([1, 2], "settings must be a JSON object"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        SettingsStore(path).load()


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "future_option": True}), encoding="utf-8")
    assert SettingsStore(path).load().language == "en"


def test_bad_environment_override_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODAPP_PLATFORM_URL", "mod.example")
    with pytest.raises(SettingsError, match="environment: platform_url"):
        SettingsStore(tmp_path / "settings.json").load()
