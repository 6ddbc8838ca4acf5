"""The audit service as the GUI and CLI use it: keys, checkpoints (interval, export, shutdown, witness), the
workstation's own checkpoint copy, background verification with progress and cancel, queries."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import pytest
from audit_support import OpenLog, event, fill
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from moderator_app.audit.witness import log_identity
from moderator_app.core.audit import CancelToken, Checkpoint, EventFilter, EventType
from moderator_app.services.secrets import KEYRING_NAME, KEYRING_SERVICE, load_signing_key


class NoKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("No recommended backend was available")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("No recommended backend was available")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("No recommended backend was available")


def test_signing_key_lives_in_the_keyring(memory_keyring: object, tmp_path: Path) -> None:
    key, warning = load_signing_key(tmp_path)
    assert warning is None
    assert keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) == key.seed_text()
    assert not list(tmp_path.iterdir())  # nothing written to disk
    again, _ = load_signing_key(tmp_path)
    assert again.key_id == key.key_id


def test_without_a_keyring_the_key_is_a_private_file_with_a_warning(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        key, warning = load_signing_key(tmp_path)
        again, _ = load_signing_key(tmp_path)
    finally:
        keyring.set_keyring(previous)
    key_file = tmp_path / "audit-signing-key"
    assert warning and str(key_file) in warning and "no OS keyring" in warning
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert again.key_id == key.key_id


def test_checkpoints_every_interval_at_export_and_at_shutdown(sqlite_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url, checkpoint_interval=10)
    fill(audit_log, 23)
    export = audit_log.checkpoint("export")
    assert export is not None and export.seq == 23
    audit_log.append(event(99))
    audit_log.close()
    reasons = [(c.seq, c.reason) for c in open_log(sqlite_url).store.checkpoints()]
    assert reasons == [(10, "interval"), (20, "interval"), (23, "export"), (24, "shutdown")]


def test_witness_receives_checkpoints_and_its_receipt_is_stored(sqlite_url: str, open_log: OpenLog) -> None:
    seen: list[Checkpoint] = []

    def witness(checkpoint: Checkpoint) -> str:
        seen.append(checkpoint)
        return f"receipt-{checkpoint.seq}"

    audit_log = open_log(sqlite_url, checkpoint_interval=5, witness=witness)
    fill(audit_log, 5)
    assert [c.seq for c in seen] == [5]
    assert audit_log.store.checkpoints()[0].witness_receipt == "receipt-5"


def test_a_failing_witness_never_stops_the_log(sqlite_url: str, open_log: OpenLog) -> None:
    def witness(checkpoint: Checkpoint) -> str:
        raise ConnectionError("platform down")

    audit_log = open_log(sqlite_url, checkpoint_interval=5, witness=witness)
    fill(audit_log, 6)
    assert [c.witness_receipt for c in audit_log.store.checkpoints()] == [None]
    assert audit_log.verify().ok


def test_the_workstation_keeps_its_own_copy_of_checkpoints(sqlite_url: str, open_log: OpenLog,
                                                           tmp_path: Path) -> None:
    audit_log = open_log(sqlite_url, checkpoint_interval=4)
    fill(audit_log, 9)
    copy = audit_log.local
    path = copy.current_path()
    identity = log_identity(audit_log.store)
    assert identity is not None and identity.startswith("main:")
    # filed by the log's identity and this workstation's key id, not by the database URL
    assert path == tmp_path / "ws" / "audit-checkpoints" / identity.replace(":", "_") / \
        f"{audit_log.writer.key.key_id}.jsonl"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [c.seq for c in copy.load()[0]] == [4, 8]
    # another workstation (own data folder) remembers the newest checkpoint it verified
    other = open_log(sqlite_url, data_dir=tmp_path / "lead")
    assert other.verify().ok
    latest = other.local.latest()
    assert latest is not None and latest.seq == 8
    # a reviewer who reaches the same file by another URL still finds the copies (found by log identity)
    (tmp_path / "alias").symlink_to(Path(sqlite_url.removeprefix("sqlite:///")).parent)
    alias = f"sqlite:///{tmp_path / 'alias' / 'audit.sqlite3'}"
    reviewer = open_log(alias, data_dir=tmp_path / "ws", for_verification=True)
    assert [c.seq for c in reviewer.local.load()[0]] == [4, 8]


def test_verify_reports_progress_and_can_be_cancelled(sqlite_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url)
    audit_log.generate(20_000)
    calls: list[tuple[int, int]] = []
    report = audit_log.verify(progress=lambda done, total: calls.append((done, total)))
    assert report.ok and calls[-1] == (20_000, 20_000)
    assert len(calls) > 1 and [done for done, _ in calls] == sorted(done for done, _ in calls)

    cancel = CancelToken()

    def stop_at_once(done: int, total: int) -> None:
        cancel.cancel()

    stopped = audit_log.verify(progress=stop_at_once, cancel=cancel)
    assert stopped.cancelled and not stopped.ok and stopped.events_checked < 20_000


def test_queries_filter_on_the_indexed_fields(sqlite_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url)
    audit_log.generate(3000)
    decisions = audit_log.events(EventFilter(event_type=EventType.DECISION_RECORDED, category="10.7"), limit=5000)
    assert decisions and all(e.event_type == "decision_recorded" and e.category == "10.7" for e in decisions)
    mod2 = audit_log.events(EventFilter(actor="mod2"), limit=5000)
    assert mod2 and all(e.actor == "mod2" for e in mod2)
    page = audit_log.events(after_seq=100, limit=50)
    assert [e.seq for e in page] == list(range(101, 151))
    first = page[0]
    assert first.envelope.startswith(b'{"body":') and len(first.chain_hash) == 64
    window = audit_log.events(EventFilter(since=first.occurred_at, until=page[-1].occurred_at), limit=5000)
    assert [e.seq for e in window] == list(range(101, 150))


def test_history_has_every_event_type_and_referrals(sqlite_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url)
    audit_log.generate(6000)
    types = {e.event_type for e in audit_log.events(limit=6000)}
    # checkpoints have their own table; review requests, verdicts, closings and settlements come from review
    # quality (issue 8), a discarded decision only from a crash inside the undo window or a dismissed refusal, and a
    # release only from a moderator giving posts back by hand, not from shifts
    assert types == {t.value for t in EventType} - {"checkpoint", "review_requested", "review_recorded",
                                                     "review_closed", "review_settled", "decision_discarded",
                                                     "claim_released"}
    assert {e.actor for e in audit_log.events(limit=6000)} >= {"mod1", "mod2", "mod3", "lead1"}


@pytest.mark.parametrize("bad", [float("nan"), 12345678901234567890])
def test_an_uncanonicalisable_payload_is_refused_before_anything_is_written(sqlite_url: str, open_log: OpenLog,
                                                                            bad: object) -> None:
    from moderator_app.core.audit import AuditEvent
    from moderator_app.core.errors import UsageError

    audit_log = open_log(sqlite_url)
    with pytest.raises(UsageError, match="cannot be canonicalised"):
        audit_log.append(AuditEvent.new(EventType.LOGIN, actor="mod1", workstation="ws", payload={"x": bad}))
    assert audit_log.store.head()[0] == 0


def test_no_checkpoint_is_signed_over_tampered_events_and_the_alarm_is_raised(sqlite_url: str,
                                                                               open_log: OpenLog) -> None:
    from audit_support import tamper
    from sqlalchemy import Connection

    audit_log = open_log(sqlite_url, checkpoint_interval=10)
    fill(audit_log, 12)

    def edit(connection: Connection) -> None:
        connection.exec_driver_sql("UPDATE audit_event SET writer_sig = zeroblob(64) WHERE seq = 11")

    tamper(sqlite_url, edit)
    assert audit_log.checkpoint("export") is None
    assert audit_log.alarm is not None and "seq 11 does not check out" in audit_log.alarm
    assert [c.seq for c in audit_log.store.checkpoints()] == [10]


def test_a_checkpoint_behind_another_workstations_later_one_is_still_signed(sqlite_url: str,
                                                                             open_log: OpenLog, tmp_path: Path) -> None:
    first = open_log(sqlite_url, checkpoint_interval=1000)
    fill(first, 7)
    second = open_log(sqlite_url, data_dir=tmp_path / "ws2")
    fill(second, 3)
    assert second.checkpoint("export") is not None  # at seq 10
    late = first.writer.checkpoint("interval", at_seq=5)  # first signs seq 5 after second signed seq 10
    assert late is not None and late.seq == 5 and first.alarm is None
    assert first.verify().ok


def test_a_checkpoint_checks_the_older_interval_too_when_its_checkpoint_never_came(sqlite_url: str,
                                                                                    open_log: OpenLog,
                                                                                    tmp_path: Path) -> None:
    from audit_support import tamper
    from sqlalchemy import Connection

    fill(open_log(sqlite_url, checkpoint_interval=1000), 20)  # the workstation that appended seq 10 signed nothing
    checker = open_log(sqlite_url, checkpoint_interval=10, data_dir=tmp_path / "ws2")

    def edit(connection: Connection) -> None:
        connection.exec_driver_sql("UPDATE audit_event SET writer_sig = zeroblob(64) WHERE seq = 5")

    tamper(sqlite_url, edit)
    assert checker.writer.checkpoint("interval", at_seq=20) is None
    assert checker.alarm is not None and "seq 5 does not check out" in checker.alarm
    assert checker.store.checkpoints() == []


def test_a_checkpoint_joins_the_previous_one_that_lands_while_it_checks(sqlite_url: str, open_log: OpenLog,
                                                                         tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Under load the previous interval's checkpoint is still being made when the next one starts: the newest
    interval is checked first, and once the previous checkpoint is there the older events are not checked again."""
    from moderator_app.audit.keys import PublicKeys

    first = open_log(sqlite_url, checkpoint_interval=1000)
    fill(first, 20)
    checker = open_log(sqlite_url, checkpoint_interval=10, data_dir=tmp_path / "ws2")
    checked: list[bytes] = []
    real_verify, real_iter = PublicKeys.verify, checker.store.iter_events

    def counting_verify(self: PublicKeys, key_id: str, signature: bytes, data: bytes) -> bool:
        checked.append(data)
        return real_verify(self, key_id, signature, data)

    def events_while_the_other_signs(start: int = 1, end: int | None = None, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if not first.store.checkpoints():
            assert first.writer.checkpoint("interval", at_seq=10) is not None  # its own events: no verifying
        return real_iter(start, end, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PublicKeys, "verify", counting_verify)
    monkeypatch.setattr(checker.store, "iter_events", events_while_the_other_signs)
    made = checker.writer.checkpoint("interval", at_seq=20)
    assert made is not None and checker.alarm is None
    assert len(checked) == 10  # seq 11..20 only
    assert [c.seq for c in checker.store.checkpoints()] == [10, 20]
    assert checker.verify(all_signatures=True).ok


def test_background_check_of_new_events_only(sqlite_url: str, open_log: OpenLog) -> None:
    from audit_support import tamper
    from sqlalchemy import Connection

    audit_log = open_log(sqlite_url, checkpoint_interval=10)
    fill(audit_log, 25)
    assert audit_log.verify().ok  # the workstation now holds checkpoint 20 in its own copy
    fill(audit_log, 4)
    quick = audit_log.verify(new_only=True)
    assert quick.ok and quick.events_checked == 9  # seq 21..29, chained on from checkpoint 20

    def edit_new(connection: Connection) -> None:
        connection.exec_driver_sql("UPDATE audit_event SET envelope = CAST('{}' AS BLOB) WHERE seq = 27")

    tamper(sqlite_url, edit_new)
    problem = audit_log.verify(new_only=True).first_problem
    assert problem is not None and (problem.kind.value, problem.seq) == ("altered", 27)


def test_background_check_falls_back_to_everything_after_a_rollback(sqlite_url: str, open_log: OpenLog) -> None:
    from audit_support import tamper
    from sqlalchemy import Connection

    audit_log = open_log(sqlite_url, checkpoint_interval=10)
    fill(audit_log, 25)

    def rewind(connection: Connection) -> None:
        chain = connection.exec_driver_sql("SELECT chain_hash FROM audit_event WHERE seq = 15").scalar()
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq > 15")
        connection.exec_driver_sql("DELETE FROM audit_checkpoint WHERE seq > 15")
        connection.exec_driver_sql("UPDATE audit_head SET seq = 15, chain_hash = ?", (chain,))

    tamper(sqlite_url, rewind)
    problem = audit_log.verify(new_only=True).first_problem
    assert problem is not None and (problem.kind.value, problem.seq) == ("rollback", 16)
