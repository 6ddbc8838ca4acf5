"""`audit verify --witness/--receipts/--trust` and `audit keys export` as a reviewer runs them (in process, real
platform, real SQLite and PostgreSQL): the report states what is anchored, names the attack's seq, and the
verification writes nothing at all."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from audit_support import OpenLog, fill, tamper
from sqlalchemy import Connection, insert, update

from moderator_app.audit.checkpoints import sign_checkpoint
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.schema import audit_checkpoint, audit_event, audit_key
from moderator_app.audit.store import AuditStore
from moderator_app.audit.witness import log_identity
from moderator_app.cli.main import run_command
from moderator_app.core.audit import utc_timestamp
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.platform import make_client


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_command(argv[0], list(argv[1:]))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def platform(platform_server: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("MODAPP_PASSWORD", "demo")
    return platform_server(posts=5)


def _url(audit_log: AuditLogService) -> str:
    return audit_log.store.url.render_as_string(hide_password=False)


def witnessed_log(url: str, open_log: OpenLog, platform: Any, events: int = 60) -> AuditLogService:
    client = make_client(platform.url)
    client.secrets = MemorySecretStore()
    client.login("mod1", "demo")
    audit_log = open_log(url, checkpoint_interval=25, platform=client)
    fill(audit_log, events)
    assert audit_log.witness is not None and audit_log.witness.flush() is not None
    return audit_log


def folder_digest(*folders: Path) -> dict[str, str]:
    seen = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            seen[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return seen


def test_witnessed_verify_states_the_anchor_and_writes_nothing(any_url: str, open_log: OpenLog, platform: Any,
                                                               capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    audit_log = witnessed_log(any_url, open_log, platform)
    fill(audit_log, 3)
    before = folder_digest(tmp_path / "data", tmp_path / "config", tmp_path / "ws")
    code, out, _err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--witness", platform.url,
                          "--user", "lead1")
    assert code == 0, out
    assert "witness: events 1–60 witnessed by the platform at " in out
    assert "3 event(s) after the last receipt, written " in out
    assert f"pinned for {platform.url}" in out  # the key the workstation pinned when it was first witnessed
    assert "\nintact: 63 events" in out
    assert folder_digest(tmp_path / "data", tmp_path / "config", tmp_path / "ws") == before
    # A moderator's login does not list receipts: one line, exit 2
    code, _out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--witness", platform.url,
                          "--user", "mod1")
    assert code == 2 and "not a lead" in err


def test_offline_receipts_name_a_deleted_tail(any_url: str, open_log: OpenLog, platform: Any,
                                              capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    audit_log = witnessed_log(any_url, open_log, platform)
    identity = log_identity(audit_log.store)
    lead = make_client(platform.url)
    lead.secrets = MemorySecretStore()
    lead.login("lead1", "demo")
    exported = tmp_path / "receipts.json"  # what the platform exported for the reviewer
    exported.write_text(json.dumps({"items": [{**r.signed(), "signature": r.signature}
                                              for r in lead.witness_receipts(identity or "")]}))
    key = base64.b64encode(make_client(platform.url).platform_key().public_key).decode()
    tamper(_url(audit_log), lambda c: c.exec_driver_sql("DELETE FROM audit_event WHERE seq > 55"))
    code, out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--receipts", str(exported),
                         "--platform-key", key)
    assert code == 1
    assert "seq 56: truncated" in err and "witnessed seq 60" in out
    code, _out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--receipts", str(exported))
    assert code == 1 and "seq 56: truncated" in err  # the key this workstation pinned serves as well
    (tmp_path / "config" / "platform-keys.json").unlink()
    code, _out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--receipts", str(exported))
    assert code == 2 and "--platform-key" in err  # a reviewer without a pin: say what is missing


def _resign(connection: Connection, key: SigningKey) -> None:
    """The database administrator's own key re-signs every event and checkpoint (registered, so it "checks out")."""
    connection.execute(insert(audit_key).values(key_id=key.key_id, public_key=key.public_key, workstation="ws-test",
                                                created_at=utc_timestamp()))
    for seq, leaf in connection.execute(audit_event.select().with_only_columns(audit_event.c.seq,
                                                                               audit_event.c.leaf_hash)).all():
        connection.execute(update(audit_event).where(audit_event.c.seq == seq).values(
            writer_key_id=key.key_id, writer_sig=key.sign(bytes(leaf))))
    for row in connection.execute(audit_checkpoint.select()).mappings().all():
        connection.execute(update(audit_checkpoint).where(
            audit_checkpoint.c.checkpoint_id == row["checkpoint_id"]).values(
            key_id=key.key_id, signature=key.sign(row["note"].encode())))


