"""`moderator-app decide --from-csv` as a lead runs it: a real subprocess against the platform on loopback."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.models import Role, User, UserId
from moderator_app.platform_api import HttpOptions, PlatformClient
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.lead_console import LeadConsole
from tests.exports.conftest import read_csv

REPO = Path(__file__).resolve().parents[2]
LEAD = {"id": "lead1", "display_name": "lead1", "roles": ["moderator", "lead"]}
ROWS = (
    ("remove", "10.7", "赌博广告", "", ""),
    ("no_violation", "", "误报", "", ""),
    ("restrict_author", "10.8", "辱骂他人", "30", ""),
    ("rumour_label", "10.6", "不实信息", "", "https://piyao.example/notice"),
)


def decide_argv(url: str, csv_path: Path, *extra: str) -> list[str]:
    return [sys.executable, str(REPO / "main.py"), "decide", "--from-csv", str(csv_path), "--platform", url,
            "--user", "lead1", "--retry-delay", "0.001", "--max-wait", "0.01", *extra]


def env() -> dict[str, str]:
    return {**os.environ, "MODAPP_PASSWORD": "demo"}


def queue_ids(server: Any, n: int) -> list[str]:
    items, _next = server.store.queue_page(LEAD, limit=n, after=0, reason=None, category=None)
    return [item["post"]["post_id"] for item in items]


def write_csv(path: Path, post_ids: list[str]) -> dict[str, str]:
    kinds = {}
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["post_id", "kind", "categories", "note", "restriction_days", "refutation"])
        for n, post_id in enumerate(post_ids):
            row = ROWS[n % len(ROWS)]
            writer.writerow([post_id, *row])
            kinds[post_id] = row[0]
    return kinds


def applied_decisions(url: str) -> list[dict[str, str]]:
    """Through GET /v1/decisions, as the platform reports them (the client rides out the injected faults)."""
    api = PlatformClient(url, options=HttpOptions(retries=12, backoff_factor=0.001, retry_after_cap=0.01))
    api.login("lead1", "demo")
    found, since = [], 0
    while True:
        page = api.decisions(since=since, limit=1000)
        if not page.items:
            return found
        found += [{"post_id": d.post_id, "kind": d.kind.value} for d in page.items]
        since = page.next_since


def test_a_bad_csv_is_reported_row_by_row_and_nothing_is_sent(platform_server: Callable[..., Any],
                                                              tmp_path: Path) -> None:
    server = platform_server()
    good = queue_ids(server, 2)
    path = tmp_path / "bad.csv"
    path.write_text(f"post_id,kind,categories,note\n{good[0]},remove,10.7,ok\n{good[1]},delete,10.7,x\n"
                    ",remove,10.7,x\n", encoding="utf-8")
    result = subprocess.run(decide_argv(server.url, path), capture_output=True, text=True, env=env(), timeout=60,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{path}:3: column kind: unknown decision kind 'delete' (known: no_violation, remove, restrict_author, "
        "rumour_label, escalate)",
        f"{path}:4: column post_id: not a post id: ''",
        f"moderator-app: error: 2 bad rows in {path}; nothing was sent",
    ]
    assert server.store.decisions(since=0, limit=10) == ([], 0)


def decide(url: str, csv_path: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = {"MODAPP_DATA_DIR": str(data_dir)} if data_dir else {}
    return subprocess.run(decide_argv(url, csv_path), capture_output=True, text=True, env={**env(), **extra},
                          timeout=120, check=False)


def main_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True, env=env(),
                          timeout=120, check=False)


def test_bulk_decisions_are_audited_verified_shown_and_exported_and_a_rerun_anywhere_is_already_applied(
        platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server()
    post_ids = queue_ids(server, 12)
    path = tmp_path / "d.csv"
    kinds = write_csv(path, post_ids)
    first = decide(server.url, path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("12 rows: 12 delivered now, 0 already applied, 0 failed")

    data = Path(os.environ["MODAPP_DATA_DIR"])  # the workstation's folder: its audit log and outbox journal
    audit = open_audit_log(f"sqlite:///{data / 'audit.sqlite3'}", for_verification=True, data_dir=data)
    try:
        lead = User(UserId("lead1"), "lead1", frozenset({Role.LEAD}))
        viewer = LeadConsole(audit, lead, workstation="test")
        recorded = viewer.page(EventFilter(event_type=EventType.DECISION_RECORDED))
        delivered = viewer.page(EventFilter(event_type=EventType.DECISION_DELIVERED))
    finally:
        audit.store.close()
    assert sorted((e.subject, e.decision_kind, e.actor) for e in recorded) == sorted(
        (f"post:{p}", kinds[p], "lead1") for p in post_ids)
    assert sorted(e.subject or "" for e in delivered) == sorted(f"post:{p}" for p in post_ids)
    verified = main_cli("audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert any(line.startswith("intact:") for line in verified.stdout.splitlines()), verified.stdout
    out = tmp_path / "export"
    exported = main_cli("audit", "export", "--type", "decision_recorded", "--format", "csv", "--out", str(out),
                        "--platform", server.url, "--user", "lead1")
    assert exported.returncode == 0, exported.stderr
    rows = read_csv(out / "data" / "events.csv", "zh")  # Chinese headers by default
    assert sorted(r["subject"] for r in rows) == sorted(f"post:{p}" for p in post_ids)
    notes = {row[2] for row in ROWS}
    assert {r["note"] for r in rows} == notes  # each decision's note in a column of its own

    for journal in data.glob("outbox.sqlite3*"):  # the journal is lost: the platform still knows
        journal.unlink()
    rerun = decide(server.url, path)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith("12 rows: 0 delivered now, 12 already applied, 0 failed")
    elsewhere = decide(server.url, path, data_dir=tmp_path / "other-workstation")
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert elsewhere.stdout.startswith("12 rows: 0 delivered now, 12 already applied, 0 failed")
    assert len(applied_decisions(server.url)) == 12
    audit = open_audit_log(f"sqlite:///{data / 'audit.sqlite3'}", for_verification=True, data_dir=data)
    try:  # recorded and acknowledged once each in this log, however often the file ran
        assert len(audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=100)) == 12
        assert len(audit.events(EventFilter(event_type=EventType.DECISION_DELIVERED), limit=100)) == 12
    finally:
        audit.store.close()


def test_a_moderator_cannot_bulk_decide(platform_server: Callable[..., Any], tmp_path: Path) -> None:
    server = platform_server()
    path = tmp_path / "d.csv"
    write_csv(path, queue_ids(server, 1))
    argv = [a if a != "lead1" else "mod1" for a in decide_argv(server.url, path)]
    result = subprocess.run(argv, capture_output=True, text=True, env=env(), timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("mod1 is not a lead; bulk decisions need the lead role")


@pytest.mark.slow
def test_2000_decisions_under_faults_and_kill_9_are_applied_exactly_once(
    platform_server: Callable[..., Any], tmp_path: Path
) -> None:
    server = platform_server(posts=2400, faults="error=0.3,drop=0.1,429=0.05")
    post_ids = queue_ids(server, 2000)
    path = tmp_path / "decisions.csv"
    kinds = write_csv(path, post_ids)

    first = subprocess.Popen(decide_argv(server.url, path), env=env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(server.store.decisions(since=0, limit=5000)[0]) < 300:
        assert first.poll() is None and time.monotonic() < deadline, "decide stopped or stalled before the kill"
        time.sleep(0.02)  # polling the platform's state; there is nothing to wait on
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    applied_at_kill = len(server.store.decisions(since=0, limit=5000)[0])
    assert 300 <= applied_at_kill < 2000

    rerun = subprocess.run(decide_argv(server.url, path), capture_output=True, text=True, env=env(), timeout=300,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "0 failed" in rerun.stdout

    applied = applied_decisions(server.url)
    assert len(applied) == 2000
    assert sorted(d["post_id"] for d in applied) == sorted(post_ids)  # each post once, none twice
    assert all(kinds[d["post_id"]] == d["kind"] for d in applied)

    third = subprocess.run(decide_argv(server.url, path), capture_output=True, text=True, env=env(), timeout=120,
                           check=False)
    assert third.returncode == 0 and third.stdout.startswith("2000 rows: 0 delivered now, 2000 already applied, "
                                                             "0 failed")
    assert len(applied_decisions(server.url)) == 2000


def test_a_bad_in_flight_count_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    write_csv(path, ["1"])
    result = subprocess.run([*decide_argv("http://127.0.0.1:9", path), "--in-flight", "0"], capture_output=True,
                            text=True, env=env(), timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr == "moderator-app: error: --in-flight must be between 1 and 16, not 0\n"
