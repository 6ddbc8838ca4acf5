"""Alembic revisions are frozen history: applied one by one to an old database (SQLite and PostgreSQL) they end
at exactly the current schema, the old rows intact; and no revision reads the live schema module."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from audit_support import OpenLog, fill
from sqlalchemy import Engine, inspect

from moderator_app.audit import migrate, protections
from moderator_app.audit.database import make_engine
from moderator_app.audit.schema import metadata
from moderator_app.audit.store import AuditStore
from moderator_app.audit.verify import verify_log


def revisions_in_order() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def schema_of(engine: Engine) -> dict[str, object]:
    """Tables with their columns (name, type, nullable), primary keys, unique constraints and indexes."""
    seen = inspect(engine)
    out: dict[str, object] = {}
    for table in sorted(seen.get_table_names()):
        out[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in seen.get_columns(table)],
            "pk": seen.get_pk_constraint(table)["constrained_columns"],
            "unique": sorted((u["name"], tuple(u["column_names"])) for u in seen.get_unique_constraints(table)),
            "indexes": sorted((i["name"], tuple(i["column_names"])) for i in seen.get_indexes(table)
                              if not i["name"].startswith("sqlite_autoindex")),
        }
    return out


def test_revisions_never_import_the_live_schema() -> None:
    versions = Path(migrate.MIGRATIONS) / "versions"
    for path in [*versions.glob("*.py"), Path(migrate.MIGRATIONS) / "env.py"]:
        source = path.read_text(encoding="utf-8")
        assert "audit.schema" not in source and "create_all" not in source, path.name


def test_each_revision_in_order_turns_an_old_database_into_the_current_schema(any_url: str, open_log: OpenLog,
                                                                              tmp_path: Path) -> None:
    order = revisions_in_order()
    assert order[0] == "0001" and order[-1] == migrate.head_revision()
    engine = make_engine(any_url, writer=True)
    try:
        migrate.upgrade(engine, target=order[0])
        assert migrate.current_revision(engine) == order[0]
        for revision in order[1:]:
            migrate.upgrade(engine, target=revision)
            assert migrate.current_revision(engine) == revision
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, metadata) == [], "the migrated database differs from audit/schema.py"
            assert protections.missing(connection) == []
    finally:
        engine.dispose()


def test_upgrading_a_log_written_at_the_first_revision_keeps_every_event(any_url: str, open_log: OpenLog,
                                                                        tmp_path: Path) -> None:
    order = revisions_in_order()
    engine = make_engine(any_url, writer=True)
    try:
        migrate.upgrade(engine, target=order[0])
        # Today's writer refuses a database that is not at head: the old history is written with the revision
        # marked head for the while, as a workstation of that version wrote it.
        with engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{order[-1]}'")
    finally:
        engine.dispose()
    audit_log = open_log(any_url)
    before = audit_log.store.head()
    fill(audit_log, 30)
    audit_log.close()
    store = AuditStore(any_url)
    try:
        with store.writer.begin() as connection:
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{order[0]}'")
        store.upgrade()
        assert store.revision() == migrate.head_revision()
        assert store.head()[0] == before[0] + 30
        assert verify_log(store, None).ok
    finally:
        store.close()


def test_a_fresh_database_and_a_migrated_one_are_the_same(tmp_path: Path) -> None:
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", writer=True)
    stepped = make_engine(f"sqlite:///{tmp_path / 'stepped.sqlite3'}", writer=True)
    try:
        migrate.upgrade(fresh)
        for revision in revisions_in_order():
            migrate.upgrade(stepped, target=revision)
        assert schema_of(fresh) == schema_of(stepped)
        metadata_copy = make_engine(f"sqlite:///{tmp_path / 'metadata.sqlite3'}", writer=True)
        metadata.create_all(metadata_copy)
        assert {k: v for k, v in schema_of(fresh).items() if k != "alembic_version"} == schema_of(metadata_copy)
        metadata_copy.dispose()
    finally:
        fresh.dispose()
        stepped.dispose()
