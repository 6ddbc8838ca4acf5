"""Read-only queries for the team-lead console: counts and choices for the viewer's filters, one event's chain
status, and the dashboard's aggregates. Aggregates group on the indexed header columns in SQL; only the payloads
that must be read (claims for SLA, suggestion feedback) are parsed, streamed in seq order."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select

from moderator_app.audit.chain import chain_hash, leaf_hash
from moderator_app.audit.keys import PublicKeys
from moderator_app.audit.query import _conditions as conditions_for
from moderator_app.audit.schema import audit_event
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.lead import Acceptance, Counts, Dashboard, EventStatus

c = audit_event.c


def count_events(store: AuditStore, wanted: EventFilter) -> int:
    with store.reader.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(audit_event)
                                      .where(*conditions_for(store, wanted))).scalar() or 0)


def distinct(store: AuditStore, column: str) -> list[str]:
    """The values a filter can take (moderators, categories, decision kinds): from the column's index."""
    target = c[column]
    with store.reader.connect() as connection:
        rows = connection.execute(select(target).where(target.is_not(None)).distinct().order_by(target)).all()
    return [row[0] for row in rows]


def event_status(store: AuditStore, seq: int) -> EventStatus:
    rows = list(store.iter_events(start_seq=max(1, seq - 1), end_seq=seq))
    if not rows or rows[-1][0] != seq:
        return EventStatus(seq, False, False, False, None)
    _seq, envelope, leaf, prev, chain, key_id, signature = rows[-1]
    previous = rows[0][4] if len(rows) == 2 else bytes(32)
    keys = PublicKeys(store.public_keys())
    covering = [cp.seq for cp in store.checkpoints() if cp.seq >= seq]
    return EventStatus(seq, leaf_ok=leaf_hash(envelope) == leaf,
                       link_ok=prev == previous and chain_hash(prev, seq, leaf) == chain,
                       signature_ok=bool(signature) and keys.verify(key_id, signature, leaf),
                       checkpoint_seq=min(covering, default=None))


def _grouped(store: AuditStore, key: ColumnElement[Any], wanted: EventFilter) -> Counts:
    with store.reader.connect() as connection:
        rows = connection.execute(select(key, func.count()).where(*conditions_for(store, wanted)).group_by(key)
                                  .order_by(key)).all()
    return tuple((str(label if label is not None else "-"), int(count)) for label, count in rows)


def dashboard(store: AuditStore, since: str, until: str, sla_minutes: int = 15) -> Dashboard:
    decisions = EventFilter(since=since, until=until, event_type=EventType.DECISION_RECORDED)
    failures = EventFilter(since=since, until=until, event_type=EventType.DECISION_FAILED)
    per_day = _grouped(store, func.substr(c.occurred_at, 1, 10), decisions)
    return Dashboard(
        since=since, until=until, decisions=sum(n for _d, n in per_day),
        per_hour_of_day=_grouped(store, func.substr(c.occurred_at, 12, 2), decisions), per_day=per_day,
        by_category=_grouped(store, c.category, decisions), by_moderator=_grouped(store, c.actor, decisions),
        sla_breaches_per_day=_sla_breaches(store, since, until, timedelta(minutes=sla_minutes)),
        outbox_failures_per_day=_grouped(store, func.substr(c.occurred_at, 1, 10), failures),
        acceptance=_acceptance(store, since, until), sla_minutes=sla_minutes)


def _stream(store: AuditStore, since: str, until: str, types: tuple[EventType, ...],
            batch: int = 5000) -> Iterator[tuple[int, str, str, str | None, str | None, bytes]]:
    """(seq, event_type, occurred_at, subject, category, envelope) of the given types, in seq order."""
    conditions = [*conditions_for(store, EventFilter(since=since, until=until)),
                  c.event_type.in_([t.value for t in types])]
    after = 0
    with store.reader.connect() as connection:
        while True:
            rows = connection.execute(select(c.seq, c.event_type, c.occurred_at, c.subject, c.category, c.envelope)
                                      .where(*conditions, c.seq > after).order_by(c.seq).limit(batch)).all()
            for row in rows:
                yield int(row[0]), row[1], row[2], row[3], row[4], bytes(row[5])
            if len(rows) < batch:
                return
            after = int(rows[-1][0])


def _sla_breaches(store: AuditStore, since: str, until: str, sla: timedelta) -> Counts:
    """A decision recorded more than ``sla`` after its post was claimed."""
    claimed: dict[str, datetime] = {}
    breaches: Counter[str] = Counter()
    for _seq, kind, occurred_at, subject, _category, envelope in _stream(
            store, since, until, (EventType.CLAIM, EventType.DECISION_RECORDED)):
        moment = datetime.fromisoformat(occurred_at)
        if kind == EventType.CLAIM:
            body = json.loads(envelope)["body"]
            for post in body.get("posts") or body.get("post_ids") or []:
                claimed[f"post:{post}"] = moment
        elif subject is not None and subject in claimed and moment - claimed.pop(subject) > sla:
            breaches[occurred_at[:10]] += 1
    return tuple(sorted(breaches.items()))


def _acceptance(store: AuditStore, since: str, until: str) -> tuple[Acceptance, ...]:
    """Per category: suggestions the moderator accepted out of those shown (accepted + overridden)."""
    accepted: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for *_ignored, category, envelope in _stream(store, since, until, (EventType.SUGGESTION_FEEDBACK,)):
        body = json.loads(envelope)["body"]
        if "outcomes" in body:  # the workstation's form: one outcome per suggested or cited category
            for outcome in body["outcomes"]:
                if outcome.get("outcome") in ("accepted", "overridden"):
                    shown[outcome["category"]] += 1
                    accepted[outcome["category"]] += outcome["outcome"] == "accepted"
        elif category is not None and "accepted" in body:  # the synthetic history's compact form
            shown[category] += 1
            accepted[category] += bool(body["accepted"])
    return tuple(Acceptance(cat, accepted[cat], shown[cat]) for cat in sorted(shown))
