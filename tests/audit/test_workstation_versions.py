"""Workstations tell the audit database their version at connect; `db upgrade` will not move the schema past
what recently connected workstations understand unless forced, and names them; a workstation whose database
was moved past its version says so plainly. A newer release is stood for by one more migration folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from moderator_app import __version__
from moderator_app.audit import migrate
from moderator_app.cli.main import run_command
from moderator_app.core.errors import CheckFailed, StorageError
from moderator_app.services.audit_admin import upgrade_database, workstation_versions
from tests.audit_support import OpenLog

NEXT_RELEASE = '''"""A later release's migration.

Revision ID: 9100_next
"""
from alembic import op

revision = "9100_next"
down_revision = "{head}"


def upgrade() -> None:
    op.execute("CREATE TABLE next_release_thing (id INTEGER PRIMARY KEY)")
'''


@pytest.fixture
def next_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the next release's migration; ``monkeypatch`` it into use with ``use_next_release``."""
    versions = tmp_path / "next-release-versions"
    versions.mkdir()
    (versions / "9100_next.py").write_text(NEXT_RELEASE.replace("{head}", str(migrate.head_revision())),
                                          encoding="utf-8")
    return versions


def use_next_release(monkeypatch: pytest.MonkeyPatch, versions: Path, app_version: str = "0.2.0") -> None:
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [versions])
    monkeypatch.setattr("moderator_app.audit.writer.__version__", app_version)


def test_a_workstation_records_its_version_and_schema_when_it_connects(any_url: str, open_log: OpenLog) -> None:
    open_log(any_url, workstation="desk-07")
    [row] = workstation_versions(any_url)
    assert (row.workstation, row.app_version, row.schema_head) == ("desk-07", __version__, migrate.head_revision())
    assert row.active()


def test_upgrade_refuses_to_leave_connected_workstations_behind_unless_forced(
        sqlite_url: str, open_log: OpenLog, next_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_log(sqlite_url, workstation="desk-07").close()
    open_log(sqlite_url, workstation="desk-12").close()
    current = migrate.head_revision()
    use_next_release(monkeypatch, next_release)
    with pytest.raises(CheckFailed) as refused:
        upgrade_database(sqlite_url)
    message = str(refused.value)
    assert f"from schema {current} to 9100_next" in message and "2 workstation(s)" in message
    assert f"desk-07 (moderator-workstation {__version__}, last seen" in message and "desk-12" in message
    assert "--force" in message
    assert upgrade_database(sqlite_url, force=True)[:2] == (current, "9100_next")


def test_updated_workstations_waiting_for_the_upgrade_do_not_hold_it_back(
        sqlite_url: str, open_log: OpenLog, next_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for desk in ("desk-07", "desk-12"):
        open_log(sqlite_url, workstation=desk).close()
    use_next_release(monkeypatch, next_release)
    with pytest.raises(StorageError, match="run 'moderator-app db upgrade'"):
        open_log(sqlite_url, workstation="desk-07")  # updated before the database: waits for the upgrade
    with pytest.raises(CheckFailed) as refused:
        upgrade_database(sqlite_url)
    assert "1 workstation(s)" in str(refused.value) and "desk-12" in str(refused.value)
    assert "desk-07" not in str(refused.value)
    with pytest.raises(StorageError):
        open_log(sqlite_url, workstation="desk-12")
    assert upgrade_database(sqlite_url)[1] == "9100_next"
    assert {w.workstation: w.app_version for w in workstation_versions(sqlite_url)} == {"desk-07": "0.2.0",
                                                                                       "desk-12": "0.2.0"}


def test_a_workstation_not_seen_for_a_month_does_not_hold_the_upgrade_back(
        sqlite_url: str, open_log: OpenLog, next_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_log(sqlite_url, workstation="retired").close()
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE workstation_version SET last_seen = '2026-01-01T00:00:00+00:00'"))
    engine.dispose()
    use_next_release(monkeypatch, next_release)
    assert upgrade_database(sqlite_url)[1] == "9100_next"


def test_an_old_workstation_is_told_the_database_moved_past_its_version(
        sqlite_url: str, open_log: OpenLog, next_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_log(sqlite_url, workstation="desk-07").close()
    with monkeypatch.context() as newer:
        use_next_release(newer, next_release)
        upgrade_database(sqlite_url, force=True)
        open_log(sqlite_url, workstation="desk-01").close()  # an updated workstation connects
    with pytest.raises(StorageError) as stopped:
        open_log(sqlite_url, workstation="desk-07")
    assert str(stopped.value).endswith(
        f"was upgraded to schema 9100_next, for moderator-workstation 0.2.0, newer than this workstation "
        f"understands (moderator-workstation {__version__}, schema {migrate.head_revision()}): install the newer "
        "version before working with it")
    with pytest.raises(CheckFailed, match="newer than this version of the workstation understands"):
        upgrade_database(sqlite_url)


def test_db_upgrade_command_names_the_workstations_and_exits_1(
        sqlite_url: str, open_log: OpenLog, next_release: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    open_log(sqlite_url, workstation="desk-07").close()
    use_next_release(monkeypatch, next_release)
    assert run_command("db", ["upgrade", "--db", sqlite_url]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "desk-07" in err and "Traceback" not in err
    assert run_command("db", ["workstations", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.startswith(f"desk-07\t{__version__}\tschema ")
    assert run_command("db", ["upgrade", "--db", sqlite_url, "--force"]) == 0
    assert "schema upgraded from" in capsys.readouterr().out
