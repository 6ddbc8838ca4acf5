"""A checkpoint names a head the log has reached, with the chain hash the log has there, and the database refuses
any other (issue 16: a workstation signed a checkpoint far ahead of the log, and every later `audit verify` failed
for good). One put in before the guard (an older database, or the schema's owner) is reported as `ahead` while the
log is short of it and, once the log has passed it, as a checkpoint that disagrees with the log, saying what
vouches for the events."""

from __future__ import annotations

import base64

import pytest
from audit_support import OpenLog, fill, tamper
from sqlalchemy import insert

from moderator_app.audit import protections
from moderator_app.audit.checkpoints import sign_checkpoint
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.schema import audit_checkpoint
from moderator_app.audit.store import AuditStore
from moderator_app.audit.witness import store_receipt
from moderator_app.core.audit import Checkpoint, ProblemKind, utc_timestamp
from moderator_app.core.errors import StorageError
from moderator_app.core.models import WitnessReceipt
from moderator_app.services.audit_service import AuditLogService


def _url(audit_log: AuditLogService) -> str:
    return audit_log.store.url.render_as_string(hide_password=False)


def _plant(audit_log: AuditLogService, checkpoint: Checkpoint) -> None:
    """As the owner could, or any workstation before migration 0005: the guard out of the way, the row in."""
    row = AuditStore._checkpoint_row(checkpoint)
    tamper(_url(audit_log), lambda c: c.execute(insert(audit_checkpoint).values(row)))


def test_a_checkpoint_ahead_of_the_log_or_off_its_chain_is_refused(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url, checkpoint_interval=10)
    fill(audit_log, 25)
    key, log_id = audit_log.writer.key, audit_log.store.log_id
    head_seq, head_chain = audit_log.store.head()
    for seq, chain in ((10_000, "ab" * 32), (head_seq + 1, head_chain.hex()), (20, "ab" * 32),
                       (20, head_chain.hex()), (0, "00" * 32)):
        with pytest.raises(StorageError, match="checkpoint refused"):
            audit_log.store.add_checkpoint(sign_checkpoint(key, log_id, seq, chain, "manual"))
    # a witness receipt row (kept under "<log>#witness") only for a head the log has had
    receipt = WitnessReceipt(f"{log_id}:x", 10_000, "ab" * 32, utc_timestamp(), "platform",
                             base64.b64encode(b"\x00" * 64).decode())
    with pytest.raises(StorageError, match="checkpoint refused"):
        store_receipt(audit_log.store, receipt)
    assert [c.seq for c in audit_log.store.checkpoints()] == [10, 20]
    made = audit_log.checkpoint("export")  # the head, as the log has it: accepted
    assert made is not None and made.seq == 25
    fill(audit_log, 6)  # the next interval checkpoint, at seq 30, too
    assert [c.seq for c in audit_log.store.checkpoints()] == [10, 20, 25, 30]
    assert audit_log.alarm is None and audit_log.verify(all_signatures=True).ok


def test_a_planted_checkpoint_is_ahead_then_disagrees_and_the_log_goes_on(any_url: str, open_log: OpenLog) -> None:
    """The old-database path: a checkpoint signed ahead of the log by a registered key (a rogue workstation) was
    inserted before the guard, and the schema is then upgraded."""
    audit_log = open_log(any_url, checkpoint_interval=10)
    fill(audit_log, 25)
    rogue = SigningKey.generate()
    audit_log.store.register_key(rogue.key_id, rogue.public_key, "ws-rogue", utc_timestamp())
    _plant(audit_log, sign_checkpoint(rogue, audit_log.store.log_id, 40, "ab" * 32, "manual"))
    with audit_log.store.writer.begin() as connection:  # the database was at the revision before the guard
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0004'")
    audit_log.store.upgrade()
    assert audit_log.store.revision() == "0005" and audit_log.store.missing_protections() == []

    report = audit_log.verify()
    assert [(p.kind, p.seq) for p in report.problems] == [(ProblemKind.AHEAD, 26)]
    assert f"key {rogue.key_id}" in report.problems[0].detail and "covers seq 40" in report.problems[0].detail

    fill(audit_log, 30)  # past seq 40: the writers still sign their interval checkpoints, at 40 too
    assert audit_log.alarm is None
    assert [c.seq for c in audit_log.store.checkpoints() if c.key_id != rogue.key_id] == [10, 20, 30, 40, 50]
    report = audit_log.verify(all_signatures=True)
    assert [(p.kind, p.seq) for p in report.problems] == [(ProblemKind.DISAGREES, 40)]
    detail = report.problems[0].detail
    assert f"checkpoint at seq 40 signed by key {rogue.key_id}" in detail and "disagrees with the log" in detail
    assert "the events agree with every other checkpoint up to seq 55 (the last at seq 50, signed by key " in detail
    assert f"key {rogue.key_id} signed a chain hash this log never had, unless seq 31..40 were rewritten" in detail


def test_a_rewritten_history_under_a_checkpoint_no_one_else_vouches_for_stays_altered(any_url: str,
                                                                                      open_log: OpenLog) -> None:
    """The same disagreement with nothing after it that agrees: the pass stops there, as for any rewrite."""
    audit_log = open_log(any_url, checkpoint_interval=10)
    fill(audit_log, 25)
    _plant(audit_log, sign_checkpoint(audit_log.writer.key, audit_log.store.log_id, 15, "ab" * 32, "manual"))
    problem = audit_log.verify().first_problem
    assert problem is not None and (problem.kind, problem.seq) == (ProblemKind.DISAGREES, 15)  # 20 agrees
    _plant(audit_log, sign_checkpoint(audit_log.writer.key, audit_log.store.log_id, 25, "cd" * 32, "manual"))
    problem = audit_log.verify().first_problem
    assert problem is not None and (problem.kind, problem.seq) == (ProblemKind.ALTERED, 15)
    assert "no later checkpoint or receipt vouches for the log there" in problem.detail


def test_verify_reports_the_guard_when_it_is_gone(any_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(any_url, checkpoint_interval=10)
    fill(audit_log, 3)

    with audit_log.store.writer.begin() as connection:  # as the schema's owner could
        connection.exec_driver_sql(f"DROP TRIGGER {protections.CHECKPOINT_TRIGGER}"
                                   + ("" if connection.dialect.name == "sqlite" else " ON audit_checkpoint"))
    report = audit_log.verify()
    assert [p.kind for p in report.problems] == [ProblemKind.PROTECTION]
    assert protections.CHECKPOINT_TRIGGER in report.problems[0].detail
