"""The workstation's audit signing key: in the OS keyring, or, where there is none, in a file only this user can
read (with a warning). A key file is never silently copied anywhere else."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from moderator_app.audit.keys import SigningKey

log = logging.getLogger(__name__)
KEYRING_SERVICE = "moderator-workstation"
KEYRING_NAME = "audit-signing-key"
KEY_FILE_NAME = "audit-signing-key"


def load_signing_key(data_dir: Path) -> tuple[SigningKey, str | None]:
    """The key, created on first use, and a warning to show when it lives in a file rather than the keyring."""
    key_file = data_dir / KEY_FILE_NAME
    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_NAME)
        if stored:
            return SigningKey.from_seed_text(stored), None
        if not key_file.exists():
            key = SigningKey.generate()
            keyring.set_password(KEYRING_SERVICE, KEYRING_NAME, key.seed_text())
            return key, None
    except KeyringError as exc:
        log.debug("no usable keyring: %s", exc)
    warning = (f"no OS keyring on this machine: the audit signing key is kept in {key_file} "
               "(readable only by you); anyone with your account can sign audit checkpoints with it")
    return _file_key(key_file), warning


def _file_key(path: Path) -> SigningKey:
    if path.exists():
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        return SigningKey.from_seed_text(path.read_text(encoding="ascii"))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = SigningKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.seed_text() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key
