"""The GUI demo's platform runs as a child process: it serves the demo data, and it never outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from moderator_app.core.errors import PlatformError
from moderator_app.services.demo_process import PlatformProcess


def _gone(pid: int) -> bool:
    """Exited: no such process, or a zombie nobody has reaped yet (an orphan's new parent may never reap)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except FileNotFoundError:
        return True


def _wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # polling another process's state: there is nothing to wait on
    return False


def test_the_child_platform_serves_demo_data_that_ends_now_and_stops_when_asked() -> None:
    platform = PlatformProcess(posts=40)
    try:
        url = platform.wait_ready()
        login = requests.post(f"{url}/v1/auth/login", json={"username": "mod1", "password": "demo"}, timeout=10)
        assert login.status_code == 200
        token = login.json()["access_token"]
        page = requests.get(f"{url}/v1/queue", headers={"Authorization": f"Bearer {token}"},
                            timeout=10).json()
        newest = max(datetime.fromisoformat(i["flagged_at"].replace("Z", "+00:00")) for i in page["items"])
        assert abs(datetime.now(UTC) - newest) < timedelta(hours=2)  # --shift-to-now: a live shift, not 2026-01
        child = platform._process.pid
    finally:
        platform.stop()
    assert _gone(child)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/v1/queue", timeout=5)


def test_the_child_platform_exits_when_its_parent_is_killed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = textwrap.dedent("""
        import sys
        from moderator_app.services.demo_process import PlatformProcess
        platform = PlatformProcess(posts=20)
        platform.wait_ready()
        print(platform._process.pid, flush=True)
        sys.stdin.read()
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert not _gone(child)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    parent.stdout.close()
    assert parent.stdin is not None
    parent.stdin.close()
    assert _wait_for(lambda: _gone(child)), "the demo platform outlived the workstation"


def test_a_platform_that_cannot_start_is_reported_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("moderator_app.services.demo_process.workstation_command",
                        lambda: [sys.executable, "-c", "import sys; sys.exit('no demo data here')"])
    platform = PlatformProcess(posts=5)
    with pytest.raises(PlatformError, match=r"the demo platform did not start .*no demo data here"):
        platform.wait_ready(timeout=30)
