"""kill -9 inside the undo window, start again: the held decision is offered, and either choice is in the log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.audit import EventFilter, EventType
from tests.services.held_crash import crash_inside_the_undo_window, open_workstation


@pytest.mark.parametrize("apply", [True, False], ids=["apply", "discard"])
def test_a_decision_held_at_a_kill_is_offered_at_restart_and_the_choice_is_logged(
        platform_server: Callable[..., Any], tmp_path: Path, apply: bool) -> None:
    server = platform_server(posts=60)
    folder = tmp_path / "workstation"
    post_id = crash_inside_the_undo_window(server.url, folder, "mod1")
    assert server.store.decisions(since=0, limit=10) == ([], 0), "nothing left the workstation"

    session = open_workstation(server.url, folder, "mod1")
    try:
        [held] = session.held_after_crash()
        assert held.post_ids == (post_id,) and held.decisions[0].kind.value == "remove"
        session.resolve_held(held.hold_id, apply=apply)
        session.decisions.deliver_pending()
        assert session.held_after_crash() == []
        recorded = session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=10)
        discarded = session.audit.events(EventFilter(event_type=EventType.DECISION_DISCARDED), limit=10)
        applied = [row["post_id"] for row in server.store.decisions(since=0, limit=10)[0]]
        if apply:
            assert [e.subject for e in recorded] == [f"post:{post_id}"] and discarded == []
            assert b'"held_when_the_workstation_stopped":true' in recorded[0].envelope
            assert applied == [post_id]
        else:
            assert recorded == [] and [(e.subject, e.actor) for e in discarded] == [(f"post:{post_id}", "mod1")]
            assert applied == []
        assert session.audit.verify().ok
    finally:
        session.close()
