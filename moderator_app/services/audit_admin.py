"""Administration of the audit database: schema upgrades and the PostgreSQL least-privilege role layout."""

from __future__ import annotations

from moderator_app.audit import protections
from moderator_app.audit.privileges import RoleReport, check_role
from moderator_app.audit.store import AuditStore
from moderator_app.services.audit_service import resolve_database_url


def upgrade_database(database_url: str | None = None) -> tuple[str | None, str | None, str]:
    """(revision before, revision after, the database as displayed)."""
    store = AuditStore(resolve_database_url(database_url))
    try:
        before = store.revision()
        store.upgrade()
        return before, store.revision(), store.display_url
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
