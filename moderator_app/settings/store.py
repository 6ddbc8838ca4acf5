"""Load and save settings as JSON in the config folder; environment variables override the file.

Writes are atomic (temporary file, fsync, rename) so a crash never leaves half a file. A file that cannot be
read is reported, never silently replaced: the user's settings are not lost to a typo.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from moderator_app.core.errors import SettingsError
from moderator_app.settings.model import Settings

# Environment variable -> settings field. (MODAPP_DATA_DIR and MODAPP_CONFIG_DIR are read by paths.py.)
ENV_OVERRIDES = {
    "MODAPP_DATABASE_URL": "database_url",
    "MODAPP_PLATFORM_URL": "platform_url",
}


class SettingsStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        """The file's settings (defaults when there is no file) with environment overrides applied."""
        return self.apply_environment(self.load_file())

    def load_file(self) -> Settings:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{self.path}: cannot read settings: {exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise SettingsError(f"{self.path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
        try:
            return Settings.from_json(data, source=str(self.path))
        except TypeError as exc:
            raise SettingsError(f"{self.path}: {exc}") from None

    @staticmethod
    def apply_environment(settings: Settings, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        overrides = {name: env[var] for var, name in ENV_OVERRIDES.items() if env.get(var)}
        if not overrides:
            return settings
        return Settings.from_json({**settings.to_json(), **overrides}, source="environment")

    def save_edited(self, edited: Settings, environ: dict[str, str] | None = None) -> None:
        """Save what the user edited, not what the environment supplied: a field an environment variable overrides
        keeps the file's value unless the user changed it away from the environment's."""
        env = os.environ if environ is None else environ
        from_env = {name: env[var] for var, name in ENV_OVERRIDES.items() if env.get(var)}
        data = edited.to_json()
        on_disk = self.load_file().to_json() if from_env else {}
        for name, value in from_env.items():
            if data.get(name) == value:
                data[name] = on_disk.get(name)
        self.save(Settings.from_json(data, source="settings") if from_env else edited)

    def save(self, settings: Settings) -> None:
        settings.validate("settings")
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

    return SettingsStore(paths.config_dir() / "settings.json")
