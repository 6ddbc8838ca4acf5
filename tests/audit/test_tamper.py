"""Every tamper of the audit table is detected and the report names the right seq, on SQLite and PostgreSQL. The
attacker is the database superuser: triggers disabled for the change, and put back afterwards."""

from __future__ import annotations

import os

import pytest
from audit_support import OpenLog, fill, tamper
from sqlalchemy import Connection, delete, insert, select, update

from moderator_app.audit.chain import ZERO_HASH, chain_hash, leaf_hash
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.schema import audit_checkpoint, audit_event, audit_head, audit_key
from moderator_app.core.audit import Problem, ProblemKind
from moderator_app.services.audit_service import AuditLogService

EVENTS = 60  # checkpoints (interval 25) at seq 25 and 50; 51..60 after the last one


@pytest.fixture
def log(any_url: str, open_log: OpenLog) -> AuditLogService:
    audit_log = open_log(any_url, checkpoint_interval=25)
    fill(audit_log, EVENTS)
    assert audit_log.verify().ok
    return audit_log


def first_problem(audit_log: AuditLogService) -> Problem:
    report = audit_log.verify()
    assert not report.ok
    problem = report.first_problem
    assert problem is not None
    return problem


def _row(connection: Connection, seq: int) -> dict[str, object]:
    return dict(connection.execute(select(audit_event).where(audit_event.c.seq == seq)).mappings().one())


def test_edited_envelope_is_named(log: AuditLogService) -> None:
    def edit(connection: Connection) -> None:
        envelope = bytes(_row(connection, 37)["envelope"])  # type: ignore[arg-type]
        connection.execute(update(audit_event).where(audit_event.c.seq == 37)
                           .values(envelope=envelope.replace(b'"remove"', b'"no_violation"')))

    tamper(_url(log), edit)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 37)


def test_edited_envelope_with_recomputed_hashes_is_named(log: AuditLogService) -> None:
    """The careful attacker recomputes the row's own hashes; the writer signature no longer matches."""
    def edit(connection: Connection) -> None:
        row = _row(connection, 37)
        envelope = bytes(row["envelope"]).replace(b'"remove"', b'"no_violation"')  # type: ignore[arg-type]
        leaf = leaf_hash(envelope)
        connection.execute(update(audit_event).where(audit_event.c.seq == 37).values(
            envelope=envelope, leaf_hash=leaf, chain_hash=chain_hash(bytes(row["prev_hash"]), 37, leaf)))  # type: ignore[arg-type]

    tamper(_url(log), edit)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.FORGED, 37)


def test_edited_indexed_copy_is_named(log: AuditLogService) -> None:
    """Changing only the columns filters and exports select on (actor, occurred_at, category), in the tail and
    under a checkpoint: found by the default verification (issue 16: it used to need --all-signatures)."""
    tamper(_url(log), lambda c: c.execute(update(audit_event).where(audit_event.c.seq == 55).values(actor="lead1")))
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 55)
    assert "indexed actor says 'lead1'" in problem.detail
    tamper(_url(log), lambda c: c.execute(update(audit_event).where(audit_event.c.seq == 55).values(actor="mod1")))
    tamper(_url(log), lambda c: c.execute(update(audit_event).where(audit_event.c.seq == 12).values(category="10.1")))
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 12) and "indexed category" in problem.detail
    tamper(_url(log), lambda c: c.execute(update(audit_event).where(audit_event.c.seq == 12).values(category="10.7")))
    tamper(_url(log), lambda c: c.execute(update(audit_event).where(audit_event.c.seq == 3).values(
        occurred_at="2020-01-01T00:00:00.000000Z")))
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 3) and "indexed occurred_at" in problem.detail


def test_deleted_row_is_named(log: AuditLogService) -> None:
    tamper(_url(log), lambda c: c.execute(delete(audit_event).where(audit_event.c.seq == 37)))
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.MISSING, 37)


def test_forged_row_at_the_end_is_named(log: AuditLogService) -> None:
    def forge(connection: Connection) -> None:
        last = _row(connection, EVENTS)
        envelope = bytes(last["envelope"]).replace(b"mod1", b"mod2")  # type: ignore[arg-type]
        envelope = envelope.replace(str(last["event_id"]).encode(), b"00000000-0000-4000-8000-000000000001")
        leaf = leaf_hash(envelope)
        chain = chain_hash(bytes(last["chain_hash"]), EVENTS + 1, leaf)  # type: ignore[arg-type]
        connection.execute(insert(audit_event).values({
            **last, "seq": EVENTS + 1, "event_id": "00000000-0000-4000-8000-000000000001", "envelope": envelope,
            "leaf_hash": leaf, "prev_hash": last["chain_hash"], "chain_hash": chain, "writer_sig": os.urandom(64)}))
        connection.execute(update(audit_head).values(seq=EVENTS + 1, chain_hash=chain))

    tamper(_url(log), forge)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.FORGED, EVENTS + 1)


