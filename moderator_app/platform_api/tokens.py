"""The client's default token store: memory for this process only. The OS keyring store (and the policy for every
secret) is ``services.secrets``; the workstation hands it to the client."""

from __future__ import annotations

from moderator_app.core import redaction


class MemorySecretStore:
    """``core.ports.SecretStore`` for one process only: "remember me" off, the demo, and any client not given a
    store (its token never reaches the real keyring or a file)."""

    notice: str | None = None
    persistent = False

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._memory.get(name)

    def set(self, name: str, value: str) -> None:
        self._memory[name] = redaction.remember(value)

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
