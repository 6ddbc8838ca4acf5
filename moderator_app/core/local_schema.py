"""Schema versions for the local SQLite files (outbox journal, audit spool, demo platform): ``PRAGMA
user_version`` says which steps a file has had, and opening it applies the missing ones in order.

    JOURNAL = LocalSchema("decision journal", steps=(BASELINE_SQL, "ALTER TABLE ... ;"))
    upgrade(connection, JOURNAL, path)     # StorageError for a file newer than this workstation knows

Step 1 of every store is its original ``CREATE ... IF NOT EXISTS`` script, so a file from before versions
existed (version 0, tables already there) keeps its rows and is merely marked. A step is never edited once
released: a change is a new step appended at the end.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from moderator_app.core.errors import StorageError


@dataclass(frozen=True, slots=True)
class LocalSchema:
    what: str  # for messages: "decision journal", "audit spool", ...
    steps: tuple[str, ...]  # steps[n - 1] takes a file from version n - 1 to n; SQL statements separated by ";"

    @property
    def version(self) -> int:
        return len(self.steps)


def version_of(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def upgrade(connection: sqlite3.Connection, schema: LocalSchema, path: Path | str) -> int:
    """Apply the missing steps, each in its own transaction with the version it reaches; returns the version.

    Needs a connection in autocommit mode (``isolation_level=None``). Several processes may open the file at once:
    the version is read again under the write lock, so a step runs once."""
    found = version_of(connection)
    if found > schema.version:
        raise StorageError(
            f"the {schema.what} {path} has schema version {found}, newer than this workstation knows "
            f"({schema.version}): it was written by a newer version of Moderator Workstation. Use that version, "
            "or move the file aside (nothing in it is lost) to start an empty one")
    while found < schema.version:
        connection.execute("BEGIN IMMEDIATE")
        try:
            found = version_of(connection)
            if found < schema.version:
                for statement in filter(None, (s.strip() for s in schema.steps[found].split(";"))):
                    connection.execute(statement)
                found += 1
                connection.execute(f"PRAGMA user_version = {found}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return found
