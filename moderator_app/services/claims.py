"""The posts this workstation holds, lease by lease: the batch claimed at login and posts claimed one at a time.

    holdings = Holdings(client)
    holdings.add(client.claim(post_ids=[p]).lease)   # a new lease takes its posts from any older one of ours
    holdings.release([p])                            # give one post back (split from its lease first if shared)
    holdings.release(None)                           # give everything back

The platform's ``DELETE /v1/claims/{lease_id}`` releases a whole lease; to give back one post of a batch, it is
claimed again alone (the platform moves a post we hold to the new lease) and that lease is released.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from moderator_app.core.models import Lease, PostId
from moderator_app.platform_api import PlatformClient


class Holdings:
    """Thread-safe bookkeeping of our leases; the calls to the platform are made outside the lock."""

    def __init__(self, client: PlatformClient) -> None:
        self._client = client
        self._leases: dict[str, Lease] = {}
        self._lock = threading.Lock()

    def add(self, lease: Lease) -> None:
        with self._lock:
            moved = set(lease.post_ids)
            for old in list(self._leases.values()):
                self._keep(replace(old, post_ids=tuple(p for p in old.post_ids if p not in moved)))
            self._leases[lease.lease_id] = lease

    def _keep(self, lease: Lease) -> None:
        if lease.post_ids:
            self._leases[lease.lease_id] = lease
        else:
            self._leases.pop(lease.lease_id, None)

    def forget(self, post_ids: Iterable[PostId]) -> None:
        """Decided posts no longer count as held (the platform frees them with the decision)."""
        gone = set(post_ids)
        with self._lock:
            for lease in list(self._leases.values()):
                self._keep(replace(lease, post_ids=tuple(p for p in lease.post_ids if p not in gone)))

    def leases(self) -> list[Lease]:
        with self._lock:
            return list(self._leases.values())

    def posts(self) -> frozenset[PostId]:
        with self._lock:
            return frozenset(p for lease in self._leases.values() for p in lease.post_ids)

    def holds(self, post_id: PostId, now: datetime) -> bool:
        with self._lock:
            return any(post_id in lease.post_ids and lease.expires_at > now for lease in self._leases.values())

    def expires_at(self) -> datetime | None:
        """The earliest expiry among the leases held (what the status bar counts down to)."""
        with self._lock:
            return min((lease.expires_at for lease in self._leases.values()), default=None)

    def release(self, post_ids: Iterable[PostId] | None) -> tuple[PostId, ...]:
        """Give posts back (``None``: all); returns the posts released. A post of a shared lease is split off."""
        wanted = None if post_ids is None else set(post_ids)
        released: list[PostId] = []
        for lease in self.leases():
            mine = set(lease.post_ids) if wanted is None else set(lease.post_ids) & wanted
            if not mine:
                continue
            if mine == set(lease.post_ids):
                self._client.release_claim(lease.lease_id)
            else:
                alone = self._client.claim(post_ids=sorted(mine)).lease
                self._client.release_claim(alone.lease_id)
            with self._lock:
                self._keep(replace(lease, post_ids=tuple(p for p in lease.post_ids if p not in mine)))
            released += sorted(mine)
        return tuple(released)

    def renew(self) -> None:
        for lease in self.leases():
            renewed = self._client.renew_claim(lease.lease_id)
            with self._lock:
                if lease.lease_id in self._leases:
                    self._leases[lease.lease_id] = replace(renewed, post_ids=self._leases[lease.lease_id].post_ids)
