"""The workstation_version registry: each workstation records its app version and the newest schema revision it
understands when it connects, so `db upgrade` can tell who would be left behind by a newer schema."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

ACTIVE_DAYS = 30  # a workstation not seen for this long is taken to be retired: it does not hold back upgrades

_UPSERT = text(
    "INSERT INTO workstation_version (workstation, app_version, schema_head, last_seen) "
    "VALUES (:workstation, :app_version, :schema_head, :last_seen) "
    "ON CONFLICT (workstation) DO UPDATE SET app_version = excluded.app_version, "
    "schema_head = excluded.schema_head, last_seen = excluded.last_seen")
_SELECT = text("SELECT workstation, app_version, schema_head, last_seen FROM workstation_version "
               "ORDER BY workstation")


@dataclass(frozen=True, slots=True)
class WorkstationVersion:
    workstation: str
    app_version: str
    schema_head: str
    last_seen: str  # RFC 3339, UTC

    def active(self, now: datetime | None = None) -> bool:
        try:
            seen = datetime.fromisoformat(self.last_seen)
        except ValueError:
            return True
        return (now or datetime.now(UTC)) - seen < timedelta(days=ACTIVE_DAYS)

    def describe(self) -> str:
        return f"{self.workstation} (moderator-workstation {self.app_version}, last seen {self.last_seen[:16]} UTC)"


def record(connection: Connection, workstation: str, app_version: str, schema_head: str) -> None:
    connection.execute(_UPSERT, {"workstation": workstation, "app_version": app_version, "schema_head": schema_head,
                                 "last_seen": datetime.now(UTC).isoformat(timespec="seconds")})


def listing(connection: Connection) -> list[WorkstationVersion]:
    """Every registered workstation; [] for a database from before the registry existed."""
    try:
        rows = connection.execute(_SELECT).all()
    except DBAPIError:
        return []
    return [WorkstationVersion(*row) for row in rows]
