"""Programmatic Alembic: ``upgrade(engine)`` brings the audit schema to head; used by `db upgrade` and on open."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# PostgreSQL: several workstations may start at once; one migrates, the others wait (key: "audit" in ASCII).
MIGRATION_LOCK = 0x6175646974
# Further migration folders every default config includes: tests stand for a newer release with them.
EXTRA_VERSION_LOCATIONS: list[Path] = []


def alembic_config(extra_version_locations: list[Path] | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    locations = [MIGRATIONS / "versions", *EXTRA_VERSION_LOCATIONS, *(extra_version_locations or [])]
    config.set_main_option("version_locations", " ".join(str(p) for p in locations))
    config.set_main_option("path_separator", "space")
    return config


def head_revision(config: Config | None = None) -> str | None:
    return ScriptDirectory.from_config(config or alembic_config()).get_current_head()


def known(revision: str, config: Config | None = None) -> bool:
    """Whether this release's migrations include ``revision`` (a newer release's revision is unknown here)."""
    script = ScriptDirectory.from_config(config or alembic_config())
    return any(r.revision == revision for r in script.walk_revisions())


def older_than_head(revision: str, config: Config | None = None) -> bool:
    """Whether ``revision`` is one of this release's, before its head: a schema this release would move past."""
    script = ScriptDirectory.from_config(config or alembic_config())
    head = script.get_current_head()
    return revision != head and any(r.revision == revision for r in script.iterate_revisions(head, "base"))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, config: Config | None = None, target: str = "head") -> None:
    """Apply the revisions up to ``target`` (tests stop at an older one to build an old database)."""
    config = config or alembic_config()
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            connection.commit()
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            connection.commit()
        finally:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
                connection.commit()
