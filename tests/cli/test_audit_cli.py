"""`moderator-app audit generate|verify` and `db upgrade`, run as a user would (subprocesses, real files)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.audit import migrate

REPO = Path(__file__).resolve().parents[2]


def generate(data_dir: Path, events: int) -> subprocess.CompletedProcess[str]:
    """A synthetic history in the workstation's own SQLite file (allowed only while it holds no real event)."""
    return cli("audit", "generate", "--synthetic", "--db", f"sqlite:///{data_dir / 'audit.sqlite3'}", "--events",
               str(events), data_dir=data_dir)


def cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "MODAPP_DATA_DIR": str(data_dir), **(env or {})},
    )


def test_generate_then_verify_on_the_default_database(tmp_path: Path) -> None:
    head = migrate.head_revision()
    assert cli("db", "upgrade", data_dir=tmp_path).stdout.endswith(f"schema upgraded from empty to {head}; "
                                                                  "protections in place\n")
    generated = generate(tmp_path, 1500)
    assert generated.returncode == 0, generated.stderr
    assert "appended 1,500 events" in generated.stdout
    assert "no OS keyring" in generated.stderr and (tmp_path / "audit-signing-key").exists()
    verified = cli("audit", "verify", data_dir=tmp_path)
    assert verified.returncode == 0 and "\nintact: 1,500 events, 2 checkpoints" in verified.stdout
    assert "no witness: only internal consistency was checked" in verified.stdout
    assert cli("db", "upgrade", data_dir=tmp_path).stdout.endswith(f"schema already at {head}\n")


def test_verify_names_the_first_bad_seq_and_exits_1(tmp_path: Path) -> None:
    assert generate(tmp_path, 300).returncode == 0
    database = sqlite3.connect(tmp_path / "audit.sqlite3", isolation_level=None)
    database.execute("DROP TRIGGER audit_event_no_delete")
    database.execute("DELETE FROM audit_event WHERE seq = 123")
    database.close()
    result = cli("audit", "verify", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "moderator-app audit: NOT intact: seq 123: missing: seq 123 is not in the log (deleted)\n"
    assert "trigger audit_event_no_delete is missing" in result.stdout


def test_env_variable_chooses_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert cli("db", "upgrade", data_dir=tmp_path, env={"MODAPP_DATABASE_URL": url}).returncode == 0
    assert (tmp_path / "team.sqlite3").exists() and not (tmp_path / "audit.sqlite3").exists()
    assert cli("audit", "generate", "--synthetic", "--db", url, "--events", "10", data_dir=tmp_path).returncode == 0
    verified = cli("audit", "verify", data_dir=tmp_path, env={"MODAPP_DATABASE_URL": url}).stdout
    assert "\nintact: 10 events" in verified


@pytest.mark.parametrize(("args", "message"), [
    (["audit", "verify", "--db", "not a url"], "not a database URL: 'not a url'"),
    (["audit", "verify", "--db", "mysql://u@h/db"], "unsupported database 'mysql'"),
    (["audit", "verify", "--db", "sqlite:////no/such/folder/a.sqlite3"], "folder for the SQLite file does not exist"),
    (["audit", "verify", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/test"], "cannot reach the audit database"),
    (["db", "upgrade", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/test"], "cannot reach the audit database"),
    (["audit", "verify"], "no audit log at"),
    (["audit", "generate", "--synthetic", "--db", "sqlite:///x", "--events", "0"], "--events must be at least 1"),
    (["audit", "generate", "--synthetic", "--db", "sqlite:///x", "--events", "many"], "invalid int value: 'many'"),
    (["audit", "generate", "--events", "10", "--db", "sqlite:///x"], "the following arguments are required: "
                                                                     "--synthetic"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = cli(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_is_bad_input(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("hello", encoding="utf-8")
    result = cli("audit", "verify", "--db", f"sqlite:///{bogus}", data_dir=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"moderator-app: error: {bogus} is not a SQLite database\n")
    assert bogus.read_text(encoding="utf-8") == "hello"


def test_verify_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    assert cli("db", "upgrade", "--db", pg_url, data_dir=tmp_path).returncode == 0
    assert cli("audit", "generate", "--synthetic", "--events", "1200", "--db", pg_url, data_dir=tmp_path
               ).returncode == 0
    result = cli("audit", "verify", "--all-signatures", "--db", pg_url, data_dir=tmp_path)
    assert result.returncode == 0 and "1,200 events" in result.stdout and "1,200 writer signatures" in result.stdout
