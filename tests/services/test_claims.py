"""Claim and release through the platform's claims API (``POST /v1/claims`` with post_ids, ``DELETE
/v1/claims/{lease_id}``): what the moderator holds is what the platform says they hold, audited both ways."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.errors import PlatformError
from moderator_app.core.models import PostId
from moderator_app.services.workstation import WorkstationSession
from tests.services.held_crash import open_workstation
from tests.services.test_decision_pipeline import decision
from tests.services.test_outbox import logged_in


@pytest.fixture
def session(platform_server: Callable[..., Any], tmp_path: Path) -> Iterator[WorkstationSession]:
    url = platform_server(posts=60).url
    opened = open_workstation(url, tmp_path / "ws", "mod1")
    yield opened
    opened.close()


def held_on_platform(session: WorkstationSession, user: str) -> set[PostId]:
    api = logged_in(session._client.base_url, "lead1")
    return {i.post_id for i in api.queue_page(limit=200).items if i.claimed_by == user}


def test_claim_one_release_one_and_release_all_are_what_the_platform_holds(session: WorkstationSession) -> None:
    batch = session.load_queue()
    assert len(batch.mine) == 20 and held_on_platform(session, "mod1") == set(batch.mine)
    free = next(i.post_id for i in session.load_full_queue().items if i.post_id not in batch.mine)

    session.claim_post(free)
    assert free in session.load_full_queue().mine and session.status().claimed == 21
    assert held_on_platform(session, "mod1") == set(batch.mine) | {free}

    session.decide(decision(free, user="mod1"), ())
    assert session.status().claimed == 20, "a decided post is no longer counted as held"

    one_of_batch = sorted(batch.mine)[0]
    session.release_posts([one_of_batch])  # split off its batch lease, then given back
    assert held_on_platform(session, "mod1") == set(batch.mine) - {one_of_batch}
    assert session.status().claimed == 19 and one_of_batch not in session.load_full_queue().mine

    session.release_posts(None)
    assert held_on_platform(session, "mod1") == set() and session.status().claimed == 0
    assert session.load_queue().mine == frozenset(), "after release all, no new batch is grabbed"
    assert session.status().lease_expires_at is None
    released = session.audit.events(EventFilter(event_type=EventType.CLAIM_RELEASED), limit=10)
    assert len(released) == 2
    assert b'"all":true' in released[-1].envelope and one_of_batch.encode() in released[0].envelope


def test_a_post_held_by_another_is_refused_with_who_holds_it(session: WorkstationSession) -> None:
    other = logged_in(session._client.base_url, "mod2").claim(count=1).lease.post_ids[0]
    session.load_queue()
    snapshot = session.load_full_queue()
    assert other in snapshot.claimed_elsewhere
    assert next(i for i in snapshot.items if i.post_id == other).claimed_by == "mod2"
    with pytest.raises(PlatformError, match="claimed by mod2"):
        session.claim_post(other)
    assert other not in session.load_full_queue().mine
