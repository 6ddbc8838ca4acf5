"""One secrets policy (services.secrets): keys in the keyring or a 0600 file with a warning; tokens in the keyring or
in memory for the session, never on disk; everything handled is kept out of logs."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from moderator_app.core import redaction
from moderator_app.services import secrets
from moderator_app.services.secrets import (
    KEYRING_NAME,
    KEYRING_SERVICE,
    PSEUDONYM_KEY_NAME,
    KeyringSecretStore,
    keyring_status,
    load_signing_key,
    pseudonym_key,
    token_store,
)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_with_a_keyring_both_keys_live_there_and_nothing_is_written(memory_keyring: object, tmp_path: Path) -> None:
    signing, warning = load_signing_key(tmp_path)
    pseudonyms = pseudonym_key(tmp_path)
    assert warning is None and len(pseudonyms) == 32
    assert keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) == signing.seed_text()
    assert keyring.get_password(KEYRING_SERVICE, PSEUDONYM_KEY_NAME)
    assert files_under(tmp_path) == []
    assert pseudonym_key(tmp_path) == pseudonyms and load_signing_key(tmp_path)[0].key_id == signing.key_id


def test_without_a_keyring_each_key_is_a_0600_file_with_a_warning(no_keyring: None, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    signing, warning = load_signing_key(tmp_path)
    pseudonyms = pseudonym_key(tmp_path)
    for name in (KEYRING_NAME, PSEUDONYM_KEY_NAME):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert warning and "no OS keyring" in warning and str(tmp_path / KEYRING_NAME) in warning
    assert f"the export pseudonym key is kept in {tmp_path / PSEUDONYM_KEY_NAME}" in caplog.text
    assert load_signing_key(tmp_path)[0].key_id == signing.key_id and pseudonym_key(tmp_path) == pseudonyms


def test_a_key_file_readable_by_others_is_tightened_to_0600(no_keyring: None, tmp_path: Path) -> None:
    pseudonyms = pseudonym_key(tmp_path)
    (tmp_path / PSEUDONYM_KEY_NAME).chmod(0o644)
    assert pseudonym_key(tmp_path) == pseudonyms
    assert stat.S_IMODE((tmp_path / PSEUDONYM_KEY_NAME).stat().st_mode) == 0o600


def test_a_key_file_stays_the_keys_home_when_a_keyring_appears(tmp_path: Path, memory_keyring: object) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        before, _ = load_signing_key(tmp_path)
    finally:
        keyring.set_keyring(previous)
    after, warning = load_signing_key(tmp_path)
    assert after.key_id == before.key_id and warning, "the same key, and still the warning about its file"
    assert keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) is None, "never silently copied"


def test_without_a_keyring_a_token_stays_in_memory_and_never_reaches_a_file(no_keyring: None, tmp_path: Path) -> None:
    store = token_store()
    store.set("platform-token x", "tok-1234567890-secret")
    assert store.get("platform-token x") == "tok-1234567890-secret"
    assert isinstance(store, KeyringSecretStore) and not store.persistent and "memory only" in (store.notice or "")
    assert files_under(tmp_path) == []
    assert token_store().get("platform-token x") is None, "a new session starts without it"


def test_remember_me_off_keeps_the_token_out_of_the_keyring(memory_keyring: object) -> None:
    store = token_store(remember=False)
    store.set("platform-token y", "tok-abcdefghijkl")
    assert store.get("platform-token y") == "tok-abcdefghijkl"
    assert keyring.get_password(KEYRING_SERVICE, "platform-token y") is None


def test_every_secret_handled_is_redacted_from_text(no_keyring: None, tmp_path: Path) -> None:
    token_store().set("platform-token z", "zz-token-9876543210")
    seed = load_signing_key(tmp_path)[0].seed_text()
    text = redaction.redact(f"got zz-token-9876543210 and {seed} in one line")
    assert "zz-token-9876543210" not in text and seed not in text and text.count("***") == 2


def test_keyring_status_names_the_backend_and_whether_it_answers(no_keyring: None) -> None:
    status = keyring_status()
    assert not status.usable and "fail" in status.backend and status.detail


def test_this_is_the_only_module_that_talks_to_keyring() -> None:
    package = Path(secrets.__file__).resolve().parent.parent
    imports = re.compile(r"^\s*(import keyring|from keyring\b)", re.MULTILINE)
    users = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                   if imports.search(p.read_text(encoding="utf-8")))
    assert users == ["services/secrets.py"]
