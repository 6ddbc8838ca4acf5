"""What an operation changed, so each view refreshes only what it shows (Anki's OpChanges idea)."""

from __future__ import annotations

from dataclasses import dataclass, field

from moderator_app.core.models import PostId


@dataclass(frozen=True, slots=True)
class Changes:
    queue: bool = False
    post_ids: frozenset[PostId] = field(default=frozenset())
    audit: bool = False
    outbox: bool = False
    settings: bool = False
    referrals: bool = False
    status: bool = False  # the connection or the lease (what the status bar shows besides the outbox)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            queue=self.queue or other.queue,
            post_ids=self.post_ids | other.post_ids,
            audit=self.audit or other.audit,
            outbox=self.outbox or other.outbox,
            settings=self.settings or other.settings,
            referrals=self.referrals or other.referrals,
            status=self.status or other.status,
        )


NO_CHANGES = Changes()
