"""The SQLite fast path writes what the generic per-event loop writes (the one PostgreSQL uses), and a PostgreSQL
export verifies."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from moderator_app.audit.exports import bundle
from moderator_app.audit.exports.stream import write_generic
from moderator_app.audit.exports.views import Views
from moderator_app.core.audit import EventFilter
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import verify_export
from tests.exports.conftest import LEAD, Export


def generic(store: Any, proof: Any, wanted: Any, pseudonymiser: Any, files: Any, views: Any, stats: Any,
            counts: Any, progress: Any, cancel: Any) -> None:
    write_generic(store, proof, wanted, pseudonymiser, files, Views([v for v in views if v is not None]), stats,
                  counts, progress, cancel)


def csv_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows: list[dict[str, Any]] = list(csv.DictReader(handle))
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows


@pytest.mark.parametrize("wanted", [EventFilter(), EventFilter(actor="mod2", category="10.7"),
                                    EventFilter(subject="post:4711")])
def test_the_fast_path_writes_what_the_generic_loop_writes(export: Export, monkeypatch: pytest.MonkeyPatch,
                                                           wanted: EventFilter) -> None:
    fast = export(wanted, ("csv", "pdf"), name="fast")
    monkeypatch.setattr(bundle, "write_sqlite", generic)
    slow = export(wanted, ("csv", "pdf"), name="slow")
    # the slow export's range also holds the first export's own export_made event, at its end
    assert slow.matching + slow.context == fast.matching + fast.context + 1 and slow.redacted == fast.redacted
    for name in ("data/events.jsonl", "verification/context.jsonl"):
        fast_lines = [line for line in (fast.out / name).read_bytes().split(b"\n") if line]
        slow_lines = [line for line in (slow.out / name).read_bytes().split(b"\n") if line]
        assert fast_lines == slow_lines[:len(fast_lines)]
    fast_rows = csv_rows(fast.out / "data" / "events.csv")
    assert fast_rows == csv_rows(slow.out / "data" / "events.csv")[:len(fast_rows)]
    assert verify_export(fast.out).ok and verify_export(slow.out).ok


@pytest.mark.postgres
def test_a_postgresql_export_verifies(open_log: Callable[..., AuditLogService], pg_url: str, tmp_path: Path) -> None:
    from moderator_app.services.exports import ExportSpec, export_audit

    audit_log = open_log(pg_url, checkpoint_interval=200)
    audit_log.generate(700, seed=3)
    result = export_audit(audit_log, ExportSpec(EventFilter(actor="mod1"), ("csv", "xlsx"), tmp_path / "pg"), LEAD,
                          workstation="ws-test", data_dir=tmp_path / "ws")
    report = verify_export(result.out)
    assert report.ok, report.problems
    assert report.matching == result.matching > 0 and report.context > 0
