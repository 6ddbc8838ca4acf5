"""The real window, the real demo platform over loopback, a real audit log: decided by key presses."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.services.bootstrap import open_session
from moderator_app.services.demo import DemoWorkstation, start_demo
from moderator_app.services.platform import make_client
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from tests.ui.conftest import activate

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_window(qtbot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[MainWindow, DemoWorkstation]]:
    faults = getattr(request, "param", None)
    demo = start_demo("mod1", data_dir=tmp_path, posts=400, faults=faults)
    window = MainWindow(Settings(undo_seconds=0), demo.session.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(demo.session)
    qtbot.waitUntil(lambda: window.post_pane.item is not None, timeout=20_000)
    yield window, demo
    window.close()
    demo.close()


IDLE_FRAMES = {"exec", "waitUntil", "wait"}  # the GUI thread waiting for events: pytest-qt's loop or Qt's


@dataclass
class Stall:
    at: float  # seconds into the test
    wall_ms: float
    cpu_ms: float  # the GUI thread's own CPU time during the stall
    held_at: str  # the one line outside the event loop where the GUI thread stood for 4+ samples (80 ms), if any
    where: str

    @property
    def blocked(self) -> bool:
        """The GUI thread was kept busy (CPU) or held at one place outside its event loop (a wait, a lock).
        A stall with neither is the machine not scheduling the process, which no code of ours can cause."""
        return self.cpu_ms > 100 or bool(self.held_at)


class MainThreadWatch:
    """Heartbeat on the GUI thread every 10 ms; a watcher thread samples where the GUI thread is when it is late."""

    def __init__(self) -> None:
        self.main = threading.get_ident()
        self.started = time.monotonic()
        self.last = (time.monotonic(), time.thread_time())
        self.stalls: list[Stall] = []
        self._samples: list[tuple[bool, str]] = []
        self._stop = threading.Event()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)
        self._timer.start()
        threading.Thread(target=self._watch, daemon=True).start()

    def _beat(self) -> None:
        now, cpu = time.monotonic(), time.thread_time()
        wall_ms, cpu_ms = (now - self.last[0]) * 1000, (cpu - self.last[1]) * 1000
        if wall_ms > 100:
            samples, self._samples = self._samples, []
            busy = Counter(where for idle, where in samples if not idle).most_common(1)
            held_at = busy[0][0] if busy and busy[0][1] >= 4 else ""
            self.stalls.append(Stall(now - self.started, wall_ms, cpu_ms, held_at,
                                     " | ".join(where for _, where in samples[:2])))
        self._samples = []
        self.last = (now, cpu)

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            if time.monotonic() - self.last[0] > 0.05:
                frame = sys._current_frames().get(self.main)
                stack = traceback.extract_stack(frame, limit=5) if frame else []
                innermost = stack[-1].name if stack else "?"
                self._samples.append((innermost in IDLE_FRAMES,
                                      " <- ".join(f"{f.name}:{f.lineno}" for f in reversed(stack))))

    def stop(self) -> list[Stall]:
        self._stop.set()
        self._timer.stop()
        return self.stalls


def decide_by_keys(qtbot, window: MainWindow, count: int) -> list[str]:
    decided = []
    for n in range(count):
        qtbot.waitUntil(lambda: window.post_pane.item is not None, timeout=20_000)
        decided.append(window.post_pane.item.post_id)
        if n % 2:
            qtbot.keyClick(window, "A")  # no violation
        else:
            qtbot.keyClick(window, "7")
            qtbot.keyClick(window, "D")  # remove, citing 10.7
        assert window.post_pane.item is None or window.post_pane.item.post_id != decided[-1]
    return decided


def test_twenty_decisions_reach_the_platform_and_the_audit_log(qtbot, demo_window) -> None:
    window, demo = demo_window
    decided = decide_by_keys(qtbot, window, 20)
    session = demo.session
    qtbot.waitUntil(lambda: window.runner.pending == 0 and session.outbox.state().pending == 0, timeout=30_000)
    assert session.outbox.state().failed == ()

    lead = make_client(demo.server.url)
    lead.login("lead1", "demo")
    on_platform = {d.post_id: d for d in lead.decisions(limit=500).items}
    assert set(on_platform) == set(decided)
    assert [on_platform[p].kind.value for p in decided] == ["remove", "no_violation"] * 10
    assert all(on_platform[p].categories == ("10.7",) for p in decided[::2])

    recorded = session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED), limit=100)
    delivered = session.audit.events(EventFilter(event_type=EventType.DECISION_DELIVERED), limit=100)
    assert sorted(e.subject for e in recorded) == sorted(f"post:{p}" for p in decided)
    assert len(delivered) == 20
    report = session.audit.verify()
    assert report.ok, report.problems


@pytest.fixture
def slow_platform_window(qtbot, isolated_dirs: Path) -> Iterator[MainWindow]:
    """A platform in its own process, as a real one is, answering every request 2 s late."""
    server = subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), "demo-platform", "--port", "0", "--posts", "400",
         "--faults", "latency=2000ms"], stderr=subprocess.PIPE, text=True,
    )
    try:
        line = server.stderr.readline() if server.stderr else ""
        url = re.search(r"on (http://\S+) ", line)
        assert url, line
        session = open_session(Settings(), url.group(1), "mod1", "demo", remember=False)
        window = MainWindow(Settings(undo_seconds=0), session.pack)
        qtbot.addWidget(window)
        window.show()
        activate(qtbot, window)
        window.attach(session)
        qtbot.waitUntil(lambda: window.post_pane.item is not None, timeout=30_000)
        yield window
        window.close()
        session.close()
    finally:
        server.terminate()
        server.wait(10)
        if server.stderr:
            server.stderr.close()


def test_gui_thread_never_blocks_under_two_second_latency(qtbot, slow_platform_window: MainWindow) -> None:
    window = slow_platform_window
    watch = MainThreadWatch()
    decided = decide_by_keys(qtbot, window, 4)
    window.controller.load_queue()  # a refresh over the slow network as well
    # Wait on what the status bar polls off the GUI thread; querying here would itself block this thread.
    status = window.status
    qtbot.waitUntil(lambda: status.last is not None and status.last.decisions_today == 4
                    and status.last.outbox_pending == 0, timeout=60_000)
    stalls = watch.stop()
    assert time.monotonic() - watch.started > 2, "the injected latency was in effect"
    assert len(decided) == 4
    blocked = [s for s in stalls if s.blocked]
    assert not blocked, f"the GUI thread was blocked for more than 100 ms: {blocked}"
    print(f"stalls over 100 ms, all from the machine not scheduling the process: {stalls}")


def test_a_tampered_audit_log_raises_the_alarm_in_the_status_bar(qtbot, demo_window) -> None:
    from sqlalchemy import text

    from tests.audit_support import tamper

    window, demo = demo_window
    decide_by_keys(qtbot, window, 3)
    status = window.status
    qtbot.waitUntil(lambda: status.last is not None and status.last.decisions_today == 3, timeout=30_000)
    window.status.check_audit()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert not status.alarm.isVisibleTo(window), "an intact log raises no alarm"
    url = f"sqlite:///{demo.folder / 'audit.sqlite3'}"
    tamper(url, lambda db: db.execute(text(
        "UPDATE audit_event SET envelope = replace(envelope, 'remove', 'no_violation') "
        "WHERE seq = (SELECT max(seq) FROM audit_event WHERE event_type = 'decision_recorded')")))
    window.status.check_audit()
    qtbot.waitUntil(lambda: status.alarm.isVisibleTo(window), timeout=10_000)
    assert "Audit log check failed" in status.alarm.text()
