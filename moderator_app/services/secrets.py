"""Every secret the workstation keeps, with one fallback and one file-permission policy.

- **Keys** (the audit signing key, the export pseudonym key) live in the OS keyring. Where there is no keyring,
  each is a file in the data folder that only this user can read (created 0600, tightened to 0600 if it was
  looser), and every start warns about it. A key file, once made, stays the key's home even if a keyring appears
  later: it is never silently copied elsewhere.
- **Tokens** (the platform's access token) live in the OS keyring, or, where there is none, in memory for this
  session only (with a notice): never in a file. "Remember me" off keeps them in memory too.

This is the only module that talks to ``keyring``. Every value it reads or writes is registered with
``redaction`` so it cannot reach the log file.
"""

from __future__ import annotations

import base64
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from moderator_app.audit.keys import SigningKey
from moderator_app.core import redaction
from moderator_app.platform_api import MemorySecretStore

log = logging.getLogger(__name__)
KEYRING_SERVICE = "moderator-workstation"
KEYRING_NAME = "audit-signing-key"  # the signing key's name in the keyring and its file name
PSEUDONYM_KEY_NAME = "export-pseudonym-key"
PRIVATE_FILE_MODE = 0o600
NO_KEYRING_NOTICE = (
    "No OS keyring on this machine: the platform token is kept in memory only, so you will log in again "
    "next time."
)


# --- keys -----------------------------------------------------------------------------------------------------

def load_key(name: str, data_dir: Path, new: Callable[[], str], purpose: str) -> tuple[str, str | None]:
    """The key stored as ``name`` (created with ``new()`` on first use) and a warning when it lives in a file."""
    key_file = data_dir / name
    try:
        stored = keyring.get_password(KEYRING_SERVICE, name)
        if stored:
            return redaction.remember(stored), None
        if not key_file.exists():
            value = new()
            keyring.set_password(KEYRING_SERVICE, name, value)
            return redaction.remember(value), None
    except keyring.errors.KeyringError as exc:
        log.debug("no usable keyring for %s: %s", name, exc)
    warning = (f"no OS keyring on this machine: the {purpose} is kept in {key_file} (readable only by you); "
               "anyone with your account can use it")
    return redaction.remember(_private_file(key_file, new)), warning


def load_signing_key(data_dir: Path) -> tuple[SigningKey, str | None]:
    """The workstation's audit signing key and, when it lives in a file, the warning to show."""
    seed, warning = load_key(KEYRING_NAME, data_dir, lambda: SigningKey.generate().seed_text(), "audit signing key")
    return SigningKey.from_seed_text(seed), warning


def pseudonym_key(data_dir: Path) -> bytes:
    """The HMAC key for author pseudonyms in exports (32 bytes)."""
    text, warning = load_key(PSEUDONYM_KEY_NAME, data_dir,
                             lambda: base64.b64encode(secrets.token_bytes(32)).decode("ascii"), "export pseudonym key")
    if warning:
        log.warning("%s", warning)
    return base64.b64decode(text)


def _private_file(path: Path, new: Callable[[], str]) -> str:
    """Read the key file, tightening its mode to 0600 if needed; or create it 0600 (exclusive, fsynced)."""
    if path.exists():
        if path.stat().st_mode & 0o077:
            log.warning("%s was readable by others; its mode is now 0600", path)
            path.chmod(PRIVATE_FILE_MODE)
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = new()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return value


# --- tokens ---------------------------------------------------------------------------------------------------

class KeyringSecretStore:
    """``core.ports.SecretStore`` on the OS keyring; falls back to memory for the session when there is none."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service
        self._memory: dict[str, str] = {}
        self.notice: str | None = None  # set once the keyring turned out to be missing: show it to the user

    @property
    def persistent(self) -> bool:
        return self.notice is None

    def get(self, name: str) -> str | None:
        if name in self._memory:
            return self._memory[name]
        try:
            value = keyring.get_password(self.service, name)
        except keyring.errors.KeyringError:
            self.notice = NO_KEYRING_NOTICE
            return None
        return None if value is None else redaction.remember(value)

    def set(self, name: str, value: str) -> None:
        redaction.remember(value)
        try:
            keyring.set_password(self.service, name, value)
            self._memory.pop(name, None)
        except keyring.errors.KeyringError:
            self.notice = NO_KEYRING_NOTICE
            self._memory[name] = value

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
        try:
            keyring.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            self.notice = NO_KEYRING_NOTICE


def token_store(*, remember: bool = True) -> KeyringSecretStore | MemorySecretStore:
    """Where the platform token goes: the keyring (memory if there is none), or memory only (``remember`` off)."""
    return KeyringSecretStore() if remember else MemorySecretStore()


# --- status (diagnose) ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str
    usable: bool
    detail: str


def keyring_status() -> KeyringStatus:
    """Which backend keyring chose and whether it answers a read (nothing is written)."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        keyring.get_password(KEYRING_SERVICE, "diagnose-probe")
    except keyring.errors.KeyringError as exc:
        return KeyringStatus(name, False, f"{type(exc).__name__}: {exc}")
    return KeyringStatus(name, True, "answers")