def test_row_inserted_mid_log_with_attackers_own_key_is_named(log: AuditLogService) -> None:
    """A forged event signed by a key the attacker registered, slid in at seq 30 by renumbering the rest."""
    attacker = SigningKey.generate()

    def forge(connection: Connection) -> None:
        connection.execute(insert(audit_key).values(key_id=attacker.key_id, public_key=attacker.public_key,
                                                    workstation="ws-x", created_at="2026-11-30T00:00:00.000000Z"))
        for seq in range(EVENTS, 29, -1):
            connection.execute(update(audit_event).where(audit_event.c.seq == seq).values(seq=seq + 1))
        before = _row(connection, 29)
        envelope = bytes(_row(connection, 31)["envelope"]).replace(b"mod1", b"mod3")  # type: ignore[arg-type]
        envelope = envelope.replace(str(_row(connection, 31)["event_id"]).encode(), b"forged-1")
        leaf = leaf_hash(envelope)
        connection.execute(insert(audit_event).values({
            **before, "seq": 30, "event_id": "forged-1", "envelope": envelope, "leaf_hash": leaf,
            "prev_hash": before["chain_hash"], "chain_hash": chain_hash(bytes(before["chain_hash"]), 30, leaf),  # type: ignore[arg-type]
            "writer_key_id": attacker.key_id, "writer_sig": attacker.sign(leaf)}))

    tamper(_url(log), forge)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.FORGED, 30)


def test_swapped_rows_are_named(log: AuditLogService) -> None:
    def swap(connection: Connection) -> None:
        for old, new in ((20, -20), (21, 20), (-20, 21)):
            connection.execute(update(audit_event).where(audit_event.c.seq == old).values(seq=new))

    tamper(_url(log), swap)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.REORDERED, 20)


def test_truncated_tail_is_named(log: AuditLogService) -> None:
    tamper(_url(log), lambda c: c.execute(delete(audit_event).where(audit_event.c.seq > 40)))
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.TRUNCATED, 41)
    assert "truncated after checkpoint 25" in problem.detail


def test_rollback_is_caught_by_the_workstations_own_checkpoints(log: AuditLogService) -> None:
    """Tail, head and the database's checkpoints all rewound together: only the local copy knows."""
    def rewind(connection: Connection) -> None:
        chain40 = _row(connection, 40)["chain_hash"]
        connection.execute(delete(audit_event).where(audit_event.c.seq > 40))
        connection.execute(delete(audit_checkpoint).where(audit_checkpoint.c.seq > 40))
        connection.execute(update(audit_head).values(seq=40, chain_hash=chain40))

    tamper(_url(log), rewind)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ROLLBACK, 41)


def test_dropped_and_rebuilt_table_is_named(log: AuditLogService) -> None:
    """The table is dropped (no DELETE trigger fires) and rebuilt from a copy without seq 37."""
    def rebuild(connection: Connection) -> None:
        rows = [dict(r) for r in connection.execute(select(audit_event).where(audit_event.c.seq != 37)).mappings()]
        audit_event.drop(connection)
        audit_event.create(connection)
        connection.execute(insert(audit_event), rows)

    tamper(_url(log), rebuild, restore_protections=False)
    report = log.verify()
    assert report.first_problem is not None
    assert (report.first_problem.kind, report.first_problem.seq) == (ProblemKind.MISSING, 37)
    assert any(p.kind is ProblemKind.PROTECTION for p in report.problems)


def test_rewritten_history_with_a_recomputed_chain_is_caught_at_the_checkpoint(log: AuditLogService) -> None:
    """Seq 37 deleted, the later events renumbered and the whole chain and head recomputed: every row is
    consistent, but the chain no longer matches the signed checkpoint at seq 50."""
    def rewrite(connection: Connection) -> None:
        rows = [dict(r) for r in connection.execute(select(audit_event).order_by(audit_event.c.seq)).mappings()]
        del rows[36]
        prev = ZERO_HASH
        for number, row in enumerate(rows, start=1):
            row["seq"], row["prev_hash"] = number, prev
            prev = row["chain_hash"] = chain_hash(prev, number, bytes(row["leaf_hash"]))
        connection.execute(delete(audit_event))
        connection.execute(insert(audit_event), rows)
        connection.execute(update(audit_head).values(seq=len(rows), chain_hash=prev))

    tamper(_url(log), rewrite)
    problem = first_problem(log)
    assert (problem.kind, problem.seq) == (ProblemKind.ALTERED, 50)
    assert "seq 26..50" in problem.detail


def test_verify_reports_missing_protections_without_any_change(log: AuditLogService) -> None:
    tamper(_url(log), lambda c: None, restore_protections=False)
    report = log.verify()
    assert not report.ok
    assert all(p.kind is ProblemKind.PROTECTION for p in report.problems)


def _url(audit_log: AuditLogService) -> str:
    return audit_log.store.url.render_as_string(hide_password=False)
