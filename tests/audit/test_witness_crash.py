"""kill -9 of a workstation that is writing while the platform is reachable: at most the unanchored window is at
risk (≤ 50 events, plus what was appended while the last receipt was on its way), and `audit verify --witness`
states that window exactly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from audit_support import fill
from sqlalchemy import create_engine, text

from moderator_app.audit.verify import WitnessCheck
from moderator_app.audit.witness import log_identity
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.platform import make_client
from moderator_app.services.witnessing import AuditWitness

REPO = Path(__file__).resolve().parents[2]
CHILD = textwrap.dedent("""
    import sys, time
    from moderator_app.core.audit import AuditEvent, EventType
    from moderator_app.platform_api import MemorySecretStore
    from moderator_app.services.audit_service import open_audit_log
    from moderator_app.services.platform import make_client
    client = make_client(sys.argv[2]); client.secrets = MemorySecretStore(); client.login("mod1", "demo")
    log = open_audit_log(sys.argv[1], workstation="ws-crash", platform=client)
    number = 0
    while True:
        number += 1
        receipt = log.append(AuditEvent.new(EventType.DECISION_RECORDED, actor="mod1", workstation="ws-crash",
                                            subject=f"post:{number}", category="10.7", decision_kind="remove",
                                            payload={"n": number}))
        print(receipt.seq, flush=True)
        time.sleep(0.02)
""")
PACE_SLACK = 10  # events appended (20 ms apart) while the last receipt was on its way (200 ms)


def test_kill_9_loses_at_most_the_unanchored_window(platform_server: Callable[..., Any], tmp_path: Path) -> None:
    platform = platform_server(posts=5)
    url = f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, platform.url], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "MODAPP_DATA_DIR": str(tmp_path / "ws"),
             "MODAPP_CONFIG_DIR": str(tmp_path / "ws-config")})
    assert child.stdout is not None
    try:
        for line in child.stdout:
            if int(line) >= 180:
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    engine = create_engine(url)
    with engine.connect() as connection:
        on_disk = connection.execute(text("SELECT max(seq) FROM audit_event")).scalar()
    engine.dispose()
    lead = make_client(platform.url)
    lead.secrets = MemorySecretStore()
    lead.login("lead1", "demo")
    reviewer = open_audit_log(url, data_dir=tmp_path / "reviewer", for_verification=True)
    try:
        identity = log_identity(reviewer.store)
        assert identity is not None
        receipts = lead.witness_receipts(identity)
        report = reviewer.verify(witness=WitnessCheck(receipts, make_client(platform.url).platform_key()),
                                 remember=False)
    finally:
        reviewer.close()
    assert report.ok, report.problems
    anchor = report.anchor
    assert anchor is not None and anchor.witnessed_seq == max(r.seq for r in receipts) >= 130
    # everything up to the last receipt survived; what is at risk is exactly what came after it
    assert anchor.unanchored == on_disk - anchor.witnessed_seq
    assert anchor.unanchored <= 50 + PACE_SLACK
    assert f"events 1–{anchor.witnessed_seq:,} witnessed" in anchor.describe()
    assert f"{anchor.unanchored:,} event(s) after the last receipt" in anchor.describe() or anchor.unanchored == 0


def test_a_quiet_log_is_witnessed_after_the_interval(platform_server: Callable[..., Any], tmp_path: Path,
                                                     memory_keyring: object) -> None:
    """Fewer than 50 events: the 60 s timer (shortened here to 0.3 s) still gets them witnessed, with no append
    and no session end to trigger it."""
    platform = platform_server(posts=5)
    client = make_client(platform.url)
    client.secrets = MemorySecretStore()
    client.login("mod1", "demo")
    audit_log = open_audit_log(f"sqlite:///{tmp_path / 'audit.sqlite3'}", data_dir=tmp_path / "ws")
    audit_log.witness = AuditWitness(audit_log.store, client, every_seconds=0.3)
    fill(audit_log, 7)
    receipts: list[Any] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not receipts:
        receipts = platform.store.witness_receipts_all()
        time.sleep(0.05)  # another thread's HTTP request: there is no signal to wait on
    assert [r["seq"] for r in receipts] == [7]
    audit_log.close()


def test_a_platform_that_is_down_is_retried_every_10_s_not_hammered(tmp_path: Path, memory_keyring: object) -> None:
    now = [100.0]
    audit_log = open_audit_log(f"sqlite:///{tmp_path / 'audit.sqlite3'}", data_dir=tmp_path / "ws")
    calls: list[int] = []
    unreachable = make_client("http://127.0.0.1:9")  # nothing listens there
    real = unreachable.witness

    def counting(**request: Any) -> Any:
        calls.append(request["seq"])
        return real(**request)

    unreachable.witness = counting  # type: ignore[method-assign]
    witness = audit_log.witness = AuditWitness(audit_log.store, unreachable, clock=lambda: now[0], background=False)
    fill(audit_log, 60)
    assert witness._due()
    assert witness.flush() is None and calls == [60]  # refused: cannot reach the platform
    fill(audit_log, 100)  # far past the 50-event trigger ...
    assert not witness._due() and witness._wait() >= 9.9  # ... but the next try waits 10 s
    now[0] += 10.5
    assert witness._due()
    audit_log.close()
