"""Two workstations (mod1, mod2: separate outbox journals and keys) work one platform queue at the same time and
write one team audit log on PostgreSQL. mod2 walks away from half of its claimed batch without releasing it.

No post is reviewed twice (no decision recorded by both), the abandoned posts are refused to mod1 while mod2's
lease lasts and come back to the queue when it expires, and the shared audit sequence is gap-free and verifies.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from support import decision_for, lead_decisions, open_workstation

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.errors import Conflict, LeaseError
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.workstation import WorkstationSession
from tests.reliability.figures import record

pytestmark = [pytest.mark.reliability, pytest.mark.postgres, pytest.mark.slow]

POSTS = 240
LEASE_SECONDS = 6.0


class Moderator:
    """Works the queue as the GUI lets a moderator: the claimed batch first, then the rest of the list, each
    post outside the batch claimed just before deciding it. ``abandon``: posts of the batch it walks away from."""

    def __init__(self, session: WorkstationSession, *, reverse: bool, abandon: int = 0) -> None:
        self.session, self.reverse, self.abandon = session, reverse, abandon
        self.decided: list[str] = []
        self.refused: Counter[str] = Counter()
        self.abandoned: list[str] = []
        self.lease_expires: datetime | None = None

    def work(self) -> None:
        batch = self.session.load_queue()
        assert batch.lease is not None
        self.lease_expires = batch.lease.expires_at
        claimed = list(batch.lease.post_ids)
        if self.abandon:
            self.abandoned = claimed[-self.abandon:]
            claimed = claimed[:-self.abandon]
        listed = [i.post_id for i in self.session.load_full_queue().items]
        rest = [p for p in (reversed(listed) if self.reverse else listed) if p not in batch.lease.post_ids]
        for post_id in claimed + rest:
            self.try_decide(post_id)

    def try_decide(self, post_id: str) -> None:
        try:
            self.session.decide(decision_for(post_id, len(self.decided), self.session.user.user_id), ())
        except LeaseError:
            self.refused[post_id] += 1  # claimed by the other workstation
        except Conflict:
            self.refused[post_id] += 1  # decided by the other workstation meanwhile
        else:
            self.decided.append(post_id)


def test_two_workstations_one_queue_one_team_database(platform_server: Any, pg_url: str, tmp_path: Path) -> None:
    server = platform_server(posts=POSTS, lease_seconds=LEASE_SECONDS)
    setup = open_audit_log(pg_url, workstation="setup", data_dir=tmp_path / "setup")
    setup.store.upgrade()
    setup.store.close()
    sessions = [open_workstation(server.url, user, tmp_path / user, pg_url, f"ws-{user}") for user in ("mod1", "mod2")]
    try:
        mod1 = Moderator(sessions[0], reverse=False)
        mod2 = Moderator(sessions[1], reverse=True, abandon=10)
        threads = [threading.Thread(target=m.work) for m in (mod1, mod2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert mod2.abandoned and mod2.lease_expires is not None
        refused_while_leased = [p for p in mod2.abandoned if mod1.refused[p]]
        assert refused_while_leased == mod2.abandoned  # mod1 tried every abandoned post and was refused
        while datetime.now(UTC) <= mod2.lease_expires:  # the platform's clock is this machine's
            time.sleep(0.1)
        for post_id in mod2.abandoned:  # back in the queue: mod1 picks them up
            mod1.try_decide(post_id)
        for session in sessions:
            _wait_delivered(session)
    finally:
        for session in sessions:
            session.close()

    applied = lead_decisions(server.url)
    per_post = Counter(d.post_id for d in applied)
    assert len(per_post) == POSTS and max(per_post.values()) == 1
    by_whom = {d.post_id: d.decided_by for d in applied}
    assert all(by_whom[p] == "mod1" for p in mod2.abandoned)
    assert not set(mod1.decided) & set(mod2.decided)

    audit = open_audit_log(pg_url, for_verification=True, data_dir=tmp_path / "check")
    try:
        report = audit.verify(all_signatures=True)
        assert report.ok, report.problems
        events = audit.events(limit=10_000)
        recorded = Counter(e.subject for e in audit.events(EventFilter(event_type=EventType.DECISION_RECORDED),
                                                           limit=10_000))
    finally:
        audit.store.close()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))  # gap-free across both workstations
    assert report.events_checked == report.head_seq == len(events)
    assert len(recorded) == POSTS and max(recorded.values()) == 1  # no post reviewed twice
    writers = Counter(json.loads(e.envelope)["hdr"]["workstation"] for e in events)
    assert writers["ws-mod1"] and writers["ws-mod2"]  # both wrote, interleaved in one sequence
    record("concurrency", {
        "posts": POSTS, "workstations": 2, "decided_by_mod1": len(mod1.decided), "decided_by_mod2": len(mod2.decided),
        "decided_twice": 0, "refusals_claimed_or_decided_elsewhere": sum(mod1.refused.values())
        + sum(mod2.refused.values()),
        "abandoned_posts_refused_while_leased": len(refused_while_leased),
        "abandoned_posts_decided_after_expiry": len(mod2.abandoned), "audit_events": len(events),
        "audit_events_by_workstation": dict(writers),
        "audit_seq_gap_free": True, "chain_verified_all_signatures": report.ok,
    })


def _wait_delivered(session: WorkstationSession, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while session.outbox.state().pending and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the journal with a deadline: the outbox offers no completion event
    state = session.outbox.state()
    assert state.pending == 0 and state.failed == (), state
