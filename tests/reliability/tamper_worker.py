"""Single-row tamperings of a copy of a big audit log, each verified: run in worker processes (see test_tampering).

Every tamper works on a fresh copy of the pristine log (same path each time, so this workstation's local
checkpoint copy still applies) and is done as the database superuser would: triggers dropped, the change made,
the triggers put back (as tests/audit_support.tamper, on a throwaway copy without fsync), so only the cryptography
can tell.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, delete, insert, select, update

from moderator_app.audit import protections
from moderator_app.audit.chain import chain_hash, leaf_hash
from moderator_app.audit.schema import audit_event
from moderator_app.core.audit import ProblemKind
from moderator_app.services.audit_service import open_audit_log

KINDS = ("edit", "edit_rehashed", "delete", "insert", "swap", "truncate")
# What verification must report for each tamper at seq s: the kinds it may name, and where (an offset from s).
EXPECTED: dict[str, tuple[frozenset[ProblemKind], int]] = {
    "edit": (frozenset({ProblemKind.ALTERED}), 0),
    "edit_rehashed": (frozenset({ProblemKind.FORGED}), 0),
    "delete": (frozenset({ProblemKind.MISSING, ProblemKind.TRUNCATED}), 0),  # the last row: truncated at s
    "insert": (frozenset({ProblemKind.FORGED}), 0),
    "swap": (frozenset({ProblemKind.REORDERED}), 0),
    "truncate": (frozenset({ProblemKind.TRUNCATED}), 1),
}


@dataclass(frozen=True, slots=True)
class Tamper:
    number: int
    kind: str
    seq: int


@dataclass(frozen=True, slots=True)
class Outcome:
    tamper: Tamper
    detected: bool
    reported_kind: str | None
    reported_seq: int | None
    detail: str

    @property
    def located(self) -> bool:
        kinds, offset = EXPECTED[self.tamper.kind]
        return (self.detected and self.reported_seq == self.tamper.seq + offset
                and self.reported_kind in {k.value for k in kinds})


def plan(count: int, events: int, seed: int) -> list[Tamper]:
    rng = random.Random(seed)
    tampers = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        top = events - 1 if kind in ("swap", "truncate") else events
        tampers.append(Tamper(number, kind, rng.randint(1, top)))
    return tampers


def _row(connection: Connection, seq: int) -> dict[str, object]:
    return dict(connection.execute(select(audit_event).where(audit_event.c.seq == seq)).mappings().one())


def _apply(kind: str, seq: int, connection: Connection) -> None:
    where = audit_event.c.seq == seq
    if kind == "edit":
        envelope = bytearray(bytes(_row(connection, seq)["envelope"]))  # type: ignore[arg-type]
        envelope[len(envelope) // 2] ^= 0x01
        connection.execute(update(audit_event).where(where).values(envelope=bytes(envelope)))
    elif kind == "edit_rehashed":  # the careful attacker recomputes the row's own hashes
        row = _row(connection, seq)
        envelope = bytearray(bytes(row["envelope"]))  # type: ignore[arg-type]
        envelope[len(envelope) // 2] ^= 0x01
        leaf = leaf_hash(bytes(envelope))
        connection.execute(update(audit_event).where(where).values(
            envelope=bytes(envelope), leaf_hash=leaf, chain_hash=chain_hash(bytes(row["prev_hash"]), seq, leaf)))  # type: ignore[arg-type]
    elif kind == "delete":
        connection.execute(delete(audit_event).where(where))
    elif kind == "insert":  # a genuine, validly signed event replayed at seq, later events renumbered
        row = _row(connection, seq)
        connection.execute(update(audit_event).where(audit_event.c.seq >= seq).values(seq=-audit_event.c.seq - 1))
        connection.execute(update(audit_event).where(audit_event.c.seq < 0).values(seq=-audit_event.c.seq))
        copy = {**row, "event_id": f"replay-{seq}"}
        copy["chain_hash"] = chain_hash(bytes(row["prev_hash"]), seq, bytes(row["leaf_hash"]))  # type: ignore[arg-type]
        connection.execute(insert(audit_event).values(copy))
    elif kind == "swap":
        for old, new in ((seq, -seq), (seq + 1, seq), (-seq, seq + 1)):
            connection.execute(update(audit_event).where(audit_event.c.seq == old).values(seq=new))
    elif kind == "truncate":
        connection.execute(delete(audit_event).where(audit_event.c.seq > seq))
    else:
        raise ValueError(kind)


def _tamper_copy(url: str, job: Tamper) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA synchronous=OFF")  # a throwaway copy: no fsync, 5x faster tampering
        connection.exec_driver_sql("PRAGMA journal_mode=MEMORY")
        connection.commit()
        for (name,) in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        _apply(job.kind, job.seq, connection)
        protections.install(connection)
        connection.commit()
    engine.dispose()


def run_tampers(pristine: Path, folder: Path, data_dir: Path, tampers: list[Tamper]) -> list[Outcome]:
    """Copy, tamper, verify, for each; ``folder`` is this worker's own."""
    folder.mkdir(parents=True, exist_ok=True)
    work = folder / "audit.sqlite3"
    url = f"sqlite:///{work}"
    outcomes = []
    for job in tampers:
        shutil.copyfile(pristine, work)
        _tamper_copy(url, job)
        audit_log = open_audit_log(url, for_verification=True, data_dir=data_dir)
        try:
            report = audit_log.verify()
        finally:
            audit_log.store.close()
        first = report.first_problem
        outcomes.append(Outcome(job, not report.ok, first.kind.value if first else None,
                                first.seq if first else None, first.detail if first else ""))
    return outcomes
