"""A workstation killed (SIGKILL) while a decision waits out its undo window, and the workstation started again.

    python -m tests.services.held_crash URL FOLDER USER    # the victim: holds one decision, says so, waits

Used by tests/services/test_held_after_crash.py and tests/ui/test_held_decisions.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.outbox_journal import OutboxJournal
from moderator_app.services.platform import make_client
from moderator_app.services.policy import load_policy
from moderator_app.services.suggestion_service import SuggestionService
from moderator_app.services.workstation import WorkstationParts, WorkstationSession

REPO = Path(__file__).resolve().parents[2]


def open_workstation(url: str, folder: Path, user: str) -> WorkstationSession:
    """The workstation as a login opens it, with its audit log, journal and key in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    client = make_client(url, credentials=lambda: (user, "demo"))
    client.secrets = MemorySecretStore()
    auth = client.login(user, "demo")
    pack = load_policy()
    audit = open_audit_log(f"sqlite:///{folder / 'audit.sqlite3'}", workstation="held-test", data_dir=folder)
    suggestions = SuggestionService.build(pack, model_path=folder / "team-model.bin")
    return WorkstationSession(WorkstationParts(client, auth, audit, suggestions, pack, "held-test",
                                               OutboxJournal(folder / "outbox.sqlite3")))


def crash_inside_the_undo_window(url: str, folder: Path, user: str) -> PostId:
    """Run the victim until it holds a decision, kill -9 it; returns the post it decided."""
    victim = subprocess.Popen([sys.executable, "-m", "tests.services.held_crash", url, str(folder), user],
                              stdout=subprocess.PIPE, text=True, cwd=REPO,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    assert victim.stdout is not None
    timer = threading.Timer(120, victim.kill)  # a victim that never gets there must not hang the suite
    timer.start()
    try:
        line = victim.stdout.readline().split()
        assert line[:1] == ["held"], f"the victim did not hold a decision: {line}"
        os.kill(victim.pid, signal.SIGKILL)
        assert victim.wait(timeout=30) == -signal.SIGKILL
    finally:
        timer.cancel()
        victim.stdout.close()
    return PostId(line[1])


def main(url: str, folder: str, user: str) -> None:
    session = open_workstation(url, Path(folder), user)
    item = session.load_queue().items[0]
    decision = Decision(item.post_id, DecisionKind.REMOVE, (CategoryId("10.7"),), "", UserId(user),
                        datetime.now(UTC), uuid.uuid4().hex)
    session.hold(uuid.uuid4().hex, [decision], ())
    os.write(sys.stdout.fileno(), f"held {item.post_id}\n".encode())
    threading.Event().wait()  # inside the undo window until killed


if __name__ == "__main__":
    main(*sys.argv[1:4])
