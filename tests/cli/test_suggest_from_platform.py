"""`suggest train --from-platform`: a team starts warm from the decisions the reference platform already holds."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.launcher import main
from moderator_app.platform_api import PlatformClient
from moderator_app.services.suggestion_service import TeamModel

LEAD = {"id": "lead1", "display_name": "lead1", "roles": ["moderator", "lead"]}


def decide(url: str, post_ids: list[str], kind: DecisionKind, categories: tuple[str, ...]) -> None:
    api = PlatformClient(url)
    api.login("lead1", "demo")
    for post_id in post_ids:
        api.submit_decision(Decision(PostId(post_id), kind, tuple(CategoryId(c) for c in categories), "test",
                                     UserId("lead1"), datetime.now(UTC), str(uuid.uuid4())))


def test_train_from_the_platforms_decisions(platform_server: Callable[..., Any], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    server = platform_server(posts=60)
    items, _next = server.store.queue_page(LEAD, limit=30, after=0, reason=None, category=None)
    ids = [item["post"]["post_id"] for item in items]
    decide(server.url, ids[:8], DecisionKind.REMOVE, ("10.7",))
    decide(server.url, ids[8:16], DecisionKind.NO_VIOLATION, ())
    decide(server.url, ids[16:18], DecisionKind.ESCALATE, ("10.7",))  # not a verdict: left out
    monkeypatch.setenv("MODAPP_PASSWORD", "demo")
    out = tmp_path / "team.npz"
    assert main(["suggest", "train", "--from-platform", server.url, "--user", "lead1", "--model-out", str(out)]) == 0
    model = TeamModel.load(out)
    assert model.info.examples == 16 and model.categories == ("10.7",)
    argv = ["suggest", "train", "--from-platform", server.url, "--user", "lead1", "--model-out", str(out)]
    assert main([*argv, "--since", "2999-01-01"]) == 2
    assert "holds no decisions to learn from since 2999-01-01" in capsys.readouterr().err
    assert main([*argv, "--since", "yesterday"]) == 2
    assert "--since must be a date YYYY-MM-DD" in capsys.readouterr().err
    monkeypatch.setenv("MODAPP_PASSWORD", "demo")
    assert main([a if a != "lead1" else "mod1" for a in argv]) == 2
    assert "mod1 is not a lead" in capsys.readouterr().err
