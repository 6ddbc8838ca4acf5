"""A lead's workstation decides 5,000 posts while the demo platform (``--faults``) answers with errors, drops the
connection (before and after applying a request), sends bursts of 429 and, for part of the run, answers 2 s late.

Leads decide without a lease, so every one of the run's requests is a decision on its way through the outbox
(claims under faults: test_crashes and test_two_workstations). Then the lead's ``GET /v1/decisions`` shows each post
decided exactly once, the audit log records each decision once and its delivery once, and the chain verifies.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from support import counting_injector, decision_for, lead_decisions, queue_post_ids

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.demo_platform.faults import FaultSpec
from moderator_app.services.demo import start_demo
from moderator_app.services.outbox import RetryPolicy
from tests.reliability.figures import record

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

POSTS = 5_000
BASE_FAULTS = "error=0.03,drop=0.03,429=0.01,retry_after=0"  # the burst below asks for 1 s
# (seconds after the start, spec): errors and drops all along, one burst of 429s, a stretch of 2 s latency.
PHASES = (
    (5.0, FaultSpec(rate_limit=1.0, retry_after=1)),
    (8.0, FaultSpec.parse(BASE_FAULTS)),
    (12.0, FaultSpec(latency_ms=(2000.0, 2000.0))),
    (20.0, FaultSpec.parse(BASE_FAULTS)),
)


def test_five_thousand_decisions_through_a_faulty_network(fast_dir: Path) -> None:
    demo = start_demo("lead1", data_dir=fast_dir, posts=POSTS, faults=BASE_FAULTS)
    session = demo.session
    injector = counting_injector(demo.server)
    # The outbox's real retry schedule starts at 0.5 s; a tenth of it keeps 300-odd faults inside the time budget.
    session.outbox.retry_policy = RetryPolicy(initial_delay=0.05, max_delay=2.0)
    try:
        injector.spec = FaultSpec()
        post_ids = queue_post_ids(demo.server.url)
        assert len(post_ids) == POSTS
        injector.spec = FaultSpec.parse(BASE_FAULTS)
        started = time.monotonic()
        phases = threading.Thread(target=_run_phases, args=(injector, started), daemon=True)
        phases.start()
        for number, post_id in enumerate(post_ids):
            session.decide(decision_for(post_id, number, "lead1"), ())
        deciding_s = time.monotonic() - started
        phases.join()  # every phase happens, even if deciding was quicker
        deadline = time.monotonic() + 240
        while session.outbox.state().pending and time.monotonic() < deadline:
            session.outbox.wake()
            time.sleep(0.2)  # polling the journal with a deadline: the outbox offers no completion event
        state = session.outbox.state()
        assert state.pending == 0 and state.failed == (), (state.pending, state.failed[:3])
        delivered_s = time.monotonic() - started
        injector.spec = FaultSpec()

        applied = lead_decisions(demo.server.url)
        per_post = Counter(d.post_id for d in applied)
        assert len(applied) == POSTS
        assert set(per_post) == set(post_ids) and max(per_post.values()) == 1
        assert all(d.decided_by == "lead1" for d in applied)

        audit = session.audit
        recorded = audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=POSTS * 2)
        delivered = audit.events(EventFilter(event_type=EventType.DECISION_DELIVERED), limit=POSTS * 2)
        assert Counter(e.subject for e in recorded) == Counter(f"post:{p}" for p in post_ids)
        assert Counter(e.subject for e in delivered) == Counter(f"post:{p}" for p in post_ids)
        report = audit.verify()
        assert report.ok, report.problems
        counts = injector.counts
        assert counts["platform_5xx"] == 0
        faults = sum(counts[k] for k in ("dropped_before_running", "dropped_after_running", "rate_limited",
                                         "injected_5xx"))
        assert faults > 200 and counts["dropped_after_running"] > 20 and counts["rate_limited"] > 20
        record("network_faults", {
            "posts": POSTS, "requests": counts["requests"], "faults_injected": faults,
            **{k: counts[k] for k in ("injected_5xx", "rate_limited", "dropped_before_running",
                                      "dropped_after_running")},
            "decided_on_platform": len(per_post), "decided_twice": 0, "lost": POSTS - len(per_post),
            "audit_recorded": len(recorded), "audit_delivered": len(delivered), "chain_verified": report.ok,
            "seconds_deciding": round(deciding_s, 1), "seconds_until_all_delivered": round(delivered_s, 1),
        })
    finally:
        demo.close()


def _run_phases(injector: object, started: float) -> None:
    for at, spec in PHASES:
        time.sleep(max(0.0, started + at - time.monotonic()))  # a schedule, not a wait for a condition
        injector.spec = spec  # type: ignore[attr-defined]
