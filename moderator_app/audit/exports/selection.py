"""Which stretch of the chain an export must prove complete, and reading it in seq order in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from moderator_app.audit.query import _conditions as conditions_for
from moderator_app.audit.schema import audit_event
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import Checkpoint, EventFilter
from moderator_app.core.errors import UsageError

# (seq, envelope, leaf_hash, occurred_at, actor, event_type, category, subject, decision_kind, event_id)
RangeRow = tuple[int, bytes, bytes, str, str, str, str | None, str | None, str | None, str]


@dataclass(frozen=True, slots=True)
class ProofRange:
    """Events a+1..b, between two signed checkpoints; ``start`` is None at the beginning of the log (seq 0)."""

    start: Checkpoint | None
    end: Checkpoint

    @property
    def first_seq(self) -> int:
        return (self.start.seq if self.start else 0) + 1

    @property
    def last_seq(self) -> int:
        return self.end.seq

    @property
    def size(self) -> int:
        return max(0, self.last_seq - self.first_seq + 1)


def proof_range(store: AuditStore, wanted: EventFilter, head: Checkpoint) -> ProofRange:
    """The narrowest range between signed checkpoints holding every event in the filter's date range.

    The moderator, category, kind, type and subject parts of the filter do not narrow it: a withheld event that
    matches them must show up somewhere in this range."""
    conditions = conditions_for(store, EventFilter(since=wanted.since, until=wanted.until))
    with store.reader.connect() as connection:
        low, high = connection.execute(select(func.min(audit_event.c.seq), func.max(audit_event.c.seq))
                                       .where(*conditions, audit_event.c.seq <= head.seq)).one()
    if low is None:  # nothing in the date range: an empty stretch, at the head
        return ProofRange(head, head)
    signed = [c for c in store.checkpoints() if c.seq <= head.seq and c.log_id == store.log_id] + [head]
    before = [c for c in signed if c.seq < int(low)]
    after = [c for c in signed if c.seq >= int(high)]
    if not after:
        raise UsageError("no signed checkpoint covers the end of the export range")
    start = max(before, key=lambda c: c.seq, default=None)
    return ProofRange(start, min(after, key=lambda c: (c.seq, c.reason != "export")))


def range_sql(dialect: str, batch: int) -> str:
    """Up to ``batch`` events of a log after a seq, up to a last seq, in seq order: (log_id, after, last)."""
    mark = "?" if dialect == "sqlite" else "%s"
    blob = "CAST({} AS BLOB)" if dialect == "sqlite" else "{}"  # a value edited as TEXT still reads as bytes
    return (f"SELECT seq, {blob.format('envelope')}, {blob.format('leaf_hash')}, occurred_at, actor, event_type, "
            f"category, subject, decision_kind, event_id FROM audit_event "
            f"WHERE log_id = {mark} AND seq > {mark} AND seq <= {mark} ORDER BY seq LIMIT {int(batch)}")


def iter_range(store: AuditStore, proof: ProofRange, batch: int = 4000) -> Iterator[RangeRow]:
    """Every event of the range in seq order. Plain DB-API cursors, pages by key range: SQLAlchemy's row objects
    would cost more than everything else an export does per event."""
    sql = range_sql(store.dialect, batch)
    after = proof.first_seq - 1
    with store.reader.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            while after < proof.last_seq:
                cursor.execute(sql, (store.log_id, after, proof.last_seq))
                rows = cursor.fetchall()
                if not rows:
                    return
                if store.dialect == "sqlite":
                    yield from rows
                else:
                    for row in rows:
                        yield (row[0], bytes(row[1]), bytes(row[2]), *row[3:])
                after = int(rows[-1][0])
        finally:
            cursor.close()
