"""A workstation process for the concurrency and kill -9 tests: appends COUNT events (0: until killed).

usage: append_worker.py URL COUNT DATA_DIR NAME    (prints "ready", waits for a line on stdin, then appends)
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.services.audit_service import open_audit_log


def main() -> None:
    url, count, data_dir, name = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    audit_log = open_audit_log(url, data_dir=data_dir, workstation=name)
    print("ready", flush=True)
    sys.stdin.readline()
    numbers = range(count) if count else itertools.count()
    for number in numbers:
        audit_log.append(AuditEvent.new(EventType.DECISION_RECORDED, actor=name, workstation=name,
                                        subject=f"post:{number}", decision_kind="remove", category="10.7",
                                        payload={"n": number}))
    audit_log.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
