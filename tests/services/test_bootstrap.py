"""The composition root: the GUI's start (settings, log), and a real login through it (token policy, log)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from moderator_app import paths
from moderator_app.services import bootstrap, logs
from moderator_app.services.secrets import KEYRING_SERVICE
from moderator_app.settings import Settings


@pytest.fixture
def booted() -> Iterator[bootstrap.Boot]:
    yield bootstrap.start("gui")
    logs.stop_logging()


def test_a_bad_settings_file_gives_defaults_the_problem_and_a_log_line(tmp_path: Path) -> None:
    settings_file = paths.config_dir() / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"claim_batch_size": "twenty"}', encoding="utf-8")
    try:
        boot = bootstrap.start("gui")
    finally:
        logs.stop_logging()
    assert boot.settings == Settings() and boot.settings_problem
    assert "claim_batch_size: has the wrong type" in boot.settings_problem
    assert boot.log_file == boot.paths.log_file == paths.data_dir() / "logs" / "moderator-workstation.log"
    text = boot.log_file.read_text(encoding="utf-8")
    assert "started (gui)" in text and "settings not loaded, defaults in effect" in text


@pytest.mark.parametrize("remember", [False, True])
def test_a_login_through_the_root_follows_the_token_policy_and_is_logged(
        remember: bool, booted: bootstrap.Boot, memory_keyring: Any, platform_server: Callable[..., Any]) -> None:
    url = str(platform_server().url)
    session = bootstrap.open_session(booted.settings, url, "mod1", "demo", remember=remember)
    try:
        token = session.outbox.gateway._token  # type: ignore[attr-defined]
        stored = memory_keyring.secrets.get((KEYRING_SERVICE, f"platform-token {url} mod1"))
        assert stored == (token if remember else None)
        text = booted.log_file.read_text(encoding="utf-8") if booted.log_file else ""
        where = "remembered in the keyring" if remember else "kept in memory"
        assert f"logged in to {url} as mod1 (token {where})" in text
        assert token and token not in text and keyring.get_keyring() is memory_keyring
    finally:
        session.close()


@pytest.mark.parametrize(("language", "expected"), [("en", "reported as 'rumour'"), ("zh_CN", "举报理由“谣言”")])
def test_a_session_explains_its_suggestions_in_the_interfaces_language(
        language: str, expected: str, booted: bootstrap.Boot, memory_keyring: Any,
        platform_server: Callable[..., Any]) -> None:
    """The GUI passes its resolved language down: an English screen showed Chinese evidence before."""
    session = bootstrap.open_session(booted.settings, str(platform_server().url), "mod1", "demo", remember=False,
                                     language=language)
    try:
        [suggestion] = session._suggestions.suggest_text("看看这个", ["rumour", "rumour"])  # two reporters
        assert expected in suggestion.evidence[0].detail
    finally:
        session.close()
