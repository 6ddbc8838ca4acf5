"""Test-wide setup: Qt offscreen, isolated data and config folders, an in-memory keyring."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Must happen before any QApplication exists, or Qt aborts without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

REPO_ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["audit_support"]  # audit fixtures (PostgreSQL schema per test, SQLite files), tests/audit_support.py


class MemoryKeyring(KeyringBackend):
    """The OS keyring stand-in for tests (this machine has no D-Bus keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config folders, so nothing touches the developer's real ones."""
    monkeypatch.setenv("MODAPP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MODAPP_CONFIG_DIR", str(tmp_path / "config"))
    # Never the machine's own /etc/moderator-workstation/settings.json (a packaging test may install one).
    monkeypatch.setenv("MODAPP_MANAGED_SETTINGS", str(tmp_path / "managed" / "settings.json"))
    for var in ("MODAPP_DATABASE_URL", "MODAPP_PLATFORM_URL", "MODAPP_CA_BUNDLE"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """As on a headless Linux box: every keyring call raises NoKeyringError."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def log_file() -> Iterator[Path]:
    """The workstation's log configured as the app does it (file in the test's data folder); removed after."""
    from moderator_app import paths
    from moderator_app.services import logs

    path = logs.configure_logging(paths.data_dir())
    assert path is not None
    yield path
    logs.stop_logging()


# --- The reference platform on loopback (issue 3) ---------------------------------------------------------------

class FakeClock:
    """A platform clock the test moves by hand, so lease and token expiry need no waiting."""

    def __init__(self) -> None:
        from datetime import UTC, datetime

        self.now = datetime.now(UTC)

    def __call__(self) -> Any:
        return self.now

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self.now += timedelta(seconds=seconds)


@pytest.fixture
def platform_server() -> Iterator[Callable[..., Any]]:
    """Start real demo platforms on free loopback ports: ``platform_server(posts=300, faults=..., clock=...)``."""
    from moderator_app.demo_platform import start_in_thread

    started: list[Any] = []

    def start(**options: Any) -> Any:
        options.setdefault("posts", 300)
        server = start_in_thread(**options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()
