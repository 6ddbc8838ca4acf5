"""The deciding process of test_crashes: a moderator's workstation session on a platform that runs elsewhere.

    python crash_worker.py <platform url> <folder> <todo file> [--finish]
    python crash_worker.py --zygote     # reads such argument lines on stdin, forks one deciding process each

Opens the session on the persistent audit log and outbox journal in <folder> (the background sender resumes what
a killed predecessor left), prints ``ready``, then decides the posts of <todo file> in order, skipping those the
journal already holds, and prints ``ack <post id>`` once ``decide`` returned (the moment the GUI would show the
decision as taken); after the last post it waits to be killed, or with ``--finish`` until the outbox is empty,
and then closes cleanly.

The zygote has imported everything once, so each of the 50 runs starts in milliseconds rather than seconds; it
prints ``pid <n>`` for each child and ``exit <n> <status>`` once the child is gone (killed or finished).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from support import open_workstation

from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.errors import PlatformUnavailable, RateLimited
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.services.workstation import WorkstationSession

USER = "mod1"


def say(line: str) -> None:
    """One write per line: a process killed mid-line must not leave half a line for the next one to append to."""
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def key_for(post_id: str) -> str:
    """One key per post: a decision re-made after a crash is the same request to the journal and the platform."""
    return f"crash-test-{post_id}"


def decision(post_id: str, number: int) -> Decision:
    removed = number % 2 == 0
    return Decision(PostId(post_id), DecisionKind.REMOVE if removed else DecisionKind.NO_VIOLATION,
                    (CategoryId("10.7"),) if removed else (), "", UserId(USER), datetime.now(UTC), key_for(post_id))


def open_session(url: str, folder: Path) -> WorkstationSession:
    return open_workstation(url, USER, folder, f"sqlite:///{folder / 'audit.sqlite3'}", "crash-workstation")


def journalled(session: WorkstationSession, post_id: str) -> bool:
    try:
        session.outbox.journal.by_key(key_for(post_id))
    except IndexError:
        return False
    return True


def main(argv: list[str]) -> int:
    url, folder, todo = argv[0], Path(argv[1]), Path(argv[2]).read_text().split()
    folder.mkdir(parents=True, exist_ok=True)
    session = open_session(url, folder)
    say("ready")
    for number, post_id in enumerate(todo):
        if journalled(session, post_id):
            continue
        while True:
            try:
                session.decide(decision(post_id, number), ())
                break
            except (PlatformUnavailable, RateLimited):
                time.sleep(0.1)
        say(f"ack {post_id}")
    while session.outbox.state().pending or "--finish" not in argv:  # without --finish: until killed
        time.sleep(0.05)  # polling the journal: the outbox has no completion event
    session.close()
    say("finished")
    return 0


def zygote() -> int:
    say("zygote")
    for line in sys.stdin:
        args = line.split()
        if not args:
            continue
        pid = os.fork()
        if pid == 0:  # the deciding process
            code = 1
            try:
                code = main(args)
            finally:
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(zygote() if sys.argv[1:] == ["--zygote"] else main(sys.argv[1:]))
