"""Settings shared by the CLI and the GUI: a frozen model and a JSON store (no Qt, so the CLI reads the same file)."""

from moderator_app.settings.model import Settings
from moderator_app.settings.store import SettingsStore

__all__ = ["Settings", "SettingsStore"]
