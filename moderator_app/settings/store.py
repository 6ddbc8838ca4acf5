"""Load and save settings: defaults, then the user's JSON file, then environment variables, then the
administrator's managed file, each overriding the one before. Keys in the managed file are locked: the user can
neither change them in the GUI nor override them by file or environment.

Writes are atomic (temporary file, fsync, rename) so a crash never leaves half a file. A file that cannot be
read is reported, never silently replaced: the user's settings are not lost to a typo.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from moderator_app.core.errors import SettingsError
from moderator_app.settings.model import Settings

# Environment variable -> settings field. (MODAPP_DATA_DIR and MODAPP_CONFIG_DIR are read by paths.py.)
ENV_OVERRIDES = {
    "MODAPP_DATABASE_URL": "database_url",
    "MODAPP_PLATFORM_URL": "platform_url",
    "MODAPP_CA_BUNDLE": "ca_bundle",
}
FIELD_NAMES = tuple(f.name for f in fields(Settings))
MANAGED_LOCK_REASON = "set by your administrator"


@dataclass(frozen=True, slots=True)
class LayeredSettings:
    """The effective settings, the user's own file alone, and where each effective value came from."""

    settings: Settings
    user: Settings
    sources: dict[str, str]  # field -> "default", "user file PATH", "environment VAR" or "managed file PATH"
    locked: dict[str, str]  # field -> why the user cannot change it here (managed file or environment)


def read_json(path: Path) -> Any:
    """The file's JSON, or None when there is no file; unreadable or invalid files are a SettingsError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SettingsError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None


def parse(data: Any, source: str) -> Settings:
    try:
        return Settings.from_json(data, source=source)
    except TypeError as exc:
        raise SettingsError(f"{source}: {exc}") from None


class SettingsStore:
    def __init__(self, path: Path, managed_path: Path | None = None) -> None:
        self.path = path
        self.managed_path = managed_path

    def load(self) -> Settings:
        """The effective settings: file, environment and managed file applied."""
        return self.load_layers().settings

    def load_file(self) -> Settings:
        """The user's file alone (defaults when there is no file)."""
        return self._user_file()[0]

    def _user_file(self) -> tuple[Settings, set[str]]:
        data = read_json(self.path)
        if data is None:
            return Settings(), set()
        return parse(data, str(self.path)), set(data)

    def load_managed(self) -> dict[str, Any]:
        """The managed file's known keys (checked against the model), or {} when there is none."""
        if self.managed_path is None:
            return {}
        data = read_json(self.managed_path)
        if data is None:
            return {}
        parse(data, f"managed settings {self.managed_path}")  # names the key and the file when a value is bad
        return {key: value for key, value in data.items() if key in FIELD_NAMES and key != "version"}

    def load_layers(self, environ: dict[str, str] | None = None) -> LayeredSettings:
        user, user_keys = self._user_file()
        env = os.environ if environ is None else environ
        environment = {name: (var, env[var]) for var, name in ENV_OVERRIDES.items() if env.get(var)}
        managed = self.load_managed()
        sources = {name: (f"user file {self.path}" if name in user_keys else "default") for name in FIELD_NAMES}
        locked: dict[str, str] = {}
        values = user.to_json()
        for name, (var, value) in environment.items():
            values[name] = value
            sources[name] = f"environment {var}"
            locked[name] = f"set by the environment variable {var}"
        effective = parse(values, "environment") if environment else user
        if managed:
            for name, value in managed.items():
                values[name] = value
                sources[name] = f"managed file {self.managed_path}"
                locked[name] = MANAGED_LOCK_REASON
            effective = parse(values, f"managed settings {self.managed_path}")
        return LayeredSettings(effective, user, sources, locked)

    def save(self, settings: Settings) -> None:
        """Write ``settings`` to the user's file, except values that came from the environment or the managed
        file: those keep what the user's file had (an override is not the user's choice, and must not outlive
        the variable or the administrator's file)."""
        settings.validate("settings")
        try:
            layers = self.load_layers()
        except SettingsError:  # a broken file the user is now replacing from the GUI
            layers = None
        if layers is not None and layers.locked:
            kept = {name: getattr(layers.user, name) for name in layers.locked}
            settings = Settings.from_json({**settings.to_json(), **kept}, source="settings")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(settings.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def default_store() -> SettingsStore:
    from moderator_app import paths

    return SettingsStore(paths.config_dir() / "settings.json", paths.managed_settings_path())
