"""Read events by filter, in seq order and in constant memory: for the GUI's viewer and for exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, select

from moderator_app.audit.schema import audit_event
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import EventFilter, RecordedEvent

_COLUMNS = (audit_event.c.seq, audit_event.c.event_id, audit_event.c.occurred_at, audit_event.c.actor,
            audit_event.c.event_type, audit_event.c.category, audit_event.c.subject, audit_event.c.decision_kind,
            audit_event.c.envelope, audit_event.c.chain_hash, audit_event.c.writer_key_id)


def _conditions(store: AuditStore, wanted: EventFilter) -> list[ColumnElement[Any]]:
    c = audit_event.c
    conditions: list[ColumnElement[Any]] = [c.log_id == store.log_id]
    if wanted.since is not None:
        conditions.append(c.occurred_at >= wanted.since)
    if wanted.until is not None:
        conditions.append(c.occurred_at < wanted.until)
    for column, value in ((c.actor, wanted.actor), (c.category, wanted.category),
                          (c.decision_kind, wanted.decision_kind), (c.subject, wanted.subject),
                          (c.event_type, wanted.event_type.value if wanted.event_type else None)):
        if value is not None:
            conditions.append(column == value)
    return conditions


def iter_events(store: AuditStore, wanted: EventFilter | None = None, *, after_seq: int = 0,
                limit: int | None = None, batch: int = 5000) -> Iterator[RecordedEvent]:
    conditions = _conditions(store, wanted or EventFilter())
    produced = 0
    with store.reader.connect() as connection:
        while limit is None or produced < limit:
            size = batch if limit is None else min(batch, limit - produced)
            rows = connection.execute(select(*_COLUMNS).where(*conditions, audit_event.c.seq > after_seq)
                                      .order_by(audit_event.c.seq).limit(size)).all()
            for row in rows:
                yield RecordedEvent(int(row[0]), row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                                    bytes(row[8]), bytes(row[9]).hex(), row[10])
            produced += len(rows)
            if len(rows) < size:
                return
            after_seq = int(rows[-1][0])


def query_events(store: AuditStore, wanted: EventFilter | None = None, *, after_seq: int = 0,
                 limit: int = 500) -> list[RecordedEvent]:
    """One page for a viewer: the next ``limit`` matching events after ``after_seq``."""
    return list(iter_events(store, wanted, after_seq=after_seq, limit=limit))
