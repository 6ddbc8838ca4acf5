"""Administration of the audit database: schema upgrades and the PostgreSQL least-privilege role layout."""

from __future__ import annotations

from moderator_app.audit import migrate, protections
from moderator_app.audit.privileges import RoleReport, check_role
from moderator_app.audit.store import AuditStore
from moderator_app.audit.workstations import ACTIVE_DAYS, WorkstationVersion
from moderator_app.core.errors import CheckFailed
from moderator_app.services.audit_service import resolve_database_url


def left_behind(store: AuditStore, before: str | None) -> list[WorkstationVersion]:
    """Workstations seen recently that understand no schema newer than ``before`` (moving on would stop them)."""
    if before is None or before == migrate.head_revision():
        return []
    return [w for w in store.workstations() if w.active() and migrate.older_than_head(w.schema_head)]


def upgrade_database(database_url: str | None = None, *, force: bool = False) -> tuple[str | None, str | None, str]:
    """(revision before, revision after, the database as displayed). CheckFailed, naming them, when workstations
    connected in the last ACTIVE_DAYS days do not understand the new schema, unless ``force``."""
    store = AuditStore(resolve_database_url(database_url))
    try:
        before = store.revision()
        if before is not None and not migrate.known(before):
            raise CheckFailed(f"{store.display_url} is at schema {before}, newer than this version of the "
                              f"workstation understands ({migrate.head_revision()}): nothing to upgrade here")
        behind = [] if force else left_behind(store, before)
        if behind:
            raise CheckFailed(
                f"not upgrading {store.display_url} from schema {before} to {migrate.head_revision()}: "
                f"{len(behind)} workstation(s) connected in the last {ACTIVE_DAYS} days understand schema "
                f"{' / '.join(sorted({w.schema_head for w in behind}))} at most and would stop recording until "
                f"updated: {'; '.join(w.describe() for w in behind)}. Update them first, or use --force")
        store.upgrade()
        return before, store.revision(), store.display_url
    finally:
        store.close()


def workstation_versions(database_url: str | None = None) -> list[WorkstationVersion]:
    store = AuditStore(resolve_database_url(database_url))
    try:
        store.require_existing()
        return store.workstations()
    finally:
        store.close()


def check_app_role(database_url: str | None, role: str | None) -> RoleReport | None:
    """PostgreSQL: the rights ``role`` (PUBLIC when None) holds on the log; None for SQLite (no roles)."""
    store = AuditStore(resolve_database_url(database_url))
    try:
        if store.dialect != "postgresql":
            return None
        with store.writer.connect() as connection:
            return check_role(connection, role)
    finally:
        store.close()


def grant_app_role(database_url: str, role: str) -> None:
    """Give an existing PostgreSQL role the application's rights and no more (see docs/audit.md)."""
    store = AuditStore(database_url)
    try:
        with store.writer.begin() as connection:
            protections.grant_app_role(connection, role)
    finally:
        store.close()
