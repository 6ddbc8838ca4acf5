"""The workstation's log (rotating file in the data folder, secrets masked, unhandled exceptions recorded) and
`moderator-app diagnose`, the support bundle an administrator can send."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from moderator_app import paths
from moderator_app.core import redaction
from moderator_app.launcher import main
from moderator_app.services import logs
from moderator_app.services.secrets import token_store
from moderator_app.settings import Settings
from moderator_app.settings.store import default_store

REPO = Path(__file__).resolve().parents[2]


def test_the_log_is_a_bounded_private_file_in_the_data_folder(log_file: Path) -> None:
    assert log_file == paths.data_dir() / "logs" / "moderator-workstation.log"
    assert oct(log_file.stat().st_mode & 0o777) == "0o600"
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUP_COUNT


def test_secrets_in_a_log_message_are_redacted(log_file: Path) -> None:
    token = redaction.remember("tok-Zq81nB0xW9")
    logging.getLogger("moderator_app.test").info(
        "login answered %s; retry with password=hunter2-horse, header Authorization: Bearer eyJhbGciOi.abc.def, "
        "db postgresql+psycopg://modapp:Sup3rSecret@db.example/audit", token)
    try:
        raise RuntimeError(f"refused token {token}")
    except RuntimeError:
        logging.getLogger("moderator_app.test").exception("a traceback carries secrets too")
    text = log_file.read_text(encoding="utf-8")
    for secret in (token, "hunter2-horse", "eyJhbGciOi.abc.def", "Sup3rSecret"):
        assert secret not in text, secret
    assert "login answered ***" in text and "postgresql+psycopg://modapp:***@db.example/audit" in text
    assert "RuntimeError: refused token ***" in text


def test_an_unhandled_exception_in_any_thread_lands_in_the_log(tmp_path: Path) -> None:
    code = ("import threading\n"
            "from moderator_app.services import bootstrap\n"
            "bootstrap.start_logging('cli')\n"
            "worker = threading.Thread(target=lambda: 1 / 0, name='worker-7')\n"
            "worker.start(); worker.join()\n"
            "raise LookupError('boom in main')\n")
    env = {**os.environ, "MODAPP_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 1 and "LookupError: boom in main" in result.stderr  # still shown as before
    text = (tmp_path / "data" / "logs" / "moderator-workstation.log").read_text(encoding="utf-8")
    assert "unhandled exception in thread worker-7" in text and "ZeroDivisionError" in text
    assert "CRITICAL" in text and "Traceback (most recent call last)" in text and "LookupError: boom in main" in text


def test_diagnose_writes_a_bundle_with_no_secret_in_it(memory_keyring: object, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    token = "tok-keyring-4f9a1c7e2b"
    token_store().set("platform-token https://platform.example mod1", token)  # in the keyring
    default_store().save(Settings(platform_url="https://platform.example", username="mod1",
                                  database_url="postgresql+psycopg://modapp:Db-Pa55word@127.0.0.1:1/audit"))
    monkeypatch.setenv("MODAPP_PLATFORM_URL", "https://svc:Env-Pa55word@platform.example")
    try:
        logging.getLogger("moderator_app.test").warning("delivered with %s", token)  # before diagnose starts
        log_path = logs.configure_logging(paths.data_dir())
        assert log_path is not None
        logging.getLogger("moderator_app.test").warning("an earlier line, token %s", token)
        with log_path.open("a", encoding="utf-8") as handle:  # a line some older version wrote unmasked
            handle.write("2026-01-01 00:00:00 INFO x [t] retry password=Old-Pa55word\n")
        out = tmp_path / "bundle.zip"
        assert main(["diagnose", "--out", str(out)]) == 0
    finally:
        logs.stop_logging()
    assert f"wrote {out}" in capsys.readouterr().out
    with zipfile.ZipFile(out) as bundle:
        members = {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}
    assert set(members) == {"diagnose.json", "summary.txt", "log-tail.txt"}
    everything = "\n".join(members.values())
    for secret in (token, "Db-Pa55word", "Env-Pa55word", "Old-Pa55word"):
        assert secret not in everything, secret
    report = json.loads(members["diagnose.json"])
    assert report["versions"]["moderator-app"] and report["versions"]["python"] == sys.version.split()[0]
    assert report["versions"]["os"] and report["versions"]["pyside6"]
    assert report["settings"]["effective"]["username"] == "mod1" and report["settings"]["problem"] is None
    database = report["database"]
    assert database["url"] == "postgresql+psycopg://modapp:***@127.0.0.1:1/audit"
    assert database["reachable"] is False and database["revision"] is None and database["detail"]
    assert report["keyring"]["usable"] is True and "MemoryKeyring" in report["keyring"]["backend"]
    assert report["paths"]["log_file"] == str(log_path) and report["paths"]["data_dir"] == str(paths.data_dir())
    assert "an earlier line, token ***" in members["log-tail.txt"]
    assert "started (cli)" in members["log-tail.txt"]
    assert "[database]" in members["summary.txt"] and "reachable: False" in members["summary.txt"]
    assert report["local_stores"]["outbox_journal"] == {"exists": False}


def test_diagnose_counts_what_waits_in_the_outbox_journal(tmp_path: Path) -> None:
    from moderator_app.services.diagnose import JOURNAL_COUNTS, sqlite_version
    from moderator_app.services.outbox_journal import JOURNAL_SCHEMA, OutboxJournal
    from tests.services.test_local_schemas import a_decision

    journal = OutboxJournal(tmp_path / "outbox.sqlite3")
    journal.add_many("acct", [a_decision(n) for n in range(3)])
    journal.close()
    status = sqlite_version(tmp_path / "outbox.sqlite3", JOURNAL_COUNTS)
    assert status["schema_version"] == JOURNAL_SCHEMA.version and status["rows"] == {"pending": 3}


def test_diagnose_reports_a_reachable_database_and_its_revision(tmp_path: Path) -> None:
    from moderator_app.services.diagnose import database_status

    assert main(["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'a.sqlite3'}"]) == 0
    logs.stop_logging()
    status = database_status(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    assert status["reachable"] is True and status["revision"] == status["expected_revision"]
    assert status["missing_protections"] == []


def test_diagnose_into_a_missing_folder_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main(["diagnose", "--out", str(tmp_path / "nowhere" / "b.zip")]) == 2
    finally:
        logs.stop_logging()
    err = capsys.readouterr().err
    assert err == f"moderator-app: error: --out {tmp_path / 'nowhere' / 'b.zip'}: the folder " \
                  f"{tmp_path / 'nowhere'} does not exist\n"


def test_a_warning_is_one_line_on_whatever_stderr_is_now(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("moderator_app.test").warning("the team database is down; spooling")
    logging.getLogger("moderator_app.test").info("only in the file")
    assert capsys.readouterr().err == "moderator-app: warning: the team database is down; spooling\n"
    assert "only in the file" in log_file.read_text(encoding="utf-8")
