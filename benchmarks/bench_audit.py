"""Audit log: durable SQLite appends, PostgreSQL appends with 8 writer processes, verification of 1,000,000 events.

The 1,000,000-event SQLite log is generated once (bulk path, same chain and signatures) and kept in .bench/.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import tempfile
import time
import uuid
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from benchmarks.harness import REPO, Row

PG_URL = os.environ.get("MODAPP_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BIG = 1_000_000
BENCH_DIR = REPO / ".bench" / "audit"


def _event(actor: str, number: int) -> Any:
    from moderator_app.core.audit import AuditEvent, EventType

    return AuditEvent.new(EventType.DECISION_RECORDED, actor=actor, workstation=actor, subject=f"post:{number}",
                          category="10.7", decision_kind="remove", payload={"n": number, "note": "赌博广告"})


def _open(url: str, data_dir: Path, name: str) -> Any:
    from moderator_app.services.audit_service import open_audit_log

    return open_audit_log(url, data_dir=data_dir, workstation=name)


def sqlite_commit_floor(folder: str, seconds: float = 2.0) -> float:
    """Bare SQLite durable commits/s on this disk (WAL, synchronous=FULL, one small row each): the ceiling for
    any one-event-per-transaction append here."""
    database = sqlite3.connect(f"{folder}/floor.sqlite3", isolation_level=None)
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("PRAGMA synchronous=FULL")
    database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        database.execute("BEGIN IMMEDIATE")
        database.execute("INSERT INTO t (body) VALUES (?)", (os.urandom(400),))
        database.execute("COMMIT")
        count += 1
    database.close()
    return count / (time.perf_counter() - started)


def sqlite_appends(seconds: float = 4.0) -> float:
    with tempfile.TemporaryDirectory() as folder:
        audit_log = _open(f"sqlite:///{folder}/audit.sqlite3", Path(folder), "bench")
        audit_log.append(_event("bench", 0))
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            audit_log.append(_event("bench", count))
            count += 1
        rate = count / (time.perf_counter() - started)
        assert audit_log.verify().ok
        audit_log.close()
    return rate


def _pg_worker(url: str, count: int, folder: str, name: str, barrier: Barrier, results: Any, bare: bool) -> None:
    logging.disable(logging.WARNING)  # "no OS keyring" from every worker would drown the table
    audit_log = _open(url, Path(folder) / name, name)
    events = [_event(name, n) for n in range(count)]
    prepared = [audit_log.writer.prepare(item) for item in events] if bare else []
    barrier.wait()
    started = time.perf_counter()
    if bare:  # the database's share alone: pre-signed events, no checkpoints
        for event in prepared:
            audit_log.store.append(event)
    for item in [] if bare else events:
        audit_log.append(item)
    results.put((started, time.perf_counter()))
    audit_log.store.close()


def postgres_appends(writers: int = 8, each: int = 1500, *, bare: bool = False) -> tuple[float, str]:
    from sqlalchemy import create_engine, make_url, text

    schema = f"audit_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    try:
        with tempfile.TemporaryDirectory() as folder:
            _open(url, Path(folder) / "setup", "setup").store.close()
            context = multiprocessing.get_context("spawn")
            barrier, results = context.Barrier(writers), context.Queue()
            processes = [context.Process(target=_pg_worker, args=(url, each, folder, f"ws{n}", barrier, results, bare))
                         for n in range(writers)]
            for process in processes:
                process.start()
            spans = [results.get(timeout=600) for _ in processes]
            for process in processes:
                process.join()
            checker = _open(url, Path(folder) / "check", "check")
            report = checker.verify()
            checker.store.close()
        rate = writers * each / (max(end for _, end in spans) - min(start for start, _ in spans))
        note = "chain intact, no gaps" if report.ok and report.head_seq == writers * each else f"BROKEN: {report}"
        return rate, note
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def verify_big() -> tuple[float, str]:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "audit-1m.sqlite3"
    url = f"sqlite:///{database}"
    audit_log = _open(url, BENCH_DIR, "bench")
    head = audit_log.store.head()[0]
    if head != BIG:
        audit_log.store.close()
        for stale in BENCH_DIR.glob("*"):
            if stale.is_file():
                stale.unlink()
        audit_log = _open(url, BENCH_DIR, "bench")
        started = time.perf_counter()
        audit_log.generate(BIG)
        print(f"  generated {BIG:,} events in {time.perf_counter() - started:.1f} s (cached in {BENCH_DIR})")
    started = time.perf_counter()
    report = audit_log.verify()
    took = time.perf_counter() - started
    audit_log.store.close()
    return took, ("intact" if report.ok else f"BROKEN: {report.first_problem}") + \
        f", {report.signatures_checked:,} writer signatures"


def run() -> list[Row]:
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        floor = sqlite_commit_floor(folder)
    rate = sqlite_appends()
    rows = [Row("audit append, SQLite, durable (synchronous=FULL), one event per transaction", rate, "events/s",
                1000, higher_is_better=True,
                note=f"bare SQLite commits on this disk: {floor:,.0f}/s; load {os.getloadavg()[0]:.1f}")]
    try:
        bare, _ = postgres_appends(bare=True)
        rate, note = postgres_appends()
        rows.append(Row("audit append, PostgreSQL, 8 writer processes", rate, "events/s", 2000,
                        higher_is_better=True, note=f"{note}; database's share alone (pre-signed, no "
                                                    f"checkpoints): {bare:,.0f}/s; load {os.getloadavg()[0]:.1f}"))
    except Exception as exc:  # noqa: BLE001 - no server here: say so in the table instead of failing the run
        rows.append(Row("audit append, PostgreSQL, 8 writer processes", 0, "events/s", 2000,
                        higher_is_better=True, note=f"not run: {str(exc).splitlines()[0][:60]}"))
    took, note = verify_big()
    rows.append(Row("audit verify, 1,000,000 events (SQLite)", took, "s", 10, note=note))
    return rows
