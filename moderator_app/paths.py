"""Where things live: resources (source tree or frozen bundle) and the user's data and config folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "moderator-workstation"


def resources_dir() -> Path:
    """The ``resources`` folder: inside the PyInstaller bundle when frozen, else at the repository root."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """Audit database, outbox journal, models, logs. ``MODAPP_DATA_DIR`` overrides."""
    override = os.environ.get("MODAPP_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings and the user's own policy packs. ``MODAPP_CONFIG_DIR`` overrides."""
    override = os.environ.get("MODAPP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def policy_dirs() -> list[Path]:
    """Shipped packs first, then the user's: a user pack with the same id overrides the shipped one."""
    return [resources_dir() / "policies", config_dir() / "policies"]


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'audit.sqlite3'}"


def managed_settings_path() -> Path:
    """The administrator's settings file, whose keys override and lock the user's. ``MODAPP_MANAGED_SETTINGS``
    moves it (tests, or a configuration-management tool that keeps it elsewhere)."""
    override = os.environ.get("MODAPP_MANAGED_SETTINGS")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME / "settings.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "settings.json"
    return Path("/etc") / APP_NAME / "settings.json"
