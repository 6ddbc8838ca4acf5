"""Audit log: durable SQLite appends, PostgreSQL appends with 8 writer processes (8 workstations, each a process of
its own appending its own events through the app's whole path), verification of 1,000,000 events.

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
BURST = 10  # events per append_many call in the group-commit row


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


def _pg_worker(url: str, count: int, folder: str, name: str, barrier: Barrier, results: Any, mode: str) -> None:
    """One workstation: opens the log as the app does, then appends its own events. ``full``: one append call per
    event, the whole path (canonical JSON, Ed25519 signature, spool check, interval checkpoints, which verify the
    other workstations' signatures); ``burst``: the same path, 10 events per call (group commit); ``bare``: only
    the database's share (events signed up front, no checkpoints)."""
    logging.disable(logging.WARNING)  # "no OS keyring" from every worker would drown the table
    audit_log = _open(url, Path(folder) / name, name)
    events = [_event(name, n) for n in range(count)]
    prepared = [audit_log.writer.prepare(item) for item in events] if mode == "bare" else []
    barrier.wait()
    started, cpu = time.perf_counter(), time.process_time()
    if mode == "bare":
        for event in prepared:
            audit_log.store.append(event)
    elif mode == "burst":
        for first in range(0, count, BURST):
            audit_log.append_many(events[first:first + BURST])
    else:
        for item in events:
            audit_log.append(item)
    results.put((started, time.perf_counter(), time.process_time() - cpu))
    audit_log.store.close()


def postgres_appends(writers: int = 8, each: int = 2000, *, mode: str = "full") -> tuple[float, float, str]:
    """(events/s over all writers, client CPU µs per event, note) for ``writers`` separate processes, each
    appending its own ``each`` events at once into one fresh schema, then a full verification."""
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
            processes = [context.Process(target=_pg_worker, args=(url, each, folder, f"ws{n}", barrier, results, mode))
                         for n in range(writers)]
            for process in processes:
                process.start()
            spans = [results.get(timeout=600) for _ in processes]
            for process in processes:
                process.join()
            checker = _open(url, Path(folder) / "check", "check")
            report = checker.verify(all_signatures=True)
            checker.store.close()
        total = writers * each
        rate = total / (max(end for _, end, _ in spans) - min(start for start, _, _ in spans))
        client_us = sum(cpu for _, _, cpu in spans) / total * 1e6
        note = "chain intact, no gaps" if report.ok and report.head_seq == total else f"BROKEN: {report}"
        return rate, client_us, note
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
    name = "audit append, PostgreSQL, 8 writer processes, one event per call"
    try:
        bare, _, _ = postgres_appends(mode="bare")
        runs = sorted((postgres_appends() for _ in range(3)), key=lambda run: run[0])
        rate, client_us, note = runs[1]  # the median of three: the machine is shared, figures move
        rows.append(Row(name, rate, "events/s", 2000, higher_is_better=True,
                        note=f"median of {', '.join(f'{r:,.0f}' for r, _, _ in runs)}; {note}; client CPU "
                             f"{client_us:,.0f} µs/event; database's share alone (pre-signed, no checkpoints): "
                             f"{bare:,.0f}/s; load {os.getloadavg()[0]:.1f}"))
        rate, client_us, note = postgres_appends(mode="burst")
        rows.append(Row(f"audit append, PostgreSQL, 8 writer processes, bursts of {BURST} per call", rate,
                        "events/s", 2000, higher_is_better=True,
                        note=f"group commit; {note}; client CPU {client_us:,.0f} µs/event; "
                             f"load {os.getloadavg()[0]:.1f}"))
    except Exception as exc:  # noqa: BLE001 - no server here: say so in the table instead of failing the run
        rows.append(Row(name, 0, "events/s", 2000, higher_is_better=True,
                        note=f"not run: {str(exc).splitlines()[0][:60]}"))
    took, note = verify_big()
    rows.append(Row("audit verify, 1,000,000 events (SQLite)", took, "s", 10, note=note))
    return rows
