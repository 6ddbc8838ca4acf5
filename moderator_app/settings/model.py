"""The settings model. Secrets never live here: tokens and keys go to the OS keyring."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from moderator_app.core.errors import SettingsError

SETTINGS_VERSION = 1
LANGUAGES = ("auto", "zh_CN", "en")
THEMES = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Settings:
    version: int = SETTINGS_VERSION
    platform_url: str = ""
    username: str = ""
    # None: the workstation's own SQLite file under the data directory.
    database_url: str | None = None
    policy_pack: str = "beijing-2011"
    language: str = "auto"
    theme: str = "system"
    # A CA bundle for a platform behind a private CA. TLS verification itself cannot be switched off here.
    ca_bundle: str | None = None
    shortcut_overrides: dict[str, str] = field(default_factory=dict)
    blur_media: bool = True
    break_reminder_minutes: int = 50
    claim_batch_size: int = 20
    undo_seconds: int = 5

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: Any, *, source: str) -> Settings:
        if not isinstance(data, dict):
            raise SettingsError(f"{source}: settings must be a JSON object")
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in known:  # unknown keys come from newer versions; ignore rather than refuse
                values[key] = value
        settings = cls(**values)
        settings.validate(source)
        return settings

    def validate(self, source: str) -> None:
        def bad(name: str, why: str) -> SettingsError:
            return SettingsError(f"{source}: {name}: {why}")

        checks: list[tuple[str, type | tuple[type, ...]]] = [
            ("version", int), ("platform_url", str), ("username", str), ("database_url", (str, type(None))),
            ("policy_pack", str), ("language", str), ("theme", str), ("ca_bundle", (str, type(None))),
            ("shortcut_overrides", dict), ("blur_media", bool), ("break_reminder_minutes", int),
            ("claim_batch_size", int), ("undo_seconds", int),
        ]
        for name, kind in checks:
            value = getattr(self, name)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise bad(name, f"has the wrong type ({type(value).__name__})")
        if self.version > SETTINGS_VERSION:
            raise bad("version", f"{self.version} is newer than this workstation understands ({SETTINGS_VERSION})")
        if self.language not in LANGUAGES:
            raise bad("language", f"must be one of {', '.join(LANGUAGES)}")
        if self.theme not in THEMES:
            raise bad("theme", f"must be one of {', '.join(THEMES)}")
        if self.platform_url and not self.platform_url.startswith(("https://", "http://")):
            raise bad("platform_url", "must start with https:// (or http:// for a loopback demo)")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.shortcut_overrides.items()):
            raise bad("shortcut_overrides", "must map action names to key sequences")
        if not 0 <= self.break_reminder_minutes <= 600:
            raise bad("break_reminder_minutes", "must be between 0 (off) and 600")
        if not 1 <= self.claim_batch_size <= 200:
            raise bad("claim_batch_size", "must be between 1 and 200")
        if not 0 <= self.undo_seconds <= 30:
            raise bad("undo_seconds", "must be between 0 and 30")
