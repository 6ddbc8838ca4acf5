"""Which stretch of the chain an export must prove complete, and reading it in seq order in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, cast, func, select

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


def iter_range(store: AuditStore, proof: ProofRange, batch: int = 20000) -> Iterator[RangeRow]:
    c = audit_event.c
    envelope: Any = cast(c.envelope, LargeBinary) if store.dialect == "sqlite" else c.envelope
    leaf: Any = cast(c.leaf_hash, LargeBinary) if store.dialect == "sqlite" else c.leaf_hash
    columns = (c.seq, envelope, leaf, c.occurred_at, c.actor, c.event_type, c.category, c.subject, c.decision_kind,
               c.event_id)
    after = proof.first_seq - 1
    with store.reader.connect() as connection:
        while after < proof.last_seq:
            rows = connection.execute(select(*columns).where(c.log_id == store.log_id, c.seq > after,
                                                             c.seq <= proof.last_seq)
                                      .order_by(c.seq).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield (int(row[0]), bytes(row[1]), bytes(row[2]), row[3], row[4], row[5], row[6], row[7], row[8],
                       row[9])
            after = int(rows[-1][0])
