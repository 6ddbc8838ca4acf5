"""The platform as the audit log's witness, attacked as insiders would, against the real reference platform and
real SQLite and PostgreSQL: each attack passes a database-only verification (it is reproduced, not assumed) and
is reported with the right seq once the platform's receipts are consulted."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from audit_support import OpenLog, event, fill, tamper
from sqlalchemy import Connection, delete, select, update

from moderator_app.audit.chain import chain_hash, leaf_hash
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.schema import audit_checkpoint, audit_event, audit_head
from moderator_app.audit.verify import WitnessCheck
from moderator_app.audit.witness import RECEIPT_SUFFIX, log_identity, stored_receipts
from moderator_app.core.audit import Problem, ProblemKind, VerifyReport
from moderator_app.platform_api import MemorySecretStore, PlatformClient
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.platform import make_client


def login(url: str, user: str) -> PlatformClient:
    client = make_client(url)
    client.secrets = MemorySecretStore()
    client.login(user, "demo")
    return client


@pytest.fixture
def platform(platform_server: Callable[..., Any]) -> Any:
    return platform_server(posts=5)


def witnessed(url: str, open_log: OpenLog, platform: Any, *, runs: tuple[int, ...] = (60, 60)) -> AuditLogService:
    """A log whose head the platform witnessed at the end of each run (seq 60 and 120 by default)."""
    audit_log = open_log(url, checkpoint_interval=10_000, platform=login(platform.url, "mod1"))
    assert audit_log.witness is not None
    audit_log.witness.every_events = 10**9  # only the explicit end-of-run receipts: exact seqs to assert on
    for count in runs:
        fill(audit_log, count)
        assert audit_log.witness.flush() is not None
    return audit_log


def check(audit_log: AuditLogService, platform: Any) -> VerifyReport:
    identity = log_identity(audit_log.store)
    assert identity is not None
    receipts = login(platform.url, "lead1").witness_receipts(identity)
    key = make_client(platform.url).platform_key()
    return audit_log.verify(witness=WitnessCheck(receipts, key), remember=False)


def first(report: VerifyReport) -> Problem:
    assert not report.ok and report.first_problem is not None
    return report.first_problem


def _url(audit_log: AuditLogService) -> str:
    return audit_log.store.url.render_as_string(hide_password=False)


def rewind(connection: Connection, to_seq: int) -> None:
    """Delete the tail after ``to_seq`` and move the head back: internally consistent again."""
    connection.execute(delete(audit_event).where(audit_event.c.seq > to_seq))
    chain = connection.execute(select(audit_event.c.chain_hash).where(audit_event.c.seq == to_seq)).scalar()
    connection.execute(update(audit_head).values(seq=to_seq, chain_hash=chain))
    connection.execute(delete(audit_checkpoint).where(audit_checkpoint.c.seq > to_seq))


def test_receipts_are_kept_in_the_log_and_the_report_states_the_anchor(any_url: str, open_log: OpenLog,
                                                                       platform: Any) -> None:
    audit_log = witnessed(any_url, open_log, platform)
    assert [r.seq for r in stored_receipts(audit_log.store)] == [60, 120]
    assert audit_log.store.checkpoints() == []  # receipts are not the log's own checkpoints
    fill(audit_log, 3)
    report = check(audit_log, platform)
    assert report.ok and report.anchor is not None
    assert (report.anchor.witnessed_seq, report.anchor.unanchored, report.anchor.receipts) == (120, 3, 2)
    said = report.anchor.describe()
    assert said.startswith("events 1–120 witnessed by the platform at ") and "3 event(s) after the last receipt" in said


def test_tail_deletion_after_a_witnessed_run_is_named(any_url: str, open_log: OpenLog, platform: Any) -> None:
    audit_log = witnessed(any_url, open_log, platform)
    tamper(_url(audit_log), lambda c: rewind(c, 110))
    assert audit_log.verify().ok  # the attack: without the witness the log looks intact
    problem = first(check(audit_log, platform))
    assert (problem.kind, problem.seq) == (ProblemKind.ROLLBACK, 111)
    assert "witnessed seq 120" in problem.detail and "seq 111..120 were deleted" in problem.detail

    # The clumsier variant, rows gone but the head not rewound:
    tamper(_url(audit_log), lambda c: c.execute(delete(audit_event).where(audit_event.c.seq > 100)))
    problem = first(check(audit_log, platform))
    assert (problem.kind, problem.seq) == (ProblemKind.TRUNCATED, 101)


def test_whole_file_rollback_is_named(tmp_path: Path, open_log: OpenLog, platform: Any) -> None:
    path = tmp_path / "audit.sqlite3"
    audit_log = witnessed(f"sqlite:///{path}", open_log, platform, runs=(60,))
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    fill(audit_log, 40)
    audit_log.close()  # the end of the run: witnessed at seq 100
    with sqlite3.connect(backup) as source, sqlite3.connect(path) as target:
        source.backup(target)  # the old copy put back
    reviewer = open_log(f"sqlite:///{path}", data_dir=tmp_path / "reviewer", for_verification=True)
    assert reviewer.verify(remember=False).ok  # the attack, as a reviewer without the witness sees it
    problem = first(check(reviewer, platform))
    assert (problem.kind, problem.seq) == (ProblemKind.ROLLBACK, 61)
    assert "witnessed seq 100" in problem.detail


def _rewrite_from(connection: Connection, start: int, key: SigningKey) -> None:
    """The insider with the workstation key: rewrite every event from ``start``, re-sign and re-chain them."""
    rows = connection.execute(select(audit_event).where(audit_event.c.seq >= start).order_by(audit_event.c.seq))
    previous = connection.execute(select(audit_event.c.chain_hash).where(audit_event.c.seq == start - 1)).scalar()
    chain = bytes(previous)
    for row in rows.mappings().all():
        envelope = bytes(row["envelope"]).replace(b'"remove"', b'"no_violation"')
        leaf = leaf_hash(envelope)
        new_chain = chain_hash(chain, row["seq"], leaf)
        connection.execute(update(audit_event).where(audit_event.c.seq == row["seq"]).values(
            envelope=envelope, leaf_hash=leaf, prev_hash=chain, chain_hash=new_chain, writer_sig=key.sign(leaf),
            decision_kind="no_violation"))
        chain = new_chain
    connection.execute(update(audit_head).values(chain_hash=chain))


def test_rewritten_and_rechained_prefix_is_named(any_url: str, open_log: OpenLog, platform: Any) -> None:
    audit_log = witnessed(any_url, open_log, platform)
    tamper(_url(audit_log), lambda c: _rewrite_from(c, 30, audit_log.writer.key))
    assert audit_log.verify(all_signatures=True).ok  # the attack: consistent, properly signed
    problem = first(check(audit_log, platform))
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 60)
    assert "events in seq 1..60 were rewritten" in problem.detail


def test_fork_is_refused_by_the_platform_and_named_by_verify(any_url: str, open_log: OpenLog, platform: Any,
                                                              tmp_path: Path) -> None:
    witnessed(any_url, open_log, platform).close()
    tamper(any_url, lambda c: rewind(c, 60))
    # The next session writes another history to seq 120: the platform refuses to witness it, and the workstation
    # raises the alarm.
    audit_log = open_log(any_url, checkpoint_interval=10_000, platform=login(platform.url, "mod1"))
    assert audit_log.witness is not None
    audit_log.witness.every_events = 10**9
    for number in range(60):
        audit_log.append(event(1000 + number, actor="mod2"))
    assert audit_log.witness is not None and audit_log.witness.flush() is None
    assert audit_log.alarm is not None and "forked" in audit_log.alarm
    # Beyond the witnessed seq the platform cannot tell; verify then names the fork.
    fill(audit_log, 10)
    assert audit_log.witness.flush() is not None
    reviewer = open_log(any_url, data_dir=tmp_path / "reviewer", for_verification=True)
    assert reviewer.verify(remember=False).ok  # without the writing workstation's copies: looks intact
    problem = first(check(reviewer, platform))
    assert (problem.kind, problem.seq) == (ProblemKind.FORK, 120)
    assert "forked after seq 60" in problem.detail


def test_a_receipt_not_signed_by_the_platform_key_is_forged(any_url: str, open_log: OpenLog, platform: Any,
                                                            platform_server: Callable[..., Any]) -> None:
    audit_log = witnessed(any_url, open_log, platform)
    identity = log_identity(audit_log.store)
    assert identity is not None
    receipts = login(platform.url, "lead1").witness_receipts(identity)
    other_key = make_client(platform_server(posts=5).url).platform_key()  # a platform the reviewer did not pin
    report = audit_log.verify(witness=WitnessCheck(receipts, other_key), remember=False)
    problem = first(report)
    assert (problem.kind, problem.seq) == (ProblemKind.FORGED, 60) and "not the trusted platform key" in problem.detail
    assert len(stored_receipts(audit_log.store)) == 2
    # the rows carry the log's name plus a suffix: never mistaken for its own checkpoints
    assert audit_log.store.log_id + RECEIPT_SUFFIX == "main#witness"


def test_a_session_ends_witnessed_logout_included(tmp_path: Path) -> None:
    """The GUI session's end: the platform witnesses the head (the logout event included) before the token goes."""
    from moderator_app.services.demo import start_demo

    demo = start_demo("mod1", data_dir=tmp_path, posts=20)
    server, audit_log = demo.server, demo.session.audit
    try:
        session_store = audit_log.store
        identity = log_identity(session_store)
    finally:
        demo.session.close()
    head = audit_log.store.head()[0]  # the store reopens lazily for this read
    receipts = [r for r in server.store.witness_receipts_all() if r["log_id"] == identity]  # type: ignore[union-attr]
    server.stop()
    assert receipts and receipts[-1]["seq"] == head


def test_a_platform_presenting_another_key_raises_the_alarm(sqlite_url: str, open_log: OpenLog,
                                                            platform_server: Callable[..., Any]) -> None:
    """The workstation pinned one platform's key; receipts signed with another are refused, loudly."""
    first = platform_server(posts=5)
    audit_log = witnessed(sqlite_url, open_log, first, runs=(5,))  # pins the first platform's key
    impostor = platform_server(posts=5)
    assert audit_log.witness is not None
    audit_log.witness.client = login(impostor.url, "mod1")
    fill(audit_log, 5)
    assert audit_log.witness.flush() is None
    assert audit_log.alarm is not None and "not the trusted platform key" in audit_log.alarm
    assert [r.seq for r in stored_receipts(audit_log.store)] == [5]  # the impostor's receipt was not kept
