"""Several workstation processes append at once: seq 1..N with no gap and no fork, and a kill -9 mid-append never
leaves a broken chain."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from audit_support import OpenLog

WORKER = Path(__file__).resolve().parent / "append_worker.py"


def start_workers(url: str, processes: int, count: int, tmp_path: Path) -> list[subprocess.Popen[str]]:
    workers = [subprocess.Popen([sys.executable, str(WORKER), url, str(count), str(tmp_path / f"ws{n}"), f"ws{n}"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(processes)]
    for worker in workers:  # all connected and ready before any appends: maximum contention
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n", worker.stderr
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return workers


def run_concurrently(url: str, processes: int, count: int, tmp_path: Path) -> None:
    workers = start_workers(url, processes, count, tmp_path)
    for worker in workers:
        _out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err


def assert_gap_free(open_log: OpenLog, url: str, expected: int) -> None:
    audit_log = open_log(url)
    report = audit_log.verify(all_signatures=True)
    assert report.ok, report.problems
    assert report.events_checked == report.head_seq == expected
    assert [e.seq for e in audit_log.events(limit=expected + 10)] == list(range(1, expected + 1))


@pytest.mark.slow
def test_eight_processes_on_postgresql(pg_url: str, tmp_path: Path, open_log: OpenLog) -> None:
    open_log(pg_url).store.upgrade()
    run_concurrently(pg_url, 8, 500, tmp_path)
    assert_gap_free(open_log, pg_url, 4000)
    assert {1000, 2000, 3000, 4000} <= {c.seq for c in open_log(pg_url).store.checkpoints()}


@pytest.mark.slow
def test_four_processes_on_one_sqlite_file(sqlite_url: str, tmp_path: Path, open_log: OpenLog) -> None:
    open_log(sqlite_url).store.upgrade()
    run_concurrently(sqlite_url, 4, 500, tmp_path)
    assert_gap_free(open_log, sqlite_url, 2000)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_minus_nine_mid_append_leaves_an_intact_chain(backend: str, tmp_path: Path, open_log: OpenLog,
                                                           request: pytest.FixtureRequest) -> None:
    url = str(request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url"))
    audit_log = open_log(url)
    audit_log.store.upgrade()
    for round_number in range(3):
        workers = start_workers(url, 2, 0, tmp_path / f"round{round_number}")
        target = audit_log.store.head()[0] + 150
        deadline = time.monotonic() + 60
        while audit_log.store.head()[0] < target:  # let them get well into appending, then pull the plug
            assert time.monotonic() < deadline, "workers did not append"
        for worker in workers:
            os.kill(worker.pid, signal.SIGKILL)
            worker.communicate(timeout=30)  # reaps it and closes its pipes
        report = audit_log.verify(all_signatures=True)
        assert report.ok, report.problems
        assert report.events_checked == report.head_seq >= target
    receipt = audit_log.append(__import__("audit_support").event(1))
    assert receipt.seq == audit_log.store.head()[0]
    assert audit_log.verify().ok


def test_verification_while_other_workstations_append_sees_no_false_alarm(pg_url: str, tmp_path: Path,
                                                                           open_log: OpenLog) -> None:
    audit_log = open_log(pg_url)
    audit_log.store.upgrade()
    workers = start_workers(pg_url, 2, 0, tmp_path)
    try:
        checked = []
        while len(checked) < 5 or checked[-1] < 300:
            report = audit_log.verify()
            assert report.ok, report.problems
            checked.append(report.events_checked)
        assert checked[-1] > checked[0]  # the log grew while it was being verified
    finally:
        for worker in workers:
            os.kill(worker.pid, signal.SIGKILL)
            worker.communicate(timeout=30)