def test_a_foreign_key_resigning_the_log_is_forged_with_trust(any_url: str, open_log: OpenLog,
                                                              capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    audit_log = open_log(any_url, checkpoint_interval=25)
    fill(audit_log, 60)
    code, exported, _err = run(capsys, "audit", "keys", "export", "--workstation", "ws-test")
    record = json.loads(exported)
    assert code == 0 and record["key_id"] == audit_log.writer.key.key_id and record["workstation"] == "ws-test"
    assert set(record) == {"key_id", "public_key", "workstation", "created"}
    keys = tmp_path / "team-keys.jsonl"
    keys.write_text(exported)
    tamper(_url(audit_log), lambda c: _resign(c, SigningKey.generate()))
    code, out, _err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--all-signatures")
    assert code == 0, out  # the attack: database-only verification trusts the database's key registry
    code, out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--trust", str(keys))
    assert code == 1 and "seq 1: forged" in err and "is not a known workstation key" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**record, "key_id": "0" * 16}))
    code, _out, err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--trust", str(bad))
    assert code == 2 and "does not match its public key" in err


def test_a_checkpoint_ahead_of_the_log_is_reported_as_such(any_url: str, open_log: OpenLog, platform: Any,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A checkpoint far ahead of the log (the database now refuses one from a workstation: this one is put in as
    the owner would, or as an older release let any workstation) was reported as a truncated log. Now it is
    'ahead', naming the key, and the platform's receipts say what they can (they cannot rule out a deleted
    unanchored tail, so it stays a problem)."""
    audit_log = witnessed_log(any_url, open_log, platform, events=30)
    bogus = sign_checkpoint(audit_log.writer.key, audit_log.store.log_id, 10_000, "ab" * 32, "manual")
    tamper(_url(audit_log), lambda c: c.execute(insert(audit_checkpoint).values(AuditStore._checkpoint_row(bogus))))
    code, out, err = run(capsys, "audit", "verify", "--db", _url(audit_log))
    assert code == 1 and "seq 31: ahead" in err and "covers seq 10000" in out and "(a witness tells which)" not in out
    fill(audit_log, 5)
    assert audit_log.witness is not None and audit_log.witness.flush() is not None  # the platform saw seq 35 later
    code, out, _err = run(capsys, "audit", "verify", "--db", _url(audit_log), "--witness", platform.url,
                          "--user", "lead1")
    assert code == 1, out
    assert "seq 36: ahead" in out and f"key {audit_log.writer.key.key_id}" in out
    assert "note: checkpoint at seq 10000" in out and "signed a head that never existed" in out


def test_bad_witness_options_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    for argv, says in ((("--witness", "http://127.0.0.1:9"), "--witness needs --user"),
                       (("--user", "lead1"), "--user is for --witness"),
                       (("--receipts", "r.json", "--witness", "http://x", "--user", "a"), "not both"),
                       (("--trust", str(tmp_path / "missing.jsonl")), "--trust")):
        code, _out, err = run(capsys, "audit", "verify", "--db", url, *argv)
        assert code == 2 and says in err and len(err.strip().splitlines()) == 1, err
    assert not os.path.exists(tmp_path / "x.sqlite3")
