"""Platform API over loopback: queue page latency, and decisions per second through the durable outbox (alone, and
as the workstation runs it: audited, with and without the platform witnessing the audit log)."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.harness import Row, median, p95
from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.demo_platform import start_in_thread
from moderator_app.platform_api import HttpOptions, PlatformClient
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.outbox import Outbox, RetryPolicy, account_key, new_idempotency_key
from moderator_app.services.outbox_journal import OutboxEntry, OutboxJournal

PAGES = 200
DECISIONS = 1000


def _client(url: str) -> PlatformClient:
    api = PlatformClient(url, options=HttpOptions(retries=12, backoff_factor=0.001, retry_after_cap=0.01))
    api.login("lead1", "demo")
    return api


def _all_ids(api: PlatformClient) -> list[PostId]:
    ids: list[PostId] = []
    cursor = None
    while True:
        page = api.queue_page(limit=200, cursor=cursor)
        ids += [i.post_id for i in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids


def _decisions(ids: list[PostId]) -> list[Decision]:
    now = datetime.now(UTC)
    return [Decision(p, DecisionKind.REMOVE, (CategoryId("10.7"),), "", UserId("lead1"), now, new_idempotency_key())
            for p in ids]


def _queue_latency(api: PlatformClient) -> list[float]:
    samples, cursor = [], None
    for _ in range(PAGES):
        started = time.perf_counter()
        page = api.queue_page(limit=50, cursor=cursor)
        samples.append((time.perf_counter() - started) * 1000)
        cursor = page.next_cursor
    return samples


def _through_outbox(url: str, folder: Path, name: str) -> tuple[float, list[float]]:
    api = _client(url)
    ids = _all_ids(api)[:DECISIONS]
    outbox = Outbox(api, account_key(url, "lead1"), journal=OutboxJournal(folder / f"{name}.sqlite3"),
                    retry=RetryPolicy(initial_delay=0.001, max_delay=0.01))
    record_ms = []
    started = time.perf_counter()
    for made in _decisions(ids):
        before = time.perf_counter()
        outbox.record(made)  # one durable commit each, as the GUI records them
        record_ms.append((time.perf_counter() - before) * 1000)
    report = outbox.deliver_pending()
    rate = len(report.delivered) / (time.perf_counter() - started)
    outbox.close()
    return rate, record_ms


def _audited_through_outbox(folder: Path, name: str, *, witness: bool) -> tuple[float, int]:
    """As the workstation decides: decision_recorded audited, then journalled; decision_delivered audited on
    delivery; with ``witness`` the platform witnesses the audit log (every 50 events, and at close)."""
    server = start_in_thread(posts=DECISIONS)
    try:
        api = _client(server.url)
        ids = _all_ids(api)[:DECISIONS]
        audit_log = open_audit_log(f"sqlite:///{folder / f'{name}-audit.sqlite3'}", workstation="bench",
                                   data_dir=folder / name, platform=api if witness else None)

        def audited(kind: EventType, post_id: str) -> None:
            audit_log.append(AuditEvent.new(kind, actor="lead1", workstation="bench", subject=f"post:{post_id}",
                                            category="10.7", decision_kind="remove", payload={}))

        def delivered(entry: OutboxEntry, _done: object) -> None:
            audited(EventType.DECISION_DELIVERED, entry.decision.post_id)

        outbox = Outbox(api, account_key(server.url, "lead1"), journal=OutboxJournal(folder / f"{name}.sqlite3"),
                        retry=RetryPolicy(initial_delay=0.001, max_delay=0.01), on_delivered=delivered)
        started = time.perf_counter()
        for made in _decisions(ids):
            audited(EventType.DECISION_RECORDED, made.post_id)
            outbox.record(made)
        report = outbox.deliver_pending()
        audit_log.close()  # with the witness: the end-of-run receipt
        rate = len(report.delivered) / (time.perf_counter() - started)
        outbox.close()
        receipts = len(server.store.witness_receipts_all()) if witness else 0
    finally:
        server.stop()
    return rate, receipts


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clean = start_in_thread(posts=2400)
        faulty = start_in_thread(posts=2400, faults="error=0.3,drop=0.1,429=0.05,retry_after=0")
        config = os.environ.get("MODAPP_CONFIG_DIR")
        os.environ["MODAPP_CONFIG_DIR"] = str(folder / "config")  # the platform key pin goes here, not to yours
        try:
            pages = _queue_latency(_client(clean.url))
            rate, record_ms = _through_outbox(clean.url, folder, "clean")
            faulty_rate, _ = _through_outbox(faulty.url, folder, "faulty")
            # alternated, three each: the disk's fsync rate swings more between runs than witnessing costs
            runs = [_audited_through_outbox(folder, f"run{i}", witness=i % 2 == 1) for i in range(6)]
            unwitnessed = median([rate for rate, _ in runs[0::2]])
            witnessed = median([rate for rate, _ in runs[1::2]])
            receipts = runs[1][1]
        finally:
            clean.stop()
            faulty.stop()
            if config is None:
                os.environ.pop("MODAPP_CONFIG_DIR", None)
            else:
                os.environ["MODAPP_CONFIG_DIR"] = config
    return [
        Row("queue page of 50 over loopback, median of 200", median(pages), "ms", 50),
        Row("queue page of 50 over loopback, p95 of 200", p95(pages), "ms", 50),
        Row("outbox record, one durable decision (WAL, synchronous=FULL), p95", p95(record_ms), "ms", 25),
        Row(f"decisions through the outbox (record + deliver {DECISIONS})", rate, "/s", 50, higher_is_better=True),
        Row("  same under faults error=0.3,drop=0.1,429=0.05", faulty_rate, "/s", 20, higher_is_better=True),
        Row("decisions via outbox + audit log (SQLite), witness off, median of 3", unwitnessed,
            "/s", 50, higher_is_better=True),
        Row(f"  same, platform witnessing the log ({receipts} receipts)", witnessed,
            "/s", 50, higher_is_better=True),
        Row("  witnessing on / off (issue 15: >= 90 %)", 100 * witnessed / unwitnessed, "%", 90,
            higher_is_better=True),
    ]
