"""A small real audit log (SQLite) with synthetic history plus events that stress the export formats."""

from __future__ import annotations

import base64
import csv
import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import pytest

from moderator_app.audit.exports import views
from moderator_app.audit.synthetic import synthetic_events
from moderator_app.core.audit import AuditEvent, EventFilter, EventType
from moderator_app.core.models import Role, User, UserId
from moderator_app.services import review_quality
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import ExportResult, ExportSpec, export_audit
from moderator_app.services.lead_console import LeadConsole

AUTHOR_ID = "1234567890123456789"
AUTHOR_NAME = "王小明"
FORMULA = "=cmd|' /C calc'!A0"
LEAD = User(UserId("lead1"), "Lead", frozenset({Role.LEAD, Role.MODERATOR}))
MODERATOR = User(UserId("mod9"), "Moderator", frozenset({Role.MODERATOR}))


@pytest.fixture
def audit_log(open_log: Callable[..., AuditLogService], sqlite_url: str) -> Iterator[AuditLogService]:
    log = open_log(sqlite_url, checkpoint_interval=1000)
    log.generate(2500, seed=7)
    log.append(AuditEvent.new(EventType.DECISION_RECORDED, actor="mod2", workstation="ws-test",
                              subject="post:4711", category="10.7", decision_kind="remove",
                              payload={"note": FORMULA, "author_id": AUTHOR_ID, "author_name": AUTHOR_NAME,
                                       "text": "谣言：某地发生地震"}))
    log.append(AuditEvent.new(EventType.REFERRAL_CREATED, actor="mod1", workstation="ws-test",
                              subject=f"user:{AUTHOR_ID}", category="10.5", payload={"reason": "涉嫌诈骗"}))
    # more of the same history after the real events (appended as real ones: generate refuses a log holding any)
    log.append_many(list(islice(synthetic_events(300, seed=8, after_seq=log.store.head()[0]), 300)))
    yield log
    log.close()
    gc.collect()  # leave no cycles for a later test's garbage collection to pause the GUI thread on


Export = Callable[..., ExportResult]


def read_csv(path: Path, language: str = "en") -> list[dict[str, str]]:
    """A CSV view's rows by column id (the header row, in the export's language, checked first)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    assert tuple(header) == views.HEADERS[language]
    return [dict(zip(views.COLUMNS, row, strict=True)) for row in rows]


@pytest.fixture
def export(audit_log: AuditLogService, tmp_path: Path) -> Export:
    def _export(wanted: EventFilter | None = None, formats: tuple[str, ...] = ("csv",), *, name: str = "bundle",
                user: User = LEAD, include_pii: bool = False, language: str = "en", **options: object) -> ExportResult:
        spec = ExportSpec(wanted or EventFilter(), formats, tmp_path / name, include_pii, language)
        return export_audit(audit_log, spec, user, workstation="ws-test", data_dir=tmp_path / "ws",
                            **options)  # type: ignore[arg-type]
    return _export


def disagreeing_reviews(console: LeadConsole, audit_log: AuditLogService, share: float) -> None:
    """Sample ``share`` of the decisions and have every reviewer answer "no violation, 9.9": mostly disagreements."""
    console.sample_for_review(share)
    for reviewer in ("mod1", "mod2", "mod3"):
        user = User(UserId(reviewer), reviewer, frozenset({Role.MODERATOR}))
        for task in console.pending_reviews(reviewer):
            review_quality.record_review(audit_log, task, user, "no_violation", ["9.9"], workstation="ws-2")


def resign(folder: Path, audit_log: AuditLogService) -> None:
    """What a dishonest exporter holding the workstation key can do: rewrite the manifest's hashes and re-sign."""
    manifest = json.loads((folder / "manifest.json").read_bytes())
    manifest["files"] = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in manifest["files"]}
    data = (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    (folder / "manifest.json").write_bytes(data)
    (folder / "manifest.sig").write_text(base64.b64encode(audit_log.writer.key.sign(data)).decode() + "\n")
