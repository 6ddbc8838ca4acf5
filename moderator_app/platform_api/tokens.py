"""The access token's home: the OS keyring, or memory (with a plain notice) where no keyring exists."""

from __future__ import annotations

import keyring
import keyring.errors

SERVICE = "moderator-workstation"
NO_KEYRING_NOTICE = (
    "No OS keyring on this machine: the platform token is kept in memory only, so you will log in again "
    "next time."
)


class KeyringSecretStore:
    """``core.ports.SecretStore`` on the OS keyring; falls back to memory for the session when there is none."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._memory: dict[str, str] = {}
        self.notice: str | None = None  # set once the keyring turned out to be missing: show it to the user

    @property
    def persistent(self) -> bool:
        return self.notice is None

    def _fallback(self) -> None:
        self.notice = NO_KEYRING_NOTICE

    def get(self, name: str) -> str | None:
        if name in self._memory:
            return self._memory[name]
        try:
            return keyring.get_password(self.service, name)
        except keyring.errors.KeyringError:
            self._fallback()
            return None

    def set(self, name: str, value: str) -> None:
        try:
            keyring.set_password(self.service, name, value)
            self._memory.pop(name, None)
        except keyring.errors.KeyringError:
            self._fallback()
            self._memory[name] = value

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
        try:
            keyring.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            self._fallback()


class MemorySecretStore:
    """Secrets for one process only: the demo's tokens must never reach the user's real keyring."""

    notice: str | None = None
    persistent = False

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._memory.get(name)

    def set(self, name: str, value: str) -> None:
        self._memory[name] = value

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
