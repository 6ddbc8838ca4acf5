"""One definition of "this event matches the export's filter", used by the exporter (on the indexed columns) and by
the offline verifier (on the envelope's header), so the two can never disagree."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from moderator_app.core.audit import EventFilter, EventType

# (occurred_at, actor, event_type, category, subject, decision_kind)
HeaderFields = tuple[str, str, str, str | None, str | None, str | None]


def matches(wanted: EventFilter, fields: HeaderFields) -> bool:
    occurred_at, actor, event_type, category, subject, decision_kind = fields
    if wanted.since is not None and occurred_at < wanted.since:
        return False
    if wanted.until is not None and occurred_at >= wanted.until:
        return False
    expected = (wanted.actor, wanted.event_type.value if wanted.event_type else None, wanted.category,
                wanted.subject, wanted.decision_kind)
    actual = (actor, event_type, category, subject, decision_kind)
    return all(want is None or want == have for want, have in zip(expected, actual, strict=True))


def header_fields(envelope: dict[str, Any]) -> HeaderFields:
    """The filterable fields of a parsed envelope (the hashed source of truth)."""
    hdr = envelope["hdr"]
    return (hdr["occurred_at"], hdr["actor"]["id"], hdr["type"], hdr.get("category"), hdr.get("subject"),
            hdr.get("decision_kind"))


def filter_to_json(wanted: EventFilter) -> dict[str, str | None]:
    data = asdict(wanted)
    data["event_type"] = wanted.event_type.value if wanted.event_type else None
    return data


def filter_from_json(data: dict[str, Any]) -> EventFilter:
    fields = {key: data.get(key) for key in ("since", "until", "actor", "category", "decision_kind", "subject")}
    kind = data.get("event_type")
    return EventFilter(**fields, event_type=EventType(kind) if kind else None)

